"""Measured accuracy of the extractor on the seeds, against the curated catalog.

A cataloged figure is *found* when a claim that is not set aside has the same value, unit and
bound and overlaps the record's figure span in the clean text. Recall = found / cataloged;
precision = kept claims matching a cataloged record / kept claims. For matched pairs the
status, period and region cues are compared with the record too (how often a reviewer will
have to correct them).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from regiondev._catalog import Catalog, load_catalog
from regiondev._extract.claims import Claim, DocClaims, extract_text
from regiondev.model import Observation, Source
from regiondev.numbers import reads_as
from regiondev.results import TableResult, frame_to_html

__all__ = [
    "ACCURACY_SCHEMA",
    "ExtractAccuracy",
    "accuracy",
    "accuracy_result",
    "extract_source",
]

ACCURACY_SCHEMA: dict[str, str] = {
    "source": "String",
    "cataloged": "Int64",
    "found": "Int64",
    "recall": "Float64",
    "claims": "Int64",
    "matching_claims": "Int64",
    "precision": "Float64",
    "set_aside": "Int64",
    "status_agrees": "Float64",
    "period_agrees": "Float64",
    "region_agrees": "Float64",
    "missed": "String",
}


def _source_date(src: Source) -> str:
    for d in (src.event_date, src.published, src.reference_date):
        if d and d != "undated":
            return d
    return ""


def extract_source(src: Source) -> DocClaims:
    """Extract a registered source text, with its known date and region."""
    raw = Path(src.path).read_text(encoding="utf-8")
    return extract_text(
        raw, source=src.id, date=_source_date(src), region=src.region or None, path=src.path
    )


def _matches(c: Claim, o: Observation) -> bool:
    if c.set_aside_reason or c.token_kind != "figure" or c.value is None:
        return False
    if not (c.start < o.figure_end and o.figure_start < c.end):
        return False
    if not math.isclose(c.value, o.value, rel_tol=1e-9, abs_tol=1e-9):
        return False
    # a record may state a unit the reader never chooses (platforms for 家): compare with the
    # unit its figure reads
    return (c.unit in (o.unit, reads_as(o.unit)) or c.unit == "") and c.bound == o.bound.value


def _share(hits: int, total: int) -> float | None:
    """A share, or None (null, never NaN) when there is nothing to share."""
    return hits / total if total else None


@dataclass(frozen=True)
class ExtractAccuracy(TableResult):
    """Per-source recall and precision rows plus a total row (source = "all")."""

    rows: tuple[dict[str, Any], ...]
    title: str = "Extractor accuracy on the seeds"

    def to_frame(self) -> Any:
        import polars as pl

        schema = {k: getattr(pl, v) for k, v in ACCURACY_SCHEMA.items()}
        return pl.DataFrame(list(self.rows), schema=schema, orient="row")

    def total(self) -> dict[str, Any]:
        return self.rows[-1]

    def _repr_html_(self) -> str:
        return frame_to_html(self.to_frame(), caption=self.title)


def accuracy(cat: Catalog | None = None, sources: list[str] | None = None) -> Any:
    """Recall and precision per seed plus a total row (source = "all"), as a polars frame.

    Columns: ACCURACY_SCHEMA. ``accuracy_result()`` gives the same as a result object.
    """
    return accuracy_result(cat, sources).to_frame()


def accuracy_result(
    cat: Catalog | None = None, sources: list[str] | None = None
) -> ExtractAccuracy:
    """Recall and precision of ``extract`` on every news source text in the catalog."""
    cat = cat if cat is not None else load_catalog()
    rows: list[dict[str, Any]] = []
    totals = dict.fromkeys(
        ("cataloged", "found", "claims", "matching", "set_aside", "st", "pe", "re", "pairs"), 0
    )
    missed_all: list[str] = []
    for src in sorted(cat.sources, key=lambda s: s.id):
        if not src.path or src.kind != "news" or (sources and src.id not in sources):
            continue
        doc = extract_source(src)
        records = [o for o in cat.observations if o.source == src.id and o.figure_start >= 0]
        kept = doc.kept
        found = 0
        missed = []
        st = pe = re_ = pairs = 0
        for o in records:
            hit = next((c for c in kept if _matches(c, o)), None)
            if hit is None:
                missed.append(o.id)
                continue
            found += 1
            pairs += 1
            st += hit.status == o.status.value
            pe += hit.period == str(o.period)
            re_ += hit.region == o.region.value
        matching = sum(
            1 for c in kept if c.token_kind == "figure" and any(_matches(c, o) for o in records)
        )
        figures = [c for c in kept if c.token_kind == "figure"]
        set_aside = len(doc.claims) - len(kept)
        row = {
            "source": src.id,
            "cataloged": len(records),
            "found": found,
            "recall": _share(found, len(records)),
            "claims": len(figures),
            "matching_claims": matching,
            "precision": _share(matching, len(figures)),
            "set_aside": set_aside,
            "status_agrees": _share(st, pairs),
            "period_agrees": _share(pe, pairs),
            "region_agrees": _share(re_, pairs),
            "missed": ", ".join(missed),
        }
        rows.append(row)
        for key, val in (
            ("cataloged", len(records)),
            ("found", found),
            ("claims", len(figures)),
            ("matching", matching),
            ("set_aside", set_aside),
            ("st", st),
            ("pe", pe),
            ("re", re_),
            ("pairs", pairs),
        ):
            totals[key] += val
        missed_all.extend(missed)
    rows.append(
        {
            "source": "all",
            "cataloged": totals["cataloged"],
            "found": totals["found"],
            "recall": _share(totals["found"], totals["cataloged"]),
            "claims": totals["claims"],
            "matching_claims": totals["matching"],
            "precision": _share(totals["matching"], totals["claims"]),
            "set_aside": totals["set_aside"],
            "status_agrees": _share(totals["st"], totals["pairs"]),
            "period_agrees": _share(totals["pe"], totals["pairs"]),
            "region_agrees": _share(totals["re"], totals["pairs"]),
            "missed": ", ".join(missed_all),
        }
    )
    return ExtractAccuracy(tuple(rows))
