"""One result protocol for every analysis: a frame, and renderers that never recompute."""

from __future__ import annotations

import html
import math
from typing import Any, ClassVar, Protocol, runtime_checkable

__all__ = ["Result", "TableResult", "format_cell", "frame_to_html", "frame_to_markdown"]


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


def frame_to_markdown(frame: Any, columns: list[str] | None = None) -> str:
    """A GitHub-flavoured Markdown table of a polars frame (pipes escaped)."""
    cols = columns or list(frame.columns)
    head = "| " + " | ".join(cols) + " |"
    rule = "|" + "|".join("---" for _ in cols) + "|"
    body = [
        "| "
        + " | ".join(format_cell(r[c]).replace("|", "\\|").replace("\n", " ") for c in cols)
        + " |"
        for r in frame.select(cols).iter_rows(named=True)
    ]
    return "\n".join([head, rule, *body])


def frame_to_html(frame: Any, columns: list[str] | None = None, caption: str = "") -> str:
    """An HTML table of a polars frame, escaped, for reports and notebooks."""
    cols = columns or list(frame.columns)
    out = ['<table class="rd-table">']
    if caption:
        out.append(f"<caption>{html.escape(caption)}</caption>")
    out.append(
        "<thead><tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in cols) + "</tr></thead>"
    )
    out.append("<tbody>")
    for r in frame.select(cols).iter_rows(named=True):
        out.append(
            "<tr>" + "".join(f"<td>{html.escape(format_cell(r[c]))}</td>" for c in cols) + "</tr>"
        )
    out.append("</tbody></table>")
    return "".join(out)


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
        cols = list(self.display_columns) or None
        return frame_to_markdown(self.to_frame(), cols)

    def _repr_html_(self) -> str:
        cols = list(self.display_columns) or None
        return frame_to_html(self.to_frame(), cols, caption=self.title)
