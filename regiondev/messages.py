"""Sentences in English and Chinese from one table: an analysis says *what* (a Message: a key
and its fields), ``render(lang)`` says it in the reader's language.

The templates are data (``regiondev/data/messages.toml``: one table per key with ``en`` and
``zh``, ``{field}`` placeholders, the same fields in both). A field is rendered for the
language too: a :class:`Message` recursively, a :class:`Fig` through
``formatting.bounded`` (its bound in words: 超过 32.7%, more than 32.7 %), a :class:`Label`
through the formatter's labels (regions, indicators, periods, bases), a :class:`Join` with the
language's separator; any other value as ``str``. Arithmetic (``3,902.4 / 5,000 = 0.780``)
and ids are language-neutral and passed as text.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from regiondev.formatting import Lang

__all__ = ["Fig", "Join", "Label", "Message", "Text", "msg", "render", "templates"]


@dataclass(frozen=True, slots=True)
class Message:
    """A sentence to be said in any language: a template key and its fields."""

    key: str
    fields: tuple[tuple[str, Any], ...] = ()

    def render(self, lang: Lang = "en") -> str:
        """The sentence in ``lang`` (``en`` or ``zh``)."""
        en, zh = templates()[self.key]
        text = zh if lang == "zh" else en
        return text.format(**{k: render(v, lang) for k, v in self.fields})

    def __str__(self) -> str:
        return self.render("en")


def msg(key: str, /, **fields: Any) -> Message:
    """``msg("v_met", name=…, goal=…)``: a Message; the key must be in the table."""
    if key not in templates():
        raise KeyError(f"no message {key!r} in messages.toml")
    return Message(key, tuple(fields.items()))


@dataclass(frozen=True, slots=True)
class Fig:
    """A figure with its unit and bound, written in words for the language
    (``formatting.bounded(..., words=True)``)."""

    value: float
    unit: str = ""
    bound: str = "exact"
    low: float | None = None
    high: float | None = None
    decimals: int | None = None
    step: float | None = None

    def render(self, lang: Lang = "en") -> str:
        from regiondev.formatting import bounded

        return bounded(
            self.value,
            self.bound,
            unit=self.unit or None,
            low=self.low,
            high=self.high,
            decimals=self.decimals,
            step=self.step,
            lang=lang,
            words=True,
        )


@dataclass(frozen=True, slots=True)
class Label:
    """A code read as its name: ``region``, ``indicator``, ``scope`` (an indicator's),
    ``measure``, ``period``, ``basis``, ``unit``, ``verdict`` (``verdict_head`` to begin a
    sentence) or ``classification``."""

    kind: str
    code: str

    def render(self, lang: Lang = "en") -> str:
        from regiondev import formatting as f

        match self.kind:
            case "region":
                return f.region_label(self.code, lang)
            case "indicator":
                return f.indicator_label(self.code, lang)
            case "scope":
                return f.indicator_scope(self.code, lang)
            case "measure":
                return Message(f"measure_{self.code}").render(lang)
            case "verdict_head":
                text = f.verdict_label(self.code, lang)
                return text[:1].upper() + text[1:]
            case "period":
                return f.period_label(self.code, lang)
            case "unit":
                return f.unit_label(self.code, lang)
            case "verdict":
                return f.verdict_label(self.code, lang)
            case "classification":
                return f.classification_label(self.code, lang)
            case "basis":
                return Message(f"basis_{self.code}").render(lang)
        raise ValueError(f"no label kind {self.kind!r}")


@dataclass(frozen=True, slots=True)
class Text:
    """A text given in both languages (an indicator's name_en and name_zh from its catalog)."""

    en: str
    zh: str

    def render(self, lang: Lang = "en") -> str:
        return self.zh if lang == "zh" and self.zh else self.en


_SEPARATORS = {
    "list": (", ", "、"),
    "clauses": ("; ", "；"),
    "plus": (" + ", " + "),
    "and": (" and ", "、"),
    "none": ("", ""),
}


@dataclass(frozen=True, slots=True)
class Join:
    """Items joined with the language's separator (``list``: ", " / "、"; ``clauses``:
    "; " / "；")."""

    items: tuple[Any, ...]
    sep: str = "list"

    def render(self, lang: Lang = "en") -> str:
        en, zh = _SEPARATORS[self.sep]
        return (zh if lang == "zh" else en).join(render(i, lang) for i in self.items)


def render(value: Any, lang: Lang = "en") -> str:
    """Any message field (or a Message) in ``lang``."""
    if isinstance(value, Message | Fig | Label | Join | Text):
        return value.render(lang)
    if value is None:
        return ""
    return str(value)


_FIELD = re.compile(r"\{(\w+)\}")


@cache
def templates() -> dict[str, tuple[str, str]]:
    """key → (English, Chinese), from the shipped ``messages.toml``; both languages must
    hold the same fields (a test holds it)."""
    text = resources.files("regiondev.data").joinpath("messages.toml").read_bytes()
    data = tomllib.loads(text.decode("utf-8"))
    out: dict[str, tuple[str, str]] = {}
    for key, entry in data.items():
        en, zh = str(entry["en"]), str(entry["zh"])
        if set(_FIELD.findall(en)) != set(_FIELD.findall(zh)):
            raise ValueError(f"messages.toml [{key}]: en and zh name different fields")
        out[key] = (en, zh)
    return out
