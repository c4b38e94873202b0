"""consistency.check() on the real catalog: verdicts, explanations, rules, discovery, mutations."""

import dataclasses
import json
import math
from pathlib import Path

import pytest

from regiondev._catalog import Catalog, load_catalog
from regiondev.analysis.checks import CheckStatus
from regiondev.analysis.checks.base import is_count
from regiondev.analysis.consistency import (
    CheckResult,
    RuleError,
    check,
    discover,
    load_rules,
    shipped_rules_path,
)
from regiondev.cli.render import json_rows
from regiondev.model import Observation
from tests.user_catalogs import gdp, profit

CAT = load_catalog()
RESULT = check(CAT)
EXPLAINED = {CheckStatus.FAIL, CheckStatus.WARN, CheckStatus.NOT_COMPARABLE}


# --- the real catalog ---------------------------------------------------------------------


def test_every_check_has_a_verdict_and_explanation() -> None:
    assert len(RESULT) >= 20
    ids = [v.check_id for v in RESULT]
    assert len(ids) == len(set(ids))
    for v in RESULT:
        assert isinstance(v.status, CheckStatus)
        assert v.observation_ids and all(CAT.get(i) for i in v.observation_ids)
        assert v.message.endswith(".") and len(v.message) > 40, v
        assert v.expected, v
        if v.status in EXPLAINED:
            # names at least one of its figures as printed
            assert any(CAT.get(i).figure in v.message for i in v.observation_ids), v


@pytest.mark.parametrize(
    ("check_id", "status"),
    [
        ("cn22-innovation-centres-grim", "fail"),
        ("cn22-two-domains-over-half", "pass"),
        ("cn22-key-areas-two-thirds", "pass"),
        ("cn22-two-domains-summary-vs-list", "pass"),
        ("zz21-hightech-share-implies-gdp-2020", "pass"),
        ("zz21-gdp-two-year-average-2021q1-q3", "not_checkable"),
        ("zz21-gdp-prior-level-2020q1-q3", "not_checkable"),
        ("zz21-gdp-average-growth-2016-2020", "not_checkable"),
        ("cs21-em-cluster-output-vs-industrial-va", "not_comparable"),
        ("cs21-smart-pilots-scope", "not_comparable"),
        ("zz21-gdp-q1-q3-vs-annual", "not_comparable"),
        ("auto-partition-cn22-national-clusters-2022-11-30-domain", "pass"),
        ("auto-partition-cn22-national-clusters-2022-11-30-macro-region", "pass"),
        ("auto-repeated-china-cluster-leading-output-2021", "pass"),
        ("auto-repeated-china-little-giant-enterprises-national-2022-11-30", "pass"),
    ],
)
def test_known_verdicts(check_id: str, status: str) -> None:
    assert RESULT.get(check_id).status.value == status


def test_grim_innovation_centres_worked_out() -> None:
    v = RESULT.get("cn22-innovation-centres-grim")
    # 18/n in [69.5 %, 70.5 %] ⇔ n in [18/0.705, 18/0.695] = [25.53, 25.90]: no integer
    assert math.isclose(v.expected_low, 25.5319, abs_tol=1e-4)
    assert math.isclose(v.expected_high, 25.8993, abs_tol=1e-4)
    # nearest: 18/25 = 72.0 %, 18/26 = 69.2 %
    assert "18/25 = 72.0%" in v.actual and "18/26 = 69.2%" in v.actual
    assert v.observation_ids == ("cn22-innovation-centres", "cn22-innovation-centres-share")
    # if 70 % was rounded to the nearest ten: 18/n in [65 %, 75 %) ⇔ 24 < n ≤ 27.69 → 25..27
    assert "n = 25 to 27 would fit" in v.message and "n = 24 gives exactly 75%" in v.message


def test_two_year_average_reports_the_implied_2020_growth() -> None:
    v = RESULT.get("zz21-gdp-two-year-average-2021q1-q3")
    # 1.063² / 1.099 − 1 = 0.028180 → 2.82 %
    assert math.isclose(v.expected_low, (1.063**2 / 1.099 - 1) * 100)
    assert "2.82%" in v.message and "2.8179" not in v.message


def test_gross_output_vs_value_added_is_explained_not_failed() -> None:
    v = RESULT.get("cs21-em-cluster-output-vs-industrial-va")
    assert "gross output" in v.message and "value added" in v.message
    assert "100 %" in v.message  # the naive share 2500/2300 = 108.7 % exceeds 100 %
    assert not any(v.kind == "comparability" and v.status is CheckStatus.FAIL for v in RESULT)


def test_frame_json_markdown_html() -> None:
    frame = RESULT.to_frame()
    assert {
        "check_id",
        "kind",
        "observation_ids",
        "expected",
        "actual",
        "tolerance",
        "tolerance_source",
        "status",
        "message",
    } <= set(frame.columns)
    assert frame.height == len(RESULT)
    rows = json.loads(json.dumps(json_rows(frame), ensure_ascii=False))
    assert all(isinstance(r["observation_ids"], list) for r in rows)
    gdp = next(r for r in rows if r["check_id"] == "zz21-hightech-share-implies-gdp-2020")
    assert gdp["actual_high"] is None  # 突破3000: unbounded above → null in JSON
    md = RESULT.to_markdown()
    assert md.startswith("| check_id | kind | status |") and "cn22-innovation-centres-grim" in md
    assert "<table" in RESULT._repr_html_()


def test_failed_and_counts() -> None:
    failed = RESULT.failed()
    assert isinstance(failed, CheckResult)
    assert [v.check_id for v in failed] == [
        v.check_id for v in RESULT if v.status is CheckStatus.FAIL
    ]
    assert "cn22-innovation-centres-grim" in {v.check_id for v in failed}
    assert sum(RESULT.counts().values()) == len(RESULT)


def test_default_catalog_is_the_shipped_one() -> None:
    assert [v.check_id for v in check()] == [v.check_id for v in RESULT]


# --- discovery ------------------------------------------------------------------------------


def test_discovery_skips_per_member_and_single_member_breakdowns() -> None:
    rules = {r.id: r for r in discover(CAT)}
    domain = rules["auto-partition-cn22-national-clusters-2022-11-30-domain"]
    # 各13个 (domain=it_and_high_end_equipment_each) is not a seventh domain
    assert "cn22-clusters-it-summary" not in domain.roles["parts"]
    assert len(domain.roles["parts"]) == 6
    # key_areas=all_four is a single subset, not a partition: it is a part of the whole
    assert not any("key-areas" in r for r in rules if r.startswith("auto-partition"))
    assert rules["auto-part-of-whole-cn22-clusters-key-areas"].kind == "part_of_whole"


def test_residual_joins_the_partition() -> None:
    rules = {r.id: r for r in discover(CAT)}
    census = [r for r in rules.values() if r.id.startswith("auto-partition-census20")]
    if not census:
        pytest.skip("no census reference in this catalog")
    assert "census20-population-military" in census[0].roles["parts"]
    assert RESULT.get(census[0].id).status is CheckStatus.PASS


# --- rule files -----------------------------------------------------------------------------


def test_shipped_rules_load_and_resolve() -> None:
    rules, ignores = load_rules(shipped_rules_path())
    assert len(rules) >= 12 and ignores == {}
    known = {o.id for o in CAT.observations}
    for r in rules:
        assert {i for ids in r.roles.values() for i in ids} <= known, r.id


def _write(tmp_path: Path, text: str, name: str = "rules.toml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_user_rule_runs_and_is_attributed(tmp_path: Path) -> None:
    p = _write(
        tmp_path,
        """
[[check]]
id = "my-domains-it-vs-new-materials"
kind = "repeated_figures"
observations = ["cn22-clusters-domain-it", "cn22-clusters-domain-new-materials"]
""",
    )
    v = check(CAT, rules=[p]).get("my-domains-it-vs-new-materials")
    # 13 vs 7: different domains declared the same quantity → fail, attributed to the file
    assert v.status is CheckStatus.FAIL and v.rule == str(p)


def test_ignore_silences_a_discovered_check(tmp_path: Path) -> None:
    target = "auto-repeated-china-cluster-leading-output-2021"
    p = _write(tmp_path, f'[[ignore]]\ncheck = "{target}"\nreason = "reviewed"\n')
    assert target not in {v.check_id for v in check(CAT, rules=[p])}


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[[check]\n", "not valid TOML"),
        ('[[check]]\nid = "x"\nkind = "magic"\n', "kind 'magic' is not one of"),
        (
            '[[check]]\nid = "x"\nkind = "rounding_feasibility"\n'
            'count = "cn22-innovation-centres"\n',
            "needs the role 'share'",
        ),
        (
            '[[check]]\nid = "x"\nkind = "comparability"\na = "nope"\nb = "zz21-gdp-2020"\n',
            "unknown observation id(s): nope",
        ),
        (
            '[[check]]\nid = "x"\nkind = "comparability"\n'
            'a = "zz21-gdp-2020"\nb = "zz21-gdp-2020"\ncolour = "red"\n',
            "unknown key(s) colour",
        ),
        (
            '[[check]]\nid = "x"\nkind = "growth_compounding"\nmode = "sideways"\n',
            "mode 'sideways' is not one of",
        ),
        (
            '[[check]]\nid = "x"\nkind = "share_of_counts"\npart = "cn22-clusters-key-areas"\n'
            'whole = "cn22-clusters-total"\nshare = "cn22-clusters-key-areas-share"\n'
            "multiplier = 0\n",
            "multiplier must be a positive whole number",
        ),
        (
            '[[check]]\nid = "cn22-innovation-centres-grim"\nkind = "rounding_feasibility"\n'
            'count = "cn22-innovation-centres"\nshare = "cn22-innovation-centres-share"\n',
            "duplicate check id",
        ),
        ('[[rule]]\nid = "x"\n', "unknown table(s) rule"),
    ],
)
def test_bad_rules_name_file_check_and_problem(tmp_path: Path, text: str, problem: str) -> None:
    p = _write(tmp_path, text)
    with pytest.raises(RuleError) as err:
        check(CAT, rules=[p])
    assert str(p) in str(err.value) and problem in str(err.value)


def test_missing_rule_file(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="no such rule file"):
        check(CAT, rules=[tmp_path / "nope.toml"])


def test_user_catalog_makes_a_relation_checkable(tmp_path: Path) -> None:
    # A later bulletin stating Q1–Q3 2020 growth 2.8 % (hypothetical) lets the two-year
    # average be checked: √(1.028 × 1.099) − 1 = 6.29 %, inside [6.25, 6.35) → pass.
    extra = _write(
        tmp_path,
        """
[[source]]
id = "zz-bulletin"
title = "株洲市统计公报（示例）"
outlet = "example"
published = "2021-03-30"
url = "https://example.org/bulletin"
region = "zhuzhou"

[[observation]]
id = "user-zz-gdp-growth-2020q1-q3"
source = "zz-bulletin"
region = "zhuzhou"
indicator = "gdp_growth"
status = "actual"
period = "2020Q1-Q3"
figure = "2.8%"
value = 2.8
unit = "percent"
bound = "exact"
basis = "real"
quote = "前三季度地区生产总值增长2.8%"
""",
        "catalog.toml",
    )
    v = check(load_catalog([extra])).get("zz21-gdp-two-year-average-2021q1-q3")
    assert v.status is CheckStatus.PASS
    assert "user-zz-gdp-growth-2020q1-q3" in v.observation_ids


USER_SOURCE = """
[[source]]
id = "x-bulletin"
title = "test fixture: hypothetical Zhuzhou statements (not real data)"
outlet = "regiondev test suite"
published = "2021-03-30"
url = "https://example.org/zhuzhou-bulletin"
region = "zhuzhou"
"""

USER_GDP = """
[[observation]]
id = "{id}"
source = "x-bulletin"
region = "zhuzhou"
indicator = "gdp"
status = "actual"
period = "2020"
figure = "{value}亿元"
value = {value}
unit = "cny_100m"
bound = "exact"
basis = "nominal"
quote = "2020年全市地区生产总值{value}亿元"
"""

USER_OUTPUT = """
[[observation]]
id = "{id}"
source = "x-bulletin"
region = "zhuzhou"
indicator = "enterprise_output"
status = "actual"
period = "2020Q1-Q3"
figure = "{value}亿元"
value = {value}
unit = "cny_100m"
bound = "exact"
basis = "nominal"
subject = "{subject}"
quote = "前三季度实现产值{value}亿元"
"""


def _user(tmp_path: Path, *blocks: str) -> Catalog:
    return load_catalog([_write(tmp_path, USER_SOURCE + "".join(blocks), "user.toml")])


def test_implied_total_is_compared_with_every_statement(tmp_path: Path) -> None:
    result = check(_user(tmp_path, USER_GDP.format(id="x-gdp-2020", value=3500)))
    rid = "zz21-hightech-share-implies-gdp-2020"
    # the shipped verdict stays: 873.85 / 0.281 = 3109.79 lies inside 突破3000 (3000, ∞)
    assert result.get(rid).status is CheckStatus.PASS
    assert result.get(rid).observation_ids[-1] == "zz21-gdp-2020"
    # the user's 3500 (rounding [3499.5, 3500.5)) is compared too: the implied GDP with
    # rounding is [873.845 / 0.2815, 873.855 / 0.2805] = [3104.25, 3115.35] → no common value
    v = result.get(f"{rid}:x-gdp-2020")
    assert v.status is CheckStatus.FAIL
    assert v.observation_ids == (
        "zz21-hightech-va-2020",
        "zz21-hightech-va-share-gdp-2020",
        "x-gdp-2020",
    )
    assert math.isclose(v.expected_low, 873.85 / 0.281, rel_tol=1e-12)  # 3109.7865, full
    assert "contradicts the stated 3500亿元 (x-gdp-2020)" in v.message
    assert "3109.79 亿元" in v.message and "3104.25" in v.message
    # 3500 and 突破3000 restate one quantity and agree: 3500 lies inside (3000, ∞)
    assert result.get("auto-repeated-zhuzhou-gdp-2020").status is CheckStatus.PASS
    # the average growth check also meets the new end level (still no 2015 level):
    # 3500 / 1.071^5 = 3500 / 1.409118 = 2483.82 (at 2020 prices)
    avg = result.get("zz21-gdp-average-growth-2016-2020:x-gdp-2020")
    assert avg.status is CheckStatus.NOT_CHECKABLE and "2483.82 亿元" in avg.message
    # real catalog: 19 pass (one the part 30 of the 45 clusters), 1 fail, 4 not_comparable,
    # 4 not_checkable; the user record adds one pass (repeated), one fail (share × total) and
    # one not_checkable (average growth)
    assert RESULT.counts() == {
        "pass": 19,
        "warn": 0,
        "fail": 1,
        "not_comparable": 4,
        "not_checkable": 4,
    }
    assert result.counts() == {
        "pass": 20,
        "warn": 0,
        "fail": 2,
        "not_comparable": 4,
        "not_checkable": 5,
    }


def test_an_agreeing_statement_passes_its_own_comparison(tmp_path: Path) -> None:
    # 3110 stands for [3109.5, 3110.5), which holds the implied 3109.79 → pass
    result = check(_user(tmp_path, USER_GDP.format(id="x-gdp-2020", value=3110)))
    v = result.get("zz21-hightech-share-implies-gdp-2020:x-gdp-2020")
    assert v.status is CheckStatus.PASS and "consistent with the stated 3110亿元" in v.message
    assert result.counts()["fail"] == 1  # only the GRIM verdict of the real catalog


def test_implied_prior_level_is_compared_with_every_found_statement(tmp_path: Path) -> None:
    result = check(
        _user(
            tmp_path,
            USER_OUTPUT.format(id="x-gw-a", value=23.5, subject="hunan_greatwall_computer"),
            USER_OUTPUT.format(id="x-gw-b", value=30, subject="hunan_greatwall_computer"),
            USER_OUTPUT.format(id="x-other", value=23.5, subject="another_company"),
        )
    )
    rid = "zz21-greatwall-prior-output-2020q1-q3"
    # 43.9 / 1.866 = 23.5263; with rounding [43.85 / 1.8665, 43.95 / 1.8655] = [23.4932, 23.5594]
    # (both nominal: no deflator needed)
    a = result.get(rid)  # the first statement found keeps the rule's id
    assert a.observation_ids[-1] == "x-gw-a"
    assert a.status is CheckStatus.PASS  # 23.5 stands for [23.45, 23.55): holds 23.5263
    assert math.isclose(a.expected_low, 43.9 / 1.866, rel_tol=1e-12)
    b = result.get(f"{rid}:x-gw-b")
    assert b.status is CheckStatus.FAIL  # 30 stands for [29.5, 30.5): far above 23.56
    assert "23.53 亿元" in b.message and "30亿元 (x-gw-b)" in b.message
    # another company's output is not this company's prior level
    assert not any("x-other" in v.observation_ids for v in result if v.check_id.startswith(rid))


# --- mutation test ---------------------------------------------------------------------------


def _shift(o: Observation, delta: float) -> Observation:
    def mv(x: float) -> float:
        return x + delta if math.isfinite(x) else x

    return dataclasses.replace(o, value=o.value + delta, low=mv(o.low), high=mv(o.high))


def _delta(o: Observation) -> float:
    """Counts change by one (13 → 14), or by 1 % when that is more (66,444,864 persons);
    other figures, whose printed rounding and one-sided bounds leave slack, by 20 %
    rounded to the printed step (28.1 % → 33.7 %, 873.85亿元 → 699.08亿元)."""
    if is_count(o):
        return float(max(1, round(0.01 * o.value)))
    rel = 0.2 * abs(o.value)
    return max(o.step, round(rel / o.step) * o.step) if o.step else rel


def _mutated(cat: Catalog, obs_id: str, sign: int) -> Catalog | None:
    o = cat.get(obs_id)
    new = _shift(o, sign * _delta(o))
    if new.value <= 0 or new.low < 0:
        return None
    return dataclasses.replace(
        cat, observations=tuple(new if x.id == obs_id else x for x in cat.observations)
    )


def _sensitive_figures(result: CheckResult) -> list[str]:
    """Figures in checks whose verdict depends on their values (not comparability, and not
    the not_checkable ones, which only report an implied value)."""
    keep = {CheckStatus.PASS, CheckStatus.WARN, CheckStatus.FAIL}
    out: dict[str, None] = {}
    for v in result:
        if v.kind != "comparability" and v.status in keep:
            out.update(dict.fromkeys(v.observation_ids))
    return list(out)


def _detected(base: CheckResult, mutated: CheckResult, obs_id: str) -> bool:
    before = {v.check_id: v for v in base}
    for v in mutated:
        if obs_id not in v.observation_ids or v.status not in (CheckStatus.FAIL, CheckStatus.WARN):
            continue
        old = before.get(v.check_id)
        if (
            old is None
            or old.status is not v.status
            or (old.expected, old.actual)
            != (
                v.expected,
                v.actual,
            )
        ):
            return True
    return False


def test_domain_count_13_to_14_fails_the_partition() -> None:
    cat = _mutated(CAT, "cn22-clusters-domain-it", +1)
    assert cat is not None
    v = check(cat).get("auto-partition-cn22-national-clusters-2022-11-30-domain")
    # 14 + 13 + 7 + 5 + 4 + 3 = 46 ≠ 45
    assert v.status is CheckStatus.FAIL and "46" in v.message


def test_every_checked_figure_is_caught_when_changed() -> None:
    figures = _sensitive_figures(RESULT)
    assert len(figures) >= 30
    missed = []
    for obs_id in figures:
        results = [check(c) for s in (+1, -1) if (c := _mutated(CAT, obs_id, s)) is not None]
        if not any(_detected(RESULT, r, obs_id) for r in results):
            missed.append(obs_id)
    assert missed == [], f"changing these figures changes no check to fail/warn: {missed}"


# --- parts of a whole -----------------------------------------------------------------------


def test_shipped_part_of_whole_key_areas() -> None:
    v = RESULT.get("auto-part-of-whole-cn22-clusters-key-areas")
    # 30 of the 45 clusters (stated 5 times): 30 / 45 = 66.7 %, 15 below the whole
    assert v.status is CheckStatus.PASS
    assert v.observation_ids[:2] == ("cn22-clusters-key-areas", "cn22-clusters-total")
    assert len(v.observation_ids) == 6
    assert "66.7 % of it, 15 below it." in v.message and "(stated 5 times)" in v.message
    assert (v.expected_high, v.actual_low) == (45, 30)


def test_shipped_partition_parts_are_left_to_the_partition() -> None:
    ids = {v.check_id for v in RESULT}
    # the six domains, four macro-regions and the census residual are checked by their sums
    for part in (
        "cn22-clusters-domain-it",
        "cn22-clusters-region-east",
        "census20-population-east",
        "census20-population-military",
        "cn22-clusters-it-summary",  # 各13个: a figure per member, not a part
    ):
        assert f"auto-part-of-whole-{part}" not in ids
    assert [v.check_id for v in RESULT if v.kind == "part_of_whole"] == [
        "auto-part-of-whole-cn22-clusters-key-areas"
    ]


def test_a_lone_part_larger_than_its_whole_fails(tmp_path: Path) -> None:
    cat = _user(
        tmp_path,
        profit("x-profit", 186.3),
        profit("x-rail", 213.7, breakdown="industry=rail_transit_equipment"),
    )
    result = check(cat)
    v = result.get("auto-part-of-whole-x-rail")
    assert v.kind == "part_of_whole" and v.rule == "discovered"
    assert v.status is CheckStatus.FAIL
    assert v.observation_ids == ("x-rail", "x-profit")
    # 213.7 − 186.3 = 27.4; 213.7 / 186.3 = 114.7 %
    assert "exceeds the total 186.3亿元 (x-profit) by at least 27.4 亿元 (114.7 %" in v.message
    assert (v.expected_high, v.actual_low, v.actual_high) == (186.3, 213.7, 213.7)
    # a breakdown is no restatement of the whole: no repeated-figure check pairs them
    assert not any("x-rail" in w.observation_ids for w in result if w.kind == "repeated_figures")
    assert result.counts()["fail"] == RESULT.counts()["fail"] + 1


def test_a_county_is_no_restatement_of_its_city(tmp_path: Path) -> None:
    cat = _user(
        tmp_path,
        gdp("x-city", 3925.5),
        gdp("x-city-again", 3925.5),
        gdp("x-liling", 812.3, subject="liling"),
    )
    result = check(cat)
    repeated = result.get("auto-repeated-zhuzhou-gdp-2023")
    assert repeated.observation_ids == ("x-city", "x-city-again")
    assert repeated.status is CheckStatus.PASS
    assert not any(v.check_id.startswith("auto-repeated-zhuzhou-gdp-2023-") for v in result)
    part = result.get("auto-part-of-whole-x-liling")
    # 812.3 ≤ 3925.5 (both statements of the city): 812.3 / 3925.5 = 20.7 %
    assert part.status is CheckStatus.PASS
    assert part.observation_ids == ("x-liling", "x-city", "x-city-again")
    assert "20.7 % of it, 3113.2 亿元 below it" in part.message


def test_a_declared_partition_takes_over_its_parts(tmp_path: Path) -> None:
    cat = _user(
        tmp_path,
        profit("x-profit", 186.3),
        profit("x-rail", 100, subject="rail"),
        profit("x-rest", 86.3, subject="rest"),
    )
    assert {"auto-part-of-whole-x-rail", "auto-part-of-whole-x-rest"} <= {
        v.check_id for v in check(cat)
    }
    rules = _write(
        tmp_path,
        '[[check]]\nid = "x-split"\nkind = "partition"\nwhole = "x-profit"\n'
        'parts = ["x-rail", "x-rest"]\n',
    )
    result = check(cat, rules=[rules])
    # 100 + 86.3 = 186.3: the sum is checked; the single-part checks are not repeated
    assert result.get("x-split").status is CheckStatus.PASS
    assert not any(v.kind == "part_of_whole" and "x-rail" in v.observation_ids for v in result)


def test_a_declared_part_of_whole_and_the_one_part_partition_hint(tmp_path: Path) -> None:
    cat = _user(
        tmp_path,
        profit("x-profit", 186.3),
        profit("x-rail", 213.7),
    )
    one = _write(
        tmp_path,
        '[[check]]\nid = "x-one"\nkind = "partition"\nwhole = "x-profit"\nparts = ["x-rail"]\n',
        "one.toml",
    )
    with pytest.raises(RuleError) as err:
        check(cat, rules=[one])
    assert "a partition needs at least two parts" in str(err.value)
    assert 'kind = "part_of_whole"' in str(err.value) and "auto-part-of-whole-" in str(err.value)
    declared = _write(
        tmp_path,
        '[[check]]\nid = "x-rail-in-total"\nkind = "part_of_whole"\npart = "x-rail"\n'
        'whole = "x-profit"\n',
        "declared.toml",
    )
    v = check(cat, rules=[declared]).get("x-rail-in-total")
    assert v.status is CheckStatus.FAIL and v.rule == str(declared)
    assert "by at least 27.4 亿元" in v.message


def test_discovered_ids_stay_unique_for_a_level_and_an_increment(tmp_path: Path) -> None:
    cat = _user(
        tmp_path,
        gdp("x-a", 3925.5),
        gdp("x-b", 3925.5),
        gdp("x-c", 300, increment=True),
        gdp("x-d", 300, increment=True),
    )
    ids = [r.id for r in discover(cat)]
    assert len(ids) == len(set(ids))
    assert {
        "auto-repeated-zhuzhou-gdp-2023",
        "auto-repeated-zhuzhou-gdp-2023-actual-increment",
    } <= set(ids)


# --- share × total, discovered ---------------------------------------------------------------

CS_SOURCE = """
[[source]]
id = "cs-article"
title = "test fixture: 长沙：先进制造业“主引擎”马力十足 (user review)"
outlet = "长沙晚报"
published = "2024-02-06"
url = "https://example.org/changsha-2024"
region = "changsha"
"""

CS_RECORD = """
[[observation]]
id = "{id}"
source = "cs-article"
region = "changsha"
indicator = "{indicator}"
status = "{status}"
period = "2023"
figure = "{figure}"
value = {value}
unit = "{unit}"
bound = "exact"
basis = "{basis}"
subject = "{subject}"
quote = "{quote}"
"""


def _cs(
    id: str, indicator: str, figure: str, value: float, status: str = "actual", subject: str = ""
) -> str:
    unit, basis = ("percent", "not_applicable") if figure.endswith("%") else ("cny_100m", "nominal")
    return CS_RECORD.format(
        id=id,
        indicator=indicator,
        status=status,
        figure=figure,
        value=value,
        unit=unit,
        basis=basis,
        subject=subject,
        quote=f"全市指标{figure}",
    )


CS_GDP = _cs("cs-gdp-2023", "gdp", "14331.98亿元", 14331.98)
CS_HT = _cs("cs-ht-2023", "hightech_va", "4520亿元", 4520)
CS_SHARE = _cs("cs-ht-share-2023", "hightech_va_share_gdp", "35.2%", 35.2)


def _cs_cat(tmp_path: Path, *records: str) -> Catalog:
    return load_catalog([_write(tmp_path, CS_SOURCE + "".join(records), "cs.toml")])


def test_share_times_total_is_discovered_for_a_user_catalog(tmp_path: Path) -> None:
    # The user's case: Changsha 2023 GDP 14331.98亿元, high-tech value added 4520亿元 and
    # "35.2 %" of GDP. 4520 / 0.352 = 12840.909; with rounding 4519.5 / 0.3525 = 12821.28 …
    # 4520.5 / 0.3515 = 12860.60, far from 14331.98 (±0.005): fail. The other way round,
    # 4520 / 14331.98 = 31.54 %, not 35.2 %.
    result = check(_cs_cat(tmp_path, CS_GDP, CS_HT, CS_SHARE))
    v = result.get("auto-share-total-cs-ht-share-2023")
    assert v.status is CheckStatus.FAIL and v.kind == "share_times_total"
    assert v.rule == "discovered"
    assert v.observation_ids == ("cs-ht-2023", "cs-ht-share-2023", "cs-gdp-2023")
    assert math.isclose(v.expected_low, 4520 / 0.352, rel_tol=1e-12)  # 12840.909
    assert v.expected_high == v.expected_low
    assert v.actual_low == v.actual_high == 14331.98
    assert "(12821.28, 12860.6) 亿元" in v.tolerance
    assert math.isclose(100 * 4520 / 14331.98, 31.5379, abs_tol=1e-4)
    assert "4520亿元 is 31.54% of the stated 14331.98亿元" in v.message
    assert "not 35.2%" in v.message
    assert "contradicts the stated 14331.98亿元 (cs-gdp-2023)" in v.message
    # the shipped catalog's verdicts stay as they were; this is the one added fail
    assert result.counts()["fail"] == RESULT.counts()["fail"] + 1
    assert len(result) == len(RESULT) + 1


def test_an_agreeing_share_passes_and_every_total_is_compared(tmp_path: Path) -> None:
    # 4520 at 31.5 %: 4520 / 0.315 = 14349.21; with rounding 4519.5 / 0.3155 = 14324.88 …
    # 4520.5 / 0.3145 = 14373.61, which holds 14331.98: pass. A second statement of GDP,
    # 15000亿元 ([14999.5, 15000.5)), lies above 14373.61: its own verdict fails.
    result = check(
        _cs_cat(
            tmp_path,
            CS_GDP,
            CS_HT,
            _cs("cs-ht-share-2023", "hightech_va_share_gdp", "31.5%", 31.5),
            _cs("cs-gdp-2023-b", "gdp", "15000亿元", 15000),
        )
    )
    rid = "auto-share-total-cs-ht-share-2023"
    assert result.get(rid).status is CheckStatus.PASS
    assert math.isclose(result.get(rid).expected_low, 4520 / 0.315, rel_tol=1e-12)
    other = result.get(f"{rid}:cs-gdp-2023-b")
    assert other.status is CheckStatus.FAIL
    # 4520 / 15000 = 30.13 %
    assert "4520亿元 is 30.13% of the stated 15000亿元" in other.message


def test_share_times_total_needs_one_scope_and_status(tmp_path: Path) -> None:
    # a county's GDP is not the city's total; a target share does not pair with actual figures
    cat = _cs_cat(
        tmp_path,
        _cs("cs-gdp-liuyang", "gdp", "1682.4亿元", 1682.4, subject="liuyang"),
        CS_HT,
        CS_SHARE,
        _cs("cs-ht-share-target", "hightech_va_share_gdp", "40%", 40, status="target"),
    )
    assert not [r for r in discover(cat) if r.id.startswith("auto-share-total-cs")]


def test_several_parts_of_one_share_get_one_check_each(tmp_path: Path) -> None:
    # two statements of the part: 4520 / 0.352 = 12840.91 and 5045 / 0.352 = 14332.39 (with
    # rounding 5044.5 / 0.3525 = 14310.64 … 5045.5 / 0.3515 = 14354.2, holding 14331.98)
    result = check(
        _cs_cat(
            tmp_path, CS_GDP, CS_HT, _cs("cs-ht-2023-b", "hightech_va", "5045亿元", 5045), CS_SHARE
        )
    )
    rid = "auto-share-total-cs-ht-share-2023"
    assert result.get(f"{rid}-cs-ht-2023").status is CheckStatus.FAIL
    assert result.get(f"{rid}-cs-ht-2023-b").status is CheckStatus.PASS


def test_a_declared_triple_is_not_reported_twice(tmp_path: Path) -> None:
    cat = _cs_cat(tmp_path, CS_GDP, CS_HT, CS_SHARE)
    mine = _write(
        tmp_path,
        '[[check]]\nid = "cs-ht-implies-gdp"\nkind = "share_times_total"\npart = "cs-ht-2023"\n'
        'share = "cs-ht-share-2023"\ntotal = "cs-gdp-2023"\n',
    )
    result = check(cat, rules=[mine])
    assert result.get("cs-ht-implies-gdp").status is CheckStatus.FAIL
    assert not [v for v in result if v.check_id.startswith("auto-share-total-")]
    assert len(result) == len(RESULT) + 1


def test_shipped_share_rule_keeps_its_triple() -> None:
    # Zhuzhou 2020 (873.85亿元 at 28.1 % of 突破3000亿元) is discovered, but the shipped rule
    # zz21-hightech-share-implies-gdp-2020 declares it: check reports it once, under that id.
    rid = "auto-share-total-zz21-hightech-va-share-gdp-2020"
    found = {r.id: r for r in discover(CAT)}[rid]
    assert found.roles == {
        "part": ("zz21-hightech-va-2020",),
        "share": ("zz21-hightech-va-share-gdp-2020",),
        "total": ("zz21-gdp-2020",),
    }
    assert not [v for v in RESULT if v.check_id.startswith("auto-share-total-")]
    # without the shipped rules it runs itself: 873.85 / 0.281 = 3109.79 > 3000: pass
    alone = check(CAT, shipped=False).get(rid)
    assert alone.status is CheckStatus.PASS
    assert math.isclose(alone.expected_low, 873.85 / 0.281, rel_tol=1e-12)


def test_a_share_with_no_positive_floor_is_not_checkable_not_a_crash(tmp_path: Path) -> None:
    from regiondev.analysis.growth import growth

    # 不到10% reads [-inf, 10): part / share gives no bounded total, so the verdict says so
    path = tmp_path / "u1.toml"
    path.write_text(_U1, encoding="utf-8")
    cat = load_catalog(extra=[path])
    verdict = check(cat).get("auto-share-total-u1-share")
    assert verdict.status is CheckStatus.NOT_CHECKABLE
    assert "no positive lower bound" in verdict.message
    growth(cat)  # no crash: growth derives no baseline from such a share


_U1 = """
[[source]]
id = "u1"
title = "2019年长沙市统计公报"
outlet = "长沙市统计局"
published = "2020-03-30"
url = "https://example.org/b"

[[observation]]
id = "u1-hva"
source = "u1"
region = "changsha"
indicator = "hightech_va"
status = "actual"
period = "2019"
figure = "约1000亿元"
value = 1000
unit = "cny_100m"
bound = "approx"
basis = "nominal"
quote = "高新技术产业增加值约1000亿元"

[[observation]]
id = "u1-share"
source = "u1"
region = "changsha"
indicator = "hightech_va_share_gdp"
status = "actual"
period = "2019"
figure = "不到10%"
value = 10
unit = "percent"
bound = "less_than"
basis = "not_applicable"
quote = "占地区生产总值比重不到10%"

[[observation]]
id = "u1-gdp"
source = "u1"
region = "changsha"
indicator = "gdp"
status = "actual"
period = "2019"
figure = "11574.22亿元"
value = 11574.22
unit = "cny_100m"
bound = "exact"
basis = "nominal"
quote = "全市地区生产总值11574.22亿元"
"""
