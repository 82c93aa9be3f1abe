"""Variants of the article's extraction, built from the shipped file.

Other extractions of the same article look like these: form feeds between pages and no
blank lines; CRLF without separator rules or running heads; every note gathered in an
endnote block under ``Dipnotlar``.
"""

from __future__ import annotations

import sources
from sources.model import LineKind
from sources.readers.layout import Role, place_lines


def form_feed_variant(text: str) -> str:
    """Pages separated by form feeds instead of a leading space; blank lines dropped."""
    out = []
    for k, line in enumerate(text.split("\n")):
        starts_page = k > 0 and line.startswith(" ") and not line.startswith("  ")
        if starts_page:
            out.append("\f" + line[1:])
        elif line.strip():
            out.append(line)
    return "\n".join(out)


def crlf_variant(text: str) -> str:
    """CRLF line endings; no separator rules and no running heads."""
    document = sources.load()
    dropped = {LineKind.RULE, LineKind.RUNNING_HEAD}
    lines = text.split("\n")
    kept = [line for line, info in zip(lines, document.lines, strict=True) if info.kind not in dropped]
    return "\r\n".join(kept)


def endnote_variant(text: str) -> str:
    """Every note's lines moved, in note order, to an endnote block under ``Dipnotlar``."""
    document = sources.load()
    placed = place_lines(document)
    lines = text.split("\n")
    body: list[str] = []
    notes: dict[int, list[str]] = {}
    for line, info, role in zip(lines, document.lines, placed, strict=True):
        if info.kind is LineKind.RULE:
            continue
        if role is not None and role.role is not Role.BODY and role.note is not None:
            notes.setdefault(role.note, []).append(line)
        else:
            body.append(line)
    block = [line for number in sorted(notes) for line in notes[number]]
    return "\n".join([*body, "", "Dipnotlar", "", *block])
