"""A note rewritten: each citation's span replaced by its rendered cite, the commentary kept around it.

Where the note goes on with punctuation right after a citation (``Carr, 1989: 333; Tellal``),
the note's punctuation takes the place of the style's closing one, so that a cite does not end
in ``333.;``. To tell the style's closing punctuation from the cite's own (``ts.`` keeps its
period), such a cite is rendered with a private-use character as its suffix, which the engine
keeps between the cite and the layout's suffix; it is removed here.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from sources.model import Citation, Footnote, Span
from sources.readers.textmap import Stitch

SEAM = "\ue000"  # private use: no style prints it (should the data hold it, the last one is ours)
_CLOSING = frozenset(".;,:")


def needs_seam(text: str, end: int) -> bool:
    """Whether the note goes on with punctuation right after ``text[:end]``."""
    return text[end : end + 1] in _CLOSING


def note_cites(footnote: Footnote, known: Collection[str]) -> list[tuple[Citation, Span]] | str:
    """The note's citations with their spans in its text, or why the note cannot be rewritten.

    Every citation must be resolved to an entry of ``known``.

    A citation of the entry cited right before it, with only punctuation between them and no
    locator of its own (``Benhür, 2008; http://...``: a work and its address), joins that one:
    one reference written two ways is one cite.
    """
    if footnote.note is None:
        return "it has no text"
    stitch = footnote.note.stitch
    unresolved = [citation.raw for citation in footnote.citations if citation.source not in known]
    if unresolved:
        return f"{', '.join(repr(raw) for raw in unresolved)} could not be resolved"
    cites: list[tuple[Citation, Span]] = []
    for citation in footnote.citations:
        span = text_span(stitch, citation.span.start, citation.span.end)
        if span is None:
            return f"{citation.raw!r} lies outside the note's text"
        if cites and _repeats(cites[-1], citation, stitch.text[cites[-1][1].end : span[0]]):
            previous, joined = cites[-1]
            cites[-1] = (previous, Span(joined.start, span[1]))
            continue
        cites.append((citation, Span(*span)))
    return cites


def _repeats(previous: tuple[Citation, Span], citation: Citation, between: str) -> bool:
    return previous[0].source == citation.source and citation.locator is None and not between.strip(" ;,")


def text_span(stitch: Stitch, start: int, end: int) -> tuple[int, int] | None:
    """The offsets in ``stitch.text`` of the original ``[start, end)``, or None when it lies outside."""
    begin = _text_offset(stitch, start)
    last = _text_offset(stitch, end - 1)
    if begin is None or last is None or last < begin:
        return None
    return begin, last + 1


def _text_offset(stitch: Stitch, offset: int) -> int | None:
    for at, source, length in zip(stitch.at, stitch.source, stitch.length, strict=True):
        if source <= offset < source + length:
            return at + offset - source
    return None


def split_seam(rendered: str) -> tuple[str, str]:
    """A rendered cite as (the cite, what the style's layout closed it with), split at the seam."""
    cite, seam, tail = rendered.rpartition(SEAM)
    return (cite, tail) if seam else (rendered, "")


def splice(text: str, cites: Sequence[tuple[int, int, str]], escape: Callable[[str], str] = lambda text: text) -> str:
    """``text`` with each ``(start, end)`` replaced by its rendered cite; the rest escaped for the format."""
    pieces: list[str] = []
    position = 0
    for start, end, rendered in sorted(cites):
        pieces.append(escape(text[position:start]))
        cite, tail = split_seam(rendered)
        if tail.strip() not in ("", *_CLOSING):
            cite += tail  # a closing bracket of an in-note parenthetical stays
        pieces.append(cite)
        position = end
        if cite.endswith(".") and text[end : end + 1] == ".":
            position += 1
    pieces.append(escape(text[position:]))
    return " ".join("".join(pieces).split())
