"""Shares of a whole: which figures on record make part / share = whole.

One reading of the indicator metadata, shared by ``growth`` (a baseline level derived from a
share and its part) and ``consistency`` (the automatic ``auto-share-total-*`` checks):

* a share indicator (measure ``share``) names its whole in ``denominator``;
* its part is the indicator whose code precedes ``_share`` in the share's code
  (``hightech_va_share_gdp`` → ``hightech_va``), in the whole's unit;
* a share figure and a part figure go together when they are of the same region, subject,
  breakdown, period and status, neither is an increment (a flow is no level) and the share is
  positive (a zero share implies no whole).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from regiondev._catalog import Catalog
from regiondev.model import Indicator, Measure, Observation

__all__ = ["SharePair", "same_scope", "share_pairs", "share_parts", "share_wholes"]


@dataclass(frozen=True, slots=True)
class SharePair:
    """A part figure and the share figure that states it as a share of ``whole``."""

    part: Observation
    share: Observation
    part_indicator: Indicator
    share_indicator: Indicator
    whole: str


def same_scope(a: Observation, b: Observation) -> bool:
    """Same region, subject and breakdown."""
    return a.region == b.region and a.subject == b.subject and a.breakdown == b.breakdown


def share_parts(
    indicators: Mapping[str, Indicator], whole: str
) -> list[tuple[Indicator, Indicator]]:
    """(share indicator, part indicator) pairs whose share is part / ``whole``.

    A share indicator names its whole in ``denominator``; its part is the indicator whose
    code precedes ``_share`` in the share's code (``hightech_va_share_gdp`` → ``hightech_va``).
    """
    unit = indicators[whole].unit
    out = []
    for share in indicators.values():
        if share.measure is not Measure.SHARE or share.denominator != whole:
            continue
        part_code = share.code.split("_share")[0]
        part = indicators.get(part_code)
        if part is not None and part.code != whole and part.unit == unit:
            out.append((share, part))
    return out


def share_wholes(indicators: Mapping[str, Indicator]) -> list[str]:
    """Every indicator some share indicator names as its whole (vocabulary order)."""
    return list(
        dict.fromkeys(
            i.denominator
            for i in indicators.values()
            if i.measure is Measure.SHARE and i.denominator in indicators
        )
    )


def share_pairs(cat: Catalog, whole: str, *, bounded: bool = True) -> Iterator[SharePair]:
    """Every (part, share) pair of figures on record that implies a level of ``whole``.

    Order: share indicator (vocabulary order), then share and part figures in catalog order.
    Derived records are included; callers that want only stated figures filter them.
    ``bounded`` leaves out shares with no positive floor (不到10%), which bound no level;
    ``bounded=False`` keeps them, for a check that says why it cannot compare.
    """
    for share_ind, part_ind in share_parts(cat.indicators, whole):
        shares = [o for o in cat.observations if o.indicator == share_ind.code]
        parts = [o for o in cat.observations if o.indicator == part_ind.code and not o.increment]
        for s in shares:
            if s.increment or s.value <= 0 or (bounded and not s.low > 0):
                continue
            for p in parts:
                if p.period == s.period and p.status == s.status and same_scope(p, s):
                    yield SharePair(p, s, part_ind, share_ind, whole)
