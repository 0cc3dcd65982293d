"""The region of a document, of each article on its page and of each fact.

Reads the layout (`fuhe_cli.layout.Layout`). Each article gets its own region (`Section.region`)
from its headline, source line, byline, sign-off, site name or body. Inside an article a fact
keeps the article's region unless its own sentence names a place *inside* that region before it
(自贡 in a Sichuan report); a parent named next to a number (镇江市级 in a 扬中市 article) never
pulls the fact up.
"""
from __future__ import annotations

import re

from fuhe_cli.layout import BULLETS, CLOSING_SOURCE, SIGN_OFF, Section, furniture_lines, text_lines
from fuhe_cli.models import Region

SOURCE_FEDERATION = re.compile(r"来源\s*[:：]\s*(\S{2,20}?妇联)")
LEAD_NUMBER = re.compile(r"^\s*(\d{1,2}\s*[.．、)）]|[（(]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}、)\s*")
# A digest paragraph's label: 【成都】…, 湖南宁远：…
LEAD_LABEL = re.compile(r"【([^】]{2,12})】|([^，,。：:]{2,12}?)(妇联)?[：:]")
NATIONAL_BODY = re.compile(r"全国妇联|中华全国妇女联合会|全国妇女联合会")
PARTNER = ("联合", "与", "和", "同", "携手", "会同", "及")
LOCATIVE = ("在", "赴", "到", "往", "至", "来自", "发自", "走进", "来到")


# -- the region of an article ---------------------------------------------------------------
def _headline_region(places, head: str) -> Region | None:
    """The place a headline is about: 四川省妇联… > 扬中市 > 江苏/杭州萧山, then the deepest
    place named inside it (江苏扬中市 -> 扬中市, 杭州萧山 -> 萧山区)."""
    mentions = [m for m in places.find_mentions(head) if not _in_quotes(head, m.start)]
    if not mentions:
        return None

    def strength(mention) -> int:
        if head[mention.end:mention.end + 2] == "妇联":
            return 3
        return 1 if mention.short else 2

    top = max(strength(m) for m in mentions)
    chosen = next(m.region for m in mentions if strength(m) == top)
    for mention in mentions:
        if mention.region.code != chosen.code and places.is_within(mention.region, chosen):
            chosen = mention.region
    return chosen


def _section_region(places, text: str, section: Section, footer: list[str]) -> Region | None:
    """`footer`: _page_footer(text)."""
    head = text[section.title_start:section.headline_end]
    body = text[section.headline_end:section.end]
    chosen = _headline_region(places, head)
    if chosen is None and NATIONAL_BODY.search(head):
        return None     # 全国妇联's own report: the country is no gazetteer region
    source = SOURCE_FEDERATION.search(head)
    if source:          # 来源：成都市郫都区妇联 under a headline that names no place or a parent
        named = _headline_region(places, source.group(1))
        if named is not None and (chosen is None or places.is_within(named, chosen)):
            chosen = named
    if chosen is None:
        byline = re.search(r"发自(\S{2,6}?)(?=\s|\d|，|,)", body[:200])
        if byline:
            found = places.find_mentions(byline.group(1) + "市")
            chosen = found[0].region if found else None
    if chosen is None:
        chosen = _sign_off_region(places, body)
    if chosen is None:
        chosen = _site_or_body_region(places, text, section, body, footer)
    sign_off = re.search(r"[（(]\s*(省|自治区)妇联\s*[)）]\s*$", body.strip()[-20:])
    if chosen is not None and sign_off and chosen.level != "province":
        chosen = places.chain(chosen)[0]     # signed by the provincial federation
    return chosen


def _sign_off_region(places, body: str) -> Region | None:
    """The federation that signs the section off on one of its last lines (杭州市妇联)."""
    for _, _, line in text_lines(body.rstrip()[-200:])[-3:]:
        match = SIGN_OFF.match(line.strip()) or CLOSING_SOURCE.match(line.strip())
        if match:
            if match.re is CLOSING_SOURCE:      # （来源：北京朝阳区融媒体中心）
                region = _headline_region(places, line.strip())
                if region is not None:
                    return region
                continue
            region = _headline_region(places, match.group(1))
            if region is not None:
                return region
    return None


def _site_or_body_region(places, text: str, section: Section, body: str, footer: list[str]) -> Region | None:
    """No place in the headline: the site's own name (株洲市人民政府门户网站, 版权所有：…) says
    whose "市妇联" it is, unless the body opens with a federation inside it; else the place
    the body names most."""
    dominant = _dominant(places, body)
    header = [line for _, _, line in text_lines(text[section.start:section.title_start])]
    site_text = "\n".join(furniture_lines(header) + footer)
    site = _headline_region(places, site_text) if site_text.strip() else None
    if site is None:
        return dominant
    leads = {lead.code for _, _, line in text_lines(body[:3000])[:30]
             if (lead := _lead_region(places, line.strip()[:24], site)) is not None}
    if len(leads) > 1:
        return site         # a digest of several places' paragraphs: the site's region
    opening = places.find_mentions(body[:80])
    if dominant is not None and dominant != site and places.is_within(dominant, site) and any(
            m.region == dominant for m in opening):
        return dominant
    return site


def _in_quotes(text: str, index: int) -> bool:
    before = text[:index]
    return before.count("“") > before.count("”") or before.count("《") > before.count("》")


def _dominant(places, body: str) -> Region | None:
    """The most named place in a body, federation sign-offs (XX妇联) counted thrice."""
    scores: dict[str, float] = {}
    regions: dict[str, Region] = {}
    for mention in places.find_mentions(body[:3000]):
        weight = 3.0 if body[mention.end:mention.end + 2] == "妇联" else 1.0
        if mention.start < 300:
            weight *= 1.5
        scores[mention.region.code] = scores.get(mention.region.code, 0.0) + weight
        regions[mention.region.code] = mention.region
    if not scores:
        return None
    best = max(scores, key=lambda code: (scores[code], len(places.chain(regions[code]))))
    return regions[best]


class _PlaceSpans:
    """The places named in each sentence and opening each paragraph, found once however many
    figures it holds, and the answers shared by the figures of one sentence; the bounds come
    from the layout."""

    def __init__(self, layout, places):
        self.text = layout.text
        self.places = places
        self.sentence = layout.sentence
        self.paragraph = layout.paragraph
        self._mentions: dict[tuple, list] = {}
        self._leads: dict[tuple, Region | None] = {}
        self.regions: dict[tuple, Region | None] = {}     # see _fact_region
        self._caches = (self._mentions, self._leads, self.regions)

    # Figures come in text order: a few hundred answers are enough (see periods._Spans).
    CACHE_LIMIT = 256

    def forget(self) -> None:
        """Drop the cached answers once there are many (called between figures)."""
        if len(self._mentions) > self.CACHE_LIMIT:
            for cache in self._caches:
                cache.clear()

    # Most sentences name no place: they keep the shared empty tuple, not an empty list each
    # (fewer objects for the garbage collector to count and scan).
    def mentions(self, start: int, end: int, context: Region | None) -> list | tuple:
        """Places named in text[start:end], offsets relative to start."""
        key = (start, end, context.code if context else None)
        found = self._mentions.get(key)
        if found is None:
            found = self._mentions[key] = self.places.find_mentions(self.text[start:end], context=context) or ()
        return found

    def lead(self, paragraph_start: int, context: Region | None) -> Region | None:
        key = (paragraph_start, context.code if context else None)
        if key not in self._leads:
            self._leads[key] = _lead_region(self.places, self.text[paragraph_start:paragraph_start + 24], context)
        return self._leads[key]


def _paragraph_lead(places, text: str, spans: _PlaceSpans, index: int, section: Section) -> Region | None:
    """A digest paragraph that opens with its place: 【成都】…, 湖南宁远：…, ▲绵阳市妇联：…,
    "2. 自贡市贡井区妇联开展…" (the federation named first is the paragraph's subject)."""
    p_start, _ = spans.paragraph(index)
    if p_start < section.headline_end:
        return None
    return spans.lead(p_start, section.region)


def _lead_region(places, paragraph: str, context: Region | None) -> Region | None:
    opening = LEAD_NUMBER.sub("", paragraph.lstrip(BULLETS), count=1).lstrip(BULLETS)
    match = LEAD_LABEL.match(opening)
    if match:
        label = match.group(1) or match.group(2)
        mentions = places.find_mentions(label, context=context)
        return _headline_region(places, label) if mentions else None
    if not places.may_name_at(opening, 0):
        return None                 # most paragraphs: no place name can start the opening
    mentions = places.find_mentions(opening[:20], context=context)
    if not mentions or mentions[0].start != 0:
        return None
    chained = 0                     # 自贡市贡井区妇联: places written one after the other
    while chained + 1 < len(mentions) and mentions[chained + 1].start == mentions[chained].end:
        chained += 1
    if opening[mentions[chained].end:mentions[chained].end + 2] != "妇联":
        return None
    lead = _headline_region(places, opening[:mentions[chained].end + 2])
    # A parent or a partner federation opening a paragraph (镇江市妇联到我市调研) is not its subject.
    return lead if lead is not None and (context is None or places.is_within(lead, context)) else None


def _fact_region(places, text: str, spans: _PlaceSpans, section: Section, start: int) -> Region | None:
    base = _paragraph_lead(places, text, spans, start, section) or section.region
    s_start, s_end = spans.sentence(start)
    s_start = max(s_start, section.start)
    s_end = max(s_end, start)
    sentence_mentions = spans.mentions(s_start, s_end, base)
    if not sentence_mentions or sentence_mentions[0].end > start - s_start:
        return base                 # most figures: no place named before them in the sentence
    found = [m for m in sentence_mentions if m.end <= start - s_start]
    clause = text.rfind("其中", s_start, start)
    clause = clause - s_start if clause >= 0 else -1
    # The figures of one sentence after the same places and the same 其中 share the answer.
    key = (s_start, s_end, base.code if base else None, len(found), clause)
    if key not in spans.regions:
        spans.regions[key] = _region_after(places, text[s_start:start], found, clause, base)
    return spans.regions[key]


def _region_after(places, before: str, found: list, clause: int, base: Region | None) -> Region | None:
    """The region of a figure preceded by `before`, the rest of its sentence, where the places
    `found` are named; `clause` is where its last 其中 stands in `before` (-1: none)."""
    if clause >= 0 and any(m.start >= clause for m in found):
        found = [m for m in found if m.start >= clause]   # "…全州64期，其中康定市妇联开班9期": the clause's subject
    mentions = [m for m in found if not before[max(0, m.start - 2):m.start].endswith(LOCATIVE)]
    if base is None:
        return mentions[-1].region if mentions else None
    inside = [m.region for m in mentions if m.region.code != base.code and places.is_within(m.region, base)]
    # 成都、绵阳等地: a list of places, the figure is the whole region's. A place written with
    # its parent (自贡市贡井区) is one place, not a list.
    distinct = {r.code for r in inside if not any(o.code != r.code and places.is_within(o, r) for o in inside)}
    if len(distinct) > 1:
        return base
    # The first related place of the sentence is its subject: "宁德市妇联联合蕉城区…" stays
    # with 宁德市, "自贡与重庆江津区…联合举办" goes to 自贡. Partner regions elsewhere are skipped.
    for mention in mentions:
        region = mention.region
        if places.is_within(base, region):          # the article's region or a parent: stay
            return base
        if places.is_within(region, base):          # a place inside it
            if before[max(0, mention.start - 2):mention.start].endswith(PARTNER):
                continue
            return region
    return base


# -- entry point ---------------------------------------------------------------------------
def attribute_places(layout, quantities: list) -> list[Region | None]:
    """The region of each quantity; sets `Section.region` of every article of the layout (the
    first article's is the document's)."""
    from fuhe_cli.regions import gazetteer

    places = gazetteer()
    text = layout.text
    for section in layout.sections:
        section.region = _section_region(places, text, section, layout.footer)
    spans = _PlaceSpans(layout, places)
    fact_regions = []
    for quantity in quantities:
        spans.forget()
        section = layout.section_at(quantity.start)
        fact_regions.append(_fact_region(places, text, spans, section, quantity.start))
    return fact_regions
