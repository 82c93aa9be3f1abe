"""The embedded article: the text every command reads when given no path.

The text ships byte for byte as extracted; its published record lives beside it as
JSON so that code never spells out anything about it, and its curated bibliography
(a copy of refs/bibliography.bib, kept equal by a test) beside that.
"""

from __future__ import annotations

import json
from importlib import resources

from sources.model import ArticleInfo

ARTICLE_NAME = "topal-2018-karen"
ARTICLE_PATH = f"<embedded>/{ARTICLE_NAME}.txt"
BIBLIOGRAPHY_PATH = "<embedded>/bibliography.bib"


def article_bytes() -> bytes:
    """The embedded article exactly as shipped."""
    return resources.files("sources.data").joinpath(f"{ARTICLE_NAME}.txt").read_bytes()


def bibliography_text() -> str:
    """The curated bibliography of the embedded article (a copy of refs/bibliography.bib)."""
    return resources.files("sources.data").joinpath("bibliography.bib").read_text("utf-8")


def article_info() -> ArticleInfo:
    """The embedded article's published record."""
    record = json.loads(resources.files("sources.data").joinpath(f"{ARTICLE_NAME}.json").read_text("utf-8"))
    record.pop("about")
    return ArticleInfo(**record)
