"""The bound cues of ``data/bound_cues.toml``: qualifiers that stand apart from their figure
(约占全国的6.4%) and the verbs of a level reached (达到X). ``claims`` combines them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from regiondev._extract.rulefile import DATA, patterns, read, section

__all__ = ["BoundCues", "bound_cues", "load"]

_PATH = DATA / "bound_cues.toml"


@dataclass(frozen=True, slots=True)
class BoundCues:
    """Everything ``claims`` reads from the file (patterns, in file order)."""

    #: each with one group: the qualifier word, read with the figure
    apart: tuple[str, ...]
    reached: tuple[str, ...]
    #: before a figure, 达: a floor in a target
    target_floor: tuple[str, ...]
    #: at the start of a goal quoted after an actual figure: a comparison, not a bound
    goal_compared: tuple[str, ...]
    #: right before a figure, 最高(补助): a cap, at most the figure
    cap: tuple[str, ...] = ()


def load(path: Path = _PATH) -> BoundCues:
    """Read and check the bound cue file."""
    data = read(path)
    apart = section(data, "apart", path)
    qualifiers = patterns(apart, "qualifiers", f"{path}: [apart]", groups=1)
    reached = section(data, "reached", path)
    verbs = patterns(reached, "verbs", f"{path}: [reached]")
    floor = patterns(reached, "target_floor", f"{path}: [reached]")
    goal = section(data, "goal", path)
    cap = section(data, "cap", path)
    return BoundCues(
        apart=qualifiers,
        reached=verbs,
        target_floor=floor,
        goal_compared=patterns(goal, "compared", f"{path}: [goal]"),
        cap=patterns(cap, "before", f"{path}: [cap]"),
    )


@cache
def bound_cues() -> BoundCues:
    """The shipped bound cues (read once)."""
    return load()
