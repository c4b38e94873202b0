"""The source registry: the shipped texts, their sha256, and their clean text on demand."""

from __future__ import annotations

import hashlib
import tomllib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from regiondev._safe_io import read_user_bytes
from regiondev.errors import InputFileError, SourceError
from regiondev.model import Source
from regiondev.text import CleanText, clean, normalise_fragment

__all__ = ["clean_text", "get_source", "load_sources", "seed_path", "source_frame"]

_REQUIRED = ("id", "file", "sha256", "title", "outlet", "published", "region", "script")


def _data_dir() -> Path:
    return Path(str(resources.files("regiondev") / "data"))


def seed_path(file: str) -> Path:
    """Path of a shipped text inside the installed package."""
    return _data_dir() / "seeds" / file


def _source_from_record(rec: dict[str, Any], origin: str, base: Path | None) -> Source:
    missing = [k for k in ("id", "title", "outlet", "published") if not rec.get(k)]
    if missing:
        raise SourceError(f"{origin}: source {rec.get('id', '?')!r} lacks {', '.join(missing)}")
    path = ""
    if rec.get("file"):
        p = Path(rec["file"])
        if not p.is_absolute():
            p = (base / p) if base is not None else seed_path(rec["file"])
        path = str(p)
    return Source(
        id=rec["id"],
        title=rec["title"],
        outlet=rec["outlet"],
        published=str(rec["published"]),
        region=rec.get("region", ""),
        script=rec.get("script", "simplified"),
        path=path,
        sha256=rec.get("sha256", ""),
        url=rec.get("url", ""),
        date_evidence=rec.get("date_evidence", ""),
        event_date=str(rec.get("event_date", "")),
        reference_date=str(rec.get("reference_date", "")),
        kind=rec.get("kind", "news"),
    )


@cache
def load_sources() -> tuple[Source, ...]:
    """The shipped source registry, each file's sha256 verified."""
    registry = _data_dir() / "sources.toml"
    data = tomllib.loads(registry.read_text(encoding="utf-8"))
    out = []
    for rec in data.get("source", []):
        for key in _REQUIRED:
            if key not in rec:
                raise SourceError(f"{registry}: source {rec.get('id', '?')!r} lacks {key!r}")
        src = _source_from_record(rec, str(registry), None)
        verify(src)
        out.append(src)
    return tuple(out)


def verify(src: Source) -> None:
    """Fail clearly when a text is missing or differs from its recorded sha256."""
    if not src.path:
        return
    try:
        data = read_user_bytes(src.path)
    except InputFileError as exc:
        raise SourceError(f"source {src.id!r}: cannot read {exc}") from None
    if src.sha256:
        digest = hashlib.sha256(data).hexdigest()
        if digest != src.sha256:
            raise SourceError(
                f"source {src.id!r}: {src.path} has sha256 {digest}, expected {src.sha256}; "
                "the text was changed (clean at load time, never by editing the file)"
            )


def get_source(source_id: str, extra: tuple[Source, ...] = ()) -> Source:
    for src in (*load_sources(), *extra):
        if src.id == source_id:
            return src
    known = ", ".join(s.id for s in (*load_sources(), *extra))
    raise SourceError(f"unknown source {source_id!r}; known sources: {known}")


@cache
def _clean_file(path: str) -> CleanText:
    try:
        data = read_user_bytes(path)
    except InputFileError as exc:
        raise SourceError(str(exc)) from None
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(f"{path}: not UTF-8 at byte {exc.start}; use regiondev extract") from None
    return clean(raw.replace("\r\n", "\n").replace("\r", "\n") if "\r" in raw else raw)


def clean_text(src: Source) -> CleanText:
    """The clean text of a source (cached per file)."""
    if not src.path:
        raise SourceError(f"source {src.id!r} has no text file (an external source)")
    return _clean_file(src.path)


def source_frame(sources: tuple[Source, ...] | None = None) -> Any:
    """Sources as a polars DataFrame (id, path, sha256, title, outlet, published, …)."""
    import polars as pl

    rows = []
    for s in sources if sources is not None else load_sources():
        damaged = clean_text(s).damaged if s.path else ()
        rows.append(
            {
                "id": s.id,
                "kind": s.kind,
                "path": s.path,
                "sha256": s.sha256,
                "title": s.title,
                "title_simplified": normalise_fragment(s.title),
                "outlet": s.outlet,
                "published": s.published,
                "event_date": s.event_date,
                "date_evidence": s.date_evidence,
                "region": s.region,
                "script": s.script,
                "url": s.url,
                "damaged_runs": len(damaged),
                "damaged_at": "; ".join(
                    f"chars {d.clean_start}-{d.clean_end} ({d.raw!r})" for d in damaged
                ),
            }
        )
    return pl.DataFrame(rows)
