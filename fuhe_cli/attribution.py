"""Title, date, region and time for a document and for each of its facts: the layout is worked
out once (`fuhe_cli.layout`), then places (`fuhe_cli.places`), years (`fuhe_cli.years`) and
periods, stocks and targets (`fuhe_cli.periods`) read it.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from fuhe_cli.layout import Section
from fuhe_cli.models import Region
from fuhe_cli.time_expressions import Period


@dataclass
class Attribution:
    title: str | None
    date: str | None            # ISO yyyy-mm-dd of the document
    region: Region | None
    year: int | None
    fact_regions: list[Region | None] = field(default_factory=list)
    fact_years: list[int | None] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    period: Period | None = None                 # the reporting period
    fact_periods: list[Period | None] = field(default_factory=list)
    fact_targets: list[bool] = field(default_factory=list)


def attribute(text: str, quantities: list, bases: list | None = None, layout=None) -> Attribution:
    """Layout → places → years → periods over normalised text and its quantities (in text order);
    `bases`: per quantity, its rule's basis (flow | stock | None); `layout`: the text's, when the
    caller has worked it out already."""
    from fuhe_cli.layout import Layout
    from fuhe_cli.places import attribute_places

    layout = layout if layout is not None else Layout(text)
    # where each figure stands (sentence, paragraph, article, headings…), asked of the layout once
    contexts = [layout.figure_context(quantity.start) for quantity in quantities]
    region, fact_regions = attribute_places(layout, quantities, contexts)
    bases = bases or [None] * len(quantities)
    units = [getattr(quantity, "unit", None) for quantity in quantities]
    starts = [quantity.start for quantity in quantities]
    reports = _reports_on_page(layout)
    if not reports:
        year, period, times = _read_time(layout, contexts, bases, units)
        date = layout.date
    else:
        # A page holding reports of different years (an archive page of two annual summaries):
        # each report's time is read as its own document's; the page as a whole has no one year.
        # The page is read only for the figures outside every report (often none).
        year, period, date = None, None, None
        times = [None] * len(starts)
        spans = [(bisect_left(starts, start), bisect_left(starts, end)) for start, end in reports]
        inside = [False] * len(starts)
        for low, high in spans:
            inside[low:high] = [True] * (high - low)
        outside = [index for index, taken in enumerate(inside) if not taken]
        if outside:
            for index, time in zip(outside, _read_time(layout, contexts, bases, units, outside)[2]):
                times[index] = time
        for (start, end), (low, high) in zip(reports, spans):
            report = Layout(text[start:end])
            _, _, own = _read_time(report, [report.figure_context(at - start) for at in starts[low:high]],
                                   bases[low:high], units[low:high])
            times[low:high] = own
    _last_year_in_brackets(text, quantities, times)
    _headline_figures_as_in_body(layout, quantities, times)
    return Attribution(title=layout.title, date=date, region=region, year=year,
                       fact_regions=fact_regions, fact_years=[time.year for time in times],
                       sections=layout.sections, period=period,
                       fact_periods=[time.period for time in times], fact_targets=[time.target for time in times])


def _read_time(layout, contexts: list, bases: list, units: list, wanted: list[int] | None = None):
    """(the reporting year, the reporting period, each figure's FactTime) of one document, from
    each figure's `layout.FigureContext`; with `wanted` (indices into `contexts`), the FactTime of
    those figures only (the others still count as the document's figures, as in 分别 lists)."""
    from fuhe_cli.periods import Timing, document_time, headline_period, title_period
    from fuhe_cli.years import attribute_years

    figures = [context.start for context in contexts]
    if wanted is not None:
        contexts, bases, units = ([values[index] for index in wanted] for values in (contexts, bases, units))
    stated = title_period(layout)
    titled = title_period(layout, title_only=True)
    year, fact_years = attribute_years(layout, contexts, stated.year if stated else None,
                                       titled.year if titled else None,
                                       stated is not None and stated.start is not None and stated.year is None)
    document = document_time(layout, stated, year, titled)
    if year is None and (headline := headline_period(layout)) is not None:
        year = headline.year            # 某县妇联：上半年…, a news page dated July: that year's news
    timing = Timing(layout, document, figures)
    if year is None:
        year = timing.opening_year()    # a dated news page whose lead opens 今年以来，…: that year's news
    times = [timing.fact(context, fact_year, basis, unit)
             for context, fact_year, basis, unit in zip(contexts, fact_years, bases, units)]
    return year, document.period, times


def _reports_on_page(layout) -> list[tuple[int, int]]:
    """(start, end) of each article whose own title states a reporting year, when a page holds
    several and they name different years; else nothing."""
    from fuhe_cli.years import reporting_period

    text, reports, years = layout.text, [], set()
    for section in layout.sections if len(layout.sections) > 1 else ():
        # (the headline line nearest the article's date line: a page's own title may stand above it,
        # and the report starts at its own)
        title_year, title_start, offset = None, section.title_start, section.title_start
        for line in text[section.title_start:section.headline_end].split("\n"):
            line_year = reporting_period(line.strip())
            if line_year is not None:
                title_year, title_start = line_year, offset
            offset += len(line) + 1
        if title_year is not None:
            reports.append((title_start, section.end))
            years.add(title_year)
    return reports if len(years) > 1 else []


# A table's legend: "说明：括号内为上年同期数" — a figure in brackets right after another is the
# same measure over the same months a year before.
_LAST_YEAR_LEGEND = re.compile(r"括号内(?:的?数字|的?数据)?(?:为|是)(?:上年|去年)同期")
_BRACKET_FIGURE = re.compile(r"[（(](?:上年同期|去年同期)?[^（()）]{0,2}$")


def _last_year_in_brackets(text: str, quantities: list, times: list) -> None:
    """Under such a legend, give each bracketed figure the period of the figure before it, a year back."""
    from fuhe_cli.periods import FactTime
    from fuhe_cli.time_expressions import Period

    if _LAST_YEAR_LEGEND.search(text) is None:
        return
    for index in range(1, len(quantities)):
        before, figure = quantities[index - 1], quantities[index]
        period = times[index - 1].period
        if period is None or not _BRACKET_FIGURE.search(text, before.end, figure.start) \
                or text.find("）", figure.end, figure.end + 3) < 0 and text.find(")", figure.end, figure.end + 3) < 0:
            continue
        back = Period((period.start[0] - 1, period.start[1]) if period.start else None, (period.end[0] - 1, period.end[1]))
        times[index] = FactTime(period=back, year=back.year, target=times[index - 1].target)


def _headline_figures_as_in_body(layout, quantities: list, times: list) -> None:
    """A figure of an article's headline that its body tells again (…义卖筹得善款36.8万元 / 6月1日，…筹得
    善款36.8万元) is the same fact: it takes the body's time, which the headline does not state."""
    starts = [quantity.start for quantity in quantities]
    for section in layout.sections:
        low, high = bisect_left(starts, section.title_start), bisect_left(starts, section.headline_end)
        end = bisect_left(starts, section.end)
        for index in range(low, high):
            if times[index] is None or times[index].period is not None:
                continue
            figure = quantities[index]
            same = next((later for later in range(high, end)
                         if quantities[later].value == figure.value and quantities[later].unit == figure.unit
                         and times[later] is not None), None)
            if same is not None:
                times[index] = times[same]
