"""sources: footnotes of scholarly texts as checked, typed citation records.

The public verbs::

    import sources

    result = sources.read()              # the embedded article
    result = sources.read("article.txt") # any PDF extraction in the same conventions
    for footnote in result.footnotes:
        print(footnote.number, footnote.claim.text if footnote.claim else None, footnote.text)
    for citation in result.citations:
        print(citation.footnote, citation.kind.value, citation.name, citation.year, citation.locator)

    zotero = sources.bibliography("library.json")     # CSL-JSON or RIS, by extension or bib_format=
    print(sources.export(zotero, to="biblatex").text)

    print(sources.render(notes=True, style="chicago-notes-bibliography").text)  # the notes, restyled
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sources.article import ARTICLE_PATH, BIBLIOGRAPHY_PATH, article_bytes, article_info, bibliography_text
from sources.bib.bibtex import Bibliography, parse_bibliography
from sources.bib.formats import load_any
from sources.bib.resolve import Resolution, Resolved, Status, resolve
from sources.checks.run import Findings, check_texts, merge_findings
from sources.citations.calendars import Calendar, CitedDate, Reading
from sources.citations.parse import cite
from sources.errors import CslError, InputError, SourcesError
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
from sources.readers.files import decode, read_file
from sources.readers.footnotes import read_footnotes
from sources.readers.pdftext import ingest
from sources.rendering import DEFAULT_STYLE
from sources.writing import write_atomically

if TYPE_CHECKING:
    from pathlib import Path

    from sources import csl
    from sources.bib.export import Exported
    from sources.csl.api import Rendered, Style
    from sources.rendering.document import Rendering

# Names whose modules load on first use, so that ``import sources`` (and ``sources check``)
# does not load the exporters, the renderer or the CSL processor it does not run.
_LAZY = {
    "Exported": "sources.bib.export",
    "Rendering": "sources.rendering.document",
    "Rendered": "sources.csl.api",
    "Style": "sources.csl.api",
}

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
    "CslError",
    "Diagnostic",
    "Document",
    "Exported",
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
    "Rendered",
    "Rendering",
    "Resolution",
    "Resolved",
    "Section",
    "Severity",
    "Source",
    "SourceKind",
    "SourcesError",
    "Span",
    "Status",
    "Style",
    "bibliography",
    "check",
    "csl",
    "export",
    "from_csl",
    "link",
    "load",
    "parse_csl_json",
    "parse_ris",
    "read",
    "read_text",
    "render",
    "resolve",
    "to_csl",
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
    if path is not None and (chosen := formats.input_format(path, input_format)) != formats.PDF_TEXT:
        return read_text(read_file(path, encoding), str(path), input_format=chosen)
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


def bibliography(path: str | Path | None = None, *, bib_format: str | None = None) -> Bibliography:
    """A bibliography file as typed sources (None: the embedded article's curated bibliography).

    ``.bib`` (BibTeX/BibLaTeX), ``.json`` (CSL-JSON, as Zotero and Better BibTeX export it)
    and ``.ris`` are told apart by extension, or by ``bib_format`` (``bibtex``,
    ``csl-json``, ``ris``).
    """
    return _bibliography_and_text(path, bib_format)[0]


def _bibliography_and_text(
    bib: str | Path | Bibliography | None, bib_format: str | None
) -> tuple[Bibliography, str | None]:
    """A bibliography and its text (to quote lines from): read from a file, the embedded one, or as given."""
    if isinstance(bib, Bibliography):
        return bib, None
    if bib is None:
        text = bibliography_text()
        return parse_bibliography(text, BIBLIOGRAPHY_PATH), text
    return load_any(bib, bib_format)


def parse_csl_json(text: str, path: str = "<csl-json>") -> Bibliography:
    """A CSL-JSON array (as Zotero and Better BibTeX export it) as typed sources, with line numbers."""
    from sources.bib.csljson import parse_csl_json as parse

    return parse(text, path)


def parse_ris(text: str, path: str = "<ris>") -> Bibliography:
    """RIS text as typed sources; records without an ``ID`` get author-year keys."""
    from sources.bib.ris import parse_ris as parse

    return parse(text, path)


def to_csl(source: Source) -> dict[str, Any]:
    """The CSL-JSON item of a source, every field in it (see docs/export.md for the mapping)."""
    from sources.bib.csljson import to_csl as convert

    return convert(source)


def from_csl(item: dict[str, Any], path: str = "<csl-json>", line: int = 1) -> tuple[Source, list[Diagnostic]]:
    """A source from one CSL-JSON item, and the findings on what of it could not be kept."""
    from sources.bib.csljson import from_csl as convert

    return convert(item, path, line)


def export(
    bib: Bibliography | str | Path | None = None,
    to: str = "csl-json",
    *,
    bib_format: str | None = None,
    output: str | Path | None = None,
) -> Exported:
    """A bibliography (a file, a :class:`Bibliography`, or None: the curated one) in ``to``.

    ``to`` is ``csl-json``, ``biblatex``, ``bibtex`` or ``ris``. The result's warnings name
    each field the target cannot carry. With ``output`` the text is also written there
    atomically (the old file or the new one, never half of one).
    """
    from sources.bib.export import export as convert

    source = _bibliography_and_text(bib, bib_format)[0]
    exported = convert(source, to)
    if output is not None:
        write_atomically(exported.text, output)
    return exported


def link(
    path: str | Path | None = None,
    *,
    bib: str | Path | Bibliography | None = None,
    encoding: str | None = None,
    first_page: int | None = None,
    bib_format: str | None = None,
    input_format: str | None = None,
) -> Resolved:
    """Read a text and resolve its citations against a bibliography.

    With neither ``path`` nor ``bib``: the embedded article and its curated bibliography.
    ``bib`` may be a :class:`Bibliography` already read, to link many texts to it; without
    it, a text is linked to the bibliography it declares or finds (as :func:`check` does).
    """
    footnotes = read(path, encoding=encoding, first_page=first_page, input_format=input_format)
    if path is not None and bib is None:
        bib = _find_bibliography(path, footnotes.document.text, input_format)
        if bib is None:
            raise SourcesError(
                f"{path}: no bibliography given or found (--bib, or refs/bibliography.bib beside it "
                "or at its project root)"
            )
    return resolve(footnotes, _bibliography_and_text(bib, bib_format)[0])


def render(
    path: str | Path | None = None,
    *,
    bib: str | Path | Bibliography | None = None,
    style: str | Path = DEFAULT_STYLE,
    lang: str | None = None,
    format: str = "text",
    notes: bool = False,
    encoding: str | None = None,
    first_page: int | None = None,
    bib_format: str | None = None,
    input_format: str | None = None,
    output: str | Path | None = None,
) -> Rendering:
    """A text's cited works (or, with ``notes``, its notes rewritten) in a CSL style.

    ``style`` is a shipped style's name or a ``.csl`` path; ``lang`` defaults to the style's
    locale, else ``tr-TR``; ``format`` is ``text``, ``html``, ``markdown``, ``latex`` or ``json``;
    ``input_format`` as for :func:`read`. Without ``path`` and ``bib``: the embedded article
    and its curated bibliography. With ``output`` the text is also written there atomically.
    """
    from sources.rendering.document import render_resolved

    linked = link(
        path, bib=bib, encoding=encoding, first_page=first_page, bib_format=bib_format, input_format=input_format
    )
    rendering = render_resolved(linked, style, lang=lang, format=format, notes=notes)
    if output is not None:
        write_atomically(rendering.text, output)
    return rendering


def check(
    paths: Sequence[str | Path | None] = (None,),
    *,
    bib: str | Path | Bibliography | None = None,
    encoding: str | None = None,
    first_page: int | None = None,
    bib_format: str | None = None,
    input_format: str | None = None,
) -> Findings:
    """Every finding on some texts (None: the embedded article) and their bibliography.

    The texts are checked against ``bib`` (a path, or a :class:`Bibliography` already read)
    when it is given. Otherwise the embedded article is checked against its curated
    bibliography, and any other text against the one it declares (Markdown front matter,
    ``\\addbibresource``) or the one found beside it or at its project root
    (``refs/bibliography.bib``); a text with none is checked without resolution, and a
    finding (SRC306) says so. A file named twice is read once.
    """
    texts = {
        path: read(path, encoding=encoding, first_page=first_page, input_format=input_format)
        for path in _distinct(paths)
    }
    if bib is not None:
        return check_texts(list(texts.values()), *_bibliography_and_text(bib, bib_format))
    groups: dict[Path | str | None, list[Footnotes]] = {}
    for path, text in texts.items():
        found = _EMBEDDED if path is None else _find_bibliography(path, text.document.text, input_format)
        groups.setdefault(found, []).append(text)
    results = []
    for found, group in groups.items():
        if found is None:
            results.append(check_texts(group, None, None))
        else:
            results.append(check_texts(group, *_bibliography_and_text(None if found is _EMBEDDED else found, None)))
    return merge_findings(results)


# Stands for the curated bibliography when grouping texts by theirs: a str, equal to no Path found.
_EMBEDDED = BIBLIOGRAPHY_PATH


def _find_bibliography(path: str | Path, text: str, input_format: str | None) -> Path | None:
    """:func:`sources.bib.discover.find_bibliography`, loaded (with pathlib) only when a named text needs it."""
    from pathlib import Path

    from sources.bib.discover import find_bibliography

    return find_bibliography(Path(path), text, input_format)


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


def __getattr__(name: str) -> Any:
    """The names of :data:`_LAZY`, and the ``csl`` subpackage, loaded on first use."""
    if name == "csl":
        return importlib.import_module("sources.csl")
    if name not in _LAZY:
        raise AttributeError(f"module 'sources' has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value  # later uses find it without coming here
    return value
