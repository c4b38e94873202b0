"""Verdicts on targets: met / missed against an outcome, and the words that say so.

A verdict compares an outcome's interval with the target's, direction-aware:

- a floor (以上 at_least, 突破/超过 more_than) is **met** when every value of the outcome's
  interval meets it, **missed** when none does;
- a ceiling (at_most, less_than) the mirror image;
- a value or range (exact, 约, 1~2个) is met when the outcome lies inside the target's interval
  and when it lies above it (a plan's figure is a goal to reach: exceeding it is no failure,
  and the text says "above the range"); missed when it lies below.

When the outcome's interval straddles the threshold only through the rounding of printed
digits (7.5 % against 7.5 %以上), the printed figures decide and the text says so; when it
straddles through a qualifier (突破3000 against at least 5000) nothing is decided: the verdict
is left undecided (``None``) for the caller to state.

Margins: a percent target (a share, a growth rate) in percentage points (outcome − target);
any other in percent of the target ((outcome / target − 1) × 100), with the arithmetic in
the text.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from regiondev.model import Bound, Interval

__all__ = [
    "ACCELERATION_NEEDED",
    "LIMITED_PROGRESS",
    "MET",
    "MISSED",
    "MOVING_AWAY",
    "NOT_ASSESSABLE",
    "NO_OUTCOME",
    "ON_TRACK",
    "PACE_VERDICTS",
    "VERDICTS",
    "Comparison",
    "compare",
    "fmt_target",
    "fmt_value",
    "margin_of",
]

MET = "met"
MISSED = "missed"
NO_OUTCOME = "no_outcome"
ON_TRACK = "on_track"
ACCELERATION_NEEDED = "acceleration_needed"
LIMITED_PROGRESS = "limited_progress"
MOVING_AWAY = "moving_away"
NOT_ASSESSABLE = "not_assessable"

#: The pace verdicts of a target whose period is not over (Eurostat / Open SDG bands).
PACE_VERDICTS = (ON_TRACK, ACCELERATION_NEEDED, LIMITED_PROGRESS, MOVING_AWAY)

#: Every verdict with its meaning (documented in the README).
VERDICTS: dict[str, str] = {
    MET: "the target's period is over and the outcome on record meets it (margin stated)",
    MISSED: "the target's period is over and the outcome on record falls short (margin stated)",
    NO_OUTCOME: (
        "the target's period is over and no outcome for it is on record; the latest figure "
        "is stated (and a gap the outcomes research recorded as NOT FOUND)"
    ),
    ON_TRACK: "period not over: the pace on record is at least 95 % of the pace required",
    ACCELERATION_NEEDED: "period not over: pace on record 60–95 % of the pace required",
    LIMITED_PROGRESS: "period not over: pace on record 0–60 % of the pace required",
    MOVING_AWAY: "period not over: the indicator moved away from the target",
    NOT_ASSESSABLE: "no honest comparison exists; the reason is stated",
}

_UNIT_LABELS = {
    "cny_100m": "亿元",
    "percent": "%",
    "enterprises": "enterprises",
    "items": "items",
    "persons": "persons",
    "platforms": "platforms",
}
_FLOOR = (Bound.AT_LEAST, Bound.MORE_THAN)
_CEILING = (Bound.AT_MOST, Bound.LESS_THAN)


def fmt_number(x: float) -> str:
    """A figure as a reader writes it: thousands separators, at most 2 decimals (3,902.4)."""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    text = f"{x:,.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def fmt_value(x: float, unit: str) -> str:
    """A figure with its unit: 3,902.4 亿元, 45 %, 1,254 enterprises."""
    label = _UNIT_LABELS.get(unit, unit)
    if unit == "percent":
        return f"{fmt_number(x)} %"
    return f"{fmt_number(x)} {label}".rstrip()


def fmt_target(bound: Bound, value: float, low: float, high: float, unit: str) -> str:
    """The target in words with its bound: 'at least 5,000 亿元', '1–2 items', 'about 4 …'."""
    match bound:
        case Bound.AT_LEAST:
            return f"at least {fmt_value(value, unit)}"
        case Bound.MORE_THAN:
            return f"more than {fmt_value(value, unit)}"
        case Bound.AT_MOST:
            return f"at most {fmt_value(value, unit)}"
        case Bound.LESS_THAN:
            return f"less than {fmt_value(value, unit)}"
        case Bound.RANGE:
            return f"{fmt_number(low)}–{fmt_value(high, unit)}"
        case Bound.APPROX:
            return f"about {fmt_value(value, unit)}"
        case _:
            return fmt_value(value, unit)


@dataclass(frozen=True, slots=True)
class Comparison:
    """The outcome of comparing an outcome interval with a target.

    ``verdict`` is met, missed or None (undecided); ``margin`` in ``margin_unit``
    (percentage_points or percent_of_target); ``arithmetic`` the worked margin in words;
    ``relation`` 'above', 'below' or 'inside'; ``printed_only`` when only the printed figures
    decided (their rounding intervals straddle the threshold).
    """

    verdict: str | None
    margin: float | None
    margin_unit: str
    arithmetic: str
    relation: str
    printed_only: bool = False


def margin_of(value: float, reference: float, unit: str) -> tuple[float | None, str, str]:
    """(margin, margin unit, arithmetic in words) of ``value`` against ``reference``."""
    if unit == "percent":
        m = value - reference
        sign = "−" if m < 0 else "+"
        diff = f"{abs(m):.2f}".rstrip("0").rstrip(".")
        text = f"{fmt_number(value)} − {fmt_number(reference)} = {sign}{diff} percentage points"
        return m, "percentage_points", text
    if reference == 0 or not math.isfinite(reference) or not math.isfinite(value):
        return None, "percent_of_target", "no relative margin against a target of 0"
    ratio = value / reference
    m = (ratio - 1.0) * 100.0
    word = "short of" if m < 0 else "above"
    text = (
        f"{fmt_number(value)} / {fmt_number(reference)} = {ratio:.3f}, i.e. "
        f"{abs(m):.1f} % {word} the target"
    )
    return m, "percent_of_target", text


def _side(
    outcome: Interval, target_low: float, target_high: float, bound: Bound
) -> tuple[bool, bool]:
    """(every value meets the target, no value meets it) for an outcome interval."""
    if bound in _FLOOR:
        t = target_low
        all_meet = outcome.low > t or (outcome.low == t and bound is Bound.AT_LEAST)
        none_meet = outcome.high < t or (
            outcome.high == t and (bound is Bound.MORE_THAN or outcome.high_open)
        )
        return all_meet, none_meet
    if bound in _CEILING:
        t = target_high
        all_meet = outcome.high < t or (outcome.high == t and bound is Bound.AT_MOST)
        none_meet = outcome.low > t or (
            outcome.low == t and (bound is Bound.LESS_THAN or outcome.low_open)
        )
        return all_meet, none_meet
    # a value or range: at or above its low end meets it (exceeding a goal is no failure)
    return outcome.low >= target_low, outcome.high < target_low


def compare(
    outcome_value: float,
    outcome_interval: Interval,
    printed_interval: Interval,
    bound: Bound,
    target_value: float,
    target_low: float,
    target_high: float,
    unit: str,
) -> Comparison:
    """Compare an outcome with a target (see the module docstring).

    ``outcome_interval`` holds the outcome's qualifier and rounding; ``printed_interval`` only
    its qualifier (the printed figure's own interval), which decides when rounding alone
    straddles the threshold. ``target_low``/``target_high`` are the target's interval ends
    (its rounding included for a value target).
    """
    reference = target_value
    if bound not in (*_FLOOR, *_CEILING):
        if outcome_value > target_high:
            reference = target_high
        elif outcome_value < target_low:
            reference = target_low
    margin, margin_unit, text = margin_of(outcome_value, reference, unit)
    all_meet, none_meet = _side(outcome_interval, target_low, target_high, bound)
    relation = "above" if outcome_value > reference else "below"
    if bound not in (*_FLOOR, *_CEILING) and target_low <= outcome_value <= target_high:
        relation, margin = "inside", 0.0
        goal = fmt_target(bound, target_value, target_low, target_high, unit)
        text = f"{fmt_number(outcome_value)} lies within {goal}"
    if all_meet:
        return Comparison(MET, margin, margin_unit, text, relation)
    if none_meet:
        return Comparison(MISSED, margin, margin_unit, text, relation)
    p_all, p_none = _side(printed_interval, target_low, target_high, bound)
    if p_all and not printed_interval.low_open and math.isfinite(printed_interval.high):
        return Comparison(MET, margin, margin_unit, text, relation, printed_only=True)
    if p_none and math.isfinite(printed_interval.low) and math.isfinite(printed_interval.high):
        return Comparison(MISSED, margin, margin_unit, text, relation, printed_only=True)
    return Comparison(None, margin, margin_unit, text, relation)
