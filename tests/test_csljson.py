"""CSL-JSON ↔ Source records: the mapping, dates as printed, the reader, and round trips."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sources
from sources.bib.csldate import date_text, date_variable
from sources.bib.csljson import from_csl, parse_csl_json, to_csl
from sources.model import SourceKind

HERE = Path(__file__).resolve().parent
SCHEMA = HERE / "schemas" / "csl-data.json"
ZOTERO = HERE / "cases" / "zotero-export.json"


def normal(item: dict[str, Any]) -> dict[str, Any]:
    """An item as its meaning: dates as written, numbers as text (CSL-JSON allows both)."""
    found: dict[str, Any] = {}
    for variable, value in item.items():
        if isinstance(value, dict) and variable != "custom":
            found[variable] = date_text(value)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            found[variable] = str(value)
        else:
            found[variable] = value
    return found


def fields(source: sources.Source) -> list[tuple[str, str]]:
    return sorted((name.casefold(), value) for name, value in source.fields)


def validate(items: list[dict[str, Any]]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(items, json.loads(SCHEMA.read_text(encoding="utf-8")))


# ---- the curated bibliography -----------------------------------------------------------------


def test_every_curated_entry_comes_back_from_csl_json_with_every_field() -> None:
    for source in sources.bibliography().sources:
        back, lost = from_csl(json.loads(json.dumps(to_csl(source))), "x.json", source.line)
        assert lost == []
        assert (back.key, back.entry_type, back.kind) == (source.key, source.entry_type, source.kind)
        assert fields(back) == fields(source), source.key
        assert (back.authors, back.editors, back.translators) == (source.authors, source.editors, source.translators)


def test_the_curated_export_validates_against_the_csl_data_schema() -> None:
    validate([to_csl(source) for source in sources.bibliography().sources])


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        pytest.param(
            "topal2018",
            {
                "id": "topal2018",
                "type": "article-journal",
                "author": [{"family": "Topal", "given": "Coşkun"}],
                "title": "Türk-Rus İlişkileri ve Moskova Anlaşması",
                "container-title": "KAREN — Karadeniz Araştırmaları Enstitüsü Dergisi",
                "issued": {"date-parts": [[2018]]},
                "volume": "4",
                "issue": "6",
                "page": "313–330",
                "DOI": "10.31765/karen.505956",
                "language": "tr",
                "custom": {
                    "usera": "sources-facts.json (certain): journaltitle, pages, doi; article text (running heads): "
                    "author, title, year, volume, number"
                },
            },
            id="a journal article: number is the issue, langid a language code, usera kept in custom",
        ),
        pytest.param(
            "atase",
            {"id": "atase", "type": "manuscript", "archive": "ATASE", "custom": {"shorthand": "ATASE"}},
            id="an archive entry names the archive, and nothing else is made up",
        ),
        pytest.param(
            "genelkurmay1999",
            {
                "id": "genelkurmay1999",
                "type": "document",
                "author": [{"literal": "T.C. Genelkurmay Başkanlığı"}],
                "issued": {"date-parts": [[1999]]},
            },
            id="a body written in braces is one literal name",
        ),
        pytest.param(
            "tbmmgizlicelse1999",
            {
                "id": "tbmmgizlicelse1999",
                "type": "hearing",
                "title": "T.B.M.M. Gizli Celse Zabıtları",
                "issued": {"date-parts": [[1999]]},
                "language": "tr",
            },
            id="parliamentary minutes are a hearing",
        ),
        pytest.param(
            "ustaoglu1339",
            {
                "id": "ustaoglu1339",
                "type": "document",
                "author": [{"literal": "Ustaoğlu Mahmud Midhat"}],
                "issued": {
                    "date-parts": [[1920, 9, 15], [1924, 2, 29]],
                    "literal": "1339 [1920-09-15/1924-02-29]",
                },
            },
            id="a year that is Rumi or Hijri spans both readings and keeps its written form",
        ),
    ],
)
def test_curated_entries_map_to_these_items(key: str, expected: dict[str, Any]) -> None:
    source = sources.bibliography().get(key)
    assert source is not None
    assert to_csl(source) == expected


def test_a_newspaper_keeps_its_entry_type_through_custom() -> None:
    source = sources.bibliography().get("hakimiyetimilliye")
    assert source is not None
    item = to_csl(source)
    assert item["type"] == "periodical"
    assert item["custom"]["entrytype"] == "periodical" and item["custom"]["entrysubtype"] == "newspaper"
    assert from_csl(item)[0].kind is SourceKind.PERIODICAL


# ---- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "variable"),
    [
        pytest.param("1978", {"date-parts": [[1978]]}, id="a Gregorian year"),
        pytest.param("1921-06-01", {"date-parts": [[1921, 6, 1]]}, id="an ISO day"),
        pytest.param("1920/1921", {"date-parts": [[1920], [1921]]}, id="an ISO range"),
        pytest.param("1920~", {"date-parts": [[1920]], "circa": True}, id="an approximate year"),
        pytest.param(
            "1 Haziran 1337",
            {"date-parts": [[1921, 6, 1]], "literal": "1 Haziran 1337 [1921-06-01]"},
            id="a Rumi day: as written, then its Gregorian day",
        ),
        pytest.param(
            "12 Recep 1339",
            {"date-parts": [[1921, 3, 21], [1921, 3, 23]], "literal": "12 Recep 1339 [1921-03-21/1921-03-23]"},
            id="a Hijri day: the tabular date plus or minus the day the moon may differ",
        ),
        pytest.param(
            "1978a", {"date-parts": [[1978]], "literal": "1978a"}, id="a year with a letter sorts as the year"
        ),
        pytest.param("Spring 1920", {"literal": "Spring 1920"}, id="what no calendar reads stays literal"),
    ],
)
def test_dates_map_to_date_variables_and_back(written: str, variable: dict[str, Any]) -> None:
    assert date_variable(written) == variable
    assert date_text(variable) == written


def test_a_rumi_date_sorts_by_its_gregorian_day() -> None:
    earlier = date_variable("1 Mart 1337")  # 1 March 1921
    later = date_variable("15 Haziran 1921")
    assert earlier["date-parts"][0] < later["date-parts"][0]


# ---- the reader --------------------------------------------------------------------------------


def test_items_carry_their_line_and_problems_are_diagnostics() -> None:
    text = (
        '[\n  {"id": "a", "type": "book", "title": "A"},\n  {"id": "a", "type": "book"},\n  3,\n'
        '  {"id": "b", "type": "book", "issued": {"date-parts": [[1921]], "season": 2}, "custom": {"n": [1]}}\n]\n'
    )
    bibliography = parse_csl_json(text, "lib.json")
    assert [(s.key, s.line) for s in bibliography.sources] == [("a", 2), ("b", 5)]
    assert [(d.code, d.line) for d in bibliography.diagnostics] == [
        ("SRC402", 3),
        ("SRC401", 4),
        ("SRC414", 5),
        ("SRC414", 5),
    ]
    assert bibliography.get("b").year == "1921"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        pytest.param('{"id": "a"}', 1, id="an object instead of an array"),
        pytest.param('[\n  {"id": "a", "type": "book"},\n  {"id": \n', 3, id="an item cut short"),
        pytest.param('[{"id": "a", "type": "book"} {"id": "b"}]', 1, id="a missing comma"),
        pytest.param('[{"id": "a", "type": "book"},\n', 2, id="an array never closed"),
    ],
)
def test_broken_json_is_one_diagnostic_with_its_line(text: str, line: int) -> None:
    bibliography = parse_csl_json(text, "bad.json")
    assert [(d.code, d.path, d.line) for d in bibliography.diagnostics] == [("SRC401", "bad.json", line)]


def test_an_empty_array_is_an_empty_bibliography() -> None:
    assert parse_csl_json("[]").sources == ()


# ---- a Zotero / Better BibTeX export -----------------------------------------------------------


def test_the_zotero_fixture_is_what_its_script_writes() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("zotero_export", HERE / "cases" / "zotero_export.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.render() == ZOTERO.read_text(encoding="utf-8")


def test_a_zotero_export_loads_round_trips_and_validates() -> None:
    items = json.loads(ZOTERO.read_text(encoding="utf-8"))
    assert len(items) >= 400
    validate(items)
    bibliography = sources.bibliography(ZOTERO)
    assert bibliography.diagnostics == ()
    assert [s.key for s in bibliography.sources] == [item["id"] for item in items]
    again = [to_csl(source) for source in bibliography.sources]
    validate(again)
    assert [normal(item) for item in again] == [normal(item) for item in items]


def test_a_zotero_export_is_checked_like_a_bib_file() -> None:
    findings = sources.check(bib=ZOTERO)
    codes = {d.code for d in findings.diagnostics if d.path == str(ZOTERO)}
    assert "SRC405" in codes  # the embedded article cites none of these invented works
    assert "SRC407" in codes  # the fixture's invented ISBNs fail their check digit
    archival = [s for s in sources.bibliography(ZOTERO).sources if s.kind is SourceKind.ARCHIVE]
    assert len(archival) == 30  # every manuscript of the fixture names its archive
    assert all({"library", "userc"} <= {name for name, _ in s.fields} for s in archival)


# ---- property: any item of these shapes comes back ---------------------------------------------

_WORD = st.text(alphabet="abcçdefgğhıijklmnoöprsştuüvyzâ", min_size=1, max_size=8).map(
    lambda w: w[0].upper() + w[1:] if w[0] != "i" else "İ" + w[1:]
)
_WORDS = st.lists(_WORD, min_size=1, max_size=3).map(" ".join)
_PERSON = st.one_of(
    st.builds(lambda f, g: {"family": f, "given": g}, _WORDS, _WORDS),
    st.builds(
        lambda f, g, p: {"family": f, "given": g, "non-dropping-particle": p},
        _WORD,
        _WORD,
        st.sampled_from(["van der", "de", "von"]),
    ),
    st.builds(lambda f, g: {"family": f, "given": g, "suffix": "Jr."}, _WORD, _WORD),
    st.builds(lambda f: {"family": f}, _WORD),
    st.builds(lambda text: {"literal": text}, _WORDS),
)
_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20)
_DATE = st.one_of(
    st.builds(lambda y: {"date-parts": [[y]]}, st.integers(1450, 2100)),
    st.builds(
        lambda y, m, d: {"date-parts": [[y, m, d]]}, st.integers(1450, 2100), st.integers(1, 12), st.integers(1, 28)
    ),
    st.builds(lambda y, z: {"date-parts": [[y], [y + z]]}, st.integers(1450, 2000), st.integers(1, 50)),
    st.builds(
        lambda d, m, y: {"literal": f"{d} {m} {y}"},
        st.integers(1, 28),
        st.sampled_from(["Mart", "Recep"]),
        st.integers(1300, 1340),
    ),
    st.just({"literal": "1339"}),
)
_STRING_VARIABLES = (
    "title container-title collection-title publisher publisher-place volume issue number page edition genre "
    "URL DOI ISBN ISSN note abstract archive archive_location archive-place call-number medium section source "
    "status version keyword event-title event-place original-title title-short number-of-pages language"
).split()
_TYPES = [
    "article-journal",
    "article-newspaper",
    "book",
    "chapter",
    "thesis",
    "manuscript",
    "hearing",
    "legislation",
    "webpage",
    "report",
    "periodical",
    "post-weblog",
    "interview",
    "collection",
    "article",
    "document",
]


@st.composite
def csl_items(draw: st.DrawFn) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": draw(st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1)),
        "type": draw(st.sampled_from(_TYPES)),
    }
    for variable in draw(st.lists(st.sampled_from(_STRING_VARIABLES), unique=True, max_size=8)):
        item[variable] = draw(st.sampled_from(["tr", "en", "Turkish"])) if variable == "language" else draw(_TEXT)
    for variable in draw(
        st.lists(
            st.sampled_from(["author", "editor", "translator", "interviewer", "container-author"]),
            unique=True,
            max_size=3,
        )
    ):
        item[variable] = draw(st.lists(_PERSON, min_size=1, max_size=3))
    for variable in draw(st.lists(st.sampled_from(["issued", "accessed", "event-date"]), unique=True, max_size=2)):
        item[variable] = draw(_DATE)
    custom = draw(st.dictionaries(st.sampled_from(["usera", "userb", "shorthand", "short_id"]), _TEXT, max_size=2))
    if custom:
        item["custom"] = custom
    return item


@settings(max_examples=300, deadline=None)
@given(csl_items())
def test_any_csl_item_comes_back_with_every_variable(item: dict[str, Any]) -> None:
    source, lost = from_csl(item)
    assert lost == []
    again = to_csl(source)
    assert normal(again) == normal(item)
    validate([again])


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["id", "type", "author", "issued", "custom", "title", "x"]), inner, max_size=4
        )
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_JSON, max_size=4))
def test_any_json_array_reads_without_an_exception(items: list[Any]) -> None:
    bibliography = parse_csl_json(json.dumps(items), "any.json")
    rejected = [d for d in bibliography.diagnostics if d.code in ("SRC401", "SRC402")]
    assert len(bibliography.sources) + len(rejected) == len(items)  # each item is read or reported
    for source in bibliography.sources:
        to_csl(source)


@pytest.mark.parametrize(
    ("bib", "issued", "custom"),
    [
        pytest.param("year = 1921, month = jun", {"date-parts": [[1921, 6]]}, None, id="a BibTeX month macro"),
        pytest.param("year = {1921}, month = {6}", {"date-parts": [[1921, 6]]}, None, id="a month number"),
        pytest.param(
            "year = {1339}, month = {3}",
            {"date-parts": [[1920, 9, 15], [1924, 2, 29]], "literal": "1339 [1920-09-15/1924-02-29]"},
            {"month": "3"},
            id="a month does not join a year in another calendar: it is kept apart",
        ),
        pytest.param(
            "date = {1921-06-01}, year = {1920}", {"date-parts": [[1921, 6, 1]]}, {"year": "1920"}, id="date wins"
        ),
    ],
)
def test_bibtex_dates_become_one_issued_and_nothing_is_dropped(
    bib: str, issued: dict[str, Any], custom: dict[str, str] | None
) -> None:
    from sources.bib.bibtex import parse_bibliography

    item = to_csl(parse_bibliography(f"@book{{k, {bib}}}\n").sources[0])
    assert item["issued"] == issued
    assert item.get("custom") == custom
