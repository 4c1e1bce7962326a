"""Backups of the library through SQLite's backup API: made, checked, rotated, listed and restored.

A live database is never copied as a file (its -wal may hold committed changes the main file
does not have yet): SQLite's online backup copies a consistent snapshot page by page. Each
backup is written to a temporary name, checked with PRAGMA integrity_check, turned into a
single self-contained file (journal_mode DELETE), and only then given its final name.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from lyricpad.core import livefiles
from lyricpad.core.errors import LibraryUnavailable, LyricpadError, NotALibrary
from lyricpad.core.export.files import sync_folder
from lyricpad.core.probe import connect_immutable, page_problems, primary_code

if TYPE_CHECKING:
    from lyricpad.core.store import Library

KEEP_RECENT = 5
"""The newest backups kept whatever their day, unless the library holds another number (`backups_kept`)."""
BACKUPS_KEPT_KEY = "backups_kept"
"""The meta key of how many of the newest backups rotation keeps (Settings > Saving writes it).

Kept in the library rather than in the window's settings so that every backup that rotates (the
window's, `lyricpad backup`, the one before a restore, a repair or an upgrade) keeps the same number."""
KEEP_DAILY = 14
"""Beyond those, the newest backup of each of this many most recent days is kept."""
KEEP_MIGRATION = 2
"""Backups made before a schema migration kept in any case (the newest ones)."""
NEVER_ROTATED = ("manual", "restore", "repair")
"""Backups rotation never deletes: made by the user, or the state before a restore or a repair (the way back)."""
BACKUP_INTERVAL_SECONDS = 10 * 60
"""While changes happen, the window makes a backup at most this often."""

REASONS = ("manual", "auto", "quit", "migration", "restore", "repair")
REASON_LABELS = {
    "manual": "made by you",
    "auto": "automatic",
    "quit": "on quitting",
    "migration": "before an upgrade",
    "restore": "before a restore",
    "repair": "before a repair",
}
"""How each kind of backup is named in lists."""
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{3})-(?P<reason>[a-z]+)\.sqlite$")


class BackupFailed(LyricpadError):
    """A backup could not be made, checked or restored."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    reason: str

    @property
    def label(self) -> str:
        local = self.created.astimezone()
        return f"{local:%Y-%m-%d %H:%M:%S} ({REASON_LABELS.get(self.reason, self.reason)})"


def backups_folder(library_path: Path) -> Path:
    """Where a library's automatic backups go: a folder beside it named after it."""
    return library_path.with_name(f"{library_path.stem}-backups")


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%d-%H%M%S-") + f"{moment.microsecond // 1000:03d}"


def list_backups(library_path: Path) -> list[BackupInfo]:
    """The library's backups, newest first."""
    folder = backups_folder(library_path)
    found = []
    try:
        entries = list(folder.iterdir())
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise LibraryUnavailable(f"cannot read the backups folder {folder}: {exc.strerror or exc}") from exc
    for path in entries:
        match = _NAME.match(path.name)
        if match and match["stem"] == library_path.stem and path.is_file():
            created = datetime.strptime(match["stamp"] + "000", "%Y%m%d-%H%M%S-%f").replace(tzinfo=UTC)
            found.append(BackupInfo(path, created, match["reason"]))
    return sorted(found, key=lambda b: b.created, reverse=True)


from lyricpad.core.store import BACKUP_OF_KEY  # noqa: E402  (the key a backup carries)


def backups_kept(library: Library) -> int:
    """How many of the newest backups rotation keeps for *library*: its stored number, else KEEP_RECENT.

    A number that cannot be read (not a whole number, below one, a library that cannot be
    read) counts as the default: rotating must never fail, nor delete everything.
    """
    try:
        value = library.meta(BACKUPS_KEPT_KEY)
    except LyricpadError:
        return KEEP_RECENT
    try:
        kept = int(value) if value is not None else KEEP_RECENT
    except ValueError:
        return KEEP_RECENT
    return kept if kept >= 1 else KEEP_RECENT


def set_backups_kept(library: Library, kept: int) -> None:
    """Store in *library* how many of the newest backups rotation keeps (at least one).

    Written only when it changes, so a window that applies its settings at every start does
    not write to the library each time.
    """
    kept = max(1, int(kept))
    stored = library.meta(BACKUPS_KEPT_KEY)
    if stored == str(kept) or (stored is None and kept == KEEP_RECENT):
        return
    library.set_meta(BACKUPS_KEPT_KEY, str(kept))


def _open_backup(path: Path, what: str = "backup") -> sqlite3.Connection:
    """An immutable read-only connection to a backup file (regular, not the open library), after checks."""
    try:
        livefiles.refuse_held(path, f"use it as a {what}")
        livefiles.require_regular(path, f"a {what} file")
    except livefiles.PathRefused as exc:
        raise NotALibrary(str(exc)) from None
    try:
        return connect_immutable(path)
    except (sqlite3.Error, OSError) as exc:
        raise LibraryUnavailable(f"cannot read the backup {path}: {exc}") from exc


def check_backup(path: Path) -> int:
    """Check that *path* is a whole, undamaged lyricpad library; returns its schema version.

    Read through SQLite only (immutable and read-only), so checking a file never changes it,
    and a file this process has open as its library is refused unread.
    """
    from lyricpad.core.schema import APPLICATION_ID

    conn = _open_backup(path)
    if path.stat().st_size == 0:
        conn.close()
        raise NotALibrary(f"{path} is empty, not a lyricpad backup")
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise NotALibrary(f"{path} is an SQLite database, but not a lyricpad library")
        result = _integrity(conn)
        if result != "ok":
            raise NotALibrary(f"{path} is damaged: {result}")
        return version
    except sqlite3.DatabaseError as exc:
        if primary_code(exc) == sqlite3.SQLITE_NOTADB:
            raise NotALibrary(f"{path} is not a lyricpad backup: {livefiles.not_a_database(path)}") from None
        raise NotALibrary(f"{path} is not a lyricpad library, or it is damaged ({exc})") from exc
    finally:
        conn.close()


def backup_of(path: Path) -> str | None:
    """The id of the library *path* is a backup of (as made by lyricpad since it marks them), else None."""
    conn = _open_backup(path)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", [BACKUP_OF_KEY]).fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return row[0] if row and row[0] else None


def _refuse_destination(library: Library, dest: Path) -> None:
    """A backup is written over *dest* only when *dest* is a backup of this same library."""
    held = livefiles.held_by_process(dest)
    if held is not None:
        raise BackupFailed(
            f"{dest.name} belongs to the open library {held.name}; choose another name (nothing was overwritten)"
        )
    if livefiles.sqlite_owner(dest) is not None:
        raise BackupFailed(f"{dest.name} belongs to SQLite, beside a database; choose another name")
    try:
        info = livefiles.require_regular(dest, "a backup file", missing_ok=True)
    except livefiles.PathRefused as exc:
        raise BackupFailed(f"{exc} (nothing was written)") from None
    if info is None:
        return
    if livefiles.live_side_files(dest):
        raise BackupFailed(
            f"{dest} is a database in use (its -wal or -journal lies beside it); choose another name"
        )
    try:
        check_backup(dest)
        marked = backup_of(dest)
    except LyricpadError:
        raise BackupFailed(
            f"{dest} exists and is not a lyricpad backup; choose another name (nothing was overwritten)"
        ) from None
    if marked is None:
        raise BackupFailed(
            f"{dest} exists and carries no mark of the library it was made from (a library, or a backup made "
            "before lyricpad marked them); choose another name (nothing was overwritten)"
        )
    if marked != library.library_id:
        raise BackupFailed(
            f"{dest} exists and is a backup of another library; choose another name (nothing was overwritten)"
        )


def _same_file(a: Path, b: Path | None) -> bool:
    try:
        return b is not None and os.path.samefile(a, b)
    except OSError:
        return False


def make_backup(
    library: Library, dest: Path | None = None, *, reason: str = "manual", keep_recent: int | None = None
) -> Path:
    """Back the library up to *dest* (default: a new file in its backups folder); returns the path.

    The copy is checked before it gets its name, so a backup that exists is a good one.
    Automatic backups (no *dest*) are rotated afterwards, keeping the newest *keep_recent*
    (default: the number the library holds, see `backups_kept`).
    """
    if library.path is None:
        raise BackupFailed("an in-memory library has no file to back up")
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    moment = datetime.now(UTC)
    automatic = dest is None
    if automatic:
        dest = backups_folder(library.path) / f"{library.path.stem}-{_stamp(moment)}-{reason}.sqlite"
    dest = Path(dest).expanduser()
    if dest.exists() and dest.is_dir():
        dest = dest / f"{library.path.stem}-{_stamp(moment)}-{reason}.sqlite"
    if dest.resolve() == library.path.resolve() or _same_file(dest, library.path):
        raise BackupFailed("a backup cannot overwrite the library itself")
    if dest.name in {library.path.name + extra for extra in livefiles.SIDE_SUFFIXES}:
        raise BackupFailed(f"{dest.name} belongs to SQLite, beside the library; choose another name")
    _refuse_destination(library, dest)
    temp = dest.with_name(f".{dest.name}.partial")
    if (
        livefiles.held_by_process(temp) is not None
        or livefiles.is_sqlite_file(temp)
        and not _is_partial(temp)
    ):
        raise BackupFailed(
            f"{temp.name} is in the way of the backup (lyricpad did not make it); move it first"
        )
    try:
        livefiles.make_folder(dest.parent)
    except livefiles.PathRefused as exc:
        raise BackupFailed(f"could not back up the library to {dest}: {exc}") from None
    try:
        _discard(temp)
        target = sqlite3.connect(temp, isolation_level=None)
        try:
            library.db.conn.backup(target)
            # Marked as this library's: `backup -o` writes over nothing but backups of it.
            target.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                [BACKUP_OF_KEY, library.library_id or ""],
            )
            # One self-contained file: no -wal to lose when the backup is copied somewhere.
            target.execute("PRAGMA journal_mode = DELETE")
            result = _integrity(target)
        finally:
            target.close()
        if result != "ok":
            raise BackupFailed(f"the backup did not pass its check ({result}); the library may be damaged")
        with temp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(temp, dest)
        sync_folder(dest.parent)
    except sqlite3.Error as exc:
        _discard(temp)
        raise BackupFailed(f"could not back up the library to {dest}: {exc}") from exc
    except OSError as exc:
        _discard(temp)
        raise BackupFailed(f"could not back up the library to {dest}: {exc.strerror or exc}") from exc
    except BaseException:
        _discard(temp)
        raise
    if automatic:
        rotate(library.path, keep_recent=keep_recent if keep_recent is not None else backups_kept(library))
    return dest


def _is_partial(temp: Path) -> bool:
    """Whether *temp* is what an interrupted backup left: a lyricpad database, not in use."""
    if livefiles.live_side_files(temp):
        return False
    try:
        check_backup(temp)
    except LyricpadError:
        return True  # half-written: SQLite cannot read it whole
    return True


def _integrity(conn: sqlite3.Connection) -> str:
    """PRAGMA integrity_check's verdict on a backup copy: "ok" or the first damaged page.

    A damaged search index is copied as it is (it is rebuilt from the tables), so a backup
    can be made before a repair.
    """
    damaged = page_problems([row[0] for row in conn.execute("PRAGMA integrity_check(20)").fetchall()])
    return damaged[0] if damaged else "ok"


def _discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def backups_to_keep(
    backups: list[BackupInfo], now: datetime | None = None, *, keep_recent: int = KEEP_RECENT
) -> set[Path]:
    """Which backups rotation keeps: the newest *keep_recent*, one per recent day, the last migrations'."""
    now = now or datetime.now(UTC)
    keep = {b.path for b in backups[:keep_recent]}
    keep |= {b.path for b in backups if b.reason in NEVER_ROTATED}
    keep |= {b.path for b in [b for b in backups if b.reason == "migration"][:KEEP_MIGRATION]}
    days: set[str] = set()
    oldest_day = (now - timedelta(days=KEEP_DAILY - 1)).date()
    for backup in backups:  # newest first: the first seen of a day is that day's newest
        day = backup.created.date()
        if day >= oldest_day and day.isoformat() not in days:
            days.add(day.isoformat())
            keep.add(backup.path)
    return keep


def rotate(library_path: Path, now: datetime | None = None, *, keep_recent: int = KEEP_RECENT) -> list[Path]:
    """Delete the backups rotation does not keep; returns what was deleted.

    Only files named like this library's backups are ever touched; they are single files
    (journal_mode DELETE), so there is no -wal or -shm to think about.
    """
    backups = list_backups(library_path)
    keep = backups_to_keep(backups, now, keep_recent=keep_recent)
    removed = []
    for backup in backups:
        if backup.path not in keep:
            try:
                backup.path.unlink()
                removed.append(backup.path)
            except OSError:
                pass  # kept for now; the next rotation tries again
    return removed


def refuse_live(path: Path) -> None:
    """Refuse to copy from a library whose -wal (or -shm) is beside it: part of it may be in there."""
    for side in livefiles.live_side_files(path):
        if not side.name.endswith("-journal"):
            raise BackupFailed(
                f"{side.name} lies beside {path.name}: that file may be open, or some of its changes are "
                f"still in {side.name}. Open it with lyricpad once and quit (or close what has it open), "
                "then restore it"
            )


def restore_backup(library: Library, backup: Path) -> Path:
    """Replace the library's content with *backup*'s; returns the backup made of the current state first.

    The backup is checked before anything happens. The copy goes through SQLite's backup API
    into the open library, so the library file is changed the way SQLite changes it, under its
    locks, never by copying files over it. A backup of an older schema is then migrated.
    """
    from lyricpad.core.schema import SCHEMA_VERSION

    backup = Path(backup).expanduser()
    if library.path is None:
        raise BackupFailed("an in-memory library cannot be restored from a backup")
    if backup.resolve() == library.path.resolve() or _same_file(backup, library.path):
        raise BackupFailed("that is the library itself, not a backup of it")
    refuse_live(backup)
    version = check_backup(backup)
    if version > SCHEMA_VERSION:
        raise BackupFailed(
            f"{backup} was made by a newer lyricpad (library version {version}); update lyricpad to restore it"
        )
    safety = make_backup(library, reason="restore")
    own_id = library.library_id
    kept = backups_kept(library)  # a choice of the user's, not content: the backup's does not replace it
    source = connect_immutable(backup)
    try:
        source.backup(library.db.conn)
    except sqlite3.Error as exc:
        raise BackupFailed(
            f"could not restore {backup}: {exc}; the library as it was is saved in {safety}"
        ) from exc
    finally:
        source.close()
    library.db.execute("PRAGMA journal_mode = WAL")
    library.reopened(own_id)  # still this library: its id, its place, no mark of a backup
    if backups_kept(library) != kept:
        library.set_meta(BACKUPS_KEPT_KEY, str(kept))
    return safety
