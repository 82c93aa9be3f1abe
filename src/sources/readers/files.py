"""Files → decoded text, or an :class:`InputError` naming the file and line.

Every reader (PDF text, bibliographies) goes through here, so that what counts as a
readable text file is decided once.
"""

from __future__ import annotations

import re
from pathlib import Path

from sources.errors import InputError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Bytes of a text file → str, or an :class:`InputError` that names file and line."""
    if not data.strip():
        raise InputError(path, "the file is empty")
    if b"\x00" in data[:65536]:
        raise InputError(path, "this is a binary file, not text")
    try:
        text = data.decode(encoding or "utf-8-sig")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line = data.count(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode(encoding or "utf-8", "replace")) + 1
        raise InputError(
            path,
            f"not valid {encoding or 'UTF-8'} (byte 0x{data[error.start]:02x}); "
            "name the file's encoding with --encoding, e.g. cp1254 or iso-8859-9",
            line,
            column,
        ) from None
    except LookupError:
        raise InputError(path, f"unknown encoding {encoding!r}") from None
    if len(_CONTROL.findall(text[:65536])) > 0.01 * min(len(text), 65536):
        raise InputError(path, "this looks like a binary file, not text")
    return text


def read_file(path: str | Path, encoding: str | None = None) -> str:
    """Read and decode a file; I/O failures become :class:`InputError`."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise InputError(str(path), error.strerror or "cannot be read") from None
    return decode(data, str(path), encoding)
