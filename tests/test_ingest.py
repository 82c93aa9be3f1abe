"""Ingestion: decoding, pages and their numbers, running heads, separator rules."""

from __future__ import annotations

from pathlib import Path

import pytest

import sources
from sources.errors import InputError
from sources.model import LineKind, PageSource
from sources.readers.files import decode
from sources.readers.pdftext import ingest


def test_the_article_has_eighteen_pages_numbered_from_its_running_heads() -> None:
    document = sources.load()
    assert [page.number for page in document.pages] == list(range(313, 331))
    assert {page.source for page in document.pages} == {PageSource.RUNNING_HEAD}
    assert document.diagnostics == ()


def test_running_heads_and_rules_leave_the_flow() -> None:
    document = sources.load()
    heads = [
        (document.index.locate(line.span.start)[0], line.text)
        for line in document.lines
        if line.kind is LineKind.RUNNING_HEAD
    ]
    assert heads == [
        (815, "Coşkun TOPAL KAREN 2018 / 4 / 6 318"),
        (1379, "321 Türk-Rus İlişkileri ve Moskova Anlaşması"),
    ]
    assert sum(line.kind is LineKind.RULE for line in document.lines) == 14


def test_heads_number_pages_without_metadata(article_text: str) -> None:
    document = ingest(article_text, "copy.txt")
    assert document.pages[0].number == 313
    assert document.pages[-1].number == 330


def test_a_text_without_heads_counts_pages_from_one_and_says_so() -> None:
    document = ingest("a\n b\n c\n", "plain.txt")
    assert [page.number for page in document.pages] == [1, 2, 3]
    assert [d.code for d in document.diagnostics] == ["SRC001"]


def test_a_given_first_page_that_the_heads_contradict_is_reported(article_text: str) -> None:
    document = ingest(article_text, "copy.txt", first_page=1)
    assert document.pages[0].number == 1
    assert [d.code for d in document.diagnostics] == ["SRC002"]
    assert document.diagnostics[0].line == 815


def test_form_feeds_start_pages() -> None:
    document = ingest("one\n\ftwo\nthree\f\nfour", "ff.txt", first_page=10)
    assert [page.number for page in document.pages] == [10, 11, 12]
    assert [line.text for line in document.lines if line.text] == ["one", "two", "three", "four"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\n ", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"\x01\x02\x03\x04" * 100, "binary file"),
    ],
    ids=["empty", "only-blanks", "png", "control-bytes"],
)
def test_unreadable_input_is_an_input_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode(data, "bad.txt")


def test_text_that_is_not_utf8_names_line_and_column() -> None:
    data = "birinci satır\nikinci ç ".encode() + "ş".encode("iso-8859-9")
    with pytest.raises(InputError) as caught:
        decode(data, "latin.txt")
    assert (caught.value.line, caught.value.column) == (2, 10)  # characters, not bytes
    assert str(caught.value).startswith("latin.txt:2:10: not valid UTF-8 (byte 0xfe)")
    assert "--encoding" in str(caught.value)


def test_an_explicit_encoding_reads_turkish_legacy_text() -> None:
    assert decode("ikinci ş".encode("cp1254"), "legacy.txt", "cp1254") == "ikinci ş"


def test_an_unknown_encoding_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown encoding"):
        decode(b"abc", "x.txt", "no-such-codec")


def test_a_byte_order_mark_is_not_text() -> None:
    assert decode("\ufeffÖz: metin".encode(), "bom.txt") == "Öz: metin"


def test_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="No such file"):
        sources.load(tmp_path / "missing.txt")
