"""The places the extractor knows, read from ``data/places.toml`` (one record per place).

Every region cue derives from here: the code of a name, the regex of place names, the places
of a province, the cities (whose 全市 a text can mean), the county-level cities and the parts
of a city (a county, district or zone: a figure of one is its city's, with the part as the
claim's subject).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from regiondev.errors import RegiondevError

__all__ = ["LEVELS", "Gazetteer", "Place", "gazetteer"]

#: The levels a place may have, from the largest.
LEVELS = ("nation", "province", "area", "city", "county_city", "county", "district", "zone")
#: Levels of the parts of a city: a figure of one is the city's, with the part as subject.
PART_LEVELS = frozenset({"county_city", "county", "district", "zone"})
_PATH = Path(__file__).resolve().parent.parent / "data" / "places.toml"


class GazetteerError(RegiondevError):
    """A record of the places file is malformed."""


@dataclass(frozen=True, slots=True)
class Place:
    """One place: its code, the names texts write, its level and the place it lies in."""

    code: str
    names: tuple[str, ...]
    level: str
    parent: str = ""
    model: bool = False
    #: a model region's English name and the other names users type for it
    name_en: str = ""
    aliases: tuple[str, ...] = ()
    #: a zone of the ``[zone_rule]``: the county or district whose name it starts with
    host: str = ""


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """The places and the look-up tables derived from them."""

    places: tuple[Place, ...]
    #: name → code, for every name of every place
    code_of: dict[str, str]
    #: code → place
    by_code: dict[str, Place]
    #: names of a part of a city → (the city's code, the part's name)
    parts: dict[str, tuple[str, str]]
    #: the codes of regiondev's model regions
    model_codes: frozenset[str]
    #: names of the nation (全国, 我国…)
    national_names: frozenset[str]
    #: names of county-level cities (their 全市 is their own)
    county_cities: frozenset[str]
    #: codes of the cities (a 全市 can mean one)
    cities: frozenset[str]
    #: names of the zones of the ``[zone_rule]`` → the name of the place they start with
    host_of: dict[str, str]
    #: the words of the ``[zone_rule]`` (经开区, 工业园…)
    zone_suffixes: tuple[str, ...] = ()
    #: the words of the ``[park_rule]``: a listed name ending in one is a park or zone
    park_suffixes: tuple[str, ...] = ()
    #: the words of the ``[settle_rule]`` (落户…): the place after one is its project's
    settle_words: tuple[str, ...] = ()
    #: ``[partner_rule]``: a place after one of ``partner_before`` and before one of
    #: ``partner_words`` is a trade partner (对香港进出口), no subject
    partner_before: tuple[str, ...] = ()
    partner_words: tuple[str, ...] = ()
    #: ``[agency_rule]``: a place before one of these names an agency (长沙海关), no subject
    agency_words: tuple[str, ...] = ()

    def within(self, province: str) -> frozenset[str]:
        """The province's code and the codes of its cities (not its areas nor their parts)."""
        return frozenset(
            {province} | {p.code for p in self.places if p.parent == province and p.level == "city"}
        )

    def names(self) -> list[str]:
        """Every name, in file order."""
        return [n for p in self.places for n in p.names]


def _field(rec: dict[str, object], key: str, kind: type, i: int, default: object = None) -> object:
    value = rec.get(key, default)
    if not isinstance(value, kind):
        raise GazetteerError(f"{_PATH}: place {i + 1}: field {key!r} must be a {kind.__name__}")
    return value


def _list_of_str(rec: dict[str, object], key: str, i: int, path: Path) -> list[str]:
    value = rec.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise GazetteerError(f"{path}: place {i + 1}: field {key!r} must be a list of names")
    return [str(v) for v in value]


def load(path: Path = _PATH) -> Gazetteer:
    """Read and check the places file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise GazetteerError(f"{path}: cannot read the places file: {exc}") from exc
    places: list[Place] = []
    for i, rec in enumerate(data.get("place", [])):
        names = _field(rec, "names", list, i)
        assert isinstance(names, list)
        if not names or not all(isinstance(n, str) and n for n in names):
            raise GazetteerError(f"{path}: place {i + 1}: field 'names' must be non-empty names")
        level = str(_field(rec, "level", str, i))
        if level not in LEVELS:
            raise GazetteerError(f"{path}: place {i + 1}: field 'level' is not one of {LEVELS}")
        places.append(
            Place(
                code=str(_field(rec, "code", str, i)),
                names=tuple(names),
                level=level,
                parent=str(_field(rec, "parent", str, i, "")),
                model=bool(_field(rec, "model", bool, i, False)),
                name_en=str(_field(rec, "name_en", str, i, "")),
                aliases=tuple(str(a) for a in _list_of_str(rec, "aliases", i, path)),
            )
        )
    by_code = {p.code: p for p in places}
    places.extend(_rule_zones(data, places, by_code, path))
    by_code = {p.code: p for p in places}
    for p in places:
        if p.parent and p.parent not in by_code:
            raise GazetteerError(f"{path}: place {p.code}: parent {p.parent!r} is no place")
    return Gazetteer(
        places=tuple(places),
        code_of={
            n: (p.parent if p.level in PART_LEVELS else p.code) for p in places for n in p.names
        },
        by_code=by_code,
        parts={n: (p.parent, n) for p in places if p.level in PART_LEVELS for n in p.names},
        model_codes=frozenset(p.code for p in places if p.model),
        national_names=frozenset(n for p in places if p.level == "nation" for n in p.names),
        county_cities=frozenset(n for p in places if p.level == "county_city" for n in p.names),
        cities=frozenset(p.code for p in places if p.level == "city"),
        host_of={p.names[0]: p.host for p in places if p.host},
        zone_suffixes=_suffixes(data, path),
        park_suffixes=_suffixes(data, path, "park_rule"),
        settle_words=_suffixes(data, path, "settle_rule", "words"),
        partner_before=_suffixes(data, path, "partner_rule", "before"),
        partner_words=_suffixes(data, path, "partner_rule", "words"),
        agency_words=_suffixes(data, path, "agency_rule", "words"),
    )


def _suffixes(
    data: dict[str, object], path: Path, table: str = "zone_rule", key: str = "suffixes"
) -> tuple[str, ...]:
    """The words of a rule table (``[zone_rule]``, ``[park_rule]``…), checked."""
    rule = data.get(table, {})
    suffixes = rule.get(key, []) if isinstance(rule, dict) else None
    if not isinstance(suffixes, list) or not all(isinstance(s, str) and s for s in suffixes):
        raise GazetteerError(f"{path}: [{table}]: field {key!r} must be a list of words")
    return tuple(suffixes)


def _rule_zones(
    data: dict[str, object], places: list[Place], by_code: dict[str, Place], path: Path
) -> list[Place]:
    """The zones of the ``[zone_rule]``: a city's, county's or district's name + a zone word
    (醴陵经开区, 攸县工业园; a district's without its 区: 雨花经开区) is a zone of the city,
    unless a record names it already."""
    suffixes = _suffixes(data, path)
    known = {n for p in places for n in p.names}
    out: list[Place] = []
    for p in places:
        if p.level == "city" and p.parent in by_code:
            city = p.code
        elif p.level in ("county_city", "county", "district") and p.parent in by_code:
            city = p.parent
        else:
            continue
        for name in p.names:
            # a district's zones drop its 区 (雨花区 → 雨花经开区); 雨花 alone is no place
            stems = [name]
            if p.level == "district" and name.endswith("区") and len(name) >= 3:
                stems.append(name[:-1])
            for stem in stems:
                for suffix in suffixes:
                    zone = stem + suffix
                    if zone not in known:
                        known.add(zone)
                        out.append(
                            Place(code=zone, names=(zone,), level="zone", parent=city, host=name)
                        )
    return out


@cache
def gazetteer() -> Gazetteer:
    """The shipped places (read once)."""
    return load()
