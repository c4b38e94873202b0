"""Errors that name the file, the record and what was expected."""

from __future__ import annotations

__all__ = ["CatalogError", "RegiondevError", "SourceError"]


class RegiondevError(Exception):
    """Base class: every error regiondev raises on bad input."""


class SourceError(RegiondevError):
    """A source text is missing, changed (sha256) or undecodable."""


class CatalogError(RegiondevError):
    """A catalog record failed validation; the message names file, record id and field."""

    def __init__(self, file: str, record: str, field: str, problem: str) -> None:
        self.file, self.record, self.field, self.problem = file, record, field, problem
        where = f"{file}: record {record!r}" if record else file
        if field:
            where += f", field {field!r}"
        super().__init__(f"{where}: {problem}")
