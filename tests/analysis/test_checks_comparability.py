"""Comparability: figures that look comparable but are not — never a false fail."""

from regiondev._catalog import load_catalog
from regiondev.analysis.checks import CheckStatus, comparability
from regiondev.analysis.checks import observation_from_figure as fig

IND = load_catalog().indicators


def test_gross_output_vs_value_added() -> None:
    a = fig("em", "cluster_output", "突破2500亿元", region="changsha", subject="em")
    b = fig("va", "industrial_va", "约2300亿元", region="changsha")
    v = comparability("t", a, b, IND, naive="share")
    assert v.status is CheckStatus.NOT_COMPARABLE
    # naive share 2500 / 2300 = 108.6957 % — shown to one decimal, 108.7 %, above 100 %
    assert "gross output" in v.message and "108.7%" in v.message
    assert "108.696" not in v.message  # no false precision in the message
    assert v.expected_low == 2500.0 and v.actual_low == 2300.0  # numeric columns as stated


def test_different_scopes_periods_and_status() -> None:
    a = fig(
        "now", "smart_mfg_pilots_city_and_above", "1254家", region="changsha", period="2021-11-17"
    )
    b = fig(
        "tgt",
        "smart_mfg_pilots_city",
        "突破2000家",
        region="changsha",
        period="2025",
        status="target",
    )
    v = comparability("t", a, b, IND, naive="change")
    assert v.status is CheckStatus.NOT_COMPARABLE
    assert "different scopes" in v.actual and "actual vs target" in v.actual


def test_nominal_vs_real() -> None:
    a = fig("firm", "enterprise_output_growth", "86.6%", period="2021Q1-Q3", basis="nominal")
    b = fig("mfg", "manufacturing_va_growth", "15.2%", period="2021Q1-Q3", basis="real")
    v = comparability("t", a, b, IND)
    assert v.status is CheckStatus.NOT_COMPARABLE and "nominal" in v.message


def test_different_periods() -> None:
    a = fig("q", "gdp", "2487.1亿元", region="zhuzhou", period="2021Q1-Q3")
    b = fig("y", "gdp", "突破3000亿元", region="zhuzhou", period="2020")
    v = comparability("t", a, b, IND, naive="change")
    assert v.status is CheckStatus.NOT_COMPARABLE and "Q1–Q3 2021" in v.message
    # the naive change runs forward in time, 2020 → Q1–Q3 2021, whichever figure is named
    # first: 2487.1 / 3000 − 1 = −0.170967 → −17.1 %
    change = "A naive change from 3000 (year 2020) to 2487.1 (Q1–Q3 2021), -17.1%,"
    assert change in v.message
    assert change in comparability("t", b, a, IND, naive="change").message
    assert "from 2487.1 to 3000" not in v.message and "20.6224" not in v.message


def test_naive_change_forward_and_ratio_rounded() -> None:
    a = fig(
        "now", "smart_mfg_pilots_city_and_above", "1254家", region="changsha", period="2021-11-17"
    )
    b = fig("tgt", "smart_mfg_pilots_city", "突破2000家", region="changsha", period="2025")
    # 2000 / 1254 − 1 = 0.594896 → +59.5 %
    v = comparability("t", b, a, IND, naive="change")
    assert "from 1254 (at 2021-11-17) to 2000 (year 2025), +59.5%," in v.message
    firm = fig("firm", "enterprise_output_growth", "86.6%", period="2021Q1-Q3")
    mfg = fig("mfg", "manufacturing_va_growth", "15.2%", period="2021Q1-Q3")
    # 86.6 / 15.2 = 5.697368 → 5.7 in the message; the numeric columns keep the figures
    r = comparability("t", firm, mfg, IND, naive="ratio")
    assert "A naive ratio 86.6/15.2 = 5.7 would mean nothing." in r.message
    assert (r.expected_low, r.actual_low) == (86.6, 15.2)


def test_like_with_like_passes() -> None:
    a = fig("a", "gdp", "3100亿元", region="zhuzhou")
    b = fig("b", "gdp", "突破3000亿元", region="zhuzhou")
    v = comparability("t", a, b, IND)
    assert v.status is CheckStatus.PASS and "comparable" in v.message
