"""Chains of figures over time: growth against a base year, a level plus its additions.

* ``base_year_growth`` — growth relative to a named earlier period (比2019年增长12.7%, an
  observation with ``relative_to``) against the chain of annual rates between
  ((1 + G) = Π(1 + g_i)) or against an average over the same years ((1 + G) = (1 + a)^n).
* ``level_additions`` — a level plus the additions on record after it against a later level
  (1041 + 213 = 1254 vs a stated 1200).

Both are computed with :class:`regiondev.quantity.Quantity` (bounds and rounding of every
figure) and judged with :func:`regiondev.analysis.checks.base.compare`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from regiondev.analysis.checks.base import (
    CheckStatus,
    Indicators,
    Quantity,
    Verdict,
    compare,
    fmt_interval,
    ids,
    label,
    rounding_note,
    span_of,
)
from regiondev.analysis.checks.registry import CheckKind, Context, Role, Rule, register
from regiondev.formatting import period_label
from regiondev.messages import Message, Text, msg
from regiondev.model import Measure, Observation, PeriodKind

__all__ = ["base_year_growth", "level_additions"]


def _iv(q: Quantity, unit: str, rounded: bool = False) -> str:
    return fmt_interval(q.rounded if rounded else q.core, unit, calc=True)


def _verdict(
    check_id: str,
    kind: str,
    obs: Sequence[Observation],
    status: CheckStatus,
    expected: str,
    actual: str,
    message: str | Message,
    rule: str,
    *,
    exp: Quantity | None = None,
    act: Observation | None = None,
) -> Verdict:
    said: tuple[tuple[str, Message], ...] = ()
    if isinstance(message, Message):
        said, message = (("message", message),), message.render("en")
    return Verdict(
        check_id,
        kind,
        ids(obs),
        status,
        expected=expected,
        actual=actual,
        tolerance=f"implied with rounding {_iv(exp, act.unit if act else '', True)}"
        if exp is not None and exp.defined
        else "n/a",
        tolerance_source="; ".join(dict.fromkeys(rounding_note(o) for o in obs)),
        message=message,
        rule=rule,
        said=said,
        expected_low=exp.core.low if exp is not None and exp.defined else math.nan,
        expected_high=exp.core.high if exp is not None and exp.defined else math.nan,
        actual_low=act.low if act else math.nan,
        actual_high=act.high if act else math.nan,
    )


# ---------------------------------------------------------------------------- base-year growth
BASE_YEAR = "base_year_growth"


def base_year_growth(
    check_id: str,
    growth: Observation,
    rates: Sequence[Observation],
    average: Observation | None,
    indicators: Indicators,
    *,
    rule: str = "",
) -> Verdict:
    """Growth against a base year (``relative_to``) against the annual rates between, or an
    average over the same years: (1 + G) = Π(1 + g_i) = (1 + a)^n."""
    base = growth.relative_to
    obs = [growth, *rates, *([average] if average else [])]
    problems: list[str] = []
    if base is None:
        problems.append(f"{growth.id} names no earlier period (relative_to)")
        n = 0
    else:
        n = growth.period.end_year - base.end_year
        years = sorted(o.period.end_year for o in rates)
        if rates and years != list(range(base.end_year + 1, growth.period.end_year + 1)):
            problems.append(
                f"the annual rates cover {', '.join(map(str, years))}, not each year from "
                f"{base.end_year + 1} to {growth.period.end_year}"
            )
    for o in obs:
        if indicators[o.indicator].measure is not Measure.GROWTH_RATE or o.unit != "percent":
            problems.append(f"{o.id} is not a growth rate in percent")
        if o.region != growth.region:
            problems.append(f"{o.id} is for another region")
    if len({o.basis for o in obs}) > 1:
        problems.append("the rates mix real and nominal growth")
    if not rates and average is None:
        problems.append("no annual rates or average over the years to compare with")
    if problems:
        return _verdict(
            check_id,
            BASE_YEAR,
            obs,
            CheckStatus.NOT_COMPARABLE,
            "(1 + G) = Π(1 + g)",
            growth.figure,
            f"{label(growth)} cannot be checked against "
            f"{', '.join(label(o) for o in obs[1:]) or 'other rates'}: {'; '.join(problems)}.",
            rule,
        )
    assert base is not None
    if rates:
        factor = Quantity.point(1.0)
        for o in sorted(rates, key=lambda r: r.period.end_year):
            factor = factor * (1 + span_of(o) / 100)
        how = " × ".join(f"(1 + {o.figure})" for o in rates) + " − 1"
        what: Message = msg("c_annual_rates", rates=", ".join(label(o) for o in rates))
    else:
        assert average is not None
        factor = (1 + span_of(average) / 100) ** n
        how = f"(1 + {average.figure})^{n} − 1"
        what = msg("c_the_average", average=label(average))
    implied = (factor - 1) * 100
    status = compare(implied, span_of(growth))
    return _verdict(
        check_id,
        BASE_YEAR,
        obs,
        status,
        f"{how} = {_iv(implied, 'percent')}",
        f"{growth.figure} since {base.describe()}",
        msg(
            "c_base_year",
            what=what,
            n=n,
            implied=_iv(implied, "percent"),
            base=Text(base.describe(), period_label(str(base), "zh")),
            verb=msg(_VERB_SAID[status]),
            growth=label(growth),
        ),
        rule,
        exp=implied,
        act=growth,
    )


def _run_base_year(rule: Rule, ctx: Context) -> list[Verdict]:
    many = BASE_YEAR_KIND.many(rule, ctx)
    average = many.get("average", (None,))[0]
    return [
        base_year_growth(
            rule.id,
            many["growth"][0],
            many.get("rates", ()),
            average,
            ctx.indicators,
            rule=rule.origin,
        )
    ]


def _validate_base_year(roles: dict[str, tuple[str, ...]], params: dict[str, Any]) -> str:
    return "" if "rates" in roles or "average" in roles else "give rates or an average"


BASE_YEAR_KIND = register(
    CheckKind(
        BASE_YEAR,
        {
            "growth": Role(doc="a growth rate with relative_to"),
            "rates": Role(False, True, "the annual rates of each year after the base"),
            "average": Role(False, False, "an average over the same years"),
        },
        _run_base_year,
        validate=_validate_base_year,
        doc="growth against a base year vs the chain of annual rates",
    )
)


# ---------------------------------------------------------------------------- level + additions
ADDITIONS = "level_additions"


def level_additions(
    check_id: str,
    start: Observation,
    additions: Sequence[Observation],
    end: Observation,
    indicators: Indicators,
    *,
    rule: str = "",
) -> Verdict:
    """A level plus the additions after it against a later level: L0 + ΣΔ = L1."""
    obs = [start, *additions, end]
    problems: list[str] = []
    for o in (start, end):
        if o.increment:
            problems.append(f"{o.id} is an increment, not a level")
    for o in additions:
        if not o.increment:
            problems.append(f"{o.id} is a level, not an addition (increment)")
    stems = {o.indicator.removesuffix("_new") if o.increment else o.indicator for o in obs}
    if len(stems) > 1 or len({(o.unit, o.region, o.subject, o.breakdown) for o in obs}) > 1:
        problems.append("the figures are not of one indicator, unit, region and part")
    if problems:
        return _verdict(
            check_id,
            ADDITIONS,
            obs,
            CheckStatus.NOT_COMPARABLE,
            "L0 + ΣΔ = L1",
            end.figure,
            f"{label(end)} cannot be checked against {label(start)} and its additions: "
            f"{'; '.join(problems)}.",
            rule,
        )
    implied = span_of(start)
    for o in additions:
        implied = implied + span_of(o)
    status = compare(implied, span_of(end))
    unit = end.unit
    how = " + ".join(o.figure for o in [start, *additions])
    return _verdict(
        check_id,
        ADDITIONS,
        obs,
        status,
        f"{how} = {_iv(implied, unit)}",
        f"{end.figure} ({fmt_interval(end.interval, unit)})",
        msg(
            "c_additions",
            start=label(start),
            start_at=_at_end_said(start),
            additions=", ".join(label(o) for o in additions),
            implied=_iv(implied, unit),
            end_at=_at_end_said(end),
            verb=msg(_VERB_SAID[status]),
            end=label(end),
        ),
        rule,
        exp=implied,
        act=end,
    )


def _at_end(o: Observation) -> str:
    """When a level stands: ``at the end of 2020``, ``at the end of Jan–Jun 2021``,
    ``at 2021-06-30``."""
    p = o.period
    if p.kind is PeriodKind.DATE:
        return p.describe()
    if p.kind is PeriodKind.YEAR:
        return f"at the end of {p.start_year}"
    return f"at the end of {p.describe()}"


def _run_additions(rule: Rule, ctx: Context) -> list[Verdict]:
    one, many = ADDITIONS_KIND.one(rule, ctx), ADDITIONS_KIND.many(rule, ctx)
    return [
        level_additions(
            rule.id, one["start"], many["additions"], one["end"], ctx.indicators, rule=rule.origin
        )
    ]


ADDITIONS_KIND = register(
    CheckKind(
        ADDITIONS,
        {"start": Role(), "additions": Role(True, True), "end": Role()},
        _run_additions,
        doc="a level plus the additions on record against a later level",
    )
)


def _at_end_said(o: Observation) -> Text:
    """:func:`_at_end` in both languages (2020年末, 2021年6月30日)."""
    p = o.period
    if p.kind is PeriodKind.DATE:
        zh = period_label(str(p), "zh")
    elif p.kind is PeriodKind.YEAR:
        zh = f"{p.start_year}年末"
    else:
        zh = f"{period_label(str(p), 'zh')}末"
    return Text(_at_end(o), zh)


_VERB_SAID = {
    CheckStatus.PASS: "c_verb_pass",
    CheckStatus.FAIL: "c_verb_fail",
    CheckStatus.WARN: "c_verb_warn",
}
