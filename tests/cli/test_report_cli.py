"""CLI: `regiondev report` writes both reports, refuses unsafe folders, validates options."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from regiondev.cli.app import app

runner = CliRunner()


@pytest.mark.slow
def test_report_writes_markdown_html_and_figures(tmp_path: Path) -> None:
    out = tmp_path / "r"
    result = runner.invoke(app, ["report", "--out", str(out), "--deflator", "0.02"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""  # diagnostics only on stderr
    assert "wrote" in result.stderr
    md = (out / "report.md").read_text(encoding="utf-8")
    # the deflator assumption is stated where nominal and real growth meet (2 % = 0.02)
    assert "deflator 2.0 % a year" in md
    assert (out / "report.html").exists() and (out / "figures" / "growth.svg").exists()


def test_report_refuses_a_folder_of_user_files(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["report", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "not empty" in result.stderr and "--force" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt"]


@pytest.mark.parametrize("value", ["2", "-0.9", "abc"])
def test_report_rejects_an_implausible_deflator(tmp_path: Path, value: str) -> None:
    result = runner.invoke(app, ["report", "--out", str(tmp_path / "r"), "--deflator", value])
    assert result.exit_code == 2
    assert not (tmp_path / "r").exists()


def test_report_requires_out() -> None:
    result = runner.invoke(app, ["report"])
    assert result.exit_code == 2
    assert "--out" in result.stderr


def test_report_bad_user_catalog_is_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[[observation]\n", encoding="utf-8")
    result = runner.invoke(app, ["report", "--out", str(tmp_path / "r"), "--catalog", str(bad)])
    assert result.exit_code == 2
    assert "bad.toml" in result.stderr and "TOML" in result.stderr


@pytest.mark.slow
def test_report_takes_user_rules(tmp_path: Path) -> None:
    rules = tmp_path / "mine.toml"
    rules.write_text(
        '[[check]]\nid = "my-domains-it-vs-nev"\nkind = "repeated_figures"\n'
        'observations = ["cn22-clusters-domain-it", "cn22-clusters-domain-nev-icv"]\n',
        encoding="utf-8",
    )
    out = tmp_path / "r"
    result = runner.invoke(app, ["report", "--out", str(out), "--rules", str(rules)])
    assert result.exit_code == 0, result.stderr
    md = (out / "report.md").read_text(encoding="utf-8")
    # 13 vs 3 declared the same: the user's check is in the report, explained as a fail
    assert "| my-domains-it-vs-nev | repeated figures | fail |" in md
    assert "mine.toml" in md


def test_report_bad_rules_file_is_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[check]]\nid = "x"\nkind = "partition"\nwhole = "a"\nparts = ["b"]\n')
    result = runner.invoke(app, ["report", "--out", str(tmp_path / "r"), "--rules", str(bad)])
    assert result.exit_code == 2
    assert "bad.toml" in result.stderr and "part_of_whole" in result.stderr
    assert not (tmp_path / "r" / "report.md").exists()
