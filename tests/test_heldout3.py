"""A third held-out round: six report styles the earlier rounds did not cover.

A 「数说」 infographic (a big figure on its own line, its caption on the next), a 年度十件实事 list
(item heading sentence, then target / actual / 完成率), a 统计表 flattened to tab-separated text (units
only in the header cells, one region per row), a PDF text layer (hard line breaks inside sentences,
page footers), a 考核通报 with ranks and scores, and a 项目申报书 (budget lines, 绩效目标 with
不少于/不超过).

`tests/fixtures/heldout3/NAME.yaml` lists every fact a reader would take from NAME.txt, scored the
way tests/test_heldout.py scores its round (fuhe_cli.evaluate.match_facts: line ±1, value, unit;
then qualifier, indicator, region, year).  Written before any fix.

    .venv/bin/python tests/test_heldout3.py [-v]
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_heldout import assert_well_formed, evaluate, report  # noqa: E402  (one scorer for every round)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "heldout3"
NAMES = sorted(path.stem for path in FIXTURES.glob("*.txt"))


@pytest.mark.parametrize("name", NAMES)
def test_heldout3_report(name, rules):
    problems = evaluate(name, rules, FIXTURES).problems()
    assert not problems, "\n".join(problems)


def test_fixtures_are_well_formed():
    assert_well_formed(FIXTURES, 6)



# The general mechanisms this round added, on wording the fixtures do not use:
# (text, [(value, unit, qualifier)]).
GRAMMAR = [
    ("所需经费：36万元", [(360000, "元", "exact")]),                # a form's label, then its figure
    ("8期×1.5万元/期=12万元", [(8, "期", "exact"), (120000, "元", "exact")]),  # the total of a budget line
    ("比分3：2", []),
    ("1+1=2", []),
    ("发放宣传册2.4万\n份，覆盖全县", [(24000, "份", "exact")]),  # a PDF line break inside the unit
    ("调处纠纷310件\n次日回访", [(310, "件", "exact")]),
    ("服务期为2024年1月至6月（共6个月）", []),                    # the length of the period just named
    ("志愿服务时长共1.2万小时", [(12000, "小时", "exact")]),
]


@pytest.mark.parametrize("text, expected", GRAMMAR, ids=[text for text, _ in GRAMMAR])
def test_grammar_mechanisms(text, expected):
    from fuhe_cli.normalise import normalise
    from fuhe_cli.numbers import find_quantities

    got = [(q.value, q.unit, q.qualifier) for q in find_quantities(normalise(text).text)]
    assert got == expected


# Labels printed apart from the figure: an item heading sentence, a 数说 caption line, a column
# header, a sentence broken by a hard line break.  (text, indicator of the last fact)
LABELS = [
    ("（二）开展巾帼志愿服务。全年累计服务4.5万次。", "org.volunteer_services"),
    ("3.“两癌”救助。向困难患病妇女发放救助资金96万元。", "health.cancer_relief_funds"),
    ("一、发放创业担保贷款。贴息贷款3.2亿元，带动就业6400人。", "employment.people"),
    ("18个\n新建巾帼示范基地", "employment.demo_bases"),
    ("类别\t执委人数（名）\n村级\t1260", "org.executive_members"),
    ("今年以来，全县各级妇联共举办各类家庭教育讲座和亲子活动\n452场，惠及家庭8000余户。", "family.education_activities"),
]


@pytest.mark.parametrize("text, indicator", LABELS, ids=range(len(LABELS)))
def test_label_apart(text, indicator, rules):
    from fuhe_cli.extract import extract_text

    facts = extract_text(text, rules=rules).facts
    assert facts and facts[-1 if indicator != "family.education_activities" else 0].indicator.id == indicator


if __name__ == "__main__":
    raise SystemExit(report(sys.argv[1:], FIXTURES))
