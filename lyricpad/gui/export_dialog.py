"""File > Export: choose what and how, see the file as it will be written, copy it or save it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lyricpad.app.export_labels import cut_preview, finished_message, plural, save_note, sentence
from lyricpad.app.exporting import (
    ExportOptions,
    ExportResult,
    LibraryExporter,
    last_folder,
    preview_export,
    set_last_folder,
    suggested_file_name,
)
from lyricpad.app.session import Session
from lyricpad.app.settings import open_qsettings
from lyricpad.core.errors import LyricpadError
from lyricpad.core.models import Song
from lyricpad.gui import file_dialogs
from lyricpad.gui.export_options_panel import ExportOptionsPanel
from lyricpad.gui.export_preview import ExportPreview

__all__ = ["ExportDialog", "ExportPreview"]

PREVIEW_DELAY_MS = 150
"""The preview is rebuilt this long after the last change of an option (or of the library)."""
PREVIEW_CHARS = 200_000
"""Longer previews are cut (at a line end): highlighting megabytes would stall the window."""
FILE_FILTERS = {
    "markdown": "Markdown (*.md);;All files (*)",
    "json": "JSON (*.json);;All files (*)",
    "w3c": "JSON (*.json *.jsonld);;All files (*)",
}


class ExportDialog(QDialog):
    """Export annotations: the options on the left, the file as it will be written on the right.

    The preview follows the options (and the library) a moment after each change. Copy puts the
    previewed text on the clipboard (Ctrl+C; with text selected in the preview, the selection).
    Save… asks for a file, or for a folder when every song goes out as Markdown (one file per
    song plus an index), and writes on a worker thread with a progress bar and Cancel. Files
    are replaced atomically: a failed export leaves the older file as it was.

    Opened without *song_id*, "This song" follows the song shown in the window.
    """

    exported = Signal(str)
    """An export was written: a message saying what and where, for a status bar."""

    def __init__(self, session: Session, parent: QWidget | None = None, song_id: str | None = None):
        super().__init__(parent)
        self._session = session
        self._follow_current = song_id is None
        self._song_id = song_id if song_id is not None else session.current_song_id
        self._settings = open_qsettings()
        self._preview_text = ""
        self._target: Path | None = None
        self._stale = False
        self._exporter = LibraryExporter(session, self)
        self._exporter.progressed.connect(self._on_exporter_progressed)
        self._exporter.finished.connect(self._on_exporter_finished)
        self._exporter.failed.connect(self._on_exporter_failed)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)

        self.setWindowTitle("Export")
        self.setModal(False)
        self.resize(1000, 660)
        self._build()
        self._connect()
        self.set_options(ExportOptions.load(self._settings))
        self.refresh_preview()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        body = QHBoxLayout()
        body.setSpacing(16)
        layout.addLayout(body, 1)

        self.options_panel = ExportOptionsPanel()
        panel = self.options_panel
        self.this_song_radio = panel.this_song_radio
        self.all_songs_radio = panel.all_songs_radio
        self.scope_group = panel.scope_group
        self.format_combo = panel.format_combo
        self.profile_combo = panel.profile_combo
        self.profile_label = panel.profile_label
        self.group_combo = panel.group_combo
        self.group_label = panel.group_label
        self.full_lyrics_check = panel.full_lyrics_check
        self.footnotes_check = panel.footnotes_check
        self.note_label = panel.note_label
        body.addWidget(self.options_panel)

        preview_column = QVBoxLayout()
        preview_column.setSpacing(4)
        self.preview_label = QLabel("Pre&view")
        self.preview = ExportPreview()
        self.preview_label.setBuddy(self.preview)
        preview_column.addWidget(self.preview_label)
        preview_column.addWidget(self.preview, 1)
        body.addLayout(preview_column, 1)

        self.progress_row = QWidget()
        progress = QHBoxLayout(self.progress_row)
        progress.setContentsMargins(0, 0, 0, 0)
        self.progress_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName("Export progress")
        self.progress_bar.setTextVisible(False)
        self.cancel_button = QPushButton("Ca&ncel Export")
        progress.addWidget(self.progress_label)
        progress.addWidget(self.progress_bar, 1)
        progress.addWidget(self.cancel_button)
        self.progress_row.hide()
        layout.addWidget(self.progress_row)

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.setAccessibleName("Export status")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("&Copy")
        self.copy_button.setToolTip("Copy the preview to the clipboard (Ctrl+C)")
        self.save_button = QPushButton("&Save…")
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        footer = QHBoxLayout()
        footer.addWidget(self.status_label, 1)
        footer.addWidget(self.buttons)
        layout.addLayout(footer)

        # Enter never closes the dialog or starts an export by accident: no button is a default.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

        self.copy_action = QAction("Copy", self)
        self.copy_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(self.copy_action)
        self.save_action = QAction("Save", self)
        self.save_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.save_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(self.save_action)

    def _connect(self) -> None:
        self.options_panel.options_changed.connect(self._on_options_panel_options_changed)
        self.copy_button.clicked.connect(self.copy_preview)
        self.copy_action.triggered.connect(self._on_copy_action_triggered)
        self.save_button.clicked.connect(self.save)
        self.save_action.triggered.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.buttons.rejected.connect(self.reject)
        session = self._session
        session.current_song_changed.connect(self._on_session_current_song_changed)
        for signal in (session.songs_changed, session.lenses_changed):
            signal.connect(self.schedule_preview)
        for signal in (session.song_changed, session.articles_changed):
            signal.connect(self._on_session_song_data_changed)
        session.annotations_changed.connect(self._on_session_annotations_changed)

    # ------------------------------------------------------------------ options

    def options(self) -> ExportOptions:
        """The options as the dialog shows them."""
        return self.options_panel.options()

    def set_options(self, options: ExportOptions) -> None:
        """Show *options* (the preview follows a moment later)."""
        self.options_panel.set_options(options)
        self._update_controls()
        self.schedule_preview()

    def _update_controls(self) -> None:
        """Enable what applies to the format chosen; show the scope JSON forces; say what Save writes."""
        self.options_panel.update_controls(self._song(), len(self._session.songs()))
        self.save_button.setText("&Save to Folder…" if self.options().to_folder else "&Save…")

    def _song(self) -> Song | None:
        if not self._song_id:
            return None
        try:
            return self._session.song(self._song_id)
        except LyricpadError:
            return None

    def _on_options_panel_options_changed(self) -> None:
        self._update_controls()
        self.options().save(self._settings)
        self.schedule_preview()

    # ------------------------------------------------------------------ preview

    def schedule_preview(self, *_args) -> None:
        """Rebuild the preview PREVIEW_DELAY_MS from now (again from now if already planned).

        While the dialog is hidden the preview is only marked stale, and rebuilt when it shows.
        """
        if self.isVisible():
            self._preview_timer.start()
        else:
            self._stale = True

    def refresh_preview(self) -> None:
        """Rebuild the preview now from the library and the options."""
        self._preview_timer.stop()
        self._stale = False
        self._update_controls()
        options = self.options()
        kind = "markdown" if options.format == "markdown" else "json"
        try:
            preview = preview_export(self._session.library, options, self._song_id or None)
        except LyricpadError as exc:
            self._preview_text = ""
            self.preview.show_text("", kind)
            self.preview.setPlaceholderText(sentence(str(exc)))
            self.note_label.setText(self._note(options, None))
        else:
            self._preview_text = preview.text
            shown, cut = cut_preview(preview.text, PREVIEW_CHARS)
            self.preview.show_text(shown, kind)
            note = self._note(options, preview.song_id if preview.partial else None)
            if cut:
                note += " The preview is shortened; Copy and Save take all of it."
            self.note_label.setText(note)
        has_text = bool(self._preview_text)
        self.copy_button.setEnabled(has_text)
        self.copy_action.setEnabled(has_text)
        self._update_save_enabled()

    def _note(self, options: ExportOptions, partial_song: str | None) -> str:
        """What the preview shows and what Save writes, in a sentence or two."""
        shown = ""
        if partial_song:
            try:
                shown = self._session.song(partial_song).display_name
            except LyricpadError:
                shown = ""
        return save_note(options, len(self._session.songs()), partial_song, shown)

    def preview_text(self) -> str:
        """The whole text the preview stands for (not cut): what Copy puts on the clipboard."""
        return self._preview_text

    # ------------------------------------------------------------------ copy

    def copy_preview(self) -> None:
        """Put the preview's text on the clipboard."""
        if not self._preview_text:
            return
        QGuiApplication.clipboard().setText(self._preview_text)
        lines = self._preview_text.count("\n")
        self.status_label.setText(f"Copied {plural(lines, 'line')} to the clipboard.")

    def _on_copy_action_triggered(self) -> None:
        if self.preview.hasFocus() and self.preview.textCursor().hasSelection():
            self.preview.copy()
        else:
            self.copy_preview()

    # ------------------------------------------------------------------ saving

    def ask_save_path(self, suggested: Path, file_filter: str) -> Path | None:
        """Ask where to save a one-file export (tests replace this method)."""
        name = file_dialogs.save_file_name(self, "Export To File", str(suggested), file_filter)
        return Path(name) if name else None

    def ask_folder(self, start: Path) -> Path | None:
        """Ask for the folder of a Markdown export of every song (tests replace this method)."""
        name = file_dialogs.existing_folder(self, "Export To Folder", str(start))
        return Path(name) if name else None

    def show_error(self, message: str) -> None:
        """Say why an export failed: one message."""
        QMessageBox.critical(self, "Export Failed", message)

    def _start_folder(self) -> Path:
        folder = last_folder(self._settings)
        if folder and Path(folder).is_dir():
            return Path(folder)
        documents = Path.home() / "Documents"
        return documents if documents.is_dir() else Path.home()

    def save(self) -> None:
        """Ask where, then write the export on the worker thread (progress below, Cancel stops it)."""
        if self._exporter.is_running() or not self.save_button.isEnabled():
            return
        options = self.options()
        start = self._start_folder()
        if options.to_folder:
            target = self.ask_folder(start)
        else:
            target = self.ask_save_path(
                start / suggested_file_name(options, self._song()), FILE_FILTERS[options.format]
            )
        if target is None:
            return
        set_last_folder(target if options.to_folder else target.parent, self._settings)
        self._target = target
        self._set_running(True, folder=options.to_folder)
        try:
            self._exporter.start(target, options, None if options.whole_library else [self._song_id])
        except LyricpadError as exc:
            self._set_running(False)
            self.show_error(sentence(str(exc)))

    def cancel_export(self) -> None:
        """Stop the export after the song being written; the files written stay complete."""
        if self._exporter.is_running():
            self._exporter.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText("Cancelling…")

    def is_exporting(self) -> bool:
        return self._exporter.is_running()

    def _set_running(self, running: bool, *, folder: bool = False) -> None:
        self.options_panel.setEnabled(not running)
        self.progress_row.setVisible(running)
        self.cancel_button.setEnabled(running)
        if running:
            self.status_label.clear()
            self.progress_bar.setRange(0, 0)  # busy until the first song is done
            self.progress_label.setText("Exporting…" if folder else "Writing the file…")
        self._update_save_enabled()

    def _update_save_enabled(self) -> None:
        running = self._exporter.is_running()
        options = self.options()
        # JSON of an empty library is still a valid backup; every other export needs a song.
        can = options.format == "json" or bool(self._preview_text)
        self.save_button.setEnabled(can and not running)
        self.save_action.setEnabled(can and not running)

    def _on_exporter_progressed(self, done: int, total: int) -> None:
        if total:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)
            self.progress_label.setText(f"Exported {done} of {plural(total, 'song')}")

    def _on_exporter_finished(self, result: ExportResult) -> None:
        self._set_running(False)
        message = finished_message(result, self._target)
        self.status_label.setText(message)
        self.exported.emit(message)

    def _on_exporter_failed(self, message: str) -> None:
        self._set_running(False)
        self.status_label.clear()
        self.show_error(sentence(message))

    # ------------------------------------------------------------------ session

    def _on_session_current_song_changed(self, song_id: str) -> None:
        if self._follow_current and song_id != self._song_id:
            self._song_id = song_id
            self.schedule_preview()

    def _on_session_song_data_changed(self, song_id: str) -> None:
        self.schedule_preview()

    def _on_session_annotations_changed(self, song_id: str, _annotation_ids: list) -> None:
        self.schedule_preview()

    # ------------------------------------------------------------------ showing and closing

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh_preview()

    def hideEvent(self, event: QHideEvent) -> None:
        if self._preview_timer.isActive():
            self._preview_timer.stop()
            self._stale = True
        super().hideEvent(event)

    def reject(self) -> None:
        """Esc and Close: a running export is cancelled (the files written stay complete), then the dialog closes."""
        if self._exporter.is_running():
            self._exporter.cancel()
            self._exporter.wait()
        self.options().save(self._settings)
        self._settings.sync()
        super().reject()
