"""Rendering of result frames: rich tables on a terminal, JSON/CSV/Markdown on stdout."""

from __future__ import annotations

import math
import sys
from pathlib import Path
from typing import Any, NoReturn

import typer

from regiondev.cli.options import Format

__all__ = [
    "emit",
    "fail",
    "json_rows",
    "load_user_catalog",
    "note_layer",
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
_PATH_COLUMNS = ("path", "file", "origin", "input", "rule")


def emit(
    frame: Any,
    fmt: Format,
    title: str = "",
    columns: list[str] | None = None,
    *,
    chosen: str | None = None,
    view: str | None = None,
) -> None:
    """Write a frame to stdout in the chosen format.

    A table and Markdown show the result's display columns (``view``: words and numbers for
    people, see regiondev.display), else ``columns`` as they are; ``chosen`` is the user's
    ``--columns`` (display keys or frame columns, comma-separated, or ``all``). A table shows
    the leading columns that fit the terminal. JSON and CSV carry every column (or the
    chosen frame columns) as data, paths relative to the working directory.
    """
    if fmt in (Format.json, Format.csv):
        if chosen and chosen.strip().casefold() != "all":
            names = [c.strip() for c in chosen.split(",") if c.strip()]
            missing = [n for n in names if n not in frame.columns]
            if missing:
                fail(
                    f"--columns: {missing[0]!r} is not a column of the data; columns: "
                    + ", ".join(frame.columns)
                )
            frame = frame.select(names)
        frame = _portable_paths(frame)
    if fmt is Format.json:
        import json

        sys.stdout.write(json.dumps(json_rows(frame), ensure_ascii=False, indent=2) + "\n")
        return
    if fmt is Format.csv:
        from regiondev.csvcells import frame_to_csv

        sys.stdout.write(frame_to_csv(frame))
        return
    from regiondev.display import choose, display_rows, raw_column
    from regiondev.display import view as view_of
    from regiondev.errors import ParameterError
    from regiondev.terminal import render_table, terminal_width

    shown = (
        view_of(view)
        if view
        else tuple(raw_column(c) for c in (columns or frame.columns) if c in frame.columns)
    )
    if chosen:
        names = (
            list(frame.columns)
            if chosen.strip().casefold() == "all"
            else [c.strip() for c in chosen.split(",") if c.strip()]
        )
        try:
            shown = choose(frame, shown, names)
        except ParameterError as exc:
            fail(f"--columns: {exc}")
    rows = display_rows(frame, shown)
    if fmt is Format.md:
        from regiondev.results import Cell, Table, table_to_markdown

        table = Table(
            "",
            tuple(c.header_en for c in shown),
            tuple(tuple(Cell(r[c.key]) for c in shown) for r in rows),
        )
        sys.stdout.write(table_to_markdown(table) + "\n")
        return
    render_table(title, shown, rows, terminal_width())


def note_layer(outcomes: bool) -> None:
    """After an analysis without the later official figures the report uses, say so (stderr)."""
    if not outcomes:
        typer.secho(
            "(the texts' own figures; --outcomes adds the later official figures, as the "
            "report does)",
            err=True,
            dim=True,
        )


def plural(n: int, noun: str, plural_form: str = "") -> str:
    """``1 check``, ``3 checks``, ``2 entries`` (``plural_form`` for irregular nouns)."""
    return f"{n} {noun if n == 1 else plural_form or noun + 's'}"


def fail(message: str, code: int = 2) -> NoReturn:
    """Print a diagnostic to stderr and exit (2: usage or input error)."""
    from regiondev.untrusted import printable

    typer.secho(f"error: {printable(message)}", err=True, fg=typer.colors.RED)
    raise typer.Exit(code)


def load_user_catalog(
    paths: list[Path] | None,
    outcomes: bool = False,
    min_reliability: Any = None,
) -> Any:
    """Load the shipped catalog plus user files (and the outcomes layer on request), turning
    input errors into exit code 2; the records left out below ``min_reliability`` are counted
    on stderr."""
    from regiondev._catalog import load_catalog
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
