"""Find every numeric claim in a text, with the cues a reviewer needs.

``extract_text(raw, source=..., date=..., region=...)`` cleans the text line by line with
``text.clean_lines`` (the seeds' normalisation of ``text.clean``: pinyin annotations removed,
traditional → simplified, damaged runs found), reads every number with ``numbers.scan`` (the
one number reader) and returns a :class:`DocClaims` whose claims carry the figure (value, unit,
bound, interval), its sentence, and cues for status, kind, period, region, basis and indicator.
Dates, periods, phone and licence numbers, plan structures, figures inside damaged runs and
page furniture (navigation, related-headline lists, bylines, footers) are kept in the list
with a ``set_aside_reason`` — never silently dropped.

This module assembles; each field has its resolver, which returns the value and the cue that
decided it: ``resolve_period`` (the one period grammar of ``regiondev.periods``),
``resolve_place`` (the gazetteer of ``data/places.toml``), ``resolve_status``, ``resolve_kind``
and ``resolve_indicator``; ``furniture`` finds bylines, footers and the text's date. Cue words
are data (``data/cues.toml``, read by ``lexicon``).

Only lines and sentences that can hold a number are cleaned and scanned: ``clean`` works line
by line and no token crosses a sentence end, so this gives the same tokens as scanning the
whole clean text (tests check it on the seeds). Cue work that is the same for every token
of a sentence (status, region, the default period) is done once per sentence. A sentence
longer than ``MAX_SENTENCE`` (a table pasted as one line) is read in pieces cut at clause
marks, and every look-back of a figure is a bisection or a bounded window: extraction time
is linear in the input.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from regiondev._extract.bound_cues import bound_cues
from regiondev._extract.furniture import detect_date, furniture_lines, parse_date, title_period
from regiondev._extract.kind_cues import kind_cues
from regiondev._extract.resolve_indicator import (
    INDICATOR_RE,
    clause_start,
    growth_is_nominal,
    growth_subjects,
    guess_indicator,
)
from regiondev._extract.resolve_kind import (
    CHANGE_REASONS,
    CUE_KIND,
    GROWTH_AFTER,
    KIND_CUE,
    KIND_REASON,
    UNIT_KIND,
    change_reason,
    code_reason,
)
from regiondev._extract.resolve_period import (
    ANNUAL_REPORT_MONTHS,
    CLAUSE_ONLY,
    REVIEW_MONTHS,
    SUB_PERIOD,
    YEAR_IN_FORCE,
    PeriodResolver,
    is_compared,
)
from regiondev._extract.resolve_place import (
    county_of_zone,
    detect_region,
    detect_subject,
    is_county_city,
    listed_parks,
    place_mentions,
    place_re,
    region_code,
    resolve_name,
    respective,
    respective_order,
    sentence_places,
    subject_of,
    supplier_after,
    zone_names,
)
from regiondev._extract.resolve_status import (
    ACTUAL_NOW,
    ANNUAL_REPORT,
    DONE,
    EVENT_LEAD_DAY,
    FORECAST,
    PERIOD_AHEAD,
    POLICY_NUMBER_LINE,
    POLICY_TITLE,
    QUOTED_TARGET,
    REPORTED_PLAN,
    SPAN_FLOW,
    SPAN_STOCK,
    aspirational,
    heading_section,
    sentence_status,
)
from regiondev._extract.rulefile import alternation
from regiondev.model import Bound
from regiondev.numbers import (
    MONEY_UNITS,
    FigureParseError,
    ParsedFigure,
    Token,
    TokenKind,
    parse_figure,
    scan_spans,
)
from regiondev.periods import ON_PREVIOUS
from regiondev.text import clean_length, clean_lines

__all__ = [
    "CLAIM_FIELDS",
    "CLAIM_SCHEMA",
    "Claim",
    "DocClaims",
    "detect_date",
    "detect_region",
    "extract_text",
    "parse_date",
    "region_code",
]


class Claim(NamedTuple):
    """One numeric token of a document and what the text says about it.

    ``value``, ``low`` and ``high`` are None for a token that is no figure (a date, period,
    code or plan structure): it has no value, and None shows as null in JSON and blank in CSV
    and tables, never as NaN. An unbounded end of a figure's interval is ±inf (null in JSON).
    """

    source: str
    value: float | None
    unit: str
    bound: str
    low: float | None
    high: float | None
    figure: str
    quote: str
    status: str
    kind: str
    period: str
    region: str
    basis: str
    start: int
    end: int
    indicator_guess: str
    cues: str
    set_aside_reason: str
    token_kind: str
    aspirational: bool
    step: float
    sentence_start: int
    sentence_end: int
    #: The part of the region the figure is of (a county, district or zone: 醴陵, 长沙高新区).
    subject: str = ""


CLAIM_FIELDS: tuple[str, ...] = Claim._fields
#: Polars dtype names of the claim fields, for frames built from many claims (a column whose
#: first rows are all None would otherwise be inferred as Null).
CLAIM_SCHEMA: dict[str, str] = {
    f: {
        "value": "Float64",
        "low": "Float64",
        "high": "Float64",
        "step": "Float64",
        "start": "Int64",
        "end": "Int64",
        "sentence_start": "Int64",
        "sentence_end": "Int64",
        "aspirational": "Boolean",
    }.get(f, "String")
    for f in CLAIM_FIELDS
}


@dataclass(frozen=True, slots=True)
class DocClaims:
    """The claims of one document and the facts used to read them."""

    source: str
    claims: tuple[Claim, ...]
    path: str = ""
    date: str = ""
    date_origin: str = ""
    region: str = ""
    region_origin: str = ""
    chars: int = 0
    damaged: tuple[tuple[int, int, str], ...] = field(default=())
    title: str = ""

    @property
    def kept(self) -> tuple[Claim, ...]:
        """Claims not set aside."""
        return tuple(c for c in self.claims if not c.set_aside_reason)


# ---------------------------------------------------------------------------------------------
# Characters that can start or carry a numeric token. A line or sentence without any of them
# holds no token (``numbers.scan`` needs a digit, a Chinese numeral, a Roman class numeral,
# 首位, 唯一, 半, 万 (万亿大关), 翻 (翻番) or 一成 in every token it yields; a test holds this).
_CAND = re.compile(
    r"[\d二两兩三四五六七八九十百千万〇零ⅠⅡⅢⅣⅤⅥ半翻]|[第前初去近来來唯]一|一(?:季度|年前|成)|首位"
)
_CAND_LEAD = "\\d二两兩三四五六七八九十百千万〇零ⅠⅡⅢⅣⅤⅥ半翻"
# Whether a text holds a match of ``_CAND`` (tests hold the two alike): the same test written
# to open with one class, so the engine skips to the next possible character by itself
# instead of trying the four alternatives at every position.
_HAS_CAND = re.compile(
    f"[{_CAND_LEAD}第前初去近来來唯一首]"
    f"(?:(?<=[{_CAND_LEAD}])|(?<=[第前初去近来來唯])一|(?<=一)(?:季度|年前|成)|(?<=首)位)"
)
_SENTENCE = re.compile(r"[^。！？；!?;\n]+")
_YEAR_RE = re.compile(r"((?:19|20)\d{2})年")
# Clauses: a comma ends one unless it sits between digits (1,254家). No token crosses one.
# (runs of plain characters as one repeat: the same clauses, found faster than one
# alternation per character)
_CLAUSE = re.compile(r"(?:[^，,]+|(?<=\d),(?=\d))+")


@dataclass(slots=True)
class _Para:
    """What earlier sentences of the same paragraph established."""

    target: bool = False
    period: str = ""
    period_cue: str = ""
    region: str = ""
    region_cue: str = ""
    #: the cue of a heading that makes the paragraphs under it targets (二、2024年主要预期目标)
    section_cue: str = ""
    #: the last span of years the paragraph named (“十四五”期间, 2021—2025年)
    span: str = ""
    #: the period in force was set by a target sentence (到2025年…)
    period_of_target: bool = False
    #: the start year of the last pair of levels the paragraph named (由2020年的…提高到…):
    #: the year of a later pair's start that prints none (由1.8万家增加到2.3万家)
    pair_from: str = ""
    #: the parks the sentence before listed (…新材料产业园分别…。各园区分别新签约…: theirs)
    parks: tuple[str, ...] = ()


@dataclass(slots=True)
class _Sentence:
    text: str
    start: int  # clean-document offset
    status_target: bool
    status_cue: str
    explicit_actual: bool
    forecast_at: int  # where 预计 is first written (-1: nowhere); what follows is a forecast
    periods: list[tuple[int, str, str]]  # (end offset in sentence, period, cue)
    region: str  # the first place named (what the sentence tells the next ones)
    region_cue: str
    places: list[tuple[int, str, str]]  # (end offset, region, name)
    kinds: list[tuple[int, str, str]]  # (end offset, kind, cue)
    indicators: list[tuple[int, int, str]]  # (end offset, rule index, cue)


class _Reader(PeriodResolver):
    """Per-document state: date, default region, last explicit year."""

    def __init__(self, source: str, date: dt.date | None, region: str) -> None:
        super().__init__(date)
        self.date_iso = date.isoformat() if date is not None else ""
        self.source = source
        self.region = region
        #: The part of the region the text is about (长沙经开区, 浏阳), if it is one.
        self.subject = ""
        #: The year of the last target that printed one (2025年…预期增长…。全市要确保…:
        #: 2025), for targets that print none.
        self.target_year = ""
        #: The end year of the plan the text last named (到2025年 in a plan's target, 十四五):
        #: the year of a plan's target quoted with no year (“4000家”的规划目标).
        self.plan_year = ""
        #: The zone the text last named (region, name): what a bare 园区 later means.
        self.last_zone: tuple[str, str] | None = None
        #: The year a text of its first months reviews (2024年… in January 2025): the year of
        #: what later paragraphs print without one.
        self.review_year = ""
        #: The day of the event a news lead prints (6月17日，…签约仪式举行): what the text's
        #: later figures with no period of their own are dated to, instead of its date.
        self.event_day = ""
        #: Where the headline ends (0: no headline in the text) and the year the lead's first
        #: prose line prints: the period of a headline figure that prints none.
        self.title_end = 0
        self.lead_year = ""
        #: A policy document (若干措施, 长政办发〔2025〕9号): its promises are targets.
        self.policy = False

    # -- sentences ---------------------------------------------------------------------------
    def sentence(self, text: str, start: int, para: _Para) -> _Sentence:
        doc_year = self.date.year if self.date else None
        periods = self.periods(text)
        target, cue, explicit_actual = sentence_status(text, doc_year, periods, para.target)
        if (
            para.section_cue
            and not target
            and not explicit_actual
            and (doc_year is None or all(p[:4] >= str(doc_year) for _, p, _ in periods if p))
        ):
            # under a heading of the year's targets, what names no past period is a target
            target, cue = True, para.section_cue
        if (
            self.policy
            and not target
            and not explicit_actual
            and not (
                periods
                and doc_year is not None
                and periods[0][1][:4].isdigit()
                and int(periods[0][1][:4]) < doc_year
                and "对" not in text[: periods[0][0]]
            )
        ):
            # a policy's measures promise (按…的10%给予补助, 专项资金15亿元); only what a
            # sentence opening with a past period reports (2024年，全市…) happened
            target, cue = True, "a policy document's measure"
        # places named as subjects (not 全国第4位, 占全国比重: fields of comparison); a figure
        # takes the nearest one before it (株洲…在全国168个重点城市中: 168 is national)
        places = sentence_places(text, self.region, para.region, para.region_cue)
        region, region_cue = (places[0][1], places[0][2]) if places else ("", "")
        kinds = [(m.end(), CUE_KIND[m.group(0)], m.group(0)) for m in KIND_CUE.finditer(text)]
        indicators = [
            (m.end(), int(str(m.lastgroup)[1:]), m.group(0)) for m in INDICATOR_RE.finditer(text)
        ]
        return _Sentence(
            text=text,
            start=start,
            status_target=target,
            status_cue=cue,
            explicit_actual=explicit_actual,
            forecast_at=m4.start() if (m4 := FORECAST.search(text)) else -1,
            periods=periods,
            region=region,
            region_cue=region_cue,
            places=places,
            kinds=kinds,
            indicators=indicators,
        )


def _end(cue: tuple[int, str, str]) -> int:
    return cue[0]


def _nearest(cues: list[tuple[int, str, str]], pos: int) -> tuple[str, str] | None:
    """The last cue ending at or before ``pos`` (cues are in text order; a sentence holds a
    few, so a scan from the end beats a bisection with its key calls)."""
    for end, value, cue in reversed(cues):
        if end <= pos:
            return value, cue
    return None


_new_claim = tuple.__new__


def _joined(cues: list[str]) -> str:
    """The cues, each once, in order, without empty ones, joined with "; "."""
    unique = dict.fromkeys(cues)
    unique.pop("", None)
    return "; ".join(unique)


# Enum .value is a descriptor call; these are plain lookups.
_KIND_VALUE = {k: k.value for k in TokenKind}
_BOUND_VALUE = {b: b.value for b in Bound}


def _sentence_claims(
    reader: _Reader,
    toks: list[Token],
    sent: _Sentence,
    para: _Para,
    furniture: str,
    damaged: tuple[tuple[int, int, str], ...],
) -> list[Claim]:
    """The claims of one sentence's tokens; what is the same for every token is worked once."""
    source = reader.source
    base = sent.start
    stext = sent.text
    quote = stext.strip()
    sstart = base + (len(stext) - len(stext.lstrip()))
    send = sstart + len(quote)
    status = "target" if sent.status_target else "actual"
    status_cue = sent.status_cue
    # where the sentence's target cue is (a carried context: before the sentence)
    status_at = stext.find(status_cue) if status_cue and status_cue in stext else -1
    # a figure before any place of its sentence is of the paragraph's place (醴陵市…增长5.8%；
    # 规模以上…: 醴陵's), else the text's; a place named after it is the next clause's
    # (…合计超过8000亿元,长沙市…: the 8000 is not Changsha's)
    sentence_region = para.region or reader.region
    sentence_region_cue = para.region_cue if para.region else ""
    places = sent.places
    periods = sent.periods
    kinds = sent.kinds
    indicators = sent.indicators
    # The period of a token with no period cue before it: the sentence's first, for the tokens
    # of its clause (长沙…1.2万余家,上半年营业收入…: 上半年 is not the count's), else the
    # paragraph's, the title's, or (for what is not a flow) the text's date.
    first_period: tuple[str, str] | None = None
    first_clause = 0
    if periods and periods[0][1] and not periods[0][2].endswith(CLAUSE_ONLY):
        first_period = (periods[0][1], periods[0][2])
        first_clause = max(stext.rfind("，", 0, periods[0][0]), stext.rfind(",", 0, periods[0][0]))
    if para.period and not (status == "actual" and para.period_of_target):
        # (a target's year, 规划提出，到2025年…, is no period of a record that follows it)
        default_period = (para.period, para.period_cue + " (earlier in the paragraph)")
    elif status == "actual" and reader.title_period:
        default_period = (
            reader.title_period,
            f"no period printed: the title's {reader.title_cue}",
        )
    elif status == "actual" and reader.review_year:
        default_period = (
            reader.review_year,
            f"no period printed: a review of {reader.review_year} in the first months after it",
        )
    elif status == "actual" and reader.event_day:
        default_period = (
            reader.event_day,
            "no period printed: the day of the event the text reports",
        )
    elif status == "actual" and reader.date is not None:
        default_period = (reader.date_iso, "no period printed: the text's date")
    elif status == "target" and reader.policy:
        # a policy's rates, caps and rewards hold while it is in force: no period of their own
        default_period = ("", "no period printed: a policy's measure")
    elif status == "target" and reader.target_year:
        default_period = (
            reader.target_year,
            f"no period printed: the target year in force, {reader.target_year}",
        )
    else:
        default_period = ("", "no period printed")
    growth_period = money_period = default_period
    if (
        para.period
        and default_period[0] == para.period
        and "月" in para.period_cue
        and (month_end := _MONTH_END.fullmatch(para.period))
    ):
        # 截至6月底，园区有…108家。园区完成产业投资31.5亿元: an amount of a later sentence is a
        # flow over the months to that day (a count stays at the day)
        months = f"{month_end[1]}M01-M{month_end[2]}"
        money_period = (months, para.period_cue + " (an amount: the months to that day)")
    elif default_period[0] and default_period[0] in (reader.date_iso, reader.event_day):
        # a growth rate runs over a period, never at a date; so does an amount of money in
        # these texts (output, GDP, exports: a year's or months'), which at the text's date
        # would count as that year's. A count at the date stands (the catalog's convention).
        growth_period = (
            "",
            "no period printed: a growth rate's period is not the text's date; fill in",
        )
        money_period = (
            "",
            "no period printed: an amount's period is not the text's date; fill in",
        )
    # 分别 over parks or zones the gazetteer need not know: this sentence's lists, else the
    # sentence before's (…新材料产业园分别…。各园区分别新签约项目12个、9个和7个)
    parks = listed_parks(stext) if "分别" in stext else []
    order: dict[int, tuple[int, int]] = {}
    if parks or (para.parks and "分别" in stext):
        order = respective_order(
            stext, [t.start for t in toks if t.kind is TokenKind.FIGURE and t.parsed is not None]
        )
    out: list[Claim] = []
    prev_change, prev_end = "", -1
    subjects: list[tuple[int, bool]] | None = None  # growth subjects, found at the first growth
    # words some rules need, looked up once per sentence
    apart_words = "约" in stext or "不到" in stext or "不足" in stext or "近" in stext
    has_cap = "最高" in stext
    averaged_pair = "年均" in stext and ("从" in stext or "由" in stext)
    has_goal = "目标" in stext
    has_invest = "总投资" in stext
    # a bare 园区 (the zone the text last named), found once per sentence
    bare_zone = _BARE_ZONE.search(stext) if reader.last_zone and "园区" in stext else None
    paired = ("到" in stext or "至" in stext) and ("从" in stext or "由" in stext)
    for tok in toks:
        tstart = tok.start
        start, end = base + tstart, base + tok.end
        parsed = tok.parsed
        if parsed is None or tok.kind is not TokenKind.FIGURE:
            reason = code_reason(tok.text) if tok.kind is TokenKind.CODE else KIND_REASON[tok.kind]
            out.append(
                _new_claim(
                    Claim,
                    (
                        source,
                        None,
                        "",
                        "",
                        None,
                        None,
                        tok.text,
                        quote,
                        "",
                        "",
                        "",
                        "",
                        "",
                        start,
                        end,
                        "",
                        "",
                        reason,
                        _KIND_VALUE[tok.kind],
                        False,
                        0.0,
                        sstart,
                        send,
                        "",
                    ),
                )
            )
            continue
        reason = ""
        if damaged:
            # the runs are in text order and do not overlap: the first ending after the
            # token's start is the only one that can hold it
            di = bisect_right(damaged, start, key=_run_end)
            if di < len(damaged) and damaged[di][0] < end:
                reason = f"inside the byte-damaged run {damaged[di][2]!r}"
        if not reason:
            reason = furniture
        unit = parsed.unit
        if not reason:
            reason = change_reason(stext, tstart, tok.end, unit)
        if (
            not reason
            and unit == "items"
            and stext[tok.end - 1] in "省市县区"
            and (pm := place_re().search(stext, max(0, tstart - 6), min(len(stext), tok.end + 6)))
            and pm.start() <= tstart
            and pm.end() >= tok.end
        ):
            # 中部六省: the six is part of the joint region's name, no count
            reason = f"part of a place's name ({pm.group(0)}), not a quantity"
        if not reason and prev_change and _JOINED.fullmatch(stext, prev_end, tstart):
            # 分别比上年末增加11家和103家: the second is a change like the first
            reason = prev_change
        prev_change = reason if reason.startswith(CHANGE_REASONS) else ""
        prev_end = tok.end
        figure = tok.text
        cues: list[str] = []
        tstatus, tcue = status, status_cue
        if (
            status == "actual"
            and 0 <= sent.forecast_at < tstart
            and ACTUAL_NOW.search(stext, sent.forecast_at, tstart) is None
        ):
            # 预计全年增长6%: a forecast (but 预计…,1-11月已完成…: what happened)
            tstatus, tcue = "target", "预计: a forecast"
        elif status == "target":
            # 全年计划新增2000家,1—11月已新增1812家 / 全市已新增500家,到2025年将达到3000家:
            # what 已 says happened, after the target cue or before it
            done = DONE.search(stext, status_at + 1 if status_at < tstart else 0, tstart)
            if done is not None and not PERIOD_AHEAD.search(stext, done.end(), tstart):
                tstatus, tcue = "actual", f"{done.group(0)}: what happened"
            elif (
                status_cue.startswith("将")
                and status_at > tok.end
                and not para.target
                and not any(p for _, p, _ in sent.periods)
            ):
                # 某项目总投资120亿元，落户…，建成后将形成…: 将 says what will follow, not what
                # the clauses before it report (a sentence with no period, no plan around it)
                tstatus, tcue = "actual", "将 after the figure: what it reports is no target"
            elif (
                status_cue.endswith("is after the text's date")
                and sent.forecast_at > tok.end
                and not para.target
                and reader.date is not None
                and all(
                    e > sent.forecast_at
                    for e, p, _ in sent.periods
                    if p[:4].isdigit() and int(p[:4]) > reader.date.year
                )
            ):
                # 项目总投资18亿元，预计2027年建成: the year ahead is the forecast's, after the
                # figure; what the clauses before it report is no target
                tstatus, tcue = "actual", "预计 after the figure: what it reports is no target"
        if (
            tstatus == "actual"
            and parsed.bound is Bound.AT_LEAST
            and (verb := _REACHED.match(figure))
        ):
            # 达到X / 提高到X in a report of what happened is the level reached (exact at its
            # printed precision, as 达X reads); in a target (到2025年达到X) it stays at least X
            reached = _plain_figure(figure[verb.end() :])
            if reached is not None and reached.bound is Bound.EXACT:
                parsed, figure, start = reached, reached.text, start + verb.end()
                cues.append(f"{verb.group(0)}: a level already reached, read exact")
        elif (
            tstatus == "target"
            and parsed.bound is Bound.EXACT
            and (floor := _TARGET_FLOOR.search(stext, max(0, tstart - 4), tstart))
            and (at_least := _plain_figure("达到" + figure)) is not None
            and at_least.bound is Bound.AT_LEAST
        ):
            # 达产后年产值可达30亿元 / 到2025年将达5000亿元: a target's floor, as 达到X
            parsed = at_least
            cues.append(f"{floor.group(0)}: at least, as 达到 in a target")
        if (
            apart_words
            and parsed.bound is Bound.EXACT
            and (apart := _QUALIFIER_APART.search(stext, max(0, tstart - 14), tstart))
        ):
            # 约占全国的6.4% / 不到广东省的二十分之一: a qualifier bounds the figure it is
            # separated from by a verb and a field
            word = next(w for w in apart.groups() if w)
            bounded = _plain_figure(word + figure)
            if bounded is not None and bounded.bound is not Bound.EXACT:
                parsed = bounded
                cues.append(f"{apart.group(0)}: {word} {figure}")
        if (
            has_cap
            and stext.find("最高", max(0, tstart - 8), tstart) != -1
            and parsed.bound is Bound.EXACT
            and (cap := _CAP.search(stext, max(0, tstart - 8), tstart))
            and (capped := _plain_figure("不超过" + figure)) is not None
        ):
            # 单个项目最高补助1000万元: a cap, at most the figure
            parsed = capped
            cues.append(f"{cap.group(0)}: a cap, at most {figure}")
        if (
            unit == "enterprises"
            and tstart
            and stext[tstart - 1] in _PLATFORM_LAST
            and (plat := _PLATFORM.search(stext, max(0, tstart - 6), tstart))
        ):
            # 国家级企业技术中心1家: innovation platforms counted by 家, not enterprises
            unit = "platforms"
            cues.append(f"{plat.group(0)}: an innovation platform")
        kind = UNIT_KIND.get(unit, "other")
        if not unit and (
            figure[-1:] in _COUNT_WORDS or stext[tok.end : tok.end + 1] in _COUNT_WORDS
        ):
            # 市场主体4500余户, 工业机器人1200台: things counted (no canonical unit)
            kind = "count"
            cues.append(f"{figure}{stext[tok.end : tok.end + 1]}: a count")
        if unit == "times" and (grew := _GROWTH_BY.search(stext, max(0, tstart - 3), tstart)):
            # 增长2倍以上: growth by a multiple (+200 % and more), not a level
            kind = "growth"
            cues.append(f"{grew.group(0)}: growth by a multiple")
        elif unit == "times" and figure.startswith("翻"):
            kind = "growth"  # 翻一番 / 翻番: a doubling, growth by 100 %
            cues.append(f"{figure}: growth by doubling")
        # A cue may end inside the token only when the token holds it: 下降3.1% is a growth.
        tend = tok.end
        if unit == "percent" and kinds and kinds[0][0] <= tend:
            # the nearest kind cue of the figure's own clause (…年均增长15%以上,研发经费投入
            # 强度达到2.6%: the 2.6% is no growth)
            kend, kkind, kcue = kinds[bisect_right(kinds, tend, key=_end) - 1]
            if kend > tstart or _CLAUSE_END.search(stext, kend, tstart) is None:
                kind = kkind
                cues.append(kcue)
        if (
            unit == "percent"
            and kind == "share"
            and not cues
            and (
                stext.startswith("的", tstart - 1) or "分别" in stext[max(0, tstart - 20) : tstart]
            )
            and (par := _PARALLEL.search(stext, max(0, tstart - 20), tstart))
            and (
                prev_pct := next(
                    (c for c in reversed(out) if c.unit == "percent" and not c.set_aside_reason),
                    None,
                )
            )
            is not None
            and prev_pct.kind == "growth"
        ):
            # 河南、安徽分别增长6.8%和7.1%，江西、山西分别为5.9%… / 仅次于湖北的7.7%: a list
            # parallel to the growth before it, or the yardstick's own growth
            kind = "growth"
            cues.append(f"{par.group(0)}: parallel to the growth rate before it")
        if (
            unit == "percent"
            and kind == "share"
            and not cues
            and (after := GROWTH_AFTER.match(stext, tend))
        ):
            kind = "growth"  # 力争实现5%左右的增长: the growth word after the figure
            cues.append(after.group(0))
        if tcue:
            cues.append(tcue)
        near_p = _nearest(periods, tstart) if periods and periods[0][0] <= tstart else None
        if near_p is not None and near_p[1].endswith(CLAUSE_ONLY):
            # 其中9月份增长4.5%,…: the part holds for its own clause only
            at = bisect_right(periods, tstart, key=_end) - 1
            commas = list(_CLAUSE_END.finditer(stext, periods[at][0], tstart))
            if (
                commas
                and not (
                    # 其中9月份完成产值168.2亿元，增长12.6%: a clause opening with its predicate
                    # is the month's too (one clause on, no subject of its own)
                    len(commas) == 1
                    and near_p[1].endswith(SUB_PERIOD)
                    and _NO_SUBJECT.match(stext, commas[0].end())
                )
            ) or _SENTENCE_GAP.search(stext, periods[at][0], tstart):
                whole = [p for p in periods[:at] if not p[2].endswith(CLAUSE_ONLY)]
                near_p = (whole[-1][1], whole[-1][2]) if whole else None
        if (
            near_p is not None
            and near_p[1].endswith(YEAR_IN_FORCE)
            and para.period
            and not _SPAN.fullmatch(para.period)  # never an earlier plan's span
        ):
            # …增长7.7%。两年平均增长5.7%: the paragraph's period is in force
            near_p = (para.period, near_p[1].removesuffix(YEAR_IN_FORCE) + " (the paragraph's)")
        if near_p is not None and near_p[1] in ("今年", "本年"):
            # 截至9月,今年全市…47个: 今年 restates the year of a more precise period before it
            at = bisect_right(periods, tstart, key=_end) - 1
            finer = [p for p in periods[:at] if p[1].startswith(near_p[0]) and len(p[1]) > 4]
            if finer:
                near_p = (finer[-1][1], finer[-1][2])
        if (
            near_p is not None
            and paired
            and (
                pair := _FROM_YEAR_TO.search(
                    stext,
                    max(0, tstart - 40),
                    # (由2020年的2.15%|提高到2.7%: the token's own verb holds the 到)
                    tstart + (verb.end() if (verb := _REACHED.match(tok.text)) else 0),
                )
            )
            and near_p[0] == pair[1]
        ):
            # 由2020年的1068家增加到1492家: the end of the pair is not of the start's year
            near_p = None
            if first_period is not None and first_period[0] == pair[1]:
                first_period = None
        if near_p is None and first_period is not None and tstart > first_clause:
            near_p = first_period
        if near_p is None:
            near_p = (
                growth_period
                if kind == "growth"
                else money_period
                if unit in MONEY_UNITS
                else default_period
            )
        period, pcue = near_p
        if (
            period
            and has_invest
            and unit in MONEY_UNITS
            and _ONE_PROJECT.search(stext, max(0, tstart - 12), tstart)
            and (
                stext.startswith("的", tok.end)
                or _ONE_PROJECT_BEFORE.search(stext, max(0, tstart - 12), tstart)
            )
        ):
            period, pcue = "", "总投资: a project's total investment, no period"
        elif (
            has_invest
            and unit in MONEY_UNITS
            and _LEAD_DAY.match(pcue)
            and _ONE_PROJECT.search(stext, max(0, tstart - 12), tstart)
        ):
            # 6月17日，…签约仪式举行。现场共签约项目52个，总投资868.5亿元: the event's day dates
            # what was signed, not the projects' total investment (no period)
            period, pcue = "", "总投资: the projects' total investment, no period (not the day's)"
        if (
            tstatus == "target"
            and tcue.endswith("is after the text's date")
            and reader.date is not None
            and (ys := _SPAN_END.findall(period))
            and int(ys[-1]) <= reader.date.year
        ):
            # “十四五”时期…,2021年全省…增长7.7%: a plan period named as context does not
            # make a figure of a past period a target
            tstatus = "actual"
            cues.remove(tcue)
        if (
            reader.policy
            and tstatus == "target"
            and period[:4].isdigit()
            and reader.date is not None
            and int(period[:4]) < reader.date.year
        ):
            # 对上年度研发投入…的企业，按…20%给予补贴: the year of a condition, no period of
            # the promise
            period, pcue = "", pcue + " (a policy's condition: the measure has no period)"
        if (
            tstatus == "actual"
            and reader.review_year
            and (cut := _SPAN.fullmatch(period))
            and cut[1] <= reader.review_year < cut[2]
        ):
            # “十四五”以来…年均增长6.6% in a review of 2024: what happened is of the years to the
            # year reviewed, 2021-2024, not the whole plan
            period = f"{cut[1]}-{reader.review_year}"
            pcue += f" (to the year reviewed, {reader.review_year})"
        if kind != "growth" and (span := _SPAN.fullmatch(period)):
            # 2012年至2021年,…从2000家增加到11000家: the start at the span's first year,
            # the end at its last
            if _FROM.search(stext, max(0, tstart - 12), tstart):
                period, pcue = span[1], pcue + " (从: the span's first year)"
            elif _FROM_TO.search(stext, max(0, tstart - 40), tstart):
                period, pcue = span[2], pcue + " (到: the span's last year)"
            elif (
                tstatus == "actual"
                and (
                    unit == "rank"
                    # (the figure's own 达到 / 约为 is part of its token: read up to its end)
                    or SPAN_STOCK.search(stext, clause_start(stext, tstart) + 1, tend)
                )
                and not SPAN_FLOW.search(stext, clause_start(stext, tstart) + 1, tstart)
            ):
                # “十四五”期间…新增412家，总数达到608家 / 普及率达到82.3%: a stock, a rate or a
                # rank at the span's end is of its last year, not of the span
                period, pcue = span[2], pcue + " (a stock at the span's end: its last year)"
        if (
            kind != "growth"
            and para.pair_from
            and len(period) == 4
            and period > para.pair_from
            and _FROM.search(stext, max(0, tstart - 12), tstart)
        ):
            # 由2020年的11.6%提高到2025年的15.2%；规模以上工业企业由1.8万家增加到2.3万家: the
            # start of a later pair of the paragraph is of the year its first pair started
            period, pcue = para.pair_from, pcue + f" (由: the start of a pair, {para.pair_from})"
        if kind == "growth" and _DAY.fullmatch(period):
            # 截至9月底增长6%: the months since January; 截至目前: a period not printed
            day = dt.date.fromisoformat(period)
            if (day + dt.timedelta(days=1)).day == 1:
                period = f"{day.year}M01-M{day.month:02d}"
                pcue += " (a growth rate to a month's end: the months since January)"
            else:
                period = ""
                pcue += " (a growth rate's period is not a day: fill in)"
        if (
            kind == "growth"
            and len(period) == 4
            and averaged_pair
            and (pair := _FROM_YEAR_TO_YEAR.search(stext, max(0, tstart - 80), tstart))
        ):
            # 从2012年的7000.5亿元增加到2021年的13190.2亿元,年均增长7.3%: the average of the
            # years of growth between the two levels, 2013 to 2021
            first, last = int(pair["a"]), int(pair["b"])
            if last == int(period) and first < last:
                period = f"{first + 1}-{last}"
                pcue += f" (年均 from the {first} level to the {last}: {period})"
        if (
            kind == "growth"
            and (cum := _CUMULATIVE.fullmatch(period))
            and cum[2]
            and cum[2] != cum[3]
            and ON_PREVIOUS.search(stext, max(0, tstart - 6), tstart)
        ):
            # 1—11月…其中，11月当月增长7.9%，环比增长0.62%: a change on the month before is of
            # the last month alone
            period = f"{cum[1]}M{cum[3]}-M{cum[3]}"
            pcue += " (环比: the last month alone)"
        if has_goal and (goal := QUOTED_TARGET.match(stext, tok.end)):
            # 提前一年完成“4000家”的规划目标: the plan's target (met or not), of its end year
            # (the plan named in the sentence, else the one in force for a 规划目标 or a
            # quoted one); 增长8%以上的预期目标: a target of its own period
            tstatus = "target"
            cues.append(f"{goal.group(0)}: a target quoted")
            if (
                unit == "percent"
                and kind == "share"
                and out
                and out[-1].kind == "growth"
                and not any(clause_start(stext, tstart) < e <= tstart for e, _, _ in kinds)
            ):
                # 预计…增长7%左右，能够完成年初确定的6.5%的预期目标: a goal with no kind word of
                # its own is of the kind of the figure it is the yardstick for (growth)
                kind = "growth"
                cues.append("a goal quoted after a growth rate: growth")
            prev = clause_start(stext, tstart)
            if (
                prev > 0
                and (cmp := _GOAL_COMPARED.match(figure))
                and _DIGIT.search(stext, clause_start(stext, prev) + 1, prev)
                and (goal_figure := _plain_figure(figure[cmp.end() :])) is not None
            ):
                # 提高到15.2%，超过14%的规划目标: 超过 compares the actual before it with the
                # goal; the goal itself is 14%, exact
                parsed, figure, start = goal_figure, goal_figure.text, start + cmp.end()
                cues.append(f"{cmp.group(0)}: the actual compared with the goal, not its bound")
            plans = [
                p[-4:]
                for e, p, c in periods
                if e <= tstart and c[:1] == "十" and _SPAN.fullmatch(p)
            ]
            named = "规划" in goal.group(0) or goal.group(0)[:1] in '”"’'
            plan_year = plans[-1] if plans else (reader.plan_year if named else "")
            if plan_year:
                period, pcue = plan_year, f"the plan's end year {plan_year}"
        if not period and tstatus == "actual" and sstart < reader.title_end and reader.lead_year:
            # a headline's figure (产值突破1700亿元) with no period: of the year the lead's
            # first sentence reports (2024年，…实现产值1732亿元)
            period, pcue = reader.lead_year, f"a headline: the lead's year {reader.lead_year}"
        cues.append(pcue)
        if (
            kind == "growth"
            and len(period) == 4
            and para.span.endswith(period)
            and pcue.endswith(" (earlier in the paragraph)")
            and stext.rfind("年均", 0, tstart) > clause_start(stext, tstart)
        ):
            # “十四五”期间，…由2020年的…增加到2025年的…；规模工业增加值年均增长8.1%: the average
            # over the span the paragraph named that ends in the year in force
            period = para.span
            cues.append(f"年均: the span {period} the paragraph named")
        elif (
            kind == "growth"
            and tstatus == "target"
            and len(period) == 4
            and reader.date is not None
            and int(period) > reader.date.year
            and stext.rfind("年均", 0, tstart) > clause_start(stext, tstart)
        ):
            # 到2027年…年均增长7%: an average over the years to 2027, from the text's year
            period = f"{reader.date.year}-{period}"
            cues.append(f"年均: the span {period} assumed (its first year is not printed)")
        near_r = _nearest(places, tstart) if places and places[0][0] <= tstart else None
        if near_r is not None and "、" in near_r[0] and "分别" not in stext:
            # 分布在长沙、株洲等地,共有…200家: places listed in an earlier clause are examples,
            # not the subject of a figure that follows
            at = next(p[0] for p in reversed(places) if p[0] <= tstart)
            # (but a clause with no subject of its own continues the list's: 长沙、株洲、湘潭
            # 三市合计666家，占全省…的51.8%)
            own_from = max(stext.rfind("，", at, tstart), stext.rfind(",", at, tstart))
            if own_from != -1 and not _NO_SUBJECT.match(stext, own_from + 1):
                near_r = _nearest([p for p in places if "、" not in p[1]], tstart)
        if near_r is not None and unit == "rank" and near_r[0] == "china":
            # a rank is of the place ranked, rarely of the nation the ranking spans
            # (株洲…在全国168个城市中…居全国第十); 我国…居世界第一 keeps china
            near_r = _nearest([p for p in places if p[1] != "china"], tstart) or near_r
        elif (
            near_r is not None
            and unit == "rank"
            and near_r[1] == "全市"
            and (sentence_region_cue in ("全区", "全县") or subject_of(sentence_region_cue))
        ):
            # (雨花区…)增速居全市各区县第三位: the city is the field its part is ranked in
            near_r = (sentence_region, sentence_region_cue)
        elif near_r is not None and unit == "rank" and near_r[1] == "全省":
            # 醴陵经开区…在全省省级园区综合评价中排名第三: the province is the field ranked in;
            # the rank is of the place named before it (else the paragraph's or the text's)
            near_r = _nearest([p for p in places if p[2] != "全省"], tstart) or (
                (sentence_region, sentence_region_cue)
                if sentence_region and sentence_region != near_r[0]
                else near_r
            )
        region, region_cue = (
            near_r if near_r is not None else (sentence_region, sentence_region_cue)
        )
        place = region_cue
        listed = "、" in region
        if listed and (own := respective(stext, toks, tstart, region, reader.region)):
            region, region_cue, place = own
        if order and tstart in order and not listed:
            own_park = _park_of(stext, tstart, order[tstart], parks, para.parks, places)
            if own_park:
                place = ""
                region_cue = (
                    f"{own_park[0]} (分别: the {own_park[1] + 1}. of {'、'.join(own_park[2])})"
                )
        else:
            own_park = None
        if region_cue:
            cues.append(region_cue)
        if kind == "share" and "由" in stext and (by := supplier_after(stext, tok.end)):
            # 全国…中，近四成的牵引系统由株洲企业提供: the share of the place that supplies it
            region, place = resolve_name(by, reader.region), by
            cues.append(f"由{by}: the share of the place that supplies it")
        subject = own_park[0] if own_park else subject_of(place)
        if (
            not subject
            and reader.last_zone
            and region == reader.last_zone[0]
            and (not place or place == "全区")
            and bare_zone is not None
            and bare_zone.start() < tstart
        ):
            # 醴陵经开区…。\n园区新增企业30家: a bare 园区 is the zone the text last named
            subject = reader.last_zone[1]
            cues.append(f"园区: {subject}, the zone last named")
        if (
            not subject
            and reader.subject
            and region == reader.region
            and (
                not place
                or place in ("全区", "全县")
                or (place == "全市" and is_county_city(reader.subject))
            )
        ):
            # a figure of the text's region named by no place, or by 全区 (or 全市 of a
            # county-level city): of the part the text is about (园区实现…, 全市现有…)
            subject = reader.subject
        if kind == "growth":
            if subjects is None:
                subjects = growth_subjects(stext)
            basis = "nominal" if growth_is_nominal(subjects, tstart) else "real"
        elif kind == "level" and unit in ("cny_100m", "usd"):
            basis = "nominal"
        else:
            basis = "not_applicable"
        guess, icue = guess_indicator(stext, tstart, tend, kind, unit, indicators)
        if icue:
            cues.append(icue)
        out.append(
            _new_claim(
                Claim,
                (
                    source,
                    parsed.value,
                    unit,
                    _BOUND_VALUE[parsed.bound],
                    parsed.low,
                    parsed.high,
                    figure,
                    quote,
                    tstatus,
                    kind,
                    period,
                    region,
                    basis,
                    start,
                    end,
                    guess,
                    _joined(cues),
                    reason,
                    _KIND_VALUE[tok.kind],
                    aspirational(stext, tstart),
                    parsed.step,
                    sstart,
                    send,
                    subject,
                ),
            )
        )
    return out


_OWN_LIST = re.compile(r"[、和及与]")
# 其中香港企业…: a place right after 其中 names a part of the whole before it
_SUBSET_BEFORE = ("其中", "其中，", "其中,")


def _place_start(sent: _Sentence) -> int:
    """Where the sentence's first place (its region cue) starts."""
    return sent.places[0][0] - len(sent.places[0][2]) if sent.places else 0


# A bare 园区 (not the end of a name: 工业园区): the zone of the text
_BARE_ZONE = re.compile(r"(?:^|(?<=[，,：:；;。年月度来日]))园区")


def _park_of(
    stext: str,
    tstart: int,
    index: tuple[int, int],
    parks: list[tuple[int, tuple[str, ...]]],
    before: tuple[str, ...],
    places: list[tuple[int, str, str]],
) -> tuple[str, int, tuple[str, ...]] | None:
    """The park a figure after 分别 is of, by its order: (name, index, the list), from the
    list before the 分别 in the sentence, else (no place named before the 分别) the list of the
    sentence before; only when the 分别 lists as many figures as the list names."""
    i, n = index
    at = stext.rfind("分别", 0, tstart)
    own = [names for end, names in parks if end <= at]
    if own:
        names = own[-1]
    elif (
        before
        and not any(p[0] <= at for p in places)
        and not _OWN_LIST.search(stext, max(0, stext.rfind("，", 0, at)), at)
    ):
        # (各园区分别…: the parks before; 电子、机械行业分别…: a list of its own, no park)
        names = before
    else:
        return None
    return (names[i], i, names) if len(names) == n else None


def _first(item: tuple[int, object] | tuple[int, int, str]) -> int:
    return item[0]


def _run_end(run: tuple[int, int, str]) -> int:
    return run[1]


_CLAUSE_END = re.compile(r"[，,]")
# A project's total investment: 总投资15亿元的…项目, (某…)项目总投资50亿元 (but not the total of
# projects signed: 签约项目…总投资568亿元, 新签约项目总投资合计…)
# the first year a lead prints (2024年，…)
_LEAD_YEAR = re.compile(r"((?:19|20)\d{2})年")
# How many days before its date a text reports an event as news (6月17日 in a text of 18 June)
_EVENT_DAYS = 7
# 6月17日 (a news lead's day, the cue of a period)
_LEAD_DAY = re.compile(r"\d{1,2}月\d{1,2}日")
_ONE_PROJECT = re.compile(r"总投资(?:约|达|超过|超|近)?$")
_ONE_PROJECT_BEFORE = re.compile(
    r"(?<!签约)(?<!开工)(?<!在建)(?<!重点)(?<!重大)(?<!各)(?<!批)项目总投资(?:约|达|超过|超|近)?$"
)
_CUMULATIVE = re.compile(r"(\d{4})(?:M(\d{2})-M(\d{2})|Q([1-4])-Q([1-4]))")
_ONE_MONTH = re.compile(r"(\d{4})M(\d{2})-M\2")


def _month_of(period: str, in_force: str) -> bool:
    """A single month (2021M06-M06) inside the longer run of months or quarters in force
    (2021M01-M06, 2021Q1-Q3, a single quarter 2021Q1-Q1)."""
    one = _ONE_MONTH.fullmatch(period)
    whole = _CUMULATIVE.fullmatch(in_force) if one else None
    if one is None or whole is None or one[1] != whole[1]:
        return False
    if whole[2]:
        first, last = int(whole[2]), int(whole[3])
    else:
        first, last = 3 * int(whole[4]) - 2, 3 * int(whole[5])
    return first < last and first <= int(one[2]) <= last


# A clause that opens with its predicate has the subject of the clause before
_NO_SUBJECT = re.compile(r"(?:约|共|合计|分别)?(?:占|比重|同比|环比|比上年|增长|下降|增速)")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH_END = re.compile(r"(\d{4})-(\d{2})-(?:28|29|30|31)")


# Measure words of things counted that have no canonical unit (households or firms, machines)
_COUNT_WORDS = kind_cues().count_words
_JOINED = re.compile(r"(?:和|、|及|与|以及)")
# A qualifier separated from its figure: 约占全国的6.4%, 约为… (not 签约, 节约…), 不到广东的
# 二十分之一, 超过全国的一半
# (data/bound_cues.toml; each qualifier's one group is its word)
_QUALIFIER_APART = re.compile(f"(?:{alternation(bound_cues().apart)})$")
# 达到X / 提高到X / 增加到X: a level reached (in a report of what happened, exact)
_REACHED = re.compile(alternation(bound_cues().reached))
_TARGET_FLOOR = re.compile(alternation(bound_cues().target_floor))
# 最高补助1000万元: a cap (data/bound_cues.toml [cap])
_CAP = re.compile(f"(?:{alternation(bound_cues().cap)})")
_GOAL_COMPARED = re.compile(alternation(bound_cues().goal_compared))
_DIGIT = re.compile(r"\d")
# 增长2倍 / 增加3倍: growth by a multiple (增长到2倍 is a level reached, not growth by 2 times)
_GROWTH_BY = re.compile(alternation(kind_cues().by_multiple_before))
# 分别为5.9% / 仅次于湖北的7.7%: parallel to the percent before it (data/kind_cues.toml)
_PARALLEL = re.compile(f"(?:{alternation(kind_cues().parallel_before)})")
# 技术中心1家: a platform counted by 家 (data/kind_cues.toml [count] platform_words)
_PLATFORM = re.compile(f"(?:{'|'.join(map(re.escape, kind_cues().platform_words))})$")
_PLATFORM_LAST = frozenset(w[-1] for w in kind_cues().platform_words)
_SENTENCE_GAP = re.compile(r"[；;]")
# 从2012年的…增加到2021年的…,年均增长: a pair of levels with their years, then an average
_FROM_YEAR_TO_YEAR = re.compile(
    r"[从由](?P<a>(?:19|20)\d{2})年[^。；;]{1,40}?(?:到|至)(?P<b>(?:19|20)\d{2})年"
    r"[^。；;]{1,30}?年均[^，,。；;]{0,8}$"
)
_SPAN = re.compile(r"(\d{4})-(\d{4})")
# 由2020年的11.6%提高到2025年的15.2%: a pair of levels whose start prints its year
_PAIR_FROM_YEAR = re.compile(r"[从由]((?:19|20)\d{2})年(?:底|末)?的[^。；;]{1,30}?(?:到|至)")
_SPAN_END = re.compile(r"(?<!\d)\d{4}(?!\d)")
# after 由2021年: 的 (or 底的, 末的) opens the start of a pair of levels
_PAIR_OF = re.compile(r"(?:底|末)?的")
_FROM = re.compile(r"(?:从|由)[^，,。；;从由到至]{0,10}$")
# 由2020年的1068家增加到|1492家: the end of a pair that prints no year of its own
_FROM_YEAR_TO = re.compile(
    r"[从由]((?:19|20)\d{2})年(?:底|末)?的?[^，,。；;从由\d]{0,12}(?:[\d.]+|第[一二三四五六七八九十]+)"
    r"[^，,。；;从由]{0,6}?(?:到|至)[^，,。；;\d年]{0,4}$"
)
_FROM_TO = re.compile(r"[从由][^，,。；;从由]{1,30}?(?:到|至)[^，,。；;到至]{0,6}$")


def _plain_figure(text: str) -> ParsedFigure | None:
    try:
        return parse_figure(text)
    except FigureParseError:
        return None


def _scan_clauses(sentence: str) -> list[Token]:
    """numbers.scan over the clauses that can hold a number, offsets in the sentence."""
    if "," not in sentence and "，" not in sentence:
        return scan_spans(sentence, ((0, len(sentence)),))
    has_cand = _HAS_CAND.search
    return scan_spans(
        sentence,
        [
            span
            for cm in _CLAUSE.finditer(sentence)
            if has_cand(sentence, *(span := cm.span())) is not None
        ],
    )


#: A "sentence" longer than this many characters (a table pasted as one line, a list with no
#: full stop) is read in pieces cut at clause marks, so the cue work of each figure looks back
#: over a bounded window and extraction stays linear in its input. Prose never comes near it
#: (the longest sentence of the seeds has 302 characters).
MAX_SENTENCE = 1000
# Where a long sentence may be cut: after a clause mark (not a comma between digits: 1,254).
_CUT = re.compile(r"[，、；：:\s]|,(?!\d)")
# What a cut with no clause mark near avoids splitting: the characters of a number.
_NUMBER_CHAR = frozenset("0123456789.%％")


def _sentences(text: str) -> list[tuple[int, str]]:
    """The sentences of a clean line, (start, text); an overlong one in pieces of at most
    ``MAX_SENTENCE`` characters, each cut after the last clause mark in its second half
    (else before a run of digits, else anywhere)."""
    if len(text) <= MAX_SENTENCE:  # (no sentence to cut: the common line, read at once)
        return [(m.start(), m.group()) for m in _SENTENCE.finditer(text)]
    return list(_cut_sentences(text))


def _cut_sentences(text: str) -> Iterator[tuple[int, str]]:
    for sm in _SENTENCE.finditer(text):
        a, n = sm.span()
        while n - a > MAX_SENTENCE:
            limit = a + MAX_SENTENCE
            cut = -1
            for cm in _CUT.finditer(text, a + MAX_SENTENCE // 2, limit):
                cut = cm.end()
            if cut == -1:
                cut = limit
                while cut > limit - 64 and text[cut - 1] in _NUMBER_CHAR:
                    cut -= 1
                if cut == limit - 64:
                    cut = limit
            yield a, text[a:cut]
            a = cut
        yield a, text[a:n]


def extract_text(
    raw: str,
    *,
    source: str = "doc",
    date: str | dt.date | None = None,
    region: str | None = None,
    path: str = "",
    title: str = "",
) -> DocClaims:
    """Every numeric claim of one raw text (see the module docstring)."""
    date_origin = ""
    if isinstance(date, str):
        parsed_date = parse_date(date) if date else None
        date_origin = "given" if parsed_date else ""
    else:
        parsed_date = date
        date_origin = "given" if date else ""
    if parsed_date is None:
        parsed_date = detect_date(raw)
        date_origin = "byline" if parsed_date else ""
    region_origin = "given" if region else ""
    mentions = place_mentions(raw)  # (read once: the region and the subject count them)
    if not region:
        region = detect_region(raw, mentions)
        region_origin = "most named place" if region else ""
    reader = _Reader(source, parsed_date, region)
    reader.subject = detect_subject(raw, region, mentions) if region else ""
    lines = raw.splitlines(keepends=True)
    first_line = title or next((x for x in lines if x.strip()), "")
    reader.title_period, reader.title_cue = title_period(first_line, parsed_date)
    reader.title_year = reader.title_period[:4]
    _, furniture = furniture_lines(lines)
    # a policy document (若干措施; 长政办发〔2025〕9号 on a line of its own): read once
    reader.policy = POLICY_TITLE.search(first_line) is not None or (
        "〔" in raw and POLICY_NUMBER_LINE.search(raw) is not None
    )
    if not title and first_line:
        reader.title_end = raw.find(first_line) + len(first_line)
        lead = next(
            (
                line
                for i, line in enumerate(lines)
                if i not in furniture and line is not first_line and len(line.strip()) > 20
            ),
            "",
        )
        if (ly := _LEAD_YEAR.search(lead)) is not None and (
            parsed_date is None or int(ly[1]) <= parsed_date.year
        ):
            reader.lead_year = ly[1]
        if parsed_date is not None and (ev := EVENT_LEAD_DAY.search(lead)) is not None:
            # 第五届…博览会9月12日在湖南株洲开幕 (a text of 14 September): the event's day
            try:
                day = dt.date(parsed_date.year, int(ev[1]), int(ev[2]))
            except ValueError:
                day = None
            if day is not None and 0 <= (parsed_date - day).days <= _EVENT_DAYS:
                reader.event_day = day.isoformat()
    claims: list[Claim] = []
    damaged_all: list[tuple[int, int, str]] = []
    offset = 0
    has_number = [_HAS_CAND.search(line) is not None for line in lines]
    cleaned = iter(clean_lines([line for line, ok in zip(lines, has_number, strict=True) if ok]))
    cand_search = _HAS_CAND.search
    sentence_of = reader.sentence
    zones = zone_names()
    doc_year = parsed_date.year if parsed_date else None
    # the section of a heading (二、2024年主要预期目标: targets; 一、过去一年工作回顾: 2023)
    section: tuple[bool, str, str] = (False, "", "")
    for i, line in enumerate(lines):
        if len(line) <= 40 and (head := heading_section(line, doc_year)) is not None:
            section = head
        if not has_number[i]:
            offset += clean_length(line) if "(" in line else len(line)
            continue
        text, runs = next(cleaned)
        damaged = tuple((offset + d.clean_start, offset + d.clean_end, d.raw) for d in runs)
        damaged_all.extend(damaged)
        para = _Para()
        if reader.date is not None:
            # a dated text's periods printed without a year are of its own time, whatever
            # year an earlier paragraph named (2022年…。\n前三季度… in a 2023 report is 2023)
            reader.last_year = None
        if section[2]:
            para.target, para.period, para.period_cue = section
            para.section_cue = section[2] if section[0] else ""
            if section[1] and (not section[0] or section[1].isdigit()):
                # (a heading of the year's work, 三、2026年重点工作: 全年 under it is that year)
                reader.last_year = int(section[1][:4])
        reason = furniture.get(i, "")
        for sstart_in_line, stext in _sentences(text):
            if cand_search(stext) is None:
                continue
            toks = _scan_clauses(stext)
            if not toks:
                continue
            has_park = "园区" in stext
            if sstart_in_line and has_park and _BARE_ZONE.search(stext) is not None:
                # 雨花经开区是全区工业发展的主阵地。上半年，园区…: a zone named by the sentence
                # before (one with no number) is the zone a bare 园区 means
                before = text.rfind("。", 0, sstart_in_line - 1) + 1
                named = [
                    (resolve_name(m.group(0), reader.region), m.group(0))
                    for m in place_re().finditer(text, before, sstart_in_line)
                    if m.group(0) in zones
                ]
                if named:
                    reader.last_zone = named[-1]
            sent = sentence_of(stext, offset + sstart_in_line, para)
            claims.extend(_sentence_claims(reader, toks, sent, para, reason, damaged))
            # what this sentence establishes for the next ones
            # (a plan's target reported, 规划提出，到2025年…, ends with its sentence)
            para.target = (
                sent.status_target
                and not sent.explicit_actual
                and REPORTED_PLAN.search(stext) is None
            ) or section[0]
            # (a period a forecast names, 预计2025年底建成, is no period of later records)
            forecast_at = sent.forecast_at if sent.forecast_at >= 0 else len(stext)
            carried = [
                (period, cue)
                for end, period, cue in sent.periods
                if period
                and end <= forecast_at
                and not cue.endswith(CLAUSE_ONLY)
                and not (
                    cue.endswith(YEAR_IN_FORCE) and para.period and not _SPAN.fullmatch(para.period)
                )
            ]
            if any(not _SPAN.fullmatch(p) for p, _ in carried):
                # 2020年,…,2016—2020年年均增长7.2%: the span of an average is not the period
                # in force for the next sentences; the year is
                carried = [(p, c) for p, c in carried if not _SPAN.fullmatch(p)]
            in_force = para.period or reader.title_period
            for period, cue in reversed(carried):
                if period and not ("M" in period and _month_of(period, in_force)):
                    para.period, para.period_cue = period, cue
                    para.period_of_target = sent.status_target
                    break
                # (6月份，…。分行业看，…: a month of the cumulative months in force holds
                # for its own sentence; the next goes back to the cumulative months)
            for _, p, c in sent.periods:
                if (
                    len(p) == 10
                    and _LEAD_DAY.match(c)
                    and reader.date is not None
                    and 0 <= (reader.date - dt.date.fromisoformat(p)).days <= _EVENT_DAYS
                ):
                    # (the news of the days before the text's date: not a teaser's 4月9日 in
                    # a page of November)
                    reader.event_day = p
            if (pm := _PAIR_FROM_YEAR.search(stext)) is not None:
                para.pair_from = pm[1]
            for _, p, c in sent.periods:
                if len(p) == 9 and p[4] == "-":
                    para.span = p  # 2021-2025: the last span of years the paragraph named
                    if c[:1] == "十":
                        reader.plan_year = p[-4:]  # “十四五”: the end year of the plan in force
                elif len(p) == 4 and sent.status_target and c[:1] in "到至":
                    reader.plan_year = p  # 规划提出，到2025年…
            if sent.status_target and reader.date is not None:
                ahead = [
                    p
                    for e, p, c in sent.periods
                    if len(p) == 4
                    and p >= str(reader.date.year)
                    and not c.endswith(CLAUSE_ONLY)
                    and e <= forecast_at  # (not a forecast's: 预计2025年建成)
                ]
                if ahead:
                    reader.target_year = ahead[-1]
            if (
                reader.date is not None
                and reader.date.month <= REVIEW_MONTHS
                and not sent.status_target
                and any(p == str(reader.date.year - 1) for _, p, _ in sent.periods)
            ):
                # 2024年，全市… / 过去一年… in a January text: a review of the year before,
                # the year of what its later paragraphs print without one
                reader.review_year = str(reader.date.year - 1)
            elif (
                reader.date is not None
                and not reader.review_year
                and reader.date.month <= ANNUAL_REPORT_MONTHS
                and "报" in stext
                and ANNUAL_REPORT.search(stext) is not None
                and f"{reader.date.year - 1}年" in stext
            ):
                # 近日，中部各省发布2024年…统计公报 / 3月27日晚，公司发布2024年年度报告: a text
                # of the spring about the yearly report of the year before reviews that year
                reader.review_year = str(reader.date.year - 1)
            para.parks = (
                parks_of[-1][1] if "分别" in stext and (parks_of := listed_parks(stext)) else ()
            )
            for _, code, name in sent.places:
                if name in zones:
                    reader.last_zone = (code, name)
            if (
                has_park
                and reader.last_zone
                and sent.region_cue in ("", "全区", "全县")
                and _BARE_ZONE.search(stext) is not None
            ):
                # 雨花经开区是…主阵地。上半年，园区实现…；新引进项目23个: the zone a bare 园区
                # names is the paragraph's place (占全区的: the district is its whole)
                para.region, para.region_cue = reader.last_zone
            elif (
                sent.region
                and "、" not in sent.region
                and not (reader.subject and county_of_zone(sent.region_cue) == reader.subject)
                and not stext.endswith(_SUBSET_BEFORE, 0, _place_start(sent))
            ):
                # (nor a part after 其中: 其中香港企业逾40家 is a part of the exhibitors, not
                # the place of the sentences after)
                # (places listed together are no subject for the sentences after; nor is a
                # zone in its county's text: 宁乡经开区…。全年实施…120个 is 宁乡's, the text's)
                para.region, para.region_cue = sent.region, sent.region_cue
            # the year in force for later periods printed without one: not a byline's, nor a
            # plan's (2024年力争…: a later 前三季度 is still of the text's year)
            # (nor the base of a comparison: 比2019年同期增长15.2%)
            years = [
                int(ym[1])
                for ym in _YEAR_RE.finditer(stext)
                if ym.start() < forecast_at
                and not is_compared(stext, ym.start(), ym.end())
                # (nor the start of a pair: 由2021年的14%提高到22%。全年… is not 2021's)
                and not (
                    ym.start()
                    and stext[ym.start() - 1] in "由从"
                    and _PAIR_OF.match(stext, ym.end())
                )
            ]
            if reader.date is not None:
                years = [y for y in years if y <= reader.date.year]
            if years and not reason and not sent.status_target:
                reader.last_year = years[-1]
        offset += len(text)
    return DocClaims(
        source=source,
        claims=tuple(claims),
        path=path,
        date=parsed_date.isoformat() if parsed_date else "",
        date_origin=date_origin,
        region=region,
        region_origin=region_origin,
        chars=offset,
        damaged=tuple(damaged_all),
        title=title,
    )
