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

Only a lyricpad library of a known version that passes `integrity_check` (every page, and
every index against its table: 22 ms for a library of 10,000 notes) is then opened for
writing. Probing is done through SQLite only, never with `open()` (see `livefiles`).
"""

from __future__ import annotations

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


@dataclass(frozen=True)
class Probe:
    """What a database file holds, as read without changing anything."""

    application_id: int
    version: int
    objects: int

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
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            objects = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
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
            raise ForeignDatabase(f"{name} is an SQLite database, but not a lyricpad library")
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
        return found
    finally:
        conn.close()
