"""The outcomes layer: shipped later figures, reliability levels, gaps and their load errors."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

import pytest

import regiondev
from regiondev._catalog import load_catalog
from regiondev.errors import CatalogError
from regiondev.model import Bound, Period, Region, Reliability, Source
from regiondev.numbers import parse_figure
from regiondev.outcomes import (
    date_problem,
    outcome_files,
    period_end,
    published_floor,
    qualifier_problem,
)


def _toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return repr(v)
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    return '"' + str(v).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _write(tmp_path: Path, *tables: tuple[str, dict[str, Any]]) -> Path:
    path = tmp_path / "outcomes.toml"
    path.write_text(
        "\n".join(
            f"[[{n}]]\n" + "".join(f"{k} = {_toml_value(v)}\n" for k, v in r.items())
            for n, r in tables
        ),
        encoding="utf-8",
    )
    return path


SOURCE: dict[str, Any] = {
    "id": "u-zz-bulletin-2023",
    "title": "株洲市2023年统计公报",
    "outlet": "株洲市统计局",
    "url": "https://example.org/zz2023",
    "published": "2024-03-20",
    "reliability": "official_bulletin",
    "region": "zhuzhou",
    "script": "simplified",
}
RECORD: dict[str, Any] = {
    "id": "u-zz-gdp-2023",
    "source": "u-zz-bulletin-2023",
    "region": "zhuzhou",
    "indicator": "gdp",
    "status": "actual",
    "period": "2023",
    "figure": "3800亿元",
    "value": 3800,
    "unit": "cny_100m",
    "bound": "exact",
    "basis": "nominal",
    "quote": "全市地区生产总值3800亿元",
}


def _load(tmp_path: Path, src: dict[str, Any], rec: dict[str, Any]) -> Any:
    return load_catalog([_write(tmp_path, ("source", src), ("observation", rec))])


def _error(tmp_path: Path, src: dict[str, Any], rec: dict[str, Any]) -> CatalogError:
    with pytest.raises(CatalogError) as exc:
        _load(tmp_path, src, rec)
    return exc.value


# --- the shipped layer


def test_shipped_outcomes_load_and_are_opt_in() -> None:
    plain = load_catalog()
    cat = load_catalog(outcomes=True)
    assert [Path(p).name for p in outcome_files()] == [
        "changsha.toml",
        "china.toml",
        "hunan.toml",
        "zhuzhou.toml",
    ]
    outcomes = [o for o in cat.observations if cat.is_outcome(o)]
    # 90 outcome records (hunan 39 + changsha 33 + zhuzhou 16 + china 2) on top of the texts'
    assert len(outcomes) == 90
    assert len(cat.observations) == len(plain.observations) + 90
    assert not any(plain.is_outcome(o) for o in plain.observations)
    assert plain.gaps == () and len(cat.gaps) == 6
    assert {o.origin.rsplit("/", 2)[-2] for o in outcomes} == {"outcomes"}
    for src in cat.sources:
        if src.reliability is not None:
            assert src.url and src.outlet and published_floor(src.published) is not None
            assert src.kind == "outcome" and not src.path


def test_reliability_counts_and_min_reliability() -> None:
    cat = load_catalog(outcomes=True)
    counts = {lvl: 0 for lvl in Reliability}
    for o in cat.observations:
        if (rel := cat.reliability(o)) is not None:
            counts[rel] += 1
    assert counts == {
        Reliability.OFFICIAL_BULLETIN: 11,
        Reliability.OFFICIAL_PRESS: 22,
        Reliability.MEDIA_REPORT: 54,
        Reliability.AGGREGATOR: 3,
    }
    press = load_catalog(outcomes=True, min_reliability="official_press")
    # kept: the texts' records plus 11 + 22 = 33 outcome records; left out 54 + 3 = 57
    assert len(press.left_out) == 57
    assert len(press.observations) == len(cat.observations) - 57
    assert sum(press.is_outcome(o) for o in press.observations) == 33
    everything = load_catalog(outcomes=True, min_reliability=Reliability.AGGREGATOR)
    assert everything.left_out == () and len(everything.observations) == len(cat.observations)


def test_unknown_min_reliability_is_a_catalog_error() -> None:
    with pytest.raises(CatalogError, match="not a reliability level"):
        load_catalog(outcomes=True, min_reliability="rumour")


def test_reliability_order() -> None:
    assert [r.rank for r in Reliability] == [0, 1, 2, 3]
    assert Reliability.OFFICIAL_BULLETIN.at_least(Reliability.OFFICIAL_PRESS)
    assert not Reliability.AGGREGATOR.at_least(Reliability.MEDIA_REPORT)


def test_frame_has_reliability_column() -> None:
    frame = regiondev.catalog(outcomes=True)
    row = frame.filter(frame["id"] == "out-zz-gdp-2021").row(0, named=True)
    assert (row["reliability"], row["value"], row["period"]) == (
        "official_bulletin",
        3420.3,
        "2021",
    )
    texts = frame.filter(~frame["id"].str.starts_with("out-"))
    assert texts["reliability"].null_count() == texts.height


def test_every_outcome_figure_reads_its_value_and_bound() -> None:
    cat = load_catalog(outcomes=True)
    for o in cat.observations:
        if not cat.is_outcome(o):
            continue
        assert o.figure in o.quote, o.id
        p = parse_figure(o.figure)
        assert math.isclose(p.value, o.value) and p.bound is o.bound, o.id


def test_outcome_levels_nominal_growth_real() -> None:
    cat = load_catalog(outcomes=True)
    for o in cat.observations:
        if not cat.is_outcome(o):
            continue
        measure = cat.indicators[o.indicator].measure.value
        if measure == "growth_rate":
            assert o.basis.value == "real", o.id
        elif measure in ("gdp", "value_added", "gross_output"):
            assert o.basis.value == "nominal", o.id


def test_two_year_averages_agree_with_their_annual_rates() -> None:
    cat = load_catalog(outcomes=True)

    def v(i: str) -> float:
        return cat.get(i).value / 100

    # Zhuzhou: sqrt(1.041 × 1.083) = sqrt(1.127403) = 1.06179 → 6.18 %, printed 6.2 %
    avg = math.sqrt((1 + v("out-zz-gdp-growth-2020")) * (1 + v("out-zz-gdp-growth-2021"))) - 1
    assert round(100 * avg, 1) == v("out-zz-gdp-growth-two-year-2021") * 100 == 6.2
    # Hunan: sqrt(1.038 × 1.077) = sqrt(1.117926) = 1.05732 → 5.73 %, printed 5.7 %
    avg = math.sqrt((1 + v("out-hn-gdp-growth-2020")) * (1 + v("out-hn-gdp-growth-2021"))) - 1
    assert round(100 * avg, 1) == 5.7


def test_gaps_are_data() -> None:
    cat = load_catalog(outcomes=True)
    gap = next(g for g in cat.gaps if g.id == "gap-zz-rail-cluster-output")
    assert gap.region is Region.ZHUZHOU and gap.indicator == "cluster_output"
    assert [str(p) for p in gap.periods] == ["2016-2019", "2021", "2024"]
    assert gap.covers(Period.parse("2024")) and gap.covers(Period.parse("2017"))
    assert not gap.covers(Period.parse("2020"))
    chains = next(g for g in cat.gaps if g.indicator == "industrial_chains_output")
    assert chains.region is Region.HUNAN and "20" in chains.searched
    # looked up by region, indicator, subject and period
    assert cat.gaps_for("zhuzhou", "cluster_output", Period.parse("2021"), "rail_transit_equipment")
    assert not cat.gaps_for("zhuzhou", "cluster_output", Period.parse("2021"))  # no subject
    assert [g.id for g in cat.gaps_for("zhuzhou", "gdp_growth", Period.parse("2023"))] == [
        "gap-zz-gdp-growth-2022-2023"
    ]
    frame = cat.gap_frame()
    assert frame.height == 6
    row = frame.filter(frame["id"] == "gap-zz-rail-cluster-output").row(0, named=True)
    assert row["periods"] == "2016-2019; 2021; 2024"
    assert load_catalog().gap_frame().height == 0


# --- dates and qualifiers


def test_period_end_and_published_floor() -> None:
    assert period_end(Period.parse("2020M01-M11")) == dt.date(2020, 11, 30)
    assert period_end(Period.parse("2024M01-M02")) == dt.date(2024, 2, 29)  # a leap year
    assert period_end(Period.parse("2022Q1-Q3")) == dt.date(2022, 9, 30)
    assert period_end(Period.parse("2021-06-30")) == dt.date(2021, 6, 30)
    assert period_end(Period.parse("2016-2019")) == dt.date(2019, 12, 31)
    assert published_floor("2021") == dt.date(2021, 1, 1)
    assert published_floor("2023-01") == dt.date(2023, 1, 1)
    assert published_floor("undated") is None


def _src(published: str) -> Source:
    return Source("s", "t", "o", published, "hunan", "simplified")


def test_date_problem_rules() -> None:
    # a year's actual needs a source published after the year ends
    assert date_problem(Period.parse("2024"), _src("2023-06-01")) is not None
    assert date_problem(Period.parse("2024"), _src("2024-12-31")) is None  # ends on that day
    assert date_problem(Period.parse("2024"), _src("2025")) is None
    # a Jan–Nov cumulative figure can be published in December
    assert date_problem(Period.parse("2020M01-M11"), _src("2020-12-10")) is None
    assert date_problem(Period.parse("2020M01-M11"), _src("2020-11-29")) is not None
    # only the month known: its first day counts (2020-12-01 is after 2020-11-30)
    assert date_problem(Period.parse("2020M01-M11"), _src("2020-12")) is None
    assert date_problem(Period.parse("2020"), _src("2020-12")) is not None


@pytest.mark.parametrize(
    ("quote", "figure", "bound", "flagged"),
    [
        ("地区生产总值总量突破5万亿元", "5万亿元", Bound.EXACT, True),
        ("地区生产总值总量突破5万亿元", "突破5万亿元", Bound.MORE_THAN, False),
        ("总产值约2900亿元", "2900亿元", Bound.EXACT, True),
        ("质量合格率保持在95%以上", "95%", Bound.EXACT, True),
        ("增长7.2%左右", "7.2%", Bound.EXACT, True),
        ("营业收入超过2200亿元", "2200亿元", Bound.EXACT, True),
        ("签约300亿元", "300亿元", Bound.EXACT, False),  # 约 inside 签约
        ("总数达1041家", "1041家", Bound.EXACT, False),  # 达 reports a level reached
    ],
)
def test_qualifier_problem(quote: str, figure: str, bound: Bound, flagged: bool) -> None:
    problem = qualifier_problem(quote, figure, quote.index(figure), bound)
    assert (problem is not None) is flagged, problem


# --- load errors, one line each, naming file, record and field


def test_user_outcome_record_loads(tmp_path: Path) -> None:
    cat = _load(tmp_path, SOURCE, RECORD)
    o = cat.get("u-zz-gdp-2023")
    assert cat.is_outcome(o) and cat.reliability(o) is Reliability.OFFICIAL_BULLETIN


def test_unknown_reliability(tmp_path: Path) -> None:
    err = _error(tmp_path, {**SOURCE, "reliability": "blog"}, RECORD)
    assert (err.record, err.field) == ("u-zz-bulletin-2023", "reliability")
    assert "official_bulletin, official_press, media_report, aggregator" in str(err)
    assert str(tmp_path / "outcomes.toml") in str(err)


def test_actual_published_before_its_period_ends(tmp_path: Path) -> None:
    err = _error(tmp_path, {**SOURCE, "published": "2023-06-01"}, RECORD)
    assert (err.record, err.field) == ("u-zz-gdp-2023", "period")
    assert "2023-12-31" in str(err) and "2023-06-01" in str(err)


def test_qualifier_left_out_of_the_record(tmp_path: Path) -> None:
    rec = {**RECORD, "quote": "全市地区生产总值突破3800亿元"}
    err = _error(tmp_path, SOURCE, rec)
    assert (err.record, err.field) == ("u-zz-gdp-2023", "bound")
    assert "'突破'" in str(err)


def test_outcome_source_needs_url_and_date(tmp_path: Path) -> None:
    src = {k: v for k, v in SOURCE.items() if k != "url"}
    err = _error(tmp_path, src, RECORD)
    assert err.field == "url"
    err = _error(tmp_path, {**SOURCE, "published": "undated"}, RECORD)
    assert err.field == "published"


def test_bad_gap(tmp_path: Path) -> None:
    gap = {"id": "g1", "region": "zhuzhou", "indicator": "no_such", "period": "2023"}
    path = _write(tmp_path, ("gap", {**gap, "searched": "x"}))
    with pytest.raises(CatalogError) as exc:
        load_catalog([path])
    assert (exc.value.record, exc.value.field) == ("g1", "indicator")
    path = _write(tmp_path, ("gap", {**gap, "indicator": "gdp"}))
    with pytest.raises(CatalogError) as exc:
        load_catalog([path])
    assert exc.value.field == "searched"
