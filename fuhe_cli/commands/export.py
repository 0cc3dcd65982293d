"""`fuhe export`: the store's documents and facts as Parquet, for pandas, DuckDB, Polars or Excel."""
from __future__ import annotations

from typing import Annotated, Literal

import typer

from fuhe_cli.commands.options import Db, format_option

ExportFormat = Literal["parquet"]


def register(app: typer.Typer) -> None:
    @app.command("export")
    def export_command(
        output: str = typer.Option(..., "--output", "-o", metavar="FILE.parquet",
                                   help="Facts file to write; the documents go to FILE.documents.parquet beside it."),
        fmt: Annotated[ExportFormat, format_option()] = "parquet",
        db: Db = None,
    ) -> None:
        """Export the store as Parquet: one row per fact, one row per document.

        The columns are those of `fuhe extract --output` (see docs/output.md); region and
        year are each fact's effective ones. Needs pyarrow: pip install "fuhe[dask]".

        Example: fuhe export --format parquet --output facts.parquet
        """
        from fuhe_cli import console
        from fuhe_cli.parquet import ParquetOutput, check_output_path, require_pyarrow
        from fuhe_cli.store import Store

        check_output_path(output)
        require_pyarrow()
        with Store.open(db, readonly=True) as store:
            sink = ParquetOutput(output)
            try:
                for document, rules_version in store.iter_documents():
                    sink.add_document(document, rules_version)
                sink.close()
            except BaseException:
                sink.abort()
                raise
            source = store.path
        console.note(f"exported {sink.documents_written} document(s) and {sink.facts_written} fact(s) "
                     f"from {source} to {output} and {sink.documents_path}")
