"""Fixtures of the CSL tests: the engine under test, and citeproc-js as the oracle."""

from __future__ import annotations

from types import ModuleType

import pytest

from csl import citeproc_oracle


@pytest.fixture(scope="session")
def csl() -> ModuleType:
    """``sources.csl``, the engine under test."""
    from sources import csl

    return csl


@pytest.fixture(scope="session")
def citeproc_js() -> None:
    """Skip when Node or the npm package citeproc is missing."""
    reason = citeproc_oracle.unavailable()
    if reason:
        pytest.skip(f"citeproc-js oracle unavailable: {reason}")
