"""The embedded article: the text every command reads when given no path.

The text ships byte for byte as extracted; its published record lives beside it as
JSON so that code never spells out anything about it, and its curated bibliography
(a copy of refs/bibliography.bib, kept equal by a test) beside that.
"""

from __future__ import annotations

import json
import os

import sources.data
from sources.model import ArticleInfo

ARTICLE_NAME = "topal-2018-karen"
ARTICLE_PATH = f"<embedded>/{ARTICLE_NAME}.txt"
BIBLIOGRAPHY_PATH = "<embedded>/bibliography.bib"


def _data(name: str) -> bytes:
    """A file of ``sources/data`` through the package's loader (a folder or a zip alike).

    importlib.resources would do the same at a sixth of the start-up time of ``sources check``.
    """
    folder = os.path.dirname(sources.data.__file__ or "")
    data: bytes = sources.data.__spec__.loader.get_data(os.path.join(folder, name))  # type: ignore[union-attr]
    return data


def article_bytes() -> bytes:
    """The embedded article exactly as shipped."""
    return _data(f"{ARTICLE_NAME}.txt")


def bibliography_text() -> str:
    """The curated bibliography of the embedded article (a copy of refs/bibliography.bib)."""
    return _data("bibliography.bib").decode("utf-8")


def article_info() -> ArticleInfo:
    """The embedded article's published record."""
    record = json.loads(_data(f"{ARTICLE_NAME}.json").decode("utf-8"))
    record.pop("about")
    return ArticleInfo(**record)
