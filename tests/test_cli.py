"""The command line: output formats, exit status and messages for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from command import run
from sources.cli import main


def test_footnotes_json_on_the_embedded_article(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "footnotes", "--format", "json")
    assert status == 0
    data = json.loads(out)
    assert len(data) == 90
    first = data[0]
    assert {k: first[k] for k in ("number", "text", "page", "line")} == {
        "number": 1,
        "text": "Burçak, 1983: 4-5.",
        "page": 315,
        "line": 205,
    }
    assert first["claim"].endswith("mücadele ile geçirmişlerdi.")
    assert data[88]["number"] == 89 and data[88]["text"] is None and data[88]["line"] == 2705
    assert "SRC101" in err and ":2705:" in err


def test_footnotes_text_is_for_people(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "footnotes")
    assert status == 0
    assert "[21] page 319, line 821 · 3.1. Anadolu’da Bolşevik Yanlısı Hareketlere Ara Verilmesi" in out
    assert "  note:  Tunçay, 1978: 130." in out
    assert "[90] page 329, line 2713" in out and "(missing)" in out


def test_a_text_without_footnotes_prints_an_empty_list(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Düz bir metin.\n", encoding="utf-8")
    status, out, _ = run(capsys, "footnotes", str(path), "--format", "json")
    assert (status, json.loads(out)) == (0, [])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\x00\x01binary\x00", "binary file"),
        ("satır\nş".encode("iso-8859-9"), ":1:4: not valid UTF-8"),
    ],
    ids=["empty", "binary", "not-utf8"],
)
def test_bad_input_exits_2_with_the_file_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    status, out, err = run(capsys, "footnotes", str(path))
    assert status == 2
    assert out == ""
    assert err.startswith(f"sources: {path}")
    assert message in err
    assert "Traceback" not in err


def test_the_encoding_option_reads_legacy_text(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("Şurada bir iddia var.1\n----------------\n1 Yazar, 1990: 12.\n".encode("cp1254"))
    status, out, _ = run(capsys, "footnotes", str(path), "--encoding", "cp1254", "--format", "json")
    assert status == 0
    assert json.loads(out)[0]["claim"] == "Şurada bir iddia var."


def test_a_directory_is_an_input_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(capsys, "footnotes", str(tmp_path))
    assert status == 2 and str(tmp_path) in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["footnotes", "--format", "yaml"])
    assert caught.value.code == 2


def test_python_dash_m_runs_the_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sources", "footnotes", "--format", "json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0
    assert len(json.loads(done.stdout)) == 90


def test_citations_json_on_the_embedded_article(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "citations", "--format", "json")
    assert status == 0
    data = json.loads(out)
    assert len(data) == 141
    assert {
        k: data[0][k] for k in ("footnote", "raw", "kind", "name", "year", "locator", "pages", "signal", "source")
    } == {
        "footnote": 1,
        "raw": "Burçak, 1983: 4-5",
        "kind": "author_year",
        "name": "Burçak",
        "year": "1983",
        "locator": "4-5",
        "pages": [[4, 5]],
        "signal": None,
        "source": "burcak1983",
    }
    open_range = next(c for c in data if c["raw"] == "Tunçay, 1978: 185 vd.")
    assert open_range["pages"] == [[185, None]] and open_range["signal"] == "Geniş bilgi için bk."
    assert "SRC503" in err and "SRC505" in err


def test_citations_text_is_one_line_each(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "citations")
    assert status == 0
    lines = out.splitlines()
    assert len(lines) == 142  # a header and 141 citations
    assert "archive" in lines[-3] and "ATASE · — · ISH: 16, K: 1157" in lines[-3]


def test_citations_json_fills_the_entry_key(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "citations", "--format", "json")
    data = json.loads(out)
    assert all(item["source"] for item in data)
    assert data[0]["source"] == "burcak1983"


def test_citations_of_another_text_without_a_bibliography_leave_source_null(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Bir iddia.1\n------------------------\n1 Yazar, 1990: 12.\n", encoding="utf-8")
    status, out, _ = run(capsys, "citations", str(path), "--format", "json")
    assert status == 0 and json.loads(out)[0]["source"] is None


def test_sources_lists_every_entry_with_its_citations(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "sources", "--format", "json")
    assert status == 0
    data = {entry["key"]: entry for entry in json.loads(out)}
    assert len(data) == 67
    assert data["topal2018"]["citations"] == []
    tuncay = data["tuncay1978"]
    assert [c["footnote"] for c in tuncay["citations"]][:3] == [21, 21, 22]
    assert tuncay["citations"][0]["pages"] == [[130, 130]] and tuncay["citations"][0]["claim_page"] == 319


def test_sources_text(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "sources")
    assert "tuncay1978  Tunçay 1978 — Türkiye'de Sol Akımlar 1908-1925 (book)" in out
    assert "  15 citations in 13 notes: n. 21: 130; n. 21: 141;" in out
    assert "topal2018  Topal 2018 — Türk-Rus İlişkileri ve Moskova Anlaşması (article)\n  not cited" in out


def test_claims_of_one_source(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "claims", "--source", "atase", "--format", "json")
    assert status == 0
    data = json.loads(out)
    assert [c["footnote"] for c in data] == [33, 36, 63, 63, 71, 86, 87, 87, 87]
    assert data[0]["locator"] == "ISH: 16, K: 1129, B: 95-1"
    _, text, _ = run(capsys, "claims", "--source", "atase")
    assert text.startswith("atase — ATASE: 9 citations in 6 notes")


def test_claims_of_an_unknown_key_names_the_nearest(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "claims", "--source", "tuncay178")
    assert (status, out) == (2, "")
    assert "no entry 'tuncay178'; nearest: tuncay1978" in err


def test_sources_of_another_text_needs_a_bibliography(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Bir iddia.\n", encoding="utf-8")
    status, _, err = run(capsys, "sources", str(path))
    assert status == 2 and f"{path}: no bibliography given or found" in err


def test_sources_of_another_text_finds_its_bibliography_beside_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "refs").mkdir()
    (tmp_path / "refs" / "bibliography.bib").write_text(
        "@book{yilmaz1978,\n  author = {Yılmaz, Ali},\n  title = {K},\n  year = {1978},\n}\n", encoding="utf-8"
    )
    path = tmp_path / "a.txt"
    path.write_text("Bir iddia burada.1\n----------------\n1 Yılmaz, 1978: 130.\n", encoding="utf-8")
    status, out, _ = run(capsys, "sources", str(path), "--format", "json")
    assert status == 0 and json.loads(out)[0]["key"] == "yilmaz1978"


def test_a_bibliography_given_with_bib(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("Bir iddia.1\n------------------------\n1 Yazar, 1990: 12.\n", encoding="utf-8")
    bib = tmp_path / "a.bib"
    bib.write_text("@misc{yazar1990, author = {Yazar}, year = {1990}}\n", encoding="utf-8")
    status, out, _ = run(capsys, "citations", str(text), "--bib", str(bib), "--format", "json")
    assert status == 0 and json.loads(out)[0]["source"] == "yazar1990"


def test_claims_of_every_entry_in_turkish_order(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "claims", "--format", "json")
    assert status == 0
    keys = list(json.loads(out))
    assert keys.index("cebesoy2002") < keys.index("cerrahoglu1975") < keys.index("caglayan1998")
    assert keys.index("biyiklioglu1981") < keys.index("bilge1992")  # ı before i
    assert keys.index("surmeli2001") < keys.index("simsir1975")  # S before Ş
    _, english, _ = run(capsys, "claims", "--format", "json", "--lang", "en")
    assert list(json.loads(english)).index("caglayan1998") < list(json.loads(english)).index("cebesoy2002")
    _, text, _ = run(capsys, "claims")
    assert text.startswith("adivar1994 — Adıvar 1994: 1 citation in 1 note")
