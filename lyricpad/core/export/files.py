"""Writing exported files safely: atomic replacement, UTF-8 without BOM, LF line ends; safe file names."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

from lyricpad.core import livefiles
from lyricpad.core.errors import LyricpadError


class ExportFailed(LyricpadError):
    """An export could not be written (a folder that cannot be created, a full disk, an SQLite file...)."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | os.PathLike, text: str) -> Path:
    """Write *text* to *path* so that readers see the old file or the new one, never a mix.

    The text goes to a temporary file in the same folder, is flushed to the disk, then replaces
    *path* in one step (os.replace). If anything fails, *path* is left as it was and the
    temporary file is removed. Encoded as UTF-8 without a byte-order mark; line ends are LF.
    An SQLite file (a library, a backup, SQLite's -wal, -shm or -journal of one) is never
    written over: it is refused before anything is created (see `livefiles.refuse_sqlite_target`).
    """
    return write_atomic_bytes(path, text.replace("\r\n", "\n").replace("\r", "\n").encode("utf-8"))


def check_target(path: str | os.PathLike) -> Path:
    """Refuse *path* as `write_atomic` would (not a regular file, or an SQLite file), before any work."""
    path = Path(path)
    try:
        livefiles.require_regular(path, "a file to write over", missing_ok=True)  # a pipe, a device...
        livefiles.refuse_sqlite_target(path)
    except livefiles.PathRefused as exc:
        raise ExportFailed(str(exc)) from exc
    return path


def write_atomic_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write *data* to *path* as `write_atomic` writes text: whole or not at all, never over an SQLite file."""
    path = check_target(path)
    folder = path.parent
    try:
        livefiles.make_folder(folder)
    except livefiles.PathRefused as exc:
        raise ExportFailed(f"cannot write {path}: {exc}") from None
    try:
        try:
            mode = path.stat().st_mode & 0o7777  # replacing a file keeps its permissions
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ExportFailed(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException as exc:
        try:
            os.unlink(temp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise ExportFailed(
                f"cannot write {path}: {exc.strerror or exc}; the old file is unchanged"
            ) from exc
        raise
    sync_folder(folder)
    return path


def sync_folder(folder: Path) -> None:
    """Flush the folder entry of the replaced file (POSIX); best effort elsewhere."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


_UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|#^\[\]%]+')
_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(1, 10)),
    *(f"lpt{i}" for i in range(1, 10)),
}
MAX_NAME = 120
"""Longest file name stem written, in code points: well under every file system's limit."""


def safe_file_stem(name: str, fallback: str = "untitled") -> str:
    """*name* as a file name stem valid on Linux, macOS and Windows, and as an Obsidian note name.

    Characters that are not allowed (or that Obsidian gives a meaning: # ^ [ ] |) become a space;
    a Windows device name gets a trailing underscore.
    """
    stem = unicodedata.normalize("NFC", name)
    stem = " ".join(_UNSAFE_NAME.sub(" ", stem).split())
    stem = stem[:MAX_NAME].strip(" .")
    if not stem:
        stem = fallback
    if stem.split(".")[0].casefold() in _RESERVED:
        stem += "_"
    return stem
