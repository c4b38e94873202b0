"""Compare the extractor's throughput of two code trees in the same run, alternately.

On a shared machine timings drift by tens of percent between runs, so a before/after claim
needs both trees timed under the same load. This generates one corpus (as
``bench_extract.py`` does), then for each round runs, in turn for each tree: the bare regex
scan (in this process), and ``extract_many`` in a fresh process with the tree first on
``sys.path``. It reports per tree the median over rounds of

- the ratio to the bare regex timed just before it (what ``bench_extract.py`` reports),
- the extractor's CPU seconds per MB (user + system of the process, after its imports, and
  of its workers, which start and warm up during the run: less
  sensitive to other users of the machine than the wall clock), and the CPU ratio: the bare
  scan's CPU seconds over the extractor's per job (the wall ratio with perfect scaling).

Usage: python benchmarks/bench_extract_ab.py BEFORE_TREE AFTER_TREE [--mb 10] [--jobs 2]
       [--rounds 3]
A tree is a checkout's root (e.g. ``git archive main | tar -x -C /tmp/main``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_extract import baseline, generate

_CHILD = """
import json, resource, sys, time
from pathlib import Path
from regiondev._extract.run import extract_many
import regiondev
assert regiondev.__file__.startswith(sys.argv[1]), regiondev.__file__
def cpu():
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
c0, t0 = cpu(), time.perf_counter()
n = sum(len(res.claims) for _, res in extract_many([Path(sys.argv[2])], jobs=int(sys.argv[3])))
wall = time.perf_counter() - t0
cpu = cpu() - c0
print(json.dumps({"wall": wall, "cpu": cpu, "claims": n}))
"""


def _run(tree: Path, folder: Path, jobs: int) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(tree))
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(tree), str(folder), str(jobs)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        cwd=folder.parent,  # not the caller's checkout: python -c puts the cwd first on sys.path
    )
    if out.returncode != 0:
        raise SystemExit(f"{tree}: extraction failed:\n{out.stderr}")
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("trees", type=Path, nargs=2, help="BEFORE and AFTER checkout roots")
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    trees = [t.resolve() for t in args.trees]
    rows: dict[int, list[tuple[float, float, float, int]]] = {0: [], 1: []}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        mb = generate(folder, args.mb) / 1e6
        baseline(folder)  # warm the page cache
        for r in range(args.rounds):
            order = (0, 1) if r % 2 == 0 else (1, 0)  # alternate who goes first
            for i in order:
                c0 = time.process_time()
                base_s, _ = baseline(folder)
                base_cpu = time.process_time() - c0
                got = _run(trees[i], folder, args.jobs)
                rows[i].append(
                    (
                        base_s / got["wall"],
                        got["cpu"] / mb,
                        base_cpu / (got["cpu"] / args.jobs),
                        int(got["claims"]),
                    )
                )
                print(
                    f"round {r + 1} {['before', 'after'][i]:<6} ratio {rows[i][-1][0]:.4f} "
                    f"cpu {rows[i][-1][1]:.3f} s/MB, cpu ratio {rows[i][-1][2]:.4f} "
                    f"claims {rows[i][-1][3]}",
                    flush=True,
                )
    med = {i: [statistics.median(x[k] for x in rows[i]) for k in range(3)] for i in range(2)}
    # the least disturbed run: best ratio, least CPU
    best = {i: [max(x[0] for x in rows[i]), min(x[1] for x in rows[i])] for i in range(2)}
    for i, name in enumerate(("before", "after")):
        ratio, cpu, cpu_ratio = med[i]
        print(
            f"{name:<6} {trees[i]}: median ratio {ratio:.4f}, cpu {cpu:.3f} s/MB, "
            f"cpu ratio {cpu_ratio:.4f}; best ratio {best[i][0]:.4f}, least cpu "
            f"{best[i][1]:.3f} s/MB"
        )
    print(
        f"after/before: median ratio × {med[1][0] / med[0][0]:.3f}, median cpu per MB × "
        f"{med[1][1] / med[0][1]:.3f}, best ratio × {best[1][0] / best[0][0]:.3f}, "
        f"least cpu per MB × {best[1][1] / best[0][1]:.3f}"
    )


if __name__ == "__main__":
    main()
