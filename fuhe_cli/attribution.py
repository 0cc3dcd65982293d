"""Title, date, region and year for a document and for each of its facts: the layout is worked
out once (`fuhe_cli.layout`), then places (`fuhe_cli.places`) and periods (`fuhe_cli.periods`)
read it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from fuhe_cli.layout import Section
from fuhe_cli.models import Region


@dataclass
class Attribution:
    title: str | None
    date: str | None            # ISO yyyy-mm-dd of the document
    region: Region | None
    year: int | None
    fact_regions: list[Region | None] = field(default_factory=list)
    fact_years: list[int | None] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


def attribute(text: str, quantities: list) -> Attribution:
    """Layout → places → periods over normalised text and its quantities (in text order)."""
    from fuhe_cli.layout import Layout
    from fuhe_cli.periods import attribute_years
    from fuhe_cli.places import attribute_places

    layout = Layout(text)
    fact_regions = attribute_places(layout, quantities)
    period, fact_years = attribute_years(layout, quantities)
    lead = layout.sections[0].region if layout.sections else None
    return Attribution(title=layout.title, date=layout.date, region=lead, year=period,
                       fact_regions=fact_regions, fact_years=fact_years, sections=layout.sections)
