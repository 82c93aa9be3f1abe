"""Raw text of a PDF extraction → :class:`Document`: lines, pages, running heads, rules.

Nothing here edits the text. Every physical line keeps the span of its content in the
decoded file; the later stages decide what is body and what is note and rejoin lines
through :class:`sources.readers.textmap.Stitch`.

Conventions of PDF extractions this module reads (see docs/ingestion.md):

* a page starts at a form feed, or, in a text without form feeds, on a line that
  begins with a single space;
* a running head (``Coşkun TOPAL KAREN 2018 / 4 / 6 318``, ``321 Türk-Rus ...``) is the
  first or last line of a page with the page number at one end;
* a line of dashes separates body text from the footnotes below it;
* a heading such as ``Dipnotlar`` followed by a numbered line opens an endnote block.
"""

from __future__ import annotations

import re
from collections import Counter

from sources.checks.rules import RUNNING_HEAD_DISAGREES, UNANCHORED_PAGES
from sources.model import (
    ArticleInfo,
    Diagnostic,
    Document,
    Line,
    LineKind,
    Page,
    PageSource,
    Span,
)
from sources.readers.textmap import LineIndex

_RULE_MARKS = "-_–—"  # eight or more of them alone on a line draw a rule
_NOTES_HEADING = re.compile(r"(?:dipnotlar|sonnotlar|notlar|notes|endnotes|footnotes)\s*:?", re.IGNORECASE)
_HEAD_NUMBER_FIRST = re.compile(r"(\d{1,4})\s+(\S.*)")
_HEAD_NUMBER_LAST = re.compile(r"(.*\S)\s+(\d{1,4})")


def ingest(
    text: str,
    path: str = "<text>",
    *,
    first_page: int | None = None,
    info: ArticleInfo | None = None,
) -> Document:
    """Split ``text`` into classified lines and numbered pages."""
    index = LineIndex.of(text)
    if first_page is None and info is not None:
        first_page = info.first_page
    raw = list(_physical_lines(text, index))
    page_of, page_starts = _paginate(text, index)
    kinds = [_kind(content) for _, _, content in raw]
    _mark_notes_heading(raw, kinds)
    heads = _running_heads(raw, kinds, page_of)
    numbers, source, misfits = _number_pages(heads, len(page_starts), first_page)
    for k in heads.keys() - misfits:
        kinds[k] = LineKind.RUNNING_HEAD
    pages = tuple(
        Page(i, numbers[i], Span(start, page_starts[i + 1] if i + 1 < len(page_starts) else len(text)), source)
        for i, start in enumerate(page_starts)
    )
    lines = tuple(Line(Span(start, end), page_of[k], kinds[k], content) for k, (start, end, content) in enumerate(raw))
    document = Document(path, text, index, pages, lines, info)
    diagnostics: list[Diagnostic] = []
    if source is PageSource.RELATIVE and len(pages) > 1:
        diagnostics.append(
            UNANCHORED_PAGES.at(
                document,
                None,
                "no running head or first page fixes the page numbers; they count from 1",
                hint="pass --first-page with the number of the first page",
            )
        )
    consensus = _consensus(heads)
    if source is PageSource.GIVEN and consensus is not None:
        k = min(k for k, (page, number) in heads.items() if number - page == consensus)
        start, end, content = raw[k]
        diagnostics.append(
            RUNNING_HEAD_DISAGREES.at(
                document,
                Span(start, end),
                f"running head {content!r} stands on page {numbers[page_of[k]]}",
                hint=f"the running heads put the first page at {consensus}",
            )
        )
    return Document(path, text, index, pages, lines, info, tuple(diagnostics))


def _physical_lines(text: str, index: LineIndex) -> list[tuple[int, int, str]]:
    """(start, end, content) of every line's content: form feeds and outer blanks trimmed."""
    lines = []
    starts = index.starts
    if "\r" in text:
        contents = [text[start:end].rstrip("\r\n") for start, end in zip(starts, [*starts[1:], len(text)], strict=True)]
    else:  # the common case: str.split finds the same lines at a fraction of the cost
        contents = text.split("\n")
    for start, content in zip(starts, contents, strict=True):
        line = content.replace("\f", " ")
        stripped = line.strip()
        if stripped:
            offset = start + len(line) - len(line.lstrip())
            lines.append((offset, offset + len(stripped), stripped))
        else:
            lines.append((start, start, ""))
    return lines


def _paginate(text: str, index: LineIndex) -> tuple[list[int], list[int]]:
    """Page index of every line, and the start offset of every page."""
    form_feeds = "\f" in text
    page_starts = [0]
    page_of = [0]
    line_starts = index.starts
    for start, end in zip(line_starts[1:], [*line_starts[2:], len(text)], strict=False):  # a lone line has no pair
        if form_feeds:
            starts_page = "\f" in text[start:end]
        else:
            starts_page = text.startswith(" ", start) and not text.startswith("  ", start)
        if starts_page:
            page_starts.append(start)
        page_of.append(len(page_starts) - 1)
    return page_of, page_starts


def _kind(content: str) -> LineKind:
    if not content:
        return LineKind.BLANK
    if len(content) >= 8 and not content.strip(_RULE_MARKS):
        return LineKind.RULE
    return LineKind.TEXT


def _mark_notes_heading(raw: list[tuple[int, int, str]], kinds: list[LineKind]) -> None:
    """A notes heading counts only when the next text line starts with a note number."""
    for k, (_, _, content) in enumerate(raw):
        if kinds[k] is LineKind.TEXT and _NOTES_HEADING.fullmatch(content):
            following = next((c for _, _, c in raw[k + 1 :] if c), "")
            if following[:1].isdigit():
                kinds[k] = LineKind.NOTES_HEADING


def _running_heads(
    raw: list[tuple[int, int, str]], kinds: list[LineKind], page_of: list[int]
) -> dict[int, tuple[int, int]]:
    """Line → (page index, number printed) for head-like first and last lines of pages."""
    edges: dict[int, list[int]] = {}
    for k, kind in enumerate(kinds):
        if kind is LineKind.TEXT:
            edges.setdefault(page_of[k], []).append(k)
    heads = {}
    for page, text_lines in edges.items():
        for k in {text_lines[0], text_lines[-1]}:
            number = _head_number(raw[k][2])
            if number is not None:
                heads[k] = (page, number)
    return heads


def _head_number(content: str) -> int | None:
    """The page number of a running head, or None when the line does not look like one.

    Running heads carry no sentence punctuation at their end and no citation-like
    ``Name, 1978: 130`` commas or colons, which keeps footnote lines out.
    """
    if content[-1] in ".,;:" or ", " in content or ": " in content:
        return None
    for pattern, group in ((_HEAD_NUMBER_LAST, 2), (_HEAD_NUMBER_FIRST, 1)):
        match = pattern.fullmatch(content)
        if match and sum(c.isalpha() for c in match.group(3 - group)) >= 4:
            return int(match.group(group))
    return None


def _consensus(heads: dict[int, tuple[int, int]]) -> int | None:
    """The first-page number that two or more heads agree on.

    One head-like line alone proves nothing: a body line such as
    ``yapıyordu.89 Genelkurmay Başkanlığının 1`` can close a page.
    """
    votes = Counter(number - page for page, number in heads.values() if number > page)
    commonest = max(votes, key=votes.__getitem__, default=None)  # most_common(1), without loading heapq
    if commonest is not None and votes[commonest] >= 2:
        return commonest
    return None


def _number_pages(
    heads: dict[int, tuple[int, int]], page_count: int, first_page: int | None
) -> tuple[list[int], PageSource, set[int]]:
    """Page numbers, where they came from, and the head-like lines that do not fit them.

    Each head votes for the number of the first page (its number minus its page index).
    A given first page wins over the vote. Head-like lines that do not fit (a note line
    ending in a number) stay text.
    """
    consensus = _consensus(heads)
    if first_page is not None:
        offset = first_page
        source = PageSource.RUNNING_HEAD if consensus == first_page else PageSource.GIVEN
    elif consensus is not None:
        offset, source = consensus, PageSource.RUNNING_HEAD
    else:
        offset, source = 1, PageSource.RELATIVE
    misfits = {k for k, (page, number) in heads.items() if number - page != offset}
    if source is PageSource.RELATIVE:
        misfits = set(heads)  # no vote and no given page: a line like "1 http://..." is text, not a head
    return [offset + i for i in range(page_count)], source, misfits
