"""Write zotero-export.json: a Better BibTeX "Better CSL JSON" export of real shape, invented data.

Every person, title, journal, archive and date here is made up from the word lists below
(nothing describes a real work); the *shape* follows the csl-data schema and what Zotero
and Better BibTeX write: ``id`` equal to ``citation-key``, date-parts as numbers or as
strings, ``literal`` names for bodies, particles, ``accessed`` dates, archive fields,
Ottoman dates Zotero could not parse kept as ``literal``, and a few types (blog posts,
interviews, films) that biblatex has no exact type for.

Run ``python tests/cases/zotero_export.py`` to regenerate; the output is deterministic and a
test checks that the committed file is what this script writes.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from sources.folding import fold

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "zotero-export.json"
ITEMS = 420

FAMILIES = (
    "Arıkan Bozdağ Çelikkol Demirsoy Erginöz Feyzioğlu Gümüşçü Hacıoğlu Işıklar İlkbahar Kömürcü Lalezar "
    "Mısırlıoğlu Nalbantoğlu Öztekin Pamukçu Saraçoğlu Şahinbaş Tokgözoğlu Uzunçarşılı Ünlüsoy Yavuzalp Zeybekçi "
    "Aldridge Brandt Castellan Dubois Eckhardt Fontaine Grünewald Halvorsen Ivanova Jablonski"
).split()
GIVENS = "Ayşe Mehmet Zeynep Ömer Şule İsmail Gülten Hüseyin Nermin Çağrı Özlem Ilgaz Marie Johann Elena Piotr".split()
PARTICLES = ("van der", "de", "von", "di")
BODIES = (
    "Türkiye Büyük Millet Meclisi Kütüphanesi",
    "Hayali Tarih Vakfı",
    "Kurgusal Arşivler Genel Müdürlüğü",
    "Imaginary Records Office",
)
WORDS = (
    "Anadolu Kafkasya Karadeniz Boğazlar Diplomasi Cephe Antlaşma Meclis Hatıralar Belgeler Siyaset Ticaret "
    "Göç Liman Demiryolu Matbaa Gazete Heyet Sınır Konferans Mektuplar İktisat Maarif Eyalet Vilayet"
).split()
ENGLISH = "Empire Frontier Treaty Revolution Diplomacy Archive Memory Press Railway Port Envoys Letters".split()
JOURNALS = (
    "Hayali Tarih Dergisi",
    "Kurgu Araştırmaları",
    "Journal of Invented Studies",
    "Zeitschrift für erfundene Geschichte",
)
NEWSPAPERS = ("Muhayyel Gazete", "Uydurma Postası", "The Fictional Herald")
PUBLISHERS = ("Örnek Yayınları", "Kurmaca Kitabevi", "Invented University Press", "Hayal Matbaası")
PLACES = ("İstanbul", "Ankara", "İzmir", "London", "Berlin", "Paris")
ARCHIVES = ("Kurgusal Devlet Arşivi", "Hayali Askeri Arşiv", "Imaginary National Archives")
OTTOMAN_MONTHS = ("Mart", "Nisan", "Haziran", "Teşrinievvel", "Kânunusani", "Recep", "Muharrem")
TYPES = (
    ("article-journal", 110),
    ("book", 90),
    ("chapter", 45),
    ("thesis", 20),
    ("article-newspaper", 35),
    ("manuscript", 30),
    ("hearing", 12),
    ("legislation", 10),
    ("webpage", 25),
    ("report", 12),
    ("paper-conference", 12),
    ("post-weblog", 6),
    ("interview", 5),
    ("motion_picture", 3),
    ("document", 5),
)


def person(rng: random.Random) -> dict[str, Any]:
    roll = rng.random()
    if roll < 0.07:
        return {"literal": rng.choice(BODIES)}
    name: dict[str, Any] = {"family": rng.choice(FAMILIES), "given": rng.choice(GIVENS)}
    if roll < 0.12:
        name["non-dropping-particle"] = rng.choice(PARTICLES)
    elif roll < 0.14:
        name["given"] = name["given"][0] + "."
    elif roll < 0.16:
        name["suffix"] = "Jr."
    return name


def title(rng: random.Random, english: bool = False) -> str:
    words = rng.sample(ENGLISH if english else WORDS, rng.randint(2, 5))
    head = " ".join(words)
    return f"{head}: {rng.choice(WORDS)} ve {rng.choice(WORDS)}" if rng.random() < 0.3 and not english else head


def issued(rng: random.Random, kind: str) -> dict[str, Any]:
    year = rng.randint(1890, 2024)
    roll = rng.random()
    if kind in ("manuscript", "article-newspaper", "hearing") and roll < 0.35:
        day, month = rng.randint(1, 28), rng.choice(OTTOMAN_MONTHS)
        return {"literal": f"{day} {month} {rng.randint(1320, 1340)}"}  # a Rumi or Hijri date Zotero left unparsed
    if roll < 0.25:
        return {"date-parts": [[str(year)]]}  # Zotero writes some date-parts as strings
    if roll < 0.6:
        return {"date-parts": [[year]]}
    if roll < 0.85:
        return {"date-parts": [[year, rng.randint(1, 12), rng.randint(1, 28)]]}
    return {"date-parts": [[year, rng.randint(1, 12)]]}


def journal_article(rng: random.Random, found: dict[str, Any], number: int) -> None:
    found["container-title"] = rng.choice(JOURNALS)
    found["volume"] = str(rng.randint(1, 60))
    found["issue"] = str(rng.randint(1, 4))
    start = rng.randint(1, 400)
    found["page"] = f"{start}-{start + rng.randint(5, 40)}"
    if rng.random() < 0.5:
        found["DOI"] = f"10.{rng.randint(1000, 99999)}/invented.{number}"
    if rng.random() < 0.3:
        found["ISSN"] = f"{rng.randint(1000, 9999)}-{rng.randint(100, 999)}X"
    if rng.random() < 0.4:
        found["journalAbbreviation"] = "".join(w[0] for w in found["container-title"].split())


def book(rng: random.Random, found: dict[str, Any], number: int) -> None:
    found["publisher"] = rng.choice(PUBLISHERS)
    found["publisher-place"] = rng.choice(PLACES)
    if rng.random() < 0.4:
        found["ISBN"] = f"978-{rng.randint(0, 9)}-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}-{number % 10}"
    if rng.random() < 0.3:
        found["edition"] = str(rng.randint(2, 5))
    if rng.random() < 0.2:
        found["collection-title"] = f"{rng.choice(WORDS)} Dizisi"
        found["collection-number"] = str(rng.randint(1, 40))
    if rng.random() < 0.3:
        found["number-of-pages"] = str(rng.randint(90, 700))
    if rng.random() < 0.2:
        found["translator"] = [person(rng)]


def chapter(rng: random.Random, found: dict[str, Any], number: int) -> None:
    found["container-title"] = title(rng, found["language"] == "en")
    found["editor"] = [person(rng)]
    found["publisher"] = rng.choice(PUBLISHERS)
    start = rng.randint(1, 300)
    found["page"] = f"{start}-{start + rng.randint(8, 30)}"
    if found["type"] == "paper-conference":
        found["event-title"] = f"{rng.choice(WORDS)} Sempozyumu"
        found["event-place"] = rng.choice(PLACES)


def thesis(rng: random.Random, found: dict[str, Any], number: int) -> None:
    found["genre"] = rng.choice(("Doktora Tezi", "Yüksek Lisans Tezi", "PhD thesis"))
    found["publisher"] = f"{rng.choice(PLACES)} Hayali Üniversitesi"


def newspaper_article(rng: random.Random, found: dict[str, Any], number: int) -> None:
    found["container-title"] = rng.choice(NEWSPAPERS)
    found["page"] = str(rng.randint(1, 8))
    if rng.random() < 0.5:
        found["issue"] = str(rng.randint(1, 900))


def archival_document(rng: random.Random, found: dict[str, Any], number: int) -> None:
    found["archive"] = rng.choice(ARCHIVES)
    fonds, box, document = rng.randint(1, 30), rng.randint(1, 1500), rng.randint(1, 200)
    found["archive_location"] = f"Fon: {fonds}, Kutu: {box}, Belge: {document}"
    if rng.random() < 0.3:
        found["archive-place"] = rng.choice(PLACES)


def parliamentary(rng: random.Random, found: dict[str, Any], number: int) -> None:
    found["authority"] = "Hayali Meclis"
    found["number"] = str(rng.randint(1, 900))
    found["section"] = f"Devre {rng.randint(1, 5)}"


def web(rng: random.Random, found: dict[str, Any], number: int) -> None:
    found["container-title"] = f"{rng.choice(WORDS)} Çevrimiçi"
    found["URL"] = f"https://example.org/{found['id']}"
    found["accessed"] = {"date-parts": [[2023, rng.randint(1, 12), rng.randint(1, 28)]]}


def interview(rng: random.Random, found: dict[str, Any], number: int) -> None:
    found["interviewer"] = [person(rng)]
    found["medium"] = "Ses kaydı"


def film(rng: random.Random, found: dict[str, Any], number: int) -> None:
    found["director"] = [person(rng)]
    found["dimensions"] = f"{rng.randint(60, 150)} dk."


FILL = {
    "article-journal": journal_article,
    "book": book,
    "report": book,
    "chapter": chapter,
    "paper-conference": chapter,
    "thesis": thesis,
    "article-newspaper": newspaper_article,
    "manuscript": archival_document,
    "hearing": parliamentary,
    "legislation": parliamentary,
    "webpage": web,
    "post-weblog": web,
    "interview": interview,
    "motion_picture": film,
}


def item(rng: random.Random, kind: str, number: int) -> dict[str, Any]:
    english = rng.random() < 0.3
    authors = [person(rng) for _ in range(rng.choice((1, 1, 1, 2, 3)))]
    first = authors[0].get("family") or authors[0]["literal"].split()[0]
    key = f"{fold(first).replace(' ', '')}{number:03d}"  # Better BibTeX keys are ASCII
    found: dict[str, Any] = {"id": key, "citation-key": key, "type": kind}
    if kind not in ("hearing", "legislation"):
        found["author"] = authors
    found["title"] = title(rng, english)
    found["issued"] = issued(rng, kind)
    found["language"] = "en" if english else "tr"
    if kind in FILL:
        FILL[kind](rng, found, number)
    if rng.random() < 0.15:
        found["note"] = f"{rng.choice(WORDS)} üzerine not."
    if rng.random() < 0.1:
        found["abstract"] = f"{title(rng, english)}."
    if rng.random() < 0.1:
        found["call-number"] = f"{rng.choice('ABCDEF')}{rng.randint(100, 999)}"
    if rng.random() < 0.2:
        found["title-short"] = found["title"].split(":")[0].split()[0]
    return found


def build() -> list[dict[str, Any]]:
    rng = random.Random(20181218)
    kinds = [kind for kind, count in TYPES for _ in range(count)]
    return [item(rng, kind, number) for number, kind in enumerate(kinds, 1)]


def render() -> str:
    return json.dumps(build(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    OUTPUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUTPUT} ({len(build())} items)")
