"""Keyed citations — pandoc's ``[see @key, pp. 33-35]``, biblatex's ``\\parencite[see][33]{key}`` —
as :class:`Citation` records.

The readers of Markdown and LaTeX find the items of a citation (key, mode, pre- and
postnote, where each stands); this module turns them into citations of kind
:attr:`CitationKind.KEYED`, one group per bracket or command, and reads the postnote
into the same :class:`Locator` records the author-year notes get (pages through
:mod:`sources.citations.locators`). A postnote that does not start like a locator is
commentary (``emphasis added``) and stays the citation's suffix only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import frozen

from sources.checks import rules
from sources.citations import locators
from sources.model import (
    Citation,
    CitationKind,
    CiteMode,
    Diagnostic,
    Document,
    Locator,
    LocatorKind,
    LocatorPart,
    Span,
)
from sources.records import record_eq, record_hash, record_repr


@frozen
class Affix:
    """A prenote or postnote as written (stripped), with the offset of its first character."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    text: str
    start: int


@frozen
class KeyedItem:
    """One cited key as a reader found it: ``[@key]``, or one key of ``\\cite{a,b}``."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    key: str
    mode: CiteMode
    span: Span  # the item as written: prefix, key and suffix (the key alone for LaTeX)
    prefix: Affix | None = None
    suffix: Affix | None = None


# Labels a postnote may start with, folded, and the kind of locator they give (None: pages).
_LABELS: dict[str, LocatorKind | None] = {
    "p": None,
    "pp": None,
    "page": None,
    "pages": None,
    "s": None,
    "ss": None,
    "chap": LocatorKind.CHAPTER,
    "chaps": LocatorKind.CHAPTER,
    "chapter": LocatorKind.CHAPTER,
    "chapters": LocatorKind.CHAPTER,
    "ch": LocatorKind.CHAPTER,
    "sec": LocatorKind.SECTION,
    "secs": LocatorKind.SECTION,
    "section": LocatorKind.SECTION,
    "sections": LocatorKind.SECTION,
    "§": LocatorKind.SECTION,
    "§§": LocatorKind.SECTION,
    "vol": LocatorKind.VOLUME,
    "vols": LocatorKind.VOLUME,
    "volume": LocatorKind.VOLUME,
}
_LABEL = re.compile(r"([^\W\d_]++|§§?+)\.?+\s*+")
_NUMBER = r"(?:\d++|[IVXLCivxlc]++)"
# One value: a number, a range (dashes of any kind, LaTeX's -- included), an open range (f., ff., vd.).
_VALUE = rf"{_NUMBER}(?:\s*+[-–—]++\s*+{_NUMBER})?+(?:\s*+(?:ff?|vd)\.)?+"
_VALUES = re.compile(rf"{_VALUE}(?:\s*+(?:,|and|&)\s*+{_VALUE})*+")
_DANGLING = re.compile(r"\s*+[-–—]")


def keyed_citations(
    document: Document, items: Sequence[KeyedItem], footnote: int | None, group: int
) -> tuple[list[Citation], list[Diagnostic]]:
    """The citations of one bracket or command, and what is wrong with them."""
    citations: list[Citation] = []
    found: list[Diagnostic] = []
    seen: set[str] = set()
    for item in items:
        locator, problem = read_locator(item.suffix)
        citation = Citation(
            footnote=footnote,
            kind=CitationKind.KEYED,
            raw=" ".join(document.text[item.span.start : item.span.end].split()),
            span=item.span,
            name=item.key,
            locator=locator,
            key=item.key,
            mode=item.mode,
            prefix=item.prefix.text if item.prefix else None,
            suffix=item.suffix.text if item.suffix else None,
            group=group,
        )
        citations.append(citation)
        if item.key in seen and item.key != "*":
            found.append(
                rules.REPEATED_KEY.at(
                    document, item.span, f"{item.key} is cited twice in one citation", footnote=footnote
                )
            )
        seen.add(item.key)
        if problem is not None:
            at = Span(item.suffix.start, item.suffix.start + len(item.suffix.text)) if item.suffix else item.span
            found.append(
                rules.MALFORMED_LOCATOR.at(
                    document, at, f"{item.key}: {problem}", footnote=footnote, hint="write it as p. 33 or pp. 33-35"
                )
            )
        for part in locator.parts if locator else ():
            for kind, explanation in locators.problems(part):
                found.append(
                    rules.LOCATOR_PROBLEMS[kind].at(
                        document,
                        locator.span if locator else item.span,
                        f"{item.key}: {explanation}",
                        footnote=footnote,
                    )
                )
    return citations, found


def read_locator(suffix: Affix | None) -> tuple[Locator | None, str | None]:
    """The locator a postnote starts with, or None; and what is malformed about it."""
    if suffix is None:
        return None, None
    text = suffix.text
    position = len(text) - len(text.lstrip(" ,"))
    start = _start(text, position)
    if start is None or isinstance(start, str):
        return None, start
    label, kind, values = start
    end = values.end()
    raw = text[position:end]
    if _DANGLING.match(text, end):
        return None, f"{text!r}: the range {raw!r} has no end"
    span = Span(suffix.start + position, suffix.start + end)
    label_text = label.group(0).strip() if label else None
    if kind is None:
        # Roman page numbers (p. xiv) are kept as written: they have no place in a page range.
        parts = locators.parts(values.group(0).replace("--", "-").replace("—", "-"))
        return Locator(raw, span, parts or (LocatorPart(LocatorKind.PAGE, label_text, values.group(0)),)), None
    return Locator(raw, span, (LocatorPart(kind, label_text, values.group(0)),)), None


def _start(text: str, position: int) -> tuple[re.Match[str] | None, LocatorKind | None, re.Match[str]] | str | None:
    """The label (if any), its kind and the values a postnote starts with; a problem; or None
    when the postnote is commentary (``emphasis added``) rather than a locator."""
    label = _LABEL.match(text, position)
    if label is None:
        values = _VALUES.match(text, position)
        return (None, None, values) if values is not None and text[position].isdigit() else None
    if label.group(1).casefold() not in _LABELS:
        return None
    values = _VALUES.match(text, label.end())
    if values is None:
        return f"{text!r} has a locator label but no number"
    return label, _LABELS[label.group(1).casefold()], values
