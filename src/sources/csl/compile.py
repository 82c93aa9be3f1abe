"""A style compiled once: each rendering element becomes a closure, each layout and macro a function
written for it (sources.csl.emit)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any, TypeVar

from sources.csl.context import (
    CITE_VARIABLES,
    DATE_VARIABLES,
    ITEM_TYPES,
    NAME_VARIABLES,
    NUMBER_VARIABLES,
    Ctx,
    Render,
    filled,
)
from sources.csl.dates import compile_date
from sources.csl.decorate import Decorator, decorator
from sources.csl.emit import (
    Call,
    Choose,
    Emitter,
    FilledTest,
    Group,
    Piece,
    Present,
    Pure,
    Several,
    Test,
    TypeTest,
    Variable,
    nothing,
)
from sources.csl.items import DateValue
from sources.csl.load import line_of
from sources.csl.markup import parse_markup
from sources.csl.names import NAME_ATTRIBUTES, SUBSTITUTE_STOP, NamesSpec, compile_names, parse_spec
from sources.csl.numbers import is_numeric, is_plural, page_range, render_number, roman_range
from sources.csl.reuse import reusable
from sources.csl.richtext import Node, Rich, TermText, plain
from sources.errors import CslError

# What a render needs (see Compiler.needs): variables, and whether it calls one when none is there.
Needs = tuple[frozenset[str], bool | None]
P = TypeVar("P", bound=Piece)
INHERITABLE = (*NAME_ATTRIBUTES, "name-delimiter", "name-form", "names-delimiter")


class SortKey:
    """One <key> of a <sort>: a function giving the key of a cite, and its direction."""

    __slots__ = ("descending", "kind", "name", "render")

    def __init__(self, render: Callable[[Ctx], str | int | None], descending: bool, kind: str, name: str) -> None:
        self.render = render
        self.descending = descending
        self.kind = kind
        self.name = name


class Section:
    """A compiled <citation> or <bibliography>: layout, its decorations and options, sort keys.

    The layout is compiled again for each item type it meets, with every ``<if type="...">`` decided at
    compile time: a big style (apa has 2,200 lines) tests the type in most of its chooses, and an
    entry then walks only the branches its type can take.
    """

    def __init__(
        self,
        generic: Render,
        element: ET.Element,
        layout_element: ET.Element,
        sort: list[SortKey],
        specialize: Callable[[str], Render],
    ) -> None:
        self.generic = generic
        self.by_type: dict[Any, Render] = {}
        self.specialize = specialize
        self.options = dict(element.attrib)
        self.delimiter = layout_element.get("delimiter", "")
        self.prefix = layout_element.get("prefix", "")
        self.suffix = layout_element.get("suffix", "")
        self.decorate = decorator(
            ET.Element(
                "layout", {k: v for k, v in layout_element.attrib.items() if k not in ("prefix", "suffix", "delimiter")}
            )
        )
        self.sort = sort

    def layout(self, ctx: Ctx) -> Node | None:
        kind = ctx.item.get("type")
        render = self.by_type.get(kind)
        if render is None:
            if kind not in ITEM_TYPES:
                return self.generic(ctx)
            render = self.by_type[kind] = self.specialize(kind)
        return render(ctx)


class Compiler:
    """Compiles a style element tree; macros are compiled once per section and checked for self-calls."""

    def __init__(self, root: ET.Element, origin: str, item_type: str | None = None) -> None:
        self.root = root
        self.origin = origin
        # The item type this compilation is for (its type conditions are decided now), or None for any.
        self.item_type = item_type
        self.macros = {macro.get("name", ""): macro for macro in root.findall("macro")}
        self.compiled: dict[tuple[str, str], Piece] = {}
        # The layouts for any item type are written only if an item of an unknown type comes.
        self.emitter = Emitter(lazy=item_type is None)
        self.in_progress: set[tuple[str, str]] = set()
        self.uses_year_suffix = any(e.get("variable") == "year-suffix" for e in root.iter("text"))
        self.page_range_format = root.get("page-range-format", "")
        # For a render that outputs nothing unless the item holds one of its variables: those variables,
        # and whether it then calls one (which suppresses an enclosing group, a side effect kept): True
        # always, False never, None it depends.
        self.needs: dict[Piece, Needs] = {}
        # Terms and values: they touch no variable, so they never decide whether a group is empty.
        self.inert: set[Piece] = set()

    def needing(self, render: P, variables: frozenset[str], calls: bool | None) -> P:
        self.needs[render] = (variables, calls)
        return render

    def needed(self, children: list[Piece]) -> Needs | None:
        """What a run of children needs, when each of them needs variables; else None."""
        if not all(child in self.needs for child in children):
            return None
        variables = frozenset().union(*(self.needs[child][0] for child in children))
        calls = [self.needs[child][1] for child in children]
        return variables, True if True in calls else False if all(call is False for call in calls) else None

    def suppressed(self, children: list[Piece]) -> Needs | None:
        """What a group (or macro) needs: a group that calls a variable and finds all of them empty
        renders nothing, whatever terms it holds; one that holds no terms and calls nothing is empty too."""
        active = [child for child in children if child not in self.inert]
        needs = self.needed(active)
        if needs is None or needs[1] is None or (needs[1] is False and len(active) < len(children)):
            return None
        return needs

    @staticmethod
    def skippable(needs: Needs | None) -> tuple[frozenset[str], int] | None:
        """Variables whose absence from an item empties a render at once (CSL: a group whose variables are
        all empty is suppressed), with the calls it then counts; None when the item alone cannot tell."""
        if needs is None or needs[1] is None or needs[0] & CITE_VARIABLES:
            return None
        return needs[0], int(needs[1])

    def error(self, element: ET.Element, message: str) -> CslError:
        return CslError(f"{self.origin}:{line_of(element)}: {message}")

    def inherit(self, section: ET.Element | None) -> dict[str, str]:
        options = {key: value for key, value in self.root.attrib.items() if key in INHERITABLE}
        if section is not None:
            options.update({key: value for key, value in section.attrib.items() if key in INHERITABLE})
        return options

    def section(self, name: str) -> Section | None:
        element = self.root.find(name)
        if element is None:
            return None
        layout = element.find("layout")
        if layout is None:
            raise self.error(element, f"<{name}> has no <layout>")
        inherit = self.inherit(element)
        render = self.layout(layout, name, inherit)

        def specialize(item_type: str) -> Render:
            return Compiler(self.root, self.origin, item_type).layout(layout, name, inherit)

        sort_element = element.find("sort")
        keys = (
            [self.sort_key(key, name, inherit) for key in sort_element.findall("key")]
            if sort_element is not None
            else []
        )
        return Section(render, element, layout, keys, specialize)

    def layout(self, layout: ET.Element, section: str, inherit: dict[str, str]) -> Render:
        return self.emitter.function(Group("layout", self.children(layout, section, inherit, None)))

    def sort_key(self, key: ET.Element, section: str, inherit: dict[str, str]) -> SortKey:
        descending = key.get("sort") == "descending"
        overrides = (
            int(key.get("names-min", "0") or 0),
            int(key.get("names-use-first", "0") or 0),
            int(key.get("names-use-last") == "true"),
        )
        macro = key.get("macro")
        if macro:
            render = self.emitter.function(self.macro(macro, section, inherit, key))

            def by_macro(ctx: Ctx) -> str | None:
                ctx.sort_names = overrides if any(overrides) else None
                node = render(ctx)
                text = _plain_sort(node)
                return text or None

            return SortKey(by_macro, descending, "macro", macro)
        variable = key.get("variable", "")
        if variable in NAME_VARIABLES:
            names = compile_names(ET.Element("names", {"variable": variable}), inherit, [], None)

            def by_names(ctx: Ctx) -> str | None:
                ctx.sort_names = overrides if any(overrides) else None
                return _plain_sort(names(ctx)) or None

            return SortKey(by_names, descending, "names", variable)

        def by_variable(ctx: Ctx) -> str | int | None:
            value = ctx.variable(variable)
            if value is None:
                return None
            if isinstance(value, DateValue):
                return value.sort_key() or None
            if variable in NUMBER_VARIABLES:
                digits = "".join(ch for ch in str(value).split("-")[0] if ch.isdigit())
                return int(digits) if digits else str(value)
            return _plain_sort(parse_markup(str(value)))

        return SortKey(by_variable, descending, "variable", variable)

    def macro(self, name: str, section: str, inherit: dict[str, str], where: ET.Element) -> Piece:
        key = (name, section)
        if key in self.compiled:
            return self.compiled[key]
        element = self.macros.get(name)
        if element is None:
            raise self.error(where, f"undefined macro {name!r}")
        if key in self.in_progress:
            raise self.error(where, f"macro {name!r} calls itself")
        self.in_progress.add(key)
        children = self.children(element, section, inherit, None)
        self.in_progress.discard(key)
        if not children:
            self.compiled[key] = nothing
            return nothing
        # Like a group, a macro whose variables are all empty renders nothing (citeproc-js).
        render = self.lone_suppressing(children) or self.suppressible(children, "macro")
        self.compiled[key] = render
        return render

    def children(
        self, element: ET.Element, section: str, inherit: dict[str, str], parent: NamesSpec | None
    ) -> list[Piece]:
        compiled = [self.element(child, section, inherit, parent) for child in element if isinstance(child.tag, str)]
        return [render for render in compiled if render is not nothing]

    def element(self, element: ET.Element, section: str, inherit: dict[str, str], parent: NamesSpec | None) -> Piece:
        tag = element.tag
        if tag == "text":
            return self.text(element, section, inherit)
        if tag == "group":
            return self.group(element, section, inherit, parent)
        if tag == "choose":
            return self.choose(element, section, inherit, parent)
        if tag == "names":
            substitute_element = element.find("substitute")
            spec = parse_spec(element)
            substitute = []
            if substitute_element is not None:
                for child in substitute_element:
                    render = _substituting(self.emitter.function(self.element(child, section, inherit, spec)))
                    if child.tag == "text" and (child.get("term") is not None or child.get("value") is not None):
                        render = _final(render)
                    substitute.append(render)
            names = compile_names(element, inherit, substitute, parent)
            if substitute:
                return names
            variables = frozenset(element.get("variable", "").split())
            return names if not variables else self.needing(names, variables, True)
        if tag == "date":
            return self.needing(
                compile_date(element, self.uses_year_suffix), frozenset({element.get("variable", "")}), True
            )
        if tag == "number":
            return self.number(element)
        if tag == "label":
            return self.label(element)
        raise self.error(element, f"unknown element <{tag}>")

    def text(self, element: ET.Element, section: str, inherit: dict[str, str]) -> Piece:
        decorate = decorator(element)

        def finish(node: Node | None, ctx: Ctx) -> Node | None:
            if node is None or node == "":
                return None
            return decorate(node, ctx) if decorate is not None else node

        if element.get("macro"):
            macro = self.macro(element.get("macro", ""), section, inherit, element)
            if macro is nothing:
                return nothing

            call: Piece = macro if decorate is None else Call(macro, decorate)
            if section == "citation":
                call = reusable(self.emitter.function(call))
            if call is not macro and macro in self.needs:
                self.needing(call, *self.needs[macro])
            return call
        if element.get("term"):
            term = element.get("term", "")
            form = element.get("form", "long")
            plural = element.get("plural") == "true"

            def render_term(ctx: Ctx) -> Node | None:
                text = ctx.locale.term(term, form, plural)
                return finish(TermText(text) if text else None, ctx)

            self.inert.add(render_term)
            return render_term
        if element.get("value") is not None:
            value = parse_markup(element.get("value", ""))

            def render_value(ctx: Ctx) -> Node | None:
                return finish(value, ctx)

            self.inert.add(render_value)
            return render_value
        variable = element.get("variable")
        if variable is None:
            raise self.error(element, "<text> needs variable, macro, term or value")
        form = element.get("form", "long")
        page_format = self.page_range_format
        # A style that never renders year-suffix gets it after its citation-label (or first year).
        label_suffix = variable == "citation-label" and not self.uses_year_suffix

        if variable not in _FORMATTED and not label_suffix:
            # The commonest text, read in the layout's function itself.
            short = f"{variable}-short" if form == "short" else None
            return self.needing(Variable(variable, short, decorate), frozenset({variable, f"{variable}-short"}), True)
        # An empty year-suffix does not empty its group: it is only known after disambiguation.
        counts = variable != "year-suffix"

        def render_variable(ctx: Ctx) -> Node | None:
            ctx.called += counts
            value = text_variable(ctx, variable, form, page_format)
            if value is None:
                return None
            ctx.called += not counts
            if label_suffix and ctx.disamb.year_suffix and "year-suffix" not in ctx.suppressed:
                value = Rich([value, ctx.disamb.year_suffix])
                ctx.suppressed.add("year-suffix")
            ctx.nonempty += 1
            if ctx.substituting:
                ctx.suppressed.add(variable)
            return finish(value, ctx)

        if counts and not label_suffix:
            self.needing(render_variable, frozenset({variable, f"{variable}-short"}), True)
        return render_variable

    def group(self, element: ET.Element, section: str, inherit: dict[str, str], parent: NamesSpec | None) -> Piece:
        children = self.children(element, section, inherit, parent)
        if not children:
            return nothing
        delimiter = element.get("delimiter", "")
        decorate = decorator(element)
        lone = None if decorate else self.lone_suppressing(children)
        return lone or self.suppressible(children, "group", delimiter, decorate)

    @staticmethod
    def lone_suppressing(children: list[Piece]) -> Piece | None:
        """The one child, when it is a group or macro itself: each returns None when it called variables
        and all were empty, and never a Branch, so an undecorated group or macro around it adds nothing."""
        return children[0] if len(children) == 1 and isinstance(children[0], Group) else None

    def suppressible(
        self, children: list[Piece], kind: str, delimiter: str = "", decorate: Decorator | None = None
    ) -> Piece:
        """A group or macro: nothing when it calls variables and all of them are empty, else its parts.

        Where every variable it could call is missing from the item it returns at once (yet counts the
        calls it would have made, so that an enclosing group decides as before).
        """
        needs = self.suppressed(children)
        absent, bump = self.skippable(needs) or (None, 0)
        group = Group(kind, children, delimiter, decorate, absent, bump)
        return group if needs is None else self.needing(group, *needs)

    def choose(self, element: ET.Element, section: str, inherit: dict[str, str], parent: NamesSpec | None) -> Piece:
        branches: list[tuple[Test, list[Piece]]] = []
        otherwise: list[Piece] = []
        bodies: list[Needs | None] = []
        # Variables tested by branches taken only when one of them is there.
        tested: set[str] = set()
        for branch in element:
            if not isinstance(branch.tag, str):
                continue
            decided = True if branch.tag == "else" else self.decided(branch)
            if decided is False:
                continue
            if decided:
                otherwise = self.children(branch, section, inherit, parent)
                break
            children = self.children(branch, section, inherit, parent)
            branches.append((self.condition(branch), children))
            # A branch taken only when one of some variables is there is not taken when none is:
            # what it renders then does not matter (its terms, say).
            present = self.presence(branch)
            if present is None:
                bodies.append(self.needed(children))
            else:
                tested |= present
        if not otherwise and all(not children and isinstance(test, Pure) for test, children in branches):
            # Nothing to render whichever branch is taken, and the tests have no side effect.
            return nothing
        bodies.append(self.needed(otherwise))
        needs: Needs | None = None
        if all(body is not None for body in bodies):
            variables = frozenset(tested).union(*(body[0] for body in bodies if body is not None))
            calls = [body[1] for body in bodies if body is not None]
            # Which body is taken may depend on more than the item's variables: their calls must agree.
            needs = variables, calls[0] if all(call is calls[0] for call in calls) else None
        if not branches:
            # Decided at compile time for this item type: the body stands for the choose.
            body = _body(otherwise)
            return body if needs is None or body in self.needs else self.needing(body, *needs)
        absent, bump = self.skippable(needs) or (None, 0)
        choose = Choose([(test, _body(children)) for test, children in branches], _body(otherwise), absent, bump)
        return choose if needs is None else self.needing(choose, *needs)

    def presence(self, branch: ET.Element) -> frozenset[str] | None:
        """The item variables one of which must be there for a branch to be taken: those its ``variable``,
        ``is-numeric`` and ``is-uncertain-date`` conditions test, when all its conditions must hold, or when
        it has no other; None for match="none"."""
        match = branch.get("match", "all")
        if match == "none":
            return None
        tested = self.tested(branch)
        presence = [attr for attr in tested if attr in ("variable", "is-numeric", "is-uncertain-date")]
        if not presence or (match == "any" and len(presence) < len(tested)):
            return None
        variables = frozenset(value for attr in presence for value in branch.get(attr, "").split())
        return None if not variables or variables & CITE_VARIABLES else variables

    def tested(self, branch: ET.Element) -> list[str]:
        """A branch's condition attributes, without the type when it is decided at compile time."""
        return [
            attr
            for attr in branch.attrib
            if attr in CONDITION_ATTRIBUTES and not (attr == "type" and self.item_type is not None)
        ]

    def decided(self, branch: ET.Element) -> bool | None:
        """Whether a branch is taken, when its type test decides it for the type compiled for; else None
        (its other conditions are then tested on each item, without the type)."""
        if self.item_type is None or "type" not in branch.attrib:
            return None
        hit = self.item_type in branch.get("type", "").split()
        others = any(attr in CONDITIONS for attr in branch.attrib)
        match = branch.get("match", "all")
        if match == "none":
            return False if hit else None if others else True
        if match == "any":
            return True if hit else None if others else False
        return None if hit and others else hit

    def condition(self, branch: ET.Element) -> Test:
        """A branch's conditions as one test; one that needs a variable of the item (is-numeric="volume")
        is not called for an item that holds none of those it could need."""
        test = self.test_of(branch)
        present = self.presence(branch)
        if present is not None and not isinstance(test, Pure):
            return Present(present, test)
        return test

    def test_of(self, branch: ET.Element) -> Callable[[Ctx], bool] | TypeTest | FilledTest:
        """A branch's conditions as one test, stopping at the first value that decides it."""
        match = branch.get("match", "all")
        tested = self.tested(branch)
        # The types of one type="a b c" are one test, passed by any of them (as in citeproc-js: a
        # <else-if type="article-journal article-magazine"> is taken by either type, whatever the match).
        checks = [
            _of_type(frozenset(branch.get(attr, "").split())) if attr == "type" else _check(attr, value)
            for attr in tested
            for value in (branch.get(attr, "").split() if attr != "type" else [""])
        ]
        values = branch.get(tested[0], "").split() if len(tested) == 1 else []
        # The commonest tests become expressions of the layout's function (sources.csl.emit):
        # <if type="a b c">, <if variable="x y" match="any">.
        if tested == ["type"]:
            return TypeTest(frozenset(values), match != "none")
        if tested == ["variable"] and not set(values) & CITE_VARIABLES:
            # The item's own variables: looked up in the item, without the cite's.
            return FilledTest(tuple(dict.fromkeys(values)), match != "none", match == "all")
        if tested == ["variable"] and len(values) == 1 and match != "none":
            name = values[0]
            return lambda ctx: ctx.present(name)
        if tested == ["variable"] and match in ("any", "none"):
            names = tuple(dict.fromkeys(values))
            wanted = match == "any"

            def found_anywhere(ctx: Ctx) -> bool:
                for name in names:
                    if ctx.present(name):
                        return wanted
                return not wanted

            return found_anywhere

        if len(checks) == 1 and match != "none":
            return checks[0]

        # Loops rather than any()/all() over generators: a condition is tested for every entry.
        if match == "all":

            def every(ctx: Ctx) -> bool:
                for check in checks:  # noqa: SIM110
                    if not check(ctx):
                        return False
                return True

            return every
        wanted = match == "any"

        def some(ctx: Ctx) -> bool:
            for check in checks:
                if check(ctx):
                    return wanted
            return not wanted

        return some

    def number(self, element: ET.Element) -> Render:
        variable = element.get("variable", "")
        form = element.get("form", "numeric")
        decorate = decorator(element)

        def render(ctx: Ctx) -> Node | None:
            ctx.called += 1
            value = ctx.variable(variable)
            if value is None:
                return None
            ctx.nonempty += 1
            gender = ctx.locale.genders.get(variable, "")
            text = render_number(str(value), form, ctx.locale, gender)
            return decorate(text, ctx) if decorate is not None else text

        return self.needing(render, frozenset({variable}), True)

    def label(self, element: ET.Element) -> Render:
        variable = element.get("variable", "")
        form = element.get("form", "long")
        plural = element.get("plural", "contextual")
        decorate = decorator(element)

        def render(ctx: Ctx) -> Node | None:
            value = ctx.variable(variable)
            if value is None:
                return None
            if variable == "locator" and _embedded_label(str(value), ctx):
                # "vol. 1, fol. 186": the locator names its own unit.
                return None
            term_name = _locator_label(ctx) if variable == "locator" else variable
            if plural == "contextual":
                text = str(value)
                if variable in ("number-of-pages", "number-of-volumes"):
                    many = text.isdigit() and int(text) > 1
                else:
                    many = is_plural(text)
            else:
                many = plural == "always"
            term = ctx.locale.term(term_name, form, many)
            if not term:
                return None
            return decorate(term, ctx) if decorate is not None else term

        return self.needing(render, frozenset({variable}), False)


def _body(children: list[Piece]) -> Piece:
    """A branch of a choose: its one child as it is, or its pieces as a Branch (each standing on its own
    for an enclosing group's delimiter)."""
    if not children:
        return nothing
    return children[0] if len(children) == 1 else Several(children)


def _check(attr: str, value: str) -> Callable[[Ctx], bool]:
    """One condition attribute with one of its values."""
    if attr == "variable" and value not in CITE_VARIABLES:
        return lambda ctx: filled(ctx.item.get(value))
    check = CONDITIONS[attr]
    return lambda ctx: check(ctx, value)


def _of_type(types: frozenset[str]) -> Callable[[Ctx], bool]:
    return lambda ctx: ctx.item.get("type") in types


def _final(render: Render) -> Render:
    """A substitute of fixed text: when it renders nothing, substitution still stops."""

    def final(ctx: Ctx) -> Node | None:
        node = render(ctx)
        return SUBSTITUTE_STOP if node is None or node == "" else node

    return final


def _substituting(render: Render) -> Render:
    def substitute(ctx: Ctx) -> Node | None:
        previous = ctx.substituting
        ctx.substituting = True
        try:
            return render(ctx)
        finally:
            ctx.substituting = previous

    return substitute


# Runs of spaces, punctuation and markup: one space each in a sort key.
_NOT_WORD = re.compile(r"[^\w\u0001]+")


def _plain_sort(node: Node | None) -> str:
    """A sort key's text: markup, quotes and punctuation count as spaces."""
    if node is None:
        return ""
    return _NOT_WORD.sub(" ", plain(node)).strip()


def _numeric(ctx: Ctx, variable: str) -> bool:
    value = ctx.variable(variable)
    return value is not None and not isinstance(value, (list, dict, DateValue)) and is_numeric(str(value))


def _uncertain(ctx: Ctx, variable: str) -> bool:
    value = ctx.variable(variable)
    return isinstance(value, DateValue) and value.circa


def _embedded_label(locator: str, ctx: Ctx) -> bool:
    first = locator.strip().split(" ", 1)[0]
    return first in ctx.locale.locator_terms()


def _locator_label(ctx: Ctx) -> str:
    ctx.cite_reads += 1
    label = ctx.cite.get("label") or "page"
    return "sub-verbo" if label == "sub verbo" else str(label)


def _position(ctx: Ctx, wanted: str) -> bool:
    if ctx.mode != "citation":
        return False
    position = ctx.position
    if wanted == "first":
        return position == 0
    if wanted == "subsequent":
        return position >= 1
    if wanted == "ibid":
        return position in (2, 3)
    if wanted == "ibid-with-locator":
        return position == 3
    if wanted == "near-note":
        ctx.cite_reads += 1
        return bool(ctx.cite.get("near-note")) and position >= 1
    return False


# Each condition attribute with one value, but the type, whose values are one test (_of_type, TypeTest).
CONDITIONS: dict[str, Callable[[Ctx, str], bool]] = {
    "variable": lambda ctx, value: ctx.present(value),
    "is-numeric": _numeric,
    "is-uncertain-date": _uncertain,
    "locator": lambda ctx, value: ctx.variable("locator") is not None and _locator_label(ctx) == value,
    "position": _position,
    "disambiguate": lambda ctx, value: ctx.disamb.condition == (value == "true"),
}
CONDITION_ATTRIBUTES = frozenset({"type", *CONDITIONS})


# Variables whose text is formatted beyond its mini-markup (numbers, pages, links), not text, or the cite's.
_FORMATTED = (
    NUMBER_VARIABLES | DATE_VARIABLES | CITE_VARIABLES | {"citation-number", "page", "URL", "DOI", "PMID", "PMCID"}
)


def _text_value(ctx: Ctx, variable: str, short: str | None) -> str | None:
    """A variable's text, its short form first when ``short`` names it; None when absent or not text."""
    value = ctx.variable(short) if short is not None else None
    if value is None:
        value = ctx.variable(variable)
    if value is None or isinstance(value, (list, dict, DateValue)):
        return None
    return str(value)


def text_variable(ctx: Ctx, variable: str, form: str, page_format: str) -> Node | None:
    """A text variable's value as rich text, in its short form when asked and available."""
    if variable == "citation-number":
        number = ctx.item.get("citation-number")
        return str(number) if number else None
    text = _text_value(ctx, variable, f"{variable}-short" if form == "short" else None)
    if text is None:
        return None
    if "\\-" in text:
        return parse_markup(text.replace("\\-", "-"))
    rest = ""
    if variable == "locator":
        text = text.strip()
        # "367-368, fig. 333": the part before an embedded label is formatted, the rest kept.
        terms = ctx.locale.locator_terms()
        index = text.find(", ")
        while index >= 0:
            end = text.find(" ", index + 2)
            if text[index + 2 : end if end >= 0 else len(text)] in terms:
                text, rest = text[:index], text[index:]
                break
            index = text.find(", ", index + 2)
    if not rest and text.isascii() and text.isdigit() and text[0] != "0" and variable not in DATE_VARIABLES:
        # A plain number (a volume, most locators and issues): no range, markup or form to apply.
        return text
    if variable == "page" or (variable == "locator" and _locator_label(ctx) == "page"):
        delimiter = ctx.locale.term("page-range-delimiter") or "–"
        if roman_range(text, delimiter):
            text = roman_range(text, delimiter) or text
        elif page_format:
            text = page_range(text, page_format, delimiter, ctx.locale.term("and", "symbol") or "&")
        elif is_numeric(text):
            text = render_number(text, "numeric", ctx.locale).replace("–", delimiter)
    elif (variable == "locator" or variable in NUMBER_VARIABLES) and ("-" in text or "&" in text) and is_numeric(text):
        text = render_number(text, "numeric", ctx.locale)
    if variable in DATE_VARIABLES:
        return None
    if variable in ("URL", "DOI", "PMID", "PMCID"):
        return text
    return parse_markup(text + rest)
