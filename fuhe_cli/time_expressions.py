"""The time expressions of reports and the period each one names.

A report dates its figures with a small vocabulary: a year (2023年, 今年, 去年), a part of one
(上半年, 前三季度, 一季度, 1-9月, 前5个月), a run of years (2019年至2023年, 五年来, 近三年), a span
up to now (今年以来, 自2019年…以来) and a date a count stands at (截至2024年6月底, 截至目前, 年底).
`find_time_expressions` reads them all with one pattern and says for each the `Period` it names,
relative words resolved against the document's `Anchor` (its date, else its reporting period).
The month spans live in tables below, so a new phrase is a table row with a test, not a new branch.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, Optional

Month = tuple[int, int]                     # (year, month)
Basis = Literal["flow", "stock"]

CHINESE_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
                  "九": 9, "十": 10, "十一": 11, "十二": 12}

# Parts of a year: the words and the months they cover.
YEAR_PARTS = {
    "上半年": (1, 6), "下半年": (7, 12), "前三季度": (1, 9), "前两季度": (1, 6),
    "一季度": (1, 3), "二季度": (4, 6), "三季度": (7, 9), "四季度": (10, 12),
    "第一季度": (1, 3), "第二季度": (4, 6), "第三季度": (7, 9), "第四季度": (10, 12),
    "1季度": (1, 3), "2季度": (4, 6), "3季度": (7, 9), "4季度": (10, 12),
    "全年": (1, 12), "年度": (1, 12),
    # 2024年半年工作总结: the first half (only right after a year: a bare 半年 is a duration)
    "半年": (1, 6),
}
# Words for a year relative to the document's: how many years back (or on).
RELATIVE_YEARS = {"今年": 0, "本年": 0, "本年度": 0, "当年": 0, "去年": -1, "上年": -1, "次年": 1, "翌年": 1,
                  "上一年": -1, "上年度": -1, "前年": -2, "明年": 1, "来年": 1}
# A congress term: "本届以来" is the five years since the last congress.
TERM_YEARS = 5
# A report written in the first months of a year (a congress in January, an annual report in
# March) counts its runs of years (五年来, 近三年) in whole years, up to last December.
EARLY_MONTHS = 3


@dataclass(frozen=True)
class Anchor:
    """The document's "now": the year and month that 今年, 目前 and 以来 count to."""

    year: int
    month: Optional[int] = None
    # The year of the document's reporting period: a part of a year or a month named without a
    # year (上半年, 下半年, 1-9月, 12月) is of that year, also in a plan written before it.
    period_year: Optional[int] = None

    @property
    def end(self) -> Month:
        return (self.year, self.month or 12)


@dataclass(frozen=True)
class Period:
    """The time a figure covers: a flow from `start` to `end` (inclusive months), or a stock
    counted at `end` (`start` is None)."""

    start: Optional[Month]
    end: Month

    @property
    def basis(self) -> Basis:
        return "stock" if self.start is None else "flow"

    @property
    def year(self) -> Optional[int]:
        """The calendar year, when the period lies within one."""
        if self.start is None or self.start[0] == self.end[0]:
            return self.end[0]
        return None

    @property
    def years(self) -> int:
        return 1 if self.start is None else self.end[0] - self.start[0] + 1

    def as_stock(self) -> "Period":
        return Period(None, self.end)

    def as_json(self) -> dict:
        return {"start": month_text(self.start), "end": month_text(self.end)}

    def label(self) -> str:
        """"2023", "2024-01–06", "2019–2023", "2019-03–2023-12", "at 2024-06"."""
        if self.start is None:
            return f"at {month_text(self.end)}"
        (y1, m1), (y2, m2) = self.start, self.end
        if y1 == y2:
            if (m1, m2) == (1, 12):
                return str(y1)
            return f"{y1}-{m1:02d}" if m1 == m2 else f"{y1}-{m1:02d}–{m2:02d}"
        if (m1, m2) == (1, 12):
            return f"{y1}–{y2}"
        return f"{month_text(self.start)}–{month_text(self.end)}"

    @classmethod
    def from_json(cls, data: Optional[dict]) -> Optional["Period"]:
        if not data:
            return None
        return cls(parse_month(data.get("start")), parse_month(data["end"]))


def month_text(month: Optional[Month]) -> Optional[str]:
    return None if month is None else f"{month[0]:04d}-{month[1]:02d}"


def parse_month(text: Optional[str]) -> Optional[Month]:
    if not text:
        return None
    year, month = text.split("-")
    return int(year), int(month)


def full_year(year: int) -> Period:
    return Period((year, 1), (year, 12))


@dataclass(frozen=True)
class TimeExpression:
    """One time expression in a text: where it stands and what it names."""

    start: int
    end: int
    period: Period
    kind: Literal["flow", "stock", "since", "until"]    # until: 到2025年, a deadline (a plan when ahead)
    so_far: bool = False        # 今年 cut at the document's date: the year so far
    relative: bool = False      # 到年底 / 年底前 / 截至年底: the end of whichever year governs the sentence


# --- the pattern -------------------------------------------------------------------------------
_YEAR = r"(?<![\d.])(?:19|20)\d{2}"
_CN_MONTH = r"十[一二]|[一二三四五六七八九十]"
# (a month may follow a list item's number glued to it: "8.9月底前" is item 8, September)
_MONTH = rf"(?:(?:(?<![\d.])|(?<=\n\d\.)|(?<=\n\d\d\.))(?:1[0-2]|0?[1-9])|{_CN_MONTH})"
_RELATIVE = "|".join(sorted(RELATIVE_YEARS, key=len, reverse=True))
_PART = "|".join(sorted((p for p in YEAR_PARTS if p not in ("年度", "半年")), key=len, reverse=True))
_DAYPART = r"(?:上旬|中旬|下旬|初|底|末|中)"
# The time of a day after its date (3月6日上午，): the clause is still only that day.
TIME_OF_DAY = r"(?:上午|下午|晚上?|当天)"
_COUNT = r"(?:[一二两三四五六七八九十]|\d{1,2})"
_DASH = r"\s*(?:[-—–~～至到]|—{2})\s*"

# What each kind of expression can start with, or the run of characters it can open with before a
# character it must hold: a year (19xx, 20xx), a count (五, 5) and a month (3, 03, 十二), with the
# year or relative year (今年) before it, up to 月; a relative year (上一年) up to its 年; a part of a
# year (上半年, 第一季度, 1季度, 前5个月) up to its 年, 度 or 月. At most positions of a zone (a digit
# or numeral of another figure) the lookaheads fail at once, and most kinds are not entered.
_YEAR_FIRST = "12"
_COUNT_FIRST = r"\d一二两三四五六七八九十"
_BEFORE_MONTH = r"\d\s年今去本一二三四五六七八九十"
_DASH_CHARS = r"\-—–~～至到"
_BEFORE_RELATIVE = "".join(sorted({char for word in RELATIVE_YEARS for char in word[:word.index("年")]}))
_BEFORE_PART = r"\d\s个前" + _BEFORE_RELATIVE + "".join(sorted(
    {char for part in YEAR_PARTS if part != "年度" for char in part[:-1]} - {"年"}))

PATTERN = re.compile(
    # Every alternative starts with one of these: the engine skips other characters in C. Each
    # alternative opens with a lookahead of what it must start with (above), so that it is entered
    # only where it can match; tests/test_time_expressions.py checks that they change no match.
    r"(?=[0-9一二两三四五六七八九十今去本当上下前明来截到自近过这最往未第年全次翌])(?:"
    # 2019年至2023年, 2019—2023年, 2019-2023年度
    rf"(?=[{_YEAR_FIRST}])(?P<years>(?P<y1>{_YEAR})\s*年?{_DASH}(?P<y2>{_YEAR})\s*年度?)"
    # 2023年3月至2024年2月, 2024年4月至5月, 2024年1-9月, 1至9月, 1-6月份, 今年4月至6月
    rf"|(?=[{_BEFORE_MONTH}{_DASH_CHARS}]*月)(?P<months>(?:(?P<my1>{_YEAR})\s*年\s*|(?P<mrel>今年|去年|本年))?(?P<m1>{_MONTH})\s*(?:月份?{_DAYPART}?)?{_DASH}"
    rf"(?:(?P<my2>{_YEAR})\s*年\s*|(?P<mrel2>今年|去年|本年))?(?P<m2>{_MONTH})\s*月份?{_DAYPART}?)"
    # 截至2024年6月底, 截止到2023年末, 截至目前, 截至6月底
    rf"|(?=[截])(?P<stock>(?:截至|截止)到?\s*(?:(?P<sy>{_YEAR})\s*年|(?P<srel>今年|去年|本年))?\s*"
    rf"(?:(?P<sm>{_MONTH})\s*月(?:底|末|份|\s*\d{{1,2}}\s*日)?|(?P<send>底|末|年底|年末)|(?P<snow>目前|当前|现在|今天|日前|发稿时))?)"
    # 到2025年底 (a deadline)
    rf"|(?=到|[\d\s年今明]*[底末])(?P<until>(?<![截止高长升降加低大达])到\s*(?:(?P<uy>{_YEAR})\s*年(?:底|末)?|(?P<urel>今年|明年)?\s*年底|(?P<unamed>[今明])年(?:底|末)|(?P<uy2>{_YEAR})\s*年)"
    rf"|(?:(?P<uy3>{_YEAR})\s*年|(?P<urel3>今年|明年))?\s*年?(?:底|末)前)"
    # 自2019年…以来, 2019年以来, 今年以来, 去年以来
    rf"|(?=[{_BEFORE_MONTH}度月份以]*来)(?P<since>(?:(?:(?P<siy>{_YEAR})\s*年度?|(?P<sirel>今年|去年|本年))(?:\s*(?P<sim>{_MONTH})\s*月份?)?"
    rf"|(?P<sibare>{_MONTH})\s*月份?)\s*(?:以来|来(?![电访信函稿])))"
    # 五年来, 近三年来, 近5年, 过去五年, 这五年, 本届以来
    rf"|(?=[{_COUNT_FIRST}\s今后未来往]*年)(?P<ahead>(?:今后|未来|往后)(?P<an>{_COUNT})\s*年|(?P<an2>{_COUNT})\s*年内)"
    rf"|(?=[{_COUNT_FIRST}\s近过去这最]*年|本届)(?P<run>(?:近|过去|这|最近)?(?P<n>{_COUNT})\s*年(?:来|以来|间|中|累计)?|本届以来|本届)"
    # 2023年上半年, 今年一季度, 上半年, 前5个月
    rf"|(?=[{_BEFORE_PART}]*[年度月])(?P<part>(?:(?P<py>{_YEAR})\s*年度?|(?P<prel>{_RELATIVE}))?\s*"
    rf"(?P<pw>{_PART}|(?<=[年度])半年(?![内以来多余左时间])|前(?P<pn>{_COUNT})个月))"
    # 9月底前, 2024年9月前: a deadline within a year
    rf"|(?=[{_BEFORE_MONTH}]*月)(?P<muntil>(?:(?P<muy>{_YEAR})\s*年\s*)?(?P<mum>{_MONTH})\s*月(?:底|末|份)?前)"
    # 年内: within the year (the reporting period's, else the page's)
    rf"|(?=[年])(?P<within>(?<!半)年内)"
    # 2023年10月, 今年3月, 3月份
    rf"|(?=[{_BEFORE_MONTH}]*月)(?P<month>(?:(?P<oy>{_YEAR})\s*年|(?P<orel>今年|去年|本年))?\s*(?P<om>{_MONTH})\s*月份?(?:\s*\d{{1,2}}\s*[日号])?(?![电讯]|\d{{1,2}}\s*[日号]))"
    # 2023年底 / 年末 (the date a count stands at)
    rf"|(?=[{_YEAR_FIRST}今去])(?P<yearend>(?:(?P<ey>{_YEAR})\s*年|(?P<erel>今年|去年))\s*(?:底|末))"
    # 年末, 年底 with no year of their own (年底前 is a deadline above)
    rf"|(?=[年])(?P<bareend>(?<![\d今去明本当上次])年(?:底|末)(?!前))"
    # 本月, 上月, 当月
    rf"|(?=[上当本])(?P<thismonth>本月|上月|当月)"
    # 本季度, 当季度: the quarter of the page's month
    rf"|(?=[当本])(?P<thisquarter>(?:本|当)季度?)"
    # 上年同期, 去年同期: the same months a year earlier
    rf"|(?=[上去])(?P<same>(?:上年|去年)同期)"
    # 2023年, 2023年度, 今年, 去年
    rf"|(?=[\d\s{_BEFORE_RELATIVE}]*年)(?P<year>(?P<yy>{_YEAR})\s*年度?(?!代|龄|级|\s*第\s*\d{{1,3}}\s*期)|(?P<yrel>{_RELATIVE})))"
)
# 目前, 当前: how things stand at the document's date (截至目前 is a stock of the pattern's own).
NOW_WORDS = ("目前", "当前")
# 日前, 近日: "a few days ago" in a news lead: the page's month.
# A year that names a goal (2030年目标值, 2025年中期目标): it dates only the goal's own figure.
GOAL_AFTER = re.compile(r"度?的?(?:中期|规划)?目标")
# A year written out with 年 (2023年): whether a phrase names its year itself.
YEAR_WITH_NIAN = re.compile(r"(?:19|20)\d{2}\s*年")
# 由2020年的4.2个提高到5.6个: a change to a level — the year before it is the base's, the figure after
# it the level reached (years and periods both read it).
CHANGE_TO = re.compile(r"(?:提高|增加|增长|上升|下降|降低|减少|扩大|提升)(?:到|至)|降至|升至|增至")
RECENT_WORDS = ("日前", "近日")
# A paragraph that goes on from the one before (同时，…; 此外，…; 其中，… breaking its figures down) with
# no time of its own: the time that paragraph opened with (years and periods both read it).
CONTINUES = re.compile(r"[ \t\u3000]*(?:同时|与此同时|此外|另外|另一方面|其中)[，,]")
# Windows of a year that reports name by their season or festival, and the months they cover.
WINDOWS = {"三八": (3, 3), "六一": (6, 6), "五一": (5, 5), "国庆": (10, 10), "元旦": (1, 1), "春节": (1, 2),
           "元旦春节": (1, 2), "中秋国庆": (9, 10), "暑期": (7, 8), "暑假": (7, 8), "寒假": (1, 2),
           "寒暑假": (1, 8),   # the winter and the summer holidays, as one span
           "99公益日": (9, 9),  # the online giving days of early September
           "重阳": (10, 10)}    # the ninth of the ninth lunar month, in October in most years
# The run-up to a festival (“六一”前夕, 春节前): the weeks before it, so the month before for a
# festival on the first of a month.
EVE_WINDOWS = {"三八": (3, 3), "六一": (5, 6), "五一": (4, 5), "国庆": (9, 10), "春节": (1, 2), "元旦春节": (1, 2),
               "中秋国庆": (9, 10)}
# Found from their names (a C scan for a few words), then read with the year before them.
WINDOW_NAME = re.compile("元旦春节|中秋国庆|三八|六一|五一|国庆|元旦|春节|暑期|寒暑假|暑假|寒假|99公益日|重阳")
WINDOW = re.compile(
    r"(?:[“\"]?(?P<festival>元旦春节|中秋国庆|三八|六一|五一|国庆|元旦|春节|99公益日|重阳)[”\"]?(?:国际)?(?:妇女节|儿童节|劳动节|节)?"
    r"(?:(?:维权|宣传|活动|服务|主题)(?:周|月))?"    # (“三八”维权周期间, 开展“三八”维权周宣传活动: the festival's week)
    r"(?:期间|前后|假期|(?P<eve>前夕|前(?![进往来])|(?:到来|来临)之际|之际)|(?<=节)(?=[，,]|就|时(?!间)|里|当天|走访|慰问)|(?<=[周月]))"
    r"|(?P<season>暑期|寒暑假|暑假|寒假)(?:期间)?)")
# “十四五”以来, 十四五期间: the years of a five-year plan (from the third, 1966-1970, on: 1966 + 5(N-3)).
_FIVE_YEAR_PLAN = re.compile(r"十([一二三四五六七八九])五[”\"]?(?:规划)?(时期|期间|以来)")
_WINDOW_YEAR = re.compile(rf"(?:(?P<wy>{_YEAR})\s*年|(?P<wrel>今年|去年))$")
_NOT_NOW_BEFORE = frozenset("截止至到")
# 3月8日前后: a day's 日 and 前, not 日前 ("a few days ago").
_DAY_DIGITS = frozenset("0123456789一二三四五六七八九十")
# 自2019年实施…以来 / 从2018年起: a year that starts a span of its own words.
_SINCE_BEFORE = re.compile(r"[自从]\s*$")
_SINCE_AFTER = re.compile(r"[^，,。；;！？]{0,24}?(?:以来|起|开始)")
# 3月行动启动以来, 2018年项目启动以来: a month or a year, a few words of what began then, 以来 (more words after a month with its
# year: 2021年9月旗第十次妇女代表大会召开以来).
SINCE_LATER = re.compile(r"[^，,。；;！？\d]{1,8}?以来")
_SINCE_LATER_DATED = re.compile(r"[^，,。；;！？\d]{1,24}?以来")
# A run of years must say it is one ("五年来", "近三年", "过去五年"): a bare "3年" is a duration.
_RUN_MARK = re.compile(r"^(?:近|过去|这|最近)|(?:来|以来|累计)$")     # (两年累计: over the two years)


def _month_number(text: str) -> int:
    return int(text) if text.isdigit() else CHINESE_DIGITS[text]


def _relative(word: Optional[str], anchor: Optional[Anchor]) -> Optional[int]:
    if word is None or anchor is None:
        return None
    return anchor.year + RELATIVE_YEARS[word]


def _latest_year_of(month: int, anchor: Optional[Anchor]) -> Optional[int]:
    """The year of a month named without one: the latest such month up to the document's date."""
    if anchor is None:
        return None
    if anchor.period_year is not None:
        return anchor.period_year
    if anchor.month is None or month <= anchor.month:
        return anchor.year
    return anchor.year - 1


def _read(match: re.Match, anchor: Optional[Anchor]) -> Optional[tuple[Period, str]]:
    group = match.group
    if group("years"):
        y1, y2 = int(group("y1")), int(group("y2"))
        return (Period((y1, 1), (y2, 12)), "flow") if y1 < y2 <= y1 + 30 else None
    if group("months"):
        m1, m2 = _month_number(group("m1")), _month_number(group("m2"))
        y1 = int(group("my1")) if group("my1") else _relative(group("mrel"), anchor)
        y2 = int(group("my2")) if group("my2") else (_relative(group("mrel2"), anchor) if group("mrel2") else y1)
        if y1 is None and group("mrel") is None:
            y2 = _latest_year_of(m2, anchor)
            y1 = y2 if y2 is None or m1 <= m2 else y2 - 1
        if y1 is None or not (1 <= m1 <= 12 and 1 <= m2 <= 12) or (y1, m1) > (y2, m2):
            return None
        return Period((y1, m1), (y2, m2)), "flow"
    if group("stock") is not None and group("stock").startswith(("截至", "截止")):
        year = int(group("sy")) if group("sy") else _relative(group("srel"), anchor)
        if group("sm"):
            month = _month_number(group("sm"))
            if year is None:
                year = _latest_year_of(month, anchor)
        elif group("send"):
            month = 12
            if year is None and anchor is not None:
                # 截至年底 with no year: the end of the reporting year (else of the page's), or of
                # the year its sentence names before it (periods: relative)
                year = anchor.period_year if anchor.period_year is not None else anchor.year
                return Period(None, (year, month)), "stock at year-end"
        else:
            if anchor is None and year is None:
                return None
            if year is None or (anchor is not None and year == anchor.year):
                year, month = anchor.end if anchor else (year, 12)
            else:
                month = 12
        return (Period(None, (year, month)), "stock") if year is not None else None
    if group("until"):
        year = group("uy") or group("uy2") or group("uy3")
        if year:
            return Period(None, (int(year), 12)), "until"
        relative = group("urel") or group("urel3")
        if anchor is None:
            return None
        if group("unamed"):
            # 到今年底, 到明年末: counted from the page's year, as 今年 and 明年 are (a January speech's 明年 is next year)
            return Period(None, (anchor.year + (group("unamed") == "明"), 12)), "until"
        if relative:
            return Period(None, (anchor.year + (relative == "明年"), 12)), "until by year-end"
        # 到年底, 年底前: the end of the reporting period's year
        base = anchor.period_year if anchor.period_year is not None else anchor.year
        return Period(None, (base, 12)), "until by year-end"
    if group("since") and group("sibare"):
        month = _month_number(group("sibare"))
        year = _latest_year_of(month, anchor) if 1 <= month <= 12 else None
        if year is None or (year, month) > anchor.end:
            return None
        return Period((year, month), anchor.end), "since"
    if group("since"):
        year = int(group("siy")) if group("siy") else _relative(group("sirel"), anchor)
        if year is None or anchor is None or year > anchor.year:
            return None
        month = _month_number(group("sim")) if group("sim") else 1
        if (year, month) > anchor.end:
            return None
        return Period((year, month), anchor.end), "since"
    if group("ahead"):
        written = group("an") or group("an2")      # 今后五年 / 四年内
        count = _month_number(written) if not written.isdigit() else int(written)
        if anchor is None or not 2 <= count <= 30:
            return None
        # The years ahead start next year, or this one when it has barely begun (a plan of January).
        first = anchor.year + 1 if (anchor.month or 12) >= 7 else anchor.year
        return Period((first, 1), (first + count - 1, 12)), "flow"
    if group("run"):
        text = group("run")
        if anchor is None:
            return None
        if text.startswith("本届"):
            count = TERM_YEARS
        else:
            if not _RUN_MARK.search(text):
                return None
            count = _month_number(group("n")) if not group("n").isdigit() else int(group("n"))
            if not 2 <= count <= 30:
                return None
        if anchor.month is not None and anchor.month <= EARLY_MONTHS:
            return Period((anchor.year - count, 1), (anchor.year - 1, 12)), "flow"
        return Period((anchor.year - count + 1, 1), anchor.end), "flow"
    if group("part"):
        year = int(group("py")) if group("py") else _relative(group("prel"), anchor)
        word = group("pw")
        if group("pn"):
            months = (1, _month_number(group("pn")))
            if not 1 <= months[1] <= 12:
                return None
        else:
            months = YEAR_PARTS[word]
        if year is None and word == "全年":
            # 全年 is the reporting period's year; in a page with no such period it says nothing.
            year = anchor.period_year if anchor is not None else None
            if year is None:
                return None
        if year is None:
            year = _latest_year_of(months[1] if word != "下半年" else 7, anchor)
        if year is None:
            return None
        return Period((year, months[0]), (year, months[1])), "flow"
    if group("muntil"):
        month = _month_number(group("mum"))
        if not 1 <= month <= 12:
            return None
        if group("muy"):
            return Period(None, (int(group("muy")), month)), "until"
        if anchor is None:
            return None
        base = anchor.period_year if anchor.period_year is not None else anchor.year
        # a deadline lies ahead: 3月底前 written in May is next March's
        if anchor.period_year is None and anchor.month is not None and month < anchor.month:
            base += 1
        return Period(None, (base, month)), "until"
    if group("within"):
        if anchor is None:
            return None
        return full_year(anchor.period_year if anchor.period_year is not None else anchor.year), "flow"
    if group("month"):
        month = _month_number(group("om"))
        if not 1 <= month <= 12:
            return None
        year = int(group("oy")) if group("oy") else _relative(group("orel"), anchor)
        if year is None:
            year = _latest_year_of(month, anchor)
        if year is None:
            return None
        return Period((year, month), (year, month)), "flow"
    if group("bareend"):
        if anchor is None:
            return None
        return Period(None, ((anchor.period_year if anchor.period_year is not None else anchor.year), 12)), "stock"
    if group("thismonth"):
        if anchor is None or anchor.month is None:
            return None
        year, month = anchor.year, anchor.month
        if group("thismonth") == "上月":
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        return Period((year, month), (year, month)), "flow"
    if group("thisquarter"):
        if anchor is None or anchor.month is None:
            return None
        first = (anchor.month - 1) // 3 * 3 + 1
        return Period((anchor.year, first), (anchor.year, first + 2)), "flow"
    if group("same"):
        if anchor is None:
            return None
        return Period((anchor.year - 1, 1), (anchor.year - 1, anchor.month or 12)), "flow"
    if group("yearend"):
        year = int(group("ey")) if group("ey") else _relative(group("erel"), anchor)
        return (Period(None, (year, 12)), "stock") if year is not None else None
    if group("year"):
        if group("yy"):
            return full_year(int(group("yy"))), "flow"
        year = _relative(group("yrel"), anchor)
        if year is None:
            return None
        if anchor is not None and year == anchor.year and anchor.end < (year, 12):
            return Period((year, 1), anchor.end), "so far"
        return full_year(year), "flow"
    return None


# Every time expression of the pattern holds one of these characters, at most ZONE_BEFORE characters after its
# start and ZONE_AFTER before its end: the pattern runs only in the zones around them (in a
# report they cover a fifth of the text), with the same matches as over the whole text.
_ZONE_MARK = re.compile("[年月季截届底末]")
ZONE_BEFORE, ZONE_AFTER = 32, 24


def _zones(text: str, start: int, end: int) -> list[tuple[int, int]]:
    zones: list[list[int]] = []
    for mark in _ZONE_MARK.finditer(text, start, end):
        position = mark.start()
        if zones and position - ZONE_BEFORE <= zones[-1][1]:
            zones[-1][1] = min(end, position + ZONE_AFTER)
        else:
            zones.append([max(start, position - ZONE_BEFORE), min(end, position + ZONE_AFTER)])
    return [(first, last) for first, last in zones]


def find_time_expressions(text: str, anchor: Optional[Anchor] = None, start: int = 0,
                          end: Optional[int] = None) -> list[TimeExpression]:
    """Every time expression in `text[start:end]` that names a period, in order."""
    end = len(text) if end is None else end
    found = pattern_expressions(text, anchor, start, end)
    extra = _now_words(text, anchor, start, end) + _windows(text, anchor, start, end) \
        + _five_year_plans(text, anchor, start, end)
    if not extra:
        return found
    extra.sort(key=lambda expression: expression.start)
    # One pass over both lists: an extra word inside a longer expression (截至目前) goes; an
    # expression inside an extra one (今年 of 今年“三八”期间) gives way to it.
    merged, index = [], 0
    for expression in extra:
        while index < len(found) and found[index].end <= expression.start:
            merged.append(found[index])
            index += 1
        overlapping = []
        while index < len(found) and found[index].start < expression.end:
            overlapping.append(found[index])
            index += 1
        if merged and merged[-1].end > expression.start or any(
                e.start <= expression.start and e.end >= expression.end for e in overlapping):
            merged.extend(overlapping)
            continue
        merged.append(expression)
    merged.extend(found[index:])
    return merged


def five_year_plan(number: str) -> Period:
    """The years of the five-year plan 十<number>五 (十四五: 2021–2025; the third began in 1966)."""
    first = 1966 + 5 * (10 + CHINESE_DIGITS[number] - 3)
    return Period((first, 1), (first + 4, 12))


def _five_year_plans(text: str, anchor: Optional[Anchor], start: int, end: int) -> list[TimeExpression]:
    out = []
    for match in _FIVE_YEAR_PLAN.finditer(text, start, end):
        plan = five_year_plan(match.group(1))
        first, last = plan.start[0], plan.end[0]
        begin = match.start() - 1 if match.start() > start and text[match.start() - 1] in "“\"" else match.start()
        if match.group(2) == "以来":
            if anchor is None or anchor.end < (first, 1):
                continue
            out.append(TimeExpression(begin, match.end(), Period((first, 1), min(anchor.end, (last, 12))), "since"))
        else:
            out.append(TimeExpression(begin, match.end(), Period((first, 1), (last, 12)), "flow"))
    return out


def _windows(text: str, anchor: Optional[Anchor], start: int, end: int) -> list[TimeExpression]:
    """暑期, “三八”期间, 元旦春节期间: the months of a season or festival, in the year named or the
    latest such up to the document's date."""
    out = []
    last_end = start
    for name_hit in WINDOW_NAME.finditer(text, start, end):
        at = name_hit.start() - (1 if name_hit.start() > start and text[name_hit.start() - 1] in "“\"" else 0)
        if at < last_end:
            continue
        match = WINDOW.match(text, at, end)
        if match is None:
            continue
        word = "festival" if match.group("festival") else "season"
        if match.start(word) and text[match.start(word) - 1] in "“\"" and text[match.end(word):match.end(word) + 1] not in "”\"":
            continue            # “暑期护童”行动: a campaign's name, not the summer
        name = match.group(word)
        if match.group("eve") and name not in EVE_WINDOWS:
            continue
        first, last = (EVE_WINDOWS if match.group("eve") else WINDOWS)[name]
        named = _WINDOW_YEAR.search(text, max(start, at - 8), at)
        year = None
        if named is not None:
            year = int(named.group("wy")) if named.group("wy") else _relative(named.group("wrel"), anchor)
        if year is None:
            year = _latest_year_of(first, anchor)   # the latest one begun by the date: 元旦春节期间 on 1月5日 is now's
        if year is not None:
            out.append(TimeExpression(named.start() if named else at, match.end(), Period((year, first), (year, last)), "flow"))
            last_end = match.end()
    return out


def pattern_expressions(text: str, anchor: Optional[Anchor], start: int, end: int) -> list[TimeExpression]:
    """The pattern's expressions in text[start:end], found in the zones around their marks."""
    return [expression for first, last in _zones(text, start, end)
            for expression in _expressions_in(text, anchor, start, first, last)]


def _now_words(text: str, anchor: Optional[Anchor], start: int, end: int) -> list[TimeExpression]:
    """目前/当前 (a stock at the document's date) and 日前/近日 (the date's month), not after 截至/到."""
    if anchor is None:
        return []
    readings = [(word, Period(None, anchor.end), "stock") for word in NOW_WORDS]
    if anchor.month is not None:
        month = (anchor.year, anchor.month)
        readings += [(word, Period(month, month), "flow") for word in RECENT_WORDS]
    out = []
    for word, period, kind in readings:
        position = text.find(word, start, end)
        while position >= 0:
            if not (position and (text[position - 1] in _NOT_NOW_BEFORE
                                  or word in RECENT_WORDS and text[position - 1] in _DAY_DIGITS)):
                out.append(TimeExpression(position, position + len(word), period, kind))
            position = text.find(word, position + 2, end)
    return sorted(out, key=lambda expression: expression.start)


def _expressions_in(text: str, anchor: Optional[Anchor], start: int, first: int, last: int) -> list[TimeExpression]:
    found = []
    for match in PATTERN.finditer(text, first, last):
        read = _read(match, anchor)
        opener = read is not None and read[1] == "flow" and match.group("yy") and anchor is not None \
            and _SINCE_BEFORE.search(text, max(start, match.start() - 2), match.start())
        if not opener and read is not None and match.group("month") and match.group("oy") and anchor is not None:
            # 自2021年11月市第九次妇女代表大会召开以来: a span from that month
            opener = _SINCE_BEFORE.search(text, max(start, match.start() - 2), match.start())
        if opener:
            since = _SINCE_AFTER.match(text, match.end())
            if since is not None and read[0].start <= anchor.end:
                found.append(TimeExpression(opener.start(), since.end(), Period(read[0].start, anchor.end), "since"))
                continue
        if read is not None and anchor is not None and (match.group("month") or read[1] == "flow" and match.group("yy")) \
                and read[0].start is not None and read[0].start <= anchor.end:
            since = (_SINCE_LATER_DATED if match.group("oy") else SINCE_LATER).match(text, match.end())
            if since is not None:        # 3月行动启动以来, 2018年项目启动以来: a span from then
                found.append(TimeExpression(match.start(), since.end(), Period(read[0].start, anchor.end), "since"))
                continue
        if read is not None:
            period, kind = read
            so_far = kind == "so far"
            relative = kind in ("until by year-end", "stock at year-end")
            kind = "flow" if so_far else {"until by year-end": "until", "stock at year-end": "stock"}.get(kind, kind)
            found.append(TimeExpression(match.start(), match.end(), period, kind, so_far, relative))
    return found


# The source a news lead names before its own words (记者日前从省妇联获悉，/ 据了解，; also after the
# day it was learnt, 12月2日，记者从…获悉，): "今年“三八”期间，" after it still opens the article.
# A lead that opens by naming the day's occasion (11月25日是“国际消除家庭暴力日”。), then its source:
# the lead's own words start after both.
OCCASION_SENTENCE = re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*日(?:是|为)[^。！\n]{2,30}?[日节]”?[。！]")
SOURCE_LEAD_IN = re.compile(r"(?:\d{1,2}月\d{1,2}日[，,])?(?:记者|笔者)?(?:日前|近日|昨日|今天|今日|\d{1,2}日)?(?:从[^，,。；\n]{2,20}?)?(?:获悉|了解到|得知)[，,]"
                             r"|据[^，,。；\n]{0,12}?(?:介绍|了解|消息|统计)[，,]")


# A year inside a meeting's name (召开2024年度工作总结会, 2024年工作总结大会) names the meeting, not a
# reporting period (years and periods both read it).
_MEETING_BEFORE = re.compile(r"(?:召开|举行|举办|开好)\s*$")
_MEETING_AFTER = re.compile(r"[^，,。；;！？\n]{0,12}?(?:总结会|表彰会|大会|会议|座谈会|推进会|部署会|例会|动员会)")


def names_a_meeting(text: str, start: int, end: int) -> bool:
    """Whether the time at text[start:end] stands in a meeting's name."""
    return _MEETING_BEFORE.search(text, max(0, start - 4), start) is not None \
        or _MEETING_AFTER.match(text, end) is not None


def last_part_break(text: str, start: int, end: int) -> int:
    """Where the last ；-break in text[start:end] stands, -1 when there is none."""
    return max(text.rfind("；", start, end), text.rfind(";", start, end))


def breaks_down_an_earlier_part(text: str, at: int, start: int) -> bool:
    """Whether the time at `at` breaks down a figure of an earlier ；-part than the figure at
    `start` ("五年来，…培训15.6万人次，其中2025年3.8万人次；累计发放…": the later part is the run's)."""
    return text[max(0, at - 2):at] == "其中" and last_part_break(text, at, start) >= 0


# A year's own figure: 由2021年的6.8万人增加到2025年的9.1万人 (the number right after 年的), 上年同期为3980万元.
_YEARS_OWN_FIGURE = re.compile(r"(?:(?<=同期)\s*(?:为|是|的)?|\s*的)\s*(?=[\d０-９一二两三四五六七八九十百千万])"
                               r"(?![^，,。；;]{0,6}?[月日])")     # (…，上年同期为3980万元: that base's own)


def dates_its_own_figure(text: str, end: int, start: int) -> bool:
    """Whether the time ending at `end` is one level's own, given by 的 and the figure right after it,
    and that figure is not the one at `start` (…增加到2025年的9.1万人，累计救助…2140名: 2140 is not of 2025)."""
    found = _YEARS_OWN_FIGURE.match(text, end)
    return found is not None and start > found.end()


def in_book_title(text: str, s_start: int, at: int, start: int) -> bool:
    """Whether the time at `at` stands inside a title in 《》 that closes before the figure at
    `start` (2024年，《…妇女发展规划（2021—2030年）》68项指标中已有61项…): it names the document, not
    the time of the figure."""
    opened = text.rfind("《", s_start, at)
    return opened >= 0 and text.rfind("》", opened, at) < 0 and text.find("》", at, start) >= 0


def reviews_years(expression: TimeExpression, anchor: Optional[Anchor]) -> bool:
    """Whether a time in a news lead after the day of its event is the run of years the article
    reviews (11月11日，…妇女代表大会开幕。据悉，过去五年，…): several years up to now. The
    article's undated paragraphs after such a lead report that run, not the meeting's month."""
    period = expression.period
    if anchor is None or expression.kind not in ("flow", "since") or period.start is None \
            or period.start[0] == period.end[0]:
        return False
    return 0 <= anchor.year * 12 + (anchor.month or 12) - (period.end[0] * 12 + period.end[1]) <= EARLY_MONTHS


def read_period(text: str, anchor: Optional[Anchor] = None) -> Optional[Period]:
    """The period a short phrase names ("2024年上半年", "五年来"), or None."""
    found = find_time_expressions(text, anchor)
    return found[0].period if found else None


# --- what compare lines up -------------------------------------------------------------------------
def span_kind(period: Optional[Period]) -> str:
    """Which figures are comparable: "year" (one calendar year), "months 01-06" (the same part
    of a year), "years 5" (a run of five calendar years), "stock" (a count at a date), "undated"."""
    if period is None:
        return "undated"
    if period.start is None:
        return "stock"
    (y1, m1), (y2, m2) = period.start, period.end
    if y1 == y2:
        return "year" if (m1, m2) == (1, 12) else f"months {m1:02d}-{m2:02d}"
    return f"years {y2 - y1 + 1}"


SPAN_TITLES = {"year": "", "stock": "stock at a date", "undated": "period unknown"}


def span_title(kind: str) -> str:
    """How a row of that span kind is labelled: "", "Jan–Jun", "5-year total", "stock at a date"."""
    if kind in SPAN_TITLES:
        return SPAN_TITLES[kind]
    word, _, value = kind.partition(" ")
    if word == "years":
        return f"{value}-year total"
    first, last = (int(part) for part in value.split("-"))
    return f"months {first}–{last}"


def span_order(kind: str) -> tuple:
    """Rows of one indicator: the year first, then parts of a year, stocks, runs of years, undated."""
    word, _, value = kind.partition(" ")
    rank = {"year": 0, "months": 1, "stock": 2, "years": 3, "undated": 4}[word]
    return rank, value


def effective_period(fact, document=None) -> Optional[Period]:
    """A fact's period; a fact without one has its (or else its document's) whole year."""
    if fact.period is not None:
        return from_model(fact.period)
    year = fact.year if fact.year is not None or document is None else document.year
    return full_year(year) if year is not None else None


def from_model(model) -> Period:
    """The period of a `models.Period`."""
    return _period_of(model.start, model.end)


@lru_cache(maxsize=4096)
def _period_of(start: Optional[str], end: str) -> Period:
    return Period(parse_month(start), parse_month(end))


@lru_cache(maxsize=4096)
def as_model(period: Optional[Period]):
    """The `models.Period` of a period (shared instances: periods repeat across facts)."""
    if period is None:
        return None
    from fuhe_cli.models import Period as PeriodModel

    return PeriodModel(start=month_text(period.start), end=month_text(period.end))
