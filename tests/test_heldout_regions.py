"""A held-out round on region and year attribution: eight pages written after the heldout round.

Each `tests/fixtures/heldout_regions/NAME.txt` has a `NAME.yaml` with the document's expected
region (official full name) and, where the page states them, its date and reporting year, and
every figure a reader would take from it: line, the figure as written (`at`), value, unit,
qualifier, region and year. Figures are paired with facts as scripts/score_gold.py pairs them
(fuhe_cli.evaluate.match_facts: line ±1, value and unit); indicators are not judged here.

Run as a script for the figures (facts found, region and year accuracy over matched facts):

    .venv/bin/python tests/test_heldout_regions.py [-v]
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "heldout_regions"
NAMES = sorted(path.stem for path in FIXTURES.glob("*.txt"))


def expectations(name: str, fixtures: Path = FIXTURES) -> dict:
    return yaml.safe_load((fixtures / f"{name}.yaml").read_text(encoding="utf-8"))


def extract(name: str, fixtures: Path = FIXTURES):
    from fuhe_cli.extract import extract_text
    from fuhe_cli.reading import read_source

    source = read_source(str(fixtures / f"{name}.txt"))
    return extract_text(source.text, f"{name}.txt", encoding=source.encoding)


def _name(region, wanted) -> str | None:
    """The region's name, with @PARENT when the expectation is written that way."""
    from fuhe_cli.regions import gazetteer

    if region is None:
        return None
    if isinstance(wanted, str) and "@" in wanted:
        parent = gazetteer().parent(region)
        return f"{region.name}@{parent.name if parent else ''}"
    return region.name


def problems(name: str, fixtures: Path = FIXTURES) -> tuple[list[str], int]:
    """(what is wrong, number of figures judged) for one page."""
    from fuhe_cli.evaluate import match_facts

    expected = expectations(name, fixtures)
    document = extract(name, fixtures)
    matched, _, missed = match_facts(document.facts, expected["facts"])
    out = [f"missed L{e['line']}: {e['at']}" for e in missed]
    for fact, wanted in matched:
        region = _name(fact.region, wanted["region"])
        if region != wanted["region"]:
            out.append(f"region L{fact.line} {wanted['at']}: {region}, want {wanted['region']}")
        if fact.year != wanted["year"]:
            out.append(f"year   L{fact.line} {wanted['at']}: {fact.year}, want {wanted['year']}")
    got = {"region": _name(document.region, expected.get("region")),
           "date": document.date, "year": document.year}
    for key in ("region", "date", "year"):
        if key in expected and got[key] != expected[key]:
            out.append(f"document {key}: {got[key]}, want {expected[key]}")
    return out, len(matched)


@pytest.mark.parametrize("name", NAMES)
def test_heldout_regions(name):
    found, _ = problems(name)
    assert not found, "\n".join(found)


def test_fixtures_are_well_formed():
    """Eight pages; every figure is on the line it claims, in reading order."""
    from fuhe_cli.reading import read_source

    assert len(NAMES) >= 8
    for name in NAMES:
        lines = read_source(str(FIXTURES / f"{name}.txt")).text.split("\n")
        expected = expectations(name)
        assert "region" in expected, name
        for fact in expected["facts"]:
            assert {"line", "at", "value", "unit", "qualifier", "region", "year"} <= set(fact)
            assert fact["at"] in lines[fact["line"] - 1], (name, fact)


def report(argv: list[str], fixtures: Path = FIXTURES) -> int:
    """Print a round's figures (the script entry of every held-out regions round)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    verbose = "-v" in argv
    judged = expected_total = wrong_region = wrong_year = missed = documents_wrong = 0
    for name in sorted(path.stem for path in fixtures.glob("*.txt")):
        found, matched = problems(name, fixtures)
        judged += matched
        expected_total += sum(not fact.get("doubtful") for fact in expectations(name, fixtures)["facts"])
        missed += sum(item.startswith("missed") for item in found)
        wrong_region += sum(item.startswith("region") for item in found)
        wrong_year += sum(item.startswith("year") for item in found)
        documents_wrong += sum(item.startswith("document") for item in found)
        if verbose:
            print(f"== {name}: {matched} matched")
            for item in found:
                print("  " + item)
    print(f"recall {judged / max(1, expected_total):.3f}  region {1 - wrong_region / max(1, judged):.3f}  "
          f"year {1 - wrong_year / max(1, judged):.3f}  document fields wrong {documents_wrong}  "
          f"(matched {judged} of {expected_total}, missed {missed})")
    return 0


if __name__ == "__main__":
    raise SystemExit(report(sys.argv[1:]))


# The general mechanisms this round added, each on wording the fixtures do not use:
# (text, [(figure, region, year)]).
MECHANISMS = [
    # dated wire leads start articles even under headlines that name no place
    ("人民日报 2023年6月2日\n\n让孩子们快乐过节\n本报南宁6月1日电 南宁市妇联为留守儿童送去图书5000册。\n\n"
     "家门口的维权站\n新华社西宁6月1日电 西宁市城西区妇联建成妇女维权站12个。\n",
     [("5000册", "南宁市", None), ("12个", "城西区", None)]),
    # a parenthesised sign-off names the county over a parent named more often in the body
    ("关于开展春风行动的情况汇报\n\n今年，我们落实宿迁市妇联部署，参与宿迁市春风行动。\n"
     "一、全年举办招聘会12场。\n\n（沭阳县妇联供稿）\n2023年12月28日\n",
     [("12场", "沭阳县", 2023)]),
    # a period opening the sentence dates the clauses after its semicolon
    ("常德市妇联工作情况\n\n2023年1至9月，全市开展宣讲860场；举办培训45期。\n", [("45期", "常德市", 2023)]),
    # a year behind 其中 breaks a total down; it does not date the total
    ("嘉兴市妇联工作简报\n2024-01-08\n\n近三年，全市共建成妇女微家1200个，其中2021年300个、2022年400个。\n",
     [("1200个", "嘉兴市", None), ("300个", "嘉兴市", 2021)]),
    # customary banner abbreviations are places
    ("兴安盟妇联动态\n\n科右中旗妇联为妇女开展筛查3200人。\n", [("3200人", "科尔沁右翼中旗", None)]),
]


@pytest.mark.parametrize("text, expected", MECHANISMS, ids=range(len(MECHANISMS)))
def test_attribution_mechanisms(text, expected):
    from fuhe_cli.extract import extract_text

    facts = extract_text(text).facts
    for figure, region, year in expected:
        found = [fact for fact in facts if fact.text.endswith(figure)]
        assert found, figure
        assert (found[0].region.name if found[0].region else None, found[0].year) == (region, year), figure
