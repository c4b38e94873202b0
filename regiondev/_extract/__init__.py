"""Extraction: turn a new Chinese policy text into draft catalog records (issue 7).

``extract_file(path)`` / ``extract_text(raw)`` list every numeric claim with its cues;
``extract_many(inputs, jobs=...)`` streams a corpus over all cores; ``write_drafts`` writes
claims as draft catalog TOML; ``accuracy()`` measures recall and precision on the seeds.
Submodules import lazily; nothing heavy is imported here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from regiondev._extract.claims import DocClaims

__all__ = [
    "extract_file",
]


def extract_file(path: str, *, date: str | None = None, region: str | None = None) -> DocClaims:
    """Read (any encoding, HTML or text) and extract one file."""
    from regiondev._extract.reading import read_document
    from regiondev._extract.run import extract_document

    return extract_document(read_document(path), date=date, region=region)[1]


def __getattr__(name: str) -> Any:
    import importlib

    for mod in ("claims", "reading", "run", "drafts", "accuracy"):
        module = importlib.import_module(f"regiondev._extract.{mod}")
        if name in getattr(module, "__all__", ()):
            return getattr(module, name)
    raise AttributeError(f"module 'regiondev._extract' has no attribute {name!r}")
