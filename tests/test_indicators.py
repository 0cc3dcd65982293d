"""Which indicator a figure is given: the mechanisms beyond a rule's own triggers, on short texts."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_scoring import evaluate  # noqa: E402

# 其中 breakdowns measure what the figure before them measures, unless their own rule is of the
# same work area (a narrower or sibling indicator) or declared more specific.
BREAKDOWNS = [
    ("培训城乡妇女9.4万人次，其中农村留守妇女1.6万人次。", "training.participants"),
    ("代理诉讼案件74起，其中胜诉或调解结案69起。", "rights.legal_aid"),
    ("评选最美家庭5.2万户，其中全国最美家庭21户。", "family.model_families.national"),
    ("推荐县级最美家庭8户，其中1户被评为市级最美家庭。", "family.model_families.prefecture"),
    # a part whose own trigger follows it says what the part did, not who it is
    ("培训妇女2100人次，其中180人实现自主创业。", "entrepreneurship.people"),
    ("培训城乡妇女9.4万人次，其中1.6万人次为农村留守妇女。", "training.participants"),
    # a part that repeats the verb its whole spells out more narrowly (培训 in 培训基层妇联干部)
    ("全年培训基层妇联干部5600人次，其中东乡、西乡分别培训420人次、380人次。", "training.cadre_participants"),
    ("全年培训基层妇联干部5600人次，其中东乡培训420人次。", "training.cadre_participants"),
    # a part breaks down the figure right before 其中, not the longest word of that figure's clause
    ("表彰县级“三八红旗手”30名、“巾帼建功标兵”12名，其中东乡、西乡分别有5名、4名。", "honours.individuals"),
    ("全年评选县级“最美家庭”150户、“美丽庭院”示范户420户，其中东乡、西乡分别评出示范户60户、52户。",
     "family.courtyards"),
    # ... unless the part's own words name an earlier figure of that clause: it breaks that one down
    ("全镇建成巾帼示范基地26个、“妇女之家”48个，其中今年新增巾帼示范基地5个。", "employment.demo_bases"),
    # a whole only a fallback rule names still names a part with no rule, past 。 and a line break
    ("全市开展插花体验、健康讲座等活动860场。\n其中，东区开展320场、西区210场。", "activity.sessions"),
    ("全市开展各类活动860场，服务群众3万人次。\n其中，东区开展320场、西区210场。", "activity.sessions"),
]


@pytest.mark.parametrize("text, indicator", BREAKDOWNS, ids=range(len(BREAKDOWNS)))
def test_breakdown_indicator(text, indicator, rules):
    from fuhe_cli.extract import extract_text

    assert extract_text(text, rules=rules).facts[-1].indicator.id == indicator


# Labels printed apart from the figure: an item heading sentence, a 数说 caption line, a column
# header, a sentence broken by a hard line break.  (text, which fact, its indicator)
LABELS = [
    ("（二）开展巾帼志愿服务。全年累计服务4.5万次。", -1, "org.volunteer_services"),
    ("3.“两癌”救助。向困难患病妇女发放救助资金96万元。", -1, "health.cancer_relief_funds"),
    ("一、发放创业担保贷款。贴息贷款3.2亿元，带动就业6400人。", -1, "employment.people"),
    ("18个\n新建巾帼示范基地", -1, "employment.demo_bases"),
    ("类别\t执委人数（名）\n村级\t1260", -1, "org.executive_members"),
    # a 其中 column breaks down the nearest column to its left that is no 其中 column
    ("乡镇｜走访慰问困难妇女（户）｜其中春节期间（户）\n东城镇｜120｜45", -1, "care.visits"),
    ("街道\t培训家政服务员（人次）\t其中一季度（人次）\t其中二季度（人次）\n东城街道\t860\t300\t560", -1,
     "training.participants"),
    ("今年以来，全县各级妇联共举办各类家庭教育讲座和亲子活动\n452场，惠及家庭8000余户。", 0, "family.education_activities"),
]


# A figure nothing names takes the rule of its numbered section's heading line when the heading
# holds the noun printed before it (three characters or more); a heading that does not, names nothing.
SECTION_HEADINGS = [
    ("二、巾帼志愿服务时长\n全年累计服务时长3.2万小时。", 32000, "org.volunteer_services"),
    ("（二）巾帼志愿服务\n人均服务时长6.5小时。", 6.5, "uncategorized"),
    ("三、资金使用\n项目资金100万元，实际支出96.8万元。", 968000, "uncategorized"),
]


@pytest.mark.parametrize("text, which, indicator", LABELS, ids=range(len(LABELS)))
def test_label_apart(text, which, indicator, rules):
    from fuhe_cli.extract import extract_text

    facts = extract_text(text, rules=rules).facts
    assert facts and facts[which].indicator.id == indicator


# A refining rule's context (两癌, 春蕾) named only in the item heading opening the line or in the
# report's title still makes the general rule's figure the refining rule's.
OUTER_CONTEXT = [
    ("某县妇联关于“两癌”救助工作情况的总结\n一、基本情况\n全年新增救助对象87名，发放救助金87万元。", 87,
     "health.cancer_relief_people"),
    ("某县妇联关于“两癌”救助工作情况的总结\n一、基本情况\n全年新增救助对象87名，发放救助金87万元。", 870000,
     "health.cancer_relief_funds"),
    ("某县妇联关于困难妇女救助工作情况的总结\n一、基本情况\n全年新增救助对象87名，发放救助金87万元。", 87,
     "care.relief_people"),
    ("一、“春蕾计划”。全年接受爱心企业和个人捐款412万元。", 4120000, "care.spring_bud_funds"),
    ("一、公益项目。全年接受爱心企业和个人捐款412万元。", 4120000, "projects.donations"),
    # the title of a report with no numbered sections names the topic of all its figures
    ("某县2023年“两癌”救助工作简报\n某县妇联　2023年12月5日\n\n本次救助对象覆盖12个村，人数较多的为：东湖村6名、西岭村5名。", 5,
     "health.cancer_relief_people"),
    ("某县2023年“两癌”救助工作简报\n某县妇联　2023年12月5日\n\n全县妇联干部入户核查。\n明年计划救助人数增至60名。", 60,
     "health.cancer_relief_people"),
    ("某县2023年困难妇女救助工作简报\n某县妇联　2023年12月5日\n\n本次救助对象覆盖12个村，人数较多的为：东湖村6名、西岭村5名。", 5,
     "care.relief_people"),
]


def test_same_thing_worded_differently_gets_one_indicator(rules):
    """Two corpus texts report the same indicators in different words, line for line."""
    left = evaluate("summary_county_alignment_wording", rules)
    right = evaluate("summary_prefecture_half_year_alignment", rules)
    by_left = {e["indicator"]: f.indicator.id for f, e in left.matched if not e.get("todo")}
    by_right = {e["indicator"]: f.indicator.id for f, e in right.matched if not e.get("todo")}
    shared = set(by_left) & set(by_right)
    assert len(shared) >= 12
    # family.model_families.* differ by level on purpose; everything else must line up
    for indicator in shared:
        assert by_left[indicator] == by_right[indicator] == indicator


def _facts(text, rules):
    from fuhe_cli.extract import extract_text

    return extract_text(text, rules=rules).facts


def _indicator_of(text, value, rules):
    """The indicator id of the one figure of `text` whose value is `value`."""
    (fact,) = [fact for fact in _facts(text, rules) if fact.value == value]
    return fact.indicator.id


# Look-alikes seen on public reports: the close-but-wrong name is worse than an honest fallback.
# (text, value of the figure, the indicator it must get, the indicator it must not get)
LOOK_ALIKES = [
    ("全县评选出优秀妇女工作者36名，三八红旗手15名。", 36, "honours.individuals", "honours.red_banner"),
    ("表彰三八红旗手30名，优秀妇女工作者20名。", 20, "honours.individuals", "honours.red_banner"),
    ("授予200名同志“市巾帼建功标兵”称号。", 200, "honours.individuals", "honours.red_banner"),
    ("建成妇女微家120个，妇女小组86个。", 86, "org.women_groups", "women_microhome.count"),
    ("社區內共有婦女小組18個。", 18, "org.women_groups", "org.federations"),
    ("为53名贫困女大学生发放助学金10.6万元。", 53, "care.student_aid", "care.spring_bud"),
    ("三家爱心企业现场捐赠4.1万元。", 41000, "projects.donations", "projects.funds"),
    ("联合法院设立家事法庭6个。", 6, "rights.family_courts", "rights.stations"),
    ("在全县设立家事审判庭3个。", 3, "rights.family_courts", "rights.stations"),
    ("涌现出457户全国、省、市最美家庭。", 457, "family.model_families", "family.model_families.prefecture"),
    # 就业创业 is one count of people into work; its training is training
    ("全年促进妇女就业创业2100人。", 2100, "employment.people", "entrepreneurship.people"),
    ("开展就业创业培训3400人次。", 3400, "training.participants", "employment.people"),
    # a word printed right before an earlier figure of the list is that figure's name
    ("创建手工加工基地56个、县级手工服务站点19个。", 19, "uncategorized", "employment.demo_bases"),
    ("“三八”红旗手100名、“十佳好婆婆”10名。", 10, "honours.individuals", "honours.red_banner"),
    # calls answered (接听…电话) are calls, whatever they were about; a complaint received is a petition
    ("区妇女维权站今年接听法律咨询和投诉电话430余个。", 430, "rights.hotline_calls", "rights.petitions"),
    ("全年受理妇女投诉电话65个。", 65, "rights.hotline_calls", "rights.petitions"),
    ("全年受理妇女投诉120件。", 120, "rights.petitions", "rights.hotline_calls"),
]


@pytest.mark.parametrize("text, value, indicator, not_indicator", LOOK_ALIKES, ids=range(len(LOOK_ALIKES)))
def test_look_alike_names_stay_apart(text, value, indicator, not_indicator, rules):
    (fact,) = [fact for fact in _facts(text, rules) if fact.value == value]
    assert fact.indicator.id == indicator != not_indicator


# A figure of 个 whose counted noun is a place (8个村, 8个乡镇, 12个县（市、区）) counts places: no
# fallback rule (the acting 妇联's org.federations) names it; places' federations are federations.
PLACE_COUNTS = [
    ("区妇联还为8个村建成儿童友好社区。", 8, "uncategorized"),
    ("县妇联深入8个乡镇开展宣讲。", 8, "uncategorized"),
    ("全区18个街道的妇联组织走访慰问困难妇女312户。", 18, "org.federations"),
    ("全市12个县（市、区）妇联参加会议。", 12, "org.federations"),
    ("全县建立12个村级妇联。", 12, "org.federations"),
]


# An age or age range between a figure and its trigger says who is counted, a list of examples
# between a figure and a trigger after it what kind: neither is read as distance, so the trigger
# still names the figure. (text, value, indicator)
ASIDES = [
    ("为辖区8600名40至60周岁城乡妇女开展免费“两癌”筛查。", 8600, "health.cancer_screening"),
    ("组织2300名18岁以上返乡农村妇女参加家政技能培训。", 2300, "training.participants"),
    # without the age the same words are too far apart to name the figure
    ("为辖区8600名城乡居民中的适龄农村妇女开展免费“两癌”筛查。", 8600, "uncategorized"),
    # after 为 + the figure, whom the work was done for, up to its verb, is no distance either; a …中的
    # phrase is (the figure counts the whole the work picked from)
    ("全县为1.5万名农村和城镇低收入家庭适龄妇女开展“两癌”免费检查。", 15000, "health.cancer_screening"),
    ("县妇联为2600名城乡困难家庭留守妇女和单亲母亲提供家政技能培训。", 2600, "training.participants"),
    # a list of examples between a figure and a trigger after it reads as its first example
    ("全镇1500余名妇女报名参加了面点制作、家政护理等技能培训。", 1500, "training.participants"),
    # before a figure the list is what is counted, no aside (the 妇联 stays too far)
    ("县妇联联合县法院、县妇幼保健院等8家单位开展义诊。", 8, "uncategorized"),
]


# A bare figure after a named one keeps the name when its own words only link (累计达, 新建, 其中).
CARRIED = [
    ("今年新建巾帼示范基地12个，累计达137个。", 137, "employment.demo_bases"),
    ("培训23期，累计5000余人次。", 5000, "training.participants"),
    ("来访412批次，其中集体访12批次。", 12, "rights.petitions"),
    # a sentence (or paragraph) led in by 其中， breaks down the one before: a figure with no rule
    # of its own reads on there
    ("全市妇女微家总数达到298个。\n其中，2023年新建48个，今年新建22个。", 22, "women_microhome.count"),
    ("全市妇女微家总数达到298个。其中，2023年新建48个。", 48, "women_microhome.count"),
    # ... but a figure with a rule of its own keeps it, and one that names its own thing stays apart
    ("上半年开展志愿服务活动4680场次。其中，“三八”期间开展集市等活动620场。", 620, "activity.sessions"),
    ("培训1686人。其中，取得职业技能等级证书1215人。", 1215, "uncategorized"),
    # a ；-part that opens with its fallback verb, or the occasion it happened in, has its subject
    # elided: the part before names it; a part that names who did it does not go on
    ("全年开展“巾帼宣讲”160场；覆盖群众2.4万人次。", 24000, "lecture.reach"),
    ("全区注册巾帼志愿者共计3200人次；“三八”节活动期间参与1800人次。", 1800, "org.volunteers"),
    ("全年开展“巾帼宣讲”160场；微信公众号推文吸引网民5万余人次。", 50000, "activity.participants"),
]


# An item that leaves its thing out — its words before the figure only a place, a time, 各/分别 or
# a verb of doing the counted work, nothing after the figure — counts what the earlier item named,
# across 、 and clauses (parallel items like it passed over). An item that names a thing of its
# own, before or after the figure, or a verb of another measure (支出), does not.
ELIDED_ITEMS = [
    ("今年建成妇女微家68个，上半年新建12个。", 12, "women_microhome.count"),
    ("全市建成妇女微家426个，当年新建57个。", 57, "women_microhome.count"),
    ("申请人身安全保护令5份，法院签发4份。", 4, "rights.protection_orders"),
    ("宣威市培训3120人次、会泽县2860人次、麒麟区2410人次。", 2410, "training.participants"),
    ("新建妇女微家40个，蒲江街道、东乡街道各新建5个。", 5, "women_microhome.count"),
    # an aim (力争, 确保) and a deadline (三季度末前, 9月底前) say when it is due, not what
    ("新建巾帼示范基地24个，力争三季度末前建成16个。", 16, "employment.demo_bases"),
    ("全年新建巾帼示范基地24个，确保9月底前完成18个。", 18, "employment.demo_bases"),
    # an autonomous county's long name is a place too
    ("其中，石柱县建成巾帼示范基地12个、长阳土家族自治县建成9个。", 9, "employment.demo_bases"),
    ("一季度来电789个，二季度702个，三季度821个，四季度634个。", 634, "rights.hotline_calls"),
    ("2023年全市开展“巾帼大宣讲”420场，今年1至8月已开展385场。", 385, "lecture.sessions"),
    # a comparison base (比/较 + a time + 的) is the same quantity as the figure it is compared with
    ("全年发放妇女创业担保贷款12.6亿元，比2022年的10.9亿元增加1.7亿元。", 1090000000, "loans.amount"),
    ("共接听来电2946个，较上年的2580个增长14.2%。", 2580, "rights.hotline_calls"),
    ("共接听来电2946个，较上年的3120个下降5.6%。", 3120, "rights.hotline_calls"),
    ("全年受理妇女信访诉求188件次，比2022年的205件次减少17件次。", 205, "rights.petitions"),
    # a ；-part that leaves its thing out goes on with the part before (past a comparison's change)
    ("2023年发放妇女创业担保贷款1.12亿元，比2022年的0.86亿元增长30.2%；今年以来又发放6800万元。", 68000000,
     "loans.amount"),
    ("2023年发放妇女创业担保贷款1.12亿元；今年以来另获财政补助6800万元。", 68000000, "uncategorized"),
    ("一是发放妇女创业担保贷款1.12亿元；二是今年以来又发放6800万元。", 68000000, "uncategorized"),
    # places listed before a bare list of figures leave the thing out as one place does (past a
    # comparison with the end of last year)
    ("全县已建成“妇女之家”320个，比去年底增加45个；东乡镇、西乡镇、南乡镇分别达到42个、38个、35个。", 42,
     "org.women_homes"),
    ("全县已建成“妇女之家”320个，比去年底增加45个；东乡镇、西乡镇、南乡镇分别达到42个、38个、35个。", 35,
     "org.women_homes"),
    ("全县已建成“妇女之家”320个；东乡镇、西乡镇分别新建儿童之家12个、9个。", 9, "org.children_homes"),
    # ... and so does a sentence after 。 (its places a 、-list, its figures a bare list)
    ("全年新认定巾帼示范基地15个。东乡镇、西乡镇分别认定4个、3个。", 3, "employment.demo_bases"),
    ("全年新认定巾帼示范基地15个。东乡镇、西乡镇分别设立议事点4个、3个。", 3, "uncategorized"),
    ("全县已建成“妇女之家”320个；东乡镇、西乡镇分别设立议事点12个、9个。", 9, "uncategorized"),
    ("建成妇女微家68个，上半年新建12个活动室。", 12, "uncategorized"),
    ("建成妇女微家120个，覆盖86个村。", 86, "uncategorized"),
    ("项目资金100万元，实际支出96.8万元。", 968000, "uncategorized"),
    ("宣威市培训3120人次、会泽县妇女代表2860人次、麒麟区2410人次。", 2410, "uncategorized"),
    # a clause that names only the total of what was counted before it (截至…底总数, 年内检查人数)
    # after a date or time goes on with that thing; a total of another thing (企业总数) does not
    ("全市新建妇女之家35个，截至2024年9月底总数达到612个。", 612, "org.women_homes"),
    ("一季度为农村妇女开展“两癌”免费检查4200人；全年检查人数力争达到1.5万人。", 15000,
     "health.cancer_screening"),
    ("今年新建巾帼示范基地16个，截至10月底全县企业总数达到95个。", 95, "uncategorized"),
    ("开展家庭教育讲座70场；年内参与人数达到5200人。", 5200, "activity.participants"),
]


# A clause that is only its rule's trigger word and the figure (培训900人次) repeats the earlier
# clause's verb: a more specific rule of the same work area read there, on a trigger holding that
# word (干部培训), names it. A clause that names what it counts keeps its own rule.
BARE_CLAUSES = [
    ("开办村级妇联干部培训班5期，培训900人次。", 900, "training.cadre_participants"),
    ("组织妇联执委培训2期，共培训260人。", 260, "training.cadre_participants"),
    ("开办妇联干部培训班5期，培训农村妇女900人次。", 900, "training.participants"),
    ("开设电商技能培训班7期，培训420人次。", 420, "training.participants"),
    # 常务理事 does not hold 会员: the bare noun names its own figure
    ("研究会现有常务理事15名、理事60名，会员510人。", 510, "association.members"),
]



# A trigger word that is only part of a quoted name followed by a campaign noun (行动, 活动, 宣讲 …)
# names the campaign's theme: another rule read there names the figure, and the theme only when
# nothing else does. A quoted name that is the trigger word itself still names its rule.
QUOTED_THEMES = [
    ("今年开展“春蕾守护”安全宣讲26场，覆盖在校学生9100余人。", 9100, "lecture.reach"),
    ("开展“春蕾守护”安全宣讲26场。", 26, "lecture.sessions"),
    ("“春蕾计划”资助困难女童410名。", 410, "care.spring_bud"),
    ("开展“春蕾圆梦”行动，资助困难学生75名。", 75, "care.spring_bud"),    # the 春蕾 context refines
    ("开展“巾帼大宣讲”活动320场。", 320, "lecture.sessions"),               # the theme is all there is
    # a fallback theme word gives way to the campaign noun's fallback
    ("全县开展“巾帼服务进万家”活动18场次。", 18, "activity.sessions"),
]


# A clause that only says whom the earlier clause's work reached (惠及/受益 + whom + figure)
# counts that work's beneficiaries, whatever rule its own noun would fire.
REACHED = [
    ("联合农商行发放“半边天振兴贷”9000万元，惠及女性创业者640人。", 640, "loans.people"),
    ("累计发放创业担保贷款3.1亿元，共惠及返乡创业妇女2100余人。", 2100, "loans.people"),
    # without the beneficiary verb the clause's own noun names its figure
    ("累计发放创业担保贷款3.1亿元，扶持返乡创业妇女2100余人。", 2100, "entrepreneurship.people"),
]


# A figure with no rule of its own, printed after a counted noun (3 characters or more, link words
# left out) that an earlier figure of the same unit nearby was printed after, counts what the rule
# of that figure's own clause names: a list under a lead, a sentence going on from the one before.
# A noun of two characters, a rule the earlier figure only carried, a figure too far back, or an
# exclusion in the figure's own clause, do not.
REPEATED_NOUNS = [
    ("全县扎实推进“美丽庭院”创建，新创建“美丽庭院”示范户1286户。现将各乡镇创建情况通报如下：\n"
     "紫阳镇创建示范户186户；\n清华镇创建示范户152户。", 152, "family.courtyards"),
    ("累计创建“美丽庭院”示范户1.8万户。今年1至5月，该县新增示范户2600余户。", 2600, "family.courtyards"),
    ("为“两癌”患病妇女发放救助金，救助妇女200名。另有妇女80名。", 80, "uncategorized"),
    ("培训家政服务人员58万人次，新建巾帼家政服务站1.2万个。广东省建成家政服务站1800个。", 1800, "uncategorized"),
    ("累计建成“美丽庭院”示范户1.8万户。" + "其他工作" * 80 + "。该县新增示范户2600余户。", 2600, "uncategorized"),
    ("全县共有妇女之家120个。此次抽查妇女之家60个。", 60, "uncategorized"),
    ("城关镇培训农村妇女320人。新集镇帮助农村妇女85人。", 85, "uncategorized"),     # another verb
]


# A noun of two characters after a verb of doing the counted work (新建站点) is the short form of the
# longer trigger word it ends (家庭教育指导服务站点) before an earlier figure of its unit: that
# figure's rule names it. After another verb, or when the earlier figure's rule fired on other words
# (培训 for 农村妇女), it names nothing.
SHORT_NOUNS = [
    ("全市已设立家庭教育指导服务站点320个。今年又新建站点40个。", 40, "family.education_sites"),
    ("截至6月底，全县完成适龄妇女“两癌”检查2.1万人。下半年再完成检查1.4万人。", 14000, "health.cancer_screening"),
    ("全市已设立家庭教育指导服务站点320个。今年关停站点4个。", 4, "uncategorized"),
    ("城关镇培训农村妇女320人。新集镇新增妇女85人。", 85, "uncategorized"),
]


# A report's title is the outermost heading of the figures in its numbered sections whose clause
# does not say what they count: a place and a short verb, a place / time / 分别 and a verb of doing
# the counted work, link words alone, a category (…类) — a list's other figures of the unit passed
# over — with nothing but link words after the figure. A clause naming a thing of its own does not.
_PETITION_TITLE = "某区妇联2024年第二季度信访维权工作分析\n一、总体情况\n二季度共受理信访案件136件次。\n"
TITLE_ELIDED = [
    (_PETITION_TITLE + "二、各街道情况\n兴宁区受理142件次。", 142, "rights.petitions"),
    (_PETITION_TITLE + "二、分月情况\n4月份受理38件次，5月份受理45件次。", 45, "rights.petitions"),
    (_PETITION_TITLE + "二、分月情况\n7月、8月、9月分别受理119件次、131件次、122件次。", 131, "rights.petitions"),
    # the places of a 、-list before 分别 leave it out as one place does
    (_PETITION_TITLE + "二、各街道情况\n东城区受理40件次；南城区、北城区、西城区分别受理35件次、28件次、19件次。", 28,
     "rights.petitions"),
    (_PETITION_TITLE + "二、各县情况\n东兰县受理40件次；都安瑶族自治县、环江毛南族自治县分别受理35件次、28件次。", 28,
     "rights.petitions"),
    (_PETITION_TITLE + "二、问题类别\n婚姻家庭类仍居首位，共241件次；权益保障类58件次。", 241, "rights.petitions"),
    (_PETITION_TITLE + "二、问题类别\n婚姻家庭类仍居首位，共241件次；权益保障类58件次。", 58, "rights.petitions"),
    (_PETITION_TITLE + "二、分月情况\n4月份受理38件次网格员报送事项。", 38, "uncategorized"),
    (_PETITION_TITLE + "二、分月情况\n4月份整改隐患问题38件次。", 38, "uncategorized"),
    (_PETITION_TITLE + "二、各县情况\n柳城县新建儿童活动场所受理12件次。", 12, "uncategorized"),
]


# A part of a 其中 breakdown list with no rule of its own counts what its whole counts — the last
# figure of its unit before the 其中, in the sentence (or the one before, for a 其中 opening a
# sentence) — however the whole was named (its own trigger, the title). A part that says what it
# achieved (取得, 实现…), a share (占…%) or a part of a mixed whole (A和B…，其中…) does not.
BREAKDOWN_WHOLES = [
    ("区妇联共受理妇女儿童信访案件136件次，同比下降5.6%。其中来访52件次、来电71件次、网上信访13件次。", 71,
     "rights.petitions"),
    (_PETITION_TITLE + "二、问题类别\n婚姻家庭类仍居首位，共241件次，占64.8%（其中家庭暴力63件次、子女抚养探望48件次）。",
     48, "rights.petitions"),
    ("新认定县级巾帼示范基地9个（其中种植类5个、电商类4个）。", 4, "employment.demo_bases"),
    # a part repeating the head word of an earlier figure's trigger (检查 of “两癌”免费检查) breaks
    # that figure down, whatever its unit (名 / 人) and the figures printed nearer
    ("三年来，全县为8.6万名农村妇女开展“两癌”免费检查，救助患病困难妇女320名；其中今年检查2.9万人。", 29000,
     "health.cancer_screening"),
    ("培训1686人，完成目标的112.4%；其中取得职业技能等级证书1215人。", 1215, "uncategorized"),
    ("招募儿童之家专兼职工作人员和志愿者3800多名，其中“儿童主任”1935名。", 1935, "uncategorized"),
    ("共接到家庭暴力投诉求助1426件，同比上升3.9%，其中通过12338热线接到的求助占61.2%。", 61.2, "uncategorized"),
]


# The second figure of a 由…到 pair is the same measure as the first, whatever the first's
# multiplier (2.1万人) or the years before them.
FROM_TO_PAIRS = [
    ("全县家长学校覆盖率由2018年的61%提高到2022年的87.5%。", 87.5, "family.education_coverage"),
    ("“两癌”检查人数由2020年的2.1万人增加到2023年的3.4万人。", 34000, "health.cancer_screening"),
    ("妇女之家由2020年的120个增加到2023年的186个。", 186, "org.women_homes"),
]


# A clause that names only a rate noun (覆盖率, 达标率), with the places it is taken over, is the
# rate of what the figure of the clause before counts: that rule's work area's rate rule holding
# the noun. A rate whose clause names its own thing, or with no counted figure before it, is not.
BARE_RATES = [
    ("截至去年底，全县建成家庭教育指导服务站点240个，城乡社区覆盖率81.2%。", 81.2, "family.education_coverage"),
    ("目前全镇已有“妇女之家”36个，行政村覆盖率达到100%。", 100, "org.coverage_rate"),
    ("抽查儿童之家52个中规范化建设达标的47个，达标率90.4%。", 90.4, "org.standard_rate"),
    ("全县建成家庭教育指导服务站点240个，群众满意率96%。", 96, "uncategorized"),
    ("举办女性创业培训班32期，行政村覆盖率81.2%。", 81.2, "uncategorized"),
    ("今年以来，城乡社区覆盖率提高到81.2%。", 81.2, "uncategorized"),
    # the share of the places covered (覆盖…的比例) is the coverage rate
    ("全县建成家长学校260所，覆盖城乡社区的比例为88%。", 88, "family.education_coverage"),
    ("建成“妇女之家”2.3万个，覆盖村（社区）的比例达99%。", 99, "org.coverage_rate"),
    # a rate pointed back to (这一覆盖率) is the earlier rate of that noun
    ("全市农村妇女两癌筛查覆盖率达到61.2%。从全省看，这一覆盖率为57.4%。", 57.4, "health.cancer_screening_rate"),
    ("全市建成家长学校300所。从全省看，这一覆盖率为57.4%。", 57.4, "uncategorized"),
]


# A table row's first cell labels every cell of the row, however far right the cell stands (and
# not the row above's label); a first cell that names no rule (a place) leaves the cells to the
# other mechanisms.
_MONITORING_TABLE = ("指标\t单位\t2020年基数\t2025年目标值\t2023年监测值\t评估\n"
                     "儿童之家数量\t个\t198\t320\t312\t未达标\n家长学校数量\t所\t356\t420\t432\t达标\n")
# a drawn (markdown) table pads its cells with spaces and opens each row with a bar
_DRAWN_TABLE = ("| 工作项目 | 单位 | 一季度 | 二季度 | 三季度 | 四季度 | 合计 |\n| --- | --- | --- | --- | --- | --- | --- |\n"
                "| 家庭教育讲座 | 场 | 14 | 22 | 19 | 25 | 80 |\n| 维权信访受理 | 件次 | 8 | 11 | 9 | 12 | 40 |\n")
# a 序号 column before the label: the label is the first text cell, and a cell far right of it
# (beyond a window of row text) is still about it
_NUMBERED_TABLE = ("序号|指标名称|单位|2021年|2022年|2023年|2024年|2025年目标\n"
                   "1|已建成妇女之家的社区|个|61|70|82|95|110\n"
                   "2|农村适龄妇女乳腺癌筛查率|%|60.5|61.2|66.8|70.3|≥75\n")
ROW_LABELS = [
    (_NUMBERED_TABLE, 110, "org.women_homes"),
    (_NUMBERED_TABLE, 75, "health.cancer_screening_rate"),
    (_MONITORING_TABLE, 312, "org.children_homes"),
    (_MONITORING_TABLE, 432, "family.education_sites"),
    (_DRAWN_TABLE, 25, "family.education_activities"),
    (_DRAWN_TABLE, 80, "family.education_activities"),
    (_DRAWN_TABLE, 12, "rights.petitions"),
    (_DRAWN_TABLE, 40, "rights.petitions"),
]


# A table column whose header names a change (增幅, 同比增减, 比上年增减) holds that change of what each
# row measures, whatever the row's first cell names; the row's other cells keep the row's rule.
_CHANGE_TABLE = ("| 项目 | 单位 | 2023年 | 2024年 | 同比增减（%） |\n| 家庭教育讲座 | 场 | 120 | 150 | 25.0 |\n"
                 "| 维权信访受理 | 件次 | 80 | 72 | -10.0 |\n")
_POINTS_TABLE = "项目\t2024年\t比上年增减（个百分点）\n女性委员比例（%）\t41.2\t2.6\n"
_BARE_CHANGE_TABLE = "| 项目 | 单位 | 2023年 | 2024年 | 环比（%） |\n| 巾帼宣讲活动 | 场 | 80 | 92 | 15.0 |\n"
COLUMN_CHANGES = [
    (_CHANGE_TABLE, 25, "change.growth_rate"),
    (_CHANGE_TABLE, -10, "change.growth_rate"),
    (_CHANGE_TABLE, 150, "family.education_activities"),
    (_POINTS_TABLE, 2.6, "change.percentage_points"),
    # a bare 同比 or 环比 before the bracketed % is such a header too
    (_BARE_CHANGE_TABLE, 15, "change.growth_rate"),
    (_BARE_CHANGE_TABLE, 92, "lecture.sessions"),
]


# A noun that is only the last member of the group counted (空巢老人和困境儿童) names part of it: the
# rule read before the group names the figure; a member that only modifies the same head noun
# (留守、困境儿童) or names the same rule leaves the noun's rule.
GROUP_MEMBERS = [
    ("春节前夕看望慰问空巢老人和困境儿童320人。", 320, "care.visits"),
    ("走访慰问留守、困境儿童210名。", 210, "care.children"),
    ("慰问困境儿童和留守儿童150名。", 150, "care.children"),
]


# A word of a meeting's name (…表彰大会, …颁奖典礼, …推进会) in an earlier clause names the meeting:
# a figure whose own clause says only that people attended (出席, 参会) counts them.
MEETINGS = [
    ("县妇联举办“巾帼建功标兵”颁奖典礼，各界群众260人出席。", 260, "activity.participants"),
    ("市妇联召开家庭教育工作推进会，各县妇联主席等80人参会。", 80, "activity.participants"),
    # no meeting: the earlier clause's word still names the figure
    ("市妇联评选“最美家庭”，120户参加。", 120, "family.model_families"),
]


# A figure joined to the one before it by 和 (及, 与) alone, with no words of its own, is the same
# measure as its partner.
PARTNERS = [
    ("两县妇女之家数分别含今年新建的15个和8个。", 8, "org.women_homes"),
    ("两地家长学校数分别含本年度新开办的14所及6所。", 6, "family.education_sites"),
    # words of its own after the figure: not a bare partner
    ("两县妇女之家数分别含今年新建的15个和8个村民议事点。", 8, "uncategorized"),
]


# The label of a figure no rule names is the noun phrase it counts, on word boundaries.
COUNTED_LABELS = [
    ("今年全市建成1623个儿童友好社区。", 1623, "儿童友好社区"),
    ("扶贫助困 对全区10678名城镇贫困妇女、4163名农村贫困妇女进行调查摸底。", 10678, "城镇贫困妇女"),
    ("扶贫助困 对全区10678名城镇贫困妇女、4163名农村贫困妇女进行调查摸底。", 4163, "农村贫困妇女"),
    ("对730名贫困患者进行了免费救治。", 730, "贫困患者"),
    # a trigger after an earlier figure (36万名…“两癌”检查) is that figure's, not carried to the next
    ("为36万名农村妇女进行了“两癌”检查，对730名贫困患者进行了免费救治。", 730, "贫困患者"),
    ("我县注册女性社团187个，", 187, "女性社团"),
    ("全镇已转移农村劳动力33613人。", 33613, "农村劳动力"),
    ("确定精准脱贫对象28人。", 28, "精准脱贫对象"),
    ("媒体采用的各类新闻稿件达190余篇。", 190, "新闻稿件"),
    ("全市256家各类积分兑换超市累计发放积分。", 256, "积分兑换超市"),
    ("女党员占党员总数的27.9%。", 27.9, "女党员占比"),
    # a label starts at a word, not inside a quoted name the cut left the opening quote of
    ("银川市妇联“创业驿站”今年扶持女性商户46家", 46, "扶持女性商户"),
    ("某区妇联“巾帼创客园”今年孵化女性企业27家。", 27, "孵化女性企业"),
]


@pytest.mark.parametrize("text, value, label", COUNTED_LABELS, ids=[row[2] for row in COUNTED_LABELS])
def test_fallback_label_is_the_counted_noun_phrase(text, value, label, rules):
    (fact,) = [fact for fact in _facts(text, rules) if fact.value == value]
    assert fact.indicator.id == "uncategorized"
    assert fact.indicator.name == label


# The level of an honour named after a place is the place's: an autonomous region is a province
# (its 区 is no district), a municipality too, and a county-level city's 市 is a county's, its
# 市级 too in its own federation's report.
LEVELS = [
    ("今年全区有4户家庭获评自治区“最美家庭”。", 4, "family.model_families.provincial"),
    ("今年全区有4户家庭获评区级“最美家庭”。", 4, "family.model_families.county"),
    ("本年度共有7户家庭获评天津市“最美家庭”。", 7, "family.model_families.provincial"),
    ("本年度共有7户家庭获评义乌市“最美家庭”。", 7, "family.model_families.county"),
    ("本年度共有7户家庭获评金华市“最美家庭”。", 7, "family.model_families.prefecture"),
    # a level word opening a 、-list qualifies its later items; one that opens a family name is that item's
    ("会上表彰了市级“巾帼建功标兵”20名、“最美家庭”45户。", 45, "family.model_families.prefecture"),
    ("会上表彰了市级“最美家庭”45户、“书香家庭”12户。", 12, "family.model_families"),
    # in a county-level city's own report its 市级 (全市) is its own, county, level
    ("义乌市妇联2024年工作总结\n全年表彰市级“最美家庭”45户。", 45, "family.model_families.county"),
    ("义乌市妇联2024年工作总结\n全年评选全市“书香家庭”30户，5户家庭获评金华市“最美家庭”。", 30,
     "family.model_families.county"),
    ("义乌市妇联2024年工作总结\n全年评选全市“书香家庭”30户，5户家庭获评金华市“最美家庭”。", 5,
     "family.model_families.prefecture"),
    ("金华市妇联2024年工作总结\n全年表彰市级“最美家庭”45户。", 45, "family.model_families.prefecture"),
    # so it is in a county-level city's news article however its title reads (the article's region)
    ("巾帼建功谱新篇\n来源：义乌市融媒体中心\n\n今年以来，义乌市妇联开展“寻找最美家庭”活动，评选市级“最美家庭”80户。",
     80, "family.model_families.county"),
    ("巾帼建功谱新篇\n来源：金华市融媒体中心\n\n今年以来，金华市妇联开展“寻找最美家庭”活动，评选市级“最美家庭”80户。",
     80, "family.model_families.prefecture"),
]

# The words that name a level of honours: a banner (旗) is Inner Mongolia's county and a league (盟)
# its prefecture; 县（区）级, 区县级, 市（州）级 and the like name the same two levels.
LEVEL_WORDS = [
    ("县级", "county"), ("区级", "county"), ("旗级", "county"), ("旗县级", "county"), ("区县级", "county"),
    ("县区级", "county"), ("县市区级", "county"), ("县（区）级", "county"), ("县（市、区）级", "county"),
    ("市级", "prefecture"), ("州级", "prefecture"), ("盟级", "prefecture"), ("盟市级", "prefecture"),
    ("市州级", "prefecture"), ("市（州）级", "prefecture"), ("州（市）级", "prefecture"),
    ("省级", "provincial"), ("自治区级", "provincial"),
]
LEVELS += [(f"年内评选{word}“最美家庭”37户。", 37, f"family.model_families.{level}")
           for word, level in LEVEL_WORDS]
LEVELS += [(f"年内表彰{word}“三八红旗手”12名、“最美家庭”37户。", 37, f"family.model_families.{level}")
           for word, level in LEVEL_WORDS]


# A later figure of a bare list of figures (each followed by 、, no words of its own) counts what
# the list's first figure counts, however far the list runs from the trigger.
BARE_LISTS = [
    ("其中东城区、西城区、南城区“妇女之家”规范化建设达标率分别达到98%、91%、88%。", 88, "org.standard_rate"),
    ("三个镇的“儿童之家”规范化建设达标率依次为97.5%、93%和90%。", 90, "org.standard_rate"),
    # an item with words of its own is not a bare one
    ("其中东城区“妇女之家”规范化建设达标率达到98%、西城区有91个。", 91, "uncategorized"),
]


# A trigger past a list mark after the figure — 、, or 和 (及, 与) right after it — names the next
# item, not this one: the figure keeps the trigger of its own item before it.
NEXT_ITEMS = [
    ("大会表彰了“三八红旗集体”12个和市级“最美家庭”45户。", 12, "honours.red_banner_collectives"),
    ("大会表彰了“三八红旗集体”12个和市级“最美家庭”45户。", 45, "family.model_families.prefecture"),
    ("大会表彰了“三八红旗集体”12个、市级“最美家庭”45户。", 12, "honours.red_banner_collectives"),
    # past another figure of the unit (words between them), a trigger after is that figure's
    ("本市评出年度“最美家庭”260户 其中9户获评省级“最美家庭”", 260, "family.model_families"),
    ("本市评出年度“最美家庭”260户 其中9户获评省级“最美家庭”", 9, "family.model_families.provincial"),
    # a bare list shares the trigger after its last figure
    ("两县分别新建12个、8个“妇女之家”。", 12, "org.women_homes"),
]


# A trigger of an earlier 、-item (after that item's own figure) gives way to a trigger of the
# figure's own item; with none there (a fallback aside) it still names the figure.
OWN_ITEMS = [
    ("其中6户家庭获评宁德市“最美家庭”、2户获评福建省“最美家庭”。", 2, "family.model_families.provincial"),
    ("其中6户家庭获评宁德市“最美家庭”、2户获评福建省“最美家庭”。", 6, "family.model_families.prefecture"),
    ("全年有35场在学校开展家庭教育讲座、20场在社区举办法治宣传。", 20, "legal.publicity_sessions"),
    ("宣威市培训3120人次、会泽县2860人次。", 2860, "training.participants"),
]


# A list of examples closed by 等 + a noun: examples of several work areas (or an item naming
# none) give way to the noun, which says what the figure counts; examples of one area name it.
# A clause carried to the next figure lends it the examples' words only when its noun names nothing.
EXAMPLES = [
    ("三八节期间举办插花体验、健康讲座等活动26场。", 26, "activity.sessions"),
    ("开展政策宣讲、法律咨询、健康义诊等活动480场。", 480, "activity.sessions"),
    ("暑期开展亲子阅读、亲子手工等活动60余场。", 60, "family.education_activities"),
    ("开展健康讲座、义诊等活动30场。", 30, "health.activities"),
    # quoted names printed one after another are a list of examples too
    ("开展“法治护航”“健康同行”等主题活动40场。", 40, "activity.sessions"),
    # a carried clause whose noun after 等 names its own figure lends no example's word to the next
    ("暑期开展“春蕾护苗课堂”“防溺水”等主题活动15场，覆盖学生2600人次。", 2600, "activity.participants"),
    ("全县开展普法宣讲、亲子阅读等活动120场，服务群众5000余人次。", 5000, "activity.participants"),
]


# A committee's full name, with its bracketed 居/村, is the committee: women's share among its members
# is the female-cadre share (a stock), not women's share of a population.
COMMITTEES = [
    ("全县村（居）民委员会成员中女性比例为33.4%。", 33.4, "shares.female_cadres"),
    ("全区居民委员会成员中女性比例为52.1%。", 52.1, "shares.female_cadres"),
]


# Those who attended (参训) a training, when they are the federation's cadres, are cadre trainees.
ATTENDED = [
    ("开展履职能力轮训，参训村（社区）妇联执委860余人次。", 860, "training.cadre_participants"),
    ("开展家政技能培训，参训妇女860余人次。", 860, "training.participants"),
    # cadres who took part in a course (妇联执委参加…培训), and the 参训 that counts them after it
    ("组织社区妇联执委参加区妇联履职能力培训3期，参训120人次。", 3, "training.cadre_sessions"),
    ("组织社区妇联执委参加区妇联履职能力培训3期，参训120人次。", 120, "training.cadre_participants"),
    ("组织社区妇女参加区妇联家政技能培训3期，参训120人次。", 120, "training.participants"),
    # who ran the training taken part in (各级妇联组织的) is not read as distance from the figure
    ("全省约有80万名农村妇女参加了各级妇联组织的技能培训。", 800000, "training.participants"),
]


# Women taken into work in a trade (吸纳…从业妇女) are people helped into work; 吸纳讲师 is no job.
TAKEN_INTO_WORK = [
    ("全县已培育巾帼家政企业23家，吸纳家政从业妇女1860人。", 1860, "employment.people"),
    ("组建家政培训讲师团，吸纳讲师45名。", 45, "uncategorized"),
]


# A family-education model site (示范站, 示范基地) is a family-education site, not a women's
# employment model base.
MODEL_SITES = [
    ("每个街道至少建成1个家庭教育指导服务示范站。", 1, "family.education_sites"),
    ("两区分别打造家庭教育示范基地5个、4个。", 4, "family.education_sites"),
]


# A course that trains family-education instructors is a training course, not a family-education
# activity; the instructors stay instructors with a word between 家庭教育 and 指导师.
INSTRUCTORS = [
    ("举办家庭教育指导师专题培训班6期，培训骨干480人次。", 6, "training.sessions"),
    ("全年举办家庭教育讲师培训班3期。", 3, "training.sessions"),
    ("举办家庭教育公益讲座60场。", 60, "family.education_activities"),
    ("全区培育家庭教育骨干指导师120名。", 120, "family.education_instructors"),
]


# 为 + figure + whom: a trigger right before 为 names who did the work; the trigger the figure's
# counted noun opens with names what it counts.
FOR_WHOM = [
    ("全年选派家庭教育指导师为1200名家长答疑解惑。", 1200, "family.education_reach"),
    ("组织巾帼志愿者为860名留守儿童送去学习用品。", 860, "care.children"),
    ("全区培育家庭教育骨干指导师120名。", 120, "family.education_instructors"),
]


# An organisation or place (a stock rule's trigger) before a verb of doing the work that has an
# object of its own is who did the work or what it relied on: the object is what the figure counts.
DOERS = [
    ("东湖街道妇联开设“邻里议事厅”12个。", 12, "uncategorized"),
    ("依托村级“儿童之家”开办“假日课堂”25个。", 25, "uncategorized"),
    ("借助乡镇妇女之家设立“巾帼调解室”9个。", 9, "mediation.organisations"),
    ("北街、南街社区妇联分别开设“巾帼工坊”5个、3个。", 3, "employment.workshops"),
    ("区妇联累计培育巾帼创业项目40个。", 40, "projects.count"),
    # the verb with no object of its own: the organisation is what is counted
    ("全市妇女之家已建成320个。", 320, "org.women_homes"),
    ("全区妇联组织新建18个。", 18, "org.federations"),
    ("全县妇联新建妇女之家20个。", 20, "org.women_homes"),
]


# Of people or cases, the head noun right before the figure says who or what is counted; a trigger that
# only modifies it (流动儿童 of 流动儿童家长, 婚姻家庭纠纷 of 婚姻家庭纠纷信访) gives way. Other units keep
# the longest trigger (家庭教育巡讲 is family education).
HEAD_NOUNS = [
    ("线上课堂覆盖流动儿童家长3600人次。", 3600, "family.education_reach"),
    ("全区登记家庭教育志愿者520名。", 520, "org.volunteers"),
    ("关爱留守儿童2000人次。", 2000, "care.children"),
    ("举办家庭教育巡讲860场。", 860, "family.education_activities"),
    ("各级妇联共受理家庭矛盾纠纷投诉52件。", 52, "rights.petitions"),
    ("全年受理婚姻家庭纠纷来信来访64件次。", 64, "rights.petitions"),
    ("排查化解信访矛盾纠纷120件。", 120, "mediation.disputes"),
]


# Under a headline that names its topic by a trigger ("“两癌”免费检查"), the trigger's head word (检查),
# which names nothing on its own, is its short form in a clause nothing else (or only a fallback) names.
_HEADLINE = "全县“两癌”免费检查工作成效明显\n2024-11-20　来源：县妇联\n\n今年县妇联联合卫健部门推进项目实施。\n"
HEADLINE_HEADS = [
    (_HEADLINE + "东乡镇、西乡镇任务较重，分别完成检查1200人、980人。", 980, "health.cancer_screening"),
    (_HEADLINE + "明年，县妇联将推动检查覆盖适龄妇女2万名以上。", 20000, "health.cancer_screening"),
    # no such headline: the bare head names nothing, and the fallback stays
    ("东乡镇、西乡镇任务较重，分别完成检查1200人、980人。", 980, "uncategorized"),
    ("明年，县妇联将推动检查覆盖适龄妇女2万名以上。", 20000, "activity.participants"),
]


# A part whose own word spells out a trigger of the whole's rule more narrowly (通过直播带货就业 holds
# 就业), of the same work area, keeps its own rule, even one that gives way on a tie (e-commerce).
SPELLED_OUT = [
    ("全县帮助1500名妇女实现就业，其中通过电商平台直播就业的有280名。", 280, "employment.ecommerce_women"),
    ("帮助900名妇女实现就业增收。其中，依托网店带货实现增收的妇女有150名。", 150, "employment.ecommerce_women"),
    ("全县帮助1500名妇女实现就业，其中借助直播平台就业的妇女280名。", 280, "employment.ecommerce_women"),
    # a part that only repeats the whole's word, and an e-commerce course, stay what they were
    ("全县帮助1500名妇女实现就业，其中返乡就业的有280名。", 280, "employment.people"),
    ("举办电商直播培训班6期，培训妇女420人次。", 420, "training.participants"),
]

# A lecture on preventing a disease of women (“两癌”防治知识讲座) is a health activity, not any lecture.
DISEASE_LECTURES = [
    ("联合县妇幼保健院举办“两癌”防治知识讲座54场。", 54, "health.activities"),
    ("深入村居开展乳腺癌预防讲座18场。", 18, "health.activities"),
    ("举办女性创业讲座20场。", 20, "activity.sessions"),
]

# The publicity of a rights week or month (“三八”维权周宣传活动, 维权宣传周) is legal publicity; the
# week as the occasion of other work is not.
RIGHTS_WEEKS = [
    ("全区开展“三八”维权周宣传活动22场。", 22, "legal.publicity_sessions"),
    ("各镇街开展维权宣传周活动9场。", 9, "legal.publicity_sessions"),
    ("“巾帼维权周”活动中，区妇联举办座谈会6场。", 6, "activity.sessions"),
]


# Sessions of a classroom (课堂) held for children or families are activities, when nothing narrower
# names them.
CLASSROOMS = [
    ("联合消防大队开展防火、防电等安全教育课堂64场，覆盖学生3100人次。", 64, "activity.sessions"),
    ("各社区开办“七彩假日”课堂22期。", 22, "activity.sessions"),
]

# A federation's chair (妇联主席) is a person: the places whose chairs attended are no federations founded.
CHAIRS = [
    ("会议期间，11个县妇联主席作了交流发言。", 11, "uncategorized"),
    ("全区新建村级妇联组织26个。", 26, "org.federations"),
]


# The sum a donated insurance policy insures (保额) is not what was given.
SUMS_INSURED = [
    ("爱心企业为320名困难妇女捐赠意外伤害保险，保额合计960万元。", 9600000, "uncategorized"),
    ("爱心企业为320名困难妇女捐赠意外伤害保险，捐赠保费共计6.4万元。", 64000, "projects.donations"),
]

# An item that names its thing after its figure (授予N名同志“…”称号) is whole: the words after the list's
# last figure are that item's own, and do not veto the earlier item's rule (红旗集体 of the next title).
NAMED_AFTER = [
    ("大会授予18名同志“全县三八红旗手”称号、6个集体“全县三八红旗集体”称号。", 18, "honours.red_banner"),
    ("大会授予18名同志“全县三八红旗手”称号、6个集体“全县三八红旗集体”称号。", 6, "honours.red_banner_collectives"),
    # the words after a list whose items name nothing after their figures still speak for every item
    ("全市3个中级法院、46个基层法院均设有维权岗。", 3, "uncategorized"),
]

# Nouns listed with 、/和 before 分别 take its figures in order, as places do; the nearest of them
# names only the last figure. Places listed there (no triggers) leave the figures' own rule.
RESPECTIVELY = [
    ("全镇“妇女之家”、“儿童之家”分别建成24个、19个。", 24, "org.women_homes"),
    ("全镇“妇女之家”、“儿童之家”分别建成24个、19个。", 19, "org.children_homes"),
    ("全区家长学校和儿童之家数量分别为45所、37所。", 45, "family.education_sites"),
    ("全区家长学校和儿童之家数量分别为45所、37所。", 37, "org.children_homes"),
    ("东镇、西镇分别建成妇女之家8个、6个。", 6, "org.women_homes"),
]

# Calls for help through the hotline are calls, in 件次 too; 来电 counted in 件次 among petitions
# received is a channel of the petitions.
HOTLINE_CASES = [
    ("今年以来，经12338维权热线求助的妇女达57件次。", 57, "rights.hotline_calls"),
    ("全年受理妇女信访案件210件次，其中来访88件次、来电97件次。", 97, "rights.petitions"),
    ("全县妇联接待群众来信来访来电164件次。", 164, "rights.petitions"),
]

# A word between 家庭教育 and 讲师 (志愿, 兼职, 专职) still names the instructors.
LECTURERS = [
    ("全区现有家庭教育兼职讲师75名。", 75, "family.education_instructors"),
    ("新招募家庭教育志愿讲师40余名。", 40, "family.education_instructors"),
]

# Trainees who earned a certificate (取得/获得…证书) are an outcome of training, not a count of it;
# a 结业证书 only says they finished it.
CERTIFICATES = [
    ("共培训月嫂320人次，其中210人获得高级育婴员证书。", 210, "uncategorized"),
    ("首期培训班结束，42名学员考取养老护理员职业资格证书。", 42, "uncategorized"),
    ("经过考核，60名学员取得结业证书。", 60, "training.participants"),
]

# Those counted before 参加/参与 took part in what its object names: the object's modifiers (what the
# course was in, a 、-list too) are no distance between the figure and the trigger that heads the object.
TAKEN_PART_IN = [
    ("全镇组织260余名留守妇女参加竹编、草编等传统手工技艺培训。", 260, "training.participants"),
    ("县妇联组织480名农村妇女参加中式面点、育婴护理实用技能培训。", 480, "training.participants"),
    # no trigger heading the object: those who took part stay activity participants
    ("县妇联组织480名农村妇女参加中式面点、育婴护理展示活动。", 480, "activity.participants"),
]

# 骨干 is the federation's cadres only as the noun counted (培训骨干480人次); before another noun
# (骨干编织能手, 骨干绣娘) it modifies the trainees, who are trained women.
CORE_MEMBERS = [
    ("举办竹编技艺培训班3期，培训骨干编织能手85名。", 85, "training.participants"),
    ("举办家庭教育指导师培训班3期，培训骨干共240人次。", 240, "training.cadre_participants"),
]

# A figure that counts places (12个村, 8个社区) is no count of what the places set up after it
# (成立/建立/建成 + a rule's word), nor of a rule carried from an earlier clause.
PLACES_THAT_SET_UP = [
    ("全镇已有12个村成立巾帼互助合作社。", 12, "uncategorized"),
    ("推行“合作社+农户”模式，成效逐步显现，全乡已有9个村建立巾帼手工工坊。", 9, "uncategorized"),
    # what the places did, no thing they set up: the rule names the places (units that completed it)
    ("全市8个县（市、区）全部完成妇联换届。", 8, "org.reelection_units"),
    ("全县新建巾帼手工工坊12个。", 12, "employment.workshops"),
]

# A clause whose counted noun, right before the figure, is a word of a rule that does not take the
# figure's unit names its own thing: no earlier clause's rule is carried over it.
OWN_NOUNS = [
    ("评选“最美家庭”1200户，表彰三八红旗手（集体）86个（名）。", 86, "uncategorized"),
    ("评选“最美家庭”1200户，其中新评选260户。", 260, "family.model_families"),
]

# A share whose clause opens with 占 leaves its subject out: it is what the figure before counts, and a
# rate trigger of words + 占 (女性占) names the share when that subject opens with the words.
SHARE_SUBJECTS = [
    ("全市女性民宿经营者230名，占民宿经营者总数的42.6%。", 42.6, "shares.women"),
    ("参训学员300名，其中妇女186名，占62%。", 62, "shares.women"),
    # a subject that opens with its verb is no women's share
    ("救助困难妇女146名，占申请总数的80%。", 80, "uncategorized"),
]

# 平安家庭 is a family title like 最美家庭 and 书香家庭: its households are model families.
FAMILY_TITLES = [
    ("全镇评选“平安家庭”示范户320户。", 320, "family.model_families"),
    ("新评选县级“平安家庭”180户。", 180, "family.model_families.county"),
]

# An item that says only where it was chosen in the selection an earlier item counts (入选, as 评选)
# leaves its thing out and counts what the earlier item named.
CHOSEN_ITEMS = [
    ("全省遴选培育“巾帼共富工坊”200家，我县入选12家。", 12, "employment.workshops"),
    ("全省遴选培育“巾帼共富工坊”200家，我县入选12家。", 200, "employment.workshops"),
]

# A goal value in brackets is a goal of what its clause counts, however far back the clause names
# it, or else of the figure before it in the sentence.
GOAL_VALUES = [
    ("截至年底，全区建成儿童之家286个，儿童之家数量已完成2025年中期目标值（260个）的110%。", 260,
     "org.children_homes"),
    ("全年培训农村妇女920人次，完成年度目标任务（800人次）的115%。", 800, "training.participants"),
]

# A later item of a breakdown by category (XX类 + figure) goes on with the 其中 clause before it.
CATEGORY_ITEMS = [
    ("上半年受理妇女来信来访240件次。其中婚姻家庭类130件次，占总量的54.2%；侵犯财产权益类36件次。", 36,
     "rights.petitions"),
    ("上半年受理妇女来信来访240件次。其中婚姻家庭类130件次，侵犯财产权益类36件次。", 36, "rights.petitions"),
]

# People sent to a job somewhere (到…上岗, 赴…从事…工作, 外出务工) are placed in work, whatever
# the words before call them (学员).
PLACED_IN_WORK = [
    ("推荐560名学员到月嫂公司上岗，人均月收入4800元。", 560, "employment.people"),
    ("组织96名农村妇女赴宁波从事保洁、餐饮等工作。", 96, "employment.people"),
    ("全年培训学员700人，帮助320名学员外出务工。", 700, "training.participants"),
]

# Each table above declares one behaviour of classification: (the behaviour, its rows of text,
# figure and the indicator a reader gives it).
BEHAVIOURS = [
    ("a_section_heading_names_a_figure_whose_noun_it_holds", SECTION_HEADINGS),
    ("a_refining_context_in_the_heading_or_title_refines", OUTER_CONTEXT),
    ("a_count_of_places_is_no_fallbacks", PLACE_COUNTS),
    ("an_age_between_figure_and_trigger_is_no_distance", ASIDES),
    ("linking_words_keep_the_carried_name", CARRIED),
    ("an_item_that_leaves_its_thing_out_counts_the_earlier_items", ELIDED_ITEMS),
    ("a_bare_repeated_verb_takes_the_earlier_clauses_narrower_rule", BARE_CLAUSES),
    ("a_word_inside_a_quoted_campaign_name_yields_to_what_the_campaign_does", QUOTED_THEMES),
    ("a_clause_of_whom_the_work_reached_takes_the_earlier_clauses_rule", REACHED),
    ("a_counted_noun_repeated_from_an_earlier_figure_takes_its_rule", REPEATED_NOUNS),
    ("a_two_character_noun_is_the_short_form_of_an_earlier_trigger_word", SHORT_NOUNS),
    ("the_title_names_a_figure_whose_clause_leaves_its_thing_out", TITLE_ELIDED),
    ("a_breakdown_part_without_a_rule_counts_what_its_whole_counts", BREAKDOWN_WHOLES),
    ("the_second_figure_of_a_from_to_pair_takes_the_firsts_rule", FROM_TO_PAIRS),
    ("a_bare_rate_noun_is_the_rate_of_the_figure_before", BARE_RATES),
    ("a_table_rows_first_cell_labels_its_cells", ROW_LABELS),
    ("a_column_header_naming_a_change_names_its_cells_change", COLUMN_CHANGES),
    ("a_bare_and_partner_takes_its_partners_rule", PARTNERS),
    ("a_word_of_a_meetings_name_does_not_name_who_attended", MEETINGS),
    ("a_noun_naming_one_member_of_a_mixed_group_gives_way", GROUP_MEMBERS),
    ("an_honours_level_is_the_named_places", LEVELS),
    ("a_bare_list_figure_counts_what_its_first_counts", BARE_LISTS),
    ("a_trigger_past_a_list_mark_names_the_next_item", NEXT_ITEMS),
    ("a_trigger_of_the_figures_own_item_beats_an_earlier_items", OWN_ITEMS),
    ("examples_of_several_areas_give_way_to_the_noun_after_deng", EXAMPLES),
    ("a_committees_full_name_is_the_committee", COMMITTEES),
    ("cadres_who_attended_a_training_are_cadre_trainees", ATTENDED),
    ("women_taken_into_work_in_a_trade_are_employment", TAKEN_INTO_WORK),
    ("a_family_education_model_site_is_a_site", MODEL_SITES),
    ("a_course_that_trains_instructors_is_training", INSTRUCTORS),
    ("a_trigger_before_wei_names_who_did_the_work", FOR_WHOM),
    ("an_organisation_before_a_verb_with_its_own_object_did_the_work", DOERS),
    ("the_head_noun_of_people_or_cases_counted_beats_its_modifier", HEAD_NOUNS),
    ("a_headline_triggers_head_word_is_its_short_form", HEADLINE_HEADS),
    ("a_part_spelling_out_the_wholes_word_keeps_its_own_rule", SPELLED_OUT),
    ("a_lecture_on_preventing_a_disease_is_a_health_activity", DISEASE_LECTURES),
    ("a_rights_weeks_publicity_is_legal_publicity", RIGHTS_WEEKS),
    ("a_classroom_session_is_an_activity", CLASSROOMS),
    ("a_federations_chair_is_no_federation", CHAIRS),
    ("the_sum_insured_is_no_donation", SUMS_INSURED),
    ("an_item_named_after_its_figure_is_not_vetoed_by_the_lists_tail", NAMED_AFTER),
    ("nouns_listed_before_fenbie_take_its_figures_in_order", RESPECTIVELY),
    ("hotline_calls_for_help_in_jianci_are_calls_laidian_among_petitions_is_a_petition", HOTLINE_CASES),
    ("a_modifier_between_family_education_and_lecturer_keeps_the_instructors", LECTURERS),
    ("trainees_who_earned_a_certificate_are_no_training_count", CERTIFICATES),
    ("the_modifiers_of_what_was_taken_part_in_are_no_distance", TAKEN_PART_IN),
    ("core_members_are_cadres_only_as_the_noun_counted", CORE_MEMBERS),
    ("a_count_of_places_is_no_count_of_what_they_set_up", PLACES_THAT_SET_UP),
    ("a_clause_whose_noun_is_another_rules_word_takes_no_carried_rule", OWN_NOUNS),
    ("a_share_opening_with_zhan_is_the_share_of_the_figure_before", SHARE_SUBJECTS),
    ("pingan_jiating_is_a_model_family_title", FAMILY_TITLES),
    ("an_item_chosen_in_an_earlier_selection_counts_what_it_counts", CHOSEN_ITEMS),
    ("a_bracketed_goal_value_is_a_goal_of_what_its_clause_counts", GOAL_VALUES),
    ("a_later_category_item_goes_on_with_the_breakdown", CATEGORY_ITEMS),
    ("people_sent_to_a_job_are_placed_in_work", PLACED_IN_WORK),
]
BEHAVIOUR_CASES = [(behaviour, text, value, indicator)
                   for behaviour, rows in BEHAVIOURS for text, value, indicator in rows]


@pytest.mark.parametrize("behaviour, text, value, indicator", BEHAVIOUR_CASES,
                         ids=[f"{case[0]}-{index}" for index, case in enumerate(BEHAVIOUR_CASES)])
def test_each_figure_gets_the_indicator_its_behaviour_declares(behaviour, text, value, indicator, rules):
    assert _indicator_of(text, value, rules) == indicator


def test_work_done_by_an_organisation_stays_a_flow(rules):
    """The stock basis of the organisation's rule does not make what it opened a count at a date."""
    from fuhe_cli.extract import extract_text

    (fact,) = extract_text("2024年1至6月，东湖街道妇联开设“邻里议事厅”12个。", rules=rules).facts
    assert (fact.indicator.id, fact.period.start, fact.period.end) == ("uncategorized", "2024-01", "2024-06")
