"""Text from files (news texts, catalogs, paths) made safe to print on a terminal.

A news text or a catalog may hold escape sequences (``\\x1b[2J`` clears the screen) and other
control characters; printed raw they would clear or recolour the user's terminal or hide
text. Every character of Unicode category Cc (C0 and C1 controls, DEL) except tab and
newline, and the bidirectional overrides (which reorder what is shown), is written as a
visible escape such as ``\\x1b``.
"""

from __future__ import annotations

import re

__all__ = ["printable"]

# C0 controls but tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates,
# line and paragraph separators, and lone surrogates (which no terminal can be sent).
_UNSAFE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)


def _escape(m: re.Match[str]) -> str:
    ch = m.group()
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every unsafe character written as a visible escape (newlines kept)."""
    return _UNSAFE.sub(_escape, text)
