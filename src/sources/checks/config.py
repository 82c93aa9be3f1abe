"""What ``sources check`` reports and when it fails: options, and ``[tool.sources]``.

Rules are chosen like ruff chooses them: ``select`` and ``ignore`` take codes, code
prefixes (``SRC1``, ``SRC50``) or rule names (``uncited-entry``); ``ignore`` wins. The
command line overrides ``[tool.sources]`` in the nearest ``pyproject.toml`` above the
working directory, key by key.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from attrs import frozen

from sources.checks.report import FORMATS
from sources.checks.rules import RULES
from sources.errors import SourcesError
from sources.model import Diagnostic, Severity

_KEYS = {"select", "ignore", "fail-on", "format", "bib", "exit-zero"}


@frozen
class Settings:
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


def parse_list(value: str | Sequence[str]) -> tuple[str, ...]:
    """``"SRC1, uncited-entry"`` or a TOML list → validated patterns."""
    items = value.split(",") if isinstance(value, str) else list(value)
    patterns = tuple(item.strip() for item in items if item.strip())
    for pattern in patterns:
        if not any(rule.code.startswith(pattern.upper()) or rule.name == pattern for rule in RULES):
            raise SourcesError(f"no rule code, prefix or name matches {pattern!r}")
    return patterns


def severity(value: str) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        raise SourcesError(f"fail-on must be error or warning, not {value!r}") from None


def find_pyproject(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def from_pyproject(path: Path | None) -> tuple[dict[str, Any], str | None]:
    """The ``[tool.sources]`` table of ``path`` (empty when there is none)."""
    if path is None:
        return {}, None
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {}).get("sources", {})
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise SourcesError(f"{path}: cannot read [tool.sources]: {error}") from None
    unknown = set(table) - _KEYS
    if unknown:
        raise SourcesError(f"{path}: unknown key(s) in [tool.sources]: {', '.join(sorted(unknown))}")
    bib = table.get("bib")
    if bib is not None:
        table = {**table, "bib": str((path.parent / bib).resolve())}
    return table, str(path)


def settings(options: dict[str, Any], table: dict[str, Any], origin: str | None) -> Settings:
    """Settings from command-line ``options`` (None where not given) over ``table``."""

    def pick(key: str, option: str) -> Any:
        return options[option] if options.get(option) is not None else table.get(key)

    select, ignore, fail_on = pick("select", "select"), pick("ignore", "ignore"), pick("fail-on", "fail_on")
    format = pick("format", "format") or "text"
    if format not in FORMATS:
        raise SourcesError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    return Settings(
        select=parse_list(select) if select is not None else ("SRC",),
        ignore=parse_list(ignore) if ignore is not None else (),
        fail_on=severity(fail_on) if fail_on is not None else Severity.ERROR,
        format=format,
        bib=pick("bib", "bib"),
        exit_zero=bool(options.get("exit_zero") or table.get("exit-zero", False)),
        origin=origin,
    )
