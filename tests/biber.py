"""biber's data-model validation of a .bib file, for the tests that export or curate one."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

needs_biber = pytest.mark.skipif(shutil.which("biber") is None, reason="biber is not installed (.ci/run installs it)")


def biber_warnings(bib: Path) -> list[str]:
    """The ``WARN`` lines of ``biber --validate-datamodel`` on ``bib``, after asserting it found no error.

    biber writes its log and output beside the file, so ``bib`` should sit in a temporary folder.
    """
    done = subprocess.run(
        ["biber", "--tool", "--validate-datamodel", bib.name],
        cwd=bib.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ERROR" not in done.stdout + done.stderr
    return [line for line in done.stdout.splitlines() if line.startswith("WARN")]
