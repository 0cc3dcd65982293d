"""`fuhe check`: lint a report's figures, for drafts in CI."""
from __future__ import annotations

from enum import Enum
from typing import Annotated, List, Optional

import typer

from fuhe_cli.commands.options import CheckFormat, Encoding, RuleDirs, StdinName, format_option


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    never = "never"


def render_check(result, fmt: str) -> None:
    import sys

    from fuhe_cli import check, console, render

    if fmt == "json":
        render.emit_json(result.model_dump(mode="json", by_alias=True))
    elif fmt == "jsonl":
        render.emit_jsonl(finding.model_dump(mode="json") for finding in result.findings)
    elif fmt == "github":
        for line in check.github_annotations(result):
            sys.stdout.write(line + "\n")
    elif fmt == "sarif":
        render.emit_json(check.sarif_log(result))
    else:
        if result.findings:
            rows = [[f"{finding.path}:{finding.line}:{finding.column}", finding.severity, finding.check,
                     finding.message] for finding in result.findings]
            render.emit_rows(["where", "severity", "check", "message"], rows, "table")
    summary = result.summary
    console.note(f"checked {summary.files} file(s): {summary.errors} error(s), {summary.warnings} warning(s)"
                 + (f", {summary.suppressed} suppressed" if summary.suppressed else "")
                 + (f", {summary.unreadable} unreadable" if summary.unreadable else ""))


def register(app: typer.Typer) -> None:
    @app.command("check")
    def check_command(
        paths: List[str] = typer.Argument(..., help="Report files or directories; '-' reads stdin."),
        fmt: Annotated[CheckFormat, format_option(
            "table for people, github annotations or sarif for CI, json/jsonl for scripts.")] = "table",
        fail_on: FailOn = typer.Option(FailOn.error, "--fail-on",
                                       help="Exit 1 when a finding of this severity or worse is found (never: always 0)."),
        db: Optional[str] = typer.Option(None, "--db", help="Store to compare against (conflicting-values across reports, magnitude-outlier)."),
        config: Optional[str] = typer.Option(None, "--config", help="Project file to use instead of the nearest .fuhe.yaml."),
        rules_dirs: RuleDirs = [],
        encoding: Encoding = None,
        stdin_name: StdinName = None,
    ) -> None:
        """Check the figures of draft reports: impossible rates, parts larger than their total,
        conflicting values, 万/元 slips, malformed numbers and missing required indicators.

        Checks: out-of-range, part-exceeds-whole, conflicting-values, magnitude-outlier (needs --db),
        malformed-number, required-indicator. The nearest .fuhe.yaml above each report can disable
        checks, change their severity, ignore findings and require indicators; in Markdown and HTML,
        `<!-- fuhe-ignore: check-id -->` silences its line and the next. Exit 0 when nothing at or
        above --fail-on is found, 1 when something is, 3 for an invalid project file, 4 when an input
        could not be read (the rest is still checked).

        Example: fuhe check examples/drafts/ --format github --fail-on warning
        """
        from fuhe_cli import console
        from fuhe_cli.check import check_paths, fails
        from fuhe_cli.errors import ExitCode

        result = check_paths(paths, config_path=config, db=db, rule_dirs=rules_dirs, encoding=encoding,
                             stdin_name=stdin_name,
                             on_error=lambda error: console.error(error.message))
        render_check(result, fmt)
        if result.errors:
            raise typer.Exit(int(ExitCode.INPUT))
        if fails(result, fail_on.value):
            raise typer.Exit(int(ExitCode.GATE))
