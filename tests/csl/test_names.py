"""Names: order, initials, particles, et-al, literal names, and very long author lists."""

from __future__ import annotations

import pytest

from csl.inline import bib, cite

DOE = {"family": "Doe", "given": "John Ronald"}
PARTICLE = {"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"}


def item(*names: dict[str, str], **extra: object) -> dict[str, object]:
    return {"id": "a", "type": "book", "author": list(names), **extra}


@pytest.mark.parametrize(
    ("name", "attrs", "expected"),
    [
        (DOE, "", "John Ronald Doe"),
        (DOE, 'name-as-sort-order="all"', "Doe, John Ronald"),
        (DOE, 'initialize-with=". "', "J. R. Doe"),
        (DOE, 'initialize-with="."', "J.R. Doe"),
        ({"family": "Sartre", "given": "Jean-Paul"}, 'initialize-with=". "', "J.-P. Sartre"),
        (DOE, 'form="short"', "Doe"),
        (PARTICLE, "", "Ludwig van Beethoven"),
        (PARTICLE, 'name-as-sort-order="all"', "Beethoven, Ludwig van"),
        ({"literal": "World Health Organization"}, 'name-as-sort-order="all"', "World Health Organization"),
        (
            {"family": "King", "given": "Martin Luther", "suffix": "Jr.", "comma-suffix": True},
            "",
            "Martin Luther King, Jr.",
        ),
    ],
    ids=[
        "display order",
        "inverted",
        "initials with space",
        "initials without space",
        "hyphenated initials",
        "short form",
        "particle in display order",
        "particle demoted when inverted",
        "literal name",
        "comma suffix",
    ],
)
def test_a_name_renders_in_the_requested_form(name: dict[str, str], attrs: str, expected: str) -> None:
    assert bib(f'<names variable="author"><name {attrs}/></names>', [item(name)]) == [expected]


def test_particles_are_split_from_a_family_name_given_in_one_string() -> None:
    entry = bib(
        '<names variable="author"><name name-as-sort-order="all"/></names>',
        [item({"family": "de la Fontaine", "given": "Jean"})],
    )
    assert entry == ["Fontaine, Jean de la"]


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (2, "A. One and B. Two"),
        (3, "A. One, B. Two, and C. Three"),
        (4, "A. One et al."),
    ],
    ids=["two names joined with and", "three names with serial comma", "four names cut with et al"],
)
def test_name_lists_follow_and_and_et_al_rules(count: int, expected: str) -> None:
    names = [
        {"family": family, "given": given}
        for family, given in [("One", "Ann"), ("Two", "Bob"), ("Three", "Cem"), ("Four", "Dan")][:count]
    ]
    layout = (
        '<names variable="author"><name and="text" initialize-with=". " et-al-min="4" et-al-use-first="1"/></names>'
    )
    assert bib(layout, [item(*names)]) == [expected]


def test_et_al_use_last_shows_the_last_name_after_an_ellipsis() -> None:
    names = [{"family": f"N{index}", "given": "A"} for index in range(8)]
    layout = (
        '<names variable="author"><name form="short" et-al-min="5" et-al-use-first="2" et-al-use-last="true"/></names>'
    )
    assert bib(layout, [item(*names)]) == ["N0, N1, … N7"]


def test_editor_label_is_plural_for_two_editors() -> None:
    layout = (
        '<names variable="editor"><name form="short" and="symbol"/><label prefix=" (" form="short" suffix=")"/></names>'
    )
    entry = bib(layout, [{"id": "a", "editor": [{"family": "Ak", "given": "B"}, {"family": "Er", "given": "C"}]}])
    assert entry == ["Ak & Er (eds.)"]


def test_substitute_uses_the_editor_when_there_is_no_author_and_suppresses_it_later() -> None:
    layout = (
        '<group delimiter=". "><names variable="author"><name form="short"/><substitute><names variable="editor"/>'
        '</substitute></names><names variable="editor"><name form="short"/></names></group>'
    )
    assert bib(layout, [{"id": "a", "editor": [{"family": "Ak", "given": "B"}]}]) == ["Ak"]


def test_ten_thousand_authors_render_with_et_al_and_in_full() -> None:
    names = [{"family": f"Author{index}", "given": "Given"} for index in range(10_000)]
    short = bib(
        '<names variable="author"><name form="short" et-al-min="3" et-al-use-first="1"/></names>', [item(*names)]
    )
    assert short == ["Author0 et al."]
    full = bib('<names variable="author"><name form="short"/></names>', [item(*names)])
    assert full[0].count("Author") == 10_000


def test_add_givenname_separates_two_authors_with_one_family_name() -> None:
    items = [
        {"id": "a", "author": [{"family": "Yılmaz", "given": "Ayşe"}], "issued": {"date-parts": [[2001]]}},
        {"id": "b", "author": [{"family": "Yılmaz", "given": "Mehmet"}], "issued": {"date-parts": [[2001]]}},
    ]
    layout = (
        '<group delimiter=" "><names variable="author"><name form="short" initialize-with=". "/></names>'
        '<date variable="issued"><date-part name="year"/></date></group>'
    )
    assert cite(layout, items, citation_attrs='disambiguate-add-givenname="true"') == [
        "A. Yılmaz 2001",
        "M. Yılmaz 2001",
    ]


@pytest.mark.parametrize(
    "variable", ["author", "editor"], ids=["cites-showing-authors", "cites-showing-editors-not-authors"]
)
def test_global_given_name_expansion_follows_the_names_the_cite_shows(variable: str) -> None:
    """The primary-name rule expands a family name shared by two people among the names the cites show;
    the engine first guesses those are the authors, and must not keep the guess when they are not."""
    people = [{"family": "Yılmaz", "given": "Ali"}, {"family": "Yılmaz", "given": "Murat"}]
    others = [{"family": "Kaya", "given": "Ali"}, {"family": "Kaya", "given": "Ali"}]
    items = [
        {
            "id": f"i{index}",
            "author": [other] if variable == "editor" else [person],
            "editor": [person] if variable == "editor" else [other],
            "issued": {"date-parts": [[2000 + index]]},
        }
        for index, (person, other) in enumerate(zip(people, others, strict=True))
    ]
    layout = (
        f'<group delimiter=" "><names variable="{variable}"><name form="short" initialize-with=". "/></names>'
        '<date variable="issued"><date-part name="year"/></date></group>'
    )
    attrs = 'disambiguate-add-givenname="true" givenname-disambiguation-rule="primary-name"'
    assert cite(layout, items, citation_attrs=attrs) == ["A. Yılmaz 2000", "M. Yılmaz 2001"]


def test_year_suffixes_separate_what_nothing_else_can() -> None:
    items = [
        {"id": "a", "title": "B", "author": [{"family": "Kaya", "given": "Ali"}], "issued": {"date-parts": [[1999]]}},
        {"id": "b", "title": "A", "author": [{"family": "Kaya", "given": "Ali"}], "issued": {"date-parts": [[1999]]}},
    ]
    layout = (
        '<group delimiter=" "><names variable="author"><name form="short"/></names>'
        '<date variable="issued"><date-part name="year"/></date></group>'
    )
    assert cite(layout, items, citation_attrs='disambiguate-add-year-suffix="true"') == ["Kaya 1999a", "Kaya 1999b"]


def test_suppress_author_found_in_a_substitute_leaves_no_stand_in() -> None:
    """apa's citation names the composer and substitutes the author: suppressing that author must not
    let the title stand in for it."""
    layout = (
        '<group delimiter=", "><names variable="composer"><substitute><names variable="author"/>'
        '<text variable="title"/></substitute></names><date variable="issued"><date-part name="year"/>'
        "</date></group>"
    )
    item = {"id": "a", "author": [{"family": "Petrov"}], "title": "Notes", "issued": {"date-parts": [[1998]]}}
    assert cite(layout, [item], [[{"id": "a", "type": "suppress-author"}]]) == ["1998"]
    assert cite(layout, [item]) == ["Petrov, 1998"]


def test_a_substituted_variable_is_still_there_for_conditions() -> None:
    """Chicago prints 'In' before an encyclopedia only for a signed entry, after its author was substituted
    for the composer: suppression hides the author from the output, not from <if variable>."""
    layout = (
        '<names variable="composer"><substitute><names variable="author"/></substitute></names>'
        '<choose><if variable="author"><text value=" (signed)"/></if></choose>'
    )
    assert bib(layout, [{"id": "a", "author": [{"family": "Petrov"}]}]) == ["Petrov (signed)"]


def test_a_name_part_case_follows_each_items_language_when_the_name_recurs() -> None:
    """Formatted names are reused across items, except where the item decides (its language's case)."""
    author = {"family": "Işık", "given": "İlker"}
    items = [
        {"id": "en", "type": "book", "author": [author], "language": "en"},
        {"id": "tr", "type": "book", "author": [author], "language": "tr"},
    ]
    layout = '<names variable="author"><name><name-part name="family" text-case="lowercase"/></name></names>'
    assert bib(layout, items) == ["İlker işık", "İlker ışık"]


def test_a_recurring_name_renders_alike_in_every_form_and_position() -> None:
    doe = {"family": "Doe", "given": "John"}
    items = [item(doe, id="a"), item(doe, {"family": "Roe", "given": "Jane"}, id="b"), item(doe, id="c")]
    layout = '<names variable="author"><name and="text" initialize-with=". "/></names>'
    cites = cite(layout, items, [[{"id": "a"}], [{"id": "b"}], [{"id": "c"}], [{"id": "a", "position": 1}]])
    entries = bib(
        '<names variable="author"><name name-as-sort-order="first" and="text"/></names>',
        items,
        sort='<sort><key variable="author"/></sort>',
    )
    assert cites == ["J. Doe", "J. Doe and J. Roe", "J. Doe", "J. Doe"]
    assert entries == ["Doe, John", "Doe, John", "Doe, John and Jane Roe"]


SUBSTITUTED = [
    {"id": "a", "author": [{"family": "Kaya", "given": "Ali"}, {"family": "Ak", "given": "Can"}], "issued": 2000},
    {"id": "b", "author": [{"family": "Kaya", "given": "Ali"}, {"family": "Ak", "given": "Can"}], "issued": 2001},
    {"id": "c", "author": [{"family": "Kaya", "given": "Ali"}, {"family": "Demir", "given": "Ece"}], "issued": 2002},
    {"id": "d", "author": [{"family": "Öz", "given": "Ufuk"}], "issued": 2003},
]
SUBSTITUTE_LAYOUT = (
    '<group delimiter=". "><names variable="author"><name and="text" name-as-sort-order="all"/></names>'
    '<date variable="issued"><date-part name="year"/></date></group>'
)
SUBSTITUTE_RULES = {
    "complete-all": ["Kaya, Ali and Ak, Can. 2000", "———. 2001", "Kaya, Ali and Demir, Ece. 2002", "Öz, Ufuk. 2003"],
    "complete-each": [
        "Kaya, Ali and Ak, Can. 2000",
        "——— and ———. 2001",
        "Kaya, Ali and Demir, Ece. 2002",
        "Öz, Ufuk. 2003",
    ],
    "partial-each": ["Kaya, Ali and Ak, Can. 2000", "——— and ———. 2001", "——— and Demir, Ece. 2002", "Öz, Ufuk. 2003"],
    "partial-first": [
        "Kaya, Ali and Ak, Can. 2000",
        "——— and Ak, Can. 2001",
        "——— and Demir, Ece. 2002",
        "Öz, Ufuk. 2003",
    ],
}


def dated(items: list[dict[str, object]]) -> list[dict[str, object]]:
    return [item | {"issued": {"date-parts": [[item["issued"]]]}} for item in items]


@pytest.mark.parametrize("rule", list(SUBSTITUTE_RULES))
def test_subsequent_author_substitute_follows_its_rule(rule: str) -> None:
    """complete-all replaces a repeated list, complete-each each of its names; partial-each the names
    repeated from the first on, partial-first only the first."""
    attrs = f'subsequent-author-substitute="———" subsequent-author-substitute-rule="{rule}"'
    assert bib(SUBSTITUTE_LAYOUT, dated(SUBSTITUTED), bibliography_attrs=attrs) == SUBSTITUTE_RULES[rule]
