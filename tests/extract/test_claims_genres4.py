"""Claims: reading rules from the fourth held-out set's error kinds (issue 13, part 2): a policy
document's measures, identifiers, a spring text about last year's yearly report, a district and
its zone, a trade partner, parallel lists, an event's opening day. Each fragment is invented
for the test (not a held-out sentence); the expected value is worked out in the comment."""

from regiondev._extract.claims import Claim, extract_text


def _claims(text: str, date: str, region: str | None = None) -> list[Claim]:
    return list(extract_text(text, date=date, region=region).claims)


def _claim(text: str, figure: str, date: str = "2024-05-10", region: str | None = None) -> Claim:
    hits = [c for c in _claims(text, date, region) if c.figure == figure]
    assert len(hits) == 1, [c.figure for c in _claims(text, date, region)]
    return hits[0]


# --- a policy document ------------------------------------------------------------------------

_POLICY = (
    "株洲市促进工业设计发展若干措施\n"
    "发布时间：2024-05-10\n\n"
    "2023年，全市工业设计中心达到86家。\n\n"
    "第三条 支持设计成果转化。对设计服务合同额在200万元以上的项目，按合同额的15%给予补助，"
    "单个项目最高补助300万元。\n\n"
    "第四条 对上年度设计收入增长超过20%的企业，按增量部分的8%给予奖励，每家最高奖励50万元。"
    "本措施有效期5年。\n"
)


def test_a_policy_s_rates_and_caps_are_targets_of_no_period() -> None:
    # the title ends in 措施: a policy. 按合同额的15%给予补助 is a promised rate: target, and it
    # prints no period, so "" (not the text's date 2024-05-10)
    c = _claim(_POLICY, "15%")
    assert (c.status, c.period, c.kind) == ("target", "", "share")
    # 最高补助300万元: a cap → at most 300万元 = 0.03 亿元, a target of no period
    c = _claim(_POLICY, "300万元")
    assert (c.status, c.period, c.bound, c.value) == ("target", "", "at_most", 0.03)


def test_a_policy_s_condition_year_is_no_period_of_its_promise() -> None:
    # 对上年度…的企业，按…8%给予奖励: 上年度 (2023) says which firms qualify; the promise has
    # no period: "" and a target; 每家最高奖励50万元 is at most 0.005 亿元
    c = _claim(_POLICY, "8%")
    assert (c.status, c.period) == ("target", "")
    c = _claim(_POLICY, "50万元")
    assert (c.status, c.period, c.bound, c.value) == ("target", "", "at_most", 0.005)


def test_a_policy_s_preamble_opening_with_a_past_year_is_what_happened() -> None:
    # 2023年，全市…达到86家: the sentence opens with a year before the text's (2024): actual
    c = _claim(_POLICY, "86家")
    assert (c.status, c.period) == ("actual", "2023")


def test_a_policy_s_articles_thresholds_and_validity_are_set_aside() -> None:
    # 第三条: an article of the text (structure), not a rank; 200万元以上的项目: the entry
    # threshold of a class (scale); 有效期5年: a duration (period)
    assert _claim(_POLICY, "第三").set_aside_reason.startswith("structure of the text")
    assert _claim(_POLICY, "200万元以上").set_aside_reason.startswith("scale label")
    assert _claim(_POLICY, "5年").set_aside_reason.startswith("period expression")


def test_a_document_number_line_makes_a_policy_and_is_a_code() -> None:
    # a title not ending in a policy word, but a line that is only 湘工信发〔2024〕12号: a
    # policy; its year 2024 in 〔〕 is a code. 一次性奖励20万元 is a target of no period.
    text = (
        "关于支持专精特新企业发展的实施细则解读\n"
        "发布时间：2024-05-10\n"
        "湘工信发〔2024〕12号\n\n"
        "对新认定的“小巨人”企业，一次性奖励20万元。\n"
    )
    assert _claim(text, "2024").set_aside_reason.startswith("code or identifier")
    c = _claim(text, "20万元")
    assert (c.status, c.period) == ("target", "")


def test_a_stock_code_and_a_bracketed_phone_number_are_codes() -> None:
    # 股票代码：600123 and 电话：(852) 2345 6789: every digit run after the word is a code
    text = "某公司（股票代码：600123）发布公告。咨询电话：(852) 2345 6789。\n"
    for fig in ("600123", "852", "2345", "6789"):
        hits = [c for c in _claims(text, "2024-05-10") if c.figure == fig]
        assert hits and hits[0].set_aside_reason.startswith("code or identifier"), fig


# --- proposals, plans, budgets ----------------------------------------------------------------


def test_a_proposal_and_a_plan_for_the_second_half_are_targets() -> None:
    # 拟派发现金红利1.5亿元: proposed, not yet paid → target; 下半年计划新开工项目12个: a plan
    # → target; 将安排专项资金8亿元: a budget to come → target
    assert _claim("公司拟派发现金红利1.5亿元。\n", "1.5亿元").status == "target"
    assert _claim("下半年，全区计划新开工项目12个。\n", "12个").status == "target"
    assert _claim("2024年，市财政将安排专项资金8亿元。\n", "8亿元").status == "target"


def test_a_forecast_after_a_figure_leaves_the_figure_actual() -> None:
    # 项目总投资25亿元，预计2026年建成: 2026 (after the text's 2024) is the forecast's year,
    # written after the figure; the investment signed is what the text reports: actual
    c = _claim("株洲某企业与园区签约，项目总投资25亿元，预计2026年建成。\n", "25亿元")
    assert c.status == "actual"


# --- periods ------------------------------------------------------------------------------------


def test_a_spring_text_about_last_year_s_yearly_report_reviews_that_year() -> None:
    # dated 2024-04-02 (after the January–February review months), it names 2023年…统计公报:
    # its later paragraphs' figures with no period are 2023's, not the text's date
    text = (
        "湖南工业发展观察\n来源：湖南日报　2024-04-02\n\n"
        "近日，湖南发布2023年国民经济和社会发展统计公报。\n\n"
        "从结构看，湖南高技术制造业增加值占规模以上工业的比重为13.9%。\n"
    )
    assert _claim(text, "13.9%", date="2024-04-02").period == "2023"


def test_a_forecast_s_year_is_not_the_year_in_force() -> None:
    # 2023年产值8亿元。二期预计2024年底投产。公司全年采购额5亿元: 全年 is the year in force,
    # 2023 (the forecast's 2024 is not carried), in a text of March 2024
    text = "公司基地2023年实现产值8亿元。二期项目预计2024年底投产。公司全年采购额5亿元。\n"
    assert _claim(text, "5亿元", date="2024-03-20").period == "2023"


def test_the_end_of_a_pair_is_not_the_start_s_year() -> None:
    # 2023年，…由2020年的1.9%提高到2.4%: 2.4% is 2023's (the sentence's first period), not
    # 2020's; a rank pair 由2020年的第五位升至第二位: 第二位 is 2023's too
    text = (
        "2023年，全省研发投入强度由2020年的1.9%提高到2.4%，"
        "在中部的排名由2020年的第五位升至第二位。\n"
    )
    assert _claim(text, "2.4%").period == "2023"
    assert _claim(text, "第二位").period == "2023"


def test_a_quarter_s_on_the_quarter_before_growth_is_the_quarter() -> None:
    # 2023年…。其中，第三季度实现营收9.1亿元，环比增长12.5%: the clause opening with 环比 has
    # no subject of its own, so it is the quarter's: 2023Q3-Q3
    text = "2023年，公司营业收入30亿元。其中，第三季度实现营收9.1亿元，环比增长12.5%。\n"
    assert _claim(text, "12.5%", date="2024-03-20").period == "2023Q3-Q3"


def test_an_event_s_opening_day_in_the_lead_dates_its_counts() -> None:
    # the lead: …展销会5月6日在长沙开幕 (the text is of 8 May, two days later): the counts
    # with no period of their own are of the day 2024-05-06, not the text's date
    text = (
        "展销会开幕\n来源：某报　2024-05-08\n\n"
        "第三届湖南工程机械展销会5月6日在长沙开幕，参展企业共计450家。\n"
    )
    assert _claim(text, "450家", date="2024-05-08").period == "2024-05-06"


# --- places -------------------------------------------------------------------------------------

_DISTRICT = (
    "天心区一季度工业运行情况\n发布时间：2024-04-20\n\n"
    "一季度，全区规模工业总产值完成180亿元。规模工业增加值增长7.5%，高于全市0.6个百分点，"
    "增速居全市第二位。\n\n"
    "天心经开区是全区产业发展的主平台。一季度，园区实现产值120亿元，占全区的66.7%；"
    "新引进项目9个。\n"
)


def test_the_city_is_the_yardstick_and_the_field_of_its_district() -> None:
    # 全区 is 天心区 (changsha/天心区); 高于全市 and 居全市 compare the district with its city:
    # the rank and the growth stay the district's
    for fig in ("7.5%", "第二位"):
        c = _claim(_DISTRICT, fig, date="2024-04-20")
        assert (c.region, c.subject) == ("changsha", "天心区"), fig


def test_a_district_s_zone_and_its_bare_yuanqu_hold_for_the_paragraph() -> None:
    # 天心经开区 (天心区 without its 区 + 经开区) is a zone of Changsha; the bare 园区 after
    # it is that zone, for its sentence and the next of the paragraph (新引进项目9个)
    for fig in ("120亿元", "66.7%", "9个"):
        c = _claim(_DISTRICT, fig, date="2024-04-20")
        assert (c.region, c.subject) == ("changsha", "天心经开区"), fig


def test_a_part_after_qizhong_is_not_carried() -> None:
    # 其中湖北企业60家: 湖北 names a part of the exhibitors; the next sentence (观众3万人次) is
    # the text's, zhuzhou
    text = "株洲展会参展企业500家，其中湖北企业60家。开幕当天观众3万人次。\n"
    assert _claim(text, "3万人次", region="zhuzhou").region == "zhuzhou"


def test_a_trade_partner_and_an_agency_are_no_subject() -> None:
    # 据长沙海关统计 (an agency), 湖南对东盟出口 … 湖南对香港进出口150亿元: 香港 after 对 and
    # before 进出口 is the partner; the figure is Hunan's
    text = "据长沙海关统计，今年前4个月，湖南对香港进出口150亿元，增长6.1%。\n"
    assert _claim(text, "150亿元", region="hunan").region == "hunan"


# --- kinds, bounds, units ---------------------------------------------------------------------


def test_a_parallel_list_and_a_yardstick_s_own_rate_are_growth() -> None:
    # 江西、安徽分别增长5.1%和6.3%，山西、河南分别为4.2%和5.5%: the second list parallels the
    # first (growth); 湖南增长6.0%，仅次于湖北的6.5%: Hubei's own growth rate
    text = "江西、安徽分别增长5.1%和6.3%，山西、河南分别为4.2%和5.5%。\n"
    assert _claim(text, "4.2%").kind == "growth"
    assert _claim(text, "5.5%").kind == "growth"
    text = "湖南增长6.0%，在中部居第二位，仅次于湖北的6.5%。\n"
    assert _claim(text, "6.5%").kind == "growth"


def test_scale_labels_bounds_counts_and_platforms() -> None:
    # 前10强工业企业: members of a ranked list (scale); 折合约5亿美元: approx; 8场: a count;
    # 省级企业技术中心12家: platforms, a count
    text = "全市产值前10强工业企业产值增长9%。\n"
    assert _claim(text, "前10强").set_aside_reason.startswith("scale label")
    assert _claim("出口36亿元，折合约5亿美元。\n", "5亿美元").bound == "approx"
    assert _claim("举办对接活动8场。\n", "8").kind == "count"  # (the token is 8, 场 after it)
    c = _claim("公司拥有省级企业技术中心12家。\n", "12家")
    assert (c.unit, c.kind) == ("platforms", "count")


def test_a_dividend_per_share_is_a_ratio_and_its_total_a_proposal() -> None:
    # 拟每10股派发现金红利2元: 10 (shares) and 2元 are the terms per share (a ratio); the total
    # 合计约0.8亿元 is proposed (拟): a target, no period printed, so "" — not the 2026 of the
    # forecast (预计2026年投产) the sentence before names
    text = "二期项目预计2026年投产。公司拟每10股派发现金红利2元，合计约0.8亿元。\n"
    assert _claim(text, "10").set_aside_reason.startswith("part of a ratio")
    assert _claim(text, "2元").set_aside_reason.startswith("part of a ratio")
    c = _claim(text, "约0.8亿元")
    assert (c.status, c.period) == ("target", "")


def test_a_pair_s_start_year_is_not_the_year_in_force() -> None:
    # 2023年…由2021年的10%提高到15%。全年研发投入3亿元: 全年 is 2023 (the sentence's year in
    # force), not the pair's start 2021
    text = "2023年，公司海外收入占比由2021年的10%提高到15%。全年研发投入3亿元。\n"
    assert _claim(text, "3亿元", date="2024-03-20").period == "2023"


def test_each_amount_of_a_list_of_thresholds_is_a_scale_label() -> None:
    # 年营业收入首次突破20亿元、50亿元的整车企业: both amounts name the firms rewarded (scale);
    # the rewards 分别…100万元、200万元 are figures
    text = "年营业收入首次突破20亿元、50亿元的整车企业，分别奖励100万元、200万元。\n"
    assert _claim(text, "突破20亿元").set_aside_reason.startswith("scale label")
    assert _claim(text, "50亿元").set_aside_reason.startswith("scale label")
    assert _claim(text, "100万元").set_aside_reason == ""


def test_the_six_central_provinces_are_one_joint_region() -> None:
    # 中部六省…合计约7万亿元: the joint region (a place of places.toml), its 六 no count; but
    # 在中部六省会城市中 (省会: provincial capitals) names no such place, and the 六 stays a count
    text = "2023年，中部六省制造业增加值合计约7万亿元。\n"
    assert _claim(text, "约7万亿元").region == "中部六省"
    assert _claim(text, "六省").set_aside_reason.startswith("part of a place's name")
    text = "长沙在中部六省会城市中排名第2。\n"
    assert _claim(text, "六省").set_aside_reason == ""


def test_a_plan_s_span_in_a_review_runs_to_the_year_reviewed() -> None:
    # a text of April 2024 naming 2023年…统计公报 reviews 2023; “十四五”以来…年均增长6.1% is
    # then 2021-2023 (the plan's 2021-2025 cut at the year reviewed)
    text = (
        "湖南制造业观察\n来源：某报　2024-04-02\n\n"
        "近日，湖南发布2023年国民经济和社会发展统计公报。\n\n"
        "“十四五”以来，湖南制造业增加值年均增长6.1%。\n"
    )
    assert _claim(text, "6.1%", date="2024-04-02").period == "2021-2023"
