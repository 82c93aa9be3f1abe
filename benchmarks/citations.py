"""Citation reading time against note length: the article's notes, and hostile notes.

Run by hand (``python benchmarks/citations.py``) or in CI as a report; never as a timed
test. Each row doubles the note; a flat µs/char column means linear growth.
"""

from __future__ import annotations

import argparse
import time

import sources
from sources.citations.parse import read_note
from sources.model import NoteText, Span
from sources.readers.textmap import Stitch


def note_of(text: str) -> NoteText:
    return NoteText(1, Span(0, len(text)), (Span(0, len(text)),), None, Stitch.join(text, [(0, len(text))]))


def seconds(text: str, document: sources.Document) -> float:
    note = note_of(text)
    start = time.perf_counter()
    read_note(document, note)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--doublings", type=int, default=6)
    args = parser.parse_args()
    article = sources.read()
    notes = " ".join(f.text for f in article.footnotes if f.text)
    document = sources.load()
    cases = {
        "article notes": notes,
        "names without years": "Tunçay Aslan Bayur Kurat, " * 400,
        "years without names": "1978: 130; " * 400,
        "archival steps": "ATASE, ISH: 16, K: 1129, B: 95-1 ve " * 200,
        "no boundary at all": "abc " * 2000,
    }
    print(f"{'case':<22} {'chars':>9} {'seconds':>9} {'µs/char':>8}")
    for name, base in cases.items():
        text = base
        for _ in range(args.doublings):
            elapsed = seconds(text, document)
            print(f"{name:<22} {len(text):>9} {elapsed:>9.4f} {elapsed / len(text) * 1e6:>8.2f}")
            text += text


if __name__ == "__main__":
    main()
