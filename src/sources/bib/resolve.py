"""Citations + bibliography → resolutions: each citation resolved, ambiguous or unresolved.

A citation's name is compared with every name a source answers to — its authors' family
names (joined for several authors), their full names, its title or shorthand, and the
spellings recorded in ``userb`` — after folding away case, Turkish dotted and dotless
i, diacritics and circumflexes and punctuation. A leading initial (``K. Çağlayan``) may
be dropped, and an alias (``Cerrahoğlu (Kerim Sadi)``) is tried as well. Years then
decide between works of one name; a citation without a year resolves when one work of
that name exists (its missing year is already a finding of the citation stage). A URL
resolves to the entry with that ``url``. When nothing matches, the nearest names by
rapidfuzz's ratio are offered (its weighted ratio was twenty times slower on 30,000 names).
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Iterable
from functools import cached_property

from attrs import evolve, frozen

from sources.bib.bibtex import Bibliography
from sources.checks import rules
from sources.folding import fold, without_initials
from sources.model import Citation, CitationKind, Diagnostic, Footnote, Footnotes, Source
from sources.records import record_eq, record_hash, record_repr

_NEAREST = 3


class Status(enum.Enum):
    RESOLVED = "resolved"
    AMBIGUOUS = "ambiguous"
    UNRESOLVED = "unresolved"


@frozen
class Resolution:
    """What became of one citation: its entry, or the candidates and why not."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    citation: Citation
    status: Status
    source: str | None
    candidates: tuple[str, ...] = ()  # the entries it could be, or the nearest names
    reason: str | None = None


@frozen
class Resolved:
    """An article's footnotes linked to a bibliography."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    footnotes: Footnotes  # citations carry their ``source`` key when resolved
    bibliography: Bibliography
    resolutions: tuple[Resolution, ...]
    diagnostics: tuple[Diagnostic, ...]

    def citing(self, key: str) -> list[tuple[Footnote, Citation]]:
        """Every citation of the entry ``key``, with its footnote (and so its claim), in text order."""
        return list(self._uses.get(key, ()))

    def in_body(self, key: str) -> list[Citation]:
        """Keyed texts: the citations of ``key`` in the body text, outside any note, in text order."""
        return [citation for citation in self.footnotes.in_body if citation.source == key]

    @cached_property
    def _uses(self) -> dict[str, list[tuple[Footnote, Citation]]]:
        uses: dict[str, list[tuple[Footnote, Citation]]] = defaultdict(list)
        for footnote in self.footnotes.footnotes:
            for citation in footnote.citations:
                if citation.source:
                    uses[citation.source].append((footnote, citation))
        return dict(uses)

    def sources_of(self, footnote: Footnote) -> list[tuple[Citation, Source]]:
        """The entries a footnote cites, with the citation (and so the locator) of each."""
        found = []
        for citation in footnote.citations:
            source = self.bibliography.get(citation.source) if citation.source else None
            if source is not None:
                found.append((citation, source))
        return found


class NameIndex:
    """The folded names every source answers to, built once per bibliography
    (:attr:`Bibliography.index <sources.bib.bibtex.Bibliography.index>`)."""

    def __init__(self, sources: Iterable[Source]):
        by_name: dict[str, dict[int, Source]] = defaultdict(dict)  # by id: one entry once per name
        self.by_url: dict[str, list[Source]] = defaultdict(list)
        for source in sources:
            for name in source_names(source):
                by_name[name].setdefault(id(source), source)
            if source.url:
                self.by_url[source.url.rstrip("/")].append(source)
        self.by_name = {name: list(found.values()) for name, found in by_name.items()}
        self.names = list(self.by_name)
        self._nearest: dict[str, tuple[str, ...]] = {}

    def nearest(self, name: str) -> tuple[str, ...]:
        """Keys of the entries whose names are nearest to the folded ``name``.

        Each is a pass over every name, so it is remembered: texts repeat what does not resolve.
        """
        if name not in self._nearest:
            from rapidfuzz import fuzz, process  # loaded only when something does not resolve

            found = process.extract(name, self.names, scorer=fuzz.ratio, limit=_NEAREST)
            self._nearest[name] = tuple(dict.fromkeys(s.key for near, _, _ in found for s in self.by_name[near]))
        return self._nearest[name]


def source_names(source: Source, *, with_variants: bool = True) -> set[str]:
    """The folded names a source answers to; the recorded variants only when asked."""
    people = source.authors or source.editors
    names = {fold("-".join(p.last for p in people))} if people else set()
    names |= {fold(p.last) for p in people if len(people) == 1}
    names |= {fold(p.display) for p in people}
    names |= {fold(text) for text in (source.title, source.shorthand) if text and not people}
    if with_variants:
        names |= {fold(variant) for variant in source.variants}
    return {name for name in names if name}


def resolve(footnotes: Footnotes, bibliography: Bibliography) -> Resolved:
    """Link every citation of ``footnotes`` to an entry of ``bibliography``, or say why not."""
    index = bibliography.index
    document = footnotes.document
    resolutions: list[Resolution] = []
    diagnostics = list(footnotes.diagnostics) + list(bibliography.diagnostics)

    def link(citation: Citation) -> Citation:
        if citation.key == "*":
            return citation  # \nocite{*}: every entry, none in particular
        resolution = (
            _by_key(citation, bibliography) if citation.kind is CitationKind.KEYED else _resolve(citation, index)
        )
        resolutions.append(resolution)
        if resolution.status is Status.AMBIGUOUS:
            diagnostics.append(
                rules.AMBIGUOUS_CITATION.at(
                    document,
                    citation.span,
                    f"{citation.raw!r} matches {', '.join(resolution.candidates)}",
                    footnote=citation.footnote,
                    hint="add the year, or tell the works apart in the bibliography",
                )
            )
        elif resolution.status is Status.UNRESOLVED:
            nearest = ", ".join(resolution.candidates) or "nothing near"
            rule = rules.UNKNOWN_KEY if citation.kind is CitationKind.KEYED else rules.UNRESOLVED_CITATION
            diagnostics.append(
                rule.at(
                    document,
                    citation.span,
                    f"{citation.raw!r}: {resolution.reason}",
                    footnote=citation.footnote,
                    hint=f"nearest entries: {nearest}",
                )
            )
        return evolve(citation, source=resolution.source)

    updated = [evolve(f, citations=tuple(link(c) for c in f.citations)) for f in footnotes.footnotes]
    in_body = tuple(link(c) for c in footnotes.in_body)
    linked = evolve(footnotes, footnotes=tuple(updated), diagnostics=tuple(diagnostics), in_body=in_body)
    return Resolved(linked, bibliography, tuple(resolutions), tuple(diagnostics))


def _by_key(citation: Citation, bibliography: Bibliography) -> Resolution:
    """A keyed citation names its entry: found, or the nearest keys."""
    key = citation.key or citation.name
    if bibliography.get(key) is not None:
        return Resolution(citation, Status.RESOLVED, key)
    from rapidfuzz import fuzz, process  # loaded only when a key is unknown

    keys = [source.key for source in bibliography.sources]
    nearest = tuple(found for found, _, _ in process.extract(key, keys, scorer=fuzz.ratio, limit=_NEAREST))
    return Resolution(citation, Status.UNRESOLVED, None, nearest, f"no entry has the key {key!r}")


def _resolve(citation: Citation, index: NameIndex) -> Resolution:
    if citation.kind is CitationKind.WEB and citation.url:
        at_url = index.by_url.get(citation.url.rstrip("/"), [])
        return _decide(citation, at_url, index, f"no entry has the address {citation.url}")
    found: dict[int, Source] = {}
    for name in cited_names(citation.name, citation.alias):
        for source in index.by_name.get(name, ()):
            found.setdefault(id(source), source)
    candidates = list(found.values())
    if not candidates:
        return _decide(citation, [], index, f"no entry is named {citation.name!r}")
    if citation.year is None or citation.kind is CitationKind.NEWSPAPER:
        return _decide(citation, candidates, index, "")
    dated = [s for s in candidates if s.year is not None]
    same_year = [s for s in dated if s.year == citation.year]
    if dated and not same_year:
        years = ", ".join(sorted(f"{s.key} ({s.year})" for s in dated))
        return Resolution(
            citation,
            Status.UNRESOLVED,
            None,
            tuple(s.key for s in dated),
            f"no work of {citation.name} from {citation.year}; the bibliography has {years}",
        )
    return _decide(citation, same_year or candidates, index, "")


def cited_names(name: str, alias: str | None = None) -> list[str]:
    """The folded names a citation may mean: as written, without initials, its alias."""
    names = [fold(name), fold(without_initials(name))]
    if alias:
        names.append(fold(alias))
    return [folded for folded in dict.fromkeys(names) if folded]


def _decide(citation: Citation, candidates: list[Source], index: NameIndex, reason: str) -> Resolution:
    if len(candidates) == 1:
        return Resolution(citation, Status.RESOLVED, candidates[0].key)
    if candidates:
        keys = tuple(s.key for s in candidates)
        return Resolution(citation, Status.AMBIGUOUS, None, keys, f"{len(keys)} entries match")
    return Resolution(citation, Status.UNRESOLVED, None, index.nearest(fold(citation.name)), reason)
