"""Fixtures of the CSL tests: the engine under test, and citeproc-js as the oracle."""

from __future__ import annotations

from types import ModuleType

import pytest

from csl import citeproc_oracle


@pytest.fixture(scope="session")
def csl() -> ModuleType:
    """``sources.csl`` with its rendering API, or a skip saying it is not in this tree."""
    try:
        from sources import csl
    except ImportError as error:  # pragma: no cover - only before the engine is merged
        pytest.skip(f"the CSL engine is not importable: {error}")
    if not hasattr(csl, "render"):  # the data folder alone makes a namespace package
        pytest.skip("the CSL engine (sources.csl.render) is not in this tree")
    return csl


@pytest.fixture(scope="session")
def citeproc_js() -> None:
    """Skip when Node or the npm package citeproc is missing."""
    reason = citeproc_oracle.unavailable()
    if reason:
        pytest.skip(f"citeproc-js oracle unavailable: {reason}")
