"""The outcomes layer: later official figures, the reliability of their sources, and gaps.

Outcome records live in ``regiondev/data/outcomes/<region>.toml`` in the catalog format; they
are loaded only on request (``load_catalog(outcomes=True)``). Their sources have no text
file: each carries a URL, an outlet, a publication date and a ``reliability``. Besides the
checks every record gets, an outcome record must be published after its period ends, and a
qualifier printed next to its figure (突破, 约, 以上 …) must be part of the figure and bound.
A ``[[gap]]`` table records a figure that was searched for and not found.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from regiondev.errors import CatalogError
from regiondev.model import Bound, Period, PeriodKind, Region, Reliability, Source
from regiondev.numbers import FigureParseError, parse_figure

__all__ = [
    "QUALIFIERS_AFTER",
    "QUALIFIERS_BEFORE",
    "Gap",
    "date_problem",
    "outcome_files",
    "parse_reliability",
    "period_end",
    "published_floor",
    "qualifier_problem",
    "read_gap",
]

#: Qualifiers that bound a figure when printed just before it (达到 and 迈上 are left out:
#: before an actual they say "reached", and the catalog reads them as at_least only as
#: part of a figure).
QUALIFIERS_BEFORE = (
    "突破",
    "超过",
    "大约",
    "约为",
    "约达",
    "约",
    "逾",
    "过",
    "近",
    "不低于",
    "不少于",
    "至少",
    "不超过",
    "不足",
    "不到",
)
#: Qualifiers that bound a figure when printed just after it (余 and 多 after a unit, as in
#: 3.6万亿元多, lengthen it; between number and unit they are part of the figure already).
QUALIFIERS_AFTER = ("以上", "以下", "左右", "余", "多")

_PUBLISHED = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def outcome_files() -> list[Path]:
    """The shipped outcome catalogs, one per region, in a fixed order."""
    return sorted(Path(str(resources.files("regiondev") / "data" / "outcomes")).glob("*.toml"))


def parse_reliability(value: Any, file: str, record: str) -> Reliability:
    """The reliability level named by ``value``, or a CatalogError listing the levels."""
    try:
        return Reliability(value)
    except ValueError:
        levels = ", ".join(r.value for r in Reliability)
        raise CatalogError(
            file,
            record,
            "reliability",
            f"{value!r} is not a reliability level; one of (most to least reliable): {levels}",
        ) from None


def published_floor(published: str) -> dt.date | None:
    """The earliest day a publication date can mean: 2021 → 2021-01-01, 2021-03 → 2021-03-01.

    None when it is no date (``undated``, free text).
    """
    m = _PUBLISHED.match(published.strip())
    if m is None:
        return None
    try:
        return dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        return None


def period_end(period: Period) -> dt.date:
    """The last day of a period: a year's 31 December, Jan–Nov's 30 November, a date itself."""
    year, month, day = period.end_key
    if period.kind is PeriodKind.DATE:
        return dt.date(year, month, day)
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def date_problem(period: Period, src: Source) -> str | None:
    """Why an actual of ``period`` cannot come from ``src`` (published before the period ended).

    The period's end must be on or before the earliest day the publication date can mean:
    a 2024 figure needs a source published in 2025 or later; a Jan–Nov figure may be
    published in December.
    """
    floor = published_floor(src.published)
    if floor is None:
        return None  # the source's own error says its date is missing
    end = period_end(period)
    if end > floor:
        return (
            f"period {period} ends {end.isoformat()}, after source {src.id!r} was published "
            f"({src.published}): an actual must be published after its period ends"
        )
    return None


def qualifier_problem(quote: str, figure: str, at: int, bound: Bound) -> str | None:
    """Why a figure at ``at`` in ``quote`` misses a qualifier printed next to it.

    A qualifier counts when the figure with it reads a different bound than the record's
    (突破 + 5万亿元 reads more_than; a record of 5万亿元 exact has lost it).
    """
    before = next((q for q in QUALIFIERS_BEFORE if quote[:at].endswith(q)), "")
    if before.startswith("约") and quote[: at - len(before)].endswith(tuple("签合制邀履预违")):
        before = ""  # 签约300亿元: 约 inside a word is no qualifier
    after_text = quote[at + len(figure) :]
    after = next((q for q in QUALIFIERS_AFTER if after_text.startswith(q)), "")
    for text, qual in ((before + figure, before), (figure + after, after)):
        if not qual:
            continue
        read: Bound | None
        try:
            read = parse_figure(text).bound
        except FigureParseError:
            read = Bound.APPROX if qual in ("约", "大约", "约为", "约达", "左右") else None
        if read is not None and read is not bound:
            return (
                f"the quote prints {qual!r} next to {figure!r}, which reads {read.value!r}, but "
                f"the record's bound is {bound.value!r}: include {qual!r} in the figure and set "
                "the bound"
            )
    return None


@dataclass(frozen=True, slots=True)
class Gap:
    """A figure searched for and not found: no outcome on record for these periods."""

    id: str
    region: Region
    indicator: str
    periods: tuple[Period, ...]
    searched: str
    subject: str = ""
    note: str = ""
    origin: str = ""

    def covers(self, period: Period) -> bool:
        """Whether ``period`` lies within one of the gap's periods (by years)."""
        return any(
            p.start_year <= period.start_year and period.end_year <= p.end_year
            for p in self.periods
        )


_GAP_FIELDS = {"id", "region", "indicator", "period", "searched", "subject", "note"}


def read_gap(rec: dict[str, Any], file: str, indicators: set[str]) -> Gap:
    """One ``[[gap]]`` table as a Gap; a CatalogError names its first problem."""
    gid = str(rec.get("id", "?"))
    unknown = set(rec) - _GAP_FIELDS
    if unknown:
        raise CatalogError(file, gid, ", ".join(sorted(unknown)), "unknown field")
    for key in ("id", "region", "indicator", "period", "searched"):
        if not rec.get(key):
            raise CatalogError(file, gid, key, "gap field is required")
    for key in ("id", "region", "indicator", "searched", "subject", "note"):
        if key in rec and not isinstance(rec[key], str):
            raise CatalogError(file, gid, key, f"expected a string, got {rec[key]!r}")
    try:
        region = Region(rec["region"])
    except ValueError:
        allowed = ", ".join(r.value for r in Region)
        raise CatalogError(
            file, gid, "region", f"{rec['region']!r} is not one of: {allowed}"
        ) from None
    if rec["indicator"] not in indicators:
        raise CatalogError(file, gid, "indicator", f"unknown indicator {rec['indicator']!r}")
    raw = rec["period"]
    texts = [raw] if isinstance(raw, str | int) else raw
    if not isinstance(texts, list) or not all(isinstance(t, str | int) for t in texts):
        raise CatalogError(file, gid, "period", f"expected a period or a list of them, got {raw!r}")
    try:
        periods = tuple(Period.parse(str(t)) for t in texts)
    except ValueError as exc:
        raise CatalogError(file, gid, "period", str(exc)) from None
    return Gap(
        id=gid,
        region=region,
        indicator=rec["indicator"],
        periods=periods,
        searched=rec["searched"],
        subject=rec.get("subject", ""),
        note=rec.get("note", ""),
        origin=file,
    )
