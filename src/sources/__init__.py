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

from collections.abc import Sequence
from pathlib import Path

from sources.article import ARTICLE_PATH, BIBLIOGRAPHY_PATH, article_bytes, article_info, bibliography_text
from sources.bib.bibtex import Bibliography, load_bibliography, parse_bibliography
from sources.bib.resolve import Resolution, Resolved, Status, resolve
from sources.checks.run import Findings, check_texts
from sources.citations.calendars import Calendar, CitedDate, Reading
from sources.citations.parse import cite
from sources.errors import InputError, SourcesError
from sources.model import (
    ArticleInfo,
    Citation,
    CitationKind,
    CiteMode,
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
    Name,
    NoteText,
    Page,
    Section,
    Severity,
    Source,
    SourceKind,
    Span,
)
from sources.readers import formats
from sources.readers.allocation import cyclic_gc_paused
from sources.readers.declared import declared_file
from sources.readers.files import decode, read_file
from sources.readers.footnotes import read_footnotes
from sources.readers.pdftext import ingest

__all__ = [
    "ArticleInfo",
    "Bibliography",
    "Calendar",
    "Citation",
    "CitationKind",
    "CiteMode",
    "CitedDate",
    "Claim",
    "Commentary",
    "Diagnostic",
    "Document",
    "Findings",
    "Footnote",
    "Footnotes",
    "InputError",
    "Locator",
    "LocatorKind",
    "LocatorPart",
    "Marker",
    "Name",
    "NoteText",
    "Page",
    "Reading",
    "Resolution",
    "Resolved",
    "Section",
    "Severity",
    "Source",
    "SourceKind",
    "SourcesError",
    "Span",
    "Status",
    "bibliography",
    "check",
    "link",
    "load",
    "read",
    "read_text",
    "resolve",
]


def load(path: str | Path | None = None, *, encoding: str | None = None, first_page: int | None = None) -> Document:
    """Read a text file (None: the embedded article) into a :class:`Document`.

    Raises :class:`InputError` when the file cannot be read as text.
    """
    if path is None:
        text = decode(article_bytes(), ARTICLE_PATH)
        return ingest(text, ARTICLE_PATH, first_page=first_page, info=article_info())
    return ingest(read_file(path, encoding), str(path), first_page=first_page)


def read(
    path: str | Path | None = None,
    *,
    encoding: str | None = None,
    first_page: int | None = None,
    input_format: str | None = None,
) -> Footnotes:
    """The footnotes of a text file (None: the embedded article): claims, citations, diagnostics.

    ``input_format`` is ``pdf-text``, ``markdown`` or ``latex``; by default the extension
    decides (``.md``, ``.markdown``, ``.qmd``: Markdown; ``.tex``, ``.ltx``: LaTeX).
    """
    if path is not None and formats.input_format(path, input_format) != formats.PDF_TEXT:
        return read_text(read_file(path, encoding), str(path), input_format=formats.input_format(path, input_format))
    return cite(read_footnotes(load(path, encoding=encoding, first_page=first_page)))


def read_text(
    text: str, path: str = "<text>", *, first_page: int | None = None, input_format: str | None = None
) -> Footnotes:
    """The footnotes of an already decoded text, with their citations (the format as for :func:`read`)."""
    chosen = formats.input_format(path, input_format)
    if chosen != formats.PDF_TEXT:
        from sources.readers.markup import read_markup

        return read_markup(text, path, chosen)
    return cite(read_footnotes(ingest(text, path, first_page=first_page)))


def bibliography(path: str | Path | None = None) -> Bibliography:
    """A ``.bib`` file as typed sources (None: the embedded article's curated bibliography)."""
    if path is None:
        return parse_bibliography(bibliography_text(), BIBLIOGRAPHY_PATH)
    return load_bibliography(path)


def link(
    path: str | Path | None = None,
    *,
    bib: str | Path | None = None,
    encoding: str | None = None,
    first_page: int | None = None,
    input_format: str | None = None,
) -> Resolved:
    """Read a text and resolve its citations against a bibliography.

    With neither ``path`` nor ``bib``: the embedded article and its curated bibliography;
    with a Markdown or LaTeX text and no ``bib``: the bibliography the text declares.
    """
    footnotes = read(path, encoding=encoding, first_page=first_page, input_format=input_format)
    if path is not None and bib is None:
        bib = declared_file(footnotes)
        if bib is None:
            raise SourcesError("a text other than the embedded article needs a bibliography (bib=...)")
    return resolve(footnotes, bibliography(bib))


def check(
    paths: Sequence[str | Path | None] = (None,),
    *,
    bib: str | Path | None = None,
    encoding: str | None = None,
    first_page: int | None = None,
    input_format: str | None = None,
) -> Findings:
    """Every finding on some texts (None: the embedded article) and their bibliography.

    The embedded article is checked against its curated bibliography unless ``bib`` names
    another; other texts are linked to ``bib`` when it is given, and are otherwise checked
    without resolution, unless a Markdown or LaTeX text declares its bibliography.
    """
    with cyclic_gc_paused():  # hundreds of thousands of records, none in cycles: see cyclic_gc_paused
        texts = [read(path, encoding=encoding, first_page=first_page, input_format=input_format) for path in paths]
        if bib is None:  # a Markdown or LaTeX text may name its bibliography
            bib = next((found for text in texts if (found := declared_file(text)) is not None), None)
        if bib is not None:
            bib_text = read_file(bib)
            return check_texts(texts, parse_bibliography(bib_text, str(bib)), bib_text)
        if all(path is None for path in paths):
            embedded = bibliography_text()
            return check_texts(texts, parse_bibliography(embedded, BIBLIOGRAPHY_PATH), embedded)
        return check_texts(texts, None, None)
