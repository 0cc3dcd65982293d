"""`fuhe rules list|show|check|test`: the indicator rules, validated and tested like code."""
from __future__ import annotations

from typing import Annotated, List, Optional

import typer

from fuhe_cli.commands.options import RuleDirs, TableOrJson, format_option


def _rule_record(rule) -> dict:
    return {"id": rule.id, "name": rule.name, "kind": rule.kind, "unit": rule.unit,
            "display_unit": rule.display_unit, "units": rule.accepted_units,
            "source": f"{rule.source}:{rule.line}"}


def _want_got(facts: list[dict]) -> str:
    """Expected or found facts of a rule example on one line: ≥5000 人次 → training.participants."""
    from fuhe_cli.render import QUALIFIER_MARKS, format_cell

    if not facts:
        return "nothing"
    parts = []
    for fact in facts:
        qualifier = fact.get("qualifier")
        mark = "range " if qualifier == "range" else QUALIFIER_MARKS.get(qualifier, "")
        text = f"{mark}{format_cell(fact['value'])} {fact.get('unit') or ''}".strip()
        if fact.get("indicator"):
            text += f" → {fact['indicator']}"
        parts.append(text)
    return ", ".join(parts)


def register(app: typer.Typer) -> None:
    rules_app = typer.Typer(name="rules", no_args_is_help=True, rich_markup_mode=None,
                            help="The indicator rules: list them, show one, validate them, run their examples.")
    app.add_typer(rules_app, name="rules")

    @rules_app.command("list")
    def list_command(
        rules_dirs: RuleDirs = [],
        fmt: Annotated[TableOrJson, format_option()] = "table",
    ) -> None:
        """List every loaded rule: id, name, kind, unit and the file it comes from.

        Example: fuhe rules list --rules my_rules/ --format json
        """
        from fuhe_cli import render
        from fuhe_cli.indicators import load_rules
        from fuhe_cli.rulefile import RULES_LIST_SCHEMA

        ruleset = load_rules(rules_dirs)
        records = [_rule_record(rule) for rule in ruleset.rules]
        if fmt == "json":
            render.emit_json({"schema": RULES_LIST_SCHEMA, "version": ruleset.version, "rules": records})
        else:
            render.emit_rows(["id", "name", "kind", "unit", "source"],
                             [[r["id"], r["name"], r["kind"], r["display_unit"] or r["unit"], r["source"]]
                              for r in records], "table", title=f"{len(records)} rules")

    @rules_app.command("show")
    def show_command(
        rule_id: str = typer.Argument(..., help="Rule id, e.g. lecture.sessions"),
        rules_dirs: RuleDirs = [],
        fmt: Annotated[TableOrJson, format_option()] = "table",
    ) -> None:
        """Show one rule in full: triggers, exclusions, range and examples.

        Example: fuhe rules show training.participants
        """
        import difflib

        from fuhe_cli import render
        from fuhe_cli.errors import UsageError
        from fuhe_cli.indicators import load_rules

        ruleset = load_rules(rules_dirs)
        rule = ruleset.get(rule_id)
        if rule is None:
            hint = difflib.get_close_matches(rule_id, [r.id for r in ruleset.rules], n=3, cutoff=0.5)
            raise UsageError(f"no rule {rule_id!r}" + (f"; did you mean {', '.join(hint)}?" if hint else
                                                       " (see `fuhe rules list`)"))
        record = {**_rule_record(rule), **rule.model_dump(mode="json", exclude_none=True, by_alias=True)}
        if fmt == "json":
            render.emit_json(record)
            return
        import yaml

        typer.echo(f"# {rule.source}:{rule.line}")
        typer.echo(yaml.safe_dump(rule.model_dump(mode="json", exclude_none=True, exclude_defaults=True),
                                  allow_unicode=True, sort_keys=False).rstrip())

    @rules_app.command("check")
    def check_command(
        paths: Optional[List[str]] = typer.Argument(None, help="Rule files or directories (default: the loaded rules)."),
        rules_dirs: RuleDirs = [],
    ) -> None:
        """Validate rule files without running their examples; exit 3 when one is invalid.

        Every problem is printed as path:line:col: code: message (unknown keys with a
        did-you-mean, bad regexes, duplicate ids, rules without a positive example).

        Example: fuhe rules check my_rules/
        """
        import os

        from fuhe_cli import console
        from fuhe_cli.errors import RuleError
        from fuhe_cli.rulefile import check_rule_files, shipped_rules_dir

        if paths:
            locations = list(paths)
        else:
            env = [p for p in os.environ.get("FUHE_RULES", "").split(os.pathsep) if p.strip()]
            locations = [shipped_rules_dir(), *env, *rules_dirs]
        rules, problems = check_rule_files(locations)
        if len(problems) == 1:
            raise RuleError(str(problems[0]))
        for problem in problems:
            console.error(str(problem))
        if problems:
            raise RuleError(f"{len(problems)} problems in rule files")
        console.note(f"{len(rules)} rules OK")

    @rules_app.command("test")
    def test_command(
        paths: Optional[List[str]] = typer.Argument(None, help="Rule files or directories to test (default: all loaded rules)."),
        rules_dirs: RuleDirs = [],
        fmt: Annotated[TableOrJson, format_option()] = "table",
    ) -> None:
        """Run every rule example through the number grammar and the rules; exit 1 on a failure.

        Each example's expected facts are compared with the facts the rule names; `todo`
        examples are reported but do not fail. Rules under PATH are tested together with
        the shipped rules, the way `fuhe extract --rules PATH` would load them.

        Example: fuhe rules test my_rules/ --format json
        """
        from fuhe_cli import console, render
        from fuhe_cli.errors import ExitCode
        from fuhe_cli.indicators import load_rules
        from fuhe_cli.ruleexamples import run_examples
        from fuhe_cli.rulefile import RULE_TEST_SCHEMA, check_rule_files

        ruleset = load_rules([*rules_dirs, *(paths or [])])
        selected = None
        if paths:
            tested, _ = check_rule_files(paths)
            selected = {rule.id for rule in tested}
        results = run_examples(ruleset, selected)
        counts = {status: sum(r.status == status for r in results) for status in ("pass", "fail", "todo", "fixed")}
        if fmt == "json":
            render.emit_json({"schema": RULE_TEST_SCHEMA, "version": ruleset.version, "counts": counts,
                              "examples": [{"rule": r.rule_id, "source": r.source, "status": r.status,
                                            "text": r.text, "want": r.want, "got": r.got, "others": r.others,
                                            "todo": r.todo} for r in results]})
        else:
            # A readable want/got diff per failing example, like `semgrep --test`.
            for result in results:
                if result.status == "pass":
                    continue
                label = {"fail": "FAIL", "todo": "TODO", "fixed": "FIXED"}[result.status]
                typer.echo(f"{label} {result.rule_id}  {result.source}")
                typer.echo(f"  text: {result.text}")
                if result.todo:
                    typer.echo(f"  todo: {result.todo}")
                typer.echo(f"  want: {_want_got(result.want)}")
                typer.echo(f"  got:  {_want_got(result.got)}")
                if result.others:
                    typer.echo(f"  other quantities: {_want_got(result.others)}")
        console.note(f"{counts['pass']} passed, {counts['fail']} failed, {counts['todo']} todo"
                     + (f", {counts['fixed']} todo now passing (remove `todo`)" if counts["fixed"] else ""))
        if counts["fail"]:
            raise typer.Exit(int(ExitCode.GATE))
