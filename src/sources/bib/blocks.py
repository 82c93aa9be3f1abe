"""What a ``.bib`` file holds besides its entries, and what that does to them.

An empty file, text between entries (an entry whose ``@`` was lost disappears there) and
``@string`` macros that nothing defines are findings: each would otherwise make a
bibliography look complete while it is not. Defined macros are expanded by bibtexparser's
own middleware, on a copy, so that the library written back stays as it was read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from sources.checks import rules
from sources.model import Diagnostic

if TYPE_CHECKING:
    from bibtexparser.library import Library

# BibTeX and biber define the months; any other bare word names a macro.
_MONTHS = frozenset("jan feb mar apr may jun jul aug sep oct nov dec".split())
_LITERAL = re.compile(r"\{.*\}|\".*\"|\d+", re.DOTALL)


def expanded(library: Library) -> Library:
    """``library`` with its ``@string`` macros expanded (itself when it has none)."""
    if not library.strings:
        return library
    from bibtexparser.middlewares import ResolveStringReferencesMiddleware

    return ResolveStringReferencesMiddleware(allow_inplace_modification=False).transform(library)


def problems(library: Library, path: str) -> Iterable[Diagnostic]:
    """An empty bibliography, text outside entries, and macros left unexpanded in ``library``."""
    from bibtexparser.model import ImplicitComment

    if not library.entries and not library.failed_blocks:
        yield rules.EMPTY_BIBLIOGRAPHY.at_line(path, None, "the file holds no entries")
    for block in library.blocks:
        if isinstance(block, ImplicitComment):
            yield from _outside(block.comment, block.start_line or 0, path)
    for entry in library.entries:
        for field in entry.fields:
            value = str(field.value).strip()
            if value and not _LITERAL.fullmatch(value) and value.casefold() not in _MONTHS:
                yield rules.UNDEFINED_STRING.at_line(
                    path,
                    (entry.start_line or 0) + 1,
                    f"{entry.key}: {field.key} = {value} names no @string macro, or one that cannot be expanded",
                    hint=f"define @string{{{value.split('#')[0].strip()} = {{...}}}} or write the value in braces",
                )


def _outside(comment: str, first: int, path: str) -> Iterable[Diagnostic]:
    """A finding for the first line of each stretch of text that is not a ``%`` comment."""
    inside = False
    for number, line in enumerate(comment.splitlines(), first + 1):
        text = line.strip()
        if text and not text.startswith("%"):
            if not inside:
                yield rules.TEXT_OUTSIDE_ENTRIES.at_line(
                    path,
                    number,
                    f"text outside any entry is ignored: {text[:60]!r}",
                    hint="restore the @ of a broken entry, or make the text a % comment",
                )
            inside = True
        else:
            inside = False
