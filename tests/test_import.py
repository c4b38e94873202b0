"""`import regiondev` stays light: no heavy library is imported with it."""

import subprocess
import sys

HEAVY = ("seaborn", "matplotlib", "scipy", "statsmodels", "polars")


def test_import_does_not_pull_heavy_libraries() -> None:
    code = f"import sys, regiondev; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_cli_help_does_not_pull_heavy_libraries() -> None:
    code = (
        "import sys\n"
        "from regiondev.cli.app import app\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_python_dash_m_runs() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "regiondev", "--help"], capture_output=True, text=True, check=True
    )
    assert "sources" in out.stdout and "catalog" in out.stdout


def test_cli_help_imports_no_model() -> None:
    """`regiondev --help` needs typer and the command modules only: the model (enums,
    dataclasses, regexes: about a fifth of the start-up) is imported when a command runs."""
    code = (
        "import sys\n"
        "from regiondev.cli.app import command\n"
        "command()\n"
        "print(sorted(m for m in sys.modules if m.startswith('regiondev.')"
        " and m.split('.')[1] not in ('cli',)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_model_names_are_still_at_the_top_level() -> None:
    import regiondev
    from regiondev import model

    assert regiondev.Bound is model.Bound and regiondev.Reliability is model.Reliability
    assert {"Bound", "Observation", "Period"} <= set(dir(regiondev))
