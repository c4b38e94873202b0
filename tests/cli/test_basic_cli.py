"""CLI: sources, catalog and audit in every format, and their error paths."""

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


def test_sources_json_has_contract_fields_and_real_hashes() -> None:
    import hashlib

    rows = json.loads(_ok(["sources", "--format", "json"]))
    news = [r["id"] for r in rows if r["kind"] == "news"]
    assert news == ["cs21", "csht19", "hn19", "cn22", "zz21"]
    for r in rows:
        assert {"id", "path", "sha256", "title", "published"} <= set(r)
        assert hashlib.sha256(Path(r["path"]).read_bytes()).hexdigest() == r["sha256"]
    assert next(r for r in rows if r["id"] == "hn19")["published"] == "undated"


def test_catalog_json_contract_and_filters() -> None:
    rows = json.loads(_ok(["catalog", "--format", "json", "--region", "zhuzhou"]))
    assert rows and all(r["region"] == "zhuzhou" for r in rows)
    fields = {
        "id",
        "source",
        "region",
        "indicator",
        "status",
        "period",
        "value",
        "unit",
        "bound",
        "low",
        "high",
        "basis",
        "quote",
    }
    assert all(fields <= set(r) for r in rows)
    gdp = next(r for r in rows if r["id"] == "zz21-gdp-2020")
    # 突破3000亿元: more than 3000, unbounded above (null in JSON)
    assert (gdp["value"], gdp["low"], gdp["high"], gdp["bound"]) == (3000, 3000, None, "more_than")


def test_catalog_status_filter_and_csv() -> None:
    out = _ok(["catalog", "--format", "csv", "--status", "target"])
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and {r["status"] for r in rows} == {"target"}


@pytest.mark.parametrize("fmt", ["table", "md"])
def test_catalog_human_formats(fmt: str) -> None:
    out = _ok(["catalog", "--format", fmt, "--indicator", "gdp"])
    assert "zz21-gdp-2020" in out


def test_bad_filter_is_usage_error_on_stderr() -> None:
    result = runner.invoke(app, ["catalog", "--region", "mars"])
    assert result.exit_code == 2
    assert "mars" in result.stderr and result.stdout == ""


def test_bad_format_is_usage_error() -> None:
    result = runner.invoke(app, ["catalog", "--format", "xml"])
    assert result.exit_code == 2


def test_missing_user_catalog_is_input_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["catalog", "--catalog", str(tmp_path / "nope.toml")])
    assert result.exit_code == 2
    assert "nope.toml" in result.stderr


def test_bad_user_catalog_names_file_record_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "mine.toml"
    bad.write_text(
        'source = "zz21"\nregion = "zhuzhou"\n[[observation]]\nid = "x1"\nindicator = "gdp"\n'
        'status = "actual"\nperiod = "2020"\nfigure = "突破3000亿元"\nvalue = 3100\n'
        'unit = "cny_100m"\nbound = "more_than"\nbasis = "nominal"\nquote = "总量突破3000亿元"\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["catalog", "--catalog", str(bad)])
    assert result.exit_code == 2
    assert "mine.toml" in result.stderr and "'x1'" in result.stderr and "value" in result.stderr


def test_audit_summary_json() -> None:
    """The default audit is the per-source summary in every format, JSON included."""
    result = runner.invoke(app, ["audit", "--format", "json"])
    rows = json.loads(result.stdout)
    assert {r["source"] for r in rows} == {"cs21", "csht19", "hn19", "cn22", "zz21"}
    assert set(rows[0]) == {"source", "tokens", "cataloged", "waived", "unaccounted"}
    # every token is cataloged or waived: tokens = cataloged + waived per source
    assert all(r["tokens"] == r["cataloged"] + r["waived"] for r in rows)
    assert result.exit_code == (1 if any(r["unaccounted"] for r in rows) else 0)


def test_audit_has_the_same_content_in_every_format() -> None:
    """The md and csv summaries carry the JSON summary's numbers (zz21: 99 numbers)."""
    rows = {r["source"]: r for r in json.loads(_ok(["audit", "--format", "json"]))}
    csv_lines = _ok(["audit", "--format", "csv"]).splitlines()
    assert csv_lines[0] == "source,tokens,cataloged,waived,unaccounted"
    zz = rows["zz21"]
    assert f"zz21,{zz['tokens']},{zz['cataloged']},{zz['waived']},0" in csv_lines
    md = _ok(["audit", "--format", "md"])
    assert f"| zz21 | {zz['tokens']} | {zz['cataloged']} | {zz['waived']} | 0 |" in md


@pytest.mark.parametrize("command", ["sources", "catalog", "audit"])
@pytest.mark.parametrize("fmt", ["table", "json", "csv", "md"])
def test_every_format_of_the_foundation_commands(command: str, fmt: str) -> None:
    result = runner.invoke(app, [command, "--format", fmt])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip()
    if fmt == "json":
        assert isinstance(json.loads(result.stdout), list)
    if fmt == "md":
        assert result.stdout.startswith("| ")


def test_audit_all_lists_every_token() -> None:
    rows = json.loads(_ok(["audit", "--all", "--format", "json"]))
    assert {"token", "status", "reason", "context"} <= set(rows[0])
    assert {r["status"] for r in rows} <= {"cataloged", "waived"}


def test_unknown_indicator_lists_known_codes() -> None:
    result = runner.invoke(app, ["catalog", "--indicator", "nonexistent"])
    assert result.exit_code == 2
    assert "not an indicator code" in result.stderr and "regiondev indicators" in result.stderr


def test_a_field_of_the_wrong_type_is_a_named_error_not_a_traceback(tmp_path: Path) -> None:
    import hashlib

    text = tmp_path / "bulletin.txt"
    text.write_text("2022年,长沙市地区生产总值13966.1亿元,增长4.5%。\n", encoding="utf-8")
    digest = hashlib.sha256(text.read_bytes()).hexdigest()
    mine = tmp_path / "x.toml"
    mine.write_text(
        f'[[source]]\nid = "bull22"\ntitle = "公报"\noutlet = "长沙市统计局"\n'
        f'published = "2023-03-31"\nfile = "bulletin.txt"\nsha256 = "{digest}"\n'
        '[[observation]]\nid = "b1"\nsource = "bull22"\nregion = "changsha"\nindicator = "gdp"\n'
        'status = "actual"\nperiod = "2022"\nfigure = "13966.1亿元"\nvalue = 13966.1\n'
        'unit = "cny_100m"\nbound = "exact"\nbasis = "nominal"\n'
        'quote = "长沙市地区生产总值13966.1亿元"\nfigure_occurrence = "two"\n'
        'aspirational = "false"\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["catalog", "--catalog", str(mine)])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "error: 2 problems in 1 catalog records failed validation:",
        f"  - {mine}: record 'b1', field 'aspirational': expected true or false, got a string "
        "'false'",
        f"  - {mine}: record 'b1', field 'figure_occurrence': expected an integer ≥ 1, got a "
        "string 'two'",
    ]


def test_catalog_outcomes_and_min_reliability() -> None:
    rows = json.loads(_ok(["catalog", "--format", "json"]))
    assert all(r["reliability"] is None for r in rows)
    with_outcomes = json.loads(_ok(["catalog", "--outcomes", "--format", "json"]))
    later = [r for r in with_outcomes if r["reliability"] is not None]
    assert len(later) == 90 and len(with_outcomes) == len(rows) + 90
    result = runner.invoke(
        app, ["catalog", "--outcomes", "--min-reliability", "official_bulletin", "-f", "json"]
    )
    assert result.exit_code == 0, result.stderr
    kept = [r for r in json.loads(result.stdout) if r["reliability"] is not None]
    # 11 official_bulletin records kept; 22 + 54 + 3 = 79 left out, and said so
    assert {r["reliability"] for r in kept} == {"official_bulletin"} and len(kept) == 11
    assert "79 outcome records below official_bulletin left out" in result.stderr


def test_min_reliability_unknown_level_is_a_usage_error() -> None:
    result = runner.invoke(app, ["catalog", "--outcomes", "--min-reliability", "rumour"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_reliability_levels_are_the_models() -> None:
    from regiondev.cli.options import RELIABILITY_LEVELS
    from regiondev.model import Reliability

    assert tuple(r.value for r in Reliability) == RELIABILITY_LEVELS


def test_min_reliability_in_any_case_and_a_bad_level_is_a_usage_error() -> None:
    ok = runner.invoke(app, ["catalog", "--outcomes", "--min-reliability", "Official_Press"])
    assert ok.exit_code == 0, ok.stderr
    assert "below official_press left out" in ok.stderr
    bad = runner.invoke(app, ["catalog", "--outcomes", "--min-reliability", "rumour"])
    assert bad.exit_code == 2 and "'rumour' is not a reliability level" in bad.stderr
