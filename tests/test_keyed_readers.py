"""The Markdown and LaTeX readers: notes, keyed citations, their spans, modes and locators."""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

import sources
from golden import CASES, compare
from sources.cli import main
from sources.model import CitationKind, Footnotes
from sources.readers.declared import declared_bibliography

MARKDOWN = CASES / "markdown"
LATEX = CASES / "latex"


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _read(text: str, suffix: str) -> Footnotes:
    return sources.read_text(text, f"case{suffix}")


def _keys(result: Footnotes) -> list[tuple[int | None, str | None, str | None]]:
    return [(c.footnote, c.key, c.mode.value if c.mode else None) for c in result.citations]


# --- golden records of the construct documents --------------------------------------------


@pytest.mark.parametrize(
    ("document", "command"),
    [
        ("markdown/constructs.md", "citations"),
        ("markdown/constructs.md", "footnotes"),
        ("latex/constructs.tex", "citations"),
        ("latex/constructs.tex", "footnotes"),
    ],
    ids=lambda value: value.replace("/", "-"),
)
def test_construct_documents_read_as_pinned(capsys: pytest.CaptureFixture[str], document: str, command: str) -> None:
    status, out, err = _cli(capsys, command, str(CASES / document), "--format", "json")
    assert status == 0, err
    compare(f"{document}.{command}.json", out.replace(str(CASES) + "/", ""))


@pytest.mark.parametrize("document", ["markdown/constructs.md", "latex/constructs.tex"])
def test_construct_documents_check_clean_against_their_bibliography(
    capsys: pytest.CaptureFixture[str], document: str
) -> None:
    status, out, _ = _cli(capsys, "check", str(CASES / document), "--format", "json")
    assert json.loads(out)["diagnostics"] == []
    assert status == 0


# --- Markdown ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Text [@a].", [(None, "a", "normal")]),
        ("Text [see @a, pp. 33-35; also @b, chap. 1].", [(None, "a", "normal"), (None, "b", "normal")]),
        ("@a says so.", [(None, "a", "author-in-text")]),
        ("@a [p. 33] says so.", [(None, "a", "author-in-text")]),
        ("As [-@a] shows.", [(None, "a", "suppress-author")]),
        ("As -@a shows.", [(None, "a", "suppress-author")]),
        ("Unicode [@çelik:2008].", [(None, "çelik:2008", "normal")]),
        ("Inner punctuation [@a.b-c/d].", [(None, "a.b-c/d", "normal")]),
        ("Braced [@{berg2011.}].", [(None, "berg2011.", "normal")]),
        ("End of a sentence @a.", [(None, "a", "author-in-text")]),
        ("Mail me@example.com.", []),
        ("Code `[@a]` and ``@b``.", []),
        ("Autolink <https://example.com/@a>.", []),
        ("Bare https://example.com/@a and www.example.com/@b.", []),
        ("A [link @a](https://example.com).", []),
        ("Escaped \\@a.", []),
        ("A bracket without a key [see above].", []),
        ("A braced key with a blank [@{a b}].", []),
        ("Note.[^1]\n\n[^1]: Cites [@a, p. 3].\n", [(1, "a", "normal")]),
        ("Inline.^[Cites @a.] Body [@b].", [(1, "a", "author-in-text"), (None, "b", "normal")]),
        ("```\n[@a]\n```\n\n    [@b]\n\n<div>[@c]</div>\n", []),
    ],
    ids=[
        "bracketed",
        "prefix-locators-and-several-items",
        "author-in-text",
        "author-in-text-with-bracketed-suffix",
        "suppress-author-in-brackets",
        "suppress-author-outside-brackets",
        "unicode-letters-in-a-key",
        "internal-punctuation-in-a-key",
        "braced-key",
        "full-stop-after-a-key-is-not-part-of-it",
        "e-mail-address-is-not-a-citation",
        "code-spans-are-not-citations",
        "autolinks-are-not-citations",
        "bare-urls-are-not-citations",
        "links-are-not-citations",
        "escaped-at-is-not-a-citation",
        "bracket-without-a-key-is-text",
        "braced-key-with-a-blank-is-not-a-key",
        "citation-in-a-note-definition",
        "inline-note-and-body-in-reading-order",
        "code-blocks-and-html-blocks-are-not-read",
    ],
)
def test_markdown_citations(text: str, expected: list[tuple[int | None, str, str]]) -> None:
    assert _keys(_read(text, ".md")) == expected


def test_markdown_prefix_suffix_locator_group_and_span() -> None:
    text = "Intro.\n\nText [see @a, pp. 33-35; also @b, chap. 1] and @c [p. 7].\n"
    result = _read(text, ".md")
    a, b, c = result.citations
    assert (a.prefix, a.suffix, a.locator.raw if a.locator else None, a.group) == ("see", ", pp. 33-35", "pp. 33-35", 1)
    assert (b.prefix, b.suffix, b.locator.raw if b.locator else None, b.group) == ("also", ", chap. 1", "chap. 1", 1)
    assert (c.suffix, c.locator.pages if c.locator else None, c.group) == ("p. 7", ((7, 7),), 2)
    assert text[a.span.start : a.span.end] == "see @a, pp. 33-35"
    assert a.locator is not None and text[a.locator.span.start : a.locator.span.end] == "pp. 33-35"
    assert result.document.index.locate(c.span.start) == (3, 48)
    assert all(citation.kind is CitationKind.KEYED for citation in result.citations)


def test_markdown_notes_are_numbered_in_order_of_reference() -> None:
    text = "First.[^b] Second.^[Inline.] Third.[^a]\n\n[^a]: Note a.\n\n[^b]: Note b.\n"
    result = _read(text, ".md")
    assert [(f.number, f.text) for f in result.footnotes] == [(1, "Note b."), (2, "Inline."), (3, "Note a.")]
    assert [f.claim.text if f.claim else None for f in result.footnotes] == ["First.", "Second.", "Third."]


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("Claim.[^missing]\n", "SRC101", 1),
        ("Claim.\n\n[^orphan]: Never referred to.\n", "SRC102", 3),
        ("Claim.[^a]\n\n[^a]: One.\n\n[^a]: Two.\n", "SRC104", 5),
        ("Claim.^[never closed [@a]\n", "SRC003", 1),
        ("Claim [@a, 40-38].\n", "SRC501", 1),
        ("Claim [@a, pp. 33-].\n", "SRC507", 1),
        ("Claim [@a; @a, p. 3].\n", "SRC205", 1),
    ],
    ids=[
        "reference-without-definition",
        "definition-without-reference",
        "note-defined-twice",
        "unclosed-inline-note",
        "reversed-page-range",
        "range-without-end",
        "same-key-twice-in-one-bracket",
    ],
)
def test_markdown_problems_are_findings(text: str, code: str, line: int) -> None:
    found = [(d.code, d.line) for d in _read(text, ".md").diagnostics]
    assert found == [(code, line)]


# --- LaTeX -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"\cite{a}", [(None, "a", "normal")]),
        (r"\parencite[see][33]{a,b}", [(None, "a", "normal"), (None, "b", "normal")]),
        (r"\textcite{a} \Textcite{b}", [(None, "a", "author-in-text"), (None, "b", "author-in-text")]),
        (r"\parencite*{a} \cite*{b}", [(None, "a", "suppress-author"), (None, "b", "suppress-author")]),
        (r"\citeauthor{a} \citeyear{b}", [(None, "a", "author-only"), (None, "b", "year-only")]),
        (r"\citetitle{a} \fullcite{b}", [(None, "a", "title-only"), (None, "b", "full")]),
        (r"\nocite{a} \nocite{*}", [(None, "a", "nocite"), (None, "*", "nocite")]),
        (
            r"\citet{a} \citep{b} \citet*{c}",
            [(None, "a", "author-in-text"), (None, "b", "normal"), (None, "c", "author-in-text")],
        ),
        (
            r"\citealt{a} \citealp{b} \citeyearpar{c}",
            [(None, "a", "author-in-text"), (None, "b", "normal"), (None, "c", "year-only")],
        ),
        (
            r"\cites(see)(passim)[cf.][10]{a}[20]{b}{c}",
            [(None, "a", "normal"), (None, "b", "normal"), (None, "c", "normal")],
        ),
        (
            r"A.\footnote{\cite{a}} B.\footcite{b} C.\footnote{\textcite{c}}",
            [(1, "a", "normal"), (2, "b", "normal"), (3, "c", "author-in-text")],
        ),
        (r"A.\footnote{In a note \footcite{a} makes no note.}", [(1, "a", "normal")]),
        ("% \\cite{a}\n\\begin{verbatim}\n\\cite{b}\n\\end{verbatim}\n\\verb|\\cite{c}|", []),
    ],
    ids=[
        "cite",
        "prenote-postnote-two-keys",
        "textcite-and-capitalised",
        "starred-biblatex-leaves-the-author-out",
        "author-only-and-year-only",
        "title-only-and-full",
        "nocite-and-nocite-star",
        "natbib-citet-citep-and-starred",
        "natbib-citealt-citealp-citeyearpar",
        "multicite-with-global-notes",
        "footnotes-and-footcite-numbered-together",
        "footcite-inside-a-footnote",
        "comments-and-verbatim-are-skipped",
    ],
)
def test_latex_citations(text: str, expected: list[tuple[int | None, str, str]]) -> None:
    assert _keys(_read(text, ".tex")) == expected


def test_latex_pre_and_postnotes_become_prefix_suffix_and_locators() -> None:
    text = "Text \\parencite[see][pp.~33--35]{a} and \\cite[chap.~1]{b}.\n"
    a, b = _read(text, ".tex").citations
    assert (a.prefix, a.suffix, a.locator.pages if a.locator else None) == ("see", "pp. 33--35", ((33, 35),))
    assert (b.prefix, b.suffix, b.locator.raw if b.locator else None) == (None, "chap. 1", "chap. 1")
    assert text[a.span.start : a.span.end] == "a"


def test_latex_footnotemark_and_footnotetext_make_one_note() -> None:
    text = "A claim.\\footnotemark{} More.\n\\footnotetext{Its text \\cite[3]{a}.}\nNext.\\footnote{Second.}\n"
    result = _read(text, ".tex")
    assert [(f.number, f.text, f.claim.text if f.claim else None) for f in result.footnotes] == [
        (1, "Its text \\cite[3]{a}.", "A claim."),
        (2, "Second.", "More. \\footnotetext{Its text \\cite[3]{a}.} Next."),
    ]
    assert [(c.footnote, c.key) for c in result.citations] == [(1, "a")]
    assert result.diagnostics == ()


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("A.\\footnotemark\nB.\n", "SRC101", 1),
        ("A.\n\\footnotetext[4]{Text.}\n", "SRC102", 2),
        ("A \\cite[p. 3]{a\n\nB.\n", "SRC003", 1),
        ("A \\footnote{never closed\n", "SRC003", 1),
        ("A \\parencite[40--38]{a}.\n", "SRC501", 1),
        ("A \\parencite[pp.]{a}.\n", "SRC507", 1),
    ],
    ids=[
        "footnotemark-without-text",
        "footnotetext-without-mark",
        "unclosed-cite-argument",
        "unclosed-footnote",
        "reversed-page-range",
        "locator-label-without-number",
    ],
)
def test_latex_problems_are_findings(text: str, code: str, line: int) -> None:
    found = [(d.code, d.line) for d in _read(text, ".tex").diagnostics]
    assert found == [(code, line)]


# --- resolution by key -------------------------------------------------------------------


def _bib(tmp_path: Path) -> Path:
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@book{smith2001,\n  author = {Smith, Anna},\n  title = {A},\n  year = {2001},\n}\n\n"
        "@book{jones1999,\n  author = {Jones, Bert},\n  title = {B},\n  year = {1999},\n}\n",
        encoding="utf-8",
    )
    return bib


def test_unknown_key_is_reported_with_the_nearest_keys(tmp_path: Path) -> None:
    text = tmp_path / "t.md"
    text.write_text("Text [@smtih2001, p. 3] and [@jones1999].\n", encoding="utf-8")
    findings = sources.check([text], bib=_bib(tmp_path))
    (finding,) = [d for d in findings.diagnostics if d.code == "SRC305"]
    assert (finding.line, finding.column) == (1, 7)
    assert finding.hint is not None and finding.hint.startswith("nearest entries: smith2001")
    assert [d.code for d in findings.diagnostics] == ["SRC305", "SRC405"]  # smith2001 is then uncited


@pytest.mark.parametrize(
    ("text", "suffix"),
    [
        ("---\nnocite: |\n  @smith2001\n---\nText [@jones1999].\n", ".md"),
        ('---\nnocite: "@*"\n---\nText [@jones1999].\n', ".md"),
        ("Text \\cite{jones1999}. \\nocite{smith2001}\n", ".tex"),
        ("Text \\cite{jones1999}. \\nocite{*}\n", ".tex"),
    ],
    ids=["markdown-nocite-key", "markdown-nocite-star", "latex-nocite-key", "latex-nocite-star"],
)
def test_nocite_counts_as_citing(tmp_path: Path, text: str, suffix: str) -> None:
    path = tmp_path / f"t{suffix}"
    path.write_text(text, encoding="utf-8")
    assert sources.check([path], bib=_bib(tmp_path)).diagnostics == ()


def test_author_year_rules_stay_off_for_keyed_texts(tmp_path: Path) -> None:
    path = tmp_path / "t.md"
    path.write_text("Claim.[^1]\n\n[^1]: [@smith2001] and [@jones1999].\n", encoding="utf-8")
    linked = sources.link(path, bib=_bib(tmp_path))
    assert [c.source for c in linked.footnotes.citations] == ["smith2001", "jones1999"]
    assert sources.check([path], bib=_bib(tmp_path)).diagnostics == ()  # no missing-locator, no name rules


# --- long documents, clean and with injected defects ---------------------------------------


def test_long_documents_are_what_the_script_writes() -> None:
    keyed_documents = _generator()
    text, bib = keyed_documents.markdown()
    assert (MARKDOWN / "thesis-chapter.md").read_text(encoding="utf-8") == text
    assert (MARKDOWN / "thesis-chapter.bib").read_text(encoding="utf-8") == bib
    text, bib = keyed_documents.latex()
    assert (LATEX / "biblatex-article.tex").read_text(encoding="utf-8") == text
    assert (LATEX / "biblatex-article.bib").read_text(encoding="utf-8") == bib


def test_thesis_chapter_has_over_a_hundred_notes_and_checks_clean() -> None:
    result = sources.read(MARKDOWN / "thesis-chapter.md")
    assert len(result.footnotes) >= 100
    assert all(f.note is not None and f.marker is not None for f in result.footnotes)
    assert sources.check([MARKDOWN / "thesis-chapter.md"]).diagnostics == ()


def test_biblatex_article_has_over_fifty_cite_commands_and_checks_clean() -> None:
    result = sources.read(LATEX / "biblatex-article.tex")
    assert len({c.group for c in result.citations}) >= 50
    assert sources.check([LATEX / "biblatex-article.tex"]).diagnostics == ()


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("keyed_documents", CASES / "keyed_documents.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _inject(lines: list[str], pattern: str, by: Callable[[re.Match[str]], str]) -> int:
    """Rewrite the first match of ``pattern`` with ``by``; the 1-based number of its line."""
    k, found = next((k, m) for k, line in enumerate(lines) if (m := re.search(pattern, line)))
    lines[k] = lines[k][: found.start()] + by(found) + lines[k][found.end() :]
    return k + 1


_DEFECTS = {
    ".md": (
        (r"\[@(\w+)", lambda m: "[@nosuchkey"),
        (r"pp\. (\d+)-(\d+)", lambda m: f"pp. {m.group(2)}-{m.group(1)}"),
        (r"\.\[\^n\d+\]", lambda m: f"{m.group(0)}[^undefined]"),
    ),
    ".tex": (
        (r"\\parencite\[\d+\]\{\w+", lambda m: "\\parencite{nosuchkey"),
        (r"\[(\d+)--(\d+)\]", lambda m: f"[{m.group(2)}--{m.group(1)}]"),
        (r"\.\\footnote\{", lambda m: f".\\footnotemark{m.group(0)[1:]}"),
    ),
}


@pytest.mark.parametrize("document", ["markdown/thesis-chapter.md", "latex/biblatex-article.tex"])
def test_each_injected_defect_is_reported_once_at_its_line(tmp_path: Path, document: str) -> None:
    source = CASES / document
    lines = source.read_text(encoding="utf-8").splitlines()
    unknown, reversed_, missing = (_inject(lines, pattern, by) for pattern, by in _DEFECTS[source.suffix])
    (tmp_path / source.name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    bib = source.with_suffix(".bib")
    (tmp_path / bib.name).write_text(bib.read_text(encoding="utf-8"), encoding="utf-8")
    findings = sources.check([tmp_path / source.name]).diagnostics
    in_text = sorted((d.code, d.line) for d in findings if d.path == str(tmp_path / source.name))
    assert in_text == sorted([("SRC305", unknown), ("SRC501", reversed_), ("SRC101", missing)])


# --- bibliography declared by the text ----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("a/t.md", "---\nbibliography: refs.bib\n---\nText.\n", "a/refs.bib"),
        ("a/t.md", "---\nbibliography:\n  - one.bib\n  - two.bib\n---\n", "a/one.bib"),
        ("a/t.qmd", '---\nbibliography: ["x.bib", y.bib]\n---\n', "a/x.bib"),
        ("a/t.md", "---\nreferences: ../refs/bibliography.bib\n---\n", "a/../refs/bibliography.bib"),
        ("a/t.md", "---\nreferences:\n  - id: inline\n    title: An entry\n---\n", None),
        ("a/t.md", "No front matter.\nbibliography: refs.bib\n", None),
        ("a/t.tex", "\\addbibresource{refs.bib}\n", "a/refs.bib"),
        ("a/t.tex", "\\bibliography{refs,other}\n", "a/refs.bib"),
        ("a/t.tex", "% \\addbibresource{old.bib}\n\\addbibresource[location=local]{new.bib}\n", "a/new.bib"),
        ("a/t.txt", "\\addbibresource{refs.bib}\n", None),
    ],
    ids=[
        "front-matter-scalar",
        "front-matter-list",
        "front-matter-flow-list",
        "front-matter-references-file",
        "front-matter-references-entries",
        "no-front-matter",
        "addbibresource",
        "bibliography-without-extension",
        "commented-declaration-skipped",
        "pdf-text-declares-nothing",
    ],
)
def test_declared_bibliography(name: str, text: str, expected: str | None) -> None:
    assert declared_bibliography(name, text) == (str(Path(expected)) if expected else None)


# --- command line ------------------------------------------------------------------------


def test_citations_json_gives_the_keyed_fields(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _cli(capsys, "citations", str(MARKDOWN / "constructs.md"), "--format", "json")
    first = json.loads(out)[1]
    assert status == 0
    assert {
        k: first[k] for k in ("footnote", "group", "key", "mode", "prefix", "suffix", "locator", "line", "column")
    } == {
        "footnote": None,
        "group": 2,
        "key": "smith2001",
        "mode": "normal",
        "prefix": "see",
        "suffix": ", pp. 33-35",
        "locator": "pp. 33-35",
        "line": 10,
        "column": 54,
    }


def test_from_overrides_the_extension(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "chapter.txt"
    path.write_text("Claim.[^1]\n\n[^1]: [@a, p. 3].\n", encoding="utf-8")
    status, out, _ = _cli(capsys, "citations", str(path), "--from", "markdown", "--format", "json")
    assert status == 0
    assert [(c["footnote"], c["key"]) for c in json.loads(out)] == [(1, "a")]


def test_several_files_at_once(capsys: pytest.CaptureFixture[str]) -> None:
    md, tex = str(MARKDOWN / "constructs.md"), str(LATEX / "constructs.tex")
    status, out, _ = _cli(capsys, "footnotes", md, tex, "--format", "json")
    assert status == 0
    assert {path: len(notes) for path, notes in json.loads(out).items()} == {md: 5, tex: 5}
    status, out, _ = _cli(capsys, "check", md, tex)
    assert status == 0
    assert out.startswith("0 findings in 4 files")  # each text with the bibliography it declares


def test_sources_and_claims_commands_read_keyed_texts(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _cli(capsys, "claims", str(MARKDOWN / "constructs.md"), "--source", "doe2005", "--format", "json")
    assert status == 0
    assert [use["footnote"] for use in json.loads(out)] == [2, 3]
    status, out, _ = _cli(capsys, "sources", str(LATEX / "constructs.tex"))
    assert status == 0
    lines = out.splitlines()
    assert lines[0].startswith("doe2005  Doe 2005")  # entries in alphabetical order, not file order
    smith = lines.index("smith2001  Smith 2001 — A Book of Invented Examples (book)")
    assert lines[smith : smith + 2] == [
        "smith2001  Smith 2001 — A Book of Invented Examples (book)",
        "  2 citations in 2 notes, 10 citations in the text: n. 3: 15; n. 5: 99; l. 9; l. 9: 12; l. 10: pp. 33--35; "
        "l. 11; l. 13; l. 15; l. 16; l. 17: 10; l. 31; l. 32",
    ]


def test_a_declared_bibliography_that_is_missing_is_an_input_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "chapter.md"
    path.write_text("---\nbibliography: gone.bib\n---\nText [@a].\n", encoding="utf-8")
    status, _, err = _cli(capsys, "check", str(path))
    assert status == 2
    assert err == f"sources: {path}: the bibliography it declares, {tmp_path / 'gone.bib'}, does not exist\n"
    status, _, _ = _cli(capsys, "check", str(path), "--bib", str(_bib(tmp_path)))
    assert status == 1  # --bib comes first: the key a is unknown there


@pytest.mark.parametrize(
    ("name", "given", "expected"),
    [
        ("a.md", None, "markdown"),
        ("a.markdown", None, "markdown"),
        ("a.QMD", None, "markdown"),
        ("a.tex", None, "latex"),
        ("a.ltx", None, "latex"),
        ("a.txt", None, "pdf-text"),
        ("a", None, "pdf-text"),
        (None, None, "pdf-text"),
        ("a.md", "pdf-text", "pdf-text"),
        ("a.txt", "latex", "latex"),
    ],
    ids=[
        "md-is-markdown",
        "markdown-is-markdown",
        "qmd-in-capitals-is-markdown",
        "tex-is-latex",
        "ltx-is-latex",
        "txt-is-pdf-text",
        "no-extension-is-pdf-text",
        "embedded-article-is-pdf-text",
        "from-overrides-md",
        "from-overrides-txt",
    ],
)
def test_the_reader_is_chosen_by_from_then_extension(name: str | None, given: str | None, expected: str) -> None:
    from sources.readers.formats import input_format

    assert input_format(name, given) == expected


@pytest.mark.parametrize("document", ["markdown/constructs.md", "latex/constructs.tex"])
def test_windows_line_ends_read_the_same(document: str) -> None:
    text = (CASES / document).read_text(encoding="utf-8")
    suffix = Path(document).suffix

    def records(result: Footnotes) -> list[tuple[object, ...]]:
        locate = result.document.index.locate
        return [
            (c.footnote, c.key, c.mode, c.locator.raw if c.locator else None, locate(c.span.start))
            for c in result.citations
        ]

    assert records(_read(text.replace("\n", "\r\n"), suffix)) == records(_read(text, suffix))
