"""Alphabetical order by language: Turkish as the article's readers expect it."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import sources
from sources.collation import sort_key_for
from sources.present import in_order

if TYPE_CHECKING:
    from pyuca import Collator


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param("Cebesoy", "Çağlayan", id="Ç after every C"),
        pytest.param("Gürün", "Ğ", id="Ğ after every G"),
        pytest.param("Işık", "İnan", id="I (dotless) before İ"),
        pytest.param("ılık", "iğne", id="ı before i in lower case too"),
        pytest.param("Ozan", "Ömer", id="Ö after every O"),
        pytest.param("Sonyel", "Şimşir", id="Ş after every S"),
        pytest.param("Uzun", "Üner", id="Ü after every U"),
        pytest.param("Ali", "Âli", id="a circumflex decides only between equal letters"),
        pytest.param("ali", "Ali", id="case decides only between equal letters"),
        pytest.param("Ataöv", "Atatürk", id="ö before t"),
        pytest.param("1978", "Apak", id="digits before letters"),
        pytest.param("Vatan", "Wolf", id="letters outside the alphabet keep their Latin place"),
        pytest.param("Zeki", "Якоб", id="other scripts after Latin"),
    ],
)
def test_turkish_order(before: str, after: str) -> None:
    key = sort_key_for("tr-TR")
    assert key(before) < key(after)
    assert sorted([after, before], key=key) == [before, after]


def test_other_languages_get_the_untailored_order() -> None:
    key = sort_key_for("en")
    assert key("Çağlayan") < key("Cebesoy")  # Ç is a C with a cedilla in DUCET


def test_sources_lists_the_curated_bibliography_in_turkish_order() -> None:
    keys = [s.key for s in in_order(sources.bibliography().sources, "tr")]
    assert keys.index("cebesoy2002") < keys.index("caglayan1998") < keys.index("coker1994")
    assert keys.index("biyiklioglu1981") < keys.index("bilge1992")  # Bıyıklıoğlu: ı before i
    assert keys.index("aslan1997") < keys.index("aslan2002")  # one family name: by year
    assert keys.index("ozalp1988") < keys.index("oztoprak2003")  # Özalp, Öztoprak: after every O
    assert keys[-1] == "yildirimozonder1991" or keys.index("yildirimozonder1991") > keys.index("yerasimos1979")


# Few characters, so that strings share prefixes: letters, marks that combine, contraction starts and
# what continues them (l·, и + breve, Thai vowel + consonant), a character pyuca weighs implicitly
# (CJK) and one it ignores (soft hyphen), space and punctuation.
PYUCA_ALPHABET = "alLı·\u0387\u0301\u0327и\u0306\u0e40\u0e01中\u00ad -"


@cache
def pyuca_collator() -> Collator:
    from pyuca import Collator

    return Collator()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=PYUCA_ALPHABET, max_size=6), min_size=2, max_size=12))
@example(["l·a", "la", "lb"])
def test_the_untailored_order_is_pyucas_order(texts: list[str]) -> None:
    """The key is built from per-character weights where it can be; pyuca's own key is the oracle."""
    collator = pyuca_collator()
    ours = sort_key_for("en-US")
    assert sorted(texts, key=ours) == sorted(texts, key=lambda text: (collator.sort_key(text), text))
