"""Repeated figures: the same quantity stated more than once agrees with itself."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations, pairwise
from typing import Any

from regiondev.analysis.checks.base import (
    CheckStatus,
    Indicators,
    Verdict,
    comparability_reasons,
    compare,
    fmt_interval,
    ids,
    is_count,
    label,
    rounding_note,
    span_of,
    worst,
)
from regiondev.analysis.checks.registry import CheckKind, Context, Role, Rule, register
from regiondev.messages import Message, Text, msg
from regiondev.model import Interval, Observation

__all__ = ["repeated_figures"]

KIND = "repeated_figures"


def repeated_figures(
    check_id: str,
    observations: Sequence[Observation],
    indicators: Indicators,
    *,
    rule: str = "",
) -> Verdict:
    """Do all statements of one quantity agree? Each must fit inside every other's bounds."""
    if len(observations) < 2:
        raise ValueError(f"{check_id}: a repeated figure needs at least two statements")
    obs_ids = ids(observations)
    # Identical statements need no pairwise work: comparability looks at what a figure is
    # (one representative per kind of statement), agreement at its intervals (one
    # representative per distinct pair of intervals). Both keep the first pair that
    # disagrees, so the verdict and its message equal a comparison of every pair.
    kinds = list({_what(o): o for o in reversed(observations)}.values())[::-1]
    reasons = list(
        dict.fromkeys(
            r for a, b in combinations(kinds, 2) for r in comparability_reasons(a, b, indicators)
        )
    )
    listed = ", ".join(label(o) for o in observations)
    first = observations[0]
    unit = first.unit
    if reasons:
        return Verdict(
            check_id,
            KIND,
            obs_ids,
            CheckStatus.NOT_COMPARABLE,
            expected="the same quantity",
            actual=listed,
            tolerance="n/a",
            tolerance_source="",
            message=f"{listed} are not the same quantity: {'; '.join(reasons)}.",
            rule=rule,
        )
    spans: dict[tuple[Interval, Interval], Observation] = {}
    for o in observations:
        q = span_of(o)
        spans.setdefault((q.core, q.rounded), o)
    # compare() is symmetric in agreement: one statement inside the other is a pass
    # ("突破3000" and "3500"); a partial overlap is a warn; no common value a fail.
    status, bad_pair = _worst_pair(list(spans.values()))
    counts = all(is_count(o) for o in observations)
    stated = "; ".join(f"{fmt_interval(o.interval, unit)} ({o.id})" for o in observations)
    ind = indicators[first.indicator]
    what = Text(ind.name_en, ind.name_zh)
    said: Message
    if status is CheckStatus.PASS:
        said = msg("c_repeated_agree", what=what, n=len(observations), listed=listed)
    else:
        assert bad_pair is not None
        said = msg(
            "c_repeated_fail" if status is CheckStatus.FAIL else "c_repeated_partial",
            what=what,
            n=len(observations),
            a=label(bad_pair[0]),
            b=label(bad_pair[1]),
        )
    message = said.render("en")
    return Verdict(
        check_id,
        KIND,
        obs_ids,
        status,
        expected=f"{fmt_interval(first.interval, unit)} ({first.id})",
        actual=stated,
        tolerance="0" if counts else "rounding of each statement's last digit",
        tolerance_source="whole counts: no rounding"
        if counts
        else "; ".join(dict.fromkeys(rounding_note(o) for o in observations)),
        message=message,
        rule=rule,
        said=(("message", said),),
        expected_low=first.low,
        expected_high=first.high,
        actual_low=min(o.low for o in observations[1:]),
        actual_high=max(o.high for o in observations[1:]),
    )


#: Up to this many distinct statements every pair is compared; above it a sweep finds the
#: worst verdict in O(n log n) (its message may name another disagreeing pair).
PAIRWISE_LIMIT = 64


def _worst_pair(
    distinct: Sequence[Observation],
) -> tuple[CheckStatus, tuple[Observation, Observation] | None]:
    """The worst verdict over every pair of distinct statements and the first pair that has it.

    Few statements: every pair, in order. Many: a fail exists exactly when the statement that
    ends lowest and the one that starts highest share no value; otherwise all agree only when
    the statements form a chain of nested intervals, which consecutive statements (sorted by
    low end, then widest first) show.
    """
    if len(distinct) <= PAIRWISE_LIMIT:
        pairs = list(combinations(distinct, 2))
        statuses = [compare(span_of(a), span_of(b)) for a, b in pairs]
        status = worst(statuses)
        bad = next((p for p, s in zip(pairs, statuses, strict=True) if s is status), None)
        return status, (bad if status is not CheckStatus.PASS else None)
    q = {o.id: span_of(o) for o in distinct}
    ends_lowest = min(distinct, key=lambda o: (q[o.id].rounded.high, not q[o.id].rounded.high_open))
    starts_highest = max(distinct, key=lambda o: (q[o.id].rounded.low, q[o.id].rounded.low_open))
    if compare(q[ends_lowest.id], q[starts_highest.id]) is CheckStatus.FAIL:
        return CheckStatus.FAIL, (ends_lowest, starts_highest)
    # No two share no value. A partial overlap is a pair where one starts lower and also ends
    # lower: sorted by low end (widest first), each statement against the earlier one that
    # ends lowest and against the widest earlier one (the first) and the previous one.
    ordered = sorted(distinct, key=lambda o: (q[o.id].core.low, -q[o.id].core.high))
    lowest_end = ordered[0]
    for prev, b in pairwise(ordered):
        for a in dict.fromkeys((lowest_end, ordered[0], prev)):
            if compare(q[a.id], q[b.id]) is not CheckStatus.PASS:
                return CheckStatus.WARN, (a, b)
        if q[prev.id].core.high < q[lowest_end.id].core.high:
            lowest_end = prev
    return CheckStatus.PASS, None


def _what(o: Observation) -> tuple[object, ...]:
    """Everything :func:`comparability_reasons` looks at: equal tuples give no reason."""
    return (o.region, o.indicator, o.basis, o.period, o.status, o.increment)


def _run(rule: Rule, ctx: Context) -> list[Verdict]:
    many = KIND_SPEC.many(rule, ctx)
    return [repeated_figures(rule.id, many["observations"], ctx.indicators, rule=rule.origin)]


def _validate(roles: dict[str, tuple[str, ...]], params: dict[str, Any]) -> str:
    return (
        ""
        if len(roles.get("observations", ())) >= 2
        else ("repeated_figures needs at least two observations")
    )


KIND_SPEC = register(
    CheckKind(
        KIND,
        {"observations": Role(True, True)},
        _run,
        validate=_validate,
        doc="the same quantity stated more than once agrees with itself",
    )
)
