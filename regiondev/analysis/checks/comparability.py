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
    comparability_reasons,
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


def _naive(kind: str, a: Observation, b: Observation) -> str:
    """The tempting comparison, spelled out with computed numbers to sensible digits."""
    if not kind or b.value == 0:
        return ""
    if kind == "share":
        pct = 100.0 * a.value / b.value
        over = " — more than 100 %, which a share cannot be" if pct > 100 else ""
        return (
            f" A naive share {fmt_number(a.value)}/{fmt_number(b.value)} = "
            f"{fmt_calc(pct, 'percent', 1)}{over}."
        )
    if kind == "ratio":
        return (
            f" A naive ratio {fmt_number(a.value)}/{fmt_number(b.value)} = "
            f"{fmt_calc(a.value / b.value)} would mean nothing."
        )
    # a change runs forward in time: from the earlier figure to the later one
    old, new = (a, b) if _when(a) <= _when(b) else (b, a)
    if old.value == 0:
        return ""
    change = 100.0 * (new.value / old.value - 1)
    return (
        f" A naive change from {fmt_number(old.value)} ({old.period.describe()}) to "
        f"{fmt_number(new.value)} ({new.period.describe()}), {change:+.1f}%, would be misleading."
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
    reasons = comparability_reasons(a, b, indicators)
    if a.subject != b.subject:
        reasons.append(
            f"different subjects ({a.subject or 'the whole region'} vs "
            f"{b.subject or 'the whole region'})"
        )
    ia, ib = indicators[a.indicator], indicators[b.indicator]
    if reasons:
        status = CheckStatus.NOT_COMPARABLE
        actual = "; ".join(reasons)
        message = (
            f"{ia.name_en} {label(a)} and {ib.name_en} {label(b)} are not comparable: "
            f"{'; '.join(reasons)}.{_naive(naive, a, b)}"
        )
    else:
        status = CheckStatus.PASS
        actual = "same measure, scope, basis, period and status"
        message = (
            f"{label(a)} and {label(b)} are comparable: same measure, scope, price basis, "
            "period and status."
        )
    return Verdict(
        check_id,
        KIND,
        ids([a, b]),
        status,
        expected="same measure, scope, basis, period and status",
        actual=actual,
        tolerance="n/a",
        tolerance_source="",
        message=message,
        rule=rule,
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
