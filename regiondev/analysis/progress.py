"""Progress classification of a target: growth on record against the growth it requires.

The bands are those of Eurostat's method for quantitative targets and of Open SDG, which
implements it: the ratio of the actual (historical) growth rate to the growth rate required
to reach the target from the base year is compared with fixed thresholds.

Sources:
- Eurostat, *Sustainable development in the European Union — Monitoring report on progress
  towards the SDGs in an EU context*, methodological annex "Assessing progress towards
  quantitative targets": ratio ≥ 95 % significant progress; 60–95 % moderate progress;
  0–60 % insufficient progress; < 0 movement away from the target.
- Open SDG, ``sdg-build`` ``sdg/ProgressMeasure.py`` (github.com/open-sdg/sdg-build): default
  thresholds for a quantitative target ``{'high': 0.95, 'med': 0.6, 'low': 0}`` and the
  statuses substantial_progress / moderate_progress ("fair progress but acceleration
  needed") / limited_progress / deterioration / target_achieved.

regiondev names the bands after what they mean for a plan target (see ``CLASSIFICATIONS``).
"""

from __future__ import annotations

import math

__all__ = [
    "ACCELERATION_NEEDED",
    "ACCELERATION_RATIO",
    "BASIS_DIFFERS",
    "CLASSIFICATIONS",
    "LIMITED_PROGRESS",
    "LIMITED_RATIO",
    "MOVING_AWAY",
    "NOT_ASSESSED",
    "NO_HISTORY",
    "ON_TRACK",
    "ON_TRACK_RATIO",
    "PROGRESS_SOURCE",
    "TARGET_ALREADY_MET",
    "classify",
]

#: Ratio historical / required at or above which a target is on track (Eurostat; Open SDG 'high').
ON_TRACK_RATIO = 0.95
#: Ratio at or above which progress is moderate, so acceleration is needed (Open SDG 'med').
ACCELERATION_RATIO = 0.60
#: Ratio at or above which progress is limited; below it the indicator moves away (Open SDG 'low').
LIMITED_RATIO = 0.0

#: Where the thresholds come from (shown in reports).
PROGRESS_SOURCE = (
    "Eurostat SDG monitoring report, methodology for quantitative targets; "
    "Open SDG sdg-build ProgressMeasure (thresholds 0.95 / 0.6 / 0)"
)

ON_TRACK = "on_track"
ACCELERATION_NEEDED = "acceleration_needed"
LIMITED_PROGRESS = "limited_progress"
MOVING_AWAY = "moving_away"
TARGET_ALREADY_MET = "target_already_met"
#: A nominal required rate meets a real growth rate on record and no deflator was given.
BASIS_DIFFERS = "basis_differs"
#: A required rate exists but no growth for the same indicator is on record.
NO_HISTORY = "no_history"
#: No required rate (no baseline, scope or measure differs, increment or share target …).
NOT_ASSESSED = "not_assessed"

#: Every classification with its meaning.
CLASSIFICATIONS: dict[str, str] = {
    ON_TRACK: f"ratio ≥ {ON_TRACK_RATIO:.0%}: growth on record is enough (Eurostat: significant)",
    ACCELERATION_NEEDED: (
        f"{ACCELERATION_RATIO:.0%} ≤ ratio < {ON_TRACK_RATIO:.0%}: moderate progress, "
        "acceleration needed"
    ),
    LIMITED_PROGRESS: f"0 ≤ ratio < {ACCELERATION_RATIO:.0%}: limited (insufficient) progress",
    MOVING_AWAY: "ratio < 0: the indicator moved away from the target",
    TARGET_ALREADY_MET: "the baseline already meets the target",
    BASIS_DIFFERS: "nominal required rate vs real growth on record; pass a deflator to compare",
    NO_HISTORY: "no growth on record for the indicator",
    NOT_ASSESSED: "no required growth (see the reason)",
}


def classify(ratio: float) -> str:
    """The band of a ratio historical / required growth (both on the same price basis)."""
    if math.isnan(ratio):
        raise ValueError("ratio is NaN")
    if ratio >= ON_TRACK_RATIO:
        return ON_TRACK
    if ratio >= ACCELERATION_RATIO:
        return ACCELERATION_NEEDED
    if ratio >= LIMITED_RATIO:
        return LIMITED_PROGRESS
    return MOVING_AWAY
