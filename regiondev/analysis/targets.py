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

from regiondev.formatting import number
from regiondev.messages import Fig, Message, msg
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
    "amount",
    "compare",
    "goal_fig",
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

_FLOOR = (Bound.AT_LEAST, Bound.MORE_THAN)
_CEILING = (Bound.AT_MOST, Bound.LESS_THAN)


def amount(x: float) -> str:
    """A figure in arithmetic as a reader writes it: thousands separators, at most two
    decimals, a true minus (3,902.4; −12.25; ∞); ``formatting.number`` does the writing."""
    return number(x, max_decimals=2)


def goal_fig(
    bound: Bound, value: float, low: float, high: float, unit: str, step: float | None = None
) -> Fig:
    """The target as a figure with its bound, said in words in either language
    (``formatting.bounded``: at least 500.0 bn yuan / 不少于5,000亿元, 1–2 items); ``step``
    keeps its printed digits."""
    return Fig(value, unit, bound.value, low, high, step=step or None)


@dataclass(frozen=True, slots=True)
class Comparison:
    """The outcome of comparing an outcome interval with a target.

    ``verdict`` is met, missed or None (undecided); ``margin`` in ``margin_unit``
    (percentage_points or percent_of_target); ``arithmetic`` the worked margin (a Message);
    ``relation`` 'above', 'below' or 'inside'; ``printed_only`` when only the printed figures
    decided (their rounding intervals straddle the threshold).
    """

    verdict: str | None
    margin: float | None
    margin_unit: str
    arithmetic: Message
    relation: str
    printed_only: bool = False


def margin_of(value: float, reference: float, unit: str) -> tuple[float | None, str, Message]:
    """(margin, margin unit, the arithmetic as a Message) of ``value`` against ``reference``:
    percentage points for a percent target, else percent of the target."""
    if unit == "percent":
        m = value - reference
        diff = ("−" if m < 0 else "+") + amount(abs(m))
        text = msg("m_points", value=amount(value), reference=amount(reference), diff=diff)
        return m, "percentage_points", text
    if reference == 0 or not math.isfinite(reference) or not math.isfinite(value):
        return None, "percent_of_target", msg("m_zero")
    ratio = value / reference
    m = (ratio - 1.0) * 100.0
    text = msg(
        "m_short" if m < 0 else "m_above",
        value=amount(value),
        reference=amount(reference),
        ratio=f"{ratio:.3f}",
        pct=Fig(abs(m), "percent", decimals=1),
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
        goal = goal_fig(bound, target_value, target_low, target_high, unit)
        text = msg("m_within", value=amount(outcome_value), goal=goal)
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
