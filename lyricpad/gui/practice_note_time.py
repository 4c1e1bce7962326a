"""The time a note is about, shown under its quote in the note panel: a click goes there to practise."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from lyricpad.core.practice import clock_text

if TYPE_CHECKING:
    from lyricpad.app.current_song import CurrentSong


class NoteTimeRow(QWidget):
    """ "♪ at 1:23" for the current annotation when it carries a time (hidden when not), and a ✕ to clear it."""

    seek_requested = Signal(int)
    """(milliseconds): the time was clicked."""

    clear_requested = Signal(str)
    """(annotation id): the ✕ beside the time was clicked."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Note time"))
        self._annotation_id = ""
        self._time_ms: int | None = None
        self._current: CurrentSong | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.time_button = QToolButton(self)
        self.time_button.setAutoRaise(True)
        self.time_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.time_button.clicked.connect(self._on_time_button_clicked)
        self.clear_button = QToolButton(self)
        self.clear_button.setAutoRaise(True)
        self.clear_button.setText("✕")
        self.clear_button.setToolTip(self.tr("This note is about no moment of the song"))
        self.clear_button.setAccessibleName(self.tr("Clear the note's time"))
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        layout.addWidget(self.time_button)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        self.hide()

    def observe(self, current: CurrentSong) -> None:
        self._current = current
        current.current_changed.connect(self.refresh)
        current.annotations_changed.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args) -> None:
        annotation = self._current.current() if self._current is not None else None
        time_ms = getattr(annotation, "time_ms", None)
        self._annotation_id = annotation.id if annotation is not None else ""
        self._time_ms = time_ms
        if time_ms is not None:
            clock = clock_text(time_ms)
            self.time_button.setText(self.tr("♪ at {time}").format(time=clock))
            self.time_button.setToolTip(
                self.tr("Practise from {time}: the moment this note is about").format(time=clock)
            )
        self.setVisible(time_ms is not None)

    def time_text(self) -> str:
        return self.time_button.text() if not self.isHidden() else ""

    def _on_time_button_clicked(self) -> None:
        if self._time_ms is not None:
            self.seek_requested.emit(self._time_ms)

    def _on_clear_button_clicked(self) -> None:
        if self._annotation_id:
            self.clear_requested.emit(self._annotation_id)
