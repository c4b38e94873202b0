"""The cue-word file: families of literal words, and the patterns built from them."""

from pathlib import Path

import pytest

from regiondev._extract.furniture import (
    byline_re,
    footer_re,
    load_forms,
    opencc_forms,
    write_forms,
)
from regiondev._extract.lexicon import lexicon, load
from regiondev._extract.resolve_kind import CUE_KIND, KIND_CUE, UNIT_KIND
from regiondev.errors import RegiondevError


def test_kind_cues_take_the_longest_word_and_name_the_family() -> None:
    m = KIND_CUE.search("利润增加了5%")
    assert m is not None and m.group(0) == "增加了" and CUE_KIND[m.group(0)] == "growth"
    m = KIND_CUE.search("占比重")
    assert m is not None and m.group(0) == "占" and CUE_KIND[m.group(0)] == "share"
    # 增长面 (the share of industries growing) is a share, read before 增长
    m = KIND_CUE.search("增长面为63.4%")
    assert m is not None and CUE_KIND[m.group(0)] == "share"
    assert UNIT_KIND["percent"] == "share" and UNIT_KIND["enterprises"] == "count"
    assert set(lexicon().growth).isdisjoint(lexicon().share)


def test_furniture_words_match_in_either_script_and_with_pinyin() -> None:
    assert footer_re().search("聯繫我們") is not None  # OpenCC's traditional forms
    assert footer_re().search("標簽閱讀") is not None  # 簽: a form from the file's variants
    assert byline_re().search("发(fā)布时间：2022-01-01") is not None
    assert footer_re().search("联系人") is None


def test_a_malformed_cue_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "cues.toml"
    bad.write_text('[furniture]\nbyline = []\nfooter = ["x"]\n', encoding="utf-8")
    with pytest.raises(RegiondevError, match=r"\[furniture\] field 'byline'"):
        load(bad)


def test_the_shipped_furniture_forms_are_opencc_s_forms_of_every_furniture_word() -> None:
    # the file spares every process OpenCC's three converters; it must say what they say
    # (after changing the words in cues.toml, rerun furniture.write_forms)
    shipped = load_forms()
    for word in (*lexicon().byline, *lexicon().footer):
        assert shipped.get(word) == opencc_forms(word), word


def test_written_forms_read_back(tmp_path: Path) -> None:
    path = tmp_path / "forms.toml"
    write_forms(path)
    assert load_forms(path) == load_forms()


def test_a_malformed_forms_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "forms.toml"
    bad.write_text('[forms]\n"发布时间" = ["發佈時間"]\n', encoding="utf-8")
    with pytest.raises(RegiondevError, match=r"\[forms\] field '发布时间' must list 3 forms"):
        load_forms(bad)
