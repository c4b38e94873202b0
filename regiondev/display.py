"""What each result shows people: its display columns, declared once, in order of importance.

A view is a tuple of ``DisplayColumn``: a header in English and Chinese and a renderer from a
row of the result's frame to a string, with the numbers of ``regiondev.formatting`` (bounds as
bounds, percent with a sign, separators). The terminal shows the leading columns that fit;
Markdown, notebooks and ``__repr__`` show them all. The data (``to_frame``) stays the contract;
a view never recomputes, it only words what the frame holds.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from regiondev import formatting as fmt
from regiondev.formatting import Lang

__all__ = [
    "PROSE_COLUMNS",
    "VIEWS",
    "DisplayColumn",
    "choose",
    "display_frame",
    "display_rows",
    "raw_column",
    "view",
]

Row = Mapping[str, Any]
#: How a row renders in a column, in a language.
Renderer = Callable[[Row, Lang], str]


@dataclass(frozen=True)
class DisplayColumn:
    """One column people read: its headers, how a row renders in it, and how it may shrink
    (``prose`` wraps; ``ident`` may be cut with an ellipsis; any other column keeps one line)."""

    key: str
    header_en: str
    header_zh: str
    render: Renderer
    prose: bool = False
    ident: bool = False

    def header(self, lang: Lang = "en") -> str:
        return self.header_zh if lang == "zh" else self.header_en


def _get(row: Row, key: str) -> Any:
    value = row.get(key)
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _text(key: str) -> Renderer:
    def render(row: Row, lang: Lang) -> str:
        value = _get(row, key)
        if value is None:
            return ""
        if isinstance(value, list | tuple):
            return ", ".join(str(v) for v in value)
        if isinstance(value, bool):
            return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")
        if isinstance(value, float):
            return fmt.number(value)
        return str(value)

    return render


def _figure(value: str, bound: str, low: str, high: str, unit: str = "unit") -> Renderer:
    """A cataloged or stated figure, bounded as the text bounds it."""

    def render(row: Row, lang: Lang) -> str:
        v = _get(row, value)
        if v is None:
            return ""
        return fmt.bounded(
            v,
            _get(row, bound) or "exact",
            unit=_get(row, unit),
            low=_get(row, low),
            high=_get(row, high),
            step=_get(row, "step"),
            lang=lang,
        )

    return render


def _label(key: str, labeller: Callable[[str | None, Lang], str]) -> Renderer:
    def render(row: Row, lang: Lang) -> str:
        return labeller(_get(row, key), lang)

    return render


def _period(key: str) -> Renderer:
    def render(row: Row, lang: Lang) -> str:
        return fmt.period_label(_get(row, key), lang)

    return render


def _rate_interval(mid: str, low: str, high: str) -> Renderer:
    """A rate held as a fraction, with its interval: ``9.9–10.0 %`` (or the point)."""

    def render(row: Row, lang: Lang) -> str:
        lo, hi, m = _get(row, low), _get(row, high), _get(row, mid)
        if lo is not None and hi is not None:
            decimals = fmt.derived_decimals(1, lo * 100, hi * 100)
            return fmt.interval(lo, hi, fraction=True, decimals=decimals, lang=lang)
        if m is not None:
            return fmt.percent(m, 1, fraction=True, lang=lang)
        return ""

    return render


def _required(row: Row, lang: Lang) -> str:
    """The pace a target requires: the rate itself for a growth-rate target (a floor of 15 %
    requires 15 %), else the interval its inputs give, with its price basis when nominal."""
    if _get(row, "measure") == "growth_rate":
        rate = _get(row, "required_cagr")
        return "" if rate is None else fmt.percent(rate, None, fraction=True, lang=lang)
    text = _rate_interval("required_cagr", "required_cagr_low", "required_cagr_high")(row, lang)
    if text and _get(row, "required_basis") == "nominal":
        text += "名义" if lang == "zh" else " nominal"
    return text


def _on_record(row: Row, lang: Lang) -> str:
    """The growth on record as printed, with its basis: ``7.1 % real``."""
    rate = _get(row, "historical_growth")
    if rate is None:
        return ""
    basis = _get(row, "historical_basis") or ""
    word = {"real": ("real", "实际"), "nominal": ("nominal", "名义")}.get(basis, ("", ""))
    lo, hi = _get(row, "historical_growth_low"), _get(row, "historical_growth_high")
    if lo is not None and hi is not None and math.isfinite(lo) and math.isfinite(hi):
        decimals = fmt.derived_decimals(1, lo * 100, hi * 100)
    else:
        decimals = 1
    text = fmt.percent(rate, decimals, fraction=True, lang=lang)
    label = word[1] if lang == "zh" else word[0]
    return f"{text} {label}".strip() if lang == "en" else f"{label}{text}"


def _ratio(row: Row, lang: Lang) -> str:
    lo, hi = _get(row, "ratio_low"), _get(row, "ratio_high")
    if lo is not None and hi is not None and math.isfinite(lo) and math.isfinite(hi):
        return fmt.interval(lo, hi, decimals=2, lang=lang)
    r = _get(row, "ratio")
    return "" if r is None else fmt.number(r, 2)


def _verdict(row: Row, lang: Lang) -> str:
    verdict = _get(row, "verdict")
    if verdict:
        return fmt.verdict_label(verdict, lang)
    return fmt.classification_label(_get(row, "classification"), lang)


def _indicator(key: str = "indicator") -> Renderer:
    def render(row: Row, lang: Lang) -> str:
        return fmt.indicator_label(_get(row, key), lang)

    return render


def _target_name(row: Row, lang: Lang) -> str:
    """``Zhuzhou: Gross regional product`` (株洲：地区生产总值)."""
    region = fmt.region_label(_get(row, "region"), lang)
    name = fmt.indicator_label(_get(row, "indicator"), lang)
    return f"{region}：{name}" if lang == "zh" else f"{region}: {name}"


def _goal(row: Row, lang: Lang) -> str:
    """The target as bounded, and its period: ``≥ 500 bn yuan by 2025`` (2025年 ≥ …)."""
    value = _figure("target_value", "target_bound", "target_low", "target_high")(row, lang)
    period = fmt.period_label(_get(row, "target_period"), lang)
    if not period:
        return value
    if lang == "zh":
        return f"{period}{value}"
    return f"{value} {'over' if '–' in period else 'by'} {period}"


def _growth_explained(row: Row, lang: Lang) -> str:
    return str(_get(row, "verdict_text") or _get(row, "reason") or "")


def _cluster_value(row: Row, lang: Lang) -> str:
    """A cluster figure in its unit: fractions as percent, indices and equivalent numbers with
    their exact fraction (437/2025), ratios to two decimals (three digits when small), counts,
    a p-value, money; an interval where the inputs give one, a bound where one end is open."""
    v, lo, hi = _get(row, "value"), _get(row, "low"), _get(row, "high")
    unit = _get(row, "unit") or ""
    exact = _get(row, "exact") or ""
    if unit == "probability" and v is not None:
        return f"p = {v:.2g}"
    ref = v if v is not None else lo if lo is not None and math.isfinite(lo) else hi
    decimals = {"fraction": 1, "index": 4, "parts": 2, "ratio": 2}.get(unit)
    if unit == "ratio" and ref is not None and 0 < abs(ref) < 0.1:
        decimals = 1 - math.floor(math.log10(abs(ref)))  # 0.0128 → 3 decimals: 0.013
    if unit == "items" and ref is not None and ref != int(ref):
        decimals = 1  # an expected count
    fraction = unit == "fraction"
    plain = None if unit in ("fraction", "ratio", "index", "parts", "items") else unit
    step = 10.0 if unit == "cny_100m" else None  # derived money: to the bn yuan
    if lo is not None and hi is not None and lo != hi:
        text = fmt.interval(
            lo, hi, unit=plain, fraction=fraction, decimals=decimals, step=step, lang=lang
        )
    elif v is None:
        return exact
    elif fraction:
        text = fmt.percent(v, decimals, fraction=True, lang=lang)
    elif plain:
        text = fmt.quantity(v, plain, lang=lang, step=step)
    else:
        text = fmt.number(v, decimals)
    return f"{text} ({exact})" if exact and unit in ("index", "parts") else text


def _record_count(row: Row, lang: Lang) -> str:
    return fmt.number(_get(row, "records"))


C = DisplayColumn

VIEWS: dict[str, tuple[DisplayColumn, ...]] = {
    "catalog": (
        C("id", "id", "编号", _text("id"), ident=True),
        C("figure", "figure", "数字", _figure("value", "bound", "low", "high")),
        C("period", "period", "时期", _period("period")),
        C("status", "status", "状态", _text("status")),
        C("region", "region", "地区", _label("region", fmt.region_label)),
        C("indicator", "indicator", "指标", _indicator(), prose=True),
        C("printed", "as printed", "原文", _text("figure")),
        C("quote", "quote", "原句", _text("quote"), prose=True),
    ),
    "series": (
        C("period", "period", "时期", _period("period")),
        C("figure", "figure", "数字", _figure("value", "bound", "low", "high")),
        C("status", "status", "状态", _text("status")),
        C("id", "id", "编号", _text("id"), ident=True),
        C("printed", "as printed", "原文", _text("figure")),
        C("part", "part", "部分", _text("subject")),
        C("quote", "quote", "原句", _text("quote"), prose=True),
    ),
    "growth": (
        C("target", "target", "目标", _target_name, prose=True),
        C("verdict", "verdict", "结论", _verdict),
        C("goal", "goal", "目标值", _goal),
        C("required", "required a year", "所需年均增速", _required),
        C("on_record", "on record", "历史增速", _on_record),
        C("ratio", "on record / required", "历史/所需", _ratio),
        C("target_id", "id", "编号", _text("target_id"), ident=True),
        C("why", "why", "说明", _growth_explained, prose=True),
    ),
    "check": (
        C("status", "status", "结论", _text("status")),
        C("check_id", "check", "检查", _text("check_id"), ident=True),
        C("message", "what it found", "发现", _text("message"), prose=True),
        C("expected", "expected", "推算值", _text("expected")),
        C("actual", "stated", "所述值", _text("actual")),
    ),
    "clusters": (
        C("table", "table", "表", _text("table")),
        C("item", "item", "项目", _text("item"), prose=True),
        C("value", "value", "数值", _cluster_value),
        C("period", "period", "时期", _period("period")),
        C("detail", "detail", "说明", _text("detail"), prose=True),
        C("caveat", "caveat", "注意", _text("caveat"), prose=True),
    ),
    "sources": (
        C("id", "id", "编号", _text("id"), ident=True),
        C("published", "published", "发布日期", _text("published")),
        C("region", "region", "地区", _label("region", fmt.region_label)),
        C("title", "title", "标题", _text("title"), prose=True),
        C("outlet", "outlet", "来源", _text("outlet"), prose=True),
        C("damaged_runs", "damaged runs", "损坏片段", _text("damaged_runs")),
    ),
    "claims": (
        C("source", "source", "来源", _text("source"), ident=True),
        C("figure", "figure", "数字", _figure("value", "bound", "low", "high")),
        C("printed", "as printed", "原文", _text("figure")),
        C("status", "status", "状态", _text("status")),
        C("kind", "kind", "类型", _text("kind")),
        C("period", "period", "时期", _text("period")),
        C("region", "region", "地区", _text("region")),
        C("set_aside", "set aside", "排除原因", _text("set_aside_reason"), prose=True),
        C("quote", "quote", "原句", _text("quote"), prose=True),
    ),
    "indicators": (
        C("code", "code", "代码", _text("code")),  # typed by users: never cut
        C("name_en", "name", "英文名", _text("name_en"), prose=True),
        C("name_zh", "Chinese name", "中文名", _text("name_zh")),
        C("measure", "measure", "量", _text("measure")),
        C("unit", "unit", "单位", _label("unit", fmt.unit_label)),
        C("records", "records", "记录", _record_count),
    ),
    "audit": (
        C("source", "source", "来源", _text("source"), ident=True),
        C("tokens", "numbers", "数字", _text("tokens")),
        C("cataloged", "cataloged", "已编目", _text("cataloged")),
        C("waived", "waived", "已豁免", _text("waived")),
        C("unaccounted", "unaccounted", "未说明", _text("unaccounted")),
    ),
}


#: Raw frame columns of running text (they wrap when shown as they are).
PROSE_COLUMNS = frozenset(
    {
        "quote",
        "quote_raw",
        "note",
        "message",
        "title",
        "reason",
        "verdict_text",
        "derivation",
        "detail",
        "caveat",
        "context",
        "cues",
        "set_aside_reason",
        "name_en",
        "outlet",
    }
)


def raw_column(name: str) -> DisplayColumn:
    """A frame column shown as it is (numbers with separators, lists joined)."""
    ident = name == "id" or name.endswith(("_id", "_ids"))
    return DisplayColumn(name, name, name, _text(name), prose=name in PROSE_COLUMNS, ident=ident)


def choose(
    frame: Any, columns: tuple[DisplayColumn, ...], names: list[str]
) -> tuple[DisplayColumn, ...]:
    """The columns a user named: a display column's key, or any column of the frame as it is.

    Raises ParameterError naming the unknown name and the nearest one."""
    import difflib

    from regiondev.errors import ParameterError

    by_key = {c.key: c for c in columns}
    chosen = []
    for name in names:
        if name in by_key:
            chosen.append(by_key[name])
        elif name in frame.columns:
            chosen.append(raw_column(name))
        else:
            known = [*by_key, *(c for c in frame.columns if c not in by_key)]
            near = difflib.get_close_matches(name, known, n=1)
            hint = f"; did you mean {near[0]!r}?" if near else "."
            raise ParameterError(f"{name!r} is not a column{hint} Columns: {', '.join(known)}")
    return tuple(chosen)


def view(name: str) -> tuple[DisplayColumn, ...]:
    """The display columns of a result kind (``catalog``, ``growth``, ``check``…)."""
    return VIEWS[name]


def display_rows(
    frame: Any, columns: tuple[DisplayColumn, ...], lang: Lang = "en"
) -> list[dict[str, str]]:
    """Every row of ``frame`` rendered through ``columns``, keyed by column key."""
    return [{c.key: c.render(r, lang) for c in columns} for r in frame.iter_rows(named=True)]


def display_frame(frame: Any, columns: tuple[DisplayColumn, ...], lang: Lang = "en") -> Any:
    """A polars frame of strings, headed as people read them (for Markdown and notebooks)."""
    import polars as pl

    rows = display_rows(frame, columns, lang)
    return pl.DataFrame(
        {c.header(lang): [r[c.key] for r in rows] for c in columns},
        schema=dict.fromkeys([c.header(lang) for c in columns], pl.String),
    )
