"""Splicing rendered cites into a note: the note's words and punctuation stay, the style's closing gives way."""

from __future__ import annotations

import pytest

from sources.csl.formats import escape_html
from sources.rendering.notes import SEAM, needs_seam, splice, split_seam

NOTE = "Carr, 1989: 333; Tellal, 2001: 4. Bir açıklama & daha."


@pytest.mark.parametrize(
    ("cites", "expected"),
    [
        (
            [(0, 15, f"E. H. Carr, Devrim, 1989, 333{SEAM}."), (17, 32, f"Tellal, 2001, 4{SEAM}.")],
            "E. H. Carr, Devrim, 1989, 333; Tellal, 2001, 4. Bir açıklama & daha.",
        ),
        ([(17, 32, f"Kandemir, ts.{SEAM}.")], "Carr, 1989: 333; Kandemir, ts. Bir açıklama & daha."),
        ([(17, 32, f"(Tellal, 2001, p. 4{SEAM})")], "Carr, 1989: 333; (Tellal, 2001, p. 4). Bir açıklama & daha."),
        ([(17, 32, "Tellal, 2001, 4.")], "Carr, 1989: 333; Tellal, 2001, 4. Bir açıklama & daha."),
    ],
    ids=[
        "the note's semicolon and period replace the style's period",
        "an abbreviation keeps its period and the note's is not doubled",
        "a parenthetical keeps its closing bracket",
        "a cite without a seam whose period meets the note's",
    ],
)
def test_splice(cites: list[tuple[int, int, str]], expected: str) -> None:
    assert splice(NOTE, cites) == expected


def test_the_note_text_is_escaped_but_not_the_cites() -> None:
    assert splice(NOTE, [(17, 32, f"<i>Tellal</i>{SEAM}.")], escape_html).endswith(
        "; <i>Tellal</i>. Bir açıklama &#38; daha."
    )


def test_the_seam_is_needed_only_before_punctuation() -> None:
    assert [needs_seam(NOTE, end) for end in (15, 32, len(NOTE) - 1, len(NOTE))] == [True, True, True, False]
    assert not needs_seam("Carr, 1989: 333 ve", 15)


def test_the_last_seam_is_the_engines() -> None:
    assert split_seam(f"Ti{SEAM}tle{SEAM}.") == (f"Ti{SEAM}tle", ".")
    assert split_seam("Title.") == ("Title.", "")
