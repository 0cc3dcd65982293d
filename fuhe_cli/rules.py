"""Indicator rules: YAML files that name what a quantity measures.

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

How a quantity is classified (`RuleSet.classify`):

1. Only the clause around the number is read: the text between clause punctuation
   (，。；！？：and line breaks; 、 and quotes do not break a clause).
2. A rule matches when one of its trigger words (or its trigger regex) occurs in that clause
   no more than ``within`` characters before or after the quantity, the quantity's unit is one
   the rule accepts (``units``, default its ``unit``), the value lies in ``range`` and no
   ``exclude`` word or regex occurs in the clause.
3. Overlap policy — when several rules match: the longest trigger span wins, then the higher
   ``priority``, then the nearer trigger, then the rule loaded first (shipped files in name
   order, then user directories in the order given).
4. When nothing matches in the clause — or only a fallback rule (negative ``priority``, e.g.
   activity.participants) — the preceding clauses of the same sentence are read (at most two,
   nearest first; ``within`` does not apply there; fallback rules are not carried): "培训23期，累计5000余人次" names the second figure from the first
   clause's 培训. A rule with ``carry: false`` (a change verb that must stand right before its
   figure) is never carried. A clause opening with 其中 is a breakdown of the figure before it:
   the carried rule names it even over its own clause's rule, unless that rule is of the same work
   area (其中全国最美家庭21户 stays family.model_families.national) or has the higher priority.
   A part with no rule of its own is not named by a word that is one member of a mixed whole
   (工作人员和志愿者3800多名，其中“儿童主任”1935名: the trigger after 和/及/与).
   A hard line break after a prose line that ends on a word (a PDF's text layer) does not end
   the sentence.
5. Labels printed apart from the figure: a figure with no rule of its own takes the rule named by
   its table column's header cell, or — alone on its line, as in a 数说 page — by the first clause
   of the caption line below.  An item's heading sentence opening the line (三、救助困难“两癌”患病
   妇女。计划救助800名…) names the item's figures that have no rule, and replaces a figure's own rule
   by a higher-priority one when the heading repeats the word that rule fired on.  The figure's
   own clause can still veto these (``exclude``).
6. Refinements: a rule with ``refines: {rules: [ID, ...], context: [WORD, ...]}`` is a more
   specific name for those rules' figures (same kind) when a context word stands earlier in the
   figure's sentence. When steps 2-5 or 7-9 named a figure with a refined rule, the first refining rule
   that accepts its unit and value, finds a context word between the sentence start
   (`context_start`: 。！？ or a paragraph break; a ；-part keeps the subject unless it opens a
   numbered item, …；二是…) and the figure, and is not vetoed in the figure's item, names it:
   "两癌免费检查5200人，为23名患病困难妇女发放救助金" is 两癌 relief, the same words alone general
   relief. ``fuhe rules check`` reports unknown ids (unknown-rule) and another kind or the rule
   itself (invalid-value) at the id.
7. Parallel list items: a figure still without a rule, in a later ；-item of its sentence (not a new
   numbered item) that reads [place] + words + figure, takes the rule of the nearest earlier
   item's figure of the same unit read after [place] + the same words (+ at most 8 characters,
   the counted noun): "安定区已建成儿童之家312个，覆盖率100%；陇西县已建成268个，覆盖率95.4%".
8. The second figure of a 由…到 pair ("覆盖率由2018年的61%提高到2022年的87.5%"), still without a
   rule, takes the first figure's (same unit).
9. A report's title (its first line, short, no clause punctuation) is the outermost heading of
   the figures in its numbered sections (after the first 一、… line) whose clause is only a place
   and a short verb: "…信访维权工作情况的通报 … 三、各县（市、区）情况 / 兴宁区受理142件次".
10. Otherwise the fact is ``uncategorized`` and carries a short context phrase from its clause.

Rules come from the shipped directory, then ``FUHE_RULES`` (os.pathsep-separated), then the
directories given to `load_rules`. A user rule with the id of a shipped rule replaces it (and is
reported); the same id twice among user rules is an error. Loading never runs the examples:
`fuhe rules check` validates, `fuhe rules test` runs the examples.

Errors point at the place: ``path:line:col: code: message``.
"""
from __future__ import annotations

import hashlib
import math
import os
import re
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal, Optional, Sequence

import regex
import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator, model_validator

from fuhe_cli.errors import RuleError
from fuhe_cli.models import UNCATEGORIZED, Indicator

RULE_SCHEMA = "fuhe.rule/1"
RULES_LIST_SCHEMA = "fuhe.rules/1"
RULE_TEST_SCHEMA = "fuhe.rules-test/1"

# (Big5-era small forms such as ﹐﹔ are folded to these by normalise.)
CLAUSE_BREAKS = frozenset("，,。；;！!？?：:\n\r")
SENTENCE_BREAKS = frozenset("。；;！!？?\n\r")
MAX_CLAUSE_CHARS = 80        # a run-on clause is read at most this far either side of the number
MAX_CARRIED_CLAUSES = 2
_CLAUSE_BREAK = re.compile("[" + re.escape("".join(sorted(CLAUSE_BREAKS))) + "]")
_LAST_CLAUSE_BREAK = regex.compile("(?r)[" + regex.escape("".join(sorted(CLAUSE_BREAKS))) + "]")
REGEX_TIMEOUT = 0.05         # seconds per user-regex call: a catastrophic pattern cannot hang a run

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


def _compile_user_regex(pattern: str):
    compiled = regex.compile(pattern, regex.V0)
    if compiled.fullmatch(""):
        raise regex.error("the pattern matches the empty string")
    return compiled


# Constructs whose meaning depends on the pattern standing alone: group numbers (backreferences),
# global inline flags, and \G / \K, which tie a match to where its search starts or move the
# start it reports (the joined search tells where the first match of any rule starts, and the
# rules' own scans start there). Patterns with them are not joined into one alternation.
_NOT_JOINABLE = regex.compile(r"\\[1-9]|\\g|\\[GK]|\(\?P=|\(\?[a-zA-Z]+\)|\(\?\||\(\?[(R0-9&+-]")


def _combined_search(patterns: list):
    """One pattern that matches wherever any of `patterns` does (None when they cannot be joined)."""
    if not patterns or any(_NOT_JOINABLE.search(pattern.pattern) for pattern in patterns):
        return None
    try:
        return regex.compile("|".join(f"(?:{pattern.pattern})" for pattern in patterns), regex.V0)
    except regex.error:
        return None


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
                _compile_user_regex(pattern)
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
class ExampleResult:
    rule_id: str
    source: str        # path:line of the example
    text: str
    want: list[dict]
    got: list[dict]
    others: list[dict] = field(default_factory=list)   # the text's other quantities and where they went
    status: str = "pass"                               # pass | fail | todo | fixed (a todo that now passes)
    todo: Optional[str] = None

    @property
    def failed(self) -> bool:
        return self.status == "fail"


def load_rules(extra_dirs: Sequence[str | Path] = (), use_env: bool = True) -> "RuleSet":
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
    return RuleSet(merged, version=digest.hexdigest()[:16], overrides=overrides)


# --- classification ------------------------------------------------------------------------------
@dataclass
class _Compiled:
    rule: Rule
    order: int
    units: frozenset
    trigger_regex: object | None
    exclude_words: tuple[str, ...]
    exclude_regexes: tuple
    low: float
    high: float
    # Copied from rule.triggers / rule.priority: _best reads them for every hit.
    within: int = 0
    side: str = "both"
    carry: bool = True
    priority: int = 0
    context: tuple[str, ...] = ()     # rule.refines.context


@dataclass
class _Candidate:
    """The rule that names a figure, with what ranked it (the overlap policy, see `_best`)."""

    span: int
    priority: int
    distance: int
    order: int
    compiled: _Compiled


_DIGIT = re.compile(r"[0-9]")
_LAST_DIGIT = regex.compile(r"(?r)[0-9]")
# "信访办结率100%，群众满意率为96.5%": a rate that names itself is not the earlier clause's rate
_SENTENCE_END = re.compile("[。；;！!？?]")
_ITEM_MARK = re.compile(r"\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[)）]|[0-9]+[、.．])\s*")
_HEADING_CHARS = 24
_WRAP_MIN_LINE = 16


_LINE_SPACE = frozenset("\n \t\u3000")


def _alone_on_line(text: str, quantity) -> bool:
    start, end = quantity.start, quantity.end
    if start and text[start - 1] not in _LINE_SPACE or end < len(text) and text[end] not in _LINE_SPACE:
        return False    # the cheap test first: most figures stand inside a sentence
    line_start = text.rfind("\n", 0, quantity.start) + 1
    line_end = text.find("\n", quantity.end)
    return not text[line_start:quantity.start].strip() and not text[quantity.end:None if line_end == -1 else line_end].strip()


def heading_span(text: str, quantity) -> tuple[int, int] | None:
    """Where an item's heading sentence is, when the quantity's line opens with one."""
    line_start = text.rfind("\n", 0, quantity.start) + 1
    found = _SENTENCE_END.search(text, line_start, min(quantity.start, line_start + _HEADING_CHARS + 8))
    if found is None:
        return None
    marker = _ITEM_MARK.match(text, line_start, found.start())
    heading_start = marker.end() if marker else line_start
    if found.start() - heading_start > _HEADING_CHARS or _DIGIT.search(text, heading_start, found.start()):
        return None
    return heading_start, found.start()


# The sentence a refining rule's context words are looked for in: it ends at 。！？ and at a
# paragraph break (not at a wrapped PDF line), and a ；-part goes on with its sentence's subject
# ("实施“两癌”免费检查项目，…；为1860名患病困难妇女发放救助金…") unless it opens a new numbered
# item (…；二是…, …；（三）…).
_CONTEXT_END = regex.compile(r"(?r)[。！!？?\n\r]")
_NEW_ITEM = re.compile(r"[；;]\s*(?:[一二三四五六七八九十]+是|其[次二三四五]|[（(][一二三四五六七八九十0-9]+[)）]"
                       r"|[0-9]+(?:、|[.．](?![0-9]))|[一二三四五六七八九十]+、)")
MAX_CONTEXT_CHARS = 2 * MAX_CLAUSE_CHARS


def context_start(text: str, position: int) -> int:
    """Where the sentence holding `position` starts, for a refining rule's context words."""
    limit = max(0, position - MAX_CONTEXT_CHARS)
    start, end = limit, position
    while end > limit:
        found = _CONTEXT_END.search(text, limit, end)
        if found is None:
            break
        if not _wrapped_line(text, found.start()):
            start = found.end()
            break
        end = found.start()
    for item in _NEW_ITEM.finditer(text, start, position):
        start = item.start() + 1
    return start


def _names_again(own, text: str, span) -> bool:
    """The heading also holds the word the figure's own rule fired on (救助 in 救助困难“两癌”患病妇女):
    it is a more specific name for the same thing, not a different measure of the item."""
    heading = text[span[0]:span[1]]
    return any(word in heading for word in own.compiled.rule.triggers.any)


def _wrapped_line(text: str, newline: int) -> bool:
    """True for a hard line break inside a sentence (a PDF's text layer): the line before it ends
    on a word rather than punctuation and is prose — long, or holding clause punctuation — not
    a heading or a 数说 figure."""
    if text[newline] != "\n" or newline == 0 or not ("\u4e00" <= text[newline - 1] <= "\u9fff"):
        return False
    line_start = text.rfind("\n", 0, newline) + 1
    line = text[line_start:newline]
    return len(line.strip()) >= _WRAP_MIN_LINE or any(mark in line for mark in "，。；")


_OWN_RATE_NOUN = re.compile(r"[\u4e00-\u9fff](?:率|比例|占比|比重)")


_BREAKDOWN = "其中"
_AND = frozenset("和及与")   # a carried trigger after these names one member of a mixed whole
_LABEL_COLONS = frozenset("：:")
# _best's veto_start for the current figure's item (see RuleSet._veto_window)
_ITEM, _ITEM_OR_LABEL = -1, -2
# Spans and lines whose answers `classify` keeps while it walks a text's figures in order.
_CACHE_LIMIT = 256


# A parallel list item (RuleSet._parallel): its place, and how much text may stand before its figure.
_PLACE_HEAD_PATTERN = r"[\u4e00-\u9fff]{1,5}[区县市旗镇乡村州盟省]"
_PLACE_HEAD = regex.compile(_PLACE_HEAD_PATTERN)
_CJK_RUN = regex.compile(r"[\u4e00-\u9fff]+")
_PARALLEL_PREFIX = 12


_TITLE = regex.compile(r"\s*([^\n，。；：,;:]{4,40})\n")
_SECTION = regex.compile(r"\n[ \t\u3000]*[一二三四五六七八九十]+、")


def title_span(text: str) -> tuple[int, int, int] | None:
    """(start, end) of a report's title — its first line, short and with no clause punctuation —
    and where its first numbered section (一、…) starts; None when it has no such title or section."""
    found = _TITLE.match(text)
    if found is None:
        return None
    section = _SECTION.search(text, found.end() - 1)
    return (*found.span(1), section.start()) if section else None


_PLACE_VERB_CHARS = 4
# 由[年份的]61%提高到[年份的]: the first figure of a 由…到 pair and its unit, up to the second figure
_FROM_TO = regex.compile(r"由[^，,。；;：:0-9]{0,4}(?:[0-9]{4}年(?:底|末)?的?)?([0-9][0-9.]*)(%|[\u4e00-\u9fff]{1,2}?)"
                         r"(?:提高|提升|增长|上升|增加|扩大|下降|降低|减少|缩小)?(?:到|至)"
                         r"(?:[0-9]{4}年(?:底|末)?的?)?\Z")


def _place_and_verb(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is a place name and at most a short verb (兴宁区受理)."""
    place = _PLACE_HEAD.match(text, start, end)
    return place is not None and end - place.end() <= _PLACE_VERB_CHARS and bool(
        _CJK_RUN.fullmatch(text, start, end))


@dataclass
class _At:
    """An earlier figure read as if it were the current one (its value and unit)."""
    start: int
    end: int
    num_start: int
    num_end: int
    value: float
    unit: str
    label: None = None


def _refines(own: "_Candidate", carried: "_Candidate") -> bool:
    """The part's own rule stays when it is of the same work area (其中全国最美家庭21户 after
    最美家庭5.2万户; 其中市级最美家庭1户 after 县级最美家庭8户) or declared more specific."""
    own_rule, carried_rule = own.compiled.rule, carried.compiled.rule
    return (own_rule.id.split(".")[0] == carried_rule.id.split(".")[0]
            or own_rule.priority > carried_rule.priority)


def _item_bounds(text: str, quantity, start: int, end: int) -> tuple[int, int, tuple[int, int] | None]:
    """Where a figure's exclusions are looked for in its clause text[start:end] when it is one
    item of a list of figures: (item start, item end, the list's tail or None). The item ends at
    the first 、 after the figure that another figure follows, and starts past the first 、 after
    the last figure before it; the words after the list's last figure are a predicate of every
    item (15个中院、112个基层法院均设有维权岗), so they are read too. A 、 between words only
    (法律咨询、心理咨询服务500人次) splits nothing."""
    q_start, q_end = quantity.start, quantity.end
    tail = None
    mark = text.find("、", q_end, end)
    if mark != -1:
        last = _LAST_DIGIT.search(text, mark, end)
        if last is not None:
            tail = (last.end(), end)
            end = mark
    if text.find("、", start, q_start) != -1:
        digit = _LAST_DIGIT.search(text, start, q_start)
        if digit is not None:
            mark = text.find("、", digit.end(), q_start)
            if mark != -1:
                start = mark + 1
    return start, end, tail


def _names_next_item(text: str, hit_end: int, clause_end: int) -> bool:
    """True when another figure follows the trigger with no list mark in between."""
    digit = _DIGIT.search(text, hit_end, clause_end)
    return digit is not None and "、" not in text[hit_end:digit.start()]


class RuleSet:
    """Loaded rules, precompiled for `classify` (called once per quantity)."""

    def __init__(self, rules: list[Rule], version: str = "", overrides: list[Override] | None = None):
        self.rules = rules
        self.version = version
        self.overrides = overrides or []
        self._by_id = {rule.id: rule for rule in rules}
        self._compiled = []
        self._words: dict[str, list[int]] = {}       # trigger word -> orders of its rules
        self._regex_rules: list[_Compiled] = []
        for order, rule in enumerate(rules):
            low = rule.range.min if rule.range and rule.range.min is not None else -math.inf
            high = rule.range.max if rule.range and rule.range.max is not None else math.inf
            compiled = _Compiled(
                rule=rule, order=order, units=frozenset(rule.accepted_units),
                trigger_regex=_compile_user_regex(rule.triggers.regex) if rule.triggers.regex else None,
                exclude_words=tuple(word for ex in rule.exclude for word in ex.words),
                exclude_regexes=tuple(_compile_user_regex(ex.regex) for ex in rule.exclude if ex.regex),
                low=low, high=high, within=rule.triggers.within, side=rule.triggers.side,
                carry=rule.triggers.carry, priority=rule.priority,
                context=tuple(rule.refines.context) if rule.refines else ())
            self._compiled.append(compiled)
            for word in dict.fromkeys(rule.triggers.any):
                self._words.setdefault(word, []).append(order)
            if compiled.trigger_regex is not None:
                self._regex_rules.append(compiled)
        # refined rule's order -> the rules that refine it (see _refined)
        orders = {rule.id: order for order, rule in enumerate(rules)}
        self._refiners: dict[int, tuple[_Compiled, ...]] = {}
        for compiled in self._compiled:
            refines = compiled.rule.refines
            for target in (refines.rules if refines else ()):
                if target in orders and target != compiled.rule.id:
                    self._refiners[orders[target]] = (*self._refiners.get(orders[target], ()), compiled)
        # Only positions whose character starts some trigger word are worth a look-up, and there
        # only the lengths of the words that begin with the same two characters (one-character
        # words are looked up apart, see _word_hits).
        lengths: dict[str, set[int]] = {}
        for word in self._words:
            if len(word) > 1:
                lengths.setdefault(word[:2], set()).add(len(word))
        self._lengths = {head: sorted(found, reverse=True) for head, found in lengths.items()}
        self._one_char = {word for word in self._words if len(word) == 1}
        initials = "".join(sorted({word[0] for word in self._words}))
        seconds = "".join(sorted({word[1] for word in self._words if len(word) > 1}))
        # The pattern returns the (up to) two characters at each such position: findall makes
        # strings, not a match object per hit.
        if not initials:
            self._heads = None
        elif self._one_char or not seconds:
            self._heads = re.compile(f"(?=([{re.escape(initials)}](?s:.)?))")
        else:
            self._heads = re.compile(f"(?=([{re.escape(initials)}][{re.escape(seconds)}]))")
        # The trigger regexes that can name a figure of a given unit, and all of them joined
        # into one search (built at first use).
        self._regex_groups: dict[str, tuple[int, tuple[_Compiled, ...], object | None]] = {}
        self._max_priority = max((rule.priority for rule in rules), default=0)
        self._indicators: dict[str, Indicator] = {}
        self._heading_cache: tuple[str | None, dict] = (None, {})
        self._title_cache: tuple[str | None, object] = (None, None)
        self._hits_cache: tuple[str | None, dict] = (None, {})
        self._hits_from = 0
        self._item_of: tuple = ()
        self._item: tuple | None = None
        self._label_start = 0

    def __len__(self) -> int:
        return len(self.rules)

    def get(self, rule_id: str) -> Rule | None:
        return self._by_id.get(rule_id)

    # -- clauses
    @staticmethod
    def _clause(text: str, start: int, end: int) -> tuple[int, int]:
        limit = max(0, start - MAX_CLAUSE_CHARS)
        found = _LAST_CLAUSE_BREAK.search(text, limit, start) if start > limit else None
        left = found.end() if found else limit
        limit = min(len(text), end + MAX_CLAUSE_CHARS)
        found = _CLAUSE_BREAK.search(text, end, limit) if end < limit else None
        right = found.start() if found else limit
        return left, right

    def _hits(self, text: str, start: int, end: int, regex_group=None) -> tuple:
        """The trigger hits in text[start:end], found once per span of a text: a clause is scanned
        as a figure's own, again as the clause carried to the next figure, and a heading once per
        figure. Word hits and the hits of each group of trigger regexes are kept apart, so a span
        is searched only with the regexes that can name the figures read against it.

        A hit is (position, end, rule order): tuples of ints only, which the garbage collector
        stops tracking, so a text's tens of thousands of kept hits do not make its full
        collections (tens of ms over a large heap) more frequent."""
        cached_text, found = self._hits_cache
        if cached_text is not text:
            found = {}
            self._hits_cache = (text, found)
        key = (start, end)
        hits = found.get(key)
        if hits is None:
            hits = found[key] = self._word_hits(text, start, end)
        if regex_group is not None and regex_group[1]:
            key = (start, end, regex_group[0])
            regex_hits = found.get(key)
            if regex_hits is None:
                regex_hits = found[key] = self._regex_hits(text, start, end, regex_group)
            if regex_hits:
                return hits + regex_hits
        return hits

    def _word_hits(self, text: str, start: int, end: int) -> tuple:
        """(position, end, rule order) for every trigger word in text[start:end]."""
        if self._heads is None:
            return ()
        hits = []
        words = self._words
        lengths_of = self._lengths
        one_char = self._one_char
        # The heads come in text order, so the next occurrence of one that is looked up, from
        # just past the last such head, is where it stands (any occurrence before it would have
        # been a head of its own, looked up too).
        after_last = start
        for head in self._heads.findall(text, start, end):
            lengths = lengths_of.get(head, ())
            if one_char and head[0] in one_char:
                lengths = [*lengths, 1]
            if not lengths:
                continue
            position = text.find(head, after_last)
            after_last = position + 1
            for length in lengths:
                stop = position + length
                if stop > end:
                    continue
                matched = words.get(text[position:stop])
                if matched:
                    for order in matched:
                        hits.append((position, stop, order))
        return tuple(hits)

    def _regex_group(self, unit: str):
        """(number, rules, joined search) of the trigger regexes that accept `unit`: _best skips
        the others anyway, and searching fewer patterns is much cheaper. (One group serves a
        span read as a figure's own clause, as a carried clause and as a label, so it is searched
        once; a group's joined pattern is compiled at first use, most texts need a few.)"""
        group = self._regex_groups.get(unit)
        if group is None:
            rules = tuple(compiled for compiled in self._regex_rules if unit in compiled.units)
            same = next((known for known in self._regex_groups.values()
                         if [c.order for c in known[1]] == [c.order for c in rules]), None)
            group = same or (len(self._regex_groups), rules,
                             _combined_search([compiled.trigger_regex for compiled in rules]) if len(rules) > 1 else None)
            self._regex_groups[unit] = group
        return group

    def _regex_hits(self, text: str, start: int, end: int, regex_group) -> tuple:
        """(position, end, rule order) for every match of a group's trigger regexes in text[start:end]."""
        _, rules, joined = regex_group
        first = self._first_regex_match(joined, text, start, end)
        if first is None:
            return ()
        hits = []
        for compiled in rules:
            try:
                for match in compiled.trigger_regex.finditer(text, first, end, overlapped=True,
                                                             timeout=REGEX_TIMEOUT):
                    hits.append((match.start(), match.end(), compiled.order))
            except TimeoutError:
                _warn_timeout(compiled.rule)
        return tuple(hits)

    @staticmethod
    def _first_regex_match(joined, text: str, start: int, end: int) -> int | None:
        """Where the first match of any of a group's trigger regexes in text[start:end] starts (None:
        nowhere). One search of all of them joined is much cheaper than one overlapped scan per
        rule, and most clauses hold none; no rule matches before that place, so the scans can start
        there (a lookbehind still sees the text before it, as it does from `start`)."""
        if joined is None:
            return start
        try:
            found = joined.search(text, start, end, timeout=REGEX_TIMEOUT)
        except TimeoutError:
            return start
        return None if found is None else found.start()

    @staticmethod
    def _vetoed(compiled: _Compiled, text: str, start: int, end: int, tail: tuple[int, int] | None = None) -> bool:
        if not compiled.exclude_words and not compiled.exclude_regexes:
            return False    # most rules have no exclusions: no window to cut
        window = text[start:end] if tail is None else text[start:end] + "\n" + text[tail[0]:tail[1]]
        if any(word in window for word in compiled.exclude_words):
            return True
        for pattern in compiled.exclude_regexes:
            try:
                if pattern.search(window, timeout=REGEX_TIMEOUT):
                    return True
            except TimeoutError:
                _warn_timeout(compiled.rule)
        return False

    def _veto_window(self, start: int, end: int | None) -> tuple:
        """(start, end, tail) of the text a candidate's exclusions are looked for in: text[start:end],
        or with `end` None up to the end of the current figure's item and its list's tail, from
        `start` or the item's start (_ITEM; _ITEM_OR_LABEL: the label before a colon when the
        item is the whole clause)."""
        if end is not None:
            return start, end, None
        if self._item is None:
            self._item = _item_bounds(*self._item_of)
        item_start, item_end, tail = self._item
        if start == _ITEM:
            start = item_start
        elif start == _ITEM_OR_LABEL:
            start = self._label_start if item_start == self._item_of[2] else item_start
        return start, item_end, tail

    def _best(self, text: str, quantity, start: int, end: int, carried: bool, veto_end: int | None,
              label: bool = False, veto_start: int | None = None):
        """The winning candidate (overlap policy) among the trigger hits in text[start:end], read as
        the figure's own clause, a carried clause (`carried`) or a label/heading (`label`); a
        candidate's exclusions are looked for in text[veto_start (default start):veto_end], or —
        `veto_end` None — from there (or the item's start, `veto_start` _ITEM) to the end of the
        figure's item and in its list's tail (_item_window)."""
        value = quantity.value
        if value is None:
            return None       # no range holds an unknown value: no rule can match
        unit = quantity.unit
        q_start, q_end = quantity.start, quantity.end
        num_start, num_end = getattr(quantity, "num_start", q_start), getattr(quantity, "num_end", q_end)
        best_key = best_compiled = None
        regex_group = self._regex_groups.get(unit) or self._regex_group(unit)
        rules = self._compiled
        for hit_start, hit_end, order in self._hits(text, start, end, regex_group):
            compiled = rules[order]
            if unit not in compiled.units or not (compiled.low <= value <= compiled.high):
                continue
            if hit_start < num_end and hit_end > num_start:
                continue      # a trigger inside the number itself (千场, 万人) is not context
            if hit_end <= q_start:
                side, distance = "before", q_start - hit_end
            elif hit_start >= q_end:
                side, distance = "after", hit_start - q_end
                if "、" in text[q_end:hit_start] and _names_next_item(text, hit_end, end):
                    continue  # "来访412批次、来电1043个": a word past the list mark names the next item
            else:
                side, distance = compiled.side, 0
            if label:
                if not compiled.carry:
                    continue
                distance = hit_start - start
            elif carried:
                if compiled.side == "after" or not compiled.carry:
                    continue
                distance = q_start - hit_end
            elif distance > compiled.within or (compiled.side != "both" and side != compiled.side):
                continue
            # the overlap policy: longest trigger, then higher priority, nearer, earlier loaded
            key = (hit_start - hit_end, -compiled.priority, distance, compiled.order)
            if best_key is not None and key >= best_key:
                continue
            if (compiled.exclude_words or compiled.exclude_regexes) and self._vetoed(
                    compiled, text, *self._veto_window(start if veto_start is None else veto_start, veto_end)):
                continue
            best_key, best_compiled = key, compiled
        if best_compiled is None:
            return None
        return _Candidate(-best_key[0], best_compiled.priority, best_key[2], best_compiled.order, best_compiled)

    def classify(self, text: str, quantity) -> tuple[Indicator, str | None]:
        """The indicator a quantity measures, and the id of the rule that said so."""
        # The trigger hits of a span are kept for one pass over a text (figures in order): a
        # figure before the last one starts a new pass, which finds them afresh. Only the spans
        # near the last figures are asked about again, so a few hundred are kept, not a whole
        # text's (fewer objects for the garbage collector to count and scan).
        if quantity.start < self._hits_from or len(self._hits_cache[1]) > _CACHE_LIMIT:
            self._hits_cache = (None, {})
        self._hits_from = quantity.start
        best, clause_start, end = self._name(text, quantity)
        if best is None or best.priority < 0:
            # "安定区已建成儿童之家312个…；陇西县已建成268个": a later item of a list that changes
            # only its place takes the rule of the earlier item with the same words before its figure.
            parallel = self._parallel(text, quantity, clause_start)
            if parallel is not None:
                best = parallel
        if best is None or best.priority < 0:
            # "覆盖率由2018年的61%提高到2022年的87.5%": the second figure of a 由…到 pair is the
            # same measure as the first.
            start = text.find("由", clause_start, quantity.start)
            if start != -1:
                found = _FROM_TO.search(text, start, getattr(quantity, "num_start", quantity.start))
                if found is not None and found.group(2) == quantity.unit:
                    saved = (self._item_of, self._item, self._label_start)
                    at = _At(start=found.start(1), end=found.end(2), num_start=found.start(1),
                             num_end=found.end(1), value=quantity.value, unit=quantity.unit)
                    try:
                        first = self._name(text, at)[0]
                    finally:
                        self._item_of, self._item, self._label_start = saved
                    if first is not None and first.priority >= 0:
                        best = first
        if best is None or best.priority < 0:
            # "南宁市妇联关于…信访维权工作情况的通报 … 三、各县（市、区）情况 / 兴宁区受理142件次":
            # a report's title is the outermost heading of the figures in its numbered sections
            # whose clause is only a place and a verb (the topic is elided, not another one named).
            title = self._title(text)
            if title is not None and title[2] <= quantity.start and _place_and_verb(
                    text, clause_start, getattr(quantity, "num_start", quantity.start)):
                named = self._best(text, quantity, title[0], title[1], carried=True, veto_end=title[1], label=True)
                if named is not None and named.priority >= 0 and not self._vetoed(
                        named.compiled, text, *self._veto_window(_ITEM, None)):
                    best = named
        if best is not None:
            compiled = best.compiled
            refiners = self._refiners.get(compiled.order)
            if refiners is not None:
                # "两癌免费检查5200人，为23名患病困难妇女发放救助金": the subject named earlier in the
                # sentence makes a general rule's figure the refining rule's.
                compiled = self._refined(text, quantity, refiners) or compiled
            rule = compiled.rule
            indicator = self._indicators.get(rule.id)
            if indicator is None:   # frozen, so one instance per rule serves every fact
                indicator = self._indicators[rule.id] = Indicator(id=rule.id, name=rule.name)
            return indicator, rule.id
        return Indicator(id=UNCATEGORIZED, name=context_phrase(text, quantity, clause_start, end)), None

    def _name(self, text: str, quantity) -> tuple["_Candidate | None", int, int]:
        """Steps 2-5 of classify: the winning candidate (or None), and the figure's clause."""
        start, end = self._clause(text, quantity.start, quantity.end)
        # Exclusions are judged within the figure's own item of a list: "三八红旗手20名、三八红旗
        # 集体8个" — the next figure's words (红旗集体) do not veto this one's rule; the words after
        # the list's last figure (…、98个基层法院均设有维权岗) still speak for every item.
        # (found only when a rule with exclusions is a candidate: most figures never need it)
        self._item_of, self._item = (text, quantity, start, end), None
        own = self._best(text, quantity, start, end, carried=False, veto_end=None, veto_start=_ITEM)
        if (own is None or own.priority < 0) and start and text[start - 1] in _LABEL_COLONS:
            # "活动场次：260场": a label before a colon names the figure after it as if it stood in
            # its clause (fallback rules included, within their reach); the colon still ends the
            # clause for the carried rules read below.
            label_start, _ = self._clause(text, start - 1, start - 1)
            self._label_start = label_start
            labelled = self._best(text, quantity, label_start, end, carried=False, veto_end=None,
                                  veto_start=_ITEM_OR_LABEL)
            if labelled is not None:
                own = labelled
        best, clause_start = own, start
        # "培训妇女9.4万人次，其中农村留守妇女1.6万人次": a 其中 breakdown counts part of the figure
        # before it, so it measures the same thing, whatever its own words (留守妇女) would say.
        breakdown = text.startswith(_BREAKDOWN, start)
        if (own is None or own.priority < 0 or breakdown) and not (
                quantity.unit == "%" and _OWN_RATE_NOUN.search(text, start, quantity.start)):
            # A fallback (negative priority) gives way to a specific rule carried from before.
            for _ in range(0 if _alone_on_line(text, quantity) else MAX_CARRIED_CLAUSES):
                if start == 0 or text[start - 1] in SENTENCE_BREAKS and not _wrapped_line(text, start - 1):
                    break
                previous_end = start - 1
                start, _ = self._clause(text, previous_end, previous_end)
                carried = self._best(text, quantity, start, previous_end, carried=True, veto_end=None)
                if carried is not None and carried.priority >= 0:
                    member = quantity.start - carried.distance - carried.span
                    if breakdown and own is None and member and text[member - 1] in _AND:
                        break   # "工作人员和志愿者3800多名，其中“儿童主任”1935名": a part of a mixed whole
                    if own is None or own.priority < 0 or not _refines(own, carried):
                        best = carried
                    break
        # A name printed apart from the figure still yields to the exclusions of the figure's own
        # clause (发现风险隐患212起 under the heading 风险排查 is no dispute).
        if best is None or best.priority < 0:
            labelled = self._from_label(text, quantity)
            if labelled is not None and labelled.priority >= 0 and not self._vetoed(
                    labelled.compiled, text, *self._veto_window(_ITEM, None)):
                best = labelled
        # An item's heading sentence opening the line ("三、救助困难“两癌”患病妇女。计划救助800名，已
        # 救助812名") names the item's figures that have no rule of their own, and replaces a rule
        # by a higher-priority one when it repeats the word that rule fired on; otherwise it is
        # not read at all.
        if best is None or best.priority < 0 or best.priority < self._max_priority:
            span = self._heading_span(text, quantity)
            if span is not None and (best is None or best.priority < 0 or _names_again(best, text, span)):
                heading = self._best(text, quantity, span[0], span[1], carried=True, veto_end=span[1], label=True)
                if heading is not None and heading.priority >= 0 and (
                        best is None or best.priority < 0 or best.priority < heading.priority) and not self._vetoed(
                            heading.compiled, text, *self._veto_window(_ITEM, None)):
                    best = heading
        return best, clause_start, end

    def _parallel(self, text: str, quantity, clause_start: int) -> "_Candidate | None":
        """The rule of an earlier ；-item of the figure's sentence that is parallel to the figure's:
        the figure's clause reads [place] + words + figure, and an earlier clause of the sentence
        (before the last ；, not across a new numbered item, see context_start) reads [place] +
        the same words + at most a few more (the counted noun) + a figure of the same unit that
        has a rule of its own — nearest first. A place is a short name ending in 区县市旗镇乡村州盟省;
        with no place the words must be the whole of both clauses' text before their figures."""
        num_start = getattr(quantity, "num_start", quantity.start)
        if not 2 <= num_start - clause_start <= _PARALLEL_PREFIX or quantity.unit is None:
            return None
        look = max(0, clause_start - MAX_CONTEXT_CHARS)
        semi = max(text.rfind("；", look, clause_start), text.rfind(";", look, clause_start))
        if semi == -1:
            return None
        prefix = text[clause_start:num_start]
        if not _CJK_RUN.fullmatch(prefix):
            return None
        place = _PLACE_HEAD.match(prefix)
        frame = prefix[place.end():] if place else prefix
        if len(frame) < 2 or text.find(frame, look, semi) == -1:
            return None
        sentence = context_start(text, quantity.start)
        if semi < sentence:
            return None
        unit = regex.escape(quantity.unit)
        pattern = regex.compile(r"(?m)(?<=^|[。！!？?，,；;：:\s])" + (f"(?:{_PLACE_HEAD_PATTERN})?" if place else "")
                                + regex.escape(frame) + r"[\u4e00-\u9fff“”\"]{0,8}?([0-9][0-9.]*)[万亿千]?" + unit)
        matches = list(pattern.finditer(text, sentence, semi))
        if not matches:
            return None
        saved = (self._item_of, self._item, self._label_start)
        try:
            for found in reversed(matches):
                at = _At(start=found.start(1), end=found.end(), num_start=found.start(1), num_end=found.end(1),
                         value=quantity.value, unit=quantity.unit)
                candidate = self._name(text, at)[0]
                if candidate is not None and candidate.priority >= 0:
                    return candidate
        finally:
            self._item_of, self._item, self._label_start = saved
        return None

    def _refined(self, text: str, quantity, refiners: tuple[_Compiled, ...]) -> _Compiled | None:
        """The first rule of `refiners` (rules that refine the figure's rule) that accepts the
        figure's unit and value, finds one of its `context` words earlier in the figure's sentence
        (context_start) and is not vetoed in the figure's own item."""
        value, unit = quantity.value, quantity.unit
        before = None
        for compiled in refiners:
            if unit not in compiled.units or not (compiled.low <= value <= compiled.high):
                continue
            if before is None:
                before = text[context_start(text, quantity.start):quantity.start]
            if any(word in before for word in compiled.context) and not (
                    (compiled.exclude_words or compiled.exclude_regexes)
                    and self._vetoed(compiled, text, *self._veto_window(_ITEM, None))):
                return compiled
        return None

    def _from_label(self, text: str, quantity):
        """The rule named by a label printed apart from the figure: a table column's header cell
        (numbers.find_quantities records where it is), or — for a 数说 figure alone on its line
        ("520场" over "“巾帼心向党”主题宣讲走进村社") — the first clause of the caption line below."""
        span = getattr(quantity, "label", None)
        if span is None:
            if not _alone_on_line(text, quantity):
                return None
            line_end = text.find("\n", quantity.end)
            if line_end == -1:
                return None
            caption_end = text.find("\n", line_end + 1)
            caption_end = len(text) if caption_end == -1 else caption_end
            if _DIGIT.match(text, line_end + 1) or caption_end - line_end > MAX_CLAUSE_CHARS:
                return None     # the next line is another figure or a paragraph, not a caption
            found = _CLAUSE_BREAK.search(text, line_end + 1, caption_end)
            span = (line_end + 1, found.start() if found else caption_end)
        return self._best(text, quantity, span[0], span[1], carried=True, veto_end=span[1], label=True)

    def _title(self, text: str) -> tuple[int, int, int] | None:
        """title_span, found once per text."""
        if self._title_cache[0] is not text:
            self._title_cache = (text, title_span(text))
        return self._title_cache[1]

    def _heading_span(self, text: str, quantity) -> tuple[int, int] | None:
        """heading_span, looked up once per line (a report has many figures per line)."""
        line_start = text.rfind("\n", 0, quantity.start) + 1
        cached_text, spans = self._heading_cache
        if cached_text is not text or len(spans) > _CACHE_LIMIT:
            spans = {}
            self._heading_cache = (text, spans)
        if line_start not in spans:
            spans[line_start] = heading_span(text, quantity)
        return spans[line_start]

    # -- examples
    def run_examples(self, rule_ids: Optional[set[str]] = None) -> list[ExampleResult]:
        """Run every example of every rule (or of `rule_ids`) through the real pipeline stages."""
        return [self.run_example(rule, index)
                for rule in self.rules if rule_ids is None or rule.id in rule_ids
                for index in range(len(rule.examples))]

    def run_example(self, rule: Rule, index: int) -> ExampleResult:
        """Normalise an example's text, find its quantities, classify each: does `rule` name the expected ones?"""
        from fuhe_cli.numbers import find_quantities

        example = rule.examples[index]
        text = _normaliser()(example.text)
        got, others = [], []
        for quantity in find_quantities(text):
            indicator, rule_id = self.classify(text, quantity)
            fact = {"value": quantity.value, "unit": quantity.unit, "qualifier": quantity.qualifier}
            if rule_id == rule.id:
                got.append(fact)
            else:
                others.append({**fact, "indicator": indicator.id})
        want = [{"value": e.value, "unit": e.unit or rule.unit, "qualifier": e.qualifier} for e in example.expect]
        passed = _same_facts(want, got)
        status = ("fixed" if passed else "todo") if example.todo else ("pass" if passed else "fail")
        lines = rule._example_lines
        where = f"{rule.source}:{lines[index] if index < len(lines) else rule.line}"
        return ExampleResult(rule.id, where, example.text, want, got, others, status, example.todo)


def _normaliser():
    try:
        from fuhe_cli.normalise import normalise
    except ImportError:
        return lambda text: text
    return lambda text: normalise(text).text


def _same_facts(want: list[dict], got: list[dict]) -> bool:
    remaining = list(got)
    for expected in want:
        for index, fact in enumerate(remaining):
            if (fact["value"] is not None and math.isclose(float(fact["value"]), expected["value"], rel_tol=1e-9)
                    and fact["unit"] == expected["unit"]
                    and (expected["qualifier"] is None or fact["qualifier"] == expected["qualifier"])):
                del remaining[index]
                break
        else:
            return False
    return not remaining


_warned: set[str] = set()


def _warn_timeout(rule: Rule) -> None:
    if rule.id not in _warned:
        _warned.add(rule.id)
        from fuhe_cli import console

        console.warn(f"rule {rule.id} ({rule.source}:{rule.line}): a regex took longer than "
                     f"{REGEX_TIMEOUT}s and was skipped; simplify nested quantifiers")


# --- the context phrase of an uncategorized fact -------------------------------------------------
_LEADING = ("其中", "目前", "全年", "共计", "累计", "先后", "已经", "共有", "共", "已", "还", "并", "同时", "今年",
            "全市", "全省", "全区", "全县", "各级", "通过", "积极", "组织", "开展", "举办", "建立", "建成", "实现")
_TRAILING = ("达到", "超过", "共计", "累计", "总计", "合计", "约为", "达", "超", "逾", "近", "约", "共", "计", "为",
             "有", "的", "了", "和", "及", "等", "在", "以")
PHRASE_CHARS = 10
_LIST_MARK = regex.compile(r"[、和及与]")
_LIST_MARK_OR_DIGIT = regex.compile(r"[、和及与\d]")
_ANY_DIGIT = regex.compile(r"\d")
_TRIM_CHARS = " \t“”\"'‘’《》()（）、"


def context_phrase(text: str, quantity, clause_start: int, clause_end: int) -> str:
    """A short phrase saying what an unnamed figure counts: the words before it, else after it."""
    from fuhe_cli import words

    before = _trim(text[max(clause_start, quantity.start - 24):quantity.start])
    last_item = _LIST_MARK.split(before)[-1] if before else ""
    if len(last_item) >= 2 and not _ANY_DIGIT.search(last_item):
        return words.tail(_trim(last_item), PHRASE_CHARS)
    # "14个中院、111个基层法院": in a list of figures the counted thing follows the number.
    after = _LIST_MARK_OR_DIGIT.split(text[quantity.end:min(clause_end, quantity.end + 16)])[0]
    after = _trim(after)
    return (words.head(after, PHRASE_CHARS) if after else "") \
        or (words.tail(before, PHRASE_CHARS) if before else "") or (quantity.unit or "")


def _trim(phrase: str) -> str:
    phrase = phrase.strip(_TRIM_CHARS)
    changed = True
    while changed and phrase:
        changed = False
        # One C-level test of all the words first: a loop that matches none changes nothing.
        if phrase.endswith(_TRAILING):
            for word in _TRAILING:
                if phrase.endswith(word) and len(phrase) > len(word):
                    phrase, changed = phrase[: -len(word)], True
        if phrase.startswith(_LEADING):
            for word in _LEADING:
                if phrase.startswith(word) and len(phrase) > len(word) + 1:
                    phrase, changed = phrase[len(word):], True
        phrase = phrase.strip(_TRIM_CHARS)
    return phrase
