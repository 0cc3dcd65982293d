"""The period each fact covers, whether it is a stock or a flow, and whether it is a target.

A reader dates a figure from the nearest time that governs it: a time phrase earlier in its own
sentence (截至2024年6月底，…; 上半年，…；…), else the phrase its paragraph opens with, else the
heading of its section (二、2024年上半年工作情况), else the document's reporting period (its title,
header or opening). The calendar year found by `periods` stays the backbone: a period that
disagrees with it gives way to that whole year. A count that stands at a date (截至, 目前, 现有,
建成…) is a stock counted at the period's end; a plan (力争, 计划, 下一步, 工作要点) or a norm
(每个村至少…) is a target.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Optional

from fuhe_cli.layout import HEADING_LENGTH, NEWS_DATELINE
from fuhe_cli.time_expressions import (CHANGE_TO, CONTINUES, EARLY_MONTHS, GOAL_AFTER, RECENT_WORDS, TIME_OF_DAY, WINDOW_NAME,
                                       YEAR_WITH_NIAN, Anchor, Period, TimeExpression, find_time_expressions, five_year_plan,
                                       OCCASION_SENTENCE, SOURCE_LEAD_IN, breaks_down_an_earlier_part, dates_its_own_figure,
                                       full_year, in_book_title, last_part_break, names_a_meeting, reviews_years)

# Headings and openings of what is planned, not done.
PLAN_HEADING = re.compile(r"计划|打算|思路|安排|下一步|下步|展望|今后|目标|工作要点|重点工作|主要任务|重点任务|努力方向|工作设想|"
                          r"(?:抓好|做好|抓实|突出|推进)[^。：:]{0,4}?(?:以下|如下|下列)")   # (a list's lead: 要重点抓好以下工作：)
REVIEW_HEADING = re.compile(r"回顾|总结|成效|成绩|完成情况|开展情况|工作情况|主要工作|亮点|不足|问题|短板|困难|进展|进度")
# The section of a plan that reviews what was done (一、基本情况, 一、2024年工作回顾).
REVIEW_SECTION = re.compile(r"回顾|总结|成效|成绩|完成情况|基本情况|现状|工作基础")
# A title that names a report of a period: 工作情况, 总结, 简报, 通报, 工作要点 …
# (after its period: "2024年上半年工作情况", not "召开2024年工作会议", which names a meeting).
REPORT_TITLE = re.compile(r"[^，。；！？]{0,12}?(?:工作(?!会议|部署|推进会|座谈会|例会|委员会)|情况|总结|报告|简报|综述|通报|要点|分析|"
                          r"计划|汇报|统计|完成|述职|盘点|回顾|数据|一览)")
# A report on how a plan is going (规划…监测报告, 中期评估) reviews it: it is no plan itself.
MONITORING_TITLE = re.compile(r"监测|评估|实施情况|进展情况|执行情况")
# (计划 bare only as a plan's name, not a project's: 春蕾计划, 安康计划 …, as in TARGET_CUE)
PLAN_TITLE = re.compile(r"工作要点|工作计划|工作思路|工作打算|工作安排|实施方案|行动方案|规划|"
                        r"(?<![”\"」蕾康护苗])计划(?![”\"」])")
PLAN_OPENING = re.compile(r"[ \t\u3000]*(?:下一步|下步|接下来|今后|明年|新的一年|未来[一二三四五]年|今后[一二三四五]年)")
# Words that make a figure a goal. 计划 and 将 only as verbs: 春蕾计划 is a project, 将妇女… a preposition.
_PLAN_VERBS = (r"(?:新建|建成|建设|共建|组建|检查|筛查|建立|开展|举办|培训|实现|完成|投入|覆盖|组织|发放|帮助|带动|新增|打造|创建|培育|"
               r"评选|提升|提高|达到|资助|救助|慰问|扶持|争创|推出|招募|选树|吸纳|举行|筹集|发展|推动|力争|在|于|到|用|"
               r"抓好|抓实|做好|推进|落实|实施|加强|深化|持续)")
# (Every alternative opens with a literal character: re then skips to where one can start in C,
# instead of trying the whole alternation at each position; 计(?<!…计)划 is (?<!…)计划.)
TARGET_CUE = re.compile(r"力争|力求|预计|预期(?!寿命)|确保|需完成|须完成|应完成|拟(?=" + _PLAN_VERBS + r")|"
                        r"计(?<![”\"」蕾康护苗行动按]计)划(?=每|全年|年内|今年|明年|下半年|再|免费|为(?!期)|" + _PLAN_VERBS + r")|目标(?:是|为|[:：])|"
                        r"将(?:再|继续|进一步|全面|着力|重点|在[^，。；]{1,8}?)?(?=新?" + _PLAN_VERBS + r")|(?<![主重需只想])要(?=达到|实现)")
# What was first planned, in the figure's own clause (原定培训妇女1000人，实际完成率118%): the plan.
_FIRST_PLANNED = re.compile(r"原定|原计划")
# Work done, in the figure's own clause (已开展, 已完成): an achievement even after a plan's words.
DONE_CUE = re.compile(r"已(?:开展|完成|建成|培训|发放|举办|组建|实现|帮助|覆盖|受理|办结)|实际(?:完成|支出|培训|开展|发放|投入|举办|帮助|救助)")     # (not 结合实际: the plan's own words)
# A goal named after its figure: 确定培训120万人次的目标, …的任务目标.
TARGET_AFTER = re.compile(r"[^，,。；;！？]{0,12}?的(?:目标|任务目标|工作目标)")
# A norm ("每个村至少有1个妇女之家", "每月开展活动不少于2次"): a requirement, not work done.
NORM = re.compile(r"每(?:个|名|位|年|月|季度?|周|村|社区|乡镇|街道|县|户|所|家)[^。；;！？]{0,20}?"
                  r"(?:至少|不少于|不低于|不得少于|原则上)")
# A count that stands at a date, written just before its figure; a flow word overrules it.
STOCK_CUE = re.compile(r"目前|现有|已有|共有|拥有|仍有|尚有|现存|在册|(?<!占)总数(?!的)|(?<!占)总量(?!的)|保有|已建成|累计建成|累计达到|建成(?![\d的])|"
                       r"已发展|已成立|已[^，,。；;\d]{1,16}?的有")   # (已提前实现目标的有41项: those that have)
# Words that set a plan within the current year: 力争全年…, 年内再新建…, 到年底….
WITHIN_YEAR = re.compile(r"全年|年内|年底|年末|今年")
# 组建…服务队36支: teams formed, a flow — unless the sentence says they are there (现有…，组建…18支;
# 已组建, 累计组建).
FORMED_CUE = re.compile(r"(?<!累计)(?<!已)(?:组建|成立)")
NOW_CUE = re.compile(r"目前|当前|现有|现已|至今")
FLOW_CUE = re.compile(r"新建|新增|新成立|新培育|新发展|新吸纳|新评选|新组建|新打造|新招募|新认定|新当选|当年|本年度|全年|"
                      r"增加|增长|改造|提升|升级|扩建|打造|培育|创建|命名|评选|推选|表彰|认定|挂牌|增补|补选|"
                      r"新培训|新开展|新设立|新选树|新建成")
# Units that count events, not things that exist: 共有59万人次接受培训 is a flow, and so is
# 截至6月底，培训妇女1200人次 (from the year's start); only 累计 keeps a count at a date.
EVENT_UNITS = frozenset(("人次", "场", "场次", "期", "次", "件次", "批次", "户次", "起", "例", "课时", "学时"))
# 五年来…，新领域妇联组织达到326个: the level a run of years reached, counted at its end (not an
# amount of money: 贷款达到3亿元 is the run's total).
_REACHED_LEVEL = re.compile(r"达到\s*$")
# A level to reach or reached (累计达到, 总数达到): a count at a date, like the stock cues.
LEVEL_CUE = re.compile(r"累计达到|总数达到|总量达到|达到|稳定在|保持在|维持在")
# What is new within a period, even under a stock's date (截至6月底，新建…38所; 比上年底增加210个;
# 较上年提高4个百分点).
NEW_CUE = re.compile(r"新建|新增|新成立|新培育|新发展|新吸纳|新评选|新组建|新打造|新招募|新创建|新认定|新当选|当年|本年度|"
                     r"增加(?![到至])|增长(?![到至])|提高(?![到至])|下降(?![到至])|减少(?![到至])|增幅|完成")  # (增加到…358个: the level reached)
# A figure followed by the event that counts it (16户家庭获评…) is a flow, whatever 共有 before it says.
FLOW_AFTER = re.compile(r"[^，,。；;：:]{0,20}?(?:获评|荣获|被评为|被命名为|评为|受表彰|入选|获授|参加了?|参与了?|接受了?|"
                        r"实现(?:了)?(?:就业|创业|增收|再就业))")
# A change from a base (比2020年提高…, 较上年增长…) and a base's own value in brackets (较2020年基数（24.1%）,
# 比2020年（91.2%）).
CHANGE_CUE = re.compile(r"提高|增加|增长|下降|减少|降低|上升|扩大|缩小")
# The clause before a figure ends with a change to a level (…提高到, …增加到2023年底的): the level reached.
_LEVEL_REACHED = re.compile(r"(?:" + CHANGE_TO.pattern + r")(?:[^，,；;]{0,10}的)?\s*$")
BASE_VALUE = re.compile(r"\s*(?:的)?(?:基数?)?\s*[（(]\s*|\s*(?:同期)?的\s*")
# A goal's value named by its year (2025年中期目标值, 2030年目标值): a level to reach by then.
GOAL_VALUE_AFTER = re.compile(r"度?的?(?:中期|规划)?目标值")
_GOAL_IS = re.compile(r"\s*(?:为|是|[:：（(])?\s*")
# A comparison base is not the figure's period: 较2022年, 比去年, 同比, 与2022年相比.
COMPARISON_BEFORE = re.compile(r"(?:较|比|同比|环比|相比|对比|与|同)\s*$")


# A news lead's dateline and byline: the lead's own words come after it.
_DATELINE_LEAD = re.compile(r"[ \t\u3000]*" + NEWS_DATELINE)
# (then the source a lead names before its own words, time_expressions.SOURCE_LEAD_IN)


def _in_an_earlier_later_part(text: str, s_start: int, expression, start: int) -> bool:
    """Whether a time stands in a ；-part of its sentence that is neither the first nor the figure's:
    the time of a later part is that part's own, while the sentence's opening holds for all."""
    return _PART_BREAK.search(text, s_start, expression.start) is not None \
        and _PART_BREAK.search(text, expression.end, start) is not None


_PART_BREAK = re.compile("[；;]")


def _month_index(month: tuple[int, int]) -> int:
    return month[0] * 12 + month[1]


def _has_year(expression_text: str) -> bool:
    return YEAR_WITH_NIAN.search(expression_text) is not None


@dataclass
class DocumentTime:
    """What the document says of time as a whole: its reporting period, its "now", whether it is a plan."""

    period: Optional[Period]
    anchor: Optional[Anchor]
    is_plan: bool
    stated: bool = False        # the title or header states the reporting period (2024年工作总结)


def title_period(layout, title_only: bool = False) -> Optional[Period]:
    """The reporting period a title or a short header line states ("2024年上半年工作情况",
    "2022年前三季度工作开展情况", "2023年第一季度工作简报"), if any; `title_only`: the title line's
    own (a heading near the top, 一、去年工作回顾, states a section's period, not the report's)."""
    anchor = _date_anchor(layout.date)
    lines = ([layout.title] if layout.title else []) if title_only else _header_lines(layout.text, layout.title)
    # the report's own words near its top: "现将2021—2023年实施情况评估如下" states its period too
    intro = _INTRO_PERIOD.search(layout.text, 0, 1000)
    if intro is not None:
        flows = [e for e in find_time_expressions(intro.group(1), anchor) if e.kind == "flow"]
        if flows:
            return flows[0].period
        # …or earlier in its sentence, outside the plan's name in 《》: "对《…规划》2021—2023年实施
        # 情况开展了中期评估，现将评估情况报告如下"
        text = layout.text
        s_start = max(text.rfind("。", 0, intro.start()), text.rfind("\n", 0, intro.start())) + 1
        sentence = text[s_start:intro.start()]
        flows = [e for e in find_time_expressions(sentence, anchor) if e.kind == "flow"
                 and not in_book_title(sentence, 0, e.start, len(sentence))
                 and _REVIEWED_AFTER.match(sentence, e.end)]
        if flows:
            return flows[0].period
    if not title_only:
        for line in lines:
            labelled = _PERIOD_LABEL.match(line)
            flows = [e for e in find_time_expressions(line, anchor) if e.kind == "flow"] if labelled else ()
            if flows and flows[0].start == labelled.end() and flows[0].period.start != flows[0].period.end:
                return flows[0].period      # 项目周期：2026年3月—2026年11月: the period the report covers
    for line in lines:
        flows = [expression for expression in find_time_expressions(line, anchor) if expression.kind == "flow"]
        # A date line or a headline dates the page, not a reporting period. A period the report
        # noun follows (…2023年度监测报告) comes before one in brackets (规划（2021—2030年）).
        for expression in flows:
            noun = REPORT_TITLE.match(line, expression.end)
            if noun and not any(expression.end <= other.start < noun.end() for other in flows) \
                    and not names_a_meeting(line, expression.start, expression.end):
                return expression.period
        for expression in flows:
            if _bracketed_after_title(line, expression) or _about_period(line, expression):
                return expression.period
    return None


def document_time(layout, stated: Optional[Period], year: Optional[int],
                  titled: Optional[Period] = None) -> DocumentTime:
    """The reporting period (`stated` by the title or header, else the year the year attribution
    found); "now" is the document's date, or the end of its period when that comes first.
    `titled`: the period the title line itself states (a report of it, see title_period)."""
    period = stated if stated is not None and stated.year in (None, year) else None
    if period is None and year is not None:
        period = full_year(year)
    anchor = _date_anchor(layout.date)
    # A report of a period speaks from its end: 今年 in a 2024年工作总结 written in November is the
    # year, 目前 in a half-year report the end of June.
    title = layout.title
    is_plan = bool(title and PLAN_TITLE.search(title) and not REVIEW_HEADING.search(title)
                   and not MONITORING_TITLE.search(title))
    if is_plan and period is not None and period.start is not None:
        # A plan speaks from the start of its period (or its date), not from its end.
        anchor = anchor or Anchor(*period.start)
    elif period is not None and (anchor is None or anchor.year == period.end[0]
                                 and (anchor.end > period.end or period.start == (period.end[0], 1))
                                 or titled is not None and titled == period and anchor.end > period.end):
        # (a report of the period its title states, signed after it, speaks from its end too)
        anchor = Anchor(*period.end)
    if anchor is not None and period is not None and period.year is not None:
        anchor = Anchor(anchor.year, anchor.month, period_year=period.year)
    return DocumentTime(period=period, anchor=anchor, is_plan=is_plan, stated=period is not None and period == stated)


# what a period before the intro names: 2021—2023年实施情况, 2024年工作开展情况
_REVIEWED_AFTER = re.compile(r"(?:的)?(?:规划|纲要)?(?:实施|工作|开展|落实|执行|进展)")
_INTRO_PERIOD = re.compile(r"现将([^。；\n]{2,30}?)(?:的)?(?:工作|实施|开展|落实)?(?:情况)?"
                           r"(?:报告|评估|总结|汇报|通报)如下")
# …实施方案（2024—2025年）, …工作规划（2021-2025年）: the period in brackets closing a plan's or report's title.
_TITLE_NOUN_BEFORE = re.compile(r"(?:方案|规划|计划|要点|纲要|总结|报告|情况)\s*[（(]\s*$")
_BRACKET_CLOSE = re.compile(r"\s*[)）]\s*$")


def headline_period(layout) -> Optional[Period]:
    """珙县妇联：上半年“巾帼家政”托起稳就业 — a part of a year opening a news headline (or its part
    after the speaker's colon), read against the page's date: the year the article reports on.
    Not a reporting period: the article still speaks from its date."""
    title = layout.title
    if not title:
        return None
    for expression in find_time_expressions(title, _date_anchor(layout.date)):
        if expression.kind == "flow" and _part_of_a_year(expression.period) and (
                not title[:expression.start].strip() or title[expression.start - 1] in "：:"):
            return expression.period
    return None


# 关于2024年上半年…任务完成情况的通报: the period a 关于-title opens with is what it reports on,
# however long the subject between it and its report noun.
_ABOUT_BEFORE = re.compile(r"关于\s*$")
_REPORT_NOUN_CLOSE = re.compile(r"(?:情况|工作)?的?(?:通报|报告|汇报|总结|情况)\s*$")


def _about_period(line: str, expression: TimeExpression) -> bool:
    return bool(_ABOUT_BEFORE.search(line, 0, expression.start) and _REPORT_NOUN_CLOSE.search(line, expression.end))


def _bracketed_after_title(line: str, expression: TimeExpression) -> bool:
    return bool(_TITLE_NOUN_BEFORE.search(line, 0, expression.start) and _BRACKET_CLOSE.match(line, expression.end))


# The last congress, named with its date (自2021年11月市第九次妇女代表大会召开以来): the term runs
# from it, so 本届以来 and 自第九次妇代会以来 start there rather than five years back.
_CONGRESS = re.compile(r"妇女代表大会|妇代会")
_SINCE_CONGRESS = re.compile(r"自(?:本届|上届)?第[一二三四五六七八九十]+次妇(?:女代表大会|代会)(?:召开)?以来|本届以来")


def _term_from_congress(text: str, expressions: list[TimeExpression]) -> list[TimeExpression]:
    term = next((e for e in expressions if e.kind == "since" and _CONGRESS.search(text, e.start, e.end)), None)
    if term is None:
        return expressions
    end = term.period.end
    if end[1] <= EARLY_MONTHS and term.period.start[0] < end[0]:
        # a term counted in a report of January–March: whole years, as 五年来 — the dated phrase
        # itself too (自2021年3月…妇女代表大会召开以来，…: to last December)
        end = (end[0] - 1, 12)
        dated = TimeExpression(term.start, term.end, Period(term.period.start, end), "since")
        expressions = [dated if e is term else e for e in expressions]
    return _since_dated_start(text, expressions, Period(term.period.start, end), _SINCE_CONGRESS, term.start)


# The day someone took office, dated in the text ("本人于2023年3月任县妇联主席"): 任职以来 and
# 履职以来 run from it, as 本届以来 runs from the dated congress.
_APPOINTED_AFTER = re.compile(r"\s*(?:起)?(?:任|担任|出任|就任|当选)")
_SINCE_APPOINTED = re.compile(r"任职以来|履职以来|上任以来|任现职以来|到任以来")


def _since_appointed(text: str, expressions: list[TimeExpression], anchor: Optional[Anchor]) -> list[TimeExpression]:
    if anchor is None or _SINCE_APPOINTED.search(text) is None:
        return expressions
    appointed = next((e for e in expressions if e.kind == "flow" and e.period.start == e.period.end
                      and _APPOINTED_AFTER.match(text, e.end)), None)
    if appointed is None or appointed.period.start > anchor.end:
        return expressions
    return _since_dated_start(text, expressions, Period(appointed.period.start, anchor.end), _SINCE_APPOINTED)


def _since_dated_start(text: str, expressions: list[TimeExpression], period: Period, since: re.Pattern,
                       dated_at: int = -1) -> list[TimeExpression]:
    """`expressions` with each phrase `since` finds (本届以来, 任职以来 …) read as `period`, the span
    from the start the text dates (at `dated_at`, which keeps its own reading) to its end, in place of
    any expression inside such a phrase."""
    spans = [TimeExpression(m.start(), m.end(), period, "since") for m in since.finditer(text) if m.start() != dated_at]
    if not spans:
        return expressions
    # (the phrases do not overlap and come in text order: an expression can only be inside the
    # last one starting at or before it)
    starts = [span.start for span in spans]
    kept = [e for e in expressions
            if (at := bisect_right(starts, e.start) - 1) < 0 or e.start >= spans[at].end]
    return sorted(kept + spans, key=lambda e: e.start)


def _article_anchors(layout, page: Optional[Anchor]) -> list[Optional[Anchor]]:
    """Per article of the layout, the "now" it speaks from: the date in its own headline block
    (a later article's 发布时间), else the page's."""
    from fuhe_cli.layout import date_in

    anchors = [page]
    for section in layout.sections[1:]:
        date = date_in(layout.text[section.title_start:section.headline_end])
        own = _date_anchor(date)
        if own is None or page is None:
            anchors.append(own or page)
        else:
            anchors.append(Anchor(own.year, own.month, page.period_year if page.period_year == own.year else None))
    return anchors


def _date_anchor(date: Optional[str]) -> Optional[Anchor]:
    return Anchor(int(date[:4]), int(date[5:7])) if date else None


# A particulars line that states the span a report covers: 项目周期：…, 实施时间：…, 统计时段：….
_PERIOD_LABEL = re.compile(r"[ \t\u3000]*(?:项目|实施|执行|统计|报告|监测|活动|服务)?(?:周期|期限|时段|时间|期间|期)\s*[：:]\s*")


def _header_lines(text: str, title: Optional[str]) -> list[str]:
    lines = [title] if title else []
    for line in text[:400].splitlines()[:8]:
        line = line.strip()
        if line and len(line) <= HEADING_LENGTH and not any(mark in line for mark in "。；！？"):
            lines.append(line)
    return lines


# Items of an enumeration (一是…，二是…) or of a ；-list start afresh: a norm of one is not the next's.
# (spelt out, so that re skips to where a mark can start in C: see TARGET_CUE)
_ITEM_MARK = re.compile(r"一是|二是|三是|四是|五是|六是|七是|八是|九是|十是|；|;")


_NORM_WORD = re.compile(r"至少|不少于|不低于|不得少于|每")
# A rate of payment just before its figure: 补贴标准为每人, 按每人每月, 每人每天 (not 人均: an average of what was paid).
_PAYMENT_RATE = re.compile(r"(?:标准(?:为|是)?|按)\s*每(?:人|户|名|学员)(?:每(?:天|日|月|年|期|课时))?\s*$|"
                           r"每(?:人|户|名)每(?:天|日|月|年)\s*$")
# Times listed one after another before 分别: 2023年、2024年 / 10月、11月和12月.
_TIME_LIST_SEPARATOR = re.compile(r"\s*(?:、|和|与|及|以及)\s*")


# A plan's goal written before its figure (规划目标值为, “十四五”目标（, 达到规划“保持在), and the
# plans a title names.
_PLAN_GOAL_BEFORE = re.compile(r"(?:规划|十([一二三四五六七八九])五[”\"]?(?:规划)?)的?"
                               r"(?:目标值?\s*(?:为|是)?\s*[（(]?|[“\"][^”\"\d，。；]{0,4})\s*$")
# A figure that is a share of a goal (完成2025年中期目标值（58万人）的83.8%): how far it has got, done
# and standing at the period's end.
_SHARE_OF_GOAL = re.compile(r"目标值[^，,。；;]*的$")
# A goal's value in brackets after its name (完成中期目标值（2.2万人次）的…): the goal itself.
_GOAL_VALUE_BRACKETED = re.compile(r"目标值\s*[（(]\s*$")
# A later clause opening with 累计 (…本季度…；累计培训…): what has added up, not the span the sentence opened with.
_CUMULATIVE_CLAUSE = re.compile(r"[，,；;。\n]\s*累计")
# A run told by its length and 累计 (三年累计, 5年累计), with no end of its own.
_RUN_OF_YEARS_COUNTED = re.compile(r"[一二两三四五六七八九十\d]{1,2}年累计")

# A share named as one (女性比例为31.7%, 在园幼儿占比达到88.5%) is a share of those in place: a
# level (a share of the newly counted, 新招募志愿者中女性占比, keeps its flow cue).
# A share of the year's task reached (完成年度任务的95%, 占全年任务的58.9%, 已完成年度计划的91.6%): dated
# like the work it counts, from the year's start to the figure's date or deadline.
_SHARE_OF_YEAR_TASK = re.compile(r"(?:年度|全年|本年)[^，,。；;！？\d]{0,6}?(?:任务|计划)的\s*$")
_SHARE_NAMED = re.compile(r"比例|比重|占比|建校率|建站率|建成率|普及率|达标率|入园率|入学率|巩固率")
# A share among those of a group (执委中35岁以下的占28.6%; not 其中…占, the part of a figure just told).
_SHARE_AMONG = re.compile(r"(?<!其)中[^，,。；;]{0,16}?占(?!用)")
# …where the title names the plan, its goal's value bare: 距目标值（30%以上）, 高于50%的目标值.
_GOAL_VALUE_BEFORE = re.compile(r"目标值\s*(?:为|是)?\s*[（(]?\s*$")
_GOAL_VALUE_NAMED_AFTER = re.compile(r"[^，,。；;的（(]{1,10}?的(?:规划)?目标值")
_TITLE_PLAN = re.compile(r"十([一二三四五六七八九])五[”\"]?(?:规划|时期)|规划\s*[（(]\s*((?:19|20)\d{2})\s*[—–\-~至]+\s*((?:19|20)\d{2})")


def _is_norm(text: str, item_start: int, start: int) -> bool:
    """Whether a norm's words (每个村…至少, 每年…不少于) end in the clause of the figure at `start`:
    "每个区县培育品牌至少1个，四年内评选…100名" makes only the 1个 a norm. A rate of payment
    (补贴标准为每人1200元, 按每人每月600元发放) is one too: a rule, not an amount paid."""
    if _PAYMENT_RATE.search(text, max(item_start, start - 12), start):
        return True
    for match in NORM.finditer(text, item_start, start + 3):
        last_mark = max(text.rfind(mark, match.end(), start) for mark in "，,；;")
        # (a later clause keeps the norm with a qualifier or a 每 of its own: …不少于30平方米，至少配备1间;
        # not new ones to set up without a 每: …，新建…组织不少于20个 is the period's work)
        if last_mark < 0:
            return True
        if _NORM_WORD.search(text, last_mark, start + 3) \
                and ("每" in text[last_mark:start] or not NEW_CUE.search(text, last_mark, start)):
            return True
    return False


def _item_start(text: str, s_start: int, start: int) -> int:
    last = s_start
    for mark in _ITEM_MARK.finditer(text, s_start, start):
        last = mark.start()
    return last


def _bracket_closed_between(text: str, s_start: int, expression: TimeExpression, start: int) -> bool:
    """Whether `expression` stands inside brackets, with a figure of their own, that close before
    the figure at `start` (规划（2021—2025年）only dates the noun before it: it still governs)."""
    opened = max(text.rfind("（", s_start, expression.start), text.rfind("(", s_start, expression.start))
    if opened < 0 or max(text.rfind("）", opened, expression.start), text.rfind(")", opened, expression.start)) >= 0:
        return False
    closes = [at for at in (text.find("）", expression.end, start), text.find(")", expression.end, start)) if at >= 0]
    return bool(closes) and any(char.isdigit() for char in text[expression.end:min(closes)])


def _part_of_a_year(period: Optional[Period]) -> bool:
    """上半年, 一季度, 1-5月: a flow within one calendar year that is not all of it."""
    return period is not None and period.start is not None and period.year is not None and (period.start[1], period.end[1]) != (1, 12)


_NAMES_A_YEAR = re.compile(r"\d{4}|今年|去年|明年|本年|当年|上年|前年|来年")


def _without_year(text: str, expression: TimeExpression) -> bool:
    """二季度, 3月, 下半年: a part of a year written with no year of its own."""
    return _part_of_a_year(expression.period) and not _NAMES_A_YEAR.search(text, expression.start, expression.end)


# A paragraph that goes on with the event a news lead opens with: 会上，… / 会后，… / 活动中，….
_EVENT_GOES_ON = re.compile(r"[ \t\u3000]*(?:会上|会后|本次大会|本届大会|本次会议|大会(?:期间|上|现场)|会议(?:还|期间|现场)|"
                            r"(?:活动|培训|培训班|比赛|展会|仪式)(?:中|上|期间|现场|结束后)|现场)")
# How far into its line an article's opening time may stand (a dateline and a source before it).
_LEAD_REACH = 120
# What closes a time that opens a paragraph: its comma, after the last day of a range (6月12日至13日，)
# or the time of the day (3月6日上午，).
_OPENING_END = re.compile(r"(?:\s*[至到—–\-~]\s*\d{1,2}\s*日)?" + TIME_OF_DAY + r"?[，,]"
                          r"|(?=(?:该|全|我|本)[省市县区州盟旗镇乡])")   # (今年该区已为…, 2024年全市…: no comma)


# A run's total broken down by year after it (共建成…1200个，其中2021年300个、…): built over the run.
_BY_YEAR_AFTER = re.compile(r"[^。；;]{0,12}?其中\s*(?:19|20)\d{2}\s*年\s*(?:[\d一二三四五六七八九十]|[^，,。；;\d]{0,4}?[\d一二三四五六七八九十][^，,。；;]{0,6}?[、，,])")
# (not one year's new ones after a count that stands: 累计建成620所，其中2024年新建45所)
# …and its parts: 近三年共建成…96个，其中2022年28个、2023年31个 — each year's part is what that year
# built, a flow, whatever the run's stock words.
_YEAR_OF_A_RUN = re.compile(r"(?:(?:近|过去)[二两三四五六七八九十\d]年|[二两三四五六七八九十]年来|本届以来|"
                            r"(?:19|20)\d{2}\s*年(?:以来|至(?:19|20)\d{2}\s*年))[^。；;]{0,40}?其中[^。；;]*$")
# A clause of only a noun, no verb of its own (…356所，家庭教育指导师210名), after a clause that ends
# with a figure.
_BARE_NOUN = re.compile(r"[^\d年月开举培建发帮组服救资推创评选招吸带实完参接覆惠新增累达为是有获入超占较比由从共已"
                        r"调处确突扩办理列展动保争力将提降减受]{2,14}")
# Those the things just counted employ (…建成工坊316个，吸纳妇女就业1.2万人): as the count before stands or
# flows (not 带动…就业, what the work brought about: the period's).
_EMPLOYED_BY = re.compile(r"吸纳")
# A count from one year's level to another's (组织由2021年的86个增加到2025年的214个): both stand at their
# years' ends — the base before the change, the level after it.
_YEAR_LEVEL = r"(?:由|从)\s*(?:19|20)\d{2}\s*年(?:底|末)?的?\s*"
_CHANGED_TO_A_YEAR = r"[\d.]+\s*[万亿]?[^\d\s，,；;。、]{0,2}?\s*(?:" + CHANGE_TO.pattern + r")\s*(?:19|20)\d{2}\s*年"
_BASE_YEAR_LEVEL = re.compile(_YEAR_LEVEL + r"$")
_CHANGED_AFTER = re.compile(_CHANGED_TO_A_YEAR)
_LEVEL_AFTER_BASE = re.compile(_YEAR_LEVEL + _CHANGED_TO_A_YEAR + r"(?:底|末)?的?\s*$")
# The end of a figure written just before (356所, 1.2万个).
_FIGURE_END = r"\d\s*[万亿]?[^\d\s，,；;。、]{0,2}"
_FIGURE_BEFORE = re.compile(_FIGURE_END + r"$")
# A figure listed after another (…分别建成…620个、410个) shares the words before the first.
_LISTED_AFTER_FIGURE = re.compile(_FIGURE_END + r"\s*[、和及]\s*$")


def _clause_before(text: str, s_start: int, start: int) -> str:
    """The words of the figure's clause before it (up to 16 characters, 40 for a figure listed after
    another); a label's colon just before the figure does not cut it (其中新建儿童之家：6个). A breakdown (全年新建57个，其中麒麟区
    12个、宣威市8个; 共有1200所（其中…213所）) also reads the words of the clause it breaks down."""
    reach = 40 if _LISTED_AFTER_FIGURE.search(text, max(s_start, start - 8), start) else 16
    clause = text[max(s_start, start - reach):start]
    body = clause.rstrip(" \t：:")
    cut = max(body.rfind(mark) for mark in "，,；;：:")
    clause = clause[cut + 1:]
    if cut >= 0 and body[cut] in "，," and (_BARE_NOUN.fullmatch(clause) or _EMPLOYED_BY.match(clause)):
        # 全县现有家长学校356所，家庭教育指导师210名: a clause of only a noun goes on with the one before
        mark = max(s_start, start - reach) + cut
        if _FIGURE_BEFORE.search(text, max(s_start, mark - 8), mark):
            earlier = max(text.rfind(m, s_start, mark) for m in "，,；;：:") + 1
            clause = text[max(earlier, s_start, mark - 24):mark] + "|" + clause
    else:
        listed = clause.rfind("、")
        if listed > 0 and _BARE_NOUN.fullmatch(clause, listed + 1) \
                and _FIGURE_BEFORE.search(clause, max(0, listed - 8), listed):
            # 现有服务队14支、注册志愿者860名: an item of only a noun after a figure shares the
            # words before the list's first figure
            mark = start - len(clause) + listed
            earlier = max(text.rfind(m, s_start, mark) for m in "，,；;：:") + 1
            clause = text[max(earlier, s_start, mark - 40):mark] + "|" + clause[listed + 1:]
    breakdown = text.rfind("其中", max(s_start, start - 40), start)
    if breakdown > s_start and not any(mark in text[breakdown:start] for mark in "。；;"):
        head_start = max(text.rfind(mark, s_start, breakdown - 1) for mark in "，,；;：:（(") + 1
        clause = text[max(head_start, s_start, breakdown - 24):breakdown] + "|" + clause
    return clause


def _is_whole_year_word(text: str, expression: Optional[TimeExpression]) -> bool:
    """全年 / 年内: the year of whatever governs around them (a heading, the year named before)."""
    return expression is not None and expression.end - expression.start == 2 \
        and text.startswith(("全年", "年内"), expression.start)


# 全年任务的75%, 全年目标: the year's task is what the figure is a share of, not its period.
# 完成全年宣讲任务的60%: a share of the year's task, not of the year (全年任务1.3万名 is the year's).
# A table column of what is to be done (年度任务（人）, 目标任务数, 计划数), not of what was (已完成, 完成率).
_TASK_HEADER = re.compile(r"任务|目标数|计划数|计划任务|目标任务|目标\s*$")     # (2025年目标)
_DONE_HEADER = re.compile(r"完成|实际|进度|率")
_YEAR_TASK_HEADER = re.compile(r"年度|全年")
_RATE_UNITS = frozenset(("%", "‰"))
_YEAR_TASK_AFTER = re.compile(r"[^，,。；;！？\d]{0,6}?(?:任务|目标|计划)的")
_WHOLE_YEAR = re.compile(r"全年(?![^，,。；;！？\d]{0,6}?(?:任务|目标|计划))")


@dataclass
class _Reading:
    """One figure's time as the steps of Timing.fact work it out."""

    start: int
    year: Optional[int]
    basis: Optional[str]
    unit: Optional[str]
    anchor: Optional[Anchor]
    s_start: int
    header: Optional[tuple[int, int]] = None    # the header cell above a table cell
    label: Optional[tuple[int, int]] = None     # the label cell(s) of a table cell's row
    p_start: int = 0
    headings: list = field(default_factory=list)
    governing: Optional[TimeExpression] = None
    level: Optional[str] = None             # sentence | paragraph | heading | article | document
    deadline: Optional[TimeExpression] = None
    base: Optional[TimeExpression] = None      # a comparison base (较2020年) before the figure
    period: Optional[Period] = None
    clause: str = ""
    new_since_stock: bool = False
    run_end_named: bool = False             # a run told by its length ends in the year its sentence names
    norm: bool = False
    goal: bool = False
    target: bool = False


def _shares_the_years_task(r: _Reading) -> bool:
    """完成年度任务的80%, 已完成年度计划的91.6%: a share dated like the year's work it counts."""
    return r.unit in _RATE_UNITS and _SHARE_OF_YEAR_TASK.search(r.clause) is not None


@dataclass
class FactTime:
    period: Optional[Period]
    year: Optional[int]
    target: bool


class Timing:
    """Periods and targets for the figures of one document. The time expressions of a sentence
    are read once and shared by the figures in it."""

    def __init__(self, layout, document: DocumentTime, figures: list[int] = ()):
        self.layout = layout
        self.figures = figures          # where each figure of the document starts, in text order
        self.text = layout.text
        self.document = document
        # Each article of a page speaks from its own date line (发布时间：2024-05-21), else the page's.
        self._anchors = _article_anchors(layout, document.anchor)
        # One pass over each article finds every time expression; a sentence or heading slices them.
        if len(set(self._anchors)) <= 1:
            self._all = find_time_expressions(self.text, document.anchor)
        else:
            self._all = [expression for section, anchor in zip(layout.sections, self._anchors)
                         for expression in find_time_expressions(self.text, anchor, section.start, section.end)]
        self._all = _since_appointed(self.text, _term_from_congress(self.text, self._all), document.anchor)
        self._starts = [expression.start for expression in self._all]
        self._paragraph_openings: dict[int, Optional[TimeExpression]] = {}
        self._leads: dict[int, tuple] = {}     # per article: _find_article_lead
        # the years of the plan the title names (“十四五”规划…评估报告, …规划（2021—2030年）…)
        plan = _TITLE_PLAN.search(layout.title or "")
        self._plan_span = None if plan is None else five_year_plan(plan.group(1)) if plan.group(1) \
            else Period((int(plan.group(2)), 1), (int(plan.group(3)), 12))

    def _anchor_at(self, index: int) -> Optional[Anchor]:
        anchors = self._anchors
        return anchors[0] if len(anchors) == 1 else anchors[max(0, bisect_right(self.layout.section_starts, index) - 1)]

    def _between(self, start: int, end: int) -> list[TimeExpression]:
        low = bisect_left(self._starts, start)
        high = low
        while high < len(self._all) and self._all[high].end <= end:
            high += 1
        return self._all[low:high]

    # The figures of a sentence come one after another and each reads its time expressions
    # twice (_govern, _is_target): the last sentence's are kept.
    _last_expressions: tuple[int, list] = (-1, [])

    def _expressions(self, sentence_start: int) -> list[TimeExpression]:
        if self._last_expressions[0] != sentence_start:
            self._last_expressions = (sentence_start,
                                      self._between(sentence_start, self.layout.full_sentence_end(sentence_start)))
        return self._last_expressions[1]

    def _still_to_come(self, end, anchor: Optional[Anchor]):
        """The first month of a plan's flow that ends at `end` (年底前新培训…): after the reporting
        period, else from the page's month, when either lies in that year; else its January."""
        period = self.document.period
        if self.document.is_plan and period is not None and period.start is not None and period.start <= end:
            return period.start     # 到2027年… in a 2025—2027 plan: from the plan's start
        if period is not None and period.end[0] == end[0] and period.end < end and not self.document.is_plan:
            return (end[0], period.end[1] + 1)
        if anchor is not None and anchor.month is not None and anchor.year == end[0] and not self.document.is_plan \
                and (anchor.year, anchor.month) <= end:
            return (end[0], anchor.month)
        return (end[0], 1)

    def _heading_year(self, headings) -> Optional[int]:
        """The calendar year the nearest heading with a period names (四、2024年工作打算), if any."""
        for heading in headings:
            for expression in self._between(heading.start, heading.end):
                if expression.kind == "flow" and not _is_whole_year_word(self.text, expression):
                    return expression.period.year       # (not the 全年 of an item heading: （一）全年开展…)
        return None

    def _paragraph_opening(self, paragraph_start: int) -> Optional[TimeExpression]:
        """The time a paragraph opens with ("2023年，…", "今年以来，…"), if it opens with one."""
        if paragraph_start not in self._paragraph_openings:
            if len(self._paragraph_openings) > 512:
                self._paragraph_openings.clear()
            words = self._words_start(paragraph_start)
            found = [e for e in self._expressions(paragraph_start if words == paragraph_start else words)
                     if e.kind != "until" and e.start >= words]
            opening = found[0] if found and found[0].start - words <= 12 \
                and _OPENING_END.match(self.text, found[0].end) else None
            self._paragraph_openings[paragraph_start] = opening
        return self._paragraph_openings[paragraph_start]

    def _continued_opening(self, paragraph_start: int) -> Optional[TimeExpression]:
        """同时，我们为…1630名…: a paragraph that opens by going on from the one before (同时, 此外,
        另外) with no time of its own goes on in the time that paragraph opened with."""
        if paragraph_start < 2 or CONTINUES.match(self.text, self._words_start(paragraph_start)) is None:
            return None
        before = self.layout.paragraph(paragraph_start - 2)[0]
        if self.layout.section_at(before) is not self.layout.section_at(paragraph_start):
            return None
        return self._paragraph_opening(before)

    def _words_start(self, paragraph_start: int) -> int:
        """Where a paragraph's own words start: after a news dateline (东南网3月14日讯（记者 …）) and
        the source its lead names (记者日前从省妇联获悉，)."""
        text = self.text
        dateline = _DATELINE_LEAD.match(text, paragraph_start)
        at = dateline.end() if dateline else paragraph_start
        chain = self.layout.headings_above(at)
        if chain and chain[0].start == at and text[chain[0].end:chain[0].end + 1] in ("。", "：", ":"):
            at = chain[0].end + 1   # （三）家庭建设。三季度，…: an inline heading's label, then the words
        occasion = OCCASION_SENTENCE.match(text, at)
        if occasion is not None and SOURCE_LEAD_IN.match(text, occasion.end()):
            at = occasion.end()     # 11月25日是“国际消除家庭暴力日”。记者从…了解到，今年以来，…
        source = SOURCE_LEAD_IN.match(text, at)
        return source.end() if source else at

    def _respective_time(self, r: "_Reading") -> Optional[TimeExpression]:
        """The time paired with the figure at r.start when times are listed before 分别 and as many
        figures follow it in its clause ("10月、11月、12月分别开展…112场次、106场次、117场次"); the
        list may close an earlier clause when no figure stands between it and 分别."""
        text, start = self.text, r.start
        mark = text.rfind("分别", r.s_start, start)
        if mark < 0 or any(m in text[mark:start] for m in "，,；;。"):
            return None
        end = start
        while end < len(text) and text[end] not in "，,；;。！？\n":
            end += 1
        figures = self.figures[bisect_left(self.figures, mark):bisect_left(self.figures, end)]
        if len(figures) < 2 or start not in figures:
            return None
        before = bisect_left(self.figures, mark) - 1
        low = max(r.s_start, self.figures[before] + 1 if before >= 0 else 0)
        listed = [e for e in self._between(low, mark) if e.kind == "flow"]
        chain = listed[-1:]
        for earlier in reversed(listed[:-1]):
            if not _TIME_LIST_SEPARATOR.fullmatch(text, earlier.end, chain[0].start):
                break
            chain.insert(0, earlier)
        if len(chain) != len(figures):
            return None
        return chain[figures.index(start)]

    def _article_lead(self, paragraph_start: int) -> Optional[TimeExpression]:
        """A span up to now or a festival's window that opens the article ("今年以来，…", "3月以来，…",
        "在“三八”国际妇女节到来之际，…") and so dates the undated paragraphs after it, up to a paragraph
        that opens with a time outside it (去年，…)."""
        section = self.layout.section_at(paragraph_start)
        if section.start not in self._leads:
            self._leads[section.start] = self._find_article_lead(section)
        lead, lead_line, break_line, event = self._leads[section.start]
        if lead is None or paragraph_start <= lead_line:
            return None
        if self._goes_on_with_event(event, paragraph_start):
            return event
        return lead if paragraph_start <= break_line else None

    def _goes_on_with_event(self, lead: Optional[TimeExpression], paragraph_start: int) -> bool:
        """Whether the paragraph goes back to the event the lead's day or month opens with (会后，…,
        活动中，…), past the paragraphs of other times told in between."""
        return lead is not None and not (lead.so_far or lead.kind == "since") \
            and _EVENT_GOES_ON.match(self.text, self._words_start(paragraph_start)) is not None

    def _find_article_lead(self, section) -> tuple[Optional[TimeExpression], int, float, Optional[TimeExpression]]:
        """(the article's lead time, its paragraph's start, the start of the first paragraph after
        it that opens with a time outside it, the time of the event the lead opens with). A lead
        that opens with its event's day and goes on to the run of years the event reviews
        (…代表大会开幕。据悉，过去五年，…) dates the article by that run; paragraphs that go back to
        the event (会上，…) keep its day."""
        lead, lead_line, event = None, 0, None
        for expression in self._between(section.start, section.end):
            # (an opening stands within 12 characters of its line's words, which may follow a dateline
            # and a source, 东南网3月14日讯（记者 …）记者日前从…获悉，: look no further back than that)
            newline = self.text.rfind("\n", max(section.start, expression.start - _LEAD_REACH), expression.start)
            line_start = newline + 1 if newline >= 0 else section.start
            if expression.start - line_start > _LEAD_REACH or self._paragraph_opening(line_start) is not expression:
                continue
            if lead is None:
                if not self._may_lead(expression):
                    return None, 0, 0, None
                lead = event = expression
                lead_line = line_start
                if not (lead.so_far or lead.kind == "since"):
                    line_end = self.text.find("\n", lead.end, section.end)
                    anchor = self._anchor_at(lead.start)
                    lead = next((later for later in self._between(lead.end, section.end if line_end < 0 else line_end)
                                 if reviews_years(later, anchor)), lead)
            elif line_start > lead_line and expression.kind != "stock" \
                    and not (expression.period.start is not None and lead.period.start <= expression.period.start
                             and expression.period.end <= lead.period.end):
                # (a count at a date, 会议通报，截至10月底，…, is told within the event: no new time)
                return lead, lead_line, line_start, event
        return lead, lead_line, float("inf"), event

    def _may_lead(self, expression: TimeExpression) -> bool:
        """Whether a paragraph-opening time can date the article after it: one within the page's year."""
        anchor = self._anchor_at(expression.start)
        if anchor is None or expression.period.start is None or expression.period.start[0] != anchor.year:
            return False
        up_to_now = (expression.so_far or expression.kind == "since") and expression.period.end == anchor.end
        # (a festival's window the article opens in: 在“三八”国际妇女节到来之际，…; the month of the
        # event a news lead opens with: 6月12日至13日，…举办…, 近日，…举办…)
        # (not the occasion a news item is told on: 在“三八”妇女节到来之际，记者从省妇联获悉，…)
        told = SOURCE_LEAD_IN.match(self.text, expression.end + 1) is not None
        window = expression.kind == "flow" and expression.period.end <= anchor.end and not told \
            and (WINDOW_NAME.search(self.text, expression.start, expression.end) is not None
                 or self.text[expression.start:expression.end] in RECENT_WORDS
                 or expression.period.start == expression.period.end and not _has_year(
                     self.text[expression.start:expression.end]) and "月" in self.text[expression.start:expression.end])
        # (the part of the year just ended, in a page of the month after it: 上半年，… on 7月2日)
        just_ended = expression.kind == "flow" and expression.period.start < expression.period.end \
            and not told and not _has_year(self.text[expression.start:expression.end]) \
            and 0 <= _month_index(anchor.end) - _month_index(expression.period.end) <= 1
        return up_to_now or window or just_ended

    def opening_year(self) -> Optional[int]:
        """The year a dated page's first article opens in, when its lead (after a dateline, 本报成都
        6月12日讯（…）) opens with a time of that year without naming one: "今年以来，…", "3月以来，…",
        "6月11日，…". The page is that year's news; its figures keep their own times."""
        text, layout = self.text, self.layout
        # (a page's header block above its one article, holding no figure, is no article of its own)
        articles = [index for index, section in enumerate(layout.sections)
                    if bisect_left(self.figures, section.start) < bisect_left(self.figures, section.end)]
        if len(articles) != 1 or articles[0] != len(layout.sections) - 1:
            return None         # (a list page of several items has no one year)
        first = layout.sections[articles[0]]
        anchor = self._anchors[articles[0]]
        if anchor is None or anchor.month is None:
            return None
        line_start = first.headline_end
        while line_start < first.end and text[line_start] in "\n \t\u3000":
            line_start += 1
        lead = self._words_start(line_start)    # (after a dateline, an occasion and a source)
        for expression in self._between(lead, min(first.end, lead + 40)):
            if expression.start - lead > 12 or _OPENING_END.match(text, expression.end) is None:
                return None
            period = expression.period
            if period.start is None or _has_year(text[expression.start:expression.end]) \
                    or not (period.start[0] == period.end[0] == anchor.year and period.end <= anchor.end):
                return None
            return anchor.year
        return None

    def _names_goal(self, expression: TimeExpression, r: "_Reading") -> bool:
        """Whether the figure read in `r` is the value of the goal `expression` names: written right
        after it (2025年中期目标值（58万人）) or in its column (a cell under 2030年目标值), not a
        count of what reached it (达到2030年目标值的有41项)."""
        goal = GOAL_VALUE_AFTER.match(self.text, expression.end)
        if goal is None:
            return False
        start = r.start
        return expression.end <= start and (r.header == (expression.start, goal.end())
                                            or _GOAL_IS.fullmatch(self.text, goal.end(), start) is not None)

    def fact(self, context, year: Optional[int], basis: Optional[str] = None,
             unit: Optional[str] = None) -> FactTime:
        """The period, calendar year and target flag of the figure where `context` (its
        layout.FigureContext) says it stands, given the year that year attribution found for it,
        its rule's basis (flow | stock) and its unit.

        The steps, in order: the time that governs the figure (`_govern`); what a stock date, a
        report of part of a year and the figure's own words make of it (`_within_spans`); plan or
        achievement (`_is_target` and the plan's own time, `_plan_time`); a deadline or the year
        backbone (`_deadline_or_backbone`); stock or flow (`_stock_or_flow`); norms and plans last."""
        start = context.start
        if context.in_related_headline:
            # another article's headline: only a time it names itself (我市评出2023年度…50户)
            line_start = self.text.rfind("\n", 0, start) + 1
            named = [e for e in self._between(line_start, start) if e.kind == "flow"]
            period = named[-1].period if named else None
            return FactTime(period=period, year=period.year if period else None, target=False)
        reading = _Reading(start=start, year=year, basis=basis, unit=unit, anchor=self._anchor_at(start),
                           s_start=context.full_sentence_start, header=context.column_header,
                           p_start=context.paragraph[0], headings=context.headings, label=context.row_label)
        if reading.header is not None:
            # a table cell: its row is its sentence (the header row above is not its words)
            reading.s_start = max(reading.s_start, self.text.rfind("\n", reading.s_start, start) + 1)
        self._govern(reading)
        self._within_spans(reading)
        reading.norm = _is_norm(self.text, _item_start(self.text, reading.s_start, start), start)
        # a goal's own figure (2025年中期目标值（58万人）, a cell under 2030年目标值): a level to reach
        reading.goal = reading.level == "sentence" and self._names_goal(reading.governing, reading)
        reading.target = reading.goal or self._is_target(start, reading.s_start, reading.p_start, reading.headings,
                                                         reading.period, reading.clause, reading.norm,
                                                         reading.anchor)
        self._plan_time(reading)
        self._deadline_or_backbone(reading)
        self._stock_or_flow(reading)
        self._finish(reading)
        self._plan_goal(reading)
        self._task_column(reading)
        return FactTime(period=reading.period, year=reading.year, target=reading.target)

    def _task_column(self, r: "_Reading") -> None:
        """A table cell under a task's header (年度任务（人）, 目标任务数, 计划数): what is to be
        done — over the whole year when the task is the year's — not what was."""
        if r.header is None:
            return
        words = self.text[r.header[0]:r.header[1]]
        if not _TASK_HEADER.search(words) or _DONE_HEADER.search(words):
            return
        r.target = True
        if r.period is not None and (r.period.start is None or r.unit in _RATE_UNITS):
            # a rate or a count of what stands under a goal's column (2025年目标: ≥95 %, 210个 homes):
            # a level to reach, counted at the goal year's end — not capped at the page's date, as
            # a count already reached is; work to do (5000人次) stays the year's flow
            r.period = Period(None, (r.period.end[0], 12))
            r.year = r.period.year
        elif r.period is not None and _YEAR_TASK_HEADER.search(words):
            r.period = full_year(r.period.end[0])
            r.year = r.period.year

    def _plan_goal(self, r: "_Reading") -> None:
        """A figure written as a plan's goal (完成“十四五”目标（6万人次）的71.7%, 仅为规划目标3000户的…):
        a target over the plan's years — those of the five-year plan it names, else of the plan the
        title names."""
        text = self.text
        goal = _PLAN_GOAL_BEFORE.search(text, max(r.s_start, r.start - 16), r.start)
        if goal is not None:
            span = five_year_plan(goal.group(1)) if goal.group(1) else self._plan_span
        elif self._plan_span is not None and (_GOAL_VALUE_BEFORE.search(text, max(r.s_start, r.start - 8), r.start)
                                              or _GOAL_VALUE_NAMED_AFTER.match(text, r.start)):
            span = self._plan_span      # 距目标值（30%以上）, 高于50%的目标值: the goal of the plan the title names
        elif r.unit == "%" and r.period is not None and _GOAL_VALUE_BEFORE.search(text, max(r.s_start, r.start - 8), r.start):
            # 学员满意度：目标值≥90%: a rate to reach is a level at the end of the period it is set for
            r.target, r.period = True, Period(None, r.period.end)
            return
        else:
            return
        r.target = True
        if span is not None and r.unit == "%":
            # a rate or share to reach (规划目标值为90%以上): a level at the plan's end
            r.period, r.year = Period(None, span.end), span.end[0]
        elif span is not None and (r.period is None or r.period.start is not None):
            r.period, r.year = span, span.year

    def _govern(self, r: "_Reading") -> None:
        """The nearest governing time: the sentence, its paragraph's opening, its headings, the document."""
        text, start = self.text, r.start
        for expression in self._expressions(r.s_start):
            if expression.end > start:
                break
            if _in_an_earlier_later_part(text, r.s_start, expression, start) \
                    or breaks_down_an_earlier_part(text, expression.start, start):
                continue                # 全年…；“三八”期间走访…；光明社区…300余次: that part's own time
                #                         (五年来…，其中2025年…；累计发放…: the run's)
            if expression.kind == "until":
                r.deadline = expression
                continue
            if COMPARISON_BEFORE.search(text, max(r.s_start, expression.start - 3), expression.start) \
                    or text[max(r.s_start, expression.start - 1):expression.start] in ("由", "从") \
                    and CHANGE_TO.search(text, expression.end, start):
                r.base = expression     # 较2020年, 比上年, 由2020年的…提高到: what the figure is compared with
                continue
            if _is_whole_year_word(text, expression) and _YEAR_TASK_AFTER.match(text, expression.end):
                continue                # 已达全年任务的75%: a share of the year's task, not of the year
            if GOAL_AFTER.match(text, expression.end) and not self._names_goal(expression, r) \
                    and not TARGET_CUE.search(text, expression.end, start):
                continue                # 已达到2030年目标值的有41项，占70.7%; 完成2025年中期目标值（58万人）的83.8%:
                #                         a goal's year, not the figure's
            if _bracket_closed_between(text, r.s_start, expression, start):
                continue                # （其中元旦春节期间860人），发放…: the bracket's time is its own
            if in_book_title(text, r.s_start, expression.start, start):
                continue                # 《…规划（2021—2030年）》68项指标中…: a document's name
            if dates_its_own_figure(text, expression.end, start):
                continue                # …增加到2025年的9.1万人，累计救助…: that level's year, not the later clause's
            if (expression.so_far or text.startswith(("今年", "当年"), expression.start)) \
                    and r.governing is not None and r.governing.kind == "stock" \
                    and r.governing.period.end[0] == expression.period.end[0] \
                    and r.governing.period.end < expression.period.end \
                    and not (expression.kind == "since" and text[expression.start - 1:expression.start] in "；;"):
                continue                # 截至10月底，…其中今年新建41个: this year up to that date, not to now
                #                         (but …；今年以来开展…96场: a span opening its ；-part runs to now)
                #                         (also in a year's report, and in a ；-clause: …；今年新建…2350个)
            if r.governing is not None and _is_whole_year_word(text, expression) and (
                    not _part_of_a_year(r.governing.period) or any(mark in text[expression.end:start] for mark in "；;")) \
                    and not (r.governing.kind == "stock"
                             and any(mark in text[r.governing.end:expression.start] for mark in "；;")):
                # 2024年，…全年培训…: the year already named. 下半年…力争全年…: the whole year, in its own clause.
                # (截至2024年底，…建成…；全年发放…: the ；-clause's own 全年, not the stock's date)
                continue
            if expression.kind == "stock" and expression.relative and r.governing is not None \
                    and r.governing.kind == "flow" and r.governing.period.year is not None:
                # 2024年，…新建…24个，截至年底…达到186个: the end of the year the sentence names
                expression = TimeExpression(expression.start, expression.end,
                                            Period(None, (r.governing.period.year, 12)), "stock", relative=True)
            if r.governing is not None and _RUN_OF_YEARS_COUNTED.match(text, expression.start) \
                    and r.governing.period == full_year(r.governing.period.end[0]) and expression.period.start is not None \
                    and not any(mark in text[r.governing.end:expression.start] for mark in "；;"):
                # 2026年是三年行动收官之年，…确保三年累计培训…: the run ends in the year the sentence names
                end_year, years = r.governing.period.end[0], expression.period.years
                expression = TimeExpression(expression.start, expression.end,
                                            Period((end_year - years + 1, 1), (end_year, 12)), "flow")
                r.run_end_named = True
            r.governing, r.level = expression, "sentence"
        if r.governing is None and r.header is not None:
            # a table cell under a header of its own time (2020年基数, 2023年监测值, 2030年目标值)
            found = [e for e in self._between(*r.header) if e.kind in ("flow", "stock")]
            if found:
                r.governing, r.level, r.year = found[0], "sentence", found[0].period.year
        respective = self._respective_time(r)
        if respective is not None:
            # 2024年、2025年、2026年分别达到80%、90%、100%: the i-th time for the i-th figure
            r.governing, r.level, r.year = respective, "sentence", respective.period.year
        if r.governing is None:
            opening = self._paragraph_opening(r.p_start)
            level = "paragraph"
            if opening is None:
                opening = self._continued_opening(r.p_start)
                if opening is not None and text.startswith("其中", self._words_start(r.p_start)):
                    level = "sentence"  # (其中，… breaks down the figure before: told in its words' time)
            if opening is not None and opening.end <= start:
                r.governing, r.level = opening, level
        for heading in r.headings if r.governing is None else ():
            found = [e for e in self._between(heading.start, heading.end) if e.kind in ("flow", "since", "stock")
                     and not (heading.start <= start < heading.end and e.start >= start)]
            # (the figure's own item line, 1.开展…10期以上，力争全年…: a time after the figure is its clause's)
            if found:
                r.governing, r.level = found[0], "heading"
                break
        if r.governing is None and not r.headings and not (self.document.stated and len(self.layout.sections) == 1):
            # (a report whose title states its period speaks for that period: a paragraph opening
            # with 三八前夕 dates its own paragraph, not the undated ones after it)
            lead = self._article_lead(r.p_start)
            if lead is not None and (r.year in (None, lead.period.year)
                                     or self._goes_on_with_event(lead, r.p_start)):
                r.governing, r.level, r.year = lead, "article", lead.period.year
        if r.level == "sentence" and "同期" in text[r.governing.start:r.governing.end]:
            r.governing = self._same_months_a_year_back(r)
        if r.level == "sentence" and r.governing.kind == "stock" and r.governing.period.end[1] == 12:
            # 2024年末，…；全年为…发放…: a ；-clause's own 全年 is the year of the stock's date, also
            # where the document spans several years and 全年 alone names no year
            part = last_part_break(text, r.governing.end, start)
            if part >= 0 and text.startswith(("全年", "当年"), part + 1):
                r.governing = TimeExpression(part + 1, part + 3, full_year(r.governing.period.end[0]), "flow", False, False)
        r.period = r.governing.period if r.governing is not None else None
        # a table cell's words are its row's label (建有儿童之家的村（社区）, 家长学校数量) and its
        # column's header (其中今年新建（个）, 新建妇女微家（个）): the row text just before a later cell
        # is only the cells beside it (|个|168|)
        if r.label is not None:
            r.clause = text[r.label[0]:r.label[1]] + ("" if r.header is None else "，" + text[r.header[0]:r.header[1]])
        else:
            r.clause = _clause_before(text, r.s_start, start)

    def _same_months_a_year_back(self, r: "_Reading") -> TimeExpression:
        """去年同期，…开展活动1.05万场: the months of the time in force where the figure stands (an earlier
        time of its own ；-part, the paragraph's opening, a heading's period, the article's lead, the reporting period), a year
        back, when they lie in this year; else 同期's own reading (last year's months to now)."""
        same, in_force = r.governing, None
        for expression in self._expressions(r.s_start):
            if expression.end > same.start:
                break
            if expression.kind == "flow" and last_part_break(self.text, expression.end, same.start) < 0:
                in_force = expression.period    # …；1至11月共培训…，上年同期为2210人次: its own part's months
        opening = self._paragraph_opening(r.p_start)
        if in_force is None and opening is not None and opening is not same and opening.end <= same.start:
            in_force = opening.period
        for heading in r.headings if in_force is None else ():
            found = [e for e in self._between(heading.start, heading.end) if e.kind == "flow"]
            if found:
                in_force = found[0].period
                break
        if in_force is None and not r.headings and (lead := self._article_lead(r.p_start)) is not None:
            in_force = lead.period
        if in_force is None:
            in_force = self.document.period
        if in_force is None or in_force.start is None or not (
                in_force.start[0] == in_force.end[0] == same.period.end[0] + 1):
            return same
        back = Period((in_force.start[0] - 1, in_force.start[1]), (in_force.end[0] - 1, in_force.end[1]))
        return TimeExpression(same.start, same.end, back, "flow")

    def _past_the_stock_part(self, r: "_Reading") -> bool:
        """Whether the figure stands in a later ；-part than its stock's date and its own part counts
        nothing that stands (截至9月底，全市共有…；受理信访372件，办结率97.8%: what was done up to the date)."""
        text = self.text
        part = last_part_break(text, r.governing.end, r.start)
        return part >= 0 and not STOCK_CUE.search(text, part, r.start) \
            and not _BARE_NOUN.fullmatch(text, part + 1, r.start) \
            and not (r.unit != "%" and LEVEL_CUE.search(text, part, r.start)) \
            and not text.startswith("其中", part + 1) \
            and not (r.unit == "%" and (_SHARE_NAMED.search(text, part, r.start) or _SHARE_AMONG.search(text, part, r.start)))
        #   (…；其中甲区、乙区分别有7个、5个: the parts of the count before; …；巾帼文明岗412个: only a noun, what
        #   there is; …；组织达到227个: a level;
        #   …；执委中35岁以下的占28.6%: a share of those counted; …；检查覆盖率达到92.3%: a rate of the
        #   work done up to the date)

    def _within_spans(self, r: "_Reading") -> None:
        text, governing, document = self.text, r.governing, self.document
        if r.level == "sentence" and governing.kind == "flow" and _part_of_a_year(r.period) \
                and r.period.start[1] > 1 and not r.target \
                and _CUMULATIVE_CLAUSE.search(text, max(governing.end, r.s_start - 1), r.start):
            # 本季度举办…；累计培训妇女1.06万人次: 累计 set against the quarter is the year so far
            r.period = Period((r.period.end[0], 1), r.period.end)
        if r.level == "sentence" and _part_of_a_year(r.period) and _WHOLE_YEAR.search(text, governing.end, r.start) \
                and not any(mark in text[governing.end:r.start] for mark in "；;"):
            r.period = full_year(r.period.end[0])   # 四季度将力争…，确保全年完成…: that quarter's whole year
        r.new_since_stock = r.period is not None and r.period.start is None and governing.kind == "stock" \
            and (NEW_CUE.search(r.clause) is not None or r.unit in EVENT_UNITS or r.basis == "flow"
                 or r.basis != "stock" and self._past_the_stock_part(r)) \
            and "累计" not in r.clause
        if r.new_since_stock:
            # 截至6月底，新建家长学校38所: built this year, up to that date — or since the span its
            # paragraph opens with (4月以来，…。截至5月8日，已检查8600人: April to May)
            start = (r.period.end[0], 1)
            stated = document.period if document.stated else None
            if stated is not None and stated.start is not None and stated.start[0] == start[0] \
                    and start < stated.start <= r.period.end:
                start = stated.start    # (项目周期：2026年3月—…: the work counts from the project's start)
            opening = self._paragraph_opening(r.p_start) if r.level == "sentence" else None
            if opening is not None and opening.kind == "since" and opening.period.start is not None \
                    and opening.period.start[0] == r.period.end[0] and opening.period.start <= r.period.end \
                    and opening.end <= governing.start:
                start = opening.period.start
            r.period = Period(start, r.period.end)
        if r.period is not None and r.level == "sentence" and governing.kind == "stock" and not r.new_since_stock:
            r.year = r.period.year          # 去年新增…，目前已达到520个: counted at the page's date, of its year
        if r.period is None and document.period is not None:
            r.period, r.level = document.period, "document"
        report = document.period
        if r.period is not None and report is not None and _part_of_a_year(report) and report.start[1] == 1 \
                and r.period == full_year(report.end[0]) and r.level in ("sentence", "paragraph") \
                and not _is_whole_year_word(text, governing) \
                and not TARGET_CUE.search(text, max(governing.end, r.s_start), r.start):
            r.period = report     # 2024年新建…12个 in a report of January–September 2024: counted so far
        self._from_base(r)

    def _from_base(self, r: "_Reading") -> None:
        """A figure read against a comparison base before it."""
        text, governing = self.text, r.governing
        base = r.base
        if base is not None and base.period.year is not None and base.end <= r.start:
            if BASE_VALUE.fullmatch(text, base.end, r.start):
                # 较2020年基数（24.1%）: the base's own value, of its year
                r.governing, r.level, r.period, r.year = base, "sentence", base.period, base.period.year
                return
            if r.period is not None and r.period.end[0] > base.period.year + 1 \
                    and not any(mark in text[base.end:r.start] for mark in "；;") \
                    and CHANGE_CUE.search(text, base.end, r.start + 2) and not CHANGE_TO.search(text, base.end, r.start) \
                    and (governing is None or governing.end <= base.start):
                # 比2020年基数提高1.3个百分点 in 2023: the change over 2021–2023
                r.period, r.year = Period((base.period.year + 1, 1), r.period.end), None
                return

    def _plan_time(self, r: "_Reading") -> None:
        """What a plan's time words mean once the figure is known to be planned."""
        period, governing, report = r.period, r.governing, self.document.period
        if r.target and governing is not None and period is not None and period.years > 1 \
                and self.text.startswith("累计", governing.end - 2) and r.level == "sentence" and not r.run_end_named:
            # 三年累计开展…不少于4500场次 in a 2024—2026 plan: the plan's years (else the years ahead)
            if report is not None and report.start is not None and report.years == period.years:
                r.period = report
            elif r.anchor is not None:
                r.period = Period((r.anchor.year, 1), (r.anchor.year + period.years - 1, 12))
            r.year = r.period.year
            return
        if r.target and r.level == "document" and _part_of_a_year(report) and report.start[1] == 1 \
                and not self.document.is_plan:
            # 下步打算 in a half-year report: the months still to come
            r.period = Period((report.end[0], report.end[1] + 1), (report.end[0], 12))
            return
        if r.target and governing is not None and (r.level == "article"
                                                   or self.text[governing.start:governing.end] in RECENT_WORDS):
            # 日前签署协议，两地将共建…30个: the day of the announcement, not the plan's span
            r.governing, r.period = None, self.document.period
            r.level = "document" if r.period is not None else None
            return
        if r.target and governing is not None and self.document.is_plan and self.text.startswith("起", governing.end) \
                and period is not None and period.start is not None and report is not None \
                and period.start <= report.end and period.end < report.end:
            # 2024年起，每年…: from that year to the plan's end
            r.period, r.year = Period(period.start, report.end), None
            return
        if r.new_since_stock and r.target:
            r.period = full_year(period.end[0])   # 截至5月底…，计划年内再新建86个: this year's plan
        elif r.target and governing is not None and period is not None and r.anchor is not None \
                and period.end < r.anchor.end and _without_year(self.text, governing):
            # 二季度，将力争新建…: a yearless part of a year in a plan is the next one, not the last
            r.period = Period((period.start[0] + 1, period.start[1]) if period.start else None,
                              (period.end[0] + 1, period.end[1]))
        if r.level == "sentence" and _is_whole_year_word(self.text, governing) \
                and not (r.target and self.document.is_plan):
            # 全年 is the year of the heading it stands under (四、2024年工作打算), else restates the
            # year the figure already has ("2024年是关键一年。…确保全年…"); in a work plan it is the plan's year.
            heading_year = self._heading_year(r.headings)
            if heading_year is not None or r.year is not None:
                r.period = full_year(heading_year if heading_year is not None else r.year)

    def _deadline_or_backbone(self, r: "_Reading") -> None:
        """A deadline sets a goal's time; otherwise the year attribution found stays the backbone."""
        text, deadline, clause, period, governing = self.text, r.deadline, r.clause, r.period, r.governing
        if deadline is not None and any(mark in text[deadline.end:r.start] for mark in "；;"):
            deadline = None             # 到2025年底，…；培训…: the deadline's clause is over
        if deadline is not None and r.target and _WHOLE_YEAR.search(clause):
            deadline = None             # 年底前再新建…，全年培训…: the later clause is the whole year's plan
        if deadline is not None and governing is not None and governing.start > deadline.start \
                and period is not None and period.start is not None and period.years > 1 \
                and r.anchor is not None and period.end <= r.anchor.end < deadline.period.end:
            # 到2028年，力争五年累计…: the run is the years up to the deadline, not the years past
            end_year = deadline.period.end[0]
            r.period, r.year = Period((end_year - period.years + 1, 1), (end_year, 12)), None
            return
        if deadline is not None and (r.level != "sentence" or governing.start < deadline.start):
            # 到2029年，…达到5000名 / 到年底… / 9月底前…: a goal for the deadline.
            end = deadline.period.end
            if deadline.relative and period is not None:
                end = (period.end[0], 12)
            end_year = end[0]
            # (a rate by a deadline is a level to reach: 到2030年，…覆盖率稳定在90%以上)
            stock = (STOCK_CUE.search(clause) or r.basis == "stock" or LEVEL_CUE.search(clause) or r.unit == "%") \
                and not FLOW_CUE.search(clause) and r.unit not in EVENT_UNITS
            if period is not None and period.years > 1 and period.start is not None \
                    and period.start[0] <= end_year and not stock \
                    and (r.level in ("paragraph", "heading") or r.level == "sentence"
                         and not any(mark in text[governing.end:deadline.start] for mark in "；;")):
                # 今后五年…到2026年，培训… (or under 二、今后五年的目标任务): the run's total up to the deadline
                r.period, r.year = Period(period.start, (end_year, 12)), None
            elif (FLOW_CUE.search(clause) or r.unit in EVENT_UNITS) and "累计" not in clause \
                    and text.find("累计", max(r.s_start, text.rfind("，", r.s_start, r.start)), r.start) < 0:
                # (全省将累计培育…品牌不少于20个: 累计 anywhere in the figure's clause)
                # what is still to be done: from the months not yet reported to the deadline
                # (累计培训…人次 by a deadline is a level to reach, below)
                r.period = Period(self._still_to_come(end, r.anchor), end)
                r.year = r.period.year
            elif _shares_the_years_task(r) \
                    or r.basis == "flow" and LEVEL_CUE.search(clause) and "累计" not in clause \
                    and (deadline.relative or r.anchor is not None and r.anchor.year == end_year):
                # 9月底前完成年度任务的80%; 年底前…检查人数达到1.26万人 (a flow's total for the year): the year's
                # work up to the deadline
                r.period, r.year = Period((end_year, 1), end), end_year
            else:
                r.period, r.year = Period(None, end), end_year
        elif r.target and period is not None and period.year is not None \
                and (r.level != "document" or self.document.is_plan) and r.level != "paragraph":
            # A plan's own period (二、2025年工作计划; a 2025年工作要点) outweighs a year carried
            # over from the review before it.
            r.year = period.year
        # The calendar year found for the figure is the backbone; a run of years has none.
        elif period is not None and period.start is not None and period.year is None:
            r.year = None
        elif period is not None and r.year is None:
            if r.level != "sentence":
                r.period = None
            else:
                r.year = period.year
        elif period is not None and period.year != r.year:
            r.period = full_year(r.year)
        elif period is None and r.year is not None:
            r.period = full_year(r.year)

    def _stock_or_flow(self, r: "_Reading") -> None:
        text, clause, anchor, period = self.text, r.clause, r.anchor, r.period
        if period is not None and period.year is not None and period.start is not None \
                and r.unit not in EVENT_UNITS and r.unit != "元" and r.basis != "flow" \
                and self._year_to_year_level(r):
            r.period = period.as_stock()
            return
        if period is None and r.target and anchor is not None and WITHIN_YEAR.search(text, r.s_start, r.start):
            # 下一步，力争全年… / 年内再新建…: this year's plan
            r.period = full_year(anchor.period_year if anchor.period_year is not None else anchor.year)
            r.year = r.period.year
            period = r.period
        if period is None and anchor is not None and NOW_CUE.search(clause):
            r.period = Period(None, anchor.end)       # 目前已建成…: counted at the page's date
            r.year = r.period.year
        elif period is not None and period.year is not None and period.start is not None \
                and not (r.level == "sentence" and _YEAR_OF_A_RUN.search(text, r.s_start, r.governing.start)) \
                and (STOCK_CUE.search(clause) and r.basis != "flow" or r.basis == "stock"
                     or (_LEVEL_REACHED.search(clause) or _SHARE_OF_GOAL.search(clause)
                         or r.unit == "%" and _SHARE_NAMED.search(clause)) and r.basis != "flow") \
                and not FLOW_CUE.search(clause) and not FLOW_AFTER.match(text, r.start) \
                and r.unit not in EVENT_UNITS and not (FORMED_CUE.search(clause) and not STOCK_CUE.search(text, r.s_start, r.start)) \
                and not _shares_the_years_task(r):
            # (目前已完成年度计划的91.6%: the year's work so far, not a level)
            r.period = period.as_stock()
        elif period is not None and period.start is not None and period.year is None \
                and (r.target and _GOAL_VALUE_BRACKETED.search(clause)
                     or r.unit == "%" and _SHARE_OF_GOAL.search(clause) and not r.target):
            # 自2024年以来，…完成中期目标值（2.2万人次）的87.3%: the goal is a level to reach by the run's end, and
            # the share of it reached is done, a level there too
            r.period = period.as_stock()
            r.year = r.period.year
        elif period is not None and period.start is not None and period.year is None \
                and (NOW_CUE.search(clause) or (STOCK_CUE.search(clause)
                                                or (_REACHED_LEVEL.search(clause) or _LEVEL_REACHED.search(clause))
                                                and r.unit != "元" or r.unit == "%" and _SHARE_NAMED.search(clause))
                     and r.basis != "flow"
                     and r.unit not in EVENT_UNITS and not FLOW_AFTER.match(text, r.start)
                     and not _BY_YEAR_AFTER.match(text, r.start)) \
                and not FLOW_CUE.search(clause):
            # 自2020年…以来，…现有家政服务员680名 / 本届以来…建成妇女之家262个: how things stand at the
            # span's end
            r.period = period.as_stock()
            r.year = r.period.year

    def _year_to_year_level(self, r: "_Reading") -> bool:
        """由2021年的86个增加到2025年的214个: the figure is one of the two years' levels (not money or
        events: 贷款由…的2亿元增加到…, 培训由…人次提高到…, each a year's flow)."""
        text, start = self.text, r.start
        before = text[max(r.s_start, start - 40):start]
        if _BASE_YEAR_LEVEL.search(before[-16:]):
            return _CHANGED_AFTER.match(text, start, start + 30) is not None
        return _LEVEL_AFTER_BASE.search(before) is not None

    def _finish(self, r: "_Reading") -> None:
        period, anchor = r.period, r.anchor
        if period is not None and period.start is None and not r.target and anchor is not None:
            # An achieved count with no date of its own stands at the period's end, or at "now" if sooner.
            r.period = period = Period(None, max(min(period.end, anchor.end), (period.end[0], 1)))
        if r.goal and period is not None:
            r.period = period = Period(None, r.governing.period.end)
            r.year = period.year
        if r.target and r.governing is not None and r.governing.so_far and period is not None:
            r.period = period = full_year(period.end[0])    # 今年 in a plan is the whole year, not the year so far
        if r.norm and period is not None:
            # 每个村至少有1个…: a requirement holds at the end of the period it is set for
            r.period = period = Period(None, period.end)
            r.year = period.year

    def _is_target(self, start: int, s_start: int, p_start: int, headings, period: Optional[Period],
                   clause: str, norm: bool, anchor: Optional[Anchor]) -> bool:
        text = self.text
        before = text[s_start:start]
        if DONE_CUE.search(clause):
            return False            # 全年计划开展…，1至10月已开展1860场次: done, whatever the plan before
        # A figure's own qualifier may be the norm's word: 每个村[至少有1个]; 120万人次的目标: named after it.
        if TARGET_CUE.search(before) or norm or TARGET_AFTER.match(text, start) or _FIRST_PLANNED.search(clause) \
                or "目标值" in clause and not _SHARE_OF_GOAL.search(clause):
            return True         # (规划目标值为90%: the goal value of the figure's own clause; not 完成目标值（58万人）的83.8%)
        if NOW_CUE.search(clause):
            return False            # 目前，仍有9个…: how things stand, even under a plan's heading
        for expression in self._expressions(s_start):
            if expression.start >= start:
                break
            if expression.kind == "until" and (anchor is None or expression.period.end[0] >= anchor.year):
                return True
            if expression.kind == "flow" and anchor is not None and expression.period.start is not None \
                    and expression.period.start > anchor.end and last_part_break(text, expression.end, start) < 0 \
                    and not GOAL_AFTER.match(text, expression.end):     # (完成2025年中期目标值的83.8%: the goal's year)
                return True     # 双方签订协议，明确明年共同培训…: a time still ahead of the page is planned
        if PLAN_OPENING.match(text, p_start):
            return True
        for heading in headings:
            if heading.start <= start < heading.end:
                continue        # (the figure's own item line, 1.培训期数：目标值12期，实际完成14期: its clause decides)
            words = text[heading.start:heading.end]
            if PLAN_HEADING.search(words) and not REVIEW_HEADING.search(words):
                return True
        if self.document.is_plan:
            # A plan's review (一、基本情况; of the year before) stays an achievement.
            if any(REVIEW_SECTION.search(text, heading.start, heading.end) for heading in headings
                   if not heading.start <= start < heading.end):       # (a numbered item is no section)
                return False
            document_period = self.document.period
            return not (period is not None and document_period is not None and period.end < document_period.start)
        return False
