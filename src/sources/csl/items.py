"""CSL-JSON items made ready for rendering: dates parsed, names with particles split, short titles known."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from sources.csl.context import DATE_VARIABLES, ITEM_TYPES, NAME_VARIABLES

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        ),
        start=1,
    )
    for name in names.split()
}
_SEASONS = {"spring": 13, "summer": 14, "autumn": 15, "fall": 15, "winter": 16}
_ISO = re.compile(r"(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_WORD = re.compile(r"[A-Za-z]+|\d+")


class DateValue:
    """A parsed date: one or two [year, month, day] lists (month 13–16 are the seasons), or a literal."""

    __slots__ = ("circa", "literal", "parts", "season")

    def __init__(self, parts: list[list[int]], season: int = 0, circa: bool = False, literal: str = "") -> None:
        self.parts = parts
        self.season = season
        self.circa = circa
        self.literal = literal

    def sort_key(self, scope: tuple[str, ...] = ("year", "month", "day")) -> str:
        """Dates sort as zero-padded YYYYMMDD (only the parts in ``scope``), with ranges after their start."""
        if not self.parts:
            return ""
        out = []
        for part in self.parts[:2]:
            year = part[0] if part and "year" in scope else 0
            month = part[1] if len(part) > 1 and "month" in scope else 0
            day = part[2] if len(part) > 2 and "day" in scope else 0
            out.append(f"{year + 50000:06d}{month:02d}{day:02d}")
        return "-".join(out)


def _int(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None


def _parts(raw: Any) -> list[int]:
    out: list[int] = []
    if not isinstance(raw, list):
        return out
    for value in raw[:3]:
        number = _int(value)
        if number is None or (out and number == 0):
            break
        out.append(number)
    return out


def parse_raw(text: str) -> DateValue:
    """Dates given as text: ISO (with ``/`` ranges), or words such as ``June 2005`` and ``Spring 2001``."""
    text = text.strip()
    ranges = text.split("/") if text.count("/") == 1 else [text]
    parts = []
    season = 0
    for piece in ranges:
        match = _ISO.fullmatch(piece.strip())
        if match:
            parts.append([int(group) for group in match.groups() if group])
            continue
        year = month = day = 0
        for word in _WORD.findall(piece):
            lowered = word.lower()
            if word.isdigit():
                if len(word) >= 3 or day:
                    year = int(word)
                else:
                    day = int(word)
            elif lowered in _MONTHS or lowered[:3] in _MONTHS:
                month = _MONTHS.get(lowered, _MONTHS.get(lowered[:3], 0))
            elif lowered in _SEASONS:
                season = _SEASONS[lowered] - 12
        if not year:
            return DateValue([], literal=text)
        parts.append([year, month, day][: 3 if day and month else 2 if month else 1])
    return DateValue(parts, season=season)


def parse_date(value: Any) -> DateValue | None:
    """A CSL-JSON date object (date-parts, raw, literal, season, circa) or string, parsed."""
    if isinstance(value, str):
        return parse_raw(value) if value.strip() else None
    if not isinstance(value, dict):
        return None
    circa = bool(value.get("circa"))
    season = _int(value.get("season")) or 0
    if isinstance(value.get("season"), str) and season == 0:
        season = _SEASONS.get(value["season"].lower(), 12) - 12
    if value.get("literal"):
        return DateValue([], literal=str(value["literal"]), circa=circa)
    raw_parts = value.get("date-parts")
    if isinstance(raw_parts, list) and raw_parts:
        parts = [part for part in (_parts(raw) for raw in raw_parts[:2]) if part]
        if parts:
            if len(parts) == 2 and parts[0] == parts[1]:
                parts = parts[:1]
            return DateValue(parts, season=season, circa=circa)
    if value.get("raw"):
        parsed = parse_raw(str(value["raw"]))
        parsed.circa = circa
        parsed.season = parsed.season or season
        return parsed
    return None


_HYPHEN_PARTICLE = re.compile(r"([a-z]{1,4}-)(.+)")
_PARTICLE = re.compile(r"((?:’?[a-z\u00e0-\u00ff.]++[\s’]++)++)(.+)")


# The fields of a name that are text: typed apostrophes become typographic ones, spaces around go.
_NAME_TEXT = frozenset(("family", "given", "literal", "suffix", "dropping-particle", "non-dropping-particle"))


def _may_start_particle(family: str) -> bool:
    """Whether ``family`` may open with a particle (what either particle pattern needs first): most
    family names cannot, and a character test spares them both patterns."""
    first = family[0]
    return "a" <= first <= "z" or "\u00e0" <= first <= "\u00ff" or first in "’."


def prepare_name(raw: Any) -> dict[str, Any] | None:
    """A name with particles split out of family and given names, as citeproc does."""
    if isinstance(raw, str):
        return {"literal": raw}
    if not isinstance(raw, dict):
        return None
    name: dict[str, Any] = {}
    for key, value in raw.items():
        if not isinstance(value, (str, bool, int)) or value == "":
            continue
        name[key] = str(value).replace("'", "’").strip() if key in _NAME_TEXT else value
    if "literal" in name:
        return name
    if name.get("parse-names") in (False, "false"):
        return name
    family = name.get("family", "")
    if family.startswith('"') and family.endswith('"') and len(family) > 1:
        name["family"] = family[1:-1]
    elif family and "non-dropping-particle" not in name and _may_start_particle(family):
        match = _PARTICLE.match(family) or _HYPHEN_PARTICLE.match(family)
        if match and match.group(2)[:1].isupper():
            particle = match.group(1).rstrip()
            # "de’ Frinkle" keeps its space; "d’Wander" has none.
            spaced = particle.endswith("’") and match.group(1) != particle
            name["non-dropping-particle"] = particle + (" " if spaced else "")
            name["family"] = match.group(2)
    given = name.get("given", "")
    if given and "dropping-particle" not in name and " " in given:
        words = given.split(" ")
        tail: list[str] = []
        while len(words) > 1 and words[-1][:1].islower() and words[-1][:1].isalpha():
            tail.insert(0, words.pop())
        if tail:
            name["given"] = " ".join(words)
            name["dropping-particle"] = " ".join(tail)
    if given and "suffix" not in name and "," in given:
        _split_suffix(name)
    if not family and not given:
        return None
    return name


def _split_suffix(name: dict[str, Any]) -> None:
    """A suffix written after the given name: ``John, Jr.``, or ``John,! Jr.`` for a comma before it."""
    if ",!" in name["given"]:
        first, _, rest = name["given"].partition(",!")
        name["given"] = first.strip()
        name["suffix"] = rest.strip()
        name["comma-suffix"] = True
    elif ", " in name["given"]:
        first, _, rest = name["given"].partition(", ")
        if rest and rest.startswith("!"):
            name["given"] = first
            name["suffix"] = rest[1:].strip()
            name["comma-suffix"] = True
        elif rest:
            name["given"] = first
            name["suffix"] = rest


_NOTE_FIELD = re.compile(r"\{?:?([a-z][a-z-]{1,40}):[ \t]*+(.+)")
TEXT_VARIABLES = frozenset(
    "archive archive_location authority call-number collection-title container-title container-title-short "
    "dimensions DOI edition event event-place genre ISBN ISSN issue jurisdiction language medium number "
    "number-of-pages original-publisher original-publisher-place original-title page publisher publisher-place "
    "references section source status title title-short URL version volume".split()
)


def _note_variables(note: str, item: dict[str, Any]) -> None:
    """Variables given as ``name: value`` lines in the note (as Zotero users do), when not set otherwise."""
    for line in note.splitlines():
        match = _NOTE_FIELD.match(line.strip())
        if match is None:
            continue
        name, value = match.group(1), match.group(2).strip().removesuffix("}").strip()
        if name in item:
            continue
        if name in DATE_VARIABLES:
            date = parse_raw(value)
            if date.parts or date.literal:
                item[name] = date
        elif name in TEXT_VARIABLES or name.lower() in TEXT_VARIABLES:
            item[name] = value


def trigraph(item: dict[str, Any]) -> str:
    """citeproc-js's default citation-label: ``Aaaa00`` (one author), ``AaAa00`` (two), ``AAAA00`` (more)."""
    names = item.get("author") or item.get("editor") or []
    families = [str(family) for name in names if (family := name.get("family") or name.get("literal"))]
    if not families:
        return ""
    date = item.get("issued")
    year = f"{date.parts[0][0] % 100:02d}" if isinstance(date, DateValue) and date.parts else ""
    if len(families) == 1:
        letters = families[0][:4]
    elif len(families) == 2:
        letters = families[0][:2] + families[1][:2]
    else:
        letters = "".join(family[:1] for family in families[:4])
    return letters + year


_FIRST_PAGE = re.compile(r"\s*+([^\s,\-–&]++)")


def prepare_item(raw: Mapping[str, Any], warnings: list[str], label: bool = True) -> dict[str, Any]:
    """A CSL-JSON item normalised for rendering; unknown types are rendered as ``article`` with a warning.

    With ``label`` (a style that uses the citation-label), an item without one gets citeproc-js's default.
    """
    item: dict[str, Any] = {}
    for key, value in raw.items():
        if key in NAME_VARIABLES:
            if isinstance(value, list):
                names = [name for name in (prepare_name(entry) for entry in value) if name is not None]
                if names:
                    item[key] = names
        elif key in DATE_VARIABLES:
            date = parse_date(value)
            if date is not None:
                item[key] = date
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            item[key] = str(value)
        elif isinstance(value, str):
            if value != "":
                item[key] = value
        else:
            item[key] = value
    if isinstance(raw.get("note"), str):
        _note_variables(raw["note"], item)
    item["id"] = str(raw.get("id", ""))
    kind = item.get("type")
    if kind not in ITEM_TYPES:
        if kind is not None:
            warnings.append(f"item {item['id']}: unknown type {kind!r}, rendered as 'article'")
        item["type"] = "article"
    if "title-short" not in item and isinstance(raw.get("shortTitle"), str):
        item["title-short"] = raw["shortTitle"]
    if "container-title-short" not in item and isinstance(raw.get("journalAbbreviation"), str):
        item["container-title-short"] = raw["journalAbbreviation"]
    if label and "citation-label" not in item:
        default = trigraph(item)
        if default:
            item["citation-label"] = default
    if "page" in item and "page-first" not in item:
        first = _FIRST_PAGE.match(item["page"])
        if first:
            item["page-first"] = first.group(1)
    return item
