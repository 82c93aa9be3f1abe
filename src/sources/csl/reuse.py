"""A cite's macros rendered once: their output in the disambiguation probe is replayed in the cite.

A cite with a locator is rendered twice: without it, as disambiguation compares cites, then as
itself. Most of a citation layout (the names, the year) never looks at the cite, so what those
macros rendered in the probe is kept, with what they did to the rendering state, and replayed
when the cite is rendered in the same disambiguation state. A macro that read a cite variable
(the locator, its label, near-note, first-reference-note-number) is never kept.
"""

from __future__ import annotations

from typing import Any

from sources.csl.context import Ctx, Render
from sources.csl.richtext import Node

# The context before a macro: counters, variables used up, lengths of the name lists, the names key.
Mark = tuple[int, int, frozenset[str], int, int, str]


_NONE: frozenset[str] = frozenset()


def mark(ctx: Ctx) -> Mark:
    return (
        ctx.called,
        ctx.nonempty,
        # Most cites have used up no variable when a macro starts.
        frozenset(ctx.suppressed) if ctx.suppressed else _NONE,
        len(ctx.name_lists),
        len(ctx.first_names),
        ctx.names_key,
    )


class Kept:
    """What a macro rendered in a probe, and what it did to the context."""

    __slots__ = ("called", "first_names", "name_lists", "names_key", "node", "nonempty", "suppressed")

    def __init__(self, node: Node | None, ctx: Ctx, before: Mark) -> None:
        called, nonempty, suppressed, lists, firsts, names_key = before
        self.node = node
        self.called = ctx.called - called
        self.nonempty = ctx.nonempty - nonempty
        self.suppressed = ctx.suppressed - suppressed
        self.name_lists = ctx.name_lists[lists:]
        self.first_names = ctx.first_names[firsts:]
        self.names_key = ctx.names_key if ctx.names_key != names_key else None

    def replay(self, ctx: Ctx) -> Node | None:
        ctx.called += self.called
        ctx.nonempty += self.nonempty
        ctx.suppressed |= self.suppressed
        ctx.name_lists.extend(self.name_lists)
        ctx.first_names.extend(self.first_names)
        if self.names_key is not None:
            ctx.names_key = self.names_key
        return self.node


class Memo:
    """The macros kept from one probe rendering (``storing``), or offered to the cite's rendering.

    An offered output is taken once: the cite's tree may be changed in place afterwards (a note's
    first term capitalized), and no other rendering may share it.
    """

    __slots__ = ("kept", "storing")

    def __init__(self) -> None:
        self.kept: dict[tuple[Any, ...], Kept] = {}
        self.storing = True


def reusable(render: Render) -> Render:
    """A macro call whose output a cite may take from its probe."""

    def reuse(ctx: Ctx) -> Node | None:
        memo = ctx.memo
        if memo is None:
            return render(ctx)
        before = mark(ctx)
        # What else decides the output: variables already used up, whether names were met before, ...
        key = (render, before[2], bool(ctx.first_names), ctx.substituting, ctx.suppress_author)
        if not memo.storing:
            kept = memo.kept.pop(key, None)
            if kept is not None:
                return kept.replay(ctx)
        reads = ctx.cite_reads
        # The macros inside are part of this one's output: they are neither kept nor replayed on their own.
        ctx.memo = None
        try:
            node = render(ctx)
        finally:
            ctx.memo = memo
        if memo.storing and ctx.cite_reads == reads:
            memo.kept[key] = Kept(node, ctx, before)
        return node

    return reuse
