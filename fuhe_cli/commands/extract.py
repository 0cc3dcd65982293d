"""`fuhe extract`: report files in, facts out (and into the store)."""
from __future__ import annotations

from enum import Enum
from typing import Annotated, List

import typer

from fuhe_cli.commands.options import Db, Encoding, FactFormat, RuleDirs, format_option


class ExtractGate(str, Enum):
    empty = "empty"
    warnings = "warnings"


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
        from fuhe_cli.render import ExtractWriter
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
