"""The year of each fact, and the reporting period of a document.

Reads the layout (`fuhe_cli.layout.Layout`: the date, title, articles and the sentence and
paragraph around a figure). A figure is dated by a year in its own sentence before it, else by
what its sentence, paragraph and article open with, else by the document's reporting period.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from fuhe_cli.layout import BYLINE, HEADING, NEWS_DATELINE, SOURCE_LINE, Section
from fuhe_cli.time_expressions import (CHANGE_TO, CONTINUES, GOAL_AFTER, OCCASION_SENTENCE, SINCE_LATER, SOURCE_LEAD_IN, TIME_OF_DAY,
                                       YEAR_PARTS, YEAR_WITH_NIAN, breaks_down_an_earlier_part, dates_its_own_figure, in_book_title,
                                       names_a_meeting)

# The leading lookahead lists every alternative's first character and the digits' lookbehind
# comes after "19"/"20" (same test: the character before them): the regex engine then skips
# other characters in C instead of trying every alternative at every position (4x faster).
YEAR = re.compile(r"(?=[12今去前明上本过截年])"
                  r"(?:((?:19|20)(?<![\d.]\d\d)\d{2})\s*年(?!代)|(今年|去年|前年|明年|上年同期|上年度|本年度|过去一年|过去的一年|"
                  r"(?<![半一二两三四五六七八九十几多\d年])年内)|"   # (年内 is this year; 半年内, 三年内 are spans)
                  r"(?:截至|截止)到?(目前|当前|现在))")
_OPEN_BRACKET = re.compile(r"[（(][^）)]*$")


def _base_of_change(text: str, at: int, end: int, start: int) -> bool:
    """Whether the year at `at` is the base of a change the figure at `start` ends ("由2020年的4.2个
    提高到5.6个": 5.6 is not of 2020)."""
    return text[max(0, at - 1):at] in ("由", "从") and CHANGE_TO.search(text, end, start) is not None


def _in_bracket_closed_before(text: str, s_start: int, at: int, start: int) -> bool:
    """Whether the year at `at` stands in a bracket that closes before the figure at `start`
    ("612场（上年同期548场），覆盖4.3万人次": the bracket's time is its own)."""
    opened = max(text.rfind("（", s_start, at), text.rfind("(", s_start, at))
    if opened < 0 or max(text.rfind("）", s_start, at), text.rfind(")", s_start, at)) > opened:
        return False
    return text.find("）", at, start) >= 0 or text.find(")", at, start) >= 0
# A comparison base ("较2022年增加", "比2022年", "与2022年相比", "与2020年基本持平") is not the period of the figure.
COMPARISON_BEFORE = ("较", "比")
COMPARISON_AFTER = re.compile(r"[^，,。；;]{0,8}?(相比|相较|比较|持平)")
# The reporting period stated in the opening or a heading ("向大会报告2023年工作", "一、2023年工作回顾").
REVIEW_PERIOD = re.compile(r"(?:报告|回顾|总结)\s*((?:19|20)\d{2})\s*年度?的?(?:[^，,。；;\d]{0,8}?)(?:主要)?工作|"
                           r"((?:19|20)\d{2})\s*年度?(?:主要)?工作(?:回顾|总结|情况|报告|综述)")
# A paragraph (or a section's heading) that opens with the year just past: 过去一年，… / 一、过去的一年，…
PAST_YEAR_OPENING = re.compile(r"(?:^|\n)[ \t\u3000]*(?:[一二三四五六七八九十]{1,2}[、.．][ \t\u3000]*)?(过去的?一年)[，,]")
MONTH_AFTER = re.compile(r"^\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月|^\s*(上|下)半年")
# (the year nearest its report noun: 规划（2021—2030年）2023年度监测报告 is a report of 2023)
REPORTING_PERIOD = re.compile(r"((?:19|20)\d{2})\s*年(?:度)?(?:(?!(?:19|20)\d{2})[^，,。]){0,20}?"
                              r"(工作总结|工作报告|工作综述|总结|报告|综述|工作要点|工作计划|工作安排|述职|通报|形势分析|分析)")
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
# (the lookahead after the opening marks lets a line whose period, or lead-in and period, cannot
# start there fail at once: the characters every kind of opening starts with)
_OPENING_FIRST = r"[\d今去过截到近年开一二三四五六七八九十]"
# (after a news lead's dateline and byline too: 人民网贵阳6月9日电（…）1至5月，…)
PERIOD_OPENING = re.compile(r"^[ \t\u3000]*(?:" + NEWS_DATELINE + r")?(?:[^\w\s，,。；;！？]{1,3}[ \t\u3000]*)?"
                            rf"(?={_OPENING_FIRST}|[^，,。；;！？\n]{{1,8}}[，,]{_OPENING_FIRST}|[记笔从日据])"
                            # (after the day's occasion and the source: 11月25日是“…日”。记者从…了解到，今年以来，)
                            r"(?:(?:" + OCCASION_SENTENCE.pattern + r")?(?:" + SOURCE_LEAD_IN.pattern + r")|[^，,。；;！？\n]{1,8}[，,])??"
                            r"(?:(?P<year>(?:19|20)\d{2}\s*年度?|今年|去年|过去的?一年)(?=[，,])"
                            r"|(?P<stock>" + STOCK_DATE.replace(r"[ \t\u3000\n]*", "", 1) + r")(?=[，,])"
                            r"|(?P<span>(?:(?:19|20)\d{2}\s*年|今年|去年|近年|近几年|近[一二两三四五十]年|年初|开年|"
                            r"(?P<month>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月份?)(?:以来|来))"
                            # (the months of this year up to one, 1至10月，…: dated as 3月以来 is)
                            r"|(?P<months>(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[至到\-—~－]\s*"
                            r"(?P<last>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月份?)(?=[，,]))",
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
_CLAUSE_START = r"(?:^|(?<=[。；;！？!?\n，,\u3000]))[ \t\u3000]*"
PERIOD_CLAUSE = re.compile(_CLAUSE_START + r"((?:19|20)\d{2})\s*年度?"
                           r"(?:上半年|下半年|前三季度|[一二三四1-4]季度|"
                           r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月份?"
                           r"(?:\s*[至到\-—~]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月份?)?)?[，,]",
                           re.MULTILINE)
# … or the day a news lead opens with ("2024年5月16日，…举行"): the day of the event reported.
LEAD_DAY = re.compile(r"[ \t\u3000]*((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
                      rf"{TIME_OF_DAY}?[，,]")
# 自2019年…以来 / 从2018年起: the year starts a span (a total since then), it dates no figure.
SINCE_YEAR = re.compile(r"[自从]\s*$")
SPAN_END = re.compile(r"[^，,。；;！？]{0,24}?(?:以来|起|开始)")
# A clause that is only a time without a year: "4月12日，", "一季度，", "3月以来，", "第二季度，",
# "上半年，" (not 下半年: it may be the half to come, a plan's).
QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
CLAUSE_TIME = re.compile(_CLAUSE_START +
                         r"(?:第?([一二三四1-4])季度|(1[0-2]|[1-9])月份?(?:((?:[12]\d|3[01]|[1-9]))日)?|(上半年|前三季度))"
                         rf"(?:以来|上旬|中旬|下旬|初|底|末|{TIME_OF_DAY})?[，,]", re.MULTILINE)
_YEAR_SPAN_AFTER = re.compile(r"\s*[-—–至到~]\s*(19|20)\d{2}")
PLAN_OPENING = re.compile(r"[ \t\u3000\n]*(下一步|下步|接下来|今后)[，,]?")


class _Spans:
    """The years of each sentence found once, however many figures it holds, and the answers
    shared by the figures of one sentence; the bounds come from the layout."""

    def __init__(self, layout, base_year: int | None, base_month: int | None):
        self.text = layout.text
        self.sentence = layout.sentence
        self.paragraph = layout.paragraph
        self.base_year, self.base_month = base_year, base_month
        self._years: dict[tuple, list] = {}
        self.context_years: dict[tuple, int | None] = {}  # see _fact_year
        self.undated: dict[int, tuple[int, int]] = {}     # see _undated_years
        self._caches = (self._years, self.context_years)

    # Figures come in text order, so only the last few sentences and paragraphs are asked about
    # again. Kept for the whole text, the answers would be tens of thousands of objects that the
    # garbage collector promotes and scans again and again; a few hundred are enough.
    CACHE_LIMIT = 256

    def forget(self) -> None:
        """Drop the cached answers once there are many (called between figures)."""
        if len(self._years) > self.CACHE_LIMIT:
            for cache in self._caches:
                cache.clear()

    def years(self, start: int, end: int) -> list | tuple:
        """_year_mentions of text[start:end], offsets relative to start."""
        key = (start, end)
        found = self._years.get(key)
        if found is None:
            found = self._years[key] = _year_mentions(self.text[start:end], self.base_year, self.base_month) or ()
        return found


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
            if GOAL_AFTER.match(text, match.end()):
                continue        # 达到2030年目标值的有41项: the year of a goal, not of the figure
            if SINCE_YEAR.search(text, max(0, match.start() - 2), match.start()) and \
                    SPAN_END.match(text, match.end()) or SINCE_LATER.match(text, match.end()):
                continue        # 自2019年实施…以来，累计… / 2018年项目启动以来: the start of a span, not the figure's year
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
            year = base_year + {"今年": 0, "年内": 0, "本年度": 0, "去年": -1, "上年同期": -1, "前年": -2, "明年": 1}[word]
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
        quarter, month, day, part = match.group(1), match.group(2), match.group(3), match.group(4)
        first_month = (QUARTERS[quarter] - 1) * 3 + 1 if quarter else YEAR_PARTS[part][0] if part else int(month)
        year = base_year if base_month is None or first_month <= base_month else base_year - 1
        out.append((match.start(1 if quarter else 4 if part else 2), match.end(), year, bool(day)))
    return out


def _fact_year(text: str, spans: _Spans, start: int, sentence: tuple[int, int], paragraph: tuple[int, int],
               base_year: int | None, period: int | None, base_month: int | None = None,
               leads: list[tuple[int, int]] = (), section_start: int = 0,
               lead_offsets: list[int] = ()) -> int | None:
    """The year of the figure at `start`, in that `sentence` and `paragraph` (the layout's bounds);
    `lead_offsets` are the offsets of `leads`."""
    s_start, s_end = sentence
    sentence_years = spans.years(s_start, s_end)
    before = [y for y in sentence_years if s_start + y[1] <= start
              and not _in_bracket_closed_before(text, s_start, s_start + y[0], start)
              and not breaks_down_an_earlier_part(text, s_start + y[0], start)
              and not in_book_title(text, s_start, s_start + y[0], start)
              and not dates_its_own_figure(text, s_start + y[1], start)
              and not _base_of_change(text, s_start + y[0], s_start + y[1], start)]
    if before:
        return before[-1][2]
    # A year later in the sentence dates the figure ("培训妇女2100人次，是2023年…") unless it
    # opens a breakdown ("累计3.2亿元，其中2022年1.4亿元、2023年1.8亿元").
    # (nor when it stands in a bracket after the figure: "612场（上年同期548场）" is of its own year)
    # (nor a deadline after it: "筛查率为65.2%，距规划“到2030年达到70%以上”…" is not 2030's)
    later = [y for y in sentence_years if s_start + y[0] >= start and text[s_start + y[0] - 1:s_start + y[0]] != "到"
             and not text.startswith("上年同期", s_start + y[0])]   # (…2460人次，上年同期为2210人次: the base's)
    if later and "其中" not in text[start:s_start + later[0][0]] \
            and not _OPEN_BRACKET.search(text, start, s_start + later[0][0]):
        return later[0][2]
    # The rest depends on where the sentence, its paragraph and its article start, not on
    # where the figure stands in it: the figures of one sentence share the answer.
    p_start, _ = paragraph
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
            at = previous_end - 1
            return _fact_year(text, spans, at, spans.sentence(at), spans.paragraph(at), base_year, period,
                              base_month, leads, section_start, lead_offsets)
    # 同时，我们为…: a paragraph that goes on from the one before, with no year of its own, is of
    # that paragraph's year (periods reads its period so too).
    if s_start == p_start and p_start >= 2 and CONTINUES.match(text, p_start) \
            and not spans.years(s_start, spans.sentence(s_start)[1]):
        at = p_start - 2
        return _fact_year(text, spans, at, spans.sentence(at), spans.paragraph(at), base_year, period,
                          base_month, leads, section_start, lead_offsets)
    # A year stated for an event earlier in the paragraph carries over to the sentences that
    # describe it ("举办了2023年…启动仪式。通过…开展20多项活动"), unless it dated a single day
    # or month ("2022年10月份成立", "今年1月") or was a target ("到2025年").
    # A day that opens the paragraph ("3月7日，全区…大会召开。会上表彰…") is the day of the event
    # the whole paragraph tells.
    earlier = spans.years(p_start, s_start) if p_start < s_start else []
    if earlier and len({y[2] for y in earlier}) == 1 and (
            not any(y[3] for y in earlier) or not text[p_start:p_start + earlier[0][0]].strip(" \t\u3000")):
        return earlier[-1][2]
    if leads:
        index = bisect_left(lead_offsets, section_start)   # the article's first period opening
        # (its own paragraph too, when the opening names the year itself: 1至10月，…。…。 on a
        # dated page, not 近年来，…。2023年，… whose year a later sentence gives)
        if index < len(leads) and leads[index][1] is not None \
                and (leads[index][0] < p_start or leads[index][0] == p_start and leads[index][3]):
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
        # A byline or source line under the headline is not the opening paragraph.
        while opening_end > 0 and (BYLINE.match(line := text[body:opening_end]) or SOURCE_LINE.match(line)):
            body = opening_end + 1
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


def _lead_years(text: str, base_year: int | None, base_month: int | None,
                openings: list | None = None) -> list[tuple[int, int | None, bool, bool]]:
    """(offset, year or None for a span, whether a span gave it, whether the opening itself names
    it) of each paragraph that opens with a period (PERIOD_OPENING);
    `openings`: the text's `_period_openings`, when found already (they do not depend on the base)."""
    leads = []
    for line_start, match in _period_openings(text) if openings is None else openings:
        year, weak, later = None, False, None
        if match.group("year"):
            mentions = _year_mentions(match.group("year") + "，", base_year, base_month)
            if mentions and not mentions[0][3]:
                year = mentions[0][2]
        elif match.group("months"):
            # 1至10月，… in a page of November: this year's months, dated as a span of this year is
            weak = True
            if base_year is not None and _month_of_this_year(match.group("last"), base_month):
                year = base_year
        elif match.group("stock"):
            mentions = _year_mentions(match.group("stock"), base_year, base_month)
            if mentions and not _is_target(match.group("stock"), mentions[0][2], base_year) \
                    and base_year in (None, mentions[0][2]):
                year = mentions[0][2]       # an as-of date in another year than the document's is no period
        else:
            weak = True
            # A span opening the paragraph: 今年以来 lies within this year, so an article that
            # opens with it is this year's news down to its later paragraphs; another span
            # (近年来) is dated only by a later one-year sentence of its paragraph.
            if base_year is not None and (match.group("span").startswith(("今年", "年初", "开年"))
                                          or _month_of_this_year(match.group("month"), base_month)):
                leads.append((line_start, base_year, weak, True))
                continue
            line_end = text.find("\n", match.end())
            later = SENTENCE_YEAR_OPENING.search(text, match.end(), len(text) if line_end < 0 else line_end)
            if later:
                mentions = _year_mentions(later.group(1) + "，", base_year, base_month)
                if mentions:
                    year = mentions[0][2]
        leads.append((line_start, year, weak, later is None))
    return leads


def _month_of_this_year(month: str | None, base_month: int | None) -> bool:
    """"3月以来" in a page dated May is this year's March: the span lies within the page's year."""
    if month is None:
        return False
    number = int(month) if month.isdigit() else "一二三四五六七八九十".find(month[-1]) + 1 + 10 * (len(month) > 1)
    return 1 <= number <= 12 and (base_month is None or number <= base_month)


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
# (a count, 2000余名妇女 / 2024人, is no year)
BARE_YEAR = re.compile(r"(?<![\d.\-/第])((?:19|20)\d{2})(?!\s*[\d年.\-—~至/月:：号期余多名人个户场次万元所家项件支位份条篇])")
HEADER_LINES = 8


def reporting_period(title: str | None, bare_year: bool = True) -> int | None:
    """The year a title states as its reporting period; `bare_year`: a year standing bare counts
    (数字里的2023 in a title; not in a header's other lines, where 浏览次数：2,087 is a counter)."""
    if not title:
        return None
    match = REPORTING_PERIOD.search(title) or ANNUAL_PERIOD.search(title)
    if match is not None and names_a_meeting(title, match.start(), match.end(1)):
        return None
    if match is None and bare_year and not YEAR_WITH_NIAN.search(title) and len(bare := BARE_YEAR.findall(title)) == 1:
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
        if not line or len(line) > 40 or any(mark in line for mark in "。；！？") or HEADING.match("\n" + line):
            continue            # (二、2025年工作安排, a numbered heading, is a section of the body, not a header)
        period = reporting_period(line, bare_year=False)
        if period is not None:
            return period
        field = PERIOD_FIELD.match(line)
        if field is not None and field.group(2) in (None, field.group(1)):
            return int(field.group(1))
    return None


# -- entry point ---------------------------------------------------------------------------
def attribute_years(layout, contexts: list, stated_year: int | None = None,
                    titled_year: int | None = None, stated_years: bool = False) -> tuple[int | None, list[int | None]]:
    """(the document's reporting year, the year of each figure, given where it stands:
    `layout.FigureContext`). `stated_year`: the year of a
    reporting period the title or header states in words this module does not read
    (2024年上半年工作情况); `titled_year`: that of the title line itself; `stated_years`: the
    period stated is a run of years (现将2021—2024年实施情况评估如下), so the document has no one
    year, whatever year its title's plan ends in (规划（2021—2030年）中期评估报告)."""
    text, date = layout.text, layout.date
    base_year = int(date[:4]) if date else None
    base_month = int(date[5:7]) if date else None
    if date is None and (month_dated := _month_dated(text)) is not None:
        base_year, base_month = month_dated
    period = None if stated_years else reporting_period(layout.title)
    if period is None and not stated_years:
        period = _header_period(text)
    if period is None and not stated_years:
        # "现在，我代表常委会向大会报告2023年工作" / "一、2023年工作回顾" near the top.
        # Only in the first article: on a list page, one item's 总结2024年工作 dates that item alone.
        review = REVIEW_PERIOD.search(text, 0, min(1000, layout.sections[0].end))
        if review and not names_a_meeting(text, review.start(), review.end()):
            period = int(review.group(1) or review.group(2))
    if period is None and not stated_years and base_month is not None:
        # A speech or report early in a year that opens its review with 过去一年，… reviews last year.
        looking_back = PAST_YEAR_OPENING.search(text, 0, min(1000, layout.sections[0].end))
        if looking_back:
            mentions = _year_mentions(looking_back.group(1), base_year, base_month)
            period = mentions[0][2] if mentions else None
    if period is None:
        period = stated_year
    if base_year is None and period is not None:
        base_year = period      # an undated 2025年10月工作月报: its 今年 and 上年同期 are of its own year
    if titled_year is not None and period == titled_year and base_year is not None and base_year > period:
        # A report of a year dated after it (a 2023年工作总结 signed in January 2024) speaks from
        # that year's end: its 今年 is 2023, its 目前 the end of 2023.
        base_year, base_month = period, 12
    # On a page of articles, each speaks from the date under its own headline (a list page
    # updated in January holds December's items: their 今年 is December's year).
    bases = {} if period is not None or base_year is None else _article_dates(layout)
    readers: dict[tuple, tuple] = {}
    # what does not depend on the date a figure's article speaks from, found once for a page of
    # articles of several dates: the paragraphs' period openings, the undated articles' years
    openings = undated = None
    fact_years = []
    for context in contexts:
        year, month = bases.get(context.section.start, (base_year, base_month))
        reader = readers.get((year, month))
        if reader is None:
            if openings is None:
                openings = list(_period_openings(text))
            leads = _lead_years(text, year, month, openings)
            spans = _Spans(layout, year, month)
            if period is None:
                if undated is None:
                    undated = _undated_years(text, layout.sections)
                spans.undated = undated
            reader = readers[(year, month)] = (spans, leads, [lead[0] for lead in leads])
        spans, leads, lead_offsets = reader
        spans.forget()
        fact_years.append(_fact_year(text, spans, context.start, context.sentence, context.paragraph, year,
                                     period, month, leads, context.section.start, lead_offsets))
    return period, fact_years


def _article_dates(layout) -> dict[int, tuple[int, int]]:
    """(year, month) of each later article of a page whose headline block carries its own date."""
    from fuhe_cli.layout import date_in

    out = {}
    for section in layout.sections[1:]:
        date = date_in(layout.text[section.title_start:section.headline_end])
        if date is not None:
            out[section.start] = (int(date[:4]), int(date[5:7]))
    return out
