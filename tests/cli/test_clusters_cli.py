"""CLI: `regiondev clusters` in every format, one table, a user reference catalog, errors."""

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from regiondev.cli.app import app

runner = CliRunner()


def _ok(args: list[str]) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_json_is_a_list_of_rows_with_ids() -> None:
    rows = json.loads(_ok(["clusters", "--format", "json"]))
    assert isinstance(rows, list) and rows
    tables = {r["table"] for r in rows}
    assert tables == {
        "composition",
        "concentration",
        "location_quotients",
        "chi_square",
        "hunan_position",
        "plans",
    }
    for r in rows:
        assert r["observation_ids"] or r["plan_element_ids"], r["item"]
        assert r["comparability"]
    east = next(r for r in rows if r["item"] == "macro_region=east vs resident_population")
    # (30/45) / (563,717,119 / 1,409,778,724) ≈ 1.66724
    assert east["value"] == pytest.approx((30 / 45) / (563_717_119 / 1_409_778_724))
    implied = next(
        r for r in rows if r["item"] == "Hunan industrial output implied by the two 2025 targets"
    )
    # more than 20,000 亿元, unbounded above → null in JSON; a bound is no value (null)
    assert (implied["value"], implied["low"], implied["high"]) == (None, 20000, None)


def test_one_table_as_csv() -> None:
    out = _ok(["clusters", "--table", "composition", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(out)))
    it = next(r for r in rows if r["member"] == "it")
    assert it["share_exact"] == "13/45"
    assert it["observation_ids"].split(";")[0] == "cn22-clusters-domain-it"


def test_table_and_markdown_render() -> None:
    out = _ok(["clusters"])
    assert "437/2025" in out
    md = _ok(["clusters", "--table", "concentration", "--format", "md"])
    assert md.startswith("| partition") and "649/2025" in md


def test_user_catalog_adds_a_gdp_reference(tmp_path: Path) -> None:
    # made-up fixture: GDP 50 : 25 : 20 : 5 → east LQ = (30/45)/(50/100) = 4/3
    lines = [
        "[[source]]",
        'id = "userref"',
        'title = "Test fixture (made-up numbers)"',
        'outlet = "tests"',
        'published = "2022-06-01"',
        'url = "https://example.invalid/fixture"',
    ]
    for member, value in {"east": 50, "central": 25, "west": 20, "northeast": 5}.items():
        lines += [
            "[[observation]]",
            f'id = "user-gdp-{member}"',
            'source = "userref"',
            'region = "china"',
            'indicator = "gdp"',
            'status = "actual"',
            'period = "2021"',
            f'figure = "{value}亿元"',
            f"value = {value}",
            'unit = "cny_100m"',
            'bound = "exact"',
            'basis = "nominal"',
            f'breakdown = "macro_region={member}"',
            f'quote = "{member} {value}亿元"',
        ]
    path = tmp_path / "gdp.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = _ok(["clusters", "-t", "location_quotients", "-f", "json", "--catalog", str(path)])
    rows = json.loads(out)
    gdp = {r["macro_region"]: r for r in rows if r["reference"] == "gdp"}
    assert gdp["east"]["location_quotient"] == pytest.approx(4 / 3)
    assert "user-gdp-east" in gdp["east"]["observation_ids"]
    assert "PERIOD MISMATCH" in gdp["east"]["comparability"]


def test_errors_exit_2(tmp_path: Path) -> None:
    bad = runner.invoke(app, ["clusters", "--table", "nope"])
    assert bad.exit_code == 2 and "not one of" in bad.stderr
    missing = runner.invoke(app, ["clusters", "--catalog", str(tmp_path / "none.toml")])
    assert missing.exit_code == 2


def test_reference_without_a_partition_exits_2() -> None:
    result = runner.invoke(app, ["clusters", "--reference", "gdp"])
    assert result.exit_code == 2 and "no macro-region partition of 'gdp'" in result.stderr


def test_derived_file_adds_a_row_and_a_bad_one_exits_2(tmp_path: Path) -> None:
    good = tmp_path / "mine.toml"
    good.write_text(
        '[[derived]]\nid = "mine"\ntable = "hunan_position"\nitem = "Apparel over rail"\n'
        'formula = "apparel / 2"\nunit = "cny_100m"\n'
        '[derived.inputs]\napparel = "zz21-apparel-cluster-output"\n',
        encoding="utf-8",
    )
    rows = json.loads(_ok(["clusters", "--derived", str(good), "--format", "json"]))
    row = next(r for r in rows if r["item"] == "Apparel over rail")
    assert row["observation_ids"] == ["zz21-apparel-cluster-output"] and "mine" in row["derivation"]
    bad = tmp_path / "bad.toml"
    bad.write_text('[[derived]]\nid = "x"\n', encoding="utf-8")
    result = runner.invoke(app, ["clusters", "--derived", str(bad)])
    assert result.exit_code == 2 and "field 'table': field is required" in result.stderr
