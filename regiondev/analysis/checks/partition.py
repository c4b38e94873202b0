"""Partition: the parts of a whole add up to the stated total."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from regiondev.analysis.checks.base import (
    CheckStatus,
    Indicators,
    Span,
    Verdict,
    comparability_reasons,
    compare,
    fmt_interval,
    fmt_number,
    ids,
    is_count,
    label,
    rounding_note,
    span_of,
    worst,
)
from regiondev.analysis.checks.registry import CheckKind, Context, Role, Rule, register
from regiondev.formatting import dimension_label, member_label, unit_label
from regiondev.messages import Join, Text, msg
from regiondev.model import Observation

__all__ = ["partition"]

KIND = "partition"


def _zh_unit(unit: str) -> str:
    return "%" if unit == "percent" else ("" if unit in ("", "items") else unit_label(unit, "zh"))


def _code(o: Observation) -> str:
    dim, _, member = o.breakdown.partition("=")
    return member or dim or o.id


def _member(o: Observation) -> str:
    dim, _, member = o.breakdown.partition("=")
    return (member or dim or o.id).replace("_", " ")


def partition(
    check_id: str,
    wholes: Sequence[Observation],
    parts: Sequence[Observation],
    indicators: Indicators,
    *,
    rule: str = "",
) -> Verdict:
    """Do ``parts`` add up to each stated ``whole``? (Several wholes: the same total restated.)"""
    if not wholes or len(parts) < 2:
        raise ValueError(f"{check_id}: a partition needs a whole and at least two parts")
    obs_ids = ids([*parts, *wholes])
    reasons = list(
        dict.fromkeys(
            r for p in parts for w in wholes for r in comparability_reasons(p, w, indicators)
        )
    )
    first = wholes[0]
    unit = first.unit
    terms = " + ".join(fmt_number(p.value) for p in parts)
    dim = parts[0].breakdown.partition("=")[0] or "part"
    if reasons:
        return Verdict(
            check_id,
            KIND,
            obs_ids,
            CheckStatus.NOT_COMPARABLE,
            expected=f"{terms} (parts)",
            actual=", ".join(label(w) for w in wholes),
            tolerance="n/a",
            tolerance_source="",
            message=(
                f"The {len(parts)} parts ({', '.join(label(p) for p in parts)}) cannot be "
                f"added up against {label(first)}: {'; '.join(reasons)}."
            ),
            rule=rule,
        )
    total = Span.point(0.0)
    for p in parts:
        total = total + span_of(p)
    statuses = [compare(total, span_of(w)) for w in wholes]
    status = worst(statuses)
    distinct = {(w.low, w.high, w.bound) for w in wholes}
    if len(distinct) == 1:
        actual = f"{fmt_interval(first.interval, unit)} ({', '.join(w.id for w in wholes)})"
    else:
        actual = "; ".join(f"{fmt_interval(w.interval, unit)} ({w.id})" for w in wholes)
    counts = all(is_count(o) for o in [*parts, *wholes])
    if counts:
        tolerance, source = "0", "whole counts: no rounding"
    else:
        tolerance = (
            f"sum with rounding {fmt_interval(total.rounded, unit)}; total with rounding "
            + ", ".join(fmt_interval(span_of(w).rounded, unit) for w in wholes)
        )
        source = "; ".join(dict.fromkeys(rounding_note(o) for o in [*parts, *wholes]))
    named = Join(
        tuple(
            Text(f"{_member(p)} {p.figure}", f"{member_label(_code(p), 'zh')}{p.figure}")
            for p in parts
        )
    )
    # the sum with its unit in either language (1,411,778,724 persons / 1,411,778,724人)
    sum_text = Text(fmt_interval(total.core, unit), fmt_interval(total.core) + _zh_unit(unit))
    whole_text = Text(
        " and ".join(dict.fromkeys(w.figure for w in wholes)),
        "、".join(dict.fromkeys(w.figure for w in wholes)),
    )
    restated = msg("c_restated", n=len(wholes)) if len(wholes) > 1 else ""
    dim_text = Text(dim, dimension_label(dim, "zh"))
    fields = {"n": len(parts), "dim": dim_text, "named": named, "sum": sum_text}
    if status is CheckStatus.PASS:
        said = msg("c_partition_pass", **fields, whole=whole_text, restated=restated)
    elif status is CheckStatus.FAIL:
        bad = [w for w, s in zip(wholes, statuses, strict=True) if s is CheckStatus.FAIL]
        said = msg(
            "c_partition_fail",
            **fields,
            bad=", ".join(label(w) for w in bad),
            total=fmt_interval(bad[0].interval, unit),
        )
    else:
        said = msg("c_partition_partial", **fields, whole=whole_text)
    message = said.render("en")
    return Verdict(
        check_id,
        KIND,
        obs_ids,
        status,
        expected=f"{terms} = {sum_text.en}",
        actual=actual,
        tolerance=tolerance,
        tolerance_source=source,
        message=message,
        rule=rule,
        said=(("message", said),),
        expected_low=total.core.low,
        expected_high=total.core.high,
        actual_low=first.low,
        actual_high=first.high,
    )


def _run(rule: Rule, ctx: Context) -> list[Verdict]:
    many = KIND_SPEC.many(rule, ctx)
    return [partition(rule.id, many["whole"], many["parts"], ctx.indicators, rule=rule.origin)]


def _validate(roles: dict[str, tuple[str, ...]], params: dict[str, Any]) -> str:
    if len(roles.get("parts", ())) < 2:
        return (
            "a partition needs at least two parts; for a single part no larger than its whole "
            'declare kind = "part_of_whole" with part and whole (a part with a subject or a '
            "breakdown is checked against its whole automatically: auto-part-of-whole-<part id>)"
        )
    return ""


KIND_SPEC = register(
    CheckKind(
        KIND,
        {"whole": Role(True, True, "the whole (or its restatements)"), "parts": Role(True, True)},
        _run,
        validate=_validate,
        doc="the parts of a breakdown sum to the whole",
    )
)
