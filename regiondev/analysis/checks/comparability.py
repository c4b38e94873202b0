"""Comparability: two figures that look comparable but are not.

Gross output vs value added, different scopes of one count, nominal vs real, different
periods, an actual vs a target: the verdict is ``not_comparable`` with the reason, never a
false ``fail``. When nothing separates the two figures the verdict is ``pass``.
"""

from __future__ import annotations

from regiondev.analysis.checks.base import (
    CheckStatus,
    Indicators,
    Verdict,
    comparability_reasons_said,
    fmt_calc,
    fmt_number,
    ids,
    label,
)
from regiondev.analysis.checks.registry import (
    CheckKind,
    Context,
    Param,
    Role,
    Rule,
    one_of,
    register,
)
from regiondev.formatting import period_label
from regiondev.messages import Join, Message, Text, msg
from regiondev.model import Observation, PeriodKind

__all__ = ["NAIVE", "comparability"]

KIND = "comparability"

#: The naive comparison a reader might make, spelled out in the message.
NAIVE = ("share", "ratio", "change", "")


def _when(o: Observation) -> tuple[int, int, int]:
    """When a figure's period ends: (year, month, day); orders a naive change in time."""
    p = o.period
    match p.kind:
        case PeriodKind.DATE:
            return (p.end_year, p.first, p.day)
        case PeriodKind.MONTHS:
            return (p.end_year, p.last, 31)
        case PeriodKind.QUARTERS:
            return (p.end_year, 3 * p.last, 31)
    return (p.end_year, 12, 31)


def _naive(kind: str, a: Observation, b: Observation) -> Message | str:
    """The tempting comparison, spelled out with computed numbers to sensible digits."""
    if not kind or b.value == 0:
        return ""
    if kind == "share":
        pct = 100.0 * a.value / b.value
        return msg(
            "c_naive_share",
            a=fmt_number(a.value),
            b=fmt_number(b.value),
            pct=fmt_calc(pct, "percent", 1),
            over=msg("c_naive_over") if pct > 100 else "",
        )
    if kind == "ratio":
        return msg(
            "c_naive_ratio",
            a=fmt_number(a.value),
            b=fmt_number(b.value),
            ratio=fmt_calc(a.value / b.value),
        )
    # a change runs forward in time: from the earlier figure to the later one
    old, new = (a, b) if _when(a) <= _when(b) else (b, a)
    if old.value == 0:
        return ""
    change = 100.0 * (new.value / old.value - 1)
    return msg(
        "c_naive_change",
        old=fmt_number(old.value),
        old_period=Text(old.period.describe(), period_label(str(old.period), "zh")),
        new=fmt_number(new.value),
        new_period=Text(new.period.describe(), period_label(str(new.period), "zh")),
        change=f"{change:+.1f}%",
    )


def comparability(
    check_id: str,
    a: Observation,
    b: Observation,
    indicators: Indicators,
    *,
    naive: str = "",
    rule: str = "",
) -> Verdict:
    """Are ``a`` and ``b`` the same kind of figure (measure, scope, basis, period, status)?"""
    if naive not in NAIVE:
        raise ValueError(f"{check_id}: naive must be one of {NAIVE}")
    reasons = comparability_reasons_said(a, b, indicators)
    if a.subject != b.subject:
        reasons.append(
            Text(
                f"different subjects ({a.subject or 'the whole region'} vs "
                f"{b.subject or 'the whole region'})",
                f"对象不同（{a.subject or '全地区'}对{b.subject or '全地区'}）",
            )
        )
    ia, ib = indicators[a.indicator], indicators[b.indicator]
    same = msg("c_same_kind")
    actual_said: Message
    if reasons:
        status = CheckStatus.NOT_COMPARABLE
        actual_said = msg("ids", ids=Join(tuple(reasons), "clauses"))
        said = msg(
            "c_not_comparable",
            a_name=Text(ia.name_en, ia.name_zh),
            a=label(a),
            b_name=Text(ib.name_en, ib.name_zh),
            b=label(b),
            reasons=Join(tuple(reasons), "clauses"),
            naive=_naive(naive, a, b),
        )
    else:
        status = CheckStatus.PASS
        actual_said = same
        said = msg("c_comparable", a=label(a), b=label(b))
    return Verdict(
        check_id,
        KIND,
        ids([a, b]),
        status,
        expected=same.render("en"),
        actual=actual_said.render("en"),
        tolerance="n/a",
        tolerance_source="",
        message=said.render("en"),
        rule=rule,
        said=(("expected", same), ("actual", actual_said), ("message", said)),
        expected_low=a.value,
        expected_high=a.value,
        actual_low=b.value,
        actual_high=b.value,
    )


def _run(rule: Rule, ctx: Context) -> list[Verdict]:
    one = KIND_SPEC.one(rule, ctx)
    naive = str(rule.params.get("naive", ""))
    return [
        comparability(rule.id, one["a"], one["b"], ctx.indicators, naive=naive, rule=rule.origin)
    ]


KIND_SPEC = register(
    CheckKind(
        KIND,
        {"a": Role(), "b": Role()},
        _run,
        params={"naive": Param("the tempting comparison: share, ratio or change", one_of(NAIVE))},
        doc="two figures that look comparable but are not",
    )
)
