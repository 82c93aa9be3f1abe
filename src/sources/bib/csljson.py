"""Source records ↔ CSL-JSON items, and the reader of CSL-JSON files (Zotero, Better BibTeX).

A :class:`Source` keeps its fields under biblatex names, so that resolution and the checks
read every bibliography alike. The mapping, both ways:

* biblatex fields with a CSL variable map to it (``journaltitle`` → ``container-title``,
  ``location`` → ``publisher-place``, ``library`` → ``archive``, ``userc`` →
  ``archive_location``: the typed archival path, ``langid`` ``turkish`` → ``language`` ``tr``);
  ``number`` is ``issue`` for articles and periodicals, ``number`` otherwise;
* dates go through :mod:`sources.bib.csldate` (a Rumi or Hijri date keeps its written form);
* entry types map to CSL types (``@misc`` with ``entrysubtype = {archive}`` is a
  ``manuscript`` whose ``archive`` is the archive; an ``@article`` with ``entrysubtype =
  {newspaper}`` an ``article-newspaper``; parliamentary minutes a ``hearing``, laws
  ``legislation``);
* a biblatex field with no CSL variable (``usera``, ``userb``, ``shorthand``, and the entry
  type where the CSL type does not give it back) goes to the item's ``custom`` object under
  its biblatex name, which the csl-data schema provides for exactly this;
* a CSL variable with no biblatex field is kept on the Source as ``csl:<variable>`` and
  written back unchanged.

Nothing is invented: a field the record lacks is absent from the item, and the other way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sources.bib.bibtex import NAME_FIELDS, Bibliography, make_source, name_lists, parse_names
from sources.bib.csldate import date_text, date_variable
from sources.checks import rules
from sources.model import Diagnostic, Name, Source

CSL_PREFIX = "csl:"
_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}){0,2}(?:/\d{4}(?:-\d{2}){0,2})?~?")

NAME_VARIABLES = frozenset(
    "author chair collection-editor compiler composer container-author contributor curator director editor "
    "editorial-director executive-producer guest host interviewer illustrator narrator organizer original-author "
    "performer producer recipient reviewed-author script-writer series-creator translator".split()
)
DATE_VARIABLES = frozenset("accessed available-date event-date issued original-date submitted".split())

# biblatex field → CSL variable, the same both ways (type-dependent fields are handled apart).
_VARIABLE_OF_FIELD = {
    "title": "title",
    "shorttitle": "title-short",
    "shortjournal": "container-title-short",
    "series": "collection-title",
    "volume": "volume",
    "volumes": "number-of-volumes",
    "pages": "page",
    "pagetotal": "number-of-pages",
    "edition": "edition",
    "publisher": "publisher",
    "location": "publisher-place",
    "type": "genre",
    "url": "URL",
    "doi": "DOI",
    "isbn": "ISBN",
    "issn": "ISSN",
    "note": "note",
    "abstract": "abstract",
    "annotation": "annote",
    "library": "archive",
    "userc": "archive_location",
    "keywords": "keyword",
    "version": "version",
    "chapter": "chapter-number",
    "eventtitle": "event-title",
    "venue": "event-place",
    "origtitle": "original-title",
    "origpublisher": "original-publisher",
    "origlocation": "original-publisher-place",
    "pubstate": "status",
}
_ALIASES = {"address": "location", "journal": "journaltitle", "school": "institution"}
_FIELD_OF_VARIABLE = {variable: name for name, variable in _VARIABLE_OF_FIELD.items()}
_NAME_FIELDS = {"author": "author", "editor": "editor", "translator": "translator", "bookauthor": "container-author"}
_DATE_FIELDS = {"urldate": "accessed", "origdate": "original-date", "eventdate": "event-date"}
# biblatex's langid (babel names) ↔ the BCP 47 codes CSL expects.
_LANGUAGE_OF_LANGID = {
    "turkish": "tr",
    "english": "en",
    "german": "de",
    "french": "fr",
    "russian": "ru",
    "italian": "it",
    "spanish": "es",
    "arabic": "ar",
    "persian": "fa",
    "greek": "el",
    "armenian": "hy",
    "bulgarian": "bg",
}
_LANGID_OF_LANGUAGE = {code: langid for langid, code in _LANGUAGE_OF_LANGID.items()}
# BibTeX's month macros and numbers (biblatex wants 1-12).
_MONTHS = {
    **{name: number for number, name in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)},
    **{str(number): number for number in range(1, 13)},
    **{f"{number:02d}": number for number in range(1, 10)},
}

# (entry type, entrysubtype) → CSL type; the first row for a CSL type is also its way back.
_TYPES: tuple[tuple[str, str, str], ...] = (
    ("article", "", "article-journal"),
    ("article", "newspaper", "article-newspaper"),
    ("article", "magazine", "article-magazine"),
    ("book", "", "book"),
    ("mvbook", "", "book"),
    ("book", "parliamentary", "hearing"),
    ("misc", "parliamentary", "hearing"),
    ("misc", "legislation", "legislation"),
    ("legislation", "", "legislation"),
    ("incollection", "", "chapter"),
    ("inbook", "", "chapter"),
    ("inproceedings", "", "paper-conference"),
    ("proceedings", "", "book"),
    ("thesis", "", "thesis"),
    ("phdthesis", "", "thesis"),
    ("mastersthesis", "", "thesis"),
    ("periodical", "", "periodical"),
    ("periodical", "newspaper", "periodical"),
    ("collection", "", "book"),
    ("collection", "documents", "book"),
    ("misc", "documents", "book"),
    ("periodical", "documents", "periodical"),
    ("misc", "archive", "manuscript"),
    ("unpublished", "", "manuscript"),
    ("online", "", "webpage"),
    ("report", "", "report"),
    ("jurisdiction", "", "legal_case"),
    ("dataset", "", "dataset"),
    ("software", "", "software"),
    ("patent", "", "patent"),
    ("letter", "", "personal_communication"),
    ("inreference", "", "entry-encyclopedia"),
    ("misc", "", "document"),
)
_CSL_TYPE = {(entry_type, subtype): csl for entry_type, subtype, csl in _TYPES}
_ENTRY_TYPE: dict[str, tuple[str, str]] = {
    **{csl: (entry_type, subtype) for entry_type, subtype, csl in reversed(_TYPES)},
    **{
        "post": ("online", ""),
        "post-weblog": ("online", ""),
        "entry-dictionary": ("inreference", ""),
        "entry": ("inreference", ""),
        "bill": ("misc", "legislation"),
        "regulation": ("misc", "legislation"),
        "collection": ("misc", "archive"),
    },
}
# A CSL type that no entry type gives back (``post-weblog`` read as ``@online``) is kept in this field.
_TYPE_FIELD = CSL_PREFIX + "type"
_ISSUE_TYPES = frozenset({"article-journal", "article-magazine", "article-newspaper", "periodical"})
_CONTAINED_IN_BOOK = frozenset({"chapter", "paper-conference", "entry", "entry-dictionary", "entry-encyclopedia"})
_PUBLISHED_BY_INSTITUTION = frozenset({"thesis", "report"})


def csl_type(source: Source) -> str:
    """The CSL type of a source: the one it was read with, else from its entry type and ``entrysubtype``."""
    values = {k.casefold(): v for k, v in source.fields}
    if _TYPE_FIELD in values:
        return values[_TYPE_FIELD]
    return _type_of(source.entry_type, values.get("entrysubtype", ""))


def _type_of(entry_type: str, subtype: str) -> str:
    return _CSL_TYPE.get((entry_type, subtype.casefold())) or _CSL_TYPE.get((entry_type, ""), "document")


def to_csl(source: Source) -> dict[str, Any]:
    """The CSL-JSON item of a source; every field of the source is in it."""
    kind = csl_type(source)
    item: dict[str, Any] = {"id": source.key, "type": kind}
    custom: dict[str, str] = {}
    values = {name.casefold(): value for name, value in source.fields}
    roles = name_lists(source)
    archival = (source.entry_type, values.get("entrysubtype", "").casefold()) == ("misc", "archive")
    archive_named_by_title = archival and "library" not in values
    issued, dated = _issued(values)
    for name, value in source.fields:
        field = name if name.startswith(CSL_PREFIX) else _ALIASES.get(name.casefold(), name.casefold())
        if field in dated and issued is not None:
            item["issued"], issued = issued, None  # where the first date field stood
        if field in dated or field in ("entrysubtype", _TYPE_FIELD):
            continue
        variable, content = _variable(field, value, kind, roles)
        if field == "title" and archive_named_by_title:
            variable = "archive"  # @misc{atase, title = {ATASE}, entrysubtype = {archive}} names the archive
        if variable is None or variable in item:
            custom[name] = value
        else:
            item[variable] = content
    back = _entry_type(kind, bool(item.get("archive")))
    subtype = values.get("entrysubtype", "")
    if back != (source.entry_type, subtype.casefold()):
        custom["entrytype"] = source.entry_type
        if subtype:
            custom["entrysubtype"] = subtype
    if custom:
        item["custom"] = custom
    return item


def from_csl(item: dict[str, Any], path: str = "<csl-json>", line: int = 1) -> tuple[Source, list[Diagnostic]]:
    """A source from a CSL-JSON item (with ``id``), and what of it could not be kept."""
    problems: list[Diagnostic] = []

    def lost(variable: str, why: str) -> None:  # a variable whose shape a Source cannot hold
        problems.append(rules.FIELD_NOT_KEPT.at_line(path, line, f"{item.get('id')}: {variable} {why}; left out"))

    kind = str(item["type"]) if isinstance(item.get("type"), str) else "document"
    custom: dict[str, Any] = item["custom"] if isinstance(item.get("custom"), dict) else {}
    fields: list[tuple[str, str]] = []
    names: dict[str, tuple[Name, ...]] = {}
    for variable, value in item.items():
        if variable in ("id", "type", "custom"):
            continue
        for name, text in _fields(variable, value, str(kind), names, lost):
            fields.append((name, text))
    for name, value in custom.items():
        if name in ("entrytype", "entrysubtype"):
            continue
        if isinstance(value, str):
            fields.append((name, value))
        else:
            lost(f"custom.{name}", "is not text")
    entry_type, subtype = _entry_type(str(kind), "archive" in item)
    if isinstance(custom.get("entrytype"), str):
        entry_type, subtype = custom["entrytype"], ""
    if isinstance(custom.get("entrysubtype"), str):
        subtype = custom["entrysubtype"]
    if entry_type == "misc" and subtype == "archive" and "title" not in item:
        # the archive itself: its name is the entry's title, as the curated bibliography has it
        fields = [("title", text) if name == "library" else (name, text) for name, text in fields]
    if subtype:
        fields.append(("entrysubtype", subtype))
    if _type_of(entry_type, subtype) != kind and "entrytype" not in custom:
        fields.append((_TYPE_FIELD, kind))
    return make_source(str(item["id"]), entry_type, line, tuple(fields), names), problems


def parse_csl_json(text: str, path: str = "<csl-json>") -> Bibliography:
    """Read a CSL-JSON array (as Zotero and Better BibTeX export it); problems are diagnostics."""
    found: list[Source] = []
    problems: list[Diagnostic] = []
    seen: set[str] = set()
    for line, item in _items(text, path, problems):
        if not isinstance(item, dict) or not isinstance(item.get("id"), (str, int)) or item.get("id") == "":
            problems.append(
                rules.BIB_SYNTAX_ERROR.at_line(
                    path, line, "this item is not an object with an id", hint="give every item an id"
                )
            )
            continue
        if str(item["id"]) in seen:
            problems.append(
                rules.DUPLICATE_KEY.at_line(
                    path, line, f"the id {item['id']!r} is used again", hint="give each its own"
                )
            )
            continue
        seen.add(str(item["id"]))
        source, lost = from_csl(item, path, line)
        found.append(source)
        problems += lost
    return Bibliography(path, tuple(found), None, tuple(problems))


def dump_csl_json(sources: Iterable[Source]) -> str:
    """One JSON array of items, as Zotero and pandoc read it."""
    return json.dumps([to_csl(source) for source in sources], ensure_ascii=False, indent=2) + "\n"


# One return per kind of field (PLR0911): the function reads as the mapping table it is.
def _variable(field: str, value: str, kind: str, roles: dict[str, tuple[Name, ...]]) -> tuple[str | None, Any]:  # noqa: PLR0911
    """The CSL variable and value of one biblatex field; None for a field CSL has no variable for."""
    if field.startswith(CSL_PREFIX):
        variable = field.removeprefix(CSL_PREFIX)
        if variable in NAME_VARIABLES:
            return variable, [csl_name(n) for n in parse_names(value)]
        if variable in DATE_VARIABLES:
            return variable, date_variable(value)
        return variable, value
    if field in _NAME_FIELDS:
        people = roles.get(field) or parse_names(value)
        return _NAME_FIELDS[field], [csl_name(n) for n in people]
    if field in _DATE_FIELDS:
        return _DATE_FIELDS[field], date_variable(value)
    if field == "number":
        return ("issue" if kind in _ISSUE_TYPES else "number"), value
    if field in ("journaltitle", "booktitle"):
        return "container-title", value
    if field == "institution":
        return "publisher", value
    if field == "langid":
        code = _LANGUAGE_OF_LANGID.get(value.casefold())
        return ("language", code) if code else (None, value)
    return _VARIABLE_OF_FIELD.get(field), value


def _fields(
    variable: str, value: Any, kind: str, names: dict[str, tuple[Name, ...]], lost: Callable[[str, str], None]
) -> Iterator[tuple[str, str]]:
    """The biblatex field(s) of one CSL variable (inverse of :func:`_variable`)."""
    if variable in NAME_VARIABLES:
        people = _names(value)
        if people is None:
            lost(variable, "is not a list of names")
            return
        field = {v: k for k, v in _NAME_FIELDS.items()}.get(variable, CSL_PREFIX + variable)
        if field in NAME_FIELDS:
            names[field] = people
            yield field, " and ".join(p.raw for p in people)  # decoded, as the .bib reader keeps them
        else:  # a name list kept only as text keeps its braces, which say what is one name
            yield field, " and ".join(name_text(p) for p in people)
    elif variable in DATE_VARIABLES:
        text = date_text(value) if isinstance(value, dict) else None
        if text is None:
            lost(variable, "is not a date")
            return
        if isinstance(value, dict) and value.get("season") is not None:
            lost(f"{variable}.season", "has no biblatex form")
        if variable == "issued":  # biblatex's date is ISO 8601; anything else is a year as written
            yield ("date" if _ISO_DATE.fullmatch(text) and not text.isdigit() else "year"), text
        else:
            yield {v: k for k, v in _DATE_FIELDS.items()}.get(variable, CSL_PREFIX + variable), text
    elif not isinstance(value, (str, int, float)) or isinstance(value, bool):
        lost(variable, "is not text")
    else:
        field = _field(variable, str(value), kind)
        yield field, _LANGID_OF_LANGUAGE[str(value)] if field == "langid" else str(value)


def _field(variable: str, value: str, kind: str) -> str:  # noqa: PLR0911 -- the inverse table of _variable
    if variable == "issue" and kind in _ISSUE_TYPES:
        return "number"
    if variable == "number" and kind not in _ISSUE_TYPES:
        return "number"
    if variable == "container-title":
        if kind in _ISSUE_TYPES:
            return "journaltitle"
        if kind in _CONTAINED_IN_BOOK:
            return "booktitle"
    if variable == "publisher" and kind in _PUBLISHED_BY_INSTITUTION:
        return "institution"
    if variable == "language" and value in _LANGID_OF_LANGUAGE:
        return "langid"
    if variable == "language":
        return CSL_PREFIX + variable
    return _FIELD_OF_VARIABLE.get(variable, CSL_PREFIX + variable)


def _issued(values: dict[str, str]) -> tuple[dict[str, Any] | None, frozenset[str]]:
    """The ``issued`` variable and the fields it stands for; a field it cannot hold stays out of the set."""
    if "date" in values:
        return date_variable(values["date"]), frozenset({"date"})
    if "year" not in values:
        return None, frozenset()
    year, month = values["year"], _MONTHS.get(values.get("month", "").strip().casefold()[:3])
    alone = date_variable(year)
    if month is None or "literal" in alone:  # a month joins only a plain Gregorian year
        return alone, frozenset({"year"})
    return date_variable(f"{year}-{month:02d}"), frozenset({"year", "month"})


def _entry_type(kind: str, has_archive: bool) -> tuple[str, str]:
    entry_type, subtype = _ENTRY_TYPE.get(kind, ("misc", ""))
    if subtype == "archive" and not has_archive:  # an unpublished text that no archive holds
        return ("unpublished", "") if kind == "manuscript" else ("misc", "")
    return entry_type, subtype


def csl_name(name: Name) -> dict[str, str]:
    """A name as CSL-JSON has it: family, given, particle and suffix, or one literal."""
    from pybtex.database import Person

    if name.literal:
        return {"literal": name.last}
    person = Person(name.raw)

    def plain(parts: list[str]) -> str:
        return " ".join(parts).replace("{", "").replace("}", "")

    found = {
        "family": plain(person.last_names),
        "given": plain(person.first_names + person.middle_names),
        "non-dropping-particle": plain(person.prelast_names),
        "suffix": plain(person.lineage_names),
    }
    if not found["family"]:
        return {"literal": name.raw}
    return {part: value for part, value in found.items() if value}


def _names(value: Any) -> tuple[Name, ...] | None:
    if not isinstance(value, list) or not all(isinstance(person, dict) for person in value):
        return None
    people = [_name(person) for person in value]
    return None if any(p is None for p in people) else tuple(p for p in people if p is not None)


def _name(person: dict[str, Any]) -> Name | None:
    """A CSL name as a :class:`Name` whose ``raw`` is its biblatex form."""
    if not all(isinstance(v, (str, bool, int)) for v in person.values()):
        return None
    literal = str(person.get("literal") or "")
    if literal:
        return Name(literal, "", literal, literal=True)
    family, given = str(person.get("family") or ""), str(person.get("given") or "")
    particle = " ".join(str(person[p]) for p in ("dropping-particle", "non-dropping-particle") if person.get(p))
    suffix = str(person.get("suffix") or "")
    if not family:
        return Name(given, given, "") if given else None
    protect = "," in family or any(w[:1].islower() for w in family.split()) or (" " in family and not given)
    written = " ".join(p for p in (particle, f"{{{family}}}" if protect else family) if p)
    raw = ", ".join(p for p in (written, suffix, given) if p) if (suffix or given) else written
    return Name(raw, given, " ".join(p for p in (particle, family) if p))


def name_text(name: Name) -> str:
    """A name as biblatex writes it in a name list."""
    return f"{{{name.last}}}" if name.literal else name.raw


def _items(text: str, path: str, problems: list[Diagnostic]) -> Iterator[tuple[int, Any]]:
    """Each element of the top-level array with the line it starts on; a syntax error ends the reading."""
    decoder = json.JSONDecoder()
    at, line = 0, 1
    length = len(text)

    def skip(position: int) -> int:
        while position < length and text[position] in " \t\r\n":
            position += 1
        return position

    def fail(position: int, why: str) -> None:
        where = text.count("\n", 0, position) + 1
        problems.append(rules.BIB_SYNTAX_ERROR.at_line(path, where, why, hint="check the JSON at this line"))

    at = skip((text.startswith("\ufeff") and 1) or 0)
    if at >= length or text[at] != "[":
        fail(at, "a CSL-JSON bibliography is one JSON array of items")
        return
    at = skip(at + 1)
    if at < length and text[at] == "]":
        return
    counted = 0
    while at < length:
        line += text.count("\n", counted, at)
        counted = at
        try:
            value, end = decoder.raw_decode(text, at)
        except json.JSONDecodeError as error:
            fail(at, f"cannot parse the item that starts here: {error.msg} at line {error.lineno} column {error.colno}")
            return
        yield line, value
        at = skip(end)
        if at < length and text[at] == ",":
            at = skip(at + 1)
        elif at < length and text[at] == "]":
            return
        else:
            fail(at, "expected ',' or ']' after an item")
            return
    fail(length, "the array is not closed")
