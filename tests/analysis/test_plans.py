"""Plans as structure: Changsha 1+2+N, Zhuzhou 3+3+2, the 17 and 20 chains, the national list."""

from pathlib import Path

import pytest

from regiondev._catalog import load_catalog
from regiondev._sources import clean_text
from regiondev.analysis.plans import (
    Level,
    Standing,
    compare_plans,
    load_plans,
    plan,
    plans_frame,
    tiers_frame,
)
from regiondev.errors import CatalogError


def test_every_quote_occurs_in_its_clean_source() -> None:
    cat = load_catalog()
    for p in load_plans(cat):
        for src_id, quote in [
            (p.source, p.quote),
            *((t.source, t.quote) for t in p.tiers),
            *((m.source, m.quote) for m in p.members),
            *((m.source, m.level_quote) for m in p.members if m.level_quote),
        ]:
            assert clean_text(cat.source(src_id)).find(quote), (p.id, quote)
        for m in p.members:
            assert m.name_zh in m.quote


def test_changsha_1_2_n() -> None:
    p = plan("changsha-1+2+n")
    assert p.structure == "1+2+N"
    assert [(t.label, t.count, t.level) for t in p.tiers] == [
        ("1", 1, Level.WORLD),
        ("2", 2, Level.NATIONAL),
        ("N", None, Level.PROVINCIAL),
    ]
    assert all(t.level_stated for t in p.tiers)
    assert p.declared_total is None  # N is open
    assert [m.name_zh for m in p.members_in(1)] == ["工程机械"]
    assert [m.name_zh for m in p.members_in(2)] == ["先进储能材料", "新一代自主安全计算系统"]
    n = p.members_in(3)
    assert [m.name_zh for m in n] == ["生物医药", "消费类电子", "人工智能及机器人"]
    assert {m.standing for m in n} == {Standing.APPLYING}


def test_zhuzhou_3_3_2() -> None:
    p = plan("zhuzhou-3+3+2")
    # 3 + 3 + 2 = 8 members, all named; the last two are groups (一批)
    assert p.declared_total == 8
    assert len(p.members) == 8
    assert [m.name_zh for m in p.members_in(1)] == ["轨道交通", "航空动力", "先进硬质材料"]
    assert [m.name_zh for m in p.members_in(2)] == ["电子信息", "新能源装备", "汽车与零部件"]
    assert [m.group for m in p.members_in(3)] == [True, True]
    # tier levels are read from the order of 世界级、国家级、区域级, not stated
    assert [t.level for t in p.tiers] == [Level.WORLD, Level.NATIONAL, Level.REGIONAL]
    assert not any(t.level_stated for t in p.tiers)
    # rail transit and aviation carry their own world-level quote
    stated = {m.name_zh for m in p.members if m.level_stated}
    assert stated == {"轨道交通", "航空动力"}


def test_chains_and_national_list_link_catalog_counts() -> None:
    cat = load_catalog()
    by_id = {p.id: p for p in load_plans(cat)}
    zz, hn, nat = by_id["zhuzhou-17-chains"], by_id["hunan-20-chains"], by_id["national-45"]
    assert (zz.count, len(zz.members)) == (17, 0)
    assert zz.observation_ids and all(cat.get(i).value == 17 for i in zz.observation_ids)
    assert (hn.count, len(hn.members)) == (20, 4)
    assert "hn19-industrial-chains" in hn.observation_ids
    assert "cn22-clusters-total" in nat.observation_ids
    assert {m.region.value for m in nat.members} == {"changsha", "zhuzhou"}
    assert {m.standing for m in nat.members} == {Standing.DESIGNATED}


def test_frames() -> None:
    plans = load_plans()
    members = plans_frame(plans)
    # 2 + 6 + 8 + 1 (no member named) + 4 = 21 rows
    assert members.height == 21
    assert all(r for r in members["plan_element_ids"].to_list())
    tiers = tiers_frame(plans)
    assert tiers.height == 1 + 3 + 3 + 1 + 1
    cmp = compare_plans(plans)
    row = cmp.filter(cmp["plan"] == "hunan-20-chains").row(0, named=True)
    # 20 declared, 4 named → 16 unnamed
    assert (row["declared_total"], row["members_named"], row["members_unnamed"]) == (20, 4, 16)
    cs = cmp.filter(cmp["plan"] == "changsha-1+2+n").row(0, named=True)
    assert cs["open_tier"] and cs["declared_total"] is None


def _plans_file(tmp_path: Path, member_quote: str, name: str = "工程机械") -> Path:
    path = tmp_path / "plans.toml"
    path.write_text(
        f"""
[[plan]]
id = "p"
region = "changsha"
structure = "1"
kind = "cluster_system"
name_en = "test"
source = "cs21"
quote = "长沙重点打造“1+2+N”产业集群体系"
horizon = "2025"

[[tier]]
plan = "p"
position = 1
label = "1"
count = 1
level = "world"
level_stated = true
source = "cs21"
quote = "围绕工程机械打造世界级产业集群"

[[member]]
id = "p/m"
plan = "p"
tier = 1
name_zh = "{name}"
name_en = "x"
standing = "planned"
source = "cs21"
quote = "{member_quote}"
""",
        encoding="utf-8",
    )
    return path


def test_valid_user_plans_file_loads(tmp_path: Path) -> None:
    (p,) = load_plans(path=_plans_file(tmp_path, "围绕工程机械打造世界级产业集群"))
    assert p.members[0].level is Level.WORLD and p.members[0].level_stated


def test_bad_quote_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="not found"):
        load_plans(path=_plans_file(tmp_path, "围绕工程机械打造宇宙级产业集群"))


def test_member_name_must_be_in_its_quote(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="name_zh"):
        load_plans(path=_plans_file(tmp_path, "围绕工程机械打造世界级产业集群", name="航空"))
