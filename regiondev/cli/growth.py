"""`growth`: a verdict for every target, and the growth each requires against the record."""

from __future__ import annotations

import math
from typing import Annotated

import typer

from regiondev.cli.options import (
    CatalogOpt,
    ColumnsOpt,
    Format,
    FormatOpt,
    MinReliabilityOpt,
    OutcomesOpt,
    RegionOpt,
)
from regiondev.cli.render import emit, fail, load_user_catalog, note_layer

__all__ = ["register"]


def growth_cmd(
    fmt: FormatOpt = Format.table,
    catalog: CatalogOpt = None,
    outcomes: OutcomesOpt = False,
    min_reliability: MinReliabilityOpt = None,
    deflator: Annotated[
        float | None,
        typer.Option(
            "--deflator",
            metavar="RATE",
            help=(
                "Assumed annual deflator as a fraction (e.g. 0.02 for 2 %), used to compare "
                "nominal required CAGRs with real growth rates on record. Without it such rows "
                "are 'basis_differs'."
            ),
        ),
    ] = None,
    since: Annotated[
        int | None,
        typer.Option(
            "--since",
            help="First year of the history window (growth on record, trend); default: all.",
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help=(
                "Date of the verdicts, YYYY-MM-DD (default today): a target whose period ended "
                "before it gets met / missed / no_outcome, a later one a pace band."
            ),
        ),
    ] = None,
    columns: ColumnsOpt = None,
    region: RegionOpt = None,
) -> None:
    """A verdict for every target, and the growth it requires against the growth on record.

    Every target appears once: met / missed against an outcome for its period, no_outcome
    (period over, latest figure stated), a pace band (period to come) or not_assessable with
    the reason. Rates are fractions (0.0996 = 9.96 %). Examples:

      regiondev growth

      regiondev growth --deflator 0.02 --since 2016 --format json

      regiondev growth --catalog my_bulletin.toml --format csv
    """
    if deflator is not None and not (math.isfinite(deflator) and -0.5 < deflator < 1.0):
        fail(f"--deflator {deflator} is not a plausible annual rate (give a fraction, e.g. 0.02)")
    if since is not None and not 1900 <= since <= 2200:
        fail(f"--since {since} is not a year (give e.g. 2016)")
    day = None
    if as_of is not None:
        import datetime as dt

        try:
            day = dt.date.fromisoformat(as_of)
        except ValueError:
            fail(f"--as-of {as_of!r} is not a date YYYY-MM-DD")
    from regiondev.analysis.growth import growth

    cat = load_user_catalog(catalog, outcomes, min_reliability)
    result = growth(cat, deflator=deflator, since=since, as_of=day)
    frame = result.to_frame()
    if region is not None:
        frame = frame.filter(frame["region"] == region)
    title = result.title + (
        f" (deflator {deflator:.2%} a year" if deflator is not None else " (no deflator"
    )
    title += (f", since {since}" if since is not None else "") + f", as of {result.as_of})"
    emit(frame, fmt, title, chosen=columns, view="growth")
    note_layer(outcomes)


def register(app: typer.Typer) -> None:
    app.command("growth")(growth_cmd)
