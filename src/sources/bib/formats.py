"""Which reader a bibliography file needs: ``.bib``, CSL-JSON or RIS, by name or extension.

Every reader returns the same :class:`~sources.bib.bibtex.Bibliography` of Source
records, so resolution and the checks never ask where a bibliography came from.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sources.bib.bibtex import Bibliography, parse_bibliography
from sources.readers.files import read_file
from sources.readers.formats import named_or_by_suffix

if TYPE_CHECKING:
    from pathlib import Path

FORMATS = ("bibtex", "csl-json", "ris")
# What ``sources.export`` writes (:mod:`sources.bib.export`), named here so that the command
# line can offer them without loading the writers.
TARGETS = ("csl-json", "biblatex", "bibtex", "ris")
_BY_EXTENSION = {".bib": "bibtex", ".bibtex": "bibtex", ".json": "csl-json", ".ris": "ris"}


def bib_format(path: str | Path, given: str | None = None) -> str:
    """The format named, else the one the extension says; ``.bib`` for any other extension."""
    return named_or_by_suffix(
        path, given, known=FORMATS, by_suffix=_BY_EXTENSION, default="bibtex", what="bibliography format"
    )


def parse_any(text: str, path: str, bib_format: str) -> Bibliography:
    """Text of a bibliography in ``bib_format`` as typed sources."""
    return _parser(bib_format)(text, path)


def load_any(path: str | Path, given: str | None = None) -> tuple[Bibliography, str]:
    """A bibliography file read by the reader its format needs, and its text (to quote lines from)."""
    text = read_file(path)
    return parse_any(text, str(path), bib_format(path, given)), text


def _parser(bib_format: str) -> Callable[[str, str], Bibliography]:
    if bib_format == "csl-json":
        from sources.bib.csljson import parse_csl_json

        return parse_csl_json
    if bib_format == "ris":
        from sources.bib.ris import parse_ris

        return parse_ris
    return parse_bibliography
