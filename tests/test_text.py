"""The text layer: pinyin removal, traditional → simplified, offset map and damaged runs."""

from __future__ import annotations

import bisect
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regiondev import text as text_module
from regiondev._sources import clean_text, get_source, load_sources
from regiondev.text import (
    CleanText,
    DamagedRun,
    clean,
    clean_length,
    clean_lines,
    normalise_fragment,
    to_simplified,
)

_ANNOTATION = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,7}\)")


def _text(source_id: str) -> CleanText:
    return clean_text(get_source(source_id))


def test_pinyin_annotations_are_removed() -> None:
    ct = clean("制造業(yè)有19個(gè)集群")
    assert ct.text == "制造业有19个集群"


def test_ascii_parentheses_that_are_not_pinyin_stay() -> None:
    # 航空(大飞机)配套 (cs21) and 支持企业改制上市(挂牌) (csht19) are text, not annotations.
    assert clean("航空(大飛機)配套").text == "航空(大飞机)配套"


def test_traditional_to_simplified() -> None:
    assert to_simplified("長沙規模工業增加值約2300億元") == "长沙规模工业增加值约2300亿元"
    assert normalise_fragment("規(guī)模工業(yè)增加值") == "规模工业增加值"


@pytest.mark.parametrize("source_id", ["cs21", "cn22"])
def test_no_pinyin_annotation_survives_cleaning(source_id: str) -> None:
    assert _ANNOTATION.findall(_text(source_id).text) == []


def test_offset_map_shows_the_quote_as_printed() -> None:
    ct = _text("cs21")
    quote = "2020年,长沙市规模工业增加值约2300亿元"
    [at] = ct.find(quote)
    raw = ct.raw_quote(at, at + len(quote))
    assert raw == "2020年,長沙市規(guī)模工業(yè)增加值約2300億元"
    a, b = ct.raw_span(at, at + len(quote))
    assert ct.raw[a:b] == raw


@pytest.mark.parametrize("source_id", ["cs21", "csht19", "hn19", "cn22", "zz21"])
def test_offset_map_keeps_digits_in_place(source_id: str) -> None:
    ct = _text(source_id)
    assert len(ct.offsets) == len(ct.text)
    assert list(ct.offsets) == sorted(set(ct.offsets))  # strictly increasing
    for i, ch in enumerate(ct.text):
        if ch.isascii():
            assert ct.raw[ct.offsets[i]] == ch


def test_raw_span_rejects_spans_outside_the_text() -> None:
    ct = clean("長沙")
    with pytest.raises(IndexError):
        ct.raw_span(0, 5)


def test_damaged_run_in_cn22_and_its_provable_repair() -> None:
    ct = _text("cn22")
    [run] = ct.damaged
    assert run.raw == "?。ㄗ灾螀^"
    assert ct.raw[run.raw_start : run.raw_end] == run.raw
    # it follows "45个国家级集群涉及19个" and stands for 省（自治区
    assert ct.text[: run.clean_start].endswith("45个国家级集群涉及19个")
    assert ct.text[run.clean_end :].startswith("、直辖市)")
    assert run.repaired == "（自治區"
    # the repair is provable: its GBK bytes are the damaged bytes less the lost lead byte
    assert run.raw[1:].encode("gbk")[1:] == run.repaired.encode("gbk")
    assert "re-encodes" in run.repair_note
    # shown as repaired (traditional, as the bytes hold it) and converted like the clean text
    assert run.repair_note.startswith("repairs to …（自治區 = …（自治区 in simplified characters (")


def test_repair_note_of_a_simplified_repair_shows_it_once() -> None:
    from regiondev.text import DamagedRun

    note = DamagedRun(0, 4, 0, 4, "?xyz", repaired="（自治区").repair_note
    assert note.startswith("repairs to …（自治区 (") and "=" not in note


def test_damaged_runs_in_cs21() -> None:
    ct = _text("cs21")
    assert [r.raw for r in ct.damaged] == ["?qū)崿F", "?!鼻窭^"]
    first, second = ct.damaged
    assert ct.text[: first.clean_start].endswith("全国唯一一座能够")
    assert ct.text[first.clean_end :].startswith("芯片三大件")
    assert ct.text[: second.clean_start].endswith("新增50亿元制造业企业15家")
    assert ct.text[second.clean_end :].startswith("兴说")
    # neither is a provable one-byte realignment, so neither is repaired
    assert [r.repaired for r in ct.damaged] == ["", ""]
    assert "not repairable" in first.repair_note


@pytest.mark.parametrize("source_id", ["csht19", "hn19", "zz21"])
def test_simplified_sources_have_no_damaged_runs(source_id: str) -> None:
    assert _text(source_id).damaged == ()


@pytest.mark.parametrize("question", ["怎么选?", "市场将如何演变?", "齐鲁转债弃缴吗?"])
def test_genuine_question_marks_are_not_damaged_runs(question: str) -> None:
    ct = _text("cn22")
    [at] = ct.find(question)
    mark = at + len(question) - 1
    assert ct.text[mark] == "?"
    assert ct.in_damaged_run(mark, mark + 1) is None


def test_lone_question_mark_in_cs21_footer_is_not_a_damaged_run() -> None:
    ct = _text("cs21")
    at = ct.text.index("热点舆情")
    mark = ct.text.index("?", at)
    assert ct.in_damaged_run(mark, mark + 1) is None


def test_find_normalises_the_quote() -> None:
    ct = _text("cn22")
    assert ct.find("工業和信息化部正式公布45個國家先進製造集群的名單") == ct.find(
        "工业和信息化部正式公布45个国家先进制造集群的名单"
    )
    assert ct.find("") == []


def test_every_shipped_source_cleans() -> None:
    for src in load_sources():
        if src.path:
            ct = clean_text(src)
            assert ct.text
            assert len(ct.text) <= len(ct.raw)


# ---------------------------------------------------------------------------------------------
# Cleaning converts a whole text in one OpenCC call; it must equal converting line by line.


def _reference_convert(text: str) -> str:
    """Line by line; a line whose length would change is converted char by char."""
    out: list[str] = []
    for line in text.splitlines(keepends=True):
        converted = text_module.to_simplified(line)
        if len(converted) != len(line):
            converted = "".join(
                text_module.to_simplified(ch) if len(text_module.to_simplified(ch)) == 1 else ch
                for ch in line
            )
        out.append(converted)
    return "".join(out)


def _reference_clean(raw: str) -> CleanText:
    """The straightforward cleaner: every regex over the whole text, offsets always built."""
    damaged_raw = [(m.start(), m.end(), m.group(0)) for m in text_module._DAMAGED.finditer(raw)]
    keep: list[int] = []
    removed = [m.span() for m in text_module._PINYIN.finditer(raw)]
    for _, b, _ in damaged_raw:
        if m := text_module._ANNOTATION_AT.match(raw, b):
            removed.append(m.span())
    removed.sort()
    pieces: list[str] = []
    r = 0
    for a, b in removed:
        a = max(a, r)
        keep.extend(range(r, a))
        pieces.append(raw[r:a])
        r = max(r, b)
    keep.extend(range(r, len(raw)))
    pieces.append(raw[r:])
    text = _reference_convert("".join(pieces))
    runs = []
    for a, b, s in damaged_raw:
        ca = bisect.bisect_left(keep, a)
        cb = bisect.bisect_left(keep, b)
        runs.append(DamagedRun(a, b, ca, cb, s, text_module._repair(s)))
    return CleanText(raw, text, tuple(keep), tuple(runs))


def _raw_sources() -> list[str]:
    return [Path(s.path).read_text(encoding="utf-8") for s in load_sources() if s.path]


def test_whole_text_conversion_is_the_lines_converted_one_by_one() -> None:
    for raw in _raw_sources():
        lines = raw.splitlines(keepends=True)
        assert to_simplified(raw) == "".join(to_simplified(line) for line in lines)


def test_clean_matches_the_reference_on_the_shipped_texts() -> None:
    for raw in _raw_sources():
        assert clean(raw) == _reference_clean(raw)
        lines = raw.splitlines(keepends=True)
        expected = [_reference_clean(line) for line in lines]
        assert clean_lines(lines) == [(ct.text, ct.damaged) for ct in expected]
        assert [clean_length(line) for line in lines] == [len(ct.text) for ct in expected]


_PIECES = [
    "制造業(yè)",
    "規(guī)模",
    "(大飛機)",
    "(abc)",
    "?qū)崿F",
    "?。ㄗ灾螀^",
    "?!鼻窭^",
    "?",
    "(",
    "長沙",
    "乾燥",
    "2300億元",
    "\n",
    "\r\n",
    "\u2028",
    "\x0c",
    " ",
]
_mixes = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(_mixes)
def test_clean_matches_the_reference_on_mixes(raw: str) -> None:
    assert clean(raw) == _reference_clean(raw)
    lines = raw.splitlines(keepends=True)
    expected = [_reference_clean(line) for line in lines]
    assert clean_lines(lines) == [(ct.text, ct.damaged) for ct in expected]
    assert [clean_length(line) for line in lines] == [len(ct.text) for ct in expected]


def test_a_line_whose_length_would_change_is_converted_char_by_char(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # No t2s entry changes a length, so stand in a converter that does: 乾燥 → 干燥燥.
    real = text_module.to_simplified

    def fake(text: str) -> str:
        return real(text).replace("干燥", "干燥燥")

    monkeypatch.setattr(text_module, "to_simplified", fake)
    raw = "長沙乾燥\n規模\n乾燥2300億元\n"
    assert text_module._convert_same_length(raw) == _reference_convert(raw)
    assert clean(raw).text == _reference_convert(raw)
    assert len(clean(raw).text) == len(raw)


def test_full_width_number_marks_read_as_ascii_and_keep_offsets() -> None:
    from regiondev.numbers import parse_figure

    raw = "规模工业企业达到１，２５４．６亿元，下降２．３％。"
    ct = clean(raw)
    assert ct.text == "规模工业企业达到１,２５４.６亿元，下降２.３％。"
    assert len(ct.text) == len(raw)  # one character for one: offsets and quote_raw stay
    assert ct.raw_quote(8, 17) == "１，２５４．６亿元"
    assert parse_figure("１,２５４.６亿元").value == 1254.6
    assert parse_figure("下降２.３％").value == -2.3
    # a Chinese comma between numbers stays a comma
    assert clean("增长３，４５").text == "增长３，４５"
