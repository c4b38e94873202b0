"""Part of whole: a single part (a subject or a breakdown member) is no larger than its whole."""

import math

import pytest

from regiondev._catalog import load_catalog
from regiondev.analysis.checks import CheckStatus, part_name, part_of_whole
from regiondev.analysis.checks import observation_from_figure as fig
from regiondev.model import Observation

IND = load_catalog().indicators
ZZ = "zhuzhou"


def _profit(obs_id: str, figure: str, **kw: str) -> Observation:
    return fig(obs_id, "industrial_profit", figure, period="2023", region=ZZ, **kw)


def test_rail_profit_above_all_industry_fails_with_the_gap() -> None:
    # 规模以上工业企业利润186.3亿元…其中，轨道交通装备产业实现利润213.7亿元
    whole = _profit("whole", "186.3亿元")
    part = _profit("rail", "213.7亿元", breakdown="industry=rail_transit_equipment")
    v = part_of_whole("t", part, [whole], IND)
    assert v.status is CheckStatus.FAIL
    assert v.observation_ids == ("rail", "whole")
    # gap 213.7 − 186.3 = 27.4 亿元; 213.7 / 186.3 = 1.1471 → 114.7 %
    assert "by at least 27.4 亿元 (114.7 % of the total)" in v.message
    assert "213.7亿元 (rail)" in v.message and "186.3亿元 (whole)" in v.message
    assert "rail_transit_equipment (by industry)" in v.message
    # profit can be negative: the message says what would have to be true
    assert "loss of at least 27.4 亿元" in v.message
    assert v.expected == "at most 186.3 亿元 (whole)"
    assert v.actual == "213.7 亿元 (rail, rail_transit_equipment (by industry))"
    assert (v.expected_low, v.expected_high) == (-math.inf, 186.3)
    assert (v.actual_low, v.actual_high) == (213.7, 213.7)
    assert v.tolerance == "rounding of each figure's last digit"
    assert "±0.05 亿元" in v.tolerance_source


def test_county_gdp_within_the_city_says_how_close() -> None:
    city = fig("city", "gdp", "3925.5亿元", period="2023", region=ZZ)
    county = fig("liling", "gdp", "812.3亿元", period="2023", region=ZZ, subject="liling")
    v = part_of_whole("t", county, [city], IND)
    assert v.status is CheckStatus.PASS
    # 812.3 / 3925.5 = 0.20693 → 20.7 %; 3925.5 − 812.3 = 3113.2
    assert "20.7 % of it, 3113.2 亿元 below it." in v.message
    assert (v.expected_low, v.expected_high) == (0.0, 3925.5)


def test_rounding_is_the_tolerance() -> None:
    whole = _profit("w", "186.3亿元")  # [186.25, 186.35)
    # 186.34 stands for [186.335, 186.345): some value is below 186.35 → pass
    near = _profit("p", "186.34亿元", subject="x")
    assert part_of_whole("t", near, [whole], IND).status is CheckStatus.PASS
    # 186.4 stands for [186.35, 186.45): its lowest value is not below the whole's 186.35)
    over = _profit("p", "186.4亿元", subject="x")
    assert part_of_whole("t", over, [whole], IND).status is CheckStatus.FAIL


def test_overlapping_bounds_pass_and_say_so() -> None:
    # 突破200亿元 (200, ∞) against 213.7: a part above 200 can be below 213.7 → pass
    whole = _profit("w", "213.7亿元")
    part = _profit("p", "突破200亿元", subject="x")
    v = part_of_whole("t", part, [whole], IND)
    assert v.status is CheckStatus.PASS
    assert "their bounds overlap ((200, ∞) 亿元 against 213.7 亿元)" in v.message


def test_counts_are_exact() -> None:
    whole = fig("w", "national_clusters", "45个", period="2022-11-30")
    same = fig("p", "national_clusters", "45个", period="2022-11-30", breakdown="k=all")
    assert part_of_whole("t", same, [whole], IND).status is CheckStatus.PASS  # 45 ≤ 45
    over = fig("p", "national_clusters", "46个", period="2022-11-30", breakdown="k=all")
    v = part_of_whole("t", over, [whole], IND)
    # 46 > 45 by 1: whole counts carry no rounding
    assert v.status is CheckStatus.FAIL and v.tolerance == "0"
    assert "by at least 1 (102.2 % of the total)" in v.message  # 46 / 45 = 1.0222
    assert "loss" not in v.message


def test_every_restated_whole_is_compared() -> None:
    wholes = [_profit("w1", "186.3亿元"), _profit("w2", "220亿元", source="other")]
    part = _profit("p", "213.7亿元", subject="rail")
    v = part_of_whole("t", part, wholes, IND)
    # 213.7 ≤ 220 but > 186.3: the worst comparison decides, and names the whole it fails
    assert v.status is CheckStatus.FAIL
    assert "186.3亿元 (w1)" in v.message and "w2" not in v.message
    assert v.expected == "at most 186.3 亿元 (w1); 220 亿元 (w2)"
    assert v.expected_high == 186.3


@pytest.mark.parametrize(
    ("indicator", "figure", "period", "reason"),
    [
        ("gdp_growth", "9.9%", "2023", "growth rate is not an additive level"),
        ("gdp", "812.3亿元", "2022", "different periods (year 2022 vs year 2023)"),
    ],
)
def test_not_comparable(indicator: str, figure: str, period: str, reason: str) -> None:
    part = fig("p", indicator, figure, period=period, region=ZZ, subject="x")
    whole = fig(
        "w", indicator, "5%" if part.unit == "percent" else "1000亿元", region=ZZ, period="2023"
    )
    v = part_of_whole("t", part, [whole], IND)
    assert v.status is CheckStatus.NOT_COMPARABLE and reason in v.message, v.message


def test_part_name() -> None:
    assert part_name(fig("a", "gdp", "1亿元", subject="liling")) == "liling"
    both = fig("a", "gdp", "1亿元", subject="liling", breakdown="sector=secondary")
    assert part_name(both) == "liling, secondary (by sector)"
