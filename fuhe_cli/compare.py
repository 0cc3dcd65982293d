"""Regions side by side: one row per indicator, one column per region.

Facts come from the store (`Store.facts`) or straight from documents (`facts_from_documents`);
both give `StoredFact`s, so `compare` is one pure function over them.

Which value a cell shows, when a region has several for one indicator:
the latest year wins (a fact with no year ranks below any year); within that year the largest
value wins (by its lower bound, so 35万 beats ≥30万), because a report that gives a total and
then a part ("其中…") states the total first and larger; at equal value an exact figure beats a
qualified one. Identical figures (same value, qualifier and bounds) from several places are one
cell with several sources. `all_values=True` keeps the others in `Cell.others`.

Ordering is qualifier-aware: every cell stands for an interval (exact v: [v, v]; ≥v: [v, ∞);
≤v: (0, v]; ≈v: v ± 10 %; range: [low, high]). One region is "greater" only when the
intervals do not overlap; otherwise the order is "uncertain" (≥30万 vs 35万), never a verdict.
余/多 written after a figure are narrower than "超过/以上": they mean "and some, less than one more
unit of the last digit written", so 30余万 is [30万, 40万), 4.8万余 is [4.8万, 4.9万) and 860余 is
[860, 870); likewise 近2000 is [1000, 2000]. So 8.6万 vs 6万余 is "greater" while 30余万 vs 35万
stays "uncertain".
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Literal, Optional, Sequence

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_serializer

from fuhe_cli.models import (COMPARE_SCHEMA, UNCATEGORIZED, Document, DocumentError, Indicator, Number, Period,
                             Qualifier, Region)
from fuhe_cli.render import QUALIFIER_MARKS
from fuhe_cli.store import StoredFact
from fuhe_cli.time_expressions import Period as TimePeriod
from fuhe_cli.time_expressions import as_model, effective_period, from_model, full_year, span_order, span_title

APPROX_TOLERANCE = 0.10
# Units that count the same thing, so cells in them can be ordered against each other.
UNIT_FAMILIES = [frozenset({"场", "场次", "次"}), frozenset({"人", "名"})]
# At equal value, the firmer figure is preferred.
QUALIFIER_RANK = {"exact": 4, "at_least": 3, "approx": 2, "range": 1, "at_most": 0}


# --- the payload ------------------------------------------------------------------------------
class CompareRegion(BaseModel):
    code: str
    name: str


class Source(BaseModel):
    path: str
    line: int


class Cell(BaseModel):
    """The value one region reports for one indicator (low/high only for ranges)."""

    value: Number = Field(description="In the canonical unit: 元 for money, % for rates")
    qualifier: Qualifier
    low: Optional[Number] = None
    high: Optional[Number] = None
    unit: Optional[str] = Field(None, description="Present only when it differs from the row's unit")
    year: Optional[int]
    period: Optional[Period] = Field(None, description="The span the figure covers, or the date a stock is counted at")
    target: bool = Field(False, description="A planned figure (shown only with --targets)")
    sources: list[Source]
    others: Optional[list["Cell"]] = Field(None, description="With --all: the region's other values, latest first")
    # The interval the written number allows (from 余/多/近 and its last digit); not serialised.
    _bounds: Optional[tuple[float, float]] = PrivateAttr(None)

    @model_serializer(mode="wrap")
    def _omit_absent(self, handler) -> dict[str, Any]:
        data = handler(self)
        for key in ("low", "high", "unit", "others"):
            if data.get(key) is None:
                data.pop(key, None)
        return data


class Comparison(BaseModel):
    """First region against the second (only when exactly two regions are compared)."""

    order: Literal["greater", "less", "equal", "uncertain"]
    difference: Optional[Number] = Field(None, description="first − second, point values")
    ratio: Optional[float] = Field(None, description="first / second, point values; null for rates")


class Row(BaseModel):
    indicator: Indicator
    span: str = Field("year", description="What the row's cells cover, the same for every cell: year | "
                      "months MM-MM (that part of a year) | years N (a run of N calendar years) | "
                      "stock (a count at a date) | undated")
    unit: Optional[str]
    cells: list[Optional[Cell]]
    comparison: Optional[Comparison] = None

    @model_serializer(mode="wrap")
    def _omit_absent(self, handler) -> dict[str, Any]:
        data = handler(self)
        if data.get("comparison") is None:
            data.pop("comparison", None)
        return data


class CompareResult(BaseModel):
    """The `fuhe compare --format json` payload."""

    model_config = ConfigDict(populate_by_name=True)

    schema_: str = Field(COMPARE_SCHEMA, alias="schema")
    regions: list[CompareRegion]
    rows: list[Row]

    def missing_regions(self) -> list[CompareRegion]:
        """Regions whose column is empty in every row."""
        return [region for index, region in enumerate(self.regions)
                if not any(row.cells[index] is not None for row in self.rows)]

    def has_empty_cells(self) -> bool:
        return not self.rows or any(cell is None for row in self.rows for cell in row.cells)


# --- facts from documents (--from) ------------------------------------------------------------
def facts_from_documents(documents: Iterable[Document]) -> list[StoredFact]:
    """Documents' facts as the store would return them: region and year inherited from the document."""
    facts = []
    for document in documents:
        for fact in document.facts:
            facts.append(StoredFact(
                path=document.path, sha256=document.sha256 or "", line=fact.line, column=fact.column,
                text=fact.text, number=fact.number, value=fact.value, unit=fact.unit, qualifier=fact.qualifier,
                low=fact.low, high=fact.high, indicator=fact.indicator, region=fact.region or document.region,
                year=fact.year if fact.year is not None else document.year, rule=fact.rule,
                document_date=document.date, period=effective_period(fact, document), target=fact.target,
            ))
    return facts


# --- regions and facts for `fuhe compare` ---------------------------------------------------
def resolve_columns(queries: Sequence[str], include_children: bool = False) -> tuple[list[Region], list[Region]]:
    """(columns, regions asked for): with children, each region is followed by its sub-regions.

    Raises UsageError for an unknown or ambiguous query, or one region named twice.
    """
    from fuhe_cli.errors import UsageError
    from fuhe_cli.regions import gazetteer

    places = gazetteer()
    regions: list[Region] = []
    for query in queries:
        region = places.resolve(query)
        if any(r.code == region.code for r in regions):
            raise UsageError(f"{query!r} names {region.name} ({region.code}) a second time")
        regions.append(region)
    if not include_children:
        return regions, regions
    given = {region.code for region in regions}
    columns = []
    for region in regions:
        columns.append(region)
        children = sorted(places.children(region), key=lambda r: r.code)
        columns.extend(child for child in children if child.code not in given)
    return columns, regions


@dataclass
class Comparing:
    """A comparison and what the command says about it: where the facts came from, what failed."""

    result: CompareResult
    source: str                   # "the store PATH" or "the given files"
    hint: str                     # how to add figures for a region with none
    errors: list[DocumentError] = field(default_factory=list)


def compare_regions(queries: Sequence[str], *, indicators: Sequence[str] = (), year: int | None = None,
                    all_values: bool = False, include_children: bool = False, targets: bool = False,
                    period: Optional[str] = None,
                    from_paths: Sequence[str] = (), db: str | None = None) -> Comparing:
    """`fuhe compare`: resolve the regions, read their facts from the store (or from files), line them up."""
    from fuhe_cli.errors import UsageError

    if len(queries) < 2:
        raise UsageError("compare needs at least two regions, e.g. `fuhe compare sichuan chongqing`")
    columns, given = resolve_columns(queries, include_children)
    codes = [region.code for region in columns]
    errors: list[DocumentError] = []
    if from_paths:
        from fuhe_cli.parquet import is_parquet, read_facts

        wanted_codes = set(codes)
        tables = [path for path in from_paths if is_parquet(path)]
        reports = [path for path in from_paths if path not in tables]
        facts = []
        if reports:
            from fuhe_cli.extract import extract

            extracted = extract(reports)
            errors = extracted.errors
            facts = facts_from_documents(extracted.documents)
        for table in tables:   # `fuhe extract --output` / `fuhe export` facts: read, not re-extracted
            facts.extend(read_facts(table, wanted_codes))
        facts = [fact for fact in facts if fact.region is not None and fact.region.code in wanted_codes]
        source, hint = "the given files", "pass reports about it with --from"
    else:
        from fuhe_cli.store import Store

        with Store.open(db, readonly=True) as store:
            narrow = not all_values and period is None   # the latest period would hide the one asked for
            facts = store.facts(codes, indicators or None, year, latest_only=narrow,
                                best_only=narrow, categorized_only=True, targets=targets)
            source = f"the store {store.path}"
        hint = "add its reports with `fuhe extract FILE`"
    if include_children:
        # Only sub-regions with figures become columns: a province has dozens of counties.
        reported = {fact.region.code for fact in facts if fact.region is not None}
        asked = {region.code for region in given}
        columns = [region for region in columns if region.code in asked or region.code in reported]
    result = compare(columns, facts, indicators=indicators, year=year, all_values=all_values, targets=targets,
                     period=parse_period_selector(period) if period else None)
    return Comparing(result=result, source=source, hint=hint, errors=errors)


# --- --period ---------------------------------------------------------------------------------
_SELECTOR = re.compile(r"^(?P<y1>\d{4})(?:(?P<half>H[12])|(?P<quarter>Q[1-4])|-(?P<m1>\d{2})(?:\.\.(?P<y2>\d{4})-(?P<m2>\d{2}))?"
                       r"|[-–](?P<last>\d{4}))?$", re.IGNORECASE)


def parse_period_selector(text: str) -> TimePeriod:
    """2024 | 2024H1 | 2024Q3 | 2019-2023 | 2024-01..2024-06 | 2024-06 (a stock counted then)."""
    from fuhe_cli.errors import UsageError

    match = _SELECTOR.match(text.strip())
    if match is None:
        raise UsageError(f"--period {text!r}: expected 2024, 2024H1, 2024Q3, 2019-2023, 2024-01..2024-06 or 2024-06")
    year = int(match.group("y1"))
    if match.group("half"):
        first = 1 if match.group("half").upper() == "H1" else 7
        return TimePeriod((year, first), (year, first + 5))
    if match.group("quarter"):
        first = (int(match.group("quarter")[1]) - 1) * 3 + 1
        return TimePeriod((year, first), (year, first + 2))
    if match.group("last"):
        return TimePeriod((year, 1), (int(match.group("last")), 12))
    if match.group("m2"):
        return TimePeriod((year, int(match.group("m1"))), (int(match.group("y2")), int(match.group("m2"))))
    if match.group("m1"):
        return TimePeriod(None, (year, int(match.group("m1"))))
    return full_year(year)


def _covers(selected: TimePeriod, period: Optional[TimePeriod]) -> bool:
    """A flow over exactly the selected span, or a stock counted at its end."""
    return period is not None and (period == selected or period.start is None and period.end == selected.end)


# --- choosing and ordering --------------------------------------------------------------------
def interval(value: float, qualifier: str, low=None, high=None) -> tuple[float, float]:
    """The values a figure can stand for."""
    if qualifier == "range" and low is not None and high is not None:
        return float(low), float(high)
    if qualifier == "at_least":
        return float(value), math.inf
    if qualifier == "at_most":
        return 0.0, float(value)
    if qualifier == "approx":
        return value * (1 - APPROX_TOLERANCE), value * (1 + APPROX_TOLERANCE)
    return float(value), float(value)


SCALES = {"十": 10, "百": 100, "千": 1000, "万": 1e4, "亿": 1e8}
_WRITTEN = re.compile(r"^\D*?(?P<mantissa>\d+(?:\.\d+)?)(?P<inner>[余多])?(?P<scale>[十百千万亿]*)(?P<outer>[余多])?$")


def written_bounds(number: str, value: float, qualifier: str) -> Optional[tuple[float, float]]:
    """The interval an arabic-digit figure with 余/多 or 近 allows; None when it says no more."""
    match = _WRITTEN.match(number.replace(",", "").strip())
    if not match or qualifier not in ("at_least", "at_most"):
        return None
    if qualifier == "at_least" and not (match.group("inner") or match.group("outer")):
        return None                       # 超过/以上/逾: open-ended
    mantissa = match.group("mantissa")
    scale = 1.0
    for character in match.group("scale"):
        scale *= SCALES[character]
    if abs(float(mantissa) * scale - value) > 1e-6 * max(1.0, abs(value)):
        return None                       # not the number we think it is (e.g. money folded)
    if "." in mantissa:
        step = 10 ** -len(mantissa.split(".")[1])
    else:
        step = 10 ** (len(mantissa) - len(mantissa.rstrip("0"))) if mantissa.strip("0") else 1
    step *= scale
    if qualifier == "at_least":
        return value, value + step * (1 - 1e-9)     # [30万, 40万): 40万 itself is more
    return max(0.0, value - step), value


def cell_interval(cell: Cell) -> tuple[float, float]:
    if cell._bounds is not None:
        return cell._bounds
    return interval(cell.value, cell.qualifier, cell.low, cell.high)


def order(first: Cell, second: Cell) -> str:
    """greater | less | equal | uncertain: `first` against `second`, qualifiers respected."""
    first_low, first_high = cell_interval(first)
    second_low, second_high = cell_interval(second)
    if first_low > second_high:
        return "greater"
    if first_high < second_low:
        return "less"
    if first_low == first_high == second_low == second_high:
        return "equal"
    return "uncertain"


def _same_family(first: Optional[str], second: Optional[str]) -> bool:
    return first == second or any(first in family and second in family for family in UNIT_FAMILIES)


def _choice_key(fact: StoredFact) -> tuple:
    lower = fact.low if fact.qualifier == "range" and fact.low is not None else fact.value
    latest = fact.period.end if fact.period is not None else (0, 0)
    return (int(fact.period is not None), latest, lower, QUALIFIER_RANK.get(fact.qualifier, 0))


def _figure(fact: StoredFact) -> tuple:
    return (fact.value, fact.qualifier, fact.low, fact.high, fact.unit, fact.year, fact.period, fact.target)


def _cells_for(facts: list[StoredFact], all_values: bool) -> Optional[Cell]:
    if not facts:
        return None
    groups: dict[tuple, list[StoredFact]] = defaultdict(list)
    for fact in facts:
        groups[_figure(fact)].append(fact)

    def group_key(group: list[StoredFact]) -> tuple:
        has_period, (year_, month), lower, rank = _choice_key(group[0])
        first = min((f.path, f.line) for f in group)
        # Best first; among equals, the earliest source (path, line) wins, so output is stable.
        return (-has_period, -year_, -month, -lower, -rank, first)

    ranked = sorted(groups.values(), key=group_key)

    def cell(group: list[StoredFact]) -> Cell:
        fact = group[0]
        sources = sorted({(f.path, f.line) for f in group})
        made = Cell(value=fact.value, qualifier=fact.qualifier,
                    low=fact.low if fact.qualifier == "range" else None,
                    high=fact.high if fact.qualifier == "range" else None,
                    unit=fact.unit, year=fact.year, period=as_model(fact.period), target=fact.target,
                    sources=[Source(path=path, line=line) for path, line in sources])
        made._bounds = written_bounds(fact.number, fact.value, fact.qualifier) if fact.number else None
        return made

    chosen = cell(ranked[0])
    if all_values:
        chosen.others = [cell(group) for group in ranked[1:]]
    return chosen


def compare(regions: Sequence[Region], facts: Iterable[StoredFact], *, indicators: Sequence[str] = (),
            year: int | None = None, all_values: bool = False, targets: bool = False,
            period: Optional[TimePeriod] = None) -> CompareResult:
    """Line up `regions` (columns, in order) over every indicator any of them reports.

    One row per indicator and span kind: a five-year total, a half-year figure, a stock counted
    at a date and one year's flow never share a row, so no cell is set beside one it cannot be
    compared with. Targets (planned figures) are left out unless `targets`.
    """
    wanted = set(indicators)
    columns = {region.code: index for index, region in enumerate(regions)}
    by_row: dict[tuple[str, str], list[list[StoredFact]]] = {}
    names: dict[str, str] = {}
    for fact in facts:
        if fact.indicator.id == UNCATEGORIZED or fact.region is None or fact.region.code not in columns:
            continue
        if wanted and fact.indicator.id not in wanted:
            continue
        if year is not None and fact.year != year:
            continue
        if period is not None and not _covers(period, fact.period):
            continue
        if fact.target and not targets:
            continue
        cells = by_row.setdefault((fact.indicator.id, fact.span), [[] for _ in regions])
        cells[columns[fact.region.code]].append(fact)
        names.setdefault(fact.indicator.id, fact.indicator.name)

    rows = []
    for indicator_id, span in sorted(by_row, key=lambda key: (key[0], span_order(key[1]))):
        per_region = by_row[indicator_id, span]
        cells = [_cells_for(facts_here, all_values) for facts_here in per_region]
        row_unit = _row_unit(cells)
        for chosen in cells:
            for item in ([chosen] + (chosen.others or [])) if chosen is not None else []:
                if item.unit == row_unit:
                    item.unit = None          # only a unit other than the row's is spelled out
        row = Row(indicator=Indicator(id=indicator_id, name=names[indicator_id]), span=span, unit=row_unit,
                  cells=cells)
        if len(regions) == 2 and cells[0] is not None and cells[1] is not None:
            row.comparison = _comparison(cells[0], cells[1], row_unit)
        rows.append(row)
    return CompareResult(regions=[CompareRegion(code=r.code, name=r.name) for r in regions], rows=rows)


def _row_unit(cells: list[Optional[Cell]]) -> Optional[str]:
    """The unit most chosen cells use (ties: the leftmost)."""
    units = [cell.unit for cell in cells if cell is not None]
    return max(units, key=units.count) if units else None


def _comparison(first: Cell, second: Cell, row_unit: Optional[str]) -> Comparison:
    first_unit = first.unit or row_unit
    second_unit = second.unit or row_unit
    if not _same_family(first_unit, second_unit):
        return Comparison(order="uncertain")
    difference = first.value - second.value
    if isinstance(difference, float):
        difference = round(difference, 6)
    ratio = None
    if first_unit not in ("%", "百分点") and second.value:
        ratio = round(first.value / second.value, 4)
    return Comparison(order=order(first, second), difference=difference, ratio=ratio)


# --- display ----------------------------------------------------------------------------------
def _plain(number: float) -> str:
    if isinstance(number, float) and not number.is_integer():
        text = f"{number:.4f}".rstrip("0").rstrip(".")
        return text if text not in ("-0", "") else "0"
    return str(int(number))


def _scale(values: Sequence[float], unit: Optional[str]) -> tuple[float, str, str]:
    """(divisor, prefix for the number, unit text): money in 万元 (亿元 from 1亿), large counts in 万/亿."""
    if unit == "元":
        if all(abs(v) >= 1e8 for v in values if v) and any(values):
            return 1e8, "亿", "元"
        return 1e4, "万", "元"
    if unit in ("%", "百分点"):
        return 1, "", unit
    unit_text = unit or ""
    for divisor, prefix in ((1e8, "亿"), (1e4, "万")):
        # Only when every value is round in that scale (130万, 1.3万); 12345 stays 12345.
        if all(abs(v) >= divisor and round(v / divisor, 2) * divisor == v for v in values if v):
            if any(values):
                return divisor, prefix, unit_text
    return 1, "", unit_text


def display_number(value: float, unit: Optional[str], qualifier: str = "exact", low=None, high=None) -> str:
    """130万人次, ≥5000人次, ≈1764万元, 91.6%, 3–5万人次."""
    if qualifier == "range" and low is not None and high is not None:
        divisor, prefix, unit_text = _scale([low, high], unit)
        return f"{_plain(low / divisor)}–{_plain(high / divisor)}{prefix}{unit_text}"
    divisor, prefix, unit_text = _scale([value], unit)
    return f"{QUALIFIER_MARKS.get(qualifier, '')}{_plain(value / divisor)}{prefix}{unit_text}"


def display_cell(cell: Optional[Cell], row_unit: Optional[str], with_year: bool = True) -> str:
    """130万人次 (2023), 20万人次 (2019–2023), 230个 (at 2024-06), 26个 (2024-01–06), 5个 (year?)."""
    if cell is None:
        return ""
    text = display_number(cell.value, cell.unit or row_unit, cell.qualifier, cell.low, cell.high)
    if with_year:
        if cell.period is not None:
            text += f" ({from_model(cell.period).label()})"
        else:
            text += f" ({cell.year})" if cell.year is not None else " (year?)"
        if cell.target:
            text += " target"
    return text


def display_row_name(row: Row) -> str:
    """The indicator's name, with the span when the row is not one year's flow: 培训妇女 (5-year total)."""
    title = span_title(row.span)
    return f"{row.indicator.name} ({title})" if title else row.indicator.name


def display_sources(cell: Optional[Cell]) -> str:
    if cell is None:
        return ""
    return "; ".join(f"{source.path}:{source.line}" for source in cell.sources)


def display_comparison(comparison: Optional[Comparison], row_unit: Optional[str], exact: bool) -> str:
    """+5万人次 (×1.17); ≈ when a qualifier is involved but the order is clear; else 'uncertain'."""
    if comparison is None:
        return ""
    if comparison.order == "uncertain" or comparison.difference is None:
        return "uncertain"
    if comparison.order == "equal":
        return "equal"
    if row_unit in ("%", "百分点"):
        difference = f"{_plain(abs(comparison.difference))}个百分点"
    else:
        difference = display_number(abs(comparison.difference), row_unit)
    sign = "+" if comparison.difference > 0 else "−"
    text = f"{'' if exact else '≈'}{sign}{difference}"
    if comparison.ratio is not None:
        text += f" (×{_plain(round(comparison.ratio, 2))})"
    return text
