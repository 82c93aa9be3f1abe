"""Work counted, not timed: Python bytecode instructions executed by a call.

A count does not depend on the machine or its load, so a test can compare the work at
n and 10n exactly; a quadratic loop shows as a hundredfold count.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any


def instructions(function: Callable[..., Any], *args: Any, **kwargs: Any) -> int:
    """How many bytecode instructions ``function(*args, **kwargs)`` executes, called warm.

    The call is made once untraced first, so that first-time imports do not count, and
    the cache of name foldings is emptied before each call.
    """
    from sources.folding import fold

    function(*args, **kwargs)
    fold.cache_clear()
    count = 0

    def local(frame: FrameType, event: str, arg: object) -> Any:
        nonlocal count
        if event == "opcode":
            count += 1
        return local

    def tracer(frame: FrameType, event: str, arg: object) -> Any:
        frame.f_trace_opcodes = True
        return local

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        function(*args, **kwargs)
    finally:
        sys.settrace(previous)
    return count
