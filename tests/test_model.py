"""The model's derived intervals, on shipped records."""

import pytest

from regiondev._catalog import load_catalog


def test_rounding_interval_of_an_exact_figure_is_its_printed_rounding() -> None:
    o = load_catalog().get("zz21-hightech-va-share-gdp-2020")  # 28.1%
    iv = o.rounding_interval()
    # 28.1 printed to 0.1: [28.1 − 0.05, 28.1 + 0.05] = [28.05, 28.15]
    assert (iv.low, iv.high) == (pytest.approx(28.05), pytest.approx(28.15))


def test_rounding_interval_of_an_approximate_figure_is_its_qualifiers() -> None:
    o = load_catalog().get("cs21-industrial-va-2020")  # 约2300亿元
    # 约: ± max(5 % of 2300 = 115, one printed unit) = [2185, 2415]; it already holds the
    # rounding of the printed 2300, so it is not widened again
    iv = o.rounding_interval()
    assert (iv.low, iv.high) == (pytest.approx(2185.0), pytest.approx(2415.0))
