"""Option types shared by every command."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

__all__ = [
    "RELIABILITY_LEVELS",
    "CatalogOpt",
    "ColumnsOpt",
    "Format",
    "FormatOpt",
    "MinReliabilityOpt",
    "OutcomesOpt",
    "RegionOpt",
]


class Format(StrEnum):
    """Output formats; typed in any case (``--format JSON`` works)."""

    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


FormatOpt = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        case_sensitive=False,
        help="table (default: the columns that fit the terminal), json, csv or md (Markdown).",
    ),
]
CatalogOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--catalog",
        "-c",
        metavar="FILE",
        help="A user catalog file (TOML, same format as the shipped one); repeatable.",
        exists=False,
    ),
]
OutcomesOpt = Annotated[
    bool,
    typer.Option(
        "--outcomes",
        help="Add the outcomes layer: later official figures (2015–2024) with cited sources.",
    ),
]
#: The reliability levels, most reliable first: ``regiondev.model.Reliability``'s values,
#: written here so that the CLI's --help imports no model (tests/cli hold them equal).
RELIABILITY_LEVELS = ("official_bulletin", "official_press", "media_report", "aggregator")


def _reliability_callback(value: str | None) -> str | None:
    """A reliability level in any case (``Media_Report``); a clean usage error otherwise."""
    if value is None:
        return None
    level = value.strip().casefold()
    if level not in RELIABILITY_LEVELS:
        raise typer.BadParameter(
            f"{value!r} is not a reliability level; choose one of " + ", ".join(RELIABILITY_LEVELS)
        )
    return level


MinReliabilityOpt = Annotated[
    str | None,
    typer.Option(
        "--min-reliability",
        callback=_reliability_callback,
        help=(
            "Leave out outcome records less reliable than this level (official_bulletin > "
            "official_press > media_report > aggregator); the count left out goes to stderr."
        ),
    ),
]
ColumnsOpt = Annotated[
    str | None,
    typer.Option(
        "--columns",
        metavar="NAMES",
        help="Columns to show, comma-separated (table and md), or 'all'. "
        "Default: the result's main columns that fit the terminal.",
    ),
]


def _region_callback(value: str | None) -> str | None:
    """The region code a user means (湖南, Hunan, HUNAN…); a clean usage error otherwise."""
    if value is None:
        return None
    from regiondev.errors import ParameterError
    from regiondev.regions import resolve_region

    try:
        return resolve_region(value, "region").value
    except ParameterError as exc:
        raise typer.BadParameter(str(exc)) from None


RegionOpt = Annotated[
    str | None,
    typer.Option(
        "--region",
        metavar="REGION",
        callback=_region_callback,
        help="hunan, changsha, zhuzhou or china, in English or Chinese (湖南, 长沙, 株洲, 全国).",
    ),
]
