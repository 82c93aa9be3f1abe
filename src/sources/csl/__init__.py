"""A CSL 1.0.2 processor: citation styles compiled once, rendered to text, HTML, Markdown or LaTeX.

from sources.csl import render, Style

style = Style.load("apa")
result = style.render(references, [[{"id": "smith2020", "locator": "12"}]], format="html")
"""

from sources.csl.api import Rendered, Style, load_style, render
from sources.csl.load import shipped_styles

__all__ = ["Rendered", "Style", "load_style", "render", "shipped_styles"]
