"""Kind resolver: what a figure is (level, count, share, growth, rank…) and why some figures
are set aside as no level (a change, an ordinal, a ratio part, a scale label, a code).

A percent takes the kind of the nearest kind cue before it in its own clause (增长 → growth,
占/比重 → share); any other figure the kind of its unit. Cue words and unit kinds come from
``data/cues.toml``, the words that set a figure aside from ``data/kind_cues.toml``.
"""

from __future__ import annotations

import re

from regiondev._extract.kind_cues import kind_cues
from regiondev._extract.lexicon import lexicon, words_pattern
from regiondev._extract.rulefile import alternation
from regiondev.numbers import MOBILE_NUMBER, SCALE_WORDS, TokenKind

__all__ = [
    "CHANGE_REASONS",
    "CUE_KIND",
    "GROWTH_AFTER",
    "KIND_CUE",
    "KIND_REASON",
    "UNIT_KIND",
    "change_reason",
    "code_reason",
]

_LEX = lexicon()
_KC = kind_cues()
# Kinds of percent figures: the nearest cue before the figure decides.
# One alternation of both families, longest word first (增长面, a share, before 增长), as a
# trie whose branches each open with a literal: the engine skips to the cues' first characters
# by itself (a look-ahead in front would stop it doing so).
KIND_CUE = re.compile(f"(?:{words_pattern((*_LEX.growth, *_LEX.share))})")
#: cue word → the kind it gives a percent (growth or share)
CUE_KIND: dict[str, str] = {
    **{w: "share" for w in _LEX.share},
    **{w: "growth" for w in _LEX.growth},
}
# After a percent: 实现5%左右的增长 (a growth rate named after its figure)
GROWTH_AFTER = re.compile(alternation(_KC.growth_after))
#: unit → the kind of a figure in it
UNIT_KIND: dict[str, str] = _LEX.unit_kind

_PHONE = re.compile(r"\+?(?:[(（]0\d{2,3}[)）]\s*)?[\d\-,]{7,}")


def code_reason(text: str) -> str:
    if "ICP" in text or "备" in text:
        return "licence number (ICP/公网安备)"
    if _PHONE.fullmatch(text) or MOBILE_NUMBER.fullmatch(text):
        return "phone number"
    return "code or identifier (not a quantity)"


KIND_REASON = {
    TokenKind.DATE: "date",
    TokenKind.PERIOD: "period expression (the figure's period, not a quantity)",
    TokenKind.STRUCTURE: "plan structure such as 1+2+N (names, not a quantity)",
}
_SCALE_WORD = re.compile("|".join(SCALE_WORDS))
# 百亿元制造业企业 / 千亿元产业集群: a class of firm or cluster by output
_CN_DIGITS_START = frozenset(_KC.numeral_start)
# 产值过百亿元的企业: a threshold of a class, whatever bound it carries
_SCALE_OF = re.compile(alternation(_KC.of_after))
_SCALE_CLASS = re.compile(alternation(_KC.class_after))
_SCALE_THRESHOLD = re.compile(alternation(_KC.threshold_after))
_ORDINAL_NOUN = re.compile(alternation(_KC.batch_after))
# 第一条 总体目标: an article of the text itself (its outline), not a batch or a rank
_ARTICLE = re.compile(alternation(_KC.article_after))
# 有效期3年: a duration of validity, no figure's period nor quantity
_DURATION = re.compile(f"(?:{alternation(_KC.duration_before)})")
# 证券代码：688419 / 查询电话：(852) 2833 6120: the digits of an identifier
# (what can stand right before such a code's digits: a colon, a bracket, a space, a digit, + or
# -, or the last character of a code word)
_CODE_PREV = frozenset(
    "：:()（） \u3000\t+-0123456789０１２３４５６７８９" + "".join(w[-1] for w in _KC.code_words)
)
# (the word, a colon, then only digits, spaces, brackets, plus or dash up to the figure)
_CODE_BEFORE = re.compile(
    f"(?:{'|'.join(map(re.escape, _KC.code_words))})" + r"[：:]?[\d\s()（）+\-]{0,16}$"
)
# 500万元以上的技术改造项目: the entry threshold of a class of projects or firms
_MONEY_THRESHOLD = re.compile(alternation(_KC.money_threshold_after))
# 首次突破50亿元、100亿元的整车企业: each amount of a list naming one class is a threshold
# 每10股派发现金红利3元: the amount paid per share count
_PER_SHARE = re.compile(f"(?:{alternation(_KC.per_share_amount_before)})")
_LIST_AFTER = re.compile(alternation(_KC.list_after))
_LIST_BEFORE = re.compile(f"(?:{alternation(_KC.list_before)})")
_LIST_LAST_AFTER = re.compile(alternation(_KC.list_last_after))
# the literal words of the code patterns and the document number's bracket
# 第一产业 / 第二产业 / 第三产业: the primary, secondary and tertiary sectors, not ranks.
_SECTOR_NAME = re.compile(alternation(_KC.sector))
# 多增15家, 比上年末增加76家, 净增: more than before by N.
_MORE_THAN_BEFORE = re.compile(alternation(_KC.more_before))
# 比去年同期少12个, 较上年减少3家: fewer than before by N.
_FEWER_THAN_BEFORE = re.compile(alternation(_KC.fewer_before))
# After 500强 / 百强: the members of a ranked list (企业, 县, 城市…), a class not a place
_RANKED_CLASS = re.compile(alternation(_KC.ranked_after))
# 分三大门类看 / 在41个工业大类行业中 / 六大高耗能行业: a statistical classification's size
_WITHIN_BEFORE = re.compile(f"(?:{alternation(_KC.within_before)})")
_WITHIN_AFTER = re.compile(alternation(_KC.within_after))
_NAMED_CLASS = re.compile(alternation(_KC.named_after))
_CN_BIG = re.compile("[一二两三四五六七八九十]+大")
_RATIO_PART = re.compile(r"[:：∶]\d")
_RATIO_PART_BEFORE = re.compile(r"\d[:：∶]$")
CHANGE_REASONS = (
    "decrease from an earlier figure",
    "increase over an earlier figure",
    "percentage-point change",
    "change in rank",
)
# 第二个国家级集群 / 第三家: an ordinal naming which one (a measure word after it), not a rank
_WHICH_ONE = re.compile(alternation(_KC.which_one_after))
# 成为继轨道交通后第二个过千亿元产业集群: an order of succession (so there are two), kept
_SUCCESSION = re.compile(alternation(_KC.succession_before))
# 提高到2023年 (…的1.2倍): a year read as a duration after a verb of reaching
_YEAR_OF_LEVEL = re.compile(alternation(_KC.year_of_level))
# An open title or quotation (《… / “…) before the figure, closed after it within a name's length
# by a campaign's or plan's word (“七大工程” names seven projects: a count, kept)
_NAME_OPEN = re.compile(r"[《“「][^《》“”「」，,。；;]{0,20}$")
_NAME_CLOSE = re.compile(
    r"[^《》“”「」，,。；;]{0,20}?" + f"(?:{alternation(_KC.campaign)})" + r"[》”」]"
)


def _in_name(stext: str, tstart: int, tend: int) -> bool:
    """A number inside a title or a quoted campaign name (《株洲四年行动计划》, “三大攻坚行动”)."""
    return (
        _NAME_OPEN.search(stext, max(0, tstart - 20), tstart) is not None
        and _NAME_CLOSE.match(stext, tend) is not None
    )


_PLAN_NAME = re.compile(alternation(_KC.plan_after))
_OUTLINE = re.compile(alternation(_KC.outline_after))
_CN_COUNT = re.compile("[一二两三四五六七八九十]+[个大项类条点]?")
_RANK_MOVE = re.compile(alternation(_KC.rank_move_before))
_POINTS_LIST = re.compile(alternation(_KC.points_list_after))


def change_reason(stext: str, tstart: int, tend: int, unit: str) -> str:
    """Why a figure is no level: a change (percentage points, places, more than before), an
    ordinal of a batch, a code, or a scale label."""
    # 2.3个百分点: a percent the reader reads with its words (earlier, a count before them)
    if (
        unit in ("items", "")
        and (stext.startswith(_KC.points_after, tend) or _POINTS_LIST.match(stext, tend))
    ) or (unit == "percent" and stext.endswith(_KC.points_after, tstart, tend)):
        return "percentage-point change (a difference of two rates, not a rate)"
    if not unit and (
        (
            tstart > 0
            and stext.startswith(_KC.number_open, tstart - 1)
            and stext.startswith(_KC.number_close, tend)
        )
        or (
            tstart > 0
            and stext[tstart - 1] in _CODE_PREV
            and _CODE_BEFORE.search(stext, max(0, tstart - 24), tstart)
        )
    ):
        return "code or identifier (a document number, stock code or phone number)"
    if (
        not unit
        and stext.startswith(_KC.per_share_unit, tend)
        and stext.endswith(_KC.per_share_before, 0, tstart)
    ) or (
        unit == "cny_100m"
        and stext.endswith("元", tstart, tend)
        and stext.find(_KC.per_share_before, max(0, tstart - 20), tstart) != -1
        and _PER_SHARE.search(stext, max(0, tstart - 20), tstart)
    ):
        return "part of a ratio (每10股派发3元: a dividend per share count, no amount)"
    if unit == "rank" and _RANK_MOVE.search(stext, max(0, tstart - 3), tstart):
        return "change in rank (places moved, not a place)"
    if unit == "rank" and stext.startswith("第", tstart) and _ARTICLE.match(stext, tend):
        return "structure of the text (第一条: an article or chapter), not a rank"
    if unit == "rank" and stext.startswith("第", tstart) and _ORDINAL_NOUN.match(stext, tend):
        return "ordinal of a batch, edition or item (第三批), not a rank"
    if (
        unit == "rank"
        and stext.startswith("第", tstart)
        and _WHICH_ONE.match(stext, tend)
        and not _SUCCESSION.search(stext, max(0, tstart - 30), tstart)
    ):
        return "ordinal of a batch, edition or item (第二个国家级集群: which one), not a rank"
    if unit == "years" and _YEAR_OF_LEVEL.fullmatch(stext, tstart, tend):
        return "date (提高到2023年的…: the year of a level, not a quantity)"
    if _in_name(stext, tstart, tend):
        return "part of a plan's name (《…四年行动计划》, “三大攻坚行动”), not a quantity"
    if (
        unit == "rank"
        and _SECTOR_NAME.match(stext, tstart, tend)
        and stext.startswith(_KC.sector_after, tend)
    ):
        return "sector name (第一/第二/第三产业: primary, secondary, tertiary), not a rank"
    if not unit and (
        _RATIO_PART.match(stext, tend)
        or _RATIO_PART_BEFORE.search(stext, max(0, tstart - 2), tstart)
    ):
        return "part of a ratio (7.1:43.9:49.0): each part is a share; record it as one if wanted"
    if (
        unit in ("items", "")
        and _CN_COUNT.fullmatch(stext, tstart, tend)
        and _OUTLINE.match(stext, tend)
    ):
        return "structure of the text (三个亮点：…, 三大特点，一是…), not a quantity"
    if unit == "years" and _DURATION.search(stext, max(0, tstart - 5), tstart):
        return "period expression (有效期3年: a duration of validity, not a quantity)"
    if unit == "years" and _PLAN_NAME.match(stext, tend):
        return "part of a plan's name (三年行动方案, 五年行动计划), not a quantity"
    if _MORE_THAN_BEFORE.search(stext, max(0, tstart - 14), tstart):
        return "increase over an earlier figure (a difference, not a level)"
    if unit != "percent" and _FEWER_THAN_BEFORE.search(stext, max(0, tstart - 14), tstart):
        return "decrease from an earlier figure (a difference, not a level)"
    if unit in ("items", "") and (
        (
            _WITHIN_BEFORE.search(stext, max(0, tstart - 1), tstart)
            and _WITHIN_AFTER.match(stext, tend)
        )
        or (_CN_BIG.fullmatch(stext, tstart, tend) and _NAMED_CLASS.match(stext, tend))
    ):
        return "sector name (分三大门类, 41个工业大类行业, 六大高耗能行业: the classification)"
    if unit == "cny_100m" and (
        (stext.endswith("亿", tstart, tend) and _SCALE_WORD.match(stext, tend))
        or (
            stext.endswith("亿元", tstart, tend)
            and stext[tstart] in _CN_DIGITS_START
            and _SCALE_CLASS.match(stext, tend)
        )
        or (
            # 其中过百亿元项目3个: a threshold label with the count of its class after it (but
            # 成为第二个过千亿元产业集群: the cluster's own output passed it, a figure)
            stext.endswith("亿元", tstart, tend)
            and stext[tstart] in _KC.threshold_start
            and stext[tstart + 1 : tstart + 2] in _CN_DIGITS_START
            and (cls := _SCALE_CLASS.match(stext, tend)) is not None
            and stext[cls.end() : cls.end() + 1] in _CN_DIGITS_START
        )
        or (stext.endswith(("亿元", "亿元以上"), tstart, tend) and _SCALE_OF.match(stext, tend))
        or (stext.endswith("亿元以上", tstart, tend) and _SCALE_THRESHOLD.match(stext, tend))
    ):
        return "scale label (千亿产业 / 百亿级: a class of industry by output, not an amount)"
    if (
        unit == "cny_100m"
        and stext.endswith("元以上", tstart, tend)
        and _MONEY_THRESHOLD.match(stext, tend)
    ):
        return "scale label (500万元以上的技术改造项目: the entry threshold of a class)"
    if (
        unit == "cny_100m"
        and stext.endswith("元", tstart, tend)
        and tend < len(stext)
        and stext[tend] in "、和的以"
        and (
            _LIST_AFTER.match(stext, tend)
            or (
                _LIST_BEFORE.search(stext, max(0, tstart - 12), tstart)
                and _LIST_LAST_AFTER.match(stext, tend)
            )
        )
    ):
        return "scale label (突破50亿元、100亿元的企业: thresholds naming a class)"
    if unit == "rank" and stext.endswith("强", tstart, tend) and _RANKED_CLASS.match(stext, tend):
        return "scale label (世界500强企业 / 百强县: a class of ranked members, not a rank)"
    return ""
