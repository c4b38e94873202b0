"""checks.base: the verdict rule (stated bounds universal, rounding tolerant), spans, wording."""

import math

from regiondev.analysis.checks import CheckStatus, Span, compare, span_of, worst
from regiondev.analysis.checks import observation_from_figure as fig
from regiondev.analysis.checks.base import (
    fmt_calc,
    fmt_interval,
    fmt_number,
    gloss,
    rounding_note,
)
from regiondev.model import Interval


def test_counts_carry_no_rounding_amounts_and_shares_do() -> None:
    count = span_of(fig("a", "national_clusters", "13个"))
    assert count.core == count.rounded == Interval(13, 13)
    share = span_of(fig("b", "hightech_va_share_gdp", "28.1%"))
    # 28.1 printed to one decimal: [28.05, 28.15), rounding half up
    assert math.isclose(share.rounded.low, 28.05)
    assert math.isclose(share.rounded.high, 28.15) and share.rounded.high_open
    more = span_of(fig("c", "little_giant_enterprises_national", "2200余家"))
    # 余 after 2200: more than 2200 and short of the next hundred, 2300
    assert (more.core.low, more.core.high, more.core.low_open) == (2200, 2300, True)


def test_compare_pass_warn_fail() -> None:
    point = Span.point
    # exact 45 vs exact 45
    assert compare(point(45), point(45)) is CheckStatus.PASS
    # exact 46 vs exact 45
    assert compare(point(46), point(45)) is CheckStatus.FAIL
    # implied 3109.8 vs stated more than 3000
    over = Span(Interval(3000, math.inf, True), Interval(2999.5, math.inf, True))
    assert compare(point(3109.8), over) is CheckStatus.PASS


def test_containment_either_way_agrees() -> None:
    point = Span.point
    over = span_of(fig("a", "gdp", "突破3000亿元", region="zhuzhou"))
    precise = span_of(fig("b", "gdp", "3500亿元", region="zhuzhou"))
    # 3500 (rounding [3499.5, 3500.5)) lies wholly inside (3000, ∞): the bound is satisfied,
    # whichever side is the stated one
    assert compare(precise, over) is CheckStatus.PASS
    assert compare(over, precise) is CheckStatus.PASS
    # implied (300, 500) vs stated 350: 350 is one of the values the bounds admit → pass
    wide = Span(Interval(300, 500, True, True), Interval(300, 500, True, True))
    assert compare(wide, point(350)) is CheckStatus.PASS
    # implied "more than 2129" (the 2015 level 突破3000 / 1.071^5 implies) vs a stated 2500
    implied = Span(Interval(2128.99, math.inf, True), Interval(2128.2, math.inf, True))
    assert compare(implied, span_of(fig("c", "gdp", "2500亿元"))) is CheckStatus.PASS


def test_partial_overlap_warns() -> None:
    over = span_of(fig("a", "gdp", "突破3000亿元", region="zhuzhou"))
    # 约3000 is read as 3000 ± 5 % = [2850, 3150]: its values below 3000 fall outside
    # "more than 3000" and (3150, ∞) falls outside it → neither contains the other
    about = span_of(fig("b", "gdp", "约3000亿元", region="zhuzhou"))
    assert compare(about, over) is CheckStatus.WARN
    assert compare(over, about) is CheckStatus.WARN
    # (300, 500) vs (400, 600): overlap (400, 500), neither inside the other
    a = Span(Interval(300, 500, True, True), Interval(300, 500, True, True))
    b = Span(Interval(400, 600, True, True), Interval(400, 600, True, True))
    assert compare(a, b) is CheckStatus.WARN
    # a precise 2999 ([2998.5, 2999.5)) against more than 3000: no common value → fail
    assert compare(span_of(fig("c", "gdp", "2999亿元")), over) is CheckStatus.FAIL


def test_rounding_is_a_tolerance_not_a_bound() -> None:
    # 1.2 + 3.4 = 4.6, each ±0.05 → the true sum lies in [4.5, 4.7); 4.7 printed stands for
    # [4.65, 4.75): the sum 4.68 (1.24 + 3.44) rounds to both → pass, not warn.
    total = span_of(fig("a", "hightech_va", "1.2亿元")) + span_of(
        fig("b", "hightech_va", "3.4亿元")
    )
    assert compare(total, span_of(fig("c", "hightech_va", "4.7亿元"))) is CheckStatus.PASS
    # 4.8 stands for [4.75, 4.85): no rounding reaches it from [4.5, 4.7) → fail
    assert compare(total, span_of(fig("c", "hightech_va", "4.8亿元"))) is CheckStatus.FAIL


def test_worst_orders_statuses() -> None:
    assert worst([CheckStatus.PASS, CheckStatus.WARN]) is CheckStatus.WARN
    assert worst([CheckStatus.NOT_CHECKABLE, CheckStatus.FAIL]) is CheckStatus.FAIL
    assert worst([]) is CheckStatus.PASS


def test_wording() -> None:
    assert fmt_number(1411778724, "persons") == "1,411,778,724 persons"
    assert fmt_number(3109.7865, "cny_100m") == "3109.79 亿元"
    assert fmt_interval(Interval(3000, math.inf, True), "cny_100m") == "(3000, ∞) 亿元"
    assert gloss(fig("a", "gdp", "突破3000亿元")) == "more than 3000 亿元"
    assert rounding_note(fig("a", "hightech_va_share_gdp", "28.1%")) == (
        "rounding of 28.1% to one decimal (±0.05%)"
    )
    assert (
        rounding_note(fig("a", "national_clusters", "13个"))
        == "13个 is a whole count (no rounding)"
    )


def test_computed_numbers_read_to_sensible_digits() -> None:
    # computed values in messages: at most two decimals, trailing zeros dropped
    assert fmt_calc(100 * 2500 / 2300, "percent", 1) == "108.7%"  # 108.6957 → 108.7
    assert fmt_calc(86.6 / 15.2) == "5.7"  # 5.69737 → 5.70 → 5.7
    assert fmt_calc(3109.7865, "cny_100m") == "3109.79 亿元"
    assert fmt_calc(100 * 26 / 45, "percent") == "57.78%"  # 57.7778
    # one decimal more than a share printed to two: 563,717,119 / 1,411,778,724 = 39.92963 %
    assert fmt_calc(39.92963, "percent", 3, strip=False) == "39.930%"
    assert fmt_calc(0.004999) == "0.005"  # below 1: three significant digits
    assert fmt_calc(1411778724.4, "persons") == "1,411,778,724 persons"
    assert fmt_calc(-0.0001, decimals=1) == "-0.0001"  # below 1: not rounded away
    assert fmt_calc(-0.04, "percent", 0) == "-0.04%"
    assert fmt_calc(-1.004, "percent", 2) == "-1%"
    iv = Interval(25.531914893617, 25.899280575539)  # 18/0.705 and 18/0.695
    assert fmt_interval(iv, calc=True) == "[25.53, 25.9]"
    assert fmt_interval(iv) == "[25.5319, 25.8993]"  # stated figures keep six digits
