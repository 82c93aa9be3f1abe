"""The best of several runs of one step, printed as a row: what the benchmark scripts share.

Imported by the scripts beside it (``python benchmarks/x.py`` puts this folder on the path).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any


def timed(label: str, work: Callable[[], Any], repeat: int) -> Any:
    """Run ``work`` ``repeat`` times, print the best wall time after ``label``, return its result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    print(f"{label:<48} {best:7.3f} s")
    return result
