"""Find every numeric claim in a text, with the cues a reviewer needs.

``extract_text(raw, source=..., date=..., region=...)`` cleans the text line by line with
``text.clean_lines`` (the seeds' normalisation of ``text.clean``: pinyin annotations removed,
traditional → simplified, damaged runs found), reads every number with ``numbers.scan`` (the
one number reader) and returns a :class:`DocClaims` whose claims carry the figure (value, unit,
bound, interval), its sentence, and cues for status, kind, period, region, basis and indicator.
Dates, periods, phone and licence numbers, plan structures, figures inside damaged runs and
page furniture (navigation, related-headline lists, bylines, footers) are kept in the list
with a ``set_aside_reason`` — never silently dropped.

Only lines and sentences that can hold a number are cleaned and scanned: ``clean`` works line
by line and no token crosses a sentence end, so this gives the same tokens as scanning the
whole clean text (tests check it on the seeds). Cue work that is the same for every token
of a sentence (status, region, the default period) is done once per sentence.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from regiondev.model import Bound
from regiondev.numbers import (
    MOBILE_NUMBER,
    MONEY_UNITS,
    SCALE_WORDS,
    FigureParseError,
    ParsedFigure,
    Token,
    TokenKind,
    parse_figure,
    scan,
)
from regiondev.text import clean_length, clean_lines

__all__ = [
    "CLAIM_FIELDS",
    "CLAIM_SCHEMA",
    "Claim",
    "DocClaims",
    "detect_date",
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
_SENTENCE = re.compile(r"[^。！？；!?;\n]+")
_YEAR_RE = re.compile(r"((?:19|20)\d{2})年")
_YEARS = re.compile(r"(?<!\d)\d{4}(?!\d)")
# Clauses: a comma ends one unless it sits between digits (1,254家). No token crosses one.
_CLAUSE = re.compile(r"(?:[^，,]|(?<=\d),(?=\d))+")

# Page furniture: keywords written with optional pinyin annotations and traditional forms.
_TRAD = {
    "发": "發",
    "时": "時",
    "间": "間",
    "来": "來",
    "阅": "閱",
    "读": "讀",
    "关": "關",
    "标": "標",
    "签": "簽",
    "闻": "聞",
    "热": "熱",
    "荐": "薦",
    "责": "責",
    "编": "編",
    "辑": "輯",
    "权": "權",
    "声": "聲",
    "转": "轉",
    "务": "務",
    "电": "電",
    "话": "話",
    "点": "點",
    "视": "視",
    "频": "頻",
    "网": "網",
    "备": "備",
    "号": "號",
    "联": "聯",
    "系": "繫",
    "址": "址",
    "邮": "郵",
    "箱": "箱",
    "览": "覽",
}


def _tolerant(word: str) -> str:
    parts = []
    for ch in word:
        alt = _TRAD.get(ch, "")
        cls = f"[{ch}{alt}]" if alt else re.escape(ch)
        parts.append(cls + r"(?:\([^()\s]{1,8}\))?")
    return "".join(parts)


def _keywords(*words: str) -> re.Pattern[str]:
    return re.compile("|".join(_tolerant(w) for w in words))


_BYLINE = _keywords(
    "发布时间",
    "时间:",
    "时间：",
    "来源:",
    "来源：",
    "供稿:",
    "供稿：",
    "日期:",
    "日期：",
    "浏览:",
    "浏览：",
)
_FOOTER = _keywords(
    "延伸阅读",
    "相关阅读",
    "标签阅读",
    "相关新闻",
    "热点新闻",
    "推荐阅读",
    "热点视频",
    "责任编辑",
    "版权所有",
    "版权及免责",
    "免责声明",
    "文章来源",
    "转自:",
    "转自：",
    "服务电话",
    "联系我们",
)
_DATE_IN_LINE = re.compile(r"((?:19|20)\d{2})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})")

# Regions: the four the model knows, and other provinces and cities by their Chinese names.
_REGION_CODES = {
    "湖南": "hunan",
    "长沙": "changsha",
    "長沙": "changsha",
    "株洲": "zhuzhou",
    "全国": "china",
    "全國": "china",
    "我国": "china",
    "我國": "china",
}
_OTHER_PLACES = [
    "北京",
    "天津",
    "上海",
    "重庆",
    "河北",
    "山西",
    "辽宁",
    "吉林",
    "黑龙江",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "广东",
    "海南",
    "四川",
    "贵州",
    "云南",
    "陕西",
    "甘肃",
    "青海",
    "台湾",
    "内蒙古",
    "广西",
    "西藏",
    "宁夏",
    "新疆",
    "香港",
    "澳门",
    "深圳",
    "广州",
    "武汉",
    "成都",
    "杭州",
    "南京",
    "西安",
    "郑州",
    "苏州",
    "合肥",
    "南昌",
    "太原",
    "济南",
    "青岛",
    "厦门",
    "宁波",
    "湘潭",
    "衡阳",
    "岳阳",
    "常德",
    "益阳",
    "郴州",
    "永州",
    "怀化",
    "娄底",
    "邵阳",
    "张家界",
    "湘西",
    "长株潭",
]
# Counties, districts and zones of Changsha and Zhuzhou: name → (the city, the subject). A
# figure of one is the city's region with the part as its subject, the catalog's convention.
_SUB_AREAS = {
    name: (city, name)
    for city, names in (
        (
            "changsha",
            "长沙县 浏阳 宁乡 望城区 芙蓉区 天心区 岳麓区 开福区 雨花区 "
            "长沙高新区 长沙经开区 湘江新区 麓谷",
        ),
        ("zhuzhou", "醴陵 攸县 茶陵 炎陵 渌口区 芦淞区 荷塘区 石峰区 天元区 株洲高新区 株洲经开区"),
    )
    for name in names.split()
}
# county-level cities: their 全市 is the county's
_COUNTY_CITIES = frozenset({"醴陵", "浏阳", "宁乡"})
# a place named in a street (黄河北路, 湖南路) is no place of the text
_REGION_RE = re.compile(
    "(?:"
    + "|".join(
        sorted(
            [*_REGION_CODES, *_OTHER_PLACES, *_SUB_AREAS, "全市", "全省", "全区"],
            key=len,
            reverse=True,
        )
    )
    + ")(?![路街])"
)
_COMPARISON = re.compile(r"(?:同类|同行业)?(?:第|首位|前列|百强|省会|重点城市|唯一|领先)")
_NATIONAL_HINT = re.compile(r"国家(?!级)|國家(?!級)|工信部|工业和信息化部")
_HUNAN_SET = {
    "hunan",
    "changsha",
    "zhuzhou",
    "湘潭",
    "衡阳",
    "岳阳",
    "常德",
    "益阳",
    "郴州",
    "永州",
    "怀化",
    "娄底",
    "邵阳",
    "张家界",
    "湘西",
}
_CITIES = {
    "changsha",
    "zhuzhou",
    *list(_HUNAN_SET - {"hunan"}),
    "深圳",
    "广州",
    "武汉",
    "成都",
    "杭州",
    "南京",
    "西安",
    "郑州",
    "苏州",
    "合肥",
    "南昌",
    "太原",
    "济南",
    "青岛",
    "厦门",
    "宁波",
}

# Status: words that make a figure a target.
_YEAR_TARGET = re.compile(r"(?:到|至|在)((?:19|20)\d{2})年(?:底|末|前)?")
_TARGET = re.compile(
    r"力争|目标|确保|预计到|规划到|未来(?:\d{1,2}|[一二三四五六七八九十])年|"
    r"(?<!按)计划(?:到|在|新增|建成|建设|推动|实现|完成|投资|打造|引进|培育|用)|"
    r"将[^，,。；]{0,15}?(?:达到|突破|超过|实现|提高|增加|迈上|形成|建成|建设|推动|培育|打造|引进|新建)|"
    r"(?:还|仍|更)?要(?:再)?(?:建设|推动|培育|打造|新增|引进|实施|建成|新建)"
)
# Words of what has happened: such a sentence never inherits its paragraph's target context.
# 预计 (expected) makes a forecast of what follows it, not of the whole sentence.
_FORECAST = re.compile(r"预计(?!到)")
_ACTUAL_NOW = re.compile(
    r"目前|当前|截至|已(?:经|有|新增|完成|达到?|累计|实现|突破|超过)|现有|排名|位列|位居|名列|荣获|入选|获评|获批|实现了|完成了"
)

# Periods.
# The leading look-ahead lets the regex engine reject most positions with one set test.
_PERIOD_CUE = re.compile(
    r"(?=[\d十前上下第一二三四过近未今本去明目当截现如到至两全年])"
    r"(?:(?P<yr>(?P<yr_a>(?:19|20)\d{2})\s*[—\-－~～至到]\s*(?P<yr_b>(?:19|20)\d{2})年)"
    r"|(?P<ym>(?P<ym_y>(?:19|20)\d{2})年(?P<ym_a>\d{1,2})\s*[—\-－~～至到]\s*(?P<ym_b>\d{1,2})月)"
    r"|(?P<mm>(?P<mm_a>\d{1,2})\s*[—\-－~～至]\s*(?P<mm_b>\d{1,2})月)"
    r"|(?P<firstn>(?:(?P<fn_y>(?:19|20)\d{2})年)?前\s*(?P<fn_n>\d{1,2}|[一二两三四五六七八九十]{1,3})"
    r"\s*个?月)"
    r"|(?P<q>(?:(?P<q_y>(?:19|20)\d{2})年)?前\s*(?P<q_n>[1-4一二三四])\s*个?季度)"
    r"|(?P<q1>(?:(?P<q1_y>(?:19|20)\d{2})年)?(?:第)?(?P<q1_n>[1-4一二三四])\s*季度)"
    r"|(?P<half>(?:(?P<h_y>(?:19|20)\d{2})年)?(?P<h>[上下])半年)"
    r"|(?P<fyp>十(?P<fyp_n>[一二三四五六七八九])五)"
    r"|(?P<past>(?:过去|近)(?P<past_n>\d{1,2}|[一二三四五六七八九十])年)"
    r"|(?P<future>未来(?P<fut_n>\d{1,2}|[一二三四五六七八九十])年)"
    r"|(?P<mon>(?:(?P<mon_y>(?:19|20)\d{2})年)?(?P<mon_n>\d{1,2})月(?:份|当月))"
    r"|(?P<mon1>(?<=其中)(?P<mon1_n>\d{1,2})月(?![份\d]))"
    r"|(?P<upto>截至(?:(?P<up_y>(?:19|20)\d{2})年)?(?P<up_m>\d{1,2})月(?:底|末))"
    r"|(?P<ydate>(?P<yd_y>(?:19|20)\d{2})年(?P<yd_m>\d{1,2})月(?P<yd_d>\d{1,2})日)"
    r"|(?P<year>(?P<to>到|至)?(?P<y>(?:19|20)\d{2})年(?P<yq>底|末|初|中)?)"
    r"|(?P<ytd>(?:今年|本年|年初)以来)|(?P<this>今年|本年)|(?P<lastyear>去年|上年)|(?P<nextyear>明年)"
    r"|(?P<now>目前|当前|截至目前|现在|如今)"
    r"|(?P<two>两年平均)|(?P<fullyear>全年))"
)
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

# Kinds of percent figures: the nearest cue before the figure decides.
_KIND_CUE = re.compile(
    r"(?=[增同年下回降减负占比份率依覆环涨上])"
    r"(?:(?P<growth>增长|增速|增幅|同比|环比|年均增|下降|降低|减少|下滑|负增长|回落|增加了?"
    r"|涨幅|上涨)"
    r"|(?P<share>占|比重|比例|份额|率|依存度|覆盖))"
)
# Indicator guesses: cue → [(kind, unit, code)]; the cue nearest before the figure that fits
# the figure's kind and unit wins.
_INDICATOR_RULES: dict[str, tuple[tuple[str, str, str], ...]] = {
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
_INDICATOR_OPTIONS = tuple(_INDICATOR_RULES.values())
# (kind, unit) → indicator code, per rule (a later option of a rule wins, as it always has).
_INDICATOR_CODES = tuple({(k, u): code for k, u, code in opts} for opts in _INDICATOR_OPTIONS)
# The look-ahead holds the first character of every cue (tests check it against the cues), so
# the engine rejects most positions with one set test.
_INDICATOR_FIRST = "两规地G经人利工技数制高国省单智合产常"
_INDICATOR_RE = re.compile(
    f"(?=[{_INDICATOR_FIRST}])(?:"
    + "|".join(f"(?P<r{i}>{cue})" for i, cue in enumerate(_INDICATOR_RULES))
    + ")"
)

_UNIT_KIND = {
    "cny_100m": "level",
    "usd": "level",
    "enterprises": "count",
    "items": "count",
    "persons": "count",
    "rank": "rank",
    "percent": "share",
    "days": "other",
    "years": "other",
    "km2": "other",
    "chars": "other",
    "times": "other",
    "grade": "other",
    "kwh": "level",
    "kw": "level",
    "tonnes": "level",
    "mu": "level",
    "vehicles": "count",
    "person_trips": "count",
    "households": "count",
    "": "other",
}


def _small_number(text: str) -> int:
    """1–99 written in digits or Chinese numerals (十, 十一, 二十三); 0 if not such a number."""
    if text.isdigit():
        return int(text)
    if text in _CN_SMALL:
        return _CN_SMALL[text]
    tens, sep, ones = text.partition("十")
    if not sep or (tens and tens not in _CN_SMALL) or (ones and ones not in _CN_SMALL):
        return 0
    return (_CN_SMALL[tens] if tens else 1) * 10 + (_CN_SMALL[ones] if ones else 0)


# A line that is only a date (and perhaps a time), perhaps after the issuing body:
# 2024年3月28日, 2022-11-30 18:53, 湖南省工业和信息化厅　2023年12月20日.
_DATE_LINE = re.compile(
    r"(?:——|[^\s\d。，,：:]{2,24}[\s\u3000]+)?(?:19|20)\d{2}(?:年\d{1,2}月\d{1,2}日|[-/.]\d{1,2}[-/.]\d{1,2})"
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
    m = _BYLINE.search(line)
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
        if (m := _BYLINE.search(line)) and (d := parse_date(line[m.start() :])):
            return d
    return None


def _region_code(name: str) -> str:
    if name in _SUB_AREAS:
        return _SUB_AREAS[name][0]
    return _REGION_CODES.get(name, name)


_MODEL_REGIONS = frozenset(_REGION_CODES.values())
_PLACE_SUFFIX = re.compile(
    r"(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区|地区|州)$"
)


def region_code(name: str) -> str | None:
    """The code of a region given by a user: a model code (hunan…), or a place in Chinese,
    with or without 省/市 (湖南省 → hunan, 湘潭市 → 湘潭); None if regiondev does not know it."""
    name = name.strip()
    if name.lower() in _MODEL_REGIONS:
        return name.lower()
    for candidate in (name, _PLACE_SUFFIX.sub("", name)):
        if candidate in _REGION_CODES:
            return _REGION_CODES[candidate]
        if candidate in _SUB_AREAS:
            return _SUB_AREAS[candidate][0]
        if candidate in _OTHER_PLACES:
            return candidate
    return None


_NATIONAL_NAMES = frozenset({"全国", "全國", "我国", "我國"})
# Before a place: 占全国 (a share's denominator), 居全国, 比全省, 较全国, 高于全国.
_FIELD_BEFORE = ("占", "居", "比", "较", "与", "于", "超")
# Places listed together (长沙、株洲、湘潭 / 长沙和株洲), perhaps with 市 after each.
_PLACE_JOIN = re.compile(r"[市省县区]?(?:、|和|及)")
_YARDSTICK_BEFORE = re.compile(r"(?:占|居|比|较|[高低快慢优大小多少]于|超过)$")


def _is_comparison_field(text: str, m: re.Match[str]) -> bool:
    """A place named as the field a figure is compared in, not as the subject."""
    if _COMPARISON.match(text, m.end()):
        return True
    # 占全国比重 / 居全国 / 比全国: the nation as the yardstick (占全市总量 stays the city's)
    if m.group(0) in _NATIONAL_NAMES and m.start() > 0 and text[m.start() - 1] in _FIELD_BEFORE:
        return True
    # 湘潭…占全省比重, 增速高于全省: a place after a word of comparison is the yardstick
    # (but 占全市总量 is the city's own total, as it always was)
    return (
        m.group(0) not in ("全市", "全区")
        and _YARDSTICK_BEFORE.search(text, max(0, m.start() - 3), m.start()) is not None
    )


def detect_region(raw: str) -> str:
    """The region a text is mostly about: the most named place (national words count half).

    A place named as a field of comparison (居全国第4位, 占全省比重) does not count.
    """
    counts: dict[str, float] = {}
    province = 0  # 全省: the province, Hunan when the places named are Hunan's
    for m in _REGION_RE.finditer(raw):
        name = m.group(0)
        if _is_comparison_field(raw, m):
            continue
        if name in ("全市", "全省", "全区"):
            province += name == "全省"
            continue
        code = _region_code(name)
        counts[code] = counts.get(code, 0.0) + 1.0
    if province and any(code in _HUNAN_SET for code in counts):
        counts["hunan"] = counts.get("hunan", 0.0) + province
    national = sum(1 for _ in _NATIONAL_HINT.finditer(raw))
    counts["china"] = counts.get("china", 0.0) + 0.5 * national
    best = max(counts.items(), key=lambda kv: kv[1])
    return best[0] if best[1] > 0 else ""


@dataclass(slots=True)
class _Para:
    """What earlier sentences of the same paragraph established."""

    target: bool = False
    period: str = ""
    period_cue: str = ""
    region: str = ""
    region_cue: str = ""


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


class _Reader:
    """Per-document state: date, default region, last explicit year."""

    def __init__(self, source: str, date: dt.date | None, region: str) -> None:
        self.source = source
        self.date = date
        self.region = region
        self.last_year: int | None = None
        #: The one year a title names (2023年…统计公报), when not after the text's date.
        self.title_year = ""

    # -- periods ---------------------------------------------------------------------------
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

    def periods(self, text: str) -> list[tuple[int, str, str]]:
        out: list[tuple[int, str, str]] = []
        ctx_year: int | None = None
        doc_year = self.date.year if self.date else None
        for m in _PERIOD_CUE.finditer(text):
            if _COMPARED_PERIOD.search(text, max(0, m.start() - 2), m.start()):
                continue  # 比上半年, 较1—9月: the period compared with, not the figure's own
            cue = m.group(0)
            period = ""
            # The alternatives are top-level named groups; lastgroup names the one that matched.
            g = m.lastgroup
            if g == "yr":
                a, b = int(m["yr_a"]), int(m["yr_b"])
                ctx_year = b
                period = f"{a}-{b}" if a < b else ""
            elif g == "ym":
                y, a, b = int(m["ym_y"]), int(m["ym_a"]), int(m["ym_b"])
                ctx_year = y
                period = f"{y}M{a:02d}-M{b:02d}" if 1 <= a <= b <= 12 else ""
            elif g == "mm":
                a, b = int(m["mm_a"]), int(m["mm_b"])
                y2 = self._year_for(None, ctx_year, b)
                period = f"{y2}M{a:02d}-M{b:02d}" if y2 and 1 <= a <= b <= 12 else ""
            elif g == "firstn":
                months = _small_number(m["fn_n"])
                y2 = self._year_for(m["fn_y"], ctx_year, months)
                period = f"{y2}M01-M{months:02d}" if y2 and 1 <= months <= 12 else ""
            elif g == "q":
                n = m["q_n"]
                q = int(n) if n.isdigit() else _CN_SMALL[n]
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
            elif g == "fyp":
                n = 10 + _CN_SMALL[m["fyp_n"]]
                first = 1953 + 5 * (n - 1) + 3  # the 1963-65 adjustment years shift plans 3+
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
                period = f"{y2}M{n:02d}-M{n:02d}" if y2 and 1 <= n <= 12 else ""
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
                forecast = (
                    ("预计" in text[: m.start()] or _TARGET.search(text) is not None)
                    and ctx_year is None
                    and self.date
                )
                y2 = (
                    self.date.year if forecast and self.date else self._year_for(None, ctx_year, 12)
                )
                period = str(y2) if y2 else ""
            elif g == "two":
                # 两年平均增长: the average over the two years to the period in force, which
                # the catalog records as that period (2021Q1-Q3), never an earlier plan period
                earlier = [p for _, p, _ in out if p]
                y2 = self._year_for(None, ctx_year)
                period = earlier[-1] if earlier else (str(y2) if y2 else "")
                cue += " (to the period in force)" if period else " (needs the text's date)"
            elif g == "now":
                if self.date is None:
                    out.append((m.end(), "", cue + " (needs the text's date)"))
                    continue
                period = self.date.isoformat()
            if not period and g in ("mm", "firstn", "q", "q1", "half", "fullyear"):
                cue += " (needs the text's date)"
            out.append((m.end(), period, cue))
        return out

    # -- sentences ---------------------------------------------------------------------------
    def sentence(self, text: str, start: int, para: _Para) -> _Sentence:
        doc_year = self.date.year if self.date else None
        target, cue = False, ""
        past_year = False
        for m in _YEAR_TARGET.finditer(text):
            y = int(m[1])
            if doc_year is None or y >= doc_year:
                target, cue = True, m.group(0)
                break
            past_year = True
        if not target and (m2 := _TARGET.search(text)):
            target, cue = True, m2.group(0)
        explicit_actual = bool(_ACTUAL_NOW.search(text)) or past_year
        periods = self.periods(text)
        if not target and doc_year is not None:
            # a period that ends after the text's date (十四五 = 2021-2025 in 2022) is a plan
            future = [
                p for _, p, _ in periods if (ys := _YEARS.findall(p)) and int(ys[-1]) > doc_year
            ]
            if future:
                target, cue = True, f"{future[0]} is after the text's date"
        if not target and not explicit_actual and not periods and para.target:
            target, cue = True, "target context of the previous sentence"
        # places named as subjects (not 全国第4位, 占全国比重: fields of comparison); a figure
        # takes the nearest one before it (株洲…在全国168个重点城市中: 168 is national)
        places: list[tuple[int, str, str]] = []
        for m3 in _REGION_RE.finditer(text):
            if _is_comparison_field(text, m3):
                continue
            name = m3.group(0)
            if places and _PLACE_JOIN.fullmatch(text, places[-1][0], m3.start()):
                # 长沙、株洲、湘潭三市…合计: a figure of several places together, no one's own
                joined = f"{places[-1][2]}、{name}"
                places[-1] = (m3.end(), joined, joined)
            elif name == "全市" and para.region_cue in _COUNTY_CITIES:
                # 醴陵市…。全市…: the county-level city the paragraph is about
                places.append((m3.end(), para.region, para.region_cue))
            else:
                places.append((m3.end(), self._resolve_region(name, para.region), name))
        region, region_cue = (places[0][1], places[0][2]) if places else ("", "")
        kinds = [
            (m.end(), "growth" if m["growth"] else "share", m.group(0))
            for m in _KIND_CUE.finditer(text)
        ]
        indicators = [
            (m.end(), int(str(m.lastgroup)[1:]), m.group(0)) for m in _INDICATOR_RE.finditer(text)
        ]
        return _Sentence(
            text=text,
            start=start,
            status_target=target,
            status_cue=cue,
            explicit_actual=explicit_actual,
            forecast_at=m4.start() if (m4 := _FORECAST.search(text)) else -1,
            periods=periods,
            region=region,
            region_cue=region_cue,
            places=places,
            kinds=kinds,
            indicators=indicators,
        )

    def _resolve_region(self, name: str, para_region: str = "") -> str:
        if name == "全市":
            # the city the paragraph is about (株洲市…。前三季度全市…), else the text's
            for region in (para_region, self.region):
                if region in _CITIES:
                    return region
            return ""
        if name == "全省":
            return "hunan" if self.region in _HUNAN_SET else ""
        if name == "全区":
            return self.region
        return _region_code(name)


def _aspirational(stext: str, tstart: int) -> bool:
    """力争 covers what follows it, until a 确保 (a firm pledge) takes over."""
    strive = stext.rfind("力争", 0, tstart)
    return strive != -1 and strive > stext.rfind("确保", 0, tstart)


def _nearest(cues: list[tuple[int, str, str]], pos: int) -> tuple[str, str] | None:
    best = None
    for end, value, cue in cues:
        if end <= pos:
            best = (value, cue)
        else:
            break
    return best


_PHONE = re.compile(r"\+?(?:[(（]0\d{2,3}[)）]\s*)?[\d\-,]{7,}")


def _code_reason(text: str) -> str:
    if "ICP" in text or "备" in text:
        return "licence number (ICP/公网安备)"
    if _PHONE.fullmatch(text) or MOBILE_NUMBER.fullmatch(text):
        return "phone number"
    return "code or identifier (not a quantity)"


_KIND_REASON = {
    TokenKind.DATE: "date",
    TokenKind.PERIOD: "period expression (the figure's period, not a quantity)",
    TokenKind.STRUCTURE: "plan structure such as 1+2+N (names, not a quantity)",
}
_new_claim = tuple.__new__
# Enum .value is a descriptor call; these are plain lookups.
_KIND_VALUE = {k: k.value for k in TokenKind}
_BOUND_VALUE = {b: b.value for b in Bound}


def _respective(
    reader: _Reader, stext: str, toks: list[Token], tstart: int, places: str
) -> tuple[str, str, str] | None:
    """长沙、株洲…分别增长8%和9%: the figure's own place (region, cue, name), by its order
    after 分别."""
    names = places.split("、")
    at = stext.rfind("分别", 0, tstart)
    if at == -1:
        return None
    i = sum(1 for t in toks if at <= t.start < tstart and t.kind is TokenKind.FIGURE)
    if i >= len(names):
        return None
    cue = f"{names[i]} (分别: the {i + 1}. of {places})"
    return reader._resolve_region(names[i]), cue, names[i]


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
    if periods and periods[0][1]:
        first_period = (periods[0][1], periods[0][2])
        first_clause = max(stext.rfind("，", 0, periods[0][0]), stext.rfind(",", 0, periods[0][0]))
    if para.period:
        default_period = (para.period, para.period_cue + " (earlier in the paragraph)")
    elif status == "actual" and reader.title_year:
        default_period = (
            reader.title_year,
            f"no period printed: the title's {reader.title_year}年",
        )
    elif status == "actual" and reader.date is not None:
        default_period = (reader.date.isoformat(), "no period printed: the text's date")
    else:
        default_period = ("", "no period printed")
    growth_period = money_period = default_period
    if default_period[0] and default_period[0] == (reader.date.isoformat() if reader.date else ""):
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
    out: list[Claim] = []
    prev_change, prev_end = "", -1
    for tok in toks:
        tstart = tok.start
        start, end = base + tstart, base + tok.end
        parsed = tok.parsed
        if parsed is None or tok.kind is not TokenKind.FIGURE:
            reason = (
                _code_reason(tok.text) if tok.kind is TokenKind.CODE else _KIND_REASON[tok.kind]
            )
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
        for a, b, raw in damaged:
            if start < b and a < end:
                reason = f"inside the byte-damaged run {raw!r}"
                break
        if not reason:
            reason = furniture
        unit = parsed.unit
        if not reason:
            reason = _change_reason(stext, tstart, tok.end, unit)
        if not reason and prev_change and _JOINED.fullmatch(stext, prev_end, tstart):
            # 分别比上年末增加11家和103家: the second is a change like the first
            reason = prev_change
        prev_change = reason if reason.startswith(_CHANGE_REASONS) else ""
        prev_end = tok.end
        figure = tok.text
        cues: list[str] = []
        tstatus, tcue = status, status_cue
        if (
            status == "actual"
            and 0 <= sent.forecast_at < tstart
            and _ACTUAL_NOW.search(stext, sent.forecast_at, tstart) is None
        ):
            # 预计全年增长6%: a forecast (but 预计…,1-11月已完成…: what happened)
            tstatus, tcue = "target", "预计: a forecast"
        elif status == "target":
            # 全年计划新增2000家,1—11月已新增1812家 / 全市已新增500家,到2025年将达到3000家:
            # what 已 says happened, after the target cue or before it
            done = _DONE.search(stext, status_at + 1 if status_at < tstart else 0, tstart)
            if done is not None and not _PERIOD_AHEAD.search(stext, done.end(), tstart):
                tstatus, tcue = "actual", f"{done.group(0)}: what happened"
        if tstatus == "actual" and parsed.bound is Bound.AT_LEAST and figure.startswith("达到"):
            # 达到X in a report of what happened is the level reached (exact at its printed
            # precision, as 达X reads); in a target (到2025年达到X) it stays at least X
            reached = _plain_figure(figure[2:])
            if reached is not None and reached.bound is Bound.EXACT:
                parsed, figure, start = reached, reached.text, start + 2
                cues.append("达到: a level already reached, read exact")
        kind = _UNIT_KIND.get(unit, "other")
        # A cue may end inside the token only when the token holds it: 下降3.1% is a growth.
        tend = tok.end
        if unit == "percent" and kinds and kinds[0][0] <= tend:
            # the nearest kind cue of the figure's own clause (…年均增长15%以上,研发经费投入
            # 强度达到2.6%: the 2.6% is no growth)
            kend, kkind, kcue = next(k for k in reversed(kinds) if k[0] <= tend)
            if kend > tstart or _CLAUSE_END.search(stext, kend, tstart) is None:
                kind = kkind
                cues.append(kcue)
        if tcue:
            cues.append(tcue)
        near_p = _nearest(periods, tstart) if periods and periods[0][0] <= tstart else None
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
        if kind == "growth" and _DAY.fullmatch(period):
            # 截至9月底增长6%: the months since January; 截至目前: a period not printed
            day = dt.date.fromisoformat(period)
            if (day + dt.timedelta(days=1)).day == 1:
                period = f"{day.year}M01-M{day.month:02d}"
                pcue += " (a growth rate to a month's end: the months since January)"
            else:
                period = ""
                pcue += " (a growth rate's period is not a day: fill in)"
        cues.append(pcue)
        if (
            kind == "growth"
            and tstatus == "target"
            and len(period) == 4
            and reader.date is not None
            and int(period) > reader.date.year
            and stext.rfind("年均", 0, tstart) > _clause_start(stext, tstart)
        ):
            # 到2027年…年均增长7%: an average over the years to 2027, from the text's year
            period = f"{reader.date.year}-{period}"
            cues.append(f"年均: the span {period} assumed (its first year is not printed)")
        near_r = _nearest(places, tstart) if places and places[0][0] <= tstart else None
        if near_r is not None and unit == "rank" and near_r[0] == "china":
            # a rank is of the place ranked, rarely of the nation the ranking spans
            # (株洲…在全国168个城市中…居全国第十); 我国…居世界第一 keeps china
            near_r = _nearest([p for p in places if p[1] != "china"], tstart) or near_r
        region, region_cue = (
            near_r if near_r is not None else (sentence_region, sentence_region_cue)
        )
        place = region_cue
        if "、" in region and (own := _respective(reader, stext, toks, tstart, region)):
            region, region_cue, place = own
        if region_cue:
            cues.append(region_cue)
        if kind == "growth":
            basis = "nominal" if _growth_is_nominal(stext, tstart) else "real"
        elif kind == "level" and unit in ("cny_100m", "usd"):
            basis = "nominal"
        else:
            basis = "not_applicable"
        guess, icue = "unknown", ""
        counted = kind == "count" and _COUNTED_NOUN.match(stext, tend) is not None
        if counted:
            # 22条产业链 / 三大产业集群: the noun after a count is what it counts
            after = next((x for x in indicators if 0 <= x[0] - len(x[2]) - tend <= 4), None)
            if after is not None and (code := _INDICATOR_CODES[after[1]].get((kind, unit))):
                guess, icue = code, after[2]
            else:
                icue = _COUNTED_NOUN.match(stext, tend).group(0)  # type: ignore[union-attr]
        elif _MONTH_ON_MONTH.search(stext, _clause_start(stext, tstart) + 1, tstart):
            icue = "环比: on the month before, not year on year"
        elif indicators and indicators[0][0] <= tstart:
            key = (kind, unit)
            clause = _clause_start(stext, tstart)
            own_subject = _CLAUSE_SUBJECT.search(stext, clause + 1, tstart) is not None
            for iend, idx, word in reversed(indicators):
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
                    "; ".join(dict.fromkeys(c for c in cues if c)),
                    reason,
                    _KIND_VALUE[tok.kind],
                    _aspirational(stext, tstart),
                    parsed.step,
                    sstart,
                    send,
                    _SUB_AREAS[place][1] if place in _SUB_AREAS else "",
                ),
            )
        )
    return out


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
_TWO_YEAR_RULE = list(_INDICATOR_RULES).index(r"两年平均增长")

# The last subject named before a growth rate decides: a money flow, or an output measure.
_GROWTH_SUBJECT = re.compile(
    r"(?P<nominal>投资(?!企业)|利润|收入|营收|销售|出口|进口|外贸|税收|消费品零售|存款|贷款|交易额)"
    r"|(?P<real>增加值|生产总值|GDP|经济总量|产量|工业(?!投资))"
)


def _growth_is_nominal(stext: str, tstart: int) -> bool:
    """A growth rate of a money flow (current prices), judged by its sentence's last subject."""
    subjects = [m.lastgroup for m in _GROWTH_SUBJECT.finditer(stext, 0, tstart)]
    return bool(subjects) and subjects[-1] == "nominal"


_SCALE_WORD = re.compile("|".join(SCALE_WORDS))
# 百亿元制造业企业 / 千亿元产业集群: a class of firm or cluster by output
_CN_DIGITS_START = frozenset("一二两三四五六七八九十百千万0123456789")
# 产值过百亿元的企业: a threshold of a class, whatever bound it carries
_SCALE_OF = re.compile(
    r"(?:以上)?的(?:制造业|工业|科技型?|龙头)?(?:企业|产业集群|产业|集群|项目|园区)"
)
_SCALE_CLASS = re.compile(r"级|(?:制造业|工业|科技型?|龙头)?(?:企业|产业|集群|园区|工程|项目)")
_ORDINAL_NOUN = re.compile(r"[批届次期轮章条款篇部]")
# 第一产业 / 第二产业 / 第三产业: the primary, secondary and tertiary sectors, not ranks.
_SECTOR_NAME = re.compile(r"第[一二三1-3]$")
# 多增15家, 比上年末增加76家, 净增: more than before by N.
_MORE_THAN_BEFORE = re.compile(r"(?:多增|净增|(?:比|较)[^，,。、\d]{0,10}?增加了?|同比增加了?)$")
_RATIO_PART = re.compile(r"[:：∶]\d")
_RATIO_PART_BEFORE = re.compile(r"\d[:：∶]$")
_CLAUSE_END = re.compile(r"[，,]")
# a target year after a word of what happened (已完成…,到2025年…) starts a target again
_DONE = re.compile(r"已(?:经|有|新增|完成|达到?|累计|实现|突破|超过)")
_PERIOD_AHEAD = re.compile(r"(?:到|至)(?:19|20)\d{2}年")
_MONTH_ON_MONTH = re.compile(r"环比")
# Nouns that make a clause's own subject: a cue of an earlier clause is not its figure's
# (but 总量/规模 refer back to it: 地区生产总值年均增长7.1%,总量突破3000亿元).
_CLAUSE_SUBJECT = re.compile(
    r"产值|收入|营收|投资|总额|人口|产量|(?<!国民)经济|行业|价格|贷款|存款|用电|消费|出口|进口"
)
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _clause_start(stext: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts (the index of its comma; -1 for the first)."""
    return max(stext.rfind("，", 0, pos), stext.rfind(",", 0, pos))


# The noun right after a count (个/家/条… already in the figure): 22条产业链, 三大产业集群.
_COUNTED_NOUN = re.compile(
    r"(?![以左上余多之中和及与或、居位排列占为是达在比较同增减下降提分其共累])[\u4e00-\u9fff“\"]{2,8}"
)
_JOINED = re.compile(r"(?:和|、|及|与|以及)")
_CHANGE_REASONS = ("increase over an earlier figure", "percentage-point change", "change in rank")
_PLAN_NAME = re.compile(r"(?:攻坚)?(?:行动|规划|计划|方案)")
_RANK_MOVE = re.compile(r"(?:前移|后移|提升|上升|下降|下滑|前进|后退|跃升|提高|攀升)了?$")


_PARTIAL_NUMBER = re.compile(r"^[\d.%％]+[年月日个家项亿万元]?[,，、]?")


def _plain_figure(text: str) -> ParsedFigure | None:
    try:
        return parse_figure(text)
    except FigureParseError:
        return None


def _change_reason(stext: str, tstart: int, tend: int, unit: str) -> str:
    """Why a figure is no level: a change (percentage points, places, more than before), an
    ordinal of a batch, or a scale label."""
    if unit in ("items", "") and stext.startswith("百分点", tend):
        return "percentage-point change (a difference of two rates, not a rate)"
    if unit == "rank" and _RANK_MOVE.search(stext, max(0, tstart - 3), tstart):
        return "change in rank (places moved, not a place)"
    if unit == "rank" and stext.startswith("第", tstart) and _ORDINAL_NOUN.match(stext, tend):
        return "ordinal of a batch, edition or item (第三批), not a rank"
    if (
        unit == "rank"
        and _SECTOR_NAME.match(stext, tstart, tend)
        and stext.startswith("产业", tend)
    ):
        return "sector name (第一/第二/第三产业: primary, secondary, tertiary), not a rank"
    if not unit and (_RATIO_PART.match(stext, tend) or _RATIO_PART_BEFORE.search(stext, 0, tstart)):
        return "part of a ratio (7.1:43.9:49.0): each part is a share; record it as one if wanted"
    if unit == "years" and _PLAN_NAME.match(stext, tend):
        return "part of a plan's name (三年行动方案, 五年行动计划), not a quantity"
    if _MORE_THAN_BEFORE.search(stext, max(0, tstart - 14), tstart):
        return "increase over an earlier figure (a difference, not a level)"
    if unit == "cny_100m" and (
        (stext.endswith("亿", tstart, tend) and _SCALE_WORD.match(stext, tend))
        or (
            stext.endswith("亿元", tstart, tend)
            and stext[tstart] in _CN_DIGITS_START
            and _SCALE_CLASS.match(stext, tend)
        )
        or (stext.endswith("亿元", tstart, tend) and _SCALE_OF.match(stext, tend))
    ):
        return "scale label (千亿产业 / 百亿级: a class of industry by output, not an amount)"
    return ""


def _scan_clauses(sentence: str) -> list[Token]:
    """numbers.scan over the clauses that can hold a number, offsets in the sentence."""
    if "," not in sentence and "，" not in sentence:
        return list(scan(sentence))
    out: list[Token] = []
    for cm in _CLAUSE.finditer(sentence):
        a, b = cm.span()
        if _CAND.search(sentence, a, b) is None:
            continue
        out.extend(scan(sentence, a, b))
    return out


_TITLE_YEAR = re.compile(r"(?<![\d—\-–~－～至到])((?:19|20)\d{2})年(?!\s*[—\-–~－～至到]\s*\d)")


_ISSUE = re.compile(r"第\s*\d+\s*期|\d{1,2}\s*月")


def _title_year(title: str, date: dt.date | None) -> str:
    """The year of a title naming exactly one (2023年国民经济和社会发展统计公报), if not
    after the text's date: the period of the figures the text prints without one."""
    if "。" in title or len(title.strip()) > 60:
        return ""  # a sentence of the body, not a title
    if _ISSUE.search(title):
        return ""  # 简报(2023年第11期): an issue of a periodical, not a year's account
    years = set(_TITLE_YEAR.findall(title))
    if len(years) != 1 or "到" in title or "力争" in title:
        return ""
    year = years.pop()
    return year if date is None or int(year) <= date.year else ""


def _furniture_lines(raw_lines: list[str]) -> tuple[set[int], dict[int, str]]:
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
        if i > byline and pos >= total * 0.3 and _FOOTER.search(line):
            footer = i
            break
        pos += len(line)
    if footer >= 0:
        for i in range(footer, len(raw_lines)):
            marks[i] = "page furniture: footer (related headlines, copyright, contacts)"
    return set(marks), marks


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
    if not region:
        region = detect_region(raw)
        region_origin = "most named place" if region else ""
    reader = _Reader(source, parsed_date, region)
    lines = raw.splitlines(keepends=True)
    reader.title_year = _title_year(title or next((x for x in lines if x.strip()), ""), parsed_date)
    _, furniture = _furniture_lines(lines)
    claims: list[Claim] = []
    damaged_all: list[tuple[int, int, str]] = []
    offset = 0
    has_number = [_CAND.search(line) is not None for line in lines]
    cleaned = iter(clean_lines([line for line, ok in zip(lines, has_number, strict=True) if ok]))
    cand_search = _CAND.search
    sentence_of = reader.sentence
    for i, line in enumerate(lines):
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
        reason = furniture.get(i, "")
        for sm in _SENTENCE.finditer(text):
            stext = sm.group(0)
            if cand_search(stext) is None:
                continue
            toks = _scan_clauses(stext)
            if not toks:
                continue
            sent = sentence_of(stext, offset + sm.start(), para)
            claims.extend(_sentence_claims(reader, toks, sent, para, reason, damaged))
            # what this sentence establishes for the next ones
            para.target = sent.status_target and not sent.explicit_actual
            for _, period, cue in reversed(sent.periods):
                if period:
                    para.period, para.period_cue = period, cue
                    break
            if sent.region:
                para.region, para.region_cue = sent.region, sent.region_cue
            # the year in force for later periods printed without one: not a byline's, nor a
            # plan's (2024年力争…: a later 前三季度 is still of the text's year)
            years = [int(y) for y in _YEAR_RE.findall(stext)]
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
