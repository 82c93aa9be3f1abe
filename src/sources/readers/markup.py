"""What the Markdown and LaTeX readers share: a document without pages, and the notes,
markers, claims and keyed citations they collect while reading, assembled into
:class:`Footnotes`.

A markup text's notes are numbered by the reader (in order of reference, as pandoc and
LaTeX number them); a note's claim is the sentence of the text that leads up to its
marker.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence

from sources.citations.keyed import KeyedItem, keyed_citations
from sources.model import Citation, Claim, Diagnostic, Document, Footnote, Footnotes, Marker, NoteText, Span
from sources.readers.formats import MARKDOWN
from sources.readers.sentences import sentence_ends
from sources.readers.textmap import LineIndex, Stitch

# Both parsers recurse a few calls per level of nesting: the readers' own depth limits
# (latex.MAX_DEPTH, markdown._MAX_NESTING, 200 levels) are reached only above Python's
# default of 1,000 frames (a LaTeX note nested 199 deep goes past it). Those limits
# keep the recursion bounded; Python-to-Python calls do not grow the C stack (3.11+).
RECURSION_LIMIT = 10_000
# How far back a claim may reach: a sentence is shorter, and a bound keeps a 10 MB paragraph linear.
CLAIM_REACH = 2000


def read_markup(text: str, path: str, input_format: str) -> Footnotes:
    """A Markdown or LaTeX text's notes and keyed citations.

    The interpreter's recursion limit is raised to :data:`RECURSION_LIMIT` while the text is
    parsed and restored afterwards (it is process-wide: a thread recursing deeply at the same
    time sees the higher limit, never a lower one).
    """
    from sources.readers.latex import read_latex
    from sources.readers.markdown import read_markdown

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, RECURSION_LIMIT))
    try:
        return read_markdown(text, path) if input_format == MARKDOWN else read_latex(text, path)
    finally:
        sys.setrecursionlimit(limit)


def markup_document(path: str, text: str) -> Document:
    """A text read as markup: no pages, no classified lines."""
    return Document(path, text, LineIndex.of(text), (), ())


class Collected:
    """Notes, markers, claims and citations, gathered in reading order by one reader."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.markers: dict[int, Marker] = {}
        self.claims: dict[int, Claim] = {}
        self.notes: dict[int, NoteText] = {}
        self.in_notes: dict[int, list[Citation]] = defaultdict(list)
        self.in_body: list[Citation] = []
        self.diagnostics: list[Diagnostic] = []
        self.groups = 0
        self.last_mark = 0

    def cite(self, items: Sequence[KeyedItem], footnote: int | None) -> None:
        """One bracket or command of keyed citations, in the note ``footnote`` or the body."""
        if not items:
            return
        self.groups += 1
        citations, found = keyed_citations(self.document, items, footnote, self.groups)
        (self.in_body if footnote is None else self.in_notes[footnote]).extend(citations)
        self.diagnostics += found

    def mark(self, number: int, span: Span, low: int) -> None:
        """The marker of note ``number`` at ``span``; its claim is read back no further than ``low``."""
        if number in self.markers:
            return
        self.markers[number] = Marker(number, span, None)
        # A claim starts after the marker before it at the earliest: that one closed the claim before.
        claim = claim_before(self.document.text, max(low, self.last_mark), span.start)
        self.last_mark = span.end
        if claim is not None:
            self.claims[number] = claim

    def note(self, number: int, pieces: Iterable[tuple[int, int]], at: int) -> None:
        """The text of note ``number`` (at offset ``at``), from ``(start, end)`` pieces, one per line."""
        kept = [(start, end) for start, end in pieces if end > start]
        stitch = Stitch.join(self.document.text, kept)
        span = Span(kept[0][0], kept[-1][1]) if kept else Span(at, at)
        self.notes[number] = NoteText(number, span, (span,), None, stitch)

    def footnotes(self) -> Footnotes:
        numbers = sorted(set(self.markers) | set(self.notes))
        footnotes = tuple(
            Footnote(
                n, self.markers.get(n), self.claims.get(n), self.notes.get(n), citations=tuple(self.in_notes.get(n, ()))
            )
            for n in numbers
        )
        ordered = sorted(self.diagnostics, key=lambda d: d.span.start if d.span else -1)
        return Footnotes(self.document, footnotes, (), tuple(ordered), tuple(self.in_body))


def lines_of(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut into one piece per line, each without its leading and trailing blanks."""
    pieces = []
    position = start
    while position < end:
        stop = text.find("\n", position, end)
        stop = end if stop < 0 else stop
        line = text[position:stop]
        stripped = line.strip()
        if stripped:
            first = position + len(line) - len(line.lstrip())
            pieces.append((first, first + len(stripped)))
        position = stop + 1
    return pieces


def claim_before(text: str, low: int, marker: int) -> Claim | None:
    """The sentence that ends at (or runs up to) a marker: what the note supports."""
    low = max(low, marker - CLAIM_REACH)
    window = text[low:marker]
    ends = sentence_ends(window.rstrip())
    # The last end is the window's own end; the sentence starts after the one before it.
    start = low + (ends[-2] if len(ends) > 1 else 0)
    claim = " ".join(text[start:marker].split())
    if not claim:
        return None
    first = start + len(text[start:marker]) - len(text[start:marker].lstrip())
    return Claim(claim, Span(first, marker), None, None)
