"""The registry of check kinds: each kind module declares its roles, parameters and run.

A :class:`CheckKind` names the observation roles a rule of that kind takes (required or not,
one id or many), its parameters (with a type check that names the problem) and ``run``, which
turns one :class:`Rule` into verdicts against a :class:`Context` (the catalog, indexed once).
``register`` adds a kind; :mod:`regiondev.analysis.consistency` reads rule files and
dispatches every rule through :data:`REGISTRY`, so a new kind is one new module.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from regiondev._catalog import Catalog
from regiondev.analysis.checks.base import Verdict
from regiondev.model import Observation, Status

__all__ = [
    "REGISTRY",
    "CheckKind",
    "Context",
    "Param",
    "Role",
    "Rule",
    "fraction_rate",
    "one_of",
    "pair_id",
    "positive_int",
    "quantity_key",
    "rate_range",
    "register",
]


@dataclass(frozen=True, slots=True)
class Role:
    """An observation role of a kind: required or optional, one id or a list."""

    required: bool = True
    many: bool = False
    doc: str = ""


@dataclass(frozen=True, slots=True)
class Param:
    """A parameter of a kind: ``check`` returns the problem with a value ("" when fine)."""

    doc: str
    check: Callable[[Any], str]


@dataclass(frozen=True, slots=True)
class Rule:
    """A declared or discovered relation: which observations play which role in which kind."""

    id: str
    kind: str
    roles: dict[str, tuple[str, ...]]
    params: dict[str, Any] = field(default_factory=dict)
    note: str = ""
    origin: str = ""


class Context:
    """The catalog a rule runs against, indexed once (ids, quantities) for fast look-ups."""

    def __init__(
        self,
        cat: Catalog,
        *,
        deflator: float | None = None,
        deflator_range: tuple[float, float] | None = None,
    ) -> None:
        self.cat = cat
        self.indicators = cat.indicators
        #: A run-wide deflator assumption (``check(deflator=…)``) for rules without their own,
        #: and the plausible range an implied deflator is judged against.
        self.deflator = deflator
        self.deflator_range = deflator_range
        self._by_id = {o.id: o for o in cat.observations}
        self._by_key: dict[tuple[Any, ...], list[Observation]] = defaultdict(list)
        self._by_indicator: dict[str, list[Observation]] = defaultdict(list)
        for o in cat.observations:
            if not o.is_derived:
                self._by_key[quantity_key(o)].append(o)
                self._by_indicator[o.indicator].append(o)

    def get(self, obs_id: str) -> Observation:
        try:
            return self._by_id[obs_id]
        except KeyError:
            raise KeyError(f"no observation {obs_id!r} in the catalog") from None

    def has(self, obs_id: str) -> bool:
        return obs_id in self._by_id

    def same_quantity(self, like: Observation) -> list[Observation]:
        """``like`` and every other stated figure of the same quantity (user records included).

        Same region, indicator, period, status, breakdown, subject and increment; derived
        records are not statements and are left out. ``like`` first, the others in catalog
        order.
        """
        return [like] + [o for o in self._by_key.get(quantity_key(like), ()) if o.id != like.id]

    def find_all(
        self, like: Observation, indicator: str, predicate: Callable[[Observation], bool]
    ) -> list[Observation]:
        """Every actual, stated figure of ``indicator`` for ``like``'s region, subject and
        breakdown that satisfies ``predicate`` (catalog order)."""
        return [
            o
            for o in self._by_indicator.get(indicator, ())
            if o.region == like.region
            and o.subject == like.subject
            and o.breakdown == like.breakdown
            and o.status is Status.ACTUAL
            and predicate(o)
        ]

    def stated_or_found(
        self,
        named: Observation | None,
        found: Callable[[], list[Observation]],
    ) -> list[Observation | None]:
        """Every statement a check compares with: the named one and all of its quantity, or,
        when the rule names none, every matching figure in the catalog; [None] when none."""
        if named is not None:
            return list(self.same_quantity(named))
        hits: list[Observation | None] = list(found())
        return hits or [None]


def quantity_key(o: Observation) -> tuple[Any, ...]:
    """What makes two statements the same quantity."""
    return (o.region, o.indicator, o.period, o.status, o.breakdown, o.subject, o.increment)


def pair_id(rule_id: str, index: int, compared: Sequence[Observation | None]) -> str:
    """The first comparison keeps the rule's id; each further one names what it compares with."""
    if index == 0:
        return rule_id
    return rule_id + ":" + "+".join(o.id for o in compared if o is not None)


Run = Callable[[Rule, Context], list[Verdict]]


@dataclass(frozen=True)
class CheckKind:
    """One kind of check: its roles, parameters, cross-field validation and run."""

    name: str
    roles: Mapping[str, Role]
    run: Run
    params: Mapping[str, Param] = field(default_factory=dict)
    #: Problems with a whole rule's roles and parameters together ("" when none).
    validate: Callable[[dict[str, tuple[str, ...]], dict[str, Any]], str] | None = None
    doc: str = ""

    def one(self, rule: Rule, ctx: Context) -> dict[str, Observation]:
        """The first observation of each role the rule names."""
        return {role: ctx.get(v[0]) for role, v in rule.roles.items()}

    def many(self, rule: Rule, ctx: Context) -> dict[str, tuple[Observation, ...]]:
        """Every observation of each role the rule names."""
        return {role: tuple(ctx.get(i) for i in v) for role, v in rule.roles.items()}


#: Every check kind by name, in registration order (``KINDS`` in rule files and output).
REGISTRY: dict[str, CheckKind] = {}


def register(kind: CheckKind) -> CheckKind:
    """Add a kind to :data:`REGISTRY` (a name registered twice is a programming error)."""
    if kind.name in REGISTRY:
        raise ValueError(f"check kind {kind.name!r} registered twice")
    REGISTRY[kind.name] = kind
    return kind


# ---------------------------------------------------------------------------------------------
# Parameter checks shared by kinds


def _is_number(x: Any) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x)


def positive_int(x: Any) -> str:
    """ "" for a positive whole number, else the problem."""
    if isinstance(x, int) and not isinstance(x, bool) and x >= 1:
        return ""
    return f"must be a positive whole number, got {x!r}"


def fraction_rate(x: Any) -> str:
    """ "" for an annual rate given as a fraction in (-0.5, 1), else the problem."""
    if _is_number(x) and -0.5 < x < 1.0:
        return ""
    return f"must be an annual rate as a fraction (e.g. 0.02), got {x!r}"


def rate_range(x: Any) -> str:
    """ "" for a [low, high] pair of annual rates as fractions, low < high."""
    if (
        isinstance(x, list | tuple)
        and len(x) == 2
        and all(fraction_rate(v) == "" for v in x)
        and x[0] < x[1]
    ):
        return ""
    return f"must be [low, high] annual rates as fractions (e.g. [-0.02, 0.06]), got {x!r}"


def one_of(choices: Iterable[str]) -> Callable[[Any], str]:
    """A check that a value is one of ``choices``."""
    allowed = tuple(choices)

    def check(x: Any) -> str:
        if isinstance(x, str) and x in allowed:
            return ""
        return f"must be one of {', '.join(c or '(empty)' for c in allowed)}, got {x!r}"

    return check
