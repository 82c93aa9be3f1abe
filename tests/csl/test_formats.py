"""One rich-text tree, four output formats: markup, escaping, flip-flop, quotes and punctuation."""

from __future__ import annotations

import pytest

from csl.inline import bib, cite

ITEM = {"id": "a", "title": "Tom & Jerry <i>in</i> 100% $pace_#1", "publisher": "A*B"}
LAYOUT = '<text variable="title" font-style="italic"/>'


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("text", "Tom & Jerry in 100% $pace_#1"),
        ("html", '<i>Tom &#38; Jerry <span style="font-style:normal;">in</span> 100% $pace_#1</i>'),
        ("markdown", "*Tom & Jerry in 100% \\$pace\\_\\#1*"),
        ("latex", "\\emph{Tom \\& Jerry \\textup{in} 100\\% \\$pace\\_\\#1}"),
    ],
)
def test_each_format_marks_up_and_escapes_in_its_own_way(fmt: str, expected: str) -> None:
    assert bib(LAYOUT, [ITEM], fmt) == [expected]


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        ('<text variable="title" font-weight="bold"/>', "<b>T</b>"),
        ('<text variable="title" font-variant="small-caps"/>', '<span style="font-variant:small-caps;">T</span>'),
        ('<text variable="title" vertical-align="sup"/>', "<sup>T</sup>"),
        ('<text variable="title" text-decoration="underline"/>', '<span style="text-decoration:underline;">T</span>'),
        ('<text variable="title" display="block"/>', '<div class="csl-block">T</div>'),
    ],
    ids=["bold", "small caps", "superscript", "underline", "display block"],
)
def test_html_uses_the_conventional_csl_markup(layout: str, expected: str) -> None:
    assert bib(layout, [{"id": "a", "title": "T"}], "html") == [expected]


def test_nested_quotes_alternate_between_double_and_single() -> None:
    entry = bib('<text variable="title" quotes="true"/>', [{"id": "a", "title": 'On "Quoted" Words'}])
    assert entry == ["“On ‘Quoted’ Words”"]


def test_comma_moves_inside_the_quotes_in_american_english_only() -> None:
    layout = (
        '<group delimiter=" "><text variable="title" quotes="true" suffix=","/><text variable="publisher"/></group>'
    )
    item = {"id": "a", "title": "Title", "publisher": "P"}
    assert bib(layout, [item], lang="en-US") == ["“Title,” P"]
    assert bib(layout, [item], lang="en-GB") == ["‘Title’, P"]


def test_doubled_periods_between_affix_and_text_are_merged() -> None:
    layout = '<text variable="title" suffix=". "/><text variable="publisher"/>'
    assert bib(layout, [{"id": "a", "title": "Ends with abbrev.", "publisher": "P"}]) == ["Ends with abbrev. P"]


def test_title_case_is_english_only_and_turkish_upper_case_keeps_the_dot() -> None:
    layout = '<text variable="title" text-case="title"/>'
    assert bib(layout, [{"id": "a", "title": "the lord of the rings"}]) == ["The Lord of the Rings"]
    assert bib(layout, [{"id": "a", "title": "yüzyıllık bir tarih", "language": "tr"}]) == ["yüzyıllık bir tarih"]
    upper = '<text variable="title" text-case="uppercase"/>'
    assert bib(upper, [{"id": "a", "title": "istanbul ılıca", "language": "tr-TR"}]) == ["İSTANBUL ILICA"]


def test_nocase_spans_keep_their_case() -> None:
    layout = '<text variable="title" text-case="lowercase"/>'
    entry = bib(layout, [{"id": "a", "title": 'The <span class="nocase">UNESCO</span> Report'}])
    assert entry == ["the UNESCO report"]


def test_a_group_delimiter_separates_the_pieces_of_a_choose_but_not_of_a_macro() -> None:
    item = {"id": "a", "title": "T", "publisher": "P", "publisher-place": "Q"}
    choose = '<choose><if variable="title"><text variable="publisher-place"/><text variable="publisher"/></if></choose>'
    assert bib(f'<group delimiter=": ">{choose}</group>', [item]) == ["Q: P"]
    macro = f'<macro name="m">{choose}</macro>'
    assert bib('<group delimiter=": "><text macro="m"/><text variable="title"/></group>', [item], macros=macro) == [
        "QP: T"
    ]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ({"id": "a", "volume": "2"}, "In: vol."),
        ({"id": "a", "title": "T"}, "In: T"),
        ({"id": "a"}, ""),
        ({"id": "a", "volume": ""}, ""),
    ],
    ids=[
        "term-of-a-present-variable-shows",
        "else-branch-variable-shows",
        "nothing-there-suppresses-the-group",
        "an-empty-variable-is-absent",
    ],
)
def test_a_branch_taken_only_for_a_present_variable_decides_its_group_as_rendered(
    item: dict[str, str], expected: str
) -> None:
    """A choose whose branch prints a term when a variable is there: when no variable it could show is
    there the engine skips it at once, and the enclosing group must decide as if it had rendered."""
    choose = (
        '<choose><if variable="volume"><text term="volume" form="short"/></if>'
        '<else><text variable="title"/></else></choose>'
    )
    layout = f'<group delimiter=": "><text value="In"/><group>{choose}</group></group>'
    assert bib(layout, [item]) == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("item", "expected"),
    [({"id": "a", "volume": "2"}, "In: vol."), ({"id": "a", "title": "T"}, "In")],
    ids=["term-of-a-present-variable-shows", "a-choose-that-calls-nothing-leaves-the-terms-of-its-group"],
)
def test_a_choose_without_else_calls_nothing_when_its_variables_are_absent(item: dict[str, str], expected: str) -> None:
    """No branch taken, no variable called: the enclosing group of terms still prints (citeproc-js)."""
    choose = '<choose><if variable="volume"><text term="volume" form="short"/></if></choose>'
    layout = f'<group delimiter=": "><text value="In"/><group>{choose}</group></group>'
    assert bib(layout, [item]) == [expected]


@pytest.mark.parametrize(
    ("item", "locator", "expected"),
    [
        ({"id": "a", "volume": "2"}, "4", "In: vol."),
        ({"id": "a", "volume": "2"}, None, "In"),
        ({"id": "a"}, "4", "In"),
    ],
    ids=["variable-and-locator-take-the-branch", "no-locator-no-branch", "no-variable-no-branch"],
)
def test_a_branch_testing_a_variable_and_the_locator_needs_both(
    item: dict[str, str], locator: str | None, expected: str
) -> None:
    """match="all" (the default): the branch needs its variable whatever its other conditions, so an item
    without it skips the choose, which calls nothing, as the branch not taken calls nothing."""
    choose = '<choose><if locator="page" variable="volume"><text term="volume" form="short"/></if></choose>'
    layout = f'<group delimiter=": "><text value="In"/><group>{choose}</group></group>'
    entry = {"id": "a", "locator": locator, "label": "page"} if locator else {"id": "a"}
    assert cite(layout, [item], [[entry]]) == [expected]


def test_a_style_that_names_the_citation_label_gets_the_default_label() -> None:
    """citeproc-js's trigraph: made only for styles that name the variable, as no other can see it."""
    items = [
        {"id": "a", "type": "book", "author": [{"family": "Tunçay", "given": "Mete"}], "issued": "1978"},
        {"id": "b", "type": "book", "author": [{"family": "Kaya"}, {"family": "Ak"}], "issued": "2001"},
    ]
    assert bib('<text variable="citation-label"/>', items) == ["Tunç78", "KaAk01"]
    assert bib('<choose><if variable="citation-label"><text value="labelled"/></if></choose>', items) == [
        "labelled",
        "labelled",
    ]
