"""The status cue file: typed, checked on load."""

from pathlib import Path

import pytest

from regiondev._extract.rulefile import RuleFileError
from regiondev._extract.status_cues import load, status_cues


def test_the_shipped_cues_load() -> None:
    cues = status_cues()
    assert cues.target[0] == "力争" and cues.strive == "力争" and cues.firm == "确保"
    assert "今年" in cues.this_year


def test_the_target_year_pattern_must_capture_the_year(tmp_path: Path) -> None:
    shipped = (Path(__file__).resolve().parents[2] / "regiondev/data/status_cues.toml").read_text(
        encoding="utf-8"
    )
    bad = tmp_path / "status_cues.toml"
    bad.write_text(
        shipped.replace(
            r"year_target = '(?:到|至|在)((?:19|20)\d{2})年",
            r"year_target = '(?:到|至|在)(?:(?:19|20)\d{2})年",
        ),
        encoding="utf-8",
    )
    with pytest.raises(RuleFileError, match=r"\[sentence\] field 'year_target' must have 1"):
        load(bad)
