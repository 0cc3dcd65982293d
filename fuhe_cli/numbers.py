"""The number grammar: find quantities in normalised text and read their values.

`find_quantities(text)` scans report text with one precompiled pattern and keeps only the
candidates that measure something (a counting unit, a percent, or a qualified 万/亿 figure);
`parse_number(text)` (in `number_expressions`) reads one number expression, raw or normalised;
`numerals` turns a chosen numeral into its exact value.

Values are computed with `Decimal`, so 1.3万 is 13000 and not 12999.999…; money is folded
into 元 and 成 into percent.  Look-alikes that are not statistics (dates, ordinals, slogan
counts such as 三篇文章, codes, formulas, hotline numbers, vague 数千) are dropped by a few
general context checks in `_is_not_a_fact`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Optional, Union

from fuhe_cli.normalise import matches_at
from fuhe_cli.numerals import _BIG, _CN_DIGITS, _SMALL, _canonical, _convert, fold


Number = Union[int, float]


@dataclass(slots=True)
class Quantity:
    start: int
    end: int
    num_start: int
    num_end: int
    number: str
    value: Number
    unit: Optional[str]
    qualifier: str
    marker: Optional[str]
    low: Optional[Number] = None
    high: Optional[Number] = None
    label: Optional[tuple[int, int]] = None   # where a label printed apart names it (a column header)


# ---------------------------------------------------------------------------
# Units and qualifiers.

# Counting units; longest first when compiled.  Dates (年 月 日), ages (岁), levels (级),
# "N大" labels and 号 are deliberately absent: a number followed by them is not a statistic.
UNITS = (
    "个百分点", "百分点", "平方公里", "平方米", "人次", "场次", "件次", "户次", "家次", "批次",
    "个月", "小时", "课时", "学时", "公里", "公顷", "万元", "亿元",
    "人", "名", "位", "个", "家", "户", "场", "期", "份", "件", "次", "项", "支", "节", "款",
    "所", "处", "座", "套", "条", "篇", "册", "本", "批", "类", "间", "张", "台", "辆", "门",
    "堂", "元", "天", "周", "例", "组", "队", "部", "种", "亩", "吨", "米", "笔", "轮",
    "起", "宗", "对次", "对", "公斤", "千克", "斤",
    "%", "‰", "成", "倍",
)
# A unit character that starts a longer word is not a unit: 2周年, 2024元旦, 二十四节气.
_UNIT_FALSE_CONTINUATIONS = {
    "周": "年岁边", "元": "旦素宵", "节": "气日点约", "天": "然地津", "期": "间待望刊",
    "次": "日", "所": "有在以属需", "名": "单义称", "位": "于置", "场": "所地景",
    "处": "理置于长", "类": "似型", "组": "织成建", "队": "伍员长", "个": "性体",
    "本": "身地土届级", "条": "件例", "起": "来步点始初草源诉航跑飞身床居义",
    "宗": "旨教族亲师", "倍": "感",
    "对": "于接象口待比标策话照应外方立称抗症0123456789一二三",
}
# Money is often written 300万 without 元; these words just before the figure say so.
_MONEY_CUES = re.compile(r"资金|善款|款物|金额|贷款|经费|捐款|捐赠|募集|筹集|奖补|补助|补贴|投入|拨付|产值|收入|营业额|销售额")
_MONEY_WINDOW = 8
# "Around the clock" phrases describe a service, they do not count anything.
_ROUND_THE_CLOCK = ("24小时", "365天")
_UNIT_CANONICAL = {"个百分点": "百分点", "万元": "元", "亿元": "元", "成": "%"}
_UNIT_SCALE = {"万元": 10**4, "亿元": 10**8, "成": 10}

_PREFIX_QUALIFIERS = {
    "不少于": "at_least", "不低于": "at_least", "至少": "at_least",
    "不超过": "at_most", "不多于": "at_most", "不高于": "at_most", "最多": "at_most",
    "将近": "at_most", "接近": "at_most", "近": "at_most", "不到": "at_most", "不足": "at_most",
    "大约": "approx", "约": "approx",
    "超过": "at_least", "逾": "at_least", "超": "at_least", "突破": "at_least",
    "≥": "at_least", "≤": "at_most",   # 目标值≥90, a table cell's ≥70
}
# Words that end in a prefix-qualifier character without being one (签约, 最近, 赶超 …).
_PREFIX_FALSE_FRIENDS = {
    "约": set("签合预公契节邀特制履续违守践盟要相婚"),
    "近": set("最附亲就贴靠临"),
    "超": set("赶高"),
}
_PREFIX_WORDS = sorted(_PREFIX_QUALIFIERS, key=len, reverse=True)
_PREFIX_LAST_CHARS = frozenset(word[-1] for word in _PREFIX_WORDS)
# 约占60%, 近有3000人, 约合110万元: a verb between the qualifier and the number
_QUALIFIER_VERBS = set("占为有达计合")
# 折合约120万元: a conversion verb ending in a false friend's character is no false friend
_NOT_FALSE_FRIENDS = ("折合",)
# 约合人民币110万元: the currency of a converted sum stands between the qualifier and the number
_CURRENCY_WORDS = ("人民币", "港币", "港元", "美元", "欧元")
_CURRENCY_LAST_CHARS = frozenset(word[-1] for word in _CURRENCY_WORDS)
# _prefix_qualifier finds nothing unless the number follows one of these (约, 近有, 总数的, 人民币).
_QUALIFIED_AFTER = _PREFIX_LAST_CHARS | _QUALIFIER_VERBS | {"的"} | _CURRENCY_LAST_CHARS
# 至少建成1个, 至少组织2次, 至少办1期: 至少 before the verb of the work is the figure's qualifier — a
# requirement puts its bound before the verb, whatever the verb, and before the verb's object when the
# object comes first (至少开展家庭教育指导服务2场次). Only Chinese characters may stand between, at
# most _AT_LEAST_VERB_GAP of them, so the bound never reaches over a clause stop, a quote or a figure.
_AT_LEAST_BEFORE_VERB = "至少"
_AT_LEAST_VERB_GAP = 12
_BIG_MULTIPLIER = re.compile("[万亿]")
_SHARE_REACH = 16
_CLAUSE_STOPS = frozenset("，,。；;：:！？\n")
# 2100来人: 来 between a number and its unit is spoken "about" (only before a unit: 30来访 is not)
_POST_QUALIFIERS = {"余": "at_least", "多": "at_least", "+": "at_least", "来": "approx"}
_AFTER_QUALIFIERS = {"以上": "at_least", "左右": "approx", "上下": "approx",
                     "以下": "at_most", "以内": "at_most"}

_ARABIC = r"[0-9]+(?:[,，][0-9]{3}(?![0-9]))*(?:\.[0-9]+|。[0-9]+(?=[万亿%]))?"
_MULT = r"(?:[十千万亿]|百(?!分[点之]))"  # 0.8百分点 is 0.8 percentage points, not 80
_ARABIC_MIXED = rf"{_ARABIC}(?:[ ]?{_MULT}+(?:{_ARABIC}{_MULT}+)*)?"
_CN_RUN = r"(?:[零〇一二两三四五六七八九十千万亿]|百(?!分[点之]))+(?:点[零〇一二三四五六七八九]+[万亿]*)?"
_NUM = rf"(?:{_ARABIC_MIXED}|{_CN_RUN})"
_UNIT_ALT = "|".join(
    re.escape(u) + ("(?![员立为果效功长绩本都就])" if u == "成" else "")
    for u in sorted(UNITS, key=len, reverse=True)
)
_PATTERN = re.compile(
    rf"""
    (?:
        百分之(?P<pct>{_ARABIC}|{_CN_RUN})
      | (?P<n1>{_NUM})(?:分之(?P<frac>{_ARABIC}|{_CN_RUN})|[ ]?(?P<sep>至|到|~|-|—|–)[ ]?(?P<n2>{_NUM}))?
        (?:[ ]?(?P<q>余|多|来(?=(?:{_UNIT_ALT})))(?P<mult>万亿|千万|百万|亿|万|千|百)?)?
        (?P<plus>\+(?![0-9A-Za-z]))?
    )
    (?P<unit>{_UNIT_ALT})?
    (?P<after>以上|左右|上下|以下|以内)?
    """,
    re.VERBOSE,
)
# Every character a match of _PATTERN can start with (百分之, _ARABIC, _CN_RUN).
_NUMBER_START = re.compile("[0-9零〇一二两三四五六七八九十百千万亿]")
# Where find_quantities tries _PATTERN; the matches found are still those of finditer.
# - A digit run is tried at its first digit only: a match never ends between two digits
#   (every digit loop is greedy with only optional parts after it, or is closed by (?![0-9])
#   or a lookahead for 万/亿/%), so the rest of the run always lies inside an earlier match.
# - Most Chinese numerals in prose are words (一是, 统一, 四川, 五大).  A run of them without
#   万/亿, followed by a character no part of _PATTERN can continue with, matches as the bare
#   run alone, which _quantity_from_match always drops (no unit, no 万/亿, not an arabic
#   table cell), and finditer would resume right after it: such runs are not tried at all.
_SMALL_NUMERALS = "零〇一二两三四五六七八九十百千"
_CONTINUATIONS = "".join(sorted(
    set("万亿点分 +")  # _CN_RUN's 万/亿 and 点, 百分之, the optional spaces, plus
    | set("至到~-—–") | set("余多来")  # sep, q
    | {unit[0] for unit in UNITS} | {word[0] for word in ("以上", "左右", "上下", "以下", "以内")}))
_CANDIDATE = re.compile(
    f"[0-9{_SMALL_NUMERALS}万亿]"  # one character class first, so re scans for it in C
    f"(?:(?<=[万亿])|(?<=[0-9])[0-9]*+|(?=[{_SMALL_NUMERALS}]*+[{re.escape(_CONTINUATIONS)}]))")
# match.lastindex when n1 is the last group matched: a bare number, nothing after it.
_N1_ONLY = _PATTERN.groupindex["n1"]
_YEAR_DIGITS = re.compile(r"(?:19|20)[0-9]{2}")
_MULT_VALUES = {"万亿": 10**12, "千万": 10**7, "百万": 10**6, "亿": 10**8, "万": 10**4,
                "千": 1000, "百": 100}
_CONSECUTIVE = {"一两", "两三", "二三", "三四", "四五", "五六", "六七", "七八", "八九"}

# Page chrome: a pager line ("共3条 每页20条 页次：1/1") counts list entries, not work.
_PAGER_WORDS = re.compile(r"每页|页次|上一页|下一页|首页|尾页|末页|跳转|共[0-9]+页|第[0-9]+页|[0-9]+/[0-9]+页")
_PAGER_UNITS = frozenset("条页篇")
_PAGER_WINDOW = 30
# A flattened table row ("2 | 宣讲场次 | 场 | 356 |"): cells split by | or tabs; the unit of a
# bare number is a unit cell to its left, a unit in brackets after the row label, or the label's
# own counting word (培训人数 -> 人).
_CELL_BREAKS = "|｜\t"
_CELL_SPLIT = re.compile(r"[|｜\t]")
_CELL_EDGE = frozenset(_CELL_BREAKS + " ≥≤+-")   # what stands just before a number in a cell
_TABLE_UNITS = {**{u: u for u in UNITS if u not in ("%", "成", "个百分点")},
                "万人次": "万人次", "万人": "万人", "万户": "万户", "万元": "万元", "亿元": "亿元"}
_LABEL_SUFFIX_UNITS = (("人次", "人次"), ("场次", "场次"), ("件次", "件次"), ("人数", "人"), ("户数", "户"),
                       ("次数", "次"), ("个数", "个"), ("件数", "件"), ("期数", "期"), ("场数", "场"),
                       ("家数", "家"), ("名数", "名"))
_COUNT_LABEL = re.compile(r"(人数|人次|户数|场次|件次|件数)(?:达到|达|为|共|累计|共计)?$")
# 带动2万农村妇女就业, 惠及1.05亿妇女: people counted by 万/亿 with the people named, no measure word
_PEOPLE_AFTER = re.compile(r"(?:农村|城乡|城镇|困难|留守|广大|适龄)?(?:妇女|女性|群众|儿童|家长|居民)")
# 项目资金（万元）; a bracket may go on past its unit with a note on what is counted or when, the unit
# first (妇女微家总数（个，截至9月底）, 参训人数（人次，含线上）): the unit is what opens it.
_LABEL_UNIT = re.compile(r"[（(]([^（）()，,、；;]{1,4})(?:[，,、；;][^（）()]*)?[)）]\s*$")

# A page's reader counters ("阅读 10万+", "在看 2186", "浏览量：3562") alone on their line.
_COUNTER_GAP = frozenset(" ：:读看赞享发藏论量数击览放")
_COUNTER_WORD = r"(?:阅读|在看|点赞|分享|转发|收藏|评论|浏览|点击|播放|访问)(?:量|次数|数)?\s*[:：]?\s*$"
_COUNTER_LINE = re.compile(r"\s*" + _COUNTER_WORD)
# China's public service hotlines have five-digit numbers from 12 or 96 (12338, 12345, 96111). One
# followed by a unit character that opens the rest of the line's name before a line noun (12338家政服务
# 维权专线, 12345人民热线) is the line's number; a count puts the noun counted right after its unit
# (12346个热线电话), so at least one character must stand between.
_HOTLINE_NUMBER = re.compile(r"(?:12|96)[0-9]{3}")
_HOTLINE_NAMED = re.compile(r"[\u4e00-\u9fff]{1,10}?(?:热线|专线|服务线|服务台|服务平台)")
# A bulletin's footer states its print run (送：…　共印30份, 印数：50份), the verb 印 right before the
# figure; what was printed for the work names its material in between (共印发宣传册2000份, 印制…).
_PRINT_RUN_LEADS = ("共印", "印数：", "印数:")
_MONTH_WINDOW_AFTER = ("以来", "来", "内", "里", "中", "间")
_DURATION_UNITS = frozenset(("天", "周", "个月", "小时"))
_PERIOD_UNITS = frozenset(("天", "周", "个月"))
_PERIOD_LENGTH = re.compile(r"[月日底][（(]共?$")
_UNIT_SET = frozenset(UNITS)
_WRAPPED_UNIT = re.compile(f"({_UNIT_ALT})")
_DURATION_LEADS = ("为期", "历时", "持续", "用时")


# A page's header or footer may set its counters in one line, each a cell of its own after a space
# ("2024-06-05　来源：…妇联　　浏览：2,316次", "阅读 10万+　在看 326"; fold makes 　 a space).
_COUNTER_CELL = re.compile(_COUNTER_WORD)


def _counter_line(folded: str, start: int, end: int) -> bool:
    """Whether the figure at start..end is a reader counter: alone on its line after a counter word,
    or in a cell of its own on such a line, the counter word opening it after a space."""
    left, right = _line_bounds(folded, start, end, 20)
    if _COUNTER_LINE.fullmatch(folded, left, start) is not None and not folded[end:right].strip():
        return True
    cell = _COUNTER_CELL.search(folded, left, start)
    return (cell is not None and (cell.start() == left or folded[cell.start() - 1].isspace())
            and (end == right or folded[end].isspace()))


# Context that makes a number a code, a time, a formula or part of a URL.
_CONNECTORS_BEFORE = set(":：/\\.·•+=×*<>_#@&")
_CONNECTORS_AFTER = set(":：/\\·•=×*<>_#@&")
_VAGUE_BEFORE = set("数几上成")
_QUOTE_PAIRS = (("“", "”"), ("「", "」"), ("『", "』"), ('"', '"'), ("《", "》"), ("‘", "’"))
_SHORT_QUOTE = 12
# A quoted rate after one of these is a plan's goal, not a slogan (“保持在40%以上”, “不低于90%”).
_GOAL_VERBS = ("达到", "保持在", "稳定在", "提高到", "提升到", "高于", "不低于", "超过")
_QUOTE_REACH = 30               # the longest look-back below (《…》)
_ANY_OPENING = re.compile("[" + re.escape("".join(opening for opening, _ in _QUOTE_PAIRS)) + "]")


# 评选“最美家庭”：80户, 参训人数（线上）：320人: a label may end in a closing quote or bracket.
_LABEL_CLOSINGS = frozenset("”」』’》）)")


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _at_least_before_verb(text: str, num_start: int) -> Optional[int]:
    """Where 至少 starts when it stands before the verb right before the number (至少组织2次), or
    before a verb and its object (至少开展家庭教育指导服务2场次): only Chinese characters between."""
    for gap in range(1, _AT_LEAST_VERB_GAP + 1):
        begin = num_start - gap - len(_AT_LEAST_BEFORE_VERB)
        if begin < 0 or not _is_cjk(text[num_start - gap]):
            return None
        if text.startswith(_AT_LEAST_BEFORE_VERB, begin):
            return begin
    return None


def _label_ends_before(text: str, colon: int) -> bool:
    """True when a word label ends right before the colon at `colon`: a CJK character, or one
    closed by a quote or bracket round CJK text (not 8:00, 1:3, （2023）：5号 or “A”：12个)."""
    if colon < 1:
        return False
    last = text[colon - 1]
    if last in _LABEL_CLOSINGS:
        return colon >= 2 and _is_cjk(text[colon - 2])
    return _is_cjk(last)


def _read_range_pair(run: str) -> Optional[tuple[Decimal, Decimal]]:
    """两三万 -> (20000, 30000): two consecutive digits then multipliers."""
    if len(run) >= 2 and run[:2] in _CONSECUTIVE and all(c in _SMALL or c in _BIG for c in run[2:]):
        low = _convert(run[0] + run[2:])
        high = _convert(run[1] + run[2:])
        if low is not None and high is not None:
            return low, high
    return None


def _clean(number: str) -> str:
    if number.isalnum():
        return number  # no space, comma or 。 in it (the usual case)
    return number.replace(" ", "").replace(",", "").replace("，", "").replace("。", ".")


def _is_chinese(number: str) -> bool:
    return not any(c.isdigit() for c in number)


def _inside_short_quote(text: str, start: int, end: int) -> bool:
    openings = _ANY_OPENING.findall(text, max(0, start - _QUOTE_REACH), start)
    if not openings:
        return False            # no opening quote close enough before the number
    for opening, closing in _QUOTE_PAIRS:
        if opening not in openings:
            continue            # the rfind below would find none (every limit <= _QUOTE_REACH)
        limit = 30 if opening == "《" else _SHORT_QUOTE
        left = text.rfind(opening, max(0, start - limit), start)
        if left == -1:
            continue
        if opening == closing:
            if text.count(opening, max(0, start - limit), start) % 2 == 0:
                continue
        elif text.find(closing, left + 1, start) != -1:
            continue
        right = text.find(closing, end, end + limit)
        if right != -1 and right - left <= limit + (end - start):
            return True
    return False


def _prefix_qualifier(text: str, num_start: int) -> tuple[Optional[str], Optional[str], int]:
    """(qualifier, marker, start of marker) for a qualifier word just before the number."""
    if num_start and text[num_start - 1] in _CURRENCY_LAST_CHARS:
        for currency in _CURRENCY_WORDS:
            if text.startswith(currency, num_start - len(currency)):
                qualifier, marker, start = _prefix_qualifier(text, num_start - len(currency))
                if qualifier:
                    return qualifier, marker, start
                return None, None, num_start
    for gap in (0, 1):
        # 约占60%, 近有3000人: one verb may stand between the qualifier and the number
        if gap and (num_start < 1 or text[num_start - 1] not in _QUALIFIER_VERBS):
            break
        end = num_start - gap
        if end < 1 or text[end - 1] not in _PREFIX_LAST_CHARS:
            continue            # no qualifier word can end here (the usual case)
        for word in _PREFIX_WORDS:
            begin = end - len(word)
            if begin >= 0 and text.startswith(word, begin):
                friends = _PREFIX_FALSE_FRIENDS.get(word)
                if friends and begin > 0 and text[begin - 1] in friends and not text.startswith(
                        _NOT_FALSE_FRIENDS, max(0, begin - 2), begin):
                    return None, None, num_start
                return _PREFIX_QUALIFIERS[word], word, begin
    if num_start and text[num_start - 1] == "的":
        # 约占注册志愿者总数的六成: the qualifier stands before 占, the whole is in between
        share = text.rfind("占", max(0, num_start - _SHARE_REACH), num_start)
        if share > 0 and not _CLAUSE_STOPS.intersection(text[share:num_start]):
            qualifier, marker, _ = _prefix_qualifier(text, share)
            if qualifier:
                return qualifier, marker, num_start
    return None, None, num_start


def _line_bounds(text: str, start: int, end: int, reach: int) -> tuple[int, int]:
    left = text.rfind("\n", max(0, start - reach), start) + 1 or max(0, start - reach)
    right = text.find("\n", end, end + reach)
    return left, right if right != -1 else min(len(text), end + reach)


# A section named by the count of its items (5项行动, 3个聚焦, 4件实事): a name, as in quotes, when it
# opens a short heading line — after an emoji or a heading number, the line with no sentence stop.
_SECTION_UNITS = frozenset(("项", "个", "件"))
_SECTION_NOUNS = ("行动", "聚焦", "举措", "措施", "工程", "亮点", "重点", "实事", "任务", "板块", "关键词")
_HEADING_LINE_CHARS = 20
_HEADING_LEAD = re.compile(r"[^\u4e00-\u9fff0-9A-Za-z]*|[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,2}[、.．]")
_SENTENCE_STOPS = frozenset("。，；！？：,;!?:")


def _opens_heading_line(text: str, start: int, end: int) -> bool:
    """True when the figure at start..end opens a short line that is a heading: only symbols (an
    emoji, a bullet) or a heading number before it, no sentence stop nor other figure on the line."""
    left, right = _line_bounds(text, start, end, _HEADING_LINE_CHARS)
    if left and text[left - 1] != "\n" or right - left > _HEADING_LINE_CHARS:
        return False
    if text.find("\n", end, right) == -1 and right < len(text) and text[right] != "\n":
        return False    # the line runs on past the reach
    if any(char in _SENTENCE_STOPS or char.isdigit() for char in text[end:right]) or any(
            char in _SENTENCE_STOPS for char in text[left:start]):
        return False    # a heading telling a figure of its own (5项行动受益妇女1万人次) is a sentence
    return _HEADING_LEAD.fullmatch(text, left, start) is not None


def _on_pager_line(text: str, start: int, end: int) -> bool:
    left, right = _line_bounds(text, start, end, _PAGER_WINDOW)
    return _PAGER_WORDS.search(text, left, right) is not None


def _table_cell(folded: str, text: str, match: re.Match, headers: "_TableHeaders") -> Optional[Quantity]:
    """A bare arabic number alone in a table cell, read with the unit its column's header states,
    else its row's, else the table's caption's; a ≥/≤ before it is its qualifier, a minus makes it
    negative (同比增减 -4.6)."""
    n1 = match.group("n1")
    start, end = match.start(), match.end("n1")
    if not n1 or not n1[0].isdigit():
        return None
    sign = folded[start - 1] if start and folded[start - 1] in _CELL_SIGNS else ""
    lead = start - len(sign)
    if not (lead and (folded[lead - 1] in _CELL_BREAKS
                      or folded[lead - 1] == " " and lead > 1 and folded[lead - 2] in " |｜\t")):
        return None  # the cheap test first: most bare numbers (years, dates) are not in a cell
    left, right = _line_bounds(folded, start, end, 200)
    row = _table_row(folded, text, left, right)
    before = row[:lead - left].rstrip(" ")
    after = row[end - left:].lstrip(" ")
    if not before or before[-1] not in _CELL_BREAKS or (after and after[0] not in _CELL_BREAKS):
        return None
    cells = _CELL_SPLIT.split(before)[:-1]
    # a header that states its column's unit (同比增减（%）, 金额（万元）) holds for every row of it,
    # whatever unit the row's own unit cell gives the row's counts
    unit, label, captioned = headers.unit(left, len(cells))
    if unit is None or captioned:
        row_unit = _row_unit(cells)
        if row_unit is not None:
            unit, label, captioned = row_unit, None, False
    if unit is None:
        return None
    if captioned and (_YEAR_DIGITS.fullmatch(n1) or _PROSE_MARKS.intersection(before)):
        return None  # a header row of years (2020  2023  2030), or a sentence, not a data row
    value = _convert(_clean(n1))
    if value is None:
        return None
    if unit in _UNIT_SCALE:
        value *= _UNIT_SCALE[unit]
    elif unit.startswith("万"):
        value, unit = value * 10**4, unit[1:]
    if sign == "-":
        value = -value
    marker = sign if sign in _PREFIX_QUALIFIERS else None
    return Quantity(start=lead, end=end, num_start=lead, num_end=end, number=text[lead:end],
                    value=_canonical(value), unit=_UNIT_CANONICAL.get(unit, unit),
                    qualifier=_PREFIX_QUALIFIERS[marker] if marker else "exact",
                    marker=marker, label=label)


def _row_unit(cells: list[str]) -> Optional[str]:
    """The unit a row states left of a cell: a unit cell, a bracket (项目资金（万元）) or the
    label's own counting word (培训人数 -> 人), nearest first."""
    for cell in reversed(cells):
        cell = cell.strip()
        if cell in _CELL_UNITS:
            return _CELL_UNITS[cell]
        bracket = _LABEL_UNIT.search(cell)
        if bracket and bracket.group(1) in _CELL_UNITS:
            return _CELL_UNITS[bracket.group(1)]
        suffix = next((u for word, u in _LABEL_SUFFIX_UNITS if cell.endswith(word)), None)
        if suffix:
            return suffix
    return None


# Rows looked up for a column's header (a blank or prose line ends the table before that).
_HEADER_REACH = 200
# 附：主要指标监测表（单位：%）: a caption just above a table names the unit of its bare cells
_CAPTION_UNIT = re.compile(r"[（(]单位\s*[:：]\s*([^（）()]{1,4})[)）]\s*$")
# Cells laid out with full-width spaces: a run of two or more between two cells is a break
# (one, or a run opening the line, is spacing or a paragraph's indent).
_WIDE_GAP = re.compile("(?<=\\S)\u3000{2,}(?=\\S)")
# before a cell's number: a qualifier (≥70) or a sign (+8.5, -4.6; − and － fold to -)
_CELL_SIGNS = frozenset("≥≤+-")
_PROSE_MARKS = frozenset("，。；")
# A header cell's bracket may state a rate too (同比增减（%）, 增减（个百分点）).
# …and so may a row's unit cell or label (儿童之家覆盖率 | % | 82.5 | ≥95; 女性比例（%）).
_CELL_UNITS = {**_TABLE_UNITS, "%": "%", "个百分点": "个百分点", "百分点": "百分点"}


def is_unit_cell(cell: str) -> bool:
    """Whether a table cell is only a unit (%, ‰, 个, 人次): the unit column between a row's label
    and its figures (layout.row_label)."""
    return cell.strip() in _CELL_UNITS


def _table_row(folded: str, text: str, left: int, right: int) -> str:
    """folded[left:right] with each wide gap of full-width spaces turned into a tab and spaces
    (same length, so offsets into the row stay offsets into the text)."""
    line = folded[left:right]
    if "\u3000\u3000" not in text[left:right]:
        return line
    marks = list(line)
    for gap in _WIDE_GAP.finditer(text, left, right):
        marks[gap.start() - left] = "\t"
    return "".join(marks)


class _TableHeaders:
    """The units the header cells of a flattened table state ("宣讲人次（人次）", "争取项目资金（万元）",
    "同比增减（%）"), per row and column, and the unit of a caption line just above the table
    ("（单位：%）").  Worked out once per row, from the row above it, so a long table costs one
    look per row however many figures it holds."""

    __slots__ = ("_folded", "_text", "_rows")

    def __init__(self, folded: str, text: str) -> None:
        self._folded, self._text = folded, text
        # row start -> (per column: (unit, header cell span, header row depth) or None,
        #               the caption's unit, the row's depth below the table's top row)
        self._rows: dict[int, tuple[tuple, Optional[str], int]] = {}

    def unit(self, row_start: int,
             column: int) -> tuple[Optional[str], Optional[tuple[int, int]], bool]:
        """(unit, header cell span, True when the unit is the caption's) for a cell of `column`
        in the row starting at `row_start`; (None, None, False) when nothing above states one."""
        if row_start and self._folded[row_start - 1] != "\n":
            return None, None, False    # a line too long to be a row (see _table_cell)
        columns, caption, depth = self._row(row_start)
        header = columns[column] if column < len(columns) else None
        if header is not None and depth - header[2] <= _HEADER_REACH:
            return header[0], header[1], False
        if caption is not None and depth < _HEADER_REACH:
            return caption, None, True
        return None, None, False

    def _row(self, row_start: int) -> tuple[tuple, Optional[str], int]:
        rows, folded = self._rows, self._folded
        pending, start = [], row_start
        while start not in rows:
            if start == 0:
                rows[0] = ((), None, 0)
                break
            above = folded.rfind("\n", 0, start - 1) + 1
            line = _table_row(folded, self._text, above, start - 1)
            if not any(mark in line for mark in _CELL_BREAKS):
                caption = _CAPTION_UNIT.search(line)
                unit = _CELL_UNITS.get(caption.group(1)) if caption else None
                rows[start] = ((), unit, 0)    # prose or a blank line: the table starts below it
                break
            pending.append((start, above, line))
            start = above
        for start, above, line in reversed(pending):
            columns, caption, depth = rows[above]
            stated = list(columns)
            bounds = [0] + [m.end() for m in _CELL_SPLIT.finditer(line)] + [len(line) + 1]
            for column in range(len(bounds) - 1):
                cell = line[bounds[column]:bounds[column + 1] - 1]
                bracket = _LABEL_UNIT.search(cell)
                if bracket and bracket.group(1) in _CELL_UNITS and not _NUMBER_START.match(cell.strip()):
                    stated.extend([None] * (column + 1 - len(stated)))
                    offset = above + bounds[column]
                    stated[column] = (_CELL_UNITS[bracket.group(1)], (offset, offset + len(cell)), depth)
            rows[start] = (tuple(stated) if len(stated) != len(columns) or stated != list(columns) else columns,
                           caption, depth + 1)
        return rows[row_start]


def _scale(unit: Optional[str], mult: Optional[str]) -> int:
    scale = _MULT_VALUES.get(mult, 1) if mult else 1
    return scale * _UNIT_SCALE.get(unit, 1)


def find_quantities(text: str) -> list[Quantity]:
    """Every measured quantity in (normalised) report text, sorted by start."""
    folded = fold(text)
    found: list[Quantity] = []
    headers = _TableHeaders(folded, text)
    for match in matches_at(_PATTERN, _CANDIDATE, folded):
        position, resume = match.span()
        if (match.lastindex == _N1_ONLY and folded[position - 1] not in _CELL_EDGE
                and "万" not in (bare := folded[position:resume]) and "亿" not in bare):
            continue  # a bare number (year, date, 一是) not in a table cell: dropped below anyway
        quantity = _quantity_from_match(folded, text, match, headers)
        if quantity is not None:
            if quantity.num_start and folded[quantity.num_start - 1] in _LIST_MARKS:
                found.extend(_shared_unit_list(folded, text, quantity))
            found.append(quantity)
    return found


# "分别比上年提高1.5、2.2和0.7个百分点": the bare figures of a 分别 list take the unit (and the
# 万/亿 scale) written once after the last one.
_LIST_MARKS = frozenset("、和及与")
_SHARED_LIST = re.compile(r"((?:[0-9]+(?:\.[0-9]+)?[、和及与])+)$")
_SHARED_LIST_CUE = "分别"
_SHARED_LIST_REACH = 16


def _shared_unit_list(folded: str, text: str, last: Quantity) -> list[Quantity]:
    if last.unit is None or last.qualifier == "range":
        return []
    window_start = max(0, last.num_start - 60)
    listed = _SHARED_LIST.search(folded, window_start, last.num_start)
    if listed is None:
        return []
    cue = folded.rfind(_SHARED_LIST_CUE, max(0, listed.start() - _SHARED_LIST_REACH), listed.start())
    if cue == -1 or _CLAUSE_STOPS.intersection(folded[cue:listed.start()]):
        return []
    digits = re.match(r"[0-9]+(?:\.[0-9]+)?", folded[last.num_start:last.num_end])
    if digits is None or last.value in (None, 0):
        return []
    try:
        factor = Decimal(str(last.value)) / Decimal(digits.group())
    except (InvalidOperation, ZeroDivisionError):
        return []
    out = []
    for item in re.finditer(r"[0-9]+(?:\.[0-9]+)?", folded[listed.start():listed.end()]):
        start, end = listed.start() + item.start(), listed.start() + item.end()
        if start and (folded[start - 1].isdigit() or folded[start - 1] in _CONNECTORS_BEFORE):
            return []
        out.append(Quantity(start=start, end=end, num_start=start, num_end=end, number=text[start:end],
                            value=_canonical(Decimal(item.group()) * factor), unit=last.unit,
                            qualifier="exact", marker=None))
    return out


_BRACKETED_CI = ("(次)", "（次）")
# 4个两新组织, 3个三八红旗集体, 2个一站式服务中心: words that open with a numeral are the counted
# thing itself, not the second number of a slogan such as 四个一 or 5个100%.
_NUMERAL_WORDS = ("两新", "两癌", "两委", "两纲", "两规划", "三八", "三下乡", "四新", "五好", "一站式",
                  "一对一", "十佳", "百佳")


def _quantity_from_match(folded: str, text: str, match: re.Match, headers: _TableHeaders) -> Optional[Quantity]:
    pct, n1, frac, _, n2, q_word, mult, plus, unit, after = match.groups()
    num_start, match_end = match.span()
    if (after is None and match_end < len(folded) and folded[match_end] == "\n"
            and (unit or mult or n1 and n1[-1] in "万亿")
            and (wrapped := _WRAPPED_UNIT.match(folded, match_end + 1)) is not None
            and (unit or "") + wrapped.group(1) in _UNIT_SET
            # 六亿|万元 would stack 亿 and 万 (6×10^12): a multiplied unit never completes a multiplied number
            and not (wrapped.group(1)[0] in "万亿" and (unit or mult or n1 and n1[-1] in "万亿"))
            and folded[wrapped.end():wrapped.end() + 1] not in _UNIT_FALSE_CONTINUATIONS.get(wrapped.group(1)[-1], "")):
        unit, match_end = (unit or "") + wrapped.group(1), wrapped.end()  # PDF text: 4120人|次
    if (unit and after is None and folded.startswith(_BRACKETED_CI, match_end)
            and unit + "次" in _UNIT_SET):
        unit, match_end = unit + "次", match_end + 3  # 26人(次): the 次 of 人次 written in brackets
    if unit is None and pct is None and frac is None and not (q_word or plus or after or mult):
        written = n2 or n1
        if not written or not ("万" in written or "亿" in written):
            if n2 is None and folded[num_start:match_end].strip():
                return _table_cell(folded, text, match, headers)
            return None  # bare numbers are codes, years, phone numbers …
    before = folded[num_start - 1] if num_start else ""
    if (n1 is not None and len(n1) == 1 and not n1.isdigit() and unit is not None and unit != "成"
            and n2 is None and not (q_word or mult or plus or after)
            and (before not in _QUALIFIED_AFTER or _prefix_qualifier(folded, num_start)[0] is None)):
        # 一批, 三篇, 万家 with no qualifier: the tests below would drop it as an enumeration
        # count (value <= 10) or a lone multiplier word; decided here, before the costly ones.
        return None
    core_end = match.end("n2") if n2 else match.end("pct") if pct else match.end("frac") if frac else match.end("n1")
    after_core = folded[core_end] if core_end < len(folded) else ""
    after_match = folded[match_end] if match_end < len(folded) else ""

    # Ordinals, codes, times, formulas, URLs.
    # +8.5% / -3.2% in a table cell or after a space: a signed change, not a formula
    ahead = folded[num_start - 2] if num_start >= 2 else ""
    signed = (before != "" and before in "+-−" and unit in ("%", "个百分点", "百分点") and not n2
              and not (ahead.isascii() and ahead.isalnum()) and ahead not in ")）%")
    # 申请资金：48.6万元 / 12场×0.8万元/场=9.6万元: a label or a computed total, not a time or formula
    labelled = before != "" and before in "：=" and unit is not None and _label_ends_before(folded, num_start - 1)
    if before == "第" or (before in _CONNECTORS_BEFORE and not signed and not labelled) or before.isascii() and before.isalnum():
        return None
    if before == "-" and num_start >= 2 and folded[num_start - 2].isdigit():
        return None
    if after_core in _CONNECTORS_AFTER or (after_core == "+" and not plus):
        return None
    if after_core in "-.~" and core_end + 1 < len(folded) and folded[core_end + 1].isdigit():
        return None
    if unit and after_match and after_match in _UNIT_FALSE_CONTINUATIONS.get(unit[-1], ""):
        return None
    if unit and not after and _HOTLINE_NUMBER.fullmatch(n1 or "") and _HOTLINE_NAMED.match(folded, match_end):
        return None  # 12338家政服务维权专线: the line's number, its name going on past the unit character
    if unit in ("个", "项") and after_match and (after_match.isdigit() or after_match in _CN_DIGITS
                                               and not folded.startswith(_NUMERAL_WORDS, match_end)):
        return None  # 四个一, 5个100%: slogans built from counts
    if pct is None and unit == "%" and before in "个项" and num_start >= 2 and (
            folded[num_start - 2].isdigit() or folded[num_start - 2] in _CN_DIGITS):
        return None  # the 100% of “5个100%” is part of the slogan, not a rate
    if unit in _PAGER_UNITS and _on_pager_line(folded, num_start, match_end):
        return None
    if unit == "份" and folded.endswith(_PRINT_RUN_LEADS, max(0, num_start - 3), num_start):
        return None  # 共印30份 closing a bulletin's 报/送 lines: how many copies of it were printed
    if unit == "起" and not q_word and _YEAR_DIGITS.fullmatch(n1 or ""):
        return None  # 自2024起: a year, not 2024 cases
    if folded.startswith(_ROUND_THE_CLOCK, num_start):
        return None
    if unit == "个月" and ((before and before in "前头") or folded.startswith(_MONTH_WINDOW_AFTER, match_end)):
        return None  # 前4个月, 3个月来: a period of time, not a count of work
    if unit in _PERIOD_UNITS and _PERIOD_LENGTH.search(folded, max(0, num_start - 3), num_start):
        return None  # 2024年3月—12月（共10个月）: the length of the period just named
    if unit in _DURATION_UNITS and folded.endswith(_DURATION_LEADS, max(0, num_start - 2), num_start):
        return None  # 为期5天, 历时3个月: how long something lasted, not a count of work
    if before in _COUNTER_GAP and _counter_line(folded, num_start, match_end):
        return None
    if after_match.isascii() and after_match.isalpha() and unit not in (None, "%"):
        return None  # 3个G, 5份PDF: part of a code or a technical label
    if unit in _SECTION_UNITS and folded.startswith(_SECTION_NOUNS, match_end) and _opens_heading_line(folded, num_start, match_end):
        return None  # “🔥 5项行动暖人心”: a heading naming its section by the count of its items

    low = high = None
    rate = pct is not None or frac is not None   # 百分之三十, 三分之一: a share in %, whatever follows
    if rate:
        if pct is not None:
            value = _convert(_clean(pct))
        else:
            denominator, numerator = _convert(_clean(n1)), _convert(_clean(frac))
            value = numerator * 100 / denominator if denominator and numerator is not None else None
        if value is None:
            return None
        unit_out = "%"
        chinese = False
        bare = False
    else:
        # _is_chinese, read off the first character: a _NUM is all arabic-led or all Chinese
        chinese = not n1[0].isdigit() and (n2 is None or not n2[0].isdigit())
        if chinese and before in _VAGUE_BEFORE:
            return None
        if after_core == "几" or after_match == "几":
            return None
        scale = _scale(unit, mult)
        pair = _read_range_pair(n1) if chinese and n2 is None else None
        if pair is not None:
            low, high = pair
            value = low
        else:
            value = _convert(_clean(n1))
            if value is None:
                return None
            if n2 is not None:
                high = _convert(_clean(n2))
                if high is None:
                    return None
                low = value
                # 3至5万: the 万 written once applies to both ends
                tail = re.search(r"[十百千万亿]+$", n2)
                if tail and not re.search(r"[十百千万亿]$", n1):
                    base = _convert(_clean(n2[: tail.start()])) if tail.start() else None
                    if base is not None and low < base:
                        low = high / base * low
                if low >= high:
                    return None
                value = low
        if unit == "成":
            if not (0 < (high or value) <= 10) or mult:
                return None
        # 万家, 千方百计, 百万妇女: a lone multiplier is a word; 十万, 十亿 are read as numbers
        bare = chinese and not n1.strip("十百千万亿") and not (n1[0] == "十" and len(n1) > 1)
        value *= scale
        if low is not None:
            low *= scale
            high *= scale
        unit_out = _UNIT_CANONICAL.get(unit, unit)
        if n1.isdigit() and len(n1) >= 11:
            return None  # phone / ID numbers

    at_least_start = _at_least_before_verb(folded, num_start) if _is_cjk(before) else None
    if at_least_start is not None:
        qualifier, marker, start = "at_least", "至少", at_least_start    # 每个乡镇至少建成1个
    elif before in _QUALIFIED_AFTER:
        qualifier, marker, start = _prefix_qualifier(folded, num_start)
    else:
        qualifier, marker, start = None, None, num_start  # what _prefix_qualifier finds there
    if signed:
        start = num_start - 1
        if before != "+":
            value, low, high = -value, None, None
    if q_word:
        qualifier, marker = _POST_QUALIFIERS[q_word], q_word
    elif plus:
        qualifier, marker = "at_least", "+"
    if after:
        qualifier, marker = _AFTER_QUALIFIERS[after], after
    if low is not None:
        qualifier = "range"
    qualifier = qualifier or "exact"

    # n1 [sep n2] lie in num_start..core_end when pct is None (has_big is only read then)
    has_big = bool(mult) or _BIG_MULTIPLIER.search(folded, num_start, core_end) is not None
    if not rate and unit is None:
        if not has_big:
            return None  # 10万+ is a figure, 3+ is not
        if _MONEY_CUES.search(folded, max(0, start - _MONEY_WINDOW), start):
            unit_out = "元"  # 筹集善款300万: money written without 元
        elif (label := _COUNT_LABEL.search(folded, max(0, start - _MONEY_WINDOW), start)) is not None:
            unit_out = dict(_LABEL_SUFFIX_UNITS)[label.group(1)]  # 参与人数达1.2万: the label names the unit
        elif not bare and _PEOPLE_AFTER.match(folded, match_end):
            unit_out = "人"
        elif qualifier == "exact":
            return None
    if not rate:
        if chinese and unit != "成":
            if bare and qualifier == "exact" and (unit_out != "元" or len(n1) == 1):
                return None  # 万家, 千方百计; (万元) is a unit heading, not 10000 元
            small = (high if high is not None else value) <= (10 * scale if scale > 1 else 10)
            if small and not has_big:
                # 三篇文章, 一支队伍, 四级: enumeration counts and indefinites; a qualifier does not make
                # one a statistic (两场以上, 十多名学员): reports write their statistics in digits
                return None
            if (len(_clean(n1)) > 1 and all(c in _CN_DIGITS for c in _clean(n1))
                    and pair is None):
                return None  # 三八, 二〇二三: names and years read digit by digit
    if _inside_short_quote(folded, num_start, match_end) and not (
            unit_out == "%" and any(folded.endswith(_GOAL_VERBS, max(0, at - 3), at) for at in (num_start, start))):
        return None  # “3510”, “幸福100”: a name; “到2030年达到70%以上”: a goal quoted from a plan

    end = match_end
    num_end = match.end("plus") if plus else (match.end("mult") if mult else (match.end("q") if q_word else core_end))
    if signed or marker in _PREFIX_QUALIFIERS and start + len(marker) == num_start:
        number_start = start
    else:
        number_start = num_start
    return Quantity(
        start=start, end=end, num_start=number_start, num_end=num_end,
        number=text[number_start:num_end],
        value=_canonical(value), unit=unit_out, qualifier=qualifier, marker=marker,
        low=_canonical(low) if low is not None else None,
        high=_canonical(high) if high is not None else None,
    )
