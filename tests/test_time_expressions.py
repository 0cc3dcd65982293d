"""The table of time expressions: each phrase, read against a document's date, names one period."""
from __future__ import annotations

import pytest

from fuhe_cli.time_expressions import Anchor, Period, find_time_expressions, read_period

MAY_2024 = Anchor(2024, 5)
DEC_2024 = Anchor(2024, 12)

# (phrase, anchor, kind, start, end): start None is a stock counted at end.
CASES = [
    ("2024年上半年", None, "flow", (2024, 1), (2024, 6)),
    ("2024年下半年", None, "flow", (2024, 7), (2024, 12)),
    ("2022年前三季度", None, "flow", (2022, 1), (2022, 9)),
    ("2023年第一季度", None, "flow", (2023, 1), (2023, 3)),
    ("今年二季度", MAY_2024, "flow", (2024, 4), (2024, 6)),
    ("2024年1-9月", None, "flow", (2024, 1), (2024, 9)),
    ("2024年1至9月份", None, "flow", (2024, 1), (2024, 9)),
    ("2024年4月至5月", None, "flow", (2024, 4), (2024, 5)),
    ("2023年3月至2024年2月", None, "flow", (2023, 3), (2024, 2)),
    ("今年4月至6月", DEC_2024, "flow", (2024, 4), (2024, 6)),     # 今年 names the year of both months
    ("去年11月至今年2月", MAY_2024, "flow", (2023, 11), (2024, 2)),
    ("1-4月", MAY_2024, "flow", (2024, 1), (2024, 4)),
    ("前5个月", MAY_2024, "flow", (2024, 1), (2024, 5)),
    ("前三季度", MAY_2024, "flow", (2023, 1), (2023, 9)),     # not reached yet this year: last year's
    ("2023年", None, "flow", (2023, 1), (2023, 12)),
    ("2023年度", None, "flow", (2023, 1), (2023, 12)),
    ("去年", MAY_2024, "flow", (2023, 1), (2023, 12)),
    ("今年", DEC_2024, "flow", (2024, 1), (2024, 12)),
    ("今年", MAY_2024, "flow", (2024, 1), (2024, 5)),         # so far: the page is dated in May
    ("今年以来", MAY_2024, "since", (2024, 1), (2024, 5)),
    ("今年3月以来", MAY_2024, "since", (2024, 3), (2024, 5)),
    ("2021年以来", MAY_2024, "since", (2021, 1), (2024, 5)),
    ("自2019年实施“春蕾计划”以来", MAY_2024, "since", (2019, 1), (2024, 5)),
    ("2023年9月市第十次妇女代表大会召开以来", MAY_2024, "since", (2023, 9), (2024, 5)),   # no 自, more words
    ("2018年项目启动以来", MAY_2024, "since", (2018, 1), (2024, 5)),                   # a year, no 自, a few words
    ("2019年至2023年", None, "flow", (2019, 1), (2023, 12)),
    ("2019—2023年", None, "flow", (2019, 1), (2023, 12)),
    ("2019-2023年", None, "flow", (2019, 1), (2023, 12)),
    ("五年来", DEC_2024, "flow", (2020, 1), (2024, 12)),
    ("过去五年", DEC_2024, "flow", (2020, 1), (2024, 12)),
    ("近三年", DEC_2024, "flow", (2022, 1), (2024, 12)),
    ("本届以来", DEC_2024, "flow", (2020, 1), (2024, 12)),
    ("五年来", Anchor(2022, 1), "flow", (2017, 1), (2021, 12)),     # a congress in January: five whole years
    ("9月底前", MAY_2024, "until", None, (2024, 9)),                # a deadline within the year
    ("3月底前", MAY_2024, "until", None, (2025, 3)),                # deadlines lie ahead
    ("2024年9月前", None, "until", None, (2024, 9)),
    ("年内", MAY_2024, "flow", (2024, 1), (2024, 12)),
    ("“十四五”以来", Anchor(2024, 11), "since", (2021, 1), (2024, 11)),
    ("暑期", Anchor(2024, 9), "flow", (2024, 7), (2024, 8)),           # seasons and festivals: their months
    ("2024年半年", MAY_2024, "flow", (2024, 1), (2024, 6)),          # a year's 半年 (工作总结): the first half
    ("寒暑假期间", Anchor(2024, 9), "flow", (2024, 1), (2024, 8)),     # both holidays: one span, not the summer
    ("今年“三八”期间", MAY_2024, "flow", (2024, 3), (2024, 3)),
    ("元旦春节期间", MAY_2024, "flow", (2024, 1), (2024, 2)),
    ("“六一”前夕", Anchor(2024, 7), "flow", (2024, 5), (2024, 6)),      # the run-up to 1 June
    ("元旦春节期间", Anchor(2026, 1), "flow", (2026, 1), (2026, 2)),   # under way on the page's date: this one
    ("“六一”前夕", Anchor(2024, 5), "flow", (2024, 5), (2024, 6)),      # (begun in May), not last year's
    ("“99公益日”期间", MAY_2024, "flow", (2023, 9), (2023, 9)),         # the online giving days of September
    ("“三八”维权周期间", MAY_2024, "flow", (2024, 3), (2024, 3)),       # the festival's week
    ("重阳节期间", Anchor(2024, 12), "flow", (2024, 10), (2024, 10)),
    ("年末", DEC_2024, "stock", None, (2024, 12)),
    ("本月", MAY_2024, "flow", (2024, 5), (2024, 5)),
    ("上年同期", MAY_2024, "flow", (2023, 1), (2023, 5)),
    ("次年", DEC_2024, "flow", (2025, 1), (2025, 12)),
    ("十三五期间", None, "flow", (2016, 1), (2020, 12)),
    ("近三年", Anchor(2024, 3), "flow", (2021, 1), (2023, 12)),
    ("过去五年", MAY_2024, "flow", (2020, 1), (2024, 5)),
    ("截至2024年6月底", None, "stock", None, (2024, 6)),
    ("截止到2023年末", None, "stock", None, (2023, 12)),
    ("截至2023年底", None, "stock", None, (2023, 12)),
    ("截至年底", Anchor(2024, 12, period_year=2024), "stock", None, (2024, 12)),   # the reporting year's end
    ("截至6月底", MAY_2024, "stock", None, (2023, 6)),
    ("截至目前", MAY_2024, "stock", None, (2024, 5)),
    ("2023年底", None, "stock", None, (2023, 12)),
    ("到2025年底", None, "until", None, (2025, 12)),
    ("到今年底", MAY_2024, "until", None, (2024, 12)),      # a deadline ahead, not a count at a date
    ("到明年末", MAY_2024, "until", None, (2025, 12)),
    ("本季度", Anchor(2026, 9), "flow", (2026, 7), (2026, 9)),       # the quarter of the page's month
    ("当季度", MAY_2024, "flow", (2024, 4), (2024, 6)),
    # a January speech that reviews last year: 到明年底 is next year's end from the speech's date, 到年底 the reviewed year's
    ("到明年底", Anchor(2026, 1, period_year=2025), "until", None, (2027, 12)),
    ("到今年底", Anchor(2026, 1, period_year=2025), "until", None, (2026, 12)),
    ("2022年10月", None, "flow", (2022, 10), (2022, 10)),
    ("4月12日", MAY_2024, "flow", (2024, 4), (2024, 4)),
    ("十二月", MAY_2024, "flow", (2023, 12), (2023, 12)),
    ("两年累计", DEC_2024, "flow", (2023, 1), (2024, 12)),
    ("四年内", MAY_2024, "flow", (2024, 1), (2027, 12)),
]


@pytest.mark.parametrize("phrase, anchor, kind, start, end", CASES)
def test_time_expression_names_its_period(phrase, anchor, kind, start, end):
    found = find_time_expressions(phrase, anchor)
    assert len(found) == 1, found
    assert (found[0].kind, found[0].period) == (kind, Period(start, end))
    assert (found[0].start, found[0].end) == (0, len(phrase)), "the whole phrase is the expression"


# Expressions as they stand among other words: (text, anchor, [(expression, start, end)]).
IN_TEXT = [
    ("7月来电95个，8月103个，9月88个", MAY_2024,
     [("7月", (2023, 7), (2023, 7)), ("8月", (2023, 8), (2023, 8)), ("9月", (2023, 9), (2023, 9))]),
    ("3月8日前后开展活动186场", MAY_2024, [("3月8日", (2024, 3), (2024, 3))]),     # a day, not 日前
    ("日前，开展活动12场", MAY_2024, [("日前", (2024, 5), (2024, 5))]),
    ("在第115个“三八”国际妇女节到来之际，开展活动", MAY_2024, [("“三八”国际妇女节到来之际", (2024, 3), (2024, 3))]),
    ("围绕“三八”国际妇女节，开展活动", MAY_2024, [("“三八”国际妇女节", (2024, 3), (2024, 3))]),
    ("仅2023年春节就筹集资金50万元", MAY_2024, [("2023年春节", (2023, 1), (2023, 2))]),   # the festival, not the year
    ("春节时间紧，任务重", MAY_2024, []),
    ("评选三八红旗手20名", MAY_2024, []),                       # an honour, not the festival
    ("二、重点任务\n8.9月底前完成换届", MAY_2024, [("9月底前", (2024, 9), (2024, 9))]),  # item 8, a deadline
]


@pytest.mark.parametrize("text, anchor, expected", IN_TEXT, ids=[row[0] for row in IN_TEXT])
def test_time_expressions_among_other_words(text, anchor, expected):
    found = [(text[e.start:e.end], e.period.start or e.period.end, e.period.end)
             for e in find_time_expressions(text, anchor)]
    assert found == expected


# Words that look like time but name no period of a figure.
NOT_PERIODS = [
    ("3年", DEC_2024),           # a duration
    ("80年代", None),
    ("今年以来", None),           # relative, and the document is undated
    ("五年来", None),
    ("每月", MAY_2024),
    ("3个月", MAY_2024),
    ("13月", MAY_2024),
    ("2025年以来", MAY_2024),     # a span that starts after the document's date
]


@pytest.mark.parametrize("phrase, anchor", NOT_PERIODS)
def test_words_that_name_no_period(phrase, anchor):
    assert read_period(phrase, anchor) is None


@pytest.mark.parametrize("period, label, year", [
    (Period((2023, 1), (2023, 12)), "2023", 2023),
    (Period((2024, 1), (2024, 6)), "2024-01–06", 2024),
    (Period((2024, 4), (2024, 4)), "2024-04", 2024),
    (Period((2019, 1), (2023, 12)), "2019–2023", None),
    (Period((2019, 3), (2024, 5)), "2019-03–2024-05", None),
    (Period(None, (2024, 6)), "at 2024-06", 2024),
])
def test_period_labels_and_calendar_year(period, label, year):
    assert period.label() == label
    assert period.year == year
    assert Period.from_json(period.as_json()) == period


def test_issue_numbers_and_datelines_are_no_periods():
    assert read_period("市妇联简报（2023年第8期）") is None
    assert read_period("本报南宁6月1日电", MAY_2024) is None
    assert read_period("其中2021年300个") == Period((2021, 1), (2021, 12))


def test_zoned_scan_finds_what_a_scan_of_the_whole_text_finds():
    """The pattern runs only near 年/月/季/截/届/底/末; on every report text of the corpus, and
    with figures far from any such mark, the expressions are those of a scan of the whole text."""
    from pathlib import Path

    from fuhe_cli.time_expressions import _expressions_in, pattern_expressions

    from fuhe_cli.reading import read_source

    texts = [read_source(str(path)).text for path in sorted((Path(__file__).parent / "corpus").glob("*.txt"))]
    texts.append("开展活动" * 40 + "2019 — 2023年累计" + "培训" * 30 + "截至目前" + "x" * 50 + "10—12月份共")
    assert len(texts) > 50
    for text in texts:
        for anchor in (None, MAY_2024, DEC_2024):
            assert pattern_expressions(text, anchor, 0, len(text)) == _expressions_in(text, anchor, 0, 0, len(text))


def test_the_lookaheads_opening_each_kind_of_expression_change_no_match():
    """Each alternative of the pattern opens with a lookahead of what it must start with (a
    speed-up only): without them the pattern finds the same matches, with the same groups, in
    every report text of the corpus and the examples."""
    import re
    from pathlib import Path

    from fuhe_cli.reading import read_source
    from fuhe_cli.time_expressions import PATTERN

    bare = re.compile(re.sub(r"(?<=[(:|])\(\?=[^()]*\)(?=\(\?P<)", "", PATTERN.pattern))
    assert bare.pattern.count("(?=") == 1 < PATTERN.pattern.count("(?=")    # only the opening one is left
    root = Path(__file__).parent.parent
    paths = sorted((root / "tests" / "corpus").glob("*.txt")) + sorted((root / "examples").glob("**/*.txt"))
    texts = [read_source(str(path)).text for path in paths]
    texts.append("2019 — 2023年、今年4月至6月、截止到2023年末、到年底、到今年底、年底前、9月底前、自2021年11月以来、"
                 "今后五年、近5年来、本届以来、前5个月、第三季度、1季度、年内、3月份12日、去年底、年末、当月、"
                 "上年同期、上一年度、翌年、次年、来年、2024年半年、寒暑假期间、截至年底\n8.9月底前")
    assert len(texts) > 50
    for text in texts:
        assert [(m.span(), m.groups()) for m in PATTERN.finditer(text)] == \
            [(m.span(), m.groups()) for m in bare.finditer(text)]


def test_a_campaign_named_after_a_season_is_no_window():
    assert find_time_expressions("开展“暑期护童”行动", MAY_2024) == []
    assert find_time_expressions("表彰三八红旗手", MAY_2024) == []


def test_half_a_year_without_a_year_before_it_is_a_duration():
    for text in ("每半年开展一次督查", "近半年", "半年内完成验收", "培训时间为半年"):
        assert find_time_expressions(text, MAY_2024) == [], text


def test_now_words_are_stocks_at_the_date_unless_part_of_another_expression():
    text = "目前，全县共有妇女之家320个；截至目前，已建成儿童之家86个，当前仍在推进。"
    found = [(text[e.start:e.end], e.kind, e.period) for e in find_time_expressions(text, MAY_2024)]
    at_may = Period(None, (2024, 5))
    assert found == [("目前", "stock", at_may), ("截至目前", "stock", at_may), ("当前", "stock", at_may)]
    assert find_time_expressions(text, None) == []
