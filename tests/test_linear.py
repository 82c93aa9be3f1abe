"""Linear work on every input, counted, not timed.

Python work is counted in bytecode instructions (tests/counting.py); the work of each
regular expression in steps of a backtracking model of the engine (tests/regex_steps.py),
which the C engine cannot report. Speed itself is measured by benchmarks/; here the
count at n and at 10n must stay within a constant factor of 10 (12 to 15 allow for
fixed costs). The step counts catch each quadratic pattern issue 10 names (a URL before
dots, sentence ends over dots, spaces in an archival path) at 68-90x for 10x input.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sources
from counting import instructions
from sources.bib.bibtex import parse_bibliography
from sources.checks import report
from sources.checks.run import check_texts

# Every ASCII punctuation mark, space and tab, and the typographic marks the texts use.
MARKS = [*string.punctuation, " ", "\t", "…", "“", "”", "’", "«", "»", "–", "—", "\f", "\u2028", "\x85", "\u00a0"]
# Runs of letters and digits too: a word or a number of any length.
RUNS = [*MARKS, "a", "A", "ş", "1"]
PLACES = {
    "in-a-note-after-a-citation": "Bir iddia burada.1\n----------------\n1 Yılmaz, 1978: 130{run} Kaya, 1990: 5.\n",
    "in-a-note-after-an-address": "Bir iddia burada.1\n----------------\n1 Bk. http://a.com/x{run} Kaya, 1990: 5.\n",
    "in-an-archival-path": "Bir iddia burada.1\n----------------\n1 ATASE, ISH: 16, K:{run} 12, B: 3.\n",
    "in-the-body": "Bir iddia{run} burada.1\n----------------\n1 Kaya, 1990: 5.\n",
}


def flat(work: dict[int, int], n: int) -> bool:
    """Whether the work beyond the empty case grows at most linearly from n to 10n."""
    return work[10 * n] - work[0] <= 12 * max(work[n] - work[0], n)


@settings(max_examples=40, deadline=None)
@given(mark=st.sampled_from(MARKS), place=st.sampled_from(sorted(PLACES)))
def test_a_long_run_of_any_mark_costs_the_same_per_character(mark: str, place: str) -> None:
    work = {n: instructions(sources.read_text, PLACES[place].format(run=mark * n)) for n in (0, 150, 1500)}
    assert flat(work, 150), work


def _bibliography(entries: int) -> str:
    """Entries sharing one co-author, as a collected edition's bibliography has them."""
    return "\n".join(
        f"@book{{k{i},\n  author = {{Ortak, Ali and Yazar{i}, Veli}},\n  title = {{Eser {i}}},\n"
        f"  year = {{{1900 + i % 100}}},\n}}\n"
        for i in range(entries)
    )


def test_entries_sharing_a_co_author_cost_the_same_each() -> None:
    text = sources.read_text("Bir iddia burada.1\n----------------\n1 Ortak, 1978: 130.\n", "t.txt")
    work = {}
    for n in (0, 100, 1000):
        bib = _bibliography(n)
        work[n] = instructions(check_texts, [text], parse_bibliography(bib, "b.bib"), bib)
    assert flat(work, 100), work


def test_the_text_report_costs_the_same_per_finding() -> None:
    """Each finding quotes its line through one line index per file, not by re-splitting the file."""
    work = {}
    for n in (0, 100, 1000):
        bib = _bibliography(n)
        findings = check_texts([sources.read_text("Düz metin.\n", "t.txt")], parse_bibliography(bib, "b.bib"), bib)
        totals = report.summary(findings.diagnostics, findings.files, sources.Severity.ERROR, True)
        work[n] = instructions(report.render, "text", findings.diagnostics, findings.texts, totals)
    assert flat(work, 100), work


def test_the_text_report_indexes_each_file_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from sources.readers.textmap import LineIndex

    indexed: list[int] = []
    original = LineIndex.of.__func__  # type: ignore[attr-defined]

    def counting(cls: type[LineIndex], text: str) -> LineIndex:
        indexed.append(len(text))
        return original(cls, text)  # type: ignore[no-any-return]

    bib = _bibliography(300)
    findings = check_texts([sources.read_text("Düz metin.\n", "t.txt")], parse_bibliography(bib, "b.bib"), bib)
    totals = report.summary(findings.diagnostics, findings.files, sources.Severity.ERROR, True)
    monkeypatch.setattr(LineIndex, "of", classmethod(counting))
    rendered = report.render("text", findings.diagnostics, findings.texts, totals)
    assert rendered.count("is cited nowhere in the text") == 300
    assert indexed == [len(bib)]  # the bibliography, once for 300 quoted lines


def _notes(first: int, count: int) -> str:
    body = " ".join(f"İddia {k} burada duruyor.{k}" for k in range(first, first + count))
    notes = "\n".join(f"{k} Yazar{k % 40}, {1900 + k % 90}: {k}." for k in range(first, first + count))
    return f"{body}\n--------------------\n{notes}\n"


@pytest.mark.parametrize("texts", [5, 50], ids=["in-5-texts", "in-50-texts"])
def test_the_bibliography_is_indexed_once_however_many_texts(texts: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from sources.bib import resolve

    built = []
    original = resolve.NameIndex.__init__

    def counting(self: resolve.NameIndex, *args: object) -> None:
        built.append(1)
        original(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(resolve.NameIndex, "__init__", counting)
    bib = _bibliography(50)
    read = [sources.read_text(_notes(1, 400 // texts), f"t{k}.txt") for k in range(texts)]
    check_texts(read, parse_bibliography(bib, "b.bib"), bib)
    assert len(built) == 1


def test_notes_split_across_many_texts_cost_about_the_same_as_in_few() -> None:
    bib = _bibliography(200)
    work = {}
    for texts in (5, 50):
        read = [sources.read_text(_notes(1, 500 // texts), f"t{k}.txt") for k in range(texts)]
        work[texts] = instructions(check_texts, read, parse_bibliography(bib, "b.bib"), bib)
    assert work[50] <= 1.5 * work[5], work


# ---- every regular expression of the package, its steps counted ------------------------------


def _patterns() -> list[tuple[str, re.Pattern[str], str]]:
    """Every module-level pattern of the package, with how the code calls it: ``search``
    (finditer, search, sub, split, findall: every start is tried) or ``match``."""
    import importlib
    import pkgutil

    root = Path(sources.__file__).parent
    code = "\n".join(path.read_text(encoding="utf-8") for path in root.rglob("*.py"))
    found = []
    for info in pkgutil.walk_packages(sources.__path__, "sources."):
        if info.name == "sources.__main__":
            continue
        module = importlib.import_module(info.name)
        own = Path(module.__file__ or "").read_text(encoding="utf-8")
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                # A private pattern is called in its own module; a public one anywhere.
                calls = set(re.findall(rf"\b{re.escape(name)}\.(\w+)\(", own if name.startswith("_") else code))
                mode = "search" if calls & {"search", "finditer", "findall", "sub", "split"} else "match"
                found.append((f"{info.name}.{name}", value, mode))
    return sorted(found, key=lambda item: item[0])


PATTERNS = _patterns()
# Where a pattern's interesting part starts: after an address, a year, an archive's label, a number.
PREFIXES = ["", "1 ", "A", "http://a.com/x", "Yılmaz, 1978: 130", "ISH: 16"]


@pytest.mark.parametrize(("name", "pattern", "mode"), PATTERNS, ids=[name for name, _, _ in PATTERNS])
def test_every_pattern_reads_a_long_run_of_any_mark_in_linear_steps(
    name: str, pattern: re.Pattern[str], mode: str
) -> None:
    from regex_steps import Matcher

    matcher = Matcher(pattern)
    for prefix in PREFIXES:
        for mark in RUNS:

            def steps(n: int, prefix: str = prefix, mark: str = mark) -> int:
                text = f"{prefix}{mark * n}x"
                if mode == "search":
                    return matcher.finditer(text)
                return matcher.match(text, 0) + matcher.match(text, len(prefix))

            small, large = steps(12), steps(120)
            assert large <= 15 * small + 100, (prefix, mark, small, large)
