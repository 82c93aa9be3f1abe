"""The public API: load a style once, render references and citation clusters in any output format."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from os import PathLike, fspath
from typing import Any

import attrs

from sources.collector import rare_collections
from sources.csl.compile import Compiler, Section
from sources.csl.formats import FORMATS
from sources.csl.items import prepare_item
from sources.csl.load import load_root
from sources.csl.locale import Locale, build_locale, known_locale
from sources.csl.process import Run
from sources.errors import CslError


@attrs.frozen
class Rendered:
    """The output of one rendering: one string per citation cluster, bibliography entries, warnings."""

    citations: list[str]
    bibliography: list[tuple[str, str]]
    warnings: list[str]


class Style:
    """A CSL style compiled once into Python functions; call :meth:`render` as often as needed."""

    def __init__(self, root: ET.Element, origin: str) -> None:
        self.origin = origin
        compiler = Compiler(root, origin)
        citation = compiler.section("citation")
        if citation is None:
            raise CslError(f"{origin}: the style has no <citation>")
        self.citation: Section = citation
        self.bibliography: Section | None = compiler.section("bibliography")
        self.default_locale = root.get("default-locale", "")
        self.note = root.get("class") == "note"
        self.locales = root.findall("locale")
        self.uses_condition = any(
            element.get("disambiguate") for element in root.iter() if element.tag in ("if", "else-if")
        )
        # Items get a default citation-label only for a style that names it (to print, test or sort).
        self.uses_label = any("citation-label" in value for element in root.iter() for value in element.attrib.values())
        self._locales: dict[str, Locale] = {}

    @classmethod
    def load(cls, style: str | PathLike[str]) -> Style:
        """A style from a shipped name, a ``.csl`` path or CSL XML text."""
        root, origin = load_root(fspath(style))
        return cls(root, origin)

    def locale(self, lang: str | None, warnings: list[str]) -> Locale:
        tag = lang or self.default_locale or "en-US"
        styled = {element.get("{http://www.w3.org/XML/1998/namespace}lang") for element in self.locales}
        if not known_locale(tag) and tag not in styled and tag.split("-")[0] not in styled:
            warnings.append(f"unknown locale {tag!r}: using en-US")
            tag = "en-US"
        found = self._locales.get(tag)
        if found is None:
            found = build_locale(tag, self.locales)
            self._locales[tag] = found
        return found

    def render(
        self,
        references: Sequence[Mapping[str, Any]],
        citations: Sequence[Any] | None = None,
        *,
        lang: str | None = None,
        format: str = "text",
    ) -> Rendered:
        """Render citation clusters and the bibliography; without ``citations`` every reference is listed.

        The cycle collector runs rarely meanwhile (:func:`sources.collector.rare_collections`): a render
        leaves no cyclic garbage, and full collections over the items cost a tenth of a large render.
        """
        if format not in FORMATS:
            raise CslError(f"unknown output format {format!r} (known: {', '.join(FORMATS)})")
        with rare_collections():
            return self._render(references, citations, lang, format)

    def _render(
        self, references: Sequence[Mapping[str, Any]], citations: Sequence[Any] | None, lang: str | None, format: str
    ) -> Rendered:
        warnings: list[str] = []
        items: dict[str, dict[str, Any]] = {}
        for number, raw in enumerate(references, start=1):
            if not isinstance(raw, Mapping):
                warnings.append(f"reference {number} is not an object and was skipped")
                continue
            reference = raw
            if "id" not in reference:
                warnings.append(f"reference {number} has no id: it is known as {number}")
                reference = {**raw, "id": str(number)}
            item = prepare_item(reference, warnings, self.uses_label)
            if item["id"] in items:
                # As in citeproc-js, a later definition replaces an earlier one.
                warnings.append(f"item {item['id']}: duplicate id, the last one is used")
                del items[item["id"]]
            items[item["id"]] = item
        clusters = _clusters(citations or [], items, warnings)
        run = Run(
            self.citation,
            self.bibliography,
            self.locale(lang, warnings),
            items,
            format,
            self.note,
            self.uses_condition,
            warnings,
        )
        if citations is None:
            bibliography_ids = list(items)
        else:
            bibliography_ids = list(dict.fromkeys(cite["id"] for _, cites in clusters for cite in cites))
        texts, entries = run.run(clusters, bibliography_ids)
        return Rendered(texts, entries, warnings)


def load_style(style: str | PathLike[str] | Style) -> Style:
    """A compiled style; a :class:`Style` is returned as it is."""
    return style if isinstance(style, Style) else Style.load(style)


def render(
    style: str | PathLike[str] | Style,
    references: Sequence[Mapping[str, Any]],
    citations: Sequence[Any] | None = None,
    *,
    lang: str | None = None,
    format: str = "text",
) -> Rendered:
    """Render ``references`` (CSL-JSON) and ``citations`` (clusters) in a style given by name, path or XML."""
    return load_style(style).render(references, citations, lang=lang, format=format)


_CITE_KEYS = frozenset(
    (
        "locator",
        "label",
        "prefix",
        "suffix",
        "position",
        "near-note",
        "suppress-author",
        "author-only",
        "type",
        "first-reference-note-number",
    )
)


def _clusters(
    citations: Sequence[Any], items: Mapping[str, Any], warnings: list[str]
) -> list[tuple[int, list[dict[str, Any]]]]:
    """Clusters as (note number, cites), from bare lists of cites or citeproc-style citation objects."""
    out: list[tuple[int, list[dict[str, Any]]]] = []
    for index, cluster in enumerate(citations, start=1):
        note = index
        if isinstance(cluster, Mapping):
            raw_items = cluster.get("citationItems", [])
            number = cluster.get("citationNoteNumber", cluster.get("properties", {}).get("noteIndex"))
            if isinstance(number, int):
                note = number
        else:
            raw_items = cluster
        cites = []
        for raw in raw_items if isinstance(raw_items, list) else []:
            if not isinstance(raw, Mapping) or str(raw.get("id")) not in items:
                warnings.append(
                    f"citation {index}: unknown item {raw.get('id') if isinstance(raw, Mapping) else raw!r}"
                )
                continue
            cite: dict[str, Any] = {"id": str(raw["id"])}
            # The cite's own keys, looked at once each (a cite holds two or three of the known ones).
            for key, value in raw.items():
                if value is None or key not in _CITE_KEYS:
                    continue
                cite[key] = value if key in ("position", "near-note") or isinstance(value, bool) else str(value)
            if cite.get("type") not in (None, "normal-cite", "suppress-author", "author-only"):
                cite.pop("type")
            cites.append(cite)
        out.append((note, cites))
    return out
