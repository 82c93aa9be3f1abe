"""One name of a BibTeX name list → (as written, given names, family name).

pybtex splits names as BibTeX does (``von Last, Jr, First``, braces, particles). Most
names in real bibliographies take one of three plain forms, which are read here to the
same result without loading pybtex (a twentieth of a second at start-up): a single word
(``Atatürk``), ``Family, Given`` with capitalised family words (``Bayur, Yusuf Hikmet``),
and one braced body (``{T.C. Genelkurmay Başkanlığı}``). Everything else goes to pybtex.
"""

from __future__ import annotations

import re

# Characters that make BibTeX name splitting more than splitting at a comma.
_SPECIAL = re.compile(r"[{}\\~]")


def plain_name(raw: str) -> tuple[str, str, str] | None:
    """``(display, given, family)`` as pybtex gives them, for the plain forms; else None."""
    text = raw.strip()
    if text.startswith("{") and text.endswith("}") and _one_group(text):
        return text, "", text
    if _SPECIAL.search(text):
        return None
    family, comma, given = text.partition(",")
    if "," in given:
        return None
    words = family.split()
    if not words or not all(word[0].isupper() for word in words):
        return None  # a lowercase word is a particle (von, de): BibTeX rules apply
    if not comma:
        return (words[0], "", words[0]) if len(words) == 1 else None
    family, given = " ".join(words), " ".join(given.split())
    return (f"{family}, {given}" if given else family), given, family


def _one_group(text: str) -> bool:
    """Whether ``text`` is a single brace group: its first brace closes at its end."""
    depth = 0
    for k, char in enumerate(text):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return k == len(text) - 1
    return False
