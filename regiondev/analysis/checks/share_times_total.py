"""Share × total = part: a level stated as a share of another quantity implies that quantity.

Zhuzhou's high-tech value added 873.85亿元 is 28.1 % of GDP, so GDP = 873.85 / 0.281 =
3109.8亿元; with rounding (873.845 … 873.855 over 28.05 … 28.15 %) GDP lies in
[3104.2, 3115.4], which satisfies the stated "总量突破3000亿元" (more than 3000). A verdict
that does not pass also reads the other way round when the stated total is bounded: the part
as a share of the stated total (4520 / 14331.98 = 31.54 %) against the stated share.
"""

from __future__ import annotations

import math

from regiondev.analysis.checks.base import (
    CheckStatus,
    Indicators,
    Verdict,
    comparability_reasons,
    compare,
    fmt_interval,
    ids,
    label,
    rounding_note,
    span_of,
    stated_text,
)
from regiondev.analysis.checks.registry import CheckKind, Context, Role, Rule, pair_id, register
from regiondev.messages import Message, Text, msg
from regiondev.model import Measure, Observation

__all__ = ["share_times_total"]

KIND = "share_times_total"


def _other_way(part: Observation, share: Observation, total: Observation) -> Message | str:
    """The same comparison as a share: part / stated total against the stated share.

    Only for a bounded, positive total (an open total such as 突破3000 gives no share to read).
    """
    if not (total.low > 0 and total.high < math.inf and part.low >= 0):
        return ""
    implied = span_of(part).div(span_of(total)).scale(100.0)
    return msg(
        "c_stt_other_way",
        part=part.figure,
        implied=fmt_interval(implied.core, "percent", calc=True),
        total=total.figure,
        rounded=fmt_interval(implied.rounded, "percent", calc=True),
        share=share.figure,
    )


def share_times_total(
    check_id: str,
    part: Observation,
    share: Observation,
    total: Observation,
    indicators: Indicators,
    *,
    rule: str = "",
) -> Verdict:
    """Does ``part`` / ``share`` agree with the stated ``total``?"""
    obs_ids = ids([part, share, total])
    reasons: list[str] = []
    ind = indicators[share.indicator]
    if ind.measure is not Measure.SHARE or share.unit != "percent":
        reasons.append(f"{share.id} is not a share in percent")
    if ind.denominator and ind.denominator != total.indicator:
        reasons.append(
            f"{share.figure} is a share of {ind.denominator}, not of {total.indicator} "
            f"({indicators[total.indicator].name_zh})"
        )
    if part.unit != total.unit:
        reasons.append(f"{part.unit} vs {total.unit}")
    for a, b in ((part, total), (share, total), (part, share)):
        for r in comparability_reasons(a, b, indicators):
            if r.startswith(("different periods", "different regions", "actual vs", "target vs")):
                reasons.append(r)
    unit = total.unit
    if reasons:
        return Verdict(
            check_id,
            KIND,
            obs_ids,
            CheckStatus.NOT_COMPARABLE,
            expected=f"{part.figure} / {share.figure}",
            actual=total.figure,
            tolerance="n/a",
            tolerance_source="",
            message=(
                f"{label(part)} at {label(share)} does not imply {label(total)}: "
                f"{'; '.join(dict.fromkeys(reasons))}."
            ),
            rule=rule,
        )
    if not share.low > 0:
        # 不到10%: a share with no positive floor bounds the total from one side only
        return Verdict(
            check_id,
            KIND,
            obs_ids,
            CheckStatus.NOT_CHECKABLE,
            expected=f"{part.figure} / {share.figure}",
            actual=total.figure,
            tolerance="n/a",
            tolerance_source="",
            message=(
                f"{label(share)} has no positive lower bound, so {label(part)} / it gives no "
                f"bounded {indicators[total.indicator].name_en.lower()} to compare with "
                f"{label(total)}."
            ),
            rule=rule,
        )
    implied = span_of(part).div(span_of(share).scale(0.01))
    stated_span = span_of(total)
    status = compare(implied, stated_span)
    got = fmt_interval(implied.core, unit, calc=True)
    with_rounding = fmt_interval(implied.rounded, unit, calc=True)
    ind = indicators[total.indicator]
    key = {CheckStatus.PASS: "c_stt_pass", CheckStatus.FAIL: "c_stt_fail"}
    said = msg(
        key.get(status, "c_stt_partial"),
        part=label(part),
        share=label(share),
        what_lower=Text(ind.name_en.lower(), ind.name_zh),
        what=Text(ind.name_en, ind.name_zh),
        got=got,
        with_rounding=with_rounding,
        claim=stated_text(total),
        id=total.id,
        other=_other_way(part, share, total) if status is not CheckStatus.PASS else "",
    )
    message = said.render("en")
    return Verdict(
        check_id,
        KIND,
        obs_ids,
        status,
        expected=f"{part.figure} / {share.figure} = {got}",
        actual=f"{total.figure}: {fmt_interval(total.interval, unit)}",
        tolerance=f"implied with rounding {with_rounding}; stated with rounding "
        f"{fmt_interval(stated_span.rounded, unit)}",
        tolerance_source="; ".join(dict.fromkeys(rounding_note(o) for o in (part, share, total))),
        message=message,
        rule=rule,
        said=(("message", said),),
        expected_low=implied.core.low,
        expected_high=implied.core.high,
        actual_low=total.low,
        actual_high=total.high,
    )


def _run(rule: Rule, ctx: Context) -> list[Verdict]:
    one = KIND_SPEC.one(rule, ctx)
    # the implied total against every statement of it, not only the one named
    totals = ctx.same_quantity(one["total"])
    return [
        share_times_total(
            pair_id(rule.id, i, [t]), one["part"], one["share"], t, ctx.indicators, rule=rule.origin
        )
        for i, t in enumerate(totals)
    ]


KIND_SPEC = register(
    CheckKind(
        KIND,
        {"part": Role(), "share": Role(), "total": Role()},
        _run,
        doc="part / share against every statement of the total",
    )
)
