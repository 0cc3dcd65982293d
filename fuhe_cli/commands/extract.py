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


def _settle_heap() -> None:
    """Keep what is loaded once (modules, rules, gazetteer) out of later garbage collections: a
    run makes and drops many small objects per figure, and every full collection would walk the
    long-lived heap again (and touch pages forked workers share with this process)."""
    import gc

    gc.freeze()


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
        from fuhe_cli.extract import default_jobs, extract_into, input_files
        from fuhe_cli.render import ExtractWriter
        from fuhe_cli.indicators import load_rules

        rules = load_rules(rules_dirs)
        _settle_heap()
        writer = ExtractWriter(fmt)
        store = None
        if not no_save:
            from fuhe_cli.store import Store

            store = Store.open(db)
        files = input_files(paths)
        progress = _progress(len(files))
        writer.start()
        try:
            run = extract_into(files, writer, store=store, rules=rules, encoding=encoding, rule_dirs=rules_dirs,
                               jobs=jobs if jobs > 0 else default_jobs(),
                               on_error=lambda error: console.error(error.message),
                               on_file=(lambda: progress.advance(progress.task_ids[0])) if progress else None)
        finally:
            if progress is not None:
                progress.stop()
            if store is not None:
                store.close()
        writer.finish(run.errors)

        if store is not None and run.outcomes:
            counts = {name: run.outcomes.count(name) for name in ("added", "replaced", "unchanged")}
            console.note(f"saved {len(run.outcomes)} document(s) to {store.path}: "
                         + ", ".join(f"{count} {name}" for name, count in counts.items()))
        if run.errors:
            raise typer.Exit(int(ExitCode.INPUT))
        gates = {gate.value for gate in fail_on}
        if "empty" in gates and run.empty:
            console.error(f"--fail-on empty: no facts in {', '.join(run.empty)}")
            raise typer.Exit(int(ExitCode.GATE))
        if "warnings" in gates and run.warnings:
            console.error(f"--fail-on warnings: {run.warnings} repaired number(s); see `fuhe check`")
            raise typer.Exit(int(ExitCode.GATE))
