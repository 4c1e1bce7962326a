"""What File > Export and File > Publish Article… share: a preview rebuilt a moment after each change, Copy, Save… and Close."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from lyricpad.app.export_labels import sentence
from lyricpad.app.settings import open_qsettings
from lyricpad.core.errors import LyricpadError
from lyricpad.core.export.files import write_atomic
from lyricpad.gui import file_dialogs

PREVIEW_DELAY_MS = 150
"""The preview is rebuilt this long after the last change of an option (or of the library)."""


def to_clipboard(text: str, *, html: bool = False) -> None:
    """Put *text* on the clipboard; with *html*, also as HTML (pasted as rich text where that is taken)."""
    data = QMimeData()
    data.setText(text)
    if html:
        data.setHtml(text)
    QGuiApplication.clipboard().setMimeData(data)


def start_folder(*folders: str) -> Path:
    """The first of *folders* (remembered ones, "" for none) that exists, else Documents, else home."""
    for folder in folders:
        if folder and Path(folder).is_dir():
            return Path(folder)
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


class OutputDialog(QDialog):
    """A dialog showing a text as it will be written, beside options; the text is copied or saved.

    A dialog calls `_set_up` at the end of its __init__; its `_build` lays out the options and
    preview in `_columns`, then `_build_footer` (the status line, Copy, Save… and Close, Ctrl+C
    and Ctrl+S anywhere in the window). It gives `options()` (remembered on close),
    `set_options`, `refresh_preview()`, `save()` and `_shown_view()` (where Ctrl+C copies a selection).
    The preview is rebuilt PREVIEW_DELAY_MS after the last change; while hidden, only marked stale.
    """

    @property
    def save_title(self) -> str:
        """The title of the file dialog of a one-file save, translated (a dialog gives its own)."""
        return self.tr("Save")

    @property
    def error_title(self) -> str:
        """The title of the message saying why a save failed, translated (a dialog gives its own)."""
        return self.tr("Save Failed")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._settings = open_qsettings()
        self._stale = False
        self._said = ""  # what Copy or Save last said
        self._copy_all: Callable[[], None] = lambda: None
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self.setModal(False)

    def _set_up(self, title: str, width: int, height: int, options) -> None:
        """Name and size the window, `_build` and `_connect` it, then show *options* and their preview."""
        self.setWindowTitle(title)
        self.resize(width, height)
        self._build()
        self._connect()
        self.set_options(options)
        self.refresh_preview()

    def _columns(self) -> tuple[QVBoxLayout, QHBoxLayout]:
        """The dialog's layout, and in it the row of the options (left) and the preview (right)."""
        layout = QVBoxLayout(self)
        body = QHBoxLayout()
        body.setSpacing(16)
        layout.addLayout(body, 1)
        return layout, body

    # ------------------------------------------------------------------ what each dialog gives

    def _build(self) -> None:
        """Make the widgets: `_columns` first, `_build_footer` last."""
        raise NotImplementedError

    def _connect(self) -> None:
        """Connect the widgets (`_connect_footer` among them) and the session's facts."""
        raise NotImplementedError

    def set_options(self, options) -> None:
        """Show *options*."""
        raise NotImplementedError

    def options(self):
        """The options as the dialog shows them (with a `save(settings)`)."""
        raise NotImplementedError

    def refresh_preview(self) -> None:
        """Rebuild the preview now."""
        raise NotImplementedError

    def save(self) -> None:
        """Ask where, then write."""
        raise NotImplementedError

    def _shown_view(self) -> QPlainTextEdit | QTextBrowser:
        """The preview's view shown now: Ctrl+C copies its selection when it has the focus."""
        raise NotImplementedError

    # ------------------------------------------------------------------ the footer

    def _build_footer(
        self, layout: QVBoxLayout, *, status_name: str, copy_tip: str, save_tip: str = ""
    ) -> None:
        """Add the status line and Copy, Save… and Close below *layout*'s rows: build it last."""
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.setAccessibleName(status_name)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setToolTip(copy_tip)
        self.save_button = QPushButton(self.tr("&Save…"))
        if save_tip:
            self.save_button.setToolTip(save_tip)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        footer = QHBoxLayout()
        footer.addWidget(self.status_label, 1)
        footer.addWidget(self.buttons)
        layout.addLayout(footer)

        # Enter never closes the dialog or saves by accident: no button is a default.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

        self.copy_action = self._window_action(self.tr("Copy"), QKeySequence.StandardKey.Copy)
        self.save_action = self._window_action(self.tr("Save"), QKeySequence.StandardKey.Save)

    def _window_action(self, text: str, key: QKeySequence.StandardKey) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(action)
        return action

    def _connect_footer(self, copy_all: Callable[[], None]) -> None:
        """Copy runs *copy_all* (Ctrl+C too, unless the preview has a selection to copy); Save… and Ctrl+S `save`."""
        self._copy_all = copy_all
        self.copy_button.clicked.connect(copy_all)
        self.copy_action.triggered.connect(self._on_copy_action_triggered)
        self.save_button.clicked.connect(self.save)
        self.save_action.triggered.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def _on_copy_action_triggered(self) -> None:
        view = self._shown_view()
        if view.hasFocus() and view.textCursor().hasSelection():
            view.copy()
        else:
            self._copy_all()

    def _set_copy_enabled(self, enabled: bool) -> None:
        self.copy_button.setEnabled(enabled)
        self.copy_action.setEnabled(enabled)

    def _set_save_enabled(self, enabled: bool) -> None:
        self.save_button.setEnabled(enabled)
        self.save_action.setEnabled(enabled)

    def _say(self, message: str) -> None:
        """A message in the status line (kept in `_said` for a dialog that redraws the line)."""
        self._said = message
        self.status_label.setText(message)

    # ------------------------------------------------------------------ saving

    def ask_save_path(self, suggested: Path, file_filter: str) -> Path | None:
        """Ask where to save one file (tests replace this method)."""
        name = file_dialogs.save_file_name(self, self.save_title, str(suggested), file_filter)
        return Path(name) if name else None

    def show_error(self, message: str) -> None:
        """Say why a save failed: one message."""
        QMessageBox.critical(self, self.error_title, message)

    def _fail(self, message: str) -> None:
        """The status line cleared, and *message* (an error's text) said as a sentence."""
        self._say("")
        self.show_error(sentence(message))

    def _start_folder(self, *folders: str) -> Path:
        return start_folder(*folders)

    def _write(self, target: Path, text: str) -> Path | None:
        """Write *text* to *target* atomically; None when it could not be (one message said why)."""
        try:
            return write_atomic(target, text)
        except LyricpadError as exc:
            self._fail(str(exc))
            return None

    # ------------------------------------------------------------------ preview, showing and closing

    def schedule_preview(self, *_args) -> None:
        """Rebuild the preview PREVIEW_DELAY_MS from now (again from now if already planned).

        While the dialog is hidden the preview is only marked stale, and rebuilt when it shows.
        """
        if self.isVisible():
            self._preview_timer.start()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh_preview()

    def hideEvent(self, event: QHideEvent) -> None:
        self._say("")  # "Saved to …" belongs to that visit: reopened, the dialog starts afresh
        if self._preview_timer.isActive():
            self._preview_timer.stop()
            self._stale = True
        super().hideEvent(event)

    def reject(self) -> None:
        """Esc and Close: the options are remembered, then the dialog closes."""
        self.options().save(self._settings)
        self._settings.sync()
        super().reject()
