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

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "heldout_regions3"
NAMES = sorted(path.stem for path in FIXTURES.glob("*.txt"))

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_heldout_regions import expectations, problems, report  # noqa: E402  (one scorer for every round)


@pytest.mark.parametrize("name", NAMES)
def test_heldout_regions3(name):
    found, _ = problems(name, FIXTURES)
    assert not found, "\n".join(found)


def test_fixtures_are_well_formed():
    """Six pages; every figure is on the line it claims, in reading order."""
    from fuhe_cli.reading import read_source

    assert len(NAMES) >= 6
    for name in NAMES:
        lines = read_source(str(FIXTURES / f"{name}.txt")).text.split("\n")
        expected = expectations(name, FIXTURES)
        assert "region" in expected, name
        for fact in expected["facts"]:
            assert {"line", "at", "value", "unit", "qualifier", "region", "year"} <= set(fact)
            assert fact["at"] in lines[fact["line"] - 1], (name, fact)


if __name__ == "__main__":
    raise SystemExit(report(sys.argv[1:], FIXTURES))


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
