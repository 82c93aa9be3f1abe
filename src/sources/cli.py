"""The ``sources`` command: ``sources footnotes|citations [PATH] [--format text|json]``.

Exit status: 0 on success, 2 on a usage or input error (with a message naming the file
and, where it applies, the line). Problems found in a readable text are printed to
standard error and do not change the status of a reading command.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

import sources
from sources.errors import SourcesError
from sources.model import Footnotes
from sources.present import citations_json, citations_text, diagnostic_line, footnotes_json, footnotes_text

EXIT_OK, EXIT_USAGE = 0, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sources",
        description="Footnotes of scholarly texts as checked, typed citation records.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    readers = {
        "footnotes": ("list every footnote with its marker, page, claim and text", footnotes_text, footnotes_json),
        "citations": (
            "list every citation with its kind, name, year, locator and signal",
            citations_text,
            citations_json,
        ),
    }
    for name, (summary, as_text, as_json) in readers.items():
        command = commands.add_parser(
            name,
            help=summary,
            description=f"{summary[0].upper()}{summary[1:]}. Without PATH, read the embedded article.",
        )
        command.add_argument("path", nargs="?", metavar="PATH", help="a PDF-extracted text (default: embedded article)")
        command.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
        command.add_argument("--encoding", help="the file's encoding when it is not UTF-8, e.g. cp1254")
        command.add_argument("--first-page", type=int, metavar="N", help="number of the file's first page")
        command.set_defaults(run=_reader(as_text, as_json))
    return parser


def _reader(
    as_text: Callable[[Footnotes], str], as_json: Callable[[Footnotes], str]
) -> Callable[[argparse.Namespace], int]:
    """A command that reads a text and prints it in the chosen format, findings on stderr."""

    def run(args: argparse.Namespace) -> int:
        result = sources.read(args.path, encoding=args.encoding, first_page=args.first_page)
        print(as_json(result) if args.format == "json" else as_text(result))
        for diagnostic in result.diagnostics:
            print(diagnostic_line(diagnostic), file=sys.stderr)
        return EXIT_OK

    return run


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
