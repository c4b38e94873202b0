"""Load and validate catalogs (shipped and user) into typed observations and a polars frame.

A catalog file is TOML with any of ``[[source]]``, ``[[indicator]]``, ``[[observation]]`` and
``[[waiver]]`` tables; top-level ``source`` / ``region`` keys are defaults for its records.
Every record is validated on load: its quote occurs once in its source (after the same
normalisation as the text), its figure lies inside the quote, the number and qualifier read
from the figure equal the record's value, unit and bound, and ids are unique. Loading goes
on past a bad record and then stops with every problem of every record at once (a CatalogError
for one, CatalogErrors for several), each naming the file, the record and the field.

Records drafted by ``regiondev extract`` are refused until a person has reviewed them: an
observation with ``review = "draft"``, one that still uses a ``draft_*`` placeholder indicator,
and a source whose fields still hold a ``(fill in)`` marker.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from regiondev._safe_io import load_toml, regular_file_problem
from regiondev._sources import _source_from_record, clean_text, load_sources, verify
from regiondev.errors import (
    CatalogError,
    CatalogErrors,
    InputFileError,
    ParameterError,
    SourceError,
    UnknownRecordError,
)
from regiondev.model import (
    Basis,
    Bound,
    Indicator,
    Measure,
    Observation,
    Period,
    PeriodKind,
    Region,
    Reliability,
    Review,
    Source,
    Status,
)
from regiondev.numbers import UNITS, FigureParseError, parse_figure, reads_as
from regiondev.outcomes import (
    Gap,
    date_problem,
    outcome_files,
    parse_reliability,
    published_floor,
    qualifier_problem,
    read_gap,
)
from regiondev.text import normalise_fragment

__all__ = [
    "CATALOG_SCHEMA",
    "FILL_IN",
    "PLACEHOLDER_PREFIX",
    "Catalog",
    "Waiver",
    "catalog",
    "load_catalog",
]

#: What `regiondev extract --as-catalog` writes in a source field a person must fill in.
FILL_IN = "(fill in)"
#: The prefix of the placeholder indicators of drafted records (draft_<source>_<n>).
PLACEHOLDER_PREFIX = "draft_"
#: What a person should write instead of a source's fill-in marker, by field.
_FILL_IN_HINT = {
    "outlet": "the publisher or outlet (e.g. 株洲市统计局)",
    "published": 'the publication date (YYYY-MM-DD), or "undated" with the evidence in '
    "date_evidence",
    "date_evidence": "where the date comes from (e.g. printed 发布时间:2023-05-10)",
}

#: Column → polars dtype name of ``regiondev.catalog()``; documented in the README.
CATALOG_SCHEMA: dict[str, str] = {
    "id": "String",
    "source": "String",
    "region": "String",
    "indicator": "String",
    "measure": "String",
    "status": "String",
    "period": "String",
    "period_kind": "String",
    "value": "Float64",
    "unit": "String",
    "bound": "String",
    "low": "Float64",
    "high": "Float64",
    "step": "Float64",
    "basis": "String",
    "figure": "String",
    "quote": "String",
    "quote_raw": "String",
    "subject": "String",
    "breakdown": "String",
    "aspirational": "Boolean",
    "increment": "Boolean",
    "relative_to": "String",
    "note": "String",
    "review": "String",
    "origin": "String",
    "reliability": "String",
}

_OBS_REQUIRED = (
    "id",
    "source",
    "region",
    "indicator",
    "status",
    "period",
    "figure",
    "value",
    "unit",
    "bound",
    "basis",
    "quote",
)
_OBS_KNOWN = {
    *_OBS_REQUIRED,
    "subject",
    "breakdown",
    "aspirational",
    "increment",
    "note",
    "review",
    "figure_occurrence",
    "relative_to",
}
WAIVER_CATEGORIES = (
    "furniture",
    "headline",
    "date",
    "contact",
    "licence",
    "view_count",
    "name",
    "period",
    "plan_structure",
    "threshold",
    "not_a_claim",
    "damaged",
)


@dataclass(frozen=True, slots=True)
class Waiver:
    """Numbers in ``quote`` are not claims about the regions; ``reason`` says why."""

    source: str
    quote: str
    reason: str
    category: str
    origin: str
    start: int = -1
    end: int = -1


@dataclass(frozen=True, repr=False)
class Catalog:
    """Sources, indicators, observations and waivers, all validated."""

    def __repr__(self) -> str:
        """One line: what the catalog holds (``frame()`` for the records)."""
        outcomes = sum(1 for o in self.observations if self.is_outcome(o))
        later = f", {outcomes} of them later official figures" if outcomes else ""
        return (
            f"<Catalog: {len(self.observations)} records{later}, {len(self.sources)} sources, "
            f"{len(self.indicators)} indicators, {len(self.waivers)} waivers; .frame() for the "
            "records>"
        )

    sources: tuple[Source, ...]
    indicators: Mapping[str, Indicator]
    observations: tuple[Observation, ...]
    waivers: tuple[Waiver, ...]
    files: tuple[str, ...] = field(default=())
    #: Outcomes searched for and not found ([[gap]] tables of the outcomes layer).
    gaps: tuple[Gap, ...] = field(default=())
    #: Ids of outcome records left out for being below ``min_reliability``.
    left_out: tuple[str, ...] = field(default=())

    def reliability(self, obs: Observation) -> Reliability | None:
        """The reliability of an observation's source (None for the texts' own records)."""
        return self.source(obs.source).reliability

    def is_outcome(self, obs: Observation) -> bool:
        """Whether an observation is a later figure of the outcomes layer (or a user's own
        record whose source states a reliability)."""
        return self.reliability(obs) is not None

    def gaps_for(
        self, region: str | Region, indicator: str, period: Period | None = None, subject: str = ""
    ) -> tuple[Gap, ...]:
        """The gaps (outcomes searched for and not found) of a region, indicator and subject,
        covering ``period`` when one is given."""
        return tuple(
            g
            for g in self.gaps
            if g.region == region
            and g.indicator == indicator
            and g.subject == subject
            and (period is None or g.covers(period))
        )

    def gap_frame(self) -> Any:
        """The gaps as a polars DataFrame: id, region, indicator, subject, periods, searched,
        note, origin (periods joined with "; ")."""
        import polars as pl

        cols = ("id", "region", "indicator", "subject", "periods", "searched", "note", "origin")
        rows = [
            {
                "id": g.id,
                "region": g.region.value,
                "indicator": g.indicator,
                "subject": g.subject,
                "periods": "; ".join(str(p) for p in g.periods),
                "searched": g.searched,
                "note": g.note,
                "origin": g.origin,
            }
            for g in self.gaps
        ]
        return pl.DataFrame(rows, schema=dict.fromkeys(cols, pl.String))

    def get(self, obs_id: str) -> Observation:
        for o in self.observations:
            if o.id == obs_id:
                return o
        raise UnknownRecordError(f"no observation {obs_id!r} in the catalog")

    def source(self, source_id: str) -> Source:
        for s in self.sources:
            if s.id == source_id:
                return s
        raise KeyError(f"no source {source_id!r}")

    def indicator(self, code: str) -> Indicator:
        return self.indicators[code]

    def select(
        self,
        region: str | Region | None = None,
        indicator: str | None = None,
        status: str | Status | None = None,
    ) -> tuple[Observation, ...]:
        return tuple(
            o
            for o in self.observations
            if (region is None or o.region == region)
            and (indicator is None or o.indicator == indicator)
            and (status is None or o.status == status)
        )

    def frame(self) -> Any:
        """All observations as a polars DataFrame with CATALOG_SCHEMA."""
        import polars as pl

        rows = [_row(self, o) for o in self.observations]
        schema = {k: getattr(pl, v) for k, v in CATALOG_SCHEMA.items()}
        return (
            pl.DataFrame(rows, schema=schema, orient="row") if rows else pl.DataFrame(schema=schema)
        )


def _row(cat: Catalog, o: Observation) -> dict[str, Any]:
    measure = cat.indicators[o.indicator].measure.value
    quote_raw = ""
    src = cat.source(o.source)
    if src.path and o.quote_start >= 0:
        quote_raw = clean_text(src).raw_quote(o.quote_start, o.quote_start + len(o.quote))
    return {
        "id": o.id,
        "source": o.source,
        "region": o.region.value,
        "indicator": o.indicator,
        "measure": measure,
        "status": o.status.value,
        "period": str(o.period),
        "period_kind": o.period.kind.value,
        "value": o.value,
        "unit": o.unit,
        "bound": o.bound.value,
        "low": o.low,
        "high": o.high,
        "step": o.step,
        "basis": o.basis.value,
        "figure": o.figure,
        "quote": o.quote,
        "quote_raw": quote_raw,
        "subject": o.subject,
        "breakdown": o.breakdown,
        "aspirational": o.aspirational,
        "increment": o.increment,
        "relative_to": str(o.relative_to) if o.relative_to is not None else None,
        "note": o.note,
        "review": o.review.value,
        "origin": o.origin,
        "reliability": src.reliability.value if src.reliability is not None else None,
    }


def _data_dir() -> Path:
    return Path(str(resources.files("regiondev") / "data"))


def shipped_files() -> list[Path]:
    """The catalog files shipped in the package, in a fixed order."""
    data = _data_dir()
    files = [data / "indicators.toml"]
    files += sorted((data / "catalog").glob("*.toml"))
    files += sorted((data / "reference").glob("*.toml"))
    return files


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return load_toml(path)
    except InputFileError as exc:
        raise CatalogError(exc.file, "", "", exc.problem) from None


def _enum(enum: type[Any], value: Any, file: str, rid: str, fld: str) -> Any:
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(e.value for e in enum)
        raise CatalogError(file, rid, fld, f"{value!r} is not one of: {allowed}") from None


def _indicator(rec: dict[str, Any], file: str) -> Indicator:
    code = rec.get("code", "")
    for key in ("code", "name_zh", "name_en", "measure", "unit"):
        if not rec.get(key):
            raise CatalogError(file, code, key, "indicator field is required")
    if rec["unit"] not in UNITS:
        raise CatalogError(
            file, code, "unit", f"unknown unit {rec['unit']!r}; known: {sorted(UNITS)}"
        )
    return Indicator(
        code=code,
        name_zh=rec["name_zh"],
        name_en=rec["name_en"],
        measure=_enum(Measure, rec["measure"], file, code, "measure"),
        unit=rec["unit"],
        scope=rec.get("scope", ""),
        of=rec.get("of", ""),
        denominator=rec.get("denominator", ""),
    )


def _fill_in_errors(rec: dict[str, Any], file: str) -> list[CatalogError]:
    """A drafted source's fields that still hold the draft's fill-in markers, one error each.

    ``published = "undated"`` is what a person writes for a text that prints no date (the
    hint says so); the date's evidence is then still to fill in, and that is the one error.
    """
    sid = str(rec.get("id", ""))
    out = []
    undated = rec.get("published") == "undated"
    for key, value in rec.items():
        if not isinstance(value, str) or "fill in" not in value.lower():
            continue
        if key == "date_evidence" and undated:
            problem = (
                f'published is "undated", but date_evidence still holds the draft\'s placeholder '
                f"{value!r} from `regiondev extract`; write where the date would come from and "
                "why there is none (e.g. no date printed; the text reports the 2019 conference), "
                "or set published to the date"
            )
        else:
            hint = _FILL_IN_HINT.get(key, "the real value")
            problem = (
                f"the source still holds the draft's placeholder {value!r} from "
                f"`regiondev extract`; replace it with {hint}"
            )
        out.append(CatalogError(file, sid, key, problem))
    return out


def _raise_all(errors: list[CatalogError]) -> None:
    """Raise the one error, or all of them as CatalogErrors (which lists every one)."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise CatalogErrors(errors)


def _type_name(value: Any) -> str:
    return {bool: "a boolean", int: "an integer", float: "a number", str: "a string"}.get(
        type(value), f"a {type(value).__name__}"
    )


#: Source fields that hold text (published and the dates may also be TOML dates).
_SOURCE_TEXT = (
    "id",
    "title",
    "outlet",
    "region",
    "script",
    "file",
    "sha256",
    "url",
    "date_evidence",
    "kind",
    "reliability",
)
_SOURCE_DATES = ("published", "event_date", "reference_date")
_INDICATOR_TEXT = (
    "code",
    "name_zh",
    "name_en",
    "measure",
    "unit",
    "scope",
    "scope_zh",
    "of",
    "denominator",
)


def _type_errors(
    rec: dict[str, Any], file: str, rid: str, text: Sequence[str], dates: Sequence[str] = ()
) -> list[CatalogError]:
    """Fields of a source or indicator table that are not text (or a date where one may be)."""
    out = []
    for key in text:
        if key in rec and not isinstance(rec[key], str):
            out.append(
                CatalogError(
                    file, rid, key, f"expected a string, got {_type_name(rec[key])} {rec[key]!r}"
                )
            )
    for key in dates:
        if key in rec and not isinstance(rec[key], str | dt.date):
            out.append(
                CatalogError(
                    file,
                    rid,
                    key,
                    f"expected a date (YYYY-MM-DD) or a string, got {_type_name(rec[key])} "
                    f"{rec[key]!r}",
                )
            )
    return out


#: Fields that name a record (ids, codes): no control, format or line-separator character,
#: which would hide in a terminal, break a report's table or tell two equal-looking ids apart.
_ID_FIELDS = ("id", "code", "source", "indicator", "region")
#: Unicode categories of characters an id may not hold: controls, format characters,
#: surrogates, private use, unassigned, line and paragraph separators.
_HIDDEN = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def _control_errors(
    rec: dict[str, Any], file: str, rid: str, keys: Sequence[str] = _ID_FIELDS
) -> list[CatalogError]:
    """Ids with control characters, and a NUL in any text field, one error per field."""
    out = []
    for key, value in rec.items():
        if not isinstance(value, str):
            continue
        if key in keys:
            bad = next((ch for ch in value if unicodedata.category(ch) in _HIDDEN), None)
            if bad is not None:
                out.append(
                    CatalogError(
                        file,
                        rid,
                        key,
                        f"holds the control character U+{ord(bad):04X}: an id is printable "
                        "characters on one line",
                    )
                )
            elif value != value.strip():
                out.append(CatalogError(file, rid, key, "starts or ends with a space"))
        elif "\x00" in value:
            out.append(CatalogError(file, rid, key, "holds a NUL character (U+0000)"))
    return out


def _differences(a: Indicator, b: Indicator) -> str:
    """The fields two definitions of one indicator code differ in, with both values."""
    return "; ".join(
        f"{f.name} {str(getattr(a, f.name))!r} vs {str(getattr(b, f.name))!r}"
        for f in fields(a)
        if getattr(a, f.name) != getattr(b, f.name)
    )


@dataclass
class _Loader:
    allow_drafts: bool = False
    sources: dict[str, Source] = field(default_factory=dict)
    indicators: dict[str, Indicator] = field(default_factory=dict)
    observations: dict[str, Observation] = field(default_factory=dict)
    waivers: list[Waiver] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    pending_gaps: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    #: Files of the outcomes layer: each of their sources must state a reliability.
    outcome_files: set[str] = field(default_factory=set)
    pending: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    pending_waivers: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    #: Problems found while reading sources and indicators (reported with the records').
    errors: list[CatalogError] = field(default_factory=list)
    #: Source ids and indicator codes whose definition failed: records using them are not
    #: told again that they are unknown.
    broken: set[str] = field(default_factory=set)
    #: The file each indicator was first defined in.
    indicator_origin: dict[str, str] = field(default_factory=dict)

    def read(self, path: Path) -> None:
        """Read one file; its problems are added to ``errors`` (a file that is no valid TOML,
        or has a table of an unknown name, is one problem and nothing of it is read)."""
        file = str(path)
        try:
            data = _read_toml(path)
        except CatalogError as exc:
            self.errors.append(exc)
            return
        unknown = set(data) - {
            *("source", "indicator", "observation", "waiver", "gap", "region", "title")
        }
        unknown -= {k for k, v in data.items() if not isinstance(v, list)}
        if unknown:
            self.errors.append(CatalogError(file, "", ", ".join(sorted(unknown)), "unknown table"))
            return
        for key, allowed in (
            ("source", (str, list)),
            ("region", (str,)),
            ("title", (str,)),
            ("indicator", (list,)),
            ("observation", (list,)),
            ("waiver", (list,)),
            ("gap", (list,)),
        ):
            if key in data and not isinstance(data[key], allowed):
                what = (
                    "a default source id or [[source]] tables"
                    if key == "source"
                    else ("a string" if allowed == (str,) else f"[[{key}]] tables")
                )
                self.errors.append(
                    CatalogError(
                        file, "", key, f"expected {what}, got {_type_name(data[key])} {data[key]!r}"
                    )
                )
                data = {k: v for k, v in data.items() if k != key}
        default_source = data.get("source") if isinstance(data.get("source"), str) else None
        default_region = data.get("region") if isinstance(data.get("region"), str) else None
        for n, rec in enumerate(data["source"] if isinstance(data.get("source"), list) else []):
            self._read_source(file, path, n, rec)
        for n, rec in enumerate(data.get("indicator", [])):
            if not self._is_table(file, "indicator", n, rec):
                continue
            code = rec.get("code", "")
            problems = _type_errors(rec, file, str(code), _INDICATOR_TEXT)
            problems += _control_errors(rec, file, str(code), ("code",))
            if problems:
                self.errors.extend(problems)
                self.broken.add(f"indicator:{code}")
                continue
            try:
                ind = _indicator(rec, file)
            except CatalogError as exc:
                self.errors.append(exc)
                self.broken.add(f"indicator:{code}")
                continue
            if ind.code in self.indicators:
                first = self.indicators[ind.code]
                if first != ind:  # the same definition given again is no conflict
                    self.errors.append(
                        CatalogError(
                            file,
                            ind.code,
                            "code",
                            f"duplicate indicator code, defined differently in "
                            f"{self.indicator_origin[ind.code]}: {_differences(first, ind)}",
                        )
                    )
                continue
            self.indicators[ind.code] = ind
            self.indicator_origin[ind.code] = file
        for n, rec in enumerate(data.get("observation", [])):
            if not self._is_table(file, "observation", n, rec):
                continue
            rec = dict(rec)
            if default_source and "source" not in rec:
                rec["source"] = default_source
            if default_region and "region" not in rec:
                rec["region"] = default_region
            self.pending.append((file, rec))
        for n, rec in enumerate(data.get("waiver", [])):
            if not self._is_table(file, "waiver", n, rec):
                continue
            rec = dict(rec)
            if default_source and "source" not in rec:
                rec["source"] = default_source
            self.pending_waivers.append((file, rec))
        for n, rec in enumerate(data.get("gap", [])):
            if self._is_table(file, "gap", n, rec):
                self.pending_gaps.append((file, {"region": default_region, **rec}))

    def _is_table(self, file: str, kind: str, n: int, rec: Any) -> bool:
        if isinstance(rec, dict):
            return True
        self.errors.append(
            CatalogError(
                file,
                f"{kind} #{n + 1}",
                kind,
                f"expected a [[{kind}]] table, got {_type_name(rec)} {rec!r}",
            )
        )
        return False

    def _read_source(self, file: str, path: Path, n: int, rec: Any) -> None:
        if not self._is_table(file, "source", n, rec):
            return
        sid = rec.get("id", "")
        problems = _type_errors(rec, file, str(sid), _SOURCE_TEXT, _SOURCE_DATES)
        problems += _control_errors(rec, file, str(sid), ("id",))
        if problems:
            self.errors.extend(problems)
            self.broken.add(f"source:{sid}")
            return
        try:
            src = _source_from_record(rec, file, path.parent)
            if "reliability" in rec or file in self.outcome_files:
                src = self._outcome_source(file, rec, src)
            verify(src)
            if src.path:
                clean_text(src)  # a text that is not UTF-8 fails here, once
        except SourceError as exc:
            err = CatalogError(file, sid, "source", str(exc))
            err.__cause__ = exc
            self.errors.append(err)
            self.broken.add(f"source:{sid}")
            return
        except CatalogError as exc:
            self.errors.append(exc)
            self.broken.add(f"source:{sid}")
            return
        if src.id in self.sources:
            self.errors.append(CatalogError(file, src.id, "id", "duplicate source id"))
            return
        if not self.allow_drafts:
            self.errors.extend(_fill_in_errors(rec, file))
        self.sources[src.id] = src

    @staticmethod
    def _outcome_source(file: str, rec: dict[str, Any], src: Source) -> Source:
        """A source of later figures: a known reliability, a URL and a publication date."""
        if "reliability" not in rec:
            raise CatalogError(file, src.id, "reliability", "an outcome source needs a reliability")
        level = parse_reliability(rec["reliability"], file, src.id)
        if not src.url:
            raise CatalogError(file, src.id, "url", "an outcome source needs the page's url")
        if published_floor(src.published) is None:
            raise CatalogError(
                file,
                src.id,
                "published",
                f"{src.published!r}: an outcome source needs its publication date "
                "(YYYY-MM-DD, or YYYY-MM / YYYY when only that is known)",
            )
        return replace(src, reliability=level, kind=rec.get("kind", "outcome"))

    def finish(self) -> Catalog:
        errors: list[CatalogError] = list(self.errors)
        for file, rec in self.pending:
            obs = self._observation(file, rec, errors)
            if obs is None:
                continue
            if obs.id in self.observations:
                other = self.observations[obs.id].origin
                errors.append(
                    CatalogError(file, obs.id, "id", f"duplicate id (first defined in {other})")
                )
                continue
            self.observations[obs.id] = obs
        for file, rec in self.pending_waivers:
            try:
                self.waivers.extend(self._waiver(file, rec))
            except CatalogError as exc:
                errors.append(exc)
        seen_gaps: set[str] = set()
        for file, rec in self.pending_gaps:
            try:
                gap = read_gap(rec, file, set(self.indicators))
            except CatalogError as exc:
                errors.append(exc)
                continue
            if gap.id in seen_gaps or gap.id in self.observations:
                errors.append(CatalogError(file, gap.id, "id", "duplicate id"))
                continue
            seen_gaps.add(gap.id)
            self.gaps.append(gap)
        _raise_all(errors)
        return Catalog(
            sources=tuple(self.sources.values()),
            indicators=dict(self.indicators),
            observations=tuple(self.observations.values()),
            waivers=tuple(self.waivers),
            gaps=tuple(self.gaps),
        )

    def _waiver(self, file: str, rec: dict[str, Any]) -> list[Waiver]:
        """One Waiver per occurrence of the quote (several only with ``all = true``); none
        when its source's definition failed (that error is listed already)."""
        quote = rec.get("quote", "")
        rid = "waiver:" + (quote[:20] if isinstance(quote, str) else repr(quote))
        if wrong := _type_errors(rec, file, rid, ("source", "quote", "reason", "category")):
            raise wrong[0]
        for key in ("source", "quote", "reason", "category"):
            if not rec.get(key):
                raise CatalogError(file, rid, key, "waiver field is required")
        if "all" in rec and not isinstance(rec["all"], bool):
            raise CatalogError(
                file,
                rid,
                "all",
                f"expected true or false, got {_type_name(rec['all'])} {rec['all']!r}",
            )
        if rec["category"] not in WAIVER_CATEGORIES:
            raise CatalogError(
                file, rid, "category", f"{rec['category']!r} is not one of {WAIVER_CATEGORIES}"
            )
        src = self._cited_source(file, rid, rec["source"])
        if src is None:
            return []
        spans = [(-1, -1)]
        if src.path:
            hits = clean_text(src).find(quote)
            if not hits:
                raise CatalogError(file, rid, "quote", f"not found in {Path(src.path).name}")
            if len(hits) > 1 and not rec.get("all", False):
                raise CatalogError(
                    file,
                    rid,
                    "quote",
                    f"occurs {len(hits)} times in {Path(src.path).name}; "
                    "lengthen it or set all = true",
                )
            size = len(normalise_fragment(quote))
            spans = [(at, at + size) for at in hits]
        return [
            Waiver(rec["source"], quote, rec["reason"], rec["category"], file, start, end)
            for start, end in spans
        ]

    def _cited_source(self, file: str, rid: str, source_id: Any) -> Source | None:
        """The source a record or waiver cites, or None when that source's definition failed
        (its error is listed already, so the record is not also told it is unknown).

        Raises CatalogError naming the record when the id is no string or no known source.
        """
        if not isinstance(source_id, str):
            raise CatalogError(
                file,
                rid,
                "source",
                f"expected a source id (a string), got {_type_name(source_id)} {source_id!r}",
            )
        if source_id in self.sources:
            return self.sources[source_id]
        if f"source:{source_id}" in self.broken:
            return None
        known = ", ".join(sorted(self.sources))
        raise CatalogError(file, rid, "source", f"unknown source {source_id!r}; known: {known}")

    def _observation(
        self, file: str, rec: dict[str, Any], errors: list[CatalogError]
    ) -> Observation | None:
        """The record as an Observation, or None with every problem of it added to errors.

        A check that depends on a field already found bad is left out, so each problem is
        named once.
        """
        rid = str(rec.get("id", "?"))
        found: list[CatalogError] = []
        # a record of a source or indicator whose definition failed (its error is listed)
        uses_broken = False

        def bad(fld: str, problem: str) -> None:
            found.append(CatalogError(file, rid, fld, problem))

        def enum(kind: type[Any], key: str, value: Any) -> Any:
            try:
                return _enum(kind, value, file, rid, key)
            except CatalogError as exc:
                found.append(exc)
                return None

        def got(key: str) -> str:
            return f"got {_type_name(rec[key])} {rec[key]!r}"

        for key in _OBS_REQUIRED:
            if key not in rec:
                bad(key, "field is required")
            elif rec[key] in ("", None):
                bad(key, "is empty: fill it in")
        # a field of the wrong type is named once and its other checks left out
        text_keys = [
            key
            for key in (*_OBS_REQUIRED, "subject", "breakdown", "note", "review")
            if key != "value"
            and rec.get(key) != ""
            # period = 2020: a year
            and not (key == "period" and type(rec.get(key)) is int)
        ]
        wrong = _type_errors(rec, file, rid, text_keys)
        wrong += _control_errors(rec, file, rid)
        found.extend(wrong)
        wrong_type: set[str] = {e.field for e in wrong}
        for key in ("aspirational", "increment"):
            if key in rec and not isinstance(rec[key], bool):
                bad(key, f"expected true or false, {got(key)}")
        occurrence = 1
        if "figure_occurrence" in rec:
            k_raw = rec["figure_occurrence"]
            if isinstance(k_raw, int) and not isinstance(k_raw, bool) and k_raw >= 1:
                occurrence = k_raw
            else:
                bad("figure_occurrence", f"expected an integer ≥ 1, {got('figure_occurrence')}")
                wrong_type.add("figure_occurrence")
        subject = rec.get("subject")
        if not self.allow_drafts and isinstance(subject, str) and FILL_IN in subject:
            # a drafted part (其中…) asks for its subject
            bad(
                "subject",
                f"still holds the draft's placeholder {subject!r} from `regiondev extract`; "
                "name the part the figure is of (or remove the line if the figure is a whole "
                "of its own indicator)",
            )
        have = {
            k
            for k in _OBS_REQUIRED
            if k in rec and rec[k] not in ("", None) and k not in wrong_type
        }
        unknown = set(rec) - _OBS_KNOWN
        if unknown:
            bad(", ".join(sorted(unknown)), "unknown field")

        review = (
            None
            if "review" in wrong_type
            else enum(Review, "review", rec.get("review", "confirmed"))
        )
        if review is Review.DRAFT and not self.allow_drafts:
            bad(
                "review",
                "is a draft from `regiondev extract`; check it against the text, then set "
                'review = "confirmed"',
            )

        src: Source | None = None
        if "source" in have:
            try:
                src = self._cited_source(file, rid, rec["source"])
            except CatalogError as exc:
                found.append(exc)
            else:
                uses_broken = src is None
        region = enum(Region, "region", rec["region"]) if "region" in have else None
        status = enum(Status, "status", rec["status"]) if "status" in have else None
        bound = enum(Bound, "bound", rec["bound"]) if "bound" in have else None
        basis = enum(Basis, "basis", rec["basis"]) if "basis" in have else None

        ind: Indicator | None = None
        code = rec.get("indicator", "")
        if "indicator" in have:
            if str(code).startswith(PLACEHOLDER_PREFIX) and not (
                review is Review.DRAFT and self.allow_drafts
            ):
                bad(
                    "indicator",
                    f"{code!r} is a placeholder written by `regiondev extract`; replace it with "
                    "a real indicator code (a shipped one such as gdp, or your own defined in an "
                    f"[[indicator]] table under a code not starting with {PLACEHOLDER_PREFIX})",
                )
                ind = self.indicators.get(code)
            elif code in self.indicators:
                ind = self.indicators[code]
            elif f"indicator:{code}" in self.broken:
                uses_broken = True
            else:
                bad("indicator", f"unknown indicator {code!r}")

        unit = rec.get("unit", "")
        unit_ok = False
        if "unit" in have:
            if unit not in UNITS:
                bad("unit", f"unknown unit {unit!r}; known: {sorted(UNITS)}")
            elif ind is not None and unit != ind.unit:
                bad("unit", f"{unit!r} differs from indicator {code!r}'s unit {ind.unit!r}")
            else:
                unit_ok = True
        period: Period | None = None
        if "period" in have:
            try:
                period = Period.parse(str(rec["period"]))
            except ValueError as exc:
                bad("period", str(exc))
        value: Any = rec.get("value")
        value_ok = False
        if "value" in have:
            if isinstance(value, int) and not isinstance(value, bool) and abs(value) > _MAX_VALUE:
                bad("value", f"a number of {len(str(abs(value)))} digits is too large (over 1e300)")
            elif (
                not isinstance(value, int | float)
                or isinstance(value, bool)
                or not math.isfinite(value)
            ):
                bad("value", f"expected a finite number, got {value!r}")
            elif (
                ind is not None
                and unit == "percent"
                and (low_high := _PERCENT_RANGE.get(ind.measure)) is not None
                and not low_high[0] <= value <= low_high[1]
            ):
                lo, hi = low_high
                bad(
                    "value",
                    f"a {ind.measure.value} of {value:g} % is impossible (it lies in "
                    + (f"{lo:g}..{hi:g} %)" if hi != math.inf else f"{lo:g} % or above)"),
                )
            else:
                value_ok = True

        figure, quote = str(rec.get("figure", "")), str(rec.get("quote", ""))
        norm_quote, norm_figure = normalise_fragment(quote), normalise_fragment(figure)
        figure_in_quote = False
        parsed = None
        if "figure" in have and "quote" in have:
            if norm_figure not in norm_quote:
                bad("figure", f"{figure!r} does not occur in the quote")
            else:
                figure_in_quote = True
                try:
                    parsed = parse_figure(norm_figure)
                except FigureParseError as exc:
                    bad("figure", str(exc))
        if parsed is not None:
            if value_ok and not math.isclose(
                parsed.value, float(value), rel_tol=1e-9, abs_tol=1e-9
            ):
                bad("value", f"{value!r} but the figure {figure!r} reads {parsed.value:g}")
            parsed_unit = parsed.unit or (ind.unit if ind is not None else unit)
            if unit_ok and parsed_unit != unit and reads_as(unit) != parsed_unit:
                bad("unit", f"{unit!r} but the figure {figure!r} reads {parsed_unit!r}")
            if bound is not None and parsed.bound is not bound:
                bad(
                    "bound",
                    f"{bound.value!r} but the figure {figure!r} reads {parsed.bound.value!r}",
                )

        fstart = fend = qstart = -1
        if src is not None and src.path and "quote" in have:
            text = clean_text(src)
            hits = text.find(quote)
            name = Path(src.path).name
            if not hits:
                bad("quote", f"not found in {name} (after normalisation)")
            elif len(hits) > 1:
                bad("quote", f"occurs {len(hits)} times in {name}; lengthen it")
            elif figure_in_quote:
                occurrences = _all(norm_quote, norm_figure)
                k = occurrence
                if "figure_occurrence" in wrong_type:
                    pass  # named above
                elif len(occurrences) > 1 and "figure_occurrence" not in rec:
                    bad(
                        "figure",
                        f"occurs {len(occurrences)} times in the quote; set figure_occurrence",
                    )
                elif not 1 <= k <= len(occurrences):
                    bad("figure_occurrence", f"no occurrence {k}")
                else:
                    qstart = hits[0]
                    fstart = qstart + occurrences[k - 1]
                    fend = fstart + len(norm_figure)
                    run = text.in_damaged_run(fstart, fend)
                    if run is not None:
                        bad("figure", f"lies inside the damaged run {run.raw!r}; never use it")
        if src is not None and src.reliability is not None:
            self._outcome_checks(rec, src, status, period, bound, parsed, occurrence, bad)
        if (
            rec.get("increment") is True
            and ind is not None
            and ind.measure in (Measure.GROWTH_RATE, Measure.SHARE, Measure.RANK)
        ):
            bad(
                "increment",
                f"a {ind.measure.value} is no flow that adds up (新增 N is a number of things "
                "or an amount added over the period): remove increment",
            )
        relative_to = _relative_to(rec, period, ind, bad)
        if found or uses_broken:
            errors.extend(found)
            return None
        if (
            src is None
            or region is None
            or status is None
            or bound is None
            or basis is None
            or review is None
            or period is None
            or parsed is None
        ):  # pragma: no cover - each of these is None only with a problem found above
            raise AssertionError(f"{rid}: a field failed without a message")
        return Observation(
            id=rid,
            source=src.id,
            region=region,
            indicator=code,
            status=status,
            period=period,
            value=float(value),
            unit=unit,
            bound=bound,
            low=parsed.low,
            high=parsed.high,
            basis=basis,
            quote=norm_quote,
            figure=norm_figure,
            step=parsed.step,
            subject=str(rec.get("subject", "")),
            breakdown=str(rec.get("breakdown", "")),
            aspirational=bool(rec.get("aspirational", False)),
            increment=bool(rec.get("increment", False)),
            note=str(rec.get("note", "")),
            review=review,
            origin=file,
            relative_to=relative_to,
            figure_start=fstart,
            figure_end=fend,
            quote_start=qstart,
        )

    @staticmethod
    def _outcome_checks(
        rec: dict[str, Any],
        src: Source,
        status: Status | None,
        period: Period | None,
        bound: Bound | None,
        parsed: Any,
        occurrence: int,
        bad: Any,
    ) -> None:
        """An outcome record's own checks: published after its period, and no qualifier
        printed beside its figure left out of it."""
        problem = date_problem(period, src) if status is Status.ACTUAL and period else None
        if problem:
            bad("period", problem)
        if parsed is None or bound is None:
            return
        quote = normalise_fragment(str(rec["quote"]))
        figure = normalise_fragment(str(rec["figure"]))
        at = _all(quote, figure)
        if len(at) > 1 and "figure_occurrence" not in rec:
            bad("figure", f"occurs {len(at)} times in the quote; set figure_occurrence")
        elif 1 <= occurrence <= len(at) and (
            problem := qualifier_problem(quote, figure, at[occurrence - 1], bound)
        ):
            bad("bound", problem)


#: The largest number a record's value may be (a float holds up to ~1.8e308).
_MAX_VALUE = 10**300
#: What a percentage of each measure can be: a share of a whole 0..100 %, a growth rate no
#: less than a fall to nothing (-100 %).
_PERCENT_RANGE = {Measure.SHARE: (0.0, 100.0), Measure.GROWTH_RATE: (-100.0, math.inf)}


def _relative_to(
    rec: dict[str, Any],
    period: Period | None,
    ind: Indicator | None,
    bad: Callable[[str, str], None],
) -> Period | None:
    """``relative_to``: the earlier period a growth rate is measured from (比2019年增长12.7%).

    The same kind of period (a year, or the same months or quarters) in an earlier year, on a
    growth-rate indicator; anything else is an error naming the field.
    """
    if "relative_to" not in rec:
        return None
    raw = rec["relative_to"]
    if isinstance(raw, bool) or not isinstance(raw, str | int):
        bad("relative_to", f'expected a period such as "2019", got {raw!r}')
        return None
    try:
        base = Period.parse(str(raw))
    except ValueError as exc:
        bad("relative_to", str(exc))
        return None
    if ind is not None and ind.measure is not Measure.GROWTH_RATE:
        bad("relative_to", f"only a growth rate is relative to a period, not a {ind.measure}")
    if period is not None and (
        base.kind is not period.kind
        or (base.first, base.last) != (period.first, period.last)
        or base.kind in (PeriodKind.SPAN, PeriodKind.DATE)
        or base.end_year >= period.start_year
    ):
        bad(
            "relative_to",
            f"{base} must be the same kind of period as {period} in an earlier year "
            "(a year, or the same months or quarters)",
        )
    return base


def _all(haystack: str, needle: str) -> list[int]:
    out, at = [], haystack.find(needle)
    while at != -1:
        out.append(at)
        at = haystack.find(needle, at + 1)
    return out


def _load(paths: Sequence[Path], allow_drafts: bool, outcome_paths: Sequence[Path] = ()) -> Catalog:
    """Read every file (one that is missing or no valid TOML is one problem among the
    others), then raise every problem of every file at once."""
    loader = _Loader(allow_drafts=allow_drafts, outcome_files={str(p) for p in outcome_paths})
    for src in load_sources():
        loader.sources[src.id] = src
    for p in paths:
        if problem := regular_file_problem(p):
            if problem == "no such file":
                problem = "no such catalog file"
            loader.errors.append(CatalogError(str(p), "", "", problem))
            continue
        loader.read(p)
    cat = loader.finish()
    return replace(cat, files=tuple(str(p) for p in paths))


@cache
def _shipped(outcomes: bool = False) -> Catalog:
    files = shipped_files()
    extra = outcome_files() if outcomes else []
    return _load([*files, *extra], allow_drafts=False, outcome_paths=extra)


def _at_least(cat: Catalog, level: Reliability | str | None) -> Catalog:
    """The catalog without the outcome records below ``level`` (their ids in ``left_out``)."""
    if level is None:
        return cat
    floor = parse_reliability(level, "min_reliability", "") if isinstance(level, str) else level
    keep: list[Observation] = []
    drop: list[Observation] = []
    for o in cat.observations:
        rel = cat.reliability(o)
        (keep if rel is None or rel.at_least(floor) else drop).append(o)
    return replace(cat, observations=tuple(keep), left_out=tuple(o.id for o in drop))


def load_catalog(
    extra: Iterable[str | Path] = (),
    *,
    allow_drafts: bool = False,
    outcomes: bool = False,
    min_reliability: Reliability | str | None = None,
) -> Catalog:
    """The shipped catalog plus any user catalog files (validated the same way).

    ``outcomes=True`` adds the later official figures (regiondev/data/outcomes/) and their
    gaps; ``min_reliability`` leaves out outcome records whose source is less reliable than
    that level (official_bulletin > official_press > media_report > aggregator), naming their
    ids in ``Catalog.left_out``. The texts' own records have no reliability and always stay.
    ``extra`` is one file (a str or Path) or several; ParameterError for anything else.
    """
    extra_paths = _paths(extra)
    if not extra_paths and not allow_drafts:
        return _at_least(_shipped(outcomes), min_reliability)
    out = outcome_files() if outcomes else []
    cat = _load([*shipped_files(), *out, *extra_paths], allow_drafts, outcome_paths=out)
    return _at_least(cat, min_reliability)


def _paths(extra: Any) -> list[Path]:
    """User catalog files as Paths: one str or Path is one file, not a list of characters."""
    if isinstance(extra, str | os.PathLike):
        extra = [extra]
    try:
        items = list(extra)
    except TypeError:
        raise ParameterError(
            f"extra must be a catalog file path or a list of them, got {type(extra).__name__}"
        ) from None
    for p in items:
        if not isinstance(p, str | os.PathLike):
            raise ParameterError(
                f"extra must hold catalog file paths, got {type(p).__name__} {p!r:.60}"
            )
    return [Path(p) for p in items]


def catalog(
    extra: Iterable[str | Path] = (),
    *,
    outcomes: bool = False,
    min_reliability: Reliability | str | None = None,
) -> Any:
    """The catalog as a polars DataFrame (schema: CATALOG_SCHEMA)."""
    return load_catalog(extra, outcomes=outcomes, min_reliability=min_reliability).frame()
