"""Option types shared by every command."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from regiondev.model import Reliability

__all__ = ["CatalogOpt", "Format", "FormatOpt", "MinReliabilityOpt", "OutcomesOpt"]


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


FormatOpt = Annotated[
    Format,
    typer.Option("--format", "-f", help="table (rich, default), json, csv or md (Markdown)."),
]
CatalogOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--catalog",
        "-c",
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
MinReliabilityOpt = Annotated[
    Reliability | None,
    typer.Option(
        "--min-reliability",
        help=(
            "Leave out outcome records less reliable than this level (official_bulletin > "
            "official_press > media_report > aggregator); the count left out goes to stderr."
        ),
        case_sensitive=False,
    ),
]
