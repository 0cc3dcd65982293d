"""Score extracted facts against hand-checked answers.

A fact matches an expected one when its line is within ±1 and its value and unit agree — the rule
the gold answers in ../shared are judged by. Expectations marked `doubtful: true` are neither
rewarded nor punished. Used by scripts/score_gold.py and the accuracy tests, so all of them count
the same way.
"""
from __future__ import annotations

import math
from typing import Sequence


def same_value(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)


def match_facts(facts: Sequence, expected: Sequence[dict]) -> tuple[list[tuple], list, list[dict]]:
    """Pair facts with expectations greedily, the closest line first.

    Returns (matched (fact, expectation) pairs, facts nothing expected, expectations nothing found);
    doubtful expectations appear in neither the pairs nor the missed list, and the facts they
    account for are not extra.
    """
    used: set[int] = set()
    matched, extra = [], []
    for fact in facts:
        best = None
        for index, expectation in enumerate(expected):
            if index in used or abs(expectation["line"] - fact.line) > 1:
                continue
            if not same_value(expectation["value"], fact.value) or str(expectation.get("unit")) != str(fact.unit):
                continue
            if best is None or abs(expectation["line"] - fact.line) < abs(expected[best]["line"] - fact.line):
                best = index
        if best is None:
            extra.append(fact)
        else:
            used.add(best)
            if not expected[best].get("doubtful"):
                matched.append((fact, expected[best]))
    missed = [e for i, e in enumerate(expected) if i not in used and not e.get("doubtful")]
    return matched, extra, missed
