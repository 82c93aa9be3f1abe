"""A resolved text in a style: the bibliography of the works it cites and its notes rewritten.

The record is light to import (``sources.Rendering``); the stages and the CSL processor load
when something is rendered.
"""

from __future__ import annotations

from os import PathLike
from typing import TYPE_CHECKING, Any

from attrs import frozen

from sources.records import record_repr
from sources.rendering import DEFAULT_LANG, DEFAULT_STYLE

if TYPE_CHECKING:
    from sources.bib.resolve import Resolved
    from sources.csl.api import Style
    from sources.model import NoteText, Span


@frozen
class Rendering:
    """A text's works and notes in one style, language and output format.

    ``bibliography`` holds ``(key, entry)`` in the style's order, ``notes`` ``(number, text)``
    in the text's order (empty unless the notes were asked for), ``warnings`` what could not
    be rendered and why, and ``text`` the whole output in ``format``.
    """

    __repr__ = record_repr

    style: str
    lang: str
    format: str
    bibliography: tuple[tuple[str, str], ...]
    notes: tuple[tuple[int, str], ...]
    warnings: tuple[str, ...]
    text: str


def render_resolved(
    resolved: Resolved,
    style: str | PathLike[str] = DEFAULT_STYLE,
    *,
    lang: str | None = None,
    format: str = "text",
    notes: bool = False,
) -> Rendering:
    """Render what ``resolved`` cites in ``style``; with ``notes``, its notes as well."""
    from sources.csl.api import Style
    from sources.rendering.items import cited_keys, csl_items
    from sources.rendering.output import FORMATS, as_text, engine_format

    if format not in FORMATS:
        from sources.errors import SourcesError

        raise SourcesError(f"unknown output format {format!r} (known: {', '.join(FORMATS)})")
    compiled = Style.load(style)
    tag = lang or compiled.default_locale or DEFAULT_LANG
    warnings: list[str] = []
    items = csl_items(resolved, cited_keys(resolved), compiled.locale(tag, warnings))
    markup = engine_format(format)
    bibliography = compiled.render(items, None, lang=tag, format=markup)
    warnings += bibliography.warnings
    rewritten: list[tuple[int, str]] = []
    if notes or format == "json":
        rewritten = _notes(resolved, compiled, items, lang=tag, markup=markup, warnings=warnings)
    entries = tuple(bibliography.bibliography)
    once = tuple(dict.fromkeys(warnings))  # both runs report what is wrong with the items and the locale
    text = as_text(format, entries, tuple(rewritten), once, notes)
    return Rendering(str(style), tag, format, entries, tuple(rewritten), once, text)


def _notes(
    resolved: Resolved, style: Style, items: list[dict[str, Any]], *, lang: str, markup: str, warnings: list[str]
) -> list[tuple[int, str]]:
    """Every note with text, its citations in the style's form, in the text's order."""
    from sources.rendering.clusters import cite_of, cluster
    from sources.rendering.notes import SEAM, needs_seam, note_cites, splice, split_seam
    from sources.rendering.output import escape

    locale = style.locale(lang, warnings)
    by_id = {item["id"]: item for item in items}
    clusters: list[dict[str, Any]] = []
    places: list[tuple[int, Span, str]] = []  # (index of the note in ``written``, span in its text, raw) per cluster
    written: list[NoteText] = []
    for footnote in resolved.footnotes.footnotes:
        if footnote.note is None:
            continue
        cites = note_cites(footnote, by_id)
        if isinstance(cites, str):
            warnings.append(f"note {footnote.number}: {cites}; the note is left as written")
            cites = []
        for k, (citation, span) in enumerate(cites):
            cite, item = cite_of(citation, by_id[str(citation.source)], locale)
            by_id.setdefault(item["id"], item)
            if needs_seam(footnote.note.stitch.text, span.end):
                cite["suffix"] = cite.get("suffix", "") + SEAM
            clusters.append(cluster(f"note-{footnote.number}-{k + 1}", footnote.number, cite))
            places.append((len(written), span, citation.raw))
        written.append(footnote.note)
    rendered = style.render(list(by_id.values()), clusters, lang=lang, format=markup)
    warnings += rendered.warnings
    by_note: dict[int, list[tuple[int, int, str]]] = {}
    for (index, span, raw), output in zip(places, rendered.citations, strict=True):
        text = output
        if not split_seam(output)[0].strip():
            number = written[index].number
            warnings.append(f"note {number}: the style gives {raw!r} no form here; it is left as written")
            text = escape(markup)(raw)
        by_note.setdefault(index, []).append((span.start, span.end, text))
    return [
        (note.number, splice(note.stitch.text, by_note.get(index, []), escape(markup)))
        for index, note in enumerate(written)
    ]
