"""The kind cues of ``data/kind_cues.toml``: the words that set a figure aside as no level (a
change, an ordinal, a part of a name, a scale label) and a growth rate named after its figure.
The percent cues and unit kinds are in ``data/cues.toml`` (``lexicon``); the resolver
(``resolve_kind``) combines both."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from regiondev._extract.rulefile import (
    DATA,
    RuleFileError,
    patterns,
    read,
    section,
    text,
    words,
)

__all__ = ["KindCues", "kind_cues", "load"]

_PATH = DATA / "kind_cues.toml"


@dataclass(frozen=True, slots=True)
class KindCues:
    """Everything the kind resolver reads from the file (patterns, in file order)."""

    growth_after: tuple[str, ...]
    by_multiple_before: tuple[str, ...]
    #: before a percent: a list parallel to the clause before, or a yardstick's own figure
    parallel_before: tuple[str, ...]
    count_words: frozenset[str]
    #: right before a count of 家: the last word of an innovation platform (技术中心1家)
    platform_words: tuple[str, ...]
    more_before: tuple[str, ...]
    fewer_before: tuple[str, ...]
    rank_move_before: tuple[str, ...]
    points_after: str
    #: after an item count: a later item of a list ending in 百分点 (11.5个和9.8个百分点)
    points_list_after: tuple[str, ...]
    #: after 第N: an article or chapter of the text (第一条): its outline
    article_after: tuple[str, ...]
    batch_after: tuple[str, ...]
    which_one_after: tuple[str, ...]
    succession_before: tuple[str, ...]
    sector: tuple[str, ...]
    sector_after: str
    year_of_level: tuple[str, ...]
    campaign: tuple[str, ...]
    plan_after: tuple[str, ...]
    #: before a number of years: a duration of validity (有效期3年)
    duration_before: tuple[str, ...]
    #: after a count in Chinese numerals: the text's outline (三个亮点：)
    outline_after: tuple[str, ...]
    class_after: tuple[str, ...]
    of_after: tuple[str, ...]
    #: after an amount with 以上: the class it is the threshold of (50亿元以上项目)
    threshold_after: tuple[str, ...]
    #: a list of amounts naming one class: after a first amount, before and after the last
    list_after: tuple[str, ...]
    list_before: tuple[str, ...]
    list_last_after: tuple[str, ...]
    #: after an amount with 以上: 的 and the class it is the entry threshold of
    money_threshold_after: tuple[str, ...]
    numeral_start: str
    #: before the numeral of a scale label: a threshold word (过百亿元项目)
    threshold_start: str
    ranked_after: tuple[str, ...]
    #: a statistical classification's size (在41个工业大类行业中): before and after the count
    within_before: tuple[str, ...]
    within_after: tuple[str, ...]
    #: after a Chinese numeral with 大: a fixed class of industries (六大高耗能行业)
    named_after: tuple[str, ...]
    #: a dividend's terms per share (每10股…3元): the share count's word and unit, and
    #: what comes before the amount paid for them
    per_share_before: str
    per_share_unit: str
    per_share_amount_before: tuple[str, ...]
    #: before a run of digits: the word of an identifier (证券代码：688419)
    code_words: tuple[str, ...]
    #: the brackets of a document number's year (〔2025〕)
    number_open: str
    number_close: str


def _characters(table: dict[str, Any], path: Path) -> tuple[str, ...]:
    chars = words(table, "words", f"{path}: [count]")
    for i, w in enumerate(chars):
        if len(w) != 1:
            raise RuleFileError(
                f"{path}: [count] field 'words' item {i + 1} ({w!r}) is no character"
            )
    return chars


def load(path: Path = _PATH) -> KindCues:
    """Read and check the kind cue file."""
    data = read(path)
    tables = {name: section(data, name, path) for name in ("growth", "count", "change")}
    tables |= {name: section(data, name, path) for name in ("ordinal", "per_share")}
    tables |= {name: section(data, name, path) for name in ("name", "scale")}
    tables |= {name: section(data, name, path) for name in ("classification", "code")}

    def pats(table: str, key: str) -> tuple[str, ...]:
        return patterns(tables[table], key, f"{path}: [{table}]")

    def word(table: str, key: str) -> str:
        return text(tables[table], key, f"{path}: [{table}]")

    return KindCues(
        growth_after=pats("growth", "after"),
        by_multiple_before=pats("growth", "by_multiple_before"),
        parallel_before=pats("growth", "parallel_before"),
        count_words=frozenset(_characters(tables["count"], path)),
        platform_words=words(tables["count"], "platform_words", f"{path}: [count]"),
        more_before=pats("change", "more_before"),
        fewer_before=pats("change", "fewer_before"),
        rank_move_before=pats("change", "rank_move_before"),
        points_after=word("change", "points_after"),
        points_list_after=pats("change", "points_list_after"),
        article_after=pats("ordinal", "article_after"),
        batch_after=pats("ordinal", "batch_after"),
        which_one_after=pats("ordinal", "which_one_after"),
        succession_before=pats("ordinal", "succession_before"),
        sector=pats("ordinal", "sector"),
        sector_after=word("ordinal", "sector_after"),
        year_of_level=pats("name", "year_of_level"),
        campaign=pats("name", "campaign"),
        plan_after=pats("name", "plan_after"),
        duration_before=pats("name", "duration_before"),
        outline_after=pats("name", "outline_after"),
        class_after=pats("scale", "class_after"),
        of_after=pats("scale", "of_after"),
        threshold_after=pats("scale", "threshold_after"),
        money_threshold_after=pats("scale", "money_threshold_after"),
        list_after=pats("scale", "list_after"),
        list_before=pats("scale", "list_before"),
        list_last_after=pats("scale", "list_last_after"),
        numeral_start=word("scale", "numeral_start"),
        threshold_start=word("scale", "threshold_start"),
        ranked_after=pats("scale", "ranked_after"),
        within_before=pats("classification", "within_before"),
        within_after=pats("classification", "within_after"),
        named_after=pats("classification", "named_after"),
        code_words=words(tables["code"], "words", f"{path}: [code]"),
        per_share_before=word("per_share", "count_before"),
        per_share_unit=word("per_share", "count_unit"),
        per_share_amount_before=pats("per_share", "amount_before"),
        number_open=word("code", "number_open"),
        number_close=word("code", "number_close"),
    )


@cache
def kind_cues() -> KindCues:
    """The shipped kind cues (read once)."""
    return load()
