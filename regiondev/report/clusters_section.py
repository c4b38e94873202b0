"""Clusters: where Hunan stands among the national clusters, shares and location quotients."""

from __future__ import annotations

from typing import Any

from regiondev.formatting import (
    MEMBER_NAMES,
    Lang,
    bounded,
    dimension_label,
    number,
    percent,
    period_label,
)
from regiondev.report.blocks import (
    Block,
    Chart,
    Section,
    _Ctx,
    _detail_html,
    _generic_table,
    _range,
    _sources_text,
    _text,
)
from regiondev.report.i18n import t
from regiondev.report.provenance import Ref, Sentence
from regiondev.results import Cell, Table
from regiondev.translations import translate

# ---------------------------------------------------------------------------------------------
# Clusters

#: Chinese wording of the items of the Hunan-position table (the analysis words them in
#: English); an item not listed stays as the analysis wrote it.
_ITEMS_ZH = {
    "Hunan clusters on the national list": "湖南入选国家级集群数",
    "Hunan share of the central region's clusters": "湖南占中部集群的比重",
    "Hunan share of the national clusters": "湖南占全国集群的比重",
    "Hunan share of the four macro-regions' population": "湖南占四大区域人口的比重",
    "Hunan location quotient (clusters vs population), national": "湖南区位商（集群对人口，全国）",
    "Hunan share of the central region's population": "湖南占中部人口的比重",
    "Hunan location quotient (clusters vs population), within the central region": (
        "湖南区位商（集群对人口，中部内）"
    ),
    "Mean leading-industry output per national cluster": "每个国家级集群的平均主导产业产值",
    "Changsha engineering-machinery output vs national total leading-industry output": (
        "长沙工程机械产值占全国集群主导产业总产值"
    ),
    "Changsha engineering-machinery output vs mean output per national cluster": (
        "长沙工程机械产值与国家级集群平均产值之比"
    ),
    "Zhuzhou clusters of 1,000亿元 or more, now": "株洲千亿级集群（现有）",
    "Zhuzhou clusters of 1,000亿元 or more implied for 2025": "株洲千亿级集群（2025年目标推算）",
    "Hunan 20 chains' output target, 2025": "湖南20条产业链产值目标（2025年）",
    "Hunan 20 chains' share of provincial industrial output target, 2025": (
        "湖南20条产业链占全省工业产值比重目标（2025年）"
    ),
    "Hunan industrial output implied by the two 2025 targets": "两项2025年目标推算的湖南工业产值",
    "Hunan industrial output if the chains reach exactly 2万亿元": (
        "产业链恰好达到2万亿元时的湖南工业产值"
    ),
}


def _item(text: str, lang: Lang) -> str:
    return _ITEMS_ZH.get(text, text) if lang == "zh" else text


def _member(code: str, lang: Lang) -> str:
    """A partition member in words; ``it + high_end_equipment`` member by member."""
    if " + " in code:
        return (" + " if lang == "en" else "、").join(_member(c, lang) for c in code.split(" + "))
    names = MEMBER_NAMES.get(code) or MEMBER_NAMES.get(code.replace(" ", "_"))
    if names is None:
        return translate(code.replace("_", " "), lang)
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
        # a floor when the count is a range (at least 2 of 45), the value when it is known
        share_bound = "exact" if s["low"] == s["high"] else "at_least"
        share = bounded(
            100 * s["low"], share_bound, unit="percent", decimals=1, lang=lang, words=True
        )
        pop = percent(100 * p["value"], 1, lang=lang)
        lq_bound = "exact" if q["low"] == q["high"] else "at_least"
        lq = bounded(q["low"], lq_bound, decimals=2, lang=lang, words=True)
        date = period_label(str(c["period"]), lang)
        # the size of the national list, from the composition the shares are of
        wholes = result.composition["whole"].drop_nulls()
        total = number(wholes[0], 0) if len(wholes) else "–"
        if lang == "zh":
            out.append(
                (
                    f"湖南拥有全国{total}个国家先进制造业集群中的",
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
                    f" of China's {total} national advanced-manufacturing clusters "
                    f"(as of {date}): ",
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
    from regiondev.report.render import ref_cell

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
    source = _sources_text(ctx, src)
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
            source=_sources_text(ctx, src_all),
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
                    ref_cell(
                        ctx.prov.ref(str(r["clusters"]), list(r.get("observation_ids") or []))
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
                    note=_say(result, str(rows[0].get("caveat") or ""), lang),
                ),
            )
        )
    # Hunan's position
    hp_rows, hp_details = [], []
    for r in result.hunan_position.iter_rows(named=True):
        value = _range(
            r["value"],
            r.get("low"),
            r.get("high"),
            str(r.get("unit") or ""),
            lang,
            low_open=bool(r.get("low_open")),
            high_open=bool(r.get("high_open")),
        )
        hp_rows.append(
            (
                Cell(_item(str(r["item"]), lang)),
                ref_cell(ctx.prov.ref(value, list(r.get("observation_ids") or []))),
                Cell(
                    " / ".join(period_label(x.strip(), lang) for x in str(r["period"]).split("/"))
                ),
            )
        )
        note = ("；" if lang == "zh" else "; ").join(
            _say(result, str(r[c]), lang)
            for c in ("detail", "derivation", "comparability", "caveat")
            if r.get(c)
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
                            f"{dimension_label(str(r['partition']), lang)}"
                            f"{'：' if lang == 'zh' else ': '}{_member(str(r['member']), lang)}"
                        ),
                        Cell(number(r["count"], 0)),
                        Cell(percent(r["percent"], 1, lang=lang)),
                        Cell(_say(result, str(r.get("check") or r.get("derivation") or ""), lang)),
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
        table = _generic_table(
            frame, t(key, lang), collapsed=True, lang=lang, texts=result.texts_zh
        )
        blocks.append(Block("table", table=table))
    return Section("clusters", t("clusters", lang), tuple(blocks))


def _say(result: Any, text: str, lang: Lang) -> str:
    """A text of the cluster tables in the report's language: the Chinese the analysis wrote
    with it (``texts_zh``), else the data's translation table."""
    if lang != "zh":
        return text
    return str(result.texts_zh.get(text) or translate(text, lang))
