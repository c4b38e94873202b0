"""The translation table of the data's English prose: well formed, and no stale entry."""

from __future__ import annotations

from pathlib import Path

from regiondev.translations import table, translate

PACKAGE = Path(__file__).resolve().parents[1] / "regiondev"


def test_translate_falls_back_to_the_text() -> None:
    # an entry from outcomes/changsha.toml's outlets; an unknown text and English stay as given
    assert translate("alqotr.com (mirror)", "zh") == "alqotr.com（镜像）"
    assert translate("alqotr.com (mirror)", "en") == "alqotr.com (mirror)"
    assert translate("not in the table", "zh") == "not in the table"
    assert translate("", "zh") == ""


def test_every_entry_translates_a_text_the_package_holds() -> None:
    # an entry whose English no data file or module holds any more is stale: its source text
    # was edited, and the zh report would show the new English (the language test fails then)
    sources = [
        p.read_text(encoding="utf-8")
        for p in PACKAGE.rglob("*")
        if p.suffix in (".toml", ".py") and p.name != "translations_zh.toml"
    ]
    text = "\n".join(sources)
    import tomli_w

    stale = [
        en
        for en in table()
        if en not in text and tomli_w.dumps({"x": en})[5:-2] not in text  # TOML-escaped
    ]
    assert stale == []


def test_entries_are_chinese() -> None:
    for en, zh in table().items():
        assert zh != en and any("\u4e00" <= ch <= "\u9fff" for ch in zh), en
