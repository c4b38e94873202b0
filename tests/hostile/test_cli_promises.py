"""Every hostile input of cases.py, held to every promise (see harness.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.cases import ALL
from tests.hostile.harness import Case, check_case, params


def test_the_suite_has_at_least_80_cases() -> None:
    assert len(ALL) >= 80
    assert len({(c.kind, c.id) for c in ALL}) == len(ALL)


@pytest.mark.parametrize("case", params(ALL))
def test_hostile_input(case: Case, tmp_path: Path) -> None:
    check_case(case, tmp_path)
