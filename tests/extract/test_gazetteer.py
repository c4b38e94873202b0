"""The places file: one record per place, and the tables derived from it."""

from pathlib import Path

import pytest

from regiondev._extract.gazetteer import gazetteer, load
from regiondev._extract.resolve_place import region_code, resolve_name, subject_of
from regiondev.errors import RegiondevError


def test_codes_levels_and_parents_derive_the_tables() -> None:
    gaz = gazetteer()
    assert gaz.model_codes == {"china", "hunan", "changsha", "zhuzhou"}
    assert gaz.code_of["長沙"] == "changsha"  # a traditional name of a model region
    assert gaz.code_of["醴陵"] == "zhuzhou"  # a county-level city is its city's, with a subject
    assert gaz.parts["醴陵"] == ("zhuzhou", "醴陵")
    assert gaz.county_cities == {"醴陵", "浏阳", "宁乡"}
    # Hunan: the province, the model's two cities and the other twelve (not 长株潭, an area)
    assert len(gaz.within("hunan")) == 1 + 2 + 12
    assert "长株潭" not in gaz.within("hunan")
    assert "深圳" in gaz.cities and "广东" not in gaz.cities


def test_names_resolve_to_codes() -> None:
    assert region_code("湖南省") == "hunan"
    assert region_code("湘潭市") == "湘潭"
    assert region_code("长沙高新区") == "changsha"
    assert region_code("Mars") is None
    assert subject_of("长沙高新区") == "长沙高新区"
    assert subject_of("长沙") == ""
    assert resolve_name("全省", "zhuzhou") == "hunan"
    assert resolve_name("全省", "深圳") == ""
    assert resolve_name("全市", "hunan", para_region="湘潭") == "湘潭"


def test_a_malformed_places_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "places.toml"
    bad.write_text('[[place]]\ncode = "x"\nnames = ["甲"]\nlevel = "planet"\n', encoding="utf-8")
    with pytest.raises(RegiondevError, match="place 1: field 'level'"):
        load(bad)
    bad.write_text('[[place]]\ncode = "x"\nnames = ["甲"]\nlevel = "city"\nparent = "y"\n')
    with pytest.raises(RegiondevError, match="parent 'y' is no place"):
        load(bad)
