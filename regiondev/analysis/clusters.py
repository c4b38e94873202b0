"""Where Hunan, Changsha and Zhuzhou stand among China's advanced-manufacturing clusters.

``clusters(cat)`` builds six tables from the catalog (and ``data/plans.toml``):

- **composition**: shares of the 45 national clusters by domain and by macro-region, exact
  (``13/45``) and in percent, with the partition checked against the whole, plus the shares
  the text prints (过半, 2/3) checked against the counts;
- **concentration**: HHI (0–1), equivalent number 1/HHI and normalised HHI of each partition
  (and of each reference distribution, for contrast);
- **location_quotients**: a macro-region's share of the clusters over its share of a reference
  quantity (shipped: 2020 census population; a user catalog may add GDP or value added in the
  same format), reference shares normalised over the four macro-regions' sum;
- **chi_square**: a goodness-of-fit of the counts against each reference distribution, with
  expected counts (flagged below 5) and the caveat that the 45 are a full list, not a sample;
- **hunan_position**: Hunan's named clusters as bounded shares of the central and national
  counts, Changsha's engineering-machinery output against the national total and the mean per
  cluster, Zhuzhou's 千亿 clusters now and in 2025, the output Hunan's 2025 chain targets imply;
- **plans**: the plans as structure (see ``regiondev.analysis.plans``).

Every row carries the catalog observation ids it came from (plan rows also their plan element
ids); a comparison across periods or measures says so in ``comparability``.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any, ClassVar

import polars as pl

from regiondev._catalog import Catalog
from regiondev.analysis.concentration import (
    concentration,
    fraction_text,
    shares,
)
from regiondev.analysis.derived import Derived, describe, evaluate, load_all
from regiondev.analysis.plans import Plan, Standing, load_plans, plans_frame
from regiondev.formatting import indicator_label, member_label, period_label
from regiondev.model import Interval, Measure, Observation, Region
from regiondev.quantity import Quantity
from regiondev.results import TableResult, frame_to_html, frame_to_markdown

__all__ = [
    "CLUSTER_INDICATOR",
    "DOMAINS",
    "LONG_COLUMNS",
    "MACRO_REGIONS",
    "TABLES",
    "ClusterResult",
    "Partition",
    "chi_square",
    "clusters",
    "composition",
    "concentration_table",
    "find_partitions",
    "hunan_position",
    "location_quotients",
    "reference_partitions",
]

CLUSTER_INDICATOR = "national_clusters"
DOMAINS = ("it", "high_end_equipment", "new_materials", "biomedicine", "consumer_goods", "nev_icv")
MACRO_REGIONS = ("east", "central", "west", "northeast")
TABLES = (
    "composition",
    "concentration",
    "location_quotients",
    "chi_square",
    "hunan_position",
    "plans",
)
#: Columns of ``ClusterResult.to_frame()`` (one long frame for the CLI).
LONG_COLUMNS = (
    "table",
    "item",
    "value",
    "low",
    "high",
    "exact",
    "unit",
    "period",
    "detail",
    "derivation",
    "comparability",
    "caveat",
    "observation_ids",
    "plan_element_ids",
)
#: Measures that can serve as a reference distribution for location quotients.
_REFERENCE_MEASURES = {
    Measure.COUNT,
    Measure.GDP,
    Measure.VALUE_ADDED,
    Measure.GROSS_OUTPUT,
    Measure.PROFIT,
    Measure.INVESTMENT,
}
_FULL_LIST = (
    "the 45 are the full national list, not a sample: the statistic measures departure from "
    "proportionality, not sampling error, and its p-value is descriptive only"
)
_FULL_LIST_ZH = (
    "这45个是全国完整名单而非样本：该统计量衡量的是偏离比例的程度而非抽样误差，其p值仅作描述"
)


# --------------------------------------------------------------------------- partitions
@dataclass(frozen=True)
class Partition:
    """The parts of one indicator along one breakdown dimension, and its whole if printed."""

    indicator: str
    dim: str
    source: str
    period: str
    members: tuple[str, ...]
    parts: tuple[Observation, ...]
    whole: Observation | None
    other_wholes: tuple[Observation, ...]
    residuals: tuple[Observation, ...]

    @property
    def values(self) -> list[float]:
        return [o.value for o in self.parts]

    def counts(self) -> list[int] | None:
        """Integer counts when every part is an exact whole number."""
        if all(o.value == int(o.value) and o.low == o.high for o in self.parts):
            return [int(o.value) for o in self.parts]
        return None

    @property
    def part_ids(self) -> list[str]:
        return [o.id for o in self.parts]

    @property
    def ids(self) -> list[str]:
        return self.part_ids + ([self.whole.id] if self.whole else [])


def _member(o: Observation, dim: str) -> str | None:
    key, _, member = o.breakdown.partition("=")
    return member if key == dim else None


def find_partitions(
    cat: Catalog, indicator: str, dim: str, members: Sequence[str]
) -> list[Partition]:
    """Every (source, period) group of ``indicator`` records for China that has all ``members``.

    A member printed twice takes its first record. The whole is the record of the same
    indicator, source and period with no breakdown printed nearest before the first part (the
    total stated with the list); other such records are kept to check they agree. Records with a
    ``residual=…`` breakdown (e.g. the military in no macro-region) explain a gap.
    """
    groups: dict[tuple[str, str], list[Observation]] = {}
    for o in cat.observations:
        if o.indicator == indicator and o.region is Region.CHINA:
            groups.setdefault((o.source, str(o.period)), []).append(o)
    out = []
    for (source, period), obs in groups.items():
        found: dict[str, Observation] = {}
        for o in obs:
            m = _member(o, dim)
            if m is not None and m in members and m not in found:
                found[m] = o
        if set(found) != set(members):
            continue
        parts = tuple(found[m] for m in members)
        wholes = [o for o in obs if not o.breakdown]
        whole = _nearest_before(wholes, min(p.figure_start for p in parts))
        residuals = tuple(o for o in obs if o.breakdown.startswith("residual="))
        out.append(
            Partition(
                indicator,
                dim,
                source,
                period,
                tuple(members),
                parts,
                whole,
                tuple(w for w in wholes if w is not whole),
                residuals,
            )
        )
    return sorted(out, key=lambda p: (p.source, p.period))


def _nearest_before(candidates: Sequence[Observation], at: int) -> Observation | None:
    if not candidates:
        return None
    before = [o for o in candidates if o.figure_start <= at]
    pool = before or list(candidates)
    return max(pool, key=lambda o: o.figure_start) if before else pool[0]


def _cluster_partition(cat: Catalog, dim: str, members: Sequence[str]) -> Partition:
    found = find_partitions(cat, CLUSTER_INDICATOR, dim, members)
    if not found:
        raise KeyError(f"no complete {dim} partition of {CLUSTER_INDICATOR!r} in the catalog")
    return found[-1]


def reference_partitions(cat: Catalog) -> list[Partition]:
    """Complete macro-region partitions usable as a reference (population, GDP, value added …)."""
    out = []
    for code, ind in cat.indicators.items():
        if code == CLUSTER_INDICATOR or ind.measure not in _REFERENCE_MEASURES:
            continue
        out.extend(find_partitions(cat, code, "macro_region", MACRO_REGIONS))
    return out


# --------------------------------------------------------------------------- formatting
def _num(x: float) -> str:
    return f"{x:,.0f}" if x == int(x) else f"{x:,.6g}"


def _pct(x: float) -> str:
    return f"{100 * x:.2f}%"


def _f(x: Fraction | float) -> float:
    return float(x)


#: While ``clusters()`` runs: the Chinese of every sentence it writes in English.
_ZH: ContextVar[dict[str, str] | None] = ContextVar("_ZH", default=None)


def _both(en: str, zh: str) -> str:
    """A generated text: returned in English (the tables' language), its Chinese kept for
    the result's ``texts_zh`` (the report's Chinese)."""
    said = _ZH.get()
    if said is not None:
        said[en] = zh
    return en


def _zh_of(en: str) -> str:
    """The Chinese of a text this run already wrote (else the text as it is)."""
    said = _ZH.get()
    return said.get(en, en) if said is not None else en


def _period_zh(o: Observation) -> str:
    return period_label(str(o.period), "zh")


def _measure_zh(cat: Catalog, o: Observation) -> str:
    ind = cat.indicator(o.indicator)
    from regiondev.messages import Message

    return f"{ind.name_zh}［{Message(f'measure_{ind.measure.value}').render('zh')}］"


def _period_label(o: Observation) -> str:
    return f"{o.period} ({o.period.describe()})"


def _measure(cat: Catalog, o: Observation) -> str:
    ind = cat.indicator(o.indicator)
    return f"{ind.name_en} [{ind.measure.value}]"


def _comparability(cat: Catalog, a: Observation, b: Observation, what: str = "") -> str:
    """'same period and measure' or the mismatches, e.g. 'PERIOD MISMATCH: 2020 vs 2021'."""
    from regiondev.messages import Message

    notes, zh = [], []
    if str(a.period) != str(b.period):
        notes.append(f"PERIOD MISMATCH: {_period_label(a)} vs {_period_label(b)}")
        zh.append(f"时期不一致：{_period_zh(a)}对{_period_zh(b)}")
    ma, mb = cat.indicator(a.indicator).measure, cat.indicator(b.indicator).measure
    if ma is not mb:
        notes.append(f"MEASURE MISMATCH: {_measure(cat, a)} vs {_measure(cat, b)}")
        zh.append(f"计量方式不一致：{_measure_zh(cat, a)}对{_measure_zh(cat, b)}")
    elif a.indicator != b.indicator:
        notes.append(
            f"same measure type ({ma.value}), different quantities: {_measure(cat, a)} vs "
            f"{_measure(cat, b)}"
        )
        measure = Message(f"measure_{ma.value}").render("zh")
        zh.append(
            f"计量类型相同（{measure}），但数量不同：{_measure_zh(cat, a)}对{_measure_zh(cat, b)}"
        )
    if a.status is not b.status:
        notes.append(f"STATUS MISMATCH: {a.status.value} vs {b.status.value}")
        zh.append(f"状态不一致：{a.status.value}对{b.status.value}")
    if what:
        notes.append(what)
        zh.append(_zh_of(what))
    if not notes:
        return _both("same period and measure", "时期与计量方式相同")
    return _both("; ".join(notes), "；".join(zh))


def _row(table: str, item: str, **kw: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "table": table,
        "item": item,
        "value": None,
        "low": None,
        "high": None,
        "low_open": False,
        "high_open": False,
        "exact": "",
        "unit": "",
        "period": "",
        "detail": "",
        "derivation": "",
        "comparability": "",
        "caveat": "",
        "observation_ids": [],
        "plan_element_ids": [],
    }
    unknown = set(kw) - set(row)
    if unknown:
        raise KeyError(f"unknown long-frame columns {sorted(unknown)}")
    row.update(kw)
    return row


# --------------------------------------------------------------------------- composition
def _composition_rows(p: Partition) -> list[dict[str, Any]]:
    counts = p.counts()
    whole_value = p.whole.value if p.whole else sum(p.values)
    whole: int | float = int(whole_value) if whole_value == int(whole_value) else whole_value
    parts: list[int] | list[float] = counts if counts is not None else p.values
    share_list = shares(parts, whole)
    whole_ids = [p.whole.id] if p.whole else []
    rows = []
    for o, c, s in zip(p.parts, parts, share_list, strict=True):
        rows.append(
            {
                "partition": p.dim,
                "member": _member(o, p.dim) or "",
                "count": float(c),
                "whole": float(whole),
                "share_exact": fraction_text(s),
                "share": _f(s),
                "percent": 100 * _f(s),
                "period": p.period,
                "check": "",
                "derivation": f"{_num(float(c))} / {_num(float(whole))}",
                "observation_ids": [o.id, *whole_ids],
            }
        )
    total = sum(parts)
    gap = float(whole) - float(total)
    disagree = [w.id for w in p.other_wholes if w.value != whole_value]
    if p.whole is None:
        check = "no whole printed; shares are of the sum of the parts"
        check_zh = "原文无整体；比重以各部分之和为分母"
    elif gap == 0:
        check = f"parts sum to the whole ({_num(float(total))} = {_num(float(whole))})"
        check_zh = f"各部分合计等于整体（{_num(float(total))} = {_num(float(whole))}）"
    else:
        check = (
            f"GAP: parts sum to {_num(float(total))}, whole is {_num(float(whole))} "
            f"(gap {_num(gap)})"
        )
        check_zh = (
            f"缺口：各部分合计{_num(float(total))}，整体为{_num(float(whole))}（相差{_num(gap)}）"
        )
        if p.residuals:
            check += "; explained by " + ", ".join(
                f"{r.breakdown} {_num(r.value)} ({r.id})" for r in p.residuals
            )
            check_zh += (
                "；由"
                + "、".join(f"{r.breakdown} {_num(r.value)}（{r.id}）" for r in p.residuals)
                + "解释"
            )
    agree = f"; all {len(p.other_wholes) + 1} printed totals agree" if p.other_wholes else ""
    agree_zh = f"；原文{len(p.other_wholes) + 1}处总数一致" if p.other_wholes else ""
    if disagree:
        agree = f"; TOTALS DISAGREE: {', '.join(disagree)}"
        agree_zh = f"；总数不一致：{'、'.join(disagree)}"
    total_share = Fraction(int(total), int(whole)) if counts is not None else total / whole
    rows.append(
        {
            "partition": p.dim,
            "member": "(sum of parts)",
            "count": float(total),
            "whole": float(whole),
            "share_exact": fraction_text(total_share),
            "share": _f(total_share),
            "percent": 100 * _f(total_share),
            "period": p.period,
            "check": _both(check + agree, check_zh + agree_zh),
            "derivation": " + ".join(_num(float(c)) for c in parts),
            "observation_ids": p.ids + [r.id for r in p.residuals],
        }
    )
    return rows


def _printed_holds(printed: Observation, percent: float) -> bool:
    """The printed share's interval (qualifier and printed digits) holds ``percent`` (to 1e-9)."""
    return printed.rounding_interval().widen(1e-9 * max(1.0, abs(percent))).contains(percent)


def _printed_share_rows(cat: Catalog, domain: Partition) -> list[dict[str, Any]]:
    """Shares the text prints (两类…占比过半; 重点区域…占2/3) checked against the counts."""
    rows = []
    by_member = {_member(o, "domain"): o for o in domain.parts}
    whole = domain.whole.value if domain.whole else sum(domain.values)
    ids = {o.id for o in cat.observations}
    if "cn22-two-domains-share-over-half" in ids:
        printed = cat.get("cn22-two-domains-share-over-half")
        it, hee = by_member["it"], by_member["high_end_equipment"]
        share = Fraction(int(it.value + hee.value), int(whole))
        ok = _printed_holds(printed, 100 * float(share))
        rows.append(
            {
                "partition": "domain",
                "member": "it + high_end_equipment",
                "count": it.value + hee.value,
                "whole": whole,
                "share_exact": fraction_text(share),
                "share": float(share),
                "percent": 100 * float(share),
                "period": domain.period,
                "check": _both(
                    f"printed '{printed.figure}' ({printed.interval}%): "
                    + ("consistent" if ok else "INCONSISTENT"),
                    f"原文“{printed.figure}”（{printed.interval}%）："
                    + ("一致" if ok else "不一致"),
                ),
                "derivation": f"({_num(it.value)} + {_num(hee.value)}) / {_num(whole)}",
                "observation_ids": [
                    it.id,
                    hee.id,
                    *([domain.whole.id] if domain.whole else []),
                    printed.id,
                ],
            }
        )
    if {"cn22-clusters-key-areas", "cn22-clusters-key-areas-share"} <= ids:
        part, printed = cat.get("cn22-clusters-key-areas"), cat.get("cn22-clusters-key-areas-share")
        key_whole = _nearest_whole(cat, part, CLUSTER_INDICATOR)
        share = Fraction(int(part.value), int(key_whole.value))
        ok = _printed_holds(printed, 100 * float(share))
        rows.append(
            {
                "partition": "key_areas",
                "member": part.breakdown.partition("=")[2],
                "count": part.value,
                "whole": key_whole.value,
                "share_exact": fraction_text(share),
                "share": float(share),
                "percent": 100 * float(share),
                "period": str(part.period),
                "check": _both(
                    f"printed '{printed.figure}': "
                    + ("consistent" if ok else "INCONSISTENT")
                    + "; a subset across macro-regions, not a part of a partition",
                    f"原文“{printed.figure}”："
                    + ("一致" if ok else "不一致")
                    + "；这是跨区域的子集，不是某一划分的组成部分",
                ),
                "derivation": f"{_num(part.value)} / {_num(key_whole.value)}",
                "observation_ids": [part.id, key_whole.id, printed.id],
            }
        )
    return rows


def composition(cat: Catalog) -> pl.DataFrame:
    """Shares of the national clusters by domain and by macro-region, with partition checks."""
    domain = _cluster_partition(cat, "domain", DOMAINS)
    region = _cluster_partition(cat, "macro_region", MACRO_REGIONS)
    rows = _composition_rows(domain) + _composition_rows(region)
    rows += _printed_share_rows(cat, domain)
    return pl.DataFrame(rows)


# --------------------------------------------------------------------------- concentration
def _concentration_row(p: Partition, basis: str) -> dict[str, Any]:
    counts = p.counts() if p.indicator == CLUSTER_INDICATOR else None
    parts: list[int] | list[float] = counts if counts is not None else p.values
    c = concentration(parts)
    total = sum(parts)
    if counts is not None:
        squares = " + ".join(str(k * k) for k in counts)
        derivation = f"Σ(count/{total})² = ({squares}) / {total * total}"
    else:
        derivation = f"Σ(part/{_num(float(total))})² over {len(parts)} parts"
    return {
        "partition": p.dim,
        "quantity": p.indicator,
        "basis": basis,
        "period": p.period,
        "n": c.n,
        "hhi_exact": fraction_text(c.hhi),
        "hhi": _f(c.hhi),
        "equivalent_number_exact": fraction_text(c.equivalent_number),
        "equivalent_number": _f(c.equivalent_number),
        "normalised_hhi_exact": fraction_text(c.normalised_hhi),
        "normalised_hhi": _f(c.normalised_hhi),
        "derivation": derivation,
        "observation_ids": p.part_ids,
    }


def concentration_table(cat: Catalog) -> pl.DataFrame:
    """HHI, 1/HHI and normalised HHI of the cluster partitions and of each reference."""
    rows = [
        _concentration_row(_cluster_partition(cat, "domain", DOMAINS), "national clusters"),
        _concentration_row(
            _cluster_partition(cat, "macro_region", MACRO_REGIONS), "national clusters"
        ),
    ]
    for ref in reference_partitions(cat):
        basis = _both(f"reference ({ref.source}), for contrast", f"参照（{ref.source}），用于对比")
        rows.append(_concentration_row(ref, basis))
    return pl.DataFrame(rows)


# --------------------------------------------------------------------------- location quotients
def _reference_caveat(ref: Partition) -> str:
    total = sum(ref.values)
    text = f"reference shares normalised over the four macro-regions' sum ({_num(total)})"
    zh = f"参照比重按四大区域合计（{_num(total)}）标准化"
    if ref.whole is not None and ref.whole.value != total:
        text += (
            f"; the printed national total {_num(ref.whole.value)} ({ref.whole.id}) differs "
            f"by {_num(ref.whole.value - total)}"
        )
        zh += (
            f"；原文全国总数{_num(ref.whole.value)}（{ref.whole.id}）与之相差"
            f"{_num(ref.whole.value - total)}"
        )
        if ref.residuals:
            text += " = " + ", ".join(
                f"{r.subject or r.breakdown} {_num(r.value)} in no region ({r.id})"
                for r in ref.residuals
            )
            zh += " = " + "、".join(
                f"{member_label(r.breakdown.partition('=')[2] or r.subject, 'zh')}"
                f"{_num(r.value)}，不属于任何区域（{r.id}）"
                for r in ref.residuals
            )
    return _both(text, zh)


def location_quotients(cat: Catalog, reference: str | None = None) -> pl.DataFrame:
    """LQ = (region's share of clusters) / (region's share of the reference quantity)."""
    clusters_p = _cluster_partition(cat, "macro_region", MACRO_REGIONS)
    counts = clusters_p.counts() or []
    n = sum(counts)
    rows = []
    for ref in reference_partitions(cat):
        if reference is not None and ref.indicator != reference:
            continue
        total = sum(ref.values)
        caveat = _reference_caveat(ref)
        for c_obs, count, r_obs in zip(clusters_p.parts, counts, ref.parts, strict=True):
            cluster_share = Fraction(count, n)
            ref_share = r_obs.value / total
            lq = float(cluster_share) / ref_share
            rows.append(
                {
                    "reference": ref.indicator,
                    "reference_source": ref.source,
                    "reference_period": ref.period,
                    "macro_region": _member(c_obs, "macro_region"),
                    "clusters": count,
                    "cluster_share_exact": fraction_text(cluster_share),
                    "cluster_share": float(cluster_share),
                    "reference_value": r_obs.value,
                    "reference_total": total,
                    "reference_share": ref_share,
                    "location_quotient": lq,
                    "derivation": f"({count}/{n}) / ({_num(r_obs.value)} / {_num(total)})",
                    "comparability": _comparability(
                        cat,
                        c_obs,
                        r_obs,
                        _both(
                            "a ratio of two shares (clusters vs "
                            f"{cat.indicator(ref.indicator).name_en.lower()}), dimensionless",
                            f"两个比重之比（集群对{cat.indicator(ref.indicator).name_zh}），无量纲",
                        ),
                    ),
                    "caveat": caveat,
                    "observation_ids": [
                        c_obs.id,
                        *([clusters_p.whole.id] if clusters_p.whole else []),
                        *ref.part_ids,
                    ],
                }
            )
    return pl.DataFrame(rows)


# --------------------------------------------------------------------------- chi-square
def chi_square(cat: Catalog, reference: str | None = None) -> pl.DataFrame:
    """Goodness-of-fit of the macro-region counts against each reference distribution."""
    from scipy import stats

    clusters_p = _cluster_partition(cat, "macro_region", MACRO_REGIONS)
    counts = clusters_p.counts() or []
    n = sum(counts)
    rows = []
    for ref in reference_partitions(cat):
        if reference is not None and ref.indicator != reference:
            continue
        total = sum(ref.values)
        expected = [n * v / total for v in ref.values]
        result = stats.chisquare(counts, f_exp=expected)
        small = [m for m, e in zip(MACRO_REGIONS, expected, strict=True) if e < 5]
        ids = clusters_p.part_ids + ref.part_ids
        caveat, caveat_zh = _FULL_LIST, _FULL_LIST_ZH
        if small:
            caveat += (
                f"; expected count below 5 in {', '.join(small)}: the chi-square "
                "approximation is poor there"
            )
            caveat_zh += (
                f"；{'、'.join(member_label(m, 'zh') for m in small)}的期望数低于5，"
                "卡方近似在那里并不可靠"
            )
        caveat = _both(caveat, caveat_zh)
        comparability = _comparability(cat, clusters_p.parts[0], ref.parts[0])
        for m, o, e, c_obs, r_obs in zip(
            MACRO_REGIONS, counts, expected, clusters_p.parts, ref.parts, strict=True
        ):
            rows.append(
                {
                    "reference": ref.indicator,
                    "reference_period": ref.period,
                    "macro_region": m,
                    "observed": float(o),
                    "expected": e,
                    "expected_below_5": e < 5,
                    "contribution": (o - e) ** 2 / e,
                    "statistic": None,
                    "dof": None,
                    "p_value": None,
                    "derivation": f"E = {n} × {_num(r_obs.value)} / {_num(total)}",
                    "comparability": comparability,
                    "caveat": caveat,
                    "observation_ids": [c_obs.id, *ref.part_ids],
                }
            )
        rows.append(
            {
                "reference": ref.indicator,
                "reference_period": ref.period,
                "macro_region": "(all)",
                "observed": float(n),
                "expected": float(sum(expected)),
                "expected_below_5": bool(small),
                "contribution": None,
                "statistic": float(result.statistic),
                "dof": len(counts) - 1,
                "p_value": float(result.pvalue),
                "derivation": "scipy.stats.chisquare(observed, f_exp=expected); Σ (O − E)² / E",
                "comparability": comparability,
                "caveat": caveat,
                "observation_ids": ids,
            }
        )
    return pl.DataFrame(rows)


# --------------------------------------------------------------------------- Hunan's position
def _nearest_whole(cat: Catalog, o: Observation, indicator: str) -> Observation:
    pool = [
        w
        for w in cat.observations
        if w.indicator == indicator
        and w.source == o.source
        and not w.breakdown
        and w.region is Region.CHINA
        and str(w.period) == str(o.period)
    ] or [
        w
        for w in cat.observations
        if w.indicator == indicator
        and w.source == o.source
        and not w.breakdown
        and w.region is Region.CHINA
    ]
    if not pool:
        raise KeyError(f"no whole {indicator!r} in source {o.source!r}")
    return min(pool, key=lambda w: abs(w.figure_start - o.figure_start))


def _hunan_members(plans: Sequence[Plan]) -> list[str]:
    out = []
    for p in plans:
        if p.id != "national-45":
            continue
        for m in p.members:
            if m.region in (Region.HUNAN, Region.CHANGSHA, Region.ZHUZHOU) and (
                m.standing is Standing.DESIGNATED
            ):
                out.append(m.id)
    return out


#: Reference names ``clusters(reference=…)`` takes, and the indicator each stands for.
REFERENCES = {"population": "resident_population", "gdp": "gdp"}


def reference_code(reference: str) -> str:
    """The indicator code of a reference: ``population`` → resident_population, ``gdp`` → gdp,
    or any indicator code."""
    return REFERENCES.get(reference, reference)


def _stated_hunan_count(cat: Catalog) -> Observation | None:
    """The latest stated count of Hunan's national clusters (e.g. the outcomes layer's 4)."""
    found = [
        o
        for o in cat.observations
        if o.indicator == CLUSTER_INDICATOR
        and o.region is Region.HUNAN
        and o.status.value == "actual"
        and not o.is_derived
        and not o.breakdown
        and not o.subject
    ]
    return max(found, key=lambda o: o.period.end_key) if found else None


def hunan_position(
    cat: Catalog,
    plans: Sequence[Plan] | None = None,
    *,
    reference: str = "population",
    derived: Sequence[str | Path] = (),
) -> pl.DataFrame:
    """Hunan's clusters and targets against the national list (long format, bounded values).

    The count of Hunan's national clusters is the stated one when a record gives it (the
    outcomes layer's 4 of 45), else what the texts name: at least 2 (never shown as the
    value). The derived figures are declared in ``data/derived.toml`` (and ``derived`` files)
    and evaluated with the Quantity algebra.
    """
    plans = tuple(plans) if plans is not None else load_plans(cat)
    t = "hunan_position"
    rows: list[dict[str, Any]] = []
    named = _hunan_members(plans)
    k = len(named)
    central = cat.get("cn22-clusters-region-central")
    region_p = _cluster_partition(cat, "macro_region", MACRO_REGIONS)
    national = region_p.whole or _nearest_whole(cat, central, CLUSTER_INDICATOR)
    c8, n45 = int(central.value), int(national.value)
    stated = _stated_hunan_count(cat)
    if stated is not None:
        count = Quantity.of(stated).with_ids(central.id, national.id)
        caveat = _both(
            f"stated: {stated.figure} ({stated.id}, {stated.period.describe()}); named in the "
            f"texts: at least {k}. A count after the list of 2022-11-30 may include later "
            "designations",
            f"原文：{stated.figure}（{stated.id}，{_period_zh(stated)}）；文本中点名的至少{k}个。"
            "2022-11-30名单之后的计数可能包含后来认定的集群",
        )
        detail = _both(
            f"stated {stated.figure}; named in the texts: at least {k}",
            f"原文{stated.figure}；文本中点名的至少{k}个",
        )
        when = _both(
            f"PERIOD MISMATCH: a count stated {stated.period.describe()} vs the list of "
            f"{national.period}",
            f"时期不一致：{_period_zh(stated)}的计数对{period_label(str(national.period), 'zh')}"
            "的名单",
        )
        derivation = _both(f"as stated in {stated.id}", f"据{stated.id}原文")
    else:
        count = Quantity.interval(Interval(float(k), float(c8)), ids=(central.id, national.id))
        caveat = _both(
            f"LOWER BOUND: the texts name {k} Hunan clusters on the national list (Changsha "
            "engineering machinery, cs21; Zhuzhou rail-transit equipment, zz21) and cn22 names "
            f"none; Hunan is a central province, so at most the central region's {c8}. Reads "
            "the first-batch (2021) designations as members of the 2022 list of 45; later "
            "official figures (load_catalog(outcomes=True)) state the count",
            f"下限：文本点名了湖南入选国家名单的{k}个集群（长沙工程机械，cs21；株洲轨道交通装备，"
            f"zz21），cn22未点名；湖南属中部省份，因此至多为中部的{c8}个。把首批（2021年）认定"
            "视为2022年45个名单的成员；后续官方数据（load_catalog(outcomes=True)）给出了数量",
        )
        detail = _both(
            f"named in the texts: at least {k}; at most the central region's {c8}",
            f"文本中点名的至少{k}个；至多为中部的{c8}个",
        )
        derivation = _both(
            f"{k} named in the texts; ≤ central's {c8}", f"文本点名{k}个；≤ 中部的{c8}个"
        )
        when = _both(
            "designations in 2021 (first batch) vs the list of 2022-11-30",
            "2021年认定（首批）对2022-11-30名单",
        )
    rows.append(
        _row(
            t,
            "Hunan clusters on the national list",
            value=count.value,
            low=count.low,
            high=count.high,
            unit="items",
            period=str(stated.period if stated else national.period),
            detail=detail,
            derivation=derivation,
            comparability=when,
            caveat=caveat,
            observation_ids=list(count.ids),
            plan_element_ids=named,
        )
    )
    for label, whole, obs in (
        ("central region's", c8, central),
        ("national", n45, national),
    ):
        share = count / Quantity.of(obs)
        if stated is None:
            lo, hi = Fraction(k, whole), Fraction(min(c8, whole), whole)
            exact = f"≥ {fraction_text(lo)}"
            text = f"≥ {k}/{whole} = {_pct(float(lo))}, ≤ {fraction_text(hi)}"
            how = f"[{k}/{whole}, {min(c8, whole)}/{whole}]"
        else:
            exact = fraction_text(Fraction(int(stated.value), whole))
            text = f"{int(stated.value)}/{whole} = {_pct(int(stated.value) / whole)}"
            how = f"{int(stated.value)}/{whole}"
        rows.append(
            _row(
                t,
                f"Hunan share of the {label} clusters",
                value=share.value,
                low=share.low,
                high=min(share.high, 1.0),
                exact=exact,
                unit="fraction",
                period=str(national.period),
                detail=text,
                derivation=how,
                comparability=when,
                caveat=caveat,
                observation_ids=list(share.with_ids(central.id).ids),
                plan_element_ids=named,
            )
        )
    rows += _hunan_reference_rows(
        cat, count, c8, n45, central, national, named, caveat, reference_code(reference)
    )
    rows += [_derived_row(cat, d) for d in load_all(derived) if d.table == t]
    return pl.DataFrame(rows)


def _hunan_reference_rows(
    cat: Catalog,
    count: Quantity,
    c8: int,
    n45: int,
    central: Observation,
    national: Observation,
    named: list[str],
    bound_caveat: str,
    code: str,
) -> list[dict[str, Any]]:
    """Hunan's share of the reference quantity and its location quotients (intervals)."""
    t = "hunan_position"
    own = sorted(
        (
            o
            for o in cat.observations
            if o.indicator == code
            and o.region is Region.HUNAN
            and not o.subject
            and not o.breakdown
            and o.status.value == "actual"
        ),
        key=lambda o: o.period.end_key,
    )
    refs = [r for r in reference_partitions(cat) if r.indicator == code]
    if not own or not refs:
        return []
    ref = refs[-1]
    # Hunan's own figure of the reference's period if on record, else the latest
    hunan = next((o for o in own if str(o.period) == ref.period), own[-1])
    four = sum(ref.values)
    central_ref = next(o for o in ref.parts if _member(o, "macro_region") == "central")
    rows = []
    word = "population" if code == "resident_population" else code
    word_zh = "人口" if code == "resident_population" else indicator_label(code, "zh")
    for label, denom, denom_ids in (
        ("four macro-regions'", four, ref.part_ids),
        ("central region's", central_ref.value, [central_ref.id]),
    ):
        ref_share = Quantity.of(hunan, f"{_num(hunan.value)}") / Quantity.point(denom, _num(denom))
        ref_share = ref_share.with_ids(*denom_ids)
        rows.append(
            _row(
                t,
                f"Hunan share of the {label} {word}",
                value=ref_share.value,
                low=ref_share.core.low,
                high=ref_share.core.high,
                unit="fraction",
                period=str(hunan.period),
                detail=_pct(hunan.value / denom),
                derivation=f"{_num(hunan.value)} / {_num(denom)}",
                comparability="same reference record set"
                if str(hunan.period) == ref.period
                else _both(
                    f"PERIOD MISMATCH: Hunan {hunan.period} vs the regions {ref.period}",
                    f"时期不一致：湖南{hunan.period}对各区域{ref.period}",
                ),
                caveat="reference record, not a claim of the news texts",
                observation_ids=[hunan.id, *denom_ids],
            )
        )
        clusters_whole = n45 if label.startswith("four") else c8
        cluster_share = count / float(clusters_whole)
        share_point = Quantity.point(hunan.value / denom, _pct(hunan.value / denom))
        lq = (cluster_share / share_point).with_ids(hunan.id, *denom_ids)
        if label.startswith("four"):
            lq = lq.with_ids(national.id)
        lo, hi = (
            lq.core.low,
            min(lq.core.high, min(c8, clusters_whole) / clusters_whole / share_point.low),
        )
        rows.append(
            _row(
                t,
                f"Hunan location quotient (clusters vs {word}), "
                + ("national" if label.startswith("four") else "within the central region"),
                value=lq.value,
                low=lo,
                high=hi,
                unit="ratio",
                period=f"{national.period} / {hunan.period}",
                detail=_both(
                    (
                        f"{lq.value:.4g}"
                        if lq.value is not None
                        else f"≥ {lo:.4g} (bounded by the cluster count), ≤ {hi:.4g}"
                    )
                    + f"; reference: {word} ({hunan.id})",
                    (
                        f"{lq.value:.4g}"
                        if lq.value is not None
                        else f"≥ {lo:.4g}（受集群数限制），≤ {hi:.4g}"
                    )
                    + f"；参照：{word_zh}（{hunan.id}）",
                ),
                derivation=_both(
                    f"(count / {clusters_whole}) / ({_num(hunan.value)} / {_num(denom)})"
                    f" with count {count.low:g}"
                    + ("" if count.value is not None else f"–{count.high:g}"),
                    f"(集群数 / {clusters_whole}) / ({_num(hunan.value)} / {_num(denom)})，"
                    f"集群数取{count.low:g}"
                    + ("" if count.value is not None else f"–{count.high:g}"),
                ),
                comparability=_comparability(
                    cat,
                    central,
                    hunan,
                    _both(
                        f"a ratio of two shares (clusters vs {word})",
                        f"两个比重之比（集群对{word_zh}）",
                    ),
                ),
                caveat=_both(
                    f"the reference is {word} ({code}); " + bound_caveat,
                    f"参照为{word_zh}（{code}）；" + _zh_of(bound_caveat),
                ),
                observation_ids=list(dict.fromkeys([central.id, *lq.ids])),
                plan_element_ids=named,
            )
        )
    return rows


def _derived_row(cat: Catalog, d: Derived) -> dict[str, Any]:
    """One declared derived figure as a long-frame row (interval, ids, derivation)."""
    q = evaluate(d, cat)
    obs = [cat.get(i) for i in d.inputs.values()]
    q = q.with_ids(*(o.id for o in obs))
    iv = q.rounded if d.interval == "rounded" else q.core
    from regiondev.translations import translate

    comparability = d.comparability
    if d.compare:
        a, b = (cat.get(d.inputs[r]) for r in d.compare)
        # the declared words (data) in Chinese from the translation table
        what = _both(d.comparability, translate(d.comparability, "zh")) if d.comparability else ""
        comparability = _comparability(cat, a, b, what)
    detail = d.detail or _both(describe(q, d.unit), describe(q, d.unit, lang="zh"))
    return _row(
        d.table,
        d.item,
        value=q.value,
        low=iv.low,
        high=iv.high,
        low_open=iv.low_open,
        high_open=iv.high_open,
        unit=d.unit,
        period=" / ".join(dict.fromkeys(str(o.period) for o in obs)),
        detail=detail,
        derivation=f"{q.derivation} ({d.id}, {Path(d.origin).name})",
        comparability=comparability,
        caveat=d.caveat,
        observation_ids=list(q.ids),
    )


# --------------------------------------------------------------------------- result
def _long_rows(name: str, frame: pl.DataFrame) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for r in frame.iter_rows(named=True):
        match name:
            case "composition":
                rows.append(
                    _row(
                        name,
                        f"{r['partition']}={r['member']}",
                        value=r["share"],
                        low=r["share"],
                        high=r["share"],
                        exact=r["share_exact"],
                        unit="fraction",
                        period=r["period"],
                        detail=f"{r['count']:g} of {r['whole']:g} = {r['percent']:.2f}%"
                        + (f"; {r['check']}" if r["check"] else ""),
                        derivation=r["derivation"],
                        comparability="same list (one source, one date)",
                        observation_ids=r["observation_ids"],
                    )
                )
            case "concentration":
                for q, label in (
                    ("hhi", "HHI"),
                    ("equivalent_number", "equivalent number 1/HHI"),
                    ("normalised_hhi", "normalised HHI"),
                ):
                    rows.append(
                        _row(
                            name,
                            f"{label}: {r['quantity']} by {r['partition']}",
                            value=r[q],
                            low=r[q],
                            high=r[q],
                            exact=r[f"{q}_exact"],
                            unit="index" if q != "equivalent_number" else "parts",
                            period=r["period"],
                            detail=f"N = {r['n']}; {r['basis']}",
                            derivation=r["derivation"],
                            comparability="one partition at one date",
                            observation_ids=r["observation_ids"],
                        )
                    )
            case "location_quotients":
                rows.append(
                    _row(
                        name,
                        f"macro_region={r['macro_region']} vs {r['reference']}",
                        value=r["location_quotient"],
                        low=r["location_quotient"],
                        high=r["location_quotient"],
                        unit="ratio",
                        period=f"2022-11-30 / {r['reference_period']}",
                        detail=(
                            f"cluster share {r['cluster_share_exact']} = "
                            f"{_pct(r['cluster_share'])}; reference share "
                            f"{_pct(r['reference_share'])}"
                        ),
                        derivation=r["derivation"],
                        comparability=r["comparability"],
                        caveat=r["caveat"],
                        observation_ids=r["observation_ids"],
                    )
                )
            case "chi_square":
                if r["statistic"] is None:
                    rows.append(
                        _row(
                            name,
                            f"expected count macro_region={r['macro_region']} ({r['reference']})",
                            value=r["expected"],
                            low=r["expected"],
                            high=r["expected"],
                            unit="items",
                            period=r["reference_period"],
                            detail=f"observed {r['observed']:g}; (O − E)²/E = "
                            f"{r['contribution']:.4g}"
                            + ("; EXPECTED < 5" if r["expected_below_5"] else ""),
                            derivation=r["derivation"],
                            comparability=r["comparability"],
                            caveat=r["caveat"],
                            observation_ids=r["observation_ids"],
                        )
                    )
                else:
                    for q in ("statistic", "p_value"):
                        rows.append(
                            _row(
                                name,
                                f"chi-square {q.replace('_', '-')} ({r['reference']})",
                                value=r[q],
                                low=r[q],
                                high=r[q],
                                unit="index" if q == "statistic" else "probability",
                                period=r["reference_period"],
                                detail=f"dof {r['dof']}",
                                derivation=r["derivation"],
                                comparability=r["comparability"],
                                caveat=r["caveat"],
                                observation_ids=r["observation_ids"],
                            )
                        )
            case "hunan_position":
                rows.append(dict(r))
            case "plans":
                who = r["member"] or "(no member named)"
                level = r["level"] + ("" if r["level_stated"] else " (read, not stated)")
                rows.append(
                    _row(
                        name,
                        f"{r['plan']} tier {r['tier']} ({r['tier_label']}): {who}",
                        unit="",
                        period="",
                        detail=f"level {level}; {r['standing'] or 'no member named'}; "
                        f"source {r['source']}: {r['quote']}",
                        comparability="structure, no figure",
                        caveat=r["note"],
                        observation_ids=r["observation_ids"],
                        plan_element_ids=r["plan_element_ids"],
                    )
                )
    return rows


_DISPLAY: dict[str, tuple[str, ...]] = {
    "composition": ("partition", "member", "count", "whole", "share_exact", "percent", "check"),
    "concentration": (
        "quantity",
        "partition",
        "n",
        "hhi_exact",
        "hhi",
        "equivalent_number",
        "normalised_hhi",
    ),
    "location_quotients": (
        "reference",
        "macro_region",
        "clusters",
        "cluster_share_exact",
        "reference_share",
        "location_quotient",
        "comparability",
    ),
    "chi_square": (
        "reference",
        "macro_region",
        "observed",
        "expected",
        "expected_below_5",
        "statistic",
        "p_value",
    ),
    "hunan_position": ("item", "value", "low", "high", "detail", "comparability"),
    "plans": ("plan", "tier_label", "member", "level", "level_stated", "standing"),
}


@dataclass(frozen=True, eq=False, repr=False)
class ClusterResult(TableResult):
    """The six cluster tables; ``to_frame()`` is one long frame, ``table(name)`` one table."""

    composition: pl.DataFrame
    concentration: pl.DataFrame
    location_quotients: pl.DataFrame
    chi_square: pl.DataFrame
    hunan_position: pl.DataFrame
    plans: pl.DataFrame
    #: the Chinese of every text the tables hold in English (the report's zh; not a table)
    texts_zh: dict[str, str] = field(default_factory=dict)
    view: ClassVar[str] = "clusters"
    title: str = "Advanced-manufacturing clusters: shares, concentration and Hunan's position"

    def table(self, name: str) -> pl.DataFrame:
        if name not in TABLES:
            raise KeyError(f"no table {name!r}; tables: {', '.join(TABLES)}")
        frame: pl.DataFrame = getattr(self, name)
        return frame

    def tables(self) -> dict[str, pl.DataFrame]:
        return {name: self.table(name) for name in TABLES}

    def summary_line(self) -> str:
        """How many rows each of the six tables holds."""
        return "tables: " + ", ".join(f"{name} {self.table(name).height}" for name in TABLES)

    def to_frame(self) -> pl.DataFrame:
        rows = [row for name in TABLES for row in _long_rows(name, self.table(name))]
        schema: dict[str, Any] = {c: pl.String for c in LONG_COLUMNS}
        schema.update({c: pl.Float64 for c in ("value", "low", "high")})
        schema.update({c: pl.List(pl.String) for c in ("observation_ids", "plan_element_ids")})
        return pl.DataFrame(rows, schema=schema, orient="row")

    def to_markdown(self) -> str:
        parts = [f"# {self.title}"]
        for name in TABLES:
            cols = [*_DISPLAY[name], "observation_ids"]
            parts.append(f"## {name}\n\n" + frame_to_markdown(self.table(name), cols))
        return "\n\n".join(parts) + "\n"

    def _repr_html_(self) -> str:
        out = [f"<h3>{self.title}</h3>"]
        for name in TABLES:
            cols = [*_DISPLAY[name], "observation_ids"]
            out.append(frame_to_html(self.table(name), cols, caption=name))
        return "".join(out)


def clusters(
    cat: Catalog | None = None,
    *,
    reference: str | None = None,
    derived: Sequence[str | Path] = (),
) -> ClusterResult:
    """All cluster comparisons from the catalog (default: the shipped one).

    ``reference`` is what the location quotients and the chi-square compare the clusters
    with: ``population`` (the 2020 census, shipped), ``gdp`` or any indicator code of which a
    catalog holds a macro-region partition (``breakdown = "macro_region=east"`` …, region
    china) and, for Hunan's own quotient, a Hunan record. None (the default): every reference
    the catalog holds in the tables, population for Hunan's own quotient. ``derived`` adds declared
    derived-figure files (format of ``data/derived.toml``). Raises ParameterError for a
    reference the catalog has no partition of.
    """
    from regiondev._catalog import load_catalog
    from regiondev.errors import ParameterError

    cat = cat if cat is not None else load_catalog()
    code = reference_code(reference) if reference is not None else None
    if code is not None and not any(r.indicator == code for r in reference_partitions(cat)):
        raise ParameterError(
            f"reference {reference!r}: no macro-region partition of {code!r} in the catalog "
            "(add records of that indicator for china with breakdown "
            '"macro_region=east|central|west|northeast", e.g. with --catalog)'
        )
    plans = load_plans(cat)
    said: dict[str, str] = {}
    token = _ZH.set(said)
    try:
        return ClusterResult(
            composition=composition(cat),
            concentration=concentration_table(cat),
            location_quotients=location_quotients(cat, code),
            chi_square=chi_square(cat, code),
            hunan_position=hunan_position(
                cat, plans, reference=reference or "population", derived=derived
            ),
            plans=plans_frame(plans),
            texts_zh=said,
        )
    finally:
        _ZH.reset(token)
