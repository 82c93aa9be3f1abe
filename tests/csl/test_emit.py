"""Layouts and macros written as Python functions (sources.csl.emit): what a style holds stays data."""

from __future__ import annotations

import pytest

from csl.inline import bib, cite
from sources.csl import Style
from sources.csl.emit import _code

BOOK = {"id": "a", "type": "book", "title": "Tarih", "publisher": "Dergâh", "issued": {"date-parts": [[1978]]}}


@pytest.mark.parametrize(
    "delimiter",
    ['"); raise SystemExit(1); ("', "'''", "\\", "{item}", "\n", "k1"],
)
def test_a_delimiter_that_looks_like_python_is_output_as_written(delimiter: str) -> None:
    layout = (
        f'<group delimiter="{delimiter.replace(chr(34), "&quot;").replace(chr(10), "&#10;")}">'
        '<text variable="title"/><text variable="publisher"/></group>'
    )
    assert bib(layout, [BOOK]) == [f"Tarih{delimiter}Dergâh"]


def test_a_variable_name_that_looks_like_python_is_only_a_name() -> None:
    """Variable names are bound values of the function, never written into its source."""
    item = BOOK | {"x') or __import__('os').getcwd() or ('": "there"}
    layout = (
        "<choose><if variable=\"x') or __import__('os').getcwd() or ('\">"
        '<text value="taken"/></if><else><text value="not taken"/></else></choose>'
    )
    assert bib(layout, [item]) == ["not taken"]
    assert bib(layout, [BOOK]) == ["not taken"]


def test_styles_of_one_shape_share_compiled_code_but_keep_their_own_values() -> None:
    def layout(delimiter: str, variable: str) -> str:
        return f'<group delimiter="{delimiter}"><text variable="{variable}"/><text variable="publisher"/></group>'

    first = bib(layout(" / ", "title"), [BOOK])
    misses = _code.cache_info().misses
    # Another plain text variable, another delimiter: the same shape, so nothing new is compiled.
    second = bib(layout(" + ", "container-title"), [BOOK | {"container-title": "2"}])
    assert (first, second) == (["Tarih / Dergâh"], ["2 + Dergâh"])
    assert _code.cache_info().misses == misses


@pytest.mark.parametrize("levels", [1, 3, 4, 12, 60])
def test_groups_nested_deeper_than_one_function_render_as_when_flat(levels: int) -> None:
    """Pieces nested beyond a few levels become functions of their own; the output is the same."""
    inner = '<text variable="title"/><text variable="publisher"/>'
    nested = '<group delimiter=", ">' * levels + inner + "</group>" * levels
    assert bib(nested, [BOOK]) == ["Tarih, Dergâh"]
    # Each level empties when its variables do: the term beside them goes too.
    term = '<group delimiter=" "><text value="in"/>' * levels + '<text variable="volume"/>' + "</group>" * levels
    assert bib(f'<group delimiter="; "><text variable="title"/>{term}</group>', [BOOK]) == ["Tarih"]


def test_chooses_nested_in_a_macro_pick_each_branch_by_the_item() -> None:
    macro = (
        '<macro name="where"><choose><if variable="publisher"><choose><if type="book">'
        '<text variable="publisher" prefix="book: "/></if><else><text variable="publisher"/></else></choose></if>'
        '<else-if variable="container-title"><text variable="container-title" prefix="in "/></else-if>'
        '<else><text value="nowhere"/></else></choose></macro>'
    )
    items = [
        BOOK,
        {"id": "b", "type": "report", "publisher": "TTK"},
        {"id": "c", "type": "chapter", "container-title": "Derleme"},
        {"id": "d", "type": "article"},
    ]
    assert bib('<text macro="where"/>', items, macros=macro) == ["book: Dergâh", "TTK", "in Derleme", "nowhere"]
    assert cite('<text macro="where"/>', items, macros=macro) == ["book: Dergâh", "TTK", "in Derleme", "nowhere"]


def test_the_layout_for_any_item_type_is_written_only_when_an_unknown_type_comes() -> None:
    def written() -> int:
        info = _code.cache_info()
        return info.hits + info.misses

    before = written()
    style = Style.load("apa")
    assert written() == before
    style.render([BOOK])
    # Known types are written by the first render; the layout for any other type waits for one.
    before = written()
    style.render([BOOK])
    assert written() == before
    rendered = style.render([BOOK | {"type": "no-such-type"}])
    assert rendered.bibliography[0][1].startswith("Tarih")
    assert written() > before


@pytest.mark.parametrize("decorated", [False, True])
def test_a_plain_text_variable_read_in_place_keeps_the_rules_of_text(decorated: bool) -> None:
    """A hyphen written \\- is a plain one; markup is parsed; a list or a date is no text."""
    suffix = ' font-style="italic" prefix="[" suffix="]"' if decorated else ""
    layout = f'<group delimiter="|"><text variable="title"{suffix}/><text variable="publisher"{suffix}/></group>'
    item = {"id": "a", "title": "Ön\\-söz <b>ve</b> ek", "publisher": ["not", "text"]}
    expected = "[<i>Ön-söz <b>ve</b> ek</i>]" if decorated else "Ön-söz <b>ve</b> ek"
    assert bib(layout, [item], fmt="html") == [expected]


@pytest.mark.parametrize(
    ("condition", "taken"),
    [
        ('variable="volume issue"', ["a"]),
        ('variable="volume issue" match="any"', ["a", "b"]),
        ('variable="volume issue" match="all"', ["a"]),
        ('variable="volume issue" match="none"', ["c", "d"]),
        ('variable="volume"', ["a"]),
        ('variable="volume" match="none"', ["b", "c", "d"]),
        ('type="book chapter"', ["a", "c"]),
        ('type="book chapter" match="none"', ["b", "d"]),
        ('is-numeric="volume"', ["a"]),
        ('is-numeric="volume issue" match="any"', ["a", "b"]),
        ('is-numeric="issue" variable="volume"', ["a"]),
        ('is-numeric="issue" variable="edition"', []),
        ('is-numeric="issue" variable="volume" match="any"', ["a", "b"]),
        ('variable="volume locator" match="any"', ["a", "d"]),
    ],
)
def test_tests_written_as_expressions_take_the_branches_the_spec_says(condition: str, taken: list[str]) -> None:
    """Item tests become expressions (and set tests of the item's keys) in the generated function: every
    match mode, with variables absent, empty ("" and []), numeric or not, and a cite variable."""
    items = [
        {"id": "a", "type": "book", "volume": "3", "issue": "2"},
        {"id": "b", "type": "article", "volume": "", "issue": "7"},
        {"id": "c", "type": "chapter", "volume": [], "issue": ""},
        {"id": "d", "type": "report"},
    ]
    layout = f'<choose><if {condition}><text value="yes"/></if><else><text value="no"/></else></choose>'
    clusters = [[{"id": item["id"], **({"locator": "12"} if item["id"] == "d" else {})}] for item in items]
    rendered = cite(f'<text variable="id"/><text value=":"/>{layout}', items, clusters)
    assert [text.split(":")[0] for text in rendered if text.endswith("yes")] == taken


def test_a_choose_of_thousands_of_branches_takes_the_right_one() -> None:
    """Written as one elif chain, 5,000 branches exhausted Python's compiler stack: the item was lost."""
    branches = "".join(f'<else-if variable="v{n}"><text value="{n}"/></else-if>' for n in range(5000))
    layout = f'<choose><if variable="title"><text value="T"/></if>{branches}<else><text value="none"/></else></choose>'
    items = [{"id": "a", "v4321": "x"}, {"id": "b", "title": "x", "v7": "x"}, {"id": "c"}]
    assert bib(layout, items) == ["4321", "T", "none"]


def test_a_group_of_thousands_of_children_renders_them_in_order() -> None:
    children = "".join(f'<text variable="v{n % 3}" prefix="{n}="/>' for n in range(3000))
    rendered = bib(f'<group delimiter=",">{children}</group>', [{"id": "a", "v0": "x", "v2": "z"}])
    expected = [f"{n}={'x' if n % 3 == 0 else 'z'}" for n in range(3000) if n % 3 != 1]
    assert rendered == [",".join(expected)]
