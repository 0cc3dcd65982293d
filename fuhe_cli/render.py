"""Render payloads as table | json | jsonl | csv | md — the one renderer every command uses."""
from __future__ import annotations

import csv
import io
import json
from json.encoder import encode_basestring
import re
import sys
from typing import Any, Iterable, Sequence

FORMATS = ("table", "json", "jsonl", "csv", "md")

# How a qualifier is shown before a value (a range shows its bounds instead).
QUALIFIER_MARKS = {"exact": "", "approx": "≈", "at_least": "≥", "at_most": "≤", "range": ""}


def _out():
    return sys.stdout


def to_json(payload: Any, indent: int = 0) -> str:
    """Deterministic JSON: keys in model order, non-ASCII kept, no NaN.

    `indent` shifts every line after the first, for a value written inside a streamed envelope.
    """
    text = json.dumps(payload, ensure_ascii=False, indent=2, allow_nan=False)
    return text.replace("\n", "\n" + " " * indent) if indent else text


# pydantic writes a float below 1e-4 without Python's exponent form (0.00001, 1e-9 where json
# writes 1e-05, 1e-09); everything else of a model is byte for byte json.dumps(indent=2,
# ensure_ascii=False). A payload where this could show is written the slow way.
_SMALL_FLOAT = re.compile(r"e-|0\.0000")


def model_json(model, indent: int = 0) -> str:
    """`to_json(model.model_dump(mode="json", by_alias=True), indent)`, five times faster."""
    text = model.model_dump_json(indent=2, by_alias=True)
    if _SMALL_FLOAT.search(text):
        return to_json(model.model_dump(mode="json", by_alias=True), indent)
    return text.replace("\n", "\n" + " " * indent) if indent else text


def emit_json(payload: Any) -> None:
    _out().write(to_json(payload) + "\n")


# One encoder for every line: json.dumps with options builds a new encoder per call.
_encode_line = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode


def emit_jsonl(records: Iterable[Any]) -> None:
    """One JSON object per line; a batch (a document part's facts) goes out in one write."""
    _out().write("".join([_encode_line(record) + "\n" for record in records]))


class _NotPlain(Exception):
    """A fact field of a type `fact_line` does not write itself: the line goes the slow way."""


def _number(value) -> str:
    kind = type(value)
    if kind is int:
        return int.__repr__(value)
    if kind is float and value - value == 0.0:    # finite (json refuses NaN and infinities)
        return float.__repr__(value)
    if value is None:
        return "null"
    raise _NotPlain


def _string(value) -> str:
    if type(value) is str:
        return encode_basestring(value)
    if value is None:
        return "null"
    raise _NotPlain


def _plain_fact_line(path: str | None, fact, Indicator, Region, Period) -> str:
    indicator, region, period = fact.indicator, fact.region, fact.period
    if type(fact.line) is not int or type(fact.column) is not int or type(fact.target) is not bool \
            or type(fact.year) not in (int, type(None)) or type(indicator) is not Indicator \
            or type(region) not in (Region, type(None)) or type(period) not in (Period, type(None)):
        raise _NotPlain
    string = encode_basestring     # a str, or TypeError (the slow way then)
    return (f'{{"path": {_string(path)}, "line": {int.__repr__(fact.line)}, "column": {int.__repr__(fact.column)}, '
            f'"text": {string(fact.text)}, "number": {string(fact.number)}, "value": {_number(fact.value)}, '
            f'"unit": {_string(fact.unit)}, "qualifier": {string(fact.qualifier)}, "low": {_number(fact.low)}, '
            f'"high": {_number(fact.high)}, "indicator": {{"id": {string(indicator.id)}, '
            f'"name": {string(indicator.name)}}}, "region": '
            + ("null" if region is None else f'{{"code": {string(region.code)}, "name": {string(region.name)}, '
                                             f'"level": {string(region.level)}}}')
            + f', "year": {"null" if fact.year is None else int.__repr__(fact.year)}, "period": '
            + ("null" if period is None else f'{{"start": {_string(period.start)}, "end": {string(period.end)}}}')
            + f', "target": {"true" if fact.target else "false"}, "rule": {_string(fact.rule)}, '
            f'"location": {_string(fact.location)}}}')


# The fields `_plain_fact_line` writes, in the models' order: a model with other fields (one added
# later) has every line written the slow way until `_plain_fact_line` writes them too.
_PLAIN_FIELDS = (("line", "column", "text", "number", "value", "unit", "qualifier", "low", "high", "indicator",
                  "region", "year", "period", "target", "rule", "location", "path"),
                 ("id", "name"), ("code", "name", "level"), ("start", "end"))


def _plain_fields(*models) -> bool:
    return tuple(tuple(model.model_fields) for model in models) == _PLAIN_FIELDS


def fact_lines(path: str | None, facts) -> str:
    """Each fact's JSON line, `path` first: `_encode_line({"path": path, **fact.model_dump(mode="json",
    exclude={"path"})}) + "\\n"` byte for byte, written field by field (three times faster: the dump
    and the encoder's walk of it were about 10 µs a fact). A fact with a field of any other type
    than the model's plain ones (a number that is no int or finite float, a subclass…) goes the
    slow way."""
    from fuhe_cli.models import Fact, Indicator, Period, Region

    plain = _plain_fields(Fact, Indicator, Region, Period)
    lines = []
    for fact in facts:
        try:
            if not plain or type(fact) is not Fact:
                raise _NotPlain
            lines.append(_plain_fact_line(path, fact, Indicator, Region, Period))
        except (_NotPlain, TypeError):
            lines.append(_encode_line({"path": path, **fact.model_dump(mode="json", exclude={"path"})}))
        lines.append("\n")
    return "".join(lines)


def format_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def emit_rows(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str, *,
              title: str | None = None, bom: bool = False, header: bool = True) -> None:
    """Tabular output: a rich table for people, csv or Markdown for documents and scripts.

    `header=False` continues csv/md output written in several calls (streaming).
    """
    out = _out()
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        if header:
            writer.writerow(columns)
        for row in rows:
            writer.writerow([format_cell(cell) for cell in row])
        out.write(("\ufeff" if bom and header else "") + buffer.getvalue())
    elif fmt == "md":
        def escape(cell: Any) -> str:
            return format_cell(cell).replace("|", "\\|").replace("\n", " ")

        if header:
            out.write("| " + " | ".join(escape(c) for c in columns) + " |\n")
            out.write("|" + "|".join(" --- " for _ in columns) + "|\n")
        for row in rows:
            out.write("| " + " | ".join(escape(c) for c in row) + " |\n")
    elif fmt == "table":
        from rich.console import Console
        from rich.markup import escape
        from rich.table import Table

        table = Table(title=title, show_lines=False)
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            # escape: report text such as "[2023]" is data, not rich markup
            table.add_row(*[escape(format_cell(cell)) for cell in row])
        # Piped into a file or a pager, a table should not be folded to 80 columns.
        width = None if out.isatty() else 200
        Console(file=out, soft_wrap=False, width=width).print(table)
    else:
        raise ValueError(f"tabular output has no format {fmt!r}")


# --- `fuhe extract`, streamed -----------------------------------------------------------------
FACT_COLUMNS = ["path", "line", "column", "text", "number", "value", "unit", "qualifier", "low", "high",
                "indicator_id", "indicator_name", "region_code", "region_name", "year", "period_start",
                "period_end", "target", "rule"]


def fact_row(path: str, fact) -> list:
    """One fact as a csv/md row of FACT_COLUMNS."""
    return [path, fact.line, fact.column, fact.text, fact.number, fact.value, fact.unit, fact.qualifier,
            fact.low, fact.high, fact.indicator.id, fact.indicator.name,
            fact.region.code if fact.region else None, fact.region.name if fact.region else None,
            fact.year, fact.period.start if fact.period else None, fact.period.end if fact.period else None,
            fact.target, fact.rule]


def _period_text(fact) -> str:
    """2023, 2024-01–06, 2019–2023, at 2024-06 (target); the year alone when no period is known."""
    from fuhe_cli.time_expressions import from_model

    text = from_model(fact.period).label() if fact.period else str(fact.year or "")
    return f"{text} (target)" if fact.target else text


class ExtractWriter:
    """Writes `fuhe extract` output as documents arrive, part by part.

    Nothing is held back but the per-document warnings, so a huge report streams through in
    bounded memory; the JSON written is exactly `json.dumps(envelope, indent=2)`.
    """

    def __init__(self, fmt: str):
        self.fmt = fmt
        self.out = _out()
        self.documents_written = 0
        self.facts_in_document = 0
        self.warnings: list = []

    def start(self) -> None:
        from fuhe_cli import __version__
        from fuhe_cli.models import EXTRACT_SCHEMA

        if self.fmt == "json":
            self.out.write(f'{{\n  "schema": {to_json(EXTRACT_SCHEMA, 2)},\n'
                           f'  "fuhe_version": {to_json(__version__, 2)},\n  "documents": [')
        elif self.fmt in ("csv", "md"):
            emit_rows(FACT_COLUMNS, [], self.fmt)

    def begin_document(self, part) -> None:
        self.facts_in_document = 0
        self.warnings = []
        if self.fmt == "json":
            header = part.model_dump(mode="json", by_alias=True, exclude={"facts", "warnings", "errors"})
            self.out.write(("," if self.documents_written else "") + "\n    {")
            self.out.write(",".join(f"\n      {to_json(key, 6)}: {to_json(value, 6)}"
                                    for key, value in header.items()))
            self.out.write(',\n      "facts": [')
        self.documents_written += 1

    def part(self, part) -> None:
        self.warnings.extend(part.warnings)
        if self.fmt == "json":
            for fact in part.facts:
                self.out.write(("," if self.facts_in_document else "") + "\n        "
                               + model_json(fact, 8))
                self.facts_in_document += 1
        elif self.fmt == "jsonl":
            _out().write(fact_lines(part.path, part.facts))
        elif self.fmt in ("csv", "md"):
            emit_rows(FACT_COLUMNS, [fact_row(part.path, fact) for fact in part.facts], self.fmt, header=False)
        else:
            rows = [[f"{fact.line}:{fact.column}", fact.text, fact.value, fact.unit or "",
                     f"{fact.low}–{fact.high}" if fact.qualifier == "range" else QUALIFIER_MARKS[fact.qualifier],
                     fact.indicator.id if fact.rule else f"({fact.indicator.name})",
                     fact.region.name if fact.region else "", _period_text(fact)]
                    for fact in part.facts]
            title = (f"{part.path} — {part.encoding}, {part.region.name if part.region else 'region unknown'}, "
                     f"{part.date or 'undated'}")
            emit_rows(["where", "text", "value", "unit", "qualifier", "indicator", "region", "period"],
                      rows, "table", title=title)

    def end_document(self) -> None:
        if self.fmt == "json":
            self.out.write(("\n      ]" if self.facts_in_document else "]") + ",\n      \"warnings\": "
                           + to_json([w.model_dump(mode="json") for w in self.warnings], 6)
                           + ',\n      "errors": []\n    }')

    def finish(self, errors) -> None:
        if self.fmt == "json":
            self.out.write(("\n  ]" if self.documents_written else "]") + ',\n  "errors": '
                           + to_json([error.model_dump(mode="json") for error in errors], 2) + "\n}\n")
        self.out.flush()
