"""Reading and checking Markdown and LaTeX texts against their size, with pandoc as the peer.

Run by hand (``python benchmarks/readers.py --big`` for the issue's 10,000 notes and
10,000 cite commands) or in CI as a report with the small default sizes; never as a
timed test. The documents come from ``tests/cases/keyed_documents.py``, the script that
writes the long test documents. A flat µs/item column means linear growth. pandoc
(from pypandoc-binary, when installed) reads the same text to its JSON AST in the same run.
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import sources
from sources.collector import tune_collector

_GENERATOR = Path(__file__).parent.parent / "tests" / "cases" / "keyed_documents.py"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("keyed_documents", _GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def _pandoc(text: str, reader: str) -> Callable[[], object] | None:
    try:
        import pypandoc

        pypandoc.get_pandoc_version()
    except (ImportError, OSError):
        return None
    return lambda: pypandoc.convert_text(text, "json", format=reader)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 1000], help="notes or cite commands per text")
    parser.add_argument("--big", action="store_true", help="also 10,000 notes and 10,000 cite commands")
    parser.add_argument("--no-pandoc", action="store_true", help="leave the peer out")
    args = parser.parse_args()
    tune_collector()  # as the command runs; the library leaves the collector as it finds it
    sizes = [*args.sizes, *([10_000] if args.big else [])]
    documents = _generator()
    print(f"{'text':<9} {'items':>6} {'MB':>6} {'read s':>7} {'check s':>8} {'µs/item':>8} {'pandoc s':>9}")
    with tempfile.TemporaryDirectory() as folder:
        for fmt, make, suffix in (("markdown", documents.markdown, ".md"), ("latex", documents.latex, ".tex")):
            for size in sizes:
                text, bib_text = make(size, max(size // 20, 10))
                path, bib = Path(folder) / f"bench{suffix}", Path(folder) / "bench.bib"
                path.write_text(text, encoding="utf-8")
                bib.write_text(bib_text, encoding="utf-8")
                read = _timed(functools.partial(sources.read, path))
                check = _timed(functools.partial(sources.check, [path], bib=bib))
                peer = None if args.no_pandoc else _pandoc(text, fmt)
                their = f"{_timed(peer):>9.3f}" if peer else f"{'—':>9}"
                mb = len(text.encode()) / 1e6
                print(f"{fmt:<9} {size:>6} {mb:>6.2f} {read:>7.3f} {check:>8.3f} {check / size * 1e6:>8.1f} {their}")


if __name__ == "__main__":
    main()
