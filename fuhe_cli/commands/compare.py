"""`fuhe compare`: regions side by side over the same indicators."""
from __future__ import annotations

from enum import Enum
from typing import Annotated, List, Optional

import typer

from fuhe_cli.commands.options import Bom, Db, TabularFormat, format_option


class CompareGate(str, Enum):
    missing = "missing"


CHART_WIDTH = 40


def tabular(result, *, sources: bool, fmt: str) -> tuple[list[str], list[list[str]]]:
    from fuhe_cli.compare import display_cell, display_comparison, display_row_name, display_sources

    two = len(result.regions) == 2
    columns = ["indicator", "name"]
    for region in result.regions:
        columns.append(region.name)
        if sources and fmt != "table":
            columns.append(f"{region.name} sources")
    if two:
        columns.append(f"difference ({result.regions[0].name} − {result.regions[1].name})")
    rows = []
    for row in result.rows:
        line = [row.indicator.id, display_row_name(row)]
        for cell in row.cells:
            text = display_cell(cell, row.unit)
            if cell is not None and cell.others:
                text += "; also " + ", ".join(display_cell(other, row.unit) for other in cell.others)
            if sources and fmt == "table":
                text += ("\n" + display_sources(cell)) if cell is not None else ""
                line.append(text)
            else:
                line.append(text)
                if sources:
                    line.append(display_sources(cell))
        if two:
            exact = all(cell is not None and cell.qualifier == "exact" for cell in row.cells)
            line.append(display_comparison(row.comparison, row.unit, exact))
        rows.append(line)
    return columns, rows


def print_chart(result) -> None:
    """Horizontal bars, one block per indicator every region reports."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from fuhe_cli.compare import display_cell, display_row_name

    console = Console(soft_wrap=False)
    shared = [row for row in result.rows if all(cell is not None for cell in row.cells)
              and len({cell.unit for cell in row.cells}) == 1]
    if not shared:
        console.print("(no indicator is reported by every region: nothing to chart)")
        return
    label_width = max(len(region.name) for region in result.regions)
    for row in shared:
        largest = max(cell.value for cell in row.cells) or 1
        table = Table(title=f"{display_row_name(row)} ({row.indicator.id})", show_header=False,
                      box=None, title_justify="left", padding=(0, 1))
        table.add_column(width=label_width * 2)
        table.add_column()
        for region, cell in zip(result.regions, row.cells):
            length = max(1, round(cell.value / largest * CHART_WIDTH)) if cell.value > 0 else 0
            # An open-ended figure (≥) gets an arrow: its bar could be longer.
            bar = Text("█" * length, style="cyan")
            if cell.qualifier == "at_least":
                bar.append("▸", style="cyan")
            bar.append(" " + display_cell(cell, row.unit))
            table.add_row(region.name, bar)
        console.print(table)


def register(app: typer.Typer) -> None:
    @app.command("compare")
    def compare_command(
        regions: List[str] = typer.Argument(..., metavar="REGION REGION [REGION...]",
                                            help="Regions by pinyin, Chinese name or adcode."),
        year: Optional[int] = typer.Option(None, "--year", help="Only figures of this calendar year."),
        targets: bool = typer.Option(False, "--targets", help="Include planned figures (targets), marked as such."),
        period: Optional[str] = typer.Option(None, "--period", metavar="SPAN",
                                             help="Only figures over this span (2024, 2024H1, 2024Q3, 2019-2023, "
                                                  "2024-01..2024-06) or stocks counted at its end (2024-06)."),
        indicators: List[str] = typer.Option([], "--indicator", "-i", metavar="ID",
                                             help="Only this indicator id (repeatable); see `fuhe rules list`."),
        sources: bool = typer.Option(False, "--sources", help="Show file:line for each cell."),
        all_values: bool = typer.Option(False, "--all", help="Show every value, not just the chosen one."),
        include_children: bool = typer.Option(False, "--include-children",
                                              help="Add each region's sub-regions as separate columns (never summed)."),
        from_paths: List[str] = typer.Option([], "--from", metavar="PATH",
                                             help="Compare straight from report files or directories, or a facts .parquet from `fuhe extract --output` (repeatable); the store is not used."),
        chart: bool = typer.Option(False, "--chart", help="Also draw bars for the indicators every region reports."),
        db: Db = None,
        fmt: Annotated[TabularFormat, format_option()] = "table",
        bom: Bom = False,
        fail_on: List[CompareGate] = typer.Option([], "--fail-on", help="missing: exit 1 when any row has an empty cell."),
    ) -> None:
        """Compare regions side by side over the same indicators.

        Rows are the indicators any of the regions reports, one row per span kind: one year's
        figures, the same part of a year (1–6月), stocks counted at a date, runs of years (a
        five-year total) and undated figures never share a row. Columns are the regions in the
        order given; each cell shows the value with its qualifier (≥ 余/多, ≈ 约, ≤ 近, 3–5万 for
        ranges) and its period (2023, 2024-01–06, 2019–2023, at 2024-06). Targets are left out
        unless --targets. Several values for one indicator and span: the latest period wins, then
        the largest value, then an exact one over a qualified one (--all shows every value). With two regions a
        difference column follows; when qualifiers leave the order open (≥30万 vs 35万) it says
        "uncertain" rather than guess. Facts come from the store (`fuhe extract FILE` fills it) or,
        with --from, straight from files.

        JSON: {"schema": "fuhe.compare/1", "regions": [{code, name}], "rows": [{"indicator": {id, name},
        "span", "unit", "cells": [{value, qualifier, [low, high], year, period: {start, end}, target,
        sources: [{path, line}]} | null],
        ["comparison": {order, difference, ratio}]}]}; `fuhe schema compare` prints its JSON Schema.

        Example: fuhe compare sichuan chongqing --sources --format md
        """
        from fuhe_cli import console, render
        from fuhe_cli.compare import compare_regions
        from fuhe_cli.errors import ExitCode

        comparing = compare_regions(regions, indicators=indicators, year=year, all_values=all_values, targets=targets,
                                    period=period,
                                    include_children=include_children, from_paths=from_paths, db=db)
        for error in comparing.errors:
            console.error(error.message)
        result = comparing.result

        if fmt == "json":
            render.emit_json(result.model_dump(mode="json", by_alias=True))
        else:
            header, rows = tabular(result, sources=sources, fmt=fmt)
            render.emit_rows(header, rows, fmt, bom=bom,
                             title=" vs ".join(region.name for region in result.regions))
            if chart and fmt == "table":
                print_chart(result)
        if chart and fmt != "table":
            console.note("--chart is drawn only with --format table")

        for region in result.missing_regions():
            console.note(f"no facts for {region.name} ({region.code}) in {comparing.source}"
                         + (f" for {year}" if year else "") + f"; {comparing.hint}")
        if comparing.errors:
            raise typer.Exit(int(ExitCode.INPUT))
        if CompareGate.missing in fail_on and result.has_empty_cells():
            empty = sum(1 for row in result.rows if any(cell is None for cell in row.cells))
            console.error(f"--fail-on missing: {empty} of {len(result.rows)} row(s) have an empty cell"
                          if result.rows else "--fail-on missing: no figures to compare")
            raise typer.Exit(int(ExitCode.GATE))
