"""The region of a document, of each article on its page and of each fact.

Reads the layout (`fuhe_cli.layout.Layout`). Each article gets its own region (`Section.region`)
from its headline, source line, byline, sign-off, site name or body. Inside an article a fact
keeps the article's region unless its own sentence names a place *inside* that region before it
(自贡 in a Sichuan report); a parent named next to a number (镇江市级 in a 扬中市 article) never
pulls the fact up, only a parent's federation opening the clause with its own scope word
(上饶市妇联还在全市… in a 婺源县 article), and a scope word opening the figure's clause names
its level above the article (全市… in a 区's article is its city's, 全国… has no region). A place's
organisation opening a clause (惠民县妇联…, 晋江市女企业家协会…) is its subject, and of the clauses
after it up to one with a subject of its own. A page of articles about several places is its
publisher's when its header or copyright footer names one whose region holds half of them or more, or
the site's that signs its footer when the site's region holds them all.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from fuhe_cli.clauses import clause_around, item_bounds
from fuhe_cli.layout import (BULLETS, CLOSING_SOURCE, HEADING, MASTHEAD, NEWS_SOURCE, SIGN_OFF, Section,
                             furniture_lines, page_footer, page_publisher, text_lines)
from fuhe_cli.models import Region

SOURCE_FEDERATION = re.compile(r"来源\s*[:：]\s*(\S{2,20}?妇联)")
LEAD_NUMBER = re.compile(r"^\s*(\d{1,2}\s*[.．、)）]|[（(]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}、)\s*")
# A digest paragraph's label: 【成都】…, 湖南宁远：…
LEAD_LABEL = re.compile(r"【([^】]{2,12})】|([^，,。：:]{2,12}?)(妇联)?[：:]")
NATIONAL_BODY = re.compile(r"全国妇联|中华全国妇女联合会|全国妇女联合会")
PARTNER = ("联合", "与", "和", "同", "携手", "会同", "及")
LOCATIVE = ("在", "赴", "到", "往", "至", "来自", "发自", "走进", "来到", "参加")
LIST_AFTER = ("等", "妇联等", "市等", "县等", "区等")
# A dateline's day, in digits or in Chinese numerals (新华社北京3月7日电, 中新社北京八月二十二日电).
_DAY = r"[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日"
# Where a reporter filed from: a news dateline ("新华社长沙12月20日电", "本报成都电") or a byline's
# "发自南昌". The place is where the story was written, not the region of its figures: weak
# evidence, used only when nothing else in the article names a place.
DATELINE = re.compile(r"[ \t\u3000]*(?:据|[（(【])?" + NEWS_SOURCE + r"(?:记者)?[ \u3000]*"
                      r"([\u4e00-\u9fff]{2,8}?)[ \u3000]*(?:" + _DAY + r")?[ \u3000]*电")
FILED_FROM = re.compile(r"发自[ \u3000]*([\u4e00-\u9fff]{2,8}?)(?=[\s\d，,。（()）]|$)")
# A body's score (see _dominant_score) for a place named there again and again: twice in its
# opening, or three times further on, or once as a federation.
REPEATED = 3.0
# …and what names a document's place at all: one mention near the top (weighed 1.5), a federation
# or two mentions; a single passing mention deep in the body (weight 1) does not.
NAMED_ENOUGH = 1.5
# How far into an article (from its headline) a dateline or byline stands.
DATELINE_REACH = 300
# A scope word that opens a clause names the level its figures belong to: "…兰州市妇联作交流发言，
# 全省已建成…" is the province's figure, not 兰州's. Not when it qualifies an honour or a title
# ("全省三八红旗手", "全国妇联").
# (全国妇联 opening a clause is the national federation speaking: its figures are the country's)
SCOPE_WORD = (r"全(省|市|县|区|州|旗|盟|国)"
              r"(?!(?<!国)妇联(?!系统)|三八|巾帼|最美|五好|文明|十佳|优秀|先进|示范|最|首|第|重点|性)")
# (after a time that opens the clause: 今年以来, 2024年, 上半年, 前三季度, 一季度, 1-9月, 3月以来, 截至9月底)
_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
SCOPE = re.compile(r"(?:^|(?<=[，,；;。：:！？!?\s]))(?:(?:今年以来|今年|去年|目前|当前|截至目前|近年来|年内|全年|"
                   r"(?:19|20)\d{2}\s*年(?:度|上半年|下半年|以来)?|上半年|下半年|前三季度|第?[一二三四]季度|"
                   rf"(?:截至|截止)?(?:(?:19|20)\d{{2}}\s*年)?{_MONTH}\s*(?:[-—至到~]\s*{_MONTH}\s*)?月份?(?:以来|底|末)?|"
                   r"据统计|据了解|同时|此外)[，,]?)?" + SCOPE_WORD)
# A scope word anywhere in a clause ("上饶市妇联还在全市…举办"): read only after a federation
# that opens the clause as its subject (_parent_subject).
SCOPE_ANYWHERE = re.compile(SCOPE_WORD)
# A clause that only sets the scope of the next one: "从全国看，这一覆盖率为53.7%".
SCOPE_FRAME = re.compile(r"(?:从|在|就)?" + SCOPE_WORD + r"(?:范围)?(?:内|来看|看|而言|来说)?[，,：:]")
_FRAME_CHARS = 8    # the longest clause SCOPE_FRAME matches (从全国范围来看，)
# The article's own place as a clause's subject (我区建成586个): no scope word above it holds.
OWN_PLACE = re.compile(r"[我本][省市区县州旗盟]")
# What may stand before the place of a clause that only sets the scene (在相邻的惠民县，…).
FRAME_BEFORE = re.compile(r"[ \t\u3000]*(?:而|同样)?在(?:相邻的?|邻近的?|毗邻的?|周边的?)?")
# A year or a year's part opening a clause before its subject (2023年陕西省各级妇联…).
YEAR_OPENING = re.compile(r"(?:.*[，,；;：:])?\s*(?:(?:19|20)\d{2}\s*年(?:度|上半年|下半年)?|今年|去年|全年)\s*")
# A federation reporting (台山市妇联介绍，…): its sentence is about its place.
SPEAKS = re.compile(r"(?:还|又|相关负责人|负责人|主席)?(?:介绍|表示|汇报|通报)[，,：:]")
# What follows a place that opens a later clause as its subject (霞浦县培育…): a verb of the work.
# (台山市已建成…, 梅州市帮助…: a place named in full outside the paragraph's as well)
SUBJECT_AFTER_PLACE = ("培育", "建成", "新建", "打造", "开展", "举办", "培训", "发放", "评选", "组建", "创建",
                       "成立", "帮扶", "救助", "完成", "实现", "共", "已", "累计", "帮助", "带动", "组织", "吸纳",
                       "招募", "表彰", "资助", "慰问", "建立", "设立", "选树", "推荐", "受理", "调解", "办结",
                       "接待", "筛查", "检查", "新增", "覆盖", "募集", "筹集", "走访", "开设", "服务")
# …or after a short noun phrase of its own (崇仁县麻鸡产业带动妇女增收…: the place's industry did it).
SUBJECT_AFTER_PLACE_PHRASE = re.compile(r"[^，,；;。：:！？!?\d\s]{0,6}?(?:" + "|".join(SUBJECT_AFTER_PLACE) + ")")
# A place's organisation written after its name as a clause's subject: its federation, or a women's
# association, volunteer team or committee of the place (思明区女企业家协会, 甲县巾帼志愿服务队,
# 乙市妇女儿童工作委员会).
ORGANISATION = re.compile(r"妇联|妇女儿童工作委员会|妇儿工委|(?:女|妇女|巾帼)[\u4e00-\u9fff]{0,5}?"
                          r"(?:协会|商会|联合会|联谊会|促进会|研究会|基金会|服务队|志愿队)")
# A clause with a subject of its own: an organisation (县妇联, 各级妇联, 县女企业家协会) or another
# scope word opens it.
OWN_SUBJECT = re.compile(r"[，,；;：:]\s*(?:[^，,；;：:]{0,4}?(?:" + ORGANISATION.pattern + r")|全[省市县区州旗盟国])")
# …or the article's own place, or both sides of a partnership (两地妇联, 双方): a later clause of a
# sentence opened by another place's organisation that no longer speaks of that place alone.
LATER_SUBJECT = re.compile(OWN_SUBJECT.pattern + r"|[，,；;：:]\s*(?:[^，,；;：:]{0,4}[我本该][省市区县州旗盟]|两地|双方)")
CLAUSE_MARKS = "，,；;。：:！？!?"
CLAUSE_MARK = re.compile(f"[{CLAUSE_MARKS}]")
# Places listed one after another (醴陵市、攸县 / 辉县市妇联和长垣市妇联).
LIST_SEPARATOR = re.compile(r"(?:妇联)?\s*(?:、|和|与|及|以及)\s*")


# -- the region of an article ---------------------------------------------------------------
def _headline_region(places, head: str) -> Region | None:
    """The place a headline is about: 四川省妇联… > 扬中市 > 江苏/杭州萧山, then the deepest
    place named inside it (江苏扬中市 -> 扬中市, 杭州萧山 -> 萧山区)."""
    return _headline_evidence(places, head)[0]


# Headlines, source lines and labels recur on a page (and across the pages of a run): their
# answers are kept by text. The gazetteer is one object, so the text alone is the key.
@lru_cache(maxsize=4096)
def _headline_evidence(places, head: str) -> tuple[Region | None, int]:
    """(_headline_region, how it is written: 3 a federation's name, 2 a full name, 1 a short name)."""
    mentions = [m for m in places.find_mentions(head) if not _in_quotes(head, m.start)]
    if not mentions:
        return None, 0

    def strength(mention) -> int:
        if head[mention.end:mention.end + 2] == "妇联":
            return 3
        return 1 if mention.short else 2

    top = max(strength(m) for m in mentions)
    chosen = next(m.region for m in mentions if strength(m) == top)
    for mention in mentions:
        if mention.region.code != chosen.code and places.is_within(mention.region, chosen) \
                and not _is_venue(head, mention):
            chosen = mention.region
    return chosen, top


# 陕西省…现场推进会在咸阳举行: the place a meeting is held in is no deeper subject of the headline.
_VENUE_BEFORE = "在"
_VENUE_AFTER = re.compile(r"[^，,。：:！？]{0,6}?(?:举行|召开|举办|开幕|闭幕)")


def _is_venue(head: str, mention) -> bool:
    return head[mention.start - 1:mention.start] == _VENUE_BEFORE and _VENUE_AFTER.match(head, mention.end) is not None


def _section_region(places, text: str, section: Section, footer: list[str],
                    filed: Region | None = None) -> Region | None:
    """`footer`: the page's furniture lines; `filed`: the place the article was filed from
    (its dateline or byline), masked out of `text`."""
    head = text[section.title_start:section.headline_end]
    body = text[section.headline_end:section.end]
    chosen, written = _headline_evidence(places, head)
    if chosen is not None and written == 1 and chosen.level == "county":
        # A county named only by its short name ("…惠民…") needs the body's support: a province or
        # city the body names again and again, and that is not its parent, wins.
        named, score = _dominant_score(places, body)
        if named is not None and score >= REPEATED and not places.is_within(chosen, named) \
                and not places.is_within(named, chosen):
            chosen = named
    if chosen is None and NATIONAL_BODY.search(head):
        return None     # 全国妇联's own report: the country is no gazetteer region
    source = SOURCE_FEDERATION.search(head)
    if source:          # 来源：成都市郫都区妇联 under a headline that names no place or a parent
        named = _headline_region(places, source.group(1))
        if named is not None and (chosen is None or places.is_within(named, chosen)):
            chosen = named
    if chosen is None:
        chosen = _sign_off_region(places, body)
    if chosen is None:
        chosen = _site_or_body_region(places, text, section, body, footer)
    if chosen is None and filed is not None and not NATIONAL_BODY.search(body, 0, DATELINE_REACH):
        chosen = filed      # only where the reporter filed from names a place (全国妇联 filed from 北京: none)
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


# The office's street address in a page's footer (地址：贵港市港北区金港大道1号) says where the office
# stands, not whose site it is.
_OFFICE_ADDRESS = re.compile(r"(?:地址|地点|通讯地址|联系地址)\s*[:：][^\u3000\t|｜\n]*")


def _site_or_body_region(places, text: str, section: Section, body: str, footer: list[str]) -> Region | None:
    """No place in the headline: the site's own name (株洲市人民政府门户网站, 版权所有：…) says
    whose "市妇联" it is, unless the body opens with a federation inside it; else the place
    the body names most."""
    dominant, score = _dominant_score(places, body)
    if score < NAMED_ENOUGH:
        dominant = None     # one passing mention deep in the body (参加新疆妇女干部学校培训) names no document's place
    header = [line for _, _, line in text_lines(text[section.start:section.title_start])]
    site_text = _OFFICE_ADDRESS.sub("", "\n".join(furniture_lines(header) + footer))
    site = _headline_region(places, site_text) if site_text.strip() else None
    if site is None:
        return _scope_climbed(places, text[section.title_start:section.headline_end] + "\n" + body[:3000],
                              dominant)
    leads = {lead.code for _, _, line in text_lines(body[:3000])[:30]
             if (lead := _lead_region(places, line.strip()[:24], site)) is not None}
    if len(leads) > 1:
        return site         # a digest of several places' paragraphs: the site's region
    opening = places.find_mentions(body[:80])
    if dominant is not None and dominant != site and places.is_within(dominant, site) and any(
            m.region == dominant and not body.startswith(LIST_AFTER, m.end) for m in opening):
        return dominant
    return site


def _scope_climbed(places, text: str, region: Region | None) -> Region | None:
    """The place a body names most, raised to the level its scope words keep naming: an article
    that says 全省 again and again (a provincial meeting held in 芜湖) is about the province, even
    when it never names it."""
    if region is None or region.level == "province":
        return region
    counts: dict[str, int] = {}
    for scope in SCOPE.finditer(text):
        counts[scope.group(1)] = counts.get(scope.group(1), 0) + 1
    counts["省"] = counts.get("省", 0) + text.count("我省")     # (the article's own province, as 全省 is)
    if counts.get("省", 0) >= 2:
        return places.chain(region)[0]
    if counts.get("市", 0) >= 2 and region.level == "county":
        for candidate in reversed(places.chain(region)):
            if candidate.name.endswith("市"):
                return candidate
    return region


def _in_quotes(text: str, index: int) -> bool:
    before = text[:index]
    return before.count("“") > before.count("”") or before.count("《") > before.count("》")


def _dominant(places, body: str) -> Region | None:
    """The most named place in a body, federation sign-offs (XX妇联) counted thrice."""
    return _dominant_score(places, body)[0]


def _dominant_score(places, body: str) -> tuple[Region | None, float]:
    """(_dominant, its score)."""
    scores: dict[str, float] = {}
    regions: dict[str, Region] = {}
    for mention in places.find_mentions(body[:3000]):
        # (a federation that opens a list, 福州市妇联等29个单位, is one of many: no more than a mention)
        weight = 3.0 if body[mention.end:mention.end + 2] == "妇联" and body[mention.end + 2:mention.end + 3] != "等" else 1.0
        if _is_venue(body, mention):
            continue        # (在漳州举办的…推进会: where a meeting was held)
        if mention.start < 300:
            weight *= 1.5
        scores[mention.region.code] = scores.get(mention.region.code, 0.0) + weight
        regions[mention.region.code] = mention.region
    if not scores:
        return None, 0.0
    best = max(scores, key=lambda code: (scores[code], len(places.chain(regions[code]))))
    return regions[best], scores[best]


# A post's location at the end of its date line (after the time of day) or after IP属地.
# (its first character a class, the rest told apart by a lookbehind: re scans for the class in C,
# where a branch opening with \d is tried at every position of the article's head)
_POSTED_FROM = re.compile(r"[\dI](?:(?<=\d)\d?:\d{2}|(?<=I)P属地[:：]?)[ \t\u3000]*([\u4e00-\u9fff]{2,4})[ \t\u3000]*$",
                          re.MULTILINE)


def _datelines(text: str, start: int, end: int):
    """DATELINE matches at the start of a line and FILED_FROM matches in text[start:end]. Most
    articles have neither: a search for 电 / 发自 in C comes first."""
    mark = text.find("电", start, end)
    while mark >= 0:
        match = DATELINE.match(text, text.rfind("\n", start, mark) + 1 or start, mark + 1)
        if match is not None:
            yield match
        mark = text.find("电", mark + 1, end)
    mark = text.find("发自", start, end)
    while mark >= 0:
        match = FILED_FROM.match(text, mark, end)
        if match is not None:
            yield match
        mark = text.find("发自", mark + 2, end)


def _filed_from(places, text: str, sections: list[Section]) -> tuple[str, list[Region | None]]:
    """The text with each article's dateline or byline place blanked out (same length), and per
    article the place it was filed from (None: no dateline)."""
    spans, filed = [], []
    seen: dict[str, list] = {}      # the same few datelines and bylines recur on a page
    for section in sections:
        found = None
        head = min(section.end, section.headline_end + DATELINE_REACH)
        for match in _datelines(text, section.title_start, head):
                name = match.group(1)
                query = name + "市" if match.re is FILED_FROM else name
                mentions = seen.get(query)
                if mentions is None:
                    mentions = seen[query] = places.find_mentions(query)
                if not mentions or mentions[0].start != 0 or mentions[0].end < len(name):
                    continue        # 发自内心, 网格员来电: no place there
                spans.append((match.start(1), match.end(1)))
                found = found or mentions[0].region
        for match in _POSTED_FROM.finditer(text, section.title_start, head):
            # 北滘妇联　2024年12月30日 18:30　广东 / IP属地：广东: where the account posted from, which
            # names neither the article's place nor where it was filed
            if places.find_mentions(match.group(1)):
                spans.append((match.start(1), match.end(1)))
        filed.append(found)
    if not spans:
        return text, filed
    pieces, last = [], 0
    for start, end in sorted(spans):
        pieces += [text[last:start], "\u3000" * (end - start)]
        last = end
    pieces.append(text[last:])
    return "".join(pieces), filed


class _PlaceSpans:
    """The places named in each sentence and opening each paragraph, found once however many
    figures it holds, and the answers shared by the figures of one sentence; the bounds come
    from the layout."""

    def __init__(self, places, text: str, quantities: list = ()):
        self.text = text                # the layout's text, datelines blanked (_filed_from)
        self.places = places
        self.quantities = quantities    # the figures, in text order
        self.figures = [quantity.start for quantity in quantities]     # where each starts
        self._heading_places: dict[int, Region | None] = {}     # per heading start, kept for the document
        self._mentions: dict[tuple, list] = {}
        self._leads: dict[tuple, tuple[Region | None, int]] = {}
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

    def heading_place(self, headings: list, context: Region | None) -> Region | None:
        """The place the nearest of a figure's `headings` (nearest first) that names one is about
        (（一）金寨县, 2. 霍山县：…)."""
        for heading in headings:
            if heading.start not in self._heading_places:
                self._heading_places[heading.start] = _heading_place(self.places, self.text[heading.start:heading.end],
                                                                     context)
            if self._heading_places[heading.start] is not None:
                return self._heading_places[heading.start]
        return None

    def lead(self, paragraph_start: int, context: Region | None) -> tuple[Region | None, int]:
        key = (paragraph_start, context.code if context else None)
        if key not in self._leads:
            self._leads[key] = _lead(self.places, self.text[paragraph_start:paragraph_start + 24], context)
        return self._leads[key]


def _heading_place(places, heading: str, context: Region | None) -> Region | None:
    """The place a heading is about when it is only that place's name, its federation or a label
    after it (（一）金寨县 / 二、霍山县妇联 / 3. 舒城县：…), inside the article's region `context`."""
    number = HEADING.match("\n" + heading)         # the heading's own number, as the layout read it
    words = heading[number.end() - 1 if number else 0:].strip()
    if not words or not places.may_name_at(words, 0):
        return None
    mentions = places.find_mentions(words[:24], context=context)
    if not mentions or mentions[0].start != 0:
        return None
    last = mentions[_chain_end(places, mentions, 0)]
    rest = words[last.end:]
    if rest and not rest.startswith(("妇联", "：", ":", "—", "－", "-", " ", "\u3000")):
        return None
    return last.region if context is None or places.is_within(last.region, context) else None


def _paragraph_lead(spans: _PlaceSpans, p_start: int, section: Section) -> tuple[Region | None, int]:
    """(the place a digest paragraph (from `p_start`) opens with, where its label ends: 0 when
    none): 【成都】…, 湖南宁远：…, ▲绵阳市妇联：…, "2. 自贡市贡井区妇联开展…" (the federation named first
    is the paragraph's subject)."""
    if p_start < section.headline_end:
        return None, 0
    lead, label_end = spans.lead(p_start, section.region)
    return lead, p_start + label_end if label_end else 0


def _lead_region(places, paragraph: str, context: Region | None) -> Region | None:
    return _lead(places, paragraph, context)[0]


def _lead(places, paragraph: str, context: Region | None) -> tuple[Region | None, int]:
    """(_lead_region, the offset in `paragraph` after its label, 0 when it has none)."""
    opening = LEAD_NUMBER.sub("", paragraph.lstrip(BULLETS), count=1).lstrip(BULLETS)
    match = LEAD_LABEL.match(opening)
    if match:
        label = match.group(1) or match.group(2)
        if not places.find_mentions(label, context=context):
            return None, 0
        return _headline_region(places, label), len(paragraph) - len(opening) + match.end()
    if not places.may_name_at(opening, 0):
        return None, 0              # most paragraphs: no place name can start the opening
    mentions = places.find_mentions(opening[:20], context=context)
    if not mentions or mentions[0].start != 0:
        return None, 0
    chained = _chain_end(places, mentions, 0)   # 自贡市贡井区妇联
    if opening[mentions[chained].end:mentions[chained].end + 2] != "妇联" \
            or opening.startswith("等", mentions[chained].end + 2):
        return None, 0              # no federation, or the first of a list (泉州市妇联等34个单位)
    lead = _headline_region(places, opening[:mentions[chained].end + 2])
    # A parent or a partner federation opening a paragraph (镇江市妇联到我市调研) is not its subject.
    return (lead if lead is not None and (context is None or places.is_within(lead, context)) else None), 0


def _fact_region(places, text: str, spans: _PlaceSpans, context) -> Region | None:
    """The region of the figure where `context` (a layout.FigureContext) says it stands: the place
    its sentence is about (_sentence_region), raised to the level of a scope word opening its
    clause (_opening_scope)."""
    region = _sentence_region(places, text, spans, context)
    scope = _opening_scope(text, spans, context.start, context.sentence[0], region)
    return region if scope is None else _scope_level(places, region, scope)


def _opening_scope(text: str, spans: _PlaceSpans, start: int, s_start: int, region: Region | None) -> str | None:
    """The level (省, 市, 国 …) of the scope word that opens the clause of the figure at `start`
    ("截至10月底，全市共建成…4120个") or frames it from the clause before ("从全国看，这一覆盖率为…").
    None when there is none, or when a place or the article's own 我区/本区 is named between it and
    the figure (全市共有…，我区建成586个 is the district's)."""
    left = max(clause_around(text, start, start)[0], s_start)
    scope = SCOPE.match(text, left)
    if scope is None and left > s_start and text[left - 1] in "，,：:" \
            and text.find("全", max(s_start, left - _FRAME_CHARS), left) != -1:
        # (the cheap test first: a frame is a short clause holding 全, most clauses before are not)
        scope = SCOPE_FRAME.fullmatch(text, max(clause_around(text, left - 1, left - 1)[0], s_start), left)
    if scope is None and left > s_start and text.find("全", s_start, left) >= 0:
        # 全省共建成…，开展…12.6万场: the later clauses of a sentence go on with its scope's subject
        # until one names a subject of its own.
        for scope in SCOPE.finditer(text, s_start, left):
            pass
        if scope is None:
            # 从全国看，…安排资金3亿元，救助…1.5万名: a frame holds for the clauses after it too
            scope = SCOPE_FRAME.match(text, s_start) if text.startswith(("从", "在", "就"), s_start) else None
        if scope is not None and OWN_SUBJECT.search(text, scope.end(), start):
            scope = None
    if scope is None or scope.end() > start or OWN_PLACE.search(text, scope.end(), start) \
            or spans.mentions(scope.end(), start, region):
        return None
    return scope.group(1)


def _scope_level(places, region: Region | None, level: str) -> Region | None:
    """`region`, or the nearest of its parents a scope word's level names when `region` is below
    it: 全市 in a 区's article is its city's, 全省 the province's; 全区 in a 区's article and 全市 in a
    city's stay. 全国: no region (the country is no gazetteer region)."""
    if level == "国":
        return None
    if region is None or _at_level(region, level):
        return region
    for candidate in reversed(places.chain(region)):
        if _at_level(candidate, level):
            return candidate
    return region


def _sentence_region(places, text: str, spans: _PlaceSpans, context) -> Region | None:
    """The place the sentence of the figure (where `context` says it stands) is about, within its article."""
    start, section = context.start, context.section
    lead, label_end = _paragraph_lead(spans, context.paragraph[0], section)
    base = lead or spans.heading_place(context.headings, section.region) or section.region
    s_start, s_end = context.sentence
    # The label (【宜昌】) made the lead: the sentence's places are those after it.
    s_start = max(s_start, section.start, label_end if lead is not None and label_end <= start else 0)
    s_end = max(s_end, start)
    sentence_mentions = spans.mentions(s_start, s_end, base)
    if not sentence_mentions or sentence_mentions[0].end > start - s_start:
        # Most figures: no place named before them in the sentence. A paragraph that opens with
        # a federation inside the article's region (兰州市妇联…) still yields to a scope word.
        carried = _carried_subject(places, text, spans, context, s_start, base)
        if carried is not None:
            return carried
        if base is section.region or base is None or section.region is None:
            return base
        return _scoped(places, text[s_start:start], (), base, section.region)
    found = [m for m in sentence_mentions if m.end <= start - s_start]
    if lead is not None and base is lead and _opens_with_other_place(places, text, s_start, found, lead, section.region):
        base = section.region   # 郑州市妇联…；洛阳市依托…: a clause that opens with another place is that place's
    framed = _place_frame(places, text, s_start, found)
    if framed is not None:
        base = framed           # 在相邻的惠民县，县妇联…: the sentence is about the place it is set in
    paired = _respectively(places, text, spans, (s_start, s_end), start, found, section.region)
    if paired is not None:
        return paired
    item = _own_place_item(text, spans, start, sentence_mentions, s_start)
    if item >= 0:       # "麒麟区12个、宣威市8个": the places of the figure's own item
        found = [m for m in found if m.start >= item]
        if base is not section.region and section.region is not None and all(
                places.is_within(m.region, section.region) and not places.is_within(m.region, base)
                for m in found):
            base = section.region   # an item about a sibling of the paragraph's opening federation
    clause = text.rfind("其中", s_start, start)
    clause = clause - s_start if clause >= 0 else -1
    # The figures of one sentence after the same places, the same 其中 and in the same list
    # item share the answer.
    # (whether a clause ends after the last place named, and where the last clause with a subject
    # of its own opens: another place's organisation is the subject up to that clause)
    later = -1
    if found and CLAUSE_MARK.search(text, s_start + found[-1].end, start) is not None:
        for subject in LATER_SUBJECT.finditer(text, s_start + found[-1].end, start):
            later = subject.start()
    key = (s_start, s_end, base.code if base else None, len(found), clause, item,
           bool(found) and CLAUSE_MARK.search(text, s_start + found[-1].end, start) is not None, later)
    if key not in spans.regions:
        before = text[s_start:start]
        region = _region_after(places, before, found, clause, base)
        article = section.region
        if region is not None and article is not None and region.code != article.code \
                and places.is_within(region, article):
            region = _scoped(places, before, found, region, article)
        spans.regions[key] = region
    return spans.regions[key]


def _carried_subject(places, text: str, spans: _PlaceSpans, context, s_start: int,
                     base: Region | None) -> Region | None:
    """The subject of the earlier ；-parts of a figure's sentence when its own part names no place:
    "台山市妇联介绍，该市新建…18个；新培育…讲师25名" is 台山市's in an article about a visit from
    elsewhere. None when the earlier parts name no subject other than `base`, or when their place
    stands after a 其中 (全市…，其中甲县12个；全年… is the whole's again)."""
    f_start = max(context.full_sentence_start, context.section.start)
    if base is None or f_start >= s_start:
        return None
    found = spans.mentions(f_start, s_start, base)
    if not found:
        return None
    # read up to the end of the clause of the last place named (截至8月底，台山市已建成…，实现…；)
    clause_end = CLAUSE_MARK.search(text, f_start + found[-1].end, s_start)
    before = text[f_start:clause_end.start() if clause_end else s_start]
    if before.rfind("其中", 0, found[-1].start) >= 0:
        return None
    region = _region_after(places, before, list(found), -1, base)
    return None if region is None or region.code == base.code else region


def _place_frame(places, text: str, s_start: int, found: list) -> Region | None:
    """The place of a clause that only sets where the sentence is ("在相邻的惠民县，…", "在成都，…"),
    written with its suffix, when the sentence opens with it."""
    if not found:
        return None
    last = found[_chain_end(places, found, 0)]
    if not FRAME_BEFORE.fullmatch(text, s_start, s_start + found[0].start) \
            or text[s_start + last.end:s_start + last.end + 1] not in ("，", ",") \
            or last.region.name != text[s_start + last.start:s_start + last.end]:
        return None
    return last.region


def _opens_with_other_place(places, text: str, s_start: int, found: list, lead: Region,
                            article: Region | None) -> bool:
    """Whether the sentence opens with a place (its subject) that is neither the paragraph's
    opening federation `lead` nor above or below it, inside the article's region when it has one."""
    if not found or text[s_start:s_start + found[0].start].strip(" \t\u3000"):
        return False
    region = found[_chain_end(places, found, 0)].region
    return not places.is_within(region, lead) and not places.is_within(lead, region) \
        and (article is None or places.is_within(region, article))


def _own_place_item(text: str, spans: _PlaceSpans, start: int, mentions: list, s_start: int) -> int:
    """Where the figure at `start` opens its item (relative to `s_start`) when it is one item of
    a 、-list in which each figure is written after its own place ("其中麒麟区12个、宣威市8个、
    会泽县9个", "福州市开展2100场、厦门市1650场"): its item and the item next to it each name a
    place before their figure. -1 otherwise: a list of places before one figure (成都、绵阳等地
    培训1200人) or a figure whose item names no place."""
    index = bisect_left(spans.figures, start)
    if index >= len(spans.figures) or spans.figures[index] != start:
        return -1
    quantity = spans.quantities[index]
    clause = clause_around(text, quantity.start, quantity.end)
    own = item_bounds(text, quantity, *clause)
    if not _names_place_before(text, mentions, s_start, own[0], quantity.start):
        return -1
    for neighbour in (index - 1, index + 1):
        if not 0 <= neighbour < len(spans.quantities):
            continue
        other = spans.quantities[neighbour]
        if not clause[0] <= other.start < clause[1]:
            continue
        item = item_bounds(text, other, *clause)
        adjacent = item[1] + 1 == own[0] if neighbour < index else own[1] + 1 == item[0]
        if adjacent and _names_place_before(text, mentions, s_start, item[0], other.start):
            return own[0] - s_start
    return -1


def _names_place_before(text: str, mentions: list, s_start: int, start: int, end: int) -> bool:
    """Whether text[start:end] names a place that is not the first of a list (绵阳等地)."""
    return any(start <= s_start + m.start and s_start + m.end <= end
               and not text.startswith(LIST_AFTER, s_start + m.end) for m in mentions)


def _respectively(places, text: str, spans: _PlaceSpans, sentence: tuple[int, int], start: int,
                  found: list, region: Region | None) -> Region | None:
    """The i-th of the places listed before 分别 for the i-th of the figures after it in its
    clause: "醴陵市、攸县分别有26户、19户" gives 26户 to 醴陵市 and 19户 to 攸县. The list may
    stand in an earlier clause of the sentence when no figure comes between it and 分别
    ("富源县、罗平县超额完成，分别完成任务的112%、108%"). None when the figure follows no 分别,
    or the places and the figures do not pair up one by one, or a place lies outside the
    article's `region`."""
    s_start, s_end = sentence
    mark = text.rfind("分别", s_start, start)
    if mark < 0 or CLAUSE_MARK.search(text, mark, start):
        return None
    clause_end = CLAUSE_MARK.search(text, start, s_end)
    clause_end = clause_end.start() if clause_end else s_end
    # "…发放贷款1.2亿元，扶持创业800人，分别完成…": 分别 spreads over the figures before it.
    earlier = bisect_left(spans.figures, mark) - 1
    opening = s_start if earlier < 0 else max(s_start, spans.quantities[earlier].end)
    listed = []         # (start, end, region) of the places listed before 分别, chains as one
    index = 0
    while index < len(found):
        first = found[index]
        index = _chain_end(places, found, index)
        last = found[index]
        index += 1
        if s_start + first.start < opening or s_start + last.end > mark:
            continue
        if listed and not LIST_SEPARATOR.fullmatch(text, s_start + listed[-1][1], s_start + first.start):
            listed = []     # not the same list
        listed.append((first.start, last.end, last.region))
    figures = spans.figures[bisect_left(spans.figures, mark):bisect_right(spans.figures, clause_end)]
    if len(listed) < 2 or len(listed) != len(figures) or start not in figures:
        return None
    if region is not None and not all(places.is_within(place, region) for _, _, place in listed):
        return None
    return listed[figures.index(start)][2]


def _scoped(places, before: str, found: list, region: Region, base: Region) -> Region:
    """The region of a figure whose sentence names `region` (inside the article's `base`) before
    it, when a scope word opens the figure's clause after that name: 全省 / 全市 / 全县 … name the
    level (the nearest region of that kind from `region` up to `base`), 全国 the whole country
    (the article's region then; a 全国 opening the figure's own clause gives none, _opening_scope)."""
    scope = None
    for scope in SCOPE.finditer(before):
        pass
    if scope is None or any(m.start >= scope.end() and not _ATTRIBUTE_AFTER.match(before, m.end) for m in found):
        return region       # no scope word, or a place named after it is the figure's subject
    level = scope.group(1)
    if level == "国":
        return base
    for candidate in reversed(places.chain(region)):
        if not places.is_within(candidate, base):
            break
        if _at_level(candidate, level):
            return candidate
    return base


# A place named after a scope word as the attribute of a practice (在全市推广建瓯经验) is no subject
# of the figure, as a place that opens its clause is (全市…，其中株洲市…).
_ATTRIBUTE_AFTER = re.compile(r"[“\"]?(?:经验|模式|做法|样板|品牌|典型|方案|路径)")


def _at_level(region: Region, level: str) -> bool:
    """Whether a scope word's level (省, 市, 县 …: 全省, 全市) names `region`."""
    return region.name.endswith(level) or (level == "省" and region.level == "province")


def _parent_subject(places, before: str, mentions: list, index: int, base: Region) -> Region | None:
    """The parent of the article's `base` when its federation, `mentions[index]` (written with
    its own parents: 江西省上饶市妇联), opens a clause of `before` as the subject and the last scope
    word after it names the parent's level: "上饶市妇联还在全市…举办培训班15期" in an article
    about 婺源县 is 上饶市's figure. A parent named without a federation (获评镇江市级示范点) or
    without its scope word (镇江市妇联到我市调研) names no figure of its own."""
    first, last = mentions[index], mentions[_chain_end(places, mentions, index)]
    region = last.region
    if region.code == base.code or not places.is_within(base, region) \
            or not before.startswith(("妇联", "各级妇联"), last.end):
        return None
    opening = before[:first.start].rstrip()
    if opening.endswith("据") and (len(opening) == 1 or opening[-2] in CLAUSE_MARKS):
        opening = opening[:-1]      # 据三明市妇联通报，全市…: the reporting federation speaks for its scope
    if opening and opening[-1] not in CLAUSE_MARKS and not YEAR_OPENING.fullmatch(opening):
        return None     # 落实上饶市妇联部署: the federation is no subject here
    if before.startswith("各级妇联", last.end) and _chain_end(places, mentions, index) == len(mentions) - 1 \
            and not OWN_SUBJECT.search(before, last.end + 4) and not OWN_PLACE.search(before, last.end):
        # 2023年陕西省各级妇联共培训…，发放…: the whole system of the parent is the subject
        return region
    scope = None
    for scope in SCOPE_ANYWHERE.finditer(before, last.end):
        pass
    if scope is None or not _at_level(region, scope.group(1)) \
            or any(m.start >= scope.end() and not _ATTRIBUTE_AFTER.match(before, m.end) for m in mentions):
        return None     # no scope word, another level's, or a place named after it is the subject
    return region


def _chain_end(places, mentions: list, index: int) -> int:
    """The index of the deepest place of the chain `mentions[index]` opens: places written one
    after the other, each inside the one before (江西省上饶市, 宜昌市夷陵区)."""
    while index + 1 < len(mentions) and mentions[index + 1].start == mentions[index].end \
            and places.is_within(mentions[index + 1].region, mentions[index].region):
        index += 1
    return index


def _clause_subject(places, before: str, mentions: list, base: Region) -> Region | None:
    """The place whose federation opens the last clause of `before` that one opens ("遵义市…，
    湄潭县妇联带动…": 湄潭县), when it is the article's region or inside it. Not the first of a list
    (泉州市妇联等 / 甲县妇联、乙县妇联), nor a parent (its figures need its scope word, see
    _parent_subject); a place outside the article's (惠民县妇联开办…46家 in 博兴县's) only in its own
    clause, written in full."""
    later_opening = False       # whether a later clause opens with a place
    for index in range(len(mentions) - 1, -1, -1):
        first = mentions[index]
        opening = before[:first.start].rstrip()
        if opening and opening[-1] not in CLAUSE_MARKS:
            continue
        last = mentions[_chain_end(places, mentions, index)]
        outside = not places.is_within(last.region, base) and not places.is_within(base, last.region) \
            and last.region.name == before[last.start:last.end]
        if opening and last.region.code != base.code and places.is_within(last.region, base) \
                and SUBJECT_AFTER_PLACE_PHRASE.match(before, last.end) and not CLAUSE_MARK.search(before, last.end) \
                and not before.startswith(("妇联",) + LIST_AFTER, last.end):
            return last.region  # 福安市打造…14个，霞浦县培育…260名: a later clause that opens with a place is its
        if outside and before.startswith(SUBJECT_AFTER_PLACE + ("全年",), last.end) \
                and not CLAUSE_MARK.search(before, last.end):
            return last.region  # 截至8月底，台山市已建成…: another place named in full as its clause's subject
        organisation = ORGANISATION.match(before, last.end)
        if organisation is None or before.startswith(("等", "、", "和", "与", "及"), organisation.end()):
            later_opening = later_opening or bool(opening)
            continue
        if places.is_within(last.region, base):
            return last.region
        if outside and (SPEAKS.match(before, organisation.end()) or not CLAUSE_MARK.search(before, last.end)
                        or not later_opening and not LATER_SUBJECT.search(before, organisation.end())):
            # Another place's organisation (a neighbouring county's federation, a partner district's
            # women entrepreneurs) is the subject of its own clause and of the clauses after it up
            # to one with a subject of its own (…，我县开办52家), of its whole sentence when it
            # speaks (台山市妇联介绍，今年以来，该市…).
            return last.region
        return None
    return None


def _region_after(places, before: str, found: list, clause: int, base: Region | None) -> Region | None:
    """The region of a figure preceded by `before`, the rest of its sentence, where the places
    `found` are named; `clause` is where its last 其中 stands in `before` (-1: none)."""
    if clause >= 0 and any(m.start >= clause for m in found):
        found = [m for m in found if m.start >= clause]   # "…全州64期，其中康定市妇联开班9期": the clause's subject
    if base is not None and before.endswith("等"):
        return base     # "仙游县…玉井村妇代会等193个": the places named are examples of the whole region's
    # A place where something is held (在龙岩举办, 在东宁市、绥芬河市试点) is not the figure's subject.
    mentions = _not_where_held(before, found)
    if base is None:
        mentions = [m for m in mentions if not before.startswith(LIST_AFTER, m.end)]
        return mentions[-1].region if mentions else None
    subject = _clause_subject(places, before, mentions, base)
    if subject is not None:
        return subject
    inside = [m.region for m in mentions if m.region.code != base.code and places.is_within(m.region, base)]
    # 成都、绵阳等地: a list of places, the figure is the whole region's. A place written with
    # its parent (自贡市贡井区) is one place, not a list.
    distinct = {r.code for r in inside if not any(o.code != r.code and places.is_within(o, r) for o in inside)}
    if len(distinct) > 1:
        return base
    # The first related place of the sentence is its subject: "宁德市妇联联合蕉城区…" stays
    # with 宁德市, "自贡与重庆江津区…联合举办" goes to 自贡. Partner regions elsewhere are skipped.
    # A chain is its deepest place: 宜昌市夷陵区 under the paragraph label 【宜昌】 is 夷陵区.
    for index, mention in enumerate(mentions):
        last = mentions[_chain_end(places, mentions, index)]
        region = last.region
        if before.startswith(LIST_AFTER, last.end):
            continue    # the first of a list (泉州市妇联等34个单位): the figure is the whole region's
        if places.is_within(base, region):          # the article's region or a parent: stay,
            return _parent_subject(places, before, mentions, index, base) or base   # unless its subject
        if places.is_within(region, base):          # a place inside it
            if before[max(0, mention.start - 2):mention.start].endswith(PARTNER):
                continue
            return region
    return base


def _not_where_held(before: str, found: list) -> list:
    """The mentions that are not places where something is held: after 在/赴/走进…, and the places
    listed right after such a one (在东宁市、绥芬河市)."""
    kept, held_end = [], -1
    for mention in found:
        if before[max(0, mention.start - 2):mention.start].endswith(LOCATIVE) \
                or held_end >= 0 and LIST_SEPARATOR.fullmatch(before, held_end, mention.start):
            held_end = mention.end
        else:
            kept.append(mention)
            held_end = -1
    return kept


def _site_region(places, text: str, sections: list[Section]) -> Region | None:
    """The region of a whole page whose articles are about different places: its publisher's, as
    the page's header or footer names it (甘肃省妇联网, 版权所有：甘肃省妇女联合会, 主办：…妇联), when
    at least half of them are about places inside it; else the region holding them all of the site
    that signs the page's footer or of the newspaper whose masthead opens it (南充日报…第3版). None
    for a page of one article or of one place, whose site is elsewhere, or that nothing signs."""
    regions = [section.region for section in sections]
    if len(sections) < 2 or None in regions or len({region.code for region in regions}) < 2:
        return None
    # The footer after the last article's headline: that headline's 来源 line is the article's.
    footer_lines = page_footer(text[sections[-1].headline_end:])
    # A publisher the page's header or footer names (甘肃省妇联网, 版权所有：甘肃省妇女联合会) owns a page
    # of news mostly from its own region, an article from a neighbouring province among them too (not
    # a page of other provinces' news: 兄弟省份动态).
    publisher = page_publisher(text[sections[0].start:sections[0].title_start], footer_lines)
    owner = _headline_region(places, publisher) if publisher is not None else None
    if owner is not None and 2 * sum(places.is_within(region, owner) for region in regions) >= len(regions):
        return owner
    footer = _OFFICE_ADDRESS.sub("", "\n".join(footer_lines))
    # …or the newspaper whose masthead opens the page (南充日报　2024年11月22日　第3版: 南充市).
    masthead = MASTHEAD.match(text)
    if masthead:
        footer += "\n" + masthead.group(1)
    containers = [mention.region for mention in places.find_mentions(footer)
                  if all(places.is_within(region, mention.region) for region in regions)]
    return max(containers, key=lambda region: len(places.chain(region)), default=None)


# -- entry point ---------------------------------------------------------------------------
def read_section_regions(layout) -> str:
    """Sets `Section.region` of every article of the layout, once per layout (classification asks
    for it too, see indicators.RuleSet._issuer_level); returns the text with each article's dateline
    or byline place blanked out, which the figures' regions are read from."""
    if layout.masked_text is None:
        from fuhe_cli.regions import gazetteer

        places = gazetteer()
        text, filed = _filed_from(places, layout.text, layout.sections)
        # A short page's last lines may hold its byline: where it was filed from names no site.
        footer = layout.footer if text is layout.text else page_footer(text)
        for section, filed_from in zip(layout.sections, filed):
            section.region = _section_region(places, text, section, footer, filed_from)
        layout.masked_text = text
    return layout.masked_text


def attribute_places(layout, quantities: list, contexts: list) -> tuple[Region | None, list[Region | None]]:
    """(the document's region, the region of each quantity, given where it stands: `contexts`,
    its layout.FigureContext); sets `Section.region` of every article of the layout. The document's is its first article's, or — on a site's page of
    articles about several places inside the site's region (_site_region) — the site's."""
    from fuhe_cli.regions import gazetteer

    places = gazetteer()
    text = read_section_regions(layout)
    spans = _PlaceSpans(places, text, quantities)
    fact_regions = []
    for quantity, context in zip(quantities, contexts):
        spans.forget()
        if context.in_related_headline:
            # another article's headline (相关新闻 · 广汉市新建“妇女微家”15个): the place it names
            line_start = text.rfind("\n", 0, quantity.start) + 1
            words = text[line_start:quantity.start].lstrip(BULLETS + " ·•-")
            named = _headline_region(places, words)
            if named is None and OWN_PLACE.search(words):
                named = context.section.region    # 我市评出…: the page's own place
            fact_regions.append(named)
            continue
        fact_regions.append(_fact_region(places, text, spans, context))
    lead = layout.sections[0].region if layout.sections else None
    return _site_region(places, text, layout.sections) or lead, fact_regions
