"""The characters a regular expression's match can start with, as a look-ahead guard.

Python's regex engine tries the alternatives of an alternation one after the other at every
position; an alternative that opens with a named group or a nested alternation gets no quick
first-character test. ``guard(pattern)`` is a look-ahead of the characters every match of the
pattern can start with, derived from the parsed pattern, so the engine leaves the alternative
after one set test. A guard never changes a match: it holds at least every possible first
character (when that cannot be worked out — a negated class, a back-reference, a pattern that
can match the empty string — there is no guard).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

__all__ = ["fast", "first_class", "guard", "guarded_alternation"]

# re's own parser (3.11+: re._parser); imported by name, it has no type stubs. Without it (a
# Python that moved it) there are no guards: the patterns stay as written.
try:
    _parser: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - every supported Python has it
    _parser = None

_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}


class _Unknown(Exception):
    """The first characters cannot be worked out."""


def _class_items(items: Any) -> list[str]:
    out = []
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            out.append(re.escape(chr(av)))
        elif name == "RANGE":
            out.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif name == "CATEGORY" and str(av) in _CATEGORIES:
            out.append(_CATEGORIES[str(av)])
        else:  # NEGATE, or something this reader does not know
            raise _Unknown(name)
    return out


def _first(items: Any, out: list[str]) -> bool:
    """Add the classes the sequence ``items`` can start with to ``out``; True if the sequence
    can match the empty string (so what follows it can start a match too)."""
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            out.append(re.escape(chr(av)))
            return False
        if name == "IN":
            out.extend(_class_items(av))
            return False
        if name == "SUBPATTERN":
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                raise _Unknown("inline flags")
            if not _first(sub, out):
                return False
        elif name == "ATOMIC_GROUP":
            if not _first(av, out):
                return False
        elif name == "BRANCH":
            empty = False
            for alt in av[1]:
                empty |= _first(alt, out)
            if not empty:
                return False
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, _high, sub = av
            if not _first(sub, out) and low > 0:
                return False
        elif name in ("ASSERT", "ASSERT_NOT", "AT"):
            continue  # zero-width: the next item decides the first character
        else:  # ANY, NOT_LITERAL, GROUPREF, conditional groups…
            raise _Unknown(name)
    return True


@lru_cache(maxsize=512)
def first_class(pattern: str) -> str | None:
    """The body of a character class holding every first character of a match of
    ``pattern`` (``12到至`` or ``\\d前``), or None when it cannot be worked out."""
    out: list[str] = []
    if _parser is None:  # pragma: no cover
        return None
    try:
        parsed = _parser.parse(pattern)
        if parsed.state.flags & ~int(re.UNICODE):
            return None  # global flags ((?i), (?x)…) must open the pattern: no guard before
        if _first(parsed, out):
            return None  # the pattern can match the empty string: no character is needed
    except (_Unknown, re.error, RecursionError):
        return None
    return "".join(dict.fromkeys(out))


def guard(pattern: str) -> str:
    """A look-ahead on the first characters of ``pattern``, or "" when there is none."""
    cls = first_class(pattern)
    return f"(?=[{cls}])" if cls else ""


def _leading(items: Any) -> tuple[str, Any]:
    """The first operation of a parsed sequence, through non-capturing groups."""
    while items:
        op, av = items[0]
        if str(op) == "SUBPATTERN" and av[0] is None and not av[1] and not av[2]:
            items = av[3]
            continue
        return str(op), av
    return "", None


@lru_cache(maxsize=512)
def _tested_at_once(pattern: str) -> bool:
    """Whether the engine itself rejects a wrong first character of ``pattern`` as an
    alternative at one test: it opens with a literal character or a class."""
    try:
        return _leading(_parser.parse(pattern))[0] in ("LITERAL", "IN")
    except (re.error, AttributeError):  # AttributeError: no parser
        return True


@lru_cache(maxsize=512)
def _scanned_fast(pattern: str) -> bool:
    """Whether ``search`` skips to the possible first characters of ``pattern`` by itself: it
    opens (through any groups) with a literal, a class, or alternatives that each open with a
    literal character (the engine's own prefix test)."""
    try:
        items = _parser.parse(pattern)
    except (re.error, AttributeError):  # AttributeError: no parser
        return True
    while items:
        op, av = items[0]
        name = str(op)
        if name == "SUBPATTERN" and not av[1] and not av[2]:
            items = av[3]
            continue
        if name in ("LITERAL", "IN", "ASSERT"):
            return True  # (a look-ahead first: the pattern has a guard of its own)
        if name == "BRANCH":
            return all(alt and str(alt[0][0]) == "LITERAL" for alt in av[1])
        return False
    return False


def fast(pattern: str) -> str:
    """``pattern`` with a guard in front when the engine would otherwise try every position
    in full (a look-behind, a group or an optional part first): the same matches."""
    if _scanned_fast(pattern) or not (g := guard(pattern)):
        return pattern
    return f"{g}(?:{pattern})"


def guarded_alternation(alternatives: Iterable[str]) -> str:
    """The alternatives joined with ``|``, each that does not open with a literal character
    or a class behind a guard of its own: the same matches, in the same order of preference,
    with most alternatives left after one set test."""
    return "|".join(
        f"{g}(?:{a})" if not _tested_at_once(a) and (g := guard(a)) else a for a in alternatives
    )
