"""A verdict for every target, on user catalogs with worked values (arithmetic in comments).

The fixture source is a hypothetical later bulletin (not real data). Verdicts are taken as of
2026-06-30 (every 2020 and 2025 period over) unless a test says otherwise.
"""

import datetime as dt
import math
from pathlib import Path
from typing import Any

import polars as pl
import pytest
import tomli_w

from regiondev._catalog import load_catalog
from regiondev.analysis.growth import TRAJECTORY_COLUMNS, GrowthRow, growth
from regiondev.analysis.targets import VERDICTS

AFTER = dt.date(2026, 6, 30)

SOURCE = """
[[source]]
id = "later"
title = "test fixture: a hypothetical later bulletin (not real data)"
outlet = "regiondev test suite"
published = "2026-03-31"
url = "https://example.org/later-bulletin"
region = "{region}"
kind = "bulletin"
"""

_UNITS = {"cny_100m": "亿元", "percent": "%", "enterprises": "家", "items": "个"}
_PREFIX = {"exact": "", "more_than": "突破", "at_least": ""}
_SUFFIX = {"exact": "", "more_than": "", "at_least": "以上"}


def rec(
    oid: str,
    indicator: str,
    period: str,
    value: float,
    unit: str,
    *,
    region: str = "zhuzhou",
    status: str = "actual",
    bound: str = "exact",
    basis: str = "nominal",
    **extra: Any,
) -> dict[str, Any]:
    number = f"{value:g}" if float(value).is_integer() else repr(value)
    figure = f"{_PREFIX[bound]}{number}{_UNITS[unit]}{_SUFFIX[bound]}"
    return {
        "id": oid,
        "source": "later",
        "region": region,
        "indicator": indicator,
        "status": status,
        "period": period,
        "figure": figure,
        "value": value,
        "unit": unit,
        "bound": bound,
        "basis": basis,
        **extra,
        "quote": f"全市{'新增' if extra.get('increment') else ''}{figure}",
    }


def row(tmp_path: Path, target_id: str, *records: dict[str, Any], **kw: Any) -> GrowthRow:
    region = records[0]["region"] if records else "zhuzhou"
    path = tmp_path / "later.toml"
    path.write_text(
        SOURCE.format(region=region) + "\n" + tomli_w.dumps({"observation": list(records)}),
        encoding="utf-8",
    )
    kw.setdefault("as_of", AFTER)
    return growth(load_catalog([path]), **kw).row(target_id)


# --- levels ------------------------------------------------------------------------------------


def test_level_met(tmp_path: Path) -> None:
    r = row(tmp_path, "zz21-gdp-target-2025", rec("x-gdp-2025", "gdp", "2025", 5100, "cny_100m"))
    # at least 5000 against 5100 ([5099.5, 5100.5] after rounding): met;
    # margin 5100 / 5000 = 1.020, i.e. 2.0 % above the target
    assert r.verdict == "met" and r.classification == "met"
    assert r.margin == pytest.approx(2.0) and r.margin_unit == "percent_of_target"
    assert r.outcome_id == "x-gdp-2025" and r.outcome_value == 5100 and r.outcome_period == "2025"
    assert r.verdict_text.startswith("Met: Zhuzhou")
    # 5100亿元 = 510.0 bn yuan (the formatter's exact decimal shift, printed digits kept)
    assert "510.0 bn yuan" in r.verdict_text and "5,100 / 5,000 = 1.020" in r.verdict_text
    assert r.text("verdict_text", "zh").startswith("已实现：株洲地区生产总值2025年为5,100亿元")
    assert r.p_met is None and r.trend_projection is None  # no projection for a period over


def test_level_missed(tmp_path: Path) -> None:
    r = row(tmp_path, "zz21-gdp-target-2025", rec("x-gdp-2025", "gdp", "2025", 4800, "cny_100m"))
    # 4800 / 5000 = 0.960, i.e. 4.0 % short
    assert r.verdict == "missed" and r.margin == pytest.approx(-4.0)
    assert r.verdict_text.startswith("Missed:") and "4.0 % short" in r.verdict_text
    # 5000亿元以上: at least 500.0 bn yuan (不少于5,000亿元 in Chinese)
    assert "at least 500.0 bn yuan" in r.verdict_text
    assert "不少于5,000亿元" in r.text("verdict_text", "zh")


def test_level_no_outcome_states_the_latest_figure(tmp_path: Path) -> None:
    r = row(tmp_path, "zz21-gdp-target-2025", rec("x-gdp-2024", "gdp", "2024", 3902.4, "cny_100m"))
    # period over (2025 ended before 2026-06-30), no 2025 figure: no_outcome, latest 3902.4;
    # 3902.4 / 5000 = 0.780 → 21.95 % short; required from end-2024 to end-2025 (1.0 year):
    # 5000 / 3902.4 − 1 = 1.281263 − 1 = 0.281263
    assert r.verdict == "no_outcome"
    assert r.latest_id == "x-gdp-2024" and r.latest_value == 3902.4 and r.latest_period == "2024"
    assert r.margin == pytest.approx(-21.952, abs=1e-3)
    assert r.years == pytest.approx(1.0)
    assert r.required_pace == pytest.approx(0.281263, abs=1e-6)
    assert r.required_pace_unit == "fraction_per_year"
    assert "3,902.4 / 5,000 = 0.780, i.e. 22.0 % short" in r.verdict_text
    assert r.p_met is None and r.trend_projection is None


def test_outcome_straddling_a_bound_is_not_assessable(tmp_path: Path) -> None:
    r = row(
        tmp_path,
        "zz21-gdp-target-2025",
        rec("x-gdp-2025", "gdp", "2025", 3000, "cny_100m", bound="more_than"),
    )
    # 突破3000 (3000, ∞) against at least 5000: some values meet it, some do not
    assert r.verdict == "not_assessable" and "does not say whether" in r.verdict_text


def test_outcome_on_another_basis_is_not_assessable(tmp_path: Path) -> None:
    r = row(
        tmp_path,
        "hn19-industrial-va-growth-target-2020",
        rec(
            "x-va-growth-2020",
            "industrial_va_growth",
            "2020",
            8.0,
            "percent",
            region="hunan",
            basis="nominal",
        ),
    )
    # the target is real (comparable prices), the outcome nominal: never a silent comparison
    assert r.verdict == "not_assessable" and "basis differs" in r.verdict_text


# --- counts on the fractional-year axis ----------------------------------------------------------


def _pilots(*points: tuple[str, float]) -> list[dict[str, Any]]:
    return [
        rec(
            f"x-pilots-{p}",
            "smart_mfg_pilots_city",
            p,
            v,
            "enterprises",
            region="changsha",
            basis="not_applicable",
        )
        for p, v in points
    ]


def test_count_met_and_missed(tmp_path: Path) -> None:
    met = row(tmp_path, "cs21-smart-pilots-target-2025", *_pilots(("2025", 2106)))
    # more than 2000 against a whole count of 2106: 2106 / 2000 = 1.053 → met, +5.3 %
    assert met.verdict == "met" and met.margin == pytest.approx(5.3)
    assert "2,106 enterprises" in met.verdict_text
    missed = row(tmp_path, "cs21-smart-pilots-target-2025", *_pilots(("2025", 2000)))
    # exactly 2000 is not more than 2000: missed by 0 %
    assert missed.verdict == "missed" and missed.margin == pytest.approx(0.0)


def test_count_in_progress_from_the_latest_dated_figure(tmp_path: Path) -> None:
    pts = (("2018-08-31", 330), ("2019-07-31", 464), ("2021-06-30", 1200), ("2022-09-30", 1254))
    r = row(tmp_path, "cs21-smart-pilots-target-2025", *_pilots(*pts), as_of=dt.date(2022, 12, 31))
    # latest: 1254 at 2022-09-30 = 2022 + 273/365 = 2022.747945; target end 2026.0:
    # 3.252055 years (not rounded); (2000 / 1254)^(1/3.252055) − 1:
    # ln 1.594896 = 0.466809; / 3.252055 = 0.143543; e^x − 1 = 0.154356
    assert r.base_period == "2022-09-30" and r.years == pytest.approx(3.252055, abs=1e-6)
    assert r.required_cagr == pytest.approx(0.154356, abs=1e-6)
    assert r.required_pace == r.required_cagr
    # history: first dated count 330 at 2018-08-31 (2018 + 243/365 = 2018.665753) to the
    # latest: 4.082192 years; (1254 / 330)^(1/4.082192) − 1 = 0.386844
    assert r.historical_growth == pytest.approx(0.386844, abs=1e-6)
    # ratio 0.386844 / 0.154356 = 2.506 → on track
    assert r.ratio == pytest.approx(2.506177, abs=1e-5)
    assert r.verdict == "on_track" and r.classification == "on_track"
    assert r.latest_id == "x-pilots-2022-09-30" and r.latest_value == 1254
    # the trend runs on all four dated counts and gives P(met) while 2025 is to come
    assert "4 dated values 31 Aug 2018–30 Sep 2022" in r.derivation
    assert r.p_met is not None and 0.0 <= r.p_met <= 1.0


def test_since_narrows_the_history(tmp_path: Path) -> None:
    pts = (("2018-08-31", 330), ("2019-07-31", 464), ("2021-06-30", 1200), ("2022-09-30", 1254))
    r = row(
        tmp_path,
        "cs21-smart-pilots-target-2025",
        *_pilots(*pts),
        as_of=dt.date(2022, 12, 31),
        since=2021,
    )
    # from 2021 on: 1200 at 2021-06-30 (2021 + 181/365 = 2021.495890) → 1254 at 2022.747945:
    # 1.252055 years; (1254 / 1200)^(1/1.252055) − 1: ln 1.045 = 0.044017; / 1.252055 =
    # 0.035156; e^x − 1 = 0.035781
    assert r.historical_growth == pytest.approx(0.035781, abs=1e-6)
    # ratio 0.035781 / 0.154356 = 0.231808 → limited progress
    assert r.verdict == "limited_progress"
    assert r.p_met is None  # two points are too few for a trend


# --- shares ------------------------------------------------------------------------------------


def _share_target(value: float) -> dict[str, Any]:
    return rec(
        "x-hightech-share-target-2025",
        "hightech_va_share_gdp",
        "2025",
        value,
        "percent",
        status="target",
        bound="at_least",
        basis="not_applicable",
    )


def test_share_met_and_missed_from_part_and_whole(tmp_path: Path) -> None:
    gdp = rec("x-gdp-2025", "gdp", "2025", 5000, "cny_100m")
    met = row(
        tmp_path,
        "x-hightech-share-target-2025",
        _share_target(30),
        gdp,
        rec("x-hightech-2025", "hightech_va", "2025", 1600, "cny_100m"),
    )
    # share = 1600 / 5000 × 100 = 32 % (derived, ids of both); 32 − 30 = +2 percentage points
    assert met.verdict == "met" and met.margin == pytest.approx(2.0)
    assert met.margin_unit == "percentage_points"
    assert met.outcome_id == "x-hightech-2025+x-gdp-2025"
    assert (
        "1,600 / 5,000" in met.verdict_text and "32 − 30 = +2 percentage points" in met.verdict_text
    )
    missed = row(
        tmp_path,
        "x-hightech-share-target-2025",
        _share_target(30),
        gdp,
        rec("x-hightech-2025", "hightech_va", "2025", 1400, "cny_100m"),
    )
    # 1400 / 5000 × 100 = 28 %: 28 − 30 = −2 percentage points
    assert missed.verdict == "missed" and missed.margin == pytest.approx(-2.0)


def test_share_baseline_from_a_bound_part(tmp_path: Path) -> None:
    r = row(
        tmp_path,
        "x-hightech-share-target-2025",
        _share_target(45),
        rec("x-gdp-2024", "gdp", "2024", 15268.78, "cny_100m"),
        rec("x-hightech-2024", "hightech_va", "2024", 5000, "cny_100m", bound="more_than"),
    )
    # 突破5000 over 15268.78: share > 5000 / 15268.785 × 100 = 32.7465 % (open above);
    # point 5000 / 15268.78 × 100 = 32.7466; no 2025 figure: no_outcome with the latest share
    # 32.7466 − 45 = −12.2534 percentage points; it would have needed
    # (45 − 32.7466) / 1.0 = +12.25 percentage points a year
    assert r.verdict == "no_outcome"
    assert r.latest_value == pytest.approx(32.7466, abs=1e-4)
    assert r.latest_id == "x-hightech-2024+x-gdp-2024"
    assert r.margin == pytest.approx(-12.2534, abs=1e-4)
    assert r.required_pace == pytest.approx(12.2534, abs=1e-4)
    assert r.required_pace_unit == "percentage_points_per_year"
    assert "more than 32.7 %" in r.verdict_text
    # the share baseline carries its derivation and ids
    assert r.baseline_ids == ("x-hightech-2024", "x-gdp-2024") and r.base_period == "2024"
    assert r.derivation is not None and "x-hightech-2024 / x-gdp-2024" in r.derivation
    assert r.base_low == pytest.approx(32.7465, abs=1e-4) and math.isinf(r.base_high or 0.0)
    traj = growth(load_catalog([tmp_path / "later.toml"]), as_of=AFTER).trajectory(
        "x-hightech-share-target-2025"
    )
    # history: the stated 28.1 % of 2020 (zz21) at 2021.0 and the derived 2024 share at 2025.0
    assert traj.filter(pl.col("kind") == "history")["x"].to_list() == [2021.0, 2025.0]
    hist = traj.filter((pl.col("kind") == "history") & (pl.col("x") == 2025.0)).row(0, named=True)
    assert hist["low"] == pytest.approx(32.7465, abs=1e-4) and math.isinf(hist["high"])


# --- flows -------------------------------------------------------------------------------------


def _new_10bn(period: str, value: float) -> dict[str, Any]:
    return rec(
        f"x-new-10bn-{period}",
        "new_mfg_enterprises_10bn",
        period,
        value,
        "enterprises",
        region="changsha",
        basis="not_applicable",
        increment=True,
    )


def test_flow_met_from_annual_additions(tmp_path: Path) -> None:
    adds = [_new_10bn(str(y), v) for y, v in zip(range(2021, 2026), (2, 2, 2, 2, 3), strict=True)]
    r = row(tmp_path, "cs21-new-10bn-enterprises-target-2025", *adds)
    # 10 added over 2021–2025; on record 2 + 2 + 2 + 2 + 3 = 11 covering every year:
    # 11 ≥ 10 → met; 11 / 10 = 1.100, i.e. 10.0 % above
    assert r.verdict == "met" and r.outcome_value == 11 and r.margin == pytest.approx(10.0)
    assert r.outcome_period == "2021-2025"


def test_flow_missed_and_in_progress(tmp_path: Path) -> None:
    r = row(tmp_path, "cs21-new-10bn-enterprises-target-2025", _new_10bn("2021-2025", 7))
    # 7 added over the whole period against 10: 7 / 10 = 0.700 → missed, 30.0 % short
    assert r.verdict == "missed" and r.margin == pytest.approx(-30.0)
    mid = row(
        tmp_path,
        "cs21-new-10bn-enterprises-target-2025",
        _new_10bn("2021", 1),
        _new_10bn("2022", 1),
        as_of=dt.date(2022, 12, 31),
    )
    # 2 added in 2021–2022 (x from 2021.0 to 2023.0): 1.0 a year on record; 8 more in the
    # 3.0 years to 2026.0 need 8 / 3 = 2.667 a year; ratio 1 / 2.667 = 0.375 → limited progress
    assert mid.required_pace == pytest.approx(8 / 3)
    assert mid.required_pace_unit == "enterprises_per_year"
    assert mid.verdict == "limited_progress"


# --- growth-rate targets -----------------------------------------------------------------------


def _va_growth(period: str, value: float) -> dict[str, Any]:
    return rec(
        f"x-va-growth-{period}",
        "industrial_va_growth",
        period,
        value,
        "percent",
        region="hunan",
        basis="real",
    )


def test_rate_met_missed_and_proxy(tmp_path: Path) -> None:
    target = "hn19-industrial-va-growth-target-2020"
    met = row(tmp_path, target, _va_growth("2020", 8.0))
    # 7.5 %以上 against 8.0 % ([7.95, 8.05]): met, 8 − 7.5 = +0.5 percentage points
    assert met.verdict == "met" and met.margin == pytest.approx(0.5)
    missed = row(tmp_path, target, _va_growth("2020", 4.8))
    # 4.8 − 7.5 = −2.7 percentage points
    assert missed.verdict == "missed" and missed.margin == pytest.approx(-2.7)
    # a full-year 2020 rate decides a 2020 target even as of mid-2020: no pace band
    early = row(tmp_path, target, _va_growth("2020", 4.8), as_of=dt.date(2020, 6, 30))
    assert early.verdict == "missed" and early.classification == "missed"
    proxy = row(tmp_path, target, _va_growth("2020M01-M11", 4.3))
    # Jan–Nov 2020 is a partial period: a proxy, never a verdict (4.3 − 7.5 = −3.2)
    assert proxy.verdict == "no_outcome" and "a proxy" in proxy.verdict_text
    assert proxy.latest_id == "x-va-growth-2020M01-M11" and proxy.margin == pytest.approx(-3.2)


def test_printed_rate_at_the_threshold_is_decided_on_the_printed_figures(tmp_path: Path) -> None:
    r = row(tmp_path, "hn19-industrial-va-growth-target-2020", _va_growth("2020", 7.5))
    # 7.5 % printed stands for [7.45, 7.55], straddling 7.5; the printed 7.5 ≥ 7.5 decides
    assert r.verdict == "met" and "decided on the printed figures" in r.verdict_text


# --- the shipped catalog -----------------------------------------------------------------------


def test_every_shipped_target_has_a_verdict_and_words() -> None:
    result = growth(as_of=AFTER)
    for r in result.rows:
        assert r.verdict in VERDICTS, r.target_id
        assert r.verdict_text, r.target_id
        if r.verdict == "not_assessable":
            assert "Not assessable:" in r.verdict_text
    gdp = result.row("zz21-gdp-target-2025")
    # no 2025 figure in the texts: the latest is the derived 2020 level 3109.79
    # (873.85 / 28.1 %); 3109.79 / 5000 = 0.622 → 37.8 % short
    assert gdp.verdict == "no_outcome" and gdp.margin == pytest.approx(-37.804, abs=1e-3)
    # break-even deflator for on_track: (1 + 0.95 × 0.099633) / 1.071 − 1 = 0.022083
    assert gdp.breakeven_deflator == pytest.approx(0.022083, abs=1e-6)
    assert "break-even deflator 2.21 %" in gdp.derivation


def test_implied_deflator(tmp_path: Path) -> None:
    r = row(
        tmp_path,
        "zz21-gdp-target-2025",
        rec("x-gdp-2020", "gdp", "2020", 3105.8, "cny_100m"),
        rec("x-gdp-2021", "gdp", "2021", 3420.3, "cny_100m"),
        rec("x-gdp-growth-2021", "gdp_growth", "2021", 8.3, "percent", basis="real"),
    )
    # (3420.3 / 3105.8) / 1.083 − 1 = 1.101262 / 1.083 − 1 = 0.016863 (1.69 %);
    # low (3420.25 / 3105.85) / 1.0835 − 1 = 0.016362; high (3420.35 / 3105.75) / 1.0825 − 1
    # = 0.017363
    assert r.implied_deflator == pytest.approx(0.016863, abs=1e-6)
    assert r.implied_deflator_low == pytest.approx(0.016362, abs=1e-6)
    assert r.implied_deflator_high == pytest.approx(0.017363, abs=1e-6)
    assert "x-gdp-growth-2021" in r.implied_deflator_ids
    assert "implied deflator = (3420.3 / 3105.8)^(1/1)" in r.derivation


# --- robustness ----------------------------------------------------------------------------------


def test_a_zero_target_and_a_growth_of_minus_100_never_crash(tmp_path: Path) -> None:
    zero = rec("x-gdp-target-zero", "gdp", "2025", 0, "cny_100m", status="target", bound="at_least")
    crash = rec("x-gdp-growth-2020", "gdp_growth", "2016-2020", -100, "percent", basis="real")
    path = tmp_path / "later.toml"
    path.write_text(
        SOURCE.format(region="zhuzhou") + "\n" + tomli_w.dumps({"observation": [zero, crash]}),
        encoding="utf-8",
    )
    cat = load_catalog([path])
    for kw in ({}, {"deflator": 0.02}):
        result = growth(cat, as_of=AFTER, **kw)  # type: ignore[arg-type]
        r = result.row("x-gdp-target-zero")
        assert r.verdict == "not_assessable" and r.reason is not None
        assert "target ≤ 0" in r.reason
        assert result.to_frame().height == len(result.rows)


def test_trajectory_contract(tmp_path: Path) -> None:
    pts = (("2018-08-31", 330), ("2019-07-31", 464), ("2021-06-30", 1200), ("2022-09-30", 1254))
    path = tmp_path / "later.toml"
    path.write_text(
        SOURCE.format(region="changsha") + "\n" + tomli_w.dumps({"observation": _pilots(*pts)}),
        encoding="utf-8",
    )
    result = growth(load_catalog([path]), as_of=dt.date(2022, 12, 31))
    traj = result.trajectory("cs21-smart-pilots-target-2025")
    assert traj.columns == list(TRAJECTORY_COLUMNS)
    assert traj.schema["observation_ids"] == pl.List(pl.String)
    kinds = set(traj["kind"].to_list())
    assert {"history", "projection_low", "projection_high", "required_path", "target"} <= kinds
    hist = traj.filter(pl.col("kind") == "history")
    # 2019-07-31 sits at 2019 + 212/365 = 2019.580822
    assert hist["x"].to_list()[1] == pytest.approx(2019.580822, abs=1e-6)
    target = traj.filter(pl.col("kind") == "target").row(0, named=True)
    assert target["x"] == 2026.0 and target["value"] == 2000
    # the required path ends at the target
    path_end = traj.filter(pl.col("kind") == "required_path")["value"].to_list()[-1]
    assert path_end == pytest.approx(2000)


# --- with the bundled outcomes -------------------------------------------------------------------


@pytest.fixture(scope="module")
def with_outcomes() -> Any:
    return growth(load_catalog(outcomes=True), as_of=AFTER)


def test_every_target_has_a_verdict_with_the_outcomes(with_outcomes: Any) -> None:
    cat = load_catalog(outcomes=True)
    targets = [o.id for o in cat.observations if o.status.value == "target"]
    assert len(targets) == 20 and [r.target_id for r in with_outcomes.rows] == targets
    for r in with_outcomes.rows:
        assert r.verdict in VERDICTS and r.verdict_text, r.target_id
        # a verdict of no_outcome names the latest figure or says there is none
        if r.verdict == "no_outcome":
            assert r.latest_id or "no earlier figure" in r.verdict_text, r.target_id


def test_zhuzhou_gdp_answer_with_the_outcomes(with_outcomes: Any) -> None:
    r = with_outcomes.row("zz21-gdp-target-2025")
    # no 2025 figure on record; the latest is 3902.4 亿元 in 2024 (an aggregator's list):
    # 3902.4 / 5000 = 0.78048 → 21.952 % short; 5000 / 3902.4 − 1 = 28.13 % needed in 2025
    assert r.verdict == "no_outcome"
    assert r.latest_id == "out-zz-gdp-2024" and r.latest_value == 3902.4
    assert r.margin == pytest.approx(-21.952, abs=1e-3)
    assert r.required_pace == pytest.approx(0.281263, abs=1e-6)
    # the deflator the figures imply for 2021: (3420.3 / 3105.8) / 1.083 − 1 = 1.69 %
    assert r.implied_deflator == pytest.approx(0.016863, abs=1e-6)
    assert r.implied_deflator_ids == (
        "out-zz-gdp-2020",
        "out-zz-gdp-2021",
        "out-zz-gdp-growth-2021",
    )


def test_dated_counts_and_gaps_with_the_outcomes(with_outcomes: Any) -> None:
    r = with_outcomes.row("cs21-smart-pilots-target-2025")
    # latest city-level count: 1200 enterprises at 2021-06-30 (2021 + 181/365 = 2021.495890;
    # the 1254 of 2022-09-16 is the city-and-above total, another indicator); 1200 / 2000 =
    # 0.6 → 40.0 % short; years to the end of 2025: 2026 − 2021.495890 = 4.504110;
    # (2000 / 1200)^(1/4.504110) − 1: ln 1.666667 = 0.510826; / 4.504110 = 0.113412;
    # e^x − 1 = 0.120095 a year would have been needed; the research found no 2023–2024
    # count (a NOT FOUND gap)
    assert r.verdict == "no_outcome" and r.latest_id == "out-cs-smart-pilots-2021-06-30"
    assert r.margin == pytest.approx(-40.0)
    assert r.years == pytest.approx(4.504110, abs=1e-6)
    assert r.required_cagr == pytest.approx(0.120095, abs=1e-5)
    assert "NOT FOUND: 2023–2024 (gap-cs-smart-pilots-2023-2024)" in r.verdict_text
    hist = with_outcomes.trajectory("cs21-smart-pilots-target-2025").filter(
        pl.col("kind") == "history"
    )
    # four dated city-level counts: 330 (2018-08-21), 464 (2019-07-23), 1041 (2020),
    # 1200 (2021-06-30), each at its place on the axis
    assert hist["value"].to_list() == [330, 464, 1041, 1200]
    assert hist["x"].to_list()[2] == 2021.0


def test_digital_economy_share_with_the_outcomes(with_outcomes: Any) -> None:
    r = with_outcomes.row("cs21-digital-economy-share-target-2025")
    # 数字经济总量突破5000亿元 over GDP 15268.78 亿元 (2024): share > 5000 / 15268.785 × 100 =
    # 32.7465 %; 32.7466 − 45 = −12.25 percentage points; no 2025 figure: no_outcome
    assert r.verdict == "no_outcome"
    assert r.latest_id == "out-cs-digital-economy-2024+out-cs-gdp-2024"
    assert r.latest_value == pytest.approx(32.7466, abs=1e-4)
    assert r.margin == pytest.approx(-12.2534, abs=1e-4)
    assert "more than 32.7 %" in r.verdict_text


def _gdp_growth(period: str, value: float, **kw: Any) -> dict[str, Any]:
    return rec(f"x-gdp-growth-{period}", "gdp_growth", period, value, "percent", basis="real", **kw)


def test_an_average_rate_target_against_the_chained_annual_rates(tmp_path: Path) -> None:
    target = _gdp_growth("2021-2023", 6, status="target", bound="at_least")
    target["id"] = "x-gdp-growth-target"
    r = row(
        tmp_path,
        "x-gdp-growth-target",
        target,
        _gdp_growth("2021", 8.3),
        _gdp_growth("2022", 5.2),
        _gdp_growth("2023", 4.1),
    )
    # 年均 at least 6 % over 2021–2023 against the chain of the three annual rates:
    # (1.083 × 1.052 × 1.041)^(1/3) − 1 = 1.186028^(1/3) − 1 = 5.8518 %; from their rounding
    # [5.8018 %, 5.9018 %], all below 6: missed by 5.8518 − 6 = −0.1482 percentage points
    assert r.verdict == "missed"
    assert r.outcome_value == pytest.approx(5.8518, abs=1e-4)
    assert r.outcome_id == "x-gdp-growth-2021+x-gdp-growth-2022+x-gdp-growth-2023"
    assert r.margin == pytest.approx(-0.1482, abs=1e-4)
    assert "chained" in r.verdict_text


def test_a_rate_target_to_come_gets_a_pace_band(tmp_path: Path) -> None:
    target = _gdp_growth("2027", 7.5, status="target", bound="at_least")
    target["id"] = "x-gdp-growth-target-2027"
    r = row(tmp_path, "x-gdp-growth-target-2027", target, _gdp_growth("2025", 8.0))
    # as of mid-2026 the 2027 period is to come: 8.0 % on record against 7.5 % needed:
    # ratio 0.080 / 0.075 = 1.0667 ≥ 0.95 → on track; no outcome yet
    assert r.period_over is False and r.verdict == "on_track"
    assert r.ratio == pytest.approx(1.066667, abs=1e-6)
    assert r.required_pace == pytest.approx(0.075) and r.required_pace_unit == "fraction"
    assert r.outcome_id is None
