"""The report: all sections, byte-identical reruns, safe writes, the committed copy current."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from regiondev.catalog import Catalog, load_catalog
from regiondev.report.build import (
    MARKER,
    ReportError,
    _appendix_section,
    _catalog_section,
    _consistency_section,
    _part_columns,
    _sources_section,
    render_markdown,
    write_report,
)

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
    (out / "figures" / "my_chart.png").write_bytes(b"the user's own")
    # a figure an earlier report wrote (listed in its manifest) that this one no longer draws
    (out / "figures" / "stale.png").write_bytes(b"old")
    with (out / MARKER).open("a", encoding="utf-8") as fh:
        fh.write("figures/stale.png\n")
    write_report(load_catalog(), out)
    assert (out / "mynotes.md").read_text(encoding="utf-8") == "mine"
    assert (out / "figures" / "my_chart.png").read_bytes() == b"the user's own"
    assert not (out / "figures" / "stale.png").exists()
    assert "figures/my_chart.png" not in (out / MARKER).read_text(encoding="utf-8")
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


# --- user catalogs: sources wording, parts of a region, user rules ---------------------------

USER_CATALOG = """
[[source]]
id = "x-bulletin"
title = "test fixture: hypothetical Zhuzhou statements (not real data)"
outlet = "regiondev test suite"
published = "2024-03-29"
url = "https://example.org/zhuzhou-bulletin"
region = "zhuzhou"

[[observation]]
id = "x-city-gdp-2023"
source = "x-bulletin"
region = "zhuzhou"
indicator = "gdp"
status = "actual"
period = "2023"
figure = "3925.5亿元"
value = 3925.5
unit = "cny_100m"
bound = "exact"
basis = "nominal"
quote = "全市地区生产总值3925.5亿元"

[[observation]]
id = "x-liling-gdp-2023"
source = "x-bulletin"
region = "zhuzhou"
indicator = "gdp"
status = "actual"
period = "2023"
figure = "812.3亿元"
value = 812.3
unit = "cny_100m"
bound = "exact"
basis = "nominal"
subject = "liling"
quote = "醴陵市地区生产总值812.3亿元"
"""


@pytest.fixture(scope="module")
def user_cat(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    path = tmp_path_factory.mktemp("u") / "user.toml"
    path.write_text(USER_CATALOG, encoding="utf-8")
    return load_catalog([path])


def test_sources_text_counts_the_actual_sources(user_cat: Catalog) -> None:
    shipped = _sources_section(load_catalog()).blocks[0].text
    assert shipped.startswith("Five Chinese news reports, kept byte-identical")
    assert "one reference source (census20) is listed" in shipped
    text = _sources_section(user_cat).blocks[0].text
    # 5 shipped + 1 user source = 6; the user's is cited by URL, with no text file
    assert text.startswith(
        "Six Chinese news sources (5 shipped with regiondev; 1 from user catalogs: "
        "`x-bulletin`), 1 cited by URL only (no text file); the 5 with a text file kept "
        "byte-identical"
    )
    assert "Five" not in text


def _rows(md: str, start: str) -> list[str]:
    return [line for line in md.splitlines() if line.startswith(start)]


def test_catalog_and_appendix_tell_a_county_from_its_city(user_cat: Catalog) -> None:
    md = render_markdown([_catalog_section(user_cat), _appendix_section(user_cat)])
    header = _rows(md, "| region | indicator |")[0]
    # subject and breakdown come last, so the figure's columns stay in view
    assert header.startswith("| region | indicator | id | period | status | figure |")
    assert header.endswith("| basis | subject | breakdown |")
    # the city's row (blank subject) comes before the county's, both of 2023
    rows = _rows(md, "| zhuzhou | gdp |")
    city = next(i for i, r in enumerate(rows) if "x-city-gdp-2023" in r)
    county = next(i for i, r in enumerate(rows) if "x-liling-gdp-2023" in r)
    assert rows[city].startswith("| zhuzhou | gdp | x-city-gdp-2023 | 2023 |")
    assert rows[city].endswith("| nominal |  |  |")
    assert rows[county].startswith("| zhuzhou | gdp | x-liling-gdp-2023 | 2023 |")
    assert rows[county].endswith("| nominal | liling |  |")
    assert city < county
    appendix = _rows(md, "| id | source |")[0]
    assert appendix.startswith("| id | source | subject | breakdown | period | figure |")
    assert _rows(md, "| x-liling-gdp-2023 | x-bulletin | liling |  | 2023 | 812.3亿元 |")


def test_part_columns_only_where_some_row_has_one() -> None:
    import polars as pl

    assert _part_columns(pl.DataFrame({"subject": ["", ""], "breakdown": ["", "a=b"]})) == [
        "breakdown"
    ]
    assert _part_columns(pl.DataFrame({"subject": ["", None], "breakdown": ["", ""]})) == []


def test_consistency_section_runs_user_rules(user_cat: Catalog, tmp_path: Path) -> None:
    rules = tmp_path / "mine.toml"
    rules.write_text(
        '[[check]]\nid = "x-liling-in-city"\nkind = "part_of_whole"\n'
        'part = "x-liling-gdp-2023"\nwhole = "x-city-gdp-2023"\n',
        encoding="utf-8",
    )
    section = _consistency_section(user_cat, [rules])
    assert "from the shipped rules and from `mine.toml`" in section.blocks[0].text
    table = next(b for b in section.blocks if b.caption == "All checks")
    ids = table.frame["check_id"].to_list()
    assert "x-liling-in-city" in ids and "auto-part-of-whole-x-liling-gdp-2023" in ids
    plain = _consistency_section(user_cat)
    assert "shipped rules (`regiondev/data/checks.toml`)" in plain.blocks[0].text
