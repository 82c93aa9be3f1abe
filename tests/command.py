"""The ``sources`` command run in-process, with what it printed: for the tests of its output."""

from __future__ import annotations

import pytest

from sources.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """The exit status, standard output and standard error of ``sources ARGV...``."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err
