"""The regiondev command: one typer app; each command lives in its own module."""

from __future__ import annotations

import importlib
import re
import sys
from typing import Annotated

import typer

try:  # typer >= 0.22 vendors click
    from typer._click import exceptions as _click_errors
except ImportError:  # pragma: no cover - older typer depends on click
    from click import exceptions as _click_errors  # type: ignore[no-redef,import-not-found,unused-ignore]

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
    "regiondev.cli.lookup",
    "regiondev.cli.growth",
    "regiondev.cli.check",
    "regiondev.cli.clusters",
    "regiondev.cli.report",
    "regiondev.cli.extract",
)

for _name in COMMAND_MODULES:
    importlib.import_module(_name).register(app)


def _version(value: bool) -> None:
    if value:
        from regiondev import __version__

        typer.echo(f"regiondev {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Typed, sourced regional indicators from Chinese advanced-manufacturing policy texts."""


def _usage_message(exc: _click_errors.UsageError) -> str:
    """A usage error in regiondev's voice: what was wrong with which option, in one line."""
    text = exc.format_message().strip().replace("\n", " ")
    for internal, plain in _PLAIN.items():
        if internal in text:
            text = text.split(":", 1)[0] + ": " + plain if ":" in text else plain
            break
    text = re.sub(
        r"^Invalid value for ((?:'[^']+'(?: / )?)+)", lambda m: m.group(1).replace("'", ""), text
    ).replace("Value error, ", "")
    command = exc.ctx.command_path if exc.ctx is not None else "regiondev"
    return f"{text} (see {command} --help)"


#: Validation-library wording and what regiondev says instead.
_PLAIN = {
    "valid number": "not a number",
    "valid integer": "not a whole number",
    "is not a valid float": "not a number",
    "is not a valid integer": "not a whole number",
}


def main() -> None:
    """Run the CLI; a usage error is one line on stderr and exit code 2."""
    try:
        code = app(standalone_mode=False)
    except _click_errors.NoArgsIsHelpError as exc:
        sys.stdout.write(exc.format_message() + "\n")
        sys.exit(0)
    except _click_errors.UsageError as exc:
        sys.stderr.write(f"error: {_usage_message(exc)}\n")
        sys.exit(2)
    except (typer.Abort, KeyboardInterrupt):
        sys.stderr.write("aborted\n")
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)
