"""Text tables that fit a width (a terminal, a notebook repr): the columns that fit, in order.

A number or an id is never split across lines (its column is as wide as its widest cell); only
prose columns (quotes, notes, messages) wrap. Columns that do not fit are left out and named on
stderr, with the way to see them (``--columns``, ``--format md``/``json``).
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from regiondev.untrusted import printable

if TYPE_CHECKING:
    from regiondev.display import DisplayColumn

__all__ = [
    "TableLayout",
    "fit_columns",
    "render_table",
    "table_text",
    "terminal_width",
]

#: A prose column is never narrower than this (or its widest cell, if narrower).
PROSE_MIN = 16
#: An id column may be cut to this width, with an ellipsis (the full id is in md/json/csv).
ID_MIN = 24
#: Spare width first widens cut ids up to this, then prose columns, then longer ids.
ID_ROOM = 36
#: rich's default box: one border left, then " cell " and a border per column.
_BORDER_PER_COLUMN = 3


def terminal_width() -> int:
    """The width to fit: $COLUMNS if set, the terminal's on a tty, else 120."""
    env = os.environ.get("COLUMNS", "")
    if env.isdigit() and int(env) >= 20:
        return int(env)
    if sys.stdout.isatty():
        return shutil.get_terminal_size((120, 24)).columns
    return 120


@dataclass(frozen=True)
class TableLayout:
    """Which columns are shown, the width of each, which wrap, and which were left out."""

    columns: tuple[str, ...]
    widths: tuple[int, ...]
    prose: tuple[bool, ...]
    left_out: tuple[str, ...]


def _cell_len(text: str) -> int:
    from rich.cells import cell_len

    return max((cell_len(line) for line in text.split("\n")), default=0)


def fit_columns(
    columns: tuple[DisplayColumn, ...], cells: dict[str, list[str]], width: int
) -> TableLayout:
    """The leading columns whose minimum widths fit ``width`` (the first always shows), and
    the width each gets.

    A column's minimum is its widest cell (header included), except a prose column's, which
    is at most ``PROSE_MIN``, and an id column's, at most ``ID_MIN`` (cut with an ellipsis).
    A column that does not fit is left out; later ones that fit are kept. Spare width goes
    first to cut ids (up to ``ID_ROOM``), then to prose columns, then to longer ids.
    """
    chosen: list[tuple[str, int, int, bool]] = []  # name, minimum, natural, prose
    left: list[str] = []
    used = 1
    for col in columns:
        c = col.key
        natural = max([_cell_len(col.header_en), *(_cell_len(v) for v in cells[c])])
        is_prose = col.prose
        if is_prose:
            need = min(natural, PROSE_MIN)
        elif col.ident:
            need = min(natural, ID_MIN)
        else:
            need = natural
        if chosen and used + need + _BORDER_PER_COLUMN > width:
            left.append(c)
            continue
        chosen.append((c, need, natural, is_prose))
        used += need + _BORDER_PER_COLUMN
    widths = [m for _, m, _, _ in chosen]
    spare = max(0, width - used)
    # spare width: cut ids up to ID_ROOM, then prose, then the rest of long ids
    for prose_pass, cap in ((False, ID_ROOM), (True, None), (False, None)):
        for i, (_, _, natural, is_prose) in enumerate(chosen):
            goal = natural if cap is None else min(natural, cap)
            if is_prose is prose_pass and spare > 0 and goal > widths[i]:
                give = min(spare, goal - widths[i])
                widths[i] += give
                spare -= give
    return TableLayout(
        tuple(c for c, _, _, _ in chosen),
        tuple(widths),
        tuple(p for _, _, _, p in chosen),
        tuple(left),
    )


_STATUS_STYLES = {
    "fail": "bold red",
    "missed": "bold red",
    "moving_away": "red",
    "warn": "yellow",
    "acceleration_needed": "yellow",
    "limited_progress": "yellow",
    "not_comparable": "dim",
    "not_checkable": "dim",
    "not_assessable": "dim",
    "no_outcome": "dim",
    "pass": "green",
    "met": "green",
    "on_track": "green",
    "unaccounted": "bold red",
}
_STATUS_COLUMNS = frozenset({"status", "verdict", "classification", "unaccounted"})


def _rich_table(
    title: str, columns: tuple[DisplayColumn, ...], rows: list[dict[str, str]], width: int
) -> tuple[Any, TableLayout]:
    from rich.table import Table
    from rich.text import Text

    cells = {c.key: [printable(r.get(c.key, "")) for r in rows] for c in columns}
    headers = {c.key: c.header_en for c in columns}
    layout = fit_columns(columns, cells, width)
    table = Table(title=printable(title) or None, show_lines=False)
    for c, w, is_prose in zip(layout.columns, layout.widths, layout.prose, strict=True):
        if is_prose:
            table.add_column(headers[c], width=w, overflow="fold")
        else:
            table.add_column(headers[c], width=w, no_wrap=True, overflow="ellipsis")
    for i in range(len(rows)):
        row = []
        for c in layout.columns:
            value = cells[c][i]
            style = _STATUS_STYLES.get(value.replace(" ", "_"), "") if c in _STATUS_COLUMNS else ""
            row.append(Text(value, style=style))
        table.add_row(*row)
    return table, layout


def render_table(
    title: str, columns: tuple[DisplayColumn, ...], rows: list[dict[str, str]], width: int
) -> None:
    """Print ``rows`` (strings keyed by column key) as a rich table fitted to ``width``; name
    the columns left out on stderr."""
    from rich.console import Console

    table, layout = _rich_table(title, columns, rows, width)
    Console(width=width, highlight=False, soft_wrap=False).print(table)
    if layout.left_out:
        n = len(layout.left_out)
        noun = "column" if n == 1 else "columns"
        Console(stderr=True, highlight=False).print(
            f"({n} {noun} left out to fit {width} characters: {', '.join(layout.left_out)}; "
            "choose with --columns, or see all with --format md or json)",
            markup=False,
        )


def table_text(
    title: str, columns: tuple[DisplayColumn, ...], rows: list[dict[str, str]], width: int = 100
) -> str:
    """The same table as plain text (no colour), for ``__repr__``; left-out columns named."""
    import io

    from rich.console import Console

    table, layout = _rich_table(title, columns, rows, width)
    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None, highlight=False).print(table)
    text = buffer.getvalue().rstrip("\n")
    if layout.left_out:
        text += f"\n(not shown here: {', '.join(layout.left_out)})"
    return text
