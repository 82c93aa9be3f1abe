"""Records → what the command line prints: plain text for people, JSON for tools."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable
from typing import Any

from sources.bib.resolve import Resolved
from sources.checks.report import plural
from sources.citations.calendars import CitedDate
from sources.model import Citation, CitationKind, Diagnostic, Document, Footnote, Footnotes, Source, Span


def footnote_json(footnote: Footnote, document: Document) -> dict[str, Any]:
    """One footnote as the JSON object ``sources footnotes --format json`` prints."""
    marker, claim, note = footnote.marker, footnote.claim, footnote.note
    line = column = None
    if marker is not None:
        line, column = document.index.locate(marker.span.start)
    return {
        "number": footnote.number,
        "text": footnote.text,
        "claim": claim.text if claim else None,
        "page": marker.page if marker else None,
        "line": line,
        "column": column,
        "section": _section_label(footnote),
        "note_page": note.page if note else None,
        "note_line": document.index.locate(note.span.start)[0] if note else None,
        "fragments": [_lines(document, span) for span in note.fragments] if note else [],
    }


def footnotes_json(result: Footnotes) -> str:
    return _dump([footnote_json(f, result.document) for f in result.footnotes])


def citation_json(citation: Citation, document: Document) -> dict[str, Any]:
    """One citation as the JSON object ``sources citations --format json`` prints."""
    locator = citation.locator
    line, column = document.index.locate(citation.span.start)
    keyed = (
        {
            "group": citation.group,
            "key": citation.key,
            "mode": citation.mode.value if citation.mode else None,
            "prefix": citation.prefix,
            "suffix": citation.suffix,
        }
        if citation.kind is CitationKind.KEYED
        else {}
    )
    return {
        "footnote": citation.footnote,
        **keyed,
        "raw": citation.raw,
        "kind": citation.kind.value,
        "name": citation.name,
        "year": citation.year,
        "locator": locator.raw if locator else None,
        "pages": [list(pair) for pair in locator.pages] or None if locator else None,
        "signal": citation.signal,
        "source": citation.source,
        "alias": citation.alias,
        "url": citation.url,
        "date": _date_json(citation.date),
        "locator_parts": [{"kind": part.kind.value, "label": part.label, "value": part.value} for part in locator.parts]
        if locator
        else [],
        "line": line,
        "column": column,
    }


def citations_json(result: Footnotes) -> str:
    return _dump([citation_json(c, result.document) for c in result.citations])


def citations_text(result: Footnotes) -> str:
    """One line per citation: note, kind, name, year, locator, signal."""
    rows = []
    for citation in result.citations:
        line = result.document.index.locate(citation.span.start)[0]
        year = citation.year or "—"
        locator = citation.locator.raw if citation.locator else "—"
        signal = f"  [{citation.signal}]" if citation.signal else ""
        note = "—" if citation.footnote is None else citation.footnote
        rows.append(f"{note:>4}  {line:>5}  {citation.kind.value:<19} {citation.name} · {year} · {locator}{signal}")
    header = f"{'note':>4}  {'line':>5}  {'kind':<19} name · year · locator  [signal]"
    return "\n".join([header, *rows])


def _date_json(date: CitedDate | None) -> dict[str, Any] | None:
    if date is None:
        return None
    return {
        "raw": date.raw,
        "ambiguous": date.ambiguous,
        "readings": [
            {"calendar": r.calendar.value, "start": r.start.isoformat(), "end": r.end.isoformat(), "note": r.note}
            for r in date.readings
        ],
    }


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def footnotes_text(result: Footnotes, width: int = 100) -> str:
    """Each note with its number, page, claim and text, wrapped for a terminal."""
    blocks = []
    for footnote in result.footnotes:
        data = footnote_json(footnote, result.document)
        page = f"page {data['page']}, " if data["page"] is not None else ""  # Markdown and LaTeX have no pages
        where = f"{page}line {data['line']}" if data["line"] else "no marker in the body"
        section = f" · {data['section']}" if data["section"] else ""
        lines = [f"[{footnote.number}] {where}{section}"]
        lines += _wrapped("claim", data["claim"] or "(none)", width)
        lines += _wrapped("note", data["text"] or "(missing)", width)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def diagnostic_line(diagnostic: Diagnostic) -> str:
    """``path:line:col: CODE message`` (the place left out where there is none)."""
    where = diagnostic.path or ""
    if diagnostic.line is not None:
        where += f":{diagnostic.line}:{diagnostic.column}"
    return f"{where}: {diagnostic.code} [{diagnostic.severity.value}] {diagnostic.message}"


def _section_label(footnote: Footnote) -> str | None:
    section = footnote.claim.section if footnote.claim else None
    if section is None:
        return None
    return f"{section.number}. {section.title}" if section.number else section.title


def _lines(document: Document, span: Span) -> list[int]:
    return [document.index.locate(span.start)[0], document.index.locate(max(span.end - 1, span.start))[0]]


def _wrapped(label: str, text: str, width: int) -> list[str]:
    indent = " " * 9
    return textwrap.wrap(text, width, initial_indent=f"  {label + ':':<7}", subsequent_indent=indent) or [f"  {label}:"]


def _use(resolved: Resolved, footnote: Footnote, citation: Citation) -> dict[str, Any]:
    """One use of an entry: the note, the locator, the claim it supports."""
    locator = citation.locator
    return {
        "footnote": footnote.number,
        "raw": citation.raw,
        "locator": locator.raw if locator else None,
        "pages": [list(pair) for pair in locator.pages] if locator else [],
        "line": resolved.footnotes.document.index.locate(citation.span.start)[0],
        "signal": citation.signal,
        "claim": footnote.claim.text if footnote.claim else None,
        "claim_page": footnote.marker.page if footnote.marker else None,
    }


def _entry(source: Source) -> dict[str, Any]:
    return {
        "key": source.key,
        "label": source.label,
        "kind": source.kind.value,
        "entry_type": source.entry_type,
        "title": source.title,
        "year": source.year,
        "line": source.line,
    }


def in_order(entries: Iterable[Source], lang: str = "tr") -> list[Source]:
    """Entries in the alphabetical order of ``lang``: family names (or shorthand, or title), year, given names."""
    from sources.collation import sort_key_for

    key = sort_key_for(lang)

    def order(source: Source) -> tuple[Any, ...]:
        names = source.authors or source.editors
        head = " ".join(n.last for n in names) if names else source.shorthand or source.title or ""
        given = " ".join(n.first for n in names)
        return (key(head), key(source.year or ""), key(given), key(source.title or ""), source.key)

    return sorted(entries, key=order)


def _body_use(resolved: Resolved, citation: Citation) -> dict[str, Any]:
    """One use of an entry in the body of a keyed text: no note, no claim."""
    locator = citation.locator
    return {
        "footnote": None,
        "raw": citation.raw,
        "locator": locator.raw if locator else None,
        "pages": [list(pair) for pair in locator.pages] if locator else [],
        "line": resolved.footnotes.document.index.locate(citation.span.start)[0],
        "signal": None,
        "claim": None,
        "claim_page": None,
    }


def sources_json(resolved: Resolved, lang: str = "tr") -> str:
    """Every entry with the citations of it, entries in ``lang``'s order, uses in text order."""
    return _dump(
        [
            {
                **_entry(s),
                "citations": [_use(resolved, f, c) for f, c in resolved.citing(s.key)]
                + [_body_use(resolved, c) for c in resolved.in_body(s.key)],
            }
            for s in in_order(resolved.bibliography.sources, lang)
        ]
    )


def sources_text(resolved: Resolved, lang: str = "tr") -> str:
    blocks = []
    for source in in_order(resolved.bibliography.sources, lang):
        uses = resolved.citing(source.key)
        body = resolved.in_body(source.key)
        title = f" — {source.title}" if source.title and source.title != source.label else ""
        head = f"{source.key}  {source.label}{title} ({source.kind.value})"
        if not uses and not body:
            blocks.append(f"{head}\n  not cited")
            continue
        places = [f"n. {f.number}" + (f": {c.locator.raw}" if c.locator else "") for f, c in uses]
        index = resolved.footnotes.document.index
        places += [f"l. {index.locate(c.span.start)[0]}" + (f": {c.locator.raw}" if c.locator else "") for c in body]
        blocks.append(f"{head}\n  {_count(resolved, source.key)}: " + "; ".join(places))
    return "\n".join(blocks)


def claims_json(resolved: Resolved, key: str) -> str:
    return _dump([_use(resolved, f, c) for f, c in resolved.citing(key)])


def claims_text(resolved: Resolved, key: str, width: int = 100) -> str:
    """The claims resting on one entry, each with its note, page and locator."""
    source = resolved.bibliography.get(key)
    uses = resolved.citing(key)
    label = source.label if source else key
    lines = [f"{key} — {label}: {_count(resolved, key)}"]
    for footnote, citation in uses:
        page = footnote.marker.page if footnote.marker else None
        where = f"[{footnote.number}] p. {page}" if page else f"[{footnote.number}]"
        locator = citation.locator.raw if citation.locator else "no locator"
        claim = footnote.claim.text if footnote.claim else "(no claim: the note has no marker)"
        lines.append("")
        lines.append(f"{where} · {locator}" + (f" [{citation.signal}]" if citation.signal else ""))
        lines += textwrap.wrap(claim, width, initial_indent="  ", subsequent_indent="  ")
    return "\n".join(lines)


def all_claims_json(resolved: Resolved, lang: str = "tr") -> str:
    """``{key: [uses]}`` for every cited entry, entries in ``lang``'s order, uses in text order."""
    cited = [s.key for s in in_order(resolved.bibliography.sources, lang) if resolved.citing(s.key)]
    return _dump({key: [_use(resolved, f, c) for f, c in resolved.citing(key)] for key in cited})


def all_claims_text(resolved: Resolved, lang: str = "tr", width: int = 100) -> str:
    """The claims of every cited entry, entries in ``lang``'s order."""
    cited = [s.key for s in in_order(resolved.bibliography.sources, lang) if resolved.citing(s.key)]
    return "\n\n".join(claims_text(resolved, key, width) for key in cited)


def _count(resolved: Resolved, key: str) -> str:
    uses = resolved.citing(key)
    notes = len({footnote.number for footnote, _ in uses})
    counted = f"{plural(len(uses), 'citation')} in {plural(notes, 'note')}"
    body = len(resolved.in_body(key))
    return f"{counted}, {plural(body, 'citation')} in the text" if body else counted
