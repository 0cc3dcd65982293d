"""parse_number against Microsoft Recognizers-Text's Chinese number and percent specs.

The specs are generic (not report-specific), so the suite measures a pass rate over the
inputs that are a single number expression (one result covering the whole input, not marked
NotSupported for python) and fails if it drops below the floor.  A handful of representative
rows are also pinned individually so that a regression names its case.
Skipped cleanly when /work/shared is absent.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from fuhe_cli.number_expressions import parse_number

SPECS = Path(__file__).resolve().parents[1].parent / "shared" / "external" / "recognizers-text-zh"
PASS_RATE_FLOOR = 0.97


def whole_input_cases(model: str) -> list[tuple[str, float]]:
    path = SPECS / f"{model}.json"
    if not path.exists():
        pytest.skip(f"{path} absent")
    cases = []
    for case in json.loads(path.read_text(encoding="utf-8-sig")):
        results = case["Results"]
        if "python" in case.get("NotSupported", "").lower():
            continue
        if len(results) == 1 and results[0]["Text"] == case["Input"]:
            cases.append((case["Input"], float(results[0]["Resolution"]["value"].rstrip("%"))))
    return cases


def agrees(text: str, expected: float) -> bool:
    value = parse_number(text).value
    return value is not None and abs(value - expected) <= 1e-9 * max(1.0, abs(expected))


def pass_rate(model: str) -> tuple[float, list[str]]:
    cases = whole_input_cases(model)
    failures = [text for text, expected in cases if not agrees(text, expected)]
    return 1 - len(failures) / len(cases), failures


@pytest.mark.parametrize("model", ["NumberModel", "PercentModel"])
def test_pass_rate(model):
    rate, failures = pass_rate(model)
    assert rate >= PASS_RATE_FLOOR, failures


# Pinned rows, one per feature of the converter (values from the specs).
PINNED = [
    ("NumberModel", "肆佰陸拾"),           # financial + traditional
    ("NumberModel", "十 余 万"),           # spaces and 余 between numeral and 万
    ("NumberModel", "两千四百五"),          # colloquial tail
    ("NumberModel", "10万万"),             # 万万
    ("NumberModel", "4.78万亿"),
    ("NumberModel", "7 万5 千4 百"),
    ("NumberModel", "五兆六十二亿四万五千二"),
    ("NumberModel", "一百零十万"),
    ("NumberModel", "1,100.9亿"),
    ("NumberModel", "两千万点五五四四"),
    ("NumberModel", "三百五十又3分之1"),
    ("NumberModel", "负四百零五亿零四百零四万"),
    ("PercentModel", "百分之一百二十点五"),
    ("PercentModel", "七成 六"),
    ("PercentModel", "三成半"),
    ("PercentModel", "千分之一百一十一点一一二"),
    ("PercentModel", "拾萬零五十六點叁叁個百分點"),
    ("PercentModel", "9.9折"),
]


@pytest.mark.parametrize("model,text", PINNED, ids=[text for _, text in PINNED])
def test_pinned(model, text):
    expected = dict(whole_input_cases(model))
    if text not in expected:
        pytest.skip("row not in this snapshot of the specs")
    assert agrees(text, expected[text]), (text, expected[text], parse_number(text).value)


def test_percentage_points_keep_their_unit():
    # The specs resolve 个百分点 to a percent value; fuhe keeps the value and says 百分点.
    parsed = parse_number("12.56个百分点")
    assert (parsed.value, parsed.unit) == (12.56, "百分点")
