"""Properties over arbitrary text: the pipeline never raises, offsets stay inside the input,
values are finite and non-negative unless a sign is written.

Two kinds of text: report-like text drawn from the characters that drive the number grammar
(CJK and financial numerals, full-width digits, 。 between digits, %, 万亿, converter noise
in brackets, traditional characters, newlines), and any Unicode at all. Example counts are
kept modest so the whole suite stays fast; `--hypothesis-seed` reproduces a failure.
"""
from __future__ import annotations

import math
import os

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fuhe_cli import parse_number
from fuhe_cli.normalise import normalise
from fuhe_cli.numbers import find_quantities

# Pieces, not single characters, so the grammar's interesting shapes actually occur.
_PIECES = [
    *"0123456789", *"０１２３４５６７８９", *"零〇一二两三四五六七八九十百千万亿", *"壹贰叁拾佰仟萬億",
    "万亿", "百分之", "千分之", "个百分点", "成", "折", "半",
    *"%％﹪‰.．。,，、；;：:（）()“”\"-－+＋~～至到— \u3000\n",
    "余", "多", "逾", "近", "约", "左右", "以上", "不到", "超过", "达", "累计", "共计", "负",
    "人", "人次", "名", "个", "场", "场次", "户", "家", "元", "万元", "亿元", "岁", "年", "月", "日",
    "第", "次", "届", "号", "期", "倍", "天", "小时", "公里",
    "妇联", "婦聯", "(lián)", "（fù）", "(Beijing)", "巾帼", "培训", "宣讲", "覆盖", "调解成功率",
    "筹资", "帮扶", "全市", "四川省", "成都市", "2023年", "十四五", "12338", "3510",
    "<p>", "&nbsp;", "\t", "\r\n", "\ufeff",
]
_DIGITS = st.sampled_from(["0123456789", "０１２３４５６７８９", "一二三四五六七八九十百千两零"])
# A figure-shaped clause (qualifier, number, scale, marker, unit), so many examples hold facts.
figure = st.tuples(
    st.sampled_from(["", "近", "约", "超过", "累计", "共计", "达", "逾", "负", "百分之"]),
    _DIGITS.flatmap(lambda digits: st.text(alphabet=digits, min_size=1, max_size=6)),
    st.sampled_from(["", ".5", "。6", "．3", ",000", " 000", "万", "亿", "万亿", "余万", "多"]),
    st.sampled_from(["", "余", "多", "左右", "以上", "至20"]),
    st.sampled_from(["人次", "场", "个", "户", "万元", "元", "%", "％", "个百分点", "岁", "年", "名妇女", ""]),
    st.sampled_from(["，", "。", "；", "\n", "", "(lián)"]),
).map("".join)
report_text = st.lists(st.one_of(st.sampled_from(_PIECES), figure), max_size=40).map("".join)
any_text = st.text(max_size=80)
texts = st.one_of(report_text, report_text, any_text)

_SIGNS = ("负", "-", "－", "−", "减少", "下降")
# FUHE_HYPOTHESIS_EXAMPLES=5000 for a deeper hunt than the suite's default.
EXAMPLES = int(os.environ.get("FUHE_HYPOTHESIS_EXAMPLES", "300"))
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _finite(value) -> bool:
    return value is None or (isinstance(value, (int, float)) and math.isfinite(value))


def _signed(text: str) -> bool:
    return any(sign in text for sign in _SIGNS)


@FAST
@given(texts)
@example(",")  # a lone separator once raised IndexError in _core_value
def test_parse_number_never_raises_and_values_are_finite(text):
    parsed = parse_number(text)
    for value in (parsed.value, parsed.low, parsed.high):
        assert _finite(value), (text, parsed)
        if value is not None and not _signed(text):
            assert value >= 0, (text, parsed)
    if parsed.qualifier == "range":
        assert parsed.low is not None and parsed.high is not None


@FAST
@given(texts)
def test_quantities_lie_inside_the_text_with_finite_values(text):
    folded = normalise(text).text
    previous_start = -1
    for quantity in find_quantities(folded):
        assert 0 <= quantity.start <= quantity.num_start < quantity.num_end <= quantity.end <= len(folded)
        assert quantity.start >= previous_start, "quantities come in text order"
        previous_start = quantity.start
        for value in (quantity.value, quantity.low, quantity.high):
            assert _finite(value), (folded, quantity)
            if value is not None and not _signed(folded[max(0, quantity.start - 2):quantity.end]):
                assert value >= 0, (folded, quantity)
        assert quantity.qualifier in ("exact", "approx", "at_least", "at_most", "range")


@FAST
@given(texts)
# lines joined as a wrapped text's, and converter noise dropped at the very end
@example(text="0人次，000000人次，0人次\n0余人次，0.5余人次，\r\n0人次，００００余人次，0人次\n0人次\n百分之一一一一一人次\n0人次(lián)")
def test_normalise_map_is_monotone_and_in_range(text):
    result = normalise(text)
    assert result.to_original(len(result.text)) == len(text)
    previous = -1
    for index in range(len(result.text) + 1):
        original = result.to_original(index)
        assert previous < original <= len(text)
        previous = original
    for repair in result.repairs:
        assert 0 <= repair.start < repair.end <= len(text)


# --- the whole pipeline -----------------------------------------------------------------------
_rules = None


def _shipped_rules():
    global _rules
    if _rules is None:
        from fuhe_cli.indicators import load_rules

        _rules = load_rules(use_env=False)
    return _rules


def _check_document(text: str, document) -> None:
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    for fact in document.facts:
        assert 1 <= fact.line <= len(lines), fact
        line = lines[fact.line - 1]
        assert 1 <= fact.column <= len(line) + 1, fact
        offset = starts[fact.line - 1] + fact.column - 1
        assert fact.text, fact
        assert fact.text in text, "the fact's text is a slice of the original"
        # the character the fact points at is part of the fact's quoted text
        assert offset < len(text) and text[offset] in fact.text, (fact, text[offset:offset + 5])
        for value in (fact.value, fact.low, fact.high):
            assert _finite(value), fact
            if value is not None and not _signed(fact.text):
                assert value >= 0, fact
        assert fact.year is None or 1900 <= fact.year <= 2100, fact
    assert [(f.line, f.column) for f in document.facts] == sorted((f.line, f.column) for f in document.facts)
    for warning in document.warnings:
        assert 1 <= warning.line <= len(lines)
        assert 1 <= warning.column <= len(lines[warning.line - 1]) + 1


@FAST
@given(texts)
def test_extract_text_never_raises_and_points_into_the_original(text):
    from fuhe_cli.extract import extract_text

    document = extract_text(text, rules=_shipped_rules())
    _check_document(text, document)


@settings(max_examples=max(10, EXAMPLES // 8), deadline=None)
@given(st.lists(report_text, min_size=1, max_size=8))
def test_extract_text_is_deterministic(paragraphs):
    """Same text, same Document, across many lines."""
    from fuhe_cli.extract import extract_text

    text = "\n".join(paragraphs)
    first = extract_text(text, rules=_shipped_rules())
    second = extract_text(text, rules=_shipped_rules())
    assert first.model_dump() == second.model_dump()
    _check_document(text, first)
