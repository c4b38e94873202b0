"""The kind cue file: typed, checked on load."""

from pathlib import Path

import pytest

from regiondev._extract.kind_cues import kind_cues, load
from regiondev._extract.rulefile import RuleFileError


def test_the_shipped_cues_load() -> None:
    cues = kind_cues()
    assert cues.points_after == "百分点" and "行动" in cues.campaign


def test_a_missing_table_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "kind_cues.toml"
    bad.write_text("[growth]\nafter = ['增长']\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"kind_cues.toml: \[count\] is missing"):
        load(bad)


def test_count_words_are_single_characters() -> None:
    assert kind_cues().count_words == frozenset("户台套辆架艘场")
