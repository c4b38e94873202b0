"""Appendices: the full catalog (sortable, filterable), the number audit, extraction accuracy."""

from __future__ import annotations

from typing import Any

from regiondev._catalog import WAIVER_CATEGORIES
from regiondev.formatting import (
    Lang,
    indicator_label,
    number,
    percent,
    period_label,
    region_label,
)
from regiondev.report.blocks import (
    Block,
    Section,
    _Ctx,
    _detail_html,
    _finite,
    _obs_text,
    _text,
)
from regiondev.report.i18n import KEYS, t
from regiondev.results import Cell, Table
from regiondev.translations import translate

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
    from regiondev.report.render import ref_cell

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
                Cell(o.id, css="code"),
                Cell(region_label(o.region, lang)),
                Cell(indicator_label(o.indicator, lang), title=o.indicator),
                *(Cell(str(r[c] or ""), css="code") for c in parts),
                Cell(period_label(str(o.period), lang), sort=str(o.period)),
                Cell(t(str(o.status), lang)),
                ref_cell((ctx.prov.ref(o.figure, [o.id])), sort=o.figure),
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
                Cell(r["id"], css="code"),
                Cell(r["source"]),
                Cell(r["quote"] or "", css="quote"),
                Cell(r["quote_raw"] or r["quote"] or "", css="quote"),
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

    from regiondev._audit import audit

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
                        Cell(t(f"token_{r['kind']}", lang)),
                        Cell(_waiver_reason(r["reason"] or "", lang)),
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
    from regiondev._extract.accuracy import accuracy

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
        tuple(t(f"acc_{c}", lang) if f"acc_{c}" in KEYS else c.replace("_", " ") for c in cols),
        tuple(rows),
        numeric=tuple(frame.schema[c].is_numeric() for c in cols),
        details=tuple(
            _detail_html(t("acc_missed", lang, ids=r["missed"]), "") if r.get("missed") else ""
            for r in frame.iter_rows(named=True)
        ),
    )
    return Section(
        "extraction",
        t("extraction", lang),
        (_text(t("extraction_intro", lang)), Block("table", table=table)),
        appendix=True,
    )


def _waiver_reason(reason: str, lang: Lang) -> str:
    """``category: reason`` of a waived number, both in the report's language."""
    category, sep, text = reason.partition(": ")
    if not sep or category not in WAIVER_CATEGORIES:
        return translate(reason, lang)
    return t(
        "waiver_label", lang, category=t(f"waiver_{category}", lang), reason=translate(text, lang)
    )
