"""Which reader a text needs: PDF text, Markdown or LaTeX, by ``--from`` or by the file's extension."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import PurePath

from sources.errors import SourcesError

PDF_TEXT, MARKDOWN, LATEX = "pdf-text", "markdown", "latex"
FORMATS = (PDF_TEXT, MARKDOWN, LATEX)
_BY_SUFFIX = {".md": MARKDOWN, ".markdown": MARKDOWN, ".qmd": MARKDOWN, ".tex": LATEX, ".ltx": LATEX}


def input_format(path: str | PurePath | None, given: str | None = None) -> str:
    """``given`` when named, else the format the extension of ``path`` stands for (PDF text by default)."""
    return named_or_by_suffix(path, given, known=FORMATS, by_suffix=_BY_SUFFIX, default=PDF_TEXT, what="input format")


def named_or_by_suffix(
    path: str | PurePath | None,
    given: str | None,
    *,
    known: tuple[str, ...],
    by_suffix: Mapping[str, str],
    default: str,
    what: str,
) -> str:
    """The format ``given`` (one of ``known``, else an error naming ``what``), else the one
    ``path``'s extension stands for, else ``default``: how texts and bibliographies alike are told apart."""
    if given is not None:
        if given not in known:
            raise SourcesError(f"unknown {what} {given!r}; choose one of {', '.join(known)}")
        return given
    if path is None:
        return default
    from pathlib import PurePath  # loaded when a file is named, not at start-up

    return by_suffix.get(PurePath(path).suffix.casefold(), default)
