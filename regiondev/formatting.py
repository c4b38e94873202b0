"""Numbers and codes for people: one formatter for the report, the terminal and the notebooks.

Every function takes ``lang`` (``"en"`` default, or ``"zh"``) and returns a string; none
imports anything heavy. The rules, with worked examples in ``tests/test_formatting.py``:

- **Digits.** A cataloged figure keeps the digits it was printed with: ``step`` (the unit of
  its last printed digit, 28.1 % → 0.1) gives the decimals, so 2487.1 亿元 prints 2,487.1 and
  4000 prints 4,000, never 4,000.0. Without a step a value prints at most 6 significant digits
  with trailing zeros dropped.
- **Derived rates** (a CAGR, a share computed from two figures) get at most one decimal more
  than the finest input supports: inputs printed to 0.1 % (step 0.1 percentage points) give at
  most 2 decimals (``derived_decimals``). Where the interval the inputs' rounding and bounds
  imply is known, digits stop where that interval is resolved: the decimal place of the leading
  digit of its width (width 0.35 points → 1 decimal, 0.04 → 2), and never more than that cap.
  Without either, 1 decimal.
- **Percent** has a sign: ``9.96 %`` in English (a space, as SI writes it), ``9.96%`` in
  Chinese. A fraction (0.0996) is turned into percent exactly with ``fraction=True``.
- **Thousands separators** in both languages: 12,546,000. In Chinese, an amount of money
  keeps its 亿元; physical quantities of 10^4 and more are written with 万 or 亿 when that is
  an exact decimal shift (4.5e10 kWh → 450亿千瓦时).
- **Bounds are bounds.** A figure with a qualifier never prints its midpoint or an endpoint
  as if it were the value: symbols in tables (``> 2,000``, ``≥ 95 %``, ``< 10 %``, ``≤ 30``,
  ``1–2``, ``≈ 30``), words in sentences (``more than 2,000``, ``at least 2``, ``about 30``,
  Chinese 超过/不少于/约/不到/不超过). A range prints its two ends (1~2个 → ``1–2``), not 1.5.
  余/多 (more than v, below the next step) prints as more than v.
- **Intervals** print as ``9.9–10.0 %``, the unit once at the end; an open end turns the
  interval into a bound (``≥ 9.9 %``); identical ends print once.
- **Money.** 亿元 (``cny_100m``, 100 million yuan) stays 亿元 in Chinese. In English a value
  in 亿元 is written in billions of yuan by an exact decimal shift (2,487.1 亿元 = 248.71 bn
  yuan: one 亿 is 0.1 bn, one more decimal, no digit invented or lost). ``unit_label`` names
  the canonical unit itself (``100m yuan``) for a column whose cells are canonical values.
- **Labels.** Indicator codes read as their English or Chinese name from
  ``regiondev/data/indicators.toml``; regions as Hunan 湖南, Changsha 长沙, Zhuzhou 株洲,
  China 全国; verdicts, check statuses, classifications, bounds and periods in words.
"""

from __future__ import annotations

import math
import tomllib
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Literal, get_args

__all__ = [
    "LANGS",
    "Lang",
    "bounded",
    "check_status_label",
    "classification_label",
    "count",
    "decimals_for_step",
    "derived_decimals",
    "dimension_label",
    "indicator_label",
    "indicator_names",
    "indicator_scope",
    "interval",
    "member_label",
    "number",
    "percent",
    "period_label",
    "quantity",
    "region_code",
    "region_label",
    "unit_label",
    "verdict_label",
]

Lang = Literal["en", "zh"]
LANGS: tuple[str, ...] = get_args(Lang)
INF = math.inf

# --------------------------------------------------------------------------------------------
# Digits


def decimals_for_step(step: float | None) -> int | None:
    """Decimals a printed step implies: 0.1 → 1, 0.05 → 2, 1 → 0, 100 → 0; None when unknown."""
    if step is None or not math.isfinite(step) or step <= 0:
        return None
    d = Decimal(repr(float(step))).normalize()
    exponent = int(d.as_tuple().exponent)
    return max(0, -exponent)


def derived_decimals(
    input_decimals: int | None = None,
    low: float | None = None,
    high: float | None = None,
) -> int:
    """Decimals for a rate derived from printed inputs (in the unit it is printed in).

    At most one decimal more than the finest input (``input_decimals``; inputs to 0.1 give at
    most 2); where the interval [low, high] the inputs imply is known and wider than nothing,
    no more than the decimal place of the leading digit of its width. 1 without information.
    """
    cap = 2 if input_decimals is None else input_decimals + 1
    if low is not None and high is not None and math.isfinite(low) and math.isfinite(high):
        width = abs(high - low)
        if width > 0:
            # 0.35 → 1, 0.04 → 2, 3.2 → 0; the epsilon keeps 4.35 − 4.25 = 0.0999… at 1
            lead = -math.floor(math.log10(width) + 1e-9)
            return max(0, min(cap, lead))
    return min(cap, 1) if input_decimals is None else cap


def _plain(value: float, decimals: int | None) -> str:
    """A number with thousands separators; ``decimals`` None → up to 6 significant digits."""
    if value == 0:
        value = 0.0  # no "-0"
    if decimals is None:
        if value == int(value) and abs(value) < 1e15:
            return f"{int(value):,}"
        text = f"{value:.6g}"
        if "e" in text:
            text = f"{value:,.{max(0, 6 - 1 - math.floor(math.log10(abs(value))))}f}"
        whole, _, frac = text.partition(".")
        whole_num = int(whole.replace(",", "")) if whole not in ("-0", "") else 0
        sign = "-" if value < 0 else ""
        frac = frac.rstrip("0")
        return f"{sign}{abs(whole_num):,}" + (f".{frac}" if frac else "")
    text = f"{value:,.{decimals}f}"
    if text.startswith("-") and float(text[1:].replace(",", "")) == 0:
        text = text[1:]
    return text


def number(
    value: float | None,
    decimals: int | None = None,
    *,
    step: float | None = None,
    max_decimals: int | None = None,
) -> str:
    """A number with thousands separators: ``number(12546000)`` → ``12,546,000``;
    ``number(2487.1, step=0.1)`` → ``2,487.1``; ``max_decimals=2`` rounds to at most two
    decimals and drops trailing zeros (15,268.78; 3,902.4; 5,000); None → ``–``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    if max_decimals is not None and decimals is None and step is None:
        text = _plain(float(value), max_decimals)
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return ("0" if text in ("-0", "") else text).replace("-", "−")
    if decimals is None:
        decimals = decimals_for_step(step)
    return _plain(float(value), decimals).replace("-", "−")


def percent(
    value: float | None,
    decimals: int | None = None,
    *,
    lang: Lang = "en",
    fraction: bool = False,
    step: float | None = None,
    sign: bool = False,
) -> str:
    """``percent(9.96, 2)`` → ``9.96 %``; ``percent(0.0996, 1, fraction=True)`` → ``10.0 %``;
    ``sign=True`` writes ``+`` before a positive value (a change)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    v = _to_percent(value, fraction)
    if decimals is None:
        decimals = decimals_for_step(step)
    text = number(v, decimals)
    if sign and v > 0 and math.isfinite(v):
        text = "+" + text
    return text + _pct(lang)


def _to_percent(value: float, fraction: bool) -> float:
    if not fraction or not math.isfinite(value):
        return value
    # exact decimal shift, so 0.071 prints 7.1 and not 7.1000000000000005
    return float(Decimal(repr(float(value))) * 100)


def _pct(lang: Lang) -> str:
    return "%" if lang == "zh" else " %"


# --------------------------------------------------------------------------------------------
# Units

_UNIT_LABELS: dict[str, tuple[str, str]] = {
    "cny_100m": ("100m yuan", "亿元"),
    "usd": ("US dollars", "美元"),
    "percent": ("%", "%"),
    "enterprises": ("enterprises", "家"),
    "items": ("items", "个"),
    "persons": ("persons", "人"),
    "days": ("days", "天"),
    "years": ("years", "年"),
    "km2": ("km²", "平方公里"),
    "rank": ("rank", "位"),
    "chars": ("characters", "字"),
    "times": ("times", "倍"),
    "grade": ("grade", "类"),
    "kwh": ("kWh", "千瓦时"),
    "kw": ("kW", "千瓦"),
    "tonnes": ("tonnes", "吨"),
    "vehicles": ("vehicles", "辆"),
    "person_trips": ("person-trips", "人次"),
    "mu": ("mu", "亩"),
    "households": ("households", "户"),
    "platforms": ("platforms", "家"),
}
_SINGULAR = {
    "enterprises": "enterprise",
    "items": "item",
    "persons": "person",
    "days": "day",
    "years": "year",
    "characters": "character",
    "tonnes": "tonne",
    "vehicles": "vehicle",
    "person-trips": "person-trip",
    "households": "household",
    "platforms": "platform",
    "US dollars": "US dollar",
}


def unit_label(code: str | None, lang: Lang = "en") -> str:
    """The label of a canonical unit code, for a column of canonical values:
    ``cny_100m`` → ``100m yuan`` / ``亿元``; an unknown code is returned as it is."""
    if not code:
        return ""
    en, zh = _UNIT_LABELS.get(code, (code, code))
    return zh if lang == "zh" else en


def _with_unit(num: str, unit: str | None, lang: Lang, value: float | None) -> str:
    """Join a formatted number and its unit: ``2,487.1亿元``, ``12 enterprises``, ``1 item``."""
    if not unit:
        return num
    if unit == "percent":
        return num + _pct(lang)
    if unit == "rank":
        return f"第{num}位" if lang == "zh" else f"no. {num}"
    label = unit_label(unit, lang)
    if lang == "zh":
        return num + label
    if value is not None and abs(value) == 1:
        label = _SINGULAR.get(label, label)
    return f"{num} {label}"


_ZH_SCALES = ((8, "亿"), (4, "万"))
_NO_ZH_SCALE = frozenset({"", "percent", "cny_100m", "rank", "grade", "times", "years", "days"})


def _exponent(decimals: int | None, step: float | None) -> int | None:
    """The power of ten of the last printed digit: 2 decimals → -2; step 1000 → 3."""
    if decimals is not None:
        return -decimals
    if step is None or not math.isfinite(step) or step <= 0:
        return None
    return math.floor(math.log10(step) + 1e-9)


def _scaled(value: float, unit: str | None, exp: int | None, lang: Lang) -> tuple[str, str]:
    """The number and the unit as a person writes them: 亿元 → bn yuan in English; large
    physical quantities in 万/亿 in Chinese. Always an exact decimal shift, the printed
    precision kept (562.3万千瓦 = 5,623,000 kW, step 1,000, prints 562.3万千瓦 again)."""
    if not math.isfinite(value):
        return number(value), unit or ""
    if unit == "cny_100m" and lang == "en":
        return _shift(value, 1, exp), " bn yuan"
    if lang == "zh" and (unit or "") not in _NO_ZH_SCALE:
        for power, word in _ZH_SCALES:
            if abs(value) >= 10**power:
                return _shift(value, power, exp), word + unit_label(unit, lang)
    return number(value, None if exp is None else max(0, -exp)), ""


def _shift(value: float, power: int, exp: int | None) -> str:
    """``value / 10^power`` printed exactly (Decimal), keeping the printed precision."""
    shifted = float(Decimal(repr(float(value))).scaleb(-power))
    return number(shifted, None if exp is None else max(0, power - exp))


def quantity(
    value: float | None,
    unit: str | None = None,
    *,
    lang: Lang = "en",
    decimals: int | None = None,
    step: float | None = None,
) -> str:
    """A value with its unit: ``quantity(2487.1, "cny_100m", step=0.1)`` → ``248.71 bn yuan``
    (``2,487.1亿元`` in Chinese); ``quantity(12, "enterprises", lang="zh")`` → ``12家``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    num, scaled_label = _scaled(float(value), unit, _exponent(decimals, step), lang)
    if scaled_label:
        return num + scaled_label
    return _with_unit(num, unit, lang, value)


# --------------------------------------------------------------------------------------------
# Bounds and intervals

#: symbol and English and Chinese words for each one-sided bound
_BOUND_WORDS: dict[str, tuple[str, str, str]] = {
    "approx": ("≈ ", "about ", "约"),
    "at_least": ("≥ ", "at least ", "不少于"),
    "more_than": ("> ", "more than ", "超过"),
    "at_most": ("≤ ", "at most ", "不超过"),
    "less_than": ("< ", "less than ", "不到"),
}


def bounded(
    value: float | None,
    bound: str | None = "exact",
    *,
    unit: str | None = None,
    low: float | None = None,
    high: float | None = None,
    step: float | None = None,
    decimals: int | None = None,
    lang: Lang = "en",
    words: bool = False,
) -> str:
    """A cataloged figure as the text bounds it, never a midpoint or endpoint as the value.

    ``bounded(2000, "more_than", unit="enterprises")`` → ``> 2,000 enterprises``;
    ``words=True`` → ``more than 2,000 enterprises``; a range from its ``low`` and ``high``
    (``1–2 items``); exact → the value.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    b = str(bound or "exact")
    if b == "range":
        if low is None or high is None:
            raise ValueError("a range needs its low and high ends")
        return interval(low, high, unit=unit, lang=lang, decimals=decimals, step=step, words=words)
    text = quantity(value, unit, lang=lang, decimals=decimals, step=step)
    if b == "exact" or b not in _BOUND_WORDS:
        return text
    symbol, en, zh = _BOUND_WORDS[b]
    if lang == "zh":
        return (zh if words else symbol) + text
    return (en if words else symbol) + text


def interval(
    low: float,
    high: float,
    *,
    unit: str | None = None,
    lang: Lang = "en",
    decimals: int | None = None,
    step: float | None = None,
    fraction: bool = False,
    words: bool = False,
    low_open: bool = False,
    high_open: bool = False,
) -> str:
    """``interval(9.9, 10.0, unit="percent", decimals=1)`` → ``9.9–10.0 %``; an unbounded
    end gives a bound from the other end: ``≥ 9.9 %`` when that end is included, ``> 32.7 %``
    when it is excluded (``low_open``: a share derived from a 突破 figure); equal ends print
    once."""
    if unit == "percent" or fraction:
        low, high = _to_percent(low, fraction), _to_percent(high, fraction)
        unit = "percent"
    lo_inf, hi_inf = math.isinf(low), math.isinf(high)
    if lo_inf and hi_inf:
        return "any value" if lang == "en" else "任意值"
    if hi_inf or lo_inf:
        if hi_inf:
            end, bound = low, "more_than" if low_open else "at_least"
        else:
            end, bound = high, "less_than" if high_open else "at_most"
        return bounded(end, bound, unit=unit, lang=lang, decimals=decimals, step=step, words=words)
    a = quantity(low, unit, lang=lang, decimals=decimals, step=step)
    b = quantity(high, unit, lang=lang, decimals=decimals, step=step)
    if a == b:
        return a
    # the unit once, at the end: 9.9–10.0 %, 1–2 items, 1–2个
    sa, sb = _split_unit(a, unit, lang), _split_unit(b, unit, lang)
    if sa[1].strip() in (sb[1].strip(), _SINGULAR.get(sb[1].strip())):
        return f"{sa[0]}–{sb[0]}{sb[1]}"
    return f"{a} – {b}"


def _split_unit(text: str, unit: str | None, lang: Lang) -> tuple[str, str]:
    """Split ``2,487.1 bn yuan`` into (``2,487.1``, `` bn yuan``) at the number's end."""
    i = 0
    if text.startswith(("no. ", "第")):
        return text, ""
    while i < len(text) and (text[i].isdigit() or text[i] in ",.−-"):
        i += 1
    return text[:i], text[i:]


# --------------------------------------------------------------------------------------------
# Labels


def region_label(code: str | None, lang: Lang = "en") -> str:
    """``zhuzhou`` → ``Zhuzhou`` / ``株洲`` (names from the gazetteer, ``regiondev.regions``);
    an unknown code is returned as it is."""
    if not code:
        return ""
    from regiondev.regions import region_name

    rn = region_name(code)
    if rn is None:
        return code
    return rn.name_zh if lang == "zh" else rn.name_en


def region_code(name: str) -> str | None:
    """The region code of a name in any case or language (``株洲``, ``株洲市``, ``Zhuzhou``,
    ``ZHUZHOU``); None when it names none of the four regions."""
    from regiondev.errors import ParameterError
    from regiondev.regions import resolve_region

    try:
        return resolve_region(name).value
    except ParameterError:
        return None


@cache
def _shipped_indicators() -> tuple[dict[str, object], ...]:
    """Every ``[[indicator]]`` table shipped: ``indicators.toml`` and the reference files'."""
    data = resources.files("regiondev.data")
    files = [data.joinpath("indicators.toml")]
    files += sorted(
        (f for f in data.joinpath("reference").iterdir() if f.name.endswith(".toml")),
        key=lambda f: f.name,
    )
    out: list[dict[str, object]] = []
    for f in files:
        out.extend(tomllib.loads(f.read_bytes().decode("utf-8")).get("indicator", []))
    return tuple(out)


@cache
def indicator_names() -> dict[str, tuple[str, str]]:
    """Indicator code → (English name, Chinese name), from the shipped ``indicators.toml``
    and the reference data's own indicators."""
    return {
        str(r["code"]): (str(r.get("name_en", r["code"])), str(r.get("name_zh", r["code"])))
        for r in _shipped_indicators()
    }


@cache
def _indicator_scopes() -> dict[str, tuple[str, str]]:
    return {
        str(r["code"]): (str(r["scope"]), str(r.get("scope_zh", r["scope"])))
        for r in _shipped_indicators()
        if r.get("scope")
    }


def indicator_scope(code: str | None, lang: Lang = "en") -> str:
    """What an indicator counts, from ``indicators.toml`` (``scope`` / ``scope_zh``): for
    ``industrial_va`` 'industrial enterprises with main-business revenue of 20 million yuan
    or more' / 年主营业务收入2000万元及以上的工业企业; "" when it states none."""
    en, zh = _indicator_scopes().get(code or "", ("", ""))
    return zh if lang == "zh" else en


def indicator_label(code: str | None, lang: Lang = "en", *, both: bool = False) -> str:
    """``gdp`` → ``Gross regional product`` (``地区生产总值`` in Chinese); ``both=True`` adds
    the other language's name in brackets. An unknown code reads with spaces for ``_``."""
    if not code:
        return ""
    names = indicator_names().get(code)
    if names is None:
        return code.replace("_", " ")
    en, zh = names
    if both:
        return f"{zh}（{en}）" if lang == "zh" else f"{en} ({zh})"
    return zh if lang == "zh" else en


#: English and Chinese names of the partition members the texts use (cn22's domains and
#: macro-regions) and of their dimensions.
MEMBER_NAMES: dict[str, tuple[str, str]] = {
    "it": ("New-generation IT", "新一代信息技术"),
    "high_end_equipment": ("High-end equipment", "高端装备"),
    "new_materials": ("New materials", "新材料"),
    "biomedicine": ("Biomedicine & medical devices", "生物医药及高端医疗器械"),
    "consumer_goods": ("Consumer goods", "消费品"),
    "nev_icv": ("NEV & connected vehicles", "新能源及智能网联汽车"),
    "east": ("East", "东部"),
    "central": ("Central (incl. Hunan)", "中部（含湖南）"),
    "west": ("West", "西部"),
    "northeast": ("Northeast", "东北"),
    "military": ("Active-duty military", "现役军人"),
    "all_four": ("All four key areas", "四个重点领域全部"),
}
_DIMENSIONS: dict[str, tuple[str, str]] = {
    "domain": ("domain", "领域"),
    "macro_region": ("macro-region", "区域"),
    "key_areas": ("key areas", "重点领域"),
}


def member_label(code: str, lang: Lang = "en") -> str:
    """A partition member (``breakdown = "domain=it"``'s ``it``) in words; an unknown code
    with spaces for ``_``."""
    names = MEMBER_NAMES.get(code)
    if names is None:
        return code.replace("_", " ")
    return names[1] if lang == "zh" else names[0]


def dimension_label(code: str, lang: Lang = "en") -> str:
    """A breakdown's dimension (``macro_region`` → macro-region / 区域)."""
    en, zh = _DIMENSIONS.get(code, (code.replace("_", " "), code.replace("_", " ")))
    return zh if lang == "zh" else en


_VERDICTS: dict[str, tuple[str, str]] = {
    "met": ("met", "已实现"),
    "missed": ("missed", "未实现"),
    "no_outcome": ("no outcome on record", "暂无结果数据"),
    "on_track": ("on track", "进度符合"),
    "acceleration_needed": ("acceleration needed", "需要加速"),
    "limited_progress": ("limited progress", "进展有限"),
    "moving_away": ("moving away", "背离目标"),
    "not_assessable": ("not assessable", "无法评估"),
}
_CLASSIFICATIONS: dict[str, tuple[str, str]] = {
    "on_track": ("on track", "进度符合"),
    "acceleration_needed": ("acceleration needed", "需要加速"),
    "limited_progress": ("limited progress", "进展有限"),
    "moving_away": ("moving away", "背离目标"),
    "target_already_met": ("already met", "基期已达到"),
    "basis_differs": ("basis differs", "口径不同"),
    "no_history": ("no growth on record", "无历史增速"),
    "not_assessed": ("not assessed", "未评估"),
}
_CHECK_STATUSES: dict[str, tuple[str, str]] = {
    "pass": ("pass", "通过"),
    "warn": ("warning", "警告"),
    "fail": ("fail", "不一致"),
    "not_comparable": ("not comparable", "不可比"),
    "not_checkable": ("not checkable", "无法核对"),
}


def _lookup(table: dict[str, tuple[str, str]], code: str | None, lang: Lang) -> str:
    if not code:
        return ""
    en, zh = table.get(code, (code.replace("_", " "), code))
    return zh if lang == "zh" else en


def verdict_label(code: str | None, lang: Lang = "en") -> str:
    """A target's verdict in words: ``acceleration_needed`` → ``acceleration needed`` / 需要加速."""
    return _lookup(_VERDICTS, code, lang)


def classification_label(code: str | None, lang: Lang = "en") -> str:
    """A progress classification in words (``target_already_met`` → ``already met``)."""
    return _lookup(_CLASSIFICATIONS, code, lang)


def check_status_label(code: str | None, lang: Lang = "en") -> str:
    """A consistency verdict in words (``not_comparable`` → ``not comparable`` / 不可比)."""
    return _lookup(_CHECK_STATUSES, code, lang)


_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def period_label(period: str | None, lang: Lang = "en") -> str:
    """A canonical period in words: ``2019M01-M11`` → ``Jan–Nov 2019`` / ``2019年1–11月``;
    ``2016-2020`` → ``2016–2020``; ``2021Q1-Q3`` → ``Q1–Q3 2021`` / ``2021年一至三季度``."""
    if not period:
        return ""
    if "…" in period:  # a span between two dated figures: 2018-08-21…2022-09-16
        a, _, b = period.partition("…")
        return f"{period_label(a, lang)}–{period_label(b, lang)}"
    from regiondev.model import Period, PeriodKind

    try:
        p = Period.parse(period)
    except ValueError:
        return period
    zh = lang == "zh"
    match p.kind:
        case PeriodKind.YEAR:
            return f"{p.start_year}年" if zh else str(p.start_year)
        case PeriodKind.MONTHS:
            if p.first == p.last:
                return (
                    f"{p.start_year}年{p.first}月"
                    if zh
                    else f"{_MONTHS_EN[p.first - 1]} {p.start_year}"
                )
            if zh:
                return f"{p.start_year}年{p.first}–{p.last}月"
            return f"{_MONTHS_EN[p.first - 1]}–{_MONTHS_EN[p.last - 1]} {p.start_year}"
        case PeriodKind.QUARTERS:
            q = "一二三四"
            if zh:
                if p.first == p.last:
                    return f"{p.start_year}年{q[p.first - 1]}季度"
                return f"{p.start_year}年{q[p.first - 1]}至{q[p.last - 1]}季度"
            if p.first == p.last:
                return f"Q{p.first} {p.start_year}"
            return f"Q{p.first}–Q{p.last} {p.start_year}"
        case PeriodKind.SPAN:
            return f"{p.start_year}–{p.end_year}年" if zh else f"{p.start_year}–{p.end_year}"
        case _:
            if zh:
                return f"{p.start_year}年{p.first}月{p.day}日"
            return f"{p.day} {_MONTHS_EN[p.first - 1]} {p.start_year}"


_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_IRREGULAR = {"analysis": "analyses", "quantity": "quantities", "city": "cities"}


def count(n: int, noun: str, *, lang: Lang = "en", words: bool = False) -> str:
    """``count(1, "target")`` → ``1 target``; ``count(3, "check")`` → ``3 checks``;
    ``words=True`` spells zero to nine (``two targets``). Chinese: ``3个`` + the noun."""
    if lang == "zh":
        return f"{n}{noun}"
    head = _NUMBER_WORDS[n] if words and 0 <= n < len(_NUMBER_WORDS) else f"{n:,}"
    if n == 1:
        return f"{head} {noun}"
    plural = _IRREGULAR.get(noun)
    if plural is None:
        plural = noun + ("es" if noun.endswith(("s", "x", "ch", "sh")) else "s")
    return f"{head} {plural}"
