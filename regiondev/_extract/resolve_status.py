"""Status resolver: is a figure actual or a target, and the cue that decided it.

A sentence is a target when it names a year after the text's date (到2025年), a word of plans
(力争, 目标, 将…达到, 计划新增…) or a period that ends after the text's date (十四五 in 2022),
or when it carries the target context of the sentence before and names nothing that happened.
Within a sentence, 预计 makes what follows a forecast, and 已… makes what follows happened.
The cue words are data (``data/status_cues.toml``); the rules that combine them are here.
"""

from __future__ import annotations

import re

from regiondev._extract.rulefile import alternation
from regiondev._extract.status_cues import status_cues
from regiondev.firstchars import fast
from regiondev.periods import base_end

__all__ = [
    "ACHIEVED",
    "ACTUAL_NOW",
    "ANNUAL_REPORT",
    "DONE",
    "EVENT_LEAD_DAY",
    "FORECAST",
    "PERIOD_AHEAD",
    "POLICY_NUMBER_LINE",
    "POLICY_TITLE",
    "QUOTED_TARGET",
    "REPORTED_PLAN",
    "TARGET",
    "YEAR_TARGET",
    "aspirational",
    "heading_section",
    "sentence_status",
]

_CUES = status_cues()


def _scan_rx(items: tuple[str, ...]) -> re.Pattern[str]:
    """The patterns as one regex for scanning a sentence, behind a guard of the characters
    every match starts with (``firstchars.fast``: one set test rejects most positions)."""
    return re.compile(fast(alternation(items)))


# Status: words that make a figure a target (data/status_cues.toml).
YEAR_TARGET = re.compile(_CUES.year_target)
TARGET = _scan_rx(_CUES.target)
# Words of what has happened: such a sentence never inherits its paragraph's target context.
# 预计 (expected) makes a forecast of what follows it, not of the whole sentence; so does
# 达产后 (at full capacity: output forecast for a plant not yet producing).
FORECAST = _scan_rx(_CUES.forecast)
# A target met or its progress (提前实现规划目标, 完成目标进度的87.7%): what happened, no plan
ACHIEVED = _scan_rx(_CUES.achieved)
# A plan's target reported (规划提出，…): the target context ends with its sentence
REPORTED_PLAN = _scan_rx(_CUES.reported_plan)
# Right after a figure: a plan's target quoted (“4000家”的规划目标)
QUOTED_TARGET = re.compile(alternation(_CUES.quoted_target))
#: under a span of years: a stock or rate at its end (总数达到608家), and a flow over it (累计)
SPAN_STOCK = re.compile(alternation(_CUES.stock_before))
SPAN_FLOW = re.compile(alternation(_CUES.flow_before))
ACTUAL_NOW = _scan_rx(_CUES.actual_now)

# a target year after a word of what happened (已完成…,到2025年…) starts a target again
DONE = _scan_rx(_CUES.done)
PERIOD_AHEAD = re.compile(alternation(_CUES.period_ahead))
_YEARS = re.compile(r"(?<!\d)\d{4}(?!\d)")
_SINCE = _CUES.since
# A policy document: its title's last words, or a line that is only its document number
POLICY_TITLE = re.compile(alternation(_CUES.policy_title))
POLICY_NUMBER_LINE = re.compile(alternation(_CUES.policy_number_line), re.MULTILINE)
# A yearly report named in a sentence (2024年统计公报, 2024年年度报告): a review of its year
ANNUAL_REPORT = re.compile(alternation(_CUES.annual_report))
# A news lead's day of an event (…博览会9月12日在湖南株洲开幕): month and day
EVENT_LEAD_DAY = re.compile(_CUES.event_lead_day)


def sentence_status(
    text: str, doc_year: int | None, periods: list[tuple[int, str, str]], para_target: bool
) -> tuple[bool, str, bool]:
    """(target?, the cue that decided it, names what happened?) of a whole sentence."""
    target, cue = False, ""
    past_year = False
    for m in YEAR_TARGET.finditer(text):
        if base_end(text, m.start(), m.end()) != -1:
            continue  # 提高到2023年的1.2倍: the base of a comparison, neither plan nor past
        y = int(m[1])
        if doc_year is None or y >= doc_year:
            target, cue = True, m.group(0)
            break
        past_year = True
    if not target:
        achieved = [m.span() for m in ACHIEVED.finditer(text)] if "目标" in text else []
        for m2 in TARGET.finditer(text):
            if not any(a <= m2.start() < b for a, b in achieved):
                target, cue = True, m2.group(0)
                break
    explicit_actual = bool(ACTUAL_NOW.search(text)) or past_year
    if not target and doc_year is not None:
        # a period that ends after the text's date (十四五 = 2021-2025 in 2022) is a plan
        # (“十四五”以来: since the plan began, what happened, not a plan ahead)
        future = [
            p
            for e, p, _ in periods
            if (ys := _YEARS.findall(p))
            and int(ys[-1]) > doc_year
            and _SINCE not in text[e : e + 3]  # (a closing quote may stand between)
        ]
        if future:
            target, cue = True, f"{future[0]} is after the text's date"
    if not target and not explicit_actual and not periods and para_target:
        target, cue = True, "target context of the previous sentence"
    return target, cue, explicit_actual


def aspirational(stext: str, tstart: int) -> bool:
    """力争 covers what follows it, until a 确保 (a firm pledge) takes over."""
    strive = stext.rfind(_CUES.strive, 0, tstart)
    return strive != -1 and strive > stext.rfind(_CUES.firm, 0, tstart)


# A heading: a short line opening with an outline number (一、 / （二）) or ending with a colon.
_HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])|[：:]\s*$"
)
_HEADING_TARGET = re.compile(alternation(_CUES.heading_target))
_YEAR_WORK = re.compile(alternation(_CUES.year_work))
# a review of the year before the text's, named without its year
_LAST_YEAR = re.compile(alternation(_CUES.last_year))
_THIS_YEAR = re.compile(alternation(_CUES.this_year))
_HEADING_YEAR = re.compile(r"((?:19|20)\d{2})年")


def heading_section(line: str, doc_year: int | None) -> tuple[bool, str, str] | None:
    """What a heading makes of the paragraphs under it, until the next heading:
    (targets?, their year, cue). 二、2024年主要预期目标 / 今年的主要目标是: targets of that year;
    一、2023年工作回顾 / 过去一年工作回顾: what happened in the year reviewed. Another heading
    (三、…) ends a section: ``(False, "", "")``; a line that is no heading: None."""
    text = line.strip()
    if not text or len(text) > 30 or "。" in text or not _HEADING.search(text):
        return None
    years = [int(y) for y in _HEADING_YEAR.findall(text)]
    year = years[-1] if years else (doc_year if _THIS_YEAR.search(text) else None)
    if _HEADING_TARGET.search(text) and (year is None or doc_year is None or year >= doc_year):
        # the year's work (重点工作, 工作安排, 预期目标) with no year: the text's year; a
        # plan's 主要目标 with no year: targets, their years left to the sentences
        if year is None and _YEAR_WORK.search(text):
            year = doc_year
        return True, str(year) if year else "", f"the heading {text}"
    if year is None and doc_year is not None and _LAST_YEAR.search(text):
        year = doc_year - 1  # 一、过去一年工作回顾
    if year is not None and doc_year is not None and year < doc_year:
        return False, str(year), f"the heading {text}"
    # another heading (三、主要措施; 上半年工作回顾: no year to give) ends a section
    return False, "", ""
