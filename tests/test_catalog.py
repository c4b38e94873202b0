"""Catalog loading and validation: every error names the file, the record and the field."""

from __future__ import annotations

import hashlib
import math
from pathlib import Path
from typing import Any

import pytest

import regiondev
from regiondev._catalog import CATALOG_SCHEMA, WAIVER_CATEGORIES, load_catalog
from regiondev._catalog import catalog as catalog_frame
from regiondev._sources import verify
from regiondev.errors import CatalogError, SourceError
from regiondev.model import Bound, Region, Review, Source, Status

# A valid user record: a second reading of cs21's 2020 industrial value added.
GOOD: dict[str, Any] = {
    "id": "user-cs21-va",
    "source": "cs21",
    "region": "changsha",
    "indicator": "industrial_va",
    "status": "actual",
    "period": "2020",
    "figure": "约2300亿元",
    "value": 2300,
    "unit": "cny_100m",
    "bound": "approx",
    "basis": "nominal",
    "quote": "2020年,长沙市规模工业增加值约2300亿元",
}


def _toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return repr(v)
    return '"' + str(v).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _table(name: str, rec: dict[str, Any]) -> str:
    return f"[[{name}]]\n" + "".join(f"{k} = {_toml_value(v)}\n" for k, v in rec.items())


def _write(tmp_path: Path, *tables: tuple[str, dict[str, Any]], name: str = "user.toml") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(_table(n, r) for n, r in tables), encoding="utf-8")
    return path


def _record(**changes: Any) -> dict[str, Any]:
    rec = dict(GOOD)
    for k, v in changes.items():
        if v is None:
            rec.pop(k, None)
        else:
            rec[k] = v
    return rec


def _error(tmp_path: Path, **changes: Any) -> CatalogError:
    path = _write(tmp_path, ("observation", _record(**changes)))
    with pytest.raises(CatalogError) as exc:
        load_catalog([path])
    err = exc.value
    assert err.file == str(path)
    assert str(path) in str(err)
    return err


def test_good_user_record_loads(tmp_path: Path) -> None:
    cat = load_catalog([_write(tmp_path, ("observation", GOOD))])
    obs = cat.get("user-cs21-va")
    assert obs.region is Region.CHANGSHA
    assert obs.status is Status.ACTUAL
    assert obs.bound is Bound.APPROX
    assert (obs.low, obs.high) == pytest.approx((2185, 2415))  # 2300 ± 5 %
    assert obs.figure_start >= 0
    # the shipped records are all still there
    assert cat.get("cs21-industrial-va-2020").value == 2300


def test_user_file_is_never_modified(tmp_path: Path) -> None:
    path = _write(tmp_path, ("observation", GOOD))
    before = path.read_bytes()
    load_catalog([path])
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("changes", "field", "says"),
    [
        ({"quote": "长沙市规模工业增加值约2300亿元人民币"}, "quote", "not found"),
        ({"figure": "约2400亿元"}, "figure", "does not occur in the quote"),
        ({"value": 2400}, "value", "reads 2300"),
        ({"value": "2300"}, "value", "expected a finite number"),
        ({"bound": "exact"}, "bound", "reads 'approx'"),
        ({"bound": "roughly"}, "bound", "is not one of"),
        ({"unit": "yuan"}, "unit", "unknown unit"),
        ({"unit": "percent"}, "unit", "differs from indicator"),
        ({"indicator": "no_such_indicator"}, "indicator", "unknown indicator"),
        ({"period": "2020Q5"}, "period", "is not one of"),
        ({"period": "2021-2019"}, "period", "span must run forward"),
        ({"region": "beijing"}, "region", "is not one of"),
        ({"status": "planned"}, "status", "is not one of"),
        ({"source": "zz99"}, "source", "unknown source"),
        ({"basis": None}, "basis", "required"),
        ({"colour": "red"}, "colour", "unknown field"),
        ({"id": "cs21-industrial-va-2020"}, "id", "duplicate id"),
        ({"figure": "abc", "quote": "abc"}, "figure", "not a numeric expression"),
    ],
    ids=lambda x: x if isinstance(x, str) else None,
)
def test_validation_errors(tmp_path: Path, changes: dict[str, Any], field: str, says: str) -> None:
    err = _error(tmp_path, **changes)
    assert err.field == field
    assert says in str(err)
    if changes.get("id") != "cs21-industrial-va-2020":
        assert err.record == "user-cs21-va"


def test_quote_not_unique(tmp_path: Path) -> None:
    # 19万亿元 is printed twice in cn22; the quote must pin one of them down.
    err = _error(
        tmp_path,
        source="cn22",
        region="china",
        indicator="cluster_leading_output",
        period="2021",
        figure="19万亿元",
        value=190000,
        bound="exact",
        quote="主导产业产值达19万亿元",
    )
    assert err.field == "quote"
    assert "occurs 2 times" in str(err)


def test_figure_twice_in_quote_needs_figure_occurrence(tmp_path: Path) -> None:
    rec = {
        "source": "zz21",
        "region": "zhuzhou",
        "indicator": "water_quality_class",
        "period": "2020",
        "figure": "Ⅱ类",
        "value": 2,
        "unit": "grade",
        "bound": "exact",
        "basis": "not_applicable",
        "quote": "渌江水质2020年提升到Ⅱ类,实现“全域Ⅱ类水”",
    }
    err = _error(tmp_path, **rec)
    assert err.field == "figure"
    assert "figure_occurrence" in str(err)
    err = _error(tmp_path, **rec, figure_occurrence=3)
    assert err.field == "figure_occurrence"


def test_figure_next_to_a_damaged_run_is_accepted(tmp_path: Path) -> None:
    # cn22: 19个?。ㄗ灾螀^ — the figure 19个 ends right before the damaged run.
    path = _write(
        tmp_path,
        (
            "observation",
            _record(
                source="cn22",
                region="china",
                indicator="national_cluster_provinces",
                period="2022-11-30",
                figure="19个",
                value=19,
                unit="items",
                bound="exact",
                basis="not_applicable",
                quote="涉及19个?。ㄗ灾螀^",
            ),
        ),
    )
    assert load_catalog([path]).get("user-cs21-va").figure == "19个"


def test_figure_inside_a_damaged_run_is_refused(tmp_path: Path) -> None:
    # A user text with a damaged run ?5家企螀^ (a lost byte, then misaligned GBK): the 5家
    # inside it is mojibake, not a figure.
    text = tmp_path / "damaged.txt"
    text.write_text("全市共有?5家企螀^(qū)业。\n", encoding="utf-8")
    src = {
        "id": "dmg",
        "title": "t",
        "outlet": "o",
        "published": "2021-01-01",
        "file": text.name,
        "sha256": hashlib.sha256(text.read_bytes()).hexdigest(),
    }
    rec = _record(
        id="dmg-1",
        source="dmg",
        indicator="industrial_enterprises",
        period="2021",
        figure="5家",
        value=5,
        unit="enterprises",
        bound="exact",
        basis="not_applicable",
        quote="共有?5家企",
    )
    path = _write(tmp_path, ("source", src), ("observation", rec))
    with pytest.raises(CatalogError) as exc:
        load_catalog([path])
    assert exc.value.field == "figure"
    assert "damaged run" in str(exc.value)


def test_draft_records_are_refused_unless_allowed(tmp_path: Path) -> None:
    path = _write(tmp_path, ("observation", _record(review="draft")))
    with pytest.raises(CatalogError) as exc:
        load_catalog([path])
    assert exc.value.field == "review"
    assert "draft" in str(exc.value)
    cat = load_catalog([path], allow_drafts=True)
    assert cat.get("user-cs21-va").review is Review.DRAFT


def test_missing_catalog_file(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="no such catalog file"):
        load_catalog([tmp_path / "missing.toml"])


def test_invalid_toml(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("[[observation]\nid = ", encoding="utf-8")
    with pytest.raises(CatalogError, match="not valid TOML"):
        load_catalog([path])


# ---------------------------------------------------------------------------------------------
# Sources in user catalogs


def _text_file(tmp_path: Path) -> tuple[Path, str]:
    text = tmp_path / "bulletin.txt"
    text.write_text("2022年,长沙市地区生产总值13966.1亿元,增长4.5%。\n", encoding="utf-8")
    return text, hashlib.sha256(text.read_bytes()).hexdigest()


SOURCE = {
    "id": "bull22",
    "title": "长沙市2022年国民经济和社会发展统计公报",
    "outlet": "长沙市统计局",
    "published": "2023-03-31",
    "region": "changsha",
    "kind": "bulletin",
}
OBS = {
    "id": "bull22-gdp-2022",
    "source": "bull22",
    "region": "changsha",
    "indicator": "gdp",
    "status": "actual",
    "period": "2022",
    "figure": "13966.1亿元",
    "value": 13966.1,
    "unit": "cny_100m",
    "bound": "exact",
    "basis": "nominal",
    "quote": "长沙市地区生产总值13966.1亿元",
}


def test_user_source_with_text_file(tmp_path: Path) -> None:
    text, digest = _text_file(tmp_path)
    src = {**SOURCE, "file": text.name, "sha256": digest}
    cat = load_catalog([_write(tmp_path, ("source", src), ("observation", OBS))])
    assert cat.get("bull22-gdp-2022").figure_start >= 0


DECLINE = {
    "id": "bull22-va-growth-2022",
    "source": "bull22",
    "region": "changsha",
    "indicator": "industrial_va_growth",
    "status": "actual",
    "period": "2022",
    "figure": "下降3.1%",
    "value": -3.1,
    "unit": "percent",
    "bound": "exact",
    "basis": "real",
    "quote": "2022年,长沙市规模工业增加值同比下降3.1%",
}


def test_user_catalog_records_a_decline(tmp_path: Path) -> None:
    from regiondev._audit import audit

    text = tmp_path / "bulletin.txt"
    text.write_text("2022年,长沙市规模工业增加值同比下降3.1%。\n", encoding="utf-8")
    digest = hashlib.sha256(text.read_bytes()).hexdigest()
    src = {**SOURCE, "file": text.name, "sha256": digest, "kind": "news"}  # audited
    path = _write(tmp_path, ("source", src), ("observation", DECLINE))
    cat = load_catalog([path])
    obs = cat.get("bull22-va-growth-2022")
    # a decline of 3.1 % is a growth of −3.1 %, exact: [−3.1, −3.1]
    assert (obs.value, obs.low, obs.high, obs.step) == (-3.1, -3.1, -3.1, pytest.approx(0.1))
    assert obs.figure_start >= 0
    # the audit reads the same token (下降3.1%) and finds it cataloged
    mine = [e for e in audit(cat).entries if e.source == "bull22"]
    assert [(e.token, e.status.value) for e in mine] == [
        ("2022年", "cataloged"),
        ("下降3.1%", "cataloged"),
    ]
    # the sign is checked like any value: 3.1 is not what 下降3.1% says
    path.write_text(path.read_text(encoding="utf-8").replace("-3.1", "3.1"), encoding="utf-8")
    with pytest.raises(CatalogError, match=r"reads -3\.1"):
        load_catalog([path])


def test_changed_seed_file_names_the_file(tmp_path: Path) -> None:
    text, digest = _text_file(tmp_path)
    wrong = "0" * 64
    src = {**SOURCE, "file": text.name, "sha256": wrong}
    path = _write(tmp_path, ("source", src), ("observation", OBS))
    with pytest.raises(CatalogError) as exc:
        load_catalog([path])
    err = exc.value
    assert isinstance(err.__cause__, SourceError)
    assert str(text) in str(err)
    assert digest in str(err) and wrong in str(err)
    # the registry's own check raises SourceError directly
    with pytest.raises(SourceError, match=text.name):
        verify(Source("x", "t", "o", "2023", "changsha", "simplified", str(text), wrong))


def test_missing_source_file(tmp_path: Path) -> None:
    src = {**SOURCE, "file": "nope.txt", "sha256": "0" * 64}
    with pytest.raises(CatalogError, match=r"nope\.txt"):
        load_catalog([_write(tmp_path, ("source", src), ("observation", OBS))])


def test_external_source_with_url_loads(tmp_path: Path) -> None:
    src = {**SOURCE, "url": "http://tjj.changsha.gov.cn/tjxx/tjsj/tjgb/"}
    cat = load_catalog([_write(tmp_path, ("source", src), ("observation", OBS))])
    obs = cat.get("bull22-gdp-2022")
    assert obs.value == 13966.1
    assert obs.figure_start == -1  # no text to place the quote in
    assert cat.source("bull22").url.startswith("http")
    frame = cat.frame()
    assert frame.filter(frame["id"] == "bull22-gdp-2022")["quote_raw"].to_list() == [""]


def test_duplicate_source_id(tmp_path: Path) -> None:
    src = {**SOURCE, "id": "cs21", "url": "http://example.org"}
    with pytest.raises(CatalogError, match="duplicate source id"):
        load_catalog([_write(tmp_path, ("source", src))])


# ---------------------------------------------------------------------------------------------
# Waivers


def test_waiver_errors(tmp_path: Path) -> None:
    base = {"source": "cs21", "quote": "010-65363056", "reason": "phone", "category": "contact"}
    for changes, field in [
        ({"category": "misc"}, "category"),
        ({"reason": ""}, "reason"),
        ({"quote": "不存在的电话010-00000000"}, "quote"),
        ({"quote": "1+2+N"}, "quote"),  # printed twice; needs all = true
    ]:
        path = _write(tmp_path, ("waiver", {**base, **changes}))
        with pytest.raises(CatalogError) as exc:
            load_catalog([path])
        assert exc.value.field == field


def test_waiver_all_covers_every_occurrence(tmp_path: Path) -> None:
    waiver = {
        "source": "cs21",
        "quote": "1+2+N",
        "all": True,
        "reason": "plan label",
        "category": "plan_structure",
    }
    cat = load_catalog([_write(tmp_path, ("waiver", waiver))])
    mine = [w for w in cat.waivers if w.origin.endswith("user.toml")]
    assert len(mine) == 2
    assert len({w.start for w in mine}) == 2


# ---------------------------------------------------------------------------------------------
# The shipped catalog


def test_shipped_catalog_loads_and_is_consistent() -> None:
    cat = load_catalog()
    ids = [o.id for o in cat.observations]
    assert len(ids) == len(set(ids))
    assert {o.source for o in cat.observations} >= {"cs21", "csht19", "hn19", "cn22", "zz21"}
    for o in cat.observations:
        ind = cat.indicator(o.indicator)
        assert o.unit == ind.unit
        assert o.low <= o.value <= o.high or o.bound is Bound.RANGE
        if o.status is Status.TARGET or o.increment:
            assert o.quote
        assert not math.isnan(o.value)
    for w in cat.waivers:
        assert w.category in WAIVER_CATEGORIES
        assert w.reason.strip()


def test_growth_rates_are_real_and_levels_nominal() -> None:
    cat = load_catalog()
    for o in cat.observations:
        measure = cat.indicator(o.indicator).measure.value
        if measure in ("gdp", "value_added", "gross_output", "profit", "investment"):
            assert o.basis.value == "nominal", o.id
        if measure in ("count", "share", "rank"):
            assert o.basis.value == "not_applicable", o.id


def test_catalog_frame_schema() -> None:
    frame = catalog_frame()
    assert {name: str(dtype) for name, dtype in frame.schema.items()} == CATALOG_SCHEMA
    assert frame.height == len(load_catalog().observations)
    row = frame.filter(frame["id"] == "cs21-industrial-va-2020").row(0, named=True)
    assert row["quote_raw"] == "2020年,長沙市規(guī)模工業(yè)增加值約2300億元"


def test_public_catalog_function_survives_submodule_import() -> None:
    import importlib

    importlib.import_module("regiondev._catalog")
    assert callable(regiondev.catalog)
    assert regiondev.catalog().height == len(load_catalog().observations)


def test_every_bad_record_of_a_file_is_named_in_one_error(tmp_path: Path) -> None:
    from regiondev.errors import CatalogErrors

    path = _write(
        tmp_path,
        ("observation", _record(id="user-a", unit="itemz")),
        ("observation", _record(id="user-b", period="2020Q5")),
        ("observation", _record(id="user-c")),
    )
    with pytest.raises(CatalogErrors) as exc:
        load_catalog([path])
    err = exc.value
    assert [(e.record, e.field) for e in err.errors] == [("user-a", "unit"), ("user-b", "period")]
    assert str(err).startswith("2 catalog records failed validation:")
    assert (err.file, err.record, err.field) == (str(path), "user-a", "unit")


def test_an_empty_required_field_says_to_fill_it_in(tmp_path: Path) -> None:
    err = _error(tmp_path, period="")
    assert (err.field, err.problem) == ("period", "is empty: fill it in")


# ---------------------------------------------------------------------------------------------
# What `regiondev extract --as-catalog` leaves for a person to fill in


def test_a_source_still_holding_fill_in_markers_is_refused(tmp_path: Path) -> None:
    from regiondev.errors import CatalogErrors

    src = {
        **SOURCE,
        "outlet": "unknown (fill in)",
        "published": "undated (fill in)",
        "date_evidence": "no date found (fill in): where the date comes from",
        "url": "http://example.org",
    }
    path = _write(tmp_path, ("source", src), ("observation", OBS))
    with pytest.raises(CatalogErrors) as exc:
        load_catalog([path])
    assert [(e.file, e.record, e.field) for e in exc.value.errors] == [
        (str(path), "bull22", "outlet"),
        (str(path), "bull22", "published"),
        (str(path), "bull22", "date_evidence"),
    ]
    assert "'unknown (fill in)'" in str(exc.value) and "publisher" in str(exc.value)
    # published "undated" (as the hint says, or as older drafts wrote it) with the evidence
    # still to fill in: one error, on date_evidence, that does not call "undated" a placeholder
    for evidence in (
        "no date found (fill in): where the date comes from",
        "no date found; fill in",
    ):
        old = {**src, "outlet": "湖南日报", "published": "undated", "date_evidence": evidence}
        path = _write(tmp_path, ("source", old), ("observation", OBS))
        err = _error_at(path)
        assert (err.file, err.record, err.field) == (str(path), "bull22", "date_evidence")
        assert err.problem.startswith('published is "undated", but date_evidence still holds')
        assert repr(evidence) in err.problem
        assert "'undated'" not in err.problem
    # a source that is really undated, with its evidence (like the shipped hn19), loads
    undated = {**SOURCE, "published": "undated", "date_evidence": "no date printed; Dec 2019"}
    undated["url"] = "http://example.org"
    cat = load_catalog([_write(tmp_path, ("source", undated), ("observation", OBS))])
    assert cat.source("bull22").published == "undated"
    assert cat.source("hn19").published == "undated"
    # while drafts are allowed, the markers are too
    drafted = load_catalog(
        [_write(tmp_path, ("source", src), ("observation", OBS))], allow_drafts=True
    )
    assert drafted.source("bull22").outlet == "unknown (fill in)"


MY_INDICATOR = {
    "name_zh": "规模工业增加值(我的)",
    "name_en": "Industrial value added (mine)",
    "measure": "value_added",
    "unit": "cny_100m",
}


def test_a_confirmed_record_on_a_placeholder_indicator_is_refused(tmp_path: Path) -> None:
    placeholder = {**MY_INDICATOR, "code": "draft_user_001"}
    path = _write(
        tmp_path,
        ("indicator", placeholder),
        ("observation", _record(indicator="draft_user_001")),
    )
    err = _error_at(path)
    assert (err.file, err.record, err.field) == (str(path), "user-cs21-va", "indicator")
    assert "'draft_user_001' is a placeholder" in err.problem
    assert "replace it with a real indicator code" in err.problem
    # still a draft and drafts allowed: the placeholder is what a draft holds
    draft = _write(
        tmp_path,
        ("indicator", placeholder),
        ("observation", _record(indicator="draft_user_001", review="draft")),
    )
    assert load_catalog([draft], allow_drafts=True).get("user-cs21-va").indicator == (
        "draft_user_001"
    )
    # a user's own indicator under any other code loads
    mine = {**MY_INDICATOR, "code": "my_industrial_va"}
    ok = _write(
        tmp_path, ("indicator", mine), ("observation", _record(indicator="my_industrial_va"))
    )
    assert load_catalog([ok]).get("user-cs21-va").indicator == "my_industrial_va"


def _error_at(path: Path) -> CatalogError:
    with pytest.raises(CatalogError) as exc:
        load_catalog([path])
    return exc.value


def test_one_load_names_every_problem_of_every_record(tmp_path: Path) -> None:
    from regiondev.errors import CatalogErrors

    broken_source = {**SOURCE, "id": "bull99", "file": "nope.txt", "sha256": "0" * 64}
    path = _write(
        tmp_path,
        ("source", broken_source),
        ("observation", _record(id="user-a", review="draft", region="湘潭", period="")),
        ("observation", _record(id="user-b", review="draft", value=2400)),
        # its source failed (named above): not also called unknown
        ("observation", {**OBS, "id": "user-c", "source": "bull99"}),
    )
    with pytest.raises(CatalogErrors) as exc:
        load_catalog([path])
    assert [(e.record, e.field) for e in exc.value.errors] == [
        ("bull99", "source"),
        ("user-a", "period"),
        ("user-a", "review"),
        ("user-a", "region"),
        ("user-b", "review"),
        ("user-b", "value"),
    ]
    assert str(exc.value).startswith("6 problems in 3 catalog records failed validation:")
    assert "nope.txt" in str(exc.value) and "reads 2300" in str(exc.value)


# ---------------------------------------------------------------------------------------------
# Every problem of every file, each named once


def test_a_waiver_of_a_broken_source_is_not_also_called_unknown(tmp_path: Path) -> None:
    text, digest = _text_file(tmp_path)
    src = {**SOURCE, "file": text.name, "sha256": "0" * 64}  # the sha256 fails
    waiver = {"source": "bull22", "quote": "2022年", "reason": "year", "category": "date"}
    path = _write(tmp_path, ("source", src), ("observation", OBS), ("waiver", waiver))
    err = _error_at(path)
    # one problem: the source's (neither the observation nor the waiver is told it is unknown)
    assert type(err) is CatalogError
    assert (err.record, err.field) == ("bull22", "source")
    assert digest in err.problem
    # an unknown source reads the same for a waiver and an observation
    known = ", ".join(sorted(s.id for s in load_catalog().sources))
    unknown = f"unknown source 'zz99'; known: {known}"
    path = _write(tmp_path, ("waiver", {**waiver, "source": "zz99"}))
    assert (_error_at(path).field, _error_at(path).problem) == ("source", unknown)
    path = _write(tmp_path, ("observation", _record(source="zz99")))
    assert (_error_at(path).field, _error_at(path).problem) == ("source", unknown)


@pytest.mark.parametrize(
    ("changes", "field", "says"),
    [
        (
            {"figure_occurrence": "two"},
            "figure_occurrence",
            "expected an integer ≥ 1, got a string 'two'",
        ),
        (
            {"figure_occurrence": 0},
            "figure_occurrence",
            "expected an integer ≥ 1, got an integer 0",
        ),
        (
            {"figure_occurrence": 1.0},
            "figure_occurrence",
            "expected an integer ≥ 1, got a number 1.0",
        ),
        (
            {"figure_occurrence": True},
            "figure_occurrence",
            "expected an integer ≥ 1, got a boolean True",
        ),
        ({"value": "13966.1"}, "value", "expected a finite number, got '13966.1'"),
        ({"aspirational": "false"}, "aspirational", "expected true or false, got a string 'false'"),
        ({"increment": 1}, "increment", "expected true or false, got an integer 1"),
        ({"subject": 5}, "subject", "expected a string, got an integer 5"),
        ({"note": ["a"]}, "note", "expected a string, got a list ['a']"),
        ({"review": True}, "review", "expected a string, got a boolean True"),
        ({"indicator": ["gdp"]}, "indicator", "expected a string, got a list ['gdp']"),
        ({"source": ["bull22"]}, "source", "expected a string, got a list ['bull22']"),
        ({"unit": ["cny_100m"]}, "unit", "expected a string, got a list ['cny_100m']"),
        ({"period": [2022]}, "period", "expected a string, got a list [2022]"),
        ({"quote": 13966.1}, "quote", "expected a string, got a number 13966.1"),
    ],
    ids=lambda x: x if isinstance(x, str) else None,
)
def test_a_field_of_the_wrong_type_is_a_named_error(
    tmp_path: Path, changes: dict[str, Any], field: str, says: str
) -> None:
    text, digest = _text_file(tmp_path)  # a source with a file: the figure is placed in it
    src = {**SOURCE, "file": text.name, "sha256": digest}
    path = tmp_path / "user.toml"
    rec = {**OBS, **changes}
    path.write_text(_table("source", src) + _toml_table("observation", rec), encoding="utf-8")
    err = _error_at(path)
    assert type(err) is CatalogError, str(err)
    assert (err.file, err.record, err.field) == (str(path), "bull22-gdp-2022", field)
    assert err.problem == says


def _toml_table(name: str, rec: dict[str, Any]) -> str:
    import tomli_w

    return tomli_w.dumps({name: [rec]})


def test_a_period_written_as_a_year_number_loads(tmp_path: Path) -> None:
    path = tmp_path / "user.toml"
    path.write_text(_toml_table("observation", {**GOOD, "period": 2020}), encoding="utf-8")
    assert str(load_catalog([path]).get("user-cs21-va").period) == "2020"


@pytest.mark.parametrize(
    ("doc", "record", "field", "says"),
    [
        (
            {"observation": "x"},
            "",
            "observation",
            "expected [[observation]] tables, got a string 'x'",
        ),
        (
            {"observation": [1]},
            "observation #1",
            "observation",
            "expected a [[observation]] table, got an integer 1",
        ),
        (
            {"waiver": [{"source": "cs21", "quote": 5, "reason": "r", "category": "date"}]},
            "waiver:5",
            "quote",
            "expected a string, got an integer 5",
        ),
        (
            {
                "waiver": [
                    {
                        "source": "cs21",
                        "quote": "1+2+N",
                        "reason": "r",
                        "category": "plan_structure",
                        "all": "yes",
                    }
                ]
            },
            "waiver:1+2+N",
            "all",
            "expected true or false, got a string 'yes'",
        ),
        (
            {"indicator": [{**MY_INDICATOR, "code": "mine", "unit": ["cny_100m"]}]},
            "mine",
            "unit",
            "expected a string, got a list ['cny_100m']",
        ),
        (
            {"source": [{**SOURCE, "file": 5, "sha256": "0" * 64}]},
            "bull22",
            "file",
            "expected a string, got an integer 5",
        ),
        (
            {"source": [{**SOURCE, "published": 2023}]},
            "bull22",
            "published",
            "expected a date (YYYY-MM-DD) or a string, got an integer 2023",
        ),
        ({"region": 5}, "", "region", "expected a string, got an integer 5"),
    ],
)
def test_a_table_of_the_wrong_type_is_a_named_error(
    tmp_path: Path, doc: dict[str, Any], record: str, field: str, says: str
) -> None:
    import tomli_w

    path = tmp_path / "user.toml"
    path.write_text(tomli_w.dumps(doc), encoding="utf-8")
    err = _error_at(path)
    assert type(err) is CatalogError, str(err)
    assert (err.file, err.record, err.field, err.problem) == (str(path), record, field, says)


def test_a_source_published_as_a_toml_date_loads(tmp_path: Path) -> None:
    import datetime as dt

    import tomli_w

    src = {**SOURCE, "published": dt.date(2023, 3, 31), "url": "http://example.org"}
    path = tmp_path / "user.toml"
    path.write_text(tomli_w.dumps({"source": [src], "observation": [OBS]}), encoding="utf-8")
    assert load_catalog([path]).source("bull22").published == "2023-03-31"


def test_one_load_names_the_problems_of_every_file_even_one_that_is_no_toml(
    tmp_path: Path,
) -> None:
    from regiondev.errors import CatalogErrors

    a = _write(tmp_path, ("observation", _record(id="user-a", value=2400)), name="a.toml")
    b = tmp_path / "b.toml"
    b.write_text('[[observation]]\nid = "user-b"\nvalue = \n', encoding="utf-8")
    missing = tmp_path / "c.toml"
    with pytest.raises(CatalogErrors) as exc:
        load_catalog([a, b, missing])
    errors = exc.value.errors
    assert [(e.file, e.record, e.field) for e in errors] == [
        (str(b), "", ""),
        (str(missing), "", ""),
        (str(a), "user-a", "value"),
    ]
    assert errors[0].problem.startswith("not valid TOML: ") and "(at line 3" in errors[0].problem
    assert errors[1].problem == "no such catalog file"
    assert errors[2].problem == "2400 but the figure '约2300亿元' reads 2300"
    assert str(exc.value).startswith("3 catalog records failed validation:\n")


def test_the_message_lists_every_problem_and_counts_them_by_field(tmp_path: Path) -> None:
    from regiondev.errors import FIELD_SUMMARY_FROM, CatalogErrors

    # 30 records with a wrong value, 3 with a wrong unit too: 33 problems in 30 records
    recs = [("observation", _record(id=f"user-{i:02d}", value=2400)) for i in range(30)]
    for i in range(3):
        recs[i] = ("observation", _record(id=f"user-{i:02d}", value=2400, unit="itemz"))
    with pytest.raises(CatalogErrors) as exc:
        load_catalog([_write(tmp_path, *recs)])
    lines = str(exc.value).splitlines()
    assert FIELD_SUMMARY_FROM <= 33
    assert lines[0] == "33 problems in 30 catalog records failed validation:"
    listed = [line for line in lines if line.startswith("  - ")]
    assert len(listed) == 33 == len(exc.value.errors)
    assert listed[-1].endswith(
        "record 'user-29', field 'value': 2400 but the figure '约2300亿元' reads 2300"
    )
    assert not any("more" in line for line in lines)
    assert lines[-1] == "  by field: value 30, unit 3"
    # a few problems: listed, no count by field
    with pytest.raises(CatalogErrors) as exc:
        load_catalog([_write(tmp_path, *recs[:2])])
    assert str(exc.value).splitlines()[0] == "4 problems in 2 catalog records failed validation:"
    assert "by field" not in str(exc.value)


def test_an_identical_indicator_in_two_files_is_accepted(tmp_path: Path) -> None:
    mine = {**MY_INDICATOR, "code": "my_industrial_va"}
    a = _write(
        tmp_path,
        ("indicator", mine),
        ("observation", _record(indicator="my_industrial_va")),
        name="a.toml",
    )
    b = _write(
        tmp_path,
        ("indicator", mine),
        ("observation", _record(id="user-b", indicator="my_industrial_va")),
        name="b.toml",
    )
    cat = load_catalog([a, b])
    assert cat.indicator("my_industrial_va").name_en == "Industrial value added (mine)"
    assert [cat.get(i).indicator for i in ("user-cs21-va", "user-b")] == ["my_industrial_va"] * 2
    # a different definition under the same code names both files and what differs
    c = _write(tmp_path, ("indicator", {**mine, "measure": "gross_output"}), name="c.toml")
    err = _error_at_all([a, c])
    assert (err.file, err.record, err.field) == (str(c), "my_industrial_va", "code")
    assert err.problem == (
        f"duplicate indicator code, defined differently in {a}: "
        "measure 'value_added' vs 'gross_output'"
    )


def _error_at_all(paths: list[Path]) -> CatalogError:
    with pytest.raises(CatalogError) as exc:
        load_catalog(paths)
    return exc.value


def test_an_actual_increment_loads_and_an_increment_of_a_rate_is_refused(tmp_path: Path) -> None:
    # 新增 N in a report: the number added in the period, a flow like a target's 新增
    path = _write(tmp_path, ("observation", _record(increment=True)))
    obs = load_catalog([path]).get("user-cs21-va")
    assert (obs.status, obs.increment) == (Status.ACTUAL, True)
    rate = {**DECLINE, "increment": True}
    src = {**SOURCE, "url": "http://example.org"}
    err = _error_at(_write(tmp_path, ("source", src), ("observation", rate)))
    assert (err.record, err.field) == ("bull22-va-growth-2022", "increment")
    assert err.problem.startswith("a growth_rate is no flow that adds up")


# --- the targets read again (issue 14): 力争 scope, 提高到 as a floor, platforms


@pytest.mark.parametrize(
    "obs_id",
    [
        "zz21-gdp-target-2025",
        "zz21-tech-progress-target-2025",
        "zz21-trade-dependence-target-2025",
        "zz21-new-thousand-billion-clusters-target",
    ],
)
def test_zz21_targets_after_lizheng_are_aspirational(obs_id: str) -> None:
    # 力争新增2至3个千亿元产业集群,科技进步贡献率超过70%,对外贸易依存度提高到15%,全市经济总量
    # 迈上5000亿元台阶: no 确保 between 力争 and the sentence's end, so all four are aspirational
    o = load_catalog().get(obs_id)
    assert o.status is Status.TARGET and o.aspirational


def test_raised_to_sets_a_floor() -> None:
    o = load_catalog().get("zz21-trade-dependence-target-2025")
    # 提高到15% reads like 达到15%: at least 15, [15, ∞)
    assert (o.figure, o.bound, o.low, o.high) == ("提高到15%", Bound.AT_LEAST, 15.0, math.inf)
    from regiondev.numbers import parse_figure

    assert parse_figure("提高到15%").bound is Bound.AT_LEAST
    assert parse_figure("达到15%").bound is Bound.AT_LEAST


@pytest.mark.parametrize(
    "obs_id",
    [
        "cn22-innovation-centres",
        "cn22-tech-carriers",
        "zz21-innovation-platforms",
        "hn19-new-provincial-innovation-centres-target-2020",
    ],
)
def test_innovation_platforms_are_no_enterprises(obs_id: str) -> None:
    cat = load_catalog()
    o = cat.get(obs_id)
    assert o.unit == "platforms" and cat.indicator(o.indicator).unit == "platforms"


def test_platforms_come_only_from_a_records_unit(tmp_path: Path) -> None:
    from regiondev.numbers import parse_figure

    # 家 alone reads enterprises; a record states platforms
    assert parse_figure("538家").unit == "enterprises"
    # a record of enterprises on the platforms indicator is refused (units differ)
    rec = {
        "id": "user-platforms",
        "source": "zz21",
        "region": "zhuzhou",
        "indicator": "innovation_platforms",
        "status": "actual",
        "period": "2021-11-09",
        "figure": "538家",
        "value": 538,
        "unit": "enterprises",
        "bound": "exact",
        "basis": "not_applicable",
        "quote": "搭建538家创新平台",
    }
    path = _write(tmp_path, ("observation", rec))
    with pytest.raises(CatalogError) as exc:
        load_catalog([path])
    assert exc.value.field == "unit"


@pytest.mark.parametrize(
    ("obs_id", "region", "unit"),
    [
        ("zz21-rd-above-3pct-cities-hunan", Region.HUNAN, "items"),
        ("zz21-hunan-national-innovation-centres", Region.HUNAN, "platforms"),
        ("cs21-only-city-domestic-chip-design", Region.CHINA, "items"),
    ],
)
def test_claims_of_one_are_cataloged_and_audited(obs_id: str, region: Region, unit: str) -> None:
    from regiondev._audit import AuditStatus, audit

    cat = load_catalog()
    o = cat.get(obs_id)
    # 唯一 (the only one) is a count of exactly 1
    assert (o.figure, o.value, o.low, o.high, o.bound) == ("唯一", 1.0, 1.0, 1.0, Bound.EXACT)
    assert (o.region, o.unit) == (region, unit)
    hits = [e for e in audit(cat).entries if obs_id in e.record_ids]
    assert [(e.token, e.status) for e in hits] == [("唯一", AuditStatus.CATALOGED)]
