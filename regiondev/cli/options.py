"""Option types shared by every command."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

__all__ = ["CatalogOpt", "Format", "FormatOpt"]


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
