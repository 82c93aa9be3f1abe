"""atheris harness: any bytes as a text file, read, cited, resolved, checked and reported.

Fails on any exception but InputError (bytes that are not readable text). See
fuzz/README.md for how to run it; atheris is not a test dependency.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import sources
    from sources.checks import report
    from sources.checks.run import check_texts
    from sources.readers.files import decode

BIBLIOGRAPHY = sources.bibliography()


def test_one_input(data: bytes) -> None:
    try:
        text = decode(data, "fuzz.txt")
    except sources.InputError:
        return
    findings = check_texts([sources.read_text(text, "fuzz.txt")], BIBLIOGRAPHY)
    totals = report.summary(findings.diagnostics, findings.files, sources.Severity.ERROR, False)
    for format in report.FORMATS:
        report.render(format, findings.diagnostics, findings.texts, totals)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
