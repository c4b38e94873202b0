"""Write extracted claims as draft catalog records, in the catalog's own TOML format.

Each document becomes a ``[[source]]`` (id, title, outlet, published, file, sha256) and each
claim that is not set aside an ``[[observation]]`` with ``review = "draft"``: quote, figure,
value, unit and bound come from the number reader so they validate; status, period, region,
basis and indicator are the extractor's guesses, with its cues in ``note``. A figure whose
indicator is not guessed gets a placeholder indicator of its own (``draft_<source>_<n>``,
``name_en = "unreviewed: <cues>"``), so no analysis compares two such figures before a person
assigns real codes. Set-aside numbers
become ``[[waiver]]`` entries with their reason. The loader refuses drafts until a person sets
``review = "confirmed"`` on each record.

The source entry's ``outlet`` is the one its byline near the top prints (来源：湖南日报,
稿源/作者 lines; without the date or view count after it). When no byline names one it holds
a ``(fill in)`` marker, as ``published`` and ``date_evidence`` do when no date was found; the
loader refuses the markers until a person replaces them, as it refuses a confirmed record
that still uses a ``draft_*`` placeholder indicator. When no record
would be written (no figure and no set-aside number), nothing is written at all and the
summary says so (``written`` is False).

Documents that are not plain UTF-8 text files (HTML, GB18030, Big5, JSONL) are written as UTF-8
text next to the drafts (``<name>.texts/<id>.txt``), because the catalog reads sources as UTF-8
text; the original file and encoding are recorded in the source entry. Nothing is written over
an existing file without ``force``; every file is written atomically (temporary file, then
``os.replace``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from regiondev._catalog import FILL_IN
from regiondev._extract.claims import Claim, DocClaims, region_code
from regiondev._extract.draft_cues import draft_cues
from regiondev._extract.indicator_cues import indicator_cues
from regiondev._extract.reading import Document, ExtractInputError
from regiondev._extract.rulefile import alternation
from regiondev._output import (
    atomic_write,
    check_output_file,
    owned_files,
    write_manifest,
)
from regiondev.errors import OutputError
from regiondev.model import Region
from regiondev.numbers import MONEY_UNITS
from regiondev.text import CleanText, clean, normalise_fragment, to_simplified

__all__ = ["DraftSummary", "check_writable", "write_drafts"]

#: The measure of a placeholder indicator when the words before the figure name none.
_MEASURE = {
    ("level", "cny_100m"): "gross_output",
    # a sum in US dollars (trade, foreign capital): never per capita unless 人均 is named
    ("level", "usd"): "gross_output",
    ("growth", "percent"): "growth_rate",
    ("share", "percent"): "share",
    ("rank", "rank"): "rank",
    ("other", "days"): "duration",
    ("other", "years"): "duration",
    ("other", "km2"): "area",
    ("level", "mu"): "area",
    ("level", "kwh"): "quantity",
    ("level", "kw"): "quantity",
    ("level", "tonnes"): "quantity",
}
_KIND_MEASURE = {"count": "count", "growth": "growth_rate", "share": "share", "rank": "rank"}
#: Words naming what a sum of money measures (model.Measure values). The one nearest before
#: the figure in its clause wins; 人均 in that clause makes it per capita. 产值, 营业收入, 销售,
#: 进出口 … have no measure of their own: gross_output is the nearest fit.
#: (data/indicator_cues.toml [measure])
_MEASURE_WORDS = re.compile(
    "|".join(f"(?P<{name}>{alternation(words)})" for name, words in indicator_cues().measure),
    re.IGNORECASE,
)
_PER_CAPITA = re.compile(
    alternation(dict(indicator_cues().measure).get("per_capita", ("(?!)",))), re.IGNORECASE
)
_CLAUSE_ENDS = "，,。；;！？!?\n"
_REGIONS = {r.value for r in Region}
_CITY_REGIONS = {Region.CHANGSHA.value, Region.ZHUZHOU.value}


@dataclass(frozen=True, slots=True)
class DraftSummary:
    """What was written: files, and how many records of each kind (and claims left out)."""

    path: Path
    texts: tuple[Path, ...]
    sources: int
    observations: int
    waivers: int
    skipped: tuple[str, ...]
    #: Text copies beside the drafts that the new drafts do not use (left from an earlier
    #: run); listed, never deleted: the folder may hold the user's files too.
    unused_texts: tuple[Path, ...] = ()

    @property
    def written(self) -> bool:
        """False when there was no record to draft: then no file was written (nor replaced)."""
        return bool(self.observations or self.waivers)


#: The first line of every drafts file: how regiondev tells a drafts file it wrote (which
#: ``--force`` may replace) from a file of the user's (which it never replaces).
DRAFTS_HEADER = "# Draft catalog records written by `regiondev extract`"
#: The manifest of a drafts' text-copy folder: the copies regiondev wrote there.
TEXTS_MANIFEST = ".regiondev-texts"


def _is_drafts_file(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(len(DRAFTS_HEADER.encode())).decode("utf-8", "replace") == DRAFTS_HEADER
    except OSError:
        return False


def check_writable(out: Path, *, force: bool, inputs: Iterable[Path] = ()) -> None:
    """Refuse, before any work is done: a directory, a symlink, one of the inputs, an
    existing file without ``force``, and with it any file regiondev did not write."""
    try:
        check_output_file(
            out,
            force=force,
            inputs=inputs,
            ours=out.is_file() and not out.is_symlink() and _is_drafts_file(out),
        )
    except OutputError as exc:
        raise ExtractInputError(str(exc)) from None


def _slug(text: str) -> str:
    return re.sub(r"[^0-9a-z_]+", "-", text.lower()).strip("-")


def _number(x: float) -> int | float:
    return int(x) if x == int(x) and abs(x) < 2**53 else x


def _unique_span(ct: CleanText, a: int, b: int) -> tuple[int, int] | None:
    """Widen [a, b) sentence by sentence until its text occurs once; None if it never does."""
    text = ct.text
    for _ in range(4):
        quote = text[a:b]
        if normalise_fragment(quote) == quote and len(ct.find(quote)) == 1:
            return a, b
        na = max(text.rfind(ch, 0, max(a - 1, 0)) for ch in "。！？；!?;\n") + 1
        nb_cands = [i for ch in "。！？；!?;\n" if (i := text.find(ch, b + 1)) != -1]
        nb = min(nb_cands) if nb_cands else len(text)
        if (na, nb) == (a, b):
            break
        a, b = na, nb
    return None


def _occurrences(haystack: str, needle: str) -> list[int]:
    out, at = [], haystack.find(needle)
    while at != -1:
        out.append(at)
        at = haystack.find(needle, at + 1)
    return out


_DC = draft_cues()
# (data/draft_cues.toml)
_PART_OF = re.compile(alternation(_DC.part_of))
_MONTH_AFTER = re.compile(r"[,，]?\s*\d{1,2}月(?:份|当月)?(?=[增下降达为,，\d])")
# what follows a place or month named right after 其中 when it is the figure's own
_OWN_AFTER = re.compile(r"[市省]?(?=[增下降达为同比,，\d])")
# a clause holding nothing but the verb and qualifiers of its figure (,增长3.9%): it is of
# the part named in the clause before
_BARE_CLAUSE = re.compile(f"(?:{alternation(_DC.bare_clause)})*$")
_SECTORS = _DC.sectors


def _bare_since(quote: str, start: int, offset: int) -> bool:
    """Whether every clause between ``start`` and the figure after the first is bare."""
    clauses = re.split(r"[,，]", quote[start:offset])
    return all(_BARE_CLAUSE.fullmatch(c.strip()) for c in clauses[1:])


def _names_no_part(quote: str, at: int) -> bool:
    """其中5月… (a month) or 其中株洲… (one of the model's regions, the figure's own)."""
    if _MONTH_AFTER.match(quote, at):
        return True
    head = quote[at:].lstrip(",， ")
    return any(
        region_code(head[:n]) in _REGIONS and _OWN_AFTER.match(head, n) is not None for n in (2, 3)
    )


def _waiver_category(c: Claim) -> str:
    reason = c.set_aside_reason
    if c.token_kind == "date":
        return "date"
    if c.token_kind == "period":
        return "period"
    if c.token_kind == "structure":
        return "plan_structure"
    if "licence" in reason:
        return "licence"
    if "phone" in reason:
        return "contact"
    if "damaged" in reason:
        return "damaged"
    if "headline" in reason:
        return "headline"
    if reason.startswith(("sector name", "part of a plan's name", "ordinal of a batch")):
        return "name"
    if reason.startswith("scale label"):
        return "threshold"
    if (
        reason.startswith(
            ("increase over", "percentage-point change", "change in rank", "part of a ratio")
        )
        or c.token_kind == "code"
    ):
        return "not_a_claim"
    return "furniture"


#: A byline's outlet label: 来源/稿源/文章来源 (preferred, in this order) or 作者, then a colon,
#: at the start of a line or after a space or separator (not 数据来源: in a sentence).
_OUTLET_LABEL = re.compile(
    r"(?:^|(?<=[\s|｜丨/]))"
    + f"(?:{alternation(_DC.label_prefix)})?({alternation(_DC.labels)})"
    + r"[ \t]*[:：][ \t]*"
)
_OUTLET_RANK = {label: rank for rank, label in enumerate(_DC.labels)}
#: Where the outlet's name ends: a separator, a wide gap, the next label, a date or time, or a
#: view count (来源：湖南日报 2023-05-10 10:20 浏览次数：123).
_OUTLET_END = re.compile(
    r"[|｜丨]|\s{2,}|\t"
    + rf"|\s*(?:{alternation(_DC.ends)})(?:次数|量|数)?\s*[:：]"
    + rf"|\s*(?:{alternation(_DC.counts)})(?:次数|量)?\s*\d"
    + r"|\s*\d{4}\s*[-—./年]|\s*\d{1,2}\s*[-/月]\s*\d{1,2}|\s*\d{1,2}:\d{2}"
)
#: How far down a byline may stand (characters, lines), and how long a byline line may be.
_BYLINE_CHARS, _BYLINE_LINES, _BYLINE_LEN = 2000, 15, 150


def _byline_outlet(text: str) -> str | None:
    """The outlet a byline near the top prints (来源：湖南日报 …), without the date or view
    count after it; None when no byline names one."""
    found: list[tuple[int, str]] = []
    lines = [ln for ln in text[:_BYLINE_CHARS].splitlines() if ln.strip()][:_BYLINE_LINES]
    for line in lines:
        if len(line.strip()) > _BYLINE_LEN:
            continue
        for m in _OUTLET_LABEL.finditer(line):
            if "。" in line[: m.start()]:
                break  # a body sentence, not a byline
            rest = line[m.end() :]
            end = _OUTLET_END.search(rest)
            name = (rest[: end.start()] if end else rest).strip(" \t,，、;；.。:：")
            if name and len(name) <= 40:
                found.append((_OUTLET_RANK[m[1]], name))
    return min(found)[1] if found else None


def _source_record(
    doc: Document, res: DocClaims, sid: str, out: Path, texts_dir: Path, outlet: str | None
) -> tuple[dict[str, Any], tuple[Path, bytes] | None]:
    """The source entry, and the UTF-8 text copy it needs (path, bytes) if any."""
    plain_utf8 = bool(doc.path) and doc.encoding in ("utf-8", "utf-8-sig") and not doc.html
    copy: tuple[Path, bytes] | None = None
    if plain_utf8:
        target = Path(doc.path).resolve()
        sha = doc.sha256
    else:
        target = (texts_dir / f"{sid}.txt").resolve()
        data = doc.text.encode("utf-8")
        copy = (target, data)
        sha = hashlib.sha256(data).hexdigest()
    rec: dict[str, Any] = {
        "id": sid,
        "title": doc.title or res.title or sid,
        # the loader refuses these markers until a person fills the fields in
        "outlet": outlet or f"unknown {FILL_IN}",
        "published": res.date or f"undated {FILL_IN}",
        "file": os.path.relpath(target, out.parent.resolve()),
        "sha256": sha,
        "region": res.region if res.region in _REGIONS else "",
        "script": "traditional"
        if to_simplified(doc.text[:5000]) != doc.text[:5000]
        else "simplified",
        "kind": "news",
        "date_evidence": {
            "given": "date given to regiondev extract (--date or the JSONL field)",
            "byline": "date read from the byline by regiondev extract; check it",
            "": f"no date found {FILL_IN}: where the date comes from",
        }.get(res.date_origin, res.date_origin),
    }
    if doc.path and not plain_utf8:
        rec["original_file"] = os.path.relpath(Path(doc.path).resolve(), out.parent.resolve())
        rec["original_sha256"] = doc.sha256
        rec["original_encoding"] = doc.encoding + (" (HTML, reduced to text)" if doc.html else "")
    elif not doc.path:
        rec["original_file"] = f"JSONL document {doc.id!r} (line {doc.line})"
    return rec, copy


def _check_copy(target: Path, force: bool, own: set[str]) -> None:
    """A text copy may replace only a copy regiondev wrote (its folder's manifest), with force."""
    if os.path.islink(target):
        raise ExtractInputError(f"{target}: is a symbolic link; regiondev never writes through it")
    if not os.path.lexists(target):
        return
    if not force:
        raise ExtractInputError(f"{target}: already exists; pass --force to replace it")
    if target.name not in own:
        raise ExtractInputError(
            f"{target}: exists and was not written by regiondev; --force replaces only "
            "regiondev's own files (move it or choose another --as-catalog path)"
        )


def write_drafts(
    results: Iterable[tuple[Document, DocClaims]], out: str | Path, *, force: bool = False
) -> DraftSummary:
    """Write draft records for every document (see the module docstring).

    When no document yields a record (no figure, no set-aside number), nothing is written,
    not even the text copies, and the summary's ``written`` is False.
    """
    import tomli_w

    from regiondev._catalog import load_catalog

    out = Path(out)
    check_writable(out, force=force)
    texts_dir = out.parent / f"{out.stem}.texts"
    shipped = load_catalog()
    taken = {s.id for s in shipped.sources}
    sources: list[dict[str, Any]] = []
    indicators: dict[str, dict[str, Any]] = {}
    observations: list[dict[str, Any]] = []
    waivers: list[dict[str, Any]] = []
    skipped: list[str] = []
    written: list[Path] = []
    own_copies = owned_files(texts_dir, TEXTS_MANIFEST)
    # Text copies wait until the first record is drafted (then every copy is written as its
    # document comes): if no record comes, nothing is written at all.
    copies: list[tuple[Path, bytes]] = []
    for doc, res in results:
        sid = _slug(doc.id) or "doc-" + (
            doc.sha256[:8] or hashlib.sha256(doc.text.encode()).hexdigest()[:8]
        )
        base, n = sid, 2
        while sid in taken:
            sid, n = f"{base}-{n}", n + 1
        taken.add(sid)
        if not doc.text:
            raise ExtractInputError(f"{doc.id}: text not kept; extract with keep_text=True")
        given = doc.path or doc.container
        if given and Path(given).resolve() == out.resolve():
            raise ExtractInputError(f"{out}: is one of the inputs; choose another output path")
        copy = (doc.path and doc.encoding not in ("utf-8", "utf-8-sig")) or doc.html or not doc.path
        if copy:
            _check_copy(texts_dir / f"{sid}.txt", force, own_copies)
        ct = clean(doc.text)
        source, copy_ = _source_record(doc, res, sid, out, texts_dir, _byline_outlet(ct.text))
        sources.append(source)
        if copy_ is not None:
            copies.append(copy_)
        quotes: list[tuple[int, int]] = []
        k = 0
        for c in res.claims:
            if c.set_aside_reason or c.token_kind != "figure":
                continue
            span = _unique_span(ct, c.sentence_start, c.sentence_end)
            if span is None or ct.in_damaged_run(c.start, c.end):
                skipped.append(f"{sid}: {c.figure} at {c.start} (its sentence is not unique)")
                continue
            qa, qb = span
            quote = ct.text[qa:qb]
            occ = _occurrences(quote, c.figure)
            if c.start - qa not in occ:
                skipped.append(f"{sid}: {c.figure} at {c.start} (figure not in its quote)")
                continue
            k += 1
            quotes.append(span)
            observations.append(
                _observation(
                    c, sid, k, quote, occ, c.start - qa, res, shipped.indicators, indicators
                )
            )
        for c in res.claims:
            if not c.set_aside_reason:
                continue
            if c.token_kind in ("date", "period") and any(
                qa <= c.start and c.end <= qb for qa, qb in quotes
            ):
                continue  # a date or period inside a drafted quote is that record's period
            waivers.append(_waiver(c, sid, ct))
        if observations or waivers:
            for target, data in copies:
                atomic_write(target, data)
                written.append(target)
                own_copies.add(target.name)
                write_manifest(texts_dir, TEXTS_MANIFEST, own_copies)
            copies.clear()
    if not observations and not waivers:
        # nothing for a person to review: no empty draft file (an existing one is left alone)
        return DraftSummary(out, (), len(sources), 0, 0, tuple(skipped), ())
    doc_toml: dict[str, Any] = {}
    if sources:
        doc_toml["source"] = sources
    if indicators:
        doc_toml["indicator"] = list(indicators.values())
    if observations:
        doc_toml["observation"] = observations
    if waivers:
        doc_toml["waiver"] = waivers
    header = (
        f"{DRAFTS_HEADER} on {dt.date.today()}.\n"
        "# Check every record against its quote: indicator, status, period, region and basis\n"
        "# are guesses (see each note). Replace placeholder indicators (draft_*, one per\n"
        "# figure) with real codes and every (fill in) of the sources (outlet, date), then\n"
        '# set review = "confirmed" and load with --catalog.\n\n'
    )
    atomic_write(out, (header + tomli_w.dumps(doc_toml)).encode("utf-8"))
    used = {p.resolve() for p in written}
    unused = (
        tuple(
            sorted(
                p
                for p in texts_dir.glob("*.txt")
                if p.resolve() not in used and p.name in own_copies
            )
        )
        if texts_dir.is_dir()
        else ()
    )
    return DraftSummary(
        out,
        tuple(written),
        len(sources),
        len(observations),
        len(waivers),
        tuple(skipped),
        unused,
    )


# 新增 / 累计新增 / 再新增 earlier in the figure's clause (新增国家级专精特新"小巨人"企业50家:
# the words between may be many), not 新增长点 (a new growth point).
_NEW_BEFORE = re.compile(r"新增(?!长)[^，,。；;！？!?\n]*$")


def _guess_measure(c: Claim, unit: str, quote: str, offset: int) -> str:
    """The measure of a placeholder indicator: for a sum of money, from the words before it
    in its clause (a clause ends at ，,；;。 and the other sentence marks)."""
    fallback = _MEASURE.get((c.kind, unit)) or _KIND_MEASURE.get(c.kind, "ratio")
    if c.kind != "level" or unit not in MONEY_UNITS:
        return fallback
    # only the figure's own clause: in 人均可支配收入增长6%，社会消费品零售总额1000亿元 the
    # 人均 is the growth rate's, not the 1000亿元's
    clause = max(quote.rfind(ch, 0, offset) for ch in _CLAUSE_ENDS) + 1
    before = quote[clause:offset]
    nearest = None
    for m in _MEASURE_WORDS.finditer(before):
        nearest = m
    if nearest is None or nearest.lastgroup is None:
        return fallback
    # 人均 in the clause (人均地区生产总值98562元, 人均GDP, 人均可支配收入)
    if _PER_CAPITA.search(before):
        return "per_capita"
    return nearest.lastgroup


def _observation(
    c: Claim,
    sid: str,
    k: int,
    quote: str,
    occ: list[int],
    offset: int,
    res: DocClaims,
    known: Any,
    placeholders: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    unit = c.unit  # none printed: left empty, so the record does not load until given one
    if c.value is None:  # pragma: no cover - write_drafts drafts figures only
        raise AssertionError(f"{c.figure!r} is not a figure")
    notes = [f"cues: {c.cues}"] if c.cues else []
    code = c.indicator_guess
    if code == "unknown" or code not in known or known[code].unit != unit:
        # One placeholder per figure: figures with no known indicator are never grouped under
        # one code (that would set unrelated figures side by side in growth and consistency
        # checks) until a person assigns real codes.
        measure = _guess_measure(c, unit, quote, offset)
        code = f"draft_{sid.replace('-', '_')}_{k:03d}"
        placeholders[code] = {
            "code": code,
            "name_zh": "待定",
            # the words before the figure (the last cue), to tell placeholders apart in messages
            "name_en": f"unreviewed indicator ({c.cues.split('; ')[-1] if c.cues else c.figure})",
            "measure": measure,
            "unit": unit,
        }
        notes.append("indicator unknown: replace the placeholder with a real code")
    if not c.unit:
        notes.append(
            "no unit printed: fill in unit (one of regiondev.numbers.UNITS) here and in its "
            "indicator"
        )
    region = c.region
    if region not in _REGIONS:
        city_unnamed = "全市" in c.cues.split("; ") and res.region not in _CITY_REGIONS
        if not region and res.region in _REGIONS and not city_unnamed:
            notes.append(f"no region named; defaulted to the text's, {res.region}")
            region = res.region
        elif city_unnamed:
            # 全市 is a city, never the province or the nation the text is mostly about
            notes.append(
                "全市 names a city the text does not: set region to changsha or zhuzhou if it "
                "is one of them, or remove the record"
            )
        else:
            # never moved to another region silently: the record does not load until a person
            # gives it one of the model's regions (or removes it)
            notes.append(
                f"the figure is about {region or 'no region the model knows'}: set region to one "
                "of hunan, changsha, zhuzhou, china if it belongs there, or remove the record"
            )
    if not c.period:
        notes.append("period not resolved: fill in")
    rec: dict[str, Any] = {
        "id": f"{sid}-d{k:03d}",
        "source": sid,
        "region": region,
        "indicator": code,
        "status": c.status,
        "period": c.period,
        "figure": c.figure,
        "value": _number(c.value),
        "unit": unit,
        "bound": c.bound,
        "basis": c.basis,
        "quote": quote,
        "review": "draft",
    }
    if len(occ) > 1:
        rec["figure_occurrence"] = occ.index(offset) + 1
    markers = [
        m
        for m in _PART_OF.finditer(quote, 0, offset)
        # a sector names the figures of its clause, and of bare clauses after it
        if m.group(0) not in _SECTORS or _bare_since(quote, m.end(), offset)
    ]
    part_of = markers[-1] if markers else None
    if part_of is not None and _names_no_part(quote, part_of.end()):
        part_of = None
    each = "分别" in quote[:offset] and "(分别: the" not in c.cues
    if part_of and part_of.group(0) in _SECTORS:
        # 第二产业增加值…: the secondary sector, a member of GDP's partition by sector
        rec["breakdown"] = f"sector={_SECTORS[part_of.group(0)]}"
        if c.subject:
            rec["subject"] = c.subject  # 醴陵市第二产业…: the county's sector
        notes.append(
            f"{part_of.group(0)}: drafted as breakdown {rec['breakdown']} (give it the total's "
            "indicator, e.g. gdp or its growth, so the sectors are checked against it)"
        )
    elif part_of and not (c.subject and c.subject in quote[part_of.end() : offset]):
        # 其中… / 分行业看…: a part of a total, never a second total (其中,醴陵市…: the county
        # named after 其中 is the part)
        of = f" (of {c.subject})" if c.subject else ""
        rec["subject"] = f"{FILL_IN}: the part after {part_of.group(0)}{of}"
        notes.append(f"{part_of.group(0)} before the figure: a part of a total; name it in subject")
    elif each:
        # 工程机械、轨道交通装备两个产业集群产值分别达到2800亿元、1600亿元: one item each
        rec["subject"] = f"{FILL_IN}: the item of the list before 分别 this figure is of"
        notes.append("分别 before the figure: one of a list's items; name it in subject")
    elif c.subject:
        # a county, district or zone: the city's region, the part as subject
        rec["subject"] = c.subject
    if c.aspirational:
        rec["aspirational"] = True
    if c.kind not in ("growth", "share", "rank") and _NEW_BEFORE.search(quote, 0, offset):
        # 新增500家: a flow over the plan period, not a level to reach; in a report, 新增112家
        # is the number added in the period, not the total (总数达到517家). A rate, share or
        # rank is no flow (the catalog refuses increment on one).
        rec["increment"] = True
        notes.append(
            "新增 before the figure: drafted as an increment (a flow"
            + (" over the plan period" if c.status == "target" else ": the number added")
            + ", not a level)"
        )
    if notes:
        rec["note"] = "; ".join(notes)
    return rec


def _waiver(c: Claim, sid: str, ct: CleanText) -> dict[str, Any]:
    a = max(c.sentence_start, c.start - 12)
    b = min(c.sentence_end, c.end + 12)
    quote = ct.text[a:b]
    if normalise_fragment(quote) != quote or not ct.find(quote):
        quote = c.figure
    rec: dict[str, Any] = {
        "source": sid,
        "quote": quote,
        "category": _waiver_category(c),
        "reason": c.set_aside_reason,
    }
    if len(ct.find(quote)) > 1:
        rec["all"] = True
    return rec
