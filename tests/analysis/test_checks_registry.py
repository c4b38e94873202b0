"""The registry of check kinds, typed rule files and checks at scale."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from regiondev._catalog import load_catalog
from regiondev.analysis.checks import KINDS, REGISTRY, CheckStatus
from regiondev.analysis.consistency import ROLES, RuleError, check
from tests.user_catalogs import SOURCE, gdp


def test_every_kind_is_registered_with_roles_and_a_run() -> None:
    assert set(KINDS) == set(REGISTRY)
    for name, kind in REGISTRY.items():
        assert kind.name == name and kind.roles and callable(kind.run) and kind.doc
    assert ROLES["share_times_total"] == {
        "part": (True, False),
        "share": (True, False),
        "total": (True, False),
    }
    assert {"base_year_growth", "level_additions"} <= set(KINDS)


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ('id = 7\nkind = "comparability"\n', "a check needs an id (a non-empty string), got 7"),
        ('id = "x"\nkind = ["comparability"]\n', "kind ['comparability'] is not one of"),
        ('id = "x"\nkind = "comparability"\na = 3\nb = "zz21-gdp-2020"\n', "role 'a' must be"),
        (
            'id = "x"\nkind = "comparability"\na = "zz21-gdp-2020"\nb = "zz21-gdp-2020"\n'
            "naive = 1\n",
            "naive must be one of",
        ),
        (
            'id = "x"\nkind = "growth_compounding"\nmode = "prior_level"\n'
            'level = "zz21-gdp-2021q1-q3"\ngrowth = "zz21-gdp-growth-2021q1-q3"\n'
            'deflator = "2%"\n',
            "deflator must be an annual rate",
        ),
        (
            'id = "x"\nkind = "growth_compounding"\nmode = "prior_level"\n'
            'level = "zz21-gdp-2021q1-q3"\ngrowth = "zz21-gdp-growth-2021q1-q3"\n'
            "deflator_range = [0.06, -0.02]\n",
            "deflator_range must be [low, high]",
        ),
        (
            'id = "x"\nkind = "comparability"\na = "zz21-gdp-2020"\nb = "zz21-gdp-2020"\n'
            "note = 1\n",
            "note must be a string",
        ),
    ],
)
def test_rule_fields_of_the_wrong_type_are_named(tmp_path: Path, body: str, problem: str) -> None:
    p = tmp_path / "rules.toml"
    p.write_text("[[check]]\n" + body, encoding="utf-8")
    with pytest.raises(RuleError, match=r"rules\.toml") as err:
        check(rules=[p])
    assert problem in str(err.value)


def test_ignore_entries_of_the_wrong_type_are_named(tmp_path: Path) -> None:
    p = tmp_path / "rules.toml"
    p.write_text('[[ignore]]\ncheck = 3\nreason = "x"\n', encoding="utf-8")
    with pytest.raises(RuleError, match="check must be a string"):
        check(rules=[p])
    p.write_text('ignore = "auto-x"\n', encoding="utf-8")
    with pytest.raises(RuleError, match="array of tables"):
        check(rules=[p])


def test_three_thousand_restatements_are_one_fast_verdict(tmp_path: Path) -> None:
    # 3,000 statements of one GDP figure, three distinct values 3500.0, 3500.1, 3500.2 (one
    # decimal: [3499.95, 3500.05) etc. — neighbours touch only at an open end, so they
    # contradict). Grouping identical statements makes the check linear: one verdict.
    p = tmp_path / "many.toml"
    p.write_text(
        SOURCE + "".join(gdp(f"x-gdp-{i}", 3500.0 + (i % 3) / 10) for i in range(3000)),
        encoding="utf-8",
    )
    cat = load_catalog([p])
    start = time.perf_counter()
    result = check(cat)
    elapsed = time.perf_counter() - start
    repeated = [
        v for v in result if v.kind == "repeated_figures" and "x-gdp-0" in v.observation_ids
    ]
    assert len(repeated) == 1 and len(repeated[0].observation_ids) == 3000
    assert repeated[0].status is CheckStatus.FAIL
    # 65 s before grouping (issue 11); well under 10 s now, even on a loaded 2-core machine
    assert elapsed < 10
