"""RIS files ↔ Source records, through rispy and the CSL-JSON mapping.

RIS is read into CSL-JSON items and then into Sources (:mod:`sources.bib.csljson`), and
written the other way, so that there is one mapping of meaning and RIS only adds its tags.
RIS has no tag for a Source's bookkeeping fields (``usera``, ``userb``, ``shorthand``,
``custom``) nor for many CSL variables: :func:`dump_ris` names each one it leaves out.
A date goes to ``PY`` (the first Gregorian year) and ``DA`` (``YYYY/MM/DD/``, with the
date as written in its fourth part when it is not an ISO date, such as a Rumi year).
A record without ``ID`` gets a key made of its first author's folded family name and its
year (``tuncay1978``), with ``b``, ``c``... after a taken key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from sources.bib.bibtex import Bibliography
from sources.bib.csldate import date_text, date_variable
from sources.bib.csljson import from_csl, to_csl
from sources.folding import fold
from sources.model import Diagnostic, Source

_TYPES: tuple[tuple[str, str], ...] = (
    ("article-journal", "JOUR"),
    ("article-newspaper", "NEWS"),
    ("article-magazine", "MGZN"),
    ("book", "BOOK"),
    ("chapter", "CHAP"),
    ("thesis", "THES"),
    ("hearing", "HEAR"),
    ("legislation", "STAT"),
    ("bill", "BILL"),
    ("legal_case", "CASE"),
    ("manuscript", "MANSCPT"),
    ("webpage", "ELEC"),
    ("report", "RPRT"),
    ("paper-conference", "CPAPER"),
    ("periodical", "JFULL"),
    ("dataset", "DATA"),
    ("software", "COMP"),
    ("patent", "PAT"),
    ("personal_communication", "PCOMM"),
    ("entry-encyclopedia", "ENCYC"),
    ("entry-dictionary", "DICT"),
    ("map", "MAP"),
    ("document", "GEN"),
)
_RIS_TYPE = dict(_TYPES)
_CSL_TYPE = {ris: csl for csl, ris in _TYPES} | {"UNPB": "manuscript", "WEB": "webpage", "CONF": "paper-conference"}
_NAMES = {"author": "authors", "editor": "secondary_authors", "translator": "subsidiary_authors"}
_TEXTS = {
    "title": "title",
    "container-title": "secondary_title",
    "collection-title": "tertiary_title",
    "title-short": "short_title",
    "publisher": "publisher",
    "publisher-place": "place_published",
    "volume": "volume",
    "issue": "number",
    "edition": "edition",
    "DOI": "doi",
    "language": "language",
    "abstract": "abstract",
    "archive": "name_of_database",
    "archive_location": "accession_number",
    "call-number": "call_number",
    "number-of-volumes": "number_of_volumes",
    "genre": "type_of_work",
    "section": "section",
}
_LISTS = {"URL": "urls", "note": "notes", "keyword": "keywords"}
# Several N1 or KW lines are one CSL variable: notes as paragraphs, keywords as a list.
_JOINS = {"note": "\n\n", "keyword": "; "}
_RANGE = re.compile(r"([^\-–]+)[-–]+(.+)")
# The rispy keys from_ris reads; any other tag of a record is reported as not kept.
_READ = frozenset(
    {"type_of_reference", "id", "first_authors", "primary_title", "journal_name", "issn", "start_page", "end_page"}
    | {"date", "year", "publication_year", "access_date"}
    | set(_NAMES.values())
    | set(_TEXTS.values())
    | set(_LISTS.values())
)


def to_ris(item: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The rispy record of a CSL-JSON item, and the variables (and custom fields) RIS cannot carry."""
    record: dict[str, Any] = {"type_of_reference": _RIS_TYPE.get(item["type"], "GEN"), "id": item["id"]}
    lost: list[str] = []
    for variable, value in item.items():
        if variable in ("id", "type"):
            continue
        if variable in _NAMES:
            record[_NAMES[variable]] = [_name(n) for n in value]
        elif variable in _TEXTS:
            record[_TEXTS[variable]] = str(value)
        elif variable in _LISTS:
            record[_LISTS[variable]] = [str(value)]
        elif variable in ("ISBN", "ISSN") and "issn" not in record:
            record["issn"] = str(value)
        elif variable == "page":
            pages = _RANGE.fullmatch(str(value))
            record["start_page"], end = (pages[1], pages[2]) if pages else (str(value), None)
            if end:
                record["end_page"] = end
        elif variable == "issued":
            record.update(_dates(value))
        elif variable == "accessed" and date_text(value):
            record["access_date"] = date_text(value)
        elif variable == "custom":
            lost += ["entry type" if name == "entrytype" else name for name in value if name != "entrysubtype"]
        else:
            lost.append(variable)
    return record, lost


def from_ris(record: dict[str, Any], key: str) -> dict[str, Any]:
    """The CSL-JSON item of a rispy record, under ``key``."""
    item: dict[str, Any] = {"id": key, "type": _CSL_TYPE.get(str(record.get("type_of_reference")), "document")}
    for variable, tag in _NAMES.items():
        people = record.get(tag) or (record.get("first_authors") if variable == "author" else None)
        if people:
            item[variable] = [_csl_name(n) for n in people]
    title = record.get("title") or record.get("primary_title")
    if title:
        item["title"] = title
    for variable, tag in _TEXTS.items():
        if tag in record and variable != "title":
            item[variable] = str(record[tag])
    if "container-title" not in item and record.get("journal_name"):
        item["container-title"] = record["journal_name"]
    for variable, tag in _LISTS.items():
        if record.get(tag):
            # CSL has one URL: parse_ris reports the others
            item[variable] = (
                _JOINS[variable].join(str(v) for v in record[tag]) if variable in _JOINS else record[tag][0]
            )
    if record.get("issn"):
        item["ISSN" if re.fullmatch(r"\d{4}-?\d{3}[\dXx]", record["issn"]) else "ISBN"] = record["issn"]
    if record.get("start_page"):
        end = record.get("end_page")
        item["page"] = f"{record['start_page']}-{end}" if end else str(record["start_page"])
    written = _written(record)
    if written:
        item["issued"] = date_variable(written)
    if record.get("access_date"):
        item["accessed"] = date_variable(str(record["access_date"]))
    return item


def parse_ris(text: str, path: str = "<ris>") -> Bibliography:
    """Read RIS text (as rispy reads it) into typed sources; problems are diagnostics.

    rispy skips a record that ``ER`` does not close and tags it does not know; both are
    reported here instead, and so is every tag the mapping does not keep.
    """
    import rispy

    from sources.checks import rules

    text = text.removeprefix("\ufeff")
    starts, problems = _structure(text, path)
    try:
        records = rispy.loads(text)
    except (OSError, ValueError, KeyError, IndexError) as error:
        problems.append(rules.BIB_SYNTAX_ERROR.at_line(path, None, f"cannot parse this RIS file: {error}"))
        return Bibliography(path, (), None, tuple(problems))
    found: list[Source] = []
    taken: set[str] = set()
    tags = {key: tag for tag, key in rispy.TAG_KEY_MAPPING.items()}
    for index, record in enumerate(records):
        line = starts[index] if index < len(starts) else None
        key = _key(record, taken)
        taken.add(key)
        source, lost = from_csl(from_ris(record, key), path, line or 1)
        found.append(source)
        problems += lost
        if len(record.get("urls") or ()) > 1:
            problems.append(
                rules.FIELD_NOT_KEPT.at_line(path, line, f"{key}: only its first UR is kept (CSL has one URL)")
            )
        unknown = record.get("unknown_tag", {})
        for name in sorted(set(record) - _READ - {"unknown_tag"}) + sorted(
            k for k in unknown if k
        ):  # None: a blank line
            tag = tags.get(name, name)
            problems.append(rules.FIELD_NOT_KEPT.at_line(path, line, f"{key}: the RIS tag {tag} is not kept"))
    return Bibliography(path, tuple(found), None, tuple(problems))


def _structure(text: str, path: str) -> tuple[list[int], list[Diagnostic]]:
    """The line of each record ``ER`` closes, and the records it does not (which rispy would drop)."""
    from sources.checks import rules

    starts: list[int] = []
    problems: list[Diagnostic] = []
    open_at: int | None = None
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("TY  -"):
            if open_at is not None:
                problems.append(rules.BIB_SYNTAX_ERROR.at_line(path, open_at, "this RIS record has no ER line"))
            open_at = number
        elif line.startswith("ER  -") and open_at is not None:
            starts.append(open_at)
            open_at = None
    if open_at is not None:
        problems.append(rules.BIB_SYNTAX_ERROR.at_line(path, open_at, "this RIS record has no ER line"))
    if not starts and not problems and text.strip():
        problems.append(rules.BIB_SYNTAX_ERROR.at_line(path, 1, "no RIS record here (no line starts with 'TY  -')"))
    return starts, problems


def dump_ris(sources: Iterable[Source]) -> tuple[str, dict[str, list[str]]]:
    """RIS text of sources, and for each field RIS cannot carry the keys of the entries that have it."""
    import rispy

    records = []
    lost: dict[str, list[str]] = {}
    for source in sources:
        record, missing = to_ris(to_csl(source))
        records.append(record)
        for name in missing:
            lost.setdefault(name, []).append(source.key)

    class Writer(rispy.RisWriter):  # type: ignore[misc]
        def set_header(self, count: int) -> str:
            return ""  # rispy numbers records ("1."); other RIS readers take that for garbage

    return rispy.dumps(records, implementation=Writer), lost


def _dates(issued: dict[str, Any]) -> dict[str, str]:
    parts = issued.get("date-parts")
    written = date_text(issued)
    found: dict[str, str] = {}
    if isinstance(parts, list) and parts and parts[0]:
        first = [int(n) for n in parts[0]]
        found["year"] = str(first[0])
        day = "/".join(f"{n:02d}" if i else f"{n:04d}" for i, n in enumerate(first))
        found["date"] = day + "/" * (4 - len(first)) + (written if written and "literal" in issued else "")
    elif written:
        found["date"] = f"///{written}"
    return found


def _written(record: dict[str, Any]) -> str | None:
    date = str(record.get("date") or "")
    parts = date.split("/")
    if len(parts) >= 4 and parts[3]:
        return "/".join(parts[3:])
    if parts[0].isdigit():
        return "-".join(p for p in parts[:3] if p)
    year = record.get("year") or record.get("publication_year")
    return str(year).split("/")[0] if year else None


def _name(person: dict[str, str]) -> str:
    if "literal" in person:
        return person["literal"]
    family = " ".join(p for p in (person.get("non-dropping-particle"), person.get("family")) if p)
    return ", ".join(p for p in (family, person.get("given"), person.get("suffix")) if p)


def _csl_name(text: str) -> dict[str, str]:
    parts = [p.strip() for p in text.split(",")]
    if len(parts) == 1:
        return {"literal": parts[0]}
    name = {"family": parts[0], "given": parts[1]}
    if len(parts) > 2 and parts[2]:
        name["suffix"] = parts[2]
    return name


def _key(record: dict[str, Any], taken: set[str]) -> str:
    given = record.get("id")
    if given and str(given) not in taken:
        return str(given)
    people = record.get("authors") or record.get("first_authors") or []
    head = "".join(fold(people[0].split(",")[0]).split()) if people else "ris"
    year = re.match(r"\d{4}", str(record.get("year") or record.get("date") or ""))
    base = head + (year[0] if year else "")
    key, suffix = base, ord("a")
    while key in taken:
        suffix += 1
        key = base + chr(suffix)
    return key
