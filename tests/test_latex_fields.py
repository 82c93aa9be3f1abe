"""Field values whose only LaTeX is braces and dashes are decoded without pylatexenc, as it decodes them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sources.article import BIBLIOGRAPHY_PATH, bibliography_text
from sources.bib import bibtex


def by_pylatexenc(latex: str) -> str:
    from pylatexenc.latex2text import LatexNodes2Text

    return " ".join(str(LatexNodes2Text().latex_to_text(latex)).split())


def decoded(latex: str) -> str:
    unreadable: list[str] = []
    text = bibtex._decode(latex, "title", unreadable)
    assert not unreadable
    return text


@pytest.mark.parametrize(
    "latex",
    [
        pytest.param("313--330", id="an en dash between pages"),
        pytest.param("1914---1918", id="an em dash"),
        pytest.param("a----b", id="four dashes are an em dash and a hyphen"),
        pytest.param("a-----b", id="five dashes are an em dash and an en dash"),
        pytest.param("-{}-", id="a group between hyphens keeps them apart"),
        pytest.param("x-{-}-y", id="dashes split by braces stay hyphens"),
        pytest.param("{T.C. Genelkurmay Başkanlığı}", id="a braced body"),
        pytest.param("{{Nested}} {groups}", id="nested groups"),
        pytest.param("a}b{c", id="unbalanced braces go to pylatexenc"),
        pytest.param("{a} ``b'' c", id="quotes go to pylatexenc"),
        pytest.param("{x}!` {y}?`", id="inverted marks go to pylatexenc"),
        pytest.param("{a}~b & c", id="a tie and an ampersand go to pylatexenc"),
        pytest.param(r"{\"O}zt{\"u}rk 50\% $x$", id="macros, comments and math go to pylatexenc"),
    ],
)
def test_a_field_decodes_as_pylatexenc_decodes_it(latex: str) -> None:
    assert decoded(latex) == by_pylatexenc(latex)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aZçİ1 -{}'`!?~&.", max_size=24))
def test_what_is_decoded_without_pylatexenc_is_what_pylatexenc_makes_of_it(latex: str) -> None:
    plain = bibtex._braces_and_dashes(latex)
    if plain is not None:
        assert " ".join(plain.split()) == by_pylatexenc(latex)


def test_the_curated_bibliography_is_read_without_building_pylatexenc() -> None:
    bibtex._latex.cache_clear()
    bibliography = bibtex.parse_bibliography(bibliography_text(), BIBLIOGRAPHY_PATH)
    assert bibtex._latex.cache_info().currsize == 0
    assert any("–" in (source.pages or "") for source in bibliography.sources)
