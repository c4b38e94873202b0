"""Shared pieces of the consistency checks: verdicts, intervals, tolerances, wording.

Two layers of uncertainty are kept apart:

* the *stated bounds* of a figure — the interval its qualifier implies (``突破3000亿元`` is
  (3000, ∞), ``2200余家`` is (2200, 2300), an exact figure is a point). Two statements of one
  quantity **agree** (``pass``) when one lies wholly inside the other: a bound is a claim
  ("more than 3000") that every value of a narrower statement inside it (3500, or an implied
  [3104.25, 3115.35]) satisfies. They agree only **in part** (``warn``) when they overlap but
  neither contains the other — some admissible values of the narrower statement fall outside
  the wider one (an implied [2954, 3265] against "more than 3000"). No common value: ``fail``.
* the *rounding* of printed digits (28.1 % stands for [28.05, 28.15), rounding half up) is a
  **tolerance**: a relation passes when some rounding of the inputs makes it hold exactly.
  Counts printed as whole numbers (家, 个, 名) are exact integers and carry no rounding.

The core comparison is :func:`compare`: ``expected`` is what some figures imply, ``actual``
is what another figure states; both come as (bounds, bounds-with-rounding) pairs. Messages
show computed numbers to sensible digits (:func:`fmt_calc`); the numeric verdict columns keep
full precision.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from regiondev.formatting import Lang
from regiondev.messages import Message, Text
from regiondev.model import (
    Basis,
    Bound,
    Indicator,
    Interval,
    Measure,
    Observation,
    Period,
    PeriodKind,
    Region,
    Status,
)
from regiondev.quantity import Quantity, half_step, is_count

__all__ = [
    "ADDITIVE_MEASURES",
    "CheckStatus",
    "Indicators",
    "Quantity",
    "Span",
    "Verdict",
    "comparability_reasons",
    "comparability_reasons_said",
    "compare",
    "contained",
    "disjoint",
    "fmt_calc",
    "fmt_interval",
    "fmt_number",
    "gloss",
    "half_step",
    "is_count",
    "label",
    "observation_from_figure",
    "span_of",
    "stated",
    "stated_text",
    "worst",
]

#: The indicator vocabulary a check needs (measure, unit, scope, denominator).
Indicators = Mapping[str, Indicator]

#: Relative slack for floating-point noise (30/45*100 vs 66.66666666666667).
_EPS = 1e-12

#: Measures of levels whose parts add up to a whole (not shares, growth rates, ranks, ratios).
ADDITIVE_MEASURES = frozenset(
    {
        Measure.COUNT,
        Measure.GDP,
        Measure.VALUE_ADDED,
        Measure.GROSS_OUTPUT,
        Measure.PROFIT,
        Measure.INVESTMENT,
        Measure.AREA,
        Measure.QUANTITY,
    }
)


class CheckStatus(StrEnum):
    """A verdict: holds, holds only for part of the stated bounds, fails, or cannot be judged."""

    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"
    NOT_COMPARABLE = "not_comparable"
    NOT_CHECKABLE = "not_checkable"


_SEVERITY = {
    CheckStatus.PASS: 0,
    CheckStatus.NOT_CHECKABLE: 1,
    CheckStatus.NOT_COMPARABLE: 2,
    CheckStatus.WARN: 3,
    CheckStatus.FAIL: 4,
}


def worst(statuses: Iterable[CheckStatus]) -> CheckStatus:
    """The most severe status (fail > warn > not_comparable > not_checkable > pass)."""
    return max(statuses, key=_SEVERITY.__getitem__, default=CheckStatus.PASS)


@dataclass(frozen=True, slots=True)
class Verdict:
    """One check's outcome.

    ``expected`` is what the other figures imply and ``actual`` what the checked figure
    states, both as human-readable strings that show intervals (``[3104.24, 3115.35]``);
    the numeric ends are in ``expected_low/high`` and ``actual_low/high`` (±inf unbounded,
    NaN when not numeric). ``tolerance`` says how much slack was allowed and
    ``tolerance_source`` where it came from (e.g. "rounding of 28.1% to one decimal").
    """

    check_id: str
    kind: str
    observation_ids: tuple[str, ...]
    status: CheckStatus
    expected: str
    actual: str
    tolerance: str
    tolerance_source: str
    message: str
    rule: str = ""
    expected_low: float = math.nan
    expected_high: float = math.nan
    actual_low: float = math.nan
    actual_high: float = math.nan
    #: the sentences behind text fields (``message``…), to be said in any language
    said: tuple[tuple[str, Message], ...] = ()

    def text(self, name: str, lang: Lang = "en") -> str:
        """A text field (``message``, ``expected``, ``actual``) in ``lang``: from its Message
        where the kind says it in words, else as written."""
        for key, message in self.said:
            if key == name:
                return message.render(lang)
        return str(getattr(self, name))


#: The checks' quantity: stated bounds (``core``), the same widened by rounding (``rounded``),
#: ids and derivation. The old name of :class:`regiondev.quantity.Quantity`.
Span = Quantity


def span_of(o: Observation) -> Quantity:
    """The stated bounds of a figure and the same widened by the rounding of its digits."""
    return Quantity.of(o)


def rounding_note(o: Observation) -> str:
    """Where a figure's tolerance comes from, in words."""
    if is_count(o):
        return f"{o.figure} is a whole count (no rounding)"
    if o.step == 0:
        return f"{o.figure} is read exactly (a verbal or fractional figure)"
    if o.step < 1:
        decimals = max(0, round(-math.log10(o.step)))
        places = {1: "one decimal", 2: "two decimals", 3: "three decimals"}
        where = places.get(decimals, f"{decimals} decimals")
    else:
        where = f"the nearest {fmt_number(o.step, o.unit)}"
    return f"rounding of {o.figure} to {where} (±{fmt_number(o.step / 2, o.unit)})"


def compare(expected: Span, actual: Span) -> CheckStatus:
    """Judge a stated figure (``actual``) against what other figures imply (``expected``).

    * fail: no values inside the rounded intervals agree;
    * pass: one side lies wholly inside the other once rounding of both sides is allowed for —
      every value the expected bounds admit agrees with the stated figure (an implied
      3109.79 inside "more than 3000"), or every value the stated figure admits lies inside
      the expected bounds (a stated 3500 inside an implied "more than 2129");
    * warn: otherwise — the two overlap only in part, so some admissible values of the
      narrower side fall outside the wider one.
    """
    if disjoint(expected.rounded, actual.rounded):
        return CheckStatus.FAIL
    if contained(expected, actual) or contained(actual, expected):
        return CheckStatus.PASS
    return CheckStatus.WARN


def contained(inner: Span, outer: Span) -> bool:
    """Does every value of ``inner``'s stated bounds fit ``outer``, allowing both roundings?

    ``outer`` counts with its rounding; a value c of ``inner``'s core may also move down to
    its own rounded low end or up to its rounded high end before it is compared.
    """
    o_round = _slack(outer.rounded)
    dl = _gap(inner.core.low, inner.rounded.low)
    dh = _gap(inner.rounded.high, inner.core.high)
    tolerant = Interval(o_round.low - dh, o_round.high + dl, o_round.low_open, o_round.high_open)
    return subset(inner.core, tolerant)


def disjoint(a: Interval, b: Interval) -> bool:
    """No common value; ends equal up to floating-point noise touch unless one is open."""
    for lo, hi in ((a, b), (b, a)):
        # lo's high end against hi's low end
        if math.isfinite(lo.high) and math.isfinite(hi.low):
            eps = _EPS * max(1.0, abs(lo.high))
            if lo.high < hi.low - eps:
                return True
            if abs(lo.high - hi.low) <= eps and (lo.high_open or hi.low_open):
                return True
    return False


def _gap(a: float, b: float) -> float:
    return a - b if math.isfinite(a) and math.isfinite(b) else 0.0


def _slack(iv: Interval) -> Interval:
    """Widen by floating-point noise only."""
    eps_low = _EPS * max(1.0, abs(iv.low)) if math.isfinite(iv.low) else 0.0
    eps_high = _EPS * max(1.0, abs(iv.high)) if math.isfinite(iv.high) else 0.0
    return Interval(iv.low - eps_low, iv.high + eps_high, iv.low_open, iv.high_open)


def subset(inner: Interval, outer: Interval) -> bool:
    """Is every point of ``inner`` inside ``outer``?"""
    low_ok = inner.low > outer.low or (
        inner.low == outer.low and (not outer.low_open or inner.low_open)
    )
    high_ok = inner.high < outer.high or (
        inner.high == outer.high and (not outer.high_open or inner.high_open)
    )
    return low_ok and high_ok


# ---------------------------------------------------------------------------------------------
# Wording

_UNIT_SUFFIX = {
    "cny_100m": " 亿元",
    "percent": "%",
    "usd": " USD",
    "km2": " km²",
    "days": " days",
    "years": " years",
    "persons": " persons",
    "chars": " characters",
}


def fmt_number(x: float, unit: str = "") -> str:
    """A number for a message: 6 significant digits, thousands separated, unit suffix."""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if abs(x) >= 1e5:
        text = f"{round(x):,}"
    else:
        text = f"{x:.6g}"
        if "e" in text:
            text = f"{x:.3g}"
    return text + _UNIT_SUFFIX.get(unit, "")


def fmt_calc(x: float, unit: str = "", decimals: int = 2, *, strip: bool = True) -> str:
    """A computed number for a message, to sensible digits: ``3109.79 亿元``, ``57.78%``.

    At most ``decimals`` decimals (trailing zeros dropped unless ``strip=False``, for a value
    shown to a set precision) for values of 1 or more, three
    significant digits below 1, whole numbers with separators from 100,000 up. For reading
    only: the numeric columns of a verdict keep full precision.
    """
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if abs(x) >= 1e5:
        text = f"{round(x):,}"
    elif abs(x) >= 1 or x == 0:
        text = f"{x:.{decimals}f}"
        if strip and "." in text:
            text = text.rstrip("0").rstrip(".")
    else:
        text = f"{x:.3g}"
        if "e" in text:
            text = f"{x:.2e}"
    if text.startswith("-") and not text.strip("-0."):
        text = text[1:]
    return text + _UNIT_SUFFIX.get(unit, "")


def gloss(o: Observation) -> str:
    """What a figure's qualifier says, in words: ``more than 3000 亿元``."""
    v, lo, hi, u = o.value, o.low, o.high, o.unit
    match o.bound:
        case Bound.EXACT:
            # a figure read from words or a fraction (2/3) is computed: sensible digits
            return fmt_number(v, u) if o.step else fmt_calc(v, u)
        case Bound.APPROX:
            return f"about {fmt_number(v, u)}, read as {fmt_interval(o.interval, u)}"
        case Bound.AT_LEAST:
            return f"at least {fmt_number(lo, u)}"
        case Bound.MORE_THAN:
            if math.isfinite(hi):
                return f"more than {fmt_number(lo, u)}, less than {fmt_number(hi, u)}"
            return f"more than {fmt_number(lo, u)}"
        case Bound.AT_MOST:
            return f"at most {fmt_number(hi, u)}"
        case Bound.LESS_THAN:
            return f"less than {fmt_number(hi, u)}"
        case Bound.RANGE:
            return f"{fmt_number(lo, u)} to {fmt_number(hi, u)}"
    return fmt_number(v, u)  # pragma: no cover


def stated(o: Observation) -> str:
    """``突破3000亿元 (more than 3000 亿元)``; an exact printed number is shown as printed."""
    if o.bound is Bound.EXACT and o.step:
        return o.figure
    return f"{o.figure} ({gloss(o)})"


def stated_text(o: Observation) -> Text | str:
    """:func:`stated` in both languages: ``突破3000亿元 (more than 3000 亿元)`` /
    ``突破3000亿元（超过3,000亿元）``."""
    if o.bound is Bound.EXACT and o.step:
        return o.figure
    from regiondev.formatting import bounded

    zh = bounded(
        o.value,
        o.bound.value,
        unit=o.unit,
        low=o.low,
        high=o.high,
        step=o.step or None,
        lang="zh",
        words=True,
    )
    return Text(stated(o), f"{o.figure}（{zh}）")


def fmt_interval(iv: Interval, unit: str = "", *, calc: bool = False) -> str:
    """``[3104.24, 3115.35] 亿元``; a point is just the number.

    ``calc=True`` for a computed interval: ends to sensible digits (:func:`fmt_calc`).
    """
    fmt = fmt_calc if calc else fmt_number
    if iv.low == iv.high and not (iv.low_open or iv.high_open):
        return fmt(iv.low, unit)
    left = "(" if iv.low_open or math.isinf(iv.low) else "["
    right = ")" if iv.high_open or math.isinf(iv.high) else "]"
    body = f"{left}{fmt(iv.low)}, {fmt(iv.high)}{right}"
    return body + _UNIT_SUFFIX.get(unit, "")


def label(o: Observation) -> str:
    """``45个 (cn22-clusters-total)``: the figure as printed and its record id."""
    return f"{o.figure} ({o.id})"


# ---------------------------------------------------------------------------------------------
# Comparability


def _measure_word(m: Measure) -> str:
    return m.value.replace("_", " ")


def _period_word(p: Period) -> str:
    if p.kind is PeriodKind.QUARTERS or p.kind is PeriodKind.MONTHS:
        return f"{p.describe()} (cumulative)"
    return p.describe()


def comparability_reasons(a: Observation, b: Observation, indicators: Indicators) -> list[str]:
    """Why two figures that look alike cannot be compared directly (empty: comparable)."""
    return [r.en for r in comparability_reasons_said(a, b, indicators)]


def _zh_period_word(p: Period) -> str:
    from regiondev.formatting import period_label

    cumulative = p.kind is PeriodKind.QUARTERS or p.kind is PeriodKind.MONTHS
    return period_label(str(p), "zh") + ("（累计）" if cumulative else "")


_STATUS_ZH = {"actual": "实际值", "target": "目标值"}


def comparability_reasons_said(
    a: Observation, b: Observation, indicators: Indicators
) -> list[Text]:
    """:func:`comparability_reasons` in both languages."""
    from regiondev.formatting import indicator_scope, region_label
    from regiondev.messages import Message

    def measure_zh(m: Measure) -> str:
        return Message(f"measure_{m.value}").render("zh")

    reasons: list[Text] = []
    ia, ib = indicators[a.indicator], indicators[b.indicator]
    if a.region != b.region:
        reasons.append(
            Text(
                f"different regions ({a.region.value} vs {b.region.value})",
                f"地区不同（{region_label(a.region.value, 'zh')}对"
                f"{region_label(b.region.value, 'zh')}）",
            )
        )
    if ia.measure != ib.measure:
        both = {ia.measure, ib.measure}
        if both == {Measure.GROSS_OUTPUT, Measure.VALUE_ADDED}:
            reasons.append(
                Text(
                    f"{ia.name_zh} is {_measure_word(ia.measure)} and {ib.name_zh} is "
                    f"{_measure_word(ib.measure)}: gross output counts intermediate inputs that "
                    "value added excludes, so neither is a share of the other",
                    f"{ia.name_zh}是{measure_zh(ia.measure)}，{ib.name_zh}是"
                    f"{measure_zh(ib.measure)}：总产值包含增加值所不含的中间投入，"
                    "二者都不是对方的一部分",
                )
            )
        else:
            reasons.append(
                Text(
                    f"different measures ({_measure_word(ia.measure)} vs "
                    f"{_measure_word(ib.measure)})",
                    f"计量方式不同（{measure_zh(ia.measure)}对{measure_zh(ib.measure)}）",
                )
            )
    elif ia.code != ib.code and ia.scope and ib.scope and ia.scope != ib.scope:
        reasons.append(
            Text(
                f"different scopes ({ia.scope} vs {ib.scope})",
                f"统计范围不同（{indicator_scope(ia.code, 'zh') or ia.scope}对"
                f"{indicator_scope(ib.code, 'zh') or ib.scope}）",
            )
        )
    elif ia.code != ib.code:
        reasons.append(
            Text(
                f"different indicators ({ia.name_en} vs {ib.name_en})",
                f"指标不同（{ia.name_zh}对{ib.name_zh}）",
            )
        )
    if {a.basis, b.basis} == {Basis.NOMINAL, Basis.REAL}:
        reasons.append(
            Text(
                "nominal (current prices) vs real (comparable prices); a deflator would be needed",
                "名义（现价）对实际（可比价）：需要平减指数",
            )
        )
    if a.period != b.period:
        reasons.append(
            Text(
                f"different periods ({_period_word(a.period)} vs {_period_word(b.period)})",
                f"时期不同（{_zh_period_word(a.period)}对{_zh_period_word(b.period)}）",
            )
        )
    if a.status != b.status:
        reasons.append(
            Text(
                f"{a.status.value} vs {b.status.value}",
                f"{_STATUS_ZH.get(a.status.value, a.status.value)}对"
                f"{_STATUS_ZH.get(b.status.value, b.status.value)}",
            )
        )
    if a.increment != b.increment:
        reasons.append(
            Text(
                "an increment (新增: a flow over its period) vs a level",
                "新增量（期内的流量）对水平值",
            )
        )
    return reasons


# ---------------------------------------------------------------------------------------------
# Synthetic observations (tests, what-if checks)


def observation_from_figure(
    obs_id: str,
    indicator: str,
    figure: str,
    *,
    period: str = "2020",
    region: Region | str = Region.CHINA,
    status: Status | str = Status.ACTUAL,
    basis: Basis | str | None = None,
    unit: str = "",
    breakdown: str = "",
    subject: str = "",
    source: str = "synthetic",
) -> Observation:
    """An observation read from a printed figure (``"突破3000亿元"``, ``"28.1%"``, ``"13个"``).

    Uses the same number reader as the catalog, so bounds and steps match real records.
    ``unit`` overrides the unit the reader infers (needed for bare numbers).
    """
    from regiondev.numbers import parse_figure

    parsed = parse_figure(figure)
    unit = unit or parsed.unit
    if basis is None:
        basis = Basis.NOMINAL if unit in ("cny_100m", "usd") else Basis.NOT_APPLICABLE
    return Observation(
        id=obs_id,
        source=source,
        region=Region(region),
        indicator=indicator,
        status=Status(status),
        period=Period.parse(period),
        value=parsed.value,
        unit=unit,
        bound=parsed.bound,
        low=parsed.low,
        high=parsed.high,
        basis=Basis(basis),
        quote=figure,
        figure=figure,
        step=parsed.step,
        breakdown=breakdown,
        subject=subject,
    )


def ids(observations: Sequence[Observation]) -> tuple[str, ...]:
    """Observation ids in order, without repeats."""
    return tuple(dict.fromkeys(o.id for o in observations))
