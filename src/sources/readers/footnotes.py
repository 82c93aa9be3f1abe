"""Document → footnotes: note texts, markers in the body, the claims they support.

The stages, each a function below: place every line (:mod:`sources.readers.layout`), rejoin the
body and each note (:class:`sources.readers.textmap.Stitch`), find headings, find markers, cut
the claim sentence around each marker, and check the numbering. Every problem becomes a
:class:`Diagnostic`; nothing here raises on a problem in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence

from attrs import frozen

from sources.checks import rules
from sources.model import (
    Claim,
    Diagnostic,
    Document,
    Footnote,
    Footnotes,
    Line,
    Marker,
    NoteText,
    Section,
    Span,
)
from sources.readers.layout import Placed, Role, place_lines
from sources.readers.sections import HeadingLines, find_headings
from sources.readers.sentences import sentence_at, sentence_ends
from sources.readers.textmap import Stitch
from sources.records import record_eq, record_hash, record_repr

# Digits glued to a word, or to punctuation that follows a word: "geçirmişlerdi.1",
# "Bey,62", "1921)50", "olabilecekti26." Not "3.1.", "22/23", "4-11" or "15’er".
# The scan stops only at digits and looks behind them for the word or punctuation: the
# same matches as consuming that prefix, at a third of the cost on a long body.
_MARKER = re.compile(r"(?=\d)(?:(?<=[^\W\d_])|(?<=[^\W\d_][.,;:!?])|(?<=[)”\"’»]))(\d{1,9})(?![\d’'/]|[^\W\d_]|[.-]\d)")
# A marker may run ahead of the last one by this much before it is taken for a number.
_MARKER_SKIP = 3


def read_footnotes(document: Document) -> Footnotes:
    """Every footnote of ``document``, with its marker, claim and text."""
    placed = place_lines(document)
    body_lines = [line for line, p in zip(document.lines, placed, strict=True) if p is not None and p.role is Role.BODY]
    notes = _note_texts(document, placed)
    body = Stitch.join(document.text, ((line.span.start, line.span.end) for line in body_lines))
    headings = find_headings(body_lines)
    placed_markers = _markers(document, body, set(notes))
    markers = [marker for _, marker in placed_markers]
    sections = _sections(body, headings, {m.span.start for m in markers})
    claims = _claims(body, sections, placed_markers)
    diagnostics = list(document.diagnostics)
    diagnostics += _numbering(document, markers, notes)
    first_marker: dict[int, Marker] = {}
    for marker in markers:
        first_marker.setdefault(marker.number, marker)
    footnotes = tuple(
        Footnote(n, first_marker.get(n), claims.get(n), notes.get(n)) for n in sorted(set(first_marker) | set(notes))
    )
    return Footnotes(document, footnotes, tuple(p.section for p in sections), tuple(diagnostics))


def _note_texts(document: Document, placed: Sequence[Placed | None]) -> dict[int, NoteText]:
    """Each note's text, its fragments rejoined in reading order."""
    pieces: dict[int, list[tuple[int, int]]] = defaultdict(list)
    fragments: dict[int, list[Span]] = defaultdict(list)
    first_lines: dict[int, Line] = {}
    body_seen: dict[int, int] = {}  # body lines passed when the note's last line was read
    body_count = 0
    for line, p in zip(document.lines, placed, strict=True):
        if p is None:
            continue
        if p.role is Role.BODY or p.note is None:
            body_count += 1
            continue
        start = p.text_start if p.role is Role.NOTE_START and p.text_start is not None else line.span.start
        first_lines.setdefault(p.note, line)
        pieces[p.note].append((start, line.span.end))
        if body_seen.get(p.note) == body_count:
            fragments[p.note][-1] = Span(fragments[p.note][-1].start, line.span.end)
        else:
            fragments[p.note].append(Span(line.span.start, line.span.end))
        body_seen[p.note] = body_count
    return {
        number: NoteText(
            number,
            Span(first_lines[number].span.start, spans[-1][1]),
            tuple(fragments[number]),
            document.pages[first_lines[number].page].number,
            Stitch.join(document.text, spans),
        )
        for number, spans in pieces.items()
    }


def _markers(document: Document, body: Stitch, note_numbers: set[int]) -> list[tuple[int, Marker]]:
    """Note markers in the body, in reading order.

    A glued number counts when a note carries it or when it runs at most a little
    ahead of the markers so far; other glued digits are not markers. Each marker comes
    with its offset in the rejoined body text.
    """
    markers = []
    last = 0
    for match in _MARKER.finditer(body.text):
        number = int(match.group(1))
        if number not in note_numbers and not last < number <= last + _MARKER_SKIP:
            continue
        start, end = body.source_span(match.start(1), match.end(1))
        page = document.page_at(start)
        markers.append((match.start(1), Marker(number, Span(start, end), page.number if page else None)))
        last = max(last, number)
    return markers


_HEADING_NUMBER = re.compile(r"\d+(?:\.\d+)*\.\s+")


def _sections(body: Stitch, headings: list[HeadingLines], marker_starts: set[int]) -> list[_Placed]:
    """Each heading's range in the body text, with its Section (title without markers)."""
    result = []
    for heading in headings:
        start, end = body.at[heading.first], body.at[heading.last] + body.length[heading.last]
        title_start = start
        if heading.number:
            number = _HEADING_NUMBER.match(body.text, start)
            title_start = number.end() if number else start
        title = _without_markers(body, title_start, end, marker_starts)
        result.append(_Placed(start, end, Section(heading.number, title, Span(*body.source_span(start, end)))))
    return result


@frozen
class _Placed:
    """A section with its ``[start, end)`` in the rejoined body text."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    start: int
    end: int
    section: Section


def _without_markers(body: Stitch, start: int, end: int, marker_starts: set[int]) -> str:
    """``body.text[start:end]`` with its note markers cut and whitespace collapsed."""
    text = body.text[start:end]  # a marker's word must lie inside the range, not before it
    out, position = [], 0
    for match in _MARKER.finditer(text):
        if body.to_source(start + match.start(1)) in marker_starts:
            out.append(text[position : match.start(1)])
            position = match.end(1)
    out.append(text[position:])
    return " ".join("".join(out).split())


def _claims(body: Stitch, sections: list[_Placed], markers: list[tuple[int, Marker]]) -> dict[int, Claim]:
    """The claim of each marker: the sentence it ends or sits in, or the heading it is in."""
    ends = sentence_ends(body.text)
    marker_starts = {marker.span.start for _, marker in markers}
    section_starts = [placed.start for placed in sections]
    claims = {}
    for offset, marker in markers:
        if marker.number in claims:
            continue
        k = bisect_right(section_starts, offset) - 1
        current = sections[k] if k >= 0 else None
        low = current.end if current and current.end <= offset else (current.start if current else 0)
        high = sections[k + 1].start if k + 1 < len(sections) else len(body.text)
        if current and offset < current.end:
            start, end = current.start, current.end
            text = current.section.title
        else:
            start, end = sentence_at(ends, offset, low, high)
            text = _without_markers(body, start, end, marker_starts)
        first, last = body.source_span(*_trim(body.text, start, end))
        claims[marker.number] = Claim(text, Span(first, last), marker.page, current.section if current else None)
    return claims


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _numbering(document: Document, markers: list[Marker], notes: dict[int, NoteText]) -> list[Diagnostic]:
    """Markers without notes, notes without markers, gaps, duplicates and disorder."""
    found: list[Diagnostic] = []
    seen: set[int] = set()
    highest = 0
    for marker in markers:
        n = marker.number
        if n in seen:
            found.append(rules.DUPLICATE_NUMBER.at(document, marker.span, f"marker {n} appears again", footnote=n))
        elif n < highest:
            found.append(
                rules.NUMBER_OUT_OF_ORDER.at(
                    document, marker.span, f"marker {n} comes after marker {highest}", footnote=n
                )
            )
        if n not in notes and n not in seen:
            found.append(
                rules.MARKER_WITHOUT_NOTE.at(
                    document,
                    marker.span,
                    f"marker {n} has no note text",
                    footnote=n,
                    hint="the note may be lost in extraction; restore its text",
                )
            )
        seen.add(n)
        highest = max(highest, n)
    for n, note in sorted(notes.items()):
        if n not in seen:
            found.append(
                rules.NOTE_WITHOUT_MARKER.at(document, note.span, f"note {n} has no marker in the body", footnote=n)
            )
    numbers = seen | set(notes)
    for n in range(1, max(numbers, default=0)):
        if n not in numbers:
            found.append(rules.NUMBERING_GAP.at(document, None, f"no marker or note carries number {n}", footnote=n))
    return found
