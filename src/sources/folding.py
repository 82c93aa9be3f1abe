"""Names compared as people read them: without case, dotted or dotless i, diacritics,
circumflexes or punctuation (``Hâkimiyet-i`` = ``Hakimiyet-i``, ``TUNÇAY`` = ``Tunçay``)."""

from __future__ import annotations

import re
import unicodedata

_INITIALS = re.compile(r"^(?:\w\.\s*)+")


def fold(text: str) -> str:
    """``text`` lower-cased the Turkish way, stripped of marks, punctuation as single spaces."""
    lowered = text.replace("I", "ı").replace("İ", "i").lower().replace("ı", "i")
    plain = "".join(c for c in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", plain).split())


def without_initials(name: str) -> str:
    """``K. Çağlayan`` → ``Çağlayan``."""
    return _INITIALS.sub("", name)
