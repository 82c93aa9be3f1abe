"""Numbers: is-numeric, numeric/ordinal/long-ordinal/roman forms, page-range formats, plurals of numbers."""

from __future__ import annotations

import re

from sources.csl.locale import Locale

_SEPARATOR = re.compile(r"(?<!\s)\s*+(-|–|,|&)\s*+")  # from a run's first space only: linear
_NUMBER = re.compile(r"[A-Za-z]{0,4}\d++[A-Za-z]{0,4}")
_DIGITS = re.compile(r"\d+")
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def split_numbers(text: str) -> list[str]:
    """Numbers and the separators between them: ``"2-4, 6"`` → ``["2", "-", "4", ",", "6"]``."""
    return [piece for piece in _SEPARATOR.split(text.strip()) if piece != ""]


def is_numeric(value: str) -> bool:
    """CSL's is-numeric: numbers, possibly with letter affixes, joined by hyphens, commas or ampersands."""
    pieces = split_numbers(str(value))
    if not pieces:
        return False
    for index, piece in enumerate(pieces):
        if index % 2 == 0:
            if not _NUMBER.fullmatch(piece):
                return False
        elif piece not in "-–,&":
            return False
    return len(pieces) % 2 == 1


_ROMAN_RANGE = re.compile(r"([ivxlcdm]++)\s*+[-–]\s*+([ivxlcdm]++)", re.IGNORECASE)


def roman_range(value: str, delimiter: str) -> str | None:
    """A range of roman numerals (``i-ix``) with the range delimiter, or None."""
    match = _ROMAN_RANGE.fullmatch(value.strip())
    return f"{match.group(1)}{delimiter}{match.group(2)}" if match else None


def is_plural(value: str) -> bool:
    """Whether a number variable holds more than one number (a range or a list: ``2-4``, ``2 and 5``);
    an escaped hyphen (``2\\-4``) joins one number."""
    text = str(value)
    if "\\-" in text:
        return False
    return len(_DIGITS.findall(text)) > 1 or _ROMAN_RANGE.fullmatch(text.strip()) is not None


def roman(number: int) -> str:
    if not 0 < number < 4000:
        return str(number)
    out = []
    for value, letters in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def format_number(number: int, form: str, locale: Locale, gender: str = "") -> str:
    if form == "ordinal":
        return f"{number}{locale.ordinal_suffix(number, gender)}"
    if form == "long-ordinal":
        if 1 <= number <= 10:
            term = locale.term(f"long-ordinal-{number:02d}", gender=gender)
            if term:
                return term
        return f"{number}{locale.ordinal_suffix(number, gender)}"
    if form == "roman":
        return roman(number)
    return str(number)


def render_number(value: str, form: str, locale: Locale, gender: str = "") -> str:
    """A number variable in a CSL form; ranges get an en dash, non-numeric text stays as it is."""
    pieces = split_numbers(value)
    if not is_numeric(value):
        return value
    out = []
    for index, piece in enumerate(pieces):
        if index % 2:
            if piece == "&":
                out.append(f" {locale.term('and', 'symbol') or '&'} ")
            else:
                out.append({"-": "–", "–": "–", ",": ", "}[piece])
        elif form != "numeric" and piece.isdigit():
            out.append(format_number(int(piece), form, locale, gender))
        else:
            out.append(piece)
    return "".join(out)


def _minimal(first: str, last: str, keep: int) -> str:
    if len(first) != len(last):
        return last
    index = 0
    while index < len(first) - keep and first[index] == last[index]:
        index += 1
    return last[index:]


def _range(first: str, last: str, fmt: str) -> str:
    if not (first.isdigit() and last.isdigit()):
        return last
    if len(last) < len(first):
        last = first[: len(first) - len(last)] + last
    if fmt == "expanded" or (int(last) <= int(first) and fmt != "expanded"):
        return last
    if fmt == "minimal":
        return _minimal(first, last, 1)
    if fmt == "minimal-two":
        return _minimal(first, last, 2) if len(last) > 1 else last
    # chicago (16th edition rules)
    number = int(first)
    if number < 100 or number % 100 == 0:
        return last
    if number % 100 < 10:
        return _minimal(first, last, 1)
    short = _minimal(first, last, 2)
    if fmt != "chicago-16" and len(first) == 4 and len(short) >= 3:
        # The 15th edition's rule: four digits of which three change are all given (1496–1504).
        return last
    return short


def _split_prefix(text: str) -> tuple[str, str]:
    """``"8n1568"`` → ``("8n", "1568")``: whatever precedes the final digits, and the digits."""
    digits = len(text) - len(text.rstrip("0123456789"))
    return text[: len(text) - digits], text[len(text) - digits :]


def _prefixed_range(first: str, last: str, fmt: str, delimiter: str, separator: str) -> list[str]:
    """The end of one range: numbers with the same prefix (or none) are formatted, roman numerals get the
    dash, anything else keeps its hyphen."""
    (prefix, digits), (end_prefix, end_digits) = _split_prefix(first), _split_prefix(last)
    if not digits and not end_digits:
        return [delimiter, last]
    if not digits or not end_digits or (end_prefix and end_prefix != prefix) or (prefix and not end_prefix):
        return [separator, last]
    formatted = _range(digits, end_digits, fmt) if fmt else end_digits
    if fmt == "expanded" and prefix:
        formatted = prefix + formatted
    return [delimiter, formatted]


def page_range(value: str, fmt: str, delimiter: str, ampersand: str = "&") -> str:
    """Page ranges in a page-range-format (expanded, minimal, minimal-two, chicago), with the locale's dash."""
    pieces = split_numbers(value)
    if len(pieces) < 3:
        return value
    out = [pieces[0]]
    index = 1
    while index < len(pieces):
        separator = pieces[index]
        following = pieces[index + 1] if index + 1 < len(pieces) else ""
        if separator in "-–":
            out.extend(_prefixed_range(pieces[index - 1], following, fmt, delimiter, separator))
        else:
            out.append(", " if separator == "," else f" {ampersand} ")
            out.append(following)
        index += 2
    return "".join(out)
