"""Outputs under interruption: the old report or the new one, never a mix; staging cleaned."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from regiondev import _output
from regiondev._output import STAGING_PREFIX, write_file_set
from regiondev.errors import OutputError

MANIFEST = ".regiondev-report"
OLD = {"figures/a.png": b"old a", "report.md": b"old md", "report.html": b"old html"}
NEW = {"figures/a.png": b"new a", "report.md": b"new md", "report.html": b"new html"}


def _state(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in NEW}


def _staging(out: Path) -> list[Path]:
    return [p for p in out.iterdir() if p.name.startswith(STAGING_PREFIX)]


def test_an_interrupted_move_still_ends_with_the_whole_new_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "r"
    write_file_set(out, OLD, force=False, manifest=MANIFEST)
    real = os.replace
    calls = {"n": 0}

    def interrupted(src: object, dst: object) -> None:
        real(src, dst)  # type: ignore[arg-type]
        if Path(str(dst)).name == "a.png":
            calls["n"] += 1
            if calls["n"] == 1:  # right after the figure moved, before report.md
                raise KeyboardInterrupt

    monkeypatch.setattr(_output.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_file_set(out, NEW, force=False, manifest=MANIFEST, first=["figures/a.png"])
    monkeypatch.setattr(_output.os, "replace", real)
    assert _state(out) == NEW
    assert not _staging(out)


def test_a_killed_run_is_finished_by_the_next_and_leaves_no_staging(tmp_path: Path) -> None:
    out = tmp_path / "r"
    write_file_set(out, OLD, force=False, manifest=MANIFEST)
    # what a run killed (SIGKILL) between its moves leaves: a journal, figures moved, md not
    staging = out / f"{STAGING_PREFIX}killed"
    (staging / "new" / "figures").mkdir(parents=True)
    (staging / ".regiondev-staging").write_bytes(b"")
    (staging / "new" / "report.md").write_bytes(b"new md")
    (staging / "new" / "report.html").write_bytes(b"new html")
    (out / "figures" / "a.png").write_bytes(b"new a")
    (staging / "COMMIT").write_text("figures/a.png\nreport.md\nreport.html\n", encoding="utf-8")
    # an abandoned staging folder of a run killed while building (no journal)
    abandoned = out / f"{STAGING_PREFIX}building"
    (abandoned / "new").mkdir(parents=True)
    (abandoned / ".regiondev-staging").write_bytes(b"")
    _output.check_output_folder(out, force=False, manifest=MANIFEST, names=list(NEW))
    assert _state(out) == NEW  # rolled forward, not mixed
    assert not _staging(out)
    write_file_set(out, NEW, force=False, manifest=MANIFEST)
    assert _state(out) == NEW


def test_a_leftover_staging_folder_never_makes_a_run_refuse(tmp_path: Path) -> None:
    out = tmp_path / "fresh"
    (out / f"{STAGING_PREFIX}x").mkdir(parents=True)
    (out / f"{STAGING_PREFIX}x" / ".regiondev-staging").write_bytes(b"")
    write_file_set(out, NEW, force=False, manifest=MANIFEST)
    assert _state(out) == NEW and not _staging(out)


def test_force_keeps_the_users_files_and_refuses_to_replace_them(tmp_path: Path) -> None:
    out = tmp_path / "r"
    (out / "figures").mkdir(parents=True)
    (out / "figures" / "my_chart.png").write_bytes(b"mine")
    with pytest.raises(OutputError, match="not empty"):
        write_file_set(out, NEW, force=False, manifest=MANIFEST)
    write_file_set(out, NEW, force=True, manifest=MANIFEST)
    assert (out / "figures" / "my_chart.png").read_bytes() == b"mine"
    # a report without the chart: the user's chart stays, the report's own stale one goes
    write_file_set(out, {"report.md": b"md"}, force=False, manifest=MANIFEST)
    assert (out / "figures" / "my_chart.png").read_bytes() == b"mine"
    assert not (out / "figures" / "a.png").exists()
    (out / "report.md").unlink()
    (out / "report.md").write_bytes(b"the user's own now")
    manifest = (out / MANIFEST).read_text(encoding="utf-8").replace("report.md", "")
    (out / MANIFEST).write_text(manifest, encoding="utf-8")
    with pytest.raises(OutputError, match="not written by regiondev"):
        write_file_set(out, {"report.md": b"md"}, force=True, manifest=MANIFEST)
    assert (out / "report.md").read_bytes() == b"the user's own now"


def test_never_through_a_symlink(tmp_path: Path) -> None:
    precious = tmp_path / "precious.md"
    precious.write_bytes(b"keep")
    link = tmp_path / "out.md"
    link.symlink_to(precious)
    with pytest.raises(OutputError, match="symbolic link"):
        _output.atomic_write(link, b"x")
    with pytest.raises(OutputError, match="symbolic link"):
        _output.check_output_file(link, force=True, ours=True)
    assert precious.read_bytes() == b"keep"
