"""`fuhe extract`: report files in, facts out (and into the store)."""
from __future__ import annotations

from enum import Enum
from typing import Annotated, List

import typer

from fuhe_cli.commands.options import Db, Encoding, FactFormat, RuleDirs, format_option


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


class ExtractWriter:
    """Writes `fuhe extract` output as documents arrive, part by part.

    Nothing is held back but the per-document warnings, so a huge report streams through in
    bounded memory; the JSON written is exactly `json.dumps(envelope, indent=2)`.
    """

    TABLE_MARKS = {"at_least": "≥", "at_most": "≤", "approx": "≈", "exact": ""}

    def __init__(self, fmt: str):
        import sys

        self.fmt = fmt
        self.out = sys.stdout
        self.documents_written = 0
        self.facts_in_document = 0
        self.header_written = False

    # -- JSON helpers --------------------------------------------------------------------
    @staticmethod
    def _json(value, indent: int) -> str:
        import json

        text = json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)
        return text.replace("\n", "\n" + " " * indent)

    def start(self) -> None:
        from fuhe_cli import __version__
        from fuhe_cli.models import EXTRACT_SCHEMA

        if self.fmt == "json":
            self.out.write(f'{{\n  "schema": {self._json(EXTRACT_SCHEMA, 2)},\n'
                           f'  "fuhe_version": {self._json(__version__, 2)},\n  "documents": [')
        elif self.fmt in ("csv", "md"):
            from fuhe_cli import render

            render.emit_rows(FACT_COLUMNS, [], self.fmt)

    def begin_document(self, part) -> None:
        self.facts_in_document = 0
        self.warnings = []
        if self.fmt == "json":
            header = part.model_dump(mode="json", by_alias=True, exclude={"facts", "warnings", "errors"})
            self.out.write(("," if self.documents_written else "") + "\n    {")
            self.out.write(",".join(f"\n      {self._json(key, 6)}: {self._json(value, 6)}"
                                    for key, value in header.items()))
            self.out.write(',\n      "facts": [')
        self.documents_written += 1

    def part(self, part) -> None:
        from fuhe_cli import render

        self.warnings.extend(part.warnings)
        if self.fmt == "json":
            for fact in part.facts:
                self.out.write(("," if self.facts_in_document else "") + "\n        "
                               + self._json(fact.model_dump(mode="json", by_alias=True), 8))
                self.facts_in_document += 1
        elif self.fmt == "jsonl":
            render.emit_jsonl({"path": part.path, **fact.model_dump(mode="json", exclude={"path"})}
                              for fact in part.facts)
        elif self.fmt in ("csv", "md"):
            render.emit_rows(FACT_COLUMNS, [fact_row(part.path, fact) for fact in part.facts], self.fmt,
                             header=False)
        else:
            rows = [[f"{fact.line}:{fact.column}", fact.text, fact.value, fact.unit or "",
                     self.TABLE_MARKS.get(fact.qualifier, f"{fact.low}–{fact.high}"),
                     fact.indicator.id if fact.rule else f"({fact.indicator.name})",
                     fact.region.name if fact.region else "", fact.year or ""]
                    for fact in part.facts]
            title = (f"{part.path} — {part.encoding}, {part.region.name if part.region else 'region unknown'}, "
                     f"{part.date or 'undated'}")
            render.emit_rows(["where", "text", "value", "unit", "qualifier", "indicator", "region", "year"],
                             rows, "table", title=title)

    def end_document(self) -> None:
        if self.fmt == "json":
            self.out.write(("\n      ]" if self.facts_in_document else "]") + ",\n      \"warnings\": "
                           + self._json([w.model_dump(mode="json") for w in self.warnings], 6)
                           + ',\n      "errors": []\n    }')

    def finish(self, errors) -> None:
        if self.fmt == "json":
            self.out.write(("\n  ]" if self.documents_written else "]") + ',\n  "errors": '
                           + self._json([error.model_dump(mode="json") for error in errors], 2) + "\n}\n")
        self.out.flush()


PROGRESS_MIN_FILES = 20


def _progress(total: int):
    """A progress bar on stderr, only for long runs on a terminal (never in pipes or CI logs)."""
    from fuhe_cli import console

    if total < PROGRESS_MIN_FILES or not console.stderr_is_terminal() or console.is_quiet():
        return None
    from rich.console import Console
    from rich.progress import Progress

    progress = Progress(console=Console(stderr=True), transient=True)
    progress.add_task("extracting", total=total)
    progress.start()
    return progress


def register(app: typer.Typer) -> None:
    @app.command("extract")
    def extract_command(
        paths: List[str] = typer.Argument(..., help="Report files or directories (.txt .htm .html .md .docx .pdf); '-' reads stdin."),
        fmt: Annotated[FactFormat, format_option()] = "table",
        no_save: bool = typer.Option(False, "--no-save", help="Do not save into the store."),
        db: Db = None,
        encoding: Encoding = None,
        rules_dirs: RuleDirs = [],
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
        from fuhe_cli.extract import default_jobs, input_files, iter_extract_parts
        from fuhe_cli.models import DocumentError
        from fuhe_cli.rules import load_rules

        rules = load_rules(rules_dirs)
        workers = jobs if jobs > 0 else default_jobs()
        writer = ExtractWriter(fmt)
        store = None
        if not no_save:
            from fuhe_cli.store import Store

            store = Store.open(db)

        def written(parts, seen: dict):
            """Pass a document's parts through, writing and counting each as it goes by."""
            for index, part in enumerate(parts):
                if index == 0:
                    writer.begin_document(part)
                writer.part(part)
                seen["path"] = part.path
                seen["facts"] += len(part.facts)
                seen["warnings"] += len(part.warnings)
                yield part
            writer.end_document()

        files = input_files(paths)
        progress = _progress(len(files))
        errors, outcomes, empty, warned = [], [], [], 0
        writer.start()
        try:
            for item in iter_extract_parts(files, encoding=encoding, rule_dirs=rules_dirs,
                                           rules=rules if workers <= 1 else None, jobs=workers):
                if progress is not None:
                    progress.advance(progress.task_ids[0])
                if isinstance(item, DocumentError):
                    console.error(item.message)
                    errors.append(item)
                    continue
                seen = {"facts": 0, "warnings": 0, "path": None}
                if store is not None:
                    # the store consumes the parts inside its transaction: nothing piles up
                    outcomes.append(store.save_parts(written(item, seen), rules.version))
                else:
                    for _ in written(item, seen):
                        pass
                if not seen["facts"]:
                    empty.append(seen["path"])
                warned += seen["warnings"]
        finally:
            if progress is not None:
                progress.stop()
            if store is not None:
                store.close()
        writer.finish(errors)

        if store is not None and outcomes:
            counts = {name: outcomes.count(name) for name in ("added", "replaced", "unchanged")}
            console.note(f"saved {len(outcomes)} document(s) to {store.path}: "
                         + ", ".join(f"{count} {name}" for name, count in counts.items()))
        if errors:
            raise typer.Exit(int(ExitCode.INPUT))
        gates = {gate.value for gate in fail_on}
        if "empty" in gates and empty:
            console.error(f"--fail-on empty: no facts in {', '.join(empty)}")
            raise typer.Exit(int(ExitCode.GATE))
        if "warnings" in gates and warned:
            console.error(f"--fail-on warnings: {warned} repaired number(s); see `fuhe check`")
            raise typer.Exit(int(ExitCode.GATE))
