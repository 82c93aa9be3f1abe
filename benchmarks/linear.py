"""Linear time on hostile and large input: each case at 1x, 10x (and 100x with --large) size.

Run by hand (``python benchmarks/linear.py --large``) or in CI as a report (small sizes);
never as a timed test. For each case the last column is time per unit of input relative
to the smallest size: about 1.0 means linear, 10 at 10x means quadratic. Cases:

* a note of long runs: a URL followed by dots, leader dots, spaces in an archival path;
* a body line of leader dots (sentence ends);
* a bibliography whose entries share one co-author (resolution and checks);
* notes spread over many texts against one bibliography (index built once), in few
  and in many files, and every report format over the findings.

Run it against another checkout with ``PYTHONPATH=that/src`` to compare versions.
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable
from typing import Any

import sources
from sources.bib.bibtex import parse_bibliography
from sources.checks import report
from sources.checks.run import Findings, check_texts
from sources.collector import tune_collector
from sources.folding import fold


def note_document(run: int) -> str:
    note = f"Bk. http://a.com/x{'.' * run} Yılmaz, 1978: 130{'.' * run}; ATASE, ISH: 16,{' ' * run}K: 3, B: 4."
    return f"Bir iddia burada.1\n----------------\n1 {note}\n"


def body_document(run: int) -> str:
    return f"Bir iddia{'.' * run} burada.1\n----------------\n1 Kaya, 1990: 5.\n"


def bibliography(entries: int, *, shared: bool = True) -> str:
    """Entries of distinct authors; with ``shared``, all with one co-author besides."""
    coauthor = "Ortak, Ali and " if shared else ""
    return "\n".join(
        f"@book{{k{i},\n  author = {{{coauthor}Yazar{i}, Veli}},\n  title = {{Eser {i}}},\n"
        f"  year = {{{1900 + i % 100}}},\n}}\n"
        for i in range(entries)
    )


def texts(notes: int, files: int, entries: int) -> list[str]:
    """``notes`` notes over ``files`` texts; nine in ten cite an entry, one a name none has."""
    per_file = max(1, notes // files)
    made = []
    for f in range(files):
        lines, notes_text = [], []
        for k in range(1, per_file + 1):
            n = (f * per_file + k) * 7919 % entries
            name = f"Yazar{n}" if k % 10 else f"Bilinmeyen{k % 50}"
            lines.append(f"İddia {k} burada duruyor.{k}")
            notes_text.append(f"{k} {name}, {1900 + n % 100}: {k}.")
        made.append("\n".join(lines) + "\n--------------------\n" + "\n".join(notes_text) + "\n")
    return made


def seconds(work: Callable[[], object]) -> float:
    """CPU seconds of the best of up to three runs (one when a run takes over a second).

    CPU time, not wall time: on a shared machine the ratio between sizes is what matters,
    and other processes lengthen wall time unevenly.
    """
    best = float("inf")
    for _ in range(3):
        gc.collect()
        fold.cache_clear()  # a repeat must not find the names of the run before it folded
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
        if best > 1:
            break
    return best


def row(case: str, size: int, unit: str, took: float, base: tuple[int, float] | None) -> None:
    relative = (took / size) / (base[1] / base[0]) if base else 1.0
    print(f"{case:<44} {size:>10,} {unit:<8} {took:>9.3f} s {relative:>6.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--large", action="store_true", help="sizes up to 100x (minutes)")
    parser.add_argument("--base", type=int, default=1_000, help="the smallest size (characters, entries)")
    args = parser.parse_args()
    tune_collector()  # as the command runs
    scales = (1, 10, 100) if args.large else (1, 10)
    print(f"{'case':<44} {'size':>10} {'unit':<8} {'CPU time':>11} {'rel.':>6}")

    for case, make in (("note: URL, dots, archival spaces", note_document), ("body: leader dots", body_document)):
        base = None
        for scale in scales:
            size = args.base * scale
            text = make(size)
            took = seconds(lambda text=text: sources.read_text(text))  # type: ignore[misc]
            row(case, size, "chars", took, base)
            base = base or (size, took)

    base = None
    for scale in scales:
        size = args.base * scale
        bib = bibliography(size)
        text = sources.read_text("Bir iddia burada.1\n----------------\n1 Ortak, 1978: 130.\n", "t.txt")

        def check_one(bib: str = bib, text: sources.Footnotes = text) -> object:
            return check_texts([text], parse_bibliography(bib, "b.bib"), bib)

        took = seconds(check_one)
        row("bibliography: one co-author, read + check", size, "entries", took, base)
        base = base or (size, took)

    entries = args.base * (50 if args.large else 2)
    notes = args.base * (100 if args.large else 2)
    bib_text = bibliography(entries, shared=False)
    bib = parse_bibliography(bib_text, "b.bib")
    for files in (2, 20, 200) if args.large else (2, 20):
        read = [sources.read_text(t, f"t{k}.txt") for k, t in enumerate(texts(notes, files, entries))]
        took = seconds(lambda read=read: check_texts(read, bib, bib_text))  # type: ignore[misc]
        print(f"{f'check {notes:,} notes in {files} texts, {entries:,} entries':<44} {took:>30.3f} s")

    for format in report.FORMATS:
        base = None
        for scale in scales:
            size = args.base * scale
            bib_text = bibliography(size)
            findings = check_texts([sources.read_text("Düz metin.\n", "t.txt")], parse_bibliography(bib_text), bib_text)
            totals = report.summary(findings.diagnostics, findings.files, sources.Severity.ERROR, True)

            def render(format: str = format, findings: Findings = findings, totals: dict[str, Any] = totals) -> str:
                return report.render(format, findings.diagnostics, findings.texts, totals)

            took = seconds(render)
            row(f"{format} report, a finding per entry", size, "entries", took, base)
            base = base or (size, took)


if __name__ == "__main__":
    main()
