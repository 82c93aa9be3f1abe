"""Checks that need the text and its bibliography together, and checks of the bibliography.

The stages before this one report what they can see alone (markers, citations,
locators, dates, resolution). Here: one source spelt several ways, a source named only
by a variant, entries nobody cites, duplicate works, fields an entry type requires,
malformed URLs, ISBNs and DOIs, and fields whose origin nothing records.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from attrs import field, frozen

from sources.bib.bibtex import Bibliography
from sources.bib.isbn import valid_isbn
from sources.bib.resolve import Resolved, cited_names, resolve, source_names
from sources.checks import rules
from sources.folding import fold, without_initials
from sources.model import ArticleInfo, Citation, CitationKind, Diagnostic, Footnotes, Source
from sources.records import record_eq, record_hash, record_repr

# What biber's data model requires of each entry type (one of each group), as biber checks it.
_REQUIRED: dict[str, tuple[tuple[str, ...], ...]] = {
    "article": (("author",), ("title",), ("journaltitle", "journal"), ("year", "date")),
    "book": (("author",), ("title",), ("year", "date")),
    "mvbook": (("author",), ("title",), ("year", "date")),
    "inbook": (("author",), ("title",), ("booktitle",), ("year", "date")),
    "incollection": (("author",), ("title",), ("booktitle",), ("year", "date")),
    "collection": (("editor",), ("title",), ("year", "date")),
    "periodical": (("editor",), ("title",), ("year", "date")),
    "online": (("title",), ("year", "date"), ("url", "doi", "eprint")),
    "misc": (("title",), ("year", "date")),
}
_DOI = re.compile(r"10\.\d{4,9}/\S+")
# Fields that describe the entry rather than the work, and need no provenance.
_BOOKKEEPING = {"entrysubtype", "langid", "usera", "userb", "shorthand", "keywords", "ids"}


@frozen
class Findings:
    """What ``sources check`` found in some texts and their bibliography."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    diagnostics: tuple[Diagnostic, ...]
    texts: dict[str, str] = field(eq=False, repr=False)  # path → text, to quote lines from
    files: int = 0


def check_texts(
    footnotes: Sequence[Footnotes], bibliography: Bibliography | None, bib_text: str | None = None
) -> Findings:
    """Every finding on ``footnotes`` (one per text) and on the bibliography they share.

    Without a bibliography the findings of the text stages are reported, and one finding
    (SRC306) says that nothing was resolved. ``bib_text``, when given, lets a report quote
    the bibliography's lines.
    """
    found: list[Diagnostic] = []
    texts = {f.document.path: f.document.text for f in footnotes}
    if bibliography is None:
        found = [d for f in footnotes for d in f.diagnostics]
        if footnotes:
            names = ", ".join(texts)
            found.append(
                rules.RESOLUTION_SKIPPED.at_line(
                    footnotes[0].document.path,
                    None,
                    f"no bibliography was given or found for {names}: citations were not resolved",
                    hint="pass --bib FILE, set bib in [tool.sources], or keep it at refs/bibliography.bib",
                )
            )
        return Findings(tuple(dict.fromkeys(found)), texts, len(footnotes))
    cited: set[str] = set()
    itself = None
    for text in footnotes:
        linked = resolve(text, bibliography)
        found += [*linked.diagnostics, *spellings(linked), *_urls_cited(linked)]
        cited |= {c.source for c in linked.footnotes.citations if c.source}
        if any(c.key == "*" for c in linked.footnotes.citations):  # \nocite{*}, nocite: "@*"
            cited |= {source.key for source in bibliography.sources}
        itself = itself or _itself(bibliography, text.document.info)
    found += check_bibliography(bibliography, cited=cited, itself=itself)
    if bib_text is not None:
        texts[bibliography.path] = bib_text
    # A bibliography's own problems reach the report through every text linked to it: once is enough.
    return Findings(tuple(dict.fromkeys(found)), texts, len(footnotes) + 1)


def merge_findings(parts: Sequence[Findings]) -> Findings:
    """The findings of several checks (texts grouped by bibliography) as one."""
    if len(parts) == 1:
        return parts[0]
    texts: dict[str, str] = {}
    for part in parts:
        texts.update(part.texts)
    diagnostics = tuple(d for part in parts for d in part.diagnostics)
    return Findings(diagnostics, texts, sum(part.files for part in parts))


def spellings(linked: Resolved) -> Iterable[Diagnostic]:
    """One source spelt several ways in the text; a source named only by a variant."""
    document = linked.footnotes.document
    by_source: dict[str, list[Citation]] = defaultdict(list)
    for citation in linked.footnotes.citations:
        # A key names its entry: how a keyed text spells names is the style's business, not the text's.
        if citation.source and citation.kind not in (CitationKind.WEB, CitationKind.KEYED):
            by_source[citation.source].append(citation)
    for key, citations in by_source.items():
        source = linked.bibliography.get(key)
        spellings = Counter(c.name for c in citations)
        if len(spellings) > 1:
            usual = max(spellings, key=spellings.__getitem__)  # most_common(1), without loading heapq
            for citation in citations:
                if citation.name != usual and citation is next(c for c in citations if c.name == citation.name):
                    others = ", ".join(f"{name!r} ({count}×)" for name, count in spellings.items())
                    yield rules.NAME_SPELLED_VARIOUSLY.at(
                        document,
                        citation.span,
                        f"{key} is cited as {others}",
                        footnote=citation.footnote,
                        hint=f"write {usual!r} throughout",
                    )
        elif source is not None:
            [(name, count)] = spellings.items()
            primary = source_names(source, with_variants=False)
            if not set(cited_names(name)) & primary:
                first = citations[0]
                yield rules.NAME_DIFFERS_FROM_ENTRY.at(
                    document,
                    first.span,
                    f"{name!r} ({count}×) is how the text names {key}, which spells it {source.label!r}",
                    footnote=first.footnote,
                    hint="correct the spelling in the text, or in the entry",
                )


def check_bibliography(
    bibliography: Bibliography, *, cited: set[str] | None = None, itself: str | None = None
) -> list[Diagnostic]:
    """Findings on the entries: duplicates, missing fields, identifiers, provenance, uncited."""
    found: list[Diagnostic] = []
    seen: dict[tuple[str, str, str], Source] = {}
    # Provenance is checked in bibliographies that keep it (the usera convention) at all.
    keeps_provenance = any(source.provenance for source in bibliography.sources)
    for source in bibliography.sources:
        at = (bibliography.path, source.line)
        work = (fold(" ".join(n.last for n in source.authors)), source.year or "", fold(source.title or ""))
        if any(work) and work in seen:
            found.append(
                rules.DUPLICATE_WORK.at_line(
                    *at,
                    f"{source.key} describes the same work as {seen[work].key}",
                    hint="keep one entry and merge their fields",
                )
            )
        seen.setdefault(work, source)
        missing = _missing(source)
        if missing:
            found.append(
                rules.MISSING_FIELD.at_line(
                    *at,
                    f"{source.key} (@{source.entry_type}) lacks {', '.join(missing)}",
                    hint="add them from a source that states them, and record it in usera",
                )
            )
        found += _identifiers(bibliography.path, source)
        unrecorded = _unrecorded(source) if keeps_provenance else []
        if unrecorded:
            found.append(
                rules.UNRECORDED_PROVENANCE.at_line(
                    *at,
                    f"{source.key}: nothing records where {', '.join(unrecorded)} came from",
                    hint="name the source of these fields in usera",
                )
            )
        if cited is not None and source.key not in cited and source.key != itself:
            found.append(
                rules.UNCITED_ENTRY.at_line(
                    *at, f"{source.key} is cited nowhere in the text", hint="cite it or remove it"
                )
            )
    return found


def _missing(source: Source) -> list[str]:
    present = {name.casefold() for name, _ in source.fields}
    required = _REQUIRED.get(source.entry_type, ())
    return ["/".join(group) for group in required if not present & set(group)]


def _identifiers(path: str, source: Source) -> Iterable[Diagnostic]:
    at = (path, source.line)
    if source.url and not _well_formed_url(source.url):
        yield rules.MALFORMED_URL.at_line(*at, f"{source.key}: {source.url!r} is not an http(s) address")
    if source.isbn and not valid_isbn(source.isbn):
        yield rules.INVALID_ISBN.at_line(*at, f"{source.key}: ISBN {source.isbn} has a wrong length or check digit")
    if source.doi and not _DOI.fullmatch(source.doi):
        yield rules.MALFORMED_DOI.at_line(*at, f"{source.key}: {source.doi!r} is not of the form 10.NNNN/suffix")


def _urls_cited(linked: Resolved) -> Iterable[Diagnostic]:
    for citation in linked.footnotes.citations:
        if citation.kind is CitationKind.WEB and citation.url and not _well_formed_url(citation.url):
            yield rules.MALFORMED_URL.at(
                linked.footnotes.document,
                citation.span,
                f"{citation.url!r} is not an http(s) address",
                footnote=citation.footnote,
            )


def _well_formed_url(url: str) -> bool:
    from urllib.parse import urlsplit  # with ipaddress, loaded only when there is a URL

    try:
        parts = urlsplit(url)
    except ValueError:  # a stray bracket, a bad IP literal
        return False
    return parts.scheme in ("http", "https") and "." in parts.netloc and " " not in url


def _unrecorded(source: Source) -> list[str]:
    """Fields beyond what a citation gives (a name, a year) that ``usera`` does not account for."""
    provenance = source.provenance or ""
    names = source.authors + source.editors + source.translators
    unrecorded = [
        name
        for name, _ in source.fields
        if name.casefold() not in _BOOKKEEPING | {"author", "editor", "translator", "year", "date"}
        and not (name.casefold() == "title" and not names)  # a title is the name an untitled work is cited by
        and name.casefold() not in provenance
    ]
    given = any(n.first for n in source.authors) and not any(w in provenance for w in ("name", "author"))
    return unrecorded + (["given names"] if given and not _initials_only(source) else [])


def _initials_only(source: Source) -> bool:
    """Initials such as ``K.`` come from the citation itself (``K. Çağlayan``)."""
    return all(not without_initials(n.first) for n in source.authors if n.first)


def _itself(bibliography: Bibliography, info: ArticleInfo | None) -> str | None:
    """The key of the entry that describes the checked text itself: it need not be cited."""
    if info is None:
        return None
    for source in bibliography.sources:
        if (source.doi and source.doi == info.doi) or (source.title == info.title and source.year == str(info.year)):
            return source.key
    return None
