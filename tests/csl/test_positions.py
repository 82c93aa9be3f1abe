"""Cite positions across notes: first, subsequent, ibid, ibid-with-locator, near-note, first note number."""

from __future__ import annotations

from csl.inline import cite

LAYOUT = (
    '<choose><if position="ibid-with-locator"><text term="ibid"/><text variable="locator" prefix=", "/></if>'
    '<else-if position="ibid"><text term="ibid"/></else-if>'
    '<else-if position="near-note"><text variable="title" form="short"/><text value=" (near)"/></else-if>'
    '<else-if position="subsequent"><text variable="title" form="short"/>'
    '<text variable="first-reference-note-number" prefix=", n. "/></else-if>'
    '<else><text variable="title"/><text variable="locator" prefix=", "/></else></choose>'
)
ITEMS = [
    {"id": "a", "title": "Long Title A", "title-short": "A"},
    {"id": "b", "title": "Long Title B", "title-short": "B"},
]


def note(number: int, *cites: dict[str, str]) -> dict[str, object]:
    return {"citationID": f"c{number}", "citationItems": list(cites), "citationNoteNumber": number}


def test_positions_follow_the_notes() -> None:
    clusters = [
        note(1, {"id": "a", "locator": "1"}),
        note(2, {"id": "a", "locator": "1"}),
        note(3, {"id": "a", "locator": "2"}),
        note(4, {"id": "b"}),
        note(5, {"id": "a"}),
        note(20, {"id": "b"}),
    ]
    assert cite(LAYOUT, ITEMS, clusters) == [
        "Long Title A, 1",
        "ibid.",
        "ibid., 2",
        "Long Title B",
        "A (near)",
        "B, n. 4",
    ]


def test_ibid_needs_the_previous_note_to_cite_only_that_item() -> None:
    clusters = [note(1, {"id": "a"}, {"id": "b"}), note(2, {"id": "b"}), note(3, {"id": "b"})]
    assert cite(LAYOUT, ITEMS, clusters) == ["Long Title ALong Title B", "B (near)", "ibid."]


def test_a_locator_condition_needs_a_locator() -> None:
    """citeproc-js: locator="page" tests the label of the cite's locator; a cite without one has none."""
    layout = '<choose><if locator="page"><text value="page "/></if></choose><text variable="title"/>'
    items = [{"id": "a", "title": "T"}]
    assert cite(layout, items, [[{"id": "a"}], [{"id": "a", "locator": "4"}]]) == ["T", "page T"]


REUSE_MACROS = (
    '<macro name="who"><names variable="author"><name form="short"/></names></macro>'
    '<macro name="where"><choose><if locator="page"><text value="at"/><text variable="locator" prefix=" p. "/>'
    '</if><else-if locator="folio"><text value="at"/></else-if></choose></macro>'
    '<macro name="near"><choose><if position="near-note"><text value="(near)"/></if></choose></macro>'
)


def test_a_cite_takes_from_its_probe_only_what_did_not_read_the_cite() -> None:
    """A cite is rendered for disambiguation without its locator, then as itself; the macros that read
    no cite variable are taken from the first rendering, the others rendered again."""
    items = [{"id": "a", "author": [{"family": "Kaya", "given": "Ali"}]}, {"id": "b", "author": [{"family": "Ak"}]}]
    layout = '<group delimiter=" "><text macro="who"/><text macro="where"/><text macro="near"/></group>'
    clusters = [
        note(1, {"id": "a", "locator": "4", "label": "page"}),
        note(2, {"id": "b", "label": "folio", "locator": "9"}),
        note(3, {"id": "a", "locator": "5", "label": "page"}),
        note(30, {"id": "b", "locator": "7", "label": "page"}),
        note(31, {"id": "a"}),
    ]
    assert cite(layout, items, clusters, macros=REUSE_MACROS) == [
        "Kaya at p. 4",
        "Ak at",
        "Kaya at p. 5 (near)",
        "Ak at p. 7",
        "Kaya",
    ]
