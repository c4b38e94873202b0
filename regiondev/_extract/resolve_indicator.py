"""Indicator resolver: which catalog indicator a figure is a value of, and the cue word that
decided it; and the basis of a growth rate (nominal for money flows, real for output).

The nearest indicator cue before the figure that has a code for the figure's (kind, unit)
wins, unless the clause names its own subject or another subject (出口, 税收…) stands between.
A count takes the noun after it (22条产业链).
"""

from __future__ import annotations

import re
from bisect import bisect_right

__all__ = [
    "INDICATOR_RE",
    "INDICATOR_RULES",
    "clause_start",
    "growth_is_nominal",
    "growth_subjects",
    "guess_indicator",
]

# Indicator guesses: cue → [(kind, unit, code)]; the cue nearest before the figure that fits
# the figure's kind and unit wins.
INDICATOR_RULES: dict[str, tuple[tuple[str, str, str], ...]] = {
    r"两年平均增长": (("growth", "percent", "gdp_growth_two_year_avg"),),
    r"规模(?:以上)?工业增加值": (
        ("growth", "percent", "industrial_va_growth"),
        ("level", "cny_100m", "industrial_va"),
    ),
    r"地区生产总值|GDP|经济总量": (
        ("growth", "percent", "gdp_growth"),
        ("level", "cny_100m", "gdp"),
    ),
    r"人均(?:GDP|地区生产总值)": (("level", "usd", "gdp_per_capita"),),
    r"利润": (("level", "cny_100m", "industrial_profit"),),
    r"工业投资": (("growth", "percent", "industrial_investment_growth"),),
    r"技改投资": (("growth", "percent", "technical_renovation_investment_growth"),),
    r"数字经济": (
        ("growth", "percent", "digital_economy_growth"),
        ("share", "percent", "digital_economy_share_gdp"),
    ),
    # not 高技术制造业 (a part of it) and not 制造业投资 (investment, not value added)
    # not a part (高技术/先进/装备…制造业), not 制造业投资 nor loans to manufacturing
    r"(?<!技术)(?<!先进)(?<!装备)(?<!电子)(?<!汽车)(?<!医药)制造业增加值"
    r"|(?<!技术)(?<!先进)(?<!装备)(?<!电子)(?<!汽车)(?<!医药)制造业(?!投资)(?!中长期)(?!贷款)": (
        ("growth", "percent", "manufacturing_va_growth"),
    ),
    r"高新技术产业[^，,]{0,8}增加值": (("level", "cny_100m", "hightech_va"),),
    # the “小巨人” list, not every 专精特新 (中小) enterprise
    r"国家级专精特新[“\"'‘]?小巨人": (
        ("count", "enterprises", "little_giant_enterprises_national"),
    ),
    r"省级专精特新[“\"'‘]?小巨人": (
        ("count", "enterprises", "little_giant_enterprises_provincial"),
    ),
    r"单项冠军": (("count", "enterprises", "single_champion_enterprises"),),
    r"智能制造试点": (("count", "enterprises", "smart_mfg_pilots_city_and_above"),),
    r"合格率": (("share", "percent", "product_quality_pass_rate"),),
    r"产业链": (("count", "items", "industrial_chains"),),
    r"常住人口": (("count", "persons", "resident_population"),),
}
_INDICATOR_OPTIONS = tuple(INDICATOR_RULES.values())
# (kind, unit) → indicator code, per rule (a later option of a rule wins, as it always has).
_INDICATOR_CODES = tuple({(k, u): code for k, u, code in opts} for opts in _INDICATOR_OPTIONS)
# The look-ahead holds the first character of every cue (tests check it against the cues), so
# the engine rejects most positions with one set test.
INDICATOR_FIRST = "两规地G经人利工技数制高国省单智合产常"
INDICATOR_RE = re.compile(
    f"(?=[{INDICATOR_FIRST}])(?:"
    + "|".join(f"(?P<r{i}>{cue})" for i, cue in enumerate(INDICATOR_RULES))
    + ")"
)


# Growth of money flows is reported in current prices (nominal); of output, in constant prices.
# Subjects that are none of the indicators the rules guess: a cue before one of them is not
# the figure's (规模工业增加值增长7.2%,出口增长20%: the 20% is of exports).
# A count after another kind of enterprise named in a later clause is that kind's
# (专精特新“小巨人”企业41家,高新技术企业1200余家: the 1200 are high-tech enterprises).
_OTHER_COUNTED = re.compile(r"[,，、;；][^,，、;；]*企业")
_OTHER_SUBJECT = re.compile(
    r"出口|进口|外贸|营业收入|主营业务收入|营收|税收|销售|制造业投资|民间投资|固定资产投资"
    r"|交易额|消费品零售|产值|第[一二三]产业|高技术制造业|高新技术产业|装备制造业|先进制造业"
    r"|研发|强度|投资|贷款|存款"
)
_TWO_YEAR_RULE = list(INDICATOR_RULES).index(r"两年平均增长")

# The last subject named before a growth rate decides: a money flow, or an output measure.
_GROWTH_SUBJECT = re.compile(
    r"(?P<nominal>投资(?!企业)|利润|收入|营收|销售|出口|进口|外贸|税收|消费品零售|存款|贷款|交易额)"
    r"|(?P<real>增加值|生产总值|GDP|经济总量|产量|工业(?!投资))"
)


def growth_subjects(stext: str) -> list[tuple[int, bool]]:
    """The subjects a growth rate can be of, in text order: (end offset, a money flow?)."""
    return [(m.end(), m.lastgroup == "nominal") for m in _GROWTH_SUBJECT.finditer(stext)]


def growth_is_nominal(subjects: list[tuple[int, bool]], tstart: int) -> bool:
    """A growth rate of a money flow (current prices), judged by the last subject named
    before it in its sentence (a bisection of the sentence's subjects)."""
    i = bisect_right(subjects, tstart, key=_first)
    return i > 0 and subjects[i - 1][1]


# the tail of an earlier number in the words before a figure
_PARTIAL_NUMBER = re.compile(r"^[\d.%％]+[年月日个家项亿万元]?[,，、]?")


def _first(item: tuple[int, object] | tuple[int, int, str]) -> int:
    return item[0]


_MONTH_ON_MONTH = re.compile(r"环比")
# Nouns that make a clause's own subject: a cue of an earlier clause is not its figure's
# (but 总量/规模 refer back to it: 地区生产总值年均增长7.1%,总量突破3000亿元).
_CLAUSE_SUBJECT = re.compile(
    r"产值|收入|营收|投资|总额|人口|产量|(?<!国民)经济|行业|价格|贷款|存款|用电|消费|出口|进口"
)


def clause_start(stext: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts (the index of its comma; -1 for the first)."""
    return max(stext.rfind("，", 0, pos), stext.rfind(",", 0, pos))


# The noun right after a count (个/家/条… already in the figure): 22条产业链, 三大产业集群.
_COUNTED_NOUN = re.compile(
    r"(?![以左上余多之中和及与或、居位排列占为是达在比较同增减下降提分其共累])[\u4e00-\u9fff“\"]{2,8}"
)


def guess_indicator(
    stext: str, tstart: int, tend: int, kind: str, unit: str, indicators: list[tuple[int, int, str]]
) -> tuple[str, str]:
    """(indicator code or "unknown", the cue word) of the figure at [tstart, tend)."""
    guess, icue = "unknown", ""
    counted = kind == "count" and _COUNTED_NOUN.match(stext, tend) is not None
    if counted:
        # 22条产业链 / 三大产业集群: the noun after a count is what it counts
        after = next((x for x in indicators if 0 <= x[0] - len(x[2]) - tend <= 4), None)
        if after is not None and (code := _INDICATOR_CODES[after[1]].get((kind, unit))):
            guess, icue = code, after[2]
        else:
            icue = _COUNTED_NOUN.match(stext, tend).group(0)  # type: ignore[union-attr]
    elif _MONTH_ON_MONTH.search(stext, clause_start(stext, tstart) + 1, tstart):
        icue = "环比: on the month before, not year on year"
    elif indicators and indicators[0][0] <= tstart:
        key = (kind, unit)
        clause = clause_start(stext, tstart)
        own_subject = _CLAUSE_SUBJECT.search(stext, clause + 1, tstart) is not None
        # those ending after the figure are never its cue: start before them
        for iend, idx, word in reversed(indicators[: bisect_right(indicators, tstart, key=_first)]):
            if iend <= clause and own_subject:
                break  # 全省数字经济规模突破1.8万亿元: the clause names its own subject
            if iend <= tstart and (code := _INDICATOR_CODES[idx].get(key)):
                # another subject named after the cue (出口, 税收…) is the figure's own;
                # a two-year average is of the subject just before it
                since = iend - len(word) - 12 if idx == _TWO_YEAR_RULE else iend
                other = _OTHER_SUBJECT if unit != "enterprises" else _OTHER_COUNTED
                if other.search(stext, max(0, since), tstart) is None:
                    guess, icue = code, word
                break
    if guess == "unknown" and not counted and not icue:
        # the words before the figure, without the tail of an earlier number
        icue = _PARTIAL_NUMBER.sub("", stext[max(0, tstart - 10) : tstart]).strip(" ,，、")
    return guess, icue
