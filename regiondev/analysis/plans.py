"""Cluster and industry plans as typed structure: Changsha "1+2+N", Zhuzhou "3+3+2", the 17 and
20 industrial chains, and the national list of 45 as far as the texts name its members.

The data live in ``regiondev/data/plans.toml``. Every plan, tier and member cites a source id
and a verbatim quote, and loading checks that each quote occurs in the source's clean text
(``sources.clean_text(src).find``) and that each member's name occurs in its quote. A plan's
count is linked to the catalog records that print it (same source and indicator, same value,
no breakdown), so rows carry catalog observation ids where such records exist.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from regiondev._sources import clean_text
from regiondev.errors import CatalogError
from regiondev.model import Region
from regiondev.text import normalise_fragment

if TYPE_CHECKING:
    import polars as pl

    from regiondev._catalog import Catalog

__all__ = [
    "Level",
    "Plan",
    "PlanKind",
    "PlanMember",
    "PlanTier",
    "Standing",
    "compare_plans",
    "load_plans",
    "plan",
    "plans_frame",
    "tiers_frame",
]


class Level(StrEnum):
    """The level a cluster is built for (世界级 / 国家级 / 省级 / 区域级)."""

    WORLD = "world"
    NATIONAL = "national"
    PROVINCIAL = "provincial"
    REGIONAL = "regional"
    UNSTATED = "unstated"


class Standing(StrEnum):
    """Where a member stands: planned (打造/构建), applying (申报), designated (获批), named."""

    PLANNED = "planned"
    APPLYING = "applying"
    DESIGNATED = "designated"
    NAMED = "named"


class PlanKind(StrEnum):
    NATIONAL_LIST = "national_list"
    CLUSTER_SYSTEM = "cluster_system"
    INDUSTRY_SYSTEM = "industry_system"
    INDUSTRIAL_CHAINS = "industrial_chains"


@dataclass(frozen=True, slots=True)
class PlanTier:
    """One tier of a plan ("1", "2", "N"); ``count`` is None for an open tier (N)."""

    plan: str
    position: int
    label: str
    count: int | None
    level: Level
    level_stated: bool
    source: str
    quote: str
    note: str = ""

    @property
    def id(self) -> str:
        return f"{self.plan}/tier{self.position}"


@dataclass(frozen=True, slots=True)
class PlanMember:
    """An industry (or a group, 一批) the text names as part of a tier."""

    id: str
    plan: str
    tier: int
    region: Region
    name_zh: str
    name_en: str
    level: Level
    level_stated: bool
    standing: Standing
    source: str
    quote: str
    group: bool = False
    level_quote: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class Plan:
    """A cluster system, industry system or list of chains, with its tiers and named members."""

    id: str
    region: Region
    structure: str
    kind: PlanKind
    name_en: str
    source: str
    quote: str
    horizon: str
    tiers: tuple[PlanTier, ...]
    members: tuple[PlanMember, ...]
    count: int | None = None
    count_indicator: str = ""
    observation_ids: tuple[str, ...] = field(default_factory=tuple)
    note: str = ""

    @property
    def declared_total(self) -> int | None:
        """Sum of the tier counts, or None when a tier is open (N)."""
        counts = [t.count for t in self.tiers]
        if any(c is None for c in counts):
            return None
        return sum(c for c in counts if c is not None)

    def tier(self, position: int) -> PlanTier:
        for t in self.tiers:
            if t.position == position:
                return t
        raise KeyError(f"plan {self.id!r} has no tier {position}")

    def members_in(self, position: int) -> tuple[PlanMember, ...]:
        return tuple(m for m in self.members if m.tier == position)


def _plans_path() -> Path:
    return Path(str(resources.files("regiondev") / "data" / "plans.toml"))


def _enum(enum: type[Any], value: Any, file: str, rid: str, fld: str) -> Any:
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(e.value for e in enum)
        raise CatalogError(file, rid, fld, f"{value!r} is not one of: {allowed}") from None


def _require(rec: dict[str, Any], keys: tuple[str, ...], file: str, rid: str) -> None:
    for key in keys:
        if key not in rec or rec[key] in ("", None):
            raise CatalogError(file, rid, key, "field is required")


def _check_quote(cat: Catalog, file: str, rid: str, source: str, quote: str, fld: str) -> None:
    try:
        src = cat.source(source)
    except KeyError:
        raise CatalogError(file, rid, "source", f"unknown source {source!r}") from None
    if not src.path:
        raise CatalogError(file, rid, "source", f"source {source!r} has no text to quote")
    if not clean_text(src).find(quote):
        name = Path(src.path).name
        raise CatalogError(file, rid, fld, f"{quote!r} not found in {name} (after normalisation)")


def _count_ids(cat: Catalog, source: str, indicator: str, count: int | None) -> tuple[str, ...]:
    if not indicator or count is None:
        return ()
    return tuple(
        o.id
        for o in cat.observations
        if o.source == source
        and o.indicator == indicator
        and not o.breakdown
        and o.low == o.high == float(count)
    )


def load_plans(cat: Catalog | None = None, path: str | Path | None = None) -> tuple[Plan, ...]:
    """Read and validate the plans file (default: the shipped ``data/plans.toml``)."""
    from regiondev._catalog import load_catalog

    cat = cat if cat is not None else load_catalog()
    p = Path(path) if path is not None else _plans_path()
    file = str(p)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise CatalogError(file, "", "", f"cannot read plans: {exc}") from exc

    tiers: dict[str, list[PlanTier]] = {}
    for rec in data.get("tier", []):
        rid = f"{rec.get('plan', '?')}/tier{rec.get('position', '?')}"
        _require(rec, ("plan", "position", "label", "level", "source", "quote"), file, rid)
        _check_quote(cat, file, rid, rec["source"], rec["quote"], "quote")
        count = rec.get("count")
        if count is not None and (not isinstance(count, int) or count < 0):
            raise CatalogError(file, rid, "count", f"expected a count, got {count!r}")
        tiers.setdefault(rec["plan"], []).append(
            PlanTier(
                plan=rec["plan"],
                position=int(rec["position"]),
                label=str(rec["label"]),
                count=count,
                level=_enum(Level, rec["level"], file, rid, "level"),
                level_stated=bool(rec.get("level_stated", False)),
                source=rec["source"],
                quote=normalise_fragment(rec["quote"]),
                note=rec.get("note", ""),
            )
        )

    plan_recs = {rec.get("id", "?"): rec for rec in data.get("plan", [])}
    members: dict[str, list[PlanMember]] = {}
    seen: set[str] = set()
    for rec in data.get("member", []):
        rid = str(rec.get("id", "?"))
        _require(rec, ("id", "plan", "tier", "name_zh", "name_en", "standing"), file, rid)
        _require(rec, ("source", "quote"), file, rid)
        if rid in seen:
            raise CatalogError(file, rid, "id", "duplicate member id")
        seen.add(rid)
        if rec["plan"] not in plan_recs:
            raise CatalogError(file, rid, "plan", f"unknown plan {rec['plan']!r}")
        tier = next((t for t in tiers.get(rec["plan"], []) if t.position == rec["tier"]), None)
        if tier is None:
            raise CatalogError(file, rid, "tier", f"plan {rec['plan']!r} has no tier {rec['tier']}")
        _check_quote(cat, file, rid, rec["source"], rec["quote"], "quote")
        if normalise_fragment(rec["name_zh"]) not in normalise_fragment(rec["quote"]):
            raise CatalogError(file, rid, "name_zh", f"{rec['name_zh']!r} is not in the quote")
        level_quote = rec.get("level_quote", "")
        if level_quote:
            _check_quote(cat, file, rid, rec["source"], level_quote, "level_quote")
        if "level" in rec:
            level = _enum(Level, rec["level"], file, rid, "level")
            stated = bool(level_quote) or (level is tier.level and tier.level_stated)
        else:
            level, stated = tier.level, tier.level_stated
        region = rec.get("region", plan_recs[rec["plan"]].get("region", ""))
        members.setdefault(rec["plan"], []).append(
            PlanMember(
                id=rid,
                plan=rec["plan"],
                tier=int(rec["tier"]),
                region=_enum(Region, region, file, rid, "region"),
                name_zh=normalise_fragment(rec["name_zh"]),
                name_en=rec["name_en"],
                level=level,
                level_stated=stated,
                standing=_enum(Standing, rec["standing"], file, rid, "standing"),
                source=rec["source"],
                quote=normalise_fragment(rec["quote"]),
                group=bool(rec.get("group", False)),
                level_quote=normalise_fragment(level_quote),
                note=rec.get("note", ""),
            )
        )

    out = []
    for pid, rec in plan_recs.items():
        keys = ("id", "region", "structure", "kind", "name_en", "source", "quote", "horizon")
        _require(rec, keys, file, pid)
        _check_quote(cat, file, pid, rec["source"], rec["quote"], "quote")
        plan_tiers = tuple(sorted(tiers.get(pid, []), key=lambda t: t.position))
        if not plan_tiers:
            raise CatalogError(file, pid, "tier", "a plan needs at least one tier")
        plan_members = tuple(members.get(pid, []))
        for t in plan_tiers:
            named = sum(1 for m in plan_members if m.tier == t.position)
            if t.count is not None and named > t.count:
                raise CatalogError(
                    file, t.id, "count", f"{named} members named but the tier holds {t.count}"
                )
        count = rec.get("count")
        out.append(
            Plan(
                id=pid,
                region=_enum(Region, rec["region"], file, pid, "region"),
                structure=str(rec["structure"]),
                kind=_enum(PlanKind, rec["kind"], file, pid, "kind"),
                name_en=rec["name_en"],
                source=rec["source"],
                quote=normalise_fragment(rec["quote"]),
                horizon=str(rec["horizon"]),
                tiers=plan_tiers,
                members=plan_members,
                count=count,
                count_indicator=rec.get("count_indicator", ""),
                observation_ids=_count_ids(
                    cat, rec["source"], rec.get("count_indicator", ""), count
                ),
                note=rec.get("note", ""),
            )
        )
    unknown = set(tiers) - set(plan_recs)
    if unknown:
        raise CatalogError(file, ", ".join(sorted(unknown)), "plan", "tier of an unknown plan")
    return tuple(out)


def plan(plan_id: str, cat: Catalog | None = None) -> Plan:
    """One shipped plan by id, e.g. ``plan("changsha-1+2+n")``."""
    for p in load_plans(cat):
        if p.id == plan_id:
            return p
    raise KeyError(f"no plan {plan_id!r}")


def plans_frame(plans: tuple[Plan, ...] | None = None) -> pl.DataFrame:
    """One row per named member (a tier with no named member gets one row with no name)."""
    import polars as pl

    rows: list[dict[str, Any]] = []
    for p in plans if plans is not None else load_plans():
        for t in p.tiers:
            tier_members = p.members_in(t.position) or (None,)
            for m in tier_members:
                rows.append(
                    {
                        "plan": p.id,
                        "region": (m.region if m else p.region).value,
                        "structure": p.structure,
                        "tier": t.position,
                        "tier_label": t.label,
                        "tier_count": t.count,
                        "member": m.name_zh if m else "",
                        "member_en": m.name_en if m else "",
                        "group": m.group if m else False,
                        "level": (m.level if m else t.level).value,
                        "level_stated": m.level_stated if m else t.level_stated,
                        "standing": m.standing.value if m else "",
                        "source": m.source if m else t.source,
                        "quote": m.quote if m else t.quote,
                        "level_quote": m.level_quote if m else "",
                        "note": (m.note if m else "") or t.note,
                        "plan_element_ids": [m.id if m else t.id],
                        "observation_ids": list(p.observation_ids),
                    }
                )
    return pl.DataFrame(rows)


def tiers_frame(plans: tuple[Plan, ...] | None = None) -> pl.DataFrame:
    """One row per tier: label, count (null for N), level, members named in the texts."""
    import polars as pl

    rows: list[dict[str, Any]] = []
    for p in plans if plans is not None else load_plans():
        for t in p.tiers:
            named = p.members_in(t.position)
            rows.append(
                {
                    "plan": p.id,
                    "region": p.region.value,
                    "structure": p.structure,
                    "tier": t.position,
                    "tier_label": t.label,
                    "tier_count": t.count,
                    "level": t.level.value,
                    "level_stated": t.level_stated,
                    "members_named": len(named),
                    "members": [m.name_zh for m in named],
                    "source": t.source,
                    "quote": t.quote,
                    "note": t.note,
                    "plan_element_ids": [t.id, *(m.id for m in named)],
                    "observation_ids": list(p.observation_ids),
                }
            )
    return pl.DataFrame(rows)


def compare_plans(plans: tuple[Plan, ...] | None = None) -> pl.DataFrame:
    """One row per plan: structure, declared size, members the texts name, levels covered."""
    import polars as pl

    rows: list[dict[str, Any]] = []
    for p in plans if plans is not None else load_plans():
        total = p.declared_total
        levels = [t.level.value for t in p.tiers]
        rows.append(
            {
                "plan": p.id,
                "region": p.region.value,
                "kind": p.kind.value,
                "structure": p.structure,
                "horizon": p.horizon,
                "tiers": len(p.tiers),
                "declared_total": total,
                "open_tier": total is None,
                "members_named": len(p.members),
                "members_unnamed": None if total is None else total - len(p.members),
                "groups_named": sum(1 for m in p.members if m.group),
                "levels": levels,
                "levels_stated": all(t.level_stated for t in p.tiers),
                "source": p.source,
                "quote": p.quote,
                "note": p.note,
                "plan_element_ids": [p.id, *(t.id for t in p.tiers)],
                "observation_ids": list(p.observation_ids),
            }
        )
    return pl.DataFrame(rows)
