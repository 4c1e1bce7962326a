"""The window's checks of the whole library file, in the background once the window has painted (issue 18).

Opening the library no longer reads every page (~350 ms at 150 MB, before the first paint), and
the window no longer checks its search index on the GUI thread as it starts (~2.5 s for 10,000
songs of lyrics). Once the window is up, `DamageWatch` runs SQLite's integrity check on a worker
thread with a read-only connection of its own, through the library's write gate (`write_gate`):
until it has found the file sound, the session's first write waits for it (or, when it failed or
was cancelled, checks the file itself), so nothing is written to a file not checked. The pages
being sound, FTS5's check of the search indexes runs on a private copy of the library (asked on the
library itself, it would hold the write lock for seconds); a damaged index is rebuilt, a backup
first, as before. When it finds damage, the library becomes read-only at once
(nothing more is written to the damaged file; what the user types is kept, as for any refused
change), and the damaged-library dialog offers the ways out it offers at start: the window
closes, `recover_chosen` does what the user chose once the library is closed, and the window
opens again on the library.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

if TYPE_CHECKING:
    from lyricpad.gui.main_window import MainWindow


class DamageWatch(QObject):
    """Checks the window's library in the background after the first paint; see the module."""

    found = Signal(str)
    """The damage, in one sentence (emitted once the library is read-only, before the dialog)."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self._window = window
        self._session = window.session
        self._checker = None
        self._index_checker = None
        self.path: Path | None = self._session.library_path
        """The library file itself (a link resolved): where its backups are, what is set aside."""
        self.damage = ""
        """What the check found ("" when nothing, or before it has finished)."""
        self.recovery: tuple[str, Path | None] | None = None
        """The way out the user chose (a choice of `damaged_dialog`, the backup), to take once the window closed."""
        self.checked = False
        """The pages' check has finished (sound or not), or failed."""
        self.index_checked = False
        """The search index's check has finished (what it found is mended)."""
        window.installEventFilter(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self, self.start)  # after this paint, never before it
        return False

    def start(self) -> None:
        """Start the checks now (once; not for a library that is read-only already)."""
        if self._checker is not None or self._session.read_only:
            return
        if self._session.library_path is None:  # in memory: nothing to damage, an index checked at once
            self.checked = True
            self._session.library_care.mend_search_index()
            return
        from lyricpad.app.checking import PageChecker

        self._checker = PageChecker(self._session, self)
        self._checker.finished.connect(self._on_checker_finished)
        self._checker.failed.connect(self._on_checker_failed)
        self._checker.start()

    def is_running(self) -> bool:
        return any(c is not None and c.is_running() for c in (self._checker, self._index_checker))

    def stop(self) -> None:
        """Stop a running check (SQLite is interrupted) and wait for its thread: the library closes next."""
        for checker in (self._checker, self._index_checker):
            if checker is not None:
                checker.cancel()
                checker.wait()

    def _on_checker_failed(self, message: str) -> None:
        # Nothing was decided: the library's write gate still checks the file before the first save.
        self.checked = True
        self._window.statusBar().showMessage(
            self.tr("The library could not be checked: {message}").format(message=message), 10_000
        )

    def _on_checker_finished(self, damage: str | None) -> None:
        self.checked = damage is not None
        if damage == "":
            self._check_search_index()
        if not damage:
            return
        self.damage = damage
        library = self._session.library
        library.read_only = self.tr(
            "{damage}; lyricpad no longer saves changes to it (quit and open it again to restore a "
            "backup or salvage it, or use File > Check Library)"
        ).format(damage=damage)
        label = getattr(self._window, "read_only_label", None)
        if label is not None:
            label.setToolTip(library.read_only)
            label.setVisible(True)
        self.found.emit(damage)
        self._offer_ways_out()

    def _check_search_index(self) -> None:
        from lyricpad.app.checking import IndexChecker

        self._index_checker = IndexChecker(self._session, self)
        self._index_checker.finished.connect(self._on_index_checker_finished)
        self._index_checker.failed.connect(self._on_index_checker_failed)
        self._index_checker.start()

    def _on_index_checker_failed(self, message: str) -> None:
        # A damaged index is still mended when a save meets it (see LibraryCare); say it once.
        self._window.statusBar().showMessage(
            self.tr("The search index could not be checked: {message}").format(message=message), 10_000
        )

    def _on_index_checker_finished(self, damaged: dict | None) -> None:
        self.index_checked = damaged is not None
        if damaged:
            self._session.library_care.mend_found(damaged)

    def _offer_ways_out(self) -> None:
        from lyricpad.gui.damaged_dialog import DamagedLibraryDialog

        dialog = DamagedLibraryDialog(self.path, self.damage, self._window, running=True)
        if dialog.exec() != DamagedLibraryDialog.DialogCode.Accepted:
            return  # kept open, read-only
        self.recovery = (dialog.choice(), dialog.chosen_backup())
        if not self._window.close():  # the user kept the window for changes not yet saved
            self.recovery = None


def watch_for_damage(window: MainWindow) -> DamageWatch:
    """Check *window*'s library in the background once the window has painted."""
    return DamageWatch(window)


def recover_chosen(path: Path, watch: DamageWatch | None) -> bool:
    """After the window closed on a damaged library (and the library is closed): do the way out the
    user chose; True when a usable library is now at *path*, to open the window on again."""
    if watch is None or watch.recovery is None:
        return False
    from PySide6.QtWidgets import QMessageBox

    from lyricpad.core.errors import LyricpadError
    from lyricpad.gui.damaged_dialog import ask_and_recover, recover

    choice, backup = watch.recovery
    watch.recovery = None
    path = watch.path or path
    try:
        done, _aside = recover(path, choice, backup)
    except LyricpadError as exc:
        QMessageBox.warning(
            None,
            "lyricpad",
            QCoreApplication.translate("DamageWatch", "That did not work: {reason}").format(reason=exc),
        )
        return ask_and_recover(path, watch.damage)
    QMessageBox.information(None, "lyricpad", done)
    return True
