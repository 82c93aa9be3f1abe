"""The attributes every rendering element may carry: formatting, affixes, quotes, text-case, display."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

from sources.csl.context import Ctx
from sources.csl.richtext import Node, Rich
from sources.csl.textcase import apply_case

FORMATTING = ("font-style", "font-variant", "font-weight", "text-decoration", "vertical-align")
TURKIC = ("tr", "az")

Decorator = Callable[[Node, Ctx], Node]


def formatting(element: ET.Element) -> dict[str, str] | None:
    fmt = {attr: element.get(attr, "") for attr in FORMATTING if element.get(attr)}
    return fmt or None


def strip_periods(node: Node) -> Node:
    if isinstance(node, str):
        return node.replace(".", "")
    children = [strip_periods(child) for child in node.children]
    return Rich(children, node.fmt, node.prefix, node.suffix, node.quotes, node.display, node.nocase)


def english(ctx: Ctx) -> bool:
    """Title case applies to English items only: items without language, or with an en-* language."""
    language = ctx.item.get("language")
    if not language:
        return ctx.locale.lang.startswith("en")
    return str(language).lower().startswith("en")


def case_of(node: Node, case: str, ctx: Ctx) -> Node:
    if case == "title" and not english(ctx):
        return node
    language = str(ctx.item.get("language") or ctx.locale.lang)
    return apply_case(case, node, language.split("-", maxsplit=1)[0].lower() in TURKIC)


def decorator(element: ET.Element, affixes: bool = True) -> Decorator | None:
    """A function adding the element's decorations to a rendered node, or None when it has none."""
    fmt = formatting(element)
    prefix = element.get("prefix", "") if affixes else ""
    suffix = element.get("suffix", "") if affixes else ""
    quotes = element.get("quotes") == "true"
    display = f"csl-{element.get('display')}" if element.get("display") else ""
    case = element.get("text-case", "")
    strip = element.get("strip-periods") == "true"
    if not (fmt or prefix or suffix or quotes or display or case or strip):
        return None

    def decorate(node: Node, ctx: Ctx) -> Node:
        if strip:
            node = strip_periods(node)
        if case:
            node = case_of(node, case, ctx)
        if fmt or quotes or prefix or suffix or display:
            # One span: flattening opens a display, then the prefix, formatting and quotes, in that order.
            node = Rich([node], fmt, prefix, suffix, quotes, display)
        return node

    return decorate


def is_empty(node: Node | None) -> bool:
    """Whether a node has no text at all (affixes alone do not count)."""
    if node is None:
        return True
    if isinstance(node, str):
        return node == ""
    # A loop, not all() over a generator: this runs for every substitute tried.
    for child in node.children:  # noqa: SIM110
        if not is_empty(child):
            return False
    return True
