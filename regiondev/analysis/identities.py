"""Growth identities, as plain functions on numbers and on intervals.

Rates are fractions (0.071 for 7.1 %). The interval versions use monotonicity: a CAGR rises
with the end level and falls with the start level, so its interval comes from the ends of
its inputs' intervals.
"""

from __future__ import annotations

import math

from regiondev.model import Interval, Period
from regiondev.quantity import Quantity, UndefinedQuantity

__all__ = [
    "cagr",
    "cagr_interval",
    "compound",
    "implied_base",
    "implied_base_interval",
    "implied_total",
    "implied_total_interval",
    "level_after",
    "nominal_to_real",
    "other_year_from_two_year_average",
    "real_to_nominal",
    "two_year_average",
    "years_between",
]


def cagr(start: float, end: float, years: float) -> float:
    """Compound annual growth rate from ``start`` to ``end`` over ``years``.

    Raises ValueError for a non-positive start or end or non-positive years, rather than
    returning NaN.
    """
    if years <= 0:
        raise ValueError(f"years must be positive, got {years}")
    if start <= 0:
        raise ValueError(f"base must be positive, got {start}")
    if end <= 0:
        raise ValueError(f"end level must be positive, got {end}")
    return float((end / start) ** (1.0 / years) - 1.0)


def level_after(start: float, rates: list[float] | float, years: int | None = None) -> float:
    """Level after growing ``start`` by each rate in turn (or one rate for ``years`` years)."""
    path = [rates] * (years or 1) if isinstance(rates, float | int) else list(rates)
    level = start
    for g in path:
        level *= 1.0 + g
    return level


def two_year_average(g1: float, g2: float) -> float:
    """Geometric two-year average: (1 + g)^2 = (1 + g1)(1 + g2)."""
    product = (1.0 + g1) * (1.0 + g2)
    if product <= 0:
        raise ValueError("growth below -100 % has no geometric average")
    return math.sqrt(product) - 1.0


def other_year_from_two_year_average(average: float, known: float) -> float:
    """The other year's growth given the two-year average and one year's growth."""
    if known <= -1.0:
        raise ValueError("a year's growth must exceed -100 %")
    return (1.0 + average) ** 2 / (1.0 + known) - 1.0


def implied_base(level: float, growth: float) -> float:
    """The prior level implied by a current level and its growth: level / (1 + g)."""
    if growth <= -1.0:
        raise ValueError("growth must exceed -100 %")
    return level / (1.0 + growth)


def implied_total(part: float, share_percent: float) -> float:
    """The whole implied by a part and its share of it: part / (share / 100)."""
    if share_percent <= 0:
        raise ValueError(f"share must be positive, got {share_percent}")
    return part / (share_percent / 100.0)


def _q(iv: Interval) -> Quantity:
    return Quantity.interval(iv)


def _positive(q: Quantity, what: str) -> Interval:
    """The core interval of a result whose inputs must be positive (ValueError otherwise)."""
    try:
        return q.require().core
    except UndefinedQuantity as e:
        raise ValueError(f"{what}: {e}") from e


def implied_total_interval(part: Interval, share_percent: Interval) -> Interval:
    """Interval of part / share: smallest part over largest share, and the reverse."""
    if share_percent.low <= 0 or part.low < 0:
        raise ValueError("interval division needs positive intervals")
    return _positive(_q(part) / (_q(share_percent) / 100.0), "implied total")


def implied_base_interval(level: Interval, growth: Interval) -> Interval:
    """Interval of level / (1 + g)."""
    if growth.low <= -1.0 or level.low < 0:
        raise ValueError("interval division needs positive intervals")
    return _positive(_q(level) / (1.0 + _q(growth)), "implied base")


def cagr_interval(start: Interval, end: Interval, years: float) -> Interval:
    """Interval of the CAGR: lowest from (largest start, smallest end), highest the reverse."""
    if start.low <= 0 or end.low <= 0:
        raise ValueError("levels must be positive for a CAGR")
    if years <= 0:
        raise ValueError(f"years must be positive, got {years}")
    return _positive((_q(end) / _q(start)) ** (1.0 / years) - 1.0, "CAGR")


def compound(rate: float, years: float) -> float:
    """The growth factor of ``rate`` compounded over ``years``: (1 + rate)^years."""
    if rate <= -1.0:
        raise ValueError("a rate must exceed -100 % to compound")
    return float((1.0 + rate) ** years)


def years_between(base: Period, target: Period) -> int:
    """Whole years from a baseline level to a target level.

    Convention: a calendar-year level belongs to that year's end and a point-date level to its
    year, so both are anchored at ``anchor_year`` and the gap is the difference of the years
    (2020 → 2025 is 5; 2021-11-17 → 2025 is 4). Raises ValueError when either period is not
    an annual point (cumulative months or quarters, or a span, are not levels at one time) or
    the target is not after the base.
    """
    for name, p in (("base", base), ("target", target)):
        if not p.is_annual_point:
            raise ValueError(f"{name} period {p} ({p.describe()}) is not an annual level")
    years = target.anchor_year - base.anchor_year
    if years <= 0:
        raise ValueError(f"target period {target} is not after base period {base}")
    return years


def real_to_nominal(real: float, deflator: float) -> float:
    """Nominal growth from real growth and a price deflator: (1 + g)(1 + d) − 1."""
    if real <= -1.0 or deflator <= -1.0:
        raise ValueError("growth and deflator must exceed -100 %")
    return (1.0 + real) * (1.0 + deflator) - 1.0


def nominal_to_real(nominal: float, deflator: float) -> float:
    """Real growth from nominal growth and a price deflator: (1 + n) / (1 + d) − 1."""
    if nominal <= -1.0 or deflator <= -1.0:
        raise ValueError("growth and deflator must exceed -100 %")
    return (1.0 + nominal) / (1.0 + deflator) - 1.0
