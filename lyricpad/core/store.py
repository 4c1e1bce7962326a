"""The library: one SQLite file, opened safely, written only through one transaction helper.

All SQL of lyricpad lives here (and the schema in schema.py).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import re
import sqlite3
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from lyricpad.core import livefiles
from lyricpad.core.anchoring import Anchor, EditMap, Proposal, accept_proposals, reanchor
from lyricpad.core.errors import (
    AmbiguousReference,
    AnnotationNotFound,
    ArticleNotFound,
    ForeignDatabase,
    InvalidValue,
    LensNotFound,
    LibraryDamaged,
    LibraryTooNew,
    LibraryUnavailable,
    LyricpadError,
    NotALibrary,
    SearchIndexDamaged,
    SongNotFound,
)
from lyricpad.core.markdown import rendered_text
from lyricpad.core.models import STATUSES, TARGETS, Annotation, Article, Lens, Song
from lyricpad.core.probe import Probe, connect_read_only, page_problems, primary_code, probe
from lyricpad.core.schema import APPLICATION_ID, FTS_COLUMNS, SCHEMA_VERSION, migrations
from lyricpad.core.text import LineIndex, fold, normalise_line, normalise_text, sort_key

BUSY_TIMEOUT_MS = 5000
"""How long a write waits for another process's write to finish before giving up."""

SYNCHRONOUS = "FULL"
"""FULL: a committed change survives power loss, not only a crash of lyricpad (README)."""

MIN_ID_PREFIX = 4
"""Shortest id prefix accepted where a song or article is named by id."""


def now() -> str:
    """The current time as an ISO 8601 UTC string with milliseconds."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def new_id() -> str:
    return str(uuid.uuid4())


def _from_row(model, row: dict, **converted):
    """A model object from a row whose columns carry the model's field names."""
    return model(**{f.name: converted.get(f.name, row.get(f.name)) for f in dataclasses.fields(model)})


def _sqlite_cause(exc: BaseException) -> sqlite3.Error | None:
    """The SQLite error *exc* is, or was raised from (through a few readable errors made of it)."""
    for _ in range(6):
        if isinstance(exc, sqlite3.Error):
            return exc
        if exc.__cause__ is None:
            return None
        exc = exc.__cause__
    return None


def _nullable(function):
    return lambda value: None if value is None else function(value)


def clean_colour(colour: str) -> str:
    """A colour as stored: '#rrggbb' in lower case."""
    value = (colour or "").strip().lower()
    if not re.fullmatch(r"#[0-9a-f]{6}", value):
        raise InvalidValue(f"the colour {colour!r} is not of the form #rrggbb")
    return value


def _line_times_json(value) -> str | None:
    """Per-line LRC times (a list with, per line, None or a list of milliseconds) as JSON."""
    if value is None:
        return None
    valid = isinstance(value, list) and all(
        item is None or (isinstance(item, list) and all(type(ms) is int and ms >= 0 for ms in item))
        for item in value
    )
    if not valid:
        raise InvalidValue("line times must give, per line, nothing or a list of milliseconds")
    return json.dumps(value)


def _json_or_none(value: str | None):
    return json.loads(value) if value else None


def _lrc_tags_json(value) -> str | None:
    """LRC header tags (tag name -> text) as JSON."""
    if value is None:
        return None
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise InvalidValue("LRC tags must map tag names to text")
    return json.dumps(value, ensure_ascii=False)


def _word_times_json(value) -> str | None:
    """Per-line word times (None or a list of [milliseconds, offset in the line]) as JSON."""
    if value is None:
        return None
    valid = isinstance(value, list) and all(
        item is None
        or (
            isinstance(item, list)
            and all(
                isinstance(pair, list | tuple)
                and len(pair) == 2
                and all(type(n) is int and n >= 0 for n in pair)
                for pair in item
            )
        )
        for item in value
    )
    if not valid:
        raise InvalidValue("word times must give, per line, nothing or a list of [milliseconds, offset]")
    return json.dumps([None if item is None else [list(pair) for pair in item] for item in value])


LIBRARY_ID_KEY = "library_id"
"""The meta key of a library's own id."""
LIBRARY_PATH_KEY = "library_path"
"""The meta key of where the library was last opened."""
LIBRARY_FILE_KEY = "library_file"
"""The meta key of the file (device:inode) the library was last opened in: another file at another
place is a copy, and gets an id of its own."""
BACKUP_OF_KEY = "backup_of"
"""The meta key a backup carries: the id of the library it is a backup of."""


def _too_new(name: str, version: int) -> str:
    return (
        f"{name} was written by a newer lyricpad (library version {version}; "
        f"this lyricpad knows up to {SCHEMA_VERSION}), so it is open read-only: "
        "update lyricpad to change it"
    )


def _file_key(path: Path) -> str:
    """The file at *path* as "device:inode" ("" when it cannot be read)."""
    try:
        info = os.stat(path)
    except OSError:
        return ""
    return f"{info.st_dev}:{info.st_ino}"


def _add_functions(conn: sqlite3.Connection) -> None:
    # SQLite's NOCASE folds ASCII only; these fold every script.
    conn.create_function("lp_fold", 1, _nullable(fold), deterministic=True)
    conn.create_function("lp_sort", 1, _nullable(sort_key), deterministic=True)


class Library:
    """An open lyricpad library. Use `Library.open(path)`; close it (or use `with`)."""

    def __init__(self, db: sqlite_utils.Database, path: Path | None):
        self.db = db
        self.path = path
        self.read_only: str | None = None
        """Why the library is open read-only (it was written by a newer lyricpad), or None."""
        self._closed = False

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: str | os.PathLike | None, *, seed_demo: bool = True) -> Library:
        """Open (creating when missing) the library at *path*; None opens a private in-memory one.

        A file that is not a lyricpad library, or a damaged one, is refused before anything is
        written to it (or to its -wal, -shm or -journal): it is first looked at through a
        connection that cannot write (see `probe`). One written by a newer lyricpad is opened
        read-only: `read_only` says why, and every write is refused with that message.
        """
        if path is None:
            return cls._prepared(sqlite3.connect(":memory:", isolation_level=None), None, seed_demo)
        given = Path(path).expanduser()
        exists = cls._check_place(given)
        # SQLite keeps the -wal and -shm beside the file a link points to: so does lyricpad.
        lib_path = Path(os.path.realpath(given))
        looked = cls._look_before_opening(lib_path) if exists else None
        lib = None
        if looked is None or not looked.too_new:
            lib = cls._prepared(cls._connect(lib_path), lib_path, seed_demo)
            if lib is None:  # made newer by another process since it was looked at
                looked = probe(lib_path, check_pages=False)
        if lib is None:
            lib = cls._open_read_only(lib_path, looked.version)
        livefiles.hold(lib_path)
        return lib

    @classmethod
    def _prepared(cls, conn: sqlite3.Connection, path: Path | None, seed_demo: bool) -> Library | None:
        """The library on a new read-write connection, configured, migrated, given its id (and the
        demo); None, its connection closed, when it turned out newer than this lyricpad."""
        try:
            _add_functions(conn)
            lib = cls(sqlite_utils.Database(conn, execute_plugins=False), path)
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

    @staticmethod
    def _check_place(path: Path) -> bool:
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

    @classmethod
    def _look_before_opening(cls, path: Path) -> Probe | None:
        """Check where the library goes, and what a file already there holds, without changing anything.

        None: there is nothing to look at (an empty file). Looking is done through SQLite
        only, so it is safe also when this process has the library open already.
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
        if info.st_size == 0 and not path.with_name(path.name + "-wal").exists():
            return None  # an empty file: SQLite makes a new database of it
        return probe(path)

    @classmethod
    def _open_read_only(cls, path: Path, version: int) -> Library:
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
            _add_functions(conn)
        except sqlite3.Error as exc:
            raise LibraryUnavailable(f"cannot open the library {path} read-only: {exc}") from exc
        lib = cls(sqlite_utils.Database(conn, execute_plugins=False), path)
        lib.read_only = _too_new(str(path), version)
        return lib

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
            _add_functions(conn)
        except sqlite3.Error as exc:
            raise LibraryUnavailable(f"cannot read the library {self.path}: {exc}") from exc
        reader = type(self)(sqlite_utils.Database(conn, execute_plugins=False), self.path)
        reader.read_only = "this connection only reads (it belongs to a worker)"
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
        return self._one("PRAGMA data_version")["data_version"]

    @classmethod
    def _connect(cls, path: Path) -> sqlite3.Connection:
        try:
            # isolation_level=None: no implicit transactions; every write is an explicit
            # BEGIN..COMMIT through Library.write().
            return sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except (sqlite3.Error, OSError) as exc:
            raise LibraryUnavailable(f"cannot open the library {path}: {exc}") from exc

    @property
    def _name(self) -> str:
        return str(self.path) if self.path else "the in-memory library"

    def _check_identity(self) -> str | None:
        """Refuse what is not a lyricpad library; for a newer one, say why it must be read-only."""
        try:
            app_id = self.db.execute("PRAGMA application_id").fetchone()[0]
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            objects = self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        except sqlite3.Error as exc:
            raise self._error(exc, "open") from exc
        if app_id != APPLICATION_ID and (app_id != 0 or objects):
            raise ForeignDatabase(f"{self._name} is an SQLite database, but not a lyricpad library")
        if version > SCHEMA_VERSION:
            return _too_new(self._name, version)
        return None

    def _check_pages(self) -> None:
        """Refuse a library whose pages or indexes are damaged (integrity_check)."""
        if self.path is None:
            return
        try:
            problems = [row[0] for row in self.db.execute("PRAGMA integrity_check(3)").fetchall()]
        except sqlite3.Error as exc:
            raise self._error(exc, "open") from exc
        damaged = page_problems(problems)
        if damaged:
            raise NotALibrary(f"{self._name} is damaged (SQLite's check found: {' '.join(damaged)})")

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
        new library at once cannot both apply a step.
        """
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
                if not self._one("SELECT 1 FROM songs LIMIT 1"):
                    seed_demo(self)
                self.set_meta("demo_seeded", now())

    @property
    def schema_version(self) -> int:
        return self._one("PRAGMA user_version")["user_version"]

    def _ensure_identity(self) -> None:
        """Give the library its own id (its backups carry it, so a backup is known as this library's).

        A file opened as a library is a library: a backup opened as one, or a copy (another
        file at another place: both its inode and its path differ from those recorded) becomes
        a library of its own, with a new id and no mark of a backup, so that `backup -o` never
        takes it for a backup of the original. The same file reached by another path (a moved
        folder, a bind mount, another spelling) is the same library, and nothing is written.
        """
        here, file = (str(self.path), _file_key(self.path)) if self.path else ("", "")

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
            self.set_meta(LIBRARY_FILE_KEY, _file_key(self.path) if self.path else "")
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
                damaged = self._read_quietly(self.search_index_problems)
                if damaged:
                    raise SearchIndexDamaged(
                        f"the change was not saved: the library's search index is damaged ({cause}); "
                        "it can be rebuilt from your songs, articles and notes",
                        sorted(damaged),
                    ) from cause
            if isinstance(exc, sqlite3.Error):
                raise self._error(exc, "write to") from exc
            raise

    def _read_quietly(self, function):
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

    def _all(self, sql: str, params: Sequence | dict = ()) -> list[dict]:
        """Every row of a query, as dicts."""
        return self._read(lambda: list(self.db.query(sql, params)))

    def _raw(self, sql: str, params: Sequence | dict = ()) -> list[tuple]:
        """Every row of a query as tuples (for bulk reads, where building dicts costs)."""
        return self._read(lambda: self.db.conn.execute(sql, params).fetchall())

    def _one(self, sql: str, params: Sequence | dict = ()) -> dict | None:
        rows = self._all(sql, params)
        return rows[0] if rows else None

    # --------------------------------------------------------------------- meta

    def meta(self, key: str) -> str | None:
        row = self._one("SELECT value FROM meta WHERE key = ?", [key])
        return row["value"] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.write():
            self.db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )

    # -------------------------------------------------------------------- songs

    @staticmethod
    def _song(row: dict) -> Song:
        return _from_row(
            Song,
            row,
            line_times=_json_or_none(row["line_times"]),
            lrc_tags=_json_or_none(row["lrc_tags"]),
            word_times=_json_or_none(row["word_times"]),
            deleted=bool(row["deleted"]),
        )

    def songs(self, *, include_deleted: bool = False) -> list[Song]:
        """Every song, sorted by title then artist (case-insensitively)."""
        where = "" if include_deleted else "WHERE deleted = 0"
        rows = self._all(f"SELECT * FROM songs {where} ORDER BY lp_sort(title), lp_sort(artist), created")
        return [self._song(r) for r in rows]

    def song(self, song_id: str) -> Song:
        row = self._one("SELECT * FROM songs WHERE id = ?", [song_id])
        if row is None:
            raise SongNotFound(f"no song with id {song_id}")
        return self._song(row)

    @staticmethod
    def _song_fields(fields: dict) -> dict:
        clean = {}
        for key, value in fields.items():
            if key == "title":
                value = normalise_line(value or "")
                if not value:
                    raise InvalidValue("a song needs a title")
            elif key in ("artist", "album", "language", "source_file"):
                value = normalise_line(value or "")
            elif key == "lyrics":
                value = normalise_text(value or "")
            elif key == "year":
                if value is not None and (type(value) is not int or not 0 < value < 10000):
                    raise InvalidValue(f"the year {value!r} is not a year")
            elif key == "lyrics_format":
                if value not in ("plain", "lrc"):
                    raise InvalidValue(f"unknown lyrics format {value!r}")
            elif key == "line_times":
                value = _line_times_json(value)
            elif key == "lrc_tags":
                value = _lrc_tags_json(value)
            elif key == "word_times":
                value = _word_times_json(value)
            else:
                raise InvalidValue(f"songs have no field {key!r}")
            clean[key] = value
        return clean

    def add_song(self, title: str, *, item_id: str | None = None, **fields) -> Song:
        """Create a song (with a new id, or *item_id*); text is normalised on the way in."""
        data = self._song_fields({"title": title, **fields})
        stamp = now()
        data.update(id=item_id or new_id(), created=stamp, updated=stamp)
        with self.write():
            self.db["songs"].insert(data)
            return self.song(data["id"])  # read in the same transaction: a failed read undoes the creation

    def update_song(self, song_id: str, **fields) -> Song:
        """Change a song's fields; a change of lyrics re-anchors the song's annotations."""
        data = self._song_fields(fields)
        data["updated"] = now()
        with self.write():
            old = self.song(song_id)
            self._update("songs", song_id, data)
            if "lyrics" in data:
                self._reanchor(song_id, "lyrics", None, old.lyrics, data["lyrics"])
        return self.song(song_id)

    def _reanchor(self, song_id: str, target: str, article_id: str | None, old: str, new: str) -> None:
        """Re-anchor every annotation on an edited text (trashed ones too: they may come back).

        See anchoring.reanchor: anchored annotations follow their words through a diff, or are
        found again by quote and context; otherwise they need review (with the place proposed)
        or are orphaned. Quote and note are never lost. Needs-review and orphaned annotations
        are looked for again, so an edit that brings their words back anchors them again.
        """
        if old == new:
            return
        annotations = self._annotations(
            "a.song_id = ? AND a.target = ? AND a.article_id IS ?", [song_id, target, article_id]
        )
        if not annotations:
            return  # nothing to follow: no diff to compute
        edit = EditMap(old, new)
        index = LineIndex(new)
        for annotation in annotations:
            result = reanchor(annotation.fragments, annotation.status, new, edit, index, old)
            if result.status == annotation.status and result.fragments == annotation.fragments:
                continue
            self._write_fragments(annotation.id, result.fragments)
            self._update("annotations", annotation.id, {"status": result.status, "updated": now()})

    def status_counts(self, song_id: str, target: str = "lyrics", article_id: str | None = None) -> dict:
        """How many annotations (not in the trash) on one text are anchored, need review, are orphaned."""
        counts = dict.fromkeys(STATUSES, 0)
        for row in self._all(
            "SELECT status, count(*) AS n FROM annotations"
            " WHERE song_id = ? AND target = ? AND article_id IS ? AND deleted = 0 GROUP BY status",
            [song_id, target, article_id],
        ):
            counts[row["status"]] = row["n"]
        return counts

    def _update(self, table: str, item_id: str, data: dict) -> None:
        assignments = ", ".join(f"{column} = ?" for column in data)
        self.db.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", [*data.values(), item_id])

    def _put(self, table: str, data: dict) -> None:
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

    def _purge(self, table: str, item_id: str, not_found: type, kind: str) -> None:
        with self.write():
            if self.db.execute(f"DELETE FROM {table} WHERE id = ?", [item_id]).rowcount == 0:
                raise not_found(f"no {kind} with id {item_id}")

    # Undo and redo write back a state read earlier instead of making a new change, so that
    # ids, creation times, fragments and tags come back exactly as they were.

    def set_song_deleted(self, song_id: str, deleted: bool = True) -> Song:
        """Move a song to the trash (or back); its articles and annotations are kept."""
        with self.write():
            self.song(song_id)
            self._update("songs", song_id, {"deleted": int(deleted), "updated": now()})
        return self.song(song_id)

    def restore_song_snapshot(self, song: Song, annotations: Iterable[Annotation] = ()) -> None:
        """Write *song* back exactly as it was read (creating it when it was purged).

        *annotations* (snapshots of the song's annotations) are written back in the same
        transaction: an edit of the lyrics may have marked some of them needs_review.
        """
        data = {
            "id": song.id,
            **self._song_fields(
                {
                    f.name: getattr(song, f.name)
                    for f in dataclasses.fields(Song)
                    if f.name not in ("id", "created", "updated", "deleted")
                }
            ),
            "created": song.created,
            "updated": song.updated,
            "deleted": int(song.deleted),
        }
        with self.write():
            self._put("songs", data)
            for annotation in annotations:
                self.restore_annotation_snapshot(annotation)

    def purge_song(self, song_id: str) -> None:
        """Erase a song for good, with its articles and annotations (undo of its creation)."""
        self._purge("songs", song_id, SongNotFound, "song")

    def resolve_song(self, ref: str) -> Song:
        """The song named by *ref*: an id, an unambiguous id prefix, or an exact title."""
        return self._song(self._resolve("songs", "song", ref, SongNotFound, "deleted = 0"))

    def _resolve(self, table: str, kind: str, ref: str, not_found: type, where: str, params=()) -> dict:
        ref = (ref or "").strip()
        if not ref:
            raise not_found(f"no {kind} given")
        rows = self._all(f"SELECT * FROM {table} WHERE id = ? AND {where}", [ref, *params])
        if not rows:
            rows = self._all(
                f"SELECT * FROM {table} WHERE title = ? AND {where}", [normalise_line(ref), *params]
            )
        if not rows:
            rows = self._all(
                f"SELECT * FROM {table} WHERE lp_fold(title) = lp_fold(?) AND {where}",
                [normalise_line(ref), *params],
            )
        if not rows and len(ref) >= MIN_ID_PREFIX:
            rows = self._all(
                f"SELECT * FROM {table} WHERE substr(id, 1, ?) = ? AND {where}",
                [len(ref), ref.lower(), *params],
            )
        if not rows:
            raise not_found(
                f"no {kind} matches {ref!r} (give an exact title, an id, or the first {MIN_ID_PREFIX}+ characters of an id)"
            )
        if len(rows) > 1:
            choices = ", ".join(f"{r['id'][:8]} {r['title']!r}" for r in rows[:5])
            raise AmbiguousReference(f"{ref!r} matches {len(rows)} {kind}s: {choices}; give an id")
        return rows[0]

    # ----------------------------------------------------------------- articles

    @staticmethod
    def _article(row: dict) -> Article:
        return _from_row(Article, row, deleted=bool(row["deleted"]))

    def articles(self, song_id: str, *, include_deleted: bool = False) -> list[Article]:
        where = "" if include_deleted else "AND deleted = 0"
        rows = self._all(
            f"SELECT * FROM articles WHERE song_id = ? {where} ORDER BY position, created", [song_id]
        )
        return [self._article(r) for r in rows]

    def article(self, article_id: str) -> Article:
        row = self._one("SELECT * FROM articles WHERE id = ?", [article_id])
        if row is None:
            raise ArticleNotFound(f"no article with id {article_id}")
        return self._article(row)

    def add_article(
        self,
        song_id: str,
        title: str = "",
        body: str = "",
        *,
        author: str = "",
        source: str = "",
        published: str = "",
        item_id: str | None = None,
    ) -> Article:
        """Attach an article (Markdown body) to a song, after its other articles."""
        self.song(song_id)
        stamp = now()
        data = {
            "id": item_id or new_id(),
            "song_id": song_id,
            "title": normalise_line(title),
            "author": normalise_line(author),
            "source": normalise_line(source),
            "published": normalise_line(published),
            "body": normalise_text(body),
            "created": stamp,
            "updated": stamp,
        }
        with self.write():
            last = self._one("SELECT max(position) AS p FROM articles WHERE song_id = ?", [song_id])
            data["position"] = (last["p"] + 1) if last["p"] is not None else 0
            self.db["articles"].insert(data)
            return self.article(data["id"])  # read in the same transaction: a failed read undoes the creation

    def update_article(self, article_id: str, **fields) -> Article:
        data = {}
        for key, value in fields.items():
            if key in ("title", "author", "source", "published"):
                data[key] = normalise_line(value or "")
            elif key == "body":
                data[key] = normalise_text(value or "")
            else:
                raise InvalidValue(f"articles have no field {key!r}")
        data["updated"] = now()
        with self.write():
            article = self.article(article_id)
            self._update("articles", article_id, data)
            if "body" in data:
                self._reanchor(
                    article.song_id,
                    "article",
                    article_id,
                    rendered_text(article.body),
                    rendered_text(data["body"]),
                )
        return self.article(article_id)

    def set_article_deleted(self, article_id: str, deleted: bool = True) -> Article:
        """Move an article to the trash (or back); its annotations are kept."""
        with self.write():
            self.article(article_id)
            self._update("articles", article_id, {"deleted": int(deleted), "updated": now()})
        return self.article(article_id)

    def restore_article_snapshot(self, article: Article, annotations: Iterable[Annotation] = ()) -> None:
        """Write *article* (and snapshots of its annotations) back exactly as they were read."""
        data = {
            "id": article.id,
            "song_id": article.song_id,
            "title": normalise_line(article.title),
            "author": normalise_line(article.author),
            "source": normalise_line(article.source),
            "published": normalise_line(article.published),
            "body": normalise_text(article.body),
            "position": article.position,
            "created": article.created,
            "updated": article.updated,
            "deleted": int(article.deleted),
        }
        with self.write():
            self.song(article.song_id)
            self._put("articles", data)
            for annotation in annotations:
                self.restore_annotation_snapshot(annotation)

    def purge_article(self, article_id: str) -> None:
        """Erase an article for good, with its annotations (undo of its creation)."""
        self._purge("articles", article_id, ArticleNotFound, "article")

    def resolve_article(self, ref: str, song_id: str | None = None) -> Article:
        """The article named by *ref* (id, id prefix or exact title), within *song_id* when given."""
        where, params = "deleted = 0", []
        if song_id is not None:
            where, params = "deleted = 0 AND song_id = ?", [song_id]
        return self._article(self._resolve("articles", "article", ref, ArticleNotFound, where, params))

    # ------------------------------------------------------------------- lenses

    @staticmethod
    def _lens(row: dict) -> Lens:
        return Lens(row["id"], row["name"], row["colour"], row["position"])

    def lenses(self) -> list[Lens]:
        """The lenses in the user's order (keys 1-9 follow it)."""
        return [self._lens(r) for r in self._all("SELECT * FROM lenses ORDER BY position, lower(name)")]

    def lens(self, lens_id: str) -> Lens:
        row = self._one("SELECT * FROM lenses WHERE id = ?", [lens_id])
        if row is None:
            raise LensNotFound(f"no lens with id {lens_id}")
        return self._lens(row)

    def resolve_lens(self, ref: str) -> Lens:
        """A lens by name (any case), by number in the order (1 is the first), by id or id prefix."""
        ref = normalise_line(ref or "")
        lenses = self.lenses()
        found = [lens for lens in lenses if fold(lens.name) == fold(ref) or lens.id == ref]
        if not found and ref.isdigit() and 1 <= int(ref) <= len(lenses):
            found = [lenses[int(ref) - 1]]
        if not found and len(ref) >= MIN_ID_PREFIX:
            found = [lens for lens in lenses if lens.id.startswith(ref.lower())]
        if len(found) != 1:
            names = ", ".join(f"{n} {lens.name}" for n, lens in enumerate(lenses, 1))
            raise LensNotFound(f"no lens named {ref!r}; the lenses are: {names}")
        return found[0]

    def _lens_name(self, name: str, lens_id: str | None = None) -> str:
        name = normalise_line(name or "")
        if not name:
            raise InvalidValue("a lens needs a name")
        if self._one(
            "SELECT 1 FROM lenses WHERE lp_fold(name) = lp_fold(?) AND id IS NOT ?", [name, lens_id]
        ):
            raise InvalidValue(f"there is already a lens named {name!r}")
        return name

    def add_lens(self, name: str, colour: str) -> Lens:
        """A new lens, last in the order."""
        colour = clean_colour(colour)
        lens_id = new_id()
        with self.write():
            last = self._one("SELECT max(position) AS p FROM lenses")["p"]
            self.db["lenses"].insert(
                {
                    "id": lens_id,
                    "name": self._lens_name(name),
                    "colour": colour,
                    "position": 0 if last is None else last + 1,
                }
            )
            return self.lens(lens_id)  # read in the same transaction: a failed read undoes the creation

    def update_lens(self, lens_id: str, *, name: str | None = None, colour: str | None = None) -> Lens:
        """Rename or recolour a lens; its annotations follow."""
        data = {}
        if colour is not None:
            data["colour"] = clean_colour(colour)
        with self.write():
            self.lens(lens_id)
            if name is not None:
                data["name"] = self._lens_name(name, lens_id)
            if data:
                self._update("lenses", lens_id, data)
        return self.lens(lens_id)

    def move_lens(self, lens_id: str, position: int) -> list[Lens]:
        """Put a lens at 0-based *position* in the order; returns the new order."""
        with self.write():
            order = [lens.id for lens in self.lenses()]
            if lens_id not in order:
                raise LensNotFound(f"no lens with id {lens_id}")
            if not 0 <= position < len(order):
                raise InvalidValue(f"position {position} is outside 0-{len(order) - 1}")
            order.remove(lens_id)
            order.insert(position, lens_id)
            for index, item in enumerate(order):
                self._update("lenses", item, {"position": index})
        return self.lenses()

    def delete_lens(self, lens_id: str) -> None:
        """Remove a lens; its annotations stay, with no lens."""
        with self.write():
            self.lens(lens_id)
            self.db.execute("DELETE FROM lenses WHERE id = ?", [lens_id])

    def restore_lens(self, lens: Lens, annotation_ids: Iterable[str] = ()) -> Lens:
        """Write *lens* back as it was read (same id, name, colour, position), creating it if deleted.

        *annotation_ids* get the lens again: deleting a lens took it off its annotations.
        Ids of annotations that no longer exist are skipped.
        """
        with self.write():
            self._put(
                "lenses",
                {
                    "id": lens.id,
                    "name": self._lens_name(lens.name, lens.id),
                    "colour": clean_colour(lens.colour),
                    "position": lens.position,
                },
            )
            for annotation_id in annotation_ids:
                self.db.execute("UPDATE annotations SET lens_id = ? WHERE id = ?", [lens.id, annotation_id])
        return self.lens(lens.id)

    def set_lens_positions(self, positions: Mapping[str, int]) -> list[Lens]:
        """Give lenses exact positions (lens id -> position); returns the new order."""
        with self.write():
            for lens_id, position in positions.items():
                self.lens(lens_id)
                self._update("lenses", lens_id, {"position": position})
        return self.lenses()

    # --------------------------------------------------------------------- tags

    def tags(self) -> list[str]:
        return [r["name"] for r in self._all("SELECT name FROM tags ORDER BY lp_sort(name)")]

    def ensure_tags(self, names: Iterable[str]) -> list[str]:
        """Make sure tags with these names exist (an import may bring tags no annotation uses yet)."""
        with self.write():
            self._tag_ids(names)
        return self.tags()

    @staticmethod
    def clean_tag(name: str) -> str:
        """A tag as stored: one line, no leading '#', inner whitespace as '-'."""
        name = normalise_line(name).lstrip("#").strip()
        return "-".join(name.split())

    def _tag_ids(self, names: Iterable[str]) -> list[str]:
        ids: list[str] = []
        for raw in names:
            name = self.clean_tag(raw)
            if not name:
                raise InvalidValue(f"the tag {raw!r} is empty")
            row = self._one("SELECT id FROM tags WHERE lp_fold(name) = lp_fold(?)", [name])
            if row is None:
                tag_id = new_id()
                self.db["tags"].insert({"id": tag_id, "name": name, "created": now()})
            else:
                tag_id = row["id"]
            if tag_id not in ids:
                ids.append(tag_id)
        return ids

    # -------------------------------------------------------------- annotations

    def target_text(self, song_id: str, target: str = "lyrics", article_id: str | None = None) -> str:
        """The normalised text an annotation's offsets count over."""
        if target == "lyrics":
            return self.song(song_id).lyrics
        article = self.article(article_id)
        if article.song_id != song_id:
            raise InvalidValue("the article belongs to another song")
        return rendered_text(article.body)

    def add_annotation(
        self,
        song_id: str,
        fragments: Sequence[Anchor],
        *,
        target: str = "lyrics",
        article_id: str | None = None,
        lens_id: str | None = None,
        note: str = "",
        tags: Iterable[str] = (),
        status: str = "anchored",
        item_id: str | None = None,
    ) -> Annotation:
        """Create an annotation with one or more fragments over the song's lyrics or one article."""
        if target not in TARGETS:
            raise InvalidValue(f"unknown target {target!r}")
        if status not in STATUSES:
            raise InvalidValue(f"unknown status {status!r}")
        if not fragments:
            raise InvalidValue("an annotation needs at least one fragment of text")
        if (target == "article") != (article_id is not None):
            raise InvalidValue("an article annotation needs its article, a lyrics one none")
        stamp = now()
        annotation_id = item_id or new_id()
        with self.write():
            # Checked under the write lock: no other process can change the text in between.
            self._check_fragments(self.target_text(song_id, target, article_id), fragments)
            if lens_id is not None:
                self.lens(lens_id)
            self.db["annotations"].insert(
                {
                    "id": annotation_id,
                    "song_id": song_id,
                    "target": target,
                    "article_id": article_id,
                    "lens_id": lens_id,
                    "note": normalise_text(note),
                    "status": status,
                    "created": stamp,
                    "updated": stamp,
                }
            )
            self._write_fragments(annotation_id, fragments)
            self._write_tags(annotation_id, tags)
            return self.annotation(
                annotation_id
            )  # read in the same transaction: a failed read undoes the creation

    def _write_fragments(self, annotation_id: str, fragments: Sequence[Anchor]) -> None:
        self.db.execute("DELETE FROM fragments WHERE annotation_id = ?", [annotation_id])
        self.db["fragments"].insert_all(
            {
                "annotation_id": annotation_id,
                "position": i,
                "char_start": f.start,
                "char_end": f.end,
                "quote": f.quote,
                "prefix": f.prefix,
                "suffix": f.suffix,
                "line_start": f.line_start,
                "line_end": f.line_end,
                "occurrence": f.occurrence,
                "proposed_start": f.proposal.start if f.proposal else None,
                "proposed_end": f.proposal.end if f.proposal else None,
                "proposed_line_start": f.proposal.line_start if f.proposal else None,
                "proposed_line_end": f.proposal.line_end if f.proposal else None,
            }
            for i, f in enumerate(fragments)
        )

    def _write_tags(self, annotation_id: str, tags: Iterable[str]) -> None:
        self.db.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", [annotation_id])
        for tag_id in self._tag_ids(tags):
            self.db.execute(
                "INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)", [annotation_id, tag_id]
            )

    def annotation(self, annotation_id: str) -> Annotation:
        found = self._annotations("a.id = ?", [annotation_id])
        if not found:
            raise AnnotationNotFound(f"no annotation with id {annotation_id}")
        return found[0]

    def resolve_annotation(self, ref: str) -> Annotation:
        """An annotation by id or unambiguous id prefix, in the trash or not."""
        ref = (ref or "").strip().lower()
        rows = self._all("SELECT id FROM annotations WHERE id = ?", [ref])
        if not rows and len(ref) >= MIN_ID_PREFIX:
            rows = self._all("SELECT id FROM annotations WHERE substr(id, 1, ?) = ?", [len(ref), ref])
        if not rows:
            raise AnnotationNotFound(
                f"no annotation matches {ref!r} (give its id or the first {MIN_ID_PREFIX}+ characters of it)"
            )
        if len(rows) > 1:
            raise AmbiguousReference(f"{ref!r} matches {len(rows)} annotations; give more of the id")
        return self.annotation(rows[0]["id"])

    def annotations(self, song_id: str, *, include_deleted: bool = False) -> list[Annotation]:
        """The song's annotations in text order: lyrics first, then each article in turn."""
        where = "a.song_id = ?" + ("" if include_deleted else " AND a.deleted = 0")
        return self._annotations(where, [song_id])

    def _annotations(self, where: str, params: Sequence) -> list[Annotation]:
        rows = self._all(
            "SELECT a.*, l.name AS lens_name, l.colour AS lens_colour, l.position AS lens_position,"
            " ar.position AS article_position"
            " FROM annotations a LEFT JOIN lenses l ON l.id = a.lens_id"
            " LEFT JOIN articles ar ON ar.id = a.article_id"
            f" WHERE {where}",
            params,
        )
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        # The fragments and tags of the same annotations, selected by the same condition (not by
        # a list of ids: SQLite limits how many values one statement may take).
        fragments: dict[str, list[Anchor]] = {i: [] for i in ids}
        for (
            annotation_id,
            start,
            end,
            quote,
            prefix,
            suffix,
            line_start,
            line_end,
            occurrence,
            proposed_start,
            proposed_end,
            proposed_line_start,
            proposed_line_end,
        ) in self._raw(
            "SELECT f.annotation_id, f.char_start, f.char_end, f.quote, f.prefix, f.suffix, f.line_start,"
            " f.line_end, f.occurrence, f.proposed_start, f.proposed_end, f.proposed_line_start,"
            " f.proposed_line_end FROM fragments f JOIN annotations a ON a.id = f.annotation_id"
            f" WHERE {where} ORDER BY f.annotation_id, f.position",
            params,
        ):
            proposal = None
            if proposed_start is not None:
                proposal = Proposal(proposed_start, proposed_end, proposed_line_start, proposed_line_end)
            fragments[annotation_id].append(
                Anchor(start, end, quote, prefix, suffix, line_start, line_end, occurrence, proposal)
            )
        tags: dict[str, list[str]] = {i: [] for i in ids}
        for annotation_id, name in self._raw(
            "SELECT at.annotation_id, t.name FROM annotation_tags at JOIN tags t ON t.id = at.tag_id"
            f" JOIN annotations a ON a.id = at.annotation_id WHERE {where}",
            params,
        ):
            tags[annotation_id].append(name)
        for names in tags.values():
            if len(names) > 1:
                names.sort(key=sort_key)
        lenses = {}
        for r in rows:
            if r["lens_id"] and r["lens_id"] not in lenses:
                lenses[r["lens_id"]] = Lens(
                    r["lens_id"], r["lens_name"], r["lens_colour"], r["lens_position"]
                )
        result = [
            Annotation(
                id=r["id"],
                song_id=r["song_id"],
                target=r["target"],
                article_id=r["article_id"],
                lens=lenses.get(r["lens_id"]),
                note=r["note"],
                status=r["status"],
                fragments=tuple(fragments[r["id"]]),
                tags=tuple(tags[r["id"]]),
                created=r["created"],
                updated=r["updated"],
                deleted=bool(r["deleted"]),
            )
            for r in rows
        ]
        order = {
            r["id"]: (r["target"] != "lyrics", r["article_position"] or 0, r["article_id"] or "")
            for r in rows
        }
        result.sort(key=lambda a: (*order[a.id], a.first.start if a.fragments else 0, a.created))
        return result

    def _touch_annotation(self, annotation_id: str, **data) -> Annotation:
        data["updated"] = now()
        with self.write():
            self.annotation(annotation_id)
            self._update("annotations", annotation_id, data)
        return self.annotation(annotation_id)

    def set_note(self, annotation_id: str, note: str) -> Annotation:
        return self._touch_annotation(annotation_id, note=normalise_text(note))

    def set_lens(self, annotation_id: str, lens_id: str | None) -> Annotation:
        with self.write():
            if lens_id is not None:
                self.lens(lens_id)
            return self._touch_annotation(annotation_id, lens_id=lens_id)

    def set_tags(self, annotation_id: str, tags: Iterable[str]) -> Annotation:
        with self.write():
            self.annotation(annotation_id)
            self._write_tags(annotation_id, tags)
            return self._touch_annotation(annotation_id)

    def set_deleted(self, annotation_id: str, deleted: bool = True) -> Annotation:
        """Move an annotation to the trash (or back); nothing is erased."""
        return self._touch_annotation(annotation_id, deleted=int(deleted))

    def annotations_with_lens(self, lens_id: str) -> list[Annotation]:
        """Every annotation that has the lens, those in the trash included."""
        return self._annotations("a.lens_id = ?", [lens_id])

    def restore_annotation_snapshot(self, annotation: Annotation) -> None:
        """Write *annotation* back exactly as it was read: the same id, times, fragments and tags.

        Creates it again when it was purged. Its text is not checked: the snapshot was
        valid when it was read, and undo must bring back needs_review annotations too.
        """
        if annotation.target not in TARGETS:
            raise InvalidValue(f"unknown target {annotation.target!r}")
        if annotation.status not in STATUSES:
            raise InvalidValue(f"unknown status {annotation.status!r}")
        with self.write():
            self._put(
                "annotations",
                {
                    "id": annotation.id,
                    "song_id": annotation.song_id,
                    "target": annotation.target,
                    "article_id": annotation.article_id,
                    "lens_id": annotation.lens.id if annotation.lens else None,
                    "note": normalise_text(annotation.note),
                    "status": annotation.status,
                    "created": annotation.created,
                    "updated": annotation.updated,
                    "deleted": int(annotation.deleted),
                },
            )
            self._write_fragments(annotation.id, annotation.fragments)
            self._write_tags(annotation.id, annotation.tags)

    def accept_proposal(self, annotation_id: str) -> Annotation:
        """Anchor a needs_review annotation at the places proposed for it (fragments with none are dropped)."""
        with self.write():
            annotation = self.annotation(annotation_id)
            if annotation.status == "orphaned":
                raise InvalidValue(
                    "this annotation is orphaned: its words are gone and no place was found to propose; "
                    "select the text it belongs to in the window (Place at Selection), or delete it"
                )
            if annotation.status != "needs_review":
                raise InvalidValue("this annotation is anchored: there is no proposed place to accept")
            text = self.target_text(annotation.song_id, annotation.target, annotation.article_id)
            fragments = accept_proposals(annotation.fragments, text)
            self._write_fragments(annotation_id, fragments)
            self._update("annotations", annotation_id, {"status": "anchored", "updated": now()})
        return self.annotation(annotation_id)

    def move_annotation(self, annotation_id: str, fragments: Sequence[Anchor]) -> Annotation:
        """Put an annotation on other text of the same song text (the user chose a new place): anchored."""
        if not fragments:
            raise InvalidValue("an annotation needs at least one fragment of text")
        with self.write():
            annotation = self.annotation(annotation_id)
            text = self.target_text(annotation.song_id, annotation.target, annotation.article_id)
            self._check_fragments(text, fragments)
            self._write_fragments(annotation_id, [dataclasses.replace(f, proposal=None) for f in fragments])
            self._update("annotations", annotation_id, {"status": "anchored", "updated": now()})
        return self.annotation(annotation_id)

    @staticmethod
    def _check_fragments(text: str, fragments: Sequence[Anchor]) -> None:
        for frag in fragments:
            if text[frag.start : frag.end] != frag.quote:
                raise InvalidValue(f"the quote {frag.quote!r} is not at {frag.start}-{frag.end}")

    def purge_annotation(self, annotation_id: str) -> None:
        """Erase an annotation for good, fragments and tag links included (undo of its creation)."""
        self._purge("annotations", annotation_id, AnnotationNotFound, "annotation")

    # ------------------------------------------------------------------- search

    def search(self, query: str, limit: int = 50) -> list[dict]:
        """Full-text search over lyrics, article bodies, annotation quotes and notes.

        *query* is taken as plain words (every word must match, in any order), so
        no FTS syntax typed by a user can cause an error.
        """
        words = [w.replace('"', '""') for w in normalise_line(query).split()]
        if not words:
            return []
        match = " ".join(f'"{w}"' for w in words)
        sql = """
        SELECT 'song' AS kind, s.id AS id, s.id AS song_id, s.title AS title,
               snippet(songs_fts, -1, '[', ']', '…', 12) AS snippet, bm25(songs_fts) AS rank
          FROM songs_fts JOIN songs s ON s.n = songs_fts.rowid
         WHERE songs_fts MATCH :q AND s.deleted = 0
        UNION ALL
        SELECT 'article', ar.id, ar.song_id, ar.title,
               snippet(articles_fts, -1, '[', ']', '…', 12), bm25(articles_fts)
          FROM articles_fts JOIN articles ar ON ar.n = articles_fts.rowid
          JOIN songs s ON s.id = ar.song_id
         WHERE articles_fts MATCH :q AND ar.deleted = 0 AND s.deleted = 0
        UNION ALL
        SELECT 'note', a.id, a.song_id, '',
               snippet(annotations_fts, -1, '[', ']', '…', 12), bm25(annotations_fts)
          FROM annotations_fts JOIN annotations a ON a.n = annotations_fts.rowid
          JOIN songs s ON s.id = a.song_id
         WHERE annotations_fts MATCH :q AND a.deleted = 0 AND s.deleted = 0
        UNION ALL
        SELECT 'quote', a.id, a.song_id, '',
               snippet(fragments_fts, -1, '[', ']', '…', 12), bm25(fragments_fts)
          FROM fragments_fts JOIN fragments f ON f.n = fragments_fts.rowid
          JOIN annotations a ON a.id = f.annotation_id JOIN songs s ON s.id = a.song_id
         WHERE fragments_fts MATCH :q AND a.deleted = 0 AND s.deleted = 0
        ORDER BY rank LIMIT :limit
        """
        try:
            rows = self._all(sql, {"q": match, "limit": limit * 4})
        except NotALibrary as exc:
            damaged = self._read_quietly(self.search_index_problems)
            if damaged:
                how = (
                    "the newer lyricpad that wrote this read-only library can rebuild it"
                    if self.read_only
                    else "it can be rebuilt from your songs, articles and notes (`lyricpad check --repair`, "
                    "or File > Check Library)"
                )
                raise SearchIndexDamaged(
                    f"the library's search index is damaged, so it cannot be searched; {how}", sorted(damaged)
                ) from exc
            raise
        hits: dict[tuple[str, str], dict] = {}
        for row in rows:
            row.pop("rank")
            # An annotation over a repeated chorus matches once per fragment: keep the best.
            hits.setdefault((row["kind"], row["id"]), row)
        return list(hits.values())[:limit]

    # ------------------------------------------------------------- search index

    def search_index_problems(self) -> dict[str, str]:
        """Full-text indexes that do not match their tables: table -> what FTS5's check says.

        FTS5's 'integrity-check' with rank 1 also compares the index with the table it indexes
        (a note changed while its trigger did not run shows up here).
        """
        problems = {}
        for table in FTS_COLUMNS:
            fts = f"{table}_fts"
            try:
                self.db.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")
            except sqlite3.Error as exc:
                problems[table] = str(exc)
        return problems

    def rebuild_search_index(self, tables: Iterable[str] | None = None) -> list[str]:
        """Rebuild full-text indexes from their tables (all, or *tables*) in one transaction; returns them."""
        tables = list(FTS_COLUMNS if tables is None else tables)
        for table in tables:
            if table not in FTS_COLUMNS:
                raise InvalidValue(f"{table!r} has no full-text index")
        with self.write():
            for table in tables:
                fts = f"{table}_fts"
                self._empty_search_index(fts)
                self.db.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
        return tables

    def _empty_search_index(self, fts: str) -> None:
        """Give the index *fts* the storage of a new, empty index, so that 'rebuild' can open it.

        A damaged structure record stops FTS5 from opening the index at all ("vtable constructor
        failed"), 'rebuild' included. The rows of an empty index are copied from one made for the
        purpose, so they are in this SQLite's own format; 'rebuild' drops the old ones anyway.
        """
        self.db.execute("CREATE VIRTUAL TABLE temp.lp_empty_fts USING fts5(x)")
        try:
            self.db.execute(f"DELETE FROM {fts}_data")
            self.db.execute(f"DELETE FROM {fts}_idx")
            self.db.execute(
                f"INSERT INTO {fts}_data (id, block) SELECT id, block FROM temp.lp_empty_fts_data"
            )
        finally:
            self.db.execute("DROP TABLE temp.lp_empty_fts")
