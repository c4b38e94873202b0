"""Growth identities: worked values and hypothesis round trips (rates are fractions)."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regiondev.analysis.identities import (
    cagr,
    cagr_interval,
    compound,
    implied_base,
    implied_base_interval,
    implied_total,
    implied_total_interval,
    level_after,
    nominal_to_real,
    other_year_from_two_year_average,
    real_to_nominal,
    two_year_average,
    years_between,
)
from regiondev.model import Interval, Period

levels = st.floats(min_value=1.0, max_value=1e5, allow_nan=False, allow_infinity=False)
rates = st.floats(min_value=-0.5, max_value=1.0, allow_nan=False, allow_infinity=False)
spans = st.integers(min_value=1, max_value=40)


# --- worked values ------------------------------------------------------------------------------


def test_cagr_worked_values() -> None:
    # 100 → 121 over 2 years: sqrt(1.21) − 1 = 0.1
    assert cagr(100, 121, 2) == pytest.approx(0.1)
    # 5000 / 3109.7865 = 1.607827; ln = 0.474880; /5 = 0.094976; e^x − 1 = 0.099633
    assert cagr(873.85 / 0.281, 5000, 5) == pytest.approx(0.099633, abs=1e-6)


def test_cagr_rejects_bad_inputs_without_nan() -> None:
    for args in ((0, 10, 2), (-1, 10, 2), (10, 0, 2), (10, 20, 0), (10, 20, -1)):
        with pytest.raises(ValueError):
            cagr(*args)


def test_level_after_and_two_year_average() -> None:
    # 100 × 1.1 × 1.2 = 132
    assert level_after(100, [0.1, 0.2]) == pytest.approx(132)
    # 100 × 1.05^3 = 115.7625
    assert level_after(100, 0.05, 3) == pytest.approx(115.7625)
    # sqrt(1.099 × 1.032) − 1 = sqrt(1.134168) − 1 = 0.064973 (a 6.5 % two-year average)
    assert two_year_average(0.099, 0.032) == pytest.approx(0.064973, abs=1e-6)
    # (1.063)^2 / 1.099 − 1 = 1.129969 / 1.099 − 1 = 0.028179
    assert other_year_from_two_year_average(0.063, 0.099) == pytest.approx(0.028179, abs=1e-6)


def test_implied_base_and_total() -> None:
    # 2487.1 / 1.099 = 2263.06
    assert implied_base(2487.1, 0.099) == pytest.approx(2263.0573, abs=1e-3)
    # 873.85 / 28.1 % = 3109.7865
    assert implied_total(873.85, 28.1) == pytest.approx(3109.7865, abs=1e-3)
    with pytest.raises(ValueError):
        implied_total(1, 0)
    with pytest.raises(ValueError):
        implied_base(1, -1.0)


def test_interval_versions() -> None:
    # [873.845, 873.855] / [28.05 %, 28.15 %] = [873.845 / 0.2815, 873.855 / 0.2805]
    #                                         = [3104.2451, 3115.3476]
    iv = implied_total_interval(Interval(873.845, 873.855), Interval(28.05, 28.15))
    assert iv.low == pytest.approx(3104.2451, abs=1e-3)
    assert iv.high == pytest.approx(3115.3476, abs=1e-3)
    # [110, 121] / (1 + [0.1, 0.1]) = [100, 110]
    base = implied_base_interval(Interval(110, 121), Interval.point(0.1))
    assert (base.low, base.high) == (pytest.approx(100), pytest.approx(110))
    # CAGR from [100, 100] to [121, 144] over 2 years: [0.1, 0.2]
    rate = cagr_interval(Interval.point(100), Interval(121, 144), 2)
    assert (rate.low, rate.high) == (pytest.approx(0.1), pytest.approx(0.2))
    # an unbounded end level gives an unbounded high rate
    assert math.isinf(cagr_interval(Interval.point(100), Interval(121, math.inf), 2).high)


def test_deflator_conversions() -> None:
    # (1.071)(1.02) − 1 = 0.09242
    assert real_to_nominal(0.071, 0.02) == pytest.approx(0.09242)
    # 1.09242 / 1.02 − 1 = 0.071
    assert nominal_to_real(0.09242, 0.02) == pytest.approx(0.071)
    with pytest.raises(ValueError):
        real_to_nominal(-1.0, 0.02)


def test_years_between_convention() -> None:
    # a calendar-year level belongs to its year's end: 2020 → 2025 is 5 years
    assert years_between(Period.parse("2020"), Period.parse("2025")) == 5
    # a count at an article's date belongs to that year: 2021-11-17 → 2025 is 4 years
    assert years_between(Period.parse("2021-11-17"), Period.parse("2025")) == 4
    with pytest.raises(ValueError, match="not an annual level"):
        years_between(Period.parse("2021Q1-Q3"), Period.parse("2025"))
    with pytest.raises(ValueError, match="not an annual level"):
        years_between(Period.parse("2019M01-M11"), Period.parse("2020"))
    with pytest.raises(ValueError, match="not after"):
        years_between(Period.parse("2025"), Period.parse("2025"))


def test_compound() -> None:
    # 1.05^10 = 1.628895
    assert compound(0.05, 10) == pytest.approx(1.628895, abs=1e-6)
    with pytest.raises(ValueError):
        compound(-1.0, 2)


# --- properties ---------------------------------------------------------------------------------


@given(levels, levels, spans)
def test_compounding_the_cagr_returns_the_target(start: float, end: float, years: int) -> None:
    rate = cagr(start, end, years)
    # (1 + rate) can be as small as 1e-5 here, so allow for its rounding
    assert start * compound(rate, years) == pytest.approx(end, rel=1e-7)
    assert level_after(start, rate, years) == pytest.approx(end, rel=1e-7)


@given(rates, rates)
def test_two_year_average_round_trips(g1: float, g2: float) -> None:
    avg = two_year_average(g1, g2)
    assert other_year_from_two_year_average(avg, g1) == pytest.approx(g2, abs=1e-9)
    assert other_year_from_two_year_average(avg, g2) == pytest.approx(g1, abs=1e-9)
    # the geometric average lies between the two years
    assert min(g1, g2) - 1e-12 <= avg <= max(g1, g2) + 1e-12


@given(levels, rates)
def test_implied_base_inverts_level_after(base: float, g: float) -> None:
    assert implied_base(level_after(base, g), g) == pytest.approx(base, rel=1e-9)


@given(rates, st.floats(min_value=-0.1, max_value=0.2))
def test_deflator_conversions_invert(g: float, d: float) -> None:
    assert nominal_to_real(real_to_nominal(g, d), d) == pytest.approx(g, abs=1e-12)


@given(
    levels,
    st.floats(min_value=0.0, max_value=0.2),
    levels,
    st.floats(min_value=0.0, max_value=0.2),
    spans,
)
def test_cagr_interval_contains_every_inner_cagr(
    start: float, ws: float, end: float, we: float, years: int
) -> None:
    s_iv, e_iv = Interval(start, start * (1 + ws)), Interval(end, end * (1 + we))
    iv = cagr_interval(s_iv, e_iv, years)
    for s in (s_iv.low, s_iv.high, (s_iv.low + s_iv.high) / 2):
        for e in (e_iv.low, e_iv.high, (e_iv.low + e_iv.high) / 2):
            r = cagr(s, e, years)
            assert iv.low - 1e-12 <= r <= iv.high + 1e-12
