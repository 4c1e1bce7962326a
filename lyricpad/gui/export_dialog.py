"""File > Export: choose what and how, see the file as it will be written, copy it or save it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lyricpad.app.export_labels import cut_preview, finished_message, save_note, sentence
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
from lyricpad.core.errors import LyricpadError
from lyricpad.core.models import Song
from lyricpad.gui import file_dialogs
from lyricpad.gui.export_options_panel import ExportOptionsPanel
from lyricpad.gui.export_preview import ExportPreview
from lyricpad.gui.output_dialog import PREVIEW_DELAY_MS, OutputDialog, to_clipboard

__all__ = ["PREVIEW_DELAY_MS", "ExportDialog", "ExportPreview"]

PREVIEW_CHARS = 200_000
"""Longer previews are cut (at a line end): highlighting megabytes would stall the window."""
FILE_FILTERS = {
    "markdown": (QT_TRANSLATE_NOOP("ExportDialog", "Markdown"), "*.md"),
    "json": (QT_TRANSLATE_NOOP("ExportDialog", "JSON"), "*.json"),
    "w3c": (QT_TRANSLATE_NOOP("ExportDialog", "JSON"), "*.json *.jsonld"),
}
"""Each format's file dialog filter: (what the files are, their patterns)."""


class ExportDialog(OutputDialog):
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

    @property
    def save_title(self) -> str:
        return self.tr("Export To File")

    @property
    def error_title(self) -> str:
        return self.tr("Export Failed")

    def __init__(self, session: Session, parent: QWidget | None = None, song_id: str | None = None):
        super().__init__(parent)
        self._session = session
        self._follow_current = song_id is None
        self._song_id = song_id if song_id is not None else session.current_song_id
        self._preview_text = ""
        self._target: Path | None = None
        self._exporter = LibraryExporter(session, self)
        self._exporter.progressed.connect(self._on_exporter_progressed)
        self._exporter.finished.connect(self._on_exporter_finished)
        self._exporter.failed.connect(self._on_exporter_failed)

        self._set_up(self.tr("Export"), 1000, 660, ExportOptions.load(self._settings))

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        layout, body = self._columns()

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
        self.ids_check = panel.ids_check
        self.note_label = panel.note_label
        body.addWidget(self.options_panel)

        preview_column = QVBoxLayout()
        preview_column.setSpacing(4)
        self.preview_label = QLabel(self.tr("Pre&view"))
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
        self.progress_bar.setAccessibleName(self.tr("Export progress"))
        self.progress_bar.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Ca&ncel Export"))
        progress.addWidget(self.progress_label)
        progress.addWidget(self.progress_bar, 1)
        progress.addWidget(self.cancel_button)
        self.progress_row.hide()
        layout.addWidget(self.progress_row)

        self._build_footer(
            layout,
            status_name=self.tr("Export status"),
            copy_tip=self.tr("Copy the preview to the clipboard (Ctrl+C)"),
        )

    def _connect(self) -> None:
        self.options_panel.options_changed.connect(self._on_options_panel_options_changed)
        self._connect_footer(self.copy_preview)
        self.cancel_button.clicked.connect(self.cancel_export)
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
        self.save_button.setText(
            self.tr("&Save to Folder…") if self.options().to_folder else self.tr("&Save…")
        )

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
                note += " " + self.tr("The preview is shortened; Copy and Save take all of it.")
            self.note_label.setText(note)
        self._set_copy_enabled(bool(self._preview_text))
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
        to_clipboard(self._preview_text)
        lines = self._preview_text.count("\n")
        self._say(self.tr("Copied %n line(s) to the clipboard.", "", lines))

    def _shown_view(self) -> QPlainTextEdit:
        return self.preview

    # ------------------------------------------------------------------ saving

    def ask_folder(self, start: Path) -> Path | None:
        """Ask for the folder of a Markdown export of every song (tests replace this method)."""
        name = file_dialogs.existing_folder(self, self.tr("Export To Folder"), str(start))
        return Path(name) if name else None

    def save(self) -> None:
        """Ask where, then write the export on the worker thread (progress below, Cancel stops it)."""
        if self._exporter.is_running() or not self.save_button.isEnabled():
            return
        options = self.options()
        start = self._start_folder(last_folder(self._settings))
        if options.to_folder:
            target = self.ask_folder(start)
        else:
            kind, patterns = FILE_FILTERS[options.format]
            file_filter = f"{self.tr(kind)} ({patterns});;{self.tr('All files')} (*)"
            target = self.ask_save_path(start / suggested_file_name(options, self._song()), file_filter)
        if target is None:
            return
        set_last_folder(target if options.to_folder else target.parent, self._settings)
        self._target = target
        self._set_running(True, folder=options.to_folder)
        try:
            self._exporter.start(target, options, None if options.whole_library else [self._song_id])
        except LyricpadError as exc:
            self._set_running(False)
            self._fail(str(exc))

    def cancel_export(self) -> None:
        """Stop the export after the song being written; the files written stay complete."""
        if self._exporter.is_running():
            self._exporter.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Cancelling…"))

    def is_exporting(self) -> bool:
        return self._exporter.is_running()

    def _set_running(self, running: bool, *, folder: bool = False) -> None:
        self.options_panel.setEnabled(not running)
        self.progress_row.setVisible(running)
        self.cancel_button.setEnabled(running)
        if running:
            self._say("")
            self.progress_bar.setRange(0, 0)  # busy until the first song is done
            self.progress_label.setText(self.tr("Exporting…") if folder else self.tr("Writing the file…"))
        self._update_save_enabled()

    def _update_save_enabled(self) -> None:
        running = self._exporter.is_running()
        options = self.options()
        # JSON of an empty library is still a valid backup; every other export needs a song.
        can = options.format == "json" or bool(self._preview_text)
        self._set_save_enabled(can and not running)

    def _on_exporter_progressed(self, done: int, total: int) -> None:
        if total:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)
            self.progress_label.setText(self.tr("Exported {done} of %n song(s)", "", total).format(done=done))

    def _on_exporter_finished(self, result: ExportResult) -> None:
        self._set_running(False)
        message = finished_message(result, self._target)
        self._say(message)
        self.exported.emit(message)

    def _on_exporter_failed(self, message: str) -> None:
        self._set_running(False)
        self._fail(message)

    # ------------------------------------------------------------------ session

    def _on_session_current_song_changed(self, song_id: str) -> None:
        if self._follow_current and song_id != self._song_id:
            self._song_id = song_id
            self.schedule_preview()

    def _on_session_song_data_changed(self, song_id: str) -> None:
        self.schedule_preview()

    def _on_session_annotations_changed(self, song_id: str, _annotation_ids: list) -> None:
        self.schedule_preview()

    # ------------------------------------------------------------------ closing

    def reject(self) -> None:
        """Esc and Close: a running export is cancelled (the files written stay complete), then the dialog closes."""
        if self._exporter.is_running():
            self._exporter.cancel()
            self._exporter.wait()
        super().reject()
