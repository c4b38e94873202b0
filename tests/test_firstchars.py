"""First-character guards: derived from the parsed pattern, they never change a match."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from regiondev._extract.resolve_indicator import INDICATOR_RULES
from regiondev.firstchars import first_class, guard, guarded_alternation
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
