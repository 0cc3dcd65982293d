"""A second held-out round: eight report styles the earlier rounds did not cover.

A town federation's colloquial year-end summary, a provincial executive-committee report (同比/环比,
累计, 其中 breakdowns), a charity-project notice (春蕾计划, 母亲邮包), a commendation decision
(三八红旗手, 巾帼文明岗, annex headers repeating the counts), an e-commerce training news page
(直播带货 sales), an anti-domestic-violence report (起/件/份), a positions inspection report
(覆盖率, 达标率, sample sizes) and a rural-revitalisation overview (亩, 户均增收, 元/人).

`tests/fixtures/heldout2/NAME.yaml` lists every fact a reader would take from NAME.txt, scored the
way tests/test_heldout.py scores its round (fuhe_cli.evaluate.match_facts: line ±1, value, unit;
then qualifier, indicator, region, year).  Written before any fix.

    .venv/bin/python tests/test_heldout2.py [-v]
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_heldout import assert_well_formed, evaluate, report  # noqa: E402  (one scorer for every round)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "heldout2"
NAMES = sorted(path.stem for path in FIXTURES.glob("*.txt"))


@pytest.mark.parametrize("name", NAMES)
def test_heldout2_report(name, rules):
    problems = evaluate(name, rules, FIXTURES).problems()
    assert not problems, "\n".join(problems)


def test_fixtures_are_well_formed():
    assert_well_formed(FIXTURES, 8)



# The general mechanisms this round added, one line each: (text, [(value, unit, qualifier)]).
GRAMMAR = [
    ("来参加的群众有2100来人", [(2100, "人", "approx")]),
    ("三十来个妇女报名", [(30, "个", "approx")]),
    ("接待30来访群众", []),
    ("为期5天的培训", []),
    ("历时3个月的专项行动", []),
    ("卖了2万多斤脐橙", [(20000, "斤", "at_least")]),
]


@pytest.mark.parametrize("text, expected", GRAMMAR, ids=[text for text, _ in GRAMMAR])
def test_grammar_mechanisms(text, expected):
    from fuhe_cli.normalise import normalise
    from fuhe_cli.numbers import find_quantities

    got = [(q.value, q.unit, q.qualifier) for q in find_quantities(normalise(text).text)]
    assert got == expected


# 其中 breakdowns measure what the figure before them measures, unless their own rule is of the
# same work area (a narrower or sibling indicator) or declared more specific.
BREAKDOWNS = [
    ("培训城乡妇女9.4万人次，其中农村留守妇女1.6万人次。", "training.participants"),
    ("代理诉讼案件74起，其中胜诉或调解结案69起。", "rights.legal_aid"),
    ("评选最美家庭5.2万户，其中全国最美家庭21户。", "family.model_families.national"),
    ("推荐县级最美家庭8户，其中1户被评为市级最美家庭。", "family.model_families.prefecture"),
]


@pytest.mark.parametrize("text, indicator", BREAKDOWNS, ids=range(len(BREAKDOWNS)))
def test_breakdown_indicator(text, indicator, rules):
    from fuhe_cli.extract import extract_text

    assert extract_text(text, rules=rules).facts[-1].indicator.id == indicator


if __name__ == "__main__":
    raise SystemExit(report(sys.argv[1:], FIXTURES))
