"""Files written atomically: a reader sees the old file or the new one, never half of one.

``sources export --output``, ``sources render --output`` and the bibliography writer all
write through here.
"""

from __future__ import annotations

import os
import stat
from contextlib import suppress
from typing import TYPE_CHECKING

from sources.errors import InputError

if TYPE_CHECKING:
    from pathlib import Path


def write_atomically(text: str, path: str | Path) -> None:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``path`` through a temporary file and a rename.

    A symbolic link is written through (its target is replaced, the link stays), the
    file keeps its permissions (a new one gets what the umask gives any new file), the
    data reaches the disk before the rename, the rename stays on one file system (the
    temporary file is made beside the target), and no temporary file is left behind,
    whatever fails. An I/O error is an :class:`InputError` naming ``path``.
    """
    from pathlib import Path  # loaded when something is written, not at start-up

    target = Path(os.path.realpath(path))
    try:
        mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else None
        handle, temporary = _create_beside(target)
        replaced = False
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
            if mode is not None:
                os.chmod(temporary, mode)
            os.replace(temporary, target)
            replaced = True
        finally:
            if not replaced:  # whatever stopped us, even an interrupt, takes the temporary file with it
                with suppress(OSError):
                    os.unlink(temporary)
        _sync_folder(target.parent)
    except OSError as error:
        raise InputError(str(path), error.strerror or "cannot be written") from None


def _create_beside(target: Path) -> tuple[int, Path]:
    """A new, uniquely named temporary file in ``target``'s folder, open for writing.

    Created with 0o666 so that the umask gives it the mode any new file gets (tempfile's
    0o600 would have to be widened by reading the umask, which only setting it reveals —
    process-wide state a library must not touch).
    """
    while True:
        temporary = target.parent / f".{target.name}.{os.urandom(6).hex()}.tmp"
        try:
            return os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), temporary
        except FileExistsError:
            continue


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; elsewhere folders cannot be opened)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
