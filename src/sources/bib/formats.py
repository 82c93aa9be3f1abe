"""Which reader a bibliography file needs: ``.bib``, CSL-JSON or RIS, by name or extension.

Every reader returns the same :class:`~sources.bib.bibtex.Bibliography` of Source
records, so resolution and the checks never ask where a bibliography came from.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sources.bib.bibtex import Bibliography, parse_bibliography
from sources.errors import SourcesError
from sources.readers.files import read_file

FORMATS = ("bibtex", "csl-json", "ris")
_BY_EXTENSION = {".bib": "bibtex", ".bibtex": "bibtex", ".json": "csl-json", ".ris": "ris"}


def bib_format(path: str | Path, given: str | None = None) -> str:
    """The format named, else the one the extension says; ``.bib`` for any other extension."""
    if given is not None:
        if given not in FORMATS:
            raise SourcesError(f"unknown bibliography format {given!r}; choose one of {', '.join(FORMATS)}")
        return given
    return _BY_EXTENSION.get(Path(path).suffix.casefold(), "bibtex")


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
