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

With ``--instructions`` it counts instead, for each tree, the machine instructions of
extracting one 200 000-character text of the corpus (valgrind's cachegrind: the instructions
of two extractions less those of one, so imports, compiling and first-use loading cancel out).
The count does not drift with the machine's load, so a change of a few percent shows; it
does not see cache misses or branch mispredictions, so it complements the timings and does not
replace them.

Usage: python benchmarks/bench_extract_ab.py BEFORE_TREE AFTER_TREE [--mb 10] [--jobs 2]
       [--rounds 3] [--instructions]
A tree is a checkout's root (e.g. ``git archive main | tar -x -C /tmp/main``); trees before
the extractor moved to ``regiondev._extract`` (``regiondev.extract``) are read too.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_extract import baseline, generate

# (an editable install's import hook would find the checkout's regiondev before the tree's)
_TREE_FIRST = """
import importlib, sys
sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in repr(f).lower()]
sys.path.insert(0, sys.argv[1])
import regiondev
assert regiondev.__file__.startswith(sys.argv[1]), regiondev.__file__
def extractor(name):
    try:
        return importlib.import_module("regiondev._extract." + name)
    except ImportError:  # a tree from before the package was private
        return importlib.import_module("regiondev.extract." + name)
"""

_CHILD = (
    _TREE_FIRST
    + """
import json, resource, time
from pathlib import Path
extract_many = extractor("run").extract_many
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
)


_COUNTED = (
    _TREE_FIRST
    + """
from pathlib import Path
extract_text = extractor("claims").extract_text
text = sorted(Path(sys.argv[2]).glob("*.txt"))[0].read_text(encoding="utf-8")[:200_000]
for i in range(int(sys.argv[3])):
    extract_text(text, source=f"d{i}")
"""
)


def _instructions(tree: Path, folder: Path, extractions: int) -> int:
    """Machine instructions (valgrind cachegrind's I refs) of a process that extracts one text
    ``extractions`` times with ``tree``'s regiondev."""
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "counted.py"
        script.write_text(_COUNTED, encoding="utf-8")
        out = subprocess.run(
            [
                "valgrind",
                "--tool=cachegrind",
                "--cache-sim=no",
                "--cachegrind-out-file=/dev/null",
                sys.executable,
                str(script),
                str(tree),
                str(folder),
                str(extractions),
            ],
            capture_output=True,
            text=True,
            check=False,
            cwd=tmp,
        )
    refs = [ln for ln in out.stderr.splitlines() if "I   refs" in ln or "I refs" in ln]
    if out.returncode != 0 or not refs:
        raise SystemExit(f"{tree}: counting failed:\n{out.stderr[-2000:]}")
    return int(refs[-1].split(":")[-1].replace(",", "").strip())


def _count(trees: list[Path], folder: Path) -> None:
    if shutil.which("valgrind") is None:
        raise SystemExit("--instructions needs valgrind (apt install valgrind)")
    counts = []
    for tree in trees:
        one, two = _instructions(tree, folder, 1), _instructions(tree, folder, 2)
        counts.append(two - one)
        print(f"{tree}: {two - one:,} instructions per extraction of 200 000 characters")
    print(f"after/before: instructions × {counts[1] / counts[0]:.3f}")


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
    ap.add_argument("--instructions", action="store_true", help="count instructions instead")
    args = ap.parse_args()
    trees = [t.resolve() for t in args.trees]
    if args.instructions:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "corpus"
            generate(folder, 1.0)
            _count(trees, folder)
        return
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
