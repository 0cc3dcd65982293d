"""The Typer application: a thin layer over the library.

Each command lives in `fuhe_cli/commands/<name>.py` and exposes `register(app)`;
command bodies import the library lazily so `fuhe --help` starts fast.
"""
from __future__ import annotations

import typer

from fuhe_cli import __version__

EXIT_CODES_HELP = """\
Exit codes: 0 ok; 1 a gate tripped (--fail-on, failing `rules test`, `check` findings);
2 usage error (incl. unknown/ambiguous region); 3 invalid rule or config file;
4 an input could not be read or decoded (the rest was processed); 5 internal error
(rerun with --debug); 130 interrupted.
"""

app = typer.Typer(
    name="fuhe",
    help="Turn Chinese women's-federation work reports into structured, comparable indicators.\n\n"
    + EXIT_CODES_HELP,
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"fuhe {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=_version_callback, is_eager=True,
                                 help="Print the version and exit."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only errors on stderr."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks for internal errors."),
) -> None:
    from fuhe_cli import console

    console.configure(quiet=quiet, debug=debug)


COMMAND_MODULES = ("extract", "rules", "regions", "compare", "docs", "check", "schema", "export")


def _register_commands() -> None:
    import importlib

    for name in COMMAND_MODULES:
        importlib.import_module(f"fuhe_cli.commands.{name}").register(app)


_register_commands()
