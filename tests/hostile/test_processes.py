"""Killing extract while its worker pool runs leaves no worker and no open stdout; an input
that raises inside a worker is one named failure, the others' output intact."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from regiondev._extract import run as run_module
from regiondev._extract.run import extract_many

TEXT = "株洲市2021年地区生产总值增长8.5%，规模工业增加值增长9.1%。\n" * 3000


def _corpus(folder: Path, files: int = 4, copies: int = 4) -> None:
    folder.mkdir()
    for i in range(files):
        (folder / f"t{i}.txt").write_text(TEXT * copies, encoding="utf-8")


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_killing_extract_leaves_no_worker_and_frees_stdout(tmp_path: Path, sig: int) -> None:
    corpus = tmp_path / "corpus"
    _corpus(corpus)  # 4 × ~1.4 MB: above the in-process limit, so a pool runs
    proc = subprocess.Popen(
        [sys.executable, "-m", "regiondev", "extract", str(corpus), "-j", "2", "-q", "-f", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
    )
    parent = psutil.Process(proc.pid)
    deadline = time.monotonic() + 30
    workers: list[psutil.Process] = []
    while time.monotonic() < deadline and len(workers) < 2:
        workers = parent.children(recursive=True)
        time.sleep(0.05)
    assert workers, "no worker pool started"
    os.kill(proc.pid, sig)
    assert proc.stdout is not None
    started = time.monotonic()
    proc.stdout.read()  # returns only when no process holds the pipe's write end
    assert time.monotonic() - started < 10
    proc.wait(timeout=10)
    _gone, alive = psutil.wait_procs(workers, timeout=5)
    assert not alive, f"workers left: {[p.pid for p in alive]}"


def test_an_input_that_raises_in_a_worker_is_one_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    _corpus(corpus, files=3, copies=1)
    (corpus / "t1.txt").write_text("BOOM " + TEXT, encoding="utf-8")
    monkeypatch.setattr(run_module, "INLINE_BYTES", 0)  # a pool even for small inputs
    real = run_module.extract_text

    def explode(text: str, **kw: object) -> object:
        if text.startswith("BOOM"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(text, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(run_module, "extract_text", explode)  # fork: workers inherit it
    failures: list[str] = []
    docs = [d.id for d, _ in extract_many([corpus], jobs=2, on_error=failures.append)]
    assert docs == ["t0", "t2"]
    assert len(failures) == 1 and "t1.txt" in failures[0] and "RecursionError" in failures[0]
