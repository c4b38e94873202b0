"""`sources`, `catalog` and `audit`: the foundation listings."""

from __future__ import annotations

from typing import Annotated

import typer

from regiondev.cli.options import (
    CatalogOpt,
    Format,
    FormatOpt,
    MinReliabilityOpt,
    OutcomesOpt,
)
from regiondev.cli.render import emit, fail, load_user_catalog

__all__ = ["register"]

_CATALOG_COLUMNS = [
    "id",
    "region",
    "indicator",
    "status",
    "period",
    "figure",
    "value",
    "unit",
    "bound",
    "low",
    "high",
    "basis",
]


def sources(fmt: FormatOpt = Format.table, catalog: CatalogOpt = None) -> None:
    """List the source texts: id, file, sha256, title, outlet, publication date.

    Example: regiondev sources --format json
    """
    from regiondev.sources import source_frame

    cat = load_user_catalog(catalog)
    frame = source_frame(cat.sources)
    emit(
        frame,
        fmt,
        "Sources",
        ["id", "published", "region", "script", "title", "outlet", "damaged_runs"]
        if fmt is Format.table
        else None,
    )


def catalog_cmd(
    fmt: FormatOpt = Format.table,
    catalog: CatalogOpt = None,
    outcomes: OutcomesOpt = False,
    min_reliability: MinReliabilityOpt = None,
    region: Annotated[str | None, typer.Option(help="hunan, changsha, zhuzhou or china")] = None,
    indicator: Annotated[str | None, typer.Option(help="an indicator code, e.g. gdp")] = None,
    status: Annotated[str | None, typer.Option(help="actual or target")] = None,
) -> None:
    """List catalog records with their quotes, bounds and periods.

    Example: regiondev catalog --region zhuzhou --status target --format csv
    """
    import polars as pl

    from regiondev.model import Region, Status

    cat = load_user_catalog(catalog, outcomes, min_reliability)
    if region is not None and region not in {r.value for r in Region}:
        fail(f"--region {region!r} is not one of: {', '.join(r.value for r in Region)}")
    if status is not None and status not in {s.value for s in Status}:
        fail(f"--status {status!r} is not one of: actual, target")
    if indicator is not None and indicator not in cat.indicators:
        codes = ", ".join(sorted(cat.indicators))
        fail(f"--indicator {indicator!r} is not a known indicator code; known codes: {codes}")
    frame = cat.frame()
    for col, val in (("region", region), ("indicator", indicator), ("status", status)):
        if val is not None:
            frame = frame.filter(pl.col(col) == val)
    emit(frame, fmt, "Catalog", [*_CATALOG_COLUMNS, "quote"] if fmt is Format.table else None)


def audit_cmd(
    fmt: FormatOpt = Format.table,
    catalog: CatalogOpt = None,
    outcomes: OutcomesOpt = False,
    min_reliability: MinReliabilityOpt = None,
    all_tokens: Annotated[
        bool, typer.Option("--all", help="list every token, not only the per-source summary")
    ] = False,
) -> None:
    """Audit every number in every source: cataloged, waived or unaccounted.

    Exit code 1 when any number is unaccounted. Example: regiondev audit --all --format csv
    """
    from regiondev.audit import audit

    cat = load_user_catalog(catalog, outcomes, min_reliability)
    result = audit(cat)
    frame = result.to_frame() if all_tokens or fmt is not Format.table else result.summary()
    emit(frame, fmt, "Number audit")
    missing = result.unaccounted()
    if missing:
        typer.secho(f"{len(missing)} unaccounted numbers", err=True, fg=typer.colors.YELLOW)
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("sources")(sources)
    app.command("catalog")(catalog_cmd)
    app.command("audit")(audit_cmd)
