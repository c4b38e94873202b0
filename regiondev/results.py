"""One result protocol for every analysis: a frame, and renderers that never recompute."""

from __future__ import annotations

import html
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol, runtime_checkable

__all__ = [
    "Cell",
    "Result",
    "Table",
    "TableResult",
    "format_cell",
    "frame_to_html",
    "frame_to_markdown",
    "frame_to_table",
    "markdown_escape",
    "safe_text",
    "table_to_html",
    "table_to_markdown",
]


@runtime_checkable
class Result(Protocol):
    """What analyses return: ``to_frame()`` (polars) plus markdown and notebook renderers."""

    def to_frame(self) -> Any: ...

    def to_markdown(self) -> str: ...

    def _repr_html_(self) -> str: ...


def format_cell(value: Any) -> str:
    """Render one cell: floats to 4 significant decimals, infinities as ∞, lists joined."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if math.isinf(value):
            return "∞" if value > 0 else "-∞"
        if math.isnan(value):
            return "NaN"
        if value == int(value) and abs(value) < 1e15:
            return f"{int(value)}"
        # Six significant digits keep every printed figure (873.85, 2487.1, 3109.79) intact.
        return f"{value:.6g}" if abs(value) >= 1e-4 else f"{value:.3e}"
    if isinstance(value, list | tuple):
        return ", ".join(format_cell(v) for v in value)
    return str(value)


def safe_text(text: str) -> str:
    """Untrusted text with NUL, other control characters and bidi overrides written as visible
    escapes (``regiondev.untrusted.printable``): they never reach a report as raw bytes."""
    from regiondev.untrusted import printable

    return printable(text)


def markdown_escape(text: str) -> str:
    """Untrusted text for Markdown: HTML is shown, never live (``<script>`` prints as text),
    and the characters that would start a table cell, a link or emphasis are escaped."""
    text = html.escape(safe_text(text), quote=False)
    return re.sub(r"([\\`*\[\]|])", r"\\\1", text).replace("\n", " ")


@dataclass(frozen=True)
class Cell:
    """One table cell: its text, and optionally a sort key, a tooltip (a figure's quote and
    source), the observation ids it comes from, a link and a CSS class."""

    text: str
    sort: str | float | None = None
    title: str = ""
    ids: tuple[str, ...] = ()
    href: str = ""
    css: str = ""
    html: str = ""  # pre-rendered, already escaped HTML (a figure with its popover)


@dataclass(frozen=True)
class Table:
    """A table for people: headers in words, formatted cells, an optional details row per
    row (provenance that would widen the table), collapsed or sortable/filterable."""

    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    details: tuple[str, ...] = ()
    numeric: tuple[bool, ...] = ()
    collapsed: bool = False
    interactive: bool = False
    row_ids: tuple[str, ...] = ()
    css: str = ""
    note: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def height(self) -> int:
        return len(self.rows)


def _cell_html(cell: Cell, numeric: bool) -> str:
    classes = " ".join(c for c in (cell.css, "num" if numeric else "") if c)
    attrs = f' class="{classes}"' if classes else ""
    if cell.sort is not None:
        attrs += f' data-sort="{html.escape(str(cell.sort))}"'
    if cell.html:
        inner = cell.html
    else:
        inner = html.escape(safe_text(cell.text))
        if cell.href:
            inner = f'<a href="{html.escape(cell.href)}">{inner}</a>'
        if cell.title:
            inner = f'<span title="{html.escape(safe_text(cell.title))}">{inner}</span>'
    return f"<td{attrs}>{inner}</td>"


def table_to_html(table: Table, *, table_id: str = "") -> str:
    """The one HTML table renderer (report and notebooks): escaped cells, a details row under
    a row when it has provenance, ``<details>`` around a long table, ``data-sort`` keys and
    a filter box for an interactive one."""
    ncols = len(table.headers)
    numeric = table.numeric or (False,) * ncols
    classes = " ".join(
        c for c in ("rd-table", table.css, "rd-sortable" if table.interactive else "") if c
    )
    ident = f' id="{html.escape(table_id)}"' if table_id else ""
    out = [f'<table class="{classes}"{ident}>']
    if table.caption and not table.collapsed:
        out.append(f"<caption>{html.escape(table.caption)}</caption>")
    out.append(
        "<thead><tr>"
        + "".join(
            ('<th scope="col" class="num">' if n else '<th scope="col">') + f"{html.escape(h)}</th>"
            for h, n in zip(table.headers, numeric, strict=False)
        )
        + "</tr></thead><tbody>"
    )
    label = html.escape(table.extra.get("details_label", "details"))
    for i, row in enumerate(table.rows):
        rid = table.row_ids[i] if i < len(table.row_ids) and table.row_ids[i] else ""
        rattr = f' id="{html.escape(rid)}"' if rid else ""
        cells = [_cell_html(c, n) for c, n in zip(row, numeric, strict=False)]
        detail = table.details[i] if i < len(table.details) else ""
        if detail and cells:
            # provenance folded into the last cell: it opens over the page, not the table
            cells[-1] = (
                cells[-1][: -len("</td>")] + f'<details class="prov"><summary>{label}</summary>'
                f'<div class="prov-body">{detail}</div></details></td>'
            )
        out.append(f"<tr{rattr}>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    body = "".join(out)
    if table.interactive:
        label = html.escape(table.extra.get("filter_label", "Filter rows"))
        body = (
            f'<p class="rd-filter"><label>{label} <input type="search" '
            f'data-filter-for="{html.escape(table_id)}"></label></p>' + body
        )
    if table.note:
        body += f'<p class="rd-note">{html.escape(table.note)}</p>'
    if table.collapsed:
        summary = html.escape(f"{table.caption} ({table.height})")
        return f'<details class="rd-long"><summary>{summary}</summary>{body}</details>'
    return body


def table_to_markdown(table: Table) -> str:
    """The same table as GitHub-flavoured Markdown (cells escaped; details rows dropped,
    since Markdown has none: the ids stay in the cells that carry them)."""
    head = "| " + " | ".join(markdown_escape(h) for h in table.headers) + " |"
    rule = (
        "|"
        + "|".join("---:" if n else "---" for n in (table.numeric or (False,) * len(table.headers)))
        + "|"
    )
    body = ["| " + " | ".join(markdown_escape(c.text) for c in row) + " |" for row in table.rows]
    return "\n".join([head, rule, *body])


def frame_to_table(
    frame: Any,
    columns: Sequence[str] | None = None,
    caption: str = "",
    headers: Sequence[str] | None = None,
) -> Table:
    """A polars frame as a :class:`Table`, cells through :func:`format_cell`."""
    cols = list(columns or frame.columns)
    rows = tuple(
        tuple(Cell(format_cell(r[c])) for c in cols)
        for r in frame.select(cols).iter_rows(named=True)
    )
    numeric = tuple(frame.schema[c].is_numeric() for c in cols)
    return Table(caption, tuple(headers or cols), rows, numeric=numeric)


def frame_to_markdown(frame: Any, columns: list[str] | None = None) -> str:
    """A GitHub-flavoured Markdown table of a polars frame (cells escaped)."""
    return table_to_markdown(frame_to_table(frame, columns))


def frame_to_html(frame: Any, columns: list[str] | None = None, caption: str = "") -> str:
    """An HTML table of a polars frame, escaped, for reports and notebooks."""
    return table_to_html(frame_to_table(frame, columns, caption))


class TableResult:
    """Mixin: a result whose renderers derive from ``to_frame()`` and ``title``.

    ``view`` names the result's display columns in ``regiondev.display`` (declared once, read
    by the terminal, Markdown, notebooks and ``__repr__``); results made with
    ``@dataclass(repr=False)`` get the one-screen ``__repr__`` below: the title, a line of
    counts (``summary_line``) and the first rows of the view.
    """

    title: str = ""
    display_columns: tuple[str, ...] = ()
    view: ClassVar[str] = ""
    #: Rows ``__repr__`` shows before it says how many more there are.
    repr_rows: ClassVar[int] = 8

    def summary_line(self) -> str:
        """One line of counts (verdicts, statuses…) for ``__repr__``; empty by default."""
        return ""

    def repr_frame(self) -> Any:
        """The rows ``__repr__`` shows first (a result may lead with what needs attention)."""
        return self.to_frame()

    def display_frame(self, lang: str = "en") -> Any:
        """The view's columns as strings, headed as people read them."""
        from regiondev.display import display_frame, view

        if not self.view:
            frame = self.to_frame()
            cols = list(self.display_columns) or list(frame.columns)
            return frame.select(cols)
        return display_frame(self.to_frame(), view(self.view), lang)  # type: ignore[arg-type]

    def __repr__(self) -> str:
        from regiondev.display import display_rows, raw_column, view
        from regiondev.terminal import table_text

        frame = self.repr_frame()
        n = frame.height
        if self.view:
            columns = view(self.view)
        else:
            names = list(self.display_columns) or list(frame.columns)
            columns = tuple(raw_column(c) for c in names)
        rows = display_rows(frame.head(self.repr_rows), columns)
        head = f"<{type(self).__name__}: {n} row{'s' if n != 1 else ''}>"
        lines = [head]
        if self.summary_line():
            lines.append(self.summary_line())
        lines.append(table_text(self.title, columns, rows, 100))
        if n > self.repr_rows:
            lines.append(f"… {n - self.repr_rows} more; .to_frame() for the data")
        return "\n".join(lines)

    def to_frame(self) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def to_markdown(self) -> str:
        """The view's columns (numbers for people) as Markdown; the data is ``to_frame()``."""
        if self.view:
            return frame_to_markdown(self.display_frame())
        cols = list(self.display_columns) or None
        return frame_to_markdown(self.to_frame(), cols)

    def _repr_html_(self) -> str:
        """The view's columns as an HTML table for notebooks (the report's renderer)."""
        if self.view:
            return frame_to_html(self.display_frame(), caption=self.title)
        cols = list(self.display_columns) or None
        return frame_to_html(self.to_frame(), cols, caption=self.title)
