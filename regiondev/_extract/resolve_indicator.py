"""Indicator resolver: which catalog indicator a figure is a value of, and the cue word that
decided it; and the basis of a growth rate (nominal for money flows, real for output).

The nearest indicator cue before the figure that has a code for the figure's (kind, unit)
wins, unless the clause names its own subject or another subject (出口, 税收…) stands between.
A count takes the noun after it (22条产业链). The cue words and subjects are data
(``data/indicator_cues.toml``); the rules that combine them are here.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from regiondev._extract.indicator_cues import indicator_cues
from regiondev._extract.rulefile import alternation, compile_cues
from regiondev.firstchars import fast, first_class, guarded_alternation

__all__ = [
    "INDICATOR_RE",
    "INDICATOR_RULES",
    "clause_start",
    "growth_is_nominal",
    "growth_subjects",
    "guess_indicator",
]

_CUES = indicator_cues()
# Indicator guesses (data/indicator_cues.toml): cue → [(kind, unit, code)]; the cue nearest
# before the figure that fits the figure's kind and unit wins.
INDICATOR_RULES: dict[str, tuple[tuple[str, str, str], ...]] = {
    r.cue: tuple((c.kind, c.unit, c.code) for c in r.codes) for r in _CUES.rules
}
# (kind, unit) → indicator code, per rule (a later option of a rule wins, as it always has).
_INDICATOR_CODES = tuple({(c.kind, c.unit): c.code for c in r.codes} for r in _CUES.rules)
# characters before a rule's cue where its subject is named (a two-year average's)
_SUBJECT_BEFORE = tuple(r.subject_before for r in _CUES.rules)
# The look-ahead holds every first character of every cue, and each cue sits behind a guard
# of its own (both derived from the cues by ``firstchars``), so the engine rejects most
# positions with one set test and leaves most cues after another.
INDICATOR_FIRST = first_class("|".join(INDICATOR_RULES)) or ""
INDICATOR_RE = re.compile(
    (f"(?=[{INDICATOR_FIRST}])" if INDICATOR_FIRST else "")
    + "(?:"
    + guarded_alternation(f"(?P<r{i}>{cue})" for i, cue in enumerate(INDICATOR_RULES))
    + ")"
)


# Growth of money flows is reported in current prices (nominal); of output, in constant prices.
# Subjects that are none of the indicators the rules guess: a cue before one of them is not
# the figure's (规模工业增加值增长7.2%,出口增长20%: the 20% is of exports).
# A count after another kind of enterprise named in a later clause is that kind's.
_OTHER_COUNTED = re.compile(_CUES.other_counted)
_OTHER_SUBJECT = compile_cues(_CUES.other_subject)

# The last subject named before a growth rate decides: a money flow, or an output measure.
_GROWTH_SUBJECT = re.compile(
    fast(f"(?P<nominal>{alternation(_CUES.nominal)})|(?P<real>{alternation(_CUES.real)})")
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


_MONTH_ON_MONTH = compile_cues(_CUES.month_on_month)
# Nouns that make a clause's own subject: a cue of an earlier clause is not its figure's
# (but 总量/规模 refer back to it: 地区生产总值年均增长7.1%,总量突破3000亿元).
_CLAUSE_SUBJECT = compile_cues(_CUES.clause_own)


def clause_start(stext: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts (the index of its comma; -1 for the first)."""
    return max(stext.rfind("，", 0, pos), stext.rfind(",", 0, pos))


# The noun right after a count (个/家/条… already in the figure): 22条产业链, 三大产业集群.
_COUNTED_NOUN = re.compile(
    f"(?![{re.escape(_CUES.not_counted_first)}])" + r"[\u4e00-\u9fff“\"]{2,8}"
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
    elif _MONTH_ON_MONTH.search(stext, (clause := clause_start(stext, tstart)) + 1, tstart):
        icue = "环比: on the month before, not year on year"
    elif indicators and indicators[0][0] <= tstart:
        key = (kind, unit)
        own_subject = _CLAUSE_SUBJECT.search(stext, clause + 1, tstart) is not None
        # those ending after the figure are never its cue: start before them
        for iend, idx, word in reversed(indicators[: bisect_right(indicators, tstart, key=_first)]):
            if iend <= clause and own_subject:
                break  # 全省数字经济规模突破1.8万亿元: the clause names its own subject
            if iend <= tstart and (code := _INDICATOR_CODES[idx].get(key)):
                # another subject named after the cue (出口, 税收…) is the figure's own;
                # a two-year average is of the subject just before it
                before = _SUBJECT_BEFORE[idx]
                since = iend - len(word) - before if before else iend
                other = _OTHER_SUBJECT if unit != "enterprises" else _OTHER_COUNTED
                if other.search(stext, max(0, since), tstart) is None:
                    guess, icue = code, word
                break
    if guess == "unknown" and not counted and not icue:
        # the words before the figure, without the tail of an earlier number
        words = stext[max(0, tstart - 10) : tstart]
        if words[:1].isdigit() or words[:1] in (".", "%", "％"):
            words = _PARTIAL_NUMBER.sub("", words)
        icue = words.strip(" ,，、")
    return guess, icue
