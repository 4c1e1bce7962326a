"""Care of the open library: changes other programs made, backups, restoring one, repairs and the search index."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from lyricpad.core.backup import (
    BACKUP_INTERVAL_SECONDS,
    backups_kept,
    make_backup,
    restore_backup,
    set_backups_kept,
)
from lyricpad.core.check import CheckReport
from lyricpad.core.errors import LibraryUnavailable, LyricpadError, SearchIndexDamaged
from lyricpad.core.repair import RepairReport, mend_search_index, repair_library

if TYPE_CHECKING:
    from lyricpad.app.session import Session

WATCH_MS = 1500
"""How often the window looks for changes other processes made to the library."""


class LibraryCare(QObject):
    """Looks after the session's library file while the window is open.

    It notices what other programs changed (and drops the undo history that no longer
    matches), makes the automatic backups and the one on quit, restores a backup, repairs
    what File > Check Library found and rebuilds a damaged search index. What it does is
    told through the session's signals.
    """

    def __init__(self, session: Session, clock: Callable[[], float]):
        super().__init__(session)
        self._session = session
        self._library = session.library
        self._clock = clock
        self._repaired_once = False
        self._repair_backup: Path | None = None
        # Other processes (the CLI, another tool) may change the library: look every so often.
        self._data_version = self._read_data_version()
        self._watch_timer = QTimer(self)
        self._watch_timer.setInterval(WATCH_MS)
        self._watch_timer.timeout.connect(self.check_outside_changes)
        if self._library.path is not None:
            self._watch_timer.start()
        self._changed_since_backup = False
        self._quit_backup_tried = False
        self._last_backup = clock()
        self.backup_interval_seconds = BACKUP_INTERVAL_SECONDS
        """While changes happen, an automatic backup is made at most this often (Settings may change it)."""
        self.backups_kept = backups_kept(self._library)
        """How many of the newest backups rotation keeps (beyond one a day and those never rotated)."""

    def set_backup_policy(self, interval_seconds: int, kept: int) -> None:
        """Back up at most every *interval_seconds* while changes happen, keeping the newest *kept*.

        *kept* is also stored in the library, so that the backups made elsewhere (the command
        line, before a restore, a repair or an upgrade) rotate to the same number.
        """
        self.backup_interval_seconds = max(1, int(interval_seconds))
        self.backups_kept = max(1, int(kept))
        try:
            set_backups_kept(self._library, self.backups_kept)
        except LyricpadError:
            # Not stored (the library is read-only, locked or damaged): the window's own backups
            # still keep this number; it is stored the next time the settings are applied.
            pass

    def stop_watching(self) -> None:
        """Look no more for outside changes (the session closes)."""
        self._watch_timer.stop()

    # ------------------------------------------------------------ search index

    def repair_search_index(self, exc: SearchIndexDamaged, *, a_change_failed: bool = True) -> None:
        """Rebuild damaged full-text indexes from the tables (one backup first, per session); say so once."""
        if self._library.read_only:
            raise exc
        # One backup of the library as it was: retries every few seconds must not make one each.
        backup = self._repair_backup = mend_search_index(
            self._library, exc.tables, backup=self._repair_backup
        )
        if not self._repaired_once:
            self._repaired_once = True
            if a_change_failed:
                message = self.tr(
                    "The library's search index was damaged, so your change could not be saved. lyricpad "
                    "rebuilt it from your songs, articles and notes, and saved your change."
                )
            else:
                message = self.tr(
                    "The library's search index was damaged, which would have stopped changes from being "
                    "saved. lyricpad rebuilt it from your songs, articles and notes."
                )
            if backup:
                where = self.tr("A backup of the library as it was is in {path}.").format(path=backup)
                message = f"{message} {where}"
            # Told from the event loop, once the change is made: a message box must not run an
            # event loop in the middle of it.
            QTimer.singleShot(0, self, lambda: self._session.library_repaired.emit(message))

    def mend_search_index(self) -> bool:
        """Look at the full-text indexes (FTS5's own check: ~25 ms for 10,000 notes, but ~2.5 s for
        10,000 songs of lyrics) and rebuild a damaged one now, a backup first, telling the user once;
        True when one was rebuilt. The window checks on a worker thread instead (see `mend_found`)."""
        if self._library.read_only:
            return False
        try:
            damaged = self._library.search.problems()
        except LyricpadError as exc:
            self._session.write_failed.emit(self._not_rebuilt(exc))
            return False
        return self.mend_found(damaged)

    def mend_found(self, damaged: dict[str, str]) -> bool:
        """Rebuild the full-text indexes a check found damaged (`search.problems`, run by the window
        on a worker thread), a backup first, telling the user once; True when one was rebuilt."""
        if self._library.read_only or not damaged:
            return False
        try:
            self.repair_search_index(
                SearchIndexDamaged("the search index is damaged", sorted(damaged)), a_change_failed=False
            )
        except LyricpadError as exc:
            self._session.write_failed.emit(self._not_rebuilt(exc))
            return False
        return bool(damaged)

    def _not_rebuilt(self, exc: LyricpadError) -> str:
        return self.tr("The library's search index is damaged and could not be rebuilt: {reason}").format(
            reason=exc
        )

    # ------------------------------------------------------- other processes

    def _read_data_version(self) -> int | None:
        try:
            return self._library.data_version()
        except LyricpadError:
            return None

    def check_outside_changes(self) -> bool:
        """Announce changes another process committed since the last look; True if there were some."""
        version = self._read_data_version()
        if version is None or version == self._data_version:
            return False
        self._data_version = version
        self._changed_since_backup = True
        session = self._session
        if session.undo_stack.count():
            # Undo writes back whole saved states: after another program's change it would
            # silently undo that change too. The history goes; what others did stays.
            session.clear_history()
            session.changed_elsewhere.emit()
        session.songs_changed.emit()
        session.lenses_changed.emit()
        song_id = session.current_song_id
        if song_id:
            try:
                self._library.songs.get(song_id)
            except LyricpadError:  # erased elsewhere
                session.select_song("")
                return True
            session.song_changed.emit(song_id)
            session.articles_changed.emit(song_id)
            ids = [a.id for a in self._library.annotations.for_song(song_id, include_deleted=True)]
            session.annotations_changed.emit(song_id, ids)
        return True

    def _announce_everything(self) -> None:
        """After a restore or a repair: the history described the library before, and anything may have changed."""
        self._session.clear_history()
        self._data_version = None  # announce everything, as for a change made elsewhere
        self.check_outside_changes()

    # ---------------------------------------------------------------- backups

    def after_write(self) -> None:
        """A change was saved: it counts towards the next automatic backup."""
        # (Our own commits leave PRAGMA data_version as it is: nothing to read here.)
        self._changed_since_backup = True
        if self._clock() - self._last_backup >= self.backup_interval_seconds:
            self.backup("auto")

    def backup(self, reason: str = "auto") -> Path | None:
        """Make an automatic backup now (file libraries only); None when there is nothing to back up."""
        if self._library.path is None or self._library.read_only:
            return None
        try:
            path = make_backup(self._library, reason=reason, keep_recent=self.backups_kept)
        except LyricpadError as exc:
            if reason == "auto":
                message = self.tr("The automatic backup failed: {reason}").format(reason=exc)
            else:
                message = self.tr("The backup failed: {reason}").format(reason=exc)
            if reason == "auto":
                # Made while the user types: said without taking the keyboard, and tried again
                # only after the usual interval, not at every pause.
                self._last_backup = self._clock()
                self._session.notice.emit(message)
            else:
                self._session.write_failed.emit(message)
            return None
        self._last_backup = self._clock()
        self._changed_since_backup = False
        self._session.backup_made.emit(str(path))
        return path

    def back_up_on_quit(self) -> None:
        """The backup made when the window closes (once: when it fails, the window has said so already)."""
        if self._changed_since_backup and not self._quit_backup_tried:
            self._quit_backup_tried = True
            self.backup("quit")

    def restore_backup(self, backup: Path) -> Path | None:
        """Replace the library's content with *backup* (the current state is backed up first).

        The undo history is cleared: it describes a library that is no longer there. Returns
        the backup of the state before, or None when the restore was refused (write_failed says why).
        """
        if not self._unsaved_saved("restore"):
            return None
        try:
            safety = restore_backup(self._library, backup)
        except LyricpadError as exc:
            self._session.write_failed.emit(
                self.tr("The backup was not restored: {reason}").format(reason=exc)
            )
            return None
        self._announce_everything()
        return safety

    def repair_library(self, report: CheckReport) -> RepairReport | None:
        """Repair what *report* found (File > Check Library): a backup first, then one transaction.

        Like a restore, it waits for no unsaved change and clears the undo history (it described
        the library before the repair), then announces that everything may have changed. The
        check after the repair is left to the caller, off the GUI thread. Returns what was done,
        or None when the repair was refused or failed (write_failed says why).
        """
        if not self._unsaved_saved("repair"):
            return None
        try:
            repaired = repair_library(self._library, report, check_after=False)
        except LyricpadError as exc:
            self._session.write_failed.emit(
                self.tr("The library was not repaired: {reason}").format(reason=exc)
            )
            return None
        self._announce_everything()
        return repaired

    def _unsaved_saved(self, doing: str) -> bool:
        """Whether every change waiting is saved now; if not, write_failed says that *doing*
        ("restore" or "repair") was not done, and why."""
        safekeeping = self._session.safekeeping
        if safekeeping.retry_unsaved():
            return True
        count = safekeeping.retryable_count
        if doing == "restore":
            message = self.tr(
                "The backup was not restored: %n change(s) still (waits|wait) to be saved; restore once they are "
                "saved (or quit without them).",
                "",
                count,
            )
        else:
            message = self.tr(
                "The library was not repaired: %n change(s) still (waits|wait) to be saved; repair once they are "
                "saved (or quit without them).",
                "",
                count,
            )
        self._session.write_failed.emit(message)
        return False


def create_library_file(path: Path) -> None:
    """Make a new library at *path*, holding the demo song as on a first run; LyricpadError (with the
    reason) when it cannot be made. *path* must not exist yet: a file there is refused, never opened."""
    from lyricpad.core.store import Library  # the store's creation path: only when a library is made

    if path.exists() or path.is_symlink():
        raise LibraryUnavailable(f"{path} exists already")
    Library.open(path).close()
