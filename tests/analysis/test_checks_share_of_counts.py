"""Share of counts: k of n against 过半, 2/3 and printed percents."""

from regiondev._catalog import load_catalog
from regiondev.analysis.checks import CheckStatus, share_of_counts
from regiondev.analysis.checks import observation_from_figure as fig

IND = load_catalog().indicators
P = "2022-11-30"


def _c(i: str, f: str) -> object:
    return fig(i, "national_clusters", f, period=P)


def _s(f: str) -> object:
    return fig("s", "national_clusters_share", f, period=P)


def test_over_half_with_per_member_multiplier() -> None:
    # 各13个 for two domains: 2 × 13 = 26 of 45 = 57.78 % > 50 %
    v = share_of_counts("t", [_c("p", "13个")], _c("w", "45个"), _s("过半"), IND, multiplier=2)
    assert v.status is CheckStatus.PASS
    # 26/45 = 57.7778 %, shown to two decimals (过半 is verbal: no printed precision)
    assert v.expected == "26/45 = 57.78%"
    assert "2 × 13个 = 26" in v.message


def test_not_over_half_fails() -> None:
    # 2 × 11 = 22 of 45 = 48.9 % ≤ 50 %
    v = share_of_counts("t", [_c("p", "11个")], _c("w", "45个"), _s("过半"), IND, multiplier=2)
    assert v.status is CheckStatus.FAIL
    assert "48.89%" in v.message  # 22/45 = 48.8889 %


def test_two_thirds() -> None:
    # 30/45 = 2/3 exactly (66.666…%)
    assert share_of_counts("t", [_c("p", "30个")], _c("w", "45个"), _s("2/3"), IND).status is (
        CheckStatus.PASS
    )
    # 29/45 = 64.44 % ≠ 66.67 %
    assert share_of_counts("t", [_c("p", "29个")], _c("w", "45个"), _s("2/3"), IND).status is (
        CheckStatus.FAIL
    )


def test_printed_percent_uses_its_rounding() -> None:
    # 18/25 = 72.0 % → "72%" stands for [71.5, 72.5): pass
    v = share_of_counts("t", [_c("p", "18个")], _c("w", "25个"), _s("72%"), IND)
    assert v.status is CheckStatus.PASS
    assert "rounding of 72% to the nearest 1%" in v.tolerance_source
    # 18/26 = 69.23 % is outside [69.5, 70.5): "70%" fails
    assert share_of_counts("t", [_c("p", "18个")], _c("w", "26个"), _s("70%"), IND).status is (
        CheckStatus.FAIL
    )


def test_bounded_count_warns() -> None:
    # 20余 = (20, 30) of 45 = (44.4 %, 66.7 %): more than half for some values only
    v = share_of_counts("t", [_c("p", "20余个")], _c("w", "45个"), _s("过半"), IND)
    assert v.status is CheckStatus.WARN


def test_summed_parts() -> None:
    # 13 + 13 = 26 of 45 → more than half
    v = share_of_counts("t", [_c("a", "13个"), _c("b", "13个")], _c("w", "45个"), _s("过半"), IND)
    assert v.status is CheckStatus.PASS and v.observation_ids == ("a", "b", "w", "s")


def test_different_periods_are_not_comparable() -> None:
    late = fig("w", "national_clusters", "45个", period="2023-01-01")
    v = share_of_counts("t", [_c("p", "30个")], late, _s("2/3"), IND)
    assert v.status is CheckStatus.NOT_COMPARABLE and "different periods" in v.message
