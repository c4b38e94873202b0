"""The typed model: regions, indicators, periods, bounds and observations (all frozen)."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Self

from regiondev.errors import PeriodError

__all__ = [
    "APPROX_RELATIVE",
    "Basis",
    "Bound",
    "Indicator",
    "Interval",
    "Measure",
    "Observation",
    "Period",
    "PeriodKind",
    "Region",
    "Reliability",
    "Review",
    "Source",
    "Status",
]

#: How far "约 / 左右" (about) may stray from the printed value: ±5 %, but never less than one
#: printed unit (4家左右 → [3, 5]; see regiondev.numbers). An explicit, documented convention;
#: the texts give no precision for "about".
APPROX_RELATIVE = 0.05


class Region(StrEnum):
    """The regions the texts speak about."""

    HUNAN = "hunan"
    CHANGSHA = "changsha"
    ZHUZHOU = "zhuzhou"
    CHINA = "china"


class Measure(StrEnum):
    """What kind of quantity an indicator is; different measures never add up."""

    GDP = "gdp"
    VALUE_ADDED = "value_added"
    GROSS_OUTPUT = "gross_output"
    PROFIT = "profit"
    INVESTMENT = "investment"
    COUNT = "count"
    SHARE = "share"
    GROWTH_RATE = "growth_rate"
    RANK = "rank"
    RATIO = "ratio"
    AREA = "area"
    DURATION = "duration"
    PER_CAPITA = "per_capita"
    #: A physical amount (energy, mass, capacity, vehicles…): additive, never money.
    QUANTITY = "quantity"


class Status(StrEnum):
    ACTUAL = "actual"
    TARGET = "target"


class Reliability(StrEnum):
    """How far a later (outcome) figure's source can be trusted, most reliable first."""

    OFFICIAL_BULLETIN = "official_bulletin"
    OFFICIAL_PRESS = "official_press"
    MEDIA_REPORT = "media_report"
    AGGREGATOR = "aggregator"

    @property
    def rank(self) -> int:
        """0 for the most reliable (an official bulletin), 3 for an aggregator."""
        return list(Reliability).index(self)

    def at_least(self, level: Reliability) -> bool:
        """As reliable as ``level`` or more."""
        return self.rank <= level.rank


class Review(StrEnum):
    """A curated record is confirmed; one drafted by `regiondev extract` awaits a person."""

    CONFIRMED = "confirmed"
    DRAFT = "draft"


class Basis(StrEnum):
    """Price basis: levels are nominal (current prices), official growth rates real."""

    NOMINAL = "nominal"
    REAL = "real"
    NOT_APPLICABLE = "not_applicable"


class Bound(StrEnum):
    """How a qualifier bounds the printed value (约 approx, 突破 more_than, 以上 at_least …)."""

    EXACT = "exact"
    APPROX = "approx"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    AT_MOST = "at_most"
    LESS_THAN = "less_than"
    RANGE = "range"


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed-or-open numeric interval; infinite ends mean unbounded."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def __post_init__(self) -> None:
        if math.isnan(self.low) or math.isnan(self.high):
            raise ValueError("an interval end is NaN")
        if self.low > self.high:
            raise ValueError(f"interval low {self.low} exceeds high {self.high}")

    @classmethod
    def point(cls, value: float) -> Interval:
        return cls(value, value)

    @property
    def bounded(self) -> bool:
        return math.isfinite(self.low) and math.isfinite(self.high)

    def contains(self, x: float) -> bool:
        above = x > self.low if self.low_open else x >= self.low
        below = x < self.high if self.high_open else x <= self.high
        return above and below

    def intersect(self, other: Interval) -> Interval | None:
        """The common part of two intervals, or None when they are disjoint."""
        if self.low > other.low or (self.low == other.low and self.low_open):
            low, low_open = self.low, self.low_open
        else:
            low, low_open = other.low, other.low_open
        if self.high < other.high or (self.high == other.high and self.high_open):
            high, high_open = self.high, self.high_open
        else:
            high, high_open = other.high, other.high_open
        if low > high or (low == high and (low_open or high_open)):
            return None
        return Interval(low, high, low_open, high_open)

    def overlaps(self, other: Interval) -> bool:
        return self.intersect(other) is not None

    def widen(self, half_step: float) -> Interval:
        """Widen both finite ends by half a printed step (rounding of printed digits)."""
        low = self.low - half_step if math.isfinite(self.low) else self.low
        high = self.high + half_step if math.isfinite(self.high) else self.high
        return Interval(low, high, self.low_open, self.high_open)

    def __str__(self) -> str:
        left = "(" if self.low_open or not math.isfinite(self.low) else "["
        right = ")" if self.high_open or not math.isfinite(self.high) else "]"
        return f"{left}{_fmt(self.low)}, {_fmt(self.high)}{right}"


def _fmt(x: float) -> str:
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    return f"{x:.6g}"


@dataclass(frozen=True, slots=True)
class Indicator:
    """A quantity the texts report: code, names, measure, canonical unit and scope."""

    code: str
    name_zh: str
    name_en: str
    measure: Measure
    unit: str
    scope: str = ""
    of: str = ""
    denominator: str = ""


class PeriodKind(StrEnum):
    YEAR = "year"
    MONTHS = "months"
    QUARTERS = "quarters"
    SPAN = "span"
    DATE = "date"


_MONTH_NAMES: tuple[str, ...] = ("Jan", "Feb", "Mar", "Apr", "May", "Jun")
_MONTH_NAMES += ("Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# ASCII digits only: \d would read full-width ２０２１ as a year without a word.
_YEAR = re.compile(r"^(\d{4})$", re.ASCII)
_MONTHS = re.compile(r"^(\d{4})M(\d{2})-M(\d{2})$", re.ASCII)
_QUARTERS = re.compile(r"^(\d{4})Q([1-4])-Q([1-4])$", re.ASCII)
_SPAN = re.compile(r"^(\d{4})-(\d{4})$", re.ASCII)
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$", re.ASCII)
#: Years a period may name: the texts are about the economy since records began.
YEARS = range(1900, 2101)


def _year(y: int, text: str) -> int:
    if y not in YEARS:
        raise PeriodError(
            f"year {y} of period {text!r} is out of range ({YEARS.start}-{YEARS.stop - 1})"
        )
    return y


@dataclass(frozen=True, slots=True)
class Period:
    """A period in canonical text form.

    ``2020`` calendar year; ``2019M01-M11`` cumulative months; ``2021Q1-Q3`` cumulative
    quarters; ``2016-2020`` a multi-year span (an average growth over it covers the growth
    of each year in it, from the end of 2015 to the end of 2020); ``2021-11-17`` a point date.
    """

    kind: PeriodKind
    start_year: int
    end_year: int
    first: int = 0
    last: int = 0
    day: int = 0

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read a period's canonical text; PeriodError (a ValueError) names what is wrong."""
        if not isinstance(text, str):
            raise PeriodError(f"period must be text, got {type(text).__name__} {text!r}")
        text = text.strip()
        if m := _YEAR.match(text):
            y = _year(int(m[1]), text)
            return cls(PeriodKind.YEAR, y, y)
        if m := _MONTHS.match(text):
            y, a, b = _year(int(m[1]), text), int(m[2]), int(m[3])
            if not 1 <= a <= b <= 12:
                raise PeriodError(f"months out of order or range in period {text!r}")
            return cls(PeriodKind.MONTHS, y, y, a, b)
        if m := _QUARTERS.match(text):
            y, a, b = _year(int(m[1]), text), int(m[2]), int(m[3])
            if a > b:
                raise PeriodError(f"quarters out of order in period {text!r}")
            return cls(PeriodKind.QUARTERS, y, y, a, b)
        if m := _SPAN.match(text):
            a, b = _year(int(m[1]), text), _year(int(m[2]), text)
            if a >= b:
                raise PeriodError(f"span must run forward, got {text!r}")
            return cls(PeriodKind.SPAN, a, b)
        if m := _DATE.match(text):
            try:
                d = dt.date(_year(int(m[1]), text), int(m[2]), int(m[3]))
            except ValueError as exc:
                raise PeriodError(f"period {text!r} is no date: {exc}") from None
            return cls(PeriodKind.DATE, d.year, d.year, d.month, d.month, d.day)
        wide = any(ch.isdigit() and not ch.isascii() for ch in text)
        raise PeriodError(
            f"period {text!r} is not one of YYYY, YYYYMmm-Mmm, YYYYQn-Qn, YYYY-YYYY, YYYY-MM-DD"
            + (" (write its digits as ASCII 0-9, not full-width)" if wide else "")
        )

    @property
    def end_key(self) -> tuple[int, int, int]:
        """When the period ends, as (year, month, day): a year ends on 31 December."""
        match self.kind:
            case PeriodKind.DATE:
                return (self.end_year, self.first, self.day)
            case PeriodKind.MONTHS:
                return (self.end_year, self.last, 31)
            case PeriodKind.QUARTERS:
                return (self.end_year, 3 * self.last, 31)
            case _:
                return (self.end_year, 12, 31)

    def __lt__(self, other: Period) -> bool:
        """Chronological order: by end, then the longer period first."""
        return (self.end_key, self.start_year) < (other.end_key, other.start_year)

    @property
    def is_annual_point(self) -> bool:
        """A whole calendar year or a point date: a level at one time, comparable across years."""
        return self.kind in (PeriodKind.YEAR, PeriodKind.DATE)

    @property
    def anchor_year(self) -> int:
        """The year a level belongs to (a year's end, or the year of a point date)."""
        return self.end_year

    @property
    def years(self) -> int:
        """How many years a span covers (a single period covers one)."""
        return self.end_year - self.start_year + 1

    def __str__(self) -> str:
        match self.kind:
            case PeriodKind.YEAR:
                return f"{self.start_year}"
            case PeriodKind.MONTHS:
                return f"{self.start_year}M{self.first:02d}-M{self.last:02d}"
            case PeriodKind.QUARTERS:
                return f"{self.start_year}Q{self.first}-Q{self.last}"
            case PeriodKind.SPAN:
                return f"{self.start_year}-{self.end_year}"
            case PeriodKind.DATE:
                return f"{self.start_year}-{self.first:02d}-{self.day:02d}"

    def describe(self) -> str:
        """Plain-English label, e.g. 'Jan–Nov 2019'."""
        months = [
            "Jan",
            "Feb",
            "Mar",
            "Apr",
            "May",
            "Jun",
            "Jul",
            "Aug",
            "Sep",
            "Oct",
            "Nov",
            "Dec",
        ]
        match self.kind:
            case PeriodKind.YEAR:
                return f"year {self.start_year}"
            case PeriodKind.MONTHS:
                return f"{months[self.first - 1]}–{months[self.last - 1]} {self.start_year}"
            case PeriodKind.QUARTERS:
                return f"Q{self.first}–Q{self.last} {self.start_year}"
            case PeriodKind.SPAN:
                return f"{self.start_year}–{self.end_year} ({self.years} years)"
            case PeriodKind.DATE:
                return f"at {self}"


@dataclass(frozen=True, slots=True)
class Source:
    """One source text (a shipped seed or a user's document) and its publication facts."""

    id: str
    title: str
    outlet: str
    published: str
    region: str
    script: str
    path: str = ""
    sha256: str = ""
    url: str = ""
    date_evidence: str = ""
    event_date: str = ""
    reference_date: str = ""
    kind: str = "news"
    #: Set on the sources of later figures (the outcomes layer); None for the texts.
    reliability: Reliability | None = None

    @property
    def is_text(self) -> bool:
        return bool(self.path)


@dataclass(frozen=True, slots=True)
class Observation:
    """One figure with its provenance.

    ``figure`` is the numeric expression as printed inside ``quote`` (clean simplified text);
    ``low``/``high`` are the interval its qualifier implies; ``step`` the unit of its last
    printed digit (28.1 % has step 0.1), from which rounding intervals are derived. A derived
    observation has an empty quote, a ``derivation`` line and the ``inputs`` it came from.
    """

    id: str
    source: str
    region: Region
    indicator: str
    status: Status
    period: Period
    value: float
    unit: str
    bound: Bound
    low: float
    high: float
    basis: Basis
    quote: str
    figure: str = ""
    step: float = 0.0
    subject: str = ""
    breakdown: str = ""
    aspirational: bool = False
    increment: bool = False
    note: str = ""
    review: Review = Review.CONFIRMED
    derivation: str = ""
    inputs: tuple[str, ...] = field(default_factory=tuple)
    origin: str = ""
    #: Growth relative to a named earlier period (比2019年增长12.7%: ``relative_to`` 2019 for
    #: a 2021 figure): the change from that period's level, not from the year before.
    relative_to: Period | None = None
    figure_start: int = -1
    figure_end: int = -1
    quote_start: int = -1

    @property
    def interval(self) -> Interval:
        """The interval the qualifier implies (no rounding)."""
        return Interval(
            self.low,
            self.high,
            low_open=self.bound is Bound.MORE_THAN,
            high_open=self.bound is Bound.LESS_THAN
            or (self.bound is Bound.MORE_THAN and math.isfinite(self.high)),
        )

    def rounding_interval(self) -> Interval:
        """The qualifier's interval widened by half a printed step (28.1 → [28.05, 28.15]).

        An approximate figure's interval (约 / 左右: at least one printed step either side)
        already holds its rounding and is not widened again.
        """
        if not self.step or self.bound is Bound.APPROX:
            return self.interval
        return self.interval.widen(self.step / 2)

    @property
    def is_derived(self) -> bool:
        return bool(self.derivation)

    def with_changes(self, **changes: object) -> Self:
        return replace(self, **changes)  # type: ignore[arg-type]
