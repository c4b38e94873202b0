"""Consistency check kinds, one small module each; :mod:`regiondev.analysis.consistency` runs them.

Every kind is a plain function from observations (and the indicator vocabulary) to a
:class:`Verdict`, and registers itself (:mod:`.registry`: roles, parameters, run); none reads
files.
"""

from regiondev.analysis.checks.base import (
    CheckStatus,
    Span,
    Verdict,
    comparability_reasons,
    compare,
    observation_from_figure,
    span_of,
    worst,
)
from regiondev.analysis.checks.chains import base_year_growth, level_additions
from regiondev.analysis.checks.comparability import comparability
from regiondev.analysis.checks.growth import average_vs_levels, prior_level, two_year_average
from regiondev.analysis.checks.part_of_whole import part_name, part_of_whole
from regiondev.analysis.checks.partition import partition
from regiondev.analysis.checks.registry import REGISTRY, CheckKind, Context, Rule, register
from regiondev.analysis.checks.repeated import repeated_figures
from regiondev.analysis.checks.rounding import (
    feasible_wholes,
    nearest_wholes,
    rounding_feasibility,
)
from regiondev.analysis.checks.share_of_counts import share_of_counts
from regiondev.analysis.checks.share_times_total import share_times_total

__all__ = [
    "KINDS",
    "REGISTRY",
    "CheckKind",
    "CheckStatus",
    "Context",
    "Rule",
    "Span",
    "Verdict",
    "average_vs_levels",
    "base_year_growth",
    "comparability",
    "comparability_reasons",
    "compare",
    "feasible_wholes",
    "level_additions",
    "nearest_wholes",
    "observation_from_figure",
    "part_name",
    "part_of_whole",
    "partition",
    "prior_level",
    "register",
    "repeated_figures",
    "rounding_feasibility",
    "share_of_counts",
    "share_times_total",
    "span_of",
    "two_year_average",
    "worst",
]

_ORDER = (
    "partition",
    "share_of_counts",
    "rounding_feasibility",
    "share_times_total",
    "growth_compounding",
    "repeated_figures",
    "comparability",
    "part_of_whole",
    "base_year_growth",
    "level_additions",
)

#: Every check kind, as named in rule files and in the ``kind`` column (the registry's keys:
#: each kind module registers itself on import).
KINDS = tuple(sorted(REGISTRY, key=lambda k: (_ORDER.index(k) if k in _ORDER else len(_ORDER), k)))
