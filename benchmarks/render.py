"""``sources render``: the article cold on the command line, and a large bibliography in a style.

Run by hand (``python benchmarks/render.py --big``) or in CI as a report (small sizes by
default); never as a timed test. Peers in the same run: ``python -c pass`` (the floor of a
cold start) and ``sources footnotes`` (reading the article without rendering) for the command
line; for the bibliography, ``json.loads`` of the same CSL-JSON, and citeproc-py when it is
installed (a peer only, never a dependency). The items are generated deterministically: books,
journal articles and chapters by one to three of a few hundred surnames, with Turkish letters.
"""

from __future__ import annotations

import argparse
import functools
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from timing import timed

COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "sources footnotes": [sys.executable, "-m", "sources", "footnotes"],
    "sources render": [sys.executable, "-m", "sources", "render"],
    "sources render --notes": [sys.executable, "-m", "sources", "render", "--notes"],
    "sources render --notes --style chicago-...": [
        *(sys.executable, "-m", "sources", "render", "--notes"),
        *("--style", "chicago-notes-bibliography", "--lang", "en-US"),
    ],
}
STYLES = Path(__file__).resolve().parent.parent / "src" / "sources" / "csl" / "data" / "styles"
_STEMS = "Akın Çelik Ğüzel Işık İnan Öztürk Şahin Ünal Yılmaz Kaya Demir Arslan Doğan Koç Kurt Özdemir Aydın".split()
_TYPES = ("book", "article-journal", "chapter")


def items(count: int) -> list[dict[str, Any]]:
    """``count`` CSL-JSON items, the same on every run."""
    out = []
    for n in range(count):
        kind = _TYPES[n % 3]
        authors = [
            {"family": f"{_STEMS[(n + k * 7) % len(_STEMS)]}{'oğlu' * ((n // 17 + k) % 2)}", "given": f"A{k}."}
            for k in range(1 + n % 3)
        ]
        item: dict[str, Any] = {
            "id": f"w{n}",
            "type": kind,
            "author": authors,
            "title": f"Eser {n}: Osmanlı ve Cumhuriyet",
            "issued": {"date-parts": [[1900 + n % 120]]},
        }
        if kind == "article-journal":
            item |= {"container-title": f"Dergi {n % 50}", "volume": str(n % 40), "page": f"{n % 300}-{n % 300 + 20}"}
        else:
            item |= {"publisher": f"Yayınevi {n % 80}", "publisher-place": "İstanbul"}
        if kind == "chapter":
            item |= {"container-title": f"Derleme {n % 60}", "editor": [{"family": "Editör", "given": "B."}]}
        out.append(item)
    return out


def wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, cwd=Path.home())
    return time.perf_counter() - start


def _citeproc_py(references: list[dict[str, Any]], style: str) -> Callable[[], Any] | None:
    try:
        from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
        from citeproc.source.json import CiteProcJSON
    except ImportError:
        return None

    def run() -> Any:
        bibliography = CitationStylesBibliography(
            CitationStylesStyle(style, validate=False), CiteProcJSON(references), formatter.plain
        )
        for item in references:
            bibliography.register(Citation([CitationItem(item["id"])]))
        # Without sort() citeproc-py lists entries in the order they were registered, not the style's.
        bibliography.sort()
        return bibliography.bibliography()

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="cold starts per command (best is reported)")
    parser.add_argument("--entries", type=int, default=1_000, help="items of the generated bibliography")
    parser.add_argument("--big", action="store_true", help="10,000 items, as the issue asks")
    parser.add_argument("--repeat", type=int, default=1, help="renders of the bibliography (best is reported)")
    args = parser.parse_args()
    entries = 10_000 if args.big else args.entries

    print(f"cold start, best of {args.runs}:")
    for name, command in COMMANDS.items():
        print(f"  {name:<46} {min(wall(command) for _ in range(args.runs)):7.3f} s")

    from sources.csl.api import Style

    references = items(entries)
    text = json.dumps(references, ensure_ascii=False)
    print(f"{entries:,} generated items, {len(text) / 1e6:.1f} MB of CSL-JSON (best of {args.repeat}):")
    timed("  peer: json.loads", lambda: json.loads(text), args.repeat)
    for style in ("isnad-dipnotlu", "apa"):
        work = functools.partial(Style.load(style).render, references, lang="tr-TR")
        timed(f"  sources: bibliography in {style}", work, args.repeat)
        peer = _citeproc_py(references, str(STYLES / f"{style}.csl"))
        if peer is not None:
            timed(f"  peer: citeproc-py, {style}", peer, args.repeat)
    compiled = Style.load("isnad-dipnotlu")
    clusters = [[{"id": f"w{n % entries}", "locator": str(n % 300 + 1)}] for n in range(entries)]
    timed("  sources: as many notes in isnad-dipnotlu", lambda: compiled.render(references, clusters), args.repeat)


if __name__ == "__main__":
    main()
