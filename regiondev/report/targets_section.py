"""Targets: each target's verdict, the growth it requires, its trajectory; what happened next."""

from __future__ import annotations

from collections import Counter
from typing import Any

from regiondev.formatting import (
    Lang,
    classification_label,
    indicator_label,
    number,
    percent,
    period_label,
    quantity,
    region_label,
    unit_label,
    verdict_label,
)
from regiondev.report.blocks import (
    Block,
    Chart,
    Section,
    _Ctx,
    _detail_html,
    _finite,
    _obs_ref,
    _range,
    _rate,
    _sources_text,
    _text,
)
from regiondev.report.i18n import t
from regiondev.report.provenance import Ref, Sentence, link, sentence_text
from regiondev.results import Cell, Table

# ---------------------------------------------------------------------------------------------
# Targets


def _verdict(row: dict[str, Any], lang: Lang) -> str:
    """The target's verdict in words: the tracker's ``verdict`` when it has one, else the
    progress classification."""
    if row.get("verdict"):
        return verdict_label(str(row["verdict"]), lang)
    return classification_label(str(row.get("classification") or ""), lang)


def _breakeven(row: dict[str, Any]) -> float | None:
    """The tracker's break-even deflator (the annual price rise at which real growth on record
    is on track for a nominal required rate), else (1 + required) / (1 + real on record) − 1."""
    if _finite(row.get("breakeven_deflator")):
        return float(row["breakeven_deflator"])
    req, hist = row.get("required_cagr"), row.get("historical_growth")
    real = row.get("historical_basis") == "real"
    if req is not None and hist is not None and _finite(req) and _finite(hist) and real:
        return float((1 + req) / (1 + hist) - 1)
    return None


def _ids(value: Any) -> list[str]:
    """Record ids of a column that holds one id, a derived ``a+b`` id or a list of them."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return [i for i in str(value).split("+") if i]


def _latest(ctx: _Ctx, row: dict[str, Any], *, words: bool = False) -> Ref | None:
    """The latest figure set against the target: as its bound says when it is one record,
    the derived value with its unit otherwise (``words``: a bound in words, for a
    sentence: more than 32.7 % / 超过32.7%)."""
    ids = _ids(row.get("latest_id"))
    if not ids:
        return None
    if len(ids) == 1 and ids[0] in ctx.obs:
        return _obs_ref(ctx, ids[0], words=words)
    if ids == _ids(row.get("baseline_ids")) and _finite(row.get("base_value")):
        # a derived baseline: its interval from the inputs' rounding, never a point
        unit = str(row.get("unit") or "")
        text = _range(
            row["base_value"],
            row.get("base_low"),
            row.get("base_high"),
            unit,
            ctx.lang,
            low_open=bool(row.get("base_low_open")),
            high_open=bool(row.get("base_high_open")),
            words=words,
        )
        return ctx.prov.ref(text, ids)
    value = row.get("latest_value")
    if not _finite(value):
        return None
    text = quantity(value, str(row.get("unit") or "") or None, decimals=1, lang=ctx.lang)
    return ctx.prov.ref(text, ids)


def _margin(row: dict[str, Any], lang: Lang) -> str:
    """``22.0 % short of the target`` / ``3.2 percentage points short``."""
    m, unit = row.get("margin"), row.get("margin_unit")
    if m is None or not _finite(m):
        return ""
    short = m < 0
    size = abs(m)
    if unit == "percent_of_target":
        amount = percent(size, 1, lang=lang)
        if lang == "zh":
            return f"比目标{'低' if short else '高'}{amount}"
        return f"{amount} {'short of' if short else 'above'} the target"
    if unit == "percentage_points":
        amount = number(size, 1)
        if lang == "zh":
            return f"比目标{'低' if short else '高'}{amount}个百分点"
        return f"{amount} percentage points {'short of' if short else 'above'} the target"
    return ""


def _target_sentence(ctx: _Ctx, row: dict[str, Any]) -> Sentence:
    """One plain sentence: the target, its verdict, the latest figure against it, and the
    growth it needs (or needed) against the growth on record."""
    lang = ctx.lang
    zh = lang == "zh"
    region = region_label(row["region"], lang)
    ind = indicator_label(row["indicator"], lang)
    period = period_label(row["target_period"], lang)
    target = _obs_ref(ctx, row["target_id"], words=True)
    verdict = _verdict(row, lang)
    latest = _latest(ctx, row, words=True)
    margin = _margin(row, lang)
    # a latest figure that is only a floor (a share from 突破…: more than 32.7 %) falls short
    # by at most its margin
    floor = (
        latest is not None
        and _ids(row.get("latest_id")) == _ids(row.get("baseline_ids"))
        and not _finite(row.get("base_high"))
        and _finite(row.get("margin"))
        and float(row["margin"]) < 0
    )
    is_rate = row.get("measure") == "growth_rate"
    has_pace = _finite(row.get("required_cagr")) and not is_rate and _finite(row.get("base_value"))
    req, req_span = _rate(
        row.get("required_cagr"), row.get("required_cagr_low"), row.get("required_cagr_high"), lang
    )
    req_ref = ctx.prov.ref(req, [*_ids(row.get("baseline_ids")), row["target_id"]])
    hist, _ = _rate(
        row.get("historical_growth"),
        row.get("historical_growth_low"),
        row.get("historical_growth_high"),
        lang,
    )
    hist_ref = ctx.prov.ref(hist, _ids(row.get("historical_ids")))
    hbasis_code = str(row.get("historical_basis") or "not_applicable")
    hperiod = period_label(row.get("historical_period"), lang)
    hbasis = hperiod if hbasis_code == "not_applicable" else f"{t(hbasis_code, lang)}, {hperiod}"
    if lang == "zh" and hbasis_code != "not_applicable":
        hbasis = f"{t(hbasis_code, lang)}，{hperiod}"
    same_as_latest = bool(_ids(row.get("latest_id"))) and _ids(row.get("historical_ids")) == _ids(
        row.get("latest_id")
    )
    base_period = row.get("base_period") or ""
    on = "on" if len(str(base_period)) == 10 else "in"
    cls = str(row.get("classification") or "")
    be = _breakeven(row)
    base = ""
    base_ids = _ids(row.get("baseline_ids"))
    if has_pace and len(base_ids) == 1 and base_ids[0] in ctx.obs:
        base = _obs_ref(ctx, base_ids[0]).text  # a cataloged figure, as printed
    elif has_pace:
        base = _range(
            row.get("base_value"),
            row.get("base_low"),
            row.get("base_high"),
            str(row.get("unit") or ""),
            lang,
            low_open=bool(row.get("base_low_open")),
            high_open=bool(row.get("base_high_open")),
        )
    base_ref = ctx.prov.ref(base, _ids(row.get("baseline_ids")))
    over = bool(row.get("period_over"))
    # the growth on record is set against the required pace only where there is one; the
    # words for it (the same decision in both languages): basis differs, a period that is
    # over (a verdict, never a pace band), a pace band, or no ratio
    history = (
        _finite(row.get("historical_growth"))
        and (has_pace or is_rate)
        and not (is_rate and same_as_latest)
    )
    pace = (
        "basis"
        if cls == "basis_differs" and be is not None
        else ("over" if over else "band")
        if _finite(row.get("ratio"))
        else ""
    )
    parts: list[str | Ref] = []
    if zh:
        parts += [f"{region}：{ind}{period}目标", target, f"——{verdict}。"]
        if latest is not None:
            parts += ["最新数据", latest, f"（{period_label(row.get('latest_period'), lang)}）"]
            parts.append(f"，{'至多' if floor else ''}{margin}。" if margin else "。")
        if has_pace:
            parts += [
                f"自{period_label(row.get('base_period'), lang)}的",
                base_ref,
                "起需年均增长" if not over else "起曾需年均增长",
                req_ref,
                f"（区间{req_span}）" if req_span and req_span != req else "",
                "。",
            ]
        if history:
            parts += ["历史增速", hist_ref, f"（{hbasis}）"]
            if pace == "basis":
                parts += [
                    "；名义与实际口径不同：价格年均上涨至少",
                    percent(be, 1, fraction=True, lang=lang),
                    "时历史增速才足够。",
                ]
            elif pace == "over":
                parts.append(f"，为当时所需增速的{number(row['ratio'], 2)}倍。")
            elif pace == "band":
                parts.append(
                    f"，为所需的{number(row['ratio'], 2)}倍（{classification_label(cls, lang)}）。"
                )
            else:
                parts.append("。")
        return tuple(p for p in parts if p != "")
    parts += [f"{region}: {ind}, target ", target, f" for {period}: {verdict}. "]
    if latest is not None:
        parts += [
            "Latest on record: ",
            latest,
            f" ({period_label(row.get('latest_period'), lang)})",
        ]
        parts.append(f", {'at most ' if floor else ''}{margin}. " if margin else ". ")
    if has_pace:
        parts += [
            "It needs " if not over else "It needed ",
            req_ref,
            " growth a year",
            f" ({req_span})" if req_span and req_span != req else "",
            " from ",
            base_ref,
            f" {on} {period_label(row.get('base_period'), lang)}. ",
        ]
    if history:
        parts += ["Growth on record: ", hist_ref, f" ({hbasis})"]
        if pace == "basis":
            parts += [
                "; nominal against real: on track only if prices rise by at least ",
                percent(be, 1, fraction=True, lang=lang),
                " a year.",
            ]
        elif pace == "over":
            parts.append(f", {number(row['ratio'], 2)} × the pace that was needed.")
        elif pace == "band":
            parts.append(
                f", {number(row['ratio'], 2)} × the required pace "
                f"({classification_label(cls, lang)})."
            )
        else:
            parts.append(".")
    if parts and isinstance(parts[-1], str):
        parts[-1] = parts[-1].rstrip()
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


def _has_evidence(row: dict[str, Any]) -> bool:
    """A target with a figure to set against it or a pace to compare."""
    is_rate = row.get("measure") == "growth_rate"
    pace = _finite(row.get("required_cagr")) and (
        _finite(row.get("historical_growth")) if is_rate else _finite(row.get("base_value"))
    )
    return bool(row.get("latest_id")) or pace or row.get("verdict") in ("met", "missed")


def _target_findings(ctx: _Ctx) -> tuple[Sentence, ...]:
    frame = ctx.growth().to_frame()
    rows = list(frame.iter_rows(named=True))
    out: list[Sentence] = [_target_sentence(ctx, r) for r in rows if _has_evidence(r)]
    rest = [r for r in rows if not _has_evidence(r)]
    if rest:
        reasons = Counter(_reason_key(str(r.get("reason") or r.get("note") or "")) for r in rest)
        order = ["r_increment", "r_share", "r_no_baseline", "r_scope", "r_other"]
        if ctx.lang == "zh":
            listed = "、".join(f"{t(k, ctx.lang)}{reasons[k]}项" for k in order if reasons.get(k))
            n = f"其余{len(rest)}项目标"
        else:
            listed = ", ".join(f"{reasons[k]} {t(k, ctx.lang)}" for k in order if reasons.get(k))
            n = f"The other {len(rest)} target{'s' if len(rest) != 1 else ''}"
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
        if r.get("measure") == "growth_rate":
            req_span = ""  # a growth-rate target requires its own rate (a floor of 15 %: 15 %)
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
                low_open=bool(r.get("base_low_open")),
                high_open=bool(r.get("base_high_open")),
            )
        verdict = _verdict(r, lang)
        cls = str(r.get("verdict") or r.get("classification") or "")
        from regiondev.report.render import ref_cell

        rows.append(
            (
                Cell(region_label(r["region"], lang)),
                Cell(indicator_label(r["indicator"], lang), title=r["indicator"]),
                ref_cell(_obs_ref(ctx, r["target_id"])),
                Cell(period_label(r["target_period"], lang), sort=str(r["target_period"])),
                Cell(base),
                Cell(req if not req_span or req_span == req else f"{req} ({req_span})"),
                Cell(hist),
                Cell(verdict, css=f"v-{cls}"),
            )
        )
        # the tracker's own words in the report's language: why (a reason), the caveats and
        # the arithmetic, each once
        row = ctx.growth().row(r["target_id"])
        texts = tuple(row.text(k, lang) for k in ("reason", "note", "derivation"))
        all_ids = ", ".join(r.get("observation_ids") or [r["target_id"]])
        details.append(_detail_html(texts, all_ids))
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


def _unit_scale(unit: str, lang: Lang) -> tuple[float, str]:
    """Chart values in the unit a reader knows: 亿元 as bn yuan in English."""
    if unit == "cny_100m" and lang == "en":
        return 0.1, "bn yuan"
    return 1.0, unit_label(unit, lang)


def _trajectory_charts(ctx: _Ctx) -> list[Chart]:
    """One chart per target with a trajectory of levels: history with intervals, the required
    path, the target and the outcome (the tracker's ``trajectory``)."""
    from regiondev.report.figures import Series, trajectory_chart

    lang = ctx.lang
    result = ctx.growth()
    names = {
        "history": ("history", "on record", "历史值"),
        "projection_low": ("projection", "trend projection (95 % band)", "趋势外推（95%区间）"),
        "required_path": ("required_path", "required path", "所需路径"),
        "target": ("target", "target", "目标"),
        "outcome": ("outcome", "outcome", "实际结果"),
    }
    charts = []
    for r in result.to_frame().iter_rows(named=True):
        if r.get("measure") == "growth_rate" or not _finite(r.get("required_cagr")):
            continue
        frame = result.trajectory(r["target_id"])
        if not frame.height or not (frame["kind"] == "history").any():
            continue
        unit = str(r.get("unit") or "")
        scale, ylabel = _unit_scale(unit, lang)
        series = []
        for kind, (key, en, zh) in names.items():
            sub = frame.filter(frame["kind"] == kind).sort("x")
            if kind == "projection_low":
                sub = frame.filter(frame["kind"].is_in(["projection_low", "projection_high"]))
                if not sub.height:
                    continue
                lows = sub.filter(sub["kind"] == "projection_low").sort("x")
                highs = sub.filter(sub["kind"] == "projection_high").sort("x")
                pts = tuple(
                    (
                        float(a["x"]),
                        scale * (a["value"] + b["value"]) / 2,
                        scale * a["value"],
                        scale * b["value"],
                    )
                    for a, b in zip(
                        lows.iter_rows(named=True), highs.iter_rows(named=True), strict=False
                    )
                )
                series.append(Series(key, zh if lang == "zh" else en, pts))
                continue
            if not sub.height:
                continue
            pts = tuple(
                (
                    float(p["x"]),
                    scale * float(p["value"]),
                    scale * float(p["low"] if p["low"] is not None else p["value"]),
                    scale * float(p["high"] if p["high"] is not None else p["value"]),
                )
                for p in sub.iter_rows(named=True)
            )
            series.append(Series(key, zh if lang == "zh" else en, pts))
        sentence = _target_sentence(ctx, r)
        region = region_label(r["region"], lang)
        ind = indicator_label(r["indicator"], lang)
        verdict = _verdict(r, lang)
        latest = _latest(ctx, r)
        margin = _margin(r, lang)
        if lang == "zh":
            title = f"{region}{ind}{period_label(r['target_period'], lang)}目标：{verdict}"
            if latest is not None and margin:
                title += f"，最新数据{latest.text}{margin}"
        else:
            title = f"{region} {ind}, {r['target_period']} target: {verdict}"
            if latest is not None and margin:
                title += f"; the latest, {latest.text}, is {margin}"
        src_ids = sorted(
            {ctx.obs[i].source for i in r.get("observation_ids") or [] if i in ctx.obs}
        )
        svg = trajectory_chart(
            series,
            title=title,
            ylabel=ylabel,
            xlabel="end of year" if lang == "en" else "年末",
            source=_sources_text(ctx, src_ids),
            lang=lang,
        )
        charts.append(
            Chart(
                f"trajectory-{r['target_id']}.svg",
                svg,
                sentence_text(sentence),
                alt=title,
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
                    f"{htxt} {basis}".strip(" –"),
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
        source=_sources_text(ctx, src_ids),
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


def _targets_section(ctx: _Ctx, *, trajectories: bool = True) -> Section:
    """Every target with its verdict; the required-against-historical chart; the trajectory
    charts here unless 'What happened next' shows them."""
    lang = ctx.lang
    d = ctx.deflator
    assumption = (
        t("deflator_none", lang)
        if d is None
        else t("deflator_is", lang, d=percent(d, 1, fraction=True, lang=lang))
    )
    blocks: list[Block] = [_text(t("targets_intro", lang, deflator=assumption))]
    if trajectories:
        blocks.extend(Block("chart", chart=c) for c in _trajectory_charts(ctx))
    growth_chart = _growth_chart(ctx)
    if growth_chart is not None:
        blocks.append(Block("chart", chart=growth_chart))
    blocks.append(Block("table", table=_targets_table(ctx)))
    return Section("targets", t("targets", lang), tuple(blocks))


def _outcomes_section(ctx: _Ctx) -> Section | None:
    """'What happened next': a chart per target with a trajectory and every target's verdict
    against the later record (the tracker's verdict, margin and sentence)."""
    from regiondev.report.render import ref_cell

    frame = ctx.growth().to_frame()
    if "verdict" not in frame.columns:
        return None
    lang = ctx.lang
    rows, details = [], []
    for r in frame.iter_rows(named=True):
        latest = _latest(ctx, r)
        rows.append(
            (
                Cell(region_label(r["region"], lang)),
                Cell(indicator_label(r["indicator"], lang), title=r["indicator"]),
                ref_cell(_obs_ref(ctx, r["target_id"])),
                Cell(period_label(r["target_period"], lang), sort=str(r["target_period"])),
                ref_cell(latest) if latest is not None else Cell("–"),
                Cell(period_label(r.get("latest_period"), lang) or "–"),
                Cell(_margin(r, lang) or "–"),
                Cell(verdict_label(str(r["verdict"]), lang), css=f"v-{r['verdict']}"),
            )
        )
        text = ctx.growth().row(r["target_id"]).text("verdict_text", lang)
        details.append(_detail_html(text, ", ".join(r.get("observation_ids") or [])))
    table = Table(
        t("t_outcomes", lang),
        tuple(
            t(k, lang)
            for k in (
                "col_region",
                "col_indicator",
                "col_target",
                "col_period",
                "col_latest",
                "col_latest_period",
                "col_margin",
                "col_verdict",
            )
        ),
        tuple(rows),
        details=tuple(details),
        numeric=(False, False, True, False, True, False, False, False),
        row_ids=tuple(f"outcome-{r['target_id']}" for r in frame.iter_rows(named=True)),
        extra={"details_label": t("details", lang)},
    )
    blocks: list[Block] = [_text(t("outcomes_intro", lang))]
    blocks.extend(Block("chart", chart=c) for c in _trajectory_charts(ctx))
    blocks.append(Block("table", table=table))
    return Section("outcomes", t("outcomes", lang), tuple(blocks))
