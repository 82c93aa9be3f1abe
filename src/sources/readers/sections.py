"""Section headings among body lines: ``1. Türkiye-Rusya ...``, ``3.1. ...``, ``Sonuç``.

A heading opens a paragraph (the body line before it ends a sentence), and is either
numbered and title-like (most words capitalised) or one of the unnumbered headings
articles use. A heading wrapped over several lines goes on while its line ends in a
hyphen or the next line is short and title-like.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import frozen

from sources.model import Line
from sources.records import record_eq, record_hash, record_repr

_NUMBERED = re.compile(r"(\d{1,2}(?:\.\d{1,2})*)\.\s+(\S.*)")
_UNNUMBERED = frozenset(
    "giriş|sonuç|sonuç ve değerlendirme|değerlendirme|kaynakça|kaynaklar|"
    "introduction|conclusion|conclusions|references|bibliography".split("|")
)
_CONNECTORS = frozenset("ve ile veya ya da de ki için and or of the in on to a an".split())
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_STOPS = (".", "!", "?", ":", "…", ")", "”", '"', "»")


@frozen
class HeadingLines:
    """A heading found among body lines: which lines (inclusive) and its number."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    first: int
    last: int
    number: str | None


def title_like(text: str) -> bool:
    """Whether most words of ``text`` that are not connectors start with a capital."""
    words = [w for w in _WORD.findall(text) if w.casefold() not in _CONNECTORS]
    capitals = sum(1 for w in words if w[0].isupper())
    return capitals >= 0.75 * len(words)


def find_headings(lines: Sequence[Line]) -> list[HeadingLines]:
    """The headings among ``lines`` (body lines in reading order)."""
    if not lines:
        return []
    short = 0.7 * _median([len(line.text) for line in lines])
    headings = []
    i = 0
    while i < len(lines):
        number = _heading_number(lines, i)
        if number is None:
            i += 1
            continue
        last = i
        while last + 1 < len(lines) and _continues(lines[last].text, lines[last + 1].text, short):
            last += 1
        headings.append(HeadingLines(i, last, number or None))
        i = last + 1
    return headings


def _median(values: list[int]) -> float:
    """The median (statistics.median, whose import costs more than the rest of this module)."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _heading_number(lines: Sequence[Line], i: int) -> str | None:
    """'' for an unnumbered heading at line ``i``, its number for a numbered one, else None."""
    if i and not _ends_paragraph(lines[i - 1].text):
        return None
    text = lines[i].text
    if text.rstrip(":").strip().casefold() in _UNNUMBERED:
        return ""
    match = _NUMBERED.fullmatch(text)
    if match and title_like(match.group(2)):
        return match.group(1)
    return None


def _ends_paragraph(text: str) -> bool:
    """A stop at the end of ``text``, perhaps with a note number of up to nine digits glued to it."""
    end = len(text)
    while end and text[end - 1].isdecimal():
        end -= 1
    return len(text) - end <= 9 and text.endswith(_STOPS, 0, end)


def _continues(current: str, following: str, short: float) -> bool:
    if current.endswith("-"):
        return True
    if _ends_paragraph(current):
        return False
    return len(following) < short and title_like(following)
