"""Build fuhe_cli/data/words.txt: jieba's most frequent words, a small dictionary for context phrases.

jieba's full dictionary takes ~0.5 s to load; the 40,000 most frequent words load in ~40 ms and
are enough to cut a context phrase at word boundaries. Each line keeps jieba's part-of-speech tag
(word frequency tag), which names an unnamed figure by the noun phrase it counts. Run at
development time:

    python scripts/build_word_list.py
"""
from __future__ import annotations

import os
from pathlib import Path

import jieba

TOP_WORDS = 40_000
OUTPUT = Path(__file__).resolve().parents[1] / "fuhe_cli" / "data" / "words.txt"


def main() -> None:
    source = Path(os.path.dirname(jieba.__file__)) / "dict.txt"
    rows = [line.split() for line in source.read_text(encoding="utf-8").splitlines()]
    rows = [row for row in rows if len(row) >= 2 and row[1].isdigit()]
    rows.sort(key=lambda row: (-int(row[1]), row[0]))
    lines = (f"{word} {frequency} {tag[0] if tag else 'x'}\n" for word, frequency, *tag in rows[:TOP_WORDS])
    OUTPUT.write_text("".join(lines), encoding="utf-8")
    print(f"wrote {TOP_WORDS} words to {OUTPUT}")


if __name__ == "__main__":
    main()
