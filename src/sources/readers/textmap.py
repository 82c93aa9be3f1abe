"""Offsets and where they point: original offset → (line, column), and rejoined text → original.

Two maps, both linear to build and logarithmic to query:

* :class:`LineIndex` turns an offset of the decoded file into a 1-based line and column.
* :class:`Stitch` is a text built from pieces of the original (lines rejoined, line-end
  hyphens undone) together with the offset in the original where each piece came from.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate

from attrs import field, frozen

from sources.records import record_eq, record_hash, record_repr

_NEWLINE = re.compile(r"\r\n|\r|\n")


@frozen
class LineIndex:
    """Start offset of every line of a text; ``\\r\\n``, ``\\r`` and ``\\n`` all end a line."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    starts: array[int] = field(eq=False)

    @classmethod
    def of(cls, text: str) -> LineIndex:
        starts = array("q", [0])
        if "\r" in text:
            starts.extend(m.end() for m in _NEWLINE.finditer(text))
        else:  # the common case, read by str.split at a quarter of the cost
            starts.extend(accumulate(len(line) + 1 for line in text.split("\n")[:-1]))
        return cls(starts)

    def line(self, text: str, number: int) -> str:
        """Line ``number`` (1-based) of ``text``, without its line break."""
        start = self.starts[number - 1]
        end = self.starts[number] if number < len(self.starts) else len(text)
        return text[start:end].rstrip("\r\n")

    def locate(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset``."""
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


# A line-end hyphen is kept (not a word break) when the next line starts with an
# izafet particle (Hâkimiyet-/i Milliye, Kuvâ-/yı Milliye), a capital (Yılmaz-/Kaya,
# Türkiye-/Sovyet) or follows a digit (212-/213, 1337-/1921); typesetting never breaks a
# word before a single letter, so "-i " at a line start is always a real hyphen.
_IZAFET = re.compile(r"y?[iıuü](?![^\W\d_])")


def joins_without_space(previous: str, following: str) -> tuple[bool, bool]:
    """How two lines meet: (no space between them, drop the line-end hyphen of ``previous``)."""
    if len(previous) < 2 or not previous.endswith("-") or not following:
        return False, False
    before, first = previous[-2], following[0]
    if before.isdigit():
        return True, False
    if not before.isalpha():
        return False, False
    keep = first.isupper() or first.isdigit() or _IZAFET.match(following) is not None
    return True, not keep


@frozen
class Stitch:
    """A text assembled from pieces of an original text, with the way back to it.

    Piece ``k`` covers ``text[at[k]:at[k] + length[k]]`` and came from
    ``original[source[k]:source[k] + length[k]]``. Characters between pieces (the space
    that joins two lines) map to the start of the following piece.
    """

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    text: str
    at: array[int] = field(eq=False, repr=False)
    source: array[int] = field(eq=False, repr=False)
    length: array[int] = field(eq=False, repr=False)

    @classmethod
    def join(cls, original: str, pieces: Iterable[tuple[int, int]]) -> Stitch:
        """Rejoin ``original[start:end]`` pieces (one per line) as running text."""
        parts: list[str] = []
        at, source, length = array("q"), array("q"), array("q")
        size = 0
        previous = ""
        for start, end in pieces:
            piece = original[start:end]
            if not piece:
                continue
            if parts:
                # Most lines end without a hyphen: they join with a space, no call needed.
                tight, drop = joins_without_space(previous, piece) if previous[-1] == "-" else (False, False)
                if drop:
                    parts[-1] = parts[-1][:-1]
                    length[-1] -= 1
                    size -= 1
                if not tight:
                    parts.append(" ")
                    size += 1
            at.append(size)
            source.append(start)
            length.append(len(piece))
            parts.append(piece)
            size += len(piece)
            previous = piece
        return cls("".join(parts), at, source, length)

    def to_source(self, offset: int) -> int:
        """The original offset of ``text[offset]`` (a joining space maps forward)."""
        if not self.at:
            return 0
        k = max(bisect_right(self.at, offset) - 1, 0)
        inside = offset - self.at[k]
        if inside < self.length[k]:
            return self.source[k] + inside
        if k + 1 < len(self.at):
            return self.source[k + 1]
        return self.source[k] + self.length[k]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` covering ``text[start:end]``."""
        if end <= start:
            point = self.to_source(start)
            return point, point
        return self.to_source(start), self.to_source(end - 1) + 1
