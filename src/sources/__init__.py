"""sources: footnotes of scholarly texts as checked, typed citation records.

The public verbs::

    import sources

    result = sources.read()              # the embedded article
    result = sources.read("article.txt") # any PDF extraction in the same conventions
    for footnote in result.footnotes:
        print(footnote.number, footnote.claim.text if footnote.claim else None, footnote.text)
    for citation in result.citations:
        print(citation.footnote, citation.kind.value, citation.name, citation.year, citation.locator)
"""

from __future__ import annotations

from pathlib import Path

from sources.article import ARTICLE_PATH, article_bytes, article_info
from sources.calendars import Calendar, CitedDate, Reading
from sources.citations import cite
from sources.errors import InputError, SourcesError
from sources.footnotes import read_footnotes
from sources.ingest import decode, ingest, read_file
from sources.model import (
    ArticleInfo,
    Citation,
    CitationKind,
    Claim,
    Commentary,
    Diagnostic,
    Document,
    Footnote,
    Footnotes,
    Locator,
    LocatorKind,
    LocatorPart,
    Marker,
    NoteText,
    Page,
    Section,
    Severity,
    Span,
)

__all__ = [
    "ArticleInfo",
    "Calendar",
    "Citation",
    "CitationKind",
    "CitedDate",
    "Claim",
    "Commentary",
    "Diagnostic",
    "Document",
    "Footnote",
    "Footnotes",
    "InputError",
    "Locator",
    "LocatorKind",
    "LocatorPart",
    "Marker",
    "NoteText",
    "Page",
    "Reading",
    "Section",
    "Severity",
    "SourcesError",
    "Span",
    "load",
    "read",
    "read_text",
]


def load(path: str | Path | None = None, *, encoding: str | None = None, first_page: int | None = None) -> Document:
    """Read a text file (None: the embedded article) into a :class:`Document`.

    Raises :class:`InputError` when the file cannot be read as text.
    """
    if path is None:
        text = decode(article_bytes(), ARTICLE_PATH)
        return ingest(text, ARTICLE_PATH, first_page=first_page, info=article_info())
    return ingest(read_file(path, encoding), str(path), first_page=first_page)


def read(path: str | Path | None = None, *, encoding: str | None = None, first_page: int | None = None) -> Footnotes:
    """The footnotes of a text file (None: the embedded article): claims, citations, diagnostics."""
    return cite(read_footnotes(load(path, encoding=encoding, first_page=first_page)))


def read_text(text: str, path: str = "<text>", *, first_page: int | None = None) -> Footnotes:
    """The footnotes of an already decoded text, with their citations."""
    return cite(read_footnotes(ingest(text, path, first_page=first_page)))
