"""Rendering CSL bibliographies and citations: our engine against citeproc-js and citeproc-py.

Run by hand (``python benchmarks/csl.py --sizes 1000 10000``) or in CI as a report (the
small default); never as a timed test. Each size is a seeded set of invented CSL-JSON items
(books, articles and chapters by one to four authors drawn from a pool of shared surnames,
so that names and years collide as in a real bibliography), rendered as a bibliography plus
one citation per item in each style. Our engine compiles each style once; the peers run on
the same items in the same run:

- citeproc-js (npm ``citeproc``, through ``tests/csl/citeproc_js.mjs``): the time measured
  inside Node, after a small warm-up render in the same process, and the wall time of the
  whole Node process (start, JSON in and out). Its citations go one ``makeCitationCluster``
  each after every item is registered (its fastest batch path; disambiguation sees every
  item, positions are not tracked), or with ``--citeproc-js-positions`` through
  ``rebuildProcessorState`` as a word processor does, which grows faster than linearly;
- our engine: the render after compiling the style once and a small warm-up render in the same
  process, as for citeproc-js. A full collection of the process's garbage runs before each timed
  render: else a full pass of Python's cycle collector, due from the allocations of what ran
  before (the memory measurement, the other sizes' items), lands in whichever render comes next
  and adds 60-70 ms to it;
- citeproc-py (``pip install -e '.[bench]'``), above ``--citeproc-py-limit`` items only on
  request, as it renders a few dozen entries a second. Its bibliography is sorted with its
  ``sort()`` before the citations, as the other two sort theirs.

A missing peer prints ``skipped: reason``.
"""

from __future__ import annotations

import argparse
import copy
import gc
import random
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# tests/ goes first so that `csl` is the tests' package, not this script.
sys.path.insert(0, str(ROOT / "tests"))
from csl import citeproc_oracle  # noqa: E402  (the test oracle's runner, shared with the differential tests)

GIVEN = (
    "Ayşe Mehmet Zeynep Oğuz Şule Ümit İlker Gülten Jürgen Hélène Claire Pieter Maria James "
    "Olivia Keiko Ivan Leila Julien Maja Grace Harriet Chidi Sara Tomás Berk Deniz Elif"
).split()
SYLLABLES = "ak al ar ba can çe da de er fi gü ha ış in ka ke lo me nu ok öz pa ra se şa te ul ün va ya zi".split()
WORDS = (
    "ledger harbour customs register province archive caravan trade court survey grain silk "
    "population revenue village market port letters inventory taxation"
).split()
STYLES = ("apa", "chicago-author-date")


def surname(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randrange(2, 4))).capitalize()


def items(count: int, seed: int = 20261130) -> list[dict[str, Any]]:
    """``count`` invented items; the surname pool grows with the count (about one name per three items)."""
    rng = random.Random(seed)
    families = sorted({surname(rng) for _ in range(max(3, count // 3))})
    made: list[dict[str, Any]] = []
    for n in range(count):
        kind = rng.choices(("book", "article-journal", "chapter"), weights=(4, 4, 2))[0]
        authors = [
            {"family": rng.choice(families), "given": rng.choice(GIVEN)}
            for _ in range(rng.choice((1, 1, 1, 2, 2, 3, 4)))
        ]
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(3, 8))).capitalize()
        item: dict[str, Any] = {
            "id": f"item{n}",
            "type": kind,
            "author": authors,
            "title": title,
            "issued": {"date-parts": [[rng.randrange(1950, 2025)]]},
        }
        first_page = rng.randrange(1, 400)
        if kind == "article-journal":
            item |= {
                "container-title": f"Journal of {rng.choice(WORDS).capitalize()} Studies",
                "volume": str(rng.randrange(1, 60)),
                "issue": str(rng.randrange(1, 5)),
                "page": f"{first_page}-{first_page + rng.randrange(5, 40)}",
            }
        else:
            item |= {
                "publisher": f"{surname(rng)} Press",
                "publisher-place": rng.choice(("İstanbul", "Ankara", "Paris")),
            }
        if kind == "chapter":
            item |= {
                "container-title": f"Essays on the {rng.choice(WORDS)}",
                "editor": [{"family": rng.choice(families), "given": rng.choice(GIVEN)}],
                "page": f"{first_page}-{first_page + rng.randrange(5, 40)}",
            }
        made.append(item)
    return made


def clusters(references: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One citation per item, each with a page locator, in notes 1, 2, 3, ..."""
    return [
        {
            "citationID": f"c{n}",
            "citationNoteNumber": n + 1,
            "citationItems": [{"id": item["id"], "locator": str(n % 300 + 1), "label": "page"}],
        }
        for n, item in enumerate(references)
    ]


def best_of(repeat: int, run: Callable[[], float]) -> float:
    return min(run() for _ in range(repeat))


def time_ours(style_name: str, references: list[dict[str, Any]], repeat: int) -> tuple[float, float]:
    """(compile seconds, render seconds) of our engine; the style is compiled once and, like citeproc-js,
    warmed up by a small render (which loads the locale and its collator) before it is timed."""
    from sources.csl import Style

    start = time.perf_counter()
    style = Style.load(style_name)
    compiled = time.perf_counter() - start
    style.render(references[:50], clusters(references[:50]), format="text")
    cited = clusters(references)

    def once() -> float:
        gc.collect()
        start = time.perf_counter()
        rendered = style.render(references, cited, format="text")
        elapsed = time.perf_counter() - start
        if len(rendered.bibliography) != len(references) or len(rendered.citations) != len(cited):
            raise SystemExit(f"{style_name}: our engine rendered {len(rendered.bibliography)} entries")
        return elapsed

    return compiled, best_of(repeat, once)


def peak_memory_ours(style_name: str, references: list[dict[str, Any]]) -> float:
    """Peak bytes traced while compiling and rendering (Python allocations only)."""
    from sources.csl import Style

    tracemalloc.start()
    Style.load(style_name).render(references, clusters(references), format="text")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def time_citeproc_js(style_name: str, references: list[dict[str, Any]], mode: str) -> dict[str, float]:
    """Seconds inside Node (engine set-up, citations, bibliography) and the wall time of the Node process."""
    warm_up = citeproc_oracle.request(style_name, references[:50], clusters(references[:50]))
    real = citeproc_oracle.request(style_name, references, clusters(references))
    for request in (warm_up, real):
        request["citation_mode"] = mode
    start = time.perf_counter()
    answers = citeproc_oracle.run([warm_up, real])
    wall = time.perf_counter() - start
    answer = answers[-1]
    if len(answer["bibliography"]) != len(references):
        raise SystemExit(f"{style_name}: citeproc-js rendered {len(answer['bibliography'])} entries")
    seconds = {part: milliseconds / 1000 for part, milliseconds in answer["timing_ms"].items()}
    return seconds | {"wall": wall}


def time_citeproc_py(style_name: str, references: list[dict[str, Any]]) -> float:
    """Seconds for citeproc-py to load the style, register, sort, cite and make the bibliography."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, Locator, formatter
    from citeproc.source.json import CiteProcJSON

    start = time.perf_counter()
    source = CiteProcJSON(copy.deepcopy(references))
    style = CitationStylesStyle(str(citeproc_oracle.STYLES / f"{style_name}.csl"), validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    cited = [
        Citation([CitationItem(item["id"], locator=Locator("page", str(n % 300 + 1)))])
        for n, item in enumerate(references)
    ]
    for citation in cited:
        bibliography.register(citation)
    # Without sort() citeproc-py lists entries in order of first citation, whatever the style's <sort>
    # says, and gives year-suffixes in that order: ours and citeproc-js sort.
    bibliography.sort()
    for citation in cited:
        bibliography.cite(citation, lambda item: None)
    entries = [str(entry) for entry in bibliography.bibliography()]
    elapsed = time.perf_counter() - start
    if len(entries) != len(references):
        raise SystemExit(f"{style_name}: citeproc-py rendered {len(entries)} entries")
    return elapsed


def ours_unavailable() -> str | None:
    try:
        from sources.csl import Style  # noqa: F401
    except ImportError as error:
        return f"the CSL engine is not importable ({error})"
    return None


def citeproc_py_unavailable() -> str | None:
    try:
        import citeproc  # noqa: F401
    except ImportError:
        return "citeproc-py is not installed (pip install -e '.[bench]')"
    return None


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f} entries/s"


def report_ours(style_name: str, references: list[dict[str, Any]], repeat: int) -> float:
    compiled, seconds = time_ours(style_name, references, repeat)
    print(
        f"  sources      render {seconds:8.3f} s  {rate(len(references), seconds):>18}  (compile once {compiled:.3f} s)"
    )
    return seconds


def report_citeproc_js(style_name: str, references: list[dict[str, Any]], ours: float | None, mode: str) -> None:
    seconds = time_citeproc_js(style_name, references, mode)
    render = seconds["citations"] + seconds["bibliography"]
    print(
        f"  citeproc-js  render {render:8.3f} s  {rate(len(references), render):>18}  ({mode} citations "
        f"{seconds['citations']:.3f} s, bibliography {seconds['bibliography']:.3f} s, engine set-up "
        f"{seconds['engine']:.3f} s; whole Node process {seconds['wall']:.3f} s)"
    )
    if ours:
        print(f"               sources renders {render / ours:.1f}x faster")


def report_citeproc_py(style_name: str, references: list[dict[str, Any]], ours: float | None) -> None:
    seconds = time_citeproc_py(style_name, references)
    print(f"  citeproc-py  render {seconds:8.3f} s  {rate(len(references), seconds):>18}  (style loading included)")
    if ours:
        print(f"               sources renders {seconds / ours:.0f}x faster")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000], help="item counts (default: 100 1000)")
    parser.add_argument("--styles", nargs="+", default=list(STYLES))
    parser.add_argument("--repeat", type=int, default=1, help="best of this many renders of ours")
    parser.add_argument("--citeproc-py-limit", type=int, default=1000, help="largest size citeproc-py is timed on")
    parser.add_argument("--no-peers", action="store_true", help="time our engine only")
    parser.add_argument(
        "--citeproc-js-positions",
        action="store_true",
        help="run citeproc-js's citations through rebuildProcessorState, tracking positions as in a word "
        "processor (superlinear: minutes at 10,000), instead of one makeCitationCluster per citation",
    )
    args = parser.parse_args()

    ours_missing = ours_unavailable()
    js_missing = "--no-peers" if args.no_peers else citeproc_oracle.unavailable()
    py_missing = "--no-peers" if args.no_peers else citeproc_py_unavailable()
    mode = "positions" if args.citeproc_js_positions else "independent"
    data = {size: items(size) for size in args.sizes}
    if ours_missing:
        print(f"sources: skipped: {ours_missing}")
    else:
        # Memory first, while the process holds nothing of the peers (max RSS is a high-water mark).
        largest = max(args.sizes)
        peak = peak_memory_ours(args.styles[0], data[largest])
        maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"sources at {largest:,} items ({args.styles[0]}): peak {peak / 2**20:.0f} MB traced, "
            f"{maxrss_mb:.0f} MB max RSS of the process"
        )
    print(f"citeproc-js: skipped: {js_missing}" if js_missing else f"citeproc-js {citeproc_oracle.version()}")
    if py_missing:
        print(f"citeproc-py: skipped: {py_missing}")
    for style_name in args.styles:
        ours_seconds: dict[int, float] = {}
        for size in args.sizes:
            references = data[size]
            print(f"{style_name}, {size:,} items (bibliography + {size:,} citations):")
            if not ours_missing:
                ours_seconds[size] = report_ours(style_name, references, args.repeat)
            ours = ours_seconds.get(size)
            if not js_missing:
                report_citeproc_js(style_name, references, ours, mode)
            if not py_missing and size <= args.citeproc_py_limit:
                report_citeproc_py(style_name, references, ours)
            elif not py_missing:
                print(f"  citeproc-py  skipped: {size:,} items is above --citeproc-py-limit {args.citeproc_py_limit:,}")
        if len(ours_seconds) >= 2:
            small, large = min(ours_seconds), max(ours_seconds)
            growth = (ours_seconds[large] / ours_seconds[small]) / (large / small)
            print(f"  linearity of sources {small:,} -> {large:,}: time per entry x{growth:.2f} (1.00 is linear)")


if __name__ == "__main__":
    main()
