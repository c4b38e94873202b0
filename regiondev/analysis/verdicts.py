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
    amount,
    compare,
    goal_fig,
    margin_of,
)
from regiondev.analysis.timeaxis import date_x, period_x
from regiondev.messages import Fig, Join, Label, Message, msg
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
        fields.update(_not_assessable(target, ind, msg("r_no_computation", error=str(exc))))
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
    derivations = [*row.derivations, *fields.pop("derivations", ())]
    if fields.get("verdict") in (MET, MISSED):
        fields["classification"] = fields["verdict"]
        fields.update(trend_projection=None, trend_low=None, trend_high=None, p_met=None)
        fields["points"] = tuple(p for p in fields["points"] if not p.kind.startswith("projection"))
    if fields.get("margin_arithmetic") is not None:
        derivations.append(msg("d_margin", arithmetic=fields.pop("margin_arithmetic")))
    fields.pop("margin_arithmetic", None)
    fields["derivations"] = tuple(derivations)
    return replace(row, **fields).with_texts()


# ---------------------------------------------------------------------------------------------
# words


def _name(target: Observation, ind: Indicator) -> Message:
    """The region and indicator a target is about: Zhuzhou Gross regional product."""
    region = Label("region", target.region.value)
    indicator = Label("indicator", ind.code)
    if target.subject:
        return msg("name_subject", region=region, subject=target.subject, indicator=indicator)
    return msg("name", region=region, indicator=indicator)


def _target_words(target: Observation) -> Fig:
    return goal_fig(target.bound, target.value, target.low, target.high, target.unit, target.step)


def _when(period: str) -> Message:
    """'in 2024' for a year, 'at 2022-09-16' for a date, else 'for Jan–Nov 2019'."""
    label = Label("period", period)
    if len(period) == 4:
        return msg("when_year", period=label)
    if len(period) == 10 and period[4] == "-" and period[7] == "-":
        return msg("when_date", period=label)
    return msg("when_period", period=label)


def _ids_words(ids: str) -> str:
    """'a, b' for the '+'-joined ids of a field: a sentence breaks between them."""
    return ", ".join(ids.split("+"))


def _years(n: float) -> Message:
    return msg("year_one" if abs(n - 1.0) < 1e-9 else "years", n=f"{n:.4g}")


def _rate_fig(fraction: float, decimals: int = 2) -> Fig | str:
    """A rate held as a fraction, in percent for the language (28.13 % / 28.13%)."""
    if not math.isfinite(fraction):
        return "∞" if fraction > 0 else "−∞"
    return Fig(round(100 * fraction, decimals), "percent", decimals=decimals)


def _gap_note(cat: Catalog, target: Observation, after: float | None = None) -> Message | str:
    """The outcomes layer's NOT FOUND gaps for the target's region, indicator and subject.

    A gap counts when one of its periods is the target's or ends after ``after`` (the latest
    figure's place on the time axis): the research looked for a later figure and found none.
    """
    hits: list[Message] = []
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
            listed = Join(tuple(Label("period", str(p)) for p in later))
            hits.append(msg("v_gap_hit", periods=listed, id=g.id))
    if not hits:
        return ""
    return msg("v_gap", hits=Join(tuple(hits), "clauses"))


def _not_assessable(target: Observation, ind: Indicator, reason: Message | str) -> dict[str, Any]:
    text = msg(
        "v_not_assessable",
        name=_name(target, ind),
        target=_target_words(target),
        when=_when(str(target.period)),
        reason=reason,
    )
    return {"verdict": NOT_ASSESSABLE, "verdict_msg": text}


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
    words: Message | Fig | str,
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
        "margin_arithmetic": c.arithmetic,
    }
    goal = msg("goal_of", target=_target_words(target), period=Label("period", str(target.period)))
    when = _when(period)
    if c.verdict is None:
        reason = msg("r_undecided", words=words, when=when, ids=_ids_words(oid), goal=goal)
        return {**base, **_not_assessable(target, ind, reason)}
    if c.verdict == MET:
        key = {"inside": "v_met_within", "above": "v_met_above"}.get(c.relation, "v_met_meeting")
        if c.relation == "above" and direction_of(target) == "about":
            key = "v_met_above_range"
    else:
        key = "v_missed"
    text = msg(
        key,
        name=_name(target, ind),
        words=words,
        when=when,
        goal=goal,
        arithmetic=c.arithmetic,
        decided=msg("v_printed_only") if c.printed_only else "",
    )
    return {**base, "verdict": c.verdict, "verdict_msg": text}


def _latest_fields(
    cat: Catalog,
    target: Observation,
    ind: Indicator,
    value: float | None,
    words: Message | Fig | str,
    lid: str | None,
    period: str | None,
    needed: Message | str = "",
    proxy: str = "",
    why: Message | str = "",
    floor: bool = False,
) -> dict[str, Any]:
    """no_outcome: the period is over and no outcome for it is on record. ``floor``: the latest
    figure is only a lower bound (突破…), so its margin is the most it can fall short."""
    fields: dict[str, Any] = {"verdict": NO_OUTCOME}
    rest: Message
    if value is not None and lid is not None and period is not None:
        t_low, _ = _target_interval(target, ind)
        reference = target.value if direction_of(target) != "about" else t_low
        margin, unit, arithmetic = margin_of(value, reference, target.unit)
        fields.update(latest_id=lid, latest_value=value, latest_period=period)
        fields.update(margin=margin, margin_unit=unit, margin_arithmetic=arithmetic)
        rest = msg(
            "v_proxy" if proxy else "v_latest",
            words=words,
            when=_when(period),
            ids=_ids_words(lid),
            arithmetic=arithmetic,
            floor=msg("v_floor") if floor else "",
            needed=msg("v_needed", needed=needed) if needed else "",
        )
    else:
        rest = msg("v_none_earlier", why=msg("v_why", reason=why) if why else "")
    after = period_x(Period.parse(period)) if period and _parses(period) else None
    fields["verdict_msg"] = msg(
        "v_no_outcome",
        name=_name(target, ind),
        period=Label("period", str(target.period)),
        target=_target_words(target),
        rest=rest,
        gap=_gap_note(cat, target, after),
    )
    return fields


def _parses(text: str) -> bool:
    try:
        Period.parse(text)
    except ValueError:
        return False
    return True


def _pace_fields(
    target: Observation, ind: Indicator, row: GrowthRow, pace_words: Message | str
) -> dict[str, Any]:
    """A pace band from the row's classification (period not over)."""
    cls = row.classification
    goal = msg("goal_by", target=_target_words(target), period=Label("period", str(target.period)))
    if cls == TARGET_ALREADY_MET:
        text = msg("v_on_track_already", name=_name(target, ind), goal=goal, pace=pace_words)
        return {"verdict": ON_TRACK, "verdict_msg": text}
    if cls in PACE_VERDICTS:
        ratio = msg("v_ratio", ratio=f"{row.ratio:.3f}") if row.ratio is not None else ""
        text = msg(
            "v_band",
            label=Label("verdict_head", cls),
            name=_name(target, ind),
            goal=goal,
            pace=pace_words,
            ratio=ratio,
        )
        return {"verdict": cls, "verdict_msg": text}
    if cls == BASIS_DIFFERS:
        be = (
            msg("r_breakeven_clause", deflator=_rate_fig(row.breakeven_deflator))
            if row.breakeven_deflator is not None
            else ""
        )
        return _not_assessable(target, ind, msg("r_basis_pace", breakeven=be))
    if cls == NO_HISTORY:
        return _not_assessable(target, ind, msg("r_no_history_pace", pace=pace_words))
    return _not_assessable(target, ind, row.reason_msg or row.reason or msg("r_no_pace"))


# ---------------------------------------------------------------------------------------------
# levels and counts


def _best(records: list[Observation]) -> Observation:
    """The most precise record: an exact one first, then the narrowest interval."""
    return min(
        records,
        key=lambda o: (o.bound is not Bound.EXACT, o.high - o.low, -len(o.quote), o.id),
    )


def _mismatch(target: Observation, o: Observation) -> Message | None:
    if o.unit != target.unit:
        return msg(
            "r_unit_differs",
            id=o.id,
            outcome_unit=Label("unit", o.unit),
            target_unit=Label("unit", target.unit),
        )
    bases = {o.basis, target.basis}
    if bases == {Basis.NOMINAL, Basis.REAL}:
        return msg(
            "r_basis_differs",
            id=o.id,
            outcome_basis=Label("basis", o.basis.value),
            target_basis=Label("basis", target.basis.value),
        )
    return None


def _scoped(ind: Indicator) -> Message | Label:
    """An indicator's name with its scope, when it has one."""
    if not ind.scope:
        return Label("indicator", ind.code)
    return msg(
        "indicator_scoped", indicator=Label("indicator", ind.code), scope=Label("scope", ind.code)
    )


def _related_outcome(cat: Catalog, target: Observation, ind: Indicator) -> Message | None:
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
                return msg(
                    f"r_related_{kind}",
                    period=Label("period", str(target.period)),
                    id=o.id,
                    value=Fig(o.value, o.unit),
                    other=_scoped(other),
                    mine=_scoped(ind),
                )
    return None


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
        if why is not None:
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
    if related is not None:
        return {**out, **_not_assessable(target, ind, related)}
    path = _required_path(row, target)
    if target.value <= 0:
        reason = row.reason_msg or msg("r_target_not_positive")
        return {**out, **_not_assessable(target, ind, reason)}
    if opts.period_over(target):
        needed: Message | str = ""
        if row.required_cagr is not None and row.years is not None:
            needed = msg(
                "need_cagr",
                rate=_rate_fig(row.required_cagr, 1),
                years=_years(row.years),
                target=amount(target.value),
                base=amount(row.base_value or 0),
                n=f"{row.years:.4g}",
            )
        words: Message | Fig | str = ""
        if row.base_value is not None:
            words = Fig(row.base_value, target.unit)
            if row.base_derivation is not None:
                words = msg("derived", words=words)
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
                    cat, target, ind, None, "", None, None, why=row.reason_msg or ""
                )
        return {**out, **latest, "points": (*row.points, *path)}
    if row.base_value is not None:
        out.update(
            latest_id="+".join(row.baseline_ids),
            latest_value=row.base_value,
            latest_period=row.base_period,
        )
    pace: Message = msg("pace_none")
    if row.required_cagr is not None and row.base_value is not None:
        against: Message | str = ""
        if row.historical_growth_comparable is not None:
            against = msg("pace_level_against", rate=_rate_fig(row.historical_growth_comparable))
        pace = msg(
            "pace_level",
            base=Fig(row.base_value, target.unit),
            when=_when(row.base_period or ""),
            rate=_rate_fig(row.required_cagr),
            against=against,
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


def _words(o: Observation) -> Fig:
    """A cataloged figure as its bound says (more than 3,000 / 超过3,000亿元), digits as printed."""
    return Fig(o.value, o.unit, o.bound.value, o.low, o.high, step=o.step or None)


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
    """(average, interval, '+'-joined ids, the arithmetic) of a span target's annual rates."""
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
        if why is not None:
            return {**out, **_not_assessable(target, ind, why), "points": history}
        iv = o.rounding_interval()
        res = _outcome_fields(target, ind, o.value, iv, o.interval, o.id, str(o.period), _words(o))
        point = TrajectoryPoint("outcome", period_x(o.period), o.value, iv.low, iv.high, (o.id,))
        return {**out, **res, "points": (*history, point)}
    if target.period.kind is PeriodKind.SPAN:
        chained = _chained_average(target, [o for o in records if _mismatch(target, o) is None])
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
                msg("chained", rate=Fig(round(value, 2), "percent"), derivation=derivation),
            )
            point = TrajectoryPoint(
                "outcome", period_x(target.period), value, iv.low, iv.high, tuple(ids.split("+"))
            )
            return {**out, **res, "points": (*history, point)}
    related = _related_outcome(cat, target, ind)
    if related is not None:
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
                msg("cumulative", words=_words(p)),
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
    pace = msg(
        "pace_rate",
        target=Fig(target.value, "percent"),
        history=msg(
            "pace_rate_history",
            rate=_rate_fig(row.historical_growth),
            period=Label("period", row.historical_period or ""),
        )
        if row.historical_growth is not None
        else "",
        proxy=msg("pace_rate_proxy") if proxies else "",
    )
    if row.historical_ids:
        out.update(
            latest_id=row.historical_ids[-1],
            latest_value=(row.historical_growth or 0.0) * 100,
            latest_period=row.historical_period,
        )
    return {**out, **_pace_fields(target, ind, row, pace), "points": history}


# ---------------------------------------------------------------------------------------------
# shares


_SharePoint = tuple[float, str, float, Interval, tuple[str, ...], Message | None]


def _share_points(
    cat: Catalog, target: Observation, ind: Indicator, opts: Options
) -> list[_SharePoint]:
    """(x, period, value, interval, ids, derivation) of every share figure of the target's scope.

    Stated shares, and shares derived from a part and its whole of the same region, subject,
    breakdown, period and basis: share = part / whole × 100 with the interval from both.
    """
    out: list[_SharePoint] = []
    for o in actuals(cat, target, target.indicator):
        if o.period.is_annual_point and (opts.since is None or o.period.start_year >= opts.since):
            out.append(
                (period_x(o.period), str(o.period), o.value, value_interval(o, ind), (o.id,), None)
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
            derivation = msg(
                "d_share_interval",
                derivation=_share_arithmetic(q.derivation, p.value, w.value, value),
                interval=str(iv),
            )
            out.append((period_x(p.period), str(p.period), value, iv, (p.id, w.id), derivation))
    return _merge_same_time(out)


def _share_arithmetic(expr: str, part: float, whole: float, value: float) -> Message:
    """share = a / b × 100 = 5,000 / 15,268.78 × 100 = 32.75 %."""
    return msg(
        "d_share",
        expr=expr,
        part=amount(part),
        whole=amount(whole),
        value=Fig(round(value, 2), "percent"),
    )


def _merge_same_time(points: list[_SharePoint]) -> list[_SharePoint]:
    """One share per point in time: stated and derived figures intersected (stated value kept).

    Figures that contradict each other (disjoint intervals) stay apart, each with its ids.
    """
    out: list[_SharePoint] = []
    for x in sorted({p[0] for p in points}):
        group = sorted((p for p in points if p[0] == x), key=lambda p: p[5] is not None)
        first = group[0]
        iv: Interval | None = first[3]
        for p in group[1:]:
            iv = iv.intersect(p[3]) if iv is not None else None
        if iv is None:
            out.extend(group)
            continue
        ids = tuple(dict.fromkeys(i for p in group for i in p[4]))
        derivations: list[Message] = [p[5] for p in group if p[5] is not None]
        if len(group) > 1:
            derivations.append(
                msg("d_intersected", period=Label("period", first[1]), interval=str(iv))
            )
        value = first[2]
        if not iv.contains(value):
            value = (iv.low + iv.high) / 2 if iv.bounded else iv.low
        joined = msg("ids", ids=Join(tuple(derivations), "clauses")) if derivations else None
        out.append((x, first[1], value, iv, ids, joined))
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
            own, key=lambda p: (p[5] is not None, p[3].high - p[3].low)
        )
        words = _share_words(v, iv, derivation)
        res = _outcome_fields(
            target,
            ind,
            v,
            iv,
            iv if derivation is not None else Interval.point(v),
            "+".join(ids),
            period,
            words,
        )
        point = TrajectoryPoint("outcome", x, v, iv.low, iv.high, ids)
        if derivation is not None:
            res["derivations"] = (derivation,)
        return {**res, "points": (*history, point)}
    before = [p for p in pts if p[0] < tx]
    if not before:
        if opts.period_over(target):
            return {**_latest_fields(cat, target, ind, None, "", None, None), "points": history}
        return {**_not_assessable(target, ind, msg("r_no_share")), "points": history}
    x0, p0, v0, iv0, ids0, der0 = max(before, key=lambda p: (p[0], p[5] is None))
    words = _share_words(v0, iv0, der0)
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
        "base_low_open": iv0.low_open,
        "base_high_open": iv0.high_open,
        "base_derivation": der0,
        "derivations": (der0,) if der0 is not None else (),
        "years": years,
    }
    path = (
        TrajectoryPoint("required_path", x0, v0, None, None, ids0),
        TrajectoryPoint("required_path", tx, threshold, None, None, (target.id,)),
    )
    if opts.period_over(target):
        floor = math.isinf(iv0.high)
        needed = msg(
            "need_points",
            at_most=msg("at_most_word") if floor else "",
            threshold=amount(threshold),
            value=f"{v0:.2f}",
            years=f"{years:.4g}",
            signed=_signed(required),
        )
        return {
            **out,
            **_latest_fields(cat, target, ind, v0, words, "+".join(ids0), p0, needed, floor=floor),
            "points": (*history, *path),
        }
    earlier = [p for p in before if p[0] < x0 and is_finite_point(p)]
    if not is_finite_point((x0, p0, v0, iv0, ids0, der0)) or not earlier:
        cls = TARGET_ALREADY_MET if iv0.low >= threshold else NO_HISTORY
        pace = msg("pace_share", words=words, when=_when(p0), signed=_signed(required), against="")
        res = _pace_fields(target, ind, replace(row, classification=cls), pace)
        return {**out, **res, "points": (*history, *path)}
    x_first, _, v_first, _, _, _ = min(earlier, key=lambda p: p[0])
    on_record = (v0 - v_first) / (x0 - x_first)
    pace = msg(
        "pace_share",
        words=words,
        when=_when(p0),
        signed=_signed(required),
        against=msg("pace_share_against", signed=_signed(on_record)),
    )
    cls = TARGET_ALREADY_MET if required <= 0 else classify(on_record / required)
    res = _pace_fields(target, ind, replace(row, classification=cls, ratio=None), pace)
    return {**out, **res, "points": (*history, *path)}


def is_finite_point(p: _SharePoint) -> bool:
    return p[3].bounded


def _share_words(v: float, iv: Interval, derivation: Message | None) -> Message | Fig:
    """A share as its interval says: more than 32.7 % for an open low end (突破…), at least
    for a closed one, the value with its interval when that is wide; '(derived: …)' after a
    share computed from its part and whole."""
    if not math.isfinite(iv.high):
        bound = "more_than" if iv.low_open else "at_least"
        words: Message | Fig = Fig(iv.low, "percent", bound, decimals=1)
    elif iv.high - iv.low < 0.2:
        words = Fig(v, "percent", decimals=1)
    else:
        interval = Fig(v, "percent", "range", iv.low, iv.high, decimals=1)
        words = msg("with_interval", value=Fig(v, "percent", decimals=1), interval=interval)
    if derivation is None:
        return words
    first = derivation
    while first.key in ("ids", "d_share_interval"):  # the arithmetic, not its interval
        inner = dict(first.fields)
        nxt = inner.get("ids") if first.key == "ids" else inner.get("derivation")
        if isinstance(nxt, Join):
            nxt = nxt.items[0] if nxt.items else None
        if not isinstance(nxt, Message):
            break
        first = nxt
    return msg("derived_from", words=words, derivation=first)


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
        if why is not None:
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
    terms = " + ".join(amount(o.value) for o in chosen)
    words = msg("flow_added", added=Fig(added, unit), terms=terms)
    sums = (msg("d_flow", terms=terms, total=amount(added)),) if len(chosen) > 1 else ()
    if whole or (chosen and _floor_met(target, low)):
        iv = Interval(low, high)
        res = _outcome_fields(target, ind, added, iv, Interval.point(added), ids, f"{tp}", words)
        point = TrajectoryPoint("outcome", covered, added, low, high, tuple(ids.split("+")))
        return {**res, "derivations": sums, "points": (*history, point)}
    if opts.period_over(target):
        if chosen:
            res = _latest_fields(
                cat,
                target,
                ind,
                added,
                msg("flow_to", words=words, period=Label("period", str(chosen[-1].period))),
                ids,
                f"{tp.start_year}…{chosen[-1].period}",
            )
        else:
            res = _latest_fields(cat, target, ind, None, "", None, None, why=msg("r_no_additions"))
        return {**res, "derivations": sums, "points": tuple(history)}
    now = min(tx, max(covered, date_x(opts.as_of)))
    remaining = tx - now
    threshold = target.low if direction_of(target) != "about" else target.value
    out: dict[str, Any] = {"required_pace_unit": f"{unit}_per_year"}
    if remaining > 0:
        out["required_pace"] = (threshold - added) / remaining
    if not chosen:
        reason = msg("r_no_additions_yet", period=Label("period", str(tp)))
        return {**out, **_not_assessable(target, ind, reason), "points": tuple(history)}
    out.update(
        latest_id=ids, latest_value=added, latest_period=f"{tp.start_year}…{chosen[-1].period}"
    )
    per_year = added / (covered - start_x) if covered > start_x else 0.0
    required = out.get("required_pace")
    pace = msg(
        "pace_flow",
        words=words,
        more=amount(threshold - added),
        years=f"{remaining:.4g}",
        required=f"{(required or 0):.3g}",
        per_year=f"{per_year:.3g}",
    )
    cls = TARGET_ALREADY_MET if not required or required <= 0 else classify(per_year / required)
    res = _pace_fields(target, ind, replace(row, classification=cls, ratio=None), pace)
    return {**out, **res, "derivations": sums, "points": tuple(history)}


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
