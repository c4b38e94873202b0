"""The extractor's cue words, read from ``data/cues.toml`` (literal words per family).

The resolvers build their patterns from these lists; the rules around the words (what may
stand before or after one) stay in the resolvers' code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from regiondev.errors import RegiondevError

__all__ = ["Lexicon", "LexiconError", "lexicon", "load", "words_pattern"]

_PATH = Path(__file__).resolve().parent.parent / "data" / "cues.toml"


class LexiconError(RegiondevError):
    """The cue-word file is malformed."""


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Cue words per family."""

    byline: tuple[str, ...]
    footer: tuple[str, ...]
    #: simplified character → traditional forms OpenCC does not give for the furniture words
    variants: dict[str, str]
    growth: tuple[str, ...]
    share: tuple[str, ...]
    #: unit → the kind of a figure in it (level, count, rank, share, other)
    unit_kind: dict[str, str]


def _words(data: dict[str, object], table: str, key: str, path: Path) -> tuple[str, ...]:
    section = data.get(table)
    value = section.get(key) if isinstance(section, dict) else None
    if not isinstance(value, list) or not value or not all(isinstance(w, str) and w for w in value):
        raise LexiconError(f"{path}: [{table}] field {key!r} must be a non-empty list of words")
    return tuple(value)


def _strings(data: dict[str, object], table: str, path: Path) -> dict[str, str]:
    value = data.get(table)
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise LexiconError(f"{path}: [{table}] must map words to strings")
    return {str(k): str(v) for k, v in value.items()}


def load(path: Path = _PATH) -> Lexicon:
    """Read and check the cue-word file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise LexiconError(f"{path}: cannot read the cue words: {exc}") from exc
    furniture = data.get("furniture")
    variants = furniture.get("variants", {}) if isinstance(furniture, dict) else {}
    if not isinstance(variants, dict):
        raise LexiconError(f"{path}: [furniture] field 'variants' must be a table")
    return Lexicon(
        byline=_words(data, "furniture", "byline", path),
        footer=_words(data, "furniture", "footer", path),
        variants={str(k): str(v) for k, v in variants.items()},
        growth=_words(data, "kind", "growth", path),
        share=_words(data, "kind", "share", path),
        unit_kind=_strings(data, "unit_kind", path),
    )


@cache
def lexicon() -> Lexicon:
    """The shipped cue words (read once)."""
    return load()


def words_pattern(words: tuple[str, ...]) -> str:
    """The literal words as one pattern, the longest word at each start preferred (so 增加了
    wins over 增加), shaped as a trie (``regiondev.wordtrie``)."""
    from regiondev.wordtrie import trie_pattern

    return trie_pattern(words)
