"""Numbers for people: worked examples of every rule in regiondev.formatting."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

import regiondev.formatting as fmt
from regiondev.formatting import (
    bounded,
    check_status_label,
    count,
    decimals_for_step,
    derived_decimals,
    indicator_label,
    interval,
    number,
    percent,
    period_label,
    quantity,
    region_code,
    region_label,
    unit_label,
    verdict_label,
)


def test_thousands_separators() -> None:
    assert number(12546000) == "12,546,000"
    assert number(2487.1, step=0.1) == "2,487.1"
    assert number(4000) == "4,000"  # an integer prints no ".0"
    assert number(873.85) == "873.85"
    assert number(-3.1, 1) == "−3.1"  # a true minus sign
    assert number(-0.04, 1) == "0.0"  # no "-0.0"
    assert number(None) == "–"
    assert number(math.inf) == "∞"


def test_decimals_from_the_printed_step() -> None:
    assert decimals_for_step(0.1) == 1
    assert decimals_for_step(0.05) == 2
    assert decimals_for_step(1.0) == 0
    assert decimals_for_step(1000.0) == 0
    assert decimals_for_step(None) is None
    # 28.1 % printed with step 0.1 keeps one decimal; 9 % keeps none
    assert percent(28.1, step=0.1) == "28.1 %"
    assert percent(9.0, step=1.0) == "9 %"


def test_percent_sign_and_fraction() -> None:
    # 0.0996333 (a CAGR as a fraction) is 9.96333 %; to 2 decimals 9.96 %
    assert percent(0.0996333, 2, fraction=True) == "9.96 %"
    # 0.071 × 100 = 7.1 exactly (no 7.1000000000000005)
    assert percent(0.071, fraction=True) == "7.1 %"
    assert percent(7.1, 1, lang="zh") == "7.1%"
    assert percent(2.5, 1, sign=True) == "+2.5 %"
    assert percent(None) == "–"


def test_derived_rate_digits() -> None:
    # inputs printed to 0.1 point → at most 1 + 1 = 2 decimals
    assert derived_decimals(1) == 2
    # the inputs' interval 9.9–10.25 is 0.35 points wide: its leading digit is the first
    # decimal (0.35 = 3.5 × 10^-1), so 1 decimal
    assert derived_decimals(1, 9.9, 10.25) == 1
    # width 0.04 points → 2nd decimal; the cap (inputs to 0.1 → 2) allows it
    assert derived_decimals(1, 9.96, 10.0) == 2
    # width 0.004 → 3rd decimal, but inputs to whole points cap it at 0 + 1 = 1
    assert derived_decimals(0, 9.996, 10.0) == 1
    # width 3.2 points → no decimal
    assert derived_decimals(1, 8.0, 11.2) == 0
    # 4.35 − 4.25 is 0.0999… in floating point: still the first decimal
    assert derived_decimals(None, 4.25, 4.35) == 1
    # nothing known → 1 decimal
    assert derived_decimals() == 1


def test_money_in_two_languages() -> None:
    # 2487.1 亿元 = 248.71 bn yuan: one 亿 is 0.1 bn, so step 0.1 亿 → 0.01 bn (2 decimals)
    assert quantity(2487.1, "cny_100m", step=0.1) == "248.71 bn yuan"
    assert quantity(2487.1, "cny_100m", step=0.1, lang="zh") == "2,487.1亿元"
    # 4000 亿元 with step 1 → 400.0 bn yuan (the printed unit digit becomes a decimal)
    assert quantity(4000, "cny_100m", step=1.0) == "400.0 bn yuan"
    assert quantity(10000, "cny_100m", lang="zh") == "10,000亿元"
    assert unit_label("cny_100m") == "100m yuan"
    assert unit_label("cny_100m", "zh") == "亿元"


def test_units_and_plurals() -> None:
    assert quantity(12, "enterprises") == "12 enterprises"
    assert quantity(1, "enterprises") == "1 enterprise"
    assert quantity(12, "enterprises", lang="zh") == "12家"
    assert quantity(3, "rank") == "no. 3"
    assert quantity(3, "rank", lang="zh") == "第3位"
    assert quantity(28.1, "percent", step=0.1) == "28.1 %"
    assert unit_label("enterprises", "zh") == "家"
    assert unit_label("mystery") == "mystery"
    # every canonical unit of the number reader has a label in both languages
    from regiondev.formatting import _UNIT_LABELS
    from regiondev.numbers import UNITS

    assert set(UNITS) <= set(_UNIT_LABELS)


def test_chinese_scale_words_are_exact_shifts() -> None:
    # 562.3万千瓦 = 5,623,000 kW, step 1,000 (10^3): shifted by 10^4 it keeps 1 decimal
    assert quantity(5623000, "kw", step=1000, lang="zh") == "562.3万千瓦"
    assert quantity(5623000, "kw", step=1000) == "5,623,000 kW"
    # 450亿千瓦时 = 4.5e10 kWh, step 10^9 (the 5 of 450 counts 10亿): 450亿千瓦时
    assert quantity(4.5e10, "kwh", step=1e9, lang="zh") == "450亿千瓦时"


def test_bounds_are_never_values() -> None:
    assert bounded(2000, "more_than", unit="enterprises") == "> 2,000 enterprises"
    assert bounded(2000, "more_than", unit="enterprises", words=True) == (
        "more than 2,000 enterprises"
    )
    assert bounded(95, "at_least", unit="percent", step=1) == "≥ 95 %"
    assert bounded(2, "at_least", words=True) == "at least 2"
    assert bounded(30, "approx", words=True) == "about 30"
    assert bounded(10, "less_than", unit="percent", step=1) == "< 10 %"
    assert bounded(10, "less_than", unit="percent", step=1, lang="zh", words=True) == "不到10%"
    assert bounded(2000, "more_than", unit="enterprises", lang="zh", words=True) == "超过2,000家"
    # 1~2个: value 1.5 (the midpoint) is never printed; the range is
    text = bounded(1.5, "range", unit="items", low=1, high=2)
    assert text == "1–2 items" and "1.5" not in text
    assert bounded(1.5, "range", unit="items", low=1, high=2, lang="zh") == "1–2个"
    assert bounded(2487.1, "exact", unit="cny_100m", step=0.1, lang="zh") == "2,487.1亿元"
    with pytest.raises(ValueError):
        bounded(1.5, "range")


def test_intervals() -> None:
    assert interval(9.9, 10.0, unit="percent", decimals=1) == "9.9–10.0 %"
    # fractions 0.099–0.1 → 9.9–10.0 %
    assert interval(0.099, 0.1, fraction=True, decimals=1) == "9.9–10.0 %"
    assert interval(9.9, math.inf, unit="percent", decimals=1) == "≥ 9.9 %"
    assert interval(-math.inf, 30, decimals=0) == "≤ 30"
    assert interval(5.0, 5.0, unit="percent", decimals=1) == "5.0 %"
    assert interval(9.9, 10.0, unit="percent", decimals=1, lang="zh") == "9.9–10.0%"
    # 2185–2415 亿元 in English: 218.5–241.5 bn yuan, the unit once
    assert interval(2185, 2415, unit="cny_100m", decimals=0) == "218.5–241.5 bn yuan"


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False), st.integers(0, 4))
def test_number_round_trips(value: float, decimals: int) -> None:
    # the printed number, separators removed, is the value rounded to its decimals
    text = number(value, decimals).replace(",", "").replace("−", "-")
    assert float(text) == pytest.approx(round(value, decimals), abs=10 ** (-decimals))


def test_labels() -> None:
    assert indicator_label("gdp") == "Gross regional product"
    assert indicator_label("gdp", "zh") == "地区生产总值"
    assert indicator_label("gdp", both=True) == "Gross regional product (地区生产总值)"
    assert indicator_label("no_such_code") == "no such code"
    assert region_label("hunan") == "Hunan"
    assert region_label("hunan", "zh") == "湖南"
    assert region_code("株洲") == "zhuzhou"
    assert region_code("株洲市") == "zhuzhou"
    assert region_code("ZhuZhou") == "zhuzhou"
    assert region_code("湘潭") is None
    assert verdict_label("acceleration_needed") == "acceleration needed"
    assert verdict_label("met", "zh") == "已实现"
    assert check_status_label("not_comparable") == "not comparable"


def test_periods_and_counts() -> None:
    assert period_label("2019M01-M11") == "Jan–Nov 2019"
    assert period_label("2019M01-M11", "zh") == "2019年1–11月"
    assert period_label("2021Q1-Q3") == "Q1–Q3 2021"
    assert period_label("2016-2020", "zh") == "2016–2020年"
    assert period_label("2021-11-17") == "17 Nov 2021"
    assert period_label("not a period") == "not a period"
    assert period_label("2018-08-21…2022-09-16") == "21 Aug 2018–16 Sep 2022"
    assert count(1, "target") == "1 target"
    assert count(3, "check") == "3 checks"
    assert count(2, "analysis") == "2 analyses"
    assert count(0, "fail", words=True) == "no fails"
    assert count(1200, "figure") == "1,200 figures"


def test_an_open_end_reads_as_more_or_less_than() -> None:
    # a share derived from 突破5000亿元 / 15268.78亿元: (32.7465…, ∞), the low end excluded;
    # 100 × 5000 / 15268.78 = 32.7465 → 32.7 to one decimal
    low = 100 * 5000 / 15268.78
    inf = float("inf")
    assert fmt.interval(low, inf, unit="percent", decimals=1, low_open=True) == "> 32.7 %"
    assert fmt.interval(low, inf, unit="percent", decimals=1, low_open=True, lang="zh") == "> 32.7%"
    assert (
        fmt.interval(low, inf, unit="percent", decimals=1, low_open=True, words=True, lang="zh")
        == "超过32.7%"
    )
    # the same end included (以上): at least
    assert fmt.interval(low, inf, unit="percent", decimals=1) == "≥ 32.7 %"
    # an excluded high end (不到3%): less than; included (以内): at most
    assert fmt.interval(-inf, 3, unit="percent", high_open=True) == "< 3 %"
    assert fmt.interval(-inf, 3, unit="percent") == "≤ 3 %"


def test_number_with_at_most_two_decimals() -> None:
    # 15268.78 keeps its two decimals; 3902.40 drops the zero; 32.746558 rounds to 32.75
    assert fmt.number(15268.78, max_decimals=2) == "15,268.78"
    assert fmt.number(3902.4, max_decimals=2) == "3,902.4"
    assert fmt.number(100 * 5000 / 15268.78, max_decimals=2) == "32.75"
    assert fmt.number(-12.25, max_decimals=2) == "−12.25"
    assert fmt.number(5000.0, max_decimals=2) == "5,000"
