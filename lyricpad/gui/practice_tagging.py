"""Set Line Times (tag and next): the clock runs and a key press stamps each line as it starts.

Keys, in the lyrics pane: T or Space starts the clock, then stamps the lit line and lights the
next; Shift+T stamps even before the last stamp (after seeking back); Backspace takes the last
stamp back; Enter saves (one undoable step: the song becomes an LRC song); Esc cancels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QMessageBox

from lyricpad.core.practice import Tagging, TimesGoBackwards, backwards_lines, clock_text, stampable_lines
from lyricpad.gui.notice_bar import NOTICE_MS

if TYPE_CHECKING:
    from lyricpad.gui.practice_mode import PracticeMode

STAMP_KEYS = (Qt.Key.Key_T, Qt.Key.Key_Space)
SAVE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
KEYS_HELP = QT_TRANSLATE_NOOP(
    "TagAndNext", "T or Space: stamp and next · Backspace: undo · Enter: save · Esc: cancel"
)


def line_kinds(lines: list[str]) -> list[str]:
    """Each line's kind as the song's form reads it (a header, a chord line, backing vocals...)."""
    from lyricpad.core.song_form import line_kind  # here: not on the window's first paint

    return [line_kind(line) for line in lines]


class TagAndNext(QObject):
    """The tag-and-next editor over the practice mode's clock, bar and lit line."""

    def __init__(self, mode: PracticeMode):
        super().__init__(mode)
        self._mode = mode
        self._tagging: Tagging | None = None
        self._song_id = ""

    @property
    def active(self) -> bool:
        return self._tagging is not None

    def current_line(self) -> int:
        """The line the next stamp is for (0 once all are stamped, or when not tagging)."""
        return self._tagging.current_line if self._tagging is not None else 0

    def stamps(self) -> list:
        return list(self._tagging.stamps) if self._tagging is not None else []

    # ---------------------------------------------------------------- control

    def start(self) -> bool:
        """Begin timing the current song's lyrics from 0:00; False when it has no lines to time."""
        mode = self._mode
        song = mode.window.current_song.song
        if song is None or self.active:
            return False
        lines = song.lyrics.split("\n")
        order = stampable_lines(line_kinds(lines))
        if not order:
            mode.window.statusBar().showMessage(self.tr("This song has no lyric lines to time."), NOTICE_MS)
            return False
        self._song_id = song.id
        self._tagging = Tagging(order, len(lines))
        mode.set_active(True)
        mode.clock.stop()
        mode.bar.set_tagging(True)
        mode.pane.gutter.times_clickable = False
        mode.pane.installEventFilter(self)
        mode.pane.setFocus(Qt.FocusReason.OtherFocusReason)
        self._show(
            self.tr("Setting times: press T or Space to start the clock. {keys}").format(
                keys=self.tr(KEYS_HELP)
            )
        )
        return True

    def press(self, *, allow_backwards: bool = False) -> None:
        """T or Space: start the clock, or stamp the lit line at the clock's time and light the next."""
        mode = self._mode
        if self._tagging is None:
            return
        if not mode.clock.is_playing():
            mode.clock.play()
            self._show(
                self.tr("Clock running: stamp line {line} as it starts. {keys}").format(
                    line=self.current_line(), keys=self.tr(KEYS_HELP)
                )
            )
            return
        if self._tagging.done:
            self._show(self.tr("Every line has its time: Enter saves, Backspace takes the last one back."))
            return
        ms = mode.clock.position()
        try:
            line = self._tagging.stamp(ms, allow_backwards=allow_backwards)
        except TimesGoBackwards as exc:
            self._show(self.tr("Not stamped: {reason}. Shift+T stamps it anyway.").format(reason=exc))
            return
        if self._tagging.done:
            text = self.tr("Line {line} at {time} · all stamped: Enter saves · {keys}")
        else:
            text = self.tr("Line {line} at {time} · next: line {next} · {keys}")
        self._show(
            text.format(line=line, time=clock_text(ms), next=self.current_line(), keys=self.tr(KEYS_HELP))
        )

    def undo(self) -> None:
        """Backspace: take the last stamp back; its line is lit again."""
        if self._tagging is None:
            return
        cue = self._tagging.undo()
        if cue:
            text = self.tr("Took back line {line}'s time. {keys}").format(
                line=cue.line, keys=self.tr(KEYS_HELP)
            )
        else:
            text = self.tr("No time stamped yet. {keys}").format(keys=self.tr(KEYS_HELP))
        self._show(text)

    def cancel(self) -> None:
        """Esc: leave without changing the song's times."""
        if self._tagging is None:
            return
        self._finish()
        self._mode.window.statusBar().showMessage(
            self.tr("Set Line Times cancelled: the times were not changed."), NOTICE_MS
        )

    def save(self) -> bool:
        """Enter: save the stamps as the song's times (one undoable step). Lines not stamped keep theirs.

        Times that go backwards (a stamp made after seeking back, or a line kept at an old time) are
        saved only when the user says so. False when nothing was saved.
        """
        mode = self._mode
        if self._tagging is None:
            return False
        if not self._tagging.stamps:
            self.cancel()
            return False
        song = mode.window.session.song(self._song_id)
        line_times = self._tagging.line_times(song.line_times)
        backwards = backwards_lines(line_times)
        if backwards:
            listed = ", ".join(str(line) for line in backwards[:8]) + ("…" if len(backwards) > 8 else "")
            answer = QMessageBox.question(
                mode.window,
                self.tr("Save Line Times"),
                self.tr(
                    "The times go backwards at line {lines}: a line would start before a line above it. "
                    "Save them anyway?"
                ).format(lines=listed),
            )
            if answer != QMessageBox.StandardButton.Yes:
                self._show(
                    self.tr("Not saved: times go backwards at line {lines}. {keys}").format(
                        lines=listed, keys=self.tr(KEYS_HELP)
                    )
                )
                return False
        word_times = self._tagging.word_times(song.word_times)
        stamped = len(self._tagging.stamps)
        mode.edits.set_line_times(self._song_id, line_times, word_times)  # still tagging: the mode stays on
        self._finish()
        mode.window.statusBar().showMessage(
            self.tr("Saved the times of %n line(s). {undo}", "", stamped).format(
                undo=mode.window.undo_hint()
            ),
            NOTICE_MS,
        )
        return True

    def _finish(self) -> None:
        mode = self._mode
        self._tagging = None
        mode.pane.removeEventFilter(self)
        mode.bar.set_tagging(False)
        mode.clock.stop()
        mode.bar.show_status("")
        if mode.timeline:
            mode.pane.gutter.times_clickable = True
            mode.refresh()
        else:
            mode.set_active(False)

    def _show(self, text: str) -> None:
        self._mode.bar.show_status(text)
        self._mode.refresh_line()

    # ----------------------------------------------------------------- keys

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._tagging is None or event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        assert isinstance(event, QKeyEvent)
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        shift = modifiers == Qt.KeyboardModifier.ShiftModifier
        handled = (
            (key in STAMP_KEYS and (not modifiers or (shift and key == Qt.Key.Key_T)))
            or (key in SAVE_KEYS and not modifiers)
            or (key in (Qt.Key.Key_Backspace, Qt.Key.Key_Escape) and not modifiers)
        )
        if not handled:
            return False
        event.accept()
        if event.type() == QEvent.Type.ShortcutOverride:
            return True  # the key is ours while tagging, not a shortcut's (Space plays otherwise)
        if key in STAMP_KEYS:
            self.press(allow_backwards=shift)
        elif key in SAVE_KEYS:
            self.save()
        elif key == Qt.Key.Key_Backspace:
            self.undo()
        else:
            self.cancel()
        return True
