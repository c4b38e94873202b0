"""The library's extraction result follows the one result protocol."""

from __future__ import annotations

import pytest

from regiondev._extract.extraction import Extraction, extract
from regiondev.errors import ParameterError, RegiondevError

TEXT = (
    "发布时间：2023-02-10\n"
    "2022年，株洲市实现地区生产总值3616.8亿元，增长4.5%。力争2025年突破5000亿元。"
)


def test_a_text_gives_its_claims_with_their_fields() -> None:
    result = extract(text=TEXT)
    assert isinstance(result, Extraction)
    frame = result.to_frame()
    assert frame.columns[:2] == ["source", "path"]
    row = frame.filter(frame["figure"] == "3616.8亿元").row(0, named=True)
    # 3616.8亿元 is 3616.8 in cny_100m (亿元), an actual level of 2022 in Zhuzhou
    assert (row["value"], row["unit"], row["status"], row["period"], row["region"]) == (
        3616.8,
        "cny_100m",
        "actual",
        "2022",
        "zhuzhou",
    )
    target = frame.filter(frame["figure"] == "突破5000亿元").row(0, named=True)
    assert (target["bound"], target["status"], target["low"]) == ("more_than", "target", 5000.0)


def test_the_result_protocol() -> None:
    result = extract(text=TEXT)
    # 6 numbers: the byline date, 2022年, 3616.8亿元, 4.5%, 2025年, 突破5000亿元; the three
    # dates are set aside, three claims kept
    assert result.summary_line() == "1 document, 6 numbers: 3 claims, 3 set aside"
    text = repr(result)
    assert text.startswith("<Extraction: 6 rows>") and len(text.splitlines()) < 30
    assert "> 500.0 bn yuan" in text  # 突破5000亿元: more than 5000 亿元, a bound, not a value
    assert "<table" in result._repr_html_()
    assert result.to_markdown().startswith("| source | figure |")


def test_files_and_bad_arguments(tmp_path) -> None:  # type: ignore[no-untyped-def]
    a = tmp_path / "a.txt"
    a.write_text(TEXT, encoding="utf-8")
    assert extract(a).summary_line().startswith("1 document, 6 numbers")
    with pytest.raises(ParameterError):
        extract()
    with pytest.raises(RegiondevError):
        extract(tmp_path / "missing.txt")
