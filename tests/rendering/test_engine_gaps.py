"""Gaps of the CSL processor found while rendering the article, kept as expected failures.

The processor is being improved elsewhere; these tests pass once it is fixed.
"""

from __future__ import annotations

import pytest

from sources.csl import Style


@pytest.mark.xfail(strict=False, reason="the processor's Turkish collation puts â, î, û after z instead of at a, i, u")
def test_a_circumflex_sorts_as_its_letter_in_turkish() -> None:
    items = [
        {"id": "harp", "type": "book", "title": "Harp Tarihi"},
        {"id": "hakimiyet", "type": "book", "title": "Hâkimiyet-i Milliye"},
    ]
    bibliography = Style.load("isnad-dipnotlu").render(items, lang="tr-TR").bibliography
    assert [key for key, _ in bibliography] == ["hakimiyet", "harp"]
