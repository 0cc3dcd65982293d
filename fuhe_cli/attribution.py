"""Title, date, region and year for a document and for each of its facts.

Works on normalised (simplified) text. A page may hold several articles (a newspaper page, a
digest): it is split at headlines that are followed by a byline, and each article gets its
own region. Inside an article a fact keeps the article's region unless its own sentence names
a place *inside* that region before it (自贡 in a Sichuan report); a parent named next to a
number (镇江市级 in a 扬中市 article) never pulls the fact up.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from fuhe_cli.models import Region

TERMINAL = "。！？!?；;：:…”」』）)"
NAVIGATION = re.compile(r"您所在的位置|当前位置|首页\s*[>＞»/]|^\s*[>＞»]|网站导航|^登录|^注册|^打印|^关闭|^分享到|"
                        r"^字号|^【?\s*(大|中|小)\s*】|^扫一扫|^返回|^上一篇|^下一篇|^责任编辑|^编辑[:：]|^来源[:：]|"
                        r"^发布时间|^发布日期|^作者[:：]|^浏览次数|^点击|^https?://|^www\.|^(本版)?导读$|^第.{1,3}版|^版面|"
                        r"^(今日|本期)?要闻$")
# A byline names its reporters: "□ 本报记者 张某", "中国妇女报全媒体记者任然 发自成都", but not
# "记者从市妇联获悉，" in a body paragraph.
BYLINE = re.compile(r"^\s*(□|■|◎)|^[^，,。]{0,14}(全媒体记者|记者|通讯员|特约撰稿人?)\s*"
                    r"[\u4e00-\u9fff]{2,4}(?:[/、·][\u4e00-\u9fff]{2,4})*(?=\s|$|发自|报道|摄)|"
                    r"^[^，,。]{0,20}发自\S{2,8}")
CREDIT = re.compile(r"/\s*(文|摄|图)\b|／(文|摄|图)|^(图|文|摄影?)\s*[/／:：]|供图$")
DATE_PATTERNS = (
    re.compile(r"(?<!\d)(20\d{2}|19\d{2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)"),
    re.compile(r"(?<!\d)(20\d{2}|19\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"),
)
YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})\s*年(?!代)|(今年|去年|前年|明年|上年度|本年度)")
MONTH_AFTER = re.compile(r"^\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月|^\s*(上|下)半年")
REPORTING_PERIOD = re.compile(r"((?:19|20)\d{2})\s*年(?:度)?[^，,。]{0,12}?(工作总结|工作报告|总结|报告|工作要点|述职)")
SENTENCE_END = re.compile(r"[。！？!?；;\n]")
PARTNER = ("联合", "与", "和", "同", "携手", "会同", "及")
LOCATIVE = ("在", "赴", "到", "往", "至", "来自", "发自", "走进", "来到")


@dataclass
class Section:
    start: int
    end: int
    headline_end: int           # end of the headline block (title lines, byline)
    region: Region | None = None


@dataclass
class Attribution:
    title: str | None
    date: str | None            # ISO yyyy-mm-dd of the document
    region: Region | None
    year: int | None
    fact_regions: list[Region | None] = field(default_factory=list)
    fact_years: list[int | None] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


# -- lines, title, date ---------------------------------------------------------------------
def _lines(text: str) -> list[tuple[int, int, str]]:
    out, offset = [], 0
    for line in text.split("\n"):
        out.append((offset, offset + len(line), line))
        offset += len(line) + 1
    return out


def _is_navigation(line: str, previous: set[str]) -> bool:
    stripped = line.strip()
    if not stripped:
        return True
    if NAVIGATION.search(stripped) or BYLINE.search(stripped) or CREDIT.search(stripped):
        return True
    if _date_in(stripped) and len(re.sub(r"[\d\s:：\-/.年月日()（）]", "", stripped)) <= 6:
        return True             # a bare date/time line
    if stripped in previous:    # site names repeated in a header
        return True
    # A site name: short, ends with 网 / 网站 / 官网, no spaces or punctuation.
    return bool(re.fullmatch(r"[\w·]{2,12}(网|网站|官网|在线|频道|门户|日报|晚报|妇女报|时报|报社)", stripped))


def find_title(text: str) -> str | None:
    seen: set[str] = set()
    for _, _, line in _lines(text)[:40]:
        stripped = line.strip()
        if not _is_navigation(stripped, seen) and re.search(r"[\u4e00-\u9fff]", stripped):
            return stripped
        if stripped:
            seen.add(stripped)
    return None


def _date_in(text: str) -> str | None:
    found = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            year, month, day = (int(group) for group in match.groups())
            if 1 <= month <= 12 and 1 <= day <= 31:
                found.append((match.start(), f"{year:04d}-{month:02d}-{day:02d}"))
    return min(found)[1] if found else None


def find_date(text: str) -> str | None:
    """The document's own date: in the header (first lines), else in the sign-off (last lines)."""
    lines = [line for _, _, line in _lines(text) if line.strip()]
    head = "\n".join(line if len(line) < 80 else line[:40] for line in lines[:12])
    date = _date_in(head)
    if date is None:
        tail = "\n".join(line for line in lines[-3:] if len(line) < 40)
        date = _date_in(tail)
    return date


# -- sections -------------------------------------------------------------------------------
def _is_headline(line: str) -> bool:
    stripped = line.strip()
    return (0 < len(stripped) <= 40 and stripped[-1] not in TERMINAL and not BYLINE.search(stripped)
            and not _is_navigation(stripped, set()) and re.search(r"[\u4e00-\u9fff]", stripped) is not None)


def split_sections(text: str) -> list[Section]:
    """Articles on a page: a block of 1-3 headline lines followed by a byline starts a new one."""
    lines = [entry for entry in _lines(text)]
    nonblank = [index for index, (_, _, line) in enumerate(lines) if line.strip()]
    starts: list[tuple[int, int]] = []       # (start offset, headline end offset)
    for position, index in enumerate(nonblank):
        line = lines[index][2].strip()
        is_byline = bool(BYLINE.search(line[:40]))
        # Photo news: headline, a dated caption, and a credit line soon after.
        is_caption = bool(re.match(r"\d{1,2}月\d{1,2}日", line)) and any(
            CREDIT.search(lines[j][2].strip()) for j in nonblank[position + 1:position + 4])
        if not (is_byline or is_caption) or position == 0:
            continue
        heads = []
        for back in range(position - 1, max(-1, position - 4), -1):
            candidate = lines[nonblank[back]][2]
            if not _is_headline(candidate):
                break
            heads.append(nonblank[back])
        if not heads:
            continue
        first = min(heads)
        start = lines[first][0]
        headline_end = lines[max(heads)][1]
        if starts and starts[-1][0] == start:
            continue
        starts.append((start, headline_end))
    if not starts or starts[0][0] > 0:
        # Whatever precedes the first bylined headline belongs to the first section
        # (a page header, or a single article whose byline we did not see).
        first_end = starts[0][1] if starts and _only_header_before(text, starts[0][0]) else None
        if first_end is not None:
            starts[0] = (0, first_end)
        else:
            starts.insert(0, (0, _header_end(text)))
    sections = []
    for position, (start, headline_end) in enumerate(starts):
        end = starts[position + 1][0] if position + 1 < len(starts) else len(text)
        sections.append(Section(start, end, max(headline_end, start)))
    return sections


def _only_header_before(text: str, offset: int) -> bool:
    """No body text before `offset`: only navigation, site names and short labels."""
    for _, _, line in _lines(text[:offset]):
        stripped = line.strip()
        if len(stripped) > 40 or (stripped and stripped[-1] in "。！？!?；;"):
            return False
    return True


def _header_end(text: str) -> int:
    """End of a single document's title block: the title line and what follows it up to the body."""
    seen: set[str] = set()
    title_seen = False
    for start, end, line in _lines(text)[:40]:
        stripped = line.strip()
        if not stripped:
            continue
        if _is_navigation(stripped, seen):
            seen.add(stripped)
            continue
        if title_seen and (len(stripped) > 40 or stripped[-1] in "。！？"):
            return start
        title_seen = True
        seen.add(stripped)
    return 0


# -- regions -------------------------------------------------------------------------------
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
        if mention.region != chosen and places.is_within(mention.region, chosen):
            chosen = mention.region
    return chosen


def _section_region(places, text: str, section: Section) -> Region | None:
    head = text[section.start:section.headline_end]
    body = text[section.headline_end:section.end]
    chosen = _headline_region(places, head)
    if chosen is None:
        byline = re.search(r"发自(\S{2,6}?)(?=\s|\d|，|,)", body[:200])
        if byline:
            found = places.find_mentions(byline.group(1) + "市")
            chosen = found[0].region if found else None
    if chosen is None:
        chosen = _dominant(places, body)
    sign_off = re.search(r"[（(]\s*(省|自治区)妇联\s*[)）]\s*$", body.strip()[-20:])
    if chosen is not None and sign_off and chosen.level != "province":
        chosen = places.chain(chosen)[0]     # signed by the provincial federation
    return chosen


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



def _sentence_bounds(text: str, index: int) -> tuple[int, int]:
    start = index
    while start > 0 and not SENTENCE_END.match(text[start - 1]):
        start -= 1
    end = index
    while end < len(text) and not SENTENCE_END.match(text[end]):
        end += 1
    return start, end


def _paragraph_lead(places, text: str, index: int, section: Section) -> Region | None:
    """A digest paragraph that opens with its place: 【成都】…, 湖南宁远：…, ▲绵阳市妇联：…"""
    p_start, _ = _paragraph_bounds(text, index)
    if p_start < section.headline_end:
        return None
    opening = text[p_start:p_start + 16].lstrip(" \t▲△■□●◆·-—")
    match = re.match(r"【([^】]{2,12})】|([^，,。：:]{2,12}?)(妇联)?[：:]", opening)
    if not match:
        return None
    label = match.group(1) or match.group(2)
    mentions = places.find_mentions(label, context=section.region)
    return _headline_region(places, label) if mentions else None


def _fact_region(places, text: str, section: Section, start: int) -> Region | None:
    base = _paragraph_lead(places, text, start, section) or section.region
    s_start, _ = _sentence_bounds(text, start)
    s_start = max(s_start, section.start)
    before = text[s_start:start]
    mentions = [m for m in places.find_mentions(before, context=base)
                if not before[max(0, m.start - 2):m.start].endswith(LOCATIVE)]
    if base is None:
        return mentions[-1].region if mentions else None
    inside = {m.region.code for m in mentions if m.region != base and places.is_within(m.region, base)}
    if len(inside) > 1:
        return base        # 成都、绵阳等地: a list of places, the figure is the whole region's
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


# -- years ---------------------------------------------------------------------------------
def _year_mentions(text: str, base_year: int | None):
    """(start, end, year or None, month_follows) for every year expression."""
    out = []
    for match in YEAR.finditer(text):
        if match.group(1):
            year = int(match.group(1))
            after = text[match.end():match.end() + 4]
            if after.startswith(("以来", "来")) or re.match(r"\s*[-—–至到~]\s*(19|20)\d{2}", text[match.end():]):
                continue
            before = text[max(0, match.start() - 1):match.start()]
            if before in "-—–~至到" and before and re.search(r"(19|20)\d{2}\s*[-—–~至到]\s*$",
                                                          text[max(0, match.start() - 8):match.start()]):
                continue
        else:
            word = match.group(2)
            if base_year is None or word == "上年度":
                continue
            if word != "今年" and text[match.end():match.end() + 2] == "以来":
                continue        # 去年以来: a span, not one year
            if text[max(0, match.start() - 1):match.start()] in ("较", "比", "同"):
                continue        # 较去年 is a comparison, not the period of the figure
            year = base_year + {"今年": 0, "本年度": 0, "去年": -1, "前年": -2, "明年": 1}[word]
        month_follows = bool(MONTH_AFTER.match(text[match.end():match.end() + 4]))
        out.append((match.start(), match.end(), year, month_follows))
    return out


def _paragraph_bounds(text: str, index: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, index) + 1
    end = text.find("\n", index)
    return start, len(text) if end < 0 else end


def _fact_year(text: str, start: int, end: int, base_year: int | None, period: int | None) -> int | None:
    s_start, s_end = _sentence_bounds(text, start)
    sentence_years = _year_mentions(text[s_start:s_end], base_year)
    before = [y for y in sentence_years if s_start + y[1] <= start]
    if before:
        return before[-1][2]
    if sentence_years:
        return sentence_years[0][2]
    # A year stated for an event earlier in the paragraph carries over to the sentences that
    # describe it ("举办了2023年…启动仪式。通过…开展20多项活动"), unless it dated a single day
    # or month ("2022年10月份成立", "今年1月").
    p_start, _ = _paragraph_bounds(text, start)
    earlier = _year_mentions(text[p_start:s_start], base_year)
    if earlier and len({y[2] for y in earlier}) == 1 and not any(y[3] for y in earlier):
        return earlier[-1][2]
    return period


def reporting_period(title: str | None) -> int | None:
    if not title:
        return None
    match = REPORTING_PERIOD.search(title)
    return int(match.group(1)) if match else None


# -- entry point ---------------------------------------------------------------------------
def attribute(text: str, quantities: list) -> Attribution:
    from fuhe_cli.regions import gazetteer

    places = gazetteer()
    title = find_title(text)
    date = find_date(text)
    base_year = int(date[:4]) if date else None
    period = reporting_period(title)
    sections = split_sections(text)
    for section in sections:
        section.region = _section_region(places, text, section)
    fact_regions, fact_years = [], []
    for quantity in quantities:
        section = next((s for s in sections if s.start <= quantity.start < s.end), sections[-1])
        fact_regions.append(_fact_region(places, text, section, quantity.start))
        fact_years.append(_fact_year(text, quantity.start, quantity.end, base_year, period))
    lead = sections[0].region if sections else None
    return Attribution(title=title, date=date, region=lead, year=period,
                       fact_regions=fact_regions, fact_years=fact_years, sections=sections)
