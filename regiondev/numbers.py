"""The one number reader: Chinese numeric expressions with their qualifiers, as value + bound.

``parse_figure("约2300亿元")`` reads one expression; ``scan(text)`` finds every numeric token
in a clean text (figures, dates, periods, codes) with its character span. Catalog validation,
the audit and the extractor all use these two functions and nothing else.

How a qualifier bounds a figure (``ParsedFigure.low`` / ``high``):

- exact: [v, v]. range 至/~: [a, b], value the midpoint.
- approx 约/左右: v ± max(5 % of |v|, one printed unit), the printed unit being ``step`` (1 for
  an integer, 0.1 for 7.5, 10^4 for 2万). 5 % alone (``model.APPROX_RELATIVE``) would make a
  small count effectively exact: 4家左右 is [3, 5], not [3.8, 4.2]; 约2300亿元 stays
  [2185, 2415] since 5 % of 2300 = 115 > 1.
- at_least 以上/达到/不低于/不少于: [v, ∞); more_than 突破/超过: (v, ∞); 余/多: (v, v + the
  next step of the last significant digit), 2200余 in (2200, 2300), 1.2万余 in (12000, 13000)
  (the 2 counts thousands), 2.3亿余元 in (2.3, 2.4) 亿元.
- Shares in words are percents: X成 is X × 10 % (超过三成 is more than 30), 四分之一 is 25,
  三分之二 is 200/3, 百分之十五 is 15 and 百分之三点五 is 3.5; the printed unit (``step``) of
  a share over a power of ten is one of its parts (一成 and 十分之一: 10; 百分之十五: 1), of any
  other fraction 0, as for 2/3. 成 is read only right after one numeral and not as the start of
  a word (三成为, 建成, 一成不变, 统一成本 are no figures). A digit after 成 counts 分:
  三成五 is 35 (step 1), 九成九 99; 七成多 is more than 70 and less than 80; 三成半 is 35
  (step 5, half a 成). 三成至四成 is a range, [30, 40] with value 35, as 8%-10% is.
  A decline word reads a share as it reads a percent: 下降三成 is -30.
- 翻一番 / 翻两番 / 翻番: a doubling / quadrupling, 2 / 4 times; 翻一番多 is more than one
  doubling and fewer than two, (2, 4); 翻两番以上 at least 4. 千亿大关 / 万亿元大关 is a
  milestone of that many yuan: 突破千亿大关 is more than 1000 亿元. A bare 万亿 / 千亿 / 百亿
  (no numeral before it) is read only before 大关, 元 or a scale word (``SCALE_WORDS``: 千亿产业,
  which the extractor sets aside); 几万亿, 上万亿 and 迈入万亿俱乐部 hold no figure.
- 一 alone is idiom (一批, 一个, 统一, 之一), but 一 before 万/亿 and a unit is a figure:
  一万亿元 is 10000 亿元, 一万家 10000 enterprises. 前一百名 / 前五百强 / 前两名 are ranks of
  at most 100 / 500 / 2. 约 inside a word (签约, 合约, 节约, 制约…) bounds nothing: 签约300亿元
  is exactly 300 亿元. a×b (2×2.5) is one plan-structure token, decimals included.
- Physical quantities are stored in their base unit, the multiplier applied as for yuan:
  450亿千瓦时 is 4.5e10 ``kwh``, 562.3万千瓦 5623000 ``kw``, 1,254.6万吨 12546000 ``tonnes``,
  12.6万辆 ``vehicles``, 6,530万人次 65300000 ``person_trips`` (人次 never counts persons;
  万人 does), 3万亩 30000 ``mu``; 户 has no unit (households or firms). 度 is ``kwh`` only after
  万/亿 or before 电 (120亿度, 1200度电); a bare 360度 is no figure of energy.
- A bare 亿 (产值43.9亿) is yuan unless a unit or a measure word follows: 1.8亿人次 is
  person-trips, and 3亿立方米 (a measure with no canonical unit) has no unit ("").
- Values are scaled exactly, at the printed precision: 4.35亿美元 is 435000000.0 and
  约1.1亿元 is [1.0, 1.2]; a fraction keeps full precision (三分之二 is 200/3).
- at_most 以下/不超过/不高于/不多于 / less_than 不到/近: from the floor up to v (不高于 is no
  高于: the longer word is read). The floor is 0 for units that cannot be negative (amounts,
  counts, physical quantities, days, years, areas, characters, times), 1 for ranks (30强 is
  [1, 30]) and grades, and -∞ for percent: a growth rate can be negative and a share cannot,
  and the reader does not know which one a percent is. A printed negative value has no floor.
- A decline (下降 / 降低 / 减少 / 回落 / 下滑 / 负增长, then a percent: 下降3.1%) reads as a
  negative value, -3.1 percent. Its qualifier bounds the size of the decline, so the bound
  turns over: 下降超过3% (a decline of more than 3) is less_than -3, 下降近3% is more_than -3
  with high 0. Only percents are read so: 减少100亿元 is read as 100亿元 (the word is a cue).
- A minus sign (增长-2.5%) makes the printed value negative; the qualifiers then bound the
  signed value (超过-2% is more than -2), except 余/多, which lengthen the number as printed
  (-2200余 lies in (-2300, -2200), bound less_than). 负 is a minus sign too (负3.9%).
- Chinese numerals are read whole through cn2an: 三万四千五百六十七, 一万零一, 一亿五千万零六千
  (万/亿 inside a numeral when more numerals follow; a trailing one is the magnitude), with a
  decimal after 点 (一点五万美元 is 15000 usd, 零点六个 0.6 items); a run of plain digits before
  a unit digit by digit (三零万二零千 = 320000). 几 after a numeral is 多 (十几个: (10, 20));
  几 before one is an unknown multiple (几十万元: no figure).
- Currencies: 人民币 after a number or 元 is yuan (3亿人民币, 数十亿元人民币), never 人; a
  currency before the number is its unit (人民币数十亿元, ¥12, US$ 4.5 million, RMB 3.2 billion);
  美金 is usd. English scales and units after an Arabic number: 101.611 billion yuan is
  1016.11 亿元, 1.5 trillion yuan 15000, 12.5 percent. ‰ is a tenth of a percent.
- Ranges: 至/到/~/-/--/—/– between two numbers, each end with its own magnitude and unit
  (1万-5万元, 1万元--5万元, 1万(含)-5万元), or the second end's for both (一千到两千万元).
- Bound words may take a particle (超过了80, 至少有10, 最多为5; not after one character: 过了3天
  is no bound); 小于/少于/将近/接近 less_than, 大于/多于 more_than, 最多/至多 at_most, 最少
  at_least; 上下 after a figure is approx (not 上下游); （含）before 以上/以下 is read with it.
- 万分之三 is 0.03 %, 4分之3 75 %; 2.5成 25 %, ２成 20 %; 第3万 is rank 30000; 82，225.00 (a
  full-width comma as thousands separator, only in a number with a decimal part, since lists
  use the same comma) is 82225. A percent sign before two hex digits (%28, %E5) is a byte of a
  URL, no percent.
- ``parse_figure`` raises ``FigureParseError`` (a ``RegiondevError`` and a ``ValueError``) on
  anything else, a non-string, a Chinese numeral of more than 64 characters or a number beyond
  a float (1 followed by 400 zeros); it never raises another error.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import cache, lru_cache
from typing import NamedTuple

from regiondev.errors import RegiondevError
from regiondev.model import APPROX_RELATIVE, Bound
from regiondev.periods import SCAN_PATTERNS

__all__ = [
    "MOBILE_NUMBER",
    "MONEY_UNITS",
    "SCALE_WORDS",
    "UNITS",
    "FigureParseError",
    "ParsedFigure",
    "Token",
    "TokenKind",
    "parse_figure",
    "reads_as",
    "scan",
    "scan_spans",
]


class FigureParseError(RegiondevError, ValueError):
    """Raised when a text is not a numeric expression the reader knows (also a ValueError,
    which older callers catch)."""


class TokenKind(StrEnum):
    FIGURE = "figure"
    DATE = "date"
    PERIOD = "period"
    CODE = "code"
    STRUCTURE = "structure"


#: Canonical units: code → English label. Printed unit words map onto these below.
#: Units of amounts of money (flows in current prices: output, GDP, trade, investment).
MONEY_UNITS = frozenset({"cny_100m", "usd"})
UNITS: dict[str, str] = {
    "cny_100m": "100 million yuan (亿元)",
    "usd": "US dollars",
    "percent": "percent",
    "enterprises": "enterprises or institutions (家)",
    "items": "items (个/项/条/类)",
    "persons": "persons (名/人)",
    "days": "days",
    "years": "years",
    "km2": "square kilometres",
    "rank": "rank (1 = first)",
    "chars": "characters",
    "times": "times (倍)",
    "grade": "grade or class (Ⅰ best, e.g. surface-water quality Ⅱ类)",
    "kwh": "kilowatt-hours (千瓦时, 度)",
    "kw": "kilowatts (千瓦)",
    "tonnes": "tonnes (吨)",
    "vehicles": "vehicles (辆)",
    "person_trips": "person-trips (人次), never persons",
    "mu": "mu (亩, 1/15 hectare)",
    "households": "households (户)",
    "platforms": "innovation platforms, centres or carriers (家); only from a record's unit",
}

#: Units a printed word never chooses: a record may state them where the word reads the unit
#: given here (创新平台 538家 are platforms, though 家 alone reads enterprises).
_STATED_ONLY: dict[str, str] = {"platforms": "enterprises"}


def reads_as(unit: str) -> str:
    """The unit a printed figure reads for a record that states ``unit``."""
    return _STATED_ONLY.get(unit, unit)


# printed unit word → (canonical unit, factor from the printed base unit)
_UNIT_WORDS: dict[str, tuple[str, float]] = {
    "美元": ("usd", 1.0),
    # 人民币 after the number or after 元 (3亿人民币, 数十亿元人民币): yuan, never 人 (persons)
    "元人民币": ("cny_100m", 1e-8),
    "人民币": ("cny_100m", 1e-8),
    "元": ("cny_100m", 1e-8),
    "%": ("percent", 1.0),
    "％": ("percent", 1.0),
    # percentage points (提高2.4个百分点): a difference of two percents, in percent; the
    # extractor sets it aside as a change (``_extract.resolve_kind``)
    "个百分点": ("percent", 1.0),
    "百分点": ("percent", 1.0),
    "家": ("enterprises", 1.0),
    "个": ("items", 1.0),
    "项": ("items", 1.0),
    "条": ("items", 1.0),
    "大类": ("items", 1.0),
    "小类": ("items", 1.0),
    "类": ("items", 1.0),
    "座": ("items", 1.0),
    "省": ("items", 1.0),
    "件": ("items", 1.0),
    "只": ("items", 1.0),
    "部分": ("items", 1.0),
    "大": ("items", 1.0),
    "名": ("persons", 1.0),
    "人": ("persons", 1.0),
    "职工": ("persons", 1.0),
    "居民": ("persons", 1.0),
    "天": ("days", 1.0),
    "年": ("years", 1.0),
    "平方公里": ("km2", 1.0),
    "字": ("chars", 1.0),
    "倍": ("times", 1.0),
    "强": ("rank", 1.0),
    "位": ("rank", 1.0),
    # physical quantities, each in its base unit (450亿千瓦时 = 4.5e10 kwh); 人次 (person-trips)
    # is no count of persons (人): the longer word wins. 户 is no unit: it counts households
    # (居民185万户) as often as firms (企业3000户), so a 户 figure has none and its reader says.
    "千瓦时": ("kwh", 1.0),
    "千瓦": ("kw", 1.0),
    "吨": ("tonnes", 1.0),
    "辆": ("vehicles", 1.0),
    "人次": ("person_trips", 1.0),
    "亩": ("mu", 1.0),
    # 美金 is the US dollar; ‰ a tenth of a percent (出生率7.52‰ = 0.752 %)
    "美金": ("usd", 1.0),
    "‰": ("percent", 0.1),
}
# 度 is a kilowatt-hour only after 万/亿 (120亿度, 3万度) or before 电 (1200度电, the figure
# 1200度): a bare 360度 is an angle or a temperature and stays outside the figure. Not in
# ``_UNIT_WORDS`` (whose words may follow any number); the figure pattern reads it (``du``),
# and ``parse_figure``, which reads the token on its own, also where the text ends (1200度).
# Measure words with no canonical unit. A bare 亿 reads as yuan (产值43.9亿) only when none of
# them follows: after 亿 the figure keeps the word and has no unit (""), its value in the
# printed base measure (3亿立方米 = 3e8). After other numbers they stay outside the figure,
# which has no unit anyway (185万平方米 reads 185万). 件 and 只 count items (``_UNIT_WORDS``);
# 台 and 套 stay measure words.
_MEASURE_WORDS = (
    "户",
    "千克",
    "公斤",
    "平方米",
    "立方米",
    "米",
    "公里",
    "千米",
    "公顷",
    "台",
    "套",
    "头",
    "册",
    "张",
    "次",
    "架",
    "艘",
    "标准箱",
)
# A percent sign before two hex digits is a percent-encoded byte of a URL (%28, %E5), no unit.
_UNIT_ALT = "|".join(
    (re.escape(u) + "(?![0-9A-Fa-f]{2})" if u in "%％" else re.escape(u))
    for u in sorted(_UNIT_WORDS, key=len, reverse=True)
)
# English words after a number (English sources in user catalogs: 101.611 billion yuan,
# US$ 4.5 million, 12.5 percent): a scale and a unit, and a currency before the number.
_ENGLISH_SCALES = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12}
_ENGLISH_UNITS: dict[str, tuple[str, float]] = {
    "yuan": ("cny_100m", 1e-8),
    "RMB": ("cny_100m", 1e-8),
    "CNY": ("cny_100m", 1e-8),
    "US dollars": ("usd", 1.0),
    "dollars": ("usd", 1.0),
    "USD": ("usd", 1.0),
    "percent": ("percent", 1.0),
    "per cent": ("percent", 1.0),
}
# A currency printed before the number: 人民币数十亿元, RMB 3.2 billion, US$ 4.5 million, ¥12.
_CURRENCIES: dict[str, tuple[str, float]] = {
    "人民币": ("cny_100m", 1e-8),
    "RMB": ("cny_100m", 1e-8),
    "CNY": ("cny_100m", 1e-8),
    "¥": ("cny_100m", 1e-8),
    "￥": ("cny_100m", 1e-8),
    "US$": ("usd", 1.0),
    "USD": ("usd", 1.0),
    "$": ("usd", 1.0),
}
_ESCALE_ALT = "|".join(_ENGLISH_SCALES)
_EUNIT_ALT = "|".join(sorted(_ENGLISH_UNITS, key=len, reverse=True))
_CUR_ALT = "|".join(re.escape(c) for c in sorted(_CURRENCIES, key=len, reverse=True))
_MEASURE_ALT = "|".join(sorted(_MEASURE_WORDS, key=len, reverse=True))

# magnitude word → power of ten (万亿 = 10^12)
_MAGNITUDES = {"万": 4, "亿": 8, "千": 3, "百": 2, "十": 1}
_CN_DIGITS = "零〇一二两三四五六七八九十百千"
_CN_DECIMALS = "零〇一二三四五六七八九"
# A Chinese numeral: 万/亿 inside it when more numerals follow (三万四千五百六十七, 一万零一,
# 一亿五千万零六千; a trailing 万/亿 is the magnitude, read apart: 一万五千亿 is 一万五千 亿),
# then a decimal after 点 (一点五, 零点零三). The character classes are disjoint: no backtracking.
_CN_NUM = rf"[{_CN_DIGITS}]+(?:[万亿]+[{_CN_DIGITS}]+)*(?:点[{_CN_DECIMALS}]+)?"
# Thousands separated by commas (34,567); a full-width comma (82，225.00) only in a number with
# a decimal part, since a list (分别为100，200，300) is separated by the same comma, or between
# full-width digits (１１１，１１１: a text typed in full-width digits groups them so). The
# decimal point may be full-width too (２．２亿).
_AR_NUM = (
    r"\d+(?:,\d{3}(?!\d))*(?:(?:[,，]\d{3}(?!\d))+(?=[.．]\d)|(?<=[０-９])(?:，[０-９]{3}(?!\d))+)?"
    r"(?:[.．]\d+)?"
)
_NUM = rf"(?:{_AR_NUM}|{_CN_NUM})"
# 3千万元 / 5百万 / 3千元 after an Arabic number (after a Chinese one, 千 is in the numeral);
# not the 千 of a unit (3千米, 3千瓦, 3千克: kilo-).
_MAG = r"(?:万亿|千亿|百亿|亿|千万|百万|万|千(?![米克瓦卡焦帕伏赫兆分多余]))"
# 万亿 / 千亿 / 百亿 with no numeral before them: 万, 千 or 百 is then the number (one 万亿).
# Read so only as a milestone or an amount (突破万亿大关, 过千亿元) or a scale label (千亿产业,
# 百亿级: the extractor sets those aside), never after 几/数/上/多/余 (几万亿, 上万亿: an unknown
# multiple) nor before other words (迈入万亿俱乐部). ``(?(prefix)...)``: after a bound prefix
# (迈上万亿大关) the character before is the prefix's. ``parse_figure`` reads one expression
# on its own, so there the magnitude may also end the text (``end``).
#: Scale words after 万亿 / 千亿 / 百亿 (千亿产业, 百亿级, 万亿大集群): a scale label, not an
#: amount. Longest first, so a regex alternation of them takes 大产业 before 产业.
SCALE_WORDS: tuple[str, ...] = ("大产业", "大集群", "产业", "集群", "园区", "工程", "企业", "级")
_BARE_TAIL = "|".join(("美元", "大关", "元", *SCALE_WORDS))


def _bare_num(end: str) -> str:
    return rf"(?(prefix)|(?<![几数上多余]))[万千百](?=亿(?:{_BARE_TAIL}{end}))"


_RANGE_SEP = r"(?:至|到|~|～|--|——|-|—|－|–)"
# X成 (X tenths): one numeral right before 成, not the end of a word (统一, 唯一, 之一…), and
# 成 not the start of one (成为, 成立, 成本, 一成不变…; 成长 but not 长沙, 成都市).
_CHENG_NUMERALS = "一二两三四五六七八九十"
# the numeral of X成: one digit (三, 7), a decimal (2.5, ２．１, 八点五), ten (10成, 十成) or half
# (半成: 5 %; 半成品 is a word, kept out by ``_CHENG_WORD``)
_CHENG_NUM = (
    rf"[{_CHENG_NUMERALS}](?:点[一二三四五六七八九])?|(?:10|１０)(?![.．\d])|[1-9１-９](?:[.．]\d)?"
    r"|半"
)
_CHENG_WORD = r"(?![为立功果效本交品员绩就不熟型套片群规链网体像形才因真]|长(?!沙)|都[市圈])"
# After 成: a digit of 分 (三成五: 35 %), unless it starts a count of its own (三成五年), or
# half a 成 (三成半: 35 %), unless 半 starts a word (三成半导体, 三成半年).
_CHENG_FEN = (
    rf"[一二三四五六七八九](?![\d{_CN_DIGITS}万亿个家名项条类座省位件只大强年月天日倍批次])"
    r"|半(?![导年月天日数岛径小个场程价壁边成自封决山夜生途吨斤])"
)
_CHENG = (
    rf"(?<![\d.{_CN_DIGITS}统唯同万之专单逐划归合第])(?P<cheng>{_CHENG_NUM})成"
    rf"{_CHENG_WORD}(?P<chengtail>{_CHENG_FEN})?"
    # 三成至四成: a range of shares, read as 8%-10% is ([30, 40], the midpoint 35)
    rf"(?:{_RANGE_SEP}(?P<cheng2>{_CHENG_NUM})成{_CHENG_WORD}"
    rf"(?P<chengtail2>{_CHENG_FEN})?)?"
    r"(?P<chengmore>余|多)?"
)
# A fraction in words: 四分之一, 百分之十五, 百分之三点五; the denominator may end in a
# magnitude (万分之三, 一百万分之五, 百万分之五: parts per million).
# A numerator in Chinese numerals stops before a 百 / 千 that starts a word of its own (百分之七十
# 百分位: the 70th percentile is 百分之七十, then 百分位).
_CN_NUMERATOR = (
    r"(?:[零〇一二两三四五六七八九十]|[百千](?!分))+"
    r"(?:[万亿]+(?:[零〇一二两三四五六七八九十]|[百千](?!分))+)*(?:点[零〇一二三四五六七八九]+)?"
)
_FRACTION = (
    rf"(?P<fden>(?:\d+|{_CN_NUM})[万亿]?|[百千]?万)"
    rf"分之(?P<fnum>{_AR_NUM}|{_CN_NUMERATOR})"
    # a range of shares: 百分之三十到四十一, 百分之三十一到百分之百 (the second end's
    # denominator, when printed, is the first's)
    rf"(?:{_RANGE_SEP}(?:(?P=fden)分之)?(?P<fnum2>{_AR_NUM}|{_CN_NUMERATOR}))?"
)

_PREFIX_BOUNDS: dict[str, Bound] = {
    "约": Bound.APPROX,
    "约为": Bound.APPROX,
    "约达": Bound.APPROX,
    "大约": Bound.APPROX,
    "突破": Bound.MORE_THAN,
    "超过": Bound.MORE_THAN,
    "超": Bound.MORE_THAN,
    "逾": Bound.MORE_THAN,
    "过": Bound.MORE_THAN,
    "高于": Bound.MORE_THAN,
    "达到": Bound.AT_LEAST,
    "迈上": Bound.AT_LEAST,
    # 提高到15%: raised to a level sets a floor, like 达到
    "提高到": Bound.AT_LEAST,
    "提高至": Bound.AT_LEAST,
    "不低于": Bound.AT_LEAST,
    "不少于": Bound.AT_LEAST,
    "至少": Bound.AT_LEAST,
    "不超过": Bound.AT_MOST,
    # 不高于 is no 高于 (more than): the whole word is read first (longest prefix wins)
    "不高于": Bound.AT_MOST,
    "不多于": Bound.AT_MOST,
    "不足": Bound.LESS_THAN,
    "不到": Bound.LESS_THAN,
    "低于": Bound.LESS_THAN,
    "近": Bound.LESS_THAN,
    "将近": Bound.LESS_THAN,
    "接近": Bound.LESS_THAN,
    "小于": Bound.LESS_THAN,
    "少于": Bound.LESS_THAN,
    "大于": Bound.MORE_THAN,
    "多于": Bound.MORE_THAN,
    "最多": Bound.AT_MOST,
    "至多": Bound.AT_MOST,
    "最少": Bound.AT_LEAST,
    # the words of standards and regulations: 不小于 / 大于或等于 / ≥ at least, 不大于 /
    # 小于或等于 / ≤ at most
    "不小于": Bound.AT_LEAST,
    "不大于": Bound.AT_MOST,
    "大于等于": Bound.AT_LEAST,
    "大于或等于": Bound.AT_LEAST,
    "大于或者等于": Bound.AT_LEAST,
    "小于等于": Bound.AT_MOST,
    "小于或等于": Bound.AT_MOST,
    "小于或者等于": Bound.AT_MOST,
    "≥": Bound.AT_LEAST,
    "≤": Bound.AT_MOST,
}
# A particle between a bound word of two or more characters and the number: 超过了80, 至少有10,
# 最多为5, 至少是3 (not after one character: 过了3天 is no bound).
_PARTICLE = "(?:了|有|为|是)?"


def _prefix_bound(prefix: str) -> Bound:
    """The bound a prefix printed with or without its particle (超过了) sets."""
    return _PREFIX_BOUNDS.get(prefix) or _PREFIX_BOUNDS[prefix[:-1]]


# 约 is no bound inside a word: 签约, 合约, 节约, 制约, 邀约, 履约, 预约, 违约 (签约300亿元 is
# exactly 300亿元; 约束 holds no number after 约). After a festival (春节约300万人次) 约 is one.
_WORD_BEFORE_YUE = r"(?<![签合制邀履预违])(?<![^春秋庆午宵阳夕诞]节)(?<!\A节)"
# (the words of two or more characters first, longest first, then one particle after any of
# them: the same matches as a particle after each word, and the particle's class compiled once
# per pattern instead of once per word)
_PREFIX_ALT = (
    "(?:"
    + "|".join(
        (_WORD_BEFORE_YUE + p if p.startswith("约") else p)
        for p in sorted(_PREFIX_BOUNDS, key=len, reverse=True)
        if len(p) > 1
    )
    + f"){_PARTICLE}|"
    + "|".join(
        (_WORD_BEFORE_YUE + p if p.startswith("约") else p)
        for p in sorted(_PREFIX_BOUNDS, key=len, reverse=True)
        if len(p) == 1
    )
)
_PREFIX_FIRST = "".join(sorted({p[0] for p in _PREFIX_BOUNDS}))
# Words that make a following percent a decline (下降3.1% → -3.1); only a percent is read so.
_DECLINE_WORDS = ("下降", "降低", "减少", "回落", "下滑", "负增长")
_DECLINE_ALT = "|".join(sorted(_DECLINE_WORDS, key=len, reverse=True))
_DECLINE = rf"(?:{_DECLINE_ALT})了?"
_DECLINE_FIRST = "".join(sorted({w[0] for w in _DECLINE_WORDS}))
# A minus sign before a digit, not after a digit, a Latin letter or a date or time separator
# (2022-11-30, 8:30-17:30 and PD-1 are not negative numbers).
_MINUS = r"\-－−"
_SIGN = rf"(?<![\dA-Za-z.:：/~～{_MINUS}])[{_MINUS}](?=\d)|负(?=[\d{_CN_DIGITS}])"
_SUFFIX_BOUNDS: dict[str, Bound] = {
    "以上": Bound.AT_LEAST,
    "之上": Bound.AT_LEAST,
    "以下": Bound.AT_MOST,
    "以内": Bound.AT_MOST,
    "左右": Bound.APPROX,
    "上下": Bound.APPROX,
}
# 100万元上下 is about 100万元; 上下游 (up- and downstream), 上下级, 上下半年… are words.
_SUFFIX_ALT = "以上|之上|以下|以内|左右|上下(?![游级班半午文面楼层])"

# 大 counts items only after a bare numeral (七大, 12大类), never after 万/亿: 千亿大关 is a
# milestone of yuan (``milestone``), 千亿大产业 a 千亿 and 十万大山 no figure.
# ``(?(decline)(?!))`` fails a branch after a decline word; ``(?(decline)(?<=[%％]))``
# requires the percent unit after one. A range may print the percent sign on both ends
# (8%-10%, 8%~10%): ``pct1`` then requires it at the end too.


# What the figure forms other than a plain number need ahead: 第, 数十, a slash after digits,
# 成 within three characters, 分之 after a numeral. One test of it spares a plain number (most
# figures) four attempts that would fail; it holds at the start of every match of those forms
# (tests/test_numbers.py compares the pattern with and without it).
_SPECIAL_AHEAD = (
    r"(?=第|数[十百千万]|\d++[/／]|[\d０-９一二两三四五六七八九十点.．半]{1,3}成"
    r"|[\d零〇一二两三四五六七八九十百千万亿点]*+分之)"
)


def _figure_pattern(bare_end: str, special_ahead: str = _SPECIAL_AHEAD) -> str:
    """The figure pattern; ``bare_end`` is what may follow a bare 万亿 besides ``_BARE_TAIL``
    and a 度 of kilowatt-hours besides 电. ``special_ahead``: the guard of the special forms
    ("" for none, the reference the tests compare with)."""
    return (
        # (each optional group behind a look-ahead on its first characters: one set test
        # instead of trying every word of the alternation at every place)
        rf"(?:(?=[{_DECLINE_FIRST}])(?P<decline>{_DECLINE}))?"
        rf"(?:(?=[{_PREFIX_FIRST}])(?P<prefix>{_PREFIX_ALT}))?"
        rf"(?:(?=[人RCU$¥￥])(?P<cur>{_CUR_ALT}) ?)?"
        # no currency before an ordinal, a fraction or a share (人民币第3 is none)
        rf"(?:{special_ahead}(?:(?(decline)(?!))(?(cur)(?!))(?P<ordinal>第)(?P<rank>{_NUM})(?P<rankmag>万|亿)?(?P<rankunit>位|名)?"
        rf"|(?(decline)(?!))(?(cur)(?!))(?P<frac_a>\d+)[/／](?P<frac_b>\d+)"
        rf"|(?(decline)(?!))(?P<several>数)(?P<sevmag>十|百|千|万)(?P<sevmag2>亿|万)?"
        rf"(?P<sevunit>{_UNIT_ALT})?"
        rf"|(?(cur)(?!))(?:{_CHENG}|{_FRACTION})(?P<psuffix>{_SUFFIX_ALT})?)"
        rf"|(?(decline)|(?P<sign>{_SIGN})?)"
        # a lone 千/百 before 亿 is a bare magnitude (``_bare_num``), read only where it may be
        # 几十万 / 几千亿: an unknown multiple, no figure (not 十万)
        rf"(?P<num>{_AR_NUM}|(?<!几)(?![千百]亿){_CN_NUM}|{_bare_num(bare_end)})"
        # a range: 8%-10%, 1万-5万元, 1万元--5万元, 1万(含)-5万元, 20–100个; X和Y之间 /
        # X与Y(之)间 (和/与 a range only with 之间 or 间 after the figure, ``sepand``: 20和30
        # is a list)
        # (the look-ahead: a separator within a few characters, or no range is tried)
        rf"(?:(?=[%％万亿千百元美(（含)）]{{0,7}}[至到~～\-—－–和与])"
        rf"(?P<pct1>[%％])?(?P<mag1>{_MAG})?(?:元|美元)?(?:[(（]含[)）])?"
        rf"(?P<sep>{_RANGE_SEP}|(?P<sepand>[和与]))(?P<num2>{_NUM}))?"
        # 十几个 / 二十几万: 几 after a numeral is 多 (ten-odd: 10 to 20)
        rf"(?P<more1>余|多|几)?"
        rf"(?:(?P<mag>{_MAG})|(?<=\d) ?(?=[tmb])(?P<emag>{_ESCALE_ALT})\b)?(?P<more>余|多)?"
        rf"(?:(?P<milestone>(?<=亿)元?大关)|(?<=亿)(?P<measure>{_MEASURE_ALT})"
        rf"|(?P<du>(?<=[万亿])度|度(?=电{bare_end}))|(?(mag)(?!大))(?P<unit>{_UNIT_ALT})"
        # English words only after an Arabic number (3.2 billion yuan), not a Chinese one
        rf"|(?<=[\dnd]) ?(?=[yRCUdp])(?P<eunit>{_EUNIT_ALT})\b)?"
        rf"(?(decline)(?<=[%％]))(?(pct1)(?<=[%％]))(?(sepand)之?间)"
        # 50万元（含）以上: the bracket says the bound includes the value
        rf"(?:[(（]含[)）](?=以上|之上|以下|以内))?(?P<suffix>{_SUFFIX_ALT})?)"
    )


# ``parse_figure`` reads one expression: a bare 万亿 may end it (the token 千亿 of 千亿产业).
_FIGURE = re.compile(_figure_pattern(r"|\Z"))
_FIRST_PLACE = re.compile(r"(?P<rank>首位)")
# 翻一番 (doubles), 翻两番 (quadruples), 翻番 (doubles): 2^n times; 翻一番多 more than n
# doublings and fewer than n + 1 (2 to 4 times), as 多 reaches the next step of the count.
# A suffix bounds it as any figure: 翻两番以上 is at least 4 times.
_DOUBLING = re.compile(
    r"(?:翻了?(?P<fan>[一两二三四五六七八九十]|[1-9])番(?P<fanmore>多)?|翻番)"
    r"(?P<fansuffix>以上|之上|以下|以内|左右)?"
)
# Among the first N: 前十, 前10位, 前五名, 前两名, 前一百名, 前五百强 (a rank of at most N). Not
# 前10个月 or 前三年 (periods), nor the start of a longer number; only a numeral that reads as
# one (前十四五 is none). Hundreds and thousands: 一百, 五百, 一百五十, 两千, 一千零五.
_TOP_N_CN = (
    r"(?:[一二两三四五六七八九]千(?:零?[一二两三四五六七八九]百)?|[一二两三四五六七八九]百)"
    r"(?:零?[一二三四五六七八九]十[一二三四五六七八九]?|零[一二三四五六七八九]|[一二三四五六七八九])?"
    r"|[一二三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九]"
)
_TOP_N = re.compile(
    rf"前(?P<topn>\d{{1,3}}|{_TOP_N_CN})"
    r"(?:位|名|强)?(?![\d年月天日个季一二两三四五六七八九十百千万亿零])"
)
# Roman-numeral classes: surface-water quality Ⅰ类 (best) … Ⅴ类, 劣Ⅴ类 aside.
_ROMAN = "ⅠⅡⅢⅣⅤⅥ"
_GRADE = re.compile(rf"(?P<grade>[{_ROMAN}])类")
# Verbal shares: 过半 "more than half".
_VERBAL: dict[str, tuple[float, Bound]] = {
    "过半": (50.0, Bound.MORE_THAN),
    "超过半数": (50.0, Bound.MORE_THAN),
    "半数以上": (50.0, Bound.AT_LEAST),
}


@dataclass(frozen=True, slots=True)
class ParsedFigure:
    """A numeric expression read: value in the canonical unit, bound and implied interval."""

    text: str
    value: float
    unit: str
    bound: Bound
    low: float
    high: float
    step: float
    unit_inferred: bool = False

    def agrees_with(self, value: float, unit: str, bound: Bound) -> bool:
        return (
            math.isclose(self.value, value, rel_tol=1e-9, abs_tol=1e-12)
            and self.unit == unit
            and self.bound is bound
        )


# Longest Chinese numeral read (a 400-character run is no figure; cn2an is slow on it).
_CN_MAX_CHARS = 64
_CN_PLAIN = "零〇一二两三四五六七八九"


# A magnitude with no numeral before it: 万亿大关's 万, a denominator (百万分之五: 10^6).
_BARE_MAGNITUDES = {
    "百": Decimal(100),
    "千": Decimal(1000),
    "万": Decimal(10000),
    "百万": Decimal(10**6),
    "千万": Decimal(10**7),
}


_CN_DIGIT_VALUES = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_CN_UNIT_VALUES = {"十": 10, "百": 100, "千": 1000}


def _cn_standard(text: str) -> int | None:
    """A numeral below 10 000 in its standard form (三, 十五, 两百, 一千零一十), read here;
    None for any other form, which cn2an reads. Importing cn2an costs about a quarter of a
    second, and the numerals of policy news are nearly all of this form (三成, 十二个, 两千家);
    tests/test_numbers.py checks that every value read here is cn2an's."""
    if len(text) == 1:
        return 10 if text == "十" else _CN_DIGIT_VALUES.get(text)
    total, last_unit, zero = 0, 10_000, False
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in "零〇":
            if zero or i == 0 or i == n - 1:
                return None
            zero = True
            i += 1
            continue
        if ch == "十" and i == 0:  # 十五: a ten with no digit before it, only first
            total, last_unit = 10, 10
            i += 1
            continue
        digit = _CN_DIGIT_VALUES.get(ch)
        if not digit:  # (a unit out of place, 零 handled above, or no numeral at all)
            return None
        unit = _CN_UNIT_VALUES.get(text[i + 1]) if i + 1 < n else 1
        if unit is None or unit >= last_unit or (ch == "两" and unit < 100):
            return None  # (两十, 十两: not standard)
        # a skipped place needs its 零 (一千零五), and a 零 needs a skipped place
        if zero != (last_unit != 10_000 and last_unit > unit * 10):
            return None
        if unit == 1 and not zero and last_unit != 10:
            return None  # 一百一 (speaking form, 110): cn2an's
        total += digit * unit
        last_unit, zero = unit, False
        i += 2 if unit > 1 else 1
    return total


def _cn_value(text: str) -> Decimal:
    """A Chinese numeral's value through cn2an (三万四千五百六十七, 一点五); a run of plain
    digits before a unit is read digit by digit (三零万二零千: 30 万 + 20 千 = 320000)."""
    if text in _BARE_MAGNITUDES:
        return _BARE_MAGNITUDES[text]
    if (standard := _cn_standard(text)) is not None:
        return Decimal(standard)
    import cn2an  # for what the standard form above does not cover

    if len(text) > _CN_MAX_CHARS:
        raise FigureParseError(f"{text[:20]!r}… is too long a Chinese numeral")
    try:
        return Decimal(str(cn2an.cn2an(text, "smart")))
    except Exception as exc:  # cn2an raises ValueError, KeyError (十十两), IndexError…
        positional = _cn_positional(text)
        if positional is None:
            raise FigureParseError(f"{text!r} is not a Chinese numeral") from exc
        return positional


def _cn_positional(text: str) -> Decimal | None:
    """三零万二零千 (chinese2digits' form): runs of two or more plain digits, each before a
    unit, read digit by digit and scaled; None for any other text."""
    parts = re.fullmatch(rf"(?:[{_CN_PLAIN}]{{2,}}[十百千万亿])+", text)
    if parts is None:
        return None
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
    total = Decimal(0)
    for run, unit in re.findall(rf"([{_CN_PLAIN}]+)([十百千万亿])", text):
        value = Decimal("".join(str(digits[c]) for c in run))
        total += value * _magnitude(unit)
    return total


def _number(text: str) -> tuple[Decimal, Decimal, int]:
    """Value, printed step and trailing-zero count of one number as printed, as exact decimals.

    ``step * 10**zeros`` is the unit of the last significant digit: 2200 → 1 × 10^2,
    1.25 → 0.01, 1.20 → 0.01 × 10^1; a Chinese decimal (三点五) as its Arabic twin.
    """
    if re.fullmatch(_AR_NUM, text):
        plain = text.replace(",", "").replace("，", "").replace("．", ".")
        if "." in plain:
            fraction = plain.split(".")[1]
            decimals = len(fraction)
            zeros = decimals - len(fraction.rstrip("0"))
            return Decimal(plain), Decimal(1).scaleb(-decimals), zeros
        zeros = len(plain) - len(plain.rstrip("0")) if plain.strip("0") else 0
        return Decimal(plain), Decimal(1), zeros
    value = _cn_value(text)
    if "点" in text:
        fraction = text.split("点", 1)[1]
        decimals = len(fraction)
        return value, Decimal(1).scaleb(-decimals), decimals - len(fraction.rstrip("零〇"))
    zeros = 0
    iv = int(value)
    while iv and iv % 10 == 0:
        iv //= 10
        zeros += 1
    return value, Decimal(1), zeros


def _dec(x: float) -> Decimal:
    """The shortest decimal that reads back as ``x`` (4.35, not 4.3499999999999996447…)."""
    return Decimal(repr(x))


def _exact(x: Decimal) -> float:
    """A decimal as the nearest float: 4.35 × 10^8 is 435000000.0, as printed."""
    return float(x)


def _sum(a: float, b: float) -> float:
    """``a + b`` at the printed precision: 1.1 + 0.1 is 1.2, not 1.2000000000000002."""
    if math.isinf(a) or math.isinf(b):
        return a + b
    return float(_dec(a) + _dec(b))


def _inner_power(num: str) -> Decimal:
    """The largest magnitude inside a Chinese numeral (一亿两千: 10^8), 1 when none."""
    return _magnitude("亿" if "亿" in num else "万" if "万" in num else "")


def _magnitude(mag: str) -> Decimal:
    return Decimal(1).scaleb(sum(_MAGNITUDES[ch] for ch in mag))


def parse_figure(text: str) -> ParsedFigure:
    """Read one numeric expression such as ``突破2500亿元``, ``2200余家`` or ``2至3个``.

    Raises FigureParseError naming the text when it is not one whole expression (also for a
    value that is not a string, or one too large for a float). Results are cached on the text
    (a ParsedFigure is immutable); errors are not.
    """
    if not isinstance(text, str):
        raise FigureParseError(f"parse_figure reads text: {type(text).__name__} is not a string")
    return _parse_cached(text.strip())


@lru_cache(maxsize=1 << 15)
def _parse_cached(text: str) -> ParsedFigure:
    parsed = _parse(text)
    if not (math.isfinite(parsed.value) and math.isfinite(parsed.step)):
        # 1 followed by 400 zeros: beyond a float, so no figure the package can hold
        raise FigureParseError(f"{text[:20]!r}… is too large a number")
    return parsed


def _parse(text: str) -> ParsedFigure:
    if m := _FIRST_PLACE.fullmatch(text):
        return ParsedFigure(text, 1.0, "rank", Bound.EXACT, 1.0, 1.0, 1.0)
    if text == "唯一":
        # 全省唯一…的市州: a claim that exactly one exists (a count of 1; unit from the record)
        return ParsedFigure(text, 1.0, "", Bound.EXACT, 1.0, 1.0, 1.0)
    if m := _TOP_N.fullmatch(text):
        return _bounded(text, float(_number(m["topn"])[0]), "rank", Bound.AT_MOST, 1.0, 0.0)
    if m := _GRADE.fullmatch(text):
        grade = float(_ROMAN.index(m["grade"]) + 1)
        return ParsedFigure(text, grade, "grade", Bound.EXACT, grade, grade, 1.0)
    if m := _DOUBLING.fullmatch(text):
        fan = float(_number(m["fan"])[0]) if m["fan"] else 1.0
        times = 2.0**fan
        if m["fansuffix"]:
            # 翻两番以上: at least 4 times
            bound = _SUFFIX_BOUNDS[m["fansuffix"]]
            return _bounded(text, times, "times", bound, 0.0, 0.0)
        if m["fanmore"]:
            # 翻一番多: more than one doubling, fewer than two: (2, 4) times
            return ParsedFigure(text, times, "times", Bound.MORE_THAN, times, 2.0 * times, 0.0)
        return ParsedFigure(text, times, "times", Bound.EXACT, times, times, 0.0)
    if text in _VERBAL:
        value, bound = _VERBAL[text]
        high = 100.0
        return ParsedFigure(text, value, "percent", bound, value, high, 0.0)
    m = _FIGURE.fullmatch(text)
    if m is None:
        raise FigureParseError(f"{text!r} is not a numeric expression (e.g. 约2300亿元, 95%以上)")
    return _read(m)


def _read(m: re.Match[str]) -> ParsedFigure:
    text = m.group(0)
    prefix = m["prefix"]
    if m["ordinal"]:
        # 第3万: the 30000th
        value = _exact(_number(m["rank"])[0] * _magnitude(m["rankmag"] or ""))
        bound = _prefix_bound(prefix) if prefix else Bound.EXACT
        return _bounded(text, value, "rank", bound, 1.0, 0.0)
    if m["frac_a"]:
        a, b = Decimal(m["frac_a"]), Decimal(m["frac_b"])
        if b == 0:
            raise FigureParseError(f"{text!r} divides by zero")
        value = _exact(100 * a / b)
        bound = _prefix_bound(prefix) if prefix else Bound.EXACT
        return _bounded(text, value, "percent", bound, 0.0, 0.0)

    if m["cheng"] or m["fden"]:
        return _share(m)
    if m["several"]:
        # 数百 / 数十: "several hundred / tens", read as 2–9 times the magnitude.
        # 数十亿元: several tens of 亿, [20, 90] 亿元; a currency before (人民币数十亿) is the unit
        unit, factor = (
            _UNIT_WORDS[m["sevunit"]]
            if m["sevunit"]
            else _CURRENCIES.get(m["cur"] or "", ("", 1.0))
        )
        unit_step = _magnitude(m["sevmag"] + (m["sevmag2"] or "")) * _dec(factor)
        return ParsedFigure(
            text,
            _exact(unit_step * Decimal("5.5")),
            unit,
            Bound.RANGE,
            _exact(2 * unit_step),
            _exact(9 * unit_step),
            _exact(unit_step),
        )

    mag = m["mag"] or ""
    if mag and not m["num2"] and _inner_power(m["num"]) > _magnitude(mag):
        # 一亿两千万: the 万 is a section of the numeral after its 亿, not its magnitude
        dvalue, dstep, zeros = _number(m["num"] + mag)
        mag = ""
    else:
        dvalue, dstep, zeros = _number(m["num"])
    unit_word = m["unit"] or ""
    unit_inferred = False
    if m["milestone"]:
        # 千亿大关: a milestone of 1000 亿 yuan (the look-behind makes sure 亿 is printed);
        # with no 元 printed the unit is inferred, as for a bare 亿.
        unit, factor, unit_inferred = "cny_100m", 1e-8, "元" not in m["milestone"]
    elif m["measure"]:
        # 3亿立方米: an amount of a measure with no canonical unit, never of yuan
        unit, factor = "", 1.0
    elif m["du"]:
        # 120亿度 / 1200度电: kilowatt-hours
        unit, factor = "kwh", 1.0
    elif unit_word:
        unit, factor = _UNIT_WORDS[unit_word]
    elif m["eunit"]:
        unit, factor = _ENGLISH_UNITS[m["eunit"]]
    elif m["cur"]:
        unit, factor = _CURRENCIES[m["cur"]]
    elif "亿" in mag:
        # Bare 亿 (e.g. 产值43.9亿): every such figure in these texts is an amount of yuan.
        unit, factor, unit_inferred = "cny_100m", 1e-8, True
    else:
        unit, factor = "", 1.0
    # exact decimals: 4.35亿美元 is 435000000, not 434999999.99999994
    power = Decimal(1).scaleb(_ENGLISH_SCALES[m["emag"]]) if m["emag"] else _magnitude(mag)
    scale = power * _dec(factor)
    value, step = _exact(dvalue * scale), _exact(dstep * scale)
    decline = m["decline"] is not None
    sign = -1.0 if m["sign"] else 1.0
    if unit_word == "大" and dstep < 1:
        # 七大 / 12大类 count items; a decimal (零点零大) counts nothing
        raise FigureParseError(f"{text!r}: 大 counts whole items, not a decimal")
    if unit == "rank" and unit_word == "强":
        # 百强 / 30强: among the top N, i.e. rank at most N (and at least 1).
        return _bounded(text, sign * value, "rank", Bound.AT_MOST, 1.0, 0.0)

    suffix = m["suffix"]
    more = m["more"] or m["more1"]
    if m["num2"]:
        dvalue2, dstep2, _ = _number(m["num2"])
        # 1万-5万元: the first end's own magnitude; 一千到两千万元: the second's for both
        scale1 = _magnitude(m["mag1"]) * _dec(factor) if m["mag1"] else scale
        dlow, dhigh = (-dvalue if m["sign"] else dvalue) * scale1, dvalue2 * scale
        dstep = dstep * scale1 / scale
        if dlow > dhigh:
            raise FigureParseError(f"{text!r} is a range that runs backwards")
        parsed = ParsedFigure(
            text,
            _exact((dlow + dhigh) / 2),
            unit,
            Bound.RANGE,
            _exact(dlow),
            _exact(dhigh),
            _exact(min(dstep, dstep2) * scale),
            unit_inferred,
        )
        return _negated(parsed) if decline else parsed
    bound = Bound.EXACT
    if prefix:
        bound = _prefix_bound(prefix)
    if more:
        bound = Bound.MORE_THAN
    if suffix:
        bound = _SUFFIX_BOUNDS[suffix]
    # 余/多 stop short of the next step of the last significant digit: 2200余 < 2300,
    # 1.2万余 < 1.3万 (the step of 1.2 is 0.1, times 万: 1000).
    more_span = _exact(dstep.scaleb(zeros) * scale) if more else 0.0
    if decline or (sign < 0 and more):
        # The qualifier bounds the size of the decline (at least 0), or 余/多 lengthen the
        # number as printed: read the size, then turn it over.
        size = _bounded(text, value, unit, bound, step, more_span, unit_inferred, 0.0)
        return _negated(size)
    return _bounded(text, sign * value, unit, bound, step, more_span, unit_inferred)


def _cheng_value(cheng: str, tail: str | None) -> tuple[float, float]:
    """X成 with its 分 as a percent and its printed unit: 三成 (30, 10), 三成五 (35, 1)."""
    if cheng == "半":
        # 半成: half of one 成, 5 %, the printed unit half a 成
        return 5.0, 5.0
    number, number_step, _ = _number(cheng)
    tenths = float(number * 10)
    if tail == "半":
        # 三成半: 3 × 10 + half of 10 = 35, the printed unit half a 成 (5 %)
        return tenths + 5.0, 5.0
    if tail:
        # 三成五: 3 × 10 + 5 = 35, the printed unit one 分 (1 %)
        return tenths + float(_number(tail)[0]), 1.0
    # 三成: 30, the printed unit one 成 (10 %); 2.5成: 25, the printed unit 1 %
    return tenths, float(number_step * 10)


def _share(m: re.Match[str]) -> ParsedFigure:
    """A share in words: X成 (X × 10 %), X成Y (三成五: 35 %) or a fraction (四分之一,
    百分之三点五), as a percent."""
    text = m.group(0)
    more_span = 0.0
    if m["cheng"]:
        value, step = _cheng_value(m["cheng"], m["chengtail"])
        if m["cheng2"]:
            # 三成至四成: [30, 40], the midpoint 35, as 8%-10% is read
            high, step2 = _cheng_value(m["cheng2"], m["chengtail2"])
            if value > high:
                raise FigureParseError(f"{text!r} is a range that runs backwards")
            parsed = ParsedFigure(
                text, (value + high) / 2, "percent", Bound.RANGE, value, high, min(step, step2)
            )
            return _negated(parsed) if m["decline"] else parsed
        if m["chengmore"]:
            # 七成多: more than 70, less than the next 成 (80)
            more_span = step
    else:
        den, _, _ = _number(m["fden"])
        # 百分之三点五: the Chinese decimal read as 3.5 (``_number`` through cn2an)
        num, num_step, _ = _number(m["fnum"])
        if den == 0:
            raise FigureParseError(f"{text!r} divides by zero")
        value = _exact(100 * num / den)
        # A part of a power of ten is a printed unit (十分之一 = 一成: 10 %); of 3, none.
        power_of_ten = den >= 10 and den == Decimal(1).scaleb(den.adjusted())
        step = _exact(100 * num_step / den) if power_of_ten else 0.0
        if m["fnum2"]:
            # 百分之三十到四十一: [30, 41], the midpoint 35.5, as 30%-41% is read
            num2, num2_step, _ = _number(m["fnum2"])
            top = _exact(100 * num2 / den)
            if value > top:
                raise FigureParseError(f"{text!r} is a range that runs backwards")
            step = min(step, _exact(100 * num2_step / den) if power_of_ten else 0.0)
            middle = _exact(50 * (num + num2) / den)
            parsed = ParsedFigure(text, middle, "percent", Bound.RANGE, value, top, step)
            return _negated(parsed) if m["decline"] else parsed
    bound = Bound.EXACT
    if m["prefix"]:
        bound = _prefix_bound(m["prefix"])
    if more_span:
        bound = Bound.MORE_THAN
    if m["psuffix"]:
        bound = _SUFFIX_BOUNDS[m["psuffix"]]
    if m["decline"]:
        # 下降三成: a decline of 30 %, read as the percent declines are (the size is at least 0).
        return _negated(_bounded(text, value, "percent", bound, step, more_span, floor=0.0))
    return _bounded(text, value, "percent", bound, step, more_span)


# The least value a unit can take: amounts, counts, durations and areas are not negative;
# ranks and grades start at 1. Percent has no floor: a growth rate can be negative (a share
# cannot, but the reader does not know which one a percent is), and neither has a bare number.
_FLOORS: dict[str, float] = dict.fromkeys(
    (
        *("cny_100m", "usd", "enterprises", "items", "persons", "days", "years", "km2", "chars"),
        *("kwh", "kw", "tonnes", "vehicles", "person_trips", "mu", "households", "platforms"),
    ),
    0.0,
) | {"times": 0.0, "rank": 1.0, "grade": 1.0}

_TURNED = {
    Bound.AT_LEAST: Bound.AT_MOST,
    Bound.AT_MOST: Bound.AT_LEAST,
    Bound.MORE_THAN: Bound.LESS_THAN,
    Bound.LESS_THAN: Bound.MORE_THAN,
}


def _negated(p: ParsedFigure) -> ParsedFigure:
    """The figure turned over zero: a decline of 3.1 % is a change of -3.1 %."""
    return ParsedFigure(
        p.text,
        0.0 - p.value,
        p.unit,
        _TURNED.get(p.bound, p.bound),
        0.0 - p.high,
        0.0 - p.low,
        p.step,
        p.unit_inferred,
    )


def _bounded(
    text: str,
    value: float,
    unit: str,
    bound: Bound,
    step: float,
    more_span: float,
    unit_inferred: bool = False,
    floor: float | None = None,
) -> ParsedFigure:
    """The interval a qualifier implies (rules in the module docstring).

    ``floor`` is the least value possible; by default the unit's (``_FLOORS``), unless the
    value printed is below it (a printed negative amount shows the unit can go negative).
    """
    if floor is None:
        floor = _FLOORS.get(unit, -math.inf)
        if value < floor:
            floor = -math.inf
    match bound:
        case Bound.EXACT:
            low, high = value, value
        case Bound.APPROX:
            # ±5 % of the value, but at least one printed unit: 4家左右 is [3, 5].
            delta = max(_exact(_dec(abs(value)) * _dec(APPROX_RELATIVE)), step)
            low, high = max(_sum(value, -delta), floor), _sum(value, delta)
        case Bound.AT_LEAST:
            low, high = value, math.inf
        case Bound.MORE_THAN:
            low, high = value, _sum(value, more_span) if more_span else math.inf
        case Bound.AT_MOST | Bound.LESS_THAN:
            low, high = floor, value
        case Bound.RANGE:  # pragma: no cover - ranges are built by the caller
            raise AssertionError("range built elsewhere")
    return ParsedFigure(text, value, unit, bound, low, high, step, unit_inferred)


# ---------------------------------------------------------------------------------------------
# Scanning a whole text

_DATE_PATTERNS = [
    r"\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?",
    r"\d{4}/\d{1,2}/\d{1,2}",
    r"\d{4}年\d{1,2}月\d{1,2}日",
    r"\d{4}年\d{1,2}月",
    r"\d{4}年(?:底|初|末|中)?",
    r"\d{1,2}月\d{1,2}日",
    r"(?<![\d\-—－~～至到])\d{1,2}月(?!份?[\d])",
    r"(?<=截至)\d{1,2}月(?:底|末)?",
    r"\d{1,2}日",
    r"\d{1,2}:\d{2}",
]
# The period tokens: the one period grammar's forms that the scanner reads (regiondev.periods).
_PERIOD_PATTERNS = SCAN_PATTERNS
# Mobile numbers: 11 digits from 1[3-9], maybe +86 and spaces or dashes (139-0731-1234).
_MOBILE = r"(?<![\d.])(?:\+86[ -]?)?1[3-9]\d(?:\d{8}|-\d{4}-\d{4}| \d{4} \d{4})(?!\d)"
#: A mobile number (13907311234, +86 139 0731 1234, 139-0731-1234), not inside a longer number.
#: The scan also requires no unit, multiplier or decimal after it (15000000000元 is a figure).
MOBILE_NUMBER = re.compile(_MOBILE)
_CODE_PATTERNS = [
    # mobile numbers, not a number with a unit, a multiplier or a decimal after it (no nested
    # group in the look-ahead: benchmarks/bench_extract_floor.py strips look-arounds)
    _MOBILE + rf"(?![.．]\d|[%％余多万亿度]|{_UNIT_ALT}|{_MEASURE_ALT})",
    r"\+?\d{2,4}-\d{3,4}-\d{6,8}(?:,\d{6,8})*",
    r"[(（]0\d{2,3}[)）]\s*\d{7,8}",
    r"\d{3,4}-\d{7,8}",
    r"[\u4e00-\u9fff]{1,2}ICP(?:备|证)\d+号(?:-\d+)?",
    r"ICP证:京ICP备\d+号-\d+",
    r"公网安备\d+",
    r"\d+[A-Za-z]+[A-Za-z\d\-]*",
    # (RMB3.2 billion is an amount: a currency code before a number leads a figure; no nested
    # group in a look-around: benchmarks/bench_extract_floor.py strips them)
    r"(?!RMB\d|CNY\d|USD\d)[A-Za-z]+-?\d+",
    r"\d+(?:\.\d+)?版",
    r"\d+号楼?",
    r"\d+\.\d+(?:\.\d+)+",
]
# Plan structure: 1+2+N, 4×4 (also 4x4, 4X4, 4＊4, 4*4; a side may be a decimal, 2×2.5 is one
# token), 3(…)+4(…)
_STRUCTURE_PATTERN = (
    r"\d+(?:\+(?:\d+|N))+|\d+(?:\.\d+)?(?:[×xX＊*]\d+(?:\.\d+)?)+"
    r"|\d+\((?:[^()]{1,30})\)(?:\+\d+\((?:[^()]{1,40})\))+"
)

# At a digit, what each kind of token needs after the digits (a figure needs nothing: it is
# the kind every other leaves). One test of it spares the kind's alternatives at the digits of
# an ordinary figure; each holds at the start of every match of its kind (tests/test_numbers.py
# compares the scan pattern with and without them). (No group inside: benchmarks strip them.)
_AT_DIGIT_AHEAD = {
    "structure": r"(?=\d++(?:\.\d++)?[+×xX＊*(])",
    "code": r"(?!\d)|(?=\d++[-A-Za-z号版 ]|\d++\.\d++[.版]|1[3-9]\d{9})",
    "date": r"(?=\d{1,4}[-/年月日:])",
    "period": r"(?!\d)|(?=[\d一二三四五六七八九十]{1,4}\s*[年月季—\-－~～至到])",
}


def _scan_pattern(at_digit_ahead: Mapping[str, str] = _AT_DIGIT_AHEAD) -> str:
    """The one scan pattern: each kind of token a named group, in order of preference."""

    def kind(name: str, body: str) -> str:
        ahead = at_digit_ahead.get(name, "")
        return f"(?P<{name}>(?:{ahead})(?:{body}))" if ahead else f"(?P<{name}>{body})"

    return "|".join(
        [
            kind("structure", _STRUCTURE_PATTERN),
            kind("code", "|".join(_CODE_PATTERNS)),
            kind("date", "|".join(_DATE_PATTERNS)),
            kind("period", "|".join(_PERIOD_PATTERNS)),
            "(?P<figure>" + _figure_pattern("") + ")",
            "(?P<firstplace>首位|唯一(?!性)|过半|超过半数|半数以上|"
            + _DOUBLING.pattern
            + "|"
            + _GRADE.pattern
            + "|"
            + _TOP_N.pattern
            + ")",
        ]
    )


_SCAN = re.compile(_scan_pattern())

# Where a match can start. ``_SCAN`` is one long alternation with no literal prefix, so the
# regex engine would try every alternative at every character; ``scan`` instead jumps from one
# possible start to the next with this cheap pattern and runs ``_SCAN.match`` only there. Each
# branch is a necessary condition for some alternatives of ``_SCAN`` to match at that place:
# a digit, a Chinese numeral, 第, a Roman class numeral or 万亿 (万亿大关); a bound prefix
# (约, 突破, 不低于…) followed by what a figure starts with; a decline word (下降…) followed by
# a number, perhaps after a prefix; a minus sign before a digit; the word-led periods and
# verbal figures (翻一番); a ``+`` before a digit (phones); ``(0`` (an area code in brackets);
# Latin letters running into a digit (``GDP2021``, ``A-1``); ``ICP证`` and 公网安备; a CJK
# character one or two before ``ICP`` (湘ICP备…). tests/test_numbers.py checks, at every
# position of the shipped texts and of generated mixes, that no match is skipped.
_BODY = rf"(?:[第数万\d{_CN_DIGITS}{_MINUS}负]|半成|{_CUR_ALT})"
_SCAN_START_BRANCHES = (
    rf"[\d{_CN_DIGITS}第{_ROMAN}]|万亿|万分之"
    rf"|(?:{_PREFIX_ALT}){_BODY}"
    rf"|{_DECLINE}(?:{_PREFIX_ALT})?[\d{_CN_DIGITS}万]"
    rf"|[{_MINUS}]\d"
    r"|数[十百千万]|前\s*[\d一二两三四五六七八九十]|过去|过半|半成|未来|[上下]半年|大年初|首位|唯一|超过半数|半数以上"
    r"|翻了?[一两二三四五六七八九十\d]番|翻番"
    rf"|负[\d{_CN_DIGITS}]|(?:{_CUR_ALT}) ?[{_MINUS}负]?[\d{_CN_DIGITS}数万]"
    r"|\+\d|[(（]0\d|[A-Za-z](?=[A-Za-z]*-?\d)|ICP证|公网安备"
)
# The look-ahead holds every branch's first character: one set test rejects most places.
_SCAN_START = re.compile(
    rf"(?=[\d{_CN_DIGITS}第{_ROMAN}约大突超逾过高达迈不至低近数前未上下首半提唯+(（A-Za-z公降减回负万翻将接≥≤"
    rf"小少多最人$¥￥{_MINUS}])"
    f"(?:{_SCAN_START_BRANCHES})"
)


# Only a text holding "ICP" can hold a licence number led by one or two CJK characters.
# (compiled on first use: few texts hold one, and the CJK class costs a compile of its own)
@cache
def _scan_start_icp() -> re.Pattern[str]:
    return re.compile(f"{_SCAN_START_BRANCHES}|[\u4e00-\u9fff](?=[\u4e00-\u9fff]?ICP)")


# Chinese numerals carry a figure only next to a classifier or after 第; 一 alone is idiom
# (一批, 一座城市) and is not read as a figure, 一 before 万/亿 and a unit is (一万家, 一亿元).
_CN_OK_TAIL = re.compile(
    r"(个|大|类|条|项|家|名|座|省|位|部分|件|只|倍|强|万|亿|千|百|年|天|%|余|多|几"
    # an amount or a physical quantity (补助三千元, 一千元, 五百吨)
    r"|元|美元|人民币|吨|辆|亩|千瓦|人次"
    # persons (三十人, 九千九百九十一人; not after a bare 百 / 千, ``_boundary_ok``)
    r"|人)"
)
# What may follow a lone 一 in a figure: a magnitude (十/百/千 are part of the numeral), then a
# unit or a milestone, perhaps 余/多 between and a bound after; or a dollar (一美元: no idiom
# starts so, while 一元 is mostly 一元化).
_ONE_MAGNITUDE = re.compile(
    rf"(?:{_MAG}(?:余|多)?(?:元?大关|{_UNIT_ALT})|美元|美金)(?:{_SUFFIX_ALT})?"
)
_DIGIT = re.compile(r"\d")
_SEVERAL = re.compile(r"数[十百千万]")
_PREFIX_RE = re.compile(f"^(?:{_DECLINE})?(?:{_PREFIX_ALT})?(?P<cur>(?:{_CUR_ALT}) ?)?负?")
# The numeral (or the range of two: 一到五个) a Chinese-numeral figure starts with.
_CN_NUMERAL = re.compile(f"(?:{_CN_NUM})(?:{_RANGE_SEP}(?:{_CN_NUM}))?|万(?=亿|分之)")


class Token(NamedTuple):
    """One numeric token found in a text: kind, span and (for figures) the parsed value.

    A named tuple (immutable, and cheap to make: a corpus holds millions of tokens).
    """

    kind: TokenKind
    start: int
    end: int
    text: str
    parsed: ParsedFigure | None = None


_new_token = tuple.__new__


def _is_cn_only(text: str) -> bool:
    return _DIGIT.search(text) is None


@cache
def _boundary_ok(text: str) -> bool:
    """Reject Chinese-numeral matches that are idiom rather than figures."""
    body = text
    if body.startswith("第"):
        return True
    lead = _PREFIX_RE.match(body)
    core = body[lead.end() :] if lead else body
    if lead and lead["cur"] and _CN_NUMERAL.match(core):
        # 人民币三千: the currency printed before is the unit
        return True
    if core.startswith("半成"):
        # 半成 (5 %): the pattern keeps out 半成品
        return True
    if _SEVERAL.match(core):
        # 数百家 / 数十年: "several hundred / several tens of", a vague but real count.
        return True
    numeral = _CN_NUMERAL.match(core)
    if numeral is None:
        return False
    rest = core[numeral.end() :]
    if rest.startswith(("成", "分之", "万分之", "亿分之")):
        # X成 / 四分之一 / 一万分之三: the pattern keeps out the words (成为, 统一成本), so 一成
        # is a tenth.
        return True
    if numeral.group(0) == "一":
        # 一万家, 一亿元, 一万亿元: 一 before a magnitude and a unit is a figure; 一 alone
        # (一批, 一个, 一体化, 统一, 之一) and 一万 with no unit after it are idiom.
        return _ONE_MAGNITUDE.fullmatch(rest) is not None
    if set(numeral.group(0)) <= {"一", "零", "〇"}:
        return False
    if numeral.group(0) in ("百", "千") and rest.startswith("人"):
        # 千人计划 / 百人会: names of programmes, not a hundred or a thousand persons
        return False
    return bool(rest) and bool(_CN_OK_TAIL.match(rest))


@lru_cache(maxsize=1 << 15)
def _figure(raw: str) -> ParsedFigure | None:
    """The figure a ``figure`` match reads as, or None when it is idiom or not a figure.

    Cached on the token text: the answer depends on nothing else and is immutable.
    """
    cn_only = _is_cn_only(raw)
    if cn_only and not _boundary_ok(raw):
        return None
    # A bare prefix word before a non-figure (e.g. 超 in 超高清) never matches, since a
    # number is required; but keep the token tight: strip a prefix that is part of a word.
    try:
        parsed = parse_figure(raw)
    except FigureParseError:
        return None
    if cn_only and parsed.unit == "" and not raw.startswith("第"):
        return None
    return parsed


_PLAIN_KINDS = {
    "structure": TokenKind.STRUCTURE,
    "code": TokenKind.CODE,
    "date": TokenKind.DATE,
    "period": TokenKind.PERIOD,
}


def scan_spans(text: str, spans: Iterable[tuple[int, int]]) -> list[Token]:
    """The tokens of ``scan(text, a, b)`` for each span ``(a, b)`` in turn, in one list: the
    extractor scans a sentence clause by clause, and one call per sentence spares a generator
    per clause (tests hold it equal to the clause-by-clause scan)."""
    out: list[Token] = []
    # (the finder that also proposes licence numbers proposes a superset of places: the same
    # tokens wherever a span holds no ICP)
    find = (_scan_start_icp() if "ICP" in text else _SCAN_START).search
    match = _SCAN.match
    append = out.append
    for pos, endpos in spans:
        while (c := find(text, pos, endpos)) is not None:
            start = c.start()
            m = match(text, start, endpos)
            if m is None:
                pos = start + 1
                continue
            pos = end = m.end()
            kind_name = m.lastgroup
            raw = m.group()
            if kind_name == "figure":
                parsed = _figure(raw)
                if parsed is not None:
                    append(_new_token(Token, (TokenKind.FIGURE, start, end, raw, parsed)))
            elif kind_name == "firstplace":
                append(_new_token(Token, (TokenKind.FIGURE, start, end, raw, parse_figure(raw))))
            else:
                append(_new_token(Token, (_PLAIN_KINDS[str(kind_name)], start, end, raw, None)))
    return out


def scan(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Token]:
    """Every numeric token in a clean text, left to right, non-overlapping.

    ``pos``/``endpos`` limit the scan to ``text[pos:endpos]`` the way they limit
    ``re.Pattern.finditer`` (no token runs past ``endpos``); offsets stay those of ``text``.
    The tokens are exactly those of ``_SCAN.finditer`` (tests keep that reference).
    """
    yield from scan_spans(text, ((pos, len(text) if endpos is None else endpos),))
