"""The review of one text before it is imported: its names and encoding, the page furniture to leave out, a preview."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from lyricpad.app.import_labels import (
    describe_format,
    encoding_names,
    encoding_note,
    furniture_text,
    origin_text,
    preview_title,
)
from lyricpad.core.furniture import Furniture
from lyricpad.core.importers import ImportedText
from lyricpad.core.text import normalise_line

PREVIEW_MAX_LINES = 2000
"""The review previews this many lines of a long text (the whole text is imported)."""
DEFAULT_WIDTH, DEFAULT_HEIGHT = 640, 560
"""The review's size without a window to size it by (also its least size over one)."""
MAX_WIDTH = 1000
"""Wider, lines of prose get too long to read."""
ROOM_SHARE = 0.9
"""The share of the window's width and height the review takes."""
MAX_FURNITURE_ROWS = 8
"""Rows of furniture shown before the list scrolls (it never takes more than half the room)."""


@dataclass
class ImportChoice:
    """What the user settled in the review: the text as (re)read, its title, artist or author, the lines to leave out."""

    imported: ImportedText
    title: str
    artist: str = ""
    author: str = ""
    remove: list[Furniture] = field(default_factory=list)


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
        preview_font: QFont | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._imported = imported
        self._pasted = pasted
        self._reading = False
        kind = imported.kind or "lyrics"
        self.setWindowTitle(self.tr("Import Lyrics") if kind == "lyrics" else self.tr("Import Article"))
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
                self.tr("A new song from the clipboard")
                if pasted
                else self.tr("A new song from “{source}”").format(source=imported.source)
            )
        elif pasted:
            heading.setText(self.tr("An article of “{song}” from the clipboard").format(song=song_title))
        else:
            heading.setText(
                self.tr("An article of “{song}” from “{source}”").format(
                    song=song_title, source=imported.source
                )
            )
        heading.setWordWrap(True)
        self.heading = heading
        self.origin_note = QLabel(self)
        self.origin_note.setObjectName("importOrigin")
        self.origin_note.setWordWrap(True)
        self.origin_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.title_edit = QLineEdit(self)
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.title_edit.setPlaceholderText(
            self.tr("Needed: the title of the song") if kind == "lyrics" else self.tr("Needed")
        )
        self.title_edit.textChanged.connect(self._update_ok)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("&Title:"), self.title_edit)
        self.artist_edit = QLineEdit(self)
        self.author_edit = QLineEdit(self)
        if kind == "lyrics":
            self.artist_edit.setAccessibleName(self.tr("Artist"))
            form.addRow(self.tr("&Artist:"), self.artist_edit)
            self.author_edit.hide()
        else:
            self.author_edit.setAccessibleName(self.tr("Author"))
            form.addRow(self.tr("A&uthor:"), self.author_edit)
            self.artist_edit.hide()

        self.format_label = QLabel(self)
        self.format_label.setAccessibleName(self.tr("Format"))
        self.format_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Format:"), self.format_label)

        self.encoding_combo = QComboBox(self)
        self.encoding_combo.setAccessibleName(self.tr("Encoding"))
        self.encoding_combo.setEditable(True)
        self.encoding_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.encoding_combo.setToolTip(
            self.tr("If the text looks wrong, choose the encoding it was saved in")
        )
        self.encoding_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.encoding_note = QLabel(self)
        self.encoding_note.setAccessibleName(self.tr("Detected encoding"))
        self.encoding_note.setForegroundRole(self.encoding_note.foregroundRole())
        encoding_row = QHBoxLayout()
        encoding_row.addWidget(self.encoding_combo)
        encoding_row.addWidget(self.encoding_note, 1)
        self.encoding_label = QLabel(self.tr("&Encoding:"), self)
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
        self.tick_all_button = QPushButton(self.tr("Leave &Out All"), self.furniture_box)
        self.tick_all_button.clicked.connect(lambda: self._tick_all(Qt.CheckState.Checked))
        self.untick_all_button = QPushButton(self.tr("&Keep All"), self.furniture_box)
        self.untick_all_button.clicked.connect(lambda: self._tick_all(Qt.CheckState.Unchecked))
        furniture_top = QHBoxLayout()
        furniture_top.addWidget(self.furniture_label, 1)
        furniture_top.addWidget(self.tick_all_button, 0, Qt.AlignmentFlag.AlignBottom)
        furniture_top.addWidget(self.untick_all_button, 0, Qt.AlignmentFlag.AlignBottom)
        self.furniture_list = QListWidget(self.furniture_box)
        self.furniture_list.setAccessibleName(self.tr("Page furniture to leave out"))
        self.furniture_list.setAlternatingRowColors(True)
        # Long lines wrap in the row (the full line is in its tooltip): no sideways scrolling.
        self.furniture_list.setWordWrap(True)
        self.furniture_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.furniture_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.furniture_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.furniture_list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.furniture_list.itemChanged.connect(self._on_furniture_list_item_changed)
        self.furniture_list.currentItemChanged.connect(self._on_furniture_list_current_changed)
        furniture_layout.addLayout(furniture_top)
        furniture_layout.addWidget(self.furniture_list)

        self.preview = QPlainTextEdit(self)
        self.preview.setAccessibleName(self.tr("Preview"))
        self.preview.setReadOnly(True)
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # The lyrics pane's font: chord lines sit over their words here as they will there.
        self.preview.setFont(preview_font if preview_font is not None else self._fixed_font())
        self.preview_label = QLabel(self.tr("Preview"), self)
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
        self.ok_button.setText(self.tr("&Import"))
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
        self._fit_to(parent)
        self._sized_splitter = False

    def _fit_to(self, parent: QWidget | None) -> None:
        """Use the room of the window it reviews for (most of it), not a fixed small size."""
        base = parent.window().size() if parent is not None else None
        if base is None or base.width() < DEFAULT_WIDTH or base.height() < DEFAULT_HEIGHT:
            self.resize(DEFAULT_WIDTH, DEFAULT_HEIGHT if self._imported.furniture else DEFAULT_HEIGHT - 80)
            return
        width = max(DEFAULT_WIDTH, min(int(base.width() * ROOM_SHARE), MAX_WIDTH))
        height = max(DEFAULT_HEIGHT, int(base.height() * ROOM_SHARE))
        self.resize(min(width, base.width()), min(height, base.height()))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._sized_splitter and self.furniture_box.isVisible():
            # The furniture gets as many rows as it has (up to half the room), the preview the rest.
            self._sized_splitter = True
            total = sum(self.splitter.sizes())
            rows = min(self.furniture_list.count(), MAX_FURNITURE_ROWS)
            wanted = self.furniture_label.sizeHint().height() + rows * 2 * self.fontMetrics().height() + 16
            furniture = min(wanted, total // 2)
            self.splitter.setSizes([furniture, total - furniture])

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
        self.origin_note.setText(origin_text(imported))
        self._set_encoding_items(imported.encoding)

        self.furniture_list.blockSignals(True)
        self.furniture_list.clear()
        for item in imported.furniture:
            line = item.text.strip()
            row = QListWidgetItem(
                self.tr("Line {number}: {line}  ({reason})").format(
                    number=item.line, line=line, reason=item.reason
                )
            )
            row.setToolTip(
                self.tr("Line {number}: {line}\nLooks like {reason}. Tick to leave it out.").format(
                    number=item.line, line=line, reason=item.reason
                )
            )
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Unchecked)
            row.setData(Qt.ItemDataRole.UserRole, item)
            row.setData(Qt.ItemDataRole.AccessibleDescriptionRole, item.reason)
            self.furniture_list.addItem(row)
        self.furniture_list.blockSignals(False)
        count = len(imported.furniture)
        self.furniture_box.setVisible(bool(count))
        self.furniture_label.setText(furniture_text(count))
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
        self.problem_label.setText(self.tr("Reading the file as {encoding}…").format(encoding=encoding))
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

    def _fixed_font(self) -> QFont:
        """A fixed-width font at least as big as the dialog's, as the lyrics pane makes its own."""
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), self.font().pointSizeF()))
        return font

    def _set_encoding_items(self, current: str) -> None:
        combo = self.encoding_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItems(encoding_names(self._detected_encoding, current))
        combo.setCurrentIndex(max(0, combo.findText(current)))
        combo.blockSignals(False)
        if not self._pasted:
            self.encoding_note.setText(encoding_note(self._detected_encoding, current))

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
        self.preview_label.setText(preview_title(len(shown), len(lines)))
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
        self.ok_button.setToolTip("" if ok else self.tr("Give the new item a title first"))

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
