"""Find in the current song (Ctrl+F): a bar over the panes; Enter or F3 goes to the next match, Shift the previous."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from lyricpad.core.search_query import parse


class SongFindBar(QWidget):
    """What to find in the song shown; the window moves between the matches (`step_requested`)."""

    step_requested = Signal(bool)
    """Go to the next match (True) or the previous one (False)."""
    changed = Signal()
    """What is typed changed: the matches are found again."""
    closed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("songFindBar")
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr('Find in this song: words, word*, "a phrase"'))
        self.edit.setAccessibleName(self.tr("Find in this song"))
        self.edit.setToolTip(
            self.tr("Enter or F3: next match; Shift+Enter or Shift+F3: previous; Esc closes")
        )
        self.edit.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("Matches in this song"))
        previous, following = QToolButton(self), QToolButton(self)
        previous.setArrowType(Qt.ArrowType.UpArrow)
        previous.setToolTip(self.tr("Previous match (Shift+F3)"))
        previous.setAccessibleName(self.tr("Previous match"))
        following.setArrowType(Qt.ArrowType.DownArrow)
        following.setToolTip(self.tr("Next match (F3)"))
        following.setAccessibleName(self.tr("Next match"))
        close = QToolButton(self)
        close.setText("×")
        close.setToolTip(self.tr("Close (Esc)"))
        close.setAccessibleName(self.tr("Close find"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(close)
        previous.clicked.connect(lambda: self.step_requested.emit(False))
        following.clicked.connect(lambda: self.step_requested.emit(True))
        close.clicked.connect(self.close_bar)
        self.edit.textChanged.connect(self.changed)
        self.edit.installEventFilter(self)

    def query(self):
        return parse(self.edit.text(), live=True)

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def show_count(self, current: int, total: int) -> None:
        """ "3 of 12" (current counted from 1; 0 for none chosen yet), or "No match"."""
        if not self.edit.text().strip():
            self.count_label.setText("")
        elif not total:
            self.count_label.setText(self.tr("No match"))
        else:
            self.count_label.setText(
                self.tr("{current} of {total}").format(current=current, total=total)
                if current
                else self.tr("%n match(es)", "", total)
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and isinstance(event, QKeyEvent):
            if event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_Escape:
                event.accept()  # ours, not a window shortcut's
                return True
            if event.type() == QEvent.Type.KeyPress:
                if event.key() == Qt.Key.Key_Escape:
                    self.close_bar()
                    return True
                if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self.step_requested.emit(not event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                    return True
        return super().eventFilter(watched, event)
