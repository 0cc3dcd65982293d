"""The number grammar on report wording: which quantities a text holds, with value, unit and qualifier.

One table, one line a case: (text, [(value, unit, qualifier)]); an empty list means nothing in the
text is a quantity.  tests/test_numbers.py tests the grammar expression by expression.
"""
from __future__ import annotations

import pytest

GRAMMAR = [
    # 来 as "about"; a duration is no quantity
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
