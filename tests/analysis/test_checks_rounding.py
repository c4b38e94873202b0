"""Rounding feasibility (GRIM): is k/n = p% possible for any whole n?"""

import math

from regiondev._catalog import load_catalog
from regiondev.analysis.checks import (
    CheckStatus,
    feasible_wholes,
    nearest_wholes,
    rounding_feasibility,
)
from regiondev.analysis.checks import observation_from_figure as fig
from regiondev.model import Interval

IND = load_catalog().indicators
P = "2022-11-30"


def _count(f: str) -> object:
    return fig("k", "mfg_innovation_centres_national", f, period=P)


def _share(f: str) -> object:
    return fig("p", "mfg_innovation_centres_share", f, period=P)


def test_eighteen_is_not_seventy_percent_of_any_whole() -> None:
    # 70 % printed to the unit: [69.5, 70.5]; n in [18/0.705, 18/0.695] = [25.532, 25.899]
    v = rounding_feasibility("t", _count("18家"), _share("70%"), IND)
    assert v.status is CheckStatus.FAIL
    assert math.isclose(v.expected_low, 18 / 0.705) and math.isclose(v.expected_high, 18 / 0.695)
    # nearest wholes: 18/25 = 72.0 %, 18/26 = 69.2 %
    assert "18/25 = 72.0%" in v.message and "18/26 = 69.2%" in v.message
    assert v.tolerance_source == "rounding of 70% to the nearest 1% (±0.5%)"
    # the message shows the n interval to sensible digits: [25.53, 25.9]
    assert "[25.53, 25.9]" in v.message and "25.5319" not in v.message


def test_a_round_share_names_the_wholes_at_the_coarser_precision() -> None:
    # still a fail at the printed precision, but "70%" might be rounded to the nearest 10 %:
    # [65 %, 75 %) half up; 18/n ≥ 65 % ⇔ n ≤ 18/0.65 = 27.69; 18/n < 75 % ⇔ n > 18/0.75 = 24
    # → n = 25, 26, 27 (18/25 = 72.0 %, 18/26 = 69.2 %, 18/27 = 66.7 %); n = 24 gives exactly
    # 75 %, a tie that rounds to 70 % only when ties round down
    v = rounding_feasibility("t", _count("18家"), _share("70%"), IND)
    assert v.status is CheckStatus.FAIL
    assert (
        "If 70% was rounded to the nearest 10% (65% ≤ share < 75%), n = 25 to 27 would fit "
        "(18/25 = 72.0%, 18/26 = 69.2%, 18/27 = 66.7%); n = 24 gives exactly 75%, which "
        "rounds to 70% only if ties round down." in v.message
    )
    assert v.actual.endswith("at the nearest 10%: n = 25 to 27")
    # a share without a trailing zero (73 %: n in [24.49, 24.83], a fail) has no coarser
    # reading to offer
    other = rounding_feasibility("t", _count("18家"), _share("73%"), IND)
    assert other.status is CheckStatus.FAIL and "nearest 10%" not in other.message


def test_feasible_shares_are_shown_to_two_decimals() -> None:
    # 20 % stands for [19.5, 20.5]: n = 88..92 (18/88 = 20.4545 %, shown 20.45 %, not 20.5 %)
    v = rounding_feasibility("t", _count("18家"), _share("20%"), IND)
    assert v.status is CheckStatus.PASS
    assert "n = 88 (20.45%), 89 (20.22%), 90 (20%), 91 (19.78%), 92 (19.57%)" in v.message


def test_eighteen_is_seventy_two_percent_of_twenty_five() -> None:
    # 18/25 = 72 %; 18/24 = 75 % and 18/26 = 69.2 % do not round to 72
    v = rounding_feasibility("t", _count("18家"), _share("72%"), IND)
    assert v.status is CheckStatus.PASS
    assert v.actual_low == v.actual_high == 25
    assert "n = 25" in v.message


def test_feasible_and_nearest_wholes() -> None:
    assert feasible_wholes(7, Interval(69.5, 70.5)) == [10]  # 7/10 = 70 %
    assert feasible_wholes(18, Interval(69.5, 70.5)) == []
    assert [n for n, _ in nearest_wholes(18, Interval(69.5, 70.5))] == [25, 26]
    # one decimal: 1/3 = 33.3 % → n = 3, 6/18 also … k = 1 only has n = 3
    assert feasible_wholes(1, Interval(33.25, 33.35)) == [3]


def test_a_range_of_counts_warns_when_only_some_fit() -> None:
    # 18至19家: 18 has no whole n (above); 19/27 = 70.37 % rounds to 70 → warn
    v = rounding_feasibility("t", _count("18至19家"), _share("70%"), IND)
    assert v.status is CheckStatus.WARN
    assert "19" in v.actual


def test_different_periods_are_not_comparable() -> None:
    late = fig("p", "mfg_innovation_centres_share", "70%", period="2021")
    v = rounding_feasibility("t", _count("18家"), late, IND)
    assert v.status is CheckStatus.NOT_COMPARABLE
