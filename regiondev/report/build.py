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

import math
import os
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from regiondev.catalog import Catalog
from regiondev.errors import RegiondevError
from regiondev.formatting import (
    Lang,
    bounded,
    check_status_label,
    classification_label,
    derived_decimals,
    indicator_label,
    interval,
    number,
    percent,
    period_label,
    quantity,
    region_label,
    unit_label,
    verdict_label,
)
from regiondev.model import Observation
from regiondev.report.i18n import t
from regiondev.report.provenance import Provenance, Ref, Sentence, link
from regiondev.results import Cell, Table

__all__ = [
    "MARKER",
    "Block",
    "Chart",
    "ReportError",
    "Section",
    "build_sections",
    "write_report",
]

MARKER = ".regiondev-report"


class ReportError(RegiondevError):
    """The output folder cannot be written (not empty and not a previous report)."""


@dataclass(frozen=True)
class Chart:
    """An SVG chart: file name (figures/<name>), bytes and caption."""

    name: str
    svg: bytes
    caption: str
    alt: str = ""


@dataclass(frozen=True)
class Block:
    """One piece of a section: ``text`` (our own words, with **bold** and `code`),
    ``findings`` (groups of sentences with provenance), ``table``, ``chart`` or ``html``
    (pre-rendered, escaped: the source viewer)."""

    kind: str
    text: str = ""
    table: Table | None = None
    chart: Chart | None = None
    findings: tuple[tuple[str, tuple[Sentence, ...]], ...] = ()
    html: str = ""
    title: str = ""
    anchor: str = ""

    @property
    def caption(self) -> str:
        return self.table.caption if self.table is not None else ""


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str
    blocks: tuple[Block, ...] = field(default=())
    appendix: bool = False


@dataclass
class _Ctx:
    cat: Catalog
    lang: Lang
    prov: Provenance
    deflator: float | None = None
    rules: Sequence[str | Path] = ()
    obs: dict[str, Observation] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict)

    def growth(self) -> Any:
        if "growth" not in self.cache:
            from regiondev.analysis.growth import growth

            self.cache["growth"] = growth(self.cat, deflator=self.deflator)
        return self.cache["growth"]

    def clusters(self) -> Any:
        if "clusters" not in self.cache:
            from regiondev.analysis.clusters import clusters

            self.cache["clusters"] = clusters(self.cat)
        return self.cache["clusters"]

    def checks(self) -> Any:
        if "checks" not in self.cache:
            from regiondev.analysis.consistency import check

            self.cache["checks"] = check(self.cat, rules=self.rules).to_frame().sort("check_id")
        return self.cache["checks"]


def _text(*paragraphs: str) -> Block:
    return Block("text", text="\n\n".join(paragraphs))


def _finite(x: Any) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x)


# ---------------------------------------------------------------------------------------------
# Formatting of records and derived values


def _obs_text(o: Observation, lang: Lang, *, words: bool = False) -> str:
    """A cataloged figure as its bound says: ``> 2,000 enterprises``, ``1–2 items``."""
    return bounded(
        o.value,
        str(o.bound),
        unit=o.unit,
        low=o.low,
        high=o.high,
        step=o.step or None,
        lang=lang,
        words=words,
    )


def _obs_ref(ctx: _Ctx, obs_id: str, *, words: bool = False) -> Ref:
    o = ctx.obs.get(obs_id)
    if o is None:
        return Ref(obs_id)
    return ctx.prov.ref(_obs_text(o, ctx.lang, words=words), [obs_id])


def _rate(value: Any, low: Any, high: Any, lang: Lang) -> tuple[str, str]:
    """A derived rate (a fraction) and its interval, with the digits the interval supports."""
    if not _finite(value):
        return "–", ""
    lo = low if _finite(low) else None
    hi = high if _finite(high) else None
    d = derived_decimals(None, None if lo is None else 100 * lo, None if hi is None else 100 * hi)
    point = percent(value, d, fraction=True, lang=lang)
    if lo is None and hi is None:
        return point, ""
    # the ends of a rounding interval (7.05–7.15 %) are printed exactly, up to 2 decimals
    ends = [100 * x for x in (lo, hi) if x is not None]
    d_span = max(d, *(_exact_decimals(x, 2) for x in ends))
    span = interval(
        lo if lo is not None else -math.inf,
        hi if hi is not None else math.inf,
        fraction=True,
        decimals=d_span,
        lang=lang,
    )
    return point, span


def _exact_decimals(x: float, cap: int) -> int:
    """The fewest decimals (at most ``cap``) that print ``x`` as it is to ``cap`` decimals."""
    for d in range(cap + 1):
        if abs(round(x, d) - round(x, cap)) < 1e-9:
            return d
    return cap


def _range(value: Any, low: Any, high: Any, unit: str, lang: Lang) -> str:
    """A derived value with its interval: the interval when it has width (never the
    midpoint as the value), the value otherwise."""
    is_fraction = unit == "fraction"
    fmt_unit = "percent" if is_fraction else (None if unit == "ratio" else unit)
    scale = 100.0 if is_fraction else 1.0
    lo = low * scale if _finite(low) else (-math.inf if low is not None else None)
    hi = high * scale if _finite(high) else (math.inf if high is not None else None)
    v = value * scale if _finite(value) else None
    if lo is not None and hi is not None and lo != hi:
        width = hi - lo if math.isfinite(hi - lo) else None
        if width is None:
            ref = lo if math.isfinite(lo) else hi
            d = 2 if unit in ("ratio", "fraction") and abs(ref) < 10 else 1
        else:
            d = derived_decimals(1 if unit in ("ratio", "fraction") else 0, lo, hi)
        if unit == "items":
            d = 0
        return interval(lo, hi, unit=fmt_unit, decimals=d, lang=lang)
    if v is None:
        return "–"
    d = 0 if unit == "items" or v == int(v) else (2 if abs(v) < 10 else 1)
    return quantity(v, fmt_unit, decimals=d, lang=lang)


# ---------------------------------------------------------------------------------------------
# Targets


def _col(row: dict[str, Any], name: str) -> Any:
    return row.get(name)


def _verdict(row: dict[str, Any], lang: Lang) -> str:
    """The target's verdict in words: the tracker's ``verdict`` when it has one, else the
    progress classification."""
    if row.get("verdict"):
        return verdict_label(str(row["verdict"]), lang)
    return classification_label(str(row.get("classification") or ""), lang)


def _breakeven(row: dict[str, Any]) -> float | None:
    """The annual price rise at which real growth on record equals the nominal required rate:
    (1 + required) / (1 + historical real) − 1."""
    if _finite(row.get("breakeven_deflator")):
        return float(row["breakeven_deflator"])
    req, hist = row.get("required_cagr"), row.get("historical_growth")
    real = row.get("historical_basis") == "real"
    if req is not None and hist is not None and _finite(req) and _finite(hist) and real:
        return float((1 + req) / (1 + hist) - 1)
    return None


def _target_sentence(ctx: _Ctx, row: dict[str, Any]) -> Sentence:
    lang = ctx.lang
    zh = lang == "zh"
    region = region_label(row["region"], lang)
    ind = indicator_label(row["indicator"], lang)
    period = period_label(row["target_period"], lang)
    target = _obs_ref(ctx, row["target_id"], words=True)
    req, req_span = _rate(
        row.get("required_cagr"), row.get("required_cagr_low"), row.get("required_cagr_high"), lang
    )
    req_ref = ctx.prov.ref(req, [*(row.get("baseline_ids") or []), row["target_id"]])
    hist_ids = list(row.get("historical_ids") or [])
    hist, _ = _rate(
        row.get("historical_growth"),
        row.get("historical_growth_low"),
        row.get("historical_growth_high"),
        lang,
    )
    hist_ref = ctx.prov.ref(hist, hist_ids)
    hbasis = t(str(row.get("historical_basis") or "not_applicable"), lang)
    hperiod = period_label(row.get("historical_period"), lang)
    cls = str(row.get("classification") or "")
    be = _breakeven(row)
    parts: list[str | Ref] = []
    is_rate = row.get("measure") == "growth_rate"
    if zh:
        parts += [f"{region}：{ind}{period}目标", target]
        if not is_rate:
            base = _range(
                row.get("base_value"),
                row.get("base_low"),
                row.get("base_high"),
                str(row.get("unit") or ""),
                lang,
            )
            parts += [
                f"，需自{period_label(row.get('base_period'), lang)}的",
                ctx.prov.ref(base, list(row.get("baseline_ids") or [])),
                "起年均增长",
                req_ref,
                f"（名义，区间{req_span}）" if req_span else "（名义）",
            ]
        parts.append("。")
        if _finite(row.get("historical_growth")):
            parts += ["历史增速", hist_ref, f"（{hbasis}，{hperiod}）。"]
        else:
            parts.append("无历史增速记录。")
        if cls == "basis_differs" and be is not None:
            parts += [
                "名义与实际口径不同：只有价格年均上涨至少",
                percent(be, 1, fraction=True, lang=lang),
                "，历史增速才足够。",
            ]
        else:
            parts.append(f"判断：{_verdict(row, lang)}")
            if _finite(row.get("ratio")):
                parts.append(f"（历史/所需 = {number(row['ratio'], 2)}）")
            parts.append("。")
        return tuple(parts)
    parts += [f"{region}: {ind} of ", target, f" in {period}"]
    if not is_rate:
        base = _range(
            row.get("base_value"),
            row.get("base_low"),
            row.get("base_high"),
            str(row.get("unit") or ""),
            lang,
        )
        parts += [
            " needs ",
            req_ref,
            " nominal growth a year",
            f" ({req_span})" if req_span and req_span != req else "",
            " from ",
            ctx.prov.ref(base, list(row.get("baseline_ids") or [])),
            f" in {period_label(row.get('base_period'), lang)}",
        ]
    parts.append(". ")
    if _finite(row.get("historical_growth")):
        parts += ["Growth on record: ", hist_ref, f" ({hbasis}, {hperiod}). "]
    else:
        parts.append("No growth on record for it. ")
    if cls == "basis_differs" and be is not None:
        parts += [
            "Nominal against real: the record is enough only if prices rise by at least ",
            percent(be, 1, fraction=True, lang=lang),
            " a year.",
        ]
    else:
        parts.append(f"Verdict: {_verdict(row, lang)}")
        if _finite(row.get("ratio")):
            parts.append(f" (growth on record / required = {number(row['ratio'], 2)})")
        parts.append(".")
    return tuple(p for p in parts if p != "")


def _reason_key(reason: str) -> str:
    r = reason.lower()
    if r.startswith("increment"):
        return "r_increment"
    if r.startswith("share"):
        return "r_share"
    if r.startswith("no baseline"):
        return "r_no_baseline"
    if r.startswith("scope"):
        return "r_scope"
    return "r_other"


def _target_findings(ctx: _Ctx) -> tuple[Sentence, ...]:
    frame = ctx.growth().to_frame()
    rows = list(frame.iter_rows(named=True))
    assessed = [r for r in rows if _finite(r.get("required_cagr"))]
    out = [_target_sentence(ctx, r) for r in assessed]
    rest = [r for r in rows if not _finite(r.get("required_cagr"))]
    if rest:
        reasons = Counter(_reason_key(str(r.get("reason") or r.get("note") or "")) for r in rest)
        order = ["r_increment", "r_share", "r_no_baseline", "r_scope", "r_other"]
        sep = "、" if ctx.lang == "zh" else ", "
        listed = sep.join(
            f"{reasons[k]} {t(k, ctx.lang)}"
            if ctx.lang == "en"
            else f"{t(k, ctx.lang)}{reasons[k]}项"
            for k in order
            if reasons.get(k)
        )
        n = (
            f"{len(rest)}项目标"
            if ctx.lang == "zh"
            else f"The other {len(rest)} target{'s' if len(rest) != 1 else ''}"
        )
        text = t("f_unassessed", ctx.lang, n=n, reasons=listed, link="\x00")
        head, _, tail = text.partition("\x00")
        out.append((head, link("targets", t("targets", ctx.lang)), tail))
    return tuple(out)


def _targets_table(ctx: _Ctx) -> Table:
    lang = ctx.lang
    frame = ctx.growth().to_frame()
    rows, details, ids = [], [], []
    for r in frame.iter_rows(named=True):
        req, req_span = _rate(
            r.get("required_cagr"), r.get("required_cagr_low"), r.get("required_cagr_high"), lang
        )
        hist, _ = _rate(
            r.get("historical_growth"),
            r.get("historical_growth_low"),
            r.get("historical_growth_high"),
            lang,
        )
        if hist != "–" and r.get("historical_basis"):
            hist = f"{hist} ({t(str(r['historical_basis']), lang)})"
        base = "–"
        if _finite(r.get("base_value")):
            base = _range(
                r["base_value"],
                r.get("base_low"),
                r.get("base_high"),
                str(r.get("unit") or ""),
                lang,
            )
        verdict = _verdict(r, lang)
        cls = str(r.get("verdict") or r.get("classification") or "")
        from regiondev.report.render import ref_html

        rows.append(
            (
                Cell(region_label(r["region"], lang)),
                Cell(indicator_label(r["indicator"], lang), title=r["indicator"]),
                Cell("", html=ref_html(_obs_ref(ctx, r["target_id"]))),
                Cell(period_label(r["target_period"], lang), sort=str(r["target_period"])),
                Cell(base),
                Cell(req if not req_span or req_span == req else f"{req} ({req_span})"),
                Cell(hist),
                Cell(verdict, css=f"v-{cls}"),
            )
        )
        note = str(r.get("note") or r.get("reason") or "")
        all_ids = ", ".join(r.get("observation_ids") or [r["target_id"]])
        details.append(_detail_html(note, all_ids))
        ids.append(f"target-{r['target_id']}")
    return Table(
        t("t_targets", lang),
        tuple(
            t(k, lang)
            for k in (
                "col_region",
                "col_indicator",
                "col_target",
                "col_period",
                "col_baseline",
                "col_required",
                "col_record",
                "col_verdict",
            )
        ),
        tuple(rows),
        details=tuple(details),
        numeric=(False, False, True, False, True, True, True, False),
        row_ids=tuple(ids),
        extra={"details_label": t("details", lang)},
    )


def _detail_html(note: str, ids: str) -> str:
    import html

    from regiondev.results import safe_text

    out = ""
    if note:
        out += f"<p>{html.escape(safe_text(note))}</p>"
    if ids:
        links = ", ".join(
            f'<a href="#obs-{html.escape(i.strip())}">{html.escape(i.strip())}</a>'
            for i in ids.split(",")
            if i.strip()
        )
        out += f'<p class="ids">{links}</p>'
    return out


def _unit_scale(unit: str, lang: Lang) -> tuple[float, str]:
    """Chart values in the unit a reader knows: 亿元 as bn yuan in English."""
    if unit == "cny_100m" and lang == "en":
        return 0.1, "bn yuan"
    return 1.0, unit_label(unit, lang)


def _trajectory_charts(ctx: _Ctx) -> list[Chart]:
    """One chart per level target with a baseline: history, required path, target."""
    from regiondev.model import PeriodKind
    from regiondev.report.figures import Series, trajectory_chart

    lang = ctx.lang
    result = ctx.growth()
    charts = []
    for r in result.to_frame().iter_rows(named=True):
        if not _finite(r.get("required_cagr")) or r.get("measure") == "growth_rate":
            continue
        if not _finite(r.get("base_value")):
            continue
        unit = str(r.get("unit") or "")
        scale, ylabel = _unit_scale(unit, lang)
        series: list[Series] = []
        traj = getattr(result, "trajectory", None)
        frame = None
        if callable(traj):
            try:
                frame = traj(r["target_id"])
            except Exception:
                frame = None
        if frame is not None and int(getattr(frame, "height", 0)):
            names = {
                "history": ("history", "on record" if lang == "en" else "历史值"),
                "outcome": ("outcome", "outcome" if lang == "en" else "实际结果"),
                "required_path": ("required_path", "required path" if lang == "en" else "所需路径"),
                "target": ("target", "target" if lang == "en" else "目标"),
                "projection_low": (
                    "projection",
                    "trend projection" if lang == "en" else "趋势外推",
                ),
            }
            for kind, (k, label) in names.items():
                sub = frame.filter(frame["kind"] == kind).sort("x")
                if sub.height:
                    pts = tuple(
                        (
                            float(p["x"]),
                            scale * float(p["value"]),
                            scale * float(p["low"] if p["low"] is not None else p["value"]),
                            scale * float(p["high"] if p["high"] is not None else p["value"]),
                        )
                        for p in sub.iter_rows(named=True)
                    )
                    series.append(Series(k, label, pts))
        else:
            hist = []
            for o in ctx.cat.observations:
                if (
                    o.region == r["region"]
                    and o.indicator == r["indicator"]
                    and str(o.status) == "actual"
                    and not o.subject
                    and not o.breakdown
                    and o.period.kind == PeriodKind.YEAR
                    and _finite(o.value)
                ):
                    iv = o.rounding_interval()
                    lo = iv.low if math.isfinite(iv.low) else o.value
                    hist.append(
                        (float(o.period.end_year), scale * o.value, scale * lo, scale * iv.high)
                    )
            base_year = float(str(r["base_period"])[:4])
            hist.sort()
            series.append(Series("history", "on record" if lang == "en" else "历史值", tuple(hist)))
            if r.get("derivation") or not any(p[0] == base_year for p in hist):
                series.append(
                    Series(
                        "baseline",
                        "baseline (derived)" if lang == "en" else "基期值（推算）",
                        (
                            (
                                base_year,
                                scale * r["base_value"],
                                scale * (r.get("base_low") or r["base_value"]),
                                scale * (r.get("base_high") or r["base_value"]),
                            ),
                        ),
                    )
                )
            years = int(float(str(r["target_period"])[:4]) - base_year)
            rate = r["required_cagr"]
            rlo = r.get("required_cagr_low") if _finite(r.get("required_cagr_low")) else rate
            rhi = r.get("required_cagr_high") if _finite(r.get("required_cagr_high")) else rate
            b, blo, bhi = (
                r["base_value"],
                r.get("base_low") or r["base_value"],
                r.get("base_high") or r["base_value"],
            )
            path = tuple(
                (
                    base_year + k,
                    scale * b * (1 + rate) ** k,
                    scale * blo * (1 + rlo) ** k,
                    scale * bhi * (1 + rhi) ** k,
                )
                for k in range(years + 1)
            )
            series.append(
                Series("required_path", "required path" if lang == "en" else "所需路径", path)
            )
            hist_rate = r.get("historical_growth")
            if _finite(hist_rate) and r.get("historical_basis"):
                basis_word = t(str(r["historical_basis"]), lang)
                rate_txt, _ = _rate(hist_rate, None, None, lang)
                series.append(
                    Series(
                        "projection",
                        f"continuing at the growth on record ({rate_txt} {basis_word})"
                        if lang == "en"
                        else f"按历史增速延续（{rate_txt}，{basis_word}）",
                        tuple(
                            (
                                base_year + k,
                                scale * b * (1 + hist_rate) ** k,
                                scale * b * (1 + hist_rate) ** k,
                                scale * b * (1 + hist_rate) ** k,
                            )
                            for k in range(years + 1)
                        ),
                    )
                )
            tv = r["target_value"]
            th = r.get("target_high")
            series.append(
                Series(
                    "target",
                    "target (floor)" if lang == "en" else "目标（下限）",
                    (
                        (
                            base_year + years,
                            scale * tv,
                            scale * tv,
                            scale * th if _finite(th) else math.inf,
                        ),
                    ),
                )
            )
        sentence = _target_sentence(ctx, r)
        req = next((p.text for p in sentence if isinstance(p, Ref) and "%" in p.text), "")
        region = region_label(r["region"], lang)
        ind = indicator_label(r["indicator"], lang)
        hist_txt, _ = _rate(
            r.get("historical_growth"),
            r.get("historical_growth_low"),
            r.get("historical_growth_high"),
            lang,
        )
        basis = t(str(r.get("historical_basis") or "not_applicable"), lang)
        if lang == "zh":
            title = (
                f"{region}{ind}：{period_label(r['target_period'], lang)}目标需年均增长{req}，"
                f"历史为{hist_txt}（{basis}）"
            )
        else:
            title = (
                f"{region} {ind}: the {r['target_period']} target needs {req} a year; "
                f"{hist_txt} ({basis}) on record"
            )
        src_ids = sorted(
            {ctx.obs[i].source for i in r.get("observation_ids") or [] if i in ctx.obs}
        )
        svg = trajectory_chart(
            series,
            title=title,
            ylabel=ylabel,
            source=t("source_line", lang, sources=", ".join(src_ids)),
            lang=lang,
        )
        charts.append(
            Chart(
                f"trajectory-{r['target_id']}.svg",
                svg,
                "".join(p.text if isinstance(p, Ref) else p for p in sentence),
            )
        )
    return charts


def _growth_chart(ctx: _Ctx) -> Chart | None:
    """Required against historical growth for every target that has a required rate."""
    from regiondev.report.figures import Dot, Interval, interval_chart

    lang = ctx.lang
    frame = ctx.growth().to_frame()
    rows = [r for r in frame.iter_rows(named=True) if _finite(r.get("required_cagr"))]
    if not rows:
        return None
    dots = []
    faster = 0
    for r in rows:
        items = []
        req = 100 * r["required_cagr"]
        lo = r.get("required_cagr_low")
        hi = r.get("required_cagr_high")
        is_rate = r.get("measure") == "growth_rate"
        rtxt, _ = _rate(r["required_cagr"], lo, hi, lang)
        items.append(
            Interval(
                req,
                100 * lo if _finite(lo) else req,
                100 * hi if _finite(hi) else req,
                rtxt,
                ("target rate (as printed)" if is_rate else "required a year (nominal)")
                if lang == "en"
                else ("目标增速（原文）" if is_rate else "所需年均增速（名义）"),
                "#0173b2",
                "s" if is_rate else "o",
            )
        )
        h = r.get("historical_growth")
        if _finite(h):
            hl, hh = r.get("historical_growth_low"), r.get("historical_growth_high")
            htxt, _ = _rate(h, hl, hh, lang)
            basis = t(str(r.get("historical_basis") or "not_applicable"), lang)
            items.append(
                Interval(
                    100 * h,
                    100 * hl if _finite(hl) else 100 * h,
                    100 * hh if _finite(hh) else 100 * h,
                    f"{htxt} {basis}",
                    "growth on record" if lang == "en" else "历史增速",
                    "#de8f05",
                    "D",
                )
            )
            if h < r["required_cagr"]:
                faster += 1
        label = f"{region_label(r['region'], lang)} · {indicator_label(r['indicator'], lang)}"
        dots.append(Dot(label if len(label) < 48 else label[:46] + "…", tuple(items)))
    d = ctx.deflator
    if lang == "zh":
        assumption = (
            "未假设平减指数（名义与实际不可直接比较）"
            if d is None
            else f"假设价格年涨{percent(d, 1, fraction=True, lang=lang)}"
        )
        title = f"{len(rows)}项可评估目标中有{faster}项所需增速高于历史增速；{assumption}"
        xlabel = "年增长率，%"
    else:
        assumption = (
            "no deflator assumed: nominal and real not directly comparable"
            if d is None
            else f"deflator {percent(d, 1, fraction=True)} a year"
        )
        title = (
            f"{faster} of {len(rows)} assessable targets need faster growth than on record "
            f"({assumption})"
        )
        xlabel = "annual growth, %"
    src_ids = sorted(
        {ctx.obs[i].source for r in rows for i in r.get("observation_ids") or [] if i in ctx.obs}
    )
    svg = interval_chart(
        dots,
        title=title,
        xlabel=xlabel,
        lang=lang,
        source=t("source_line", lang, sources=", ".join(src_ids)),
    )
    caption = (
        "Required growth a year (circle: between levels, nominal; square: a growth-rate target "
        "as printed) with its interval from the inputs' bounds and printed rounding, against "
        "the growth on record (diamond) with its price basis."
        if lang == "en"
        else "所需年均增速（圆点：两个水平值之间，名义；方块：原文增速目标）"
        "及其由原文限定与舍入得出的区间，与历史增速（菱形，注明价格口径）比较。"
    )
    return Chart("growth.svg", svg, caption, alt=title)


def _targets_section(ctx: _Ctx) -> Section:
    lang = ctx.lang
    d = ctx.deflator
    assumption = (
        t("deflator_none", lang)
        if d is None
        else t("deflator_is", lang, d=percent(d, 1, fraction=True, lang=lang))
    )
    blocks: list[Block] = [_text(t("targets_intro", lang, deflator=assumption))]
    for chart in _trajectory_charts(ctx):
        blocks.append(Block("chart", chart=chart))
    growth_chart = _growth_chart(ctx)
    if growth_chart is not None:
        blocks.append(Block("chart", chart=growth_chart))
    blocks.append(Block("table", table=_targets_table(ctx)))
    return Section("targets", t("targets", lang), tuple(blocks))


def _outcomes_section(ctx: _Ctx) -> Section | None:
    """'What happened next': only when the growth result carries outcome columns."""
    frame = ctx.growth().to_frame()
    if "verdict" not in frame.columns or "outcome_value" not in frame.columns:
        return None
    lang = ctx.lang
    rows = []
    for r in frame.iter_rows(named=True):
        outcome = "–"
        if r.get("outcome_id"):
            from regiondev.report.render import ref_html

            outcome = ref_html(_obs_ref(ctx, str(r["outcome_id"])))
        text = str(r.get("verdict_text") or "") if lang == "en" else ""
        rows.append(
            (
                Cell(region_label(r["region"], lang)),
                Cell(indicator_label(r["indicator"], lang)),
                Cell("", html=outcome) if outcome != "–" else Cell("–"),
                Cell(verdict_label(str(r["verdict"]), lang), css=f"v-{r['verdict']}"),
                Cell(text or verdict_label(str(r["verdict"]), lang)),
            )
        )
    table = Table(
        t("outcomes", lang),
        (
            t("col_region", lang),
            t("col_indicator", lang),
            t("actual", lang),
            t("col_verdict", lang),
            t("col_sentence", lang),
        ),
        tuple(rows),
    )
    return Section(
        "outcomes",
        t("outcomes", lang),
        (_text(t("outcomes_intro", lang)), Block("table", table=table)),
    )


# ---------------------------------------------------------------------------------------------
# Clusters

#: English and Chinese names of the partition members the texts use (cn22's domains and
#: macro-regions).
MEMBER_NAMES: dict[str, tuple[str, str]] = {
    "it": ("New-generation IT", "新一代信息技术"),
    "high_end_equipment": ("High-end equipment", "高端装备"),
    "new_materials": ("New materials", "新材料"),
    "biomedicine": ("Biomedicine & medical devices", "生物医药及高端医疗器械"),
    "consumer_goods": ("Consumer goods", "消费品"),
    "nev_icv": ("NEV & connected vehicles", "新能源及智能网联汽车"),
    "east": ("East", "东部"),
    "central": ("Central (incl. Hunan)", "中部（含湖南）"),
    "west": ("West", "西部"),
    "northeast": ("Northeast", "东北"),
}


def _member(code: str, lang: Lang) -> str:
    names = MEMBER_NAMES.get(code)
    if names is None:
        return code.replace("_", " ")
    return names[1] if lang == "zh" else names[0]


def _hunan_rows(result: Any) -> dict[str, dict[str, Any]]:
    """The rows of the Hunan-position table by what they measure (matched on their item)."""
    keys = {
        "clusters": "clusters on the national list",
        "share": "share of the national clusters",
        "pop": "share of the four macro-regions' population",
        "lq": "location quotient (clusters vs population), national",
    }
    out = {}
    for r in result.hunan_position.iter_rows(named=True):
        for k, needle in keys.items():
            if needle in str(r["item"]):
                out[k] = r
    return out


def _cluster_findings(ctx: _Ctx) -> tuple[Sentence, ...]:
    lang = ctx.lang
    result = ctx.clusters()
    hp = _hunan_rows(result)
    out: list[Sentence] = []
    if {"clusters", "share", "pop", "lq"} <= hp.keys():
        c, s, p, q = hp["clusters"], hp["share"], hp["pop"], hp["lq"]

        def ref(r: dict[str, Any], text: str) -> Ref:
            return ctx.prov.ref(text, list(r.get("observation_ids") or []))

        n = _range(c["value"], c["low"], c["high"], "", lang)
        share = bounded(
            100 * s["low"], "at_least", unit="percent", decimals=1, lang=lang, words=True
        )
        pop = percent(100 * p["value"], 1, lang=lang)
        lq = bounded(q["low"], "at_least", decimals=2, lang=lang, words=True)
        date = period_label(str(c["period"]), lang)
        if lang == "zh":
            out.append(
                (
                    "湖南拥有全国45个国家先进制造业集群中的",
                    ref(c, n),
                    f"个（{date}名单），占",
                    ref(s, share),
                    "，而其人口占四大区域的",
                    ref(p, pop),
                    "（2020年人口普查）：区位商",
                    ref(q, lq),
                    "（参照：常住人口）。",
                )
            )
        else:
            out.append(
                (
                    "Hunan has ",
                    ref(c, n),
                    f" of China's 45 national advanced-manufacturing clusters (list of {date}): ",
                    ref(s, share),
                    " of them, against ",
                    ref(p, pop),
                    " of the population of the four macro-regions (census "
                    "2020); its location quotient is ",
                    ref(q, lq),
                    " (reference: resident population).",
                )
            )
    lq_frame = result.location_quotients
    if lq_frame.height:
        ref_name = str(lq_frame["reference"][0])
        sub = lq_frame.filter(lq_frame["reference"] == ref_name)
        rows = list(sub.iter_rows(named=True))
        top = max(rows, key=lambda r: r["location_quotient"])
        central = next((r for r in rows if r["macro_region"] == "central"), None)

        def lqref(r: dict[str, Any]) -> Ref:
            return ctx.prov.ref(
                number(r["location_quotient"], 2), list(r.get("observation_ids") or [])
            )

        if central is not None:
            if lang == "zh":
                out.append(
                    (
                        f"按区域看，{_member(top['macro_region'], lang)}"
                        "集群占比高于人口占比（区位商",
                        lqref(top),
                        "）；湖南所在的中部为",
                        lqref(central),
                        "，低于均衡水平1。",
                    )
                )
            else:
                out.append(
                    (
                        f"By macro-region, the {_member(top['macro_region'], lang).lower()} "
                        "holds more clusters than its population share (location quotient ",
                        lqref(top),
                        "); the central region, Hunan's, holds fewer (",
                        lqref(central),
                        "; 1 = proportional).",
                    )
                )
    return tuple(out)


def _clusters_section(ctx: _Ctx) -> Section:
    import polars as pl

    from regiondev.report.figures import Bar, bar_chart
    from regiondev.report.render import ref_html

    lang = ctx.lang
    result = ctx.clusters()
    blocks: list[Block] = [_text(t("clusters_intro", lang))]
    comp = result.composition.filter(
        pl.col("partition").is_in(["domain", "macro_region"])
        & ~pl.col("member").str.starts_with("(")
        & ~pl.col("member").str.contains("+", literal=True)
    )
    panels = []
    tops = []
    for part in comp["partition"].unique(maintain_order=True).to_list():
        sub = comp.filter(pl.col("partition") == part)
        bars = [
            Bar(
                _member(str(r["member"]), lang),
                float(r["percent"]),
                f"{int(r['count'])} · {percent(r['percent'], 1, lang=lang)}",
                highlight=r["member"] == "central",
            )
            for r in sub.iter_rows(named=True)
        ]
        name = (
            ("by domain" if part == "domain" else "by macro-region")
            if lang == "en"
            else ("按领域" if part == "domain" else "按区域")
        )
        panels.append((name, bars))
        top = max(sub.iter_rows(named=True), key=lambda r: r["percent"])
        tops.append((part, top))
    src = sorted(
        {
            ctx.obs[i].source
            for ids in comp["observation_ids"].to_list()
            for i in ids
            if i in ctx.obs
        }
    )
    source = t("source_line", lang, sources=", ".join(src))
    if tops:
        top_region = next((r for p, r in tops if p == "macro_region"), tops[0][1])
        top_domain = next((r for p, r in tops if p == "domain"), tops[0][1])
        if lang == "zh":
            title = (
                f"{_member(top_region['member'], lang)}拥有45个国家级集群中的"
                f"{percent(top_region['percent'], 1, lang=lang)}；"
                f"{_member(top_domain['member'], lang)}为最大领域"
            )
        else:
            title = (
                f"The {_member(top_region['member'], lang).lower()} holds "
                f"{percent(top_region['percent'], 1)} of the 45 national clusters; "
                f"{_member(top_domain['member'], lang)} is the largest domain"
            )
        svg = bar_chart(
            panels,
            title=title,
            xlabel="% of the 45 clusters" if lang == "en" else "占45个集群的%",
            source=source,
            lang=lang,
        )
        caption = (
            "Number and share of the 45 national advanced-manufacturing clusters (list of "
            "30 Nov 2022) by domain and by macro-region; Hunan's region highlighted."
            if lang == "en"
            else "45个国家先进制造业集群（2022年11月30日名单）按领域和区域的数量与占比；"
            "湖南所在区域突出显示。"
        )
        blocks.append(Block("chart", chart=Chart("clusters.svg", svg, caption, alt=title)))
    lq = result.location_quotients
    if lq.height:
        ref_name = str(lq["reference"][0])
        sub = lq.filter(pl.col("reference") == ref_name)
        rows = list(sub.iter_rows(named=True))
        ref_label = "resident population" if lang == "en" else "常住人口"
        ref_src = (
            f"{rows[0]['reference_source']}, {period_label(str(rows[0]['reference_period']), lang)}"
        )
        bars = [
            Bar(
                _member(str(r["macro_region"]), lang),
                float(r["location_quotient"]),
                number(r["location_quotient"], 2),
                highlight=r["macro_region"] == "central",
            )
            for r in rows
        ]
        top = max(rows, key=lambda r: r["location_quotient"])
        above = [r for r in rows if r["location_quotient"] > 1]
        if lang == "zh":
            title = (
                f"以{ref_label}为参照（{ref_src}），仅{len(above)}个区域的集群多于其人口份额："
                f"{_member(top['macro_region'], lang)}区位商{number(top['location_quotient'], 2)}"
            )
            xlabel = f"区位商 = 集群占比 / {ref_label}占比（1 = 均衡）"
        else:
            title = (
                f"Against {ref_label} ({ref_src}), {len(above)} macro-region"
                f"{'s' if len(above) != 1 else ''} ha{'ve' if len(above) != 1 else 's'} more "
                f"clusters than its weight: the {_member(top['macro_region'], lang).lower()}, "
                f"location quotient {number(top['location_quotient'], 2)}"
            )
            xlabel = (
                f"location quotient = share of clusters / share of {ref_label} (1 = proportional)"
            )
        src_all = sorted(set(src) | {str(rows[0]["reference_source"])})
        svg = bar_chart(
            [("", bars)],
            title=title,
            xlabel=xlabel,
            lang=lang,
            source=t("source_line", lang, sources=", ".join(src_all)),
            reference=1.0,
            reference_label="1",
        )
        caption = (
            f"Location quotient = the macro-region's share of the 45 clusters / its share of "
            f"the {ref_label} ({ref_src}); 1 = proportional. The two dates differ (list of "
            "2022, census of 2020)."
            if lang == "en"
            else f"区位商 = 区域集群占比 / {ref_label}占比（{ref_src}）；1为均衡。"
            "两者日期不同（2022年名单，2020年普查）。"
        )
        blocks.append(
            Block("chart", chart=Chart("location_quotients.svg", svg, caption, alt=title))
        )
        lq_rows = []
        for r in rows:
            lq_rows.append(
                (
                    Cell(_member(str(r["macro_region"]), lang)),
                    Cell(
                        "",
                        html=ref_html(
                            ctx.prov.ref(str(r["clusters"]), list(r.get("observation_ids") or []))
                        ),
                    ),
                    Cell(percent(100 * r["cluster_share"], 1, lang=lang)),
                    Cell(percent(100 * r["reference_share"], 1, lang=lang)),
                    Cell(number(r["location_quotient"], 2)),
                )
            )
        blocks.append(
            Block(
                "table",
                table=Table(
                    t("t_lq", lang) + f" ({ref_label}, {ref_src})",
                    (
                        t("col_member", lang),
                        t("col_clusters", lang),
                        t("col_share", lang),
                        t("col_ref_share", lang),
                        t("col_lq", lang),
                    ),
                    tuple(lq_rows),
                    numeric=(False, True, True, True, True),
                    note=str(rows[0].get("caveat") or ""),
                ),
            )
        )
    # Hunan's position
    hp_rows, hp_details = [], []
    for r in result.hunan_position.iter_rows(named=True):
        value = _range(r["value"], r.get("low"), r.get("high"), str(r.get("unit") or ""), lang)
        hp_rows.append(
            (
                Cell(str(r["item"])),
                Cell("", html=ref_html(ctx.prov.ref(value, list(r.get("observation_ids") or [])))),
                Cell(str(r["period"])),
            )
        )
        note = "; ".join(
            str(r[c]) for c in ("detail", "derivation", "comparability", "caveat") if r.get(c)
        )
        hp_details.append(_detail_html(note, ", ".join(r.get("observation_ids") or [])))
    blocks.append(
        Block(
            "table",
            table=Table(
                t("t_hunan", lang),
                (t("col_item", lang), t("col_value", lang), t("col_period", lang)),
                tuple(hp_rows),
                details=tuple(hp_details),
                numeric=(False, True, False),
                extra={"details_label": t("details", lang)},
            ),
        )
    )
    comp_all = result.composition
    blocks.append(
        Block(
            "table",
            table=Table(
                t("t_composition", lang),
                (
                    t("col_member", lang),
                    t("col_clusters", lang),
                    t("col_share", lang),
                    t("col_id", lang),
                ),
                tuple(
                    (
                        Cell(
                            f"{r['partition'].replace('_', ' ')}: {_member(str(r['member']), lang)}"
                        ),
                        Cell(number(r["count"], 0)),
                        Cell(percent(r["percent"], 1, lang=lang)),
                        Cell(str(r.get("check") or r.get("derivation") or "")),
                    )
                    for r in comp_all.iter_rows(named=True)
                ),
                numeric=(False, True, True, False),
                collapsed=True,
            ),
        )
    )
    for name, key in (
        ("concentration", "t_concentration"),
        ("chi_square", "t_chi"),
        ("plans", "t_plans"),
    ):
        frame = result.tables().get(name)
        if frame is None or not frame.height:
            continue
        blocks.append(Block("table", table=_generic_table(frame, t(key, lang), collapsed=True)))
    return Section("clusters", t("clusters", lang), tuple(blocks))


_DROP_COLUMNS = {"observation_ids", "plan_element_ids", "record_ids", "input_ids"}


def _generic_table(frame: Any, caption: str, *, collapsed: bool = False) -> Table:
    """A result frame as it is (columns with a value in some row; ids to a details row)."""
    from regiondev.results import format_cell

    cols = [
        c
        for c in frame.columns
        if c not in _DROP_COLUMNS
        and frame[c].null_count() < frame.height
        and not c.endswith("_exact")
    ]
    id_cols = [c for c in frame.columns if c in _DROP_COLUMNS]
    rows, details = [], []
    for r in frame.iter_rows(named=True):
        rows.append(tuple(Cell(_human_cell(r[c])) for c in cols))
        ids = sorted({i for c in id_cols for i in (r[c] or [])})
        details.append(_detail_html("", ", ".join(ids)) if ids else "")
    del format_cell
    return Table(
        caption,
        tuple(c.replace("_", " ") for c in cols),
        tuple(rows),
        details=tuple(details),
        numeric=tuple(frame.schema[c].is_numeric() for c in cols),
        collapsed=collapsed,
    )


def _human_cell(value: Any) -> str:
    if isinstance(value, float):
        if not math.isfinite(value):
            return number(value)
        if value == int(value) and abs(value) < 1e15:
            return number(value, 0)
        return number(value, 4 if abs(value) < 1 else 2)
    from regiondev.results import format_cell

    return format_cell(value)


# ---------------------------------------------------------------------------------------------
# Consistency


def _check_findings(ctx: _Ctx) -> tuple[Sentence, ...]:
    import polars as pl

    lang = ctx.lang
    frame = ctx.checks()
    counts = Counter(frame["status"].to_list())
    n = frame.height
    other = counts.get("not_comparable", 0) + counts.get("not_checkable", 0) + counts.get("warn", 0)
    out: list[Sentence] = [
        (
            t(
                "f_checks_summary",
                lang,
                n=n,
                passed=counts.get("pass", 0),
                failed=counts.get("fail", 0),
                other=other,
            ),
        )
    ]
    for r in frame.filter(pl.col("status") == "fail").iter_rows(named=True):
        ids = list(r.get("observation_ids") or [])
        refs: list[str | Ref] = []
        for i, oid in enumerate(ids):
            if i:
                refs.append("、" if lang == "zh" else ", ")
            refs.append(_obs_ref(ctx, oid))
        if lang == "zh":
            what = (
                f"{check_status_label('fail', lang)}（{r['check_id']}）："
                f"推算{r['expected']}；原文{r['actual']}。"
            )
            out.append(("数据不一致：", *refs, "。", what))
        else:
            message = str(r["message"])
            first = re.split(r"(?<=[.])\s", message, maxsplit=1)[0]
            out.append(("Figures disagree: ", *refs, ". ", first))
    return tuple(out)


def _checks_chart(ctx: _Ctx) -> Chart | None:
    """Stated against implied values, as % deviation from the implied value: a fail is a
    stated interval outside the implied one (or, for rounding, no whole number inside it)."""
    from regiondev.report.figures import Dot, Interval, interval_chart

    lang = ctx.lang
    frame = ctx.checks()
    dots = []
    fails = 0
    for r in frame.iter_rows(named=True):
        if r["status"] not in ("pass", "fail", "warn") or str(r["check_id"]).startswith(
            "auto-repeated"
        ):
            continue
        el, eh = r.get("expected_low"), r.get("expected_high")
        al, ah = r.get("actual_low"), r.get("actual_high")
        if not (_finite(el) and el is not None and eh is not None and not math.isnan(eh)):
            continue
        mid = (el + eh) / 2 if _finite(eh) else el
        if mid == 0:
            continue

        def dev(x: float, mid: float = mid) -> float:
            return 100 * (x / mid - 1) if math.isfinite(x) else math.inf

        items = [
            Interval(
                dev(mid),
                dev(el),
                dev(eh),
                "",
                "implied by the other figures" if lang == "en" else "由其他数字推算",
                "#029e73",
                "o",
            )
        ]
        is_fail = r["status"] == "fail"
        fails += is_fail
        if al is not None and not math.isnan(al):
            a = al if not _finite(ah) or ah is None else (al + ah) / 2
            if _finite(ah) and al != ah:
                a = (al + ah) / 2
            items.append(
                Interval(
                    dev(a),
                    dev(al),
                    dev(ah) if ah is not None else dev(a),
                    check_status_label(r["status"], lang),
                    "stated" if lang == "en" else "原文",
                    "#d55e00" if is_fail else "#0173b2",
                    "D",
                )
            )
        elif r["kind"] == "rounding_feasibility":
            for whole in (math.floor(el), math.ceil(eh)):
                items.append(
                    Interval(
                        dev(whole),
                        dev(whole),
                        dev(whole),
                        f"n = {whole}: {check_status_label(r['status'], lang)}",
                        "nearest whole numbers" if lang == "en" else "最接近的整数",
                        "#d55e00",
                        "D",
                    )
                )
        label = str(r["check_id"])
        dots.append(Dot(label if len(label) < 44 else label[:42] + "…", tuple(items), is_fail))
    if not dots:
        return None
    if lang == "zh":
        title = (
            f"{len(dots)}项可量化核对中{fails}项不一致：原文数字落在推算区间之外"
            if fails
            else f"{len(dots)}项可量化核对全部一致"
        )
        xlabel = "相对推算值的偏差，%"
    else:
        title = (
            f"{fails} of {len(dots)} quantitative checks fail: the stated figure lies "
            "outside what the others imply"
            if fails
            else f"All {len(dots)} quantitative checks agree within their bounds"
        )
        xlabel = "deviation from the implied value, %"
    srcs = sorted(
        {
            ctx.obs[i].source
            for ids in frame["observation_ids"].to_list()
            for i in ids
            if i in ctx.obs
        }
    )
    dots.sort(key=lambda d: not d.highlight)
    svg = interval_chart(
        dots,
        title=title,
        xlabel=xlabel,
        lang=lang,
        symlog=1.0,
        source=t("source_line", lang, sources=", ".join(srcs)),
    )
    caption = (
        "Each relation between stated figures: the value the other figures imply (green, with "
        "its interval) and the stated figure (diamond), as % deviation from the implied value "
        "(symmetric log scale). A fail lies outside the implied interval and is shaded red."
        if lang == "en"
        else "每项数字关系：由其他数字推算的值（绿色，含区间）与原文数字（菱形），"
        "以相对推算值的偏差%表示（对称对数刻度）。不一致项落在推算区间之外，并以红色底纹标出。"
    )
    return Chart("consistency.svg", svg, caption, alt=title)


def _consistency_section(ctx: _Ctx) -> Section:
    import polars as pl

    lang = ctx.lang
    frame = ctx.checks()
    files = ", ".join(f"`{Path(r).name}`" for r in ctx.rules)
    declared = t("declared_user", lang, files=files) if ctx.rules else t("declared_shipped", lang)
    blocks: list[Block] = [_text(t("consistency_intro", lang, declared=declared))]
    chart = _checks_chart(ctx)
    if chart is not None:
        blocks.append(Block("chart", chart=chart))
    order = {"fail": 0, "warn": 1, "not_comparable": 2, "not_checkable": 3, "pass": 4}
    ordered = frame.with_columns(
        pl.col("status").replace_strict(order, default=5).alias("_o")
    ).sort(["_o", "check_id"])
    rows, details = [], []
    for r in ordered.iter_rows(named=True):
        rows.append(
            (
                Cell(str(r["check_id"])),
                Cell(str(r["kind"]).replace("_", " ")),
                Cell(check_status_label(str(r["status"]), lang), css=f"s-{r['status']}"),
                Cell(str(r.get("expected") or "")),
                Cell(str(r.get("actual") or "")),
            )
        )
        details.append(
            _detail_html(str(r.get("message") or ""), ", ".join(r.get("observation_ids") or []))
        )
    blocks.append(
        Block(
            "table",
            table=Table(
                t("t_checks", lang),
                (
                    t("col_check", lang),
                    t("col_kind", lang),
                    t("col_status", lang),
                    t("col_expected", lang),
                    t("col_stated", lang),
                ),
                tuple(rows),
                details=tuple(details),
                row_ids=tuple(f"check-{r[0].text}" for r in rows),
                extra={"details_label": t("details", lang)},
            ),
        )
    )
    return Section("consistency", t("consistency", lang), tuple(blocks))


# ---------------------------------------------------------------------------------------------
# Sources

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
        f"{cleaning}. Open a text below to read it with every cataloged figure highlighted: a "
        f"highlighted figure links to its record in Appendix A, and the record links back.{besides}"
    )


def _sources_section(ctx: _Ctx) -> Section:
    import html as _html

    from regiondev.report.provenance import source_viewer
    from regiondev.sources import clean_text

    lang = ctx.lang
    cat = ctx.cat
    news = sorted((s for s in cat.sources if s.kind == "news"), key=lambda s: s.id)
    intro = _sources_intro(cat) if lang == "en" else t("sources_intro", lang, n=len(news))
    rows, details = [], []
    for s in news:
        rows.append(
            (
                Cell(s.id, href=f"#src-{s.id}" if s.path else ""),
                Cell(s.title),
                Cell(s.outlet),
                Cell(s.published or "–"),
                Cell(region_label(s.region, lang)),
            )
        )
        details.append(
            _detail_html(
                "; ".join(
                    x
                    for x in (f"sha256 {s.sha256}" if s.sha256 else "", s.date_evidence, s.url)
                    if x
                ),
                "",
            )
        )
    blocks: list[Block] = [
        _text(intro),
        Block(
            "table",
            table=Table(
                t("t_sources", lang),
                (
                    t("col_id", lang),
                    t("col_title", lang),
                    t("col_outlet", lang),
                    t("col_published", lang),
                    t("col_region", lang),
                ),
                tuple(rows),
                details=tuple(details),
                extra={"details_label": t("details", lang)},
            ),
        ),
    ]
    runs = []
    for s in news:
        if not s.path:
            continue
        for d in clean_text(s).damaged:
            runs.append(
                f"- `{s.id}` characters {d.clean_start}–{d.clean_end} (raw {d.raw_start}–"
                f"{d.raw_end}): `{d.raw}` — {d.repair_note}."
            )
    blocks.append(
        _text(f"**{t('damaged', lang)}**\n\n" + ("\n".join(runs) if runs else t("none", lang)))
    )
    for s in news:
        if not s.path:
            continue
        blocks.append(
            Block(
                "source",
                html=source_viewer(cat, s.id),
                title=f"{s.id} · {_html.unescape(s.title)}",
                anchor=f"src-{s.id}",
            )
        )
    reference = tuple(s for s in cat.sources if s.kind != "news")
    if reference:
        blocks.append(
            Block(
                "table",
                table=Table(
                    t("t_reference", lang),
                    (
                        t("col_id", lang),
                        t("col_kind", lang),
                        t("col_published", lang),
                        t("col_title", lang),
                    ),
                    tuple(
                        (Cell(s.id), Cell(s.kind), Cell(s.published or "–"), Cell(s.title))
                        for s in sorted(reference, key=lambda s: s.id)
                    ),
                    details=tuple(
                        _detail_html("; ".join(x for x in (s.outlet, s.url, s.sha256) if x), "")
                        for s in sorted(reference, key=lambda s: s.id)
                    ),
                    extra={"details_label": t("details", lang)},
                ),
            )
        )
    return Section("sources", t("sources", lang), tuple(blocks))


# ---------------------------------------------------------------------------------------------
# Appendices

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


def _catalog_section(ctx: _Ctx) -> Section:
    from regiondev.report.render import ref_html

    lang = ctx.lang
    cat = ctx.cat
    frame = cat.frame().sort(["region", "indicator", "subject", "breakdown", "period", "id"])
    parts = _part_columns(frame)
    with_text = {s.id for s in cat.sources if s.path and s.kind == "news"}
    rows, ids = [], []
    for r in frame.iter_rows(named=True):
        o = ctx.obs[r["id"]]
        value = _obs_text(o, lang)
        sentence = (
            Cell(t("jump_sentence", lang), href=f"#q-{o.id}") if o.source in with_text else Cell("")
        )
        rows.append(
            (
                Cell(o.id),
                Cell(region_label(o.region, lang)),
                Cell(indicator_label(o.indicator, lang), title=o.indicator),
                *(Cell(str(r[c] or "")) for c in parts),
                Cell(period_label(str(o.period), lang), sort=str(o.period)),
                Cell(t(str(o.status), lang)),
                Cell("", html=ref_html(ctx.prov.ref(o.figure, [o.id])), sort=o.figure),
                Cell(value, sort=o.value if _finite(o.value) else None),
                Cell(t(str(o.basis), lang)),
                sentence,
            )
        )
        ids.append(f"obs-{o.id}")
    headers = (
        t("col_id", lang),
        t("col_region", lang),
        t("col_indicator", lang),
        *parts,
        t("col_period", lang),
        t("col_status", lang),
        t("col_figure", lang),
        t("col_value", lang),
        t("col_basis", lang),
        t("col_sentence", lang),
    )
    table = Table(
        t("t_catalog", lang),
        headers,
        tuple(rows),
        numeric=(
            False,
            False,
            False,
            *(False for _ in parts),
            False,
            False,
            False,
            True,
            False,
            False,
        ),
        interactive=True,
        row_ids=tuple(ids),
        extra={"filter_label": t("filter", lang)},
    )
    quotes = Table(
        t("t_quotes", lang),
        (t("col_id", lang), t("col_source", lang), t("col_quote", lang), t("col_quote_raw", lang)),
        tuple(
            (
                Cell(r["id"]),
                Cell(r["source"]),
                Cell(r["quote"] or ""),
                Cell(r["quote_raw"] or r["quote"] or ""),
            )
            for r in frame.sort("id").iter_rows(named=True)
        ),
        collapsed=True,
    )
    return Section(
        "catalog",
        t("catalog", lang),
        (
            _text(t("catalog_intro", lang, n=frame.height)),
            Block("table", table=table),
            Block("table", table=quotes),
        ),
        appendix=True,
    )


def _audit_section(ctx: _Ctx) -> Section:
    import polars as pl

    from regiondev.audit import audit

    lang = ctx.lang
    result = audit(ctx.cat)
    frame = result.to_frame()
    summary = result.summary()
    waived = frame.filter(pl.col("status") == "waived").sort(["source", "start"])
    missing = frame.filter(pl.col("status") == "unaccounted")
    blocks: list[Block] = [
        _text(t("audit_intro", lang)),
        Block(
            "table",
            table=Table(
                t("t_audit", lang),
                tuple(
                    t(k, lang)
                    for k in (
                        "col_source",
                        "col_tokens",
                        "col_cataloged",
                        "col_waived",
                        "col_unaccounted",
                    )
                ),
                tuple(
                    tuple(
                        Cell(number(r[c]) if c != "source" else str(r[c]))
                        for c in ("source", "tokens", "cataloged", "waived", "unaccounted")
                    )
                    for r in summary.iter_rows(named=True)
                ),
                numeric=(False, True, True, True, True),
            ),
        ),
        Block(
            "table",
            table=Table(
                t("t_waived", lang),
                tuple(
                    t(k, lang)
                    for k in ("col_source", "col_token", "col_kind", "col_reason", "col_context")
                ),
                tuple(
                    (
                        Cell(r["source"]),
                        Cell(r["token"]),
                        Cell(r["kind"]),
                        Cell(r["reason"] or ""),
                        Cell(r["context"] or ""),
                    )
                    for r in waived.iter_rows(named=True)
                ),
                collapsed=True,
            ),
        ),
    ]
    if missing.height:
        blocks.append(
            Block(
                "table",
                table=Table(
                    t("t_unaccounted", lang),
                    tuple(t(k, lang) for k in ("col_source", "col_token", "col_context")),
                    tuple(
                        (Cell(r["source"]), Cell(r["token"]), Cell(r["context"] or ""))
                        for r in missing.iter_rows(named=True)
                    ),
                ),
            )
        )
    return Section("audit", t("audit", lang), tuple(blocks), appendix=True)


def _extraction_section(ctx: _Ctx) -> Section:
    from regiondev.extract.accuracy import accuracy

    lang = ctx.lang
    frame = accuracy(ctx.cat)
    cols = [c for c in frame.columns if c != "missed"]
    rows = []
    for r in frame.iter_rows(named=True):
        cells = []
        for c in cols:
            v = r[c]
            if isinstance(v, float):
                cells.append(Cell(percent(v, 1, fraction=True, lang=lang)))
            elif isinstance(v, int):
                cells.append(Cell(number(v)))
            else:
                cells.append(Cell(str(v)))
        rows.append(tuple(cells))
    table = Table(
        t("t_accuracy", lang),
        tuple(c.replace("_", " ") for c in cols),
        tuple(rows),
        numeric=tuple(frame.schema[c].is_numeric() for c in cols),
        details=tuple(
            _detail_html(f"missed: {r['missed']}", "") if r.get("missed") else ""
            for r in frame.iter_rows(named=True)
        ),
    )
    return Section(
        "extraction",
        t("extraction", lang),
        (_text(t("extraction_intro", lang)), Block("table", table=table)),
        appendix=True,
    )


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
    steps: list[tuple[str, Callable[[], Section | None]]] = [
        ("findings", lambda: _findings_section(ctx)),
        ("targets", lambda: _targets_section(ctx)),
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


def _check_target(out: Path, force: bool) -> None:
    if out.exists() and not out.is_dir():
        raise ReportError(f"{out} exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists() and not force:
        raise ReportError(
            f"{out} is not empty and holds no previous regiondev report; choose another --out "
            "or pass --force to write report.md, report.html and figures/ into it (other "
            "files are kept)"
        )


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

    Everything is staged in a hidden folder inside ``out`` first, then moved into place file
    by file (each move atomic); files in ``out`` that are not the report's are left alone.
    """
    from regiondev.report.render import render_html, render_markdown

    out = Path(out)
    _check_target(out, force)
    sections = build_sections(
        cat, deflator=deflator, progress=progress, rules=rules, lang=lang, outcomes=outcomes
    )
    html_text = render_html(sections, lang)
    md_text = render_markdown(sections, lang)
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".regiondev-staging-", dir=out))
    try:
        (staging / "figures").mkdir(mode=0o755)
        for chart in charts(sections):
            (staging / "figures" / chart.name).write_bytes(chart.svg)
        (staging / "report.md").write_text(md_text, encoding="utf-8")
        (staging / "report.html").write_text(html_text, encoding="utf-8")
        (staging / MARKER).write_text(
            "regiondev report: report.md, report.html and figures/ are regenerated here\n",
            encoding="utf-8",
        )
        if (out / "figures").exists():
            os.rename(out / "figures", staging / "old-figures")
        os.rename(staging / "figures", out / "figures")
        for name in ("report.md", "report.html", MARKER):
            os.replace(staging / name, out / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return {"markdown": out / "report.md", "html": out / "report.html", "figures": out / "figures"}
