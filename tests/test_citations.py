"""Citations: every form the article uses, signals, commentary, locators and their problems."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sources
from golden import compare
from sources.model import Citation, CitationKind, Footnotes, LocatorKind


def cite(note: str) -> Footnotes:
    """A one-note text whose note is ``note``."""
    return sources.read_text(f"Bir iddia.1\n{'-' * 30}\n1 {note}\n", "note.txt", first_page=1)


def only(note: str) -> Citation:
    citations = cite(note).citations
    assert len(citations) == 1, citations
    return citations[0]


def row(citation: Citation) -> str:
    pages = ",".join(f"{a}-{'' if b is None else b}" for a, b in citation.locator.pages) if citation.locator else ""
    fields = [
        citation.footnote,
        citation.kind.value,
        citation.name,
        citation.year or "",
        citation.locator.raw if citation.locator else "",
        pages,
        citation.signal or "",
    ]
    return "\t".join(str(field) for field in fields)


# ---- the article -------------------------------------------------------------------------


def test_every_citation_of_the_article(article: Footnotes) -> None:
    """141 citations, each read by hand against the notes (tests/cases/topal-2018-karen.citations.tsv)."""
    header = "footnote\tkind\tname\tyear\tlocator\tpages\tsignal"
    compare("topal-2018-karen.citations.tsv", "\n".join([header, *map(row, article.citations)]) + "\n")
    assert len(article.citations) == 141


def test_kinds_in_the_article(article: Footnotes) -> None:
    counts: dict[str, int] = {}
    for citation in article.citations:
        counts[citation.kind.value] = counts.get(citation.kind.value, 0) + 1
    assert counts == {
        "author_year": 110,
        "author_no_year": 5,
        "institution_year": 4,
        "title_only": 1,
        "archive": 10,
        "newspaper": 3,
        "parliamentary": 3,
        "document_collection": 2,
        "web": 3,
    }


def test_citation_spans_point_at_the_original(article: Footnotes) -> None:
    text = article.document.text
    for citation in article.citations:
        original = " ".join(text[citation.span.start : citation.span.end].split())
        assert original.replace("- ", "-").replace("-", "") == citation.raw.replace("-", "").replace("- ", ""), citation


def test_every_note_with_citations_keeps_its_commentary_apart(article: Footnotes) -> None:
    note = {f.number: f for f in article.footnotes}[39]
    assert [c.raw for c in note.citations] == ["Kandemir, 186", "Tunçay, 1978: 237"]
    assert len(note.commentary) == 1
    assert note.commentary[0].text.startswith("Mustafa Suphi ve arkadaşlarını Trabzon’dan")


def test_a_note_with_no_citation_is_legitimate() -> None:
    result = cite("Bu konuda farklı görüşler vardır.")
    assert result.citations == ()
    assert [c.text for c in result.footnotes[0].commentary] == ["Bu konuda farklı görüşler vardır."]
    assert result.diagnostics == ()


# ---- each form -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "kind", "name", "year", "locator"),
    [
        ("Tunçay, 1978: 130.", "author_year", "Tunçay", "1978", "130"),
        ("Yıldırım-Özönder, 1991: 15-17", "author_year", "Yıldırım-Özönder", "1991", "15-17"),
        ("Bk. K. Çağlayan, 1998: 513.", "author_year", "K. Çağlayan", "1998", "513"),
        ("Kandemir, 186.", "author_no_year", "Kandemir", None, "186"),
        ("Çoruhlu, Tefrika No.3.", "author_no_year", "Çoruhlu", None, "Tefrika No.3"),
        ("T.C. Genelkurmay Başkanlığı, 1999: 135.", "institution_year", "T.C. Genelkurmay Başkanlığı", "1999", "135"),
        (
            "Atatürk’ün Tamim, Telgraf ve Beyannameleri, 360.",
            "title_only",
            "Atatürk’ün Tamim, Telgraf ve Beyannameleri",
            None,
            "360",
        ),
        ("ATASE, ISH: 16, K: 1129, B: 95-1.", "archive", "ATASE", None, "ISH: 16, K: 1129, B: 95-1"),
        ("ATASE, ISH: 11, K: 745, B: 151-1 ve 2.", "archive", "ATASE", None, "ISH: 11, K: 745, B: 151-1 ve 2"),
        ("CA, A= III-7-b, D= 20, F= 29,29-1, 29-2.", "archive", "CA", None, "A= III-7-b, D= 20, F= 29,29-1, 29-2"),
        (
            "Hakimiyet-i Milliye, 1 Haziran 1337-1921, nr. 200.",
            "newspaper",
            "Hakimiyet-i Milliye",
            "1337-1921",
            "nr. 200",
        ),
        ("Varlık, 12 Kânun-ısâni 1338, Sayı: 19.", "newspaper", "Varlık", "1338", "Sayı: 19"),
        (
            "Bk. TBMMZC, Devre I, İçtima 2, Cilt X: 285.",
            "parliamentary",
            "TBMMZC",
            None,
            "Devre I, İçtima 2, Cilt X: 285",
        ),
        (
            "T.B.M.M. Gizli Celse Zabıtları, 1999: 159.",
            "parliamentary",
            "T.B.M.M. Gizli Celse Zabıtları",
            "1999",
            "159",
        ),
        (
            "Documents on British Foreign Policy 1919-1939 First Series, 1970: 838-841 (No. 845).",
            "document_collection",
            "Documents on British Foreign Policy 1919-1939 First Series",
            "1970",
            "838-841 (No. 845)",
        ),
        (
            "Harp Tarihi Belgeleri Dergisi, 1974: Belge No:1543.",
            "document_collection",
            "Harp Tarihi Belgeleri Dergisi",
            "1974",
            "Belge No:1543",
        ),
    ],
    ids=lambda value: value if value in CitationKind._value2member_map_ else "",
)
def test_citation_forms(note: str, kind: str, name: str, year: str | None, locator: str | None) -> None:
    citation = only(note)
    assert (citation.kind.value, citation.name, citation.year) == (kind, name, year)
    assert (citation.locator.raw if citation.locator else None) == locator


def test_an_alias_between_name_and_year() -> None:
    citation = only("Cerrahoğlu (Kerim Sadi): 1975: 446-450.")
    assert (citation.name, citation.alias, citation.year) == ("Cerrahoğlu", "Kerim Sadi", "1975")
    assert citation.locator is not None and citation.locator.pages == ((446, 450),)


def test_a_url_is_rejoined_and_given_to_the_citation_before_it() -> None:
    result = sources.read_text(
        "Bir iddia.1\n" + "-" * 30 + "\n1 Benhür, 2008; http://sutad.selcuk.edu.tr/sutad/ar-\nticle/view/415.\n",
        "note.txt",
    )
    first, web = result.citations
    assert web.kind is CitationKind.WEB
    assert web.name == web.url == "http://sutad.selcuk.edu.tr/sutad/article/view/415"
    assert first.url == web.url
    assert [d.code for d in result.diagnostics] == []  # the URL stands in for a page


def test_several_citations_in_one_note_share_the_signal_of_their_list() -> None:
    citations = cite(
        "Edhem için bk. Atatürk, 2000: 511-524; Apak, 1990: 218-219. Başka bir konu. Tunçay, 1978: 5."
    ).citations
    assert [(c.name, c.signal) for c in citations] == [("Atatürk", "bk."), ("Apak", "bk."), ("Tunçay", None)]


@pytest.mark.parametrize(
    ("note", "signal"),
    [
        ("Geniş bilgi için bk. Tunçay, 1978: 185 vd.", "Geniş bilgi için bk."),
        ("Konu için bkz. Tunçay, 1978: 5.", "bkz."),
        ("Bkz. Tunçay, 1978: 5.", "Bkz."),
        ("Cemiyet hakkında ayrıntılı bilgi için bkz. Kocaoğlu, 2003.", "ayrıntılı bilgi için bkz."),
        ("Rol oynamıştı Bk. Tunçay, 1978: 235-236.", "Bk."),
    ],
)
def test_signals(note: str, signal: str) -> None:
    assert only(note).signal == signal


def test_commentary_between_citations_is_kept_apart() -> None:
    footnote = cite("Belen, 1973: 182. Heyet 4 Ekim 1920’de Ankara’ya varmıştır. Jaechke, 1989: 123.").footnotes[0]
    assert [c.raw for c in footnote.citations] == ["Belen, 1973: 182", "Jaechke, 1989: 123"]
    assert [c.text for c in footnote.commentary] == ["Heyet 4 Ekim 1920’de Ankara’ya varmıştır."]


def test_the_same_work_cited_twice_in_one_note() -> None:
    citations = cite("Cebesoy, 2002: 150. Bir görüş vardır. Bk. Cebesoy, 2002: 150.").citations
    assert [(c.raw, c.signal) for c in citations] == [("Cebesoy, 2002: 150", None), ("Cebesoy, 2002: 150", "Bk.")]


def test_commentary_that_names_people_is_not_a_citation() -> None:
    result = cite("Mete Tunçay, Şerif Manatov’un 24 Mayıs 1920’de geldiğini kaydeder. Bkz. Tunçay, 1978: 177.")
    assert [c.raw for c in result.citations] == ["Tunçay, 1978: 177"]


# ---- locators ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "pages", "kinds"),
    [
        ("Tunçay, 1978: 185 vd.", ((185, None),), ["open-range"]),
        ("Tunçay, 1978: 130, 145-150.", ((130, 130), (145, 150)), ["page", "page-range"]),
        ("Smith, 1990: 217-18.", ((217, 218),), ["page-range"]),
        ("Bayur, 1995: s. 65-66.", ((65, 66),), ["page-range"]),
        ("Varlık, 12 Kânun-ısâni 1338, Sayı: 19.", (), ["issue"]),
        ("Çoruhlu, Tefrika No.3.", (), ["instalment"]),
        ("Harp Tarihi Belgeleri Dergisi, 1974: Belge No:1543.", (), ["document"]),
        ("Documents on British Foreign Policy, 1970: 838-841 (No. 845).", ((838, 841),), ["page-range", "document"]),
        ("TBMMZC, Devre I, İçtima 2, Cilt X: 285.", ((285, 285),), ["term", "session", "volume", "page"]),
        ("ATASE, ISH: 16, K: 1157, B: 148-1,2,3,4,5 ve 7.", (), ["archival"] * 3),
    ],
    ids=[
        "open-range",
        "list",
        "abbreviated-range",
        "s.-prefix",
        "issue",
        "instalment",
        "document",
        "pages-and-document",
        "parliament",
        "archival-list",
    ],
)
def test_locators_are_typed(note: str, pages: tuple[tuple[int, int | None], ...], kinds: list[str]) -> None:
    locator = only(note).locator
    assert locator is not None
    assert locator.pages == pages
    assert [part.kind.value for part in locator.parts] == kinds


def test_archival_steps_keep_label_and_value() -> None:
    locator = only("ATASE, ISH:10, K: 596, B: 171-1.").locator
    assert locator is not None
    assert [(p.kind, p.label, p.value) for p in locator.parts] == [
        (LocatorKind.ARCHIVAL, "ISH", "10"),
        (LocatorKind.ARCHIVAL, "K", "596"),
        (LocatorKind.ARCHIVAL, "B", "171-1"),
    ]


@pytest.mark.parametrize(
    ("note", "code"),
    [
        ("Tunçay, 1978: 145-112.", "SRC501"),
        ("Tunçay, 1978: 11-112.", "SRC502"),
        ("Tunçay, 1978: 10-400.", "SRC502"),
        ("CA, A= III-7-b, F= 29-329-4 ve 29-5.", "SRC503"),
        ("Kandemir, 186.", "SRC202"),
        ("Kocaoğlu, 2003.", "SRC203"),
        ("Hakimiyet-i Milliye, 1 Haziran 1336-1921, nr. 200.", "SRC504"),
        ("Ustaoğlu Mahmud Midhat, 1339: 27.", "SRC505"),
        ("Bk. Tunçay 1978 130.", "SRC201"),
    ],
    ids=[
        "reversed",
        "repeated-digit",
        "too-wide",
        "merged",
        "no-year",
        "no-locator",
        "dual-date",
        "rumi-or-hijri",
        "unreadable",
    ],
)
def test_suspicious_citations_are_diagnostics(note: str, code: str) -> None:
    assert [d.code for d in cite(note).diagnostics] == [code]


def test_sound_citations_raise_nothing() -> None:
    result = cite("Tunçay, 1978: 130; Hakimiyet-i Milliye, 1 Haziran 1337-1921, nr. 200; ATASE, ISH: 16, K: 1, B: 2.")
    assert len(result.citations) == 3
    assert result.diagnostics == ()


# ---- robustness --------------------------------------------------------------------------------

_NOTE_PIECES = st.sampled_from(
    [
        "Tunçay",
        ", ",
        "1978",
        ": ",
        "130",
        "-",
        ";",
        ". ",
        "Bk. ",
        "ATASE",
        "ISH",
        "=",
        "(",
        ")",
        "vd.",
        "nr. ",
        " ",
        "Haziran",
        "1337-1921",
        "http://a.b/c",
        "ve ",
        "No.",
        "K.",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_NOTE_PIECES, max_size=60).map("".join))
def test_any_note_text_reads_without_error(note: str) -> None:
    result = cite(note)
    for citation in result.citations:
        assert citation.span.start <= citation.span.end
        assert citation.raw
