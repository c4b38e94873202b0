"""The report: all sections, byte-identical reruns, safe writes, the committed copy current."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from regiondev.catalog import load_catalog
from regiondev.report.build import MARKER, ReportError, write_report

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("r") / "report"
    write_report(load_catalog(), out)
    return out


def test_all_sections_and_figures(report_dir: Path) -> None:
    md = (report_dir / "report.md").read_text(encoding="utf-8")
    for title in (
        "1. Sources",
        "2. The catalog",
        "3. Targets and required growth",
        "4. Cluster comparisons",
        "5. Do the figures agree?",
        "6. Number audit and extraction accuracy",
        "Appendix: every figure by id",
    ):
        assert f"## {title}" in md
    figures = sorted(p.name for p in (report_dir / "figures").iterdir())
    assert {"catalog.png", "growth.png", "verdicts.png"} <= set(figures)
    for name in figures:
        assert f"figures/{name}" in md
    html = (report_dir / "report.html").read_text(encoding="utf-8")
    assert html.count("data:image/png;base64,") == len(figures)
    assert "http://" not in html and "https://" not in html  # viewable offline


def test_every_catalog_id_is_in_the_appendix(report_dir: Path) -> None:
    html = (report_dir / "report.html").read_text(encoding="utf-8")
    for obs in load_catalog().observations:
        assert f'id="obs-{obs.id}"' in html


def test_rerun_is_byte_identical(report_dir: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    write_report(load_catalog(), again)
    for name in ("report.md", "report.html"):
        assert (again / name).read_bytes() == (report_dir / name).read_bytes()
    for png in (report_dir / "figures").iterdir():
        assert (again / "figures" / png.name).read_bytes() == png.read_bytes()


def test_refuses_non_empty_folder_without_force(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(ReportError, match="not empty"):
        write_report(load_catalog(), mine)
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in mine.iterdir()) == ["notes.txt"]


def test_replaces_a_previous_report(tmp_path: Path) -> None:
    out = tmp_path / "r"
    write_report(load_catalog(), out)
    (out / "report.md").write_text("stale", encoding="utf-8")
    write_report(load_catalog(), out)
    assert (out / MARKER).exists()
    assert (out / "report.md").read_text(encoding="utf-8").startswith("# regiondev")
    assert [p.name for p in tmp_path.iterdir()] == ["r"]  # no temp folders left behind


def test_force_replaces_user_folder(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "x.txt").write_text("x", encoding="utf-8")
    write_report(load_catalog(), mine, force=True)
    assert (mine / "report.html").exists()


def test_committed_report_is_current(report_dir: Path) -> None:
    """Golden file: analyses/ is what the shipped catalog produces (refresh: make report)."""
    committed = ROOT / "analyses"
    if not (committed / "report.md").exists():
        pytest.skip("no committed report in this checkout")
    for name in ("report.md", "report.html"):
        assert (committed / name).read_bytes() == (report_dir / name).read_bytes(), (
            f"analyses/{name} is stale: run `make report` and commit it"
        )


def test_force_keeps_the_users_other_files(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me", encoding="utf-8")
    write_report(load_catalog(), mine, force=True)
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in mine.iterdir()) == sorted(
        [MARKER, "figures", "notes.txt", "report.html", "report.md"]
    )


def test_rewriting_a_report_keeps_extra_files_and_drops_stale_figures(tmp_path: Path) -> None:
    out = tmp_path / "r"
    write_report(load_catalog(), out)
    (out / "mynotes.md").write_text("mine", encoding="utf-8")
    (out / "figures" / "stale.png").write_bytes(b"old")
    write_report(load_catalog(), out)
    assert (out / "mynotes.md").read_text(encoding="utf-8") == "mine"
    assert not (out / "figures" / "stale.png").exists()
    assert not [p for p in out.iterdir() if p.name.startswith(".regiondev-staging")]


def test_report_folder_is_readable_by_others(tmp_path: Path) -> None:
    out = tmp_path / "fresh"
    old = os.umask(0o022)
    try:
        write_report(load_catalog(), out)
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o755 == 0o755
    assert (out / "figures").stat().st_mode & 0o755 == 0o755
    assert (out / "report.html").stat().st_mode & 0o644 == 0o644
