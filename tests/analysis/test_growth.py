"""Growth analysis on the shipped catalog and on user catalogs, with worked expected values.

Rates are fractions (0.0996 = 9.96 %). Every expected value is worked out in the comments.
"""

import datetime as dt
import math
from pathlib import Path

import polars as pl
import pytest

from regiondev._catalog import Catalog, load_catalog
from regiondev.analysis.growth import GROWTH_COLUMNS, GrowthResult, growth
from regiondev.analysis.progress import (
    ACCELERATION_RATIO,
    LIMITED_RATIO,
    ON_TRACK_RATIO,
    classify,
)
from regiondev.errors import ParameterError
from regiondev.model import Bound, Observation, Period, Status

#: A date before the 2025 targets' periods end (they are to come, so pace verdicts apply).
MID_2021 = dt.date(2021, 6, 30)


@pytest.fixture(scope="module")
def result() -> GrowthResult:
    return growth()


def _with(cat: Catalog, *extra: Observation) -> Catalog:
    return Catalog(cat.sources, cat.indicators, (*cat.observations, *extra), cat.waivers)


def _obs(base_id: str, **changes: object) -> Observation:
    return load_catalog().get(base_id).with_changes(**changes)


# --- the real catalog ---------------------------------------------------------------------------


def test_every_target_appears_with_an_interval_or_a_reason(result: GrowthResult) -> None:
    cat = load_catalog()
    targets = [o.id for o in cat.observations if o.status is Status.TARGET]
    frame = result.to_frame()
    assert frame["target_id"].to_list() == targets  # one row each, catalog order, none dropped
    for r in frame.iter_rows(named=True):
        has_interval = r["required_cagr_low"] is not None and r["required_cagr_high"] is not None
        assert has_interval or r["reason"], r["target_id"]
        assert has_interval != bool(r["reason"]), r["target_id"]
        # each text column its own content: the reason (a column), caveats in the note, the
        # arithmetic in the derivation; the verdict sentence is never repeated in either
        assert r["note"] or r["reason"], r["target_id"]
        for field in ("note", "derivation"):
            assert r["verdict_text"] not in (r[field] or ""), (r["target_id"], field)
        if r["reason"]:
            assert r["reason"] not in (r["note"] or ""), r["target_id"]
        assert r["target_id"] in r["observation_ids"]


def test_frame_schema_and_no_nan(result: GrowthResult) -> None:
    frame = result.to_frame()
    assert frame.columns == list(GROWTH_COLUMNS)
    contract = {
        "region",
        "indicator",
        "target_id",
        "baseline_ids",
        "base_period",
        "base_value",
        "target_period",
        "target_value",
        "years",
        "required_cagr",
        "required_cagr_low",
        "required_cagr_high",
        "historical_growth",
        "historical_basis",
        "ratio",
        "classification",
        "note",
        "derivation",
        "unit",
        "target_bound",
        "base_low",
        "base_high",
        "observation_ids",
        "trend_projection",
        "trend_low",
        "trend_high",
        "p_met",
        "verdict",
        "verdict_text",
        "margin",
        "outcome_id",
        "latest_id",
        "required_pace",
        "implied_deflator",
        "breakeven_deflator",
    }
    assert contract <= set(frame.columns)
    assert frame.schema["baseline_ids"] == pl.List(pl.String)
    for name, dtype in frame.schema.items():
        if dtype == pl.Float64:
            assert frame[name].is_nan().sum() == 0, name


def test_zhuzhou_gdp_derived_and_intersected(result: GrowthResult) -> None:
    r = result.row("zz21-gdp-target-2025")
    # GDP 2020 = high-tech VA / its share of GDP = 873.85 / 0.281 = 3109.7865
    assert r.base_value == pytest.approx(3109.7865, abs=1e-3)
    # printed rounding: VA 873.85 → [873.845, 873.855]; share 28.1 → [28.05, 28.15]
    # low = 873.845 / 0.2815 = 3104.2451; high = 873.855 / 0.2805 = 3115.3476
    # ∩ "总量突破3000亿元" (3000, ∞) leaves [3104.2451, 3115.3476]
    assert r.base_low == pytest.approx(3104.2451, abs=1e-3)
    assert r.base_high == pytest.approx(3115.3476, abs=1e-3)
    assert set(r.baseline_ids) == {
        "zz21-gdp-2020",
        "zz21-hightech-va-2020",
        "zz21-hightech-va-share-gdp-2020",
    }
    assert r.derivation is not None
    assert "873.85 / 28.1" in r.derivation and "intersection" in r.derivation
    assert r.base_period == "2020" and r.years == 5  # end-2020 → end-2025
    # (5000 / 3109.7865)^(1/5) − 1: ln 1.607827 = 0.474880; /5 = 0.094976; e^x − 1 = 0.099633
    assert r.required_cagr == pytest.approx(0.099633, abs=1e-6)
    # low from the high base: ln(5000 / 3115.3476) = 0.473101; /5 → e^x − 1 = 0.099240
    assert r.required_cagr_low == pytest.approx(0.099240, abs=1e-6)
    # high from the low base: ln(5000 / 3104.2451) = 0.476671; /5 → e^x − 1 = 0.100026
    assert r.required_cagr_high == pytest.approx(0.100026, abs=1e-6)
    assert r.required_direction == "at_least" and r.required_basis == "nominal"
    # history: 年均增长7.1% over 2016–2020, real; required nominal → basis differs
    assert r.historical_growth == pytest.approx(0.071)
    assert r.historical_basis == "real"
    assert r.historical_ids == ("zz21-gdp-growth-2016-2020",)
    assert r.ratio is None and r.classification == "basis_differs"
    assert "no deflator" in r.note
    # the Q1–Q3 growth is named but not used
    assert "zz21-gdp-growth-2021q1-q3" in r.note


def test_zhuzhou_gdp_with_a_deflator() -> None:
    r = growth(deflator=0.02).row("zz21-gdp-target-2025")
    # nominal = (1.071)(1.02) − 1 = 0.09242; ratio = 0.09242 / 0.099633 = 0.92761
    assert r.historical_growth == pytest.approx(0.071)  # printed, real
    assert r.historical_growth_comparable == pytest.approx(0.09242)
    assert r.ratio == pytest.approx(0.92761, abs=1e-4)
    # 7.1 % is printed to one decimal: [7.05 %, 7.15 %]; comparable (nominal) history
    # (1.0705)(1.02) − 1 = 1.09191 − 1 = 0.09191 and (1.0715)(1.02) − 1 = 1.09293 − 1 = 0.09293
    assert r.historical_growth_low == pytest.approx(0.0705)
    assert r.historical_growth_high == pytest.approx(0.0715)
    # ratio interval over both intervals: required [0.099240, 0.100026] (above)
    # low 0.09191 / 0.100026 = 0.918861; high 0.09293 / 0.099240 = 0.936417
    assert r.ratio_low == pytest.approx(0.91886, abs=1e-4)
    assert r.ratio_high == pytest.approx(0.93641, abs=1e-4)
    assert "[9.19 %, 9.29 %]" in r.derivation and "[0.919, 0.936]" in r.derivation
    assert r.classification == "acceleration_needed"  # 0.60 ≤ 0.928 < 0.95
    assert r.deflator == 0.02
    assert "deflator assumption 2.00 %" in r.derivation


def test_growth_rate_target_compared_directly(result: GrowthResult) -> None:
    r = result.row("hn19-industrial-va-growth-target-2020")
    # target 7.5 % 以上 for 2020 against 8.3 % for Jan–Nov 2019, both real: 0.083 / 0.075 = 1.10667
    assert r.required_cagr == pytest.approx(0.075)
    # the printed 7.5 stands for [7.45, 7.55]; 8.3 for [8.25, 8.35]
    assert r.required_cagr_low == pytest.approx(0.0745)
    assert r.required_cagr_high == pytest.approx(0.0755)
    assert r.historical_growth == pytest.approx(0.083)
    assert r.historical_growth_low == pytest.approx(0.0825)
    assert r.historical_growth_high == pytest.approx(0.0835)
    # ratio interval: 0.0825 / 0.0755 = 1.092715 and 0.0835 / 0.0745 = 1.120805 (both on track)
    assert r.ratio_low == pytest.approx(1.092715, abs=1e-6)
    assert r.ratio_high == pytest.approx(1.120805, abs=1e-6)
    assert r.historical_period == "2019M01-M11"
    assert r.historical_ids == ("hn19-industrial-va-growth-2019m01-11",)
    assert r.ratio == pytest.approx(1.106667, abs=1e-6)
    assert r.classification == "on_track"
    assert "growth-rate target compared directly" in r.note
    assert "period differs" in r.note
    assert r.reason is None


def test_growth_rate_target_without_history(result: GrowthResult) -> None:
    r = result.row("hn19-digital-economy-growth-target-2020")
    assert r.required_cagr == pytest.approx(0.15)
    assert r.classification == "no_history" and r.historical_growth is None


def test_scope_differs_names_the_near_baseline(result: GrowthResult) -> None:
    r = result.row("cs21-smart-pilots-target-2025")
    assert r.reason is not None and r.reason.startswith("scope differs")
    assert "cs21-smart-pilots-2021" in r.reason
    assert r.required_cagr is None and r.base_value is None
    # indicative only, years on the fractional axis: end of 2021-11-17 is 2021 + 321/365 =
    # 2021.879452, the end of 2025 is 2026.0: 4.120548 years (not rounded to 4);
    # (2000 / 1254)^(1/4.120548) − 1: ln 1.594896 = 0.466810; / 4.120548 = 0.113288;
    # e^x − 1 = 0.119955
    assert "indicative only" in r.note and "^(1/4.12055)" in r.note and "12.00 %" in r.note
    assert "cs21-smart-pilots-2021" in r.observation_ids


def test_reasons_for_increment_share_and_missing(result: GrowthResult) -> None:
    inc = result.row("cs21-new-10bn-enterprises-target-2025")
    assert inc.reason == "increment target: a flow over the plan period, not a level"
    share = result.row("cs21-digital-economy-share-target-2025")
    assert share.reason is not None and share.reason.startswith("share target")
    profit = result.row("cs21-profit-target-2025")
    assert profit.reason is not None and profit.reason.startswith("no baseline")
    for r in (inc, share, profit):
        assert r.classification == "not_assessed" and r.required_cagr is None


def test_count_already_at_its_target() -> None:
    # Synthetic: a 2025 target of 20 chains against the 20 on record in 2019 (two statements,
    # intersected: [20, 20]); (20 / 20)^(1/6) − 1 = 0, and the baseline already meets it.
    target = _obs(
        "hn19-industrial-chains-in-target",
        id="synthetic-chains-target-2025",
        status=Status.TARGET,
        period=Period.parse("2025"),
    )
    r = growth(_with(load_catalog(), target)).row("synthetic-chains-target-2025")
    assert r.base_value == 20 and r.years == 6
    assert r.required_cagr == 0.0
    assert r.classification == "target_already_met"


def test_renderers(result: GrowthResult) -> None:
    md = result.to_markdown()  # the display view: words and numbers for people
    assert md.startswith("| target | verdict | goal |") and "zz21-gdp-target-2025" in md
    assert "| Zhuzhou: Gross regional product |" in md
    assert "0.0996" not in md  # no raw fraction: 9.92–10.00 % nominal
    assert "9.92–10.00 % nominal" in md
    html = result._repr_html_()
    assert "<table" in html and "zz21-gdp-target-2025" in html


def test_bad_deflator() -> None:
    for bad in (math.nan, math.inf, -math.inf, -1.0, -1.5):
        with pytest.raises(ParameterError, match="deflator"):
            growth(deflator=bad)
    with pytest.raises(ParameterError, match="since"):
        growth(since=20)


# --- progress bands -----------------------------------------------------------------------------


def test_progress_bands() -> None:
    assert (ON_TRACK_RATIO, ACCELERATION_RATIO, LIMITED_RATIO) == (0.95, 0.60, 0.0)
    assert classify(0.95) == "on_track"
    assert classify(0.9499) == "acceleration_needed"
    assert classify(0.60) == "acceleration_needed"
    assert classify(0.5999) == "limited_progress"
    assert classify(0.0) == "limited_progress"
    assert classify(-0.01) == "moving_away"


# --- user catalogs ------------------------------------------------------------------------------

USER_CATALOG = """
[[source]]
id = "fixture21"
title = "test fixture: synthetic bulletin figures (not real data)"
outlet = "regiondev test suite"
published = "2021-03-31"
url = "https://example.org/synthetic-bulletin"
region = "changsha"
kind = "bulletin"
{observations}
"""

PROFIT = """
[[observation]]
id = "fixture21-profit-{year}"
source = "fixture21"
region = "changsha"
indicator = "industrial_profit"
status = "actual"
period = "{year}"
figure = "{value}亿元"
value = {value}
unit = "cny_100m"
bound = "exact"
basis = "nominal"
quote = "{year}年规模工业企业利润总额{value}亿元"
"""

PILOTS = """
[[observation]]
id = "fixture21-pilots-city-2020"
source = "fixture21"
region = "changsha"
indicator = "smart_mfg_pilots_city"
status = "actual"
period = "2020"
figure = "1000家"
value = 1000
unit = "enterprises"
bound = "exact"
basis = "not_applicable"
quote = "市级智能制造试点企业1000家"
"""


def _user_catalog(tmp_path: Path, *blocks: str) -> Path:
    path = tmp_path / "bulletin.toml"
    path.write_text(USER_CATALOG.format(observations="".join(blocks)), encoding="utf-8")
    return path


def test_user_catalog_supplies_a_baseline(tmp_path: Path) -> None:
    path = _user_catalog(tmp_path, PROFIT.format(year=2020, value=500))
    r = growth(load_catalog([path])).row("cs21-profit-target-2025")
    assert r.reason is None and r.baseline_ids == ("fixture21-profit-2020",)
    # (1000 / 500)^(1/5) − 1 = 2^0.2 − 1 = 0.148698
    assert r.required_cagr == pytest.approx(0.148698, abs=1e-6)
    # rounding of 500 → [499.5, 500.5]:
    # (1000 / 500.5)^0.2 − 1 = 0.148469 and (1000 / 499.5)^0.2 − 1 = 0.148928
    assert r.required_cagr_low == pytest.approx(0.148469, abs=1e-6)
    assert r.required_cagr_high == pytest.approx(0.148928, abs=1e-6)
    assert r.classification == "no_history"
    assert r.trend_projection is None


def test_user_catalog_history_and_trend(tmp_path: Path) -> None:
    blocks = [PROFIT.format(year=y, value=v) for y, v in ((2018, 400), (2019, 450), (2020, 500))]
    # as of mid-2021 the 2025 target's period is to come: a projection and P(met) are given
    cat = load_catalog([_user_catalog(tmp_path, *blocks)])
    r = growth(cat, as_of=MID_2021).row("cs21-profit-target-2025")
    # history between levels: (500 / 400)^(1/2) − 1 = sqrt(1.25) − 1 = 0.118034 (nominal)
    assert r.historical_growth == pytest.approx(0.118034, abs=1e-6)
    assert r.historical_basis == "nominal" and r.historical_period == "2018-2020"
    # ratio 0.118034 / 0.148698 = 0.79379 → acceleration needed, no deflator needed
    assert r.ratio == pytest.approx(0.79379, abs=1e-4)
    assert r.classification == "acceleration_needed"
    # trend on ln 400, ln 450, ln 500: slope 0.111572, projection at 2025 e^6.774540 = 875.2
    assert r.trend_projection == pytest.approx(875.2, abs=0.5)
    assert r.trend_low is not None and r.trend_high is not None
    assert r.trend_low < r.trend_projection < r.trend_high
    assert r.p_met is not None and 0 < r.p_met < 0.5
    assert {"fixture21-profit-2018", "fixture21-profit-2019"} <= set(r.observation_ids)


def test_user_catalog_resolves_scope(tmp_path: Path) -> None:
    r = growth(load_catalog([_user_catalog(tmp_path, PILOTS)])).row("cs21-smart-pilots-target-2025")
    # a city-level count 1000 in 2020 → more than 2000 in 2025: 2^(1/5) − 1 = 0.148698; a whole
    # count is exact and 突破 is a floor, so the interval is the point
    assert r.reason is None
    assert r.required_cagr == pytest.approx(0.148698, abs=1e-6)
    assert r.required_cagr_low == pytest.approx(0.148698, abs=1e-6)
    assert r.required_cagr_high == pytest.approx(0.148698, abs=1e-6)
    assert r.required_basis == "not_applicable"


# --- error paths: a listed reason, never NaN or a traceback -------------------------------------


def test_base_not_positive_is_a_reason() -> None:
    cat = load_catalog()
    zero = _obs(
        "cs21-industrial-va-2020",
        id="x-profit-2020",
        indicator="industrial_profit",
        value=-10.0,
        low=-10.0,
        high=-10.0,
        bound=Bound.EXACT,
        step=0.0,
    )
    r = growth(_with(cat, zero)).row("cs21-profit-target-2025")
    assert r.reason is not None and r.reason.startswith("base ≤ 0")
    assert r.required_cagr is None and r.base_value == -10.0


def test_conflicting_baselines_are_a_reason() -> None:
    cat = load_catalog()
    # an exact GDP 2020 of 2000 contradicts both 突破3000 and the derived 3109.79
    wrong = _obs(
        "zz21-gdp-2020",
        id="x-gdp-2020",
        bound=Bound.EXACT,
        value=2000.0,
        low=2000.0,
        high=2000.0,
        step=0.0,
    )
    r = growth(_with(cat, wrong)).row("zz21-gdp-target-2025")
    assert r.reason is not None and r.reason.startswith("baselines conflict")
    assert r.required_cagr is None


def test_target_not_after_base_is_a_reason() -> None:
    cat = load_catalog()
    same_year = _obs("zz21-gdp-target-2025", id="x-gdp-target-2020", period=Period.parse("2020"))
    r = growth(_with(cat, same_year)).row("x-gdp-target-2020")
    assert r.reason is not None and r.reason.startswith("period differs")
    cumulative = _obs("zz21-gdp-target-2025", id="x-gdp-target-q", period=Period.parse("2025Q1-Q3"))
    r = growth(_with(cat, cumulative)).row("x-gdp-target-q")
    assert r.reason is not None and "not an annual level" in r.reason


def test_only_cumulative_values_are_a_period_reason() -> None:
    cat = load_catalog()
    target = _obs(
        "zz21-gdp-target-2025",
        id="x-greatwall-target",
        indicator="enterprise_output",
        subject="hunan_greatwall_computer",
    )
    r = growth(_with(cat, target)).row("x-greatwall-target")
    # only 43.9亿 for Q1–Q3 2021 is on record: not an annual level
    assert r.reason is not None and r.reason.startswith("period differs")
    assert "zz21-greatwall-output-2021q1-q3" in r.reason


def test_mixed_units_are_a_reason() -> None:
    cat = load_catalog()
    usd = _obs(
        "cs21-industrial-va-2020", id="x-profit-usd", indicator="industrial_profit", unit="usd"
    )
    r = growth(_with(cat, usd)).row("cs21-profit-target-2025")
    assert r.reason == "units differ between baseline and target"


ZZ_SOURCE = """
[[source]]
id = "fixture21zz"
title = "test fixture: synthetic Zhuzhou GDP levels (not real data)"
outlet = "regiondev test suite"
published = "2021-03-31"
url = "https://example.org/synthetic-zhuzhou"
region = "zhuzhou"
kind = "bulletin"
"""

ZZ_GDP = """
[[observation]]
id = "x-gdp-{year}"
source = "fixture21zz"
region = "zhuzhou"
indicator = "gdp"
status = "actual"
period = "{year}"
figure = "{value}亿元"
value = {value}
unit = "cny_100m"
bound = "exact"
basis = "nominal"
quote = "{year}年全市地区生产总值{value}亿元"
"""


def _zz_catalog(tmp_path: Path, levels: dict[int, int]) -> Path:
    path = tmp_path / "zhuzhou.toml"
    blocks = "".join(ZZ_GDP.format(year=y, value=v) for y, v in levels.items())
    path.write_text(ZZ_SOURCE + blocks, encoding="utf-8")
    return path


def test_derived_baseline_joins_the_level_history(tmp_path: Path) -> None:
    levels = {2015: 2400, 2016: 2500, 2017: 2600, 2018: 2800, 2019: 3000}
    r = growth(load_catalog([_zz_catalog(tmp_path, levels)]), as_of=MID_2021).row(
        "zz21-gdp-target-2025"
    )
    # 2020 is the derived baseline 873.85 / 0.281 = 3109.7865 (nominal, like the user levels),
    # so the history runs 2015 → 2020, not 2015 → 2019:
    # (3109.7865 / 2400)^(1/5) − 1: ln 1.295744 = 0.259085; /5 = 0.051817; e^x − 1 = 0.053183
    assert r.historical_period == "2015-2020"
    assert r.historical_growth == pytest.approx(0.053183, abs=1e-6)
    assert r.historical_basis == "nominal"
    # interval from 2400 → [2399.5, 2400.5] and the baseline [3104.2451, 3115.3476]:
    # low (3104.2451 / 2400.5)^(1/5) − 1 = 1.293166^0.2 − 1 = 0.052764
    # high (3115.3476 / 2399.5)^(1/5) − 1 = 1.298332^0.2 − 1 = 0.053603
    assert r.historical_growth_low == pytest.approx(0.052764, abs=1e-6)
    assert r.historical_growth_high == pytest.approx(0.053603, abs=1e-6)
    assert r.historical_ids[0] == "x-gdp-2015"
    assert "zz21-hightech-va-2020" in r.historical_ids
    # nominal history vs nominal required: no deflator needed; 0.053183 / 0.099633 = 0.53379
    assert r.ratio == pytest.approx(0.53379, abs=1e-4)
    assert r.classification == "limited_progress"  # 0 ≤ 0.534 < 0.60
    # the real 7.1 % is not used, and the note says which basis is which
    assert "zz21-gdp-growth-2016-2020 (7.10 % a year over 2016–2020, real; not used" in r.note
    assert "the CAGR between levels (nominal, the required rate's basis) is preferred" in r.note
    assert "same basis" not in r.note
    # the trend uses all six years, 2015–2020 (4 residual degrees of freedom: no caveat)
    assert "6 dated values 2015–2020" in r.derivation
    assert "small sample" not in (r.derivation or "")


def test_three_point_trend_carries_a_small_sample_caveat(tmp_path: Path) -> None:
    # 2018, 2019 stated, 2020 derived: three points leave 3 − 2 = 1 residual degree of freedom
    r = growth(load_catalog([_zz_catalog(tmp_path, {2018: 2800, 2019: 3000})]), as_of=MID_2021).row(
        "zz21-gdp-target-2025"
    )
    assert r.historical_period == "2018-2020"
    # (3109.7865 / 2800)^(1/2) − 1 = sqrt(1.110638) − 1 = 0.053868
    assert r.historical_growth == pytest.approx(0.053868, abs=1e-6)
    assert r.p_met is not None and r.trend_projection is not None  # the numbers stay
    assert "caution: small sample — 3 points leave 1 residual degree of freedom" in r.derivation


def test_a_contradicting_user_baseline_is_a_conflict(tmp_path: Path) -> None:
    r = growth(load_catalog([_zz_catalog(tmp_path, {2020: 3500})])).row("zz21-gdp-target-2025")
    # 3500 stands for [3499.5, 3500.5]; the derived 873.85 / 28.1 % is [3104.25, 3115.35]
    assert r.reason is not None and r.reason.startswith("baselines conflict")
    assert "x-gdp-2020" in r.reason and "[3104.25, 3115.35]" in r.reason


APPROX_RATE = """
[[observation]]
id = "fixture21-va-growth-target-2021"
source = "fixture21"
region = "changsha"
indicator = "industrial_va_growth"
status = "target"
period = "2021"
figure = "7%左右"
value = 7
unit = "percent"
bound = "approx"
basis = "real"
quote = "2021年规模工业增加值增长7%左右"
"""


def test_an_approximate_rate_target_is_not_widened_twice(tmp_path: Path) -> None:
    path = _user_catalog(tmp_path, APPROX_RATE)
    r = growth(load_catalog([path])).row("fixture21-va-growth-target-2021")
    # 7 %左右: ± max(5 % of 7 = 0.35, one printed unit = 1) = [6 %, 8 %]; that span already
    # holds the printed rounding (± 0.5), so it is not widened again to [5.5 %, 8.5 %]
    assert r.required_cagr == pytest.approx(0.07)
    assert (r.required_cagr_low, r.required_cagr_high) == (pytest.approx(0.06), pytest.approx(0.08))
    assert "printed rounding" not in r.note and "[0.06, 0.08]" in (r.derivation or "")
