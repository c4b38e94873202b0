"""Messages: one table of sentences in English and Chinese, fields rendered per language."""

from __future__ import annotations

import re

import pytest

from regiondev.messages import Fig, Join, Label, Message, msg, render, templates


def test_every_message_has_both_languages_with_the_same_fields() -> None:
    for key, (en, zh) in templates().items():
        assert en.strip() or key.startswith(("g_kind_none", "g_dof")), key
        fields_en = set(re.findall(r"\{(\w+)\}", en))
        assert fields_en == set(re.findall(r"\{(\w+)\}", zh)), key
        # every template renders in both languages with its fields filled
        filled = Message(key, tuple((f, f"<{f}>") for f in fields_en))
        assert filled.render("en") == en.format(**{f: f"<{f}>" for f in fields_en})
        assert filled.render("zh") == zh.format(**{f: f"<{f}>" for f in fields_en})


def test_chinese_templates_hold_no_english_words() -> None:
    # the zh side is Chinese: at most single ASCII tokens (ids, codes, P, CAGR-free)
    for key, (_, zh) in templates().items():
        text = re.sub(r"\{\w+\}", "", zh)
        assert not re.search(r"[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}", text), (key, zh)


def test_a_margin_in_both_languages() -> None:
    # 3,902.4 / 5,000 = 0.780, i.e. 22.0 % short (21.95 → 22.0 to one decimal)
    m = msg(
        "m_short",
        value="3,902.4",
        reference="5,000",
        ratio="0.780",
        pct=Fig(21.952, "percent", decimals=1),
    )
    assert m.render("en") == "3,902.4 / 5,000 = 0.780, i.e. 22.0 % short of the target"
    assert m.render("zh") == "3,902.4 / 5,000 = 0.780，即比目标低22.0%"
    assert str(m) == m.render("en")


def test_fields_render_in_the_language() -> None:
    # 突破5000亿元: more than 5,000 亿元 = more than 500 bn yuan; 超过5,000亿元 in Chinese
    fig = Fig(5000, "cny_100m", "more_than", 5000, float("inf"))
    assert render(fig, "en") == "more than 500 bn yuan"
    assert render(fig, "zh") == "超过5,000亿元"
    assert render(Label("region", "zhuzhou"), "zh") == "株洲"
    assert render(Label("period", "2019M01-M11"), "en") == "Jan–Nov 2019"
    assert render(Label("basis", "real"), "zh") == "实际"
    assert render(Join(("a", "b")), "zh") == "a、b"
    assert render(Join(("a", "b"), "clauses"), "en") == "a; b"
    assert render(None) == "" and render(3) == "3"


def test_an_unknown_key_is_refused() -> None:
    with pytest.raises(KeyError, match="no message 'nope'"):
        msg("nope")
