"""Per-field accuracy of ``extract`` on the hand-labelled texts of tests/extract/labelled.

The floors in labelled/thresholds.toml are the measured values rounded down: the test guards
against regressions, and is raised as the extractor improves (goal: 0.97 per field).
"""

from __future__ import annotations

import importlib.util
import re
import sys
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
LABELLED = Path(__file__).resolve().parent / "labelled"


def _scorer() -> ModuleType:
    name = "field_accuracy"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / "field_accuracy.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


fa = _scorer()


def test_the_labelled_texts_meet_their_floors() -> None:
    floors = tomllib.loads((LABELLED / "thresholds.toml").read_text(encoding="utf-8"))
    result = fa.score(LABELLED)
    shares = result.overall.shares()
    assert set(floors) <= set(shares)
    low = {k: (shares[k], v) for k, v in floors.items() if shares[k] is None or shares[k] < v}
    misses = [m for m in result.mismatches if m.field in low or (m.field == "found" and low)]
    assert not low, (low, misses[:20])


def test_every_text_has_labels_and_is_a_realistic_length() -> None:
    texts = sorted(LABELLED.glob("*.txt"))
    assert len(texts) >= 10
    for path in texts:
        n = len(path.read_text(encoding="utf-8"))
        assert 300 <= n <= 1300, (path.name, n)
        assert path.with_name(path.stem + ".labels.toml").exists(), path.name


_TEXT = (
    "长沙市统计局\n2022年，长沙市规模工业增加值增长7.6%，规模工业企业3412家，比上年末增加65家。\n"
)
_LABELS = """
[defaults]
region = "changsha"
status = "actual"
bound = "exact"

[[figure]]
figure = "7.6%"
value = 7.6
kind = "growth"
period = "2021"  # wrong on purpose: the text says 2022
unit = "percent"

[[figure]]
figure = "3412家"
value = 3412
kind = "count"
period = "2022"
unit = "enterprises"

[[aside]]
figure = "65家"
reason = "change"
"""


def test_the_scorer_reports_a_wrong_field_and_counts_it(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_text(_TEXT, encoding="utf-8")
    (tmp_path / "t.labels.toml").write_text(_LABELS, encoding="utf-8")
    result = fa.score(tmp_path)
    sh = result.overall.shares()
    # 2 figures, both found; the period of one is wrong: 1/2 right, all six 1/2
    assert (result.overall.figures, result.overall.found) == (2, 2)
    assert sh["recall"] == 1.0 and sh["period"] == 0.5 and sh["all_six"] == 0.5
    assert sh["region"] == sh["kind"] == sh["unit"] == sh["value"] == 1.0
    # the change is set aside by the extractor: 1/1 agreement; 2 kept claims, both labelled
    assert sh["aside_agreement"] == 1.0 and sh["precision"] == 1.0
    [m] = [m for m in result.mismatches if m.field != "aside_reason"]
    assert (m.figure, m.field, m.expected, m.got) == ("7.6%", "period", "2021", "2022")


def test_a_figure_labelled_as_aside_counts_against_precision(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_text(_TEXT, encoding="utf-8")
    labels = _LABELS.replace('figure = "65家"', 'figure = "65家"\nnote = "x"').replace(
        '[[figure]]\nfigure = "3412家"\nvalue = 3412\nkind = "count"\nperiod = "2022"\n'
        'unit = "enterprises"\n',
        '[[aside]]\nfigure = "3412家"\nreason = "change"\n',
    )
    (tmp_path / "t.labels.toml").write_text(labels, encoding="utf-8")
    sh = fa.score(tmp_path).overall.shares()
    # 3412家 is kept by the extractor but labelled aside: agreement 1/2, precision 1/2
    assert sh["aside_agreement"] == 0.5 and sh["precision"] == 0.5


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        (
            '[[figure]]\nfigure = "7.6%"\nvalue = 7.6\n',
            "figure 1 ('7.6%'): field region is missing",
        ),
        (
            '[[aside]]\nfigure = "99家"\nreason = "change"\n',
            "aside 1 ('99家'): field in: '99家' is not in the text",
        ),
        ('[[aside]]\nfigure = "65家"\nreason = "guess"\n', "aside 1 ('65家'): field reason"),
        ("[[aside]\n", "t.labels.toml: not valid TOML"),
    ],
)
def test_a_bad_label_is_named(tmp_path: Path, labels: str, message: str) -> None:
    (tmp_path / "t.txt").write_text(_TEXT, encoding="utf-8")
    (tmp_path / "t.labels.toml").write_text(labels, encoding="utf-8")
    prefix = "" if message.startswith("t.labels") else "t.labels.toml: "
    with pytest.raises(fa.LabelError, match="^" + re.escape(prefix + message)):
        fa.score(tmp_path)


def test_a_difference_marked_as_a_change_agrees_with_its_aside_label(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a stand-in extractor that keeps 65家 with kind "change" instead of setting it aside
    (tmp_path / "t.txt").write_text(_TEXT, encoding="utf-8")
    (tmp_path / "t.labels.toml").write_text(_LABELS, encoding="utf-8")
    import regiondev._extract.claims as claims

    real = claims.extract_text

    def marked(raw: str, **kw: Any) -> claims.DocClaims:
        doc = real(raw, **kw)
        out = tuple(
            c._replace(set_aside_reason="", kind="change") if c.figure == "65家" else c
            for c in doc.claims
        )
        assert out != doc.claims  # the stand-in changed something
        return claims.DocClaims(source=doc.source, claims=out, date=doc.date)

    monkeypatch.setattr(claims, "extract_text", marked)
    result = fa.score(tmp_path)
    sh = result.overall.shares()
    # 1/1 aside agrees; 2 kept claims (the change is not counted), both on labelled figures
    assert sh["aside_agreement"] == 1.0 and sh["precision"] == 1.0
    assert [m.field for m in result.mismatches] == ["period"]
