"""A rendering as one document: plain text, HTML, Markdown, LaTeX, or JSON for tools.

* ``text``: one entry a line; notes as ``[n] text``;
* ``html``: a ``<div class="csl-bib-body">`` of ``<div class="csl-entry">``; notes as an
  ``<ol class="notes">`` of ``<li value="n">``;
* ``markdown``: entries as paragraphs; notes as footnote definitions ``[^n]: text``;
* ``latex``: a ``thebibliography`` of ``\\bibitem{key}``; notes as ``\\footnotetext[n]{text}``;
* ``json``: ``{"bibliography": [[key, text], ...], "notes": [[n, text], ...], "warnings": [...]}``,
  the text in the style's plain form.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

FORMATS = ("text", "html", "markdown", "latex", "json")


def engine_format(format: str) -> str:
    """The processor's markup for an output format (JSON carries the style's plain form)."""
    return "text" if format == "json" else format


def escape(markup: str) -> Callable[[str], str]:
    """How text of the note itself (its commentary) is escaped in ``markup``."""
    from sources.csl.formats import escape_html, escape_latex, escape_markdown

    escapes = {"html": escape_html, "latex": escape_latex, "markdown": escape_markdown}
    return escapes.get(markup, str)


def as_text(
    format: str,
    bibliography: Sequence[tuple[str, str]],
    notes: Sequence[tuple[int, str]],
    warnings: Sequence[str],
    with_notes: bool,
) -> str:
    """The whole output: the notes when they were asked for, else the bibliography."""
    if format == "json":
        data = {
            "bibliography": [list(entry) for entry in bibliography],
            "notes": [list(note) for note in notes],
            "warnings": list(warnings),
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if with_notes:
        return _NOTES[format](notes)
    return _BIBLIOGRAPHY[format](bibliography)


def _lines(lines: Sequence[str]) -> str:
    return "".join(f"{line}\n" for line in lines)


_BIBLIOGRAPHY: dict[str, Callable[[Sequence[tuple[str, str]]], str]] = {
    "text": lambda entries: _lines([entry for _, entry in entries]),
    "html": lambda entries: _lines(
        ['<div class="csl-bib-body">', *(f'  <div class="csl-entry">{entry}</div>' for _, entry in entries), "</div>"]
    ),
    "markdown": lambda entries: "\n".join(f"{entry}\n" for _, entry in entries),
    "latex": lambda entries: _lines(
        [
            f"\\begin{{thebibliography}}{{{len(entries)}}}",
            *(f"\\bibitem{{{key}}} {entry}" for key, entry in entries),
            "\\end{thebibliography}",
        ]
    ),
}

_NOTES: dict[str, Callable[[Sequence[tuple[int, str]]], str]] = {
    "text": lambda notes: _lines([f"[{number}] {text}" for number, text in notes]),
    "html": lambda notes: _lines(
        ['<ol class="notes">', *(f'  <li value="{number}">{text}</li>' for number, text in notes), "</ol>"]
    ),
    "markdown": lambda notes: "\n".join(f"[^{number}]: {text}\n" for number, text in notes),
    "latex": lambda notes: _lines([f"\\footnotetext[{number}]{{{text}}}" for number, text in notes]),
}
