"""`fuhe extract`: report files in, facts out (and into the store)."""
from __future__ import annotations

from enum import Enum
from typing import Annotated, List, Optional

import typer

from fuhe_cli.commands.options import Db, Encoding, FactFormat, RuleDirs, StdinName, format_option


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
        output: Optional[str] = typer.Option(None, "--output", "-o", metavar="FILE.parquet",
                                             help="Write the facts as Parquet (FILE.parquet, and FILE.documents.parquet beside it) instead of printing them; needs pip install \"fuhe[dask]\"."),
        dask: Optional[str] = typer.Option(None, "--dask", metavar="ADDRESS",
                                           help="Extract on a Dask cluster: a scheduler address (tcp://host:8786), local, or local:N worker processes; needs --output (the store is not written)."),
        stdin_name: StdinName = None,
    ) -> None:
        """Extract every work and outcome figure from reports.

        Prints each figure's value, unit, qualifier, indicator, region and year with the
        line and column it came from, and saves the documents into the store. With --output
        the facts go to a Parquet file instead of stdout; with --dask a Dask cluster does the
        work (see docs/performance.md).

        Example: fuhe extract examples/ --format json --no-save
        """
        from fuhe_cli import console
        from fuhe_cli.errors import ExitCode
        from fuhe_cli.extract import default_jobs, extract_into, input_files
        from fuhe_cli.render import ExtractWriter
        from fuhe_cli.indicators import load_rules

        if dask is not None:
            _extract_on_dask(paths, dask, output, jobs=jobs, rules_dirs=rules_dirs, encoding=encoding, fail_on=fail_on)
            return
        if output is not None:
            from fuhe_cli.parquet import check_output_path, require_pyarrow

            check_output_path(output)
            require_pyarrow()
        rules = load_rules(rules_dirs)
        _settle_heap()
        store = None
        if not no_save:
            from fuhe_cli.store import Store

            store = Store.open(db)
        files = input_files(paths)
        if output is not None:
            from fuhe_cli.parquet import ParquetWriter

            writer = ParquetWriter(output, rules.version)
        else:
            writer = ExtractWriter(fmt)
        progress = _progress(len(files))
        writer.start()
        finished = False
        try:
            run = extract_into(files, writer, store=store, rules=rules, encoding=encoding, rule_dirs=rules_dirs,
                               jobs=jobs if jobs > 0 else default_jobs(), stdin_name=stdin_name,
                               on_error=lambda error: console.error(error.message),
                               on_file=(lambda: progress.advance(progress.task_ids[0])) if progress else None)
            writer.finish(run.errors)
            finished = True
        finally:
            if progress is not None:
                progress.stop()
            if store is not None:
                store.close()
            if not finished and output is not None:
                writer.abort()
        if output is not None:
            _note_written(writer.output)

        if store is not None and run.outcomes:
            counts = {name: run.outcomes.count(name) for name in ("added", "replaced", "unchanged")}
            console.note(f"saved {len(run.outcomes)} document(s) to {store.path}: "
                         + ", ".join(f"{count} {name}" for name, count in counts.items()))
        _exit_for(run, fail_on)


def _exit_for(run, fail_on) -> None:
    """Exit 4 when a file could not be read, else 1 when a --fail-on gate trips."""
    from fuhe_cli import console
    from fuhe_cli.errors import ExitCode

    if run.errors:
        raise typer.Exit(int(ExitCode.INPUT))
    gates = {gate.value for gate in fail_on}
    if "empty" in gates and run.empty:
        console.error(f"--fail-on empty: no facts in {', '.join(run.empty)}")
        raise typer.Exit(int(ExitCode.GATE))
    if "warnings" in gates and run.warnings:
        console.error(f"--fail-on warnings: {run.warnings} repaired number(s); see `fuhe check`")
        raise typer.Exit(int(ExitCode.GATE))


def _note_written(output) -> None:
    from fuhe_cli import console

    console.note(f"wrote {output.facts_written} fact(s) to {output.path} and {output.documents_written} "
                 f"document row(s) to {output.documents_path}")


def _extract_on_dask(paths, address: str, output: Optional[str], *, jobs: int, rules_dirs, encoding,
                     fail_on) -> None:
    """`fuhe extract --dask`: list the files here, extract on the cluster, write Parquet here."""
    from fuhe_cli import console
    from fuhe_cli.errors import UsageError
    from fuhe_cli.extract import ExtractRun, input_files

    if output is None:
        raise UsageError("--dask writes Parquet: add --output FILE.parquet")
    if jobs:
        raise UsageError("--jobs sizes the local process pool; with --dask the cluster's workers do the work "
                         "(local:N starts N)")
    if "-" in paths:
        raise UsageError("--dask reads files on the workers: standard input ('-') cannot be sent there")
    from fuhe_cli.parquet import ParquetOutput, check_output_path, require_pyarrow

    check_output_path(output)
    require_pyarrow()
    from fuhe_cli import cluster
    from fuhe_cli.indicators import load_rules

    cluster.require_dask()
    rules = load_rules(rules_dirs)
    files = input_files(paths)
    run = ExtractRun()
    connected = cluster.connect(address)
    progress = _progress(len(files))
    sink = None
    try:
        sink = ParquetOutput(output, rules.version)
        for facts, documents, errors in cluster.iter_batch_results(
                connected, files, rules, encoding=encoding,
                on_batch=(lambda count: progress.advance(progress.task_ids[0], count)) if progress else None):
            sink.add_tables(facts, documents)
            for error in errors:
                console.error(error.message)
            run.errors.extend(errors)
            counts = documents.column("fact_count").to_pylist()
            run.empty.extend(path for path, count in zip(documents.column("path").to_pylist(), counts) if not count)
            run.warnings += sum(len(each) for each in documents.column("warnings").to_pylist())
        sink.close(run.errors)
        sink_done, sink = sink, None
    finally:
        if progress is not None:
            progress.stop()
        if sink is not None:
            sink.abort()
        connected.close()
    _note_written(sink_done)
    _exit_for(run, fail_on)
