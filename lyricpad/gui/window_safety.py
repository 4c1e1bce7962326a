"""What the main window tells about saving: changes not saved, notices, refusals, and the question on quitting."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, QTimer
from PySide6.QtWidgets import QMessageBox

from lyricpad.core.errors import LyricpadError
from lyricpad.gui import file_dialogs
from lyricpad.gui.notice_bar import STATUS_MS

if TYPE_CHECKING:
    from lyricpad.gui.main_window import MainWindow


class WindowSafety(QObject):
    """Shows what the session says about saving (the unsaved label, the notice bar, warnings), and
    settles changes not saved before the window closes."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self._window = window
        self._notice_about_unsaved = False
        session = window.session
        session.unsaved_changed.connect(self._on_session_unsaved_changed)
        session.changed_elsewhere.connect(self._on_session_changed_elsewhere)
        session.library_repaired.connect(self._on_session_library_repaired)
        session.write_failed.connect(self._on_session_write_failed)
        session.change_kept.connect(self._on_session_change_kept)
        session.notice.connect(self._on_session_notice)

    # ------------------------------------------------------------ session facts

    def _on_session_changed_elsewhere(self) -> None:
        self._window.statusBar().showMessage(
            self.tr(
                "Another program changed the library: its changes are shown, and the undo history was cleared."
            ),
            STATUS_MS * 2,
        )

    def _on_session_unsaved_changed(self, count: int) -> None:
        window = self._window
        label, notice_bar = window.unsaved_label, window.notice_bar
        if count == 0 and label.isVisible():
            window.statusBar().clearMessage()
            if notice_bar.isVisible() and self._notice_about_unsaved:
                notice_bar.show_notice(self.tr("Everything is saved now."))
                saved = notice_bar.label.text()
                QTimer.singleShot(
                    STATUS_MS, self, lambda: notice_bar.label.text() == saved and notice_bar.hide()
                )
        label.setVisible(count > 0)
        if window.session.safekeeping.retryable_count:
            label.setText(self.tr("%n change(s) not saved yet, retrying…", "", count))
        else:
            label.setText(self.tr("%n change(s) not saved", "", count))
        label.setToolTip(
            self.tr(
                "The library could not be written (a full disk, a lock held by another program, damage...). "
                "What you did is kept in this window and saved as soon as possible; on quitting, lyricpad "
                "asks before anything is lost and can save a copy of what you typed."
            )
        )

    def _on_session_library_repaired(self, message: str) -> None:
        self._notice_about_unsaved = False
        self._window.notice_bar.show_notice(message)

    def _on_session_notice(self, message: str) -> None:
        self._notice_about_unsaved = False
        self._window.notice_bar.show_notice(message)

    def _on_session_change_kept(self, message: str) -> None:
        # Maybe in the middle of typing: told without taking the keyboard.
        self._notice_about_unsaved = True
        self._window.notice_bar.show_notice(message)

    def _on_session_write_failed(self, message: str) -> None:
        self._window.statusBar().showMessage(message, STATUS_MS * 2)
        QMessageBox.warning(self._window, "lyricpad", message)

    # ----------------------------------------------------------------- quitting

    def settle_unsaved(self) -> bool:
        """Before closing: True when everything is saved, or the user chose what becomes of what is not.

        Asked again after every failed Retry, however often saving failed before: quitting
        never drops a change without the user's word. The questions are the window's
        (`ask_unsaved_on_quit`, `choose_unsaved_copy_path`): tests answer them there.
        """
        window = self._window
        session = window.session
        while session.safekeeping.unsaved_count:
            if session.safekeeping.retry_unsaved() and not session.safekeeping.unsaved_count:
                return True
            choice = window.ask_unsaved_on_quit()
            if choice == "retry":
                continue
            if choice == "copy":
                path = window.choose_unsaved_copy_path()
                if not path:
                    continue
                try:
                    written = session.safekeeping.save_unsaved_copy(path)
                except LyricpadError as exc:
                    QMessageBox.warning(
                        window, "lyricpad", self.tr("The copy was not saved: {reason}").format(reason=exc)
                    )
                    continue
                window.statusBar().showMessage(
                    self.tr("Saved a copy of the unsaved changes to {path}").format(path=written), STATUS_MS
                )
                session.safekeeping.discard_unsaved()
                return True
            if choice == "quit":
                session.safekeeping.discard_unsaved()
                return True
            return False
        return True

    def unsaved_box(self) -> QMessageBox:
        """The question asked on quitting with changes not saved: Retry, Save a Copy as Markdown…, Quit Anyway."""
        session = self._window.session
        count = session.safekeeping.unsaved_count
        lines = [self.tr("%n change(s) could not be saved in the library.", "", count)]
        if session.safekeeping.retryable_count:
            lines.append(
                self.tr("lyricpad tried again at {time} and failed: {reason}").format(
                    time=f"{datetime.now():%H:%M:%S}", reason=session.safekeeping.last_unsaved_reason()
                )
            )
        if session.safekeeping.lost_count:
            lines.append(
                self.tr(
                    "%n change(s) (was|were) refused for good, but what you typed is kept here.",
                    "",
                    session.safekeeping.lost_count,
                )
            )
        lines.append(
            self.tr(
                "Retry, save a copy of what you typed as a Markdown file, or quit without them. "
                "(Cancel keeps the window open.)"
            )
        )
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Changes not saved"), "\n\n".join(lines), parent=self._window
        )
        box.setObjectName("unsavedBox")
        box.setDetailedText("\n".join(session.safekeeping.unsaved_descriptions()))
        retry = box.addButton(self.tr("&Retry"), QMessageBox.ButtonRole.AcceptRole)
        retry.setObjectName("retry")
        copy = box.addButton(self.tr("&Save a Copy as Markdown and Quit…"), QMessageBox.ButtonRole.ActionRole)
        copy.setObjectName("copy")
        quit_ = box.addButton(self.tr("&Quit Anyway"), QMessageBox.ButtonRole.DestructiveRole)
        quit_.setObjectName("quit")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setObjectName("cancel")
        box.setDefaultButton(copy)
        box.setEscapeButton(cancel)
        return box

    def ask_unsaved_on_quit(self) -> str:
        """The user's choice about unsaved changes: "retry", "copy", "quit" or "cancel"."""
        box = self._window.unsaved_box()
        box.exec()
        clicked = box.clickedButton()
        return clicked.objectName() if clicked is not None else "cancel"

    def choose_unsaved_copy_path(self) -> str:
        """Where to save the copy of unsaved changes ("" when the user cancels).

        Offered in the Documents folder, not the library's: a full disk there may be why
        the changes could not be saved.
        """
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(
            Path.home()
        )
        name = f"lyricpad unsaved changes {datetime.now():%Y-%m-%d %H%M}.md"
        return file_dialogs.save_file_name(
            self._window,
            self.tr("Save a Copy of the Unsaved Changes, then Quit"),
            str(Path(folder) / name),
            self.tr("Markdown ({patterns})").format(patterns="*.md"),
        )
