"""File > Export: choose what and how, see the file as it will be written, copy it or save it."""

from __future__ import annotations

from pathlib import Path

from pygments.lexers.data import JsonLexer
from PySide6.QtCore import QEvent, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QFontDatabase, QGuiApplication, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from lyricpad.app.exporting import (
    INDEX_NAME,
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
from lyricpad.core.lexers import MarkdownSourceLexer
from lyricpad.core.models import Song
from lyricpad.gui import file_dialogs
from lyricpad.gui.pygments_highlighter import PygmentsHighlighter

PREVIEW_DELAY_MS = 150
"""The preview is rebuilt this long after the last change of an option (or of the library)."""
PREVIEW_CHARS = 200_000
"""Longer previews are cut (at a line end): highlighting megabytes would stall the window."""
NAMES_LISTED = 5
"""How many written files the status message names before saying "and N more"."""

FORMAT_LABELS = {
    "markdown": "Markdown",
    "json": "lyricpad JSON (whole library)",
    "w3c": "W3C Web Annotations (JSON-LD)",
}
PROFILE_LABELS = {"blog": "Blog post (CommonMark)", "obsidian": "Obsidian note"}
GROUP_LABELS = {"pane": "Lyrics, then each article", "lens": "Lens"}
FILE_FILTERS = {
    "markdown": "Markdown (*.md);;All files (*)",
    "json": "JSON (*.json);;All files (*)",
    "w3c": "JSON (*.json *.jsonld);;All files (*)",
}


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _sentence(message: str) -> str:
    """A message from core ("cannot write ...") as a sentence for a message box."""
    message = message.strip()
    if not message:
        return "The export failed."
    message = message[0].upper() + message[1:]
    return message if message.endswith((".", "!", "?")) else message + "."


def _fixed_font() -> QFont:
    fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font = QFont()
    font.setFamilies([fixed.family()])
    font.setFixedPitch(True)
    font.setStyleHint(QFont.StyleHint.Monospace)
    return font


class ExportPreview(QPlainTextEdit):
    """The export's text, read-only, coloured by pygments (Markdown or JSON) in a style that follows the palette."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAccessibleName("Export preview")
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setFont(_fixed_font())
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.document().setDocumentMargin(10)
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * 4)
        self.highlighter = PygmentsHighlighter(self.document(), MarkdownSourceLexer(), palette=self.palette())
        self._kind = "markdown"

    def show_text(self, text: str, kind: str) -> None:
        """Show *text* ("markdown" or "json"), keeping the scroll position when the kind is the same."""
        bar = self.verticalScrollBar()
        position = bar.value() if kind == self._kind else 0
        if kind != self._kind:
            self.clear()  # before the lexer changes: the old text is not highlighted twice
            self.highlighter.set_lexer(JsonLexer() if kind == "json" else MarkdownSourceLexer())
            self._kind = kind
        self.setPlainText(text)
        bar.setValue(min(position, bar.maximum()))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.highlighter.on_palette_changed(self.palette())


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
        self._scope_choice = "song"  # what the user chose, kept while JSON forces the whole library
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

        self.options_panel = QWidget()
        self.options_panel.setMinimumWidth(290)
        self.options_panel.setMaximumWidth(340)
        side = QVBoxLayout(self.options_panel)
        side.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setVerticalSpacing(6)

        self.this_song_radio = QRadioButton("&This song")
        self.all_songs_radio = QRadioButton("&All songs")
        self.scope_group = QButtonGroup(self)
        self.scope_group.addButton(self.this_song_radio)
        self.scope_group.addButton(self.all_songs_radio)
        scope = QVBoxLayout()
        scope.setSpacing(2)
        scope.addWidget(self.this_song_radio)
        scope.addWidget(self.all_songs_radio)
        form.addRow(self._heading("What"), scope)

        self.format_combo = self._combo(FORMAT_LABELS)
        form.addRow(self._heading("&Format", self.format_combo), self.format_combo)

        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        form.addRow(rule)

        self.profile_combo = self._combo(PROFILE_LABELS)
        self.profile_label = self._heading("&Markdown for", self.profile_combo)
        form.addRow(self.profile_label, self.profile_combo)
        self.group_combo = self._combo(GROUP_LABELS)
        self.group_label = self._heading("&Group by", self.group_combo)
        form.addRow(self.group_label, self.group_combo)
        self.full_lyrics_check = QCheckBox("F&ull lyrics (highlighted lines marked)")
        self.full_lyrics_check.setToolTip("Quote every line of the lyrics, not only the highlighted words")
        self.footnotes_check = QCheckBox("Notes as foot&notes")
        form.addRow(self.full_lyrics_check)
        form.addRow(self.footnotes_check)
        side.addLayout(form)

        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        self.note_label.setAccessibleName("What Save writes")
        self.note_label.setContentsMargins(0, 10, 0, 0)
        note_palette = self.note_label.palette()
        note_palette.setColor(
            self.note_label.foregroundRole(), note_palette.color(note_palette.ColorRole.PlaceholderText)
        )
        self.note_label.setPalette(note_palette)
        side.addWidget(self.note_label)
        side.addStretch(1)
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

    def _heading(self, text: str, buddy: QWidget | None = None) -> QLabel:
        label = QLabel(text)
        font = label.font()
        font.setWeight(QFont.Weight.DemiBold)
        label.setFont(font)
        if buddy is not None:
            label.setBuddy(buddy)
        return label

    @staticmethod
    def _combo(labels: dict[str, str]) -> QComboBox:
        combo = QComboBox()
        for value, label in labels.items():
            combo.addItem(label, value)
        return combo

    def _connect(self) -> None:
        self.scope_group.buttonToggled.connect(self._on_scope_toggled)
        for combo in (self.format_combo, self.profile_combo, self.group_combo):
            combo.currentIndexChanged.connect(self._on_option_changed)
        for check in (self.full_lyrics_check, self.footnotes_check):
            check.toggled.connect(self._on_option_changed)
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
        return ExportOptions(
            scope="all" if self.all_songs_radio.isChecked() else "song",
            format=self.format_combo.currentData(),
            profile=self.profile_combo.currentData(),
            group_by=self.group_combo.currentData(),
            full_lyrics=self.full_lyrics_check.isChecked(),
            footnotes=self.footnotes_check.isChecked(),
        )

    def set_options(self, options: ExportOptions) -> None:
        """Show *options* (the preview follows a moment later)."""
        blockers = [
            QSignalBlocker(w)
            for w in (
                self.scope_group,
                self.format_combo,
                self.profile_combo,
                self.group_combo,
                self.full_lyrics_check,
                self.footnotes_check,
            )
        ]
        self._scope_choice = options.scope
        self.format_combo.setCurrentIndex(self.format_combo.findData(options.format))
        self.profile_combo.setCurrentIndex(self.profile_combo.findData(options.profile))
        self.group_combo.setCurrentIndex(self.group_combo.findData(options.group_by))
        self.full_lyrics_check.setChecked(options.full_lyrics)
        self.footnotes_check.setChecked(options.footnotes)
        del blockers
        self._update_controls()
        self.schedule_preview()

    def _update_controls(self) -> None:
        """Enable what applies to the format chosen; show the scope JSON forces; say what Save writes."""
        fmt = self.format_combo.currentData()
        song = self._song()
        has_song = song is not None
        with QSignalBlocker(self.scope_group):
            scope = "all" if fmt == "json" or not has_song else self._scope_choice
            (self.all_songs_radio if scope == "all" else self.this_song_radio).setChecked(True)
        self.this_song_radio.setEnabled(fmt != "json" and has_song)
        self.all_songs_radio.setEnabled(fmt != "json")
        if has_song:
            # Elided to the panel: a long title must not widen the dialog; the tooltip has it whole.
            room = self.options_panel.maximumWidth() - 130
            title = self.this_song_radio.fontMetrics().elidedText(
                song.display_name, Qt.TextElideMode.ElideRight, room
            )
            self.this_song_radio.setText(f"&This song: “{title}”")
        else:
            self.this_song_radio.setText("&This song")
        count = len(self._session.songs())
        self.all_songs_radio.setText(f"&All songs ({count})")
        scope_tip = (
            "lyricpad JSON always holds the whole library (for backup and merging)" if fmt == "json" else ""
        )
        self.this_song_radio.setToolTip(scope_tip or (song.display_name if has_song else ""))
        self.all_songs_radio.setToolTip(scope_tip)
        markdown = fmt == "markdown"
        for widget in (
            self.profile_label,
            self.profile_combo,
            self.group_label,
            self.group_combo,
            self.full_lyrics_check,
        ):
            widget.setEnabled(markdown)
        options = self.options()
        self.footnotes_check.setEnabled(options.footnotes_apply)
        self.footnotes_check.setToolTip(
            "Put each note in a footnote under the quotes"
            if options.footnotes_apply
            else "Footnotes are for the blog profile of Markdown (Obsidian shows notes in callouts)"
        )
        self.save_button.setText("&Save to Folder…" if options.to_folder else "&Save…")

    def _song(self) -> Song | None:
        if not self._song_id:
            return None
        try:
            return self._session.song(self._song_id)
        except LyricpadError:
            return None

    def _on_scope_toggled(self, button, checked: bool) -> None:
        if checked and button.isEnabled():
            self._scope_choice = "all" if button is self.all_songs_radio else "song"
        self._on_option_changed()

    def _on_option_changed(self, *_args) -> None:
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
            self.preview.setPlaceholderText(_sentence(str(exc)))
            self.note_label.setText(self._note(options, None))
        else:
            self._preview_text = preview.text
            shown = preview.text
            cut = len(shown) > PREVIEW_CHARS
            if cut:
                end = shown.rfind("\n", 0, PREVIEW_CHARS)
                shown = shown[: end if end > 0 else PREVIEW_CHARS] + "\n…\n"
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
        count = len(self._session.songs())
        shown = ""
        if partial_song:
            try:
                shown = self._session.song(partial_song).display_name
            except LyricpadError:
                shown = ""
        if options.to_folder:
            return (
                f"Save writes one Markdown file per song ({count}), plus {INDEX_NAME} linking them, "
                f"into a folder you choose. The preview shows the file of “{shown}”. "
                "Songs exported there before are written over the same files; a file lyricpad did not "
                "write is never replaced (the export takes another name)."
            )
        if options.format == "json":
            text = (
                "lyricpad JSON holds the whole library, the trash included: "
                "a backup that File > Import merges back."
            )
        elif options.format == "w3c":
            text = "W3C Web Annotations, for other annotation tools; File > Import merges them back."
        elif options.whole_library:
            text = f"One Markdown document with the {_plural(count, 'song')}."
        else:
            text = "One Markdown document with this song's annotations."
        if partial_song:
            text += f" The library is big: the preview shows only “{shown}”; Copy takes the preview, Save all of it."
        return text

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
        self.status_label.setText(f"Copied {_plural(lines, 'line')} to the clipboard.")

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
            self.show_error(_sentence(str(exc)))

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
            self.progress_label.setText(f"Exported {done} of {_plural(total, 'song')}")

    def _on_exporter_finished(self, result: ExportResult) -> None:
        self._set_running(False)
        target = self._target
        if result.cancelled:
            message = (
                f"Export cancelled after {result.done} of {_plural(result.total, 'song')}; "
                f"the files written to {target} are complete, the index was not written."
            )
        elif len(result.written) == 1 and result.written[0] == target:
            message = f"Exported to {target}."
        else:
            names = [p.name for p in result.written]
            listed = ", ".join(names[:NAMES_LISTED])
            if len(names) > NAMES_LISTED:
                listed += f" and {len(names) - NAMES_LISTED} more"
            message = f"Wrote {_plural(len(names), 'file')} to {target}: {listed}."
        self.status_label.setText(message)
        self.exported.emit(message)

    def _on_exporter_failed(self, message: str) -> None:
        self._set_running(False)
        self.status_label.clear()
        self.show_error(_sentence(message))

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
