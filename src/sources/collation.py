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
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence
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
    return lru_cache(maxsize=65536)(_ducet)


def _ducet(text: str) -> tuple[str, str, str, str]:
    """pyuca's DUCET key, level by level (each weight a character: they compare as the numbers do), then
    the text: the same order as pyuca's flat key with its zero separators, at a fraction of its cost.

    Most characters weigh the same wherever they stand: their weights are looked up once and the key
    is three ``str.translate`` calls. A string where a character's weight depends on its neighbours (a
    contraction such as ``l·``, a combining mark pyuca does not know) takes pyuca's own path.
    """
    normalized = unicodedata.normalize("NFD", text)
    weights = _ducet_weights()
    weights.learn_all(normalized)
    if weights.context_free(normalized):
        return (*weights.levels(normalized), text)
    levels = _pyuca_levels(text)
    return levels[0], levels[1], levels[2], text


def _pyuca_levels(text: str) -> list[str]:
    """pyuca's key as text, cut at its zero separators: levels 1, 2 and 3, and an empty rest."""
    return _as_text(_collator().sort_key(text)).split("\x00")


def _as_text(weights: Iterable[int]) -> str:
    return "".join(map(chr, weights))


class _Levels(ABC):
    """The weights of the characters met so far at three levels, one ``str.translate`` table per level
    (each weight a character: strings compare as the tuples of weights do)."""

    def __init__(self) -> None:
        self.tables: tuple[dict[int, str], dict[int, str], dict[int, str]] = ({}, {}, {})
        self.known: set[str] = set()

    def learn_all(self, text: str) -> None:
        if not self.known.issuperset(text):
            for char in set(text) - self.known:
                levels = self.weigh(char)
                if levels is not None:
                    for table, level in zip(self.tables, levels, strict=False):
                        table[ord(char)] = level
                self.known.add(char)

    def levels(self, text: str) -> tuple[str, str, str]:
        first, second, third = self.tables
        return text.translate(first), text.translate(second), text.translate(third)

    @abstractmethod
    def weigh(self, char: str) -> Sequence[str] | None:
        """A character's weights at each level, as text; None when they depend on its neighbours."""


class _DucetLevels(_Levels):
    """DUCET weights, and what makes a character's weight depend on its neighbours."""

    def __init__(self) -> None:
        super().__init__()
        self.root = _collator().table.root.children or {}
        # Characters whose weight depends on their neighbours, and contraction starts with the characters
        # that continue them (a tuple, replaced rather than changed, as other threads may read it).
        self.contextual: set[str] = set()
        self.starts: tuple[tuple[str, frozenset[int]], ...] = ()

    def weigh(self, char: str) -> Sequence[str] | None:
        node = self.root.get(ord(char))
        if node is None and unicodedata.combining(char):
            self.contextual.add(char)
            return None
        if node is not None and node.children:
            self.starts = (*self.starts, (char, frozenset(node.children)))
        return _pyuca_levels(char)

    def context_free(self, normalized: str) -> bool:
        """Whether every character of the (NFD) text weighs what it weighs alone."""
        if not self.contextual.isdisjoint(normalized):
            return False
        for char, following in self.starts:
            index = normalized.find(char)
            while index >= 0:
                after = normalized[index + 1 : index + 2]
                if after and (ord(after) in following or unicodedata.combining(after)):
                    return False
                index = normalized.find(char, index + 1)
        return True


@cache
def _ducet_weights() -> _DucetLevels:
    return _DucetLevels()


def _turkish(text: str) -> tuple[str, str, str, str]:
    """Primary: letters in the Turkish order; secondary: marks; tertiary: case; last: the text.

    Each character weighs the same wherever it stands: its weights are worked out once.
    """
    weights = _turkish_weights()
    weights.learn_all(text)
    return (*weights.levels(text), text)


@cache
def _turkish_weights() -> _TurkishLevels:
    return _TurkishLevels()


class _TurkishLevels(_Levels):
    def weigh(self, char: str) -> Sequence[str]:
        return _turkish_levels(char)


def _turkish_levels(char: str) -> Sequence[str]:
    lower = "ı" if char == "I" else "i" if char == "İ" else char.lower()
    letters = _primaries("a")[0]  # the tailored alphabet sits where DUCET puts Latin letters
    if lower in _RANK:
        return _as_text([letters + _RANK[lower]]), "\x00", _case(char, lower)
    decomposed = unicodedata.normalize("NFD", lower) or lower
    base, marks = decomposed[0], decomposed[1:]
    if base in _RANK and marks:  # â, î, û, é: their letter, then the mark
        return _as_text([letters + _RANK[base]]), chr(sum(ord(mark) for mark in marks)), _case(char, lower)
    weights = _primaries(lower)
    if not weights:
        return "", "", ""  # ignorable at every level that matters here
    return _as_text(w + _SPAN if w >= letters else w for w in weights), "\x00", _case(char, lower)


def _case(char: str, lower: str) -> str:
    return "\x00" if char == lower else "\x01"


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
