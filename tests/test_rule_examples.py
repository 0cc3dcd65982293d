"""One test per rule example: the shipped rules behave as their own examples say."""
from __future__ import annotations

import pytest

from fuhe_cli.indicators import load_rules
from fuhe_cli.ruleexamples import run_example

RULESET = load_rules(use_env=False)
CASES = [(rule, index) for rule in RULESET.rules for index in range(len(rule.examples))]


@pytest.mark.parametrize("rule,index", CASES, ids=[f"{rule.id}[{index}]" for rule, index in CASES])
def test_rule_example(rule, index):
    result = run_example(RULESET, rule, index)
    if result.todo:
        if result.status == "todo":
            pytest.xfail(result.todo)
        return
    assert result.status == "pass", (
        f"{result.source}: {result.text}\n  want: {result.want}\n  got:  {result.got}\n  elsewhere: {result.others}")


def test_there_are_enough_examples():
    assert len(RULESET.rules) >= 40
    assert len(CASES) >= 2 * len(RULESET.rules)
