"""Share of counts: k of n against a stated share (a percent, "过半", "2/3")."""

from __future__ import annotations

import math
from collections.abc import Sequence

from regiondev.analysis.checks.base import (
    CheckStatus,
    Indicators,
    Span,
    Verdict,
    comparability_reasons,
    compare,
    fmt_calc,
    fmt_interval,
    ids,
    label,
    rounding_note,
    span_of,
    stated_text,
)
from regiondev.analysis.checks.registry import (
    CheckKind,
    Context,
    Param,
    Role,
    Rule,
    positive_int,
    register,
)
from regiondev.messages import msg
from regiondev.model import Interval, Measure, Observation

__all__ = ["share_of_counts"]

KIND = "share_of_counts"


def _fmt_share(iv: Interval, decimals: int) -> str:
    if iv.low == iv.high and not (iv.low_open or iv.high_open):
        return fmt_calc(iv.low, "percent", decimals, strip=False)
    return fmt_interval(iv, "percent", calc=True)


def share_of_counts(
    check_id: str,
    parts: Sequence[Observation],
    whole: Observation,
    share: Observation,
    indicators: Indicators,
    *,
    multiplier: int = 1,
    rule: str = "",
) -> Verdict:
    """Is (sum of ``parts`` × ``multiplier``) / ``whole`` the stated ``share`` (percent)?

    ``multiplier`` covers a figure stated per member: "各13个" for two domains is 2 × 13.
    """
    if not parts:
        raise ValueError(f"{check_id}: a share of counts needs at least one part")
    if multiplier < 1:
        raise ValueError(f"{check_id}: multiplier must be a positive whole number")
    obs_ids = ids([*parts, whole, share])
    # A part may be another region's count (Hunan's share of China): regions may differ.
    reasons = list(
        dict.fromkeys(
            r
            for p in parts
            for r in comparability_reasons(p, whole, indicators)
            if not r.startswith("different regions")
        )
    )
    if indicators[share.indicator].measure is not Measure.SHARE or share.unit != "percent":
        reasons.append(f"{share.id} is not a share in percent")
    for o in (*parts, whole):
        if share.period != o.period:
            reasons.append(f"{share.id} and {o.id} cover different periods")
    part_text = " + ".join(p.figure for p in parts)
    if multiplier > 1:
        part_text = f"{multiplier} × {part_text}"
    if reasons:
        return Verdict(
            check_id,
            KIND,
            obs_ids,
            CheckStatus.NOT_COMPARABLE,
            expected=f"({part_text}) / {whole.figure}",
            actual=share.figure,
            tolerance="n/a",
            tolerance_source="",
            message=(
                f"The share {label(share)} cannot be recomputed from {part_text} of "
                f"{whole.figure}: {'; '.join(dict.fromkeys(reasons))}."
            ),
            rule=rule,
        )
    k = Span.point(0.0)
    for p in parts:
        k = k + span_of(p)
    if multiplier > 1:
        k = k.scale(float(multiplier))
    ratio = k.div(span_of(whole)).scale(100.0)
    stated_span = span_of(share)
    status = compare(ratio, stated_span)
    k_text, n_text = fmt_interval(k.core), fmt_interval(whole.interval)
    if multiplier > 1 or len(parts) > 1:
        part_text += f" = {k_text}"
    # the computed share to one decimal more than the stated share is printed with
    places = max(0, round(-math.log10(share.step))) if 0 < share.step < 1 else 0
    got = _fmt_share(ratio.core, places + 1 if share.step else 2)
    key = {CheckStatus.PASS: "c_share_pass", CheckStatus.FAIL: "c_share_fail"}
    said = msg(
        key.get(status, "c_share_partial"),
        part=part_text,
        whole=label(whole),
        got=got,
        claim=stated_text(share),
        id=share.id,
        quote=share.quote,
    )
    message = said.render("en")
    notes = [rounding_note(o) for o in (*parts, whole, share)]
    return Verdict(
        check_id,
        KIND,
        obs_ids,
        status,
        expected=f"{k_text}/{n_text} = {got}",
        actual=f"{share.figure}: {fmt_interval(share.interval, 'percent')}",
        tolerance=(
            f"share with rounding {fmt_interval(stated_span.rounded, 'percent')}"
            if stated_span.rounded != stated_span.core
            else "0 (share read exactly)"
        ),
        tolerance_source="; ".join(dict.fromkeys(notes)),
        message=message,
        rule=rule,
        said=(("message", said),),
        expected_low=ratio.core.low,
        expected_high=ratio.core.high,
        actual_low=share.low,
        actual_high=share.high,
    )


def _run(rule: Rule, ctx: Context) -> list[Verdict]:
    one, many = KIND_SPEC.one(rule, ctx), KIND_SPEC.many(rule, ctx)
    return [
        share_of_counts(
            rule.id,
            many["part"],
            one["whole"],
            one["share"],
            ctx.indicators,
            multiplier=int(rule.params.get("multiplier", 1)),
            rule=rule.origin,
        )
    ]


KIND_SPEC = register(
    CheckKind(
        KIND,
        {"part": Role(True, True, "summed"), "whole": Role(), "share": Role()},
        _run,
        params={"multiplier": Param("per-member figures counted this many times", positive_int)},
        doc="a printed share of counts against the counts",
    )
)
