"""Rendering of result frames: rich tables on a terminal, JSON/CSV/Markdown on stdout."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any, NoReturn

import typer

from regiondev.cli.options import Format

__all__ = ["emit", "fail", "json_rows", "load_user_catalog"]


def _jsonable(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def json_rows(frame: Any) -> list[dict[str, Any]]:
    """Rows as dicts; non-finite floats (unbounded interval ends) become null."""
    return [{k: _jsonable(v) for k, v in r.items()} for r in frame.iter_rows(named=True)]


def emit(frame: Any, fmt: Format, title: str = "", columns: list[str] | None = None) -> None:
    """Write a frame to stdout in the chosen format (table columns may be a subset)."""
    if fmt is Format.json:
        sys.stdout.write(json.dumps(json_rows(frame), ensure_ascii=False, indent=2) + "\n")
    elif fmt is Format.csv:
        out = frame.with_columns(
            [
                frame[c].list.join(";")
                for c in frame.columns
                if str(frame[c].dtype).startswith("List")
            ]
        )
        sys.stdout.write(out.write_csv())
    elif fmt is Format.md:
        from regiondev.cli.untrusted import printable
        from regiondev.results import frame_to_markdown

        sys.stdout.write(printable(frame_to_markdown(frame, columns)) + "\n")
    else:
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        from regiondev.cli.untrusted import printable
        from regiondev.results import format_cell

        cols = columns or list(frame.columns)
        table = Table(title=title or None, show_lines=False)
        for c in cols:
            table.add_column(c, overflow="fold")
        for r in frame.select(cols).iter_rows(named=True):
            # cells from texts and catalogs: no escape sequence reaches the terminal, no markup
            table.add_row(*(Text(printable(format_cell(r[c]))) for c in cols))
        Console(width=None if sys.stdout.isatty() else 200).print(table)


def fail(message: str, code: int = 2) -> NoReturn:
    """Print a diagnostic to stderr and exit (2: usage or input error)."""
    from regiondev.cli.untrusted import printable

    typer.secho(f"error: {printable(message)}", err=True, fg=typer.colors.RED)
    raise typer.Exit(code)


def load_user_catalog(
    paths: list[Path] | None, outcomes: bool = False, min_reliability: Any = None
) -> Any:
    """Load the shipped catalog plus user files (and the outcomes layer on request), turning
    input errors into exit code 2; the records left out below ``min_reliability`` are counted
    on stderr."""
    from regiondev.catalog import load_catalog
    from regiondev.errors import RegiondevError

    try:
        cat = load_catalog(paths or (), outcomes=outcomes, min_reliability=min_reliability)
    except RegiondevError as exc:
        fail(str(exc))
    if min_reliability is not None:
        level = getattr(min_reliability, "value", min_reliability)
        typer.secho(
            f"{len(cat.left_out)} outcome records below {level} left out",
            err=True,
            fg=typer.colors.YELLOW,
        )
    return cat
