"""Concentration of a partition: exact shares, Herfindahl-Hirschman index and its relatives.

Shares are on the 0–1 scale. For counts the arithmetic is exact (``fractions.Fraction``), so a
share prints as ``13/45`` and an HHI as ``437/2025``; float inputs (populations, GDP) go
through the same functions as floats.

- HHI = Σ sᵢ² (1/N for N equal parts, 1 for a monopoly)
- equivalent number = 1 / HHI (how many equal parts would give the same HHI)
- normalised HHI = (HHI − 1/N) / (1 − 1/N) (0 for equal parts, 1 for a monopoly; N ≥ 2)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

__all__ = [
    "Concentration",
    "concentration",
    "equivalent_number",
    "fraction_text",
    "hhi",
    "normalised_hhi",
    "shares",
]

Number = int | float | Fraction


def shares(counts: Sequence[Number], whole: Number | None = None) -> list[Fraction | float]:
    """Each part over ``whole`` (default: the sum of the parts); exact for int/Fraction input."""
    total = sum(counts) if whole is None else whole
    if total <= 0:
        raise ValueError(f"the whole must be positive, got {total}")
    if all(isinstance(c, int | Fraction) for c in counts) and isinstance(total, int | Fraction):
        return [Fraction(c) / Fraction(total) for c in counts]
    return [float(c) / float(total) for c in counts]


def _check_shares(share_list: Sequence[Number]) -> None:
    if not share_list:
        raise ValueError("no shares")
    if any(s < 0 for s in share_list):
        raise ValueError("a share is negative")
    total = sum(share_list)
    if abs(float(total) - 1.0) > 1e-9:
        raise ValueError(f"shares sum to {float(total):.12g}, not 1")


def hhi(share_list: Sequence[Number]) -> Fraction | float:
    """Herfindahl-Hirschman index Σ sᵢ² of shares summing to 1 (0–1 scale)."""
    _check_shares(share_list)
    if all(isinstance(s, int | Fraction) for s in share_list):
        return sum((Fraction(s) ** 2 for s in share_list), Fraction(0))
    return float(sum(float(s) ** 2 for s in share_list))


def equivalent_number(index: Number) -> Fraction | float:
    """1 / HHI: the number of equal parts with the same concentration."""
    if index <= 0:
        raise ValueError("HHI must be positive")
    return 1 / Fraction(index) if isinstance(index, int | Fraction) else 1.0 / float(index)


def normalised_hhi(index: Number, n: int) -> Fraction | float:
    """(HHI − 1/N) / (1 − 1/N); needs N ≥ 2 parts."""
    if n < 2:
        raise ValueError("the normalised HHI needs at least two parts")
    if isinstance(index, int | Fraction):
        floor = Fraction(1, n)
        return (Fraction(index) - floor) / (1 - floor)
    return (float(index) - 1.0 / n) / (1.0 - 1.0 / n)


def fraction_text(x: Fraction | float) -> str:
    """``13/45`` for a Fraction (``1`` for a whole number), '' for a float."""
    if isinstance(x, Fraction):
        return str(x.numerator) if x.denominator == 1 else f"{x.numerator}/{x.denominator}"
    return ""


@dataclass(frozen=True, slots=True)
class Concentration:
    """HHI, its equivalent number and its normalised form for one partition."""

    n: int
    hhi: Fraction | float
    equivalent_number: Fraction | float
    normalised_hhi: Fraction | float

    @property
    def exact(self) -> bool:
        return isinstance(self.hhi, Fraction)


def concentration(counts: Sequence[Number]) -> Concentration:
    """Concentration of a partition given its parts (counts or amounts)."""
    s = shares(counts)
    index = hhi(s)
    return Concentration(len(s), index, equivalent_number(index), normalised_hhi(index, len(s)))
