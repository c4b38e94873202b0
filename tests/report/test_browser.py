"""The HTML report in headless Chromium: every image loads, no console errors, a screenshot."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from regiondev.catalog import load_catalog
from regiondev.report.build import write_report

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.slow
def test_html_report_renders_in_chromium(tmp_path: Path) -> None:
    if CHROMIUM is None:
        if os.environ.get("REGIONDEV_REQUIRE_BROWSER"):
            pytest.fail("chromium is required (REGIONDEV_REQUIRE_BROWSER is set) but not found")
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    paths = write_report(load_catalog(), tmp_path / "report")
    errors: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
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
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(paths["html"].resolve().as_uri())
        page.wait_for_load_state("load")
        images = page.evaluate(
            "Array.from(document.images).map(i => [i.alt, i.complete, i.naturalWidth])"
        )
        sections = page.evaluate(
            "Array.from(document.querySelectorAll('h2')).map(h => h.textContent)"
        )
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=False)
        browser.close()
    assert images, "the report has no figures"
    broken = [alt for alt, complete, width in images if not complete or width == 0]
    assert broken == []
    assert errors == []
    assert len(sections) == 7
