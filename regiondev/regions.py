"""The model's regions by name: English or Chinese, any case; "did you mean" on a near miss.

The names come from the one gazetteer (``data/places.toml``: a model region's Chinese names,
``name_en`` and ``aliases``), the file the extractor reads its places from too.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cache

from regiondev.errors import ParameterError
from regiondev.model import Region

__all__ = ["RegionName", "region_name", "region_names", "resolve_region"]


@dataclass(frozen=True)
class RegionName:
    """A region's code with its English and Chinese names and the aliases users type."""

    region: Region
    name_en: str
    name_zh: str
    aliases: tuple[str, ...]

    def names(self) -> tuple[str, ...]:
        """Every accepted spelling, lower-cased."""
        return tuple(
            n.casefold() for n in (self.region.value, self.name_en, self.name_zh, *self.aliases)
        )


@cache
def region_names() -> tuple[RegionName, ...]:
    """The model's regions, in the order of ``Region``, from the gazetteer."""
    from regiondev._extract.gazetteer import gazetteer

    by_code = gazetteer().by_code
    out = []
    for r in Region:
        place = by_code[r.value]
        out.append(RegionName(r, place.name_en, place.names[0], (*place.names[1:], *place.aliases)))
    return tuple(out)


def region_name(code: str) -> RegionName | None:
    """The names of a model region code (None for any other code)."""
    return next((rn for rn in region_names() if rn.region.value == code), None)


def resolve_region(name: str | Region, what: str = "region") -> Region:
    """The Region a user means by ``name`` (湖南, Hunan, HUNAN, 株洲市…); a ParameterError
    listing the choices, with the nearest one, otherwise."""
    if isinstance(name, Region):
        return name
    if not isinstance(name, str):
        raise ParameterError(f"{what} must be a region name, not {type(name).__name__}")
    key = name.strip().casefold()
    spellings = {n: rn.region for rn in region_names() for n in rn.names()}
    if key in spellings:
        return spellings[key]
    choices = ", ".join(f"{rn.region.value} ({rn.name_zh})" for rn in region_names())
    near = difflib.get_close_matches(key, list(spellings), n=1, cutoff=0.6)
    hint = f"; did you mean {spellings[near[0]].value!r}?" if near else "."
    raise ParameterError(f"{what} {name!r} is not a region{hint} Regions: {choices}")
