"""`check`: do the reported figures agree with each other?"""

from __future__ import annotations

from pathlib import Path
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
from regiondev.cli.render import emit, fail, load_user_catalog, note_layer, plural

__all__ = ["register"]

RulesOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--rules",
        "-r",
        metavar="FILE",
        help="A rule file (TOML, same format as regiondev/data/checks.toml); repeatable.",
    ),
]

#: Table order: what needs attention first.
_STATUS_ORDER = ("fail", "warn", "not_comparable", "not_checkable", "pass")


def check_cmd(
    fmt: FormatOpt = Format.table,
    catalog: CatalogOpt = None,
    outcomes: OutcomesOpt = False,
    min_reliability: MinReliabilityOpt = None,
    rules: RulesOpt = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit with code 1 when any check fails.")
    ] = False,
    deflator: Annotated[
        float | None,
        typer.Option(
            "--deflator",
            help=(
                "Assumed annual deflator as a fraction (e.g. 0.02), for compounding checks that "
                "relate nominal levels to real growth. Such a check then reports the deflator "
                "the figures imply and passes or fails on --deflator-range, not on this guess."
            ),
        ),
    ] = None,
    deflator_range: Annotated[
        str | None,
        typer.Option(
            "--deflator-range",
            help="Plausible annual deflator LOW,HIGH as fractions (default -0.02,0.06).",
        ),
    ] = None,
    columns_opt: ColumnsOpt = None,
) -> None:
    """Check every relation the catalog makes checkable and explain each verdict.

    Partitions, parts no larger than their whole, shares of counts, rounding feasibility
    (GRIM), share × total, growth compounding, repeated figures and comparability. Statuses:
    pass, warn, fail, not_comparable, not_checkable. Example: regiondev check --format json
    --strict
    """
    from regiondev.analysis.consistency import check
    from regiondev.errors import RegiondevError

    rng = _range(deflator_range) if deflator_range is not None else None
    cat = load_user_catalog(catalog, outcomes, min_reliability)
    try:
        result = check(cat, rules=rules or (), deflator=deflator, deflator_range=rng)
    except RegiondevError as exc:
        fail(str(exc))
    frame = result.to_frame()
    if fmt in (Format.table, Format.md):
        import polars as pl

        order = {s: i for i, s in enumerate(_STATUS_ORDER)}
        frame = frame.sort(
            pl.col("status").replace_strict(order, default=len(order), return_dtype=pl.Int64),
            maintain_order=True,
        )
    emit(frame, fmt, "Consistency checks", chosen=columns_opt, view="check")
    note_layer(outcomes)
    counts = result.counts()
    summary = ", ".join(f"{n} {status}" for status, n in counts.items() if n)
    typer.secho(f"{plural(len(result), 'check')}: {summary}", err=True)
    if strict and counts["fail"]:
        typer.secho(
            f"--strict: {plural(counts['fail'], 'check')} failed", err=True, fg=typer.colors.RED
        )
        raise typer.Exit(1)


def _range(text: str) -> tuple[float, float]:
    """``-0.02,0.06`` → (-0.02, 0.06); anything else is a one-line error (exit 2)."""
    try:
        low, high = (float(x) for x in text.split(","))
    except ValueError:
        fail(f"--deflator-range {text!r}: give LOW,HIGH as fractions, e.g. -0.02,0.06")
    return low, high


def register(app: typer.Typer) -> None:
    app.command("check")(check_cmd)
