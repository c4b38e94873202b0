"""analysis.shares: the one reading of part / share = whole, shared by growth and check."""

from pathlib import Path

from regiondev._catalog import load_catalog
from regiondev.analysis.shares import share_pairs, share_parts, share_wholes

CAT = load_catalog()


def test_share_parts_read_denominator_and_code_prefix() -> None:
    # hightech_va_share_gdp names gdp as its denominator; its part is the code before _share.
    # rd_share_gdp and digital_economy_share_gdp also name gdp, but there is no rd or
    # digital_economy level in the vocabulary, so they give no part.
    pairs = [(s.code, p.code) for s, p in share_parts(CAT.indicators, "gdp")]
    assert pairs == [("hightech_va_share_gdp", "hightech_va")]
    # national_clusters_share → national_clusters is the whole itself: no part
    assert share_parts(CAT.indicators, "national_clusters") == []
    assert "gdp" in share_wholes(CAT.indicators)


def test_shipped_pairs() -> None:
    # Zhuzhou 2020: 873.85亿元 high-tech value added at 28.1 % of GDP. The Hunan 2025 chains'
    # output share (达到40%以上) and output (突破2万亿元) pair too (same region, period, status;
    # with no Hunan 2025 industrial output on record, check finds no total for them).
    got = [
        (x.part.id, x.share.id) for w in share_wholes(CAT.indicators) for x in share_pairs(CAT, w)
    ]
    assert got == [
        ("zz21-hightech-va-2020", "zz21-hightech-va-share-gdp-2020"),
        ("hn19-chains-output-target-2025", "hn19-chains-output-share-target-2025"),
    ]


def test_pairs_need_the_same_scope_period_and_status(tmp_path: Path) -> None:
    record = """
[[observation]]
id = "{id}"
source = "u"
region = "zhuzhou"
indicator = "{indicator}"
status = "{status}"
period = "{period}"
figure = "{figure}"
value = {value}
unit = "{unit}"
bound = "exact"
basis = "{basis}"
subject = "{subject}"
quote = "{figure}"
"""
    head = (
        '[[source]]\nid = "u"\ntitle = "t"\noutlet = "o"\npublished = "2022-03-30"\n'
        'url = "https://example.org/u"\nregion = "zhuzhou"\n'
    )
    share = dict(indicator="hightech_va_share_gdp", unit="percent", basis="not_applicable")
    part = dict(indicator="hightech_va", unit="cny_100m", basis="nominal")
    text = head + "".join(
        record.format(**kw)
        for kw in (
            dict(
                id="s", status="actual", period="2021", figure="30%", value=30, subject="", **share
            ),
            dict(
                id="p-ok",
                status="actual",
                period="2021",
                figure="900亿元",
                value=900,
                subject="",
                **part,
            ),
            dict(
                id="p-year",
                status="actual",
                period="2020",
                figure="800亿元",
                value=800,
                subject="",
                **part,
            ),
            dict(
                id="p-target",
                status="target",
                period="2021",
                figure="950亿元",
                value=950,
                subject="",
                **part,
            ),
            dict(
                id="p-county",
                status="actual",
                period="2021",
                figure="90亿元",
                value=90,
                subject="liling",
                **part,
            ),
        )
    )
    f = tmp_path / "u.toml"
    f.write_text(text, encoding="utf-8")
    cat = load_catalog([f])
    got = [(x.part.id, x.share.id) for x in share_pairs(cat, "gdp") if x.share.id == "s"]
    assert got == [("p-ok", "s")]
