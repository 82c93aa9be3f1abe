"""A date in another calendar, shown as written and with its Gregorian equivalent in the style's language.

The CSL-JSON export writes such a date's ``literal`` as ``1 Haziran 1337 [1921-06-01]``: the
bracket holds ISO 8601 digits so that the exported file reads the same in every language. A
rendering knows its language, so it writes the bracket as a date of that language instead —
``1 Haziran 1337 [1 Haziran 1921]`` in Turkish, ``1 Haziran 1337 [June 1, 1921]`` in American
English, ``[1 June 1921]`` in British English, ``[1. Juni 1921]`` in German: the locale's own text date
form (order, affixes, month names, ordinal days), the day never zero-padded. A span of days
(a Hijri day, a year that could be Rumi or Hijri) becomes two dates joined by an en dash.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sources.csl.locale import Locale

_ISO = r"\d{4}-\d{2}-\d{2}"
# The bracket csldate.date_variable appends to a date as written: one ISO day or a span of two.
_BRACKET = re.compile(rf"(?P<first>{_ISO})(?:/(?P<last>{_ISO}))?\]")


def localize_literal(variable: dict[str, Any], locale: Locale) -> dict[str, Any]:
    """A CSL date variable with its ``as written [ISO]`` literal turned into the locale's words."""
    literal = variable.get("literal")
    if not isinstance(literal, str):
        return variable
    localized = localize_bracket(literal, locale)
    return variable if localized == literal else {**variable, "literal": localized}


def localize_bracket(text: str, locale: Locale) -> str:
    """``1 Haziran 1337 [1921-06-01]`` → ``1 Haziran 1337 [1 Haziran 1921]``; other text unchanged."""
    written, opening, bracket = text.rpartition(" [")
    found = _BRACKET.fullmatch(bracket)
    if not (written and opening and found):
        return text
    try:
        first = date.fromisoformat(found["first"])
        last = date.fromisoformat(found["last"]) if found["last"] else first
    except ValueError:  # digits in the shape of a date that is none, e.g. 1921-13-45
        return text
    return f"{written} [{gregorian_text(first, last, locale)}]"


def gregorian_text(first: date, last: date, locale: Locale) -> str:
    """One day, or the first and last day of a span, in the locale's text date form."""
    if first == last:
        return _day_text(first, locale)
    return f"{_day_text(first, locale)}–{_day_text(last, locale)}"


def _day_text(day: date, locale: Locale) -> str:
    form = locale.dates.get("text")
    parts = list(form.iter("date-part")) if form is not None else []
    if not parts:
        return day.isoformat()
    pieces = []
    for part in parts:
        name = part.get("name")
        if name == "day":
            value = _day_number(day, part.get("form", "numeric"), locale)
        elif name == "month":
            value = locale.term(f"month-{day.month:02d}", part.get("form", "long")) or str(day.month)
        elif name == "year":
            value = str(day.year)
        else:
            continue
        pieces.append(f"{part.get('prefix', '')}{value}{part.get('suffix', '')}")
    return "".join(pieces).strip()


def _day_number(day: date, form: str, locale: Locale) -> str:
    """The day as the locale writes it (``1.`` in German, ``1er`` in French); never zero-padded."""
    if form != "ordinal" or (locale.limit_day_ordinals and day.day != 1):
        return str(day.day)
    gender = locale.genders.get(f"month-{day.month:02d}", "")
    return f"{day.day}{locale.ordinal_suffix(day.day, gender)}"
