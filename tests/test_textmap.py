"""Offsets: line index and the rejoining of lines with de-hyphenation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sources.readers.textmap import LineIndex, Stitch


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [
        ("ab\ncd", 3, (2, 1)),
        ("ab\r\ncd", 4, (2, 1)),
        ("ab\rcd", 3, (2, 1)),
        ("ab\ncd", 1, (1, 2)),
        ("a\n\nb", 3, (3, 1)),
    ],
    ids=["lf", "crlf", "cr", "first-line", "after-blank-line"],
)
def test_line_index_locates_offsets(text: str, offset: int, expected: tuple[int, int]) -> None:
    assert LineIndex.of(text).locate(offset) == expected


@given(st.text(alphabet="ab \n\r\f\u2028", max_size=30))
def test_a_line_starts_after_every_line_break_and_only_there(text: str) -> None:
    breaks = [k + 1 for k, char in enumerate(text) if char == "\n" or (char == "\r" and text[k + 1 : k + 2] != "\n")]
    assert list(LineIndex.of(text).starts) == [0, *breaks]


def stitched(*lines: str) -> str:
    original = "\n".join(lines)
    pieces, start = [], 0
    for line in lines:
        pieces.append((start, start + len(line)))
        start += len(line) + 1
    return Stitch.join(original, pieces).text


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (("gi-", "den"), "giden"),
        (("Türkiye-Sov-", "yet Rusya"), "Türkiye-Sovyet Rusya"),
        (("Hâkimiyet-", "i Milliye"), "Hâkimiyet-i Milliye"),
        (("Kuvâ-", "yı Milliye"), "Kuvâ-yı Milliye"),
        (("Yıldırım-", "Özönder, 1991"), "Yıldırım-Özönder, 1991"),
        (("1991: 212-", "213."), "1991: 212-213."),
        (("1337-", "1921"), "1337-1921"),
        (
            ("http://sutad.selcuk.edu.tr/sutad/ar-", "ticle/view/415."),
            "http://sutad.selcuk.edu.tr/sutad/article/view/415.",
        ),
        (("bir", "iki"), "bir iki"),
        (("ve -", "bir"), "ve - bir"),
    ],
    ids=[
        "word-break",
        "real-hyphen-before-break",
        "izafet-i",
        "izafet-yi",
        "double-surname",
        "page-range",
        "dual-date",
        "url",
        "plain-join",
        "dash-is-not-a-break",
    ],
)
def test_rejoining_undoes_only_word_breaks(lines: tuple[str, ...], expected: str) -> None:
    assert stitched(*lines) == expected


def test_stitch_maps_every_copied_character_back() -> None:
    original = "Türkiye-Sov-\n\nyet ile gi-\nden"
    stitch = Stitch.join(original, [(0, 12), (14, 25), (26, 29)])
    assert stitch.text == "Türkiye-Sovyet ile giden"
    for i, char in enumerate(stitch.text):
        if char != " ":
            assert original[stitch.to_source(i)] == char
    assert stitch.source_span(0, 14) == (0, 17)


@given(st.lists(st.text(alphabet="abcçğı -12\t", min_size=0, max_size=12), max_size=12))
def test_stitch_copies_characters_from_where_it_says(lines: list[str]) -> None:
    original = "\n".join(lines)
    pieces, start = [], 0
    for line in lines:
        pieces.append((start, start + len(line)))
        start += len(line) + 1
    stitch = Stitch.join(original, pieces)
    for k, at in enumerate(stitch.at):
        for i in range(stitch.length[k]):
            assert stitch.text[at + i] == original[stitch.source[k] + i]
