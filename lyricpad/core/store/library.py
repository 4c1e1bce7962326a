"""The library: one SQLite file, opened safely, written only through one transaction helper.

All SQL of lyricpad lives in this package (and the schema in schema.py): the `Library` keeps the
connection, the transaction, migrations and identity; one repository per entity (`lib.songs`,
`lib.articles`, `lib.annotations`, `lib.lenses`, `lib.tags`, `lib.search`, `lib.snapshots`, `lib.links`,
`lib.corrections`, `lib.translations`) reads
and writes that entity in the library's transaction.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

from lyricpad.core import livefiles
from lyricpad.core.errors import (
    ForeignDatabase,
    InvalidValue,
    LibraryDamaged,
    LibraryTooNew,
    LibraryUnavailable,
    LyricpadError,
    NotALibrary,
    SearchIndexDamaged,
)
from lyricpad.core.probe import IDENTITY_SQL, page_problems, primary_code
from lyricpad.core.schema import APPLICATION_ID, SCHEMA_VERSION, migrations
from lyricpad.core.store.annotations import Annotations
from lyricpad.core.store.articles import Articles
from lyricpad.core.store.common import new_id, now
from lyricpad.core.store.connection import Connection
from lyricpad.core.store.corrections import Corrections
from lyricpad.core.store.lenses import Lenses, Tags
from lyricpad.core.store.links import Links
from lyricpad.core.store.opening import BUSY_TIMEOUT_MS, add_functions, file_key, open_library, too_new
from lyricpad.core.store.search import Search
from lyricpad.core.store.snapshots import Snapshots
from lyricpad.core.store.songs import Songs
from lyricpad.core.store.translations import Translations
from lyricpad.core.store.write_gate import WriteGate

SYNCHRONOUS = "FULL"
"""FULL: a committed change survives power loss, not only a crash of lyricpad (README)."""

LIBRARY_ID_KEY = "library_id"
"""The meta key of a library's own id."""
LIBRARY_PATH_KEY = "library_path"
"""The meta key of where the library was last opened."""
LIBRARY_FILE_KEY = "library_file"
"""The meta key of the file (device:inode) the library was last opened in: another file at another
place is a copy, and gets an id of its own."""
BACKUP_OF_KEY = "backup_of"
"""The meta key a backup carries: the id of the library it is a backup of."""


def _sqlite_cause(exc: BaseException) -> sqlite3.Error | None:
    """The SQLite error *exc* is, or was raised from (through a few readable errors made of it)."""
    for _ in range(6):
        if isinstance(exc, sqlite3.Error):
            return exc
        if exc.__cause__ is None:
            return None
        exc = exc.__cause__
    return None


class Library:
    """An open lyricpad library. Use `Library.open(path)`; close it (or use `with`)."""

    def __init__(self, db: Connection, path: Path | None):
        self.db = db
        self.path = path
        self.read_only: str | None = None
        """Why the library is open read-only (it was written by a newer lyricpad), or None."""
        self.gate = WriteGate(checked=path is None)
        """The whole check the file passes before this process first writes to it (see `write_gate`)."""
        self._closed = False
        self.songs = Songs(self)
        self.articles = Articles(self)
        self.annotations = Annotations(self)
        self.lenses = Lenses(self)
        self.tags = Tags(self)
        self.search = Search(self)
        self.snapshots = Snapshots(self)
        self.links = Links(self)
        self.corrections = Corrections(self)
        self.translations = Translations(self)

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: str | os.PathLike | None, *, seed_demo: bool = True) -> Library:
        """Open (creating when missing) the library at *path*; None opens a private in-memory one.

        A file that is not a lyricpad library, or a damaged one, is refused before anything is
        written to it (or to its -wal, -shm or -journal): it is first looked at through a
        connection that cannot write (see `probe`). Its every page is checked as it opens only
        when opening would write to it (see `opening.opening_writes`); otherwise before the first
        write of this process (see `write_gate`; the window's background check does it sooner), so
        reading never waits for it and nothing is ever written to a damaged file. A read that
        meets damage fails with one message, having changed nothing. One written by a newer lyricpad is opened
        read-only: `read_only` says why, and every write is refused with that message.
        """
        return open_library(cls, path, seed_demo)

    def reader(self) -> Library:
        """Another connection to this library, read-only, for a worker thread (a connection belongs
        to the thread that opened it).

        It is opened through SQLite, which shares the locks of one file among all the connections
        of a process: unlike a plain open() of the file, it never unlocks the library for other
        processes. Nothing is checked or migrated again: this library did that when it opened.
        Close it when done. Reading in a transaction gives a consistent snapshot while the
        window goes on writing.
        """
        if self.path is None:
            raise LibraryUnavailable("an in-memory library has only one connection")
        try:
            conn = sqlite3.connect(
                f"{self.path.resolve().as_uri()}?mode=ro",
                uri=True,
                isolation_level=None,
                timeout=BUSY_TIMEOUT_MS / 1000,
            )
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            add_functions(conn)
        except sqlite3.Error as exc:
            raise LibraryUnavailable(f"cannot read the library {self.path}: {exc}") from exc
        reader = type(self)(Connection(conn), self.path)
        reader.read_only = "this connection only reads (it belongs to a worker)"
        reader.gate = self.gate  # the same file: its check, run by a worker, opens this library's gate
        livefiles.hold(self.path)
        return reader

    def reopened(self, library_id: str | None = None) -> None:
        """Check and upgrade the library again after its content was replaced (a restored backup);
        it keeps *library_id*, its own id from before."""
        if self._check_identity():
            raise LibraryTooNew("the restored library is newer than this lyricpad")
        self._check_pages()
        self._configure()
        self._migrate()
        self.keep_identity(library_id)

    def data_version(self) -> int:
        """A number that changes when another connection (another process) commits a change."""
        return self.row("PRAGMA data_version")["data_version"]

    @property
    def _name(self) -> str:
        return str(self.path) if self.path else "the in-memory library"

    def _check_identity(self) -> str | None:
        """Refuse what is not a lyricpad library; for a newer one, say why it must be read-only."""
        try:
            # One statement, one snapshot: three would each see their own moment, and a library
            # another process creates meanwhile could show its tables without its id.
            app_id, version, objects = self.db.execute(IDENTITY_SQL).fetchone()
        except sqlite3.Error as exc:
            raise self._error(exc, "open") from exc
        if app_id != APPLICATION_ID and (app_id != 0 or objects):
            raise ForeignDatabase(f"{self._name} is an SQLite database, but not a lyricpad library")
        if version > SCHEMA_VERSION:
            return too_new(self._name, version)
        return None

    def _check_pages(self) -> None:
        """Refuse a library whose pages or indexes are damaged (integrity_check)."""
        if self.path is None:
            return
        damage = self._page_damage("open")
        self.gate.settle(damage)
        if damage:
            raise NotALibrary(damage)

    def _page_damage(self, doing: str) -> str:
        """SQLite's check of every page and index of the file: "" when sound, else the damage in one sentence."""
        try:
            problems = [row[0] for row in self.db.execute("PRAGMA integrity_check(3)").fetchall()]
        except sqlite3.Error as exc:
            if primary_code(exc) in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
                return f"{self._name} is damaged (SQLite's check failed: {exc})"
            raise self._error(exc, doing) from exc
        damaged = page_problems(problems)
        return f"{self._name} is damaged (SQLite's check found: {' '.join(damaged)})" if damaged else ""

    def _pass_gate(self) -> None:
        """Before this process first writes to the file: check it whole (once), refuse a damaged one."""
        damage = self.gate.check(lambda: self._page_damage("write to"))
        if damage:
            raise LibraryDamaged(
                f"the change was not saved: {damage}; nothing was changed: check it with "
                "`lyricpad check` or File > Check Library"
            )

    def _configure(self) -> None:
        try:
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if self.path is not None:
                mode = self.db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if mode.lower() != "wal":
                    raise LibraryUnavailable(f"cannot use write-ahead logging for {self._name}")
            self.db.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")
            self.db.execute("PRAGMA foreign_keys = ON")
        except sqlite3.Error as exc:
            raise self._error(exc, "open") from exc

    def _migrate(self) -> None:
        """Apply pending steps, each in its own transaction taken with the write lock.

        Pending steps are looked up again under the lock, so two processes opening a
        new library at once cannot both apply a step. A library at the current version has
        none (each step sets user_version in its transaction): nothing is looked up.
        """
        if self.schema_version == SCHEMA_VERSION:
            return
        if self.path is not None and self.schema_version >= 1 and self._read(migrations.pending, self.db):
            from lyricpad.core.backup import make_backup

            make_backup(self, reason="migration")  # before any step: the old library, whole
        while self._read(migrations.pending, self.db):
            with self.write():
                pending = migrations.pending(self.db)
                if pending:
                    following = pending[1].name if len(pending) > 1 else None
                    migrations.apply(self.db, stop_before=following)

    def _seed_demo_once(self) -> None:
        """Give a brand-new library the demo song, once: deleting it later does not bring it back."""
        if self.meta("demo_seeded") is not None:
            return
        from lyricpad.core.demo import seed_demo

        with self.write():
            if self.meta("demo_seeded") is None:  # checked again under the write lock
                if not self.row("SELECT 1 FROM songs LIMIT 1"):
                    seed_demo(self)
                self.set_meta("demo_seeded", now())

    @property
    def schema_version(self) -> int:
        return self.row("PRAGMA user_version")["user_version"]

    def _ensure_identity(self) -> None:
        """Give the library its own id (its backups carry it, so a backup is known as this library's).

        A file opened as a library is a library: a backup opened as one, or a copy (another
        file at another place: both its inode and its path differ from those recorded) becomes
        a library of its own, with a new id and no mark of a backup, so that `backup -o` never
        takes it for a backup of the original. The same file reached by another path (a moved
        folder, a bind mount, another spelling) is the same library, and nothing is written.
        """
        here, file = (str(self.path), file_key(self.path)) if self.path else ("", "")

        def settled() -> bool:
            return (
                self.meta(LIBRARY_ID_KEY) is not None
                and self.meta(LIBRARY_FILE_KEY) == file
                and self.meta(BACKUP_OF_KEY) is None
            )

        if settled():
            return
        with self.write():
            if settled():  # looked at again under the write lock
                return
            recorded_file, recorded_path = self.meta(LIBRARY_FILE_KEY), self.meta(LIBRARY_PATH_KEY)
            copied = recorded_file not in (None, file) and recorded_path not in (None, here)
            if self.meta(LIBRARY_ID_KEY) is None or copied or self.meta(BACKUP_OF_KEY) is not None:
                self.set_meta(LIBRARY_ID_KEY, new_id())
            self.set_meta(LIBRARY_PATH_KEY, here)
            self.set_meta(LIBRARY_FILE_KEY, file)
            self.db.execute("DELETE FROM meta WHERE key = ?", [BACKUP_OF_KEY])

    def keep_identity(self, library_id: str | None) -> None:
        """After its content was replaced (a restored backup), the library is still itself."""
        with self.write():
            if library_id:
                self.set_meta(LIBRARY_ID_KEY, library_id)
            self.set_meta(LIBRARY_PATH_KEY, str(self.path) if self.path else "")
            self.set_meta(LIBRARY_FILE_KEY, file_key(self.path) if self.path else "")
            self.db.execute("DELETE FROM meta WHERE key = ?", [BACKUP_OF_KEY])

    @property
    def library_id(self) -> str | None:
        """This library's own id (None only for a library of a newer lyricpad that has none)."""
        return self.meta(LIBRARY_ID_KEY)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.db.close()
        if self.path is not None:
            livefiles.release(self.path)

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------- transactions

    @contextlib.contextmanager
    def write(self) -> Iterator[Library]:
        """The one way to change the library: everything inside is one transaction.

        The outermost use starts with BEGIN IMMEDIATE, taking the write lock at once: a
        deferred transaction that reads first and writes later can fail with "database is
        locked" without waiting, when another process wrote in between. Nested uses become
        savepoints. On any error everything is rolled back, so no transaction is left
        open, and SQLite's error becomes a message that says what happened.
        """
        if self.read_only:
            raise LibraryTooNew(f"nothing was changed: {self.read_only}")
        if not self.gate.open:
            self._pass_gate()
        outermost = not self.db.conn.in_transaction
        try:
            if not outermost:
                with self.db.atomic():
                    yield self
                return
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self
                self.db.execute("COMMIT")
            except BaseException:
                self.db.rollback()
                raise
        except (sqlite3.Error, LyricpadError) as exc:
            # SQLite's own error, or one that code inside (a nested write, a merge) made of it.
            cause = _sqlite_cause(exc)
            if cause is None:
                raise
            if outermost and primary_code(cause) in (sqlite3.SQLITE_CONSTRAINT, sqlite3.SQLITE_CORRUPT):
                # A full-text index out of step with its table makes the table's triggers fail
                # on every write: say so, so that the caller rebuilds it (nothing was written).
                damaged = self.read_quietly(self.search.problems)
                if damaged and self.read_quietly(lambda: self._tables_damaged(damaged)) is not False:
                    # The tables themselves cannot be read: damaged pages, not the index.
                    raise self._error(cause, "write to") from cause
                if damaged:
                    raise SearchIndexDamaged(
                        f"the change was not saved: the library's search index is damaged ({cause}); "
                        "it can be rebuilt from your songs, articles and notes",
                        sorted(damaged),
                    ) from cause
            if isinstance(exc, sqlite3.Error):
                raise self._error(exc, "write to") from exc
            raise

    def _tables_damaged(self, tables) -> bool:
        """Whether SQLite's check of these tables and their indexes (only them) finds damaged pages."""
        return any(
            page_problems([row[0] for row in self.db.execute(f"PRAGMA quick_check({table})").fetchall()])
            for table in tables
        )

    def read_quietly(self, function):
        """*function*'s result, or None when reading fails (used while reporting another error)."""
        try:
            return function()
        except (sqlite3.Error, LyricpadError):
            return None

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[Library]:
        """Reads inside see one moment of the library, whatever other connections commit meanwhile."""
        if self.db.conn.in_transaction:
            yield self
            return
        self._read(self.db.execute, "BEGIN")
        try:
            yield self
        finally:
            with contextlib.suppress(sqlite3.Error):
                self.db.execute("COMMIT")

    def _error(self, exc: sqlite3.Error, doing: str) -> LyricpadError:
        """SQLite's error as a message a user can act on."""
        code = primary_code(exc)
        if isinstance(exc, sqlite3.IntegrityError):
            return InvalidValue(f"the change was refused by the library: {exc}; nothing was changed")
        if code == sqlite3.SQLITE_CORRUPT and doing == "read":
            return NotALibrary(
                f"{self._name} is damaged ({exc}); nothing was changed: check it with "
                "`lyricpad check` or File > Check Library"
            )
        if code in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT):
            if doing == "write to":
                # Kept by the window for another try, unlike a refusal: the library may be repaired.
                return LibraryDamaged(
                    f"the change was not saved: {self._name} looks damaged ({exc}); "
                    "check it with File > Check Library or `lyricpad check`"
                )
            return NotALibrary(f"{self._name} is not a lyricpad library, or it is damaged ({exc})")
        if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            return LibraryUnavailable(
                f"{self._name} is busy: another program is keeping it locked; nothing was changed, try again"
            )
        suffix = "; nothing was changed" if doing == "write to" else ""
        if code == sqlite3.SQLITE_FULL:
            return LibraryUnavailable(f"the disk holding {self._name} is full{suffix}; free some space")
        if code == sqlite3.SQLITE_IOERR:
            return LibraryUnavailable(
                f"the disk could not {doing} {self._name} (an I/O error: {exc}){suffix}"
            )
        if code == sqlite3.SQLITE_READONLY:
            return LibraryUnavailable(f"{self._name} cannot be written at the moment ({exc}){suffix}")
        return LibraryUnavailable(f"could not {doing} the library {self._name}: {exc}{suffix}")

    def _read(self, function, *args):
        try:
            return function(*args)
        except sqlite3.Error as exc:
            raise self._error(exc, "read") from exc

    def rows(self, sql: str, params: Sequence | dict = ()) -> list[dict]:
        """Every row of a query, as dicts."""
        return self._read(lambda: list(self.db.query(sql, params)))

    def tuples(self, sql: str, params: Sequence | dict = ()) -> list[tuple]:
        """Every row of a query as tuples (for bulk reads, where building dicts costs)."""
        return self._read(lambda: self.db.conn.execute(sql, params).fetchall())

    def row(self, sql: str, params: Sequence | dict = ()) -> dict | None:
        """The first row of a query, as a dict (None when there is none)."""
        rows = self.rows(sql, params)
        return rows[0] if rows else None

    # --------------------------------------------------------------------- meta

    def meta(self, key: str) -> str | None:
        row = self.row("SELECT value FROM meta WHERE key = ?", [key])
        return row["value"] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.write():
            self.db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )

    def update_row(self, table: str, item_id: str, data: dict) -> None:
        """Set the given columns of the row with that id (in the caller's transaction)."""
        assignments = ", ".join(f"{column} = ?" for column in data)
        self.db.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", [*data.values(), item_id])

    def put_row(self, table: str, data: dict) -> None:
        """Insert a row with its id, or overwrite every given column of the row with that id.

        An upsert rather than DELETE + INSERT: the row keeps its rowid, so the FTS index is
        updated in place and nothing that cascades from the row is erased.
        """
        columns = ", ".join(data)
        marks = ", ".join("?" * len(data))
        updates = ", ".join(f"{column} = excluded.{column}" for column in data if column != "id")
        self.db.execute(
            f"INSERT INTO {table} ({columns}) VALUES ({marks}) ON CONFLICT(id) DO UPDATE SET {updates}",
            list(data.values()),
        )
