"""Output-format-independent rich text: a tree of formatted spans, flattened with flip-flop and punctuation rules.

Leaves are plain strings. A :class:`Rich` node carries formatting (CSL attribute → value), quotes, affixes
and display. Flattening turns the tree into tokens, resolving nested italics and quotes (flip-flop), then
merges doubled punctuation and moves commas and periods into quotes where the locale says so.
"""

from __future__ import annotations

from collections.abc import Iterator


class Rich:
    """A span of output: children with formatting, quotes, affixes and an optional display block."""

    __slots__ = ("children", "display", "fmt", "nocase", "prefix", "quoted_text", "quotes", "single", "suffix")

    def __init__(
        self,
        children: list[Rich | str],
        fmt: dict[str, str] | None = None,
        prefix: str = "",
        suffix: str = "",
        quotes: bool = False,
        display: str = "",
        nocase: bool = False,
    ) -> None:
        self.children = children
        self.fmt = fmt
        self.prefix = prefix
        self.suffix = suffix
        self.quotes = quotes
        self.display = display
        self.nocase = nocase
        # Quotes typed in the data: flipped like the style's, but punctuation never moves into them.
        self.quoted_text = False
        # Single quotes typed in the data: inner quotes where outer ones would be.
        self.single = False

    def __repr__(self) -> str:
        return f"Rich({self.children!r}, {self.fmt!r}, {self.prefix!r}, {self.suffix!r}, q={self.quotes})"


Node = Rich | str


class Branch(Rich):
    """The output of a <choose>: its pieces count as separate children of an enclosing group's delimiter."""

    __slots__ = ()


def spread(parts: list[Node]) -> list[Node]:
    """Pieces for a delimiter, with the pieces of a choose standing on their own."""
    for part in parts:
        if part.__class__ is Branch:
            break
    else:
        return parts
    out: list[Node] = []
    for part in parts:
        if isinstance(part, Branch):
            out.extend(spread(part.children))
        else:
            out.append(part)
    return out


class TermText(str):
    """Text that came from a locale term: a note citation starting with one is capitalized."""

    __slots__ = ()


def capitalize_first_term(node: Node) -> Node:
    """The node with its first text capitalized when that text is a term."""
    if isinstance(node, str):
        return node[:1].upper() + node[1:] if isinstance(node, TermText) else node
    if node.prefix:
        return node
    for index, child in enumerate(node.children):
        if isinstance(child, str) and not child:
            continue
        node.children[index] = capitalize_first_term(child)
        break
    return node


def plain(node: Node | None) -> str:
    """The text of a node without markup, affixes included."""
    if node is None:
        return ""
    if isinstance(node, str):
        return node
    out: list[str] = []
    _plain(node, out)
    return "".join(out)


def _plain(node: Rich, out: list[str]) -> None:
    out.append(node.prefix)
    for child in node.children:
        if isinstance(child, str):
            out.append(child)
        else:
            _plain(child, out)
    out.append(node.suffix)


def leaves(node: Node) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    else:
        for child in node.children:
            yield from leaves(child)


def join(parts: list[Node], delimiter: str) -> list[Node]:
    """Children with a delimiter between them."""
    if not delimiter or len(parts) < 2:
        return list(parts)
    out: list[Node] = [parts[0]]
    for part in parts[1:]:
        out.append(delimiter)
        out.append(part)
    return out


# Tokens: (kind, value). Kinds: "t" text, "o"/"c" open/close formatting (value "attr:val"),
# "qo"/"qc" open/close quote mark (value: the mark), "do"/"dc" open/close display block.
Token = tuple[str, str]

FLIP = {
    "font-style": ("italic", "normal"),
    "font-weight": ("bold", "normal"),
    "font-variant": ("small-caps", "normal"),
}


class Quotes:
    """The locale's quotation marks, outer and inner."""

    __slots__ = ("close", "inner_close", "inner_open", "open", "punctuation_inside")

    def __init__(self, open_: str, close: str, inner_open: str, inner_close: str, punctuation_inside: bool) -> None:
        self.open = open_
        self.close = close
        self.inner_open = inner_open
        self.inner_close = inner_close
        self.punctuation_inside = punctuation_inside


def flatten(node: Node, quotes: Quotes) -> list[Token]:
    """Tokens of a tree, with nested italics, bold, small caps and quotes flipped."""
    tokens: list[Token] = []
    if isinstance(node, str):
        if node:
            tokens.append(("t", node))
    else:
        _flatten(node, tokens, {}, quotes, 0)
    return fix_punctuation(tokens, quotes.punctuation_inside)


def _flatten(node: Rich, tokens: list[Token], state: dict[str, str], quotes: Quotes, depth: int) -> None:
    """A span's tokens (its text children are appended here: only spans recurse)."""
    if node.display:
        if not any(leaves(node)):
            # A block emptied after rendering (a substituted author heading) leaves no trace.
            return
        tokens.append(("do", node.display))
    if node.prefix:
        tokens.append(("t", node.prefix))
    opened: list[tuple[str, str | None]] | None = None
    if node.fmt:
        opened = []
        # Vertical alignment outermost, font style innermost, as citeproc-js nests them.
        for attr, wanted in reversed(node.fmt.items()):
            value = wanted
            current = state.get(attr)
            flip = FLIP.get(attr)
            if flip and value == flip[0] and current == flip[0]:
                value = flip[1]
            elif (
                (value == "normal" and current in (None, "normal"))
                or value == current
                or (attr == "text-decoration" and value == "none" and current in (None, "none"))
            ):
                continue
            if attr == "vertical-align" and value == "baseline" and current in (None, "baseline"):
                continue
            tokens.append(("o", f"{attr}:{value}"))
            opened.append((attr, current))
            state[attr] = value
    if node.quotes:
        if node.single and depth % 2 == 0:
            depth += 1
        inner = depth % 2 == 1
        tokens.append(("qo", quotes.inner_open if inner else quotes.open))
        depth += 1
    for child in node.children:
        if isinstance(child, str):
            if child:
                tokens.append(("t", child))
        elif child.display or child.prefix or child.suffix or child.fmt or child.quotes:
            _flatten(child, tokens, state, quotes, depth)
        else:
            # A bare span (a group's or a name list's) adds nothing of its own: its children come in place.
            for grandchild in child.children:
                if isinstance(grandchild, str):
                    if grandchild:
                        tokens.append(("t", grandchild))
                else:
                    _flatten(grandchild, tokens, state, quotes, depth)
    if node.quotes:
        tokens.append(("qm" if node.quoted_text else "qc", quotes.inner_close if depth % 2 == 0 else quotes.close))
    if opened:
        for attr, previous in reversed(opened):
            tokens.append(("c", f"{attr}:{state[attr]}"))
            if previous is None:
                del state[attr]
            else:
                state[attr] = previous
    if node.suffix:
        tokens.append(("t", node.suffix))
    if node.display:
        tokens.append(("dc", node.display))


PUNCTUATION = ".,;:!?"


# When output ending in punctuation ``left`` meets output starting with ``right`` (citeproc-js's table):
# ABSORBED pairs keep ``left`` only, REPLACED pairs keep ``right`` only, others keep both.
ABSORBED = frozenset(
    [(left, ":") for left in ":;!?"]
    + [(left, ".") for left in ":.;!?"]
    + [(";", ";"), ("!", "!"), ("?", "?"), (",", ",")]
)
REPLACED = frozenset([(":", "!"), (";", "!"), (":", "?"), (";", "?")])


def _absorbs(left: str, right: str) -> bool:
    """Whether punctuation ``left`` at the end of a text makes punctuation ``right`` after it redundant."""
    return (left, right) in ABSORBED


def fix_punctuation(tokens: list[Token], inside_quotes: bool) -> list[Token]:
    """Move periods and commas into closing quotes (when the locale says so), drop doubled punctuation and
    doubled spaces where two pieces of output meet."""
    out: list[Token] = []
    for token in tokens:
        kind, text = token
        # Most text starts with a letter: nothing before it needs to be looked at.
        if kind == "t" and text and (text[0] == " " or text[0] in PUNCTUATION):
            if out:
                # After a word, a space or a mark is kept as it is (what _merge_left finds for it).
                before, last = out[-1]
                if before == "t" and last and last[-1] != " " and last[-1] not in PUNCTUATION:
                    out.append(token)
                    continue
            text = _merge_left(out, text, inside_quotes)
            if text:
                out.append((kind, text))
        else:
            out.append(token)
    return out


def _between_quotes(out: list[Token], index: int) -> bool:
    return index >= 0 and any(kind in ("qc", "qm") for kind, _ in out[index + 1 :])


def _merge_left(out: list[Token], value: str, inside_quotes: bool) -> str:
    """Resolve the start of ``value`` (a space or a punctuation mark) against the text before it in ``out``."""
    index = len(out) - 1
    quote_at = -1
    while index >= 0 and out[index][0] in ("c", "qc", "qm"):
        if out[index][0] == "qc" and quote_at < 0:
            quote_at = index
        index -= 1
    previous = out[index][1] if index >= 0 and out[index][0] == "t" else ""
    if value[0] == " " and previous.endswith(" ") and not _between_quotes(out, index):
        value = value.lstrip(" ")
        if not value:
            return value
    first = value[0]
    if first not in PUNCTUATION or not previous:
        return value
    last = previous[-1]
    # With the locale's punctuation-in-quote, periods, commas, ! and ? go inside a closing quote.
    moves_in = quote_at >= 0 and inside_quotes and first in ".,!?"
    if quote_at >= 0 and not moves_in:
        return value[1:] if last in PUNCTUATION and _absorbs(last, first) else value
    if last in PUNCTUATION:
        if _absorbs(last, first):
            return value[1:]
        if (last, first) in REPLACED:
            if previous == last and not moves_in:
                # A lone mark replaced: the new one may in turn belong inside a quote before it.
                del out[index]
                return _merge_left(out, value, inside_quotes)
            out[index] = ("t", previous[:-1] + first)
            return value[1:]
    if moves_in:
        out[index] = ("t", previous + first)
        return value[1:]
    return value
