"""Ordering items and cites by <sort> keys: collated text, numbers, dates; empty keys last either way."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cmp_to_key
from typing import Any, TypeVar

from sources.collation import sort_key_for

T = TypeVar("T")
Key = str | int | None


def _compare(a: Any, b: Any) -> int:
    if a == b:
        return 0
    return -1 if a < b else 1


def sort_by_keys(entries: Sequence[T], key: Callable[[T, int], Key], descending: list[bool], lang: str) -> list[T]:
    """Entries ordered by their keys; an absent key sorts last in both directions; ties keep input order.

    ``key(entry, index)`` gives one key of an entry. Keys are computed lazily and once: a later key only
    when the earlier ones tie, as most entries differ in their first key (rendering a sort macro and
    collating its text are the costly parts).
    """
    collate = sort_key_for(lang)
    count = len(descending)
    cache: list[dict[int, tuple[int, Any]]] = [{} for _ in range(count)]

    def prepared(entry: T, index: int) -> tuple[int, Any]:
        found = cache[index].get(id(entry))
        if found is None:
            value = key(entry, index)
            if value is None or value == "":
                found = (1, None)
            elif isinstance(value, int):
                found = (0, (0, value))
            else:
                found = (0, (1, collate(value)))
            cache[index][id(entry)] = found
        return found

    def compare(a: T, b: T) -> int:
        for index in range(count):
            left, right = prepared(a, index), prepared(b, index)
            if left[0] != right[0]:
                return left[0] - right[0]
            if left[0] == 1:
                continue
            order = _compare(left[1], right[1])
            if order:
                return -order if descending[index] else order
        return 0

    return sorted(entries, key=cmp_to_key(compare))
