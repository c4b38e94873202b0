"""Deflators as findings: the deflator the figures imply, and the one a verdict turns on.

- **Implied deflator**: nominal levels L0 → L1 over n years and the real growth g printed for
  the same years reconcile at d = (L1 / L0)^(1/n) / (1 + g) − 1. Its interval comes from the
  rounding of the three printed figures: low from (L0 high, L1 low, g high), high from
  (L0 low, L1 high, g low). Zhuzhou 2020 → 2021: 3420.3 / 3105.8 = 1.101262, / 1.083 =
  1.016862, so d = 1.69 %.
- **Break-even deflator**: a nominal required rate r against a real rate g on record is
  classed by the ratio ((1 + g)(1 + d) − 1) / r; it reaches a band's threshold t at
  d* = (1 + t·r) / (1 + g) − 1 (for a real required rate against a nominal history,
  d* = (1 + g) / (1 + t·r) − 1). Zhuzhou GDP: (1 + 0.95 × 0.099633) / 1.071 − 1 = 2.21 %.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from regiondev.messages import Message, msg
from regiondev.model import Basis, Interval

__all__ = ["ImpliedDeflator", "breakeven_deflator", "implied_deflator"]


@dataclass(frozen=True, slots=True)
class ImpliedDeflator:
    """The deflator that reconciles two nominal levels with the real growth between them."""

    value: float
    low: float
    high: float
    ids: tuple[str, ...]
    derivation: Message


def implied_deflator(
    start: tuple[float, Interval, str],
    end: tuple[float, Interval, str],
    years: float,
    real: tuple[float, Interval, str],
) -> ImpliedDeflator:
    """d = (L1 / L0)^(1/years) / (1 + g) − 1 with its rounding interval.

    Each argument is (point, interval, id); rates as fractions. Raises ValueError for a
    non-positive level, non-positive years or a growth at or below −100 %.
    """
    (l0, i0, id0), (l1, i1, id1), (g, ig, idg) = start, end, real
    if years <= 0 or l0 <= 0 or l1 <= 0 or i0.low <= 0 or g <= -1 or ig.low <= -1:
        raise ValueError("levels must be positive, years positive and growth above -100 %")
    if not (math.isfinite(i0.high) and math.isfinite(i1.high) and math.isfinite(ig.high)):
        raise ValueError("an open-ended figure implies no deflator")
    nominal = (l1 / l0) ** (1.0 / years)
    value = nominal / (1.0 + g) - 1.0
    low = (i1.low / i0.high) ** (1.0 / years) / (1.0 + ig.high) - 1.0
    high = (i1.high / i0.low) ** (1.0 / years) / (1.0 + ig.low) - 1.0
    derivation = msg(
        "d_implied",
        l1=f"{l1:.6g}",
        l0=f"{l0:.6g}",
        n=f"{years:g}",
        g=f"{g:.4f}",
        nominal=f"{nominal:.6f}",
        g1=f"{1 + g:.4f}",
        value=f"{100 * value:.2f} %",
        low=f"{100 * low:.2f} %",
        high=f"{100 * high:.2f} %",
        ids=f"{id0}, {id1}, {idg}",
    )
    return ImpliedDeflator(value, low, high, (id0, id1, idg), derivation)


def breakeven_deflator(
    required: float, historical: float, history_basis: Basis, threshold: float
) -> float | None:
    """The deflator at which the ratio historical / required reaches ``threshold``.

    ``history_basis`` real: the history is converted to nominal, d* = (1 + t·r) / (1 + g) − 1;
    nominal: converted to real, d* = (1 + g) / (1 + t·r) − 1. None when no deflator above
    −100 % gives that ratio (a required rate ≤ 0 or a growth ≤ −100 %).
    """
    if required <= 0 or historical <= -1.0 or 1.0 + threshold * required <= 0:
        return None
    if history_basis is Basis.REAL:
        d = (1.0 + threshold * required) / (1.0 + historical) - 1.0
    elif history_basis is Basis.NOMINAL:
        d = (1.0 + historical) / (1.0 + threshold * required) - 1.0
    else:
        return None
    return d if d > -1.0 else None
