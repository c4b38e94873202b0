"""The regiondev command: one typer app; each command lives in its own module."""

from __future__ import annotations

import importlib

import typer

__all__ = ["app", "main"]

app = typer.Typer(
    name="regiondev",
    help=(
        "Typed, sourced regional indicators from Chinese advanced-manufacturing policy texts.\n\n"
        "Every figure points to the sentence it came from. Examples:\n\n"
        "  regiondev sources\n\n"
        "  regiondev catalog --region zhuzhou --format csv\n\n"
        "  regiondev growth --deflator 0.02\n\n"
        "  regiondev report --out analyses/"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

#: Command modules, each with ``register(app)``; imported when the app is built.
COMMAND_MODULES = (
    "regiondev.cli.basic",
    "regiondev.cli.growth",
    "regiondev.cli.check",
    "regiondev.cli.clusters",
    "regiondev.cli.report",
    "regiondev.cli.extract",
)

for _name in COMMAND_MODULES:
    importlib.import_module(_name).register(app)


def main() -> None:
    app()
