"""Rendering of result frames: rich tables on a terminal, JSON/CSV/Markdown on stdout."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any, NoReturn

import typer

from regiondev.cli.options import Format

__all__ = [
    "choose_columns",
    "display_cell",
    "emit",
    "fail",
    "json_rows",
    "load_user_catalog",
    "plural",
]


def _jsonable(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def json_rows(frame: Any) -> list[dict[str, Any]]:
    """Rows as dicts; non-finite floats (unbounded interval ends) become null."""
    return [{k: _jsonable(v) for k, v in r.items()} for r in frame.iter_rows(named=True)]


def _relative(value: Any) -> Any:
    """A path under the working directory, written relative to it (data stays portable)."""
    if isinstance(value, str) and value.startswith("/"):
        try:
            return str(Path(value).relative_to(Path.cwd()))
        except ValueError:
            return value
    return value


def _portable_paths(frame: Any) -> Any:
    import polars as pl

    cols = [c for c in _PATH_COLUMNS if c in frame.columns and frame[c].dtype == pl.String]
    if not cols:
        return frame
    return frame.with_columns(
        [pl.col(c).map_elements(_relative, return_dtype=pl.String) for c in cols]
    )


#: Columns holding file paths: relative to the working directory in JSON and CSV.
_PATH_COLUMNS = ("path", "file", "origin", "input")


def choose_columns(frame: Any, default: list[str] | None, chosen: str | None) -> list[str]:
    """The columns to show: ``--columns`` (comma-separated, or ``all``) else the default."""
    if not chosen:
        return [c for c in (default or frame.columns) if c in frame.columns]
    if chosen.strip().casefold() == "all":
        return list(frame.columns)
    names = [c.strip() for c in chosen.split(",") if c.strip()]
    for name in names:
        if name not in frame.columns:
            import difflib

            near = difflib.get_close_matches(name, frame.columns, n=1)
            hint = f"; did you mean {near[0]!r}?" if near else "."
            fail(f"--columns: {name!r} is not a column{hint} Columns: {', '.join(frame.columns)}")
    return names


def emit(
    frame: Any,
    fmt: Format,
    title: str = "",
    columns: list[str] | None = None,
    *,
    chosen: str | None = None,
) -> None:
    """Write a frame to stdout in the chosen format.

    ``columns`` are the result's display columns in order of importance (table and md);
    ``chosen`` is the user's ``--columns``. A table shows the leading columns that fit the
    terminal; JSON and CSV carry every column (or the chosen ones), paths relative.
    """
    if fmt in (Format.json, Format.csv):
        if chosen:
            frame = frame.select(choose_columns(frame, None, chosen))
        frame = _portable_paths(frame)
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
        from regiondev.cli.terminal import safe_text
        from regiondev.results import frame_to_markdown

        cols = choose_columns(frame, columns, chosen)
        sys.stdout.write(safe_text(frame_to_markdown(frame, cols)) + "\n")
    else:
        from regiondev.cli.terminal import render_table, terminal_width

        cols = choose_columns(frame, columns, chosen)
        rows = [
            {c: display_cell(c, r[c]) for c in cols}
            for r in frame.select(cols).iter_rows(named=True)
        ]
        render_table(title, cols, rows, terminal_width())


def display_cell(column: str, value: Any) -> str:
    """One cell as people read it (the report's number formatting)."""
    from regiondev.results import format_cell

    return format_cell(value)


def plural(n: int, noun: str, plural_form: str = "") -> str:
    """``1 check``, ``3 checks``, ``2 entries`` (``plural_form`` for irregular nouns)."""
    return f"{n} {noun if n == 1 else plural_form or noun + 's'}"


def fail(message: str, code: int = 2) -> NoReturn:
    """Print a diagnostic to stderr and exit (2: usage or input error)."""
    typer.secho(f"error: {message}", err=True, fg=typer.colors.RED)
    raise typer.Exit(code)


def load_user_catalog(paths: list[Path] | None) -> Any:
    """Load the shipped catalog plus user files, turning input errors into exit code 2."""
    from regiondev.catalog import load_catalog
    from regiondev.errors import RegiondevError

    try:
        return load_catalog(paths or ())
    except RegiondevError as exc:
        fail(str(exc))
