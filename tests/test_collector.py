"""The cycle collector's policy: raised thresholds within a render, and what it finds as it found it."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from sources.collector import BLOCK_THRESHOLDS, rare_collections
from sources.csl import Style
from sources.csl.load import shipped_styles

REFERENCES = [
    {
        "id": "one",
        "type": "chapter",
        "author": [{"family": "van Dijk", "given": "Pieter"}, {"family": "Öztürk", "given": "Ayşe"}],
        "editor": [{"family": "de la Fontaine", "given": "Jean"}],
        "title": "Grain registers of the <i>port</i>",
        "container-title": "Essays on the archive",
        "issued": {"date-parts": [[1998, 3]]},
        "page": "12-40",
    },
    {
        "id": "two",
        "type": "article-journal",
        "author": [{"family": "Öztürk", "given": "Ayşe"}],
        "title": "Customs and caravans",
        "container-title": "Journal of Trade Studies",
        "issued": {"raw": "Spring 1998"},
        "volume": 4,
    },
    {"id": "three", "type": "book", "author": [{"literal": "Ottoman Archive"}], "title": "Inventory"},
]


@pytest.fixture
def thresholds() -> Iterator[None]:
    found = gc.get_threshold()
    yield
    gc.set_threshold(*found)


@pytest.mark.parametrize(
    ("program", "within"),
    [
        ((700, 10, 10), BLOCK_THRESHOLDS),
        ((5_000_000, 10, 5000), (5_000_000, 50, 5000)),
        ((0, 10, 10), (0, 10, 10)),
    ],
    ids=[
        "thresholds-are-raised-within-the-block",
        "higher-thresholds-of-the-program-are-kept",
        "a-program-that-turned-collection-off-is-left-so",
    ],
)
@pytest.mark.usefixtures("thresholds")
def test_the_block_raises_the_thresholds_and_restores_the_programs_after_it(
    program: tuple[int, int, int], within: tuple[int, int, int]
) -> None:
    gc.set_threshold(*program)
    with rare_collections():
        assert gc.get_threshold() == within
    assert gc.get_threshold() == program


@pytest.mark.usefixtures("thresholds")
def test_nested_blocks_restore_only_when_the_last_one_leaves_even_after_an_error() -> None:
    gc.set_threshold(700, 10, 10)
    with pytest.raises(ValueError, match="inner"), rare_collections():
        with rare_collections():
            pass
        assert gc.get_threshold() == BLOCK_THRESHOLDS
        raise ValueError("inner")
    assert gc.get_threshold() == (700, 10, 10)


@pytest.mark.usefixtures("thresholds")
def test_overlapping_blocks_in_threads_restore_the_thresholds_found_before_the_first() -> None:
    gc.set_threshold(700, 10, 10)
    inside = threading.Barrier(2)
    seen: list[tuple[int, int, int]] = []

    def work() -> None:
        with rare_collections():
            inside.wait()  # both threads are inside at once
            seen.append(gc.get_threshold())
            inside.wait()

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == [BLOCK_THRESHOLDS, BLOCK_THRESHOLDS]
    assert gc.get_threshold() == (700, 10, 10)


@pytest.mark.usefixtures("thresholds")
def test_a_render_leaves_the_collector_as_it_found_it() -> None:
    gc.set_threshold(700, 10, 10)
    Style.load("apa").render(REFERENCES)
    assert gc.get_threshold() == (700, 10, 10)


@pytest.mark.parametrize("style", shipped_styles())
def test_a_render_leaves_no_cyclic_garbage(style: str) -> None:
    """What makes collecting rarely during a render safe: refcounting frees everything it built."""
    compiled = Style.load(style)
    cites = [[{"id": "one"}, {"id": "two", "locator": "4"}], [{"id": "one"}], [{"id": "three"}]]
    for format in ("text", "html"):
        compiled.render(REFERENCES, cites, format=format)  # locales and caches load on the first render
        gc.collect()
        gc.disable()
        try:
            rendered = compiled.render(REFERENCES, cites, format=format)
            assert rendered.bibliography
            del rendered
            assert gc.collect() == 0
        finally:
            gc.enable()
