"""Locale collation: ICU when PyICU is installed, otherwise the Unicode Collation Algorithm (pyuca) with a
Turkish/Azerbaijani tailoring (a b c ç d e f g ğ h ı i j k l m n o ö p r s ş t u ü v y z)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any

TURKISH = "abcçdefgğhıijklmnoöprsştuüvyz"
_TURKISH_RANK = {letter: rank for rank, letter in enumerate(TURKISH)}
_TURKIC = ("tr", "az")


@cache
def _uca() -> Any:
    from pyuca import Collator

    return Collator()


@cache
def _icu(lang: str) -> Callable[[str], Any] | None:
    try:
        import icu  # type: ignore[import-not-found]
    except ImportError:
        return None
    collator = icu.Collator.createInstance(icu.Locale(lang.replace("-", "_")))
    key: Callable[[str], Any] = collator.getSortKey
    return key


def _turkish_key(text: str) -> tuple[Any, ...]:
    primary: list[tuple[int, int]] = []
    uca = _uca()
    lowered = text.replace("I", "ı").replace("İ", "i").lower()
    for char in lowered:
        rank = _TURKISH_RANK.get(char)
        if rank is not None:
            primary.append((2, rank))
        elif char.isdigit():
            primary.append((1, int(char)))
        elif char.isalpha():
            key = uca.sort_key(char)
            primary.append((3, key[0] if key else 0))
    return (tuple(primary), uca.sort_key(text))


@lru_cache(maxsize=65536)
def sort_key(text: str, lang: str) -> Any:
    """A key that orders strings the way readers of ``lang`` expect."""
    icu_key = _icu(lang)
    if icu_key is not None:
        return icu_key(text)
    if lang.split("-", maxsplit=1)[0] in _TURKIC:
        return _turkish_key(text)
    return _uca().sort_key(text)
