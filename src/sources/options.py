"""The command-line options several commands share, worded once.

``sources footnotes|citations|sources|claims``, ``check``, ``export`` and ``render`` take
the same texts, bibliography and output options; each command adds its own beside them.
"""

from __future__ import annotations

import argparse

from sources.bib.formats import FORMATS as BIB_FORMATS
from sources.readers import formats

TEXTS_HELP = "PDF texts, Markdown or LaTeX files (default: embedded article)"


def texts(command: argparse.ArgumentParser, dest: str = "paths", nargs: str = "*", help_text: str = TEXTS_HELP) -> None:
    """The texts to read, how to read them (``--from``), their encoding and first page."""
    command.add_argument(dest, nargs=nargs, metavar="PATH", help=help_text)
    command.add_argument(
        "--from",
        dest="input_format",
        choices=formats.FORMATS,
        help="read the texts as this format (default: by extension: .md/.markdown/.qmd Markdown, .tex/.ltx LaTeX)",
    )
    command.add_argument("--encoding", help="the texts' encoding when it is not UTF-8, e.g. cp1254")
    command.add_argument("--first-page", type=int, metavar="N", help="number of the texts' first page")


BIBLIOGRAPHY_HELP = (
    "the bibliography (default: the curated one for the embedded article; for a text, the one it declares "
    "or refs/bibliography.bib beside it or at its project root)"
)


def bibliography(command: argparse.ArgumentParser, help_text: str = BIBLIOGRAPHY_HELP) -> None:
    """``--bib`` and ``--bib-format``."""
    command.add_argument("--bib", metavar="FILE", help=f"{help_text}; .bib, CSL-JSON (.json) or RIS (.ris)")
    command.add_argument(
        "--bib-format", choices=BIB_FORMATS, help="the bibliography's format when its extension does not tell it"
    )


def output(command: argparse.ArgumentParser) -> None:
    """``--output``: a file written atomically instead of standard output."""
    command.add_argument("--output", metavar="FILE", help="write here (atomically) instead of to standard output")
