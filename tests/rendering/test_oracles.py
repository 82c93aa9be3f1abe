"""Oracles: the exported CSL-JSON of the curated bibliography renders in pandoc and citeproc-js without errors.

pandoc comes from ``pypandoc-binary`` (the test extra) or the PATH; citeproc-js from the npm
package that ``.ci/run`` installs (see ``tests/csl/citeproc_oracle.py``). Without either, its
test is skipped with the reason.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import sources
from csl import citeproc_oracle

STYLES = Path(__file__).parents[2] / "src/sources/csl/data/styles"


def _pandoc() -> str | None:
    try:
        import pypandoc

        return str(pypandoc.get_pandoc_path())
    except (ImportError, OSError):
        return shutil.which("pandoc")


STYLES_AND_LANGUAGES = [
    ("isnad-dipnotlu", "tr-TR"),
    ("isnad-metinici", "tr-TR"),
    ("chicago-notes-bibliography", "en-US"),
    ("apa", "en-US"),
    ("modern-language-association", "en-US"),
]


@pytest.mark.parametrize(("style", "lang"), STYLES_AND_LANGUAGES)
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


def test_the_exported_csl_json_renders_in_citeproc_js() -> None:
    reason = citeproc_oracle.unavailable()
    if reason:
        pytest.skip(f"citeproc-js is unavailable: {reason}")
    items = json.loads(sources.export(to="csl-json").text)
    cites = [[{"id": item["id"]}] for item in items]
    answers = citeproc_oracle.run(
        [citeproc_oracle.request(style, items, cites, lang=lang) for style, lang in STYLES_AND_LANGUAGES]
    )
    for (style, _), answer in zip(STYLES_AND_LANGUAGES, answers, strict=True):
        assert not answer["warnings"], (style, answer["warnings"])
        assert len(answer["citations"]) == len(items), style
        assert all(text.strip() for text in answer["citations"]), style
        # An entry a style prints as nothing (Chicago leaves out untitled works) is dropped, never an error.
        assert {key for key, _ in answer["bibliography"]} <= {item["id"] for item in items}, style
        assert answer["bibliography"], style
