"""Per-field accuracy of ``extract`` on hand-labelled texts the extractor was not tuned on.

Each ``tests/extract/labelled/<name>.txt`` has ``<name>.labels.toml`` beside it (format in that
folder's README.md): every figure of the text with the six fields an analyst would record
(region with its subject, status, kind, period, unit, bound) and its value, and every number
that is no figure (dates, ordinals, changes, ratios…) as one to set aside.

The scorer runs ``extract_text`` on each text, finds each label in the clean text (its
``figure`` inside its unique ``in`` snippet) and takes the claim overlapping it most. It
reports, per text and overall:

- recall: labelled figures that a kept (not set-aside) claim covers;
- per-field accuracy over the figures found, and the value's;
- all six: labelled figures with every field right (a figure not found counts as wrong);
- aside agreement: labelled non-figures that no kept claim covers (a difference labelled
  ``change`` also agrees with a claim kept with kind ``change``);
- precision: kept claims that cover a labelled figure (a kept claim over a set-aside label or
  over no label at all counts against it; a claim of kind ``change`` is not counted as kept);

and every mismatch (text, figure, field, expected, got).

Usage: python benchmarks/field_accuracy.py [--dir tests/extract/labelled] [--json out.json]
       [--mismatches] [--field period]
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import sys
import tomllib
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "tests" / "extract" / "labelled"

#: The six fields every labelled figure carries (region includes the subject: zhuzhou/醴陵).
FIELDS: tuple[str, ...] = ("region", "status", "kind", "period", "unit", "bound")
KINDS = frozenset({"level", "count", "share", "growth", "rank", "other"})
STATUSES = frozenset({"actual", "target"})
BOUNDS = frozenset({"exact", "approx", "at_least", "more_than", "at_most", "less_than", "range"})
#: Why a number is no figure: the classes the extractor's set_aside_reason maps onto.
ASIDE_REASONS = frozenset(
    {
        "date",
        "period",
        "change",
        "ratio",
        "sector",
        "ordinal",
        "structure",
        "code",
        "plan_name",
        "scale",
        "furniture",
        "damaged",
    }
)
_REASON_PREFIXES: tuple[tuple[str, str], ...] = (
    ("date", "date"),
    ("period expression", "period"),
    ("plan structure", "structure"),
    ("phone number", "code"),
    ("licence number", "code"),
    ("code or identifier", "code"),
    ("percentage-point change", "change"),
    ("increase over an earlier figure", "change"),
    ("change in rank", "change"),
    ("ordinal of a batch", "ordinal"),
    ("sector name", "sector"),
    ("part of a ratio", "ratio"),
    ("part of a plan's name", "plan_name"),
    ("scale label", "scale"),
    ("page furniture", "furniture"),
    ("inside the byte-damaged", "damaged"),
)


class LabelError(ValueError):
    """A label file that cannot be read: names the file, the record and the field."""


def reason_class(reason: str) -> str:
    """The class of an extractor's set_aside_reason (``other`` for one not known here)."""
    for prefix, cls in _REASON_PREFIXES:
        if reason.startswith(prefix):
            return cls
    return "other"


@dataclass(frozen=True)
class Label:
    """One labelled number: a figure (``aside`` empty) or a number to set aside."""

    figure: str
    start: int  # clean-text span of ``figure``
    end: int
    aside: str = ""  # reason class when the number is no figure
    value: float | None = None
    region: str = ""
    status: str = ""
    kind: str = ""
    period: str = ""
    unit: str = ""
    bound: str = ""
    note: str = ""

    def expected(self, name: str) -> str:
        return str(getattr(self, name))


@dataclass(frozen=True)
class Mismatch:
    text: str
    figure: str
    field: str
    expected: str
    got: str
    quote: str = ""


@dataclass
class TextScore:
    """Counts of one text (or of all texts pooled); shares are computed from them."""

    text: str
    figures: int = 0
    found: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys((*FIELDS, "value"), 0))
    all_six: int = 0
    asides: int = 0
    asides_agreed: int = 0
    kept: int = 0
    kept_on_figures: int = 0

    def add(self, other: TextScore) -> None:
        self.figures += other.figures
        self.found += other.found
        for k, v in other.right.items():
            self.right[k] += v
        self.all_six += other.all_six
        self.asides += other.asides
        self.asides_agreed += other.asides_agreed
        self.kept += other.kept
        self.kept_on_figures += other.kept_on_figures

    @staticmethod
    def _share(hits: int, total: int) -> float | None:
        return hits / total if total else None

    def shares(self) -> dict[str, float | None]:
        """recall, each field's accuracy (over figures found), all_six (over figures),
        aside agreement and precision; None (never NaN) where there is nothing to count."""
        out: dict[str, float | None] = {"recall": self._share(self.found, self.figures)}
        for k in (*FIELDS, "value"):
            out[k] = self._share(self.right[k], self.found)
        out["all_six"] = self._share(self.all_six, self.figures)
        out["aside_agreement"] = self._share(self.asides_agreed, self.asides)
        out["precision"] = self._share(self.kept_on_figures, self.kept)
        return out


@dataclass(frozen=True)
class Score:
    texts: tuple[TextScore, ...]
    overall: TextScore
    mismatches: tuple[Mismatch, ...]

    def to_dict(self) -> dict[str, Any]:
        def row(t: TextScore) -> dict[str, Any]:
            return {"text": t.text, "figures": t.figures, "asides": t.asides, **t.shares()}

        return {
            "overall": row(self.overall),
            "texts": [row(t) for t in self.texts],
            "mismatches": [asdict(m) for m in self.mismatches],
        }


def _occurrences(clean: str, snippet: str) -> list[int]:
    """Starts of ``snippet`` in ``clean`` that are not inside a longer number (5.8% in 15.8%)."""
    hits = []
    at = clean.find(snippet)
    while at != -1:
        before = clean[at - 1] if at else ""
        after = clean[at + len(snippet) : at + len(snippet) + 1]
        inside = (snippet[0].isdigit() and (before.isdigit() or before == ".")) or (
            snippet[-1].isdigit() and (after.isdigit() or after == ".")
        )
        if not inside:
            hits.append(at)
        at = clean.find(snippet, at + 1)
    return hits


def _locate(clean: str, figure: str, snippet: str, where: str) -> tuple[int, int]:
    """The clean-text span of ``figure`` inside the one occurrence of ``snippet``."""
    snippet = snippet or figure
    if figure not in snippet:
        raise LabelError(f"{where}: field in: {snippet!r} does not hold the figure {figure!r}")
    hits = _occurrences(clean, snippet)
    if not hits:
        raise LabelError(f"{where}: field in: {snippet!r} is not in the text")
    if len(hits) > 1:
        raise LabelError(f"{where}: field in: {snippet!r} occurs more than once; lengthen it")
    start = hits[0] + snippet.index(figure)
    return start, start + len(figure)


def _check(value: object, allowed: frozenset[str], name: str, where: str) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise LabelError(f"{where}: field {name}: {value!r} is not one of {sorted(allowed)}")
    return value


def load_labels(path: Path, clean: str) -> list[Label]:
    """The labels of one ``.labels.toml``, located in the text's clean form ``clean``."""
    from regiondev.numbers import UNITS

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise LabelError(f"{path.name}: not valid TOML: {exc}") from None
    defaults = data.get("defaults", {})
    units = frozenset(UNITS) | {""}
    labels: list[Label] = []
    for i, rec in enumerate(data.get("figure", [])):
        where = f"{path.name}: figure {i + 1} ({rec.get('figure', '?')!r})"
        rec = {**defaults, **rec}
        unknown = set(rec) - {
            "figure",
            "in",
            "value",
            "region",
            "subject",
            *FIELDS,
            "note",
        }
        if unknown:
            raise LabelError(f"{where}: unknown fields {sorted(unknown)}")
        for name in ("figure", "value", *FIELDS):
            if name not in rec:
                raise LabelError(f"{where}: field {name} is missing")
        start, end = _locate(clean, rec["figure"], rec.get("in", ""), where)
        region = rec["region"] + (f"/{rec['subject']}" if rec.get("subject") else "")
        labels.append(
            Label(
                figure=rec["figure"],
                start=start,
                end=end,
                value=float(rec["value"]),
                region=region,
                status=_check(rec["status"], STATUSES, "status", where),
                kind=_check(rec["kind"], KINDS, "kind", where),
                period=str(rec["period"]),
                unit=_check(rec["unit"], units, "unit", where),
                bound=_check(rec["bound"], BOUNDS, "bound", where),
                note=rec.get("note", ""),
            )
        )
    for i, rec in enumerate(data.get("aside", [])):
        where = f"{path.name}: aside {i + 1} ({rec.get('figure', '?')!r})"
        unknown = set(rec) - {"figure", "in", "reason", "note"}
        if unknown:
            raise LabelError(f"{where}: unknown fields {sorted(unknown)}")
        if "figure" not in rec:
            raise LabelError(f"{where}: field figure is missing")
        start, end = _locate(clean, rec["figure"], rec.get("in", ""), where)
        labels.append(
            Label(
                figure=rec["figure"],
                start=start,
                end=end,
                aside=_check(rec.get("reason"), ASIDE_REASONS, "reason", where),
                note=rec.get("note", ""),
            )
        )
    spans = sorted((lab.start, lab.end, lab.figure) for lab in labels)
    for (_, b1, f1), (a2, _, f2) in itertools.pairwise(spans):
        if a2 < b1:
            raise LabelError(f"{path.name}: labels {f1!r} and {f2!r} overlap at offset {a2}")
    return labels


def _got(claim: Any, name: str) -> str:
    if name == "region":
        return str(claim.region) + (f"/{claim.subject}" if claim.subject else "")
    return str(getattr(claim, name))


def score_text(path: Path) -> tuple[TextScore, list[Mismatch]]:
    """Score one labelled text (``<name>.txt`` with ``<name>.labels.toml`` beside it)."""
    from regiondev._extract.claims import extract_text
    from regiondev.text import clean

    raw = path.read_text(encoding="utf-8")
    text = clean(raw).text
    label_path = path.with_name(path.stem + ".labels.toml")
    if not label_path.exists():
        raise LabelError(f"{path.name}: no labels ({label_path.name} is missing)")
    labels = load_labels(label_path, text)
    doc = extract_text(raw, source=path.stem, path=str(path))
    name = path.stem
    ts = TextScore(name)
    out: list[Mismatch] = []
    claims = [c for c in doc.claims if c.value is not None or c.set_aside_reason]
    owner: dict[int, Label] = {}  # claim index → the label it was matched to
    for lab in labels:
        overlaps = [
            (min(c.end, lab.end) - max(c.start, lab.start), -i)
            for i, c in enumerate(claims)
            if c.start < lab.end and lab.start < c.end
        ]
        best = claims[-max(overlaps)[1]] if overlaps else None
        if overlaps:
            owner[-max(overlaps)[1]] = lab
        if lab.aside:
            ts.asides += 1
            if lab.aside == "change" and best is not None and best.kind == "change":
                # a difference kept but marked as a change is as good as set aside (issue 13)
                ts.asides_agreed += 1
            elif best is None or best.set_aside_reason:
                ts.asides_agreed += 1
                got = reason_class(best.set_aside_reason) if best is not None else "no claim"
                if best is not None and got != lab.aside:
                    # set aside for another reason: agreement, listed for information
                    out.append(Mismatch(name, lab.figure, "aside_reason", lab.aside, got))
            else:
                out.append(
                    Mismatch(
                        name,
                        lab.figure,
                        "set_aside",
                        lab.aside,
                        f"kept as {best.kind} {best.unit} ({best.figure})",
                        best.quote,
                    )
                )
            continue
        ts.figures += 1
        if best is None or best.set_aside_reason:
            got = best.set_aside_reason if best is not None else "no claim"
            out.append(Mismatch(name, lab.figure, "found", "a figure", got))
            continue
        ts.found += 1
        wrong = 0
        for f in FIELDS:
            g = _got(best, f)
            if g == lab.expected(f):
                ts.right[f] += 1
            else:
                wrong += 1
                out.append(Mismatch(name, lab.figure, f, lab.expected(f), g, best.quote))
        assert lab.value is not None
        if best.value is not None and math.isclose(best.value, lab.value, rel_tol=1e-9):
            ts.right["value"] += 1
        else:
            out.append(Mismatch(name, lab.figure, "value", str(lab.value), str(best.value)))
        ts.all_six += wrong == 0
    for i, c in enumerate(claims):
        if c.set_aside_reason or c.kind == "change":
            continue  # a change is no figure, whether set aside or marked
        ts.kept += 1
        lab2 = owner.get(i)
        if lab2 is not None and not lab2.aside:
            ts.kept_on_figures += 1
        elif lab2 is None:
            out.append(Mismatch(name, c.figure, "unlabelled", "", f"kept claim {c.kind}", c.quote))
    return ts, out


def score(label_dir: Path = LABELLED) -> Score:
    """Score every labelled text of ``label_dir``."""
    texts = sorted(label_dir.glob("*.txt"))
    if not texts:
        raise LabelError(f"{label_dir}: no labelled texts (*.txt)")
    overall = TextScore("all")
    scores: list[TextScore] = []
    mismatches: list[Mismatch] = []
    for path in texts:
        ts, mm = score_text(path)
        scores.append(ts)
        mismatches.extend(mm)
        overall.add(ts)
    return Score(tuple(scores), overall, tuple(mismatches))


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.1f}"


def render(result: Score) -> str:
    """A plain-text table: one row per text and the overall row."""
    cols = ("recall", *FIELDS, "value", "all_six", "aside_agreement", "precision")
    head = ["text".ljust(28), "figs".rjust(5)] + [c[:9].rjust(9) for c in cols]
    lines = [" ".join(head)]
    for t in (*result.texts, result.overall):
        sh = t.shares()
        cells = [t.text[:28].ljust(28), str(t.figures).rjust(5)]
        cells += [_pct(sh[c]).rjust(9) for c in cols]
        lines.append(" ".join(cells))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", type=Path, default=LABELLED, help="folder of labelled texts")
    ap.add_argument("--json", type=Path, help="write the scores and mismatches as JSON here")
    ap.add_argument("--mismatches", action="store_true", help="list every mismatch")
    ap.add_argument("--field", help="list the mismatches of this field only")
    args = ap.parse_args(argv)
    try:
        result = score(args.dir)
    except LabelError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(render(result))
    counts = Counter(m.field for m in result.mismatches)
    print("\nmismatches by field: " + ", ".join(f"{k} {v}" for k, v in counts.most_common()))
    if args.mismatches or args.field:
        for m in result.mismatches:
            if args.field and m.field != args.field:
                continue
            print(f"{m.text}\t{m.figure}\t{m.field}\texpected {m.expected!r}\tgot {m.got!r}")
    if args.json:
        tmp = args.json.with_suffix(args.json.suffix + ".tmp")
        tmp.write_text(json.dumps(result.to_dict(), ensure_ascii=False, indent=1), "utf-8")
        tmp.replace(args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
