"""Reading inputs: encodings, HTML, binary garbage, JSONL lines."""

from pathlib import Path

import pytest

from regiondev._extract.reading import (
    ExtractInputError,
    html_to_text,
    iter_jsonl,
    read_document,
)

PARA = (
    "长沙市规模工业增加值约2300亿元,在中部六省会城市排名第2。"
    "目前,全市共有市级及以上智能制造试点企业1254家,国家级专精特新企业达到38家。\n"
) * 3
TRAD = (
    "長沙加快建設國家重要先進製造業中心,工程機械產業集群規模突破2500億元,連續10年居全國第一。\n" * 3
)


def test_utf8_with_and_without_bom(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    bom = tmp_path / "bom.txt"
    plain.write_bytes(PARA.encode("utf-8"))
    bom.write_bytes(b"\xef\xbb\xbf" + PARA.encode("utf-8"))
    assert read_document(plain).text == PARA
    doc = read_document(bom)
    assert doc.text == PARA  # the BOM is not text
    assert doc.encoding == "utf-8-sig"


def test_crlf_is_normalised_like_read_text(tmp_path: Path) -> None:
    p = tmp_path / "crlf.txt"
    p.write_bytes(PARA.replace("\n", "\r\n").encode("utf-8"))
    assert read_document(p).text == p.read_text(encoding="utf-8") == PARA


def test_gb18030_file_is_detected_and_decoded(tmp_path: Path) -> None:
    p = tmp_path / "gb.txt"
    p.write_bytes(PARA.encode("gb18030"))
    doc = read_document(p)
    assert doc.text == PARA
    assert doc.encoding == "gb18030"


def test_gbk_detection_is_decoded_with_gb18030(tmp_path: Path) -> None:
    p = tmp_path / "gbk.txt"
    p.write_bytes(PARA.encode("gbk"))
    assert read_document(p).encoding == "gb18030"


def test_big5_file_is_detected_and_decoded(tmp_path: Path) -> None:
    p = tmp_path / "big5.txt"
    p.write_bytes(TRAD.encode("big5"))
    doc = read_document(p)
    assert doc.text == TRAD
    assert doc.encoding in ("big5", "cp950")


def test_html_is_reduced_to_text_without_script_or_style(tmp_path: Path) -> None:
    page = (
        "<!DOCTYPE html><html><head><title>标题</title><style>p{color:red} .x{width:100px}"
        "</style><script>var n = 999;</script></head><body><p>全市规模工业增加值"
        "约2300亿元&nbsp;增长8.3%</p><div>第二段 &amp; 1254家</div></body></html>"
    )
    p = tmp_path / "page.html"
    p.write_text(page, encoding="utf-8")
    doc = read_document(p)
    assert doc.html
    assert "999" not in doc.text and "color" not in doc.text and "100px" not in doc.text
    assert "约2300亿元" in doc.text and "1254家" in doc.text and "&" in doc.text
    assert html_to_text("<p>a</p><p>b</p>") == "a\nb\n"


def test_html_in_gb18030_is_decoded_then_stripped(tmp_path: Path) -> None:
    p = tmp_path / "page.htm"
    p.write_bytes(f"<html><body><p>{PARA}</p></body></html>".encode("gb18030"))
    assert "1254家" in read_document(p).text


def test_binary_garbage_is_a_clear_error_naming_the_file(tmp_path: Path) -> None:
    import random

    rng = random.Random(7)
    p = tmp_path / "garbage.txt"
    p.write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    with pytest.raises(ExtractInputError, match=r"garbage.txt"):
        read_document(p)
    z = tmp_path / "zeros.txt"
    z.write_bytes(b"\x00\x01\x02" * 500)
    with pytest.raises(ExtractInputError, match=r"zeros.txt.*binary"):
        read_document(z)


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ExtractInputError, match=r"no such file"):
        read_document(tmp_path / "nope.txt")


def test_jsonl_documents_and_a_bad_line(tmp_path: Path) -> None:
    p = tmp_path / "docs.jsonl"
    p.write_text(
        '{"id": "a", "text": "增长8.3%", "date": "2021-11-09"}\n\n{"id": 2, "text": "38家"}\n'
        "{not json}\n",
        encoding="utf-8",
    )
    it = iter_jsonl(p)
    first, second = next(it), next(it)
    assert (first.id, first.date, first.line) == ("a", "2021-11-09", 1)
    assert (second.id, second.text, second.line) == ("2", "38家", 3)
    with pytest.raises(ExtractInputError, match=r"docs.jsonl: line 4: not valid JSON"):
        next(it)


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"text": "x"}', "id"),
        ('{"id": "a"}', "text"),
        ("[1, 2]", "object"),
        ('{"id": "a", "text": "x", "date": 5}', "date"),
    ],
)
def test_jsonl_line_errors_name_the_line(tmp_path: Path, line: str, problem: str) -> None:
    p = tmp_path / "d.jsonl"
    p.write_text('{"id": "ok", "text": "1家"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(ExtractInputError, match=f"line 2: .*{problem}"):
        list(iter_jsonl(p))


_LOSSY = "2023年,长沙市规模工业增加值增长6.8%。全市产值达2300亿元,新增企业120家。\n" * 4


def _truncate_first(text: str, char: str, encoding: str) -> bytes:
    """The text encoded, with the first ``char`` cut to its lead byte (a truncated character)."""
    data = text.encode(encoding)
    at = data.index(char.encode(encoding))
    return data[: at + 1] + data[at + len(char.encode(encoding)) :]


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_a_truncated_character_is_read_and_reported_not_refused(
    tmp_path: Path, encoding: str
) -> None:
    from regiondev._extract.claims import extract_text

    p = tmp_path / "lossy.txt"
    p.write_bytes(_truncate_first(_LOSSY, "亿", encoding))
    doc = read_document(p)
    assert doc.encoding == f"{encoding} (1 undecodable byte run(s) shown as \ufffd)"
    res = extract_text(doc.text, region="changsha")
    first, *rest = [c for c in res.claims if c.value is not None and c.figure.startswith("2300")]
    # the figure beside the lost bytes (its unit 亿 is gone) is set aside, not misread
    assert first.figure == "2300" and first.set_aside_reason.startswith("inside the byte-damaged")
    assert [(c.figure, c.set_aside_reason) for c in rest] == [("2300亿元", "")] * 3
    assert len(res.damaged) == 1
    assert [c.value for c in res.claims if c.figure == "6.8%"] == [6.8] * 4


def test_a_big5_text_with_a_lost_byte_is_refused_as_ambiguous(tmp_path: Path) -> None:
    p = tmp_path / "lossy_big5.txt"
    p.write_bytes(_truncate_first(to_traditional(_LOSSY), "億", "big5"))
    with pytest.raises(ExtractInputError, match=r"lossy_big5\.txt: cannot decode.*convert it"):
        read_document(p)


def to_traditional(text: str) -> str:
    return text.translate(str.maketrans("亿长业规模增长产值达新家", "億長業規模增長產值達新家"))


def test_html_title_once_and_table_rows_keep_their_labels() -> None:
    page = (
        "<html><head><title>长沙工业产值突破1万亿元</title></head><body>"
        "<h1>长沙工业产值突破1万亿元</h1><p>正文。</p><table>"
        "<tr><th>指标</th><th>增速</th></tr><tr><td>制造业投资</td><td>12.1%</td></tr>"
        "</table></body></html>"
    )
    # the heading repeats the title: printed once; a row's cells share its line
    assert html_to_text(page) == "长沙工业产值突破1万亿元\n正文。\n指标 增速\n制造业投资 12.1%\n"
    # a title the page does not repeat comes first
    assert html_to_text("<title>只有标题 5家</title><p>正文</p>") == "只有标题 5家\n正文\n"


def test_jsonl_region_names_map_to_codes_and_bad_dates_are_refused(tmp_path: Path) -> None:
    p = tmp_path / "d.jsonl"
    p.write_text(
        '{"id": "a", "text": "1家", "region": "湖南省"}\n'
        '{"id": "b", "text": "1家", "region": "湘潭市"}\n',
        encoding="utf-8",
    )
    assert [d.region for d in iter_jsonl(p)] == ["hunan", "湘潭"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "1家", "date": "2022-13-01"}\n', encoding="utf-8")
    with pytest.raises(ExtractInputError, match=r"line 1: \"date\" '2022-13-01' is not a date"):
        list(iter_jsonl(bad))
    odd = tmp_path / "odd.jsonl"
    odd.write_text('{"id": "a", "text": "1家", "region": "Atlantis"}\n', encoding="utf-8")
    with pytest.raises(ExtractInputError, match=r"line 1: \"region\" 'Atlantis'"):
        list(iter_jsonl(odd))
