"""Running the rules' inline examples (`fuhe rules test`), the way `semgrep --test` does: each
example's text goes through the real stages (normalise, number grammar, classify), and the facts
its rule names are compared with the ones it expects.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from fuhe_cli.rulefile import Rule

if TYPE_CHECKING:
    from fuhe_cli.indicators import RuleSet


@dataclass
class ExampleResult:
    rule_id: str
    source: str        # path:line of the example
    text: str
    want: list[dict]
    got: list[dict]
    others: list[dict] = field(default_factory=list)   # the text's other quantities and where they went
    status: str = "pass"                               # pass | fail | todo | fixed (a todo that now passes)
    todo: Optional[str] = None

    @property
    def failed(self) -> bool:
        return self.status == "fail"


def run_examples(ruleset: "RuleSet", rule_ids: Optional[set[str]] = None) -> list[ExampleResult]:
    """Run every example of every rule (or of `rule_ids`) through the real pipeline stages."""
    return [run_example(ruleset, rule, index)
            for rule in ruleset.rules if rule_ids is None or rule.id in rule_ids
            for index in range(len(rule.examples))]


def run_example(ruleset: "RuleSet", rule: Rule, index: int) -> ExampleResult:
    """Normalise an example's text, find its quantities, classify each: does `rule` name the expected ones?"""
    from fuhe_cli.numbers import find_quantities

    example = rule.examples[index]
    text = _normaliser()(example.text)
    got, others = [], []
    for quantity in find_quantities(text):
        indicator, rule_id = ruleset.classify(text, quantity)
        fact = {"value": quantity.value, "unit": quantity.unit, "qualifier": quantity.qualifier}
        if rule_id == rule.id:
            got.append(fact)
        else:
            others.append({**fact, "indicator": indicator.id})
    want = [{"value": e.value, "unit": e.unit or rule.unit, "qualifier": e.qualifier} for e in example.expect]
    passed = _same_facts(want, got)
    status = ("fixed" if passed else "todo") if example.todo else ("pass" if passed else "fail")
    lines = rule._example_lines
    where = f"{rule.source}:{lines[index] if index < len(lines) else rule.line}"
    return ExampleResult(rule.id, where, example.text, want, got, others, status, example.todo)


def _normaliser():
    try:
        from fuhe_cli.normalise import normalise
    except ImportError:
        return lambda text: text
    return lambda text: normalise(text).text


def _same_facts(want: list[dict], got: list[dict]) -> bool:
    remaining = list(got)
    for expected in want:
        for index, fact in enumerate(remaining):
            if (fact["value"] is not None and math.isclose(float(fact["value"]), expected["value"], rel_tol=1e-9)
                    and fact["unit"] == expected["unit"]
                    and (expected["qualifier"] is None or fact["qualifier"] == expected["qualifier"])):
                del remaining[index]
                break
        else:
            return False
    return not remaining
