"""Gazetteer, resolver, mention finder and the `fuhe regions` command."""
from __future__ import annotations

import json
import re

import pytest

from fuhe_cli.__main__ import main
from fuhe_cli.errors import ExitCode, UsageError
from fuhe_cli.regions import gazetteer


@pytest.fixture(scope="module")
def places():
    return gazetteer()


def test_counts_per_level(places):
    levels = {}
    for region in places:
        levels[region.level] = levels.get(region.level, 0) + 1
    assert levels["province"] == 34
    assert 330 <= levels["prefecture"] <= 335
    assert 2840 <= levels["county"] <= 2860


def test_loads_once_and_is_cached():
    # Load time is measured by bench/bench.py, not asserted here.
    from fuhe_cli import regions

    regions.gazetteer.cache_clear()
    first = regions.gazetteer()
    assert regions.gazetteer() is first
    assert first.get("510000").name == "四川省"


@pytest.mark.parametrize("query, code, name, level", [
    ("sichuan", "510000", "四川省", "province"),
    ("四川", "510000", "四川省", "province"),
    ("四川省", "510000", "四川省", "province"),
    ("SiChuan Sheng", "510000", "四川省", "province"),
    ("510000", "510000", "四川省", "province"),
    ("广西", "450000", "广西壮族自治区", "province"),
    ("宁夏", "640000", "宁夏回族自治区", "province"),
    ("xinjiang", "650000", "新疆维吾尔自治区", "province"),
    ("内蒙古", "150000", "内蒙古自治区", "province"),
    ("香港", "810000", "香港特别行政区", "province"),
    ("taiwan", "710000", "台湾省", "province"),
    ("甘孜州", "513300", "甘孜藏族自治州", "prefecture"),
    ("扬中", "321182", "扬中市", "county"),
    ("yangzhongshi", "321182", "扬中市", "county"),
    ("萧山", "330109", "萧山区", "county"),
    ("冠县", "371525", "冠县", "county"),
    ("guanxian", "371525", "冠县", "county"),       # not gu'an xian (固安县)
    ("北京朝阳区", "110105", "朝阳区", "county"),
    ("长春市朝阳区", "220104", "朝阳区", "county"),
    ("浙江台州", "331000", "台州市", "prefecture"),
    ("米林市", "540481", "米林市", "county"),        # 2023 patch
    ("错那", "540581", "错那市", "county"),
    ("白杨市", "659012", "白杨市", "county"),
])
def test_resolves(places, query, code, name, level):
    region = places.resolve(query)
    assert (region.code, region.name, region.level) == (code, name, level)


@pytest.mark.parametrize("query, name", [
    ("changzhi", "长治市"), ("Changning", None), ("changsha", "长沙市"), ("changchun", "长春市"),
    ("duyun", "都匀市"), ("fengdu", "丰都县"), ("chengdu", "成都市"), ("dujiangyan", "都江堰市"),
    ("changdu", "昌都市"), ("guoyang", "涡阳县"), ("shanxian", "单县"), ("shaanxi", "陕西省"),
("chongqing", "重庆市"), ("bengbu", "蚌埠市"), ("lu'an", "六安市"),
    ("luan", "六安市"), ("panyu", "番禺区"), ("bozhou", "亳州市"), ("shenxian", "莘县"),
    ("yanshan", None), ("laoting", "乐亭县"), ("dacheng", "大城县"), ("zhangzi", "长子县"),
])
def test_polyphones(places, query, name):
    if name is None:       # several places share the reading; it must at least be known
        with pytest.raises(UsageError, match="ambiguous"):
            places.resolve(query)
    else:
        assert places.resolve(query).name == name


def test_chaoyang_prefecture_outranks_districts(places, capsys):
    assert places.resolve("chaoyang").name == "朝阳市"
    assert "朝阳区" in capsys.readouterr().err


@pytest.mark.parametrize("query, expected", [
    ("taizhou", ["台州市", "泰州市"]),
    ("fuzhou", ["福州市", "抚州市"]),
    ("suzhou", ["苏州市", "宿州市"]),
    ("yichun", ["伊春市", "宜春市"]),
    ("yulin", ["玉林市", "榆林市"]),
    ("hainan", ["海南省", "海南藏族自治州"]),
    ("jilin", ["吉林省", "吉林市"]),
    ("朝阳区", ["北京市", "长春市"]),
    ("鼓楼区", ["南京市", "徐州市", "福州市", "开封市"]),
])
def test_ambiguous_lists_every_candidate_with_parent(places, query, expected):
    with pytest.raises(UsageError) as caught:
        places.resolve(query)
    assert caught.value.exit_code == ExitCode.USAGE
    message = str(caught.value)
    assert "ambiguous" in message
    for name in expected:
        assert name in message


@pytest.mark.parametrize("query, chosen, also", [
    ("xi'an", "西安市", "西安区"),
    ("Xi'an", "西安市", "西安区"),
    ("xian", "西安市", "西安区"),
    ("ganzi", "甘孜藏族自治州", "甘孜县"),
    ("甘孜", "甘孜藏族自治州", "甘孜县"),
    ("aba", "阿坝藏族羌族自治州", "阿坝县"),
])
def test_higher_level_candidate_wins_with_a_note(places, capsys, query, chosen, also):
    assert places.resolve(query).name == chosen
    assert also in capsys.readouterr().err


def test_shanxi_is_ambiguous_and_shaanxi_is_not(places):
    with pytest.raises(UsageError) as raised:
        places.resolve("shanxi")
    assert "山西省" in str(raised.value) and "陕西省" in str(raised.value)
    assert places.resolve("Shaanxi").code == "610000"
    assert places.resolve("山西").code == "140000"


@pytest.mark.parametrize("query, suggestion", [("sichuang", "sichuan"), ("四川生", "四川"), ("chengdou", "chengdu")])
def test_unknown_suggests(places, query, suggestion):
    with pytest.raises(UsageError) as caught:
        places.resolve(query)
    assert "did you mean" in str(caught.value)
    assert suggestion in str(caught.value)


def test_unknown_code(places):
    with pytest.raises(UsageError):
        places.resolve("999999")


def test_codes_are_strings_and_tree_navigation(places):
    yangzhong = places.resolve("321182")
    assert isinstance(yangzhong.code, str) and yangzhong.code == "321182"
    assert places.get(321182) == yangzhong           # an int is taken as its string
    assert places.get("321182000000") == yangzhong   # statistical 12-digit code
    assert [r.name for r in places.chain(yangzhong)] == ["江苏省", "镇江市", "扬中市"]
    assert places.parent(places.resolve("海淀区")).name == "北京市"       # municipality district
    assert places.parent(places.resolve("仙桃市")).name == "湖北省"       # 省直辖县级市
    assert "扬中市" in [r.name for r in places.children(places.get("321100"))]
    assert places.parent(places.get("510000")) is None


def test_mentions_short_names_and_common_words(places):
    text = "江苏扬中市召开会议。杭州萧山举办活动。广东中山启动。合作社和平安家庭。"
    found = [(m.region.name, text[m.start:m.end]) for m in places.find_mentions(text)]
    assert ("扬中市", "扬中市") in found
    assert ("萧山区", "萧山") in found
    assert ("中山市", "中山") in found            # common word, but right after its province
    names = [name for name, _ in found]
    assert "合作市" not in names and "和平区" not in names and "平安区" not in names


def test_a_word_like_name_before_its_federation_is_a_place_only_where_its_clause_opens(places):
    names = lambda text: [m.region.name for m in places.find_mentions(text)]
    assert "新建区" not in names("在新领域新建妇联组织17个，解放妇联干部思想。")     # verbs before 妇联
    assert "惠民县" in names("山东惠民妇联开展活动。")                              # its parent just before it
    assert "惠民县" in names("会上，惠民妇联介绍经验。")                            # opening its clause


def test_mentions_prefer_context(places):
    beijing, changchun = places.resolve("北京市"), places.resolve("长春市")
    text = "朝阳区妇联开展活动。"
    assert places.find_mentions(text, context=beijing)[0].region.code == "110105"
    assert places.find_mentions(text, context=changchun)[0].region.code == "220104"


def test_command_json(capsys):
    assert main(["regions", "yangzhong", "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["schema"] == "fuhe.regions/1"
    assert payload["region"] == {"code": "321182", "name": "扬中市", "level": "county"}
    assert [p["name"] for p in payload["parents"]] == ["江苏省", "镇江市"]


def test_command_ambiguous_exits_2(capsys):
    assert main(["regions", "taizhou"]) == ExitCode.USAGE
    err = capsys.readouterr().err
    assert "台州市" in err and "泰州市" in err


def test_command_table(capsys):
    assert main(["regions", "四川"]) == 0
    assert "510000" in capsys.readouterr().out


# --- 新疆生产建设兵团: divisions and the cities they are one with (师市合一) ------------------------
@pytest.mark.parametrize("query, code", [
    ("第八师", "659001"), ("兵团第八师", "659001"), ("新疆生产建设兵团第八师", "659001"), ("农八师", "659001"),
    ("第八师石河子市", "659001"), ("第一师阿拉尔市", "659002"), ("第十四师", "659009"), ("第九师", "659012"),
    ("石河子市", "659001"), ("可克达拉", "659008"),
])
def test_xpcc_divisions_resolve_to_their_cities(query, code):
    from fuhe_cli.regions import gazetteer

    region = gazetteer().resolve(query)
    assert region.code == code and region.level == "county"
    assert gazetteer().parent(region).code == "650000"


def test_every_xpcc_city_is_in_the_national_list():
    from fuhe_cli.regions import gazetteer, xpcc_divisions

    divisions = xpcc_divisions()
    assert len(divisions) == 14
    cities = {code: city for code, city in divisions.values() if code}
    assert len(cities) == 12
    for code, city in cities.items():
        assert code.startswith("6590") and gazetteer().get(code).name == city


@pytest.mark.parametrize("query, message", [("第十二师", "no city of its own"), ("新疆生产建设兵团", "is not one region"),
                                            ("兵团", "第八师 石河子市 (659001)")])
def test_the_corps_and_a_division_without_a_city_are_usage_errors(query, message):
    from fuhe_cli.errors import UsageError
    from fuhe_cli.regions import gazetteer

    with pytest.raises(UsageError, match=re.escape(message)):
        gazetteer().resolve(query)


def test_regions_command_names_the_division_of_an_xpcc_city():
    from fuhe_cli.commands.regions import region_payload

    assert region_payload("石河子")["xpcc_division"] == "新疆生产建设兵团第八师"
    assert "xpcc_division" not in region_payload("成都")
