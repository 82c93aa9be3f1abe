"""Minimal CSL styles written inline for focused tests."""

from __future__ import annotations

from typing import Any

from sources.csl import Rendered, render


def style_xml(
    citation: str = '<text variable="title"/>',
    bibliography: str = "",
    citation_attrs: str = "",
    bibliography_attrs: str = "",
    macros: str = "",
    style_attrs: str = "",
    locale: str = "",
    sort: str = "",
) -> str:
    bib = (
        f"<bibliography {bibliography_attrs}>{sort}<layout>{bibliography}</layout></bibliography>"
        if bibliography
        else ""
    )
    return (
        f'<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" {style_attrs}>'
        f"<info><id>test</id><title>test</title></info>{locale}{macros}"
        f"<citation {citation_attrs}><layout>{citation}</layout></citation>{bib}</style>"
    )


def bib(
    layout: str, items: list[dict[str, Any]], fmt: str = "text", lang: str | None = None, **kwargs: str
) -> list[str]:
    """The bibliography entries of ``items`` under a one-layout style."""
    result: Rendered = render(style_xml(bibliography=layout, **kwargs), items, lang=lang, format=fmt)
    return [entry for _, entry in result.bibliography]


def cite(
    layout: str, items: list[dict[str, Any]], clusters: list[Any] | None = None, fmt: str = "text", **kwargs: str
) -> list[str]:
    clusters = clusters if clusters is not None else [[{"id": item["id"]}] for item in items]
    return render(style_xml(citation=layout, **kwargs), items, clusters, format=fmt).citations
