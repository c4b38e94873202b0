"""Log-linear trend projections on synthetic series whose answer is known."""

import math
import random

import pytest

from regiondev.analysis.trend import SMALL_SAMPLE_DF, log_linear_trend


def test_exact_growth_projects_by_compounding() -> None:
    # 100 × 1.05^k for 2015..2020; 2025 is 10 years after 2015: 100 × 1.05^10 = 162.889463
    points = [(2015 + k, 100 * 1.05**k) for k in range(6)]
    tp = log_linear_trend(points, 2025, 160.0)
    assert tp.growth == pytest.approx(0.05, abs=1e-12)
    assert tp.projection == pytest.approx(162.889463, abs=1e-5)
    # a perfect fit leaves no residual variance: the interval collapses to the projection
    assert tp.low == pytest.approx(tp.projection, rel=1e-9)
    assert tp.high == pytest.approx(tp.projection, rel=1e-9)
    assert tp.p_meet == 1.0  # 162.9 ≥ 160 for sure under the model
    assert log_linear_trend(points, 2025, 170.0).p_meet == 0.0
    # a ceiling target: at most 170 is certain, at most 160 impossible
    assert log_linear_trend(points, 2025, 170.0, direction="at_most").p_meet == 1.0
    assert log_linear_trend(points, 2025, 160.0, direction="at_most").p_meet == 0.0
    assert tp.residual_df == 4
    assert "P(meeting the target)" in tp.describe()


def test_three_points_slope_and_projection() -> None:
    # logs of 400, 450, 500 at x = 0, 1, 2: OLS slope = (ln 500 − ln 400) / 2 = 0.111572;
    # intercept = mean(ln y) − slope × 1 = 6.105107 − 0.111572 = 5.993535;
    # at 2025 (x = 7): 5.993535 + 7 × 0.111572 = 6.774540 → e^6.774540 = 875.2
    tp = log_linear_trend([(2018, 400.0), (2019, 450.0), (2020, 500.0)], 2025, 1000.0)
    assert tp.growth == pytest.approx(math.exp(0.111572) - 1, abs=1e-5)
    assert tp.projection == pytest.approx(875.2, abs=0.5)
    assert tp.low < tp.projection < tp.high
    assert tp.p_meet is not None and 0.0 < tp.p_meet < 0.5  # the projection falls short of 1000
    assert tp.residual_df == 1
    # 3 points − 2 parameters = 1 residual degree of freedom (< SMALL_SAMPLE_DF = 3): the
    # numbers stay, the note warns
    assert tp.small_sample
    text = tp.describe()
    assert "P(meeting the target)" in text
    assert "caution: small sample — 3 points leave 1 residual degree of freedom" in text


def test_small_sample_caveat_threshold() -> None:
    assert SMALL_SAMPLE_DF == 3
    # 4 points → 2 residual df: still a caveat; 5 points → 3 df: none
    four = log_linear_trend(
        [(2016 + k, 100 * 1.05**k * (1 + 0.01 * (-1) ** k)) for k in range(4)], 2025
    )
    assert four.residual_df == 2 and "2 residual degrees of freedom" in four.describe()
    assert "and P(meeting" not in four.describe()  # no target, so no probability to caveat
    five = log_linear_trend(
        [(2016 + k, 100 * 1.05**k * (1 + 0.01 * (-1) ** k)) for k in range(5)], 2025
    )
    assert five.residual_df == 3 and not five.small_sample
    assert "small sample" not in five.describe()


def test_target_at_the_projection_has_even_odds() -> None:
    rng = random.Random(7)
    points = [(2010 + k, 50 * 1.08**k * math.exp(rng.gauss(0, 0.03))) for k in range(10)]
    tp = log_linear_trend(points, 2025)
    assert tp.p_meet is None
    at = log_linear_trend(points, 2025, tp.projection)
    assert at.p_meet == pytest.approx(0.5, abs=1e-9)


def test_noisy_series_prediction_interval_covers() -> None:
    # True model: log y = ln 100 + ln(1.06) t + N(0, 0.04²). The 95 % prediction interval for
    # a new value at 2025 should cover the realised value in about 95 % of simulations.
    rng = random.Random(20211109)
    hits, runs = 0, 400
    for _ in range(runs):
        points = [(2012 + k, 100 * 1.06**k * math.exp(rng.gauss(0, 0.04))) for k in range(9)]
        tp = log_linear_trend(points, 2025)
        actual = 100 * 1.06**13 * math.exp(rng.gauss(0, 0.04))
        hits += tp.low <= actual <= tp.high
    # binomial sd at p = 0.95, n = 400: sqrt(0.95 × 0.05 / 400) = 0.0109; allow 3 sd
    assert abs(hits / runs - 0.95) < 0.033


def test_one_noisy_series_interval_covers_the_true_median() -> None:
    rng = random.Random(3)
    points = [(2012 + k, 100 * 1.06**k * math.exp(rng.gauss(0, 0.02))) for k in range(9)]
    tp = log_linear_trend(points, 2025)
    # true median at 2025 (13 years after 2012): 100 × 1.06^13 = 213.2928
    assert tp.low < 213.2928 < tp.high
    assert tp.growth == pytest.approx(0.06, abs=0.01)


@pytest.mark.parametrize(
    ("points", "year", "message"),
    [
        ([(2019, 1.0), (2020, 2.0)], 2025, "at least 3"),
        ([(2018, 1.0), (2019, 0.0), (2020, 2.0)], 2025, "positive"),
        ([(2018, 1.0), (2018, 1.5), (2020, 2.0)], 2025, "duplicate"),
        ([(2018, 1.0), (2019, 1.5), (2020, 2.0)], 2020, "not after"),
    ],
)
def test_bad_input_is_a_clear_error(
    points: list[tuple[int, float]], year: int, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        log_linear_trend(points, year)


def test_bad_direction_and_target() -> None:
    pts = [(2018, 1.0), (2019, 1.5), (2020, 2.0)]
    with pytest.raises(ValueError, match="direction"):
        log_linear_trend(pts, 2025, 3.0, direction="about")
    with pytest.raises(ValueError, match="target"):
        log_linear_trend(pts, 2025, -3.0)


def test_exact_ten_percent_growth_on_a_fractional_axis() -> None:
    # dated points every half year from 2019.5 (end of June 2019) on: 100 × 1.1^(x − 2019.5);
    # log-linear in x with slope ln 1.1 = 0.0953102, so the fitted growth is exactly 10 %
    xs = [2019.5 + 0.5 * k for k in range(6)]
    points = [(x, 100 * 1.1 ** (x - 2019.5)) for x in xs]
    tp = log_linear_trend(points, 2026.0, 180.0, labels=[f"p{k}" for k in range(6)])
    assert tp.growth == pytest.approx(0.1, abs=1e-12)
    # at 2026.0 (6.5 years after 2019.5): 6.5 × ln 1.1 = 0.619516; 100 × e^x = 185.8029 ≥ 180
    assert tp.projection == pytest.approx(100 * 1.1**6.5, rel=1e-10)
    assert tp.projection == pytest.approx(185.8029, abs=1e-4)
    assert tp.p_meet == 1.0
    assert "6 dated values p0–p5" in tp.describe()


def test_points_need_not_come_in_order() -> None:
    # the same series shuffled gives the same fit; labels follow their points
    pts = [(2021.0, 121.0), (2019.0, 100.0), (2020.0, 110.0)]
    tp = log_linear_trend(pts, 2022.0, labels=["c", "a", "b"])
    assert tp.years == (2019.0, 2020.0, 2021.0) and tp.labels == ("a", "b", "c")
    # 100 → 110 → 121 is exactly 10 % a year: 2022 → 133.1
    assert tp.projection == pytest.approx(133.1, rel=1e-10)
