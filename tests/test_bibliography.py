"""refs/bibliography.bib and the bibliography reader: round trip, typed sources, provenance."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

import sources
from biber import biber_warnings, needs_biber
from sources.bib.bibtex import dump, parse_bibliography, write_bibliography
from sources.model import SourceKind

ROOT = Path(__file__).resolve().parent.parent
REFS = ROOT / "refs" / "bibliography.bib"
FACTS = ROOT / "refs" / "sources-facts.json"


def test_the_packaged_bibliography_is_refs_bibliography() -> None:
    packaged = ROOT / "src" / "sources" / "data" / "bibliography.bib"
    assert packaged.read_bytes() == REFS.read_bytes()


def test_refs_bibliography_reads_cleanly_and_round_trips_byte_for_byte() -> None:
    text = REFS.read_text(encoding="utf-8")
    bibliography = parse_bibliography(text, str(REFS))
    assert bibliography.library.failed_blocks == []
    assert bibliography.diagnostics == ()
    assert len(bibliography.sources) == 67  # 66 cited works and the article itself
    assert dump(bibliography.library) == text


def test_keys_are_guessable() -> None:
    keys = [source.key for source in sources.bibliography().sources]
    assert len(keys) == len(set(keys))
    assert all(re.fullmatch(r"[a-z]+(\d{4})?", key) for key in keys), keys
    assert {"tuncay1978", "tengirsek1981", "biyiklioglu1958", "biyiklioglu1981", "atase", "topal2018"} <= set(keys)


def test_the_article_itself_is_an_entry() -> None:
    article = sources.bibliography().get("topal2018")
    assert article is not None and article.kind is SourceKind.ARTICLE
    assert (article.title, article.year, article.volume, article.number, article.pages, article.doi) == (
        "Türk-Rus İlişkileri ve Moskova Anlaşması",
        "2018",
        "4",
        "6",
        "313–330",  # LaTeX's -- decoded
        "10.31765/karen.505956",
    )


def test_name_variants_are_recorded() -> None:
    bibliography = sources.bibliography()
    assert "Tengirşek" in bibliography.get("tengirsek1981").variants  # type: ignore[union-attr]
    assert "Kerim Sadi" in bibliography.get("cerrahoglu1975").variants  # type: ignore[union-attr]
    assert "Hakimiyet-i Milliye" in bibliography.get("hakimiyetimilliye").variants  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("tuncay1978", SourceKind.BOOK),
        ("benhur2008", SourceKind.ARTICLE),
        ("atase", SourceKind.ARCHIVE),
        ("hakimiyetimilliye", SourceKind.PERIODICAL),
        ("tbmmzc", SourceKind.PARLIAMENTARY),
        ("documents1970", SourceKind.DOCUMENT_COLLECTION),
        ("kandemir", SourceKind.WORK),
    ],
)
def test_entries_are_typed_by_kind(key: str, kind: SourceKind) -> None:
    source = sources.bibliography().get(key)
    assert source is not None and source.kind is kind


def _haystack() -> str:
    """Everything the article says (rejoined) and everything sources-facts.json states."""
    if not FACTS.exists():
        pytest.skip(f"{FACTS} is not beside this checkout")
    result = sources.read()
    body = " ".join(c.text for f in result.footnotes if f.claim for c in [f.claim])
    notes = " ".join(f.text for f in result.footnotes if f.text)
    facts: list[str] = []

    def strings(value: object) -> None:
        if isinstance(value, str):
            facts.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                strings(item)
        elif isinstance(value, list):
            for item in value:
                strings(item)

    strings(json.loads(FACTS.read_text("utf-8")))
    return " ".join([result.document.text, body, notes, *facts])


_CHECKED = ("title", "journal", "publisher", "location", "isbn", "doi", "url", "volume", "number")


def test_every_field_comes_from_the_article_or_the_facts() -> None:
    haystack = _haystack()
    for source in sources.bibliography().sources:
        for attribute in _CHECKED:
            value = getattr(source, attribute)
            if value is not None:
                assert value.replace("–", "-") in haystack, (source.key, attribute, value)
        for name in source.authors + source.translators:
            assert name.last in haystack, (source.key, name)
            assert name.first in haystack, (source.key, name)


def test_fields_not_from_the_citations_say_where_they_came_from() -> None:
    linked = sources.link()
    for source in linked.bibliography.sources:
        cited = " ".join(c.raw for _, c in linked.citing(source.key))
        for attribute in (*_CHECKED, "translators"):
            value = getattr(source, attribute)
            if value and str(value).replace("–", "-") not in cited:
                field = {"journal": "journaltitle", "location": "location", "translators": "translator"}.get(
                    attribute, attribute
                )
                assert source.provenance and field in source.provenance, (source.key, attribute)
        if any(name.first and name.first not in cited for name in source.authors):
            assert source.provenance and ("name" in source.provenance or "author" in source.provenance), source.key


def test_no_entry_has_a_title_nobody_gave() -> None:
    # Most works are cited only as "Surname, Year: page": their entries stay without titles.
    untitled = [s.key for s in sources.bibliography().sources if s.title is None]
    assert len(untitled) == 48
    assert "carr1989" in untitled and "kurat2014" in untitled and "benhur2008" in untitled


# ---- the reader on small files -------------------------------------------------------------


def test_comments_unknown_fields_and_latex_survive_a_round_trip() -> None:
    text = (
        "% a comment\n\n\n@book{x1990,\n  author = {Tun{\\c{c}}er, Ali and {T.C. Bakanlığı}},\n"
        '  title = "Bir {Kitap}",\n  year = 1990,\n  somethingnew = {kept},\n}\n'
    )
    bibliography = parse_bibliography(text)
    assert dump(bibliography.library) == text
    source = bibliography.sources[0]
    assert [(n.first, n.last) for n in source.authors] == [("Ali", "Tunçer"), ("", "T.C. Bakanlığı")]
    assert source.title == "Bir Kitap"
    assert ("somethingnew", "kept") in source.fields


def test_failed_blocks_and_duplicate_keys_are_diagnostics_with_lines() -> None:
    text = "@misc{a,\n  year = {1},\n}\n\n@misc{a,\n  year = {2},\n}\n\n@misc{b,\n  title = {open\n"
    bibliography = parse_bibliography(text, "bad.bib")
    assert [(d.code, d.path, d.line) for d in bibliography.diagnostics] == [
        ("SRC402", "bad.bib", 5),
        ("SRC401", "bad.bib", 9),
    ]
    assert [s.key for s in bibliography.sources] == ["a"]


def test_writing_is_atomic_and_exact(tmp_path: Path) -> None:
    target = tmp_path / "out.bib"
    bibliography = sources.bibliography(REFS)
    write_bibliography(bibliography.library, target)
    assert target.read_bytes() == REFS.read_bytes()
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left behind


def test_a_missing_bib_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(sources.InputError):
        sources.bibliography(tmp_path / "none.bib")


@needs_biber
def test_biber_validates_the_data_model(tmp_path: Path) -> None:
    shutil.copy(REFS, tmp_path / "bibliography.bib")
    # What biber does warn about are the gaps: titles and years the article never gives.
    warnings = biber_warnings(tmp_path / "bibliography.bib")
    assert warnings and all("Missing mandatory field" in line for line in warnings)
