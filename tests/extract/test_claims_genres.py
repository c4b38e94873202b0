"""Claims: reading rules for the genres of issue 13, part 2 (zones with parks, closing reviews
of a plan, cumulative-months releases, January work reports, signing ceremonies). Each
fragment is hand-labelled; the expected value is worked out in the comment beside it."""

from regiondev._extract.claims import Claim, extract_text
from regiondev._extract.resolve_place import listed_parks, respective_order


def _claim(text: str, figure: str, date: str = "2024-07-16", region: str | None = None) -> Claim:
    res = extract_text(text, date=date, region=region)
    hits = [c for c in res.claims if c.figure == figure]
    assert len(hits) == 1, [c.figure for c in res.claims]
    return hits[0]


# --- places -----------------------------------------------------------------------------------


def test_a_zone_never_named_by_its_host_alone_is_the_text_s_subject_in_later_paragraphs() -> None:
    # 攸县高新区 named twice, 攸县 never alone: the text is about the zone, so 园区 in the
    # second paragraph (no place named) is the zone, not the county 攸县
    text = (
        "攸县高新区上半年运行良好\n\n今年上半年，攸县高新区完成规模工业总产值186.4亿元。\n\n"
        "截至6月底，园区在建项目41个。\n"
    )
    c = _claim(text, "41个")
    assert (c.region, c.subject) == ("zhuzhou", "攸县高新区")


def test_a_county_named_alone_stays_the_subject_though_its_zone_is_named_more() -> None:
    # 醴陵经开区 twice, 醴陵 once alone: the county is named in its own right, so it stays the
    # text's part (the zone is the subject only where it is named)
    text = (
        "醴陵经开区增长9%。醴陵经开区新增企业5家。\n\n醴陵新增市场主体4500余户。\n\n"
        "全县新增企业8家。\n"
    )
    c = _claim(text, "8家", date="2024-01-10")
    assert c.subject == "醴陵"


def test_parks_listed_before_fenbie_take_their_figures_in_order() -> None:
    # three names ending in 园 (in no gazetteer) before 分别: 52.4 → the 1st, 43.8 → the 2nd,
    # 21.5 → the 3rd; region the text's city (茶陵 is Zhuzhou's)
    text = (
        "茶陵经开区上半年运行良好\n\n云阳新材料产业园、洣水智造园、茶乡食品产业园分别实现产值"
        "52.4亿元、43.8亿元和21.5亿元。\n"
    )
    got = [(c.region, c.subject) for c in extract_text(text, date="2025-08-05").kept]
    assert got == [
        ("zhuzhou", "云阳新材料产业园"),
        ("zhuzhou", "洣水智造园"),
        ("zhuzhou", "茶乡食品产业园"),
    ]


def test_the_next_sentence_s_fenbie_takes_the_parks_of_the_sentence_before() -> None:
    # 各园区分别…12个、9个和7个: three figures for the three parks named in the sentence
    # before; 96亿元 after the comma is no part of the 分别 list (the zone's: 攸县高新区)
    text = (
        "攸县高新区“一区三园”发展快\n\n"
        "网岭循环经济园、高新技术产业园、新材料产业园分别增长8.5%、12.7%和9.1%。"
        "各园区分别新签约项目12个、9个和7个，总投资合计达96亿元。\n"
    )
    res = extract_text(text, date="2024-07-16")
    by = {c.figure: c.subject for c in res.kept}
    assert by["12个"] == "网岭循环经济园"
    assert by["9个"] == "高新技术产业园"
    assert by["7个"] == "新材料产业园"
    assert by["96亿元"] == "攸县高新区"


def test_fenbie_over_industries_gives_no_park() -> None:
    # 新材料、高端装备、电子信息领域: no park word at the end of a name, so no subject
    assert listed_parks("新材料、高端装备、电子信息领域分别有318家、276家和203家。") == []


def test_the_order_of_a_fenbie_list_ends_at_the_clause_after_its_first_figure() -> None:
    text = "分别新签约项目12个、9个和7个，总投资合计达96亿元。"
    starts = [text.index(x) for x in ("12个", "9个", "7个", "96亿元")]
    order = respective_order(text, starts)
    # three figures in the list (the 96 is after the comma): indexes 0, 1, 2 of 3
    assert [order.get(s) for s in starts] == [(0, 3), (1, 3), (2, 3), None]


def test_a_project_settled_in_a_zone_is_the_zone_s() -> None:
    # 落户 makes the zone the place of the project named before it: its total investment
    # (120, in the clause before the zone) and its forecast output are the zone's
    text = "总投资120亿元的新能源装备产业园项目落户株洲高新区，预计达产后年产值超200亿元。"
    for figure in ("120亿元", "超200亿元"):
        c = _claim(text, figure, date="2025-03-28", region="zhuzhou")
        assert (c.region, c.subject) == ("zhuzhou", "株洲高新区")


def test_a_share_in_a_clause_with_no_subject_is_the_listed_places_joint_share() -> None:
    # 三市合计666家，占全省…51.8%: the clause opens with 占 (no subject of its own), so the
    # share is the three cities' (666 / 1286 = 51.8 %), not Changsha's
    text = "长沙412家、株洲156家。其中，长沙、株洲、湘潭三市合计666家，占全省入选总数的51.8%。"
    c = _claim(text, "51.8%", date="2024-12-03", region="hunan")
    assert c.region == "长沙、株洲、湘潭"


# --- periods ----------------------------------------------------------------------------------


def test_a_month_of_the_cumulative_months_holds_for_its_sentence_only() -> None:
    # 1—11月 in force; 11月份 is the month alone (2025M11-M11) for its own sentence; the next
    # sentence prints no period and goes back to the cumulative months, 2025M01-M11
    text = (
        "1—11月，全省规模以上工业增加值增长7.3%。11月份，规模以上工业增加值增长6.1%。"
        "分门类看，采矿业增加值增长4.2%。\n"
    )
    assert _claim(text, "6.1%", date="2025-12-16").period == "2025M11-M11"
    assert _claim(text, "4.2%", date="2025-12-16").period == "2025M01-M11"


def test_a_month_s_end_is_a_day() -> None:
    # 11月末: the last day of November 2025 (30 days) → 2025-11-30
    text = "11月末，全省规模以上工业企业达到21852家。"
    assert _claim(text, "21852家", date="2025-12-16").period == "2025-11-30"
    # 11月，… (two digits, opening a clause): November alone; 1—11月，… the months
    text = "1—11月，全省增长7.3%。11月，全省增长6.1%。"
    assert _claim(text, "7.3%", date="2025-12-16").period == "2025M01-M11"
    assert _claim(text, "6.1%", date="2025-12-16").period == "2025M11-M11"


def test_the_span_of_an_average_holds_for_its_own_clause() -> None:
    # 2021—2024年年均增长9.0%: 9.0 spans 2021-2024; 87.7 after the comma is 2024's
    text = "2024年，增加值达到4120亿元，2021—2024年年均增长9.0%，完成目标进度的87.7%。"
    assert _claim(text, "9.0%", date="2025-04-10").period == "2021-2024"
    assert _claim(text, "87.7%", date="2025-04-10").period == "2024"


def test_a_january_review_dates_what_prints_no_year_to_the_year_reviewed() -> None:
    # a text of 2025-01-08 that reported 2024年 first: a later paragraph with no year is
    # 2024's (2025 - 1), not the text's date
    text = (
        "2024年，全市规模以上工业增加值增长7.2%。\n\n"
        "我们新认定国家级专精特新“小巨人”企业47家，累计达到215家。\n"
    )
    assert _claim(text, "47家", date="2025-01-08").period == "2024"
    # in a text of July the same paragraph is at the text's date
    assert _claim(text, "47家", date="2025-07-08").period == "2025-07-08"


def test_a_project_s_total_investment_and_its_output_at_capacity_have_no_period() -> None:
    text = (
        "上半年园区完成产业投资31.5亿元。其中，总投资12亿元的新型陶瓷基板项目计划年底投产，"
        "达产后年产值可达25亿元。\n"
    )
    # 31.5: the half year (2025M01-M06); 12: one project's total; 25: at full capacity
    assert _claim(text, "31.5亿元", date="2025-08-05").period == "2025M01-M06"
    assert _claim(text, "12亿元", date="2025-08-05").period == ""
    assert _claim(text, "25亿元", date="2025-08-05").period == ""


def test_the_total_investment_of_projects_signed_keeps_its_period() -> None:
    # 上半年…新签约项目…总投资合计达96亿元: the investment signed in the half year
    text = "上半年，各园区新签约项目28个，总投资合计达96亿元。"
    assert _claim(text, "96亿元", date="2024-07-16").period == "2024M01-M06"


def test_a_pair_of_dated_levels_is_no_comparison_base_even_in_percent() -> None:
    # 从2020年的35%提高到2023年的62%: the levels of 2020 and 2023 (提高到2023年的1.2倍 would
    # be a multiple of 2023's level; 62% after 从…的… is the second level of a pair)
    text = "全市智能化改造覆盖率从2020年的35%提高到2023年的62%。"
    assert _claim(text, "35%", date="2024-03-01").period == "2020"
    assert _claim(text, "62%", date="2024-03-01").period == "2023"


def test_the_city_after_zhan_is_the_yardstick_of_its_part() -> None:
    # 全区…2600家，约占全市的四成: the district's (or zone's) share of the city, not the city's
    text = (
        "长沙高新区发展快\n\n长沙高新区新认定企业236家。全区企业总数超过2600家，约占全市的四成。\n"
    )
    c = _claim(text, "四成", date="2024-07-20")
    assert (c.region, c.subject) == ("changsha", "长沙高新区")


def test_a_plan_s_target_quoted_is_a_target_of_the_plan_s_end_year() -> None:
    # 规划提出，到2025年…: the plan ends 2025; “4000家”的规划目标 met a year early (in 2024) is
    # the plan's 2025 target; 4260 (the level of 2024) is what happened
    text = (
        "规划提出，到2025年全市规模以上制造业增加值达到4700亿元。规模以上工业企业由2020年的"
        "3156家增加到2024年的4260家，提前一年完成“4000家”的规划目标。\n"
    )
    c = _claim(text, "4000家", date="2025-04-10", region="changsha")
    assert (c.status, c.period) == ("target", "2025")
    c = _claim(text, "4260家", date="2025-04-10", region="changsha")
    assert (c.status, c.period) == ("actual", "2024")


# --- status -----------------------------------------------------------------------------------


def test_a_plan_s_target_of_a_year_now_past_ends_with_its_sentence() -> None:
    # 规划提出，到2025年…1.6万亿元 in a 2026 text: still the plan's target (规划提出); the
    # next sentence's record of 2025 (提前实现规划目标, 比2020年增长) is what happened
    text = (
        "规划提出，到2025年全市规模以上工业总产值达到1.6万亿元。2025年，全市规模以上工业总产值"
        "达到1.62万亿元，提前实现规划目标，比2020年增长52.3%。\n"
    )
    c = _claim(text, "达到1.6万亿元", date="2026-01-20", region="changsha")
    assert (c.status, c.bound) == ("target", "at_least")  # 达到 in a target: a floor
    c = _claim(text, "1.62万亿元", date="2026-01-20", region="changsha")
    assert (c.status, c.bound) == ("actual", "exact")  # 达到 of what happened: exact
    assert _claim(text, "52.3%", date="2026-01-20", region="changsha").status == "actual"


def test_progress_towards_a_target_is_what_happened() -> None:
    # 完成目标进度的87.7%: the share of the target reached by 2024, an actual figure
    text = "2024年，全市增加值达到4120亿元，完成目标进度的87.7%。"
    assert _claim(text, "87.7%", date="2025-04-10", region="changsha").status == "actual"


def test_expected_growth_of_the_text_s_year_is_a_target() -> None:
    # 2025年…预期增长7.5%左右 in a text of 2025-01-08: the year's target (2025 is not after
    # the text's date, so only 预期 says so); 符合预期 says nothing of the kind
    text = "2025年，全市规模工业增加值预期增长7.5%左右，制造业投资增长10%以上。"
    for figure in ("7.5%左右", "10%以上"):
        c = _claim(text, figure, date="2025-01-08", region="changsha")
        assert (c.status, c.period) == ("target", "2025")
    text = "上半年，全市规模工业增加值增长6.2%，符合预期。"
    assert _claim(text, "6.2%", date="2025-07-20", region="changsha").status == "actual"


def test_what_a_target_needs_is_a_target_and_targets_keep_their_year() -> None:
    # 要确保… (target) then 2025年…需增长14.1%左右 (the text's own year): a target of 2025;
    # a target that prints no year after them takes the target year in force, 2025
    text = (
        "全市要确保规划目标全面完成。按测算，2025年规模以上制造业增加值需增长14.1%左右。\n\n"
        "全市要确保规模工业总产值突破1000亿元。\n"
    )
    c = _claim(text, "14.1%左右", date="2025-04-10", region="changsha")
    assert (c.status, c.period) == ("target", "2025")
    c = _claim(text, "突破1000亿元", date="2025-04-10", region="changsha")
    assert (c.status, c.period) == ("target", "2025")


def test_output_at_full_capacity_is_a_forecast() -> None:
    # 达产后年产值可达25亿元: a plant's output once at capacity, not what happened
    text = "总投资12亿元的基板项目计划年底投产，达产后年产值可达25亿元。"
    c = _claim(text, "25亿元", date="2025-08-05", region="zhuzhou")
    assert (c.status, c.period) == ("target", "")


def test_known_zones_listed_before_fenbie_keep_the_gazetteer_s_order() -> None:
    # 其中株洲高新区、醴陵经开区分别…2650亿元和1120亿元: both zones are in the gazetteer; the
    # first figure is 株洲高新区's (其中 opens the list, it is no part of a name)
    text = "全市5个园区入选。其中株洲高新区、醴陵经开区分别实现技工贸总收入2650亿元和1120亿元。"
    c = _claim(text, "2650亿元", date="2026-03-20", region="zhuzhou")
    assert c.subject == "株洲高新区"
    c = _claim(text, "1120亿元", date="2026-03-20", region="zhuzhou")
    assert c.subject == "醴陵经开区"
    assert listed_parks("其中网岭循环经济园、高新技术产业园分别增长3%和4%。") == [
        (17, ("网岭循环经济园", "高新技术产业园"))  # 其中 (2) + 7 + 、 + 7 = 17
    ]


def test_a_year_to_the_text_in_its_first_months_is_the_year_before() -> None:
    # 一年来 in a work report of 2025-01-15: 2024, and the next paragraph (no year) too; in a
    # text of July it is the twelve months to the text, left to fill in ("")
    text = "一年来，全县地区生产总值增长6.6%。\n\n全县社会消费品零售总额完成189.3亿元。\n"
    assert _claim(text, "6.6%", date="2025-01-15", region="zhuzhou").period == "2024"
    assert _claim(text, "189.3亿元", date="2025-01-15", region="zhuzhou").period == "2024"
    assert _claim(text, "6.6%", date="2025-07-15", region="zhuzhou").period == ""


def test_a_stretch_of_years_in_a_review_of_the_first_months_is_the_years_before() -> None:
    # 五年间 in a text of 2026-01-20: the five years 2021-2025 (2026 - 5 to 2026 - 1); in a
    # text of June no period (the stretch stays a token only, the figure takes the year)
    text = "2025年，全市增长7%。五年间，全市累计新增“小巨人”企业186家。"
    assert _claim(text, "186家", date="2026-01-20", region="changsha").period == "2021-2025"
    assert _claim(text, "186家", date="2026-06-20", region="changsha").period == "2025"


def test_a_month_opening_a_clause_is_the_month_alone() -> None:
    # 上半年 in force; 6月，…8.4%: June alone (2025M06-M06); the next sentence goes back to
    # the half year (2025M01-M06); 1—6月，… stays the months (the 6 of a range is no month)
    text = (
        "上半年，全市规模以上工业增加值增长7.1%。6月，规模以上工业增加值增长8.4%。"
        "分行业看，有色金属行业增长9.2%。\n\n1—6月，工业投资增长5.5%。\n"
    )
    assert _claim(text, "8.4%", date="2025-07-18", region="zhuzhou").period == "2025M06-M06"
    assert _claim(text, "9.2%", date="2025-07-18", region="zhuzhou").period == "2025M01-M06"
    assert _claim(text, "5.5%", date="2025-07-18", region="zhuzhou").period == "2025M01-M06"


def test_a_list_of_its_own_before_fenbie_takes_no_park_of_the_sentence_before() -> None:
    # 其中电子、机械行业分别…: industries listed in the clause itself, not the parks before
    text = "网岭园、新市园分别增长5.1%和6.3%。其中电子、机械行业分别增长7.4%和8.8%。"
    assert _claim(text, "6.3%", date="2025-07-18", region="zhuzhou").subject == "新市园"
    assert _claim(text, "7.4%", date="2025-07-18", region="zhuzhou").subject == ""


def test_words_of_what_must_or_should_be_achieved_are_targets() -> None:
    # 要实现 / 争取全年 / 《规划》明确: targets; 争取到 (obtained) is what happened
    for text, figure in [
        ("全市要实现规模工业增加值增长8%。", "8%"),
        ("争取全年新增规上企业200家。", "200家"),
        ("《规划》明确，到2025年全市高新技术企业达到2000家。", "达到2000家"),
    ]:
        assert _claim(text, figure, date="2025-07-18", region="zhuzhou").status == "target"
    c = _claim("上半年，全市争取到中央资金12亿元。", "12亿元", date="2025-07-18", region="zhuzhou")
    assert c.status == "actual"


# --- kinds and bounds -------------------------------------------------------------------------


def test_a_threshold_before_the_class_it_names_is_a_scale_label() -> None:
    # 50亿元以上项目 (no 的): a class of project by size; the 3个 after it is the count
    text = "宁乡经开区引进亿元以上项目86个，其中50亿元以上项目3个。"
    c = _claim(text, "50亿元以上", date="2025-01-08", region="changsha")
    assert c.set_aside_reason.startswith("scale label")
    assert _claim(text, "3个", date="2025-01-08", region="changsha").set_aside_reason == ""
    # an amount with 以上 that is no class stays a figure (完成投资50亿元以上，…)
    c = _claim("全年完成投资50亿元以上，增长8%。", "50亿元以上", date="2025-01-08")
    assert (c.set_aside_reason, c.bound) == ("", "at_least")


def test_da_before_a_target_s_figure_is_a_floor() -> None:
    # 达产后年产值可达30亿元: a forecast (target) read as 达到30亿元 → at least 30;
    # 总投资合计达96亿元 (what happened) stays exact
    text = "预计9月底投产，达产后年产值可达30亿元。"
    c = _claim(text, "30亿元", date="2024-07-16", region="zhuzhou")
    assert (c.status, c.bound, c.low, c.high) == ("target", "at_least", 30, float("inf"))
    c = _claim("上半年新签约项目28个，总投资合计达96亿元。", "96亿元", date="2024-07-16")
    assert (c.status, c.bound) == ("actual", "exact")


def test_a_newspaper_of_a_city_is_no_mention_of_it() -> None:
    # 来源：株洲日报 does not name 株洲: the zone of the title (named once) is the text's part,
    # so 园区's figures are 株洲高新区's
    text = (
        "专访｜株洲高新区负责人谈发展\n来源：株洲日报　2025-12-26\n\n"
        "答：园区规模工业总产值增长9.6%。\n"
    )
    c = _claim(text, "9.6%", date="2025-12-26")
    assert (c.region, c.subject) == ("zhuzhou", "株洲高新区")


def test_zones_named_as_a_city_or_valley_join_a_park_list() -> None:
    # 动力谷创新园、航空城和新马工业园分别…42家、35家和28家: 城 and 园 end zone names
    text = "其中，动力谷创新园、航空城和新马工业园分别入驻企业42家、35家和28家。"
    got = [c.subject for c in extract_text(text, date="2025-12-26", region="zhuzhou").kept]
    assert got == ["动力谷创新园", "航空城", "新马工业园"]


def test_a_month_of_the_cumulative_quarters_holds_for_its_sentence_only() -> None:
    # 前三季度 (2025Q1-Q3) in force; 9月份 is the month alone; the next sentence is Q1-Q3 again
    text = (
        "前三季度，全国规模以上工业增加值增长5.9%。9月份，规模以上工业增加值增长6.5%。"
        "分门类看，制造业增加值增长6.4%。"
    )
    assert _claim(text, "6.5%", date="2025-10-22", region="china").period == "2025M09-M09"
    assert _claim(text, "6.4%", date="2025-10-22", region="china").period == "2025Q1-Q3"


def test_what_is_now_after_a_target_is_what_happened() -> None:
    # 到2025年…基本稳定 (a target), 目前这一比重为25.6%: the share now, at the text's date
    text = "规划提出，到2025年制造业增加值占GDP比重基本稳定，目前这一比重为25.6%。"
    c = _claim(text, "25.6%", date="2025-10-22", region="china")
    assert (c.status, c.period) == ("actual", "2025-10-22")


def test_the_end_of_a_pair_without_its_own_year_is_not_the_start_s() -> None:
    # 由2020年的1068家增加到1492家 in a review of 2025 (dated 2026-02-10): 1068 is 2020's,
    # 1492 the year reviewed, 2025 (not 2020)
    text = "2025年，全市增长7%。\n\n全市规模工业企业由2020年的1068家增加到1492家。\n"
    assert _claim(text, "1068家", date="2026-02-10", region="changsha").period == "2020"
    assert _claim(text, "1492家", date="2026-02-10", region="changsha").period == "2025"


def test_a_plan_s_target_met_a_year_early_makes_no_target_of_the_record() -> None:
    # 3500亿元目标提前一年实现: 3500 is the plan's 2025 target; 突破3600亿元 what happened
    text = "2025年，全市规模工业总产值突破3600亿元，“十四五”规划确定的3500亿元目标提前一年实现。"
    c = _claim(text, "突破3600亿元", date="2026-02-10", region="changsha")
    assert (c.status, c.period) == ("actual", "2025")
    c = _claim(text, "3500亿元", date="2026-02-10", region="changsha")
    assert (c.status, c.period) == ("target", "2025")


def test_a_bare_yuanqu_is_the_zone_the_text_last_named() -> None:
    # a text about 醴陵 (named alone) that names 醴陵经开区: 园区 in the next paragraph is the
    # zone, 全市 (of the county-level city) stays 醴陵
    text = (
        "上半年，醴陵市规模工业增加值增长8.1%。醴陵经开区完成技工贸总收入512亿元。\n\n"
        "园区新增规模以上工业企业18家。全市陶瓷产业实现产值420亿元。\n"
    )
    c = _claim(text, "18家", date="2025-07-25", region="zhuzhou")
    assert (c.region, c.subject) == ("zhuzhou", "醴陵经开区")
    c = _claim(text, "420亿元", date="2025-07-25", region="zhuzhou")
    assert (c.region, c.subject) == ("zhuzhou", "醴陵")


def test_a_target_stated_is_no_target_met() -> None:
    # 其目标就是实现…七个提升: a target stated (是 between 目标 and 实现), so the sentence
    # keeps its target cue; 目标提前一年实现 (nothing between but when) is a target met
    text = "其目标就是实现“全面提升制造业集群实力”等“七个提升”。"
    assert _claim(text, "七个", date="2019-11-16", region="changsha").status == "target"


def test_a_review_s_one_year_is_the_year_before_and_a_stretch_later_none() -> None:
    # 一年来 (one form with 五年间): in February 2026, 2025; 五年来 in a July text: no period
    text = "一年来，全县地区生产总值增长6.6%。"
    assert _claim(text, "6.6%", date="2026-02-15", region="zhuzhou").period == "2025"
    text = "五年来，全市规模工业增加值年均增长8.7%。"
    assert _claim(text, "8.7%", date="2026-07-15", region="changsha").period == ""


def test_the_outline_of_a_text_is_no_quantity() -> None:
    # 主要有三个亮点： / 呈现三大特点，一是…: the structure of the article, set aside
    for text, figure in [
        ("从园区发布的“半年报”看，主要有三个亮点：", "三个"),
        ("今年工业经济呈现三大特点，一是总量稳步攀升。", "三大"),
    ]:
        c = _claim(text, figure, date="2023-07-18", region="changsha")
        assert c.set_aside_reason.startswith("structure")
    # 新增三个项目，总投资… is a count
    c = _claim("园区新增三个项目，总投资12亿元。", "三个", date="2023-07-18", region="changsha")
    assert c.set_aside_reason == ""


def test_the_province_before_a_top_n_is_the_field_of_the_ranking() -> None:
    # 长沙、株洲、湘潭增速分列全省前三位，分别增长9.2%、8.7%和8.5%: 全省前三 is the field,
    # so 分别 goes over the three cities (9.2 Changsha's, 8.7 Zhuzhou's, 8.5 湘潭's)
    text = "分市州看，长沙、株洲、湘潭增速分列全省前三位，分别增长9.2%、8.7%和8.5%。"
    got = [
        _claim(text, f, date="2025-12-19", region="hunan").region for f in ("9.2%", "8.7%", "8.5%")
    ]
    assert got == ["changsha", "zhuzhou", "湘潭"]


def test_a_year_named_after_a_target_sentence_is_what_happened() -> None:
    # 力争全年增长8% (target), then 2025年，…增长7.5% in a December 2025 text: the sentence
    # names its own period, so the target context of the sentence before does not carry
    text = "全市力争全年规模工业增加值增长8%。2025年，全市规模工业增加值预计增长7.5%。"
    c = _claim(text, "8%", date="2025-12-20", region="zhuzhou")
    assert c.status == "target"
    text = "全市力争全年规模工业增加值增长8%。2025年1—11月，全市规模工业增加值增长7.5%。"
    assert _claim(text, "7.5%", date="2025-12-20", region="zhuzhou").status == "actual"


def test_quanxian_names_the_county_of_a_zone() -> None:
    # 茶陵 is never named alone, but 全县 (twice) names the county: the text is about 茶陵,
    # and the zone is the subject only where it is named
    text = (
        "去年，全县地区生产总值增长6.8%。茶陵经开区技工贸总收入达到320亿元。\n\n"
        "今年，全县力争新增规上企业30家。\n"
    )
    c = _claim(text, "6.8%", date="2025-02-06")
    assert (c.region, c.subject) == ("zhuzhou", "茶陵")
    assert _claim(text, "320亿元", date="2025-02-06").subject == "茶陵经开区"


def test_a_target_named_as_the_year_s_keeps_its_year() -> None:
    # 增长8%以上的预期目标 in a text of 2026: a target of 2026 (今年), not of the plan named
    # earlier (十四五 ends 2025); 规划目标 would be the plan's
    text = "“十四五”规划圆满收官。今年，我们确定规模工业增加值增长8%以上的预期目标。"
    c = _claim(text, "8%以上", date="2026-02-06", region="zhuzhou")
    assert (c.status, c.period) == ("target", "2026")


def test_a_reported_plan_target_ends_with_its_sentence() -> None:
    # 规划提出，到2025年…4700亿元 (target); the next sentence prints no period and no word of
    # what happened, but a reported plan's context does not carry: 41.2% is a record, and
    # the target's year is not its period (a growth rate with none printed: "", fill in)
    text = (
        "规划提出，到2025年全市规模以上制造业增加值达到4700亿元。"
        "全市规模以上制造业增加值比2020年增长41.2%。"
    )
    c = _claim(text, "41.2%", date="2025-04-10", region="changsha")
    assert (c.status, c.period) == ("actual", "")
    # a plan's own text (到2025年…。培育…) keeps its target context
    text = "到2025年，全市制造业增加值达到5000亿元。培育专精特新企业100家。"
    c = _claim(text, "100家", date="2023-04-10", region="changsha")
    assert (c.status, c.period) == ("target", "2025")


def test_an_amount_after_a_month_end_count_is_a_flow_to_that_day() -> None:
    # 截至6月底 dates the count (2025-06-30); the next sentence's investment is a flow over the
    # months to that day (2025M01-M06), its growth too
    text = "截至6月底，园区有规上企业108家。园区完成产业投资31.5亿元，增长12.8%。"
    got = {c.figure: c.period for c in extract_text(text, date="2025-08-05", region="zhuzhou").kept}
    assert got == {"108家": "2025-06-30", "31.5亿元": "2025M01-M06", "12.8%": "2025M01-M06"}


def test_hunan_s_statistical_areas_are_places() -> None:
    # 分区域看，长株潭…；洞庭湖地区增长5.2%: the 5.2 is 洞庭湖地区's, not 长株潭's
    text = "分区域看，长株潭地区生产总值21453.2亿元，增长5.9%；洞庭湖地区增长5.2%。"
    assert _claim(text, "5.2%", date="2026-03-18", region="hunan").region == "洞庭湖地区"
    assert _claim(text, "5.9%", date="2026-03-18", region="hunan").region == "长株潭"


def test_a_predicate_clause_after_a_month_of_qizhong_is_the_month_s() -> None:
    # 前三季度…，其中9月份完成产值168.2亿元，增长12.6%: the growth clause has no subject of
    # its own, so it is September's (2025M09-M09); a clause with its own subject goes back
    text = (
        "前三季度，园区完成产值1368.5亿元，其中9月份完成产值168.2亿元，增长12.6%。"
        "前三季度，园区完成产值1368.5亿元，其中9月份完成产值168.2亿元，税收增长5.1%。"
    )
    assert _claim(text, "12.6%", date="2025-10-28", region="changsha").period == "2025M09-M09"
    assert _claim(text, "5.1%", date="2025-10-28", region="changsha").period == "2025Q1-Q3"


def test_a_share_of_the_year_s_target_is_what_happened() -> None:
    # 实缴税金达到52.3亿元，占年度目标的78.1%: progress towards a target, both actual
    text = "前三季度，园区实缴税金达到52.3亿元，占年度目标的78.1%。"
    for figure in ("52.3亿元", "78.1%"):
        assert _claim(text, figure, date="2025-10-28", region="changsha").status == "actual"


def test_an_average_after_a_plan_span_and_its_end_year_spans_the_plan() -> None:
    # “十四五”期间 (2021-2025), then 由2020年的…增加到2025年的… (the year in force 2025); the next
    # sentence's 年均增长8.1% is over the span the paragraph named, 2021-2025; 高于规划目标 is
    # beyond a target, no target cue
    text = (
        "“十四五”期间，全市地区生产总值由2020年的3105.8亿元增加到2025年的4210.3亿元；"
        "规模工业增加值年均增长8.1%，高于规划目标0.6个百分点。"
    )
    c = _claim(text, "8.1%", date="2026-01-12", region="zhuzhou")
    assert (c.status, c.period) == ("actual", "2021-2025")


def test_counties_a_gazetteer_lacks_listed_before_fenbie_are_subjects() -> None:
    # 湘潭县、韶山市、湘乡市分别增长8.2%、6.9%和7.7%: parts of 湘潭 (the text's city) by name
    text = "分县市区看，湘潭县、韶山市、湘乡市分别增长8.2%、6.9%和7.7%。"
    got = [(c.region, c.subject) for c in extract_text(text, date="2025-10-25", region="湘潭").kept]
    assert got == [("湘潭", "湘潭县"), ("湘潭", "韶山市"), ("湘潭", "湘乡市")]
    # the longest name ending in a park word: 新市园, not 新市
    assert listed_parks("网岭园、新市园分别增长5.1%和6.3%。") == [(7, ("网岭园", "新市园"))]


def test_a_month_of_a_single_quarter_and_the_year_s_target_as_a_base() -> None:
    # 一季度 (2025Q1-Q1) then 3月份 (the month alone): the next sentence goes back to Q1;
    # 完成全年目标任务的21.5%: 全年 is the base of a part, so 21.5 and what follows stay Q1's
    text = (
        "一季度，全市增长8.2%。3月份，全市增长9.5%。分产业看，工程机械产业增长14.3%。\n\n"
        "一季度，全市新增规上企业86家，完成全年目标任务的21.5%。长沙经开区增长12.1%。\n"
    )
    got = {
        c.figure: c.period for c in extract_text(text, date="2025-04-22", region="changsha").kept
    }
    assert got["9.5%"] == "2025M03-M03"
    assert got["14.3%"] == "2025Q1-Q1"
    assert got["21.5%"] == "2025Q1-Q1"
    assert got["12.1%"] == "2025Q1-Q1"
    # 全年计划新增2000家: the plan's year (a target of 2025), not a base
    c = _claim("全年计划新增规上企业2000家。", "2000家", date="2025-04-22", region="changsha")
    assert (c.status, c.period) == ("target", "2025")


def test_a_ranked_class_in_quotes_is_a_scale_label() -> None:
    # 引进“三类500强”企业2家: 500强 names a class of firms (the quote closes before 企业)
    c = _claim("力争引进“三类500强”企业2家。", "500强", date="2025-01-15", region="zhuzhou")
    assert c.set_aside_reason.startswith("scale label")
