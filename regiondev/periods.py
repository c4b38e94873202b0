"""The one grammar of periods: every way a text writes the time a figure is of.

Each :class:`PeriodForm` is written once, with named groups for its parts (years, months,
quarters, counts of years). Two readers use the same forms:

- ``numbers.scan`` reads a form flagged ``token`` as a *period token* (前三季度, 1—9月,
  十四五, 两年平均) rather than as a figure (三, 9, 四): ``SCAN_PATTERNS``;
- the extractor's period resolver (``extract.resolve_period``) finds the forms flagged ``cue``
  in a sentence with ``PERIOD_CUE`` and turns each into a period (2021M01-M09, 2021-2025…):
  ``match.lastgroup`` names the form that matched.

A form can be both (1—9月 is a token and a cue), a cue only (今年, 2021年: the scanner reads
those as dates or not at all) or a token only (3年前, 大年初一: no period of a figure).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from regiondev.firstchars import first_class, guarded_alternation

__all__ = [
    "FORMS",
    "ON_PREVIOUS",
    "PERIOD_CUE",
    "PERIOD_CUE_REVIEW",
    "SCAN_PATTERNS",
    "PeriodForm",
    "base_end",
]

_Y = r"(?:19|20)\d{2}"
_DASH = r"[—\-－~～至到]"
_CN_1_10 = "一二三四五六七八九十"


@dataclass(frozen=True, slots=True)
class PeriodForm:
    """One way of writing a period: its name (the regex group), pattern, and readers."""

    name: str
    pattern: str
    token: bool = False
    cue: bool = True
    #: a cue only in a review of a year's first months (五年间 in January: the years before)
    review_only: bool = False


FORMS: tuple[PeriodForm, ...] = (
    # 2021—2025年: a span of years
    PeriodForm("yr", rf"(?P<yr_a>{_Y})\s*{_DASH}\s*(?P<yr_b>{_Y})年", token=True),
    # 2012年至2021年 / 2012年到2021年: a span of years, each with its 年
    PeriodForm("yr2", rf"(?P<yr2_a>{_Y})年\s*(?:至|到|—|－|-|~|～)\s*(?P<yr2_b>{_Y})年"),
    # 2021年1—9月: months of a year
    PeriodForm("ym", rf"(?P<ym_y>{_Y})年(?P<ym_a>\d{{1,2}})\s*{_DASH}\s*(?P<ym_b>\d{{1,2}})月"),
    # 1—9月: months
    PeriodForm("mm", r"(?P<mm_a>\d{1,2})\s*[—\-－~～至]\s*(?P<mm_b>\d{1,2})月", token=True),
    # (2021年)前10个月 / 前三个月
    PeriodForm(
        "firstn",
        rf"(?:(?P<fn_y>{_Y})年)?前\s*(?P<fn_n>\d{{1,2}}|[一二两三四五六七八九十]{{1,3}})\s*个?月",
        token=True,
    ),
    # (2021年)前三季度
    # (a digit past 4 is no quarter: the resolver rejects it, the scanner sets it aside)
    PeriodForm("q", rf"(?:(?P<q_y>{_Y})年)?前\s*(?P<q_n>[\d一二三四])\s*个?季度", token=True),
    # (2021年)(第)一季度
    PeriodForm("q1", rf"(?:(?P<q1_y>{_Y})年)?(?:第)?(?P<q1_n>[1-4一二三四])\s*季度", token=True),
    # (2021年)上半年 / 下半年
    PeriodForm("half", rf"(?:(?P<h_y>{_Y})年)?(?P<h>[上下])半年", token=True),
    # 十四五开局 / 起步 / 首年: the plan's first year (a cue only: the token is 十四五)
    PeriodForm(
        "fypfirst",
        # (no group inside the look-ahead: benchmarks/bench_extract_floor.py strips them)
        r"十(?P<fyf_n>[一二三四五六七八九])五(?=[”\"’']?开局|[”\"’']?起步|[”\"’']?开篇"
        r"|[”\"’']?首年|[”\"’']?第一年)",
    ),
    # 十四五: a five-year plan period
    PeriodForm("fyp", r"十(?P<fyp_n>[一二三四五六七八九])五", token=True),
    # 过去五年 / 近10年: the years before the text's
    PeriodForm("past", rf"(?:过去|近)(?P<past_n>\d{{1,2}}|[{_CN_1_10}])年", token=True),
    # 未来5年: the years from the text's
    PeriodForm("future", rf"未来(?P<fut_n>\d{{1,2}}|[{_CN_1_10}])年", token=True),
    # (2021年)9月份 / 9月当月: one month
    # (6月，… opening a clause: the month too; 11月末 / 6月底: a level at the month's end)
    PeriodForm(
        "mon",
        rf"(?:(?P<mon_y>{_Y})年)?(?<![\d—\-－~～至到])(?P<mon_n>\d{{1,2}})月"
        r"(?:份|当月|(?P<mon_end>[末底])|(?=[，,]))",
    ),
    # 今年5月 / 2022年5月(份): one month of a named year (not 5月20日, not 5—9月)
    PeriodForm(
        "mon2",
        rf"(?:(?P<mo_y>{_Y})年|(?P<mo_rel>今年|本年|去年|上年))(?P<mo_n>\d{{1,2}})月(?:份|当月)?"
        r"(?![\d日号—\-－~～至到])",
    ),
    # 其中5月: the month alone, after a run of months
    PeriodForm("mon1", r"(?<=其中)(?P<mon1_n>\d{1,2})月(?![份\d])"),
    # 截至(2021年)9月(底): a level at a month's end (not 截至9月15日)
    PeriodForm("upto", rf"截至(?:(?P<up_y>{_Y})年)?(?P<up_m>\d{{1,2}})月(?:底|末|份)?(?![\d日号])"),
    # (2022年)半年报: a half-year report, its figures of its first half (its year in force)
    PeriodForm("report", rf"(?:(?P<rp_y>{_Y})年)?(?:半年报|半年度报告)"),
    # 2021年9月30日: a day
    PeriodForm("ydate", rf"(?P<yd_y>{_Y})年(?P<yd_m>\d{{1,2}})月(?P<yd_d>\d{{1,2}})日"),
    # 6月17日，…签约仪式举行: the day of an event a news lead prints without its year (the
    # text's, or the year before when the day is after the text's date)
    PeriodForm("mdate", r"(?<![\d年至到])(?P<md_m>\d{1,2})月(?P<md_d>\d{1,2})日(?=[，,])"),
    # (到)2021年(底): a year (a target year after 到)
    PeriodForm("year", rf"(?P<to>到|至)?(?P<y>{_Y})年(?P<yq>底|末|初|中)?"),
    # 今年以来: January to a month not printed
    PeriodForm("ytd", r"(?:今年|本年|年初)以来"),
    PeriodForm("this", r"今年|本年"),
    PeriodForm("lastyear", r"去年|上年"),
    PeriodForm("nextyear", r"明年"),
    # 目前 / 截至目前 / 现有: the text's date
    PeriodForm("now", r"目前|当前|截至目前|现在|如今|现有"),
    # 新的一年: the year ahead of a review or a plan
    PeriodForm("newyear2", r"新的一年|新一年"),
    # 这一年: the year a review is about (the year in force)
    PeriodForm("thatyear", r"这一年"),
    # 两年平均: an average over the two years to the period in force
    PeriodForm("two", r"两年平均", token=True),
    # 达产后 / 建成后 / 全部投产后: at full capacity, at no printed time (no period)
    PeriodForm("capacity", r"(?:全部|全面)?(?:达产|达效|建成|投产)后"),
    # 全年: the whole year (of the period in force, or the one in progress in a forecast)
    PeriodForm("fullyear", r"全年"),
    # 十年来 / 三年间 / 一年来: a stretch of years, no quantity (a period only in a review of
    # the first months of a year: 五年间 in January 2026 is 2021-2025, 一年来 2025)
    PeriodForm(
        "stretch",
        rf"(?<![\d{_CN_1_10}])(?P<st_n>\d{{1,2}}|[{_CN_1_10}]{{1,3}})年(?:来|以来|间)",
        token=True,
        review_only=True,
    ),
    # 3年前: a time before the text, no period of a figure
    PeriodForm("yearsago", rf"(?<![\d年])[\d{_CN_1_10}]{{1,2}}年前", token=True, cue=False),
    # 大年初一: a day of the Spring Festival
    PeriodForm("newyear", rf"大年初[{_CN_1_10}]+", token=True, cue=False),
)

_GROUP = re.compile(r"\(\?P<\w+>")

#: The period tokens of ``numbers.scan`` (named groups made plain: the scanner names its own).
SCAN_PATTERNS: list[str] = [_GROUP.sub("(?:", f.pattern) for f in FORMS if f.token]

# The leading look-ahead is where a cue can start, written from the forms above: a digit only
# before a 年, 月 or 季 within four digits, or before a dash and digits and 年 or 月 (a span:
# 2021—2025年, 1—9月; not a date's 2022-11-30), a word only as the cue's own
# first characters. Most positions of a sentence (the digits of its figures above all) fail it
# at one test, before the engine tries any alternative. It must hold at the start of every
# match of every cue form: tests/test_periods.py checks that the guarded patterns find what
# the plain alternations find, on every text of the project and on generated ones. (No group
# inside it: benchmarks/bench_extract_floor.py strips look-arounds with a simple pattern.)
_CUE_START = (
    r"\d{1,4}\s*[年月季]|\d{1,4}\s*[—\-－~～至到]\s*\d{1,4}[年月]"
    r"|十[一二三四五六七八九]五|前\s*[\d一二两三四五六七八九十]|第[1-4一二三四]"
    r"|[一二三四]\s*季|[上下]半年|半年|上年|过去|近[\d一二三四五六七八九十]|未来"
    r"|今年|本年|去年|明年|年初以来|目前|当前|截至|现在|现有|如今|[到至][12][09]\d\d"
    r"|两年平均|全年|全[部面][达建投]|达[产效]后|建成后|投产后|这一年|新的?一年"
    r"|[一二三四五六七八九十]{1,3}年[来以间]"
)

# ... and before it, the one class of its first characters (derived from it): at most positions
# of a sentence one set test, instead of the look-ahead's thirty alternatives.
_CUE_FIRST = f"(?=[{first_class(_CUE_START)}])(?={_CUE_START})"

#: Every cue form as a top-level named group (``match.lastgroup`` is the form's name), each
#: behind a guard of its own first characters (``firstchars``): at a digit the engine leaves
#: the forms led by a word at once, and the other way round.
PERIOD_CUE = re.compile(
    f"{_CUE_FIRST}(?:"
    + guarded_alternation(
        f"(?P<{f.name}>{f.pattern})" for f in FORMS if f.cue and not f.review_only
    )
    + ")"
)
#: The same with the cues read only in a review of a year's first months (五年间, 一年来).
PERIOD_CUE_REVIEW = re.compile(
    f"{_CUE_FIRST}(?:"
    + guarded_alternation(f"(?P<{f.name}>{f.pattern})" for f in FORMS if f.cue)
    + ")"
)


# A period as the base a figure is a part or a multiple of: 相当于去年全年的九成, 近2022年的
# 九成 (always a base); 为/达到/提高到2023年的1.2倍 (a base when a multiple or part follows:
# 增加到2021年的13190亿元 is the level of 2021)
#: Right before a growth rate: a change on the period just before (环比增长0.62%), of the last
#: single month or quarter of the months in force, never of the cumulative months.
ON_PREVIOUS = re.compile(r"环比(?:增长|下降|上涨|回落|提高|增加|减少)?了?$")
_BASE_ALWAYS = re.compile(r"(?:相当于|接近|近)$")
_BASE_IF_PART = re.compile(r"(?:达到|达|为|是|(?:提高|增加|增长|提升|扩大)到)$")
_BASE_AFTER = re.compile(r"(?:全年|同期|年末|年底)?(?:总量|水平|规模)?的")
_PART = re.compile(
    r"(?:近|约)?[\d.一二三四五六七八九十两半]+(?:倍|成|%|％)|[一二三四五六七八九十百千]+分之"
)


# 从2020年的35%提高到2023年的62%: a pair of levels with their years, no comparison base
_PAIR_FROM = re.compile(r"[从由](?:19|20)\d{2}年(?:底|末)?的[^，,。；;从由]{1,24}$")


def base_end(text: str, start: int, end: int) -> int:
    """The end of the comparison base a period at [start, end) is (近去年全年的 →
    after 的), else -1. A period read with its 到 (到2023年) starts after it."""
    at = start + (text[start : start + 1] in ("到", "至"))
    after = _BASE_AFTER.match(text, end)
    if after is None:
        return -1
    if _BASE_ALWAYS.search(text, max(0, at - 3), at):
        return after.end()
    if (
        _BASE_IF_PART.search(text, max(0, at - 4), at)
        and _PART.match(text, after.end())
        and not _PAIR_FROM.search(text, max(0, at - 40), at)
    ):
        return after.end()
    return -1
