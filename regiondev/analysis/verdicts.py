"""A verdict for every target: met / missed against an outcome, else the pace or the reason.

``assess(cat, target, row, opts)`` completes a growth row (``growth.py``: baseline, required
growth, history, trend) with the verdict fields of ``GROWTH_COLUMNS`` and the trajectory:

- an **outcome** is an actual figure of the target's indicator, region, subject and
  breakdown for the target's own period (stated, or for a share derived from its part and
  whole, or for a flow the additions on record that cover the period, or for an average
  rate the annual rates of every year of its span). It gives ``met`` / ``missed``
  (``targets.compare``) whatever ``as_of`` says; a unit or basis that differs from the
  target's, or a related indicator's figure only, gives ``not_assessable`` with the reason.
- a period that is over with no outcome gives ``no_outcome`` with the latest figure, the
  margin to the target and the gap the outcomes research recorded, if any. A partial period
  (Jan–Nov) of a rate target is a proxy, named so, never a verdict.
- a period still to come gives the pace band (``progress.classify``) of the pace on record
  against the pace required from the latest figure: a CAGR for levels and counts,
  percentage points a year for shares, additions a year for flows.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from regiondev._catalog import Catalog
from regiondev.analysis.growth import GrowthRow, Options, TrajectoryPoint, direction_of
from regiondev.analysis.progress import (
    BASIS_DIFFERS,
    NO_HISTORY,
    TARGET_ALREADY_MET,
    classify,
)
from regiondev.analysis.records import actuals, flows, value_interval
from regiondev.analysis.targets import (
    MET,
    MISSED,
    NO_OUTCOME,
    NOT_ASSESSABLE,
    ON_TRACK,
    PACE_VERDICTS,
    compare,
    fmt_number,
    fmt_target,
    fmt_value,
    margin_of,
)
from regiondev.analysis.timeaxis import date_x, period_x
from regiondev.model import (
    Basis,
    Bound,
    Indicator,
    Interval,
    Measure,
    Observation,
    Period,
    PeriodKind,
)
from regiondev.quantity import Quantity

__all__ = ["assess"]


def assess(cat: Catalog, target: Observation, row: GrowthRow, opts: Options) -> GrowthRow:
    """The row with its verdict, margin, outcome, latest figure, pace and trajectory."""
    ind = cat.indicator(target.indicator)
    fields: dict[str, Any] = {
        "period_over": opts.period_over(target),
        "target_x": period_x(target.period),
    }
    try:
        if target.increment:
            fields.update(_flow(cat, target, ind, row, opts))
        elif ind.measure is Measure.GROWTH_RATE:
            fields.update(_rate(cat, target, ind, row, opts))
        elif ind.measure is Measure.SHARE:
            fields.update(_share(cat, target, ind, row, opts))
        else:
            fields.update(_level(cat, target, ind, row, opts))
    except (ValueError, ZeroDivisionError, OverflowError) as exc:
        fields.update(_not_assessable(target, ind, f"the figures allow no computation ({exc})"))
    points = list(fields.pop("points", row.points))
    points.append(
        TrajectoryPoint(
            "target", period_x(target.period), target.value, target.low, target.high, (target.id,)
        )
    )
    fields["points"] = tuple(points)
    known = {o.id for o in cat.observations}
    ids = list(row.observation_ids)
    for key in ("outcome_id", "latest_id"):
        for i in str(fields.get(key) or "").split("+"):
            if i and i in known and i not in ids:
                ids.append(i)
    fields["observation_ids"] = tuple(ids)
    note = fields.pop("extra_note", "")
    if note:
        fields["note"] = f"{row.note}; {note}" if row.note else note
    if fields.get("verdict") in (MET, MISSED):
        fields["classification"] = fields["verdict"]
        fields.update(trend_projection=None, trend_low=None, trend_high=None, p_met=None)
        fields["points"] = tuple(p for p in fields["points"] if not p.kind.startswith("projection"))
    done = replace(row, **fields)
    return replace(done, derivation=_derivation(done, target) or None)


def _derivation(r: GrowthRow, target: Observation) -> str:
    """How every derived number of the row was computed, in one line (baseline first)."""
    parts = [r.derivation] if r.derivation else []
    if r.required_cagr is not None:
        if r.base_value is not None and r.years:
            parts.append(
                f"required CAGR = ({fmt_number(target.value)} / {r.base_value:.6g})^(1/"
                f"{r.years:.6g}) − 1 = {r.required_cagr:.6f}"
            )
        else:
            parts.append(
                f"required rate = the printed target {target.value:g} % = {r.required_cagr:.4f} "
                f"(interval [{r.required_cagr_low}, {r.required_cagr_high}] from its rounding)"
            )
    if r.historical_growth is not None:
        parts.append(
            f"growth on record {r.historical_growth:.6f} ({r.historical_basis}, "
            f"{r.historical_period}) from {', '.join(r.historical_ids)}"
        )
    if r.ratio is not None and r.historical_growth_comparable is not None and r.required_cagr:
        parts.append(
            f"ratio = {r.historical_growth_comparable:.6f} / {r.required_cagr:.6f} = {r.ratio:.6f}"
        )
    if r.trend_projection is not None:
        parts.append(
            f"log-linear trend projection {r.trend_projection:.6g} [{r.trend_low:.6g}, "
            f"{r.trend_high:.6g}], P(met) {r.p_met}"
        )
    if r.margin is not None:
        parts.append(f"margin: {r.verdict_text}")
    elif r.required_pace is not None and r.required_cagr is None:
        parts.append(f"required pace: {r.verdict_text}")
    return "; ".join(p for p in parts if p)


# ---------------------------------------------------------------------------------------------
# words


def _name(target: Observation, ind: Indicator) -> str:
    who = target.region.value.capitalize()
    if target.subject:
        who += f" ({target.subject})"
    return f"{who} {ind.name_en}"


def _target_words(target: Observation) -> str:
    return fmt_target(target.bound, target.value, target.low, target.high, target.unit)


def _when(period: str) -> str:
    """'in 2024' for a year, 'at 2022-09-16' for a date, else 'for 2019M01-M11'."""
    if len(period) == 4:
        return f"in {period}"
    if len(period) == 10 and period[4] == "-" and period[7] == "-":
        return f"at {period}"
    return f"for {period}"


def _ids_words(ids: str) -> str:
    """'a, b' for the '+'-joined ids of a field: a sentence breaks between them."""
    return ", ".join(ids.split("+"))


def _years(n: float) -> str:
    return f"{n:.4g} year" + ("" if abs(n - 1.0) < 1e-9 else "s")


def _gap_note(cat: Catalog, target: Observation, after: float | None = None) -> str:
    """The outcomes layer's NOT FOUND gaps for the target's region, indicator and subject.

    A gap counts when one of its periods is the target's or ends after ``after`` (the latest
    figure's place on the time axis): the research looked for a later figure and found none.
    """
    hits: list[str] = []
    for g in getattr(cat, "gaps", ()) or ():
        if str(getattr(g, "region", "")) != target.region.value:
            continue
        if getattr(g, "indicator", "") != target.indicator:
            continue
        if getattr(g, "subject", "") != target.subject:
            continue
        periods = [p for p in getattr(g, "periods", ()) if isinstance(p, Period)]
        later = [
            p for p in periods if p == target.period or after is None or period_x(p) > after + 1e-9
        ]
        if later:
            hits.append(f"{', '.join(str(p) for p in later)} ({g.id})")
    if not hits:
        return ""
    return " The outcomes research searched for a later figure and recorded it as NOT FOUND: " + (
        "; ".join(hits) + "."
    )


def _not_assessable(target: Observation, ind: Indicator, reason: str) -> dict[str, Any]:
    return {
        "verdict": NOT_ASSESSABLE,
        "verdict_text": f"Not assessable: {_name(target, ind)}, target {_target_words(target)} "
        f"{_when(str(target.period))}: {reason}.",
        "extra_note": f"verdict not_assessable: {reason}",
    }


def _target_interval(target: Observation, ind: Indicator) -> tuple[float, float]:
    """The target's ends for a comparison: its threshold, or its (rounded) value interval."""
    if direction_of(target) != "about":
        return target.low, target.high
    iv = value_interval(target, ind)
    return iv.low, iv.high


def _outcome_fields(
    target: Observation,
    ind: Indicator,
    value: float,
    interval: Interval,
    printed: Interval,
    oid: str,
    period: str,
    words: str,
) -> dict[str, Any]:
    """met / missed (or not_assessable when the outcome's bound decides nothing)."""
    t_low, t_high = _target_interval(target, ind)
    c = compare(value, interval, printed, target.bound, target.value, t_low, t_high, target.unit)
    base = {
        "outcome_id": oid,
        "outcome_value": value,
        "outcome_period": period,
        "margin": c.margin,
        "margin_unit": c.margin_unit,
    }
    head = f"{_name(target, ind)} was {words} {_when(period)}"
    goal = f"the target of {_target_words(target)} for {target.period}"
    if c.verdict is None:
        reason = (
            f"the outcome, {words} {_when(period)} ({_ids_words(oid)}), does not say whether "
            f"{goal} was reached"
        )
        return {**base, **_not_assessable(target, ind, reason)}
    if c.verdict == MET:
        where = {"inside": "within", "above": "above"}.get(c.relation, "meeting")
        if c.relation == "above" and direction_of(target) == "about":
            where = "above the upper end of"
        text = f"Met: {head}, {where} {goal} ({c.arithmetic})."
    else:
        text = f"Missed: {head}, short of {goal} ({c.arithmetic})."
    if c.printed_only:
        text = text[:-1] + "; decided on the printed figures: their rounding straddles the target)."
    return {**base, "verdict": c.verdict, "verdict_text": text, "extra_note": text}


def _latest_fields(
    cat: Catalog,
    target: Observation,
    ind: Indicator,
    value: float | None,
    words: str,
    lid: str | None,
    period: str | None,
    needed: str = "",
    proxy: str = "",
    why: str = "",
    floor: bool = False,
) -> dict[str, Any]:
    """no_outcome: the period is over and no outcome for it is on record. ``floor``: the latest
    figure is only a lower bound (突破…), so its margin is the most it can fall short."""
    text = (
        f"No outcome on record: {_name(target, ind)} for {target.period} (target: "
        f"{_target_words(target)}) is not on record, and the period is over"
    )
    fields: dict[str, Any] = {"verdict": NO_OUTCOME}
    if value is not None and lid is not None and period is not None:
        t_low, _ = _target_interval(target, ind)
        reference = target.value if direction_of(target) != "about" else t_low
        margin, unit, arithmetic = margin_of(value, reference, target.unit)
        fields.update(latest_id=lid, latest_value=value, latest_period=period)
        fields.update(margin=margin, margin_unit=unit)
        kind = "a proxy (a partial period, never a verdict)" if proxy else "the latest figure"
        text += f"; {kind} is {words} {_when(period)} ({_ids_words(lid)}): {arithmetic}"
        if floor:
            text += " at most (the figure is a lower bound, so the shortfall is at most this)"
        if needed:
            text += f"; {needed}"
    else:
        text += "; no earlier figure is on record either"
        if why:
            text += f" ({why})"
    after = period_x(Period.parse(period)) if period and _parses(period) else None
    text += "." + _gap_note(cat, target, after)
    fields["verdict_text"] = text
    fields["extra_note"] = text
    return fields


def _parses(text: str) -> bool:
    try:
        Period.parse(text)
    except ValueError:
        return False
    return True


def _pace_fields(
    target: Observation, ind: Indicator, row: GrowthRow, pace_words: str
) -> dict[str, Any]:
    """A pace band from the row's classification (period not over)."""
    cls = row.classification
    goal = f"{_target_words(target)} by the end of {target.period}"
    if cls == TARGET_ALREADY_MET:
        return {
            "verdict": ON_TRACK,
            "verdict_text": f"On track: {_name(target, ind)} already meets {goal} ({pace_words}).",
        }
    if cls in PACE_VERDICTS:
        label = cls.replace("_", " ").capitalize()
        ratio = f"; ratio {row.ratio:.3f}" if row.ratio is not None else ""
        return {
            "verdict": cls,
            "verdict_text": f"{label}: {_name(target, ind)}, {goal}: {pace_words}{ratio}.",
        }
    if cls == BASIS_DIFFERS:
        be = (
            f"; the ratio would reach 0.95 (on track) at a deflator of {row.breakeven_deflator:.2%}"
            if row.breakeven_deflator is not None
            else ""
        )
        return _not_assessable(
            target,
            ind,
            "the required rate is nominal and the growth on record real; no deflator assumed "
            f"(pass deflator=){be}",
        )
    if cls == NO_HISTORY:
        return _not_assessable(target, ind, f"no growth on record to set against {pace_words}")
    return _not_assessable(target, ind, row.reason or "no required pace")


# ---------------------------------------------------------------------------------------------
# levels and counts


def _best(records: list[Observation]) -> Observation:
    """The most precise record: an exact one first, then the narrowest interval."""
    return min(
        records,
        key=lambda o: (o.bound is not Bound.EXACT, o.high - o.low, -len(o.quote), o.id),
    )


def _mismatch(target: Observation, o: Observation) -> str:
    if o.unit != target.unit:
        return f"unit differs: the outcome {o.id} is in {o.unit}, the target in {target.unit}"
    bases = {o.basis, target.basis}
    if bases == {Basis.NOMINAL, Basis.REAL}:
        return (
            f"basis differs: the outcome {o.id} is {o.basis.value}, the target {target.basis.value}"
        )
    return ""


def _related_outcome(cat: Catalog, target: Observation, ind: Indicator) -> str:
    """A figure for the target's period of a related indicator only (scope or measure differs)."""
    for other in cat.indicators.values():
        if other.code == ind.code:
            continue
        a, b = sorted((other.code, ind.code), key=len)
        if not b.startswith(a + "_") or (
            other.measure is not ind.measure
            and (other.measure in (Measure.SHARE, Measure.GROWTH_RATE, Measure.RANK))
        ):
            continue
        for o in actuals(cat, target, other.code):
            if o.period == target.period:
                kind = "scope" if other.measure is ind.measure else "measure"
                return (
                    f"{kind} differs: the figure for {target.period} on record, {o.id} "
                    f"({fmt_value(o.value, o.unit)}), is {other.name_en}"
                    f"{' (' + other.scope + ')' if other.scope else ''}; the target is "
                    f"{ind.name_en}{' (' + ind.scope + ')' if ind.scope else ''}"
                )
    return ""


def _level(
    cat: Catalog, target: Observation, ind: Indicator, row: GrowthRow, opts: Options
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if row.required_cagr is not None:
        out.update(required_pace=row.required_cagr, required_pace_unit="fraction_per_year")
    own = [o for o in actuals(cat, target, target.indicator) if o.period == target.period]
    if own:
        o = _best(own)
        why = _mismatch(target, o)
        if why:
            return {**out, **_not_assessable(target, ind, why)}
        outcome = _outcome_fields(
            target,
            ind,
            o.value,
            value_interval(o, ind),
            o.interval,
            o.id,
            str(o.period),
            _words(o),
        )
        point = TrajectoryPoint(
            "outcome", period_x(o.period), o.value, *_ends(value_interval(o, ind)), (o.id,)
        )
        return {**out, **outcome, "points": (*row.points, point)}
    related = _related_outcome(cat, target, ind)
    if related:
        return {**out, **_not_assessable(target, ind, related)}
    path = _required_path(row, target)
    if target.value <= 0:
        return {**out, **_not_assessable(target, ind, row.reason or "a target of 0 or less")}
    if opts.period_over(target):
        needed = ""
        if row.required_cagr is not None and row.years is not None:
            needed = (
                f"reaching it would have needed {100 * row.required_cagr:.1f} % a year over the "
                f"{_years(row.years)} from then (({fmt_number(target.value)} / "
                f"{fmt_number(row.base_value or 0)})^(1/{row.years:.4g}) − 1)"
            )
        words = fmt_value(row.base_value, target.unit) if row.base_value is not None else ""
        if row.base_value is not None and row.derivation:
            words += " (derived)"
        latest = _latest_fields(
            cat,
            target,
            ind,
            row.base_value,
            words,
            "+".join(row.baseline_ids) or None,
            row.base_period,
            needed,
        )
        if row.base_value is None:
            nearest = _nearest_any(cat, target, ind)
            if nearest is not None:
                latest = _latest_fields(
                    cat,
                    target,
                    ind,
                    nearest.value,
                    _words(nearest),
                    nearest.id,
                    str(nearest.period),
                )
            else:
                latest = _latest_fields(
                    cat, target, ind, None, "", None, None, why=row.reason or ""
                )
        return {**out, **latest, "points": (*row.points, *path)}
    if row.base_value is not None:
        out.update(
            latest_id="+".join(row.baseline_ids),
            latest_value=row.base_value,
            latest_period=row.base_period,
        )
    pace = (
        f"from {fmt_value(row.base_value, target.unit)} {_when(row.base_period or '')} it needs "
        f"{100 * row.required_cagr:.2f} % a year"
        + (
            f", against {100 * row.historical_growth_comparable:.2f} % a year on record"
            if row.historical_growth_comparable is not None
            else ""
        )
        if row.required_cagr is not None and row.base_value is not None
        else "no required pace"
    )
    return {**out, **_pace_fields(target, ind, row, pace), "points": (*row.points, *path)}


def _signed(x: float) -> str:
    """+2, −12.25: a sign always, a true minus, at most two decimals."""
    text = f"{abs(x):.2f}".rstrip("0").rstrip(".")
    return ("−" if x < 0 else "+") + text


def _nearest_any(cat: Catalog, target: Observation, ind: Indicator) -> Observation | None:
    """The latest actual of the target's indicator before its end (any period kind)."""
    end = period_x(target.period)
    cands = [o for o in actuals(cat, target, target.indicator) if period_x(o.period) < end]
    return max(cands, key=lambda o: period_x(o.period)) if cands else None


def _words(o: Observation) -> str:
    if o.bound is Bound.EXACT:
        return fmt_value(o.value, o.unit)
    return fmt_target(o.bound, o.value, o.low, o.high, o.unit)


def _ends(iv: Interval) -> tuple[float, float]:
    return iv.low, iv.high


def _required_path(row: GrowthRow, target: Observation) -> tuple[TrajectoryPoint, ...]:
    """Points from the latest figure to the target at the required CAGR (year-ends between)."""
    if row.required_cagr is None or row.base_value is None or row.base_period is None:
        return ()
    x0 = period_x(Period.parse(row.base_period))
    x1 = period_x(target.period)
    xs = [x0, *[float(y) for y in range(math.floor(x0) + 1, math.ceil(x1))], x1]
    return tuple(
        TrajectoryPoint(
            "required_path",
            x,
            row.base_value * (1.0 + row.required_cagr) ** (x - x0),
            None,
            None,
            row.baseline_ids,
        )
        for x in xs
    )


# ---------------------------------------------------------------------------------------------
# growth-rate targets


def _chained_average(
    target: Observation, annual: list[Observation]
) -> tuple[float, Interval, str, str] | None:
    """The average rate over a span target from an annual rate for every year of it."""
    by_year = {o.period.start_year: o for o in annual if o.period.kind is PeriodKind.YEAR}
    years = range(target.period.start_year, target.period.end_year + 1)
    if not all(y in by_year for y in years):
        return None
    recs = [by_year[y] for y in years]
    n = len(recs)
    prod = math.prod(1 + o.value / 100 for o in recs)
    lo = math.prod(1 + o.rounding_interval().low / 100 for o in recs)
    hi = math.prod(1 + o.rounding_interval().high / 100 for o in recs)
    if prod <= 0 or lo <= 0:
        return None
    value = 100 * (prod ** (1 / n) - 1)
    iv = Interval(100 * (lo ** (1 / n) - 1), 100 * (hi ** (1 / n) - 1))
    derivation = " × ".join(f"(1 + {o.value:g} %)" for o in recs)
    ids = "+".join(o.id for o in recs)
    return value, iv, ids, f"({derivation})^(1/{n}) − 1 = {value:.2f} %"


def _rate(
    cat: Catalog, target: Observation, ind: Indicator, row: GrowthRow, opts: Options
) -> dict[str, Any]:
    out: dict[str, Any] = {"required_pace": target.value / 100.0, "required_pace_unit": "fraction"}
    records = actuals(cat, target, target.indicator)
    history = tuple(
        TrajectoryPoint(
            "history", period_x(o.period), o.value, *_ends(o.rounding_interval()), (o.id,)
        )
        for o in records
        if period_x(o.period) <= period_x(target.period) and o.period != target.period
    )
    own = [o for o in records if o.period == target.period]
    if own:
        o = _best(own)
        why = _mismatch(target, o)
        if why:
            return {**out, **_not_assessable(target, ind, why), "points": history}
        iv = o.rounding_interval()
        res = _outcome_fields(target, ind, o.value, iv, o.interval, o.id, str(o.period), _words(o))
        point = TrajectoryPoint("outcome", period_x(o.period), o.value, iv.low, iv.high, (o.id,))
        return {**out, **res, "points": (*history, point)}
    if target.period.kind is PeriodKind.SPAN:
        chained = _chained_average(target, [o for o in records if not _mismatch(target, o)])
        if chained is not None:
            value, iv, ids, derivation = chained
            res = _outcome_fields(
                target,
                ind,
                value,
                iv,
                Interval.point(value),
                ids,
                str(target.period),
                f"{fmt_number(value)} % a year (chained: {derivation})",
            )
            point = TrajectoryPoint(
                "outcome", period_x(target.period), value, iv.low, iv.high, tuple(ids.split("+"))
            )
            return {**out, **res, "points": (*history, point)}
    related = _related_outcome(cat, target, ind)
    if related:
        return {**out, **_not_assessable(target, ind, related), "points": history}
    proxies = [
        o
        for o in records
        if o.period.kind in (PeriodKind.MONTHS, PeriodKind.QUARTERS)
        and target.period.start_year <= o.period.start_year <= target.period.end_year
    ]
    if opts.period_over(target):
        if proxies:
            p = max(proxies, key=lambda o: period_x(o.period))
            res = _latest_fields(
                cat,
                target,
                ind,
                p.value,
                f"{_words(p)} ({p.period.describe()}, cumulative)",
                p.id,
                str(p.period),
                proxy="yes",
            )
        else:
            before = [o for o in records if period_x(o.period) < period_x(target.period)]
            if before:
                p = max(before, key=lambda o: period_x(o.period))
                res = _latest_fields(cat, target, ind, p.value, _words(p), p.id, str(p.period))
            else:
                res = _latest_fields(cat, target, ind, None, "", None, None)
        return {**out, **res, "points": history}
    pace = f"{target.value:g} % needed" + (
        f", {row.historical_growth:.2%} on record ({row.historical_period})"
        if row.historical_growth is not None
        else ""
    )
    if proxies:
        pace += " (a partial period: a proxy)"
    if row.historical_ids:
        out.update(
            latest_id=row.historical_ids[-1],
            latest_value=(row.historical_growth or 0.0) * 100,
            latest_period=row.historical_period,
        )
    return {**out, **_pace_fields(target, ind, row, pace), "points": history}


# ---------------------------------------------------------------------------------------------
# shares


def _share_points(
    cat: Catalog, target: Observation, ind: Indicator, opts: Options
) -> list[tuple[float, str, float, Interval, tuple[str, ...], str]]:
    """(x, period, value, interval, ids, derivation) of every share figure of the target's scope.

    Stated shares, and shares derived from a part and its whole of the same region, subject,
    breakdown, period and basis: share = part / whole × 100 with the interval from both.
    """
    out: list[tuple[float, str, float, Interval, tuple[str, ...], str]] = []
    for o in actuals(cat, target, target.indicator):
        if o.period.is_annual_point and (opts.since is None or o.period.start_year >= opts.since):
            out.append(
                (period_x(o.period), str(o.period), o.value, value_interval(o, ind), (o.id,), "")
            )
    whole_ind = cat.indicators.get(ind.denominator)
    part_ind = _share_part(cat, ind)
    if part_ind is None or whole_ind is None or part_ind.unit != whole_ind.unit:
        return out
    part_code, whole_code = part_ind.code, whole_ind.code
    parts = actuals(cat, target, part_code)
    wholes = actuals(cat, target, whole_code)
    for p in parts:
        if not p.period.is_annual_point:
            continue
        if opts.since is not None and p.period.start_year < opts.since:
            continue
        for w in wholes:
            if w.period != p.period or w.basis != p.basis or w.unit != p.unit:
                continue
            if w.value <= 0 or not w.low > 0:
                continue
            # intervals as everywhere in the tracker: an exact figure's rounding, a qualified
            # figure's qualifier (突破5000 is (5000, ∞), not widened)
            part_q = Quantity.interval(value_interval(p, part_ind), ids=(p.id,), expr=p.id)
            whole_q = Quantity.interval(value_interval(w, whole_ind), ids=(w.id,), expr=w.id)
            q = part_q / whole_q * 100
            if not q.defined:
                continue
            iv = q.rounded
            value = q.value if q.value is not None else 100 * p.value / w.value
            derivation = (
                f"share = {q.derivation} = {fmt_number(p.value)} / {fmt_number(w.value)} × 100 "
                f"= {value:.2f} %, interval {iv} from both figures' bounds and rounding"
            )
            out.append((period_x(p.period), str(p.period), value, iv, (p.id, w.id), derivation))
    return _merge_same_time(out)


def _merge_same_time(
    points: list[tuple[float, str, float, Interval, tuple[str, ...], str]],
) -> list[tuple[float, str, float, Interval, tuple[str, ...], str]]:
    """One share per point in time: stated and derived figures intersected (stated value kept).

    Figures that contradict each other (disjoint intervals) stay apart, each with its ids.
    """
    out: list[tuple[float, str, float, Interval, tuple[str, ...], str]] = []
    for x in sorted({p[0] for p in points}):
        group = sorted((p for p in points if p[0] == x), key=lambda p: bool(p[5]))
        first = group[0]
        iv: Interval | None = first[3]
        for p in group[1:]:
            iv = iv.intersect(p[3]) if iv is not None else None
        if iv is None:
            out.extend(group)
            continue
        ids = tuple(dict.fromkeys(i for p in group for i in p[4]))
        derivations = [p[5] for p in group if p[5]]
        if len(group) > 1:
            derivations.append(f"intersected with the other figures of {first[1]}: {iv}")
        value = first[2]
        if not iv.contains(value):
            value = (iv.low + iv.high) / 2 if iv.bounded else iv.low
        out.append((x, first[1], value, iv, ids, "; ".join(derivations)))
    return out


def _share_part(cat: Catalog, ind: Indicator) -> Indicator | None:
    """The part of a share indicator: the code before ``_share`` (``shares.py``), else the one
    level indicator in the whole's unit whose code extends it (``digital_economy_share_gdp``
    → ``digital_economy_size``)."""
    prefix = ind.code.split("_share")[0]
    if prefix in cat.indicators:
        return cat.indicators[prefix]
    whole = cat.indicators.get(ind.denominator)
    if whole is None:
        return None
    found = [
        i
        for i in cat.indicators.values()
        if i.code.startswith(prefix + "_")
        and i.unit == whole.unit
        and i.measure not in (Measure.SHARE, Measure.GROWTH_RATE, Measure.RANK)
    ]
    return found[0] if len(found) == 1 else None


def _share(
    cat: Catalog, target: Observation, ind: Indicator, row: GrowthRow, opts: Options
) -> dict[str, Any]:
    pts = _share_points(cat, target, ind, opts)
    tx = period_x(target.period)
    history = tuple(
        TrajectoryPoint("history", x, v, iv.low, iv.high, ids)
        for x, _, v, iv, ids, _ in pts
        if x < tx
    )
    own = [p for p in pts if p[1] == str(target.period)]
    if own:
        x, period, v, iv, ids, derivation = min(
            own, key=lambda p: (bool(p[5]), p[3].high - p[3].low)
        )
        words = _share_words(v, iv) + _derived_words(derivation)
        res = _outcome_fields(
            target,
            ind,
            v,
            iv,
            iv if derivation else Interval.point(v),
            "+".join(ids),
            period,
            words,
        )
        point = TrajectoryPoint("outcome", x, v, iv.low, iv.high, ids)
        if derivation:
            res["extra_note"] = f"{res.get('extra_note', '')}; outcome {derivation}"
        return {**res, "points": (*history, point)}
    before = [p for p in pts if p[0] < tx]
    if not before:
        if opts.period_over(target):
            return {**_latest_fields(cat, target, ind, None, "", None, None), "points": history}
        return {
            **_not_assessable(
                target, ind, "no share on record, stated or derived from its part and whole"
            ),
            "points": history,
        }
    x0, p0, v0, iv0, ids0, der0 = max(before, key=lambda p: (p[0], not p[5]))
    words = _share_words(v0, iv0) + _derived_words(der0)
    threshold = target.low if direction_of(target) != "about" else target.value
    years = tx - x0
    required = (threshold - v0) / years
    out: dict[str, Any] = {
        "required_pace": required,
        "required_pace_unit": "percentage_points_per_year",
        "latest_id": "+".join(ids0),
        "latest_value": v0,
        "latest_period": p0,
        # the share baseline (stated, or derived from its part and whole): issue 14
        "baseline_ids": ids0,
        "base_period": p0,
        "base_value": v0,
        "base_low": iv0.low,
        "base_high": iv0.high,
        "derivation": der0 or None,
        "years": years,
    }
    path = (
        TrajectoryPoint("required_path", x0, v0, None, None, ids0),
        TrajectoryPoint("required_path", tx, threshold, None, None, (target.id,)),
    )
    if opts.period_over(target):
        floor = math.isinf(iv0.high)
        needed = (
            f"reaching it would have needed {'at most ' if floor else ''}"
            f"({fmt_number(threshold)} − {v0:.2f}) / {years:.4g} = "
            f"{_signed(required)} percentage points a year"
        )
        return {
            **out,
            **_latest_fields(cat, target, ind, v0, words, "+".join(ids0), p0, needed, floor=floor),
            "points": (*history, *path),
        }
    pace = f"from {words} {_when(p0)} it needs {_signed(required)} percentage points a year"
    earlier = [p for p in before if p[0] < x0 and is_finite_point(p)]
    if not is_finite_point((x0, p0, v0, iv0, ids0, der0)) or not earlier:
        cls = TARGET_ALREADY_MET if iv0.low >= threshold else NO_HISTORY
        res = _pace_fields(target, ind, replace(row, classification=cls), pace)
        return {**out, **res, "points": (*history, *path)}
    x_first, _, v_first, _, _, _ = min(earlier, key=lambda p: p[0])
    on_record = (v0 - v_first) / (x0 - x_first)
    pace += f", against {_signed(on_record)} a year on record"
    cls = TARGET_ALREADY_MET if required <= 0 else classify(on_record / required)
    res = _pace_fields(target, ind, replace(row, classification=cls, ratio=None), pace)
    return {**out, **res, "points": (*history, *path)}


def is_finite_point(p: tuple[float, str, float, Interval, tuple[str, ...], str]) -> bool:
    return p[3].bounded


def _derived_words(derivation: str) -> str:
    """' (derived: share = a / b × 100 = …)': the derivation up to its interval (in the note)."""
    if not derivation:
        return ""
    return f" (derived: {derivation.split(', interval')[0].split('; ')[0]})"


def _share_words(v: float, iv: Interval) -> str:
    if not math.isfinite(iv.high):
        return f"more than {iv.low:.1f} %"
    return f"{v:.1f} %" if iv.high - iv.low < 0.2 else f"{v:.1f} % [{iv.low:.1f}, {iv.high:.1f}]"


# ---------------------------------------------------------------------------------------------
# flows (新增 N over the plan period)


def _flow(
    cat: Catalog, target: Observation, ind: Indicator, row: GrowthRow, opts: Options
) -> dict[str, Any]:
    tp = target.period
    inside = [
        o
        for o in flows(cat, target)
        if o.period.start_year >= tp.start_year and o.period.end_key <= tp.end_key
    ]
    for o in inside:
        why = _mismatch(target, o)
        if why:
            return _not_assessable(target, ind, why)
    start_x = float(tp.start_year)
    tx = period_x(tp)
    chosen: list[Observation] = []
    covered = start_x
    for o in sorted(inside, key=lambda o: (period_x(o.period), -o.period.years)):
        begins = _start_x(o)
        if begins >= covered - 1e-9:
            chosen.append(o)
            covered = period_x(o.period)
    added = sum(o.value for o in chosen)
    low = sum(value_interval(o, ind).low for o in chosen)
    high = sum(value_interval(o, ind).high for o in chosen)
    ids = "+".join(o.id for o in chosen)
    history: list[TrajectoryPoint] = []
    running = 0.0
    for o in chosen:
        running += o.value
        history.append(TrajectoryPoint("history", period_x(o.period), running, None, None, (o.id,)))
    unit = target.unit
    whole = bool(chosen) and abs(covered - tx) < 1e-9 and _start_x(chosen[0]) <= start_x + 1e-9
    words = f"{fmt_value(added, unit)} added ({' + '.join(fmt_number(o.value) for o in chosen)})"
    if whole or (chosen and _floor_met(target, low)):
        iv = Interval(low, high)
        res = _outcome_fields(target, ind, added, iv, Interval.point(added), ids, f"{tp}", words)
        point = TrajectoryPoint("outcome", covered, added, low, high, tuple(ids.split("+")))
        return {**res, "points": (*history, point)}
    if opts.period_over(target):
        if chosen:
            res = _latest_fields(
                cat,
                target,
                ind,
                added,
                words + f" to {chosen[-1].period}",
                ids,
                f"{tp.start_year}…{chosen[-1].period}",
            )
        else:
            res = _latest_fields(
                cat, target, ind, None, "", None, None, why="no additions on record"
            )
        return {**res, "points": tuple(history)}
    now = min(tx, max(covered, date_x(opts.as_of)))
    remaining = tx - now
    threshold = target.low if direction_of(target) != "about" else target.value
    out: dict[str, Any] = {"required_pace_unit": f"{unit}_per_year"}
    if remaining > 0:
        out["required_pace"] = (threshold - added) / remaining
    if not chosen:
        reason = f"no additions on record yet for {tp.describe()}"
        return {**out, **_not_assessable(target, ind, reason), "points": tuple(history)}
    out.update(
        latest_id=ids, latest_value=added, latest_period=f"{tp.start_year}…{chosen[-1].period}"
    )
    per_year = added / (covered - start_x) if covered > start_x else 0.0
    required = out.get("required_pace")
    pace = (
        f"{words} so far; {fmt_number(threshold - added)} more in {remaining:.4g} years needs "
        f"{(required or 0):.3g} a year, against {per_year:.3g} a year on record"
    )
    cls = TARGET_ALREADY_MET if not required or required <= 0 else classify(per_year / required)
    res = _pace_fields(target, ind, replace(row, classification=cls, ratio=None), pace)
    return {**out, **res, "points": tuple(history)}


def _start_x(o: Observation) -> float:
    p = o.period
    if p.kind in (PeriodKind.YEAR, PeriodKind.SPAN):
        return float(p.start_year)
    if p.kind is PeriodKind.MONTHS:
        return p.start_year + (p.first - 1) / 12.0
    if p.kind is PeriodKind.QUARTERS:
        return p.start_year + 3 * (p.first - 1) / 12.0
    return period_x(p)


def _floor_met(target: Observation, low: float) -> bool:
    """Additions never shrink: a floor (or a value's low end) reached within the period is met."""
    if target.bound is Bound.MORE_THAN:
        return low > target.low
    if target.bound in (Bound.AT_MOST, Bound.LESS_THAN):
        return False
    return low >= target.low
