"""Exceptions: for misuse and I/O only. Problems in a text travel as Diagnostics."""

from __future__ import annotations


class SourcesError(Exception):
    """Base of every exception this library raises on purpose."""


class InputError(SourcesError):
    """An input cannot be read as text: missing, empty, binary or wrongly encoded."""

    def __init__(self, path: str, message: str, line: int | None = None, column: int | None = None):
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        where = path if line is None else f"{path}:{line}" + (f":{column}" if column else "")
        super().__init__(f"{where}: {message}")


class CslError(SourcesError):
    """A CSL style or locale cannot be used: malformed XML, an unknown style, a self-calling macro."""
