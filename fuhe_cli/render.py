"""Render payloads as table | json | jsonl | csv | md — the one renderer every command uses."""
from __future__ import annotations

import csv
import io
import json
import sys
from typing import Any, Iterable, Sequence

FORMATS = ("table", "json", "jsonl", "csv", "md")


def _out():
    return sys.stdout


def to_json(payload: Any) -> str:
    """Deterministic JSON: keys in model order, non-ASCII kept, no NaN."""
    return json.dumps(payload, ensure_ascii=False, indent=2, allow_nan=False)


def emit_json(payload: Any) -> None:
    _out().write(to_json(payload) + "\n")


def emit_jsonl(records: Iterable[Any]) -> None:
    out = _out()
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n")


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
