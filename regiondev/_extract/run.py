"""Streaming, parallel extraction over many files, directories and JSONL documents.

``extract_many(inputs)`` yields ``(Document, DocClaims)`` in input order. Inputs are listed
first (names and sizes only), then read by worker processes in chunks; at most ``2 × jobs``
chunks are in flight, so memory stays flat however large the corpus. JSONL files are read a
line at a time by the parent and shipped to workers in chunks of lines.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from regiondev._extract.claims import Claim, DocClaims, extract_text
from regiondev._extract.reading import (
    JSONL_SUFFIXES,
    TEXT_SUFFIXES,
    Document,
    ExtractInputError,
    jsonl_lines,
    parse_jsonl_line,
    read_document,
)

__all__ = ["InputFailure", "InputSet", "extract_document", "extract_many", "list_inputs"]

CHUNK_BYTES = 4 * 1024 * 1024
CHUNK_FILES = 64
#: Below this many bytes of input, worker processes cost more than they save.
INLINE_BYTES = 2 * 1024 * 1024

Result = tuple[Document, DocClaims]


@dataclass(frozen=True, slots=True)
class InputFailure:
    """An input (file or JSONL line) that could not be read; ``message`` names it."""

    message: str


Outcome = Result | InputFailure


@dataclass(frozen=True, slots=True)
class InputSet:
    """The files to read: text/HTML files and JSONL files, with their total size in bytes."""

    files: tuple[Path, ...]
    jsonl: tuple[Path, ...]
    total_bytes: int
    #: Every path, text or JSONL, in the order given (directories expanded in place), with
    #: the paths that cannot be read among them.
    ordered: tuple[Path, ...] = ()
    #: Paths that cannot be read (missing, unreadable, a directory with no texts), each with
    #: its message: they come in the stream as failures where they were given.
    failed: tuple[tuple[Path, str], ...] = ()

    @property
    def count(self) -> int:
        return len(self.files) + len(self.jsonl)


def list_inputs(paths: Iterable[str | Path]) -> InputSet:
    """Expand directories (recursively: *.txt, *.html, *.htm) and note each file's size.

    A path that does not exist or cannot be read raises nothing here: it is kept in
    ``failed`` and comes in ``extract_many``'s stream as a failure at its place, so the other
    inputs are still extracted.
    """
    files: list[Path] = []
    jsonl: list[Path] = []
    ordered: list[Path] = []
    failed: list[tuple[Path, str]] = []
    total = 0
    for raw in paths:
        p = Path(raw)
        try:
            if p.is_dir():
                with os.scandir(p):  # an unreadable directory raises here, not in rglob
                    pass
                found = sorted(
                    q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in TEXT_SUFFIXES
                )
                if not found:
                    failed.append((p, f"{p}: directory holds no .txt, .html or .htm files"))
                    ordered.append(p)
                    continue
                sizes = [q.stat().st_size for q in found]
                files.extend(found)
                ordered.extend(found)
                total += sum(sizes)
            elif p.is_file():
                size = p.stat().st_size
                (jsonl if p.suffix.lower() in JSONL_SUFFIXES else files).append(p)
                ordered.append(p)
                total += size
            elif os.path.lexists(p):
                failed.append((p, f"{p}: not a regular file or directory"))
                ordered.append(p)
            else:
                failed.append((p, f"{p}: no such file or directory"))
                ordered.append(p)
        except OSError as exc:
            failed.append((p, f"{p}: cannot read: {exc.strerror or exc}"))
            ordered.append(p)
    return InputSet(tuple(files), tuple(jsonl), total, tuple(ordered), tuple(failed))


@dataclass(frozen=True, slots=True)
class _Options:
    date: str | None
    region: str | None
    keep_text: bool


def _title(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:120]
    return ""


def extract_document(
    doc: Document, *, date: str | None = None, region: str | None = None, keep_text: bool = True
) -> Result:
    """Extract one decoded document (its own date/region win over the defaults given)."""
    title = doc.title or _title(doc.text)
    result = extract_text(
        doc.text,
        source=doc.id,
        date=doc.date or date,
        region=doc.region or region,
        path=doc.path,
        title=title,
    )
    kept = replace(doc, title=title) if keep_text else replace(doc, text="", title=title)
    return kept, result


def _crashed(where: str, exc: BaseException) -> InputFailure:
    """An input whose extraction raised (a bug, or memory ran out): named, and the run goes on."""
    detail = str(exc).splitlines()[0][:200] if str(exc) else ""
    return InputFailure(
        f"{where}: could not be extracted ({type(exc).__name__}"
        + (f": {detail}" if detail else "")
        + "); the other inputs were; please report this input as a regiondev bug"
    )


def _extract_or_fail(doc: Document, opts: _Options) -> Outcome:
    try:
        return extract_document(doc, date=opts.date, region=opts.region, keep_text=opts.keep_text)
    except Exception as exc:
        return _crashed(doc.location or doc.id, exc)


def _run_files(paths: list[Path], opts: _Options) -> list[Outcome]:
    out: list[Outcome] = []
    for p in paths:
        try:
            doc = read_document(p)
        except ExtractInputError as exc:
            out.append(InputFailure(str(exc)))
            continue
        except Exception as exc:
            out.append(_crashed(str(p), exc))
            continue
        out.append(_extract_or_fail(doc, opts))
    return out


def _run_lines(path: str, lines: list[tuple[int, str]], opts: _Options) -> list[Outcome]:
    out: list[Outcome] = []
    for lineno, line in lines:
        try:
            doc = parse_jsonl_line(line, path, lineno)
        except ExtractInputError as exc:
            out.append(InputFailure(str(exc)))
            continue
        except Exception as exc:
            out.append(_crashed(f"{path}:{lineno}", exc))
            continue
        if doc is not None:
            out.append(_extract_or_fail(doc, opts))
    return out


def _fail(message: str, opts: _Options) -> list[Outcome]:
    return [InputFailure(message)]


def _tasks(inputs: InputSet) -> Iterator[tuple[Callable[..., list[Outcome]], tuple[object, ...]]]:
    batch: list[Path] = []
    size = 0
    jsonl = set(inputs.jsonl)
    failed = dict(inputs.failed)
    for p in inputs.ordered or (*inputs.files, *inputs.jsonl):
        if p in failed:
            if batch:  # the files given before it come first
                yield _run_files, (batch,)
                batch, size = [], 0
            yield _fail, (failed[p],)
            continue
        if p not in jsonl:
            batch.append(p)
            with suppress(OSError):  # gone since it was listed: read_document reports it
                size += p.stat().st_size
            if size >= CHUNK_BYTES or len(batch) >= CHUNK_FILES:
                yield _run_files, (batch,)
                batch, size = [], 0
            continue
        if batch:  # the text files given before this JSONL file come first
            yield _run_files, (batch,)
            batch, size = [], 0
        yield from _jsonl_tasks(p)
    if batch:
        yield _run_files, (batch,)


def _jsonl_tasks(jp: Path) -> Iterator[tuple[Callable[..., list[Outcome]], tuple[object, ...]]]:
    """Chunks of the lines of one JSONL file (a failure task if it cannot be read); a line
    that cannot be decoded is a failure at its place and the lines around it are read."""
    lines: list[tuple[int, str]] = []
    size = 0
    try:
        for lineno, line in jsonl_lines(jp):
            if isinstance(line, ExtractInputError):
                if lines:
                    yield _run_lines, (str(jp), lines)
                    lines, size = [], 0
                yield _fail, (str(line),)
                continue
            lines.append((lineno, line))
            size += len(line)
            if size >= CHUNK_BYTES // 3:  # characters, roughly a third of the bytes
                yield _run_lines, (str(jp), lines)
                lines, size = [], 0
    except ExtractInputError as exc:
        if lines:
            yield _run_lines, (str(jp), lines)
        yield _fail, (str(exc),)
        return
    if lines:
        yield _run_lines, (str(jp), lines)


# Across processes, claims travel as plain tuples: a named tuple pickles through Python-level
# __getnewargs__/__new__ calls, a plain tuple natively (about 3x cheaper each way); the parent
# turns them back into Claims with tuple.__new__ (no per-claim Python call).
Packed = list[tuple[Document, DocClaims, list[tuple[object, ...]]] | InputFailure]
_as_claim = partial(tuple.__new__, Claim)


def _run_packed(fn: Callable[..., list[Outcome]], *args: object) -> Packed:
    return [
        out
        if isinstance(out, InputFailure)
        else (out[0], replace(out[1], claims=()), list(map(tuple, out[1].claims)))
        for out in fn(*args)
    ]


def _unpack(packed: Packed) -> list[Outcome]:
    return [
        item
        if isinstance(item, InputFailure)
        else (item[0], replace(item[1], claims=tuple(map(_as_claim, item[2]))))
        for item in packed
    ]


def extract_many(
    inputs: InputSet | Iterable[str | Path],
    *,
    date: str | None = None,
    region: str | None = None,
    jobs: int | None = None,
    keep_text: bool = False,
    progress: Callable[[Result], None] | None = None,
    on_error: Callable[[str], None] | None = None,
) -> Iterator[Result]:
    """Extract every document of the inputs, in order, using ``jobs`` processes.

    ``jobs`` defaults to ``os.cpu_count()``; small inputs (under 2 MB) run in-process.
    ``keep_text`` keeps each document's text in the results (needed to write drafts).
    An input that cannot be read (missing or unreadable path, undecodable file, bad JSONL
    line) raises ``ExtractInputError`` where it comes in the stream; with ``on_error`` it is
    passed its message instead and the other inputs go on.
    """
    inset = inputs if isinstance(inputs, InputSet) else list_inputs(inputs)
    opts = _Options(date, region, keep_text)
    jobs = jobs or os.cpu_count() or 1

    def deliver(outcomes: list[Outcome]) -> Iterator[Result]:
        for out in outcomes:
            if isinstance(out, InputFailure):
                if on_error is None:
                    raise ExtractInputError(out.message)
                on_error(out.message)
                continue
            if progress:
                progress(out)
            yield out

    if jobs <= 1 or inset.total_bytes < INLINE_BYTES:
        for fn, args in _tasks(inset):
            yield from deliver(fn(*args, opts))
        return
    _warm_up()  # once here, not once in every worker: the workers are forked from this process
    ex = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init, initargs=(os.getpid(),))
    pending: deque[Future[Packed]] = deque()
    finished = False
    try:
        for fn, args in _tasks(inset):
            pending.append(ex.submit(_run_packed, fn, *args, opts))
            while len(pending) >= 2 * jobs:
                yield from deliver(_unpack(_result(pending.popleft())))
        while pending:
            yield from deliver(_unpack(_result(pending.popleft())))
        finished = True
    finally:
        if not finished:  # interrupted or failed: the workers end now, not after their chunk
            _terminate(ex)
        ex.shutdown(wait=True, cancel_futures=True)


#: A text that makes the extractor load what it loads on first use (OpenCC for the clean text
#: and the furniture words, the gazetteer's place pattern). Not cn2an: the standard numerals
#: of policy news are read without it, and a worker that meets another form loads it then.
_WARM_UP_TEXT = "发布时间：2023-01-05\n2022年，长沙市地区生产总值增长4.5%，补助三千元。\n"


def _warm_up() -> None:
    """Load, before the pool forks, what extraction loads lazily, so the workers share it
    instead of each loading it again (about a third of a second of CPU per worker)."""
    extract_text(_WARM_UP_TEXT, source="warm-up")


def _result(future: Future[Packed]) -> Packed:
    try:
        return future.result()
    except BrokenProcessPool:
        raise ExtractInputError(
            "a worker process died while extracting (out of memory, or killed); "
            "rerun with fewer --jobs"
        ) from None


def _terminate(ex: ProcessPoolExecutor) -> None:
    procs = list((getattr(ex, "_processes", None) or {}).values())
    for p in procs:
        with suppress(Exception):
            p.terminate()
    for p in procs:
        with suppress(Exception):
            p.join(timeout=2)
            if p.is_alive():
                p.kill()


#: prctl option: the signal the kernel sends a process when its parent dies (Linux).
_PR_SET_PDEATHSIG = 1


def _worker_init(parent: int) -> None:
    """A worker ends when its parent ends, however it ends, and holds none of its streams.

    On Linux the kernel kills the worker when the parent dies (``PR_SET_PDEATHSIG``), even by
    SIGKILL; a parent already gone before that is noticed at once. The worker's stdin, stdout
    and stderr point to /dev/null, so a caller reading the parent's output never waits on a
    worker. SIGINT is left to the parent (which ends the pool), SIGTERM ends the worker.
    """
    import signal
    import sys

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        with suppress(Exception):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        with suppress(OSError):
            os.dup2(devnull, fd)
    os.close(devnull)
