"""`report`: write the Markdown and HTML analysis report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from regiondev.cli.check import RulesOpt
from regiondev.cli.options import CatalogOpt
from regiondev.cli.render import fail, load_user_catalog

__all__ = ["register"]


def report(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write the report into.")],
    catalog: CatalogOpt = None,
    rules: RulesOpt = None,
    deflator: Annotated[
        float | None,
        typer.Option(
            help="Assumed annual deflator (e.g. 0.02) to compare nominal with real growth."
        ),
    ] = None,
    lang: Annotated[
        str,
        typer.Option(
            "--lang",
            help="Language of the whole report, charts included: en (default) or zh.",
            metavar="en|zh",
        ),
    ] = "en",
    outcomes: Annotated[
        bool,
        typer.Option(
            "--outcomes/--no-outcomes",
            help="Include 'What happened next' (targets against later outcomes) when known.",
        ),
    ] = True,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Write into a non-empty folder that holds no previous report "
            "(its report.md, report.html and figures/ are replaced; other files are kept).",
        ),
    ] = False,
) -> None:
    """Write report.md, report.html (figures embedded) and figures/ into --out.

    --rules adds your rule files to the consistency section, as for regiondev check. The
    same inputs give byte-identical files. Example: regiondev report --out analyses
    """
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from regiondev.errors import RegiondevError
    from regiondev.report.build import check_report_target, write_report

    lang = lang.strip().lower()
    if lang not in ("en", "zh"):
        fail(f"--lang {lang!r} is not a report language; choose en or zh")
    if deflator is not None and not -0.5 < deflator < 1.0:
        fail(f"--deflator {deflator} is not a plausible annual rate (give a fraction, e.g. 0.02)")
    try:
        check_report_target(out, force=force)  # before the build: a bad --out fails at once
    except RegiondevError as exc:
        fail(str(exc))
    cat = load_user_catalog(catalog, outcomes=outcomes)
    console = Console(stderr=True)
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("report", total=9)

        def step(name: str) -> None:
            bar.update(task, description=f"building section: {name}", advance=1)

        try:
            paths = write_report(
                cat,
                out,
                deflator=deflator,
                force=force,
                progress=step,
                rules=rules or (),
                lang="zh" if lang == "zh" else "en",
                outcomes=outcomes,
            )
        except RegiondevError as exc:
            fail(str(exc))
    typer.secho(f"wrote {paths['markdown']} and {paths['html']}", err=True)


def register(app: typer.Typer) -> None:
    app.command("report")(report)
