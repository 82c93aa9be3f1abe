"""``sources render`` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sources.cli import main


def test_render_with_no_arguments_lists_the_article_bibliography(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "Tunçay, Mete. Türkiye’de Sol Akımlar 1908-1925, 1978." in lines


def test_render_notes_with_no_arguments_rewrites_the_article_notes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "--notes"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("[1] Burçak, 1983, 4-5.\n")


def test_render_json_has_bibliography_notes_and_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"bibliography", "notes", "warnings"}
    assert ["tuncay1978", "Tunçay, Mete. Türkiye’de Sol Akımlar 1908-1925, 1978."] in data["bibliography"]
    assert data["notes"][0] == [1, "Burçak, 1983, 4-5."]


def test_render_writes_its_output_atomically(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "notes.html"
    target.write_text("old", encoding="utf-8")
    assert main(["render", "--notes", "--format", "html", "--output", str(target)]) == 0
    assert capsys.readouterr().out == ""
    assert target.read_text(encoding="utf-8").startswith('<ol class="notes">\n  <li value="1">')
    assert [p.name for p in tmp_path.iterdir()] == ["notes.html"]


def test_an_unknown_style_exits_2_naming_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "--style", "no-such-style"]) == 2
    assert "no-such-style" in capsys.readouterr().err


def test_a_style_file_by_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from sources.csl.load import shipped_styles

    assert "apa" in shipped_styles()
    style = Path(__file__).parents[2] / "src/sources/csl/data/styles/apa.csl"
    assert main(["render", "--style", str(style), "--lang", "en-US"]) == 0
    assert "Tunçay, M. (1978). Türkiye’de Sol Akımlar 1908-1925." in capsys.readouterr().out


def test_an_output_that_cannot_be_written_exits_2_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "missing" / "refs.txt"
    assert main(["render", "--output", str(target)]) == 2
    assert str(target) in capsys.readouterr().err


def test_another_text_without_a_bibliography_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "article.txt"
    text.write_text("Bir cümle.1\n\n1 Yılmaz, 1978: 12.\n", encoding="utf-8")
    assert main(["render", str(text)]) == 2
    assert "no bibliography given or found" in capsys.readouterr().err


def test_warnings_go_to_standard_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "--notes"]) == 0
    err = capsys.readouterr().err
    assert "sources: warning: note 36: the style gives 'ATASE, ISH:10, K: 596, B: 171-1' no form here" in err
