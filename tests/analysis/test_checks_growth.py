"""Growth compounding: two-year averages, implied prior levels, average growth vs levels."""

import math

from regiondev._catalog import load_catalog
from regiondev.analysis.checks import (
    CheckStatus,
    average_vs_levels,
    prior_level,
    two_year_average,
)
from regiondev.analysis.checks import observation_from_figure as fig

IND = load_catalog().indicators
Q = "2021Q1-Q3"


def _rate(i: str, code: str, f: str, period: str = Q, basis: str = "real") -> object:
    return fig(i, code, f, region="zhuzhou", period=period, basis=basis)


AVG = _rate("avg", "gdp_growth_two_year_avg", "6.3%")
CUR = _rate("cur", "gdp_growth", "9.9%")


def test_two_year_average_without_the_earlier_year_is_not_checkable() -> None:
    # (1.063)² / 1.099 − 1 = 1.129969 / 1.099 − 1 = 0.028180 → 2.82 %
    v = two_year_average("t", AVG, CUR, None, IND)
    assert v.status is CheckStatus.NOT_CHECKABLE
    assert math.isclose(v.expected_low, (1.063**2 / 1.099 - 1) * 100)
    # shown to two decimals: 2.82 %; with rounding 6.25..6.35 and 9.85..9.95 →
    # 1.0625² / 1.0995 − 1 = 2.6745 % and 1.0635² / 1.0985 − 1 = 2.9615 % → (2.67, 2.96)
    assert "2.82%" in v.message and "(2.67, 2.96)%" in v.message and "Q1–Q3 2020" in v.message
    assert "2.81793" not in v.message


def test_two_year_average_matches_its_single_years() -> None:
    # √(1.028 × 1.099) − 1 = √1.129772 − 1 = 0.062907 → 6.29 %, inside [6.25, 6.35)
    prev = _rate("prev", "gdp_growth", "2.8%", "2020Q1-Q3")
    assert two_year_average("t", AVG, CUR, prev, IND).status is CheckStatus.PASS


def test_two_year_average_contradicted() -> None:
    # √(1.05 × 1.099) − 1 = √1.15395 − 1 = 0.074221 → 7.42 %, not 6.3 %
    prev = _rate("prev", "gdp_growth", "5.0%", "2020Q1-Q3")
    v = two_year_average("t", AVG, CUR, prev, IND)
    assert v.status is CheckStatus.FAIL and "7.42" in v.message


def test_prior_level_real_growth_on_nominal_level() -> None:
    level = fig("lvl", "gdp", "2487.1亿元", region="zhuzhou", period=Q)
    # 2487.1 / 1.099 = 2263.06 (at 2021 prices)
    v = prior_level("t", level, CUR, None, IND)
    assert v.status is CheckStatus.NOT_CHECKABLE
    assert math.isclose(v.expected_low, 2487.1 / 1.099) and "2021 prices" in v.message
    prior = fig("pr", "gdp", "2263亿元", region="zhuzhou", period="2020Q1-Q3")
    nc = prior_level("t", level, CUR, prior, IND)
    assert nc.status is CheckStatus.NOT_COMPARABLE and "deflator" in nc.message
    # with an explicit deflator of 0: 2263.06 vs 2263 ([2262.5, 2263.5)) → pass
    assert prior_level("t", level, CUR, prior, IND, deflator=0.0).status is CheckStatus.PASS


def test_prior_level_nominal_growth_pass_and_fail() -> None:
    out = fig("o", "enterprise_output", "43.9亿元", region="zhuzhou", period=Q)
    g = _rate("g", "enterprise_output_growth", "86.6%", basis="nominal")
    # 43.9 / 1.866 = 23.526; stated 23.5 stands for [23.45, 23.55) → pass
    ok = fig("p", "enterprise_output", "23.5亿元", region="zhuzhou", period="2020Q1-Q3")
    assert prior_level("t", out, g, ok, IND).status is CheckStatus.PASS
    # stated 30 is far from 23.5 → fail
    bad = fig("p", "enterprise_output", "30亿元", region="zhuzhou", period="2020Q1-Q3")
    assert prior_level("t", out, g, bad, IND).status is CheckStatus.FAIL


def _lvl(i: str, f: str, year: str) -> object:
    return fig(i, "gdp", f, region="zhuzhou", period=year)


def test_average_growth_against_both_levels() -> None:
    # (3000/2000)^(1/5) − 1 = 1.5^0.2 − 1 = 0.084472 → 8.45 %
    g = _rate("g", "gdp_growth", "8.4%", "2016-2020", basis="nominal")
    v = average_vs_levels("t", g, _lvl("s", "2000亿元", "2015"), _lvl("e", "3000亿元", "2020"), IND)
    assert v.status is CheckStatus.PASS
    assert math.isclose(v.expected_low, (1.5**0.2 - 1) * 100)
    g7 = _rate("g", "gdp_growth", "7.1%", "2016-2020", basis="nominal")
    s, e = _lvl("s", "2000亿元", "2015"), _lvl("e", "3000亿元", "2020")
    assert average_vs_levels("t", g7, s, e, IND).status is CheckStatus.FAIL


def test_average_real_growth_needs_a_deflator() -> None:
    g = _rate("g", "gdp_growth", "7.4%", "2016-2020")
    s, e = _lvl("s", "2000亿元", "2015"), _lvl("e", "3000亿元", "2020")
    v = average_vs_levels("t", g, s, e, IND)
    assert v.status is CheckStatus.NOT_COMPARABLE and "deflator" in v.message
    # 1.084472 / 1.01 − 1 = 0.073735 → 7.37 %, inside [7.35, 7.45) → pass
    assert average_vs_levels("t", g, s, e, IND, deflator=0.01).status is CheckStatus.PASS


def test_average_growth_with_one_level_reports_the_other() -> None:
    # 3000 / 1.071^5 = 3000 / 1.409101 = 2129.0
    g = _rate("g", "gdp_growth", "7.1%", "2016-2020")
    v = average_vs_levels("t", g, None, _lvl("e", "突破3000亿元", "2020"), IND)
    assert v.status is CheckStatus.NOT_CHECKABLE
    assert math.isclose(v.expected_low, 3000 / 1.071**5)
    assert math.isinf(v.expected_high) and "2015" in v.message


def test_quarterly_level_is_not_an_annual_end() -> None:
    g = _rate("g", "gdp_growth", "7.1%", "2016-2020")
    v = average_vs_levels("t", g, None, _lvl("e", "2487.1亿元", "2020Q1-Q3"), IND)
    assert v.status is CheckStatus.NOT_COMPARABLE
