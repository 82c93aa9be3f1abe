"""text-case: lowercase, uppercase, capitalize-first/-all, sentence and (English only) title case.

Turkish dotted and dotless I are cased the Turkish way when the locale is Turkish or Azerbaijani.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sources.csl.richtext import Node, Rich, leaves, plain

# English words title case leaves in lowercase (citeproc-js's list, which extends the specification's).
STOP_WORDS = frozenset(
    "a about above across afore after against along alongside amid amidst among amongst an and anenst apropos apud "
    "around as aside astride at athwart atop barring before behind below beneath beside besides between beyond but "
    "by c ca circa d’ de despite down during et except for forenenst from given in inside into lest like modulo near "
    "next nor notwithstanding of off on onto or out over per plus qua sans since so than the through throughout "
    "thru thruout till to toward towards under underneath until unto up upon v v. van versus via vis-à-vis von vs "
    "vs. with within without yet".split()
)
_SPLIT = re.compile(r"(\s+|[-/\u2013\u2014])")


def upper(text: str, turkic: bool) -> str:
    if turkic:
        text = text.replace("i", "İ")
    return text.upper()


def lower(text: str, turkic: bool) -> str:
    if turkic:
        text = text.replace("I", "ı").replace("İ", "i")
    return text.lower()


def _cap(word: str, turkic: bool) -> str:
    return upper(word[:1], turkic) + word[1:] if word else word


def _is_lower(word: str) -> bool:
    return word == word.lower() and word != word.upper()


class _State:
    __slots__ = ("after_colon", "after_hyphen", "all_upper", "first", "index", "total", "turkic")

    def __init__(self, turkic: bool, all_upper: bool, total: int) -> None:
        self.first = True
        self.after_colon = False
        self.after_hyphen = False
        self.turkic = turkic
        self.all_upper = all_upper
        self.index = 0
        self.total = total


def _word(case: str, word: str, state: _State) -> str:
    turkic = state.turkic
    first = state.first
    if case == "lowercase":
        return lower(word, turkic)
    if case == "uppercase":
        return upper(word, turkic)
    if case == "capitalize-first":
        return _cap(word, turkic) if first else word
    if case == "capitalize-all":
        return _cap(word, turkic) if _is_lower(word) else word
    if case == "sentence":
        if state.all_upper:
            word = lower(word, turkic)
        if first:
            return _cap(word, turkic)
        if word[:1].isupper() and word[1:] == lower(word[1:], turkic) and len(word) > 1:
            return lower(word, turkic)
        return word
    # title: English only; only ASCII-lowercase words are capitalized, words with capitals stay.
    stripped = word.strip("\"'“‘([")
    last = state.index == state.total - 1
    if not first and not last and not state.after_colon and stripped.lower() in STOP_WORDS:
        return lower(word, turkic) if _is_lower(stripped) else word
    if state.after_hyphen and len(stripped) == 1:
        return word
    if stripped[:1].isascii() and _is_lower(stripped):
        lead = len(word) - len(word.lstrip("\"'“‘(["))
        return word[:lead] + _cap(word[lead:], turkic)
    return word


def _apply_text(case: str, text: str, state: _State) -> str:
    if case in ("lowercase", "uppercase"):
        state.first = False
        return _word(case, text, state)
    # Split on a captured separator: words at even positions (some empty), separators at odd ones.
    parts = _SPLIT.split(text)
    for position, part in enumerate(parts):
        if position % 2:
            if part.strip():
                state.after_hyphen = True
        elif part:
            parts[position] = _word(case, part, state)
            state.first = False
            state.index += 1
            state.after_colon = part.endswith((":", ".", "?", "!"))
            state.after_hyphen = False
    return "".join(parts)


def _skip(node: Node, state: _State) -> None:
    """Text that keeps its case still counts as words already seen."""
    if isinstance(node, str):
        if node.strip():
            state.first = False
            state.index += _count_words(node)
            state.after_colon = node.rstrip().endswith((":", ".", "?", "!"))
    else:
        for child in node.children:
            _skip(child, state)


def _apply(case: str, node: Node, state: _State) -> Node:
    if isinstance(node, str):
        return _apply_text(case, node, state)
    if node.nocase:
        _skip(node, state)
        return node
    children = [_apply(case, child, state) for child in node.children]
    return Rich(children, node.fmt, node.prefix, node.suffix, node.quotes, node.display, node.nocase)


def _all_upper(node: Node) -> bool:
    text = plain(node)
    return text == text.upper() and text != text.lower()


def _count_words(text: str) -> int:
    return sum(1 for part in _SPLIT.split(text)[::2] if part)


def apply_case(case: str, node: Node, turkic: bool = False) -> Node:
    """The node with a CSL text-case applied to its text, leaving nocase spans alone."""
    if isinstance(node, str):
        return _case_text(case, node, turkic)
    return _case_node(case, node, turkic)


@lru_cache(maxsize=8192)
def _case_text(case: str, text: str, turkic: bool) -> Node:
    """Plain text cased (kept: container titles, publishers and places recur across entries)."""
    return _case_node(case, text, turkic)


def _case_node(case: str, node: Node, turkic: bool) -> Node:
    total = sum(_count_words(leaf) for leaf in leaves(node))
    state = _State(turkic, case == "sentence" and _all_upper(node), total)
    return _apply(case, node, state)
