"""The figure linter behind `fuhe check`: findings about a report's numbers, for drafts in CI.

Each check has a stable id (`CHECKS`), a default severity and a documented purpose.  A project
file (`.fuhe.yaml`, found by walking up from each report's directory) can disable checks, change
their severity, ignore single findings and list the indicators a kind of report must contain.
Markdown and HTML drafts can silence one line with `<!-- fuhe-ignore: check-id -->` (or
`<!-- fuhe: ignore check-id -->`) on it or the line before.

The checks work on `models.Document`s plus the report's text, so they can be tested without
files; `check_paths` adds reading, extraction, project files and the optional store.
"""
from __future__ import annotations

import os
import re
import statistics
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional, Sequence

from fuhe_cli.check_config import (CHECK_SCHEMA, CHECKS, DEFAULT_MALFORMED_CODES, PROJECT_FILE, CheckInfo,
                                   CheckResult, CheckSummary, Finding, MagnitudeOptions, ProjectConfig,
                                   ProjectLocator, find_project_file, load_project, validate_required)
from fuhe_cli.check_output import _uri, fails, github_annotations, sarif_log
from fuhe_cli.models import UNCATEGORIZED, Document, DocumentError, Fact
from fuhe_cli.store import Store, StoredFact

# The check stage's public names: the registry, payload and project file live in check_config,
# the CI formats in check_output; callers import them all from here.
__all__ = ["CHECK_SCHEMA", "CHECKS", "DEFAULT_MALFORMED_CODES", "PROJECT_FILE", "CheckInfo", "CheckResult",
           "CheckSummary", "Finding", "MagnitudeOptions", "ProjectConfig", "ProjectLocator", "find_project_file",
           "load_project", "validate_required", "fails", "github_annotations", "sarif_log", "RuleFacts",
           "StoreFacts", "TextIndex", "check_document", "check_documents", "check_paths", "read_and_extract",
           "report_year", "part_whole_pairs", "inline_ignores", "sort_findings", "summarise"]

# Words around a % figure that make it a share bounded by 0..100, and words that make it a change
# or a completion ratio, which may legitimately exceed 100 ("同比增长150%", "完成任务的120%").
SHARE_WORDS = ("率", "占比", "比例", "比重", "覆盖", "占")
CHANGE_WORDS = ("增长", "增加", "增幅", "提高", "提升", "上升", "下降", "减少", "降低", "同比", "环比",
                "翻", "完成", "超")
PART_MARKER = "其中"
SENTENCE_ENDS = "。！？；!?;"
PERCENT_UNITS = ("%", "百分点", "‰")
# <!-- fuhe-ignore: id, id --> or <!-- fuhe: ignore id, id --> (no ids: every check), in Markdown and HTML
INLINE_IGNORE = re.compile(r"<!--\s*fuhe\s*(?:-\s*ignore|:\s*ignore)(?:\s*:?\s*([\w\-,\s]*?))?\s*-->")


# --- helpers over text and facts ------------------------------------------------------------------
class TextIndex:
    """Lines of a report's original text, and (line, column) → offset."""

    def __init__(self, text: str):
        self.text = text
        self.lines = text.split("\n")
        self.starts = [0]
        for line in self.lines[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)
        # Paragraph number of each line: blank lines separate Markdown paragraphs, and a numbered
        # heading (the layout's: 一、 （一） 1.) starts a section in a text without blank lines.
        from fuhe_cli.layout import HEADING

        self.paragraphs = []
        paragraph = 0
        for line in self.lines:
            if not line.strip() or HEADING.match("\n" + line):
                paragraph += 1
            self.paragraphs.append(paragraph)

    def offset(self, line: int, column: int) -> int:
        if not 1 <= line <= len(self.starts):
            return len(self.text)
        return self.starts[line - 1] + column - 1

    def line_text(self, line: int) -> str:
        return self.lines[line - 1] if 1 <= line <= len(self.lines) else ""

    def paragraph_of(self, line: int) -> int:
        """Index of the paragraph (block of non-blank lines) holding `line`."""
        return self.paragraphs[min(max(line, 1), len(self.paragraphs)) - 1]


def _figure(fact: Fact) -> str:
    return f"{fact.number}{fact.unit or ''}" if fact.unit and not fact.number.endswith(fact.unit) else fact.number


def _quote(fact: Fact) -> str:
    return f"“{fact.text or _figure(fact)}”"


def _unit_family(unit: str | None) -> str | None:
    """A name shared by units that count the same thing (人/名, 场/场次/次), as `compare` groups them."""
    from fuhe_cli.compare import UNIT_FAMILIES

    if not unit:
        return None
    family = next((family for family in UNIT_FAMILIES if unit in family), None)
    return min(family) if family else unit


def _bounds(fact: Fact | StoredFact) -> tuple[float, float]:
    """The values a figure can stand for, as `compare` reads them: 860余 is [860, 870), 超过1000 is open."""
    from fuhe_cli.compare import interval, written_bounds

    return written_bounds(fact.number, float(fact.value), fact.qualifier) or \
        interval(float(fact.value), fact.qualifier, fact.low, fact.high)


def _format_value(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value)}"
    return f"{value:.6g}"


def _is_rate(fact: Fact) -> bool:
    return fact.unit == "%"


def _context(fact: Fact, index: TextIndex | None) -> str:
    """The clause before the figure, from the fact or the line it sits on."""
    if fact.text:
        return fact.text
    if index is not None:
        line = index.line_text(fact.line)
        return line[max(0, fact.column - 15):fact.column + len(fact.number) + 1]
    return ""


# --- the checks -----------------------------------------------------------------------------------
@dataclass
class RuleFacts:
    """What the checks need to know about the loaded rules."""

    kinds: dict[str, str] = field(default_factory=dict)
    ranges: dict[str, tuple[Optional[float], Optional[float]]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_ruleset(cls, ruleset) -> "RuleFacts":
        facts = cls()
        if ruleset is None:
            return facts
        rules = getattr(ruleset, "rules", None) or []
        if isinstance(rules, dict):
            rules = list(rules.values())
        for rule in rules:
            rule_id = getattr(rule, "id", None)
            if not rule_id:
                continue
            facts.kinds[rule_id] = getattr(rule, "kind", None) or ""
            facts.names[rule_id] = getattr(rule, "name", None) or rule_id
            bounds = getattr(rule, "range", None)
            if bounds is not None:
                low = bounds.get("min") if isinstance(bounds, dict) else getattr(bounds, "min", None)
                high = bounds.get("max") if isinstance(bounds, dict) else getattr(bounds, "max", None)
                facts.ranges[rule_id] = (low, high)
        return facts


def check_out_of_range(doc: Document, index: TextIndex | None, rules: RuleFacts) -> list[Finding]:
    findings = []
    for fact in doc.facts:
        indicator = fact.indicator.id
        low_value, high_value = (float(fact.low) if fact.low is not None else float(fact.value),
                                 float(fact.high) if fact.high is not None else float(fact.value))
        if fact.qualifier != "range":
            low_value = high_value = float(fact.value)
        bounds = rules.ranges.get(indicator) if indicator != UNCATEGORIZED else None
        if bounds is None and _is_rate(fact):
            classified_rate = indicator != UNCATEGORIZED and rules.kinds.get(indicator) == "rate"
            context = _context(fact, index)
            looks_like_share = any(word in context for word in SHARE_WORDS) and \
                not any(word in context for word in CHANGE_WORDS)
            if classified_rate or looks_like_share:
                bounds = (0, 100)
        if bounds is None:
            continue
        low, high = bounds
        if high is not None and high_value > float(high):
            problem = f"above the maximum {_format_value(float(high))}{fact.unit or ''}"
        elif low is not None and low_value < float(low):
            problem = f"below the minimum {_format_value(float(low))}{fact.unit or ''}"
        else:
            continue
        what = f"{rules.names.get(indicator, fact.indicator.name)} ({indicator})" \
            if indicator != UNCATEGORIZED else "this share"
        findings.append(_finding(doc, fact, "out-of-range",
                                 f"{_quote(fact)}: {_figure(fact)} is {problem} for {what}"))
    return findings


@dataclass
class PartWhole:
    whole: Fact
    part: Fact
    marker: int = -1    # offset of the 其中 that introduces the part


def part_whole_pairs(doc: Document, index: TextIndex) -> list[PartWhole]:
    """Figures introduced by 其中 paired with the total before them (same unit, same paragraph)."""
    pairs: list[PartWhole] = []
    facts = sorted(doc.facts, key=lambda fact: (fact.line, fact.column))
    positions = [index.offset(fact.line, fact.column) for fact in facts]
    paragraphs = [index.paragraph_of(fact.line) for fact in facts]
    text = index.text
    for position_index, part in enumerate(facts):
        family = _unit_family(part.unit)
        if family is None or part.unit in PERCENT_UNITS:
            continue
        start = positions[position_index]
        # The 其中 that governs this figure: the last one before it in its sentence chain,
        # with no sentence end between it and the figure.
        marker = text.rfind(PART_MARKER, 0, start)
        if marker < 0 or any(char in SENTENCE_ENDS for char in text[marker:start]) or "\n\n" in text[marker:start]:
            continue
        # The whole: the nearest figure of the same unit before 其中, in the same paragraph.
        whole = None
        for candidate_index in range(position_index - 1, -1, -1):
            if positions[candidate_index] >= marker:
                continue
            if paragraphs[candidate_index] != paragraphs[position_index]:
                break
            if _unit_family(facts[candidate_index].unit) == family:
                whole = facts[candidate_index]
                break
        if whole is not None:
            pairs.append(PartWhole(whole=whole, part=part, marker=marker))
    return pairs


def check_part_exceeds_whole(doc: Document, index: TextIndex | None) -> list[Finding]:
    if index is None:
        return []
    findings = []
    together: dict[tuple[int, int], list[PartWhole]] = {}   # the parts one 其中 lists for one whole
    for pair in part_whole_pairs(doc, index):
        part_low, _ = _bounds(pair.part)
        _, whole_high = _bounds(pair.whole)
        if part_low > whole_high:
            findings.append(_finding(
                doc, pair.part, "part-exceeds-whole",
                f"the part {_quote(pair.part)} ({_figure(pair.part)}) is larger than the total "
                f"{_quote(pair.whole)} ({_figure(pair.whole)}, line {pair.whole.line}) it belongs to"))
        else:
            together.setdefault((id(pair.whole), pair.marker), []).append(pair)
    for pairs in together.values():
        # 共培训1200人次，其中农村妇女700人次、城镇妇女650人次: parts of one unit that together exceed
        # the whole (shares are left out by part_whole_pairs; their groups overlap by nature)
        if len(pairs) < 2 or len({pair.part.unit for pair in pairs}) > 1:
            continue
        whole = pairs[0].whole
        total = sum(_bounds(pair.part)[0] for pair in pairs)
        if total > _bounds(whole)[1]:
            last = pairs[-1].part
            listed = "、".join(_quote(pair.part) for pair in pairs)
            findings.append(_finding(
                doc, last, "part-exceeds-whole",
                f"the parts {listed} add up to {_format_value(total)}{last.unit or ''}, more than the total "
                f"{_quote(whole)} ({_figure(whole)}, line {whole.line}) they belong to"))
    findings.sort(key=lambda finding: (finding.line, finding.column))
    return findings


def _conflict(first: Fact, second: Fact | StoredFact) -> bool:
    first_low, first_high = _bounds(first)
    second_low, second_high = _bounds(second)
    return first_high < second_low or second_high < first_low


def report_year(doc: Document) -> Optional[int]:
    """The year a figure without its own year belongs to: the document's, else the year most of its
    dated figures state (a summary that opens with "2023年，" dates the figures that follow)."""
    if doc.year is not None:
        return doc.year
    years = [fact.year for fact in doc.facts if fact.year is not None]
    if not years:
        return None
    return max(sorted(set(years), reverse=True), key=years.count)  # a tie goes to the latest year


def _key(fact: Fact, doc: Document, year: Optional[int] = None):
    """What two figures must share to contradict each other: indicator, region and period (a stock
    at the same date, a flow over the same span; a year-end stock and a half-year flow never clash)."""
    from fuhe_cli.time_expressions import effective_period, full_year

    region = fact.region or doc.region
    period = effective_period(fact, doc)
    if period is None and year is not None:
        period = full_year(year)
    return fact.indicator.id, region.code if region else None, period


def check_conflicting_values(doc: Document, index: TextIndex | None) -> list[Finding]:
    parts = {id(pair.part) for pair in part_whole_pairs(doc, index)} if index is not None else set()
    first_seen: dict[tuple, list[Fact]] = {}
    findings = []
    year = report_year(doc)

    def paragraph_of(fact: Fact) -> int:
        return index.paragraph_of(fact.line) if index is not None else fact.line

    for fact in sorted(doc.facts, key=lambda fact: (fact.line, fact.column)):
        if fact.indicator.id == UNCATEGORIZED or id(fact) in parts or fact.target:
            continue                # a plan's figure is no restatement of what was done
        key = _key(fact, doc, year)
        earlier = first_seen.setdefault(key, [])
        # Figures of one indicator in one paragraph are usually a breakdown (3期11场, 16个县189个乡镇),
        # not a restatement: a figure conflicts when it agrees with none of those in other paragraphs.
        paragraph = paragraph_of(fact)
        elsewhere = [other for other in earlier if paragraph_of(other) != paragraph]
        clash = elsewhere[0] if elsewhere and all(_conflict(other, fact) for other in elsewhere) else None
        if clash is not None:
            region = fact.region or doc.region
            scope = ", ".join(part for part in (region.name if region else None,
                                                key[2].label() if key[2] is not None else None) if part)
            findings.append(_finding(
                doc, fact, "conflicting-values",
                f"{fact.indicator.name} ({fact.indicator.id}) is {_figure(fact)} here {_quote(fact)} but "
                f"{_figure(clash)} at line {clash.line} {_quote(clash)}" + (f" for {scope}" if scope else "")))
        earlier.append(fact)
    return findings


def check_malformed_number(doc: Document, codes: Sequence[str]) -> list[Finding]:
    findings = []
    for warning in doc.warnings:
        if warning.code not in codes:
            continue
        findings.append(Finding(path=doc.path, line=warning.line, column=warning.column,
                                check="malformed-number", severity="warning",
                                message=f"{warning.message} ({warning.code}); write the number in "
                                        "half-width digits with a '.' decimal point"))
    return findings


def check_required_indicator(doc: Document, config: ProjectConfig) -> list[Finding]:
    required = config.required_for(doc.path)
    if not required:
        return []
    present = {fact.indicator.id for fact in doc.facts} | {fact.indicator.name for fact in doc.facts
                                                           if fact.indicator.id != UNCATEGORIZED}
    findings = []
    for kind, indicator in sorted(set(required), key=lambda pair: (pair[1], pair[0])):
        if indicator in present:
            continue
        findings.append(Finding(path=doc.path, line=1, column=1, check="required-indicator", severity="error",
                                indicator=indicator,
                                message=f"a {kind} report must state {indicator}, and no figure for it was "
                                        f"found (required by {_uri(config.source) if config.source else 'the project file'})"))
    return findings


# --- the store side -------------------------------------------------------------------------------
class StoreFacts:
    """Every stored fact of one indicator, across all regions, read once per indicator."""

    def __init__(self, store: Store):
        self.store = store
        self._cache: dict[str, list[StoredFact]] = {}

    def for_indicator(self, indicator: str) -> list[StoredFact]:
        if indicator not in self._cache:
            self._cache[indicator] = self.store.indicator_facts(indicator)
        return self._cache[indicator]


def _same_document(stored: StoredFact, doc: Document) -> bool:
    if stored.sha256 and doc.sha256 and stored.sha256 == doc.sha256:
        return True
    if stored.path and doc.path and os.path.abspath(stored.path) == os.path.abspath(doc.path):
        return True
    return False


def check_conflicting_across(doc: Document, store_facts: StoreFacts) -> list[Finding]:
    findings = []
    reported: set[tuple] = set()
    default_year = report_year(doc)
    for fact in sorted(doc.facts, key=lambda fact: (fact.line, fact.column)):
        indicator, region_code, period = _key(fact, doc, default_year)
        if indicator == UNCATEGORIZED or region_code is None or period is None or fact.target \
                or (indicator, region_code, period) in reported:
            continue
        for stored in store_facts.for_indicator(indicator):
            stored_code = stored.region.code if stored.region else None
            if stored_code != region_code or stored.period != period or stored.target \
                    or _same_document(stored, doc):
                continue
            if _conflict(fact, stored):
                reported.add((indicator, region_code, period))
                region = fact.region or doc.region
                where = f"{stored.path}:{stored.line}" if stored.line else stored.path
                findings.append(_finding(
                    doc, fact, "conflicting-values",
                    f"{fact.indicator.name} ({indicator}) is {_figure(fact)} here {_quote(fact)} but "
                    f"{stored.number or _format_value(stored.value)}{stored.unit or ''} in {where} for "
                    f"{region.name if region else region_code}, {period.label()}"))
                break
    return findings


def check_magnitude_outlier(doc: Document, store_facts: StoreFacts, options: MagnitudeOptions) -> list[Finding]:
    findings = []
    for fact in doc.facts:
        if fact.indicator.id == UNCATEGORIZED or fact.unit in PERCENT_UNITS or float(fact.value) <= 0:
            continue
        region = fact.region or doc.region
        if region is None:
            continue
        year = fact.year if fact.year is not None else report_year(doc)
        comparable = [stored for stored in store_facts.for_indicator(fact.indicator.id)
                      if stored.region is not None and stored.region.code != region.code
                      and stored.region.level == region.level
                      and _unit_family(stored.unit) == _unit_family(fact.unit)
                      and stored.value > 0 and not _same_document(stored, doc)]
        same_year = [stored for stored in comparable if year is not None and stored.year == year]
        pool, scope = (same_year, f"in {year}") if len(same_year) >= options.min_values else (comparable, "in any year")
        if len(pool) < options.min_values:
            continue
        median = statistics.median(stored.value for stored in pool)
        ratio = float(fact.value) / median
        if ratio > options.factor or ratio < 1 / options.factor:
            regions = len({stored.region.code for stored in pool})
            direction = f"{ratio:,.0f}x" if ratio > 1 else f"1/{1 / ratio:,.0f}"
            findings.append(_finding(
                doc, fact, "magnitude-outlier",
                f"{_quote(fact)}: {fact.indicator.name} ({fact.indicator.id}) {_format_value(float(fact.value))}"
                f"{fact.unit or ''} is {direction} the median {_format_value(median)}{fact.unit or ''} of "
                f"{len(pool)} figure(s) from {regions} other {region.level}-level region(s) {scope}; "
                "check for a 万/元 or 亿/万 slip"))
    return findings


def _finding(doc: Document, fact: Fact, check: str, message: str) -> Finding:
    return Finding(path=doc.path, line=fact.line, column=fact.column, check=check,
                   severity=CHECKS[check].severity, message=message, figure=_figure(fact),
                   indicator=fact.indicator.id if fact.indicator.id != UNCATEGORIZED else None)


# --- suppression and the driver -------------------------------------------------------------------
def inline_ignores(text: str) -> dict[int, set[str] | None]:
    """Line → check ids silenced by `<!-- fuhe-ignore: id, id -->` (None: every check)."""
    silenced: dict[int, set[str] | None] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        for match in INLINE_IGNORE.finditer(line):
            ids = {item.strip() for item in (match.group(1) or "").split(",") if item.strip()}
            for target in (number, number + 1):
                current = silenced.get(target, set())
                if not ids or current is None:
                    silenced[target] = None
                else:
                    silenced[target] = current | ids
    return silenced


def _inline_silenced(finding: Finding, silenced: dict[int, set[str] | None]) -> bool:
    if finding.line not in silenced:
        return False
    ids = silenced[finding.line]
    return ids is None or finding.check in ids


def check_document(doc: Document, text: str | None, config: ProjectConfig | None = None, *,
                   rules: RuleFacts | None = None, store_facts: StoreFacts | None = None) -> tuple[list[Finding], int]:
    """All enabled checks over one document: (findings, number suppressed)."""
    config = config or ProjectConfig()
    rules = rules or RuleFacts()
    index = TextIndex(text) if text is not None else None
    runs: list[tuple[str, Callable[[], list[Finding]]]] = [
        ("out-of-range", lambda: check_out_of_range(doc, index, rules)),
        ("part-exceeds-whole", lambda: check_part_exceeds_whole(doc, index)),
        ("conflicting-values", lambda: check_conflicting_values(doc, index)
         + (check_conflicting_across(doc, store_facts) if store_facts else [])),
        ("magnitude-outlier", lambda: check_magnitude_outlier(doc, store_facts, config.options.magnitude_outlier)
         if store_facts else []),
        ("malformed-number", lambda: check_malformed_number(doc, config.options.malformed_number.codes)),
        ("required-indicator", lambda: check_required_indicator(doc, config)),
    ]
    silenced = inline_ignores(text) if text is not None else {}
    findings, suppressed = [], 0
    for check, run in runs:
        if not config.enabled(check):
            continue
        for finding in run():
            if _inline_silenced(finding, silenced) or config.ignores(finding):
                suppressed += 1
                continue
            finding.severity = config.severity_of(check)
            findings.append(finding)
    return findings, suppressed


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda item: (item.path, item.line, item.column, item.check, item.message))


def summarise(findings: Sequence[Finding], *, files: int, suppressed: int, unreadable: int) -> CheckSummary:
    by_check: dict[str, int] = {}
    for finding in findings:
        by_check[finding.check] = by_check.get(finding.check, 0) + 1
    return CheckSummary(files=files, errors=sum(1 for item in findings if item.severity == "error"),
                        warnings=sum(1 for item in findings if item.severity == "warning"),
                        suppressed=suppressed, unreadable=unreadable, by_check=dict(sorted(by_check.items())))


def check_documents(items: Sequence[tuple[Document, str | None]], *,
                    config_for: Callable[[str], ProjectConfig] | None = None, ruleset=None, store=None,
                    errors: Sequence[DocumentError] = ()) -> CheckResult:
    """Lint already-extracted documents (with their original text, when known)."""
    from fuhe_cli import __version__

    rules = RuleFacts.from_ruleset(ruleset)
    store_facts = StoreFacts(store) if store is not None else None
    findings: list[Finding] = []
    suppressed = 0
    for doc, text in items:
        config = config_for(doc.path) if config_for else ProjectConfig()
        found, silenced = check_document(doc, text, config, rules=rules, store_facts=store_facts)
        findings.extend(found)
        suppressed += silenced
    findings = sort_findings(findings)
    return CheckResult(fuhe_version=__version__, findings=findings, errors=list(errors),
                       summary=summarise(findings, files=len(items) + len(errors), suppressed=suppressed,
                                         unreadable=len(errors)))


def read_and_extract(path: str, ruleset, encoding: str | None = None, *,
                     stdin_name: str | None = None) -> tuple[Document, str] | DocumentError:
    """One report's Document and its original text, which the checks read too (其中, fuhe-ignore).

    The whole text is extracted at once, not block by block: the checks look across paragraphs.
    """
    from fuhe_cli.extract import extract_text, read_report, warn_repairs

    source = read_report(path, encoding=encoding, stdin_name=stdin_name)
    if isinstance(source, DocumentError):
        return source
    warn_repairs(source)
    doc = extract_text(source.text, source.path, rules=ruleset, encoding=source.encoding,
                       line_labels=source.line_labels)
    return doc, source.text


def check_paths(paths: Sequence[str], *, config_path: str | None = None, db: str | None = None,
                rule_dirs: Sequence[str] = (), encoding: str | None = None, stdin_name: str | None = None,
                on_error: Callable[[DocumentError], None] | None = None) -> CheckResult:
    """Read, extract and lint report files and directories ('-' is called `stdin_name` if given)."""
    from fuhe_cli.reading import iter_input_paths
    from fuhe_cli.indicators import load_rules

    ruleset = load_rules(rule_dirs)
    rule_facts = RuleFacts.from_ruleset(ruleset)
    locator = ProjectLocator(config_path, known_indicators=[*rule_facts.kinds, *rule_facts.names.values()])
    items: list[tuple[Document, str | None]] = []
    errors: list[DocumentError] = []
    for path in iter_input_paths(list(paths)):
        # An invalid project file stops the run before any output.
        # stdin named by --stdin-name takes the project file of that name's folder (as eslint does)
        locator.for_report(stdin_name if path == "-" and stdin_name else path)
        extracted = read_and_extract(path, ruleset, encoding, stdin_name=stdin_name)
        if isinstance(extracted, DocumentError):
            errors.append(extracted)
            if on_error:
                on_error(extracted)
            continue
        items.append(extracted)
    store = Store.open(db, readonly=True) if db is not None else None
    try:
        return check_documents(items, config_for=locator.for_report, ruleset=ruleset, store=store, errors=errors)
    finally:
        if store is not None:
            store.close()
