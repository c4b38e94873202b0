"""The place cues of ``data/place_cues.toml``: the words around a place name that make it a
field of comparison (全国第4位, 占全省比重), part of another name (全国总部, 株洲日报) or one of a
list, rather than the subject of a figure. ``resolve_place`` combines them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from regiondev._extract.rulefile import DATA, RuleFileError, pattern, patterns, read, section, words

__all__ = ["PlaceCues", "load", "place_cues"]

_PATH = DATA / "place_cues.toml"


@dataclass(frozen=True, slots=True)
class PlaceCues:
    """Everything ``resolve_place`` reads from the file (patterns and words, in file order)."""

    comparison_lead: tuple[str, ...]
    comparison_after: tuple[str, ...]
    #: single characters
    field_before: tuple[str, ...]
    yardstick_before: tuple[str, ...]
    ranked_in: tuple[str, ...]
    rank_words: tuple[str, ...]
    ranking_after: tuple[str, ...]
    name_after: tuple[str, ...]
    name_suffixes: tuple[str, ...]
    national_hints: tuple[str, ...]
    list_join: str
    list_examples: str
    list_opens: tuple[str, ...]
    project_words: tuple[str, ...]


def load(path: Path = _PATH) -> PlaceCues:
    """Read and check the place cue file."""
    data = read(path)
    comparison = section(data, "comparison", path)
    ranking = section(data, "ranking", path)
    name = section(data, "name", path)
    listing = section(data, "list", path)
    where = f"{path}: [comparison]"
    field_before = words(comparison, "field_before", where)
    if any(len(w) != 1 for w in field_before):
        raise RuleFileError(f"{where} field 'field_before' must list single characters")
    return PlaceCues(
        comparison_lead=words(comparison, "after_lead", where),
        comparison_after=patterns(comparison, "after", where),
        field_before=field_before,
        yardstick_before=patterns(comparison, "yardstick_before", where),
        ranked_in=words(ranking, "ranked_in", f"{path}: [ranking]"),
        rank_words=words(ranking, "rank_words", f"{path}: [ranking]"),
        ranking_after=patterns(ranking, "ranking_after", f"{path}: [ranking]"),
        name_after=patterns(name, "after", f"{path}: [name]"),
        name_suffixes=words(name, "suffixes", f"{path}: [name]"),
        national_hints=patterns(section(data, "national", path), "hints", f"{path}: [national]"),
        list_join=pattern(listing, "join", f"{path}: [list]"),
        list_examples=pattern(listing, "examples", f"{path}: [list]"),
        list_opens=words(listing, "opens", f"{path}: [list]"),
        project_words=words(listing, "project_words", f"{path}: [list]"),
    )


@cache
def place_cues() -> PlaceCues:
    """The shipped place cues (read once)."""
    return load()
