"""A trie-shaped word pattern matches as the longest-first alternation of the words."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regiondev.wordtrie import trie_pattern


def test_the_trie_shares_prefixes_and_prefers_the_longest_word() -> None:
    assert trie_pattern(["湖南", "湖南省", "湖北"]) == "湖(?:南(?:省)?|北)"
    assert re.match(trie_pattern(["增加", "增加了"]), "增加了5%").group(0) == "增加了"  # type: ignore[union-attr]
    # metacharacters are literal
    assert re.fullmatch(trie_pattern(["a.b", "(x)"]), "(x)") is not None
    assert re.fullmatch(trie_pattern(["a.b"]), "axb") is None
    with pytest.raises(ValueError, match="empty"):
        trie_pattern(["", "x"])


_WORDS = st.lists(
    st.text(alphabet="长沙市湖南省路", min_size=1, max_size=4), min_size=1, max_size=8
)


@settings(max_examples=300, deadline=None)
@given(_WORDS, st.text(alphabet="长沙市湖南省路", max_size=30))
def test_same_matches_as_the_longest_first_alternation(words: list[str], text: str) -> None:
    plain = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    trie = trie_pattern(words)
    # also when what follows fails and the engine backtracks to a shorter word
    for tail in ("", "(?!路)"):
        assert [m.span() for m in re.finditer(f"(?:{trie}){tail}", text)] == [
            m.span() for m in re.finditer(f"(?:{plain}){tail}", text)
        ]


def test_the_branches_are_the_trie_by_first_character() -> None:
    from regiondev.wordtrie import trie_branches

    assert trie_branches(["湖南", "湖南省", "湖北", "长沙"]) == ["湖(?:南(?:省)?|北)", "长沙"]


@settings(max_examples=300, deadline=None)
@given(_WORDS, st.text(alphabet="长沙市湖南省路区", max_size=30))
def test_a_suffix_after_each_branch_matches_as_after_the_trie(words: list[str], text: str) -> None:
    # (host)(?:区|路) written as 长…(?:区|路)|湖…(?:区|路): each branch opens with a literal
    from regiondev.wordtrie import trie_branches

    tail = "(?:区|路)"
    whole = f"(?:{trie_pattern(words)}){tail}"
    spread = "|".join(b + tail for b in trie_branches(words))
    assert [m.span() for m in re.finditer(spread, text)] == [
        m.span() for m in re.finditer(whole, text)
    ]
