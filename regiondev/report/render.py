"""Render report sections: HTML through a jinja2 template (autoescaped) with ``report.css``
and a small inline script, and Markdown with every untrusted text escaped.

The HTML is self-contained (charts as SVG data URIs, CSS and JS inline, no network); the
Markdown links its charts in ``figures/``.
"""

from __future__ import annotations

import base64
import html
import re
from functools import cache
from importlib import resources
from typing import Any

from regiondev.formatting import Lang
from regiondev.report.build import Block, Section
from regiondev.report.i18n import t
from regiondev.report.provenance import Ref, _ref_html, sentence_html, sentence_markdown
from regiondev.results import Cell, markdown_escape, safe_text, table_to_html, table_to_markdown

__all__ = ["ref_cell", "render_html", "render_markdown", "text_html"]


def ref_cell(r: Ref, **kw: Any) -> Cell:
    """A table cell holding a number with its provenance: the popover in HTML, the same
    number as text in Markdown (a cell is never empty in one and full in the other)."""
    return Cell(r.text, html=_ref_html(r), **kw)


def text_html(text: str) -> str:
    """Our own paragraphs to HTML: escaped first, then **bold**, `code` and - lists."""
    parts = []
    for para in text.split("\n\n"):
        esc = html.escape(safe_text(para))
        esc = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", esc)
        esc = re.sub(r"`(.+?)`", r"<code>\1</code>", esc)
        lines = esc.split("\n")
        if all(line.startswith("- ") for line in lines):
            parts.append("<ul>" + "".join(f"<li>{i[2:]}</li>" for i in lines) + "</ul>")
        else:
            parts.append(f"<p>{'<br>'.join(lines)}</p>")
    return "".join(parts)


def _data_uri(svg: bytes) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


@cache
def _asset(name: str) -> str:
    return resources.files("regiondev.report").joinpath(name).read_text(encoding="utf-8")


@cache
def _template() -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("regiondev.report", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env.get_template("report.html.j2")


def _esc(text: str) -> str:
    """Text that may come from a file (a source's title, a caption naming records): control
    characters shown as escapes (untrusted.printable), then HTML-escaped."""
    return html.escape(safe_text(text))


def _block_html(block: Block, section: Section, index: int) -> str:
    if block.kind == "text":
        return text_html(block.text)
    if block.kind == "findings":
        out = []
        for head, sentences in block.findings:
            items = "".join(f"<li>{sentence_html(s)}</li>" for s in sentences)
            out.append(f'<h3>{_esc(head)}</h3><ul class="findings">{items}</ul>')
        return "".join(out)
    if block.kind == "table" and block.table is not None:
        if not block.table.rows:
            return f"<p><em>{_esc(block.table.caption)}: –</em></p>"
        return table_to_html(block.table, table_id=f"{section.anchor}-t{index}")
    if block.kind == "chart" and block.chart is not None:
        c = block.chart
        return (
            f'<figure><img alt="{_esc(c.alt or c.caption)}" src="{_data_uri(c.svg)}">'
            f"<figcaption>{_esc(c.caption)}</figcaption></figure>"
        )
    if block.kind == "source":
        return (
            f'<details class="source" id="{html.escape(block.anchor)}"><summary>'
            f"{_esc(block.title)}</summary>"
            f'<div class="source-text" lang="zh">{block.html}</div></details>'
        )
    return ""


def render_html(sections: list[Section], lang: Lang = "en") -> str:
    from markupsafe import Markup

    rendered = [
        {
            "anchor": s.anchor,
            "title": s.title,
            "appendix": s.appendix,
            "body": Markup("".join(_block_html(b, s, i) for i, b in enumerate(s.blocks))),
        }
        for s in sections
    ]
    return str(
        _template().render(
            lang="zh-Hans" if lang == "zh" else "en",
            title=t("title", lang),
            subtitle=t("subtitle", lang),
            contents=t("contents", lang),
            appendices=t("appendices", lang),
            sections=rendered,
            css=Markup(_asset("report.css")),
            script=Markup(_asset("report.js")),
        )
    )


def render_markdown(sections: list[Section], lang: Lang = "en") -> str:
    """The report as Markdown: untrusted text escaped (HTML shown, never live)."""
    out = [f"# {markdown_escape(t('title', lang))}", "", markdown_escape(t("subtitle", lang)), ""]
    out += [
        f"{t('contents', lang)}: "
        + " · ".join(f"[{markdown_escape(s.title)}](#{s.anchor})" for s in sections),
        "",
    ]
    for s in sections:
        out += [f'<a id="{s.anchor}"></a>', "", f"## {markdown_escape(s.title)}", ""]
        for b in s.blocks:
            if b.kind == "text":
                out += [_text_markdown(b.text), ""]
            elif b.kind == "findings":
                for head, sentences in b.findings:
                    out += [f"### {markdown_escape(head)}", ""]
                    out += [f"- {sentence_markdown(x)}" for x in sentences]
                    out.append("")
            elif b.kind == "table" and b.table is not None:
                out += [f"**{markdown_escape(b.table.caption)}**", ""]
                out += [table_to_markdown(b.table) if b.table.rows else "_–_", ""]
            elif b.kind == "chart" and b.chart is not None:
                cap = markdown_escape(b.chart.caption)
                alt = markdown_escape(b.chart.alt or b.chart.caption)
                out += [f"![{alt}](figures/{b.chart.name})", "", f"*{cap}*", ""]
            elif b.kind == "source":
                out += [
                    f"**{markdown_escape(b.title)}** (HTML report: the text with every "
                    "cataloged figure highlighted)"
                    if lang == "en"
                    else f"**{markdown_escape(b.title)}**（HTML报告中可阅读全文）",
                    "",
                ]
    return "\n".join(out).rstrip() + "\n"


def _text_markdown(text: str) -> str:
    """Our own paragraphs: HTML escaped, **bold** and `code` kept."""
    return html.escape(safe_text(text), quote=False)
