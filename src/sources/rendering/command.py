"""``sources render``: a text's cited works, or its notes rewritten, in a CSL style.

Kept free of the processor's imports at module level, so that the CLI starts fast.
"""

from __future__ import annotations

import argparse
import sys

from sources import options
from sources.printable import to_stderr
from sources.rendering import DEFAULT_LANG, DEFAULT_STYLE
from sources.rendering.output import FORMATS


def add_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = commands.add_parser(
        "render",
        help="the bibliography of the works a text cites, or its notes rewritten, in a CSL style",
        description="Render the works a text cites (default: the embedded article, against its curated "
        "bibliography) in a CSL style, in the style's order; with --notes, every footnote with each citation "
        "in the style's form (full on first cite, short later, ibid where the style has it) and the note's "
        "commentary kept. Notes with citations that cannot be resolved are left as written and named on "
        "standard error.",
    )
    options.texts(
        command, dest="path", nargs="?", help_text="a PDF text, Markdown or LaTeX file (default: embedded article)"
    )
    options.bibliography(command)
    command.add_argument(
        "--style", metavar="NAME|PATH", default=DEFAULT_STYLE, help=f"a shipped style or a .csl file ({DEFAULT_STYLE})"
    )
    command.add_argument(
        "--lang", metavar="LL-CC", help=f"the locale, e.g. en-US (default: the style's, else {DEFAULT_LANG})"
    )
    command.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    command.add_argument("--notes", action="store_true", help="rewrite the notes instead of listing the works")
    options.output(command)
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import sources

    rendering = sources.render(
        args.path,
        bib=args.bib,
        style=args.style,
        lang=args.lang,
        format=args.format,
        notes=args.notes,
        encoding=args.encoding,
        first_page=args.first_page,
        bib_format=args.bib_format,
        input_format=args.input_format,
        output=args.output,
    )
    if args.output is None:
        sys.stdout.write(rendering.text)
    if args.format != "json":  # JSON carries its warnings
        for warning in rendering.warnings:
            to_stderr(f"sources: warning: {warning}")
    return 0
