"""One quantity type: an interval with its rounding interval, the ids it came from and how.

A :class:`Quantity` holds

* ``core`` — the interval the figures' qualifiers state (``突破3000亿元`` is (3000, ∞));
* ``rounded`` — the same widened by the rounding of printed digits (28.1 % is [28.05, 28.15));
* ``value`` — the point the figures give when they give one (an exact or "about" figure, or
  arithmetic on such figures), else None: a bound is never shown as a value;
* ``ids`` — the observation ids it came from, in order, without repeats;
* ``expr`` — its derivation, written as it was computed (``873.85亿元 / (28.1% / 100)``);
* ``undefined`` — empty, or why no number exists (a division by an interval holding 0).

Arithmetic (``+ − × ÷``, ``**`` for compounding and roots, ``abs``) works on both intervals at
once and carries ids and derivation along, as owid/etl's ``Variable`` carries its origins; plain
numbers join as exact constants without ids. Every interval operation is the exact image of the
operation on the operands' intervals (each operand used once), so a true value inside every
operand lies inside the result. An operation with no defined result returns an *undefined*
quantity with the reason (and every later operation keeps it); :meth:`Quantity.require` raises
:class:`UndefinedQuantity` on one. Nothing here returns NaN.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace

from regiondev.model import Bound, Interval, Observation

__all__ = [
    "INTEGER_UNITS",
    "Quantity",
    "UndefinedQuantity",
    "half_step",
    "is_count",
]

#: Units whose figures printed as whole numbers are exact counts (no rounding).
INTEGER_UNITS = frozenset({"enterprises", "items", "persons", "days", "years", "chars", "rank"})

_ATOM, _POW, _NEG, _MUL, _ADD = 9, 4, 3, 2, 1
_WHOLE_LINE = Interval(-math.inf, math.inf)


class UndefinedQuantity(ValueError):
    """An operation has no numeric result (division by an interval holding 0, a root of a
    negative number); the message says why."""


def is_count(o: Observation) -> bool:
    """A whole-number count (家, 个, 名 …) printed to the unit: exact, no rounding."""
    return o.unit in INTEGER_UNITS and o.step <= 1 and float(o.value).is_integer()


def half_step(o: Observation) -> float:
    """Half the unit of the last printed digit; 0 for exact whole counts and verbal figures."""
    if is_count(o):
        return 0.0
    return o.step / 2


def _ids(*groups: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for g in groups for i in g))


def _fmt(x: float) -> str:
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if float(x).is_integer() and abs(x) < 1e15:
        return str(int(x))
    return f"{x:.6g}"


@dataclass(frozen=True, slots=True)
class Quantity:
    """An interval quantity with its rounding, provenance (ids) and derivation (``expr``)."""

    core: Interval
    rounded: Interval
    ids: tuple[str, ...] = ()
    expr: str = ""
    value: float | None = None
    undefined: str = ""
    prec: int = _ATOM

    # ------------------------------------------------------------------ construction
    @classmethod
    def point(cls, x: float, expr: str = "") -> Quantity:
        """An exact number with no ids (a constant of a formula)."""
        if math.isnan(x):
            raise UndefinedQuantity("a quantity cannot be NaN")
        iv = Interval.point(x)
        return cls(iv, iv, (), expr or _fmt(x), x)

    @classmethod
    def interval(
        cls,
        iv: Interval,
        rounded: Interval | None = None,
        *,
        ids: Iterable[str] = (),
        expr: str = "",
    ) -> Quantity:
        """A quantity from intervals (``rounded`` defaults to ``iv``)."""
        value = iv.low if iv.low == iv.high and not (iv.low_open or iv.high_open) else None
        return cls(iv, rounded or iv, tuple(ids), expr or str(iv), value)

    @classmethod
    def of(cls, o: Observation, expr: str = "") -> Quantity:
        """A figure: its stated bounds and the same widened by the rounding of its digits.

        Whole counts are exact; others round half up (19 stands for [18.5, 19.5), so 19 and 20
        never both hold). ``expr`` defaults to the figure as printed (or the record id).
        """
        core = o.interval
        h = half_step(o)
        if h:
            wide = core.widen(h)
            high_open = wide.high_open or math.isfinite(wide.high)
            rounded = Interval(wide.low, wide.high, wide.low_open, high_open)
        else:
            rounded = core
        value = o.value if o.bound in (Bound.EXACT, Bound.APPROX) else None
        return cls(core, rounded, (o.id,), expr or o.figure or o.id, value)

    @classmethod
    def undefined_because(cls, reason: str, *parts: Quantity, expr: str = "") -> Quantity:
        """An undefined result: no number, the reason, and the ids of what it came from."""
        return cls(
            _WHOLE_LINE, _WHOLE_LINE, _ids(*(p.ids for p in parts)), expr, None, reason, _ATOM
        )

    # ------------------------------------------------------------------ properties
    @property
    def defined(self) -> bool:
        return not self.undefined

    @property
    def low(self) -> float:
        return self.core.low

    @property
    def high(self) -> float:
        return self.core.high

    @property
    def derivation(self) -> str:
        """The formula this quantity was computed by, with its operands as printed."""
        return self.expr

    @property
    def sources(self) -> tuple[str, ...]:
        """Alias of ``ids`` (the name the checks' old ``Span`` used)."""
        return self.ids

    def require(self) -> Quantity:
        """This quantity, or :class:`UndefinedQuantity` with the reason when it is undefined."""
        if self.undefined:
            raise UndefinedQuantity(f"{self.expr or 'quantity'}: {self.undefined}")
        return self

    def named(self, expr: str) -> Quantity:
        """The same quantity under a new name (an atom in later derivations)."""
        return replace(self, expr=expr, prec=_ATOM)

    def with_ids(self, *ids: str) -> Quantity:
        """The same quantity with more ids of provenance."""
        return replace(self, ids=_ids(self.ids, ids))

    # ------------------------------------------------------------------ comparison helpers
    def contains(self, x: float, *, rounding: bool = True) -> bool:
        """Does ``x`` lie inside the (rounded) interval?"""
        return (self.rounded if rounding else self.core).contains(x)

    def overlaps(self, other: Quantity, *, rounding: bool = True) -> bool:
        """Do the two share a value (rounding allowed by default)?"""
        if self.undefined or other.undefined:
            return False
        a, b = (self.rounded, other.rounded) if rounding else (self.core, other.core)
        return a.overlaps(b)

    def inside(self, other: Quantity) -> bool:
        """Is every stated value of ``self`` inside ``other``'s rounded interval?"""
        if self.undefined or other.undefined:
            return False
        inter = self.core.intersect(other.rounded)
        return inter == self.core

    # ------------------------------------------------------------------ arithmetic
    def _wrap(self, prec: int, *, right: bool = False) -> str:
        if self.prec < prec or (right and self.prec == prec and prec in (_ADD, _MUL)):
            return f"({self.expr})"
        return self.expr

    def _binary(self, other: Quantity | float, op: str) -> Quantity:
        o = _as_quantity(other)
        prec = {"+": _ADD, "-": _ADD, "×": _MUL, "/": _MUL}[op]
        expr = f"{self._wrap(prec)} {op} {o._wrap(prec, right=True)}"
        if self.undefined or o.undefined:
            reason = self.undefined or o.undefined
            return replace(Quantity.undefined_because(reason, self, o), expr=expr, prec=prec)
        fn = {"+": _iv_add, "-": _iv_sub, "×": _iv_mul, "/": _iv_div}[op]
        core, problem = fn(self.core, o.core)
        rounded, problem2 = fn(self.rounded, o.rounded)
        if core is None or rounded is None:
            reason = problem or problem2
            return replace(Quantity.undefined_because(reason, self, o), expr=expr, prec=prec)
        value = None
        if self.value is not None and o.value is not None:
            value = _clamp(_point(op, self.value, o.value), core)
        return Quantity(core, rounded, _ids(self.ids, o.ids), expr, value, "", prec)

    def __add__(self, other: Quantity | float) -> Quantity:
        return self._binary(other, "+")

    def __radd__(self, other: float) -> Quantity:
        return _as_quantity(other)._binary(self, "+")

    def __sub__(self, other: Quantity | float) -> Quantity:
        return self._binary(other, "-")

    def __rsub__(self, other: float) -> Quantity:
        return _as_quantity(other)._binary(self, "-")

    def __mul__(self, other: Quantity | float) -> Quantity:
        return self._binary(other, "×")

    def __rmul__(self, other: float) -> Quantity:
        return _as_quantity(other)._binary(self, "×")

    def __truediv__(self, other: Quantity | float) -> Quantity:
        return self._binary(other, "/")

    def __rtruediv__(self, other: float) -> Quantity:
        return _as_quantity(other)._binary(self, "/")

    def __neg__(self) -> Quantity:
        expr = f"−{self._wrap(_POW)}"
        if self.undefined:
            return replace(self, expr=expr, prec=_NEG)
        v = -self.value if self.value is not None else None
        return Quantity(_iv_neg(self.core), _iv_neg(self.rounded), self.ids, expr, v, "", _NEG)

    def __pow__(self, exponent: float) -> Quantity:
        """``self ** p`` for a constant p: compounding ((1 + g)^n) and roots (p = 1/n).

        A non-whole power needs a non-negative base (and a negative one a positive base); a
        whole power of an interval holding negatives is its exact image.
        """
        e = float(exponent)
        text = _fmt(e) if e.is_integer() or e >= 1 else _root_text(e)
        expr = f"{self._wrap(_ATOM)}^{text}"
        if self.undefined:
            return replace(self, expr=expr, prec=_POW)
        core, problem = _iv_pow(self.core, e)
        rounded, problem2 = _iv_pow(self.rounded, e)
        if core is None or rounded is None:
            undefined = Quantity.undefined_because(problem or problem2, self)
            return replace(undefined, expr=expr, prec=_POW)
        value = None
        if self.value is not None:
            try:
                value = float(self.value**e)
            except (ZeroDivisionError, OverflowError):
                value = None
            value = None if isinstance(value, complex) else _clamp(value, core)
        return Quantity(core, rounded, self.ids, expr, value, "", _POW)

    def root(self, n: float) -> Quantity:
        """The n-th root (a geometric average over n periods)."""
        return self ** (1.0 / n)

    def scale(self, k: float) -> Quantity:
        """Multiply by a constant (the old ``Span.scale``)."""
        return self * k

    def div(self, other: Quantity) -> Quantity:
        """Divide (the old ``Span.div``)."""
        return self / other

    def __str__(self) -> str:
        if self.undefined:
            return f"undefined ({self.undefined})"
        return str(self.core) if self.value is None else f"{_fmt(self.value)} {self.core}"


def _as_quantity(x: Quantity | float) -> Quantity:
    if isinstance(x, Quantity):
        return x
    return Quantity.point(float(x))


def _clamp(value: float | None, core: Interval) -> float | None:
    """The point value inside its interval: float noise at a closed end moves it onto the end;
    a value outside by more (or at an open end) is dropped, never shown outside its bounds."""
    if value is None or core.contains(value):
        return value
    for end, is_open in ((core.low, core.low_open), (core.high, core.high_open)):
        if not is_open and math.isfinite(end) and abs(value - end) <= 1e-12 * max(1.0, abs(end)):
            return end
    return None


def _root_text(e: float) -> str:
    inv = 1.0 / e
    if math.isfinite(inv) and abs(inv - round(inv)) < 1e-9:
        return f"(1/{_fmt(inv)})"
    return _fmt(e)


def _point(op: str, a: float, b: float) -> float | None:
    try:
        match op:
            case "+":
                out = a + b
            case "-":
                out = a - b
            case "×":
                out = _mul(a, b)
            case _:
                out = a / b
    except (ZeroDivisionError, OverflowError):
        return None
    return None if math.isnan(out) else out


# ---------------------------------------------------------------------------- interval images
_Result = tuple[Interval | None, str]


def _iv_add(a: Interval, b: Interval) -> _Result:
    low, high = a.low + b.low, a.high + b.high
    if math.isnan(low) or math.isnan(high):
        return None, "a sum of opposite infinities"
    return Interval(low, high, a.low_open or b.low_open, a.high_open or b.high_open), ""


def _iv_neg(a: Interval) -> Interval:
    return Interval(-a.high, -a.low, a.high_open, a.low_open)


def _iv_sub(a: Interval, b: Interval) -> _Result:
    return _iv_add(a, _iv_neg(b))


def _mul(x: float, y: float) -> float:
    """x × y with 0 × ∞ = 0 (an end at 0 times an unbounded end stays 0)."""
    if x == 0 or y == 0:
        return 0.0
    return x * y


def _iv_mul(a: Interval, b: Interval) -> _Result:
    ends = [
        (_mul(x, y), xo or yo)
        for x, xo in ((a.low, a.low_open), (a.high, a.high_open))
        for y, yo in ((b.low, b.low_open), (b.high, b.high_open))
    ]
    # a closed end at 0 times anything attains 0 exactly
    for x, xo in ((a.low, a.low_open), (a.high, a.high_open)):
        if x == 0 and not xo:
            ends.append((0.0, False))
    for y, yo in ((b.low, b.low_open), (b.high, b.high_open)):
        if y == 0 and not yo:
            ends.append((0.0, False))
    return _hull(ends), ""


def _hull(ends: list[tuple[float, bool]]) -> Interval:
    """The interval spanned by candidate ends (value, open): an end is open only if every
    candidate reaching it is."""
    low = min(v for v, _ in ends)
    high = max(v for v, _ in ends)
    low_open = all(o for v, o in ends if v == low)
    high_open = all(o for v, o in ends if v == high)
    return Interval(low, high, low_open, high_open)


def _iv_recip(b: Interval) -> _Result:
    """1 / b for an interval without 0 (an end at 0 must be open: the result is unbounded)."""
    if b.contains(0.0):
        return None, f"division by {b}, which holds 0"
    if b.low >= 0:
        low = 1 / b.high if math.isfinite(b.high) else 0.0
        high = 1 / b.low if b.low > 0 else math.inf
        return Interval(low, high, b.high_open, b.low_open), ""
    # b.high <= 0
    low = 1 / b.high if b.high < 0 else -math.inf
    high = 1 / b.low if math.isfinite(b.low) else 0.0
    return Interval(low, high, b.high_open, b.low_open), ""


def _div(x: float, y: float) -> float:
    """x / y for y ≠ 0, with a finite x over an infinite y = 0."""
    if math.isinf(y):
        return 0.0 if math.isfinite(x) else math.copysign(math.inf, x * y)
    return x / y


def _iv_div(a: Interval, b: Interval) -> _Result:
    r, problem = _iv_recip(b)
    if r is None:
        return None, problem
    if b.low == 0 or b.high == 0:
        return _iv_mul(a, r)
    # divide the ends directly (a × (1/b) would round twice)
    ends = [
        (_div(x, y), xo or yo)
        for x, xo in ((a.low, a.low_open), (a.high, a.high_open))
        for y, yo in ((b.low, b.low_open), (b.high, b.high_open))
    ]
    for x, xo in ((a.low, a.low_open), (a.high, a.high_open)):
        if x == 0 and not xo:
            ends.append((0.0, False))
    return _hull(ends), ""


def _pow_end(x: float, e: float) -> float:
    if x == 0:
        return math.inf if e < 0 else (1.0 if e == 0 else 0.0)
    if math.isinf(x):
        if e == 0:
            return 1.0
        if x > 0:
            return math.inf if e > 0 else 0.0
        sign = -1.0 if e.is_integer() and int(e) % 2 else 1.0
        return sign * math.inf if e > 0 else 0.0
    try:
        return float(x**e)
    except OverflowError:
        return math.inf


def _iv_pow(a: Interval, e: float) -> _Result:
    if e == 0:
        return Interval.point(1.0), ""
    whole = e.is_integer()
    if a.low < 0 and not whole:
        return None, f"a non-whole power of {a}, which holds negative numbers"
    if e < 0 and a.contains(0.0):
        return None, f"a negative power of {a}, which holds 0"
    if a.low >= 0 or (a.low == 0 and a.low_open):
        # increasing for e > 0, decreasing for e < 0
        lo, hi = _pow_end(a.low, e), _pow_end(a.high, e)
        if e > 0:
            return Interval(lo, hi, a.low_open, a.high_open), ""
        return Interval(hi, lo, a.high_open or math.isinf(a.high), a.low_open), ""
    if a.high <= 0:
        # whole power of a non-positive interval: mirror
        pos, _ = _iv_pow(_iv_neg(a), e)
        assert pos is not None
        return (pos if int(e) % 2 == 0 else _iv_neg(pos)), ""
    # whole power of an interval across 0 (e > 0 here: negative powers refused above)
    lo_v, hi_v = _pow_end(a.low, e), _pow_end(a.high, e)
    if int(e) % 2:
        return Interval(lo_v, hi_v, a.low_open, a.high_open), ""
    top = max(lo_v, hi_v)
    top_open = (
        a.low_open if lo_v > hi_v else a.high_open if hi_v > lo_v else a.low_open and a.high_open
    )
    return Interval(0.0, top, False, top_open), ""
