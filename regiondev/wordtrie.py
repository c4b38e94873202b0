"""A list of literal words as one regular expression shaped as a trie (a prefix tree).

``"|".join(sorted(words, key=len, reverse=True))`` makes the engine try every word with the
character at hand as its first one after the other; the trie form tries each shared prefix
once. Both match the same text and prefer the same word: at a position, the words that match
there are prefixes of one another, and the trie tries the longer continuation of a prefix
before ending it, as the longest-first list does (also when what follows the alternation
fails and the engine backtracks to a shorter word).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["trie_branches", "trie_pattern"]

_END = ""
_Node = dict[str, "_Node"]


def _build(words: Iterable[str]) -> _Node:
    root: _Node = {}
    for word in words:
        if not word:
            raise ValueError("a trie holds no empty word")
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return root


def trie_pattern(words: Iterable[str]) -> str:
    """The words (non-empty literals) as a trie-shaped pattern, longest word preferred."""
    return _emit(_build(words))


def trie_branches(words: Iterable[str]) -> list[str]:
    """The trie's alternatives by first character: ``"|".join`` of them is ``trie_pattern``.
    Each opens with its literal character, so an alternation of such branches (perhaps with
    something after each) lets the regex engine skip to the possible first characters."""
    return [re.escape(ch) + _emit(sub) for ch, sub in _build(words).items()]


def _emit(node: _Node) -> str:
    branches = [re.escape(ch) + _emit(sub) for ch, sub in node.items() if ch != _END]
    if _END in node:
        if not branches:
            return ""
        # the longer words through this node first, then the word that ends here
        return "(?:" + "|".join(branches) + ")?"
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"
