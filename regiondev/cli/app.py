"""The regiondev command: one typer app; each command lives in its own module."""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import typer
from typer.core import TyperGroup
from typer.exceptions import TyperException

__all__ = ["app", "main"]

#: Set to show the traceback of an unexpected error instead of the one-line report.
DEBUG_ENV = "REGIONDEV_DEBUG"


def _error(message: str) -> None:
    from regiondev.cli.untrusted import printable

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
    "regiondev.cli.growth",
    "regiondev.cli.check",
    "regiondev.cli.clusters",
    "regiondev.cli.report",
    "regiondev.cli.extract",
)

for _name in COMMAND_MODULES:
    importlib.import_module(_name).register(app)


def _on_sigterm(signum: int, frame: Any) -> None:
    # SIGTERM unwinds like Ctrl-C: worker pools are ended and writes finish or roll back
    raise SystemExit(128 + signum)


def main() -> None:
    """The console script: the guarded app; a closed stdout or Ctrl-C ends quietly."""
    import signal

    signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:  # regiondev … | head
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
