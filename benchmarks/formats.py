"""Reading and writing large bibliographies in every format, against the parsers underneath.

Run by hand (``python benchmarks/formats.py``) or in CI as a report; never as a timed
test. The library is the Zotero-shaped fixture of tests/cases (420 invented items)
repeated under new keys up to ``--entries``. Peers in the same run: ``json.loads`` of the
same CSL-JSON (the floor for reading it), rispy's own reading of the RIS we write, and
bibtexparser's own parsing of the .bib we write (what our .bib reader adds to it is
decoding and typing).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from timing import timed

from sources.bib.bibtex import parse_bibliography
from sources.bib.csljson import parse_csl_json
from sources.bib.export import export
from sources.bib.ris import parse_ris

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "cases" / "zotero-export.json"


def library(entries: int) -> str:
    items = json.loads(FIXTURE.read_text(encoding="utf-8"))
    grown = []
    for n in range(entries):
        item = dict(items[n % len(items)])
        item["id"] = item["citation-key"] = f"{item['id']}-{n // len(items)}"
        grown.append(item)
    return json.dumps(grown, ensure_ascii=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    import bibtexparser
    import rispy

    text = library(args.entries)
    print(f"{args.entries:,} entries, {len(text) / 1e6:.1f} MB of CSL-JSON (best of {args.repeat})")
    timed("peer: json.loads", lambda: json.loads(text), args.repeat)
    read = timed("sources: read CSL-JSON", lambda: parse_csl_json(text, "big.json"), args.repeat)
    csl = timed("sources: write CSL-JSON", lambda: export(read, "csl-json").text, args.repeat)
    bib = timed("sources: write BibLaTeX", lambda: export(read, "biblatex").text, args.repeat)
    timed("peer: bibtexparser parse of that .bib", lambda: bibtexparser.parse_string(bib), args.repeat)
    timed("sources: read that .bib", lambda: parse_bibliography(bib, "big.bib"), args.repeat)
    ris = timed("sources: write RIS", lambda: export(read, "ris").text, args.repeat)
    timed("peer: rispy.loads of that RIS", lambda: rispy.loads(ris), args.repeat)
    timed("sources: read that RIS", lambda: parse_ris(ris, "big.ris"), args.repeat)
    print(f"sizes: CSL-JSON {len(csl) / 1e6:.1f} MB, BibLaTeX {len(bib) / 1e6:.1f} MB, RIS {len(ris) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
