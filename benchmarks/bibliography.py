"""Loading a large bibliography and resolving many citations against it.

Run by hand (``python benchmarks/bibliography.py``) or in CI as a report; never as a
timed test. Entries and citations are synthetic: distinct surnames, one to three works
each, and citations that resolve, need a year to decide, or match nothing.
"""

from __future__ import annotations

import argparse
import random
import time

import sources
from sources.bib.bibtex import parse_bibliography
from sources.bib.resolve import Status, resolve
from sources.model import Citation, CitationKind, Footnote, Footnotes, Span


def surname(n: int) -> str:
    letters = "abcçdefgğhjklmnoöprsştuüvyz"  # no i or ı: both capitalise to I
    word = ""
    while True:
        n, r = divmod(n, len(letters))
        word += letters[r]
        if n == 0:
            return word.capitalize() + "oğlu"


def bibliography_text(entries: int) -> str:
    parts = []
    for n in range(entries):
        name = surname(n // 2)
        year = 1950 + n % 60
        parts.append(f"@book{{k{n},\n  author = {{{name}, Ali}},\n  title = {{Eser {n}}},\n  year = {{{year}}},\n}}\n")
    return "\n".join(parts)


def citations(count: int, entries: int) -> tuple[Citation, ...]:
    rng = random.Random(1)
    made = []
    for _ in range(count):
        n = rng.randrange(entries + entries // 10)  # about one in eleven matches nothing
        made.append(
            Citation(
                footnote=1,
                kind=CitationKind.AUTHOR_YEAR,
                raw="",
                span=Span(0, 0),
                name=surname(n // 2),
                year=str(1950 + n % 60),
            )
        )
    return tuple(made)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--citations", type=int, default=10_000)
    args = parser.parse_args()
    text = bibliography_text(args.entries)
    start = time.perf_counter()
    bibliography = parse_bibliography(text, "bench.bib")
    loaded = time.perf_counter() - start
    article = sources.read()
    note = Footnote(1, None, None, None, citations(args.citations, args.entries))
    footnotes = Footnotes(article.document, (note,), (), ())
    start = time.perf_counter()
    linked = resolve(footnotes, bibliography)
    resolved = time.perf_counter() - start
    counts = {status: sum(r.status is status for r in linked.resolutions) for status in Status}
    print(f"load {len(bibliography.sources):,} entries ({len(text) / 1e6:.1f} MB): {loaded:.2f} s")
    print(
        f"resolve {len(linked.resolutions):,} citations: {resolved:.2f} s "
        f"({', '.join(f'{s.value} {n}' for s, n in counts.items())})"
    )


if __name__ == "__main__":
    main()
