"""The lens dialog: add, rename, recolour, reorder and delete lenses; every change is undoable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lyricpad.app.session import Session
from lyricpad.gui.highlights import lens_icon

NEW_LENS_COLOURS = ("#1f9e89", "#c2185b", "#6d4c41", "#5c6bc0", "#9e9d24", "#00838f", "#ef6c00", "#8d6e63")
"""Colours offered to a new lens, the first one no lens has yet."""


class LensDialog(QDialog):
    """Lists the lenses in order (keys 1-9 follow it) and changes them through the session."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Lenses"))
        self.setAccessibleName(self.tr("Lenses dialog"))

        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Lenses"))
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.list.itemDoubleClicked.connect(lambda _item: self.rename_current())

        self.buttons: dict[str, QPushButton] = {}
        column = QVBoxLayout()
        for name, label, spoken, shortcut, slot in (
            ("add", self.tr("&Add…"), self.tr("Add"), "Ctrl+N", self.add_lens),
            ("rename", self.tr("&Rename…"), self.tr("Rename"), "F2", self.rename_current),
            ("colour", self.tr("&Colour…"), self.tr("Colour"), "Ctrl+K", self.recolour_current),
            ("up", self.tr("Move &Up"), self.tr("Move Up"), "Ctrl+Up", lambda: self.move_current(-1)),
            ("down", self.tr("Move &Down"), self.tr("Move Down"), "Ctrl+Down", lambda: self.move_current(+1)),
            ("delete", self.tr("De&lete"), self.tr("Delete"), "Delete", self.delete_current),
        ):
            button = QPushButton(label, self)
            button.setAccessibleName(spoken)
            button.setToolTip(self.tr("{action} ({shortcut})").format(action=spoken, shortcut=shortcut))
            button.clicked.connect(slot)
            QShortcut(QKeySequence(shortcut), self, activated=slot)
            column.addWidget(button)
            self.buttons[name] = button
        column.addStretch(1)

        hint = QLabel(
            self.tr("Keys 1–9 highlight a selection with the first nine lenses, in this order."), self
        )
        hint.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(column)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(hint)
        layout.addWidget(close)
        self.resize(420, 360)

        session.lenses_changed.connect(self._on_session_lenses_changed)
        self._on_session_lenses_changed()
        if self.list.count():
            self.list.setCurrentRow(0)

    # ----------------------------------------------------------- asking the user

    def ask_name(self, title: str, current: str = "") -> str | None:
        """A lens name typed by the user, or None when cancelled (tests replace this)."""
        name, accepted = QInputDialog.getText(self, title, self.tr("Lens name:"), text=current)
        return name if accepted else None

    def ask_colour(self, current: str) -> str | None:
        """A colour picked by the user as '#rrggbb', or None when cancelled (tests replace this)."""
        colour = QColorDialog.getColor(QColor(current), self, self.tr("Lens colour"))
        return colour.name() if colour.isValid() else None

    # -------------------------------------------------------------------- actions

    def _current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def add_lens(self) -> None:
        name = self.ask_name(self.tr("New lens"))
        if name is None:
            return
        used = {lens.colour for lens in self.session.lenses()}
        colour = next((c for c in NEW_LENS_COLOURS if c not in used), NEW_LENS_COLOURS[0])
        lens_id = self.session.lens_edits.add(name, colour)
        if lens_id is not None:  # None: refused, and the session said why
            self._select(lens_id)

    def rename_current(self) -> None:
        lens_id = self._current_id()
        if lens_id is None:
            return
        name = self.ask_name(self.tr("Rename lens"), self.session_lens(lens_id).name)
        if name is not None:
            self.session.lens_edits.update(lens_id, name=name)

    def recolour_current(self) -> None:
        lens_id = self._current_id()
        if lens_id is None:
            return
        colour = self.ask_colour(self.session_lens(lens_id).colour)
        if colour is not None:
            self.session.lens_edits.update(lens_id, colour=colour)

    def move_current(self, step: int) -> None:
        lens_id = self._current_id()
        row = self.list.currentRow() + step
        if lens_id is None or not 0 <= row < self.list.count():
            return
        self.session.lens_edits.move(lens_id, row)
        self._select(lens_id)

    def delete_current(self) -> None:
        lens_id = self._current_id()
        if lens_id is None:
            return
        row = self.list.currentRow()
        self.session.lens_edits.delete(lens_id)
        self.list.setCurrentRow(min(row, self.list.count() - 1))

    def session_lens(self, lens_id: str):
        return next(lens for lens in self.session.lenses() if lens.id == lens_id)

    def _select(self, lens_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == lens_id:
                self.list.setCurrentRow(row)
                return

    # -------------------------------------------------------------------- slots

    def _on_session_lenses_changed(self) -> None:
        current = self._current_id()
        self.list.blockSignals(True)
        self.list.clear()
        for number, lens in enumerate(self.session.lenses(), 1):
            label = f"{number}  {lens.name}" if number <= 9 else f"    {lens.name}"
            item = QListWidgetItem(lens_icon(lens.colour, self.palette()), label)
            item.setData(Qt.ItemDataRole.UserRole, lens.id)
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                self.tr("{lens}, colour {colour}").format(lens=lens.name, colour=lens.colour),
            )
            self.list.addItem(item)
        self.list.blockSignals(False)
        if current:
            self._select(current)
        self._on_list_current_row_changed(self.list.currentRow())

    def _on_list_current_row_changed(self, row: int) -> None:
        has = row >= 0
        for name in ("rename", "colour", "delete"):
            self.buttons[name].setEnabled(has)
        self.buttons["up"].setEnabled(has and row > 0)
        self.buttons["down"].setEnabled(has and row < self.list.count() - 1)
