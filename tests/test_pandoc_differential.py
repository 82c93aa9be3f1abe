"""Our reading of every Markdown and LaTeX test document against pandoc's.

pandoc (``pypandoc-binary`` of the test extra) reads each document to its JSON AST; we
compare, in document order, the notes and each citation's key, mode and whether it
stands in a note. pandoc has three modes; ours map onto them as below. Where our
reading differs from pandoc's by design, the comparison leaves that out and the
reason is written beside it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import sources
from golden import CASES
from sources.model import CiteMode, Footnotes

pypandoc = pytest.importorskip("pypandoc", reason="pandoc comes with pypandoc-binary (the test extra)")
try:
    pypandoc.get_pandoc_version()
except OSError:  # pragma: no cover - depends on the machine
    pytest.skip("pandoc is not installed", allow_module_level=True)

_PANDOC_MODE = {
    CiteMode.NORMAL: "NormalCitation",
    CiteMode.AUTHOR_IN_TEXT: "AuthorInText",
    CiteMode.SUPPRESS_AUTHOR: "SuppressAuthor",
    # pandoc has no mode of its own for these; its LaTeX reader maps them so:
    CiteMode.AUTHOR_ONLY: "AuthorInText",  # \citeauthor
    CiteMode.YEAR_ONLY: "SuppressAuthor",  # \citeyear, \citeyearpar
}
# pandoc's LaTeX reader makes no citation of \citetitle, \fullcite or \footfullcite: the
# text vanishes. We keep them (a title-only or full citation still names an entry).
_PANDOC_DROPS = (CiteMode.TITLE_ONLY, CiteMode.FULL)

DOCUMENTS = sorted([*CASES.glob("markdown/*.md"), *CASES.glob("latex/*.tex")])

Cited = tuple[bool, str, str]  # (in a note, key, pandoc's mode)


def _pandoc(path: Path) -> tuple[list[Cited], list[str], int]:
    """pandoc's citations in order, its nocite keys, and its number of notes."""
    # +autolink_bare_uris: we never read a citation inside a bare URL (.../people/@jones1999);
    # plain pandoc markdown does. With the extension pandoc reads the URL as we do.
    reader = "markdown+autolink_bare_uris" if path.suffix == ".md" else "latex"
    ast = json.loads(pypandoc.convert_file(str(path), "json", format=reader))
    cited: list[Cited] = []
    notes = [0]

    def walk(node: Any, in_note: bool) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item, in_note)
        elif isinstance(node, dict):
            kind = node.get("t")
            if kind == "Cite":
                cited.extend((in_note, c["citationId"], c["citationMode"]["t"]) for c in node["c"][0])
                walk(node["c"][0], in_note)  # a citation inside another's suffix
                return
            if kind == "Note":
                notes[0] += 1
                walk(node["c"], True)
                return
            for value in node.values():
                walk(value, in_note)

    nocite: list[Cited] = []
    if "nocite" in ast["meta"]:
        walk(ast["meta"]["nocite"], False)
        nocite, cited[:] = list(cited), []
    walk(ast["blocks"], False)
    return cited, [key for _, key, _ in nocite], notes[0]


def _ours(result: Footnotes) -> tuple[list[Cited], list[str], int]:
    text = result.document.text
    # pandoc's LaTeX reader drops the text \footnotetext gives apart from its \footnotemark.
    apart = {f.number for f in result.footnotes if f.marker and text.startswith("\\footnotemark", f.marker.span.start)}
    cited = [
        (c.footnote is not None, c.key or "", _PANDOC_MODE[c.mode])
        for c in result.citations
        if c.mode in _PANDOC_MODE and c.footnote not in apart
    ]
    nocite = [c.key or "" for c in result.citations if c.mode is CiteMode.NOCITE]
    # A note whose only content pandoc drops (\footfullcite) is no note there either.
    notes = [
        f
        for f in result.footnotes
        if f.number not in apart and not (f.citations and all(c.mode in _PANDOC_DROPS for c in f.citations))
    ]
    return cited, nocite, len(notes)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_same_notes_keys_and_modes_as_pandoc(path: Path) -> None:
    result = sources.read(path)
    theirs, their_nocite, their_notes = _pandoc(path)
    ours, our_nocite, our_notes = _ours(result)
    assert ours == theirs
    assert our_nocite == their_nocite  # pandoc keeps nocite in the metadata, out of the text's order
    assert our_notes == their_notes
