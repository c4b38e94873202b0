"""Claims: reading rules from the third held-out set's error kinds (issue 13, part 2): a
county-level city's own text, targets of the report's year, a plan's closing review, scale
and classification labels, signing days. Each fragment is hand-labelled; the expected value
is worked out in the comment beside it."""

from regiondev._extract.claims import Claim, extract_text


def _claim(text: str, figure: str, date: str = "2026-01-12", region: str | None = None) -> Claim:
    res = extract_text(text, date=date, region=region)
    hits = [c for c in res.claims if c.figure == figure]
    assert len(hits) == 1, [c.figure for c in res.claims]
    return hits[0]


# --- a county-level city's own text -----------------------------------------------------------

_LIUYANG = (
    "浏阳市2026年政府工作报告\n\n"
    "过去一年，全市地区生产总值达到1680亿元，增长6.5%；在全国综合实力百强县市中位列第7位。"
    "规模工业增加值增长8.1%。\n\n"
    "浏阳经开区实现技工贸总收入1900亿元。浏阳高新区新增企业30家。全市新增市场主体9000家。\n"
)


def test_a_county_level_city_s_text_is_its_own_with_its_zones_counted_for_it() -> None:
    # 浏阳 named once alone, 浏阳经开区 once and 浏阳高新区 once: both zones are named after
    # 浏阳, so they count for it (1 + 1 + 1 = 3 against 0 for 长沙): the text is 浏阳's, and
    # its 全市 is 浏阳 → changsha with subject 浏阳
    c = _claim(_LIUYANG, "1680亿元")
    assert (c.region, c.subject) == ("changsha", "浏阳")


def test_a_national_ranking_of_a_county_s_figure_is_the_county_s() -> None:
    # 在全国综合实力百强县市中位列第7位: 全国 is the field the county is ranked in (…中位列),
    # not the subject; the rank and the next sentence's 8.1% (no place) stay 浏阳's
    assert (_claim(_LIUYANG, "第7位").region, _claim(_LIUYANG, "第7位").subject) == (
        "changsha",
        "浏阳",
    )
    c = _claim(_LIUYANG, "8.1%")
    assert (c.region, c.subject) == ("changsha", "浏阳")


def test_a_zone_named_in_its_county_s_text_does_not_carry_to_the_next_sentence() -> None:
    # 浏阳高新区新增企业30家 is the zone's; the next sentence (全市新增市场主体9000家) and a
    # sentence naming no place after a zone sentence go back to the text's county: 浏阳
    assert _claim(_LIUYANG, "30家").subject == "浏阳高新区"
    assert _claim(_LIUYANG, "9000家").subject == "浏阳"
    text = _LIUYANG + "\n浏阳经开区力争总收入突破2000亿元。全年新增规模工业企业40家以上。\n"
    assert _claim(text, "40家以上").subject == "浏阳"


def test_a_count_inside_a_national_field_stays_national() -> None:
    # 在全国168个重点城市中排名第5: 168 is printed inside the field, so 全国 stays a subject
    # for it (china); the digits keep the ranking rule from skipping 全国
    c = _claim("株洲2025年空气质量好\n\n在全国168个重点城市中排名第5位。\n", "168个")
    assert c.region == "china"


# --- the year's targets in a work report ------------------------------------------------------


def test_the_year_under_a_heading_of_the_year_s_work_is_that_year_s_target() -> None:
    # a January 2026 report: 过去一年 makes 2025 the year reviewed, but under the heading
    # 二、2026年重点工作 a 全年 is 2026 (the heading's year), and what names no past period is
    # a target of it: 60家以上 → target 2026; the review's 50家 stays actual 2025
    text = (
        "某市2026年政府工作报告\n\n一、2025年工作回顾\n\n过去一年，全市新增规模工业企业50家。\n\n"
        "二、2026年重点工作\n\n（一）抓产业项目。全年新增规模工业企业60家以上、上市企业3家。\n"
    )
    c = _claim(text, "60家以上", region="changsha")
    assert (c.status, c.period) == ("target", "2026")
    c = _claim(text, "3家", region="changsha")
    assert (c.status, c.period) == ("target", "2026")
    c = _claim(text, "50家", region="changsha")
    assert (c.status, c.period) == ("actual", "2025")


# --- a plan's closing review --------------------------------------------------------------------


def test_a_stock_rate_or_rank_under_a_plan_span_is_of_the_span_s_end_year() -> None:
    # “十四五”期间 is 2021-2025: 新增120家 is a flow over it (2021-2025), but 总数达到350家,
    # 渗透率达到71.6% and 居全省第二位 are what stood at its end: 2025
    text = (
        "某市“十四五”工业答卷\n\n“十四五”期间，全市新增高新技术企业120家，总数达到350家，"
        "居全省第二位；工业互联网渗透率达到71.6%。\n"
    )
    periods = {
        c.figure: c.period
        for c in extract_text(text, date="2026-01-20", region="changsha").claims
        if c.kind != "" and c.figure[-1] in "家位%"
    }
    assert periods["120家"] == "2021-2025"
    assert [p for f, p in periods.items() if "350" in f] == ["2025"]
    assert [p for f, p in periods.items() if "二位" in f] == ["2025"]
    assert [p for f, p in periods.items() if "71.6" in f] == ["2025"]


def test_a_goal_quoted_after_the_actual_is_exact_and_the_actual_below_it_is_no_target() -> None:
    # 由2020年的1.2%提高到2025年的2.6%，超过2.5%的规划目标: 超过 compares 2.6% with the goal,
    # so the goal is 2.5 exact, a target of the plan's end year 2025 (十四五); 为3.1%，低于3.5%
    # 的规划目标: 3.1% is what happened (actual), the goal 3.5 exact
    text = (
        "某省“十四五”科技答卷\n\n“十四五”期间，全省研发投入强度由2020年的1.2%提高到2025年的2.6%，"
        "超过2.5%的规划目标。但高新技术产业增加值占比为3.1%，低于3.5%的规划目标。\n"
    )
    claims = {c.figure: c for c in extract_text(text, date="2026-01-20", region="hunan").claims}
    assert (claims["2.5%"].status, claims["2.5%"].bound, claims["2.5%"].value) == (
        "target",
        "exact",
        2.5,
    )
    assert claims["2.5%"].period == "2025"
    assert (claims["3.5%"].status, claims["3.5%"].bound) == ("target", "exact")
    assert claims["3.1%"].status == "actual"


def test_a_later_pair_s_start_with_no_year_is_of_the_paragraph_s_first_pair_start() -> None:
    # 由2020年的11.6%提高到2025年的15.2%；…由1.8万家增加到2.3万家: the second pair prints no
    # year; its start is of 2020 (the first pair's start), its end of 2025
    text = (
        "某省制造业答卷\n\n高技术制造业比重由2020年的11.6%提高到2025年的15.2%；"
        "规模以上工业企业由1.8万家增加到2.3万家。\n"
    )
    claims = {c.figure: c for c in extract_text(text, date="2026-01-20", region="hunan").claims}
    assert claims["1.8万家"].period == "2020"
    assert claims["2.3万家"].period == "2025"


# --- scale and classification labels -----------------------------------------------------------


def _aside(text: str, figure: str, date: str = "2025-08-20") -> str:
    hits = [
        c for c in extract_text(text, date=date, region="changsha").claims if c.figure == figure
    ]
    assert len(hits) == 1, [c.figure for c in extract_text(text, date=date).claims]
    return hits[0].set_aside_reason


def test_scale_labels_with_a_threshold_word_or_a_joined_ranked_list_are_set_aside() -> None:
    # 超百亿元项目 (超 + 百亿元 + 项目), 过30亿元的重点项目 (a threshold of a class) and
    # 世界500强和中国500强企业 (the first list joined to the second's members) are labels;
    # the counts 2个, 5个 and 6个 stay figures
    text = (
        "某区项目签约\n\n现场签约项目40个，其中超百亿元项目2个，投资过30亿元的重点项目5个，"
        "世界500强和中国500强企业投资项目6个。\n"
    )
    assert _aside(text, "超百亿元").startswith("scale label")
    assert _aside(text, "过30亿元").startswith("scale label")
    reasons = [
        c.set_aside_reason
        for c in extract_text(text, date="2025-08-20", region="changsha").claims
        if c.figure == "500强"
    ]
    assert reasons and all(r.startswith("scale label") for r in reasons)
    assert _aside(text, "2个") == ""


def test_the_size_of_a_statistical_classification_is_no_figure() -> None:
    # 分三大门类看 (分 + 三大 + 门类), 在39个工业大类行业中 (在 + 39个 + 大类行业) and 七大
    # 高耗能行业 (numeral + 大 + …行业) describe the classification; 30个行业 that grew is a count
    text = (
        "某省工业运行\n\n分三大门类看，制造业增长7.1%。在39个工业大类行业中，有30个行业增加值增长。"
        "七大高耗能行业增加值增长2.1%。\n"
    )
    assert _aside(text, "三大").startswith("sector name")
    assert _aside(text, "39个").startswith("sector name")
    assert _aside(text, "七大").startswith("sector name")
    assert _aside(text, "30个") == ""


def test_each_change_of_a_list_ending_in_percentage_points_is_a_change() -> None:
    # 分别提高8.2个和6.4个百分点: 8.2个 is read before 百分点 is printed, but the list's last
    # item says both are percentage-point changes
    text = "某市数字化\n\n两项比率分别比2020年提高8.2个和6.4个百分点。\n"
    assert _aside(text, "8.2个").startswith("percentage-point change")


# --- a signing ceremony dated in its lead ------------------------------------------------------


def test_the_counts_of_an_event_are_dated_by_the_day_its_lead_prints() -> None:
    # published 2025-09-10; the lead says 9月9日 (the event's day, the text's year): the counts
    # signed (36个, and 15个 in a later paragraph naming no period) are of 2025-09-09, the
    # projects' total investment (总投资420亿元, 180亿元) of no period
    text = (
        "某市重大项目集中签约\n来源：某市日报　2025-09-10\n\n"
        "9月9日，某市重大项目集中签约活动举行。现场共签约项目36个，总投资420亿元。\n\n"
        "从产业看，装备制造类项目15个、总投资180亿元。\n"
    )
    claims = {c.figure: c for c in extract_text(text, date="2025-09-10", region="zhuzhou").claims}
    assert claims["36个"].period == "2025-09-09"
    assert claims["15个"].period == "2025-09-09"
    assert claims["420亿元"].period == ""
    assert claims["180亿元"].period == ""


# --- single months and quoted goals in a monthly release ---------------------------------------


def test_a_month_on_month_rate_is_of_the_last_month_alone() -> None:
    # 1—8月 is 2025M01-M08; 环比增长0.45% compares August with July: 2025M08-M08
    text = "某省1—8月工业运行\n\n1—8月，全省规模工业增加值同比增长6.8%，环比增长0.45%。\n"
    c = _claim(text, "0.45%", date="2025-09-16", region="hunan")
    assert (c.kind, c.period) == ("growth", "2025M08-M08")


def test_a_goal_quoted_after_a_growth_rate_is_a_growth_target() -> None:
    # 预计全年增长6%左右，能够完成年初确定的5.5%的预期目标: 5.5% names no kind of its own; it
    # is the yardstick of the growth rate before it, so a growth target
    text = "某省工业\n\n预计全年规模工业增加值增长6%左右，能够完成年初确定的5.5%的预期目标。\n"
    c = _claim(text, "5.5%", date="2025-12-16", region="hunan")
    assert (c.kind, c.status) == ("growth", "target")


def test_a_project_s_investment_before_what_it_will_form_is_what_was_signed() -> None:
    # 某项目总投资80亿元，落户…，建成后将形成年产5万吨的能力: 将 covers what follows it
    # (the 5万吨 capacity, a target), not the investment signed before it (actual)
    text = (
        "某区签约\n\n另有新材料项目总投资80亿元，落户株洲高新区，"
        "建成后将形成年产5万吨的生产能力。\n"
    )
    claims = {c.figure: c for c in extract_text(text, date="2025-06-18", region="zhuzhou").claims}
    assert claims["80亿元"].status == "actual"
    assert claims["5万吨"].status == "target"


def test_a_headline_figure_with_no_period_is_of_the_lead_s_year() -> None:
    # the headline 产值突破900亿元 prints no year; the lead (2024年，…实现产值926亿元) reports
    # 2024, so the headline's figure is of 2024 (the text is dated 2025-02-20)
    text = (
        "某市新能源汽车产业产值突破900亿元\n来源：某市日报　2025-02-20\n\n"
        "记者从市工信局获悉，2024年，全市新能源汽车产业实现产值926亿元，同比增长15.2%。\n"
    )
    c = _claim(text, "突破900亿元", date="2025-02-20", region="zhuzhou")
    assert c.period == "2024"


def test_a_share_supplied_by_a_place_is_that_place_s() -> None:
    # 全国在役地铁车辆中，约三成的制动系统由株洲企业提供: the whole is national, the share is
    # Zhuzhou's (the place after 由 in the share's clause)
    text = "某产业\n\n全国在役地铁车辆中，约三成的制动系统由株洲企业提供。\n"
    c = _claim(text, "约三成", date="2025-02-12", region="zhuzhou")
    assert (c.region, c.kind) == ("zhuzhou", "share")
