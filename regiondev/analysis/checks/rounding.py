"""Rounding feasibility (GRIM-style): can k of an unstated whole round to the printed share?

"18 centres, 70 % of all": a share printed to whole percent stands for [69.5 %, 70.5 %], so
the whole n must satisfy 18/n in that interval, i.e. n in [18/0.705, 18/0.695] =
[25.53, 25.90]. No whole number lies there: no count of centres gives 70 %.
The rounding interval is taken closed at both ends (lenient: a boundary case is feasible
under some rounding convention), so a fail is never a matter of the tie rule.

A fail stays a fail at the printed precision, but a round share (70 % ends in a zero) may have
been rounded more coarsely than it is printed. The message then also gives the wholes that fit
at that coarser precision so a reader can judge: 70 % to the nearest ten percent is
[65 %, 75 %) (half up), 18/n in it means 24 < n ≤ 18/0.65 = 27.69, so n = 25, 26 or 27
(18/24 = 75 % exactly is a tie that rounds to 70 % only if ties round down).
"""

from __future__ import annotations

import math

from regiondev.analysis.checks.base import (
    CheckStatus,
    Indicators,
    Verdict,
    comparability_reasons,
    fmt_calc,
    fmt_interval,
    fmt_number,
    ids,
    label,
    rounding_note,
    span_of,
)
from regiondev.analysis.checks.registry import CheckKind, Context, Role, Rule, register
from regiondev.messages import Join, Message, Text, msg
from regiondev.model import Bound, Interval, Observation

__all__ = ["feasible_wholes", "nearest_wholes", "rounding_feasibility"]

KIND = "rounding_feasibility"

#: More candidate counts than this (a very wide 余 bound) are not enumerated.
MAX_COUNTS = 100_000


def _integers(iv: Interval) -> range:
    low = math.ceil(iv.low)
    if iv.low_open and low == iv.low:
        low += 1
    high = math.floor(iv.high)
    if iv.high_open and high == iv.high:
        high -= 1
    return range(max(low, 0), high + 1)


def _whole_range(k: int, share: Interval) -> Interval | None:
    """Real n with k/n*100 inside ``share`` (closed), n >= k; None when empty."""
    if share.high <= 0 or k <= 0:
        return None
    low = max(float(k), 100.0 * k / share.high if math.isfinite(share.high) else float(k))
    high = 100.0 * k / share.low if share.low > 0 else math.inf
    if low > high * (1 + 1e-12):
        return None
    return Interval(low, max(low, high))


def feasible_wholes(k: int, share: Interval) -> list[int]:
    """Whole numbers n (>= k) for which k/n, in percent, lies inside ``share``."""
    iv = _whole_range(k, share)
    if iv is None or math.isinf(iv.high):
        return [] if iv is None else [math.ceil(iv.low)]
    out = []
    for n in range(math.ceil(iv.low - 1e-9), math.floor(iv.high + 1e-9) + 1):
        pct = 100.0 * k / n
        if share.low - 1e-9 <= pct <= share.high + 1e-9:
            out.append(n)
    return out


def nearest_wholes(k: int, share: Interval) -> list[tuple[int, float]]:
    """The whole numbers just below and above the feasible real range, with k/n in percent."""
    centre = (share.low + share.high) / 2 if math.isfinite(share.high) else share.low
    if centre <= 0:
        return []
    x = 100.0 * k / centre
    cands = sorted({max(k, math.floor(x)), max(k, math.ceil(x))})
    return [(n, 100.0 * k / n) for n in cands if n > 0]


def _coarser(k: int, share: Observation) -> tuple[Message, Message] | None:
    """For a round printed share (70 %), the wholes that fit if it was rounded one place coarser.

    Returns (a sentence for the message, a short note) or None when the share has no trailing
    zero to drop or no whole fits even then. Ties (k/n exactly on the upper end, which rounds
    to the share only if ties round down) are named separately.
    """
    step = share.step
    if share.bound is not Bound.EXACT or step < 1 or share.value <= 0:
        return None
    coarse = 10 * step
    ratio = share.value / coarse
    if not math.isclose(ratio, round(ratio)):
        return None
    half = coarse / 2
    low, high = share.value - half, share.value + half
    ns = feasible_wholes(k, Interval(low, high))
    if not ns:
        return None
    # rounding half up: the lower end rounds to the share, the upper end to the next one
    fits = [n for n in ns if 100.0 * k / n < high - 1e-9]
    ties = [n for n in ns if n not in fits]
    size = f"{fmt_number(coarse)}%"
    where = Text(
        f"{fmt_number(low)}% ≤ share < {fmt_number(high)}%",
        f"{fmt_number(low)}% ≤ 比重 < {fmt_number(high)}%",
    )
    which: Message
    ties_said = Join(
        tuple(
            msg("c_grim_tie", n=n, pct=fmt_calc(100.0 * k / n, "percent", 1), share=share.figure)
            for n in ties
        ),
        "none",
    )
    if fits:
        listed = ", ".join(f"{k}/{n} = {100.0 * k / n:.1f}%" for n in fits)
        which = (
            msg("c_grim_n", n=fits[0])
            if len(fits) == 1
            else msg("c_grim_n_to", a=fits[0], b=fits[-1])
        )
        sentence = msg(
            "c_grim_coarse_fits",
            share=share.figure,
            size=size,
            where=where,
            which=which,
            listed=listed,
            ties=ties_said,
        )
    else:
        which = msg("c_grim_no_n")
        sentence = msg(
            "c_grim_coarse_none", share=share.figure, size=size, where=where, ties=ties_said
        )
    return sentence, msg("c_grim_coarse_note", size=size, which=which)


def rounding_feasibility(
    check_id: str,
    count: Observation,
    share: Observation,
    indicators: Indicators,
    *,
    rule: str = "",
) -> Verdict:
    """Is there a whole n such that ``count``/n rounds to the printed ``share``?"""
    obs_ids = ids([count, share])
    reasons = [
        r
        for r in comparability_reasons(count, share, indicators)
        if not r.startswith(("different measures", "different indicators", "different scopes"))
    ]
    if share.unit != "percent":
        reasons.append(f"{share.id} is not a percent")
    if reasons:
        return Verdict(
            check_id,
            KIND,
            obs_ids,
            CheckStatus.NOT_COMPARABLE,
            expected=f"{count.figure} / n ≈ {share.figure}",
            actual="",
            tolerance="n/a",
            tolerance_source="",
            message=f"{label(count)} and {label(share)} cannot be related: {'; '.join(reasons)}.",
            rule=rule,
        )
    pct = span_of(share).rounded
    counts = _integers(count.interval)
    if len(counts) > MAX_COUNTS or len(counts) == 0:
        return Verdict(
            check_id,
            KIND,
            obs_ids,
            CheckStatus.NOT_CHECKABLE,
            expected=f"{count.figure} / n in {fmt_interval(pct, 'percent')}",
            actual="",
            tolerance=fmt_interval(pct, "percent"),
            tolerance_source=rounding_note(share),
            message=(
                f"{label(count)} allows {len(counts)} whole counts, too many (or none) to test "
                f"against {label(share)}."
            ),
            rule=rule,
        )
    ok = {k: feasible_wholes(k, pct) for k in counts}
    good = [k for k, ns in ok.items() if ns]
    k0 = counts[0]
    real = _whole_range(k0, pct)
    real_text = fmt_interval(real, calc=True) if real is not None else "empty"
    expected_said: Message | None = None
    if len(counts) == 1:
        expected_said = msg(
            "c_grim_expected",
            k=k0,
            pct=fmt_interval(pct, "percent"),
            real=real_text if real is not None else msg("c_empty"),
        )
        expected = expected_said.render("en")
    else:
        expected = (
            f"a whole n with k/n in {fmt_interval(pct, 'percent')} for k in "
            f"{counts[0]}..{counts[-1]}"
        )
    said: list[tuple[str, Message]] = []
    if expected_said is not None:
        said.append(("expected", expected_said))
    if len(good) == len(counts):
        status = CheckStatus.PASS
        ns = ok[k0]
        shown = ", ".join(f"{n} ({fmt_calc(100.0 * k0 / n, 'percent')})" for n in ns[:5])
        more = msg("c_grim_more", m=len(ns) - 5) if len(ns) > 5 else ""
        actual_said = msg("c_grim_feasible", shown=shown, more=more)
        message_said = msg(
            "c_grim_pass",
            count=label(count),
            share_label=label(share),
            shown=shown,
            more=more,
            share=share.figure,
        )
        actual, message = actual_said.render("en"), message_said.render("en")
        if len(counts) == 1:
            said += [("actual", actual_said), ("message", message_said)]
        if len(counts) > 1:
            actual = f"every k in {counts[0]}..{counts[-1]} has a feasible n"
            message = (
                f"Every count {count.figure} allows ({counts[0]}..{counts[-1]}) is "
                f"{share.figure} of some whole number."
            )
    elif good:
        status = CheckStatus.WARN
        actual = f"feasible only for k in {{{', '.join(str(k) for k in good[:10])}}}"
        message = (
            f"Only some counts inside {label(count)} (k = {', '.join(map(str, good[:10]))}) "
            f"are {share.figure} of a whole number; the others are not."
        )
    else:
        status = CheckStatus.FAIL
        near = nearest_wholes(k0, pct)
        near_text = Join(tuple(f"{k0}/{n} = {100.0 * k0 / n:.1f}%" for n, _ in near), "and")
        coarse = _coarser(k0, share)
        actual_said = msg(
            "c_grim_fail_actual",
            near=near_text,
            note=msg("c_grim_note", note=coarse[1]) if coarse else "",
        )
        message_said = msg(
            "c_grim_fail",
            k=k0,
            share=share.figure,
            count_id=count.id,
            share_id=share.id,
            real=real_text,
            near=near_text,
            coarse=msg("c_grim_sentence", sentence=coarse[0]) if coarse else "",
        )
        actual, message = actual_said.render("en"), message_said.render("en")
        if len(counts) == 1:
            said += [("actual", actual_said), ("message", message_said)]
        if len(counts) > 1:
            message = (
                f"No count inside {label(count)} is {share.figure} of a whole number ({share.id})."
            )
    return Verdict(
        check_id,
        KIND,
        obs_ids,
        status,
        expected=expected,
        actual=actual,
        tolerance=f"share in {fmt_interval(pct, 'percent')}",
        tolerance_source=rounding_note(share),
        message=message,
        rule=rule,
        said=tuple(said),
        expected_low=real.low if real is not None else math.nan,
        expected_high=real.high if real is not None else math.nan,
        actual_low=float(min(ok[k0])) if ok[k0] else math.nan,
        actual_high=float(max(ok[k0])) if ok[k0] else math.nan,
    )


def _run(rule: Rule, ctx: Context) -> list[Verdict]:
    one = KIND_SPEC.one(rule, ctx)
    return [
        rounding_feasibility(rule.id, one["count"], one["share"], ctx.indicators, rule=rule.origin)
    ]


KIND_SPEC = register(
    CheckKind(
        KIND,
        {"count": Role(), "share": Role()},
        _run,
        doc="GRIM: is k of N = p % possible at the printed precision?",
    )
)
