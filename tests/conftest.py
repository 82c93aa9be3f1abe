"""Shared fixtures: the embedded article and its reading."""

from __future__ import annotations

import pytest

import sources
from sources.article import article_bytes
from sources.model import Footnotes


@pytest.fixture(scope="session")
def article_text() -> str:
    return article_bytes().decode("utf-8")


@pytest.fixture(scope="session")
def article() -> Footnotes:
    return sources.read()
