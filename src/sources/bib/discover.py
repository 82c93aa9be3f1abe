"""Which bibliography a text is checked against, when none is named.

In order: the bibliography the text declares itself (Markdown front matter, LaTeX
``\\addbibresource``: :func:`sources.readers.declared.declared_bibliography`), then
``refs/bibliography.bib`` beside the text, then the same at the project root (the nearest
folder above the text that holds ``pyproject.toml`` or ``.git``). The command
line puts ``--bib`` and ``[tool.sources] bib`` before all of these. When nothing is
found, ``sources check`` says so (rule SRC306) rather than pass without resolving.
"""

from __future__ import annotations

from pathlib import Path

from sources.errors import InputError
from sources.readers.declared import declared_bibliography

CONVENTIONAL = Path("refs") / "bibliography.bib"


def project_root(start: Path) -> Path | None:
    """The nearest folder from ``start`` upward that holds ``pyproject.toml`` or ``.git``."""
    for folder in (start, *start.parents):
        if (folder / "pyproject.toml").is_file() or (folder / ".git").exists():
            return folder
    return None


def find_bibliography(path: Path, text: str, input_format: str | None = None) -> Path | None:
    """The bibliography the text at ``path`` (decoded: ``text``) is checked against when none is named, or None.

    A declared bibliography that does not exist is an :class:`InputError`: checking
    without it would skip every key silently, and pandoc and biber stop there too.
    ``input_format`` is the text's format when named, as for :func:`sources.read`.
    """
    declared = declared_bibliography(str(path), text, input_format)
    if declared is not None:
        if not Path(declared).is_file():
            raise InputError(str(path), f"the bibliography it declares, {declared}, does not exist")
        return Path(declared)
    folder = path.resolve().parent
    root = project_root(folder)
    for place in (folder, root):
        if place is not None and (place / CONVENTIONAL).is_file():
            return place / CONVENTIONAL
    return None
