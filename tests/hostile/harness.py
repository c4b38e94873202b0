"""Running a command on hostile input and holding it to every promise at once.

For each case: exit code 2, exactly one line on stderr, starting ``error:`` and naming the
file (and record and field where they exist), no traceback anywhere, no file of the user's
changed (the tree is hashed before and after, the command's own output excluded), no process
left behind, and a time limit. Most cases run in-process (CliRunner, a SIGALRM limit);
those that need a real process (signals, pipes, the console script) run as subprocesses.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import pytest
from typer.testing import CliRunner

from regiondev.cli.app import app

runner = CliRunner()

#: What a case's setup gives: the command's arguments and the names its message must hold.
Setup = Callable[[Path], tuple[list[str], list[str]]]


@dataclass(frozen=True)
class Case:
    id: str
    kind: str
    setup: Setup
    #: Paths (relative to tmp_path) the command may write: left out of the tree hash.
    outputs: tuple[str, ...] = ()
    code: int = 2
    #: The helper whose part is not merged yet: the case is xfail until it is.
    owner: str = ""
    limit: float = 20.0
    subprocess: bool = False
    #: Besides the promises: more checks on (stdout, stderr).
    extra: Callable[[str, str], None] | None = field(default=None)


def tree_hash(root: Path, exclude: Sequence[str] = ()) -> dict[str, str]:
    """sha256 (or the link target, or the kind) of every entry under root, by relative path."""
    out: dict[str, str] = {}
    skip = [root / e for e in exclude]
    for dirpath, dirnames, filenames in os.walk(root):
        d = Path(dirpath)
        if any(d == s or s in d.parents for s in skip):
            continue
        for name in dirnames + filenames:
            p = d / name
            if any(p == s or s in p.parents for s in skip):
                continue
            rel = str(p.relative_to(root))
            st = p.lstat()
            if os.path.islink(p):
                out[rel] = "link:" + os.readlink(p)
            elif p.is_file() and not p.is_fifo():
                out[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
            else:
                out[rel] = f"mode:{st.st_mode:o}"
    return out


class CaseTimeout(Exception):
    pass


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise CaseTimeout(f"still running after {seconds} s")

    old = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _children() -> set[int]:
    return {p.pid for p in psutil.Process().children(recursive=True)}


def run_cli(args: list[str], *, limit: float, use_subprocess: bool) -> tuple[int, str, str]:
    if use_subprocess:
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "COLUMNS": "200"}
        proc = subprocess.run(
            [sys.executable, "-m", "regiondev", *args],
            capture_output=True,
            timeout=limit,
            env=env,
            stdin=subprocess.DEVNULL,
        )
        return (
            proc.returncode,
            proc.stdout.decode("utf-8", "replace"),
            proc.stderr.decode("utf-8", "replace"),
        )
    with time_limit(limit):
        result = runner.invoke(app, args)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        import traceback

        tb = "".join(traceback.format_exception(result.exception))
        return 1, result.stdout, result.stderr + "\nTraceback (in-process)\n" + tb
    return result.exit_code, result.stdout, result.stderr


def check_case(case: Case, tmp_path: Path) -> None:
    """Run the case and assert every promise (see the module docstring)."""
    work = tmp_path / "work"
    work.mkdir()
    args, names = case.setup(work)
    before = tree_hash(work, case.outputs)
    kids = _children()
    started = time.monotonic()
    code, out, err = run_cli(args, limit=case.limit, use_subprocess=case.subprocess)
    elapsed = time.monotonic() - started
    assert "Traceback" not in out + err, err[-2000:]
    if case.code == -1:  # either answer, clearly
        assert code in (0, 2), f"exit {code}, stderr: {err[-1000:]}"
    else:
        assert code == case.code, f"exit {code}, stderr: {err[-1000:]}"
    if code == 2:
        lines = [line for line in err.splitlines() if line.strip()]
        assert len(lines) == 1, f"expected one line on stderr, got {len(lines)}: {err[-1500:]}"
        assert lines[0].startswith("error: "), lines[0]
        for name in names:
            assert name in lines[0], f"{name!r} not named in: {lines[0]}"
        assert "\x1b" not in lines[0] and "\x00" not in lines[0]
    if case.extra is not None:
        case.extra(out, err)
    assert tree_hash(work, case.outputs) == before, "a file of the user's changed"
    assert elapsed < case.limit
    # no process left: none of ours beyond what was there before
    deadline = time.monotonic() + 3
    while (left := _children() - kids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not left, f"processes left: {left}"


def params(cases: Sequence[Case]) -> list[object]:
    out = []
    for c in cases:
        marks = []
        if c.owner:
            marks.append(
                pytest.mark.xfail(reason=f"owned by {c.owner}; remove when merged", strict=False)
            )
        out.append(pytest.param(c, id=f"{c.kind}-{c.id}", marks=marks))
    return out
