"""What to do with a damaged library, once the user has chosen: set it aside, then salvage, restore or start anew.

The damaged file itself is never written: it is read through an immutable read-only
connection, and "set aside" renames it (only with the user's word, and never while a -wal or
-shm file sits beside it: those belong to SQLite, and lyricpad never moves or deletes them).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from lyricpad.core import livefiles
from lyricpad.core.backup import backup_of, check_backup, refuse_live
from lyricpad.core.errors import LibraryUnavailable, LyricpadError, NotALibrary
from lyricpad.core.probe import connect_immutable, primary_code
from lyricpad.core.schema import SCHEMA_VERSION
from lyricpad.core.store import Library

SALVAGE_ORDER = (
    "meta",
    "lenses",
    "songs",
    "articles",
    "tags",
    "annotations",
    "fragments",
    "annotation_tags",
    "quote_links",  # the user's link decisions (detected links are computed again)
    "study_corrections",
    "translations",
)
"""Tables copied by salvage, parents before children."""

MAX_ROWID_PROBES = 200_000
"""When a table cannot be read straight through, rows are tried one rowid at a time up to this many."""


@dataclass
class SalvageReport:
    copied: dict[str, int] = field(default_factory=dict)
    unreadable: dict[str, int] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)  # rows whose parent row was lost

    def summary(self) -> str:
        parts = [
            f"{self.copied.get(t, 0)} {t}" for t in ("songs", "articles", "annotations") if t in self.copied
        ]
        lost = sum(self.unreadable.values()) + sum(self.dropped.values())
        text = "Recovered " + (", ".join(parts) or "nothing")
        return text + (f"; {lost} damaged or incomplete row(s) could not be recovered." if lost else ".")


def set_aside(path: Path) -> Path:
    """Rename the damaged library to '<name>-damaged-<time><suffix>' beside it; returns the new path."""
    for side in livefiles.live_side_files(path):
        raise LibraryUnavailable(
            f"{side.name} lies beside the damaged library; lyricpad never moves SQLite's own files. "
            "Quit every program using the library, or move all its files yourself"
        )
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}-damaged-{stamp}{path.suffix}")
    try:
        path.rename(aside)
    except OSError as exc:
        raise LibraryUnavailable(f"cannot set {path} aside: {exc.strerror or exc}") from exc
    return aside


def _open_damaged(path: Path) -> sqlite3.Connection:
    """A connection that reads the damaged file as it is and can change nothing (through SQLite only)."""
    try:
        livefiles.refuse_held(path, "salvage it while it is open")
        livefiles.require_regular(path, "a library file")
    except livefiles.PathRefused as exc:
        raise LibraryUnavailable(str(exc)) from None
    conn = connect_immutable(path)
    try:
        conn.execute("PRAGMA application_id").fetchone()
    except sqlite3.DatabaseError as exc:
        if primary_code(exc) == sqlite3.SQLITE_NOTADB:
            conn.close()
            if livefiles.not_a_database(path) == "it is not an SQLite database":
                raise NotALibrary(
                    f"nothing can be salvaged from {path}: it is not an SQLite database at all"
                ) from None
    return conn


def _readable_rows(conn: sqlite3.Connection, table: str) -> tuple[list[str], list[tuple], int]:
    """(columns, rows that could be read, how many could not) of one table of a damaged file."""
    try:
        cursor = conn.execute(f"SELECT * FROM {table}")
        columns = [d[0] for d in cursor.description]
    except sqlite3.DatabaseError as exc:
        if str(exc).startswith("no such table"):
            return [], [], 0  # a library of an older schema, without this table: nothing lost
        return [], [], 1
    try:
        return columns, cursor.fetchall(), 0
    except sqlite3.DatabaseError:
        pass
    # Read straight through failed somewhere: try each rowid on its own.
    rows, bad = [], 0
    try:
        top = conn.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0
    except sqlite3.DatabaseError:
        top = MAX_ROWID_PROBES
    for rowid in range(1, min(top, MAX_ROWID_PROBES) + 1):
        try:
            row = conn.execute(f"SELECT * FROM {table} WHERE rowid = ?", [rowid]).fetchone()
        except sqlite3.DatabaseError:
            bad += 1
            continue
        if row is not None:
            rows.append(row)
    return columns, rows, bad


_ORPHANS = {
    "articles": "song_id NOT IN (SELECT id FROM songs)",
    "annotations": "song_id NOT IN (SELECT id FROM songs)"
    " OR (article_id IS NOT NULL AND article_id NOT IN (SELECT id FROM articles))",
    "fragments": "annotation_id NOT IN (SELECT id FROM annotations)",
    "annotation_tags": "annotation_id NOT IN (SELECT id FROM annotations) OR tag_id NOT IN (SELECT id FROM tags)",
    "quote_links": "article_id NOT IN (SELECT id FROM articles) OR song_id NOT IN (SELECT id FROM songs)",
    "study_corrections": "song_id NOT IN (SELECT id FROM songs)",
    "translations": "song_id NOT IN (SELECT id FROM songs)",
}


def salvage(damaged: Path, new_path: Path) -> SalvageReport:
    """Copy every row that can still be read from *damaged* into a new library at *new_path*."""
    if new_path.exists():
        raise LibraryUnavailable(f"{new_path} exists already; salvage makes a new library")
    source = _open_damaged(damaged)
    report = SalvageReport()
    try:
        found = {}
        for table in SALVAGE_ORDER:
            columns, rows, bad = _readable_rows(source, table)
            found[table] = (columns, rows)
            if bad:
                report.unreadable[table] = bad
    finally:
        source.close()
    if not any(rows for _, rows in found.values()):
        raise NotALibrary(f"nothing can be salvaged from {damaged}: no lyricpad data could be read from it")
    temp = _temporary(new_path)
    with contextlib.suppress(OSError):
        temp.unlink(missing_ok=True)
    library = Library.open(temp, seed_demo=False)
    built = False
    try:
        db = library.db
        db.execute("PRAGMA foreign_keys = OFF")
        with library.write():
            for table in SALVAGE_ORDER:
                columns, rows = found[table]
                if not rows:
                    continue
                known = {c.name for c in db[table].columns}
                keep = [i for i, c in enumerate(columns) if c in known and c != "n"]
                names = ", ".join(columns[i] for i in keep)
                marks = ", ".join("?" * len(keep))
                # Lenses and meta exist in a new library already: the salvaged ones win.
                conflict = "REPLACE" if table in ("lenses", "meta") else "IGNORE"
                copied = 0
                for row in rows:
                    with contextlib.suppress(sqlite3.IntegrityError):  # a damaged row breaking a rule
                        db.execute(
                            f"INSERT OR {conflict} INTO {table} ({names}) VALUES ({marks})",
                            [row[i] for i in keep],
                        )
                        copied += 1
                report.copied[table] = copied
            for table, where in _ORPHANS.items():
                dropped = db.execute(f"DELETE FROM {table} WHERE {where}").rowcount
                if dropped:
                    report.dropped[table] = dropped
                    report.copied[table] = report.copied.get(table, 0) - dropped
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute("PRAGMA foreign_keys = ON")
        problems = db.execute("PRAGMA foreign_key_check").fetchall()
        if problems or db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise LyricpadError(f"the salvaged library at {new_path} did not pass its checks")
        db.execute("PRAGMA journal_mode = DELETE")  # one file, to move into place whole
        built = True
    finally:
        library.close()
        if not built:
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
    os.replace(temp, new_path)
    return report


def restore_into(path: Path, backup: Path) -> None:
    """Write *backup* as a new library at *path* (after the damaged one was set aside), then upgrade it."""
    if path.exists():
        raise LibraryUnavailable(f"{path} exists; set the damaged library aside first")
    refuse_live(backup)
    version = check_backup(backup)
    if version > SCHEMA_VERSION:
        raise LibraryUnavailable(f"{backup} was made by a newer lyricpad; update lyricpad to restore it")
    temp = _temporary(path)
    source = connect_immutable(backup)
    try:
        target = sqlite3.connect(temp, isolation_level=None)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        os.replace(temp, path)  # only a whole copy takes the library's place
    except (sqlite3.Error, OSError) as exc:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise LibraryUnavailable(f"could not restore {backup}: {exc}") from exc
    finally:
        source.close()
    own_id = backup_of(backup)  # the library it is a backup of: the library it becomes again
    with Library.open(path, seed_demo=False) as library:  # WAL, checks, migrations
        library.keep_identity(own_id)


def _temporary(path: Path) -> Path:
    return path.with_name(f".{path.name}.building")
