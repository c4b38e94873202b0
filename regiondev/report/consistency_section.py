"""Consistency: every checkable relation, fails first, and the implied-vs-stated chart."""

from __future__ import annotations

import math
import re
from collections import Counter
from pathlib import Path

from regiondev.formatting import (
    Lang,
    check_status_label,
)
from regiondev.report.blocks import (
    Block,
    Chart,
    Section,
    _Ctx,
    _detail_html,
    _finite,
    _obs_ref,
    _sources_text,
    _text,
)
from regiondev.report.i18n import KEYS, t
from regiondev.report.provenance import Ref, Sentence
from regiondev.results import Cell, Table

# ---------------------------------------------------------------------------------------------
# Consistency


def _kind(kind: str, lang: Lang) -> str:
    """A check kind in words (``level_additions`` → level plus additions / 存量加新增)."""
    key = f"check_{kind}"
    return t(key, lang) if key in KEYS else kind.replace("_", " ")


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
            kind = _kind(str(r["kind"]), lang)
            what = f"这些数字无法同时成立（{kind}核对{r['check_id']}，详见“数据是否一致？”一节）。"
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
    exact = 0  # passes where the stated figure is exactly what the others imply
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
        if (
            r["status"] == "pass"
            and al is not None
            and ah is not None
            and _finite(al)
            and _finite(ah)
            and abs(dev(al)) < 0.5
            and abs(dev(ah)) < 0.5
            and abs(dev(el)) < 0.5
            and abs(dev(eh)) < 0.5
        ):
            exact += 1  # nothing to see: counted in the title, not drawn
            continue
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
    n = len(dots) + exact
    if lang == "zh":
        title = (
            f"{n}项可量化核对中{fails}项不一致：原文数字落在推算区间之外"
            if fails
            else f"{n}项可量化核对全部一致"
        )
        if exact:
            title += f"（另有{exact}项与推算值完全一致，未画出）"
        xlabel = "相对推算值的偏差，%"
    else:
        title = (
            f"{fails} of {n} quantitative checks fail{'s' if fails == 1 else ''}: the stated "
            "figure lies outside what the others imply"
            if fails
            else f"All {n} quantitative checks agree within their bounds"
        )
        if exact:
            title += f" ({exact} more that agree to within 0.5 % are not drawn)"
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
        source=_sources_text(ctx, srcs),
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
        verdict = ctx.check_result().get(str(r["check_id"]))
        rows.append(
            (
                Cell(str(r["check_id"])),
                Cell(_kind(str(r["kind"]), lang)),
                Cell(check_status_label(str(r["status"]), lang), css=f"s-{r['status']}"),
                Cell(verdict.text("expected", lang)),
                Cell(verdict.text("actual", lang)),
            )
        )
        message = verdict.text("message", lang)
        details.append(_detail_html(message, ", ".join(r.get("observation_ids") or [])))
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
