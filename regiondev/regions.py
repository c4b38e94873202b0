"""The model's regions by name: English or Chinese, any case; "did you mean" on a near miss."""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from regiondev.errors import ParameterError
from regiondev.model import Region

__all__ = ["RegionName", "region_names", "resolve_region"]


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
    """The regions of ``data/regions.toml`` in the order of ``Region``."""
    raw = tomllib.loads(
        resources.files("regiondev").joinpath("data/regions.toml").read_text("utf-8")
    )
    by_code = {
        r["code"]: RegionName(
            Region(r["code"]), r["name_en"], r["name_zh"], tuple(r.get("aliases", ()))
        )
        for r in raw["region"]
    }
    return tuple(by_code[r.value] for r in Region)


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
