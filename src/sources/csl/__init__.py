"""A CSL 1.0.2 processor: citation styles compiled once, rendered to text, HTML, Markdown or LaTeX.

    from sources.csl import render, Style

    style = Style.load("apa")
    result = style.render(references, [[{"id": "smith2020", "locator": "12"}]], format="html")

The processor's modules load on first use of these names, so that the CLI starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sources.csl.api import Rendered, Style, load_style, render
    from sources.csl.load import shipped_styles

__all__ = ["Rendered", "Style", "load_style", "render", "shipped_styles"]


def __getattr__(name: str) -> object:
    if name == "shipped_styles":
        from sources.csl import load

        return load.shipped_styles
    if name in __all__:
        from sources.csl import api

        return getattr(api, name)
    raise AttributeError(f"module 'sources.csl' has no attribute {name!r}")
