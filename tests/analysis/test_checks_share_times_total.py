"""Share × total: a part and its share imply the whole; compare with the stated whole."""

import math

from regiondev._catalog import load_catalog
from regiondev.analysis.checks import CheckStatus, share_times_total
from regiondev.analysis.checks import observation_from_figure as fig

IND = load_catalog().indicators


def _part(f: str = "873.85亿元") -> object:
    return fig("part", "hightech_va", f, region="zhuzhou")


def _share(f: str = "28.1%") -> object:
    return fig("share", "hightech_va_share_gdp", f, region="zhuzhou")


def _gdp(f: str, period: str = "2020") -> object:
    return fig("gdp", "gdp", f, region="zhuzhou", period=period)


def test_zhuzhou_high_tech_share_implies_gdp_above_3000() -> None:
    # 873.85 / 0.281 = 3109.79; with rounding 873.845/0.2815 = 3104.25 … 873.855/0.2805 = 3115.35
    v = share_times_total("t", _part(), _share(), _gdp("突破3000亿元"), IND)
    assert v.status is CheckStatus.PASS
    assert math.isclose(v.expected_low, 873.85 / 0.281)
    assert "(3104.25, 3115.35)" in v.tolerance
    assert "rounding of 28.1% to one decimal" in v.tolerance_source
    assert "more than 3000" in v.message


def test_a_larger_share_contradicts_the_stated_level() -> None:
    # 873.85 / 0.31 = 2818.9 (≤ 2823.4 with rounding) — not more than 3000
    v = share_times_total("t", _part(), _share("31.0%"), _gdp("突破3000亿元"), IND)
    assert v.status is CheckStatus.FAIL
    assert "2818.87" in v.message


def test_exact_total_within_rounding() -> None:
    # implied 3109.79 vs stated 3110 (stands for [3109.5, 3110.5)): pass; vs 3200: fail
    assert share_times_total("t", _part(), _share(), _gdp("3110亿元"), IND).status is (
        CheckStatus.PASS
    )
    assert share_times_total("t", _part(), _share(), _gdp("3200亿元"), IND).status is (
        CheckStatus.FAIL
    )


def test_about_part_warns() -> None:
    # 约873.85 = ±5 %: [830.16, 917.54] / 0.281 = [2954.3, 3265.3]: above 3000 only in part
    v = share_times_total("t", _part("约873.85亿元"), _share(), _gdp("突破3000亿元"), IND)
    assert v.status is CheckStatus.WARN


def test_quarterly_gdp_is_not_comparable_with_an_annual_share() -> None:
    v = share_times_total("t", _part(), _share(), _gdp("2487.1亿元", "2021Q1-Q3"), IND)
    assert v.status is CheckStatus.NOT_COMPARABLE
    assert "different periods" in v.message


def test_share_of_another_denominator_is_not_comparable() -> None:
    wrong = fig("total", "industrial_va", "突破3000亿元", region="zhuzhou")
    v = share_times_total("t", _part(), _share(), wrong, IND)
    assert v.status is CheckStatus.NOT_COMPARABLE and "share of gdp" in v.message


def test_a_fail_against_a_bounded_total_also_reads_as_a_share() -> None:
    # 873.85 / 0.281 = 3109.79 vs a stated 3500 (fail). The other way round:
    # 873.85 / 3500 = 24.97 %; with rounding 873.845 / 3500.5 = 24.96 % … 873.855 / 3499.5
    # = 24.97 %; not the stated 28.1 %.
    v = share_times_total("t", _part(), _share(), _gdp("3500亿元"), IND)
    assert v.status is CheckStatus.FAIL
    assert "873.85亿元 is 24.97% of the stated 3500亿元" in v.message
    assert "not 28.1%." in v.message
    # an open total (突破3000) gives no share to read: the message keeps to the implied total
    open_fail = share_times_total("t", _part(), _share("31.0%"), _gdp("突破3000亿元"), IND)
    assert "Put the other way" not in open_fail.message
    # a pass says nothing more
    assert "Put the other way" not in (
        share_times_total("t", _part(), _share(), _gdp("3110亿元"), IND).message
    )
