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
* a newspaper issue cited with its date (``Hakimiyet-i Milliye, 1 Haziran 1337-1921, nr. 200``)
  is cited as that issue: the periodical's entry with the date the note gives (with its
  Gregorian equivalent when it is Rumi or Hijri), so that the style prints it where it prints
  dates and each issue is a work of its own for first and later cites; the bibliography lists
  the periodical. When the entry has a date of its own, the note's date is written after the cite.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sources.bib.csldate import date_variable
from sources.model import Citation, CitationKind, LocatorKind
from sources.rendering.dates import localize_literal

if TYPE_CHECKING:
    from sources.csl.locale import Locale

_PAGES = frozenset({LocatorKind.PAGE, LocatorKind.PAGE_RANGE, LocatorKind.OPEN_RANGE})
_LABELS = {LocatorKind.ISSUE: "issue", LocatorKind.VOLUME: "volume"}


def cite_of(citation: Citation, item: dict[str, Any], locale: Locale) -> tuple[dict[str, Any], dict[str, Any]]:
    """The CSL cite of a resolved citation, and the item it cites.

    The item is ``item`` itself, or — for a dated issue of a periodical whose entry has no
    date of its own — that issue: the periodical's fields with the date the note gives.
    """
    cite: dict[str, Any] = {"id": item["id"]}
    kept: list[str] = []
    if citation.kind is CitationKind.NEWSPAPER and citation.date is not None:
        issued = localize_literal(date_variable(citation.date.raw), locale)
        if "issued" in item:
            kept.append(issued.get("literal", citation.date.raw))
        else:
            item = {**item, "id": f"{item['id']}#{citation.date.raw}", "issued": issued}
            cite["id"] = item["id"]
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
    return cite, item


def cluster(citation_id: str, note: int, cite: dict[str, Any]) -> dict[str, Any]:
    """A one-cite cluster in note ``note``: the engine then decides first, subsequent, ibid, near-note."""
    return {"citationID": citation_id, "citationItems": [cite], "citationNoteNumber": note}
