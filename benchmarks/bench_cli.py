"""Start-up and report benchmarks, as ratios measured in one run.

- ``import regiondev`` against ``python -c "import polars"`` (target: ≤ 1.20×)
- ``regiondev --help`` against ``python -c "import typer"`` (target: ≤ 1.50×)
- ``regiondev report`` end to end (target: < 5 s on a 2-core machine)

Each command runs in a fresh interpreter; the median of N runs is reported. Results are
printed and written to benchmarks/results/cli.json.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 7


def _median_seconds(cmd: list[str], runs: int = RUNS) -> float:
    subprocess.run(cmd, capture_output=True, check=True)  # warm the file cache
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    py = sys.executable
    exe = str(Path(py).with_name("regiondev"))
    results: dict[str, float] = {}
    results["python_baseline_s"] = _median_seconds([py, "-c", "pass"])
    results["import_polars_s"] = _median_seconds([py, "-c", "import polars"])
    results["import_regiondev_s"] = _median_seconds([py, "-c", "import regiondev"])
    results["import_typer_s"] = _median_seconds([py, "-c", "import typer"])
    results["help_s"] = _median_seconds([exe, "--help"])
    with tempfile.TemporaryDirectory() as tmp:
        results["report_s"] = _median_seconds(
            [exe, "report", "--out", str(Path(tmp) / "r"), "--force"], runs=3
        )
    results["import_ratio_vs_polars"] = results["import_regiondev_s"] / results["import_polars_s"]
    results["help_ratio_vs_typer"] = results["help_s"] / results["import_typer_s"]
    targets = {
        "import_ratio_vs_polars": 1.20,
        "help_ratio_vs_typer": 1.50,
        "report_s": 5.0,
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
