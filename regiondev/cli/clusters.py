"""`clusters`: cluster shares, concentration, location quotients and Hunan's position."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from regiondev.cli.options import (
    CatalogOpt,
    ColumnsOpt,
    Format,
    FormatOpt,
    MinReliabilityOpt,
    OutcomesOpt,
)
from regiondev.cli.render import emit, fail, load_user_catalog, note_layer

__all__ = ["register"]

_TABLES = (
    "composition",
    "concentration",
    "location_quotients",
    "chi_square",
    "hunan_position",
    "plans",
)


def clusters_cmd(
    fmt: FormatOpt = Format.table,
    catalog: CatalogOpt = None,
    outcomes: OutcomesOpt = False,
    min_reliability: MinReliabilityOpt = None,
    table: Annotated[
        str | None,
        typer.Option(
            "--table",
            "-t",
            help="one table: " + ", ".join(_TABLES) + " (default: all, as one long table)",
        ),
    ] = None,
    columns: ColumnsOpt = None,
    reference: Annotated[
        str | None,
        typer.Option(
            "--reference",
            help=(
                "What the location quotients compare the clusters with: population (2020 "
                "census, shipped), gdp, or any indicator code a catalog gives by macro-region "
                "(default: every reference on record; Hunan's own quotient uses population)."
            ),
        ),
    ] = None,
    derived: Annotated[
        list[Path] | None,
        typer.Option(
            "--derived",
            help="A file of declared derived figures (format of regiondev/data/derived.toml).",
        ),
    ] = None,
) -> None:
    """Cluster shares, HHI, location quotients, chi-square, Hunan's position and the plans.

    Every row carries the catalog observation ids it came from; a comparison across periods or
    measures says so in `comparability`. A user catalog (--catalog) may add a reference
    distribution by macro-region (e.g. GDP with breakdown = "macro_region=east"); choose it
    with --reference gdp. Bounds are never shown as values: the texts name at least 2 of
    Hunan's national clusters, so its quotients are intervals.

    Example: regiondev clusters --table location_quotients --format json
    """
    from regiondev.analysis.clusters import clusters
    from regiondev.errors import RegiondevError

    if table is not None and table not in _TABLES:
        fail(f"--table {table!r} is not one of: {', '.join(_TABLES)}")
    cat = load_user_catalog(catalog, outcomes, min_reliability)
    try:
        result = clusters(cat, reference=reference, derived=derived or ())
    except (RegiondevError, KeyError) as exc:
        fail(str(exc))
    if table is None:
        emit(result.to_frame(), fmt, result.title, chosen=columns, view="clusters")
    else:
        emit(result.table(table), fmt, table, chosen=columns)
    note_layer(outcomes)


def register(app: typer.Typer) -> None:
    app.command("clusters")(clusters_cmd)
