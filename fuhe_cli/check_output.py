"""`fuhe check`'s findings as CI tools read them: GitHub workflow annotations and SARIF."""
from __future__ import annotations

import os
from typing import Any

from fuhe_cli.check_config import CHECKS, CheckResult, Finding


# --- output formats -------------------------------------------------------------------------------
def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github_annotations(result: CheckResult) -> list[str]:
    """GitHub Actions workflow commands: one `::error`/`::warning` line per finding."""
    lines = []
    for finding in result.findings:
        properties = ",".join(f"{name}={_escape_property(str(value))}" for name, value in (
            ("file", _uri(finding.path)), ("line", finding.line), ("col", finding.column),
            ("title", f"fuhe {finding.check}")))
        lines.append(f"::{finding.severity} {properties}::{_escape_data(finding.message)}")
    for error in result.errors:
        lines.append(f"::error file={_escape_property(_uri(error.path))},title=fuhe unreadable::"
                     f"{_escape_data(error.message)}")
    return lines


def _uri(path: str) -> str:
    """A path as the repository-relative, forward-slash form code scanning expects."""
    if os.path.isabs(path):
        try:
            relative = os.path.relpath(path)
            if not relative.startswith(".."):
                path = relative
        except ValueError:
            pass
    return path.replace(os.sep, "/")


SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
HELP_URI = "https://github.com/fuhe/fuhe#fuhe-check"


def _fingerprint(finding: Finding) -> str:
    """Stable across edits that move the figure: the check, the file and what the figure says."""
    import hashlib

    key = "\0".join((finding.check, _uri(finding.path), finding.figure or finding.message, finding.indicator or ""))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def sarif_log(result: CheckResult) -> dict:
    """A SARIF 2.1.0 log for code scanning: every check as a rule, every finding as a result."""
    rule_ids = list(CHECKS)
    rules = [{
        "id": info.id,
        "name": "".join(part.capitalize() for part in info.id.split("-")),
        "shortDescription": {"text": info.summary.split(":")[0].rstrip(".")},
        "fullDescription": {"text": info.summary},
        "help": {"text": f"{info.summary} Example: {info.example}"},
        "helpUri": f"{HELP_URI}-{info.id}",
        "defaultConfiguration": {"level": info.severity},
    } for info in CHECKS.values()]
    results = [{
        "ruleId": finding.check,
        "ruleIndex": rule_ids.index(finding.check),
        "level": finding.severity,
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": _uri(finding.path)},
            "region": {"startLine": finding.line, "startColumn": finding.column},
        }}],
        "partialFingerprints": {"fuheFinding/v1": _fingerprint(finding)},
    } for finding in result.findings]
    notifications = [{
        "level": "error",
        "message": {"text": error.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(error.path)}}}],
    } for error in result.errors]
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "fuhe", "version": result.fuhe_version, "informationUri": HELP_URI,
                            "rules": rules}},
        "results": results,
    }
    if notifications:
        run["invocations"] = [{"executionSuccessful": True, "toolExecutionNotifications": notifications}]
    return {"$schema": SARIF_SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def fails(result: CheckResult, fail_on: str) -> bool:
    """Whether the findings reach the --fail-on level (error | warning | never)."""
    if fail_on == "never":
        return False
    if fail_on == "warning":
        return bool(result.findings)
    return any(finding.severity == "error" for finding in result.findings)
