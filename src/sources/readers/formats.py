"""Which reader a text needs: PDF text, Markdown or LaTeX, by ``--from`` or by the file's extension."""

from __future__ import annotations

from pathlib import PurePath

from sources.errors import SourcesError

PDF_TEXT, MARKDOWN, LATEX = "pdf-text", "markdown", "latex"
FORMATS = (PDF_TEXT, MARKDOWN, LATEX)
_BY_SUFFIX = {".md": MARKDOWN, ".markdown": MARKDOWN, ".qmd": MARKDOWN, ".tex": LATEX, ".ltx": LATEX}


def input_format(path: str | PurePath | None, given: str | None = None) -> str:
    """``given`` when named, else the format the extension of ``path`` stands for (PDF text by default)."""
    if given is not None:
        if given not in FORMATS:
            raise SourcesError(f"unknown input format {given!r}; choose one of {', '.join(FORMATS)}")
        return given
    if path is None:
        return PDF_TEXT
    return _BY_SUFFIX.get(PurePath(path).suffix.casefold(), PDF_TEXT)
