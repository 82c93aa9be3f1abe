"""One rendering run: items registered, numbered, sorted, disambiguated; clusters and entries rendered."""

from __future__ import annotations

from typing import Any

from sources.csl.collapse import collapse_cluster
from sources.csl.compile import Section, SortKey
from sources.csl.context import Ctx, Disamb
from sources.csl.disambiguate import disambiguate
from sources.csl.formats import render_tokens
from sources.csl.locale import Locale
from sources.csl.markup import parse_markup
from sources.csl.positions import assign_positions
from sources.csl.reuse import Memo
from sources.csl.richtext import Node, Quotes, Rich, capitalize_first_term, flatten, plain
from sources.csl.sort import sort_by_keys


class Run:
    """Renders clusters and a bibliography for one style, locale, output format and set of items."""

    def __init__(
        self,
        citation: Section,
        bibliography: Section | None,
        locale: Locale,
        items: dict[str, dict[str, Any]],
        fmt: str,
        note_style: bool,
        uses_condition: bool,
        warnings: list[str],
    ) -> None:
        self.citation = citation
        self.bibliography = bibliography
        self.locale = locale
        self.items = items
        self.fmt = fmt
        self.note_style = note_style
        self.uses_condition = uses_condition
        self.warnings = warnings
        self.state: dict[str, Disamb] = {}
        self._probe_position = 0
        self._first_renders: dict[tuple[Any, ...], tuple[Node | None, Ctx]] = {}
        # Items with a plain first cite, the only ones whose probe rendering is kept for reuse: a kept
        # tree is hundreds of live objects that every full garbage collection walks again.
        self._reusable: set[str] = set()
        self._probes: dict[tuple[Any, ...], tuple[str, list[tuple[str, list[dict[str, Any]]]]]] = {}
        # Per item, its last probe's macros and the state they were rendered in.
        self._kept: dict[str, tuple[tuple[Any, ...], Memo]] = {}
        self.quotes = Quotes(
            locale.term("open-quote") or "“",
            locale.term("close-quote") or "”",
            locale.term("open-inner-quote") or "‘",
            locale.term("close-inner-quote") or "’",
            locale.punctuation_in_quote,
        )

    # -- rendering one cite -------------------------------------------------------------------------------
    def ctx(self, item_id: str, mode: str, cite: dict[str, Any] | None = None) -> Ctx:
        return Ctx(self.items[item_id], self.locale, mode, cite, self.disamb(item_id))

    def disamb(self, item_id: str) -> Disamb:
        """The item's disambiguation state (a new one is made only when it has none)."""
        state = self.state.get(item_id)
        if state is None:
            state = self.state[item_id] = Disamb()
        return state

    def render_cite(
        self, item_id: str, cite: dict[str, Any], suppress_author: bool = False, memo: Memo | None = None
    ) -> tuple[Node | None, Ctx]:
        ctx = self.ctx(item_id, "citation", cite)
        ctx.suppress_author = suppress_author
        ctx.memo = memo
        try:
            node = self.citation.layout(ctx)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError) as error:
            self.warnings.append(f"item {item_id}: cannot be rendered ({type(error).__name__}: {error})")
            return None, ctx
        return node, ctx

    def probe(self, item_id: str) -> tuple[str, list[tuple[str, list[dict[str, Any]]]]]:
        """An item's cite as text (first position, or subsequent in the second pass), with its name lists,
        for disambiguation (memoized per state)."""
        key = self._state_key(item_id, self._probe_position)
        found = self._probes.get(key)
        if found is None:
            whole = not self._probe_position and item_id in self._reusable
            # A cite that cannot take this rendering whole may take its macros (sources.csl.reuse).
            memo = None if whole else Memo()
            node, ctx = self.render_cite(
                item_id, {"position": self._probe_position} if self._probe_position else {}, memo=memo
            )
            found = (plain(node), ctx.name_lists)
            self._probes[key] = found
            if whole:
                self._first_renders[key] = (node, ctx)
            elif memo is not None:
                memo.storing = False
                self._kept[item_id] = (key, memo)
        return found

    def authors(self, item_id: str) -> list[tuple[str, list[dict[str, Any]]]]:
        """The names most cites show: the item's authors (a guess that disambiguation checks)."""
        authors = self.items[item_id].get("author")
        return [("author", authors)] if isinstance(authors, list) and authors else []

    def _state_key(self, item_id: str, position: int) -> tuple[Any, ...]:
        state = self.disamb(item_id)
        levels = tuple(sorted(state.given_levels.items())) if state.given_levels else ()
        return (item_id, state.names_shown, levels, state.condition, state.year_suffix, position)

    def first_render(self, cite: dict[str, Any]) -> tuple[Node | None, Ctx]:
        """A plain first cite, reusing its rendering from disambiguation when the state has not changed."""
        if _plain_first(cite):
            found = self._first_renders.pop(self._state_key(cite["id"], 0), None)
            if found is not None:
                return found
        # The macros of the item's last probe, for the first cite rendered in the same state and position
        # (each kept output is taken once).
        kept = self._kept.get(cite["id"])
        position = cite.get("position") or 0
        if kept is not None and position in (0, 1) and kept[0] == self._state_key(cite["id"], position):
            del self._kept[cite["id"]]
            return self.render_cite(cite["id"], cite, memo=kept[1])
        return self.render_cite(cite["id"], cite)

    def output(self, node: Node, trim: bool = False, lead: bool = False) -> str:
        """The node in the output format; ``trim`` drops whitespace at the end (of a right-inline block),
        ``lead`` at the start of an entry that opens with a display block."""
        tokens = flatten(node, self.quotes)
        if lead and tokens and tokens[0][0] == "do":
            for index, (kind, value) in enumerate(tokens):
                if kind == "t":
                    tokens[index] = (kind, value.lstrip())
                    if tokens[index][1]:
                        break
                elif kind not in ("o", "do"):
                    break
        if trim:
            for index in range(len(tokens) - 1, -1, -1):
                kind, value = tokens[index]
                if kind == "t":
                    tokens[index] = (kind, value.rstrip())
                    if tokens[index][1]:
                        break
                elif kind not in ("c", "dc"):
                    break
        return render_tokens(tokens, self.fmt)

    # -- the run ------------------------------------------------------------------------------------------
    def run(
        self, clusters: list[tuple[int, list[dict[str, Any]]]], bibliography_ids: list[str]
    ) -> tuple[list[str], list[tuple[str, str]]]:
        registered = self.register(clusters, bibliography_ids)
        self.number(registered, sort=False)
        if self.citation.sort:
            # Cites are placed (and items registered) in their sorted order within each cluster.
            clusters[:] = [(note, self.sort_cites(cites)) for note, cites in clusters]
            registered = self.register(clusters, bibliography_ids)
        order = self.number(registered)
        options = self.citation.options
        near = int(options.get("near-note-distance", "5") or 5)
        assign_positions(clusters, near)
        self._reusable = {cite["id"] for _, cites in clusters for cite in cites if _plain_first(cite)}
        disambiguate(registered, self.state, self.probe, options, order, self.uses_condition, self.authors)
        # Cites in their subsequent form must be told apart too (short forms, et-al-subsequent-*).
        later = list(dict.fromkeys(cite["id"] for _, cites in clusters for cite in cites if cite.get("position")))
        if len(later) > 1:
            self._probe_position = 1
            disambiguate(later, self.state, self.probe, options, order, self.uses_condition, self.authors)
            self._probe_position = 0
        citations = [self.cluster(cites) for _, cites in clusters]
        listed = set(bibliography_ids)
        entries = self.entries([item for item in order if item in listed])
        return citations, entries

    def register(self, clusters: list[tuple[int, list[dict[str, Any]]]], bibliography_ids: list[str]) -> list[str]:
        """Items in order of first citation, then the uncited ones of the bibliography."""
        registered = list(dict.fromkeys([cite["id"] for _, cites in clusters for cite in cites] + bibliography_ids))
        for item_id in registered:
            self.state[item_id] = Disamb()
        return registered

    def sort_cites(self, cites: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if not self.citation.sort or len(cites) < 2:
            return cites
        keys = self.citation.sort
        return sort_by_keys(
            cites,
            lambda cite, index: self.sort_key(keys[index], cite["id"], cite),
            [key.descending for key in keys],
            self.locale.lang,
        )

    def number(self, registered: list[str], sort: bool = True) -> list[str]:
        """Citation numbers in order of first citation, then the bibliography order they imply."""
        for index, item_id in enumerate(registered, start=1):
            self.items[item_id]["citation-number"] = index
        if not sort or self.bibliography is None or not self.bibliography.sort:
            return registered
        keys = self.bibliography.sort
        order = sort_by_keys(
            registered,
            lambda item, index: self.sort_key(keys[index], item),
            [key.descending for key in keys],
            self.locale.lang,
        )
        if keys[0].name != "citation-number":
            for index, item_id in enumerate(order, start=1):
                self.items[item_id]["citation-number"] = index
        return order

    def sort_key(self, key: SortKey, item_id: str, cite: dict[str, Any] | None = None) -> str | int | None:
        value = key.render(Ctx(self.items[item_id], self.locale, "sort", cite, self.state.get(item_id)))
        if isinstance(value, str) and value.isdigit() and key.kind == "macro" and len(value) < 10:
            return int(value)
        return value

    def cluster(self, cites: list[dict[str, Any]]) -> str:
        cites = self.sort_cites(cites)
        rendered: list[tuple[dict[str, Any], Node | None, Ctx]] = []
        for cite in cites:
            mode = cite.get("type") or (
                "suppress-author"
                if cite.get("suppress-author")
                else "author-only"
                if cite.get("author-only")
                else "normal-cite"
            )
            if mode == "suppress-author":
                node, ctx = self.render_cite(cite["id"], cite, suppress_author=True)
            else:
                node, ctx = self.first_render(cite)
            if mode == "author-only":
                node = ctx.first_names[0] if ctx.first_names else None
            rendered.append((cite, node, ctx))
        pieces = collapse_cluster(rendered, self.citation.options, self.citation.delimiter, self)
        if not pieces:
            return ""
        body: Node = Rich(pieces)
        if self.note_style and not cites[0].get("prefix"):
            body = capitalize_first_term(body)
        body = Rich([body], None, self.citation.prefix, self.citation.suffix)
        if self.citation.decorate is not None:
            body = self.citation.decorate(body, self.ctx(cites[0]["id"], "citation"))
        return self.output(body)

    def with_affixes(self, cite: dict[str, Any], node: Node) -> Node:
        prefix, suffix = cite.get("prefix") or "", cite.get("suffix") or ""
        if not prefix and not suffix:
            return node
        # A prefix that ends a sentence of more than one word capitalizes a leading term ("See also. Ibid.").
        stripped = prefix.rstrip().rstrip("”’\"'")
        if stripped.endswith((".", "!", "?")) and len(stripped.split()) > 1:
            node = capitalize_first_term(node)
        children: list[Node] = []
        if prefix:
            children.append(parse_markup(str(prefix)))
        children.append(node)
        if suffix:
            children.append(parse_markup(str(suffix)))
        return Rich(children)

    def entries(self, order: list[str]) -> list[tuple[str, str]]:
        section = self.bibliography
        if section is None:
            return []
        options = section.options
        substitute = options.get("subsequent-author-substitute")
        rule = options.get("subsequent-author-substitute-rule", "complete-all")
        second_field = options.get("second-field-align")
        out: list[tuple[str, str]] = []
        previous: tuple[str, list[str]] = ("", [])
        for item_id in order:
            ctx = self.ctx(item_id, "bibliography")
            if substitute is not None and rule != "complete-all":
                ctx.each_name = []
            try:
                node = section.layout(ctx)
            except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError) as error:
                self.warnings.append(f"item {item_id}: cannot be rendered ({type(error).__name__}: {error})")
                continue
            if node is None:
                self.warnings.append(f"item {item_id}: the bibliography layout renders nothing for it")
                continue
            if substitute is not None and ctx.first_names:
                names = ctx.first_names[0]
                assert isinstance(names, Rich)
                each = ctx.each_name or []
                _substitute(names, each, ctx.names_key, previous, substitute, rule)
                previous = (ctx.names_key, [text for text, _ in each])
            if second_field and isinstance(node, Rich) and len(node.children) > 1:
                first, *rest = node.children
                right = Rich(rest, None, "", section.suffix, display="csl-right-inline")
                node = Rich([Rich([first], None, section.prefix, display="csl-left-margin"), right])
            elif section.suffix and isinstance(node, Rich) and _ends_in_block(node):
                # The layout's suffix goes inside a closing display block, as citeproc-js puts it.
                last = node.children[-1]
                assert isinstance(last, Rich)
                inner = Rich(last.children, last.fmt, last.prefix, last.suffix, last.quotes, "", last.nocase)
                node.children[-1] = Rich([inner], None, "", section.suffix, display=last.display)
                node = Rich([node], None, section.prefix)
            elif section.prefix or section.suffix:
                node = Rich([node], None, section.prefix, section.suffix)
            if section.decorate is not None:
                node = section.decorate(node, ctx)
            out.append((item_id, self.output(node, trim=bool(second_field), lead=True)))
        return out


def _plain_first(cite: dict[str, Any]) -> bool:
    return cite.keys() <= {"id", "position"} and not cite.get("position")


def _ends_in_block(node: Rich) -> bool:
    last = node.children[-1] if node.children else None
    return isinstance(last, Rich) and bool(last.display)


def _substitute(
    names: Rich, each: list[tuple[str, Rich]], key: str, previous: tuple[str, list[str]], substitute: str, rule: str
) -> None:
    """Replace names repeated from the entry before (subsequent-author-substitute) in place.

    complete-all: the whole list, when all its names are the same; complete-each: each name then;
    partial-each: each name from the first on while they are the same; partial-first: the first name
    if it is the same. Without names one by one (a title substituted for the author), the whole.
    """
    previous_key, previous_names = previous
    if rule in ("partial-each", "partial-first") and each:
        for index, (text, span) in enumerate(each):
            if index >= len(previous_names) or previous_names[index] != text:
                return
            span.children = [substitute]
            if rule == "partial-first":
                return
        return
    if not key or key != previous_key:
        return
    if rule == "complete-each" and each:
        for _, span in each:
            span.children = [substitute]
    else:
        names.children = [substitute] if substitute else []
