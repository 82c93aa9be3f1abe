"""Conformance: the official CSL processor test suite, from the folder named by CSL_TEST_SUITE.

Fixtures listed in ``passing.txt`` must keep passing (the list may only grow); the others are expected
failures until they pass, when ``benchmarks/csl_suite.py --write-passing`` adds them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from csl.suite import fixture_paths, parse_fixture, passes, suite_folder

PASSING = Path(__file__).with_name("passing.txt")
RATCHET = frozenset(PASSING.read_text(encoding="utf-8").split())
FOLDER = suite_folder()
PATHS = fixture_paths(FOLDER) if FOLDER is not None else []


@pytest.mark.skipif(FOLDER is None, reason="CSL_TEST_SUITE is not set (a folder of processor-tests/humans)")
@pytest.mark.parametrize("path", PATHS, ids=[path.stem for path in PATHS])
def test_fixture_renders_as_the_suite_expects(path: Path) -> None:
    fixture = parse_fixture(path)
    ok, ours = passes(fixture)
    if fixture.name in RATCHET:
        assert ok, f"{fixture.name} passed before and fails now:\n-- expected\n{fixture.result}\n-- ours\n{ours}"
    elif not ok:
        pytest.xfail("not yet conformant")


def test_ratchet_lists_only_fixture_names() -> None:
    assert RATCHET, "passing.txt is empty"
    assert all("_" in name and not name.endswith(".txt") for name in RATCHET)


@pytest.mark.skipif(FOLDER is None, reason="CSL_TEST_SUITE is not set")
def test_ratchet_names_exist_in_the_suite() -> None:
    names = {path.stem for path in PATHS}
    assert sorted(RATCHET - names) == []
