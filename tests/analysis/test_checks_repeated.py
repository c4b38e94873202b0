"""Repeated figures: one quantity stated twice must agree."""

from regiondev.analysis.checks import CheckStatus, repeated_figures
from regiondev.analysis.checks import observation_from_figure as fig
from regiondev.catalog import load_catalog

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


def test_bounded_and_exact_overlap_in_part() -> None:
    # 2200余 = (2200, 2300) vs 2250: 2250 is one of the values 2200余 allows, not all
    a = fig("a", "little_giant_enterprises_national", "2200余家")
    b = fig("b", "little_giant_enterprises_national", "2250家")
    v = repeated_figures("t", [a, b], IND)
    assert v.status is CheckStatus.WARN and "overlap only in part" in v.message
    # counts: 13 vs 14 → fail
    c13 = fig("c", "national_clusters", "13个")
    c14 = fig("d", "national_clusters", "14个")
    assert repeated_figures("t", [c13, c14], IND).status is CheckStatus.FAIL


def test_different_periods_are_not_the_same_figure() -> None:
    v = repeated_figures("t", [_out("a", "19万亿元"), _out("b", "19万亿元", "2020")], IND)
    assert v.status is CheckStatus.NOT_COMPARABLE
