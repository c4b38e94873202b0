"""The benchmarks run end to end on a tiny corpus (speed is measured there, not here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(script: str, *args: str) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *args],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_extract_benchmark_writes_its_figures(tmp_path: Path) -> None:
    out = tmp_path / "extract.json"
    _run("bench_extract.py", "--mb", "0.3", "--small-mb", "0.2", "--out", str(out))
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["target_ratio"] == 0.5
    assert result["extract_numbers"] > 0
    # the same corpus: the extractor's numbers are of the order of the bare regex's matches
    assert 0.5 < result["extract_numbers"] / result["baseline_matches"] < 1.5
    assert set(result["rss_mb"]) == {"0.2 MB", "0.3 MB"}


def test_floor_benchmark_matches_re_and_writes_its_figures(tmp_path: Path) -> None:
    out = tmp_path / "floor.json"
    # the benchmark exits non-zero if its columnar matches differ from re.finditer
    _run("bench_extract_floor.py", "--mb", "0.3", "--out", str(out))
    result = json.loads(out.read_text(encoding="utf-8"))
    passes = result["passes_core_ms_per_mb"]
    assert len(passes) == 8
    assert abs(result["floor_core_ms_per_mb"] - sum(passes.values())) < 0.1
    assert result["tokens"] > result["distinct_tokens"] > 0


def test_ab_benchmark_times_two_trees_alike() -> None:
    # the same tree twice: the same claims, and both rows reported
    out = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "bench_extract_ab.py"),
            str(ROOT),
            str(ROOT),
            "--mb",
            "0.3",
            "--jobs",
            "1",
            "--rounds",
            "1",
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    ).stdout
    claims = {line.rsplit(" ", 1)[-1] for line in out.splitlines() if line.startswith("round")}
    assert len(claims) == 1 and int(claims.pop()) > 0
    assert "after/before" in out
