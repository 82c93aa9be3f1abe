"""``.bib`` files ↔ typed :class:`Source` records, through bibtexparser v2 only.

Two readings of one file: the *library* keeps every block exactly as parsed (comments,
unknown fields, enclosing braces), so that writing it back changes nothing; the
*sources* are typed records with LaTeX decoded to Unicode (by pylatexenc, which
bibtexparser itself uses, and only for values with LaTeX in them) and names parsed by
pybtex.
Blocks that fail to parse and duplicate keys stay in the library and become
diagnostics with their line, as bibtexparser keeps them.

Conventions of the curated bibliography (``refs/bibliography.bib``):

* ``usera`` records where fields came from when not from the citing text
  (``sources-facts.json (certain): title, publisher``);
* ``userb`` lists other spellings of the entry's name that texts use, ``|``-separated;
* ``entrysubtype`` marks what biblatex has no type for: ``archive``, ``parliamentary``,
  ``documents``, ``newspaper`` (and ``legislation`` for a law read from CSL-JSON or RIS).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, cached_property
from typing import TYPE_CHECKING

from attrs import field, frozen

from sources.bib import blocks
from sources.bib.names import plain_name
from sources.checks import rules
from sources.citations.calendars import read_date, read_year
from sources.model import Diagnostic, Name, Source, SourceKind
from sources.records import record_eq, record_hash, record_repr
from sources.writing import write_atomically

if TYPE_CHECKING:  # bibtexparser, pybtex and pylatexenc load when a bibliography is read, not at start-up
    from pathlib import Path

    from bibtexparser.library import Library
    from bibtexparser.model import Entry
    from bibtexparser.writer import BibtexFormat
    from pylatexenc.latex2text import LatexNodes2Text

    from sources.bib.resolve import NameIndex


_LATEX_MARK = re.compile(r"[\\{}$~%]|--")
_AND = re.compile(r"(?<!\s)\s++and\s++")
_BRACE = re.compile(r"(?<!\\)[{}]")
# What pylatexenc reads as more than text, braces and dashes: macros, math, comments,
# and its other specials (~ & `` '' !` ?`).
_MORE_THAN_BRACES = re.compile(r"[\\$%~&`]|''")
# Deeper than any real field; pylatexenc and pybtex recurse once or more per level.
_DEEPEST = 32

_KIND_OF_TYPE = {
    "book": SourceKind.BOOK,
    "mvbook": SourceKind.BOOK,
    "article": SourceKind.ARTICLE,
    "incollection": SourceKind.CHAPTER,
    "inbook": SourceKind.CHAPTER,
    "periodical": SourceKind.PERIODICAL,
    "collection": SourceKind.DOCUMENT_COLLECTION,
    "online": SourceKind.WEB,
}
_KIND_OF_SUBTYPE = {
    "archive": SourceKind.ARCHIVE,
    "parliamentary": SourceKind.PARLIAMENTARY,
    "legislation": SourceKind.PARLIAMENTARY,  # a law, as parliament passed it
    "documents": SourceKind.DOCUMENT_COLLECTION,
    "newspaper": SourceKind.PERIODICAL,
}
_TEXT_FIELDS = {
    "title": "title",
    "shorthand": "shorthand",
    "journaltitle": "journal",
    "journal": "journal",
    "volume": "volume",
    "number": "number",
    "pages": "pages",
    "publisher": "publisher",
    "location": "location",
    "address": "location",
    "url": "url",
    "doi": "doi",
    "isbn": "isbn",
    "langid": "langid",
    "usera": "provenance",
}


def bibtex_format() -> BibtexFormat:
    """How this project writes ``.bib`` files (and so how refs/bibliography.bib looks)."""
    from bibtexparser.writer import BibtexFormat

    style = BibtexFormat()  # type: ignore[no-untyped-call]
    style.indent = "  "
    style.block_separator = "\n\n"
    style.trailing_comma = True
    return style


@frozen
class Bibliography:
    """A parsed ``.bib`` file: its typed sources, its library for writing, its problems."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    path: str
    sources: tuple[Source, ...]
    library: Library | None = field(eq=False, repr=False)  # None for a bibliography not read from .bib
    diagnostics: tuple[Diagnostic, ...] = ()

    def get(self, key: str) -> Source | None:
        return self._by_key.get(key)

    @cached_property
    def index(self) -> NameIndex:
        """The names its sources answer to, built on first use and kept: a bibliography
        read once serves any number of texts."""
        from sources.bib.resolve import NameIndex

        return NameIndex(self.sources)

    @cached_property
    def _by_key(self) -> dict[str, Source]:
        return {source.key: source for source in self.sources}


def parse_bibliography(text: str, path: str = "<bib>") -> Bibliography:
    """Read ``.bib`` text; problems in it are diagnostics, never exceptions."""
    import logging

    from bibtexparser.entrypoint import parse_string

    # bibtexparser logs every failed block; we report them as diagnostics instead.
    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)

    library = parse_string(text, parse_stack=[])
    sources = []
    diagnostics = [*_problems(library, path), *blocks.problems(expanded := blocks.expanded(library), path)]
    for entry in expanded.entries:
        unreadable: list[str] = []
        source = _source(entry, unreadable)
        sources.append(source)
        diagnostics += [
            rules.UNREADABLE_FIELD.at_line(
                path, source.line, f"{source.key}: {reason}", hint="simplify the field; it is kept as written"
            )
            for reason in dict.fromkeys(unreadable)  # a name list is decoded, then split: once is enough
        ]
    return Bibliography(path, tuple(sources), library, tuple(diagnostics))


def dump(library: Library) -> str:
    """The text of a library, in this project's ``.bib`` format."""
    from bibtexparser.entrypoint import write_string

    return write_string(library, unparse_stack=[], bibtex_format=bibtex_format())


def write_bibliography(library: Library, path: str | Path) -> None:
    """Write ``library`` to ``path`` atomically: a reader sees the old file or the new one."""
    write_atomically(dump(library), path)


def _problems(library: Library, path: str) -> Iterable[Diagnostic]:
    from bibtexparser.model import DuplicateBlockKeyBlock, ParsingFailedBlock

    for block in library.failed_blocks:
        line = block.start_line + 1 if block.start_line is not None else None
        if isinstance(block, DuplicateBlockKeyBlock):
            yield rules.DUPLICATE_KEY.at_line(
                path, line, f"the key {block.key!r} is used again", hint="give each entry its own key"
            )
        elif isinstance(block, ParsingFailedBlock):
            reason = str(block.error) or "it ends before its braces close"
            yield rules.BIB_SYNTAX_ERROR.at_line(
                path, line, f"cannot parse this block: {reason}", hint="check the braces and commas of this entry"
            )


def _source(entry: Entry, unreadable: list[str]) -> Source:
    """A typed source from an entry as written: names parsed first, then everything decoded.

    Names are parsed before LaTeX is decoded, which would drop the braces that keep
    ``{T.C. Genelkurmay Başkanlığı}`` one name. Why a field could not be read is added
    to ``unreadable``; such a field keeps its text as written.
    """
    undecoded = {f.key.casefold(): _unenclosed(str(f.value)) for f in entry.fields}
    names = {role: parse_names(undecoded.get(role), role, unreadable) for role in NAME_FIELDS}
    return make_source(
        entry.key,
        entry.entry_type,
        (entry.start_line or 0) + 1,
        tuple((f.key, _decode(undecoded[f.key.casefold()], f.key, unreadable)) for f in entry.fields),
        names,
    )


NAME_FIELDS = ("author", "editor", "translator")


def name_lists(source: Source) -> dict[str, tuple[Name, ...]]:
    """A source's parsed names by the field of :data:`NAME_FIELDS` they were read from."""
    return {"author": source.authors, "editor": source.editors, "translator": source.translators}


def make_source(
    key: str,
    entry_type: str,
    line: int,
    fields: tuple[tuple[str, str], ...],
    names: dict[str, tuple[Name, ...]],
) -> Source:
    """A typed source from decoded biblatex fields and parsed names, whatever file they came from.

    Every reader (``.bib``, CSL-JSON, RIS) ends here, so that the same fields mean the
    same thing to resolution and checks.
    """
    values = {name.casefold(): value for name, value in fields}
    entry_type = entry_type.casefold()
    subtype = values.get("entrysubtype", "").casefold()
    kind = _KIND_OF_SUBTYPE.get(subtype) or _KIND_OF_TYPE.get(entry_type, SourceKind.WORK)
    year = values.get("year") or (values["date"][:4] if "date" in values else None)
    texts = {attribute: values[name] for name, attribute in _TEXT_FIELDS.items() if name in values}
    return Source(
        key=key,
        entry_type=entry_type,
        kind=kind,
        line=line,
        authors=names.get("author", ()),
        editors=names.get("editor", ()),
        translators=names.get("translator", ()),
        year=year,
        date=(read_year(year) or read_date(year)) if year else None,
        variants=tuple(v.strip() for v in values.get("userb", "").split("|") if v.strip()),
        fields=fields,
        **texts,
    )


def parse_names(value: str | None, field: str = "author", unreadable: list[str] | None = None) -> tuple[Name, ...]:
    """People and bodies of a name list, parsed by pybtex (plain forms without it), each part then decoded.

    A name pybtex cannot split (``A, B, C, D``) stays one name, as written.
    """
    if not value:
        return ()
    people = []
    problems = [] if unreadable is None else unreadable
    for raw in _AND.split(value.strip()):
        if _too_deep(raw):
            problems.append(f"{field} nests braces more than {_DEEPEST} deep")
            people.append(Name(raw, "", raw))
            continue
        plain = plain_name(raw)
        if plain is not None:
            display, given, family = (_decode(part, field, problems) for part in plain)
            people.append(Name(display, given, family, literal=plain[0].startswith("{")))
            continue
        from pybtex.database import Person
        from pybtex.exceptions import PybtexError

        try:
            person = Person(raw)
        except PybtexError as error:
            problems.append(f"{field} {raw!r} cannot be split into names: {error}")
            people.append(Name(raw, "", raw))
            continue
        first = _decode(" ".join(person.first_names + person.middle_names), field, problems)
        last = _decode(" ".join(person.prelast_names + person.last_names), field, problems)
        parts = person.first_names + person.middle_names + person.prelast_names + person.lineage_names
        whole = len(person.last_names) == 1 and person.last_names[0].startswith("{") and not parts
        literal = whole and person.last_names[0].endswith("}")
        people.append(Name(_decode(str(person), field, problems), first, last, literal=literal))
    return tuple(people)


def _unenclosed(value: str) -> str:
    """A field value without the braces or quotes around it."""
    value = value.strip()
    if len(value) >= 2 and (value[0], value[-1]) in (("{", "}"), ('"', '"')):
        return value[1:-1]
    return value


def _decode(latex: str, name: str, unreadable: list[str]) -> str:
    """LaTeX to Unicode; plain text (most values) skips pylatexenc, which is slow to start.

    pylatexenc recurses once per group: a field nested deeper than any real one is kept
    as written, with the reason in ``unreadable``.
    """
    if not _LATEX_MARK.search(latex):
        return latex
    if _too_deep(latex):
        unreadable.append(f"{name} nests braces more than {_DEEPEST} deep")
        return latex
    plain = _braces_and_dashes(latex)
    return " ".join((str(_latex().latex_to_text(latex)) if plain is None else plain).split())


def _braces_and_dashes(latex: str) -> str | None:
    """What pylatexenc makes of text whose only LaTeX is groups and dashes; None for anything more.

    Most LaTeX in real fields is ``{Braced Body}`` and ``313--330``, and building
    pylatexenc's converter costs more at start-up than the rest of reading a .bib file.
    As pylatexenc does, ``---`` is an em dash, then ``--`` an en dash, and group braces vanish.
    """
    if _MORE_THAN_BRACES.search(latex):
        return None
    depth = 0
    for brace in _BRACE.findall(latex):
        depth += 1 if brace == "{" else -1
        if depth < 0:
            return None
    if depth:
        return None
    return latex.replace("---", "\N{EM DASH}").replace("--", "\N{EN DASH}").replace("{", "").replace("}", "")


def _too_deep(text: str) -> bool:
    """Whether braces in ``text`` nest more than :data:`_DEEPEST` levels (a linear scan)."""
    if text.count("{") <= _DEEPEST:
        return False
    depth = 0
    for brace in _BRACE.findall(text):
        depth = depth + 1 if brace == "{" else max(depth - 1, 0)
        if depth > _DEEPEST:
            return True
    return False


@cache
def _latex() -> LatexNodes2Text:
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text()
