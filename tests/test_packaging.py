"""The wheel holds every data file the package reads (derived from the tree, not a list).

An editable install reads files from the checkout, so a file left out of
``[tool.setuptools.package-data]`` only shows after ``pip install`` of the built wheel; this
builds the wheel from a copy of the tree and compares its file list with the tree.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "regiondev"


def _data_files() -> set[str]:
    """Every non-Python file the package ships: data/**, report templates and css, py.typed."""
    found = {
        p
        for p in PACKAGE.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".py", ".pyc")
    }
    return {str(p.relative_to(ROOT).as_posix()) for p in found}


def test_the_tree_has_the_data_the_code_reads() -> None:
    files = _data_files()
    assert "regiondev/py.typed" in files
    assert any(f.startswith("regiondev/data/seeds/") for f in files)
    assert "regiondev/data/sources.toml" in files


def test_the_wheel_holds_every_data_file(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    shutil.copytree(PACKAGE, src / "regiondev", ignore=shutil.ignore_patterns("__pycache__"))
    wheels = tmp_path / "wheels"
    run = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(src)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    (wheel,) = wheels.glob("regiondev-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = sorted(_data_files() - names)
    assert not missing, f"not in the wheel: {missing}"
    # and the modules themselves
    modules = {
        str(p.relative_to(ROOT).as_posix())
        for p in PACKAGE.rglob("*.py")
        if "__pycache__" not in p.parts
    }
    assert not sorted(modules - names)
