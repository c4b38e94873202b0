"""Raw text → clean simplified text, with an offset map back to the raw file and damaged runs.

Cleaning removes the ASCII pinyin annotations some pages carry (``制造業(yè)``) and converts
traditional characters to simplified with OpenCC. Every clean character remembers the raw
character it came from, so a quote found in clean text is shown exactly as printed.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

__all__ = ["CleanText", "DamagedRun", "clean", "clean_length", "clean_lines", "to_simplified"]

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_ANNOTATION = r"\((?:[a-zA-Z]*[āáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ][a-zA-Z]*|[a-z]{1,6})\)"
_PINYIN = re.compile(rf"(?<=[{_CJK}]){_ANNOTATION}")
# The annotation of the last character of a damaged run follows an ASCII realignment byte,
# not a CJK character, so _PINYIN misses it; it is page noise all the same.
_ANNOTATION_AT = re.compile(_ANNOTATION)
# A byte-damaged run: a '?' standing for lost bytes, then GBK text read one byte out of step,
# until an ASCII character between two CJK characters (or before an annotation) realigns it.
_DAMAGED = re.compile(
    rf"\?(?=\S)[^\n]{{0,12}}?[{_CJK}](?P<realign>[A-Za-z^_`|\\@#$&=])(?=[{_CJK}(])"
)


# Bytes a decoder could not read (U+FFFD, from an input decoded with replacement), with up to
# two neighbours on each side, not across punctuation: in a double-byte encoding the byte after
# a lost one may pair with its neighbour into a wrong character (亿元 → 以�), and a figure so
# close to lost bytes may have lost a digit, unit or qualifier.
_NOT_PUNCT = "[^\\s，。、；：！？,.;:!?（）()]"
_LOST = re.compile(f"{_NOT_PUNCT}{{0,2}}\ufffd+{_NOT_PUNCT}{{0,2}}")


@dataclass(frozen=True, slots=True)
class DamagedRun:
    """A run of mojibake in the raw text; no figure may be drawn from inside it."""

    raw_start: int
    raw_end: int
    clean_start: int
    clean_end: int
    raw: str
    repaired: str = ""

    @property
    def repair_note(self) -> str:
        """How the run repairs, as printed and in simplified characters (as the clean text).

        E.g. ``repairs to …（自治區 = …（自治区 in simplified characters (…)``.
        """
        if "\ufffd" in self.raw:
            return "bytes the decoder could not read (shown as \ufffd); not repairable"
        if not self.repaired:
            return "not repairable by a provable one-byte GBK realignment"
        simplified = to_simplified(self.repaired)
        shown = f"…{self.repaired}"
        if simplified != self.repaired:
            shown += f" = …{simplified} in simplified characters"
        return (
            f"repairs to {shown} (the first character's lead byte is lost; the rest "
            "re-encodes to the damaged bytes exactly)"
        )


@dataclass(frozen=True, slots=True)
class CleanText:
    """A source's clean text and the map from each clean character to its raw offset."""

    raw: str
    text: str
    offsets: tuple[int, ...]
    damaged: tuple[DamagedRun, ...]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw-text span covering clean characters [start, end)."""
        if not 0 <= start < end <= len(self.text):
            raise IndexError(f"clean span [{start}, {end}) outside text of {len(self.text)}")
        return self.offsets[start], self.offsets[end - 1] + 1

    def raw_quote(self, start: int, end: int) -> str:
        """The quote exactly as printed in the raw file (annotations included)."""
        a, b = self.raw_span(start, end)
        return self.raw[a:b]

    def find(self, quote: str) -> list[int]:
        """Every start offset of ``quote`` (normalised the same way) in the clean text."""
        needle = normalise_fragment(quote)
        if not needle:
            return []
        hits, at = [], self.text.find(needle)
        while at != -1:
            hits.append(at)
            at = self.text.find(needle, at + 1)
        return hits

    def in_damaged_run(self, start: int, end: int) -> DamagedRun | None:
        for run in self.damaged:
            if start < run.clean_end and run.clean_start < end:
                return run
        return None


@cache
def _converter() -> object:
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified (OpenCC t2s). One function, so the converter can be swapped."""
    return str(_converter().convert(text))  # type: ignore[attr-defined]


def normalise_fragment(fragment: str) -> str:
    """Normalise a user-typed quote the way source texts are cleaned."""
    stripped = _PINYIN.sub("", fragment)
    return _convert_same_length(stripped)


# Full-width digits written with full-width punctuation: １２５４．６ (a decimal point) and
# １，２５４ (a thousands separator), read as the ASCII marks the number reader knows. One
# character for one, so offsets stay.
_FULL_WIDTH_MARK = re.compile(r"(?<=[０-９])(?:．(?=[０-９])|，(?=[０-９]{3}(?![０-９])))")


def _full_width_marks(text: str) -> str:
    return _FULL_WIDTH_MARK.sub(lambda m: "." if m.group(0) == "．" else ",", text)


def _convert_same_length(text: str) -> str:
    """Convert to simplified and read full-width number marks, keeping every line's length."""
    converted = _convert_lines(text)
    if _FULL_WIDTH_MARK.search(converted) is None:
        return converted
    return _full_width_marks(converted)


def _convert_lines(text: str) -> str:
    """Convert line by line; a line whose length would change is converted char by char.

    The whole text goes through OpenCC in one call: OpenCC's dictionary keys never hold a
    line break, so its longest-match segmentation restarts at every line and the converted
    text is the concatenation of the lines converted one by one (tests check this). Only a
    line whose length changed is redone char by char.
    """
    converted = to_simplified(text)
    if converted == text:  # (a simplified text, the common case: nothing moved)
        return converted
    lines = text.splitlines(keepends=True)
    done = converted.splitlines(keepends=True)
    if (
        len(converted) == len(text)
        and len(done) == len(lines)
        and all(map(int.__eq__, map(len, lines), map(len, done)))
    ):
        return converted
    if len(done) != len(lines):  # pragma: no cover - OpenCC never adds or drops a line break
        done = [to_simplified(line) for line in lines]
    out: list[str] = []
    for line, conv in zip(lines, done, strict=True):
        if len(conv) != len(line):
            conv = "".join(to_simplified(ch) if len(to_simplified(ch)) == 1 else ch for ch in line)
        out.append(conv)
    return "".join(out)


def _repair(run: str) -> str:
    """Repair a damaged run by a one-byte GBK realignment, or return '' if not provable."""
    body = run[1:]
    try:
        damaged_bytes = body.encode("gbk")
    except UnicodeEncodeError:
        return ""
    shifted = damaged_bytes[1:]
    try:
        repaired = shifted.decode("gbk")
    except UnicodeDecodeError:
        return ""
    if not repaired or repaired.encode("gbk") != shifted:
        return ""
    if not all(re.match(rf"[{_CJK}\u3000-\u303f\uff00-\uffef]", ch) for ch in repaired):
        return ""
    return repaired


def _strip(raw: str) -> tuple[str, list[int] | None, list[tuple[int, int, str]]]:
    """Remove pinyin annotations: (stripped text, raw offset of each kept char, damaged runs).

    The offset list is None when nothing was removed (each character keeps its offset).
    """
    damaged_raw = (
        [(m.start(), m.end(), m.group(0)) for m in _DAMAGED.finditer(raw)] if "?" in raw else []
    )
    if "\ufffd" in raw:
        damaged_raw = _merge(
            damaged_raw, [(m.start(), m.end(), m.group(0)) for m in _LOST.finditer(raw)]
        )
    if "(" not in raw:
        return raw, None, damaged_raw
    removed = [m.span() for m in _PINYIN.finditer(raw)]
    for _, b, _ in damaged_raw:
        if m := _ANNOTATION_AT.match(raw, b):
            removed.append(m.span())
    if not removed:
        return raw, None, damaged_raw
    removed.sort()
    keep: list[int] = []
    pieces: list[str] = []
    r = 0
    for a, b in removed:
        if a < r:  # overlapping annotation spans: skip what is already removed
            a = r
        keep.extend(range(r, a))
        pieces.append(raw[r:a])
        r = max(r, b)
    keep.extend(range(r, len(raw)))
    pieces.append(raw[r:])
    return "".join(pieces), keep, damaged_raw


def _merge(
    first: list[tuple[int, int, str]], second: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Both lists of runs in order, a run overlapping an earlier kept one left out."""
    out: list[tuple[int, int, str]] = []
    for run in sorted(first + second):
        if out and run[0] < out[-1][1]:
            continue
        out.append(run)
    return out


def _runs(
    damaged_raw: list[tuple[int, int, str]], keep: list[int] | None
) -> tuple[DamagedRun, ...]:
    runs = []
    for a, b, s in damaged_raw:
        ca = a if keep is None else bisect.bisect_left(keep, a)
        cb = b if keep is None else bisect.bisect_left(keep, b)
        runs.append(DamagedRun(a, b, ca, cb, s, _repair(s)))
    return tuple(runs)


def clean(raw: str) -> CleanText:
    """Clean a raw source text; see the module docstring."""
    stripped, keep, damaged_raw = _strip(raw)
    text = _convert_same_length(stripped)
    offsets = tuple(range(len(raw))) if keep is None else tuple(keep)
    if len(text) != len(offsets):
        raise AssertionError("cleaning lost the offset map")
    return CleanText(raw, text, offsets, _runs(damaged_raw, keep))


def _strip_text(raw: str) -> tuple[str, tuple[DamagedRun, ...]]:
    """``(stripped text, damaged runs)`` of ``_strip`` without the offset map when possible."""
    if "?" not in raw and "\ufffd" not in raw:
        # no damaged run: only the pinyin annotations go, and they never overlap
        return (_PINYIN.sub("", raw) if "(" in raw else raw), ()
    text, keep, damaged_raw = _strip(raw)
    return text, _runs(damaged_raw, keep)


def clean_length(raw: str) -> int:
    """``len(clean(raw).text)`` without converting (conversion keeps every length)."""
    return len(_strip_text(raw)[0])


def clean_lines(lines: Sequence[str]) -> list[tuple[str, tuple[DamagedRun, ...]]]:
    """``(clean(line).text, clean(line).damaged)`` for each line, with one OpenCC call.

    Each item of ``lines`` must be one whole line of a text (as ``str.splitlines(True)`` gives
    them, in order); the result is exactly that of cleaning the lines one by one, without
    building offset maps.
    """
    whole = "".join(lines)
    stripped: list[str] = []
    runs: list[tuple[DamagedRun, ...]] = []
    if "?" not in whole and "\ufffd" not in whole and "(" not in whole:
        # no damaged run and no annotation anywhere: every line is its own stripped text
        stripped, runs = list(lines), [()] * len(lines)
    else:
        for line in lines:
            text, damaged = _strip_text(line)
            stripped.append(text)
            runs.append(damaged)
        whole = "".join(stripped)
    converted = _convert_same_length(whole)
    out = []
    at = 0
    for text, damaged in zip(stripped, runs, strict=True):
        end = at + len(text)
        out.append((converted[at:end], damaged))
        at = end
    return out
