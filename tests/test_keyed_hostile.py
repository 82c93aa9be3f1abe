"""Hostile Markdown and LaTeX: each ends in a finding or a one-line message, never a traceback;
and any mix of their special characters reads to records with spans inside the text.

The sizes are those of the issue (10k nested groups, a 10 MB paragraph); how long they
take is measured in benchmarks/readers.py, not here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sources
from sources.cli import main
from sources.errors import InputError

_WORDS = "Words of a long paragraph that never breaks, "
_TEN_MB = 10_000_000 // len(_WORDS)


_CASES = [
    ("unclosed-key-brace.md", "Text [@{unclosed key.\n", 0, "0 findings"),
    ("nested-brackets.md", "[" * 10_000 + "@a" + "]" * 10_000 + "\n", 0, "0 findings"),
    ("nested-inline-notes.md", "^[" * 10_000 + "x" + "]" * 10_000 + "\n", 0, "0 findings"),
    ("unclosed-inline-note.md", "Claim.^[never closed [@a]\n\nNext paragraph.\n", 1, "SRC003"),
    ("unterminated-definition.md", "Claim.[^1]\n\n[^1]: runs to the end " + "and on " * 20_000, 0, "0 findings"),
    ("backtick-runs.md", "` `` ``` " * 50_000 + "\n", 0, "0 findings"),
    ("at-signs.md", "@" * 200_000 + "\n", 0, "0 findings"),
    ("ten-megabyte-paragraph.md", _WORDS * _TEN_MB + "[@a, p. 3].\n", 0, "0 findings"),
    ("unclosed-braces.tex", "Text \\footnote{never closed \\cite[p. 3]{a}\n", 1, "SRC003"),
    # One per line: the text report quotes each finding's line (a report's cost, not the reader's).
    ("unclosed-cite-arguments.tex", "\\cite[x\n" * 5_000, 1, "SRC003"),
    ("nested-groups.tex", "{" * 10_000 + "x" + "}" * 10_000 + "\n", 2, "nested 10000 deep"),
    ("nested-environments.tex", "\\begin{a}" * 10_000 + "\n", 2, "nested 10001 deep"),
    ("nested-notes.tex", "\\footnote{" * 199 + "\\cite{a}" + "}" * 199 + "\n", 0, "0 findings"),
    ("nested-optional-brackets.tex", "\\footnote" + "[" * 10_000 + "{x}\n", 2, "nested too deeply"),
    ("nested-quotations.md", "> " * 10_000 + "[@a]\n", 2, "nested too deep"),
    ("nested-lists.md", "".join("  " * k + "- item [@a]\n" for k in range(2_000)), 2, "nested too deep"),
    ("verb-without-end.tex", "\\verb|" * 20_000 + "\n", 0, "0 findings"),
    ("ten-megabyte-paragraph.tex", _WORDS * _TEN_MB + "\\parencite[3]{a}.\n", 0, "0 findings"),
]


@pytest.mark.parametrize(("name", "text", "status", "expected"), _CASES, ids=[case[0] for case in _CASES])
def test_hostile_input_ends_in_a_finding_or_a_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, text: str, status: int, expected: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    got = main(["check", str(path), "--ignore", "resolution-skipped"])  # no .bib: what counts is the reading
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert got == status
    assert expected in (captured.out if status < 2 else captured.err)
    if status == 2:
        assert captured.err.startswith(f"sources: {path}")
        assert len(captured.err.splitlines()) == 1


_MARKUP = st.lists(
    st.sampled_from([*"@[]^{}()<>`\\-;,.:*%$~|&#_ \n\tabcp1234", "\\cite", "\\footnote", "[^1]", "p. "]),
    max_size=150,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=_MARKUP, suffix=st.sampled_from([".md", ".tex"]))
def test_any_markup_reads_to_records_or_a_message(text: str, suffix: str) -> None:
    try:
        result = sources.read_text(text, f"fuzz{suffix}")
    except InputError:
        return
    for citation in result.citations:
        assert 0 <= citation.span.start <= citation.span.end <= len(text)
        assert citation.key
    for diagnostic in result.diagnostics:
        assert diagnostic.line is not None
