"""The article's bibliography and notes in CSL styles: golden files, order, and what a note keeps."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sources
from golden import compare
from sources.bib.resolve import Resolved
from sources.collation import sort_key_for
from sources.model import SourceKind
from sources.rendering.document import render_resolved
from sources.rendering.items import cited_keys

BIBLIOGRAPHIES = [
    ("isnad-dipnotlu", "tr-TR"),
    ("chicago-notes-bibliography", "en-US"),
    ("apa", "en-US"),
    ("modern-language-association", "en-US"),
]
NOTES = [("isnad-dipnotlu", "tr-TR"), ("chicago-notes-bibliography", "en-US")]
EXTENSIONS = {"text": "txt", "html": "html"}


@pytest.fixture(scope="module")
def linked() -> Resolved:
    return sources.link()


@pytest.mark.parametrize("format", ["text", "html"])
@pytest.mark.parametrize(("style", "lang"), BIBLIOGRAPHIES, ids=[style for style, _ in BIBLIOGRAPHIES])
def test_the_article_bibliography_matches_its_golden_file(linked: Resolved, style: str, lang: str, format: str) -> None:
    rendering = render_resolved(linked, style, lang=lang, format=format)
    compare(f"render/bibliography.{style}.{lang}.{EXTENSIONS[format]}", rendering.text)


@pytest.mark.parametrize(("style", "lang"), NOTES, ids=[style for style, _ in NOTES])
def test_the_article_notes_match_their_golden_file(linked: Resolved, style: str, lang: str) -> None:
    rendering = render_resolved(linked, style, lang=lang, notes=True)
    compare(f"render/notes.{style}.{lang}.txt", rendering.text)


@pytest.mark.parametrize(("style", "lang"), BIBLIOGRAPHIES, ids=[style for style, _ in BIBLIOGRAPHIES])
def test_every_cited_work_appears_once_or_is_named_in_a_warning(linked: Resolved, style: str, lang: str) -> None:
    """A style prints nothing for some works (Chicago: a work without a title): the gap is a warning."""
    rendering = render_resolved(linked, style, lang=lang)
    keys = [key for key, _ in rendering.bibliography]
    assert len(keys) == len(set(keys))
    assert set(keys) <= set(cited_keys(linked))
    missing = set(cited_keys(linked)) - set(keys)
    assert all(any(f"item {key}:" in warning for warning in rendering.warnings) for key in missing)
    if style != "chicago-notes-bibliography":
        assert not missing


def test_an_entry_the_text_does_not_cite_is_left_out(linked: Resolved) -> None:
    uncited = {s.key for s in linked.bibliography.sources} - set(cited_keys(linked))
    assert uncited, "the curated bibliography has an entry the article does not cite"
    keys = {key for key, _ in render_resolved(linked).bibliography}
    assert not keys & uncited


# (letter, its Turkish neighbour, a name with the letter, a name with the neighbour), the name with the
# neighbour chosen to come first in an untailored order.
NEIGHBOURS = [
    ("C", "Ç", "Cuma", "Çelik"),
    ("G", "Ğ", "Agah", "Ağa"),
    ("I", "İ", "Ilgaz", "İnalcık"),
    ("O", "Ö", "Ozan", "Öcal"),
    ("S", "Ş", "Sarı", "Şen"),
    ("U", "Ü", "Uz", "Ün"),
]


@pytest.mark.parametrize("style", ["isnad-dipnotlu", "isnad-metinici"])
@pytest.mark.parametrize(
    ("letter", "neighbour", "name", "later"), NEIGHBOURS, ids=[f"{a} before {b}" for a, b, _, _ in NEIGHBOURS]
)
def test_isnad_lists_in_turkish_alphabetical_order(
    linked: Resolved, style: str, letter: str, neighbour: str, name: str, later: str
) -> None:
    from sources.csl import Style

    people = [
        {"id": family, "type": "book", "title": "Kitap", "author": [{"family": family, "given": "A."}]}
        for family in (later, name)
    ]
    assert [key for key, _ in Style.load(style).render(people, lang="tr-TR").bibliography] == [name, later]
    # On the article: every entry under the letter before every entry under its neighbour.
    archives = {s.key for s in linked.bibliography.sources if s.kind is SourceKind.ARCHIVE}
    listing = [text for key, text in render_resolved(linked, style).bibliography if key not in archives]
    letters = [next(char for char in entry if char.isalpha()) for entry in listing]
    if letter in letters and neighbour in letters:
        assert max(i for i, c in enumerate(letters) if c == letter) < min(
            i for i, c in enumerate(letters) if c == neighbour
        )


def _heads(linked: Resolved) -> list[str]:
    archives = {s.key for s in linked.bibliography.sources if s.kind is SourceKind.ARCHIVE}
    entries = [text for key, text in render_resolved(linked).bibliography if key not in archives]
    return [re.sub(r"^\W+", "", entry).split(",")[0].split(".")[0] for entry in entries]


def test_dotless_i_comes_before_dotted_i_in_the_article_bibliography(linked: Resolved) -> None:
    heads = _heads(linked)
    assert heads.index("Bıyıklıoğlu") < heads.index("Bilge")
    assert heads.index("Kırzıoğlu") < heads.index("Kocaoğlu")


def test_the_article_bibliography_runs_in_turkish_order(linked: Resolved) -> None:
    """Entries with a name or title run in the Turkish alphabet (the style lists the archives last)."""
    heads = _heads(linked)
    assert heads == sorted(heads, key=sort_key_for("tr"))


def test_notes_keep_their_commentary_and_replace_each_citation(linked: Resolved) -> None:
    notes = dict(render_resolved(linked, notes=True).notes)
    original = {f.number: f.text for f in linked.footnotes.footnotes if f.text}
    assert notes.keys() == original.keys()
    # The first citation of a work is full, a later one short; the commentary between stays.
    first = next(n for n, text in original.items() if "Tunçay, 1978" in text)
    assert "Mete Tunçay, Türkiye’de Sol Akımlar 1908-1925, 1978, 130." in notes[first]
    assert "Yeşil Ordu Cemiyeti’nin Mustafa Kemal Paşa’nın bilgisi dâhilinde kurulduğu" in notes[first]
    assert "Bkz. Tunçay, Türkiye’de Sol Akımlar 1908-1925, 141." in notes[first]
    # No cite ends in the style's period before the note's own punctuation (77 writes "285.;" itself).
    doubled = [n for n, text in notes.items() if re.search(r"\d\.[.;,]|\.\.(?!\.)", text.replace("...", ""))]
    assert doubled == [n for n in doubled if re.search(r"\d\.[.;,]", original[n])]


def test_a_work_and_its_address_in_one_note_are_one_cite(linked: Resolved) -> None:
    notes = dict(render_resolved(linked, "chicago-notes-bibliography", lang="en-US", notes=True).notes)
    both = [n for n, text in ((f.number, f.text or "") for f in linked.footnotes.footnotes) if "http://" in text]
    assert notes[both[0]].count("Benhür") == 1


def test_a_cite_the_style_cannot_shorten_stays_as_written_with_a_warning(linked: Resolved) -> None:
    """isnad-dipnotlu's short form of a manuscript is its title; the curated ATASE entry has none."""
    rendering = render_resolved(linked, notes=True)
    notes = dict(rendering.notes)
    archived = [f.number for f in linked.footnotes.footnotes if any(c.source == "atase" for c in f.citations)]
    assert all("ATASE, ISH" in notes[n] for n in archived)
    assert any("no form here" in warning for warning in rendering.warnings)


def test_a_note_with_an_unresolved_citation_is_left_as_written(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text("@book{yilmaz1978, author = {Yılmaz, Ali}, title = {Kitap}, year = {1978}}\n", encoding="utf-8")
    text = tmp_path / "article.txt"
    text.write_text(
        "Bir cümle.1 İkinci cümle.2\n\n1 Yılmaz, 1978: 12. Bir açıklama.\n2 Kaya, 1990: 5.\n", encoding="utf-8"
    )
    rendering = sources.render(text, bib=bib, notes=True)
    notes = dict(rendering.notes)
    assert notes[1] == "Ali Yılmaz, Kitap, 1978, 12. Bir açıklama."
    assert notes[2] == "Kaya, 1990: 5."
    assert any(w.startswith("note 2:") and "left as written" in w for w in rendering.warnings)


def test_rumi_and_hijri_dates_show_their_gregorian_equivalent_in_the_style_language(linked: Resolved) -> None:
    turkish = dict(render_resolved(linked).bibliography)["ustaoglu1339"]
    english = dict(render_resolved(linked, "apa", lang="en-US").bibliography)["ustaoglu1339"]
    british = dict(render_resolved(linked, "apa", lang="en-GB").bibliography)["ustaoglu1339"]
    assert "1339 [15 Eylül 1920–29 Şubat 1924]" in turkish
    assert "1339 [September 15, 1920–February 29, 1924]" in english
    assert "1339 [15 September 1920–29 February 1924]" in british


def test_the_export_keeps_its_iso_bracket() -> None:
    exported = json.loads(sources.export(to="csl-json").text)
    issued = next(item["issued"] for item in exported if item["id"] == "ustaoglu1339")
    assert issued["literal"] == "1339 [1920-09-15/1924-02-29]"


@pytest.mark.parametrize(
    ("format", "marks"),
    [
        ("html", ('<ol class="notes">', '<li value="1">')),
        ("markdown", ("[^1]: ",)),
        ("latex", ("\\footnotetext[1]{",)),
    ],
)
def test_notes_in_each_markup(linked: Resolved, format: str, marks: tuple[str, ...]) -> None:
    text = render_resolved(linked, notes=True, format=format).text
    assert all(mark in text for mark in marks)


def test_latex_bibliography_items_carry_their_keys(linked: Resolved) -> None:
    text = render_resolved(linked, format="latex").text
    assert text.startswith("\\begin{thebibliography}")
    assert "\\bibitem{tuncay1978} Tunçay, Mete." in text


def test_an_author_date_style_gives_the_in_note_parenthetical_form(linked: Resolved) -> None:
    notes = dict(render_resolved(linked, "apa", lang="en-US", notes=True).notes)
    assert notes[1].startswith("(Burçak, 1983, pp. 4-5)") or notes[1].startswith("(Burçak, 1983, pp. 4–5)")


POSITIONS_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><title>Positions</title><id>positions</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation near-note-distance="5">
    <layout suffix=".">
      <choose>
        <if position="ibid-with-locator"><text value="ibid, "/><text variable="locator"/></if>
        <else-if position="ibid"><text value="ibid"/></else-if>
        <else-if position="near-note"><text value="near "/><text variable="title"/></else-if>
        <else-if position="subsequent">
          <text value="short "/><text variable="title"/><text variable="first-reference-note-number" prefix=" n. "/>
        </else-if>
        <else><text value="full "/><text variable="title"/><text variable="locator" prefix=", "/></else>
      </choose>
    </layout>
  </citation>
</style>
"""


def test_each_note_cite_takes_the_position_the_style_asks_for(tmp_path: Path) -> None:
    """First full, then ibid with or without a locator, near-note, and a short form naming the first note."""
    notes = [
        "Yılmaz, 1978: 12.",
        "Yılmaz, 1978: 14.",
        "Yılmaz, 1978: 14.",
        "Kaya, 1990: 5.",
        "Yılmaz, 1978: 3.",
        *["Kaya, 1990: 6."] * 6,
        "Bir açıklama; Yılmaz, 1978: 7.",
    ]
    text, bib = _two_works_text(tmp_path, notes)
    style = tmp_path / "positions.csl"
    style.write_text(POSITIONS_STYLE, encoding="utf-8")
    rendered = dict(sources.render(text, bib=bib, style=style, notes=True).notes)
    assert [rendered[n] for n in (1, 2, 3, 4, 5, 6, 7, 12)] == [
        "full Kitap, 12.",
        "ibid, 14.",
        "ibid.",
        "full Defter, 5.",
        "near Kitap.",
        "near Defter.",
        "ibid.",
        "Bir açıklama; short Kitap n. 1.",
    ]


@pytest.mark.parametrize(
    ("format", "expected"),
    [
        ("html", "Tom &#38; Jerry &#60;b&#62;. Ali Yılmaz, <i>Kitap</i>, 1978, 12."),
        ("latex", "Tom \\& Jerry <b>. Ali Yılmaz, \\emph{Kitap}, 1978, 12."),
        ("text", "Tom & Jerry <b>. Ali Yılmaz, Kitap, 1978, 12."),
    ],
)
def test_the_note_text_is_escaped_for_the_format_and_the_cite_keeps_its_markup(
    tmp_path: Path, format: str, expected: str
) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text("@book{yilmaz1978, author = {Yılmaz, Ali}, title = {Kitap}, year = {1978}}\n", encoding="utf-8")
    text = tmp_path / "article.txt"
    text.write_text("Bir cümle.1\n\n1 Tom & Jerry <b>. Yılmaz, 1978: 12.\n", encoding="utf-8")
    assert dict(sources.render(text, bib=bib, notes=True, format=format).notes)[1] == expected


def test_an_unknown_output_format_is_a_usage_error(linked: Resolved) -> None:
    with pytest.raises(sources.SourcesError, match="unknown output format 'rtf'"):
        render_resolved(linked, format="rtf")


def test_another_article_with_a_note_cut_by_a_column_is_rewritten(tmp_path: Path) -> None:
    """The realistic second article of test_other_article: its note 2 runs on in the next column."""
    from test_other_article import extraction

    text = tmp_path / "other.txt"
    text.write_text(extraction(), encoding="utf-8")
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@book{demirci2004, author = {Demirci, Hasan}, title = {Liman Kentleri}, year = {2004}}\n"
        "@book{karaca1998, author = {Karaca, Emine}, title = {Gümrük Defterleri}, year = {1998}}\n"
        "@book{ozturk2011, author = {Öztürk, Ayşe}, title = {Tütün}, publisher = {Tarih Vakfı}, year = {2011}}\n"
        "@misc{boa, title = {BOA}, shorthand = {BOA}, entrysubtype = {archive}}\n",
        encoding="utf-8",
    )
    rendering = sources.render(text, bib=bib, notes=True)
    assert rendering.notes == (
        (1, "Hasan Demirci, Liman Kentleri, 2004, 45-47."),
        (
            2,
            "Emine Karaca, Gümrük Defterleri, 1998, 112. Gümrük defterlerindeki kayıtlar, ihracatın yıllara göre "
            "dağılımını ayrıntılı olarak vermektedir; bu kayıtların bir kısmı yangında kaybolmuştur. "
            "Bk. Ayşe Öztürk, Tütün (Tarih Vakfı, 2011), 230-235.",
        ),
        (3, "BOA, DH: 12, K: 45, B: 3-1."),
        (4, "Karaca, Gümrük Defterleri, 130; Demirci, Liman Kentleri, 52."),
    )
    assert [key for key, _ in rendering.bibliography] == ["demirci2004", "karaca1998", "ozturk2011", "boa"]


def test_each_warning_is_given_once(linked: Resolved) -> None:
    rendering = render_resolved(linked, "chicago-notes-bibliography", lang="xx-YY", notes=True)
    assert len(rendering.warnings) == len(set(rendering.warnings))
    assert "unknown locale 'xx-YY': using en-US" in rendering.warnings


@pytest.mark.parametrize(
    ("style", "lang", "expected"),
    [
        ("isnad-dipnotlu", "tr-TR", "“Hâkimiyet-i Milliye”, 1 Haziran 1337-1921 [1 Haziran 1921], sy. 200."),
        ("chicago-notes-bibliography", "en-US", "Hâkimiyet-i Milliye, 1 Haziran 1337-1921 [June 1, 1921], no. 200."),
    ],
)
def test_a_dated_newspaper_issue_is_cited_as_that_issue(linked: Resolved, style: str, lang: str, expected: str) -> None:
    rendering = render_resolved(linked, style, lang=lang, notes=True)
    issue = next(f.number for f in linked.footnotes.footnotes if f.text and "nr. 200" in f.text)
    assert dict(rendering.notes)[issue] == expected
    assert [key for key, _ in rendering.bibliography].count("hakimiyetimilliye") == 1


ZOTERO = Path(__file__).parents[1] / "cases" / "zotero-export.json"


@pytest.mark.parametrize("style", ["isnad-dipnotlu", "apa", "chicago-notes-bibliography"])
def test_a_text_citing_a_zotero_export_renders(tmp_path: Path, style: str) -> None:
    """The Zotero-shaped CSL-JSON fixture (hundreds of items of every type) as the bibliography."""
    text = tmp_path / "article.txt"
    text.write_text(
        "Bir cümle.1 İkinci cümle.2 Üçüncü cümle.3\n\n"
        "1 Dubois, 1891: 12.\n2 Pamukçu, 1901: 4-5. Bir açıklama. Bk. Dubois, 1891: 13.\n3 Yokyok, 1950: 1.\n",
        encoding="utf-8",
    )
    rendering = sources.render(text, bib=ZOTERO, style=style, lang="tr-TR", notes=True, format="json")
    data = json.loads(rendering.text)
    assert [key for key, _ in data["bibliography"]] == [key for key, _ in rendering.bibliography]
    assert len(rendering.bibliography) == 2  # the two works the text cites of the 420
    notes = dict(rendering.notes)
    assert "12" in notes[1] and "Bir açıklama. Bk." in notes[2]
    assert notes[3] == "Yokyok, 1950: 1."
    assert any(w.startswith("note 3:") for w in rendering.warnings)


def test_every_commentary_of_the_article_survives_the_rewriting(linked: Resolved) -> None:
    notes = dict(render_resolved(linked, notes=True).notes)
    commentary = [(f.number, " ".join(c.text.split())) for f in linked.footnotes.footnotes for c in f.commentary]
    assert len(commentary) > 40
    assert [(n, text) for n, text in commentary if text not in notes[n]] == []


SENTENCES = [
    "Bu konuda farklı görüşler vardır.",
    "Heyet Ankara’ya dönmüştü.",
    "Geniş bilgi için bk.",
    "Anlaşma imzalanmıştı; ancak yürürlüğe girmedi.",
    "Raporda “çok gizli” ibaresi vardı.",
]
CITES = ["Yılmaz, 1978: {}", "Kaya, 1990: {}-{}", "Yılmaz, 1978: {} vd."]


@st.composite
def notes_text(draw: st.DrawFn) -> list[str]:
    notes = []
    for _ in range(draw(st.integers(1, 6))):
        parts = []
        for _ in range(draw(st.integers(1, 4))):
            if draw(st.booleans()):
                parts.append(draw(st.sampled_from(SENTENCES)))
            else:
                form = draw(st.sampled_from(CITES))
                pages = sorted(draw(st.lists(st.integers(1, 400), min_size=2, max_size=2)))
                parts.append(form.format(*pages) + draw(st.sampled_from([".", ";"])))
        notes.append(" ".join(parts))
    return notes


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(notes=notes_text(), style=st.sampled_from(["isnad-dipnotlu", "chicago-notes-bibliography", "apa"]))
def test_rewriting_keeps_every_commentary_of_any_note(tmp_path: Path, notes: list[str], style: str) -> None:
    text, bib = _two_works_text(tmp_path, notes)
    read = sources.link(text, bib=bib)
    rendering = render_resolved(read, style, lang="tr-TR", notes=True)
    rewritten = dict(rendering.notes)
    for footnote in read.footnotes.footnotes:
        for commentary in footnote.commentary:
            assert " ".join(commentary.text.split()) in rewritten[footnote.number]


def _two_works_text(folder: Path, notes: list[str]) -> tuple[Path, Path]:
    """A PDF-style text whose sentence n carries note n, and a .bib of the two works the notes cite."""
    body = " ".join(f"Cümle {n}.{n}" for n in range(1, len(notes) + 1))
    text = folder / "article.txt"
    text.write_text(body + "\n\n" + "\n".join(f"{n} {note}" for n, note in enumerate(notes, 1)) + "\n", "utf-8")
    bib = folder / "refs.bib"
    bib.write_text(
        "@book{yilmaz1978, author = {Yılmaz, Ali}, title = {Kitap}, year = {1978}}\n"
        "@book{kaya1990, author = {Kaya, Ayşe}, title = {Defter}, year = {1990}}\n",
        encoding="utf-8",
    )
    return text, bib
