"""ISBN check digits (ISO 2108), the arithmetic python-stdnum does, without its start-up cost.

python-stdnum loads pkgutil, pydoc and inspect on import: a tenth of the start-up time of
``sources check`` for four ISBNs.
"""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s-]+")


def valid_isbn(text: str) -> bool:
    """Whether ``text`` is an ISBN-10 or ISBN-13 with a correct check digit (hyphens and spaces allowed)."""
    number = _SEPARATORS.sub("", text).upper()
    if len(number) == 10 and number[:9].isdigit() and (number[9].isdigit() or number[9] == "X"):
        values = [int(c) for c in number[:9]] + [10 if number[9] == "X" else int(number[9])]
        return sum((10 - k) * v for k, v in enumerate(values)) % 11 == 0
    if len(number) == 13 and number.isdigit() and number.startswith(("978", "979")):
        return sum((3 if k % 2 else 1) * int(c) for k, c in enumerate(number)) % 10 == 0
    return False
