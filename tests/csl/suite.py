"""The CSL test-suite fixture format, and how our processor's output is compared with a fixture's.

Used by the pytest runner and by ``benchmarks/csl_suite.py``. The fixtures themselves are never part of
the project (they have no licence): the folder is named by the ``CSL_TEST_SUITE`` environment variable.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import attrs

_SECTION = re.compile(r">>=+ *([A-Z-]+) *=+>>(.*?)<<=+ *\1 *=+<<", re.S)
_LOOSE = re.compile(r">>=+ *([A-Z-]+) *=+(?:>>)?\n(.*?)<<=+ *\1 *=+(?:<<)?", re.S)
_BETWEEN_TAGS = re.compile(r">\s*\n\s*<")


@attrs.frozen
class Fixture:
    name: str
    mode: str
    result: str
    csl: str
    input: list[dict[str, Any]]
    citation_items: list[Any] | None
    citations: list[Any] | None


def suite_folder() -> Path | None:
    value = os.environ.get("CSL_TEST_SUITE")
    return Path(value) if value else None


def fixture_paths(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.txt"))


def parse_fixture(path: Path) -> Fixture:
    text = path.read_text(encoding="utf-8-sig")
    sections = {name: body.strip("\n") for name, body in _SECTION.findall(text)}
    for name, body in _LOOSE.findall(text):
        sections.setdefault(name, body.strip("\n"))
    items = sections.get("CITATION-ITEMS")
    citations = sections.get("CITATIONS")
    return Fixture(
        name=path.stem,
        mode=sections["MODE"].strip(),
        result=sections["RESULT"],
        csl=sections["CSL"].strip(),
        input=json.loads(sections["INPUT"]),
        citation_items=json.loads(items) if items else None,
        citations=json.loads(citations) if citations else None,
    )


def category(name: str) -> str:
    return name.split("_", 1)[0]


def normalize(text: str) -> str:
    return _BETWEEN_TAGS.sub("><", text.strip())


def _bibliography(entries: list[tuple[str, str]]) -> str:
    lines = ['<div class="csl-bib-body">']
    lines += [f'  <div class="csl-entry">{entry}</div>' for _, entry in entries]
    lines.append("</div>")
    return "\n".join(lines)


def _steps(fixture: Fixture) -> list[list[dict[str, Any]]]:
    """The document's citations after each processCitationCluster step, in document order."""
    assert fixture.citations is not None
    order: list[dict[str, Any]] = []
    states = []
    by_id: dict[str, dict[str, Any]] = {}
    for citation, before, after in fixture.citations:
        by_id[citation["citationID"]] = citation
        ids = [entry[0] for entry in before] + [citation["citationID"]] + [entry[0] for entry in after]
        for entry in before + after:
            if entry[0] in by_id:
                by_id[entry[0]].setdefault("properties", {})["noteIndex"] = entry[1]
        order = [by_id[key] for key in ids if key in by_id]
        states.append([json.loads(json.dumps(citation)) for citation in order])
    return states


def run_fixture(fixture: Fixture) -> str:
    """Our output for a fixture, in the fixture's RESULT conventions."""
    from sources.csl import Style

    style = Style.load(fixture.csl)
    if fixture.citations is not None:
        states = _steps(fixture)
        final = states[-1]
        result = style.render(fixture.input, final, format="html")
        if fixture.mode == "bibliography":
            return _bibliography(result.bibliography)
        before: dict[str, str] = {}
        if len(states) > 1:
            earlier = style.render(fixture.input, states[-2], format="html")
            before = {c["citationID"]: text for c, text in zip(states[-2], earlier.citations, strict=True)}
        lines = []
        last = fixture.citations[-1][0]["citationID"]
        for index, (citation, text) in enumerate(zip(final, result.citations, strict=True)):
            # processCitationCluster returns the citation it was given and those whose output changed.
            touched = citation["citationID"] == last or before.get(citation["citationID"]) != text
            mark = ">>" if touched else ".."
            lines.append(f"{mark}[{index}] {text}")
        return "\n".join(lines)
    clusters = fixture.citation_items
    if fixture.mode == "bibliography":
        result = style.render(fixture.input, clusters, format="html")
        return _bibliography(result.bibliography)
    if clusters is None:
        ids = dict.fromkeys(str(item.get("id", number)) for number, item in enumerate(fixture.input, start=1))
        # citeproc-js's harness cites every item in the order of its registry: the bibliography's.
        order = [item_id for item_id, _ in style.render(fixture.input).bibliography if item_id in ids]
        clusters = [[{"id": item_id} for item_id in dict.fromkeys(order + list(ids))]]
    result = style.render(fixture.input, clusters, format="html")
    return "\n".join(result.citations)


def passes(fixture: Fixture) -> tuple[bool, str]:
    """Whether our output matches the fixture, and our output (or the error) for the report."""
    try:
        ours = run_fixture(fixture)
    except Exception as error:
        return False, f"{type(error).__name__}: {error}"
    return normalize(ours) == normalize(fixture.result), ours
