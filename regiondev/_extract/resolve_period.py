"""Period resolver: the period of each period cue of a sentence, and the cue itself.

The cues are the forms of the one period grammar (``regiondev.periods``). A period printed
without a year takes the sentence's year, else the last year the text named, the title's,
or the text's date (the year before it when the period would end after the date).
Periods are written as the catalog writes them: 2021, 2021-2025, 2021M01-M09, 2021Q1-Q3,
2021-09-30 (a level at a day).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import cast

from regiondev._extract.resolve_status import TARGET as _TARGET
from regiondev.periods import PERIOD_CUE, PERIOD_CUE_REVIEW, base_end

__all__ = [
    "ANNUAL_REPORT_MONTHS",
    "AVERAGE_SPAN",
    "CLAUSE_ONLY",
    "REVIEW_MONTHS",
    "SUB_PERIOD",
    "YEAR_IN_FORCE",
    "PeriodCue",
    "PeriodResolver",
    "is_compared",
    "small_number",
]

#: Marks 两年平均 with no period before it in its sentence: the paragraph's, else the year.
YEAR_IN_FORCE = " (to the year in force)"
#: Marks the cue of a period after 其中: a part of the period in force, for its own clause.
SUB_PERIOD = " (其中: a part of the period before)"

#: A text dated in these first months of a year that reviews a year reviews the one before.
REVIEW_MONTHS = 2
#: A text dated in these months that names the yearly report (统计公报, 年度报告) of the year
#: before reviews that year (yearly reports come out to the end of April).
ANNUAL_REPORT_MONTHS = 4
#: Marks the span of an average (2021—2024年年均增长): the period of its own clause only.
AVERAGE_SPAN = " (the span of an average: its own clause)"
#: Cues whose period holds for their own clause only and is never carried.
CLAUSE_ONLY = (SUB_PERIOD, AVERAGE_SPAN)
_AVERAGE_AFTER = re.compile(r"(?:间|期间|内)?[，,]?(?:年均|平均每年|年平均)")

# 完成全年目标 / 占全年计划: the year's target or plan as the base of a part
_PART_OF_PLAN_BEFORE = re.compile(r"(?:完成|占|达到|为|实现)$")
_PLAN_AFTER = re.compile(r"(?:目标|计划|任务)")

#: (end offset in the sentence, period or "" when it cannot be known, the cue and why)
PeriodCue = tuple[int, str, str]

# The leading look-ahead lets the regex engine reject most positions with one set test.
# 比上年 / 较上年 / 与上年 / 同上年: the year a figure is compared with.
_COMPARED_WITH = "比较与同"
_COMPARED_PERIOD = re.compile(r"(?<!占)[比较][“\"‘']?$")
# The year of 今年/去年/明年 in a text with no date: known to be some year, not which.
_UNKNOWN_YEAR = -1
_CN_SMALL = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}


def small_number(text: str) -> int:
    """1–99 written in digits or Chinese numerals (十, 十一, 二十三); 0 if not such a number."""
    if text.isdigit():
        return int(text)
    if text in _CN_SMALL:
        return _CN_SMALL[text]
    tens, sep, ones = text.partition("十")
    if not sep or (tens and tens not in _CN_SMALL) or (ones and ones not in _CN_SMALL):
        return 0
    return (_CN_SMALL[tens] if tens else 1) * 10 + (_CN_SMALL[ones] if ones else 0)


def is_compared(text: str, start: int, end: int) -> bool:
    """A period at [start, end) that is the base of a comparison (比上年, 较2019年,
    2019年同期), not the period of a figure."""
    return (
        _COMPARED_PERIOD.search(text, max(0, start - 2), start) is not None
        or text.startswith("同期", end)
        or base_end(text, start, end) != -1
    )


class PeriodResolver:
    """The year state of a document that periods printed without a year depend on."""

    def __init__(self, date: dt.date | None) -> None:
        self.date = date
        #: The last year the text named, in force for later periods printed without one.
        self.last_year: int | None = None
        #: The one period a title names (2023年…统计公报, 2023年1—10月…), when not after the
        #: text's date, its cue, and its (first) year.
        self.title_period = ""
        self.title_cue = ""
        self.title_year = ""

    def _year_for(
        self, explicit: str | None, context_year: int | None, end_month: int = 0
    ) -> int | None:
        """The year of a period printed without one: the sentence's, the text's last, or the
        text's date — the year before it when the period would end after the date (前10个月 in
        a text of 5 January reports the previous year)."""
        if explicit:
            return int(explicit)
        if context_year == _UNKNOWN_YEAR:
            return None
        if context_year is not None:
            return context_year
        if self.last_year is not None:
            return self.last_year
        if self.title_year:
            return int(self.title_year)
        if self.date is None:
            return None
        return self.date.year - 1 if end_month > self.date.month else self.date.year

    def periods(self, text: str) -> list[PeriodCue]:
        """The period cues of a sentence, in order."""
        out: list[PeriodCue] = []
        ctx_year: int | None = None
        doc_year = self.date.year if self.date else None
        last_period = ""  # the last period found so far (两年平均: the period in force)
        # 预计 and a target word: looked up once, at the first 全年
        first_forecast, planned = -1, cast("bool | None", None)
        skip_to = -1  # the end of a comparison base (近去年全年的): no period of its own
        cue_rx = (
            PERIOD_CUE_REVIEW
            if self.date is not None and self.date.month <= REVIEW_MONTHS
            else PERIOD_CUE
        )
        for m in cue_rx.finditer(text):
            if m.start() < skip_to:
                continue
            if (end := base_end(text, m.start(), m.end())) != -1:
                # 相当于去年全年的九成 / 提高到2023年的1.2倍: the base a figure is a part of
                skip_to = end
                continue
            if _COMPARED_PERIOD.search(text, max(0, m.start() - 2), m.start()):
                continue  # 比上半年, 较1—9月: the period compared with, not the figure's own
            if text.startswith("同期", m.end()):
                continue  # 恢复到2019年同期的91.3%: the base of a comparison
            cue = m.group(0)
            period = ""
            # The alternatives are top-level named groups; lastgroup names the one that matched.
            g = m.lastgroup
            if g in ("yr", "yr2"):
                a, b = int(m[g + "_a"]), int(m[g + "_b"])
                ctx_year = b
                period = f"{a}-{b}" if a < b else ""
                if period and _AVERAGE_AFTER.match(text, m.end()):
                    cue += AVERAGE_SPAN  # 2021—2024年年均增长9.0%,完成…87.7%: not the 87.7's
            elif g == "ym":
                y, a, b = int(m["ym_y"]), int(m["ym_a"]), int(m["ym_b"])
                ctx_year = y
                period = f"{y}M{a:02d}-M{b:02d}" if 1 <= a <= b <= 12 else ""
            elif g == "mm":
                a, b = int(m["mm_a"]), int(m["mm_b"])
                y2 = self._year_for(None, ctx_year, b)
                period = f"{y2}M{a:02d}-M{b:02d}" if y2 and 1 <= a <= b <= 12 else ""
            elif g == "firstn":
                months = small_number(m["fn_n"])
                y2 = self._year_for(m["fn_y"], ctx_year, months)
                period = f"{y2}M01-M{months:02d}" if y2 and 1 <= months <= 12 else ""
            elif g == "q":
                n = m["q_n"]
                q = int(n) if n.isdigit() else _CN_SMALL[n]
                if not 1 <= q <= 4:
                    continue  # 前5季度: no quarter
                y2 = self._year_for(m["q_y"], ctx_year, 3 * q)
                period = f"{y2}Q1-Q{q}" if y2 else ""
            elif g == "q1":
                n = m["q1_n"]
                q = int(n) if n.isdigit() else _CN_SMALL[n]
                y2 = self._year_for(m["q1_y"], ctx_year, 3 * q)
                period = f"{y2}Q{q}-Q{q}" if y2 else ""
            elif g == "half":
                y2 = self._year_for(m["h_y"], ctx_year, 6 if m["h"] == "上" else 12)
                period = (f"{y2}M01-M06" if m["h"] == "上" else f"{y2}M07-M12") if y2 else ""
            elif g in ("fyp", "fypfirst"):
                n = 10 + _CN_SMALL[m["fyp_n" if g == "fyp" else "fyf_n"]]
                first = 1953 + 5 * (n - 1) + 3  # the 1963-65 adjustment years shift plans 3+
                if g == "fypfirst":
                    # 站在“十四五”开局的新起点: the plan's first year, named as context
                    period = str(first)
                    cue += f" (the plan's first year, {first})"
                else:
                    period = f"{first}-{first + 4}"
            elif g == "past":
                n_text = m["past_n"]
                n = int(n_text) if n_text.isdigit() else _CN_SMALL.get(n_text, 0)
                if doc_year and n == 1:
                    period = str(doc_year - 1)  # 过去一年: the year before the text's
                else:
                    period = f"{doc_year - n}-{doc_year - 1}" if doc_year and n > 1 else ""
            elif g == "future":
                n_text = m["fut_n"]
                n = int(n_text) if n_text.isdigit() else _CN_SMALL.get(n_text, 0)
                period = f"{doc_year}-{doc_year + n - 1}" if doc_year and n > 1 else ""
            elif g == "mon":
                n = int(m["mon_n"])
                y2 = self._year_for(m["mon_y"], ctx_year, n)
                if m["mon_end"]:
                    # 11月末 / 6月底: a level at the month's end
                    if m["mon_y"]:
                        ctx_year = y2
                    if y2 and 1 <= n <= 12:
                        period = f"{y2}-{n:02d}-{calendar.monthrange(y2, n)[1]:02d}"
                else:
                    period = f"{y2}M{n:02d}-M{n:02d}" if y2 and 1 <= n <= 12 else ""
            elif g == "mon2":
                n = int(m["mo_n"])
                if m["mo_y"]:
                    y2 = int(m["mo_y"])
                elif doc_year is None:
                    ctx_year = _UNKNOWN_YEAR
                    out.append((m.end(), "", cue + " (needs the text's date)"))
                    continue
                else:
                    y2 = doc_year - 1 if m["mo_rel"] in ("去年", "上年") else doc_year
                ctx_year = y2
                period = f"{y2}M{n:02d}-M{n:02d}" if 1 <= n <= 12 else ""
            elif g == "report":
                # 2023年半年报显示…: a half-year report's figures are of its first half (the
                # report's year is not the figures' period, but it is in force: 上半年…)
                y2 = self._year_for(m["rp_y"], ctx_year, 6)
                ctx_year = y2 if m["rp_y"] else ctx_year
                period = f"{y2}M01-M06" if y2 else ""
                cue += " (a half-year report: its first half)"
            elif g == "newyear2":
                # 新的一年 in a review or a plan: the year of a text dated in its first half,
                # else the one after
                if self.date is None:
                    out.append((m.end(), "", cue + " (needs the text's date)"))
                    continue
                ctx_year = self.date.year + (self.date.month > 6)
                period = str(ctx_year)
            elif g == "thatyear":
                # 这一年 in a review: the year the text is about (the one in force, else the
                # year before a text dated before December)
                y2 = self._year_for(None, ctx_year, 12)
                period = str(y2) if y2 else ""
            elif g == "mon1":
                n = int(m["mon1_n"])  # 1—5月…,其中5月增长8.4%: the month alone
                y2 = self._year_for(None, ctx_year, n)
                period = f"{y2}M{n:02d}-M{n:02d}" if y2 and 1 <= n <= 12 else ""
            elif g == "upto":
                n = int(m["up_m"])
                y2 = self._year_for(m["up_y"], ctx_year, n)
                if y2 and 1 <= n <= 12:
                    last = calendar.monthrange(y2, n)[1]
                    period = f"{y2}-{n:02d}-{last:02d}"  # a level at the month's end
            elif g == "stretch":
                # 五年间 / 十年来 / 一年来 in a review of a year's first months (the only texts
                # whose cues read it): the years before the text's
                n = small_number(m["st_n"])
                if self.date is None or n < 1:
                    continue
                y = self.date.year
                period = str(y - 1) if n == 1 else f"{y - n}-{y - 1}"
                cue += " (a review in the first months of a year: the year(s) before)"
            elif g == "capacity":
                # 达产后年产值可达30亿元: output at full capacity, at no printed time
                out.append((m.end(), "", cue + " (at full capacity: no period printed)"))
                continue
            elif g == "ytd":
                # 今年以来: from January to a month the text does not print
                out.append((m.end(), "", cue + " (the year to a month not printed: fill in)"))
                continue
            elif g == "ydate":
                try:
                    d = dt.date(int(m["yd_y"]), int(m["yd_m"]), int(m["yd_d"]))
                except ValueError:
                    continue
                ctx_year = d.year
                period = d.isoformat()
            elif g == "mdate":
                lead_year = self._year_for(None, ctx_year, int(m["md_m"]))
                try:
                    day = dt.date(lead_year or 0, int(m["md_m"]), int(m["md_d"]))
                except ValueError:
                    continue  # no year to give, or no such day
                if self.date is not None and day > self.date:
                    continue  # a day after the text's: an event ahead, no period of a figure
                period = day.isoformat()
            elif g == "year":
                ctx_year = int(m["y"])
                period = m["y"]
            elif g in ("this", "lastyear", "nextyear"):
                if g == "lastyear" and m.start() and text[m.start() - 1] in _COMPARED_WITH:
                    continue  # 比上年提高: the year compared with, not the figure's own
                if doc_year is None:
                    ctx_year = _UNKNOWN_YEAR  # 今年一季度: the quarter of an unknown year
                    out.append((m.end(), "", cue + " (needs the text's date)"))
                    continue
                shift = -1 if g == "lastyear" else (1 if g == "nextyear" else 0)
                ctx_year = doc_year + shift
                period = str(ctx_year)
            elif g == "fullyear":
                # 预计全年: a forecast of the year in progress at the text's date
                # (or a plan's: 全年计划新增…) — not the last year reported in full
                if _PART_OF_PLAN_BEFORE.search(text, max(0, m.start() - 3), m.start()) and (
                    _PLAN_AFTER.match(text, m.end())
                ):
                    # 完成全年目标任务的21.5% / 占全年计划的: the year's target is the base of a
                    # part, no period of the figure (nor of the sentences after)
                    continue
                if planned is None:
                    first_forecast = text.find("预计")
                    planned = _TARGET.search(text) is not None
                forecast = (
                    (0 <= first_forecast <= m.start() - 2 or planned)
                    and ctx_year is None
                    and self.date
                )
                if forecast and self.date:
                    # an estimate (预计全年, not a plan's 全年力争) in a review of the year
                    # before (dated in its first two months, or about that year by its title
                    # or an earlier sentence) is of the year just ended
                    before = self.date.year - 1
                    estimate = 0 <= first_forecast <= m.start() - 2
                    reviewed = estimate and (
                        self.date.month <= 2
                        or before
                        in (
                            self.last_year,
                            int(self.title_year or 0),
                        )
                    )
                    y2 = before if reviewed else self.date.year
                else:
                    y2 = self._year_for(None, ctx_year, 12)
                period = str(y2) if y2 else ""
            elif g == "two":
                # 两年平均增长: the average over the two years to the period in force, which
                # the catalog records as that period (2021Q1-Q3), never an earlier plan period
                y2 = self._year_for(None, ctx_year)
                period = last_period or (str(y2) if y2 else "")
                if last_period:
                    cue += " (to the period in force)"
                else:
                    # the paragraph's period, if any, is in force (the assembler knows it)
                    cue += YEAR_IN_FORCE if period else " (needs the text's date)"
            elif g == "now":
                if self.date is None:
                    out.append((m.end(), "", cue + " (needs the text's date)"))
                    continue
                period = self.date.isoformat()
            if "其中" in text[max(0, m.start() - 4) : m.start()]:
                cue += SUB_PERIOD  # 1—10月…,其中10月当月增长8.2%: a part of the period in force
            if not period and g in ("mm", "firstn", "q", "q1", "half", "fullyear"):
                cue += " (needs the text's date)"
            out.append((m.end(), period, cue))
            last_period = period or last_period
        return out
