"""Build the analysis report: findings first, the evidence one click away.

Order: findings → targets (→ what happened next) → clusters → consistency → sources; the
full catalog, the number audit with its waivers and the extraction accuracy are appendices.
Sections are assembled once as blocks (text, findings, table, chart) from the analyses'
result objects, then rendered to HTML (jinja2 template, ``report.css``, a little inline JS)
and to Markdown (``render.py``); nothing here recomputes an analysis. Every number is
formatted by ``regiondev.formatting`` (unit, bound, digits the inputs support) and, where it
comes from catalog records, carries their ids and quotes (``provenance.py``).

The output is byte-identical for the same inputs: no timestamps, sorted rows, SVG charts with
a fixed hash salt and no date. ``write_report`` stages everything in a hidden folder and
moves it into place; a marker file tells a previous report from a folder of user files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from regiondev._catalog import Catalog
from regiondev._output import check_output_folder, write_file_set
from regiondev.errors import OutputError
from regiondev.formatting import (
    Lang,
)
from regiondev.report.appendix_section import (
    _audit_section,
    _catalog_section,
    _extraction_section,
    _part_columns,
)
from regiondev.report.blocks import Block, Chart, Section, _Ctx
from regiondev.report.clusters_section import _cluster_findings, _clusters_section
from regiondev.report.consistency_section import _check_findings, _consistency_section
from regiondev.report.i18n import t
from regiondev.report.provenance import Provenance
from regiondev.report.sources_section import _sources_intro, _sources_section
from regiondev.report.targets_section import (
    _outcomes_section,
    _target_findings,
    _targets_section,
)

__all__ = [
    "MARKER",
    "Block",
    "Chart",
    "ReportError",
    "Section",
    "_Ctx",
    "_catalog_section",
    "_consistency_section",
    "_part_columns",
    "_sources_intro",
    "build_sections",
    "check_report_target",
    "write_report",
]

MARKER = ".regiondev-report"


class ReportError(OutputError):
    """The output folder cannot be written (not empty and not a previous report)."""


# ---------------------------------------------------------------------------------------------
# Findings and assembly


def _findings_section(ctx: _Ctx) -> Section:
    lang = ctx.lang
    groups = (
        (t("f_targets_head", lang), _target_findings(ctx)),
        (t("f_checks_head", lang), _check_findings(ctx)),
        (t("f_clusters_head", lang), _cluster_findings(ctx)),
    )
    return Section(
        "findings",
        t("findings", lang),
        (Block("findings", findings=tuple(g for g in groups if g[1])),),
    )


def build_sections(
    cat: Catalog,
    *,
    deflator: float | None = None,
    progress: Callable[[str], None] | None = None,
    rules: Sequence[str | Path] = (),
    lang: Lang = "en",
    outcomes: bool = True,
) -> list[Section]:
    """All report sections, in order; ``rules`` are user rule files for the consistency
    section (as ``regiondev check --rules``); ``outcomes=False`` leaves out 'What happened
    next'."""
    ctx = _Ctx(
        cat,
        lang,
        Provenance(cat, lang),
        deflator,
        tuple(rules),
        {o.id: o for o in cat.observations},
    )
    # 'What happened next' needs the outcomes layer (load_catalog(outcomes=True))
    outcomes = outcomes and any(cat.reliability(o) is not None for o in cat.observations)
    steps: list[tuple[str, Callable[[], Section | None]]] = [
        ("findings", lambda: _findings_section(ctx)),
        ("targets", lambda: _targets_section(ctx, trajectories=not outcomes)),
        ("outcomes", lambda: _outcomes_section(ctx) if outcomes else None),
        ("clusters", lambda: _clusters_section(ctx)),
        ("consistency", lambda: _consistency_section(ctx)),
        ("sources", lambda: _sources_section(ctx)),
        ("catalog", lambda: _catalog_section(ctx)),
        ("audit", lambda: _audit_section(ctx)),
        ("extraction", lambda: _extraction_section(ctx)),
    ]
    out = []
    for name, step in steps:
        if progress is not None:
            progress(name)
        section = step()
        if section is not None:
            out.append(section)
    return out


def charts(sections: Iterable[Section]) -> list[Chart]:
    return [b.chart for s in sections for b in s.blocks if b.kind == "chart" and b.chart]


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
    lang: Lang = "en",
    outcomes: bool = True,
) -> dict[str, Path]:
    """Write report.md, report.html and figures/ into ``out``.

    ``rules`` are user rule files (same format as ``regiondev/data/checks.toml``) whose
    declared relations join the consistency section; ``lang`` is ``en`` or ``zh``.

    The folder is checked before the build; the files are staged in a hidden folder inside
    ``out`` and moved into place as one set (``regiondev._output.write_file_set``): files the
    previous report wrote are replaced or dropped, every other file is left alone, and
    ``force`` only allows a folder that holds other files.
    """
    from regiondev.report.render import render_html, render_markdown

    out = Path(out)
    check_report_target(out, force=force)
    sections = build_sections(
        cat, deflator=deflator, progress=progress, rules=rules, lang=lang, outcomes=outcomes
    )
    files: dict[str, bytes] = {f"figures/{c.name}": c.svg for c in charts(sections)}
    figures = list(files)
    files["report.md"] = render_markdown(sections, lang).encode("utf-8")
    files["report.html"] = render_html(sections, lang).encode("utf-8")
    try:
        write_file_set(out, files, force=force, manifest=MARKER, legacy=_LEGACY, first=figures)
    except OutputError as exc:
        raise ReportError(str(exc)) from None
    if not (out / "figures").exists():
        (out / "figures").mkdir(mode=0o755)
    return {"markdown": out / "report.md", "html": out / "report.html", "figures": out / "figures"}
