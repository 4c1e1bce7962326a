"""A database file looked at read-only, through SQLite, before lyricpad opens it for writing.

A read-write connection is not harmless: its first read rolls back a hot -journal into the
file, recovers a -wal, and when it closes as the last connection it checkpoints the -wal into
the file and deletes it. Done to another program's database, to a library of a newer
lyricpad or to a damaged one, that changes files lyricpad must leave alone. So a file is
first read through a connection that cannot write anything:

- `immutable=1` when no -wal holds changes: SQLite reads the file alone, takes no lock and
  never looks at (or rolls back) a -journal;
- `mode=ro&readonly_shm=1` when a -wal with its -shm lies beside it (a library in use, or
  left by a crash): SQLite reads the -wal too, under the usual locks, and writes neither the
  file, nor the -wal, nor the -shm; a read-only connection never checkpoints.

A lyricpad library of a known version is then opened for writing. When opening it would
write to the file (a -wal left by a crash to recover, a -journal to roll back, the switch to
write-ahead logging, a migration, a copy given its own id), it must first pass
`integrity_check` (every page, and every index against its table: 22 ms for 10,000 notes,
~350 ms at 150 MB), so that a damaged file is refused before a byte of it changes. A library
that opens without writing is not checked as it opens, but before the first write of the
process (`store.write_gate`; the window checks it in the background after its first paint).
Probing is done through SQLite only, never with `open()` of a file this process holds (see `livefiles`).
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from lyricpad.core import livefiles
from lyricpad.core.errors import ForeignDatabase, LibraryUnavailable, NotALibrary
from lyricpad.core.schema import APPLICATION_ID, SCHEMA_VERSION

RETRY_SECONDS = 0.05
"""A failed look is made again after this long (then twice as long...): a lock-free read may have
met another process's checkpoint mid-way, or a library another process is creating this very
moment (a torn read is not damage; damage fails every time)."""
ATTEMPTS = 5
"""How many times a file is looked at before what was seen is believed."""


IDENTITY_SQL = (
    "SELECT a.application_id, v.user_version, (SELECT count(*) FROM sqlite_master) "
    "FROM pragma_application_id AS a, pragma_user_version AS v"
)
"""What a database is (its application id, its version, how many objects it has), read in one statement."""


@dataclass(frozen=True)
class Probe:
    """What a database file holds, as read without changing anything."""

    application_id: int
    version: int
    objects: int
    pages_checked: bool = False
    """Every page and index was checked, and found sound (`integrity_check`)."""

    @property
    def foreign(self) -> bool:
        """Another program's database (an empty one is ours to take)."""
        return self.application_id != APPLICATION_ID and (self.application_id != 0 or self.objects > 0)

    @property
    def too_new(self) -> bool:
        return self.version > SCHEMA_VERSION


def side_file(path: Path, suffix: str) -> Path:
    return Path(f"{path}{suffix}")


def _has_live_wal(path: Path) -> bool:
    try:
        return side_file(path, "-wal").stat().st_size > 0
    except OSError:
        return False


def read_only_uri(path: Path, *, lasting: bool = False) -> str:
    """The URI of a connection that reads *path* (and its -wal, when it can) and writes nothing at all.

    *lasting*: the connection stays open and must see other processes' later changes, so it
    is never immutable; without a -wal holding changes it is an ordinary reader, for which
    SQLite may make an empty -wal and a -shm (the file itself is never written).
    """
    base = path.resolve().as_uri()
    if _has_live_wal(path) and side_file(path, "-shm").exists():
        return f"{base}?mode=ro&readonly_shm=1"
    return f"{base}?mode=ro" if lasting else f"{base}?mode=ro&immutable=1"


def primary_code(exc: sqlite3.Error) -> int:
    """SQLite's primary result code of an error (extended codes folded), 0 when it has none."""
    return (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF


def connect_immutable(path: Path) -> sqlite3.Connection:
    """A connection that reads the file alone as it is (no lock, no -wal, no -journal) and writes nothing:
    for backups and damaged files, never for a library that may be in use."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def connect_read_only(path: Path, *, lasting: bool = False) -> sqlite3.Connection:
    """A connection to *path* that can never change it, its -wal, -shm or -journal (see `read_only_uri`)."""
    return sqlite3.connect(read_only_uri(path, lasting=lasting), uri=True, isolation_level=None)


WAL_FORMAT = 2
"""Bytes 18 and 19 of an SQLite file's header in write-ahead-logging mode (1 in rollback mode)."""


def in_wal_mode(path: Path) -> bool:
    """Whether the file (not held by this process) is in write-ahead-logging mode, read from its
    header: a read-only connection cannot tell (an immutable one always says "delete")."""
    try:
        head = livefiles.read_head(path, 20)
    except livefiles.PathRefused:
        return False
    return len(head) == 20 and head[18] == head[19] == WAL_FORMAT


def has_content(path: Path) -> bool:
    """Whether a file exists and is not empty (an SQLite -wal or -journal)."""
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def open_elsewhere(path: Path) -> bool:
    """Whether another process has the library at *path* open in write-ahead-logging mode.

    Each connection holds a read lock on its -shm for as long as it is open: opened beside it,
    a connection neither recovers the -wal (the -shm is live) nor checkpoints it on closing
    (it is not the last one). Read from /proc/locks (Linux); False where it cannot be told.
    """
    try:
        info = side_file(path, "-shm").stat()
        locks = Path("/proc/locks").read_text()
    except OSError:
        return False
    where = f"{os.major(info.st_dev):02x}:{os.minor(info.st_dev):02x}:{info.st_ino}"
    mine = str(os.getpid())
    for line in locks.splitlines():
        fields = line.split()
        if "->" in fields:  # a lock waited for, not held
            continue
        if len(fields) >= 6 and fields[1] == "POSIX" and fields[5] == where and fields[4] != mine:
            return True
    return False


def page_problems(found: list[str]) -> list[str]:
    """The lines of PRAGMA quick_check / integrity_check that say a page is damaged.

    "ok" is no problem. Newer SQLite (3.44 on) also checks full-text indexes there: their
    lines (naming FTS5, or an `_fts` table) are the search index's, which lyricpad rebuilds
    from the tables, so they never make a library "damaged".
    """
    lines = [" ".join(line.replace("*** in database main ***", "").split()) for line in found]
    return [
        line for line in lines if line and line != "ok" and "fts5" not in line.lower() and "_fts" not in line
    ]


def probe(path: Path, *, check_pages: bool = True) -> Probe:
    """Identify the database at *path* and check its pages, changing nothing.

    Raises NotALibrary for what is not an SQLite database, another program's database and a
    damaged library; a newer library is returned as it is (unchecked: its format may be
    beyond this lyricpad), for the caller to open read-only.
    """
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return _look(path, check_pages)
        except _Retry as retry:
            if attempt == ATTEMPTS:
                raise retry.error from None
            time.sleep(RETRY_SECONDS * attempt)
    raise AssertionError("unreachable")


class _Retry(Exception):
    def __init__(self, error: Exception):
        super().__init__(str(error))
        self.error = error


def _look(path: Path, check_pages: bool) -> Probe:
    name = str(path)
    try:
        conn = connect_read_only(path)
    except sqlite3.Error as exc:
        raise _Retry(LibraryUnavailable(f"cannot read the library {name}: {exc}")) from exc
    try:
        try:
            # One statement: one snapshot of the file (three could see three moments of it).
            app_id, version, objects = conn.execute(IDENTITY_SQL).fetchone()
        except sqlite3.DatabaseError as exc:
            code = primary_code(exc)
            if code == sqlite3.SQLITE_NOTADB:
                if livefiles.looks_like_text(path):  # another program's file, not a damaged library
                    raise ForeignDatabase(
                        f"{name} is not a lyricpad library: it is a text file, not an SQLite database"
                    ) from None
                raise NotALibrary(
                    f"{name} is not a lyricpad library: {livefiles.not_a_database(path)}"
                ) from None
            if code == sqlite3.SQLITE_CORRUPT:
                raise _Retry(NotALibrary(f"{name} is damaged ({exc})")) from None
            raise _Retry(LibraryUnavailable(f"cannot read the library {name}: {exc}")) from None
        found = Probe(app_id, version, objects)
        if found.foreign:
            foreign = ForeignDatabase(f"{name} is an SQLite database, but not a lyricpad library")
            if app_id == 0:
                # Tables without lyricpad's id yet: maybe a library another process is creating this
                # moment (a lock-free look can see part of its first transaction). Looked at again.
                raise _Retry(foreign)
            raise foreign
        if objects == 0 and _has_live_wal(path) and not side_file(path, "-shm").exists():
            raise LibraryUnavailable(
                f"{name} has its content in {path.name}-wal but no {path.name}-shm beside it, so lyricpad "
                "cannot tell what it is without changing it; put back the -shm file copied with it, or open "
                "it with the program that wrote it"
            )
        if found.too_new or not check_pages or objects == 0:
            return found
        try:
            problems = [row[0] for row in conn.execute("PRAGMA integrity_check(3)").fetchall()]
        except sqlite3.DatabaseError as exc:
            raise _Retry(NotALibrary(f"{name} is damaged (SQLite's check failed: {exc})")) from None
        damaged = page_problems(problems)
        if damaged:
            raise _Retry(NotALibrary(f"{name} is damaged (SQLite's check found: {' '.join(damaged)})"))
        return Probe(app_id, version, objects, pages_checked=True)
    finally:
        conn.close()
