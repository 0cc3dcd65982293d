"""`fuhe schema`: the JSON Schema of each payload, generated from the pydantic models."""
from __future__ import annotations

from enum import Enum

import typer


class Payload(str, Enum):
    extract = "extract"
    compare = "compare"
    rule = "rule"
    check = "check"


def payload_model(payload: str):
    """The pydantic model behind each published payload."""
    if payload == "extract":
        from fuhe_cli.models import ExtractResult

        return ExtractResult
    if payload == "compare":
        from fuhe_cli.compare import CompareResult

        return CompareResult
    if payload == "rule":
        from fuhe_cli.rulefile import RuleFile

        return RuleFile
    from fuhe_cli.check import CheckResult

    return CheckResult


def register(app: typer.Typer) -> None:
    @app.command("schema")
    def schema_command(payload: Payload = typer.Argument(..., help="Which payload.")) -> None:
        """Print the JSON Schema of a payload (extract, compare, rule, check).

        Example: fuhe schema extract > fuhe.extract.schema.json
        """
        from fuhe_cli import render

        model = payload_model(payload.value)
        render.emit_json(model.model_json_schema(by_alias=True))
