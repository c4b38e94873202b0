"""The draft cue file: typed, checked on load."""

from pathlib import Path

import pytest

from regiondev._extract.draft_cues import draft_cues, load
from regiondev._extract.rulefile import RuleFileError

_SHIPPED = Path(__file__).resolve().parents[2] / "regiondev" / "data" / "draft_cues.toml"


def test_the_shipped_cues_load() -> None:
    cues = draft_cues()
    assert cues.sectors["第二产业"] == "secondary"
    assert cues.labels == ("来源", "稿源", "作者")  # the order of preference


def test_a_sector_must_be_a_word_of_part_of(tmp_path: Path) -> None:
    bad = tmp_path / "draft_cues.toml"
    text = _SHIPPED.read_text(encoding="utf-8")
    bad.write_text(text.replace('"第三产业" = "tertiary"', '"服务业" = "tertiary"'), "utf-8")
    with pytest.raises(RuleFileError, match=r"\[breakdown\] field 'sectors' item '服务业' is no"):
        load(bad)
    bad.write_text(
        text.replace('labels = ["来源", "稿源", "作者"]', 'labels = ["来源", "来源"]'), "utf-8"
    )
    with pytest.raises(RuleFileError, match=r"\[outlet\] field 'labels' names a label twice"):
        load(bad)
