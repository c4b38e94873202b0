"""Compounding checks found on their own, for any catalog (shipped, user or outcome records).

``discover_compounding(cat)`` writes the rules a person would otherwise declare, from the
indicator metadata (a growth indicator's ``of`` names its level) and the periods alone:

* ``auto-compound-two-year-<average id>`` — a two-year average (``*_two_year_avg``) and the
  same period's growth; the earlier year's growth is looked up (growth_compounding,
  two_year_average);
* ``auto-compound-prior-<growth id>`` — a level, its growth in the same period and a stated
  level one year earlier (growth_compounding, prior_level);
* ``auto-compound-average-<growth id>`` — an average growth over a span and the levels at both
  ends on record (growth_compounding, average_vs_levels);
* ``auto-compound-base-year-<growth id>`` — growth against a named earlier period
  (``relative_to``) and every annual rate in between, or an average over the same years
  (base_year_growth);
* ``auto-compound-additions-<end id>-<start id>`` — a level, the additions (``increment``, of
  the level's indicator or of its ``<indicator>_new`` flow) that cover the months after it
  without gap or overlap, and a level at their end (level_additions).

Only actual, stated (not derived) figures of one region, subject and breakdown are joined.
A declared rule that names the same figures wins (``consistency.check`` drops the duplicate).
Grouping is by indicator and place, so discovery stays linear in the catalog's size.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from regiondev._catalog import Catalog
from regiondev.analysis.checks.base import ADDITIVE_MEASURES
from regiondev.analysis.checks.registry import Rule
from regiondev.model import Measure, Observation, Period, PeriodKind, Status

__all__ = ["PREFIX", "discover_compounding", "month_span", "signature", "stock_of"]

PREFIX = "auto-compound-"
DISCOVERED = "discovered"


def month_span(p: Period) -> tuple[int, int] | None:
    """The months a period covers, as (first, last) month numbers (year × 12 + month).

    A date counts only at a month's end (a level "as of" 30 June); other dates give None.
    """
    y = p.start_year * 12
    match p.kind:
        case PeriodKind.YEAR:
            return (y + 1, y + 12)
        case PeriodKind.MONTHS:
            return (y + p.first, y + p.last)
        case PeriodKind.QUARTERS:
            return (y + 3 * p.first - 2, y + 3 * p.last)
        case PeriodKind.SPAN:
            return (y + 1, p.end_year * 12 + 12)
        case PeriodKind.DATE:
            import calendar

            if p.day == calendar.monthrange(p.start_year, p.first)[1]:
                return (y + p.first, y + p.first)
    return None


def stock_of(code: str, indicators: Any) -> str:
    """The level an addition adds to: its own indicator, or ``X`` for an ``X_new`` flow."""
    stem = code.removesuffix("_new")
    return stem if stem != code and stem in indicators else code


def _place(o: Observation) -> tuple[Any, ...]:
    return (o.region, o.subject, o.breakdown)


def _stated(cat: Catalog) -> Iterable[Observation]:
    return (o for o in cat.observations if o.status is Status.ACTUAL and not o.is_derived)


def signature(rule: Rule) -> tuple[Any, ...] | None:
    """What a compounding rule compares, to tell a discovered rule from a declared one."""
    r = rule.roles
    if rule.kind == "growth_compounding":
        key = {
            "two_year_average": ("average",),
            "prior_level": ("level", "growth"),
            "average_vs_levels": ("growth",),
        }.get(rule.params.get("mode", ""), ())
        return (rule.kind, rule.params.get("mode"), *(r.get(k, ("",))[0] for k in key))
    if rule.kind == "base_year_growth":
        return (rule.kind, r["growth"][0])
    if rule.kind == "level_additions":
        return (rule.kind, r["start"][0], r["end"][0])
    return None


def discover_compounding(cat: Catalog) -> list[Rule]:
    """Every compounding relation the catalog's figures make checkable (see module doc)."""
    ind = cat.indicators
    growth_of: dict[tuple[Any, ...], list[Observation]] = defaultdict(list)
    levels: dict[tuple[Any, ...], list[Observation]] = defaultdict(list)
    increments: dict[tuple[Any, ...], list[Observation]] = defaultdict(list)
    for o in _stated(cat):
        i = ind[o.indicator]
        if i.measure is Measure.GROWTH_RATE and o.unit == "percent":
            growth_of[(i.of or o.indicator, *_place(o))].append(o)
        elif i.measure in ADDITIVE_MEASURES:
            code = stock_of(o.indicator, ind) if o.increment else o.indicator
            (increments if o.increment else levels)[(code, *_place(o))].append(o)
    rules: list[Rule] = []
    for key, rates in growth_of.items():
        rules += _two_year(rates, ind)
        rules += _base_year(rates, ind)
        rules += _prior(rates, levels.get(key, []), ind)
        rules += _average(rates, levels.get(key, []), ind)
    for key, lv in levels.items():
        rules += _additions(lv, increments.get(key, []))
    return rules


def _is_avg2(code: str) -> bool:
    return code.endswith("_two_year_avg")


def _plain(o: Observation) -> bool:
    """A rate over its own period against the period before (no base year, no average)."""
    return (
        o.relative_to is None and not _is_avg2(o.indicator) and o.period.kind is not PeriodKind.SPAN
    )


def _rule(rid: str, kind: str, roles: dict[str, tuple[str, ...]], **params: Any) -> Rule:
    return Rule(PREFIX + rid, kind, roles, dict(params), origin=DISCOVERED)


def _two_year(rates: list[Observation], ind: Any) -> list[Rule]:
    out = []
    plain_at: dict[Period, Observation] = {}
    for o in rates:
        if _plain(o):
            plain_at.setdefault(o.period, o)
    for avg in rates:
        if not _is_avg2(avg.indicator) or avg.relative_to is not None:
            continue
        current = plain_at.get(avg.period)
        if current is not None:
            out.append(
                _rule(
                    f"two-year-{avg.id}",
                    "growth_compounding",
                    {"average": (avg.id,), "current": (current.id,)},
                    mode="two_year_average",
                )
            )
    return out


def _base_year(rates: list[Observation], ind: Any) -> list[Rule]:
    out = []
    for g in rates:
        base = g.relative_to
        if base is None:
            continue
        years = range(base.end_year + 1, g.period.end_year + 1)
        chain: dict[int, Observation] = {}
        for o in rates:
            same_kind = (o.period.kind, o.period.first, o.period.last) == (
                g.period.kind,
                g.period.first,
                g.period.last,
            )
            if _plain(o) and same_kind and o.period.end_year in years and o.basis == g.basis:
                chain.setdefault(o.period.end_year, o)
        roles: dict[str, tuple[str, ...]] = {"growth": (g.id,)}
        if len(chain) == len(years):
            roles["rates"] = tuple(chain[y].id for y in years)
        else:
            n = len(years)
            average = next(
                (
                    o
                    for o in rates
                    if o.relative_to is None
                    and o.basis == g.basis
                    and (
                        (n == 2 and _is_avg2(o.indicator) and o.period == g.period)
                        or (
                            o.period.kind is PeriodKind.SPAN
                            and o.period.start_year == base.end_year + 1
                            and o.period.end_year == g.period.end_year
                        )
                    )
                ),
                None,
            )
            if average is None:
                continue
            roles["average"] = (average.id,)
        out.append(_rule(f"base-year-{g.id}", "base_year_growth", roles))
    return out


def _prior(rates: list[Observation], levels: list[Observation], ind: Any) -> list[Rule]:
    out = []
    first_level: dict[Period, Observation] = {}
    for o in levels:
        first_level.setdefault(o.period, o)
    for g in rates:
        lev = first_level.get(g.period)
        if not _plain(g) or lev is None:
            continue
        earlier = Period(
            g.period.kind,
            g.period.start_year - 1,
            g.period.end_year - 1,
            g.period.first,
            g.period.last,
            g.period.day,
        )
        if earlier in first_level:
            out.append(
                _rule(
                    f"prior-{g.id}",
                    "growth_compounding",
                    {"level": (lev.id,), "growth": (g.id,)},
                    mode="prior_level",
                )
            )
    return out


def _average(rates: list[Observation], levels: list[Observation], ind: Any) -> list[Rule]:
    out = []
    years = {o.period.anchor_year for o in levels if o.period.kind is PeriodKind.YEAR}
    for g in rates:
        if g.period.kind is not PeriodKind.SPAN or g.relative_to is not None:
            continue
        first, last = g.period.start_year - 1, g.period.end_year
        if {first, last} <= years:
            out.append(
                _rule(
                    f"average-{g.id}",
                    "growth_compounding",
                    {"growth": (g.id,)},
                    mode="average_vs_levels",
                )
            )
    return out


def _additions(levels: list[Observation], increments: list[Observation]) -> list[Rule]:
    """Levels joined by additions that cover the months between them without gap or overlap."""
    if not increments:
        return []
    starting: dict[int, Observation] = {}
    for o in increments:
        span = month_span(o.period)
        if span is not None:
            starting.setdefault(span[0], o)
    at: dict[int, list[Observation]] = defaultdict(list)
    for o in levels:
        span = month_span(o.period)
        if span is not None:
            at[span[1]].append(o)
    out = []
    for m0, starts in sorted(at.items()):
        chain: list[Observation] = []
        m = m0
        while (nxt := starting.get(m + 1)) is not None:
            chain.append(nxt)
            span = month_span(nxt.period)
            assert span is not None
            m = span[1]
            for end in at.get(m, []):
                for start in starts:
                    out.append(
                        _rule(
                            f"additions-{end.id}-{start.id}",
                            "level_additions",
                            {
                                "start": (start.id,),
                                "additions": tuple(c.id for c in chain),
                                "end": (end.id,),
                            },
                        )
                    )
    return out
