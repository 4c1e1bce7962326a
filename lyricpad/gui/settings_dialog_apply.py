"""What Edit > Settings changes in a running window: fonts, colours, default lens, save pace, backups, library."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QProcess
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from lyricpad.app.library_care import create_library_file
from lyricpad.app.save_timer import save_pace
from lyricpad.app.settings import PaneFont, Preferences
from lyricpad.core.errors import LyricpadError
from lyricpad.gui import file_dialogs
from lyricpad.gui.pygments_highlighter import palette_styles

if TYPE_CHECKING:
    from lyricpad.gui.main_window import MainWindow

LIBRARY_PATTERNS = "*.sqlite *.db"


def lyricpad_command(library: Path) -> tuple[str, list[str]]:
    """The program and arguments that start lyricpad's window on *library* (a bundle runs itself)."""
    if getattr(sys, "frozen", False):
        return sys.executable, ["--library", os.fspath(library)]
    return sys.executable, ["-m", "lyricpad", "--library", os.fspath(library)]


def new_library_refusal(path: Path) -> str:
    """Why a new library cannot be made at *path* ("" when it can): it must not exist yet."""
    if path.exists() or path.is_symlink():
        return QCoreApplication.translate(
            "WindowPreferences", "{path} exists already. A new library needs a name no file has yet."
        ).format(path=path)
    if not path.parent.is_dir():
        return QCoreApplication.translate("WindowPreferences", "The folder {folder} does not exist.").format(
            folder=path.parent
        )
    return ""


def font_for(builtin: QFont, choice: PaneFont) -> QFont:
    """*builtin* with the family and size of *choice* where it has them."""
    font = QFont(builtin)
    if choice.family:
        font.setFamily(choice.family)
    if choice.size:
        font.setPointSizeF(float(choice.size))
    return font


def _library_filter() -> str:
    return QCoreApplication.translate("WindowPreferences", "lyricpad libraries ({patterns})").format(
        patterns=LIBRARY_PATTERNS
    )


def ask_library_to_open(parent: QWidget | None, start: str) -> str:
    """A library file chosen by the user ("" when cancelled)."""
    caption = QCoreApplication.translate("WindowPreferences", "Open Another Library")
    return file_dialogs.open_file_name(
        parent,
        caption,
        start,
        _library_filter(),
    )


def ask_new_library_path(parent: QWidget | None, start: str) -> str:
    """Where a new library should go, chosen by the user ("" when cancelled); an existing file is
    refused afterwards, with one message (the dialog does not offer to replace it)."""
    dialog = file_dialogs.file_dialog(
        parent,
        QCoreApplication.translate("WindowPreferences", "Create New Library"),
        start,
        _library_filter(),
    )
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
    dialog.setDefaultSuffix("sqlite")
    try:
        accepted = dialog.exec() == QFileDialog.DialogCode.Accepted
        return dialog.selectedFiles()[0] if accepted and dialog.selectedFiles() else ""
    finally:
        dialog.deleteLater()


class WindowPreferences(QObject):
    """Applies the preferences to *window* and its session, and switches it to another library.

    Made before the window's layout is restored, so the panes' fonts as built are known: a pane
    whose font is "Default" gets that one back.
    """

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self._window = window
        self._builtin_fonts = {
            "lyrics": QFont(window.lyrics_pane.font()),
            "article": QFont(window.article_pane.font()),
            "notes": QFont(window.note_editor.note_edit.font()),
        }
        self.preferences = Preferences()
        self.start_detached = QProcess.startDetached
        """Starts the other lyricpad (tests put a recorder here: no second window is opened)."""

    def builtin_font(self, pane: str) -> QFont:
        """The font *pane* ("lyrics", "article", "notes") has when its setting is Default."""
        return QFont(self._builtin_fonts[pane])

    def load(self) -> None:
        """Apply the preferences in the window's settings (the defaults when it keeps none)."""
        settings = self._window.settings
        self.apply(settings.preferences() if settings is not None else Preferences())

    def choose(self, preferences: Preferences) -> None:
        """The user pressed OK or Apply: keep *preferences* and apply them now."""
        settings = self._window.settings
        if settings is not None:
            settings.set_preferences(preferences)
            settings.sync()
        self.apply(preferences)

    def apply(self, preferences: Preferences) -> None:
        """Make the window and session work as *preferences* say (the language waits for a restart)."""
        self.preferences = preferences
        window = self._window
        layout = window.window_layout
        layout.set_base_font(
            window.lyrics_pane, font_for(self._builtin_fonts["lyrics"], preferences.lyrics_font)
        )
        layout.set_base_font(
            window.article_pane, font_for(self._builtin_fonts["article"], preferences.article_font)
        )
        window.note_editor.note_edit.setFont(font_for(self._builtin_fonts["notes"], preferences.notes_font))
        palette_styles().set_styles(preferences.light_style, preferences.dark_style)
        pause = round(preferences.save_pause_s * 1000) if preferences.save_pause_s else None
        save_pace().set_pace(pause, round(preferences.save_max_wait_s * 1000))
        window.session.library_care.set_backup_policy(
            preferences.backup_interval_min * 60, preferences.backups_kept
        )

    def default_lens_id(self) -> str | None:
        """The lens a new highlight gets before another is used: the chosen one, else the first
        (a chosen lens deleted since is simply passed over)."""
        lenses = self._window.session.lenses()
        ids = [lens.id for lens in lenses]
        if self.preferences.default_lens in ids:
            return self.preferences.default_lens
        return ids[0] if ids else None

    # ---------------------------------------------------------------- library

    def open_library(self, path: Path, preferences: Preferences | None = None) -> bool:
        """Start lyricpad on the library at *path*, then close this window; *preferences* are kept
        (and applied) before the other lyricpad starts, so it reads them.

        This window's unsaved work is settled first (its quit question), and it closes only once
        the other lyricpad started: when that fails, this window stays and says so. When this
        window then refuses to close, the other one is open beside it, and the notice bar says so.
        False when nothing was started: it is this window's library, the user kept the unsaved
        work, or the other lyricpad could not be started.
        """
        window = self._window
        current = window.session.library_path
        if current is not None and _same_path(path, current):
            window.notice_bar.show_notice(
                self.tr("{path} is the library open in this window.").format(path=path)
            )
            return False
        if not self._unsaved_settled():
            return False
        return self._start_on(path, preferences, made_here=False)

    def create_library(self, path: Path, preferences: Preferences | None = None) -> bool:
        """Make a new library at *path* (which must not exist yet) and open it as `open_library` does.

        It is made here, once this window's unsaved work is settled, so a folder that cannot be
        written is said at once; like any brand-new library it gets the demo song (which the user
        may delete). When the other lyricpad cannot be started, the message says where the new
        library is.
        """
        title = self.tr("Create New Library")
        refusal = new_library_refusal(path)
        if refusal:
            QMessageBox.warning(self._window, title, refusal)
            return False
        if not self._unsaved_settled():
            return False
        try:
            create_library_file(path)
        except LyricpadError as exc:
            QMessageBox.warning(
                self._window,
                title,
                self.tr("The library could not be made: {reason}").format(reason=exc),
            )
            return False
        return self._start_on(path, preferences, made_here=True)

    def _unsaved_settled(self) -> bool:
        """This window's quit checks, without closing it: every edit saved, or the user's answer
        about what could not be (False: the user keeps the window as it is)."""
        window = self._window
        window.flush_edits()
        return window.safety.settle_unsaved()

    def _start_on(self, path: Path, preferences: Preferences | None, made_here: bool) -> bool:
        window = self._window
        before = self.preferences
        if preferences is not None:
            self.choose(preferences)  # in the settings file before the other lyricpad reads it
        program, arguments = lyricpad_command(path)
        started = self.start_detached(program, arguments)
        if isinstance(started, tuple):  # PySide6 gives (ok, pid)
            started = started[0]
        if not started:
            if preferences is not None:
                self.choose(before)  # nothing switched: the start library stays as it was
            command = " ".join([program, *arguments])
            if made_here:
                message = self.tr(
                    "The new library was made at {path}, but lyricpad could not be started on it. "
                    "This window stays open. Start it with: {command}"
                )
            else:
                message = self.tr(
                    "lyricpad could not be started on {path}. This window stays open. Start it with: {command}"
                )
            QMessageBox.critical(window, "lyricpad", message.format(path=path, command=command))
            return False
        if not window.close():
            window.notice_bar.show_notice(
                self.tr("{path} opened in a second lyricpad window; this one stays open.").format(path=path)
            )
        return True


def _same_path(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)
