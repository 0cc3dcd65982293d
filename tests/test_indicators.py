"""Which indicator a figure is given: the mechanisms beyond a rule's own triggers, on short texts."""
from __future__ import annotations

import pytest

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
