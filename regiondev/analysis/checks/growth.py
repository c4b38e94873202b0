"""Growth compounding: average growth against levels, two-year averages, implied prior levels.

Rates are in percent as printed; the identities are those of
:mod:`regiondev.analysis.identities` (geometric averages, level / (1 + g)). Official growth
rates are real (comparable prices) and levels nominal (current prices): relating the two needs
a deflator, an explicit parameter; without one the comparison is ``not_comparable``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from regiondev.analysis.checks.base import (
    CheckStatus,
    Indicators,
    Quantity,
    Verdict,
    compare,
    contained,
    disjoint,
    fmt_interval,
    ids,
    label,
    rounding_note,
    span_of,
)
from regiondev.analysis.checks.registry import (
    CheckKind,
    Context,
    Param,
    Role,
    Rule,
    fraction_rate,
    pair_id,
    rate_range,
    register,
)
from regiondev.formatting import period_label
from regiondev.messages import Message, Text, msg, render
from regiondev.model import Basis, Interval, Measure, Observation, Period

__all__ = ["DEFLATOR_RANGE", "average_vs_levels", "prior_level", "two_year_average"]

KIND = "growth_compounding"


def _rate(o: Observation) -> Quantity:
    """A growth rate in percent as the factor 1 + g (7.1 % → 1.071), with its rounding."""
    return 1 + span_of(o) / 100


def _pct_of(factor: Quantity) -> Quantity:
    """A factor back to a growth rate in percent: (factor − 1) × 100."""
    return (factor - 1) * 100


#: The plausible range of an annual GDP deflator for a Chinese region in the 2010s–2020s
#: (fractions): -2 % .. 6 %. Provincial deflators ran from about -1 % (2015–16) to about 5 %
#: (2011, 2021); an implied deflator outside this range says the figures do not fit together.
DEFLATOR_RANGE = (-0.02, 0.06)

_VERB = {
    CheckStatus.PASS: "consistent with",
    CheckStatus.FAIL: "which contradicts",
    CheckStatus.WARN: "which overlaps only in part (some values inside the bounds agree, "
    "others not) with",
}


def _rate_said(q: Quantity) -> Text:
    """:func:`_rate_text` in both languages."""
    if not q.defined:
        return Text(_rate_text(q), f"（无定义：{q.undefined}）")
    core, rnd = (q * 100).core, (q * 100).rounded
    return Text(_rate_text(q), f"{_iv(core, 'percent')}（考虑舍入为{_iv(rnd, 'percent')}）")


def _period_said(p: Period) -> Text:
    """A period as ``Period.describe`` says it (year 2021) and in Chinese (2021年)."""
    return Text(p.describe(), period_label(str(p), "zh"))


#: "consistent with", "which contradicts"…: how an implied value stands to a stated one
_VERB_SAID = {
    CheckStatus.PASS: "c_verb_pass",
    CheckStatus.FAIL: "c_verb_fail",
    CheckStatus.WARN: "c_verb_warn",
}


def _rate_text(q: Quantity) -> str:
    """A rate given as a fraction, in percent: ``1.69% ([1.68, 1.7]% with rounding)``."""
    if not q.defined:
        return f"(undefined: {q.undefined})"
    core, rnd = (q * 100).core, (q * 100).rounded
    return f"{_iv(core, 'percent')} ({_iv(rnd, 'percent')} allowing for rounding)"


def _deflator_verdict(
    check_id: str,
    obs: Sequence[Observation],
    implied: Quantity,
    formula: str,
    plausible: tuple[float, float] | None,
    at_guess: str,
    rule: str,
    *,
    per_year: bool = False,
) -> Verdict:
    """Nominal levels against real growth: the verdict is on the deflator the figures imply
    (pass inside the plausible range, warn partly inside, fail outside), not on a guess."""
    lo, hi = plausible if plausible is not None else DEFLATOR_RANGE
    pct = implied * 100
    band = Quantity.interval(Interval(lo * 100, hi * 100))
    if not pct.defined:
        status = CheckStatus.NOT_CHECKABLE
    elif disjoint(pct.rounded, band.core):
        status = CheckStatus.FAIL
    elif contained(pct, band):
        status = CheckStatus.PASS
    else:
        status = CheckStatus.WARN
    rng = f"{lo:.1%} to {hi:.1%}"
    judged = {
        CheckStatus.PASS: f"inside the plausible range {rng}",
        CheckStatus.WARN: f"only partly inside the plausible range {rng}",
        CheckStatus.FAIL: f"outside the plausible range {rng}: the figures do not fit together",
        CheckStatus.NOT_CHECKABLE: "not a number",
    }[status]
    a_year = " a year" if per_year else ""
    message = (
        f"The nominal levels and the real growth of {', '.join(label(o) for o in obs)} imply "
        f"a deflator of {_rate_text(implied)}{a_year}, {judged}."
        + (f" (For comparison, {at_guess}.)" if at_guess else "")
    )
    return Verdict(
        check_id,
        KIND,
        ids(obs),
        status,
        expected=f"implied deflator {formula} = {_rate_text(implied)}",
        actual=f"plausible deflator {rng}",
        tolerance=f"implied with rounding {_iv(pct.rounded, 'percent')}" if pct.defined else "n/a",
        tolerance_source="; ".join(dict.fromkeys(rounding_note(o) for o in obs)),
        message=message,
        rule=rule,
        expected_low=pct.core.low if pct.defined else math.nan,
        expected_high=pct.core.high if pct.defined else math.nan,
        actual_low=lo * 100,
        actual_high=hi * 100,
    )


def prior_period(p: Period) -> Period:
    """The same period one year earlier (Q1–Q3 2021 → Q1–Q3 2020)."""
    return Period(p.kind, p.start_year - 1, p.end_year - 1, p.first, p.last, p.day)


def _iv(iv: Interval, unit: str) -> str:
    """A computed interval for a message, to sensible digits."""
    return fmt_interval(iv, unit, calc=True)


def _pct(s: Quantity) -> str:
    return _iv(s.core, "percent")


def _not_growth(o: Observation, indicators: Indicators) -> bool:
    return indicators[o.indicator].measure is not Measure.GROWTH_RATE or o.unit != "percent"


def _verdict(
    check_id: str,
    obs: Sequence[Observation],
    status: CheckStatus,
    expected: str | Message,
    actual: str | Message,
    message: str | Message,
    rule: str,
    *,
    tolerance: str = "n/a",
    exp: Quantity | None = None,
    act: Observation | None = None,
) -> Verdict:
    said = tuple(
        (name, text)
        for name, text in (("expected", expected), ("actual", actual), ("message", message))
        if isinstance(text, Message)
    )
    expected, actual, message = (render(x) for x in (expected, actual, message))
    return Verdict(
        check_id,
        KIND,
        ids(obs),
        status,
        expected=expected,
        actual=actual,
        tolerance=tolerance,
        tolerance_source="; ".join(dict.fromkeys(rounding_note(o) for o in obs)),
        message=message,
        rule=rule,
        said=said,
        expected_low=exp.core.low if exp else math.nan,
        expected_high=exp.core.high if exp else math.nan,
        actual_low=act.low if act else math.nan,
        actual_high=act.high if act else math.nan,
    )


def two_year_average(
    check_id: str,
    average: Observation,
    current: Observation,
    previous: Observation | None,
    indicators: Indicators,
    *,
    rule: str = "",
) -> Verdict:
    """A two-year (geometric) average against its single years: (1+a)² = (1+g1)(1+g2).

    With the earlier year's growth stated, the average it implies is compared with the
    stated average; without it the check is ``not_checkable`` and reports the earlier
    year's implied growth (1+a)²/(1+g2) − 1.
    """
    obs = [average, current] + ([previous] if previous else [])
    earlier = prior_period(current.period)
    problems = [
        f"{o.id} is not a growth rate in percent" for o in obs if _not_growth(o, indicators)
    ]
    if average.period != current.period or average.region != current.region:
        problems.append(f"{average.id} and {current.id} cover different periods or regions")
    if previous is not None and (previous.period != earlier or previous.region != current.region):
        problems.append(f"{previous.id} is not the growth of {earlier.describe()}")
    if len({o.basis for o in obs}) > 1:
        problems.append("the rates mix real and nominal growth")
    if problems:
        return _verdict(
            check_id,
            obs,
            CheckStatus.NOT_COMPARABLE,
            "(1+a)² = (1+g1)(1+g2)",
            "",
            f"The two-year average {label(average)} cannot be related to "
            f"{', '.join(label(o) for o in obs[1:])}: {'; '.join(problems)}.",
            rule,
        )
    a = span_of(average)
    if previous is None:
        g1 = _pct_of(_rate(average) ** 2 / _rate(current))
        return _verdict(
            check_id,
            obs,
            CheckStatus.NOT_CHECKABLE,
            msg(
                "c_growth_in",
                period=_period_said(earlier),
                formula=f"(1+{average.figure})²/(1+{current.figure}) − 1",
                value=_pct(g1),
            ),
            msg("c_no_growth", period=_period_said(earlier)),
            msg(
                "c_two_year_none",
                average=label(average),
                current=label(current),
                p2=_period_said(current.period),
                implied=_pct(g1),
                rounded=_iv(g1.rounded, "percent"),
                p1=_period_said(earlier),
            ),
            rule,
            tolerance=f"implied with rounding {_iv(g1.rounded, 'percent')}",
            exp=g1,
        )
    implied = _pct_of((_rate(previous) * _rate(current)).root(2))
    status = compare(implied, a)
    return _verdict(
        check_id,
        obs,
        status,
        f"√((1+{previous.figure})(1+{current.figure})) − 1 = {_pct(implied)}",
        f"{average.figure} ({fmt_interval(average.interval, 'percent')})",
        msg(
            "c_two_year",
            previous=label(previous),
            p1=_period_said(earlier),
            current=label(current),
            p2=_period_said(current.period),
            implied=_pct(implied),
            verb=msg(_VERB_SAID[status]),
            average=label(average),
        ),
        rule,
        tolerance=f"implied with rounding {_iv(implied.rounded, 'percent')}; stated "
        f"with rounding {fmt_interval(a.rounded, 'percent')}",
        exp=implied,
        act=average,
    )


def _mixes_bases(rate: Observation, level: Observation) -> bool:
    return rate.basis is Basis.REAL and level.basis is Basis.NOMINAL


def prior_level(
    check_id: str,
    level: Observation,
    growth: Observation,
    prior: Observation | None,
    indicators: Indicators,
    *,
    deflator: float | None = None,
    deflator_range: tuple[float, float] | None = None,
    rule: str = "",
) -> Verdict:
    """A level and its growth imply the prior level: level / (1 + g) [/(1 + deflator)].

    A real growth rate applied to a nominal level gives the prior level at the current
    period's prices; comparing it with a stated (nominal) prior level needs a deflator.
    Given an assumed ``deflator`` (or a ``deflator_range``), the verdict is on the deflator
    the figures imply — level / prior / (1 + g) − 1, an interval from rounding — against the
    plausible range (default :data:`DEFLATOR_RANGE`), never on the one guessed value; the
    message says what the guess would give.
    """
    obs = [level, growth] + ([prior] if prior else [])
    earlier = prior_period(level.period)
    problems: list[str] = []
    if _not_growth(growth, indicators):
        problems.append(f"{growth.id} is not a growth rate in percent")
    of = indicators[growth.indicator].of
    if of and of != level.indicator:
        problems.append(f"{growth.figure} is the growth of {of}, not of {level.indicator}")
    if growth.period != level.period or growth.region != level.region:
        problems.append(f"{growth.id} and {level.id} cover different periods or regions")
    if prior is not None and (
        prior.indicator != level.indicator
        or prior.period != earlier
        or prior.region != level.region
    ):
        problems.append(f"{prior.id} is not {level.indicator} for {earlier.describe()}")
    mixed = _mixes_bases(growth, level)
    if problems:
        return _verdict(
            check_id,
            obs,
            CheckStatus.NOT_COMPARABLE,
            f"{level.figure} / (1 + {growth.figure})",
            "",
            f"{label(level)} and {label(growth)} cannot imply a prior level: "
            f"{'; '.join(problems)}.",
            rule,
        )
    d = deflator if (mixed and deflator is not None) else 0.0
    implied = span_of(level) / (_rate(growth) * (1 + d))
    unit = level.unit
    formula = f"{level.figure} / (1 + {growth.figure})" + (f" / (1 + {d:g})" if d else "")
    prices = (
        msg("c_prices_real", period=_period_said(level.period))
        if mixed and deflator is None
        else ""
    )
    if prior is None:
        return _verdict(
            check_id,
            obs,
            CheckStatus.NOT_CHECKABLE,
            msg("c_expr", formula=formula, value=_iv(implied.core, unit), prices=""),
            msg("c_no_level", period=_period_said(earlier)),
            msg(
                "c_prior_none",
                level=label(level),
                growth=label(growth),
                implied=_iv(implied.core, unit),
                prices=prices,
                period=_period_said(earlier),
            ),
            rule,
            tolerance=f"implied with rounding {_iv(implied.rounded, unit)}",
            exp=implied,
        )
    implied_d = span_of(level) / span_of(prior) / _rate(growth) - 1
    d_formula = f"{level.figure} / {prior.figure} / (1 + {growth.figure}) − 1"
    if mixed and deflator is None and deflator_range is None:
        return _verdict(
            check_id,
            obs,
            CheckStatus.NOT_COMPARABLE,
            msg("c_expr", formula=formula, value=_iv(implied.core, unit), prices=prices),
            msg("c_nominal", figure=prior.figure),
            msg(
                "c_prior_mixed",
                level=label(level),
                growth=label(growth),
                implied=_iv(implied.core, unit),
                prices=prices,
                prior=label(prior),
                deflator=_rate_said(implied_d),
            ),
            rule,
            exp=implied,
            act=prior,
        )
    if mixed:
        status = compare(implied, span_of(prior))
        at_guess = (
            f"at an assumed {d:.1%} the implied level would be {_iv(implied.core, unit)}, "
            f"{_VERB[status]} {label(prior)}"
            if deflator is not None
            else ""
        )
        return _deflator_verdict(
            check_id, obs, implied_d, d_formula, deflator_range, at_guess, rule
        )
    status = compare(implied, span_of(prior))
    verb = {
        CheckStatus.PASS: "consistent with",
        CheckStatus.FAIL: "which contradicts",
        CheckStatus.WARN: "which overlaps only in part (some values inside the bounds agree, "
        "others not) with",
    }[status]
    assumption = f" (assuming a deflator of {d:.1%})" if d else ""
    return _verdict(
        check_id,
        obs,
        status,
        f"{formula} = {_iv(implied.core, unit)}",
        f"{prior.figure} ({fmt_interval(prior.interval, unit)})",
        f"{label(level)} growing by {label(growth)} implies {_iv(implied.core, unit)} "
        f"for {earlier.describe()}{assumption}, {verb} the stated {label(prior)}.",
        rule,
        tolerance=f"implied with rounding {_iv(implied.rounded, unit)}",
        exp=implied,
        act=prior,
    )


def average_vs_levels(
    check_id: str,
    growth: Observation,
    start: Observation | None,
    end: Observation | None,
    indicators: Indicators,
    *,
    deflator: float | None = None,
    deflator_range: tuple[float, float] | None = None,
    rule: str = "",
) -> Verdict:
    """A multi-year average growth over a span against the levels at both ends.

    Over ``2016-2020`` (5 years) the levels are end-2015 (``start``) and 2020 (``end``):
    CAGR = (end/start)^(1/5) − 1. A nominal CAGR is compared with a real average only
    through a deflator ((1 + nominal) = (1 + real)(1 + deflator)): given an assumed
    ``deflator`` (or a ``deflator_range``) the verdict is on the implied deflator
    (end/start)^(1/n) / (1 + g) − 1 against the plausible range, as for :func:`prior_level`.
    With one end missing, the check is ``not_checkable`` and reports the implied level.
    """
    obs = [growth] + [o for o in (start, end) if o is not None]
    n = growth.period.years
    first, last = growth.period.start_year - 1, growth.period.end_year
    problems: list[str] = []
    if _not_growth(growth, indicators):
        problems.append(f"{growth.id} is not a growth rate in percent")
    if start is not None and start.period.anchor_year != first:
        problems.append(f"{start.id} is not a level for {first}")
    if end is not None and end.period.anchor_year != last:
        problems.append(f"{end.id} is not a level for {last}")
    levels = [o for o in (start, end) if o is not None]
    for o in levels:
        if not o.period.is_annual_point:
            problems.append(f"{o.id} covers {o.period.describe()}, not a whole year")
        if o.region != growth.region:
            problems.append(f"{o.id} is for another region")
    if len({o.indicator for o in levels}) > 1:
        problems.append("the two levels are different indicators")
    mixed = any(_mixes_bases(growth, o) for o in levels)
    if problems:
        return _verdict(
            check_id,
            obs,
            CheckStatus.NOT_COMPARABLE,
            f"levels {first} and {last}",
            growth.figure,
            f"{label(growth)} cannot be checked against "
            f"{', '.join(label(o) for o in levels) or 'its levels'}: {'; '.join(problems)}.",
            rule,
        )
    d = deflator if (mixed and deflator is not None) else 0.0
    g = span_of(growth)
    if start is None or end is None:
        if start is None and end is None:
            return _verdict(
                check_id,
                obs,
                CheckStatus.NOT_CHECKABLE,
                f"levels for {first} and {last}",
                "none stated",
                f"No level for {first} or {last} is stated to check {label(growth)} against.",
                rule,
            )
        known = end if start is None else start
        assert known is not None
        unit = known.unit
        if start is None:
            implied = span_of(known) / (_rate(growth) * (1 + d)) ** n
            year, formula = first, f"{known.figure} / (1 + {growth.figure})^{n}"
        else:
            implied = span_of(known) * (_rate(growth) * (1 + d)) ** n
            year, formula = last, f"{known.figure} × (1 + {growth.figure})^{n}"
        prices = (
            f" at {known.period.anchor_year} prices (real growth applied to a nominal level)"
            if mixed and deflator is None
            else ""
        )
        return _verdict(
            check_id,
            obs,
            CheckStatus.NOT_CHECKABLE,
            f"{formula} = {_iv(implied.core, unit)}",
            f"no stated level for {year}",
            f"Average growth of {label(growth)} over {growth.period.describe()} and "
            f"{label(known)} imply a level of {_iv(implied.core, unit)}{prices} for "
            f"{year}; no level for {year} is stated to compare with.",
            rule,
            tolerance=f"implied with rounding {_iv(implied.rounded, unit)}",
            exp=implied,
        )
    implied_d = (span_of(end) / span_of(start)).root(n) / _rate(growth) - 1
    d_formula = f"({end.figure}/{start.figure})^(1/{n}) / (1 + {growth.figure}) − 1"
    if mixed and deflator is None and deflator_range is None:
        return _verdict(
            check_id,
            obs,
            CheckStatus.NOT_COMPARABLE,
            msg("c_cagr_of", start=start.figure, end=end.figure, n=n),
            msg("c_real", figure=growth.figure),
            msg(
                "c_levels_mixed",
                start=label(start),
                end=label(end),
                growth=label(growth),
                deflator=_rate_said(implied_d),
            ),
            rule,
        )
    if mixed:
        cagr_at = _pct_of((span_of(end) / span_of(start)).root(n) / (1 + d))
        at_guess = (
            f"at an assumed {d:.1%} a year the real CAGR would be {_pct(cagr_at)}, "
            f"{_VERB[compare(cagr_at, g)]} {label(growth)}"
            if deflator is not None
            else ""
        )
        return _deflator_verdict(
            check_id, obs, implied_d, d_formula, deflator_range, at_guess, rule, per_year=True
        )
    cagr = _pct_of((span_of(end) / span_of(start)).root(n) / (1 + d))
    status = compare(cagr, g)
    verb = {
        CheckStatus.PASS: "consistent with",
        CheckStatus.FAIL: "which contradicts",
        CheckStatus.WARN: "which overlaps only in part (some values inside the bounds agree, "
        "others not) with",
    }[status]
    assumption = f" after a deflator of {d:.1%} a year" if d else ""
    return _verdict(
        check_id,
        obs,
        status,
        f"({end.figure}/{start.figure})^(1/{n}) − 1 = {_pct(cagr)}",
        f"{growth.figure} ({fmt_interval(growth.interval, 'percent')})",
        f"Growing from {label(start)} to {label(end)} over {n} years is {_pct(cagr)} a "
        f"year{assumption}, {verb} the stated average {label(growth)}.",
        rule,
        tolerance=f"implied with rounding {_iv(cagr.rounded, 'percent')}; stated with "
        f"rounding {fmt_interval(g.rounded, 'percent')}",
        exp=cagr,
        act=growth,
    )


# ---------------------------------------------------------------------------------------------
# The kind: roles, parameters, run

#: growth_compounding modes: their required roles and every role they take.
MODES: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {
    "two_year_average": (("average", "current"), frozenset({"average", "current", "previous"})),
    "prior_level": (("level", "growth"), frozenset({"level", "growth", "prior"})),
    "average_vs_levels": (("growth",), frozenset({"growth", "start", "end"})),
}


def _validate(roles: dict[str, tuple[str, ...]], params: dict[str, Any]) -> str:
    mode = params.get("mode")
    if mode not in MODES:
        return f"mode {mode!r} is not one of: {', '.join(MODES)}"
    required, allowed = MODES[mode]
    missing = [r for r in required if r not in roles]
    if missing:
        return f"mode {mode} needs the role(s) {', '.join(missing)}"
    extra = set(roles) - allowed
    if extra:
        return f"mode {mode} takes no role(s) {', '.join(sorted(extra))}"
    if mode == "two_year_average" and ("deflator" in params or "deflator_range" in params):
        return "a two-year average takes no deflator"
    return ""


def _mode(x: Any) -> str:
    return "" if x in MODES else f"{x!r} is not one of: {', '.join(MODES)}"


def _run(rule: Rule, ctx: Context) -> list[Verdict]:
    """Growth checks against every stated figure of the compared quantity.

    An optional figure the rule leaves out is looked up; every figure found (and every other
    statement of a named one) gets its own verdict. A rule without its own deflator takes the
    run's (``check(deflator=…)``).
    """
    one = KIND_SPEC.one(rule, ctx)
    ind = ctx.indicators
    rid, origin = rule.id, rule.origin
    raw = rule.params.get("deflator", ctx.deflator)
    deflator = float(raw) if raw is not None else None
    raw_range = rule.params.get("deflator_range", ctx.deflator_range)
    rng = (float(raw_range[0]), float(raw_range[1])) if raw_range is not None else None
    mode = rule.params["mode"]
    if mode == "two_year_average":
        cur = one["current"]
        earlier = prior_period(cur.period)
        prevs = ctx.stated_or_found(
            one.get("previous"),
            lambda: ctx.find_all(cur, cur.indicator, lambda o: o.period == earlier),
        )
        return [
            two_year_average(pair_id(rid, i, [p]), one["average"], cur, p, ind, rule=origin)
            for i, p in enumerate(prevs)
        ]
    if mode == "prior_level":
        lev = one["level"]
        earlier = prior_period(lev.period)
        priors = ctx.stated_or_found(
            one.get("prior"),
            lambda: ctx.find_all(lev, lev.indicator, lambda o: o.period == earlier),
        )
        return [
            prior_level(
                pair_id(rid, i, [p]),
                lev,
                one["growth"],
                p,
                ind,
                deflator=deflator,
                deflator_range=rng,
                rule=origin,
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
            ctx.find_all(
                growth,
                code,
                lambda o: o.period.is_annual_point and o.period.anchor_year == year,
            )
            if code
            else []
        )

    starts = ctx.stated_or_found(one.get("start"), at(first))
    ends = ctx.stated_or_found(one.get("end"), at(last))
    pairs = [(s, e) for s in starts for e in ends]
    return [
        average_vs_levels(
            pair_id(rid, i, [s, e]),
            growth,
            s,
            e,
            ind,
            deflator=deflator,
            deflator_range=rng,
            rule=origin,
        )
        for i, (s, e) in enumerate(pairs)
    ]


KIND_SPEC = register(
    CheckKind(
        KIND,
        {
            role: Role(required=False)
            for role in (
                "average",
                "current",
                "previous",
                "level",
                "growth",
                "prior",
                "start",
                "end",
            )
        },
        _run,
        params={
            "mode": Param("two_year_average, prior_level or average_vs_levels", _mode),
            "deflator": Param("an assumed annual deflator (fraction)", fraction_rate),
            "deflator_range": Param(
                "the plausible [low, high] annual deflator (fractions; default [-0.02, 0.06])",
                rate_range,
            ),
        },
        validate=_validate,
        doc="growth rates against levels and each other (compounding)",
    )
)
