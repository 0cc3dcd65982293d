"""Attribution of title, date, region and year; texts written for these tests."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from fuhe_cli.attribution import attribute
from fuhe_cli.layout import find_date, find_title, split_sections
from fuhe_cli.years import reporting_period


@dataclass
class Stub:
    start: int
    end: int


def facts_at(text: str, *numbers: str) -> list[Stub]:
    """Stand-in quantities on the first occurrence of each number (after the previous one)."""
    out, cursor = [], 0
    for number in numbers:
        start = text.index(number, cursor)
        out.append(Stub(start, start + len(number)))
        cursor = start + len(number)
    return out


COUNTY_REPORT = """首页 > 工作动态 > 正文

扬中市妇联2023年工作总结

发布时间：2024-01-05 09:30:00  来源：扬中市妇联

2023年，市妇联围绕中心工作，新建妇女微家45个，其中12个获评镇江市级示范微家。
全年开展家庭教育讲座160场，覆盖家长9000余人次。
镇江市妇联到我市调研时，对楼道妇建工作给予肯定。
"""


def test_county_report_keeps_county_against_parent_next_to_number():
    text = COUNTY_REPORT
    result = attribute(text, facts_at(text, "45个", "12个", "160场"))
    assert result.title == "扬中市妇联2023年工作总结"
    assert result.date == "2024-01-05"
    assert result.region.name == "扬中市"          # never silently 镇江市 or 江苏省
    assert [r.name for r in result.fact_regions] == ["扬中市", "扬中市", "扬中市"]
    assert result.year == 2023                      # reporting period from the title
    assert result.fact_years == [2023, 2023, 2023]


PROVINCE_REPORT = """四川省妇联推进川渝妇女工作协同发展

（2023年6月20日）

今年以来，全省各级妇联共举办培训班120期。南充与重庆合川区联合举办亲子阅读活动8场。
去年，全省建成儿童之家1.2万个。川渝两地共同发布公益项目30个。
在宜宾召开的现场会上，展示项目成果15项。

（省妇联）
"""


def test_child_region_in_sentence_overrides_but_not_a_location():
    text = PROVINCE_REPORT
    result = attribute(text, facts_at(text, "120期", "8场", "1.2万个", "30个", "15项"))
    assert result.region.name == "四川省"
    assert [r.name for r in result.fact_regions] == ["四川省", "南充市", "四川省", "四川省", "四川省"]
    assert result.date == "2023-06-20"
    # 今年 -> 2023, 去年 -> 2022 (carried to the next sentence of the paragraph);
    # a paragraph without a year -> None (never a guess)
    assert result.fact_years == [2023, 2023, 2022, 2022, None]
    assert result.year == 2023     # a dated page whose lead opens 今年以来 is that year's news


PAGE = """

本版导读

江苏扬中：妇女微家进楼道

□ 本报记者 张某某

近日，扬中市妇联在三茅街道召开推进会。目前全市已建成楼道妇女微家60余家，其中8家获评镇江市级示范点。

杭州萧山 巾帼共富工坊遍地开花

□ 本报记者 李某某 □ 王某

今年3月以来，萧山区妇联新建共富工坊26家，带动妇女就业1500余人。

广西出台维权工作新举措

本报记者 赵某 发自南宁 2022年，全区各级妇联共受理妇女儿童信访2300件。全区法院设立维权岗156个。

福建宁德开展普法宣传

本报记者 钱某 发自宁德 近日，宁德市妇联联合蕉城区司法局开展普法活动。活动当天发放资料3000余份。
"""


def test_multi_article_page():
    text = PAGE
    sections = split_sections(text)
    assert len(sections) == 4
    result = attribute(text, facts_at(text, "60余家", "8家", "26家", "1500余人", "2300件", "156个", "3000余份"))
    assert [s.region.name for s in result.sections] == ["扬中市", "萧山区", "广西壮族自治区", "宁德市"]
    assert [r.name for r in result.fact_regions] == [
        "扬中市", "扬中市", "萧山区", "萧山区", "广西壮族自治区", "广西壮族自治区", "宁德市"]
    # no page date: 今年 stays unknown; "2022年，" carries to the next sentence of its paragraph
    assert result.fact_years == [None, None, None, None, 2022, 2022, None]
    assert result.title == "江苏扬中：妇女微家进楼道"


def test_event_year_carries_to_following_sentences_but_a_dated_day_does_not():
    text = ("广东中山启动新风行动\n\n本报记者 孙某 发自中山 近日，中山市妇联举办了2023年婚育新风宣传启动仪式。"
            "通过开展30多项活动，引导家庭树立新风。共约400人参加。\n\n"
            "联盟于2022年10月成立。成立以来，已促进6家企业对接。\n")
    result = attribute(text, facts_at(text, "30多项", "400人", "6家"))
    assert result.fact_years == [2023, 2023, None]
    assert all(region.name == "中山市" for region in result.fact_regions)


@pytest.mark.parametrize("text, date", [
    ("某某网\n标题\n2023-09-22 22:53:00\n正文。", "2023-09-22"),
    ("标题\n（2024年1月8日）\n正文。", "2024-01-08"),
    ("标题\n发布日期：2022年06月20日\n正文。", "2022-06-20"),
    ("标题\n正文没有日期。", None),
    # the date figures stand at is not the document's; its signature is
    ("通报\n截至2023年12月31日，全市共有妇联组织1386个。\n\n市妇联\n2024年1月12日", "2024-01-12"),
    ("标题\n\n27.02.2015  19:57\n\n正文。", "2015-02-27"),       # day first, as some mirror sites write it
    # a site header's clock is the day the page was viewed
    ("某市妇女联合会　今天是：2025年6月18日　星期三\n标题\n发布时间：2025-06-16 09:30\n正文。", "2025-06-16"),
])
def test_dates(text, date):
    assert find_date(text) == date


def test_a_page_that_opens_with_its_body_has_no_title():
    text = "来源：某某网　发布时间：2013年01月25日\n6日，记者从省妇联获悉，过去的一年，全省带动5000名妇女就业。今年计划培训1200名。\n"
    assert find_title(text) is None


def test_title_skips_navigation_and_site_names():
    text = "鲁南网\n\n鲁南网\n\n您所在的位置：首页>妇联动态\n\n某县妇联召开执委会议\n\n来源：鲁南网\n"
    assert find_title(text) == "某县妇联召开执委会议"


def test_traditional_page_after_normalising():
    from fuhe_cli.normalise import normalise

    raw = "臺灣省婦聯會工作報告\n\n（2023年5月2日）\n\n今年，省婦聯舉辦講座36場。\n"
    text = normalise(raw).text
    result = attribute(text, facts_at(text, "36"))
    assert result.region.name == "台湾省"
    assert result.fact_years == [2023]


def test_unknown_region_is_none_not_a_guess():
    text = "工作简报\n\n本月共开展走访活动20次。\n"
    result = attribute(text, facts_at(text, "20次"))
    assert result.region is None and result.fact_regions == [None]
    assert result.fact_years == [None]


def test_gold_region_accuracy():
    import sys
    from pathlib import Path

    gold = Path("/work/shared/gold")
    if not gold.exists():
        pytest.skip("shared gold files not available")
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "score_regions", Path(__file__).resolve().parents[1] / "scripts" / "score_regions.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_regions"] = module
    spec.loader.exec_module(module)
    totals = module.score(gold, Path("/work/shared/seeds"))
    assert totals["region_accuracy"] >= 0.95
    assert totals["year_accuracy"] >= 0.9


def test_digest_paragraphs_and_lists_of_places():
    text = ("四川各地妇联动态\n\n发布日期：2023年3月10日\n\n"
            "【成都】成都市妇联开展宣讲活动120场。\n"
            "绵阳：市妇联举办专场招聘会5场。\n"
            "成都、绵阳等地妇联共建儿童之家260个。\n"
            "去年以来，全省培训骨干800名。\n")
    result = attribute(text, facts_at(text, "120场", "5场", "260个", "800名"))
    assert [r.name for r in result.fact_regions] == ["成都市", "绵阳市", "四川省", "四川省"]
    assert result.fact_years == [None, None, None, None]     # 去年以来 is a span, not a year


def test_reporter_phrase_in_body_does_not_start_an_article():
    text = ("冠县妇联推进电商行业妇联建设\n\n二、主要做法\n\n记者从县妇联获悉，全县已建成行业妇联12个。\n\n"
            "三、下步打算\n\n记者了解到，明年将再建5个。\n")
    assert len(split_sections(text)) == 1
    result = attribute(text, facts_at(text, "12个"))
    assert result.fact_regions[0].name == "冠县"


def test_newspaper_page_header_is_not_a_title():
    text = ("中国妇女报\n\n第3版：基层动态\n\n湖南宁远：巾帼田头助春耕\n\n"
            "3月16日，宁远县巾帼志愿服务队在田间传授技术，培训农民120人次。\n\n张某/文 李某/摄\n\n"
            "福建宁德 普法宣传进社区\n\n□ 记者 吴某\n\n近日，福建省宁德市妇联联合蕉城区妇联开展普法活动，发放资料2000余份。\n")
    result = attribute(text, facts_at(text, "120人次", "2000余份"))
    assert result.title == "湖南宁远：巾帼田头助春耕"
    assert [s.region.name for s in result.sections] == ["宁远县", "宁德市"]
    assert [r.name for r in result.fact_regions] == ["宁远县", "宁德市"]


# -- year mechanisms (own wording) ---------------------------------------------------------
def test_comparison_base_year_does_not_date_the_figure():
    text = "某县妇联2021年度工作总结\n\n2021年，全县新建妇女微家40个，比2020年多12个。\n"
    result = attribute(text, facts_at(text, "40个", "12个"))
    assert result.fact_years == [2021, 2021]


def test_stock_date_opening_dates_clauses_after_semicolon_and_later_paragraphs():
    text = ("某县妇联关于儿童之家的调研报告\n\n截止2022年6月底，全县建成儿童之家88个；"
            "建成妇女之家90个。\n抽查发现，有7个儿童之家无人管理。\n")
    result = attribute(text, facts_at(text, "88个", "90个", "7个"))
    assert result.fact_years == [2022, 2022, 2022]


def test_target_date_opening_is_no_period():
    text = "某县妇联2021年工作要点\n（2021年2月1日）\n\n到2025年底，全县建成示范点30个；培训妇女500人次。\n"
    result = attribute(text, facts_at(text, "500人次"))
    assert result.fact_years == [2021]


def test_as_of_now_is_the_document_year():
    text = "某市妇联通知\n（2022年4月9日）\n\n2021年，各地积极参与。截至目前，全市共有巾帼文明岗300个。\n"
    result = attribute(text, facts_at(text, "300个"))
    assert result.fact_years == [2022]


@pytest.mark.parametrize("title, year", [
    ("数字里的2023", 2023),
    ("某区妇联：技能培训让2000余名妇女端上“金饭碗”", None),     # a count, not a year
    ("2024人参加巾帼健步走", None),
])
def test_a_bare_year_in_a_title_is_its_period_but_a_count_is_not(title, year):
    assert reporting_period(title) == year


def test_a_plans_title_year_outweighs_the_review_heading_of_the_year_before():
    text = ("某县妇联2026年工作计划\n（2026年2月12日）\n\n一、2025年工作回顾\n2025年，全县举办宣讲会260场。\n"
            "二、2026年主要目标\n全年开展宣讲活动不少于300场。\n")
    result = attribute(text, facts_at(text, "260场", "不少于300场"))
    assert (result.year, result.fact_years) == (2026, [2025, 2026])


def test_reporting_period_stated_in_the_opening_or_a_heading():
    text = ("在某市妇联执委会议上的讲话\n（2022年1月10日）\n\n同志们：\n我代表常委会报告2021年工作。\n"
            "一、2021年工作回顾\n全市举办宣讲会500场。\n")
    result = attribute(text, facts_at(text, "500场"))
    assert result.fact_years == [2021]


def test_the_year_a_speech_says_it_reviews_is_its_reporting_year_with_a_subject_between():
    text = ("在2025年全县妇联工作会议上的讲话\n（2025年1月20日）\n\n同志们：\n"
            "这次会议的主要任务是回顾2024年全县妇联工作，部署2025年任务。\n全县举办宣讲会320场。\n")
    result = attribute(text, facts_at(text, "320场"))
    assert (result.year, result.fact_years) == (2024, [2024])


def test_one_year_sentence_after_a_span_opening_dates_the_article():
    text = ("某县巾帼行动综述\n\n近几年来，县妇联持续发力。2022年，全县培育女能人50名。\n"
            "县妇联还建成示范基地6个。\n")
    result = attribute(text, facts_at(text, "50名", "6个"))
    assert result.fact_years == [2022, 2022]


def test_annual_header_line_under_a_letterhead_states_the_period():
    # The document's own title stands below its issuing office's letterhead; 年度 alone is annual.
    from fuhe_cli.attribution import attribute
    from fuhe_cli.numbers import find_quantities

    for header, year in (("某县妇女联合会文件\n关于2022年全县妇联工作情况的报告\n", 2022),
                         ("附件\n2021年度各乡镇妇联工作统计表\n", 2021)):
        text = header + "\n全县开展巾帼宣讲120场，培训妇女800人次。\n"
        quantities = find_quantities(text)
        result = attribute(text, quantities)
        assert result.year == year
        assert result.fact_years == [year] * len(quantities) and quantities
    text = "全县妇联工作情况\n\n开展宣讲120场，2021年度考核优秀。\n"
    assert attribute(text, find_quantities(text)).year is None  # a body sentence is not a header


def test_list_leads_are_the_lead_patterns_matches():
    """layout.list_leads finds the leads from the item lines after them: the matches of
    LIST_LEAD.finditer, in every corpus and example text and in made-up ones."""
    import random
    from pathlib import Path

    from fuhe_cli.layout import LIST_LEAD, list_leads

    root = Path(__file__).resolve().parent
    texts = ["\n" + path.read_text(encoding="utf-8", errors="replace")
             for path in sorted((root / "corpus").glob("*.txt")) + sorted((root.parent / "examples").rglob("*.txt"))]
    chance = random.Random(15)
    marks = list("\n\n\n：:  \t\u3000一二三是第，、①⑳⑤ab活动情况如下")
    texts += ["".join(chance.choice(marks) for _ in range(chance.randint(0, 160))) for _ in range(3000)]
    for text in texts:
        assert [(m.span(), m.span(1)) for m in list_leads(text)] == \
            [(m.span(), m.span(1)) for m in LIST_LEAD.finditer(text)]


# A page of news items whose headlines name no place: each headline is known by the news lead
# under it (an agency's or a site's dateline, with or without a byline bracket).
NEWS_LEAD_PAGE = """黔东日报　2025年6月10日　第2版
凯里市：妇女微家进社区
本报讯（记者 杨某）今年以来，凯里市妇联新建妇女微家42个，服务妇女2100人次。
春风化雨润万家
人民网贵阳6月9日电（吴某）1至5月，镇远县妇联开展家庭教育讲座36场，惠及家长1800名。
巾帼志愿在行动
东南网6月8日讯（通讯员 潘某）6月7日，台江县妇联组织志愿者150名开展义诊。
绣出幸福生活
中新网黔东南6月8日电 近日，雷山县妇联举办苗绣培训班4期。
"""


def test_a_headline_naming_no_place_starts_an_article_when_a_news_lead_follows():
    text = NEWS_LEAD_PAGE
    sections = split_sections(text)
    assert [text[s.title_start:s.headline_end] for s in sections] == [
        "凯里市：妇女微家进社区", "春风化雨润万家", "巾帼志愿在行动", "绣出幸福生活"]
    result = attribute(text, facts_at(text, "42个", "36场", "150名", "4期"))
    # each article is the place its lead names, not the city it was filed from (贵阳, 黔东南)
    assert [r.name for r in result.fact_regions] == ["凯里市", "镇远县", "台江县", "雷山县"]


def test_a_second_dateline_inside_one_report_starts_no_article():
    # under the numbered headings of the report (二、… （一）…): they head its parts, no other article
    text = ("从江县妇联2025年上半年工作情况\n新华社贵阳7月2日电 上半年，从江县妇联培训妇女1200人次。\n"
            "二、典型经验\n本报贵阳7月1日电 从江县妇联“巾帼家政”品牌带动妇女就业300人。\n"
            "（一）巾帼家政\n人民网贵阳6月30日电 从江县妇联还为困难妇女发放慰问金8万元。\n")
    assert len(split_sections(text)) == 1


def test_a_news_leads_months_of_this_year_date_its_paragraph_and_the_one_going_on_from_it():
    # 1至5月 after the dateline, on a page of June: this year's months, for the later sentence of
    # its paragraph and for 此外，… after it, as for the sentence it opens
    text = ("黔东日报　2025年6月10日　第2版\n春风化雨润万家\n"
            "人民网贵阳6月9日电（吴某）1至5月，镇远县妇联开展家庭教育讲座36场。县妇联还培训家长800名。\n"
            "此外，县妇联为困难家庭送去慰问金4万元。\n")
    result = attribute(text, facts_at(text, "36场", "800名", "4万元"))
    assert result.fact_years == [2025, 2025, 2025]
    # not a span's paragraph whose year a later sentence gives: 近几年来，…。2022年，…
    text = ("黔东日报　2025年6月10日　第2版\n春风化雨润万家\n"
            "人民网贵阳6月9日电 近几年来，镇远县妇联开展讲座36场。2022年，县妇联培训家长800名。\n")
    result = attribute(text, facts_at(text, "36场", "800名"))
    assert result.fact_years == [None, 2022]
