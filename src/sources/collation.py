"""Alphabetical order by language: the Unicode Collation Algorithm (pyuca), tailored for Turkish.

``sort_key_for("tr")`` orders a b c ç d e f g ğ h ı i j k l m n o ö p r s ş t u ü v y z
(Ç after every C, I before İ, ...), case and marks deciding only between otherwise equal
strings; ``â``, ``î``, ``û`` sort as their letters. Letters outside that alphabet keep
their DUCET order after it (q, w, x in their Latin places). Other languages get the
untailored DUCET order. When PyICU is installed its collator for the language is used
instead, which knows every locale's tailoring.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pyuca import Collator

_TURKISH = "a b c ç d e f g ğ h ı i j k l m n o ö p q r s ş t u ü v w x y z".split()
_RANK = {letter: rank for rank, letter in enumerate(_TURKISH, 1)}
_TURKIC = ("tr", "az")  # Azerbaijani Latin shares the dotted and dotless i
_SPAN = len(_TURKISH) + 1  # other letters' DUCET primaries move up by this, past the tailored alphabet


@cache
def sort_key_for(lang: str) -> Callable[[str], Any]:
    """A key function that sorts strings in the alphabetical order of ``lang`` (``tr``, ``tr-TR``, ``en``).

    One function per language, remembering recent keys: a bibliography sorts the same
    names and titles over and over (entries, then cites, then disambiguation).
    """
    icu = _icu(lang)
    if icu is not None:
        return lru_cache(maxsize=65536)(icu)
    if lang.split("-", maxsplit=1)[0].casefold() in _TURKIC:
        return lru_cache(maxsize=65536)(_turkish)
    collator = _collator()
    return lru_cache(maxsize=65536)(lambda text: (collator.sort_key(text), text))


def _turkish(text: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...], str]:
    """Primary: letters in the Turkish order; secondary: marks; tertiary: case; last: the text."""
    primary: list[int] = []
    secondary: list[int] = []
    tertiary: list[int] = []
    for char in text:
        lower = "ı" if char == "I" else "i" if char == "İ" else char.lower()
        letters = _primaries("a")[0]  # the tailored alphabet sits where DUCET puts Latin letters
        if lower in _RANK:
            primary.append(letters + _RANK[lower])
            secondary.append(0)
        else:
            decomposed = unicodedata.normalize("NFD", lower) or lower
            base, marks = decomposed[0], decomposed[1:]
            if base in _RANK and marks:  # â, î, û, é: their letter, then the mark
                primary.append(letters + _RANK[base])
                secondary.append(sum(ord(mark) for mark in marks))
            else:
                weights = _primaries(lower)
                if not weights:
                    continue  # ignorable at every level that matters here
                primary += [w + _SPAN if w >= letters else w for w in weights]
                secondary.append(0)
        tertiary.append(0 if char == lower else 1)
    return tuple(primary), tuple(secondary), tuple(tertiary), text


@cache
def _primaries(char: str) -> tuple[int, ...]:
    """The DUCET primary weights of one character (spaces and punctuation have low ones)."""
    key = _collator().sort_key(char)
    end = key.index(0) if 0 in key else len(key)
    return tuple(key[:end])


@cache
def _collator() -> Collator:
    from pyuca import Collator

    return Collator()


def _icu(lang: str) -> Callable[[str], Any] | None:
    try:
        import icu  # type: ignore[import-not-found]
    except ImportError:
        return None
    collator = icu.Collator.createInstance(icu.Locale(lang.replace("-", "_")))
    return lambda text: (collator.getSortKey(text), text)
