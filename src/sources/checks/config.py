"""What ``sources check`` reports and when it fails: options, and ``[tool.sources]``.

Rules are chosen like ruff chooses them: ``select`` and ``ignore`` take codes, code
prefixes (``SRC1``, ``SRC50``) or rule names (``uncited-entry``); ``ignore`` wins. The
command line overrides ``[tool.sources]`` in the nearest ``pyproject.toml`` above the
working directory, key by key.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from attrs import frozen

from sources.checks.report import FORMATS
from sources.checks.rules import RULES
from sources.errors import SourcesError
from sources.model import Diagnostic, Severity
from sources.records import record_eq, record_hash, record_repr

# The severities ``fail-on`` takes, on the command line and in pyproject.toml alike.
FAIL_ON = ("error", "warning")


@frozen
class Settings:
    __repr__ = record_repr
    __eq__ = record_eq
    __hash__ = record_hash

    select: tuple[str, ...] = ("SRC",)
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
    format: str = "text"
    bib: str | None = None
    exit_zero: bool = False
    origin: str | None = None  # the pyproject.toml that gave settings, if any

    def chosen(self, diagnostic: Diagnostic) -> bool:
        return _matches(diagnostic, self.select) and not _matches(diagnostic, self.ignore)

    def fails(self, diagnostics: Iterable[Diagnostic]) -> bool:
        """Whether the findings fail the check (``exit_zero`` changes the exit status only)."""
        return any(d.severity.rank >= self.fail_on.rank for d in diagnostics)


def _matches(diagnostic: Diagnostic, patterns: Sequence[str]) -> bool:
    return any(diagnostic.code.startswith(p.upper()) or diagnostic.name == p for p in patterns)


def parse_list(value: str | Sequence[str], where: str = "--select", *, empty_ok: bool = False) -> tuple[str, ...]:
    """``"SRC1, uncited-entry"`` or a TOML list → validated patterns; ``where`` names the option."""
    items = value.split(",") if isinstance(value, str) else list(value)
    patterns = tuple(item.strip() for item in items if item.strip())
    if not patterns and not empty_ok:
        raise SourcesError(f"{where} selects no rule; give codes, prefixes (SRC4) or names")
    for pattern in patterns:
        if not any(rule.code.startswith(pattern.upper()) or rule.name == pattern for rule in RULES):
            raise SourcesError(f"{where}: no rule code, prefix or name matches {pattern!r}")
    return patterns


def severity(value: str, where: str = "--fail-on") -> Severity:
    if value not in FAIL_ON:
        raise SourcesError(f"{where} must be {' or '.join(FAIL_ON)}, not {value!r}")
    return Severity(value)


def find_pyproject(start: str) -> str | None:
    """The ``pyproject.toml`` in the folder ``start`` (absolute) or the nearest one above it.

    Paths stay strings (os.path): pathlib is not loaded by a check that names no text.
    """
    folder = start
    while True:
        candidate = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(candidate):
            return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def from_pyproject(path: str | None) -> tuple[dict[str, Any], str | None]:
    """The ``[tool.sources]`` table of ``path`` (empty when there is none), its values type-checked."""
    if path is None:
        return {}, None
    import tomllib  # loaded only when there is a pyproject.toml

    try:
        # A byte-order mark is what some editors write first; TOML itself has none.
        with open(path, "rb") as stream:
            document = tomllib.loads(stream.read().decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise SourcesError(f"{path}: not valid UTF-8 (byte {error.start}); TOML files are UTF-8") from None
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise SourcesError(f"{path}: cannot read [tool.sources]: {error}") from None
    tool = document.get("tool", {})
    if not isinstance(tool, dict):
        raise SourcesError(f"{path}: tool must be a table, not {_kind(tool)}")
    table = tool.get("sources", {})
    if not isinstance(table, dict):
        raise SourcesError(f"{path}: tool.sources must be a table, not {_kind(table)}")
    unknown = set(table) - set(_TYPES)
    if unknown:
        raise SourcesError(f"{path}: unknown key(s) in [tool.sources]: {', '.join(sorted(unknown))}")
    for key, value in table.items():
        expected, description = _TYPES[key]
        if not expected(value):
            raise SourcesError(f"{path}: [tool.sources] {key} must be {description}, not {_kind(value)} {value!r}")
    bib = table.get("bib")
    if bib is not None:
        if "\x00" in bib:
            raise SourcesError(f"{path}: [tool.sources] bib cannot hold a zero byte")
        table = {**table, "bib": os.path.realpath(os.path.join(os.path.dirname(path), bib))}
    return table, path


def _is_patterns(value: object) -> bool:
    return isinstance(value, str) or (isinstance(value, list) and all(isinstance(item, str) for item in value))


_TYPES: dict[str, tuple[Callable[[object], bool], str]] = {
    "select": (_is_patterns, "a string or a list of strings"),
    "ignore": (_is_patterns, "a string or a list of strings"),
    "fail-on": (lambda value: isinstance(value, str), "a string"),
    "format": (lambda value: isinstance(value, str), "a string"),
    "bib": (lambda value: isinstance(value, str), "a string (a path)"),
    "exit-zero": (lambda value: isinstance(value, bool), "true or false"),
}


def _kind(value: object) -> str:
    return {
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)


def settings(options: dict[str, Any], table: dict[str, Any], origin: str | None) -> Settings:
    """Settings from command-line ``options`` (None where not given) over ``table``."""

    def pick(key: str, option: str) -> tuple[Any, str]:
        if options.get(option) is not None:
            return options[option], f"--{key}"
        return table.get(key), f"{origin}: [tool.sources] {key}"

    (select, at_select), (ignore, at_ignore) = pick("select", "select"), pick("ignore", "ignore")
    (fail_on, at_fail_on), (format, at_format) = pick("fail-on", "fail_on"), pick("format", "format")
    if format is not None and format not in FORMATS:
        raise SourcesError(f"{at_format} must be one of {', '.join(FORMATS)}, not {format!r}")
    return Settings(
        select=parse_list(select, at_select) if select is not None else ("SRC",),
        ignore=parse_list(ignore, at_ignore, empty_ok=True) if ignore is not None else (),
        fail_on=severity(fail_on, at_fail_on) if fail_on is not None else Severity.ERROR,
        format=format or "text",
        bib=pick("bib", "bib")[0],
        exit_zero=bool(options.get("exit_zero") or table.get("exit-zero", False)),
        origin=origin,
    )
