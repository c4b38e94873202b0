"""CLI: `regiondev check` in every format, --catalog, --rules, --strict and error paths."""

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from regiondev.cli.app import app
from tests.user_catalogs import SOURCE, profit

runner = CliRunner()
CONTRACT = {
    "check_id",
    "kind",
    "observation_ids",
    "expected",
    "actual",
    "tolerance",
    "status",
    "message",
}


def _run(args: list[str], code: int = 0) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == code, (result.stdout, result.stderr)
    return result.stdout


def test_json_rows_have_the_contract_fields() -> None:
    rows = json.loads(_run(["check", "--format", "json"]))
    assert rows and all(set(r) >= CONTRACT for r in rows)
    grim = next(r for r in rows if r["check_id"] == "cn22-innovation-centres-grim")
    assert grim["status"] == "fail" and grim["kind"] == "rounding_feasibility"
    assert grim["observation_ids"] == ["cn22-innovation-centres", "cn22-innovation-centres-share"]
    assert {r["status"] for r in rows} <= {
        "pass",
        "warn",
        "fail",
        "not_comparable",
        "not_checkable",
    }


def test_csv_joins_observation_ids() -> None:
    rows = list(csv.DictReader(io.StringIO(_run(["check", "--format", "csv"]))))
    grim = next(r for r in rows if r["check_id"] == "cn22-innovation-centres-grim")
    assert grim["observation_ids"] == "cn22-innovation-centres;cn22-innovation-centres-share"


@pytest.mark.parametrize("fmt", ["table", "md"])
def test_human_formats(fmt: str) -> None:
    out = _run(["check", "--format", fmt])
    assert "cn22-innovation-centres-grim" in out and "fail" in out


def test_summary_goes_to_stderr() -> None:
    result = runner.invoke(app, ["check", "--format", "json"])
    assert "checks:" in result.stderr and "fail" in result.stderr
    json.loads(result.stdout)  # stdout stays pure data


def test_strict_exits_1_when_a_check_fails() -> None:
    result = runner.invoke(app, ["check", "--strict", "--format", "json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)  # the verdicts are still written
    assert "--strict" in result.stderr


def test_user_rules_are_run_and_attributed(tmp_path: Path) -> None:
    rules = tmp_path / "r.toml"
    rules.write_text(
        '[[check]]\nid = "mine"\nkind = "repeated_figures"\n'
        'observations = ["cn22-clusters-domain-it", "cn22-clusters-domain-nev-icv"]\n',
        encoding="utf-8",
    )
    rows = json.loads(_run(["check", "--format", "json", "--rules", str(rules)]))
    mine = next(r for r in rows if r["check_id"] == "mine")
    # 13 vs 3: declared the same but not
    assert mine["status"] == "fail" and mine["rule"] == str(rules)


def test_bad_rules_file_exits_2_with_message(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[check]]\nid = "x"\nkind = "magic"\n', encoding="utf-8")
    result = runner.invoke(app, ["check", "--rules", str(bad)])
    assert result.exit_code == 2
    assert str(bad) in result.stderr and "kind 'magic'" in result.stderr
    assert result.stdout == ""


def test_missing_rules_file_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", "--rules", str(tmp_path / "nope.toml")])
    assert result.exit_code == 2 and "no such rule file" in result.stderr


def test_user_catalog_adds_records(tmp_path: Path) -> None:
    # A second statement of the 2021 cluster output, 20万亿元, contradicts 19万亿元.
    extra = tmp_path / "cat.toml"
    extra.write_text(
        """
[[source]]
id = "later"
title = "later report (example)"
outlet = "example"
published = "2023-01-01"
url = "https://example.org/later"
region = "china"

[[observation]]
id = "user-cluster-output-2021"
source = "later"
region = "china"
indicator = "cluster_leading_output"
status = "actual"
period = "2021"
figure = "20万亿元"
value = 200000
unit = "cny_100m"
bound = "exact"
basis = "nominal"
quote = "集群2021年主导产业产值20万亿元"
""",
        encoding="utf-8",
    )
    rows = json.loads(_run(["check", "--format", "json", "--catalog", str(extra)]))
    rep = next(
        r for r in rows if r["check_id"] == "auto-repeated-china-cluster-leading-output-2021"
    )
    assert rep["status"] == "fail" and "user-cluster-output-2021" in rep["observation_ids"]


def test_user_gdp_statement_is_checked_against_the_implied_gdp(tmp_path: Path) -> None:
    # A user record: Zhuzhou GDP 2020 was 3500亿元. 873.85 / 28.1 % implies [3104.25, 3115.35]
    # with rounding, so the comparison with 3500 ([3499.5, 3500.5)) fails, while the one
    # with the text's own 突破3000 still passes.
    extra = tmp_path / "zz.toml"
    extra.write_text(
        """
[[source]]
id = "zz-user"
title = "hypothetical Zhuzhou bulletin (example)"
outlet = "example"
published = "2021-03-30"
url = "https://example.org/zz"
region = "zhuzhou"

[[observation]]
id = "x-gdp-2020"
source = "zz-user"
region = "zhuzhou"
indicator = "gdp"
status = "actual"
period = "2020"
figure = "3500亿元"
value = 3500
unit = "cny_100m"
bound = "exact"
basis = "nominal"
quote = "2020年全市地区生产总值3500亿元"
""",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", "--format", "json", "--strict", "--catalog", str(extra)])
    assert result.exit_code == 1  # two fails now: the GRIM one and this one
    rows = {r["check_id"]: r for r in json.loads(result.stdout)}
    assert rows["zz21-hightech-share-implies-gdp-2020"]["status"] == "pass"
    mine = rows["zz21-hightech-share-implies-gdp-2020:x-gdp-2020"]
    assert mine["status"] == "fail" and mine["observation_ids"][-1] == "x-gdp-2020"
    assert mine["expected_low"] == pytest.approx(873.85 / 0.281)  # 3109.7865, full precision
    assert "2 fail" in result.stderr


def test_bad_user_catalog_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", "--catalog", str(tmp_path / "nope.toml")])
    assert result.exit_code == 2 and "error:" in result.stderr


def test_a_lone_part_above_its_whole_fails(tmp_path: Path) -> None:
    # 其中，轨道交通装备产业实现利润213.7亿元 against all industry's 186.3亿元 (hypothetical)
    extra = tmp_path / "mine.toml"
    extra.write_text(
        SOURCE
        + profit("x-profit", 186.3)
        + profit("x-rail", 213.7, breakdown="industry=rail_transit_equipment"),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", "--format", "json", "--strict", "--catalog", str(extra)])
    assert result.exit_code == 1
    rows = json.loads(result.stdout)
    row = next(r for r in rows if r["check_id"] == "auto-part-of-whole-x-rail")
    # 213.7 − 186.3 = 27.4 亿元 over the whole; profit may be negative, so the floor is open
    assert row["status"] == "fail" and row["kind"] == "part_of_whole"
    assert row["observation_ids"] == ["x-rail", "x-profit"]
    assert (row["expected_low"], row["expected_high"]) == (None, 186.3)
    assert (row["actual_low"], row["actual_high"]) == (213.7, 213.7)
    assert "by at least 27.4 亿元" in row["message"]


def test_user_share_and_part_are_checked_against_the_user_total(tmp_path: Path) -> None:
    # The reviewed catalog's case: Changsha 2023 GDP 14331.98亿元, high-tech value added
    # 4520亿元 at "35.2 %" of GDP. 4520 / 0.352 = 12840.91 (12821.28 … 12860.60 with rounding)
    # contradicts 14331.98; the other way round 4520 / 14331.98 = 31.54 %, not 35.2 %.
    record = """
[[observation]]
id = "{id}"
source = "cs-user"
region = "changsha"
indicator = "{indicator}"
status = "actual"
period = "2023"
figure = "{figure}"
value = {value}
unit = "{unit}"
bound = "exact"
basis = "{basis}"
quote = "全市{figure}"
"""
    extra = tmp_path / "cs.toml"
    extra.write_text(
        '[[source]]\nid = "cs-user"\ntitle = "hypothetical Changsha article (example)"\n'
        'outlet = "example"\npublished = "2024-02-06"\nurl = "https://example.org/cs"\n'
        'region = "changsha"\n'
        + record.format(
            id="x-gdp",
            indicator="gdp",
            figure="14331.98亿元",
            value=14331.98,
            unit="cny_100m",
            basis="nominal",
        )
        + record.format(
            id="x-ht",
            indicator="hightech_va",
            figure="4520亿元",
            value=4520,
            unit="cny_100m",
            basis="nominal",
        )
        + record.format(
            id="x-ht-share",
            indicator="hightech_va_share_gdp",
            figure="35.2%",
            value=35.2,
            unit="percent",
            basis="not_applicable",
        ),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", "--format", "json", "--strict", "--catalog", str(extra)])
    assert result.exit_code == 1
    rows = {r["check_id"]: r for r in json.loads(result.stdout)}
    v = rows["auto-share-total-x-ht-share"]
    assert v["status"] == "fail" and v["kind"] == "share_times_total"
    assert v["rule"] == "discovered"
    assert v["observation_ids"] == ["x-ht", "x-ht-share", "x-gdp"]
    assert v["expected_low"] == pytest.approx(4520 / 0.352)  # 12840.909
    assert v["actual_low"] == 14331.98
    assert "31.54% of the stated 14331.98亿元" in v["message"] and "not 35.2%" in v["message"]
    assert "2 fail" in result.stderr  # the shipped GRIM fail and this one


def test_deflator_reports_the_implied_deflator(tmp_path: Path) -> None:
    from tests.analysis.test_compounding import BULLETIN, _catalog

    user = _catalog(tmp_path, *BULLETIN)
    rows = json.loads(
        _run(["check", "--catalog", str(user), "--deflator", "0.02", "--format", "json"])
    )
    row = next(r for r in rows if r["check_id"] == "auto-compound-prior-x-growth-2021:x-gdp-2020")
    # 3420.3 / 3105.8 / 1.083 − 1 = 1.686 % a year, inside the plausible −2 % .. 6 % → pass
    assert row["status"] == "pass" and "1.69%" in row["expected"]
    assert set(row) >= CONTRACT


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--deflator", "2"], "deflator must be an annual rate"),
        (["--deflator-range", "0.1"], "give LOW,HIGH"),
        (["--deflator-range", "0.06,-0.02"], "deflator_range must be [low, high]"),
    ],
)
def test_bad_deflator_options_exit_2(args: list[str], message: str) -> None:
    result = runner.invoke(app, ["check", *args])
    assert result.exit_code == 2 and message in result.stderr
