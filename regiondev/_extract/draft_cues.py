"""The cues of draft records, read from ``data/draft_cues.toml``: what marks a figure as a part
of a total (其中, 分行业, a sector) and the labels of a byline's outlet. ``drafts`` combines
them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from regiondev._extract.rulefile import DATA, RuleFileError, alternation, patterns, read, section
from regiondev._extract.rulefile import words as word_list

__all__ = ["DraftCues", "draft_cues", "load"]

_PATH = DATA / "draft_cues.toml"


@dataclass(frozen=True, slots=True)
class DraftCues:
    """Everything ``drafts`` reads from the file."""

    part_of: tuple[str, ...]
    #: a word of ``part_of`` → the sector it names (primary, secondary, tertiary)
    sectors: dict[str, str]
    bare_clause: tuple[str, ...]
    #: outlet labels, preferred first
    labels: tuple[str, ...]
    label_prefix: tuple[str, ...]
    ends: tuple[str, ...]
    counts: tuple[str, ...]


def load(path: Path = _PATH) -> DraftCues:
    """Read and check the draft cue file."""
    data = read(path)
    part = section(data, "breakdown", path)
    outlet = section(data, "outlet", path)
    b, o = f"{path}: [breakdown]", f"{path}: [outlet]"
    part_of = patterns(part, "part_of", b)
    sectors = part.get("sectors")
    if not isinstance(sectors, dict) or not sectors:
        raise RuleFileError(f"{b} field 'sectors' must map words to sector names")
    marker = re.compile(alternation(part_of))
    for word, name in sectors.items():
        if not isinstance(name, str) or not name:
            raise RuleFileError(f"{b} field 'sectors' item {word!r} must name a sector")
        if marker.fullmatch(word) is None:
            raise RuleFileError(f"{b} field 'sectors' item {word!r} is no word of 'part_of'")
    labels = word_list(outlet, "labels", o)
    if len(set(labels)) != len(labels):
        raise RuleFileError(f"{o} field 'labels' names a label twice")
    return DraftCues(
        part_of=part_of,
        sectors=dict(sectors),
        bare_clause=patterns(part, "bare_clause", b),
        labels=labels,
        label_prefix=patterns(outlet, "label_prefix", o),
        ends=patterns(outlet, "ends", o),
        counts=patterns(outlet, "counts", o),
    )


@cache
def draft_cues() -> DraftCues:
    """The shipped draft cues (read once)."""
    return load()
