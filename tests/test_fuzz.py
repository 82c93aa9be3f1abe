"""Fuzzing as tests: the readers on generated input, with a fixed budget per test.

Each property runs a fixed number of examples (``max_examples``) so that CI time stays
bounded; fuzz/ holds atheris harnesses for long runs. The only exceptions allowed are the
documented ones: :class:`sources.InputError` for bytes that are not a readable text.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sources
from sources.bib.bibtex import dump, parse_bibliography
from sources.readers.files import decode

BUDGET = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# What notes are made of: names, years, locators, signals, URLs, archival steps, punctuation.
_NOTE_PIECES = st.sampled_from(
    [
        "Yılmaz",
        "Kaya",
        " ",
        ", ",
        ": ",
        "; ",
        ". ",
        "1978",
        "1337-1921",
        "130",
        "12-15",
        "s. 4",
        "vd.",
        "nr. 200",
        "Bk. ",
        "Geniş bilgi için bk. ",
        "http://a.com/x",
        "ATASE, ISH: 16, K: 1129",
        "TBMMZC, Devre I, İçtima 2, Cilt X: 285",
        "(Kerim Sadi)",
        "1 Haziran 1337",
        "...",
        "“",
        "”",
        "\u202e",
        "\x1b[0m",
    ]
)
_NOTES = st.lists(_NOTE_PIECES, min_size=1, max_size=30).map("".join)


@BUDGET
@given(st.binary(max_size=2000), st.sampled_from([None, "utf-8", "cp1254", "utf-16", "latin-1"]))
def test_bytes_are_text_or_an_input_error(data: bytes, encoding: str | None) -> None:
    try:
        text = decode(data, "fuzz.txt", encoding)
    except sources.InputError as error:
        assert error.path == "fuzz.txt" and "\n" not in error.message
        return
    sources.read_text(text, "fuzz.txt")


@BUDGET
@given(_NOTES)
def test_a_note_reads_into_citations_whose_spans_give_back_their_text(note: str) -> None:
    text = f"Bir iddia burada.1\n----------------\n1 {note.replace(chr(10), ' ')}\n"
    result = sources.read_text(text, "fuzz.txt")
    for citation in result.citations:
        written = text[citation.span.start : citation.span.end]
        assert " ".join(written.split()) == citation.raw
        if citation.locator is not None:
            assert citation.span.start <= citation.locator.span.start <= citation.locator.span.end
    for diagnostic in result.diagnostics:
        assert diagnostic.path == "fuzz.txt"


_BIB_PIECES = st.sampled_from(
    [
        "@book{",
        "@misc{",
        "@string{x = {X}}",
        "a,",
        "b1978,",
        " author = {",
        " title = ",
        " year = {1978}",
        "Yılmaz, Ali",
        " and ",
        "A, B, C",
        "{",
        "}",
        '"',
        ",",
        "\\textbf{",
        "\\'e",
        "x",
        "% comment\n",
        "\n",
        " url = {http://[x}",
        " isbn = {9751609399}",
        "#",
    ]
)


@BUDGET
@given(st.lists(_BIB_PIECES, max_size=60).map("".join))
def test_any_bib_text_reads_into_sources_and_diagnostics(text: str) -> None:
    bibliography = parse_bibliography(text, "fuzz.bib")
    for diagnostic in bibliography.diagnostics:
        assert diagnostic.path == "fuzz.bib"
        assert diagnostic.line is None or diagnostic.line >= 1
    assert len({s.key for s in bibliography.sources}) == len(bibliography.sources)


# Plain text: "--" is LaTeX for an en dash, and is decoded as one.
_VALUES = st.text(
    alphabet="abcçdefgğhıijklmnoöprsştuüvyzABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZ0123456789 .-:", max_size=30
).filter(lambda value: "--" not in value)


@BUDGET
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["book", "article", "misc"]),
            st.dictionaries(st.sampled_from(["title", "publisher", "year", "note", "location"]), _VALUES, max_size=4),
        ),
        min_size=1,
        max_size=5,
    )
)
def test_written_entries_read_back_the_same(entries: list[tuple[str, dict[str, str]]]) -> None:
    text = "\n".join(
        f"@{kind}{{k{n},\n" + "".join(f"  {name} = {{{value}}},\n" for name, value in fields.items()) + "}\n"
        for n, (kind, fields) in enumerate(entries)
    )
    first = parse_bibliography(text, "a.bib")
    again = parse_bibliography(dump(first.library), "b.bib")
    assert [(s.key, s.entry_type, s.fields) for s in again.sources] == [
        (s.key, s.entry_type, s.fields) for s in first.sources
    ]
    assert [(s.key, dict(s.fields)) for s in first.sources] == [
        (f"k{n}", fields) for n, (_, fields) in enumerate(entries)
    ]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(_NOTE_PIECES | st.sampled_from(["\n", "\f", "----------\n", "2 ", "3 ", "\x00"]), max_size=40).map("".join)
)
def test_the_command_answers_0_1_or_2_on_any_text(text: str) -> None:
    import contextlib
    import io
    import tempfile
    from pathlib import Path

    from sources.cli import main

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.txt"
        path.write_text(text, encoding="utf-8")
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(["check", str(path), "--format", "json"])
    assert status in (0, 1, 2)
    assert "Traceback" not in err.getvalue() and "internal error" not in err.getvalue()
    if status == 2:
        assert err.getvalue().startswith(f"sources: {path}")
