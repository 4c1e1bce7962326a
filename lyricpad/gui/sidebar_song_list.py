"""The pieces of the sidebar's song list: a view that says why it is empty, and in-place title editing."""

from __future__ import annotations

import re

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QShowEvent, QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from lyricpad.app.song_list_model import SONG_ID_ROLE

_LATIN = re.compile("[\u0020-\u024f\u2000-\u206f]*")
"""Text the list's own font draws (Latin letters and punctuation): no fallback font can make its line taller."""
_SLACK = 4
_BATCH_ROWS = 200
"""Rows the song list lays out between two events."""
_REVEAL_TRIES = 1000
"""Batches a scroll to a row waits for before giving up (200,000 rows)."""
"""Pixels a one-line title keeps clear of the list's edge; anything closer is measured as Qt wraps it."""


class SongListView(QListView):
    """A list view that says why it is empty (`placeholder_text`) where the songs would be."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._placeholder = ""
        self._scroll_to: QPersistentModelIndex | None = None
        self._tries = 0
        # Rows are laid out (measured) a batch at a time between events: 10,000 songs never hold
        # up the first paint or the keyboard, and the rows in sight come first.
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(_BATCH_ROWS)

    def reveal(self, index: QModelIndex) -> None:
        """Scroll *index* into sight: now if the rows up to it are laid out, else as soon as they are
        (the list lays its rows out in batches, and only once it is shown at its own width)."""
        self._scroll_to = QPersistentModelIndex(index)
        self._tries = 0
        self._reveal_pending()

    def _reveal_pending(self) -> None:
        pending = self._scroll_to
        if pending is None or not pending.isValid() or self.model() is None:
            self._scroll_to = None
            return
        if not self.isVisible():
            return  # showEvent tries again
        index = self.model().index(pending.row(), pending.column())
        self.scrollTo(index)
        if self.visualRect(index).isValid() or self._tries >= _REVEAL_TRIES:
            self._scroll_to = None
        else:
            self._tries += 1
            QTimer.singleShot(0, self, self._reveal_pending)  # after the next batch

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._reveal_pending()

    # The user moving about the list takes over from a scroll still waiting for its rows.

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._scroll_to = None
        super().mousePressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._scroll_to = None
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._scroll_to = None
        super().keyPressEvent(event)

    def placeholder_text(self) -> str:
        return self._placeholder

    def set_placeholder_text(self, text: str) -> None:
        if text != self._placeholder:
            self._placeholder = text
            self.setAccessibleDescription(text)  # read out where sighted users see it
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if not self._placeholder or model is None or model.rowCount() > 0:
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        rect = self.viewport().rect().adjusted(12, 18, -12, -12)
        painter.drawText(
            rect,
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            self._placeholder,
        )


class SongTitleDelegate(QStyledItemDelegate):
    """Edits a song's title in place; a finished edit is an intent (`rename_requested`), never a write.

    It also sizes the rows cheaply: the list lays out every row whenever its width changes, and
    a title that fits on one line (nearly all) is one line high without Qt laying its text out.
    """

    rename_requested = Signal(str, str)
    """The user typed a new title (second argument, as typed) for the song (first argument, id)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._one_line: tuple[str, int, int] | None = None  # font, extra width, height of a one-line row

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        metrics = option.fontMetrics
        font = option.font.key()
        if self._one_line is None or self._one_line[0] != font:
            size = self._text_size(option, "Song", 0)
            self._one_line = (font, size.width() - metrics.horizontalAdvance("Song"), size.height())
        _font, extra, height = self._one_line
        width = metrics.horizontalAdvance(text) + extra
        room = option.rect.width()
        if _LATIN.fullmatch(text) and (room <= 0 or width + _SLACK <= room):
            return QSize(width, height)
        return self._text_size(option, text, room)  # it wraps (or may be taller): Qt lays it out

    @staticmethod
    def _text_size(option: QStyleOptionViewItem, text: str, room: int) -> QSize:
        """What QStyledItemDelegate.sizeHint gives for *text* in a row *room* wide (0: any width),
        without asking the model for the roles this list never sets."""
        sample = QStyleOptionViewItem(option)
        sample.text = text
        sample.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
        if not room:
            sample.rect.setWidth(100_000)
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        return style.sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, sample, QSize(), widget)

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAccessibleName(self.tr("Song title"))
        editor.setFrame(True)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")
        editor.selectAll()

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        song_id = index.data(SONG_ID_ROLE)
        if song_id:
            self.rename_requested.emit(song_id, editor.text())
