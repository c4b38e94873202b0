"""One result protocol for every analysis: a frame, and renderers that never recompute."""

from __future__ import annotations

import html
import math
from typing import Any, Protocol, runtime_checkable

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
    """Mixin: a result whose renderers derive from ``to_frame()`` and ``title``."""

    title: str = ""
    display_columns: tuple[str, ...] = ()

    def to_frame(self) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def to_markdown(self) -> str:
        cols = list(self.display_columns) or None
        return frame_to_markdown(self.to_frame(), cols)

    def _repr_html_(self) -> str:
        cols = list(self.display_columns) or None
        return frame_to_html(self.to_frame(), cols, caption=self.title)
