"""A backtracking matcher that counts its steps, for the regular expressions of the package.

Python's ``re`` engine reports no work done, and timing is not counting. This matcher walks
the same parsed pattern (``re._parser``) the way a backtracking engine does — greedy,
lazy and possessive repeats, atomic groups, lookarounds, branches, back-references — and
counts one step per item tried and per character a repeat consumes. It is a model, not
a copy, of sre: it misses sre's shortcuts (literal prefixes, repeat-one tail checks),
which change the count by a constant factor, never its order; a pattern quadratic here
is quadratic in sre. Used by tests/test_linear.py only.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any, ClassVar

_Continue = Callable[[int], bool]


class Matcher:
    def __init__(self, pattern: re.Pattern[str]):
        self.flags = pattern.flags
        self.tree = _parser.parse(pattern.pattern, pattern.flags)
        self.steps = 0
        self.text = ""
        self.groups: dict[int, tuple[int, int]] = {}

    # ---- the whole pattern ----------------------------------------------------------------

    def finditer(self, text: str) -> int:
        """Steps to find every match in ``text``, as ``finditer`` does."""
        self.steps, self.text, position = 0, text, 0
        self.spans: list[tuple[int, int]] = []
        while position <= len(text):
            end = self._match_at(position)
            if end is None:
                position += 1
            else:
                self.spans.append((position, end))
                position = end if end > position else position + 1
        return self.steps

    def match(self, text: str, position: int = 0) -> int:
        """Steps to match at ``position`` only, as ``match`` does."""
        self.steps, self.text = 0, text
        self._match_at(position)
        return self.steps

    def _match_at(self, position: int) -> int | None:
        self.groups = {}
        found: list[int] = []
        self.steps += 1
        # A general repeat recurses once per iteration: long runs need a deeper stack.
        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(limit, 50_000))
        try:
            matched = self._sequence(list(self.tree), 0, position, lambda end: found.append(end) or True)
        finally:
            sys.setrecursionlimit(limit)
        return found[0] if matched else None

    # ---- items --------------------------------------------------------------------------------

    def _sequence(self, items: list[tuple[Any, Any]], i: int, position: int, then: _Continue) -> bool:
        if i == len(items):
            return then(position)
        self.steps += 1
        op, av = items[i]

        def rest(end: int) -> bool:
            return self._sequence(items, i + 1, end, then)

        return self._ITEMS[op](self, av, op, position, rest)

    def _char(self, av: Any, op: Any, position: int, rest: _Continue) -> bool:
        return position < len(self.text) and self._one(op, av, self.text[position]) and rest(position + 1)

    def _position(self, av: Any, op: Any, position: int, rest: _Continue) -> bool:
        return self._at(av, position) and rest(position)

    def _branch(self, av: Any, op: Any, position: int, rest: _Continue) -> bool:
        return any(self._sequence(list(alternative), 0, position, rest) for alternative in av[1])

    def _group(self, av: Any, op: Any, position: int, rest: _Continue) -> bool:
        group, _, _, sub = av
        return self._sequence(list(sub), 0, position, self._capture(group, position, rest))

    def _repeated(self, av: Any, op: Any, position: int, rest: _Continue) -> bool:
        return self._repeat(op, av, position, rest)

    def _atomic(self, av: Any, op: Any, position: int, rest: _Continue) -> bool:
        end = self._first(list(av), position)
        return end is not None and rest(end)

    def _look(self, av: Any, op: Any, position: int, rest: _Continue) -> bool:
        direction, sub = av
        start = position if direction == 1 else position - sub.getwidth()[0]
        behind = position if direction != 1 else None
        holds = start >= 0 and self._first(list(sub), start, must_end=behind) is not None
        return (holds if op is sre.ASSERT else not holds) and rest(position)

    def _reference(self, av: Any, op: Any, position: int, rest: _Continue) -> bool:
        start, end = self.groups.get(av, (0, 0))
        piece = self.text[start:end]
        return self.text.startswith(piece, position) and rest(position + len(piece))

    _ITEMS: ClassVar[dict[Any, Callable[[Matcher, Any, Any, int, _Continue], bool]]] = {
        sre.LITERAL: _char,
        sre.NOT_LITERAL: _char,
        sre.ANY: _char,
        sre.IN: _char,
        sre.AT: _position,
        sre.BRANCH: _branch,
        sre.SUBPATTERN: _group,
        sre.MAX_REPEAT: _repeated,
        sre.MIN_REPEAT: _repeated,
        sre.POSSESSIVE_REPEAT: _repeated,
        sre.ATOMIC_GROUP: _atomic,
        sre.ASSERT: _look,
        sre.ASSERT_NOT: _look,
        sre.GROUPREF: _reference,
    }

    def _capture(self, group: int | None, start: int, then: _Continue) -> _Continue:
        def captured(end: int) -> bool:
            if group is None:
                return then(end)
            before = self.groups.get(group)
            self.groups[group] = (start, end)
            if then(end):
                return True
            if before is None:
                del self.groups[group]
            else:
                self.groups[group] = before
            return False

        return captured

    def _first(self, items: list[tuple[Any, Any]], position: int, must_end: int | None = None) -> int | None:
        """The end of the first match of ``items`` at ``position`` (ending at ``must_end``)."""
        found: list[int] = []

        def done(end: int) -> bool:
            if must_end is not None and end != must_end:
                return False
            found.append(end)
            return True

        return found[0] if self._sequence(items, 0, position, done) else None

    def _repeat(self, op: Any, av: tuple[int, int, Any], position: int, then: _Continue) -> bool:
        low, high, sub = av
        items = list(sub)
        if len(items) == 1 and items[0][0] in (sre.LITERAL, sre.NOT_LITERAL, sre.ANY, sre.IN):
            return self._repeat_one(op, low, high, items[0], position, then)
        if op is sre.POSSESSIVE_REPEAT:
            count = 0
            while count < high:
                end = self._first(items, position)
                if end is None or end == position:
                    break
                position, count = end, count + 1
            return count >= low and then(position)

        def more(count: int, at: int) -> bool:
            def after(end: int) -> bool:
                return end != at and more(count + 1, end)

            if op is sre.MIN_REPEAT:
                if count >= low and then(at):
                    return True
                return count < high and self._sequence(items, 0, at, after)
            if count < high and self._sequence(items, 0, at, after):
                return True
            return count >= low and then(at)

        return more(0, position)

    def _repeat_one(self, op: Any, low: int, high: int, item: tuple[Any, Any], position: int, then: _Continue) -> bool:
        text, end = self.text, position
        limit = min(len(text), position + high) if high != sre.MAXREPEAT else len(text)
        if op is sre.MIN_REPEAT:
            count = 0
            while True:
                self.steps += 1
                if count >= low and then(position + count):
                    return True
                if position + count >= limit or not self._one(item[0], item[1], text[position + count]):
                    return False
                count += 1
        while end < limit and self._one(item[0], item[1], text[end]):
            end += 1
            self.steps += 1
        if op is sre.POSSESSIVE_REPEAT:
            return end - position >= low and then(end)
        while end - position >= low:
            self.steps += 1
            if then(end):
                return True
            end -= 1
        return False

    # ---- single characters and positions ------------------------------------------------------

    def _one(self, op: Any, av: Any, char: str) -> bool:
        if op is sre.LITERAL:
            return self._same(ord(char), av)
        if op is sre.NOT_LITERAL:
            return not self._same(ord(char), av)
        if op is sre.ANY:
            return char != "\n" or bool(self.flags & re.DOTALL)
        negate = bool(av) and av[0][0] is sre.NEGATE
        inside = any(self._in(kind, value, char) for kind, value in (av[1:] if negate else av))
        return inside != negate

    def _same(self, code: int, literal: int) -> bool:
        if code == literal:
            return True
        return bool(self.flags & re.IGNORECASE) and chr(code).casefold() == chr(literal).casefold()

    def _in(self, kind: Any, value: Any, char: str) -> bool:
        if kind is sre.LITERAL:
            return self._same(ord(char), value)
        if kind is sre.RANGE:
            low, high = value
            if low <= ord(char) <= high:
                return True
            folded = char.casefold()
            return bool(self.flags & re.IGNORECASE) and len(folded) == 1 and low <= ord(folded) <= high
        if kind is sre.CATEGORY:
            return _CATEGORIES[value](char)
        raise NotImplementedError(kind)

    def _at(self, where: Any, position: int) -> bool:
        text = self.text
        multiline = bool(self.flags & re.MULTILINE)
        if where in (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING):
            return position == 0 or (multiline and where is sre.AT_BEGINNING and text[position - 1] == "\n")
        if where is sre.AT_END:
            return (
                position == len(text)
                or (position == len(text) - 1 and text[position] == "\n")
                or (multiline and text[position] == "\n")
            )
        if where is sre.AT_END_STRING:
            return position == len(text)
        before = position > 0 and _word(text[position - 1])
        after = position < len(text) and _word(text[position])
        if where is sre.AT_BOUNDARY:
            return before != after
        if where is sre.AT_NON_BOUNDARY:
            return before == after
        raise NotImplementedError(where)


def _word(char: str) -> bool:
    return char.isalnum() or char == "_"


_CATEGORIES: dict[Any, Callable[[str], bool]] = {
    sre.CATEGORY_DIGIT: str.isdecimal,
    sre.CATEGORY_NOT_DIGIT: lambda c: not c.isdecimal(),
    sre.CATEGORY_SPACE: str.isspace,
    sre.CATEGORY_NOT_SPACE: lambda c: not c.isspace(),
    sre.CATEGORY_WORD: _word,
    sre.CATEGORY_NOT_WORD: lambda c: not _word(c),
}
