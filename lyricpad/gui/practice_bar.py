"""The practice bar above the lyrics: play and pause, restart, loop a section, speed (audio), the time."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from lyricpad.app.practice_clock import SPEEDS
from lyricpad.core.practice import clock_text
from lyricpad.gui.pane_header import ElidedLabel

AUDIO_TIP = QT_TRANSLATE_NOOP("PracticeBar", "Play along with a local audio file")


class PracticeBar(QWidget):
    """Buttons and a time display; it only shows and asks (the practice mode acts)."""

    play_requested = Signal()
    """Play or pause (the button, or Space in the lyrics)."""

    restart_requested = Signal()
    previous_requested = Signal()
    next_requested = Signal()

    loop_requested = Signal(bool)
    """Loop the section being practised (True) or play on (False)."""

    speed_requested = Signal(float)
    audio_requested = Signal()
    """Open a local audio file to play along with (offered only with Qt's multimedia module)."""

    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, audio: bool = False):
        super().__init__(parent)
        self.setObjectName("practiceBar")
        self.setAccessibleName(self.tr("Practice bar"))
        self.setAutoFillBackground(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 3, 6, 3)
        column.setSpacing(2)
        layout = QHBoxLayout()
        layout.setSpacing(4)
        column.addLayout(layout)
        self.play_button = self._button(
            self.tr("Play"), self.tr("Play or pause the practice clock (Space)"), self.play_requested
        )
        self.restart_button = self._button(
            self.tr("Restart"),
            self.tr("Back to the start of the loop, or of the song"),
            self.restart_requested,
        )
        self.previous_button = self._button("◀", self.tr("Go to the line before"), self.previous_requested)
        self.next_button = self._button("▶", self.tr("Go to the next line"), self.next_requested)
        self.previous_button.setAccessibleName(self.tr("Previous line"))
        self.next_button.setAccessibleName(self.tr("Next line"))
        self.loop_button = self._button(self.tr("Loop Section"), "", None)
        self.loop_button.setCheckable(True)
        self.loop_button.toggled.connect(self.loop_requested)
        self.speed_box = QComboBox(self)
        self.speed_box.setAccessibleName(self.tr("Speed"))
        self.speed_box.setToolTip(self.tr("Playback speed of the audio"))
        for speed in SPEEDS:
            self.speed_box.addItem(f"{speed:g}×", speed)
        self.speed_box.setCurrentIndex(SPEEDS.index(1.0))
        self.speed_box.currentIndexChanged.connect(self._on_speed_box_current_index_changed)
        self.speed_box.hide()  # shown once audio plays: the clock alone has one speed
        self.audio_button = self._button(self.tr("Audio…"), self.tr(AUDIO_TIP), self.audio_requested)
        self.audio_button.setVisible(audio)
        self.time_label = QLabel(self)
        self.time_label.setAccessibleName(self.tr("Practice time"))
        self.time_label.setTextFormat(Qt.TextFormat.PlainText)
        self.time_label.setMinimumWidth(self.fontMetrics().horizontalAdvance(self._time_text("00:00", 0)))
        self.loop_label = ElidedLabel(self)  # in the buttons' row: the lyrics below never move for it
        self.loop_label.setAccessibleName(self.tr("Loop"))
        self.status_label = QLabel(self)
        self.status_label.setAccessibleName(self.tr("Practice status"))
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setMinimumWidth(1)
        self.status_label.setWordWrap(True)  # the keys of tag and next, under the buttons however narrow
        self.status_label.hide()
        self.close_button = self._button("✕", self.tr("Leave practice mode"), self.close_requested)
        self.close_button.setAccessibleName(self.tr("Leave practice mode"))
        for widget in (
            self.play_button,
            self.restart_button,
            self.previous_button,
            self.next_button,
            self.loop_button,
            self.speed_box,
            self.audio_button,
        ):
            layout.addWidget(widget)
        layout.addSpacing(8)
        layout.addWidget(self.time_label)
        layout.addWidget(self.loop_label, 1)
        layout.addWidget(self.close_button)
        column.addWidget(self.status_label)
        self.show_loop(None)

    def _button(self, text: str, tip: str, signal) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves the focus in the lyrics, for Space
        if signal is not None:
            button.clicked.connect(signal)
        return button

    def show_playing(self, playing: bool) -> None:
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))

    def show_time(self, ms: int, line: int) -> None:
        self.time_label.setText(self._time_text(clock_text(ms), line) if line else clock_text(ms))

    def _time_text(self, clock: str, line: int) -> str:
        """ "0:12 · line 3" (*line* 0: the widest a line number is written, "000")."""
        return self.tr("{time} · line {line}").format(time=clock, line=line or "000")

    def show_loop(self, section: tuple[int, int] | None, on: bool | None = None) -> None:
        """Say which lines a loop would take (None: no section with times here)."""
        if section is None:
            self.loop_button.setToolTip(self.tr("Loop the section being sung (none with times here)"))
        else:
            first, last = section
            self.loop_button.setToolTip(
                self.tr("Loop lines {first}–{last}, the section being sung").format(first=first, last=last)
            )
        if on is not None and on != self.loop_button.isChecked():
            self.loop_button.blockSignals(True)
            self.loop_button.setChecked(on)
            self.loop_button.blockSignals(False)

    def show_audio(self, path: str) -> None:
        """Audio loaded (its path) or none (""): the speed box is there only with audio."""
        self.speed_box.setVisible(bool(path))
        self.audio_button.setToolTip(
            self.tr("Playing along with {path}").format(path=path) if path else self.tr(AUDIO_TIP)
        )

    def show_loop_text(self, text: str, shorter: tuple[str, ...] = ()) -> None:
        """What the loop does ("" for nothing), beside the time; where narrow, the first *shorter* form
        that fits (elided only when none does; the tooltip has it all)."""
        self.loop_label.set_full_text(text, shorter)

    def loop_text(self) -> str:
        return self.loop_label.full_text()

    def show_status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    def set_tagging(self, tagging: bool) -> None:
        """While times are set (tag and next) the loop, line and speed controls step aside."""
        for widget in (self.loop_button, self.previous_button, self.next_button):
            widget.setVisible(not tagging)

    def _on_speed_box_current_index_changed(self, index: int) -> None:
        self.speed_requested.emit(float(self.speed_box.itemData(index)))
