"""`extract`: list every numeric claim of new texts, or write them as draft catalog records."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from regiondev.cli.options import ColumnsOpt, Format, FormatOpt
from regiondev.cli.render import fail, plural

__all__ = ["register"]


def _row(claim: Any, path: str = "") -> dict[str, Any]:
    """A claim as a row, with the path of the file it came from after its source id."""
    row = dict(claim._asdict())
    return {"source": row.pop("source"), "path": path, **row}


def extract_cmd(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            help="Text or HTML files (any encoding), directories (*.txt, *.html, *.htm, "
            'recursively) or JSONL files of {"id", "text", optional "date"} documents.',
            show_default=False,
        ),
    ],
    fmt: FormatOpt = Format.table,
    as_catalog: Annotated[
        Path | None,
        typer.Option(
            "--as-catalog",
            help="Write draft catalog records (TOML) to this file instead of listing claims.",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace an existing --as-catalog file.")
    ] = False,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", help="Worker processes (default: all cores).")
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(help="The texts' date (YYYY-MM-DD), to resolve 今年 and 目前."),
    ] = None,
    region: Annotated[
        str | None,
        typer.Option(help="Default region (hunan, changsha, zhuzhou, china or a Chinese name)."),
    ] = None,
    claims_only: Annotated[
        bool, typer.Option("--claims-only", help="Leave set-aside numbers out of the listing.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress on stderr.")] = False,
    columns: ColumnsOpt = None,
) -> None:
    """Find every numeric claim in texts: figure, bound, status, kind, period, region.

    Dates, phone and licence numbers and page furniture are listed with a set_aside_reason.
    Examples: regiondev extract new.txt --format csv;
    regiondev extract corpus/ docs.jsonl --format json -j 8;
    regiondev extract new.txt --as-catalog drafts.toml   (review, confirm, then --catalog)
    """
    import time

    from regiondev._extract.claims import parse_date
    from regiondev._extract.drafts import check_writable, write_drafts
    from regiondev._extract.run import extract_many, list_inputs
    from regiondev.errors import RegiondevError
    from regiondev.untrusted import printable

    if date is not None and parse_date(date) is None:
        fail(f"--date {date!r} is not a date (YYYY-MM-DD)")
    if jobs is not None and jobs < 1:
        fail(f"--jobs {jobs} must be at least 1")
    if region is not None:
        from regiondev._extract.claims import region_code

        known = region_code(region)
        if known is None:
            fail(
                f"--region {region!r} is not a region regiondev knows: use hunan, changsha, "
                "zhuzhou or china, or a province or city by its Chinese name (e.g. 湘潭); "
                "drafts load with --catalog only for the first four"
            )
        region = known
    try:
        inset = list_inputs(inputs)
        if as_catalog is not None:
            check_writable(as_catalog, force=force, inputs=inset.ordered)
    except RegiondevError as exc:
        fail(str(exc))

    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn

    err = Console(stderr=True)
    started = time.perf_counter()
    counts = {"docs": 0, "claims": 0, "aside": 0, "bytes": 0}
    bar = Progress(
        TextColumn("extract"),
        BarColumn(),
        DownloadColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=quiet,
        # the claims go to stdout as they come; rich must not capture them for its display
        redirect_stdout=False,
        redirect_stderr=False,
    )
    task = bar.add_task("", total=inset.total_bytes or None)

    def tick(res: Any) -> None:
        doc, claims = res
        if claims.damaged:
            err.print(
                printable(
                    f"note: {doc.location or doc.id}: {len(claims.damaged)} damaged run(s) "
                    "(mojibake or undecodable bytes); figures in or next to them are set aside"
                ),
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
        if claims.chars == 0:
            err.print(
                printable(f"note: {doc.location or doc.id}: no text (empty input)"),
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
        counts["docs"] += 1
        counts["claims"] += len(claims.claims)
        counts["aside"] += sum(1 for c in claims.claims if c.set_aside_reason)
        counts["bytes"] += doc.size
        bar.update(
            task,
            completed=counts["bytes"],
            description=f"{counts['docs']} docs, {counts['claims']} numbers",
        )

    failures: list[str] = []

    def skipped(message: str) -> None:
        # the first is held back until a second comes: one bad input is one line at the end
        failures.append(message)
        for m in failures if len(failures) == 2 else failures[2:][-1:]:
            err.print(printable(f"skipped: {m}"), markup=False, highlight=False, soft_wrap=True)

    stream = extract_many(
        inset,
        date=date,
        region=region,
        jobs=jobs,
        keep_text=as_catalog is not None,
        progress=tick,
        on_error=skipped,
    )
    try:
        with bar:
            if as_catalog is not None:
                summary = write_drafts(stream, as_catalog, force=force)
            else:
                _list(stream, fmt, claims_only, columns)
    except RegiondevError as exc:
        fail(str(exc))
    elapsed = time.perf_counter() - started
    if not quiet:
        mb = counts["bytes"] / 1e6
        typer.echo(
            f"{plural(counts['docs'], 'document')}, {mb:.2f} MB, "
            f"{plural(counts['claims'], 'number')} ({counts['aside']} set aside) "
            f"in {elapsed:.1f} s",
            err=True,
        )
    if as_catalog is not None and not summary.written:
        typer.echo(
            f"nothing drafted: the {plural(summary.sources, 'document')} read hold no figure or "
            f"set-aside number to draft; {summary.path} was not written"
            + (" (the existing file is unchanged)" if summary.path.exists() else ""),
            err=True,
        )
    elif as_catalog is not None:
        typer.echo(
            f"wrote {summary.observations} draft observations, {summary.waivers} waivers and "
            f"{summary.sources} sources to {summary.path}; review them (real indicator codes "
            'for draft_*, every "(fill in)"), set review = "confirmed", then load with '
            f"--catalog {summary.path}",
            err=True,
        )
        for note in summary.skipped:
            typer.echo(f"not drafted: {note}", err=True)
        if summary.unused_texts:
            typer.echo(
                f"note: {len(summary.unused_texts)} text file(s) in "
                f"{summary.unused_texts[0].parent} are not used by these drafts (left from an "
                "earlier run?); they were not touched: "
                + ", ".join(p.name for p in summary.unused_texts[:5])
                + (" …" if len(summary.unused_texts) > 5 else ""),
                err=True,
            )
    if len(failures) == 1:
        others = " (the other inputs were extracted)" if counts["docs"] else ""
        fail(f"skipped: {failures[0]}{others}")
    if failures:
        fail(
            f"{len(failures)} input(s) could not be read and were skipped (see above); "
            "the others were extracted"
        )


def _list(stream: Any, fmt: Format, claims_only: bool, columns: str | None = None) -> None:
    """Stream JSON and CSV row by row; tables and Markdown are built at the end."""
    import csv
    import json

    from regiondev._extract.claims import CLAIM_FIELDS
    from regiondev.cli.render import _jsonable
    from regiondev.csvcells import cell

    def rows() -> Any:
        for doc, res in stream:
            where = doc.location
            for c in res.claims:
                if claims_only and c.set_aside_reason:
                    continue
                yield where, c

    out = sys.stdout
    if fmt is Format.json:
        out.write("[")
        first = True
        for path, c in rows():
            row = {k: _jsonable(v) for k, v in _row(c, path).items()}
            out.write(("\n" if first else ",\n") + json.dumps(row, ensure_ascii=False))
            first = False
        out.write("\n]\n")
    elif fmt is Format.csv:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(("source", "path", *CLAIM_FIELDS[1:]))
        for path, c in rows():
            # None (no value) and NaN are written blank; csv writes None as "" already
            cells = [cell("" if isinstance(v, float) and v != v else v) for v in c]
            writer.writerow([cells[0], cell(path), *cells[1:]])
    else:
        import polars as pl

        from regiondev._extract.claims import CLAIM_SCHEMA
        from regiondev.cli.render import emit

        schema = {k: getattr(pl, v) for k, v in CLAIM_SCHEMA.items()}
        schema = {"source": schema.pop("source"), "path": pl.String, **schema}
        frame = pl.DataFrame([_row(c, p) for p, c in rows()], schema=schema, orient="row")
        emit(frame, fmt, "Claims", chosen=columns, view="claims")


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_cmd)
