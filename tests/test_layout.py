"""Line widths: when they tell notes from body text, and when they do not."""

from __future__ import annotations

import random

import pytest

import sources
from sources.readers.layout import Role, place_lines, wide_threshold


def spread(center: int, count: int, seed: int) -> list[int]:
    rng = random.Random(seed)
    return [center + rng.randint(-3, 3) for _ in range(count)]


@pytest.mark.parametrize(
    ("lengths", "expected"),
    [
        (spread(40, 200, 1) + spread(53, 40, 2) + [12, 20, 25] * 10, range(44, 51)),
        (spread(40, 200, 1) + [30, 22, 25] * 30, None),
        ([40] * 50 + [38] * 30, None),
        (spread(40, 10, 1) + spread(53, 5, 2), None),
        (spread(40, 200, 1) + spread(53, 3, 2), None),
    ],
    ids=["body-and-notes", "body-only-with-short-lines", "close-spikes", "too-few-lines", "too-few-notes"],
)
def test_wide_threshold(lengths: list[int], expected: range | None) -> None:
    threshold = wide_threshold(lengths)
    if expected is None:
        assert threshold is None
    else:
        assert threshold in expected


def test_the_article_threshold_separates_its_widths() -> None:
    document = sources.load()
    assert wide_threshold([len(line.text) for line in document.lines if line.text]) == 47


def test_every_text_line_of_the_article_is_placed() -> None:
    document = sources.load()
    placed = place_lines(document)
    roles = [p.role for line, p in zip(document.lines, placed, strict=True) if line.kind.value == "text"]
    assert None not in roles
    assert roles.count(Role.NOTE_START) == 88
