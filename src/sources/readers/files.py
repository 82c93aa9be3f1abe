"""Files → decoded text, or an :class:`InputError` naming the file and line.

Every reader (PDF text, bibliographies) goes through here, so that what counts as a
readable text file is decided once.
"""

from __future__ import annotations

import os
import re
import stat
from typing import TYPE_CHECKING

from sources.errors import InputError

if TYPE_CHECKING:
    from pathlib import Path

# The largest text or bibliography read: about 500 times the embedded article, and
# beyond what the checks handle in memory in reasonable time (docs/ci.md).
MAX_BYTES = 64 * 2**20

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Bytes of a text file → str, or an :class:`InputError` that names file and line."""
    if not data.strip():
        raise InputError(path, "the file is empty")
    codec = text_codec(encoding, path) if encoding is not None else None
    wide = _wide_encoding(data)
    if wide and codec is None:
        raise InputError(path, f"this looks like {wide.upper()} text; read it with --encoding {wide}")
    wide_codec = (codec or "").startswith(("utf_16", "utf_32"))
    if b"\x00" in data[:65536] and not wide_codec:
        raise InputError(path, "this is a binary file, not text")
    if wide_codec and b"\x00" not in data[:65536]:
        # Every UTF-16 or UTF-32 text with a line break holds zero bytes; this one has none.
        raise InputError(path, f"this is not {encoding} text (it has no zero bytes); leave out --encoding")
    try:
        text = data.decode(encoding or "utf-8-sig")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line = data.count(b"\n", 0, error.start) + 1
        try:
            column = len(data[line_start : error.start].decode(encoding or "utf-8", "replace")) + 1
        except UnicodeError:  # a codec without the "replace" handler
            column = error.start - line_start + 1
        raise InputError(
            path,
            f"not valid {encoding or 'UTF-8'} (byte 0x{data[error.start]:02x}); "
            "name the file's encoding with --encoding, e.g. cp1254 or iso-8859-9",
            line,
            column,
        ) from None
    except UnicodeError as error:  # codecs such as idna fail without a position
        raise InputError(path, f"cannot be decoded as {encoding}: {error}") from None
    if len(_CONTROL.findall(text[:65536])) > 0.01 * min(len(text), 65536):
        raise InputError(path, "this looks like a binary file, not text")
    return text.removeprefix("\ufeff")


def _wide_encoding(data: bytes) -> str | None:
    """``utf-16``/``utf-32`` (with the byte order when there is no mark) when ``data`` looks like it."""
    import codecs

    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = data[:4096]
    # ASCII in UTF-16 puts a zero byte beside every character; text in any 8-bit encoding has none.
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if half >= 8 and max(even, odd) > 0.6 * half and min(even, odd) < 0.05 * half:
        return "utf-16-le" if odd > even else "utf-16-be"
    return None


def text_codec(encoding: str, path: str) -> str:
    """The codec's canonical name; an encoding that does not exist or does not turn bytes
    into text (rot13, base64) is an :class:`InputError`."""
    import codecs

    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise InputError(path, f"unknown encoding {encoding!r}") from None
    if not getattr(info, "_is_text_encoding", True):
        raise InputError(path, f"{encoding!r} is not a text encoding; name one such as utf-8 or cp1254")
    return info.name.replace("-", "_")


def read_file(path: str | Path, encoding: str | None = None) -> str:
    """Read and decode a regular file of at most :data:`MAX_BYTES`; anything else is an
    :class:`InputError`, raised before a byte is read."""
    return decode(_read_bytes(str(path)), str(path), encoding)


def _read_bytes(path: str) -> bytes:
    # Opened without blocking and checked on the open descriptor: a FIFO named as a text
    # neither hangs the command nor slips in between a check and the read.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise InputError(path, error.strerror or "cannot be read") from None
    except ValueError:  # a zero byte in the name, which no file system accepts
        raise InputError(path.replace("\x00", "\\0"), "a file name cannot hold a zero byte") from None
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(path, "is a directory, not a text file")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(path, "is not a regular file (a FIFO, device or socket); save the text to a file")
        if info.st_size > MAX_BYTES:
            raise InputError(path, f"is {info.st_size / 2**20:.0f} MB; the limit is {MAX_BYTES // 2**20} MB")
        with os.fdopen(os.dup(descriptor), "rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as error:
        raise InputError(path, error.strerror or "cannot be read") from None
    finally:
        os.close(descriptor)
    if len(data) > MAX_BYTES:
        raise InputError(path, f"grew past the limit of {MAX_BYTES // 2**20} MB while being read")
    return data
