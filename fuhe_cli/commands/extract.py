"""`fuhe extract`: report files in, facts out (and into the store)."""
from __future__ import annotations

from enum import Enum
from typing import List, Optional

import typer


class ExtractFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    md = "md"


class ExtractGate(str, Enum):
    empty = "empty"
    warnings = "warnings"


FACT_COLUMNS = ["path", "line", "column", "text", "number", "value", "unit", "qualifier", "low", "high",
                "indicator_id", "indicator_name", "region_code", "region_name", "year", "rule"]


def fact_row(path: str, fact) -> list:
    return [path, fact.line, fact.column, fact.text, fact.number, fact.value, fact.unit, fact.qualifier,
            fact.low, fact.high, fact.indicator.id, fact.indicator.name,
            fact.region.code if fact.region else None, fact.region.name if fact.region else None,
            fact.year, fact.rule]


def render_result(result, fmt: str) -> None:
    from fuhe_cli import render

    if fmt == "json":
        render.emit_json(result.model_dump(mode="json", by_alias=True))
    elif fmt == "jsonl":
        render.emit_jsonl(
            {"path": doc.path, **fact.model_dump(mode="json", exclude={"path"})}
            for doc in result.documents for fact in doc.facts
        )
    elif fmt in ("csv", "md"):
        rows = [fact_row(doc.path, fact) for doc in result.documents for fact in doc.facts]
        render.emit_rows(FACT_COLUMNS, rows, fmt)
    else:
        columns = ["where", "text", "value", "unit", "qualifier", "indicator", "region", "year"]
        marks = {"at_least": "≥", "at_most": "≤", "approx": "≈", "exact": "", "range": "range"}
        for doc in result.documents:
            rows = [[f"{fact.line}:{fact.column}", fact.text, fact.value, fact.unit or "",
                     marks[fact.qualifier] if fact.qualifier != "range" else f"{fact.low}–{fact.high}",
                     fact.indicator.id if fact.rule else f"({fact.indicator.name})",
                     fact.region.name if fact.region else "", fact.year or ""]
                    for fact in doc.facts]
            title = f"{doc.path} — {doc.encoding}, {doc.region.name if doc.region else 'region unknown'}, " \
                    f"{doc.date or 'undated'}, {len(doc.facts)} facts"
            render.emit_rows(columns, rows, "table", title=title)


def register(app: typer.Typer) -> None:
    @app.command("extract")
    def extract_command(
        paths: List[str] = typer.Argument(..., help="Report files or directories (.txt .htm .html .md .docx .pdf); '-' reads stdin."),
        fmt: ExtractFormat = typer.Option(ExtractFormat.table, "--format", "-f", help="Output format."),
        no_save: bool = typer.Option(False, "--no-save", help="Do not save into the store."),
        db: Optional[str] = typer.Option(None, "--db", envvar="FUHE_DB", help="Store file (default: the user data directory)."),
        encoding: Optional[str] = typer.Option(None, "--encoding", help="Force an encoding instead of detecting it."),
        rules_dirs: List[str] = typer.Option([], "--rules", help="Extra rule directory (repeatable; also FUHE_RULES)."),
        jobs: int = typer.Option(0, "--jobs", "-j", help="Parallel workers (0: one per core)."),
        fail_on: List[ExtractGate] = typer.Option([], "--fail-on", help="Exit 1 when a document has no facts (empty) or needed repairs (warnings)."),
    ) -> None:
        """Extract every work and outcome figure from reports.

        Prints each figure's value, unit, qualifier, indicator, region and year with the
        line and column it came from, and saves the documents into the store.

        Example: fuhe extract examples/ --format json --no-save
        """
        from fuhe_cli import console
        from fuhe_cli.errors import ExitCode
        from fuhe_cli.extract import default_jobs, extract
        from fuhe_cli.rules import load_rules

        rules = load_rules(rules_dirs)
        workers = jobs if jobs > 0 else default_jobs()

        def report(result) -> None:
            if hasattr(result, "code") and not hasattr(result, "facts"):
                console.error(result.message)

        result = extract(paths, encoding=encoding, rule_dirs=rules_dirs, rules=rules if workers <= 1 else None,
                         jobs=workers, on_result=report)
        render_result(result, fmt.value)

        if not no_save and result.documents:
            from fuhe_cli.store import Store

            store = Store.open(db)
            try:
                outcomes = [store.save(doc, rules.version) for doc in result.documents]
            finally:
                store.close()
            counts = {name: outcomes.count(name) for name in ("added", "replaced", "unchanged")}
            console.note(f"saved {len(outcomes)} document(s) to {store.path}: "
                         + ", ".join(f"{count} {name}" for name, count in counts.items()))

        if result.errors:
            raise typer.Exit(int(ExitCode.INPUT))
        gates = {gate.value for gate in fail_on}
        if "empty" in gates and any(not doc.facts for doc in result.documents):
            empty = [doc.path for doc in result.documents if not doc.facts]
            console.error(f"--fail-on empty: no facts in {', '.join(empty)}")
            raise typer.Exit(int(ExitCode.GATE))
        if "warnings" in gates and any(doc.warnings for doc in result.documents):
            count = sum(len(doc.warnings) for doc in result.documents)
            console.error(f"--fail-on warnings: {count} repaired number(s); see `fuhe check`")
            raise typer.Exit(int(ExitCode.GATE))
