"""What starting the command loads: none of the heavy libraries before it needs them.

How long start-up takes is measured by benchmarks/startup.py, never here.
"""

from __future__ import annotations

import subprocess
import sys


def in_fresh_interpreter(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_starting_the_command_line_loads_no_heavy_library() -> None:
    loaded = in_fresh_interpreter(
        "import sys, sources.cli; print(sorted({m.split('.')[0] for m in sys.modules} "
        "& {'bibtexparser', 'pylatexenc', 'pybtex', 'rapidfuzz', 'pyuca', 'rispy', 'markdown_it'}))"
    )
    assert loaded == "[]"
