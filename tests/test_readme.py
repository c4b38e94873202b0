"""The README's examples work as written."""

from __future__ import annotations

import re
from pathlib import Path

import regiondev

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_user_catalog_example_loads(tmp_path: Path) -> None:
    block = re.search(r"```toml\n(.*?)```", README, re.S)
    assert block is not None
    path = tmp_path / "mine.toml"
    path.write_text(block.group(1), encoding="utf-8")
    cat = regiondev.load_catalog(extra=[path])
    obs = cat.get("zz-gdp-2021")
    # 3420.3亿元, exact: value 3420.3 in cny_100m, printed to 0.1
    assert (obs.value, obs.unit, obs.bound.value, obs.step) == (3420.3, "cny_100m", "exact", 0.1)


def test_library_example_parse_figure() -> None:
    f = regiondev.parse_figure("突破2500亿元")
    assert (f.value, f.unit, f.bound.value, f.low, f.high) == (
        2500.0,
        "cny_100m",
        "more_than",
        2500.0,
        float("inf"),
    )
