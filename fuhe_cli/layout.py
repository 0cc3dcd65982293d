"""The layout of one document: its lines, page furniture, title, date, articles (sections) and
the sentence and paragraph around any offset, worked out once and read by the later stages
(places, periods), as spaCy's `Doc` holds a text's structure for its pipeline components.

Works on normalised (simplified) text. A page may hold several articles (a newspaper page, a
digest): it is split at headlines followed by a byline or a news lead, and each article is a
`Section`; the stages annotate it (`Section.region`).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Container
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate, compress, islice
from typing import NamedTuple

import regex

from fuhe_cli.models import Region

CLOSING_QUOTES = "”」』"
SENTENCE_MARKS = re.compile(r"[。！？!?；;，,]")
TERMINAL = "。！？!?；;：:…”」』）)"
# Page furniture: words that open a navigation line (matched at its start) and words that mark
# it anywhere. Two patterns, not one alternation of both: a search would try every anchored
# alternative at every position (10x slower on long lines).
NAVIGATION_START = re.compile(r"\s*[>＞»]|登录|注册|打印|关闭|分享到|"
                              r"字号|【?\s*(大|中|小)\s*】|扫一扫|返回|上一篇|下一篇|责任编辑|编辑[:：]|来源[:：]|"
                              r"发布时间|发布日期|作者[:：]|浏览次数|点击|https?://|www\.|(本版)?导读$|第.{1,3}版|版面|"
                              r"(今日|本期)?要闻$|首页\s*[|｜]|[^。，,；]{1,30}\s[>＞»]\s|"
                              r"(相关|热点|推荐|最新|延伸|猜你喜欢)[\u4e00-\u9fff]{0,4}$|主办单位?[:：]|承办[:：]")
NAVIGATION_ANYWHERE = re.compile(r"(?=[您当首网版I公])(?:您所在的位置|当前位置|首页\s*[>＞»/]|网站导航|"
                                 r"版权所有|ICP备|公网安备|网站标识码)")
# A dateline under a headline: "发布时间：2024-03-12 来源：XX县妇联 浏览次数：1234",
# "2023-07-04 09:15:26  来源：甘孜州妇联", "（2023年6月20日）". It ends the headline block.
SOURCE_LINE = re.compile(r"^[（(]?\s*(发布时间|发布日期|发稿时间|更新时间|日期|时间|来源|稿源|信息来源|文章来源|作者)\s*[:：]")
# A news item's first words: "本报讯 近日，…", "本报成都电", "人民网长沙3月2日电（刘某）",
# "东南网3月14日讯（记者 …）", "中国妇女报讯（记者 …）", "记者近日从青海省妇联获悉，…". Like a byline,
# they mark the line above as a headline even when no reporter is named: an agency (_NEWS_AGENCY)
# files from a place, with or without the day; any other paper or site (…日报, …网) is a lead
# only with the day, or with 讯 and its byline bracket right after its name.
_NEWS_AGENCY = r"(?:本报|本刊|新华社|中新社|中新网|中国新闻网|人民网|新华网|央视网|央广网|光明网|中国妇女网)"
# any other paper, site or station, by the end of its name
_NEWS_OUTLET = r"[\u4e00-\u9fff]{2,8}?(?:日报|晚报|时报|新闻网|报|网|社|台)"
_LEAD_DAY = r"[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日"
NEWS_LEAD = re.compile(r"^(本报讯|" + _NEWS_AGENCY + r"[\u4e00-\u9fff]{2,8}?(?:" + _LEAD_DAY + r")?电|"
                       + _NEWS_OUTLET + r"(?:[\u4e00-\u9fff]{2,8}?)?" + _LEAD_DAY + r"[电讯]|"
                       r"[\u4e00-\u9fff]{2,8}?(?:日报|晚报|时报|妇女报|报|网)讯(?=[ \u3000]*[（(])|"
                       r"记者(近日|日前|近期|今天|昨天)?从[^，,。]{2,24}?(获悉|了解到))")
# A federation signing off the end of a report: "杭州市妇联", "峨边彝族自治县妇联 2024年1月5日",
# "（泸县妇联供稿）".
SIGN_OFF = re.compile(r"^[（(]?\s*([^\s，,。（()）]{2,24}?妇联)(供稿|宣传部|办公室)?\s*[)）]?"
                      r"[\s\d年月日\-/.]*$")
BULLETS = " \t▲△■□●◆◇★☆·•-—"
BULLET_LINE = re.compile(r"^\s*[·•▪◦●○\-*]")
# A byline names its reporters: "□ 本报记者 张某", "中国妇女报全媒体记者任然 发自成都", but not
# "记者从市妇联获悉，" in a body paragraph.
BYLINE = re.compile(r"^\s*(□|■|◎)|^[^，,。]{0,14}(全媒体记者|记者|通讯员|特约撰稿人?)\s*"
                    r"[\u4e00-\u9fff]{2,4}(?:[/、·][\u4e00-\u9fff]{2,4})*(?=\s|$|发自|报道|摄|[）)])|"
                    r"^[^，,。]{0,20}发自\S{2,8}")
CREDIT = re.compile(r"/\s*(文|摄|图)\b|／(文|摄|图)|^(图|文|摄影?)\s*[/／:：]|供图$")
DATE_PATTERNS = (
    re.compile(r"(?<!\d)(?P<year>20\d{2}|19\d{2})\s*[-/.]\s*(?P<month>\d{1,2})\s*[-/.]\s*(?P<day>\d{1,2})(?!\d)"),
    re.compile(r"(?<!\d)(?P<year>20\d{2}|19\d{2})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"),
    # 27.02.2015 (day first, on some mirror sites)
    re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>20\d{2}|19\d{2})(?![\d.])"),
)
# 截至2023年12月31日: the date figures stand at, not the document's; 今天是：2025年6月18日: a site
# header's clock, the day the page was viewed.
_AS_OF_BEFORE = re.compile(r"(?:截至|截止|截止到|截至到|今天是|今天|今日|当前日期|当前时间)\s*[:：]?\s*$")
HANZI = re.compile(r"[\u4e00-\u9fff]")
SITE_NAME = re.compile(r"[\w·]{2,12}(网|网站|官网|在线|频道|门户|日报|晚报|妇女报|时报|报社)")
CAPTION_DATE = re.compile(r"\d{1,2}月\d{1,2}日")
_DATE_CHARS = re.compile(r"[\d\s:：\-/.年月日()（）]")
# The name a news dateline opens with (新华社, 本报, 南充日报, 东南网): its filing place (places) and
# where a lead's own words start (periods) come after it.
NEWS_SOURCE = r"(?:" + _NEWS_AGENCY + "|" + _NEWS_OUTLET + ")"
# A news lead's dateline and byline (本报成都6月12日讯（记者 周雨桐）, 新华社长沙5月3日电): the lead's
# own words come after it (periods, years).
NEWS_DATELINE = (NEWS_SOURCE + r"[^，。\n]{0,14}?[讯电](?:[ \u3000]*[（(][^）)\n]{0,40}[）)])?[ \u3000]*")
# A newspaper page's masthead line: the paper's name, the day, the page (广西日报　2024年12月5日　星期四　第6版).
MASTHEAD = re.compile(r"[ \t\u3000]*([^\s　]{2,8}(?:日报|晚报|都市报))[ \t\u3000]+(?:19|20)\d{2}\s*年[^\n]{0,30}?第\s*\d+\s*版")
_DATELINE_FURNITURE = re.compile(r"https?://\S+|www\.\S+|[\d\s:：\-/.年月日()（）|｜]")
_DATELINE_WORDS = re.compile(r"来源|发布|浏览|阅读|点击|作者|编辑")
# Every BYLINE match holds one of these (a cheap test first: most lines are body text).
_BYLINE_HINT = re.compile("[□■◎]|记者|通讯员|特约撰稿|发自")
_YEAR_HINT = re.compile(r"(?:20|19)\d{2}")
# A line can open an article (byline, dated caption, news lead) only with one of these in its
# first 40 characters: every BYLINE, CAPTION_DATE and NEWS_LEAD match holds one. (The leading
# lookahead, as in YEAR, lets the engine skip to the characters the alternatives start with.)
# A line that may start an article: a byline, caption or lead hint in its head (_TRIGGER_HINT
# anywhere, written as literals so that re skips to them in C: a dateline's 电 or 讯 too) or a
# lead's opening at its start.
_TRIGGER_HINT = re.compile("□|■|◎|记者|通讯员|特约撰稿|发自|电|讯")
_TRIGGER_START = re.compile(r"\d|本报|新华社|中新社")
CLOSING_SOURCE = re.compile(r"^[（(]\s*(来源|稿源|信息来源|文章来源)\s*[:：][^）)]{2,30}[）)]$")
SENTENCE_END = re.compile(r"[。！？!?；;\n]")


@dataclass
class Section:
    start: int
    end: int
    headline_end: int           # end of the headline block (title lines, dateline)
    title_start: int = 0        # where the headline itself starts (after a page header)
    region: Region | None = None


# -- lines, title, date ---------------------------------------------------------------------
def text_lines(text: str) -> list[tuple[int, int, str]]:
    out, offset = [], 0
    for line in text.split("\n"):
        out.append((offset, offset + len(line), line))
        offset += len(line) + 1
    return out


_NOTHING_SEEN: frozenset[str] = frozenset()


def _is_navigation(line: str, previous: Container[str] = _NOTHING_SEEN) -> bool:
    stripped = line.strip()
    if not stripped:
        return True
    return BYLINE.search(stripped) is not None or _is_furniture(stripped, previous)


def _is_furniture(stripped: str, previous: Container[str] = _NOTHING_SEEN) -> bool:
    """Navigation other than a byline, for a stripped, non-empty line (_is_headline has
    looked for the byline already)."""
    if NAVIGATION_START.match(stripped) or NAVIGATION_ANYWHERE.search(stripped) or CREDIT.search(stripped):
        return True
    if date_in(stripped) and len(_DATE_CHARS.sub("", stripped)) <= 6:
        return True             # a bare date/time line
    if stripped in previous:    # site names repeated in a header
        return True
    # A site name: short, ends with 网 / 网站 / 官网, no spaces or punctuation.
    return bool(SITE_NAME.fullmatch(stripped))


_TITLE_LENGTH = 80


def find_title(text: str) -> str | None:
    """The headline: the block of headline lines right above the first byline or dateline, when
    only page furniture precedes it (a sidebar of other headlines is skipped); else the first
    line that is not navigation."""
    lines = [line.strip() for _, _, line in text_lines(text[:20000])[:60] if line.strip()][:40]
    for position, line in enumerate(lines):
        if position and (_is_dateline(line) or BYLINE.search(line[:40])):
            block = _headline_block(lines, position)
            if block is not None:
                return lines[block]
        if len(line) > 40 or line[-1] in "。！？!?；;":
            break               # body text reached
    seen: set[str] = set()
    for line in lines:
        if not _is_navigation(line, seen) and not BULLET_LINE.match(line) and HANZI.search(line):
            # (a page that opens with its body has no headline: its first paragraph is no title)
            return None if len(line) > _TITLE_LENGTH or line[-1] == "。" else line
        seen.add(line)
    return None


def _headline_block(lines: list[str], position: int) -> int | None:
    """Index of the first of the 1-3 headline lines just above lines[position], if any. A numbered
    heading (一、… （一）… 1.…) heads a part of the report it stands in: no headline of another."""
    first = None
    for back in range(position - 1, max(-1, position - 4), -1):
        if not _is_headline(lines[back]) or HEADING.match("\n" + lines[back]):
            break
        first = back
    return first


def _is_dateline(line: str) -> bool:
    """A source/date line under a headline (发布时间：… 来源：…, a bare date, （2023年6月20日）)."""
    stripped = line.strip()
    if not stripped or len(stripped) > 120 or stripped[-1] in "。！？；":
        return False
    if SOURCE_LINE.match(stripped):
        return True
    if date_in(stripped) is None:
        return False
    rest = _DATELINE_FURNITURE.sub("", stripped)
    return len(rest) <= 6 or _DATELINE_WORDS.search(rest) is not None


def date_in(text: str) -> str | None:
    if _YEAR_HINT.search(text) is None:
        return None             # both date patterns start with a year
    found = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            year, month, day = (int(match.group(name)) for name in ("year", "month", "day"))
            if 1 <= month <= 12 and 1 <= day <= 31 and not _AS_OF_BEFORE.search(text, max(0, match.start() - 6),
                                                                               match.start()):
                found.append((match.start(), f"{year:04d}-{month:02d}-{day:02d}"))
    return min(found)[1] if found else None


def find_date(text: str) -> str | None:
    """The document's own date: in the header (first lines), else in the sign-off (last lines)."""
    lines = text.split("\n")
    first = list(islice((line for line in lines if line.strip()), 12))
    head = "\n".join(line if len(line) < 80 else line[:40] for line in first)
    date = date_in(head)
    if date is None:
        last = list(islice((line for line in reversed(lines) if line.strip()), 3))[::-1]
        tail = "\n".join(line for line in last if len(line) < 40)
        date = date_in(tail)
    return date


# -- sections -------------------------------------------------------------------------------
_TITLE_PERIOD_BRACKET = re.compile(r"[（(]\s*(?:19|20)\d{2}\s*(?:年\s*)?(?:[—–\-~至]+\s*(?:19|20)\d{2}\s*年?|年度?)\s*[)）]$")


def _is_headline(line: str) -> bool:
    stripped = line.strip()
    if stripped and stripped[-1] in CLOSING_QUOTES and not SENTENCE_MARKS.search(stripped):
        stripped = stripped.rstrip(CLOSING_QUOTES)   # 解放碑商圈的“妈妈岗”: a quoted name ends it
    period = _TITLE_PERIOD_BRACKET.search(stripped)
    if period is not None and period.start() >= 4:
        stripped = stripped[:period.start()]       # …行动计划（2024—2027年）: a plan's period closes it
    # (BYLINE finds the same in `stripped` as in its stripped form: none of its matches hangs on
    # trailing space, which its closing lookahead reads like the end.)
    return (0 < len(stripped) <= 40 and stripped[-1] not in TERMINAL and not BYLINE.search(stripped)
            and not _is_furniture(stripped.strip()) and HANZI.search(stripped) is not None)


def split_sections(text: str) -> list[Section]:
    """Articles on a page. A block of 1-3 headline lines starts a new one when a byline, a news
    lead (NEWS_LEAD), a dateline (发布时间/来源) or a dated photo caption follows it, whatever words
    the headline holds (no numbered heading is one, see _headline_block); on a digest of bare headlines,
    each headline that opens with a place (渝北区妇联…, 万州区：…) starts one."""
    # A page may have 100k lines: their offsets are summed and blank ones dropped in C, and the
    # (start, end, line) tuples are made only for the few lines that start an article.
    parts = text.split("\n")
    offsets = list(accumulate(map((1).__add__, map(len, parts)), initial=0))
    stripped_all = list(map(str.strip, parts))
    nonblank = list(compress(range(len(parts)), stripped_all))
    stripped_lines = list(filter(None, stripped_all))

    def line_at(index: int) -> tuple[int, int, str]:
        return offsets[index], offsets[index] + len(parts[index]), parts[index]

    lines = _LazyLines(line_at, len(parts))

    starts: list[tuple[int, int, int]] = []       # (start offset, headline end offset, title start)
    # The first line has no headline above it.
    for position, line in islice(enumerate(stripped_lines), 1, None):
        # Most lines are body text or headlines: no byline, caption or lead hint in the head,
        # so only a dateline could start an article there (none ends with a sentence mark).
        if _TRIGGER_START.match(line, 0, 40) is None and _TRIGGER_HINT.search(line, 0, 40) is None:
            if line[-1] in "。！？；" or not _is_dateline(line):
                continue
            is_byline = is_lead = False
        else:
            head = line[:40]
            is_byline = _BYLINE_HINT.search(head) is not None and BYLINE.search(head) is not None
            # Photo news: headline, a dated caption, and a credit line soon after.
            is_caption = bool(CAPTION_DATE.match(line)) and any(
                CREDIT.search(following) for following in stripped_lines[position + 1:position + 4])
            lead = NEWS_LEAD.match(line)
            # "记者从市妇联获悉" inside one article is reporting, not a new item: it must name a place.
            is_lead = lead is not None and (not lead.group().startswith("记者")
                                            or bool(_gazetteer().find_mentions(lead.group())))
            if not (is_byline or is_caption or is_lead or _is_dateline(line)):
                continue
        first = _headline_block(stripped_lines, position)
        if first is None and CLOSING_SOURCE.match(line):
            first = _closed_item_start(stripped_lines, position)
            if first is not None:
                start = lines[nonblank[first]][0]
                if not starts or starts[-1][0] != start:
                    starts.append((start, lines[nonblank[first]][1], start))
                continue
        if first is None:
            continue
        start = lines[nonblank[first]][0]
        if starts and starts[-1][0] == start:
            continue
        # Dateline lines under the headline belong to its block (来源：XX妇联 names the author).
        last = position - 1
        while last + 1 < len(stripped_lines) and _is_dateline(stripped_lines[last + 1]):
            last += 1
        if last + 1 == len(stripped_lines) and not is_lead and not is_byline:
            continue            # "杭州市妇联 / 2023年12月20日" closing the page: a sign-off
        starts.append((start, lines[nonblank[last]][1], start))
    if not starts:
        starts = _bare_headline_starts(lines, nonblank, stripped_lines)
    if not starts or starts[0][0] > 0:
        # Whatever precedes the first headline belongs to the first section
        # (a page header, or a single article whose byline we did not see).
        if starts and _only_header_before(text, starts[0][0]):
            starts[0] = (0, starts[0][1], starts[0][2])
        else:
            title_start, header_end = _header_end(text)
            starts.insert(0, (0, header_end, title_start))
    sections = []
    for position, (start, headline_end, title_start) in enumerate(starts):
        end = starts[position + 1][0] if position + 1 < len(starts) else len(text)
        sections.append(Section(start, end, max(headline_end, start), title_start=title_start))
    # A dated page header ("城市妇联工作动态 / 2024年5月20日 第3版") over the first article is no
    # article of its own: it has no body, so it joins the article below it.
    while len(sections) > 1 and not text[sections[0].headline_end:sections[0].end].strip():
        following = sections.pop(1)
        sections[0] = Section(0, following.end, following.headline_end, title_start=following.title_start)
    return sections


class _LazyLines:
    """The (start, end, line) of a page's lines, made on access."""

    def __init__(self, line_at, count: int):
        self._line_at, self._count = line_at, count

    def __getitem__(self, index: int) -> tuple[int, int, str]:
        return self._line_at(index)

    def __len__(self) -> int:
        return self._count


def _closed_item_start(lines: list[str], position: int) -> int | None:
    """A short item closed by "（来源：…）": its headline is the line above its one or two body
    paragraphs, itself just after another item's body (a line ending a sentence)."""
    for first in range(position - 2, max(0, position - 4), -1):
        if _is_headline(lines[first]) and lines[first - 1][-1] in TERMINAL \
                and not any(_is_headline(line) for line in lines[first + 1:position]):
            return first
    return None


def _gazetteer():
    from fuhe_cli.regions import gazetteer

    return gazetteer()


def _bare_headline_starts(lines, nonblank, stripped_lines) -> list[tuple[int, int, int]]:
    """Headlines of a digest without bylines: a short line between body paragraphs that opens
    with a place. Two at least, or it is a report's own heading."""
    places = _gazetteer()
    found = []
    for position, line in enumerate(stripped_lines[:-1]):
        following = stripped_lines[position + 1]
        previous = stripped_lines[position - 1] if position else ""
        if not _is_headline(line) or not (len(following) > 40 or following[-1] in TERMINAL):
            continue
        if previous and previous[-1] not in TERMINAL and not _is_navigation(previous):
            continue            # inside a headline block or a list
        opening = line.lstrip(BULLETS)
        mentions = places.find_mentions(opening[:16])
        # It opens with a place, or with a federation behind a name the gazetteer does not hold
        # (兵团第八师石河子市妇联：…), not behind a heading number (二、XX县妇联…).
        if not mentions or (mentions[0].start != 0 and (
                opening[mentions[0].end:mentions[0].end + 2] != "妇联"
                or not re.fullmatch(r"[\u4e00-\u9fff]{1,8}", opening[:mentions[0].start]))):
            continue
        index = nonblank[position]
        found.append((lines[index][0], lines[index][1], lines[index][0]))
    return found if len(found) >= 2 else []


def _only_header_before(text: str, offset: int) -> bool:
    """No body text before `offset`: only navigation, site names and short labels."""
    for _, _, line in text_lines(text[:offset]):
        stripped = line.strip()
        if len(stripped) > 40 or (stripped and stripped[-1] in "。！？!?；;"):
            return False
    return True


def _header_end(text: str) -> tuple[int, int]:
    """(title start, end) of a single document's title block: the title line and what follows
    it up to the body. Page furniture and sidebar lists before the title are not part of it."""
    seen: set[str] = set()
    title_start = None
    for start, end, line in text_lines(text[:20000])[:40]:
        stripped = line.strip()
        if not stripped:
            continue
        if _is_navigation(stripped, seen) or (title_start is None and BULLET_LINE.match(stripped)):
            seen.add(stripped)
            continue
        if title_start is not None and (len(stripped) > 40 or stripped[-1] in "。！？"):
            return title_start, start
        if title_start is None:
            title_start = start
        seen.add(stripped)
    return 0, 0


# -- furniture ------------------------------------------------------------------------------
def furniture_lines(lines: list[str]) -> list[str]:
    """The navigation and site-name lines among `lines`. Bylined body paragraphs ("本报讯（通讯员
    X）百色市妇联…。") are no furniture."""
    return [line for line in lines if _is_navigation(line.strip()) and not BULLET_LINE.match(line)
            and not line.strip().endswith(("。", "！", "？"))]


# Who publishes a page, as its header or footer names it: a site named after its federation (甘肃省妇联网)
# or the owner its furniture gives (版权所有：甘肃省妇女联合会, 主办：…妇联, 主办单位：…).
PUBLISHER = re.compile(r"(?:版权所有|主办单位|主办|承办单位)\s*[:：]?\s*(?:©|\(c\)|（c）)?\s*"
                       r"([\u4e00-\u9fff]{2,16}?(?:妇联|妇女联合会))"
                       r"|([\u4e00-\u9fff]{2,12}?(?:妇联|妇女联合会))(?:门户网站|网站|官网|网|门户)")
_PAGE_END = re.compile(r"版权所有|ICP备|[Cc]opyright|©|主办")


def page_publisher(header: str, footer: list[str]) -> str | None:
    """The federation that publishes a page (甘肃省妇联), named by its footer's copyright lines or,
    under such a footer, by the `header` above its first headline (甘肃省妇联网　首页 > …); `footer`:
    page_footer's lines. None for a page no copyright line closes: a list cut out of a site
    (重庆市妇联网 > 区县动态 over district items) is no whole page of the site's."""
    signed = [line for line in footer if _PAGE_END.search(line)]
    if not signed:
        return None
    for line in signed + [line for _, _, line in text_lines(header)]:
        match = PUBLISHER.search(line)
        if match:
            return match.group(1) or match.group(2)
    return None


def page_footer(text: str) -> list[str]:
    """The furniture lines among the page's last lines: the same for every section, so found once."""
    return furniture_lines([line for _, _, line in text_lines(text[-400:])[-8:]])


# A numbered heading: 一、 / 第一部分 (level 1), （一） (level 2), 1. / （1） (level 3). Its words run to
# the line's end or its first sentence mark ("（一）强化思想引领。全年开展…" heads a paragraph).
# (an appendix, 附：… / 附件1：…, is a part of its own: the sections before it do not hold over it)
HEADING = re.compile(r"\n[ \t\u3000]*(?:(?P<one>[一二三四五六七八九十]{1,3}[、.．]|第[一二三四五六七八九十]{1,3}(?:部分|章|节)|"
                     r"附(?:件|表)?\s*\d{0,2}\s*[:：])|"
                     r"(?P<two>[（(][一二三四五六七八九十]{1,3}[)）])|(?P<three>\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[)）]))")
HEADING_LENGTH = 40
FULL_SENTENCE_END = re.compile(r"[。！？!?\n]")


@dataclass(frozen=True)
class Heading:
    start: int
    end: int            # end of the heading's words
    level: int          # 1 (一、) … 3 (1.); 4: a list's lead (LIST_LEAD)
    reach: int | None = None    # a list lead holds over its items only, up to here


# A paragraph ending in a colon that the items of an unnumbered list follow ("全市各级妇联要重点抓好
# 以下工作：" / "一是…" "二是…"): the lead says what its items are — its time, a plan — as a heading would.
# (numbered items, （一） or 1., are headings themselves, under the heading above them)
LIST_ITEM = re.compile(r"[ \t\u3000]*(?:[一二三四五六七八九十]是|第[一二三四五六七八九十][，,、]|[①-⑳])")
LIST_LEAD = re.compile(r"\n([^\n]{6,120}[：:])[ \t\u3000]*(?=\n" + LIST_ITEM.pattern + ")")
# The line break before an item line: a lead is the line before one (see list_leads).
_ITEM_LINE_BREAK = re.compile(r"\n(?=" + LIST_ITEM.pattern + ")")


def list_leads(text: str) -> list[re.Match]:
    """LIST_LEAD.finditer(text), found from the item lines after the leads: a match holds no line
    break but its first character and ends at the line break before an item line, so each match
    is LIST_LEAD.match at the line break before one (item lines are few; trying the lead's
    6-120 characters at every line break cost more than the rest of the headings)."""
    out = []
    for item in _ITEM_LINE_BREAK.finditer(text):
        line_break = text.rfind("\n", 0, item.start())
        if line_break >= 0 and (match := LIST_LEAD.match(text, line_break)) is not None:
            out.append(match)
    return out


# -- a text layer wrapped at a width (a PDF's, a fixed-width file's) ---------------------------
# A page's number on a line of its own: — 3 —, - 3 -, 第3页, 第3页 共12页, 3/12.
PAGE_NUMBER = re.compile(r"[ \t\u3000]*(?:[—–\-－]+[ \t\u3000]*\d{1,4}[ \t\u3000]*[—–\-－]+|"
                         r"第[ \t\u3000]*\d{1,4}[ \t\u3000]*页(?:[ \t\u3000]*[/，,]?[ \t\u3000]*共[ \t\u3000]*\d{1,4}[ \t\u3000]*页)?|"
                         r"\d{1,4}[ \t\u3000]*/[ \t\u3000]*\d{1,4})[ \t\u3000]*")
_WRAP_SENTENCE_END = "。！？!?；;：:…"
_RUNNING_HEADER_LENGTH = 30
# The first character of a line that goes on with the sentence above it (no indent, bullet or emoji).
_CONTINUATION = re.compile(r"[\u4e00-\u9fff0-9A-Za-z“‘（(《〈、，,。；：！？”’）)%]")


def _width(line: str) -> int:
    """A line's printed width: two for a CJK (wide) character, one for an ASCII one."""
    return 2 * len(line) - len(line.encode("ascii", "ignore"))


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip(CLOSING_QUOTES)
    return not stripped or stripped[-1] in _WRAP_SENTENCE_END


def wrapped_line_breaks(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each line break inside a sentence of a text wrapped at a width, as a
    PDF's text layer is (发放“巾\\n帼贷”…, 开展讲座不少于\\n15场), with any page furniture between the
    halves (\\n— 1 —\\n远安县妇联工作简报\\n): normalise drops them, so that the number grammar, the
    indicator rules and the layout read the sentence whole (the offset map keeps the file's lines).

    A text is wrapped when most of its full lines (at least 4/5 of the usual longest width) end
    without a sentence mark; in it, a full line that ends without one (。！？；： and closing quotes
    after them) goes on in the next line, unless that line opens a heading or an item, is indented
    (a new paragraph), or either is a table row. A page number (PAGE_NUMBER) or a short line
    repeated in the text (a running header or footer) between the halves, and blank lines beside
    them, are furniture: neither paragraph break nor text. A report whose lines are paragraphs
    (ending with 。) or short headings has no such breaks."""
    if text.count("\n") < 5:
        return []
    parts = text.split("\n")
    ends = [part.rstrip() for part in parts]
    widths = [_width(line) for line in ends]
    body = sorted(width for width in widths if width)
    if len(body) < 6:
        return []
    usual = body[int(0.9 * (len(body) - 1))]
    if not 24 <= usual <= 160:
        return []
    full = [number for number, width in enumerate(widths) if width >= 0.8 * usual]
    open_lines = [number for number in full if not _ends_sentence(ends[number])]
    # (a list, a feed or a page of links has open lines of any length; a wrapped text's are full)
    half_open = sum(1 for number, width in enumerate(widths) if width > usual // 2 and not _ends_sentence(ends[number]))
    if len(open_lines) < 4 or 2 * len(open_lines) < len(full) or 10 * len(open_lines) < 9 * half_open:
        return []
    counts: dict[str, int] = {}
    for line in ends:
        line = line.strip()
        if 0 < len(line) <= _RUNNING_HEADER_LENGTH and not _ends_sentence(line):
            counts[line] = counts.get(line, 0) + 1
    offsets = list(accumulate(map((1).__add__, map(len, parts)), initial=0))
    out = []
    for number in open_lines:
        if len(line_cells(ends[number], 0, len(ends[number]))) > 1:
            continue
        following, furniture, blank = number + 1, False, False
        while following < len(parts):
            line = ends[following].strip()
            if not line:
                blank = True
            elif PAGE_NUMBER.fullmatch(line) or counts.get(line, 0) >= 2:
                furniture = True
            else:
                break
            following += 1
        if following == len(parts) or (blank and not furniture):
            continue
        after = parts[following]
        if not _CONTINUATION.match(after) or HEADING.match("\n" + after) or LIST_ITEM.match(after) \
                or len(line_cells(after, 0, len(after))) > 1:
            continue            # an indented, bulleted or numbered line, or a row, starts anew
        out.append((offsets[number] + len(ends[number]), offsets[following]))
    return out


# -- the spans indicator rules read: a report's title line and an item's heading sentence -----
# (regex, not re: the rules' other spans use it too and the patterns must match alike)
_TITLE_LINE = regex.compile(r"\s*([^\n，。；：,;:]{4,40})\n")
_FIRST_SECTION = regex.compile(r"\n[ \t\u3000]*[一二三四五六七八九十]+、")
_ITEM_SENTENCE_END = re.compile("[。；;！!？?]")
_ITEM_MARK = re.compile(r"\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[)）]|[0-9]+[、.．])\s*")
_ITEM_HEADING_CHARS = 24
_DIGIT = re.compile(r"[0-9]")


def title_line(text: str) -> tuple[int, int] | None:
    """(start, end) of a text's title line — its first line, short and with no clause punctuation."""
    found = _TITLE_LINE.match(text)
    return None if found is None else found.span(1)


def title_span(text: str) -> tuple[int, int, int] | None:
    """(start, end) of a report's title — its first line, short and with no clause punctuation —
    and where its first numbered section (一、…) starts; None when it has no such title or section."""
    found = _TITLE_LINE.match(text)
    if found is None:
        return None
    section = _FIRST_SECTION.search(text, found.end() - 1)
    return (*found.span(1), section.start()) if section else None


def heading_span(text: str, quantity) -> tuple[int, int] | None:
    """Where an item's heading sentence is, when the quantity's line opens with one."""
    line_start = text.rfind("\n", 0, quantity.start) + 1
    found = _ITEM_SENTENCE_END.search(text, line_start, min(quantity.start, line_start + _ITEM_HEADING_CHARS + 8))
    if found is None:
        return None
    marker = _ITEM_MARK.match(text, line_start, found.start())
    heading_start = marker.end() if marker else line_start
    if found.start() - heading_start > _ITEM_HEADING_CHARS or _DIGIT.search(text, heading_start, found.start()):
        return None
    return heading_start, found.start()


# A label over a list of other articles' headlines at a page's side or foot.
_RELATED_LABEL = re.compile(r"\n[ \t\u3000]*(?:相关新闻|相关阅读|相关链接|相关文章|相关报道|相关推荐|更多阅读|精彩推荐|推荐阅读|延伸阅读|热点排行|热门文章|热点新闻|"
                            r"往期回顾|最新文章|猜你喜欢)[ \t\u3000:：]*(?=\n)")

# -- tables flattened to text ----------------------------------------------------------------
_CELL_BREAK = re.compile(r"[|｜\t]|\u3000{2,}|(?<=\S) {2,}(?=\S)")
_TABLE_REACH = 200
_ROW_REACH = 1000


# A form's particular, "label：value" (填报单位：某市妇联, 填报日期：2025年7月5日).
_PARTICULAR = re.compile(r"[^：:\n]{2,8}[：:]\S")


def line_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) of each cell of the line text[start:end] (one cell when it is no row)."""
    line = text[start:end]
    if "\t" not in line and "|" not in line and "｜" not in line and "\u3000\u3000" not in line and "  " not in line:
        return [(start, end)]
    cells, left = [], start
    for gap in _CELL_BREAK.finditer(text, start, end):
        if gap.start() > left:
            cells.append((left, gap.start()))
        left = gap.end()
    if end > left:
        cells.append((left, end))
    return cells


# A table row's ordinal cell (序号: 1, 2.1, 一、, （3）) before its label, and a cell that is only a
# figure (92.8, ≥95, -4.6, 18.7%): neither names what the row measures.
_ORDINAL_CELL = regex.compile(r"[0-9]{1,3}(?:\.[0-9]{1,2})?[.、]?|[一二三四五六七八九十]{1,3}、?|[（(][0-9一二三四五六七八九十]{1,3}[)）]")
_FIGURE_CELL = regex.compile(r"[≥≤<>+\-]?[0-9][0-9.,]*[%‰]?")


def row_label(text: str, cells: list[tuple[int, int]]) -> tuple[int, int] | None:
    """(start, end) of the label of a table row, given its cells: the text cells from the first
    one (an ordinal 序号 cell before it aside) up to the row's unit cell or first figure cell
    ("2|适龄妇女宫颈癌筛查率|%|55.0|71.4|≥70" → 适龄妇女宫颈癌筛查率; "妇女培训|农村妇女技能培训|人次|…"
    → both cells). A cell is about its row's label whatever its column, so the indicator and the
    stock/flow words of every cell are read from it, not from the raw row text before the cell,
    which from the third cell on no longer reaches the label. None when the row has no such label."""
    from fuhe_cli.numbers import is_unit_cell

    first = last = None
    for number, (start, end) in enumerate(cells):
        cell = text[start:end].strip(" \u3000|｜")
        if not cell:
            continue
        if _FIGURE_CELL.fullmatch(cell) and (first is not None or number + 1 >= len(cells)
                                             or not _ORDINAL_CELL.fullmatch(cell)):
            break                           # the first figure: the label, if any, is behind it
        if is_unit_cell(cell):
            break
        if first is None and _ORDINAL_CELL.fullmatch(cell):
            continue
        if first is None:
            first = start
        last = end
    return (first, last) if first is not None else None


def row_label_at(text: str, index: int) -> tuple[int, int] | None:
    """row_label of the line holding `index`, when `index` stands right of it (no Layout at hand:
    Layout.row_label keeps the answer per row)."""
    line_start = text.rfind("\n", 0, index) + 1
    line_end = text.find("\n", index)
    cells = line_cells(text, line_start, len(text) if line_end < 0 else line_end)
    label = row_label(text, cells) if len(cells) >= 2 else None
    return label if label is not None and label[1] <= index else None


# -- the layout object ----------------------------------------------------------------------
class FigureContext(NamedTuple):
    """Where one figure stands in the layout, asked once per figure (Layout.figure_context) and
    read by places, years and periods alike: each stage used to ask the layout again for the
    same sentence, paragraph, article and headings (about ten calls a figure)."""

    start: int
    section_index: int                      # of Layout.sections
    section: Section
    sentence: tuple[int, int]               # Layout.sentence
    paragraph: tuple[int, int]              # Layout.paragraph
    full_sentence_start: int
    headings: tuple[Heading, ...]           # Layout.headings_above, nearest first
    column_header: tuple[int, int] | None   # Layout.column_header
    in_related_headline: bool
    row_label: tuple[int, int] | None = None   # Layout.row_label: the label cell(s) of its table row


class Layout:
    """One document's structure as offsets into its text, built once: title, date, articles,
    the furniture lines at the page's foot, and the sentence / paragraph / article around an
    offset. Bounds are found from the offset outwards within a window, so asking costs the same
    in a 5 MB file as in a short one; a "sentence" or "paragraph" without breaks for thousands of
    characters (a table dump) is cut to a window around the offset, aligned so that neighbouring
    offsets share it."""

    WINDOW = 400
    STEP = 200

    def __init__(self, text: str):
        self.text = text
        self.title = find_title(text)
        self.date = find_date(text)            # ISO yyyy-mm-dd, or None
        self.sections = split_sections(text)
        self.section_starts = [section.start for section in self.sections]
        self.footer = page_footer(text)
        # The last sentence break before an index is the first one after it in the reversed
        # text: a forward regex search finds it without listing every break of the text.
        self.reversed = text[::-1]
        self._table_tops: dict[int, tuple[int, int]] = {}   # per row's start: (its table's top row, depth)
        self._heading_chains: dict[int, tuple[Heading, ...]] = {}   # per heading: headings_above
        self._last_line_cells: tuple[int, int, list] = (-1, -1, [])  # (start, end, line_cells) of the last line read
        self._row_labels: dict[int, tuple[int, int] | None] = {}   # per row's start: row_label
        # set by places.read_section_regions with each Section.region: the text with datelines blanked
        self.masked_text: str | None = None

    @cached_property
    def headings(self) -> list[Heading]:
        """The numbered headings, in text order."""
        text = "\n" + self.text          # a heading on the first line, too (offsets shift by one)
        out = []
        for match in HEADING.finditer(text):
            start = match.start() + 1
            line_end = text.find("\n", start)
            line_end = len(text) if line_end < 0 else line_end
            mark = FULL_SENTENCE_END.search(text, match.end(), line_end)
            end = mark.start() if mark else line_end
            if end - start <= HEADING_LENGTH:
                level = 1 if match.group("one") else 2 if match.group("two") else 3
                out.append(Heading(start - 1, end - 1, level))
        if "是" in self.text or "第" in self.text or "①" in self.text:
            out.extend(self._list_leads(text))
            out.sort(key=lambda heading: heading.start)
        return out

    def _list_leads(self, text: str) -> list[Heading]:
        """The leads of unnumbered lists (LIST_LEAD) in `text` ("\n" + the document), each reaching
        over the run of item lines after it."""
        out = []
        for match in list_leads(text):
            reach = match.end()
            while reach < len(text) and LIST_ITEM.match(text, reach + 1):
                line_end = text.find("\n", reach + 1)
                reach = len(text) if line_end < 0 else line_end
            out.append(Heading(match.start(1) - 1, match.end(1) - 1, 4, reach - 1))
        return out

    @cached_property
    def related_headlines(self) -> list[tuple[int, int]]:
        """(start, end) of each line listed under a "related news" label (相关新闻, 推荐阅读, 热点排行 …):
        other articles' headlines, whose figures belong to those articles, not to this page's."""
        text, out = self.text, []
        for label in _RELATED_LABEL.finditer(text):
            position = label.end()
            while position < len(text):
                end = text.find("\n", position + 1)
                end = len(text) if end < 0 else end
                line = text[position:end].strip()
                if not line and position == label.end():
                    position = end      # (a blank line between the label and its list: <h4>相关文章</h4>\n<ul>)
                    continue
                if not line or _RELATED_LABEL.fullmatch("\n" + line) or len(line) > 80:
                    break
                out.append((position, end))
                position = end
        return out

    def in_related_headline(self, index: int) -> bool:
        spans = self.related_headlines
        if not spans:
            return False
        position = bisect_right(spans, (index, float("inf"))) - 1
        return position >= 0 and spans[position][0] <= index < spans[position][1]

    def column_header(self, index: int) -> tuple[int, int] | None:
        """(start, end) of the header cell above the table cell holding `index` — the top row
        of its table (cells split by tabs, bars or runs of two full-width spaces; a line without
        such breaks ends the table) — or None when `index` is in no table or in its header row."""
        line = self._line_cells(index)
        if line is None:
            return None
        line_start, cells = line
        if len(cells) < 2:
            return None
        column = next((n for n, (start, end) in enumerate(cells) if start <= index < end), None)
        if column is None:
            return None
        header = self._table_top(line_start)
        if header is None or column >= len(header):
            return None
        return header[column]

    def _line_cells(self, index: int) -> tuple[int, list[tuple[int, int]]] | None:
        """(start of the line holding `index`, its cells), None when the line is too long to be a row.
        (A row is a line of at most _ROW_REACH characters either side: a text without line breaks
        is no table, and asking costs the same in a 5 MB file; the figures of one line share its cells.)"""
        text = self.text
        low, high = max(0, index - _ROW_REACH), min(len(text), index + _ROW_REACH)
        newline = text.rfind("\n", low, index)
        if newline < 0 and low > 0:
            return None
        line_start = newline + 1
        line_end = text.find("\n", index, high)
        if line_end < 0:
            if high < len(text):
                return None
            line_end = len(text)
        kept_start, kept_end, cells = self._last_line_cells
        if kept_start != line_start or kept_end != line_end:
            cells = line_cells(text, line_start, line_end)
            self._last_line_cells = (line_start, line_end, cells)
        return line_start, cells

    def row_label(self, index: int) -> tuple[int, int] | None:
        """(start, end) of the label cell(s) of the table row whose cell holds `index` (see
        row_label), when `index` stands right of it; None in prose. Worked out once per row."""
        line = self._line_cells(index)
        if line is None or len(line[1]) < 2:
            return None
        line_start, cells = line
        if line_start not in self._row_labels:
            self._row_labels[line_start] = row_label(self.text, cells)
        label = self._row_labels[line_start]
        return label if label is not None and label[1] <= index else None

    def _table_top(self, line_start: int) -> list[tuple[int, int]] | None:
        """The cells of the top row of the table whose row starts at `line_start` (None when it is
        that top row, or when the table reaches more than _TABLE_REACH rows up). Worked out once
        per row, from the row above it, so a long table costs one look per row."""
        tops, pending, start = self._table_tops, [], line_start
        while start not in tops:
            above = self._table_row_above(start)
            if above is None:
                tops[start] = (start, 0)         # the top row of its table
                break
            pending.append((start, above))
            start = above
        for row_start, above in reversed(pending):
            top, depth = tops[above]
            tops[row_start] = (top, depth + 1)
        top, depth = tops[line_start]
        if top == line_start or depth > _TABLE_REACH:
            return None
        end = self.text.find("\n", top)
        return line_cells(self.text, top, len(self.text) if end < 0 else end)

    def _table_row_above(self, line_start: int) -> int | None:
        """Where the line above `line_start` starts, when it is a row of cells."""
        if line_start == 0:
            return None
        text, above_end = self.text, line_start - 1
        newline = text.rfind("\n", max(0, above_end - _ROW_REACH), above_end)
        if newline < 0 and above_end > _ROW_REACH:
            return None
        above_start = newline + 1
        cells = line_cells(text, above_start, above_end)
        if len(cells) < 2:
            return None
        if all(_PARTICULAR.match(text, start, end) for start, end in cells) \
                and len(cells) < len(line_cells(text, line_start, self._line_end(line_start))):
            return None     # 填报单位：…　　填报日期：… over a row of more cells: the form's particulars, no header
        return above_start

    def _line_end(self, line_start: int) -> int:
        end = self.text.find("\n", line_start)
        return len(self.text) if end < 0 else end

    @cached_property
    def _heading_starts(self) -> list[int]:
        return [heading.start for heading in self.headings]

    @cached_property
    def _heading_parents(self) -> list[int]:
        """Per heading, the index of the nearest heading before it of a higher level (-1: none),
        worked out once: a figure's chain of headings is then a walk up these links, however
        many headings of its own level come before it."""
        parents: list[int] = []
        open_at: dict[int, int] = {}           # level -> index of the last heading of that level
        for index, heading in enumerate(self.headings):
            higher = [open_at[level] for level in open_at if level < heading.level]
            parents.append(max(higher) if higher else -1)
            open_at = {level: at for level, at in open_at.items() if level < heading.level}
            open_at[heading.level] = index
        return parents

    def headings_above(self, index: int) -> tuple[Heading, ...]:
        """The headings text[index] stands under, nearest first: its own, then each higher level
        (one chain per heading, shared by the figures under it)."""
        position = bisect_right(self._heading_starts, index) - 1
        chain = self._heading_chains.get(position)
        if chain is None:
            headings, parents, links = self.headings, self._heading_parents, []
            at = position
            while at >= 0:
                links.append(headings[at])
                at = parents[at]
            chain = self._heading_chains[position] = tuple(links)
        if chain and chain[0].reach is not None and not chain[0].end < index <= chain[0].reach:
            chain = chain[1:]       # (a list's lead holds over its items only)
        return chain

    def full_sentence_start(self, index: int) -> int:
        """Where the sentence holding text[index] starts, ；-clauses included (at most a window back)."""
        low = max(0, index - self.WINDOW)
        n = len(self.text)
        match = FULL_SENTENCE_END.search(self.reversed, n - index, n - low)
        return n - match.start() if match else low

    def full_sentence_end(self, index: int) -> int:
        match = FULL_SENTENCE_END.search(self.text, index, index + self.WINDOW)
        return match.start() if match else min(len(self.text), index + self.WINDOW)

    def section_at(self, index: int) -> Section:
        """The article holding text[index]."""
        return self.sections[max(0, bisect_right(self.section_starts, index) - 1)]

    def figure_context(self, index: int) -> FigureContext:
        """Everything the later stages read about where the figure at `index` stands."""
        section_index = max(0, bisect_right(self.section_starts, index) - 1)
        return FigureContext(index, section_index, self.sections[section_index], self.sentence(index),
                             self.paragraph(index), self.full_sentence_start(index), self.headings_above(index),
                             self.column_header(index), self.in_related_headline(index), self.row_label(index))

    def _around(self, index: int, window: int, last_break, first_break) -> tuple[int, int, bool]:
        """(start, end, whether start is a break) from the break before index to the break at or
        after it, cut to the window.
        last_break(lo, hi) / first_break(lo, hi): the last / first break in [lo, hi), or -1."""
        low = max(0, index - window - 1)
        before = last_break(low, index)
        if before < 0 and low > 0 or index - (before + 1) > window:
            start, at_break = index // self.STEP * self.STEP - window, False   # none within the window
        else:
            start, at_break = before + 1, True
        limit = start + 2 * window + self.STEP
        after = first_break(index, limit)
        return start, after if after >= 0 else min(len(self.text), limit), at_break

    def _last_sentence_break(self, low: int, high: int) -> int:
        n = len(self.text)
        match = SENTENCE_END.search(self.reversed, n - high, n - low)
        return n - 1 - match.start() if match else -1

    def _first_sentence_break(self, low: int, high: int) -> int:
        match = SENTENCE_END.search(self.text, low, high)
        return match.start() if match else -1

    def _last_newline(self, low: int, high: int) -> int:
        return self.text.rfind("\n", low, high)

    def _first_newline(self, low: int, high: int) -> int:
        return self.text.find("\n", low, high)

    # Figures come in text order and many share a sentence: the last span found answers for
    # any index inside it (no break lies between), unless its start was cut to a window.
    _last_sentence: tuple[int, int, bool] = (0, 0, False)
    _last_paragraph: tuple[int, int, bool] = (0, 0, False)

    def sentence(self, index: int) -> tuple[int, int]:
        start, end, at_break = self._last_sentence
        if not (at_break and start <= index <= end and index - start <= self.WINDOW):
            self._last_sentence = self._around(index, self.WINDOW, self._last_sentence_break,
                                               self._first_sentence_break)
            start, end, _ = self._last_sentence
        return start, end

    def paragraph(self, index: int) -> tuple[int, int]:
        start, end, at_break = self._last_paragraph
        if not (at_break and start <= index <= end and index - start <= 5 * self.WINDOW):
            self._last_paragraph = self._around(index, 5 * self.WINDOW, self._last_newline,
                                                self._first_newline)
            start, end, _ = self._last_paragraph
        return start, end
