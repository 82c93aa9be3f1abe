"""Output backends: the same token stream as plain text, CSL's conventional HTML, pandoc Markdown or LaTeX."""

from __future__ import annotations

from collections.abc import Callable

from sources.csl.richtext import Token

FORMATS = ("text", "html", "markdown", "latex")

_HTML_TAGS = {
    "font-style:italic": ("<i>", "</i>"),
    "font-weight:bold": ("<b>", "</b>"),
    "vertical-align:sup": ("<sup>", "</sup>"),
    "vertical-align:sub": ("<sub>", "</sub>"),
}

_MARKDOWN_TAGS = {
    "font-style:italic": ("*", "*"),
    "font-style:oblique": ("*", "*"),
    "font-weight:bold": ("**", "**"),
    "font-variant:small-caps": ("[", "]{.smallcaps}"),
    "vertical-align:sup": ("^", "^"),
    "vertical-align:sub": ("~", "~"),
    "text-decoration:underline": ("[", "]{.underline}"),
}

_LATEX_TAGS = {
    "font-style:italic": ("\\emph{", "}"),
    "font-style:oblique": ("\\textsl{", "}"),
    "font-style:normal": ("\\textup{", "}"),
    "font-weight:bold": ("\\textbf{", "}"),
    "font-weight:normal": ("\\textmd{", "}"),
    "font-variant:small-caps": ("\\textsc{", "}"),
    "font-variant:normal": ("\\textnormal{", "}"),
    "vertical-align:sup": ("\\textsuperscript{", "}"),
    "vertical-align:sub": ("\\textsubscript{", "}"),
    "text-decoration:underline": ("\\underline{", "}"),
}

_LATEX_ESCAPES = {
    "\\": "\\textbackslash{}",
    "{": "\\{",
    "}": "\\}",
    "$": "\\$",
    "&": "\\&",
    "#": "\\#",
    "^": "\\textasciicircum{}",
    "_": "\\_",
    "%": "\\%",
    "~": "\\textasciitilde{}",
}
_LATEX_TABLE = str.maketrans(_LATEX_ESCAPES)
# Unicode superscript letters and digits, which HTML output spells as <sup> of the base character
# (as citeproc-js does, so that fonts without them still show them).
_SUPERSCRIPTS = dict(
    zip(
        "ªº¹²³⁰ⁱ⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿʰʱʲʳʴʵʶʷʸˠˡˢˣˤᴬᴭᴮᴰᴱᴲᴳᴴᴵᴶᴷᴸᴹᴺᴼᴽᴾᴿᵀᵁᵂᵃᵄᵅᵆᵇᵈᵉᵊᵋᵌᵍᵏᵐᵑᵒᵓᵔᵕᵖᵗᵘᵙᵚᵛᵜᵝᵞᵟᵠᵡ",
        "ao1230i456789+−=()nhɦjrɹɻʁwyɣlsxʕAÆBDEƎGHIJKLMNOȢPRTUWaɐɑᴂbdeəɛɜgkmŋoɔᴖᴗptuᴝɯvᴥβγδφχ",
        strict=True,
    )
)
_SUPERSCRIPTS.update(
    {"℠": "SM", "™": "TM", "ˀ": "ʔ", "ˁ": "ʕ", "ۥ": "و", "ۦ": "ي"}
    | dict(zip("㆒㆓㆔㆕㆖㆗㆘㆙㆚㆛㆜㆝㆞㆟", "一二三四上中下甲乙丙丁天地人", strict=True))
)
_HTML_TABLE = str.maketrans(
    {"&": "&#38;", "<": "&#60;", ">": "&#62;", **{key: f"<sup>{value}</sup>" for key, value in _SUPERSCRIPTS.items()}}
)
_MARKDOWN_SPECIAL = set("\\`*_{}[]()<>#+-!|~^$@")


def escape_html(text: str) -> str:
    return text.translate(_HTML_TABLE)


def escape_latex(text: str) -> str:
    return text.translate(_LATEX_TABLE)


def escape_markdown(text: str) -> str:
    """Backslash-escape what pandoc's Markdown would read as markup (and a leading list marker's dot)."""
    out = []
    for index, char in enumerate(text):
        if char in _MARKDOWN_SPECIAL and not (char == "-" and 0 < index < len(text) - 1 and text[index - 1] != " "):
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def _html_open(value: str) -> str:
    tag = _HTML_TAGS.get(value)
    if tag:
        return tag[0]
    if value == "vertical-align:baseline":
        return '<span style="baseline">'
    return f'<span style="{value};">'


def _html_close(value: str) -> str:
    tag = _HTML_TAGS.get(value)
    return tag[1] if tag else "</span>"


def render_html(tokens: list[Token]) -> str:
    out: list[str] = []
    for kind, value in tokens:
        if kind == "t":
            out.append(escape_html(value))
        elif kind in ("qo", "qc", "qm"):
            out.append(value)
        elif kind == "o":
            out.append(_html_open(value))
        elif kind == "c":
            out.append(_html_close(value))
        elif kind == "do":
            out.append(f'<div class="{value}">')
        else:
            out.append("</div>")
    return "".join(out)


def _render_with(
    tokens: list[Token], tags: dict[str, tuple[str, str]], escape: Callable[[str], str], block: tuple[str, str]
) -> str:
    out: list[str] = []
    for kind, value in tokens:
        if kind == "t":
            out.append(escape(value))
        elif kind in ("qo", "qc", "qm"):
            out.append(value)
        elif kind in ("o", "c"):
            out.append(tags.get(value, ("", ""))[0 if kind == "o" else 1])
        elif kind == "do":
            out.append(block[0])
        else:
            out.append(block[1] or _block_end(value))
    return "".join(out)


def _block_end(value: str) -> str:
    """What ends a display block in formats without blocks: a line for a block, a space after a margin."""
    return "\n" if value == "csl-block" else " " if value == "csl-left-margin" else ""


def render_text(tokens: list[Token]) -> str:
    out = []
    blocks = False
    for kind, value in tokens:
        if kind in ("t", "qo", "qc", "qm"):
            out.append(value)
        elif kind == "dc":
            out.append(_block_end(value))
            blocks = True
    return "".join(out).strip() if blocks else "".join(out)


def render_tokens(tokens: list[Token], fmt: str) -> str:
    """The token stream in one output format."""
    if fmt == "html":
        return render_html(tokens)
    if fmt == "markdown":
        return _render_with(tokens, _MARKDOWN_TAGS, escape_markdown, ("", ""))
    if fmt == "latex":
        return _render_with(tokens, _LATEX_TAGS, escape_latex, ("", ""))
    return render_text(tokens)
