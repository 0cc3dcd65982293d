"""The number grammar on report wording: which quantities a text holds, with value, unit and qualifier.

One table, one line a case: (text, [(value, unit, qualifier)]); an empty list means nothing in the
text is a quantity.  tests/test_numbers.py tests the grammar expression by expression.
"""
from __future__ import annotations

import pytest

GRAMMAR = [
    # enumerations with 分别, lists of years or buildings, counters (10万+), durations
    ("分别比上年提高1.5、2.2和0.7个百分点", [(1.5, "百分点", "exact"), (2.2, "百分点", "exact"),
                                          (0.7, "百分点", "exact")]),
    ("分别为120、85和60万元", [(1200000, "元", "exact"), (850000, "元", "exact"), (600000, "元", "exact")]),
    ("于2023、2024年分别举办3场", [(3, "场", "exact")]),
    ("1、2号楼共建成站点12个", [(12, "个", "exact")]),
    ("阅读 10万+", []),
    ("在看 2186", []),
    ("推文阅读量达10万+", [(100000, None, "at_least")]),
    # counters set as cells of one header or footer line, after the source or beside each other
    ("2025-03-08　来源：某区妇联　　浏览：1,208次", []),
    ("阅读 5万+　在看 210　赞 860", []),
    ("来源：某县妇联 阅读 3200次 编辑：张某", []),
    ("推文阅读 5000次，覆盖全县妇女", [(5000, "次", "exact")]),   # a word of its own before 阅读: prose
    ("今年前4个月接待来访236件次", [(236, "件次", "exact")]),
    ("开展为期3个月的专项行动", []),
    # 来 as "about"; a duration is no quantity
    ("来参加的群众有2100来人", [(2100, "人", "approx")]),
    ("三十来个妇女报名", [(30, "个", "approx")]),
    ("接待30来访群众", []),
    ("为期5天的培训", []),
    ("历时3个月的专项行动", []),
    ("卖了2万多斤脐橙", [(20000, "斤", "at_least")]),
    # forms and budgets, scores and formulas, PDF line breaks, the length of a period just named
    ("所需经费：36万元", [(360000, "元", "exact")]),                # a form's label, then its figure
    ("8期×1.5万元/期=12万元", [(8, "期", "exact"), (120000, "元", "exact")]),  # the total of a budget line
    ("比分3：2", []),
    ("表彰“巾帼建功标兵”：45名", [(45, "名", "exact")]),         # a label may end in a closing quote
    ("参训人数（线上）：320人", [(320, "人", "exact")]),            # or a closing bracket
    ("开放时段“周末”：9:30", []),                                  # still no time after the colon
    ("男女比例（参考）：1:2", []),                                 # nor a ratio
    ("批号（2024）：7件", []),                                     # nor a code: the bracket holds no word
    ("代号“B”：15个", []),
    ("1+1=2", []),
    ("发放宣传册2.4万\n份，覆盖全县", [(24000, "份", "exact")]),  # a PDF line break inside the unit
    ("调处纠纷310件\n次日回访", [(310, "件", "exact")]),
    ("服务期为2024年1月至6月（共6个月）", []),                    # the length of the period just named
    ("志愿服务时长共1.2万小时", [(12000, "小时", "exact")]),
    # units of complaints and counselling, pagers and slogans, shares in 成, tables split by |
    ("调处家庭矛盾纠纷260余起", [(260, "起", "at_least")]),
    ("受理纠纷78宗", [(78, "宗", "exact")]),
    ("开展婚前辅导360对次", [(360, "对次", "exact")]),
    ("自2024起施行", []),
    ("1对1帮扶", []),
    ("共3条 每页20条 页次：1/1", []),
    ("共12篇 上一页 下一页", []),
    ("共5条 第1页", []),
    ("共8条 1/1页", []),
    ("全年受理信访线索5条", [(5, "条", "exact")]),
    ("全区实现5个100%目标", []),
    ("做到三个100%，即覆盖率100%", [(100, "%", "exact")]),
    ("志愿服务时长突破12万小时", [(120000, "小时", "at_least")]),
    ("参与人数约占注册志愿者总数的六成", [(60, "%", "approx")]),
    ("女职工占职工总数的46.5%", [(46.5, "%", "exact")]),
    ("参与人数达1.2万", [(12000, "人", "exact")]),
    ("1 | 培训人数 | 人次 | 1,200 | +8.5%", [(1200, "人次", "exact"), (8.5, "%", "exact")]),
    ("3 | 项目资金（万元） | 850 |", [(8500000, "元", "exact")]),
    ("4 | 新建妇女微家（个） | 48 |", [(48, "个", "exact")]),
    ("2 | 宣讲场次 | 356 | -3.2%", [(356, "场次", "exact"), (-3.2, "%", "exact")]),
    ("5 | 儿童之家覆盖率 | % | 82.5 | ≥95 |", [(82.5, "%", "exact"), (95, "%", "at_least")]),   # a rate row
    # ‰ is a unit as written, in prose and in a row's unit cell alike (千分之 is a share in %, above)
    ("全县新生儿死亡率为1.96‰", [(1.96, "‰", "exact")]),
    ("2 | 新生儿死亡率 | ‰ | 2.41 | ≤3 |", [(2.41, "‰", "exact"), (3, "‰", "at_most")]),
    ("6 | 村委会成员中女性比例（%） | 27.6 |", [(27.6, "%", "exact")]),
    # a header's bracket that goes on past its unit with a note (as of when, what is included)
    ("镇街｜儿童之家（个，截至6月底）｜资金（万元，含配套）\n东城街道｜24｜15", [(24, "个", "exact"),
                                                              (150000, "元", "exact")]),
    ("7 | 参训妇女（人次，含线上） | 860 |", [(860, "人次", "exact")]),
    ("序号 | 年份 | 2023 |", []),
    ("捐款万元", []),
    # fractions are shares in %, 倍 is a unit of its own
    ("参训人数比去年增加了四分之一", [(25, "%", "exact")]),
    ("超过五分之三的村建立了妇女议事会", [(60, "%", "at_least")]),
    ("婴儿死亡率降至千分之五", [(0.5, "%", "exact")]),
    ("贷款总额是去年的2.5倍", [(2.5, "倍", "exact")]),
    # a rate quoted from a plan after a goal verb is a goal, not a slogan
    ("女性比例实现“到2025年达到85%以上”", [(85, "%", "at_least")]),
    ("女性比例“稳定在45%左右”", [(45, "%", "approx")]),
    ("筛查率目标值≥90%", [(90, "%", "at_least")]),
    # cells set apart by runs of full-width spaces, the unit in the caption above the table
    ("（单位：%）\n项目　　2022年　　2024年\n两癌筛查覆盖率　　81.3　　≥88",
     [(81.3, "%", "exact"), (88, "%", "at_least")]),
    ("附表2（单位：万元）\n项目　　金额\n帮扶资金　　120", [(1200000, "元", "exact")]),
    ("（单位：%）\n年份　　2022　　2023", []),                       # a header row of years
    ("（单位：人）\n　　2024年，全县共有女性党员　　1200", []),        # a sentence, not a row
    ("　　2024年，全县新建妇女之家　36个", [(36, "个", "exact")]),     # indent and one space: prose
]


@pytest.mark.parametrize("text, expected", GRAMMAR, ids=[text for text, _ in GRAMMAR])
def test_grammar_mechanisms(text, expected):
    from fuhe_cli.normalise import normalise
    from fuhe_cli.numbers import find_quantities

    got = [(q.value, q.unit, q.qualifier) for q in find_quantities(normalise(text).text)]
    assert got == expected


def _table(rows: int, gap: str = "") -> str:
    """A flattened spreadsheet: a header row stating each column's unit, then `rows` data rows
    (the last a 合计 row), with `gap` inserted before the last one."""
    body = "".join(f"第{n}网格\t{100 + n}\t{n}\n" for n in range(1, rows))
    return f"网格\t走访家庭（户）\t调处纠纷（件）\n{body}{gap}合计\t9999\t77\n"


@pytest.mark.parametrize("text, expected", [
    (_table(3), [(9999, "户"), (77, "件")]),
    (_table(40), [(9999, "户"), (77, "件")]),       # forty rows down: still the same table
    (_table(40, gap="\n"), []),                     # a blank line ends the table
    (_table(40, gap="以下为汇总数。\n"), []),          # so does a prose line
], ids=["near", "far", "blank line", "prose line"])
def test_table_cells_take_the_unit_of_their_column_header_however_far_above(text, expected):
    from fuhe_cli.normalise import normalise
    from fuhe_cli.numbers import find_quantities

    got = [(q.value, q.unit) for q in find_quantities(normalise(text).text) if q.value in (9999, 77)]
    assert got == expected


# A report's table of indicators: a unit column for each row's counts, and columns whose header
# states a unit of its own (amounts in 万元, changes in %), with falls written with a minus sign.
_SIGNED_ROWS = [("家长学校授课", "期", "-12", "−8.0"), ("妇女微家走访", "户", "+30", "－2.5"),
                ("儿童之家活动", "场", "0", "3.1")]


def _indicator_table(break_: str) -> str:
    head = ["项目", "单位", "比上年增减", "经费（万元）", "同比（%）"]
    lines = [head] + [[name, unit, change, "1.5", rate] for name, unit, change, rate in _SIGNED_ROWS]
    if break_ == "|":
        return "".join("| " + " | ".join(cells) + " |\n" for cells in lines)
    return "".join(break_.join(cells) + "\n" for cells in lines)


@pytest.mark.parametrize("break_", ["|", "\t"], ids=["pipes", "tabs"])
def test_a_column_header_s_unit_wins_over_the_row_s_unit_cell_and_signs_are_kept(break_):
    from fuhe_cli.normalise import normalise
    from fuhe_cli.numbers import find_quantities

    text = _indicator_table(break_)
    got = [(q.value, q.unit, text[q.num_start:q.num_end]) for q in find_quantities(normalise(text).text)]
    assert got == [(-12, "期", "-12"), (15000, "元", "1.5"), (-8, "%", "−8.0"),
                   (30, "户", "+30"), (15000, "元", "1.5"), (-2.5, "%", "－2.5"),
                   (0, "场", "0"), (15000, "元", "1.5"), (3.1, "%", "3.1")]


def test_a_fall_in_prose_keeps_its_verb_and_a_positive_figure():
    from fuhe_cli.normalise import normalise
    from fuhe_cli.numbers import find_quantities

    got = [(q.value, q.unit) for q in find_quantities(normalise("受理信访件次同比下降4.6%，降幅收窄。").text)]
    assert got == [(4.6, "%")]     # 下降 says it falls: the figure is the size of the fall


def test_a_header_row_lower_in_a_table_overrides_the_one_above():
    from fuhe_cli.normalise import normalise
    from fuhe_cli.numbers import find_quantities

    text = "项目\t资金（万元）\n甲\t12\n项目\t人数（人）\n乙\t30\n"
    got = [(q.value, q.unit) for q in find_quantities(normalise(text).text)]
    assert got == [(120000, "元"), (30, "人")]
