"""Another article in the same conventions: nothing in the parser knows the embedded one.

The extraction is built here from known sentences and notes: two pages, two columns,
a separator rule, a note that the next column cuts in two, running heads with other
names and page numbers, a body line that starts with a date, markers glued to words.
"""

from __future__ import annotations

import textwrap

import pytest

import sources
from sources.model import Footnotes

BODY = [
    "Bu çalışma, yirminci yüzyılın başında Karadeniz kıyısındaki liman kentlerinde ticaretin nasıl "
    "değiştiğini ayrıntılı biçimde ele almaktadır.1",
    "Liman kayıtları, özellikle tahıl ve tütün ihracatının savaş yıllarında büyük ölçüde azaldığını "
    "açıkça göstermektedir.2",
    "12 Mart 1920 tarihinde yapılan toplantıda tüccarlar yeni bir gümrük düzenlemesi istemiş ve bu "
    "istek uzun süre tartışılmıştır.3",
    "Sonraki yıllarda kentin nüfusu yeniden artmış, ticaret ağları eski canlılığına kavuşmaya başlamıştır.4",
]
FILLER = [
    "Kentin ticaret odası, on dokuzuncu yüzyılın sonlarından itibaren düzenli raporlar yayımlamış ve "
    "bu raporlarda limana gelen gemilerin sayısını, yüklerini ve gittikleri yerleri kaydetmiştir.",
    "Bu raporlar, yerel tüccar ailelerinin hangi mallarla uğraştıklarını ve kentin iç bölgelerle "
    "kurduğu bağlantıları anlamak için de önemli bir kaynak oluşturmaktadır.",
    "Kıyı boyunca uzanan yollar kış aylarında çoğu zaman kapanıyor, bu nedenle deniz taşımacılığı "
    "kentin dış dünyayla ilişkisinde belirleyici bir rol oynuyordu.",
    "Yerel yönetim, limanın genişletilmesi için birçok kez girişimde bulunmuş, ancak bu girişimlerin "
    "büyük bölümü parasızlık yüzünden sonuçsuz kalmıştır.",
    "Savaşın sona ermesiyle birlikte kente dönen tüccarlar, eski depolarını yeniden açmış ve yeni "
    "ortaklıklar kurarak ticareti canlandırmaya çalışmışlardır.",
    "Bütün bu gelişmeler, kentin ekonomik yapısının kısa bir süre içinde nasıl değişebildiğini açık "
    "bir biçimde ortaya koymaktadır.",
]
NOTES = [
    "Demirci, 2004: 45-47.",
    "Karaca, 1998: 112. Gümrük defterlerindeki kayıtlar, ihracatın yıllara göre dağılımını ayrıntılı "
    "olarak vermektedir; bu kayıtların bir kısmı yangında kaybolmuştur. Bk. Öztürk, 2011: 230-235.",
    "BOA, DH: 12, K: 45, B: 3-1.",
    "Karaca, 1998: 130; Demirci, 2004: 52.",
]


def wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)


def body_lines(paragraphs: list[str]) -> list[str]:
    lines: list[str] = []
    for paragraph in paragraphs:
        lines += [*wrap(paragraph, 42), ""]
    return lines


def note_lines(number: int) -> list[str]:
    return wrap(f"{number} {NOTES[number - 1]}", 58)


def extraction() -> str:
    """Page 57: column one, rule, note 1 and the start of note 2, column two, the rest of
    note 2, running head. Page 58: body, rule, notes 3-4, running head."""
    note2 = note_lines(2)
    first, second = body_lines([BODY[0], *FILLER[:3], BODY[1]]), body_lines([*FILLER[3:5], BODY[2]])
    page57 = [
        " " + first[0],
        *first[1:],
        "-" * 56,
        *note_lines(1),
        *note2[:2],
        "",
        *second,
        *note2[2:],
        "57 Karadeniz Kıyısında Liman Kentleri",
    ]
    third = body_lines([BODY[3], FILLER[5]])
    page58 = [
        " " + third[0],
        *third[1:],
        "-" * 56,
        *note_lines(3),
        *note_lines(4),
        "Ayşe YILMAZ DERGİ 2020 / 1 / 2 58",
    ]
    return "\n".join(page57 + page58) + "\n"


@pytest.fixture(scope="module")
def other() -> Footnotes:
    return sources.read_text(extraction(), "other.txt")


def test_pages_are_numbered_from_its_own_running_heads(other: Footnotes) -> None:
    assert [page.number for page in other.document.pages] == [57, 58]


def test_its_notes_are_recovered_whole(other: Footnotes) -> None:
    assert [f.text for f in other.footnotes] == NOTES
    assert len(other.footnotes[1].note.fragments) == 2  # type: ignore[union-attr]


def test_its_claims_and_pages(other: Footnotes) -> None:
    assert [f.claim.text if f.claim else None for f in other.footnotes] == [p[:-1] for p in BODY]
    assert [f.marker.page if f.marker else None for f in other.footnotes] == [57, 57, 57, 58]


def test_its_citations(other: Footnotes) -> None:
    assert [
        (c.footnote, c.kind.value, c.name, c.year, c.locator.raw if c.locator else None) for c in other.citations
    ] == [
        (1, "author_year", "Demirci", "2004", "45-47"),
        (2, "author_year", "Karaca", "1998", "112"),
        (2, "author_year", "Öztürk", "2011", "230-235"),
        (3, "archive", "BOA", None, "DH: 12, K: 45, B: 3-1"),
        (4, "author_year", "Karaca", "1998", "130"),
        (4, "author_year", "Demirci", "2004", "52"),
    ]
    assert [d.code for d in other.diagnostics] == []
