"""The place cue file: the words that make a place a field, part of a name, or one of a list."""

import re
from pathlib import Path

import pytest

from regiondev._extract import resolve_place
from regiondev._extract.place_cues import _PATH, load, place_cues
from regiondev._extract.rulefile import RuleFileError


def _fields(text: str) -> list[tuple[str, bool]]:
    return [
        (m.group(0), resolve_place.is_comparison_field(text, m))
        for m in resolve_place.place_re().finditer(text)
    ]


def test_the_shipped_cues_make_the_fields_they_say() -> None:
    cues = place_cues()
    assert "第" in cues.comparison_after and "占" in cues.field_before
    # 居全国第4位: the nation after 居 and before 第 is the field; 株洲 is the subject
    assert _fields("株洲轨道交通装备产值居全国第4位") == [("株洲", False), ("全国", True)]
    # 占全省比重: 全省 after a word of comparison is the yardstick
    assert _fields("湘潭占全省比重为8%") == [("湘潭", False), ("全省", True)]
    # 全国排名第六 / 全国县域经济百强县中排名第19位: the field of a ranking
    assert _fields("浏阳在全国县域经济百强县中排名第19位") == [("浏阳", False), ("全国", True)]


def test_a_name_word_after_a_place_makes_no_place() -> None:
    # 株洲日报 (a newspaper), 全国总部 (part of a name), 中部六省会城市 (省会): no place there
    assert [n for n, _ in _fields("来源：株洲日报")] == []
    # 湖南省会长沙: 省 belongs to 省会 (the capital), so the name read is 湖南, not 湖南省
    assert [n for n, _ in _fields("湖南省会长沙")] == ["湖南", "长沙"]


def test_a_region_typed_with_its_suffix_is_found() -> None:
    # 湘潭市 → 湘潭 (the file's [name] suffixes), 湖南省 → hunan
    assert resolve_place.region_code("湘潭市") == "湘潭"
    assert resolve_place.region_code("湖南省") == "hunan"


def test_a_field_character_must_be_one_character(tmp_path: Path) -> None:
    text = _PATH.read_text(encoding="utf-8").replace(
        "field_before = ['占',", "field_before = ['占据',", 1
    )
    bad = tmp_path / "place_cues.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"\[comparison\] field 'field_before'"):
        load(bad)


def test_a_bad_pattern_names_its_file_record_and_field(tmp_path: Path) -> None:
    text = _PATH.read_text(encoding="utf-8").replace("join = '[市省县区]?", "join = '[市省县区", 1)
    bad = tmp_path / "place_cues.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"\[list\] field 'join' is not a valid pattern"):
        load(bad)
    # a missing table is named too
    (tmp_path / "empty.toml").write_text("[comparison]\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match=re.escape("[ranking] is missing")):
        load(tmp_path / "empty.toml")
