"""regiondev: typed, sourced regional indicator series from Chinese policy texts.

Public names only; nothing heavy is imported here (no polars, seaborn, scipy, statsmodels).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from regiondev._catalog import Catalog
    from regiondev._series import Series
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
        Reliability,
        Source,
        Status,
    )

#: The model's public types, imported from regiondev.model on first use (a command's --help
#: and `import regiondev` need none of them).
_MODEL_NAMES = frozenset(
    {
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
        "Source",
        "Status",
    }
)

__version__ = "0.1.0"

__all__ = [
    "Basis",
    "Bound",
    "Catalog",
    "Indicator",
    "Interval",
    "Measure",
    "Observation",
    "Period",
    "PeriodKind",
    "Region",
    "Reliability",
    "Series",
    "Source",
    "Status",
    "audit",
    "catalog",
    "check",
    "clusters",
    "extract",
    "growth",
    "load_catalog",
    "parse_figure",
    "series",
    "sources",
]


def catalog(extra: Any = (), *, outcomes: bool = False, min_reliability: Any = None) -> Any:
    """The catalog as a polars DataFrame (see README for the schema); ``outcomes=True`` adds
    the later official figures, ``min_reliability`` leaves out the less reliable ones."""
    from regiondev._catalog import catalog as _catalog

    return _catalog(extra, outcomes=outcomes, min_reliability=min_reliability)


def load_catalog(
    extra: Any = (),
    *,
    allow_drafts: bool = False,
    outcomes: bool = False,
    min_reliability: Any = None,
) -> Catalog:
    """The validated catalog object (shipped records plus user files; ``outcomes=True`` adds
    the outcomes layer, ``min_reliability`` a level below which its records are left out)."""
    from regiondev._catalog import load_catalog as _load

    return _load(
        extra, allow_drafts=allow_drafts, outcomes=outcomes, min_reliability=min_reliability
    )


def sources(extra: Any = ()) -> Any:
    """Every source of the catalog (news texts and reference data) as a polars DataFrame."""
    from regiondev._sources import source_frame

    return source_frame(_load_cat(extra).sources)


def series(
    region: str | Region,
    indicator: str,
    extra: Any = (),
    *,
    subject: str = "",
    breakdown: str = "",
    parts: bool = False,
) -> Series:
    """One indicator for one region: values by period, each with its provenance (the whole by
    default; a part with ``subject=``/``breakdown=``, or every part with ``parts=True``)."""
    from regiondev._series import series as _series

    return _series(region, indicator, extra, subject=subject, breakdown=breakdown, parts=parts)


def audit(extra: Any = ()) -> Any:
    """Every number in every source: cataloged, waived or unaccounted."""
    from regiondev._audit import audit as _audit

    return _audit(_load_cat(extra))


def parse_figure(text: str) -> Any:
    """Read one Chinese numeric expression (e.g. 约2300亿元) into value, unit and bound."""
    from regiondev.numbers import parse_figure as _parse

    return _parse(text)


def growth(
    cat: Catalog | None = None,
    *,
    deflator: float | None = None,
    **options: Any,
) -> Any:
    """Every target with the growth it requires, the growth on record and a verdict.

    ``cat`` defaults to the shipped catalog (``load_catalog(outcomes=True)`` adds the later
    official figures). See ``regiondev.analysis.growth.growth`` for every option."""
    from regiondev.analysis.growth import growth as _growth

    return _growth(cat, deflator=deflator, **options)


def check(cat: Catalog | None = None, **options: Any) -> Any:
    """Do the reported figures agree? One verdict per checkable relation (``rules=`` adds
    your rule files). See ``regiondev.analysis.consistency.check``."""
    from regiondev.analysis.consistency import check as _check

    return _check(cat, **options)


def clusters(cat: Catalog | None = None, **options: Any) -> Any:
    """Cluster shares, concentration, location quotients and Hunan's position.
    See ``regiondev.analysis.clusters.clusters``."""
    from regiondev.analysis.clusters import clusters as _clusters

    return _clusters(cat, **options)


def extract(inputs: Any = (), **options: Any) -> Any:
    """Every number of new texts with what the text says of it (period, region, status…):
    files, folders or JSONL (``inputs``), or one text (``text="…"``). See
    ``regiondev._extract.extraction.extract``."""
    from regiondev._extract.extraction import extract as _extract

    return _extract(inputs, **options)


def __dir__() -> list[str]:
    """Only the public names (``dir(regiondev)``)."""
    return sorted(__all__)


def _load_cat(extra: Any) -> Catalog:
    from regiondev._catalog import load_catalog as _load

    return _load(extra)


def __getattr__(name: str) -> Any:
    if name in _MODEL_NAMES:
        from regiondev import model

        value = getattr(model, name)
        globals()[name] = value  # once imported, an ordinary attribute
        return value
    if name in ("Catalog",):
        from regiondev._catalog import Catalog

        return Catalog
    if name == "Series":
        from regiondev._series import Series

        return Series
    raise AttributeError(f"module 'regiondev' has no attribute {name!r}")
