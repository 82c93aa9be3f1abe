"""The HTML-like mini-markup that CSL-JSON strings may carry: <i>, <b>, <sc>, <sup>, <sub>, nocase spans."""

from __future__ import annotations

from sources.csl.richtext import Node, Rich

_TAGS: dict[str, dict[str, str]] = {
    "<i>": {"font-style": "italic"},
    "<b>": {"font-weight": "bold"},
    "<sc>": {"font-variant": "small-caps"},
    "<sup>": {"vertical-align": "sup"},
    "<sub>": {"vertical-align": "sub"},
    '<span style="font-variant:small-caps;">': {"font-variant": "small-caps"},
    '<span style="font-variant: small-caps;">': {"font-variant": "small-caps"},
    '<span class="nocase">': {},
    '<span class="nodecor">': {
        "font-style": "normal",
        "font-weight": "normal",
        "font-variant": "normal",
    },
}
# Deeper markup than this stays literal text (no data needs it; recursion must stay bounded).
MAX_DEPTH = 64
# Typographic quotation marks in the data flip with the style's quotes too.
_TYPOGRAPHIC = {"“": "”", "‘": "’"}
_CLOSE = {"<i>": "</i>", "<b>": "</b>", "<sc>": "</sc>", "<sup>": "</sup>", "<sub>": "</sub>"}


def parse_markup(text: str) -> Node:
    """A string with mini-markup as a rich-text node; unmatched tags stay literal text.

    Straight double quotes, and single quotes that open a word and close later, become quotes that
    flip with the style's; any other straight single quote is an apostrophe.
    """
    if "«" in text or "»" in text:
        # French guillemets take narrow no-break spaces inside.
        text = text.replace("« ", "«\u202f").replace(" »", "\u202f»")
    if "<" not in text and '"' not in text and "'" not in text and "“" not in text and "‘" not in text:
        return text
    # Where the last closing mark of each kind is: a quote opens only if one can close it
    # (computed once, so that long runs of quotes stay linear).
    last_close = {mark: text.rfind(mark) for mark in ('"', "”", "’")}
    last_close["'"] = _last_single_close(text)
    root = Rich([])
    stack: list[tuple[Rich, str]] = [(root, "")]
    index = 0
    buffer: list[str] = []
    length = len(text)

    def flush() -> None:
        if buffer:
            stack[-1][0].children.append("".join(buffer))
            buffer.clear()

    while index < length:
        char = text[index]
        if char == "<":
            matched = _match_tag(text, index, stack)
            if matched is not None:
                tag, opening = matched
                flush()
                if opening:
                    # Small caps, superscript and subscript keep their case, as a nocase span does.
                    node = Rich([], dict(_TAGS[tag]) or None, nocase=tag not in ("<i>", "<b>"))
                    stack[-1][0].children.append(node)
                    stack.append((node, _CLOSE.get(tag, "</span>")))
                else:
                    stack.pop()
                index += len(tag)
                continue
        elif char in _TYPOGRAPHIC or (char in "”’" and stack[-1][1] == char):
            following = text[index + 1] if index + 1 < length else " "
            if char in _TYPOGRAPHIC and len(stack) <= MAX_DEPTH and last_close[_TYPOGRAPHIC[char]] > index:
                flush()
                node = Rich([], quotes=True)
                node.single = char == "‘"
                stack[-1][0].children.append(node)
                stack.append((node, _TYPOGRAPHIC[char]))
                index += 1
                continue
            if char in "”’" and not following.isalnum():
                flush()
                node, _ = stack.pop()
                node.quoted_text = following in ".,;:!?"
                index += 1
                continue
        elif char in "\"'":
            previous = text[index - 1] if index else " "
            following = text[index + 1] if index + 1 < length else " "
            if stack[-1][1] == char and not previous.isspace() and not following.isalnum():
                flush()
                node, _ = stack.pop()
                # Punctuation typed right after the closing quote stays outside it.
                node.quoted_text = following in ".,;:!?"
                index += 1
                continue
            opens = (previous.isspace() or previous in "([“‘«\"'>" or index == 0) and len(stack) <= MAX_DEPTH
            if (char == '"' and opens and not following.isspace() and last_close['"'] > index) or (
                char == "'" and opens and (following.isalnum() or following in '"“') and last_close["'"] > index
            ):
                flush()
                node = Rich([], quotes=True)
                stack[-1][0].children.append(node)
                stack.append((node, char))
                index += 1
                continue
            if char == "'":
                buffer.append("\u2019")
                index += 1
                continue
        buffer.append(char)
        index += 1
    flush()
    if len(stack) > 1:
        return apostrophes(text)
    if len(root.children) == 1:
        return root.children[0]
    return root


def _last_single_close(text: str) -> int:
    """The position of the last straight single quote that can close a quotation (not before a letter)."""
    position = text.rfind("'")
    while position >= 0:
        after = text[position + 1] if position + 1 < len(text) else " "
        if not after.isalnum():
            return position
        position = text.rfind("'", 0, position)
    return -1


def _match_tag(text: str, index: int, stack: list[tuple[Rich, str]]) -> tuple[str, bool] | None:
    closing = stack[-1][1]
    if closing and closing not in ("'", '"') and text.startswith(closing, index):
        return closing, False
    if len(stack) > MAX_DEPTH:
        return None
    for tag in _TAGS:
        if text.startswith(tag, index):
            return tag, True
    return None


def apostrophes(text: str) -> str:
    """Straight apostrophes between letters as typographic ones."""
    if "'" not in text:
        return text
    chars = list(text)
    for index, char in enumerate(chars):
        if char == "'" and index > 0 and chars[index - 1].isalpha():
            chars[index] = "\u2019"
    return "".join(chars)
