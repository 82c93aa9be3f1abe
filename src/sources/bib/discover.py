"""Which bibliography a text is checked against, when none is named.

In order: the bibliography the text declares itself (:func:`declared_bibliography`),
then ``refs/bibliography.bib`` beside the text, then the same at the project root (the
nearest folder above the text that holds ``pyproject.toml`` or ``.git``). The command
line puts ``--bib`` and ``[tool.sources] bib`` before all of these. When nothing is
found, ``sources check`` says so (rule SRC306) rather than pass without resolving.
"""

from __future__ import annotations

from pathlib import Path

CONVENTIONAL = Path("refs") / "bibliography.bib"


def declared_bibliography(text: Path) -> Path | None:
    """The bibliography ``text`` names itself, or None.

    The extension point for readers whose format can name one (Markdown front matter
    ``bibliography:``, LaTeX ``\\addbibresource``). A PDF extraction names none.
    """
    return None


def project_root(start: Path) -> Path | None:
    """The nearest folder from ``start`` upward that holds ``pyproject.toml`` or ``.git``."""
    for folder in (start, *start.parents):
        if (folder / "pyproject.toml").is_file() or (folder / ".git").exists():
            return folder
    return None


def find_bibliography(text: Path) -> Path | None:
    """The bibliography ``text`` is checked against when none is named, or None."""
    declared = declared_bibliography(text)
    if declared is not None:
        return declared
    folder = text.resolve().parent
    root = project_root(folder)
    for place in (folder, root):
        if place is not None and (place / CONVENTIONAL).is_file():
            return place / CONVENTIONAL
    return None
