"""Text from a document made safe for a terminal: control characters shown, not obeyed.

A text can carry ESC and OSC sequences (which recolour, retitle or hyperlink a terminal),
other C0 and C1 controls, Unicode line and paragraph separators, and bidi overrides
(which make a line read differently from what it holds). Text output shows each as an
escape such as ``\\x1b`` or ``\\u202e``; :func:`width` gives the printed width of a
stretch so that a caret under a quoted line stays in its column.
"""

from __future__ import annotations

import re
import sys

# C0 but tab, DEL and C1, the Arabic letter mark, LRM/RLM, the Unicode line and paragraph
# separators, the bidi embeddings, overrides and isolates.
_UNSAFE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str, *, newlines: bool = False) -> str:
    """``text`` with every control character escaped (line breaks too, unless ``newlines``)."""
    if newlines:  # one pattern to compile at start-up, not two: the lines are escaped one by one
        return "\n".join(_UNSAFE.sub(_escape, line) for line in text.split("\n"))
    return _UNSAFE.sub(_escape, text)


def width(text: str) -> int:
    """How many columns ``printable(text)`` takes (a code point each; escapes their length)."""
    return len(printable(text))


def to_stderr(line: str) -> None:
    """Print a line to standard error, escaped: every message of the command goes this way."""
    print(printable(line), file=sys.stderr)
