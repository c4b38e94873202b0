"""Which figures on record speak about a target, and the interval each figure stands for."""

from __future__ import annotations

from regiondev._catalog import Catalog
from regiondev.analysis.shares import same_scope
from regiondev.model import Bound, Indicator, Interval, Measure, Observation, Status

__all__ = ["actuals", "flows", "is_point_estimate", "value_interval"]


def value_interval(o: Observation, ind: Indicator) -> Interval:
    """Exact figures: rounding of printed digits (whole counts stay exact); else the qualifier's."""
    if o.bound is Bound.EXACT:
        if ind.measure in (Measure.COUNT, Measure.RANK) and o.step <= 1:
            return o.interval
        return o.rounding_interval()
    return o.interval


def actuals(cat: Catalog, target: Observation, indicator: str) -> list[Observation]:
    """Actual levels (no increments) of ``indicator`` in the target's region, subject, breakdown."""
    return [
        o
        for o in cat.observations
        if o.status is Status.ACTUAL
        and o.indicator == indicator
        and same_scope(o, target)
        and not o.increment
    ]


def flows(cat: Catalog, target: Observation) -> list[Observation]:
    """Actual increments (新增: what was added in a period) of the target's indicator and scope."""
    return [
        o
        for o in cat.observations
        if o.status is Status.ACTUAL
        and o.indicator == target.indicator
        and same_scope(o, target)
        and o.increment
    ]


def is_point_estimate(o: Observation) -> bool:
    """A figure that states a value (exact, about, a range), not only a bound."""
    return o.bound in (Bound.EXACT, Bound.APPROX, Bound.RANGE)
