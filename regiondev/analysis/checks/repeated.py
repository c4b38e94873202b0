"""Repeated figures: the same quantity stated more than once agrees with itself."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

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
from regiondev.model import Observation

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
    reasons = list(
        dict.fromkeys(
            r
            for a, b in combinations(observations, 2)
            for r in comparability_reasons(a, b, indicators)
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
    pairs = list(combinations(observations, 2))
    # compare() is symmetric in agreement: one statement inside the other is a pass
    # ("突破3000" and "3500"); a partial overlap is a warn; no common value a fail.
    statuses = [compare(span_of(a), span_of(b)) for a, b in pairs]
    status = worst(statuses)
    counts = all(is_count(o) for o in observations)
    stated = "; ".join(f"{fmt_interval(o.interval, unit)} ({o.id})" for o in observations)
    what = indicators[first.indicator].name_en
    if status is CheckStatus.PASS:
        message = f"{what} is stated {len(observations)} times ({listed}) and the statements agree."
    else:
        bad = next(p for p, s in zip(pairs, statuses, strict=True) if s is status)
        verb = (
            "contradict each other"
            if status is CheckStatus.FAIL
            else "overlap only in part (neither lies inside the other)"
        )
        message = (
            f"{what} is stated {len(observations)} times and {label(bad[0])} and "
            f"{label(bad[1])} {verb}."
        )
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
        expected_low=first.low,
        expected_high=first.high,
        actual_low=min(o.low for o in observations[1:]),
        actual_high=max(o.high for o in observations[1:]),
    )
