"""Normalise: every repair, its original offsets, and the map back to the input."""
from __future__ import annotations


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fuhe_cli.normalise import Normalised, Repair, normalise


def _check_map(source: str, result: Normalised) -> None:
    """Every kept character maps back to a character it came from; the end maps to the end."""
    assert result.to_original(len(result.text)) == len(source)
    assert result.to_original(0) >= 0
    previous = -1
    for index in range(len(result.text) + 1):
        original = result.to_original(index)
        assert previous < original <= len(source)
        previous = original


def _maps_to(source: str, result: Normalised, needle: str) -> str:
    """The original characters behind `needle` in the normalised text."""
    start = result.text.index(needle)
    end = start + len(needle)
    return source[result.to_original(start):result.to_original(end - 1) + 1]


def _repairs(source: str, result: Normalised) -> list[tuple[str, str]]:
    return [(repair.kind, source[repair.start:repair.end]) for repair in result.repairs]


# --- identity --------------------------------------------------------------------------------
def test_plain_simplified_text_is_unchanged():
    source = "全市妇联组织开展培训活动120场次，覆盖妇女5000余人，同比增长12.5%。\n2023年9月"
    result = normalise(source)
    assert result.text == source
    assert result.repairs == []
    assert [result.to_original(i) for i in range(len(source) + 1)] == list(range(len(source) + 1))


def test_empty_text():
    result = normalise("")
    assert result.text == "" and result.to_original(0) == 0


# --- traditional -----------------------------------------------------------------------------
def test_traditional_is_converted_in_place():
    source = "全縣婦聯舉辦培訓班46期，參訓婦女3200餘人次。\n幫扶困難家庭760戶。"
    result = normalise(source)
    assert result.text == "全县妇联举办培训班46期，参训妇女3200余人次。\n帮扶困难家庭760户。"
    assert len(result.text) == len(source)
    assert _maps_to(source, result, "3200余人") == "3200餘人"
    kinds = {repair.kind for repair in result.repairs}
    assert kinds == {"traditional"}
    assert ("traditional", "縣婦聯舉辦") in _repairs(source, result)


def test_a_line_whose_length_would_change_falls_back_to_characters(monkeypatch):
    import fuhe_cli.normalise as module

    class Stretching:
        def convert(self, text):
            # a phrase rule that changes the length of the line it appears in
            return text.replace("婦聯", "妇女联合会") if len(text) > 1 else text.replace("婦", "妇")

    monkeypatch.setattr(module, "_converter", Stretching())
    source = "全縣婦聯3200人\n婦聯"
    result = normalise(source)
    assert len(result.text) == len(source)
    assert result.text.index("3200") == source.index("3200")


# --- converter noise -------------------------------------------------------------------------
@pytest.mark.parametrize("source, expected", [
    ("婦聯(lián)工作", "妇联工作"),
    ("妇联(lián)工作", "妇联工作"),
    ("妇（fù）联", "妇联"),
    ("妇联（fù nǚ lián）工作", "妇联工作"),
    ("巾帼(jīnguó)行动", "巾帼行动"),
    ("培训(pei xun)班", "培训班"),
])
def test_pinyin_noise_is_removed(source, expected):
    result = normalise(source)
    assert result.text == expected
    assert "pinyin-noise" in {repair.kind for repair in result.repairs}
    _check_map(source, result)


@pytest.mark.parametrize("source", [
    "各地(市、区)妇联", "村(社区)妇联执委", "农村(集体)经济组织", "全市(县)共", "统计(點)",
    "妇联(Women's Federation)", "项目(APP)上线", "指标(a)完成", "北京(Beijing)", "共3(两)个",
    "平台(lián fù nǚ huì xiàng)",  # five syllables: not a converter's one-word annotation
    "(lián)在句首",                  # not after a CJK character
])
def test_real_brackets_stay(source):
    result = normalise(source)
    assert "pinyin-noise" not in {repair.kind for repair in result.repairs}
    assert result.text.replace("点", "點") == source.replace("点", "點")


def test_noise_offsets_skip_the_removed_bracket():
    source = "婦聯(lián)發放貸款1.3億元"
    result = normalise(source)
    assert result.text == "妇联发放贷款1.3亿元"
    assert _maps_to(source, result, "1.3亿元") == "1.3億元"
    assert _maps_to(source, result, "联发") == "聯(lián)發"
    assert ("pinyin-noise", "(lián)") in _repairs(source, result)


# --- widths ----------------------------------------------------------------------------------
def test_fullwidth_digits_and_percent():
    source = "覆盖率达９１．６％，建成１１８个"
    result = normalise(source)
    assert result.text == "覆盖率达91.6%，建成118个"
    assert _repairs(source, result) == [("fullwidth-digits", "９１．６％"), ("fullwidth-digits", "１１８")]
    assert _maps_to(source, result, "91.6%") == "９１．６％"


def test_small_percent_sign():
    result = normalise("占比12.5﹪")
    assert result.text == "占比12.5%"
    assert _repairs("占比12.5﹪", result) == [("mixed-width", "12.5﹪")]


def test_mixed_width_number():
    source = "帮扶2０2３户，增长3．5%"
    result = normalise(source)
    assert result.text == "帮扶2023户，增长3.5%"
    assert _repairs(source, result) == [("mixed-width", "2０2３"), ("mixed-width", "3．5%")]


def test_fullwidth_letters_fold_silently_and_full_stop_outside_numbers_stays():
    source = "ＧＤＰ增长．全年"
    result = normalise(source)
    assert result.text == "GDP增长．全年"
    assert result.repairs == []


# --- 。 as a decimal point -------------------------------------------------------------------
@pytest.mark.parametrize("source, expected, span", [
    ("妇女儿童之家覆盖率91。6%", "妇女儿童之家覆盖率91.6%", "91。6"),
    ("服务妇女31。2万人次", "服务妇女31.2万人次", "31。2"),
    ("贷款1。35亿元", "贷款1.35亿元", "1。35"),
    ("提高4。5个百分点", "提高4.5个百分点", "4。5"),
    ("增长3。5，位居全省前列", "增长3.5，位居全省前列", "3。5"),
    ("占比 12。5 %", "占比 12.5%", "12。5"),
])
def test_ideographic_full_stop_as_decimal_point(source, expected, span):
    result = normalise(source)
    assert result.text == expected
    assert ("ideographic-decimal", span) in _repairs(source, result)
    _check_map(source, result)


@pytest.mark.parametrize("source", [
    "全年举办培训班120。3月起开展巡回宣讲",     # a sentence ends, the next starts with a date
    "新建妇女之家35。2023年还将新建40个",
    "共计46。3个项目获得省级表彰",               # a counter after the digits: not a fraction
    "排名全省第2。1、加强组织建设",              # a list item after a full stop
    "完成任务的100。\n98%的妇女表示满意",        # a line break in between
    "覆盖12。5",                                 # nothing after the digits
])
def test_sentence_end_before_a_digit_is_not_a_decimal_point(source):
    result = normalise(source)
    assert result.text == source
    assert "ideographic-decimal" not in {repair.kind for repair in result.repairs}


def test_decimal_after_a_decimal_is_not_invented():
    source = "指标1.5。3万"
    assert normalise(source).text == source


# --- stray spaces and separators -------------------------------------------------------------
@pytest.mark.parametrize("source, expected, span", [
    ("满意率8.1 %", "满意率8.1%", "8.1 %"),
    ("参训5000 余人", "参训5000余人", "5000 余"),
    ("帮扶3.2 万名妇女", "帮扶3.2万名妇女", "3.2 万"),
    ("资金1 000元", "资金1000元", "1 000"),
    ("受益1 234 567人", "受益1234567人", "1 234 567"),
    ("走访20\u00a0多户", "走访20多户", "20\u00a0多"),
])
def test_stray_spaces_inside_numbers(source, expected, span):
    result = normalise(source)
    assert result.text == expected
    assert ("stray-space", span) in _repairs(source, result)
    _check_map(source, result)


@pytest.mark.parametrize("source, expected, span", [
    ("接待来访1,046人次", "接待来访1046人次", "1,046"),
    ("救助金额67,520,132.32元", "救助金额67520132.32元", "67,520,132"),
    ("发放1，200万元", "发放1200万元", "1，200"),
])
def test_thousands_separators(source, expected, span):
    result = normalise(source)
    assert result.text == expected
    assert ("separator", span) in _repairs(source, result)
    first_digit = next(i for i, ch in enumerate(expected) if ch.isdigit())
    assert _maps_to(source, result, expected[first_digit:]) == source[first_digit:]


@pytest.mark.parametrize("source", [
    "第3,5,7号文件",            # an enumeration
    "编号12,34",                # groups not of three digits
    "数据1,0000条",             # four digits after the comma
    "分别为1，2，3项",            # full-width comma enumeration
    "其中1，2000人",            # full-width comma not followed by exactly three digits
    "2023 年共有 32 家",        # spacing around words is not a broken number
    "2023 100",                 # four digits before the space: not a thousands group
    "分别为1.5,2.5",            # decimals in a list
])
def test_lists_and_spacing_are_not_numbers_to_join(source):
    result = normalise(source)
    assert result.text == source
    assert result.repairs == []


def test_several_repairs_keep_the_map_exact():
    source = "全縣婦聯(lián)發放１，２００萬元，覆蓋率91。6%，參訓5000 餘人，接待1,046人次。"
    result = normalise(source)
    assert result.text == "全县妇联发放1200万元，覆盖率91.6%，参训5000余人，接待1046人次。"
    _check_map(source, result)
    assert _maps_to(source, result, "1200万元") == "１，２００萬元"
    assert _maps_to(source, result, "91.6%") == "91。6%"
    assert _maps_to(source, result, "5000余人") == "5000 餘人"
    assert _maps_to(source, result, "1046人次") == "1,046人次"
    kinds = [repair.kind for repair in result.repairs]
    assert kinds.count("ideographic-decimal") == 1 and kinds.count("separator") == 2
    assert all(isinstance(repair, Repair) and 0 <= repair.start < repair.end <= len(source)
               for repair in result.repairs)
    assert result.repairs == sorted(result.repairs, key=lambda repair: (repair.start, repair.end, repair.kind))


# --- properties and speed --------------------------------------------------------------------
_ALPHABET = list("妇联婦聯全县縣培训班人次万亿余%％。，,．. 0123456789０１２３(lián)（fù）\n")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=40).map("".join))
def test_map_is_monotone_and_total_for_any_text(source):
    result = normalise(source)
    _check_map(source, result)
    for repair in result.repairs:
        assert 0 <= repair.start < repair.end <= len(source)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=40).map("".join))
def test_kept_digits_map_to_the_same_digit(source):
    result = normalise(source)
    for index, char in enumerate(result.text):
        if char.isdigit():
            original = source[result.to_original(index)]
            assert original == char or ord(original) - 0xFEE0 == ord(char)


def test_long_plain_text_is_unchanged():
    line = "全市妇联组织共开展巾帼建功培训活动120场次，覆盖妇女群众5000余人，同比增长12.5%。\n"
    text = line * (2_000_000 // len(line))
    # Speed is measured by bench/bench.py, not here.
    result = normalise(text)
    assert result.text == text
    assert result.repairs == []
    assert result.to_original(len(text) - 1) == len(text) - 1


def test_small_form_punctuation_becomes_the_ordinary_marks():
    # Big5-era pages write ﹐﹔﹕; later stages split clauses on ，；： only.
    result = normalise("開展宣講120場﹐覆蓋3萬人次﹔其中﹕農村婦女1.2萬人次")
    assert result.text == "开展宣讲120场，覆盖3万人次；其中：农村妇女1.2万人次"
    assert len(result.text) == len("開展宣講120場﹐覆蓋3萬人次﹔其中﹕農村婦女1.2萬人次")


def test_corner_quotes_become_the_curly_quotes_every_pattern_reads():
    # 「三八」期間 is “三八”期间 to the time patterns; 『』 inside become ‘’.
    source = "「三八」期間，走訪『最美家庭』12戶"
    result = normalise(source)
    assert result.text == "“三八”期间，走访‘最美家庭’12户"
    assert len(result.text) == len(source)


def test_markdown_bold_markers_go_and_the_figure_stays():
    from fuhe_cli.extract import extract_text

    text = "上半年，全市发动巾帼志愿者**2.36万名**，组建服务队**812支**。"
    document = extract_text(text)
    assert [(fact.value, fact.unit) for fact in document.facts] == [(23600, "名"), (812, "支")]
    assert [fact.column for fact in document.facts] == [text.index("2.36") + 1, text.index("812") + 1]
    assert document.warnings == []


@pytest.mark.parametrize("source, expected", [
    ("二〇二四年，将新建妇女微家200个", "2024年，将新建妇女微家200个"),
    ("二零二三年度工作总结", "2023年度工作总结"),
    ("一九九五年第四次世界妇女大会", "1995年第四次世界妇女大会"),
    ("二〇二四", "二〇二四"),                  # no 年: not a year
    ("三八二〇二四年", "三八2024年"),
])
def test_years_in_chinese_numerals_become_digits_in_place(source, expected):
    result = normalise(source)
    assert result.text == expected
    assert len(result.text) == len(source)


# --- lines wrapped at a width (a PDF's text layer) ---------------------------------------------
_WRAPPED_REPORT = (
    "青溪县妇联工作简报\n"
    "青溪县妇联2025年上半年工作总结\n"
    "（2025年7月8日）\n"
    "今年以来，县妇联围绕全县中心工作，组织动员广大妇女投身乡村振兴，各项\n"
    "工作稳步推进。现将上半年工作情况报告如下。\n"
    "一、深化宣传引领。1—6月，组织“巾帼宣讲员”走进乡镇和村（社区）开\n"
    "展宣讲活动52场，覆盖群众6300余人次；“母亲节”期间，举办亲子阅读\n"
    "活动17场。\n"
    "二、助力产业发展。开展家政服务、直播带货等技能培训班15期，培训妇\n"
    "— 1 —\n"
    "青溪县妇联工作简报\n"
    "女９６０人次；发放“巾帼贷”1830万元，扶持95名妇女在家门口创业就业。\n"
    "三、下半年工作打算。一是开展家庭教育讲座不少于20场，实现全县乡镇\n"
    "全覆盖。二是年底前在全县各乡镇村（社区）新建妇女微家不少于\n"
    "12个。\n"
    "— 2 —\n"
)


def test_lines_wrapped_at_a_width_are_joined_across_the_page_furniture():
    result = normalise(_WRAPPED_REPORT)
    assert "各项工作稳步推进" in result.text
    assert "举办亲子阅读活动17场" in result.text
    assert "培训妇女960人次" in result.text            # page number and running header dropped
    assert "不少于12个" in result.text
    _check_map(_WRAPPED_REPORT, result)
    assert _maps_to(_WRAPPED_REPORT, result, "960人次") == "９６０人次"
    # a figure after the page break keeps its own line of the file
    line = _WRAPPED_REPORT[:result.to_original(result.text.index("960人次"))].count("\n") + 1
    assert line == 12
    # short lines (the header, the title, the date, a paragraph's last line) stay lines
    assert result.text.startswith("青溪县妇联工作简报\n青溪县妇联2025年上半年工作总结\n（2025年7月8日）\n")
    assert "活动17场。\n二、" in result.text and result.text.endswith("12个。\n— 2 —\n")


def test_a_report_whose_lines_are_paragraphs_keeps_its_lines():
    source = (
        "青溪县妇联2024年工作总结\n"
        "一、基本情况\n"
        "全年组织开展各类宣讲活动120场，覆盖群众1.5万人次，妇女群众满意度持续提升。\n"
        "（一）强化思想引领\n"
        "举办“巾帼心向党”主题活动36场，参与妇女群众4800人次，线上传播量超过10万次。\n"
        "（二）助力产业发展\n"
        "开展家政、电商等技能培训班28期，培训农村妇女2100人次，推荐就业860人次。\n"
        "二、存在问题\n"
        "基层妇联组织力量仍然薄弱，部分村（社区）妇联执委作用发挥还不够充分。\n"
    )
    assert normalise(source).text == source


def test_table_rows_and_list_items_under_wrapped_lines_keep_their_lines():
    source = (
        "今年以来，县妇联围绕全县中心工作，组织动员广大妇女投身乡村振兴，各项\n"
        "工作稳步推进，开展宣讲活动52场，覆盖群众6300余人次，举办亲子阅读\n"
        "活动17场，开展家政服务、直播带货等技能培训班15期，重点抓好以下工作\n"
        "一是新建妇女微家12个；\n"
        "二是开展家庭教育讲座20场。主要指标完成情况如下，请各乡镇对照抓好落\n"
        "指标\t目标值\t完成值\n"
        "培训妇女人次\t1000\t960\n"
    )
    text = normalise(source).text
    assert "各项工作稳步推进" in text and "亲子阅读活动17场" in text
    assert "以下工作\n一是" in text and "抓好落\n指标\t目标值" in text and "\t完成值\n培训妇女人次" in text


def test_width_folding_finds_every_character_its_table_folds():
    """_fold_width translates only the runs _FULLWIDTH_RE finds: a character added to the table
    must be in the class too, or it would no longer be folded."""
    from fuhe_cli import normalise as module

    for code in module._FULLWIDTH_TABLE:
        assert module._FULLWIDTH_RE.match(chr(code)), hex(code)
    text = "ＡＢＣ共１２３人，占４５．６％，「三八」﹐完成"
    assert module._fold_width(text, []) == module._FW_POINT_RE.sub(".", text).translate(module._FULLWIDTH_TABLE)
