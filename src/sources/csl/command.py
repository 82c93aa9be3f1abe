"""``sources csl``: render citeproc-style JSON input (references, citations, style, lang) to JSON output.

Kept free of the processor's imports at module level, so that the CLI starts fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from sources.errors import InputError

DEFAULT_STYLE = "chicago-author-date"
MAX_INPUT = 100_000_000
FORMATS = ("text", "html", "markdown", "latex")


def add_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = commands.add_parser(
        "csl",
        help="render references and citations in a CSL style (input as for citeproc: JSON)",
        description="Render CSL-JSON references and citation clusters in a CSL style. INPUT (default: standard "
        'input) is {"references": [...], "citations": [...], "style": ..., "lang": ...}; citations are '
        "citeproc citation objects or bare lists of cites; without them every reference is in the bibliography. "
        'Prints {"citations": [...], "bibliography": [[id, entry], ...], "warnings": [...]}.',
    )
    command.add_argument("input", nargs="?", metavar="INPUT.json", help="the input file (default: standard input)")
    command.add_argument(
        "--style",
        metavar="NAME|PATH",
        help=f"a shipped style name or a .csl file (default: the input's style, else {DEFAULT_STYLE})",
    )
    command.add_argument("--references", metavar="FILE", help="CSL-JSON references (replace the input's)")
    command.add_argument("--lang", metavar="LL-CC", help="the locale, e.g. tr-TR (default: the input's or the style's)")
    command.add_argument("--format", choices=FORMATS, default="text", help="markup of the strings (default: text)")
    command.set_defaults(run=run)


def _read_json(path: str | None) -> Any:
    name = path or "<stdin>"
    try:
        if path is None:
            text = sys.stdin.read(MAX_INPUT + 1)
        else:
            with Path(path).open(encoding="utf-8") as handle:
                text = handle.read(MAX_INPUT + 1)
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(name, f"cannot read: {error}") from None
    if len(text) > MAX_INPUT:
        raise InputError(name, f"larger than {MAX_INPUT} characters")
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(name, f"not JSON: {error.msg}", error.lineno, error.colno) from None
    except RecursionError:
        raise InputError(name, "JSON nested too deeply") from None


def run(args: argparse.Namespace) -> int:
    from sources.csl.api import Style

    data = _read_json(args.input)
    if isinstance(data, list):
        data = {"references": data}
    if not isinstance(data, dict):
        raise InputError(args.input or "<stdin>", "expected an object with references (or a list of references)")
    references = _read_json(args.references) if args.references else data.get("references", [])
    if isinstance(references, dict):
        references = references.get("references", [])
    if not isinstance(references, list):
        raise InputError(args.references or args.input or "<stdin>", "references must be a list")
    citations = data.get("citations")
    if citations is not None and not isinstance(citations, list):
        raise InputError(args.input or "<stdin>", "citations must be a list")
    style_name = args.style or data.get("style") or DEFAULT_STYLE
    if not isinstance(style_name, str):
        raise InputError(args.input or "<stdin>", "style must be a name, a path or CSL XML")
    lang = args.lang or data.get("lang")
    style = Style.load(style_name)
    rendered = style.render(references, citations, lang=lang if isinstance(lang, str) else None, format=args.format)
    output = {
        "citations": rendered.citations,
        "bibliography": [[item, entry] for item, entry in rendered.bibliography],
        "warnings": rendered.warnings,
    }
    print(json.dumps(output, ensure_ascii=False, indent=2))
    return 0
