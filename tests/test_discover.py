"""Which bibliography ``sources check PATH`` uses when none is named, and the notice when none is found."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sources.article import article_bytes
from sources.bib.discover import find_bibliography
from sources.cli import main
from sources.readers.declared import declared_bibliography

REFS = Path(__file__).parent.parent / "refs" / "bibliography.bib"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, object], str]:
    status = main([*argv, "--format", "json"])
    out, err = capsys.readouterr()
    return status, json.loads(out) if out else {}, err


def codes(report: dict[str, object]) -> list[str]:
    return [d["code"] for d in report["diagnostics"]]  # type: ignore[attr-defined]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project: pyproject.toml, refs/bibliography.bib, and the article with one year changed."""
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    (tmp_path / "refs").mkdir()
    shutil.copy(REFS, tmp_path / "refs" / "bibliography.bib")
    (tmp_path / "texts").mkdir()
    text = article_bytes().decode("utf-8").replace("Tunçay, 1978: 130", "Tunçay, 1979: 130", 1)
    (tmp_path / "texts" / "article.txt").write_text(text, encoding="utf-8")
    return tmp_path


def test_the_bibliography_at_the_project_root_finds_a_changed_year(
    capsys: pytest.CaptureFixture[str], project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project / "texts")
    status, report, _ = run(capsys, "check", "article.txt", "--select", "SRC301")
    messages = [d["message"] for d in report["diagnostics"]]  # type: ignore[attr-defined]
    assert status == 1
    assert any("'Tunçay, 1979: 130': no work of Tunçay from 1979" in m for m in messages), messages


def test_a_bibliography_beside_the_text_comes_before_the_project_root(project: Path) -> None:
    beside = project / "texts" / "refs" / "bibliography.bib"
    beside.parent.mkdir()
    beside.write_text("@misc{a,\n  title = {A},\n  year = {2000},\n}\n", encoding="utf-8")
    assert find_bibliography(project / "texts" / "article.txt", "") == beside.resolve()


def test_the_named_bibliography_comes_before_discovery(
    capsys: pytest.CaptureFixture[str], project: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.bib"
    other.write_text("@misc{a,\n  title = {A},\n  year = {2000},\n}\n", encoding="utf-8")
    _, report, _ = run(capsys, "check", str(project / "texts" / "article.txt"), "--bib", str(other), "--exit-zero")
    paths = {d["path"] for d in report["diagnostics"]}  # type: ignore[attr-defined]
    assert "SRC301" in codes(report) and str(other) in paths
    assert not any(path.endswith("refs/bibliography.bib") for path in paths)


def test_without_a_bibliography_one_notice_says_resolution_was_skipped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / ".git").mkdir()  # the project root: no refs/ here either
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Bir iddia burada.1\n----------------\n1 Yılmaz, 1978: 130.\n", encoding="utf-8")
    status, report, _ = run(capsys, "check", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert status == 0  # a warning: --fail-on warning makes CI fail on it
    assert codes(report) == ["SRC306"]
    assert "no bibliography was given or found for" in report["diagnostics"][0]["message"]  # type: ignore[index]
    status, _, _ = run(capsys, "check", str(tmp_path / "a.txt"), "--fail-on", "warning")
    assert status == 1


def test_a_pdf_text_declares_no_bibliography(tmp_path: Path) -> None:
    assert declared_bibliography(str(tmp_path / "a.txt"), "---\nbibliography: a.bib\n---\n") is None


def test_a_text_read_as_markdown_by_from_declares_its_bibliography(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "a.bib").write_text("@book{yilmaz1978, author = {Yılmaz, Ali}, title = {K}, year = {1978}}\n", "utf-8")
    (tmp_path / "notes.txt").write_text("---\nbibliography: a.bib\n---\n\nBir iddia [@yilmaz1978, p. 3].\n", "utf-8")
    assert declared_bibliography(str(tmp_path / "notes.txt"), "---\nbibliography: a.bib\n---\n", "markdown") == str(
        tmp_path / "a.bib"
    )
    status, report, _ = run(capsys, "check", str(tmp_path / "notes.txt"), "--from", "markdown")
    assert status == 0
    assert codes(report) == []
