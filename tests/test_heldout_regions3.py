"""Held-out round 3 on region and year attribution: six pages written after heldout_regions and heldout2.

Each `tests/fixtures/heldout_regions3/NAME.txt` has a `NAME.yaml` with the document's expected
region (official full name) and, where the page states them, its date and reporting year, and
every figure a reader would take from it (a region written NAME@PARENT names its parent too, for
names two regions share, e.g. 朝阳区@北京市 / 朝阳区@长春市): line, the figure as written (`at`), value, unit,
qualifier, region and year. Figures are paired with facts as scripts/score_gold.py pairs them
(fuhe_cli.evaluate.match_facts: line ±1, value and unit); indicators are not judged here.

Run as a script for the figures (facts found, region and year accuracy over matched facts):

    .venv/bin/python tests/test_heldout_regions3.py [-v]
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "heldout_regions3"
NAMES = sorted(path.stem for path in FIXTURES.glob("*.txt"))


def expectations(name: str) -> dict:
    return yaml.safe_load((FIXTURES / f"{name}.yaml").read_text(encoding="utf-8"))


def extract(name: str):
    from fuhe_cli.extract import extract_text
    from fuhe_cli.reading import read_source

    source = read_source(str(FIXTURES / f"{name}.txt"))
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


def problems(name: str) -> tuple[list[str], int]:
    """(what is wrong, number of figures judged) for one page."""
    from fuhe_cli.evaluate import match_facts

    expected = expectations(name)
    document = extract(name)
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
def test_heldout_regions3(name):
    found, _ = problems(name)
    assert not found, "\n".join(found)


def test_fixtures_are_well_formed():
    """Six pages; every figure is on the line it claims, in reading order."""
    from fuhe_cli.reading import read_source

    assert len(NAMES) >= 6
    for name in NAMES:
        lines = read_source(str(FIXTURES / f"{name}.txt")).text.split("\n")
        expected = expectations(name)
        assert "region" in expected, name
        for fact in expected["facts"]:
            assert {"line", "at", "value", "unit", "qualifier", "region", "year"} <= set(fact)
            assert fact["at"] in lines[fact["line"] - 1], (name, fact)


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    verbose = "-v" in argv
    judged = expected_total = wrong_region = wrong_year = missed = documents_wrong = 0
    for name in NAMES:
        found, matched = problems(name)
        judged += matched
        expected_total += sum(not fact.get("doubtful") for fact in expectations(name)["facts"])
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
    raise SystemExit(main(sys.argv[1:]))


# The general mechanisms this round added, each on wording the fixtures do not use:
# (text, [(figure, region, year)]).
MECHANISMS = [
    # a headline ending in a quoted name is still a headline; a dated page header is no article
    ("社区新闻汇编\n2023年4月3日\n\n武侯区：院落里的“妇女微家”\n本报讯 成都市武侯区妇联建成妇女微家40个。\n\n"
     "江阳区：江边的“巾帼驿站”\n本报讯 泸州市江阳区妇联建成巾帼驿站15个。\n",
     [("40个", "武侯区", None), ("15个", "江阳区", None)]),
    # an item that only a closing （来源：…） line ends gets its own region
    ("各地动态\n\n南明区：家庭教育进校园\n本报讯 贵阳市南明区妇联举办家长课堂30场。\n\n"
     "鼓楼区开展巾帼护河行动\n近日，鼓楼区妇联组织志愿者巡河80人次。\n（来源：福州鼓楼区融媒体中心）\n",
     [("30场", "南明区", None), ("80人次", "鼓楼区", None)]),
    # 全国妇联's own notice: national figures have no region; 新疆生产建设兵团 is not 新疆
    ("全国妇联关于2022年寒潮救助工作情况的通报\n\n各省、自治区、直辖市妇联，新疆生产建设兵团妇联：\n\n"
     "各级妇联共走访困难妇女9000户。河南省妇联发放慰问金60万元。\n",
     [("9000户", None, 2022), ("60万元", "河南省", 2022)]),
    # a plan paragraph (今后，…将…) is of no reporting period
    ("南平市妇联2023年工作总结\n\n全年培训妇女2000人次。\n\n今后，市妇联将新建婚姻家庭调解室10个。\n",
     [("2000人次", "南平市", 2023), ("10个", "南平市", None)]),
]


@pytest.mark.parametrize("text, expected", MECHANISMS, ids=range(len(MECHANISMS)))
def test_attribution_mechanisms(text, expected):
    from fuhe_cli.extract import extract_text

    facts = extract_text(text).facts
    for figure, region, year in expected:
        found = [fact for fact in facts if fact.text.endswith(figure)]
        assert found, figure
        assert (found[0].region.name if found[0].region else None, found[0].year) == (region, year), figure
