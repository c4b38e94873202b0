"""Repeated figures: one quantity stated twice must agree."""

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from regiondev._catalog import load_catalog
from regiondev.analysis.checks import CheckStatus, repeated, repeated_figures
from regiondev.analysis.checks import observation_from_figure as fig

IND = load_catalog().indicators


def _out(i: str, f: str, period: str = "2021") -> object:
    return fig(i, "cluster_leading_output", f, period=period)


def test_same_figure_twice_agrees() -> None:
    v = repeated_figures("t", [_out("a", "19万亿元"), _out("b", "19万亿元")], IND)
    assert v.status is CheckStatus.PASS
    assert "rounding of 19万亿元 to the nearest 10000 亿元" in v.tolerance_source


def test_different_figures_contradict() -> None:
    # 19万亿 stands for [18.5, 19.5) 万亿, 20万亿 for [19.5, 20.5): no common value
    v = repeated_figures("t", [_out("a", "19万亿元"), _out("b", "20万亿元")], IND)
    assert v.status is CheckStatus.FAIL and "contradict" in v.message


def test_a_figure_inside_a_bound_agrees() -> None:
    # 2200余 = (2200, 2300) vs 2250: 2250 lies wholly inside what 2200余 allows → agree
    a = fig("a", "little_giant_enterprises_national", "2200余家")
    b = fig("b", "little_giant_enterprises_national", "2250家")
    v = repeated_figures("t", [a, b], IND)
    assert v.status is CheckStatus.PASS and "agree" in v.message
    # 突破3000 = (3000, ∞) vs 3500 ([3499.5, 3500.5) with rounding): inside the bound → agree
    over = fig("c", "gdp", "突破3000亿元", region="zhuzhou")
    exact = fig("d", "gdp", "3500亿元", region="zhuzhou")
    assert repeated_figures("t", [over, exact], IND).status is CheckStatus.PASS
    assert repeated_figures("t", [exact, over], IND).status is CheckStatus.PASS


def test_bounded_and_approximate_overlap_in_part() -> None:
    # 突破3000 = (3000, ∞) vs 约3000 = 3000 ± 5 % = [2850, 3150]: values of 约3000 below
    # 3000 fall outside the bound → warn, not pass
    over = fig("c", "gdp", "突破3000亿元", region="zhuzhou")
    about = fig("d", "gdp", "约3000亿元", region="zhuzhou")
    v = repeated_figures("t", [over, about], IND)
    assert v.status is CheckStatus.WARN and "overlap only in part" in v.message
    # 2200余 = (2200, 2300) lies inside 约2300 = 2300 ± 5 % = [2185, 2415] → pass;
    # against 约2400 = [2280, 2520] each reaches beyond the other → warn
    a = fig("a", "little_giant_enterprises_national", "2200余家")
    b = fig("b", "little_giant_enterprises_national", "约2300家")
    assert repeated_figures("t", [a, b], IND).status is CheckStatus.PASS
    c = fig("c", "little_giant_enterprises_national", "约2400家")
    assert repeated_figures("t", [a, c], IND).status is CheckStatus.WARN
    # counts: 13 vs 14 → fail
    c13 = fig("c", "national_clusters", "13个")
    c14 = fig("d", "national_clusters", "14个")
    assert repeated_figures("t", [c13, c14], IND).status is CheckStatus.FAIL


def test_different_periods_are_not_the_same_figure() -> None:
    v = repeated_figures("t", [_out("a", "19万亿元"), _out("b", "19万亿元", "2020")], IND)
    assert v.status is CheckStatus.NOT_COMPARABLE


_FIGURES = st.sampled_from(
    [
        "3000亿元",
        "3000.5亿元",
        "3001亿元",
        "突破3000亿元",
        "3000余亿元",
        "约3000亿元",
        "2900亿元",
        "3100亿元",
        "3500亿元",
        "2999.9亿元",
        "2999亿元",
        "3000多亿元",
        "约3100亿元",
        "3000至3100亿元",
        "3050亿元",
        "不到3100亿元",
        "3000亿元以上",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_FIGURES, min_size=2, max_size=8, unique=True))
def test_the_sweep_for_many_statements_agrees_with_every_pair(
    figures: list[str],
) -> None:
    # the O(n log n) sweep (used above PAIRWISE_LIMIT distinct statements) gives the same
    # verdict as comparing every pair
    obs = [fig(f"o{i}", "gdp", f, region="zhuzhou") for i, f in enumerate(figures)]
    exhaustive = repeated_figures("t", obs, IND).status
    old = repeated.PAIRWISE_LIMIT
    repeated.PAIRWISE_LIMIT = 0
    try:
        swept = repeated_figures("t", obs, IND).status
    finally:
        repeated.PAIRWISE_LIMIT = old
    assert swept is exhaustive


def test_three_thousand_distinct_statements_are_fast() -> None:
    # 3,000 different one-decimal figures 3000.0 … 3299.9: neighbours touch only at an open
    # rounding end, so they contradict; the sweep finds it without 4.5 million comparisons
    obs = [fig(f"o{i}", "gdp", f"{3000 + i / 10:.1f}亿元", region="zhuzhou") for i in range(3000)]
    start = time.perf_counter()
    v = repeated_figures("t", obs, IND)
    assert v.status is CheckStatus.FAIL and time.perf_counter() - start < 5
