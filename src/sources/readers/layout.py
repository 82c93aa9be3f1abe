"""Which lines are body text and which are note text, in a two-column PDF extraction.

The evidence, strongest first:

* a separator rule: what follows on the page is notes;
* a note start: a line that begins with the next note number (``21 Yılmaz, ...``);
* an endnote heading (``Dipnotlar``): everything after it is notes;
* width: notes are set in a smaller font, so their full lines are longer than the
  body's. The threshold is learnt per document (Otsu's method on line lengths) and only
  used when the lengths really fall into two groups.

Unnumbered lines are decided a run at a time (a run ends at a note start, a rule or the
page end). After note lines, a run continues the open note while its lines are wide or
cite the way notes do (``1978: 130``, ``Bk.``), one narrower line allowed between two
such lines; the note's last line may be narrow when it ends the run or finishes the
note's hyphenated word. A note whose narrow last line ends a sentence is closed. The
rest of the run is body text, unless it ends in a block of wide lines on the page where
the open note started: the note that body text of the next column cut in two.
"""

from __future__ import annotations

import enum
import re
from collections import Counter
from collections.abc import Sequence

from attrs import frozen

from sources.model import Document, Line, LineKind
from sources.records import record_eq, record_hash, record_repr

# A note number at the start of a line: "21 Yılmaz", and "40İngiliz" with the space lost.
# Note numbers of any width (up to nine digits, which no text reaches, so that int() stays cheap).
_NOTE_START = re.compile(r"(\d{1,9})(?:\s++(?=\S)|(?=[^\W\d_]))")
_MONTHS = frozenset(
    "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık "
    "january february march april may june july august september october november december".split()
)
_DATE_AFTER_NUMBER = re.compile(r"\d++\s++([^\W\d_]++)\S*+\s++\d{4}")
_TERMINAL = (".", "!", "?", "…", ")", "]", "”", '"', "»")  # what a finished note ends with
# "Yılmaz, 1978: 130", "1999: 159.", "Bk. ", "Bkz. ": the way notes cite, never body text.
_CITING = re.compile(r"\b\d{4}\s?:\s?\d|\b[Bb]kz?\.\s")
# How far a note number may run ahead of the expected one (a note lost in extraction).
_SKIP = 3
# Full note lines are this much longer than full body lines at least (a smaller font).
_WIDER = 1.12


class Role(enum.Enum):
    BODY = "body"
    NOTE_START = "note-start"
    NOTE = "note"  # continuation of the current note


@frozen
class Placed:
    """The role of one line; for note lines, the note it belongs to."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    role: Role
    note: int | None = None
    text_start: int | None = None  # for a note start: offset where the text after the number begins


def wide_threshold(lengths: Sequence[int]) -> int | None:
    """The line length from which a line is note-wide, or None when widths are not bimodal."""
    # Only full lines tell the widths apart: the short last lines of paragraphs and notes
    # would otherwise make Otsu split short from full instead of body from note.
    everything = Counter(n for n in lengths if n >= 20)
    if not everything:
        return None
    commonest = max(everything, key=lambda n: (everything[n], n))
    counts = Counter({n: c for n, c in everything.items() if n >= 0.8 * commonest})
    if sum(counts.values()) < 24:
        return None
    threshold = _otsu(counts)
    return threshold if threshold is not None and _two_groups(counts, threshold) else None


def _mean(counts: dict[int, int]) -> float:
    return sum(n * c for n, c in counts.items()) / sum(counts.values())


def _otsu(counts: Counter[int]) -> int | None:
    """The length that splits ``counts`` into two groups of greatest between-group variance."""
    total, grand = sum(counts.values()), sum(n * c for n, c in counts.items())
    best, best_score = None, 0.0
    weight = mean = 0.0
    for t in range(min(counts), max(counts)):
        weight += counts[t]
        mean += t * counts[t]
        if weight in (0, total):
            continue
        m0, m1 = mean / weight, (grand - mean) / (total - weight)
        score = weight * (total - weight) * (m1 - m0) ** 2
        if score > best_score:
            best, best_score = t + 1, score
    return best


def _two_groups(counts: Counter[int], threshold: int) -> bool:
    """Whether both sides hold enough lines, differ as two font sizes do, and a valley
    lies between their peaks."""
    below = {n: c for n, c in counts.items() if n < threshold}
    above = {n: c for n, c in counts.items() if n >= threshold}
    if min(sum(below.values()), sum(above.values())) < 0.05 * sum(counts.values()):
        return False
    if _mean(above) < _WIDER * _mean(below):
        return False
    left, right = max(below, key=lambda n: below[n]), max(above, key=lambda n: above[n])
    valley = min((counts[n] for n in range(left + 1, right)), default=min(counts[left], counts[right]))
    return valley <= 0.7 * min(counts[left], counts[right])


def place_lines(document: Document) -> list[Placed | None]:
    """A :class:`Placed` for every text line of ``document`` (None for other lines)."""
    lines = document.lines
    threshold = wide_threshold([len(line.text) for line in lines if line.kind is LineKind.TEXT])
    placed: list[Placed | None] = [None] * len(lines)
    pages: dict[int, list[int]] = {}
    for k, line in enumerate(lines):
        if line.kind in (LineKind.TEXT, LineKind.RULE, LineKind.NOTES_HEADING):
            pages.setdefault(line.page, []).append(k)
    state = _State(threshold)
    for page, ks in sorted(pages.items()):
        state.new_page(page)
        i = 0
        while i < len(ks):
            line = lines[ks[i]]
            number = state.note_number(line)
            if line.kind is not LineKind.TEXT:
                state.separator(line)
                i += 1
            elif number is not None:
                placed[ks[i]] = state.start(line, number)
                i += 1
            else:
                end = i + 1  # line i was just found to be unnumbered text
                while end < len(ks) and _unnumbered_text(state, lines[ks[end]]):
                    end += 1
                run = [lines[k] for k in ks[i:end]]
                for k, role in zip(ks[i:end], state.place_run(run), strict=True):
                    placed[k] = role
                i = end
    return placed


def _unnumbered_text(state: _State, line: Line) -> bool:
    return line.kind is LineKind.TEXT and state.note_number(line) is None


class _State:
    """The running state of :func:`place_lines` across one document."""

    def __init__(self, threshold: int | None):
        self.threshold = threshold
        self.expected = 1
        self.open_note: int | None = None
        self.open_page: int | None = None
        self.in_notes = False
        self.endnotes = False
        self.page = 0
        self.last_note_line: Line | None = None
        # A note whose last line is short and ends a sentence is complete: no line after
        # it continues it (an English abstract is as wide as notes).
        self.closed = False

    def new_page(self, page: int) -> None:
        self.page = page
        self.in_notes = self.endnotes

    def wide(self, line: Line | None) -> bool:
        return line is not None and self.threshold is not None and len(line.text) >= self.threshold

    def noteish(self, line: Line) -> bool:
        """Wide, or citing like a note (``1978: 130``, ``Bk.``), which body text never does."""
        return self.wide(line) or _CITING.search(line.text) is not None

    def note_number(self, line: Line) -> int | None:
        """The note number ``line`` starts with, if it is the expected one (or a little ahead)."""
        if line.kind is not LineKind.TEXT:
            return None
        match = _NOTE_START.match(line.text)
        if not match:
            return None
        number = int(match.group(1))
        ahead = _SKIP if (self.in_notes or self.wide(line)) else 0
        if not self.expected <= number <= self.expected + ahead:
            return None
        date = _DATE_AFTER_NUMBER.match(line.text)
        if date and date.group(1).casefold() in _MONTHS:
            return None
        return number

    def separator(self, line: Line) -> None:
        self.in_notes = True
        self.endnotes = self.endnotes or line.kind is LineKind.NOTES_HEADING

    def start(self, line: Line, number: int) -> Placed:
        match = _NOTE_START.match(line.text)
        assert match is not None
        self.expected = number + 1
        self.open_note, self.open_page = number, self.page
        self._note_line(line)
        return Placed(Role.NOTE_START, number, line.span.start + match.end())

    def place_run(self, run: list[Line]) -> list[Placed]:
        """Roles for a run of unnumbered lines between note starts, rules and page ends.

        The run opens with lines that continue the open note (when notes precede it),
        then body text, then possibly a block that resumes the note a column cut.
        """
        head = self._continuing(run)
        for line in run[:head]:
            self._note_line(line)
        tail = self._resumed(run, head)
        for line in run[tail:]:
            self._note_line(line)
        if tail > head:
            self.in_notes = tail < len(run)
        note, body = Placed(Role.NOTE, self.open_note), Placed(Role.BODY)
        return [note] * head + [body] * (tail - head) + [note] * (len(run) - tail)

    def _note_line(self, line: Line) -> None:
        self.in_notes = True
        self.last_note_line = line
        self.closed = line.text.endswith(_TERMINAL) and not self.wide(line)

    def _continuing(self, run: list[Line]) -> int:
        """How many leading lines of ``run`` continue the open note."""
        if self.open_note is None or not self.in_notes:
            return 0
        if self.endnotes:
            return len(run)
        if self.closed:
            return 0
        count = self._noteish_prefix(run)
        if count < len(run) and self._ends_note(run[count - 1] if count else self.last_note_line, run, count):
            count += 1
        return count

    def _resumed(self, run: list[Line], low: int) -> int:
        """Where in ``run[low:]`` a block resuming the open note starts (``len(run)``: nowhere).

        Such a block follows body text on the page where the note started, begins with a
        wide line, runs note-like to the end of the run, and is not the end of a
        hyphenated body word.
        """
        if self.open_note is None or self.closed or self.open_page != self.page:
            return len(run)
        start, odd = None, 0
        for i in range(len(run) - 1, low - 1, -1):
            if self.noteish(run[i]):
                odd = 0
                if self.wide(run[i]):
                    start = i
            else:
                odd += 1
                if odd == 2:
                    break
        if start is None or start == low:
            return len(run)
        lone = start == len(run) - 1 and _CITING.search(run[start].text) is None
        hyphen_cut = run[start - 1].text.endswith("-")
        return len(run) if lone or hyphen_cut else start

    def _noteish_prefix(self, run: list[Line]) -> int:
        """Length of the leading part of ``run`` made of note-like lines (one odd line allowed)."""
        count = gap = 0
        for i, line in enumerate(run):
            if self.noteish(line):
                count, gap = i + 1, 0
            elif count == 0 or gap:
                break
            else:
                gap = 1
        return count

    def _ends_note(self, previous: Line | None, run: list[Line], i: int) -> bool:
        """Whether ``run[i]``, after note line ``previous``, is that note's last line."""
        line = run[i]
        if i == len(run) - 1:
            return True  # it stands between note lines, or between a note and the page end
        if previous is None:
            return False
        finished = line.text.endswith(_TERMINAL)
        hyphenated = previous.text.endswith("-") and line.text[:1].islower()
        short = self.threshold is not None and len(line.text) < 0.75 * self.threshold
        return finished and (hyphenated or (short and self.wide(previous)))
