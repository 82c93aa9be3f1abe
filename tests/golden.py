"""Golden files: expected output kept beside its input in tests/cases/, reviewed when it changes.

Set SOURCES_UPDATE_GOLDEN=1 to rewrite a golden file from the current output instead of
comparing; review the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

CASES = Path(__file__).parent / "cases"


def compare(name: str, actual: str) -> None:
    path = CASES / name
    if os.environ.get("SOURCES_UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    assert actual.splitlines() == expected.splitlines()
