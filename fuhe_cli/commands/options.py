"""Options several commands share, declared once (as sqlite-utils' @output_options).

Each is an `Annotated` type: `db: Db = None`. The formats are `Literal`s, so a command's
`fmt` is a plain string that `fuhe_cli.render` takes as it is.
"""
from __future__ import annotations

from typing import Annotated, List, Literal, Optional

import typer

# Which formats a command offers: all of them only where every renderer makes sense.
FactFormat = Literal["table", "json", "jsonl", "csv", "md"]
TabularFormat = Literal["table", "json", "csv", "md"]
TableOrJson = Literal["table", "json"]
CheckFormat = Literal["table", "json", "jsonl", "github", "sarif"]


def format_option(help: str = "Output format.") -> typer.models.OptionInfo:
    return typer.Option("--format", "-f", help=help)


Db = Annotated[Optional[str], typer.Option(
    "--db", help="Store file (default: $FUHE_DB, else fuhe.sqlite in the user data directory).")]
RuleDirs = Annotated[List[str], typer.Option(
    "--rules", help="Extra rule directory or file (repeatable; also FUHE_RULES).")]
Encoding = Annotated[Optional[str], typer.Option(
    "--encoding", help="Force an encoding instead of detecting it.")]
StdinName = Annotated[Optional[str], typer.Option(
    "--stdin-name", metavar="NAME",
    help="What '-' (stdin) is called in facts, reports and annotations (its suffix picks the format).")]
Bom = Annotated[bool, typer.Option(
    "--bom", help="With --format csv: write a UTF-8 byte-order mark (for Excel).")]
