"""Part of whole: a part of a region (a county, an industry, a member of a partition) is no
larger than the region's whole.

「规模以上工业企业利润186.3亿元…其中，轨道交通装备产业实现利润213.7亿元」: the industry's
profit (a part: a record with a ``subject`` or a ``breakdown``) exceeds the stated total of
all industry (the whole: same indicator, region, period and status, with neither). A single
part needs no partition: its interval is compared with the whole's. The part fails only when
even its lowest admissible value (after rounding) lies above the whole's highest; bounds that
overlap pass, and the message says how close the two are.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from regiondev.analysis.checks.base import (
    ADDITIVE_MEASURES,
    CheckStatus,
    Indicators,
    Verdict,
    comparability_reasons,
    disjoint,
    fmt_calc,
    fmt_interval,
    ids,
    is_count,
    label,
    rounding_note,
    span_of,
    worst,
)
from regiondev.analysis.checks.registry import CheckKind, Context, Role, Rule, register
from regiondev.formatting import dimension_label, member_label
from regiondev.messages import Message, Text, msg
from regiondev.model import Interval, Measure, Observation

__all__ = ["part_name", "part_of_whole"]

KIND = "part_of_whole"


def part_name(o: Observation) -> str:
    """What part a record is about: ``liling``, ``rail_transit_equipment (by industry)``."""
    names = [o.subject] if o.subject else []
    if o.breakdown:
        dim, eq, member = o.breakdown.partition("=")
        names.append(f"{member} (by {dim})" if eq and member else o.breakdown)
    return ", ".join(names) or "the whole"


def part_name_said(o: Observation) -> Text:
    """:func:`part_name` in both languages (全部四个（按重点领域）…)."""
    names = [o.subject] if o.subject else []
    if o.breakdown:
        dim, eq, member = o.breakdown.partition("=")
        if eq and member:
            names.append(f"{member_label(member, 'zh')}（按{dimension_label(dim, 'zh')}）")
        else:
            names.append(o.breakdown)
    return Text(part_name(o), "、".join(names) or "整体")


def _above(part: Observation, whole: Observation) -> bool:
    """Is every admissible value of ``part`` above every admissible value of ``whole``?

    Both are widened by the rounding of their last printed digit (``span_of``).
    """
    p, w = span_of(part).rounded, span_of(whole).rounded
    part_ray = Interval(p.low, math.inf, p.low_open, True)
    whole_ray = Interval(-math.inf, w.high, True, w.high_open)
    return disjoint(part_ray, whole_ray)


def _within(part: Observation, whole: Observation) -> bool:
    """Does every admissible value of ``part`` fit under every admissible value of ``whole``?"""
    p, w = span_of(part).rounded, span_of(whole).rounded
    return p.high <= w.low


def _iv(o: Observation) -> str:
    """A figure's stated interval, ends to two decimals (14331.98, not 14332)."""
    return fmt_interval(o.interval, o.unit, calc=True)


def _share(part: Observation, whole: Observation) -> str:
    """The part as a percentage of the whole, from the printed values; empty if undefined or
    if either is only a bound (近10万亿元 is no value to divide by)."""
    exact = all(o.bound.value in ("exact", "approx") for o in (part, whole))
    if exact and whole.value > 0 and math.isfinite(part.value) and math.isfinite(whole.value):
        return f"{fmt_calc(part.value / whole.value * 100, decimals=1)} %"
    return ""


def part_of_whole(
    check_id: str,
    part: Observation,
    wholes: Sequence[Observation],
    indicators: Indicators,
    *,
    rule: str = "",
) -> Verdict:
    """Is ``part`` no larger than each stated ``whole``? (Several wholes: the total restated.)"""
    if not wholes:
        raise ValueError(f"{check_id}: a part needs at least one whole to compare with")
    obs_ids = ids([part, *wholes])
    unit = part.unit
    ind = indicators[part.indicator]
    what_said = Text(ind.name_en, ind.name_zh)
    name = part_name(part)
    name_said = part_name_said(part)
    measure = indicators[part.indicator].measure
    reasons = list(
        dict.fromkeys(r for w in wholes for r in comparability_reasons(part, w, indicators))
    )
    if measure not in ADDITIVE_MEASURES:
        reasons.append(
            f"{measure.value.replace('_', ' ')} is not an additive level: a part's can exceed "
            "the whole's"
        )
    units = {w.unit for w in wholes} - {unit}
    if units:
        reasons.append(f"different units ({unit} vs {', '.join(sorted(units))})")
    whole_labels = ", ".join(label(w) for w in wholes)
    if reasons:
        return Verdict(
            check_id,
            KIND,
            obs_ids,
            CheckStatus.NOT_COMPARABLE,
            expected=f"a part of {whole_labels}",
            actual=label(part),
            tolerance="n/a",
            tolerance_source="",
            message=(
                f"{label(part)} for {name} cannot be compared with its whole {whole_labels}: "
                f"{'; '.join(reasons)}."
            ),
            rule=rule,
        )
    statuses = [CheckStatus.FAIL if _above(part, w) else CheckStatus.PASS for w in wholes]
    status = worst(statuses)
    whole_high = min(w.high for w in wholes)
    distinct = {(w.low, w.high, w.bound) for w in wholes}
    if len(distinct) == 1:
        whole_text = f"{_iv(wholes[0])} ({', '.join(w.id for w in wholes)})"
    else:
        whole_text = "; ".join(f"{_iv(w)} ({w.id})" for w in wholes)
    restated = msg("c_restated", n=len(wholes)) if len(wholes) > 1 else ""
    share = _share(part, wholes[0])
    said: Message
    if status is CheckStatus.FAIL:
        bad = next(w for w, s in zip(wholes, statuses, strict=True) if s is CheckStatus.FAIL)
        gap = part.low - bad.high
        bad_share = _share(part, bad)
        said = msg(
            "c_pow_fail",
            name=name_said,
            what=what_said,
            part=label(part),
            bad=label(bad),
            gap=fmt_calc(gap, unit),
            share=msg("c_pow_fail_share", share=bad_share) if bad_share else "",
            profit=msg("c_pow_profit", gap=fmt_calc(gap, unit))
            if measure is Measure.PROFIT
            else "",
        )
    elif all(_within(part, w) for w in wholes):
        below = fmt_calc(wholes[0].value - part.value, unit)
        said = msg(
            "c_pow_within",
            name=name_said,
            part=label(part),
            whole=label(wholes[0]),
            restated=restated,
            share=msg("c_pow_share", share=share, below=below) if share else "",
        )
    else:
        said = msg(
            "c_pow_partial",
            name=name_said,
            part=label(part),
            whole=label(wholes[0]),
            restated=restated,
            part_iv=_iv(part),
            whole_iv=_iv(wholes[0]),
        )
    message = said.render("en")
    counts = is_count(part) and all(is_count(w) for w in wholes)
    if counts:
        tolerance, source = "0", "whole counts: no rounding"
    else:
        tolerance = "rounding of each figure's last digit"
        source = "; ".join(dict.fromkeys(rounding_note(o) for o in [part, *wholes]))
    floor = -math.inf if measure is Measure.PROFIT else 0.0
    return Verdict(
        check_id,
        KIND,
        obs_ids,
        status,
        expected=msg("c_at_most", value=whole_text).render("en"),
        actual=f"{_iv(part)} ({part.id}, {name})",
        tolerance=tolerance,
        tolerance_source=source,
        message=message,
        rule=rule,
        said=(("message", said), ("expected", msg("c_at_most", value=whole_text))),
        expected_low=floor,
        expected_high=whole_high,
        actual_low=part.low,
        actual_high=part.high,
    )


def _run(rule: Rule, ctx: Context) -> list[Verdict]:
    one, many = KIND_SPEC.one(rule, ctx), KIND_SPEC.many(rule, ctx)
    return [part_of_whole(rule.id, one["part"], many["whole"], ctx.indicators, rule=rule.origin)]


KIND_SPEC = register(
    CheckKind(
        KIND,
        {"part": Role(), "whole": Role(True, True, "the whole (or its restatements)")},
        _run,
        doc="one part no larger than its whole",
    )
)
