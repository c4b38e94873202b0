"""The fractional-year axis: where each kind of period sits (worked values)."""

import datetime as dt

import pytest

from regiondev.analysis.timeaxis import date_x, period_end_date, period_x, years_between_x
from regiondev.model import Period


def test_positions() -> None:
    # a year's level holds at its end: 2020 → 2021.0; a span's too: 2016-2020 → 2021.0
    assert period_x(Period.parse("2020")) == 2021.0
    assert period_x(Period.parse("2016-2020")) == 2021.0
    # a date at the end of its day: 2019-07-31 is day 212 of 365 → 2019 + 212/365 = 2019.580822
    assert period_x(Period.parse("2019-07-31")) == pytest.approx(2019.580822, abs=1e-6)
    # leap year: 2020-12-31 is day 366 of 366 → 2021.0
    assert date_x(dt.date(2020, 12, 31)) == 2021.0
    # Jan–Nov 2019: 2019 + 11/12 = 2019.916667; Q1–Q3 2021: 2021 + 9/12 = 2021.75
    assert period_x(Period.parse("2019M01-M11")) == pytest.approx(2019.916667, abs=1e-6)
    assert period_x(Period.parse("2021Q1-Q3")) == 2021.75


def test_years_between_are_not_rounded() -> None:
    # 2021-11-17 is day 321: 2021 + 321/365 = 2021.879452; to the end of 2025 (2026.0): 4.120548
    assert years_between_x(Period.parse("2021-11-17"), Period.parse("2025")) == pytest.approx(
        4.120548, abs=1e-6
    )
    assert years_between_x(Period.parse("2020"), Period.parse("2025")) == 5.0
    with pytest.raises(ValueError, match="not after"):
        years_between_x(Period.parse("2025"), Period.parse("2025"))
    with pytest.raises(ValueError, match="not an annual level"):
        years_between_x(Period.parse("2019M01-M11"), Period.parse("2025"))


def test_end_dates() -> None:
    assert period_end_date(Period.parse("2025")) == dt.date(2025, 12, 31)
    assert period_end_date(Period.parse("2020M01-M02")) == dt.date(2020, 2, 29)
    assert period_end_date(Period.parse("2021Q1-Q3")) == dt.date(2021, 9, 30)
    assert period_end_date(Period.parse("2021-2025")) == dt.date(2025, 12, 31)
