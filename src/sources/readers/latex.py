"""LaTeX (biblatex, natbib) → :class:`Footnotes` with keyed citations.

pylatexenc's LatexWalker tokenizes the text (no macro is expanded): comments,
``verbatim``-like environments and ``\\verb`` are skipped whole. Notes are ``\\footnote``,
``\\footnotemark``/``\\footnotetext`` and the cite commands that make a note of their own
(``\\footcite``, ``\\footcites``, ``\\footfullcite``, ``\\footcitetext``), numbered together
in document order. The arguments of a cite command — starred form, pre- and postnote,
the multicite ``\\cites(pre)(post)[pre][post]{key}[post]{key}`` — are read from the text
by a small scanner of ours, so every key keeps its exact offset.

The walker recurses once per nested group: nesting deeper than :data:`MAX_DEPTH` is
refused with a message before it is walked.
"""

from __future__ import annotations

import functools
import re
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import Any

from attrs import field, frozen

from sources.checks import rules
from sources.citations.keyed import Affix, KeyedItem
from sources.errors import InputError
from sources.model import CiteMode, Footnotes, Span
from sources.readers.markup import CLAIM_REACH, Collected, lines_of, markup_document
from sources.records import record_eq, record_hash, record_repr

MAX_DEPTH = 200
# What nests: braces and environments (escapes and comments match whole, to be passed over).
_NESTING = re.compile(r"\\(?:begin|end)(?![A-Za-z])|\\.|%[^\n]*+|[{}]", re.DOTALL)
_MACRO = re.compile(r"\\([A-Za-z]++)\*?+")  # a command and its star
# Delimiters of arguments; escaped characters and comments match as longer strings and are passed over.
_DELIMITERS = re.compile(r"\\.|%[^\n]*+|[{}\[\]()]", re.DOTALL)

_MODES: dict[str, CiteMode] = {
    **dict.fromkeys(
        (
            "cite parencite footcite footcitetext autocite smartcite supercite citep citealp "
            "cites parencites footcites footcitetexts autocites smartcites supercites"
        ).split(),
        CiteMode.NORMAL,
    ),
    **dict.fromkeys("textcite textcites citet citealt".split(), CiteMode.AUTHOR_IN_TEXT),
    "citeauthor": CiteMode.AUTHOR_ONLY,
    **dict.fromkeys("citeyear citeyearpar citedate".split(), CiteMode.YEAR_ONLY),
    "citetitle": CiteMode.TITLE_ONLY,
    **dict.fromkeys("fullcite footfullcite".split(), CiteMode.FULL),
    "nocite": CiteMode.NOCITE,
}
_MODES |= {name[0].upper() + name[1:]: mode for name, mode in _MODES.items() if name != "nocite"}
# biblatex's starred forms that leave the author out; natbib's stars (full author lists) keep the mode.
_STAR_SUPPRESSES = frozenset("cite parencite autocite smartcite footcite Cite Parencite Autocite Smartcite".split())
_MAKES_NOTE = frozenset(
    n
    for name in "footcite footcites footfullcite footcitetext footcitetexts".split()
    for n in (name, name.capitalize())
)
_MULTI = frozenset(name for name in _MODES if name.endswith(("cites", "citetexts")))
_VERBATIM = ("verbatim", "Verbatim", "lstlisting", "comment", "minted", "alltt")


def read_latex(text: str, path: str = "<text>") -> Footnotes:
    """The notes, claims and keyed citations of a LaTeX text."""
    from pylatexenc.latexwalker import LatexWalker, LatexWalkerError

    document = markup_document(path, text)
    depth, at = _deepest(text)
    if depth > MAX_DEPTH:
        line, column = document.index.locate(at)
        raise InputError(path, f"groups nested {depth} deep (sources reads at most {MAX_DEPTH})", line, column)
    pairs = _pairs(text)
    arguments = _cite_arguments(text, pairs)
    condensed = _Condensed.of(text, arguments)
    try:
        nodes = LatexWalker(condensed.text, latex_context=_context(), tolerant_parsing=True).get_latex_nodes()[0]
    except LatexWalkerError as error:
        raise InputError(path, f"cannot be read as LaTeX: {error}") from None
    except RecursionError:  # brackets of optional arguments nest in pylatexenc too: [[[[...
        raise InputError(path, "brackets or groups nested too deeply to be read") from None
    walk = _Walk(text, Collected(document), arguments, condensed)
    walk.nodes(nodes, None)
    for number, span in walk.pending_marks.items():
        walk.collected.diagnostics.append(
            rules.MARKER_WITHOUT_NOTE.at(
                document, span, f"\\footnotemark {number} has no \\footnotetext", hint="add \\footnotetext{...}"
            )
        )
    return walk.collected.footnotes()


@functools.cache
def _context() -> Any:
    from pylatexenc.latexwalker import get_default_latex_context_db
    from pylatexenc.macrospec import EnvironmentSpec, MacroSpec, VerbatimArgsParser

    context = get_default_latex_context_db()
    context.add_context_category(
        "sources-notes-and-cites",
        prepend=True,
        # Cite commands take no arguments here: _Walk reads them from the text with their offsets.
        macros=[MacroSpec(name, "") for name in _MODES]
        + [MacroSpec("footnote", "[{"), MacroSpec("footnotetext", "[{"), MacroSpec("footnotemark", "[")],
        environments=[
            EnvironmentSpec(name, args_parser=VerbatimArgsParser(verbatim_arg_type="verbatim-environment"))
            for name in _VERBATIM
        ],
    )
    return context


def _deepest(text: str) -> tuple[int, int]:
    """The deepest nesting of braces and environments, and where it is first reached."""
    deepest = depth = 0
    at = 0
    for found in _NESTING.finditer(text):
        token = found.group(0)
        if token in ("{", "\\begin"):
            depth += 1
            if depth > deepest:
                deepest, at = depth, found.start()
        elif token in ("}", "\\end"):
            depth -= 1
    return deepest, at


# What the walker reads: macro names, environment names and \verb whole; prose runs condensed.
_PIECES = re.compile(
    r"\\(?:begin|end)[ \t]*+\{[^}\n]*+\}|\\verb\*?+([^\w\s])[^\n]{0,500}?\1|\\[A-Za-z@]++|\\.|([\w \t.,;:!?'\"/-]{8,})",
    re.DOTALL,
)


@frozen
class _Condensed:
    """The text with every long run of prose (letters, digits, blanks, common punctuation) cut to
    one ``x``, kept between blanks when it had them, and the way back to the original offsets.

    pylatexenc reads character by character at some microseconds each and slows down
    more than linearly on long runs of text; prose means nothing to the walker, whose
    work is the structure. Every character that is not prose keeps its place relative
    to its neighbours, so a node's offsets map back exactly.
    """

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    text: str
    at: array[int] = field(repr=False)  # where each condensed run starts in ``text``
    source: array[int] = field(repr=False)  # ... and in the original
    length: array[int] = field(repr=False)  # the run's length in ``text``
    shift: array[int] = field(repr=False)  # original offset minus condensed offset, after the run

    @classmethod
    def of(cls, original: str, arguments: dict[int, _Arguments]) -> _Condensed:
        """Condense prose runs, and the arguments of cite commands, which _Walk reads from the original."""
        parts: list[str] = []
        at, source, length, shift = array("q"), array("q"), array("q"), array("q")
        kept = 0  # original offset up to which the text is copied
        size = 0
        for start, end, short in _runs(original, arguments):
            if start < kept:
                continue  # prose inside a cite command's arguments, condensed with them
            parts.append(original[kept:start])
            size += start - kept
            at.append(size)
            source.append(start)
            length.append(len(short))
            shift.append(end - (size + len(short)))
            parts.append(short)
            size += len(short)
            kept = end
        parts.append(original[kept:])
        return cls("".join(parts), at, source, length, shift)

    def original(self, offset: int) -> int:
        """The original offset of ``text[offset]``; inside a condensed run, the run's start."""
        k = bisect_right(self.at, offset) - 1
        if k < 0:
            return offset
        if offset - self.at[k] < self.length[k]:
            return self.source[k]
        return offset + self.shift[k]


def _runs(original: str, arguments: dict[int, _Arguments]) -> Iterator[tuple[int, int, str]]:
    """``(start, end, replacement)`` of every run to condense, in order."""
    commands = iter(
        (read.start, read.end)
        for read in arguments.values()
        if read.unclosed is None and read.end > read.start and "\\" not in original[read.start : read.end]
    )
    command = next(commands, None)
    for found in _PIECES.finditer(original):
        run = found.group(2)
        if run is None:
            continue
        while command is not None and command[0] < found.start():
            yield command[0], command[1], " x"  # the blank keeps "\\cite x" from reading as "\\citex"
            command = next(commands, None)
        yield found.start(), found.end(), (" " if run[0] in " \t" else "") + "x" + (" " if run[-1] in " \t" else "")
    while command is not None:
        yield command[0], command[1], " x"
        command = next(commands, None)


class _Walk:
    """Walks the nodes once, numbering notes in document order and collecting citations."""

    def __init__(
        self, text: str, collected: Collected, arguments: dict[int, _Arguments], condensed: _Condensed
    ) -> None:
        self.text = text
        self.arguments = arguments
        self.condensed = condensed
        self.collected = collected
        self.counter = 0  # LaTeX's footnote counter
        self.pending_marks: dict[int, Span] = {}  # \footnotemark numbers still waiting for their text
        self.skip_until = 0  # the arguments of a cite command, already read from the text

    def _start(self, node: Any) -> int:
        return self.condensed.original(node.pos)

    def _end(self, node: Any) -> int:
        return self.condensed.original(node.pos + node.len)

    def nodes(self, nodes: Iterable[Any], footnote: int | None) -> None:
        for node in nodes:
            if node is None or self._start(node) < self.skip_until:
                continue
            kind = type(node).__name__
            if kind == "LatexMacroNode":
                self.macro(node, footnote)
            elif kind == "LatexGroupNode":
                self.closed(node, node.delimiters[1], footnote)
                self.nodes(node.nodelist, footnote)
            elif kind == "LatexEnvironmentNode" and node.environmentname not in _VERBATIM:
                self.closed(node, f"\\end{{{node.environmentname}}}", footnote)
                self.nodes(node.nodelist, footnote)

    def closed(self, node: Any, closer: str, footnote: int | None) -> None:
        start, end = self._start(node), self._end(node)
        if not self.text.startswith(closer, end - len(closer)):
            opener = self.text[start : start + 1] if closer != "}" else "{"
            self.collected.diagnostics.append(
                rules.UNCLOSED_GROUP.at(
                    self.collected.document,
                    Span(start, start + 1),
                    f"{opener!r} opened here is never closed with {closer!r}",
                    footnote=footnote,
                )
            )

    def macro(self, node: Any, footnote: int | None) -> None:
        name = node.macroname
        if name in _MODES:
            self.cite(node, footnote)
        elif name in ("footnote", "footnotetext"):
            self.note(node, footnote, mark=name == "footnote")
        elif name == "footnotemark":
            number = self._number(node.nodeargd.argnlist[0] if node.nodeargd else None)
            start, end = self._start(node), self._end(node)
            end += 2 if self.text.startswith("{}", end) else 0  # \footnotemark{}: the braces end the command
            self.pending_marks[number] = Span(start, end)
            self.collected.mark(number, Span(start, end), self._paragraph(start))
        elif node.nodeargd is not None:
            self.nodes(node.nodeargd.argnlist, footnote)

    def _number(self, optional: Any) -> int:
        """The number an optional ``[n]`` gives, or the next value of the counter."""
        if optional is not None:
            written = self.text[self._start(optional) + 1 : self._end(optional) - 1].strip()
            if written.isdigit():
                return int(written)
        self.counter += 1
        return self.counter

    def _paragraph(self, at: int) -> int:
        """Where the paragraph holding ``at`` starts, looking back no further than a claim reaches."""
        low = max(at - CLAIM_REACH, 0)
        blank = self.text.rfind("\n\n", low, at)
        return blank + 2 if blank >= 0 else low

    def note(self, node: Any, footnote: int | None, *, mark: bool) -> None:
        """``\\footnote[n]{text}`` (a marker and a text) or ``\\footnotetext[n]{text}`` (a text)."""
        args = node.nodeargd.argnlist if node.nodeargd else [None, None]
        optional, group = args[0], args[1]
        if group is None:
            return
        if footnote is not None:  # a note inside a note: LaTeX prints it, we read it as part of the outer one
            self.nodes([group], footnote)
            return
        if mark:
            number = self._number(optional)
            self.collected.mark(number, Span(self._start(node), self._end(node)), self._paragraph(self._start(node)))
        else:
            number = self._number(optional) if optional is not None else max(self.counter, 1)
            self.pending_marks.pop(number, None)
            if number not in self.collected.markers:
                self.collected.diagnostics.append(
                    rules.NOTE_WITHOUT_MARKER.at(
                        self.collected.document,
                        Span(self._start(node), self._end(node)),
                        f"\\footnotetext {number} has no \\footnotemark",
                        footnote=number,
                    )
                )
        if type(group).__name__ == "LatexGroupNode":
            self.closed(group, "}", number)
            inner, children = (self._start(group) + 1, self._end(group) - 1), group.nodelist
        else:  # \footnote x: one token is the whole argument, as in TeX
            inner, children = (self._start(group), self._end(group)), [group]
        self.collected.note(number, lines_of(self.text, *inner), inner[0])
        self.nodes(children, number)

    def cite(self, node: Any, footnote: int | None) -> None:
        name = node.macroname
        text = self.text
        at = self._start(node)
        read = self.arguments.get(at)
        if read is None:  # the walker saw a cite command our scan of the text did not: leave it
            return
        mode = _MODES[name]
        if text.startswith("*", read.start - 1) and name in _STAR_SUPPRESSES:
            mode = CiteMode.SUPPRESS_AUTHOR
        if read.unclosed is not None:
            if not text.startswith("{", read.unclosed):  # an unclosed brace: the walker reports it
                self.collected.diagnostics.append(
                    rules.UNCLOSED_GROUP.at(
                        self.collected.document,
                        Span(read.unclosed, read.unclosed + 1),
                        f"\\{name} has no {{key}} argument, or one that is never closed",
                        footnote=footnote,
                    )
                )
            return
        self.skip_until = read.end
        if name in _MAKES_NOTE and footnote is None:
            self.counter += 1
            footnote = self.counter
            self.collected.mark(footnote, Span(at, read.end), self._paragraph(at))
            self.collected.note(footnote, lines_of(text, at, read.end), at)
        items = [
            KeyedItem(key, mode, span, prenote, postnote)
            for prenote, postnote, keys in read.groups
            for key, span in keys
        ]
        self.collected.cite(items, footnote)


@frozen
class _Arguments:
    """A cite command's arguments as read from the text: where they run, and their groups."""

    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    start: int  # just after the command's name (and star)
    end: int
    groups: list[tuple[Affix | None, Affix | None, list[tuple[str, Span]]]]
    unclosed: int | None = None  # the offset of an argument that is never closed


def _cite_arguments(text: str, pairs: dict[int, int]) -> dict[int, _Arguments]:
    """The arguments of every cite command, by the offset of its backslash (read once, in order)."""
    found: dict[int, _Arguments] = {}
    for macro in _MACRO.finditer(text):
        name = macro.group(1)
        if name not in _MODES:
            continue
        read = _arguments(text, pairs, macro.end(), multi=name in _MULTI)
        if isinstance(read, int):
            found[macro.start()] = _Arguments(macro.end(), macro.end(), [], read)
        else:
            found[macro.start()] = _Arguments(macro.end(), read[1], read[0])
    return found


_Keys = list[tuple[str, Span]]
_Groups = list[tuple[Affix | None, Affix | None, _Keys]]  # (prenote, postnote, keys) per [..][..]{..}


def _arguments(text: str, pairs: dict[int, int], at: int, *, multi: bool) -> tuple[_Groups, int] | int:
    """The ``[pre][post]{keys}`` groups of a cite command from ``at``, and where they end;
    or the offset of an argument that is never closed."""
    groups: _Groups = []
    position = at
    if multi:
        for _ in range(2):  # the multicite's global (pre)(post)notes: not locators of any one key
            start = _spaces(text, position)
            if not text.startswith("(", start):
                break
            close = pairs.get(start)
            if close is None:
                return start
            position = close + 1
    while True:
        notes: list[tuple[int, int]] = []
        start = _spaces(text, position)
        while len(notes) < 2 and text.startswith("[", start):
            close = pairs.get(start)
            if close is None:
                return start
            notes.append((start + 1, close))
            start = _spaces(text, close + 1)
        if not text.startswith("{", start):
            return (groups, position) if groups else start
        close = pairs.get(start)
        if close is None:
            return start
        prenote = _note(text, *notes[0]) if len(notes) == 2 else None
        postnote = _note(text, *notes[-1]) if notes else None
        groups.append((prenote, postnote, _keys(text, start + 1, close)))
        position = close + 1
        if not multi or not text.startswith(("[", "{"), _spaces(text, position)):
            return groups, position


def _spaces(text: str, position: int) -> int:
    """Past blanks and one line end (a blank line ends a command's arguments)."""
    newline = False
    while position < len(text) and text[position] in " \t\n\r":
        if text[position] == "\n":
            if newline:
                break
            newline = True
        position += 1
    return position


def _pairs(text: str) -> dict[int, int]:
    """Where each ``{``, ``[`` and ``(`` of the text closes; escaped and commented ones left out.

    A bracket or parenthesis closes at the brace depth it opened at (``[{]}]`` is one
    argument); one opened inside a group and never closed is dropped when the group closes.
    """
    pairs: dict[int, int] = {}
    braces: list[int] = []
    others: list[tuple[str, int, int]] = []  # (opener, offset, brace depth)
    for found in _DELIMITERS.finditer(text):
        char, at = found.group(0), found.start()
        if char == "{":
            braces.append(at)
        elif char == "}":
            if braces:
                pairs[braces.pop()] = at
            while others and others[-1][2] > len(braces):
                others.pop()
        elif char in "[(":
            others.append((char, at, len(braces)))
        elif char in "])":
            opener = "[" if char == "]" else "("
            # A stray opener of the other kind inside is text: "[see (esp. p. 3]".
            while others and others[-1][2] == len(braces) and others[-1][0] != opener:
                others.pop()
            if others and others[-1][2] == len(braces):
                pairs[others.pop()[1]] = at
    return pairs


def _note(text: str, start: int, end: int) -> Affix | None:
    piece = text[start:end].replace("~", " ")
    stripped = piece.strip()
    if not stripped:
        return None
    return Affix(" ".join(stripped.split()), start + len(piece) - len(piece.lstrip()))


def _keys(text: str, start: int, end: int) -> _Keys:
    keys: _Keys = []
    position = start
    for piece in text[start:end].split(","):
        key = piece.strip()
        if key:
            first = position + len(piece) - len(piece.lstrip())
            keys.append((key, Span(first, first + len(key))))
        position += len(piece) + 1
    return keys
