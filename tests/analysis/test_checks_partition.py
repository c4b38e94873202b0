"""Partition: parts add up to the stated whole, with rounding as tolerance."""

import pytest

from regiondev._catalog import load_catalog
from regiondev.analysis.checks import CheckStatus, partition
from regiondev.analysis.checks import observation_from_figure as fig

IND = load_catalog().indicators
P = "2022-11-30"


def _parts(*figures: str) -> list:
    return [
        fig(f"p{i}", "national_clusters", f, period=P, breakdown=f"domain=d{i}")
        for i, f in enumerate(figures)
    ]


def test_domain_counts_add_up() -> None:
    # 13 + 13 + 7 + 5 + 4 + 3 = 45
    whole = fig("w", "national_clusters", "45个", period=P)
    v = partition("t", [whole], _parts("13个", "13个", "7个", "5个", "4个", "3个"), IND)
    assert v.status is CheckStatus.PASS
    assert v.expected == "13 + 13 + 7 + 5 + 4 + 3 = 45"
    assert v.tolerance == "0"
    assert "add up to 45" in v.message


def test_one_count_off_fails_and_names_the_figures() -> None:
    # 14 + 13 + 7 + 5 + 4 + 3 = 46 ≠ 45
    whole = fig("w", "national_clusters", "45个", period=P)
    v = partition("t", [whole], _parts("14个", "13个", "7个", "5个", "4个", "3个"), IND)
    assert v.status is CheckStatus.FAIL
    assert v.expected_low == v.expected_high == 46
    assert "add up to 46" in v.message and "45" in v.message and "w" in v.message


def test_every_restated_whole_is_checked() -> None:
    # parts 30 + 15 = 45; wholes 45 and 46: the second fails
    wholes = [
        fig("w1", "national_clusters", "45个", period=P),
        fig("w2", "national_clusters", "46个", period=P),
    ]
    v = partition("t", wholes, _parts("30个", "15个"), IND)
    assert v.status is CheckStatus.FAIL and "w2" in v.message


def test_rounded_amounts() -> None:
    # 1.2 + 3.4 = 4.6; with rounding the sum is in [4.5, 4.7)
    parts = [fig(f"p{i}", "hightech_va", f) for i, f in enumerate(["1.2亿元", "3.4亿元"])]
    ok = partition("t", [fig("w", "hightech_va", "4.6亿元")], parts, IND)
    assert ok.status is CheckStatus.PASS
    assert "rounding of 1.2亿元 to one decimal" in ok.tolerance_source
    # 4.8 stands for [4.75, 4.85): disjoint from [4.5, 4.7)
    bad = partition("t", [fig("w", "hightech_va", "4.8亿元")], parts, IND)
    assert bad.status is CheckStatus.FAIL


def test_bounds_propagate_to_warn_and_pass() -> None:
    # 100余 + 200余 = (100, 200) + (200, 300) = (300, 500): a stated 350 lies wholly inside
    # those bounds (e.g. 140 + 210), so the statements agree
    parts = _parts("100余个", "200余个")
    v = partition("t", [fig("w", "national_clusters", "350个", period=P)], parts, IND)
    assert v.status is CheckStatus.PASS
    # 约480 is read as 480 ± 5 % = [456, 504]: its part (500, 504] lies outside (300, 500)
    # and (300, 456) outside it → they overlap only in part
    v = partition("t", [fig("w", "national_clusters", "约480个", period=P)], parts, IND)
    assert v.status is CheckStatus.WARN
    assert "only for some values" in v.message
    # exact 1000 + 1250 = 2250 lies inside 2200余 = (2200, 2300): pass
    v2 = partition(
        "t", [fig("w", "national_clusters", "2200余个", period=P)], _parts("1000个", "1250个"), IND
    )
    assert v2.status is CheckStatus.PASS


def test_mixed_measures_are_not_comparable() -> None:
    parts = [fig("a", "cluster_output", "100亿元"), fig("b", "cluster_output", "200亿元")]
    v = partition("t", [fig("w", "industrial_va", "300亿元")], parts, IND)
    assert v.status is CheckStatus.NOT_COMPARABLE
    assert "gross output" in v.message and "value added" in v.message


def test_needs_two_parts() -> None:
    with pytest.raises(ValueError):
        partition("t", [fig("w", "national_clusters", "45个")], _parts("45个"), IND)
