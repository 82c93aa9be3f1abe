"""Resolution: every citation of the article to its entry, and the rules on small cases."""

from __future__ import annotations

import pytest

import sources
from golden import compare
from sources.bib.bibtex import parse_bibliography
from sources.bib.resolve import Resolved, Status, fold, resolve
from sources.model import Footnotes


@pytest.fixture(scope="module")
def linked() -> Resolved:
    return sources.link()


def test_every_citation_of_the_article_resolves(linked: Resolved) -> None:
    assert len(linked.resolutions) == 141
    assert {r.status for r in linked.resolutions} == {Status.RESOLVED}
    assert not [d for d in linked.diagnostics if d.code.startswith(("SRC3", "SRC4"))]


def test_the_works_verified_by_hand(linked: Resolved) -> None:
    """Each distinct (name, year) as cited → its entry: 68 ways of citing 66 works."""
    pairs = sorted({(r.citation.name, r.citation.year or "", r.source or "") for r in linked.resolutions})
    compare("topal-2018-karen.works.tsv", "".join(f"{n}\t{y}\t{k}\n" for n, y, k in pairs))
    assert len(pairs) == 68
    assert len({key for _, _, key in pairs}) == 66


def test_different_works_never_share_an_entry(linked: Resolved) -> None:
    by_key: dict[str, set[str]] = {}
    for r in linked.resolutions:
        by_key.setdefault(r.source or "", set()).add(fold(r.citation.name) + " " + (r.citation.year or ""))
    shared = {key: names for key, names in by_key.items() if len(names) > 1}
    # The only entries cited in more than one way: a newspaper spelt two ways with two
    # dates, and an article cited by name and by its address.
    assert set(shared) == {"hakimiyetimilliye", "benhur2008"}


def test_citations_json_carries_the_key(linked: Resolved) -> None:
    assert all(c.source for c in linked.footnotes.citations)


def test_a_source_and_its_claims_both_ways(linked: Resolved) -> None:
    uses = linked.citing("tuncay1978")
    assert len(uses) == 15 and len({f.number for f, _ in uses}) == 13
    footnote, citation = uses[0]
    assert (footnote.number, citation.locator.raw if citation.locator else None) == (21, "130")
    assert footnote.claim is not None and footnote.claim.text.startswith("Sovyet Rusya ile işbirliğini")
    note36 = next(f for f in linked.footnotes.footnotes if f.number == 36)
    assert [(s.key, c.locator.raw if c.locator else None) for c, s in linked.sources_of(note36)] == [
        ("atase", "ISH:10, K: 596, B: 171-1"),
        ("ataturk2000", "511-524"),
        ("genelkurmay1999", "88-144"),
        ("apak1990", "218-219"),
        ("ozalp1988", "166-170"),
        ("nadi1978", "392-395"),
    ]


# ---- the rules, on small cases ---------------------------------------------------------------

_BIB = """
@misc{tuncay1978, author = {Tunçay, Mete}, year = {1978}, userb = {Tunçai}}
@misc{aslan1997, author = {Aslan}, year = {1997}}
@misc{aslan2002, author = {Aslan}, year = {2002}}
@misc{kandemir, author = {Kandemir}}
@misc{cerrahoglu1975, author = {Cerrahoğlu, A.}, year = {1975}, userb = {Kerim Sadi}}
@misc{atase, title = {ATASE}, shorthand = {ATASE}, entrysubtype = {archive}}
@article{web2008, author = {Benhür}, year = {2008}, url = {http://example.org/a/1}}
@book{genelkurmay1999, author = {{T.C. Genelkurmay Başkanlığı}}, year = {1999}}
"""


def link(note: str) -> Resolved:
    result: Footnotes = sources.read_text(f"Bir iddia.1\n{'-' * 30}\n1 {note}\n", "note.txt", first_page=1)
    return resolve(result, parse_bibliography(_BIB, "test.bib"))


@pytest.mark.parametrize(
    ("note", "key"),
    [
        ("Tunçay, 1978: 130.", "tuncay1978"),
        ("TUNÇAY, 1978: 130.", "tuncay1978"),
        ("Tuncay, 1978: 130.", "tuncay1978"),
        ("Tunçai, 1978: 130.", "tuncay1978"),
        ("Aslan, 2002: 14.", "aslan2002"),
        ("Kandemir, 186.", "kandemir"),
        ("Kerim Sadi, 1975: 446.", "cerrahoglu1975"),
        ("Cerrahoğlu (Kerim Sadi): 1975: 446-450.", "cerrahoglu1975"),
        ("Bk. ATASE, ISH: 16, K: 1129, B: 95-1.", "atase"),
        ("T.C. Genelkurmay Başkanlığı, 1999: 135.", "genelkurmay1999"),
        ("http://example.org/a/1.", "web2008"),
    ],
    ids=[
        "exact",
        "upper-case",
        "without-diacritics",
        "recorded-variant",
        "year-decides",
        "unique-without-year",
        "alias-alone",
        "alias-beside-name",
        "archive",
        "institution",
        "url",
    ],
)
def test_resolved(note: str, key: str) -> None:
    resolution = link(note).resolutions[0]
    assert (resolution.status, resolution.source) == (Status.RESOLVED, key)


def test_an_archival_citation_keeps_its_archival_locator() -> None:
    citation = link("ATASE, ISH: 16, K: 1129, B: 95-1.").footnotes.citations[0]
    assert citation.source == "atase"
    assert citation.locator is not None and [p.label for p in citation.locator.parts] == ["ISH", "K", "B"]


def test_a_name_with_two_works_and_no_year_is_ambiguous() -> None:
    linked = link("Aslan, 14.")
    resolution = linked.resolutions[0]
    assert resolution.status is Status.AMBIGUOUS
    assert resolution.candidates == ("aslan1997", "aslan2002")
    assert [d.code for d in linked.diagnostics if d.code.startswith("SRC3")] == ["SRC302"]


def test_a_year_that_no_work_has_is_unresolved_and_says_which_years_exist() -> None:
    linked = link("Aslan, 1999: 14.")
    resolution = linked.resolutions[0]
    assert resolution.status is Status.UNRESOLVED
    assert resolution.candidates == ("aslan1997", "aslan2002")
    assert "aslan1997 (1997), aslan2002 (2002)" in (resolution.reason or "")


def test_an_unknown_name_is_unresolved_with_the_nearest_entries() -> None:
    linked = link("Tunçey, 1978: 130.")
    resolution = linked.resolutions[0]
    assert resolution.status is Status.UNRESOLVED
    assert resolution.candidates[0] == "tuncay1978"
    finding = next(d for d in linked.diagnostics if d.code == "SRC301")
    assert finding.hint is not None and "tuncay1978" in finding.hint
    assert finding.line == 3


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Hâkimiyet-i Milliye", "hakimiyet i milliye"),
        ("IŞIK", "isik"),
        ("İZMİR", "izmir"),
        ("Bıyıklıoğlu", "biyiklioglu"),
    ],
)
def test_folding(text: str, folded: str) -> None:
    assert fold(text) == folded
