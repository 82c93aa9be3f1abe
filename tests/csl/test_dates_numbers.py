"""Dates (parts, raw, literal, seasons, ranges, circa) and numbers (forms, page ranges, plurals)."""

from __future__ import annotations

import pytest

from csl.inline import bib

TEXT_DATE = '<date variable="issued" form="text"/>'
NUMERIC = '<date variable="issued" form="numeric"/>'


@pytest.mark.parametrize(
    ("date", "layout", "lang", "expected"),
    [
        ({"date-parts": [[2001, 3, 9]]}, TEXT_DATE, None, "March 9, 2001"),
        ({"date-parts": [[2001, 3, 9]]}, NUMERIC, None, "03/09/2001"),
        ({"date-parts": [[2001, 3, 9]]}, TEXT_DATE, "tr-TR", "09 Mart 2001"),
        ({"date-parts": [[2001, 3, 9]]}, TEXT_DATE, "de-DE", "9. März 2001"),
        ({"raw": "2001-03-09"}, TEXT_DATE, None, "March 9, 2001"),
        ({"literal": "spring of 1453"}, TEXT_DATE, None, "spring of 1453"),
        ({"date-parts": [[2001]], "season": 3}, TEXT_DATE, None, "Autumn 2001"),
        ({"date-parts": [[2001, 3, 9], [2001, 3, 12]]}, TEXT_DATE, None, "March 9–12, 2001"),
        ({"date-parts": [[2001, 3, 9], [2001, 4, 2]]}, TEXT_DATE, None, "March 9–April 2, 2001"),
        (
            {"date-parts": [[1999], [2001]]},
            '<date variable="issued"><date-part name="year"/></date>',
            None,
            "1999–2001",
        ),
        ({"date-parts": [[-44, 3, 15]]}, '<date variable="issued"><date-part name="year"/></date>', None, "44 BC"),
        (
            {"date-parts": [[2001, 3], [2001, 7]]},
            '<date variable="issued" form="text" date-parts="year"/>',
            None,
            "2001",
        ),
        (
            {"date-parts": [[1998], [2003]]},
            '<group prefix="(" suffix=")"><date variable="issued" form="text" date-parts="year-month"/></group>'
            '<date variable="issued"><date-part name="month"/></date>',
            None,
            "(1998–2003)",
        ),
    ],
    ids=[
        "localized text date",
        "localized numeric date",
        "Turkish text date",
        "German text date",
        "raw ISO date",
        "literal date",
        "season",
        "range within a month",
        "range across months",
        "year range",
        "BC year",
        "month range shown as its one year",
        "year range shown without months leaves no dash",
    ],
)
def test_dates_render_in_the_locale_and_form_asked(
    date: dict[str, object], layout: str, lang: str | None, expected: str
) -> None:
    assert bib(layout, [{"id": "a", "issued": date}], lang=lang) == [expected]


def test_circa_is_a_condition() -> None:
    layout = (
        '<choose><if is-uncertain-date="issued"><text value="ca. "/></if></choose>'
        '<date variable="issued"><date-part name="year"/></date>'
    )
    assert bib(layout, [{"id": "a", "issued": {"date-parts": [[1450]], "circa": True}}]) == ["ca. 1450"]


@pytest.mark.parametrize(
    ("fmt", "page", "expected"),
    [
        ("expanded", "321-28", "321–328"),
        ("minimal", "321-328", "321–8"),
        ("minimal-two", "321-328", "321–28"),
        ("chicago", "71-72", "71–72"),
        ("chicago", "1496-1504", "1496–1504"),
        ("chicago", "321-328", "321–28"),
    ],
)
def test_page_ranges_follow_the_page_range_format(fmt: str, page: str, expected: str) -> None:
    entry = bib('<text variable="page"/>', [{"id": "a", "page": page}], style_attrs=f'page-range-format="{fmt}"')
    assert entry == [expected]


@pytest.mark.parametrize(
    ("form", "expected"),
    [("numeric", "2"), ("ordinal", "2nd"), ("long-ordinal", "second"), ("roman", "ii")],
)
def test_number_forms(form: str, expected: str) -> None:
    assert bib(f'<number variable="edition" form="{form}"/>', [{"id": "a", "edition": 2}]) == [expected]


def test_turkish_ordinals_come_from_the_turkish_locale() -> None:
    assert bib('<number variable="edition" form="ordinal"/>', [{"id": "a", "edition": "3"}], lang="tr-TR") == ["3."]


@pytest.mark.parametrize(
    ("page", "expected"),
    [("5", "p. 5"), ("5-7", "pp. 5–7"), ("5, 9", "pp. 5, 9")],
    ids=["single page", "range", "list"],
)
def test_page_label_is_plural_for_ranges_and_lists(page: str, expected: str) -> None:
    layout = '<group delimiter=" "><label variable="page" form="short"/><text variable="page"/></group>'
    assert bib(layout, [{"id": "a", "page": page}]) == [expected]
