"""Hostile input: whatever the text, bibliography or configuration, ``sources`` answers with
exit 0, 1 or 2, a finding or a one-line message naming the file — never a traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import command
from sources.cli import main

NOTE = "Bir iddia burada.1\n----------------\n1 {note}\n"
ENTRY = "@book{{yilmaz1978,\n  author = {{{author}}},\n  title = {{{title}}},\n  year = {{1978}},{extra}\n}}\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command and assert what every hostile case must hold."""
    status, out, err = command.run(capsys, *argv)
    assert status in (0, 1, 2)
    assert "Traceback" not in err and "internal error" not in err
    if status == 2:
        assert err.startswith("sources: ") and err.count("\n") == 1, err
    return status, out, err


def findings(out: str) -> list[tuple[str, int | None, str]]:
    return [(d["code"], d["line"], d["message"]) for d in json.loads(out)["diagnostics"]]


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.fixture
def text(tmp_path: Path) -> str:
    return write(tmp_path, "note.txt", NOTE.format(note="Yılmaz, 1978: 130."))


# ---- bibliography fields ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("author", "title", "extra", "code", "message"),
    [
        ("A, B, C, D", "Kitap", "", "SRC410", "author 'A, B, C, D' cannot be split into names"),
        ("Yılmaz, Ali", "{" * 300 + "x" + "}" * 300, "", "SRC410", "title nests braces more than 32 deep"),
        ("Yılmaz, Ali", "\\textbf{" * 300 + "x" + "}" * 300, "", "SRC410", "title nests braces"),
        ("{" * 300 + "Yılmaz" + "}" * 300, "Kitap", "", "SRC410", "author nests braces"),
        ("Yılmaz, Ali", "Kitap", "\n  url = {http://[abc/x},", "SRC406", "'http://[abc/x' is not an http(s)"),
        ("Yılmaz, Ali", "Kitap", "\n  url = {http://[::1x]/a},", "SRC406", "is not an http(s) address"),
    ],
    ids=[
        "a-name-with-too-many-commas",
        "braces-nested-300-deep",
        "textbf-nested-300-deep",
        "an-author-nested-300-deep",
        "a-url-with-a-stray-bracket",
        "a-url-with-a-bad-ip-literal",
    ],
)
def test_a_field_that_cannot_be_read_is_a_finding_on_its_entry(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    text: str,
    author: str,
    title: str,
    extra: str,
    code: str,
    message: str,
) -> None:
    bib = write(tmp_path, "refs.bib", ENTRY.format(author=author, title=title, extra=extra))
    status, out, _ = run(capsys, "check", text, "--bib", bib, "--format", "json", "--exit-zero")
    assert status == 0
    found = [(c, line) for c, line, m in findings(out) if message in m]
    assert found == [(code, 1)]


def test_a_field_too_deep_is_reported_once_on_its_entry(tmp_path: Path) -> None:
    import sources

    author = "{" * 300 + "Yılmaz" + "}" * 300
    bib = sources.bibliography(write(tmp_path, "refs.bib", ENTRY.format(author=author, title="K", extra="")))
    assert [(d.code, d.message) for d in bib.diagnostics] == [
        ("SRC410", "yilmaz1978: author nests braces more than 32 deep")
    ]
    assert bib.sources[0].authors[0].display == author


def test_an_unsplittable_name_is_kept_as_written(tmp_path: Path) -> None:
    import sources

    bib = sources.bibliography(write(tmp_path, "refs.bib", ENTRY.format(author="A, B, C, D", title="T", extra="")))
    assert [n.display for n in bib.sources[0].authors] == ["A, B, C, D"]


# ---- text ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "code", "message", "exit"),
    [
        ("Yılmaz, 1978: " + "9" * 5000 + ".", "SRC502", "a page number of 5000 digits", 0),
        ("Bk. http://[::1x]/a bir.", "SRC406", "is not an http(s) address", 1),
        ("Bk. http://a]b.com/x bir.", "SRC406", "is not an http(s) address", 1),
    ],
    ids=["a-5000-digit-page-number", "a-url-with-a-bad-ip-literal", "a-url-with-a-stray-bracket"],
)
def test_hostile_notes_become_findings_on_their_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, note: str, code: str, message: str, exit: int
) -> None:
    path = write(tmp_path, "note.txt", NOTE.format(note=note))
    bib = write(tmp_path, "refs.bib", ENTRY.format(author="Yılmaz, Ali", title="Kitap", extra=""))
    status, out, _ = run(capsys, "check", path, "--bib", bib, "--format", "json")
    assert status == exit
    assert any(c == code and line == 3 and message in m for c, line, m in findings(out))


# ---- configuration ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pyproject", "message"),
    [
        (b'tool = "x"\n', "tool must be a table, not a string"),
        (b'[tool]\nsources = "x"\n', "tool.sources must be a table, not a string"),
        (b"[tool.sources]\nselect = 5\n", "select must be a string or a list of strings, not a number 5"),
        (b"[tool.sources]\nignore = [1]\n", "ignore must be a string or a list of strings"),
        (b'[tool.sources]\nbib = ["a.bib"]\n', "bib must be a string (a path), not a list"),
        (b"[tool.sources]\nbib = 5\n", "bib must be a string (a path), not a number"),
        (b"[tool.sources]\nformat = 5\n", "format must be a string, not a number"),
        (b"[tool.sources]\nfail-on = 1\n", "fail-on must be a string"),
        (b'[tool.sources]\nfail-on = "info"\n', "[tool.sources] fail-on must be error or warning, not 'info'"),
        (b'[tool.sources]\nexit-zero = "false"\n', "exit-zero must be true or false, not a string 'false'"),
        (b'[tool.sources]\nselect = ""\n', "[tool.sources] select selects no rule"),
        (b'[tool.sources]\nselect = "\xff"\n', "not valid UTF-8"),
        (b'[tool.sources]\nbib = "a\\u0000b"\n', "bib cannot hold a zero byte"),
        (b"[tool.sources]\nselect = []\n", "[tool.sources] select selects no rule"),
        (b"[tool.sources\n", "cannot read [tool.sources]"),
    ],
    ids=[
        "tool-a-string",
        "tool-sources-a-string",
        "select-a-number",
        "ignore-a-list-of-numbers",
        "bib-a-list",
        "bib-a-number",
        "format-a-number",
        "fail-on-a-number",
        "fail-on-not-a-severity",
        "exit-zero-the-string-false",
        "select-empty",
        "invalid-utf8",
        "bib-with-a-zero-byte",
        "select-an-empty-list",
        "invalid-toml",
    ],
)
def test_a_wrong_configuration_exits_2_naming_the_file(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    text: str,
    pyproject: bytes,
    message: str,
) -> None:
    (tmp_path / "pyproject.toml").write_bytes(pyproject)
    monkeypatch.chdir(tmp_path)
    status, out, err = run(capsys, "check", text)
    assert (status, out) == (2, "")
    assert err.startswith(f"sources: {tmp_path / 'pyproject.toml'}: ") and message in err


def test_a_pyproject_with_a_byte_order_mark_is_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    (tmp_path / "pyproject.toml").write_bytes(b'\xef\xbb\xbf[tool.sources]\nformat = "json"\n')
    monkeypatch.chdir(tmp_path)
    status, out, _ = run(capsys, "check", text, "--exit-zero")
    assert status == 0 and "summary" in json.loads(out)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--select", ""), "--select selects no rule"),
        (("--select", " , "), "--select selects no rule"),
        (("--select", "SRC9"), "--select: no rule code, prefix or name matches 'SRC9'"),
        (("--ignore", "nothing-such"), "--ignore: no rule code, prefix or name matches"),
    ],
    ids=["select-empty", "select-only-commas", "select-matching-no-rule", "ignore-matching-no-rule"],
)
def test_a_selection_of_nothing_exits_2(
    capsys: pytest.CaptureFixture[str], text: str, argv: tuple[str, ...], message: str
) -> None:
    status, _, err = run(capsys, "check", text, *argv)
    assert status == 2 and message in err


# ---- encodings and output -----------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["rot13", "base64", "hex", "zlib"])
def test_an_encoding_that_is_not_a_text_codec_is_refused(
    capsys: pytest.CaptureFixture[str], text: str, encoding: str
) -> None:
    status, _, err = run(capsys, "check", text, "--encoding", encoding)
    assert status == 2 and f"{text}: {encoding!r} is not a text encoding" in err


def test_an_unknown_encoding_is_refused(capsys: pytest.CaptureFixture[str], text: str) -> None:
    status, _, err = run(capsys, "check", text, "--encoding", "no-such-codec")
    assert status == 2 and "unknown encoding 'no-such-codec'" in err


def test_a_codec_that_fails_without_a_position_names_the_file(capsys: pytest.CaptureFixture[str], text: str) -> None:
    status, _, err = run(capsys, "check", text, "--encoding", "idna")
    assert status == 2 and text in err


def test_a_lone_surrogate_in_a_file_name_is_printed_escaped(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    name = os.fsdecode(b"\xff-missing.txt")  # a Latin-1 file name on a UTF-8 system
    status, _, err = run(capsys, "check", str(tmp_path / name))
    assert status == 2 and "\\udcff-missing.txt" in err


def test_an_unexpected_error_is_an_internal_error_with_exit_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    import sources

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(sources, "check", broken)
    status = main(["check", text, "--exit-zero"])
    _, err = capsys.readouterr()
    assert status == 2
    assert err == "sources: internal error, please report it: RuntimeError: a bug\n"


@pytest.mark.parametrize(
    ("encoding", "named"),
    [("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be"), ("utf-32", "utf-32")],
    ids=["utf16-with-mark", "utf16-le-without-mark", "utf16-be-without-mark", "utf32-with-mark"],
)
def test_a_utf16_text_says_so_and_reads_with_its_encoding(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, encoding: str, named: str
) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(NOTE.format(note="Yılmaz, 1978: 130.").encode(encoding))
    status, _, err = run(capsys, "footnotes", str(path))
    assert status == 2 and f"{path}: this looks like {named.upper()} text; read it with --encoding {named}" in err
    status, out, _ = run(capsys, "footnotes", str(path), "--encoding", encoding, "--format", "json")
    assert status == 0 and json.loads(out)[0]["text"] == "Yılmaz, 1978: 130."


# ---- no silent pass -------------------------------------------------------------------------------


def numbered_notes(count: int, per_page: int = 5) -> str:
    """A text of ``count`` notes, ``per_page`` to a page: body lines with markers, a rule, notes."""
    pages = []
    for first in range(1, count + 1, per_page):
        numbers = range(first, min(first + per_page, count + 1))
        body = [f"Bu cümle bir iddia taşıyor ve kaynağını gösteriyor.{k}" for k in numbers]
        notes = [f"{k} Yılmaz, {1900 + k % 100}: {k % 300 + 1}." for k in numbers]
        pages.append("\n".join([*body, "-" * 20, *notes]) + "\n")
    return "\f".join(pages)


@pytest.mark.parametrize("count", [1010, 10_000], ids=["1010-notes", "10000-notes"])
def test_notes_numbered_past_999_are_all_read(count: int) -> None:
    import sources

    result = sources.read_text(numbered_notes(count))
    assert [f.number for f in result.footnotes if f.note and f.marker] == list(range(1, count + 1))
    assert len(result.citations) == count
    assert {d.code for d in result.diagnostics} == {"SRC001"}  # only: no running heads fix the pages


def test_a_bibliography_with_no_entries_is_a_finding(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str
) -> None:
    bib = write(tmp_path, "refs.bib", "% only a comment\n")
    status, out, _ = run(capsys, "check", text, "--bib", bib, "--format", "json")
    assert status == 1 and ("SRC411", None, "the file holds no entries") in findings(out)


def test_text_outside_entries_and_undefined_macros_are_findings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str
) -> None:
    entry = ENTRY.format(
        author="Yılmaz, Ali", title="Kitap", extra="\n  publisher = tth,\n  note = nowhere,\n  month = jan,"
    )
    bib = write(
        tmp_path, "refs.bib", '@string{tth = "Türk Tarih Kurumu"}\n\n' + entry + "\nbook{lost,\n  title = {X},\n}\n"
    )
    status, out, _ = run(capsys, "check", text, "--bib", bib, "--format", "json", "--select", "SRC41")
    assert status == 1
    assert [(code, line) for code, line, _ in findings(out)] == [("SRC413", 3), ("SRC412", 12)]
    assert "note = nowhere names no @string macro" in findings(out)[0][2]


def test_a_defined_macro_is_expanded_and_the_library_kept_as_written(tmp_path: Path) -> None:
    import sources
    from sources.bib.bibtex import dump

    text = '@string{tth = "Türk Tarih Kurumu"}\n\n@book{a,\n  title = {T},\n  publisher = tth,\n  year = {1990},\n}\n'
    bib = sources.bibliography(write(tmp_path, "refs.bib", text))
    assert bib.sources[0].publisher == "Türk Tarih Kurumu" and bib.diagnostics == ()
    assert "publisher = tth" in dump(bib.library)


@pytest.mark.parametrize("kind", ["fifo", "device", "directory"])
def test_a_file_that_is_not_regular_is_refused_without_blocking(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str
) -> None:
    if kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs on this system")
        path = str(tmp_path / "pipe.txt")
        os.mkfifo(path)  # nobody writes to it: opening it for a blocking read would hang
    else:
        path = os.devnull if kind == "device" else str(tmp_path)
    status, out, err = run(capsys, "check", path)
    assert (status, out) == (2, "") and err.startswith(f"sources: {path}: ")
    assert ("is a directory" if kind == "directory" else "is not a regular file") in err


def test_a_file_over_the_size_limit_is_refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    from sources.readers import files

    monkeypatch.setattr(files, "MAX_BYTES", 16)
    status, _, err = run(capsys, "check", text)
    assert status == 2 and f"{text}: is 0 MB; the limit is 0 MB" in err


def test_a_file_named_twice_is_checked_once(capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str) -> None:
    bib = write(tmp_path, "refs.bib", ENTRY.format(author="Yılmaz, Ali", title="Kitap", extra=""))
    again = str(tmp_path / "." / "note.txt")
    _, out, _ = run(capsys, "check", text, again, "--bib", bib, "--format", "json", "--exit-zero")
    assert json.loads(out)["summary"]["files"] == 2  # the text and its bibliography


# ---- output safety and writes ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("inserted", "shown"),
    [
        ("\x1b[31m", "\\x1b[31m"),
        ("\x1b]0;title\x07", "\\x1b]0;title\\x07"),
        ("\u202e", "\\u202e"),
        ("\x9b", "\\x9b"),
        ("\x08", "\\x08"),
    ],
    ids=["an-ansi-colour", "an-osc-window-title", "a-bidi-override", "a-c1-control", "a-backspace"],
)
def test_control_characters_are_escaped_and_the_caret_stays_under_its_column(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, inserted: str, shown: str
) -> None:
    note = f"Bir not{inserted} burada. Demir, 1999: 5."
    padding = "Düz bir metin satırı, denetimsiz.\n" * 40  # a few controls in a text, not a binary file
    path = write(tmp_path, "note.txt", padding + NOTE.format(note=note))
    bib = write(tmp_path, "refs.bib", ENTRY.format(author="Yılmaz, Ali", title="Kitap", extra=""))
    _, out, _ = run(capsys, "check", path, "--bib", bib, "--select", "SRC301", "--exit-zero")
    assert inserted not in out and shown in out
    lines = out.splitlines()
    gutter = "   43 | "
    quoted = next(k for k, line in enumerate(lines) if line.startswith(gutter))
    caret = lines[quoted + 1].index("^") - len(gutter)
    assert lines[quoted][len(gutter) :].index("Demir") == caret


@pytest.mark.parametrize(
    "separator",
    ["\f", "\u2028", "\x85", "\x0b", "\x1c"],
    ids=["form-feed", "line-separator", "next-line", "vertical-tab", "file-separator"],
)
def test_the_quoted_line_is_the_line_the_number_names(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, separator: str
) -> None:
    padding = "Düz bir metin satırı, denetimsiz.\n" * 40
    text = f"{padding}Bir iddia{separator}burada.1\n----------------\n1 Yılmaz, 1978: 130. Kaya, 1990: 5.\n"
    path = write(tmp_path, "note.txt", text)
    bib = write(tmp_path, "refs.bib", ENTRY.format(author="Yılmaz, Ali", title="Kitap", extra=""))
    _, out, _ = run(capsys, "check", path, "--bib", bib, "--select", "SRC301", "--exit-zero")
    assert f"{path}:43:22: SRC301" in out
    assert "   43 | 1 Yılmaz, 1978: 130. Kaya, 1990: 5." in out


def _library(tmp_path: Path) -> object:
    import sources

    return sources.bibliography(
        write(tmp_path, "source.bib", ENTRY.format(author="Yılmaz, Ali", title="K", extra=""))
    ).library


def test_writing_keeps_the_mode_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    from sources.bib.bibtex import write_bibliography

    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "refs.bib"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    write_bibliography(_library(tmp_path), target)  # type: ignore[arg-type]
    assert oct(target.stat().st_mode & 0o777) == oct(0o640)
    assert target.read_text(encoding="utf-8").startswith("@book{yilmaz1978,")
    assert sorted(p.name for p in folder.iterdir()) == ["refs.bib"]


def test_writing_goes_through_a_symbolic_link_to_its_target(tmp_path: Path) -> None:
    from sources.bib.bibtex import write_bibliography

    real = tmp_path / "real.bib"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.bib"
    link.symlink_to(real)
    write_bibliography(_library(tmp_path), link)  # type: ignore[arg-type]
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("@book{yilmaz1978,")


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sources import writing
    from sources.bib import bibtex

    target = tmp_path / "refs.bib"
    target.write_text("old\n", encoding="utf-8")
    library = _library(tmp_path)

    def full_disk(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writing.os, "fsync", full_disk)
    with pytest.raises(writing.InputError, match="No space left on device"):
        bibtex.write_bibliography(library, target)  # type: ignore[arg-type]
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["refs.bib", "source.bib"]


def test_a_utf8_text_read_as_utf16_is_refused(capsys: pytest.CaptureFixture[str], text: str) -> None:
    status, _, err = run(capsys, "check", text, "--encoding", "utf-16")
    assert status == 2 and f"{text}: this is not utf-16 text" in err
