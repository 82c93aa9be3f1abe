"""Ingestion time for the embedded article and for concatenations of it.

Run by hand (``python benchmarks/ingest.py``) or in CI as a report; never as a timed test.
Prints the best of several runs per size and the time per megabyte, so that linear
growth shows as a flat last column.
"""

from __future__ import annotations

import argparse
import time

import sources
from sources.article import article_bytes


def best_time(text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        sources.read_text(text, "bench.txt")
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100], help="concatenation factors")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    article = article_bytes().decode("utf-8")
    print(f"{'copies':>7} {'MB':>8} {'seconds':>9} {'s/MB':>7}")
    for copies in args.sizes:
        text = article * copies
        megabytes = len(text.encode("utf-8")) / 1e6
        seconds = best_time(text, args.repeat if copies < 100 else 1)
        print(f"{copies:>7} {megabytes:>8.2f} {seconds:>9.3f} {seconds / megabytes:>7.3f}")


if __name__ == "__main__":
    main()
