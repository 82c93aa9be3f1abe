"""Allocation-heavy stages: reading a long text builds hundreds of thousands of records."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a reader builds its records.

    A reader allocates hundreds of thousands of small objects (parser tokens, records)
    and none of them in cycles; every full collection walks all of them again, which
    made reading 10,000 notes a third slower than it needs to be. Reference counting
    still frees everything; the collector runs again, as before, afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
