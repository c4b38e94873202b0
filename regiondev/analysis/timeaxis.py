"""The fractional-year time axis on which the tracker places every dated figure.

Convention (one, used everywhere in growth, trend and the trajectories): ``x`` is the calendar
time at the END of a figure's period, in years.

- a calendar year ``2020`` (a year-end level, a year's growth) → ``2021.0`` (31 Dec 2020, 24:00);
- a point date ``2021-11-17`` → ``2021 + 321/365 = 2021.8795`` (the end of that day: day of
  the year over the days of the year);
- cumulative months ``2019M01-M07`` → ``2019 + 7/12 = 2019.5833`` (the end of July), quarters
  ``2021Q1-Q3`` → ``2021 + 9/12 = 2021.75``;
- a span ``2016-2020`` → ``2021.0`` (its last year's end).

So years between two levels are ``x(target) − x(base)``: 2020 → 2025 is 5.0; a count at
2021-11-17 → a 2025 year-end target is 2026.0 − 2021.8795 = 4.1205 (never rounded).
"""

from __future__ import annotations

import datetime as dt

from regiondev.model import Period, PeriodKind

__all__ = ["date_x", "period_end_date", "period_x", "years_between_x"]


def date_x(day: dt.date) -> float:
    """The end of ``day`` as a fractional year (2021-12-31 → 2022.0)."""
    days = 366 if _leap(day.year) else 365
    return day.year + day.timetuple().tm_yday / days


def period_x(period: Period) -> float:
    """The end of ``period`` on the fractional-year axis (see the module docstring)."""
    match period.kind:
        case PeriodKind.DATE:
            return date_x(dt.date(period.start_year, period.first, period.day))
        case PeriodKind.MONTHS:
            return period.end_year + period.last / 12.0
        case PeriodKind.QUARTERS:
            return period.end_year + 3 * period.last / 12.0
        case _:
            return period.end_year + 1.0


def period_end_date(period: Period) -> dt.date:
    """The last day of ``period`` (a year's 31 December, a month's last day, a date itself)."""
    match period.kind:
        case PeriodKind.DATE:
            return dt.date(period.start_year, period.first, period.day)
        case PeriodKind.MONTHS | PeriodKind.QUARTERS:
            month = period.last if period.kind is PeriodKind.MONTHS else 3 * period.last
            if month == 12:
                return dt.date(period.end_year, 12, 31)
            return dt.date(period.end_year, month + 1, 1) - dt.timedelta(days=1)
        case _:
            return dt.date(period.end_year, 12, 31)


def years_between_x(base: Period, target: Period) -> float:
    """Years from the end of ``base`` to the end of ``target`` on the fractional axis.

    Raises ValueError when either is not an annual point (a year or a date: a level at one
    time) or the target is not after the base.
    """
    for name, p in (("base", base), ("target", target)):
        if not p.is_annual_point:
            raise ValueError(f"{name} period {p} ({p.describe()}) is not an annual level")
    years = period_x(target) - period_x(base)
    if years <= 0:
        raise ValueError(f"target period {target} is not after base period {base}")
    return years


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
