"""<names>: name lists with et-al, particles, initials, inverted and literal names, labels and substitution."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import lru_cache
from typing import Any

from sources.csl.context import Ctx, Render
from sources.csl.decorate import Decorator, decorator, formatting, is_empty
from sources.csl.markup import parse_markup
from sources.csl.richtext import Node, Rich, join, plain

NAME_ATTRIBUTES = (
    "and",
    "delimiter-precedes-et-al",
    "delimiter-precedes-last",
    "et-al-min",
    "et-al-use-first",
    "et-al-subsequent-min",
    "et-al-subsequent-use-first",
    "et-al-use-last",
    "initialize",
    "initialize-with",
    "initialize-with-hyphen",
    "name-as-sort-order",
    "sort-separator",
    "demote-non-dropping-particle",
)
_INITIAL_TOKENS = re.compile(r"[^\s.\-\u2010]++\.?|[\-\u2010]")
# Returned by a substitute that is a term or a value: substitution ends there, even when it is empty.
SUBSTITUTE_STOP = Rich([])
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _int(options: dict[str, str], key: str) -> int:
    value = options.get(key, "")
    return int(value) if value.isdigit() else 0


@lru_cache(maxsize=4096)
def initialize(given: str, with_: str, all_words: bool, hyphen: bool) -> str:
    """Given names as initials: ``Jean-Paul Ronald`` → ``J.-P. R.`` with ``". "``.

    Single letters and abbreviations (``Ph.``) are kept and take ``with_``; other words become their
    initial when ``all_words`` (CSL's initialize="true"), else stay whole; lowercase particles stay.
    """
    out = ""
    for token in _INITIAL_TOKENS.findall(given):
        if token in "-\u2010":
            if hyphen:
                out = out.rstrip() + "-"
            continue
        word = token.rstrip(".")
        if not word:
            continue
        if out.endswith("-") and word[:1].islower():
            # A lowercase part after a hyphen ("G-ping") is part of the syllable, not a name.
            out = out[:-1]
            continue
        if word[:1].islower() and len(word) > 1:
            if out and not out.endswith(" "):
                out += " "
            out += word + " "
        elif len(word) == 1 or token.endswith("."):
            out += word + with_
        elif all_words:
            out += word[0] + with_
        else:
            out += word + " "
    return out.rstrip()


def _space_join(*parts: str) -> str:
    out = ""
    for part in parts:
        if not part:
            continue
        if out and not out.endswith(("'", "’", "-", " ")):
            out += " "
        out += part
    return out


class NameFormat:
    """Compiled options of one <name> element (after inheritance)."""

    def __init__(self, element: ET.Element | None, inherit: dict[str, str]) -> None:
        options = {key: value for key, value in inherit.items() if key in NAME_ATTRIBUTES}
        if "name-delimiter" in inherit:
            options["delimiter"] = inherit["name-delimiter"]
        if "name-form" in inherit:
            options["form"] = inherit["name-form"]
        attrib = element.attrib if element is not None else {}
        options.update(attrib)
        self.options = options
        self.and_ = options.get("and", "")
        self.delimiter = options.get("delimiter", ", ")
        self.precedes_et_al = options.get("delimiter-precedes-et-al", "contextual")
        self.precedes_last = options.get("delimiter-precedes-last", "contextual")
        self.et_al_min = _int(options, "et-al-min")
        # -1: not given (no truncation); 0 is a real value (no names at all).
        self.et_al_use_first = _int(options, "et-al-use-first") if "et-al-use-first" in options else -1
        self.subsequent_min = _int(options, "et-al-subsequent-min") or self.et_al_min
        self.subsequent_use_first = (
            _int(options, "et-al-subsequent-use-first")
            if "et-al-subsequent-use-first" in options
            else self.et_al_use_first
        )
        self.use_last = options.get("et-al-use-last") == "true"
        self.form = options.get("form", "long")
        self.initialize = options.get("initialize", "true") != "false"
        self.initialize_with = options.get("initialize-with")
        self.hyphen = options.get("initialize-with-hyphen", "true") != "false"
        self.sort_order = options.get("name-as-sort-order", "")
        self.sort_separator = options.get("sort-separator", ", ")
        self.demote = options.get("demote-non-dropping-particle", "display-and-sort")
        self.decorate: Decorator | None = decorator(element) if element is not None else None
        self.parts: dict[str, tuple[dict[str, str] | None, Decorator | None, str, str]] = {}
        if element is not None:
            for part in element.findall("name-part"):
                self.parts[part.get("name", "")] = (
                    formatting(part),
                    decorator(part, affixes=False),
                    part.get("prefix", ""),
                    part.get("suffix", ""),
                )

    def _styled(self, which: str, word: str, ctx: Ctx) -> Node:
        """A word in a name-part's formatting, without its affixes."""
        spec = self.parts.get(which)
        decorate = spec[1] if spec is not None else None
        return decorate(word, ctx) if decorate is not None and word else word

    def _part(self, which: str, words: list[str], ctx: Ctx, tail: Node = "", head: str = "") -> Node:
        """Name parts (a particle, a family name) formatted one by one; the name-part's affixes around all,
        enclosing ``head`` (a dropping particle) and ``tail`` (a suffix), which it does not format."""
        words = [word for word in words if word]
        spec = self.parts.get(which)
        if spec is None:
            joined = _space_join(head, *words)
            plain_node = parse_markup(joined) if "<" in joined else joined
            return Rich([plain_node, tail]) if tail else plain_node
        _, decorate, prefix, suffix = spec
        children: list[Node] = [head] if head else []
        previous = head
        for word in words:
            if children and not previous.endswith(("'", "’", "-", " ")):
                children.append(" ")
            piece = parse_markup(word) if "<" in word else word
            children.append(decorate(piece, ctx) if decorate is not None else piece)
            previous = word
        if tail:
            children.append(tail)
        node: Node = Rich(children) if len(children) != 1 else children[0]
        if prefix or suffix:
            node = Rich([node], None, prefix, suffix)
        return node

    def one(self, name: dict[str, Any], inverted: bool, level: int, ctx: Ctx, sorting: bool = False) -> Node:
        """One name in this format; ``level`` 1 and 2 are the disambiguation steps (initials, full given)."""
        literal = name.get("literal")
        if literal:
            # An institution's name takes the family name-part's formatting.
            return self._part("family", [str(literal)], ctx)
        family = name.get("family", "")
        given = name.get("given", "")
        ndp = name.get("non-dropping-particle", "")
        dp = name.get("dropping-particle", "")
        suffix = name.get("suffix", "")
        form = "long" if level >= 1 else self.form
        if not given or not family:
            return self._part("family", [ndp, family], ctx) if family else self._part("given", [given], ctx)
        # Most names are not in a CJK script; an ASCII name cannot be.
        if not (family.isascii() and given.isascii()) and _CJK.search(family + given):
            if form == "short":
                return self._part("family", [family], ctx)
            return Rich([self._part("family", [family], ctx), self._part("given", [given], ctx)])
        if form == "short":
            return self._part("family", [ndp, family], ctx)
        if self.initialize_with is not None and level < 2:
            given = initialize(given, self.initialize_with, self.initialize, self.hyphen)
        if not (ndp or dp or suffix):
            # The commonest name: no particle or suffix (nor, for display, markup or name-part formatting).
            if sorting:
                return f"{family} {given}"
            if not self.parts and "<" not in family and "<" not in given:
                return Rich([family, self.sort_separator, given] if inverted else [given, " ", family])
        if sorting:
            if self.demote in ("display-and-sort", "sort-only"):
                return " ".join(p for p in (family, _space_join(dp, ndp), given, suffix) if p)
            return " ".join(p for p in (_space_join(ndp, family), given, dp, suffix) if p)
        if inverted:
            separator = self.sort_separator
            if self.demote == "display-and-sort":
                head = self._part("family", [family], ctx)
                # A demoted particle keeps the family's formatting inside the given name's affixes.
                demoted: Node = Rich([" ", self._styled("family", ndp, ctx)]) if ndp else ""
                tail = self._part("given", [given, dp], ctx, demoted)
            else:
                head = self._part("family", [ndp, family], ctx)
                tail = self._part("given", [given, dp], ctx)
            children: list[Node] = [head, separator, tail]
            if suffix:
                children += [separator, suffix]
            return Rich(children)
        # In display order the family part encloses the particles before it and the suffix after it.
        tail = ((", " if name.get("comma-suffix") else " ") + suffix) if suffix else ""
        given_suffix = self.parts.get("given", (None, None, "", ""))[3]
        glue = "" if given_suffix[-1:].isspace() else " "
        return Rich([self._part("given", [given], ctx), glue, self._part("family", [ndp, family], ctx, tail, dp)])

    def limits(self, ctx: Ctx) -> tuple[int, int]:
        if ctx.mode == "sort" and ctx.sort_names is not None:
            minimum, first, _ = ctx.sort_names
            return minimum or self.et_al_min, first or self.et_al_use_first
        if ctx.mode == "citation" and ctx.position > 0:
            return self.subsequent_min, self.subsequent_use_first
        return self.et_al_min, self.et_al_use_first

    def shown(self, count: int, ctx: Ctx) -> int:
        """How many names of a list of ``count`` are shown before et-al."""
        minimum, first = self.limits(ctx)
        if minimum and first >= 0 and count >= minimum:
            shown = first
            if ctx.mode == "citation" and ctx.disamb.names_shown > shown:
                shown = ctx.disamb.names_shown
            return min(shown, count)
        return count

    def render_list(
        self,
        names: list[dict[str, Any]],
        variable: str,
        ctx: Ctx,
        et_al_of: Render,
        each: list[tuple[str, Rich]] | None = None,
    ) -> Node | None:
        """A list of names, truncated with et-al or et-al-use-last, joined with 'and' and delimiters;
        ``et_al_of`` gives the et-al term when names are left out; ``each`` receives every name shown, as its
        text and a span that can be replaced."""
        total = len(names)
        shown = self.shown(total, ctx)
        sorting = ctx.mode == "sort"
        rendered: list[Node] = []
        inverted_flags: list[bool] = []
        levels = ctx.disamb.given_levels
        for index, name in enumerate(names[:shown]):
            inverted = sorting or self.sort_order == "all" or (self.sort_order == "first" and index == 0)
            level = levels.get((variable, index), 0) if levels else 0
            one = self.one(name, inverted, level, ctx, sorting)
            if each is not None:
                one = Rich([one])
                each.append((plain(one), one))
            rendered.append(one)
            inverted_flags.append(inverted and not name.get("literal"))
        if not rendered:
            return None
        if sorting:
            use_last = ctx.sort_names[2] if ctx.sort_names is not None else 0
            if shown < total and (self.use_last or use_last) and total >= shown + 2:
                rendered.append(self.one(names[-1], True, 0, ctx, sorting))
            return "\u0001".join([plain(node) for node in rendered])
        truncated = shown < total
        if truncated and self.use_last and total >= shown + 2:
            last = self.one(names[-1], self.sort_order == "all", 0, ctx)
            children = [*join(rendered, self.delimiter), self.delimiter, "… ", last]
            return Rich(children)
        if truncated:
            et_al = et_al_of(ctx)
            if et_al is None:
                return Rich(join(rendered, self.delimiter))
            if (len(rendered) == 1 and self.precedes_et_al == "contextual") or _no_delimiter(
                self.precedes_et_al, inverted_flags
            ):
                # Chinese and Japanese write their "et al." (等) without a space.
                glue = "" if _CJK.match(plain(et_al)) else " "
            else:
                glue = self.delimiter
            return Rich([*join(rendered, self.delimiter), glue, et_al])
        if len(rendered) == 1:
            return rendered[0]
        if not self.and_:
            return Rich(join(rendered, self.delimiter))
        and_term = "&" if self.and_ == "symbol" else (ctx.locale.term("and") or "and")
        if self.precedes_last == "contextual":
            use_delimiter = len(rendered) > 2
        else:
            use_delimiter = not _no_delimiter(self.precedes_last, inverted_flags[:-1])
        glue = (self.delimiter if use_delimiter else " ") + and_term + " "
        return Rich([*join(rendered[:-1], self.delimiter), glue, rendered[-1]])


def _no_delimiter(rule: str, inverted: list[bool]) -> bool:
    if rule == "never":
        return True
    if rule == "after-inverted-name":
        return not (inverted and inverted[-1])
    if rule == "always":
        return False
    return len(inverted) < 2


class NamesSpec:
    """What a <names> element inside <substitute> without children inherits from its parent."""

    def __init__(
        self, name: ET.Element | None, et_al: ET.Element | None, label: ET.Element | None, label_after: bool
    ) -> None:
        self.name = name
        self.et_al = et_al
        self.label = label
        self.label_after = label_after


def parse_spec(element: ET.Element) -> NamesSpec:
    name = element.find("name")
    label = element.find("label")
    after = True
    if label is not None and name is not None:
        children = list(element)
        after = children.index(label) > children.index(name)
    return NamesSpec(name, element.find("et-al"), label, after)


def compile_names(
    element: ET.Element,
    inherit: dict[str, str],
    substitute: list[Render],
    parent: NamesSpec | None,
) -> Render:
    """A <names> element as a function of the rendering context."""
    variables = element.get("variable", "").split()
    spec = parse_spec(element)
    if parent is not None and spec.name is None and spec.et_al is None and spec.label is None:
        spec = parent
    fmt = NameFormat(spec.name, inherit)
    names_delimiter = element.get("delimiter", inherit.get("names-delimiter", ""))
    et_al_term = spec.et_al.get("term", "et-al") if spec.et_al is not None else "et-al"
    et_al_decorate = decorator(spec.et_al) if spec.et_al is not None else None
    label = spec.label
    label_form = label.get("form", "long") if label is not None else "long"
    label_plural = label.get("plural", "contextual") if label is not None else "contextual"
    label_decorate = decorator(label) if label is not None else None
    decorate = decorator(element)
    count_form = fmt.form == "count"

    def et_al_node(ctx: Ctx) -> Node | None:
        term = ctx.locale.term(et_al_term)
        if not term:
            return None
        return et_al_decorate(term, ctx) if et_al_decorate is not None else term

    def label_node(variable: str, count: int, ctx: Ctx) -> Node | None:
        plural = count > 1 if label_plural == "contextual" else label_plural == "always"
        term = ctx.locale.term(variable, label_form, plural)
        if not term:
            return None
        return label_decorate(term, ctx) if label_decorate is not None else term

    def render(ctx: Ctx) -> Node | None:
        ctx.called += 1
        lists: list[tuple[str, list[dict[str, Any]]]] = []
        # Name variables are the item's (never the cite's): looked up in it, unless used up.
        item, used = ctx.item, ctx.suppressed
        for variable in variables:
            value = item.get(variable)
            if isinstance(value, list) and value and variable not in used:
                lists.append((variable, value))
        if (
            len(lists) > 1
            and {v for v, _ in lists} >= {"editor", "translator"}
            and (label is None or ctx.locale.term("editortranslator", label_form))
        ):
            editors = dict(lists)["editor"]
            if editors == dict(lists)["translator"]:
                lists = [(v, names) for v, names in lists if v != "translator"]
                lists = [("editortranslator", names) if v == "editor" else (v, names) for v, names in lists]
        if not lists:
            for fallback in substitute:
                before = set(ctx.suppressed)
                node = fallback(ctx)
                if node is SUBSTITUTE_STOP:
                    return None
                if not is_empty(node):
                    assert node is not None
                    node = decorate(node, ctx) if decorate is not None else node
                    if not ctx.first_names and ctx.mode != "sort":
                        # What stands in for the author is the author, for substitution and suppression.
                        node = Rich([node])
                        ctx.first_names.append(node)
                        ctx.names_key = plain(node)
                        if ctx.suppress_author:
                            return None
                    return node
                ctx.suppressed = before
            return None
        if ctx.substituting:
            for variable, _ in lists:
                ctx.suppressed.add(variable)
            ctx.suppressed.update(variables)
        if count_form:
            count = sum(fmt.shown(len(names), ctx) for _, names in lists)
            if not count:
                return None
            ctx.nonempty += 1
            return str(count)
        outputs: list[Node] = []
        # The name lists before their labels, in order: their plain text is the names key.
        bare: list[Node] = []
        registered: list[Node] = []
        for variable, names in lists:
            lookup = "editor" if variable == "editortranslator" else variable
            first = not ctx.first_names and not registered
            # The names one by one, for a subsequent-author-substitute rule that replaces each.
            each = ctx.each_name if first else None
            node = fmt.render_list(names, lookup, ctx, et_al_node, each)
            if node is None:
                continue
            if fmt.decorate is not None and ctx.mode != "sort":
                node = fmt.decorate(node, ctx)
            bare.append(node)
            if first and ctx.mode != "sort":
                # The names without their label: what subsequent-author-substitute replaces.
                node = Rich([node])
                registered.append(node)
            if label is not None and ctx.mode != "sort":
                term = label_node(variable, len(names), ctx)
                if term is not None:
                    node = Rich([node, term] if spec.label_after else [term, node])
            outputs.append(node)
            ctx.name_lists.append((lookup, names))
        if not outputs:
            return None
        ctx.nonempty += 1
        result: Node = Rich(join(outputs, names_delimiter)) if len(outputs) > 1 else outputs[0]
        if decorate is not None:
            result = decorate(result, ctx)
        if registered:
            ctx.first_names.append(registered[0])
            # Only the first names of an entry have a key: the plain text is made for them alone.
            ctx.names_key = "\u0001".join([plain(node) for node in bare])
            if ctx.suppress_author:
                # Suppressed inside a <substitute>: the author is found, nothing else stands in for it.
                return SUBSTITUTE_STOP if ctx.substituting else None
        return result

    return render
