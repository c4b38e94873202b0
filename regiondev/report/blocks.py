"""Report building blocks: sections, blocks and charts, the build context (catalog, language,
provenance, the analyses run once), and number formatting shared by the sections."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from regiondev._catalog import Catalog
from regiondev.formatting import (
    MEMBER_NAMES,
    Lang,
    bounded,
    derived_decimals,
    interval,
    member_label,
    number,
    percent,
    quantity,
    region_code,
    region_label,
)
from regiondev.model import Observation
from regiondev.report.i18n import t
from regiondev.report.provenance import Provenance, Ref, Sentence
from regiondev.results import Cell, Table
from regiondev.translations import translate


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

    def check_result(self) -> Any:
        """The consistency checks' result (its verdicts say their sentences in any language)."""
        if "check_result" not in self.cache:
            from regiondev.analysis.consistency import check

            self.cache["check_result"] = check(self.cat, rules=self.rules)
        return self.cache["check_result"]

    def checks(self) -> Any:
        if "checks" not in self.cache:
            self.cache["checks"] = self.check_result().to_frame().sort("check_id")
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
    if (lo is None and hi is None) or lo == hi:
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


def _range(
    value: Any,
    low: Any,
    high: Any,
    unit: str,
    lang: Lang,
    *,
    low_open: bool = False,
    high_open: bool = False,
    words: bool = False,
) -> str:
    """A derived value with its interval: the interval when it has width (never the
    midpoint as the value), the value otherwise; an excluded end reads as more / less than
    (``words``: in words, for a sentence)."""
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
            if unit == "ratio" and 0 < abs(ref) < 0.1:
                d = 1 - math.floor(math.log10(abs(ref)))  # 0.01316 → 3 decimals: 0.013
        else:
            d = derived_decimals(1 if unit in ("ratio", "fraction") else 0, lo, hi)
        if unit == "items":
            d = 0
        return interval(
            lo,
            hi,
            unit=fmt_unit,
            decimals=d,
            lang=lang,
            low_open=bool(low_open),
            high_open=bool(high_open),
            words=words,
        )
    if v is None:
        return "–"
    d = 0 if unit == "items" or v == int(v) else (2 if abs(v) < 10 else 1)
    return quantity(v, fmt_unit, decimals=d, lang=lang)


def _detail_html(note: str | tuple[str, ...], ids: str) -> str:
    """A row's provenance: its text (one paragraph each) and its record ids as links."""
    import html

    from regiondev.results import safe_text

    out = ""
    for paragraph in (note,) if isinstance(note, str) else note:
        if paragraph:
            out += f"<p>{html.escape(safe_text(paragraph))}</p>"
    if ids:
        links = ", ".join(
            f'<a href="#obs-{html.escape(i.strip())}">{html.escape(i.strip())}</a>'
            for i in ids.split(",")
            if i.strip()
        )
        out += f'<p class="ids">{links}</p>'
    return out


_DROP_COLUMNS = {"observation_ids", "plan_element_ids", "record_ids", "input_ids"}


def _generic_table(
    frame: Any,
    caption: str,
    *,
    collapsed: bool = False,
    lang: Lang = "en",
    texts: dict[str, str] | None = None,
) -> Table:
    """A result frame as it is: short columns in the table, long text (derivations, caveats,
    quotes) and record ids folded into each row's provenance, so the table fits the page.
    In Chinese the columns, coded values and the data's prose are in Chinese
    (``i18n`` ``gcol_``/``gval_`` keys, ``translations.translate``); an English gloss
    column (``member_en``) is left out."""
    import polars as pl

    from regiondev.report.i18n import KEYS

    cols = [
        c
        for c in frame.columns
        if c not in _DROP_COLUMNS
        and frame[c].null_count() < frame.height
        and not c.endswith("_exact")
        and not (lang == "zh" and c.endswith("_en"))
    ]
    long = [
        c
        for c in cols
        if frame.schema[c] == pl.String and (frame[c].fill_null("").str.len_chars().max() or 0) > 40
    ]
    short = [c for c in cols if c not in long]
    id_cols = [c for c in frame.columns if c in _DROP_COLUMNS]

    def header(c: str) -> str:
        return t(f"gcol_{c}", lang) if f"gcol_{c}" in KEYS else c.replace("_", " ")

    def cell(value: Any) -> str:
        if lang == "zh" and isinstance(value, str):
            if f"gval_{value}" in KEYS:
                return t(f"gval_{value}", lang)
            if value in MEMBER_NAMES:
                return member_label(value, lang)
            if region_code(value) == value:
                return region_label(value, lang)
            return say(value)
        if lang == "zh" and isinstance(value, bool):
            return t("yes" if value else "no", lang)
        return _human_cell(value)

    def say(text: str) -> str:
        return (texts or {}).get(text) or translate(text, lang) if lang == "zh" else text

    sep = "；" if lang == "zh" else "; "
    rows, details = [], []
    for r in frame.iter_rows(named=True):
        rows.append(tuple(Cell(cell(r[c])) for c in short))
        ids = sorted({i for c in id_cols for i in (r[c] or [])})
        note = sep.join(
            f"{header(c)}{'：' if lang == 'zh' else ': '}{say(str(r[c]))}" for c in long if r[c]
        )
        details.append(_detail_html(note, ", ".join(ids)) if ids or note else "")
    return Table(
        caption,
        tuple(header(c) for c in short),
        tuple(rows),
        details=tuple(details),
        numeric=tuple(frame.schema[c].is_numeric() for c in short),
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


def _sources_text(ctx: _Ctx, source_ids: Any) -> str:
    """A chart's source line: the news texts and reference data by id; later official
    releases (the outcomes layer) counted, not listed."""
    kinds = {s.id: s.kind for s in ctx.cat.sources}
    ids = sorted(set(source_ids))
    named = [i for i in ids if kinds.get(i) != "outcome"]
    later = len(ids) - len(named)
    if later:
        named.append(
            f"{later} later official releases (outcomes)"
            if ctx.lang == "en"
            else f"{later}份后续官方发布（结果数据）"
        )
    return t("source_line", ctx.lang, sources=", ".join(named))
