"""Agreement of regiondev's number reader with other projects' test suites for Chinese numbers.

Reads every TSV under ``tests/conformance/`` (see its README): ``numbers_peers.tsv`` (JioNLP,
cn2an, Duckling, chinese2digits), ``numbers_recognizers.tsv`` (Microsoft Recognizers-Text),
``numbers_nemo.tsv`` (NVIDIA NeMo-text-processing) and ``numbers_wetext.tsv`` (WeNet
WeTextProcessing); the last three are written by the converters in
``benchmarks/conformance_sources/``. Prints agreement per suite and per scope (``in``,
``in-cn``, ``out``), the overall in-scope agreement and the in-scope cases that fail.

How a case agrees (regiondev's reading scaled to the peer's unit first: 1 cny_100m = 1e8 yuan,
a percent is 0.01 of a ``ratio``; a unit regiondev only inferred, as yuan for a bare 亿, counts
as no unit printed):

- ``value``: the bound is exact and the value matches;
- ``approx``: the bound is approx and the value matches;
- ``range``: the bound is range and low and high match; for a vague count (数十亿: regiondev
  reads 数 as 2–9 of the magnitude, the peers as 1–10) regiondev's interval lies in the peer's.
  regiondev's ranges are closed; a peer's open end ([20,100) for 20~100) is not compared;
- ``lower`` / ``upper``: the bound is at_least or more_than (余/多 too) / at_most or less_than,
  and low / high matches (a peer that does not say whether the end is included);
- ``lower_open`` / ``lower_closed``: the bound is more_than / at_least and low matches (the peer
  says (20, ) or [20, ): a strict bound is no closed one); ``upper_open`` / ``upper_closed``:
  less_than / at_most and high matches;
- ``reject``: ``parse_figure`` raises ``FigureParseError``;
- ``none_money``: ``scan`` finds no amount of money (yuan or US dollars) in the sentence;
- ``none``: ``scan`` finds no figure at all in the sentence.

Units agree when they are the same after the mapping, when the peer says ``number`` and
regiondev reads no unit or a count of items (个: Duckling strips the classifier), when
regiondev reads no unit and the input prints none of the peer's unit words (the peer filled in
a default: 三百万 as yuan), or whatever regiondev reads when the peer says ``any`` (a number
model that reports the bare number of 九年 or 3亿元: the value is compared in the printed base
unit, 3亿元 as 3e8). ``expr`` cases go through ``parse_figure``; ``sentence`` cases through
``scan`` over the whole sentence (what ``extract`` reads), taking the first token that overlaps
the peer's span.

Usage: python benchmarks/conformance.py [--tsv PATH] [--all-failures]
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from regiondev.model import Bound
from regiondev.numbers import FigureParseError, ParsedFigure, parse_figure, scan

ROOT = Path(__file__).resolve().parent.parent
CONFORMANCE = ROOT / "tests" / "conformance"
TSV = CONFORMANCE / "numbers_peers.tsv"

# regiondev unit → (peer unit, factor from regiondev's canonical unit to the peer's)
_UNIT_MAP: dict[str, tuple[str, float]] = {
    "cny_100m": ("yuan", 1e8),
    "usd": ("usd", 1.0),
    "percent": ("percent", 1.0),
    "rank": ("rank", 1.0),
    "items": ("items", 1.0),
    "years": ("years", 1.0),
    "persons": ("persons", 1.0),
}
# A peer unit's words: a unitless reading agrees only where the input prints none of them.
_UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "yuan": ("元", "人民币", "块", "圆"),
    "usd": ("美元", "$"),
    "percent": ("%", "％", "百分"),
    "ratio": ("分之", "%", "％", "/", "成"),
    "rank": ("第",),
    "items": ("个", "项"),
    "years": ("年",),
}
_LOWER = {Bound.AT_LEAST, Bound.MORE_THAN}
_UPPER = {Bound.AT_MOST, Bound.LESS_THAN}


@dataclass(frozen=True, slots=True)
class Case:
    suite: str
    cid: str
    input: str
    mode: str
    span: str
    exp_kind: str
    exp_value: float | None
    exp_low: float | None
    exp_high: float | None
    exp_unit: str
    scope: str
    note: str

    @property
    def scope_class(self) -> str:
        """``in``, ``in-cn`` or ``out`` (the reason after ``out:`` dropped)."""
        return self.scope.split(":", 1)[0]


@dataclass(frozen=True, slots=True)
class Outcome:
    case: Case
    agrees: bool
    got: str


def _float(text: str) -> float | None:
    return float(text) if text.strip() else None


def tsvs() -> list[Path]:
    """Every conformance TSV under tests/conformance/, in name order."""
    return sorted(CONFORMANCE.glob("*.tsv"))


def load_all(paths: list[Path] | None = None) -> list[Case]:
    """The cases of several conformance TSVs (default: all under tests/conformance/)."""
    return [c for path in (tsvs() if paths is None else paths) for c in load(path)]


def load(path: Path = TSV) -> list[Case]:
    """The cases of a conformance TSV."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [
        Case(
            r["suite"],
            r["cid"],
            r["input"],
            r["mode"],
            r["span"],
            r["exp_kind"],
            _float(r["exp_value"]),
            _float(r["exp_low"]),
            _float(r["exp_high"]),
            r["exp_unit"],
            r["scope"],
            r["note"],
        )
        for r in rows
    ]


def _close(a: float, b: float | None) -> bool:
    if b is None:
        return False
    if math.isinf(a) or math.isinf(b):
        return a == b
    # peers print money rounded to the fen (233333333434.344 → …434.34)
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12) or abs(a - b) <= 0.005 + 1e-9 * abs(b)


def _factor(p: ParsedFigure, case: Case) -> float | None:
    """The factor that takes ``p``'s unit to the peer's, or None when the units disagree."""
    unit = p.unit
    if case.exp_unit == "any":
        # the peer reports the bare number whatever follows it (九年 → 9, 3亿元 → 3e8)
        return _UNIT_MAP.get(unit, (unit, 1.0))[1]
    if p.unit_inferred and unit == "cny_100m":
        # a bare 亿 read as yuan: the unit was not printed, the value is 1e8 of the count
        return 1e8 if _unprinted(case) else None
    if unit == "":
        return 1.0 if _unprinted(case) else None
    if case.exp_unit == "ratio" and unit == "percent":
        return 0.01
    if case.exp_unit == "number" and unit == "items":
        return 1.0
    peer_unit, factor = _UNIT_MAP.get(unit, (unit, 1.0))
    return factor if peer_unit == case.exp_unit else None


def _unprinted(case: Case) -> bool:
    """The peer's unit is a default: the input prints none of its words."""
    if case.exp_unit == "number":
        return True
    text = case.span or case.input
    return not any(w in text for w in _UNIT_WORDS.get(case.exp_unit, ()))


def agrees(case: Case, p: ParsedFigure) -> bool:
    """Whether regiondev's reading ``p`` agrees with the peer's expected answer."""
    if case.exp_kind in ("reject", "none_money", "none"):
        return False
    factor = _factor(p, case)
    if factor is None:
        return False
    value, low, high = p.value * factor, p.low * factor, p.high * factor
    match case.exp_kind:
        case "value":
            return p.bound is Bound.EXACT and _close(value, case.exp_value)
        case "approx":
            return p.bound is Bound.APPROX and _close(value, case.exp_value)
        case "lower":
            return p.bound in _LOWER and _close(low, case.exp_value)
        case "upper":
            return p.bound in _UPPER and _close(high, case.exp_value)
        case "lower_open":
            return p.bound is Bound.MORE_THAN and _close(low, case.exp_value)
        case "lower_closed":
            return p.bound is Bound.AT_LEAST and _close(low, case.exp_value)
        case "upper_open":
            return p.bound is Bound.LESS_THAN and _close(high, case.exp_value)
        case "upper_closed":
            return p.bound is Bound.AT_MOST and _close(high, case.exp_value)
        case "range":
            if p.bound is not Bound.RANGE or case.exp_low is None or case.exp_high is None:
                return False
            if _close(low, case.exp_low) and _close(high, case.exp_high):
                return True
            vague = any(w in p.text for w in ("数", "几"))
            return vague and case.exp_low <= low and high <= case.exp_high
    raise ValueError(f"{case.cid}: unknown exp_kind {case.exp_kind!r}")


def _describe(p: ParsedFigure) -> str:
    return f"{p.text!r} → {p.value:g} {p.unit or '(no unit)'} {p.bound} [{p.low:g}, {p.high:g}]"


def judge(case: Case) -> Outcome:
    """Run regiondev's reader on one case and say whether it agrees."""
    if case.mode == "expr":
        try:
            p = parse_figure(case.input)
        except FigureParseError as exc:
            return Outcome(case, case.exp_kind == "reject", f"FigureParseError: {exc}")
        return Outcome(case, agrees(case, p), _describe(p))
    tokens = [t for t in scan(case.input) if t.parsed is not None]
    if case.exp_kind == "none_money":
        money = [t for t in tokens if t.parsed and t.parsed.unit in ("cny_100m", "usd")]
        got = ", ".join(_describe(t.parsed) for t in money if t.parsed) or "no money"
        return Outcome(case, not money, got)
    if case.exp_kind == "none":
        got = ", ".join(_describe(t.parsed) for t in tokens if t.parsed) or "no figure"
        return Outcome(case, not tokens, got)
    at = case.input.find(case.span) if case.span else -1
    if at < 0:
        return Outcome(case, False, f"span {case.span!r} not in the input")
    end = at + len(case.span)
    for t in tokens:
        # the first token that overlaps the span (a peer's span may start with a word the
        # token leaves out: 位于20和30之间, 等于1535)
        if t.start < end and at < t.end and t.parsed is not None:
            return Outcome(case, agrees(case, t.parsed), _describe(t.parsed))
    found = ", ".join(repr(t.text) for t in tokens) or "no figure"
    return Outcome(case, False, f"no token covers the span (found {found})")


def report(outcomes: list[Outcome]) -> dict[tuple[str, str], tuple[int, int]]:
    """(suite, scope class) → (agreeing, total); suite ``*`` sums the suites, scope ``in+cn``
    sums the in-scope classes."""
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for o in outcomes:
        scope = o.case.scope_class
        keys = [(o.case.suite, scope), ("*", scope)]
        if scope != "out":
            keys += [(o.case.suite, "in+cn"), ("*", "in+cn")]
        for key in keys:
            counts[key][0] += o.agrees
            counts[key][1] += 1
    return {k: (v[0], v[1]) for k, v in counts.items()}


def in_scope_failures(outcomes: list[Outcome]) -> list[Outcome]:
    return [o for o in outcomes if o.case.scope_class != "out" and not o.agrees]


def _pct(agreeing: int, total: int) -> str:
    return f"{100 * agreeing / total:5.1f} % ({agreeing}/{total})" if total else "    -"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    ap.add_argument(
        "--tsv", type=Path, action="append", help="a TSV (repeatable; default: all of them)"
    )
    ap.add_argument("--all-failures", action="store_true", help="list failing out-of-scope too")
    args = ap.parse_args(argv)
    outcomes = [judge(c) for c in load_all(args.tsv)]
    counts = report(outcomes)
    suites = [*sorted({s for s, _ in counts if s != "*"}), "*"]
    print(f"{'suite':<24} {'in':>18} {'in-cn':>18} {'out':>18} {'in-scope':>18}")
    for s in suites:
        cells = [_pct(*counts.get((s, sc), (0, 0))) for sc in ("in", "in-cn", "out", "in+cn")]
        print(f"{'overall' if s == '*' else s:<24} " + " ".join(f"{c:>18}" for c in cells))
    failing = [o for o in outcomes if not o.agrees] if args.all_failures else None
    failing = failing if failing is not None else in_scope_failures(outcomes)
    if failing:
        print(f"\n{len(failing)} failing case(s):")
        for o in failing:
            c = o.case
            want = c.exp_value if c.exp_value is not None else f"[{c.exp_low}, {c.exp_high}]"
            print(
                f"  {c.cid} [{c.scope}] {c.input[:60]!r} span={c.span!r}: want {c.exp_kind} "
                f"{want} {c.exp_unit}; got {o.got}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
