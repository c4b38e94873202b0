"""Reading rule files: checked patterns (first characters: tests/test_firstchars.py)."""

import re
from pathlib import Path

import pytest

from regiondev._extract.rulefile import RuleFileError, pattern, patterns, read
from regiondev.errors import RegiondevError


def test_a_bad_pattern_names_the_record_and_field() -> None:
    with pytest.raises(RuleFileError, match=r"f.toml: \[x\] field 'cue' is not a valid pattern"):
        pattern({"cue": "规模(以上"}, "cue", "f.toml: [x]")
    with pytest.raises(RuleFileError, match=r"field 'year' must have 1 capturing group"):
        pattern({"year": "到20\\d\\d年"}, "year", "f.toml: [x]", groups=1)
    with pytest.raises(RuleFileError, match=r"field 'words' item 2 \('\(目标'\)"):
        patterns({"words": ["力争", "(目标"]}, "words", "f.toml: [x]")
    with pytest.raises(RuleFileError, match=r"field 'words' must be a non-empty list"):
        patterns({"words": []}, "words", "f.toml: [x]")
    with pytest.raises(RuleFileError, match=r"item 1 \('\(\?i\)gdp'\) must not set global flags"):
        patterns({"words": ["(?i)gdp"]}, "words", "f.toml: [x]")
    assert issubclass(RuleFileError, RegiondevError)


def test_an_unreadable_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "x.toml"
    bad.write_text("[a\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match=re.escape(str(bad))):
        read(bad)
