"""Every derived number of every analysis carries the ids it came from and a derivation.

Walks every output row of growth, check and clusters (shipped catalog, and with a user
catalog whose records trigger the automatic compounding checks).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

from regiondev._catalog import load_catalog
from tests.analysis.test_compounding import BULLETIN, _catalog


def _number(x: Any) -> bool:
    """A number was given (not null and not NaN; ±inf is an unbounded end, still a number)."""
    return isinstance(x, int | float) and not isinstance(x, bool) and not math.isnan(x)


@pytest.fixture(scope="module")
def catalogs(tmp_path_factory: pytest.TempPathFactory) -> list[Any]:
    user = _catalog(tmp_path_factory.mktemp("prov"), *BULLETIN)
    return [load_catalog(), load_catalog([Path(user)])]


def test_every_check_verdict_with_a_number_names_ids_and_a_derivation(catalogs: list[Any]) -> None:
    from regiondev.analysis.consistency import check

    for cat in catalogs:
        for deflator in (None, 0.02):
            for v in check(cat, deflator=deflator):
                assert v.observation_ids, v.check_id
                if _number(v.expected_low) or _number(v.expected_high):
                    # the derivation of an implied number is the expected column: its formula
                    # (growth, shares, chains) or the figures it is read from (bounds)
                    assert v.expected.strip(), v.check_id
                    computed = ("growth_compounding", "base_year_growth", "level_additions")
                    if v.kind in computed:
                        assert "=" in v.expected, v.check_id


def test_every_cluster_row_with_a_number_names_ids_and_a_derivation(catalogs: list[Any]) -> None:
    from regiondev.analysis.clusters import clusters

    for cat in catalogs:
        for r in clusters(cat).to_frame().to_dicts():
            assert r["observation_ids"] or r["plan_element_ids"], r["item"]
            if any(_number(r[c]) for c in ("value", "low", "high")):
                assert r["observation_ids"], r["item"]
                assert r["derivation"], r["item"]


#: Growth's derived numbers and the column that holds the ids each came from.
_GROWTH_DERIVED = {
    "base_value": "baseline_ids",
    "required_cagr": "observation_ids",
    "historical_growth": "historical_ids",
    "ratio": "observation_ids",
    "trend_projection": "observation_ids",
    "p_met": "observation_ids",
    "margin": "observation_ids",
    "required_pace": "observation_ids",
    "implied_deflator": "implied_deflator_ids",
    "breakeven_deflator": "observation_ids",
}


def test_every_growth_row_with_a_number_names_ids_and_a_derivation(catalogs: list[Any]) -> None:
    """growth.py is the tracker's module (i14-tracker); this walk holds it to the same rule."""
    from regiondev.analysis.growth import growth

    for cat in catalogs:
        frame = growth(cat).to_frame()
        for r in frame.to_dicts():
            assert r["observation_ids"], r["target_id"]
            for col, ids_col in _GROWTH_DERIVED.items():
                if col in r and _number(r[col]):
                    assert r.get(ids_col), (r["target_id"], col)
                    assert r.get("derivation") or r.get("reason"), (r["target_id"], col)
