"""Indicator classification: which rule (rules/*.yaml, see `fuhe_cli.rulefile`) names a figure.

How a quantity is classified (`RuleSet.classify`):

1. Only the clause around the number is read: the text between clause punctuation
   (，。；！？：and line breaks; 、 and quotes do not break a clause).
2. A rule matches when one of its trigger words (or its trigger regex) occurs in that clause
   no more than ``within`` characters (an age such as 35至64岁 in between not counted, nor whom
   a 为 + figure names up to the verb of the work, 为3.2万名农村…适龄妇女开展“两癌”免费检查, nor the
   later items of a list of examples before a trigger after it, …、民宿服务等技能培训; quote
   marks ignored inside a trigger word) before or after the quantity, the quantity's unit is one
   the rule accepts (``units``, default its ``unit``), the value lies in ``range`` and no
   ``exclude`` word or regex occurs in the clause. A fallback rule (negative ``priority``) does not
   name a figure of 个 whose counted noun is a place (区妇联还为8个村…, 深入8个乡镇), nor does a carried
   rule or a trigger after such a figure past a verb of setting up (_SET_UP: 46个村成立巾帼互助合作社
   counts villages; 8个县（市、区）全部完成妇联换届 still counts units). Nor do the modifiers of the object
   of 参加/参与 that a trigger after the figure heads count as distance (…妇女参加蒙古族刺绣、手工编织
   技能培训). A stock rule's
   trigger before a verb of doing the work with an object of its own (街道妇联开设“说事点”17个,
   依托“妇女之家”开办“暑托班”86个: clauses.verb_has_object) is who did it or where, not what is counted.
3. Overlap policy — when several rules match: the longest trigger span wins, then the higher
   ``priority``, then the nearer trigger, then the rule loaded first (shipped files in name
   order, then user directories in the order given). A trigger word that is only part of a
   quoted name followed by a campaign noun (春蕾 in “春蕾护航”防性侵宣讲, “春蕾助学”行动) names the
   campaign's theme: it ranks below any other rule's trigger of priority >= 0, and a fallback
   theme word below any other rule's (服务 in “家政服务进社区”活动 below 活动). The words of a
   、-list of examples closed by 等 + a noun are passed over when its items name several work areas
   or one names none (巾帼风采展示、健康讲座等活动32场 is activity.sessions; _mixed_examples;
   quoted names one after another, “春蕾安全课堂”“女童保护”等主题活动, are items too), and read
   only when nothing after the 等 names the figure — in a carried clause (step 4), only when no
   trigger at all is the noun after the 等 (…等活动120场，服务群众5000余人次 carries nothing). A winner that
   stands in an earlier 、-item than the figure's (after that item's figure) gives way to a rule
   of priority >= 0 named in the figure's own item (…获评泉州市“最美家庭”、1户获评福建省“最美家庭”).
   A winner that is the last member of the group counted, right before the figure (…困难妇女和
   留守儿童1260人), gives way to the rule read before the group, unless the other member names a
   rule or only modifies the same head noun (留守、困境儿童: _shares_head).
   A winner among trigger words listed with 、/和 before 分别 names only its own figure of the bare
   list after it: the i-th word names the i-th figure when the counts match (_respective:
   妇女之家、儿童之家分别达到2018个、1640个).
   Of a figure of people, a winner before the figure that only modifies the noun printed right
   before it gives way to that noun's rule (留守儿童家长2300人次 counts parents: family.education_reach).
   A winner right before 为 + the figure names who did the work: a trigger of priority >= 0 that
   the figure's counted noun opens with names it instead (…指导师为350名家长授课 counts 家长).
   A goal value in brackets (…目标值（1200所）, _goal_bracket) that nothing names within reach is a
   goal of what its clause counts, however far back the trigger stands (家长学校数量已完成2025年中期
   目标值（1200所）的107.2%), else of the figure of its unit before it in the sentence (培训妇女920人次，
   完成年度目标任务（800人次）的115%).
4. When nothing matches in the clause — or only a fallback rule (negative ``priority``, e.g.
   activity.participants) — the preceding clauses of the same sentence are read (at most two,
   nearest first; ``within`` does not apply there; fallback rules are not carried): "培训23期，累计5000余人次" names the second figure from the first
   clause's 培训; a ；-part only a fallback names whose clause opens with the fallback's verb or the
   occasion (…中, …期间) reads on into the part before (…160场；覆盖群众2.4万人次: _leaves_subject_out).
   A rule with ``carry: false`` (a change verb that must stand right before its
   figure) is never carried, nor is any rule over a clause whose noun right before the figure is a
   trigger of a rule that does not take the figure's unit (三八红旗手（集体）420个: _names_other_unit), nor is a word of a meeting's name (clauses.names_a_meeting:
   “三八红旗手”表彰大会) over a figure its own clause's fallback names (…300余人参加). A clause opening with 其中 is a breakdown of the figure before it
   (of the last figure of its unit, when the clause before lists several, or of the one the part's own
   rule names: _last_figure_rule):
   the carried rule names it even over its own clause's rule, unless that rule is of the same work
   area (其中全国最美家庭21户 stays family.model_families.national) — but not when the carried
   rule's trigger spells its word out more narrowly (培训各级妇联干部…，其中古田县…分别培训680人次
   is cadre training) —, has the higher priority, or
   fired on a trigger after the figure that says what the part did (其中180人实现自主创业; not
   who it is: 其中1.6万人次为农村留守妇女).
   A part with no rule of its own is not named by a word that is one member of a mixed whole
   (工作人员和志愿者3800多名，其中“儿童主任”1935名: the trigger after 和/及/与).
   A hard line break after a prose line that ends on a word (a PDF's text layer) does not end
   the sentence. A clause that is only its own rule's trigger word and the figure (培训800人次
   after 举办基层妇联干部培训班6期) repeats the earlier clause's verb: a carried rule of the same
   work area whose trigger holds that word (干部培训) names it instead. A clause that only says
   whom the earlier clause's work reached ([link words] 惠及/受益 + whom + the figure: 惠及女性
   创业者860人 after 发放“巾帼助力贷”1.2亿元) takes the carried rule over its own.
   A carried trigger printed right before an earlier figure of the same unit names that figure,
   not a later item that names a thing of its own (表彰三八红旗手30名，优秀妇女工作者20名); an item
   that leaves its thing out — only a place, a time, 各/分别 or a verb of doing the counted work
   before the figure, nothing after it (clauses.earlier_figure_item) — counts what the earlier
   item named: "妇女微家68个，上半年新建12个", "申请保护令5份，法院签发4份", a comparison base
   "贷款12.6亿元，比2022年的10.9亿元增加1.7亿元" (or 下降, 减少 … the change it is compared by), and in its own clause
   across 、 whatever ``within`` says ("宣威市培训3120人次、会泽县2860人次"); so does a later
   figure of a bare list of figures, read at the list's first figure (clauses.bare_figure_list:
   "达标率分别达到96%、94%、92%"). Clauses of such items
   in between are passed over without counting towards the two ("一季度来电789个，二季度702个，
   三季度821个，四季度634个"), and a ；-part that is such an item goes on with the part before
   ("…贷款1.12亿元，比2022年的0.86亿元增长30.2%；今年以来又发放6800万元"; its places may be a
   、-list and its figures a bare list: "…“妇女微家”1.86万个，比去年底增加2140个；承德市、秦皇岛市
   分别达到1350个、980个"), and so does a whole sentence after 。 that is such an item ("…全年新认定
   巾帼示范基地15个。东乡镇、西乡镇分别认定4个、3个"). An aim (力争, 确保) links, and a deadline
   (三季度末前) is a time ("新建…24个，力争三季度末前建成16个"). A sentence or paragraph led in by 其中， breaks down the one before: a
   figure there with no rule of its own reads on into it ("…妇女微家总数达到298个。其中，2023年新建
   48个，今年新建22个").
5. Labels printed apart from the figure: a table cell with no rule in its clause takes the rule
   named by its row's first cell, however far right it stands ("家长学校数量\t所\t356\t420\t432",
   and in a drawn table whose rows open with a bar and pad cells with spaces, "| 巾帼宣讲活动 | 场 |
   86 | 124 | 105 |");
   a figure with no rule of its own takes the rule named by
   its table column's header cell, or — alone on its line, as in a 数说 page — by the first clause
   of the caption line below. A column header that names a change (同比增减（%）, 增幅（%）,
   比上年增减（个百分点）) is answered by the change rules (carry: false) alone and names its cells
   before the row's first cell is read: the row names the level, the column how it changed
   (_column_change).  An item's heading sentence opening the line (三、救助困难“两癌”患病
   妇女。计划救助800名…) names the item's figures that have no rule, and replaces a figure's own rule
   by a higher-priority one when the heading repeats the word that rule fired on.  The figure's
   own clause can still veto these (``exclude``).
6. Refinements: a rule with ``refines: {rules: [ID, ...], context: [WORD, ...]}`` is a more
   specific name for those rules' figures (same kind) when a context word stands earlier in the
   figure's sentence. When steps 2-5 or 7-9 named a figure with a refined rule, the first refining rule
   that accepts its unit and value, finds a context word between the sentence start
   (`context_start`: 。！？ or a paragraph break; a ；-part keeps the subject unless it opens a
   numbered item, …；二是…) and the figure, and is not vetoed in the figure's item, names it:
   "两癌免费检查5200人，为23名患病困难妇女发放救助金" is 两癌 relief, the same words alone general
   relief. Failing the sentence, the context word may stand in the item heading opening the
   figure's line or in the report's title (for figures in its numbered sections, or anywhere under
   it in a report with none): "…关于“两癌”救助工作情况的专题总结 … 全年新增救助对象87名". ``fuhe rules check`` reports unknown ids (unknown-rule) and another kind or the rule
   itself (invalid-value) at the id.
7. Parallel list items: a figure still without a rule, in a later ；-item of its sentence (not a new
   numbered item) that reads [place] + words + figure, takes the rule of the nearest earlier
   item's figure of the same unit read after [place] + the same words (+ at most 8 characters,
   the counted noun): "安定区已建成儿童之家312个，覆盖率100%；陇西县已建成268个，覆盖率95.4%".
8. The second figure of a 由…到 pair ("覆盖率由2018年的61%提高到2022年的87.5%"), or a figure
   joined to the one before it by 和/及/与 alone with no words of its own ("新建的12个和9个"),
   still without a rule, takes the first figure's (same unit).
   A rate whose clause is only a rate noun and the places it is taken over ("村（社区）覆盖率68.5%",
   or the share of the places covered, "覆盖城乡社区的比例为92%": a coverage rate),
   still without a rule, is the rate of the last figure of the clause before: the rate rule of
   that figure's work area whose trigger holds the noun (_rate_of_earlier). A rate noun pointed
   back to (这一覆盖率为53.7%) is the nearest earlier rate whose rule's trigger holds it (_same_rate).
   A share whose clause opens with 占 is the share of what the figure ending the clause before
   counts: a rate trigger of words + 占 (女性占) names it when that figure's words open with them
   (全县女性茶企负责人146名，占…总数的31.8%: _share_of_subject).
9. A report's title (its first line, short, no clause punctuation) is the outermost heading of
   the figures in its numbered sections (after the first 一、… line) whose clause does not say
   what they count (clauses.leaves_thing_out): only a place and a short verb, a place (or a 、-list of them), time, 分别
   and a verb of doing the counted work, link words, or a category (…类) before the figure — the
   list's other figures of its unit passed over — and link words at most after it: "…信访维权工作
   情况的通报 … 三、各县（市、区）情况 / 兴宁区受理142件次", "二、分月情况 / 4月份受理38件次",
   "权益保障类58件次".
10. A figure still without a rule, printed after a counted noun (the last 3-6 characters before
   it, link words left out) that an earlier figure of the same unit within 300 characters was
   printed after, takes the rule that names that figure in its own clause (the longest such noun,
   the nearest figure): "新创建县级“美丽庭院”示范户1286户。现将各乡镇创建情况通报如下：紫阳镇创建
   示范户186户". A noun of two characters after a verb of doing the counted work counts only as
   the head of the earlier figure's own trigger word, its short form: "建成家庭教育指导服务站点186个。
   … 新建站点25个". The figure's own clause can veto it (``exclude``).
11. A part of a 其中 breakdown list still without a rule (its clause opens with 其中 or （其中, or
   follows a clause that is only 其中) counts what its whole counts: the rule the last figure of
   its unit before the 其中 (in the sentence; for a 其中 opening a sentence, the one before) is
   given by steps 2-10, however it was named ("…共241件次，占64.8%（其中家庭暴力63件次…）" under a
   信访 title), a fallback rule included when the part has none ("…等活动1.2万场。\n其中，福州市开展
   2100场") — or, first, the rule of the nearest earlier figure of the sentence (any unit its rule
   takes) whose trigger's head word the part repeats (_whole_by_head: "…为8.6万名农村妇女开展“两癌”
   免费检查，救助…320名；其中今年检查2.9万人"). A later clause that is only a category and its figure
   (clauses.names_a_category) goes on with the 其中 clause of its sentence: "其中婚姻家庭类112件次，占…
   60.2%；家庭暴力类27件次" breaks down the same whole. The words of a list of examples (step 3) are passed over in a carried clause too. Not a part that says what it achieved (其中取得…证书1215人), a share (%), or a part
   of a mixed whole (工作人员和志愿者3800多名，其中“儿童主任”1935名).
12. A figure nothing but a fallback names yet, whose clause holds the head word of the trigger its
   text's headline names it by (the last two characters, quote marks aside, a word that is no
   trigger itself) within that rule's reach, takes that rule (_headline_head: under "日照市“两癌”
   免费检查惠及面持续扩大", "2024年分别完成检查9800人" is health.cancer_screening).
   A figure nothing names yet takes the rule named by the heading line of its numbered section
   (clauses.section_heading: "三、志愿服务时长" over "全年累计服务时长4.8万小时") when the heading holds
   the last three characters or more of the words before the figure (_heading_holds_noun).
13. Levels: a rule of a family of rules by level (ids PARENT.provincial / .prefecture / .county)
   whose trigger opens with the last character of a gazetteer place's full name takes the sibling
   of the level that place is (获评重庆市“最美家庭” provincial, 入选如皋市“最美家庭” county) — a 市 ending no
   place's name (市级, 全市) is the issuer's level in a report a county-level city's federation
   titles (五常市妇联…总结: county) or an article of a county-level city's region —, before
   refinements (step 6) are looked for; a figure the parent rule names takes the level of a level
   word opening an earlier item of its 、-list (_list_level: 表彰县级“三八红旗手”25名、…、“最美家庭”30户).
14. Otherwise the fact is ``uncategorized`` and carries a short context phrase from its clause.

Where the words are read (clause, sentence, item, heading, title) is `fuhe_cli.clauses`; finding
the trigger words fast is `fuhe_cli.triggers`.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import regex

from fuhe_cli.clauses import (
    CLOSE_QUOTE, DIGIT, QUOTED_NAME_CHARS, LINK_CHARS, MAX_CLAUSE_CHARS, MAX_CONTEXT_CHARS, PLACE_HEAD, PLACE_HEAD_PATTERN, CJK_RUN, SENTENCE_BREAKS,
    SpanCache, alone_on_line, bare_after, item_bounds, section_heading, bare_figure_list, clause_around, context_start, first_clause_break, item_bounds, names_a_campaign, names_a_meeting,
    names_a_category, names_next_item, names_earlier_figure, names_nothing, without_trailing_link_words, counts_alike, earlier_figure_item, elided_figure_clause,
    ELIDED, NAMES_OWN, leaves_thing_out, opens_new_item, reading_distance, verb_has_object, wrapped_line,
)
from fuhe_cli.labels import context_phrase, counted_after
from fuhe_cli.layout import line_cells, row_label_at
from fuhe_cli.models import UNCATEGORIZED, Indicator
from fuhe_cli.number_expressions import parse_number
from fuhe_cli.numbers import UNITS
from fuhe_cli.regions import gazetteer
from fuhe_cli.rulefile import Override, Rule, read_rules
from fuhe_cli.triggers import CompiledRule, TriggerIndex, compile_rule, vetoed

MAX_CARRIED_CLAUSES = 2
MAX_WALKED_CLAUSES = 6     # with the clauses that leave their thing out passed over


def load_rules(extra_dirs: Sequence[str | Path] = (), use_env: bool = True) -> "RuleSet":
    """Shipped rules + FUHE_RULES + `extra_dirs`, ready to classify; raises RuleError at the first problem."""
    loaded = read_rules(extra_dirs, use_env)
    return RuleSet(loaded.rules, version=loaded.version, overrides=loaded.overrides)


@dataclass
class _Candidate:
    """The rule that names a figure, with what ranked it (the overlap policy, see `_best`)."""

    span: int
    priority: int
    distance: int
    order: int
    compiled: CompiledRule
    after: bool = False     # the trigger stands after the figure
    hit: int = -1           # where the trigger starts (-1: not recorded)


# "信访办结率100%，群众满意率为96.5%": a rate that names itself is not the earlier clause's rate
_OWN_RATE_NOUN = re.compile(r"[\u4e00-\u9fff](?:率|比例|占比|比重)")
_BREAKDOWN = "其中"
_BREAKDOWN_AFTER = frozenset("。；;\n")   # sentence breaks a 其中， sentence is read across
_AND = frozenset("和及与")   # a carried trigger after these names one member of a mixed whole
_GROUP_MARKS = frozenset("和及与、")   # a trigger right after these names the last member of a group
_HEAD_CHARS = 2     # the head noun ending a trigger word (儿童 of 困境儿童)
_HEAD_NOUN_CHARS = 6     # how long a head noun after a modifying trigger may be (留守儿童|家长)
_PEOPLE_UNITS = frozenset(("人", "名", "人次", "位"))
# units of people or of cases: the noun right before such a figure is who or what is counted (RuleSet._name)
_HEAD_NOUN_UNITS = _PEOPLE_UNITS | frozenset(("件", "件次", "起", "宗"))
_LABEL_COLONS = frozenset("：:")
_CLAUSE_OPENERS = frozenset("，,；;（(")     # what a clause opening with 其中 may follow in its sentence
_BARE_LINK_CHARS = 4    # link words a bare clause (累计共培训800人次) may hold beside its trigger
# _best's veto_start for the current figure's item (see RuleSet._veto_window)
_ITEM, _ITEM_OR_LABEL = -1, -2


# A count of places (8个村, 18个街道, 28个镇街): no fallback rule names it. (村级, 乡村 and places'
# federations — 12个县（市、区）妇联, 18个街道的妇联组织 — are not places counted.)
_PLACES = regex.compile(r"(?:行政村|社区|乡镇|镇街|街道|村|镇|乡(?!村)|县|区|市)"
                        r"(?!级|[^，,。；;：:\n]{0,10}?(?:妇联|妇委会|妇女组织|女工委))")
_PLACE_FIRST = frozenset("行社乡镇街村县区市")
# the verbs by which places set up what a word after them names (46个村成立巾帼互助合作社)
_SET_UP = regex.compile("成立|建立|建成|组建|设立|开设|开办|新建|打造|培育|创建|建设|建起|建有")

# RuleSet._place_level: the last part of a level rule's id -> the gazetteer level it names, the
# characters a place's full name ends in, and how long a name may be
_LEVEL_OF_RULE = {"national": "national", "provincial": "province", "prefecture": "prefecture", "county": "county"}
# RuleSet._list_level: a level word and the level it names
_LEVEL_OF_WORD = {"全国": "national", "国家级": "national", "省级": "province", "自治区级": "province",
                  "市级": "prefecture", "州级": "prefecture", "地市级": "prefecture", "盟级": "prefecture",
                  "盟市级": "prefecture", "市州级": "prefecture", "市（州）级": "prefecture",
                  "州（市）级": "prefecture",
                  "县级": "county", "区级": "county", "旗级": "county", "县区级": "county", "区县级": "county",
                  "旗县级": "county", "县市区级": "county", "县（市、区）级": "county", "县（区）级": "county",
                  "县（市）级": "county"}
_QUOTE_MARKS = frozenset("“”\"「」『』")
_LEVEL_WORD = regex.compile("|".join(sorted(_LEVEL_OF_WORD, key=len, reverse=True)))
_LEVEL_SUFFIX_CHARS = frozenset("省市区县州盟旗")
_PLACE_NAME_CHARS = 9
_CITY, _WHOLE_CITY = "市", "全市"
# RuleSet._issuer_level: a title line opening with a place's federation (昌吉市妇联…)
_ISSUER = regex.compile(r"[ \t\u3000]*(?:中共)?([\u4e00-\u9fff]{2,9}?)(?:妇联|妇女联合会)")


def _section_levels(text: str, layout=None) -> tuple[list[int], list[str | None]]:
    """(start, "county" or None) of each article of the text: "county" when the article's region (as
    fuhe_cli.places reads it) is a county-level city, whose bare 市 (市级, 全市) is a county's level.
    `layout`: the text's (extract works it out once for every stage), else one is made here."""
    from fuhe_cli.layout import Layout
    from fuhe_cli.places import read_section_regions

    if layout is None or layout.text is not text:
        layout = Layout(text)
    read_section_regions(layout)
    starts, levels = [], []
    for start, section in zip(layout.section_starts, layout.sections):
        region = section.region
        starts.append(start)
        levels.append("county" if region is not None and region.level == "county"
                      and region.name.endswith(_CITY) else None)
    return starts, levels


def _level_of_place_ending(text: str, last: int) -> tuple[bool, str | None]:
    """(found, level) of the longest full name of the gazetteer ending at text[last] (opening at most
    _PLACE_NAME_CHARS characters before it): its level when all its readings are of one level, else None."""
    places = gazetteer()
    for start in range(max(0, last - _PLACE_NAME_CHARS), last):
        name = text[start:last + 1]
        if not CJK_RUN.fullmatch(name):
            continue
        levels = {region.level for region in places.candidates(name) if region.name == name}
        if levels:
            return True, levels.pop() if len(levels) == 1 else None
    return False, None

# a table cell (RuleSet._row_label): the characters that end a cell before it
_CELL_BREAK_CHARS = frozenset("\t|｜")


def _broken_down_header(text: str, span: tuple[int, int]) -> "tuple[int, int] | None":
    """The span of the header cell a 其中 header cell at `span` breaks down: the nearest cell to its
    left on the header line that does not open with 其中; None when `span` is no 其中 cell."""
    start = span[0]
    while start < span[1] and text[start] in " \u3000|｜\t":
        start += 1
    if not text.startswith(_BREAKDOWN, start):
        return None
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    for cell_start, cell_end in reversed(line_cells(text, line_start, len(text) if line_end < 0 else line_end)):
        cell = text[cell_start:cell_end].strip(" \u3000|｜")
        if cell_end <= start and cell and not cell.startswith(_BREAKDOWN):
            return cell_start, cell_end
    return None


def _after_cell_break(text: str, start: int) -> bool:
    """True when the figure at `start` opens a table cell: a tab or bar right before it, or a bar
    and the spaces a drawn (markdown) table pads its cells with ("| 场 | 86 | 124 |")."""
    at = start
    while at > 0 and text[at - 1] in " \u3000":
        at -= 1
    return at > 0 and text[at - 1] in _CELL_BREAK_CHARS

# A parallel list item (RuleSet._parallel): how much text may stand before its figure.
_PARALLEL_PREFIX = 12

# 由[年份的]61%提高到[年份的] (2.1万人增加到): the first figure of a 由…到 pair and its unit, up to the second figure
_FROM_TO = regex.compile(r"由[^，,。；;：:0-9]{0,4}(?:[0-9]{4}年(?:底|末)?的?)?([0-9][0-9.]*)[万亿千百]?[余多]?(%|[\u4e00-\u9fff]{1,2}?)"
                         r"(?:提高|提升|增长|上升|增加|扩大|下降|降低|减少|缩小)?(?:到|至)"
                         r"(?:[0-9]{4}年(?:底|末)?的?)?\Z")


# RuleSet._rate_of_earlier: a clause that is only a rate noun (the places it is taken over and link
# words aside) before its figure, and the last figure of the clause before it
_BARE_RATE = regex.compile(r"(?:这一|其|全[省市区县])?(?:村|社区|乡镇|镇|街道|城乡|行政村|[（(、]|[）)])*"
                           r"([\u4e00-\u9fff]{2}率)(?:达到|提高到|提升到|提升至|提高至|增至|达|为|是|约|超过|已达)?")
_COVERED_SHARE = regex.compile(r"(?:其|这一)?(覆盖)(?:全[省市区县])?(?:村|社区|乡镇|镇|街道|城乡|行政村|[（(、]|[）)])*的?"
                                r"(?:比例|比重|占比)(?:达到|提高到|提升到|提升至|提高至|增至|达|为|是|约|超过|已达)?")
_COVERAGE = "覆盖率"
# RuleSet._same_rate: a rate noun pointed back to (这一覆盖率), right before the figure but for a
# linking verb, and the earlier rate figures it may point to
_POINTED_RATE = regex.compile(r"(?:这一|这个|该|此|上述)([\u4e00-\u9fff]{0,4}?(?:率|比例|占比))"
                              r"(?:达到|为|是|约|达|仅为|只有)?\Z")
_RATE_FIGURE = regex.compile(r"[0-9][0-9.]*%")
_SAME_RATE_REACH = 200
_BRACKETED_NOTE = regex.compile(r"[（(][^（()）]{1,6}[）)]")
# RuleSet._share_of_subject: the verb of a share (占…总数的31.8%), and what may open the subject of
# the figure before it (a scope or a place; link words) before the words it opens with
_SHARE_VERB = "占"
_SUBJECT_SCOPE = regex.compile(r"(?:截至目前|目前)?(?:全[国省市区县州盟旗镇乡]|" + PLACE_HEAD_PATTERN + ")")
_SUBJECT_LINKS = ("其中", "共有", "现有", "已有", "共", "有")
_COUNT_FIGURE = regex.compile(r"([0-9][0-9.]*[万亿千]?)[余多]?(人次|场次|[个所家处户人名场支项件])")

# RuleSet._repeated_noun: how far back, and how long, a counted noun shared with an earlier figure is
_NOUN_REACH = 300
_NOUN_MIN, _NOUN_MAX = 3, 6
_HEAD_NOUN = 2      # a two-character noun: only the head of the earlier figure's own trigger word
_NOUN_WORDS = 12      # how many characters before the figure are read for its noun
_FIGURE = r"([0-9][0-9.]*|[零〇一二两三四五六七八九十百千]+)[万亿千百]?[余多]?"
# RuleSet._whole: verbs that make a 其中 part say what it achieved, another measure than its whole's
_OUTCOME_VERBS = ("取得", "获得", "获评", "荣获", "考取", "实现", "通过", "达到", "成为", "签订", "转化", "入选")
_RESPECTIVELY = "分别"
_RESPECTIVE_GAP = 4     # how far before 分别 the last listed trigger may end (妇女之家、儿童之家数量分别…)
_LISTED_WORD_JOIN = regex.compile(r"[”」』\"]*[、和及与][“「『\"]*")
_LISTED_FIGURE_JOIN = regex.compile(r"[、和及与]")
_FIGURES_OF: dict[str, object] = {}


def _figure_of(unit: str):
    """A figure of `unit` (group 1 its number), not of a longer unit it begins (人 in 人次)."""
    pattern = _FIGURES_OF.get(unit)
    if pattern is None:
        longer = [other[len(unit):] for other in UNITS if other.startswith(unit) and other != unit]
        pattern = _FIGURES_OF[unit] = regex.compile(
            _FIGURE + regex.escape(unit)
            + (f"(?!{'|'.join(regex.escape(tail) for tail in longer)})" if longer else ""))
    return pattern


@dataclass
class _At:
    """An earlier figure read as if it were the current one (its value and unit)."""
    start: int
    end: int
    num_start: int
    num_end: int
    value: float
    unit: str
    label: None = None


def _refines(own: "_Candidate", carried: "_Candidate") -> bool:
    """The part's own rule stays when it is of the same work area (其中全国最美家庭21户 after
    最美家庭5.2万户; 其中市级最美家庭1户 after 县级最美家庭8户) or declared more specific."""
    own_rule, carried_rule = own.compiled.rule, carried.compiled.rule
    return (own_rule.id.split(".")[0] == carried_rule.id.split(".")[0]
            or own_rule.priority > carried_rule.priority)


def _part_does(text: str, quantity, own: "_Candidate", breakdown: bool) -> bool:
    """A 其中 part whose own trigger follows it says what the part did (其中180人实现自主创业 after
    培训妇女2100人次): its own rule names it, not the whole's — unless the words after the figure
    only say who the part are (其中1.6万人次为农村留守妇女)."""
    return (breakdown and own.after and own.priority >= 0 and quantity.end < len(text)
            and text[quantity.end] not in _IDENTITY)


_IDENTITY = frozenset("为是系属")
_FOR = "为"      # 为 + figure + whom: the figure counts whom the work was done for (RuleSet._name)


def _bare_trigger(text: str, quantity, own: "_Candidate", start: int, end: int) -> str:
    """The trigger word the figure's clause text[start:end] consists of besides the figure and
    link words (共, 累计): "培训" for "培训800人次" and "共培训800人次"; "" for any other clause."""
    num_start = getattr(quantity, "num_start", quantity.start)
    hit_end = quantity.start - own.distance
    hit_start = hit_end - own.span
    if hit_start < start or hit_end > num_start:
        return ""       # the trigger is not (or not only) in the words before the figure
    if hit_start > start and text[start] not in LINK_CHARS:
        return ""       # the cheap test first: 开展宣讲300场 opens with a word of its own
    word = text[hit_start:hit_end]
    if (word not in own.compiled.rule.triggers.any or not names_nothing(text, start, hit_start)
            or not names_nothing(text, hit_end, num_start) or not names_nothing(text, quantity.end, end)):
        return ""
    return word


def _narrows(text: str, quantity, carried: "_Candidate", own: "_Candidate", word: str) -> bool:
    """The carried rule is a more specific name of the same work area than the bare clause's: another
    rule of it, fired on a longer trigger that holds the clause's word (干部培训 holds 培训; in
    "共有33名常务理事、101名理事，会员344人" 常务理事 does not hold 会员) — its characters in order, so
    "妇联主席参加…履职能力培训" holds the 参训 of "参训76人次" (参加…培训)."""
    carried_rule, own_rule = carried.compiled.rule, own.compiled.rule
    if carried_rule.id == own_rule.id or carried_rule.id.split(".")[0] != own_rule.id.split(".")[0]:
        return False
    hit_end = quantity.start - carried.distance
    carried_word = text[hit_end - carried.span:hit_end]
    if len(carried_word) <= len(word):
        return False
    at = 0
    for char in word:
        at = carried_word.find(char, at) + 1
        if not at:
            return False
    return True


def _examples_end(text: str, start: int, num_start: int) -> int:
    """Where the 等 closing a 、-list of examples stands in the words before a figure,
    text[start:num_start], when a noun follows it ("巾帼风采展示、健康讲座等活动32场"), or -1."""
    mark = text.rfind("等", start, num_start)
    if mark == -1 or mark + 1 >= num_start or text[mark + 1] in _NOT_EXAMPLES_AFTER:
        return -1
    if not "\u4e00" <= text[mark + 1] <= "\u9fff" or text.find("、", start, mark) == -1 and (
            _QUOTED_RUN.search(text, start, mark) is None):
        return -1
    return mark


_NOT_EXAMPLES_AFTER = frozenset("奖级次同等于")   # 一等奖, 等级, 等同, 等于: no list's 等
_EXAMPLES_NOUN = 5      # how far after the 等 the noun's trigger may start (等主题活动)
# "“春蕾安全课堂”“女童保护”等主题活动": quoted names printed one after another are a list's items too
_QUOTED_RUN = regex.compile(r"[”」』][“「『][^“”「」『』，,。；;：:\n]{1,12}[”」』]\Z")
_NAME_BOUNDARY = regex.compile(r"(?<=[”」』])(?=[“「『])")
_NAME_OPENING = re.compile("[“「『]")   # the cheap test first: no boundary without an opening quote
_LIST_MARK = re.compile("、")


_HEADING_NOUN = 3    # how many characters of the words before a figure its section heading must hold


def _heading_holds_noun(text: str, span: tuple[int, int], clause_start: int, quantity) -> bool:
    """True when the section heading text[span] holds the counted noun printed before the figure,
    the last _HEADING_NOUN characters or more of its words, link words left out ("三、志愿服务时长" holds
    服务时长 of "全年累计服务时长4.8万小时"; "三、资金使用" holds nothing of "实际支出96.8万元")."""
    num_start = getattr(quantity, "num_start", quantity.start)
    run = num_start
    while run > clause_start and "\u4e00" <= text[run - 1] <= "\u9fff":
        run -= 1
    words = without_trailing_link_words(text[run:num_start])
    return len(words) >= _HEADING_NOUN and words[-_HEADING_NOUN:] in text[span[0]:span[1]]


def _past_another_figure(text: str, q_end: int, hit_start: int, unit: str) -> bool:
    """True when a figure of the same unit stands between a figure (ending at `q_end`) and a trigger
    after it (at `hit_start`), with words between the two figures and no 、: the trigger is the
    nearer figure's ("300户 其中12户获评省级“最美家庭”"), not the predicate of a 、-list's every item
    ("21个市（州）、183个县（市、区）全部完成妇联换届") nor a name shared by a bare list ("12个和8个妇女之家")."""
    if DIGIT.search(text, q_end, hit_start) is None:
        return False    # the cheap test first: most triggers after a figure have no figure before them
    found = _figure_of(unit).search(text, q_end, hit_start)
    if found is None:
        return False
    between = text[q_end:found.start()]
    return "、" not in between and any(char not in _LIST_JOINS for char in between)


_LIST_JOINS = frozenset("、和及与 \u3000")


def _spells_out(text: str, carried: "_Candidate", own: "_Candidate") -> bool:
    """The clause's own rule, of the same work area as the carried one, fired on a longer word that
    holds a trigger word of the carried rule: "帮助2380名妇女实现就业，其中通过电商直播带货就业的有410名"
    — 通过电商直播带货就业 spells 就业 out more narrowly, so the part keeps its own rule even when that
    rule gives way on a tie (a negative priority)."""
    own_rule, carried_rule = own.compiled.rule, carried.compiled.rule
    if own.hit < 0 or own_rule.id == carried_rule.id or own_rule.id.split(".")[0] != carried_rule.id.split(".")[0]:
        return False
    word = text[own.hit:own.hit + own.span]
    return any(trigger in word and trigger != word for trigger in carried_rule.triggers.any)


def _narrows_part(text: str, quantity, carried: "_Candidate", own: "_Candidate") -> bool:
    """A 其中 part's own rule fired on a word the whole's rule spells out more narrowly, of the same
    work area (培训 in "培训各级妇联干部8200余人次，其中古田县、屏南县分别培训680人次、540人次"): the
    part repeats the whole's verb and counts what the whole counts (see _narrows)."""
    if own.hit < 0:
        return False
    return _narrows(text, quantity, carried, own, text[own.hit:own.hit + own.span])


_OCCASION_ENDS = ("中", "期间")


def _leaves_subject_out(text: str, quantity, own: "_Candidate", start: int) -> bool:
    """True when the fallback trigger of a ；-part opening at `start` stands before its figure and
    only link words, or the occasion it happened in (…中, …期间), come before it: "…；覆盖群众由
    2022年的2.7万人次…", "…；3月“学雷锋”志愿服务月中参与4620人次" say whom the work of the part
    before reached, not who did what ("…；“江西女性”网络平台推送信息累计吸引网民百万余人次")."""
    if own.after or own.hit < start or own.hit > quantity.start:
        return False
    before = without_trailing_link_words("".join(CJK_RUN.findall(text, start, own.hit)))
    return names_nothing(text, start, own.hit) or before.endswith(_OCCASION_ENDS)


_REACH_VERB = re.compile("惠及|受益")
_REACH_VERB_CHARS = 6   # how far into its clause the verb may stand (after link words: 共惠及, 累计受益)
_REACH_OPENERS = LINK_CHARS | frozenset("惠受")   # the cheap test first: how such a clause opens


def _reached(text: str, quantity, verb: int, start: int, end: int) -> bool:
    """True when the figure's clause text[start:end], with 惠及/受益 at `verb`, reads [link words] +
    the verb + whom + the figure, and nothing after it ("惠及女性创业者860人", "累计受益家长5600人次")."""
    return verb + 2 <= quantity.start and names_nothing(text, start, verb) and names_nothing(text, quantity.end, end)


_LAST_FIGURE = regex.compile(r"(?r)[0-9][0-9.]*[万亿千百]?[余多]?")


_GOAL_BRACKET = regex.compile(r"(?:目标值|目标数|目标任务|目标|任务数|计划数)[（(]$")
_GOAL_WORD_CHARS = 5


def _goal_bracket(text: str, start: int, clause_start: int) -> bool:
    """True when the figure at `start` opens a bracket right after a goal word (目标值（1200所）)."""
    return _GOAL_BRACKET.search(text[max(clause_start, start - _GOAL_WORD_CHARS):start]) is not None


def _names_figure_before(text: str, start: int, hit_start: int, compiled: CompiledRule) -> bool:
    """True when a figure of a unit the rule takes stands before its trigger in text[start:hit_start]
    (为36万名农村妇女进行了“两癌”检查: the trigger names that figure)."""
    found = _LAST_FIGURE.search(text, start, hit_start)
    return found is not None and text.startswith(tuple(compiled.units), found.end())


def _names_another(text: str, quantity, carried: "_Candidate", start: int, end: int) -> bool:
    """True when a carried trigger is the name of another figure, not of this one, which names its
    own thing: printed right before an earlier figure of the same unit ("表彰三八红旗手30名，优秀
    妇女工作者20名"), or after a figure it names when this one is followed by its own noun ("为36万名
    妇女进行了“两癌”检查，对730名贫困患者…")."""
    hit_end = quantity.start - carried.distance
    if names_earlier_figure(text, hit_end, getattr(quantity, "num_start", quantity.start), quantity.unit,
                            after=(quantity.end, end)):
        return True
    return _names_figure_before(text, start, hit_end - carried.span, carried.compiled) and bool(
        counted_after(text, quantity.end, end))


def _shares_head(member: str, word: str, compiled: CompiledRule) -> bool:
    """True when the group member printed before the trigger `word` is only a modifier of the same
    head noun ("留守、困境儿童": 留守 + 儿童 is a trigger of the rule too), not a noun of its own."""
    joined = member + word[-_HEAD_CHARS:]
    return any(len(trigger) > _HEAD_CHARS and joined.endswith(trigger) for trigger in compiled.rule.triggers.any)


def _names_again(own, text: str, span) -> bool:
    """The heading also holds the word the figure's own rule fired on (救助 in 救助困难“两癌”患病妇女):
    it is a more specific name for the same thing, not a different measure of the item."""
    words = own.compiled.words_search
    return words is not None and words.search(text, span[0], span[1]) is not None


class RuleSet:
    """Loaded rules, precompiled for `classify` (called once per quantity)."""

    def __init__(self, rules: list[Rule], version: str = "", overrides: list[Override] | None = None):
        self.rules = rules
        self.version = version
        self.overrides = overrides or []
        self._by_id = {rule.id: rule for rule in rules}
        self._compiled = [compile_rule(rule, order) for order, rule in enumerate(rules)]
        self._triggers = TriggerIndex(self._compiled)
        # refined rule's order -> the rules that refine it (see _refined)
        orders = {rule.id: order for order, rule in enumerate(rules)}
        self._refiners: dict[int, tuple[CompiledRule, ...]] = {}
        for compiled in self._compiled:
            refines = compiled.rule.refines
            for target in (refines.rules if refines else ()):
                if target in orders and target != compiled.rule.id:
                    self._refiners[orders[target]] = (*self._refiners.get(orders[target], ()), compiled)
        # every trigger word: a headline trigger's head word that is one names its own rule (_headline_head)
        self._trigger_words = frozenset(word for rule in rules for word in rule.triggers.any)
        # the highest priority of a rule a label or heading can name (a rule with carry: see _best)
        self._max_label_priority = max((rule.priority for rule in rules if rule.triggers.carry), default=0)
        # rules that count what exists (basis: stock): organisations, places, groups (see _best)
        self._stock = frozenset(compiled.order for compiled in self._compiled if compiled.rule.basis == "stock")
        # a rule of one level of a family of rules by level (family.model_families.prefecture) ->
        # its siblings by gazetteer level (see _place_level)
        by_parent: dict[str, dict[str, CompiledRule]] = {}
        for compiled in self._compiled:
            parent, _, level = compiled.rule.id.rpartition(".")
            if parent and level in _LEVEL_OF_RULE:
                by_parent.setdefault(parent, {})[_LEVEL_OF_RULE[level]] = compiled
        self._levels: dict[int, dict[str, CompiledRule]] = {
            compiled.order: siblings for siblings in by_parent.values() if len(siblings) > 1
            for compiled in siblings.values()}
        # the parent rule of such a family (family.model_families) -> its rules by level (_list_level)
        self._level_parents: dict[int, dict[str, CompiledRule]] = {
            compiled.order: by_parent[compiled.rule.id] for compiled in self._compiled
            if len(by_parent.get(compiled.rule.id, ())) > 1}
        # found at first use (see _may_narrow): loading stays linear in the rules
        self._narrower: dict[tuple[int, str], bool] = {}
        self._narrowed: dict[int, bool] = {}
        self._areas: dict[str, list[CompiledRule]] | None = None
        self._indicators: dict[str, Indicator] = {}
        self._spans = SpanCache()
        self._item_of: tuple = ()
        self._item: tuple | None = None
        self._label_start = 0
        self._issuer: tuple = (None, None, None)
        self._layout = None         # the layout classify was given for the text at hand

    def _may_narrow(self, compiled: CompiledRule, word: str) -> bool:
        """True when another rule of the same work area, taking one of the rule's units, has a
        longer trigger word holding `word`, or a trigger regex that spells it out (see _narrows;
        once per rule and word)."""
        key = (compiled.order, word)
        found = self._narrower.get(key)
        if found is None:
            if self._areas is None:
                self._areas = {}
                for other in self._compiled:
                    self._areas.setdefault(other.rule.id.split(".")[0], []).append(other)
            found = self._narrower[key] = any(
                other.order != compiled.order and other.units & compiled.units
                and (word in (other.rule.triggers.regex or "") or any(word in longer and longer != word
                                                                    for longer in other.rule.triggers.any))
                for other in self._areas[compiled.rule.id.split(".")[0]])
        return found

    def _has_narrower(self, compiled: CompiledRule) -> bool:
        """True when some trigger word of the rule has a narrower rule (_may_narrow), once per rule."""
        found = self._narrowed.get(compiled.order)
        if found is None:
            found = self._narrowed[compiled.order] = any(
                self._may_narrow(compiled, word) for word in compiled.rule.triggers.any)
        return found

    def __len__(self) -> int:
        return len(self.rules)

    def get(self, rule_id: str) -> Rule | None:
        return self._by_id.get(rule_id)

    def _veto_window(self, start: int, end: int | None) -> tuple:
        """(start, end, tail) of the text a candidate's exclusions are looked for in: text[start:end],
        or with `end` None up to the end of the current figure's item and its list's tail, from
        `start` or the item's start (_ITEM; _ITEM_OR_LABEL: the label before a colon when the
        item is the whole clause)."""
        if end is not None:
            return start, end, None
        if self._item is None:
            self._item = item_bounds(*self._item_of)
        item_start, item_end, tail = self._item
        if start == _ITEM:
            start = item_start
        elif start == _ITEM_OR_LABEL:
            start = self._label_start if item_start == self._item_of[2] else item_start
        return start, item_end, tail

    def _best(self, text: str, quantity, start: int, end: int, carried: bool, veto_end: int | None,
              label: bool = False, veto_start: int | None = None, skip_themes: bool = False,
              examples: bool = True, changes: bool = False):
        """The winning candidate (overlap policy) among the trigger hits in text[start:end], read as
        the figure's own clause, a carried clause (`carried`) or a label/heading (`label`); a
        candidate's exclusions are looked for in text[veto_start (default start):veto_end], or —
        `veto_end` None — from there (or the item's start, `veto_start` _ITEM) to the end of the
        figure's item and in its list's tail (_item_window). With `skip_themes`, words of a quoted
        campaign name (names_a_campaign) are passed over. A label is answered by rules with carry
        only, or — `changes`, a table column's header — by the change rules (carry: false) only."""
        value = quantity.value
        if value is None:
            return None       # no range holds an unknown value: no rule can match
        unit = quantity.unit
        q_start, q_end = quantity.start, quantity.end
        num_start, num_end = getattr(quantity, "num_start", q_start), getattr(quantity, "num_end", q_end)
        best_key = best_compiled = None
        best_end = 0
        places = None       # the figure counts places (区妇联还为8个村…), found at first need
        regex_group = self._triggers.regex_group(unit)
        rules = self._compiled
        # "举办巾帼风采展示、健康讲座等活动32场": the words of a list of examples closed by 等 give way
        # to the noun after it, which names what the figure counts (read again without: rare)
        examples_end = (-1 if not examples or label else _examples_end(text, start, end) if carried
                        else _examples_end(text, start, num_start))
        if examples_end != -1 and not self._mixed_examples(text, start, end, examples_end, regex_group):
            examples_end = -1   # "亲子阅读、亲子研学等活动150余次": examples of one work area name it
        noun_named = False      # a rule's trigger is the noun after the 等 (for any figure)
        for hit_start, hit_end, order in self._triggers.hits(text, start, end, regex_group):
            if hit_end <= examples_end:
                continue
            if examples_end != -1 and hit_start <= examples_end + _EXAMPLES_NOUN:
                noun_named = True
            compiled = rules[order]
            if unit not in compiled.units or not (compiled.low <= value <= compiled.high):
                continue
            if hit_start < num_end and hit_end > num_start:
                continue      # a trigger inside the number itself (千场, 万人) is not context
            if unit == "个" and (compiled.priority < 0 or carried or hit_start >= q_end and not label):
                if places is None:
                    places = q_end < len(text) and text[q_end] in _PLACE_FIRST and _PLACES.match(text, q_end) is not None
                if places and (compiled.priority < 0 or carried
                               or _SET_UP.search(text, q_end, hit_start) is not None):
                    # "区妇联还为8个村建成…": a fallback does not name a count of places, nor a rule
                    # carried from an earlier clause; nor does the object of a verb of setting up
                    # after the places ("全县已有46个村成立巾帼互助合作社"): the places set it up,
                    # and the figure counts them ("…183个县（市、区）全部完成妇联换届" counts units)
                    continue
            listed = False
            if hit_end <= q_start:
                side, distance = "before", q_start - hit_end
                if not (label or carried) and order in self._stock and verb_has_object(text, hit_end, num_start):
                    # "街道妇联开设“说事点”17个", "依托“妇女之家”开办“暑托班”86个": an organisation or
                    # place before a verb with an object of its own did the work or hosted it; the
                    # object is what the figure counts
                    continue
                if not (label or carried) and "、" in text[hit_end:num_start]:
                    item = earlier_figure_item(text, hit_end, num_start, unit, after=(q_end, end))
                    if item == NAMES_OWN:
                        continue  # "基地56个、县级手工服务站点19个": the word names the earlier item
                    # "宣威市培训3120人次、会泽县2860人次": an item that leaves its thing out shares
                    # the earlier item's word, however far back (a carried rule only)
                    listed = item == ELIDED and compiled.carry
                    if not listed:
                        # "达标率分别达到96%、94%、92%": a later figure of a bare list of figures
                        # counts what the list's first figure counts, read at that figure's distance
                        first = bare_figure_list(text, hit_end, num_start, unit)
                        if first != -1 and bare_after(text, q_end, end) and (
                                first - hit_end <= compiled.within
                                or reading_distance(text, hit_end, first) <= compiled.within):
                            listed, distance = True, first - hit_end
            elif hit_start >= q_end:
                side, distance = "after", hit_start - q_end
                if ("、" in text[q_end:hit_start] or text[q_end] in _AND) and names_next_item(text, hit_end, end):
                    # "来访412批次、来电1043个", "红旗集体15个和县级“最美家庭”60户": a word past the
                    # list mark (、, or 和 right after the figure) names the next item
                    continue
                if unit and _past_another_figure(text, q_end, hit_start, unit):
                    continue  # "“最美家庭”300户 其中12户获评省级“最美家庭”": the word is the 12户's
            else:
                side, distance = compiled.side, 0
            if label:
                if compiled.carry == changes:
                    continue
                distance = hit_start - start
            elif carried:
                if compiled.side == "after" or not compiled.carry:
                    continue
                distance = q_start - hit_end
            elif compiled.side != "both" and side != compiled.side:
                continue
            elif distance > compiled.within and not listed:
                # an age between them (1.2万名35至64岁农村妇女…检查) is not read as distance
                distance = (reading_distance(text, hit_end, q_start) if side == "before"
                            else reading_distance(text, q_end, hit_start, examples=True,
                                                  for_whom=num_start > start and text[num_start - 1] == _FOR))
                if distance > compiled.within:
                    continue
            # the overlap policy: longest trigger, then higher priority, nearer, earlier loaded
            key = (hit_start - hit_end, -compiled.priority, distance, compiled.order)
            if best_key is not None and key >= best_key:
                continue
            if compiled.exclude_words or compiled.exclude_regexes:
                window = self._veto_window(start if veto_start is None else veto_start, veto_end)
                if (window[2] is not None and not (label or carried) and hit_start >= q_end
                        and hit_end <= window[1]):
                    # "授予30名同志“三八红旗手”称号、10个集体“三八红旗集体”称号": an item naming its
                    # thing after its figure is whole; the words after the list's last figure are
                    # that last item's own, not a predicate of every item
                    window = (window[0], window[1], None)
                if vetoed(compiled, text, *window):
                    continue
            if skip_themes and names_a_campaign(text, hit_start, hit_end):
                continue
            best_key, best_compiled, best_end = key, compiled, hit_end
        if best_compiled is None:
            # "…等主题活动32场，覆盖儿童4500人次": a carried clause whose noun after the 等 names
            # its own figure lends the figure no word of its examples
            if examples_end != -1 and not (carried and noun_named):
                return self._best(text, quantity, start, end, carried, veto_end, label, veto_start, skip_themes,
                                  examples=False, changes=changes)
            return None
        if (not skip_themes
                and CLOSE_QUOTE.search(text, best_end, best_end + QUOTED_NAME_CHARS + 1) is not None
                and names_a_campaign(text, best_end + best_key[0], best_end)):
            # “春蕾护航”防性侵宣讲: a word of a campaign's quoted name names the figure only when no
            # other rule does (read again without such words; rare); a fallback theme word
            # (服务 in “家政服务进社区”活动) gives way to any rule found without it, fallbacks too
            other = self._best(text, quantity, start, end, carried, veto_end, label, veto_start, skip_themes=True,
                               examples=examples, changes=changes)
            if other is not None and (other.priority >= 0 or best_compiled.priority < 0):
                return other
        return _Candidate(-best_key[0], best_compiled.priority, best_key[2], best_compiled.order, best_compiled,
                          after=best_end > q_end, hit=best_end + best_key[0])

    def classify(self, text: str, quantity, layout=None) -> tuple[Indicator, str | None]:
        """The indicator a quantity measures, and the id of the rule that said so; `layout`: the
        text's layout.Layout, when the caller has one (a level read from the article's place)."""
        self._layout = layout
        # The trigger hits of a span are kept for one pass over a text (figures in order): a
        # figure before the last one starts a new pass, which finds them afresh. Only the spans
        # near the last figures are asked about again, so a few hundred are kept, not a whole
        # text's (fewer objects for the garbage collector to count and scan).
        self._triggers.start_figure(quantity.start)
        best, clause_start, end = self._choose(text, quantity)
        if best is not None:
            compiled = best.compiled
            if compiled.order in self._levels:
                # "获评重庆市“最美家庭”": a level read from a place's 市 is the level the place is
                compiled = self._place_level(text, best) or compiled
            elif compiled.order in self._level_parents:
                # "县级“三八红旗手”25名、“三八红旗集体”10个、“最美家庭”30户": a level word opening
                # the list qualifies each of its items
                compiled = self._list_level(text, quantity, clause_start, end, compiled) or compiled
            refiners = self._refiners.get(compiled.order)
            if refiners is not None:
                # "两癌免费检查5200人，为23名患病困难妇女发放救助金": the subject named earlier in the
                # sentence makes a general rule's figure the refining rule's.
                compiled = self._refined(text, quantity, refiners) or compiled
            rule = compiled.rule
            indicator = self._indicators.get(rule.id)
            if indicator is None:   # frozen, so one instance per rule serves every fact
                indicator = self._indicators[rule.id] = Indicator(id=rule.id, name=rule.name)
            return indicator, rule.id
        return Indicator(id=UNCATEGORIZED, name=context_phrase(text, quantity, clause_start, end)), None

    def _choose(self, text: str, quantity, whole: bool = True) -> tuple["_Candidate | None", int, int]:
        """Steps 2-5 and 7-10 of classify: the winning candidate (or None) and the figure's clause;
        with `whole` False a 其中 part does not look for its whole's rule (see _whole)."""
        best, clause_start, end = self._name(text, quantity)
        if best is None or best.priority < 0:
            # "安定区已建成儿童之家312个…；陇西县已建成268个": a later item of a list that changes
            # only its place takes the rule of the earlier item with the same words before its figure.
            parallel = self._parallel(text, quantity, clause_start)
            if parallel is not None:
                best = parallel
        if (best is None or best.priority < 0) and text[getattr(quantity, "num_start", quantity.start) - 1] in _AND:
            # "儿童之家数分别含新建的12个和9个": a figure joined to the one before it by 和 alone, with
            # no words of its own, is the same measure as its partner.
            partner = self._partner(text, quantity, end)
            if partner is not None:
                best = partner
        if best is None or best.priority < 0:
            # "覆盖率由2018年的61%提高到2022年的87.5%": the second figure of a 由…到 pair is the
            # same measure as the first.
            start = text.find("由", clause_start, quantity.start)
            if start != -1:
                found = _FROM_TO.search(text, start, getattr(quantity, "num_start", quantity.start))
                if found is not None and found.group(2) == quantity.unit:
                    saved = (self._item_of, self._item, self._label_start)
                    at = _At(start=found.start(1), end=found.end(2), num_start=found.start(1),
                             num_end=found.end(1), value=quantity.value, unit=quantity.unit)
                    try:
                        first = self._name(text, at)[0]
                    finally:
                        self._item_of, self._item, self._label_start = saved
                    if first is not None and first.priority >= 0:
                        best = first
        if best is None or best.priority < 0:
            # "南宁市妇联关于…信访维权工作情况的通报 … 三、各县（市、区）情况 / 兴宁区受理142件次":
            # a report's title is the outermost heading of the figures in its numbered sections
            # whose clause is only a place and a verb (the topic is elided, not another one named).
            title = self._spans.title(text)
            if title is not None and title[2] <= quantity.start and leaves_thing_out(
                    text, clause_start, getattr(quantity, "num_start", quantity.start), quantity.unit,
                    after=(quantity.end, end)):
                named = self._best(text, quantity, title[0], title[1], carried=True, veto_end=title[1], label=True)
                if named is not None and named.priority >= 0 and not vetoed(
                        named.compiled, text, *self._veto_window(_ITEM, None)):
                    best = named
        if best is None or best.priority < 0:
            # "全年新创建县级“美丽庭院”示范户1286户。… 紫阳镇创建示范户186户": a figure whose counted
            # noun is the one an earlier figure nearby was printed after counts what that figure counts.
            repeated = self._repeated_noun(text, quantity, clause_start)
            if repeated is not None:
                best = repeated
        if (best is None or best.priority < 0) and quantity.unit == "%":
            # "建成家庭教育指导服务站点186个，村（社区）覆盖率68.5%": a bare rate noun is the rate of
            # what the figure of the clause before counts.
            rate = self._rate_of_earlier(text, quantity, clause_start)
            if rate is None:
                # "宫颈癌筛查覆盖率达到58.3%……从全国看，这一覆盖率为53.7%": a rate that points back
                # to one named before is that rate
                rate = self._same_rate(text, quantity, clause_start)
            if rate is None:
                # "全县女性茶企负责人146名，占茶企负责人总数的31.8%": a share whose clause opens
                # with 占 is the share of what the figure before counts (女性… + 占: 女性占)
                rate = self._share_of_subject(text, quantity, clause_start)
            if rate is not None:
                best = rate
        if (best is None or best.priority < 0) and whole:
            # "共受理信访案件136件次。其中来访52件次、来电71件次": a part of a 其中 breakdown with
            # no rule of its own counts what the whole counts, however the whole was named.
            named = self._whole(text, quantity, clause_start, end)
            if named is not None and (named.priority >= 0 or best is None) and not (
                    best is not None and _spells_out(text, named, best)):
                # (a whole only a fallback names — 开展…等活动1.2万场 — still names a part with no rule)
                best = named
        if best is None or best.priority < 0:
            # "日照市“两癌”免费检查惠及面持续扩大 … 2024年分别完成检查9800人": the head word of the
            # headline's trigger, a word naming nothing on its own, is that trigger's short form
            topic = self._headline_head(text, quantity, clause_start, end)
            if topic is not None:
                best = topic
        if best is None:
            # "三、志愿服务时长 / 全年累计服务时长4.8万小时": a figure nothing names takes the rule its
            # numbered section's heading line names
            span = section_heading(text, quantity.start)
            if span is not None and _heading_holds_noun(text, span, clause_start, quantity):
                named = self._best(text, quantity, span[0], span[1], carried=True, veto_end=span[1], label=True)
                if named is not None and named.priority >= 0 and not vetoed(
                        named.compiled, text, *self._veto_window(_ITEM, None)):
                    best = named
        return best, clause_start, end

    def _headline_head(self, text: str, quantity, clause_start: int, clause_end: int) -> "_Candidate | None":
        """The rule of the trigger the text's headline names the figure by (its title line, read as
        _outer_headings reads it), when the figure's clause holds that trigger's head word (its last
        _HEAD_CHARS characters, quote marks aside) within the rule's reach and that word is no
        trigger of any rule itself: under "日照市“两癌”免费检查惠及面持续扩大" the 检查 of
        "2024年分别完成检查9800人" and of "推动检查覆盖…适龄妇女4万名" is the 两癌 screening the
        article is about, over a fallback (覆盖). A head that names something of its own (培训, 服务)
        is read as that; the figure's own item can veto the rule."""
        title = self._spans.title(text)
        if title is None:
            span = self._spans.title_line(text)
            if span is None or span[1] > quantity.start:
                return None
        elif title[2] <= quantity.start:
            span = title
        else:
            return None
        named = self._best(text, quantity, span[0], span[1], carried=True, veto_end=span[1], label=True)
        if named is None or named.priority < 0 or named.hit < 0:
            return None
        word = "".join(char for char in text[named.hit:named.hit + named.span] if char not in _QUOTE_MARKS)
        head = word[-_HEAD_CHARS:]
        if len(word) <= _HEAD_CHARS or head in self._trigger_words or not CJK_RUN.fullmatch(head):
            return None
        compiled = named.compiled
        num_start = getattr(quantity, "num_start", quantity.start)
        at = text.find(head, clause_start, clause_end)
        while at != -1:
            if at + len(head) <= num_start and compiled.side != "after":
                distance, after = reading_distance(text, at + len(head), quantity.start), False
            elif at >= quantity.end and compiled.side != "before":
                distance, after = reading_distance(text, quantity.end, at, examples=True), True
            else:
                distance = None
            if distance is not None and distance <= compiled.within:
                if vetoed(compiled, text, *self._veto_window(_ITEM, None)):
                    return None
                return _Candidate(len(head), compiled.rule.priority, distance, compiled.order, compiled,
                                  after=after, hit=at)
            at = text.find(head, at + 1, clause_end)
        return None

    def _choose_other(self, text: str, found, quantity, unit: str):
        """(the figure `found` — a _figure_of match of the same unit — as an _At, the candidate that
        names it), read as a figure of its own without disturbing the current figure's state."""
        at = _At(start=found.start(), end=found.end(), num_start=found.start(), num_end=found.end(1),
                 value=quantity.value, unit=unit)
        saved = (self._item_of, self._item, self._label_start)
        try:
            return at, self._choose(text, at, whole=False)[0]
        finally:
            self._item_of, self._item, self._label_start = saved

    def _last_figure_rule(self, text: str, quantity, start: int, end: int,
                          own: "_Candidate | None" = None) -> "_Candidate | None":
        """The rule of the last figure of the quantity's unit in the clause text[start:end] right
        before a 其中 part, when that clause holds more figures of the unit (a 、-list, each item
        named apart: 县级“最美家庭”200户、“和美庭院”示范户500户): the part breaks down that last
        figure, whatever the clause's longest trigger is — or the earlier figure the part's `own`
        rule names ("共有“妇女微家”268个、“儿童之家”312个，其中今年新建“妇女微家”35个": the part
        names the whole it breaks down). Its trigger must stand before that figure (so the part can
        read it as a carried one); None otherwise."""
        unit = quantity.unit
        if not unit or unit == "%":
            return None
        figures = list(_figure_of(unit).finditer(text, start, end))
        if len(figures) < 2:
            return None     # the cheap test first: one figure, the clause's trigger is its
        if own is not None and own.priority >= 0:
            for found in figures[:-1]:
                at, named = self._choose_other(text, found, quantity, unit)
                if named is not None and named.compiled.order == own.compiled.order:
                    return own
        at, named = self._choose_other(text, figures[-1], quantity, unit)
        if (named is None or named.priority < 0 or named.hit < start or named.hit + named.span > at.start
                or not named.compiled.carry):
            return None
        return _Candidate(named.span, named.priority, quantity.start - named.hit - named.span, named.order,
                          named.compiled, hit=named.hit)

    def _whole(self, text: str, quantity, clause_start: int, clause_end: int) -> "_Candidate | None":
        """The rule of the figure a 其中 breakdown list holding this one breaks down: the figure's
        clause opens with 其中 (or follows a clause that is only 其中), and the whole is the last
        figure of the same unit before it, in its sentence or — for a 其中 opening a sentence — the
        sentence before ("…共241件次，占64.8%（其中家庭暴力63件次、…）", "…136件次。其中来访52件次、
        来电71件次"), or — a clause that is only a category and its figure — follows a clause of its
        sentence that opens with 其中 ("其中婚姻家庭类112件次，…；家庭暴力类27件次"). The figure's own
        clause can still veto the rule."""
        unit = quantity.unit
        if not unit or unit == "%":
            return None     # 其中…占61.2%: a share of the whole, not a part of it
        num_start = getattr(quantity, "num_start", quantity.start)
        opening = text.rfind(_BREAKDOWN, clause_start, num_start)
        if opening == -1:
            if clause_start > len(_BREAKDOWN) and text[clause_start - 1] in "，," and text.startswith(
                    _BREAKDOWN, clause_start - 1 - len(_BREAKDOWN)):
                opening = clause_start - 1 - len(_BREAKDOWN)     # "其中，福州市开展2100场"
            elif clause_start and names_a_category(text, clause_start, num_start):
                # "其中婚姻家庭类112件次，占…60.2%；家庭暴力类27件次": a later item of a breakdown by
                # category goes on with the 其中 clause of its sentence
                sentence = context_start(text, clause_start)
                opening = text.rfind(_BREAKDOWN, sentence, clause_start)
                if opening == -1 or opening != sentence and text[opening - 1] not in _CLAUSE_OPENERS:
                    return None
            else:
                return None
        elif opening != clause_start and text[opening - 1] not in "（(":
            return None
        if any(verb in text[opening:num_start] for verb in _OUTCOME_VERBS):
            return None     # 其中取得职业技能等级证书1215人: what the part achieved is another measure
        sentence = context_start(text, opening)
        # a 其中 opening its sentence breaks down the sentence before
        look = sentence
        if sentence == opening and sentence:
            back = sentence
            while back and text[back - 1] in _BREAKDOWN_AFTER:
                back -= 1   # "…1.2万场。\n其中，福州市开展2100场": past the 。 and the line break
            look = context_start(text, back)
        repeated = self._whole_by_head(text, quantity, look, opening, num_start)
        if repeated is not None:
            return repeated
        found = None
        for found in _figure_of(unit).finditer(text, look, opening):
            pass
        if found is None:
            return None
        at, candidate = self._choose_other(text, found, quantity, unit)
        if candidate is None:
            return None     # (a fallback whole is returned too: it names a part that has no rule, see _choose)
        member = at.start - candidate.distance - candidate.span
        if not candidate.after and member > 0 and text[member - 1] in _AND:
            return None     # "工作人员和志愿者3800多名，其中“儿童主任”1935名": a part of a mixed whole
        return None if vetoed(candidate.compiled, text, *self._veto_window(_ITEM, None)) else candidate

    def _whole_by_head(self, text: str, quantity, look: int, opening: int, num_start: int) -> "_Candidate | None":
        """The rule of the earlier figure in text[look:opening] (nearest first, of any unit) whose
        trigger's head word (its last _HEAD_CHARS characters, quote marks aside, a word that is no
        trigger itself) the 其中 part text[opening:num_start] repeats, when that rule takes the
        part's unit: "为52.3万名适龄妇女开展“两癌”免费检查…；其中2025年检查11.2万人" breaks the
        screenings down, not the 救助 figure printed nearer."""
        words = text[opening:num_start]
        if DIGIT.search(text, look, opening) is None or not CJK_RUN.search(words):
            return None
        for found in reversed(list(_COUNT_FIGURE.finditer(text, look, opening))):
            at = _At(start=found.start(), end=found.end(), num_start=found.start(), num_end=found.end(1),
                     value=quantity.value, unit=found.group(2))
            saved = (self._item_of, self._item, self._label_start)
            try:
                named = self._choose(text, at, whole=False)[0]
            finally:
                self._item_of, self._item, self._label_start = saved
            if named is None or named.priority < 0 or named.hit < 0 or quantity.unit not in named.compiled.units:
                continue
            word = "".join(char for char in text[named.hit:named.hit + named.span] if char not in _QUOTE_MARKS)
            head = word[-_HEAD_CHARS:]
            if (len(word) <= _HEAD_CHARS or head in self._trigger_words or not CJK_RUN.fullmatch(head)
                    or head not in words):
                continue
            if quantity.value is None or not named.compiled.low <= quantity.value <= named.compiled.high:
                return None
            return None if vetoed(named.compiled, text, *self._veto_window(_ITEM, None)) else named
        return None

    def _name(self, text: str, quantity) -> tuple["_Candidate | None", int, int]:
        """Steps 2-5 of classify: the winning candidate (or None), and the figure's clause."""
        start, end = clause_around(text, quantity.start, quantity.end)
        # Exclusions are judged within the figure's own item of a list: "三八红旗手20名、三八红旗
        # 集体8个" — the next figure's words (红旗集体) do not veto this one's rule; the words after
        # the list's last figure (…、98个基层法院均设有维权岗) still speak for every item.
        # (found only when a rule with exclusions is a candidate: most figures never need it)
        self._item_of, self._item = (text, quantity, start, end), None
        own = self._best(text, quantity, start, end, carried=False, veto_end=None, veto_start=_ITEM)
        if own is not None and 0 <= own.hit < quantity.start and "、" in text[own.hit:quantity.start]:
            # "6户家庭获评泉州市“最美家庭”、1户获评福建省“最美家庭”": a trigger of an earlier 、-item
            # gives way to one of the figure's own item (a rule of its own, not a fallback)
            item_start = self._veto_window(_ITEM, None)[0]
            if own.hit + own.span <= item_start:
                mine = self._best(text, quantity, item_start, end, carried=False, veto_end=None, veto_start=_ITEM)
                if mine is not None and mine.priority >= 0:
                    own = mine
        num_start = getattr(quantity, "num_start", quantity.start)
        if (own is not None and not own.after and own.hit + own.span == num_start - 1
                and text[num_start - 1] == _FOR):
            # "邀请家庭教育指导师为350名家长授课": a trigger before 为 names who did the work; a
            # trigger printed right after the figure names whom it was done for, what it counts
            # (the trigger the figure's counted noun opens with: later words, 答疑解惑, left out)
            mine = self._best(text, quantity, quantity.end, end, carried=False, veto_end=None, veto_start=_ITEM)
            while mine is not None and mine.distance > 0 and mine.hit > quantity.end:
                mine = self._best(text, quantity, quantity.end, mine.hit, carried=False, veto_end=None,
                                  veto_start=_ITEM)
            if mine is not None and mine.priority >= 0 and mine.distance == 0:
                own = mine
        if (own is not None and own.priority >= 0 and not own.after and quantity.unit in _HEAD_NOUN_UNITS
                and 0 < num_start - (own.hit + own.span) <= _HEAD_NOUN_CHARS
                and not names_nothing(text, own.hit + own.span, num_start)):
            # "服务留守儿童家长2300余人次": of people, the head noun right before the figure says who is
            # counted; a trigger that only modifies it gives way to its rule (the parents are counted)
            head = self._best(text, quantity, own.hit + own.span, end, carried=False, veto_end=None,
                              veto_start=_ITEM)
            if (head is not None and head.priority >= 0 and not head.after and head.hit == own.hit + own.span
                    and head.compiled.order != own.compiled.order
                    and names_nothing(text, head.hit + head.span, num_start)):
                own = head
        if (own is not None and own.priority >= 0 and not own.after and own.distance <= 1
                and own.hit - 1 > start and text[own.hit - 1] in _GROUP_MARKS):
            # "走访慰问困难妇女和留守儿童1260人": a noun that is the last member of the group counted
            # names one part of it; the rule read before the group (the work done for all of it)
            # names the figure, when the group's other member names no rule of its own
            whole = self._best(text, quantity, start, own.hit - 1, carried=False, veto_end=None, veto_start=_ITEM)
            if (whole is not None and whole.priority >= 0 and whole.compiled.order != own.compiled.order
                    and whole.hit + whole.span < own.hit - 1
                    and not DIGIT.search(text, whole.hit, own.hit)
                    and not _shares_head(text[whole.hit + whole.span:own.hit - 1], text[own.hit:own.hit + own.span],
                                         own.compiled)):
                own = whole
        if own is not None and own.priority >= 0 and not own.after and 0 <= own.hit < num_start:
            # "全市妇女之家、儿童之家分别达到2018个、1640个": the words listed before 分别 take its
            # figures in order, as places do; the nearest of them names only the last figure
            paired = self._respective(text, quantity, start, end, own)
            if paired is not None:
                own = paired
        if (own is None or own.priority < 0) and start and text[start - 1] in _LABEL_COLONS:
            # "活动场次：260场": a label before a colon names the figure after it as if it stood in
            # its clause (fallback rules included, within their reach); the colon still ends the
            # clause for the carried rules read below.
            label_start, _ = clause_around(text, start - 1, start - 1)
            self._label_start = label_start
            labelled = self._best(text, quantity, label_start, end, carried=False, veto_end=None,
                                  veto_start=_ITEM_OR_LABEL)
            if labelled is not None:
                own = labelled
        if (own is None or own.priority < 0) and _goal_bracket(text, quantity.start, start):
            # "家长学校数量已完成2025年中期目标值（1200所）的107.2%": a goal value in brackets is a
            # goal of what its clause counts, however far back the clause names it
            goal = self._best(text, quantity, start, quantity.start - 1, carried=True, veto_end=None)
            if goal is None and quantity.unit and quantity.unit != "%":
                # "培训妇女920人次，完成年度目标任务（800人次）的115%": else the goal of the figure
                # before it in its sentence, of the same unit
                found = None
                for found in _figure_of(quantity.unit).finditer(text, context_start(text, start), start):
                    pass
                if found is not None:
                    goal = self._choose_other(text, found, quantity, quantity.unit)[1]
            if goal is not None and (own is None or goal.priority >= 0):
                own = goal
        change = None
        if (own is None or own.priority < 0) and getattr(quantity, "label", None) is not None:
            # "| 妇女技能培训 | 人次 | 2860 | 2410 | 18.7 |" under "同比增减（%）": a column header that
            # names a change makes its cells that change of what their rows measure, whatever the row
            # label would name (the rows measure levels; the column says how they changed)
            change = self._column_change(text, quantity)
            if change is not None:
                own = change
        if (change is None or own is not change) and _after_cell_break(text, quantity.start):
            # "家长学校数量\t所\t356\t420\t432": a table row's label names each cell of the row,
            # however far to the right, over the row text just before the cell (the label cut short,
            # the unit and figure cells beside it) — only a header naming a change says otherwise
            labelled = self._row_label(text, quantity)
            if labelled is not None:
                own = labelled
        best, clause_start = own, start
        # "培训妇女9.4万人次，其中农村留守妇女1.6万人次": a 其中 breakdown counts part of the figure
        # before it, so it measures the same thing, whatever its own words (留守妇女) would say.
        breakdown = text.startswith(_BREAKDOWN, start)
        # "举办基层妇联干部培训班6期，培训800人次": a clause that is only its rule's trigger word and
        # the figure repeats the earlier clause's verb; a more specific rule of the same work area
        # read there (干部培训) names it.
        bare = ""
        if (own is not None and own.priority >= 0 and not breakdown and self._has_narrower(own.compiled)
                and own.span <= getattr(quantity, "num_start", quantity.start) - start <= own.span + _BARE_LINK_CHARS):
            word = _bare_trigger(text, quantity, own, start, end)
            if word and self._may_narrow(own.compiled, word):
                bare = word
        # "发放“巾帼助力贷”1.2亿元，惠及女性创业者860人": a clause that only says whom the earlier
        # clause's work reached counts that work's beneficiaries, whatever its own noun would say.
        verb = (None if own is None or own.priority < 0 or breakdown or bare or text[start] not in _REACH_OPENERS
                else _REACH_VERB.search(text, start, start + _REACH_VERB_CHARS))
        reached = verb is not None and _reached(text, quantity, verb.start(), start, end)
        if (own is None or own.priority < 0 or breakdown or bare or reached) and not (
                quantity.unit == "%" and _OWN_RATE_NOUN.search(text, start, quantity.start)):
            # A fallback (negative priority) gives way to a specific rule carried from before.
            budget = 0 if alone_on_line(text, quantity) else MAX_CARRIED_CLAUSES
            walked = 0
            while walked < budget:
                previous_end = start - 1
                if start == 0 or text[start - 1] in SENTENCE_BREAKS and not wrapped_line(text, start - 1):
                    # "…妇女微家总数达到298个。其中，2023年新建48个": a sentence led in by 其中，
                    # breaks down the sentence before, so a figure with no rule reads on there
                    # "…贷款1.12亿元，比2022年的0.86亿元增长30.2%；今年以来又发放6800万元": a ；-part
                    # that leaves its thing out goes on with the part before
                    if not (own is None and (text.startswith(_BREAKDOWN, start) and text[start + len(_BREAKDOWN)] in "，,"
                                             and text[start - 1] in _BREAKDOWN_AFTER
                                             or text[start - 1] in "；;。" and start == clause_start
                                             and not opens_new_item(text, start - 1)
                                             and elided_figure_clause(text, start, end, quantity.unit))
                            or own is not None and own.priority < 0 and text[start - 1] in "；;"
                            and start == clause_start and not opens_new_item(text, start - 1)
                            and _leaves_subject_out(text, quantity, own, start)):
                        break
                    while previous_end > 0 and text[previous_end - 1] in _BREAKDOWN_AFTER:
                        previous_end -= 1
                start, _ = clause_around(text, previous_end, previous_end)
                carried = self._best(text, quantity, start, previous_end, carried=True, veto_end=None)
                walked += 1
                if breakdown and walked == 1 and carried is not None and carried.priority >= 0:
                    # "评选县级“最美家庭”200户、“和美庭院”示范户500户，其中立仓镇…示范户46户": a 其中
                    # part breaks down the figure right before 其中, not the clause's longest word
                    carried = self._last_figure_rule(text, quantity, start, previous_end, own) or carried
                if carried is None and budget < MAX_WALKED_CLAUSES and previous_end - start == len(_BREAKDOWN) and (
                        text.startswith(_BREAKDOWN, start)):
                    budget += 1     # the lead-in 其中， is no clause of its own
                if carried is None and budget < MAX_WALKED_CLAUSES and elided_figure_clause(
                        text, start, previous_end, quantity.unit):
                    # "一季度来电789个，二季度702个，三季度821个，四季度634个": a clause that only
                    # leaves its thing out, like this one, is passed over without counting
                    budget += 1
                if carried is not None and carried.priority >= 0 and not breakdown and _names_another(
                        text, quantity, carried, start, end):
                    break
                if bare or reached:
                    if carried is not None and carried.priority >= 0 and (
                            reached or _narrows(text, quantity, carried, own, bare)):
                        best = carried
                    if carried is not None:
                        break
                    continue
                if (carried is not None and carried.priority >= 0 and own is not None and own.priority < 0
                        and names_a_meeting(text, carried.hit, carried.hit + carried.span)):
                    # "…“三八红旗手”表彰大会，全县各界妇女代表300余人参加": a word of a meeting's name
                    # names the meeting; the figure's own fallback (参加) says it counts who attended
                    break
                if carried is not None and carried.priority >= 0:
                    member = quantity.start - carried.distance - carried.span
                    if breakdown and own is None and member and text[member - 1] in _AND:
                        break   # "工作人员和志愿者3800多名，其中“儿童主任”1935名": a part of a mixed whole
                    if own is None and not breakdown and self._names_other_unit(text, quantity, clause_start):
                        break   # "表彰三八红旗手（集体）420个": the clause names its own thing
                    if own is None or own.priority < 0 and not _spells_out(text, carried, own) or not (
                            _refines(own, carried) and not (breakdown and _narrows_part(text, quantity, carried, own))
                            or _part_does(text, quantity, own, breakdown)):
                        best = carried
                    break
        # A name printed apart from the figure still yields to the exclusions of the figure's own
        # clause (发现风险隐患212起 under the heading 风险排查 is no dispute).
        if best is None or best.priority < 0:
            labelled = self._from_label(text, quantity)
            if labelled is not None and labelled.priority >= 0 and not vetoed(
                    labelled.compiled, text, *self._veto_window(_ITEM, None)):
                best = labelled
        # An item's heading sentence opening the line ("三、救助困难“两癌”患病妇女。计划救助800名，已
        # 救助812名") names the item's figures that have no rule of their own, and replaces a rule
        # by a higher-priority one when it repeats the word that rule fired on; otherwise it is
        # not read at all.
        if best is None or best.priority < 0 or best.priority < self._max_label_priority:
            span = self._spans.heading(text, quantity)
            if span is not None and (best is None or best.priority < 0 or _names_again(best, text, span)):
                heading = self._best(text, quantity, span[0], span[1], carried=True, veto_end=span[1], label=True)
                if heading is not None and heading.priority >= 0 and (
                        best is None or best.priority < 0 or best.priority < heading.priority) and not vetoed(
                            heading.compiled, text, *self._veto_window(_ITEM, None)):
                    best = heading
        return best, clause_start, end

    def _names_other_unit(self, text: str, quantity, clause_start: int) -> bool:
        """True when the noun printed right before the figure (link words and a bracketed note aside)
        is a trigger word of a rule of priority >= 0 that does not take the figure's unit: the clause
        names its own thing, which no rule counts in that unit ("…评选“平安家庭”示范户1.6万户，表彰
        三八红旗手（集体）420个（名）": the 420个 are no model families), so no earlier clause's rule
        is carried over it."""
        num_start = getattr(quantity, "num_start", quantity.start)
        rules = self._compiled
        for _, hit_end, order in self._triggers.hits(text, clause_start, num_start):
            if hit_end > num_start or rules[order].priority < 0 or quantity.unit in rules[order].units:
                continue
            between = _BRACKETED_NOTE.sub("", text[hit_end:num_start])
            if names_nothing(between, 0, len(between)):
                return True
        return False

    def _respective(self, text: str, quantity, start: int, end: int, own: "_Candidate") -> "_Candidate | None":
        """The rule of the i-th trigger listed before 分别 for the i-th figure of the bare list after it
        in the clause text[start:end]: "全市妇女之家、儿童之家分别达到2018个、1640个" gives 2018个 to
        妇女之家 and 1640个 to 儿童之家. The triggers (the longest at each place, of rules that take the
        figure) are joined by 、/和/及/与 alone, quote marks aside, the last of them a few characters at
        most before 分别, and there are as many of them as figures; the figure's `own` winner must be
        one of them. None otherwise (the figure's own winner stands)."""
        num_start = getattr(quantity, "num_start", quantity.start)
        mark = text.rfind(_RESPECTIVELY, start, num_start)
        if mark == -1 or own.hit >= mark:
            return None
        unit, value = quantity.unit, quantity.value
        if not unit or value is None:
            return None
        figures = []
        for found in _figure_of(unit).finditer(text, mark, end):
            if figures and not _LISTED_FIGURE_JOIN.fullmatch(text, figures[-1][1], found.start()):
                break
            figures.append((found.start(1), found.end()))
        if len(figures) < 2 or all(first != num_start for first, _ in figures):
            return None
        index = next(i for i, (first, _) in enumerate(figures) if first == num_start)
        rules = self._compiled
        hits = sorted((hit for hit in self._triggers.hits_before(text, start, end, mark, self._triggers.regex_group(unit))
                       if hit[1] <= mark and rules[hit[2]].priority >= 0 and unit in rules[hit[2]].units),
                      key=lambda hit: (hit[0] - hit[1], -rules[hit[2]].priority, hit[0], rules[hit[2]].order))
        taken: list[tuple[int, int, int]] = []
        for hit in hits:
            if all(hit[1] <= other[0] or hit[0] >= other[1] for other in taken):
                taken.append(hit)
        taken.sort()
        if not taken or mark - taken[-1][1] > _RESPECTIVE_GAP or DIGIT.search(text, taken[-1][1], mark):
            return None
        chain = [taken[-1]]
        for hit in reversed(taken[:-1]):
            if not _LISTED_WORD_JOIN.fullmatch(text, hit[1], chain[0][0]):
                break
            chain.insert(0, hit)
        if len(chain) != len(figures) or not any(hit[0] == own.hit for hit in chain):
            return None
        hit_start, hit_end, order = chain[index]
        compiled = rules[order]
        if order == own.compiled.order or not (compiled.low <= value <= compiled.high):
            return None
        if vetoed(compiled, text, *self._veto_window(_ITEM, None)):
            return None
        return _Candidate(hit_end - hit_start, compiled.priority, quantity.start - hit_end, order, compiled,
                          hit=hit_start)

    def _mixed_examples(self, text: str, start: int, end: int, examples_end: int, regex_group) -> bool:
        """True when the 、-items of a list of examples text[start:examples_end] (closed by 等) do not
        all name rules of one work area: an item names none (巾帼风采展示、健康讲座等活动) or they name
        several areas (主题宣讲、法律咨询、健康义诊等活动). Examples of one area (亲子阅读、家风故事分享)
        say what kind of thing the figure counts. (text[start:end]: the clause read, whose hits
        the list's are part of.)"""
        marks = [found.start() for found in _LIST_MARK.finditer(text, start, examples_end)]
        if _NAME_OPENING.search(text, start, examples_end) is not None:
            marks = sorted(marks + [found.start() for found in _NAME_BOUNDARY.finditer(text, start, examples_end)])
        named: list[set[str]] = [set() for _ in range(len(marks) + 1)]
        for hit_start, hit_end, order in self._triggers.hits_before(text, start, end, examples_end, regex_group):
            rule = self._compiled[order].rule
            if rule.priority >= 0 and hit_end <= examples_end:
                named[bisect.bisect(marks, hit_start)].add(rule.id.split(".")[0])
        return any(not areas for areas in named) or len(set().union(*named)) > 1

    def _list_level(self, text: str, quantity, clause_start: int, clause_end: int,
                    compiled: CompiledRule) -> CompiledRule | None:
        """The rule of the level a level word names (县级, 省级, 全国) when it opens an earlier item of
        the figure's 、-list — a figure of that item between the word and the figure's own item — and
        the figure's rule is the parent of rules by level: "表彰县级“三八红旗手”25名、“三八红旗集体”
        10个、“最美家庭”30户" makes the 30户 family.model_families.county. A level word that opens a
        name of the parent rule ("县级“最美家庭”100户、“书香家庭”50户") is that item's own level."""
        item_start = item_bounds(text, quantity, clause_start, clause_end)[0]
        if item_start == clause_start:
            return None     # the figure's item opens the clause: no earlier item
        found = None
        for found in _LEVEL_WORD.finditer(text, clause_start, item_start):
            pass
        if found is None or not DIGIT.search(text, found.end(), item_start):
            return None
        if any(char in text[found.end():item_start] for char in "，,；;"):
            return None
        named = found.end()
        while named < item_start and text[named] in _QUOTE_MARKS:
            named += 1
        if text.startswith(tuple(compiled.rule.triggers.any), named):
            return None     # "县级“最美家庭”100户、“书香家庭”50户": the word is its own item's level
        return self._level_parents[compiled.order].get(_LEVEL_OF_WORD[found.group()])

    def _place_level(self, text: str, best: "_Candidate") -> CompiledRule | None:
        """The sibling rule of the level of the place whose name ends in the character the level
        rule's trigger opens with (重庆市 in 获评重庆市“最美家庭” is a province-level municipality,
        如皋市 in 入选如皋市“最美家庭” a county-level city): the 市 of a name is no level of its
        own. Only a full name of the gazetteer whose readings are all of one level counts. A 市
        that ends no place's name (市级, 全市) is the issuer's own level in a county-level city's
        report (昌吉市妇联…工作总结: its 市级“最美家庭” are county-level, see _issuer_level)."""
        hit = best.hit
        if hit < 0 or text[hit] not in _LEVEL_SUFFIX_CHARS and not text.startswith(_WHOLE_CITY, hit):
            return None
        found, level = _level_of_place_ending(text, hit) if hit else (False, None)
        if not found and (text[hit] == _CITY or text.startswith(_WHOLE_CITY, hit)):
            level = self._issuer_level(text, hit)
        if level is None:
            return None
        sibling = self._levels[best.compiled.order].get(level)
        return sibling if sibling is not None and sibling is not best.compiled else None

    def _issuer_level(self, text: str, at: int) -> str | None:
        """"county" when the report's title line opens with the federation of a county-level city
        (五常市妇联2024年家庭教育工作总结), or the article the text at `at` stands in is a county-level
        city's (its region, as places reads it from headline, source line, byline or body: a 新乐市融媒体
        news piece however its title reads): its own 市 is a county's level. None otherwise."""
        if self._issuer[0] is not text:
            level = None
            line = self._spans.title_line(text)
            if line is not None:
                found = _ISSUER.match(text, line[0], line[1])
                if found is not None and found.group(1).endswith(_CITY):
                    known, place_level = _level_of_place_ending(text, found.end(1) - 1)
                    if known and place_level == "county":
                        level = "county"
            self._issuer = (text, level, None)
        if self._issuer[1] is not None:
            return self._issuer[1]
        sections = self._issuer[2]
        if sections is None:
            sections = _section_levels(text, self._layout)
            self._issuer = (text, None, sections)
        index = bisect.bisect_right(sections[0], at) - 1
        return sections[1][index] if index >= 0 else None

    def _column_change(self, text: str, quantity) -> "_Candidate | None":
        """The change rule (carry: false) the figure's table column header names ("同比增减（%）",
        "增幅（%）", "比上年增减（个百分点）"), when the figure's own item does not veto it."""
        span = quantity.label
        named = self._best(text, quantity, span[0], span[1], carried=True, veto_end=span[1], label=True,
                           changes=True)
        if named is None or vetoed(named.compiled, text, *self._veto_window(_ITEM, None)):
            return None
        return named

    def _row_label(self, text: str, quantity) -> "_Candidate | None":
        """The rule named by the label of the table row the figure is a cell of (layout.row_label:
        its first text cell, past a 序号 cell, up to its unit cell), however far right the cell."""
        span = self._layout.row_label(quantity.start) if self._layout is not None else row_label_at(text, quantity.start)
        if span is None:
            return None
        named = self._best(text, quantity, span[0], span[1], carried=True, veto_end=span[1], label=True)
        return named if named is not None and named.priority >= 0 else None

    def _parallel(self, text: str, quantity, clause_start: int) -> "_Candidate | None":
        """The rule of an earlier ；-item of the figure's sentence that is parallel to the figure's:
        the figure's clause reads [place] + words + figure, and an earlier clause of the sentence
        (before the last ；, not across a new numbered item, see context_start) reads [place] +
        the same words + at most a few more (the counted noun) + a figure of the same unit that
        has a rule of its own — nearest first. A place is a short name ending in 区县市旗镇乡村州盟省;
        with no place the words must be the whole of both clauses' text before their figures."""
        num_start = getattr(quantity, "num_start", quantity.start)
        if not 2 <= num_start - clause_start <= _PARALLEL_PREFIX or quantity.unit is None:
            return None
        look = max(0, clause_start - MAX_CONTEXT_CHARS)
        semi = max(text.rfind("；", look, clause_start), text.rfind(";", look, clause_start))
        if semi == -1:
            return None
        prefix = text[clause_start:num_start]
        if not CJK_RUN.fullmatch(prefix):
            return None
        place = PLACE_HEAD.match(prefix)
        frame = prefix[place.end():] if place else prefix
        if len(frame) < 2 or text.find(frame, look, semi) == -1:
            return None
        sentence = context_start(text, quantity.start)
        if semi < sentence:
            return None
        unit = regex.escape(quantity.unit)
        pattern = regex.compile(r"(?m)(?<=^|[。！!？?，,；;：:\s])" + (f"(?:{PLACE_HEAD_PATTERN})?" if place else "")
                                + regex.escape(frame) + r"[\u4e00-\u9fff“”\"]{0,8}?([0-9][0-9.]*)[万亿千]?" + unit)
        matches = list(pattern.finditer(text, sentence, semi))
        if not matches:
            return None
        saved = (self._item_of, self._item, self._label_start)
        try:
            for found in reversed(matches):
                at = _At(start=found.start(1), end=found.end(), num_start=found.start(1), num_end=found.end(1),
                         value=quantity.value, unit=quantity.unit)
                candidate = self._name(text, at)[0]
                if candidate is not None and candidate.priority >= 0:
                    return candidate
        finally:
            self._item_of, self._item, self._label_start = saved
        return None

    def _repeated_noun(self, text: str, quantity, clause_start: int) -> "_Candidate | None":
        """The rule that names the nearest earlier figure of the same unit, within _NOUN_REACH
        characters, in that figure's own clause, when it is printed right after the counted noun
        this figure is printed after (the last 3-6 characters
        of the words before it, link words left out): in "…创建县级“美丽庭院”示范户1286户。现将各乡镇
        创建情况通报如下：紫阳镇创建示范户186户" 示范户 stood before 1286户, which 美丽庭院 names.
        The longest noun shared wins; a noun of two characters (妇女) is too general to say, and the
        two characters before this figure's noun, when they are no place's end, link word or verb of
        doing the counted work (创建, 新增), must stand in the earlier figure's clause too (帮助 is not
        培训)."""
        unit = quantity.unit
        if not unit or quantity.start - clause_start < _NOUN_MIN:
            return None
        run = quantity.start
        while run > clause_start and quantity.start - run < _NOUN_WORDS and "\u4e00" <= text[run - 1] <= "\u9fff":
            run -= 1
        if quantity.start - run < _NOUN_MIN:
            return None
        words = text[run:quantity.start]
        if words[-1] in LINK_CHARS:
            words = without_trailing_link_words(words)
            if len(words) < _NOUN_MIN:
                return None
        look = max(0, clause_start - _NOUN_REACH)
        # a noun of two characters only after a verb of doing the counted work (新建站点25个), and
        # only as the head of a longer trigger word ending in it or in it (家庭教育指导服务站) before the
        # earlier figure (家庭教育指导服务站点186个): the short form of the same name
        shortest = _HEAD_NOUN if len(words) >= _HEAD_NOUN + 2 and counts_alike(words[-_HEAD_NOUN - 2:-_HEAD_NOUN]) else _NOUN_MIN
        if text.find(words[-shortest:], look, clause_start) == -1:
            return None     # the cheap test first: the shortest noun is nowhere before
        # the earlier figures of the unit, nearest first, with how many characters of this figure's
        # words they are printed right after
        shared = []
        for found in _figure_of(unit).finditer(text, look, clause_start):
            before = found.start()
            if before and text[before - 1] in "”\"":
                before -= 1
            size = 0
            while size < len(words) and size < _NOUN_MAX and before - size > 0 and (
                    text[before - size - 1] == words[-size - 1]):
                size += 1
            if size >= shortest:
                shared.append((size, found))
        if not shared:
            return None
        shared.reverse()
        saved = (self._item_of, self._item, self._label_start)
        candidate = None
        try:
            # the longest shared noun that a rule names at one of its figures says what the figure
            # counts: the nearest such (list items like this one in between name nothing)
            for size in sorted({size for size, _ in shared}, reverse=True):
                for length, found in shared:
                    if length < size:
                        continue
                    at = _At(start=found.start(), end=found.end(), num_start=found.start(),
                             num_end=found.end(1), value=quantity.value, unit=unit)
                    start, end = clause_around(text, at.start, at.end)
                    verb = words[-size - 2:-size] if len(words) >= size + 2 else ""
                    if verb and not counts_alike(verb) and verb not in text[start:at.start]:
                        continue    # "城关镇培训农村妇女320人；新集镇帮助农村妇女85人": another verb, another measure
                    self._item_of, self._item = (text, at, start, end), None
                    candidate = self._best(text, at, start, end, carried=False, veto_end=None, veto_start=_ITEM)
                    if candidate is not None and candidate.priority >= 0 and (
                            size >= _NOUN_MIN or candidate.distance < size < candidate.distance + candidate.span):
                        break
                    candidate = None
                if candidate is not None:
                    break
        finally:
            self._item_of, self._item, self._label_start = saved
        if candidate is None or vetoed(candidate.compiled, text, *self._veto_window(_ITEM, None)):
            return None
        return candidate

    def _rate_of_earlier(self, text: str, quantity, clause_start: int) -> "_Candidate | None":
        """The rate rule for a clause that names only a rate noun (覆盖率, 达标率; places it is taken
        over and link words aside) before its figure, right after a clause whose last figure a rule
        names: a rule of that rule's work area, of kind rate, whose trigger holds the rate noun
        ("建成家庭教育指导服务站点186个，村（社区）覆盖率68.5%" is family.education_coverage,
        "建成“妇女之家”2.3万个，村（社区）覆盖率达99%" org.coverage_rate). A rate of a figure
        names what that figure counts, not the clause's own words; the figure's clause can veto it."""
        num_start = getattr(quantity, "num_start", quantity.start)
        found = _BARE_RATE.fullmatch(text, clause_start, num_start) or _COVERED_SHARE.fullmatch(
            text, clause_start, num_start)
        if found is None or clause_start < 2 or text[clause_start - 1] not in "，,":
            return None
        # "覆盖城乡社区的比例为92%": the share of places covered is the coverage rate
        noun = found.group(1) if found.re is _BARE_RATE else _COVERAGE
        previous_start, _ = clause_around(text, clause_start - 2, clause_start - 2)
        last = None
        for last in _COUNT_FIGURE.finditer(text, previous_start, clause_start - 1):
            pass
        if last is None or last.end() != clause_start - 1 and not names_nothing(text, last.end(), clause_start - 1):
            return None
        unit = last.group(2)
        value = parse_number(text[last.start():last.end(1)]).value
        saved = (self._item_of, self._item, self._label_start)
        at = _At(start=last.start(), end=last.end(), num_start=last.start(), num_end=last.end(1),
                 value=value, unit=unit)
        try:
            earlier = self._choose(text, at)[0]
        finally:
            self._item_of, self._item, self._label_start = saved
        if earlier is None or earlier.priority < 0:
            return None
        area = earlier.compiled.rule.id.split(".")[0]
        for compiled in self._compiled:
            rule = compiled.rule
            if (rule.kind == "rate" and rule.id.split(".")[0] == area and quantity.unit in compiled.units
                    and compiled.low <= quantity.value <= compiled.high
                    and (noun in (rule.triggers.regex or "") or any(noun in word for word in rule.triggers.any))):
                if vetoed(compiled, text, *self._veto_window(_ITEM, None)):
                    return None
                return _Candidate(len(noun), rule.priority, num_start - found.end(1), compiled.order, compiled)
        return None

    def _same_rate(self, text: str, quantity, clause_start: int) -> "_Candidate | None":
        """The rule of the nearest earlier rate figure (within _SAME_RATE_REACH characters) whose
        rule's trigger holds the rate noun this figure's clause points back to with 这一/该/此
        ("这一覆盖率为53.7%" after "宫颈癌筛查覆盖率达到58.3%"); the figure's clause can veto it."""
        num_start = getattr(quantity, "num_start", quantity.start)
        found = _POINTED_RATE.search(text, clause_start, num_start)
        if found is None:
            return None
        noun = found.group(1)
        look = max(0, clause_start - _SAME_RATE_REACH)
        earlier = list(_RATE_FIGURE.finditer(text, look, clause_start))
        saved = (self._item_of, self._item, self._label_start)
        try:
            for figure in reversed(earlier):
                at = _At(start=figure.start(), end=figure.end(), num_start=figure.start(),
                         num_end=figure.end() - 1, value=quantity.value, unit="%")
                candidate = self._name(text, at)[0]
                if candidate is None or candidate.priority < 0 or candidate.compiled.rule.kind != "rate":
                    continue
                rule = candidate.compiled.rule
                if noun in (rule.triggers.regex or "") or any(noun in word for word in rule.triggers.any):
                    break
            else:
                return None
        finally:
            self._item_of, self._item, self._label_start = saved
        if vetoed(candidate.compiled, text, *self._veto_window(_ITEM, None)):
            return None
        return _Candidate(len(noun), rule.priority, num_start - found.end(1), candidate.order, candidate.compiled)

    def _share_of_subject(self, text: str, quantity, clause_start: int) -> "_Candidate | None":
        """The rate rule of a share whose clause opens with 占 (link words aside) and so leaves its
        subject out: the subject is what the figure ending the clause before counts, the words
        before that figure (past a scope or place and link words). A rate rule's trigger that is
        words + 占 (女性占, 妇女占) names the share when the subject opens with those words: in
        "全县女性茶企负责人146名，占茶企负责人总数的31.8%" 女性…占 is 女性占 (shares.women); "培训妇女
        146名，占…" opens with its verb, not with 妇女. (A subject holding a whole rate trigger,
        女职工1.2万名，占…, is the carried rule's.) The figure's clause can veto the rule."""
        num_start = getattr(quantity, "num_start", quantity.start)
        share = text.find(_SHARE_VERB, clause_start, num_start)
        if (share == -1 or clause_start < 2 or text[clause_start - 1] not in "，,"
                or not names_nothing(text, clause_start, share)):
            return None
        previous_start, _ = clause_around(text, clause_start - 2, clause_start - 2)
        last = None
        for last in _COUNT_FIGURE.finditer(text, previous_start, clause_start - 1):
            pass
        if last is None or not names_nothing(text, last.end(), clause_start - 1):
            return None
        subject = previous_start
        scope = _SUBJECT_SCOPE.match(text, subject, last.start())
        if scope is not None:
            subject = scope.end()
        words = text[subject:last.start()]
        while words.startswith(_SUBJECT_LINKS):
            words = words[len(next(link for link in _SUBJECT_LINKS if words.startswith(link))):]
        subject = last.start() - len(words)
        best = None
        for compiled in self._compiled:
            rule = compiled.rule
            if rule.kind != "rate" or quantity.unit not in compiled.units or not (
                    compiled.low <= quantity.value <= compiled.high):
                continue
            for word in rule.triggers.any:
                opening = word[:-len(_SHARE_VERB)]
                if (word.endswith(_SHARE_VERB) and opening and words.startswith(opening)
                        and (best is None or len(opening) > best.span
                             or len(opening) == best.span and rule.priority > best.priority)):
                    best = _Candidate(len(opening), rule.priority, num_start - subject - len(opening),
                                      compiled.order, compiled, hit=subject)
        if best is None or vetoed(best.compiled, text, *self._veto_window(_ITEM, None)):
            return None
        return best

    def _partner(self, text: str, quantity, clause_end: int) -> "_Candidate | None":
        """The rule of the figure of the same unit that stands right before this one, joined by 和
        (及, 与) alone ("12个和9个"), when this one has no words of its own after it in its clause
        (text[:clause_end]) either."""
        num_start = getattr(quantity, "num_start", quantity.start)
        unit = quantity.unit
        if not unit or num_start < 2:
            return None
        partner_end = num_start - 1 - len(unit)
        if not text.startswith(unit, partner_end) or not names_nothing(text, quantity.end, clause_end):
            return None
        found = _LAST_FIGURE.search(text, max(0, partner_end - 16), partner_end)
        if found is None or found.end() != partner_end:
            return None
        saved = (self._item_of, self._item, self._label_start)
        at = _At(start=found.start(), end=partner_end + len(unit), num_start=found.start(), num_end=partner_end,
                 value=quantity.value, unit=unit)
        try:
            candidate = self._name(text, at)[0]
        finally:
            self._item_of, self._item, self._label_start = saved
        return candidate if candidate is not None and candidate.priority >= 0 else None

    def _refined(self, text: str, quantity, refiners: tuple[CompiledRule, ...]) -> CompiledRule | None:
        """The first rule of `refiners` (rules that refine the figure's rule) that accepts the
        figure's unit and value, finds one of its `context` words earlier in the figure's sentence
        (context_start) and is not vetoed in the figure's own item."""
        value, unit = quantity.value, quantity.unit
        before = outer = None
        for compiled in refiners:
            if unit not in compiled.units or not (compiled.low <= value <= compiled.high):
                continue
            if before is None:
                before = text[context_start(text, quantity.start):quantity.start]
            if any(word in before for word in compiled.context) and not (
                    (compiled.exclude_words or compiled.exclude_regexes)
                    and vetoed(compiled, text, *self._veto_window(_ITEM, None))):
                return compiled
        for compiled in refiners:
            if unit not in compiled.units or not (compiled.low <= value <= compiled.high):
                continue
            if outer is None:
                outer = self._outer_headings(text, quantity)
            if any(word in outer for word in compiled.context) and not (
                    (compiled.exclude_words or compiled.exclude_regexes)
                    and vetoed(compiled, text, *self._veto_window(_ITEM, None))):
                return compiled
        return None

    def _outer_headings(self, text: str, quantity) -> str:
        """The item heading opening the figure's line and the report's title, where a refining
        rule's context is looked for after the sentence: "关于“两癌”救助工作情况的专题总结 … 全年
        新增救助对象87名" is 两癌 relief. The title is read for a figure in its numbered sections or,
        in a text with none, for any figure under it: the title of an unsectioned report names the
        one topic of all of it ("…“两癌”救助工作情况 … 杨桥镇9名、鲖城镇7名" counts 两癌 relief)."""
        parts = []
        span = self._spans.heading(text, quantity)
        if span is not None:
            parts.append(text[span[0]:span[1]])
        title = self._spans.title(text)
        if title is None:
            line = self._spans.title_line(text)
            if line is not None and line[1] <= quantity.start:
                parts.append(text[line[0]:line[1]])
        elif title[2] <= quantity.start:
            parts.append(text[title[0]:title[1]])
        return "\n".join(parts)

    def _from_label(self, text: str, quantity):
        """The rule named by a label printed apart from the figure: a table column's header cell
        (numbers.find_quantities records where it is), or — for a 数说 figure alone on its line
        ("520场" over "“巾帼心向党”主题宣讲走进村社") — the first clause of the caption line below."""
        span = getattr(quantity, "label", None)
        if span is None:
            if not alone_on_line(text, quantity):
                return None
            line_end = text.find("\n", quantity.end)
            if line_end == -1:
                return None
            caption_end = text.find("\n", line_end + 1)
            caption_end = len(text) if caption_end == -1 else caption_end
            if DIGIT.match(text, line_end + 1) or caption_end - line_end > MAX_CLAUSE_CHARS:
                return None     # the next line is another figure or a paragraph, not a caption
            found = first_clause_break(text, line_end + 1, caption_end)
            span = (line_end + 1, caption_end if found is None else found)
        named = self._best(text, quantity, span[0], span[1], carried=True, veto_end=span[1], label=True)
        if (named is None or named.priority < 0) and getattr(quantity, "label", None) is not None:
            # "培训妇女（人次）｜其中三季度（人次）": a 其中 column breaks down the column before it, as a
            # 其中 clause does the figure before it, so a header that names nothing itself takes the
            # name of the nearest header to its left that is no 其中 column
            whole = _broken_down_header(text, span)
            if whole is not None:
                broken = self._best(text, quantity, whole[0], whole[1], carried=True, veto_end=whole[1],
                                    label=True)
                if broken is not None and broken.priority >= 0:
                    return broken
        return named
