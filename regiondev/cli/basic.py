"""`sources`, `catalog` and `audit`: the foundation listings."""

from __future__ import annotations

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
from regiondev.cli.render import emit, fail, load_user_catalog

__all__ = ["register"]


def sources(
    fmt: FormatOpt = Format.table, catalog: CatalogOpt = None, columns: ColumnsOpt = None
) -> None:
    """List the source texts: id, file, sha256, title, outlet, publication date.

    Example: regiondev sources --format json
    """
    from regiondev._sources import source_frame

    cat = load_user_catalog(catalog)
    frame = source_frame(cat.sources)
    emit(frame, fmt, "Sources", chosen=columns, view="sources")


def catalog_cmd(
    fmt: FormatOpt = Format.table,
    catalog: CatalogOpt = None,
    outcomes: OutcomesOpt = False,
    min_reliability: MinReliabilityOpt = None,
    region: RegionOpt = None,
    indicator: Annotated[
        str | None,
        typer.Option(metavar="CODE", help="An indicator code, e.g. gdp (regiondev indicators)."),
    ] = None,
    status: Annotated[str | None, typer.Option(metavar="STATUS", help="actual or target.")] = None,
    columns: ColumnsOpt = None,
) -> None:
    """List catalog records with their quotes, bounds and periods.

    Example: regiondev catalog --region zhuzhou --status target --format csv
    """
    import polars as pl

    from regiondev.model import Status

    cat = load_user_catalog(catalog, outcomes, min_reliability)
    if status is not None:
        status = status.strip().casefold()
        if status not in {s.value for s in Status}:
            fail(f"--status {status!r} is not one of: actual, target")
    if indicator is not None and indicator not in cat.indicators:
        import difflib

        near = difflib.get_close_matches(indicator, list(cat.indicators), n=1)
        hint = f"; did you mean {near[0]!r}?" if near else ""
        fail(f"--indicator {indicator!r} is not an indicator code{hint} (regiondev indicators)")
    frame = cat.frame()
    for col, val in (("region", region), ("indicator", indicator), ("status", status)):
        if val is not None:
            frame = frame.filter(pl.col(col) == val)
    n = frame.height
    emit(frame, fmt, f"Catalog: {n} record{'s' if n != 1 else ''}", chosen=columns, view="catalog")


def audit_cmd(
    fmt: FormatOpt = Format.table,
    catalog: CatalogOpt = None,
    outcomes: OutcomesOpt = False,
    min_reliability: MinReliabilityOpt = None,
    all_tokens: Annotated[
        bool, typer.Option("--all", help="Every number, not only the per-source summary.")
    ] = False,
    columns: ColumnsOpt = None,
) -> None:
    """Audit every number in every source: cataloged, waived or unaccounted.

    Exit code 1 when any number is unaccounted. Example: regiondev audit --all --format csv
    """
    from regiondev._audit import audit

    cat = load_user_catalog(catalog, outcomes, min_reliability)
    result = audit(cat)
    if all_tokens:
        emit(result.to_frame(), fmt, "Number audit: every number", chosen=columns)
    else:
        emit(result.summary(), fmt, "Number audit", chosen=columns, view="audit")
    missing = result.unaccounted()
    if missing:
        n = len(missing)
        typer.secho(
            f"{n} unaccounted number{'s' if n != 1 else ''}", err=True, fg=typer.colors.YELLOW
        )
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("sources")(sources)
    app.command("catalog")(catalog_cmd)
    app.command("audit")(audit_cmd)
