"""Convert WeNet's WeTextProcessing Chinese inverse-normalisation tests into a conformance TSV.

Reads ``itn/chinese/test/data/{money,cardinal,fraction,measure}.txt`` (``input => expected``:
一万零三百人 => 10300人) from a checkout (or a bare git directory) of
wenet-e2e/WeTextProcessing and writes ``tests/conformance/numbers_wetext.tsv`` in the columns of
``numbers_peers.tsv``. The peer rewrites the numbers inside a text, so the two texts are aligned:
the expected text is split into its numbers and the literal text between them, each literal is
found in the input in turn, and what the input holds between two literals is the number's
Chinese form. A line that is one number is an ``expr`` case; a number inside more text a
``sentence`` case whose span is the Chinese form (left out where that form occurs earlier in the
input too, as the runner finds a span by its first occurrence). A literal the peer does not
rewrite (一年后 => 一年后) is no case.

Values: 1亿2300 is 10^8 + 2300, 20.1万 201000, a/b a ratio, 8000~9000 (and 30~41%) a range;
¥/CNY are yuan, $ the US dollar, other symbols foreign; ``%`` a percent; anything else is the
bare number (unit ``any``). ``scope`` is judged by the rules of ``recognizers.py`` and the
judgements in ``wetext_judged.tsv``.

Usage: python benchmarks/conformance_sources/wetext.py [--repo GIT_DIR] [--out TSV]
"""

from __future__ import annotations

import re
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import recognizers as rec  # the shared scope rules and TSV writer

ROOT = Path(__file__).resolve().parents[2]
REPO = Path("/work/.mirror/wenet-e2e+WeTextProcessing/repo")
OUT = ROOT / "tests" / "conformance" / "numbers_wetext.tsv"
FILES = ("money", "cardinal", "fraction", "measure")
JUDGED = Path(__file__).with_name("wetext_judged.tsv")
_PLAIN = r"-?\d+(?:\.\d+)?(?:[万亿兆]\d+(?:\.\d+)?)*[万亿兆]?"
_NUMBER = re.compile(
    rf"(?P<fa>-?\d+)/(?P<fb>\d+)"
    rf"|(?P<cur>CNY|TWD|RM|[¥$£₽€])?(?P<a>{_PLAIN})(?:(?P<sep>[~\-])(?P<b>{_PLAIN}))?"
)
_POWERS = {"万": 4, "亿": 8, "兆": 12}
_CURRENCY = {"CNY": "yuan", "¥": "yuan", "$": "usd"}
# the units after which a one-number line is an expression (一万零三百人)
_UNITS = ("人", "元", "美元", "人民币", "%", "年", "万人")


def _plain(text: str) -> Decimal:
    """1亿2300 → 100002300; 20.1万 → 201000; 3~5万's 3 (its magnitude given by the caller)."""
    total = Decimal(0)
    for part, mag in re.findall(r"(-?[\d.]+)([万亿兆]?)", text):
        total += Decimal(part).scaleb(_POWERS.get(mag, 0))
    return total


def _cases(inp: str, out: str) -> list[tuple[int, str, str, str, str, str, str, str]]:
    """(start, chinese, kind, value, low, high, unit, rest) per number of ``out`` aligned in
    ``inp``: rest is the literal text after the number in the output (its unit)."""
    pieces: list[tuple[str, re.Match[str] | None]] = []
    at = 0
    for m in _NUMBER.finditer(out):
        pieces.append((out[at : m.start()], None))
        pieces.append(("", m))
        at = m.end()
    pieces.append((out[at:], None))
    literals = [p for p, m in pieces if m is None]
    numbers = [m for p, m in pieces if m is not None]
    cases = []
    pos = 0
    if not inp.startswith(literals[0]):
        return []
    pos = len(literals[0])
    for i, m in enumerate(numbers):
        after = literals[i + 1]
        # the literal after the number, less the symbols the peer wrote for Chinese words (%
        # for 百分之, kg for 千克): its first characters are enough to find it
        literal = re.sub(r"^[A-Za-z%°/]+", "", after)
        key = literal[:4]
        end = inp.find(key, pos) if key else len(inp)
        if end < 0:
            return []
        start, chinese = pos, inp[pos:end]
        pos = end + (len(literal) if inp.startswith(literal, end) else len(key))
        rest = after
        if m["fa"]:
            value = Decimal(m["fa"]) / Decimal(m["fb"])
            cases.append((start, chinese, "value", repr(float(value)), "", "", "ratio", rest))
            continue
        unit = "percent" if rest.startswith("%") else "any"
        if m["cur"]:
            unit = _CURRENCY.get(m["cur"], f"foreign:{m['cur']}")
        if m["b"]:
            low_text, high_text = m["a"], m["b"]
            # 3~5万: the magnitude printed once applies to both ends; 15-6 is 15 to 16
            mag = re.search(r"[万亿兆]$", high_text)
            if mag and not re.search(r"[万亿兆]", low_text):
                low_text += mag.group(0)
            low, high = _plain(low_text), _plain(high_text)
            if m["sep"] == "-" and high < low:
                digits = len(str(int(high)))
                high = low - low % Decimal(10**digits) + high
            cases.append(
                (start, chinese, "range", "", repr(float(low)), repr(float(high)), unit, rest)
            )
            continue
        cases.append((start, chinese, "value", repr(float(_plain(m["a"]))), "", "", unit, rest))
    return cases


def _judged() -> dict[tuple[str, str], tuple[str, str]]:
    rows = JUDGED.read_text(encoding="utf-8").splitlines()[1:]
    return {(i, s): (sc, n) for i, s, sc, n in (r.split("\t") for r in rows)}


def build(repo: Path) -> list[rec.Row]:
    commit = rec._commit(repo)
    judged = _judged()
    rows: list[rec.Row] = []
    for name in FILES:
        path = f"itn/chinese/test/data/{name}.txt"
        suite = f"wetext_{name}"
        source = f"wenet-e2e/WeTextProcessing:{path}@{commit[:12]}"
        n = 0
        for line in rec._git_show(repo, path).splitlines():
            if "=>" not in line:
                continue
            inp, out = (x.strip() for x in line.split("=>", 1))
            for start, chinese, kind, value, low, high, unit, rest in _cases(inp, out):
                if not chinese or not re.search(r"[零〇一二两三四五六七八九十百千万亿幺]", chinese):
                    continue
                whole = chinese == inp or (chinese + rest == inp and rest in _UNITS)
                if not whole and inp.find(chinese) != start:
                    continue  # the runner would find an earlier occurrence
                mode = "expr" if whole else "sentence"
                text = inp if mode == "sentence" else (chinese + rest if chinese != inp else inp)
                span = chinese if mode == "sentence" else ""
                if (inp, chinese) in judged:
                    scope, note = judged[(inp, chinese)]
                elif re.match(r"[A-Za-z°/]", rest.lstrip("~-0123456789")) or rest.startswith(
                    ("两", "块", "号")
                ):
                    scope, note = "out:unit-not-modelled", f"the peer's unit {rest[:4]!r}"
                else:
                    scope, note = rec._scope(suite, inp, chinese, mode, unit)
                n += 1
                rows.append(
                    rec.Row(
                        suite,
                        source,
                        f"{suite}:{n:04d}",
                        text,
                        mode,
                        span,
                        kind,
                        value,
                        low,
                        high,
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
