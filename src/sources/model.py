"""The records every stage passes on: frozen, typed, and anchored to the text by spans.

A record that comes from text carries a :class:`Span` of offsets into
:attr:`Document.text` (the file exactly as decoded), so a diagnostic can point at the
original line and column and a tool can annotate the original text.
"""

from __future__ import annotations

import enum
from bisect import bisect_right

from attrs import field, frozen

from sources.citations.calendars import CitedDate
from sources.readers.textmap import LineIndex, Stitch
from sources.records import record_eq, record_hash, record_repr


@frozen(order=True)
class Span:
    """Half-open ``[start, end)`` character offsets into :attr:`Document.text`."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    start: int
    end: int


class Severity(enum.Enum):
    """How bad a finding is; ``error`` fails a check by default."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


@frozen
class Diagnostic:
    """A problem found in the input, carried as data rather than raised."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    code: str
    name: str
    severity: Severity
    message: str
    path: str | None = None
    line: int | None = None
    column: int | None = None
    span: Span | None = None
    footnote: int | None = None
    hint: str | None = None


class LineKind(enum.Enum):
    """What ingestion made of one physical line of the input."""

    TEXT = "text"
    BLANK = "blank"
    RULE = "rule"  # a line of dashes between body text and footnotes
    RUNNING_HEAD = "running-head"
    NOTES_HEADING = "notes-heading"  # e.g. "Dipnotlar" above an endnote block


@frozen
class Line:
    """One physical line: its content span (page-start space and form feed excluded)."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    span: Span
    page: int  # index into Document.pages
    kind: LineKind
    text: str


class PageSource(enum.Enum):
    """Where a page number came from."""

    RUNNING_HEAD = "running-head"  # anchored by a surviving running head
    GIVEN = "given"  # anchored by the first page the caller (or metadata) gave
    RELATIVE = "relative"  # nothing anchored it: pages count from 1


@frozen
class Page:
    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    index: int
    number: int
    span: Span
    source: PageSource


@frozen
class ArticleInfo:
    """Published metadata of a document, when known."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    author: str
    title: str
    journal: str
    year: int
    volume: str
    issue: str
    first_page: int
    last_page: int
    doi: str
    title_en: str | None = None


@frozen
class Document:
    """A decoded input text with its pages and classified lines."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    path: str
    text: str
    index: LineIndex = field(repr=False)
    pages: tuple[Page, ...]
    lines: tuple[Line, ...] = field(repr=False)
    info: ArticleInfo | None = None
    diagnostics: tuple[Diagnostic, ...] = ()

    def page_at(self, offset: int) -> Page | None:
        """The page holding ``offset``, or None for a document without pages."""
        k = bisect_right(self.pages, offset, key=lambda page: page.span.start) - 1
        return self.pages[max(k, 0)] if self.pages else None


@frozen
class Section:
    """A heading of the body text such as ``3.1. Anadolu'da ...`` or ``Sonuç``."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    number: str | None  # "3.1" for a numbered heading, None for "Sonuç"
    title: str
    span: Span


@frozen
class Marker:
    """A note number glued to a word or punctuation in the body (``geçirmişlerdi.1``)."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    number: int
    span: Span
    page: int | None


@frozen
class Claim:
    """The body sentence a marker ends or sits in, de-hyphenated, markers removed."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    text: str
    span: Span
    page: int | None
    section: Section | None


@frozen
class NoteText:
    """The printed text of one note, rejoined from its fragments."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    number: int
    span: Span  # from the note number to the end of the last fragment
    fragments: tuple[Span, ...]  # one per run of lines; two or more when a column cut it
    page: int | None
    stitch: Stitch = field(repr=False, eq=False)  # text without its number, offsets kept

    @property
    def text(self) -> str:
        """The note's text de-hyphenated, whitespace collapsed, without its number."""
        return " ".join(self.stitch.text.split())


class CitationKind(enum.Enum):
    """The form of a citation, which decides what its name and locator mean."""

    AUTHOR_YEAR = "author_year"  # Yılmaz, 1978: 130
    AUTHOR_NO_YEAR = "author_no_year"  # Demir, 186
    INSTITUTION_YEAR = "institution_year"  # T.C. Genelkurmay Başkanlığı, 1999: 135
    TITLE_ONLY = "title_only"  # Tamim, Telgraf ve Beyannameler, 360
    ARCHIVE = "archive"  # ATASE, ISH: 16, K: 1129, B: 95-1
    NEWSPAPER = "newspaper"  # Hakimiyet-i Milliye, 1 Haziran 1337-1921, nr. 200
    PARLIAMENTARY = "parliamentary"  # TBMMZC, Devre I, İçtima 2, Cilt X: 285
    DOCUMENT_COLLECTION = "document_collection"  # Harp Tarihi Belgeleri Dergisi, 1974: Belge No:1543
    WEB = "web"  # a URL
    KEYED = "keyed"  # [@tuncay1978, p. 33], \parencite[33]{tuncay1978}: a key names the entry


class CiteMode(enum.Enum):
    """How a keyed citation is to be printed, as pandoc and biblatex tell them apart."""

    NORMAL = "normal"  # [@key], \parencite{key}
    AUTHOR_IN_TEXT = "author-in-text"  # @key, \textcite{key}
    SUPPRESS_AUTHOR = "suppress-author"  # [-@key], \parencite*{key}
    AUTHOR_ONLY = "author-only"  # \citeauthor{key}
    YEAR_ONLY = "year-only"  # \citeyear{key}
    TITLE_ONLY = "title-only"  # \citetitle{key}
    FULL = "full"  # \fullcite{key}
    NOCITE = "nocite"  # \nocite{key}, nocite: in front matter: listed, not cited in the text


class LocatorKind(enum.Enum):
    PAGE = "page"
    PAGE_RANGE = "page-range"
    OPEN_RANGE = "open-range"  # 185 vd.
    ISSUE = "issue"  # nr. 200, Sayı: 19
    DOCUMENT = "document"  # Belge No:1543, (No. 845)
    INSTALMENT = "instalment"  # Tefrika No.3
    VOLUME = "volume"  # Cilt X
    TERM = "term"  # Devre I
    SESSION = "session"  # İçtima 2
    ARCHIVAL = "archival"  # one labelled step of an archival path: ISH: 16
    CHAPTER = "chapter"  # chap. 1
    SECTION = "section"  # sec. 2, § 2


@frozen
class LocatorPart:
    """One step of a locator: what it is, its label and value as written, pages as numbers."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    kind: LocatorKind
    label: str | None
    value: str
    first: int | None = None
    last: int | None = None


@frozen
class Locator:
    """Where in a source: ``130``, ``838-841 (No. 845)``, ``ISH: 16, K: 1129, B: 95-1``."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    raw: str
    span: Span
    parts: tuple[LocatorPart, ...]

    @property
    def pages(self) -> tuple[tuple[int, int | None], ...]:
        """``(first, last)`` per page part; ``last`` is None for an open range."""
        found: list[tuple[int, int | None]] = []
        for part in self.parts:
            if part.kind is LocatorKind.PAGE and part.first is not None:
                found.append((part.first, part.first))
            elif part.kind in (LocatorKind.PAGE_RANGE, LocatorKind.OPEN_RANGE) and part.first is not None:
                found.append((part.first, part.last))
        return tuple(found)


@frozen
class Citation:
    """One reference inside a note (or, for keyed texts, in the body), with its parts as written and read."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    footnote: int | None  # None: a keyed citation in the body text
    kind: CitationKind
    raw: str  # as written, de-hyphenated, whitespace collapsed
    span: Span
    name: str  # what it names first: surname(s), institution, archive, periodical, title or URL
    alias: str | None = None  # Öztürk (Takma Ad)
    year: str | None = None  # as written
    date: CitedDate | None = None  # the year or full date, read in its calendar(s)
    locator: Locator | None = None
    signal: str | None = None  # Bk., Bkz., Geniş bilgi için bk., ...
    url: str | None = None
    source: str | None = None  # the bibliography key, once resolved
    key: str | None = None  # keyed citations: the key as written ("*" for every entry)
    mode: CiteMode | None = None  # keyed citations: how it is to be printed
    prefix: str | None = None  # keyed citations: text before the key (pandoc) or the prenote (biblatex)
    suffix: str | None = None  # keyed citations: text after the key (pandoc) or the postnote (biblatex)
    group: int | None = None  # keyed citations: items of one bracket or command share it


@frozen
class Commentary:
    """Text of a note that is not a citation."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    footnote: int
    text: str
    span: Span


@frozen
class Footnote:
    """One note number with what the text gives for it: marker, claim, note text, citations."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    number: int
    marker: Marker | None
    claim: Claim | None
    note: NoteText | None
    citations: tuple[Citation, ...] = ()
    commentary: tuple[Commentary, ...] = ()

    @property
    def text(self) -> str | None:
        return self.note.text if self.note else None


@frozen
class Footnotes:
    """The result of reading a document's footnotes."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    document: Document
    footnotes: tuple[Footnote, ...]
    sections: tuple[Section, ...]
    diagnostics: tuple[Diagnostic, ...]
    in_body: tuple[Citation, ...] = ()  # keyed texts: citations outside any note

    @property
    def citations(self) -> tuple[Citation, ...]:
        """Every citation of every note (and of the body), in reading order."""
        in_notes = tuple(citation for footnote in self.footnotes for citation in footnote.citations)
        if not self.in_body:
            return in_notes
        # A note is read where its marker stands, as pandoc places a note's content in the text.
        placed = [(c.span.start, c.span.start, c) for c in self.in_body]
        for footnote in self.footnotes:
            anchor = footnote.marker or footnote.note
            at = anchor.span.start if anchor else 0
            placed += [(at, c.span.start, c) for c in footnote.citations]
        placed.sort(key=lambda item: item[:2])
        return tuple(citation for _, _, citation in placed)


class SourceKind(enum.Enum):
    """What a bibliography entry is, from its entry type and ``entrysubtype``."""

    BOOK = "book"
    ARTICLE = "article"
    CHAPTER = "chapter"
    ARCHIVE = "archive"
    PERIODICAL = "periodical"  # a newspaper or magazine as a whole, or one issue
    PARLIAMENTARY = "parliamentary"
    DOCUMENT_COLLECTION = "document_collection"
    WEB = "web"
    WORK = "work"  # a work whose type the sources do not tell (@misc)


@frozen
class Name:
    """A person or body as a bibliography names it, parsed by pybtex."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    raw: str
    first: str  # given names and initials
    last: str  # family name with any particles; a corporate name whole
    literal: bool = False  # written as one braced unit ({T.C. Genelkurmay Başkanlığı}): never split

    @property
    def display(self) -> str:
        return f"{self.first} {self.last}".strip()


@frozen
class Source:
    """One bibliography entry, typed, with LaTeX decoded to Unicode.

    ``variants`` are other spellings of its name that texts use (biblatex field
    ``userb``, ``|``-separated); ``provenance`` says where fields that the citing text
    does not give came from (field ``usera``).
    """

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    key: str
    entry_type: str
    kind: SourceKind
    line: int  # 1-based line of the entry in its file
    authors: tuple[Name, ...] = ()
    editors: tuple[Name, ...] = ()
    translators: tuple[Name, ...] = ()
    title: str | None = None
    shorthand: str | None = None
    year: str | None = None
    date: CitedDate | None = None
    journal: str | None = None
    volume: str | None = None
    number: str | None = None
    pages: str | None = None
    publisher: str | None = None
    location: str | None = None
    url: str | None = None
    doi: str | None = None
    isbn: str | None = None
    langid: str | None = None
    variants: tuple[str, ...] = ()
    provenance: str | None = None
    fields: tuple[tuple[str, str], ...] = ()  # every field, decoded, in file order

    @property
    def label(self) -> str:
        """How a person would name it: ``Yılmaz 1978``, ``ATASE``."""
        who = "-".join(name.last for name in self.authors or self.editors)
        head = who or self.shorthand or self.title or self.key
        return f"{head} {self.year}" if self.year else head
