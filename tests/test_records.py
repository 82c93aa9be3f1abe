"""Records print as attrs prints them, from one shared ``__repr__``."""

from __future__ import annotations

import enum
from typing import Any

import pytest
from attrs import field, frozen

import sources
from sources.model import Citation, Name, Span
from sources.records import record_repr


class Colour(enum.Enum):
    RED = "red"


def pair(**fields: Any) -> tuple[type, type]:
    """The same record twice: with attrs' own ``__repr__`` and with :func:`record_repr`."""
    annotations = dict.fromkeys(fields, "Any")
    own = frozen(type("Record", (), {"__annotations__": annotations, **fields}))
    shared = frozen(type("Record", (), {"__annotations__": annotations, **fields, "__repr__": record_repr}))
    return own, shared


@pytest.mark.parametrize(
    ("fields", "values"),
    [
        pytest.param({"a": field(), "b": field(default=None)}, (1, None), id="numbers and None"),
        pytest.param({"text": field()}, ('it\'s "quoted"\n',), id="a string with quotes and a line break"),
        pytest.param(
            {"kind": field(), "parts": field()}, (Colour.RED, (Span(1, 2), "x")), id="an enum and nested records"
        ),
        pytest.param({"shown": field(), "hidden": field(repr=False)}, (1, 2), id="a field kept out of repr"),
        pytest.param({"value": field(repr=lambda v: f"<{v}>")}, (3,), id="a field with its own repr"),
        pytest.param({}, (), id="no fields"),
    ],
)
def test_a_record_prints_as_attrs_prints_it(fields: dict[str, Any], values: tuple[Any, ...]) -> None:
    own, shared = pair(**fields)
    assert repr(shared(*values)) == repr(own(*values))


def test_the_records_of_a_reading_print_their_fields() -> None:
    citation = next(c for c in sources.read().citations if c.locator is not None)
    text = repr(citation)
    assert text.startswith(f"Citation(footnote={citation.footnote!r}, kind={citation.kind!r}, ")
    assert f"span={citation.span!r}" in text
    assert f"locator={citation.locator!r}" in text
    assert repr(Name("Atatürk", "", "Atatürk")) == "Name(raw='Atatürk', first='', last='Atatürk', literal=False)"
    assert Citation.__repr__ is record_repr
