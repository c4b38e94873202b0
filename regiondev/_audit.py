"""The number audit: every numeric token in every source text is cataloged, waived or unaccounted.

A figure token is *cataloged* when a catalog record's figure covers it; a date or period token
is cataloged when it lies inside the quote of a record (it is that figure's period). Tokens
inside a waiver's quote are *waived* with the waiver's reason. Anything else is *unaccounted*:
a figure the catalog has missed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from regiondev._catalog import Catalog, load_catalog
from regiondev._sources import clean_text
from regiondev.model import Source
from regiondev.numbers import TokenKind, scan

__all__ = ["AuditEntry", "AuditResult", "AuditStatus", "audit"]


class AuditStatus(StrEnum):
    CATALOGED = "cataloged"
    WAIVED = "waived"
    UNACCOUNTED = "unaccounted"


@dataclass(frozen=True, slots=True)
class AuditEntry:
    source: str
    start: int
    end: int
    token: str
    kind: TokenKind
    status: AuditStatus
    record_ids: tuple[str, ...]
    reason: str
    context: str


@dataclass(frozen=True)
class AuditResult:
    """Every token of every audited source, with its status."""

    entries: tuple[AuditEntry, ...]

    def unaccounted(self) -> tuple[AuditEntry, ...]:
        return tuple(e for e in self.entries if e.status is AuditStatus.UNACCOUNTED)

    def to_frame(self) -> Any:
        import polars as pl

        schema = {
            "source": pl.String,
            "start": pl.Int64,
            "end": pl.Int64,
            "token": pl.String,
            "kind": pl.String,
            "status": pl.String,
            "record_ids": pl.String,
            "reason": pl.String,
            "context": pl.String,
        }
        rows = [
            {
                "source": e.source,
                "start": e.start,
                "end": e.end,
                "token": e.token,
                "kind": e.kind.value,
                "status": e.status.value,
                "record_ids": ",".join(e.record_ids),
                "reason": e.reason,
                "context": e.context,
            }
            for e in self.entries
        ]
        return pl.DataFrame(rows, schema=schema, orient="row")

    def summary(self) -> Any:
        """Per source: tokens found, cataloged, waived, unaccounted."""
        import polars as pl

        counts: dict[str, Counter[str]] = {}
        for e in self.entries:
            counts.setdefault(e.source, Counter())[e.status.value] += 1
        rows = [
            {
                "source": s,
                "tokens": sum(c.values()),
                "cataloged": c["cataloged"],
                "waived": c["waived"],
                "unaccounted": c["unaccounted"],
            }
            for s, c in sorted(counts.items())
        ]
        return pl.DataFrame(rows)

    def to_markdown(self) -> str:
        lines = [
            "| source | tokens | cataloged | waived | unaccounted |",
            "|---|---:|---:|---:|---:|",
        ]
        for r in self.summary().iter_rows(named=True):
            lines.append(
                f"| {r['source']} | {r['tokens']} | {r['cataloged']} | {r['waived']} | "
                f"{r['unaccounted']} |"
            )
        return "\n".join(lines)


def _context(text: str, start: int, end: int, width: int = 12) -> str:
    a, b = max(0, start - width), min(len(text), end + width)
    return text[a:b].replace("\n", " ")


def audit_source(cat: Catalog, src: Source) -> list[AuditEntry]:
    """Audit one source text against the catalog."""
    text = clean_text(src)
    records = [o for o in cat.observations if o.source == src.id and o.figure_start >= 0]
    quote_spans = [(o.quote_start, o.quote_start + len(o.quote), o.id) for o in records]
    waivers = [w for w in cat.waivers if w.source == src.id]
    out = []
    for tok in scan(text.text):
        a, b = tok.start, tok.end
        ids = tuple(o.id for o in records if o.figure_start < b and a < o.figure_end)
        status, reason = AuditStatus.UNACCOUNTED, ""
        if ids:
            status, reason = AuditStatus.CATALOGED, "figure of the record"
        elif tok.kind in (TokenKind.DATE, TokenKind.PERIOD) and (
            ids := tuple(i for qa, qb, i in quote_spans if qa <= a and b <= qb)
        ):
            status, reason = AuditStatus.CATALOGED, "period or date inside the record's quote"
        else:
            for w in waivers:
                if w.start <= a and b <= w.end:
                    status, reason = AuditStatus.WAIVED, f"{w.category}: {w.reason}"
                    break
            else:
                run = text.in_damaged_run(a, b)
                if run is not None:
                    status = AuditStatus.WAIVED
                    reason = f"damaged: inside the byte-damaged run {run.raw!r}"
        out.append(
            AuditEntry(
                src.id, a, b, tok.text, tok.kind, status, ids, reason, _context(text.text, a, b)
            )
        )
    return out


def audit(cat: Catalog | None = None) -> AuditResult:
    """Audit every news source text in the catalog."""
    cat = cat if cat is not None else load_catalog()
    entries: list[AuditEntry] = []
    for src in sorted(cat.sources, key=lambda s: s.id):
        if src.path and src.kind == "news":
            entries.extend(audit_source(cat, src))
    return AuditResult(tuple(entries))
