"""series(): one region's indicator by period; the whole by default, parts when asked."""

from __future__ import annotations

from pathlib import Path

import pytest

import regiondev
from regiondev._catalog import Catalog, load_catalog
from regiondev._series import Series, series
from tests.user_catalogs import SOURCE, gdp

USER = SOURCE + "".join(
    gdp(oid, value, subject=subject, breakdown=breakdown)
    for oid, value, subject, breakdown in (
        ("x-city", 3925.5, "", ""),
        ("x-liling", 812.3, "liling", ""),
        ("x-secondary", 1712.4, "", "sector=secondary"),
    )
)


@pytest.fixture(scope="module")
def cat(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    path = tmp_path_factory.mktemp("s") / "user.toml"
    path.write_text(USER, encoding="utf-8")
    return load_catalog([path])


def test_shipped_series_is_of_the_whole() -> None:
    s = regiondev.series("zhuzhou", "gdp")
    assert isinstance(s, Series) and s.part == "whole"
    assert [o.id for o in s] == ["zz21-gdp-2020", "zz21-gdp-2021q1-q3", "zz21-gdp-target-2025"]
    assert (
        repr(s)
        == "Series(zhuzhou, gdp, [2020: 突破3000亿元, 2021Q1-Q3: 2487.1亿元, 2025: 迈上5000亿元])"
    )
    frame = s.to_frame()
    assert frame.columns[:4] == ["period", "subject", "breakdown", "status"]
    assert frame["subject"].to_list() == ["", "", ""]


def test_default_leaves_out_the_parts(cat: Catalog) -> None:
    s = series("zhuzhou", "gdp", cat=cat)
    # one 2023 point: the city's 3925.5, not the county's 812.3 or the secondary sector's
    assert [o.id for o in s if str(o.period) == "2023"] == ["x-city"]
    assert "2023: 3925.5亿元" in repr(s) and "812.3" not in repr(s)


def test_a_subject_or_a_breakdown_is_its_own_series(cat: Catalog) -> None:
    liling = series("zhuzhou", "gdp", cat=cat, subject="liling")
    assert [o.id for o in liling] == ["x-liling"]
    assert repr(liling) == "Series(zhuzhou, gdp, subject=liling, [2023 (liling): 812.3亿元])"
    assert liling.title == "Gross regional product (gdp), zhuzhou (subject=liling), unit cny_100m"
    sector = series("zhuzhou", "gdp", cat=cat, breakdown="sector=secondary")
    assert sector.to_frame().select("subject", "breakdown", "value").rows() == [
        ("", "sector=secondary", 1712.4)
    ]


def test_parts_true_gives_the_whole_and_every_part(cat: Catalog) -> None:
    s = series("zhuzhou", "gdp", cat=cat, parts=True)
    rows = [r for r in s.to_frame().iter_rows(named=True) if r["period"] == "2023"]
    # sorted by period, then subject and breakdown: the whole (both blank) first
    assert [(r["subject"], r["breakdown"], r["value"]) for r in rows] == [
        ("", "", 3925.5),
        ("", "sector=secondary", 1712.4),
        ("liling", "", 812.3),
    ]
    text = repr(s)
    assert text.startswith("Series(zhuzhou, gdp, parts=True, [2020 (whole): 突破3000亿元")
    assert "2023 (sector=secondary): 1712.4亿元, 2023 (liling): 812.3亿元" in text


def test_unknown_part_names_the_parts_on_record(cat: Catalog) -> None:
    with pytest.raises(ValueError, match="parts on record: liling; sector=secondary"):
        series("zhuzhou", "gdp", cat=cat, subject="醴陵")
    with pytest.raises(ValueError, match="parts=True already gives every part"):
        series("zhuzhou", "gdp", cat=cat, subject="liling", parts=True)


def test_user_file_reaches_the_series(tmp_path: Path) -> None:
    path = tmp_path / "user.toml"
    path.write_text(USER, encoding="utf-8")
    s = series("zhuzhou", "gdp", [path], subject="liling")
    assert [o.value for o in s] == [812.3]
