"""The one period grammar: the scanner's period tokens and the extractor's cues are its forms."""

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regiondev.numbers import TokenKind, scan
from regiondev.periods import FORMS, PERIOD_CUE, PERIOD_CUE_REVIEW, SCAN_PATTERNS


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("2021—2025年", "yr"),
        ("1—9月", "mm"),
        ("前10个月", "firstn"),
        ("前四季度", "q"),
        ("第1季度", "q1"),
        ("上半年", "half"),
        ("十四五", "fyp"),
        ("过去五年", "past"),
        ("未来5年", "future"),
        ("两年平均", "two"),
    ],
)
def test_a_form_that_is_a_token_and_a_cue_reads_the_same_in_both(text: str, form: str) -> None:
    m = PERIOD_CUE.match(text)
    assert m is not None and m.lastgroup == form and m.group(0) == text
    toks = list(scan(text))
    assert [(t.text, t.kind) for t in toks] == [(text, TokenKind.PERIOD)]


def test_cue_only_and_token_only_forms() -> None:
    cue_only = {f.name for f in FORMS if not f.token}
    assert {"this", "lastyear", "year", "upto", "fullyear"} <= cue_only
    # 3年前 is a period token, never the period of a figure
    assert [t.kind for t in scan("3年前")] == [TokenKind.PERIOD]
    assert PERIOD_CUE.search("3年前") is None or PERIOD_CUE.search("3年前").lastgroup != "yearsago"  # type: ignore[union-attr]
    assert len(SCAN_PATTERNS) == sum(f.token for f in FORMS)


def test_a_stretch_of_years_is_a_cue_only_in_a_review_of_the_first_months() -> None:
    # 五年间 is a period token everywhere; as the period of a figure it is read only with the
    # review cues (a text dated January–February: 五年间 = the five years before)
    from regiondev.periods import PERIOD_CUE_REVIEW

    assert PERIOD_CUE.search("五年间，全市新增企业186家") is None
    m = PERIOD_CUE_REVIEW.search("五年间，全市新增企业186家")
    assert m is not None and m.lastgroup == "stretch" and m["st_n"] == "五"


# -- the cue guard: where a cue can start, written by hand, never changes a match ---------------

_PLAIN_CUE = re.compile("|".join(f"(?P<{f.name}>{f.pattern})" for f in FORMS if f.cue))
_ROOT = Path(__file__).resolve().parent.parent
_TEXTS = sorted(
    [*(_ROOT / "regiondev" / "data" / "seeds").glob("*.txt"), *(_ROOT / "tests").rglob("*.txt")]
)
# every character of the forms, digits, and the words around periods in the texts
_ALPHABET = "".join(sorted(set("".join(f.pattern for f in FORMS) + "0123456789年月季度底末以来间")))


def _found(rx: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], str | None]]:
    return [(m.span(), m.lastgroup) for m in rx.finditer(text)]


def test_the_cue_guard_finds_what_the_plain_forms_find_in_every_text() -> None:
    # PERIOD_CUE_REVIEW holds every cue form; the plain alternation has no guard at all
    assert len(_TEXTS) > 40
    cues = 0
    for path in _TEXTS:
        text = path.read_text(encoding="utf-8")
        found = _found(PERIOD_CUE_REVIEW, text)
        assert found == _found(_PLAIN_CUE, text), path.name
        cues += len(found)
    assert cues > 300  # (the texts do hold periods: the comparison is not vacuous)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_the_cue_guard_finds_what_the_plain_forms_find_in_generated_text(text: str) -> None:
    assert _found(PERIOD_CUE_REVIEW, text) == _found(_PLAIN_CUE, text)
