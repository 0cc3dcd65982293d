"""Where an indicator's words are read around a figure: its clause, sentence, list item, the
heading sentence opening its line and the report's title (both found by `layout`).

All positions are offsets into the normalised text; nothing here knows about rules.
"""
from __future__ import annotations

import re

import regex

from fuhe_cli.layout import heading_span, title_span

# (Big5-era small forms such as ﹐﹔ are folded to these by normalise.)
CLAUSE_BREAKS = frozenset("，,。；;！!？?：:\n\r")
SENTENCE_BREAKS = frozenset("。；;！!？?\n\r")
MAX_CLAUSE_CHARS = 80        # a run-on clause is read at most this far either side of the number
_CLAUSE_BREAK = re.compile("[" + re.escape("".join(sorted(CLAUSE_BREAKS))) + "]")
_LAST_CLAUSE_BREAK = regex.compile("(?r)[" + regex.escape("".join(sorted(CLAUSE_BREAKS))) + "]")


def clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the clause holding text[start:end]: between clause punctuation, at most
    MAX_CLAUSE_CHARS either side."""
    limit = max(0, start - MAX_CLAUSE_CHARS)
    found = _LAST_CLAUSE_BREAK.search(text, limit, start) if start > limit else None
    left = found.end() if found else limit
    limit = min(len(text), end + MAX_CLAUSE_CHARS)
    found = _CLAUSE_BREAK.search(text, end, limit) if end < limit else None
    right = found.start() if found else limit
    return left, right


# "为1.2万名35至64岁农村妇女开展“两癌”检查": an age or age range between a figure and its
# trigger says who is counted; its characters do not count towards a rule's `within`.
_AGE = r"(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})"
_AGE_SPAN = re.compile(rf"{_AGE}(?:[至到~\-—–]{_AGE})?周?岁(?:及?以上|及?以下)?")


def reading_distance(text: str, start: int, end: int) -> int:
    """How far apart a figure and a trigger are across text[start:end]: its characters, less
    those of the ages in it."""
    distance = end - start
    if text.find("岁", start, end) == -1:
        return distance    # the cheap test first: most gaps hold no age
    for age in _AGE_SPAN.finditer(text, start, end):
        distance -= age.end() - age.start()
    return distance


def first_clause_break(text: str, start: int, end: int) -> int | None:
    """Where the first clause punctuation in text[start:end] stands (None: nowhere)."""
    found = _CLAUSE_BREAK.search(text, start, end)
    return found.start() if found else None


DIGIT = re.compile(r"[0-9]")
_LAST_DIGIT = regex.compile(r"(?r)[0-9]")
_WRAP_MIN_LINE = 16
_LINE_SPACE = frozenset("\n \t\u3000")


def alone_on_line(text: str, quantity) -> bool:
    """True when the quantity is the only thing on its line (a 数说 figure)."""
    start, end = quantity.start, quantity.end
    if start and text[start - 1] not in _LINE_SPACE or end < len(text) and text[end] not in _LINE_SPACE:
        return False    # the cheap test first: most figures stand inside a sentence
    line_start = text.rfind("\n", 0, quantity.start) + 1
    line_end = text.find("\n", quantity.end)
    return not text[line_start:quantity.start].strip() and not text[quantity.end:None if line_end == -1 else line_end].strip()


# The sentence a refining rule's context words are looked for in: it ends at 。！？ and at a
# paragraph break (not at a wrapped PDF line), and a ；-part goes on with its sentence's subject
# ("实施“两癌”免费检查项目，…；为1860名患病困难妇女发放救助金…") unless it opens a new numbered
# item (…；二是…, …；（三）…).
_CONTEXT_END = regex.compile(r"(?r)[。！!？?\n\r]")
_NEW_ITEM = re.compile(r"[；;]\s*(?:[一二三四五六七八九十]+是|其[次二三四五]|[（(][一二三四五六七八九十0-9]+[)）]"
                       r"|[0-9]+(?:、|[.．](?![0-9]))|[一二三四五六七八九十]+、)")
MAX_CONTEXT_CHARS = 2 * MAX_CLAUSE_CHARS


def context_start(text: str, position: int) -> int:
    """Where the sentence holding `position` starts, for a refining rule's context words."""
    limit = max(0, position - MAX_CONTEXT_CHARS)
    start, end = limit, position
    while end > limit:
        found = _CONTEXT_END.search(text, limit, end)
        if found is None:
            break
        if not wrapped_line(text, found.start()):
            start = found.end()
            break
        end = found.start()
    for item in _NEW_ITEM.finditer(text, start, position):
        start = item.start() + 1
    return start


def wrapped_line(text: str, newline: int) -> bool:
    """True for a hard line break inside a sentence (a PDF's text layer): the line before it ends
    on a word rather than punctuation and is prose — long, or holding clause punctuation — not
    a heading or a 数说 figure."""
    if text[newline] != "\n" or newline == 0 or not ("\u4e00" <= text[newline - 1] <= "\u9fff"):
        return False
    line_start = text.rfind("\n", 0, newline) + 1
    line = text[line_start:newline]
    return len(line.strip()) >= _WRAP_MIN_LINE or any(mark in line for mark in "，。；")



# A short place name opening a clause (安定区已建成…, 兴宁区受理…).
PLACE_HEAD_PATTERN = r"[\u4e00-\u9fff]{1,5}[区县市旗镇乡村州盟省]"
PLACE_HEAD = regex.compile(PLACE_HEAD_PATTERN)
CJK_RUN = regex.compile(r"[\u4e00-\u9fff]+")
_PLACE_VERB_CHARS = 4


def place_and_verb(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is a place name and at most a short verb (兴宁区受理)."""
    place = PLACE_HEAD.match(text, start, end)
    return place is not None and end - place.end() <= _PLACE_VERB_CHARS and bool(
        CJK_RUN.fullmatch(text, start, end))


def item_bounds(text: str, quantity, start: int, end: int) -> tuple[int, int, tuple[int, int] | None]:
    """Where a figure's exclusions are looked for in its clause text[start:end] when it is one
    item of a list of figures: (item start, item end, the list's tail or None). The item ends at
    the first 、 after the figure that another figure follows, and starts past the first 、 after
    the last figure before it; the words after the list's last figure are a predicate of every
    item (15个中院、112个基层法院均设有维权岗), so they are read too. A 、 between words only
    (法律咨询、心理咨询服务500人次) splits nothing."""
    q_start, q_end = quantity.start, quantity.end
    tail = None
    mark = text.find("、", q_end, end)
    if mark != -1:
        last = _LAST_DIGIT.search(text, mark, end)
        if last is not None:
            tail = (last.end(), end)
            end = mark
    if text.find("、", start, q_start) != -1:
        digit = _LAST_DIGIT.search(text, start, q_start)
        if digit is not None:
            mark = text.find("、", digit.end(), q_start)
            if mark != -1:
                start = mark + 1
    return start, end, tail


_NAME_QUOTES = frozenset("“”\"'「」『』《》")
_FIGURE_CHARS = frozenset("0123456789.万亿千百余多")
_ITEM_MARKS = "、，,；;"


def names_earlier_figure(text: str, hit_end: int, num_start: int, unit: str | None) -> bool:
    """True when the trigger ending at `hit_end` is printed right before an earlier figure of the
    same unit, and the figure at `num_start` stands in a later item that names something of its
    own: in "三八红旗手100名、“优秀女法官”5名" or "三八红旗手30名，优秀妇女工作者20名" 红旗手 is
    the 100's (the 30's) name, not the 5's (the 20's)."""
    position = hit_end
    while position < num_start and text[position] in _NAME_QUOTES:
        position += 1
    if unit is None or position >= num_start or not text[position].isdigit():
        return False
    end = position
    while end < num_start and text[end] in _FIGURE_CHARS:
        end += 1
    if not text.startswith(unit, end):
        return False
    mark = max(text.rfind(char, end, num_start) for char in _ITEM_MARKS)
    if mark == -1:
        return False
    own = CJK_RUN.findall(text, mark + 1, num_start)
    return len(_without_link_words("".join(own))) >= 2


# Words that stand before a bare figure without naming anything (累计达137个, 新建8个, 其中3个).
_LINK_WORDS = ("累计", "总数", "总量", "总计", "共计", "合计", "达到", "已经", "现有", "目前", "全年", "今年", "新增",
               "新建", "建成", "创建", "培育", "增加", "增至", "增长", "提高", "其中", "另有", "同比", "实际", "计划", "完成", "超过",
               "突破", "达", "至", "到", "共", "计", "为", "有", "已", "又", "再", "还", "近", "约", "逾", "超", "的")


def _without_link_words(words: str) -> str:
    changed = True
    while changed and words:
        changed = False
        for word in _LINK_WORDS:
            if words.startswith(word):
                words, changed = words[len(word):], True
            if words.endswith(word):
                words, changed = words[:-len(word)], True
    return words


LINK_CHARS = frozenset("".join(_LINK_WORDS))


def names_nothing(text: str, start: int, end: int) -> bool:
    """True when text[start:end] holds no words but link words ("共", "累计达", "（", "")."""
    if start >= end:
        return True
    words = "".join(CJK_RUN.findall(text, start, end))
    if not LINK_CHARS.issuperset(words):
        return False    # the cheap test first: a character no link word has
    return not _without_link_words(words)


def names_next_item(text: str, hit_end: int, clause_end: int) -> bool:
    """True when another figure follows the trigger with no list mark in between."""
    digit = DIGIT.search(text, hit_end, clause_end)
    return digit is not None and "、" not in text[hit_end:digit.start()]



# "开展“春蕾护航”防性侵宣讲19场，覆盖中小学生6800余人": a trigger word that is only part of a
# quoted name which a campaign noun follows names the campaign's theme, not what it counts.
# (“春蕾计划” itself, where the word is the whole name, still names the programme.)
QUOTED_NAME_CHARS = 12      # how long a quoted name may be
CLOSE_QUOTE = re.compile("[”」』]")
_NAME_CHAR = r"[^“”「」『』\"，,。；;！!？?：:\n]"
_OPEN_TO_END = regex.compile(rf"[“「『]{_NAME_CHAR}{{0,{QUOTED_NAME_CHARS}}}\Z")
_UP_TO_CLOSE = re.compile(rf"{_NAME_CHAR}{{0,{QUOTED_NAME_CHARS}}}?[”」』]")
_CAMPAIGN_NOUN = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:行动|活动|宣讲|巡讲|计划|工程|项目|讲座|课堂|大赛|比赛|竞赛|志愿服务)")


def names_a_campaign(text: str, hit_start: int, hit_end: int) -> bool:
    """True when the word text[hit_start:hit_end] is part (not the whole) of a quoted name that a
    campaign noun follows (春蕾 in “春蕾护航”防性侵宣讲, “春蕾助学”行动)."""
    close = _UP_TO_CLOSE.match(text, hit_end)
    if close is None:
        return False
    opening = _OPEN_TO_END.search(text, max(0, hit_start - QUOTED_NAME_CHARS - 1), hit_start)
    if opening is None or (opening.start() + 1 == hit_start and close.end() - 1 == hit_end):
        return False
    return _CAMPAIGN_NOUN.match(text, close.end()) is not None


# Lines whose heading span is kept while classification walks a text's figures in order.
_CACHE_LIMIT = 256


class SpanCache:
    """title_span once per text, heading_span once per line (a report has many figures per line)."""

    def __init__(self):
        self._title: tuple[str | None, object] = (None, None)
        self._headings: tuple[str | None, dict] = (None, {})

    def title(self, text: str) -> tuple[int, int, int] | None:
        if self._title[0] is not text:
            self._title = (text, title_span(text))
        return self._title[1]

    def heading(self, text: str, quantity) -> tuple[int, int] | None:
        line_start = text.rfind("\n", 0, quantity.start) + 1
        cached_text, spans = self._headings
        if cached_text is not text or len(spans) > _CACHE_LIMIT:
            spans = {}
            self._headings = (text, spans)
        if line_start not in spans:
            spans[line_start] = heading_span(text, quantity)
        return spans[line_start]
