"""Numerals read into exact values: the same-length fold of full-width digits and traditional or
financial numerals, and the conversion of a numeral the grammar has chosen (cn2an for Chinese
numerals, `Decimal` for digits times multipliers).
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Optional

from fuhe_cli.models import Number

# ---------------------------------------------------------------------------
# Character fold: one character in, one character out, so offsets never move.

_FOLD_PAIRS = {
    **{chr(0xFF10 + i): str(i) for i in range(10)},
    "．": ".", "％": "%", "，": "，", "＋": "+", "－": "-", "−": "-", "～": "~", "　": " ",
    "萬": "万", "億": "亿", "兩": "两", "倆": "两", "貳": "二", "參": "三", "陸": "六",
    "壹": "一", "贰": "二", "叁": "三", "肆": "四", "伍": "五", "陆": "六", "柒": "七",
    "捌": "八", "玖": "九", "拾": "十", "佰": "百", "仟": "千", "點": "点", "餘": "余",
    "戶": "户", "個": "个", "場": "场", "項": "项", "幾": "几", "負": "负", "約": "约",
    "將": "将", "達": "达", "於": "于", "週": "周", "級": "级", "屆": "届", "第": "第",
    "筆": "笔", "間": "间", "張": "张", "臺": "台", "門": "门", "課": "课", "時": "时",
    "條": "条", "類": "类", "處": "处", "節": "节", "億": "亿", "場": "场", "萬": "万",
}
_FOLD_PAIRS = {key: value for key, value in _FOLD_PAIRS.items() if key != value}
# str.translate walks every character in Python-level lookups; a regex finds the few that fold.
_FOLD_RE = re.compile("[" + re.escape("".join(_FOLD_PAIRS)) + "]")


def fold(text: str) -> str:
    """Same-length fold of full-width digits and traditional/financial numerals."""
    return _FOLD_RE.sub(lambda match: _FOLD_PAIRS[match.group()], text)


# ---------------------------------------------------------------------------
# Numeral conversion (exact).
#
# A Chinese numeral the grammar has chosen is read by cn2an (smart mode).  fuhe reads it itself
# only when cn2an refuses it and it has one of the forms in OWN_READINGS (each listed with
# cn2an's answer in docs and pinned in tests/test_numbers.py); any other refusal is no numeral.
# Arabic-led spans (1.3万, 5万4千6百) are digits times multipliers, read with Decimal below.

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10**4, "亿": 10**8, "兆": 10**12}
_TOKEN = re.compile(r"[0-9]+(?:\.[0-9]+)?|\.[0-9]+|.")


class _Malformed(ValueError):
    pass


def _fraction_digits(digits: str) -> Decimal:
    text = "".join(str(_CN_DIGITS[c]) if c in _CN_DIGITS else c for c in digits)
    if not text.isdigit():
        raise _Malformed(digits)
    return Decimal("0." + text)


def _convert_integer_part(expression: str) -> Decimal:
    """Chinese / arabic / mixed numeral (no 点) -> Decimal; raises _Malformed."""
    if not expression:
        raise _Malformed(expression)
    if all(c in _CN_DIGITS for c in expression) and len(expression) > 1:
        # Digit-by-digit reading: 二〇二三, 九九
        return Decimal("".join(str(_CN_DIGITS[c]) for c in expression))
    big_parts: list[tuple[Decimal, int]] = []   # (absolute value, magnitude)
    section = Decimal(0)
    current: Optional[Decimal] = None
    current_is_single_digit = False
    last_multiplier = 0
    after_zero = False
    previous_was_multiplier = False
    for token in _TOKEN.findall(expression):
        if token[0].isdigit() or token[0] == ".":
            if current is not None:
                raise _Malformed(expression)
            current = Decimal(token)
            current_is_single_digit = False
            previous_was_multiplier = False
        elif token in ("零", "〇"):
            if current is not None:
                raise _Malformed(expression)
            after_zero = True
            previous_was_multiplier = False
        elif token in _CN_DIGITS:
            if current is not None:
                raise _Malformed(expression)
            current = Decimal(_CN_DIGITS[token])
            current_is_single_digit = previous_was_multiplier and not after_zero
            previous_was_multiplier = False
        elif token in _SMALL:
            multiplier = _SMALL[token]
            section += (current if current is not None else 1) * multiplier
            current = None
            last_multiplier = multiplier
            after_zero = False
            previous_was_multiplier = True
        elif token in _BIG:
            magnitude = _BIG[token]
            part = section + (current if current is not None else 0)
            if part == 0:
                # 万万 / 万亿: multiply what came before; bare 万 is one 万
                lower = [v for v, m in big_parts if m <= magnitude]
                big_parts = [(v, m) for v, m in big_parts if m > magnitude]
                part = sum(lower, Decimal(0)) or Decimal(1)
            else:
                lower = [v for v, m in big_parts if m < magnitude]
                big_parts = [(v, m) for v, m in big_parts if m >= magnitude]
                part += sum(lower, Decimal(0))
            big_parts.append((part * magnitude, magnitude))
            section = Decimal(0)
            current = None
            last_multiplier = magnitude
            after_zero = False
            previous_was_multiplier = True
        else:
            raise _Malformed(expression)
    total = section + sum((v for v, _ in big_parts), Decimal(0))
    if current is not None:
        if current_is_single_digit and last_multiplier >= 10:
            # Colloquial tail: 一万三 = 13000, 两千四百五 = 2450
            current *= Decimal(last_multiplier) / 10
        total += current
    return total


# Forms of Chinese numerals that cn2an refuses and reports write: fuhe's own reading is kept for
# these (name -> where the form shows).
OWN_READINGS = {
    "兆 (10^12)": re.compile("兆"),
    "stacked 万万 / 亿亿": re.compile("万万|亿亿"),
    "a decimal before 万/亿 (二十一点二万)": re.compile("点[零〇一二三四五六七八九]+[万亿]"),
    "no integer part (点五)": re.compile("^点"),
    "spoken tail after 亿 (六亿八)": re.compile("亿[一二两三四五六七八九]$"),
    "leading multiplier (百, 万, 百三, 千三)": re.compile("^[百千万亿]"),
    "redundant 零 (二十零万, 一百零零万, 一百零十万)": re.compile("零[零十百千万亿]|十零"),
}
# Forms cn2an reads although they are no numeral: two digits in a row beside units (七两万四 is
# 94000 to cn2an; 两三万 and 十七八万 are ranges, read before a value is asked for).
CN2AN_MISREADS = {
    "digits in a row beside units (七两万四, 一四亿)": re.compile(
        "(?=.*[十百千万亿])(?=.*[一二两三四五六七八九][零〇一二两三四五六七八九])"),
}
_CHINESE_NUMERAL = re.compile("[零〇一二两三四五六七八九十百千万亿兆点]+")
_cn2an = None


def _cn2an_reading(expression: str) -> Optional[Decimal]:
    """cn2an's value of a Chinese numeral, or None when it refuses it."""
    global _cn2an
    if _cn2an is None:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import cn2an

        _cn2an = cn2an.cn2an
    try:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "小数部分 … 截取前 16 位" on long fractions
            value = _cn2an(expression, "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return Decimal(value) if isinstance(value, int) else Decimal(str(value))


@lru_cache(maxsize=4096)
def _convert(expression: str) -> Optional[Decimal]:
    """Folded numeral without spaces -> exact Decimal, or None when it is not a numeral."""
    if _CHINESE_NUMERAL.fullmatch(expression) and not any(
            form.match(expression) for form in CN2AN_MISREADS.values()):
        value = _cn2an_reading(expression)
        if value is not None or not any(form.search(expression) for form in OWN_READINGS.values()):
            return value
    return _own_reading(expression)


def _own_reading(expression: str) -> Optional[Decimal]:
    try:
        if "点" in expression:
            left, right = expression.split("点", 1)
            digits = re.match(r"[零〇一二两三四五六七八九0-9]*", right).group(0)
            rest = right[len(digits):]
            value = _convert_integer_part(left) if left else Decimal(0)
            if digits:
                value += _fraction_digits(digits.replace("两", "二"))
            for char in rest:
                if char not in _BIG and char not in _SMALL:
                    raise _Malformed(expression)
                value *= _BIG.get(char) or _SMALL[char]
            return value
        return _convert_integer_part(expression)
    except (_Malformed, InvalidOperation):
        return None


def _canonical(value: Decimal) -> Number:
    if value == value.to_integral_value():
        return int(value)
    return float(value)
