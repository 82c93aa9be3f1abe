"""Sorting: locale collation (Turkish and English orders of the same names), numbers, empty keys last."""

from __future__ import annotations

from typing import Any

import pytest

from csl.inline import bib
from sources.csl import render

# Family names beginning with every letter of the Turkish alphabet, given in a scrambled order.
# The Turkish alphabet in its order (the names below use no q, w or x).
TURKISH = "abcçdefgğhıijklmnoöprsştuüvyz"

TURKISH_NAMES = [
    "Zeybek",
    "Çelik",
    "İnce",
    "Işık",
    "Ünal",
    "Öztürk",
    "Şahin",
    "Güneş",
    "Ğ",
    "Acar",
    "Bulut",
    "Demir",
    "Ergin",
    "Fidan",
    "Hakan",
    "Jale",
    "Kaya",
    "Lale",
    "Mert",
    "Nur",
    "Oral",
    "Polat",
    "Rana",
    "Sarı",
    "Tekin",
    "Uçar",
    "Vural",
    "Yalçın",
    "Cem",
]
SORTED_LAYOUT = '<names variable="author"><name form="short"/></names>'
SORT_BY_AUTHOR = '<sort><key variable="author"/></sort>'


def people(names: list[str]) -> list[dict[str, Any]]:
    return [{"id": name, "author": [{"family": name, "given": "A"}]} for name in names]


def first_letter(name: str) -> str:
    return name[0].replace("I", "ı").replace("İ", "i").lower()


def test_turkish_collation_follows_the_turkish_alphabet() -> None:
    order = bib(SORTED_LAYOUT, people(TURKISH_NAMES), lang="tr-TR", sort=SORT_BY_AUTHOR)
    ranks = [TURKISH.index(first_letter(name)) for name in order]
    assert ranks == sorted(ranks)
    assert order.index("Işık") < order.index("İnce")
    assert order.index("Cem") < order.index("Çelik") < order.index("Demir")


def test_english_collation_treats_turkish_letters_as_accented_latin_ones() -> None:
    order = bib(SORTED_LAYOUT, people(TURKISH_NAMES), lang="en-US", sort=SORT_BY_AUTHOR)
    assert order.index("Çelik") < order.index("Cem")  # ç sorts as c, then "el" < "em"
    assert order.index("İnce") < order.index("Işık")  # both as I: "In" < "Is"
    assert order.index("Ünal") < order.index("Vural") and order.index("Uçar") < order.index("Ünal")


@pytest.mark.parametrize("style", ["isnad-dipnotlu", "isnad-metinici"])
def test_isnad_bibliographies_sort_in_turkish_order(style: str) -> None:
    items = [dict(item, type="book", title="Eser") for item in people(TURKISH_NAMES)]
    result = render(style, items, lang="tr-TR")
    ranks = [TURKISH.index(first_letter(item_id)) for item_id, _ in result.bibliography]
    assert ranks == sorted(ranks)


def test_apa_sorts_the_same_names_in_english_order() -> None:
    items = [dict(item, type="book", title="Eser") for item in people(TURKISH_NAMES)]
    order = [item_id for item_id, _ in render("apa", items).bibliography]
    assert order.index("Çelik") < order.index("Cem")
    assert order.index("İnce") < order.index("Işık")


def test_numbers_sort_numerically_and_missing_keys_last_in_both_directions() -> None:
    items = [{"id": "x", "volume": "10"}, {"id": "y"}, {"id": "z", "volume": "9"}]
    ascending = bib('<text variable="id"/>', items, sort='<sort><key variable="volume"/></sort>')
    descending = bib('<text variable="id"/>', items, sort='<sort><key variable="volume" sort="descending"/></sort>')
    assert ascending == ["z", "x", "y"]
    assert descending == ["x", "z", "y"]


def test_dates_sort_chronologically_with_years_before_months() -> None:
    items = [
        {"id": "b", "issued": {"date-parts": [[2000, 5]]}},
        {"id": "a", "issued": {"date-parts": [[2000]]}},
        {"id": "c", "issued": {"date-parts": [[1999, 12, 31]]}},
    ]
    assert bib('<text variable="id"/>', items, sort='<sort><key variable="issued"/></sort>') == ["c", "a", "b"]


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
def test_a_later_key_orders_only_the_ties_of_the_earlier_ones_and_is_computed_only_for_them(
    descending: bool,
) -> None:
    from sources.csl.sort import sort_by_keys

    keys = {
        "a": ("Kaya", 2001),
        "b": ("Acar", 1999),
        "c": ("Kaya", 1990),
        "d": (None, 1980),
        "e": ("", 1970),
        "f": ("Kaya", 2001),
    }
    asked: list[tuple[str, int]] = []

    def key(entry: str, index: int) -> str | int | None:
        asked.append((entry, index))
        return keys[entry][index]

    order = sort_by_keys(list(keys), key, [descending, False], "en-US")
    if descending:
        assert order == ["c", "a", "f", "b", "e", "d"]
    else:
        assert order == ["b", "c", "a", "f", "e", "d"]
    assert sorted(asked) == sorted([(entry, 0) for entry in keys] + [(e, 1) for e in "acfde"])
