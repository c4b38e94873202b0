"""Place resolver: which region a figure is of, and the place name that decided it.

Places come from the gazetteer (``data/places.toml``). A sentence's places are the names it
writes as subjects — not a field of comparison (居全国第4位, 占全省比重, 高于全国) — each with
its end offset; a figure takes the nearest one before it. 全市 / 全省 / 全区 are the city,
province or region the paragraph or the text is about; places listed together (长沙、株洲)
are several places' figure, split by 分别 in order.
"""

from __future__ import annotations

import re
from functools import cache

from regiondev._extract.gazetteer import gazetteer
from regiondev._extract.lexicon import words_pattern
from regiondev._extract.place_cues import place_cues
from regiondev._extract.rulefile import alternation
from regiondev.numbers import Token, TokenKind
from regiondev.wordtrie import trie_branches, trie_pattern

__all__ = [
    "PlaceCue",
    "county_of_zone",
    "detect_region",
    "detect_subject",
    "is_comparison_field",
    "is_county_city",
    "listed_parks",
    "place_mentions",
    "place_re",
    "region_code",
    "resolve_name",
    "respective",
    "respective_order",
    "sentence_places",
    "subject_of",
    "supplier_after",
    "zone_names",
]

#: (end offset in the sentence, region code, the name written)
PlaceCue = tuple[int, str, str]
#: Words for the whole of the city, province or region the text is about.
WHOLES = ("全市", "全省", "全区", "全县")

# The cue words around a place (data/place_cues.toml); the rules that combine them are here.
_PC = place_cues()


# After a place: the field of a comparison (全国第4位, 全国前列).
_COMPARISON = re.compile(
    f"(?:{words_pattern(_PC.comparison_lead)})?(?:{alternation(_PC.comparison_after)})"
)
# After the nation or a whole (全国排名第六, 全省位居前列): the field a figure is ranked in
# (but 株洲位列第31位: a city before 位列 is the place ranked)
_RANKED_IN = re.compile(f"(?:{words_pattern(_PC.ranked_in)})(?:{words_pattern(_PC.rank_words)})")
# After the nation: the ranking a local figure is placed in (全国县域经济百强县中排名第19位)
_RANKING_AFTER = re.compile(alternation(_PC.ranking_after))
# After a place: part of a name or an attribute, not the place (全国总部, 株洲日报, 省会)
_NAME_AFTER = alternation(_PC.name_after)
_NATIONAL_HINT = re.compile(alternation(_PC.national_hints))
# Before a place: 占全国 (a share's denominator), 居全国, 比全省, 较全国, 高于全国.
_FIELD_BEFORE = frozenset(_PC.field_before)
# Places listed together (长沙、株洲、湘潭 / 长沙和株洲), perhaps with 市 after each.
_PLACE_JOIN = re.compile(_PC.list_join)
# After a list of places: examples (长沙、株洲等地, 长沙、湘潭等9个市州)
_EXAMPLES = re.compile(_PC.list_examples)
_YARDSTICK_BEFORE = re.compile(f"(?:{alternation(_PC.yardstick_before)})$")
_PLACE_SUFFIX = re.compile(f"(?:{words_pattern(_PC.name_suffixes)})$")


@cache
def place_re() -> re.Pattern[str]:
    """Every place name and 全市/全省/全区, longest first; a place named in a street
    (黄河北路, 湖南路) or in a name (全国总部, 全国人大代表) is no place of the text."""
    gaz = gazetteer()
    # the zones of the zone rule as host + word (one branch per first character of a host,
    # not 400 names), then the other names; all as trie branches (``wordtrie``: the same
    # matches, longest name preferred), each opening with its own character, so the engine
    # skips to the places where a name can start
    # (a host's stem: its name, or a district's without its 区, 雨花区 → 雨花经开区)
    hosts = sorted(
        {
            zone[: -len(word)]
            for zone, host in gaz.host_of.items()
            for word in gaz.zone_suffixes
            if zone.endswith(word) and zone[: -len(word)] in (host, host[:-1])
        },
        key=len,
        reverse=True,
    )
    names = sorted(
        [n for n in gaz.names() if n not in gaz.host_of] + list(WHOLES), key=len, reverse=True
    )
    zone_word = "(?:" + "|".join(gaz.zone_suffixes) + ")"
    branches = [b + zone_word for b in trie_branches(hosts)] + trie_branches(names)
    return re.compile("(?:" + "|".join(branches) + f")(?!{_NAME_AFTER})")


# After a share: …由株洲企业提供 (the place that supplies the part of a whole the share is of)
_SUPPLIED_BY = re.compile(r"[^，,。；;由]{0,12}?由$")


def supplier_after(text: str, pos: int) -> str:
    """全国在役城轨车辆中，近四成的牵引系统由株洲企业提供: the place named after 由 in the
    share's clause (株洲), whose share of the whole it is; else ""."""
    at = text.find("由", pos, pos + 14)
    if at == -1 or not _SUPPLIED_BY.fullmatch(text, pos, at + 1):
        return ""
    m = place_re().match(text, at + 1)
    return m.group(0) if m and m.group(0) not in WHOLES else ""


@cache
def _park_list_re() -> re.Pattern[str]:
    """Two or more names ending in a park word, joined by 、/和/及, starting a clause."""
    gaz = gazetteer()
    word = "|".join(re.escape(w) for w in sorted(gaz.park_suffixes, key=len, reverse=True))
    name = rf"[^\s\d，,。；;：:、“”\"‘’（）()和及与的在是有]{{1,12}}(?:{word})"
    return re.compile(
        rf"(?:^|(?<=[，,：:；;”\"]))({name}(?:[、和及与]{name})+)(?=[^，,。；;]{{0,12}}分别)"
    )


_LIST_JOIN = re.compile(r"[、和及与]")


def listed_parks(text: str) -> list[tuple[int, tuple[str, ...]]]:
    """Parks or zones listed before 分别 (网岭循环经济园、高新技术产业园、新材料产业园分别…),
    names the gazetteer need not know: (end offset, names) in order."""
    if "分别" not in text:
        return []
    out = []
    for m in _park_list_re().finditer(text):
        names = _LIST_JOIN.split(_LIST_OPEN.sub("", m.group(1)))
        out.append((m.end(1), tuple(names)))
    return out


# Words that open a list, not a name (其中株洲高新区、…)
_LIST_OPEN = re.compile(f"^(?:{words_pattern(_PC.list_opens)})")


def respective_order(text: str, starts: list[int]) -> dict[int, tuple[int, int]]:
    """For the figures (their start offsets, in order) after a 分别: start → (its index, how
    many figures the 分别 lists). The list ends at the first clause mark after its first
    figure (分别新签约项目12个、9个和7个，总投资…: three)."""
    out: dict[int, tuple[int, int]] = {}
    ats = [m.start() for m in _FENBIE.finditer(text)]
    for k, at in enumerate(ats):
        nxt = ats[k + 1] if k + 1 < len(ats) else len(text)
        group: list[int] = []
        for st in starts:
            if st < at or st >= nxt:
                continue
            if group and _CLAUSE_MARK.search(text, group[-1], st):
                break
            group.append(st)
        for i, st in enumerate(group):
            out[st] = (i, len(group))
    return out


_FENBIE = re.compile("分别")
# What settles in a place (项目落户…, 企业入驻…)
_PROJECT_WORDS = _PC.project_words
_CLAUSE_MARK = re.compile(r"[，,；;。]")


@cache
def _settle_re() -> re.Pattern[str]:
    words = sorted(gazetteer().settle_words, key=len, reverse=True)
    return re.compile("(?:" + "|".join(re.escape(w) for w in words) + ")(?:在|于|到)?$")


@cache
def _hunan() -> frozenset[str]:
    return gazetteer().within("hunan")


def _code(name: str) -> str:
    return gazetteer().code_of.get(name, name)


def subject_of(name: str) -> str:
    """The part of a city a name is (醴陵, 长沙高新区), else ""."""
    part = gazetteer().parts.get(name)
    return part[1] if part else ""


def region_code(name: str) -> str | None:
    """The code of a region given by a user: a model code (hunan…), or a place in Chinese,
    with or without 省/市 (湖南省 → hunan, 湘潭市 → 湘潭); None if regiondev does not know it."""
    name = name.strip()
    gaz = gazetteer()
    if name.lower() in gaz.model_codes:
        return name.lower()
    for candidate in (name, _PLACE_SUFFIX.sub("", name)):
        if candidate in gaz.code_of:
            return gaz.code_of[candidate]
    return None


@cache
def _partner_rule() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """对香港进出口 / 长沙海关 (data/places.toml [partner_rule], [agency_rule]): the characters
    before a trade partner, the words after it, and the words after an agency's place."""
    gaz = gazetteer()
    return frozenset(gaz.partner_before), gaz.partner_words, gaz.agency_words


def is_comparison_field(text: str, m: re.Match[str]) -> bool:
    """A place named as the field a figure is compared in, not as the subject."""
    start, end = m.span()
    if _COMPARISON.match(text, end):
        return True
    before, trade, agency = _partner_rule()
    char_before = text[start - 1] if start > 0 else ""
    if (char_before and char_before in before and text.startswith(trade, end)) or text.startswith(
        agency, end
    ):
        # 据长沙海关统计 (an agency) / 湖南对香港进出口 (a trade partner): no subject
        return True
    name = m.group(0)
    national = name in gazetteer().national_names
    if (national or name in WHOLES) and _RANKED_IN.match(text, end):
        return True
    if national and _RANKING_AFTER.match(text, end):
        return True
    # 占全国比重 / 居全国 / 比全国: the nation as the yardstick (占全市总量 stays the city's)
    if national and char_before and char_before in _FIELD_BEFORE:
        return True
    # 湘潭…占全省比重, 增速高于全省: a place after a word of comparison is the yardstick
    # (but 占全市总量 is the city's own total, as it always was)
    return (
        name not in ("全市", "全区", "全县")
        and _YARDSTICK_BEFORE.search(text, max(0, start - 3), start) is not None
    )


@cache
def _settle_words() -> re.Pattern[str]:
    """Any word of a project settling in a place (落户, 入驻…): one search per sentence."""
    return re.compile(trie_pattern(gazetteer().settle_words))


#: The places a whole text names, in order, each with whether it is named as a field of
#: comparison (``place_mentions``): what ``detect_region`` and ``detect_subject`` count.
Mentions = tuple[tuple[str, bool], ...]


def place_mentions(raw: str) -> Mentions:
    """Every place a whole text names and whether it is a field of comparison; read once by
    the extractor and passed to both detectors."""
    return tuple((m.group(0), is_comparison_field(raw, m)) for m in place_re().finditer(raw))


def detect_region(raw: str, mentions: Mentions | None = None) -> str:
    """The region a text is mostly about: the most named place (national words count half).

    A place named as a field of comparison (居全国第4位, 占全省比重) does not count.
    """
    counts: dict[str, float] = {}
    province = 0  # 全省: the province, Hunan when the places named are Hunan's
    for name, field in place_mentions(raw) if mentions is None else mentions:
        if field:
            continue
        if name in WHOLES:
            province += name == "全省"
            continue
        code = _code(name)
        counts[code] = counts.get(code, 0.0) + 1.0
    if province and any(code in _hunan() for code in counts):
        counts["hunan"] = counts.get("hunan", 0.0) + province
    national = sum(1 for _ in _NATIONAL_HINT.finditer(raw))
    counts["china"] = counts.get("china", 0.0) + 0.5 * national
    best = max(counts.items(), key=lambda kv: kv[1])
    return best[0] if best[1] > 0 else ""


def detect_subject(raw: str, region: str, mentions: Mentions | None = None) -> str:
    """The part of the text's region the text is mostly about (长沙经开区, 浏阳): named more
    often than the region itself and than any other of its parts; else ""."""
    gaz = gazetteer()
    counts: dict[str, int] = {}
    zones: dict[str, int] = {}  # zones of the zone rule, by name
    county_words: dict[str, int] = {}  # 全县 of a county named (the county's own name)
    for name, field in place_mentions(raw) if mentions is None else mentions:
        if name == "全县" and not field:
            county_words["全县"] = county_words.get("全县", 0) + 1
            continue
        if name in WHOLES or gaz.code_of.get(name) != region or field:
            continue
        # "" for the region itself; a zone of the zone rule (醴陵经开区) counts for its host,
        # as its name always did: a text about 醴陵 naming its zone stays about 醴陵 (and so
        # does a listed zone named after its county: 宁乡经开区 for 宁乡)
        host = gaz.host_of.get(name, "") or _county_of_zone().get(name, "")
        key = subject_of(host) if host else subject_of(name)
        counts[key] = counts.get(key, 0) + 1
        if host:
            zones[name] = zones.get(name, 0) + 1
    parts = sorted(((n, k) for k, n in counts.items() if k), reverse=True)
    if not parts or (len(parts) > 1 and parts[1][0] == parts[0][0]):
        return ""
    best = parts[0][1] if parts[0][0] > counts.get("", 0) else ""
    county = gaz.by_code.get(best)
    if county_words and county is not None and county.level == "county":
        # 全县 names the county (茶陵经开区…全县…: the text is about the county, not its zone)
        counts[best] += county_words["全县"]
    # a text about a zone whose host it never names alone (攸县高新区…园区…): the zone, so
    # its later paragraphs (园区…) stay the zone's, not the county's
    own = sorted(
        (
            (n, z)
            for z, n in zones.items()
            if subject_of(gaz.host_of.get(z) or _county_of_zone()[z]) == best
        ),
        reverse=True,
    )
    if own and sum(n for n, _ in own) == counts[best] and (len(own) == 1 or own[1][0] < own[0][0]):
        return own[0][1]
    return best


@cache
def _county_of_zone() -> dict[str, str]:
    """Listed zones named after a county or county-level city of their city (宁乡经开区 →
    宁乡): the county's, when a text counts what it is about."""
    gaz = gazetteer()
    counties = [
        (p.parent, n) for p in gaz.places if p.level in ("county", "county_city") for n in p.names
    ]
    return {
        z: n
        for p in gaz.places
        if p.level == "zone"
        for z in p.names
        for parent, n in counties
        if parent == p.parent and z.startswith(n) and z != n
    }


def county_of_zone(name: str) -> str:
    """The county or county-level city a zone is named after (宁乡经开区 → 宁乡), else ""."""
    return (
        gaz_host
        if (gaz_host := gazetteer().host_of.get(name, ""))
        else (_county_of_zone().get(name, ""))
    )


@cache
def zone_names() -> frozenset[str]:
    """The names of the zones of a city (长沙经开区, 醴陵经开区): what a bare 园区 later in a
    text means."""
    return frozenset(n for p in gazetteer().places if p.level == "zone" for n in p.names)


def is_county_city(name: str) -> bool:
    """A county-level city (醴陵, 浏阳): its 全市 is its own."""
    return name in gazetteer().county_cities


def resolve_name(name: str, text_region: str, para_region: str = "") -> str:
    """The region code of a place name; 全市 is the paragraph's or the text's city, 全省
    Hunan in a Hunan text, 全区 / 全县 the text's region."""
    if name == "全市":
        # the city the paragraph is about (株洲市…。前三季度全市…), else the text's
        for region in (para_region, text_region):
            if region in gazetteer().cities:
                return region
        return ""
    if name == "全省":
        return "hunan" if text_region in _hunan() else ""
    if name in ("全区", "全县"):
        return text_region
    return _code(name)


def sentence_places(
    text: str, text_region: str, para_region: str, para_region_cue: str
) -> list[PlaceCue]:
    """The places a sentence names as subjects, in order; a figure takes the nearest one
    before it (株洲…在全国168个重点城市中: 168 is national)."""
    places: list[PlaceCue] = []
    county_cities = gazetteer().county_cities
    settle = _settle_words().search(text) is not None
    for m in place_re().finditer(text):
        if is_comparison_field(text, m):
            continue
        name = m.group(0)
        if (
            name == "全市"
            and (
                (places and (places[-1][2] in ("全区", "全县") or subject_of(places[-1][2])))
                or (
                    not places
                    and (para_region_cue in ("全区", "全县") or subject_of(para_region_cue))
                )
            )
            and _YARDSTICK_BEFORE.search(text, max(0, m.start() - 3), m.start())
        ):
            # 全区…总数超过2600家，约占全市的四成: the city is the yardstick of its part (also
            # when the part is the paragraph's: 全区…。…增长8.7%，高于全市0.9个百分点)
            continue
        if places and _PLACE_JOIN.fullmatch(text, places[-1][0], m.start()):
            # 长沙、株洲、湘潭三市…合计: a figure of several places together, no one's own
            joined = f"{places[-1][2]}、{name}"
            places[-1] = (m.end(), joined, joined)
            if _EXAMPLES.match(text, m.end()):
                # 长沙、株洲、湘潭等9个市州: examples of a set, not the figure's places
                places.pop()
        elif name == "全市" and para_region_cue in county_cities:
            # 醴陵市…。全市…: the county-level city the paragraph is about
            places.append((m.end(), para_region, para_region_cue))
        elif settle and _settle_re().search(text, max(0, m.start() - 6), m.start()):
            # 总投资120亿元的…项目落户株洲高新区: the place of the project named before it in
            # its clause, so the clause's figures are the place's
            # (某…项目总投资50亿元，已于5月落户…: the clause of the project it names)
            named = max(text.rfind(w, 0, m.start()) for w in _PROJECT_WORDS)
            end = named if named != -1 else m.start()
            at = max(text.rfind("，", 0, end), text.rfind(",", 0, end)) + 1
            places.append((at, resolve_name(name, text_region, para_region), name))
            places.sort(key=_first_of)
        else:
            places.append((m.end(), resolve_name(name, text_region, para_region), name))
    return places


def _first_of(cue: PlaceCue) -> int:
    return cue[0]


def respective(
    stext: str, toks: list[Token], tstart: int, places: str, text_region: str
) -> tuple[str, str, str] | None:
    """长沙、株洲…分别增长8%和9%: the figure's own place (region, cue, name), by its order
    after 分别."""
    names = places.split("、")
    at = stext.rfind("分别", 0, tstart)
    if at == -1:
        return None
    i = sum(1 for t in toks if at <= t.start < tstart and t.kind is TokenKind.FIGURE)
    if i >= len(names):
        return None
    cue = f"{names[i]} (分别: the {i + 1}. of {places})"
    return resolve_name(names[i], text_region), cue, names[i]
