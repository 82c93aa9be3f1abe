"""Oracles: the exported CSL-JSON of the curated bibliography renders in pandoc's citeproc without errors.

pandoc comes from ``pypandoc-binary`` (the test extra) or the PATH; without it the test is skipped.
(citeproc-js, the other oracle, gets its driver on the csltools branch.)
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import sources

STYLES = Path(__file__).parents[2] / "src/sources/csl/data/styles"


def _pandoc() -> str | None:
    try:
        import pypandoc

        return str(pypandoc.get_pandoc_path())
    except (ImportError, OSError):
        return shutil.which("pandoc")


@pytest.mark.parametrize(
    ("style", "lang"),
    [
        ("isnad-dipnotlu", "tr-TR"),
        ("isnad-metinici", "tr-TR"),
        ("chicago-notes-bibliography", "en-US"),
        ("apa", "en-US"),
        ("modern-language-association", "en-US"),
    ],
)
def test_the_exported_csl_json_renders_in_pandoc(tmp_path: Path, style: str, lang: str) -> None:
    pandoc = _pandoc()
    if pandoc is None:
        pytest.skip("pandoc is absent (install the test extra: pypandoc-binary)")
    references = tmp_path / "refs.json"
    references.write_text(sources.export(to="csl-json").text, encoding="utf-8")
    document = tmp_path / "doc.md"
    document.write_text(f"---\nnocite: '@*'\nlang: {lang}\n...\n", encoding="utf-8")
    done = subprocess.run(
        [
            pandoc,
            str(document),
            "--citeproc",
            "--csl",
            str(STYLES / f"{style}.csl"),
            "--bibliography",
            str(references),
            "--to",
            "html",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "[ERROR]" not in done.stderr
    items = json.loads(references.read_text(encoding="utf-8"))
    rendered = set(re.findall(r'id="ref-([^"]+)"', done.stdout))
    unprinted = set(re.findall(r"no printed form: (\S+)", done.stderr))
    assert rendered, "pandoc printed no entry"
    assert rendered | unprinted == {item["id"] for item in items}
