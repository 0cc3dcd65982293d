"""`fuhe docs`: what the store holds, and removing entries from it."""
from __future__ import annotations

from typing import Annotated, List, Optional

import typer

from fuhe_cli.commands.options import Db, TabularFormat, format_option

DOCS_SCHEMA = "fuhe.docs/1"
DOCS_COLUMNS = ["path", "region", "year", "facts", "saved_at", "sha256"]


def document_record(document) -> dict:
    return {
        "path": document.path,
        "sha256": document.sha256,
        "title": document.title,
        "date": document.date,
        "region": {"code": document.region.code, "name": document.region.name} if document.region else None,
        "year": document.year,
        "facts": document.fact_count,
        "encoding": document.encoding,
        "rules_version": document.rules_version,
        "saved_at": document.saved_at,
    }


def list_documents(db: Optional[str], fmt: str) -> None:
    from fuhe_cli import console, render
    from fuhe_cli.store import Store

    with Store.open(db, readonly=True) as store:
        documents = store.documents()
        path = store.path
    if fmt == "json":
        render.emit_json({"schema": DOCS_SCHEMA, "store": path,
                          "documents": [document_record(d) for d in documents]})
        return
    short = fmt == "table"
    rows = [[d.path, d.region.name if d.region else "", d.year, d.fact_count,
             d.saved_at.replace("T", " ")[:16] if short else d.saved_at,
             d.sha256[:12] if short else d.sha256] for d in documents]
    render.emit_rows(DOCS_COLUMNS, rows, fmt, title=f"{path} — {len(documents)} document(s)")
    if not documents:
        console.note(f"the store {path} is empty; add reports with `fuhe extract FILE`")


def remove_documents(db: Optional[str], keys: List[str]) -> None:
    from fuhe_cli import console
    from fuhe_cli.store import Store

    with Store.open(db) as store:
        removed = store.remove(keys)
    for document in removed:
        console.note(f"removed {document.path} ({document.sha256[:12]}, {document.fact_count} facts)")


def register(app: typer.Typer) -> None:
    docs_app = typer.Typer(no_args_is_help=False, rich_markup_mode=None)

    @docs_app.callback(invoke_without_command=True)
    def docs_command(
        ctx: typer.Context,
        db: Db = None,
        fmt: Annotated[TabularFormat, format_option()] = "table",
        remove: List[str] = typer.Option([], "--remove", metavar="PATH_OR_HASH",
                                         help="Remove this document instead of listing (repeatable)."),
    ) -> None:
        """List the documents in the store, or remove some.

        Lists path, region, year, number of facts, when it was saved (UTC) and the content hash.
        `fuhe docs remove PATH_OR_HASH...` (or `--remove`) deletes documents and their facts, by
        the path they were extracted from or by their sha256 (a prefix of 8+ hex digits will do);
        a key that matches nothing is a usage error (exit 2) and nothing is removed.
        JSON: {"schema": "fuhe.docs/1", "store": PATH, "documents": [{"path", "sha256", "title",
        "date", "region": {"code", "name"}, "year", "facts", "encoding", "rules_version", "saved_at"}]}.

        Example: fuhe docs --format json; fuhe docs remove examples/sichuan-2023.txt
        """
        ctx.obj = {"db": db}
        if ctx.invoked_subcommand is not None:
            return
        if remove:
            remove_documents(db, remove)
        else:
            list_documents(db, fmt)

    @docs_app.command("remove")
    def remove_command(
        ctx: typer.Context,
        keys: List[str] = typer.Argument(..., metavar="PATH_OR_HASH...", help="Stored path or sha256 (prefix)."),
        db: Db = None,
    ) -> None:
        """Remove documents (and their facts) from the store by path or content hash.

        Example: fuhe docs remove examples/sichuan-2023.txt 3f2a9c1e
        """
        remove_documents(db or (ctx.obj or {}).get("db"), keys)

    app.add_typer(docs_app, name="docs")
