"""Locators: the part of a citation that says where in the source.

:func:`locator_end` finds the locator forms notes use after a year or a name — pages,
ranges, open ranges (``185 vd.``), issue numbers (``nr. 200``, ``Sayı: 19``), document
numbers (``Belge No:1543``, ``(No. 845)``), instalments (``Tefrika No.3``) and volumes —
and :func:`parts` reads the found text into typed :class:`LocatorPart` records.
Archival paths (``ISH: 16, K: 1129, B: 95-1``) and parliamentary paths (``Devre I,
İçtima 2, Cilt X: 285``) have their own readers. :func:`problems` says what is
suspicious about a locator.
"""

from __future__ import annotations

import re

from sources.model import LocatorKind, LocatorPart

_PAGES = r"(?:(?:s|ss|pp?)\.\s*)?\d+(?:\s*[-–]\s*\d+)?(?:\s+vd\.?)?"
_LABEL = r"(?:Belge\s*No|Tefrika\s*No|No|nr|Nr|Sayı|sayı|Cilt|C)"
_LABELLED = rf"{_LABEL}\s*[.:]?\s*(?:\d+|[IVXLC]+)\b"
# A locator is items joined by commas or "ve", perhaps with a labelled number in brackets
# after them; read by locator_end an item at a time, so that each part is compiled once.
_ITEM = re.compile(rf"{_LABELLED}|{_PAGES}")
_ITEM_JOIN = re.compile(r"\s*,\s*|\s+ve\s+")
_BRACKETED = re.compile(rf"\s*\(\s*{_LABELLED}\s*\)")
# An issue number, its label and number captured: a part of citations.parse's patterns,
# compiled there, never alone.
ISSUE = r"(nr|Nr|No|Sayı|sayı)\s*[.:]?\s*(\d+)"

_PAGE_ITEM = re.compile(r"(?:(?:s|ss|pp?)\.\s*)?(\d+)(?:\s*[-–]\s*(\d+))?(\s+vd\.?)?")
_LABELLED_ITEM = re.compile(rf"({_LABEL})\s*[.:]?\s*(\d+|[IVXLC]+)\b")
_KIND_OF_LABEL = {
    "belgeno": LocatorKind.DOCUMENT,
    "no": LocatorKind.DOCUMENT,
    "tefrikano": LocatorKind.INSTALMENT,
    "nr": LocatorKind.ISSUE,
    "sayı": LocatorKind.ISSUE,
    "cilt": LocatorKind.VOLUME,
    "c": LocatorKind.VOLUME,
}

_PARLIAMENT_LABEL = r"(?:Devre|Dönem|İçtima|Cilt|Birleşim|Oturum|Yıl)"
# A parliamentary path, a part of citations.parse's patterns too.
PARLIAMENT_PATH = rf"{_PARLIAMENT_LABEL}\s+[0-9IVXLC]+(?:\s*,\s*{_PARLIAMENT_LABEL}\s+[0-9IVXLC]+)*"
_PARLIAMENT_KIND = {
    "devre": LocatorKind.TERM,
    "dönem": LocatorKind.TERM,
    "içtima": LocatorKind.SESSION,
    "birleşim": LocatorKind.SESSION,
    "oturum": LocatorKind.SESSION,
    "cilt": LocatorKind.VOLUME,
    "yıl": LocatorKind.VOLUME,
}

# One labelled step of an archival path; its value runs to the next label, ";" or a stop.
_ARCHIVAL_LABEL = r"[A-ZÇĞİÖŞÜ]{1,4}\s*+[:=]"
# The value is read a run at a time (a run of plain characters, of spaces, a comma, a full
# stop), each run once: a lookahead at every character would rescan a run of spaces.
ARCHIVAL_STEP = re.compile(
    rf"([A-ZÇĞİÖŞÜ]{{1,4}})\s*+[:=]\s*+"
    rf"((?:[^\s,;.]++|[^\S\n]++(?!,\s*+{_ARCHIVAL_LABEL}|;)|,(?!\s*+{_ARCHIVAL_LABEL})|\.(?!\s|$))*+)"
)
ARCHIVAL_NEXT = re.compile(rf"\s*,\s*(?={_ARCHIVAL_LABEL})")

_MERGED = re.compile(r"\b(\d+)-(\d+)\1-(\d+)\b")  # 29-329-4: "29-3" and "29-4" run together
_WIDEST_PLAUSIBLE = 100
# More digits than any page number has; longer runs are not converted (int() of thousands
# of digits is slow, and refused beyond 4,300).
_LONGEST_PAGE = 9


def _label_key(label: str) -> str:
    return "".join(label.split()).casefold().replace("i̇", "i")


def locator_end(text: str, start: int) -> int | None:
    """Where the locator starting at ``start`` ends (None: there is none): the longest run
    of items joined by commas or "ve" from there, and a bracketed number after them."""
    item = _ITEM.match(text, start)
    if item is None:
        return None
    end = item.end()
    while (join := _ITEM_JOIN.match(text, end)) and (item := _ITEM.match(text, join.end())):
        end = item.end()
    bracketed = _BRACKETED.match(text, end)
    return bracketed.end() if bracketed else end


def parts(text: str) -> tuple[LocatorPart, ...]:
    """The typed parts of a locator found by :func:`locator_end` (or an issue number)."""
    found: list[LocatorPart] = []
    position = 0
    while position < len(text):
        labelled = _LABELLED_ITEM.match(text, position)
        page = _PAGE_ITEM.match(text, position)
        if labelled:
            label, value = labelled.group(1), labelled.group(2)
            found.append(LocatorPart(_KIND_OF_LABEL[_label_key(label)], label, value))
            position = labelled.end()
        elif page:
            found.append(_page_part(page))
            position = page.end()
        else:
            position += 1
    return tuple(found)


def _page_part(match: re.Match[str]) -> LocatorPart:
    last, open_range = match.group(2), match.group(3)
    value = " ".join(match.group(0).split())
    if max(len(match.group(1)), len(last or "")) > _LONGEST_PAGE:
        return LocatorPart(LocatorKind.PAGE_RANGE if last else LocatorKind.PAGE, None, value)
    first = int(match.group(1))
    if open_range:
        return LocatorPart(LocatorKind.OPEN_RANGE, None, value, first, None)
    if last is None:
        return LocatorPart(LocatorKind.PAGE, None, value, first, first)
    return LocatorPart(LocatorKind.PAGE_RANGE, None, value, first, _expand(match.group(1), last))


def _expand(first: str, last: str) -> int:
    """The last page of a range, with abbreviated ends written out (``217-18`` → 218)."""
    if len(last) < len(first) and int(last) < int(first):
        return int(first[: len(first) - len(last)] + last)
    return int(last)


def parliament_parts(path: str) -> list[LocatorPart]:
    """The steps of a path matched by :data:`PARLIAMENT_PATH`: a label and a number each, between commas."""
    steps = []
    for step in path.split(","):
        label, number = step.split()
        steps.append(LocatorPart(_PARLIAMENT_KIND[label.casefold().replace("i̇", "i")], label, number))
    return steps


def problems(part: LocatorPart) -> list[tuple[str, str]]:
    """What is suspicious about a part: ``(kind, explanation)`` with kind ``reversed``,
    ``implausible`` or ``merged``."""
    found = []
    if part.kind in (LocatorKind.PAGE, LocatorKind.PAGE_RANGE) and part.first is None:
        digits = max(len(run) for run in re.findall(r"\d+", part.value))
        found.append(("implausible", f"a page number of {digits} digits"))
    if part.kind is LocatorKind.PAGE_RANGE and part.first is not None and part.last is not None:
        first, last = part.first, part.last
        if last < first:
            found.append(("reversed", f"page range {part.value} runs backwards"))
        elif last - first > _WIDEST_PLAUSIBLE:
            found.append(("implausible", f"page range {part.value} spans {last - first + 1} pages"))
        elif len(str(last)) > len(str(first)) and str(last).startswith(str(first)) and last - first > 9:
            found.append(("implausible", f"page range {part.value} looks like a digit was repeated"))
    merged = _MERGED.search(part.value)
    if merged:
        a, b, c = merged.groups()
        found.append(("merged", f"{merged.group(0)} looks like {a}-{b} and {a}-{c} run together"))
    return found
