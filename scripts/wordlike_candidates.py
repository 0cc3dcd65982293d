"""Print candidates for fuhe_cli/data/wordlike_places.txt: short division names that are words of
jieba's dictionary, most frequent first, with the dictionary's frequency and tag, and whether the
gazetteer or the list already flags them. Review by hand: a name goes on the list when running text
uses it as an ordinary word more often than as the place.

    python scripts/wordlike_candidates.py [--min-frequency 50]
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    import jieba

    from fuhe_cli.regions import gazetteer, wordlike_names

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-frequency", type=int, default=50)
    args = parser.parse_args()
    dictionary = {}
    for line in (Path(os.path.dirname(jieba.__file__)) / "dict.txt").read_text(encoding="utf-8").splitlines():
        word, frequency, tag = line.split()
        dictionary[word] = (int(frequency), tag)
    places, listed = gazetteer(), wordlike_names()
    rows = {}
    for region in places:
        entry = places.entry(region.code)
        if entry.short == entry.name or entry.level == "province" or entry.short not in dictionary:
            continue
        frequency, tag = dictionary[entry.short]
        if frequency >= args.min_frequency:
            flag = "listed" if entry.short in listed else "common" if entry.common else ""
            rows[entry.short] = (frequency, tag, entry.level, flag)
    for short, (frequency, tag, level, flag) in sorted(rows.items(), key=lambda row: -row[1][0]):
        print(f"{short}\t{frequency}\t{tag}\t{level}\t{flag}")


if __name__ == "__main__":
    main()
