"""Chinese for the prose the data files carry in English: record notes, waiver reasons,
source qualifiers (copy at…, reprinted…), cluster caveats, column names.

One table, ``regiondev/data/translations_zh.toml`` (``[[text]]`` with ``en`` and ``zh``), the
English exactly as the data holds it: a message catalogue in the manner of gettext. The
report asks for a data string in its language where it renders that string
(``translate(text, lang)``); a string with no entry stays as written, and the report's
language test names it, so a new or edited note cannot slip into the Chinese report in
English unnoticed.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

from regiondev.formatting import Lang

__all__ = ["table", "translate"]


@cache
def table() -> dict[str, str]:
    """English → Chinese, from the shipped table (an entry must have both, once)."""
    raw = resources.files("regiondev.data").joinpath("translations_zh.toml").read_bytes()
    out: dict[str, str] = {}
    for entry in tomllib.loads(raw.decode("utf-8")).get("text", []):
        en, zh = str(entry["en"]).strip(), str(entry["zh"]).strip()
        if not en or not zh:
            raise ValueError(f"translations_zh.toml: an entry lacks en or zh: {entry!r}")
        if en in out:
            raise ValueError(f"translations_zh.toml: {en!r} is listed twice")
        out[en] = zh
    return out


def translate(text: str, lang: Lang = "en") -> str:
    """``text`` (a string from the data) in ``lang``: the table's Chinese when there is one."""
    if lang != "zh" or not text:
        return text
    return table().get(text.strip(), text)
