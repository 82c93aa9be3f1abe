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

import os
from collections.abc import Sequence
from pathlib import Path

from sources.article import ARTICLE_PATH, BIBLIOGRAPHY_PATH, article_bytes, article_info, bibliography_text
from sources.bib.bibtex import Bibliography, load_bibliography, parse_bibliography
from sources.bib.discover import find_bibliography
from sources.bib.resolve import Resolution, Resolved, Status, resolve
from sources.checks.run import Findings, check_texts, merge_findings
from sources.citations.calendars import Calendar, CitedDate, Reading
from sources.citations.parse import cite
from sources.errors import InputError, SourcesError
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
    Name,
    NoteText,
    Page,
    Section,
    Severity,
    Source,
    SourceKind,
    Span,
)
from sources.readers.files import decode, read_file
from sources.readers.footnotes import read_footnotes
from sources.readers.pdftext import ingest

__all__ = [
    "ArticleInfo",
    "Bibliography",
    "Calendar",
    "Citation",
    "CitationKind",
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


def read(path: str | Path | None = None, *, encoding: str | None = None, first_page: int | None = None) -> Footnotes:
    """The footnotes of a text file (None: the embedded article): claims, citations, diagnostics."""
    return cite(read_footnotes(load(path, encoding=encoding, first_page=first_page)))


def read_text(text: str, path: str = "<text>", *, first_page: int | None = None) -> Footnotes:
    """The footnotes of an already decoded text, with their citations."""
    return cite(read_footnotes(ingest(text, path, first_page=first_page)))


def bibliography(path: str | Path | None = None) -> Bibliography:
    """A ``.bib`` file as typed sources (None: the embedded article's curated bibliography)."""
    if path is None:
        return parse_bibliography(bibliography_text(), BIBLIOGRAPHY_PATH)
    return load_bibliography(path)


def link(
    path: str | Path | None = None,
    *,
    bib: str | Path | Bibliography | None = None,
    encoding: str | None = None,
    first_page: int | None = None,
) -> Resolved:
    """Read a text and resolve its citations against a bibliography.

    With neither ``path`` nor ``bib``: the embedded article and its curated bibliography.
    ``bib`` may be a :class:`Bibliography` already read, to link many texts to it; without
    it, a text is linked to the bibliography it declares or finds (as :func:`check` does).
    """
    if path is not None and bib is None:
        bib = find_bibliography(Path(path))
        if bib is None:
            raise SourcesError(
                f"{path}: no bibliography given or found (--bib, or refs/bibliography.bib beside it "
                "or at its project root)"
            )
    linked_to = bib if isinstance(bib, Bibliography) else bibliography(bib)
    return resolve(read(path, encoding=encoding, first_page=first_page), linked_to)


def check(
    paths: Sequence[str | Path | None] = (None,),
    *,
    bib: str | Path | Bibliography | None = None,
    encoding: str | None = None,
    first_page: int | None = None,
) -> Findings:
    """Every finding on some texts (None: the embedded article) and their bibliography.

    The texts are checked against ``bib`` (a path, or a :class:`Bibliography` already read)
    when it is given. Otherwise the embedded article is checked against its curated
    bibliography, and any other text against the one it declares or the one found beside
    it or at its project root (``refs/bibliography.bib``); a text with none is checked
    without resolution, and a finding (SRC306) says so. A file named twice is read once.
    """
    texts = {path: read(path, encoding=encoding, first_page=first_page) for path in _distinct(paths)}
    if bib is not None:
        return check_texts(list(texts.values()), *_read_bibliography(bib))
    groups: dict[str | None, list[Footnotes]] = {}
    for path, text in texts.items():
        found = None if path is None else find_bibliography(Path(path))
        key = BIBLIOGRAPHY_PATH if path is None else (str(found) if found else None)
        groups.setdefault(key, []).append(text)
    results = []
    for key, group in groups.items():
        if key == BIBLIOGRAPHY_PATH:
            embedded = bibliography_text()
            results.append(check_texts(group, parse_bibliography(embedded, BIBLIOGRAPHY_PATH), embedded))
        elif key is not None:
            results.append(check_texts(group, *_read_bibliography(key)))
        else:
            results.append(check_texts(group, None, None))
    return merge_findings(results)


def _distinct(paths: Sequence[str | Path | None]) -> list[str | Path | None]:
    """``paths`` without a file named twice (``a.txt`` and ``./a.txt``), first spelling kept."""
    seen: dict[str | None, str | Path | None] = {}
    for path in paths:
        try:
            key = None if path is None else os.path.realpath(path)
        except ValueError:  # a zero byte in the name: reading it says so
            key = str(path)
        seen.setdefault(key, path)
    return list(seen.values())


def _read_bibliography(bib: str | Path | Bibliography) -> tuple[Bibliography, str | None]:
    if isinstance(bib, Bibliography):
        return bib, None
    text = read_file(bib)
    return parse_bibliography(text, str(bib)), text
