"""Errors that name the file, the record and what was expected."""

from __future__ import annotations

from collections import Counter

__all__ = [
    "FIELD_SUMMARY_FROM",
    "CatalogError",
    "CatalogErrors",
    "InputFileError",
    "OutputError",
    "ParameterError",
    "PeriodError",
    "RegiondevError",
    "SourceError",
    "UnknownRecordError",
]


class RegiondevError(Exception):
    """Base class: every error regiondev raises on bad input."""


class InputFileError(RegiondevError):
    """A file the user named cannot be read as input: missing, not a regular file (a FIFO,
    a device, a folder), too large, or not decodable. The message names the file."""

    def __init__(self, file: str, problem: str) -> None:
        self.file, self.problem = file, problem
        super().__init__(f"{file}: {problem}")


class OutputError(RegiondevError):
    """An output path cannot be written safely (read-only folder, a path under a regular
    file, a symlink, one of the inputs, a user file --force may not replace)."""


class PeriodError(RegiondevError, ValueError):
    """A period's text is not one regiondev reads (``Period.parse``); also a ValueError."""


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


#: From this many problems on, the message closes with a count of the problems by field.
FIELD_SUMMARY_FROM = 25


class CatalogErrors(CatalogError):
    """Several problems failed validation; every one is listed (the first also sets the fields).

    Loading goes on past a bad record (and past a file that is no valid TOML), so one run
    names every problem of every file. The message's header counts the problems and, when a
    record has several, the records; from ``FIELD_SUMMARY_FROM`` problems on, a last line
    counts them by field.
    """

    def __init__(self, errors: list[CatalogError]) -> None:
        if not errors:
            raise ValueError("CatalogErrors needs at least one error")
        first = errors[0]
        super().__init__(first.file, first.record, first.field, first.problem)
        self.errors = tuple(errors)
        records = {(e.file, e.record) for e in errors}
        if len(records) == len(errors):
            header = f"{len(errors)} catalog records failed validation:"
        else:  # several problems of one record
            header = f"{len(errors)} problems in {len(records)} catalog records failed validation:"
        lines = [f"  - {e}" for e in errors]
        if len(errors) >= FIELD_SUMMARY_FROM:
            fields = Counter(e.field or "(file)" for e in errors)
            lines.append("  by field: " + ", ".join(f"{f} {n}" for f, n in fields.most_common()))
        self.args = (header + "\n" + "\n".join(lines),)


class ParameterError(RegiondevError, ValueError):
    """A bad argument to a library function or CLI option (also a ValueError, as before)."""


class UnknownRecordError(RegiondevError, KeyError):
    """No record with that id in the catalog (also a KeyError)."""
