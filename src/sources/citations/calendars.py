"""Dates as sources print them: Gregorian, Rumi (Ottoman fiscal) and Hijri.

A date keeps its raw text and one :class:`Reading` per calendar it could be in, each the
Gregorian interval it stands for. Where the text does not settle the calendar (a bare
``1339`` may be Rumi or Hijri) or the year (a post-1917 Rumi January), there is more
than one reading and :attr:`CitedDate.ambiguous` says so: we never guess.

Rumi dates are ours to convert: the Rumi calendar is the Julian calendar with years
counted 584 behind the Christian era from March (585 in January and February). On
1 Mart 1333 (1 March 1917) it took the Gregorian day count, dropping 13 days after
15 Şubat 1332. Whether the year then began in January or still in March is told both
ways by the sources we could read, so a Rumi January or February after the reform gets
both years. The Julian and tabular-Islamic calendars are plain day arithmetic, done
here (a calendar library cost more at start-up than the whole conversion); a Hijri
day is widened by a day each way because printed Ottoman dates follow the sighted moon,
which the tabular calendar can miss by a day.
"""

from __future__ import annotations

import enum
import re
from datetime import date, timedelta

from attrs import frozen

from sources.folding import fold
from sources.records import record_eq, record_hash, record_repr


class Calendar(enum.Enum):
    GREGORIAN = "gregorian"
    RUMI = "rumi"
    HIJRI = "hijri"


@frozen
class Reading:
    """One way to read a date: its calendar and the Gregorian days it covers (inclusive)."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    calendar: Calendar
    start: date
    end: date
    note: str | None = None


@frozen
class CitedDate:
    """A date as written (``1 Haziran 1337-1921``, ``1339``) and its readings."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    raw: str
    readings: tuple[Reading, ...]
    # For a dual date such as ``1337-1921``: the year given in the second calendar.
    stated_gregorian_year: int | None = None

    @property
    def ambiguous(self) -> bool:
        return len(self.readings) > 1

    @property
    def calendars(self) -> tuple[Calendar, ...]:
        return tuple(dict.fromkeys(reading.calendar for reading in self.readings))

    @property
    def self_consistent(self) -> bool:
        """Whether a dual date's second year fits (some reading of) its first part."""
        if self.stated_gregorian_year is None:
            return True
        return any(r.start.year <= self.stated_gregorian_year <= r.end.year for r in self.readings)


def _key(name: str) -> str:
    """Month names compared folded, with no spaces (``Kânun-ı sâni`` = ``Kanunisani``)."""
    return fold(name).replace(" ", "")


# Gregorian month number of each name. Rumi months are the Julian (later Gregorian) months
# under Ottoman names; modern Turkish names serve both calendars.
_MONTHS = {
    **{
        _key(n): i
        for i, n in enumerate("ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık".split(), 1)
    },
    **{_key(n): 1 for n in ("kânun-ı sâni", "kânunusani", "kanun-u sani")},
    **{_key(n): 10 for n in ("teşrin-i evvel", "teşrinievvel")},
    **{_key(n): 11 for n in ("teşrin-i sâni", "teşrinisani")},
    **{_key(n): 12 for n in ("kânun-ı evvel", "kânunuevvel")},
}
_RUMI_ONLY = {
    _key(n)
    for n in (
        "kânun-ı sâni",
        "kânunusani",
        "kanun-u sani",
        "teşrin-i evvel",
        "teşrinievvel",
        "teşrin-i sâni",
        "teşrinisani",
        "kânun-ı evvel",
        "kânunuevvel",
    )
}
_HIJRI_MONTHS = {
    _key(n): i
    for i, names in enumerate(
        [
            ("muharrem",),
            ("safer", "sefer"),
            ("rebiülevvel", "rebiyülevvel"),
            ("rebiülahir", "rebiülâhir", "rebiyülahir"),
            ("cemaziyelevvel", "cemâziyelevvel"),
            ("cemaziyelahir", "cemâziyelâhir"),
            ("recep", "receb"),
            ("şaban", "şa'ban"),
            ("ramazan",),
            ("şevval",),
            ("zilkade", "zilkâde"),
            ("zilhicce",),
        ],
        1,
    )
    for n in names
}
MONTH_WORD = r"[^\W\d_][^\W\d_’'\-]*(?:[-\s][^\W\d_]+){0,2}"
_DATE = re.compile(rf"(\d{{1,2}})\s+({MONTH_WORD})\s+(\d{{3,4}})(?:\s*[-/]\s*(\d{{4}}))?")
_REFORM = (1333, 3, 1)  # 1 Mart 1333 = 1 March 1917: Rumi takes the Gregorian day count
_RUMI_YEARS = range(1256, 1342)  # 1 Mart 1256 (13 March 1840) to the 1926 switch
_HIJRI_YEARS = range(1000, 1400)
_GREGORIAN_YEARS = range(1450, 2101)


def is_month(word: str) -> bool:
    key = _key(word)
    return key in _MONTHS or key in _HIJRI_MONTHS


def rumi_to_gregorian(day: int, month: int, year: int) -> tuple[date, ...]:
    """Gregorian date(s) of a Rumi date given by day, Gregorian month number and Rumi year.

    One date before the 1917 reform; after it, two for January and February (the year's
    start is reported both as March and as January), one otherwise.
    """
    if (year, month, day) < _REFORM:
        christian = year + (585 if month <= 2 else 584)
        return (_julian_to_gregorian(christian, month, day),)
    if month <= 2:
        return (date(year + 585, month, day), date(year + 584, month, day))
    return (date(year + 584, month, day),)


def hijri_to_gregorian(day: int, month: int, year: int) -> date:
    """The Gregorian date of a day of the tabular Islamic calendar (1 Muharram 1 = 16 July 622, Julian)."""
    days = day + (59 * (month - 1) + 1) // 2 + (year - 1) * 354 + (3 + 11 * year) // 30
    return date.fromordinal(days + _HIJRI_EPOCH)


def _julian_to_gregorian(year: int, month: int, day: int) -> date:
    """The Gregorian date of a Julian calendar date (Julian day number, as in Meeus, ch. 7)."""
    date(2000 if year % 4 == 0 else 2001, month, day)  # a day the Julian year has, or ValueError
    shifted = year + 4800 - (14 - month) // 12
    march_based = (month + 9) % 12
    julian_day = day + (153 * march_based + 2) // 5 + 365 * shifted + shifted // 4 - 32083
    return date.fromordinal(julian_day - _ORDINAL_OFFSET)


# Julian day number minus proleptic Gregorian ordinal (1 January 1 is ordinal 1, day 1,721,426).
_ORDINAL_OFFSET = 1_721_425
# The day before 1 Muharram 1 (Julian day 1,948,439, 15 July 622), as an ordinal.
_HIJRI_EPOCH = 1_948_439 - _ORDINAL_OFFSET


def read_date(raw: str) -> CitedDate | None:
    """A full date ``day month year[-year]``; None when ``raw`` is not one."""
    match = _DATE.fullmatch(raw.strip())
    if not match:
        return None
    day, name, year, second = int(match[1]), _key(match[2]), int(match[3]), match[4]
    readings: list[Reading] = []
    try:
        if name in _HIJRI_MONTHS:
            middle = hijri_to_gregorian(day, _HIJRI_MONTHS[name], year)
            one = timedelta(days=1)
            readings.append(Reading(Calendar.HIJRI, middle - one, middle + one, "tabular Islamic date ± 1 day"))
        elif name in _MONTHS:
            month = _MONTHS[name]
            if year in _RUMI_YEARS or name in _RUMI_ONLY:
                candidates = rumi_to_gregorian(day, month, year)
                note = "the Rumi year's start after 1917 is reported both ways" if len(candidates) > 1 else None
                readings += [Reading(Calendar.RUMI, d, d, note) for d in candidates]
            if year in _GREGORIAN_YEARS and name not in _RUMI_ONLY:
                readings.append(Reading(Calendar.GREGORIAN, date(year, month, day), date(year, month, day)))
    except ValueError:  # 31 Şubat and the like: no such day
        return None
    if not readings:
        return None
    return CitedDate(raw, tuple(readings), int(second) if second else None)


def read_year(raw: str) -> CitedDate | None:
    """A bare year: Gregorian when it can be, else Rumi and/or Hijri."""
    written = raw.strip()  # three or four digits, perhaps a letter after them (1978a)
    digits = written[:-1] if written[-1:].isascii() and written[-1:].islower() else written
    if not (3 <= len(digits) <= 4 and digits.isdecimal()):
        return None
    year = int(digits)
    if year in _GREGORIAN_YEARS:
        return CitedDate(raw, (Reading(Calendar.GREGORIAN, date(year, 1, 1), date(year, 12, 31)),))
    readings = []
    if year in _RUMI_YEARS:
        start = rumi_to_gregorian(1, 3, year)[0]
        end = rumi_to_gregorian(1, 3, year + 1)[0] - timedelta(days=1)
        readings.append(Reading(Calendar.RUMI, start, end))
    if year in _HIJRI_YEARS:
        start = hijri_to_gregorian(1, 1, year)
        end = hijri_to_gregorian(1, 1, year + 1) - timedelta(days=1)
        readings.append(Reading(Calendar.HIJRI, start, end))
    return CitedDate(raw, tuple(readings)) if readings else None
