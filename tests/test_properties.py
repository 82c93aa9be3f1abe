"""Properties of the reader on arbitrary and very large input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import sources

# Text made of the pieces the parser reacts to: digits, hyphens, rules, page starts.
_PIECES = st.sampled_from(
    [
        "1 ",
        "12",
        "Yazar, 1990: 12.",
        "-",
        "\n",
        "\n ",
        "\f",
        "------------",
        "ve",
        "İddia.",
        "Dipnotlar",
        " ",
        "3.1. Başlık",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_reads_without_error(text: str) -> None:
    result = sources.read_text(text)
    assert all(f.number > 0 for f in result.footnotes)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=80).map("".join))
def test_footnote_like_text_reads_without_error(text: str) -> None:
    result = sources.read_text(text)
    for footnote in result.footnotes:
        if footnote.marker is not None:
            span = footnote.marker.span
            assert text[span.start : span.end] == str(footnote.number)


def test_a_50_mb_text_without_notes_reads_to_an_empty_result() -> None:
    paragraph = "Bu bir cümledir ve sonuna kadar düz metindir.\n\n" * 20
    text = paragraph * (50_000_000 // len(paragraph))
    assert len(text) >= 49_000_000
    result = sources.read_text(text, "large.txt")
    assert result.footnotes == ()
