"""Region attribution as evidence: place names on word boundaries, word-like short names that need
evidence, datelines and bylines as weak evidence, scope words (全省/全市/全国) naming the level.

The report-style cases of each trap are corpus texts (tests/corpus/news_*, page_*, report_* in the
`attribution` suite); these tables pin the mechanisms one by one.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from fuhe_cli.attribution import attribute
from fuhe_cli.normalise import normalise
from fuhe_cli.numbers import find_quantities
from fuhe_cli.regions import gazetteer, wordlike_names

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_scoring import region_and_year_misses  # noqa: E402  (one check for report shapes)


@pytest.fixture(scope="module")
def places():
    return gazetteer()


# -- mentions -----------------------------------------------------------------------------------
MENTIONS = [
    # (text, the places found in it)
    ("为妇女搭建平台", []),                     # 搭建/平台 holds 建平 across a word boundary
    ("暖心又惠民！", []),                       # 惠民 is an everyday word
    ("全面推进乡村振兴", []),                   # 振兴区
    ("评选平安家庭示范户", []),                 # 平安区
    ("表彰三八红旗手", []),                     # 红旗区
    ("新华社记者报道", []),                     # 新华区
    ("惠民县妇联开展评选", ["惠民县"]),         # the full name
    ("惠民妇联开展评选", ["惠民县"]),           # a federation's name is evidence
    ("山东惠民", ["山东省", "惠民县"]),         # so is the parent just before it
    ("湖南宁远开展培训", ["湖南省", "宁远县"]),
    ("记者发自南昌", ["南昌市"]),
    ("在朝阳建平开展活动", ["建平县"]),         # 朝阳 is word-like and bare; 建平 sits on word boundaries
    ("四川人在成都", ["四川省", "成都市"]),
    ("在兴隆镇举办培训", []),                   # a town called 兴隆, not 兴隆县
    ("河北省沧州市永丰路街道", ["河北省", "沧州市"]),   # a street, not 永丰县
    ("蕉城公安巡特警", ["蕉城区"]),             # a neighbour's name is no parent: 公安 stays a word
    ("北京朝阳：楼门院里", ["北京市", "朝阳区"]),   # the parent's name is evidence for 朝阳
    ("发放巾帼惠农贷", []),                     # 惠农区
    ("奋力书写龙江妇女事业新篇章", []),         # 龙江 is 黑龙江's name in slogans, not 龙江县
    ("“巾帼心向党·奋进新龙江”宣讲", []),       # nor does 新龙江 hold 新龙县
    ("龙江县妇联开展培训", ["龙江县"]),         # the full name still names the county
    ("打造“鹤城巧娘”品牌", []),                 # a city's nickname (齐齐哈尔), not 鹤城区
    ("龙城太原的巾帼力量", ["太原市"]),         # an epithet before the city's own name
]


@pytest.mark.parametrize("text, expected", MENTIONS)
def test_place_mentions_sit_on_word_boundaries_and_need_evidence(places, text, expected):
    assert [m.region.name for m in places.find_mentions(text)] == expected


ISSUE_WORDS = ["惠民", "振兴", "平安", "光明", "友好", "红旗", "向阳", "白云", "新华", "富民", "安康", "大同", "和平"]


@pytest.mark.parametrize("word", ISSUE_WORDS)
def test_word_like_short_names_are_flagged(places, word):
    entries = [places.entry(r.code) for r in places if places.entry(r.code).short == word]
    assert entries, f"{word} names no division"
    assert all(entry.common for entry in entries)


def test_word_like_list_holds_short_names_of_divisions_below_province(places):
    shorts = {}
    for region in places:
        entry = places.entry(region.code)
        shorts.setdefault(entry.short, set()).add(entry.level)
    names = wordlike_names()
    assert len(names) > 50
    for name in names:
        assert name in shorts, f"{name} is the short name of no division"
        assert "province" not in shorts[name], f"{name} is a province"


# -- attribution --------------------------------------------------------------------------------
def regions_of(text: str) -> tuple[str | None, list[str | None]]:
    norm = normalise(text).text
    result = attribute(norm, find_quantities(norm))
    name = lambda region: region.name if region else None   # noqa: E731
    return name(result.region), [name(region) for region in result.fact_regions]


ATTRIBUTION = [
    # (what it shows, text, document region, fact regions)
    ("a dateline's city is where the reporter filed",
     "巾帼课堂开进田间\n\n新华社长沙12月20日电（记者 李明）湖南省妇联介绍，今年全省培训妇女42.3万人次。",
     "湖南省", ["湖南省"]),
    ("全国妇联's national figures filed from 北京 have no region",
     "巾帼行动成效明显\n\n新华社北京3月5日电（记者 赵敏）全国妇联发布数据，全国各级妇联培训农村妇女1200万人次。",
     None, [None]),
    ("a dateline's day in Chinese numerals still marks where the reporter filed, not the region",
     "巾帼建功成效明显\n\n中新社北京八月二十二日电（记者 赵敏）全国妇联副主席介绍，全国培训农村妇女1200万人次。",
     None, [None]),
    ("a byline's 发自 loses to the province the body names",
     "宣讲员走进乡村\n中国妇女报全媒体记者 王芳 发自南昌\n\n记者从江西省妇联获悉，江西各级妇联开展宣讲活动1.8万场。",
     "江西省", ["江西省"]),
    ("a byline's 发自 is the region when nothing else names one",
     "宣讲员走进乡村\n中国妇女报全媒体记者 王芳 发自南昌\n\n记者近日获悉，当地开展宣讲活动1.8万场。",
     "南昌市", ["南昌市"]),
    ("全省 after a city in the same sentence is the province's",
     "推进会召开\n来源：甘肃省妇联\n\n兰州市妇联作交流发言，全省已建成家长学校1.2万所。",
     "甘肃省", ["甘肃省"]),
    ("a year before the scope word keeps it the clause's opening",
     "推进会召开\n来源：甘肃省妇联\n\n兰州市妇联作交流发言，2024年全省各级妇联建成家长学校1.2万所。",
     "甘肃省", ["甘肃省"]),
    ("全市 in a city's clause is that city's",
     "推进会召开\n来源：甘肃省妇联\n\n天水市妇联介绍，全市建成指导站320个。",
     "甘肃省", ["天水市"]),
    ("a place named after the scope word is the figure's subject",
     "推进会召开\n来源：湖南省妇联\n\n全省建成巾帼创业基地430个，其中株洲市建成56个。",
     "湖南省", ["湖南省", "株洲市"]),
    ("全省 qualifying an honour does not climb",
     "工作简报\n来源：甘肃省妇联\n\n临泽县妇联推荐，全省三八红旗手3名。",
     "甘肃省", ["临泽县"]),
    ("the first of a list (XX市妇联等N个单位) is not the figure's subject",
     "工作动态\n来源：福建省妇联\n\n泉州市妇联等34个单位获评先进集体。",
     "福建省", ["福建省"]),
    ("places written before 等N个 are examples of the whole region's",
     "工作动态\n来源：莆田市妇联\n\n仙游县鲤城街道玉井村妇代会等193个村妇代会获评先进妇代会。",
     "莆田市", ["莆田市"]),
    ("a site's page whose body opens with the first of a list is the site's",
     "您所在的位置：福建妇联新闻 > 妇联要闻 > 正文\n29个单位获评先进集体\n2012-12-11 来源：东南网\n"
     "本报讯 记者从全省推进会获悉，福州市妇联等29个单位获评先进集体。今年全省培训农村妇女59万人次。",
     "福建省", ["福建省", "福建省", "福建省"]),
    ("a meeting's venue is not the figure's subject",
     "工作动态\n来源：福建省妇联\n\n记者从在龙岩举办的推进会获悉，今年共培训妇女62万人次。",
     "福建省", ["福建省"]),
    ("one passing mention deep in a body that names no other place gives the document no region",
     "妇联工作总结\n\n一、加强思想引领\n" + "县妇联组织宣讲员深入村组、企业、学校开展宣讲，引导广大妇女听党话、跟党走。" * 8
     + "\n二、加强培训\n县妇联开展培训12次，推荐基层妇联干部参加新疆妇女干部学校培训12人。",
     None, [None, None]),
    ("places listed after 在 are where the work is tried, not the figure's subject",
     "牡丹江市妇联工作会议讲话\n\n我们在东宁市、绥芬河市试点巾帼驿站，已建成驿站18个。",
     "牡丹江市", ["牡丹江市"]),
    ("a body that keeps saying 全省 is about the province of the place it names",
     "全省助残推进会召开\n\n本报讯 全省推进会日前在芜湖召开。芜湖市等单位参加会议。去年全省共帮扶残疾妇女2.6万名。",
     "安徽省", ["安徽省"]),
    ("the office's address in the site's footer (地址：…港北区…) names no place: the site's name does",
     "某市妇联动态\n首页 > 工作动态\n市妇联举办家政培训班\n发布时间：2024-11-15　来源：市妇联\n"
     "11月12日，市妇联在港北区举办家政培训班，86名妇女参加培训。\n"
     "版权所有：贵港市妇女联合会　桂ICP备12003456号　地址：贵港市港北区金港大道1号\n",
     "贵港市", ["贵港市"]),
    ("a post's location after its date line's time of day (…18:30　广东) names no place of the article",
     "某镇妇联2024年终盘点\n某镇妇联　2024年12月30日 18:30　广东\n在顺德区妇联的指导下，镇妇联开展宣讲86场。\n"
     "👉 组建宣讲小分队12支\n",
     "顺德区", ["顺德区", "顺德区"]),
    ("a headline's bare county name loses to a province the body names again and again",
     "临泽巾帼在行动\n\n湖南各级妇联开展培训。湖南省妇联介绍，湖南培训妇女2.1万人次。",
     "湖南省", ["湖南省"]),
    ("a headline's bare county name inside the province the body names stays",
     "宁远巾帼在行动\n\n湖南各级妇联开展培训。湖南省妇联介绍，宁远培训妇女2100人次。",
     "宁远县", ["宁远县"]),
]


@pytest.mark.parametrize("about, text, document, facts", ATTRIBUTION, ids=[row[0] for row in ATTRIBUTION])
def test_region_attribution(about, text, document, facts):
    assert regions_of(text) == (document, facts)


# -- a parent federation as the subject of a figure in a county's article ----------------------------
PARENT_SUBJECT = [
    # (what it shows, text, fact regions)
    ("a parent federation opening the clause with its scope word lifts the figure",
     "衢州：开化县巾帼茶艺出山\n来源：衢州市妇联\n\n开化县妇联扶持茶艺工作室40家。"
     "今年以来，衢州市妇联还在全市推广茶艺培训班9期。",
     ["开化县", "衢州市"]),
    ("the scope word may open a later clause (XX市妇联介绍，全市…)",
     "衢州：开化县巾帼茶艺出山\n来源：衢州市妇联\n\n开化县妇联扶持茶艺工作室40家。"
     "衢州市妇联介绍，全市已有茶艺工作室260家。",
     ["开化县", "衢州市"]),
    ("written with its province (浙江省衢州市妇联) it is still the parent's",
     "衢州：开化县巾帼茶艺出山\n来源：衢州市妇联\n\n开化县妇联扶持茶艺工作室40家。"
     "浙江省衢州市妇联在全市推广茶艺培训班9期。",
     ["开化县", "衢州市"]),
    ("a parent federation followed by the county's scope word stays with the county",
     "衢州：开化县巾帼茶艺出山\n来源：衢州市妇联\n\n开化县妇联扶持茶艺工作室40家。"
     "衢州市妇联来开化调研，全县已培训茶艺师300名。",
     ["开化县", "开化县"]),
    ("a parent federation without a scope word stays with the county",
     "衢州：开化县巾帼茶艺出山\n来源：衢州市妇联\n\n开化县妇联扶持茶艺工作室40家。"
     "衢州市妇联到开化调研，参观茶艺工作室6家。",
     ["开化县", "开化县"]),
    ("a parent federation that is not the clause's subject stays with the county",
     "衢州：开化县巾帼茶艺出山\n来源：衢州市妇联\n\n开化县妇联扶持茶艺工作室40家。"
     "县妇联落实衢州市妇联部署，在全市率先开设茶艺培训班9期。",
     ["开化县", "开化县"]),
    ("a parent named next to a number (衢州市级) does not pull the figure up",
     "衢州：开化县巾帼茶艺出山\n来源：衢州市妇联\n\n开化县妇联扶持茶艺工作室40家，其中6家获评衢州市级示范点。",
     ["开化县", "开化县"]),
    ("a parent's 各级妇联 as the subject, after a year, gives it the clause and the ones after",
     "宝鸡市妇联2024年工作会议讲话\n\n从全省看，2023年陕西省各级妇联共培训妇女46.8万人次，发放贷款38.6亿元。"
     "全市培训妇女5.1万人次。",
     ["陕西省", "陕西省", "宝鸡市"]),
]


@pytest.mark.parametrize("about, text, facts", PARENT_SUBJECT, ids=[row[0] for row in PARENT_SUBJECT])
def test_a_parent_federation_as_subject_with_its_scope_word_lifts_the_figure(about, text, facts):
    assert regions_of(text)[1] == facts


# -- a scope word above the article's own region ------------------------------------------------------
SCOPE_ABOVE = [
    # (what it shows, text, fact regions)
    ("全市 opening a clause in a district's article is its city's, 我区 the district's",
     "武侯区妇联上半年工作总结\n\n截至6月底，全市共有家长学校880所，我区建成96所。",
     ["成都市", "武侯区"]),
    ("全省 opening a clause in a district's article is the province's",
     "武侯区妇联上半年工作总结\n\n今年上半年，全省各级妇联开展志愿服务3.1万场，我区为1200场。",
     ["四川省", "武侯区"]),
    ("全州 in a county-level city's article is its prefecture's",
     "康定市妇联工作简报\n\n今年以来，全州建成妇女微家210个。",
     ["甘孜藏族自治州"]),
    ("全国 opening a clause has no region",
     "陕西省妇联工作简报\n\n据统计，全国共建成妇女之家70万个，我省建成2.1万个。",
     [None, "陕西省"]),
    ("全国妇联 opening a clause of a provincial article speaks for the country; 我省 after it is the province's",
     "陕西省妇联工作简报\n\n据介绍，全国妇联下一步将联合有关部门，力争培训农村妇女1000万人次。"
     "全国妇联表彰我省先进集体12个。",
     [None, "陕西省"]),
    ("a clause that only frames the next with 全国 (从全国看) gives it no region",
     "陕西省妇联工作简报\n\n我省适龄妇女筛查率为62.5%，从全国看，这一比例为55.1%。",
     ["陕西省", None]),
    ("a frame opening the sentence (从全国看，) holds for its later clauses until one names its own subject",
     "山西省妇联年终综述\n\n从全国看，中央财政安排救助资金3亿元，救助患病妇女1.5万名。我省救助患病妇女860名。",
     [None, None, "山西省"]),
    ("全国 inside a clause (高于全国平均) does not open it",
     "陕西省妇联工作简报\n\n我省适龄妇女筛查率为62.5%，高于全国平均水平7.4个百分点。",
     ["陕西省", "陕西省"]),
    ("全区 in a district's article stays with the district",
     "武侯区妇联上半年工作总结\n\n全区建成儿童之家45个。",
     ["武侯区"]),
    ("全市 in a county-level city's article stays with it",
     "枝江市妇联工作简报\n\n全市建成儿童之家45个。",
     ["枝江市"]),
    ("the clauses after a scope word go on with its subject, up to one with its own",
     "南阳市妇联工作总结\n\n据省妇联通报，全省共建成家长学校3.8万所，开展活动12.6万场，我市开展9800场。",
     ["河南省", "河南省", "南阳市"]),
    ("全省 qualifying an honour names no scope in a county's article",
     "临泽县妇联工作简报\n\n今年，全省三八红旗手新增3名。",
     ["临泽县"]),
]


@pytest.mark.parametrize("about, text, facts", SCOPE_ABOVE, ids=[row[0] for row in SCOPE_ABOVE])
def test_a_scope_word_above_the_articles_region_names_the_parent(about, text, facts):
    assert regions_of(text)[1] == facts


# -- the place a figure's clause is about ------------------------------------------------------------
CLAUSE_SUBJECT = [
    # (what it shows, text, fact regions)
    ("a chain of places (parent then child) is its deepest place",
     "工作简报\n来源：四川省妇联\n\n今年以来，在省妇联指导下，自贡市贡井区建成妇女微家45个。",
     ["贡井区"]),
    ("a digest label repeated by the chain after it gives the chain's deepest place",
     "湖北妇联动态\n\n【十堰】十堰市郧阳区妇联举办巾帼电商培训班12期，培训妇女640人次。",
     ["郧阳区", "郧阳区"]),
    ("a place's federation opening a later clause is that clause's subject",
     "工作简报\n来源：贵州省妇联\n\n安顺市开展巾帼技能培训，培训妇女2600名，平坝区妇联建成妇女微家48个。",
     ["安顺市", "平坝区"]),
    ("the federation opening a clause stays the subject of the clauses after it",
     "工作简报\n来源：贵州省妇联\n\n安顺市开展巾帼技能培训，培训妇女2600名，平坝区妇联牵头，带动1800户家庭增收。",
     ["安顺市", "平坝区"]),
    ("a partner federation after 联合 opens no clause",
     "工作简报\n来源：四川省妇联\n\n自贡市妇联联合贡井区妇联建成妇女微家45个。",
     ["自贡市"]),
    ("a venue's federation (在…妇联) is not the clause's subject",
     "工作简报\n来源：贵州省妇联\n\n安顺市开展巾帼技能培训，培训妇女2600名，在平坝区妇联召开现场会，观摩微家48个。",
     ["安顺市", "安顺市"]),
    ("the first of a list (XX妇联等) opening a clause is not its subject",
     "工作简报\n来源：贵州省妇联\n\n安顺市开展巾帼技能培训2600名，平坝区妇联等单位建成妇女微家48个。",
     ["安顺市", "安顺市"]),
    ("a clause that opens with another place than the paragraph's opening federation is that place's",
     "全省各地动态\n来源：河南省妇联\n\n郑州市妇联开展培训216期；洛阳市带动3600余名妇女就业；南阳市新建妇女微家95个。",
     ["郑州市", "洛阳市", "南阳市"]),
    ("a clause that only sets the scene (在相邻的惠民县，) gives its sentence to that place",
     "博兴县妇联创建平安家庭侧记\n来源：滨州市妇联\n\n全县创建示范户3.2万户。在相邻的惠民县，县妇联已开办积分超市46家。",
     ["博兴县", "惠民县"]),
    ("a neighbouring county's federation is the subject of its own clause",
     "博兴县妇联工作简报\n\n全县创建示范户3.2万户，惠民县妇联开办积分超市46家，我县开办52家。",
     ["博兴县", "惠民县", "博兴县"]),
    ("a ；-part that opens with another place's organisation (its women entrepreneurs) is that place's",
     "晋江泾源携手共建巾帼工坊\n来源：泾源县妇联\n\n会上，晋江市妇联向泾源县妇联捐赠资金20万元；"
     "晋江市女企业家协会现场采购农特产品8.3万元；泾源县妇联组织培训9期。",
     ["晋江市", "晋江市", "泾源县"]),
    ("another place's federation stays the subject of the clauses after it, up to one with its own",
     "晋江泾源携手共建巾帼工坊\n来源：泾源县妇联\n\n近三年，晋江市妇联累计投入帮扶资金96万元，"
     "派出巾帼志愿者30名赴泾源开展服务，泾源县新建工坊9家。",
     ["晋江市", "晋江市", "泾源县"]),
    ("a heading that is only a place's name gives the figures under it to that place",
     "六安市妇联2024年工作总结\n\n一、全市工作\n全市举办培训班216期。\n二、各县区亮点\n（一）金寨县\n"
     "县妇联培育巾帼致富带头人85名。\n（二）霍山县妇联\n全县调处纠纷318件。\n三、2025年打算\n力争新建站点50个。",
     ["六安市", "金寨县", "霍山县", "六安市"]),
    ("a heading that names a place inside a longer title keeps the article's region",
     "六安市妇联2024年工作总结\n\n（一）金寨县经验在全市推广\n全市举办培训班216期。",
     ["六安市"]),
    ("a federation of another place that reports (介绍，) gives its sentence to its place",
     "澳门妇联总会访问团赴台山交流\n来源：澳门妇女联合总会\n\n座谈会上，台山市妇联介绍，今年以来，该市妇联举办活动52场。",
     ["台山市"]),
    ("another place named in full as its clause's subject takes the clause's figure",
     "澳门妇联总会访问团赴台山交流\n来源：澳门妇女联合总会\n\n截至8月底，台山市已建成指导服务站210个。",
     ["台山市"]),
    ("a ；-part that names no place goes on with the subject of the part before it",
     "澳门妇联总会访问团赴台山交流\n来源：澳门妇女联合总会\n\n截至8月底，台山市已建成指导服务站210个，实现全覆盖；"
     "今年1至8月发放救助金32万元。座谈会上，台山市妇联介绍，该市新建妇女微家18个；新培育讲师25名。",
     ["台山市", "台山市", "台山市", "台山市"]),
    ("…but not the place of a 其中 or of a 分别 list",
     "韶关市妇联2024年工作综述\n\n全市建成儿童之家320个，其中乐昌市42个；全年培训妇女8600人次。"
     "乐昌市、南雄市分别建成工坊12个、9个；全年发放贷款1.2亿元。",
     ["韶关市", "乐昌市", "韶关市", "乐昌市", "南雄市", "韶关市"]),
    ("a later clause that opens with a place and a verb of the work is that place's",
     "宁德市妇联2024年工作总结\n\n福安市打造示范基地14个，霞浦县培育女能手260名，寿宁县建成工坊32个。",
     ["福安市", "霞浦县", "寿宁县"]),
    ("…and before a verb of handling cases or screening",
     "怀化市妇联三季度维权工作分析\n\n鹤城区受理信访41件次，洪江市调解纠纷23件，溆浦县筛查妇女5200人。",
     ["鹤城区", "洪江市", "溆浦县"]),
    ("a later clause's place before a verb of helping or organising is that clause's subject too",
     "广东省妇联2023年工作综述\n\n韶关市妇联培育示范基地30个，梅州市帮助6200名农村妇女就近就业，河源市组织招聘会12场。",
     ["韶关市", "梅州市", "河源市"]),
    ("a related-news headline under the article is the place it names, or the page's for 我市",
     "绵竹市妇联举办家政培训班\n发布时间：2024-06-14　来源：绵竹市妇联\n\n市妇联培训妇女78名。\n相关新闻\n"
     "· 广汉市新建“妇女微家”15个（2024-06-05）\n· 我市评出2023年度“最美家庭”50户（2024-03-08）\n",
     ["绵竹市", "广汉市", "绵竹市"]),
    ("a parent federation that reports (据…妇联通报) speaks for its scope word; a time may open the scope's clause",
     "泰宁县妇联：前三季度帮助妇女就业\n发布时间：2024-10-15\n\n1-9月，县妇联举办培训班12期。"
     "据三明市妇联通报，全市共发放贷款3.1亿元。前三季度全市共建成工坊86个。",
     ["泰宁县", "三明市", "三明市"]),
    ("全区 after 据 the autonomous region's federation is the autonomous region's, not the 地区's",
     "阿里地区妇联开展两癌检查\n发布时间：2025-07-15\n\n今年以来，地区妇联举办培训班12期。"
     "据西藏自治区妇联统计，今年以来全区已为9.3万名适龄妇女开展免费检查。",
     ["阿里地区", "西藏自治区"]),
    ("a place named after the scope word as a practice's attribute (推广…经验) is no subject",
     "泰宁县妇联推进工坊建设\n发布时间：2025-03-10\n\n今年以来，县妇联新建工坊12个。"
     "三明市妇联今年将在全市推广泰宁经验，新建巾帼工坊100个。",
     ["泰宁县", "三明市"]),
    ("a later clause opening with a place and a short noun phrase before its verb is that place's",
     "宁德市妇联2024年工作总结\n\n其中，福安市依托茶产业建成工坊14个，霞浦县海带产业带动妇女增收1800万元。",
     ["福安市", "霞浦县"]),
    ("the place a meeting is held in (…推进会在宜宾举行) is no deeper subject of the headline",
     "四川省巾帼家政现场推进会在宜宾举行\n发布时间：2024-05-10\n\n5月9日，推进会在宜宾市翠屏区召开。"
     "各级妇联组织举办家政培训班860期。",
     ["四川省"]),
    ("a venue and a federation heading a list (厦门市妇联等12个单位) do not make the body's place; 我省 does",
     "12个单位获评先进集体\n发布时间：2023-12-11\n\n本报讯 记者从在泉州举办的全省工作推进会获悉，"
     "厦门市妇联等12个单位获评先进集体。据了解，今年全省培训农村妇女5万人次，我省共创建示范村150个。",
     ["福建省", "福建省", "福建省", "福建省"]),
    ("a parent federation opening a clause without its scope word stays with the county",
     "衢州：开化县巾帼茶艺出山\n来源：衢州市妇联\n\n开化县妇联扶持茶艺工作室40家，衢州市妇联授牌示范点6家。",
     ["开化县", "开化县"]),
]


@pytest.mark.parametrize("about, text, facts", CLAUSE_SUBJECT, ids=[row[0] for row in CLAUSE_SUBJECT])
def test_the_place_a_figures_clause_is_about(about, text, facts):
    assert regions_of(text)[1] == facts


# -- 分别: figures distributed over the places listed before it ---------------------------------------
RESPECTIVELY = [
    # (what it shows, text, fact regions)
    ("the i-th figure after 分别 is the i-th place's",
     "工作简报\n来源：湖南省妇联\n\n全省新建儿童之家300个，其中岳阳市、常德市分别新建42个、37个。",
     ["湖南省", "岳阳市", "常德市"]),
    ("federations joined by 和 pair as well, words between the list and 分别 allowed",
     "工作简报\n来源：株洲市妇联\n\n攸县妇联和茶陵县妇联今年分别举办培训班12期和9期。",
     ["攸县", "茶陵县"]),
    ("places and figures that do not pair one by one keep the list rule",
     "工作简报\n来源：湖南省妇联\n\n岳阳市、常德市分别与省妇联签约项目3个。",
     ["湖南省"]),
    ("分别 over figures of earlier clauses pairs no place",
     "工作简报\n来源：湖南省妇联\n\n岳阳市妇联发放贷款1.2亿元，扶持创业800人，分别完成年度任务的60%和55%。",
     ["岳阳市", "岳阳市", "岳阳市", "岳阳市"]),
    ("the list may stand in the clause before 分别, percentages pair too",
     "工作简报\n来源：湖南省妇联\n\n岳阳市、常德市提前完成，分别完成年度任务的112%、105%。",
     ["岳阳市", "常德市"]),
    ("a figure between the list and 分别 leaves the figures after it unpaired",
     "工作简报\n来源：湖南省妇联\n\n岳阳市、常德市新建儿童之家79个，分别完成年度任务的112%和105%。",
     ["湖南省", "湖南省", "湖南省"]),
]


@pytest.mark.parametrize("about, text, facts", RESPECTIVELY, ids=[row[0] for row in RESPECTIVELY])
def test_figures_after_respectively_pair_with_the_places_listed(about, text, facts):
    assert regions_of(text)[1] == facts


# -- a 、-list of figures, each written after its own place ---------------------------------------------
OWN_PLACE_ITEMS = [
    # (what it shows, text, fact regions)
    ("each item's figure is the place written before it in the item",
     "工作简报\n来源：湖南省妇联\n\n全省新建儿童之家300个，其中岳阳市42个、常德市37个、益阳市20个。",
     ["湖南省", "岳阳市", "常德市", "益阳市"]),
    ("items with their own verbs and federations",
     "工作简报\n来源：湖南省妇联\n\n今年以来，株洲市妇联发放贷款1.2亿元、衡阳市妇联培训妇女800人。",
     ["株洲市", "衡阳市"]),
    ("an item about a sibling of the paragraph's opening federation is the sibling's",
     "工作简报\n来源：湖南省妇联\n\n株洲市妇联发放贷款1.2亿元、衡阳市妇联培训妇女800人。",
     ["株洲市", "衡阳市"]),
    ("a list of places before one figure stays the whole region's",
     "工作简报\n来源：湖南省妇联\n\n岳阳市、常德市共新建儿童之家79个。",
     ["湖南省"]),
    ("places named as examples (等地) before a list of figures name none of them",
     "工作简报\n来源：湖南省妇联\n\n岳阳、常德等地培训妇女1200人、发放贷款3000万元。",
     ["湖南省", "湖南省"]),
    ("an item naming no place keeps the place of the sentence",
     "工作简报\n来源：湖南省妇联\n\n岳阳市新建儿童之家42个、妇女微家15个。",
     ["岳阳市", "岳阳市"]),
    ("a figure in the clause after the list is the whole region's",
     "工作简报\n来源：湖南省妇联\n\n全省新建儿童之家300个，其中岳阳市42个、常德市37个，其余城市共221个。",
     ["湖南省", "岳阳市", "常德市", "湖南省"]),
    ("a venue in an item is still no subject",
     "工作简报\n来源：湖南省妇联\n\n在岳阳市举办培训班12期、在常德市举办9期。",
     ["湖南省", "湖南省"]),
]


@pytest.mark.parametrize("about, text, facts", OWN_PLACE_ITEMS, ids=[row[0] for row in OWN_PLACE_ITEMS])
def test_each_figure_of_a_list_takes_the_place_of_its_own_item(about, text, facts):
    assert regions_of(text)[1] == facts


# -- the region of a site's page of several articles --------------------------------------------------
def portal_page(site_header: str, articles: list[tuple[str, str, str]], footer: str) -> str:
    """A federation site's news page: header, articles (headline, source, body), footer."""
    blocks = [f"{headline}\n发布时间：2024-04-0{day}  来源：{source}\n{body}"
              for day, (headline, source, body) in zip(range(9, 0, -1), articles)]
    return "\n\n".join([site_header, *blocks, footer]) + "\n"


HUNAN_CITIES = [("株洲：巾帼家政培训开班", "株洲市妇联", "株洲市妇联举办家政培训班12期。"),
                ("衡阳：儿童之家提质增效", "衡阳市妇联", "衡阳市妇联新建儿童之家35个。")]
SITE_PAGES = [
    # (what it shows, text, document region, fact regions)
    ("articles about different cities under a province's signed footer are the province's page",
     portal_page("湖南省妇女联合会 > 工作动态 > 市州动态", HUNAN_CITIES, "版权所有：湖南省妇女联合会  湘ICP备00000000号"),
     "湖南省", ["株洲市", "衡阳市"]),
    ("articles about different counties under a city's signed footer are the city's page",
     portal_page("首页 > 区县动态",
                 [("醴陵：巾帼创业贷落地", "醴陵市妇联", "醴陵市妇联协调发放创业贷款800万元。"),
                  ("攸县：家门口的妇女微家", "攸县妇联", "攸县妇联建成妇女微家26个。")],
                 "主办：株洲市妇女联合会  版权所有：株洲市妇女联合会"),
     "株洲市", ["醴陵市", "攸县"]),
    ("articles about different counties under a city daily's masthead are the city's page",
     "南充日报　2024年11月22日　星期五　第3版：县域经济\n\n阆中市：巾帼工坊助增收\n本报讯（记者 李某）今年以来，"
     "阆中市妇联新建巾帼工坊14个。\n\n仪陇县：妇女微家暖人心\n本报讯（通讯员 张某）11月18日，仪陇县妇联"
     "建成妇女微家186个。\n",
     "南充市", ["阆中市", "仪陇县"]),
    ("one article under a province's footer keeps its city",
     portal_page("湖南省妇女联合会 > 工作动态", HUNAN_CITIES[:1], "版权所有：湖南省妇女联合会"),
     "株洲市", ["株洲市"]),
    ("articles about one city under a province's footer keep that city",
     portal_page("湖南省妇女联合会 > 工作动态",
                 [HUNAN_CITIES[0], ("株洲：儿童之家提质增效", "株洲市妇联", "株洲市妇联新建儿童之家35个。")],
                 "版权所有：湖南省妇女联合会"),
     "株洲市", ["株洲市", "株洲市"]),
    ("articles about places outside the site's region keep the first article's",
     portal_page("江西省妇女联合会 > 兄弟省份动态", HUNAN_CITIES, "版权所有：江西省妇女联合会"),
     "株洲市", ["株洲市", "衡阳市"]),
    ("a publisher's page of news mostly from its region, one from a neighbouring province, is the publisher's",
     portal_page("湖南省妇联网　首页 > 基层动态",
                 HUNAN_CITIES + [("赣州：巾帼家政进社区", "赣州市妇联", "赣州市妇联培训家政人员300名。")],
                 "版权所有：湖南省妇女联合会　湘ICP备00000000号"),
     "湖南省", ["株洲市", "衡阳市", "赣州市"]),
    ("the site's name in the header of a page a copyright line closes names its publisher",
     portal_page("湖南省妇联网　首页 > 市州动态",
                 HUNAN_CITIES + [("赣州：巾帼家政进社区", "赣州市妇联", "赣州市妇联培训家政人员300名。")],
                 "版权所有　湘ICP备00000000号"),
     "湖南省", ["株洲市", "衡阳市", "赣州市"]),
    ("a list that no footer signs keeps its first item's region",
     portal_page("湖南省妇联网 > 市州动态", HUNAN_CITIES, ""),
     "株洲市", ["株洲市", "衡阳市"]),
]


@pytest.mark.parametrize("about, text, document, facts", SITE_PAGES, ids=[row[0] for row in SITE_PAGES])
def test_a_page_of_articles_about_places_inside_the_sites_region_is_the_sites(about, text, document, facts):
    assert regions_of(text) == (document, facts)


# -- report shapes, one mechanism a case: (text, [(figure, region, year)]) --------------------------
SHAPES = [
    # a headline ending in a quoted name is still a headline; a dated page header is no article
    ("社区新闻汇编\n2023年4月3日\n\n武侯区：院落里的“妇女微家”\n本报讯 成都市武侯区妇联建成妇女微家40个。\n\n"
     "江阳区：江边的“巾帼驿站”\n本报讯 泸州市江阳区妇联建成巾帼驿站15个。\n",
     [("40个", "武侯区", None), ("15个", "江阳区", None)]),
    # an item that only a closing （来源：…） line ends gets its own region
    ("各地动态\n\n南明区：家庭教育进校园\n本报讯 贵阳市南明区妇联举办家长课堂30场。\n\n"
     "鼓楼区开展巾帼护河行动\n近日，鼓楼区妇联组织志愿者巡河80人次。\n（来源：福州鼓楼区融媒体中心）\n",
     [("30场", "南明区", None), ("80人次", "鼓楼区", None)]),
    # 全国妇联's own notice: national figures have no region; 新疆生产建设兵团 is not 新疆
    ("全国妇联关于2022年寒潮救助工作情况的通报\n\n各省、自治区、直辖市妇联，新疆生产建设兵团妇联：\n\n"
     "各级妇联共走访困难妇女9000户。河南省妇联发放慰问金60万元。\n",
     [("9000户", None, 2022), ("60万元", "河南省", 2022)]),
    # dated wire leads start articles even under headlines that name no place
    ("人民日报 2023年6月2日\n\n让孩子们快乐过节\n本报南宁6月1日电 南宁市妇联为留守儿童送去图书5000册。\n\n"
     "家门口的维权站\n新华社西宁6月1日电 西宁市城西区妇联建成妇女维权站12个。\n",
     [("5000册", "南宁市", None), ("12个", "城西区", None)]),
    # a parenthesised sign-off names the county over a parent named more often in the body
    ("关于开展春风行动的情况汇报\n\n今年，我们落实宿迁市妇联部署，参与宿迁市春风行动。\n"
     "一、全年举办招聘会12场。\n\n（沭阳县妇联供稿）\n2023年12月28日\n",
     [("12场", "沭阳县", 2023)]),
    # customary banner abbreviations are places
    ("兴安盟妇联动态\n\n科右中旗妇联为妇女开展筛查3200人。\n", [("3200人", "科尔沁右翼中旗", None)]),
]


@pytest.mark.parametrize("text, expected", SHAPES, ids=range(len(SHAPES)))
def test_attribution_of_report_shapes(text, expected):
    assert not region_and_year_misses(text, expected)


def test_the_frame_window_holds_the_longest_frame():
    """_opening_scope looks for a frame clause (从全国看，) only where a 全 stands within
    _FRAME_CHARS characters before the figure's clause (a speed-up only): no frame is longer."""
    from re import _parser

    from fuhe_cli.places import _FRAME_CHARS, SCOPE_FRAME

    assert _parser.parse(SCOPE_FRAME.pattern).getwidth()[1] == _FRAME_CHARS


def test_posted_from_opens_with_a_class_and_matches_as_its_branch_did():
    """places._POSTED_FROM opens with a character class (re scans for it in C); it finds what the
    pattern opening with the branch (?:\\d{1,2}:\\d{2}|IP属地[:：]?) found, in the corpus texts' article
    heads and in made-up lines."""
    import random
    import re
    from pathlib import Path

    from fuhe_cli.places import _POSTED_FROM

    branch = re.compile(r"(?:\d{1,2}:\d{2}|IP属地[:：]?)[ \t\u3000]*([\u4e00-\u9fff]{2,4})[ \t\u3000]*$", re.MULTILINE)
    root = Path(__file__).resolve().parent
    chance = random.Random(15)
    pieces = ["12:30", "1:3", "123:45", "9:05", "IP属地", "IP属地：", "IP属地:", "I", "P", "广东", "北滘", "四川省",
              " ", "\u3000", "\n", "2", "١٢:٣٠", "x", "：", "年"]
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in sorted((root / "corpus").glob("*.txt"))]
    texts += ["".join(chance.choice(pieces) for _ in range(chance.randrange(12))) for _ in range(5000)]
    for text in texts:
        for start in (0, chance.randrange(len(text) + 1)):
            end = min(len(text), start + chance.randrange(600))
            assert [(m.span(), m.span(1)) for m in _POSTED_FROM.finditer(text, start, end)] == \
                [(m.span(), m.span(1)) for m in branch.finditer(text, start, end)]
