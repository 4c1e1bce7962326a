"""Importing in the window: File › Import, dropped files, paste as a new song or article, with a review before anything is added.

`ImportController` is the one way in: `import_paths` (the Import… action, drops, files handed over
on the command line), `paste_as_new_song` and `paste_as_new_article`. Files are read off the GUI
thread by `FileImporter` while a progress dialog shows; each file is then reviewed in
`ImportReviewDialog` (title, artist or author, encoding, page furniture to leave out, preview)
and added through the session. Refused files are reported together, one message per file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QClipboard,
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QGuiApplication,
    QKeySequence,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from lyricpad.app.importing import FileImporter, ImportRequest, local_paths
from lyricpad.app.session import Session
from lyricpad.core.errors import ImportRefused
from lyricpad.core.furniture import Furniture
from lyricpad.core.html_import import article_from_clipboard
from lyricpad.core.importers import ImportedText, guess_import_kind
from lyricpad.core.lrc import parse_lrc
from lyricpad.core.text import normalise_line, normalise_text

PASTE_SONG_SHORTCUT = "Ctrl+Alt+Shift+V"
PASTE_ARTICLE_SHORTCUT = "Ctrl+Alt+Shift+N"  # New Article is Ctrl+Shift+N
PROGRESS_DELAY_MS = 400
"""A read shorter than this shows no progress dialog at all."""
PREVIEW_MAX_LINES = 2000
"""The review previews this many lines of a long text (the whole text is imported)."""
ENCODINGS = (
    "utf-8", "cp1252", "iso8859-1", "iso8859-15", "cp1250", "iso8859-2", "cp1251", "koi8-r",
    "koi8-u", "cp1253", "cp1254", "cp1257", "mac-roman", "shift_jis", "euc-jp", "gb18030",
    "big5", "euc-kr", "utf-16",
)  # fmt: skip
"""The encodings the review offers; any other name can be typed."""

_FORMAT_TEXT = {
    "plain": "Plain text",
    "markdown": "Markdown",
    "lrc": "LRC lyrics",
    "html": "Web page (HTML, cleaned: nothing in it is fetched or run)",
}


def _line_count(text: str) -> int:
    return text.count("\n") + (0 if text.endswith("\n") else 1) if text else 0


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def describe_format(imported: ImportedText, pasted: bool = False) -> str:
    """What was read, for the review: "LRC lyrics · 8 lines, 7 timed"."""
    if pasted:
        what = (
            "Pasted HTML (headings, quotes and emphasis kept)" if imported.format == "html" else "Pasted text"
        )
    else:
        what = _FORMAT_TEXT.get(imported.format, imported.format)
    parts = [what, _plural(_line_count(imported.text), "line")]
    if imported.line_times:
        parts[-1] += f", {sum(1 for t in imported.line_times if t)} timed"
    return " · ".join(parts)


@dataclass
class ImportChoice:
    """What the user settled in the review: the text as (re)read, its title, artist or author, the lines to leave out."""

    imported: ImportedText
    title: str
    artist: str = ""
    author: str = ""
    remove: list[Furniture] = field(default_factory=list)


# ------------------------------------------------------------------- review


class ImportReviewDialog(QDialog):
    """The review of one text before it is added: names, encoding, page furniture, preview.

    A widget only: a different encoding is asked for with `encoding_requested`, and the controller
    answers with `set_imported` (or `show_refusal`). Furniture lines are suggestions, unticked:
    only the ticked ones are left out.
    """

    encoding_requested = Signal(str)
    """The user chose this encoding: read the file again with it."""

    def __init__(
        self,
        imported: ImportedText,
        *,
        song_title: str = "",
        pasted: bool = False,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._imported = imported
        self._pasted = pasted
        self._reading = False
        kind = imported.kind or "lyrics"
        self.setWindowTitle("Import Lyrics" if kind == "lyrics" else "Import Article")
        self.setAccessibleName(self.windowTitle())
        self.setMinimumSize(560, 440)

        heading = QLabel(self)
        heading.setObjectName("importHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setWeight(QFont.Weight.DemiBold)
        heading.setFont(font)
        if kind == "lyrics":
            heading.setText(
                "A new song from the clipboard" if pasted else f"A new song from “{imported.source}”"
            )
        else:
            origin = "the clipboard" if pasted else f"“{imported.source}”"
            heading.setText(f"An article of “{song_title}” from {origin}")
        heading.setWordWrap(True)
        self.heading = heading
        self.origin_note = QLabel(self)
        self.origin_note.setObjectName("importOrigin")
        self.origin_note.setWordWrap(True)
        self.origin_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.title_edit = QLineEdit(self)
        self.title_edit.setAccessibleName("Title")
        self.title_edit.setPlaceholderText("Needed: the title of the song" if kind == "lyrics" else "Needed")
        self.title_edit.textChanged.connect(self._update_ok)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("&Title:", self.title_edit)
        self.artist_edit = QLineEdit(self)
        self.author_edit = QLineEdit(self)
        if kind == "lyrics":
            self.artist_edit.setAccessibleName("Artist")
            form.addRow("&Artist:", self.artist_edit)
            self.author_edit.hide()
        else:
            self.author_edit.setAccessibleName("Author")
            form.addRow("A&uthor:", self.author_edit)
            self.artist_edit.hide()

        self.format_label = QLabel(self)
        self.format_label.setAccessibleName("Format")
        self.format_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow("Format:", self.format_label)

        self.encoding_combo = QComboBox(self)
        self.encoding_combo.setAccessibleName("Encoding")
        self.encoding_combo.setEditable(True)
        self.encoding_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.encoding_combo.setToolTip("If the text looks wrong, choose the encoding it was saved in")
        self.encoding_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.encoding_note = QLabel(self)
        self.encoding_note.setAccessibleName("Detected encoding")
        self.encoding_note.setForegroundRole(self.encoding_note.foregroundRole())
        encoding_row = QHBoxLayout()
        encoding_row.addWidget(self.encoding_combo)
        encoding_row.addWidget(self.encoding_note, 1)
        self.encoding_label = QLabel("&Encoding:", self)
        self.encoding_label.setBuddy(self.encoding_combo)
        form.addRow(self.encoding_label, encoding_row)
        if pasted:
            self.encoding_label.hide()
            self.encoding_combo.hide()
            self.encoding_note.hide()
        self.encoding_combo.activated.connect(self._on_encoding_combo_activated)
        self.encoding_combo.lineEdit().editingFinished.connect(self._on_encoding_edit_finished)

        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("importProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: palette(highlight);")
        self.problem_label.hide()

        # Furniture: suggestions, unticked; a ticked line is left out (Edit › Undo brings it back).
        self.furniture_box = QWidget(self)
        furniture_layout = QVBoxLayout(self.furniture_box)
        furniture_layout.setContentsMargins(0, 0, 0, 0)
        self.furniture_label = QLabel(self.furniture_box)
        self.furniture_label.setWordWrap(True)
        self.tick_all_button = QPushButton("Leave &Out All", self.furniture_box)
        self.tick_all_button.clicked.connect(lambda: self._tick_all(Qt.CheckState.Checked))
        self.untick_all_button = QPushButton("&Keep All", self.furniture_box)
        self.untick_all_button.clicked.connect(lambda: self._tick_all(Qt.CheckState.Unchecked))
        furniture_top = QHBoxLayout()
        furniture_top.addWidget(self.furniture_label, 1)
        furniture_top.addWidget(self.tick_all_button, 0, Qt.AlignmentFlag.AlignBottom)
        furniture_top.addWidget(self.untick_all_button, 0, Qt.AlignmentFlag.AlignBottom)
        self.furniture_list = QListWidget(self.furniture_box)
        self.furniture_list.setAccessibleName("Page furniture to leave out")
        self.furniture_list.setAlternatingRowColors(True)
        self.furniture_list.itemChanged.connect(self._on_furniture_list_item_changed)
        self.furniture_list.currentItemChanged.connect(self._on_furniture_list_current_changed)
        furniture_layout.addLayout(furniture_top)
        furniture_layout.addWidget(self.furniture_list)

        self.preview = QPlainTextEdit(self)
        self.preview.setAccessibleName("Preview")
        self.preview.setReadOnly(True)
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.preview_label = QLabel("Preview", self)
        preview_box = QWidget(self)
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(self.preview_label)
        preview_layout.addWidget(self.preview)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.furniture_box)
        self.splitter.addWidget(preview_box)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("&Import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(self.origin_note)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.buttons)

        self._detected_encoding = imported.encoding
        self._filled: dict[QLineEdit, str] = {}
        self.set_imported(imported)
        self.title_edit.setFocus()
        self.resize(640, 560 if imported.furniture else 480)

    # --------------------------------------------------------------- reading

    def imported(self) -> ImportedText:
        return self._imported

    def encoding(self) -> str:
        return self._imported.encoding

    def set_imported(self, imported: ImportedText) -> None:
        """Show *imported* (first or read again): fields the user has not edited follow the new text."""
        self._imported = imported
        self._reading = False
        self.problem_label.hide()
        for edit, value in (
            (self.title_edit, imported.title),
            (self.artist_edit, imported.artist),
            (self.author_edit, imported.author),
        ):
            if edit.text() == self._filled.get(edit, ""):  # what the user changed stays as typed
                edit.setText(value)
                self._filled[edit] = value
        self.format_label.setText(describe_format(imported, self._pasted))
        self.origin_note.setText(self._origin_text(imported))
        self._set_encoding_items(imported.encoding)

        self.furniture_list.blockSignals(True)
        self.furniture_list.clear()
        for item in imported.furniture:
            row = QListWidgetItem(f"Line {item.line}: {item.text.strip()}   ({item.reason})")
            row.setToolTip(f"Looks like {item.reason}. Tick to leave this line out.")
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Unchecked)
            row.setData(Qt.ItemDataRole.UserRole, item)
            row.setData(Qt.ItemDataRole.AccessibleDescriptionRole, item.reason)
            self.furniture_list.addItem(row)
        self.furniture_list.blockSignals(False)
        count = len(imported.furniture)
        self.furniture_box.setVisible(bool(count))
        self.furniture_label.setText(
            f"{_plural(count, 'line')} look like page furniture (bylines, buttons, related links). "
            "Tick the ones to leave out; the rest of the text is kept as it is."
        )
        self._fill_preview()
        self._update_ok()

    def show_refusal(self, message: str) -> None:
        """The encoding asked for did not work: say why and keep the text shown as it was."""
        self._reading = False
        self.problem_label.setText(message)
        self.problem_label.show()
        self._set_encoding_items(self._imported.encoding)
        self._update_ok()

    def set_reading(self, encoding: str) -> None:
        self._reading = True
        self.problem_label.setText(f"Reading the file as {encoding}…")
        self.problem_label.show()
        self._update_ok()

    def removed_furniture(self) -> list[Furniture]:
        """The furniture lines ticked to be left out."""
        return [
            self.furniture_list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.furniture_list.count())
            if self.furniture_list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def set_removed(self, lines: list[int]) -> None:
        """Tick the furniture of these line numbers (and untick the others)."""
        for row in range(self.furniture_list.count()):
            item = self.furniture_list.item(row)
            wanted = item.data(Qt.ItemDataRole.UserRole).line in lines
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def choice(self) -> ImportChoice:
        return ImportChoice(
            imported=self._imported,
            title=normalise_line(self.title_edit.text()),
            artist=normalise_line(self.artist_edit.text()),
            author=normalise_line(self.author_edit.text()),
            remove=self.removed_furniture(),
        )

    def keyPressEvent(self, event) -> None:
        # Enter in the encoding field reads the file again; it must not import at the same time.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.encoding_combo.lineEdit().hasFocus():
            self._request_encoding(self.encoding_combo.currentText())
            return
        super().keyPressEvent(event)

    # ---------------------------------------------------------------- pieces

    def _set_encoding_items(self, current: str) -> None:
        combo = self.encoding_combo
        combo.blockSignals(True)
        combo.clear()
        names = [self._detected_encoding] if self._detected_encoding else []
        names += [name for name in ENCODINGS if name != self._detected_encoding]
        if current and current not in names:
            names.insert(1 if names else 0, current)
        combo.addItems(names)
        combo.setCurrentIndex(max(0, combo.findText(current)))
        combo.blockSignals(False)
        if not self._pasted:
            note = (
                "detected" if current == self._detected_encoding else f"detected: {self._detected_encoding}"
            )
            self.encoding_note.setText(note)

    def _origin_text(self, imported: ImportedText) -> str:
        if imported.kind == "article":
            return "The title is the page's own; change anything before importing."
        if imported.lrc_tags.get("ti") or imported.lrc_tags.get("ar"):
            return "Title and artist come from the file's LRC tags; change them if they are wrong."
        if imported.title:
            return (
                "Title and artist come from the file name (“Artist - Title”); change them if they are wrong."
            )
        return "Nothing names this song: type its title (and artist) before importing."

    def _tick_all(self, state: Qt.CheckState) -> None:
        self.furniture_list.blockSignals(True)
        for row in range(self.furniture_list.count()):
            self.furniture_list.item(row).setCheckState(state)
        self.furniture_list.blockSignals(False)
        self._mark_furniture()

    def _fill_preview(self) -> None:
        text = self._imported.text
        lines = text.split("\n")
        shown = lines[:PREVIEW_MAX_LINES]
        self.preview.setPlainText("\n".join(shown))
        more = len(lines) - len(shown)
        self.preview_label.setText(
            f"Preview (the first {len(shown):,} of {len(lines):,} lines)" if more > 0 else "Preview"
        )
        self._mark_furniture()

    def _mark_furniture(self) -> None:
        """Strike out the ticked furniture lines in the preview; tint the suggested ones."""
        removed = {item.line for item in self.removed_furniture()}
        palette = self.preview.palette()
        selections = []
        for item in self._imported.furniture:
            block = self.preview.document().findBlockByNumber(item.line - 1)
            if not block.isValid():
                continue
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
            if item.line in removed:
                fmt.setFontStrikeOut(True)
                fmt.setForeground(palette.color(palette.ColorRole.PlaceholderText))
            else:
                tint = QColor(palette.color(palette.ColorRole.Highlight))
                tint.setAlpha(40)
                fmt.setBackground(tint)
            selection.format = fmt
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.preview.setExtraSelections(selections)

    def _update_ok(self) -> None:
        ok = bool(normalise_line(self.title_edit.text())) and not self._reading
        self.ok_button.setEnabled(ok)
        self.ok_button.setToolTip("" if ok else "Give the new item a title first")

    # ----------------------------------------------------------------- slots

    def _on_encoding_combo_activated(self, _index: int) -> None:
        self._request_encoding(self.encoding_combo.currentText())

    def _on_encoding_edit_finished(self) -> None:
        self._request_encoding(self.encoding_combo.currentText())

    def _request_encoding(self, name: str) -> None:
        name = name.strip()
        if name and name != self._imported.encoding and not self._reading:
            self.set_reading(name)
            self.encoding_requested.emit(name)

    def _on_furniture_list_item_changed(self, _item: QListWidgetItem) -> None:
        self._mark_furniture()

    def _on_furniture_list_current_changed(self, current: QListWidgetItem | None, _previous) -> None:
        if current is None:
            return
        block = self.preview.document().findBlockByNumber(current.data(Qt.ItemDataRole.UserRole).line - 1)
        if block.isValid():
            self.preview.setTextCursor(QTextCursor(block))
            self.preview.centerCursor()


# --------------------------------------------------------------------- drops


def dropped_paths(event: QDropEvent | QDragEnterEvent) -> list[str]:
    """The local files an event carries ([] when it carries anything else too)."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    urls: list[QUrl] = mime.urls()
    if not urls or not all(url.isLocalFile() for url in urls):
        return []
    return [url.toLocalFile() for url in urls]


class _DropFilter(QObject):
    """Takes drops of local files on the widgets it watches; everything else passes through."""

    def __init__(self, controller: ImportController, kind: str | None):
        super().__init__(controller)
        self._controller = controller
        self._kind = kind

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and dropped_paths(event):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            return True
        if kind == QEvent.Type.Drop and dropped_paths(event):
            paths = dropped_paths(event)
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            # After the drop returns: the drag source is not kept waiting on our dialogs.
            QTimer.singleShot(0, self._controller, lambda: self._controller.import_paths(paths, self._kind))
            return True
        return super().eventFilter(watched, event)


# ---------------------------------------------------------------- controller


class ImportController(QObject):
    """Every way into the library from outside: files, drops and the clipboard, reviewed, then added undoably.

    The dialogs are parented to *parent*. `ask_*` methods hold every question (tests replace them).
    """

    song_imported = Signal(str)
    """A song was made from imported lyrics: its id (the window opens it)."""
    article_imported = Signal(str)
    """An article was made from an imported text: its id."""
    import_finished = Signal()
    """Every file asked for has been imported, refused or cancelled."""
    progress_shown = Signal()
    """The progress dialog appeared (a read took longer than PROGRESS_DELAY_MS)."""

    def __init__(self, session: Session, parent: QWidget):
        super().__init__(parent)
        self._session = session
        self._parent = parent
        self.importer = FileImporter(session, self)
        self.importer.file_started.connect(self._on_importer_file_started)
        self.importer.file_read.connect(self._on_importer_file_read)
        self.importer.file_refused.connect(self._on_importer_file_refused)
        self.importer.finished.connect(self._on_importer_finished)
        self.progress_delay_ms = PROGRESS_DELAY_MS
        self.progress_dialog: QProgressDialog | None = None
        self._waiting: list[ImportRequest] = []
        self._batch: list[ImportRequest] = []
        self._results: dict[int, ImportedText | str] = {}
        self._refusals: list[str] = []
        self._busy = False
        self.review_reader = FileImporter(session, self)
        """Reads the file under review again, in the encoding the user chose."""
        self.review_reader.file_read.connect(self._on_review_reader_file_read)
        self.review_reader.file_refused.connect(self._on_review_reader_file_refused)
        self._review_target: ImportReviewDialog | None = None

        self.paste_song_action = QAction("Paste as New &Song", self)
        self.paste_song_action.setObjectName("Paste as new song")
        self.paste_song_action.setShortcut(QKeySequence(PASTE_SONG_SHORTCUT))
        self.paste_song_action.setStatusTip("Make a new song of the lyrics on the clipboard")
        self.paste_song_action.triggered.connect(self.paste_as_new_song)
        self.paste_article_action = QAction("Paste as New &Article", self)
        self.paste_article_action.setObjectName("Paste as new article")
        self.paste_article_action.setShortcut(QKeySequence(PASTE_ARTICLE_SHORTCUT))
        self.paste_article_action.setStatusTip(
            "Make a new article of the open song from the clipboard (formatting of web pages kept)"
        )
        self.paste_article_action.triggered.connect(self.paste_as_new_article)
        self.actions = [self.paste_song_action, self.paste_article_action]
        """The actions for the window's menus."""
        for action in self.actions:
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{action.text().replace('&', '')} ({keys})")
        self._update_paste_actions()
        session.current_song_changed.connect(self._update_paste_actions)

    # ------------------------------------------------------------- public

    def is_busy(self) -> bool:
        """True while files are being read or reviewed."""
        return self._busy

    def import_paths(self, paths: list[str | os.PathLike], kind: str | None = None) -> None:
        """Import these files: read off the GUI thread, each reviewed, then added; refusals reported together.

        *kind* ("lyrics" or "article") is what a drop on a pane means; None goes by the suffix and
        asks about plain text. Called while an import runs, the files are queued after it.
        """
        paths = local_paths(paths)
        if not paths:
            return
        for path in paths:
            self._waiting.append(ImportRequest(path, kind))
        if not self._busy:
            self._busy = True
            self._next_batch()

    def paste_as_new_song(self) -> str | None:
        """A new song of the clipboard's text, after the review; its id, or None."""
        text = normalise_text(self._clipboard_text()[1]).strip("\n")
        if not text.strip():
            self.warn(["The clipboard holds no text to paste."])
            return None
        imported = ImportedText(kind="lyrics", text=text + "\n", format="plain")
        if any(line.lstrip().startswith("[") for line in text.split("\n")[:50]):
            lrc = parse_lrc(text)
            if lrc.line_times and any(lrc.line_times) and lrc.text.strip():
                imported = ImportedText(
                    kind="lyrics",
                    text=lrc.text,
                    title=normalise_line(lrc.tags.get("ti", "")),
                    artist=normalise_line(lrc.tags.get("ar", "")),
                    album=normalise_line(lrc.tags.get("al", "")),
                    format="lrc",
                    lyrics_format="lrc",
                    line_times=lrc.line_times,
                    lrc_tags=dict(lrc.tags),
                    word_times=lrc.word_times,
                )
        choice = self.ask_review(imported, None)
        return self._create(choice) if choice is not None else None

    def paste_as_new_article(self) -> str | None:
        """A new article of the open song from the clipboard (its HTML when it has some), after the review."""
        if not self._session.current_song_id:
            self.warn(["A pasted article belongs to a song: open a song first."])
            return None
        html, plain = self._clipboard_text()
        try:
            imported = article_from_clipboard(html, plain)
        except ImportRefused as exc:
            self.warn([str(exc)])
            return None
        choice = self.ask_review(imported, None)
        return self._create(choice) if choice is not None else None

    def install_drop_target(self, widget: QWidget, kind: str | None = None) -> None:
        """Let files be dropped on *widget* (and its viewport, for a scroll area) to import them as *kind*."""
        drop_filter = _DropFilter(self, kind)
        targets = [widget]
        if isinstance(widget, QAbstractScrollArea):
            targets.append(widget.viewport())
        for target in targets:
            target.setAcceptDrops(True)
            target.installEventFilter(drop_filter)

    # ------------------------------------------------------------ questions

    def ask_import_kind(self, path: str) -> str | None:
        """Ask what the text file *path* holds: "lyrics", "article", or None if cancelled. Tests replace this."""
        current = self._session.current_song_id
        question = f"What does “{os.path.basename(path)}” hold?"
        box = QMessageBox(QMessageBox.Icon.Question, "Import", question, parent=self._parent)
        lyrics = box.addButton("&Lyrics (a new song)", QMessageBox.ButtonRole.AcceptRole)
        if current:
            title = self._session.song(current).title
            article = box.addButton(f"An &article of “{title}”", QMessageBox.ButtonRole.AcceptRole)
        else:
            article = None
            box.setInformativeText("Open a song first to import the file as one of its articles.")
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(lyrics)
        try:
            box.exec()
            clicked = box.clickedButton()
            if clicked is lyrics:
                return "lyrics"
            if article is not None and clicked is article:
                return "article"
            return None
        finally:
            box.deleteLater()

    def review_dialog(self, imported: ImportedText, path: str | None) -> ImportReviewDialog:
        """The review of *imported* (read from *path*, None when pasted), wired to read the file again."""
        song_id = self._session.current_song_id
        song_title = self._session.song(song_id).title if song_id and imported.kind == "article" else ""
        dialog = ImportReviewDialog(imported, song_title=song_title, pasted=path is None, parent=self._parent)
        if path is not None:
            dialog.encoding_requested.connect(
                lambda encoding: self._reread(dialog, ImportRequest(path, imported.kind, encoding))
            )
        return dialog

    def ask_review(self, imported: ImportedText, path: str | None) -> ImportChoice | None:
        """Review *imported* before it is added; the choice, or None if cancelled. Tests replace this."""
        dialog = self.review_dialog(imported, path)
        try:
            return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            self._stop_reread()
            dialog.deleteLater()

    def warn(self, messages: list[str]) -> None:
        """Say why things were not imported: one message, a line per file."""
        if not messages:
            return
        if len(messages) == 1:
            text = messages[0]
        else:
            text = f"{len(messages)} files were not imported:\n\n" + "\n\n".join(f"• {m}" for m in messages)
        QMessageBox.warning(self._parent, "Import", text)

    # -------------------------------------------------------------- the flow

    def _next_batch(self) -> None:
        """Read the files waiting; when none are left, report what was refused."""
        song_id = self._session.current_song_id
        batch: list[ImportRequest] = []
        for request in self._waiting:
            try:
                kind = request.kind or guess_import_kind(request.path)
            except ImportRefused as exc:
                self._refusals.append(str(exc))
                continue
            if kind == "article" and not song_id:
                self._refusals.append(
                    f"“{request.name}” would be an article of the open song, but no song is open."
                )
                continue
            batch.append(request)
        self._waiting = []
        if not batch:
            self._finish()
            return
        self._batch = batch
        self._results = {}
        self._show_progress(batch)
        self.importer.read(batch)

    def _finish(self) -> None:
        self._close_progress()
        refusals, self._refusals = self._refusals, []
        self.warn(refusals)
        if self._waiting:  # queued while the last message was up
            self._next_batch()
            return
        self._busy = False
        self.import_finished.emit()

    def _on_importer_finished(self, cancelled: bool) -> None:
        self._close_progress()
        batch, results = self._batch, self._results
        self._batch, self._results = [], {}
        if cancelled:
            self._waiting = []
            self._refusals = []
            self._finish()
            return
        for index, request in enumerate(batch):
            result = results.get(index)
            if result is None:
                continue
            if isinstance(result, str):
                self._refusals.append(result)
                continue
            if result.kind is None:
                kind = self.ask_import_kind(request.path)
                if kind is None:
                    continue
                if kind == "article" and not self._session.current_song_id:
                    self._refusals.append(
                        f"“{request.name}” would be an article of the open song, but no song is open."
                    )
                    continue
                # Read again as what it is: an article's title and furniture are found on the worker.
                self._waiting.append(replace(request, kind=kind))
                continue
            choice = self.ask_review(result, request.path)
            if choice is not None:
                self._create(choice)
        if self._waiting:
            self._next_batch()
        else:
            self._finish()

    def _on_importer_file_started(self, index: int, name: str) -> None:
        dialog = self.progress_dialog
        if dialog is not None:
            total = len(self._batch)
            dialog.setLabelText(
                f"Reading “{name}”…" if total == 1 else f"Reading “{name}” ({index + 1} of {total})…"
            )
            if total > 1:
                dialog.setValue(index)

    def _on_importer_file_read(self, index: int, imported: ImportedText) -> None:
        self._results[index] = imported

    def _on_importer_file_refused(self, index: int, message: str) -> None:
        self._results[index] = message

    def _create(self, choice: ImportChoice) -> str | None:
        imported = choice.imported
        if imported.kind == "lyrics":
            song_id = self.importer.add_song(imported, choice.title, choice.artist)
            if song_id:
                self.song_imported.emit(song_id)
            return song_id
        song_id = self._session.current_song_id
        if not song_id:
            self.warn([f"“{choice.title}” would be an article of the open song, but no song is open."])
            return None
        article_id = self.importer.add_article(song_id, imported, choice.title, choice.author, choice.remove)
        if article_id:
            self.article_imported.emit(article_id)
        return article_id

    # ------------------------------------------------------------- progress

    def _show_progress(self, batch: list[ImportRequest]) -> None:
        self._close_progress()
        total = len(batch)
        # One file: busy, since a single read cannot say how far it got; several: file by file.
        dialog = QProgressDialog(
            f"Reading “{batch[0].name}”…", "Cancel", 0, 0 if total == 1 else total, self._parent
        )
        dialog.setWindowTitle("Import")
        dialog.setAccessibleName("Import progress")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(self.progress_delay_ms)
        dialog.canceled.connect(self.importer.cancel)
        self.progress_dialog = dialog
        if self.progress_delay_ms <= 0:
            dialog.show()
            self.progress_shown.emit()
        else:
            QTimer.singleShot(self.progress_delay_ms, dialog, lambda: self._on_progress_due(dialog))
        dialog.setValue(0)

    def _on_progress_due(self, dialog: QProgressDialog) -> None:
        if dialog is self.progress_dialog:
            dialog.show()
            self.progress_shown.emit()

    def _close_progress(self) -> None:
        dialog, self.progress_dialog = self.progress_dialog, None
        if dialog is not None:
            dialog.canceled.disconnect(self.importer.cancel)
            # reset() stops the dialog's own show-after-minimumDuration timer, which would
            # otherwise fire inside the review dialog's event loop and show it over the review.
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()

    # ------------------------------------------------------ reading again

    def _reread(self, dialog: ImportReviewDialog, request: ImportRequest) -> None:
        """Read the reviewed file again in another encoding, off the GUI thread; the dialog shows the result."""
        self._review_target = dialog
        self.review_reader.read([request])

    def _stop_reread(self) -> None:
        self._review_target = None
        self.review_reader.cancel()

    def _on_review_reader_file_read(self, _index: int, imported: ImportedText) -> None:
        if self._review_target is not None:
            self._review_target.set_imported(imported)

    def _on_review_reader_file_refused(self, _index: int, message: str) -> None:
        if self._review_target is not None:
            self._review_target.show_refusal(message)

    # ---------------------------------------------------------- clipboard

    @staticmethod
    def _clipboard_text() -> tuple[str | None, str]:
        """(HTML or None, plain text) on the clipboard."""
        clipboard = QGuiApplication.clipboard()
        mime = clipboard.mimeData(QClipboard.Mode.Clipboard) if clipboard is not None else None
        if mime is None:
            return None, ""
        html = mime.html() if mime.hasHtml() else None
        return html or None, mime.text() if mime.hasText() else ""

    def _update_paste_actions(self, *_args) -> None:
        self.paste_article_action.setEnabled(bool(self._session.current_song_id))
