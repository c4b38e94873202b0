"""Start-up and report benchmarks, as ratios measured in one run.

- ``import regiondev`` against ``python -c "import polars"`` (target: ≤ 1.20×)
- ``regiondev --help`` against ``python -c "import typer"`` (target: ≤ 1.50×)
- ``regiondev report`` end to end, English and ``--lang zh`` (target: < 5 s on a 2-core
  machine), warm (median of 3 after a warm-up run) and cold (the first run after the
  package's bytecode was removed)

Each command runs in a fresh interpreter; the median of N runs is reported, with the CPU
time (user + system) of the same runs, which a machine shared with other jobs inflates less
than the wall clock. Results are printed and written to benchmarks/results/cli.json.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 7
ROOT = Path(__file__).resolve().parent.parent


def _run(cmd: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system of the child) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, capture_output=True, check=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _median_seconds(
    cmd: list[str], runs: int = RUNS, cpu: dict[str, float] | None = None, key: str = ""
) -> float:
    subprocess.run(cmd, capture_output=True, check=True)  # warm the file cache
    walls, cpus = [], []
    for _ in range(runs):
        wall, used = _run(cmd)
        walls.append(wall)
        cpus.append(used)
    if cpu is not None:
        cpu[key] = statistics.median(cpus)
    return statistics.median(walls)


def _cold(cmd: list[str]) -> tuple[float, float]:
    """One run after the package's bytecode is gone (every module compiled again)."""
    for cache in (ROOT / "regiondev").rglob("__pycache__"):
        shutil.rmtree(cache, ignore_errors=True)
    return _run(cmd)


def main() -> None:
    py = sys.executable
    exe = str(Path(py).with_name("regiondev"))
    results: dict[str, float] = {}
    results["python_baseline_s"] = _median_seconds([py, "-c", "pass"])
    results["import_polars_s"] = _median_seconds([py, "-c", "import polars"])
    results["import_regiondev_s"] = _median_seconds([py, "-c", "import regiondev"])
    results["import_typer_s"] = _median_seconds([py, "-c", "import typer"])
    results["help_s"] = _median_seconds([exe, "--help"])
    cpu: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        en = [exe, "report", "--out", str(Path(tmp) / "r"), "--force"]
        zh = [exe, "report", "--out", str(Path(tmp) / "zh"), "--force", "--lang", "zh"]
        results["report_cold_s"], cpu["report_cold_cpu_s"] = _cold(en)
        results["report_s"] = _median_seconds(en, runs=3, cpu=cpu, key="report_cpu_s")
        results["report_zh_cold_s"], cpu["report_zh_cold_cpu_s"] = _cold(zh)
        results["report_zh_s"] = _median_seconds(zh, runs=3, cpu=cpu, key="report_zh_cpu_s")
    results.update(cpu)
    results["load_average_1min"] = os.getloadavg()[0]
    results["import_ratio_vs_polars"] = results["import_regiondev_s"] / results["import_polars_s"]
    results["help_ratio_vs_typer"] = results["help_s"] / results["import_typer_s"]
    targets = {
        "import_ratio_vs_polars": 1.20,
        "help_ratio_vs_typer": 1.50,
        "report_s": 5.0,
        "report_cold_s": 5.0,
        "report_zh_s": 5.0,
        "report_zh_cold_s": 5.0,
    }
    print(f"{'measure':28} {'value':>9}  target")
    for key, value in results.items():
        target = f"≤ {targets[key]}" if key in targets else ""
        ok = "" if key not in targets else ("ok" if value <= targets[key] else "MISSED")
        print(f"{key:28} {value:9.3f}  {target} {ok}")
    out = Path(__file__).parent / "results" / "cli.json"
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
