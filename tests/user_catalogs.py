"""Small user catalogs for tests: a hypothetical bulletin source and its level records."""

from __future__ import annotations

from typing import Any

import tomli_w

#: A source cited by URL only (no text), so its records' quotes are not looked up.
SOURCE = """
[[source]]
id = "x-bulletin"
title = "test fixture: hypothetical Zhuzhou statements (not real data)"
outlet = "regiondev test suite"
published = "2024-03-29"
url = "https://example.org/zhuzhou-bulletin"
region = "zhuzhou"
"""


def level(
    oid: str,
    value: float,
    *,
    indicator: str,
    quote: str,
    period: str = "2023",
    **extra: Any,
) -> str:
    """One ``[[observation]]`` of an exact amount in 亿元 (``{value}亿元``) of ``x-bulletin``;
    ``extra`` fields (subject, breakdown, increment…) are written when not empty."""
    record = {
        "id": oid,
        "source": "x-bulletin",
        "region": "zhuzhou",
        "indicator": indicator,
        "status": "actual",
        "period": period,
        "figure": f"{value}亿元",
        "value": value,
        "unit": "cny_100m",
        "bound": "exact",
        "basis": "nominal",
        **{k: v for k, v in extra.items() if v != ""},
        "quote": f"{quote}{value}亿元",
    }
    return "\n" + tomli_w.dumps({"observation": [record]})


def gdp(oid: str, value: float, **extra: Any) -> str:
    """Zhuzhou's (or a part's) 2023 GDP."""
    return level(oid, value, indicator="gdp", quote="地区生产总值", **extra)


def profit(oid: str, value: float, **extra: Any) -> str:
    """Zhuzhou's (or a part's) 2023 industrial profit."""
    return level(oid, value, indicator="industrial_profit", quote="实现利润", **extra)
