"""Alphabetical order by language: Turkish as the article's readers expect it."""

from __future__ import annotations

import pytest

import sources
from sources.collation import sort_key_for
from sources.present import in_order


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
