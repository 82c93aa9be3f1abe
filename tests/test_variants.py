"""Other extractions of the same article give the same footnotes, claims, citations and findings."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import sources
from sources.model import Footnotes
from variants import crlf_variant, endnote_variant, form_feed_variant


def essentials(result: Footnotes) -> list[tuple[Any, ...]]:
    return [
        (
            f.number,
            f.text,
            f.claim.text if f.claim else None,
            f.marker.page if f.marker else None,
            f.claim.section.number if f.claim and f.claim.section else None,
        )
        for f in result.footnotes
    ]


def citations(result: Footnotes) -> list[tuple[Any, ...]]:
    return [
        (c.footnote, c.kind, c.raw, c.name, c.year, c.locator and c.locator.raw, c.signal) for c in result.citations
    ]


def findings(result: Footnotes) -> list[tuple[str, int | None, str]]:
    return [(d.code, d.footnote, d.message) for d in result.diagnostics]


@pytest.mark.parametrize(
    "variant",
    [form_feed_variant, crlf_variant, endnote_variant],
    ids=["form-feeds-no-blank-lines", "crlf-no-rules-no-heads", "endnotes-under-dipnotlar"],
)
def test_variant_reads_like_the_original(article: Footnotes, article_text: str, variant: Callable[[str], str]) -> None:
    text = variant(article_text)
    assert text != article_text
    result = sources.read_text(text, "variant.txt", first_page=313)
    assert essentials(result) == essentials(article)
    assert citations(result) == citations(article)
    assert findings(result) == findings(article)


def test_the_crlf_variant_really_has_no_rules_or_heads(article_text: str) -> None:
    text = crlf_variant(article_text)
    assert "\r\n" in text
    assert "-----" not in text
    assert "KAREN 2018" not in text


def test_the_endnote_variant_has_no_notes_in_pages(article_text: str) -> None:
    text = endnote_variant(article_text)
    head, block = text.split("\nDipnotlar\n")
    assert "\n21 Tunçay, 1978: 130." not in head
    assert block.lstrip().startswith("1 Burçak, 1983: 4-5.")


def test_variant_line_numbers_point_at_the_variant(article_text: str) -> None:
    text = form_feed_variant(article_text)
    result = sources.read_text(text, "variant.txt")
    marker = result.footnotes[0].marker
    assert marker is not None
    line, _ = result.document.index.locate(marker.span.start)
    assert text.split("\n")[line - 1].endswith("mücadele ile geçirmişlerdi.1 I. Dünya Sa-")
