"""The text layer: pinyin removal, traditional → simplified, offset map and damaged runs."""

from __future__ import annotations

import re

import pytest

from regiondev.sources import clean_text, get_source, load_sources
from regiondev.text import CleanText, clean, normalise_fragment, to_simplified

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
