"""Claims: hand-labelled fragments for every cue (status, kind, period, region, basis) and
for the numbers that are set aside."""

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regiondev._extract import claims as claims_module
from regiondev._extract import resolve_indicator
from regiondev._extract.claims import Claim, detect_date, extract_text
from regiondev._sources import clean_text, load_sources
from regiondev.numbers import Token, scan


def _one(text: str, figure: str, **kw: object) -> Claim:
    res = extract_text(text, **kw)  # type: ignore[arg-type]
    hits = [c for c in res.claims if c.figure == figure]
    assert len(hits) == 1, [c.figure for c in res.claims]
    return hits[0]


@pytest.mark.parametrize(
    ("text", "figure", "status", "cue"),
    [
        ("力争新增2至3个千亿元产业集群。", "2至3个", "target", "力争"),
        ("到2025年,规模工业企业利润总额达到1000亿元。", "达到1000亿元", "target", "到2025年"),
        ("实现数字经济增长15%以上的发展目标。", "15%以上", "target", "目标"),
        ("全市经济总量将在五年内达到5000亿元。", "达到5000亿元", "target", "将"),
        ("未来5年,科技进步贡献率超过70%。", "超过70%", "target", "未来5年"),
        ("到2018年底,清水塘老工业区261家企业全部关停搬迁到位。", "261家", "actual", ""),
        ("2020年,长沙市规模工业增加值约2300亿元。", "约2300亿元", "actual", ""),
    ],
)
def test_status_cues(text: str, figure: str, status: str, cue: str) -> None:
    c = _one(text, figure, date="2021-11-09", region="changsha")
    assert c.status == status
    assert cue in c.cues


def test_target_context_carries_to_the_next_sentence_of_a_paragraph() -> None:
    text = "到2025年,利润总额达到1000亿元。新增百亿元制造业企业10家。\n目前有企业50家。\n"
    res = extract_text(text, date="2021-11-17", region="changsha")
    by = {c.figure: c for c in res.claims}
    assert by["10家"].status == "target"  # same paragraph, no cue of its own
    assert by["50家"].status == "actual"  # a new paragraph, and 目前


@pytest.mark.parametrize(
    ("text", "figure", "kind", "basis", "unit"),
    [
        ("规模工业增加值同比增长8.3%。", "8.3%", "growth", "real", "percent"),
        ("增速为9.9%。", "9.9%", "growth", "real", "percent"),
        ("占GDP比重为28.1%。", "28.1%", "share", "not_applicable", "percent"),
        ("两类集群总数在全部集群中占比过半。", "过半", "share", "not_applicable", "percent"),
        ("实现增加值873.85亿元。", "873.85亿元", "level", "nominal", "cny_100m"),
        ("人均GDP突破1万美元。", "突破1万美元", "level", "nominal", "usd"),
        ("共有试点企业1254家。", "1254家", "count", "not_applicable", "enterprises"),
        ("增速排名全国第4位。", "第4位", "rank", "not_applicable", "rank"),
        ("规模连续10年居全国第一。", "第一", "rank", "not_applicable", "rank"),
        ("位居全国省会城市首位。", "首位", "rank", "not_applicable", "rank"),
        # a decline word inside the token is its own growth cue
        ("规模工业增加值同比下降3.1%。", "下降3.1%", "growth", "real", "percent"),
        # money flows (exports, profit, investment) grow in current prices: nominal
        ("出口额下降3.1%。", "下降3.1%", "growth", "nominal", "percent"),
        ("利润负增长2.5%。", "负增长2.5%", "growth", "nominal", "percent"),
        ("投资增长-2.5%。", "-2.5%", "growth", "nominal", "percent"),
        ("高技术制造业增加值增长6.2%。", "6.2%", "growth", "real", "percent"),
    ],
)
def test_kind_and_basis(text: str, figure: str, kind: str, basis: str, unit: str) -> None:
    c = _one(text, figure, date="2021-11-09", region="zhuzhou")
    assert (c.kind, c.basis, c.unit) == (kind, basis, unit)


@pytest.mark.parametrize(
    ("text", "figure", "date", "period"),
    [
        ("2020年,规模工业增加值约2300亿元。", "约2300亿元", "2021-11-17", "2020"),
        ("2019年工业经济逆势上扬。1—11月,规模工业增加值增长8.3%。", "8.3%", "", "2019M01-M11"),
        ("今年前3季度实现地区生产总值2487.1亿元。", "2487.1亿元", "2021-11-09", "2021Q1-Q3"),
        ("2021年上半年增加值增长12.1%。", "12.1%", "", "2021M01-M06"),
        ("今年一季度增长6.5%。", "6.5%", "2023-05-10", "2023Q1-Q1"),
        ("“十四五”期间新增企业10家。", "10家", "2021-11-09", "2021-2025"),
        ("“十三五”期间关停企业200家。", "200家", "2021-11-09", "2016-2020"),
        ("过去5年,地区生产总值年均增长7.1%。", "7.1%", "2021-11-09", "2016-2020"),
        ("今年实现产值43.9亿。", "43.9亿", "2021-11-09", "2021"),
        ("目前,全市共有试点企业1254家。", "1254家", "2021-11-17", "2021-11-17"),
        ("去年实现利润100亿元。", "100亿元", "2021-11-09", "2020"),
        ("力争到2025年产值突破2万亿元。", "突破2万亿元", "2019-12-31", "2025"),
    ],
)
def test_period_cues(text: str, figure: str, date: str, period: str) -> None:
    assert _one(text, figure, date=date or None, region="hunan").period == period


def test_jin_nian_and_mu_qian_need_the_date() -> None:
    c = _one("今年实现产值43.9亿。", "43.9亿", region="zhuzhou")
    assert c.period == ""
    assert "needs the text's date" in c.cues
    c = _one("目前,全市共有试点企业1254家。", "1254家", region="changsha")
    assert c.period == ""


def test_date_is_read_from_the_byline_when_not_given() -> None:
    text = "标题\n发布时间:2019/11/16 新闻 浏览:507\n目前,全市共有试点企业1254家。\n"
    res = extract_text(text, region="changsha")
    assert (res.date, res.date_origin) == ("2019-11-16", "byline")
    assert _one(text, "1254家", region="changsha").period == "2019-11-16"
    assert detect_date("没有日期的文字") is None


@pytest.mark.parametrize(
    ("text", "figure", "region"),
    [
        ("湖南省规模工业增加值增长8.3%。", "8.3%", "hunan"),
        ("长沙市规模工业增加值约2300亿元。", "约2300亿元", "changsha"),
        ("株洲汇集300余家骨干企业。", "300余家", "zhuzhou"),
        ("在全国21个老工业区搬迁改造试点中。", "21个", "china"),
        ("广东省地区生产总值增长6.1%。", "6.1%", "广东"),
        ("全市共有试点企业1254家。", "1254家", "changsha"),  # 全市 = the text's city
        ("增速排名全国第4位。", "第4位", "changsha"),  # 全国 here is the field of comparison
        ("企业1254家。", "1254家", "changsha"),  # nothing named: the default
    ],
)
def test_region_cues(text: str, figure: str, region: str) -> None:
    assert _one(text, figure, date="2021-11-17", region="changsha").region == region


def test_default_region_is_the_most_named_place() -> None:
    text = "株洲市规模工业增加值增长7.0%。株洲新增企业10家。长沙有企业5家。国家级集群3个。\n"
    assert extract_text(text).region == "zhuzhou"


@pytest.mark.parametrize(
    ("text", "figure", "guess"),
    [
        ("规模工业增加值同比增长8.3%。", "8.3%", "industrial_va_growth"),
        ("规模工业增加值约2300亿元。", "约2300亿元", "industrial_va"),
        ("两年平均增长6.3%。", "6.3%", "gdp_growth_two_year_avg"),
        # an actual 达到X is the level reached: the figure is the exact X
        ("利润总额达到1000亿元。", "1000亿元", "industrial_profit"),
        ("工程机械产业集群规模突破2500亿元。", "突破2500亿元", "unknown"),
    ],
)
def test_indicator_guess(text: str, figure: str, guess: str) -> None:
    c = _one(text, figure, date="2021-11-09", region="changsha")
    assert c.indicator_guess == guess
    if guess == "unknown":
        assert "产业集群规模" in c.cues  # the words before the figure, for the reviewer


def test_bounds_and_intervals_come_from_the_number_reader() -> None:
    c = _one("拥有2200余家企业。", "2200余家", date="2022-11-30", region="china")
    assert (c.value, c.bound, c.low, c.high) == (2200, "more_than", 2200, 2300)
    c = _one("形成1~2个集群。", "1~2个", date="2019-11-16", region="changsha")
    assert (c.value, c.bound, c.low, c.high) == (1.5, "range", 1, 2)


def test_a_decline_is_a_negative_growth_claim() -> None:
    c = _one("1—11月,规模工业增加值同比下降3.1%。", "下降3.1%", date="2019-12-01", region="hunan")
    # a decline of 3.1 % is a change of −3.1 %, at comparable prices
    assert (c.value, c.low, c.high, c.unit, c.bound) == (-3.1, -3.1, -3.1, "percent", "exact")
    assert (c.kind, c.basis, c.indicator_guess) == ("growth", "real", "industrial_va_growth")


def test_set_aside_tokens_have_no_value_rather_than_nan() -> None:
    import math

    res = extract_text("发布时间:2023-05-10\n今年一季度增长6.5%。电话:0731-58888888\n")
    by = {c.figure: c for c in res.claims}
    for fig in ("2023-05-10", "一季度", "0731-58888888"):
        assert by[fig].set_aside_reason
        assert (by[fig].value, by[fig].low, by[fig].high) == (None, None, None)
    assert by["6.5%"].value == 6.5
    for src in load_sources():
        doc = extract_text(Path(src.path).read_text(encoding="utf-8"), source=src.id)
        for c in doc.claims:
            assert not any(isinstance(v, float) and math.isnan(v) for v in c), c


def test_furniture_is_set_aside_with_a_reason_never_dropped() -> None:
    text = (
        "首页 > 新闻\n相关:某公司2023年利润增长300%\n标题:长沙制造业\n"
        "发布时间:2019/11/16 新闻 浏览:507\n"
        "2020年,长沙市规模工业增加值约2300亿元,构建“1+2+N”产业体系。\n"
        + "正文。" * 40
        + "\n延伸阅读\n某地新增企业50家\n版权所有 京ICP备11041399号-2 电话:010-65363056\n"
    )
    res = extract_text(text, region="changsha")
    reasons = {c.figure: c.set_aside_reason for c in res.claims}
    assert reasons["约2300亿元"] == ""
    assert reasons["2020年"] == "date"
    assert reasons["1+2+N"].startswith("plan structure")
    assert reasons["增长300%"[2:]].startswith("page furniture: header")
    assert reasons["507"].startswith("page furniture: byline")
    assert reasons["50家"].startswith("page furniture: footer")
    assert "licence" in reasons["京ICP备11041399号-2"]
    assert reasons["010-65363056"] == "phone number"
    assert [c.figure for c in res.kept] == ["约2300亿元"]


def test_figures_in_damaged_runs_are_set_aside() -> None:
    src = next(s for s in load_sources() if s.id == "cn22")
    res = extract_text(Path(src.path).read_text(encoding="utf-8"), source="cn22")
    assert res.damaged
    inside = [c for c in res.claims if "damaged" in c.set_aside_reason]
    for c in inside:
        assert any(a < c.end and c.start < b for a, b, _ in res.damaged)


@pytest.mark.parametrize("sid", ["cs21", "csht19", "hn19", "cn22", "zz21"])
def test_same_tokens_as_scanning_the_whole_clean_text(sid: str) -> None:
    """Cleaning and scanning only lines and sentences that can hold numbers loses nothing."""
    src = next(s for s in load_sources() if s.id == sid)
    res = extract_text(Path(src.path).read_text(encoding="utf-8"), source=sid)
    whole = clean_text(src)
    assert [(c.start, c.end, c.figure) for c in res.claims] == [
        (t.start, t.end, t.text) for t in scan(whole.text)
    ]
    assert res.chars == len(whole.text)
    for c in res.claims:
        assert whole.text[c.start : c.end] == c.figure
        assert c.quote == whole.text[c.sentence_start : c.sentence_end]


def _reference_scan_clauses(sentence: str) -> list[Token]:
    """numbers.scan over each clause cut out of the sentence, offsets moved back."""
    out: list[Token] = []
    for cm in claims_module._CLAUSE.finditer(sentence):
        clause = cm.group(0)
        if claims_module._CAND.search(clause) is None:
            continue
        base = cm.start()
        for t in scan(clause):
            out.append(Token(t.kind, t.start + base, t.end + base, t.text, t.parsed))
    return out


_SEEDS = "".join(Path(s.path).read_text(encoding="utf-8") for s in load_sources() if s.path)
_CLAUSE_PIECES = ["，", ",", "1,254家", "3(制造，服务)+4(园区)", "前3季度", "2021年", "一", "约"]
_sentences = st.lists(
    st.one_of(
        st.sampled_from(_CLAUSE_PIECES),
        st.tuples(st.integers(0, len(_SEEDS) - 1), st.integers(1, 30)).map(
            lambda t: _SEEDS[t[0] : t[0] + t[1]]
        ),
    ),
    max_size=15,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_sentences)
def test_scanning_clauses_in_place_is_scanning_them_cut_out(sentence: str) -> None:
    assert claims_module._scan_clauses(sentence) == _reference_scan_clauses(sentence)


def test_scanning_clauses_on_the_seed_sentences() -> None:
    for sm in claims_module._SENTENCE.finditer(_SEEDS):
        sentence = sm.group(0)
        assert claims_module._scan_clauses(sentence) == _reference_scan_clauses(sentence)


def test_indicator_lookahead_changes_no_match() -> None:
    import re

    for cue in resolve_indicator.INDICATOR_RULES:
        for alt in cue.split("|"):
            # a leading look-behind consumes nothing: the first character comes after it
            first = re.sub(r"^(?:\(\?<[!=][^()]*\))+", "", alt)[0]
            assert re.fullmatch(f"[{resolve_indicator.INDICATOR_FIRST}]", first), (cue, alt)
    plain = re.compile(
        "|".join(f"(?P<r{i}>{cue})" for i, cue in enumerate(resolve_indicator.INDICATOR_RULES))
    )
    words = (
        "两年平均增长 规模以上工业增加值 规模工业增加值 地区生产总值 GDP 经济总量 人均GDP "
        "人均地区生产总值 利润 工业投资 技改投资 数字经济 制造业增加值 制造业 制造业投资 "
        "高技术制造业增加值 "
        "高新技术产业园区增加值 国家级专精特新 省级专精特新 单项冠军 智能制造试点 合格率 产业链"
    )
    for text in (_SEEDS, words):
        assert [(m.span(), m.lastgroup) for m in resolve_indicator.INDICATOR_RE.finditer(text)] == [
            (m.span(), m.lastgroup) for m in plain.finditer(text)
        ]


def test_comparison_year_is_not_the_figures_period() -> None:
    text = (
        "2023年,全市先进制造业增加值占比为62.5%,比上年提高2.3个百分点。"
        "全市排名第3位,较上年前移2位。"
    )
    claims = {c.figure: c for c in extract_text(text, date="2023-12-20", region="changsha").claims}
    # 比上年 / 较上年 name the year compared with: the figures stay in 2023
    assert claims["62.5%"].period == "2023"
    assert claims["第3位"].period == "2023"
    # a change in percentage points or in places is set aside, not read as a count or a rank
    assert claims["2.3个百分点"].set_aside_reason.startswith("percentage-point change")
    assert claims["2位"].set_aside_reason.startswith("change in rank")
    assert claims["第3位"].set_aside_reason == ""


def test_this_year_in_an_undated_text_does_not_borrow_an_earlier_year() -> None:
    text = "2022年,全市工业总产值3616.8亿元。今年一季度,全市工业投资增长15.2%。"
    c = _one(text, "15.2%", region="changsha")
    assert c.period == ""
    assert "needs the text's date" in c.cues


def test_plan_words_make_a_target_and_the_indicator_cue_skips_investment() -> None:
    c = _one("全市计划新增高新技术企业500家。", "500家", date="2023-01-05", region="changsha")
    assert c.status == "target" and "计划新增" in c.cues
    inv = _one("制造业投资增长12.1%。", "12.1%", date="2023-01-05", region="changsha")
    assert inv.indicator_guess == "unknown" and inv.basis == "nominal"
    # the words before a figure shown as its cue do not start inside an earlier number
    assert "2.5%" not in _one("占比为62.5%,比上年提高2.3个百分点。", "2.3个百分点").cues


def test_a_range_of_years_is_a_period_not_a_figure() -> None:
    res = extract_text("2021—2023年,湖南省制造业增加值年均增长7.5%。", date="2024-01-10")
    years = next(c for c in res.claims if c.figure == "2021—2023年")
    assert years.token_kind == "period" and years.value is None
    rate = next(c for c in res.claims if c.figure == "7.5%")
    assert rate.period == "2021-2023" and rate.kind == "growth"


def test_jiezhi_month_is_a_date_not_a_figure() -> None:
    res = extract_text("截至11月底,全市新增上市企业12家。", region="changsha", date="2023-12-05")
    kinds = {c.figure: c.token_kind for c in res.claims}
    assert kinds == {"11月底": "date", "12家": "figure"}


def test_two_year_average_takes_the_period_in_force_not_an_earlier_plan() -> None:
    text = "“十三五”期间,全市工业年均增长8%。全市规模工业增加值两年平均增长6.3%。"
    assert _one(text, "6.3%", date="2021-12-05", region="changsha").period == "2021"
    same = "前三季度,全市规模工业增加值同比增长9.5%,两年平均增长6.3%。"
    assert _one(same, "6.3%", date="2021-12-05", region="changsha").period == "2021Q1-Q3"


def test_bracketed_area_code_is_a_phone_and_a_scale_label_is_no_amount() -> None:
    text = "全市打造4个千亿产业集群,产值2000亿元。\n电话:(0731)88666666 传真:（0731）88666667\n"
    claims = {c.figure: c for c in extract_text(text, region="changsha").claims}
    assert claims["(0731)88666666"].set_aside_reason == "phone number"
    assert claims["（0731）88666667"].set_aside_reason == "phone number"
    assert claims["千亿"].set_aside_reason.startswith("scale label")
    assert claims["2000亿元"].set_aside_reason == "" and claims["4个"].value == 4.0


def test_first_n_months_is_the_figures_period() -> None:
    c = _one("今年前10个月,全市规模工业增加值增长7.1%。", "7.1%", date="2023-11-20")
    assert c.period == "2023M01-M10"
    c = _one("2022年前十一个月,全市新增企业30家。", "30家", date="2023-11-20")
    assert c.period == "2022M01-M11"


@pytest.mark.parametrize("figure", ["8%-10%", "8%~10%", "8%至10%", "8—10%"])
def test_a_percent_range_printed_either_way_is_one_range(figure: str) -> None:
    c = _one(f"今年出口增长{figure}。", figure, date="2023-02-10", region="changsha")
    # 8 to 10 percent: range [8, 10], value the midpoint (8 + 10) / 2 = 9
    assert (c.value, c.bound, c.low, c.high, c.unit) == (9.0, "range", 8.0, 10.0, "percent")


def test_yue_wei_is_approximate() -> None:
    c = _one("出口占全国比重约为13%。", "约为13%", date="2023-02-10", region="changsha")
    # ± max(5 % of 13 = 0.65, one printed unit = 1) = [12, 14]
    assert (c.bound, c.low, c.high) == ("approx", 12.0, 14.0)


def test_a_national_comparison_does_not_make_the_subject_china() -> None:
    text = (
        "湖南省2022年工业经济运行情况\n"
        "全省规模工业增加值增长7.2%,居全国第8位。全省出口额增长20%,占全国比重约为3%。\n"
        "在全国先进制造业百强市排名中,株洲位列第31位。\n"
    )
    res = extract_text(text, date="2023-01-20")
    assert res.region == "hunan"
    regions = {c.figure: c.region for c in res.claims if c.value is not None}
    assert regions == {
        "7.2%": "hunan",
        "第8位": "hunan",
        "20%": "hunan",
        "约为3%": "hunan",
        "百强": "china",  # the national list of the top hundred cities
        "第31位": "zhuzhou",  # the nearest place before the figure is its subject
    }
    assert _one("全国规模以上工业增加值增长3.6%。", "3.6%", region="changsha").region == "china"


def test_a_period_that_would_end_after_the_texts_date_is_of_the_year_before() -> None:
    # a text of 5 January 2023 cannot report January-October 2023
    assert _one("前10个月,产值增长5%。", "5%", date="2023-01-05").period == "2022M01-M10"
    text = "1-11月,全省规模工业增加值增长7.1%。全年工业投资增长15.8%。"
    res = {c.figure: c for c in extract_text(text, date="2023-01-20", region="hunan").claims}
    assert res["7.1%"].period == "2022M01-M11"
    assert res["15.8%"].period == "2022"  # 全年: the whole year, not the months before


def test_a_plan_period_ending_after_the_text_makes_a_target() -> None:
    c = _one("“十四五”期间,全省制造业增加值年均增长10%以上。", "10%以上", date="2022-03-01")
    assert (c.status, c.period) == ("target", "2021-2025")


def test_batches_and_differences_are_set_aside() -> None:
    first = _one("入选第三批国家先进制造业集群名单。", "第三", region="hunan")
    assert first.set_aside_reason.startswith("ordinal of a batch")
    more = _one("同比多增15家。", "15家", region="hunan")
    assert more.set_aside_reason.startswith("increase over an earlier figure")
    res = {c.figure: c for c in extract_text("比上年末增加76家,达到385家。", region="hunan").claims}
    assert res["76家"].set_aside_reason.startswith("increase over an earlier figure")
    # an actual 达到385家 is the level reached, exact, in the listing as in the drafts
    assert (res["385家"].bound, res["385家"].high, res["385家"].set_aside_reason) == (
        "exact",
        385.0,
        "",
    )


def test_money_flows_grow_nominally_and_keep_no_borrowed_indicator() -> None:
    text = "全省规模工业增加值增长7.2%,出口增长20%。工业投资增长15.8%,其中制造业投资增长20.1%。"
    res = {c.figure: c for c in extract_text(text, date="2023-01-20", region="hunan").claims}
    assert (res["7.2%"].basis, res["7.2%"].indicator_guess) == ("real", "industrial_va_growth")
    assert (res["20%"].basis, res["20%"].indicator_guess) == ("nominal", "unknown")
    assert res["15.8%"].indicator_guess == "industrial_investment_growth"
    assert (res["20.1%"].basis, res["20.1%"].indicator_guess) == ("nominal", "unknown")
    c = _one("营业收入两年平均增长12.3%。", "12.3%", region="hunan")
    assert (c.basis, c.indicator_guess) == ("nominal", "unknown")


def test_a_figure_takes_the_nearest_place_before_it_and_a_rank_its_ranked_place() -> None:
    text = "株洲空气质量持续改善,在全国168个重点城市中,空气质量改善幅度居全国第十、全省第一。"
    res = {c.figure: c.region for c in extract_text(text, region="zhuzhou").claims}
    # 168 cities are a national count; the ranks are Zhuzhou's (全国/全省 are the fields)
    assert res == {"168个": "china", "第十": "zhuzhou", "第一": "zhuzhou"}
    assert _one("我国制造业规模居世界第一。", "第一", region="hunan").region == "china"


def test_a_ranking_sentence_does_not_inherit_the_target_context() -> None:
    text = "到2025年,产值达到1000亿元。中车株机在全球轨道交通装备企业中排名第1。\n"
    res = {c.figure: c for c in extract_text(text, date="2022-03-01", region="zhuzhou").claims}
    assert res["达到1000亿元"].status == "target"
    assert res["第1"].status == "actual"


def test_sector_names_are_no_ranks() -> None:
    text = "其中,第一产业增加值262.9亿元,增长3.7%;第三产业增加值1896.0亿元。"
    res = {c.figure: c for c in extract_text(text, date="2024-03-28", region="zhuzhou").claims}
    for ordinal in ("第一", "第三"):
        assert res[ordinal].set_aside_reason.startswith("sector name"), ordinal
    assert (res["262.9亿元"].value, res["262.9亿元"].set_aside_reason) == (262.9, "")
    # a true first place keeps its rank
    assert _one("产业规模居全省第一。", "第一", region="zhuzhou").set_aside_reason == ""


def test_a_count_of_another_kind_of_enterprise_borrows_no_indicator() -> None:
    text = "全市共有国家级专精特新“小巨人”企业41家,高新技术企业1200余家。"
    res = {c.figure: c for c in extract_text(text, region="zhuzhou").claims}
    assert res["41家"].indicator_guess == "little_giant_enterprises_national"
    assert res["1200余家"].indicator_guess == "unknown"
    assert "高新技术企业" in res["1200余家"].cues


def test_a_figure_with_no_period_takes_the_year_its_title_names() -> None:
    text = (
        "株洲市2023年国民经济和社会发展统计公报\n"
        "初步核算,2023年全市实现地区生产总值3812.3亿元。\n"
        "全市规模以上工业增加值增长6.1%。\n"
    )
    res = {c.figure: c for c in extract_text(text, date="2024-03-28", region="zhuzhou").claims}
    assert res["6.1%"].period == "2023"  # not the bulletin's date, 2024-03-28
    assert "the title's 2023年" in res["6.1%"].cues
    # a title naming a target year, or two years, gives no period
    plan = "到2025年株洲先进制造业产值达5000亿元\n全市规模以上工业增加值增长6.1%。\n"
    c = _one(plan, "6.1%", date="2024-03-28", region="zhuzhou")
    # and a growth rate is never dated to a day: its period is left to fill in, and said so
    assert (c.period, "a growth rate's period is not the text's date" in c.cues) == ("", True)


def test_a_place_after_a_word_of_comparison_is_the_yardstick_not_the_subject() -> None:
    text = "全年规模以上工业增加值比上年增长6.8%,增速高于全省1.7个百分点。"
    assert _one(text, "6.8%", date="2024-03-28", region="zhuzhou").region == "zhuzhou"
    text = "2022年,湘潭市高新技术产业增加值占全省比重为8.7%。"
    assert _one(text, "8.7%", date="2023-11-20", region="hunan").region == "湘潭"
    # 占全市总量 stays the city's own total
    text = "工业废水排放量曾占全市总量30%。"
    assert _one(text, "30%", date="2021-11-09", region="zhuzhou").region == "zhuzhou"


def test_counties_are_subjects_of_their_city_and_listed_places_no_ones() -> None:
    text = "株洲市1—2月规模工业增加值增长8.2%,其中,醴陵市增长12.1%。"
    res = {c.figure: (c.region, c.subject) for c in extract_text(text, date="2023-03-20").kept}
    assert res == {"8.2%": ("zhuzhou", ""), "12.1%": ("zhuzhou", "醴陵")}
    c = _one("长沙高新区工业总产值增长-2.5%。", "-2.5%", date="2023-03-20")
    assert (c.region, c.subject) == ("changsha", "长沙高新区")
    # a place in a street name is no place: 黄河北路 is not 河北
    assert claims_module.detect_region("地址:黄河北路100号。") == ""
    text = "长沙、株洲、湘潭三市地区生产总值合计2.05万亿元。"
    assert _one(text, "2.05万亿元", date="2023-03-20").region == "长沙、株洲、湘潭"


def test_the_period_compared_with_is_not_the_figures_own() -> None:
    text = "株洲市工业投资同比下降1.2%,降幅比上半年收窄0.8个百分点。"
    c = _one(text, "下降1.2%", date="2023-11-20")
    assert c.period == ""  # not 2023M01-M06: 比上半年 is the comparison
    assert "a growth rate's period is not the text's date" in c.cues
    text = "全省高新技术企业达到2.1万家,比“十三五”末增加4000家。"
    res = {c.figure: c for c in extract_text(text, date="2023-11-20").claims}
    assert res["2.1万家"].period == "2023-11-20"  # a stock at the text's date, not 2016-2020
    assert res["4000家"].set_aside_reason.startswith("increase over an earlier figure")


def test_a_later_clauses_period_is_not_an_earlier_count_s() -> None:
    text = "长沙市规模以上工业企业1.2万余家,上半年营业收入5500余亿元。"
    res = {c.figure: c.period for c in extract_text(text, date="2023-11-20").claims}
    assert res["1.2万余家"] == "2023-11-20"
    assert res["5500余亿元"] == "2023M01-M06"


def test_aspiration_covers_what_follows_li_zheng_only() -> None:
    text = "预计2023年全年全省工业投资增长8%-10%,2024年力争增长10%以上。"
    res = {c.figure: c for c in extract_text(text, date="2023-11-20").claims}
    assert (res["8%-10%"].aspirational, res["10%以上"].aspirational) == (False, True)
    assert (res["8%-10%"].status, res["8%-10%"].period) == ("target", "2023")


def test_a_forecast_of_the_full_year_is_of_the_year_in_progress() -> None:
    c = _one("预计全年全省工业投资增长9%左右。", "9%左右", date="2023-11-20")
    assert (c.period, c.status) == ("2023", "target")
    # reported, not forecast: a full year that would end after the date is the year before
    c = _one("全年全省规模以上工业增加值增长5.1%。", "5.1%", date="2023-11-20")
    assert (c.period, c.status) == ("2022", "actual")


def test_a_year_named_in_another_paragraph_or_a_plan_does_not_carry() -> None:
    text = (
        "2022年,湘潭市高新技术产业增加值占全省比重为8.7%。\n"
        "预计2023年全年全省工业投资增长8%,2024年力争增长10%以上。\n"
        "前三季度,株洲市地区生产总值同比增长4.1%。前三季度全市规上工业增加值增长6.3%。\n"
    )
    res = {c.figure: c for c in extract_text(text, date="2023-11-20").claims}
    assert (res["4.1%"].period, res["4.1%"].status) == ("2023Q1-Q3", "actual")
    # 全市 is the city the paragraph named, not the text's region
    assert (res["6.3%"].period, res["6.3%"].region) == ("2023Q1-Q3", "zhuzhou")


def test_plan_names_and_ratio_parts_are_set_aside() -> None:
    c = _one("实施制造业三年行动方案,到2025年达到1000亿元。", "三年", date="2023-01-01")
    assert c.set_aside_reason.startswith("part of a plan's name")
    res = extract_text("三次产业结构为7.1:43.9:49.0。", date="2024-03-28").claims
    assert [c.set_aside_reason.startswith("part of a ratio") for c in res] == [True] * 3


def test_a_closing_date_line_is_the_texts_date_and_no_byline() -> None:
    text = (
        "1—10月,全省规模以上工业增加值同比增长7.8%。\n"
        "前三季度,长沙市地区生产总值10337.5亿元。\n"
        "咨询电话:0731-88665544。发布时间:2023年11月20日。\n"
    )
    res = extract_text(text)
    assert res.date == "2023-11-20"
    by = {c.figure: c for c in res.claims}
    # the lines above it are the notice itself, not a page header
    assert by["7.8%"].set_aside_reason == ""
    assert by["10337.5亿元"].set_aside_reason == ""
    assert by["7.8%"].period == "2023M01-M10"


def test_a_line_holding_only_a_date_near_the_top_dates_the_text() -> None:
    text = (
        "2023年株洲市国民经济和社会发展统计公报\n\n株洲市统计局\n2024年3月28日\n\n"
        "初步核算,全年全市地区生产总值3846.2亿元,比上年增长5.6%。\n"
    )
    res = extract_text(text)
    assert res.date == "2024-03-28"
    c = next(c for c in res.claims if c.figure == "3846.2亿元")
    assert (c.period, c.region, c.set_aside_reason) == ("2023", "zhuzhou", "")


def test_advanced_manufacturing_and_a_sector_borrow_no_indicator() -> None:
    assert _one("全市先进制造业增加值增长9.1%。", "9.1%", region="zhuzhou").indicator_guess == (
        "unknown"
    )
    text = "前三季度,株洲市地区生产总值同比增长4.1%,其中第二产业增长5.2%。"
    res = {c.figure: c.indicator_guess for c in extract_text(text, date="2023-11-20").claims}
    assert (res["4.1%"], res["5.2%"]) == ("gdp_growth", "unknown")


def test_fen_bie_gives_each_listed_place_its_own_figure() -> None:
    text = "长沙市和株洲市规模工业增加值分别增长8%和9%。"
    res = {c.figure: c.region for c in extract_text(text, date="2023-11-20").claims}
    assert res == {"8%": "changsha", "9%": "zhuzhou"}
    # more figures than places: the extra one stays with the list, to be reviewed
    text = "长沙、株洲分别增长8%、9%和10%。"
    res = {c.figure: c.region for c in extract_text(text, date="2023-11-20").claims}
    assert res == {"8%": "changsha", "9%": "zhuzhou", "10%": "长沙、株洲"}


def test_a_national_level_title_does_not_make_a_text_national() -> None:
    text = "全省新增国家级专精特新企业112家,总数达到517家。全省国家级单项冠军10家。"
    assert claims_module.detect_region(text) == ""  # 国家级 is a rank of honour, not a place
    text = "工信部公布国家先进制造业集群名单,全国45个集群入选。"
    assert claims_module.detect_region(text) == "china"


_WORD_FORMS = [
    "翻一番",
    "翻番",
    "突破万亿大关",
    "一成",
    "达一成以上",
    "三成五",
    "四分之一",
    "百分之十五",
    "十分之一左右",
    "“4×4”",
    "13907311234",
    "首位",
    "过半",
    "数百家",
    "前十",
]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_WORD_FORMS),
            st.tuples(st.integers(0, len(_SEEDS) - 1), st.integers(1, 12)).map(
                lambda t: _SEEDS[t[0] : t[0] + t[1]]
            ),
        ),
        max_size=6,
    ).map("".join)
)
def test_every_text_scan_reads_passes_the_prefilter(text: str) -> None:
    # the prefilter may let through what holds no token, never the other way round
    if list(scan(text)):
        assert claims_module._CAND.search(text) is not None, text


@pytest.mark.parametrize("form", _WORD_FORMS)
def test_word_forms_reach_the_listing(form: str) -> None:
    text = f"全市经济总量{form}。"
    assert [t.text for t in scan(text)] == [c.figure for c in extract_text(text).claims]


def test_a_forecast_covers_what_follows_yu_ji_only() -> None:
    text = "上半年全市地区生产总值增长5%,预计全年增长6%。全市规模工业增加值增长7%。"
    res = {c.figure: c for c in extract_text(text, date="2023-08-10", region="zhuzhou").claims}
    assert (res["5%"].status, res["5%"].period) == ("actual", "2023M01-M06")
    assert (res["6%"].status, res["6%"].period) == ("target", "2023")
    assert "预计: a forecast" in res["6%"].cues
    assert res["7%"].status == "actual"  # the next sentence inherits no forecast


def test_yi_already_marks_what_happened() -> None:
    text = "全年全省计划新增规模以上工业企业2000家。1—11月已新增1812家,完成年度计划的90.6%。"
    res = {c.figure: c.status for c in extract_text(text, date="2023-12-20").kept}
    assert res == {"2000家": "target", "1812家": "actual", "90.6%": "actual"}


def test_a_plan_span_in_the_title_gives_no_year() -> None:
    text = "株洲市制造业高质量发展规划(2021—2025年)\n现有规模以上工业企业1200家。\n"
    assert _one(text, "1200家").period == ""


def test_a_date_line_after_body_sentences_makes_no_header() -> None:
    text = "简报\n1-4月,全市规模工业增加值增长5%。\n全市工业投资增长8%。\n2023年5月20日\n"
    res = {c.figure: c for c in extract_text(text).claims}
    assert res["5%"].set_aside_reason == ""
    assert res["5%"].period == "2023M01-M04"


def test_single_months_month_ends_and_the_year_to_date() -> None:
    text = "11月当月,全省规模以上工业增加值增长5.6%。"
    assert _one(text, "5.6%", date="2023-12-20").period == "2023M11-M11"
    c = _one("截至9月底,全市市场主体总数达到185万户。", "185万", date="2023-10-26")
    assert c.period == "2023-09-30"  # a level at the month's end
    c = _one("今年以来,全市实现产值1050亿元。", "1050亿元", date="2023-10-26")
    assert (c.period, "the year to a month not printed" in c.cues) == ("", True)


def test_an_average_growth_target_runs_over_a_span() -> None:
    text = "到2027年,全省制造业增加值年均增长7%左右。"
    c = _one(text, "7%左右", date="2024-03-01", region="hunan")
    # from the text's year to 2027: 2024-2027, four years of growth from end-2023
    assert (c.status, c.period) == ("target", "2024-2027")
    assert "span 2024-2027 assumed" in c.cues


def test_growth_of_an_enterprise_group_is_real_and_r_and_d_intensity_no_growth() -> None:
    c = _one("外商及港澳台商投资企业增加值下降1.7%。", "下降1.7%", region="hunan")
    assert c.basis == "real"
    text = "到2025年,数字经济年均增长15%以上,研发经费投入强度达到2.6%。"
    res = {c.figure: c for c in extract_text(text, date="2021-11-09", region="hunan").kept}
    assert (res["15%以上"].kind, res["15%以上"].period) == ("growth", "2021-2025")
    assert (res["达到2.6%"].kind, res["达到2.6%"].basis) == ("share", "not_applicable")
    assert res["达到2.6%"].indicator_guess == "unknown"


def test_an_issuing_body_and_date_line_dates_the_text_and_sheng_counts_for_hunan() -> None:
    assert claims_module.detect_date("湖南省工业和信息化厅\u30002023年12月20日\n正文。") == (
        claims_module.parse_date("2023-12-20")
    )
    text = "全省规模工业增加值增长8%。长沙市增长9%,全省工业投资增长5%,全省出口增长3%。"
    assert claims_module.detect_region(text) == "hunan"


def test_a_change_joined_to_a_change_is_one_too() -> None:
    text = "省级专精特新中小企业498家,分别比上年末增加11家和103家。"
    res = {c.figure: c for c in extract_text(text, date="2024-03-29", region="zhuzhou").claims}
    for fig in ("11家", "103家"):
        assert res[fig].set_aside_reason.startswith("increase over an earlier figure"), fig
    # 专精特新中小企业 are not the 小巨人 list
    assert res["498家"].indicator_guess == "unknown"


def test_a_county_carries_to_the_next_sentence_of_its_paragraph() -> None:
    text = "醴陵市全年实现地区生产总值812.3亿元,增长5.8%;规模以上工业增加值增长7.6%。"
    res = {c.figure: c for c in extract_text(text, date="2024-03-29", region="zhuzhou").kept}
    assert {f: (c.region, c.subject) for f, c in res.items()} == {
        "812.3亿元": ("zhuzhou", "醴陵"),
        "5.8%": ("zhuzhou", "醴陵"),
        "7.6%": ("zhuzhou", "醴陵"),
    }


def test_the_noun_after_a_count_is_what_it_counts() -> None:
    text = "在长沙22条产业链中,工程机械、汽车、电子信息三大产业集群产值2860亿元。"
    res = {c.figure: c for c in extract_text(text, date="2024-02-06").claims}
    assert res["22条"].indicator_guess == "industrial_chains"
    assert res["三大"].indicator_guess == "unknown"  # clusters, not the chains named before
    text = "株洲将现代产业体系细化为17条具体的产业链。"
    assert _one(text, "17条", date="2021-11-09").indicator_guess == "industrial_chains"


def test_a_class_of_firm_by_output_is_a_scale_label_an_exceeded_one_a_figure() -> None:
    c = _one("新增百亿元制造业企业10家。", "百亿元", date="2021-11-22", region="changsha")
    assert c.set_aside_reason.startswith("scale label")
    c = _one("全市投资100亿元建设产业园区。", "100亿元", date="2021-11-22", region="changsha")
    assert c.set_aside_reason == ""
    text = "服饰产业成为第二个过千亿元产业集群。"
    assert _one(text, "过千亿元", date="2021-11-09").set_aside_reason == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 分别 keeps each county as the subject of its own figure
        (
            "醴陵、攸县规模工业增加值分别增长5%和6%。",
            {"5%": ("zhuzhou", "醴陵"), "6%": ("zhuzhou", "攸县")},
        ),
        # 全市 in a paragraph about a county-level city is that city
        (
            "醴陵市增长7%。全市新增企业15家。",
            {"7%": ("zhuzhou", "醴陵"), "15家": ("zhuzhou", "醴陵")},
        ),
    ],
)
def test_subjects_of_counties(text: str, expected: dict[str, tuple[str, str]]) -> None:
    res = extract_text(text, date="2024-03-01", region="zhuzhou").kept
    assert {c.figure: (c.region, c.subject) for c in res} == expected


def test_third_review_cues() -> None:
    def by(text: str) -> dict[str, Claim]:
        return {c.figure: c for c in extract_text(text, date="2024-03-01", region="zhuzhou").kept}

    # a conjunction or a verb after a count is not what it counts
    res = by("拥有国家级专精特新“小巨人”企业41家和省级专精特新“小巨人”企业200家。")
    assert res["41家"].indicator_guess == "little_giant_enterprises_national"
    assert res["200家"].indicator_guess == "little_giant_enterprises_provincial"
    res = by("单项冠军企业8家位居全省第二。")
    assert res["8家"].indicator_guess == "single_champion_enterprises"
    # 已 as an adjective (已建成园区) ends no target context
    res = by("力争到2025年,新增园区10个,在已建成园区基础上扩能。产值突破1000亿元。")
    assert res["突破1000亿元"].status == "target"
    # what happened after a forecast is no forecast
    res = by("预计全年GDP增长6%,1-11月已完成投资100亿元。")
    assert (res["6%"].status, res["100亿元"].status) == ("target", "actual")
    assert res["100亿元"].indicator_guess == "unknown"  # 投资, not GDP
    # a growth rate to a month's end runs from January; one to 'now' is left to fill in
    res = by("截至9月底,全市GDP增长6%。")
    assert res["6%"].period == "2023M01-M09"
    res = by("截至目前,投资增长5%。")
    assert res["5%"].period == ""
    assert by("年初以来,全市GDP增长6%。")["6%"].period == ""
    # 占比 is no comparison: 2023 is the figure's year
    assert by("制造业增加值占比2023年达到28%。")["28%"].period == "2023"
    # 年均 covers its own clause only
    res = by("到2025年,GDP年均增长7%,工业投资增长10%。")
    assert (res["7%"].period, res["10%"].period) == ("2024-2025", "2025")
    # classes of industry by output are scale labels
    res = {c.figure: c for c in extract_text("打造两个千亿大产业,建设百亿元工程3个。").claims}
    assert res["千亿"].set_aside_reason.startswith("scale label")
    assert res["百亿元"].set_aside_reason.startswith("scale label")


def test_the_first_two_months_and_a_spaced_mobile_number() -> None:
    c = _one("前两个月,全市规模工业增加值增长5%。", "5%", date="2024-03-20", region="zhuzhou")
    assert c.period == "2024M01-M02"
    c = _one("咨询电话:+86 139 0731 1234。", "+86 139 0731 1234")
    assert c.set_aside_reason == "phone number"


def test_fourth_review_cues() -> None:
    def by(text: str, date: str = "2024-06-20") -> dict[str, Claim]:
        return {c.figure: c for c in extract_text(text, date=date, region="hunan").kept}

    # a clause naming its own subject borrows no indicator from an earlier one
    res = by("全省力争地区生产总值增长6%,全省数字经济规模突破1.8万亿元。")
    assert (res["6%"].indicator_guess, res["突破1.8万亿元"].indicator_guess) == (
        "gdp_growth",
        "unknown",
    )
    # 环比 is growth on the month before: no year-on-year indicator
    res = by("5月当月,规模工业增加值同比增长8.4%,环比增长0.62%。")
    assert res["8.4%"].indicator_guess == "industrial_va_growth"
    assert res["0.62%"].indicator_guess == "unknown"
    assert "环比: on the month before" in res["0.62%"].cues
    # what a speaker says is still to be done is a target
    res = by("“我们还要建设20个左右的智能制造标杆工厂,并推动5000家中小企业上云。”")
    assert (res["20个左右"].status, res["5000家"].status) == ("target", "target")
    # 确保 ends what 力争 covers
    res = by("力争制造业增加值比重提高到28%以上,确保新增“小巨人”企业100家以上。")
    # (提高到 is read with its figure: raised to a level sets a floor, like 达到)
    assert (res["提高到28%以上"].aspirational, res["100家以上"].aspirational) == (True, False)
    assert res["提高到28%以上"].bound == "at_least"
    # 过去一年 is the year before the text's
    res = by("过去一年,全省地区生产总值达到50012.9亿元,增长4.6%。", date="2024-01-21")
    assert (res["50012.9亿元"].period, res["4.6%"].period) == ("2023", "2023")
    # a threshold of a class of firm is a scale label, whatever its bound
    res = {c.figure: c for c in extract_text("引进和培育产值过百亿元的企业10家。").claims}
    assert res["过百亿元"].set_aside_reason.startswith("scale label")
    # 其中5月: the month alone
    res = by("1—5月,全市规模工业增加值同比增长7.8%,其中5月增长8.4%。")
    assert (res["7.8%"].period, res["8.4%"].period) == ("2024M01-M05", "2024M05-M05")
    # price growth is growth; loans are no manufacturing value added; 常住人口
    assert by("居民消费价格涨幅3%左右。")["3%左右"].kind == "growth"
    assert by("全省制造业中长期贷款余额年均增长15%以上。")["15%以上"].indicator_guess == "unknown"
    assert by("全市常住人口383.1万人。")["383.1万人"].indicator_guess == "resident_population"
    # an industry's growth is not manufacturing's
    assert by("分行业看,轨道交通装备制造业增加值增长12.6%。")["12.6%"].indicator_guess == (
        "unknown"
    )


def test_a_speech_dated_in_its_subtitle() -> None:
    text = "政府工作报告\n——2024年1月21日在湖南省第十四届人民代表大会第二次会议上\n正文。"
    assert claims_module.detect_date(text) == claims_module.parse_date("2024-01-21")


def test_fifth_review_cues() -> None:
    def by(text: str, date: str = "2023-12-20", region: str = "hunan") -> dict[str, Claim]:
        return {c.figure: c for c in extract_text(text, date=date, region=region).kept}

    # what already happened in a sentence of plans is actual
    res = by("全年全省计划新增规模以上工业企业2000家,1—11月已新增1812家,完成年度计划的90.6%。")
    assert [res[f].status for f in ("2000家", "1812家", "90.6%")] == ["target", "actual", "actual"]
    assert by("长沙市计划建设20个智能制造标杆工厂。")["20个"].status == "target"
    # an amount of money printed without its period is not dated to the text's day
    c = by("长沙市实现地区生产总值1.43万亿元。", date="2024-04-20")["1.43万亿元"]
    assert (c.period, "an amount's period is not the text's date" in c.cues) == ("", True)
    assert by("全市共有企业41家。", date="2024-04-20")["41家"].period == "2024-04-20"  # a count
    # a place named after the figure is the next clause's
    text = "三大产业集群产值合计超过8000亿元,长沙市工程机械产业集群产值约2800亿元。"
    res = by(text, date="2024-01-15")
    assert (res["超过8000亿元"].region, res["约2800亿元"].region) == ("hunan", "changsha")
    # a ratio written with ∶ is set aside like one with :
    res = {c.figure: c for c in extract_text("三次产业结构为7.1∶43.6∶49.3。").claims}
    assert all(c.set_aside_reason.startswith("part of a ratio") for c in res.values())
    # a periodical's issue number gives no year
    text = "湖南省工业经济运行简报(2023年第11期)\n株洲市工业投资同比下降1.2%。\n"
    assert _one(text, "下降1.2%", date="2023-12-20").period == ""


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # words of rank or 'now' in a plan do not make its figures actual
        ("到2025年,株洲工业综合实力位居全国第10位。", "2021-11-20", {"第10位": "target"}),
        (
            "到2025年,企业突破5000家,排名进入全省前3位。",
            "2021-11-20",
            {"突破5000家": "target", "前3位": "target"},
        ),
        ("力争到2025年,产值较目前增长50%。", "2021-11-20", {"50%": "target"}),
        # 按计划 is no plan; 已… before a plan cue happened
        ("2020年按计划建设完成5G基站3000个。", "2021-03-01", {"3000个": "actual"}),
        (
            "全市已完成投资500亿元,计划建设项目120个。",
            "2021-03-01",
            {"500亿元": "actual", "120个": "target"},
        ),
        (
            "今年以来,全市已新增规上企业500家,到2025年将达到3000家。",
            "2021-11-20",
            {"500家": "actual", "达到3000家": "target"},
        ),
    ],
)
def test_what_happened_and_what_is_planned(text: str, date: str, expected: dict[str, str]) -> None:
    res = extract_text(text, date=date, region="zhuzhou").kept
    assert {c.figure: c.status for c in res} == expected


def test_a_plans_full_year_is_the_year_in_progress() -> None:
    text = "全年全省计划新增规模以上工业企业2000家,1—10月已新增1512家。"
    res = {c.figure: c for c in extract_text(text, date="2023-11-20").kept}
    assert (res["2000家"].period, res["2000家"].status) == ("2023", "target")
    assert (res["1512家"].period, res["1512家"].status) == ("2023M01-M10", "actual")


# -- linear time (issue 11) ----------------------------------------------------------------


def test_a_long_one_line_table_is_read_in_linear_time() -> None:
    # 256 KB of "(0" is 131,072 figures in one sentence with no clause mark: the reader once
    # rescanned the sentence from its start for every figure (71 s for 64 KB; 256 KB, 16x
    # the work, would take ~20 min). Linear, it takes a few seconds even on a loaded machine.
    import time

    text = "(0" * (256 * 1024 // 2)
    t0 = time.perf_counter()
    doc = extract_text(text, date="2022-06-30")
    assert time.perf_counter() - t0 < 20
    # every "(0" is one figure 0, none lost at the cuts: 256 * 1024 / 2 = 131,072
    assert len(doc.claims) == 131_072
    assert {c.value for c in doc.claims} == {0.0}


def test_an_overlong_sentence_is_cut_at_clause_marks_and_keeps_its_figures() -> None:
    row = "长沙市增长8.2%,株洲市增长7.1%,"  # 20 characters, two figures
    text = row * 200 + "。"  # 4,000 characters in one sentence
    pieces = list(claims_module._sentences(text))
    assert "".join(p for _, p in pieces) == text[:-1]  # the sentence, without its 。
    assert all(len(p) <= claims_module.MAX_SENTENCE for _, p in pieces)
    # each cut falls after a comma, so each piece starts with a whole row
    assert all(p.startswith("长沙市") for _, p in pieces[:-1])
    doc = extract_text(text, date="2022-06-30")
    figs = [c for c in doc.claims if not c.set_aside_reason]
    assert len(figs) == 400  # 200 rows x 2 figures
    assert [c.value for c in figs[:2]] == [8.2, 7.1]
    assert {c.region for c in figs[0::2]} == {"changsha"}
    assert {c.region for c in figs[1::2]} == {"zhuzhou"}
    assert {c.kind for c in figs} == {"growth"}


def test_a_cut_with_no_clause_mark_avoids_splitting_a_number() -> None:
    # 998 letters, then 12345: a cut at 1000 would split the number; it falls before it
    text = "a" * 998 + "12345" + "b" * 600
    pieces = [p for _, p in claims_module._sentences(text)]
    assert pieces[0] == "a" * 998
    assert pieces[1].startswith("12345")


# -- fields of a claim on new texts (issue 13, part 2) -----------------------------------------


def _fields(text: str, figure: str, date: str = "2022-06-30", region: str = "hunan") -> Claim:
    return _one(text, figure, date=date, region=region)


def test_a_from_to_pair_over_a_span_dates_its_start_and_its_end() -> None:
    text = "2012年到2021年,全省高新技术企业从2000家增加到11000家。"
    assert _fields(text, "2000家").period == "2012"  # 从: the span's first year
    assert _fields(text, "11000家").period == "2021"  # 到: the span's last year


@pytest.mark.parametrize("span", ["2012年至2021年", "2012年到2021年", "2012—2021年"])
def test_an_average_over_years_is_the_span_not_its_end(span: str) -> None:
    c = _fields(f"{span},全省地区生产总值年均增长7.8%。", "7.8%")
    assert (c.kind, c.period) == ("growth", "2012-2021")


def test_this_one_year_in_a_review_is_the_year_reviewed() -> None:
    # a review dated 2023-01-15: 这一年 is 2022 (the year before a text dated before December)
    c = _fields("这一年,全省地区生产总值增长4.5%。", "4.5%", date="2023-01-15")
    assert c.period == "2022"
    # after 2022年 named in the paragraph, 这一年 is that year, whatever the text's date
    c = _fields("2022年极不平凡。这一年,全省地区生产总值增长4.5%。", "4.5%", date="2023-06-15")
    assert c.period == "2022"


def test_an_estimate_for_the_full_year_in_a_review_is_the_year_just_ended() -> None:
    # a government work report of January 2023 estimates 2022, the year just ended
    c = _fields("预计全年地区生产总值增长4.5%左右。", "4.5%左右", date="2023-01-13")
    assert (c.period, c.status) == ("2022", "target")
    # in June, 预计全年 is the year in progress
    c = _fields("预计全年地区生产总值增长6%。", "6%", date="2022-06-30")
    assert c.period == "2022"


def test_up_to_a_month_without_its_end_word() -> None:
    text = "截至9月,全省累计新增企业1200家,增长8%。"
    # a level at the end of September 2022 (30 days); a growth rate over January–September
    assert _fields(text, "1200家", date="2022-10-20").period == "2022-09-30"
    assert _fields(text, "8%", date="2022-10-20").period == "2022M01-M09"


def test_a_named_report_gives_its_half_not_its_year() -> None:
    text = "2021年半年报显示,公司营收增长20%,上半年利润增长5%。"
    c = _fields(text, "20%")
    assert c.period == "2021M01-M06"  # not 2021: a half-year report's figures are of its half
    assert "half-year report" in c.cues
    assert _fields(text, "5%").period == "2021M01-M06"  # 上半年 of the report's year
    # a title naming the report: the figures printed without a period are of that half
    text = "长沙经开区交出亮眼“半年报”\n园区实现规模工业总产值1586亿元。\n"
    assert _fields(text, "1586亿元", date="2023-07-18").period == "2023M01-M06"


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("今年5月,全省工业增加值增长8%。", "2022M05-M05"),
        ("2021年5月,全省工业增加值增长8%。", "2021M05-M05"),
        ("去年12月份,全省工业增加值增长8%。", "2021M12-M12"),
    ],
)
def test_a_month_of_a_named_year_keeps_its_month(text: str, period: str) -> None:
    assert _fields(text, "8%").period == period


def test_the_nation_inside_a_name_is_no_place_and_is_not_carried() -> None:
    text = "三一集团全国总部落户长沙,投资100亿元。研发投入增长20%。"
    assert _fields(text, "100亿元").region == "changsha"
    # the next sentence names no place: the paragraph's (长沙), never china
    assert _fields(text, "20%").region == "changsha"
    assert claims_module.detect_region("三一集团全国总部落户长沙。") == "changsha"


def test_places_listed_as_examples_are_not_the_subject_of_what_follows() -> None:
    c = _fields("获评企业分布在长沙、株洲、湘潭等地,共有小巨人企业200家。", "200家")
    assert c.region == "hunan"  # the text's region, not "长沙、株洲、湘潭"
    text = "长沙、株洲、湘潭3市入选。规模以上工业增加值增长7.2%。"
    assert _fields(text, "7.2%").region == "hunan"  # a list is not carried


def test_a_national_ranking_of_a_province_figure_is_the_province() -> None:
    text = "数字经济规模达到1.2万亿元,全国排名第六。规模以上工业增加值增长7.2%。"
    assert _fields(text, "第六").region == "hunan"
    assert _fields(text, "7.2%").region == "hunan"  # 全国 of a ranking is not carried
    # a city before 位列 is the place ranked
    c = _fields("在全国百强市排名中,株洲位列第31位。", "第31位")
    assert c.region == "zhuzhou"


def test_a_plan_period_named_as_context_makes_no_target() -> None:
    c = _fields("站在“十四五”开局的新起点,全省地区生产总值增长7.7%。", "7.7%", date="2022-01-20")
    assert (c.status, c.period) == ("actual", "2021")  # 十四五开局: 2021, the plan's first year
    c = _fields("“十四五”时期是关键期,2021年全省地区生产总值增长7.7%。", "7.7%", date="2022-01-20")
    assert (c.status, c.period) == ("actual", "2021")
    # the plan's own figure stays a target: 2021-2025 ends after the text's date
    c = _fields("“十四五”期间,全省地区生产总值年均增长6.5%。", "6.5%", date="2022-01-20")
    assert (c.status, c.period) == ("target", "2021-2025")


def test_about_separated_from_its_number_bounds_it() -> None:
    c = _fields("高新技术企业约占全国的6.4%。", "6.4%")
    # 约6.4%: ± max(5 % of 6.4 = 0.32, one printed unit 0.1) = [6.08, 6.72]
    assert (c.bound, c.low, c.high, c.kind) == ("approx", 6.08, 6.72, "share")
    # 签约 is no 约
    assert _fields("签约占全年的30%。", "30%").bound == "exact"


def test_differences_from_an_earlier_figure_are_changes() -> None:
    text = "新增企业比去年同期多79个,比上年少3家。"
    assert _fields(text, "79个").set_aside_reason.startswith("increase over an earlier figure")
    assert _fields(text, "3家").set_aside_reason.startswith("decrease from an earlier figure")
    # a growth rate after 比 stays a growth rate
    c = _fields("出口比上年增长8%。", "8%")
    assert (c.set_aside_reason, c.kind) == ("", "growth")


def test_growth_by_a_multiple_is_growth() -> None:
    c = _fields("出口增长2倍以上。", "2倍以上")
    # 2 times and more: kind growth, the multiple kept as printed (at least 2 times)
    assert (c.kind, c.unit, c.bound, c.value) == ("growth", "times", "at_least", 2.0)
    # growing *to* a multiple is the level reached, not growth
    assert _fields("出口增长到2倍。", "2倍").kind == "other"


def test_raised_to_is_a_floor_in_a_target_and_the_level_in_a_report() -> None:
    def one(text: str, date: str) -> Claim:
        (c,) = [c for c in extract_text(text, date=date, region="zhuzhou").kept if "15" in c.figure]
        return c

    # a target: 提高到15% sets a floor, like 达到 (at least 15)
    c = one("力争到2025年,对外贸易依存度提高到15%。", "2021-11-09")
    assert (c.status, c.figure, c.bound) == ("target", "提高到15%", "at_least")
    # a report of what happened: the share rose to 15.3 %, the level reached (exact)
    c = one("2023年,对外贸易依存度提高到15.3%。", "2024-02-01")
    assert (c.status, c.figure, c.bound) == ("actual", "15.3%", "exact")


def test_a_title_naming_one_period_dates_the_figures_printed_without_one() -> None:
    text = (
        "2023年1—10月株洲市工业经济运行情况\n\n"
        "重点产业较快增长。轨道交通装备产业实现产值1012.6亿元。\n"
    )
    assert _fields(text, "1012.6亿元", date="2023-11-20").period == "2023M01-M10"
    # 上半年 in a title: the half of the text's year (a text of 25 July 2023)
    text = "上半年湖南工业经济运行情况\n\n全省工程机械产业实现营业收入1289亿元。\n"
    assert _fields(text, "1289亿元", date="2023-07-25").period == "2023M01-M06"
    # a plan's span in a title is no period of each figure
    text = "株洲市制造业高质量发展规划(2021—2025年)\n现有规模以上工业企业1200家。\n"
    assert _fields(text, "1200家", date="2021-11-09").period == "2021-11-09"  # 现有: the date


def test_a_part_after_qi_zhong_holds_for_its_own_clause_only() -> None:
    text = "1—10月,全市工业增加值增长6.8%。其中,10月当月增长8.2%。制造业增加值增长7.1%。"
    assert _fields(text, "8.2%", date="2023-11-20").period == "2023M10-M10"
    assert _fields(text, "7.1%", date="2023-11-20").period == "2023M01-M10"  # not carried


def test_the_base_of_a_comparison_is_no_period_and_sets_no_year() -> None:
    text = "前三季度,全市接待游客1.2亿人次,恢复到2019年同期的91.3%。"
    assert _fields(text, "91.3%", date="2021-10-28").period == "2021Q1-Q3"
    text = "工业增加值增长10.8%,比2019年同期增长15.2%；9月份,工业增加值环比增长0.6%。"
    assert _fields(text, "0.6%", date="2021-10-28").period == "2021M09-M09"  # not 2019


def test_an_average_between_two_levels_runs_over_the_years_of_growth() -> None:
    text = "工业增加值从2012年的7000.5亿元增加到2021年的13190.2亿元,年均增长7.3%。"
    # from the 2012 level to the 2021 level: growth in 2013, …, 2021
    assert _fields(text, "7.3%").period == "2013-2021"


def test_a_two_year_average_after_the_paragraph_period_takes_it() -> None:
    text = "过去一年,全省地区生产总值增长7.7%。两年平均增长5.7%,工业增长8.4%。"
    # a work report of 17 January 2022: 过去一年 is 2021, in force for the paragraph
    assert _fields(text, "5.7%", date="2022-01-17").period == "2021"
    assert _fields(text, "8.4%", date="2022-01-17").period == "2021"


def test_the_new_year_of_a_review_is_the_text_year() -> None:
    text = "新的一年,我们将力争规模工业增加值增长8%。"
    assert _fields(text, "8%", date="2023-01-06").period == "2023"


def test_a_text_about_a_part_of_a_city_gives_it_as_subject() -> None:
    text = (
        "长沙经开区交出亮眼成绩单\n\n今年以来,长沙经开区工业稳中有进。\n\n"
        "一是总量稳步攀升。园区实现规模工业总产值1586亿元。\n"
    )
    c = _one(text, "1586亿元", date="2023-07-18")
    assert (c.region, c.subject) == ("changsha", "长沙经开区")
    # a county-level city: its 全市 is its own
    text = (
        "浏阳:经济稳中有进\n\n浏阳市工业增长8.6%。\n\n浏阳排名靠前。全市现有高新技术企业587家。\n"
    )
    c = _one(text, "587家", date="2023-10-25")
    assert (c.region, c.subject, c.period) == ("changsha", "浏阳", "2023-10-25")


def test_classes_of_ranked_members_and_thresholds_are_scale_labels() -> None:
    text = "其中世界500强企业投资项目2个,浏阳在全国县域经济百强县中排名第五位。"
    assert _fields(text, "500强").set_aside_reason.startswith("scale label")
    assert _fields(text, "百强").set_aside_reason.startswith("scale label")
    assert _fields(text, "第五位").set_aside_reason == ""  # a rank stays a rank
    c = _fields("新签约项目39个,其中投资50亿元以上的项目3个。", "50亿元以上")
    assert c.set_aside_reason.startswith("scale label")


def test_a_stretch_of_years_is_a_period_not_a_quantity() -> None:
    c = _fields("十年来,全省制造业规模持续扩大,三年间新增企业500家。", "三年间")
    assert (c.token_kind, c.value) == ("period", None)


def test_a_difference_from_a_dated_figure_is_a_change() -> None:
    c = _fields("全市现有高新技术企业587家,比2020年增加了268家。", "268家")
    assert c.set_aside_reason.startswith("increase over an earlier figure")


def test_zones_of_the_gazetteer_are_subjects() -> None:
    c = _fields("截至9月,浏阳经开区新引进项目56个。", "56个", region="changsha")
    assert (c.region, c.subject) == ("changsha", "浏阳经开区")


# --- generalisation to new texts (work reports, zones, bases, set-asides) -------------------


def test_a_county_or_district_name_with_a_zone_word_is_a_zone_of_its_city() -> None:
    # a rule of data/places.toml ([zone_rule]), not a list: 醴陵 (Zhuzhou) + 经开区, 攸县
    # (Zhuzhou) + 工业园, 天元区 (Zhuzhou) + 产业园, 宁乡 (Changsha) + 高新区
    for text, figure, region, subject in [
        ("2023年,醴陵经开区实现技工贸总收入850亿元。", "850亿元", "zhuzhou", "醴陵经开区"),
        ("2023年,攸县工业园实现产值410亿元。", "410亿元", "zhuzhou", "攸县工业园"),
        ("2023年,天元区产业园实现产值120亿元。", "120亿元", "zhuzhou", "天元区产业园"),
        ("2023年,宁乡高新区实现产值300亿元。", "300亿元", "changsha", "宁乡高新区"),
    ]:
        c = _one(text, figure, date="2024-01-10")
        assert (c.region, c.subject) == (region, subject)


def test_a_county_named_with_its_zone_is_still_the_text_s_subject() -> None:
    # 醴陵 named 1 time alone and 2 times in 醴陵经开区: the text is about 醴陵 (3 > 0 for
    # any other part), so 全市 of the county-level city is 醴陵's
    text = "醴陵经开区增长9%。醴陵经开区新增企业5家。\n醴陵全市新增市场主体4500余户。\n"
    c = _one(text, "4500余", date="2024-01-10")
    assert (c.region, c.subject) == ("zhuzhou", "醴陵")


def test_a_january_work_report_reviews_the_year_before_and_sets_targets_under_a_heading() -> None:
    text = (
        "醴陵市2024年政府工作报告\n发布时间：2024-01-12\n\n"
        "一、过去一年工作回顾\n全年新增规上企业62家，规模工业增加值增长7.4%。\n"
        "陶瓷产业总产值近800亿元。\n\n"
        "二、2024年主要预期目标\n地区生产总值增长6.5%左右，新增规上企业50家。\n"
    )
    res = extract_text(text)
    by = {c.figure: c for c in res.claims if not c.set_aside_reason}
    # the review: 2023 (2024 - 1), not the title's 2024 (the year the report plans)
    assert (by["62家"].status, by["62家"].period) == ("actual", "2023")
    assert (by["7.4%"].status, by["7.4%"].period) == ("actual", "2023")
    assert (by["近800亿元"].status, by["近800亿元"].period) == ("actual", "2023")
    # under the heading of the 2024 targets: targets of 2024, with no 力争/将/要 written
    assert (by["6.5%左右"].status, by["6.5%左右"].period) == ("target", "2024")
    assert (by["50家"].status, by["50家"].period) == ("target", "2024")


def test_a_heading_of_this_year_s_targets_holds_until_the_next_heading() -> None:
    text = (
        "攸县经济工作会议\n发布时间：2024-02-05\n\n2023年，全县规模工业增加值增长9.1%。\n"
        "今年的主要目标是：\n规模工业总产值增长10%，新增规上企业30家。\n"
        "三、主要措施\n全县现有规上企业320家。\n"
    )
    res = extract_text(text)
    by = {c.figure: c for c in res.claims if not c.set_aside_reason}
    assert (by["9.1%"].status, by["9.1%"].period) == ("actual", "2023")
    assert (by["10%"].status, by["10%"].period) == ("target", "2024")
    assert (by["30家"].status, by["30家"].period) == ("target", "2024")
    # 三、主要措施 ends the section: a stock at the text's date is what exists
    assert (by["320家"].status, by["320家"].period) == ("actual", "2024-02-05")


def test_a_comparison_base_is_no_period_and_jin_before_it_bounds_the_figure() -> None:
    text = "今年1—9月，园区完成产值1020亿元，比去年同期增长9.6%，近去年全年的九成。"
    res = extract_text(text, date="2023-10-20", region="changsha")
    by = {c.figure: c for c in res.claims}
    assert by["9.6%"].period == "2023M01-M09"
    # 九成 = 90 %, less than (近), of January–September, not of 去年全年 (2022)
    assert (by["九成"].value, by["九成"].bound, by["九成"].period) == (
        90.0,
        "less_than",
        "2023M01-M09",
    )
    c = _one("1—9月完成产值300亿元，相当于去年全年的九成。", "九成", date="2023-10-20")
    assert (c.bound, c.period) == ("exact", "2023M01-M09")


def test_a_rank_in_the_province_after_a_zone_is_the_zone_s() -> None:
    c = _one("醴陵经开区在全省省级园区综合评价中排名第三。", "第三", date="2024-01-10")
    assert (c.region, c.subject, c.value) == ("zhuzhou", "醴陵经开区", 3.0)


def test_three_cities_that_gather_the_province_s_share_are_the_joint_region() -> None:
    c = _one("长株潭三市集聚了全省近七成的高新技术企业。", "近七成", date="2023-10-20")
    assert (c.region, c.value, c.bound) == ("长株潭", 70.0, "less_than")


def test_ordinals_titles_campaigns_and_years_after_a_verb_are_set_aside() -> None:
    date = "2024-02-05"
    c = _one("园区正在培育第二个国家级先进制造业集群。", "第二", date=date)
    assert c.set_aside_reason.startswith("ordinal")
    c = _one("会议印发《攸县制造业四年行动计划》。", "四年", date=date)
    assert c.set_aside_reason.startswith("part of a plan's name")
    c = _one("全年实施“三大攻坚行动”。", "三大", date=date)
    assert c.set_aside_reason.startswith("part of a plan's name")
    res = extract_text("研发投入强度提高到2023年的1.2倍。", date=date)
    year = next(c for c in res.claims if "2023" in c.figure)
    assert year.set_aside_reason.startswith("date")
    times = next(c for c in res.claims if c.figure == "1.2倍")
    assert (times.value, times.unit, times.set_aside_reason) == (1.2, "times", "")
    # an order of succession is kept: 继…后第二个 (so there are two such clusters)
    c = _one("成为继轨道交通后第二个过千亿元产业集群。", "第二", date=date)
    assert (c.set_aside_reason, c.kind) == ("", "rank")


def test_households_and_machines_are_counts() -> None:
    c = _one("全市新增市场主体4500余户。", "4500余", date="2024-01-10")
    assert (c.value, c.bound, c.kind, c.unit) == (4500.0, "more_than", "count", "")
    c = _one("新增工业机器人1200台。", "1200", date="2024-01-10")
    assert (c.value, c.kind, c.unit) == (1200.0, "count", "")


def test_a_heading_with_no_year_to_give_dates_nothing() -> None:
    # 一、上半年工作回顾 in July names no year before the text's: the half year is 2023's
    text = "园区半年报\n发布时间：2023-07-20\n\n一、上半年工作回顾\n上半年新增企业35家。\n"
    c = _one(text, "35家")
    assert (c.status, c.period) == ("actual", "2023M01-M06")
    # a plan's 二、主要目标 with no year: targets, the year left to the sentence (到2025年)
    text = "规划\n发布时间：2021-11-09\n\n二、主要目标\n到2025年，规模工业企业达到3000家。\n"
    c = _one(text, "达到3000家")
    assert (c.status, c.period) == ("target", "2025")


@settings(max_examples=400, deadline=None)
@given(
    st.text(
        alphabet="0123456789一二十百万半翻第前初去近来來唯首位季度年成ⅡⅥ增长亿元，。 ", max_size=24
    ),
    st.integers(0, 24),
    st.integers(0, 24),
)
def test_the_fast_candidate_test_finds_what_the_candidate_pattern_finds(
    text: str, a: int, b: int
) -> None:
    # the same answer in every window: _HAS_CAND only opens with one class
    assert (claims_module._HAS_CAND.search(text, a, b) is None) == (
        claims_module._CAND.search(text, a, b) is None
    )


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="12,，、3年增长亿元 a", max_size=30))
def test_clauses_are_the_runs_one_alternation_per_character_finds(text: str) -> None:
    # a comma ends a clause unless it sits between digits (1,254家)
    per_character = re.compile(r"(?:[^，,]|(?<=\d),(?=\d))+")
    assert [m.span() for m in claims_module._CLAUSE.finditer(text)] == [
        m.span() for m in per_character.finditer(text)
    ]
