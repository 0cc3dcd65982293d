"""`parse_number`: one number expression, raw or normalised, read with the grammar's units and
qualifiers (the library call behind `fuhe_cli.parse_number`)."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Optional

from fuhe_cli.numbers import (UNITS, _AFTER_QUALIFIERS, _POST_QUALIFIERS, _PREFIX_QUALIFIERS, _PREFIX_WORDS, _UNIT_CANONICAL, _UNIT_SCALE, _read_range_pair)
from fuhe_cli.numerals import _BIG, _CN_DIGITS, _SMALL, _canonical, _convert, _fraction_digits, fold

if TYPE_CHECKING:  # pragma: no cover
    from fuhe_cli.models import ParsedNumber

# ---------------------------------------------------------------------------
# parse_number: one expression, raw.

_WHITESPACE = re.compile(r"\s+")
_SCI = re.compile(r"^([0-9]*\.?[0-9]+)(?:e([-+]?[0-9]+))?$", re.IGNORECASE)
_POWER = re.compile(r"^([0-9]*\.?[0-9]+)\^([-+]*)([0-9]+)$")
_PERMILLE = {"百分之": 100, "千分之": 1000, "万分之": 10**4, "百万分之": 10**6,
             "千万分之": 10**7, "万万分之": 10**8, "亿分之": 10**8, "百万万分之": 10**10}


_IDEOGRAPHIC_DECIMAL = re.compile(r"(?<=[0-9])。(?=[0-9])")
_MIXED_FRACTION = re.compile(r"^\s*([0-9]+)\s+([0-9]+/[0-9]+)\s*$")


def _fold_expression(text: str) -> str:
    text = _MIXED_FRACTION.sub(r"\1又\2", fold(text))  # 1 3/5 = 1又3/5
    text = _IDEOGRAPHIC_DECIMAL.sub(".", text)  # 91。6% typed for 91.6%
    return _WHITESPACE.sub("", text).replace("，", ",")


def _core_value(core: str) -> Optional[Decimal]:
    """A bare numeral (arabic, Chinese, mixed, k, e-notation, powers, fractions)."""
    if not core:
        return None
    if "又" in core:
        whole, _, fraction = core.partition("又")
        whole_value, fraction_value = _core_value(whole), _core_value(fraction)
        if whole_value is None or fraction_value is None:
            return None
        return whole_value + fraction_value
    if "分之" in core:
        denominator, _, numerator = core.partition("分之")
        d, n = _core_value(denominator), _core_value(numerator)
        if not d or n is None:
            return None
        return n / d
    core = core.replace(",", "")
    if not core:
        return None
    if core[0] in "负-" and len(core) > 1:
        value = _core_value(core[1:])
        return -value if value is not None else None
    if core == "半":
        return Decimal("0.5")
    if "/" in core:
        numerator, _, denominator = core.partition("/")
        n, d = _core_value(numerator), _core_value(denominator)
        return n / d if n is not None and d else None
    if core.startswith("半") and len(core) > 1 and all(c in _SMALL or c in _BIG for c in core[1:]):
        value = _convert(core[1:])
        return value / 2 if value is not None else None
    if core[-1] in "kK":
        value = _core_value(core[:-1])
        return value * 1000 if value is not None else None
    sci = _SCI.match(core)
    if sci:
        mantissa = Decimal(sci.group(1))
        return mantissa * (Decimal(10) ** int(sci.group(2))) if sci.group(2) else mantissa
    power = _POWER.match(core)
    if power:
        exponent = int(power.group(3)) * (-1 if power.group(2).count("-") % 2 else 1)
        return Decimal(str(float(power.group(1)) ** exponent))
    if core.startswith("零") and len(core) > 1 and core[1] in _SMALL:
        core = core[1:]
    if "几" in core:
        return _convert(core.replace("几", "零")) if not core.startswith("几") else None
    return _convert(core)


def _split_range(core: str) -> Optional[tuple[str, str]]:
    for sep in ("至", "到", "~", "—", "–", "-"):
        index = core.find(sep, 1)
        if index > 0:
            return core[:index], core[index + len(sep):]
    return None


def parse_number(text: str) -> "ParsedNumber":
    """Read one number expression: value, qualifier, marker, range and unit.

    >>> parse_number("5万余").value
    50000
    """
    from fuhe_cli.models import ParsedNumber

    expression = _fold_expression(text)
    qualifier: Optional[str] = None
    marker: Optional[str] = None
    unit: Optional[str] = None
    sign = 1
    for word in _PREFIX_WORDS:
        if expression.startswith(word):
            qualifier, marker = _PREFIX_QUALIFIERS[word], word
            expression = expression[len(word):]
            break
    for word in ("累计", "共计", "总计", "合计", "达到", "达", "共"):
        if expression.startswith(word):
            expression = expression[len(word):]
            break
    for word, meaning in _AFTER_QUALIFIERS.items():
        if expression.endswith(word):
            qualifier, marker = meaning, word
            expression = expression[: -len(word)]
            break
    if expression[:1] in ("负", "-"):
        sign, expression = -1, expression[1:]
    elif expression[:1] == "+":
        expression = expression[1:]

    percent_scale = None
    for prefix in sorted(_PERMILLE, key=len, reverse=True):
        if expression.startswith(prefix):
            percent_scale = _PERMILLE[prefix]
            expression = expression[len(prefix):]
            unit = "%"
            break

    discount = False
    if expression.endswith("折"):
        discount, expression, unit = True, expression[:-1], "%"
    elif "成" in expression and unit is None:
        head, _, tail = expression.partition("成")
        if head and (not tail or tail == "半" or all(c in _CN_DIGITS or c.isdigit() for c in tail)):
            tenths = _core_value(head)
            if tenths is not None:
                if tail == "半":
                    tenths += Decimal("0.5")
                elif tail:
                    tenths += _fraction_digits(tail)
                return ParsedNumber(text=text, value=_canonical(sign * tenths * 10), unit="%",
                                    qualifier=qualifier or "exact", marker=marker)
    elif expression == "半成":
        return ParsedNumber(text=text, value=5, unit="%", qualifier=qualifier or "exact", marker=marker)

    if unit is None:
        for candidate in sorted(UNITS, key=len, reverse=True) + ["打"]:
            if expression.endswith(candidate) and len(expression) > len(candidate):
                unit = candidate
                expression = expression[: -len(candidate)]
                break
    scale = Decimal(_UNIT_SCALE.get(unit, 1)) if unit != "成" else Decimal(10)
    if unit == "打":
        scale, unit = Decimal(12), None

    for word in ("余", "多", "+", "来"):
        if expression.endswith(word) and (word != "来" or unit is not None):
            qualifier, marker = _POST_QUALIFIERS[word], word
            expression = expression[:-1]
            break
    else:
        inner = re.search(r"(余|多)(万亿|亿|万|千万|百万|千|百)$", expression)
        if inner:
            qualifier, marker = "at_least", inner.group(1)
            expression = expression[: inner.start()] + inner.group(2)
    if "几" in expression and not expression.startswith("几"):
        qualifier, marker = qualifier or "at_least", marker or "几"

    low = high = None
    value = None
    pair = _read_range_pair(expression)
    if pair is not None:
        low, high = pair
    else:
        parts = _split_range(expression)
        if parts is not None:
            low, high = _core_value(parts[0]), _core_value(parts[1])
            if low is not None and high is not None:
                tail = re.search(r"[十百千万亿]+$", parts[1])
                if tail and not re.search(r"[十百千万亿]$", parts[0]) and tail.start():
                    base = _core_value(parts[1][: tail.start()])
                    if base and low < base:
                        low = high / base * low
            else:
                low = high = None
    if low is not None:
        value, qualifier = low, "range"
    else:
        value = _core_value(expression)
    if value is None:
        return ParsedNumber(text=text, value=None, unit=_UNIT_CANONICAL.get(unit, unit))
    if discount:
        value = value if value >= 10 or expression == "半" else value * 10
        value = Decimal(50) if expression == "半" else value
    if percent_scale:
        value = value * 100 / percent_scale
    value = sign * value * scale
    if low is not None:
        low, high = sign * low * scale, sign * high * scale
    return ParsedNumber(
        text=text, value=_canonical(value), unit=_UNIT_CANONICAL.get(unit, unit),
        qualifier=qualifier or "exact", marker=marker,
        low=_canonical(low) if low is not None else None,
        high=_canonical(high) if high is not None else None,
    )
