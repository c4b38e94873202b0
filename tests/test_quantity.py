"""The interval algebra with provenance (regiondev.quantity)."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from regiondev.analysis.checks.base import observation_from_figure as fig
from regiondev.model import Interval
from regiondev.quantity import Quantity, UndefinedQuantity

# ---------------------------------------------------------------------------- worked values


def test_of_a_figure_keeps_bounds_rounding_value_and_id() -> None:
    share = Quantity.of(fig("s", "hightech_va_share_gdp", "28.1%"))
    # 28.1 % printed to one decimal stands for [28.05, 28.15): rounding half up
    assert (share.core.low, share.core.high) == (28.1, 28.1)
    assert share.rounded.low == pytest.approx(28.05) and share.rounded.high == pytest.approx(28.15)
    assert share.rounded.high_open
    assert share.value == 28.1 and share.ids == ("s",) and share.expr == "28.1%"
    over = Quantity.of(fig("g", "gdp", "突破3000亿元", region="zhuzhou"))
    # a bound has no point value: 突破3000 is (3000, ∞), never "3000"
    assert over.value is None and over.core.low_open and math.isinf(over.core.high)
    count = Quantity.of(fig("c", "national_clusters", "13个"))
    # a whole count is exact: no rounding interval around it
    assert count.rounded == count.core == Interval.point(13)


def test_implied_total_carries_ids_and_derivation() -> None:
    part = Quantity.of(fig("p", "hightech_va", "873.85亿元", region="zhuzhou"))
    share = Quantity.of(fig("s", "hightech_va_share_gdp", "28.1%", region="zhuzhou"))
    total = part / (share / 100)
    # 873.85 / 0.281 = 3109.79; rounded: 873.845 / 0.2815 = 3104.25, 873.855 / 0.2805 = 3115.35
    assert total.value == pytest.approx(3109.786, abs=1e-3)
    assert total.rounded.low == pytest.approx(3104.245, abs=1e-3)
    assert total.rounded.high == pytest.approx(3115.348, abs=1e-3)
    assert total.ids == ("p", "s")
    assert total.derivation == "873.85亿元 / (28.1% / 100)"


def test_compounding_and_roots() -> None:
    g = Quantity.point(0.071, "7.1%")
    factor = (1 + g) ** 5
    # 1.071^5 = 1.40942...
    assert factor.value == pytest.approx(1.071**5)
    assert factor.derivation == "(1 + 7.1%)^5"
    avg = ((1 + Quantity.point(0.1)) * (1 + Quantity.point(0.21))).root(2) - 1
    # √(1.1 × 1.21) − 1 = √1.331 − 1 = 0.153690...
    assert avg.value == pytest.approx(math.sqrt(1.331) - 1)
    assert "^(1/2)" in avg.derivation


def test_division_by_an_interval_holding_zero_is_undefined_with_a_reason() -> None:
    a = Quantity.point(5.0)
    z = Quantity.interval(Interval(-1.0, 2.0), ids=("z",))
    out = a / z
    assert not out.defined and "holds 0" in out.undefined and out.ids == ("z",)
    # every later operation keeps the reason; nothing turns into NaN
    later = (out + 1) * 2
    assert not later.defined and later.undefined == out.undefined
    with pytest.raises(UndefinedQuantity, match="holds 0"):
        later.require()
    assert not (Quantity.point(-4.0) ** 0.5).defined


def test_open_zero_end_divides_to_an_unbounded_result() -> None:
    # 1 / (0, 2] = [0.5, ∞): 0 itself is excluded, so the division is defined
    out = Quantity.point(1.0) / Quantity.interval(Interval(0.0, 2.0, low_open=True))
    assert out.defined and out.low == 0.5 and math.isinf(out.high)


def test_comparison_helpers() -> None:
    a = Quantity.interval(Interval(1.0, 3.0))
    b = Quantity.interval(Interval(2.0, 5.0))
    assert a.overlaps(b) and not a.inside(b) and Quantity.point(2.5).inside(b)
    assert a.contains(3.0) and not a.contains(3.1)


# ---------------------------------------------------------------------------- properties

#: Ends of ordinary magnitude (0, or 1e-6 .. 1e6 either sign): denormal floats overflow a
#: quotient in any arithmetic and say nothing about the algebra.
_finite = st.one_of(st.just(0.0), st.floats(1e-6, 1e6), st.floats(-1e6, -1e-6))


@st.composite
def _operand(draw: st.DrawFn, positive: bool = False) -> tuple[Quantity, float]:
    """A quantity with an interval and a true value somewhere inside it."""
    lo = draw(st.floats(1e-3, 1e6) if positive else _finite)
    width = draw(st.one_of(st.just(0.0), st.floats(1e-6, 1e3)))
    hi = lo + width
    t = draw(st.floats(0, 1))
    x = lo + t * (hi - lo)
    assume(lo <= x <= hi)
    name = draw(st.sampled_from(["a", "b", "c", "d"]))
    return Quantity.interval(Interval(lo, hi), ids=(name,)), x


def _holds(q: Quantity, x: float) -> bool:
    tol = 1e-9 * max(1.0, abs(x))
    return q.core.low - tol <= x <= q.core.high + tol


@settings(max_examples=300, deadline=None)
@given(_operand(), _operand(), st.sampled_from(["+", "-", "*"]))
def test_true_value_lies_in_the_result_and_ids_union(
    a: tuple[Quantity, float], b: tuple[Quantity, float], op: str
) -> None:
    (qa, x), (qb, y) = a, b
    q = {"+": qa + qb, "-": qa - qb, "*": qa * qb}[op]
    z = {"+": x + y, "-": x - y, "*": x * y}[op]
    assert _holds(q, z)
    assert set(q.ids) == set(qa.ids) | set(qb.ids)
    assert q.derivation


@settings(max_examples=300, deadline=None)
@given(_operand(), _operand(positive=True))
def test_division_contains_the_true_quotient(
    a: tuple[Quantity, float], b: tuple[Quantity, float]
) -> None:
    (qa, x), (qb, y) = a, b
    assert _holds(qa / qb, x / y)


@settings(max_examples=300, deadline=None)
@given(_operand(), _operand())
def test_division_is_defined_exactly_when_zero_is_outside(
    a: tuple[Quantity, float], b: tuple[Quantity, float]
) -> None:
    (qa, x), (qb, y) = a, b
    q = qa / qb
    assert q.defined == (not qb.core.contains(0.0))
    if q.defined:
        assert _holds(q, x / y)


@settings(max_examples=300, deadline=None)
@given(_operand(positive=True), st.floats(-5, 5))
def test_powers_contain_the_true_power(a: tuple[Quantity, float], e: float) -> None:
    qa, x = a
    q = qa**e
    assert q.defined
    tol = 1e-9 * max(1.0, abs(x**e))
    assert q.core.low - tol <= x**e <= q.core.high + tol


@settings(max_examples=200, deadline=None)
@given(_operand(), st.integers(0, 4))
def test_whole_powers_of_any_interval(a: tuple[Quantity, float], n: int) -> None:
    qa, x = a
    assert _holds(qa**n, float(x**n))


@settings(max_examples=200, deadline=None)
@given(_operand(), _operand())
def test_point_value_lies_inside_its_interval(
    a: tuple[Quantity, float], b: tuple[Quantity, float]
) -> None:
    (qa, _), (qb, _) = a, b
    for q in (qa + qb, qa - qb, qa * qb, qa / qb):
        if q.defined and q.value is not None:
            assert q.core.contains(q.value)
