"""The ``sources`` command: ``sources footnotes [PATH] [--format text|json]``.

Exit status: 0 on success, 2 on a usage or input error (with a message naming the file
and, where it applies, the line). Problems found in a readable text are printed to
standard error and do not change the status of a reading command.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import sources
from sources.errors import SourcesError
from sources.present import diagnostic_line, footnotes_json, footnotes_text

EXIT_OK, EXIT_USAGE = 0, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sources",
        description="Footnotes of scholarly texts as checked, typed citation records.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    footnotes = commands.add_parser(
        "footnotes",
        help="list every footnote with its marker, page, claim and text",
        description="List every footnote with its marker, page, claim and text. "
        "Without PATH, read the embedded article.",
    )
    footnotes.add_argument("path", nargs="?", metavar="PATH", help="a PDF-extracted text (default: embedded article)")
    footnotes.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    footnotes.add_argument("--encoding", help="the file's encoding when it is not UTF-8, e.g. cp1254")
    footnotes.add_argument("--first-page", type=int, metavar="N", help="number of the file's first page")
    footnotes.set_defaults(run=_footnotes)
    return parser


def _footnotes(args: argparse.Namespace) -> int:
    result = sources.read(args.path, encoding=args.encoding, first_page=args.first_page)
    print(footnotes_json(result) if args.format == "json" else footnotes_text(result))
    for diagnostic in result.diagnostics:
        print(diagnostic_line(diagnostic), file=sys.stderr)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        status: int = args.run(args)
    except SourcesError as error:
        print(f"sources: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (``| head``): not an error of ours
        return EXIT_OK
    return status
