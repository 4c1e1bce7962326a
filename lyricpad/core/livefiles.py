"""Paths from outside, checked before anything reads them; and the SQLite files this process holds.

SQLite's locks are POSIX advisory locks, which belong to the process: closing *any* file
descriptor of a file drops every lock the process holds on it. So a plain `open()` and
`close()` of the library (or its -wal or -shm) while a connection of this process has it
open silently unlocks the library, and another process may then checkpoint and delete the
-wal under us ("POSIX advisory locks cancelled by a separate close()" in SQLite's docs).
SQLite's own connections share one table of locks per file within a process, so opening
the file again *through SQLite* is safe; anything else must not touch it.

Every library this process opens is registered here (by device and inode, so another name
or a hard link of it is recognised); code that reads or writes a path given from outside
asks `refuse_held` (or `read_head`, which asks it) first.
"""

from __future__ import annotations

import errno
import os
import stat
import threading
from pathlib import Path

from lyricpad.core.errors import LyricpadError

SQLITE_MAGIC = b"SQLite format 3\x00"
"""The first 16 bytes of every SQLite database file."""

SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
"""SQLite's own files beside a database: part of it while it is open or after a crash."""


class PathRefused(LyricpadError):
    """A path cannot be used for what was asked (a pipe, a device, a folder, the library itself...)."""


_lock = threading.Lock()
_held: dict[tuple[int, int], list] = {}  # (st_dev, st_ino) -> [path, how many connections]


def _key(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def hold(path: Path) -> None:
    """Record that a connection of this process has the database at *path* open."""
    key = _key(path)
    if key is None:
        return
    with _lock:
        entry = _held.setdefault(key, [Path(path), 0])
        entry[1] += 1


def release(path: Path) -> None:
    """The connection recorded by `hold(path)` was closed."""
    key = _key(path)
    with _lock:
        entry = _held.get(key) if key else None
        if entry is None:  # renamed or deleted since: find it by the name it was held under
            key = next((k for k, e in _held.items() if e[0] == Path(path)), None)
            entry = _held.get(key) if key else None
        if entry is not None:
            entry[1] -= 1
            if entry[1] <= 0:
                del _held[key]


def holding() -> bool:
    """Whether a connection of this process has a database open (a library not closed yet)."""
    with _lock:
        return bool(_held)


def held_by_process(path: str | os.PathLike) -> Path | None:
    """The open database that *path* is, or one of whose -wal, -shm or -journal it is; else None."""
    path = Path(path)
    with _lock:
        held = {key: entry[0] for key, entry in _held.items()}
    if not held:
        return None
    key = _key(path)
    if key in held:
        return held[key]
    try:  # the name it has once links and other spellings (./a/../x) are followed
        real = Path(os.path.realpath(path))
    except (OSError, ValueError):
        real = path
    for database in held.values():
        # SQLite's files lie beside the file itself, wherever a link to it was opened from.
        target = Path(os.path.realpath(database))
        for suffix in SIDE_SUFFIXES:
            side = Path(f"{target}{suffix}")
            if real == side or (key is not None and _key(side) == key):
                return database
    return None


def refuse_held(path: str | os.PathLike, doing: str) -> None:
    """Refuse to *doing* (e.g. "import it") a file that an open library of this process is or owns."""
    database = held_by_process(path)
    if database is not None:
        key = _key(Path(path))
        what = (
            "the open library"
            if key is not None and key == _key(database)
            else f"one of SQLite's files of {database.name}"
        )
        raise PathRefused(f"{path} is {what}: lyricpad cannot {doing}")


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def make_folder(folder: str | os.PathLike) -> None:
    """Create *folder* and its parents when missing; one message naming what is in the way."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        blocker = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), None)
        if blocker is not None:
            raise PathRefused(
                f"cannot create the folder {folder}: {blocker} is a file, not a folder"
            ) from None
        raise PathRefused(f"cannot create the folder {folder}: {exc.strerror or exc}") from None


def open_nonblocking(path, flags: int) -> int:
    """An opener for open(): a FIFO put in a file's place after it was checked never blocks the read."""
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def special_kind(mode: int) -> str | None:
    """What a file that is not a regular file is ("a folder", "a named pipe (FIFO)"...), else None."""
    return next(
        (name for test, name in _KINDS if test(mode)), None if stat.S_ISREG(mode) else "not a regular file"
    )


def require_regular(path: str | os.PathLike, what: str, *, missing_ok: bool = False) -> os.stat_result | None:
    """The stat of *path* when it is a regular file (symlinks followed); None when missing and *missing_ok*.

    Folders, pipes, devices and sockets, and symbolic links to them or to nothing, are refused
    with one message naming the path and what it is, without opening it: reading a FIFO
    would block, reading a device could never end.
    """
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if path.is_symlink():
            raise PathRefused(
                f"{path} is a symbolic link to {os.readlink(path)}, which does not exist"
            ) from None
        if missing_ok:
            return None
        raise PathRefused(f"{path} does not exist") from None
    except NotADirectoryError:
        if missing_ok:
            return None  # the caller's mkdir says which part is in the way
        raise PathRefused(f"{path} is not a valid path: a part of it is a file, not a folder") from None
    except (OSError, ValueError) as exc:
        raise PathRefused(f"cannot use {path}: {getattr(exc, 'strerror', None) or exc}") from None
    kind = special_kind(info.st_mode)
    if kind is not None:
        link = " (through a symbolic link)" if path.is_symlink() else ""
        raise PathRefused(f"{path} is {kind}{link}, not {what}")
    return info


def read_head(path: str | os.PathLike, size: int = len(SQLITE_MAGIC)) -> bytes:
    """The first *size* bytes of a regular file that no open library of this process holds."""
    refuse_held(path, "read it")
    require_regular(path, "a file")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise PathRefused(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped for something else since the check
            raise PathRefused(f"{path} is not a regular file")
        return os.read(fd, size)
    except OSError as exc:
        if exc.errno == errno.EISDIR:
            raise PathRefused(f"{path} is a folder") from None
        raise PathRefused(f"cannot read {path}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def not_a_database(path: str | os.PathLike) -> str:
    """Why SQLite says "not a database" of a file (not held by this process): no header, or a damaged one."""
    try:
        damaged = read_head(path) == SQLITE_MAGIC
    except PathRefused:
        damaged = False
    return "it is damaged (its header is broken)" if damaged else "it is not an SQLite database"


def looks_like_text(path: str | os.PathLike) -> bool:
    """Whether the file (not held by this process) begins like text: UTF-8, no NUL byte."""
    try:
        head = read_head(path, 4096)
    except PathRefused:
        return False
    if not head or b"\0" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(head) - 3  # only a character cut at the end of what was read
    return True


def is_sqlite_file(path: str | os.PathLike) -> bool:
    """Whether *path* is an SQLite database (an open one of this process counts, unread)."""
    if held_by_process(path) is not None and not str(path).endswith(SIDE_SUFFIXES):
        return True
    try:
        return read_head(path) == SQLITE_MAGIC
    except PathRefused:
        return False


def sqlite_owner(path: str | os.PathLike) -> Path | None:
    """The database *path* belongs to when it is an SQLite side file (-wal, -shm, -journal) of one; else None."""
    name = str(path)
    for suffix in SIDE_SUFFIXES:
        if name.endswith(suffix):
            owner = Path(name[: -len(suffix)])
            if is_sqlite_file(owner):
                return owner
    held = held_by_process(path)
    if held is not None and _key(Path(path)) != _key(held):
        return held
    return None


def live_side_files(path: str | os.PathLike) -> list[Path]:
    """SQLite's files that lie beside the database *path* (it is open somewhere, or was not closed).

    Beside the file itself: a link's target is where SQLite keeps them.
    """
    real = os.path.realpath(path)
    return [Path(f"{real}{suffix}") for suffix in SIDE_SUFFIXES if Path(f"{real}{suffix}").exists()]


def refuse_sqlite_target(path: str | os.PathLike, *, doing: str = "write over") -> None:
    """Refuse to write over an SQLite file: a library, a backup, SQLite's -wal/-shm/-journal, any database.

    Nothing is opened when the path is held by this process; other files are only read (16 bytes).
    """
    path = Path(path)
    database = held_by_process(path)
    if database is not None:
        refuse_held(path, f"{doing} it")
    owner = sqlite_owner(path)
    if owner is not None:
        raise PathRefused(
            f"{path} belongs to the SQLite database {owner.name}: lyricpad never writes over it"
        )
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        info = None
    if info is not None and stat.S_ISREG(info.st_mode) and info.st_size and read_head(path) == SQLITE_MAGIC:
        raise PathRefused(
            f"{path} is an SQLite database (a lyricpad library or backup?): lyricpad never writes over one"
        )
    if live_side_files(path):
        raise PathRefused(
            f"{path} has SQLite's files beside it (it is a database in use): lyricpad never writes over it"
        )
