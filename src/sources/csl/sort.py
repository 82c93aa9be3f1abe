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


def sort_by_keys(entries: Sequence[T], keys: Callable[[T], list[Key]], descending: list[bool], lang: str) -> list[T]:
    """Entries ordered by their keys; an absent key sorts last in both directions; ties keep input order."""
    cache: dict[int, list[tuple[int, Any]]] = {}
    collate = sort_key_for(lang)

    def prepared(entry: T) -> list[tuple[int, Any]]:
        found = cache.get(id(entry))
        if found is None:
            found = []
            for value in keys(entry):
                if value is None or value == "":
                    found.append((1, None))
                elif isinstance(value, int):
                    found.append((0, (0, value)))
                else:
                    found.append((0, (1, collate(value))))
            cache[id(entry)] = found
        return found

    def compare(a: T, b: T) -> int:
        for index, (left, right) in enumerate(zip(prepared(a), prepared(b), strict=True)):
            if left[0] != right[0]:
                return left[0] - right[0]
            if left[0] == 1:
                continue
            order = _compare(left[1], right[1])
            if order:
                return -order if descending[index] else order
        return 0

    return sorted(entries, key=cmp_to_key(compare))
