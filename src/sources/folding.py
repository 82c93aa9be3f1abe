"""Names compared as people read them: without case, dotted or dotless i, diacritics,
circumflexes or punctuation (``Hâkimiyet-i`` = ``Hakimiyet-i``, ``ÇELİK`` = ``Çelik``)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_INITIALS = re.compile(r"^(?:\w\.\s*+)+")
_NOT_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """``text`` lower-cased the Turkish way, stripped of marks, punctuation as single spaces.

    Names recur (one co-author in thousands of entries, one name in every citation of it),
    so foldings are cached.
    """
    lowered = text.replace("I", "ı").replace("İ", "i").lower().replace("ı", "i")
    if not lowered.isascii():
        lowered = "".join(c for c in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(c))
    return " ".join(_NOT_WORD.sub(" ", lowered).split())


def without_initials(name: str) -> str:
    """``K. Çağlayan`` → ``Çağlayan``."""
    return _INITIALS.sub("", name)
