"""CLI: `regiondev growth` in every format, with --deflator and --catalog, and its errors."""

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from regiondev.cli.app import app

runner = CliRunner()

CONTRACT = {
    "region",
    "indicator",
    "target_id",
    "baseline_ids",
    "base_period",
    "base_value",
    "target_period",
    "target_value",
    "years",
    "required_cagr",
    "required_cagr_low",
    "required_cagr_high",
    "historical_growth",
    "historical_basis",
    "ratio",
    "classification",
    "note",
}


def _ok(args: list[str]) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_json_rows_have_the_contract_fields() -> None:
    rows = json.loads(_ok(["growth", "--format", "json"]))
    assert rows
    for r in rows:
        assert set(r) >= CONTRACT
        assert isinstance(r["baseline_ids"], list)
        assert r["required_cagr_low"] is not None or r["reason"]
    gdp = next(r for r in rows if r["target_id"] == "zz21-gdp-target-2025")
    # (5000 / 3109.7865)^(1/5) − 1 = 0.099633
    assert gdp["required_cagr"] == pytest.approx(0.099633, abs=1e-6)
    assert gdp["classification"] == "basis_differs" and gdp["ratio"] is None
    # unbounded interval ends are null in JSON
    assert gdp["target_high"] is None


def test_deflator_changes_the_classification() -> None:
    rows = json.loads(_ok(["growth", "--format", "json", "--deflator", "0.02"]))
    gdp = next(r for r in rows if r["target_id"] == "zz21-gdp-target-2025")
    # (1.071)(1.02) − 1 = 0.09242; / 0.099633 = 0.92761 → acceleration needed
    assert gdp["ratio"] == pytest.approx(0.92761, abs=1e-4)
    assert gdp["classification"] == "acceleration_needed"
    assert gdp["deflator"] == 0.02


def test_csv_table_and_markdown() -> None:
    rows = list(csv.DictReader(io.StringIO(_ok(["growth", "--format", "csv"]))))
    assert set(rows[0]) >= CONTRACT
    gdp = next(r for r in rows if r["target_id"] == "zz21-gdp-target-2025")
    assert set(gdp["baseline_ids"].split(";")) == {
        "zz21-gdp-2020",
        "zz21-hightech-va-2020",
        "zz21-hightech-va-share-gdp-2020",
    }
    # a table never splits an id: asked for, it shows whole on one line
    assert "zz21-gdp-target-2025" in _ok(["growth", "--columns", "target_id,verdict"])
    md = _ok(["growth", "--format", "md"])
    # the human formats lead with whose target it is, in words, and the verdict
    assert md.startswith("| target | verdict | goal | required a year |")
    # Zhuzhou GDP: 迈上5000亿元 (at least 5000 亿元 = 500 bn yuan) by 2025; 9.92–10.00 % a
    # year required from the 2020 baseline [3104.25, 3115.35]; 7.1 % real on record; the
    # period is over and the texts hold no 2025 figure: no outcome on record
    assert (
        "| Zhuzhou: Gross regional product | no outcome on record | ≥ 500 bn yuan by 2025 "
        "| 9.92–10.00 % nominal | 7.1 % real |" in md
    )
    table = _ok(["growth"])
    assert "target" in table and "verdict" in table and "Zhuzhou" in table


def test_deflator_ratio_interval_carries_the_printed_rounding() -> None:
    rows = json.loads(_ok(["growth", "--format", "json", "--deflator", "0.02"]))
    gdp = next(r for r in rows if r["target_id"] == "zz21-gdp-target-2025")
    # 7.1 % → [7.05, 7.15] %; (1.0705)(1.02) − 1 = 0.09191, (1.0715)(1.02) − 1 = 0.09293;
    # required [0.099240, 0.100026] → ratio [0.09191 / 0.100026, 0.09293 / 0.099240]
    # = [0.91886, 0.93641]
    assert gdp["historical_growth_low"] == pytest.approx(0.0705)
    assert gdp["historical_growth_high"] == pytest.approx(0.0715)
    assert gdp["ratio_low"] == pytest.approx(0.91886, abs=1e-4)
    assert gdp["ratio_high"] == pytest.approx(0.93641, abs=1e-4)


@pytest.mark.parametrize("value", ["5", "abc", "-0.9", "nan"])
def test_bad_deflator_exits_2_with_a_message(value: str) -> None:
    result = runner.invoke(app, ["growth", "--deflator", value])
    assert result.exit_code == 2
    assert "deflator" in result.stderr
    assert result.stdout == ""


def test_user_catalog_option(tmp_path: Path) -> None:
    path = tmp_path / "bulletin.toml"
    path.write_text(
        """
[[source]]
id = "fixture21"
title = "test fixture: synthetic bulletin figures (not real data)"
outlet = "regiondev test suite"
published = "2021-03-31"
url = "https://example.org/synthetic-bulletin"

[[observation]]
id = "fixture21-profit-2020"
source = "fixture21"
region = "changsha"
indicator = "industrial_profit"
status = "actual"
period = "2020"
figure = "500亿元"
value = 500
unit = "cny_100m"
bound = "exact"
basis = "nominal"
quote = "2020年规模工业企业利润总额500亿元"
""",
        encoding="utf-8",
    )
    rows = json.loads(_ok(["growth", "--format", "json", "--catalog", str(path)]))
    profit = next(r for r in rows if r["target_id"] == "cs21-profit-target-2025")
    # (1000 / 500)^(1/5) − 1 = 0.148698
    assert profit["required_cagr"] == pytest.approx(0.148698, abs=1e-6)
    assert profit["baseline_ids"] == ["fixture21-profit-2020"]


def test_missing_user_catalog_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["growth", "--catalog", str(tmp_path / "nope.toml")])
    assert result.exit_code == 2
    assert "nope.toml" in result.stderr


def test_an_actual_increment_is_never_a_level_baseline(tmp_path: Path) -> None:
    # the same synthetic figure as above, but printed as 新增 (the profit added in 2020): a flow
    path = tmp_path / "bulletin.toml"
    path.write_text(
        """
[[source]]
id = "fixture21"
title = "test fixture: synthetic bulletin figures (not real data)"
outlet = "regiondev test suite"
published = "2021-03-31"
url = "https://example.org/synthetic-bulletin"

[[observation]]
id = "fixture21-profit-new-2020"
source = "fixture21"
region = "changsha"
indicator = "industrial_profit"
status = "actual"
period = "2020"
figure = "500亿元"
value = 500
unit = "cny_100m"
bound = "exact"
basis = "nominal"
quote = "2020年规模工业企业利润总额新增500亿元"
increment = true
""",
        encoding="utf-8",
    )
    shipped = json.loads(_ok(["growth", "--format", "json"]))
    rows = json.loads(_ok(["growth", "--format", "json", "--catalog", str(path)]))
    profit = next(r for r in rows if r["target_id"] == "cs21-profit-target-2025")
    before = next(r for r in shipped if r["target_id"] == "cs21-profit-target-2025")
    # not taken as the 2020 level (that would give (1000 / 500)^(1/5) − 1 = 14.87 % a year):
    # still no baseline, and the reason names the increment it left out
    assert profit["required_cagr"] is None and before["required_cagr"] is None
    assert profit["baseline_ids"] == before["baseline_ids"]
    assert "fixture21-profit-new-2020" not in (profit["baseline_ids"] or [])
    assert profit["reason"] == (
        "no baseline: on record only increments (新增: flows, not levels): "
        "fixture21-profit-new-2020 (2020)"  # the period as a reader writes it
    )
    assert "fixture21-profit-new-2020" in profit["observation_ids"]
    # every other row is exactly what it is without the user's file
    others = [r for r in rows if r["target_id"] != "cs21-profit-target-2025"]
    assert others == [r for r in shipped if r["target_id"] != "cs21-profit-target-2025"]


TRACKER_FIELDS = {
    "verdict",
    "verdict_text",
    "margin",
    "margin_unit",
    "outcome_id",
    "outcome_value",
    "outcome_period",
    "latest_id",
    "latest_value",
    "latest_period",
    "required_pace",
    "required_pace_unit",
    "implied_deflator",
    "breakeven_deflator",
    "p_met",
}


def test_json_rows_carry_the_verdict_fields() -> None:
    rows = json.loads(_ok(["growth", "--format", "json", "--as-of", "2026-06-30"]))
    assert len(rows) == 20  # one per shipped target
    for r in rows:
        assert set(r) >= TRACKER_FIELDS | CONTRACT
        assert r["verdict"] and r["verdict_text"]
    gdp = next(r for r in rows if r["target_id"] == "zz21-gdp-target-2025")
    # no 2025 figure: no outcome; the latest is the derived 3109.79 of 2020, 37.8 % short
    assert gdp["verdict"] == "no_outcome" and gdp["margin"] == pytest.approx(-37.804, abs=1e-3)
    # break-even deflator (1 + 0.95 × 0.099633) / 1.071 − 1 = 0.022083
    assert gdp["breakeven_deflator"] == pytest.approx(0.022083, abs=1e-6)
    assert gdp["p_met"] is None  # the period is over


def test_as_of_before_the_end_gives_pace_verdicts() -> None:
    rows = json.loads(
        _ok(["growth", "--format", "json", "--as-of", "2021-12-31", "--deflator", "0.02"])
    )
    gdp = next(r for r in rows if r["target_id"] == "zz21-gdp-target-2025")
    # (1.071)(1.02) − 1 = 0.09242; / 0.099633 = 0.928 → acceleration needed, period to come
    assert gdp["verdict"] == "acceleration_needed"
    assert gdp["required_pace"] == pytest.approx(0.099633, abs=1e-6)
    assert gdp["required_pace_unit"] == "fraction_per_year"


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--since", "20"], "--since"), (["--as-of", "2026-13-01"], "--as-of")],
)
def test_bad_since_and_as_of_exit_2(args: list[str], message: str) -> None:
    result = runner.invoke(app, ["growth", *args])
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.stderr


EDGE = """
[[source]]
id = "edge"
title = "test fixture: degenerate figures (not real data)"
outlet = "regiondev test suite"
published = "2026-03-31"
url = "https://example.org/edge"
region = "zhuzhou"

[[observation]]
id = "edge-gdp-target-zero"
source = "edge"
region = "zhuzhou"
indicator = "gdp"
status = "target"
period = "2025"
figure = "0亿元以上"
value = 0
unit = "cny_100m"
bound = "at_least"
basis = "nominal"
quote = "全市0亿元以上"

[[observation]]
id = "edge-gdp-growth-2016-2020"
source = "edge"
region = "zhuzhou"
indicator = "gdp_growth"
status = "actual"
period = "2016-2020"
figure = "-100%"
value = -100
unit = "percent"
bound = "exact"
basis = "real"
quote = "全市-100%"
"""


def test_a_zero_target_and_a_minus_100_growth_in_growth_and_the_report(tmp_path: Path) -> None:
    path = tmp_path / "edge.toml"
    path.write_text(EDGE, encoding="utf-8")
    rows = json.loads(
        _ok(["growth", "--catalog", str(path), "--format", "json", "--deflator", "0.02"])
    )
    zero = next(r for r in rows if r["target_id"] == "edge-gdp-target-zero")
    assert zero["verdict"] == "not_assessable" and "target ≤ 0" in zero["reason"]
    out = tmp_path / "report"
    result = runner.invoke(app, ["report", "--out", str(out), "--catalog", str(path)])
    assert result.exit_code == 0, result.stderr
    assert (out / "report.md").exists()
