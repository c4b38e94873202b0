"""`growth`: the growth each target requires, against the growth on record."""

from __future__ import annotations

import math
from typing import Annotated

import typer

from regiondev.cli.options import CatalogOpt, ColumnsOpt, Format, FormatOpt
from regiondev.cli.render import emit, fail, load_user_catalog

__all__ = ["register"]


def growth_cmd(
    fmt: FormatOpt = Format.table,
    catalog: CatalogOpt = None,
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
    columns: ColumnsOpt = None,
) -> None:
    """Required growth per numeric target (interval from bounds and rounding) vs history.

    Every target appears: with a required CAGR interval, or with the reason there is none.
    Rates are fractions (0.0996 = 9.96 %). Examples:

      regiondev growth

      regiondev growth --deflator 0.02 --format json

      regiondev growth --catalog my_bulletin.toml --format csv
    """
    if deflator is not None and not (math.isfinite(deflator) and -0.5 < deflator < 1.0):
        fail(f"--deflator {deflator} is not a plausible annual rate (give a fraction, e.g. 0.02)")
    from regiondev.analysis.growth import growth

    cat = load_user_catalog(catalog)
    result = growth(cat, deflator=deflator)
    frame = result.to_frame()
    title = result.title + (
        f" (deflator {deflator:.2%} a year)" if deflator is not None else " (no deflator)"
    )
    emit(frame, fmt, title, chosen=columns, view="growth")


def register(app: typer.Typer) -> None:
    app.command("growth")(growth_cmd)
