"""Note text → citations, signals and commentary.

A note is read left to right with a cursor. At each place where a citation may begin
(the start of the note, after a signal, after ``;``, after a sentence), the reader tries
a name — a run of capitalised words, initials and acronyms, with connectors such as
``ve`` or ``on`` inside — followed by one of the tails that make it a citation:

========================  ============================================================
tail                      example
========================  ============================================================
alias and year            ``Öztürk (Takma Ad): 1975: 446-450``
date and issue            ``Hakimiyet-i Milliye, 1 Haziran 1337-1921, nr. 200``
archival path             ``ATASE, ISH: 16, K: 1129, B: 95-1``
parliamentary path        ``TBMMZC, Devre I, İçtima 2, Cilt X: 285``
year and locator          ``Yılmaz, 1978: 130``, ``Şahin, 2003``
locator without a year    ``Demir, 186``, ``Kaya, Tefrika No.3``
========================  ============================================================

A URL is a citation of its own. What the name says decides the kind among
``author_year``, ``institution_year``, ``parliamentary`` and ``document_collection``.
Text where no citation begins is commentary; a signal (``Bk.``, ``Bkz.``, ``Geniş bilgi
için bk.``) governs the citations after it up to the end of their sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator

from attrs import evolve, frozen

from sources.checks import rules
from sources.citations import locators
from sources.citations.calendars import MONTH_WORD, CitedDate, is_month, read_date, read_year
from sources.model import (
    Citation,
    CitationKind,
    Commentary,
    Diagnostic,
    Document,
    Footnotes,
    Locator,
    LocatorKind,
    LocatorPart,
    NoteText,
    Span,
)
from sources.records import record_eq, record_hash, record_repr

_SIGNAL = re.compile(
    r"(?<![\w.])(?:(?:[Gg]eniş|[Aa]yrıntılı|[Dd]aha\s+(?:geniş|fazla))\s+bilgi\s+için\s+)?"
    r"(?:[Aa]yrıca\s+)?(?:[Bb]kz?\.|[Kk]rş\.|[Ss]ee\s+also|[Ss]ee|[Cc]f\.)(?=\s)"
)
# An address runs to a space or ";"; full stops, commas and parentheses at its end close
# the sentence, not the address. Each run of them is read once (possessive), so a long run
# of dots after an address stays linear.
_URL = re.compile(r"https?://(?:[^\s;.,)]++|[.,)]++(?=[^\s;.,)]))++(?=[.,;)]*+(?:\s|$))")
# A capital, then initials (K.S.), an initial before a space, or the rest of a word.
_WORD = re.compile(r"[A-ZÇĞİÖŞÜÂÎÛ](?:\.(?:[A-ZÇĞİÖŞÜÂÎÛ]\.)+|\.(?=\s)|[^\s,;:()]*)")
# From the start of a run of spaces only (the lookbehind), so that searching a long run stays linear.
_CONNECTOR = re.compile(r"(?<!\s)\s++(?:ve|and|on|of|the|de|da|du|des|für|und|ile)(?=\s)")
_TITLE_NUMBER = re.compile(r"\s+\d{4}(?:-\d{4})?(?=\s+[A-ZÇĞİÖŞÜ])")
_NOT_A_NAME = frozenset("Bk bk Bkz bkz Krş krş Cf cf See".split())  # with or without a full stop
_MAX_NAME_WORDS = 12
_NEXT_WORD_AFTER_COMMA = re.compile(r",\s+(?=[A-ZÇĞİÖŞÜÂÎÛ])")
_SpanOf = Callable[[int, int], Span]

_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})[a-z]?(?![\w-])"
_ALIAS_YEAR = re.compile(rf"\s*\(([^()]{{1,60}})\)\s*[:,]\s*({_YEAR})")
_WITH_YEAR = re.compile(rf"\s*,\s*({_YEAR})")
_DATE_ISSUE = re.compile(
    rf"\s*,\s*(\d{{1,2}}\s+({MONTH_WORD})\s+\d{{3,4}}(?:\s*-\s*\d{{4}})?)\s*,\s*({locators.ISSUE})"
)
_PARLIAMENT = re.compile(rf"\s*,\s*({locators.PARLIAMENT_PATH})\s*:\s*")
_AFTER_YEAR = re.compile(r"\s*[:,]\s*")
_NO_YEAR = re.compile(r"\s*,\s*")
_END = re.compile(r"\s*+(?:\.?\s*+;|\.(?=\s|$)|$)")
_LIST_GOES_ON = re.compile(r"\s*+\.?\s*+;")
_STRAY_STOP = re.compile(r"\s*+\.\s*+;")
_ALIAS_COLON = re.compile(r"\)\s*:\s*\d")
_SENTENCE = re.compile(r"[.!?…][\"”’)]*\s+(?=\S)")

_PARLIAMENTARY = re.compile(r"\bT\.?B\.?M\.?M|\b(?:Zabıt|Meclis|Mebusan|Ayan|Celse)")
_COLLECTION = re.compile(r"\b(?:Documents|Belgeleri|Belgeler|Papers|Vesikalar|Arşiv Belgeleri)\b")
_INSTITUTION = re.compile(
    r"^T\.C\.|\b(?:Başkanlığı|Bakanlığı|Genelkurmay|Kurumu|Müdürlüğü|Enstitüsü|Üniversitesi|Dairesi|"
    r"Ministry|Office|Institute|Society|Association|Commission)\b"
)


@frozen
class _Name:
    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    end: int
    words: int
    comma: bool  # a comma inside: only a title may have one


@frozen
class _Found:
    """A citation found at some place, before it is given its footnote and signal."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    kind: CitationKind
    start: int
    end: int
    name: str
    alias: str | None = None
    year: str | None = None
    date: CitedDate | None = None
    locator: tuple[int, int, tuple[LocatorPart, ...]] | None = None
    url: str | None = None


def cite(footnotes: Footnotes) -> Footnotes:
    """``footnotes`` with every note's citations and commentary read, and their diagnostics."""
    document = footnotes.document
    diagnostics = list(footnotes.diagnostics)
    updated = []
    for footnote in footnotes.footnotes:
        if footnote.note is None:
            updated.append(footnote)
            continue
        citations, commentary, found = read_note(document, footnote.note)
        diagnostics += found
        updated.append(evolve(footnote, citations=citations, commentary=commentary))
    return evolve(footnotes, footnotes=tuple(updated), diagnostics=tuple(diagnostics))


def read_note(
    document: Document, note: NoteText
) -> tuple[tuple[Citation, ...], tuple[Commentary, ...], list[Diagnostic]]:
    """The citations and commentary of one note, and what is wrong with them."""
    text = note.stitch.text
    citations: list[Citation] = []
    commentary: list[Commentary] = []
    diagnostics: list[Diagnostic] = []

    def span(start: int, end: int) -> Span:
        return Span(*note.stitch.source_span(start, end))

    previous: Citation | None = None  # the citation just before, when a ";" followed it
    pending: list[_Piece] = []  # commentary pieces not yet joined into one Commentary

    def flush() -> None:
        if pending:
            start, end = pending[0].start, pending[-1].end
            commentary.append(Commentary(note.number, _collapse(text[start:end]), span(start, end)))
            pending.clear()

    for piece in _scan(text):
        if piece.found is None and not piece.unreadable:
            pending.append(piece)
            previous = None
            continue
        flush()
        if piece.found is None:
            diagnostics.append(
                rules.UNREADABLE_CITATION.at(
                    document,
                    span(piece.start, piece.end),
                    f"note {note.number}: cannot read {_collapse(text[piece.start : piece.end])!r} as a citation",
                    footnote=note.number,
                    hint="write it as Surname, Year: page",
                )
            )
            previous = None
            continue
        citation = _citation(note.number, text, piece.found, piece.signal, span)
        if citation.kind is CitationKind.WEB and previous is not None and previous.url is None:
            # "Çelik, 2008; http://..." gives the cited work's address as well.
            citations[-1] = evolve(previous, url=citation.url)
        citations.append(citation)
        previous = citations[-1] if _LIST_GOES_ON.match(text, piece.end) else None
        if _STRAY_STOP.match(text, piece.end):
            diagnostics.append(
                rules.IRREGULAR_PUNCTUATION.at(
                    document,
                    span(piece.end, piece.end + 1),
                    f"{citation.raw!r} is followed by a stray '.' before ';'",
                    footnote=note.number,
                    hint="drop the full stop",
                )
            )
    flush()
    for citation in citations:
        diagnostics += _check(document, citation)
    return tuple(citations), tuple(commentary), diagnostics


@frozen
class _Piece:
    """A stretch of a note: a citation (``found``), commentary, or unreadable citation text."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    start: int
    end: int
    found: _Found | None = None
    signal: str | None = None
    unreadable: bool = False


def _scan(text: str) -> Iterator[_Piece]:
    """The citations, commentary and unreadable stretches of a note, in order."""
    starts = _starts(text)
    position, signal, listing = 0, None, False
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position >= len(text):
            return
        if match := _SIGNAL.match(text, position):
            signal, listing, position = _collapse(match.group()), True, match.end()
            continue
        if found := _citation_at(text, position):
            yield _Piece(found.start, found.end, found, signal)
            listing = _LIST_GOES_ON.match(text, found.end) is not None
            end = _END.match(text, found.end)
            position = end.end() if end else found.end
            signal = signal if listing else None
            continue
        stop = starts[bisect_right(starts, position)]
        piece = text[position:stop].rstrip()
        # After a signal or a ";" a short stretch with numbers in it was meant as a citation.
        unreadable = listing and len(piece) <= 80 and re.search(r"\d", piece) is not None
        yield _Piece(position, position + len(piece), unreadable=unreadable)
        position, signal, listing = stop, None, False


def _starts(text: str) -> list[int]:
    """Every place after the first where a citation or a signal could begin, in order.

    Found once per note so that reading a long note stays linear.
    """
    places = {m.start() for m in _SIGNAL.finditer(text)}
    places |= {m.end() for m in _SENTENCE.finditer(text)}
    semicolon = text.find(";")
    while semicolon >= 0:
        places.add(semicolon + 1)
        semicolon = text.find(";", semicolon + 1)
    return [*sorted(p for p in places if 0 < p < len(text)), len(text)]


def _citation_at(text: str, start: int) -> _Found | None:
    if url := _URL.match(text, start):
        return _Found(CitationKind.WEB, start, url.end(), url.group(), url=url.group())
    for name in reversed([*_names(text, start)]):  # the longest first: each name ends after the one before
        found = _tail(text, start, name)
        if found is not None:
            return found
    return None


def _names(text: str, start: int) -> Iterator[_Name]:
    """Every way a name can run from ``start``: one per word it may end after."""
    position, words, comma = start, 0, False
    while words < _MAX_NAME_WORDS:
        word = _WORD.match(text, position)
        if not word or word.group().removesuffix(".") in _NOT_A_NAME:
            return
        words += 1
        position = word.end()
        yield _Name(position, words, comma)
        if link := _CONNECTOR.match(text, position) or _TITLE_NUMBER.match(text, position):
            position = link.end()
        elif _NEXT_WORD_AFTER_COMMA.match(text, position):
            comma = True
            position += 1
        if position >= len(text) or not text[position].isspace():
            return
        position += 1


def _tail(text: str, start: int, name: _Name) -> _Found | None:
    """A citation whose name ends at ``name.end``, read by the first tail that fits."""
    label = _collapse(text[start : name.end])
    if not name.comma:  # only a title may have a comma in its name, and titles have no year here
        for reader in (_alias_tail, _newspaper_tail, _archive_tail, _parliament_tail, _year_tail):
            found = reader(text, start, label, name)
            if found is not None:
                return found
    return _no_year_tail(text, start, label, name)


def _alias_tail(text: str, start: int, label: str, name: _Name) -> _Found | None:
    alias = _ALIAS_YEAR.match(text, name.end)
    return _with_year(text, start, alias.end(), label, year=alias.group(2), alias=alias.group(1)) if alias else None


def _year_tail(text: str, start: int, label: str, name: _Name) -> _Found | None:
    year = _WITH_YEAR.match(text, name.end)
    return _with_year(text, start, year.end(), label, year=year.group(1)) if year else None


def _newspaper_tail(text: str, start: int, label: str, name: _Name) -> _Found | None:
    dated = _DATE_ISSUE.match(text, name.end)
    if not dated or not is_month(dated.group(2)):
        return None
    when = _collapse(dated.group(1))
    issue = dated.start(3), dated.end(3), (_issue_part(dated.group(4), dated.group(5)),)
    year = when.rsplit(" ", 1)[-1]
    return _Found(CitationKind.NEWSPAPER, start, dated.end(), label, year=year, date=read_date(when), locator=issue)


def _archive_tail(text: str, start: int, label: str, name: _Name) -> _Found | None:
    """``ATASE, ISH: 16, K: 1129, B: 95-1``: a one-word archive and two or more labelled steps."""
    if name.words != 1 or not (opening := locators.ARCHIVAL_NEXT.match(text, name.end)):
        return None
    steps: list[LocatorPart] = []
    position = opening.end()
    while step := locators.ARCHIVAL_STEP.match(text, position):
        steps.append(LocatorPart(LocatorKind.ARCHIVAL, step.group(1), _collapse(step.group(2))))
        position = step.end()
        following = locators.ARCHIVAL_NEXT.match(text, position)
        if not following:
            break
        position = following.end()
    if len(steps) < 2:
        return None
    return _Found(CitationKind.ARCHIVE, start, position, label, locator=(opening.end(), position, tuple(steps)))


def _parliament_tail(text: str, start: int, label: str, name: _Name) -> _Found | None:
    """``TBMMZC, Devre I, İçtima 2, Cilt X: 285``."""
    path = _PARLIAMENT.match(text, name.end)
    end = locators.locator_end(text, path.end()) if path else None
    if path is None or end is None:
        return None
    steps = (*locators.parliament_parts(path.group(1)), *locators.parts(text[path.end() : end]))
    return _Found(CitationKind.PARLIAMENTARY, start, end, label, locator=(path.start(1), end, steps))


def _no_year_tail(text: str, start: int, label: str, name: _Name) -> _Found | None:
    """``Demir, 186``: a locator straight after the name, closing the citation."""
    gap = _NO_YEAR.match(text, name.end)
    end = locators.locator_end(text, gap.end()) if gap else None
    if gap is None or end is None or not _END.match(text, end) or name.words > 8:
        return None
    kind = CitationKind.TITLE_ONLY if _title(label, name) else _kind_of(label, CitationKind.AUTHOR_NO_YEAR)
    locator = gap.end(), end, locators.parts(text[gap.end() : end])
    return _Found(kind, start, end, label, locator=locator)


def _with_year(text: str, start: int, end: int, name: str, *, year: str, alias: str | None = None) -> _Found:
    locator = None
    if (gap := _AFTER_YEAR.match(text, end)) and (located := locators.locator_end(text, gap.end())) is not None:
        locator = gap.end(), located, locators.parts(text[gap.end() : located])
        end = located
    kind = _kind_of(name, CitationKind.INSTITUTION_YEAR if _INSTITUTION.search(name) else CitationKind.AUTHOR_YEAR)
    return _Found(kind, start, end, name, alias=alias, year=year, date=read_year(year), locator=locator)


def _issue_part(label: str, value: str) -> LocatorPart:
    kind = LocatorKind.DOCUMENT if label.casefold() == "no" else LocatorKind.ISSUE
    return LocatorPart(kind, label, value)


def _title(name: str, found: _Name) -> bool:
    """A name with a comma or a connector inside, or of three words or more, is a title."""
    return found.comma or found.words >= 3 or _CONNECTOR.search(name) is not None


def _kind_of(name: str, otherwise: CitationKind) -> CitationKind:
    if _PARLIAMENTARY.search(name):
        return CitationKind.PARLIAMENTARY
    if _COLLECTION.search(name):
        return CitationKind.DOCUMENT_COLLECTION
    return otherwise


def _citation(footnote: int, text: str, found: _Found, signal: str | None, span: _SpanOf) -> Citation:
    locator = None
    if found.locator is not None:
        start, end, steps = found.locator
        locator = Locator(_collapse(text[start:end]), span(start, end), steps)
    return Citation(
        footnote=footnote,
        kind=found.kind,
        raw=_collapse(text[found.start : found.end]),
        span=span(found.start, found.end),
        name=found.name,
        alias=found.alias,
        year=found.year,
        date=found.date,
        locator=locator,
        signal=signal,
        url=found.url,
    )


def _check(document: Document, citation: Citation) -> list[Diagnostic]:
    """What is wrong with one citation: missing year or locator, odd pages, odd dates."""
    found = []
    at, n = citation.span, citation.footnote
    if citation.kind in (CitationKind.AUTHOR_NO_YEAR, CitationKind.TITLE_ONLY):
        found.append(
            rules.MISSING_YEAR.at(
                document, at, f"{citation.raw!r} gives no year", footnote=n, hint="add the year of the edition cited"
            )
        )
    if citation.locator is None and citation.url is None and citation.kind is not CitationKind.NEWSPAPER:
        found.append(
            rules.MISSING_LOCATOR.at(
                document,
                at,
                f"{citation.raw!r} gives no page or other locator",
                footnote=n,
                hint="add the page the claim rests on",
            )
        )
    for part in citation.locator.parts if citation.locator else ():
        for kind, explanation in locators.problems(part):
            found.append(
                rules.LOCATOR_PROBLEMS[kind].at(
                    document,
                    citation.locator.span if citation.locator else at,
                    f"{citation.raw!r}: {explanation}",
                    footnote=n,
                )
            )
    if citation.alias and _ALIAS_COLON.search(citation.raw):
        found.append(
            rules.IRREGULAR_PUNCTUATION.at(
                document,
                at,
                f"{citation.raw!r}: a colon after the alias where a comma belongs",
                footnote=n,
                hint=f"write {citation.name} ({citation.alias}), {citation.year}: ...",
            )
        )
    found += _archival_problems(document, citation)
    date = citation.date
    if date is not None and not date.self_consistent:
        found.append(
            rules.DUAL_DATE_CONTRADICTION.at(
                document, at, f"{date.raw!r}: the two years do not name the same time", footnote=n
            )
        )
    if date is not None and date.ambiguous:
        readings = ", ".join(
            f"{r.calendar.value} {r.start:%Y-%m-%d}" + ("" if r.start == r.end else f"–{r.end:%Y-%m-%d}")
            for r in date.readings
        )
        found.append(
            rules.UNCERTAIN_CALENDAR.at(
                document,
                at,
                f"{date.raw!r} may be read as {readings}",
                footnote=n,
                hint="give the Gregorian year beside it, e.g. 1339-1923",
            )
        )
    return found


def _archival_problems(document: Document, citation: Citation) -> list[Diagnostic]:
    """A step of an archival path without a number, or a label used twice."""
    if citation.locator is None or citation.kind is not CitationKind.ARCHIVE:
        return []
    steps = [part for part in citation.locator.parts if part.kind is LocatorKind.ARCHIVAL]
    labels = [part.label for part in steps]
    problems = [f"{part.label} has no number" for part in steps if not re.search(r"\d|\b[IVXLC]+\b", part.value)]
    problems += [f"{label} appears twice" for label in dict.fromkeys(labels) if labels.count(label) > 1]
    return [
        rules.MALFORMED_ARCHIVAL_LOCATOR.at(
            document,
            citation.locator.span,
            f"{citation.raw!r}: {problem}",
            footnote=citation.footnote,
            hint="give every step a label and a number",
        )
        for problem in problems
    ]


def _collapse(text: str) -> str:
    return " ".join(text.split())
