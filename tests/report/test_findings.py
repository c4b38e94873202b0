"""The report's findings and charts for notebooks: same sentences, plain text and HTML."""

from __future__ import annotations

import pytest

from regiondev._catalog import load_catalog
from regiondev.errors import ParameterError
from regiondev.report.findings import chart, findings


def test_findings_read_as_sentences_with_links() -> None:
    f = findings(load_catalog(), topics=("consistency", "clusters"))
    text = repr(f)
    assert text.startswith("Consistency\n- Of ")
    # Hunan: at least 2 and at most 8 of the 45 clusters, the range and never the midpoint 5
    assert "Hunan has 2–8 of China's 45 national advanced-manufacturing clusters" in text
    html = f._repr_html_()
    # a number links to its record with its quote as a tooltip; no popover markup in notebooks
    assert 'class="fig" href="#obs-' in html and 'title="「' in html
    assert 'class="pop"' not in html
    assert "<script" not in html


def test_findings_in_chinese_and_bad_arguments() -> None:
    f = findings(load_catalog(), topics=("clusters",), lang="zh")
    assert repr(f).startswith("产业集群\n- 湖南拥有全国45个国家先进制造业集群中的2–8个")
    with pytest.raises(ParameterError, match="unknown topic"):
        findings(load_catalog(), topics=("weather",))
    with pytest.raises(ParameterError, match="lang"):
        findings(load_catalog(), lang="fr")  # type: ignore[arg-type]


def test_chart_by_name() -> None:
    svg = chart("location_quotients", load_catalog())
    assert svg.startswith(b"<?xml") and b"<svg" in svg
    with pytest.raises(ParameterError, match="no chart"):
        chart("catalog", load_catalog())
