"""Plain names are read without pybtex exactly as pybtex reads them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sources.bib.names import plain_name

REFS = Path(__file__).parent.parent / "refs" / "bibliography.bib"


def by_pybtex(raw: str) -> tuple[str, str, str]:
    from pybtex.database import Person

    person = Person(raw)
    return (
        str(person),
        " ".join(person.first_names + person.middle_names),
        " ".join(person.prelast_names + person.last_names),
    )


def _curated() -> list[str]:
    text = REFS.read_text(encoding="utf-8")
    return sorted({m.group(1) for m in re.finditer(r"^\s*(?:author|editor|translator) = \{(.*)\},$", text, re.M)})


@pytest.mark.parametrize("raw", _curated())
def test_every_name_of_the_curated_bibliography_reads_as_pybtex_reads_it(raw: str) -> None:
    assert plain_name(raw) in (None, by_pybtex(raw))


def test_the_curated_names_need_no_pybtex() -> None:
    assert all(plain_name(raw) is not None for raw in _curated())


_WORD = st.text(alphabet="AaBbÇçĞğİıÖöŞşÜüÂâ-.'", min_size=1, max_size=8)
_NAMES = st.builds(
    lambda family, given, comma, space: f"{space.join(family)}{',' if comma else ''}{space}{space.join(given)}",
    st.lists(_WORD, min_size=1, max_size=3),
    st.lists(_WORD, max_size=3),
    st.booleans(),
    st.sampled_from([" ", "  ", "\t"]),
)


@settings(max_examples=300, deadline=None)
@given(_NAMES)
def test_a_name_read_without_pybtex_is_read_as_pybtex_reads_it(raw: str) -> None:
    plain = plain_name(raw)
    if plain is not None:
        assert plain == by_pybtex(raw)


@pytest.mark.parametrize(
    "raw",
    ["de la Fontaine, Jean", "Ali Veli", "Yılmaz, Jr, Ali", "{Ali} {Veli}", "Yılmaz, {Ali}", "\\c{C}elik, Ali"],
    ids=["a-particle", "first-last-order", "a-junior-part", "two-groups", "a-braced-given-name", "a-latex-accent"],
)
def test_other_forms_are_left_to_pybtex(raw: str) -> None:
    assert plain_name(raw) is None


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("9751609399", True),
        ("9751607434", True),
        ("978-0-306-40615-7", True),
        ("0-8044-2957-X", True),
        ("9751609398", False),
        ("978-0-306-40615-8", False),
        ("977-0-306-40615-7", False),
        ("97516093", False),
        ("ISBN 9751609399", False),
    ],
    ids=[
        "isbn10",
        "isbn10-again",
        "isbn13-hyphenated",
        "isbn10-check-x",
        "isbn10-wrong-digit",
        "isbn13-wrong-digit",
        "isbn13-wrong-prefix",
        "too-short",
        "with-a-label",
    ],
)
def test_isbn_check_digits(number: str, valid: bool) -> None:
    from sources.bib.isbn import valid_isbn

    assert valid_isbn(number) is valid
