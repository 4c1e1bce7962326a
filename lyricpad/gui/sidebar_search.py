"""The sidebar's filter box: typing filters the songs, Esc clears it, Down goes on into the list."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget


class SongFilterEdit(QLineEdit):
    """A line edit for the song filter; Down asks for the list (`list_requested`) while *listed* counts songs."""

    list_requested = Signal()
    """Down in the box while songs are listed: the focus may go on into the list."""

    def __init__(self, listed: Callable[[], int], parent: QWidget | None = None):
        super().__init__(parent)
        self._listed = listed
        self.setPlaceholderText(self.tr("Filter songs"))
        self.setAccessibleName(self.tr("Filter songs"))
        self.setToolTip(
            self.tr(
                'Title, artist or album: the start of each word typed, or "words in quotes" in a row;'
                " Esc clears, Enter opens the first song, Down goes to the list (Ctrl+Shift+F searches inside songs)"
            )
        )
        self.setClearButtonEnabled(True)
        self.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A filter rather than keyPressEvent: Esc must be claimed at ShortcutOverride, before the window's shortcuts.
        if watched is self and event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            key = event.key() if isinstance(event, QKeyEvent) else None
            if key == Qt.Key.Key_Escape and self.text():
                if event.type() == QEvent.Type.ShortcutOverride:
                    event.accept()  # ours, not a window shortcut's
                else:
                    self.clear()
                return True
            if key == Qt.Key.Key_Down and event.type() == QEvent.Type.KeyPress and self._listed():
                self.list_requested.emit()
                return True
        return super().eventFilter(watched, event)
