"""The report in both languages: the zh report reads as Chinese throughout, and a bound is
shown as its bound (a share from 突破: more than, never at least)."""

from __future__ import annotations

from pathlib import Path

import pytest

from regiondev._catalog import load_catalog
from regiondev.report.build import write_report
from tests.report.english import english_runs, markdown_texts, visible_texts


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    cat = load_catalog(outcomes=True)
    out = {}
    for lang in ("en", "zh"):
        folder = tmp_path_factory.mktemp(lang) / "report"
        write_report(cat, folder, lang=lang)
        out[lang] = folder
    return out


def _read(reports: dict[str, Path], lang: str, name: str) -> str:
    return (reports[lang] / name).read_text(encoding="utf-8")


def test_a_share_derived_from_a_more_than_figure_is_more_than(reports: dict[str, Path]) -> None:
    # 突破5000亿元 / 15268.78亿元 × 100: the part is (5000, ∞), so the share is
    # (100 × 5000 / 15268.78, ∞) = (32.7465…, ∞): more than 32.7 %, the 32.7 itself excluded
    en_md, zh_md = _read(reports, "en", "report.md"), _read(reports, "zh", "report.md")
    assert "Latest on record: more than 32.7 %" in en_md  # words in a sentence
    assert "最新数据超过32.7%" in zh_md
    assert "| &gt; 32.7 % |" in en_md and "| &gt; 32.7% |" in zh_md  # symbols in a table
    for text in (en_md, zh_md, _read(reports, "en", "report.html")):
        assert "≥ 32.7" not in text and "at least 32.7" not in text and "不少于32.7" not in text


def test_the_tracker_speaks_chinese_in_the_zh_report(reports: dict[str, Path]) -> None:
    html = _read(reports, "zh", "report.html")
    # the verdict sentence of Zhuzhou's GDP target: 3902.4 / 5000 = 0.780 → 22.0 % short
    assert "暂无结果数据：株洲地区生产总值2025年（目标不少于5,000亿元）的结果未见记录" in html
    assert "3,902.4 / 5,000 = 0.780，即比目标低22.0%" in html
    assert "No outcome on record" not in html and "the target is a floor" not in html


#: Sections of the zh report held to Chinese throughout (the tracker's and the report's own
#: words). The rest still shows data notes written in English (see test below).
CHINESE_SECTIONS = (
    "top",
    "findings",
    "targets",
    "outcomes",
    "sources",
    "catalog",
    "audit",
    "extraction",
    "consistency",
)


def _quotes() -> list[str]:
    """The catalog's verbatim quotes (a reference file's English among them), longest first."""
    cat = load_catalog(outcomes=True)
    return sorted({o.quote for o in cat.observations if o.quote}, key=len, reverse=True)


def _runs(html: str, sections: tuple[str, ...] | None = None) -> list[tuple[str, str]]:
    found = []
    quotes = _quotes()
    for where, text in visible_texts(html):
        if sections is not None and where.split()[0] not in sections:
            continue
        found.extend((where, run) for run in english_runs(text, quotes))
    return found


def test_the_zh_report_has_no_english_sentences_in_its_main_sections(
    reports: dict[str, Path],
) -> None:
    html = _read(reports, "zh", "report.html")
    assert _runs(html, CHINESE_SECTIONS) == []


def test_the_zh_report_has_no_english_sentences(reports: dict[str, Path]) -> None:
    html = _read(reports, "zh", "report.html")
    md = _read(reports, "zh", "report.md")
    found = _runs(html)
    quotes = _quotes()
    found += [
        (where, run) for where, text in markdown_texts(md) for run in english_runs(text, quotes)
    ]
    assert found == []


def test_the_scanner_finds_english() -> None:
    # an English clause between ids and numbers is found; ids, numbers, URLs and single
    # acronyms are not
    assert english_runs("记录zz21-gdp-2020：3,105.8亿元，GDP增长8.3%，见https://a.b/c d") == []
    assert english_runs("最新数据 the figures imply 1.69 %") == ["the figures imply"]


def test_a_derived_cluster_figure_from_a_more_than_figure_is_more_than(
    reports: dict[str, Path],
) -> None:
    # 突破2500亿元 / 19万亿元: (2500, ∞) / [189999.5… , 190000.5…] → more than
    # 2500 / 190000 = 0.013158 (low end excluded): "> 0.013", never "≥"
    for lang in ("en", "zh"):
        md = _read(reports, lang, "report.md")
        assert "| &gt; 0.013 |" in md and "≥ 0.01" not in md
    # 突破2万亿元 (a target): more than 20,000亿元 = more than 2,000 bn yuan
    assert "| &gt; 20,000.0亿元 | 2025年 |" in _read(reports, "zh", "report.md")
