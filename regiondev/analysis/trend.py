"""Log-linear trend of a dated series, projected to a target time.

Points sit on the fractional-year axis of ``timeaxis`` (a year-end level of 2020 at 2021.0, a
count at 2019-07-31 at 2019.58), so dated counts join the trend and the gap to a target is
never rounded to whole years. Model: ``log(y_t) = a + b·t + ε_t`` with ε independent normal,
fitted by OLS (statsmodels).
The projection to the target year is ``exp`` of the predicted log level (the median under the
model); its prediction interval is ``exp`` of the OLS prediction interval for a new
observation (t distribution with n − 2 degrees of freedom). The probability of meeting the
target is P(log y_T ≥ log target) (or ≤ for an upper-bound target) under that predictive
t distribution. With a perfect fit (zero residual variance) the interval collapses to the
projection and the probability is 0 or 1.

With fewer than ``SMALL_SAMPLE_DF`` residual degrees of freedom (three or four points) the
numbers are still reported, but ``describe()`` carries a caveat: the residual variance rests
on one or two residuals, so the interval and P(meet) are very uncertain.

statsmodels and scipy are imported inside the function only.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["MIN_POINTS", "SMALL_SAMPLE_DF", "TrendProjection", "log_linear_trend"]

#: Fewest annual values a trend is fitted on (two would leave no residual degrees of freedom).
MIN_POINTS = 3

#: Below this many residual degrees of freedom the note warns of a small sample.
SMALL_SAMPLE_DF = 3


@dataclass(frozen=True, slots=True)
class TrendProjection:
    """A fitted log-linear trend and its projection to ``target_year``.

    ``growth`` is the fitted annual growth exp(b) − 1 (a fraction); ``projection`` the
    projected level, ``low``/``high`` its prediction interval at ``level`` (e.g. 0.95);
    ``p_meet`` the probability of meeting ``target`` (None without a target).
    """

    years: tuple[float, ...]
    values: tuple[float, ...]
    growth: float
    target_year: float
    projection: float
    low: float
    high: float
    level: float
    target: float | None
    direction: str
    p_meet: float | None
    residual_df: int
    labels: tuple[str, ...] = ()
    target_label: str = ""

    def describe(self) -> str:
        first = self.labels[0] if self.labels else f"{self.years[0]:.4g}"
        last = self.labels[-1] if self.labels else f"{self.years[-1]:.4g}"
        when = self.target_label or f"{self.target_year:.4g}"
        text = (
            f"log-linear trend on {len(self.years)} dated values {first}–{last} (growth "
            f"{self.growth:.2%} a year) projects {self.projection:.6g} for {when}, "
            f"{self.level:.0%} prediction interval [{self.low:.6g}, {self.high:.6g}]"
        )
        if self.p_meet is not None:
            text += f"; P(meeting the target) = {self.p_meet:.2f} under the model"
        if self.small_sample:
            dof = "degree" if self.residual_df == 1 else "degrees"
            text += (
                f" (caution: small sample — {len(self.years)} points leave {self.residual_df} "
                f"residual {dof} of freedom, so the residual variance, the interval"
                + (" and P(meeting the target)" if self.p_meet is not None else "")
                + " are very uncertain)"
            )
        return text

    @property
    def small_sample(self) -> bool:
        """Fewer than ``SMALL_SAMPLE_DF`` residual degrees of freedom."""
        return self.residual_df < SMALL_SAMPLE_DF


def log_linear_trend(
    points: Sequence[tuple[float, float]],
    target_year: float,
    target: float | None = None,
    *,
    direction: str = "at_least",
    level: float = 0.95,
    labels: Sequence[str] = (),
    target_label: str = "",
) -> TrendProjection:
    """Fit ``log(value) ~ x`` by OLS and project to ``target_year`` (a fractional year).

    ``points`` are (x, value) pairs on the fractional-year axis, one per distinct x, values
    positive, at least ``MIN_POINTS`` of them; ``labels`` (in the order of ``points``) name
    them in ``describe()``. ``direction`` is ``at_least`` (the target is met at or above it)
    or ``at_most``. Raises ValueError on unusable input rather than returning NaN.
    """
    import numpy as np
    from scipy import stats
    from statsmodels.regression.linear_model import OLS  # not statsmodels.api: 1 s lighter
    from statsmodels.tools.tools import add_constant

    if direction not in ("at_least", "at_most"):
        raise ValueError(f"direction must be at_least or at_most, got {direction!r}")
    if not 0.0 < level < 1.0:
        raise ValueError(f"level must lie in (0, 1), got {level}")
    order = sorted(range(len(points)), key=lambda i: points[i][0])
    years = [float(points[i][0]) for i in order]
    values = [float(points[i][1]) for i in order]
    names = tuple(labels[i] for i in order) if len(labels) == len(points) else ()
    if len(set(years)) != len(years):
        raise ValueError("one value per year, please (duplicate years)")
    if len(years) < MIN_POINTS:
        raise ValueError(f"a trend needs at least {MIN_POINTS} dated values, got {len(years)}")
    if any(not math.isfinite(v) or v <= 0 for v in values):
        raise ValueError("trend values must be positive and finite")
    if target is not None and (not math.isfinite(target) or target <= 0):
        raise ValueError("the target must be positive and finite")
    if target_year <= years[-1]:
        raise ValueError(f"target year {target_year} is not after the last value {years[-1]}")

    origin = years[0]
    x = add_constant(np.array([t - origin for t in years], dtype=float))
    y = np.log(np.array(values))
    fit = OLS(y, x).fit()
    a, b = (float(c) for c in fit.params)
    df = int(fit.df_resid)
    mean = a + b * (target_year - origin)
    # Prediction variance of a new observation: scale + x' Cov(beta) x.
    x_new = np.array([1.0, float(target_year - origin)])
    cov = np.asarray(fit.cov_params())
    var = float(fit.scale) + float(x_new @ cov @ x_new)
    se = math.sqrt(max(var, 0.0))
    if se > 1e-12:
        q = float(stats.t.ppf(0.5 + level / 2.0, df))
        low, high = math.exp(mean - q * se), math.exp(mean + q * se)
    else:
        low = high = math.exp(mean)
    p_meet: float | None = None
    if target is not None:
        gap = math.log(target) - mean
        if se > 1e-12:
            p_above = float(stats.t.sf(gap / se, df))
            p_meet = p_above if direction == "at_least" else 1.0 - p_above
        elif direction == "at_least":
            p_meet = 1.0 if gap <= 1e-12 else 0.0
        else:
            p_meet = 1.0 if gap >= -1e-12 else 0.0
    return TrendProjection(
        years=tuple(years),
        values=tuple(values),
        growth=math.exp(b) - 1.0,
        target_year=target_year,
        projection=math.exp(mean),
        low=low,
        high=high,
        level=level,
        target=target,
        direction=direction,
        p_meet=p_meet,
        residual_df=df,
        labels=names,
        target_label=target_label,
    )
