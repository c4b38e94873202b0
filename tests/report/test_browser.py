"""The HTML report in headless Chromium at 1,400 × 900, in English and in Chinese.

Asserted: the findings are visible without scrolling, no main table is wider than the page,
every image loads, no console errors, a figure's quote shows on focus, the catalog sorts and
filters. Screenshots go to test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from regiondev._catalog import load_catalog
from regiondev.report.build import write_report

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
WIDTH, HEIGHT = 1400, 900


def _browser(p: Any) -> Any:
    return p.chromium.launch(
        executable_path=CHROMIUM,
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    )


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_html_report_reads_in_chromium(tmp_path: Path, lang: str) -> None:
    if CHROMIUM is None:
        if os.environ.get("REGIONDEV_REQUIRE_BROWSER"):
            pytest.fail("chromium is required (REGIONDEV_REQUIRE_BROWSER is set) but not found")
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    paths = write_report(load_catalog(outcomes=True), tmp_path / "report", lang=lang)  # type: ignore[arg-type]
    errors: list[str] = []
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = _browser(p)
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on(
            "request",
            lambda r: errors.append(f"network: {r.url}") if r.url.startswith("http") else None,
        )
        page.goto(paths["html"].resolve().as_uri())
        page.wait_for_load_state("load")
        page.screenshot(path=str(ARTIFACTS / f"report-{lang}-top.png"))

        # the findings: heading and first finding inside the first screen
        box = page.evaluate(
            "(() => { const s = document.querySelector('#findings');"
            " const li = s.querySelector('ul.findings li');"
            " return [s.getBoundingClientRect().top, li.getBoundingClientRect().bottom]; })()"
        )
        assert 0 <= box[0] < HEIGHT and box[1] < HEIGHT, box

        # no table in the main sections wider than the page; nothing scrolls sideways
        wide = page.evaluate(
            "Array.from(document.querySelectorAll('section:not(.appendix) table'))"
            ".filter(t => t.closest('details:not([open])') === null)"
            ".filter(t => t.getBoundingClientRect().right > window.innerWidth"
            " || t.scrollWidth > t.clientWidth + 1)"
            ".map(t => (t.querySelector('caption') || t).textContent.slice(0, 60))"
        )
        assert wide == []
        assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH

        # every image loaded
        images = page.evaluate(
            "Array.from(document.images).map(i => [i.alt, i.complete, i.naturalWidth])"
        )
        assert len(images) >= 4
        assert [alt for alt, done, w in images if not done or w == 0] == []

        # a figure's quote shows on focus
        fig = page.locator("#findings a.fig").first
        fig.focus()
        pop = fig.locator(".pop")
        assert pop.is_visible()
        assert "「" in pop.inner_text()
        assert fig.get_attribute("title")
        page.screenshot(path=str(ARTIFACTS / f"report-{lang}-focus.png"))

        # jump from a number to its sentence and back
        obs_id = page.evaluate(
            "document.querySelector('#catalog table.rd-sortable tbody tr').id.slice(4)"
        )
        page.goto(paths["html"].resolve().as_uri() + f"#q-{obs_id}")
        assert page.locator(f"[id='q-{obs_id}']").is_visible()

        # the catalog sorts and filters without a network
        page.fill("#catalog input[type=search]", "zz21-gdp-2020")
        shown = page.evaluate(
            "Array.from(document.querySelectorAll('#catalog table.rd-sortable tbody tr'))"
            ".filter(r => !r.hidden).map(r => r.id)"
        )
        assert "obs-zz21-gdp-2020" in shown and len(shown) < 10
        for name, y in (("targets", 0), ("clusters", 0), ("consistency", 0)):
            page.goto(paths["html"].resolve().as_uri() + f"#{name}")
            page.wait_for_timeout(50)
            page.screenshot(path=str(ARTIFACTS / f"report-{lang}-{name}.png"))
            del y
        browser.close()
    assert errors == []
