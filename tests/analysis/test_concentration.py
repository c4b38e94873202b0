"""HHI, equivalent number and normalised HHI: textbook cases and the real partitions."""

from fractions import Fraction

import pytest

from regiondev.analysis.concentration import (
    concentration,
    equivalent_number,
    fraction_text,
    hhi,
    normalised_hhi,
    shares,
)


def test_shares_are_exact_for_counts() -> None:
    # 13/45, 13/45, 7/45, 5/45 = 1/9, 4/45, 3/45 = 1/15
    got = shares([13, 13, 7, 5, 4, 3])
    assert got == [
        Fraction(13, 45),
        Fraction(13, 45),
        Fraction(7, 45),
        Fraction(1, 9),
        Fraction(4, 45),
        Fraction(1, 15),
    ]
    assert [fraction_text(s) for s in got[:4]] == ["13/45", "13/45", "7/45", "1/9"]
    assert fraction_text(Fraction(45, 45)) == "1"
    assert fraction_text(0.5) == ""


def test_shares_against_a_given_whole_and_floats() -> None:
    # 30 of a printed whole of 45 = 2/3 (parts need not sum to the whole)
    assert shares([30, 8], 45) == [Fraction(2, 3), Fraction(8, 45)]
    # floats stay floats: 1.5 / 6 = 0.25
    assert shares([1.5, 4.5]) == [0.25, 0.75]
    with pytest.raises(ValueError):
        shares([0, 0])


@pytest.mark.parametrize("n", [2, 4, 6, 45])
def test_equal_shares_give_one_over_n_and_normalised_zero(n: int) -> None:
    # N equal shares 1/N: HHI = N × (1/N)² = 1/N; equivalent number N; normalised 0
    c = concentration([1] * n)
    assert c.hhi == Fraction(1, n)
    assert c.equivalent_number == n
    assert c.normalised_hhi == 0


def test_monopoly_gives_one() -> None:
    # one part holds everything: HHI = 1² = 1, equivalent number 1,
    # normalised (1 − 1/4)/(1 − 1/4) = 1
    c = concentration([45, 0, 0, 0])
    assert (c.hhi, c.equivalent_number, c.normalised_hhi) == (1, 1, 1)


def test_textbook_two_firm_case_in_floats() -> None:
    # shares 0.6 / 0.4: HHI = 0.36 + 0.16 = 0.52; 1/HHI = 1.923…; normalised (0.52 − 0.5)/0.5 = 0.04
    assert hhi([0.6, 0.4]) == pytest.approx(0.52)
    assert equivalent_number(0.52) == pytest.approx(1 / 0.52)
    assert normalised_hhi(0.52, 2) == pytest.approx(0.04)


def test_domain_partition_hand_worked() -> None:
    # 13, 13, 7, 5, 4, 3 of 45:
    # HHI = (169 + 169 + 49 + 25 + 16 + 9) / 2025 = 437/2025 ≈ 0.215802
    # 1/HHI = 2025/437 ≈ 4.6339
    # normalised = (437/2025 − 1/6) / (5/6) = (2622 − 2025)/12150 × 6/5 = 597/10125 = 199/3375
    c = concentration([13, 13, 7, 5, 4, 3])
    assert c.hhi == Fraction(437, 2025)
    assert float(c.hhi) == pytest.approx(0.215802, abs=1e-6)
    assert c.equivalent_number == Fraction(2025, 437)
    assert float(c.equivalent_number) == pytest.approx(4.6339, abs=1e-4)
    assert c.normalised_hhi == Fraction(199, 3375)
    assert c.exact


def test_macro_region_partition_hand_worked() -> None:
    # 30, 8, 5, 2 of 45: HHI = (900 + 64 + 25 + 4)/2025 = 993/2025 = 331/675 ≈ 0.490370
    # normalised = (993/2025 − 1/4)/(3/4) = (3972 − 2025)/8100 × 4/3 = 1947/6075 = 649/2025
    c = concentration([30, 8, 5, 2])
    assert c.hhi == Fraction(993, 2025) == Fraction(331, 675)
    assert float(c.equivalent_number) == pytest.approx(2025 / 993)
    assert c.normalised_hhi == Fraction(649, 2025)


def test_invalid_inputs() -> None:
    with pytest.raises(ValueError):
        hhi([0.5, 0.4])  # does not sum to 1
    with pytest.raises(ValueError):
        hhi([1.2, -0.2])
    with pytest.raises(ValueError):
        normalised_hhi(Fraction(1), 1)
    with pytest.raises(ValueError):
        equivalent_number(0)
