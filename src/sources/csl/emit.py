"""Groups, chooses and macros written as Python functions, so that they cost no call of their own.

The compiler (sources.csl.compile) describes a layout's structure with the records below: groups and
macros, chooses and their tests, a choose branch of several children, a decorated macro call, a plain
text variable. Every other element (names, dates, numbers, labels, terms, formatted variables) is a
closure. ``Emitter.function`` writes a Python function for each layout and macro: its groups,
chooses and text variables become nested blocks with local variables, its tests on the item become
expressions, and only the closures, the macros and the pieces nested deeper than three levels (each
a function of its own) are called. Before, each group, choose and test of an entry was a call or
more: about 170 of them for an apa entry.

The source holds no text of the style: every value it uses (delimiters, variable names, decorations,
closures) is bound to a name of the function's namespace, so a style cannot inject code.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from types import CodeType
from typing import Any

import attrs

from sources.csl.context import Ctx, Render, filled
from sources.csl.items import DateValue
from sources.csl.markup import parse_markup
from sources.csl.richtext import Branch, Node, Rich, join, spread

Decorate = Callable[[Node, Ctx], Node]
# Pieces nested deeper in a function than this become functions of their own. Measured against the
# closures (first render of 1,000 items): at 3 levels apa +6% and chicago-author-date +4%; at 40 (a
# function per layout) apa +6% and chicago-author-date -1%, and writing them added 77 ms to a first
# render of three item types, against 26 ms at 3 levels, where shapes recur and each distinct source
# is compiled once.
_MAX_DEPTH = 3
# A choose of more branches, or a group of more children, than this is rendered in a loop over their
# functions: Python compiles an elif chain recursively (one of 5,000 branches exhausted its stack), and
# a group of 100,000 children written out took 8 s to compile. Official styles have at most 16.
_MAX_BRANCHES = 64


def nothing(ctx: Ctx) -> None:
    """An element that renders nothing for the item type it was compiled for."""
    del ctx


# The records below are compared and hashed by identity: the compiler keys what each piece needs by it.
@attrs.frozen(eq=False)
class Group:
    """A <group>, <macro> or <layout>: its children's outputs in order.

    A group or macro renders nothing when it called variables and all were empty (CSL 1.0.2, group);
    when no variable of ``absent`` is in the item it returns at once, counting ``bump`` calls.
    """

    kind: str
    children: list[Piece]
    delimiter: str = ""
    decorate: Decorate | None = None
    absent: frozenset[str] | None = None
    bump: int = 0


@attrs.frozen(eq=False)
class TypeTest:
    """``<if type="a b">``: whether the item's type is (``wanted``) or is not one of ``types``."""

    types: frozenset[str]
    wanted: bool


@attrs.frozen(eq=False)
class FilledTest:
    """``<if variable="a b">`` on the item's own variables: any of them present (``wanted`` True), or
    none (False); with ``every``, all of them."""

    names: tuple[str, ...]
    wanted: bool
    every: bool = False


@attrs.frozen(eq=False)
class Present:
    """A test taken only when the item holds one of ``variables`` (else false without a call)."""

    variables: frozenset[str]
    test: Callable[[Ctx], bool]


Test = Callable[[Ctx], bool] | TypeTest | FilledTest | Present
# Tests that only look at the item: no side effect on the rendering state.
Pure = (TypeTest, FilledTest)


@attrs.frozen(eq=False)
class Choose:
    """A <choose>: the body of the first branch whose test holds, else the fallback; with ``absent`` and
    ``bump`` as for a group."""

    branches: list[tuple[Test, Piece]]
    fallback: Piece
    absent: frozenset[str] | None
    bump: int


@attrs.frozen(eq=False)
class Several:
    """A choose branch of several children: their outputs as a Branch, each piece standing on its own for
    an enclosing group's delimiter."""

    children: list[Piece]


@attrs.frozen(eq=False)
class Call:
    """A macro called with decorations of its own."""

    macro: Piece
    decorate: Decorate


@attrs.frozen(eq=False)
class Variable:
    """A ``<text variable>`` of plain text (a title, a publisher: no number, page, date, link or cite
    variable), read from the item in place; ``short`` names its short form, read first when given."""

    name: str
    short: str | None
    decorate: Decorate | None


Piece = Render | Group | Choose | Several | Call | Variable
_STRUCTURE = (Group, Choose, Several, Call, Variable)
_SOFT_HYPHEN = "\\-"
# What a text variable may hold that is not text.
_NOT_TEXT = (list, dict, DateValue)


class Emitter:
    """Python functions for pieces, each written and compiled once; with ``lazy``, when first called (for
    a layout that may never be used, as the one for item types a style does not know)."""

    def __init__(self, lazy: bool = False) -> None:
        self.functions: dict[Any, Render] = {}
        self.lazy = lazy

    def function(self, piece: Piece) -> Render:
        if not isinstance(piece, _STRUCTURE):
            return piece
        found = self.functions.get(piece)
        if found is None:
            found = self.functions[piece] = self._later(piece) if self.lazy else _Source(self, piece).build()
        return found

    def predicate(self, test: Test) -> Callable[[Ctx], bool]:
        """A test as a function of its own."""
        if not isinstance(test, (TypeTest, FilledTest, Present)):
            return test
        source = _Source(self, nothing)
        expression = source.test(test)
        source.line(1, "item = ctx.item")
        source.line(1, f"return {expression}")
        predicate: Callable[[Ctx], bool] = source.compiled()
        return predicate

    def _later(self, piece: Piece) -> Render:
        built: list[Render] = []

        def later(ctx: Ctx) -> Node | None:
            if not built:
                built.append(_Source(self, piece).build())
            return built[0](ctx)

        return later


@lru_cache(maxsize=2048)
def _code(source: str) -> CodeType:
    """Source compiled once: the same structure recurs (a macro in each item type's layout, a simple group
    in many styles), bound each time to its own values."""
    # Our own source: the style's values are bound by name, none is written into it.
    return compile(source, "<csl>", "exec")


def _branches(piece: Piece) -> bool:
    """Whether a piece may output a Branch (groups and macros spread theirs, closures make none)."""
    if isinstance(piece, Several):
        return True
    if isinstance(piece, Choose):
        return any(_branches(body) for _, body in piece.branches) or _branches(piece.fallback)
    return False


# Loops, not any()/all() over generators: a test runs for every entry.
def _some(item: dict[str, Any], names: tuple[str, ...]) -> bool:
    for name in names:  # noqa: SIM110
        if filled(item.get(name)):
            return True
    return False


def _every(item: dict[str, Any], names: tuple[str, ...]) -> bool:
    for name in names:  # noqa: SIM110
        if not filled(item.get(name)):
            return False
    return True


def _first(pairs: list[tuple[Callable[[Ctx], bool], Render]], fallback: Render, ctx: Ctx) -> Node | None:
    """A long choose: the body of the first branch whose test holds, else the fallback."""
    for test, body in pairs:
        if test(ctx):
            return body(ctx)
    return fallback(ctx)


class _Source:
    """The source of one function: a piece written as statements assigning its output to a variable."""

    def __init__(self, emitter: Emitter, root: Piece) -> None:
        self.emitter = emitter
        self.root = root
        self.lines: list[str] = []
        self.names: dict[str, Any] = {
            "Rich": Rich,
            "Branch": Branch,
            "spread": spread,
            "join": join,
            "_some": _some,
            "_every": _every,
            "_first": _first,
            "_markup": parse_markup,
            "_NOT_TEXT": _NOT_TEXT,
        }
        self.bound: dict[int, str] = {}
        self.count = 0

    def build(self) -> Render:
        self.line(1, "item = ctx.item")
        self.piece(self.root, "out", 1)
        self.line(1, "return out")
        render: Render = self.compiled()
        return render

    def compiled(self) -> Any:
        """The function written so far, bound to its values."""
        namespace = dict(self.names)
        exec(_code("def render(ctx):\n" + "\n".join(self.lines) + "\n"), namespace)
        return namespace["render"]

    # -- helpers ------------------------------------------------------------------------------------------
    def line(self, depth: int, text: str) -> None:
        self.lines.append("    " * depth + text)

    def bind(self, value: Any) -> str:
        """A name in the function's namespace for a value of the style (never its text in the source)."""
        name = self.bound.get(id(value))
        if name is None:
            name = self.bound[id(value)] = f"k{len(self.names)}"
            self.names[name] = value
        return name

    def var(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}{self.count}"

    # -- pieces -------------------------------------------------------------------------------------------
    def piece(self, piece: Piece, target: str, depth: int) -> None:
        inline = piece is self.root or (depth < _MAX_DEPTH and not (isinstance(piece, Group) and piece.kind == "macro"))
        if piece is nothing:
            self.line(depth, f"{target} = None")
        elif inline and isinstance(piece, Group):
            self.group(piece, target, depth)
        elif inline and isinstance(piece, Choose):
            self.choose(piece, target, depth)
        elif inline and isinstance(piece, Several):
            parts = self.collect(piece.children, depth)
            self.line(depth, f"{target} = Branch({parts}) if len({parts}) > 1 else {parts}[0] if {parts} else None")
        elif isinstance(piece, Variable):
            self.variable(piece, target, depth)
        elif inline and isinstance(piece, Call):
            self.piece(piece.macro, target, depth)
            self.line(depth, f"{target} = {self.bind(piece.decorate)}({target}, ctx) if {target} else None")
        else:
            # A closure, a macro (a function of its own, shared by its callers), or a piece nested too deep.
            self.line(depth, f"{target} = {self.bind(self.emitter.function(piece))}(ctx)")

    def collect(self, children: list[Piece], depth: int) -> str:
        """Statements gathering the children's non-empty outputs in a list; the list's name."""
        parts = self.var("p")
        self.line(depth, f"{parts} = []")
        if len(children) > _MAX_BRANCHES:
            function, value = self.var("f"), self.var("v")
            functions = self.bind([self.emitter.function(child) for child in children])
            self.line(depth, f"for {function} in {functions}:")
            self.line(depth + 1, f"{value} = {function}(ctx)")
            self.line(depth + 1, f"if {value}:")
            self.line(depth + 2, f"{parts}.append({value})")
            return parts
        for child in children:
            value = self.var("v")
            self.piece(child, value, depth)
            self.line(depth, f"if {value}:")
            self.line(depth + 1, f"{parts}.append({value})")
        return parts

    def variable(self, variable: Variable, target: str, depth: int) -> None:
        """What sources.csl.context.Ctx.variable and sources.csl.compile.text_variable do for plain text."""
        name = self.bind(variable.name)
        self.line(depth, "ctx.called += 1")
        if variable.short is not None:
            # The short form when it is filled (as a value, even one that is not text), else the long one.
            short = self.bind(variable.short)
            self.line(depth, f"{target} = None if {short} in ctx.suppressed else item.get({short})")
            self.line(depth, f"if {target} is None or {target} == '' or {target} == []:")
            self.line(depth + 1, f"{target} = None if {name} in ctx.suppressed else item.get({name})")
        else:
            self.line(depth, f"{target} = None if {name} in ctx.suppressed else item.get({name})")
        self.line(depth, f"if {target} is None or {target} == '' or isinstance({target}, _NOT_TEXT):")
        self.line(depth + 1, f"{target} = None")
        self.line(depth, "else:")
        self.line(depth + 1, "ctx.nonempty += 1")
        self.line(depth + 1, "if ctx.substituting:")
        self.line(depth + 2, f"ctx.suppressed.add({name})")
        # A hyphen written \- (kept from hyphenation) is a plain one.
        self.line(depth + 1, f"{target} = _markup(str({target}).replace({self.bind(_SOFT_HYPHEN)}, '-'))")
        if variable.decorate is not None:
            decorated = f"{self.bind(variable.decorate)}({target}, ctx)"
            self.line(depth + 1, f"{target} = None if {target} == '' else {decorated}")
        else:
            self.line(depth + 1, f"{target} = None if {target} == '' else {target}")

    def skip(self, absent: frozenset[str] | None, bump: int, target: str, depth: int) -> int:
        """The test for an item that holds none of the variables a piece needs; the depth of what follows."""
        if absent is None:
            return depth
        self.line(depth, f"if item.keys().isdisjoint({self.bind(absent)}):")
        if bump:
            self.line(depth + 1, f"ctx.called += {bump}")
        self.line(depth + 1, f"{target} = None")
        self.line(depth, "else:")
        return depth + 1

    def group(self, group: Group, target: str, depth: int) -> None:
        depth = self.skip(group.absent, group.bump, target, depth)
        if group.kind == "layout":
            parts = self.collect(group.children, depth)
            self.line(depth, f"{target} = Rich({parts}) if {parts} else None")
            return
        called, nonempty = self.var("c"), self.var("n")
        self.line(depth, f"{called} = ctx.called")
        self.line(depth, f"{nonempty} = ctx.nonempty")
        branching = any(_branches(child) for child in group.children)
        # One child that makes no Branch: its output alone, without a list.
        lone = len(group.children) == 1 and not branching
        if lone:
            parts = self.var("v")
            self.piece(group.children[0], parts, depth)
        else:
            parts = self.collect(group.children, depth)
        self.line(depth, f"if not {parts} or (ctx.called > {called} and ctx.nonempty == {nonempty}):")
        self.line(depth + 1, f"{target} = None")
        self.line(depth, "else:")
        depth += 1
        # Output of terms alone (or a macro that called nothing) counts as a non-empty variable for an
        # enclosing group, as in citeproc-js.
        self.line(depth, f"if ctx.called == {called}:")
        self.line(depth + 1, "ctx.called += 1")
        self.line(depth + 1, "ctx.nonempty += 1")
        if lone:
            # A macro has no decoration of its own (its Call has).
            alone = parts if group.decorate is None else f"Rich([{parts}])"
            self.decorated(group.decorate, alone, target, depth)
        elif group.kind == "macro":
            # A macro's output is one piece for its group, whatever choose it holds.
            single = f"len({parts}) == 1" + (f" and {parts}[0].__class__ is not Branch" if branching else "")
            whole = f"Rich(spread({parts}))" if branching else f"Rich({parts})"
            self.line(depth, f"{target} = {parts}[0] if {single} else {whole}")
        else:
            if branching:
                self.line(depth, f"{parts} = spread({parts})")
            delimiter = self.bind(group.delimiter)
            # Two parts (the commonest many) are joined without a call.
            two = f"[{parts}[0], {delimiter}, {parts}[1]] if len({parts}) == 2 else join({parts}, {delimiter})"
            joined = f"Rich({two})" if group.delimiter else f"Rich({parts})"
            if group.decorate is None:
                self.line(depth, f"{target} = {parts}[0] if len({parts}) == 1 else {joined}")
            else:
                self.decorated(group.decorate, joined, target, depth)

    def decorated(self, decorate: Decorate | None, value: str, target: str, depth: int) -> None:
        """The statement assigning an expression's value, decorated when asked, to the target."""
        self.line(depth, f"{target} = {self.bind(decorate)}({value}, ctx)" if decorate else f"{target} = {value}")

    def choose(self, choose: Choose, target: str, depth: int) -> None:
        depth = self.skip(choose.absent, choose.bump, target, depth)
        if len(choose.branches) > _MAX_BRANCHES:
            emitter = self.emitter
            pairs = [(emitter.predicate(test), emitter.function(body)) for test, body in choose.branches]
            fallback = self.bind(emitter.function(choose.fallback))
            self.line(depth, f"{target} = _first({self.bind(pairs)}, {fallback}, ctx)")
            return
        keyword = "if"
        for test, body in choose.branches:
            self.line(depth, f"{keyword} {self.test(test)}:")
            self.piece(body, target, depth + 1)
            keyword = "elif"
        self.line(depth, "else:")
        self.piece(choose.fallback, target, depth + 1)

    def test(self, test: Test) -> str:
        if isinstance(test, TypeTest):
            return f"item.get('type') {'in' if test.wanted else 'not in'} {self.bind(test.types)}"
        if isinstance(test, FilledTest):
            if len(test.names) == 1:
                check = self.filled(test.names[0])
            elif test.every:
                check = f"_every(item, {self.bind(test.names)})"
            else:
                # Most items hold none of the variables tested: a set operation tells at once.
                names = self.bind(test.names)
                check = f"(not item.keys().isdisjoint({names}) and _some(item, {names}))"
            return check if test.wanted else f"not {check}"
        if isinstance(test, Present):
            return f"(not item.keys().isdisjoint({self.bind(test.variables)}) and {self.bind(test.test)}(ctx))"
        return f"{self.bind(test)}(ctx)"

    def filled(self, name: str) -> str:
        """An expression: whether the item holds the variable (sources.csl.context.filled, inline)."""
        value = self.var("x")
        return (
            f"(({value} := item.get({self.bind(name)})) is not None and {value} != ''"
            f" and ({value}.__class__ is not list or bool({value})))"
        )
