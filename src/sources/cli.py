"""The ``sources`` command.

``sources footnotes|citations|sources|claims [PATH ...] [--bib FILE] [--format text|json] [--from FORMAT]``
``sources check [PATH ...] [--bib FILE] [--format text|json|github|sarif] [--select ...] [--from FORMAT]``
``sources export [--bib FILE] --to csl-json|biblatex|bibtex|ris [--output FILE]``
``sources render [PATH] [--bib FILE] [--style NAME|PATH] [--lang LL-CC] [--format ...] [--notes] [--from FORMAT]``
``sources csl [INPUT.json] [--style NAME|PATH] [--references FILE] [--lang LL-CC] [--format text|html|...]``

A PATH ending in .md, .markdown or .qmd is read as Markdown, in .tex or .ltx as LaTeX, any
other as PDF text, unless ``--from pdf-text|markdown|latex`` says otherwise. ``--bib`` reads
``.bib``, CSL-JSON (``.json``) and RIS (``.ris``); ``--bib-format`` names the format of a
file whose extension does not tell it.

Exit status: 0 on success, 2 on a usage or input error (with a message naming the file
and, where it applies, the line). Problems found in a readable text are printed to
standard error and do not change the status of the reading commands; ``check`` exits 1
when it finds problems at or above the failing severity.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import sources
from sources import options
from sources.bib.formats import TARGETS as BIB_TARGETS
from sources.bib.resolve import Resolved
from sources.checks import config, report
from sources.collector import tune_collector
from sources.errors import SourcesError
from sources.model import Diagnostic, Footnotes
from sources.printable import printable, to_stderr

# sources.present (what the reading commands print) loads in the functions that print it:
# sources check prints reports of its own (sources.checks.report).
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command's parser; for ``argv`` (default: the process's arguments) that name a
    subcommand, that subcommand alone, else all of them (for help and for errors).

    Each subcommand is a parser with its options, which argparse builds at a cost: a run
    of one command builds one.
    """
    parser: argparse.ArgumentParser = _Building(  # its subcommands are built as _Building too
        prog="sources",
        description="Footnotes of scholarly texts as checked, typed citation records.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    named = next(iter(sys.argv[1:] if argv is None else argv), None)
    for name, add_command in _COMMANDS.items():
        if named not in _COMMANDS or name == named:
            add_command(commands)
    for built in (parser, *commands.choices.values()):
        built.formatter_class = argparse.HelpFormatter  # help, usage and errors: at the terminal's width
    return parser


class _Building(argparse.ArgumentParser):
    """A parser being built: the help formatters argparse makes meanwhile are never printed.

    argparse makes a formatter for every argument added, only to check its metavar (and
    one for the subcommands' program name, ``sources``, too short to wrap at any width),
    and its own formatter asks shutil for the terminal's width: loading shutil (with zlib,
    bz2 and lzma) was 2 ms of a cold start that prints no help. :func:`build_parser`
    gives every parser argparse's own formatter back once it is built.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(formatter_class=_unprinted, **kwargs)


def _unprinted(prog: str) -> argparse.HelpFormatter:
    return argparse.HelpFormatter(prog, width=80)


def _footnotes_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    footnotes = _command(commands, "footnotes", "list every footnote with its marker, page, claim and text")
    footnotes.set_defaults(run=_each_path, each=_footnotes)


def _citations_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    citations = _command(commands, "citations", "list every citation with its kind, name, year, locator and entry")
    options.bibliography(citations)
    citations.set_defaults(run=_each_path, each=_citations)


def _sources_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    entries = _command(
        commands, "sources", "list every bibliography entry with the citations, notes and pages citing it"
    )
    options.bibliography(entries)
    entries.add_argument("--lang", default="tr", help="alphabetical order of this language (default: tr)")
    entries.set_defaults(run=_each_path, each=_sources)


def _claims_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    claims = _command(commands, "claims", "list the claims that rest on a bibliography entry, with their locators")
    options.bibliography(claims)
    claims.add_argument(
        "--source", metavar="KEY", help="the entry's key, e.g. tuncay1978 (default: every cited entry, in --lang order)"
    )
    claims.add_argument("--lang", default="tr", help="alphabetical order of the entries (default: tr)")
    claims.set_defaults(run=_each_path, each=_claims)


def _render_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from sources.rendering.command import add_command

    add_command(commands)


def _csl_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from sources.csl.command import add_command

    add_command(commands)


def _export_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = commands.add_parser(
        "export",
        help="write a bibliography as CSL-JSON, BibLaTeX, BibTeX or RIS",
        description="Write a bibliography (default: the embedded article's curated one) in another format, "
        "to standard output or atomically to --output. Each field the target cannot carry is named on "
        "standard error.",
    )
    options.bibliography(export, "the bibliography to export (default: the embedded one)")
    export.add_argument("--to", required=True, choices=BIB_TARGETS, help="the format to write")
    options.output(export)
    export.set_defaults(run=_export)


def _export(args: argparse.Namespace) -> int:
    from sources import present

    exported = sources.export(args.bib, args.to, bib_format=args.bib_format, output=args.output)
    if args.output is None:
        sys.stdout.write(exported.text)
    for diagnostic in exported.diagnostics:
        to_stderr(present.diagnostic_line(diagnostic))
    for warning in exported.warnings:
        to_stderr(f"sources: warning: {warning}")
    return EXIT_OK


def _check_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = commands.add_parser(
        "check",
        help="report broken references, with rule codes; exit 1 on findings at or above --fail-on",
        description="Check texts (default: the embedded article) and their bibliography. Exit status: 0 clean, "
        "1 findings at or above the failing severity, 2 usage or input error. Options override "
        "[tool.sources] in the nearest pyproject.toml.",
    )
    options.texts(check)
    options.bibliography(check)
    check.add_argument("--format", choices=report.FORMATS, help="text (default), json, github or sarif")
    check.add_argument("--select", metavar="CODES", help="codes, prefixes or names to report, comma-separated")
    check.add_argument("--ignore", metavar="CODES", help="codes, prefixes or names not to report")
    check.add_argument("--fail-on", choices=config.FAIL_ON, help="lowest severity that fails (default: error)")
    check.add_argument("--exit-zero", action="store_true", default=None, help="exit 0 even with findings")
    check.set_defaults(run=_check)


def _check(args: argparse.Namespace) -> int:
    table, origin = config.from_pyproject(config.find_pyproject(os.getcwd()))
    settings = config.settings(vars(args), table, origin)
    paths = args.paths or [None]
    findings = sources.check(
        paths,
        bib=settings.bib,
        encoding=args.encoding,
        first_page=args.first_page,
        bib_format=args.bib_format,
        input_format=args.input_format,
    )
    chosen = [d for d in findings.diagnostics if settings.chosen(d)]
    failed = settings.fails(chosen)
    totals = report.summary(chosen, findings.files, settings.fail_on, failed)
    print(report.render(settings.format, chosen, findings.texts, totals))
    return EXIT_FINDINGS if failed and not settings.exit_zero else EXIT_OK


# Each subcommand by name, in the order help lists them, with what builds its parser.
_COMMANDS = {
    "footnotes": _footnotes_command,
    "citations": _citations_command,
    "sources": _sources_command,
    "claims": _claims_command,
    "check": _check_command,
    "export": _export_command,
    "render": _render_command,
    "csl": _csl_command,
}


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str, summary: str
) -> argparse.ArgumentParser:
    command = commands.add_parser(
        name, help=summary, description=f"{summary[0].upper()}{summary[1:]}. Without PATH, read the embedded article."
    )
    options.texts(command, dest="path")
    command.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    return command


def _footnotes(args: argparse.Namespace) -> int:
    from sources import present

    result = _read(args)
    return _print(args, result.diagnostics, present.footnotes_text, present.footnotes_json, result)


def _citations(args: argparse.Namespace) -> int:
    from sources import present

    if args.path is not None and args.bib is None:
        result = _read(args)  # resolved when the text declares or has a bibliography nearby, read alone if not
        found = sources._find_bibliography(args.path, result.document.text, args.input_format)
        if found is not None:
            result = sources.resolve(result, sources.bibliography(found)).footnotes
    else:
        result = _link(args).footnotes
    return _print(args, result.diagnostics, present.citations_text, present.citations_json, result)


def _sources(args: argparse.Namespace) -> int:
    from sources import present

    linked = _link(args)
    return _print(
        args,
        linked.diagnostics,
        lambda linked: present.sources_text(linked, args.lang),
        lambda linked: present.sources_json(linked, args.lang),
        linked,
    )


def _claims(args: argparse.Namespace) -> int:
    from sources import present

    linked = _link(args)
    keys = [source.key for source in linked.bibliography.sources]
    if args.source is None:
        return _print(
            args,
            linked.diagnostics,
            lambda linked: present.all_claims_text(linked, args.lang),
            lambda linked: present.all_claims_json(linked, args.lang),
            linked,
        )
    if args.source not in keys:
        from rapidfuzz import process

        nearest = ", ".join(name for name, _, _ in process.extract(args.source, keys, limit=3))
        raise SourcesError(f"{linked.bibliography.path}: no entry {args.source!r}; nearest: {nearest}")
    return _print(
        args,
        linked.diagnostics,
        lambda linked: present.claims_text(linked, args.source),
        lambda linked: present.claims_json(linked, args.source),
        linked,
    )


def _read(args: argparse.Namespace) -> Footnotes:
    return sources.read(args.path, encoding=args.encoding, first_page=args.first_page, input_format=args.input_format)


def _link(args: argparse.Namespace) -> Resolved:
    return sources.link(
        args.path,
        bib=args.bib,
        encoding=args.encoding,
        first_page=args.first_page,
        bib_format=args.bib_format,
        input_format=args.input_format,
    )


_Result = TypeVar("_Result", Footnotes, Resolved)


def _print(
    args: argparse.Namespace,
    diagnostics: Sequence[Diagnostic],
    as_text: Callable[[_Result], str],
    as_json: Callable[[_Result], str],
    result: _Result,
) -> int:
    from sources import present

    output = as_json(result) if args.format == "json" else printable(as_text(result), newlines=True)
    if args.several is None:
        print(output)
    elif args.format == "json":
        args.several[str(_result_path(result))] = json.loads(output)
    else:
        print(f"==> {printable(_result_path(result))} <==\n{output}\n")
    for diagnostic in diagnostics:
        to_stderr(present.diagnostic_line(diagnostic))
    return EXIT_OK


def _result_path(result: Footnotes | Resolved) -> str:
    return result.document.path if isinstance(result, Footnotes) else result.footnotes.document.path


def _each_path(args: argparse.Namespace) -> int:
    """A reading command on each of several paths: text one after the other, JSON as one object by path."""
    paths = args.path if isinstance(args.path, list) else [args.path]
    args.several = None
    if len(paths) <= 1:
        args.path = paths[0] if paths else None
        return int(args.each(args))
    args.several = {}
    for path in paths:
        args.path = path
        args.each(args)
    if args.format == "json":
        print(json.dumps(args.several, ensure_ascii=False, indent=2))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    tune_collector()
    for stream in (sys.stdout, sys.stderr):
        # A file name in a non-UTF-8 encoding reaches us with lone surrogates: print them escaped.
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    args = build_parser(argv).parse_args(argv)
    try:
        status: int = args.run(args)
    except SourcesError as error:
        to_stderr(f"sources: {' '.join(str(error).split())}")
        return EXIT_USAGE
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (``| head``): not an error of ours
        return EXIT_OK
    except Exception as error:  # the last net: a bug of ours must not pass for findings (exit 1)
        to_stderr(f"sources: internal error, please report it: {type(error).__name__}: {error}"[:500])
        return EXIT_USAGE
    return status


def run() -> None:
    """The ``sources`` command (and ``python -m sources``): :func:`main`, then exit with its status.

    At exit the interpreter collects garbage over every object still alive, the run's
    records included, only to free memory the system takes back with the process: about
    10 ms of a 100 ms ``sources check`` of the embedded article. Frozen (``gc.freeze``),
    they are left to the system; exit handlers and the flushing of output run as always.
    """
    status = main()
    gc.freeze()
    sys.exit(status)
