"""Extractor throughput and memory, against a bare regex scan of the same corpus.

- Generates a corpus (default 100 MB) of ~1 MB UTF-8 files from the five seeds, paragraphs
  shuffled and digits perturbed, in a temporary directory.
- Baseline: read each file and run ``re.finditer(r"\\d+(?:\\.\\d+)?", text)`` over it, in
  one process — the floor no Python scanner can beat.
- Extractor: ``regiondev._extract.run.extract_many`` over the same files with all cores
  (and with one process, for reference). Target: ≥ 0.5 × the baseline's MB/s.
- Memory: peak RSS of a fresh process extracting a 10 MB and a 100 MB corpus (parent, and the
  largest worker), to show it stays flat as the corpus grows.

Usage: python benchmarks/bench_extract.py [--mb 100] [--jobs N]
Results are printed and written to benchmarks/results/extract.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "regiondev" / "data" / "seeds"
FILE_BYTES = 1_000_000


def generate(folder: Path, megabytes: float, seed: int = 7) -> int:
    """Write ~``megabytes`` MB of perturbed seed paragraphs; return the bytes written."""
    rng = random.Random(seed)
    paras = [
        line
        for p in sorted(SEEDS.glob("*.txt"))
        for line in p.read_text(encoding="utf-8").splitlines(keepends=True)
        if line.strip()
    ]
    folder.mkdir(parents=True, exist_ok=True)
    target = int(megabytes * 1_000_000)
    total, n = 0, 0
    while total < target:
        out: list[str] = []
        size = 0
        while size < FILE_BYTES:
            para = rng.choice(paras)
            para = re.sub(
                r"\d", lambda m: str(rng.randrange(10)) if rng.random() < 0.3 else m.group(0), para
            )
            out.append(para)
            size += len(para.encode("utf-8"))
        data = "".join(out).encode("utf-8")
        (folder / f"doc{n:05d}.txt").write_bytes(data)
        total += len(data)
        n += 1
    return total


def baseline(folder: Path) -> tuple[float, int]:
    """Seconds and match count of a bare single-regex scan (read + decode + finditer)."""
    pattern = re.compile(r"\d+(?:\.\d+)?")
    t0 = time.perf_counter()
    count = 0
    for p in sorted(folder.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        for _ in pattern.finditer(text):
            count += 1
    return time.perf_counter() - t0, count


def extractor(folder: Path, jobs: int) -> tuple[float, int]:
    from regiondev._extract.run import extract_many

    t0 = time.perf_counter()
    count = 0
    for _, res in extract_many([folder], jobs=jobs):
        count += len(res.claims)
    return time.perf_counter() - t0, count


def _child(folder: str, jobs: int) -> None:
    seconds, count = extractor(Path(folder), jobs)
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(
        json.dumps(
            {
                "seconds": seconds,
                "claims": count,
                "parent_rss_mb": self_kb / 1024,
                "worker_rss_mb": kids_kb / 1024,
            }
        )
    )


def peak_rss(folder: Path, jobs: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(folder), "--jobs", str(jobs)],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=100.0, help="corpus size in MB (default 100)")
    ap.add_argument("--small-mb", type=float, default=10.0, help="the small corpus for RSS")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "extract.json")
    args = ap.parse_args()
    if args.child:
        _child(args.child, args.jobs)
        return
    with tempfile.TemporaryDirectory() as tmp:
        big, small = Path(tmp) / "big", Path(tmp) / "small"
        big_bytes = generate(big, args.mb)
        small_bytes = generate(small, args.small_mb, seed=8)
        mb = big_bytes / 1e6
        base_s, base_n = baseline(big)
        base_s2, _ = baseline(big)  # warm cache; keep the faster
        base_s = min(base_s, base_s2)
        ext_s, ext_n = extractor(big, args.jobs)
        one_s, _ = extractor(small, 1)
        rss_small = peak_rss(small, args.jobs)
        rss_big = peak_rss(big, args.jobs)
    result = {
        "corpus_mb": round(mb, 1),
        "files": len(range(0, big_bytes, FILE_BYTES)),
        "cpus": os.cpu_count(),
        "jobs": args.jobs,
        "baseline_mb_s": round(mb / base_s, 2),
        "baseline_matches": base_n,
        "extract_mb_s": round(mb / ext_s, 2),
        "extract_numbers": ext_n,
        "extract_one_process_mb_s": round(small_bytes / 1e6 / one_s, 2),
        "ratio_to_baseline": round(base_s / ext_s, 3),
        "target_ratio": 0.5,
        "rss_mb": {
            f"{args.small_mb:g} MB": {
                k: round(v, 1) for k, v in rss_small.items() if k.endswith("rss_mb")
            },
            f"{args.mb:g} MB": {k: round(v, 1) for k, v in rss_big.items() if k.endswith("rss_mb")},
        },
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    rows = [
        ("corpus", f"{result['corpus_mb']} MB, {args.jobs} jobs on {os.cpu_count()} cpus"),
        ("bare regex scan", f"{result['baseline_mb_s']} MB/s"),
        ("extract (all cores)", f"{result['extract_mb_s']} MB/s"),
        ("extract (1 process)", f"{result['extract_one_process_mb_s']} MB/s"),
        ("ratio (target ≥ 0.5)", f"{result['ratio_to_baseline']}"),
    ]
    for size, rss in result["rss_mb"].items():
        rows.append(
            (
                f"peak RSS at {size}",
                f"parent {rss['parent_rss_mb']} MB, largest worker {rss['worker_rss_mb']} MB",
            )
        )
    width = max(len(r[0]) for r in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
