"""Derived figures declared as data (``data/derived.toml``), evaluated with the Quantity algebra.

Each ``[[derived]]`` entry names catalog records by role and a formula over the roles
(``+ - * / **``, numbers, parentheses and ``printed(role)`` — the printed number as an exact
point, for a "what if the target is met exactly" reading). Every input is the figure's
:class:`~regiondev.quantity.Quantity` (bounds and rounding); a share is held inside 0–100 %.
The result carries the inputs' ids and its derivation; its point value is given only where the
inputs give one (a bound is never shown as a value). A new text's derived figures join by
adding an entry (``clusters(cat, derived=[path])``), with no code.

Entry fields: ``id``, ``table`` (``hunan_position``), ``item`` (row label), ``formula``,
``[derived.inputs]`` (role → observation id), ``unit``, ``interval`` (``rounded``: allow the
rounding of printed digits, the default; ``stated``: the qualifiers' bounds only — for
thresholds such as 突破2万亿元, whose round number is not a rounded measurement),
``comparability`` (text; ``compare = [role, role]`` adds the period/measure comparison of two
inputs), ``caveat``, ``detail`` (optional).
"""

from __future__ import annotations

import ast
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from regiondev._catalog import Catalog
from regiondev._safe_io import load_toml
from regiondev.errors import InputFileError, RegiondevError
from regiondev.model import Interval, Measure, Observation
from regiondev.quantity import Quantity

__all__ = [
    "Derived",
    "DerivedError",
    "evaluate",
    "load_derived",
    "shipped_derived_path",
]

_FIELDS = {
    "id",
    "table",
    "item",
    "formula",
    "inputs",
    "unit",
    "interval",
    "comparability",
    "compare",
    "caveat",
    "detail",
}
_REQUIRED = ("id", "table", "item", "formula", "inputs", "unit")


class DerivedError(RegiondevError):
    """A derived-figure file or entry is malformed; names the file, entry and field."""

    def __init__(self, file: str, entry: str, fld: str, problem: str) -> None:
        self.file, self.entry, self.field, self.problem = file, entry, fld, problem
        where = f"{file}: derived {entry!r}" if entry else file
        super().__init__(f"{where}, field {fld!r}: {problem}" if fld else f"{where}: {problem}")


@dataclass(frozen=True, slots=True)
class Derived:
    """One declared derived figure."""

    id: str
    table: str
    item: str
    formula: str
    inputs: Mapping[str, str]
    unit: str
    interval: str = "rounded"
    comparability: str = ""
    compare: tuple[str, ...] = ()
    caveat: str = ""
    detail: str = ""
    origin: str = ""


def shipped_derived_path() -> Path:
    """``regiondev/data/derived.toml``: the derived figures shipped with the package."""
    return Path(str(resources.files("regiondev") / "data" / "derived.toml"))


def load_derived(path: str | Path) -> tuple[Derived, ...]:
    """Read a derived-figure file; every problem is a DerivedError naming file, entry, field."""
    file = str(path)
    try:
        data = load_toml(Path(path))
    except InputFileError as exc:
        raise DerivedError(file, "", "", exc.problem) from None
    entries = data.get("derived", [])
    if not isinstance(entries, list):
        raise DerivedError(file, "", "derived", "must be an array of tables ([[derived]])")
    out = []
    for rec in entries:
        out.append(_entry(rec, file))
    seen: set[str] = set()
    for d in out:
        if d.id in seen:
            raise DerivedError(file, d.id, "id", "duplicate id")
        seen.add(d.id)
    return tuple(out)


def _entry(rec: Any, file: str) -> Derived:
    if not isinstance(rec, dict):
        raise DerivedError(file, "", "", "each [[derived]] must be a table")
    rid = rec.get("id")
    if not isinstance(rid, str) or not rid:
        raise DerivedError(file, "", "id", f"must be a non-empty string, got {rid!r}")
    for key in _REQUIRED:
        if key not in rec:
            raise DerivedError(file, rid, key, "field is required")
    unknown = set(rec) - _FIELDS
    if unknown:
        raise DerivedError(file, rid, ", ".join(sorted(unknown)), "unknown field")
    for key in ("table", "item", "formula", "unit", "comparability", "caveat", "detail"):
        if key in rec and not isinstance(rec[key], str):
            raise DerivedError(file, rid, key, f"must be a string, got {rec[key]!r}")
    inputs = rec["inputs"]
    if (
        not isinstance(inputs, dict)
        or not inputs
        or not all(isinstance(k, str) and isinstance(v, str) and v for k, v in inputs.items())
    ):
        raise DerivedError(file, rid, "inputs", "must be a table of role = observation id")
    interval = rec.get("interval", "rounded")
    if interval not in ("rounded", "stated"):
        raise DerivedError(file, rid, "interval", f"must be rounded or stated, got {interval!r}")
    compare = rec.get("compare", [])
    if not isinstance(compare, list) or not all(c in inputs for c in compare) or len(compare) > 2:
        raise DerivedError(file, rid, "compare", "must list up to two of the inputs' roles")
    try:
        _check_formula(rec["formula"], set(inputs))
    except ValueError as exc:
        raise DerivedError(file, rid, "formula", str(exc)) from None
    return Derived(
        rid,
        rec["table"],
        rec["item"],
        rec["formula"],
        dict(inputs),
        rec["unit"],
        interval,
        rec.get("comparability", ""),
        tuple(compare),
        rec.get("caveat", ""),
        rec.get("detail", ""),
        file,
    )


# ---------------------------------------------------------------------------- the formula
_BINARY = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow)


def _check_formula(formula: str, names: set[str]) -> None:
    """Only numbers, the inputs' roles, + - * / **, unary minus and printed(role)."""
    try:
        tree = ast.parse(formula, mode="eval")
    except SyntaxError as exc:
        raise ValueError(f"not a formula: {exc.msg}") from None
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            if not (
                isinstance(node.func, ast.Name)
                and node.func.id == "printed"
                and len(node.args) == 1
                and isinstance(node.args[0], ast.Name)
                and not node.keywords
            ):
                raise ValueError("the only function is printed(role)")
        elif isinstance(node, ast.Name):
            if node.id not in names and node.id != "printed":
                raise ValueError(f"{node.id!r} is not one of the inputs")
        elif isinstance(node, ast.Constant):
            if not isinstance(node.value, int | float) or isinstance(node.value, bool):
                raise ValueError(f"{node.value!r} is not a number")
        elif not isinstance(
            node, (ast.Expression, ast.BinOp, ast.UnaryOp, ast.USub, ast.Load, *_BINARY)
        ):
            raise ValueError(f"{type(node).__name__} is not allowed")


def _input(o: Observation, cat: Catalog, stated: bool) -> Quantity:
    q = Quantity.of(o)
    if stated:
        q = Quantity(q.core, q.core, q.ids, q.expr, q.value)
    if cat.indicators[o.indicator].measure is Measure.SHARE and o.unit == "percent":
        # a share lies within 0–100 %: 达到40%以上 is [40, 100], not [40, ∞)
        core = q.core.intersect(Interval(0.0, 100.0))
        rounded = q.rounded.intersect(Interval(0.0, 100.0))
        if core is not None and rounded is not None:
            q = Quantity(core, rounded, q.ids, q.expr, q.value)
    return q


def evaluate(d: Derived, cat: Catalog) -> Quantity:
    """The derived figure as a Quantity (ids of every input, derivation as computed)."""
    obs = {role: _get(cat, d, role, oid) for role, oid in d.inputs.items()}
    values = {role: _input(o, cat, d.interval == "stated") for role, o in obs.items()}
    tree = ast.parse(d.formula, mode="eval")
    return _eval(tree.body, values, obs)


def _get(cat: Catalog, d: Derived, role: str, oid: str) -> Observation:
    try:
        return cat.get(oid)
    except KeyError:
        raise DerivedError(d.origin, d.id, "inputs", f"{role} = {oid!r}: no such record") from None


def _eval(
    node: ast.expr, values: Mapping[str, Quantity], obs: Mapping[str, Observation]
) -> Quantity:
    match node:
        case ast.Constant(value=int() | float() as v):
            return Quantity.point(float(v))
        case ast.Name(id=name):
            return values[name]
        case ast.Call(args=[ast.Name(id=name)]):
            o = obs[name]
            return Quantity.point(o.value, f"{o.value:g} (printed {o.figure})").with_ids(o.id)
        case ast.UnaryOp(op=ast.USub(), operand=operand):
            return -_eval(operand, values, obs)
        case ast.BinOp(left=left, op=op, right=right):
            a, b = _eval(left, values, obs), _eval(right, values, obs)
            match op:
                case ast.Add():
                    return a + b
                case ast.Sub():
                    return a - b
                case ast.Mult():
                    return a * b
                case ast.Div():
                    return a / b
                case ast.Pow():
                    if b.value is None or b.ids:
                        raise ValueError("a power takes a number")
                    return a**b.value
    raise ValueError(f"cannot evaluate {ast.dump(node)}")  # pragma: no cover - checked on load


def describe(q: Quantity, unit: str = "", *, lang: str = "en") -> str:
    """A derived figure in words: its value, or its bounds (never a bound as a value);
    ``lang="zh"``: 超过/不少于/不到/不超过 and 至."""
    zh = lang == "zh"
    if not q.defined:
        return f"{'无定义' if zh else 'undefined'}: {q.undefined}"
    iv = q.core
    suffix = {"cny_100m": " 亿元", "fraction": "", "ratio": "", "items": ""}.get(unit, "")
    if zh:
        suffix = suffix.strip()

    def f(x: float) -> str:
        return f"{x:,.4g}" if abs(x) < 1e4 else f"{x:,.0f}"

    if q.value is not None:
        return f"{f(q.value)}{suffix}"
    if math.isinf(iv.high) and math.isfinite(iv.low):
        if zh:
            return f"{'超过' if iv.low_open else '不少于'}{f(iv.low)}{suffix}"
        return f"{'more than' if iv.low_open else 'at least'} {f(iv.low)}{suffix}"
    if math.isinf(iv.low) and math.isfinite(iv.high):
        if zh:
            return f"{'不到' if iv.high_open else '不超过'}{f(iv.high)}{suffix}"
        return f"{'less than' if iv.high_open else 'at most'} {f(iv.high)}{suffix}"
    return f"{f(iv.low)}{'至' if zh else ' to '}{f(iv.high)}{suffix}"


def load_all(extra: Iterable[str | Path] = ()) -> tuple[Derived, ...]:
    """The shipped derived figures and any user files (ids unique across all)."""
    out: list[Derived] = []
    seen: dict[str, str] = {}
    for p in [shipped_derived_path(), *extra]:
        for d in load_derived(p):
            if d.id in seen:
                raise DerivedError(str(p), d.id, "id", f"duplicate id (also in {seen[d.id]})")
            seen[d.id] = str(p)
            out.append(d)
    return tuple(out)
