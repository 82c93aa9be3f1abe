"""Ordering items and cites by <sort> keys: collated text, numbers, dates; empty keys last either way."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import groupby
from operator import itemgetter
from typing import Any, TypeVar

from sources.collation import sort_key_for

T = TypeVar("T")
Key = str | int | None
_FIRST = itemgetter(0)


def sort_by_keys(entries: Sequence[T], key: Callable[[T, int], Key], descending: list[bool], lang: str) -> list[T]:
    """Entries ordered by their keys; an absent key sorts last in both directions; ties keep input order.

    ``key(entry, index)`` gives one key of an entry. Keys are computed lazily and once: a later key only
    for the entries whose earlier keys tie, as most entries differ in their first key (rendering a sort
    macro and collating its text are the costly parts). Each key sorts by itself (Python's sort
    comparing ready-made values), its ties then by the next key.
    """
    return _ordered(list(entries), 0, key, descending, sort_key_for(lang))


def _ordered(
    group: list[T], index: int, key: Callable[[T, int], Key], descending: list[bool], collate: Callable[[str], Any]
) -> list[T]:
    # A module function, not a closure calling itself: that would be a reference cycle per sort.
    if index == len(descending) or len(group) < 2:
        return group
    present: list[tuple[Any, T]] = []
    absent: list[T] = []
    for entry in group:
        value = key(entry, index)
        if value is None or value == "":
            absent.append(entry)
        elif isinstance(value, int):
            present.append(((0, value), entry))
        else:
            present.append(((1, collate(value)), entry))
    # Stable in both directions: ``reverse`` keeps ties in their input order.
    present.sort(key=_FIRST, reverse=descending[index])
    out: list[T] = []
    for _, tied in groupby(present, key=_FIRST):
        out += _ordered([entry for _, entry in tied], index + 1, key, descending, collate)
    out += _ordered(absent, index + 1, key, descending, collate)
    return out
