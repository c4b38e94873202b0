"""Tables fit the terminal: at 80, 100 and 120 columns no number or id is split across lines."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from regiondev.cli.app import app
from regiondev.display import DisplayColumn, display_rows, view
from regiondev.terminal import PROSE_MIN, fit_columns
from regiondev.untrusted import printable

runner = CliRunner()

#: command line -> (view, a function giving the frame the view renders)
COMMANDS = {
    "sources": ["sources"],
    "catalog": ["catalog"],
    "audit": ["audit"],
    "growth": ["growth", "--deflator", "0.02"],
    "check": ["check"],
    "clusters": ["clusters"],
    "indicators": ["indicators"],
    "series": ["series", "zhuzhou", "gdp"],
}


def _frame(name: str):  # type: ignore[no-untyped-def]
    import regiondev
    from regiondev._audit import audit
    from regiondev.analysis.clusters import clusters
    from regiondev.analysis.consistency import check
    from regiondev.analysis.growth import growth

    cat = regiondev.load_catalog()
    if name == "sources":
        return regiondev.sources()
    if name == "catalog":
        return cat.frame()
    if name == "audit":
        return audit(cat).summary()
    if name == "growth":
        return growth(cat, deflator=0.02).to_frame()
    if name == "check":
        return check(cat).to_frame()
    if name == "clusters":
        return clusters(cat).to_frame()
    if name == "series":
        return regiondev.series("zhuzhou", "gdp").to_frame()
    return None


@pytest.mark.parametrize("width", [80, 100, 120])
@pytest.mark.parametrize("name", sorted(set(COMMANDS) - {"indicators"}))
def test_no_number_or_id_is_split_across_lines(name: str, width: int) -> None:
    result = runner.invoke(app, COMMANDS[name], env={"COLUMNS": str(width)})
    assert result.exit_code in (0, 1), result.stderr
    lines = result.stdout.splitlines()
    assert all(cell_len(line) <= width for line in lines), max(map(cell_len, lines))
    frame = _frame(name)
    columns = view(name)
    rows = display_rows(frame, columns)
    cells = {c.key: [printable(r[c.key]) for r in rows] for c in columns}
    layout = fit_columns(columns, cells, width)
    shown = {c.key: c for c in columns if c.key in layout.columns}
    assert shown, "at least one column shows"
    for key, col in shown.items():
        if col.prose:
            continue
        w = layout.widths[layout.columns.index(key)]
        for text in cells[key]:
            if not text:
                continue
            # a cell wider than its column is cut with an ellipsis, on one line
            expected = text if cell_len(text) <= w else None
            if expected is not None:
                assert any(expected in line for line in lines), (key, text)
            else:
                assert col.ident, f"{key}: only ids may be cut, not {text!r}"


def test_the_verdict_shows_at_80_columns() -> None:
    args = ["growth", "--deflator", "0.02", "--as-of", "2024-06-30"]  # 2025 still ahead
    out = runner.invoke(app, args, env={"COLUMNS": "80"}).stdout
    assert "verdict" in out and "acceleration needed" in out
    assert "≥ 500 bn yuan by 2025" in out  # 迈上5000亿元: at least 5000 亿元 = 500 bn yuan


def test_left_out_columns_are_named_on_stderr() -> None:
    result = runner.invoke(app, ["catalog"], env={"COLUMNS": "80"})
    assert "left out to fit 80 characters" in result.stderr
    assert "quote" in result.stderr and "--columns" in result.stderr


def test_fit_columns_worked_example() -> None:
    """Width 40: borders take 1 + 3 per column. ``id`` (natural 30, may be cut to 24) and
    ``n`` (natural 5) need 1 + (24 + 3) + (5 + 3) = 36 <= 40; ``quote`` (prose, minimum 16)
    would need 36 + 19 = 55 > 40 and is left out; the spare 4 widen the cut id to 28."""
    cols = (
        DisplayColumn("id", "id", "id", lambda r, lang: "", ident=True),
        DisplayColumn("n", "n", "n", lambda r, lang: ""),
        DisplayColumn("quote", "quote", "quote", lambda r, lang: "", prose=True),
    )
    cells = {"id": ["x" * 30], "n": ["1,234"], "quote": ["q" * 50]}
    layout = fit_columns(cols, cells, 40)
    assert layout.columns == ("id", "n")
    assert layout.widths == (28, 5)
    assert layout.left_out == ("quote",)
    assert PROSE_MIN == 16


def test_columns_option_chooses_and_names_a_near_miss() -> None:
    out = runner.invoke(app, ["catalog", "--columns", "id,figure"], env={"COLUMNS": "120"})
    assert out.exit_code == 0 and "cn22-clusters-total" in out.stdout
    bad = runner.invoke(app, ["catalog", "--columns", "figur"])
    assert bad.exit_code == 2 and "did you mean 'figure'?" in bad.stderr


def test_terminal_escapes_are_shown_not_interpreted() -> None:
    assert printable("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert printable("tab\tand newline\n stay") == "tab\tand newline\n stay"


def test_help_placeholders_are_words_not_python_types() -> None:
    """Every command's --help names its option values in words (YEAR, DATE, FILE…)."""
    import re
    import subprocess
    import sys

    from regiondev.cli.app import COMMAND_MODULES  # noqa: F401  (the commands exist)

    commands = ["sources", "catalog", "audit", "indicators", "series", "growth", "check"]
    commands += ["clusters", "report", "extract"]
    for name in commands:
        out = subprocess.run(
            [sys.executable, "-m", "regiondev", name, "--help"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert not re.search(r"<(int|str|float|path|bool|list\[[^\]]*\])>", out, re.I), (name, out)
    version = subprocess.run(
        [sys.executable, "-m", "regiondev", "--version"], capture_output=True, text=True
    )
    assert version.returncode == 0 and version.stdout.startswith("regiondev ")


def test_results_print_one_screen_that_leads_with_what_matters() -> None:
    """repr() of a result: the title, a line of counts, the first rows of its view."""
    import regiondev

    growth = repr(regiondev.growth())
    assert growth.startswith("<GrowthResult: 20 rows>")
    assert "20 targets:" in growth.splitlines()[1]
    assert len(growth.splitlines()) < 45 and len(growth) < 6000  # not the 25 KB of before
    check = repr(regiondev.check())
    lines = check.splitlines()
    # the one failing check of the shipped texts leads: 18 centres cannot be 70 %
    first_row = next(line for line in lines if "│ " in line and "status" not in line)
    assert "fail" in first_row
    assert "growth" in dir(regiondev) and "annotations" not in dir(regiondev)
