"""The year a figure belongs to: the mechanisms that date it, on short texts."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_scoring import region_and_year_misses  # noqa: E402  (one check for report shapes)


def last_fact_year(text: str) -> int | None:
    """The year fuhe gives the last figure of a short text."""
    from fuhe_cli.extract import extract_text

    document = extract_text(text)
    assert document.facts, "no figure found"
    return document.facts[-1].year


# (text, year of the last figure)
YEARS = [
    # A paragraph that opens with its period dates the paragraphs after it; a month-only
    # signature dates 今年; a title naming a period over a longer subject still gives the period.
    ("市妇联工作情况\n2024-03-28\n\n2023年，全市妇联扎实开展工作。\n全年培训妇女3400人次。", 2023),
    ("市妇联工作情况\n2024-03-28\n\n全市妇联扎实开展工作。\n全年培训妇女3400人次。", None),
    ("家庭教育专题报告\n嘉兴市妇联\n2023年12月\n\n今年1至11月，开展活动3600余场次。", 2023),
    ("2023年宜昌市妇女儿童发展规划监测统计报告\n\n一、健康\n全市共有儿童之家1392个。", 2023),
    # A period clause inside the opening paragraph, the day a news lead opens with, a bare year in
    # a title, a form's period field; a page's publication date alone still dates nothing (never a guess).
    ("关于城乡妇女创业情况的调研\n\n为摸清底数，2023年9月至10月，市妇联组织力量开展调研。\n"
     "共走访女性创业主体86家。", 2023),
    ("结对帮扶结硕果\n\n某县妇联与爱心企业自2019年结对以来，合作不断深化。2022年，双方联合开展活动15场。\n"
     "在技能培训方面，共培训妇女320人次。", 2022),
    ("区妇联举办家庭文明建设推进会\n\n2023年11月8日上午，推进会在区会议中心召开。\n"
     "会上为20户“最美家庭”颁奖。", 2023),
    ("回眸2022 | 县妇联工作掠影\n\n各级妇联组织开展宣讲80场。", 2022),
    ("县妇联工作动态\n发布时间：2024-05-06\n\n各级妇联累计开展宣讲80场。", None),
    ("县妇联2023-2025年妇女发展行动计划\n\n计划培训妇女800人次。", None),
    # a form's period field (实施周期, 项目周期), within one year only; a publication date is none
    ("家庭教育服务项目实施方案\n实施周期：2023年5月—2023年11月\n\n开展家长课堂12期。", 2023),
    ("家庭教育服务项目实施方案\n实施周期：2023年5月—2024年4月\n\n开展家长课堂12期。", None),
    ("县妇联动态\n发布时间：2024年5月6日\n\n各级妇联累计开展宣讲80场。", None),
    # A clause that is only a day, a month or a quarter is dated from the document's date the way
    # 今年 is (the latest such time up to that date); 自2018年…以来 starts a span.
    ("县妇联工作动态\n2023年6月20日\n\n6月15日，县妇联举办专题讲座，参加妇女180人。", 2023),
    ("市妇联简报\n2024年1月10日\n\n12月28日，市妇联走访慰问困难妇女85户。", 2023),
    ("区妇联信息\n2024年7月5日\n\n二季度，区妇联开展家庭教育活动26场。", 2024),
    ("区妇联信息\n2024年7月5日\n\n5月以来，区妇联开展家庭教育活动26场。", 2024),
    ("县妇联信息\n2024年7月5日\n\n自2018年开展“春蕾行动”以来，累计资助女童530名。", None),
    ("6月15日，县妇联举办专题讲座，参加妇女180人。", None),   # no document date: nothing to anchor
]


@pytest.mark.parametrize("text, year", YEARS, ids=range(len(YEARS)))
def test_year_mechanisms(text, year):
    assert last_fact_year(text) == year


# Report shapes, one mechanism a case, with the region beside the year: (text, [(figure, region, year)]).
SHAPES = [
    # a plan paragraph (今后，…将…) is of no reporting period
    ("南平市妇联2023年工作总结\n\n全年培训妇女2000人次。\n\n今后，市妇联将新建婚姻家庭调解室10个。\n",
     [("2000人次", "南平市", 2023), ("10个", "南平市", None)]),
    # a period opening the sentence dates the clauses after its semicolon
    ("常德市妇联工作情况\n\n2023年1至9月，全市开展宣讲860场；举办培训45期。\n", [("45期", "常德市", 2023)]),
    # a year behind 其中 breaks a total down; it does not date the total
    ("嘉兴市妇联工作简报\n2024-01-08\n\n近三年，全市共建成妇女微家1200个，其中2021年300个、2022年400个。\n",
     [("1200个", "嘉兴市", None), ("300个", "嘉兴市", 2021)]),
]


@pytest.mark.parametrize("text, expected", SHAPES, ids=range(len(SHAPES)))
def test_year_of_report_shapes(text, expected):
    assert not region_and_year_misses(text, expected)


def test_the_lookahead_of_period_openings_changes_no_match():
    """PERIOD_OPENING looks ahead for the characters an opening (or a lead-in and an opening)
    starts with, a speed-up only: without it the same lines match, with the same groups, in every
    corpus and example text."""
    import re

    from fuhe_cli.reading import read_source
    from fuhe_cli.years import _OPENING_FIRST, PERIOD_OPENING

    guard = f"(?={_OPENING_FIRST}|[^，,。；;！？\\n]{{1,8}}[，,]{_OPENING_FIRST}|[记笔从日据])"
    assert PERIOD_OPENING.pattern.count(guard) == 1
    bare = re.compile(PERIOD_OPENING.pattern.replace(guard, ""), re.MULTILINE)
    root = Path(__file__).parent.parent
    paths = sorted((root / "tests" / "corpus").glob("*.txt")) + sorted((root / "examples").glob("**/*.txt"))
    texts = [read_source(str(path)).text for path in paths]
    texts.append("据了解，2023年，全县…\n  ▲ 今年以来，…\n截至\n2024年5月底，…\n近三年来，…\n3月以来，…\n全县妇联，去年，…\n"
                 "11月25日是“国际消除家庭暴力日”。记者从某市妇联了解到，今年以来，…\n日前从县妇联获悉，2024年，…")
    assert len(texts) > 50
    for text in texts:
        assert [(m.span(), m.groups()) for m in PERIOD_OPENING.finditer(text)] == \
            [(m.span(), m.groups()) for m in bare.finditer(text)]
