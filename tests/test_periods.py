"""The period each fact covers, stock or flow, plan or achievement — on report-style texts.

Each case is a short report (its title and date line matter) and, for figures in it, the period
a reader gives them: (figure as written, period start, period end, target, year). A start of None
is a stock counted at the end month; a period of None means nothing in the text fixes it.
"""
from __future__ import annotations

import pytest

from fuhe_cli.extract import extract_text

HALF_YEAR = """双流区妇联2024年上半年工作情况

一、主要工作
上半年，全区新建妇女微家26个，培训妇女1200人次。截至2024年6月底，全区建成妇女微家230个。
目前，全区共有巾帼志愿服务队85支。
二、下半年工作打算
力争新建儿童之家20个，计划培训妇女3000人次。
"""
THREE_QUARTERS = """某县妇联2022年前三季度工作开展情况

全县妇联组织开展家庭教育讲座46场，参与家长3200人次。
"""
HALF_YEAR_WITHOUT_UPPER = """某镇妇联2025年半年工作总结

半年来，镇妇联走访留守儿童86人次，举办家庭教育讲座12场。
"""
CONGRESS_NEWS = """某市妇女第九次代表大会开幕
2023-10-20

10月19日上午，某市妇女第九次代表大会开幕。大会报告说，过去五年，全市妇女事业取得新进展。
在思想引领上，组建巾帼宣讲团开展宣讲300余场，覆盖群众6万人次。
在家庭建设上，评选最美家庭520户。
会上，表彰了三八红旗手40名。
本次大会表彰巾帼建功标兵30名。
"""
DAY_LEAD_NEWS = """某县妇联举办家庭教育讲座
2023-10-20

10月19日上午，某县妇联举办家庭教育讲座。
讲座吸引家长200余人参加。
"""
SAME_MONTHS_LAST_YEAR = """某市妇联三季度工作简报
2024-10-08

三季度，全市妇联开展家庭教育活动420场。去年同期，全市开展此类活动360场。
"""
FIRST_QUARTER = """市妇联2023年第一季度工作简报

一季度，全市受理妇女来信来访132件次，办结率98.5%。
"""
ANNUAL_WITH_PLAN = """某市妇联2023年工作总结和2024年工作计划

一、2023年工作总结
全年培训农村妇女4.1万人次，发放创业担保贷款3.2亿元。
2019年至2023年，全市共发放妇女创业担保贷款12.6亿元。
二、2024年工作计划
（一）围绕就业创业
2024年，力争培训妇女5万人次。
（二）关爱儿童
新建儿童之家30个。
"""
CONGRESS = """在某市第十次妇女代表大会上的报告
（2024年12月20日）

五年来，全市累计培训妇女20万人次，建成巾帼示范基地120个。
2023年，全市妇联系统开展维权宣传活动860场。
今后五年，到2029年，全市将建成妇女微家500个。
"""
NEWS = """市妇联今年以来帮扶困难妇女2300人
发布时间：2024-05-10

今年以来，市妇联共走访慰问困难妇女2300人，发放慰问金46万元。去年，全市共救助困难妇女1800人。
截至目前，全市已建成“春蕾书屋”48个。
"""
NORMS = """关于加强基层妇联阵地建设的通知

各县妇联：
每个村至少有1个妇女之家，每月至少开展1次活动。
"""
UNDATED = """妇联工作动态

县妇联组织妇女参加技能培训班，培训学员260人次。
"""
SIGNED_AFTER = """某县妇联2023年工作总结

2018年以来，全县累计发放贴息贷款2.1亿元。
现有妇女之家320个，今年新建妇女微家15个。

某县妇女联合会
2024年1月8日
"""
CONGRESS_IN_JANUARY = """在某县第九次妇女代表大会上的报告
（2022年1月12日）

五年来，全县累计培训妇女3.2万人次。
"""
PAGE_OF_ARTICLES = """市妇联新闻中心

甲县：巾帼家政培训走进乡村
发布时间：2024-06-18
今年以来，甲县妇联培训家政服务员300人次。

乙县：巾帼宣讲进万家
发布时间：2024-05-21
5月以来，乙县妇联开展巾帼宣讲40场。目前，乙县共有宣讲队12支。
"""
NOW_GOVERNS_SENTENCE = """县妇联巾帼民宿带动妇女就业
发布时间：2024-05-30

目前全县由妇女经营的民宿达到312家，带动2100多名妇女就近就业。
自2020年开展家政培训以来，全县现有持证家政服务员680名。
去年，全县共有16户家庭获评市级最美家庭。
"""
HALF_YEAR_MIXED = """某区妇联2024年上半年工作总结

截至6月底，全区新建家长学校18所，已培育家政企业27家。
下半年，力争全年宣讲场次突破400场。
其中新建儿童之家：6个
"""
PLAN_HEADINGS = """某县妇联2023年工作总结
2024年1月5日

一、主要工作
全年培训妇女2100人次。
二、基础数据（截至2023年12月31日）
全县村级妇联执委2360名。
三、2024年目标
新建妇女微家20个，全年宣讲不少于50场。
"""
FIVE_YEAR_GOALS = """在某县第十次妇女代表大会上的报告
（2022年1月10日）

今后五年，到2026年，全县培训城乡妇女3万人次，新增巾帼示范基地20个。每个村至少有1支巾帼志愿服务队。
"""
BRACKETED_PLAN = """某区妇联“平安家庭”创建实施方案（2024—2025年）
2024年3月5日

一、基本情况
2023年，全区调处婚姻家庭纠纷342件。
二、工作要求
每个乡镇至少建成1个婚姻家庭辅导站。
"""
QUARTER_PLAN = """市妇联一季度工作简讯
发布时间：2024-04-16

一季度，全市新建妇女微家26个。二季度，市妇联将力争新建妇女微家80个。
"""
# A 关于-title opening with its period; a table column of the year's task holds targets.
TASK_TABLE_NOTICE = """某市妇联关于2024年前三季度农村妇女技能培训任务推进情况的通报

按照年度安排，2024年全市须完成农村妇女技能培训1.2万人。各县区推进情况如下：
县区\t年度任务（人）\t已培训（人）
甲县\t5000\t3900
乙县\t7000\t5100
各县区已举办培训班86期。
"""
# Goals of the plan a monitoring report's title names: levels to reach by the plan's end.
PLAN_GOALS_MONITORED = """某市儿童发展规划（2021—2030年）2024年度监测报告

全市儿童体检率为93.5%，距目标值（95%以上）尚有差距。
儿童之家覆盖率已连续两年高于90%的目标值。
女童入学率达到规划“保持在99%以上”的要求。
全市已建成儿童之家410个，完成2025年中期目标值（500个）的82.0%。
"""
# A news lead after a site's dateline and its source (某某网3月12日讯（记者 …）记者日前从…获悉，)
# still opens the article: its festival window dates the paragraphs that go on with it.
WINDOW_AFTER_DATELINE = """“三八”期间某省妇联开展活动5800场
发布时间：2024-03-12 10:05　来源：某某网

某某网3月12日讯（记者 王某）记者日前从某省妇联获悉，今年“三八”期间，全省各级妇联开展各类活动5800场。
活动期间，各地为困难妇女发放慰问金260万元。
"""
# …but a window that is only the occasion the news is told on (…到来之际，记者从…获悉，) is no lead.
OCCASION_BEFORE_SOURCE = """某省：巾帼创业带动妇女增收
发布时间：2024-03-07 09:00　来源：某某网

某某网3月7日电（记者 李某）在“三八”国际妇女节到来之际，记者从某省妇联获悉，2023年，全省培训农村妇女12万人次。

在某市，当地家政企业中女性从业人员超过3万人。
"""
# Teams set up (成立) this year are a flow even where the rule counts what stands, and so are people
# who came to work (共有…通过…实现创业); a festival followed by its visits (重阳节走访…) is its month.
FORMED_AND_SET_TO_WORK = """某区妇联2024年工作总结

今年牵头成立巾帼志愿服务队15支。全区共有186名女性通过创业担保贷款实现创业。
重阳节走访慰问高龄妇女165人。
"""
# A deadline after a figure in its clause (距规划“到2030年达到70%以上”…) is the goal's year, not the
# figure's; a year after it that is no deadline still dates it (…，是2023年…).
DEADLINE_AFTER_THE_FIGURE = """某区妇女发展规划2024年度监测报告

全区乳腺癌筛查率为65.2%，距规划“到2030年达到70%以上”的目标还有差距。
"""
# A headline figure the body tells again is the same fact, of the body's time; one the body does not
# repeat keeps only what the headline says (here: nothing).
HEADLINE_FIGURE_TOLD_AGAIN = """某县妇联“六一”爱心义卖筹得善款36.8万元 惠及儿童500名
发布时间：2025-06-03

6月1日，县妇联举办爱心义卖活动，筹得善款36.8万元。
"""
# A time that opens a later ；-part is that part's own: the part after it goes back to the sentence's
# opening (全年…；“三八”期间…；…300余次: the year's).
A_LATER_PARTS_OWN_TIME = """某街道妇联2024年工作总结

全年开展志愿服务活动126场；“三八”期间走访慰问困难妇女48户；某社区为独居老人开展上门服务300余次。
"""
# 截至年底 without a year after the year its sentence names is that year's end (a 2025 plan's review of
# 2024); a later ；-part past a stock's date that counts nothing standing is what was done up to it,
# a rate of the work included, while 其中 parts, a level reached and a named share still stand.
YEAR_END_AND_PARTS_PAST_A_STOCK_DATE = """某市妇联2025年工作要点
（2025年2月20日）

一、2024年工作回顾
2024年，全市新建“妇女微家”24个，截至年底全市“妇女微家”达到186个；“两癌”检查覆盖率达到92.3%。
截至2024年9月底，全市已认定示范基地18个；受理信访372件，办结率97.8%；其中甲区、乙区分别有7个、5个；新领域妇联组织达到227个。
"""
# 年内 after a later year's deadline in the clause before is this year's plan, not the deadline's
# year (到2025年底实现…全覆盖，年内再培训…); 半年内 and 三年内 are spans, no year.
WITHIN_THIS_YEAR_AFTER_A_DEADLINE = """某市妇联：织密维权网络
发布时间：2024-11-25

下一步，市妇联将力争到2025年底实现调解室全覆盖，年内再培训婚调员200名。
"""
# A year, a few words of what began then and 以来, without 自 (2018年项目启动以来): a run up to now, no one year.
SINCE_A_YEAR_WITHOUT_ZI = """某县妇联“两癌”救助工作综述
发布时间：2024-06-20

2018年项目启动以来，全县累计为4.2万名妇女提供免费检查。
"""
# Under a stock's date in a year's report, 今年/当年 new ones are the year up to that date, also in
# a ；-clause; 新认定 and 新当选 are new ones too.
NEW_UNDER_A_STOCK_DATE_IN_A_YEARS_REPORT = """在某省妇联执委会议上的工作报告
（2024年12月20日）

一、2024年主要工作
截至11月底，全省共有“妇女之家”1.42万个；今年新建“妇女微家”2350个。
截至9月底，全市已认定示范基地58个，其中当年新认定14个。
截至12月底，全县村妇联全部完成换届，新当选执委2890名。
"""
# A lead that opens by naming the day's occasion, then its source (11月25日是“国际消除家庭暴力日”。
# 记者从…了解到，今年以来，…): its own time is the one after both, and a later 1至10月 within it
# does not end it (a paragraph going on with 此外 keeps the 1至10月 of the one before).
OCCASION_BEFORE_THE_LEAD = """某市妇联：织密维权网络
2024年11月25日　　来源：某市妇女联合会

11月25日是“国际消除家庭暴力日”。记者从某市妇联了解到，今年以来，全市各级妇联受理信访123件。
据统计，1至10月，全市妇联系统共办结信访118件。
此外，全市开展普法宣传活动265场次。
全市妇联协助申请人身安全保护令21份。
"""
# A mid-term review names the years it reports on in its opening sentence, before 现将…如下 and
# outside the plan's name in 《》: the document has no one year, its "now" is the end of those years,
# and what stands (已…的有, 累计建成 before one year's new ones, a named share) is counted there.
MIDTERM_REVIEW = """某市妇女发展规划（2021—2030年）中期评估报告
某市妇女儿童工作委员会办公室　2025年9月26日

我市对《某市妇女发展规划（2021—2030年）》2021—2024年实施情况开展了中期评估，现将评估情况报告如下。
一、总体进展
规划主要指标中，已提前实现目标的有41项。2021年以来，全市累计建成家长学校620所，其中2024年新建45所。
2024年末，全市女性比重为43.6%；全年为2860名妇女发放贷款3.46亿元。
二、存在的问题
村委会主任中女性比例仅为11.6%。
"""
# The day the news was learnt (12月2日，记者从…获悉，) is no event: the lead's own time after the
# source dates the article, also written without a comma before its subject (今年该区…).
DAY_OF_LEARNING_BEFORE_SOURCE = """某区：“两癌”筛查进村屯
发布时间：2024-12-05

本报讯（通讯员 某某）12月2日，记者从某市某区妇联获悉，今年该区已为1.36万名农村适龄妇女开展免费筛查。
区妇联还组建健康志愿服务队12支。
"""
# The part of the year just ended, opening a page dated the month after (上半年，… on 7月3日), dates
# the undated paragraphs after it; a count of what is now (现有) stands at its end.
HALF_YEAR_LEAD = """某县妇联半年工作回顾
某县妇联 2024年07月03日

上半年，全县各级妇联组织围绕中心开展工作。

全县现有巾帼志愿者3200名，较去年底新增志愿服务队15支。

争取公益项目12个，资金86万元。
"""
# A list page's later item reviewing last year (总结2024年工作) dates that item, not the page.
LIST_PAGE_LATER_REVIEW = """某省妇女联合会
首页 > 新闻动态

甲市妇联举办女性专场招聘会
发布时间：2025-03-14
3月12日，甲市妇联举办招聘会，提供就业岗位1800余个。

乙市妇联召开全市妇联工作会议
发布时间：2025-02-20
2月19日，乙市妇联召开会议，总结2024年工作。会议通报，2024年全市培训农村妇女7600人次。
"""
# A share named as one is a share of those in place (a level), and so is the share of places that
# have something (建校率, 普及率), of children enrolled (入园率, 巩固率) or of goals met (达标率); a rate of what was done and a share of the
# newly counted are the year's.
NAMED_SHARES = """某县妇女儿童发展规划2023年度监测报告

2023年，全县村民委员会成员中女性比例为30.2%，适龄妇女宫颈癌筛查率为66.1%。
全县普惠性幼儿园在园幼儿占比达到87.5%，新招募志愿者中女性占比为45.3%。
农村社区家长学校建校率达到76%，监测指标达标率为88.9%，孕产妇系统管理率为96.4%。
学前三年毛入园率为90.6%，九年义务教育巩固率达到97.2%。
"""
# A comparison's base dates only its own value and its own clause: 比2020年（92.0%） brackets the
# base's value, a change's span stops at the ；, and 与2020年基本持平 names no year of the figure.
COMPARISONS_IN_CLAUSE = """某区妇女发展纲要2023年度实施情况监测报告

2023年，全县孕产妇系统管理率为95.1%，比2020年（92.0%）提高3.1个百分点；适龄妇女宫颈癌筛查率为70.2%。
城镇单位就业人员中女性比重为42.0%，与2020年基本持平。全年新增城镇就业女性3200人。
"""
# Under a stock's date, a change over last year is the year's: 较上年提高4个百分点.
CHANGE_UNDER_STOCK_DATE = """某县2023年儿童工作情况

截至2023年底，全县建成儿童之家120个，儿童之家覆盖率达到90%，较上年提高4个百分点。
"""
# 今年 under a stock's date earlier in its year is the year up to that date, not up to the page's.
THIS_YEAR_UNDER_STOCK_DATE = """县妇联推进妇女微家建设
发布时间：2024-11-22

11月18日，县妇联召开现场推进会。截至10月底，全县已建成妇女微家186个，其中今年新建41个。
"""
# A figure listed after another shares the words before the first: 分别建成…620个、410个 are both stocks.
LISTED_FIGURES_SHARE_THEIR_VERB = """某省妇联2023年家庭教育工作综述

甲市、乙市分别建成家庭教育指导服务站点620个、410个。
"""
# A count at a date told at the event (会议通报，截至10月底，…) does not end the lead's event: the
# paragraph after it (会上，…) is still the meeting's.
COUNT_TOLD_AT_THE_EVENT = """某县：妇女微家暖人心
发布时间：2024-11-22

本报讯（通讯员 张某）11月18日，某县妇联召开妇女微家建设推进会，40余人参加。
会议通报，截至10月底，全县已建成妇女微家186个。
会上，市妇联负责人介绍，全市已建成妇女微家1420个。
"""
# A paragraph that goes back to the lead's event (活动中，…) is the event's, past paragraphs of other
# times told in between (今年以来，… / 去年，…).
EVENT_GOES_ON = """区妇联举办庆“三八”主题活动
发布时间：2025-03-07

3月6日上午，区妇联在广场举办主题活动，约500人参加。
据了解，今年以来，区妇联已开展普法活动12场。
去年，全区共有3200余名妇女参加了技能培训。
活动中，区妇联还展出手工艺品200余件。
"""
# A column headed with next year's goal (2025年目标) holds targets; the years before it what was done.
YEAR_COLUMNS_AND_GOAL = """某市妇联2023—2024年主要指标完成情况

指标名称\t单位\t2023年\t2024年\t2025年目标
妇女技能培训\t人次\t8100\t9300\t10000
"""
# A page that opens with its body has no headline: a plan word in its first paragraph makes no plan.
BODY_WITHOUT_HEADLINE = """来源：某某网　发布时间：2013年01月25日
6日，记者从省妇联获悉，过去的一年，全省带动5000名妇女就业，共发放创业贷款20.1亿元。今年计划免费培训1200名贫困母亲。
"""
# A clause of only a noun (…356所，家庭教育指导师210名) goes on with the clause before it; one with a
# verb and a time of its own (…173个，1-8月调处纠纷2360件) does not.
BARE_NOUN_CLAUSE = """某县妇联2024年家庭教育工作情况

全县现有家长学校356所，家庭教育指导师210名。截至8月底，全县已建成调解室173个，1-8月调处纠纷2360件。
"""
# Under a run of years, what was built and stands (建成, 现有, 总数达到) is counted at the run's end;
# what was done (培训…人次, 新建) is the run's total.
BUILT_OVER_A_TERM = """在某县第十一次妇女代表大会上的工作报告
（2025年9月20日）

五年来，全县累计培训妇女3.6万人次，新建妇女微家120个，建成家长学校230所。
"""
# A ；-clause naming its own 全年 after a year-end stock date is the year's flow.
WHOLE_YEAR_AFTER_STOCK_DATE = """某市妇联2024年工作总结

截至2024年底，全市建成妇女之家358个；全年发放宣传资料35万余份。
"""
EVENTS_COUNTED = """县妇联家政培训成效明显
发布时间：2024-08-20

截至7月底，全县培训家政从业人员4300人次，累计培训妇女2.1万人次。今年全县共有1.2万人次参加技能培训。
"""
SPAN_OPENS_ARTICLE = """🌸 巾帼志愿活动月回顾
发布时间：2024-04-10

🌸 3月以来，区妇联组织各街道开展“巾帼志愿服务月”活动。

📍 送法进社区
各街道开展普法讲座36场，服务群众1800余人次。

下一步，区妇联将力争年内再开展普法讲座20场。
"""
WORDS_OF_A_YEAR_REPORT = """某市妇联2023年工作总结

全市共有50户家庭入选省级“最美家庭”，家庭教育指导服务覆盖率达到88%。全区共有3200余名妇女参加了技能培训。
明年，市妇联将新培育巾帼示范村100个。
"""
DAY_OPENS_PARAGRAPH = """区妇联召开表彰大会
发布时间：2025-03-12

在“三八”国际妇女节到来之际，区妇联组织开展系列活动。
3月7日，全区表彰大会召开，120名妇女代表参会。会上表彰了三八红旗手20名。
"""
FESTIVAL_OPENS_ARTICLE = """区妇联开展纪念“三八”国际妇女节系列活动
发布时间：2025-03-12

在“三八”国际妇女节到来之际，区妇联组织开展系列活动。
“巾帼维权周”活动中，区妇联接受法律咨询300余人次。
"""
SINCE_THEN_AS_OF = """县妇联“两癌”筛查服务送到村头
发布时间：2024-05-09

4月以来，县妇联开展“两癌”筛查进乡村活动。截至5月8日，已为农村妇女免费检查8600人，发现疑似病例23例。
"""
CONGRESS_GOALS_HEADING = """在某市第十三次妇女代表大会上的工作报告
（2024年1月10日）

二、今后五年的目标任务
到2028年，力争五年累计开展巾帼宣讲1.5万场以上。
"""
YEAR_TASKS = """某县妇联2024年前三季度工作总结

一、工作开展情况
上半年完成全年宣讲任务的60%。
二、四季度工作打算
全年任务1.3万名，目前已完成1.08万名。
"""
LAST_YEAR_IN_BRACKETS = """某区妇联2024年1—11月主要工作数据统计

说明：括号内为上年同期数。
巾帼宣讲：开展612场（上年同期548场），覆盖4.3万人次（3.9万人次）。
"""
MONITORING_TABLE = """某市妇女发展规划（2021—2030年）2023年度监测报告

四、下一步工作建议
力争到2025年底全部达到中期目标值。
全市女性参加失业保险人数为48.6万人，仅完成2025年中期目标值（58万人）的83.8%。

附：主要指标监测表（单位：%）
指标名称　　2020年基数　　2023年监测值　　2030年目标值
妇女常见病筛查率　　78.5　　86.2　　≥90
"""
SINCE_APPOINTED = """2024年度个人述职报告
（2025年1月8日）

本人于2023年3月任县妇联主席。
全年组织宣讲312场；任职以来累计宣讲近580场。
"""
TERM_IN_FEBRUARY = """在县妇联十五届四次执委会议上的工作报告
（2025年2月18日）

自2022年1月县第十五次妇女代表大会选举产生本届执委会以来，我们坚持党建带妇建。
本届以来，全县累计新建妇女之家示范点57个。
"""
WHOLE_YEAR_AFTER_DEADLINE = """光山县妇联：巾帼红扮靓乡村振兴路
2024-06-14 10:25　来源：信阳市妇联

下一步，县妇联将力争年底前再新建就业车间8个，全年培训妇女不少于3000人次。
"""
PERIOD_IN_THE_INTRO = """浏阳市妇女儿童事业发展规划实施情况中期评估报告
2024年4月12日

规划实施以来，市妇儿工委逐项推进。现将2021—2023年实施情况评估如下。
三年来，全市发放巾帼创业担保贷款5.62亿元。
"""
THREE_YEAR_PLAN = """某市“巾帼家政”提质扩容行动计划（2024—2027年）
某市妇女联合会　某市人力资源和社会保障局
2024年4月16日

二、目标任务
到2025年，累计培训家政从业妇女1.2万人次。到2027年，培育省级巾帼家政示范企业10家。
三、重点举措
2024年起，每年举办巾帼家政培训班不少于40期。
每个区县培育巾帼家政服务品牌至少1个，四年内评选“好家政”100名。
"""
LEVEL_REACHED = """某区妇儿工委2023年监测报告

2023年，每万名儿童拥有儿童活动场所数由2020年的4.2个提高到5.6个。
全区儿童之家由2020年底的286个增加到2023年底的358个。
"""
PLAN_GOALS_QUOTED = """某市妇女儿童事业发展“十四五”规划实施情况中期评估报告
2024年4月12日

2021—2023年，全市培训城乡妇女4.3万人次，完成“十四五”目标（6万人次）的71.7%。
全市“最美家庭”评选户数三年累计1640户，仅为规划目标3000户的54.7%。
"""
TIMES_RESPECTIVELY = """某县妇联2024年工作总结

四季度，10月、11月、12月分别开展志愿服务112场次、106场次、117场次。
2023年、2024年，全县分别评选“最美家庭”186户、214户，两年累计受益家长1.9万人次。
"""
EVENT_DAY_OPENS_NEWS = """绵竹市妇联举办巾帼家政服务技能培训班
发布时间：2024-06-14 09:32　来源：绵竹市妇联

6月12日至13日，市妇联举办巾帼家政服务技能培训班，78名妇女参加培训。
培训邀请5名家政讲师授课，安排实操课时12个。
"""
PROGRESS_BULLETIN = """市妇联工作简报
2024年6月5日

一、1-5月重点工作进展
全市已建成妇女微家418个，受理妇女信访132件次。
二、下一步工作
年内力争培训绣娘1500人。9月底前全市巾帼志愿者达到1.3万人。确定全年培训农村妇女12万人次的目标。
"""
NEWS_NOW_AFTER_LAST_YEAR = """自治区妇联：巾帼示范基地带动增收
发布时间：2024-03-18

新华社南宁3月18日电
去年全区新增巾帼示范基地45个，目前全区自治区级巾帼示范基地已达到520个。
“十四五”以来，全区累计发放妇女创业担保贷款86亿元。
"""
THREE_QUARTERS_TABLE = """某市妇联2024年前三季度工作情况

全市建成儿童之家1532个，其中2024年新建的12个。
下一步，全年开展执委培训2次。
"""
REST_OF_YEAR = """县妇联巾帼家政托起稳就业
发布时间：2024-07-19

下一步，县妇联将力争在年底前新培训家政从业妇女1000人次。
"""
RECENT_NEWS = """县妇联举办家政培训结业仪式
发布时间：2024-08-20

县妇联日前举行家政服务培训结业仪式，本期培训育婴员120名。两地妇联近日签署协议，将共建调解站30个。
"""
MONITORING = """某市妇女发展规划（2021—2030年）2023年度监测报告

全市女干部比例由2020年的62.0%提高到2023年的71.4%。已达到2030年目标值的有41项，占70.7%。
村委会成员中女性比例为28.9%，较2020年基数（24.1%）提高4.8个百分点。
"""
BREAKDOWNS = """某市妇联2024年工作总结

全年新建妇女微家57个，其中甲区12个、乙县8个。全市共有家长学校1200所（其中中小学家长学校213所）。
"""
HALF_YEAR_NEXT_STEPS = """某县妇联2024年上半年工作总结

全县仍有15%的村未建妇女微家。全年计划开展宣讲2000场次，1至6月已开展1120场次。
三、下步打算
各镇新办电商培训班6期。全市需完成免费检查9.6万人。
"""
TERM_FROM_CONGRESS = """某市妇联工作报告
2024年9月20日

自2021年11月市第九次妇女代表大会召开以来，全市妇联组织扎实推进各项工作。
本届以来，全市累计培育女致富带头人1460名。自第九次妇代会以来，全市新建妇女微家126个。
"""

# 序号|label|unit|years|goal: each cell is about its row's label (已建成 → a stock), and under a
# goal's column a rate or a stock is a level to reach at the goal year's end; work to do stays a flow
GOAL_COLUMN_TABLE = """某县妇女儿童发展规划2024年度主要指标监测表
填报日期：2025年3月10日

序号|指标名称|单位|2020年基数|2024年|2025年目标
1|农村适龄妇女乳腺癌筛查率|%|61.5|72.3|≥75
2|新生儿死亡率|‰|2.41|1.96|≤3
3|已建成妇女之家的社区|个|88|126|140
4|家长学校|所|52|67|75
5|妇女创业培训|人次|1200|1850|2000
"""
SPEECH_REVIEW_THEN_LIST = """在全县妇联执委会议上的讲话
（2025年2月20日）

过去一年，全县各级妇联组织围绕中心、服务大局。
这一年，我们开展家庭教育讲座64场，新建儿童之家12个。
今年是“十四五”规划收官之年。全县各级妇联要对标任务，重点抓好以下工作：
一是开展家庭教育讲座不少于80场；
二是推动每个乡镇至少建成1个妇女议事会。
同志们，让我们携手奋进，谱写妇女事业新篇章！
"""


SPAN_OPENING_A_PART_AFTER_A_STOCK = """某县妇联家庭教育工作动态
发布时间：2025-07-10

截至5月底，全县已建成家长学校96所；今年以来开展家长课堂58场，累计募集资金36万元。
"""
BREAKDOWN_PARAGRAPH_AFTER_A_SPAN = """某市妇联助力妇女增收
发布时间：2025-11-20

11月18日，市妇联举办电商助农直播大赛，32名妇女参赛。
今年以来，市妇联举办电商培训班16期，帮助820名妇女就业。
其中，通过直播带货就业的妇女有150名。
"""
EVENT_GOES_ON_AFTER_THE_LEAD = """某市妇联举办家政技能培训班
发布时间：2025-10-16

10月14日至15日，市妇联举办家政技能培训班，培训学员86名。
今年以来，全市开展家政培训31期。
培训期间，市妇联还组织招聘对接，现场达成意向岗位40个。
"""


NEW_ONES_COLUMN_TABLE = """某州妇联2025年前三季度工作通报
（2025年10月12日）

各县（市）妇女之家建设情况（截至2025年9月底）
| 县（市） | 妇女之家（个） | 其中今年新建（个） |
| 甲县 | 240 | 16 |
1—9月各县（市）妇女微家建设情况
| 县（市） | 新建妇女微家（个） | 妇女微家总数（个） |
| 乙县 | 38 | 175 |
"""


SHARE_AMONG_AFTER_A_STOCK_AND_A_FAR_CUMULATIVE_GOAL = """某市妇联工作情况
（2025年11月20日）

截至10月底，全市共有妇联执委8600名；执委中40岁以下的占31.2%，其中新当选的占12%。
到2026年底，全市将累计培育“巾帼创业”等女性创业品牌不少于30个。
"""


BREAKDOWN_YEAR_BEFORE_A_LATER_PART = """某市妇联第七届执委会工作报告摘要
（2025年12月10日）

五年来，全市举办技能培训班1800期，其中2025年420期；累计发放创业担保贷款6.2亿元。
"""


SELF_ASSESSMENT_ITEMS = """某县妇联2025年度妇女创业培训项目绩效自评报告
一、绩效目标完成情况
1.培训人数：目标值500人，实际完成560人。
2.学员满意度：目标值≥85%，实际完成93.2%。
"""


QUARTER_SHARES_NORMS_AND_RAISED_WORK = """某县妇联2025年第三季度信访工作分析
（2025年10月9日）

三季度，全县受理信访212件次，其中婚姻家庭类130件次，占信访总量的61.3%。
到年底，实现每个村至少有1名妇联执委担任调解员，新建婚姻家庭纠纷调解组织不少于8个。
明年拟将培训调解员人数提高到300人。
"""


EMPLOYED_BY_WHAT_STANDS = """某市妇联第八次妇女代表大会工作报告摘要
（2025年12月12日）

五年来，全市累计建成巾帼共富工坊210个，吸纳妇女就业8600人。
2025年，全市新建巾帼共富工坊12个，吸纳妇女就业560人，带动妇女增收1300万元。
"""

SHARE_OF_THE_YEARS_TASK = """某市妇联关于2025年1—9月重点工作进展情况的通报
2025-10-12

1—9月，全市为3.4万名适龄妇女开展“两癌”检查，完成年度任务的81.2%。
据了解，全市今年计划培训家政服务人员2000人次，目前已完成全年计划的67.5%。
下一步，确保11月底前全市完成年度任务的95%以上。
"""
FROM_ONE_YEARS_LEVEL_TO_ANOTHERS = """某县第六次妇女代表大会工作报告
2026-02-26

五年来，全县妇女之家由2021年的120个增加到2025年的265个，妇女创业担保贷款由2021年的0.8亿元提高到2025年的1.6亿元，家政培训由2021年的900人次增加到2025年的2100人次。
"""
A_LATER_CLAUSE_AFTER_TWO_YEARS_LEVELS = """某市第七次妇女代表大会工作报告
2026-01-20

一、过去五年的工作回顾
全市“两癌”免费检查人数由2021年的5.2万人增加到2025年的7.6万人，累计救助困难妇女1860名。
"""
A_FESTIVALS_WEEK_NAMED_AS_THE_ACTIVITY = """某县妇联2025年上半年工作总结

一、维护妇女权益
上半年，受理妇女信访28件次；开展“三八”维权周宣传活动12场，发放宣传资料3000余份。
"""
LAST_YEARS_SAME_MONTHS_AFTER_A_PARTS_OWN_SPAN = """某县妇联2025年10月工作月报
2025-11-03

本月举办家政培训班2期，培训妇女96人次；1至10月共培训妇女1730人次，上年同期为1520人次。
"""
LAST_YEARS_SAME_MONTHS_IN_AN_UNDATED_REPORT = """某县妇联2025年9月工作月报
（截至2025年9月30日）

1至9月共举办家庭教育讲座118场，上年同期为96场，同比增长22.9%。
"""
A_LEVEL_RAISED_OVER_A_RUN_OF_YEARS = """某县妇联2025年工作总结
2026-01-08

“十四五”以来，全县村级妇女之家覆盖率由2020年底的76%提高到100%。
"""
A_NOUN_ONLY_PART_UNDER_A_STOCKS_DATE = """某县妇联2025年1—11月工作进展
2025-12-02

截至11月底，全县有妇女之家210个，其中今年新建14个；巾帼示范基地17个。截至11月底，全县新领域妇联组织达到88个，比上年底增加9个；受理信访65件。
"""
A_SHARE_OF_A_MIDTERM_GOAL_OVER_A_RUN = """某市妇联关于“巾帼护航”三年行动（2025—2027年）中期实施情况的报告
2026-12-08

现将三年行动2025—2026年实施情况报告如下。
自2025年以来，全市举办家政培训班96期，培训妇女6400人次，完成中期目标值（8000人次）的80%。
"""
A_RUN_TOLD_BY_ITS_LENGTH_ENDS_IN_THE_YEAR_NAMED = """某州妇联关于“巾帼助学”三年行动（2025—2027年）中期实施情况的报告
2026-12-08

现将三年行动2025—2026年实施情况报告如下。
三、2027年工作打算
2027年是三年行动收官之年，州妇联将确保三年累计开展助学活动达到300场，累计资助女童达到1500名，力争全州“春蕾书屋”总数达到60个。
"""
A_PROJECTS_STATED_SPAN = """某县妇联2025年“巾帼护理”培训项目结项报告
项目周期：2025年4月—2025年10月
一、项目完成情况
项目安排资金40万元。项目期内共举办护理员培训班12期，培训妇女560人。
"""
A_RATE_OF_PAYMENT_AND_WHAT_WAS_FIRST_PLANNED = """某县妇联2025年家政培训工作总结
2025-12-20

全年举办家政培训班9期，培训妇女430人；培训补贴标准为每人800元，按每人每天20元发放交通补助。
原定培训妇女400人，实际完成率107.5%；学员满意度95.2%。
"""
CUMULATIVE_SET_AGAINST_THE_QUARTER = """某市妇联2025年第二季度重点工作数据通报

一、第二季度主要工作数据
1.技能培训。本季度举办技能培训班31期，培训妇女1860人次；累计培训妇女4120人次，完成年度任务的61.5%。
2.家庭教育。开展家庭教育直播课6期，累计观看2.4万人次。
"""
A_TIME_STILL_AHEAD_OF_THE_PAGE = """两地妇联召开东西部协作座谈会
2026-11-20

今年以来，两地妇联已联合举办培训班6期。座谈会上，双方签订协作协议，明确明年共同培训妇女不少于800人次，新建巾帼工坊4家。
"""
NEW_UNDER_A_STOCKS_DATE_IN_A_PROJECT = """某县妇联“巾帼绣娘”培训项目中期报告
项目周期：2025年4月—2025年12月
2025-09-05

截至8月底，项目实际举办培训班8期，培训妇女410人次。
"""
A_DATED_TERM_IN_A_MARCH_CONGRESS = """在某县第十六次妇女代表大会上的工作报告
（2026年3月12日）

自2021年4月县第十五次妇女代表大会召开以来，全县新建妇女之家86个，评选“最美家庭”420户。
"""
WHOLE_YEAR_LATER_IN_AN_ITEM_LINE = """某县妇联2025年上半年工作总结

一、主要工作
上半年，全县举办家政培训班6期。
二、下半年工作打算
1.举办家政培训班8期以上，力争全年培训妇女1500人次。
"""
A_YEARS_TOTAL_BY_A_DEADLINE = """某县妇联2025年前三季度工作总结

一、工作开展情况
前三季度，全县完成“两癌”检查9800人。
二、下一步工作
年底前全县“两癌”检查人数达到1.3万人。
"""
CHOSEN_BY_A_DEADLINE_IN_A_PLAN = """某县妇联2026年工作要点
2026-02-10

一、家庭建设
6月底前，推选县级“最美家庭”40户。
"""
BUILT_AS_A_NOUNS_MODIFIER = """某县巾帼工坊助农增收
2025-09-18

今年以来，全县新建巾帼工坊12家。其中，在东镇建成的电商基地已孵化农村女主播38名。
"""
A_MEETINGS_REQUIREMENT = """某县召开“美丽庭院”创建推进会
2025-09-05

会上通报，目前全县已有“美丽庭院”示范户3200户。会议要求，年内全县示范户总数要达到5000户。
"""
A_TABLE_UNDER_A_FORMS_PARTICULARS = """某市妇联2025年上半年基层组织建设统计表
（截至2025年6月30日）
填报单位：某市妇联　　填报日期：2025年7月5日
县区 | 儿童之家（个） | 其中上半年新建（个） | 家长学校（所）
东县 | 120 | 18 | 86
西县 | 95 | 14 | 71
"""
AN_INLINE_HEADINGS_PARAGRAPH_OPENING = """某县妇联2025年前三季度工作总结

一、主要工作
（一）家庭建设。三季度，开展亲子阅读活动36场。另有9户家庭获评市级“最美家庭”。
"""
PLANNED_FOR_WHOM = """某区“两癌”筛查进社区
2025-06-20

据了解，今年全区计划为2500名适龄妇女提供免费“两癌”检查，目前已完成检查1300人。
"""
SHARE_OF_THE_YEARS_PLAN_SO_FAR = """某县“美丽庭院”创建提速
2024-08-16

据了解，全县今年计划创建“美丽庭院”示范户8000户，目前已完成年度计划的72.4%。
"""

CASES = [
    (HALF_YEAR, [("26个", (2024, 1), (2024, 6), False, 2024),
                 ("1200人次", (2024, 1), (2024, 6), False, 2024),
                 ("230个", None, (2024, 6), False, 2024),          # a stock counted at a date
                 ("85支", None, (2024, 6), False, 2024),           # 目前 in a half-year report: its end
                 ("20个", (2024, 7), (2024, 12), True, 2024),      # a plan for the next half-year
                 ("3000人次", (2024, 7), (2024, 12), True, 2024)]),
    (THREE_QUARTERS, [("46场", (2022, 1), (2022, 9), False, 2022)]),
    # a lead that opens with the congress's day and goes on to the five years it reviews
    (CONGRESS_NEWS, [("300余场", (2019, 1), (2023, 10), False, None),
                     ("6万人次", (2019, 1), (2023, 10), False, None),
                     ("520户", (2019, 1), (2023, 10), False, None),
                     ("40名", (2023, 10), (2023, 10), False, 2023),            # 会上: the meeting's day
                     ("30名", (2023, 10), (2023, 10), False, 2023)]),          # 本次大会: the meeting's too
    # 去年同期 with its own figure: the quarter in force, a year back (not last January to October)
    (SAME_MONTHS_LAST_YEAR, [("420场", (2024, 7), (2024, 9), False, 2024),
                             ("360场", (2023, 7), (2023, 9), False, 2023)]),
    (DAY_LEAD_NEWS, [("200余人", (2023, 10), (2023, 10), False, 2023)]),
    (HALF_YEAR_WITHOUT_UPPER, [("86人次", (2025, 1), (2025, 6), False, 2025),     # 2025年半年: the first half
                               ("12场", (2025, 1), (2025, 6), False, 2025)]),
    (FIRST_QUARTER, [("132件次", (2023, 1), (2023, 3), False, 2023)]),
    (ANNUAL_WITH_PLAN, [("4.1万人次", (2023, 1), (2023, 12), False, 2023),
                        ("12.6亿元", (2019, 1), (2023, 12), False, None),   # five years, no one year
                        ("5万人次", (2024, 1), (2024, 12), True, 2024),
                        ("30个", (2024, 1), (2024, 12), True, 2024)]),    # under a plan's sub-heading
    (CONGRESS, [("20万人次", (2020, 1), (2024, 12), False, None),
                ("860场", (2023, 1), (2023, 12), False, 2023),
                ("500个", None, (2029, 12), True, 2029)]),
    (NEWS, [("2300人", (2024, 1), (2024, 5), False, 2024),
            ("1800人", (2023, 1), (2023, 12), False, 2023),
            ("48个", None, (2024, 5), False, 2024)]),
    (NORMS, [("1个", None, None, True, None), ("1次", None, None, True, None)]),
    (UNDATED, [("260人次", None, None, False, None)]),
    # a report of the year its title states, signed the next January, speaks from that year's end
    (SIGNED_AFTER, [("2.1亿元", (2018, 1), (2023, 12), False, None),
                    ("320个", None, (2023, 12), False, 2023),
                    ("15个", (2023, 1), (2023, 12), False, 2023)]),
    # a congress in January counts its five years in whole years, up to last December
    (CONGRESS_IN_JANUARY, [("3.2万人次", (2017, 1), (2021, 12), False, None)]),
    # each article of a page speaks from its own date line
    (PAGE_OF_ARTICLES, [("300人次", (2024, 1), (2024, 6), False, 2024),
                        ("40场", (2024, 5), (2024, 5), False, 2024),
                        ("12支", None, (2024, 5), False, 2024)]),
    # 目前 governs the rest of its sentence; 现有 after a span is counted at its end; 获评 counts a flow
    (NOW_GOVERNS_SENTENCE, [("312家", None, (2024, 5), False, 2024),
                            ("2100多名", None, (2024, 5), False, 2024),
                            ("680名", None, (2024, 5), False, 2024),
                            ("16户", (2023, 1), (2023, 12), False, 2023)]),
    # under a stock's date, what is new is a flow of the year up to it; 已培育 stays a stock;
    # 全年 after 下半年 is the whole year; a label's colon does not hide its 新建
    (HALF_YEAR_MIXED, [("18所", (2024, 1), (2024, 6), False, 2024),
                       ("27家", None, (2024, 6), False, 2024),
                       ("400场", (2024, 1), (2024, 12), True, 2024),
                       ("6个", (2024, 1), (2024, 6), False, 2024)]),
    # a heading's stock date and a heading's goals (三、2024年目标) govern the figures under them
    (PLAN_HEADINGS, [("2100人次", (2023, 1), (2023, 12), False, 2023),
                     ("2360名", None, (2023, 12), False, 2023),
                     ("20个", (2024, 1), (2024, 12), True, 2024),
                     ("50场", (2024, 1), (2024, 12), True, 2024)]),
    # a deadline inside a run of years caps the run; a norm holds at the period's end
    (FIVE_YEAR_GOALS, [("3万人次", (2022, 1), (2026, 12), True, None),
                       ("20个", (2022, 1), (2026, 12), True, None),
                       ("1支", None, (2026, 12), True, 2026)]),
    # a plan's period in brackets after its title; its 基本情况 is no target
    (BRACKETED_PLAN, [("342件", (2023, 1), (2023, 12), False, 2023),
                      ("1个", None, (2025, 12), True, 2025)]),
    # a yearless quarter in a plan is the coming one
    (QUARTER_PLAN, [("26个", (2024, 1), (2024, 3), False, 2024),
                    ("80个", (2024, 4), (2024, 6), True, 2024)]),
    # person-times, sessions, cases count events: flows, up to a stock's date; only 累计 counts at it
    # progress under 重点工作进展 is done; 年内, a month deadline and 的目标 after a figure are plans
    (PROGRESS_BULLETIN, [("418个", None, (2024, 5), False, 2024),
                         ("132件次", (2024, 1), (2024, 5), False, 2024),
                         ("1500人", (2024, 1), (2024, 12), True, 2024),
                         ("1.3万人", None, (2024, 9), True, 2024),
                         ("12万人次", (2024, 1), (2024, 12), True, 2024)]),
    # 目前 after 去年 counts at the page's date, of its year; “十四五”以来 is a span from 2021
    (NEWS_NOW_AFTER_LAST_YEAR, [("45个", (2023, 1), (2023, 12), False, 2023),
                                ("520个", None, (2024, 3), False, 2024),
                                ("86亿元", (2021, 1), (2024, 3), False, None)]),
    # a year named inside a report of January-September is counted so far; 全年 in a plan is the year
    (THREE_QUARTERS_TABLE, [("12个", (2024, 1), (2024, 9), False, 2024),
                            ("2次", (2024, 1), (2024, 12), True, 2024)]),
    # a plan up to the year's end, on a page of July: what is still to come
    (REST_OF_YEAR, [("1000人次", (2024, 7), (2024, 12), True, 2024)]),
    # 日前/近日 is the page's month; a plan announced 近日 is not of that month
    (RECENT_NEWS, [("120名", (2024, 8), (2024, 8), False, 2024),
                   ("30个", None, None, True, None)]),
    # a monitoring report reviews its plan: its year is the report's; 提高到2023年 is no deadline;
    # a goal's year dates only the goal; a share of those in place (女干部比例) is a level at a date
    (MONITORING, [("71.4%", None, (2023, 12), False, 2023),
                  ("70.7%", (2023, 1), (2023, 12), False, 2023),
                  # a base's own value in brackets is of its year; a change from it runs since then
                  ("24.1%", None, (2020, 12), False, 2020),
                  ("4.8个百分点", (2021, 1), (2023, 12), False, None)]),
    # a breakdown reads the words of the clause it breaks down (新建: flows; 共有: stocks)
    (BREAKDOWNS, [("12个", (2024, 1), (2024, 12), False, 2024),
                  ("8个", (2024, 1), (2024, 12), False, 2024),
                  ("213所", None, (2024, 12), False, 2024)]),
    # 仍有 counts what stands; 已开展 is done after a plan's words; an untimed plan after a half-year
    # report is for the months to come; 需完成 is a task
    (HALF_YEAR_NEXT_STEPS, [("15%", None, (2024, 6), False, 2024),
                            ("1120场次", (2024, 1), (2024, 6), False, 2024),
                            ("6期", (2024, 7), (2024, 12), True, 2024),
                            ("9.6万人", (2024, 7), (2024, 12), True, 2024)]),
    # the term runs from the congress the report dates: 本届以来 and 自第九次妇代会以来 start there
    (TERM_FROM_CONGRESS, [("1460名", (2021, 11), (2024, 9), False, None),
                          ("126个", (2021, 11), (2024, 9), False, None)]),
    # a span up to now opening an article (3月以来，…) dates its undated paragraphs; not its plans
    (SPAN_OPENS_ARTICLE, [("36场", (2024, 3), (2024, 4), False, 2024),
                          ("1800余人次", (2024, 3), (2024, 4), False, 2024),
                          ("20场", (2024, 1), (2024, 12), True, 2024)]),
    # an award after the figure keeps it a flow (入选); a coverage rate is a level at the year's end;
    # 将 before a 新-verb is a plan
    (WORDS_OF_A_YEAR_REPORT, [("50户", (2023, 1), (2023, 12), False, 2023),
                              ("88%", None, (2023, 12), False, 2023),
                              ("3200余名", (2023, 1), (2023, 12), False, 2023),   # 共有…参加了: those who took part
                              ("100个", (2024, 1), (2024, 12), True, 2024)]),
    # a day opening a paragraph is the day of the event the paragraph tells
    (DAY_OPENS_PARAGRAPH, [("120名", (2025, 3), (2025, 3), False, 2025),
                           ("红旗手20名", (2025, 3), (2025, 3), False, 2025)]),
    # a festival's window opening an article dates its undated paragraphs
    (FESTIVAL_OPENS_ARTICLE, [("300余人次", (2025, 3), (2025, 3), False, 2025)]),
    # what was done up to a stock's date, in a paragraph that opens with a span, runs from the span's start
    (SINCE_THEN_AS_OF, [("8600人", (2024, 4), (2024, 5), False, 2024),
                        ("23例", (2024, 4), (2024, 5), False, 2024)]),
    # a deadline under a heading's run of years caps the run
    (CONGRESS_GOALS_HEADING, [("1.5万场以上", (2024, 1), (2028, 12), True, None)]),
    # 全年任务 is the year's quantity; a share of the year's task (全年…任务的60%) keeps its own span
    (YEAR_TASKS, [("1.3万名", (2024, 1), (2024, 12), True, 2024),
                  ("60%", (2024, 1), (2024, 6), False, 2024)]),
    # under a legend "括号内为上年同期数", a bracketed figure is the figure before it a year back;
    # the bracket's time is its own, not the next figure's
    (LAST_YEAR_IN_BRACKETS, [("开展612场", (2024, 1), (2024, 11), False, 2024),
                             ("548场", (2023, 1), (2023, 11), False, 2023),
                             ("4.3万人次", (2024, 1), (2024, 11), False, 2024),
                             ("3.9万人次", (2023, 1), (2023, 11), False, 2023)]),
    # a table cell takes its column header's time (基数, 监测值); a goal's value (目标值) is a level
    # to reach by its year; an appendix (附：) is out of the plan section above it
    (MONITORING_TABLE, [("58万人", None, (2025, 12), True, 2025),
                        ("78.5", (2020, 1), (2020, 12), False, 2020),
                        ("86.2", (2023, 1), (2023, 12), False, 2023),
                        ("≥90", None, (2030, 12), True, 2030)]),
    # 任职以来 runs from the month the text says its author took office
    (SINCE_APPOINTED, [("312场", (2024, 1), (2024, 12), False, 2024),
                       ("近580场", (2023, 3), (2024, 12), False, None)]),
    # a term counted in a report of January–March runs in whole years, up to last December
    (TERM_IN_FEBRUARY, [("57个", (2022, 1), (2024, 12), False, None)]),
    # 全年 in a plan's later clause is the whole year, not the rest of it up to the deadline before
    (WHOLE_YEAR_AFTER_DEADLINE, [("3000人次", (2024, 1), (2024, 12), True, 2024)]),
    # the report's own words near its top (现将2021—2023年实施情况评估如下) state its period; it speaks from its end
    (PERIOD_IN_THE_INTRO, [("5.62亿元", (2021, 1), (2023, 12), False, None)]),
    # a plan whose title closes with its period (…行动计划（2024—2027年）): 累计 by a deadline is a level to
    # reach; a flow up to a deadline runs from the plan's start; …年起 runs to the plan's end; N年内
    # is the coming N years; a norm's words hold in their own clause only
    (THREE_YEAR_PLAN, [("1.2万人次", None, (2025, 12), True, 2025),
                       ("10家", (2024, 1), (2027, 12), True, None),
                       ("不少于40期", None, (2027, 12), True, 2027),
                       ("至少1个", None, (2027, 12), True, 2027),
                       ("100名", (2024, 1), (2027, 12), True, None)]),
    # 由A提高到B: B is the level reached, of the report's time (not the base's year), A the base's
    (LEVEL_REACHED, [("5.6个", None, (2023, 12), False, 2023),
                     ("358个", None, (2023, 12), False, 2023)]),
    # a plan's goal quoted beside what was done is a target over the plan's years
    (PLAN_GOALS_QUOTED, [("6万人次", (2021, 1), (2025, 12), True, None),
                         ("3000户", (2021, 1), (2025, 12), True, None)]),
    # times listed before 分别 pair with its figures in order; 两年累计 is a run of years
    (TIMES_RESPECTIVELY, [("112场次", (2024, 10), (2024, 10), False, 2024),
                          ("106场次", (2024, 11), (2024, 11), False, 2024),
                          ("117场次", (2024, 12), (2024, 12), False, 2024),
                          ("186户", (2023, 1), (2023, 12), False, 2023),
                          ("214户", (2024, 1), (2024, 12), False, 2024),
                          ("1.9万人次", (2023, 1), (2024, 12), False, None)]),
    # the day of the event a news lead opens with (6月12日至13日，…) dates the paragraphs that go on with it
    (EVENT_DAY_OPENS_NEWS, [("5名", (2024, 6), (2024, 6), False, 2024),
                            ("12个", (2024, 6), (2024, 6), False, 2024)]),
    # … and so does 近日 opening a news lead (the page's month)
    (EVENT_DAY_OPENS_NEWS.replace("6月12日至13日，", "近日，"), [("5名", (2024, 6), (2024, 6), False, 2024)]),
    (EVENTS_COUNTED, [("4300人次", (2024, 1), (2024, 7), False, 2024),
                      ("2.1万人次", None, (2024, 7), False, 2024),
                      ("1.2万人次", (2024, 1), (2024, 8), False, 2024)]),
    # a 关于-title's period is the report's; a cell under 年度任务 is a target over the whole year
    (TASK_TABLE_NOTICE, [("1.2万人", (2024, 1), (2024, 12), True, 2024),
                         ("5000", (2024, 1), (2024, 12), True, 2024),
                         ("3900", (2024, 1), (2024, 9), False, 2024),
                         ("86期", (2024, 1), (2024, 9), False, 2024)]),
    # a goal's value in a report on the plan the title names is a level to reach by the plan's end;
    # the share of a goal reached is done, not planned
    (PLAN_GOALS_MONITORED, [("95%以上", None, (2030, 12), True, 2030),
                            ("90%", None, (2030, 12), True, 2030),
                            ("99%以上", None, (2030, 12), True, 2030),
                            ("82.0%", None, (2024, 12), False, 2024)]),
    # the half-year just ended, opening a page of the month after it, dates the paragraphs below
    (HALF_YEAR_LEAD, [("3200名", None, (2024, 6), False, 2024),
                      ("15支", (2024, 1), (2024, 6), False, 2024),
                      ("12个", (2024, 1), (2024, 6), False, 2024),
                      ("86万元", (2024, 1), (2024, 6), False, 2024)]),
    # … but not in a page dated months later (上半年，… in December is one part of the year told)
    (HALF_YEAR_LEAD.replace("07月03日", "12月20日"), [("12个", None, None, False, None)]),
    # a festival window opening a news lead after a dateline and its source dates what goes on with it
    (WINDOW_AFTER_DATELINE, [("5800场", (2024, 3), (2024, 3), False, 2024),
                             ("260万元", (2024, 3), (2024, 3), False, 2024)]),
    (DEADLINE_AFTER_THE_FIGURE, [("65.2%", (2024, 1), (2024, 12), False, 2024),
                                 ("70%以上", None, (2030, 12), True, 2030)]),
    (FORMED_AND_SET_TO_WORK, [("15支", (2024, 1), (2024, 12), False, 2024), ("186名", (2024, 1), (2024, 12), False, 2024),
                              ("165人", (2024, 10), (2024, 10), False, 2024)]),   # a festival and its visits
    (HEADLINE_FIGURE_TOLD_AGAIN, [("36.8万元", (2025, 6), (2025, 6), False, 2025), ("500名", None, None, False, None)]),
    (A_LATER_PARTS_OWN_TIME, [("126场", (2024, 1), (2024, 12), False, 2024), ("48户", (2024, 3), (2024, 3), False, 2024),
                              ("300余次", (2024, 1), (2024, 12), False, 2024)]),
    (YEAR_END_AND_PARTS_PAST_A_STOCK_DATE, [("24个", (2024, 1), (2024, 12), False, 2024),
                                            ("186个", None, (2024, 12), False, 2024),
                                            ("92.3%", (2024, 1), (2024, 12), False, 2024),
                                            ("18个", None, (2024, 9), False, 2024),
                                            ("372件", (2024, 1), (2024, 9), False, 2024),
                                            ("97.8%", (2024, 1), (2024, 9), False, 2024),
                                            ("7个", None, (2024, 9), False, 2024),
                                            ("227个", None, (2024, 9), False, 2024)]),
    (WITHIN_THIS_YEAR_AFTER_A_DEADLINE, [("200名", (2024, 1), (2024, 12), True, 2024)]),
    (SINCE_A_YEAR_WITHOUT_ZI, [("4.2万名", (2018, 1), (2024, 6), False, None)]),
    (NEW_UNDER_A_STOCK_DATE_IN_A_YEARS_REPORT, [("1.42万个", None, (2024, 11), False, 2024),
                                                ("2350个", (2024, 1), (2024, 11), False, 2024),
                                                ("14个", (2024, 1), (2024, 9), False, 2024),
                                                ("2890名", (2024, 1), (2024, 12), False, 2024)]),
    (OCCASION_BEFORE_THE_LEAD, [("123件", (2024, 1), (2024, 11), False, 2024),
                                ("118件", (2024, 1), (2024, 10), False, 2024),
                                ("265场次", (2024, 1), (2024, 10), False, 2024),     # 此外: the paragraph before's
                                ("21份", (2024, 1), (2024, 11), False, 2024)]),
    (MIDTERM_REVIEW, [("41项", None, (2024, 12), False, 2024), ("620所", None, (2024, 12), False, 2024),
                      ("45所", (2024, 1), (2024, 12), False, 2024), ("43.6%", None, (2024, 12), False, 2024),
                      ("2860名", (2024, 1), (2024, 12), False, 2024), ("11.6%", None, (2024, 12), False, 2024)]),
    (DAY_OF_LEARNING_BEFORE_SOURCE, [("1.36万名", (2024, 1), (2024, 12), False, 2024),
                                     ("12支", (2024, 1), (2024, 12), False, 2024)]),
    # the occasion a news item is told on dates nothing after it
    (OCCASION_BEFORE_SOURCE, [("12万人次", (2023, 1), (2023, 12), False, 2023),
                              ("3万人", None, None, False, None)]),
    # a named share is a level; a rate of the work done and a share of the newly counted are flows
    (NAMED_SHARES, [("30.2%", None, (2023, 12), False, 2023), ("66.1%", (2023, 1), (2023, 12), False, 2023),
                    ("87.5%", None, (2023, 12), False, 2023), ("45.3%", (2023, 1), (2023, 12), False, 2023),
                    ("76%", None, (2023, 12), False, 2023), ("88.9%", None, (2023, 12), False, 2023),
                    ("96.4%", (2023, 1), (2023, 12), False, 2023),
                    ("90.6%", None, (2023, 12), False, 2023), ("97.2%", None, (2023, 12), False, 2023)]),
    # a comparison's base and its span stay in their clause
    (COMPARISONS_IN_CLAUSE, [("95.1%", (2023, 1), (2023, 12), False, 2023),
                             ("92.0%", (2020, 1), (2020, 12), False, 2020),
                             ("70.2%", (2023, 1), (2023, 12), False, 2023),
                             ("42.0%", None, (2023, 12), False, 2023),
                             ("3200人", (2023, 1), (2023, 12), False, 2023)]),
    # a change over last year under a stock's date is the year's flow
    (CHANGE_UNDER_STOCK_DATE, [("120个", None, (2023, 12), False, 2023),
                               ("4个百分点", (2023, 1), (2023, 12), False, 2023)]),
    # 今年 under 截至10月底 ends there
    (THIS_YEAR_UNDER_STOCK_DATE, [("186个", None, (2024, 10), False, 2024),
                                  ("41个", (2024, 1), (2024, 10), False, 2024)]),
    # the second of two listed figures keeps the first's stock verb
    (LISTED_FIGURES_SHARE_THEIR_VERB, [("620个", None, (2023, 12), False, 2023),
                                       ("410个", None, (2023, 12), False, 2023)]),
    # a count at a date told at the event leaves the later paragraphs to the event
    (COUNT_TOLD_AT_THE_EVENT, [("186个", None, (2024, 10), False, 2024),
                               ("1420个", None, (2024, 11), False, 2024)]),
    # a paragraph going on with the lead's event is the event's
    (EVENT_GOES_ON, [("500人", (2025, 3), (2025, 3), False, 2025), ("12场", (2025, 1), (2025, 3), False, 2025),
                     ("3200余名", (2024, 1), (2024, 12), False, 2024),
                     ("200余件", (2025, 3), (2025, 3), False, 2025)]),
    # a cell under 2025年目标 is that year's target
    (YEAR_COLUMNS_AND_GOAL, [("8100", (2023, 1), (2023, 12), False, 2023), ("9300", (2024, 1), (2024, 12), False, 2024),
                             ("10000", (2025, 1), (2025, 12), True, 2025)]),
    # the first paragraph of a page without a headline is no plan's title
    (BODY_WITHOUT_HEADLINE, [("5000名", (2012, 1), (2012, 12), False, 2012),
                             ("1200名", (2013, 1), (2013, 12), True, 2013)]),
    # a clause of only a noun keeps the stock verb of the clause before
    (BARE_NOUN_CLAUSE, [("356所", None, (2024, 12), False, 2024), ("210名", None, (2024, 12), False, 2024),
                        ("173个", None, (2024, 8), False, 2024), ("2360件", (2024, 1), (2024, 8), False, 2024)]),
    # under a run, what stands is counted at its end and what was done is the run's
    (BUILT_OVER_A_TERM, [("3.6万人次", (2021, 1), (2025, 9), False, None), ("120个", (2021, 1), (2025, 9), False, None),
                         ("230所", None, (2025, 9), False, 2025)]),
    # 全年 in a ；-clause after a stock date is the year
    (WHOLE_YEAR_AFTER_STOCK_DATE, [("358个", None, (2024, 12), False, 2024),
                                   ("35万余份", (2024, 1), (2024, 12), False, 2024)]),
    # a later list item's review of last year is that item's
    (LIST_PAGE_LATER_REVIEW, [("1800余个", (2025, 3), (2025, 3), False, 2025),
                              ("7600人次", (2024, 1), (2024, 12), False, 2024)]),
    (GOAL_COLUMN_TABLE, [("72.3", (2024, 1), (2024, 12), False, 2024), ("≥75", None, (2025, 12), True, 2025),
                         ("1.96", (2024, 1), (2024, 12), False, 2024), ("≤3", None, (2025, 12), True, 2025),
                         ("|126", None, (2024, 12), False, 2024), ("|140", None, (2025, 12), True, 2025),
                         ("|67", None, (2024, 12), False, 2024), ("|75", None, (2025, 12), True, 2025),
                         ("|2000", (2025, 1), (2025, 12), True, 2025)]),
    # a speech early in the year reviews the last one; the list a plan-like lead opens is this
    # year's plan, its norm held at the year's end; the paragraph after the list is no item
    (SPEECH_REVIEW_THEN_LIST, [("64场", (2024, 1), (2024, 12), False, 2024),
                               ("不少于80场", (2025, 1), (2025, 12), True, 2025),
                               ("至少建成1个", None, (2025, 12), True, 2025)]),
    # a span opening a later ；-part runs to the page's date, not to the stock's in the part before
    (SPAN_OPENING_A_PART_AFTER_A_STOCK, [("96所", None, (2025, 5), False, 2025),
                                         ("58场", (2025, 1), (2025, 7), False, 2025),
                                         ("36万元", (2025, 1), (2025, 7), False, 2025)]),
    # 其中，… goes on in the time of the paragraph it breaks down
    (BREAKDOWN_PARAGRAPH_AFTER_A_SPAN, [("150名", (2025, 1), (2025, 11), False, 2025)]),
    # 培训期间，… goes back to the lead's event, past the paragraph of another time
    # a column whose header names new ones is the months' flow, whatever the row counts
    (NEW_ONES_COLUMN_TABLE, [("| 240", None, (2025, 9), False, 2025), ("| 16", (2025, 1), (2025, 9), False, 2025),
                             ("| 38", (2025, 1), (2025, 9), False, 2025), ("| 175", None, (2025, 9), False, 2025)]),
    # a share among those counted at a stock's date is a level at it; 累计 anywhere in a goal's
    # clause makes a level to reach by the deadline
    (SHARE_AMONG_AFTER_A_STOCK_AND_A_FAR_CUMULATIVE_GOAL, [("31.2%", None, (2025, 10), False, 2025),
                                                           ("不少于30个", None, (2026, 12), True, 2026)]),
    # a year breaking down a figure of an earlier ；-part dates that breakdown only
    (BREAKDOWN_YEAR_BEFORE_A_LATER_PART, [("1800期", (2021, 1), (2025, 12), False, None),
                                          ("420期", (2025, 1), (2025, 12), False, 2025),
                                          ("6.2亿元", (2021, 1), (2025, 12), False, None)]),
    # an item line naming its goal value is no plan heading for what was done; a goal rate is a level
    (SELF_ASSESSMENT_ITEMS, [("目标值500人", (2025, 1), (2025, 12), True, 2025), ("560人", (2025, 1), (2025, 12), False, 2025),
                             ("≥85%", None, (2025, 12), True, 2025)]),
    # a share of a flow's total (占信访总量的) is the flow's; new ones after a norm's clause are work to
    # do, not the norm; people to train, raised to a number, are the year's work
    (QUARTER_SHARES_NORMS_AND_RAISED_WORK, [("61.3%", (2025, 7), (2025, 9), False, 2025),
                                            ("至少有1名", None, (2025, 12), True, 2025),
                                            ("不少于8个", (2025, 10), (2025, 12), True, 2025),
                                            ("300人", (2026, 1), (2026, 12), True, 2026)]),
    # those the counted workshops employ (吸纳…就业) stand or flow as the count before them
    (EMPLOYED_BY_WHAT_STANDS, [("210个", None, (2025, 12), False, 2025), ("8600人", None, (2025, 12), False, 2025),
                               ("560人", (2025, 1), (2025, 12), False, 2025)]),
    (EVENT_GOES_ON_AFTER_THE_LEAD, [("31期", (2025, 1), (2025, 10), False, 2025),
                                    ("40个", (2025, 10), (2025, 10), False, 2025)]),
    # a share of the year's task reached is dated like the work it counts: from January to the date
    # or the deadline, not a level at it
    (SHARE_OF_THE_YEARS_TASK, [("81.2%", (2025, 1), (2025, 9), False, 2025),
                               ("67.5%", (2025, 1), (2025, 9), False, 2025),
                               ("95%以上", (2025, 1), (2025, 11), True, 2025)]),
    (SHARE_OF_THE_YEARS_PLAN_SO_FAR, [("72.4%", (2024, 1), (2024, 8), False, 2024)]),
    # 由…年的 X 增加到…年的 Y: a count of what stands at each year's end; a base of money or events stays its year's flow
    # 上年同期 after a ；-part's own months (1至10月) is those months a year back, and no year for the figures before it
    (LAST_YEARS_SAME_MONTHS_AFTER_A_PARTS_OWN_SPAN, [("96人次", (2025, 10), (2025, 10), False, 2025),
                                                    ("1730人次", (2025, 1), (2025, 10), False, 2025),
                                                    ("1520人次", (2024, 1), (2024, 10), False, 2024)]),
    # …and in an undated report, 上年同期 is a year back from the title's year
    # (上年同期为96场 dates only its own figure: the growth after it is this year's)
    (LAST_YEARS_SAME_MONTHS_IN_AN_UNDATED_REPORT, [("118场", (2025, 1), (2025, 9), False, 2025),
                                                  ("96场", (2024, 1), (2024, 9), False, 2024),
                                                  ("22.9%", (2025, 1), (2025, 9), False, 2025)]),
    # a level a run of years raised (由2020年底的76%提高到100%) is counted at the run's end
    (A_LEVEL_RAISED_OVER_A_RUN_OF_YEARS, [("100%", None, (2025, 12), False, 2025)]),
    # a ；-part of only a noun under a stock's date (；巾帼示范基地17个) is what there is at the date; one that tells work
    # done (；受理信访65件) is the year's up to it
    (A_NOUN_ONLY_PART_UNDER_A_STOCKS_DATE, [("210个", None, (2025, 11), False, 2025),
                                           ("14个", (2025, 1), (2025, 11), False, 2025),
                                           ("17个", None, (2025, 11), False, 2025),
                                           ("65件", (2025, 1), (2025, 11), False, 2025)]),
    # over a run of years, a mid-term goal's value (中期目标值（8000人次）) and the share of it reached are levels at
    # the run's end; the work is the run's flow
    (A_SHARE_OF_A_MIDTERM_GOAL_OVER_A_RUN, [("6400人次", (2025, 1), (2026, 12), False, None),
                                           ("8000人次", None, (2026, 12), True, 2026),
                                           ("80%", None, (2026, 12), False, 2026)]),
    # 2027年是…收官之年，…三年累计…: the run told by its length ends in the year the sentence names
    # (累计…达到 in a goal: a level to reach at the run's end)
    (A_RUN_TOLD_BY_ITS_LENGTH_ENDS_IN_THE_YEAR_NAMED, [("1500名", None, (2027, 12), True, 2027),
                                                      ("300场", (2025, 1), (2027, 12), True, None),
                                                      ("60个", None, (2027, 12), True, 2027)]),
    # a particulars line near the top (项目周期：…) states the span the report covers
    (A_PROJECTS_STATED_SPAN, [("40万元", (2025, 4), (2025, 10), False, 2025),
                              ("12期", (2025, 4), (2025, 10), False, 2025),
                              ("560人", (2025, 4), (2025, 10), False, 2025)]),
    # under a stock's date, the work done counts from the start of the project's stated span, not of the year
    (NEW_UNDER_A_STOCKS_DATE_IN_A_PROJECT, [("8期", (2025, 4), (2025, 8), False, 2025),
                                           ("410人次", (2025, 4), (2025, 8), False, 2025)]),
    # the dated term (自2021年4月…妇女代表大会召开以来) in a March congress report: to last December, as 五年来
    (A_DATED_TERM_IN_A_MARCH_CONGRESS, [("420户", (2021, 4), (2025, 12), False, None)]),
    # a rate of payment (标准为每人800元, 按每人每天20元) is a rule held at the period's end; 原定 is the plan, and
    # only its own clause: 实际 and the ；-part after are what was done
    (A_RATE_OF_PAYMENT_AND_WHAT_WAS_FIRST_PLANNED, [("430人", (2025, 1), (2025, 12), False, 2025),
                                                   ("800元", None, (2025, 12), True, 2025),
                                                   ("20元", None, (2025, 12), True, 2025),
                                                   ("400人", (2025, 1), (2025, 12), True, 2025),
                                                   ("107.5%", (2025, 1), (2025, 12), False, 2025),
                                                   ("95.2%", (2025, 1), (2025, 12), False, 2025)]),
    # 累计 in a later clause than the sentence's own quarter (本季度…；累计…) is the year so far; 累计 summing the
    # activity just counted keeps the heading's quarter
    (CUMULATIVE_SET_AGAINST_THE_QUARTER, [("31期", (2025, 4), (2025, 6), False, 2025),
                                          ("4120人次", (2025, 1), (2025, 6), False, 2025),
                                          ("61.5%", (2025, 1), (2025, 6), False, 2025),
                                          ("2.4万人次", (2025, 4), (2025, 6), False, 2025)]),
    # a time still ahead of the page's date (明确明年…) makes its figures planned, in a news story too
    (A_TIME_STILL_AHEAD_OF_THE_PAGE, [("6期", (2026, 1), (2026, 11), False, 2026),
                                      ("800人次", (2027, 1), (2027, 12), True, 2027),
                                      ("4家", (2027, 1), (2027, 12), True, 2027)]),
    # the festival's week named as the activity (“三八”维权周宣传活动) is held in March, also without 期间
    (A_FESTIVALS_WEEK_NAMED_AS_THE_ACTIVITY, [("28件次", (2025, 1), (2025, 6), False, 2025),
                                             ("12场", (2025, 3), (2025, 3), False, 2025),
                                             ("3000余份", (2025, 3), (2025, 3), False, 2025)]),
    # a year that dates its own level (…增加到2025年的7.6万人) does not date the clause after it
    (A_LATER_CLAUSE_AFTER_TWO_YEARS_LEVELS, [("7.6万人", (2025, 1), (2025, 12), False, 2025),
                                            ("1860名", (2021, 1), (2025, 12), False, None)]),
    (FROM_ONE_YEARS_LEVEL_TO_ANOTHERS, [("120个", None, (2021, 12), False, 2021), ("265个", None, (2025, 12), False, 2025),
                                        ("0.8亿元", (2021, 1), (2021, 12), False, 2021),
                                        ("900人次", (2021, 1), (2021, 12), False, 2021),
                                        ("2100人次", (2025, 1), (2025, 12), False, 2025)]),
    # 全年 later in a plan item's line is its own clause's: the figure before it is the half to come
    (WHOLE_YEAR_LATER_IN_AN_ITEM_LINE, [("8期以上", (2025, 7), (2025, 12), True, 2025),
                                        ("1500人次", (2025, 1), (2025, 12), True, 2025)]),
    # a flow's total for the year to reach by a deadline (人数达到) counts the year's work up to it;
    # families chosen (推选) by a deadline in a plan are the plan's work up to it
    (A_YEARS_TOTAL_BY_A_DEADLINE, [("9800人", (2025, 1), (2025, 9), False, 2025),
                                   ("1.3万人", (2025, 1), (2025, 12), True, 2025)]),
    (CHOSEN_BY_A_DEADLINE_IN_A_PLAN, [("40户", (2026, 1), (2026, 6), True, 2026)]),
    # 建成的 modifies the base (在…建成的基地), not the figure: those it trained are the span's flow
    (BUILT_AS_A_NOUNS_MODIFIER, [("38名", (2025, 1), (2025, 9), False, 2025)]),
    # 要达到 is a requirement: a target, for 年内 a level at the year's end; what stands now is no target
    (A_MEETINGS_REQUIREMENT, [("3200户", None, (2025, 9), False, 2025), ("5000户", None, (2025, 12), True, 2025)]),
    # a line of the form's particulars (填报单位…　　填报日期…) above the header row is no header: the
    # column of new ones is the half-year's flow beside what stands at its end
    (A_TABLE_UNDER_A_FORMS_PARTICULARS, [("120", None, (2025, 6), False, 2025), ("18", (2025, 1), (2025, 6), False, 2025),
                                         ("14", (2025, 1), (2025, 6), False, 2025)]),
    # the time opening a paragraph after its inline heading's label (（一）家庭建设。三季度，…) dates
    # the paragraph's later sentences too
    (AN_INLINE_HEADINGS_PARAGRAPH_OPENING, [("36场", (2025, 7), (2025, 9), False, 2025),
                                            ("9户", (2025, 7), (2025, 9), False, 2025)]),
    # 计划为…提供: 计划 is the verb of a plan for the year; what is done so far stays an achievement
    (PLANNED_FOR_WHOM, [("2500名", (2025, 1), (2025, 12), True, 2025), ("1300人", (2025, 1), (2025, 6), False, 2025)]),
]


def _fact_at(document, text, figure):
    line = next(number for number, content in enumerate(text.splitlines(), 1) if figure in content)
    matches = [fact for fact in document.facts if fact.line == line and fact.text.endswith(figure)]
    assert matches, f"no fact {figure!r} on line {line}: {[f.text for f in document.facts]}"
    return matches[0]


def _month(pair):
    return None if pair is None else f"{pair[0]:04d}-{pair[1]:02d}"


@pytest.mark.parametrize("text, expected", CASES, ids=[text.splitlines()[0] for text, _ in CASES])
def test_each_figure_gets_the_period_a_reader_gives_it(text, expected):
    document = extract_text(text, "report.txt")
    got, want = [], []
    for figure, start, end, target, year in expected:
        fact = _fact_at(document, text, figure)
        period = None if fact.period is None else (fact.period.start, fact.period.end)
        got.append((figure, period, fact.target, fact.year))
        want.append((figure, None if end is None else (_month(start), _month(end)), target, year))
    assert got == want


def test_the_reporting_period_of_a_title_is_the_documents():
    document = extract_text(HALF_YEAR, "report.txt")
    assert (document.period.start, document.period.end, document.year) == ("2024-01", "2024-06", 2024)
    assert extract_text(UNDATED, "report.txt").period is None


def test_a_review_of_several_years_named_in_its_opening_sentence_has_no_one_year():
    document = extract_text(MIDTERM_REVIEW, "report.txt")
    assert (document.period.start, document.period.end, document.year) == ("2021-01", "2024-12", None)


def test_a_news_page_whose_lead_opens_after_its_occasion_and_source_is_that_years():
    assert extract_text(OCCASION_BEFORE_THE_LEAD, "report.txt").year == 2024


def test_a_sites_header_block_above_its_one_article_does_not_make_a_list_page():
    # the page's own header (site name, 今天是… date) stands above the article and holds no figure
    from fuhe_cli.reading import html_to_text

    html = ("<html><head><title>巾帼绽放_某市妇女联合会</title></head><body>\n"
            "<div id=\"top\">欢迎访问某市妇女联合会网站　今天是：2025年10月20日 星期一　<a href=\"/\">无障碍浏览</a></div>\n"
            "<ul class=\"menu\"><li><a href=\"/\">网站首页</a></li><li><a href=\"/d/\">妇联动态</a></li></ul>\n"
            "<div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &raquo; 正文</div>\n<div class=\"article\">\n"
            "<h2>“巾帼”绽放 我市前三季度帮扶2300名妇女就业创业</h2>\n"
            "<div class=\"info\">发布时间：2025-10-14 09:30　作者：某某　浏览次数：<span>2417</span></div>\n"
            "<p>　　前三季度，市妇联依托创业就业行动，举办培训班42期，帮扶2300名妇女实现就业创业。</p>\n"
            "<p>　　截至9月底，全市已认定示范基地18个。</p></div></body></html>")
    document = extract_text(html_to_text(html), "page.html")
    assert len(document.facts) >= 1 and document.year == 2025


def test_a_comparison_base_is_not_the_period():
    text = "某县妇联2024年工作总结\n\n全年培训妇女3200人次，较2023年增长12%。\n"
    fact = _fact_at(extract_text(text, "r.txt"), text, "3200人次")
    assert (fact.period.start, fact.period.end) == ("2024-01", "2024-12")


def test_a_related_news_headline_keeps_only_the_time_it_names():
    text = ("绵竹市妇联举办家政培训班\n发布时间：2024-06-14　来源：绵竹市妇联\n\n今年以来，市妇联培训妇女460余人次。\n"
            "相关新闻\n· 广汉市新建“妇女微家”15个（2024-06-05）\n· 我市评出2023年度“最美家庭”50户（2024-03-08）\n")
    document = extract_text(text, "r.txt")
    got = [(fact.number, fact.year, fact.period and (fact.period.start, fact.period.end)) for fact in document.facts]
    assert got == [("460余", 2024, ("2024-01", "2024-06")), ("15", None, None), ("50", 2023, ("2023-01", "2023-12"))]


def test_a_headline_naming_a_project_plan_makes_no_plan_document():
    text = "延吉市“春蕾计划”助学金发放仪式举行\n发布时间：2024-09-10\n\n9月8日，市妇联为86名女童发放助学金17.2万元。\n"
    document = extract_text(text, "r.txt")
    assert [(fact.target, fact.period.start, fact.period.end) for fact in document.facts] == \
        [(False, "2024-09", "2024-09"), (False, "2024-09", "2024-09")]


def test_a_project_named_plan_is_no_target():
    text = "某县妇联2023年工作总结\n\n实施“春蕾计划”，资助女童120名。按计划完成培训班12期。\n"
    document = extract_text(text, "r.txt")
    assert [fact.target for fact in document.facts] == [False, False]


def test_life_expectancy_is_no_expected_target():
    text = "某市妇联2023年工作总结\n\n全市女性人均预期寿命提高到81岁；女性就业人员占比达45.6%，培训妇女3200人次。\n"
    assert [(fact.number, fact.target) for fact in extract_text(text, "r.txt").facts] == \
        [("45.6", False), ("3200", False)]


def test_at_least_without_a_norm_is_an_achievement():
    text = "某县妇联2023年工作总结\n\n全年培训妇女至少500人次。\n"
    assert [fact.target for fact in extract_text(text, "r.txt").facts] == [False]


def test_a_year_report_written_before_its_end_speaks_for_the_whole_year():
    text = "某县妇联2024年工作总结\n2024年11月20日\n\n今年，全县培训妇女3200人次。目前，全县共有妇女之家120个。\n"
    document = extract_text(text, "r.txt")
    assert [(f.period.start, f.period.end) for f in document.facts] == [("2024-01", "2024-12"), (None, "2024-12")]


def test_a_news_page_speaks_from_its_date():
    text = "县妇联开展技能培训\n发布时间：2024-05-10\n\n今年，县妇联已培训妇女860人次。\n"
    fact = extract_text(text, "r.txt").facts[0]
    assert (fact.period.start, fact.period.end, fact.year) == ("2024-01", "2024-05", 2024)


ARCHIVE_OF_TWO_REPORTS = """首页 > 信息公开 > 工作总结
某区妇联2023年工作总结
发布时间：2023-12-20　来源：区妇联
今年，区妇联开展家庭教育讲座96场。截至目前，全区建成儿童之家88个。

某区妇联2022年工作总结
发布时间：2022-12-22　来源：区妇联
今年，区妇联开展家庭教育讲座71场。截至11月底，全区建成儿童之家80个。
"""


def test_each_report_on_an_archive_page_speaks_for_its_own_year():
    document = extract_text(ARCHIVE_OF_TWO_REPORTS, "r.txt")
    got = [(fact.text[-3:], fact.year, fact.period.start, fact.period.end) for fact in document.facts]
    assert got == [("96场", 2023, "2023-01", "2023-12"), ("88个", 2023, None, "2023-12"),
                   ("71场", 2022, "2022-01", "2022-12"), ("80个", 2022, None, "2022-11")]
    assert (document.year, document.period, document.date) == (None, None, None)


@pytest.mark.parametrize("text, year", [
    ("县妇联推进平安家庭创建\n发布时间：2024-11-20\n\n今年以来，县妇联创建示范户3.2万户。\n", 2024),
    ("县妇联开展巾帼志愿活动\n发布时间：2024-04-10\n\n3月以来，县妇联开展活动36场。\n", 2024),
    ("苍溪：小庭院做出大文章\n2024-06-12 07:30　来源：四川日报\n\n本报成都6月12日讯（记者 周某）6月11日，"
     "全省现场会召开，观摩示范户26户。\n", 2024),
    ("某地巾帼家政见成效\n2025-11-18 10:05　来源：某某网\n\n某某网西宁11月18日电（记者 李某）记者18日从某市妇联获悉，"
     "今年以来，全市培训家政服务人员2600人次。\n", 2025),    # (the day the source was asked, before 从)
    ("某市妇女代表大会开幕\n2025-12-17 08:40　来源：某某日报　　浏览次数：2,087\n\n12月16日上午，某市妇女代表大会开幕，"
     "380名代表出席。\n", 2025),     # (a counter on the date line is no year of the header's)
    ("县妇联召开表彰大会\n发布时间：2025-03-07\n\n3月6日上午，县妇联召开大会，300余名妇女代表参会。\n", 2025),
    ("县妇联举办培训班\n发布时间：2024-06-18\n\n6月12日至13日，县妇联举办培训班，80名妇女参加。\n", 2024),
    ("县妇联开展技能培训\n发布时间：2024-05-10\n\n2023年，县妇联培训妇女860人次。\n", None),   # a year named dates the figures, not the page
    ("县妇联开展技能培训\n发布时间：2024-05-10\n\n县妇联培训妇女860人次。\n", None),    # a date alone
])
def test_a_dated_pages_lead_without_a_year_gives_the_page_its_dates_year(text, year):
    assert extract_text(text, "r.txt").year == year


PLAN_DOCUMENT = """某县妇联2025年工作要点

2024年，全县妇联全年培训妇女3800人次，新建妇女微家40个。
一、助力发展
1. 全年开展巾帼宣讲200场以上。
2. 今后五年，新建妇女微家300个；到2029年，结对困境儿童达到5000名。
"""


def test_a_work_plans_review_is_done_and_its_items_are_the_plans_year():
    document = extract_text(PLAN_DOCUMENT, "plan.txt")
    got = [(f.number, f.period.start, f.period.end, f.target, f.year) for f in document.facts]
    assert got == [("3800", "2024-01", "2024-12", False, 2024),
                   ("40", "2024-01", "2024-12", False, 2024),
                   ("200", "2025-01", "2025-12", True, 2025),
                   ("300", "2025-01", "2029-12", True, None),     # 今后五年 of a 2025 plan
                   ("5000", None, "2029-12", True, 2029)]


def test_a_plan_announced_with_jiang_and_a_work_verb_is_a_target():
    text = "某县妇联2023年前三季度工作情况\n\n第四季度，县妇联将重点抓好以下工作：举办电商培训班2期。\n"
    assert [fact.target for fact in extract_text(text, "r.txt").facts] == [True]


TEAMS_FORMED = """某县妇联巾帼志愿服务工作情况
2024-07-10

今年以来，县妇联组建巾帼志愿服务队24支。全县现有巾帼志愿者3100名，组建家庭教育志愿服务队15支。
下半年，县妇联将再组建巾帼志愿服务队10支。
"""


def test_teams_formed_are_a_flow_unless_the_sentence_counts_what_there_is():
    got = [(fact.number, fact.period.start, fact.period.end, fact.target) for fact in extract_text(TEAMS_FORMED, "r.txt").facts]
    assert got == [("24", "2024-01", "2024-07", False),      # 组建: formed since January
                   ("3100", None, "2024-07", False),           # 现有: how many there are
                   ("15", None, "2024-07", False),             # … and the teams that exist with them
                   ("10", "2024-07", "2024-12", True)]         # 将再组建: the half-year's plan


FIVE_YEAR_GOALS = """在某县第八次妇女代表大会上的报告
（2025年12月18日）

二、今后五年的目标任务
到2030年，全县妇女“两癌”检查覆盖率稳定在92%以上，女性村委会成员比例保持在30%，家庭教育指导服务站覆盖率95%。
今后五年，累计培训妇女3万人次。
"""


def test_a_rate_by_a_deadline_is_a_level_at_it_and_a_run_total_spans_the_years():
    got = [(fact.number, fact.year, fact.period.start, fact.period.end, fact.target)
           for fact in extract_text(FIVE_YEAR_GOALS, "r.txt").facts]
    assert got == [("92", 2030, None, "2030-12", True),      # 稳定在: a level to hold
                   ("30", 2030, None, "2030-12", True),      # 保持在
                   ("95", 2030, None, "2030-12", True),      # a rate by then, no verb
                   ("3万", None, "2026-01", "2030-12", True)]  # the five years' total


def test_a_headline_listed_under_a_related_label_keeps_only_its_own_time():
    # (a blank line may stand between the label and its list, as <h4>相关文章</h4> then <ul> in HTML)
    for label in ("相关文章", "相关报道\n  "):
        text = ("崇州市妇联开展家风宣讲\n发布时间：2024-09-03\n\n今年以来，市妇联开展宣讲16场。\n"
                f"{label}\n崇州市妇联举办电商培训班 培训妇女300人次\n")
        got = [(fact.number, fact.period and fact.period.end) for fact in extract_text(text, "r.txt").facts]
        assert got == [("16", "2024-09"), ("300", None)], label


def test_a_list_item_of_only_a_noun_shares_the_stock_word_before_the_first_figure():
    text = "某镇妇联2024年1至10月工作情况\n\n全镇现有巾帼志愿服务队9支、注册巾帼志愿者420名；新建妇女微家3个、开展活动60场。\n"
    got = [(fact.number, fact.period.start, fact.period.end) for fact in extract_text(text, "r.txt").facts]
    assert got == [("9", None, "2024-10"), ("420", None, "2024-10"),         # both counted at the date
                   ("3", "2024-01", "2024-10"), ("60", "2024-01", "2024-10")]  # an item with its own verb


LIST_PAGE_ACROSS_NEW_YEAR = """某市妇联 > 工作动态
更新时间：2025-01-09

甲县妇联开展新春走访
发布时间：2025-01-07　来源：甲县妇联
1月5日，甲县妇联走访困难妇女86户。

乙县妇联举办技能培训班
发布时间：2024-12-26　来源：乙县妇联
今年以来，乙县妇联开办技能培训班18期，培训妇女1200人次。
"""


def test_each_item_of_a_list_page_reads_this_year_from_its_own_date():
    got = [(fact.number, fact.year, fact.period.start, fact.period.end)
           for fact in extract_text(LIST_PAGE_ACROSS_NEW_YEAR, "r.txt").facts]
    assert got == [("86", 2025, "2025-01", "2025-01"),
                   ("18", 2024, "2024-01", "2024-12"), ("1200", 2024, "2024-01", "2024-12")]


@pytest.mark.parametrize("lead", ["本网讯\u3000前三季度，", "前三季度，"])
def test_a_part_of_the_year_opening_a_news_lead_dates_its_later_sentences(lead):
    text = ("某市家庭教育服务惠及家长超10万人次\n2024-10-16 16:02　来源：某市融媒体中心\n\n"
            f"{lead}某市妇联开展家庭教育讲座860场。市妇联还培育家庭教育指导师120名。\n")
    got = [(fact.number, fact.year, fact.period.start, fact.period.end)
           for fact in extract_text(text, "r.txt").facts if fact.number in ("860", "120")]
    assert got == [("860", 2024, "2024-01", "2024-09"), ("120", 2024, "2024-01", "2024-09")]


def test_a_level_reached_over_a_run_of_years_is_counted_at_its_end_but_money_is_its_total():
    text = ("在某县第七次妇女代表大会上的报告\n（2024年12月20日）\n\n"
            "五年来，全县新领域妇联组织达到86个，发放妇女创业担保贷款达到2.4亿元。\n")
    got = [(fact.number, fact.year, fact.period.start, fact.period.end) for fact in extract_text(text, "r.txt").facts]
    assert got == [("86", 2024, None, "2024-12"), ("2.4亿", None, "2020-01", "2024-12")]


def test_a_paragraph_going_on_from_the_one_before_keeps_its_time():
    text = ("某省妇联新闻发布会实录\n发布时间：2024-03-06\n\n"
            "答：去年，全省为适龄妇女开展“两癌”筛查98万人次。\n同时，我们为860名困难患病妇女发放救助金2580万元。\n"
            "另外，今年1至2月，全省受理来信来访1200件次。\n")
    got = [(fact.number, fact.year, fact.period.start, fact.period.end) for fact in extract_text(text, "r.txt").facts]
    assert got == [("98万", 2023, "2023-01", "2023-12"), ("860", 2023, "2023-01", "2023-12"),
                   ("2580万", 2023, "2023-01", "2023-12"), ("1200", 2024, "2024-01", "2024-02")]


def test_a_period_inside_a_documents_name_in_book_title_marks_dates_no_figure():
    text = ("某市妇儿工委全体会议召开\n发布时间：2025-04-18\n\n"
            "2024年，《某市儿童发展规划（2021—2030年）》确定的项目中，全市共建成儿童之家86个，开展活动1200场。\n")
    got = [(fact.number, fact.year, fact.period.start, fact.period.end) for fact in extract_text(text, "r.txt").facts]
    assert got == [("86", 2024, None, "2024-12"), ("1200", 2024, "2024-01", "2024-12")]


def test_whole_year_in_an_item_heading_under_a_plan_heading_is_the_plans_year():
    text = ("在县妇联执委会议上的工作报告\n（2025年1月16日）\n\n现在，我代表常委会报告2024年工作。\n"
            "一、2024年工作回顾\n全年举办培训班86期。\n二、2025年工作安排\n（一）全年开展技能培训不少于90期。\n")
    got = [(fact.number, fact.year, fact.period.start, fact.target) for fact in extract_text(text, "r.txt").facts]
    assert got == [("86", 2024, "2024-01", False), ("不少于90", 2025, "2025-01", True)]


def test_a_headline_naming_a_committees_meeting_states_no_reporting_period():
    text = ("某市召开2025年妇女儿童工作委员会全体会议\n发布时间：2025-04-18\n\n"
            "会议通报，2021年以来，全市累计为困境儿童发放生活补贴1.2亿元。\n")
    got = [(fact.number, fact.period.start, fact.period.end) for fact in extract_text(text, "r.txt").facts]
    assert got == [("1.2亿", "2021-01", "2025-04")]         # up to the page's date, not to 2025's end


@pytest.mark.parametrize("headline", ["某县妇联召开2024年度工作总结会", "某县妇联2024年工作总结大会召开"])
def test_a_year_inside_a_meetings_name_states_no_reporting_period(headline):
    text = (f"{headline}\n发布时间：2025-01-10\n\n1月8日，某县妇联召开2024年度工作总结会。会上，15名代表交流发言。\n"
            "另讯\n发布时间：2024-12-20\n\n今年以来，某镇妇联开展活动80场。\n")
    document = extract_text(text, "page.txt")
    assert (document.year, document.period) == (None, None)


@pytest.mark.parametrize("run", ["近三年", "2022年以来", "三年来"])
def test_the_yearly_parts_of_a_runs_total_are_each_years_flow(run):
    text = (f"某县妇联家庭教育工作报告\n（2024年12月20日）\n\n{run}，全县共建成家长学校60所，其中2022年18所、2023年20所、2024年22所。\n")
    got = [(fact.number, fact.period.start, fact.period.end) for fact in extract_text(text, "r.txt").facts][1:]
    assert got == [("18", "2022-01", "2022-12"), ("20", "2023-01", "2023-12"), ("22", "2024-01", "2024-12")]


def test_taking_part_after_a_long_noun_or_a_list_keeps_a_flow():
    text = ("某市总工会妇联2024年工作总结\n\n全市共有156个单位、8600余名女职工参与“巾帼建功”劳动竞赛。\n"
            "全市共有妇女之家320个。\n")
    got = [(fact.number, fact.period.start, fact.period.end) for fact in extract_text(text, "r.txt").facts]
    assert got == [("156", "2024-01", "2024-12"), ("8600余", "2024-01", "2024-12"),   # took part this year
                   ("320", None, "2024-12")]                                         # what there is


def test_a_festival_opening_a_paragraph_of_a_titled_report_dates_only_that_paragraph():
    text = ("某镇妇联2024年工作总结\n\n“三八”妇女节前夕，镇妇联开展庆祝活动6场。\n"
            "组建巾帼宣讲队伍12支，开展宣讲80场。\n")
    got = [(fact.number, fact.period.start, fact.period.end) for fact in extract_text(text, "r.txt").facts]
    assert got == [("6", "2024-03", "2024-03"), ("12", "2024-01", "2024-12"), ("80", "2024-01", "2024-12")]


def test_heading_chain_is_the_nearest_heading_of_each_higher_level():
    from fuhe_cli.layout import Layout

    lines = ["一、上半年工作"] + [f"（{n}）第{n}项工作" for n in "一二三四五"] + ["1.具体内容", "培训妇女120人次。"]
    text = "\n".join(lines)
    chain = Layout(text).headings_above(text.index("120"))
    assert [text[h.start:h.end] for h in chain] == ["1.具体内容", "（五）第五项工作", "一、上半年工作"]
    no_top = "\n".join(lines[1:])
    chain = Layout(no_top).headings_above(no_top.index("120"))
    assert [no_top[h.start:h.end] for h in chain] == ["1.具体内容", "（五）第五项工作"]


def test_a_speech_early_in_the_year_opening_its_review_with_the_past_year_reports_on_that_year():
    assert extract_text(SPEECH_REVIEW_THEN_LIST, "speech.txt").year == 2024


def test_a_lists_lead_heads_its_unnumbered_items_only():
    from fuhe_cli.layout import Layout

    text = SPEECH_REVIEW_THEN_LIST
    layout = Layout(text)
    lead = "今年是“十四五”规划收官之年。全县各级妇联要对标任务，重点抓好以下工作："
    for inside in ("80场", "1个妇女"):
        assert [text[h.start:h.end] for h in layout.headings_above(text.index(inside))] == [lead]
    for outside in ("64场", "收官", "同志们"):
        assert layout.headings_above(text.index(outside)) == ()
