"""Look-alike numbers that are not statistics: find_quantities must report nothing for them.

The tables are grouped by the mechanism that should reject them, so a failure names the
mechanism that broke.  The shared gold `not_facts` and the numeric-cases `neg` rows are
checked at the bottom (skipped when /work/shared is absent).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from fuhe_cli.numbers import find_quantities

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

NOT_FACTS = {
    "dates and years": [
        "2022年以来全市妇联系统", "会议于6月18日在市委党校召开", "发布时间：2022-11-30 09:45:12",
        "今年4月以来", "二〇二二年度工作要点", "截至2023年底", "2021-2025年妇女发展规划",
        "11月中旬启动", "去年10月份成立", "2023年度考核",
    ],
    "durations": ["十年来妇联工作成绩显著", "近三年来", "未来五年", "三年多来持续推进", "今后三年"],
    "ordinals": ["第十二次妇女代表大会", "第一书记", "首届巾帼论坛", "首家社区妇联", "第三批试点",
                 "第6期简报", "排名第2位", "荣获第一名"],
    "N大 labels and congress numbers": ["党的十九大以来", "实施六大工程", "评选十大最美家庭",
                                        "3大行动同步推进", "二十届三中全会精神"],
    "plan and slogan names": ["“十四五”时期", "落实“1234”工作思路", "争当三八红旗手", "两癌免费检查",
                              "两新组织", "四新领域", "一对一结对", "三孩政策", "“百千万”工程",
                              "一中心多站点", "两个确立", "四个自信", "五个一工程", "双百行动"],
    "formulas and codes": ["实现1+1>2的效果", "8+N联动机制", "“1+3+N”服务模式", "12+1模式",
                           "G20峰会", "5G信号覆盖", "鄂ICP备05003330号", "苏府办〔2022〕18号文件",
                           "网址http://www.fulian.gov.cn/2023/0312/c123.html",
                           "联系邮箱fulian2023@126.com"],
    "times, ages and generations": ["开放时间9:00-17:30", "60岁以上老人", "90后妈妈", "00后志愿者",
                                    "每天8:30开始"],
    "phone and hotline numbers": ["拨打12338热线", "咨询电话0571-87654321", "热线96111全天开通",
                                  "联系电话13800138000",
                                  # a unit character opening the rest of the line's name
                                  "开通12338家庭维权服务热线", "依托96111家政服务专线"],
    "print runs": ["送：各乡镇妇联　　　　共印40份", "印数：60份"],
    "page counters and placeholders": ["浏览次数：3456", "阅读 892", "点击数：17", "X场次", "XX人",
                                       "__年__月", "共N个"],
    "vague numbers": ["数千名群众", "几十个社区", "数百家企业", "上万人次", "成千上万的家庭",
                      "十几个部门", "一批骨干", "千家万户", "万众一心"],
    "indefinites and enumeration counts": ["一场别开生面的讲座", "组建一支队伍", "一个客户", "一套制度",
                                            "三篇文章", "四个维度", "五项品牌", "六类群体", "三大板块",
                                            "两类试点", "三项机制", "四级联动", "三级网络", "一份责任",
                                            "七个方面", "八项规定",
                                            # with a qualifier too: still a count written in words
                                            "每月都要组织三次以上的走访", "十多名学员正在练习插花",
                                            "两个左右的专题"],
    "quoted names": ["“十五分钟服务圈”", "“一村一品”", "打造“幸福100”品牌", "打造“100%满意”服务窗口",
                     "争创“双90%”目标", "推行“三分之一”工作法", "“达到3510”行动"],
    "cells without a unit": ["序号　　1　　2　　3", "（单位：%）\n年份　　2022　　2023"],
    "words that end in a unit character": ["2周年纪念", "2024元旦", "二十四节气", "十一期间", "3倍感温暖"],
    "slogans built from counts": ["推进4个一工程", "落实三个一批", "开通24小时服务热线",
                                  "365天不打烊"],
    # a heading line (after an emoji, a bullet or a heading number) naming its section by the
    # count of its items, as a title does in quotes (“6项举措”)
    "section names opening a heading line": ["今年成效如下。\n⭐ 6项举措护成长\n全县妇联持续用力。",
                                             "三、4个聚焦谋发展\n全县妇联持续用力。",
                                             "工作回顾\n▶ 8件实事惠民生"],
}

CASES = [pytest.param(text, id=f"{group}: {text}") for group, texts in NOT_FACTS.items() for text in texts]


@pytest.mark.parametrize("text", CASES)
def test_not_a_fact(text):
    found = find_quantities(text)
    assert found == [], [(q.number, q.value, q.unit) for q in found]


# The same look-alikes next to a real figure: the figure survives, the look-alike does not.
NEXT_TO = [
    ("2023年，全市开展家庭教育讲座312场", 312, "场"),
    ("第十二次妇代会以来，新建妇女之家86个", 86, "个"),
    ("实施“两癌”筛查，惠及妇女1.6万人", 16000, "人"),
    ("拨打12338热线的群众达2100人次", 2100, "人次"),
    ("全年接听12346个热线电话", 12346, "个"),
    ("共印发家庭教育宣传册2000份", 2000, "份"),
    ("全年培训妇女12345人，开通服务热线", 12345, "人"),
    ("落实“十四五”规划，投入资金500万元", 5000000, "元"),
    ("三大行动带动就业3000余人", 3000, "人"),
    ("今年3月以来，受理信访56件", 56, "件"),
    ("每年组织两场以上的比武，参赛选手三十余名", 30, "名"),
    # in a sentence, the count of items is a figure
    ("全年完成6项重点任务", 6, "项"),
]


@pytest.mark.parametrize("text,value,unit", NEXT_TO, ids=[row[0] for row in NEXT_TO])
def test_fact_survives_next_to_look_alike(text, value, unit):
    found = find_quantities(text)
    assert [(q.value, q.unit) for q in found] == [(value, unit)]


def _gold_not_facts():
    gold_dir = SHARED / "gold"
    if not gold_dir.is_dir():
        return [pytest.param(None, None, None, marks=pytest.mark.skip(reason="shared gold absent"))]
    import yaml

    params = []
    for path in sorted(gold_dir.glob("*.yaml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in gold.get("not_facts") or []:
            found = re.match(r"L(\d+): (.+?) — ", entry)
            if found:
                params.append(pytest.param(gold["doc"], int(found.group(1)), found.group(2),
                                           id=f"{gold['doc'][:3]} {entry[:40]}"))
    return params


@pytest.mark.parametrize("doc,line,phrase", _gold_not_facts())
def test_gold_not_facts(doc, line, phrase):
    lines = (SHARED / "seeds" / doc).read_text(encoding="utf-8").split("\n")
    text = lines[line - 1]
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(phrase), text)]
    if not spans:
        pytest.skip(f"phrase not on line {line}")
    for quantity in find_quantities(text):
        for start, end in spans:
            # A reported quantity may touch the phrase (…女能人100名) but not start inside it.
            assert not (start <= quantity.num_start < end), (phrase, quantity.number, quantity.unit)


def _negative_numeric_cases():
    path = SHARED / "external" / "numeric-cases.yaml"
    if not path.exists():
        return [pytest.param(None, marks=pytest.mark.skip(reason="shared numeric-cases absent"))]
    import yaml

    cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    return [pytest.param(case["text"], id=case["text"]) for case in cases if case["value"] is None]


@pytest.mark.parametrize("text", _negative_numeric_cases())
def test_shared_negative_cases(text):
    assert find_quantities(text) == []
