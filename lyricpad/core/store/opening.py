"""Opening a library file safely: refusing what is not one, looking before writing, read-only when newer."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING

from lyricpad.core import livefiles
from lyricpad.core.errors import ForeignDatabase, LibraryUnavailable
from lyricpad.core.probe import (
    ATTEMPTS,
    RETRY_SECONDS,
    Probe,
    connect_read_only,
    has_content,
    in_wal_mode,
    open_elsewhere,
    probe,
    side_file,
)
from lyricpad.core.schema import SCHEMA_VERSION
from lyricpad.core.store.connection import Connection
from lyricpad.core.store.write_gate import WriteGate
from lyricpad.core.text import fold, sort_key

if TYPE_CHECKING:
    from lyricpad.core.store.library import Library

BUSY_TIMEOUT_MS = 5000
"""How long a write waits for another process's write to finish before giving up."""

_MADE_HERE: set[str] = set()
"""The library files this process created ("device:inode"): the only empty files it opens as libraries."""


def _nullable(function):
    return lambda value: None if value is None else function(value)


def add_functions(conn: sqlite3.Connection) -> None:
    # SQLite's NOCASE folds ASCII only; these fold every script.
    conn.create_function("lp_fold", 1, _nullable(fold), deterministic=True)
    conn.create_function("lp_sort", 1, _nullable(sort_key), deterministic=True)


def too_new(name: str, version: int) -> str:
    return (
        f"{name} was written by a newer lyricpad (library version {version}; "
        f"this lyricpad knows up to {SCHEMA_VERSION}), so it is open read-only: "
        "update lyricpad to change it"
    )


def file_key(path: Path) -> str:
    """The file at *path* as "device:inode" ("" when it cannot be read)."""
    try:
        info = os.stat(path)
    except OSError:
        return ""
    return f"{info.st_dev}:{info.st_ino}"


def open_library(cls: type[Library], path: str | os.PathLike | None, seed_demo: bool) -> Library:
    """See `Library.open`."""
    if path is None:
        return prepared(cls, sqlite3.connect(":memory:", isolation_level=None), None, seed_demo, checked=True)
    given = Path(path).expanduser()
    exists = check_place(given)
    # SQLite keeps the -wal and -shm beside the file a link points to: so does lyricpad.
    lib_path = Path(os.path.realpath(given))
    looked = look_before_opening(lib_path, seed_demo) if exists else None
    lib = None
    if looked is None or not looked.too_new:
        # Nothing in it to check (new, or empty), or checked whole as opening writes to it: else the
        # first write of this process checks it (see `write_gate`).
        checked = looked is None or looked.objects == 0 or looked.pages_checked
        try:
            lib = prepared(cls, connect(lib_path), lib_path, seed_demo, checked=checked)
        finally:
            if not exists and (key := file_key(lib_path)):
                _MADE_HERE.add(key)  # left empty by a failure, it may be opened again: it is ours
        if lib is None:  # made newer by another process since it was looked at
            looked = probe(lib_path, check_pages=False)
    if lib is None:
        lib = open_read_only(cls, lib_path, looked.version)
    livefiles.hold(lib_path)
    return lib


def prepared(
    cls: type[Library], conn: sqlite3.Connection, path: Path | None, seed_demo: bool, *, checked: bool
) -> Library | None:
    """The library on a new read-write connection, configured, migrated, given its id (and the
    demo); None, its connection closed, when it turned out newer than this lyricpad. *checked*:
    its pages were found sound as it was looked at (its first write need not check them)."""
    try:
        add_functions(conn)
        lib = cls(Connection(conn), path)
        lib.gate = WriteGate(checked=checked)
        if lib._check_identity():
            conn.close()
            return None
        lib._configure()
        lib._migrate()
        lib._ensure_identity()
        if seed_demo:
            lib._seed_demo_once()
    except BaseException:
        conn.close()
        raise
    return lib


def check_place(path: Path) -> bool:
    """Refuse what cannot be a library file (a folder, a pipe, a device, SQLite's -wal of another
    database...), by the name the user gave; make the folder of a new one. Whether it exists."""
    try:
        owner = livefiles.sqlite_owner(path)
        if owner is not None:
            raise livefiles.PathRefused(
                f"{path} is one of SQLite's own files of the database {owner.name}, not a library"
            )
        if livefiles.require_regular(path, "a library file", missing_ok=True) is not None:
            return True
        livefiles.make_folder(path.parent)
    except livefiles.PathRefused as exc:
        raise LibraryUnavailable(str(exc)) from None
    return False


def look_before_opening(path: Path, seed_demo: bool = True) -> Probe | None:
    """Check where the library goes, and what a file already there holds, without changing anything.

    None: there is nothing to look at (an empty file this process created). Any other empty
    file is refused: it is not a library, and may be something the user keeps. Looking is done
    through SQLite only, so it is safe also when this process has the library open already.

    The whole file is checked (integrity_check) only when opening it would write to it: then a
    damaged file is refused before a byte of it changes. Otherwise it is left to the first write
    of the process (`write_gate`), to the window's background check, to backups and to `lyricpad
    check`: it reads every page (~350 ms at 150 MB), and would make every command wait.
    """
    info = os.stat(path)
    if not os.access(path, os.W_OK):
        raise LibraryUnavailable(
            f"{path} is read-only, and lyricpad cannot open a library it may not write to yet; "
            "copy it to a folder you can write to"
        )
    if not os.access(path.parent, os.W_OK):
        # Write-ahead logging keeps its -wal and -shm files beside the library.
        raise LibraryUnavailable(
            f"the folder {path.parent} is read-only, and lyricpad needs to write beside {path.name}; "
            "copy the library to a folder you can write to"
        )
    if _empty(path, info.st_size):
        if file_key(path) in _MADE_HERE:
            return None  # SQLite makes a new database of it
        if _stays_empty(path):  # else another lyricpad was creating it the moment it was looked at
            raise ForeignDatabase(
                f"{path} is an empty file, not a lyricpad library; lyricpad leaves it as it is "
                "(to start a new library, give the name of a file that does not exist yet)"
            )
    looked = probe(path, check_pages=False)
    if looked.too_new or looked.objects == 0 or not opening_writes(path, looked, seed_demo):
        return looked
    return probe(path)  # checked whole before anything is written


def opening_writes(path: Path, looked: Probe, seed_demo: bool = True) -> bool:
    """Whether opening the library at *path* for writing would write to it, its -wal or -journal.

    It would to migrate it, to switch it to write-ahead logging, to roll back a -journal, to
    recover a -wal left by a crash (and checkpoint it on closing), and to give a copy its own id
    or a new library the demo song. A library this process or another one has open already
    is recovered and in write-ahead logging: opening it again writes nothing.
    """
    if looked.version < SCHEMA_VERSION:
        return True
    if livefiles.held_by_process(path) is not None:
        return False
    if has_content(side_file(path, "-journal")) or not in_wal_mode(path):
        return True
    if has_content(side_file(path, "-wal")) and not open_elsewhere(path):
        return True
    return not _settled(path, seed_demo)


def _settled(path: Path, seed_demo: bool) -> bool:
    """Whether the library has its id, for this very file, and its demo song (read-only)."""
    from lyricpad.core.store.library import BACKUP_OF_KEY, LIBRARY_FILE_KEY, LIBRARY_ID_KEY

    keys = (LIBRARY_ID_KEY, LIBRARY_FILE_KEY, BACKUP_OF_KEY, "demo_seeded")
    try:
        conn = connect_read_only(path)
        try:
            found = dict(
                conn.execute(f"SELECT key, value FROM meta WHERE key IN ({', '.join('?' * len(keys))})", keys)
            )
        finally:
            conn.close()
    except sqlite3.Error:
        return False  # whatever it is, the whole check will say
    return (
        found.get(LIBRARY_ID_KEY) is not None
        and found.get(LIBRARY_FILE_KEY) == file_key(path)
        and BACKUP_OF_KEY not in found
        and ("demo_seeded" in found or not seed_demo)
    )


def _empty(path: Path, size: int) -> bool:
    return size == 0 and not path.with_name(path.name + "-wal").exists()


def _stays_empty(path: Path) -> bool:
    """Whether an empty file is still empty when looked at again, as the probe looks again."""
    for attempt in range(1, ATTEMPTS):
        time.sleep(RETRY_SECONDS * attempt)
        if not _empty(path, os.stat(path).st_size):
            return False
    return True


def open_read_only(cls: type[Library], path: Path, version: int) -> Library:
    """A library of a newer lyricpad, for reading: nothing of it is ever written, nor checkpointed."""
    journal = path.with_name(path.name + "-journal")
    if journal.exists() and journal.stat().st_size > 0:
        # Rolling that change back is a write, and reading without it would show half of it.
        raise LibraryUnavailable(
            f"{path} was written by a newer lyricpad, which left an unfinished change in {journal.name}; "
            "open it with that lyricpad first (lyricpad changed nothing)"
        )
    try:
        # Never immutable here: this connection stays open, and must see what the newer
        # lyricpad writes meanwhile. It writes nothing either way (at most SQLite makes
        # the empty -wal and -shm a reader needs).
        conn = connect_read_only(path, lasting=True)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        add_functions(conn)
    except sqlite3.Error as exc:
        raise LibraryUnavailable(f"cannot open the library {path} read-only: {exc}") from exc
    lib = cls(Connection(conn), path)
    lib.read_only = too_new(str(path), version)
    return lib


def connect(path: Path) -> sqlite3.Connection:
    try:
        # isolation_level=None: no implicit transactions; every write is an explicit
        # BEGIN..COMMIT through Library.write().
        return sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except (sqlite3.Error, OSError) as exc:
        raise LibraryUnavailable(f"cannot open the library {path}: {exc}") from exc
