"""The target tracker: a verdict for every target, and the growth each requires.

``growth(cat, deflator=None, since=None, as_of=None)`` returns one row per target in the
catalog (status ``target``), never dropping one: its verdict (``verdicts.py``: met / missed
against an outcome for its period, no_outcome, a pace band while its period is to come, or
not_assessable with the reason), and for a level or count the required growth with its
interval, or a stated ``reason`` (no baseline, scope/measure/period differs …). Shares
(percentage points a year) and flows (additions a year) get their pace in ``verdicts.py``.

Conventions (also in ``GROWTH_COLUMNS``):

- **Rates are fractions** (0.0996 = 9.96 %) in every rate column: ``required_cagr*``,
  ``historical_growth*``, ``deflator``. Target and base values stay in the catalog's unit
  (percent targets as printed, e.g. 7.5).
- **Baseline**: an actual observation of the same region, indicator (hence measure and scope),
  subject and breakdown, at the latest point in time before the target's end (a calendar-year
  level at that year's end; a count at its date), on the fractional-year axis of
  ``timeaxis.py``. Cumulative
  months/quarters and spans are not annual levels. A level the texts give only as part / share
  (e.g. GDP = high-tech value added / its share of GDP) is derived, with its derivation and
  input ids. All constraints on the baseline at that period (direct statements and
  derivations) are combined by interval intersection; the point value is the stated number
  (an exact statement's value, else the derived value, else the qualifier's threshold).
- **Intervals**: an exact figure's interval is the rounding of its printed digits (28.1 →
  [28.05, 28.15]; whole counts stay exact); a qualified figure's interval is its qualifier's
  (突破 3000 → (3000, ∞)). For the target, the rate is computed to its threshold (at_least /
  more_than: the rate needed is at least the computed one, ``required_direction``
  ``at_least``), or across its interval (approx, range, exact → ``about``).
- **Years** = x(target) − x(base) on the fractional-year axis (``timeaxis.years_between_x``):
  2020 → 2025 is 5.0, a count at 2021-11-17 → 2025 is 4.1205 (never rounded).
- **Required CAGR** = (target / base)^(1 / years) − 1, low from (base high, target low), high
  from (base low, target high). Its price basis is the target's (nominal for money levels).
- **Growth-rate targets** (增长 7.5% 以上) are compared directly with the latest growth on record
  for the same indicator; a period mismatch is stated in the note. The required interval is
  the rounding of the printed rate (7.5 % → [7.45 %, 7.55 %]).
- **Growth on record**: the CAGR between the earliest and latest annual levels of the same
  indicator, on the levels' own basis; the baseline (direct or derived) is the latest of those
  levels when its basis matches theirs. Else the latest average or annual growth rate of the
  indicator (``of`` link), which official releases give at comparable prices (real). A
  history on the required rate's basis is preferred to one that needs a deflator. Its interval
  (``historical_growth_low/high``) comes from the rounding of the printed rate (7.1 % →
  [7.05 %, 7.15 %]) or of the levels.
- **Ratio** historical / required, classified with the Eurostat / Open SDG bands
  (``progress.py``); ``ratio_low/high`` span every combination of the historical and the
  required interval. A nominal required rate against a real growth rate is ``basis_differs``
  unless a ``deflator`` d is given: the real rate g is then taken as nominal (1+g)(1+d) − 1
  (or a nominal rate as real (1+g)/(1+d) − 1 for a real target) and the note shows it.
- **Trend**: with three or more dated values (years and dates, within ``since``), a
  log-linear OLS trend on the fractional-year axis projects the target's end with a 95 %
  prediction interval and P(meeting the target) (``trend.py``) — only while the target's
  period is to come (``as_of``); for a period over there is no projection and no ``p_met``.
- **Window**: ``since`` (a year) leaves figures of periods starting before it out of the
  history and the trend (the baseline stays the latest figure; stated in the note).
- **Deflators as findings**: ``implied_deflator`` is the deflator that reconciles nominal
  levels with the real growth printed between them (``deflators.py``), with its interval from
  rounding; ``breakeven_deflator`` the deflator at which a nominal/real ratio reaches 0.95.

Missing values are null, never NaN; unbounded interval ends are ±inf in the frame (null in JSON).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from regiondev._catalog import Catalog
from regiondev.analysis.deflators import ImpliedDeflator
from regiondev.analysis.identities import (
    cagr,
    cagr_interval,
    implied_total,
    implied_total_interval,
    nominal_to_real,
    real_to_nominal,
)
from regiondev.analysis.progress import (
    BASIS_DIFFERS,
    NO_HISTORY,
    NOT_ASSESSED,
    ON_TRACK_RATIO,
    TARGET_ALREADY_MET,
    classify,
)
from regiondev.analysis.records import actuals, is_point_estimate, value_interval
from regiondev.analysis.shares import same_scope as _same_scope
from regiondev.analysis.shares import share_pairs
from regiondev.analysis.timeaxis import period_end_date, period_x, years_between_x
from regiondev.formatting import Lang
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
    Status,
)
from regiondev.results import TableResult

__all__ = ["GROWTH_COLUMNS", "Baseline", "GrowthResult", "GrowthRow", "growth"]

#: Column → (polars dtype, meaning) of ``GrowthResult.to_frame()``. Rates are fractions.
GROWTH_COLUMNS: dict[str, tuple[str, str]] = {
    "region": ("String", "region code"),
    "indicator": ("String", "indicator code"),
    "measure": ("String", "the indicator's measure"),
    "target_id": ("String", "id of the target observation"),
    "target_period": ("String", "period of the target (canonical text)"),
    "target_value": ("Float64", "the target's printed value, in `unit`"),
    "target_bound": ("String", "the target's qualifier bound (at_least, more_than, range, …)"),
    "target_low": ("Float64", "low end of the target's interval (unit)"),
    "target_high": ("Float64", "high end of the target's interval (unit; inf = open)"),
    "required_direction": (
        "String",
        "at_least: meeting the target needs at least the required rate; at_most; about",
    ),
    "unit": ("String", "canonical unit of target and base values"),
    "aspirational": ("Boolean", "力争: an aspirational target"),
    "baseline_ids": ("List(String)", "ids of the observations the baseline rests on"),
    "base_period": ("String", "period of the baseline"),
    "base_value": ("Float64", "baseline point value (unit)"),
    "base_low": ("Float64", "low end of the baseline interval (unit)"),
    "base_high": ("Float64", "high end of the baseline interval (unit; inf = open)"),
    "base_low_open": (
        "Boolean",
        "the baseline's low end is excluded (more than: a figure read from 突破/超过)",
    ),
    "base_high_open": ("Boolean", "the baseline's high end is excluded (less than)"),
    "derivation": (
        "String",
        "how every derived number of the row was computed: the baseline (with interval "
        "intersections), required rate, growth on record, ratio, trend and margin",
    ),
    "years": (
        "Float64",
        "years from base to target on the fractional-year axis (timeaxis.py: 2020 → 2025 is 5.0, "
        "2021-11-17 → 2025 is 4.1205); a rate target's period length",
    ),
    "required_cagr": ("Float64", "required compound annual growth, fraction (0.0996 = 9.96 %)"),
    "required_cagr_low": ("Float64", "low end of the required rate from the inputs' intervals"),
    "required_cagr_high": ("Float64", "high end of the required rate (inf = unbounded)"),
    "required_basis": ("String", "price basis of the required rate (nominal, real, …)"),
    "historical_growth": ("Float64", "growth on record, fraction, on its own basis"),
    "historical_growth_low": (
        "Float64",
        "low end of the growth on record from printed rounding (own basis)",
    ),
    "historical_growth_high": (
        "Float64",
        "high end of the growth on record from printed rounding (own basis; inf = open)",
    ),
    "historical_basis": ("String", "basis of the growth on record (real / nominal / …)"),
    "historical_period": ("String", "period the growth on record covers"),
    "historical_ids": ("List(String)", "ids of the observations behind the growth on record"),
    "deflator": ("Float64", "assumed annual deflator (fraction) or null"),
    "historical_growth_comparable": (
        "Float64",
        "growth on record on the required rate's basis (after the deflator, if any)",
    ),
    "ratio": ("Float64", "historical (comparable) / required growth"),
    "ratio_low": ("Float64", "lowest ratio over the historical and required intervals"),
    "ratio_high": ("Float64", "highest ratio over the historical and required intervals"),
    "classification": ("String", "Eurostat/Open SDG band or a status (see progress.py)"),
    "trend_projection": ("Float64", "log-linear trend projection to the target year (unit)"),
    "trend_low": ("Float64", "95 % prediction interval, low (unit)"),
    "trend_high": ("Float64", "95 % prediction interval, high (unit)"),
    "p_met": (
        "Float64",
        "P(meeting the target) under the trend model; only while the target's period is to come",
    ),
    "reason": ("String", "why no required growth is computed (null when it is)"),
    "verdict": ("String", "met, missed, no_outcome, a pace band or not_assessable (VERDICTS)"),
    "verdict_text": ("String", "the verdict in one plain sentence, with the margin's arithmetic"),
    "margin": ("Float64", "outcome (or latest figure) against the target, in margin_unit"),
    "margin_unit": (
        "String",
        "percentage_points (percent targets) or percent_of_target ((value / target − 1) × 100)",
    ),
    "outcome_id": ("String", "id of the outcome for the target's own period (or a derivation)"),
    "outcome_value": ("Float64", "the outcome's value (unit)"),
    "outcome_period": ("String", "the outcome's period"),
    "latest_id": ("String", "id of the latest figure on record for the target (or its ids)"),
    "latest_value": ("Float64", "the latest figure's value (unit)"),
    "latest_period": ("String", "the latest figure's period"),
    "required_pace": (
        "Float64",
        "pace the target needs from the latest figure (required_pace_unit)",
    ),
    "required_pace_unit": (
        "String",
        "fraction_per_year (a CAGR), percentage_points_per_year (a share), <unit>_per_year "
        "(additions of a flow) or fraction (a growth-rate target)",
    ),
    "implied_deflator": (
        "Float64",
        "deflator that reconciles nominal levels with the real growth between them, fraction",
    ),
    "implied_deflator_low": ("Float64", "low end of the implied deflator from printed rounding"),
    "implied_deflator_high": ("Float64", "high end of the implied deflator from printed rounding"),
    "implied_deflator_ids": ("List(String)", "ids of the levels and the rate it comes from"),
    "breakeven_deflator": (
        "Float64",
        "deflator at which the ratio reaches 0.95 (on_track), for a nominal/real comparison",
    ),
    "period_over": ("Boolean", "the target's period ended before as_of"),
    "target_x": ("Float64", "the target's end on the fractional-year axis (2025 → 2026.0)"),
    "observation_ids": ("List(String)", "every observation id the row uses"),
    "note": ("String", "reason, assumptions, derivations and caveats in words"),
}

#: Measures that are no level to compound, and the message that says so.
_NOT_LEVELS = {
    Measure.RANK: "g_rank",
    Measure.RATIO: "g_ratio",
    Measure.DURATION: "g_duration",
}
_AT_LEAST = (Bound.AT_LEAST, Bound.MORE_THAN)
_AT_MOST = (Bound.AT_MOST, Bound.LESS_THAN)


@dataclass(frozen=True, slots=True)
class Baseline:
    """A baseline level: its point, interval, period, the ids it rests on and how."""

    ids: tuple[str, ...]
    period: Period
    value: float
    interval: Interval
    derivation: Message | None = None
    basis: Basis = Basis.NOT_APPLICABLE


@dataclass(frozen=True, slots=True)
class TrajectoryPoint:
    """One point of a target's trajectory (see ``TRAJECTORY_COLUMNS``)."""

    kind: str
    x: float
    value: float
    low: float | None = None
    high: float | None = None
    observation_ids: tuple[str, ...] = ()


#: Columns of ``GrowthResult.trajectory(target_id)``: the data of one chart per target.
TRAJECTORY_COLUMNS: dict[str, tuple[str, str]] = {
    "kind": (
        "String",
        "history (a figure on record before the target's end), outcome (for the target's own "
        "period), projection_low / projection_high (95 % band of the log-linear trend, only "
        "while the period is to come), required_path (from the latest figure to the target at "
        "the required pace), target",
    ),
    "x": ("Float64", "end of the figure's period on the fractional-year axis (timeaxis.py)"),
    "value": ("Float64", "the figure (the band's end for projection rows), in the target's unit"),
    "low": ("Float64", "low end of the figure's interval (null for band and path rows)"),
    "high": ("Float64", "high end of the figure's interval (inf = open; null for band/path)"),
    "observation_ids": ("List(String)", "ids the point rests on"),
}


@dataclass(frozen=True, slots=True)
class GrowthRow:
    """One target's row; field names and meanings as in ``GROWTH_COLUMNS``."""

    region: str
    indicator: str
    measure: str
    target_id: str
    target_period: str
    target_value: float
    target_bound: str
    target_low: float
    target_high: float
    required_direction: str
    unit: str
    aspirational: bool
    baseline_ids: tuple[str, ...] = ()
    base_period: str | None = None
    base_value: float | None = None
    base_low: float | None = None
    base_high: float | None = None
    base_low_open: bool = False
    base_high_open: bool = False
    derivation: str | None = None
    years: float | None = None
    required_cagr: float | None = None
    required_cagr_low: float | None = None
    required_cagr_high: float | None = None
    required_basis: str | None = None
    historical_growth: float | None = None
    historical_growth_low: float | None = None
    historical_growth_high: float | None = None
    historical_basis: str | None = None
    historical_period: str | None = None
    historical_ids: tuple[str, ...] = ()
    deflator: float | None = None
    historical_growth_comparable: float | None = None
    ratio: float | None = None
    ratio_low: float | None = None
    ratio_high: float | None = None
    classification: str = NOT_ASSESSED
    trend_projection: float | None = None
    trend_low: float | None = None
    trend_high: float | None = None
    p_met: float | None = None
    reason: str | None = None
    verdict: str = "not_assessable"
    verdict_text: str = ""
    margin: float | None = None
    margin_unit: str | None = None
    outcome_id: str | None = None
    outcome_value: float | None = None
    outcome_period: str | None = None
    latest_id: str | None = None
    latest_value: float | None = None
    latest_period: str | None = None
    required_pace: float | None = None
    required_pace_unit: str | None = None
    implied_deflator: float | None = None
    implied_deflator_low: float | None = None
    implied_deflator_high: float | None = None
    implied_deflator_ids: tuple[str, ...] = ()
    breakeven_deflator: float | None = None
    period_over: bool = False
    target_x: float | None = None
    observation_ids: tuple[str, ...] = ()
    note: str = ""
    #: the points of ``GrowthResult.trajectory`` (not a column)
    points: tuple[TrajectoryPoint, ...] = ()
    #: the sentences behind ``reason``, ``note`` (caveats), ``derivation`` (the arithmetic
    #: with ids) and ``verdict_text``, to be said in any language (not columns; ``text``)
    reason_msg: Message | None = None
    notes: tuple[Message, ...] = ()
    derivations: tuple[Message, ...] = ()
    base_derivation: Message | None = None
    verdict_msg: Message | None = None

    def text(self, name: str, lang: Lang = "en") -> str:
        """``reason``, ``note``, ``derivation`` or ``verdict_text`` in ``lang``: each field
        its own content (the verdict sentence, caveats, arithmetic), never repeated."""
        match name:
            case "reason":
                return self.reason_msg.render(lang) if self.reason_msg else ""
            case "note":
                return Join(self.notes, "clauses").render(lang)
            case "derivation":
                return Join(self.derivations, "clauses").render(lang)
            case "verdict_text":
                return self.verdict_msg.render(lang) if self.verdict_msg else ""
        raise KeyError(f"no text field {name!r}")

    def with_texts(self) -> GrowthRow:
        """The row with its text columns written in English from its messages."""
        from dataclasses import replace

        return replace(
            self,
            reason=self.text("reason") or self.reason,
            note=self.text("note"),
            derivation=self.text("derivation") or None,
            verdict_text=self.text("verdict_text"),
        )

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in GROWTH_COLUMNS:
            value = getattr(self, name)
            out[name] = list(value) if isinstance(value, tuple) else value
        return out


@dataclass(frozen=True, repr=False)
class GrowthResult(TableResult):
    """The target tracker: one ``GrowthRow`` per target in the catalog, never dropping one.

    Contract (stable; the report builds on it):

    - ``to_frame()``: a polars DataFrame with the columns of ``GROWTH_COLUMNS``, in that
      order; rates are fractions, missing values null (never NaN), open interval ends ±inf.
      ``verdict`` is one of ``targets.VERDICTS``; ``verdict_text`` says it in one sentence
      with the margin's arithmetic; ``classification`` keeps the pace band of the figures
      before the target's period (Eurostat / Open SDG, ``progress.CLASSIFICATIONS``), except
      that an outcome for the target's own period makes it ``met`` / ``missed`` like the
      verdict.
    - ``trajectory(target_id)``: a polars DataFrame with ``TRAJECTORY_COLUMNS`` (kind, x,
      value, low, high, observation_ids): the history points with their intervals, the
      projection band, the required path, the target and the outcome of one target, on the
      fractional-year axis of ``timeaxis``.
    - ``row(target_id)``: the ``GrowthRow``.
    """

    rows: tuple[GrowthRow, ...]
    deflator: float | None = None
    since: int | None = None
    as_of: str = ""
    title: str = "Targets: verdicts and the growth they require"
    view: ClassVar[str] = "growth"
    display_columns: tuple[str, ...] = field(
        default=(
            "region",
            "indicator",
            "target_id",
            "base_period",
            "base_value",
            "target_period",
            "target_value",
            "required_cagr",
            "required_cagr_low",
            "required_cagr_high",
            "historical_growth",
            "ratio",
            "classification",
            "verdict",
            "reason",
        )
    )

    def summary_line(self) -> str:
        """``20 targets: 1 acceleration needed, 19 not assessed`` (verdicts in words)."""
        from collections import Counter

        from regiondev.formatting import classification_label, verdict_label

        frame = self.to_frame()
        if "verdict" in frame.columns:
            words = [verdict_label(v) for v in frame["verdict"].to_list()]
        else:
            words = [classification_label(v) for v in frame["classification"].to_list()]
        counts = ", ".join(f"{n} {w}" for w, n in Counter(words).most_common())
        n = len(words)
        return f"{n} target{'s' if n != 1 else ''}: {counts}"

    def to_frame(self) -> Any:
        """A polars DataFrame with ``GROWTH_COLUMNS`` (rates as fractions; nulls, never NaN)."""
        import polars as pl

        schema: dict[str, Any] = {
            name: pl.List(pl.String) if dtype == "List(String)" else getattr(pl, dtype)
            for name, (dtype, _) in GROWTH_COLUMNS.items()
        }
        rows = [r.as_dict() for r in self.rows]
        if not rows:
            return pl.DataFrame(schema=schema)
        return pl.DataFrame(rows, schema=schema, orient="row")

    def row(self, target_id: str) -> GrowthRow:
        for r in self.rows:
            if r.target_id == target_id:
                return r
        raise KeyError(f"no growth row for target {target_id!r}")

    def trajectory(self, target_id: str) -> Any:
        """The chart data of one target: a polars DataFrame with ``TRAJECTORY_COLUMNS``."""
        import polars as pl

        schema: dict[str, Any] = {
            name: pl.List(pl.String) if dtype == "List(String)" else getattr(pl, dtype)
            for name, (dtype, _) in TRAJECTORY_COLUMNS.items()
        }
        points = self.row(target_id).points
        rows = [
            {
                "kind": p.kind,
                "x": p.x,
                "value": p.value,
                "low": p.low,
                "high": p.high,
                "observation_ids": list(p.observation_ids),
            }
            for p in points
        ]
        if not rows:
            return pl.DataFrame(schema=schema)
        return pl.DataFrame(rows, schema=schema, orient="row")


# ---------------------------------------------------------------------------------------------
# helpers


@dataclass(frozen=True, slots=True)
class Options:
    """The caller's choices: deflator assumption, history window, and the date of the verdicts."""

    deflator: float | None = None
    since: int | None = None
    as_of: dt.date = field(default_factory=dt.date.today)

    def period_over(self, target: Observation) -> bool:
        """Whether the target's period ended before ``as_of``."""
        return period_end_date(target.period) < self.as_of


def direction_of(o: Observation) -> str:
    """at_least (a floor), at_most (a ceiling) or about (a value or range)."""
    if o.bound in _AT_LEAST:
        return "at_least"
    if o.bound in _AT_MOST:
        return "at_most"
    return "about"


def _pct(x: float) -> str:
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    return f"{100 * x:.2f} %"


def _num(x: float) -> str:
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    return f"{x:.6g}"


def _basis_label(basis: Basis) -> Message | str:
    if basis in (Basis.NOMINAL, Basis.REAL):
        return msg("g_basis_clause", basis=Label("basis", basis.value))
    return ""


def _basis(basis: Basis) -> Label:
    return Label("basis", basis.value)


def _rate(fraction: float) -> Fig | str:
    """A rate held as a fraction, in percent with two decimals, for the language."""
    if math.isinf(fraction):
        return "∞" if fraction > 0 else "−∞"
    return Fig(round(100 * fraction, 2), "percent", decimals=2)


def _pct_figure(value: float) -> Fig | str:
    """A printed percent value (8.3 means 8.3 %), its digits as printed."""
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    return Fig(value, "percent")


_value_interval = value_interval
_actuals = actuals
_is_point_estimate = is_point_estimate


def _threshold(o: Observation, ind: Indicator) -> tuple[Interval, str]:
    """The target level(s) a required rate is computed to, and the direction of the target."""
    if o.bound in _AT_LEAST:
        return Interval.point(o.low), "at_least"
    if o.bound in _AT_MOST:
        return Interval.point(o.high), "at_most"
    return _value_interval(o, ind), "about"


def _meets(level: Interval, threshold: Interval, direction: str, bound: Bound) -> bool:
    """Whether every value of ``level`` meets the target."""
    if direction == "at_least":
        t = threshold.low
        return level.low > t or (level.low == t and bound is Bound.AT_LEAST)
    if direction == "at_most":
        t = threshold.high
        return level.high < t or (level.high == t and bound is Bound.AT_MOST)
    return threshold.low <= level.low and level.high <= threshold.high


# ---------------------------------------------------------------------------------------------
# baselines


def _direct_candidates(cat: Catalog, target: Observation) -> list[Baseline]:
    ind = cat.indicator(target.indicator)
    out = []
    for o in _actuals(cat, target, target.indicator):
        if o.period.is_annual_point and period_x(o.period) < period_x(target.period):
            out.append(Baseline((o.id,), o.period, o.value, _value_interval(o, ind), None, o.basis))
    return out


def _derived_candidates(cat: Catalog, target: Observation) -> list[Baseline]:
    out = []
    for pair in share_pairs(cat, target.indicator):
        p, s = pair.part, pair.share
        if s.status is not Status.ACTUAL or not _same_scope(s, target):
            continue
        if not (s.period.is_annual_point and period_x(s.period) < period_x(target.period)):
            continue
        share_ind, part_ind = pair.share_indicator, pair.part_indicator
        point = implied_total(p.value, s.value)
        iv = implied_total_interval(_value_interval(p, part_ind), _value_interval(s, share_ind))
        text = msg(
            "g_derived_total",
            indicator=target.indicator,
            period=Label("period", str(s.period)),
            part=part_ind.code,
            share=share_ind.code,
            part_value=_num(p.value),
            share_value=_num(s.value),
            value=f"{point:.6g}",
            interval=str(iv),
            part_id=p.id,
            share_id=s.id,
        )
        out.append(Baseline((p.id, s.id), s.period, point, iv, text, p.basis))
    return out


def _combine(cands: list[Baseline], cat: Catalog) -> tuple[Baseline | None, Message | None]:
    """Intersect all constraints at the latest period; returns (baseline, conflict text)."""
    latest = max(c.period.end_key for c in cands)
    group = [c for c in cands if c.period.end_key == latest]
    interval: Interval | None = group[0].interval
    for c in group[1:]:
        interval = interval.intersect(c.interval) if interval is not None else None
    if interval is None:
        listed = "; ".join(f"{'+'.join(c.ids)} {c.interval}" for c in group)
        return None, msg("g_conflict", items=listed)
    direct = [c for c in group if c.derivation is None]
    derived = [c for c in group if c.derivation is not None]
    pointlike = [c for c in direct if _is_point_estimate(cat.get(c.ids[0]))]
    chosen = (pointlike or derived or direct)[0]
    value = chosen.value
    ids = tuple(i for c in group for i in c.ids)
    parts: list[Message] = [c.derivation for c in derived if c.derivation is not None]
    if len(group) > 1:
        constraints = Join(
            tuple(
                msg(
                    "g_constraint",
                    ids="+".join(c.ids),
                    interval=str(c.interval),
                    derived=msg("g_constraint_derived") if c.derivation is not None else "",
                )
                for c in group
            ),
            "clauses",
        )
        parts.append(msg("g_combined", items=constraints, interval=str(interval)))
    if not interval.contains(value):
        if interval.bounded:
            value = (interval.low + interval.high) / 2
            parts.append(msg("g_midpoint", value=f"{value:.6g}"))
        else:
            parts.append(msg("g_open_end", value=f"{value:.6g}", interval=str(interval)))
    period = chosen.period
    derivation = msg("ids", ids=Join(tuple(parts), "clauses")) if parts else None
    return Baseline(ids, period, value, interval, derivation, chosen.basis), None


def _near_misses(cat: Catalog, target: Observation) -> list[tuple[Observation, Indicator]]:
    """Actuals of a related indicator (code prefix relation, same unit) before the target."""
    ind = cat.indicator(target.indicator)
    out = []
    for other in cat.indicators.values():
        if other.code == ind.code or other.unit != ind.unit:
            continue
        a, b = sorted((other.code, ind.code), key=len)
        if not b.startswith(a + "_"):
            continue
        if other.measure in (Measure.SHARE, Measure.GROWTH_RATE, Measure.RANK):
            continue
        for o in _actuals(cat, target, other.code):
            if o.period.is_annual_point and period_x(o.period) < period_x(target.period):
                out.append((o, other))
    return sorted(out, key=lambda t: t[0].period.end_key, reverse=True)


# ---------------------------------------------------------------------------------------------
# history


@dataclass(frozen=True, slots=True)
class _History:
    rate: float
    basis: Basis
    period: str
    ids: tuple[str, ...]
    text: Message
    low: float
    high: float


@dataclass(frozen=True, slots=True)
class _Level:
    """One dated level of a history or trend: a stated figure or the (derived) baseline.

    ``year`` is the fractional-year position of the level (``timeaxis.period_x``), ``period``
    its period as printed (a label).
    """

    year: float
    value: float
    interval: Interval
    ids: tuple[str, ...]
    basis: Basis
    label: str | Message
    period: str = ""


def _in_window(p: Period, since: int | None) -> bool:
    """Whether a period lies in the history window that starts in year ``since``."""
    return since is None or p.start_year >= since


def _annual_levels(
    cat: Catalog, target: Observation, until: float, since: int | None = None
) -> list[Observation]:
    """One point-estimate level per dated point (x ≤ ``until``) of the target's indicator.

    Calendar-year levels and counts at a date (an article's day, 截至…) both count, each at
    its place on the fractional-year axis (``timeaxis``).
    """
    by_x: dict[float, Observation] = {}
    for o in _actuals(cat, target, target.indicator):
        if not (o.period.is_annual_point and period_x(o.period) <= until):
            continue
        if not _in_window(o.period, since):
            continue
        if _is_point_estimate(o) and o.value > 0:
            x = period_x(o.period)
            prev = by_x.get(x)
            if prev is None or (o.bound is Bound.EXACT and prev.bound is not Bound.EXACT):
                by_x[x] = o
    return [by_x[x] for x in sorted(by_x)]


def _level_series(
    cat: Catalog,
    target: Observation,
    ind: Indicator,
    until: float,
    base: Baseline | None,
    since: int | None = None,
) -> list[_Level]:
    """Dated levels up to ``until`` on one price basis, the baseline joining them.

    The baseline (a direct statement or a derivation such as GDP = part / share) stands for
    its year when its basis matches the stated levels' (it replaces a stated level of that
    year: it is that level intersected with every other constraint). Levels on another basis
    than the series' are left out.
    """
    levels = [
        _Level(
            period_x(o.period),
            o.value,
            _value_interval(o, ind),
            (o.id,),
            o.basis,
            o.id,
            str(o.period),
        )
        for o in _annual_levels(cat, target, until, since)
    ]
    basis = base.basis if base is not None else (levels[-1].basis if levels else None)
    if (
        base is not None
        and base.period.is_annual_point
        and period_x(base.period) <= until
        and _in_window(base.period, since)
    ):
        year = period_x(base.period)
        if base.value > 0 and all(lv.basis is base.basis for lv in levels if lv.year != year):
            label: str | Message = base.ids[0] if len(base.ids) == 1 else msg("g_the_baseline")
            joined = _Level(
                year, base.value, base.interval, base.ids, base.basis, label, str(base.period)
            )
            levels = sorted(
                [lv for lv in levels if lv.year != year] + [joined], key=lambda lv: lv.year
            )
        else:
            basis = levels[-1].basis if levels else None
    return [lv for lv in levels if lv.basis is basis]


def _rate_history(
    cat: Catalog, target: Observation, since: int | None = None
) -> tuple[_History | None, list[Message]]:
    """Latest average/annual growth of the indicator (``of`` link); also unused records."""
    rate_codes = [
        i.code
        for i in cat.indicators.values()
        if i.measure is Measure.GROWTH_RATE and i.of == target.indicator
    ]
    usable: list[Observation] = []
    unused: list[Message] = []
    for code in rate_codes:
        for o in _actuals(cat, target, code):
            if o.period.end_year >= target.period.anchor_year:
                continue
            if not _in_window(o.period, since):
                period = Label("period", str(o.period))
                unused.append(msg("g_unused_since", id=o.id, period=period, since=since))
                continue
            if o.period.kind in (PeriodKind.SPAN, PeriodKind.YEAR):
                usable.append(o)
            else:
                unused.append(
                    msg(
                        "g_unused_cumulative",
                        id=o.id,
                        rate=_pct_figure(o.value),
                        period=Label("period", str(o.period)),
                    )
                )
    if not usable:
        return None, unused
    best = max(
        usable,
        key=lambda o: (o.period.end_year, o.period.years, not _two_year(o.indicator)),
    )
    return _rate_record(best), unused + [
        msg(
            "g_unused_not_latest",
            id=o.id,
            rate=_pct_figure(o.value),
            period=Label("period", str(o.period)),
        )
        for o in usable
        if o is not best
    ]


def _rate_record(o: Observation) -> _History:
    """A printed growth rate as history; its interval is the rounding of its digits."""
    iv = o.rounding_interval()
    kind = {PeriodKind.SPAN: "g_kind_average", PeriodKind.YEAR: "g_kind_annual"}
    text = msg(
        "g_hist_rate",
        kind=msg(kind.get(o.period.kind, "g_kind_none")),
        rate=_pct_figure(o.value),
        period=Label("period", str(o.period)),
        id=o.id,
        basis=_basis(o.basis),
        low=_pct_figure(iv.low),
        high=_pct_figure(iv.high),
    )
    return _History(
        o.value / 100.0, o.basis, str(o.period), (o.id,), text, iv.low / 100.0, iv.high / 100.0
    )


def _level_history(levels: list[_Level]) -> _History | None:
    """The CAGR between the first and last level, on the levels' (common) basis."""
    if len(levels) < 2:
        return None
    first, last = levels[0], levels[-1]
    years = round(last.year - first.year, 6)
    rate = cagr(first.value, last.value, years)
    try:
        iv = cagr_interval(first.interval, last.interval, years)
        low, high = iv.low, iv.high
    except ValueError:
        low, high = rate, rate
    basis = last.basis
    text = msg(
        "g_hist_levels",
        last=_num(last.value),
        first=_num(first.value),
        years=f"{years:.6g}",
        rate=_rate(rate),
        low=_rate(low),
        high=_rate(high),
        first_label=first.label,
        first_period=first.period,
        last_label=last.label,
        last_period=last.period,
        basis=_basis(basis),
    )
    period = _span_label(first.period, last.period)
    ids = tuple(dict.fromkeys((*first.ids, *last.ids)))
    return _History(rate, basis, period, ids, text, low, high)


def _span_label(first: str, last: str) -> str:
    """'2015-2020' for two years; '2019-07-31…2022-09-30' when either end is a date."""
    if len(first) == 4 and len(last) == 4:
        return f"{first}-{last}"
    return f"{first}…{last}"


def _convert(rate: float, hist_basis: Basis, required_basis: Basis, deflator: float) -> float:
    """A rate on the required basis: real → nominal (1+g)(1+d) − 1, nominal → real."""
    if math.isinf(rate):
        return rate
    if hist_basis is Basis.REAL:
        return real_to_nominal(rate, deflator)
    return nominal_to_real(rate, deflator)


def _comparable(
    hist: _History, required_basis: Basis, deflator: float | None
) -> tuple[tuple[float, float, float] | None, Message | None, Message | None]:
    """The historical rate and its interval on the required rate's basis, or None; a caveat
    (why there is none) and the conversion's arithmetic (with a deflator), each or None."""
    if hist.basis is required_basis or Basis.NOT_APPLICABLE in (hist.basis, required_basis):
        if hist.basis is required_basis:
            return (hist.rate, hist.low, hist.high), None, None
        why = msg("g_basis_required", required=_basis(required_basis), history=_basis(hist.basis))
        return None, why, None
    if min(hist.rate, hist.low) <= -1.0:
        return None, msg("g_growth_below_minus_100", rate=_rate(min(hist.rate, hist.low))), None
    if deflator is None:
        why = msg("g_no_deflator", required=_basis(required_basis), history=_basis(hist.basis))
        return None, why, None
    conv = tuple(
        _convert(r, hist.basis, required_basis, deflator) for r in (hist.rate, hist.low, hist.high)
    )
    point, low, high = conv
    text = msg(
        "g_deflator_nominal" if hist.basis is Basis.REAL else "g_deflator_real",
        deflator=_rate(deflator),
        rate=f"{hist.rate:.4f}",
        d=f"{deflator:.4f}",
        result=_rate(point),
        low=_rate(low),
        high=_rate(high),
        id=hist.ids[0],
    )
    return (point, low, high), None, text


def _ratio_fields(
    comparable: tuple[float, float, float], point: float, low: float, high: float
) -> tuple[float, float | None, float | None, Message]:
    """Ratio historical / required and its interval over both intervals' ends."""
    c, c_low, c_high = comparable
    ratio = c / point
    r_low: float | None = None
    r_high: float | None = None
    if 0 < low <= high and math.isfinite(high):
        corners = [x / r for x in (c_low, c_high) for r in (low, high)]
        r_low, r_high = min(corners), max(corners)
    interval: Message | str = ""
    if r_low is not None and r_high is not None and r_high - r_low > 1e-12:
        bands = sorted({classify(r_low), classify(r_high)})
        differ: Message | str = ""
        if len(bands) > 1:
            labels = tuple(Label("classification", b) for b in bands)
            differ = msg("g_bands_differ", bands=Join(labels, "list"))
        interval = msg(
            "g_ratio_interval",
            low=_num3(r_low),
            high=_num3(r_high),
            h_low=_rate(c_low),
            h_high=_rate(c_high),
            r_low=_rate(low),
            r_high=_rate(high),
            bands=differ,
        )
    text = msg(
        "g_ratio_arith",
        history=f"{c:.4f}",
        required=f"{point:.4f}",
        ratio=f"{ratio:.3f}",
        interval=interval,
    )
    return ratio, r_low, r_high, text


def _num3(x: float) -> str:
    return "∞" if math.isinf(x) else f"{x:.3f}"


# ---------------------------------------------------------------------------------------------
# rows


def _base_row(target: Observation, ind: Indicator) -> dict[str, Any]:
    _, direction = _threshold(target, ind)
    return {
        "region": target.region.value,
        "indicator": target.indicator,
        "measure": ind.measure.value,
        "target_id": target.id,
        "target_period": str(target.period),
        "target_value": target.value,
        "target_bound": target.bound.value,
        "target_low": target.low,
        "target_high": target.high,
        "required_direction": direction,
        "unit": target.unit,
        "aspirational": target.aspirational,
    }


def _reason_row(
    target: Observation,
    ind: Indicator,
    reason: Message,
    notes: Iterable[Message | None],
    ids: Iterable[str] = (),
    derivations: Iterable[Message | None] = (),
) -> GrowthRow:
    """A row with no required growth: the reason (its own column), caveats in ``note``."""
    caveats = [n for n in notes if n is not None]
    if target.aspirational:
        caveats.append(msg("g_aspirational"))
    return GrowthRow(
        **_base_row(target, ind),
        reason=reason.render("en"),
        reason_msg=reason,
        observation_ids=(target.id, *ids),
        notes=tuple(caveats),
        derivations=tuple(d for d in derivations if d is not None),
    )


def _rate_target_row(cat: Catalog, target: Observation, ind: Indicator, opts: Options) -> GrowthRow:
    deflator = opts.deflator
    threshold, _ = _threshold(target, ind)
    point = target.value / 100.0
    # the printed rate stands for its rounding: 7.5 % → [7.45 %, 7.55 %]; an approximate
    # one (7 %左右 → [6 %, 8 %]) already spans at least one printed unit either side
    rounds = target.step and target.bound is not Bound.APPROX
    printed = threshold.widen(target.step / 2) if rounds else threshold
    low, high = printed.low / 100.0, printed.high / 100.0
    goal = Fig(target.value, "percent", target.bound.value, target.low, target.high)
    notes: list[Message] = [
        msg("g_rate_direct", target=goal, period=Label("period", str(target.period)), rounding="")
    ]
    derivations: list[Message] = [
        msg(
            "d_required_rate",
            target=goal,
            rate=f"{point:.4f}",
            low=f"{low:.6g}",
            high=f"{high:.6g}",
        )
    ]
    # the pace side uses the figures before the target's own period; an outcome for that
    # period is the verdict's (verdicts.py)
    records = [o for o in _actuals(cat, target, target.indicator) if o.period != target.period]
    records = [o for o in records if o.period.end_key <= target.period.end_key]
    records = [o for o in records if _in_window(o.period, opts.since)]
    years = (
        float(target.period.years)
        if target.period.kind in (PeriodKind.YEAR, PeriodKind.SPAN)
        else None
    )
    fields: dict[str, Any] = {
        "years": years,
        "required_cagr": point,
        "required_cagr_low": low,
        "required_cagr_high": high,
        "required_basis": target.basis.value,
        "deflator": deflator,
    }
    chosen = sorted(records, key=lambda o: (o.period.end_key, o.period.years))[-1:]
    if not chosen:
        notes.append(msg("g_no_growth"))
        if target.aspirational:
            notes.append(msg("g_aspirational"))
        return GrowthRow(
            **_base_row(target, ind),
            **fields,
            classification=NO_HISTORY,
            observation_ids=(target.id,),
            notes=tuple(notes),
            derivations=tuple(derivations),
        )
    rec = chosen[0]
    hist = _rate_record(rec)
    derivations.append(
        msg(
            "g_rate_on_record",
            rate=_pct_figure(rec.value),
            period=Label("period", str(rec.period)),
            id=rec.id,
            low=_rate(hist.low),
            high=_rate(hist.high),
        )
    )
    if rec.period != target.period:
        cumulative = msg("g_cumulative_yoy") if rec.period.kind is PeriodKind.MONTHS else ""
        notes.append(
            msg(
                "g_period_differs_rate",
                period=Label("period", str(rec.period)),
                cumulative=cumulative,
                target_period=Label("period", str(target.period)),
            )
        )
    required_basis = target.basis
    comparable, basis_note, conversion = _comparable(hist, required_basis, deflator)
    if basis_note is not None:
        notes.append(basis_note)
    if conversion is not None:
        derivations.append(conversion)
    fields.update(_history_fields(hist, comparable))
    classification = BASIS_DIFFERS
    if comparable is not None and point > 0:
        ratio, r_low, r_high, text = _ratio_fields(comparable, point, low, high)
        fields.update(ratio=ratio, ratio_low=r_low, ratio_high=r_high)
        classification = classify(ratio)
        derivations.append(text)
    if target.aspirational:
        notes.append(msg("g_aspirational"))
    return GrowthRow(
        **_base_row(target, ind),
        **fields,
        classification=classification,
        observation_ids=(target.id, rec.id),
        notes=tuple(notes),
        derivations=tuple(derivations),
    )


def _no_baseline_reason(
    cat: Catalog, target: Observation, ind: Indicator
) -> tuple[Message, list[Message], list[str]]:
    """Why a level target has no baseline: scope/measure/period differs, or none."""
    notes: list[Message] = []
    ids: list[str] = []
    near = _near_misses(cat, target)
    if near:
        o, other = near[0]
        kind = "g_scope_differs" if other.measure is ind.measure else "g_measure_differs"
        reason = msg(
            kind,
            id=o.id,
            value=Fig(o.value, o.unit),
            period=Label("period", str(o.period)),
            other=Label("indicator", other.code),
            what=_scope_words(other),
            mine=Label("indicator", ind.code),
            mine_what=_scope_words(ind),
        )
        ids.append(o.id)
        try:
            years = years_between_x(o.period, target.period)
            if o.value > 0 and target.value > 0:
                rate = cagr(o.value, target.value, years)
                notes.append(
                    msg(
                        "g_indicative",
                        target=_num(target.value),
                        value=_num(o.value),
                        years=f"{years:.6g}",
                        rate=_rate(rate),
                        id=o.id,
                    )
                )
        except ValueError:
            pass
        return reason, notes, ids
    others = _actuals(cat, target, target.indicator)
    if others:
        listed = Join(
            tuple(
                msg("g_id_period", id=o.id, period=Label("period", str(o.period))) for o in others
            )
        )
        ids.extend(o.id for o in others)
        reason = msg("g_period_only", items=listed, period=Label("period", str(target.period)))
        return reason, notes, ids
    flows = [
        o
        for o in cat.observations
        if o.status is Status.ACTUAL
        and o.indicator == target.indicator
        and _same_scope(o, target)
        and o.increment
    ]
    if flows:
        listed = Join(
            tuple(msg("g_id_period", id=o.id, period=Label("period", str(o.period))) for o in flows)
        )
        ids.extend(o.id for o in flows)
        return msg("g_only_increments", items=listed), notes, ids
    return msg("g_no_baseline", indicator=Label("indicator", ind.code)), notes, ids


def _scope_words(ind: Indicator) -> Label:
    """An indicator's scope (from indicators.toml, in the reader's language) or its measure."""
    if ind.scope:
        return Label("scope", ind.code)
    return Label("measure", ind.measure.value)


def _level_target_row(
    cat: Catalog, target: Observation, ind: Indicator, opts: Options
) -> GrowthRow:
    deflator = opts.deflator
    if not target.period.is_annual_point:
        return _reason_row(
            target,
            ind,
            msg("g_target_period_not_annual", period=Label("period", str(target.period))),
            [],
        )
    cands = _direct_candidates(cat, target) + _derived_candidates(cat, target)
    if not cands:
        why, details, near_ids = _no_baseline_reason(cat, target, ind)
        return _reason_row(target, ind, why, details, near_ids)
    base, conflict = _combine(cands, cat)
    all_ids = tuple(i for c in cands for i in c.ids)
    if base is None:
        return _reason_row(target, ind, conflict or msg("g_units_baseline"), [], all_ids)
    for i in base.ids:
        if cat.get(i).unit not in (target.unit, "percent"):
            return _reason_row(target, ind, msg("g_units_baseline"), [], all_ids)
    base_fields: dict[str, Any] = {
        "baseline_ids": base.ids,
        "base_period": str(base.period),
        "base_value": base.value,
        "base_low": base.interval.low,
        "base_high": base.interval.high,
        "base_low_open": base.interval.low_open,
        "base_high_open": base.interval.high_open,
        "base_derivation": base.derivation,
    }
    base_derivations = [msg("g_baseline", derivation=base.derivation)] if base.derivation else []
    notes: list[Message] = []
    derivations: list[Message] = list(base_derivations)
    if base.interval.low <= 0 or base.value <= 0:
        reason = msg("g_base_not_positive", value=f"{base.value:.6g}", interval=str(base.interval))
        row = _reason_row(target, ind, reason, [], base.ids, base_derivations)
        return _replace(row, base_fields)
    try:
        years = years_between_x(base.period, target.period)
    except ValueError as exc:
        row = _reason_row(
            target, ind, msg("g_period_error", error=str(exc)), [], base.ids, base_derivations
        )
        return _replace(row, base_fields)
    if target.value <= 0 or (direction_of(target) != "about" and not target.low > 0):
        reason = msg("g_target_not_positive", value=Fig(target.value, target.unit))
        row = _reason_row(target, ind, reason, [], base.ids, base_derivations)
        return _replace(row, base_fields)
    threshold, direction = _threshold(target, ind)
    point = cagr(base.value, target.value, years)
    iv = cagr_interval(base.interval, threshold, years)
    low = iv.low if math.isfinite(base.interval.high) else -math.inf
    high = iv.high
    derivations.append(
        msg(
            "g_required_cagr",
            target=_num(target.value),
            base=f"{base.value:.6g}",
            years=f"{years:.6g}",
            rate=_rate(point),
            basis=_basis_label(target.basis),
            low=_rate(low),
            high=_rate(high),
            base_interval=str(base.interval),
            target_interval=str(threshold),
        )
    )
    if direction == "at_least":
        notes.append(msg("g_floor"))
    elif direction == "at_most":
        notes.append(msg("g_ceiling"))
    fields: dict[str, Any] = {
        **base_fields,
        "years": years,
        "required_cagr": point,
        "required_cagr_low": low,
        "required_cagr_high": high,
        "required_basis": target.basis.value,
        "deflator": deflator,
    }
    used: list[str] = [target.id, *base.ids]
    classification = NO_HISTORY
    already = _meets(base.interval, threshold, direction, target.bound)
    if already:
        classification = TARGET_ALREADY_MET
        notes.append(msg("g_already_met"))

    levels = _level_series(cat, target, ind, period_x(base.period), base, opts.since)
    hist, unused = _choose_history(
        _level_history(levels), *_rate_history(cat, target, opts.since), target
    )
    if hist is not None:
        derivations.append(hist.text)
        comparable, basis_note, conversion = _comparable(hist, target.basis, deflator)
        if basis_note is not None:
            notes.append(basis_note)
        if conversion is not None:
            derivations.append(conversion)
        fields.update(_history_fields(hist, comparable))
        used.extend(hist.ids)
        if not already:
            if comparable is None:
                classification = BASIS_DIFFERS
            elif point > 0:
                ratio, r_low, r_high, text = _ratio_fields(comparable, point, low, high)
                fields.update(ratio=ratio, ratio_low=r_low, ratio_high=r_high)
                classification = classify(ratio)
                derivations.append(text)
        if hist.basis is not target.basis and point > 0:
            from regiondev.analysis.deflators import breakeven_deflator

            be = breakeven_deflator(point, hist.rate, hist.basis, ON_TRACK_RATIO)
            if be is not None:
                fields["breakeven_deflator"] = be
                derivations.append(_breakeven_text(be, point, hist))
    if unused:
        notes.append(msg("g_also_on_record", items=Join(tuple(unused), "clauses")))
    implied = _implied_deflator(cat, target, ind, base, opts)
    if implied is not None:
        fields.update(
            implied_deflator=implied.value,
            implied_deflator_low=implied.low,
            implied_deflator_high=implied.high,
            implied_deflator_ids=implied.ids,
        )
        used.extend(implied.ids)
        derivations.append(implied.derivation)

    target_x = period_x(target.period)
    trend_levels = _level_series(cat, target, ind, target_x - 1e-9, base, opts.since)
    points = [
        TrajectoryPoint("history", lv.year, lv.value, lv.interval.low, lv.interval.high, lv.ids)
        for lv in trend_levels
    ]
    fields["points"] = tuple(points)
    if opts.period_over(target):
        notes.append(msg("g_over_no_projection"))
    elif len(trend_levels) >= 3 and direction != "about":
        from regiondev.analysis.trend import log_linear_trend

        try:
            tp = log_linear_trend(
                [(lv.year, lv.value) for lv in trend_levels],
                target_x,
                threshold.low if direction == "at_least" else threshold.high,
                direction=direction,
                labels=[lv.period for lv in trend_levels],
                target_label=str(target.period),
            )
        except ValueError as exc:
            notes.append(msg("g_no_trend", error=str(exc)))
        else:
            last = trend_levels[-1]
            band = (
                TrajectoryPoint("projection_low", last.year, last.value, None, None, last.ids),
                TrajectoryPoint("projection_low", target_x, tp.low),
                TrajectoryPoint("projection_high", last.year, last.value, None, None, last.ids),
                TrajectoryPoint("projection_high", target_x, tp.high),
            )
            fields.update(
                trend_projection=tp.projection,
                trend_low=tp.low,
                trend_high=tp.high,
                p_met=tp.p_meet,
                points=(*points, *band),
            )
            used.extend(i for lv in trend_levels for i in lv.ids)
            derivations.append(_trend_text(tp))
    if target.aspirational:
        notes.append(msg("g_aspirational"))
    return GrowthRow(
        **_base_row(target, ind),
        **fields,
        classification=classification,
        observation_ids=tuple(dict.fromkeys(used)),
        notes=tuple(notes),
        derivations=tuple(derivations),
    )


def _trend_text(tp: Any) -> Message:
    """The log-linear trend's projection in words (``trend.TrendProjection``)."""
    first = tp.labels[0] if tp.labels else f"{tp.years[0]:.4g}"
    last = tp.labels[-1] if tp.labels else f"{tp.years[-1]:.4g}"
    when = (
        msg("g_end_of", period=Label("period", tp.target_label))
        if tp.target_label
        else f"{tp.target_year:.4g}"
    )
    return msg(
        "g_trend",
        n=len(tp.years),
        first=Label("period", first),
        last=Label("period", last),
        growth=_rate(tp.growth),
        projection=f"{tp.projection:.6g}",
        when=when,
        level=Fig(round(100 * tp.level), "percent"),
        low=f"{tp.low:.6g}",
        high=f"{tp.high:.6g}",
        p_met=msg("g_trend_p", p=f"{tp.p_meet:.2f}") if tp.p_meet is not None else "",
        caution=msg(
            "g_trend_caution",
            n=len(tp.years),
            df=tp.residual_df,
            dof=msg("g_dof_one" if tp.residual_df == 1 else "g_dof_many"),
            p=msg("g_and_p") if tp.p_meet is not None else "",
        )
        if tp.small_sample
        else "",
    )


def _breakeven_text(be: float, required: float, hist: _History) -> Message:
    if hist.basis is Basis.REAL:
        arithmetic = f"(1 + 0.95 × {required:.6f}) / (1 + {hist.rate:.4f}) − 1"
    else:
        arithmetic = f"(1 + {hist.rate:.4f}) / (1 + 0.95 × {required:.6f}) − 1"
    return msg(
        "g_breakeven",
        deflator=_rate(be),
        arithmetic=arithmetic,
        direction=msg("g_raises" if hist.basis is Basis.REAL else "g_lowers"),
    )


def _two_year(code: str) -> bool:
    """A two-year geometric average indicator (``*_two_year_avg``, as in compounding.py)."""
    return code.endswith("_two_year_avg")


def _implied_deflator(
    cat: Catalog, target: Observation, ind: Indicator, base: Baseline, opts: Options
) -> ImpliedDeflator | None:
    """The latest deflator implied by nominal levels and the real growth printed between them."""
    from regiondev.analysis.deflators import implied_deflator

    levels = [
        lv
        for lv in _level_series(cat, target, ind, period_x(target.period) - 1e-9, base, opts.since)
        if lv.basis is Basis.NOMINAL and lv.interval.bounded and lv.interval.low > 0
    ]
    by_x = {round(lv.year, 6): lv for lv in levels}
    rate_codes = [
        i.code
        for i in cat.indicators.values()
        if i.measure is Measure.GROWTH_RATE and i.of == target.indicator
    ]
    found: list[tuple[float, ImpliedDeflator]] = []
    for code in rate_codes:
        for o in _actuals(cat, target, code):
            if o.basis is not Basis.REAL or o.period.kind not in (PeriodKind.YEAR, PeriodKind.SPAN):
                continue
            if not _in_window(o.period, opts.since) or o.bound is not Bound.EXACT:
                continue
            # a two-year average printed for year Y covers Y − 1 and Y (compounding.py)
            span = 2 if _two_year(code) and o.period.kind is PeriodKind.YEAR else o.period.years
            first_year = o.period.end_year - span + 1
            start, end = by_x.get(float(first_year)), by_x.get(o.period.end_year + 1.0)
            if start is None or end is None:
                continue
            g = o.rounding_interval()
            try:
                found.append(
                    (
                        end.year,
                        implied_deflator(
                            (start.value, start.interval, "+".join(start.ids)),
                            (end.value, end.interval, "+".join(end.ids)),
                            float(span),
                            (o.value / 100.0, Interval(g.low / 100.0, g.high / 100.0), o.id),
                        ),
                    )
                )
            except ValueError:
                continue
    if not found:
        return None
    return max(found, key=lambda t: t[0])[1]


def _history_fields(
    hist: _History, comparable: tuple[float, float, float] | None
) -> dict[str, Any]:
    return {
        "historical_growth": hist.rate,
        "historical_growth_low": hist.low,
        "historical_growth_high": hist.high,
        "historical_basis": hist.basis.value,
        "historical_period": hist.period,
        "historical_ids": hist.ids,
        "historical_growth_comparable": comparable[0] if comparable is not None else None,
    }


def _choose_history(
    levels: _History | None, rate: _History | None, unused: list[Message], target: Observation
) -> tuple[_History | None, list[Message]]:
    """The growth on record to compare with, and the records left unused (bases stated).

    A history on the required rate's basis comes first (no deflator needed); between two on
    the same footing the CAGR between levels is preferred to a printed rate.
    """
    if levels is None or rate is None:
        return levels or rate, unused
    if rate.basis is target.basis and levels.basis is not target.basis:
        chosen, other = rate, levels
    else:
        chosen, other = levels, rate
    on_required = msg("g_on_required") if chosen.basis is target.basis else ""
    if other is rate:
        text = msg(
            "g_unused_rate",
            id=other.ids[0],
            rate=_rate(other.rate),
            period=Label("period", other.period),
            basis=_basis(other.basis),
            chosen_basis=_basis(chosen.basis),
            on_required=on_required,
        )
    else:
        text = msg(
            "g_unused_levels",
            ids=" → ".join(other.ids),
            rate=_rate(other.rate),
            basis=_basis(other.basis),
            chosen=chosen.ids[0],
            chosen_basis=_basis(chosen.basis),
            on_required=on_required,
        )
    return chosen, [*unused, text]


def _replace(row: GrowthRow, changes: dict[str, Any]) -> GrowthRow:
    from dataclasses import replace

    return replace(row, **changes)


def _share_row(cat: Catalog, target: Observation, ind: Indicator) -> GrowthRow:
    whole = (
        msg("g_share_whole", whole=Label("indicator", ind.denominator)) if ind.denominator else ""
    )
    reason = msg("g_share_target", whole=whole)
    notes: list[Message] = []
    ids: list[str] = []
    before = [
        o
        for o in _actuals(cat, target, target.indicator)
        if o.period.is_annual_point and o.period.anchor_year < target.period.anchor_year
    ]
    if before:
        last = max(before, key=lambda o: o.period.end_key)
        notes.append(
            msg(
                "g_share_on_record",
                value=_pct_figure(last.value),
                period=Label("period", str(last.period)),
                id=last.id,
                diff=f"{target.value - last.value:+.4g}",
                target_period=Label("period", str(target.period)),
            )
        )
        ids.append(last.id)
    else:
        notes.append(msg("g_no_baseline_share"))
    return _reason_row(target, ind, reason, notes, ids)


def _row(cat: Catalog, target: Observation, opts: Options) -> GrowthRow:
    ind = cat.indicator(target.indicator)
    if target.increment:
        return _reason_row(
            target,
            ind,
            msg("g_increment"),
            [
                msg(
                    "g_increment_flow",
                    amount=Fig(
                        target.value, target.unit, target.bound.value, target.low, target.high
                    ),
                    period=Label("period", str(target.period)),
                )
            ],
        )
    if ind.measure is Measure.GROWTH_RATE:
        return _rate_target_row(cat, target, ind, opts)
    if ind.measure is Measure.SHARE:
        return _share_row(cat, target, ind)
    if ind.measure in _NOT_LEVELS:
        return _reason_row(target, ind, msg(_NOT_LEVELS[ind.measure]), [])
    if target.unit != ind.unit:
        return _reason_row(target, ind, msg("g_units_target"), [])
    return _level_target_row(cat, target, ind, opts)


def _safe_row(cat: Catalog, target: Observation, opts: Options) -> GrowthRow:
    """``_row``, or a reason row when the figures allow no arithmetic (a level of 0, a growth
    of −100 %): never a crash of ``growth`` or the report."""
    try:
        return _row(cat, target, opts)
    except (ValueError, ZeroDivisionError, OverflowError) as exc:
        ind = cat.indicator(target.indicator)
        return _reason_row(target, ind, msg("g_no_computation", error=str(exc)), [])


def growth(
    cat: Catalog | None = None,
    *,
    deflator: float | None = None,
    since: int | None = None,
    as_of: dt.date | None = None,
) -> GrowthResult:
    """One row per target: its verdict, the growth it requires, and the growth on record.

    ``cat``: the catalog to track (``load_catalog(outcomes=True)`` brings the later official
    figures; default: the shipped catalog). ``deflator`` (a fraction, e.g. 0.02) is an explicit
    assumption used to compare a nominal required rate with a real growth rate on record;
    without it such rows are ``basis_differs`` and carry the break-even deflator. ``since``
    (a year) starts the history window (default: all figures). ``as_of`` (default today)
    decides which targets' periods are over. See ``GrowthResult`` for the output contract.
    Raises ``ParameterError`` for a deflator that is no fraction in (−0.5, 1) (as the CLI) or a
    ``since`` that is no year.
    """
    from regiondev.analysis.verdicts import assess
    from regiondev.errors import ParameterError

    if deflator is not None and (
        isinstance(deflator, bool)
        or not isinstance(deflator, int | float)
        or not math.isfinite(deflator)
        or not -0.5 < deflator < 1.0
    ):
        raise ParameterError(
            "deflator must be a plausible annual rate as a fraction between -0.5 and 1 "
            f"(e.g. 0.02 for 2 %), got {deflator!r}"
        )
    if since is not None and (
        isinstance(since, bool) or not isinstance(since, int) or not 1900 <= since <= 2200
    ):
        raise ParameterError(f"since must be a year such as 2016, got {since!r}")
    if cat is None:
        from regiondev._catalog import load_catalog

        cat = load_catalog()
    opts = Options(deflator, since, as_of or dt.date.today())
    targets = [o for o in cat.observations if o.status is Status.TARGET]
    rows = tuple(assess(cat, t, _safe_row(cat, t, opts), opts) for t in targets)
    return GrowthResult(rows=rows, deflator=deflator, since=since, as_of=opts.as_of.isoformat())
