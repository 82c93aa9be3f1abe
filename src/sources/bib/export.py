"""A bibliography written in another format: CSL-JSON, BibLaTeX, BibTeX or RIS.

Every field goes where the target can hold it; what it cannot hold is named in a warning
(one per field, with the entries that have it), never dropped in silence.

* CSL-JSON holds everything: fields without a CSL variable go to the item's ``custom``.
* BibLaTeX holds every biblatex field; a ``csl:<variable>`` field read from CSL-JSON or RIS
  that biblatex has no field for is left out, and so is any field outside biblatex's data
  model.
* BibTeX gets the classic names (``journal``, ``address``, ``year``/``month`` from an ISO
  ``date``) and the classic entry types (``@online`` → ``@misc``, ``@report`` →
  ``@techreport``...); the biblatex type is kept in ``entrysubtype`` only where one is
  already there, and each type it changes is named.
* RIS holds what its tags hold (:mod:`sources.bib.ris`).

BibTeX and BibLaTeX are written by bibtexparser, the project's only BibTeX writer, in the
format of refs/bibliography.bib.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from attrs import frozen

from sources.bib.bibtex import NAME_FIELDS, Bibliography, bibtex_format, name_lists
from sources.bib.formats import TARGETS
from sources.errors import SourcesError
from sources.model import Diagnostic, Source
from sources.records import record_eq, record_hash, record_repr

# biblatex's data model (biblatex manual §2.2, and the fields biber knows): what it can hold.
BIBLATEX_FIELDS = frozenset(
    """abstract addendum afterword annotation annotator author authortype bookauthor bookpagination booksubtitle
    booktitle booktitleaddon chapter commentator date doi edition editor editora editorb editorc editortype
    editoratype editorbtype editorctype eid entrysubtype eprint eprintclass eprinttype eventdate eventtitle
    eventtitleaddon file foreword holder howpublished indextitle institution introduction isan isbn ismn isrn issn
    issue issuesubtitle issuetitle issuetitleaddon iswc journalsubtitle journaltitle journaltitleaddon label
    language library location mainsubtitle maintitle maintitleaddon month nameaddon note number organization
    origdate origlanguage origlocation origpublisher origtitle pages pagetotal pagination part publisher pubstate
    reprinttitle series shortauthor shorteditor shorthand shorthandintro shortjournal shortseries shorttitle
    subtitle title titleaddon translator type url urldate venue version volume volumes year crossref entryset
    execute gender langid langidopts ids indexsorttitle keywords options presort related relatedoptions
    relatedstring relatedtype sortkey sortname sortshorthand sorttitle sortyear xdata xref namea nameb namec
    nameatype namebtype namectype lista listb listc listd liste listf usera userb userc userd usere userf verba
    verbb verbc address annote journal school key""".split()
)
_VERBATIM = frozenset({"url", "doi", "eprint", "file", "verba", "verbb", "verbc"})
_RANGES = frozenset({"pages"})
_LATEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
# Pairs TeX joins into one glyph (-- into an en dash, '' into a quote): an empty group keeps them two.
_LIGATURES = frozenset({("-", "-"), ("'", "'"), ("`", "`"), ("?", "`"), ("!", "`")})
_BIBTEX_TYPES = {
    "online": "misc",
    "report": "techreport",
    "thesis": "phdthesis",
    "periodical": "misc",
    "collection": "book",
    "mvbook": "book",
    "mvcollection": "book",
    "inreference": "incollection",
    "reference": "book",
}
_BIBTEX_NAMES = {"journaltitle": "journal", "location": "address", "institution": "institution"}
_ISO = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-\d{2})?")


@frozen
class Exported:
    """A bibliography in a target format, a warning for each field the target cannot carry,
    and the problems found in reading the bibliography."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    text: str
    warnings: tuple[str, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()


def export(bibliography: Bibliography, to: str) -> Exported:
    """``bibliography`` in the format ``to`` (one of :data:`TARGETS`)."""
    from sources.bib.csljson import dump_csl_json  # the mappings load when an export is asked for

    sources, problems = bibliography.sources, bibliography.diagnostics
    if to == "csl-json":
        return Exported(dump_csl_json(sources), (), problems)
    if to == "ris":
        from sources.bib.ris import dump_ris

        text, lost = dump_ris(sources)
        return Exported(text, _warnings("RIS", lost), problems)
    if to in ("biblatex", "bibtex"):
        text, warnings = _bibtex(sources, classic=to == "bibtex")
        return Exported(text, warnings, problems)
    raise SourcesError(f"unknown export format {to!r}; choose one of {', '.join(TARGETS)}")


def _bibtex(sources: Iterable[Source], *, classic: bool) -> tuple[str, tuple[str, ...]]:
    from bibtexparser.entrypoint import write_string
    from bibtexparser.library import Library
    from bibtexparser.model import Entry, Field

    from sources.bib.csljson import CSL_PREFIX, name_text

    library = Library()
    lost: dict[str, list[str]] = {}
    target = "BibTeX" if classic else "BibLaTeX"
    for source in sources:
        entry_type = source.entry_type
        fields: list[tuple[str, str]] = []
        roles = name_lists(source)
        for name, value in source.fields:
            field = name.casefold()
            if field.startswith(CSL_PREFIX) or field not in BIBLATEX_FIELDS:
                lost.setdefault(name, []).append(source.key)
                continue
            if field in NAME_FIELDS:
                fields.append((field, " and ".join(name_text(p) for p in roles[field])))
            else:
                fields.append((field, value))
        if classic:
            fields = _classic(fields)
            if entry_type in _BIBTEX_TYPES:
                lost.setdefault(f"@{entry_type} (written as @{_BIBTEX_TYPES[entry_type]})", []).append(source.key)
                entry_type = _BIBTEX_TYPES[entry_type]
        library.add(
            Entry(entry_type, source.key, [Field(name, "{" + _latex(name, value) + "}") for name, value in fields])
        )
    text = write_string(library, unparse_stack=[], bibtex_format=bibtex_format())
    return text, _warnings(target, lost)


def _classic(fields: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """biblatex names → BibTeX's: ``journaltitle`` → ``journal``, an ISO ``date`` → ``year``, ``month``."""
    written: list[tuple[str, str]] = []
    for name, value in fields:
        date = _ISO.fullmatch(value) if name == "date" else None
        if date:
            written.append(("year", date[1]))
            if date[2]:
                written.append(("month", str(int(date[2]))))
        else:
            written.append((_BIBTEX_NAMES.get(name, name), value))
    return written


def _latex(name: str, value: str) -> str:
    """A decoded value as LaTeX that decodes back to it; verbatim fields stay as they are."""
    if name in _VERBATIM or name in NAME_FIELDS:
        return value
    dash = "--" if name in _RANGES else "–"  # a range's dash as TeX writes it, so biber reads a range
    chunks = [dash if char == "–" else _LATEX_SPECIAL.get(char, char) for char in value]
    written = chunks[:1]
    for before, chunk in itertools.pairwise(chunks):
        written.append("{}" + chunk if (before[-1], chunk[0]) in _LIGATURES else chunk)
    return "".join(written)


def _warnings(target: str, lost: dict[str, list[str]]) -> tuple[str, ...]:
    def entries(keys: list[str]) -> str:
        shown = ", ".join(keys[:3]) + (f" and {len(keys) - 3} more" if len(keys) > 3 else "")
        return f"{len(keys)} {'entry' if len(keys) == 1 else 'entries'}: {shown}"

    return tuple(f"{target} cannot carry {name} ({entries(keys)})" for name, keys in lost.items())
