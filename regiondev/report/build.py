"""Build the analysis report (Markdown + self-contained HTML) from result objects.

Sections are assembled once as blocks (text, table, figure) and rendered twice; nothing here
recomputes an analysis. The output is byte-identical for the same inputs: no timestamps,
sorted rows, PNGs without date metadata. Writes go to a temporary folder that replaces the
target in one step, and a marker file tells a previous report from a folder of user files.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from regiondev._output import check_output_folder, write_file_set
from regiondev.catalog import Catalog
from regiondev.errors import OutputError
from regiondev.results import format_cell

__all__ = [
    "MARKER",
    "Block",
    "ReportError",
    "Section",
    "build_sections",
    "check_report_target",
    "write_report",
]

MARKER = ".regiondev-report"
_ID_COLUMNS = {"target_id", "baseline_ids", "observation_ids", "record_ids", "input_ids"}


class ReportError(OutputError):
    """The output folder cannot be written (not empty and not a previous report)."""


@dataclass(frozen=True)
class Block:
    kind: str  # "text" | "table" | "figure"
    text: str = ""
    frame: Any = None
    columns: tuple[str, ...] = ()
    caption: str = ""
    figure: str = ""
    png: bytes = b""
    links_ids: bool = False


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str
    blocks: tuple[Block, ...] = field(default=())


def _text(*paragraphs: str) -> Block:
    return Block("text", text="\n\n".join(paragraphs))


def _table(frame: Any, columns: Iterable[str], caption: str, *, links_ids: bool = False) -> Block:
    """A table block; ``links_ids`` when its ``id`` column holds observation ids."""
    cols = tuple(c for c in columns if c in frame.columns)
    return Block("table", frame=frame, columns=cols, caption=caption, links_ids=links_ids)


_NUMBER_WORDS = (
    "No",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Eleven",
    "Twelve",
)


def _count(n: int, noun: str) -> str:
    """``Five news reports``, ``One news report``: a count in words up to twelve, then digits."""
    word = _NUMBER_WORDS[n] if n < len(_NUMBER_WORDS) else str(n)
    return f"{word} {noun if n == 1 else noun + 's'}"


def _sources_intro(cat: Catalog) -> str:
    """What the news sources are, worded from the catalog: how many, shipped or the user's,
    with a text file or cited by URL, in which scripts."""
    from regiondev.sources import load_sources

    shipped = {s.id for s in load_sources()}
    news = [s for s in cat.sources if s.kind == "news"]
    own = sorted(s.id for s in news if s.id not in shipped)
    texts = [s for s in news if s.path]
    traditional = sum(1 for s in texts if s.script == "traditional")
    if not own:
        head = _count(len(news), "Chinese news report")
        where = ""
    else:
        head = _count(len(news), "Chinese news source")
        mine = ", ".join(f"`{i}`" for i in own)
        where = (
            f" ({len(news) - len(own)} shipped with regiondev; {len(own)} from user catalogs: "
            f"{mine})"
        )
    if len(texts) == len(news):
        kept = "kept byte-identical"
    else:
        kept = (
            f"{len(news) - len(texts)} cited by URL only (no text file); the {len(texts)} with "
            "a text file kept byte-identical"
        )
    if traditional:
        cleaning = (
            "pinyin annotations removed, traditional characters converted to simplified with "
            f"OpenCC ({traditional} of the texts {'is' if traditional == 1 else 'are'} in "
            "traditional characters)"
        )
    else:
        cleaning = "pinyin annotations removed (every text is in simplified characters)"
    reference = [s for s in cat.sources if s.kind != "news"]
    kinds = sorted({s.kind for s in reference} - {"reference"})
    besides = ""
    if reference:
        what = _count(len(reference), "reference source").lower()
        of_kind = f" of kind {', '.join(kinds)}" if kinds else ""
        verb = "is" if len(reference) == 1 else "are"
        besides = (
            f" Besides them, {what}{of_kind} ({', '.join(sorted(s.id for s in reference))}) "
            f"{verb} listed at the end of this section: reference data, not claims of the news "
            "texts."
        )
    return (
        f"{head}{where}, {kept} (sha256 verified on every load) and cleaned at load time: "
        f"{cleaning}. Quotes below are in clean simplified text; the appendix also shows each "
        f"quote exactly as printed.{besides}"
    )


def _sources_section(cat: Catalog) -> Section:
    from regiondev.sources import clean_text, source_frame

    frame = source_frame(tuple(s for s in cat.sources if s.kind == "news")).sort("id")
    runs = []
    for s in sorted(cat.sources, key=lambda s: s.id):
        if not s.path or s.kind != "news":
            continue
        for d in clean_text(s).damaged:
            runs.append(
                f"- `{s.id}` characters {d.clean_start}–{d.clean_end} (raw {d.raw_start}–"
                f"{d.raw_end}): `{d.raw}` — {d.repair_note}. No figure is drawn from it."
            )
    blocks = [
        _text(_sources_intro(cat)),
        _table(
            frame,
            ["id", "published", "region", "script", "title", "outlet", "sha256"],
            "Sources (title as printed; published date or the evidence for an undated text)",
        ),
        _table(frame, ["id", "date_evidence"], "How each publication date is known"),
        _text("**Byte-damaged runs found**\n\n" + ("\n".join(runs) if runs else "None.")),
    ]
    reference = tuple(s for s in cat.sources if s.kind != "news")
    if reference:
        blocks.append(
            _table(
                source_frame(reference).sort("id"),
                ["id", "kind", "published", "title", "outlet", "url", "sha256"],
                "Reference data (not claims of the news texts; used for location quotients)",
            )
        )
    return Section("sources", "1. Sources", tuple(blocks))


#: What tells a part of a region (a county, an industry, a partition member) from the whole.
_PART_COLUMNS = ("subject", "breakdown")


def _part_columns(frame: Any) -> list[str]:
    """``subject`` and ``breakdown`` where some row has one (blank for the whole): without
    them the city's and a county's GDP of one year would read as the same row."""
    import polars as pl

    return [
        c
        for c in _PART_COLUMNS
        if c in frame.columns and frame.filter(pl.col(c).fill_null("") != "").height
    ]


def _catalog_section(cat: Catalog) -> Section:
    import polars as pl

    from regiondev.report.figures import catalog_figure

    frame = cat.frame().sort(["region", "indicator", "subject", "breakdown", "period", "id"])
    parts = _part_columns(frame)
    news_ids = [s.id for s in cat.sources if s.kind == "news"]
    news = frame.filter(pl.col("source").is_in(news_ids))
    blocks = [
        _text(
            f"{news.height} figures from the news texts and {frame.height - news.height} "
            "reference records, each with its source, verbatim quote, unit, period, bound "
            "(the interval its qualifier implies: 约 about ±5 % or at least one printed unit, "
            "突破/超过 more than, 以上 at least, 余/多 more than but below the next step of the "
            "last digit) and price basis "
            "(levels nominal, official growth rates real). Units: cny_100m = 亿元 (100 million "
            "yuan); percent as printed."
            + (
                " subject and breakdown tell a part of a region (a county, an industry, a "
                "member of a partition) from the region as a whole (both blank)."
                if parts
                else ""
            )
        ),
        Block(
            "figure",
            figure="catalog.png",
            png=catalog_figure(news),
            caption="Figures cataloged from the news texts, by region and status.",
        ),
        _table(
            frame,
            [
                "region",
                "indicator",
                "id",
                "period",
                "status",
                "figure",
                "value",
                "unit",
                "bound",
                "low",
                "high",
                "basis",
                # last, so the figure's columns stay in view in a narrow window
                *parts,
            ],
            "The catalog by region and indicator (low/high: the bound's interval; ∞ = open)",
            links_ids=True,
        ),
    ]
    return Section("catalog", "2. The catalog", tuple(blocks))


def _growth_section(cat: Catalog, deflator: float | None) -> Section:
    from regiondev.analysis.growth import growth
    from regiondev.report.figures import growth_figure

    result = growth(cat, deflator=deflator)
    frame = result.to_frame()
    assumption = (
        f"Deflator assumption: {deflator:.2%} a year, applied to real growth on record to make "
        "it comparable with nominal required CAGRs."
        if deflator is not None
        else "No deflator assumed: where a nominal required CAGR meets a real growth rate on "
        "record the comparison is marked 'basis differs' (pass --deflator to assume one)."
    )
    blocks = [
        _text(
            "For every target: the baseline (same region, indicator, measure and scope, latest "
            "period before the target; derived where the texts give it only indirectly), the "
            "required compound annual growth with its interval from the inputs' bounds and "
            "printed rounding, and the growth on record with the Eurostat/Open SDG "
            "classification of the ratio historical / required. Rates are fractions (0.0996 = "
            "9.96 %).",
            assumption,
        ),
        Block(
            "figure",
            figure="growth.png",
            png=growth_figure(frame),
            caption="Required CAGR (point and interval) and the growth on record.",
        ),
        _table(
            frame,
            [
                "region",
                "indicator",
                "target_id",
                "baseline_ids",
                "base_period",
                "base_value",
                "target_period",
                "target_value",
                "years",
                "required_cagr",
                "required_cagr_low",
                "required_cagr_high",
                "historical_growth",
                "historical_basis",
                "ratio",
                "classification",
            ],
            "Targets and the growth they require",
        ),
        _table(frame, ["target_id", "note"], "Notes and reasons, per target"),
        _table(
            _classification_frame(),
            ["classification", "meaning"],
            "Classifications (ratio = growth on record / required growth; bands of Eurostat's "
            "SDG progress method and Open SDG)",
        ),
    ]
    if "derivation" in frame.columns:
        import polars as pl

        derived = frame.filter(pl.col("derivation").is_not_null() & (pl.col("derivation") != ""))
        if derived.height:
            blocks.append(_table(derived, ["target_id", "derivation"], "Derived baselines"))
    return Section("growth", "3. Targets and required growth", tuple(blocks))


def _classification_frame() -> Any:
    import polars as pl

    from regiondev.analysis.progress import CLASSIFICATIONS

    return pl.DataFrame(
        {"classification": list(CLASSIFICATIONS), "meaning": list(CLASSIFICATIONS.values())}
    )


def _clusters_section(cat: Catalog) -> Section:
    from regiondev.analysis.clusters import clusters

    result = clusters(cat)
    blocks: list[Block] = [
        _text(
            "Where Hunan, Changsha and Zhuzhou stand among China's 45 national "
            "advanced-manufacturing clusters, and how the cities' own cluster plans are built. "
            "Comparisons across different periods or measures are labelled as such."
        )
    ]
    blocks.extend(_cluster_blocks(result))
    return Section("clusters", "4. Cluster comparisons", tuple(blocks))


#: English names of the partition members the texts use (cn22's domains and macro-regions).
MEMBER_NAMES = {
    "it": "New-generation IT",
    "high_end_equipment": "High-end equipment",
    "new_materials": "New materials",
    "biomedicine": "Biomedicine & medical devices",
    "consumer_goods": "Consumer goods",
    "nev_icv": "NEV & connected vehicles",
    "east": "East",
    "central": "Central (incl. Hunan)",
    "west": "West",
    "northeast": "Northeast",
}


def _member_name(code: str) -> str:
    return MEMBER_NAMES.get(code, code.replace("_", " "))


def _cluster_blocks(result: Any) -> list[Block]:
    """Tables and figures of the cluster result, one table per kind of comparison."""
    import polars as pl

    from regiondev.report.figures import clusters_figure, lq_figure

    out: list[Block] = []
    comp = result.composition.filter(
        pl.col("partition").is_in(["domain", "macro_region"])
        & ~pl.col("member").str.starts_with("(")
        & ~pl.col("member").str.contains("+", literal=True)
    )
    panels = []
    for part in comp["partition"].unique(maintain_order=True).to_list():
        sub = comp.filter(pl.col("partition") == part)
        labels = [_member_name(str(m)) for m in sub["member"]]
        panels.append((f"by {part.replace('_', ' ')}", labels, [float(v) for v in sub["percent"]]))
    out.append(
        Block(
            "figure",
            figure="clusters.png",
            png=clusters_figure(panels),
            caption="Shares of the 45 national clusters by domain and by macro-region (cn22).",
        )
    )
    lq = result.location_quotients
    if lq.height:
        first_ref = lq["reference"][0]
        ref = lq.filter(pl.col("reference") == first_ref)
        out.append(
            Block(
                "figure",
                figure="location_quotients.png",
                png=lq_figure(
                    [_member_name(str(m)) for m in ref["macro_region"]],
                    [float(v) for v in ref["location_quotient"]],
                    str(first_ref).replace("_", " "),
                ),
                caption=f"Location quotients: share of the 45 clusters (list of 2022-11-30) / "
                f"share of {str(first_ref).replace('_', ' ')} "
                f"({ref['reference_source'][0]}, {ref['reference_period'][0]}); dashed line: "
                "proportional.",
            )
        )
    for name, frame in result.tables().items():
        cols = [c for c in frame.columns if frame[c].null_count() < frame.height]
        shared = _shared_notes(frame, cols)
        if shared:
            out.append(
                _text(
                    f"**{name.replace('_', ' ').capitalize()}**, for every row:\n\n"
                    + "\n".join(f"- {c}: {v}" for c, v in shared.items())
                )
            )
        cols = [c for c in cols if c not in shared]
        out.append(_table(frame, cols, f"Clusters: {name.replace('_', ' ')}"))
    return out


def _shared_notes(frame: Any, columns: list[str]) -> dict[str, str]:
    """Text columns with one long value in every row: said once above the table instead."""
    import polars as pl

    shared = {}
    for c in columns:
        if frame.height > 1 and frame[c].dtype == pl.String and frame[c].n_unique() == 1:
            value = frame[c][0]
            if value and len(value) > 40:
                shared[c] = value
    return shared


def _consistency_section(cat: Catalog, rules: Sequence[str | Path] = ()) -> Section:
    import polars as pl

    from regiondev.analysis.consistency import check
    from regiondev.report.figures import verdicts_figure

    frame = check(cat, rules=rules).to_frame().sort("check_id")
    explained = frame.filter(pl.col("status").is_in(["fail", "warn", "not_comparable"]))
    files = ", ".join(f"`{Path(r).name}`" for r in rules)
    declared = (
        f"Declared relations come from the shipped rules and from {files}."
        if rules
        else "Declared relations come from the shipped rules (`regiondev/data/checks.toml`)."
    )
    blocks = [
        _text(
            "Every relation the catalog makes checkable, recomputed: partitions, parts no "
            "larger than their whole, shares of counts, rounding feasibility (GRIM), share × "
            "total, growth compounding, repeated figures and comparability. A relation that "
            "holds for some values inside the stated bounds and not others is a warning, not a "
            "pass; a part is only required to be no larger than its whole, so it passes unless "
            "even its lowest value exceeds the whole's highest. " + declared
        ),
        Block(
            "figure",
            figure="verdicts.png",
            png=verdicts_figure(frame["status"].to_list()),
            caption="Consistency verdicts by status.",
        ),
        _table(
            frame,
            ["check_id", "kind", "status", "observation_ids", "expected", "actual", "tolerance"],
            "All checks",
        ),
        _table(
            explained,
            ["check_id", "status", "message"],
            "Every fail, warn and not-comparable, explained",
        ),
    ]
    return Section("consistency", "5. Do the figures agree?", tuple(blocks))


def _audit_section(cat: Catalog) -> Section:
    import polars as pl

    from regiondev.audit import audit

    result = audit(cat)
    frame = result.to_frame()
    waived = frame.filter(pl.col("status") == "waived").sort(["source", "start"])
    missing = frame.filter(pl.col("status") == "unaccounted")
    blocks = [
        _text(
            "Every number in every source text, found by the same reader that validates the "
            "catalog, is either cataloged (a record's figure, or the period inside a record's "
            "quote), waived with a reason (page furniture, headlines of other stories, contact "
            "and licence numbers, names and slogans), or unaccounted."
        ),
        _table(
            result.summary(),
            ["source", "tokens", "cataloged", "waived", "unaccounted"],
            "Number audit per source",
        ),
        _table(waived, ["source", "token", "kind", "reason", "context"], "Waived numbers"),
    ]
    if missing.height:
        blocks.append(_table(missing, ["source", "token", "context"], "Unaccounted numbers"))
    extraction = _extraction_blocks(cat)
    blocks.extend(extraction)
    return Section("audit", "6. Number audit and extraction accuracy", tuple(blocks))


def _extraction_blocks(cat: Catalog) -> list[Block]:
    from regiondev.extract.accuracy import accuracy

    frame = accuracy(cat)
    return [
        _text(
            "`regiondev extract` run on each seed, scored against the curated catalog: recall "
            "of cataloged figures (value, unit and bound) and precision of the claims it did not "
            "set aside."
        ),
        _table(frame, frame.columns, "Extraction accuracy on the seeds"),
    ]


def _appendix_section(cat: Catalog) -> Section:
    frame = cat.frame().sort("id")
    parts = _part_columns(frame)
    return Section(
        "appendix",
        "Appendix: every figure by id",
        (
            _text(
                "Each figure used anywhere above, with its verbatim quote: clean simplified "
                "text, and exactly as printed in the source file."
            ),
            _table(
                frame,
                [
                    "id",
                    "source",
                    *parts,
                    "period",
                    "figure",
                    "unit",
                    "bound",
                    "quote",
                    "quote_raw",
                ],
                "Figures by id",
            ),
        ),
    )


def build_sections(
    cat: Catalog,
    *,
    deflator: float | None = None,
    progress: Callable[[str], None] | None = None,
    rules: Sequence[str | Path] = (),
) -> list[Section]:
    """All report sections, in order; ``rules`` are user rule files for the consistency
    section (as ``regiondev check --rules``)."""
    steps: list[tuple[str, Callable[[], Section]]] = [
        ("sources", lambda: _sources_section(cat)),
        ("catalog", lambda: _catalog_section(cat)),
        ("growth", lambda: _growth_section(cat, deflator)),
        ("clusters", lambda: _clusters_section(cat)),
        ("consistency", lambda: _consistency_section(cat, rules)),
        ("audit", lambda: _audit_section(cat)),
        ("appendix", lambda: _appendix_section(cat)),
    ]
    out = []
    for name, step in steps:
        if progress is not None:
            progress(name)
        out.append(step())
    return out


# ---------------------------------------------------------------------------------------------
# Rendering

_TITLE = "regiondev analysis report: advanced manufacturing in Hunan, Changsha and Zhuzhou"


def render_markdown(sections: list[Section]) -> str:
    from regiondev.results import frame_to_markdown

    out = [
        f"# {_TITLE}",
        "",
        "Contents: " + " · ".join(f"[{s.title}](#{s.anchor})" for s in sections),
        "",
    ]
    for s in sections:
        out += [f'<a id="{s.anchor}"></a>', "", f"## {s.title}", ""]
        for b in s.blocks:
            if b.kind == "text":
                out += [b.text, ""]
            elif b.kind == "table":
                out += [f"**{b.caption}**", ""]
                out += [
                    frame_to_markdown(b.frame, list(b.columns))
                    if b.frame.height
                    else "_(no rows)_",
                    "",
                ]
            else:
                out += [f"![{b.caption}](figures/{b.figure})", "", f"*{b.caption}*", ""]
    return "\n".join(out).rstrip() + "\n"


_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans CJK SC","Noto Sans SC",
sans-serif;max-width:1200px;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.6rem}h2{border-bottom:2px solid #0173b2;padding-bottom:.2rem;margin-top:2.2rem}
table.rd-table{border-collapse:collapse;font-size:.82rem;margin:.6rem 0 1.4rem;display:block;
overflow-x:auto}
table.rd-table caption{text-align:left;font-weight:600;padding:.3rem 0;caption-side:top}
table.rd-table th,table.rd-table td{border:1px solid #d0d7de;padding:.25rem .45rem;
vertical-align:top;max-width:30rem;overflow-wrap:break-word}
table.rd-table th{background:#f3f6f9;position:sticky;top:0}
table.rd-table tr:nth-child(even) td{background:#fafbfc}
figure{margin:1rem 0}figure img{max-width:100%;height:auto;border:1px solid #eee}
figcaption{font-size:.85rem;color:#555}
code{background:#f3f3f3;padding:0 .2rem}
nav a{margin-right:.8rem}
@media print{nav{display:none}table.rd-table{display:table}}
"""


def _html_cell(column: str, value: Any, link_id: bool) -> str:
    text = format_cell(value)
    if (column in _ID_COLUMNS or (link_id and column == "id")) and text:
        ids = [t.strip() for t in text.split(",") if t.strip()]
        return ", ".join(f'<a href="#obs-{html.escape(i)}">{html.escape(i)}</a>' for i in ids)
    return html.escape(text)


def _html_table(b: Block, anchor_ids: bool = False) -> str:
    cols = list(b.columns)
    out = [
        '<table class="rd-table">',
        f"<caption>{html.escape(b.caption)}</caption>",
        "<thead><tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in cols) + "</tr></thead>",
        "<tbody>",
    ]
    for r in b.frame.select(cols).iter_rows(named=True):
        row_id = f' id="obs-{html.escape(str(r["id"]))}"' if anchor_ids and "id" in r else ""
        cells = [
            html.escape(str(r[c])) if anchor_ids and c == "id" else _html_cell(c, r[c], b.links_ids)
            for c in cols
        ]
        out.append(f"<tr{row_id}>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _html_text(text: str) -> str:
    import re

    parts = []
    for para in text.split("\n\n"):
        esc = html.escape(para)
        esc = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", esc)
        esc = re.sub(r"`(.+?)`", r"<code>\1</code>", esc)
        if esc.lstrip().startswith("- "):
            items = [i[2:] for i in esc.split("\n") if i.startswith("- ")]
            parts.append("<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>")
        else:
            head, _, rest = esc.partition("\n")
            if rest.lstrip().startswith("- "):
                items = [i[2:] for i in rest.split("\n") if i.startswith("- ")]
                parts.append(
                    f"<p>{head}</p><ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
                )
            else:
                parts.append(f"<p>{esc}</p>")
    return "".join(parts)


def render_html(sections: list[Section]) -> str:
    nav = "".join(f'<a href="#{s.anchor}">{html.escape(s.title)}</a>' for s in sections)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(_TITLE)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{html.escape(_TITLE)}</h1>",
        f"<nav>{nav}</nav>",
    ]
    for s in sections:
        out.append(f'<section id="{s.anchor}"><h2>{html.escape(s.title)}</h2>')
        for b in s.blocks:
            if b.kind == "text":
                out.append(_html_text(b.text))
            elif b.kind == "table":
                if b.frame.height:
                    out.append(_html_table(b, anchor_ids=s.anchor == "appendix"))
                else:
                    out.append(f"<p><em>{html.escape(b.caption)}: no rows.</em></p>")
            else:
                data = base64.b64encode(b.png).decode("ascii")
                out.append(
                    f'<figure><img alt="{html.escape(b.caption)}" '
                    f'src="data:image/png;base64,{data}"><figcaption>'
                    f"{html.escape(b.caption)}</figcaption></figure>"
                )
        out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


#: What a report folder's manifest (MARKER) of an earlier version stood for: every earlier
#: version replaced figures/ whole, so the PNGs there are its own.
_LEGACY = ("report.md", "report.html", "figures/*.png")
_REPORT_FILES = ("report.md", "report.html")


def check_report_target(out: str | Path, *, force: bool) -> None:
    """Refuse, before the build, a --out the report cannot be written into (see _output)."""
    try:
        check_output_folder(
            Path(out), force=force, manifest=MARKER, names=_REPORT_FILES, legacy=_LEGACY
        )
    except OutputError as exc:
        raise ReportError(str(exc)) from None


def write_report(
    cat: Catalog,
    out: str | Path,
    *,
    deflator: float | None = None,
    force: bool = False,
    progress: Callable[[str], None] | None = None,
    rules: Sequence[str | Path] = (),
) -> dict[str, Path]:
    """Write report.md, report.html and figures/ into ``out``.

    ``rules`` are user rule files (same format as ``regiondev/data/checks.toml``) whose
    declared relations join the consistency section.

    The folder is checked before the build; the files are staged in a hidden folder inside
    ``out`` and moved into place as one set (``regiondev._output.write_file_set``): files the
    previous report wrote are replaced or dropped, every other file is left alone, and
    ``force`` only allows a folder that holds other files.
    """
    out = Path(out)
    check_report_target(out, force=force)
    sections = build_sections(cat, deflator=deflator, progress=progress, rules=rules)
    files: dict[str, bytes] = {}
    for s in sections:
        for b in s.blocks:
            if b.kind == "figure":
                files[f"figures/{b.figure}"] = b.png
    figures = list(files)
    files["report.md"] = render_markdown(sections).encode("utf-8")
    files["report.html"] = render_html(sections).encode("utf-8")
    try:
        write_file_set(out, files, force=force, manifest=MARKER, legacy=_LEGACY, first=figures)
    except OutputError as exc:
        raise ReportError(str(exc)) from None
    if not (out / "figures").exists():
        (out / "figures").mkdir(mode=0o755)
    return {"markdown": out / "report.md", "html": out / "report.html", "figures": out / "figures"}
