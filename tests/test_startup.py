"""What starting the command loads: none of the heavy libraries before it needs them.

How long start-up takes is measured by benchmarks/startup.py, never here.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def in_fresh_interpreter(code: str, cwd: Path | None = None) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=cwd)
    return done.stdout.strip()


def test_starting_the_command_line_loads_no_heavy_library() -> None:
    loaded = in_fresh_interpreter(
        "import sys, sources.cli; print(sorted({m.split('.')[0] for m in sys.modules} "
        "& {'bibtexparser', 'pylatexenc', 'pybtex', 'rapidfuzz', 'pyuca', 'rispy', 'markdown_it'}))"
    )
    assert loaded == "[]"


def test_checking_the_embedded_article_loads_only_what_the_check_runs(tmp_path: Path) -> None:
    # Each of these was on the path of `sources check` once and is not needed there:
    # shutil (argparse asks it the terminal's width), heapq (Counter.most_common), pathlib
    # (files are named as str; a Path is made when a file is read or written), the
    # reading commands' output, bibliography discovery (the embedded article has its
    # bibliography), the other subcommands' parsers, the exporters, the renderer and
    # the CSL processor.
    unneeded = {
        "shutil",
        "heapq",
        "pathlib",
        "tomllib",
        "pybtex",
        "rapidfuzz",
        "pyuca",
        "sources.present",
        "sources.bib.discover",
        "sources.readers.declared",
        "sources.rendering.command",
        "sources.csl.command",
        "sources.bib.export",
        "sources.bib.csljson",
        "sources.rendering.document",
        "sources.csl.api",
    }
    loaded = in_fresh_interpreter(
        "import contextlib, io, sys, sources.cli\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    status = sources.cli.main(['check'])\n"
        f"print(status, sorted(set(sys.modules).intersection({sorted(unneeded)!r})))",
        cwd=tmp_path,  # no pyproject.toml here or above: no [tool.sources] to read
    )
    assert loaded == "1 []"
