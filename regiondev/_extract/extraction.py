"""The library's extraction result: the claims of one or more texts, in the result protocol.

``extract(["a.txt", "folder/"])`` or ``extract(text="…")`` returns an ``Extraction``:
``to_frame()`` (one row per number: source, path and every claim field), ``to_markdown()``,
``_repr_html_()`` and a one-screen ``repr`` through the ``claims`` display view, like every
other result. Inputs that cannot be read raise ``ExtractInputError`` (a RegiondevError).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from regiondev._extract.claims import CLAIM_FIELDS, CLAIM_SCHEMA, DocClaims
from regiondev.results import TableResult

__all__ = ["Extraction", "extract"]


@dataclass(frozen=True, repr=False)
class Extraction(TableResult):
    """The claims of every document extracted, in input order."""

    documents: tuple[DocClaims, ...]
    title: str = "Numbers found in the texts"
    view: ClassVar[str] = "claims"

    def to_frame(self) -> Any:
        """One row per number: ``source``, ``path``, then every claim field (``CLAIM_SCHEMA``)."""
        import polars as pl

        schema: dict[str, Any] = {k: getattr(pl, v) for k, v in CLAIM_SCHEMA.items()}
        schema = {"source": schema.pop("source"), "path": pl.String, **schema}
        rows = [
            {
                "source": c.source,
                "path": doc.path,
                **dict(zip(CLAIM_FIELDS[1:], c[1:], strict=True)),
            }
            for doc in self.documents
            for c in doc.claims
        ]
        return pl.DataFrame(rows, schema=schema, orient="row")

    def summary_line(self) -> str:
        """``2 documents, 45 numbers: 38 claims, 7 set aside``."""
        docs = len(self.documents)
        numbers = sum(len(d.claims) for d in self.documents)
        kept = sum(len(d.kept) for d in self.documents)
        return (
            f"{docs} document{'s' if docs != 1 else ''}, {numbers} number"
            f"{'s' if numbers != 1 else ''}: {kept} claim{'s' if kept != 1 else ''}, "
            f"{numbers - kept} set aside"
        )


def extract(
    inputs: str | Path | Iterable[str | Path] = (),
    *,
    text: str | None = None,
    date: str | None = None,
    region: str | None = None,
    jobs: int | None = 1,
) -> Extraction:
    """Every number of the texts with what the text says about it (period, region, status…).

    ``inputs`` is a file, a folder or a JSONL file of ``{"id", "text"}`` (or several); ``text``
    extracts one text given as a string. ``date`` (YYYY-MM-DD) and ``region`` are defaults for
    texts that print none. ``jobs`` processes (1: in this process).
    """
    from regiondev._extract.claims import extract_text
    from regiondev._extract.run import extract_many
    from regiondev.errors import ParameterError

    if isinstance(inputs, str | Path):
        inputs = [inputs]
    paths = list(inputs)
    if text is None and not paths:
        raise ParameterError("extract needs input files, folders or text=")
    docs: list[DocClaims] = []
    if text is not None:
        if not isinstance(text, str):
            raise ParameterError(f"text must be a string, got {type(text).__name__}")
        docs.append(extract_text(text, date=date, region=region))
    if paths:
        docs.extend(
            claims for _, claims in extract_many(paths, date=date, region=region, jobs=jobs)
        )
    return Extraction(tuple(docs))
