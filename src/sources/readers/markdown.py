"""Markdown (pandoc, Quarto, MkDocs) → :class:`Footnotes` with keyed citations.

markdown-it-py, with mdit-py-plugins' footnote and front-matter plugins, decides the
block structure: which lines are paragraphs, headings, list items and quotations (and
so may cite), which are code or HTML (and never do), and which notes are defined. Inline
text is then read by a linear scanner of ours over the original characters, so every
record keeps its exact span: note references ``[^id]``, inline notes ``^[...]``, and
pandoc's citation syntax — ``[see @a, pp. 33-35; also @b]``, ``[-@a]``, ``@a [p. 33]``,
``@{braced key}`` — outside code spans, autolinks, URLs, e-mail addresses and links.
Notes are numbered in order of first reference, as pandoc numbers them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from sources.checks import rules
from sources.citations.keyed import Affix, KeyedItem
from sources.errors import InputError
from sources.model import CiteMode, Document, Footnotes, Span
from sources.readers.declared import front_matter
from sources.readers.markup import Collected, lines_of, markup_document

# Where the scanner has something to do; everything between is plain text.
_INTERESTING = re.compile(r"[\\`<\[@]|\^\[|(?<![\w/])(?:https?://|www\.)")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>]*+")
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*+|[^\s<>@]++@[^\s<>]++)>")
_BACKTICKS = re.compile(r"`++")
_BRACKET = re.compile(r"\\.|[\[\]()@]", re.DOTALL)
_OPENER = {"]": "[", ")": "("}
_REFERENCE = re.compile(r"\[\^([^\]\s]{1,200}+)\]")
_DEFINITION = re.compile(r"^[ \t]{0,3}\[\^([^\]\s]++)\]:[ \t]*+", re.MULTILINE)
# markdown-it's limit on nested blocks (a list item is two levels: list and item).
_MAX_NESTING = 200
_LONGEST_KEY = 200  # a braced key is never longer: a bound keeps "@{@{@{..." linear
# Punctuation a pandoc key may hold inside, between alphanumerics.
_KEY_INSIDE = frozenset(":.#$%&-+?<>~/")


def read_markdown(text: str, path: str = "<text>") -> Footnotes:
    """The notes, claims and keyed citations of a Markdown text."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    document = markup_document(path, text)
    collected = Collected(document)
    parser = MarkdownIt("commonmark", {"maxNesting": _MAX_NESTING})
    parser.use(front_matter_plugin).use(footnote_plugin)
    # Only the blocks are wanted: inline text is ours to read, and note definitions stay where they stand.
    parser.disable(["inline", "footnote_tail"])
    env: dict[str, Any] = {}
    tokens = parser.parse(text, env)
    starts = document.index.starts

    def offset(line: int) -> int:
        return starts[line] if line < len(starts) else len(text)

    _refuse_too_deep(tokens, document)
    definitions: dict[str, tuple[int, list[tuple[int, int]]]] = {}  # label → (start, inline stretches)
    body: list[tuple[int, int]] = []
    label: str | None = None
    for token in tokens:
        if token.type == "footnote_reference_open" and token.map is not None:
            label = token.meta["label"]
            start = offset(token.map[0])
            if label in definitions:
                collected.diagnostics.append(
                    rules.DUPLICATE_NUMBER.at(document, Span(start, start + 1), f"the note [^{label}] is defined twice")
                )
                label = f"\0{start}"  # kept apart, and reported once (above)
            definitions[label] = (start, [])
        elif token.type == "footnote_reference_close":
            label = None
        elif token.type == "inline" and token.map is not None:
            region = (offset(token.map[0]), offset(token.map[1]))
            # Start where the inline text does, after a quotation's ">" or a list item's marker.
            first_line = token.content.split("\n", 1)[0]
            found = text.find(first_line, region[0], region[1]) if first_line else -1
            region = (found, region[1]) if found >= 0 else region
            (body if label is None else definitions[label][1]).append(region)
    _nocite(text, collected)
    scanner = _Scanner(text, collected, set(definitions))
    for region in body:
        scanner.scan(*region, footnote=None)
    read = 0
    while read < len(scanner.labels):  # a note may refer to notes of its own: they are read in turn
        _definition(scanner, scanner.labels[read], *definitions[scanner.labels[read]])
        read += 1
    for name, (start, _) in definitions.items():
        if name not in scanner.numbers and not name.startswith("\0"):
            collected.diagnostics.append(
                rules.NOTE_WITHOUT_MARKER.at(
                    document,
                    Span(start, start + len(name) + 3),
                    f"the note [^{name}] is never referred to",
                    hint=f"refer to it with [^{name}] in the text, or delete it",
                )
            )
    return collected.footnotes()


def _refuse_too_deep(tokens: list[Any], document: Document) -> None:
    """markdown-it stops reading blocks nested ``maxNesting`` deep, silently: say so instead."""
    deepest = max(tokens, key=lambda token: token.level, default=None)
    if deepest is not None and deepest.level >= _MAX_NESTING - 1:
        line = next((t.map[0] + 1 for t in tokens if t.map and t.level >= _MAX_NESTING - 2), None)
        raise InputError(
            document.path,
            f"lists or quotations nested too deep (sources reads about {_MAX_NESTING // 2} levels)",
            line,
        )


def _definition(scanner: _Scanner, label: str, start: int, regions: list[tuple[int, int]]) -> None:
    """The text of a note defined by ``[^label]:`` and the citations in it."""
    number = scanner.numbers[label]
    text = scanner.text
    opening = _DEFINITION.match(text, start)
    if opening is not None and regions and regions[0][0] <= opening.end() < regions[0][1]:
        regions = [(opening.end(), regions[0][1]), *regions[1:]]
    pieces = [piece for first, end in regions for piece in lines_of(text, first, end)]
    scanner.collected.note(number, pieces, opening.end() if opening else start)
    for first, end in regions:
        scanner.scan(first, end, footnote=number)


def _nocite(text: str, collected: Collected) -> None:
    """``nocite: "@a, @b"`` or ``"@*"`` in the front matter: entries listed without a citation."""
    fields = front_matter(text)
    if "nocite" not in fields:
        return
    value, start = fields["nocite"]
    items = []
    for at in (start + k for k, char in enumerate(value) if char == "@"):
        key = "*" if text.startswith("@*", at) else None
        end = at + 2
        if key is None:
            found = _key(text, at + 1, start + len(value))
            if found is None:
                continue
            key, end = found
        items.append(KeyedItem(key, CiteMode.NOCITE, Span(at, end)))
    collected.cite(items, None)


class _Scanner:
    """Reads the inline text of paragraphs and notes; numbers notes in order of reference."""

    def __init__(self, text: str, collected: Collected, defined: set[str]) -> None:
        self.text = text
        self.collected = collected
        self.defined = defined
        self.numbers: dict[str, int] = {}  # label → note number
        self.labels: list[str] = []  # in order of number
        self.count = 0
        self._no_closer: dict[int, tuple[int, int]] = {}  # backtick run length → (failed from, limit)
        self._stretch = _Stretch(text, 0, 0)  # the stretch being read
        self._contexts: list[tuple[int, int | None]] = []
        self._low = 0

    def scan(self, start: int, end: int, footnote: int | None) -> None:
        """Find note references, inline notes and citations in ``text[start:end]``."""
        text = self.text
        self._stretch = _Stretch(text, start, end)
        self._low = start
        self._no_closer.clear()
        self._contexts = [(end, footnote)]  # inline notes open inside this stretch, innermost last
        position = start
        while True:
            limit, note = self._contexts[-1]
            found = _INTERESTING.search(text, position, limit)
            if found is None:
                if len(self._contexts) == 1:
                    return
                self._contexts.pop()
                position = limit + 1  # past the inline note's "]"
                continue
            position = self._step(found.start(), limit, note)

    def _step(self, at: int, limit: int, note: int | None) -> int:
        """Read what starts at ``at``; the position to go on from."""
        text = self.text
        char = text[at]
        if char in "\\`<hw":
            return self._skip(at, limit)
        if char == "^":
            return self._inline_note(at, limit, note)
        if char == "@":
            return self._in_text(at, limit, note)
        if text.startswith("[^", at):
            return self._reference(at, note)
        return self._bracket(at, limit, note)

    def _skip(self, at: int, limit: int) -> int:
        """Past an escaped character, a code span, an autolink or a URL: none of them cites."""
        text = self.text
        char = text[at]
        if char == "\\":
            return at + 2
        if char == "`":
            return self._code_span(at, limit)
        if char == "<":
            link = _AUTOLINK.match(text, at, limit)
            return link.end() if link else at + 1
        return _URL.match(text, at, limit).end()  # type: ignore[union-attr]  # matched by _INTERESTING

    def _inline_note(self, at: int, limit: int, note: int | None) -> int:
        """``^[...]``: a note of its own, read where it stands."""
        close = self._stretch.closing.get(at + 1)
        if close is None or close >= limit:
            self.collected.diagnostics.append(
                rules.UNCLOSED_GROUP.at(
                    self.collected.document, Span(at, at + 2), "the inline note ^[ is never closed", footnote=note
                )
            )
            return at + 2
        self.count += 1
        self.collected.mark(self.count, Span(at, close + 1), self._low)
        self.collected.note(self.count, lines_of(self.text, at + 2, close), at + 2)
        self._contexts.append((close, self.count))
        return at + 2

    def _code_span(self, at: int, limit: int) -> int:
        """Past a code span opened by the backticks at ``at`` (or past the run, if never closed)."""
        text = self.text
        n = _BACKTICKS.match(text, at).end() - at  # type: ignore[union-attr]  # text[at] is a backtick
        failed = self._no_closer.get(n)
        if failed is not None and failed[1] == limit and failed[0] <= at:
            return at + n
        search = at + n
        while True:
            close = text.find("`" * n, search, limit)
            if close < 0:
                self._no_closer[n] = (at, limit)
                return at + n
            run = _BACKTICKS.match(text, close).end() - close  # type: ignore[union-attr]
            if run == n:
                return close + n
            search = close + run

    def _reference(self, at: int, note: int | None) -> int:
        """``[^label]``: a reference to a defined note, or a marker without a note."""
        text = self.text
        found = _REFERENCE.match(text, at)
        if found is None:
            return at + 2
        label = found.group(1)
        span = Span(at, found.end())
        if label in self.defined:
            if label not in self.numbers:
                self.count += 1
                self.numbers[label] = self.count
                self.labels.append(label)
            self.collected.mark(self.numbers[label], span, self._low)
        else:
            self.collected.diagnostics.append(
                rules.MARKER_WITHOUT_NOTE.at(
                    self.collected.document,
                    span,
                    f"[^{label}] refers to a note that is not defined",
                    footnote=note,
                    hint=f"define it with a line [^{label}]: ...",
                )
            )
        return found.end()

    def _bracket(self, at: int, limit: int, note: int | None) -> int:
        """``[...]``: a link (skipped), a citation group, or text that may hold in-text citations."""
        text = self.text
        stretch = self._stretch
        close = stretch.closing.get(at)
        if close is None or close >= limit:
            return at + 1
        after = text[close + 1 : close + 2]
        if after in ("(", "["):  # a link's text and destination, or a reference link
            return stretch.closing.get(close + 1, close) + 1
        # A bracket holding another is text (its inner brackets are read in turn): pandoc's
        # prefixes and suffixes rarely hold brackets, and nested ones would be read again and again.
        if stretch.holds(stretch.opens, at, close) or not stretch.holds(stretch.ats, at, close):
            return at + 1
        items = _group(text, at + 1, close)
        if items is None:
            return at + 1
        self.collected.cite(items, note)
        return close + 1

    def _in_text(self, at: int, limit: int, note: int | None) -> int:
        """``@key``, ``@key [p. 33]``: an author-in-text citation (not an e-mail address)."""
        text = self.text
        if at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_"):
            return at + 1
        found = _key(text, at + 1, limit)
        if found is None:
            return at + 1
        key, end = found
        suffix = None
        bracket = end + 1 if text.startswith(" [", end) else end
        stretch = self._stretch
        close = stretch.closing.get(bracket) if text.startswith("[", bracket) else None
        if close is not None and close < limit and not stretch.holds(stretch.ats, bracket, close):
            suffix = _affix(text, bracket + 1, close)
            end = close + 1
        # "-@key" outside brackets leaves the author out too, as pandoc reads it.
        suppress = at > 0 and text[at - 1] == "-" and (at == 1 or not text[at - 2].isalnum())
        mode, first = (CiteMode.SUPPRESS_AUTHOR, at - 1) if suppress else (CiteMode.AUTHOR_IN_TEXT, at)
        self.collected.cite([KeyedItem(key, mode, Span(first, end), None, suffix)], note)
        return end


class _Stretch:
    """Where each bracket and parenthesis of a stretch of text closes, and where its ``[`` and ``@``
    stand: found in one pass, so that no bracket is searched through twice."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.closing: dict[int, int] = {}
        self.opens: list[int] = []  # every "[", in order
        self.ats: list[int] = []  # every "@", in order
        waiting: dict[str, list[int]] = {"[": [], "(": []}
        for found in _BRACKET.finditer(text, start, end):
            char, at = found.group(0), found.start()
            if char in "[(":
                waiting[char].append(at)
                if char == "[":
                    self.opens.append(at)
            elif char == "@":
                self.ats.append(at)
            elif len(char) == 1 and waiting[_OPENER[char]]:
                self.closing[waiting[_OPENER[char]].pop()] = at

    def holds(self, marks: list[int], start: int, end: int) -> bool:
        """Whether one of ``marks`` (offsets in order) lies in ``(start, end)``."""
        k = bisect_right(marks, start)
        return k < len(marks) and marks[k] < end


def _key(text: str, at: int, limit: int) -> tuple[str, int] | None:
    """The citation key starting at ``at`` (just after the ``@``) and where it ends."""
    if at >= limit:
        return None
    if text[at] == "{":
        depth = 0
        for position in range(at, min(limit, at + _LONGEST_KEY)):
            if text[position] == "{":
                depth += 1
            elif text[position] == "}":
                depth -= 1
                if depth == 0:
                    key = text[at + 1 : position]
                    # pandoc takes no blank into a braced key either
                    return (key, position + 1) if key and not any(c.isspace() for c in key) else None
        return None
    first = text[at]
    if not (first.isalnum() or first == "_"):
        return None
    position = at + 1
    while position < limit:
        char = text[position]
        if char.isalnum() or char == "_":
            position += 1
        elif (
            char in _KEY_INSIDE and position + 1 < limit and (text[position + 1].isalnum() or text[position + 1] == "_")
        ):
            position += 2
        else:
            break
    return text[at:position], position


def _affix(text: str, start: int, end: int) -> Affix | None:
    """``text[start:end]`` stripped, with its offset; None when only blanks."""
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return None
    return Affix(" ".join(stripped.split()), start + len(piece) - len(piece.lstrip()))


def _group(text: str, start: int, end: int) -> list[KeyedItem] | None:
    """The items of ``[see @a, p. 33; @b]``, or None when a piece has no key (then it is text)."""
    pieces = []
    piece_start = start
    depth = 0
    for position in range(start, end):
        char = text[position]
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(depth - 1, 0)
        elif char == ";" and depth == 0:
            pieces.append((piece_start, position))
            piece_start = position + 1
    pieces.append((piece_start, end))
    items = []
    for piece_start, piece_end in pieces:
        item = _item(text, piece_start, piece_end)
        if item is None:
            return None
        items.append(item)
    return items


def _item(text: str, start: int, end: int) -> KeyedItem | None:
    """One ``prefix -@key suffix`` of a bracketed citation."""
    at = text.find("@", start, end)
    while at >= 0 and at > start and (text[at - 1].isalnum() or text[at - 1] == "_"):
        at = text.find("@", at + 1, end)
    if at < 0:
        return None
    found = _key(text, at + 1, end)
    if found is None:
        return None
    key, key_end = found
    suppress = at > start and text[at - 1] == "-" and (at - 1 == start or text[at - 2].isspace())
    prefix_end = at - 1 if suppress else at
    prefix = _affix(text, start, prefix_end)
    suffix = _affix(text, key_end, end)
    first = prefix.start if prefix else prefix_end
    last = suffix.start + len(text[suffix.start : end].rstrip()) if suffix else key_end
    mode = CiteMode.SUPPRESS_AUTHOR if suppress else CiteMode.NORMAL
    return KeyedItem(key, mode, Span(first, last), prefix, suffix)
