"""Compounding checks found on their own (analysis/compounding.py, checks/chains.py)."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from regiondev._catalog import load_catalog
from regiondev.analysis.checks import CheckStatus
from regiondev.analysis.compounding import PREFIX, discover_compounding, month_span
from regiondev.analysis.consistency import check
from regiondev.errors import CatalogError
from regiondev.model import Period
from tests.user_catalogs import SOURCE


def _obs(oid: str, indicator: str, period: str, value: float, unit: str, **extra: Any) -> str:
    figure = f"{value:g}" + {"cny_100m": "亿元", "percent": "%", "enterprises": "家"}[unit]
    basis = {"cny_100m": "nominal", "percent": "real", "enterprises": "not_applicable"}[unit]
    record = {
        "id": oid,
        "source": "x-bulletin",
        "region": "zhuzhou",
        "indicator": indicator,
        "status": "actual",
        "period": period,
        "figure": figure,
        "value": value,
        "unit": unit,
        "bound": "exact",
        "basis": extra.pop("basis", basis),
        "quote": f"…{figure}",
        **extra,
    }
    return "\n" + tomli_w.dumps({"observation": [record]})


def _catalog(tmp_path: Path, *records: str) -> Path:
    p = tmp_path / "bulletin.toml"
    p.write_text(SOURCE + "".join(records), encoding="utf-8")
    return p


# Zhuzhou's 2021 statistical bulletin (later official figures; see the outcomes research):
# 地区生产总值3420.3亿元, 增长8.3%, 比2019年增长12.7%, 两年平均增长6.2%; 2020: 3105.8亿元, 增长4.1%.
BULLETIN = (
    _obs("x-gdp-2021", "gdp", "2021", 3420.3, "cny_100m"),
    _obs("x-gdp-2020", "gdp", "2020", 3105.8, "cny_100m"),
    _obs("x-growth-2021", "gdp_growth", "2021", 8.3, "percent"),
    _obs("x-growth-2020", "gdp_growth", "2020", 4.1, "percent"),
    _obs("x-growth-since-2019", "gdp_growth", "2021", 12.7, "percent", relative_to="2019"),
    _obs("x-avg2-2021", "gdp_growth_two_year_avg", "2021", 6.2, "percent"),
)


@pytest.fixture(scope="module")
def bulletin(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return load_catalog([_catalog(tmp_path_factory.mktemp("b"), *BULLETIN)])


def test_discovery_finds_each_form(bulletin: Any) -> None:
    found = {r.id: r for r in discover_compounding(bulletin) if "-x-" in r.id}
    assert set(found) == {
        PREFIX + "two-year-x-avg2-2021",
        PREFIX + "base-year-x-growth-since-2019",
        PREFIX + "prior-x-growth-2021",
    }
    assert found[PREFIX + "base-year-x-growth-since-2019"].roles["rates"] == (
        "x-growth-2020",
        "x-growth-2021",
    )


def test_base_year_growth_against_the_chain_of_annual_rates(bulletin: Any) -> None:
    v = check(bulletin).get(PREFIX + "base-year-x-growth-since-2019")
    # 1.041 × 1.083 − 1 = 1.127403 − 1 = 12.74 %; with rounding 1.0405 × 1.0825 = 1.12634 and
    # 1.0415 × 1.0835 = 1.12847 → [12.63, 12.85) % against 12.7 % ([12.65, 12.75)) → pass
    assert v.kind == "base_year_growth" and v.status is CheckStatus.PASS
    assert math.isclose(v.expected_low, (1.041 * 1.083 - 1) * 100)
    assert set(v.observation_ids) == {"x-growth-since-2019", "x-growth-2020", "x-growth-2021"}


def test_two_year_average_found_and_checked(bulletin: Any) -> None:
    v = check(bulletin).get(PREFIX + "two-year-x-avg2-2021")
    # √(1.041 × 1.083) − 1 = √1.127403 − 1 = 6.18 %, inside [6.15, 6.25) → pass
    assert v.kind == "growth_compounding" and v.status is CheckStatus.PASS
    assert math.isclose(v.expected_low, (math.sqrt(1.041 * 1.083) - 1) * 100)


def test_prior_level_reports_the_implied_deflator(bulletin: Any) -> None:
    # compared with every 2020 level on record: zz21's 突破3000亿元 first, then 3105.8
    rid = PREFIX + "prior-x-growth-2021:x-gdp-2020"
    plain = check(bulletin).get(rid)
    # nominal levels, real growth, no deflator assumed: not comparable, but the figures imply
    # 3420.3 / 3105.8 / 1.083 − 1 = 1.101262 / 1.083 − 1 = 1.686 % (shown as 1.69%)
    assert plain.status is CheckStatus.NOT_COMPARABLE and "1.69%" in plain.message
    v = check(bulletin, deflator=0.02).get(rid)
    # at a guessed 2 % the prior level would be 3420.3 / (1.083 × 1.02) = 3096.25 against
    # 3105.8: a fail on the guess. The honest verdict is on the implied deflator, 1.69 %
    # ([1.63, 1.74] % with rounding: 3420.25/3105.85/1.0835 and 3420.35/3105.75/1.0825), inside
    # the plausible −2 % .. 6 % → pass
    assert v.status is CheckStatus.PASS
    assert math.isclose(v.expected_low, (3420.3 / 3105.8 / 1.083 - 1) * 100)
    assert (v.actual_low, v.actual_high) == (-2.0, 6.0)
    assert "3096.25" in v.message and "1.69%" in v.message
    # a stated range the implied deflator misses fails: 1.69 % is below 2 %..6 %
    off = check(bulletin, deflator=0.02, deflator_range=(0.02, 0.06))
    assert off.get(rid).status is CheckStatus.FAIL


def test_level_plus_additions_against_a_later_level(tmp_path: Path) -> None:
    pilots = "smart_mfg_pilots_city_and_above"
    cat = load_catalog(
        [
            _catalog(
                tmp_path,
                _obs("x-pilots-2020", pilots, "2020", 1041, "enterprises"),
                _obs("x-pilots-new-h1", pilots, "2021M01-M06", 213, "enterprises", increment=True),
                _obs("x-pilots-2021-06", pilots, "2021-06-30", 1200, "enterprises"),
            )
        ]
    )
    v = check(cat).get(PREFIX + "additions-x-pilots-2021-06-x-pilots-2020")
    # 1041 + 213 = 1254 (whole counts, exact) against a stated 1200 → fail
    assert v.kind == "level_additions" and v.status is CheckStatus.FAIL
    assert v.expected_low == v.expected_high == 1254.0
    assert "1041家 + 213家 = 1254" in v.expected


def test_average_over_a_span_against_its_end_levels(tmp_path: Path) -> None:
    cat = load_catalog(
        [
            _catalog(
                tmp_path,
                _obs("x-gdp-2015", "gdp", "2015", 2000, "cny_100m"),
                _obs("x-gdp-2020", "gdp", "2020", 3000, "cny_100m"),
                _obs("x-avg", "gdp_growth", "2016-2020", 8.4, "percent", basis="nominal"),
            )
        ]
    )
    v = check(cat).get(PREFIX + "average-x-avg")
    # (3000 / 2000)^(1/5) − 1 = 1.5^0.2 − 1 = 8.447 %, inside [8.35, 8.45) → pass
    assert v.status is CheckStatus.PASS
    assert math.isclose(v.expected_low, (1.5**0.2 - 1) * 100)


def test_shipped_catalog_gains_no_duplicate_of_a_declared_rule() -> None:
    ids = [v.check_id for v in check()]
    # zz21's two-year average is declared; the discovered twin is dropped
    assert not any(i.startswith(PREFIX + "two-year-zz21") for i in ids)
    assert len(ids) == len(set(ids))


def test_month_spans() -> None:
    # 2020 covers Jan..Dec 2020; 2021M01-M06 starts the month after; 30 June is a month's end
    assert month_span(Period.parse("2020")) == (2020 * 12 + 1, 2020 * 12 + 12)
    assert month_span(Period.parse("2021M01-M06")) == (2021 * 12 + 1, 2021 * 12 + 6)
    assert month_span(Period.parse("2021-06-30")) == (2021 * 12 + 6, 2021 * 12 + 6)
    assert month_span(Period.parse("2021-11-17")) is None


@pytest.mark.parametrize(
    ("extra", "problem"),
    [
        ({"relative_to": "2022"}, "earlier year"),
        ({"relative_to": "2019M01-M06"}, "same kind of period"),
        ({"relative_to": 2019.5}, "expected a period"),
    ],
)
def test_relative_to_is_validated(tmp_path: Path, extra: dict[str, Any], problem: str) -> None:
    p = _catalog(tmp_path, _obs("x-g", "gdp_growth", "2021", 12.7, "percent", **extra))
    with pytest.raises(CatalogError, match=problem) as err:
        load_catalog([p])
    assert "relative_to" in str(err.value) and "x-g" in str(err.value)


def test_relative_to_only_on_growth(tmp_path: Path) -> None:
    p = _catalog(tmp_path, _obs("x-l", "gdp", "2021", 3420.3, "cny_100m", relative_to="2019"))
    with pytest.raises(CatalogError, match="only a growth rate"):
        load_catalog([p])
