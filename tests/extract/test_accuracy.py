"""Measured accuracy on the seeds against the curated catalog."""

import math

from regiondev._extract.accuracy import ACCURACY_SCHEMA, accuracy, accuracy_result


def test_recall_on_the_seeds_is_at_least_98_percent() -> None:
    frame = accuracy()  # the polars frame the report shows
    result = accuracy_result()
    assert list(frame.columns) == list(ACCURACY_SCHEMA)
    assert frame["source"].to_list() == ["cn22", "cs21", "csht19", "hn19", "zz21", "all"]
    total = result.total()
    assert total["cataloged"] > 0
    assert total["recall"] >= 0.98, total["missed"]
    for row in frame.iter_rows(named=True):
        if row["cataloged"]:
            assert row["recall"] >= 0.98, (row["source"], row["missed"])
    # precision is reported (kept claims that match a record / kept claims)
    assert 0 < total["precision"] <= 1 and not math.isnan(total["precision"])
    assert "| all |" in result.to_markdown()


def test_an_empty_selection_has_null_shares_not_nan() -> None:
    # no source selected: 0 cataloged, 0 claims → recall 0/0 and precision 0/0 are null
    total = accuracy_result(sources=["no-such-source"]).total()
    assert (total["cataloged"], total["claims"]) == (0, 0)
    assert total["recall"] is None and total["precision"] is None
    frame = accuracy(sources=["no-such-source"])
    assert frame["recall"].null_count() == 1 and frame["recall"].is_nan().sum() == 0
