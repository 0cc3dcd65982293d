"""Which indicator a figure is given: the mechanisms beyond a rule's own triggers, on short texts."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_scoring import evaluate  # noqa: E402

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


# Labels printed apart from the figure: an item heading sentence, a 数说 caption line, a column
# header, a sentence broken by a hard line break.  (text, which fact, its indicator)
LABELS = [
    ("（二）开展巾帼志愿服务。全年累计服务4.5万次。", -1, "org.volunteer_services"),
    ("3.“两癌”救助。向困难患病妇女发放救助资金96万元。", -1, "health.cancer_relief_funds"),
    ("一、发放创业担保贷款。贴息贷款3.2亿元，带动就业6400人。", -1, "employment.people"),
    ("18个\n新建巾帼示范基地", -1, "employment.demo_bases"),
    ("类别\t执委人数（名）\n村级\t1260", -1, "org.executive_members"),
    ("今年以来，全县各级妇联共举办各类家庭教育讲座和亲子活动\n452场，惠及家庭8000余户。", 0, "family.education_activities"),
]


@pytest.mark.parametrize("text, which, indicator", LABELS, ids=range(len(LABELS)))
def test_label_apart(text, which, indicator, rules):
    from fuhe_cli.extract import extract_text

    facts = extract_text(text, rules=rules).facts
    assert facts and facts[which].indicator.id == indicator


def test_same_thing_worded_differently_gets_one_indicator(rules):
    """Two corpus texts report the same indicators in different words, line for line."""
    left = evaluate("summary_county_alignment_wording", rules)
    right = evaluate("summary_prefecture_half_year_alignment", rules)
    by_left = {e["indicator"]: f.indicator.id for f, e in left.matched if not e.get("todo")}
    by_right = {e["indicator"]: f.indicator.id for f, e in right.matched if not e.get("todo")}
    shared = set(by_left) & set(by_right)
    assert len(shared) >= 12
    # family.model_families.* differ by level on purpose; everything else must line up
    for indicator in shared:
        assert by_left[indicator] == by_right[indicator] == indicator
