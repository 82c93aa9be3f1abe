"""atheris harness: any bytes as a .bib file, read into sources and diagnostics and written back.

Fails on any exception but InputError. See fuzz/README.md; atheris is not a test dependency.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import sources
    from sources.bib.bibtex import dump, parse_bibliography
    from sources.checks.run import check_bibliography
    from sources.readers.files import decode


def test_one_input(data: bytes) -> None:
    try:
        text = decode(data, "fuzz.bib")
    except sources.InputError:
        return
    bibliography = parse_bibliography(text, "fuzz.bib")
    check_bibliography(bibliography, cited=set())
    parse_bibliography(dump(bibliography.library), "again.bib")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
