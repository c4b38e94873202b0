"""Cluster composition, location quotients, chi-square and Hunan's position, worked by hand."""

import hashlib
import math
from fractions import Fraction
from pathlib import Path

import polars as pl
import pytest

from regiondev._catalog import load_catalog
from regiondev.analysis.clusters import (
    LONG_COLUMNS,
    TABLES,
    ClusterResult,
    chi_square,
    clusters,
    composition,
    concentration_table,
    find_partitions,
    hunan_position,
    location_quotients,
    reference_partitions,
)
from regiondev.analysis.derived import DerivedError
from regiondev.errors import ParameterError
from regiondev.results import Result

# 2020 census, persons (regiondev/data/reference/regional_population_2020.md)
EAST, CENTRAL, WEST, NORTHEAST = 563_717_119, 364_694_362, 382_852_295, 98_514_948
FOUR = EAST + CENTRAL + WEST + NORTHEAST  # = 1,409,778,724
HUNAN = 66_444_864


@pytest.fixture(scope="module")
def result() -> ClusterResult:
    return clusters()


def _item(frame: pl.DataFrame, item: str) -> dict[str, object]:
    rows = frame.filter(pl.col("item") == item).to_dicts()
    assert len(rows) == 1, item
    return rows[0]


# --------------------------------------------------------------------------- reference data
def test_census_reference_records_and_their_gap() -> None:
    cat = load_catalog()
    src = cat.source("census20")
    assert src.kind == "reference" and src.published == "2021-05-11"
    assert Path(src.path).name == "regional_population_2020.md"
    assert hashlib.sha256(Path(src.path).read_bytes()).hexdigest() == src.sha256
    assert FOUR == 1_409_778_724
    total = cat.get("census20-population-total").value
    military = cat.get("census20-population-military").value
    # 1,411,778,724 − 1,409,778,724 = 2,000,000 active-duty military in no region
    assert total - FOUR == military == 2_000_000
    assert cat.get("census20-population-hunan").value == HUNAN
    # the printed share 39.93 % is of the national total incl. military: 563717119/1411778724
    assert 100 * EAST / total == pytest.approx(
        cat.get("census20-population-share-east").value, abs=0.005
    )


def test_reference_partition_is_found() -> None:
    refs = reference_partitions(load_catalog())
    (pop,) = [r for r in refs if r.indicator == "resident_population"]
    assert pop.values == [EAST, CENTRAL, WEST, NORTHEAST]
    assert pop.whole is not None and pop.whole.id == "census20-population-total"
    assert [r.id for r in pop.residuals] == ["census20-population-military"]


# --------------------------------------------------------------------------- composition
def test_domain_shares_exact() -> None:
    comp = composition(load_catalog())
    dom = comp.filter(pl.col("partition") == "domain")
    got = {r["member"]: r["share_exact"] for r in dom.to_dicts()}
    # 13/45, 13/45, 7/45, 5/45 = 1/9, 4/45, 3/45 = 1/15; sum 45/45 = 1
    assert got == {
        "it": "13/45",
        "high_end_equipment": "13/45",
        "new_materials": "7/45",
        "biomedicine": "1/9",
        "consumer_goods": "4/45",
        "nev_icv": "1/15",
        "(sum of parts)": "1",
        "it + high_end_equipment": "26/45",
    }
    it = dom.filter(pl.col("member") == "it").row(0, named=True)
    assert it["percent"] == pytest.approx(100 * 13 / 45)  # 28.888…%
    total = dom.filter(pl.col("member") == "(sum of parts)").row(0, named=True)
    # 13 + 13 + 7 + 5 + 4 + 3 = 45 = the printed whole
    assert total["count"] == 45 and "parts sum to the whole (45 = 45)" in total["check"]
    # 两类…占比过半: (13 + 13)/45 = 57.8 % > 50 %
    two = dom.filter(pl.col("member") == "it + high_end_equipment").row(0, named=True)
    assert two["percent"] == pytest.approx(57.7778, abs=1e-4) and "consistent" in two["check"]
    assert "cn22-two-domains-share-over-half" in two["observation_ids"]


def test_macro_region_shares_exact() -> None:
    comp = composition(load_catalog())
    reg = comp.filter(pl.col("partition") == "macro_region")
    got = {r["member"]: r["share_exact"] for r in reg.to_dicts()}
    # 30/45 = 2/3, 8/45, 5/45 = 1/9, 2/45; 30 + 8 + 5 + 2 = 45
    assert got == {
        "east": "2/3",
        "central": "8/45",
        "west": "1/9",
        "northeast": "2/45",
        "(sum of parts)": "1",
    }
    key = comp.filter(pl.col("partition") == "key_areas").row(0, named=True)
    # 重点区域 30 of 45 = 2/3, as printed
    assert key["share_exact"] == "2/3" and key["check"].startswith("printed '2/3': consistent")


def test_partition_gap_is_reported(tmp_path: Path) -> None:
    # a user list whose parts (3 + 1) fall short of its whole (5): the gap of 1 is reported
    path = _user_catalog(
        tmp_path,
        "national_clusters",
        {"it": 3, "high_end_equipment": 1},
        whole=5,
        dim="domain",
        unit="items",
        suffix="个",
        period="2023-01-01",
    )
    cat = load_catalog([path])
    (p,) = [
        p
        for p in find_partitions(cat, "national_clusters", "domain", ["it", "high_end_equipment"])
        if p.source == "userref"
    ]
    from regiondev.analysis.clusters import _composition_rows

    rows = _composition_rows(p)
    assert rows[-1]["check"].startswith("GAP: parts sum to 4, whole is 5 (gap 1)")
    assert rows[0]["share_exact"] == "3/5"


# --------------------------------------------------------------------------- concentration
def test_concentration_table_hand_worked() -> None:
    conc = concentration_table(load_catalog())
    dom = conc.filter(pl.col("partition") == "domain").row(0, named=True)
    # (169 + 169 + 49 + 25 + 16 + 9)/2025 = 437/2025 ≈ 0.21580
    assert dom["hhi_exact"] == "437/2025" and dom["hhi"] == pytest.approx(0.21580, abs=1e-5)
    assert dom["equivalent_number"] == pytest.approx(2025 / 437)
    assert dom["normalised_hhi_exact"] == "199/3375"
    reg = conc.filter(
        (pl.col("partition") == "macro_region") & (pl.col("quantity") == "national_clusters")
    ).row(0, named=True)
    # (900 + 64 + 25 + 4)/2025 = 993/2025 = 331/675
    assert reg["hhi_exact"] == "331/675"
    assert reg["normalised_hhi_exact"] == "649/2025"
    pop = conc.filter(pl.col("quantity") == "resident_population").row(0, named=True)
    shares = [x / FOUR for x in (EAST, CENTRAL, WEST, NORTHEAST)]
    assert pop["hhi"] == pytest.approx(sum(s * s for s in shares))  # ≈ 0.30544
    assert pop["hhi"] == pytest.approx(0.30544, abs=1e-5)


# --------------------------------------------------------------------------- location quotients
def test_location_quotients_population_hand_worked() -> None:
    lq = location_quotients(load_catalog(), "resident_population")
    got = {r["macro_region"]: r["location_quotient"] for r in lq.to_dicts()}
    # LQ = (clusters/45) / (population / 1,409,778,724)
    assert got["east"] == pytest.approx((30 / 45) / (EAST / FOUR))  # ≈ 1.66724
    assert got["east"] == pytest.approx(1.66724, abs=1e-5)
    assert got["central"] == pytest.approx((8 / 45) / (CENTRAL / FOUR))  # ≈ 0.68723
    assert got["central"] == pytest.approx(0.68723, abs=1e-5)
    assert got["west"] == pytest.approx((5 / 45) / (WEST / FOUR))  # ≈ 0.40915
    assert got["northeast"] == pytest.approx((2 / 45) / (NORTHEAST / FOUR))  # ≈ 0.63601
    row = lq.filter(pl.col("macro_region") == "east").row(0, named=True)
    assert "normalised over the four macro-regions' sum (1,409,778,724)" in row["caveat"]
    assert "2,000,000" in row["caveat"] and "census20-population-military" in row["caveat"]
    assert row["comparability"].startswith("PERIOD MISMATCH")
    assert {"cn22-clusters-region-east", "census20-population-east"} <= set(row["observation_ids"])


def test_location_quotient_textbook_cases(tmp_path: Path) -> None:
    # a reference proportional to the cluster counts (30:8:5:2) gives LQ = 1 everywhere
    path = _user_catalog(
        tmp_path, "gdp", {"east": 30, "central": 8, "west": 5, "northeast": 2}, period="2021"
    )
    lq = location_quotients(load_catalog([path]), "gdp")
    assert lq["location_quotient"].to_list() == pytest.approx([1, 1, 1, 1])
    chi = chi_square(load_catalog([path]), "gdp")
    # observed = expected everywhere: statistic 0, p-value 1
    total = chi.filter(pl.col("macro_region") == "(all)").row(0, named=True)
    assert total["statistic"] == pytest.approx(0) and total["p_value"] == pytest.approx(1)


def test_user_reference_catalog_adds_gdp_quotients(tmp_path: Path) -> None:
    # made-up test fixture (not data): GDP 50 : 25 : 20 : 5 亿元, sum 100
    path = _user_catalog(
        tmp_path, "gdp", {"east": 50, "central": 25, "west": 20, "northeast": 5}, period="2021"
    )
    cat = load_catalog([path])
    lq = location_quotients(cat, "gdp")
    got = {r["macro_region"]: r["location_quotient"] for r in lq.to_dicts()}
    # east (30/45)/(50/100) = 4/3; central (8/45)/(25/100) = 32/45;
    # west (5/45)/(20/100) = 5/9; northeast (2/45)/(5/100) = 8/9
    assert got["east"] == pytest.approx(4 / 3)
    assert got["central"] == pytest.approx(32 / 45)
    assert got["west"] == pytest.approx(5 / 9)
    assert got["northeast"] == pytest.approx(8 / 9)
    row = lq.row(0, named=True)
    assert "PERIOD MISMATCH" in row["comparability"]  # clusters 2022-11-30 vs GDP 2021
    assert "user-gdp-east" in row["observation_ids"]
    # chi-square: E = 45 × (0.5, 0.25, 0.2, 0.05) = 22.5, 11.25, 9, 2.25
    # (7.5²/22.5 = 2.5) + (3.25²/11.25 = 0.93889) + (4²/9 = 1.77778) + (0.25²/2.25 = 0.02778)
    # = 5.24444
    chi = chi_square(cat, "gdp")
    total = chi.filter(pl.col("macro_region") == "(all)").row(0, named=True)
    assert total["statistic"] == pytest.approx(2.5 + 10.5625 / 11.25 + 16 / 9 + 0.0625 / 2.25)
    assert total["statistic"] == pytest.approx(5.24444, abs=1e-5)
    ne = chi.filter(pl.col("macro_region") == "northeast").row(0, named=True)
    assert ne["expected"] == pytest.approx(2.25) and ne["expected_below_5"]
    # both references now appear in the full result
    res = clusters(cat)
    assert set(res.location_quotients["reference"]) == {"resident_population", "gdp"}


# --------------------------------------------------------------------------- chi-square
def test_chi_square_population_hand_worked() -> None:
    from scipy import stats

    chi = chi_square(load_catalog(), "resident_population")
    observed = [30, 8, 5, 2]
    expected = [45 * x / FOUR for x in (EAST, CENTRAL, WEST, NORTHEAST)]
    # E ≈ 17.994, 11.641, 12.221, 3.145 (northeast below 5)
    assert chi["expected"].to_list()[:4] == pytest.approx(expected)
    assert chi["expected_below_5"].to_list()[:4] == [False, False, False, True]
    stat = sum((o - e) ** 2 / e for o, e in zip(observed, expected, strict=True))  # ≈ 13.8328
    total = chi.filter(pl.col("macro_region") == "(all)").row(0, named=True)
    assert total["statistic"] == pytest.approx(stat)
    assert total["statistic"] == pytest.approx(13.8328, abs=1e-4)
    assert total["dof"] == 3
    assert total["p_value"] == pytest.approx(stats.chi2.sf(stat, 3))  # ≈ 0.00314
    assert "full national list, not a sample" in total["caveat"]
    assert "below 5 in northeast" in total["caveat"]


# --------------------------------------------------------------------------- Hunan
def test_hunan_cluster_bounds() -> None:
    hp = hunan_position(load_catalog())
    count = _item(hp, "Hunan clusters on the national list")
    # the texts name 2 and the central region has 8: [2, 8], no value (a bound is no value)
    assert (count["value"], count["low"], count["high"]) == (None, 2, 8)
    assert "LOWER BOUND" in str(count["caveat"])
    assert "named in the texts: at least 2" in str(count["detail"])
    assert len(count["plan_element_ids"]) == 2  # type: ignore[arg-type]
    central = _item(hp, "Hunan share of the central region's clusters")
    # ≥ 2/8 = 1/4, ≤ 8/8
    assert (central["exact"], central["low"], central["high"]) == ("≥ 1/4", 0.25, 1.0)
    assert central["value"] is None
    national = _item(hp, "Hunan share of the national clusters")
    # ≥ 2/45 ≈ 4.44 %, ≤ 8/45 ≈ 17.8 %
    assert national["exact"] == "≥ 2/45"
    assert national["high"] == pytest.approx(8 / 45)


def test_hunan_population_share_and_quotient() -> None:
    hp = hunan_position(load_catalog())
    share = _item(hp, "Hunan share of the four macro-regions' population")
    assert share["value"] == pytest.approx(HUNAN / FOUR)  # ≈ 0.047131
    lq = _item(hp, "Hunan location quotient (clusters vs population), national")
    # lower (2/45)/(66,444,864/1,409,778,724) ≈ 0.94299; upper (8/45)/(…) ≈ 3.77196
    assert lq["low"] == pytest.approx((2 / 45) / (HUNAN / FOUR))
    assert lq["low"] == pytest.approx(0.94299, abs=1e-5)
    assert lq["high"] == pytest.approx((8 / 45) / (HUNAN / FOUR))
    within = _item(
        hp, "Hunan location quotient (clusters vs population), within the central region"
    )
    # (2/8)/(66,444,864/364,694,362) ≈ 1.37217
    assert within["low"] == pytest.approx((2 / 8) / (HUNAN / CENTRAL))
    assert "PERIOD MISMATCH" in str(lq["comparability"])


def test_changsha_output_against_national() -> None:
    hp = hunan_position(load_catalog())
    mean = _item(hp, "Mean leading-industry output per national cluster")
    # 19万亿元 = 190,000 亿元; / 45 = 4,222.2 亿元; printed to 1万亿: [185000, 195000]/45
    assert mean["value"] == pytest.approx(190000 / 45)
    assert (mean["low"], mean["high"]) == pytest.approx((185000 / 45, 195000 / 45))
    total = _item(
        hp, "Changsha engineering-machinery output vs national total leading-industry output"
    )
    # 突破2500 / 190000: more than 1/76 ≈ 0.013158 — a lower bound, so no value;
    # low 2499.5 / 195000 allowing the rounding of both figures
    assert total["value"] is None and "more than 0.01316" in str(total["detail"])
    assert total["low"] == pytest.approx(2499.5 / 195000)
    assert total["high"] == math.inf
    vs_mean = _item(hp, "Changsha engineering-machinery output vs mean output per national cluster")
    # 2500 / (190000/45) = 112500/190000 = 45/76 ≈ 0.59211: the lowest stated value
    assert vs_mean["value"] is None
    assert vs_mean["low"] == pytest.approx(2499.5 / (195000 / 45))
    comp = str(vs_mean["comparability"])
    assert "PERIOD MISMATCH: 2020" in comp and "2021" in comp
    assert "产业规模" in comp and "主导产业产值" in comp
    assert {"cs21-em-cluster-output-2020", "cn22-clusters-output-2021"} <= set(
        vs_mean["observation_ids"]  # type: ignore[arg-type]
    )


def test_zhuzhou_thousand_billion_clusters() -> None:
    hp = hunan_position(load_catalog())
    now = _item(hp, "Zhuzhou clusters of 1,000亿元 or more, now")
    assert now["value"] == 2  # apparel is the 2nd, after rail transit
    target = _item(hp, "Zhuzhou clusters of 1,000亿元 or more implied for 2025")
    # 2 + 新增 2至3 = 4 to 5
    assert (target["low"], target["high"]) == (4, 5)
    assert "PERIOD MISMATCH" in str(target["comparability"])
    assert "zz21-new-thousand-billion-clusters-target" in target["observation_ids"]  # type: ignore[operator]


def test_hunan_chain_targets_imply_output() -> None:
    hp = hunan_position(load_catalog())
    implied = _item(hp, "Hunan industrial output implied by the two 2025 targets")
    # chains > 20,000 亿元, share in [0.40, 1]: T = chains / share > 20,000 / 1, unbounded
    # above; 5万亿元 (20,000 / 0.40) holds only if both are met exactly: no value
    assert implied["value"] is None
    assert (implied["low"], implied["high"]) == (20000, math.inf)
    assert implied["observation_ids"] == [
        "hn19-chains-output-target-2025",
        "hn19-chains-output-share-target-2025",
    ]
    assert "突破2万亿元 / (达到40%以上 / 100)" in str(implied["derivation"])
    at_target = _item(hp, "Hunan industrial output if the chains reach exactly 2万亿元")
    # chains = 20,000, share ≥ 0.40 → 20,000 ≤ T ≤ 50,000
    assert (at_target["low"], at_target["high"]) == (20000, 50000)


# --------------------------------------------------------------------------- result protocol
def test_result_protocol_and_long_frame(result: ClusterResult) -> None:
    assert isinstance(result, Result)
    frame = result.to_frame()
    assert tuple(frame.columns) == LONG_COLUMNS
    assert set(frame["table"]) == set(TABLES)
    for r in frame.to_dicts():
        ids = r["observation_ids"] + r["plan_element_ids"]
        assert ids, r["item"]
        if r["table"] != "plans":
            assert r["observation_ids"], r["item"]
        assert r["comparability"], r["item"]
    md = result.to_markdown()
    assert "## location_quotients" in md and "437/2025" in md
    assert "<table" in result._repr_html_()
    assert result.table("composition").height == result.composition.height
    with pytest.raises(KeyError):
        result.table("nope")


def test_every_observation_id_exists(result: ClusterResult) -> None:
    cat = load_catalog()
    known = {o.id for o in cat.observations}
    for name in TABLES:
        for ids in result.table(name)["observation_ids"].to_list():
            assert set(ids) <= known


def test_mismatch_labels_present(result: ClusterResult) -> None:
    comp = result.to_frame()["comparability"].to_list()
    assert any("PERIOD MISMATCH" in c for c in comp)
    assert any("different quantities" in c for c in comp)


# --------------------------------------------------------------------------- helpers
def _user_catalog(
    tmp_path: Path,
    indicator: str,
    parts: dict[str, int],
    *,
    whole: int | None = None,
    dim: str = "macro_region",
    unit: str = "cny_100m",
    suffix: str = "亿元",
    period: str = "2021",
) -> Path:
    """A user catalog in the shipped format: an external source (URL, no text) and records."""
    lines = [
        "[[source]]",
        'id = "userref"',
        'title = "Test fixture (made-up numbers)"',
        'outlet = "tests"',
        'published = "2022-06-01"',
        'url = "https://example.invalid/fixture"',
        'kind = "reference"',
    ]
    records = [
        (f"user-{indicator.replace('_', '-')}-{k}", f"{dim}={k}", v) for k, v in parts.items()
    ]
    if whole is not None:
        records.append((f"user-{indicator}-whole", "", whole))
    for rid, breakdown, value in records:
        lines += [
            "",
            "[[observation]]",
            f'id = "{rid}"',
            'source = "userref"',
            'region = "china"',
            f'indicator = "{indicator}"',
            'status = "actual"',
            f'period = "{period}"',
            f'figure = "{value}{suffix}"',
            f"value = {value}",
            f'unit = "{unit}"',
            'bound = "exact"',
            f'basis = "{"nominal" if unit == "cny_100m" else "not_applicable"}"',
            f'breakdown = "{breakdown}"',
            f'quote = "{breakdown or "total"} {value}{suffix}"',
        ]
    path = tmp_path / f"user_{indicator}.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_fraction_sanity() -> None:
    # the exact arithmetic the tables print
    assert Fraction(30, 45) == Fraction(2, 3)
    assert Fraction(437, 2025) == Fraction(169 + 169 + 49 + 25 + 16 + 9, 45 * 45)


# --------------------------------------------------------------------------- what is now known
def _hunan_record(
    path: Path, rid: str, indicator: str, period: str, value: float, **kw: str
) -> None:
    unit, suffix, basis = (
        kw.get("unit", "items"),
        kw.get("suffix", "个"),
        kw.get("basis", "not_applicable"),
    )
    with path.open("a", encoding="utf-8") as f:
        f.write(
            f'\n[[observation]]\nid = "{rid}"\nsource = "userref"\nregion = "hunan"\n'
            f'indicator = "{indicator}"\nstatus = "actual"\nperiod = "{period}"\n'
            f'figure = "{value:g}{suffix}"\nvalue = {value}\nunit = "{unit}"\nbound = "exact"\n'
            f'basis = "{basis}"\nquote = "湖南 {value:g}{suffix}"\n'
        )


def test_a_stated_count_replaces_the_lower_bound(tmp_path: Path) -> None:
    # later official press: 湖南培育出4个国家先进制造业集群 (the outcomes layer holds it)
    path = _user_catalog(tmp_path, "gdp", {"east": 50, "central": 25, "west": 20, "northeast": 5})
    _hunan_record(path, "user-hn-national-clusters", "national_clusters", "2023-09-22", 4)
    hp = hunan_position(load_catalog([path]))
    count = _item(hp, "Hunan clusters on the national list")
    assert (count["value"], count["low"], count["high"]) == (4, 4, 4)
    assert "named in the texts: at least 2" in str(count["detail"])
    assert "user-hn-national-clusters" in count["observation_ids"]  # type: ignore[operator]
    national = _item(hp, "Hunan share of the national clusters")
    assert national["exact"] == "4/45" and national["value"] == pytest.approx(4 / 45)
    lq = _item(hp, "Hunan location quotient (clusters vs population), national")
    # (4/45) / (66,444,864 / 1,409,778,724) = 0.088889 / 0.047131 = 1.88598
    assert lq["value"] == pytest.approx((4 / 45) / (HUNAN / FOUR))
    assert lq["low"] == lq["high"] == pytest.approx(1.88598, abs=1e-5)


def test_gdp_reference_for_hunan(tmp_path: Path) -> None:
    # made-up fixture: GDP 50 : 25 : 20 : 5 亿元 (sum 100), Hunan 4 亿元 of it
    path = _user_catalog(tmp_path, "gdp", {"east": 50, "central": 25, "west": 20, "northeast": 5})
    _hunan_record(
        path, "user-hn-gdp", "gdp", "2021", 4, unit="cny_100m", suffix="亿元", basis="nominal"
    )
    result = clusters(load_catalog([path]), reference="gdp")
    assert set(result.location_quotients["reference"]) == {"gdp"}
    hp = result.hunan_position
    lq = _item(hp, "Hunan location quotient (clusters vs gdp), national")
    # Hunan's share of GDP 4/100 = 0.04; clusters [2/45, 8/45] → LQ [1.1111, 4.4444], no value
    assert lq["value"] is None
    assert (lq["low"], lq["high"]) == pytest.approx((2 / 45 / 0.04, 8 / 45 / 0.04))
    assert "the reference is gdp" in str(lq["caveat"])


def test_population_is_the_stated_reference_and_unknown_references_are_errors() -> None:
    hp = hunan_position(load_catalog())
    lq = _item(hp, "Hunan location quotient (clusters vs population), national")
    assert "the reference is population (resident_population)" in str(lq["caveat"])
    with pytest.raises(ParameterError, match="no macro-region partition of 'gdp'"):
        clusters(load_catalog(), reference="gdp")


def test_a_new_text_joins_through_a_derived_file(tmp_path: Path) -> None:
    extra = tmp_path / "mine.toml"
    extra.write_text(
        '[[derived]]\nid = "zz-apparel-share-of-rail"\ntable = "hunan_position"\n'
        'item = "Zhuzhou apparel vs the 2025 chain target"\nformula = "apparel / chains"\n'
        'unit = "ratio"\ninterval = "stated"\n'
        '[derived.inputs]\napparel = "zz21-apparel-cluster-output"\n'
        'chains = "hn19-chains-output-target-2025"\n',
        encoding="utf-8",
    )
    hp = hunan_position(load_catalog(), derived=[extra])
    row = _item(hp, "Zhuzhou apparel vs the 2025 chain target")
    assert row["observation_ids"] == [
        "zz21-apparel-cluster-output",
        "hn19-chains-output-target-2025",
    ]
    assert "zz-apparel-share-of-rail" in str(row["derivation"])
    # over a lower bound (突破2万亿元): the ratio has an upper bound only, no value
    assert row["value"] is None and row["low"] == 0


def _entry(formula: str = "x", item: str = '"i"', target: str = "zz21-gdp-2020") -> str:
    return (
        f'id = "a"\ntable = "hunan_position"\nitem = {item}\nformula = "{formula}"\n'
        f'unit = ""\n[derived.inputs]\nx = "{target}"\n'
    )


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (_entry("x + "), "field 'formula': not a formula"),
        (_entry("open(x)"), "the only function is printed(role)"),
        (_entry("y"), "'y' is not one of the inputs"),
        (_entry(item="3"), "field 'item'"),
        (_entry(target="nope"), "no such record"),
    ],
)
def test_bad_derived_entries_are_named(tmp_path: Path, body: str, problem: str) -> None:
    extra = tmp_path / "bad.toml"
    extra.write_text("[[derived]]\n" + body, encoding="utf-8")
    with pytest.raises(DerivedError, match=r"bad\.toml") as err:
        hunan_position(load_catalog(), derived=[extra])
    assert problem in str(err.value)


def test_the_outcomes_layer_states_four_of_45() -> None:
    # later official press (outcomes layer): 湖南培育出4个国家先进制造业集群
    hp = hunan_position(load_catalog(outcomes=True))
    count = _item(hp, "Hunan clusters on the national list")
    assert (count["value"], count["low"], count["high"]) == (4, 4, 4)
    assert "PERIOD MISMATCH" in str(count["comparability"])
    lq = _item(hp, "Hunan location quotient (clusters vs population), national")
    # (4/45) / (66,444,864 / 1,409,778,724) ≈ 1.88598
    assert lq["value"] == pytest.approx(1.88598, abs=1e-5)
