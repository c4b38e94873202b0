"""The report's findings on their own, for a notebook or a Python session.

``findings()`` returns the same sentences the report opens with (every target's verdict, the
consistency failures, where Hunan stands among the national clusters), each number formatted
with its unit and bound; ``_repr_html_`` links every number to its records with its quotes
as a tooltip, ``__repr__`` is the plain text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from regiondev.formatting import LANGS, Lang
from regiondev.report.provenance import Sentence, sentence_html, sentence_markdown, sentence_text

__all__ = ["Findings", "chart", "findings"]

_TOPICS = ("targets", "consistency", "clusters")


@dataclass(frozen=True)
class Findings:
    """Findings in groups (a heading and its sentences)."""

    groups: tuple[tuple[str, tuple[Sentence, ...]], ...]

    def __repr__(self) -> str:
        lines = []
        for head, sentences in self.groups:
            lines.append(head)
            lines.extend(f"- {sentence_text(s)}" for s in sentences)
        return "\n".join(lines)

    def to_markdown(self) -> str:
        out = []
        for head, sentences in self.groups:
            out.append(f"**{head}**\n")
            out.extend(f"- {sentence_markdown(s)}" for s in sentences)
            out.append("")
        return "\n".join(out).rstrip() + "\n"

    def _repr_html_(self) -> str:
        import html

        out = []
        for head, sentences in self.groups:
            items = "".join(f"<li>{sentence_html(s, popover=False)}</li>" for s in sentences)
            out.append(f"<p><strong>{html.escape(head)}</strong></p><ul>{items}</ul>")
        return "".join(out)


def findings(
    cat: Any = None,
    *,
    topics: tuple[str, ...] = _TOPICS,
    lang: Lang = "en",
    deflator: float | None = None,
) -> Findings:
    """The findings of ``cat`` (default: the shipped catalog with the outcomes layer) on
    ``topics`` (targets, consistency, clusters), in ``lang`` (en or zh)."""
    from regiondev._catalog import load_catalog
    from regiondev.errors import ParameterError
    from regiondev.report.blocks import _Ctx
    from regiondev.report.clusters_section import _cluster_findings
    from regiondev.report.consistency_section import _check_findings
    from regiondev.report.i18n import t
    from regiondev.report.provenance import Provenance
    from regiondev.report.targets_section import _target_findings

    if lang not in LANGS:
        raise ParameterError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")
    unknown = [x for x in topics if x not in _TOPICS]
    if unknown:
        raise ParameterError(f"unknown topic {unknown[0]!r}; choose from {', '.join(_TOPICS)}")
    cat = cat if cat is not None else load_catalog(outcomes=True)
    ctx = _Ctx(cat, lang, Provenance(cat, lang), deflator, (), {o.id: o for o in cat.observations})
    makers = {
        "targets": ("f_targets_head", _target_findings),
        "consistency": ("f_checks_head", _check_findings),
        "clusters": ("f_clusters_head", _cluster_findings),
    }
    groups = []
    for topic in topics:
        key, make = makers[topic]
        sentences = make(ctx)
        if sentences:
            groups.append((t(key, lang), sentences))
    return Findings(tuple(groups))


def chart(name: str, cat: Any = None, *, lang: Lang = "en", deflator: float | None = None) -> bytes:
    """One of the report's charts as SVG bytes (``IPython.display.SVG(chart("growth"))``):
    ``growth``, ``clusters``, ``location_quotients``, ``consistency`` or
    ``trajectory-<target id>``."""
    from regiondev._catalog import load_catalog
    from regiondev.errors import ParameterError
    from regiondev.report.blocks import _Ctx
    from regiondev.report.clusters_section import _clusters_section
    from regiondev.report.consistency_section import _checks_chart
    from regiondev.report.provenance import Provenance
    from regiondev.report.targets_section import _growth_chart, _trajectory_charts

    cat = cat if cat is not None else load_catalog(outcomes=True)
    ctx = _Ctx(cat, lang, Provenance(cat, lang), deflator, (), {o.id: o for o in cat.observations})
    found: list[Any]
    if name == "growth":
        found = [_growth_chart(ctx)]
    elif name == "consistency":
        found = [_checks_chart(ctx)]
    elif name.startswith("trajectory-"):
        found = [c for c in _trajectory_charts(ctx) if c.name == f"{name}.svg"]
    elif name in ("clusters", "location_quotients"):
        blocks = _clusters_section(ctx).blocks
        found = [b.chart for b in blocks if b.chart is not None and b.chart.name == f"{name}.svg"]
    else:
        found = []
    if not found or found[0] is None:
        raise ParameterError(
            f"no chart {name!r}; choose growth, clusters, location_quotients, consistency or "
            "trajectory-<target id> (a target with a trajectory)"
        )
    return bytes(found[0].svg)
