"""Convert Microsoft Recognizers-Text's Chinese number specs into a conformance TSV.

Reads ``Specs/Number/Chinese/{NumberModel,PercentModel,NumberRangeModel,OrdinalModel}.json``
and ``Specs/NumberWithUnit/Chinese/CurrencyModel.json`` from a checkout (or a bare git
directory) of microsoft/Recognizers-Text and writes ``tests/conformance/numbers_recognizers.tsv``
in the columns of ``numbers_peers.tsv`` (see tests/conformance/README.md). One case per result;
an input with no result is one case that expects no figure (``reject`` for a lone expression,
``none`` / ``none_money`` for a sentence).

How a result maps to a case:

- ``mode``: ``expr`` where the input is the result's text (or that text and one classifier:
  一只, 199个), else ``sentence`` with ``span`` the result's characters of the input.
- The number model reports the bare number whatever follows it (九年 → 9): its unit is ``any``
  (regiondev's unit is not compared, its value is taken in the printed base unit, 1 亿元 =
  1e8); a fraction (分之, a/b) is a ``ratio``. It resolves 十几万 and 五百余万 to their base
  (100000): its own range model reads the same words as (100000,), so the case expects that
  strict lower bound (``lower_open``).
- Range model intervals: ``(a,)`` is ``lower_open`` (more_than), ``[a,)`` ``lower_closed``
  (at_least), ``(,b)`` ``upper_open``, ``(,b]`` ``upper_closed``, ``[a,a]`` a value, two finite
  ends a ``range`` (regiondev's ranges are closed; the peer's interval is kept in the note).
- ``scope`` is judged per case by the criteria of tests/conformance/README.md: rules first
  (``_rule_scope``), then the judgements listed in ``_JUDGED`` with their reasons.

Usage: python benchmarks/conformance_sources/recognizers.py [--repo GIT_DIR] [--out TSV]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REPO = Path("/work/.mirror/microsoft+Recognizers-Text/repo")
OUT = ROOT / "tests" / "conformance" / "numbers_recognizers.tsv"
COLUMNS = ("suite", "source", "cid", "input", "mode", "span", "exp_kind", "exp_value")
COLUMNS += ("exp_low", "exp_high", "exp_unit", "scope", "note")
SPECS = {
    "recognizers_number": "Specs/Number/Chinese/NumberModel.json",
    "recognizers_percent": "Specs/Number/Chinese/PercentModel.json",
    "recognizers_range": "Specs/Number/Chinese/NumberRangeModel.json",
    "recognizers_ordinal": "Specs/Number/Chinese/OrdinalModel.json",
    "recognizers_currency": "Specs/NumberWithUnit/Chinese/CurrencyModel.json",
}

_FINANCIAL = set("壹贰貳叁肆伍陆陸柒捌玖拾佰仟倆")
# Traditional characters that occur in these specs (the simplified twins are cases of their own)
_TRADITIONAL = set("萬億兩負個點對雙幾還蘋銭時間總統發講話經讓於灣機戰鬥準備這麼賣請問擊")
_CN = "零〇一二两三四五六七八九十百千万亿"
# What a Chinese numeral in running text is read before (regiondev.numbers._CN_OK_TAIL, %)
_CN_TAIL = re.compile(
    r"(个|大|类|条|项|家|名|人|座|省|位|部分|件|只|倍|强|万|亿|千|百|年|天|余|多|几|元|美元|人民币"
    r"|吨|辆|亩|千瓦|人次|成|分之|%|％)"
)
_CLASSIFIERS = set("个只斤双对吨年章")
_BOUND_WORDS = r"^(?:超过了?|大于|小于|至少(?:有|是)?|最多(?:为)?|不小于|低于|过)"
_ISO = {"CNY": "yuan", "USD": "usd"}


@dataclass(frozen=True, slots=True)
class Row:
    suite: str
    source: str
    cid: str
    input: str
    mode: str
    span: str
    exp_kind: str
    exp_value: str
    exp_low: str
    exp_high: str
    exp_unit: str
    scope: str
    note: str


def _git_show(repo: Path, path: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), "show", f"HEAD:{path}"],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    ).stdout


def _commit(repo: Path) -> str:
    out = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "HEAD"], check=True, capture_output=True, text=True
    )
    return out.stdout.strip()


def _num(text: str) -> str:
    """A resolution number as the TSV prints it (repr of the float)."""
    return repr(float(text))


def _interval(text: str) -> tuple[str, str, str, str]:
    """(exp_kind, value, low, high) of a range model interval such as ``(20,35]``."""
    m = re.fullmatch(r"([(\[])([^,]*),([^,\])]*)([)\]])", text.strip())
    if m is None:
        raise ValueError(f"not an interval: {text!r}")
    lo_open, lo, hi, hi_open = m[1] == "(", m[2].strip(), m[3].strip(), m[4] == ")"
    if lo and hi:
        if float(lo) == float(hi):
            return "value", _num(lo), "", ""
        return "range", "", _num(lo), _num(hi)
    if lo:
        return ("lower_open" if lo_open else "lower_closed"), _num(lo), "", ""
    return ("upper_open" if hi_open else "upper_closed"), _num(hi), "", ""


def _rule_scope(suite: str, inp: str, span: str, mode: str) -> str:
    """The scope a rule decides, or "" when no rule does (then ``_judged`` or in/in-cn)."""
    if any(c in _FINANCIAL for c in span or inp):
        return "out:financial-uppercase"
    if any(c in _TRADITIONAL for c in inp):
        return "out:traditional-script"
    core = (span or inp).strip()
    if "幺" in core or re.search(r"[零〇一二三四五六七八九]{4,}", core):
        return "out:digit-sequence"
    if re.search(r"\S\s+\S", core):
        return "out:spaced-tokens"
    if re.search(r"\d\s*[kKmMgG]\b|\d\s*[kKＫ]|\de|\^|[<>]\s*=", core):
        return "out:math-notation"
    if "又" in core:
        return "out:math-notation"
    if "兆" in core:
        return "out:ambiguous-magnitude(兆)"
    if "万万" in core:
        return "out:archaic-numeral"
    if re.search(f"[{_CN}\\d][斤双对]$", inp.strip()) or "斤" in inp:
        return "out:unit-not-modelled(斤/双/对)"
    if re.match(r"-?\.\d", core) or re.search(r"\d[eE]", core):
        return "out:math-notation"
    if "打" in core:
        return "out:pair/dozen-measure"
    if suite == "recognizers_percent" and "折" in core:
        return "out:retail-discount(折)"
    if re.search(r"[万亿]点", core):
        return "out:nonstandard-decimal(万点)"
    if re.search(r"万[多余几]+亿", core):
        return "out:nonstandard-magnitude(万多亿)"
    if re.search(r"\d[十百千万亿]+零?\d", core):
        return "out:mixed-numeral(3万4000)"
    if re.match(r"负的?(?:[^\d]*分之)", core):
        return "out:spoken-negative(负百分之)"
    numeral = re.sub(r"点.*$", "", core)
    if re.search(
        r"[一二两三四五六七八九]{2}", re.sub(r"^[^一二两三四五六七八九十百千万亿]*", "", numeral)
    ):
        # 三五百, 十七八万, 五六十: two numerals side by side are a vague range in speech; in
        # policy prose the same shape is a plan's name (十四五, 十三五)
        return "out:approx-adjacent(三五百)"
    numeral = re.sub(r"^(负|第|百分之|千分之)", "", numeral)
    if re.fullmatch(f"[{_CN}]+", numeral) and (
        re.search(r"(?<!零)(?<=[一二两三四五六七八九])[百千万亿][一二两三四五六七八九]$", numeral)
        or re.match(r"[百千][一二两三四五六七八九]", numeral)
    ):
        return "out:spoken-elision(两千六)"
    return ""


# Judgements a rule does not make, by (suite, input, result span), with their reasons: data in
# recognizers_judged.tsv (suite, input, span, scope, note).
JUDGED = Path(__file__).with_name("recognizers_judged.tsv")


def _judged() -> dict[tuple[str, str, str], tuple[str, str]]:
    rows = JUDGED.read_text(encoding="utf-8").splitlines()[1:]
    out: dict[tuple[str, str, str], tuple[str, str]] = {}
    for line in rows:
        suite, inp, span, scope, note = line.split("\t")
        out[(suite, inp, span)] = (scope, note)
    return out


_JUDGED = _judged()


def _cur_unit(resolution: dict[str, str]) -> str:
    iso = resolution.get("isoCurrency", "")
    if iso in _ISO:
        return _ISO[iso]
    if resolution.get("unit") == "Dollar":
        return "usd"
    return f"foreign:{iso or resolution.get('unit', '?')}"


def _scope(suite: str, inp: str, span: str, mode: str, exp_unit: str) -> tuple[str, str]:
    key = (suite, inp, span)
    if key in _JUDGED:
        return _JUDGED[key]
    rule = _rule_scope(suite, inp, span, mode)
    if rule:
        return rule, ""
    if exp_unit.startswith("foreign:"):
        return "out:foreign-currency", ""
    core = (span or inp).strip()
    if "块" in core or "毛" in core or (re.search(r"[角分]$", core) and "元" in core):
        return "out:colloquial-money(块/毛/角/分)", ""
    bare = re.sub(_BOUND_WORDS, "", span)
    if mode == "sentence" and span and re.fullmatch(f"[{_CN}点]+(?:[到至][{_CN}点]+)?", bare):
        # a Chinese numeral in running text: regiondev reads one only before a unit it models
        start = inp.find(span)
        at = start + len(span)
        if not _CN_TAIL.match(inp, at) and not inp[:start].endswith(("百分之", "千分之")):
            return (
                "out:bare-cn-in-text",
                "a Chinese numeral with no unit in running text is a name or an idiom in "
                "policy prose (十四五, 三农, 五位一体); regiondev reads one only before a unit",
            )
    if re.search(r"\d", core) and not re.search(f"[{_CN}]", core.replace("第", "")):
        return "in", ""
    if re.fullmatch(f"[{_CN}点负第]+", core):
        return "in-cn", ""
    return "in", ""


def _rows_for(suite: str, source: str, cases: list[dict[str, object]]) -> list[Row]:
    rows: list[Row] = []
    n = 0

    def add(
        inp: str,
        mode: str,
        span: str,
        kind: str,
        val: str,
        lo: str,
        hi: str,
        unit: str,
        note: str = "",
        rspan: str = "",
    ) -> None:
        nonlocal n
        n += 1
        scope, why = _scope(suite, inp, rspan, mode, unit)
        notes = "; ".join(x for x in (why, note) if x)
        rows.append(
            Row(
                suite,
                source,
                f"{suite}:{n:04d}",
                inp,
                mode,
                span,
                kind,
                val,
                lo,
                hi,
                unit,
                scope,
                notes,
            )
        )

    for case in cases:
        inp = str(case["Input"])
        results = list(case.get("Results") or [])  # type: ignore[call-overload]
        not_supported = str(case.get("NotSupported", ""))
        peer_note = f"peer: not supported in {not_supported}" if not_supported else ""
        if not results:
            if suite == "recognizers_currency":
                add(inp, "sentence", "", "none_money", "", "", "", "yuan", peer_note)
            elif re.fullmatch(r"\S{1,4}", inp.strip()):
                add(inp.strip(), "expr", "", "reject", "", "", "", "number", peer_note)
            else:
                add(inp, "sentence", "", "none", "", "", "", "number", peer_note)
            continue
        for res in results:
            start, end = int(res["Start"]), int(res["End"])
            span = inp[start : end + 1]
            resolution = res.get("Resolution") or {}
            value = resolution.get("value")
            stripped = inp.strip()
            after = stripped[stripped.find(span) + len(span) :] if span in stripped else "?"
            if stripped == span or (
                len(results) == 1
                and stripped.startswith(span)
                and len(after) == 1
                and after in _CLASSIFIERS | {"多", "余", "几"}
            ):
                mode, text = "expr", stripped
            else:
                mode, text = "sentence", inp
            note = peer_note
            if suite == "recognizers_range":
                kind, val, lo, hi = _interval(str(value))
                note = "; ".join(x for x in (f"peer interval {value}", note) if x)
                fraction = "分之" in span or "/" in span
                unit = "percent" if "百分之" in span else "ratio" if fraction else "any"
            elif suite == "recognizers_percent":
                kind, val, lo, hi = "value", _num(str(value).rstrip("%")), "", ""
                unit = "percent"
            elif suite == "recognizers_ordinal":
                kind, val, lo, hi = "value", _num(str(value)), "", ""
                unit = "rank"
            elif suite == "recognizers_currency":
                if value is None:
                    kind, val, lo, hi = "value", "", "", ""
                else:
                    kind, val, lo, hi = "value", _num(str(value)), "", ""
                unit = _cur_unit(resolution)
            else:
                kind, val, lo, hi = "value", _num(str(value)), "", ""
                unit = "ratio" if ("分之" in span or "/" in span or "／" in span) else "any"
                tail = inp[end + 1 : end + 2]
                if re.search("[多余几]", span) or tail in ("多", "余"):
                    kind = "lower_open"
                    note = "; ".join(
                        x
                        for x in (
                            "the number model resolves 多/余/几 to the base; the peer's range "
                            "model reads the same words as a strict lower bound",
                            note,
                        )
                        if x
                    )
            add(text, mode, span if mode == "sentence" else "", kind, val, lo, hi, unit, note, span)
    return rows


def build(repo: Path) -> list[Row]:
    commit = _commit(repo)
    rows: list[Row] = []
    for suite, path in SPECS.items():
        cases = json.loads(_git_show(repo, path))
        source = f"microsoft/Recognizers-Text:{path}@{commit[:12]}"
        rows += _rows_for(suite, source, cases)
    return rows


def write(rows: list[Row], out: Path) -> None:
    tmp = out.with_suffix(".tmp")
    lines = ["\t".join(COLUMNS)]
    for r in rows:
        fields = [str(getattr(r, c)) for c in COLUMNS]
        if any(("\t" in f or "\n" in f) for f in fields):
            raise ValueError(f"{r.cid}: a tab or a newline in a field")
        lines.append("\t".join(fields))
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(out)


def convert(
    build: Callable[[Path], list[Row]],
    repo: Path,
    out: Path,
    doc: str | None,
    argv: list[str] | None = None,
) -> int:
    """A converter's command line: ``--repo`` (the peer's checkout) → ``--out`` (the TSV)."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0] if doc else None)
    ap.add_argument("--repo", type=Path, default=repo)
    ap.add_argument("--out", type=Path, default=out)
    args = ap.parse_args(argv)
    rows = build(args.repo)
    write(rows, args.out)
    print(f"{len(rows)} cases → {args.out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    return convert(build, REPO, OUT, __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())
