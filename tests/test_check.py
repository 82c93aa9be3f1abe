"""sources check: the article's real defects, injected defects, formats, selection, exit status."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

import sources
from command import run
from golden import compare
from sources.article import bibliography_text
from sources.model import Diagnostic

SARIF_SCHEMA = Path(
    os.environ.get("SOURCES_SARIF_SCHEMA", Path(__file__).parent.parent / ".cache" / "sarif-2.1.0.json")
)


def line(d: Diagnostic) -> str:
    place = f"{Path(d.path or '').name}:{d.line or ''}"
    return f"{place}\t{d.code}\t{d.footnote or ''}\t{d.message}"


# ---- the article ---------------------------------------------------------------------------


def test_the_article_reports_its_real_defects_once() -> None:
    """The full list, reviewed: tests/cases/topal-2018-karen.check.tsv."""
    findings = sources.check()
    rows = [line(d) for d in sorted(findings.diagnostics, key=lambda d: (d.path or "", d.line or 0, d.code))]
    compare("topal-2018-karen.check.tsv", "\n".join(rows) + "\n")
    assert len(rows) == len(set(rows))


@pytest.mark.parametrize(
    ("code", "count"),
    [
        ("SRC101", 2),  # notes 89 and 90: the extraction ends first
        ("SRC202", 6),  # Kandemir ×3, Çoruhlu ×2, a title without a year
        ("SRC203", 1),  # Kocaoğlu, 2003 with no page
        ("SRC204", 2),  # "285.;" and "(Kerim Sadi): 1975"
        ("SRC303", 1),  # Hâkimiyet / Hakimiyet
        ("SRC304", 1),  # Tengirşek for Tengirşenk, seven times, reported once
        ("SRC404", 56),  # titles and years the article never gives
        ("SRC502", 1),  # 11-112
        ("SRC503", 1),  # 29-329-4
        ("SRC505", 2),  # 1339, and 12 Kânun-ısâni 1338
    ],
)
def test_the_article_defects_by_rule(code: str, count: int) -> None:
    assert sum(d.code == code for d in sources.check().diagnostics) == count


def test_nothing_else_is_reported_on_the_article() -> None:
    codes = {d.code for d in sources.check().diagnostics}
    assert codes == {"SRC101", "SRC202", "SRC203", "SRC204", "SRC303", "SRC304", "SRC404", "SRC502", "SRC503", "SRC505"}


# ---- injected defects ----------------------------------------------------------------------


def injected(tmp_path: Path, article_text: str, old: str, new: str) -> list[Diagnostic]:
    assert article_text.count(old) == 1, old
    path = tmp_path / "article.txt"
    path.write_text(article_text.replace(old, new), encoding="utf-8")
    bib = tmp_path / "refs.bib"
    bib.write_text(bibliography_text(), encoding="utf-8")
    baseline_path = tmp_path / "baseline.txt"
    baseline_path.write_text(article_text, encoding="utf-8")
    baseline = {line(d).split("\t", 1)[1] for d in sources.check([baseline_path], bib=bib).diagnostics}
    return [d for d in sources.check([path], bib=bib).diagnostics if line(d).split("\t", 1)[1] not in baseline]


@pytest.mark.parametrize(
    ("old", "new", "code", "footnote", "words"),
    [
        ("43 Soysal, 1989: 29.", "43 Soysal, 1988: 29.", "SRC301", 43, "no work of Soysal from 1988"),
        ("65 Yerasimos, 1979: 325-326.", "65 Yerasimoz, 1979: 325-326.", "SRC301", 65, "no entry is named 'Yerasimoz'"),
        ("48 Soysal, 1989: 17-27.", "48 Soysal, 1989: 27-17.", "SRC501", 48, "27-17 runs backwards"),
        ("41 Şiraşidze, 1928: 109. \n", "", "SRC101", 41, "marker 41 has no note text"),
    ],
    ids=["changed-year", "misspelt-name", "reversed-range", "deleted-note"],
)
def test_an_injected_defect_is_found(
    tmp_path: Path, article_text: str, old: str, new: str, code: str, footnote: int, words: str
) -> None:
    new_findings = [d for d in injected(tmp_path, article_text, old, new) if d.code != "SRC405"]
    assert [(d.code, d.footnote) for d in new_findings] == [(code, footnote)]
    assert words in new_findings[0].message


def test_a_misspelt_name_suggests_the_entry(tmp_path: Path, article_text: str) -> None:
    found = injected(tmp_path, article_text, "65 Yerasimos, 1979: 325-326.", "65 Yerasimoz, 1979: 325-326.")
    assert found[0].hint is not None and "yerasimos1979" in found[0].hint


# ---- formats ---------------------------------------------------------------------------------


def test_text_shows_place_code_line_and_caret(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "check", "--select", "SRC101")
    assert status == 1
    assert "<embedded>/topal-2018-karen.txt:2705:12: SRC101 [error] marker 89 has no note text" in out
    assert " 2705 |  yapıyordu.89 Genelkurmay Başkanlığının 1\n      |            ^^" in out
    assert out.rstrip().endswith("2 findings in 2 files: 2 errors, 0 warnings, 0 info — failed (failing on error)")


def test_json_report(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "check", "--format", "json")
    data = json.loads(out)
    assert status == 1
    first = data["diagnostics"][0]
    assert set(first) == {"code", "name", "severity", "message", "path", "line", "column", "footnote", "hint"}
    assert data["summary"] == {
        "total": 73,
        "error": 2,
        "warning": 67,
        "info": 4,
        "files": 2,
        "fail_on": "error",
        "failed": True,
    }


_WORKFLOW_COMMAND = re.compile(r"::(error|warning|notice) file=[^,:]*(,line=\d+,col=\d+)?,title=[^,:]*::[^\r\n]*")


def test_github_annotations_follow_the_workflow_command_syntax(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", "--format", "github")
    lines = out.splitlines()
    assert len(lines) == 73
    for annotation in lines:
        assert _WORKFLOW_COMMAND.fullmatch(annotation), annotation
    assert "::error file=<embedded>/topal-2018-karen.txt,line=2705,col=12,title=SRC101 marker-without-note::" in out


def test_sarif_carries_rule_metadata(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", "--format", "sarif")
    log = json.loads(out)
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert log["version"] == "2.1.0"
    assert {rule["id"] for rule in rules} >= {"SRC101", "SRC301", "SRC404", "SRC505"}
    result = run_["results"][0]
    assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert {r["level"] for r in run_["results"]} == {"error", "warning", "note"}


@pytest.mark.skipif(not SARIF_SCHEMA.exists(), reason="the SARIF 2.1.0 schema is fetched by .ci/run")
def test_sarif_validates_against_the_2_1_0_schema(capsys: pytest.CaptureFixture[str]) -> None:
    import jsonschema

    _, out, _ = run(capsys, "check", "--format", "sarif")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    log = json.loads(out)
    jsonschema.validate(log, schema)
    log["runs"][0]["results"][0]["level"] = "fatal"  # the schema must be able to say no
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(log, schema)


# ---- selection, configuration and exit status -------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "status", "codes"),
    [
        (["--select", "SRC5"], 0, {"SRC502", "SRC503", "SRC505"}),
        (["--select", "SRC5", "--fail-on", "warning"], 1, {"SRC502", "SRC503", "SRC505"}),
        (["--select", "uncertain-calendar"], 0, {"SRC505"}),
        (["--ignore", "SRC4,SRC5,SRC2,SRC3"], 1, {"SRC101"}),
        (["--exit-zero"], 0, None),
    ],
    ids=["prefix", "fail-on-warning", "by-name", "ignore", "exit-zero"],
)
def test_selection_and_exit_status(
    capsys: pytest.CaptureFixture[str], argv: list[str], status: int, codes: set[str] | None
) -> None:
    got, out, _ = run(capsys, "check", "--format", "json", *argv)
    assert got == status
    if codes is not None:
        assert {d["code"] for d in json.loads(out)["diagnostics"]} == codes


def test_exit_zero_changes_the_status_not_the_verdict(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "check", "--exit-zero", "--format", "json")
    assert status == 0
    assert json.loads(out)["summary"]["failed"] is True


def test_a_clean_text_exits_0(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("Bir iddia.1\n------------------------\n1 Yazar, 1990: 12.\n", encoding="utf-8")
    bib = tmp_path / "a.bib"
    bib.write_text("@misc{yazar1990,\n  author = {Yazar},\n  title = {Eser},\n  year = {1990},\n}\n", encoding="utf-8")
    status, out, _ = run(capsys, "check", str(text), "--bib", str(bib))
    assert status == 0
    assert out.strip() == "0 findings in 2 files: 0 errors, 0 warnings, 0 info — passed (failing on error)"


def test_pyproject_settings_apply_and_options_override(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.sources]\nselect = ["SRC5"]\nfail-on = "warning"\nformat = "json"\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    status, out, _ = run(capsys, "check")
    assert status == 1 and {d["code"] for d in json.loads(out)["diagnostics"]} == {"SRC502", "SRC503", "SRC505"}
    status, out, _ = run(capsys, "check", "--fail-on", "error", "--select", "SRC505")
    assert status == 0 and {d["code"] for d in json.loads(out)["diagnostics"]} == {"SRC505"}


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[tool.sources]\nselect = ["NOPE"]\n', "no rule code, prefix or name matches 'NOPE'"),
        ('[tool.sources]\ncolour = "red"\n', "unknown key(s) in [tool.sources]: colour"),
        ("[tool.sources\n", "cannot read [tool.sources]"),
    ],
    ids=["bad-code", "unknown-key", "bad-toml"],
)
def test_bad_configuration_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, toml: str, message: str
) -> None:
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status, out, err = run(capsys, "check")
    assert (status, out) == (2, "")
    assert message in err


def test_check_of_a_missing_file_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(capsys, "check", str(tmp_path / "missing.txt"))
    assert status == 2 and "missing.txt" in err


def test_a_broken_bibliography_is_reported_with_its_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bib = tmp_path / "broken.bib"
    bib.write_text("@misc{a,\n  title = {A},\n  year = {1},\n}\n\n@misc{a,\n  title = {B},\n}\n", encoding="utf-8")
    status, out, _ = run(capsys, "check", "--bib", str(bib), "--select", "SRC402", "--format", "json")
    assert status == 1
    assert [(d["code"], d["line"]) for d in json.loads(out)["diagnostics"]] == [("SRC402", 6)]


def test_every_rule_has_a_docs_page_and_an_index_row() -> None:
    from sources.checks.rules import RULES

    docs = Path(__file__).parent.parent / "docs"
    index = (docs / "rules.md").read_text(encoding="utf-8")
    for rule in RULES:
        page = (docs / "rules" / f"{rule.code}.md").read_text(encoding="utf-8")
        assert page.startswith(f"# {rule.code} {rule.name}\n")
        assert "**What.**" in page and "**Fix.**" in page
        assert f"[{rule.code}](rules/{rule.code}.md) | {rule.name} | {rule.severity.value} |" in index
