"""The report: all sections, byte-identical reruns, safe writes, the committed copy current."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from regiondev._catalog import Catalog, load_catalog
from regiondev.report.build import (
    MARKER,
    ReportError,
    _catalog_section,
    _consistency_section,
    _Ctx,
    _part_columns,
    _sources_intro,
    build_sections,
    write_report,
)
from regiondev.report.provenance import Provenance
from regiondev.report.render import render_html, render_markdown

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("r") / "report"
    write_report(load_catalog(), out)
    return out


def _ctx(cat: Catalog, lang: str = "en", rules: tuple[Path, ...] = ()) -> _Ctx:
    return _Ctx(cat, lang, Provenance(cat, lang), None, rules, {o.id: o for o in cat.observations})  # type: ignore[arg-type]


def test_findings_first_then_targets_clusters_consistency_sources_appendices(
    report_dir: Path,
) -> None:
    md = (report_dir / "report.md").read_text(encoding="utf-8")
    titles = [line[3:] for line in md.splitlines() if line.startswith("## ")]
    assert titles == [
        "Findings",
        "Targets",
        "Clusters",
        "Do the figures agree?",
        "Sources",
        "Appendix A. Every figure",
        "Appendix B. Number audit and waivers",
        "Appendix C. Extraction accuracy",
    ]
    figures = sorted(p.name for p in (report_dir / "figures").iterdir())
    # charts that say something; none that only counts records
    assert {
        "trajectory-zz21-gdp-target-2025.svg",
        "growth.svg",
        "clusters.svg",
        "location_quotients.svg",
        "consistency.svg",
    } <= set(figures)
    assert "catalog.png" not in figures and "verdicts.png" not in figures
    for name in figures:
        assert f"figures/{name}" in md
    html = (report_dir / "report.html").read_text(encoding="utf-8")
    assert html.count("data:image/svg+xml;base64,") == len(figures)
    assert "http://" not in html and "https://" not in html  # viewable offline


def test_the_zhuzhou_gdp_finding_is_one_sentence_with_its_numbers(report_dir: Path) -> None:
    md = (report_dir / "report.md").read_text(encoding="utf-8")
    finding = next(line for line in md.splitlines() if line.startswith("- Zhuzhou: Gross"))
    # 5000亿元以上 = at least 5000 亿元 = 500.0 bn yuan (step 1 亿 → 0.1 bn)
    assert "target at least 500.0 bn yuan" in finding
    # required (5000 / 3109.79)^(1/5) − 1 = 9.96 %; its interval from the baseline
    # [3104.25, 3115.35]: (5000/3115.35)^(1/5) − 1 = 9.92 %, (5000/3104.25)^(1/5) − 1 = 10.00 %
    assert "9.96 %" in finding and "9.92–10.00 %" in finding
    # the derived baseline as its interval, never a point: 3104.25–3115.35 亿元 = 310.4–311.5 bn
    assert "310.4–311.5 bn yuan" in finding and "310.98" not in finding
    # break-even deflator, on track at 95 % of the pace: (1 + 0.95 × 0.0996333) / 1.071 − 1
    # = 1.0946516 / 1.071 − 1 = 0.0221 → 2.2 %
    assert "on track only if prices rise by at least 2.2 % a year" in finding
    # every number links to its records
    assert "(#obs-zz21-gdp-target-2025)" in finding
    assert "(#obs-zz21-gdp-growth-2016-2020)" in finding


def test_what_happened_next_with_the_outcomes_layer(tmp_path: Path) -> None:
    paths = write_report(load_catalog(outcomes=True), tmp_path / "o")
    md = paths["markdown"].read_text(encoding="utf-8")
    assert "\n## What happened next\n" in md
    finding = next(line for line in md.splitlines() if line.startswith("- Zhuzhou: Gross"))
    # the latest GDP on record, 3902.4 亿元 in 2024 = 390.24 bn yuan; 3902.4 / 5000 = 0.78048,
    # 21.952 % short of the target → 22.0 %
    assert "Latest on record: 390.24 bn yuan" in finding
    assert "22.0 % short of the target" in finding
    assert (tmp_path / "o" / "figures" / "trajectory-zz21-gdp-target-2025.svg").exists()


def test_the_fail_and_hunan_are_in_the_findings(report_dir: Path) -> None:
    md = (report_dir / "report.md").read_text(encoding="utf-8")
    findings = md.split("\n## Targets")[0]
    assert "Figures disagree: 18 platforms" in findings
    assert "No whole number n makes 18/n round to 70%" in findings
    # Hunan: at least 2 and at most 8 of 45 clusters (the range, never the midpoint 5)
    assert "Hunan has 2–8" in findings and "at least 4.4 %" in findings
    assert "location quotient is at least 0.94" in findings


def test_every_record_is_anchored_and_every_text_figure_highlighted(report_dir: Path) -> None:
    html = (report_dir / "report.html").read_text(encoding="utf-8")
    cat = load_catalog()
    with_text = {s.id for s in cat.sources if s.path and s.kind == "news"}
    for obs in cat.observations:
        assert f'id="obs-{obs.id}"' in html
        if obs.source in with_text:
            # number → sentence (the source viewer) and back
            assert f'id="q-{obs.id}"' in html, obs.id
            assert f'href="#q-{obs.id}"' in html


def test_rerun_is_byte_identical(report_dir: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    write_report(load_catalog(), again)
    for name in ("report.md", "report.html"):
        assert (again / name).read_bytes() == (report_dir / name).read_bytes()
    for svg in (report_dir / "figures").iterdir():
        assert (again / "figures" / svg.name).read_bytes() == svg.read_bytes()


def test_chinese_report_is_chinese_throughout(tmp_path: Path) -> None:
    paths = write_report(load_catalog(), tmp_path / "zh", lang="zh")
    md = paths["markdown"].read_text(encoding="utf-8")
    titles = [line[3:] for line in md.splitlines() if line.startswith("## ")]
    assert titles[:5] == ["主要结论", "目标", "产业集群", "数据是否一致？", "资料来源"]
    assert "株洲：地区生产总值2025年目标不少于5,000亿元" in md
    html = paths["html"].read_text(encoding="utf-8")
    assert '<html lang="zh-Hans">' in html
    # chart labels drawn as paths from a CJK font: no missing-glyph boxes in the SVG
    for svg in (tmp_path / "zh" / "figures").iterdir():
        assert b"<path" in svg.read_bytes()
    again = write_report(load_catalog(), tmp_path / "zh2", lang="zh")
    assert again["html"].read_bytes() == paths["html"].read_bytes()


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
    assert (out / "report.md").read_text(encoding="utf-8").startswith("# Advanced manufacturing")
    assert [p.name for p in tmp_path.iterdir()] == ["r"]  # no temp folders left behind


def test_force_replaces_user_folder(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "x.txt").write_text("x", encoding="utf-8")
    write_report(load_catalog(), mine, force=True)
    assert (mine / "report.html").exists()


def test_committed_report_is_current(tmp_path: Path) -> None:
    """Golden file: analyses/ is what `make report` produces from the shipped catalog and the
    outcomes layer (refresh: make report)."""
    committed = ROOT / "analyses"
    if not (committed / "report.md").exists():
        pytest.skip("no committed report in this checkout")
    fresh = tmp_path / "report"
    write_report(load_catalog(outcomes=True), fresh)
    for name in ("report.md", "report.html"):
        assert (committed / name).read_bytes() == (fresh / name).read_bytes(), (
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
    shipped = _sources_intro(load_catalog())
    assert shipped.startswith("Five Chinese news reports, kept byte-identical")
    assert "one reference source (census20) is listed" in shipped
    text = _sources_intro(user_cat)
    # 5 shipped + 1 user source = 6; the user's is cited by URL, with no text file
    assert text.startswith(
        "Six Chinese news sources (5 shipped with regiondev; 1 from user catalogs: "
        "`x-bulletin`), 1 cited by URL only (no text file); the 5 with a text file kept "
        "byte-identical"
    )
    assert "Five" not in text


def _rows(md: str, start: str) -> list[str]:
    return [line for line in md.splitlines() if line.startswith(start)]


def test_catalog_tells_a_county_from_its_city(user_cat: Catalog) -> None:
    md = render_markdown([_catalog_section(_ctx(user_cat))])
    header = _rows(md, "| Record | Region |")[0]
    assert header.startswith("| Record | Region | Indicator | subject | breakdown | Period |")
    city = _rows(md, "| x-city-gdp-2023 |")[0]
    county = _rows(md, "| x-liling-gdp-2023 |")[0]
    # 3925.5 亿元 = 392.55 bn yuan; 812.3 亿元 = 81.23 bn yuan; the county's row names it
    assert city.startswith("| x-city-gdp-2023 | Zhuzhou | Gross regional product |  |  | 2023 |")
    assert "392.55 bn yuan" in city
    assert county.startswith("| x-liling-gdp-2023 | Zhuzhou | Gross regional product | liling |")
    assert "81.23 bn yuan" in county


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
    section = _consistency_section(_ctx(user_cat, rules=(rules,)))
    assert "from the shipped rules and from `mine.toml`" in section.blocks[0].text
    table = next(b.table for b in section.blocks if b.kind == "table")
    assert table is not None
    ids = [row[0].text for row in table.rows]
    assert "x-liling-in-city" in ids and "auto-part-of-whole-x-liling-gdp-2023" in ids
    plain = _consistency_section(_ctx(user_cat))
    assert "shipped rules." in plain.blocks[0].text


HOSTILE = USER_CATALOG.replace(
    'quote = "醴陵市地区生产总值812.3亿元"',
    'quote = "<script>alert(1)</script>醴陵市地区生产总值812.3亿元\\u0007"',
)


def test_untrusted_text_is_shown_never_live(tmp_path: Path) -> None:
    path = tmp_path / "hostile.toml"
    path.write_text(HOSTILE, encoding="utf-8")
    cat = load_catalog([path])
    sections = build_sections(cat)
    html = render_html(sections)
    md = render_markdown(sections)
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)" in html
    assert "<script>alert" not in md and "&lt;script&gt;alert(1)" in md
    assert "\x07" not in html and "\x07" not in md and "\x00" not in html
