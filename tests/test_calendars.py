"""Dates in the Rumi, Hijri and Gregorian calendars, checked on published equivalences.

The equivalences come from the Rumi calendar's reference descriptions: the Julian
calendar was adopted on 1 Mart 1256 = 13 March 1840; an Ottoman calendar leaf of 1911
prints 7 Nisan 1327 beside 20 April 1911 and 21 Rebiülahir 1329; after 15 Şubat 1332
came 1 Mart 1333 = 1 March 1917.
"""

from __future__ import annotations

from datetime import date

import pytest

from sources.citations.calendars import Calendar, hijri_to_gregorian, read_date, read_year, rumi_to_gregorian


@pytest.mark.parametrize(
    ("day", "month", "year", "gregorian"),
    [
        (1, 3, 1256, date(1840, 3, 13)),
        (7, 4, 1327, date(1911, 4, 20)),
        (15, 2, 1332, date(1917, 2, 28)),
        (1, 3, 1333, date(1917, 3, 1)),
        (1, 6, 1337, date(1921, 6, 1)),
    ],
    ids=["julian-adopted", "calendar-leaf-1911", "last-julian-day", "first-gregorian-day", "after-reform"],
)
def test_rumi_dates(day: int, month: int, year: int, gregorian: date) -> None:
    assert rumi_to_gregorian(day, month, year) == (gregorian,)


def test_a_rumi_january_after_the_reform_has_two_readings() -> None:
    # Sources disagree on whether the year began in January or March after 1917.
    assert rumi_to_gregorian(12, 1, 1338) == (date(1923, 1, 12), date(1922, 1, 12))


def test_a_hijri_date_covers_the_printed_day() -> None:
    cited = read_date("21 Rebiülahir 1329")
    assert cited is not None and cited.calendars == (Calendar.HIJRI,)
    reading = cited.readings[0]
    assert reading.start <= date(1911, 4, 20) <= reading.end


@pytest.mark.parametrize(
    ("raw", "calendars", "consistent"),
    [
        ("1 Haziran 1337-1921", (Calendar.RUMI,), True),
        ("1 Haziran 1336-1921", (Calendar.RUMI,), False),
        ("28 Haziran 1921", (Calendar.GREGORIAN,), True),
        ("12 Kânun-ısâni 1338", (Calendar.RUMI,), True),
        ("12 Kânun-ı sâni 1338", (Calendar.RUMI,), True),
        ("3 Teşrin-i evvel 1336", (Calendar.RUMI,), True),
    ],
)
def test_full_dates(raw: str, calendars: tuple[Calendar, ...], consistent: bool) -> None:
    cited = read_date(raw)
    assert cited is not None
    assert cited.raw == raw
    assert cited.calendars == calendars
    assert cited.self_consistent is consistent


def test_a_bare_year_that_may_be_rumi_or_hijri_says_so() -> None:
    cited = read_year("1339")
    assert cited is not None and cited.ambiguous
    assert [(r.calendar, r.start, r.end) for r in cited.readings] == [
        (Calendar.RUMI, date(1923, 3, 1), date(1924, 2, 29)),
        (Calendar.HIJRI, date(1920, 9, 15), date(1921, 9, 3)),
    ]


def test_a_gregorian_year_is_one_reading() -> None:
    cited = read_year("1978")
    assert cited is not None and not cited.ambiguous
    assert cited.readings[0].start == date(1978, 1, 1)


@pytest.mark.parametrize("raw", ["31 Şubat 1921", "12 Foo 1921", "Haziran", ""])
def test_what_is_not_a_date(raw: str) -> None:
    assert read_date(raw) is None


@pytest.mark.parametrize(
    ("day", "month", "year", "gregorian"),
    [
        (1, 1, 1, date(622, 7, 19)),
        (1, 1, 1300, date(1882, 11, 12)),
        (1, 9, 1339, date(1921, 5, 9)),
        (1, 1, 1340, date(1921, 9, 4)),
    ],
    ids=[
        "1 Muharram 1 is 16 July 622 (Julian)",
        "1 Muharram 1300 is 12 November 1882",
        "1 Ramadan 1339 is 9 May 1921",
        "1 Muharram 1340 is 4 September 1921",
    ],
)
def test_the_tabular_hijri_calendar_on_known_days(day: int, month: int, year: int, gregorian: date) -> None:
    assert hijri_to_gregorian(day, month, year) == gregorian
