"""A typed series: one region's values of one indicator by period, each with provenance."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from regiondev._callable import make_module_callable
from regiondev.catalog import Catalog, load_catalog
from regiondev.model import Observation, Region
from regiondev.results import frame_to_html, frame_to_markdown

__all__ = ["Series", "series"]

_COLUMNS = [
    "period",
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
    """Observations of one indicator for one region, sorted by period then id."""

    region: Region
    indicator: str
    name_en: str
    unit: str
    observations: tuple[Observation, ...]

    def __repr__(self) -> str:
        points = ", ".join(f"{o.period}: {o.figure}" for o in self.observations)
        return f"Series({self.region.value}, {self.indicator}, [{points}])"

    def __len__(self) -> int:
        return len(self.observations)

    def __iter__(self) -> Iterator[Observation]:
        return iter(self.observations)

    def to_frame(self) -> Any:
        import polars as pl

        rows = [
            {
                "period": str(o.period),
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
        return f"{self.name_en} ({self.indicator}), {self.region.value}, unit {self.unit}"

    def to_markdown(self) -> str:
        return f"**{self.title}**\n\n" + frame_to_markdown(self.to_frame())

    def _repr_html_(self) -> str:
        return frame_to_html(self.to_frame(), caption=self.title)


def series(
    region: str | Region,
    indicator: str,
    extra: Iterable[str | Path] = (),
    cat: Catalog | None = None,
) -> Series:
    """The series of ``indicator`` in ``region`` (ValueError names the known codes)."""
    cat = cat if cat is not None else load_catalog(extra)
    try:
        reg = Region(region)
    except ValueError:
        raise ValueError(
            f"unknown region {region!r}; one of {', '.join(r.value for r in Region)}"
        ) from None
    if indicator not in cat.indicators:
        raise ValueError(f"unknown indicator {indicator!r}; see regiondev catalog for codes")
    ind = cat.indicators[indicator]
    obs = sorted(cat.select(region=reg, indicator=indicator), key=lambda o: (o.period, o.id))
    return Series(reg, indicator, ind.name_en, ind.unit, tuple(obs))


make_module_callable(__name__, "series")
