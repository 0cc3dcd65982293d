"""Title, date, region and year for a document and for each of its facts.

Works on normalised (simplified) text. A page may hold several articles (a newspaper page, a
digest): it is split at headlines that are followed by a byline, and each article gets its
own region. Inside an article a fact keeps the article's region unless its own sentence names
a place *inside* that region before it (自贡 in a Sichuan report); a parent named next to a
number (镇江市级 in a 扬中市 article) never pulls the fact up.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Container
from dataclasses import dataclass, field
from itertools import accumulate, compress, islice

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
SOURCE_FEDERATION = re.compile(r"来源\s*[:：]\s*(\S{2,20}?妇联)")
# A news item's first words: "本报讯 近日，…", "本报成都电", "记者近日从青海省妇联获悉，…". Like a
# byline, they mark the line above as a headline even when no reporter is named.
NEWS_LEAD = re.compile(r"^(本报讯|(本报|新华社|中新社)[\u4e00-\u9fff]{2,8}(\d{1,2}月\d{1,2}日)?电|"
                       r"记者(近日|日前|近期|今天|昨天)?从[^，,。]{2,24}?(获悉|了解到))")
# A federation signing off the end of a report: "杭州市妇联", "峨边彝族自治县妇联 2024年1月5日",
# "（泸县妇联供稿）".
SIGN_OFF = re.compile(r"^[（(]?\s*([^\s，,。（()）]{2,24}?妇联)(供稿|宣传部|办公室)?\s*[)）]?"
                      r"[\s\d年月日\-/.]*$")
BULLETS = " \t▲△■□●◆◇★☆·•-—"
LEAD_NUMBER = re.compile(r"^\s*(\d{1,2}\s*[.．、)）]|[（(]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}、)\s*")
# A digest paragraph's label: 【成都】…, 湖南宁远：…
LEAD_LABEL = re.compile(r"【([^】]{2,12})】|([^，,。：:]{2,12}?)(妇联)?[：:]")
LIST_ITEM = re.compile(r"^\s*[·•▪◦●○\-*]")
# A byline names its reporters: "□ 本报记者 张某", "中国妇女报全媒体记者任然 发自成都", but not
# "记者从市妇联获悉，" in a body paragraph.
BYLINE = re.compile(r"^\s*(□|■|◎)|^[^，,。]{0,14}(全媒体记者|记者|通讯员|特约撰稿人?)\s*"
                    r"[\u4e00-\u9fff]{2,4}(?:[/、·][\u4e00-\u9fff]{2,4})*(?=\s|$|发自|报道|摄|[）)])|"
                    r"^[^，,。]{0,20}发自\S{2,8}")
CREDIT = re.compile(r"/\s*(文|摄|图)\b|／(文|摄|图)|^(图|文|摄影?)\s*[/／:：]|供图$")
DATE_PATTERNS = (
    re.compile(r"(?<!\d)(20\d{2}|19\d{2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)"),
    re.compile(r"(?<!\d)(20\d{2}|19\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"),
)
# The leading lookahead lists every alternative's first character and the digits' lookbehind
# comes after "19"/"20" (same test: the character before them): the regex engine then skips
# other characters in C instead of trying every alternative at every position (4x faster).
YEAR = re.compile(r"(?=[12今去前明上本过截])"
                  r"(?:((?:19|20)(?<![\d.]\d\d)\d{2})\s*年(?!代)|(今年|去年|前年|明年|上年度|本年度|过去一年|过去的一年)|"
                  r"(?:截至|截止)到?(目前|当前|现在))")
# A comparison base ("较2022年增加", "比2022年", "与2022年相比") is not the period of the figure.
COMPARISON_BEFORE = ("较", "比")
COMPARISON_AFTER = re.compile(r"[^，,。；;]{0,8}?(相比|相较|比较)")
# The reporting period stated in the opening or a heading ("向大会报告2023年工作", "一、2023年工作回顾").
REVIEW_PERIOD = re.compile(r"(?:报告|回顾|总结)\s*((?:19|20)\d{2})\s*年度?的?(?:主要)?工作|"
                           r"((?:19|20)\d{2})\s*年度?(?:主要)?工作(?:回顾|总结|情况|报告|综述)")
MONTH_AFTER = re.compile(r"^\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月|^\s*(上|下)半年")
REPORTING_PERIOD = re.compile(r"((?:19|20)\d{2})\s*年(?:度)?[^，,。]{0,20}?(工作总结|工作报告|工作综述|总结|报告|综述|工作要点|述职|通报)")
# "截至2024年5月底" / "截止2023年底": the date the stock figures after it stand at.
STOCK_DATE = (r"[ \t\u3000\n]*(?:截至|截止|截止到|截至到|到)\s*(?:19|20)\d{2}\s*年"
              r"(?:\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:底|末|份)?|底|末)?")
# The first paragraph of an article that opens with a period: when it is one year ("2023年，南通市
# 各级妇联…", "过去的一年，我们…") it dates the undated paragraphs after it; a span ("今年以来，",
# "近年来，") dates nothing beyond its own paragraph.
# A short lead-in may stand before it ("据了解，2023年，…"). "截至2024年5月底，" dates the stock
# figures as one year too (when the document is undated or of that year). When a span opens
# the paragraph ("近年来，…。2023年，全县…"), a later sentence of that paragraph that opens with one
# year gives the article its year.
PERIOD_OPENING = re.compile(r"^[ \t\u3000]*(?:[^，,。；;！？\n]{1,8}[，,])??"
                            r"(?:(?P<year>(?:19|20)\d{2}\s*年度?|今年|去年|过去的?一年)(?=[，,])"
                            r"|(?P<stock>" + STOCK_DATE.replace(r"[ \t\u3000\n]*", "", 1) + r")(?=[，,])"
                            r"|(?P<span>(?:(?:19|20)\d{2}\s*年|今年|去年|近年|近几年|近[一二两三四五十]年)(?:以来|来)))",
                            re.MULTILINE)
# The same after a newline: the engine finds the newline by its literal first character in C,
# where "^" would make it try the pattern at every position of the text.
_PERIOD_OPENING_AFTER_NEWLINE = re.compile("\n" + PERIOD_OPENING.pattern[1:])
SENTENCE_YEAR_OPENING = re.compile(r"[。！？!?]\s*((?:19|20)\d{2}\s*年度?|今年|去年)[，,]")
# A report signed with a month only ("2023年12月" on its own line) still dates 今年.
MONTH_LINE = re.compile(r"^[ \t\u3000]*[（(]?((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月[)）]?[ \t\u3000]*$", re.MULTILINE)
# A sentence that opens with its period ("今年上半年，…；全州新增…") dates the clauses after its
# semicolons too.
SENTENCE_PERIOD = re.compile(r"[ \t\u3000\n]*(?:(?:19|20)\d{2}\s*年度?|今年|去年)"
                             r"(?:上半年|下半年|前三季度|[一二三四1-4]季度|前\d{1,2}个月|"
                             r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[至到\-—~]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月份?)?"
                             r"(?:以来)?[，,]|"
                             + STOCK_DATE + r"[，,]")
# What dates an article's figures when no heading, opening or sentence does (see _undated_years):
# a clause of its opening paragraph that is only a period ("2023年，", "2024年4月至5月，", "2024年上半年，")
# Where a clause starts: the text's or a line's start, or after a sentence or clause mark.
_CLAUSE_START = r"(?:^|(?<=[。；;！？!?\n，,]))[ \t\u3000]*"
PERIOD_CLAUSE = re.compile(_CLAUSE_START + r"((?:19|20)\d{2})\s*年度?"
                           r"(?:上半年|下半年|前三季度|[一二三四1-4]季度|"
                           r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月份?"
                           r"(?:\s*[至到\-—~]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月份?)?)?[，,]",
                           re.MULTILINE)
# … or the day a news lead opens with ("2024年5月16日，…举行"): the day of the event reported.
LEAD_DAY = re.compile(r"[ \t\u3000]*((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
                      r"(?:上午|下午|晚上?|当天)?[，,]")
# 自2019年…以来 / 从2018年起: the year starts a span (a total since then), it dates no figure.
SINCE_YEAR = re.compile(r"[自从]\s*$")
SPAN_END = re.compile(r"[^，,。；;！？]{0,24}?(?:以来|起|开始)")
# A clause that is only a time without a year: "4月12日，", "一季度，", "3月以来，", "第二季度，".
QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
CLAUSE_TIME = re.compile(_CLAUSE_START +
                         r"(?:第?([一二三四1-4])季度|(1[0-2]|[1-9])月份?(?:((?:[12]\d|3[01]|[1-9]))日)?)"
                         r"(?:以来|上旬|中旬|下旬|初|底|末|上午|下午|晚上?)?[，,]", re.MULTILINE)
HANZI = re.compile(r"[\u4e00-\u9fff]")
SITE_NAME = re.compile(r"[\w·]{2,12}(网|网站|官网|在线|频道|门户|日报|晚报|妇女报|时报|报社)")
CAPTION_DATE = re.compile(r"\d{1,2}月\d{1,2}日")
_DATE_CHARS = re.compile(r"[\d\s:：\-/.年月日()（）]")
_DATELINE_FURNITURE = re.compile(r"https?://\S+|www\.\S+|[\d\s:：\-/.年月日()（）|｜]")
_DATELINE_WORDS = re.compile(r"来源|发布|浏览|阅读|点击|作者|编辑")
_YEAR_SPAN_AFTER = re.compile(r"\s*[-—–至到~]\s*(19|20)\d{2}")
# Every BYLINE match holds one of these (a cheap test first: most lines are body text).
_BYLINE_HINT = re.compile("[□■◎]|记者|通讯员|特约撰稿|发自")
_YEAR_HINT = re.compile(r"(?:20|19)\d{2}")
# A line can open an article (byline, dated caption, news lead) only with one of these in its
# first 40 characters: every BYLINE, CAPTION_DATE and NEWS_LEAD match holds one. (The leading
# lookahead, as in YEAR, lets the engine skip to the characters the alternatives start with.)
_TRIGGER_HINT = re.compile(r"(?=[□■◎记通特发\d本新中])(?:[□■◎]|记者|通讯员|特约撰稿|发自|^(?:\d|本报|新华社|中新社))")
PLAN_OPENING = re.compile(r"[ \t\u3000\n]*(下一步|下步|接下来|今后)[，,]?")
NATIONAL_BODY = re.compile(r"全国妇联|中华全国妇女联合会|全国妇女联合会")
CLOSING_SOURCE = re.compile(r"^[（(]\s*(来源|稿源|信息来源|文章来源)\s*[:：][^）)]{2,30}[）)]$")
SENTENCE_END = re.compile(r"[。！？!?；;\n]")
PARTNER = ("联合", "与", "和", "同", "携手", "会同", "及")
LOCATIVE = ("在", "赴", "到", "往", "至", "来自", "发自", "走进", "来到")


@dataclass
class Section:
    start: int
    end: int
    headline_end: int           # end of the headline block (title lines, dateline)
    title_start: int = 0        # where the headline itself starts (after a page header)
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
    if _date_in(stripped) and len(_DATE_CHARS.sub("", stripped)) <= 6:
        return True             # a bare date/time line
    if stripped in previous:    # site names repeated in a header
        return True
    # A site name: short, ends with 网 / 网站 / 官网, no spaces or punctuation.
    return bool(SITE_NAME.fullmatch(stripped))


def find_title(text: str) -> str | None:
    """The headline: the block of headline lines right above the first byline or dateline, when
    only page furniture precedes it (a sidebar of other headlines is skipped); else the first
    line that is not navigation."""
    lines = [line.strip() for _, _, line in _lines(text[:20000])[:60] if line.strip()][:40]
    for position, line in enumerate(lines):
        if position and (_is_dateline(line) or BYLINE.search(line[:40])):
            block = _headline_block(lines, position)
            if block is not None:
                return lines[block]
        if len(line) > 40 or line[-1] in "。！？!?；;":
            break               # body text reached
    seen: set[str] = set()
    for line in lines:
        if not _is_navigation(line, seen) and not LIST_ITEM.match(line) and HANZI.search(line):
            return line
        seen.add(line)
    return None


def _headline_block(lines: list[str], position: int) -> int | None:
    """Index of the first of the 1-3 headline lines just above lines[position], if any."""
    first = None
    for back in range(position - 1, max(-1, position - 4), -1):
        if not _is_headline(lines[back]):
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
    if _date_in(stripped) is None:
        return False
    rest = _DATELINE_FURNITURE.sub("", stripped)
    return len(rest) <= 6 or _DATELINE_WORDS.search(rest) is not None


def _date_in(text: str) -> str | None:
    if _YEAR_HINT.search(text) is None:
        return None             # both date patterns start with a year
    found = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            year, month, day = (int(group) for group in match.groups())
            if 1 <= month <= 12 and 1 <= day <= 31:
                found.append((match.start(), f"{year:04d}-{month:02d}-{day:02d}"))
    return min(found)[1] if found else None


def find_date(text: str) -> str | None:
    """The document's own date: in the header (first lines), else in the sign-off (last lines)."""
    lines = text.split("\n")
    first = list(islice((line for line in lines if line.strip()), 12))
    head = "\n".join(line if len(line) < 80 else line[:40] for line in first)
    date = _date_in(head)
    if date is None:
        last = list(islice((line for line in reversed(lines) if line.strip()), 3))[::-1]
        tail = "\n".join(line for line in last if len(line) < 40)
        date = _date_in(tail)
    return date


# -- sections -------------------------------------------------------------------------------
def _is_headline(line: str) -> bool:
    stripped = line.strip()
    if stripped and stripped[-1] in CLOSING_QUOTES and not SENTENCE_MARKS.search(stripped):
        stripped = stripped.rstrip(CLOSING_QUOTES)   # 解放碑商圈的“妈妈岗”: a quoted name ends it
    # (BYLINE finds the same in `stripped` as in its stripped form: none of its matches hangs on
    # trailing space, which its closing lookahead reads like the end.)
    return (0 < len(stripped) <= 40 and stripped[-1] not in TERMINAL and not BYLINE.search(stripped)
            and not _is_furniture(stripped.strip()) and HANZI.search(stripped) is not None)


def split_sections(text: str) -> list[Section]:
    """Articles on a page. A block of 1-3 headline lines starts a new one when a byline, a
    dateline (发布时间/来源) or a dated photo caption follows it; on a digest of bare headlines,
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
        if _TRIGGER_HINT.search(line, 0, 40) is None:
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
    for _, _, line in _lines(text[:offset]):
        stripped = line.strip()
        if len(stripped) > 40 or (stripped and stripped[-1] in "。！？!?；;"):
            return False
    return True


def _header_end(text: str) -> tuple[int, int]:
    """(title start, end) of a single document's title block: the title line and what follows
    it up to the body. Page furniture and sidebar lists before the title are not part of it."""
    seen: set[str] = set()
    title_start = None
    for start, end, line in _lines(text[:20000])[:40]:
        stripped = line.strip()
        if not stripped:
            continue
        if _is_navigation(stripped, seen) or (title_start is None and LIST_ITEM.match(stripped)):
            seen.add(stripped)
            continue
        if title_start is not None and (len(stripped) > 40 or stripped[-1] in "。！？"):
            return title_start, start
        if title_start is None:
            title_start = start
        seen.add(stripped)
    return 0, 0


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
    for _, _, line in _lines(body.rstrip()[-200:])[-3:]:
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


def _furniture_lines(lines: list[str]) -> list[str]:
    """The navigation and site-name lines among `lines`. Bylined body paragraphs ("本报讯（通讯员
    X）百色市妇联…。") are no furniture."""
    return [line for line in lines if _is_navigation(line.strip()) and not LIST_ITEM.match(line)
            and not line.strip().endswith(("。", "！", "？"))]


def _page_footer(text: str) -> list[str]:
    """The furniture lines among the page's last lines: the same for every section, so found once."""
    return _furniture_lines([line for _, _, line in _lines(text[-400:])[-8:]])


def _site_or_body_region(places, text: str, section: Section, body: str, footer: list[str]) -> Region | None:
    """No place in the headline: the site's own name (株洲市人民政府门户网站, 版权所有：…) says
    whose "市妇联" it is, unless the body opens with a federation inside it; else the place
    the body names most."""
    dominant = _dominant(places, body)
    header = [line for _, _, line in _lines(text[section.start:section.title_start])]
    site_text = "\n".join(_furniture_lines(header) + footer)
    site = _headline_region(places, site_text) if site_text.strip() else None
    if site is None:
        return dominant
    leads = {lead.code for _, _, line in _lines(body[:3000])[:30]
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



class _Spans:
    """Sentence and paragraph bounds found from the fact outwards within a window, and the places
    and years of each sentence found once, however many figures it holds: a fact costs the same
    in a 5 MB file as in a short one. A "sentence" or "paragraph" without breaks for thousands of
    characters (a table dump) is cut to a window around the fact, aligned so that neighbouring
    facts share it."""

    WINDOW = 400
    STEP = 200

    def __init__(self, text: str, places, base_year: int | None, base_month: int | None):
        self.text = text
        self.places = places
        self.base_year, self.base_month = base_year, base_month
        # The last sentence break before an index is the first one after it in the reversed
        # text: a forward regex search finds it without listing every break of the text.
        self.reversed = text[::-1]
        self._mentions: dict[tuple, list] = {}
        self._years: dict[tuple, list] = {}
        self._leads: dict[tuple, Region | None] = {}
        self.regions: dict[tuple, Region | None] = {}     # see _fact_region
        self.context_years: dict[tuple, int | None] = {}  # see _fact_year
        self.undated: dict[int, tuple[int, int]] = {}     # see _undated_years
        self._caches = (self._mentions, self._years, self._leads, self.regions, self.context_years)

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

    # Figures come in text order, so only the last few sentences and paragraphs are asked about
    # again. Kept for the whole text, the answers would be tens of thousands of objects that the
    # garbage collector promotes and scans again and again; a few hundred are enough.
    CACHE_LIMIT = 256

    def forget(self) -> None:
        """Drop the cached answers once there are many (called between figures)."""
        if len(self._years) > self.CACHE_LIMIT:
            for cache in self._caches:
                cache.clear()

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

    # Most sentences name no place and no year: they keep the shared empty tuple, not an empty
    # list each (fewer objects for the garbage collector to count and scan).
    def mentions(self, start: int, end: int, context: Region | None) -> list | tuple:
        """Places named in text[start:end], offsets relative to start."""
        key = (start, end, context.code if context else None)
        found = self._mentions.get(key)
        if found is None:
            found = self._mentions[key] = self.places.find_mentions(self.text[start:end], context=context) or ()
        return found

    def years(self, start: int, end: int) -> list | tuple:
        """_year_mentions of text[start:end], offsets relative to start."""
        key = (start, end)
        found = self._years.get(key)
        if found is None:
            found = self._years[key] = _year_mentions(self.text[start:end], self.base_year, self.base_month) or ()
        return found

    def lead(self, paragraph_start: int, context: Region | None) -> Region | None:
        key = (paragraph_start, context.code if context else None)
        if key not in self._leads:
            self._leads[key] = _lead_region(self.places, self.text[paragraph_start:paragraph_start + 24], context)
        return self._leads[key]


def _paragraph_lead(places, text: str, spans: _Spans, index: int, section: Section) -> Region | None:
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


def _fact_region(places, text: str, spans: _Spans, section: Section, start: int) -> Region | None:
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


# -- years ---------------------------------------------------------------------------------
def _year_mentions(text: str, base_year: int | None, base_month: int | None = None):
    """(start, end, year, stays_in_sentence) for every year expression. A year that dates a
    single month or day ("2022年10月成立", "今年1月") or a target ("到2025年") stays in its sentence."""
    out = []
    if "年" not in text and "截" not in text:
        # every YEAR match holds one (a test in C; most sentences hold neither)
        if base_year is not None and ("月" in text or "季度" in text):
            return _clause_times(text, base_year, base_month)
        return out
    for match in YEAR.finditer(text):
        if match.group(1):
            year = int(match.group(1))
            after = text[match.end():match.end() + 4]
            if after.startswith(("以来", "来")) or _YEAR_SPAN_AFTER.match(text, match.end()):
                continue
            if SINCE_YEAR.search(text, max(0, match.start() - 2), match.start()) and \
                    SPAN_END.match(text, match.end()):
                continue        # 自2019年实施…以来，累计…: the start of a span, not the figure's year
            before = text[max(0, match.start() - 1):match.start()]
            if before and before in COMPARISON_BEFORE or \
                    text[max(0, match.start() - 1):match.start()] in ("与", "同", "和") and \
                    COMPARISON_AFTER.match(text, match.end()):
                continue        # 较2022年增加: the base of a comparison
            if before in "-—–~至到" and before and re.search(r"(19|20)\d{2}\s*[-—–~至到]\s*$",
                                                          text[max(0, match.start() - 8):match.start()]):
                continue
        elif match.group(3):
            if base_year is None:
                continue
            out.append((match.start(), match.end(), base_year, False))     # 截至目前: the document's date
            continue
        else:
            word = match.group(2)
            if base_year is None or word == "上年度":
                continue
            if word.startswith("过去"):
                # 过去一年 in a January-June document is last year; at the year's end it is this
                # year; in between it is twelve months, no one year.
                if base_month is None or 6 < base_month < 11:
                    continue
                year = base_year - 1 if base_month <= 6 else base_year
                out.append((match.start(), match.end(), year, False))
                continue
            if word != "今年" and text[match.end():match.end() + 2] == "以来":
                continue        # 去年以来: a span, not one year
            if text[max(0, match.start() - 1):match.start()] in ("较", "比", "同"):
                continue        # 较去年 is a comparison, not the period of the figure
            year = base_year + {"今年": 0, "本年度": 0, "去年": -1, "前年": -2, "明年": 1}[word]
        month_follows = bool(MONTH_AFTER.match(text[match.end():match.end() + 4]))
        target = text[max(0, match.start() - 1):match.start()] == "到" and \
            text[max(0, match.start() - 3):match.start()] not in ("截止到", "截至到")
        out.append((match.start(), match.end(), year, month_follows or target))
    if base_year is not None and ("月" in text or "季度" in text):
        out.extend(_clause_times(text, base_year, base_month))
        out.sort()
    return out


def _clause_times(text: str, base_year: int, base_month: int | None):
    """A clause that is only a day, a month or a quarter with no year ("4月12日，…", "一季度，…") in a
    dated document: the latest such time up to the document's date, as 今年 is. A day dates its own
    sentence; a quarter or month period (一季度, 3月以来) carries like a period opening."""
    out = []
    for match in CLAUSE_TIME.finditer(text):
        quarter, month, day = match.group(1), match.group(2), match.group(3)
        first_month = (QUARTERS[quarter] - 1) * 3 + 1 if quarter else int(month)
        year = base_year if base_month is None or first_month <= base_month else base_year - 1
        out.append((match.start(1 if quarter else 2), match.end(), year, bool(day)))
    return out


def _fact_year(text: str, spans: _Spans, start: int, base_year: int | None, period: int | None,
               base_month: int | None = None, leads: list[tuple[int, int]] = (),
               section_start: int = 0, lead_offsets: list[int] = ()) -> int | None:
    """The year of the figure at `start`; `lead_offsets` are the offsets of `leads`."""
    s_start, s_end = spans.sentence(start)
    sentence_years = spans.years(s_start, s_end)
    before = [y for y in sentence_years if s_start + y[1] <= start]
    if before:
        return before[-1][2]
    # A year later in the sentence dates the figure ("培训妇女2100人次，是2023年…") unless it
    # opens a breakdown ("累计3.2亿元，其中2022年1.4亿元、2023年1.8亿元").
    if sentence_years and "其中" not in text[start:s_start + sentence_years[0][0]]:
        return sentence_years[0][2]
    # The rest depends on where the sentence, its paragraph and its article start, not on
    # where the figure stands in it: the figures of one sentence share the answer.
    p_start, _ = spans.paragraph(start)
    key = (s_start, s_end, p_start, section_start)
    if key not in spans.context_years:
        spans.context_years[key] = _context_year(text, spans, s_start, p_start, base_year, period,
                                                 base_month, leads, section_start, lead_offsets)
    return spans.context_years[key]


def _context_year(text: str, spans: _Spans, s_start: int, p_start: int, base_year: int | None,
                  period: int | None, base_month: int | None, leads: list[tuple[int, int]],
                  section_start: int, lead_offsets: list[int]) -> int | None:
    """The year of a figure whose sentence (from `s_start`) dates it by no year of its own."""
    if s_start > 0 and text[s_start - 1] in "；;":
        opening_year = _sentence_opening_year(text, spans, s_start, base_year, base_month)
        if opening_year is not None:
            return opening_year
    # "下一步，…将…": a plan is of no reporting period; only a year of its own dates it.
    if PLAN_OPENING.match(text, s_start):
        return None
    # "其中…" breaks down the figure of the sentence before it: same period, even across a
    # paragraph break and even when that period was a half-year or a month.
    opening = text[s_start:s_start + 4].lstrip(" \t\n")
    if opening.startswith("其中") and s_start > 1:
        previous_end = s_start - 1
        while previous_end > 0 and text[previous_end - 1] in "\n \t。；;！!？?":
            previous_end -= 1
        if previous_end > 0:
            return _fact_year(text, spans, previous_end - 1, base_year, period, base_month,
                              leads, section_start, lead_offsets)
    # A year stated for an event earlier in the paragraph carries over to the sentences that
    # describe it ("举办了2023年…启动仪式。通过…开展20多项活动"), unless it dated a single day
    # or month ("2022年10月份成立", "今年1月") or was a target ("到2025年").
    earlier = spans.years(p_start, s_start) if p_start < s_start else []
    if earlier and len({y[2] for y in earlier}) == 1 and not any(y[3] for y in earlier):
        return earlier[-1][2]
    if leads:
        index = bisect_left(lead_offsets, section_start)   # the article's first period opening
        if index < len(leads) and leads[index][0] < p_start and leads[index][1] is not None:
            first = leads[index]
            # A year read from a span ("今年以来，", "近年来，…。2023年，") yields to any other period
            # opening of the article before the figure that names another year.
            if not first[2] or all(lead[1] in (None, first[1])
                                   for lead in leads[index + 1:bisect_left(lead_offsets, p_start)]):
                return first[1]
    if period is None and section_start in spans.undated:
        since, year = spans.undated[section_start]
        return year if s_start >= since else None
    return period


def _undated_years(text: str, sections: list[Section]) -> dict[int, tuple[int, int]]:
    """Per article (by its start): (offset, year) dating its figures from that offset on when
    nothing closer does. A reader dates a survey by the months it ran and an event by its day: a
    clause of the opening paragraph that is only a period ("为…，2024年4月至5月，课题组…";
    "…以来，双方交流日益密切。2023年，两会…"), or the day a news lead opens with
    ("2024年5月16日，…举行"), dates what follows it. A page's publication date dates nothing (the
    figures of a dated summary may span years)."""
    out = {}
    for section in sections:
        body = section.headline_end
        while body < section.end and text[body] in "\n \t\u3000":
            body += 1
        opening_end = text.find("\n", body, section.end)
        clause = (LEAD_DAY.match(text, body)
                  or PERIOD_CLAUSE.search(text, body, section.end if opening_end < 0 else opening_end))
        if clause is not None:
            out[section.start] = (clause.end(), int(clause.group(1)))
    return out


def _sentence_opening_year(text: str, spans: _Spans, clause_start: int, base_year: int | None,
                           base_month: int | None) -> int | None:
    """The period a full sentence opens with (SENTENCE_PERIOD), for a clause after its ；."""
    p_start, _ = spans.paragraph(clause_start)
    window = text[max(p_start, clause_start - 600):clause_start]
    cut = max(window.rfind(mark) for mark in "。！？!?\n")
    opening = SENTENCE_PERIOD.match(window, cut + 1)
    if opening is None:
        return None
    mentions = _year_mentions(opening.group(), base_year, base_month)
    if not mentions:
        return None
    if _is_target(opening.group(), mentions[0][2], base_year):
        return None
    return mentions[0][2]


def _is_target(opening: str, year: int, base_year: int | None) -> bool:
    """"到2025年底，…" in a document written before then is a goal, not a date of the figures."""
    head = opening.lstrip(" \t\u3000\n")
    return head.startswith("到") and (base_year is None or year > base_year)


def _lead_years(text: str, base_year: int | None, base_month: int | None) -> list[tuple[int, int | None]]:
    """(offset, year or None for a span) of each paragraph that opens with a period (PERIOD_OPENING)."""
    leads = []
    for line_start, match in _period_openings(text):
        year, weak = None, False
        if match.group("year"):
            mentions = _year_mentions(match.group("year") + "，", base_year, base_month)
            if mentions and not mentions[0][3]:
                year = mentions[0][2]
        elif match.group("stock"):
            mentions = _year_mentions(match.group("stock"), base_year, base_month)
            if mentions and not _is_target(match.group("stock"), mentions[0][2], base_year) \
                    and base_year in (None, mentions[0][2]):
                year = mentions[0][2]       # an as-of date in another year than the document's is no period
        else:
            weak = True
            # "今年以来，" stays a span (it dates its own paragraph only, see the unseen
            # sidebar_before_article fixture); a later one-year sentence of the paragraph dates it.
            line_end = text.find("\n", match.end())
            later = SENTENCE_YEAR_OPENING.search(text, match.end(), len(text) if line_end < 0 else line_end)
            if later:
                mentions = _year_mentions(later.group(1) + "，", base_year, base_month)
                if mentions:
                    year = mentions[0][2]
        leads.append((line_start, year, weak))
    return leads


def _period_openings(text: str):
    """(line start, match) of PERIOD_OPENING.finditer(text). No match ends with a newline,
    so matching from each newline finds the same lines."""
    first = PERIOD_OPENING.match(text)
    if first is not None:
        yield 0, first
    for match in _PERIOD_OPENING_AFTER_NEWLINE.finditer(text, first.end() if first else 0):
        yield match.start() + 1, match


def _month_dated(text: str) -> tuple[int, int] | None:
    """(year, month) of a header or sign-off line that is only "2023年12月"."""
    for part in (text[:2000], text[-300:]):
        match = MONTH_LINE.search(part)
        if match and 1 <= int(match.group(2)) <= 12:
            return int(match.group(1)), int(match.group(2))
    return None


# An annual title or header line states the period too: "2024年度“十件实事”完成情况", "2023年度…统计表".
ANNUAL_PERIOD = re.compile(r"((?:19|20)\d{2})\s*年度")
# So does a year standing bare in a title ("数字里的2023", "回眸2023 | …"): not a date, a range, a
# document number or part of a longer number.
_YEAR_WITH_NIAN = re.compile(r"(?:19|20)\d{2}\s*年")
BARE_YEAR = re.compile(r"(?<![\d.\-/第])((?:19|20)\d{2})(?!\s*[\d年.\-—~至/月:：号期])")
HEADER_LINES = 8


def reporting_period(title: str | None) -> int | None:
    if not title:
        return None
    match = REPORTING_PERIOD.search(title) or ANNUAL_PERIOD.search(title)
    if match is None and not _YEAR_WITH_NIAN.search(title) and len(bare := BARE_YEAR.findall(title)) == 1:
        return int(bare[0])
    return int(match.group(1)) if match else None


# A form's period field in its header ("项目周期：2024年3月—2024年12月", "统计时段：2023年1—12月"),
# when it lies within one year. (发布时间 is no such field: a page's date dates nothing.)
PERIOD_FIELD = re.compile(r"(?:项目|实施|执行|服务|统计|报告|数据|活动)?(?:周期|期限|时段|期间|时间)\s*[:：]\s*"
                          r"((?:19|20)\d{2})\s*年(?:[^，。；]{0,16}?[-—–至到~]\s*((?:19|20)\d{2})\s*年)?")


def _header_period(text: str) -> int | None:
    """The period stated by a short header line above the body (a document's own title line may
    stand below its issuing office's letterhead, "XX妇联文件 / 关于2023年…的报告"), or by a form's
    period field."""
    for line in text[:400].splitlines()[:HEADER_LINES]:
        line = line.strip()
        if not line or len(line) > 40 or any(mark in line for mark in "。；！？"):
            continue
        period = reporting_period(line)
        if period is not None:
            return period
        field = PERIOD_FIELD.match(line)
        if field is not None and field.group(2) in (None, field.group(1)):
            return int(field.group(1))
    return None


# -- entry point ---------------------------------------------------------------------------
def attribute(text: str, quantities: list) -> Attribution:
    from fuhe_cli.regions import gazetteer

    places = gazetteer()
    title = find_title(text)
    date = find_date(text)
    base_year = int(date[:4]) if date else None
    base_month = int(date[5:7]) if date else None
    if date is None and (month_dated := _month_dated(text)) is not None:
        base_year, base_month = month_dated
    period = reporting_period(title)
    if period is None:
        period = _header_period(text)
    if period is None:
        # "现在，我代表常委会向大会报告2023年工作" / "一、2023年工作回顾" near the top.
        review = REVIEW_PERIOD.search(text, 0, 1000)
        if review:
            period = int(review.group(1) or review.group(2))
    leads = _lead_years(text, base_year, base_month)
    lead_offsets = [lead[0] for lead in leads]
    sections = split_sections(text)
    footer = _page_footer(text)
    for section in sections:
        section.region = _section_region(places, text, section, footer)
    spans = _Spans(text, places, base_year, base_month)
    if period is None:
        spans.undated = _undated_years(text, sections)
    section_starts = [section.start for section in sections]
    fact_regions, fact_years = [], []
    for quantity in quantities:
        spans.forget()
        section = sections[max(0, bisect_right(section_starts, quantity.start) - 1)]
        fact_regions.append(_fact_region(places, text, spans, section, quantity.start))
        fact_years.append(_fact_year(text, spans, quantity.start, base_year, period, base_month,
                                     leads, section.start, lead_offsets))
    lead = sections[0].region if sections else None
    return Attribution(title=title, date=date, region=lead, year=period,
                       fact_regions=fact_regions, fact_years=fact_years, sections=sections)
