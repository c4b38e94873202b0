"""The regiondev command: one typer app; each command lives in its own module."""

from __future__ import annotations

import importlib
import os
import re
import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup
from typer.exceptions import TyperException

try:  # typer >= 0.22 vendors click
    from typer._click import exceptions as _click_errors
except ImportError:  # pragma: no cover - older typer depends on click
    from click import exceptions as _click_errors  # type: ignore[no-redef,import-not-found,unused-ignore]

__all__ = ["app", "main"]

#: Set to show the traceback of an unexpected error instead of the one-line report.
DEBUG_ENV = "REGIONDEV_DEBUG"


def _error(message: str) -> None:
    from regiondev.untrusted import printable

    typer.secho(f"error: {printable(message)}", err=True, fg=typer.colors.RED)


class _GuardedGroup(TyperGroup):
    """Every command's bad input ends in one ``error: …`` message and exit code 2.

    A RegiondevError (a file, record or argument the package refuses) and an OSError (a
    path the system refuses) are the user's to fix: message, exit 2, no traceback. Any other
    exception is a bug: one line saying so (exit 1), the traceback with REGIONDEV_DEBUG=1.
    """

    def invoke(self, ctx: Any) -> Any:
        from regiondev.errors import RegiondevError

        try:
            return super().invoke(ctx)
        except RegiondevError as exc:
            _error(str(exc))
            raise typer.Exit(2) from None
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename is not None else ""
            _error(f"{where}{exc.strerror or exc}")
            raise typer.Exit(2) from None
        except (typer.Exit, typer.Abort, TyperException):
            raise  # usage errors: click prints them (exit 2)
        except Exception as exc:
            if os.environ.get(DEBUG_ENV):
                raise
            _error(
                f"internal error ({type(exc).__name__}: {str(exc)[:300]}); this is a bug in "
                f"regiondev: please report it with the command you ran ({DEBUG_ENV}=1 shows "
                "the traceback)"
            )
            raise typer.Exit(1) from None


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
    cls=_GuardedGroup,
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

#: Placeholders in words for options that name none (never a Python type such as <int>).
PLACEHOLDERS = {
    "since": "YEAR",
    "as_of": "DATE",
    "date": "DATE",
    "min_reliability": "LEVEL",
    "deflator": "RATE",
    "deflator_range": "LOW,HIGH",
    "out": "DIR",
    "as_catalog": "FILE",
    "rules": "FILE",
    "catalog": "FILE",
    "jobs": "N",
    "region": "REGION",
    "table": "TABLE",
    "lang": "LANG",
    "reference": "REFERENCE",
    "derived": "FILE",
}


def command() -> Any:
    """The click command of the app, every option's placeholder in words (its name, or
    PLACEHOLDERS; never a Python type such as <int>)."""
    group = typer.main.get_command(app)
    for sub in getattr(group, "commands", {}).values():
        for param in sub.params:
            if getattr(param, "is_flag", False) or getattr(param, "metavar", None):
                continue
            name = param.name or ""
            if getattr(param, "param_type_name", "") == "argument":
                # its name says what it is (REGION, INPUTS); its help says the rest
                param.metavar = name.upper()
                param.display_type_rich = lambda ctx: ""
            else:
                param.metavar = PLACEHOLDERS.get(name, name.upper())
    return group


def _on_sigterm(signum: int, frame: Any) -> None:
    # SIGTERM unwinds like Ctrl-C: worker pools are ended and writes finish or roll back
    raise SystemExit(128 + signum)


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
    """The console script: the guarded app. A usage error is one line on stderr and exit
    code 2; a closed stdout or Ctrl-C ends quietly."""
    import signal

    signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        code = command().main(standalone_mode=False)
    except _click_errors.NoArgsIsHelpError as exc:
        sys.stdout.write(exc.format_message() + "\n")
        sys.exit(0)
    except _click_errors.UsageError as exc:
        _error(_usage_message(exc))
        sys.exit(2)
    except _click_errors.ClickException as exc:
        _error(exc.format_message())
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        sys.exit(130)
    except BrokenPipeError:  # regiondev … | head
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)
