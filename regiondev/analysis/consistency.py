"""Consistency checks: do the reported figures agree with each other?

``check()`` runs every relation the catalog makes checkable and explains each verdict:

* **discovered** relations — a partition (records of one indicator, period and source with
  ``breakdown = "dim=member"`` next to a whole without breakdown; a member ending in
  ``_each`` states a figure per member and is not a part; a ``residual=...`` record, counted
  in the whole but in no member, joins every partition of its whole), repeated figures (the same
  indicator, region, period, status, breakdown and subject stated more than once: a county's
  GDP, with its subject, is no restatement of the city's) and parts of a whole (every record
  of an additive level or count with a ``subject`` or a ``breakdown`` is no larger than the
  whole: the record of the same indicator, region, period and status with neither; ids
  ``auto-part-of-whole-<part id>``; a part already in a partition of that whole is left to the
  partition check) and shares of a total (a share figure, its part and the total the share
  indicator names as ``denominator``, of the same region, subject, breakdown, period and
  status: ``shares.share_pairs``, the pairs growth derives baselines from; kind
  ``share_times_total``, ids ``auto-share-total-<share id>``; a triple a declared rule already
  compares is left to that rule);
* **declared** relations in ``regiondev/data/checks.toml`` and in any user rule file of
  the same format (``rules=[path, ...]``; CLI ``--rules``).

An implied value is compared with **every** statement of the quantity it implies, not only the
one a rule names: ``share_times_total`` checks part / share against the named ``total`` and
against every other record of the same region, indicator, period, status, breakdown and
subject (user records included); growth checks do the same for a named or looked-up prior
level, earlier growth or end level. Each comparison is its own verdict: the first keeps the
rule's id, each further one is ``<rule id>:<observation id(s)>`` (e.g.
``zz21-hightech-share-implies-gdp-2020:x-gdp-2020``).

Rule file format (TOML)::

    [[check]]
    id = "zz21-hightech-implied-gdp-2020"     # unique check id
    kind = "share_times_total"                # one of checks.KINDS
    part = "zz21-hightech-va-2020"            # observation ids, by role (see ROLES)
    share = "zz21-hightech-va-share-gdp-2020"
    total = "zz21-gdp-2020"
    note = "why the relation holds"           # optional, for reviewers

    [[check]]                                 # one part no larger than its whole (a
    id = "rail-profit-within-total"           # partition needs at least two parts)
    kind = "part_of_whole"
    part = "x-rail-profit-2023"
    whole = "x-industrial-profit-2023"        # or a list: the whole restated

    [[ignore]]                                # silence a discovered check, with a reason
    check = "auto-partition-..."
    reason = "..."

Verdict columns (``CheckResult.to_frame()``): ``check_id``, ``kind``, ``status`` (pass,
warn, fail, not_comparable, not_checkable), ``observation_ids`` (list), ``expected`` and
``actual`` (human-readable strings showing intervals, e.g. ``[3104.24, 3115.35] 亿元``),
``tolerance`` and ``tolerance_source`` (strings), ``message`` (one plain-English sentence),
``rule`` (``discovered``, or the rule file), and the numeric ends ``expected_low``,
``expected_high``, ``actual_low``, ``actual_high`` (floats; ±inf for unbounded ends, NaN
where not numeric; null in JSON).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar

from regiondev._safe_io import load_toml
from regiondev.analysis.checks import (
    KINDS,
    CheckStatus,
    Verdict,
    average_vs_levels,
    comparability,
    part_of_whole,
    partition,
    prior_level,
    repeated_figures,
    rounding_feasibility,
    share_of_counts,
    share_times_total,
    two_year_average,
)
from regiondev.analysis.checks.base import ADDITIVE_MEASURES
from regiondev.analysis.checks.comparability import NAIVE
from regiondev.analysis.checks.growth import prior_period
from regiondev.analysis.shares import same_scope, share_pairs, share_wholes
from regiondev.catalog import Catalog
from regiondev.errors import InputFileError, RegiondevError
from regiondev.model import Measure, Observation, Status
from regiondev.results import TableResult

__all__ = [
    "FRAME_COLUMNS",
    "ROLES",
    "CheckResult",
    "Rule",
    "RuleError",
    "check",
    "discover",
    "load_rules",
    "shipped_rules_path",
]

DISCOVERED = "discovered"

#: Roles each kind takes: name → (required, many). ``many`` roles take a list of ids.
ROLES: dict[str, dict[str, tuple[bool, bool]]] = {
    "partition": {"whole": (True, True), "parts": (True, True)},
    "share_of_counts": {"part": (True, True), "whole": (True, False), "share": (True, False)},
    "rounding_feasibility": {"count": (True, False), "share": (True, False)},
    "share_times_total": {"part": (True, False), "share": (True, False), "total": (True, False)},
    "growth_compounding": {
        "average": (False, False),
        "current": (False, False),
        "previous": (False, False),
        "level": (False, False),
        "growth": (False, False),
        "prior": (False, False),
        "start": (False, False),
        "end": (False, False),
    },
    "repeated_figures": {"observations": (True, True)},
    "comparability": {"a": (True, False), "b": (True, False)},
    "part_of_whole": {"part": (True, False), "whole": (True, True)},
}

#: growth_compounding modes and their required roles.
MODES: dict[str, tuple[str, ...]] = {
    "two_year_average": ("average", "current"),
    "prior_level": ("level", "growth"),
    "average_vs_levels": ("growth",),
}

#: Parameters (non-observation keys) each kind accepts.
PARAMS: dict[str, frozenset[str]] = {
    "share_of_counts": frozenset({"multiplier"}),
    "growth_compounding": frozenset({"mode", "deflator"}),
    "comparability": frozenset({"naive"}),
}

#: Measures whose parts add up to a whole.
ADDITIVE: frozenset[Measure] = ADDITIVE_MEASURES

FRAME_COLUMNS: dict[str, str] = {
    "check_id": "String",
    "kind": "String",
    "status": "String",
    "observation_ids": "List(String)",
    "expected": "String",
    "actual": "String",
    "tolerance": "String",
    "tolerance_source": "String",
    "message": "String",
    "rule": "String",
    "expected_low": "Float64",
    "expected_high": "Float64",
    "actual_low": "Float64",
    "actual_high": "Float64",
}


class RuleError(RegiondevError):
    """A rule file is unreadable or a rule is malformed; names the file, rule and problem."""

    def __init__(self, file: str, rule: str, problem: str) -> None:
        self.file, self.rule, self.problem = file, rule, problem
        where = f"{file}: check {rule!r}" if rule else file
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True, slots=True)
class Rule:
    """A declared relation: which observations play which role in which kind of check."""

    id: str
    kind: str
    roles: dict[str, tuple[str, ...]]
    params: dict[str, Any] = field(default_factory=dict)
    note: str = ""
    origin: str = ""


@dataclass(frozen=True, repr=False)
class CheckResult(TableResult):
    """All verdicts; ``to_frame()`` (polars), ``to_markdown()``, ``_repr_html_()``, ``failed()``."""

    verdicts: tuple[Verdict, ...]
    view: ClassVar[str] = "check"
    repr_rows: ClassVar[int] = 5
    title: str = "Consistency checks"
    display_columns: tuple[str, ...] = (
        "check_id",
        "kind",
        "status",
        "expected",
        "actual",
        "message",
    )

    def __len__(self) -> int:
        return len(self.verdicts)

    def __iter__(self) -> Iterator[Verdict]:
        return iter(self.verdicts)

    def get(self, check_id: str) -> Verdict:
        for v in self.verdicts:
            if v.check_id == check_id:
                return v
        raise KeyError(f"no check {check_id!r}")

    def with_status(self, *statuses: str | CheckStatus) -> CheckResult:
        wanted = {CheckStatus(s) for s in statuses}
        kept = tuple(v for v in self.verdicts if v.status in wanted)
        return CheckResult(kept, self.title, self.display_columns)

    def failed(self) -> CheckResult:
        """Only the checks that fail."""
        return self.with_status(CheckStatus.FAIL)

    def counts(self) -> dict[str, int]:
        """How many checks ended in each status (every status listed)."""
        out = {s.value: 0 for s in CheckStatus}
        for v in self.verdicts:
            out[v.status.value] += 1
        return out

    def repr_frame(self) -> Any:
        """Failures first, then warnings, then the rest, each in check order."""
        import polars as pl

        order = {"fail": 0, "warn": 1, "not_comparable": 2, "not_checkable": 3, "pass": 4}
        frame = self.to_frame()
        rank = pl.col("status").replace_strict(order, default=5, return_dtype=pl.Int64)
        return frame.sort(rank, maintain_order=True)

    def summary_line(self) -> str:
        """``28 checks: 19 pass, 1 fail, …`` (every status with a count)."""
        counts = ", ".join(f"{n} {s}" for s, n in self.counts().items() if n)
        n = len(self.verdicts)
        return f"{n} check{'s' if n != 1 else ''}: {counts}"

    def to_frame(self) -> Any:
        import polars as pl

        schema: dict[str, Any] = {
            "check_id": pl.String,
            "kind": pl.String,
            "status": pl.String,
            "observation_ids": pl.List(pl.String),
            "expected": pl.String,
            "actual": pl.String,
            "tolerance": pl.String,
            "tolerance_source": pl.String,
            "message": pl.String,
            "rule": pl.String,
            "expected_low": pl.Float64,
            "expected_high": pl.Float64,
            "actual_low": pl.Float64,
            "actual_high": pl.Float64,
        }
        rows = [
            {
                "check_id": v.check_id,
                "kind": v.kind,
                "status": v.status.value,
                "observation_ids": list(v.observation_ids),
                "expected": v.expected,
                "actual": v.actual,
                "tolerance": v.tolerance,
                "tolerance_source": v.tolerance_source,
                "message": v.message,
                "rule": v.rule,
                "expected_low": v.expected_low,
                "expected_high": v.expected_high,
                "actual_low": v.actual_low,
                "actual_high": v.actual_high,
            }
            for v in self.verdicts
        ]
        return pl.DataFrame(rows, schema=schema, orient="row")


# ---------------------------------------------------------------------------------------------
# Rules


def shipped_rules_path() -> Path:
    """``regiondev/data/checks.toml``: the declared relations shipped with the package."""
    return Path(str(resources.files("regiondev") / "data" / "checks.toml"))


def _ids(value: Any, file: str, rid: str, role: str, many: bool) -> tuple[str, ...]:
    if isinstance(value, str) and value:
        return (value,)
    if many and isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return tuple(value)
    shape = "an observation id or a list of ids" if many else "an observation id (a string)"
    raise RuleError(file, rid, f"role {role!r} must be {shape}, got {value!r}")


def _rule(rec: Any, file: str) -> Rule:
    if not isinstance(rec, dict):
        raise RuleError(file, "", "each [[check]] must be a table")
    rid = rec.get("id")
    if not isinstance(rid, str) or not rid:
        raise RuleError(file, "", "a check needs an id (a non-empty string)")
    kind = rec.get("kind")
    if kind not in KINDS:
        raise RuleError(file, rid, f"kind {kind!r} is not one of: {', '.join(KINDS)}")
    roles_spec = ROLES[kind]
    params_allowed = PARAMS.get(kind, frozenset())
    unknown = set(rec) - {"id", "kind", "note"} - set(roles_spec) - params_allowed
    if unknown:
        allowed = ", ".join([*roles_spec, *sorted(params_allowed), "note"])
        raise RuleError(
            file, rid, f"unknown key(s) {', '.join(sorted(unknown))} for {kind}; allowed: {allowed}"
        )
    roles: dict[str, tuple[str, ...]] = {}
    for role, (required, many) in roles_spec.items():
        if role in rec:
            roles[role] = _ids(rec[role], file, rid, role, many)
        elif required:
            raise RuleError(file, rid, f"{kind} needs the role {role!r}")
    params = {k: rec[k] for k in params_allowed if k in rec}
    _check_params(kind, roles, params, file, rid)
    note = rec.get("note", "")
    if not isinstance(note, str):
        raise RuleError(file, rid, "note must be a string")
    return Rule(rid, kind, roles, params, note, file)


def _check_params(
    kind: str, roles: dict[str, tuple[str, ...]], params: dict[str, Any], file: str, rid: str
) -> None:
    if kind == "partition" and len(roles["parts"]) < 2:
        raise RuleError(
            file,
            rid,
            "a partition needs at least two parts; for a single part no larger than its whole "
            'declare kind = "part_of_whole" with part and whole (a part with a subject or a '
            "breakdown is checked against its whole automatically: auto-part-of-whole-<part id>)",
        )
    if kind == "repeated_figures" and len(roles["observations"]) < 2:
        raise RuleError(file, rid, "repeated_figures needs at least two observations")
    if kind == "share_of_counts" and "multiplier" in params:
        m = params["multiplier"]
        if not isinstance(m, int) or isinstance(m, bool) or m < 1:
            raise RuleError(file, rid, f"multiplier must be a positive whole number, got {m!r}")
    if kind == "comparability" and params.get("naive", "") not in NAIVE:
        raise RuleError(file, rid, f"naive must be one of {', '.join(n for n in NAIVE if n)}")
    if kind == "growth_compounding":
        mode = params.get("mode")
        if mode not in MODES:
            raise RuleError(file, rid, f"mode {mode!r} is not one of: {', '.join(MODES)}")
        missing = [r for r in MODES[mode] if r not in roles]
        if missing:
            raise RuleError(file, rid, f"mode {mode} needs the role(s) {', '.join(missing)}")
        allowed = {
            "two_year_average": {"average", "current", "previous"},
            "prior_level": {"level", "growth", "prior"},
            "average_vs_levels": {"growth", "start", "end"},
        }[mode]
        extra = set(roles) - allowed
        if extra:
            raise RuleError(file, rid, f"mode {mode} takes no role(s) {', '.join(sorted(extra))}")
        if "deflator" in params:
            d = params["deflator"]
            if (
                not isinstance(d, int | float)
                or isinstance(d, bool)
                or not math.isfinite(d)
                or not -0.5 < d < 1.0
            ):
                raise RuleError(
                    file,
                    rid,
                    f"deflator must be an annual rate as a fraction (e.g. 0.02), got {d!r}",
                )
            if mode == "two_year_average":
                raise RuleError(file, rid, "a two-year average takes no deflator")


def load_rules(path: str | Path) -> tuple[tuple[Rule, ...], dict[str, str]]:
    """Read a rule file: its rules and its ``[[ignore]]`` entries (check id → reason)."""
    p = Path(path)
    file = str(p)
    try:
        data = load_toml(p)
    except InputFileError as exc:
        problem = "no such rule file" if exc.problem == "no such file" else exc.problem
        raise RuleError(file, "", problem) from None
    unknown = set(data) - {"check", "ignore", "title"}
    if unknown:
        raise RuleError(
            file,
            "",
            f"unknown table(s) {', '.join(sorted(unknown))}; expected [[check]], [[ignore]]",
        )
    checks = data.get("check", [])
    if not isinstance(checks, list):
        raise RuleError(file, "", "check must be an array of tables ([[check]])")
    rules = tuple(_rule(rec, file) for rec in checks)
    ignores: dict[str, str] = {}
    for rec in data.get("ignore", []):
        if not isinstance(rec, dict) or not rec.get("check") or not rec.get("reason"):
            raise RuleError(file, "", "each [[ignore]] needs check and reason")
        ignores[str(rec["check"])] = str(rec["reason"])
    return rules, ignores


# ---------------------------------------------------------------------------------------------
# Discovery


def _slug(text: str) -> str:
    return text.replace("=", "-").replace("_", "-").lower()


def _unique(rid: str, used: set[str], qualifiers: Sequence[str]) -> str:
    """``rid``, or ``rid`` with the qualifiers that tell it apart when another rule has it."""
    if rid in used:
        rid = "-".join([rid, *(_slug(q) for q in qualifiers if q)])
    used.add(rid)
    return rid


def discover(cat: Catalog) -> tuple[Rule, ...]:
    """Relations the catalog's structure makes checkable: partitions, repeated figures, parts
    of a whole and shares of a total."""
    rules: list[Rule] = []
    used: set[str] = set()
    groups: dict[tuple[Any, ...], list[Observation]] = defaultdict(list)
    residuals: dict[tuple[Any, ...], list[str]] = defaultdict(list)
    for o in cat.observations:
        if o.is_derived or cat.indicators[o.indicator].measure not in ADDITIVE:
            continue
        base = (o.source, o.region, o.indicator, o.period, o.status, o.increment)
        if o.breakdown.startswith("residual="):
            residuals[base].append(o.id)
        else:
            groups[(*base, o.subject)].append(o)
    for key, members in groups.items():
        wholes = tuple(o.id for o in members if not o.breakdown)
        dims: dict[str, dict[str, str]] = defaultdict(dict)
        for o in members:
            dim, eq, member = o.breakdown.partition("=")
            if o.breakdown and eq and member and not member.endswith("_each"):
                dims[dim].setdefault(member, o.id)
        for dim, parts in dims.items():
            if wholes and len(parts) >= 2:
                source, _, indicator, period, _, _, subject = key
                rid = f"auto-partition-{source}-{_slug(indicator)}-{period}-{_slug(dim)}"
                if subject:
                    rid += f"-{_slug(subject)}"
                region, status, increment = key[1], key[4], key[5]
                quals = [region.value, status.value, "increment" if increment else ""]
                rid = _unique(rid, used, quals)
                rest = tuple(residuals.get(key[:-1], ()))
                rules.append(
                    Rule(
                        rid,
                        "partition",
                        {"whole": wholes, "parts": (*parts.values(), *rest)},
                        origin=DISCOVERED,
                    )
                )
    same: dict[tuple[Any, ...], list[str]] = defaultdict(list)
    for o in cat.observations:
        if o.is_derived:
            continue
        # the same subject and breakdown: a county's GDP is no restatement of the city's
        same[_key(o)].append(o.id)
    for key, obs_ids in same.items():
        if len(obs_ids) >= 2:
            region, indicator, period, status, breakdown, subject, increment = key
            rid = f"auto-repeated-{region.value}-{_slug(indicator)}-{period}"
            for extra in (breakdown, subject):
                if extra:
                    rid += f"-{_slug(extra)}"
            rid = _unique(rid, used, [status.value, "increment" if increment else ""])
            rules.append(
                Rule(rid, "repeated_figures", {"observations": tuple(obs_ids)}, origin=DISCOVERED)
            )
    rules.extend(_discover_parts(cat, _covered(rules)))
    rules.extend(_discover_shares(cat))
    return tuple(rules)


def _covered(rules: Sequence[Rule]) -> set[tuple[str, str]]:
    """(part id, whole id) pairs a partition rule already checks (the sum against the whole)."""
    return {
        (p, w)
        for r in rules
        if r.kind == "partition"
        for p in r.roles["parts"]
        for w in r.roles["whole"]
    }


def _is_part(o: Observation) -> bool:
    """A record about a part of its region: a subject, or a breakdown member (not ``_each``)."""
    if o.breakdown:
        return not o.breakdown.partition("=")[2].endswith("_each")
    return bool(o.subject)


def _discover_parts(cat: Catalog, covered: set[tuple[str, str]]) -> list[Rule]:
    """One ``part_of_whole`` rule per part of an additive level or count that has a whole.

    The whole is every stated record of the same indicator, region, period, status and
    increment with neither subject nor breakdown (any source). A whole a partition rule already
    compares the part with is left out; a part left with no whole gets no rule.
    """
    wholes: dict[tuple[Any, ...], list[str]] = defaultdict(list)
    parts: list[Observation] = []
    for o in cat.observations:
        if o.is_derived or cat.indicators[o.indicator].measure not in ADDITIVE:
            continue
        if not o.subject and not o.breakdown:
            wholes[(o.region, o.indicator, o.period, o.status, o.increment)].append(o.id)
        elif _is_part(o):
            parts.append(o)
    rules: list[Rule] = []
    for o in parts:
        key = (o.region, o.indicator, o.period, o.status, o.increment)
        left = tuple(w for w in wholes.get(key, ()) if (o.id, w) not in covered)
        if left:
            rules.append(
                Rule(
                    f"auto-part-of-whole-{o.id}",
                    "part_of_whole",
                    {"part": (o.id,), "whole": left},
                    origin=DISCOVERED,
                )
            )
    return rules


def _discover_shares(cat: Catalog) -> list[Rule]:
    """One ``share_times_total`` rule per (part, share) pair that has a stated total.

    The pairs are ``shares.share_pairs`` (the reading of the indicator metadata growth derives
    baselines from): a share, its part and a total of the share's ``denominator``, all stated
    (not derived), of the same region, subject, breakdown, period and status, none an
    increment. The rule names the first total in catalog order; running it compares the
    implied total with every statement of it (``_same_quantity``). Id
    ``auto-share-total-<share id>``, or ``auto-share-total-<share id>-<part id>`` for each part
    when the share has several.
    """
    found: list[tuple[Observation, Observation, Observation]] = []
    for whole in share_wholes(cat.indicators):
        for pair in share_pairs(cat, whole, bounded=False):
            p, s = pair.part, pair.share
            if p.is_derived or s.is_derived:
                continue
            total = next(
                (
                    o
                    for o in cat.observations
                    if o.indicator == whole
                    and o.period == s.period
                    and o.status == s.status
                    and same_scope(o, s)
                    and not o.increment
                    and not o.is_derived
                ),
                None,
            )
            if total is not None:
                found.append((p, s, total))
    parts_of = Counter(s.id for _, s, _ in found)
    return [
        Rule(
            f"auto-share-total-{s.id}" + (f"-{p.id}" if parts_of[s.id] > 1 else ""),
            "share_times_total",
            {"part": (p.id,), "share": (s.id,), "total": (t.id,)},
            origin=DISCOVERED,
        )
        for p, s, t in found
    ]


# ---------------------------------------------------------------------------------------------
# Running


def _key(o: Observation) -> tuple[Any, ...]:
    """What makes two statements the same quantity."""
    return (o.region, o.indicator, o.period, o.status, o.breakdown, o.subject, o.increment)


def _same_quantity(cat: Catalog, like: Observation) -> list[Observation]:
    """``like`` and every other stated figure of the same quantity (user records included).

    Same region, indicator, period, status, breakdown, subject and increment; derived records
    are not statements and are left out. ``like`` comes first, the others in catalog order.
    """
    key = _key(like)
    return [like] + [
        o for o in cat.observations if o.id != like.id and not o.is_derived and _key(o) == key
    ]


def _find_all(cat: Catalog, like: Observation, indicator: str, predicate: Any) -> list[Observation]:
    """Every actual, stated figure of ``indicator`` for ``like``'s region, subject and breakdown
    that satisfies ``predicate`` (catalog order)."""
    return [
        o
        for o in cat.observations
        if o.indicator == indicator
        and o.region == like.region
        and o.subject == like.subject
        and o.breakdown == like.breakdown
        and o.status is Status.ACTUAL
        and not o.is_derived
        and predicate(o)
    ]


def _pair_id(rule_id: str, index: int, compared: Sequence[Observation | None]) -> str:
    """The first comparison keeps the rule's id; each further one names what it compares with."""
    if index == 0:
        return rule_id
    return rule_id + ":" + "+".join(o.id for o in compared if o is not None)


def _run(rule: Rule, cat: Catalog) -> list[Verdict]:
    """A rule's verdicts: one, or one per statement compared with (see ``_same_quantity``)."""
    one = {role: cat.get(v[0]) for role, v in rule.roles.items()}
    many = {role: tuple(cat.get(i) for i in v) for role, v in rule.roles.items()}
    ind = cat.indicators
    rid, origin = rule.id, rule.origin
    match rule.kind:
        case "partition":
            return [partition(rid, many["whole"], many["parts"], ind, rule=origin)]
        case "share_of_counts":
            return [
                share_of_counts(
                    rid,
                    many["part"],
                    one["whole"],
                    one["share"],
                    ind,
                    multiplier=int(rule.params.get("multiplier", 1)),
                    rule=origin,
                )
            ]
        case "rounding_feasibility":
            return [rounding_feasibility(rid, one["count"], one["share"], ind, rule=origin)]
        case "share_times_total":
            # the implied total against every statement of it, not only the one named
            totals = _same_quantity(cat, one["total"])
            return [
                share_times_total(
                    _pair_id(rid, i, [t]), one["part"], one["share"], t, ind, rule=origin
                )
                for i, t in enumerate(totals)
            ]
        case "repeated_figures":
            return [repeated_figures(rid, many["observations"], ind, rule=origin)]
        case "part_of_whole":
            return [part_of_whole(rid, one["part"], many["whole"], ind, rule=origin)]
        case "comparability":
            return [
                comparability(
                    rid,
                    one["a"],
                    one["b"],
                    ind,
                    naive=str(rule.params.get("naive", "")),
                    rule=origin,
                )
            ]
        case "growth_compounding":
            return _run_growth(rule, cat, one)
    raise AssertionError(rule.kind)  # pragma: no cover - kinds are validated on load


def _stated_or_found(
    cat: Catalog,
    one: dict[str, Observation],
    role: str,
    found: Callable[[], list[Observation]],
) -> list[Observation | None]:
    """Every statement a growth check compares with: the named one and all of its quantity,
    or, when the rule names none, every matching figure in the catalog; [None] when none."""
    named = one.get(role)
    if named is not None:
        return list(_same_quantity(cat, named))
    hits: list[Observation | None] = list(found())
    return hits or [None]


def _run_growth(rule: Rule, cat: Catalog, one: dict[str, Observation]) -> list[Verdict]:
    """Growth checks against every stated figure of the compared quantity.

    An optional figure the rule leaves out is looked up; every figure found (and every other
    statement of a named one) gets its own verdict.
    """
    ind = cat.indicators
    rid, origin = rule.id, rule.origin
    raw = rule.params.get("deflator")
    deflator = float(raw) if raw is not None else None
    mode = rule.params["mode"]
    if mode == "two_year_average":
        cur = one["current"]
        earlier = prior_period(cur.period)
        prevs = _stated_or_found(
            cat,
            one,
            "previous",
            lambda: _find_all(cat, cur, cur.indicator, lambda o: o.period == earlier),
        )
        return [
            two_year_average(_pair_id(rid, i, [p]), one["average"], cur, p, ind, rule=origin)
            for i, p in enumerate(prevs)
        ]
    if mode == "prior_level":
        lev = one["level"]
        earlier = prior_period(lev.period)
        priors = _stated_or_found(
            cat,
            one,
            "prior",
            lambda: _find_all(cat, lev, lev.indicator, lambda o: o.period == earlier),
        )
        return [
            prior_level(
                _pair_id(rid, i, [p]), lev, one["growth"], p, ind, deflator=deflator, rule=origin
            )
            for i, p in enumerate(priors)
        ]
    growth = one["growth"]
    level_code = ind[growth.indicator].of
    known = one.get("end") or one.get("start")
    code = known.indicator if known else level_code
    first, last = growth.period.start_year - 1, growth.period.end_year

    def at(year: int) -> Callable[[], list[Observation]]:
        return lambda: (
            _find_all(
                cat,
                growth,
                code,
                lambda o: o.period.is_annual_point and o.period.anchor_year == year,
            )
            if code
            else []
        )

    starts = _stated_or_found(cat, one, "start", at(first))
    ends = _stated_or_found(cat, one, "end", at(last))
    pairs = [(s, e) for s in starts for e in ends]
    return [
        average_vs_levels(
            _pair_id(rid, i, [s, e]), growth, s, e, ind, deflator=deflator, rule=origin
        )
        for i, (s, e) in enumerate(pairs)
    ]


def _resolve(rules: Sequence[Rule], cat: Catalog) -> None:
    known = {o.id for o in cat.observations}
    for r in rules:
        missing = [i for ids_ in r.roles.values() for i in ids_ if i not in known]
        if missing:
            raise RuleError(
                r.origin, r.id, f"unknown observation id(s): {', '.join(dict.fromkeys(missing))}"
            )


def _declared_triples(rules: Sequence[Rule], cat: Catalog) -> set[tuple[str, str, str]]:
    """(part, share, total) ids a declared ``share_times_total`` rule compares: its named total
    and every other statement of that total (as ``_run`` does)."""
    return {
        (r.roles["part"][0], r.roles["share"][0], t.id)
        for r in rules
        if r.kind == "share_times_total"
        for t in _same_quantity(cat, cat.get(r.roles["total"][0]))
    }


def _leave_to(
    rule: Rule, covered: set[tuple[str, str]], triples: set[tuple[str, str, str]]
) -> Rule | None:
    """A discovered rule without what a declared rule already checks: a part rule without the
    wholes a declared partition compares its part with, a share × total rule whose triple a
    declared rule names (None when nothing is left); any other rule as it is."""
    if rule.kind == "share_times_total":
        triple = tuple(rule.roles[role][0] for role in ("part", "share", "total"))
        return None if triple in triples else rule
    if rule.kind != "part_of_whole" or not covered:
        return rule
    part = rule.roles["part"][0]
    left = tuple(w for w in rule.roles["whole"] if (part, w) not in covered)
    if not left:
        return None
    return Rule(rule.id, rule.kind, {"part": (part,), "whole": left}, origin=rule.origin)


def check(
    cat: Catalog | None = None,
    *,
    rules: Sequence[str | Path] = (),
    shipped: bool = True,
) -> CheckResult:
    """Run every discovered and declared check on ``cat`` (default: the shipped catalog).

    ``rules`` are user rule files (same format as ``regiondev/data/checks.toml``);
    ``shipped=False`` leaves out the shipped rules (for a catalog of your own). Raises
    RuleError for a malformed rule file, a duplicate check id or an unknown observation id.
    """
    if cat is None:
        from regiondev.catalog import load_catalog

        cat = load_catalog()
    files = ([shipped_rules_path()] if shipped else []) + [Path(p) for p in rules]
    declared: list[Rule] = []
    ignores: dict[str, str] = {}
    for f in files:
        file_rules, ign = load_rules(f)
        declared.extend(file_rules)
        ignores.update(ign)
    _resolve(declared, cat)
    covered, triples = _covered(declared), _declared_triples(declared, cat)
    discovered = [_leave_to(r, covered, triples) for r in discover(cat) if r.id not in ignores]
    all_rules = [r for r in discovered if r is not None] + declared
    seen: dict[str, str] = {}
    for r in all_rules:
        if r.id in seen:
            raise RuleError(r.origin, r.id, f"duplicate check id (also in {seen[r.id]})")
        seen[r.id] = r.origin
    return CheckResult(tuple(v for r in all_rules for v in _run(r, cat)))
