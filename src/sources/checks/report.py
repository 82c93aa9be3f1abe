"""Diagnostics → text for people, JSON for tools, GitHub workflow commands, SARIF 2.1.0."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from sources.checks.rules import RULES
from sources.model import Diagnostic, Severity
from sources.printable import printable, width
from sources.readers.textmap import LineIndex

FORMATS = ("text", "json", "github", "sarif")
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_STAGES = {
    "0": "ingestion",
    "1": "footnotes",
    "2": "citations",
    "3": "resolution",
    "4": "bibliography",
    "5": "locators-and-dates",
}
_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def ordered(diagnostics: Sequence[Diagnostic], files: Sequence[str] = ()) -> list[Diagnostic]:
    """In the order of ``files`` (texts, then their bibliography), then by line, column, code."""
    rank = {path: i for i, path in enumerate(files)}
    return sorted(
        diagnostics,
        key=lambda d: (rank.get(d.path or "", len(rank)), d.path or "", d.line or 1 << 30, d.column or 0, d.code),
    )


def summary(diagnostics: Sequence[Diagnostic], files: int, fail_on: Severity, failed: bool) -> dict[str, Any]:
    counts = Counter(d.severity for d in diagnostics)
    return {
        "total": len(diagnostics),
        "error": counts[Severity.ERROR],
        "warning": counts[Severity.WARNING],
        "info": counts[Severity.INFO],
        "files": files,
        "fail_on": fail_on.value,
        "failed": failed,
    }


def render(
    format: str,
    diagnostics: Sequence[Diagnostic],
    texts: Mapping[str, str],
    totals: dict[str, Any],
) -> str:
    """The report in ``format``; ``texts`` maps each path, in order, to its text for quoting lines."""
    diagnostics = ordered(diagnostics, list(texts))
    if format == "json":
        return as_json(diagnostics, totals)
    if format == "github":
        return as_github(diagnostics)
    if format == "sarif":
        return as_sarif(diagnostics)
    return as_text(diagnostics, texts, totals)


def as_text(diagnostics: Sequence[Diagnostic], texts: Mapping[str, str], totals: dict[str, Any]) -> str:
    """For people: each finding with its line quoted, control characters escaped."""
    blocks = []
    indexes: dict[str, LineIndex] = {}  # one per file, so that quoting stays linear in findings
    for d in diagnostics:
        where = d.path or ""
        if d.line is not None:
            where += f":{d.line}:{d.column or 1}"
        lines = [printable(f"{where}: {d.code} [{d.severity.value}] {d.message}")]
        text = texts.get(d.path or "")
        if text is not None and d.path is not None:
            if d.path not in indexes:
                indexes[d.path] = LineIndex.of(text)
            lines += _quote(d, text, indexes[d.path])
        if d.hint:
            lines.append(printable(f"     = hint: {d.hint}"))
        blocks.append("\n".join(lines))
    verdict = "failed" if totals["failed"] else "passed"
    counts = ", ".join(
        [plural(totals["error"], "error"), plural(totals["warning"], "warning"), f"{totals['info']} info"]
    )
    blocks.append(
        f"{plural(totals['total'], 'finding')} in {plural(totals['files'], 'file')}: {counts} — "
        f"{verdict} (failing on {totals['fail_on']})"
    )
    return "\n\n".join(blocks)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _quote(d: Diagnostic, text: str, index: LineIndex) -> list[str]:
    """The line of the finding with a caret under it.

    Lines are those of :class:`LineIndex`, which numbered the finding: a form feed or a
    Unicode line separator inside a line is shown escaped, never taken for a line end.
    """
    if d.line is None or not 0 < d.line <= len(index.starts):
        return []
    line = index.line(text, d.line).rstrip()
    column = min((d.column or 1) - 1, len(line))
    length = 1
    if d.span is not None:
        length = max(1, min(d.span.end - d.span.start, len(line) - column))
    gutter = f"{d.line:>5} | "
    before = "".join("\t" if c == "\t" else " " for c in printable(line[:column]))
    return [
        gutter + printable(line),
        " " * (len(gutter) - 2) + "| " + before + "^" * max(1, width(line[column : column + length])),
    ]


def as_json(diagnostics: Sequence[Diagnostic], totals: dict[str, Any]) -> str:
    return json.dumps(
        {
            "diagnostics": [
                {
                    "code": d.code,
                    "name": d.name,
                    "severity": d.severity.value,
                    "message": d.message,
                    "path": d.path,
                    "line": d.line,
                    "column": d.column,
                    "footnote": d.footnote,
                    "hint": d.hint,
                }
                for d in diagnostics
            ],
            "summary": totals,
        },
        ensure_ascii=False,
        indent=2,
    )


def as_github(diagnostics: Sequence[Diagnostic]) -> str:
    """GitHub Actions workflow commands: one ``::error file=...::message`` line per finding."""
    lines = []
    for d in diagnostics:
        properties = [f"file={_property(d.path or '')}"]
        if d.line is not None:
            properties += [f"line={d.line}", f"col={d.column or 1}"]
        properties.append(f"title={_property(f'{d.code} {d.name}')}")
        message = printable(d.message + (f" (hint: {d.hint})" if d.hint else ""))
        lines.append(f"::{_GITHUB_LEVEL[d.severity]} {','.join(properties)}::{_data(message)}")
    return "\n".join(lines)


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def as_sarif(diagnostics: Sequence[Diagnostic]) -> str:
    """A SARIF 2.1.0 log with the whole rule catalogue as the driver's rules."""
    from urllib.parse import quote

    index = {rule.code: i for i, rule in enumerate(RULES)}
    rules = [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.summary},
            "help": {"text": f"See docs/rules/{rule.code}.md"},
            "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
            "properties": {"tags": [_STAGES[rule.code[3]]]},
        }
        for rule in RULES
    ]
    results = []
    for d in diagnostics:
        result: dict[str, Any] = {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": _SARIF_LEVEL[d.severity],
            "message": {"text": d.message + (f" Hint: {d.hint}" if d.hint else "")},
        }
        if d.path:
            region = {"startLine": d.line, "startColumn": d.column or 1} if d.line else None
            location: dict[str, Any] = {"artifactLocation": {"uri": quote(d.path, safe="/:")}}
            if region:
                location["region"] = region
            result["locations"] = [{"physicalLocation": location}]
        if d.footnote is not None:
            result["properties"] = {"footnote": d.footnote}
        results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "sources", "version": _version(), "rules": rules}},
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("sources")
    except PackageNotFoundError:
        return "0"
