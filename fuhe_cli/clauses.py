"""Where an indicator's words are read around a figure: its clause, sentence, list item, the
heading sentence opening its line and the report's title (both found by `layout`).

All positions are offsets into the normalised text; nothing here knows about rules.
"""
from __future__ import annotations

import re

import regex

from fuhe_cli.layout import heading_span, title_line, title_span

# (Big5-era small forms such as ﹐﹔ are folded to these by normalise.)
CLAUSE_BREAKS = frozenset("，,。；;！!？?：:\n\r")
SENTENCE_BREAKS = frozenset("。；;！!？?\n\r")
MAX_CLAUSE_CHARS = 80        # a run-on clause is read at most this far either side of the number
_CLAUSE_BREAK = re.compile("[" + re.escape("".join(sorted(CLAUSE_BREAKS))) + "]")
# The text last read, and the same reversed: the last break before a figure is the first one in
# the reversed text, found with a forward character-class scan in C (a reverse search costs
# about twice as much). Figures are read one text at a time, so one text is kept.
_reversed: tuple[str, str] = ("", "")


def clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the clause holding text[start:end]: between clause punctuation, at most
    MAX_CLAUSE_CHARS either side."""
    global _reversed
    limit = max(0, start - MAX_CLAUSE_CHARS)
    if start > limit:
        kept = _reversed        # read once: another thread may replace it meanwhile
        if kept[0] is not text:
            kept = _reversed = (text, text[::-1])
        n = len(text)
        found = _CLAUSE_BREAK.search(kept[1], n - start, n - limit)
        left = n - found.start() if found else limit
    else:
        left = limit
    limit = min(len(text), end + MAX_CLAUSE_CHARS)
    found = _CLAUSE_BREAK.search(text, end, limit) if end < limit else None
    right = found.start() if found else limit
    return left, right


# "为1.2万名35至64岁农村妇女开展“两癌”检查": an age or age range between a figure and its
# trigger says who is counted; its characters do not count towards a rule's `within`.
_AGE = r"(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})"
_AGE_SPAN = re.compile(rf"{_AGE}(?:[至到~\-—–]{_AGE})?周?岁(?:及?以上|及?以下)?")


# "3200余名妇女参加了藏香制作、民宿服务等技能培训": a 、-list of examples closed by 等 between a figure and
# a trigger after it is read as its first example; its later items and the 等 do not count towards
# `within` either. (Before a figure such a list is what is counted: 司法局、医院等9家单位.)
_LATER_EXAMPLES = re.compile(r"(?:、[^、，,。；;：:\n0-9]{1,10})+?等")

# "300万名农村妇女参加了各级妇联组织的技能培训": a …的 phrase after 参加/参与, before a trigger after the
# figure, says who ran what was taken part in (the object's modifier); it does not count towards `within`.
_TAKEN_PART_IN = re.compile(r"(?:参加|参与)了?([^，,。；;：:、\n0-9的]{1,10}的)")
# "3200余名农村妇女参加蒙古族刺绣、手工编织技能培训": when the trigger after the figure ends the object of
# 参加/参与 that follows whom the figure counts, the object's modifiers (what the course was in, a
# 、-list too) say which one it was; they do not count towards `within` either (the trigger is the
# head of what was taken part in: those counted are its participants).
_TAKEN_PART_IN_OBJECT = re.compile(r"(?:参加|参与)了?([^，,。；;：:\n0-9]{1,14})\Z")


# "为3.2万名农村和城镇低收入适龄妇女开展“两癌”免费检查": after 为 + a figure, the noun phrase up to
# the verb of the work done for them says whom the figure counts, however long; the work is the
# verb's object, read from the verb. (Only CJK and list marks: a clause break or figure ends it;
# nor a …中的 phrase, 8600名城乡居民中的适龄妇女, where the figure counts a whole the work picked from.)
_FOR_WHOM = regex.compile(r"(?:(?!中的)[\u4e00-\u9fff、]){1,20}?(?=开展|进行|提供|实施|举办|组织)")


def reading_distance(text: str, start: int, end: int, examples: bool = False, for_whom: bool = False) -> int:
    """How far apart a figure and a trigger are across text[start:end]: its characters, less
    those of the ages in it and — `examples`, a trigger after the figure — of the later items of a
    list of examples and of a …的 phrase after 参加/参与 (各级妇联组织的), or of all the words between
    参加/参与 and the trigger when it heads that object (蒙古族刺绣、手工编织技能培训); with `for_whom` (the figure
    follows 为), less the noun phrase of whom up to the verb of the work done for them (_FOR_WHOM)."""
    if examples and text.find("参", start, end) != -1:
        taken = _TAKEN_PART_IN_OBJECT.search(text, start, end)
        if taken is not None:
            return reading_distance(text, start, taken.start(1))
    distance = end - start
    if for_whom:
        whom = _FOR_WHOM.match(text, start, end)
        if whom is not None:
            return reading_distance(text, whom.end(), end, examples)
    if text.find("岁", start, end) != -1:    # the cheap test first: most gaps hold no age
        for age in _AGE_SPAN.finditer(text, start, end):
            distance -= age.end() - age.start()
    if examples and text.find("等", start, end) != -1 and text.find("、", start, end) != -1:
        for examples in _LATER_EXAMPLES.finditer(text, start, end):
            distance -= examples.end() - examples.start()
    if examples and text.find("的", start, end) != -1:
        for taken in _TAKEN_PART_IN.finditer(text, start, end):
            distance -= taken.end(1) - taken.start(1)
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


def opens_new_item(text: str, semicolon: int) -> bool:
    """True when the ；at `semicolon` opens a new numbered item (…；二是…, …；（三）…)."""
    return _NEW_ITEM.match(text, semicolon) is not None


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


_CATEGORY = regex.compile(r"[\u4e00-\u9fff]{1,8}类")
_LISTED_FIGURES: dict[str, object] = {}


def leaves_thing_out(text: str, start: int, end: int, unit: str | None, after: tuple[int, int]) -> bool:
    """True when the words of text[start:end], before a figure of `unit`, do not say what it
    counts: a place and a short verb (兴宁区受理), or only a place, a time, 各/分别 and a verb of
    doing the counted work (see _elided: 4月份受理, 7月、8月、9月分别受理), link words alone (共), or
    a category of the thing (权益保障类) — and only link words follow the figure in text[after[0]:
    after[1]] (its clause). Other figures of the unit in the same list (…受理119件次、131件次、122件次)
    are left out of both."""
    if unit is None or end - start > _ELIDED_CLAUSE_CHARS * 2 or not _names_nothing_but(text, *after, unit):
        return False
    if place_and_verb(text, start, end):
        return True
    listed = _LISTED_PLACES.match(text, start, end)
    if listed is not None:
        start = listed.end()    # "金城江区、罗城仫佬族自治县分别受理": the places of a 、-list before the last
    words = _without_link_words("".join(CJK_RUN.findall(_without_figures(text, start, end, unit))))
    return not words or _elided(words, only_verb=True) or _CATEGORY.fullmatch(words) is not None


def names_a_category(text: str, start: int, end: int) -> bool:
    """True when text[start:end], the words before a figure, are only a category of the thing
    counted (家庭暴力类 in 家庭暴力类27件次: an item of a breakdown by category, link words aside)."""
    words = _without_link_words("".join(CJK_RUN.findall(text, start, end)))
    return bool(words) and _CATEGORY.fullmatch(words) is not None and not DIGIT.search(text, start, end)


def _without_figures(text: str, start: int, end: int, unit: str) -> str:
    """text[start:end] with its figures of `unit` left out."""
    span = text[start:end]
    if not DIGIT.search(span):
        return span
    listed = _LISTED_FIGURES.get(unit)
    if listed is None:
        listed = _LISTED_FIGURES[unit] = regex.compile(r"[0-9][0-9.]*[万亿千百]?[余多]?" + regex.escape(unit))
    return listed.sub("", span)


def _names_nothing_but(text: str, start: int, end: int, unit: str) -> bool:
    """True when text[start:end] holds no words but link words and figures of `unit`."""
    if names_nothing(text, start, end):
        return True
    words = "".join(CJK_RUN.findall(_without_figures(text, start, end, unit)))
    return not _without_link_words(words)


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


NAMES_OWN, ELIDED = 1, 2    # earlier_figure_item: the later item names its own thing / leaves it out


def names_earlier_figure(text: str, hit_end: int, num_start: int, unit: str | None,
                         after: tuple[int, int] | None = None) -> bool:
    """True when the trigger ending at `hit_end` is printed right before an earlier figure of the
    same unit, and the figure at `num_start` stands in a later item that names something of its
    own: in "三八红旗手100名、“优秀女法官”5名" or "三八红旗手30名，优秀妇女工作者20名" 红旗手 is
    the 100's (the 30's) name, not the 5's (the 20's). With `after`, an item that leaves its
    thing out (earlier_figure_item: ELIDED) names nothing of its own."""
    return earlier_figure_item(text, hit_end, num_start, unit, after) == NAMES_OWN


def earlier_figure_item(text: str, hit_end: int, num_start: int, unit: str | None,
                        after: tuple[int, int] | None = None) -> int:
    """0 unless the trigger ending at `hit_end` is printed right before an earlier figure of the
    same unit and the figure at `num_start` stands in a later item (past ，、；): then NAMES_OWN
    when that item names something of its own (see names_earlier_figure), ELIDED when it does not.

    With `after` (the figure's end and its clause's end), an item whose words before the figure
    only say where, when or who acted — a place, a time, 各/分别, a verb of doing the counted work
    with its object left out — and after which nothing follows the figure leaves its thing out, as
    do the items between (a list of them): "宣威市培训3120人次、会泽县2860人次、麒麟区2410人次",
    "妇女微家68个，上半年新建12个", "申请保护令5份，法院签发4份". Without `after`, any item of two
    characters or more beyond link words names its own thing."""
    position = hit_end
    while position < num_start and text[position] in _NAME_QUOTES:
        position += 1
    if unit is None or position >= num_start or not text[position].isdigit():
        return 0
    end = position
    while end < num_start and text[end] in _FIGURE_CHARS:
        end += 1
    if not text.startswith(unit, end):
        return 0
    mark = max(text.rfind(char, end, num_start) for char in _ITEM_MARKS)
    if mark == -1:
        return 0
    own = _without_link_words("".join(CJK_RUN.findall(text, mark + 1, num_start)))
    if len(own) < 2:
        return 0        # nothing but link words: not an item of its own (新建8个, 其中3个)
    if after is None or not _elided(own) or not (bare_after(text, *after) or _compared_change(own, text, after[0])):
        return NAMES_OWN
    # the items between: [elided words] + a figure of the same unit each
    for item in _ITEM_SPLIT.split(text[end + len(unit):mark]):
        if item and not _elided_item(item, unit):
            return NAMES_OWN
    return ELIDED


_BARE_LISTS: dict[str, object] = {}


def bare_figure_list(text: str, start: int, end: int, unit: str | None) -> int:
    """Where the first figure of the bare list of figures that text[start:end] ends with stands, or
    -1: one or more figures of `unit`, each followed by 、 (和, 及), with no words of their own, so
    that the figure at `end` is a later item of the list ("达标率分别达到96%、94%、92%": before 94%,
    the list starts at 96%). A later item like that counts what the list's first figure counts."""
    if unit is None or end - start < 2 or text[end - 1] not in "、和及":
        return -1
    pattern = _BARE_LISTS.get(unit)
    if pattern is None:
        pattern = _BARE_LISTS[unit] = regex.compile(
            r"(?:(?<![0-9.])[0-9][0-9.]*[万亿千百]?[余多]?" + regex.escape(unit) + r"[、和及])+\Z")
    found = pattern.search(text, start, end)
    return -1 if found is None else found.start()


_ITEM_SPLIT = regex.compile(r"[、，,；;]")
_ITEM_FIGURE = regex.compile(r"([0-9][0-9.]*[万亿千百]?[余多]?)([^0-9\s]*)\Z")


# the change a comparison base is followed by (比2022年的0.86亿元|增长30.2%)
_CHANGE_AFTER = regex.compile(r"(?:增长|增加|提高|上升|下降|减少|降低)(?:了|约|近|超)?[0-9][0-9.]*"
                              r"(?:%|个百分点|倍|[万亿千]?[\u4e00-\u9fff]{0,2})\Z")


_CHANGE_NEXT = regex.compile(r"(?:增长|增加|提高|上升|下降|减少|降低)(?:了|约|近|超)?[0-9]")


def _compared_change(words: str, text: str, start: int) -> bool:
    """True when `words` make the figure a comparison base (比/较 + a time) and the change it is
    compared by follows the figure at text[start] (比2023年的261件次|下降10.7%)."""
    return ("比" in words or "较" in words) and _CHANGE_NEXT.match(text, start) is not None


def _elided_item(item: str, unit: str) -> bool:
    """True when `item` is [elided words] + a figure of `unit` and nothing after (会泽县2860人次),
    or elided words alone (the places of "蒲江街道、东乡街道各新建5个"); a comparison base may be
    followed by its change (比2022年的0.86亿元增长30.2%)."""
    change = _CHANGE_AFTER.search(item) if "比" in item or "较" in item else None
    if change is not None:
        item = item[:change.start()]
    figure = _ITEM_FIGURE.search(item)
    if figure is None:
        return not DIGIT.search(item) and _elided(_without_link_words("".join(CJK_RUN.findall(item))))
    if figure.group(2) != unit:
        return False
    words = _without_link_words("".join(CJK_RUN.findall(item, 0, figure.start())))
    return len(words) < 2 or _elided(words)


def elided_figure_clause(text: str, start: int, end: int, unit: str | None) -> bool:
    """True when the clause text[start:end] is only an item that leaves its thing out and a figure
    of `unit` (二季度702个 between 一季度来电789个 and 三季度821个). The places of a 、-list before
    it and the later figures of a bare list after it leave the thing out as one place and one figure
    do: "承德市、秦皇岛市、廊坊市分别达到1350个、980个、1120个" says where and how many, not what (the
    clause before it says that)."""
    if unit is None or not text.startswith(unit, end - len(unit)) or text[end - len(unit) - 1] not in _FIGURE_CHARS:
        return False    # the cheap tests first: most clauses end otherwise
    if text.find("、", start, end) == -1:
        return end - start <= _ELIDED_CLAUSE_CHARS and _elided_item(text[start:end], unit)
    if end - start > _ELIDED_LIST_CHARS:
        return False
    pattern = _PLACES_AND_FIGURES.get(unit)
    if pattern is None:
        figure = r"[0-9][0-9.]*[万亿千百]?[余多]?" + regex.escape(unit)
        pattern = _PLACES_AND_FIGURES[unit] = regex.compile(
            rf"(?:(?:{_ELIDED_PLACE.pattern})[、和及])*(.+?{figure})(?:[、和及]{figure})*")
    found = pattern.fullmatch(text, start, end)
    return (found is not None and found.end(1) - found.start(1) <= _ELIDED_CLAUSE_CHARS
            and _elided_item(found.group(1), unit))


_ELIDED_CLAUSE_CHARS = 24
_ELIDED_LIST_CHARS = 3 * _ELIDED_CLAUSE_CHARS     # a clause of listed places and figures
_PLACES_AND_FIGURES: dict[str, object] = {}


# What an item may say before its figure without naming what it counts (see names_earlier_figure):
# a place, a time, a distributive word, in that order, and at most a verb with its object left out.
# (an autonomous county's or prefecture's name runs longer: 巴里坤哈萨克自治县, 长阳土家族自治县)
_ELIDED_PLACE = regex.compile(r"[\u4e00-\u9fff]{1,8}自治[县州旗]|[\u4e00-\u9fff]{1,6}(?:街道|社区|区|县|市|旗|镇|乡|村|州|盟|省)")
# leaves_thing_out: the places of a 、-list but the last, before what the last says
_LISTED_PLACES = regex.compile(rf"(?:(?:{_ELIDED_PLACE.pattern})[、和及])+")
# (截至2025年11月底, its digits left out: 截至年月底 — a date a level stands at)
_ELIDED_TIME = regex.compile(r"(?:截至|截止)?(?:(?:上|下)半年|年(?:底|末|初)?(?=的|$|同期|[0-9]*月)|(?:当|今|去|明|次|同|本|上|下|前|后)一?年(?:度|底|末|初)?|年内|全年|年底前?|年初"
                             r"|(?:[第前]?[一二三四]|本|上|下)季度|[一二三四五六七八九十]*月份?|(?:期|以)来|期间|同期"
                             r"|(?<=[度月])(?:末|底)|(?<=[度月末底])前)+")
# 比2022年的10.9亿元 (the digits left out): a comparison base says when, not what
_ELIDED_COMPARISON = regex.compile(r"(?:比|较|相比|与)(?=年|上年|去年|上季度|同期)")
_ELIDED_ADVERB = regex.compile(r"(?:各|分别|均|都|也|又|再|已|还|共)+")
# Verbs of doing the counted work itself, whose object (the thing counted) an item leaves out
# (法院签发4份 after 保护令5份); a verb that names another measure (支出, 化解) is not one.
# (入选: being chosen in the selection an earlier item counts, 遴选…工坊150家，宁城县入选8家)
_ELIDED_VERBS = ("开展", "举办", "举行", "签发", "发出", "遴选", "评选", "选树", "推荐", "表彰", "入选", "发放", "受理", "接待",
                 "办理", "培训", "创建", "建立", "组建", "成立", "打造", "培育", "认定", "命名", "设立", "开设", "开办",
                 "资助", "救助", "帮扶", "走访", "建设")
# The number of people the work reached, said without naming them (检查人数, 培训人数, 人数 alone):
# the verbs a total of people may name (the counted work's, and a screening's 检查/筛查).
_TOTAL_OF_PEOPLE = "人数"
_TOTAL_VERBS = frozenset(_ELIDED_VERBS + ("检查", "筛查"))
_ITEM_END = regex.compile(r"[、，,。；;：:！!？?\n]")


def _elided(words: str, only_verb: bool = False) -> bool:
    """True when `words` (CJK only, link words stripped) are a place, a comparison's 比/较, a time,
    distributive adverbs and at most a verb of doing the counted work (_ELIDED_VERBS: 法院签发, 上半年新建, 东乡街道各新建, 会泽县);
    with `only_verb`, nothing but the verb may stand after them (not 新建儿童活动场所受理). A time may be
    the date a total stands at (截至年月底总数, 2025年11月's digits left out), and the words may end in a
    generic total of people, alone or after such a verb (年内检查人数, 培训人数; not 参与人数)."""
    place = _ELIDED_PLACE.match(words)
    rest = words[place.end():] if place else words
    comparison = _ELIDED_COMPARISON.match(rest)
    rest = rest[comparison.end():] if comparison else rest
    time = _ELIDED_TIME.match(rest)
    rest = rest[time.end():] if time else rest
    adverb = _ELIDED_ADVERB.match(rest)
    rest = _without_link_words(rest[adverb.end():] if adverb else rest)
    if rest.endswith(_TOTAL_OF_PEOPLE):
        # "年内检查人数达到1.2万人": a generic total of the people the work counted names nothing new
        rest = _without_link_words(rest[:-len(_TOTAL_OF_PEOPLE)])
        return not rest or rest in _TOTAL_VERBS
    return not rest or (rest in _ELIDED_VERBS if only_verb else rest.endswith(_ELIDED_VERBS))


def bare_after(text: str, start: int, end: int) -> bool:
    """True when nothing but link words follows the figure in its item of text[start:end], up to
    the next figure (比2022年的10.9亿元|增加|1.7亿元)."""
    stop = _ITEM_END.search(text, start, end)
    stop = stop.start() if stop else end
    digit = DIGIT.search(text, start, stop)
    return names_nothing(text, start, digit.start() if digit else stop)


# Words that stand before a bare figure without naming anything (累计达137个, 新建8个, 其中3个).
_LINK_WORDS = ("累计", "总数", "总量", "总计", "共计", "合计", "达到", "已经", "现有", "目前", "全年", "今年", "新增",
               "新建", "建成", "创建", "培育", "增加", "增至", "增长", "提高", "其中", "另有", "同比", "实际", "计划", "完成", "超过",
               "突破", "力争", "争取", "确保", "达", "至", "到", "共", "计", "为", "有", "已", "又", "再", "还", "近", "约", "逾", "超", "的")


def _without_link_words(words: str) -> str:
    changed = True
    while changed and words:
        changed = False
        if not (words.startswith(_LINK_WORDS) or words.endswith(_LINK_WORDS)):
            break       # one C-level test of all the words first: most calls strip nothing
        for word in _LINK_WORDS:
            if words.startswith(word):
                words, changed = words[len(word):], True
            if words.endswith(word):
                words, changed = words[:-len(word)], True
    return words


def counts_alike(words: str) -> bool:
    """True when `words` (the characters before a counted noun) say nothing of what is done to it:
    the end of a place (紫阳镇), a link word or a verb of doing the counted work (新增, 创建)."""
    return words[-1] in _PLACE_ENDS or words in _LINK_WORDS or words.endswith(_ELIDED_VERBS)


_PLACE_ENDS = frozenset("区县市旗镇乡村州盟省道")
_LINK_WORDS_LONGEST = tuple(sorted(_LINK_WORDS, key=len, reverse=True))


def without_trailing_link_words(words: str) -> str:
    """`words` without the link words it ends in (示范户共达 -> 示范户)."""
    while words.endswith(_LINK_WORDS_LONGEST):
        words = words[:-len(next(word for word in _LINK_WORDS_LONGEST if words.endswith(word)))]
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


# "街道妇联开设“说事点”17个", "依托“妇女之家”开办“暑托班”86个": the verbs by which the work a figure
# counts is set up or done; the words before such a verb are who did it or what it relied on.
_WORK_VERB = regex.compile("(?r)" + "|".join(_ELIDED_VERBS + ("新建", "建成", "推出", "设置", "开通", "孵化")))


def verb_has_object(text: str, hit_end: int, num_start: int) -> bool:
    """True when the last verb of doing the work in text[hit_end:num_start], before the first figure
    there (a bare list's: 分别开办“四点半课堂”6个、4个), has words of its own after it, the thing it
    made or did: the words before the verb are then not what the figure counts."""
    digit = DIGIT.search(text, hit_end, num_start)
    stop = digit.start() if digit else num_start
    verb = _WORK_VERB.search(text, hit_end, stop)
    return verb is not None and not names_nothing(text, verb.end(), stop)


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


# "举办…“三八红旗手”表彰大会，全县各界妇女代表300余人参加": a trigger word in a meeting's name (a
# meeting noun after it, through its closing quote) names the meeting, not who attended it.
_MEETING_NOUN = re.compile(r"[”」』\"]?[\u4e00-\u9fff]{0,4}?(?:大会|会议|仪式|典礼|座谈会|推进会|报告会|表彰会|交流会|发布会|联谊会)")


def names_a_meeting(text: str, hit_start: int, hit_end: int) -> bool:
    """True when the word text[hit_start:hit_end] is part of a meeting's name: a meeting noun follows
    it within a few characters, past a closing quote (“三八红旗手”表彰大会, 家庭教育工作推进会)."""
    return _MEETING_NOUN.match(text, hit_end) is not None


# A numbered section's heading line (三、志愿服务时长, （二）维权服务): a mark and a short name with no
# clause punctuation, alone on its line.
_SECTION_HEADING = regex.compile(r"[ \t\u3000]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])"
                                 r"[ \t\u3000]*([^\n，。；：,;:！!？?0-9]{2,20}?)[ \t\u3000]*\Z")
_SECTION_LINES = 6      # how many lines above the figure's the heading may stand


def section_heading(text: str, position: int) -> tuple[int, int] | None:
    """(start, end) of the name in the heading line of the numbered section holding `position`: the
    nearest such line above the figure's line, at most _SECTION_LINES lines up ("三、志愿服务时长" over
    "全年累计服务时长4.8万小时"), or None."""
    end = text.rfind("\n", 0, position)
    for _ in range(_SECTION_LINES):
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        found = _SECTION_HEADING.match(text, start, end)
        if found is not None:
            return found.span(1)
        end = start - 1
    return None


# Lines whose heading span is kept while classification walks a text's figures in order.
_CACHE_LIMIT = 256


class SpanCache:
    """title_span once per text, heading_span once per line (a report has many figures per line)."""

    def __init__(self):
        self._title: tuple = (None, None, None)
        self._headings: tuple[str | None, dict] = (None, {})

    def title(self, text: str) -> tuple[int, int, int] | None:
        if self._title[0] is not text:
            self._title = (text, title_span(text), title_line(text))
        return self._title[1]

    def title_line(self, text: str) -> tuple[int, int] | None:
        """The text's first line when it is short and has no clause punctuation (a headline),
        whether or not numbered sections follow (title_line)."""
        if self._title[0] is not text:
            self.title(text)
        return self._title[2]

    def heading(self, text: str, quantity) -> tuple[int, int] | None:
        line_start = text.rfind("\n", 0, quantity.start) + 1
        cached_text, spans = self._headings
        if cached_text is not text or len(spans) > _CACHE_LIMIT:
            spans = {}
            self._headings = (text, spans)
        if line_start not in spans:
            spans[line_start] = heading_span(text, quantity)
        return spans[line_start]
