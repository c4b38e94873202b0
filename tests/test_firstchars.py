"""First-character guards: derived from the parsed pattern, they never change a match."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from regiondev._extract.resolve_indicator import INDICATOR_RULES
from regiondev.firstchars import fast, first_class, guard, guarded_alternation
from regiondev.periods import FORMS


def test_first_classes() -> None:
    # 地区生产总值|GDP: 地 or G; 人均(?:GDP|…): the inner alternation is after 人
    assert first_class("地区生产总值|GDP") == "地G"
    assert first_class("人均(?:GDP|地区生产总值)") == "人"
    # a look-behind consumes nothing: the character after it starts the match
    assert first_class("(?<!技术)制造业") == "制"
    # an optional part: its first characters and those of what follows
    assert first_class(r"(?:(?P<y>(?:19|20)\d{2})年)?前") == "12前"
    assert first_class(r"\d{1,2}月") == r"\d"
    assert first_class("[1-4一二]季度") == "1-4一二"
    # no guard when it cannot be worked out, or when the match can be empty
    assert first_class("[^，]+") is None
    assert first_class(".年") is None
    assert first_class("(?:年)?") is None
    assert first_class("(?i:gdp)") is None
    # global flags must open a pattern: no guard can go before them
    assert first_class("(?i)gdp") is None and fast("(?i)gdp") == "(?i)gdp"
    assert first_class("(?x) g d p") is None
    assert guard("规模") == "(?=[规])" and guard("(?:年)?") == ""


def test_special_characters_are_escaped_in_the_class() -> None:
    cls = first_class(r"-|]|\^|\\")
    assert cls is not None and re.fullmatch(f"[{cls}]+", "-]^\\")
    assert re.fullmatch(f"[{cls}]", "a") is None


_FORMS = [f"(?P<{f.name}>{f.pattern})" for f in FORMS if f.cue]
_CUES = [f"(?P<r{i}>{c})" for i, c in enumerate(INDICATOR_RULES)]
_ALPHABET = "".join(sorted(set("".join(f.pattern for f in FORMS) + "".join(INDICATOR_RULES))))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET + "0123456789年月", max_size=60))
def test_a_guarded_alternation_matches_as_the_plain_one(text: str) -> None:
    for alternatives in (_FORMS, _CUES):
        plain = re.compile("|".join(alternatives))
        guarded = re.compile(guarded_alternation(alternatives))
        assert [(m.span(), m.lastgroup) for m in guarded.finditer(text)] == [
            (m.span(), m.lastgroup) for m in plain.finditer(text)
        ]


def test_fast_guards_only_what_the_engine_cannot_skip_by_itself() -> None:
    # opens with a literal or alternatives of literals: the engine's own prefix test
    assert fast("目前|当前") == "目前|当前"
    assert fast("[12]年") == "[12]年"
    # a look-behind or an optional part first: a guard in front
    assert fast("(?<!按)计划|力争") == "(?=[计力])(?:(?<!按)计划|力争)"
    assert fast("(?:还|仍)?要") == "(?=[还仍要])(?:(?:还|仍)?要)"
    # a look-ahead first: the pattern has its guard already
    assert fast("(?=[增])增长") == "(?=[增])增长"
    # each alternative that does not open with a literal gets its own guard
    assert guarded_alternation(["力争", "(?<!按)计划"]) == "力争|(?=[计])(?:(?<!按)计划)"
