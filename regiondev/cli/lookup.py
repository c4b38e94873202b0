"""`indicators` and `series`: look up the vocabulary, and one indicator's values with provenance."""

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
)
from regiondev.cli.render import emit, fail, load_user_catalog

__all__ = ["register"]

_INDICATOR_COLUMNS = ["code", "name_en", "name_zh", "measure", "unit", "records"]


def indicators(
    fmt: FormatOpt = Format.table,
    catalog: CatalogOpt = None,
    columns: ColumnsOpt = None,
    outcomes: OutcomesOpt = False,
) -> None:
    """List the indicator codes with their English and Chinese names, measure and unit.

    Example: regiondev indicators --format csv
    """
    import polars as pl

    cat = load_user_catalog(catalog, outcomes)
    counts: dict[str, int] = {}
    for o in cat.observations:
        counts[o.indicator] = counts.get(o.indicator, 0) + 1
    rows = [
        {
            "code": ind.code,
            "name_en": ind.name_en,
            "name_zh": ind.name_zh,
            "measure": ind.measure.value,
            "unit": ind.unit,
            "records": counts.get(ind.code, 0),
        }
        for ind in sorted(cat.indicators.values(), key=lambda i: i.code)
    ]
    frame = pl.DataFrame(
        rows, schema={**dict.fromkeys(_INDICATOR_COLUMNS, pl.String), "records": pl.Int64}
    )
    n = len(rows)
    emit(frame, fmt, f"{n} indicator{'s' if n != 1 else ''}", chosen=columns, view="indicators")


def series_cmd(
    region: Annotated[
        str,
        typer.Argument(help="hunan, changsha, zhuzhou or china (湖南, 长沙, 株洲, 全国 too)."),
    ],
    indicator: Annotated[
        str,
        typer.Argument(help="An indicator code (regiondev indicators lists them)."),
    ],
    fmt: FormatOpt = Format.table,
    catalog: CatalogOpt = None,
    columns: ColumnsOpt = None,
    outcomes: OutcomesOpt = False,
    min_reliability: MinReliabilityOpt = None,
    subject: Annotated[
        str,
        typer.Option(metavar="NAME", help="A part of the region, as the catalog names it (醴陵)."),
    ] = "",
    breakdown: Annotated[
        str,
        typer.Option(metavar="DIM=MEMBER", help="A member of a partition, e.g. sector=secondary."),
    ] = "",
    parts: Annotated[
        bool, typer.Option("--parts", help="The whole region and every part.")
    ] = False,
) -> None:
    """One indicator of one region by period, each value with its source and quote.

    Examples: regiondev series zhuzhou gdp; regiondev series 株洲 gdp --parts
    """
    from regiondev._series import series
    from regiondev.errors import RegiondevError

    cat = load_user_catalog(catalog, outcomes, min_reliability)
    try:
        result = series(
            region, indicator, cat=cat, subject=subject, breakdown=breakdown, parts=parts
        )
    except RegiondevError as exc:
        fail(str(exc))
    emit(result.to_frame(), fmt, result.title, chosen=columns, view="series")


def register(app: typer.Typer) -> None:
    app.command("indicators")(indicators)
    app.command("series")(series_cmd)
