"""Convert NVIDIA NeMo-text-processing's Chinese inverse-normalisation tests into a conformance TSV.

Reads ``tests/nemo_text_processing/zh/data_inverse_text_normalization/test_cases_{cardinal,
decimal,money,fraction,ordinal}.txt`` (``input~expected``: 一点五万美元~US$1.5万) from a checkout
(or a bare git directory) of NVIDIA/NeMo-text-processing and writes
``tests/conformance/numbers_nemo.tsv`` in the columns of ``numbers_peers.tsv``. Every case is an
expression (``expr``, through ``parse_figure``): the peer rewrites the whole input.

The expected text is read back into a value: commas dropped, a trailing 万/萬 (10^4), 千 (10^3)
or 亿/億 (10^8) applied (1,000万 is 10^7), a currency symbol taken as the unit (US$ usd, ¥
yuan, €/£/₩/₹/JPY¥ foreign), 第 a rank, a/b a ratio, 3又1/5 a mixed number. ``scope`` is
judged by the rules of ``recognizers.py`` (the criteria of tests/conformance/README.md) and the
judgements in ``nemo_itn_judged.tsv``.

Usage: python benchmarks/conformance_sources/nemo_itn.py [--repo GIT_DIR] [--out TSV]
"""

from __future__ import annotations

import re
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import recognizers as rec  # the shared scope rules and TSV writer

ROOT = Path(__file__).resolve().parents[2]
REPO = Path("/work/.mirror/NVIDIA+NeMo-text-processing/repo")
OUT = ROOT / "tests" / "conformance" / "numbers_nemo.tsv"
DIR = "tests/nemo_text_processing/zh/data_inverse_text_normalization"
KINDS = ("cardinal", "decimal", "money", "fraction", "ordinal")
JUDGED = Path(__file__).with_name("nemo_itn_judged.tsv")
_CURRENCIES = (
    ("JPY¥", "foreign:JPY"),
    ("US$", "usd"),
    ("¥", "yuan"),
    ("€", "foreign:EUR"),
    ("£", "foreign:GBP"),
    ("₩", "foreign:KRW"),
    ("₹", "foreign:INR"),
)
_SCALES = {"万": 4, "萬": 4, "千": 3, "亿": 8, "億": 8}


def _value(text: str) -> Decimal:
    """1,000万 → 10^7; -50,000.245 → -50000.245."""
    text = text.replace(",", "")
    power = 0
    while text and text[-1] in _SCALES:
        power += _SCALES[text[-1]]
        text = text[:-1]
    return Decimal(text).scaleb(power)


def _expected(kind: str, out: str) -> tuple[str, str]:
    """(value, unit) of the peer's rewritten text."""
    if kind == "fraction":
        whole, _, frac = out.rpartition("又")
        num, den = frac.split("/")
        value = Decimal(num) / Decimal(den) + (Decimal(whole) if whole else 0)
        return repr(float(value)), "ratio"
    if kind == "ordinal":
        return repr(float(_value(out.removeprefix("第")))), "rank"
    unit = "number"
    for symbol, name in _CURRENCIES:
        if out.startswith(symbol):
            out, unit = out[len(symbol) :], name
            break
    return repr(float(_value(out))), unit


def _judged() -> dict[str, tuple[str, str]]:
    rows = JUDGED.read_text(encoding="utf-8").splitlines()[1:]
    return {inp: (scope, note) for inp, scope, note in (r.split("\t") for r in rows)}


def build(repo: Path) -> list[rec.Row]:
    commit = rec._commit(repo)
    judged = _judged()
    rows: list[rec.Row] = []
    for kind in KINDS:
        path = f"{DIR}/test_cases_{kind}.txt"
        suite = f"nemo_itn_{kind}"
        source = f"NVIDIA/NeMo-text-processing:{path}@{commit[:12]}"
        lines = [x for x in rec._git_show(repo, path).splitlines() if x.strip()]
        for n, line in enumerate(lines, 1):
            inp, out = (part.strip() for part in line.split("~", 1))
            value, unit = _expected(kind, out)
            if inp in judged:
                scope, note = judged[inp]
            else:
                scope, note = rec._scope(suite, inp, inp, "expr", unit)
            if re.search(r"又", inp) and not scope.startswith("out"):
                scope = "out:math-notation"
            rows.append(
                rec.Row(
                    suite,
                    source,
                    f"{suite}:{n:04d}",
                    inp,
                    "expr",
                    "",
                    "value",
                    value,
                    "",
                    "",
                    unit,
                    scope,
                    note,
                )
            )
    return rows


def main(argv: list[str] | None = None) -> int:
    return rec.convert(build, REPO, OUT, __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())
