"""CSV cells a spreadsheet reads as data, never as a formula (OWASP "CSV injection").

Excel and LibreOffice evaluate a cell whose text begins with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return, so a hostile quote such as ``=HYPERLINK("http://x","click")``
would run when an analyst opens regiondev's CSV. As OWASP recommends, such a *text* cell is
written with a leading single quote (``'=HYPERLINK(...)``), which the spreadsheet shows as
text. Numeric cells stay numbers: a float column is never touched, and a text cell that is
a plain decimal number (``-3.9``, ``+2``, ``1e-3``) is data, not a formula, and stays as it
is. Every CSV regiondev writes goes through :func:`cell` or :func:`frame_to_csv`.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["FORMULA_TRIGGERS", "cell", "frame_to_csv"]

#: First characters that make a spreadsheet read a cell as a formula (OWASP).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

#: A plain decimal number: the one text beginning with + or - that is data as it stands.
_NUMBER = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
_NUMBER_RE = re.compile(_NUMBER)


def cell(value: Any) -> Any:
    """``value`` as a CSV cell: a text beginning with a formula trigger gets a leading ``'``
    (``"=1+1"`` → ``"'=1+1"``); numbers, plain numeric text and any other value unchanged."""
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_TRIGGERS)
        and not _NUMBER_RE.fullmatch(value)
    ):
        return "'" + value
    return value


def frame_to_csv(frame: Any) -> str:
    """A polars frame as CSV text: list columns joined with ``;``, every text cell through the
    same rule as :func:`cell` (applied after the join, so a list can smuggle nothing in)."""
    import polars as pl

    texts = []
    for name in frame.columns:
        dtype = frame[name].dtype
        if isinstance(dtype, pl.List):
            expr = pl.col(name).cast(pl.List(pl.String)).list.join(";")
        elif dtype in (pl.String, pl.Categorical) or isinstance(dtype, pl.Enum):
            expr = pl.col(name).cast(pl.String)
        else:
            continue
        hostile = expr.str.contains(r"^[=+\-@\t\r]") & ~expr.str.contains(f"^{_NUMBER}$")
        texts.append(
            pl.when(hostile).then(pl.concat_str([pl.lit("'"), expr])).otherwise(expr).alias(name)
        )
    out: str = frame.with_columns(texts).write_csv()
    return out
