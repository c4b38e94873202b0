"""Extraction time grows linearly with a text's length, whatever its shape.

A sentence with many figures and no 。 or line break (a table pasted as one line) once cost
time that grew with the square of its length. This benchmark times ``extract_text`` on
64 KB, 256 KB and 1 MB of one-sentence inputs of several shapes and prints seconds per MB for
each, beside ordinary text (the seeds, paragraphs repeated, line breaks kept):

- ``growth``: ``增长1%，`` repeated (a figure and a kind cue every 6 characters);
- ``paren``: ``(0`` repeated (a figure every 2 characters, no clause mark at all);
- ``table``: a pasted table row ``长沙市 1234.5 8.2% 株洲市 …`` repeated;
- ``digits``: digits with no separator (one endless number);
- ``prose``: the ordinary text with its line breaks removed (one sentence per 。).

Linear means each shape's seconds per MB stay flat as the input grows: the ratio of the 1 MB
time per MB to the 64 KB one is printed (≤ 2 is flat). Shapes dense with figures cost more
per MB than prose because they hold many more figures per MB; the figures per MB are printed
too, and the time per figure.

Usage: python benchmarks/bench_extract_linear.py [--sizes 64,256,1024] [--out FILE]
Results are printed and written to benchmarks/results/extract_linear.json.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "regiondev" / "data" / "seeds"


def _seed_text() -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))


def shapes() -> dict[str, str]:
    """Each shape's repeating unit (ordinary text: the seeds)."""
    seeds = _seed_text()
    return {
        "ordinary": seeds,
        "growth": "增长1%，",
        "paren": "(0",
        "table": "长沙市 1234.5 8.2% 株洲市 567.8 7.1% 湘潭市 2,345 -0.5% ",
        "digits": "1234567890",
        "prose": seeds.replace("\n", "").replace("\r", ""),
    }


def make(unit: str, kilobytes: int) -> str:
    """``unit`` repeated to ``kilobytes`` KB of UTF-8 (cut at a character)."""
    target = kilobytes * 1024
    per = len(unit.encode("utf-8"))
    text = unit * (target // per + 1)
    return text.encode("utf-8")[:target].decode("utf-8", errors="ignore")


def time_one(text: str) -> tuple[float, int]:
    """Seconds and claims of one ``extract_text`` call."""
    from regiondev._extract.claims import extract_text

    t0 = time.perf_counter()
    doc = extract_text(text, source="bench", date="2022-06-30")
    return time.perf_counter() - t0, len(doc.claims)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="64,256,1024", help="sizes in KB, comma-separated")
    parser.add_argument(
        "--out", default=str(ROOT / "benchmarks" / "results" / "extract_linear.json")
    )
    args = parser.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    time_one("增长1%。")  # warm the caches and imports
    results: dict[str, dict[str, dict[str, float]]] = {}
    print(f"{'shape':<10}{'KB':>6}{'s':>8}{'s/MB':>8}{'claims/MB':>11}{'us/claim':>10}")
    for name, unit in shapes().items():
        results[name] = {}
        for kb in sizes:
            seconds, claims = time_one(make(unit, kb))
            mb = kb / 1024
            row = {
                "seconds": round(seconds, 3),
                "s_per_mb": round(seconds / mb, 3),
                "claims_per_mb": round(claims / mb),
                "us_per_claim": round(1e6 * seconds / max(claims, 1), 1),
            }
            results[name][str(kb)] = row
            print(
                f"{name:<10}{kb:>6}{seconds:>8.2f}{row['s_per_mb']:>8.2f}"
                f"{row['claims_per_mb']:>11}{row['us_per_claim']:>10}"
            )
    small, large = str(sizes[0]), str(sizes[-1])
    ordinary = results["ordinary"][large]["s_per_mb"]
    summary = {}
    print(f"\n{'shape':<10}{'growth of s/MB':>16}{'s/MB vs ordinary':>18}")
    for name, rows in results.items():
        growth = rows[large]["s_per_mb"] / max(rows[small]["s_per_mb"], 1e-9)
        versus = rows[large]["s_per_mb"] / max(ordinary, 1e-9)
        summary[name] = {"s_per_mb_growth": round(growth, 2), "vs_ordinary": round(versus, 2)}
        print(f"{name:<10}{growth:>16.2f}{versus:>18.2f}")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps({"sizes_kb": sizes, "results": results, "summary": summary}, indent=1) + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
