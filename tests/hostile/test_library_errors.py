"""The library's bad-input errors are RegiondevError subclasses naming what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import regiondev
from regiondev._catalog import load_catalog
from regiondev.errors import ParameterError, RegiondevError
from regiondev.model import Period
from tests.hostile.cases import SOURCE, catalog_text, obs


def test_an_unknown_region_lists_the_valid_ones() -> None:
    with pytest.raises(ParameterError, match=r"'mars'.*zhuzhou"):
        regiondev.series("mars", "gdp")


def test_a_string_extra_is_one_file(tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(catalog_text(obs()), encoding="utf-8")
    # str and Path: one file each, never a list of one-character file names
    assert load_catalog(extra=str(mine)).get("obs1").value == 4000
    assert regiondev.load_catalog(extra=mine).get("obs1").value == 4000
    with pytest.raises(ParameterError, match="extra"):
        load_catalog(extra=5)  # type: ignore[arg-type]


def test_a_bom_prefixed_catalog_loads(tmp_path: Path) -> None:
    mine = tmp_path / "bom.toml"
    mine.write_bytes(b"\xef\xbb\xbf" + catalog_text(obs()).encode("utf-8"))
    assert load_catalog([mine]).get("obs1").value == 4000


@pytest.mark.parametrize("text", ["0000", "２０２１", "2021-02-30", "1899", "2021M00-M03", ""])
def test_bad_periods_are_regiondev_errors(text: str) -> None:
    with pytest.raises(RegiondevError, match="period"):
        Period.parse(text)
    with pytest.raises(ValueError):  # and still ValueErrors, as before
        Period.parse(text)


# ---- fuzz: random TOML documents -> the catalog loader raises only the package's errors ------

_scalars = st.one_of(
    st.text(max_size=12),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
)
_fields = st.sampled_from(
    [*obs().keys(), "subject", "breakdown", "review", "figure_occurrence", "all", "x"]
)
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=3), max_leaves=6)
_record = st.dictionaries(_fields, _values, max_size=8)


@st.composite
def _documents(draw: st.DrawFn) -> dict[str, object]:
    doc: dict[str, object] = {}
    if draw(st.booleans()):
        doc["source"] = [SOURCE]
    # records that are the valid one with a few fields replaced, and records from scratch
    mutated = [{**obs(), **draw(_record)} for _ in range(draw(st.integers(0, 2)))]
    doc["observation"] = mutated + draw(st.lists(_record, max_size=2))
    extra = draw(st.sampled_from(["", "indicator", "waiver", "region", "title", "widgets"]))
    if extra:
        doc[extra] = draw(st.one_of(_values, st.lists(_record, max_size=2)))
    return doc


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=_documents())
def test_fuzzed_catalogs_raise_only_regiondev_errors(tmp_path_factory: object, doc: dict) -> None:
    folder = tmp_path_factory.mktemp("fuzz")  # type: ignore[attr-defined]
    path = folder / "fuzz.toml"
    path.write_text(tomli_w.dumps(doc), encoding="utf-8")
    try:
        load_catalog([path])
    except RegiondevError as exc:
        message = str(exc)
        assert str(path) in message or "fuzz.toml" in message or "x-bulletin" in message


@settings(max_examples=30, deadline=None)
@given(raw=st.binary(max_size=300))
def test_fuzzed_bytes_raise_only_regiondev_errors(tmp_path_factory: object, raw: bytes) -> None:
    folder = tmp_path_factory.mktemp("fuzzb")  # type: ignore[attr-defined]
    path = folder / "raw.toml"
    path.write_bytes(raw)
    try:
        load_catalog([path])
    except RegiondevError as exc:
        assert str(path) in str(exc)
