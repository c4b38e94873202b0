"""A typed series: one region's values of one indicator by period, each with provenance.

A series is of the region as a whole by default: records with a ``subject`` (a county, an
industry) or a ``breakdown`` (``dim=member``) are parts of the region and join a series only
when asked for (``subject=``, ``breakdown=`` or ``parts=True``), so Zhuzhou's GDP and 醴陵's
(region ``zhuzhou``, subject ``liling``) never appear as two values of one year.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from regiondev._catalog import Catalog, load_catalog
from regiondev.errors import ParameterError
from regiondev.model import Observation, Region
from regiondev.regions import resolve_region
from regiondev.results import frame_to_html, frame_to_markdown

__all__ = ["Series", "series"]

_COLUMNS = [
    "period",
    "subject",
    "breakdown",
    "status",
    "figure",
    "value",
    "unit",
    "bound",
    "low",
    "high",
    "basis",
    "id",
    "source",
    "quote",
]


@dataclass(frozen=True)
class Series:
    """Observations of one indicator for one region, sorted by period, part, then id.

    ``subject`` and ``breakdown`` say which part of the region the series is of (both empty:
    the whole region); ``parts`` is True for a series of the whole and every part together,
    where each point says which one it is.
    """

    region: Region
    indicator: str
    name_en: str
    unit: str
    observations: tuple[Observation, ...]
    subject: str = ""
    breakdown: str = ""
    parts: bool = False

    @property
    def part(self) -> str:
        """What the series is of: ``whole``, ``subject=liling``, ``parts`` (whole and parts)."""
        if self.parts:
            return "parts"
        named = [f"subject={self.subject}"] if self.subject else []
        if self.breakdown:
            named.append(f"breakdown={self.breakdown}")
        return ", ".join(named) or "whole"

    def __repr__(self) -> str:
        points = ", ".join(f"{o.period}{_point_part(o, self.parts)}: {o.figure}" for o in self)
        head = f"{self.region.value}, {self.indicator}"
        if self.part != "whole":
            head += f", {'parts=True' if self.parts else self.part}"
        return f"Series({head}, [{points}])"

    def __len__(self) -> int:
        return len(self.observations)

    def __iter__(self) -> Iterator[Observation]:
        return iter(self.observations)

    def to_frame(self) -> Any:
        import polars as pl

        rows = [
            {
                "period": str(o.period),
                "subject": o.subject,
                "breakdown": o.breakdown,
                "status": o.status.value,
                "figure": o.figure,
                "value": o.value,
                "unit": o.unit,
                "bound": o.bound.value,
                "low": o.low,
                "high": o.high,
                "basis": o.basis.value,
                "id": o.id,
                "source": o.source,
                "quote": o.quote,
            }
            for o in self.observations
        ]
        schema = {c: (pl.Float64 if c in ("value", "low", "high") else pl.String) for c in _COLUMNS}
        return pl.DataFrame(rows, schema=schema, orient="row")

    @property
    def title(self) -> str:
        of = {"whole": "", "parts": " (whole and parts)"}.get(self.part, f" ({self.part})")
        return f"{self.name_en} ({self.indicator}), {self.region.value}{of}, unit {self.unit}"

    def to_markdown(self) -> str:
        return f"**{self.title}**\n\n" + frame_to_markdown(self.to_frame())

    def _repr_html_(self) -> str:
        return frame_to_html(self.to_frame(), caption=self.title)


def _point_part(o: Observation, parts: bool) -> str:
    """`` (liling)``, `` (industry=rail)`` for a part; `` (whole)`` in a series of parts."""
    named = ", ".join(x for x in (o.subject, o.breakdown) if x)
    if named:
        return f" ({named})"
    return " (whole)" if parts else ""


def series(
    region: str | Region,
    indicator: str,
    extra: Iterable[str | Path] = (),
    cat: Catalog | None = None,
    *,
    subject: str = "",
    breakdown: str = "",
    parts: bool = False,
) -> Series:
    """The series of ``indicator`` in ``region`` (湖南/Hunan/hunan alike; a ParameterError
    names the known regions or codes, with the nearest one).

    By default the series is of the region as a whole: records with neither ``subject`` nor
    ``breakdown``. ``subject="liling"`` (with ``breakdown`` empty unless given) is the series
    of that part, ``breakdown="industry=rail_transit_equipment"`` that of a partition member;
    ``parts=True`` gives the whole and every part together (the ``subject`` and ``breakdown``
    columns tell them apart). A part asked for that has no record raises ParameterError naming the
    parts there are. Example: ``series("zhuzhou", "gdp", subject="liling")``.
    """
    reg = resolve_region(region)
    cat = cat if cat is not None else load_catalog(extra)
    if not isinstance(indicator, str):
        raise ParameterError(f"indicator must be a code (a string), got {indicator!r}")
    if indicator not in cat.indicators:
        near = difflib.get_close_matches(str(indicator), list(cat.indicators), n=1)
        hint = f"; did you mean {near[0]!r}?" if near else ""
        raise ParameterError(
            f"unknown indicator {indicator!r}{hint} (regiondev indicators lists the codes)"
        )
    if parts and (subject or breakdown):
        raise ParameterError(
            "parts=True already gives every part; leave subject and breakdown empty"
        )
    ind = cat.indicators[indicator]
    every = cat.select(region=reg, indicator=indicator)
    chosen = [o for o in every if parts or (o.subject == subject and o.breakdown == breakdown)]
    if not chosen and (subject or breakdown):
        known = sorted({", ".join(x for x in (o.subject, o.breakdown) if x) for o in every} - {""})
        raise ParameterError(
            f"no {indicator} record for {reg.value} with subject {subject!r} and breakdown "
            f"{breakdown!r}; parts on record: {'; '.join(known) if known else 'none'}"
        )
    obs = sorted(chosen, key=lambda o: (o.period, o.subject, o.breakdown, o.id))
    return Series(reg, indicator, ind.name_en, ind.unit, tuple(obs), subject, breakdown, parts)
