"""Measured accuracy on the seeds against the curated catalog."""

import math

from regiondev.extract.accuracy import ACCURACY_SCHEMA, accuracy, accuracy_result


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
