"""Page furniture and the date of a text: bylines, headers, footers, date lines and titles.

A web page copied as text carries navigation and related headlines above its byline (发布时间,
来源:…) and related headlines, copyright and contacts in its footer. Their figures are kept
with a ``set_aside_reason``. The byline (or a line holding only a date) gives the text's date;
a title naming one year (2023年…统计公报) gives the period of figures printed without one.
Furniture words come from ``data/cues.toml``; each is matched in simplified and traditional
script (OpenCC's forms) and with a pinyin annotation after any character.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from regiondev._extract.lexicon import lexicon

__all__ = [
    "byline_re",
    "detect_date",
    "footer_re",
    "furniture_lines",
    "parse_date",
    "title_period",
]


@cache
def _script_forms() -> tuple[object, ...]:
    import opencc

    return tuple(opencc.OpenCC(c) for c in ("s2t", "s2tw", "s2hk"))


def _tolerant(word: str) -> str:
    """A pattern of ``word`` in either script, a pinyin annotation allowed after each char."""
    forms = [word] + [str(c.convert(word)) for c in _script_forms()]  # type: ignore[attr-defined]
    forms = [f for f in forms if len(f) == len(word)]
    extra = lexicon().variants
    parts = []
    for i, ch in enumerate(word):
        chars = dict.fromkeys([f[i] for f in forms] + list(extra.get(ch, "")))
        cls = f"[{''.join(chars)}]" if len(chars) > 1 else re.escape(ch)
        parts.append(cls + r"(?:\([^()\s]{1,8}\))?")
    return "".join(parts)


@cache
def byline_re() -> re.Pattern[str]:
    """A byline word (发布时间, 来源:…) in either script."""
    return re.compile("|".join(_tolerant(w) for w in lexicon().byline))


@cache
def footer_re() -> re.Pattern[str]:
    """A footer word (相关新闻, 版权所有, 联系我们…) in either script."""
    return re.compile("|".join(_tolerant(w) for w in lexicon().footer))


_DATE_IN_LINE = re.compile(r"((?:19|20)\d{2})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})")
# A line that is only a date (and perhaps a time), perhaps after the issuing body:
# 2024年3月28日, 2022-11-30 18:53, 湖南省工业和信息化厅　2023年12月20日.
_DATE_LINE = re.compile(
    r"(?:[^\s\d。，,：:]{0,24}——|[^\s\d。，,：:]{2,24}[\s\u3000]+)?(?:19|20)\d{2}(?:年\d{1,2}月\d{1,2}日|[-/.]\d{1,2}[-/.]\d{1,2})"
    r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
    r"(?:在[^。，,]{2,40}(?:上|中))?"  # ——2024年1月21日在省十四届人大二次会议上
)


def parse_date(text: str) -> dt.date | None:
    """A date written as YYYY-MM-DD (also / or .), YYYY年M月D日; None if absent or invalid."""
    m = _DATE_IN_LINE.search(text or "")
    if m is None:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _is_byline(line: str) -> bool:
    """A line of page furniture with a byline word (发布时间, 来源:…), not a body sentence
    that happens to hold one (…。发布时间:…)."""
    m = byline_re().search(line)
    return m is not None and "。" not in line[: m.start()] and len(line.strip()) <= 150


def detect_date(raw: str) -> dt.date | None:
    """The date of the text: its byline (发布时间 / 时间: / 来源 line) or a line holding only
    a date near the top, else a 发布时间/日期 line at the end (a short notice's signature)."""
    limit = max(2000, len(raw) // 3)
    for line in raw[:limit].splitlines():
        if (_is_byline(line) or _DATE_LINE.fullmatch(line.strip())) and (d := parse_date(line)):
            return d
    tail = [x for x in raw[-600:].splitlines() if x.strip()][-4:]
    for line in reversed(tail):
        if (m := byline_re().search(line)) and (d := parse_date(line[m.start() :])):
            return d
    return None


_ISSUE_NO = re.compile(r"第\s*\d+\s*期")
# The periods a title can give the figures printed without one: a year, months, quarters
# (not a day: 2022年1月17日在…会议上 dates a speech; not a span: 规划(2021—2025年) names a
# plan's years, not the period of each figure)
_FLOW_PERIOD = re.compile(r"\d{4}(?:M\d{2}-M\d{2}|Q\d-Q\d)?")


def title_period(title: str, date: dt.date | None) -> tuple[str, str]:
    """(period, cue) of a title naming exactly one period (2023年1—10月…运行情况, 上半年…,
    长沙这一年, 2023年国民经济和社会发展统计公报), if not after the text's date: the period of
    the figures the text prints without one. ("", "") if the title names none or several."""
    if "。" in title or len(title.strip()) > 60:
        return "", ""  # a sentence of the body, not a title
    if _ISSUE_NO.search(title) or "到" in title or "力争" in title:
        return "", ""  # 简报(2023年第11期): an issue of a periodical; a plan's target year
    from regiondev._extract.resolve_period import PeriodResolver

    found = [(p, c) for _, p, c in PeriodResolver(date).periods(title) if p]
    if len({p for p, _ in found}) != 1 or not _FLOW_PERIOD.fullmatch(found[0][0]):
        return "", ""
    period, cue = found[0]
    if date is not None and int(period[:4]) > date.year:
        return "", ""
    if "工作报告" in title and date is not None and date.month <= 3 and period == str(date.year):
        # 2024年政府工作报告 in January: the year the report plans, not the year of the
        # figures it reviews
        return "", ""
    return period, cue


def furniture_lines(raw_lines: list[str]) -> tuple[set[int], dict[int, str]]:
    """Indices of furniture lines → reason (header before the byline, byline, footer)."""
    total = sum(len(x) for x in raw_lines)
    marks: dict[int, str] = {}
    byline = -1
    pos = 0
    limit = max(2000, total // 3)
    body = False  # a line of sentences seen: a date-only line after it closes a paragraph
    for i, line in enumerate(raw_lines):
        if pos > limit:
            break
        dated = not body and _DATE_LINE.fullmatch(line.strip()) is not None
        if (_is_byline(line) or dated) and (
            pos <= total // 3 or sum(1 for x in raw_lines[:i] if x.strip()) < 3
        ):
            # near the top: a 发布时间 line closing a short notice is its signature, and
            # what stands above it is the notice itself, not a page header
            byline = i
            break
        body = body or "。" in line
        pos += len(line)
    if byline >= 0:
        nonblank = [i for i in range(byline) if raw_lines[i].strip()]
        title = nonblank[-1] if nonblank else -1
        for i in nonblank:
            if i != title:
                marks[i] = "page furniture: header (navigation, related headlines)"
        marks[byline] = "page furniture: byline (date, source, view count)"
    pos = 0
    footer = -1
    for i, line in enumerate(raw_lines):
        if i > byline and pos >= total * 0.3 and footer_re().search(line):
            footer = i
            break
        pos += len(line)
    if footer >= 0:
        for i in range(footer, len(raw_lines)):
            marks[i] = "page furniture: footer (related headlines, copyright, contacts)"
    return set(marks), marks
