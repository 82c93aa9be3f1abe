"""Dates of bibliography fields ↔ CSL-JSON date variables, keeping what the source prints.

A biblatex ``date`` in ISO form (``1921-06-01``, ``1920/1921``, ``1920~``) and a plain
Gregorian ``year`` become ``date-parts`` (with ``circa``). A date in another calendar — a
Rumi or Hijri year such as ``1337`` or a day such as ``1 Haziran 1337`` — becomes
``date-parts`` holding the Gregorian days it stands for (one day, or the first and last
day of the span its readings cover) and a ``literal`` holding the date as written followed
by that Gregorian equivalent in square brackets: ``1 Haziran 1337 [1921-06-01]``,
``1337 [1921-03-01/1922-02-28]``. The literal is what a CSL processor prints (so the
reader sees the date as the source prints it and what it means), the date-parts are what
it sorts by. The bracket holds digits only, ISO 8601, so that it reads the same in every
style language; square brackets are the bibliographic sign of information the cataloguer
supplies. A year that could be Rumi or Hijri gets the span of both readings: nothing in
the bracket claims more than the text settles.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from sources.citations.calendars import Calendar, CitedDate, read_date, read_year

# ISO dates as biblatex writes them: YYYY, YYYY-MM, YYYY-MM-DD, a range of two with "/", "~" for circa.
_ISO_DAY = r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?"
_ISO = re.compile(rf"{_ISO_DAY}(?:/{_ISO_DAY})?(~)?")


def date_variable(text: str) -> dict[str, Any]:
    """The CSL date variable for a field's date as written."""
    iso = _ISO.fullmatch(text.strip())
    if iso:
        parts = [_ints(iso[1], iso[2], iso[3])]
        if iso[4]:
            parts.append(_ints(iso[4], iso[5], iso[6]))
        variable: dict[str, Any] = {"date-parts": parts}
        if iso[7]:
            variable["circa"] = True
        if _plausible(parts):
            return variable
    cited = read_year(text) or read_date(text)
    if cited is None:
        return {"literal": text}
    first, last = _span(cited)
    if cited.calendars == (Calendar.GREGORIAN,):  # ``1978a``, ``1 Haziran 1921``: sorts by its day or year
        return {"date-parts": _parts(first, last), "literal": text}
    return {"date-parts": _parts(first, last), "literal": f"{text} [{_gregorian(first, last)}]"}


def date_text(variable: dict[str, Any]) -> str | None:
    """A field's date from a CSL date variable: the inverse of :func:`date_variable`.

    None when the variable holds no date this module can write (no parts, no literal).
    """
    literal = variable.get("literal") or variable.get("raw")
    if isinstance(literal, str):
        written = literal.rpartition(" [")[0]  # our own "as written [Gregorian]" form, when it is that
        if written and date_variable(written).get("literal") == literal:
            return written
        return literal
    parts = variable.get("date-parts")
    if not isinstance(parts, list) or not parts or not all(isinstance(p, list) and p for p in parts):
        return None
    try:
        text = "/".join(_iso([int(n) for n in part]) for part in parts[:2])
    except (TypeError, ValueError):
        return None
    return text + ("~" if variable.get("circa") else "")


def _ints(*groups: str | None) -> list[int]:
    return [int(g) for g in groups if g is not None]


def _plausible(parts: list[list[int]]) -> bool:
    """Real days in years that are Gregorian (``1339`` is a Rumi or Hijri year, not ISO)."""
    for part in parts:
        cited = read_year(str(part[0]))
        if cited is None or cited.calendars != (Calendar.GREGORIAN,):
            return False
    try:
        for part in parts:
            date(part[0], part[1] if len(part) > 1 else 1, part[2] if len(part) > 2 else 1)
    except ValueError:
        return False
    return True


def _iso(part: list[int]) -> str:
    return "-".join([f"{part[0]:04d}", *(f"{n:02d}" for n in part[1:3])])


def _span(cited: CitedDate) -> tuple[date, date]:
    return min(r.start for r in cited.readings), max(r.end for r in cited.readings)


def _parts(first: date, last: date) -> list[list[int]]:
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):  # whole years
        return [[first.year]] if first.year == last.year else [[first.year], [last.year]]
    if first == last:
        return [[first.year, first.month, first.day]]
    return [[first.year, first.month, first.day], [last.year, last.month, last.day]]


def _gregorian(first: date, last: date) -> str:
    return first.isoformat() if first == last else f"{first.isoformat()}/{last.isoformat()}"
