"""Find English a reader sees in a rendered report: runs of two or more ASCII words.

Ids (``zz21-gdp-target-2025``), numbers, units, URLs, code (``<code>``, command names),
verbatim quotes and single words (an acronym such as GDP or HHI, the name regiondev) are
left alone; two English words in a row are a sentence fragment a Chinese reader would meet.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable
from html.parser import HTMLParser

__all__ = ["english_runs", "visible_texts"]

#: Elements whose text is not prose: code, scripts, styles, the chart images (scanned apart).
_SKIP = {"script", "style", "code", "pre", "kbd"}
#: Attributes a reader sees on hover or that a screen reader speaks.
_SEEN_ATTRS = {"title", "alt", "aria-label", "placeholder", "data-tip"}

_URL = re.compile(r"(?:https?://|www\.)\S+")
#: An id or code: lowercase letters and digits joined by - or _ (zz21-gdp-2020, cny_100m),
#: or a file name (report.css)
_ID = re.compile(r"\b[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)+\b")
#: A run: two or more words of two or more ASCII letters, with only spaces and ASCII
#: punctuation between them
_RUN = re.compile(r"[A-Za-z][A-Za-z']+(?:[ ,;:()/&+]+[A-Za-z][A-Za-z']+)+")
#: Names that stay as they are in Chinese prose, each one word
_ALLOWED_RUNS: frozenset[str] = frozenset()


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[tuple[str, str]] = []
        self._skip = 0
        self._skipping: list[str] = []
        self.section = "top"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        # a verbatim quote (a cell of class "quote") is the source's own words
        if tag in _SKIP or (tag == "td" and "quote" in str(named.get("class") or "").split()):
            self._skip += 1
            self._skipping.append(tag)
        if tag == "section" and named.get("id"):
            self.section = str(named["id"])
        for key, value in attrs:
            if value and (key in _SEEN_ATTRS):
                self.out.append((f"{self.section} {tag}@{key}", value))
            if key == "src" and value and value.startswith("data:image/svg+xml;base64,"):
                svg = base64.b64decode(value.split(",", 1)[1]).decode("utf-8")
                self.out.extend((f"{self.section} svg", t) for t in svg_texts(svg))

    def handle_endtag(self, tag: str) -> None:
        if self._skipping and tag == self._skipping[-1]:
            self._skipping.pop()
            self._skip = max(0, self._skip - 1)

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            self.out.append((f"{self.section} text", data))


def svg_texts(svg: str) -> list[str]:
    """The text a chart draws (matplotlib SVG keeps it as <text> or as a comment-free path
    with the string in an id-less ``<!-- text -->``): every <text> and <title> content."""
    found = re.findall(r"<(?:text|title)[^>]*>([^<]+)</(?:text|title)>", svg)
    found += re.findall(r"<!-- (.*?) -->", svg)
    return [f for f in found if f.strip()]


def visible_texts(html: str) -> list[tuple[str, str]]:
    """(where, text) of every text node, seen attribute and chart label of a page."""
    p = _Visible()
    p.feed(html)
    return p.out


#: A verbatim quote, kept as the source printed it: 「…」 (the report's quote marks)
_QUOTE = re.compile(r"「[^」]*」")


def english_runs(text: str, quotes: Iterable[str] = ()) -> list[str]:
    """The English word runs of one text, ids, URLs, numbers and quotes left out: 「…」 and
    any of ``quotes`` (the catalog's verbatim quotes, some of English-language sources)."""
    t = text
    for q in quotes:
        if q in t:
            t = t.replace(q, " ")
    t = _QUOTE.sub(" ", t)
    t = _URL.sub(" ", t)
    t = _ID.sub(" ", t)
    return [m.group() for m in _RUN.finditer(t) if m.group() not in _ALLOWED_RUNS]


def markdown_texts(md: str) -> list[tuple[str, str]]:
    """(where, text) of a Markdown report: code spans, link targets and HTML anchors out."""
    out = []
    for n, line in enumerate(md.splitlines(), 1):
        line = re.sub(r"`[^`]*`", " ", line)
        line = re.sub(r"\]\([^)]*\)", "]", line)
        line = re.sub(r"<a id=\"[^\"]*\"></a>", " ", line)
        if line.strip():
            out.append((f"line {n}", line))
    return out
