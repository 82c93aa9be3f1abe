"""Citations → CSL cites: the entry, and the locator under a CSL label or kept as written.

A locator maps to CSL's one locator and label where CSL has a label for it; the rest of
what the text wrote stays as written, in the cite's suffix, so nothing the note says is lost:

* pages (``130``, ``4-5``, ``185 vd.``) are the locator, label ``page``, as written — with any
  other steps of the same locator (``838-841 (No. 845)``, ``Devre I, İçtima 2, Cilt X: 285``);
* a lone issue (``nr. 200``, ``Sayı: 19``) or volume (``Cilt X``) is the locator with label
  ``issue`` or ``volume``, its value only (the style prints its own label);
* everything else — an archival path (``ISH: 16, K: 1129, B: 95-1``: CSL has no label for the
  steps of a fonds, and the style's ``archive_location`` belongs to an item, not a cite), a
  document number, an instalment — is written after the cite: ``ATASE, ISH: 16, K: 1129, B: 95-1``;
* the date of a newspaper issue, which the periodical's entry does not hold, is written after
  the cite as well, with its Gregorian equivalent when it is Rumi or Hijri.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sources.bib.csldate import date_variable
from sources.model import Citation, CitationKind, LocatorKind
from sources.rendering.dates import localize_bracket

if TYPE_CHECKING:
    from sources.csl.locale import Locale

_PAGES = frozenset({LocatorKind.PAGE, LocatorKind.PAGE_RANGE, LocatorKind.OPEN_RANGE})
_LABELS = {LocatorKind.ISSUE: "issue", LocatorKind.VOLUME: "volume"}


def cite_of(citation: Citation, locale: Locale) -> dict[str, Any]:
    """The CSL cite of a resolved citation (``citation.source`` set)."""
    cite: dict[str, Any] = {"id": citation.source}
    kept: list[str] = []
    if citation.kind is CitationKind.NEWSPAPER and citation.date is not None:
        literal = date_variable(citation.date.raw).get("literal", citation.date.raw)
        kept.append(localize_bracket(literal, locale))
    locator = citation.locator
    if locator is not None:
        kinds = [part.kind for part in locator.parts]
        if _PAGES.intersection(kinds):
            cite["locator"], cite["label"] = locator.raw, "page"
        elif len(kinds) == 1 and kinds[0] in _LABELS:
            cite["locator"], cite["label"] = locator.parts[0].value, _LABELS[kinds[0]]
        else:
            kept.append(locator.raw)
    if kept:
        cite["suffix"] = ", " + ", ".join(kept)
    return cite


def cluster(citation_id: str, note: int, cite: dict[str, Any]) -> dict[str, Any]:
    """A one-cite cluster in note ``note``: the engine then decides first, subsequent, ibid, near-note."""
    return {"citationID": citation_id, "citationItems": [cite], "citationNoteNumber": note}
