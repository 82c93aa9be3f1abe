"""RIS ↔ Source records through rispy: what RIS carries comes back, what it cannot is named."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sources
from sources.bib.ris import dump_ris, parse_ris


def test_the_curated_bibliography_parses_back_with_rispy() -> None:
    import rispy

    text, _ = dump_ris(sources.bibliography().sources)
    records = rispy.loads(text)
    assert [r["id"] for r in records] == [s.key for s in sources.bibliography().sources]
    topal = records[0]
    assert {k: topal[k] for k in ("type_of_reference", "authors", "title", "year", "start_page", "end_page")} == {
        "type_of_reference": "JOUR",
        "authors": ["Topal, Coşkun"],
        "title": "Türk-Rus İlişkileri ve Moskova Anlaşması",
        "year": "2018",
        "start_page": "313",
        "end_page": "330",
    }
    assert not text.startswith("1.")  # no record numbers for other readers to choke on


def test_what_ris_carries_comes_back_and_the_rest_is_named() -> None:
    curated = sources.bibliography()
    text, lost = dump_ris(curated.sources)
    back = parse_ris(text, "out.ris")
    assert back.diagnostics == ()
    retyped = set(lost["entry type"])  # named in the warnings: RIS has no type for them
    for source, again in zip(curated.sources, back.sources, strict=True):
        assert again.kind is source.kind or source.key in retyped
        assert (again.key, again.title, again.year, again.publisher, again.isbn, again.doi) == (
            source.key,
            source.title,
            source.year,
            source.publisher,
            source.isbn,
            source.doi,
        )
        assert [(n.first, n.last) for n in again.authors] == [(n.first, n.last) for n in source.authors]
    assert set(lost) == {"usera", "userb", "shorthand", "entry type"}
    assert lost["shorthand"] == ["atase", "ca", "tbmmzc"]


def test_a_rumi_year_keeps_its_written_form_in_the_date_tag() -> None:
    text, _ = dump_ris([sources.bibliography().get("ustaoglu1339")])  # type: ignore[list-item]
    assert "PY  - 1920" in text and "DA  - 1920/09/15/1339" in text
    assert parse_ris(text).sources[0].year == "1339"


@pytest.mark.parametrize(
    ("record", "key"),
    [
        pytest.param("TY  - BOOK\nAU  - Tunçay, Mete\nPY  - 1978\nER  - \n", "tuncay1978", id="author and year"),
        pytest.param("TY  - BOOK\nTI  - Adsız\nER  - \n", "ris", id="neither"),
    ],
)
def test_a_record_without_id_gets_an_author_year_key(record: str, key: str) -> None:
    bibliography = parse_ris(record + "\n" + record, "zotero.ris")
    assert [s.key for s in bibliography.sources] == [key, key + "b"]
    assert [s.line for s in bibliography.sources] == [1, record.count("\n") + 2]


def test_a_ris_file_is_read_by_its_extension(tmp_path: pytest.TempPathFactory) -> None:
    path = tmp_path / "lib.ris"  # type: ignore[operator]
    path.write_text("TY  - JOUR\nID  - x1\nAU  - Yılmaz, Ali\nTI  - Bir Makale\nT2  - Dergi\nPY  - 1990\nER  - \n")
    source = sources.bibliography(path).sources[0]
    assert (source.key, source.entry_type, source.journal, source.year) == ("x1", "article", "Dergi", "1990")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        pytest.param("@book{x,\n}\n", [("SRC401", 1)], id="not RIS at all"),
        pytest.param("TY  - BOOK\nTI  - A\n", [("SRC401", 1)], id="a record ER never closes"),
        pytest.param(
            "TY  - BOOK\nTI  - A\nTY  - JOUR\nTI  - B\nER  - \n", [("SRC401", 1)], id="a record cut by the next"
        ),
        pytest.param(
            "TY  - BOOK\nTI  - A\nXX  - odd\nLB  - label\nER  - \n",
            [("SRC414", 1), ("SRC414", 1)],
            id="tags not kept: one unknown to rispy, one the mapping has no place for",
        ),
    ],
)
def test_what_rispy_would_drop_is_reported(text: str, found: list[tuple[str, int]]) -> None:
    bibliography = parse_ris(text, "bad.ris")
    assert [(d.code, d.line) for d in bibliography.diagnostics] == found


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "TY  - BOOK",
                "TY  - JOUR",
                "AU  - Yılmaz, Ali",
                "AU  - X",
                "PY  - 1339",
                "DA  - 1920/09/15/1339",
                "SP  - 1",
                "EP  - 2",
                "XX  - ?",
                "ER  - ",
                "",
                "garbage",
                "ID  - a",
                "UR  - http://x",
            ]
        ),
        max_size=30,
    )
)
def test_any_ris_lines_read_without_an_exception(lines: list[str]) -> None:
    bibliography = parse_ris("\n".join(lines), "any.ris")
    closed = sum(1 for line in lines if line.startswith("ER"))
    assert len(bibliography.sources) <= closed  # a record counts only once ER closes it
    for source in bibliography.sources:
        dump_ris([source])


def test_repeated_tags_are_joined_or_reported() -> None:
    text = (
        "TY  - BOOK\nID  - a\nN1  - one\nN1  - two\nUR  - http://a.org\nUR  - http://b.org\nKW  - x\nKW  - y\nER  - \n"
    )
    bibliography = parse_ris(text, "lib.ris")
    assert dict(bibliography.sources[0].fields) == {"url": "http://a.org", "note": "one\n\ntwo", "keywords": "x; y"}
    assert [(d.code, d.line) for d in bibliography.diagnostics] == [("SRC414", 1)]
