"""Rule files: the YAML schema of indicator rules, loading them, and validating them.

A rule file (schema ``fuhe.rule/1``) holds rules such as::

    schema: fuhe.rule/1
    rules:
      - id: mediation.success_rate
        name: 调解成功率
        kind: rate                      # volume | rate | money: picks the unit checks
        unit: "%"
        triggers: {any: [调解成功率, 调处成功率], within: 8}
        exclude: [{id: delta-not-rate, regex: '个百分点'}]
        range: {min: 0, max: 100}
        examples:
          - {text: 全年人民调解成功率达98.6%。, expect: [{value: 98.6, unit: "%", qualifier: exact}]}
          - {text: 调解成功率较上年提高2.1个百分点, expect: []}

How the rules name a figure is `fuhe_cli.indicators`; running their examples is
`fuhe_cli.ruleexamples`.

Rules come from the shipped directory, then ``FUHE_RULES`` (os.pathsep-separated), then the
directories given to `read_rules`. A user rule with the id of a shipped rule replaces it (and is
reported); the same id twice among user rules is an error. Loading never runs the examples:
`fuhe rules check` validates, `fuhe rules test` runs the examples.

Errors point at the place: ``path:line:col: code: message``.
"""
from __future__ import annotations

import hashlib
import os
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal, Optional, Sequence

import regex
import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator, model_validator

from fuhe_cli.errors import RuleError

RULE_SCHEMA = "fuhe.rule/1"
RULES_LIST_SCHEMA = "fuhe.rules/1"
RULE_TEST_SCHEMA = "fuhe.rules-test/1"

RATE_UNITS = {"%", "百分点"}
MONEY_UNITS = {"元"}
ID_PATTERN = r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$"


# --- the file format ---------------------------------------------------------------------------
class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Triggers(_Strict):
    """Words (or a regex) that must occur near the number."""

    any: list[str] = Field(default_factory=list, description="Trigger words; one is enough")
    regex: Optional[str] = Field(None, description="A trigger pattern (Python `regex` syntax)")
    within: int = Field(12, ge=0, le=200, description="Max characters between trigger and quantity")
    side: Literal["both", "before", "after"] = Field("both", description="Where the trigger may stand")
    carry: bool = Field(True, description="May name a figure from a preceding clause of the sentence")

    @field_validator("any")
    @classmethod
    def _no_empty_words(cls, words: list[str]) -> list[str]:
        if any(not word.strip() for word in words):
            raise ValueError("trigger words must not be empty")
        return words

    @model_validator(mode="after")
    def _something_to_match(self) -> "Triggers":
        if not self.any and not self.regex:
            raise ValueError("give trigger words (`any`) or a `regex`")
        return self


class Exclude(_Strict):
    """A veto: the rule does not match when one of these occurs in the clause."""

    id: Optional[str] = None
    words: list[str] = Field(default_factory=list)
    regex: Optional[str] = None

    @model_validator(mode="before")
    @classmethod
    def _word_shorthand(cls, value):
        # `exclude: [个百分点, ...]` is shorthand for `{words: [个百分点]}`
        return {"words": [value]} if isinstance(value, str) else value


class Range(_Strict):
    min: Optional[float] = None
    max: Optional[float] = None


class Expect(_Strict):
    value: float
    unit: Optional[str] = Field(None, description="Defaults to the rule's unit")
    qualifier: Optional[Literal["exact", "approx", "at_least", "at_most", "range"]] = None


class Example(_Strict):
    text: str
    expect: list[Expect] = Field(description="Facts this rule must name; [] = must not match")
    todo: Optional[str] = Field(None, description="A known gap: reported, does not fail")


class Refines(_Strict):
    """This rule is a more specific name for the figures of other rules: one of `context` standing
    earlier in the figure's sentence (两癌 before 为23名患病困难妇女发放救助金) says whose they are."""

    rules: list[Annotated[str, Field(pattern=ID_PATTERN)]] = Field(
        min_length=1, description="Ids of the general rules this rule refines (of the same kind)")
    context: list[Annotated[str, Field(min_length=1)]] = Field(
        min_length=1, description="Words that, earlier in the figure's sentence, make this rule the name")

    @field_validator("context")
    @classmethod
    def _no_blank_words(cls, words: list[str]) -> list[str]:
        if any(not word.strip() for word in words):
            raise ValueError("context words must not be blank")
        return words


class Rule(_Strict):
    id: str = Field(pattern=ID_PATTERN, description="Stable dotted id, e.g. lecture.sessions")
    name: str = Field(min_length=1, description="Indicator name (Chinese)")
    kind: Literal["volume", "rate", "money"]
    unit: str = Field(description="Canonical unit: 元 for money, % for rates, a count unit for volume")
    display_unit: Optional[str] = Field(None, description="Unit for display, e.g. 万元, 万人次")
    units: list[str] = Field(default_factory=list, description="Accepted surface units (default: unit)")
    triggers: Triggers
    exclude: list[Exclude] = Field(default_factory=list)
    range: Optional[Range] = None
    priority: int = 0
    refines: Optional[Refines] = None
    basis: Optional[Literal["flow", "stock"]] = Field(
        None, description="What the indicator counts when its wording does not say: work done over a "
        "period (flow) or what exists at a date (stock: 妇女之家, 执委). 新建/新增 still make a flow")
    description: Optional[str] = None
    examples: list[Example] = Field(default_factory=list)

    _source: str = PrivateAttr("")
    _line: int = PrivateAttr(0)
    _id_column: int = PrivateAttr(1)
    _example_lines: list = PrivateAttr(default_factory=list)
    _refines_marks: list = PrivateAttr(default_factory=list)    # (line, column) of each refines.rules id

    @property
    def source(self) -> str:
        return self._source

    @property
    def line(self) -> int:
        return self._line

    @property
    def accepted_units(self) -> list[str]:
        return self.units or [self.unit]


class RuleFile(_Strict):
    """One YAML rule file."""

    schema_: Literal["fuhe.rule/1"] = Field(alias="schema")
    description: Optional[str] = None
    rules: list[Rule]


# --- problems and where they are ----------------------------------------------------------------
@dataclass
class RuleProblem:
    path: str
    line: int
    column: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.code}: {self.message}"


def _raise_problems(problems: list[RuleProblem]) -> None:
    if problems:
        more = f" (and {len(problems) - 1} more problem(s); run `fuhe rules check`)" if len(problems) > 1 else ""
        raise RuleError(str(problems[0]) + more)


def _node_at(root: yaml.Node, loc: Sequence) -> tuple[yaml.Node, yaml.Node | None]:
    """Walk a composed YAML tree along a pydantic `loc`: (deepest node reached, its key node)."""
    node, key_node = root, None
    for part in loc:
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            for k, v in node.value:
                if k.value == part:
                    node, key_node = v, k
                    break
            else:
                return node, key_node
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node, key_node = node.value[part], None
        else:
            return node, key_node
    return node, key_node


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _unwrap(annotation):
    """list[X] / Optional[X] -> X, until a model class (or something else) is left."""
    while True:
        origin = typing.get_origin(annotation)
        if origin in (list, typing.Union) or str(origin) == "types.UnionType":
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        else:
            return annotation


def _keys_at(loc: Sequence) -> list[str]:
    """The keys allowed in the mapping that `loc` points into (for did-you-mean)."""
    model = RuleFile
    for part in loc:
        if isinstance(part, int):
            continue
        fields = {(f.alias or name): f for name, f in model.model_fields.items()}
        if part not in fields:
            return []
        model = _unwrap(fields[part].annotation)
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return []
    return [(f.alias or name) for name, f in model.model_fields.items()]


def _validation_problems(path: str, root: yaml.Node, exc: ValidationError) -> list[RuleProblem]:
    problems = []
    for error in exc.errors():
        loc = [part for part in error["loc"] if not (isinstance(part, str) and part.startswith("function-"))]
        kind = error["type"]
        node, key_node = _node_at(root, loc)
        if kind == "extra_forbidden":
            key = str(loc[-1])
            allowed = _keys_at(loc[:-1])
            import difflib      # only for a rule file with a mistake: not paid at every start-up

            hint = difflib.get_close_matches(key, allowed, n=1, cutoff=0.5)
            message = f"unknown key {key!r}" + (f"; did you mean {hint[0]!r}?" if hint else
                                                 f" (allowed: {', '.join(allowed)})" if allowed else "")
            line, column = _mark(key_node if key_node is not None else node)
            problems.append(RuleProblem(path, line, column, "unknown-key", message))
        elif kind == "missing":
            line, column = _mark(node)
            problems.append(RuleProblem(path, line, column, "missing-key", f"missing required key {loc[-1]!r}"))
        else:
            line, column = _mark(node)
            where = ".".join(str(p) for p in loc) or "file"
            message = error["msg"].removeprefix("Value error, ")
            problems.append(RuleProblem(path, line, column, "invalid-value", f"{where}: {message}"))
    return problems


def _first_alias(path: str, text: str, root: yaml.Node) -> RuleProblem | None:
    """Rule files take no anchors or aliases (&name / *name): a few nested aliases expand to
    billions of nodes ("billion laughs") and every walk over the tree would follow them.

    A composed tree with an alias reaches one node twice; one walk over distinct nodes finds
    that, and only then the events are read again for the alias's position.
    """
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            break
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    else:
        return None
    for event in yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        if isinstance(event, yaml.AliasEvent):
            mark = event.start_mark
            return RuleProblem(path, mark.line + 1, mark.column + 1, "yaml-alias",
                               f"aliases (*{event.anchor}) are not allowed in rule files; write the value out")
    return RuleProblem(path, 1, 1, "yaml-alias", "aliases are not allowed in rule files; write the value out")


def _duplicate_keys(path: str, node: yaml.Node, problems: list[RuleProblem]) -> None:
    # PyYAML keeps the last of two equal keys without a word: a typo's silent rule change.
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key, value in node.value:
            if key.value in seen:
                line, column = _mark(key)
                problems.append(RuleProblem(path, line, column, "duplicate-key", f"key {key.value!r} given twice"))
            seen.add(key.value)
            _duplicate_keys(path, value, problems)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _duplicate_keys(path, item, problems)


def compile_user_regex(pattern: str):
    compiled = regex.compile(pattern, regex.V0)
    if compiled.fullmatch(""):
        raise regex.error("the pattern matches the empty string")
    return compiled


def _semantic_problems(path: str, root: yaml.Node, parsed: RuleFile) -> list[RuleProblem]:
    problems = []

    def at(loc, code, message):
        node, key_node = _node_at(root, loc)
        line, column = _mark(node)
        problems.append(RuleProblem(path, line, column, code, message))

    for index, rule in enumerate(parsed.rules):
        base = ["rules", index]
        if rule.kind == "rate" and (rule.unit not in RATE_UNITS or set(rule.accepted_units) - RATE_UNITS):
            at(base + ["unit"], "unit-kind", f"rule {rule.id}: a rate takes unit '%' (or 百分点)")
        elif rule.kind == "money" and (rule.unit not in MONEY_UNITS or set(rule.accepted_units) - MONEY_UNITS):
            at(base + ["unit"], "unit-kind", f"rule {rule.id}: money takes unit '元' (values are folded to 元)")
        elif rule.kind == "volume" and set(rule.accepted_units) & (RATE_UNITS | MONEY_UNITS):
            at(base + ["unit"], "unit-kind", f"rule {rule.id}: a volume takes a count unit (个, 人次, 场, ...)")
        if rule.units and rule.unit not in rule.units:
            at(base + ["units"], "unit-kind", f"rule {rule.id}: units must include the canonical unit {rule.unit!r}")
        patterns = [(base + ["triggers", "regex"], rule.triggers.regex)]
        patterns += [(base + ["exclude", i, "regex"], ex.regex) for i, ex in enumerate(rule.exclude)]
        for loc, pattern in patterns:
            if pattern is None:
                continue
            try:
                compile_user_regex(pattern)
            except regex.error as exc:
                at(loc, "bad-regex", f"rule {rule.id}: invalid regex {pattern!r}: {exc}")
        if rule.refines is not None:
            for r_index, target in enumerate(rule.refines.rules):
                if target == rule.id:
                    at(base + ["refines", "rules", r_index], "invalid-value",
                       f"rule {rule.id}: a rule cannot refine itself")
        if not any(example.expect and not example.todo for example in rule.examples):
            at(base + ["id"], "no-positive-example",
               f"rule {rule.id}: give at least one example that the rule must match (expect: [...])")
        for e_index, example in enumerate(rule.examples):
            for x_index, expect in enumerate(example.expect):
                unit = expect.unit or rule.unit
                if unit not in rule.accepted_units:
                    at(base + ["examples", e_index, "expect", x_index], "unit-kind",
                       f"rule {rule.id}: example expects unit {unit!r}, the rule accepts {rule.accepted_units}")
    return problems


# --- reading files --------------------------------------------------------------------------------
_FILE_CACHE: dict[tuple[str, int, int], tuple[list[Rule], list[RuleProblem], str]] = {}


def _parse_file(path: Path) -> tuple[list[Rule], list[RuleProblem], str]:
    """Rules, problems and content hash of one file (cached by mtime and size)."""
    try:
        stat = path.stat()
        cache_key = (str(path), stat.st_mtime_ns, stat.st_size)
    except OSError:
        cache_key = None
    if cache_key in _FILE_CACHE:
        return _FILE_CACHE[cache_key]
    result = _parse_file_uncached(path)
    if cache_key is not None:
        _FILE_CACHE[cache_key] = result
    return result


def _parse_file_uncached(path: Path) -> tuple[list[Rule], list[RuleProblem], str]:
    shown = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return [], [RuleProblem(shown, 1, 1, "unreadable", exc.strerror or str(exc))], ""
    digest = hashlib.sha256(raw).hexdigest()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return [], [RuleProblem(shown, 1, 1, "encoding", f"rule files are UTF-8: {exc.reason}")], digest
    try:
        # libyaml's C loader when present: compose is paid at every start-up and in every worker
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        root = yaml.compose(text, Loader=loader)
        alias = _first_alias(shown, text, root) if root is not None else None
        if alias is not None:
            return [], [alias], digest
        data = yaml.SafeLoader("").construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = " ".join(filter(None, [exc.problem, exc.context])) or "invalid YAML"
        return [], [RuleProblem(shown, line, column, "yaml-syntax", problem)], digest
    except yaml.YAMLError as exc:
        return [], [RuleProblem(shown, 1, 1, "yaml-syntax", str(exc))], digest
    if not isinstance(data, dict) or root is None:
        return [], [RuleProblem(shown, 1, 1, "invalid-value",
                                f"a rule file is a mapping with `schema: {RULE_SCHEMA}` and `rules:`")], digest
    problems: list[RuleProblem] = []
    _duplicate_keys(shown, root, problems)
    try:
        parsed = RuleFile.model_validate(data)
    except ValidationError as exc:
        return [], problems + _validation_problems(shown, root, exc), digest
    problems += _semantic_problems(shown, root, parsed)
    for index, rule in enumerate(parsed.rules):
        node, _ = _node_at(root, ["rules", index])
        rule._source = shown
        rule._line = _mark(node)[0]
        id_line, rule._id_column = _mark(_node_at(root, ["rules", index, "id"])[0])
        rule._line = id_line
        rule._example_lines = [_mark(_node_at(root, ["rules", index, "examples", i])[0])[0]
                               for i in range(len(rule.examples))]
        if rule.refines is not None:
            rule._refines_marks = [_mark(_node_at(root, ["rules", index, "refines", "rules", i])[0])
                                   for i in range(len(rule.refines.rules))]
    return parsed.rules, problems, digest


def shipped_rules_dir() -> Path:
    """Where the shipped rules live: inside the wheel (`_rules`) or the repo's `rules/`."""
    package = Path(__file__).resolve().parent
    bundled = package / "_rules"
    return bundled if bundled.is_dir() else package.parent / "rules"


def rule_files(location: str | Path) -> list[Path]:
    """The rule files of a directory (*.yaml, *.yml, recursively, in name order) or one file."""
    path = Path(location)
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    if path.is_file():
        return [path]
    raise RuleError(f"{path}:1:1: missing: no such rule file or directory")


def _env_dirs() -> list[str]:
    return [part for part in os.environ.get("FUHE_RULES", "").split(os.pathsep) if part.strip()]


def check_rule_files(paths: Sequence[str | Path]) -> tuple[list[Rule], list[RuleProblem]]:
    """Validate rule files (or directories) together: every problem, none raised."""
    rules, problems = [], []
    seen: dict[str, Rule] = {}
    for location in paths:
        for path in rule_files(location):
            file_rules, file_problems, _ = _parse_file(path)
            problems += file_problems
            for rule in file_rules:
                if rule.id in seen:
                    first = seen[rule.id]
                    problems.append(RuleProblem(rule.source, rule.line, rule._id_column, "duplicate-id",
                                                f"rule id {rule.id!r} is already defined at {first.source}:{first.line}"))
                    continue
                seen[rule.id] = rule
                rules.append(rule)
    problems += _refines_problems(rules, seen)
    return rules, problems


def _refines_problems(rules: list[Rule], seen: dict[str, Rule]) -> list[RuleProblem]:
    """A `refines` names known rules (checked together, or shipped) of the rule's own kind."""
    problems = []
    shipped: dict[str, Rule] | None = None
    for rule in rules:
        if rule.refines is None:
            continue
        for index, target_id in enumerate(rule.refines.rules):
            target = seen.get(target_id)
            if target is None:
                if shipped is None:
                    shipped = {r.id: r for path in rule_files(shipped_rules_dir()) for r in _parse_file(path)[0]}
                target = shipped.get(target_id)
            marks = rule._refines_marks
            line, column = marks[index] if index < len(marks) else (rule.line, rule._id_column)
            if target is None:
                problems.append(RuleProblem(rule.source, line, column, "unknown-rule",
                                            f"rule {rule.id} refines {target_id!r}, which is not a loaded rule"))
            elif target.kind != rule.kind:
                problems.append(RuleProblem(rule.source, line, column, "invalid-value",
                                            f"rule {rule.id} ({rule.kind}) cannot refine {target_id} ({target.kind}):"
                                            " a refinement names the same kind of figure"))
    return problems


@dataclass
class Override:
    id: str
    shipped: str      # path:line of the replaced rule
    user: str         # path:line of the rule that replaced it



@dataclass
class LoadedRules:
    """The rules in force, in load order, with a content hash of their files."""

    rules: list[Rule]
    version: str
    overrides: list[Override]


def read_rules(extra_dirs: Sequence[str | Path] = (), use_env: bool = True) -> LoadedRules:
    """Shipped rules + FUHE_RULES + `extra_dirs`; raises RuleError at the first problem."""
    shipped, problems = check_rule_files([shipped_rules_dir()])
    _raise_problems(problems)
    user_locations: list[str | Path] = (_env_dirs() if use_env else []) + list(extra_dirs)
    unique, seen_paths = [], set()
    for location in user_locations:
        resolved = Path(location).resolve()
        if resolved not in seen_paths:
            seen_paths.add(resolved)
            unique.append(location)
    user, problems = check_rule_files(unique)
    _raise_problems(problems)

    merged = list(shipped)
    positions = {rule.id: index for index, rule in enumerate(merged)}
    overrides = []
    for rule in user:
        if rule.id in positions:
            old = merged[positions[rule.id]]
            overrides.append(Override(rule.id, f"{old.source}:{old.line}", f"{rule.source}:{rule.line}"))
            merged[positions[rule.id]] = rule
        else:
            positions[rule.id] = len(merged)
            merged.append(rule)
    if overrides:
        from fuhe_cli import console

        for override in overrides:
            console.note(f"rule {override.id} from {override.user} overrides the shipped rule ({override.shipped})")
    digest = hashlib.sha256()
    for location in [shipped_rules_dir(), *unique]:
        for path in rule_files(location):
            digest.update(_parse_file(path)[2].encode())
    return LoadedRules(merged, digest.hexdigest()[:16], overrides)
