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
  and compounding relations (``analysis.compounding``: two-year averages, growth against a
  base year, prior levels, span averages against end levels, a level plus its additions;
  ids ``auto-compound-*``; a declared rule naming the same figures wins);
* **declared** relations in ``regiondev/data/checks.toml`` and in any user rule file of
  the same format (``rules=[path, ...]``; CLI ``--rules``).

Every kind is registered by its own module (``checks.registry.REGISTRY``: roles, typed
parameters, cross-field validation and run); rules are read and dispatched through it. With
``deflator=`` (CLI ``--deflator``) a compounding check that relates nominal levels to real
growth reports the deflator the figures imply and is judged on ``deflator_range`` (default
-2 % to 6 %), never on the guessed value.

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
``expected_high``, ``actual_low``, ``actual_high`` (floats; ±inf for unbounded ends, null
where not numeric, never NaN).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar

from regiondev._catalog import Catalog
from regiondev._safe_io import load_toml
from regiondev.analysis.checks import KINDS, REGISTRY, CheckStatus, Verdict
from regiondev.analysis.checks.base import ADDITIVE_MEASURES
from regiondev.analysis.checks.growth import MODES as _MODES
from regiondev.analysis.checks.registry import Context, Rule, quantity_key
from regiondev.analysis.compounding import discover_compounding, signature
from regiondev.analysis.shares import same_scope, share_pairs, share_wholes
from regiondev.errors import InputFileError, RegiondevError
from regiondev.model import Measure, Observation
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

#: Roles each kind takes: name → (required, many), read from the registry of kinds.
ROLES: dict[str, dict[str, tuple[bool, bool]]] = {
    name: {role: (r.required, r.many) for role, r in kind.roles.items()}
    for name, kind in REGISTRY.items()
}

#: growth_compounding modes and their required roles.
MODES: dict[str, tuple[str, ...]] = {mode: required for mode, (required, _) in _MODES.items()}

#: Parameters (non-observation keys) each kind accepts.
PARAMS: dict[str, frozenset[str]] = {
    name: frozenset(kind.params) for name, kind in REGISTRY.items() if kind.params
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
                "expected_low": _number(v.expected_low),
                "expected_high": _number(v.expected_high),
                "actual_low": _number(v.actual_low),
                "actual_high": _number(v.actual_high),
            }
            for v in self.verdicts
        ]
        return pl.DataFrame(rows, schema=schema, orient="row")


def _number(x: float | None) -> float | None:
    """A verdict's numeric end for the frame: None where it is not numeric (never NaN)."""
    return None if x is None or math.isnan(x) else x


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
        raise RuleError(file, "", f"a check needs an id (a non-empty string), got {rid!r}")
    kind_name = rec.get("kind")
    if not isinstance(kind_name, str) or kind_name not in REGISTRY:
        raise RuleError(file, rid, f"kind {kind_name!r} is not one of: {', '.join(KINDS)}")
    kind = REGISTRY[kind_name]
    unknown = set(rec) - {"id", "kind", "note"} - set(kind.roles) - set(kind.params)
    if unknown:
        allowed = ", ".join([*kind.roles, *sorted(kind.params), "note"])
        raise RuleError(
            file,
            rid,
            f"unknown key(s) {', '.join(sorted(unknown))} for {kind_name}; allowed: {allowed}",
        )
    roles: dict[str, tuple[str, ...]] = {}
    for role, spec in kind.roles.items():
        if role in rec:
            roles[role] = _ids(rec[role], file, rid, role, spec.many)
        elif spec.required:
            raise RuleError(file, rid, f"{kind_name} needs the role {role!r}")
    params: dict[str, Any] = {}
    for name, param in kind.params.items():
        if name in rec:
            problem = param.check(rec[name])
            if problem:
                raise RuleError(file, rid, f"{name} {problem}")
            params[name] = rec[name]
    if kind.validate is not None:
        problem = kind.validate(roles, params)
        if problem:
            raise RuleError(file, rid, problem)
    note = rec.get("note", "")
    if not isinstance(note, str):
        raise RuleError(file, rid, f"note must be a string, got {note!r}")
    return Rule(rid, kind_name, roles, params, note, file)


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
    entries = data.get("ignore", [])
    if not isinstance(entries, list):
        raise RuleError(file, "", "ignore must be an array of tables ([[ignore]])")
    for rec in entries:
        if not isinstance(rec, dict) or not rec.get("check") or not rec.get("reason"):
            raise RuleError(file, "", "each [[ignore]] needs check and reason")
        for key in ("check", "reason"):
            if not isinstance(rec[key], str):
                raise RuleError(file, "", f"[[ignore]] {key} must be a string, got {rec[key]!r}")
        ignores[rec["check"]] = rec["reason"]
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
    rules.extend(discover_compounding(cat))
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
    return quantity_key(o)


def _run(rule: Rule, ctx: Context) -> list[Verdict]:
    """A rule's verdicts, from its kind's registered run."""
    return REGISTRY[rule.kind].run(rule, ctx)


def _resolve(rules: Sequence[Rule], ctx: Context) -> None:
    for r in rules:
        missing = [i for ids_ in r.roles.values() for i in ids_ if not ctx.has(i)]
        if missing:
            raise RuleError(
                r.origin, r.id, f"unknown observation id(s): {', '.join(dict.fromkeys(missing))}"
            )


def _declared_triples(rules: Sequence[Rule], ctx: Context) -> set[tuple[str, str, str]]:
    """(part, share, total) ids a declared ``share_times_total`` rule compares: its named total
    and every other statement of that total (as ``_run`` does)."""
    return {
        (r.roles["part"][0], r.roles["share"][0], t.id)
        for r in rules
        if r.kind == "share_times_total"
        for t in ctx.same_quantity(ctx.get(r.roles["total"][0]))
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
    deflator: float | None = None,
    deflator_range: tuple[float, float] | None = None,
) -> CheckResult:
    """Run every discovered and declared check on ``cat`` (default: the shipped catalog).

    ``rules`` are user rule files (same format as ``regiondev/data/checks.toml``);
    ``shipped=False`` leaves out the shipped rules (for a catalog of your own). ``deflator``
    (an annual rate as a fraction) is the assumption for every compounding check that relates
    nominal levels to real growth and names none of its own; such a check then reports the
    deflator the figures imply and is judged on ``deflator_range`` (default
    ``checks.growth.DEFLATOR_RANGE``, -2 % to 6 %). Raises RuleError for a malformed rule
    file, a duplicate check id or an unknown observation id, ParameterError for a deflator
    that is no plausible rate.
    """
    from regiondev.analysis.checks.registry import fraction_rate, rate_range
    from regiondev.errors import ParameterError

    if deflator is not None and fraction_rate(deflator):
        raise ParameterError(f"deflator {fraction_rate(deflator)}")
    if deflator_range is not None and rate_range(list(deflator_range)):
        raise ParameterError(f"deflator_range {rate_range(list(deflator_range))}")
    if cat is None:
        from regiondev._catalog import load_catalog

        cat = load_catalog()
    files = ([shipped_rules_path()] if shipped else []) + [Path(p) for p in rules]
    declared: list[Rule] = []
    ignores: dict[str, str] = {}
    for f in files:
        file_rules, ign = load_rules(f)
        declared.extend(file_rules)
        ignores.update(ign)
    ctx = Context(cat, deflator=deflator, deflator_range=deflator_range)
    _resolve(declared, ctx)
    covered, triples = _covered(declared), _declared_triples(declared, ctx)
    declared_sigs = {signature(r) for r in declared} - {None}
    discovered = [
        _leave_to(r, covered, triples)
        for r in discover(cat)
        if r.id not in ignores and (signature(r) is None or signature(r) not in declared_sigs)
    ]
    all_rules = [r for r in discovered if r is not None] + declared
    seen: dict[str, str] = {}
    for r in all_rules:
        if r.id in seen:
            raise RuleError(r.origin, r.id, f"duplicate check id (also in {seen[r.id]})")
        seen[r.id] = r.origin
    return CheckResult(tuple(v for r in all_rules for v in _run(r, ctx)))
