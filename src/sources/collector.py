"""How often Python's cycle collector runs while we build many records that form no cycles: rarely.

One policy, in two settings. The command sets :data:`THRESHOLDS` for the whole process
(:func:`tune_collector`); the library raises the thresholds to :data:`BLOCK_THRESHOLDS` only
for the duration of a job that is known to leave no cyclic garbage (:func:`rare_collections`,
around a CSL render) and then puts back what it found.

Why: a run allocates many short-lived acyclic trees while a large live heap (the records,
the items) makes every full collection walk it again; refcounting frees all of it, so the
collector's passes only cost time (a tenth of a 10,000-item render). Raising the thresholds
rather than calling ``gc.disable()`` keeps collecting other threads' cycles meanwhile, only
less often; ``gc.freeze()`` is not used, as ``gc.unfreeze()`` would also thaw what the
program froze itself (a pre-forking server does).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# A young collection every 100,000 net allocations; older ones almost never.
THRESHOLDS = (100_000, 50, 1000)
# Within a block that leaves no cyclic garbage, a young collection every 1,000,000: what the block
# keeps alive until it ends (a render's disambiguation probes and kept macros) is freed by
# refcounting then, so a young collection meanwhile only walks it for nothing (five of them took
# 74 ms of a 1.7 s render of 10,000 apa items).
BLOCK_THRESHOLDS = (1_000_000, 50, 1000)


class _Raised:
    """How many blocks are inside :func:`rare_collections`, and the thresholds the last one restores."""

    lock = threading.Lock()
    depth = 0
    saved = THRESHOLDS


def tune_collector() -> None:
    """Collect cycles less often for the rest of the process (the command calls this).

    With the default thresholds the collector's passes over the growing heap made a
    100,000-entry check cost 1.5 to 2.3 times its linear share, and reading 10,000
    Markdown notes a third slower; with these both are linear. Short-lived cycles
    (pylatexenc's node trees) still die in the young generations; the full collection
    that would only rescan the records almost never runs. The library never sets this
    for good (a program embedding it may call this itself).
    """
    gc.set_threshold(*THRESHOLDS)


@contextmanager
def rare_collections() -> Iterator[None]:
    """Within the block the thresholds are at least :data:`BLOCK_THRESHOLDS`; after it, as they were.

    Safe across threads and nesting: the first block to enter saves the thresholds, the last
    to leave restores them. A program that turned automatic collection off (a first
    threshold of 0) is left so.
    """
    with _Raised.lock:
        if _Raised.depth == 0:
            _Raised.saved = found = gc.get_threshold()
            if found[0]:
                gc.set_threshold(*(max(now, ours) for now, ours in zip(found, BLOCK_THRESHOLDS, strict=True)))
        _Raised.depth += 1
    try:
        yield
    finally:
        with _Raised.lock:
            _Raised.depth -= 1
            if _Raised.depth == 0:
                gc.set_threshold(*_Raised.saved)
