"""Footnotes of the article, verified by reading it, and of small texts built for one rule each."""

from __future__ import annotations

import pytest

import sources
from sources.model import Footnote, Footnotes


def by_number(result: Footnotes) -> dict[int, Footnote]:
    return {footnote.number: footnote for footnote in result.footnotes}


def marker_line(result: Footnotes, number: int) -> int:
    marker = by_number(result)[number].marker
    assert marker is not None
    return result.document.index.locate(marker.span.start)[0]


# ---- the article -------------------------------------------------------------------------


def test_every_note_with_text_and_every_marker_is_found(article: Footnotes) -> None:
    notes = [f.number for f in article.footnotes if f.note is not None]
    markers = [f.number for f in article.footnotes if f.marker is not None]
    assert notes == list(range(1, 89))  # 88 notes have text
    assert markers == list(range(1, 91))  # 90 markers; the file ends before notes 89 and 90


def test_only_the_missing_notes_are_reported(article: Footnotes) -> None:
    found = [(d.code, d.footnote, d.line) for d in article.diagnostics if d.code.startswith(("SRC0", "SRC1"))]
    assert found == [("SRC101", 89, 2705), ("SRC101", 90, 2713)]


@pytest.mark.parametrize("number", [22, 62, 66, 78, 85])
def test_notes_cut_by_the_next_column_are_rejoined(article: Footnotes, number: int) -> None:
    note = by_number(article)[number].note
    assert note is not None
    assert len(note.fragments) == 2


def test_no_other_note_is_split(article: Footnotes) -> None:
    split = [f.number for f in article.footnotes if f.note and len(f.note.fragments) > 1]
    assert split == [22, 62, 66, 78, 85]


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (1, "Burçak, 1983: 4-5."),
        (5, "Yıldırım-Özönder, 1991: 15-17"),
        (11, "Benhür, 2008; http://sutad.selcuk.edu.tr/sutad/article/view/415."),
        (
            40,
            "İngiliz Rus Ticaret Anlaşması için bk. Documents on British Foreign Policy 1919-1939 "
            "First Series, 1970: 838-841 (No. 845).",
        ),
        (45, "Hâkimiyet-i Milliye, 28 Haziran 1921, nr:221."),
        (71, "ATASE, ISH: 8, K: 396, B: 60-1; Kırzıoğlu, 1991: 212-213."),
        (88, "Hakimiyet-i Milliye, 1 Haziran 1337-1921, nr. 200."),
        (
            62,
            "Gümrü Antlaşması’ndan sonra TBMM hükûmeti, Kafkasya’da bulunan cumhuriyetlere siyasî "
            "ilişkiler kurulması amacıyla temsilciler göndermişti. Sovyet Azerbaycan’a Memduh Şevket "
            "(Esendal), Sovyet Ermenistan’a Kur. Yzb. Bahaeddin (Kuban), Menşevik Gürcistan’a Kur. Alb. "
            "Kâzım (Dirik) gönderildiği gibi, Karakilis’te mütareke kontrol heyeti başkanı Kur. Yzb. "
            "Hüsamettin (Tuğaç) de 11. Kızılordu Komutanı Gekker nezdinde irtibat subaylığı yapıyordu. "
            "Bk. Bıyıklıoğlu, 1958: 31.",
        ),
        (
            85,
            "Ali Fuat Paşa’nın hâtıralarında, Talât Paşa grubuna mensup kişilerin Enver Paşa’yı "
            "muhteris bir zat olarak niteledikleri, Bedri Bey’in eline bırakmama düşüncesiyle hareket "
            "etmeleri ve Enver Paşa’nın gelecek için vaatlerde bulunması sonucunda bu birleşmenin münasip "
            "görüldüğü kaydedilmektedir. Cebesoy, 2002: 221.",
        ),
    ],
    ids=lambda value: str(value) if isinstance(value, int) else "",
)
def test_note_texts(article: Footnotes, number: int, text: str) -> None:
    assert by_number(article)[number].text == text


@pytest.mark.parametrize(
    ("number", "fragment"),
    [
        (18, "T.B.M.M. Gizli Celse Zabıtları, 1999: 159."),
        (22, "ezberlemişti ve bunu baştan başa her yerde tekrarlar dururdu."),
        (29, "Cerrahoğlu (Kerim Sadi): 1975: 446-450."),
        (33, "Müdafaa-i Milliye Vekâletinin"),
        (37, "Anadolu’ya taşıma girişimi için bk. Aslan, 1997: 264-327."),
        (58, "Tengirşek, 1981: 217-218."),
        (63, "Bk. ATASE, ISH: 12, K: 759, B: 116-1."),
        (66, "Süleyman Necati Beyler"),
        (78, "Tunçay, 1978: 11-112."),
    ],
    ids=lambda value: str(value) if isinstance(value, int) else "",
)
def test_note_texts_keep_their_ends_and_real_hyphens(article: Footnotes, number: int, fragment: str) -> None:
    text = by_number(article)[number].text
    assert text is not None and fragment in text


def test_no_note_swallows_body_text_or_a_running_head(article: Footnotes) -> None:
    for footnote in article.footnotes:
        assert "KAREN 2018" not in (footnote.text or "")
    texts = {f.number: f.text for f in article.footnotes}
    assert texts[20] is not None and texts[20].endswith("Bkz. T.B.M.M. Gizli Celse Zabıtları, 1999: 159.")
    assert texts[1] == "Burçak, 1983: 4-5."  # not the English abstract after it


@pytest.mark.parametrize(
    ("number", "line", "page"),
    [
        (1, 205, 315),
        (26, 964, 319),
        (43, 1415, 322),
        (50, 1550, 322),
        (62, 1936, 324),
        (89, 2705, 329),
        (90, 2713, 329),
    ],
    ids=["after-full-stop", "before-full-stop", "late-in-page", "in-a-heading", "after-comma", "note-lost", "last"],
)
def test_markers_have_line_and_page(article: Footnotes, number: int, line: int, page: int) -> None:
    footnote = by_number(article)[number]
    assert footnote.marker is not None and footnote.marker.page == page
    assert marker_line(article, number) == line


@pytest.mark.parametrize(
    ("number", "claim"),
    [
        (
            1,
            "İki ülke, 1682 yılından 1918 yılına kadar savaşlar, ittifaklar, yardımlar ve dostlukların "
            "yaşandığı yaklaşık 250 yıllık sürecin beşte birini mücadele ile geçirmişlerdi.",
        ),
        (
            3,
            "Ancak yeni hükûmetin savaşı sürdürmekteki ısrarı, başarısızlığına neden olmuş ve iktidar "
            "7 Kasım 1917’de, Lenin’in başkanlığı altında Bolşeviklere intikal etmişti.",
        ),
        (26, "Bu şekilde komünizm düşüncesine ilişkin bütün cereyanları bir yerde toplamak mümkün olabilecekti."),
        (
            43,
            "21 Kasım 1920’de Ali Fuad Paşa Moskova’da görevine başlarken 5 Mart 1921’de Budi Medivani "
            "TBMM Reisi Mustafa Kemal Paşa’ya güven mektubunu sunmuştu.",
        ),
        (50, "Yeni Türkiye ve Sovyet Rusya Arasında İlk Antlaşma (Moskova 16 Mart 1921)"),
        (
            57,
            "Stalin, Ermenistan sorununun görüşmelerde ele alınıp alınmayacağı hakkında Türk heyetinin "
            "sorusunu “Siz Ermenistan meselesini kendi kendinize hallettiniz. Eğer daha halledeceğiniz bir "
            "şey kalmış ise onu da hallediniz, fakat zamanını kat’î olarak bildiriniz.” sözleriyle "
            "cevaplandırmıştı.",
        ),
        (89, "Vakit gazetesi ise konu hakkında “Enver’in Hâinâne Entrikaları” yorumunu yapıyordu."),
    ],
    ids=[
        "ends-sentence",
        "crosses-page",
        "marker-before-stop",
        "line-starts-with-date",
        "heading",
        "quotation",
        "no-note",
    ],
)
def test_claims(article: Footnotes, number: int, claim: str) -> None:
    found = by_number(article)[number].claim
    assert found is not None and found.text == claim


def test_two_markers_in_one_sentence_share_its_claim(article: Footnotes) -> None:
    footnotes = by_number(article)
    claim62, claim63 = footnotes[62].claim, footnotes[63].claim
    assert claim62 is not None and claim63 is not None
    assert claim62.text == claim63.text
    assert claim62.text.startswith("Ermenistan’da bulunan TBMM temsilcisi Bahaeddin Bey, Doğu Cephesi")
    assert claim62.text.endswith("cephe kumandanlığından soruyordu.")


def test_claims_carry_no_marker_digits(article: Footnotes) -> None:
    claim = by_number(article)[62].claim
    assert claim is not None and "Bey, Doğu" in claim.text


def test_sections(article: Footnotes) -> None:
    assert [(s.number, s.title) for s in article.sections] == [
        ("1", "Türkiye-Rusya İlişkilerinin Tarihsel Boyutu"),
        ("2", "Mütareke Dönemi Türkiye-Sovyet Rusya İlişkileri"),
        ("3", "TBMM’nin Açılışı Sonrası Türkiye-Sovyet Rusya İlişkileri"),
        ("3.1", "Anadolu’da Bolşevik Yanlısı Hareketlere Ara Verilmesi"),
        ("4", "Yeni Türkiye ve Sovyet Rusya Arasında İlk Antlaşma (Moskova 16 Mart 1921)"),
        ("4.1", "Batum’da Yaşanan Sorunlar"),
        ("4.2", "İki Ülke İlişkilerinde İttihatçılar ve Enver Paşa"),
        (None, "Sonuç"),
    ]


@pytest.mark.parametrize(("number", "section"), [(1, "1"), (20, "3"), (21, "3.1"), (50, "4"), (90, "4.2")])
def test_claims_know_their_section(article: Footnotes, number: int, section: str) -> None:
    claim = by_number(article)[number].claim
    assert claim is not None and claim.section is not None and claim.section.number == section


# ---- small texts, one convention each ---------------------------------------------------------


def read(text: str) -> Footnotes:
    return sources.read_text(text, "case.txt", first_page=1)


def test_a_rule_separates_notes_from_body() -> None:
    result = read(
        "Birinci iddia buradadır.1 İkinci iddia da kaynak gösterir.2\n"
        "-----------------------------------------\n"
        "1 Yazar, 1990: 12.\n"
        "2 Başka, 2001: 5-7.\n"
    )
    assert [(f.number, f.text, f.claim and f.claim.text) for f in result.footnotes] == [
        (1, "Yazar, 1990: 12.", "Birinci iddia buradadır."),
        (2, "Başka, 2001: 5-7.", "İkinci iddia da kaynak gösterir."),
    ]
    assert result.diagnostics == ()


def test_a_body_line_starting_with_a_date_is_not_a_note() -> None:
    result = read("Ordu yürüdü.1\n2 Mart 1921’de ordu durdu.\n-----------------\n1 Yazar, 1990: 12.\n")
    assert [f.number for f in result.footnotes] == [1]
    assert result.footnotes[0].claim is not None


def test_years_ranges_and_ordinals_are_not_markers() -> None:
    result = read(
        "1920’de 3-4 Mayıs ve 22/23 Şubat günleri 15. yüzyıl, 3.1. bölüm ve H2O.1\n"
        "-----------------\n"
        "1 Yazar, 1990: 12.\n"
    )
    assert [f.number for f in result.footnotes if f.marker] == [1]


@pytest.mark.parametrize(
    ("body", "numbers", "codes"),
    [
        ("Bir.1 İki.3\n", [1, 2, 3], ["SRC102"]),
        ("Bir.1 İki.2 Üç.2\n", [1, 2], ["SRC104"]),
        ("Bir.2 İki.1\n", [1, 2], ["SRC105"]),
    ],
    ids=["note-without-marker", "duplicate-marker", "out-of-order"],
)
def test_numbering_problems_are_diagnostics(body: str, numbers: list[int], codes: list[str]) -> None:
    notes = "".join(f"{n} Yazar, 199{n}: {n}.\n" for n in (1, 2, 3) if n in numbers or n < 3)
    result = read(body + "-----------------\n" + notes)
    assert [d.code for d in result.diagnostics] == codes


def test_a_skipped_number_is_a_gap() -> None:
    result = read("Bir.1 Üç.3\n-----------------\n1 Yazar, 1990: 1.\n3 Yazar, 1993: 3.\n")
    assert [(d.code, d.footnote) for d in result.diagnostics] == [("SRC103", 2)]


def test_a_text_without_footnotes_gives_an_empty_result() -> None:
    result = read("Düz bir metin.\nHiç dipnotu yok.\n")
    assert result.footnotes == ()
    assert result.diagnostics == ()
