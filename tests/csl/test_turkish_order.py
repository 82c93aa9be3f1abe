"""Bibliographies sort by the locale's collation: Turkish in the İSNAD styles, English in APA.

The names cover every letter of the Turkish alphabet in both cases: capitals as initials
(and, for Ğ and the capital pairs, inside all-capital names), small letters as the third
letter of otherwise equal names. The expected orders are written out, not computed.
"""

from __future__ import annotations

import random
from types import ModuleType

import pytest

CAPITAL_INITIALS = (
    "Acar Bayram Cengiz Çelik Demir Erdem Fidan Güler Halaç Işık İnce Jandar Kurt Levent Mutlu "
    "Nalbant Oral Öztürk Pamuk Rüzgar Sarı Şahin Tekin Uçar Ünal Vural Yılmaz Zengin"
).split()
SMALL_THIRD_LETTERS = ["Ka" + letter + "a" for letter in "abcçdefgğhıijklmnoöprsştuüvyz"]
CAPITAL_THIRD_LETTERS = ["SA" + letter + "A" for letter in "CÇGĞIİOÖSŞUÜ"]
ALL_NAMES = CAPITAL_INITIALS + SMALL_THIRD_LETTERS + CAPITAL_THIRD_LETTERS

TURKISH_ORDER = (
    "Acar Bayram Cengiz Çelik Demir Erdem Fidan Güler Halaç Işık İnce Jandar "
    "Kaaa Kaba Kaca Kaça Kada Kaea Kafa Kaga Kağa Kaha Kaıa Kaia Kaja Kaka Kala Kama Kana "
    "Kaoa Kaöa Kapa Kara Kasa Kaşa Kata Kaua Kaüa Kava Kaya Kaza Kurt Levent Mutlu Nalbant "
    "Oral Öztürk Pamuk Rüzgar SACA SAÇA SAGA SAĞA SAIA SAİA SAOA SAÖA Sarı SASA SAŞA SAUA SAÜA "
    "Şahin Tekin Uçar Ünal Vural Yılmaz Zengin"
).split()

# en-US (the CLDR root collation): a letter with a diacritic sorts with its base letter and
# after it only when the rest ties; dotless ı is a letter of its own after i; İ is I with a dot.
ENGLISH_ORDER = (
    "Acar Bayram Çelik Cengiz Demir Erdem Fidan Güler Halaç İnce Işık Jandar "
    "Kaaa Kaba Kaca Kaça Kada Kaea Kafa Kaga Kağa Kaha Kaia Kaıa Kaja Kaka Kala Kama Kana "
    "Kaoa Kaöa Kapa Kara Kasa Kaşa Kata Kaua Kaüa Kava Kaya Kaza Kurt Levent Mutlu Nalbant "
    "Oral Öztürk Pamuk Rüzgar SACA SAÇA SAGA SAĞA Şahin SAIA SAİA SAOA SAÖA Sarı SASA SAŞA SAUA SAÜA "
    "Tekin Uçar Ünal Vural Yılmaz Zengin"
).split()


def references() -> list[dict[str, object]]:
    """One book per name, shuffled so that input order cannot pass for sorting."""
    books: list[dict[str, object]] = [
        {
            "id": name,
            "type": "book",
            "author": [{"family": name, "given": "Deneme"}],
            "title": "Örnek eser",
            "publisher": "Deneme Yayınları",
            "publisher-place": "Ankara",
            "issued": {"date-parts": [[2000]]},
        }
        for name in ALL_NAMES
    ]
    random.Random(11).shuffle(books)
    return books


def test_the_names_cover_every_turkish_letter_in_both_cases() -> None:
    alphabet = "abcçdefgğhıijklmnoöprsştuüvyz"
    capitals = "ABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZ"
    letters = set("".join(ALL_NAMES))
    assert set(alphabet) <= letters
    assert set(capitals) <= letters
    assert sorted(TURKISH_ORDER) == sorted(ENGLISH_ORDER) == sorted(ALL_NAMES)


@pytest.mark.parametrize(
    ("style", "lang", "expected"),
    [
        pytest.param("isnad-dipnotlu", "tr-TR", TURKISH_ORDER, id="isnad-dipnotlu-sorts-in-turkish-order"),
        pytest.param("isnad-metinici", "tr-TR", TURKISH_ORDER, id="isnad-metinici-sorts-in-turkish-order"),
        pytest.param("apa", None, ENGLISH_ORDER, id="apa-sorts-the-same-names-by-en-us-rules"),
        pytest.param("apa", "en-US", ENGLISH_ORDER, id="apa-in-en-us-sorts-by-en-us-rules"),
    ],
)
def test_bibliography_order(csl: ModuleType, style: str, lang: str | None, expected: list[str]) -> None:
    rendered = csl.render(style, references(), lang=lang)
    assert [item_id for item_id, _ in rendered.bibliography] == expected
    assert rendered.warnings == []


# q, w and x are not Turkish letters, but Turkish collation (CLDR) keeps them where the Latin
# alphabet has them: q between p and r, w and x between v and y.
LATIN_LETTERS_ORDER = "Pamuk Quinn Rüzgar Vural Walker Xenakis Yılmaz".split()


@pytest.mark.parametrize(
    ("style", "lang"),
    [
        pytest.param("isnad-dipnotlu", "tr-TR", id="isnad-dipnotlu-keeps-q-w-x-in-latin-order"),
        pytest.param("apa", None, id="apa-keeps-q-w-x-in-latin-order"),
    ],
)
def test_letters_outside_the_turkish_alphabet(csl: ModuleType, style: str, lang: str | None) -> None:
    books = [
        {"id": name, "type": "book", "author": [{"family": name, "given": "Deneme"}], "title": "Eser"}
        for name in reversed(LATIN_LETTERS_ORDER)
    ]
    rendered = csl.render(style, books, lang=lang)
    assert [item_id for item_id, _ in rendered.bibliography] == LATIN_LETTERS_ORDER
