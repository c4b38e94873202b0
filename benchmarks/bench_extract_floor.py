"""The floor of a columnar extractor: can any design meet 0.5 × a bare regex on this machine?

``bench_extract.py`` measures the extractor. This benchmark asks what the fastest engine the
project can use — polars' Rust regex, with no Python object per number — costs for the passes
that any extractor with regiondev's semantics must make, and nothing more:

1. read + decode each file (no encoding detection);
2. frame the documents; remove pinyin annotations (Rust regex);
3. split into sentences: the sentence ends (single characters) become line breaks, so a split
   keeps every offset; sentences without a candidate character are dropped;
4. traditional → simplified: sentences holding a character OpenCC's t2s changes on its own are
   found with a Rust regex and only they go through OpenCC (phrase-only conversions ignored);
5. tokens: the scanner's grammar made lookaround-free (the decline condition expanded into two
   branches, the few lookarounds dropped, which makes it cheaper); token texts from one
   ``extract_all``, their end offsets from a second one with a lazy prefix (``.*?TOKEN``
   matches the same tokens, each with the text before it, so cumulative lengths give ends);
6. token values: each distinct token read once with the one number reader and joined back
   (the reader's cache is warm: the cost of reading is left out, only the join counted);
7. the four cue families (periods, kinds, indicators, regions), each found the same way as the
   tokens, in the sentences that hold a token;
8. each token's nearest period, kind and indicator cue (three as-of joins).

It leaves out, so a real extractor costs more: clause splitting, the lookaround checks, the
sequential state (the year in force, the paragraph's target and period context), page
furniture, damaged runs, the cue strings and the output. Each pass runs single-threaded
(``POLARS_MAX_THREADS=1``), best of three, and is reported in core-milliseconds per MB; the
best throughput on all cores assumes perfect scaling with no overhead at all.

Usage: python benchmarks/bench_extract_floor.py [--mb 10]
Results are printed and written to benchmarks/results/extract_floor.json.
"""

from __future__ import annotations

import os

os.environ["POLARS_MAX_THREADS"] = "1"  # before polars is imported: one core per pass

import argparse
import json
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_extract import baseline, generate  # noqa: E402

from regiondev import numbers as N  # noqa: E402
from regiondev._extract import claims as C  # noqa: E402
from regiondev._extract.resolve_indicator import INDICATOR_RE  # noqa: E402
from regiondev._extract.resolve_kind import KIND_CUE  # noqa: E402
from regiondev._extract.resolve_place import place_re  # noqa: E402
from regiondev.periods import PERIOD_CUE  # noqa: E402
from regiondev.text import _ANNOTATION, _CJK, to_simplified  # noqa: E402

_LOOKAROUND = re.compile(r"\(\?<?[=!](?:\[[^\]]*\]|[^()])*\)")


def _no_lookaround(pattern: str) -> str:
    """The pattern with its lookarounds dropped: a cheaper, looser grammar. Innermost first,
    until none is left (a unit's ``%(?![0-9A-F]{2})`` sits inside a phone's look-ahead)."""
    while (stripped := _LOOKAROUND.sub("", pattern)) != pattern:
        pattern = stripped
    return pattern


def token_grammar() -> str:
    """The scanner's ``_SCAN`` alternatives in Rust-regex syntax (no lookarounds/conditions)."""
    num = N._NUM
    unit = f"(?:{N._UNIT_ALT})"
    prefix = f"(?:{N._PREFIX_ALT})"
    suffix = "(?:以上|之上|以下|以内|左右)"
    tail = rf"(?:{N._RANGE_SEP}{num})?(?:余|多)?{N._MAG}?(?:余|多)?"
    declined = rf"{N._DECLINE}{prefix}?{num}{tail}[%％]{suffix}?"
    plain = (
        rf"{prefix}?(?:第{num}(?:位|名)?|\d+/\d+|数(?:十|百|千|万){unit}?"
        rf"|[{N._MINUS}]?{num}{tail}{unit}?{suffix}?)"
    )
    parts = [
        N._STRUCTURE_PATTERN,
        "|".join(N._CODE_PATTERNS),
        "|".join(N._DATE_PATTERNS),
        "|".join(N._PERIOD_PATTERNS),
        declined,
        plain,
        f"首位|过半|超过半数|半数以上|{N._GRADE.pattern}",
    ]
    return _no_lookaround("|".join(f"(?:{p})" for p in parts))


def _matches(frame: pl.DataFrame, pattern: str) -> pl.DataFrame:
    """Every match of ``pattern`` in the ``text`` column: sentence id, text, start, end."""
    texts = pl.col("text").str.extract_all(pattern).alias("piece")
    spans = pl.col("text").str.extract_all(f"(?s:.*?)(?:{pattern})").alias("span")
    out = (
        frame.select("sid", texts, spans)
        .explode("piece", "span")
        .drop_nulls("piece")
        .with_columns(pl.col("span").str.len_chars().cum_sum().over("sid").alias("end"))
        .with_columns((pl.col("end") - pl.col("piece").str.len_chars()).alias("at"))
    )
    return out.drop("span")


def _without_lookaround(pattern: re.Pattern[str]) -> str:
    """A cue pattern without its look-arounds (Rust regex has none): a looser, cheaper one."""
    return _no_lookaround(pattern.pattern)


def verify(state: dict[str, Any], patterns: dict[str, str], sample: int = 500) -> None:
    """The columnar matches equal ``re.finditer`` of the same pattern (text, start, end).

    Checked on the first ``sample`` sentences that hold a token, for the tokens and every cue
    family, so the floor is not cheap by being wrong.
    """
    sents = state["sent"].join(state["tokens"].select("sid").unique(), on="sid").sort("sid")
    sents = sents.head(sample)
    for name, pattern in patterns.items():
        rx = re.compile(pattern)
        got = state[name].join(sents.select("sid"), on="sid").sort("sid", "at")
        want = [
            (sid, m.group(0), m.start(), m.end())
            for sid, text in sents.select("sid", "text").iter_rows()
            for m in rx.finditer(text)
        ]
        have = list(got.select("sid", "piece", "at", "end").iter_rows())
        if have != want:
            raise SystemExit(f"{name}: columnar matches differ from re.finditer")


def run(folder: Path, repeats: int = 3) -> dict[str, Any]:
    files = sorted(folder.glob("*.txt"))
    mb = sum(p.stat().st_size for p in files) / 1e6
    state: dict[str, Any] = {}
    tok_re = token_grammar()
    annotation = rf"([{_CJK}]){_ANNOTATION}"
    trad_chars = "".join(sorted(_tsc_keys()))
    candidate = C._CAND.pattern
    families = {
        "periods": _without_lookaround(PERIOD_CUE),
        "kinds": _without_lookaround(KIND_CUE),
        "indicators": _without_lookaround(INDICATOR_RE),
        "regions": _without_lookaround(place_re()),
    }

    def read() -> None:
        state["texts"] = [p.read_bytes().decode("utf-8") for p in files]

    def frame() -> None:
        df = pl.DataFrame({"doc": range(len(state["texts"])), "text": state["texts"]})
        state["docs"] = df.with_columns(pl.col("text").str.replace_all(annotation, "$1"))

    def sentences() -> None:
        ends = "[。！？；!?;]"
        state["raw_sent"] = (
            state["docs"]
            .select("doc", pl.col("text").str.replace_all(ends, "\n").str.split("\n"))
            .explode("text")
            .with_columns((pl.col("text").str.len_chars() + 1).cum_sum().over("doc").alias("end"))
            .filter(pl.col("text").str.contains(candidate))
            .with_row_index("sid")
        )

    def simplify() -> None:
        sent = state["raw_sent"]
        trad = sent.filter(pl.col("text").str.contains(f"[{trad_chars}]"))
        converted = to_simplified("\n".join(trad["text"].to_list())).split("\n")
        state["sent"] = sent.update(
            trad.select("sid", pl.Series("text", converted)), on="sid", how="left"
        )
        state["converted"] = trad.height

    def tokens() -> None:
        state["tokens"] = _matches(state["sent"], tok_re)

    def values() -> None:
        distinct = state["tokens"]["piece"].unique()
        read_one = N._figure
        vals = [(p.value if (p := read_one(t)) else None) for t in distinct.to_list()]
        table = pl.DataFrame({"piece": distinct, "value": pl.Series(vals, dtype=pl.Float64)})
        state["valued"] = state["tokens"].join(table, on="piece", how="left")
        state["distinct"] = len(distinct)

    def cues() -> None:
        holding = state["sent"].join(state["tokens"].select("sid").unique(), on="sid")
        for name, pattern in families.items():
            state[name] = _matches(holding, pattern)

    def nearest() -> None:
        toks = state["valued"].sort("sid", "at")
        for name, on in (("periods", "at"), ("kinds", "end"), ("indicators", "at")):
            cue = state[name].select("sid", pl.col("end").alias(on), pl.col("piece").alias(name))
            toks = toks.join_asof(
                cue.sort("sid", on), on=on, by="sid", strategy="backward", check_sortedness=False
            )
        state["claims"] = toks

    passes: list[tuple[str, Callable[[], None]]] = [
        ("read + decode", read),
        ("frame + pinyin annotations", frame),
        ("sentences (with a candidate)", sentences),
        ("traditional → simplified", simplify),
        ("tokens (scanner grammar)", tokens),
        ("token values (join, reader cache warm)", values),
        ("cue families (period, kind, indicator, region)", cues),
        ("nearest cues (3 as-of joins)", nearest),
    ]
    ms_per_mb: dict[str, float] = {}
    for name, fn in passes:
        best = float("inf")
        for _ in range(repeats):
            t0 = time.perf_counter()
            fn()
            best = min(best, time.perf_counter() - t0)
        ms_per_mb[name] = round(1000 * best / mb, 2)
    verify(state, {"tokens": tok_re, **families})
    return {
        "mb": mb,
        "ms_per_mb": ms_per_mb,
        "tokens": state["tokens"].height,
        "distinct_tokens": state["distinct"],
        "sentences_with_a_candidate": state["sent"].height,
        "sentences_converted_by_opencc": state["converted"],
    }


def _tsc_keys() -> set[str]:
    """Characters OpenCC's t2s changes on their own (one call over the CJK blocks)."""
    chars = [
        chr(c) for r in ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00)) for c in range(*r)
    ]
    done = to_simplified("\n".join(chars)).split("\n")
    return {re.escape(a) for a, b in zip(chars, done, strict=True) if a != b}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (default 10)")
    ap.add_argument(
        "--out", type=Path, default=ROOT / "benchmarks" / "results" / "extract_floor.json"
    )
    args = ap.parse_args()
    cpus = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        generate(folder, args.mb)
        base_s = min(baseline(folder)[0] for _ in range(3))
        floor = run(folder)
    mb = floor["mb"]
    baseline_mb_s = mb / base_s
    total = sum(floor["ms_per_mb"].values())
    budget = 1000 * cpus / (0.5 * baseline_mb_s)
    best_mb_s = 1000 * cpus / total
    result = {
        "corpus_mb": round(mb, 1),
        "cpus": cpus,
        "baseline_mb_s": round(baseline_mb_s, 1),
        "target_mb_s": round(0.5 * baseline_mb_s, 1),
        "budget_core_ms_per_mb": round(budget, 1),
        "floor_core_ms_per_mb": round(total, 1),
        "passes_core_ms_per_mb": floor["ms_per_mb"],
        "floor_best_mb_s_all_cores": round(best_mb_s, 1),
        "floor_best_ratio": round(best_mb_s / baseline_mb_s, 3),
        "tokens": floor["tokens"],
        "distinct_tokens": floor["distinct_tokens"],
        "sentences_with_a_candidate": floor["sentences_with_a_candidate"],
        "sentences_converted_by_opencc": floor["sentences_converted_by_opencc"],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    width = max(len(k) for k in floor["ms_per_mb"])
    for name, ms in floor["ms_per_mb"].items():
        print(f"{name:<{width}}  {ms:7.2f} core-ms/MB")
    print(f"{'floor, all passes':<{width}}  {total:7.2f} core-ms/MB")
    print(
        f"budget for 0.5 × the bare regex ({baseline_mb_s:.0f} MB/s) on {cpus} cores: "
        f"{budget:.1f} core-ms/MB"
    )
    print(
        f"best possible at this floor: {best_mb_s:.1f} MB/s = "
        f"{result['floor_best_ratio']}× the bare regex"
    )
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
