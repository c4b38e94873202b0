"""Reading the files a user names: regular files only, bounded, decoded, parsed safely.

Every file regiondev reads on a user's word (a catalog, a rule file, a ``[[source]]`` text,
an extract input) enters through here, so one place guarantees what each reader needs:

- only a regular file is read: a FIFO, a device (``/dev/zero``), a folder or a socket is
  refused by name before a byte is read (opened non-blocking, so a FIFO never hangs);
- at most ``limit`` bytes are read (a file that grows, or a ``/proc`` file reporting size 0,
  is cut off and refused, never read until memory runs out);
- text is UTF-8 with or without a byte-order mark;
- TOML that nests too deeply, holds an integer beyond Python's digit limit or is no TOML at
  all is one :class:`InputFileError` naming the file, never a RecursionError or ValueError.

Every failure is an :class:`~regiondev.errors.InputFileError` carrying ``file`` and
``problem``; callers that report in their own error type (a catalog's CatalogError, a rule
file's RuleError) convert it with both.
"""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path
from typing import Any

from regiondev.errors import InputFileError

__all__ = [
    "MAX_TEXT_BYTES",
    "MAX_TOML_BYTES",
    "decode_utf8",
    "load_toml",
    "read_user_bytes",
    "read_user_text",
    "regular_file_problem",
]

#: A catalog or rule file larger than this is refused (the shipped catalog is ~0.3 MB).
MAX_TOML_BYTES = 64 * 1024 * 1024
#: A text read whole (a source, an extract input) larger than this is refused; JSONL files are
#: streamed a line at a time and have no total limit.
MAX_TEXT_BYTES = 512 * 1024 * 1024

_KINDS = (
    (stat.S_ISDIR, "is a directory, not a file"),
    (stat.S_ISFIFO, "is a FIFO (named pipe), not a regular file"),
    (stat.S_ISCHR, "is a character device, not a regular file"),
    (stat.S_ISBLK, "is a block device, not a regular file"),
    (stat.S_ISSOCK, "is a socket, not a regular file"),
)


def _kind_problem(mode: int) -> str:
    for test, problem in _KINDS:
        if test(mode):
            return problem
    return "" if stat.S_ISREG(mode) else "is not a regular file"


def _os_problem(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "is a directory, not a file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, NotADirectoryError):
        return "a folder on its path is a file"
    return f"cannot read: {exc.strerror or exc}"


def regular_file_problem(path: str | Path) -> str:
    """Why ``path`` cannot be read as a regular file ("" when it can); follows symlinks."""
    try:
        st = os.stat(path)
    except OSError as exc:
        return _os_problem(exc)
    except ValueError:  # a NUL in the path
        return "is no valid path (it holds a NUL character)"
    return _kind_problem(st.st_mode)


def read_user_bytes(path: str | Path, *, limit: int = MAX_TEXT_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; InputFileError otherwise."""
    file = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputFileError(file, _os_problem(exc)) from None
    except ValueError:
        raise InputFileError(file, "is no valid path (it holds a NUL character)") from None
    try:
        st = os.fstat(fd)
        if problem := _kind_problem(st.st_mode):
            raise InputFileError(file, problem)
        if st.st_size > limit:
            raise InputFileError(file, f"is {st.st_size:,} bytes; the limit is {limit:,}")
        os.set_blocking(fd, True)
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise InputFileError(file, f"holds more than {limit:,} bytes (the limit)")
        return b"".join(chunks)
    except OSError as exc:
        raise InputFileError(file, _os_problem(exc)) from None
    finally:
        os.close(fd)


def decode_utf8(data: bytes, file: str) -> str:
    """UTF-8 text with or without a byte-order mark, line ends as ``Path.read_text`` gives."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError(file, f"not UTF-8 (byte {exc.start})") from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def read_user_text(path: str | Path, *, limit: int = MAX_TEXT_BYTES) -> str:
    """A regular UTF-8 file's text (BOM dropped, line ends normalised)."""
    return decode_utf8(read_user_bytes(path, limit=limit), str(path))


def load_toml(path: str | Path, *, limit: int = MAX_TOML_BYTES) -> dict[str, Any]:
    """A TOML file as a dict; any reason it cannot be one is an InputFileError naming it."""
    file = str(path)
    text = read_user_text(path, limit=limit)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputFileError(file, f"not valid TOML: {exc}") from None
    except RecursionError:
        raise InputFileError(file, "not valid TOML: nested too deeply") from None
    except ValueError as exc:  # an integer beyond Python's digit limit, say
        raise InputFileError(file, f"not valid TOML: {str(exc).splitlines()[0]}") from None
