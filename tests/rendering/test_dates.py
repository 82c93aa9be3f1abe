"""A Rumi or Hijri date's Gregorian equivalent in the words of the style's language."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sources.csl import Style
from sources.rendering.dates import localize_bracket, localize_literal


@pytest.fixture(scope="module")
def styles() -> Style:
    return Style.load("isnad-dipnotlu")


@pytest.mark.parametrize(
    ("lang", "written", "expected"),
    [
        ("tr-TR", "1 Haziran 1337 [1921-06-01]", "1 Haziran 1337 [1 Haziran 1921]"),
        ("en-US", "1 Haziran 1337 [1921-06-01]", "1 Haziran 1337 [June 1, 1921]"),
        ("en-GB", "1 Haziran 1337 [1921-06-01]", "1 Haziran 1337 [1 June 1921]"),
        ("de-DE", "1 Haziran 1337 [1921-06-01]", "1 Haziran 1337 [1. Juni 1921]"),
        ("tr-TR", "12 Recep 1339 [1921-03-21/1921-03-23]", "12 Recep 1339 [21 Mart 1921–23 Mart 1921]"),
    ],
    ids=["turkish", "american", "british", "german ordinal", "a span of days"],
)
def test_the_bracket_is_written_in_the_locale(styles: Style, lang: str, written: str, expected: str) -> None:
    assert localize_bracket(written, styles.locale(lang, [])) == expected


@pytest.mark.parametrize(
    "text",
    ["1978a", "Haziran 1921", "1339 [circa]", "[1921-06-01]", "1 Haziran 1337 [1921-13-45]", "x [1921-06-01] y"],
    ids=["a year", "a gregorian date", "a bracket of words", "only a bracket", "no such day", "text after it"],
)
def test_other_text_is_left_alone(styles: Style, text: str) -> None:
    assert localize_bracket(text, styles.locale("tr-TR", [])) == text


def test_a_variable_without_a_bracket_is_the_same_object(styles: Style) -> None:
    variable = {"date-parts": [[1978]], "literal": "1978a"}
    assert localize_literal(variable, styles.locale("tr-TR", [])) is variable


@given(st.text(alphabet=" [-/]0123456789aH", max_size=400))
def test_any_text_is_either_unchanged_or_localized_never_an_error(text: str) -> None:
    locale = Style.load("isnad-dipnotlu").locale("tr-TR", [])
    result = localize_bracket(text, locale)
    assert result == text or result.startswith(text.rpartition(" [")[0])
