"""Title, date, region and time for a document and for each of its facts: the layout is worked
out once (`fuhe_cli.layout`), then places (`fuhe_cli.places`), years (`fuhe_cli.years`) and
periods, stocks and targets (`fuhe_cli.periods`) read it.
"""
from __future__ import annotations

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


def attribute(text: str, quantities: list, bases: list | None = None) -> Attribution:
    """Layout → places → years → periods over normalised text and its quantities (in text order);
    `bases`: per quantity, its rule's basis (flow | stock | None)."""
    from fuhe_cli.layout import Layout
    from fuhe_cli.periods import Timing, document_time, headline_period, title_period
    from fuhe_cli.places import attribute_places
    from fuhe_cli.years import attribute_years

    layout = Layout(text)
    region, fact_regions = attribute_places(layout, quantities)
    stated = title_period(layout)
    titled = title_period(layout, title_only=True)
    year, fact_years = attribute_years(layout, quantities, stated.year if stated else None,
                                       titled.year if titled else None)
    document = document_time(layout, stated, year, titled)
    if year is None and (headline := headline_period(layout)) is not None:
        year = headline.year            # 某县妇联：上半年…, a news page dated July: that year's news
    timing = Timing(layout, document)
    bases = bases or [None] * len(quantities)
    times = [timing.fact(quantity.start, fact_year, basis, getattr(quantity, "unit", None))
             for quantity, fact_year, basis in zip(quantities, fact_years, bases)]
    return Attribution(title=layout.title, date=layout.date, region=region, year=year,
                       fact_regions=fact_regions, fact_years=[time.year for time in times],
                       sections=layout.sections, period=document.period,
                       fact_periods=[time.period for time in times], fact_targets=[time.target for time in times])
