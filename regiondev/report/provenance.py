"""Provenance a reader can see: a figure's quote on hover and focus, and the source viewer.

A :class:`Ref` is a piece of a sentence or a cell that is a number: its text, the ids of the
records it comes from, and a tooltip made of their verbatim quotes and sources. In HTML it is
a link to the record (``#obs-<id>``) that shows the quote in a popover on hover and on focus;
in Markdown it is the text followed by its ids. The source viewer prints each news text with
every cataloged figure highlighted and anchored (``#q-<id>``), linking back to the record.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from regiondev._catalog import Catalog
from regiondev.formatting import Lang
from regiondev.results import markdown_escape, safe_text
from regiondev.translations import translate

__all__ = [
    "Link",
    "Provenance",
    "Ref",
    "Sentence",
    "sentence_html",
    "sentence_markdown",
    "sentence_text",
    "source_viewer",
]


@dataclass(frozen=True)
class Ref:
    """A number in running text with the records it comes from."""

    text: str
    ids: tuple[str, ...] = ()
    title: str = ""


@dataclass(frozen=True)
class Link:
    """A link to a section of the report inside a sentence (our own anchor and words)."""

    anchor: str
    label: str


Part = str | Ref | Link
Sentence = tuple[Part, ...]


class Provenance:
    """Quotes and sources of catalog records, for tooltips and links."""

    def __init__(self, cat: Catalog, lang: Lang = "en") -> None:
        self._cat = cat
        self._obs = {o.id: o for o in cat.observations}
        self._sources = {s.id: s for s in cat.sources}
        self.lang = lang

    def known(self, obs_id: str) -> bool:
        return obs_id in self._obs

    def title(self, ids: Iterable[str], limit: int = 3) -> str:
        """``「quote」 — source title (source id, record id)`` for up to ``limit`` records."""
        lines = []
        ids = [i for i in ids if i in self._obs]
        for i in ids[:limit]:
            o = self._obs[i]
            src = self._sources.get(o.source)
            where = f"{translate(src.title, self.lang)} ({o.source})" if src else o.source
            lines.append(f"「{o.quote}」 — {where} [{i}]")
        if len(ids) > limit:
            more = len(ids) - limit
            lines.append(f"… +{more}" if self.lang == "en" else f"……另{more}条")
        return safe_text("\n".join(lines))

    def ref(self, text: str, ids: Sequence[str] | None = None) -> Ref:
        ids = tuple(i for i in (ids or ()) if i in self._obs)
        return Ref(text, ids, self.title(ids))


def _ref_html(r: Ref, popover: bool = True) -> str:
    """A number as a link to its record with its quotes as a title (a native tooltip) and,
    for the report, a popover that shows on hover and on keyboard focus."""
    text = html.escape(safe_text(r.text))
    if not r.ids:
        return f'<span class="num">{text}</span>'
    title = html.escape(safe_text(r.title))
    pop = title.replace("\n", "<br>")
    tail = f'<span class="pop" role="tooltip">{pop}</span>' if popover else ""
    return (
        f'<a class="fig" href="#obs-{html.escape(r.ids[0])}" title="{title}" '
        f'data-ids="{html.escape(" ".join(r.ids))}">{text}{tail}</a>'
    )


def sentence_html(parts: Sentence, *, popover: bool = True) -> str:
    """A sentence with its numbers as provenance links; every text part escaped."""
    out = []
    for p in parts:
        if isinstance(p, Ref):
            out.append(_ref_html(p, popover))
        elif isinstance(p, Link):
            out.append(f'<a href="#{html.escape(p.anchor)}">{html.escape(p.label)}</a>')
        else:
            out.append(html.escape(safe_text(p)))
    return "".join(out)


def sentence_text(parts: Sentence) -> str:
    """The sentence as plain text (a chart caption, a terminal line)."""
    return "".join(
        p.text if isinstance(p, Ref) else p.label if isinstance(p, Link) else p for p in parts
    )


def sentence_markdown(parts: Sentence) -> str:
    """The same sentence in Markdown: a number followed by its record ids as links."""
    out = []
    for p in parts:
        if isinstance(p, Ref):
            ids = ", ".join(f"[{markdown_escape(i)}](#obs-{i})" for i in p.ids[:3])
            out.append(markdown_escape(p.text) + (f" ({ids})" if ids else ""))
        elif isinstance(p, Link):
            out.append(f"[{markdown_escape(p.label)}](#{p.anchor})")
        else:
            out.append(markdown_escape(p))
    return "".join(out)


def link(anchor: str, label: str) -> Link:
    """A link to a section of the report, as a sentence part."""
    return Link(anchor, label)


def source_viewer(cat: Catalog, source_id: str) -> str:
    """The clean text of a news source as HTML, every cataloged figure highlighted in a
    ``<mark id="q-<record id>">`` that links to its record; paragraphs kept."""
    from regiondev._sources import clean_text

    src = next(s for s in cat.sources if s.id == source_id)
    text = clean_text(src).text
    spans: dict[tuple[int, int], list[str]] = {}
    for o in sorted(cat.observations, key=lambda o: o.id):
        if o.source != source_id or not o.quote:
            continue
        at = text.find(o.quote)
        if at < 0:
            continue
        inner = o.quote.find(o.figure) if o.figure else -1
        if inner < 0:
            continue
        start = at + inner
        spans.setdefault((start, start + len(o.figure)), []).append(o.id)
    out: list[str] = []
    pos = 0
    for (start, end), ids in sorted(spans.items()):
        if start < pos:  # overlapping figures: the first one keeps the highlight
            out.append("".join(f'<span id="q-{html.escape(i)}"></span>' for i in ids))
            continue
        out.append(html.escape(safe_text(text[pos:start])))
        extra = "".join(f'<span id="q-{html.escape(i)}"></span>' for i in ids[1:])
        out.append(
            f'<mark id="q-{html.escape(ids[0])}">{extra}<a href="#obs-{html.escape(ids[0])}" '
            f'title="{html.escape(", ".join(ids))}">{html.escape(safe_text(text[start:end]))}'
            "</a></mark>"
        )
        pos = end
    out.append(html.escape(safe_text(text[pos:])))
    body = "".join(out)
    paras = [p for p in body.split("\n") if p.strip()]
    return "".join(f"<p>{p}</p>" for p in paras)
