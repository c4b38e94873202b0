"""The indicator cues, read from ``data/indicator_cues.toml``: which words name which catalog
indicator per (kind, unit) of a figure, the subjects that are none of them, and the subjects
that decide a growth rate's basis. The resolver (``resolve_indicator``) combines them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from regiondev._extract.rulefile import DATA, RuleFileError, pattern, patterns, read, section, text

__all__ = ["IndicatorCode", "IndicatorCues", "IndicatorRule", "indicator_cues", "load"]

_PATH = DATA / "indicator_cues.toml"
#: the kinds a figure can have (the kind resolver's vocabulary)
KINDS = frozenset({"level", "count", "share", "growth", "rank", "other"})


@dataclass(frozen=True, slots=True)
class IndicatorCode:
    """The indicator a cue names for a figure of this kind and unit."""

    kind: str
    unit: str
    code: str


@dataclass(frozen=True, slots=True)
class IndicatorRule:
    """A cue (a pattern) and the indicators it names."""

    cue: str
    codes: tuple[IndicatorCode, ...]
    #: characters before the cue where its subject is named (0: the cue is the subject)
    subject_before: int


@dataclass(frozen=True, slots=True)
class IndicatorCues:
    """Everything the indicator resolver reads from the file."""

    rules: tuple[IndicatorRule, ...]
    other_subject: tuple[str, ...]
    other_counted: str
    clause_own: tuple[str, ...]
    month_on_month: tuple[str, ...]
    nominal: tuple[str, ...]
    real: tuple[str, ...]
    not_counted_first: str
    #: measure (a model.Measure value) → the words naming it, in file order
    measure: tuple[tuple[str, tuple[str, ...]], ...]


def _code(item: Any, where: str) -> IndicatorCode:
    from regiondev.numbers import UNITS

    if not isinstance(item, dict):
        raise RuleFileError(f"{where} must be a table with kind, unit and code")
    kind = text(item, "kind", where)
    unit = text(item, "unit", where)
    code = text(item, "code", where)
    if kind not in KINDS:
        raise RuleFileError(f"{where} field 'kind': {kind!r} is none of {sorted(KINDS)}")
    if unit not in UNITS:
        raise RuleFileError(f"{where} field 'unit': {unit!r} is no unit code of regiondev")
    return IndicatorCode(kind, unit, code)


def _rule(item: Any, i: int, path: Path) -> IndicatorRule:
    where = f"{path}: [[rule]] {i + 1}"
    if not isinstance(item, dict):
        raise RuleFileError(f"{where} must be a table")
    cue = pattern(item, "cue", where)
    where = f"{where} ({cue!r})"
    codes = item.get("codes")
    if not isinstance(codes, list) or not codes:
        raise RuleFileError(f"{where} field 'codes' must be a non-empty list")
    before = item.get("subject_before", 0)
    if not isinstance(before, int) or isinstance(before, bool) or before < 0:
        raise RuleFileError(f"{where} field 'subject_before' must be a whole number >= 0")
    return IndicatorRule(
        cue=cue,
        codes=tuple(_code(c, f"{where} field 'codes' item {j + 1}") for j, c in enumerate(codes)),
        subject_before=before,
    )


def _measures(table: dict[str, Any], path: Path) -> tuple[tuple[str, tuple[str, ...]], ...]:
    from regiondev.model import Measure

    known = {m.value for m in Measure}
    out = []
    for name in table:
        if name not in known:
            raise RuleFileError(f"{path}: [measure] field {name!r} is no measure of regiondev")
        out.append((name, patterns(table, name, f"{path}: [measure]")))
    return tuple(out)


def load(path: Path = _PATH) -> IndicatorCues:
    """Read and check the indicator cue file."""
    data = read(path)
    rules = data.get("rule")
    if not isinstance(rules, list) or not rules:
        raise RuleFileError(f"{path}: no [[rule]] records")
    subjects = section(data, "subjects", path)
    basis = section(data, "basis", path)
    counted = section(data, "counted", path)
    parsed = tuple(_rule(r, i, path) for i, r in enumerate(rules))
    seen: set[str] = set()
    for i, rule in enumerate(parsed):
        if rule.cue in seen:
            raise RuleFileError(f"{path}: [[rule]] {i + 1} field 'cue': {rule.cue!r} again")
        seen.add(rule.cue)
    return IndicatorCues(
        rules=parsed,
        other_subject=patterns(subjects, "other", f"{path}: [subjects]"),
        other_counted=pattern(subjects, "other_counted", f"{path}: [subjects]"),
        clause_own=patterns(subjects, "clause_own", f"{path}: [subjects]"),
        month_on_month=patterns(subjects, "month_on_month", f"{path}: [subjects]"),
        nominal=patterns(basis, "nominal", f"{path}: [basis]"),
        real=patterns(basis, "real", f"{path}: [basis]"),
        not_counted_first=text(counted, "not_first", f"{path}: [counted]"),
        measure=_measures(section(data, "measure", path), path),
    )


@cache
def indicator_cues() -> IndicatorCues:
    """The shipped indicator cues (read once)."""
    return load()
