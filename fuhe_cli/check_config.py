"""What a `fuhe check` run reports and is configured with: the check registry (stable ids,
severities), the findings payload, and the project file (`.fuhe.yaml`) that disables checks,
changes severities, ignores findings and lists required indicators.
"""
from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from typing import Any, Iterable, Literal, Optional, Sequence

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from fuhe_cli.errors import RuleError
from fuhe_cli.models import DocumentError


CHECK_SCHEMA = "fuhe.check/1"
PROJECT_SCHEMA = "fuhe.project/1"
PROJECT_FILE = ".fuhe.yaml"

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class CheckInfo:
    id: str
    severity: Severity
    summary: str
    example: str


CHECKS: dict[str, CheckInfo] = {info.id: info for info in (
    CheckInfo("out-of-range", "error",
              "A rate or share above 100% or below 0%, or a figure outside its rule's range.",
              "调解成功率达120%"),
    CheckInfo("part-exceeds-whole", "error",
              "A part introduced by 其中 is larger than the total it belongs to (same unit), or the parts "
              "one 其中 lists add up to more than it.",
              "共培训妇女300人次，其中农村妇女450人次"),
    CheckInfo("conflicting-values", "warning",
              "The same indicator for the same region and period (a flow over the same span, a stock "
              "at the same date) is given different values in two paragraphs of one report, or (with "
              "--db) in another report in the store. Plans and flows of other spans are no conflict.",
              "调解成功率98.6% … 调解成功率96.2%"),
    CheckInfo("magnitude-outlier", "warning",
              "A figure more than 100x away from the median of the same indicator in regions of the "
              "same level in the store: usually a 万/元 slip.",
              "发放贷款3.2亿元 where comparable counties report about 300万元"),
    CheckInfo("malformed-number", "warning",
              "A number fuhe had to repair: ideographic full stop as decimal point, mixed or full-width "
              "digits, spaces inside a number. Fix it at the source.",
              "91。6%"),
    CheckInfo("required-indicator", "error",
              "A report of a kind named in the project file does not state an indicator it must contain.",
              "a 年度总结 without 调解成功率"),
)}

DEFAULT_MALFORMED_CODES = ("ideographic-decimal", "mixed-width", "fullwidth-digits", "stray-space")


# --- payload models -------------------------------------------------------------------------------
class Finding(BaseModel):
    path: str
    line: int = Field(description="1-based line in the original file")
    column: int = Field(description="1-based column (characters) in the original file")
    check: str = Field(description="Check id, e.g. out-of-range")
    severity: Severity
    message: str = Field(description="English message with the Chinese figure quoted")
    figure: Optional[str] = Field(None, description="The figure as written in the report")
    indicator: Optional[str] = Field(None, description="Indicator id, when the finding is about one")


class CheckSummary(BaseModel):
    files: int = 0
    errors: int = Field(0, description="Findings of severity error")
    warnings: int = Field(0, description="Findings of severity warning")
    suppressed: int = Field(0, description="Findings silenced inline or by the project ignore list")
    unreadable: int = Field(0, description="Inputs that could not be read")
    by_check: dict[str, int] = Field(default_factory=dict)


class CheckResult(BaseModel):
    """The `fuhe check --format json` envelope."""

    model_config = ConfigDict(populate_by_name=True)

    schema_: str = Field(CHECK_SCHEMA, alias="schema")
    fuhe_version: str
    findings: list[Finding] = Field(default_factory=list)
    summary: CheckSummary = Field(default_factory=CheckSummary)
    errors: list[DocumentError] = Field(default_factory=list)


# --- project file ---------------------------------------------------------------------------------
class IgnoreEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: str = Field(description="Report path (glob) relative to the project file")
    line: Optional[int] = Field(None, description="Only this line; all lines when absent")
    check: Optional[str] = Field(None, description="Only this check; all checks when absent")


class RequiredEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: str = Field(description="A name for this kind of report, e.g. 年度总结")
    files: list[str] = Field(description="Filename globs that pick reports of this kind, e.g. '*年度总结*.md'")
    indicators: list[str] = Field(description="Indicator ids (or rule names) each such report must state")


class MagnitudeOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    factor: float = Field(100.0, gt=1)
    min_values: int = Field(3, ge=1, alias="min-values")


class MalformedOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    codes: list[str] = Field(default_factory=lambda: list(DEFAULT_MALFORMED_CODES))


class CheckOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    magnitude_outlier: MagnitudeOptions = Field(default_factory=MagnitudeOptions, alias="magnitude-outlier")
    malformed_number: MalformedOptions = Field(default_factory=MalformedOptions, alias="malformed-number")


class ProjectConfig(BaseModel):
    """`.fuhe.yaml`: how `fuhe check` treats the reports below it."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    schema_: Optional[str] = Field(None, alias="schema")
    disable: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)
    ignore: list[IgnoreEntry] = Field(default_factory=list)
    required: list[RequiredEntry] = Field(default_factory=list)
    options: CheckOptions = Field(default_factory=CheckOptions)
    # Where the file was read from: ignore paths and file globs are relative to its directory.
    _source: Optional[str] = PrivateAttr(None)
    # (required index, indicator index) -> line, to report unknown indicator ids where they are written.
    _indicator_lines: dict = PrivateAttr(default_factory=dict)

    @property
    def source(self) -> Optional[str]:
        return self._source

    @property
    def root(self) -> Optional[str]:
        return os.path.dirname(os.path.abspath(self._source)) if self._source else None

    def enabled(self, check: str) -> bool:
        return check not in self.disable

    def severity_of(self, check: str) -> Severity:
        return self.severity.get(check, CHECKS[check].severity)

    def relative(self, path: str) -> str:
        base = self.root or os.getcwd()
        try:
            relative = os.path.relpath(os.path.abspath(path), base)
        except ValueError:  # another drive on Windows
            relative = path
        return relative.replace(os.sep, "/")

    def ignores(self, finding: Finding) -> bool:
        relative = self.relative(finding.path)
        for entry in self.ignore:
            pattern = entry.path.replace(os.sep, "/")
            if not (fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(os.path.basename(relative), pattern)):
                continue
            if entry.line is not None and entry.line != finding.line:
                continue
            if entry.check is not None and entry.check != finding.check:
                continue
            return True
        return False

    def required_for(self, path: str) -> list[tuple[str, str]]:
        """(kind, indicator) pairs a report at `path` must state."""
        relative = self.relative(path)
        name = os.path.basename(relative)
        pairs = []
        for entry in self.required:
            if any(fnmatch.fnmatch(name, glob) or fnmatch.fnmatch(relative, glob) for glob in entry.files):
                pairs.extend((entry.kind, indicator) for indicator in entry.indicators)
        return pairs


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _node_line(root, loc: Sequence[Any]) -> int:
    """The 1-based line of the YAML node at pydantic's `loc`, or of the nearest parent."""
    import yaml

    node, line = root, (root.start_mark.line + 1 if root is not None else 1)
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == str(key):
                    node, line = value_node, key_node.start_mark.line + 1
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def load_project(path: str) -> ProjectConfig:
    """Read and validate a project file; any problem is a RuleError 'path:line: message' (exit 3)."""
    import yaml

    def invalid(line: int, message: str) -> RuleError:
        return RuleError(f"{path}:{line}: {message}")

    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except OSError as exc:
        raise invalid(1, f"cannot read project file: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise invalid(1, "project file is not UTF-8") from None
    try:
        root = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise invalid(mark.line + 1 if mark else 1, f"invalid YAML: {problem}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise invalid(1, "a project file is a mapping (disable:, severity:, ignore:, required:, options:)")
    try:
        config = ProjectConfig.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = first["loc"]
        where = ".".join(str(part) for part in loc)
        message = first["msg"]
        if first["type"] == "extra_forbidden" and loc:
            fields = {name: info.alias or name for name, info in _fields_at(loc[:-1]).items()}
            message += _did_you_mean(str(loc[-1]), list(fields.values()))
        raise invalid(_node_line(root, loc), f"{where}: {message}") from None
    if config.schema_ not in (None, PROJECT_SCHEMA):
        raise invalid(_node_line(root, ["schema"]), f"schema: expected {PROJECT_SCHEMA!r}, got {config.schema_!r}")

    def known_check(check: str, loc: list) -> None:
        if check not in CHECKS:
            raise invalid(_node_line(root, loc), f"unknown check {check!r}{_did_you_mean(check, CHECKS)}; "
                          f"checks are: {', '.join(CHECKS)}")

    for index, check in enumerate(config.disable):
        known_check(check, ["disable", index])
    for check in config.severity:
        known_check(check, ["severity", check])
    for index, entry in enumerate(config.ignore):
        if entry.check is not None:
            known_check(entry.check, ["ignore", index, "check"])
    for index, entry in enumerate(config.required):
        if not entry.files:
            raise invalid(_node_line(root, ["required", index, "files"]), "required: files must list at least one glob")
    config._source = path
    config._indicator_lines = {(i, j): _node_line(root, ["required", i, "indicators", j])
                               for i, entry in enumerate(config.required) for j in range(len(entry.indicators))}
    return config


def validate_required(config: ProjectConfig, known: Iterable[str]) -> None:
    """Every required indicator must name a loaded rule (by id or name): a typo would fail every report."""
    known = set(known)
    if not known:
        return
    for i, entry in enumerate(config.required):
        for j, indicator in enumerate(entry.indicators):
            if indicator not in known:
                line = config._indicator_lines.get((i, j), 1)
                raise RuleError(f"{config.source}:{line}: required: no rule has the id or name {indicator!r}"
                                f"{_did_you_mean(indicator, known)}")


def _fields_at(loc: Sequence[Any]) -> dict:
    """The pydantic fields of the model at a (parent) loc, for 'did you mean' hints."""
    model: Any = ProjectConfig
    for key in loc:
        if isinstance(key, int):
            continue
        fields = {info.alias or name: info for name, info in model.model_fields.items()}
        info = fields.get(str(key))
        if info is None:
            return {}
        annotation = info.annotation
        for candidate in (annotation, *getattr(annotation, "__args__", ())):
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                model = candidate
                break
        else:
            return {}
    return dict(model.model_fields)


def find_project_file(start_dir: str) -> str | None:
    """The nearest `.fuhe.yaml` in `start_dir` or a parent directory."""
    directory = os.path.abspath(start_dir)
    while True:
        candidate = os.path.join(directory, PROJECT_FILE)
        if os.path.isfile(candidate):
            return candidate
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


class ProjectLocator:
    """Project configuration per report: the --config file, or the nearest one, cached per file."""

    def __init__(self, config_path: str | None = None, known_indicators: Iterable[str] = ()):
        self._known = set(known_indicators)
        self._fixed = self._load(config_path) if config_path else None
        self._cache: dict[str, ProjectConfig] = {}

    def _load(self, path: str) -> ProjectConfig:
        config = load_project(path)
        validate_required(config, self._known)
        return config

    def for_report(self, path: str) -> ProjectConfig:
        if self._fixed is not None:
            return self._fixed
        directory = os.getcwd() if path == "-" else os.path.dirname(os.path.abspath(path))
        found = find_project_file(directory)
        key = found or ""
        if key not in self._cache:
            self._cache[key] = self._load(found) if found else ProjectConfig()
        return self._cache[key]
