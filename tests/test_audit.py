"""The number audit: every number in every source is cataloged or waived, none unaccounted."""

from __future__ import annotations

import pytest

from regiondev._audit import AuditResult, AuditStatus, audit
from regiondev._catalog import WAIVER_CATEGORIES, load_catalog
from regiondev._sources import clean_text
from regiondev.numbers import TokenKind, scan

SOURCES = ["cs21", "csht19", "hn19", "cn22", "zz21"]


@pytest.fixture(scope="module")
def result() -> AuditResult:
    return audit(load_catalog())


@pytest.mark.parametrize("source_id", SOURCES)
def test_zero_unaccounted(result: AuditResult, source_id: str) -> None:
    entries = [e for e in result.entries if e.source == source_id]
    assert entries, f"{source_id} was not audited"
    missing = [(e.token, e.context) for e in entries if e.status is AuditStatus.UNACCOUNTED]
    assert missing == []


def test_summary_counts_add_up(result: AuditResult) -> None:
    summary = result.summary()
    assert set(summary["source"].to_list()) >= set(SOURCES)
    for row in summary.iter_rows(named=True):
        assert row["tokens"] == row["cataloged"] + row["waived"] + row["unaccounted"]
        assert row["unaccounted"] == 0
    assert "| cs21 |" in result.to_markdown()


def test_every_waived_token_has_a_reason(result: AuditResult) -> None:
    for e in result.entries:
        if e.status is AuditStatus.WAIVED:
            assert e.reason.split(":", 1)[0] in WAIVER_CATEGORIES
            assert e.reason.split(":", 1)[1].strip()


def test_every_waiver_has_a_specific_reason() -> None:
    for w in load_catalog().waivers:
        assert w.category in WAIVER_CATEGORIES
        assert len(w.reason) >= 15, w.quote


def test_no_waiver_swallows_a_cataloged_figure() -> None:
    cat = load_catalog()
    for w in cat.waivers:
        for o in cat.observations:
            if o.source == w.source and o.figure_start >= 0:
                inside = w.start <= o.figure_start and o.figure_end <= w.end
                assert not inside, f"waiver {w.quote!r} covers {o.id}"


def test_every_waiver_covers_a_token() -> None:
    # a waiver that covers no number is dead weight (or a quote that drifted)
    cat = load_catalog()
    for w in cat.waivers:
        src = cat.source(w.source)
        if not src.path:
            continue
        tokens = list(scan(clean_text(src).text[w.start : w.end]))
        assert tokens, f"waiver {w.quote!r} covers no number"


def test_no_cataloged_figure_lies_in_a_damaged_run() -> None:
    cat = load_catalog()
    for o in cat.observations:
        src = cat.source(o.source)
        if src.path and o.figure_start >= 0:
            assert clean_text(src).in_damaged_run(o.figure_start, o.figure_end) is None, o.id


def test_every_cataloged_figure_is_a_scanned_token() -> None:
    # the catalog and the scanner read the same numbers: each record's figure overlaps a
    # figure token that reads the same value
    cat = load_catalog()
    for o in cat.observations:
        src = cat.source(o.source)
        if not src.path or o.figure_start < 0:
            continue
        tokens = [
            t
            for t in scan(clean_text(src).text)
            if t.kind is TokenKind.FIGURE and t.start < o.figure_end and o.figure_start < t.end
        ]
        assert tokens, o.id
        assert any(t.parsed is not None and t.parsed.value == o.value for t in tokens), o.id


def test_damaged_runs_are_waived_not_unaccounted(result: AuditResult) -> None:
    cat = load_catalog()
    for src in cat.sources:
        if not src.path or src.kind != "news":
            continue
        text = clean_text(src)
        for e in result.entries:
            if e.source == src.id and text.in_damaged_run(e.start, e.end):
                assert e.status is AuditStatus.WAIVED
