"""What a user writes by hand instead of fuhe: one regex and cn2an, a JSON line per match.

    python bench/naive.py FILE_OR_FOLDER ... > figures.jsonl

The benchmark's reference point for fuhe's speed: it reads UTF-8 files, finds
"number [万亿] [余多] unit" and converts the number, and nothing else — no qualifiers beyond 余/多,
no not-facts (dates, hotlines, 第十三次), no indicators, regions or years, no source offsets
beyond the match's line.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

PATTERN = re.compile(r"([0-9.]+|[零一二两三四五六七八九十百千万亿]+)(万|亿)?(余|多)?(人次|人|名|个|场|次|家|户|期|元|%)")
SCALE = {"万": 10_000, "亿": 100_000_000}


def figures(text: str):
    """(offset, value, unit) for each match whose number cn2an or float can read."""
    import cn2an

    for match in PATTERN.finditer(text):
        number = match.group(1)
        try:
            value = float(number) if number[0].isdigit() else cn2an.cn2an(number, "smart")
        except (ValueError, KeyError):
            continue
        yield match.start(), value * SCALE.get(match.group(2), 1), match.group(4)


def main(paths: list[str]) -> int:
    files = [p for arg in paths for p in (sorted(Path(arg).rglob("*.txt")) if Path(arg).is_dir() else [Path(arg)])]
    out = sys.stdout
    for path in files:
        text = path.read_text(encoding="utf-8")
        records = []
        for number, line in enumerate(text.split("\n"), 1):
            for _, value, unit in figures(line):
                records.append(json.dumps({"path": str(path), "line": number, "value": value, "unit": unit},
                                          ensure_ascii=False) + "\n")
        out.write("".join(records))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
