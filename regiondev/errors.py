"""Errors that name the file, the record and what was expected."""

from __future__ import annotations

__all__ = ["CatalogError", "CatalogErrors", "RegiondevError", "SourceError"]


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


#: How many validation errors a message lists before it counts the rest.
SHOWN_ERRORS = 25


class CatalogErrors(CatalogError):
    """Several records failed validation; each is listed (the first also sets the fields).

    Loading goes on past a bad record, so one run names every problem of a file of drafts.
    """

    def __init__(self, errors: list[CatalogError]) -> None:
        first = errors[0]
        super().__init__(first.file, first.record, first.field, first.problem)
        self.errors = tuple(errors)
        shown = errors[:SHOWN_ERRORS]
        lines = "\n".join(f"  - {e}" for e in shown)
        if len(errors) > len(shown):
            lines += f"\n  … and {len(errors) - len(shown)} more"
        self.args = (f"{len(errors)} catalog records failed validation:\n{lines}",)
