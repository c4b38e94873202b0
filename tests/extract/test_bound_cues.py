"""The bound cue file: qualifiers apart from their figure, each naming its word."""

import re
from pathlib import Path

import pytest

from regiondev._extract.bound_cues import bound_cues, load
from regiondev._extract.rulefile import RuleFileError


def test_each_qualifier_captures_its_word() -> None:
    apart = re.compile(f"(?:{'|'.join(bound_cues().apart)})$")
    m = apart.search("约占全国的")
    assert m is not None and [w for w in m.groups() if w] == ["约"]
    m = apart.search("不到广东省的")
    assert m is not None and [w for w in m.groups() if w] == ["不到"]
    assert apart.search("签约占全国的") is None  # 签约 is no qualifier


def test_a_qualifier_without_its_group_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "bound_cues.toml"
    bad.write_text(
        "[apart]\nqualifiers = ['约占']\n[reached]\nverbs = ['达到']\n", encoding="utf-8"
    )
    with pytest.raises(RuleFileError, match=r"\[apart\] field 'qualifiers' item 1 .* must have 1"):
        load(bad)
