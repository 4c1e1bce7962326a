"""Showing a long plain text in a QPlainTextEdit a slice at a time, so the window never waits for all of it."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

SLICED_LOAD_CHARS = 200_000
"""Texts longer than this are loaded in slices; shorter ones at once."""

FIRST_SLICE_CHARS = 40_000
"""How much of a long text is shown at once (whole lines): far more than a screenful."""

SLICE_SECONDS = 0.015
"""What one slice aims to take: its size follows how long the last one took."""


class SlicedLoader(QObject):
    """Loads a text into *editor*: a short one at once, a long one a slice of lines at a time in idle turns.

    While a long text loads, ``text`` is the whole text (what the editor will hold) and the
    editor's undo history is off; ``finish()`` appends the rest at once, for whoever needs the
    whole text now. *guard(True)* and *guard(False)* are called around each slice appended,
    so the editor's owner can tell those changes from the user's.
    """

    finished = Signal()
    """The whole text is in the editor (emitted for a long text, after its last slice)."""

    def __init__(self, editor: QPlainTextEdit, guard: Callable[[bool], None] = lambda _on: None):
        super().__init__(editor)
        self._editor = editor
        self._guard = guard
        self._text: str | None = None
        self._done = 0  # how much of _text the editor holds
        self._slice_chars = FIRST_SLICE_CHARS
        self._undo_was_enabled = True
        self.slices = 0
        """How many slices the last long text took (the first included)."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def text(self) -> str | None:
        """The whole text being loaded (None when nothing is loading)."""
        return self._text

    def is_loading(self) -> bool:
        return self._text is not None

    def load(self, text: str) -> bool:
        """Show *text*: True when it is all shown already, False when the rest follows in slices."""
        self.cancel()
        if len(text) <= SLICED_LOAD_CHARS:
            self._editor.setPlainText(text)
            return True
        end = _line_end(text, FIRST_SLICE_CHARS)
        self._editor.setPlainText(text[:end])
        document = self._editor.document()
        self._undo_was_enabled = document.isUndoRedoEnabled()
        document.setUndoRedoEnabled(False)  # the slices are the text shown, not edits to undo
        self._text, self._done, self.slices = text, end, 1
        self._slice_chars = FIRST_SLICE_CHARS
        self._timer.start()
        return False

    def finish(self) -> None:
        """Append what is left of the text now (nothing when no text is loading)."""
        if self._text is not None:
            self._append(len(self._text))

    def cancel(self) -> None:
        """Stop loading: the editor keeps what it holds."""
        if self._text is None:
            return
        self._timer.stop()
        self._text = None
        self._editor.document().setUndoRedoEnabled(self._undo_was_enabled)

    def _on_timer_timeout(self) -> None:
        if self._text is None:
            return
        started = time.perf_counter()
        self._append(_line_end(self._text, self._done + self._slice_chars))
        if self._text is not None:
            took = max(time.perf_counter() - started, 1e-4)
            scale = min(2.0, max(0.5, SLICE_SECONDS / took))
            self._slice_chars = max(2_000, int(self._slice_chars * scale))
            self._timer.start()

    def _append(self, end: int) -> None:
        text = self._text
        if text is None:
            return
        cursor = QTextCursor(self._editor.document())  # not the editor's: its cursor and scroll stay
        cursor.movePosition(QTextCursor.MoveOperation.End)
        self._guard(True)
        try:
            cursor.insertText(text[self._done : end])  # starts with the line break before the next line
        finally:
            self._guard(False)
        self._done = end
        self.slices += 1
        if end >= len(text):
            self.cancel()
            self.finished.emit()


def _line_end(text: str, at_least: int) -> int:
    """The end of the line reaching offset *at_least* (the offset of its line break; the text's end)."""
    if at_least >= len(text):
        return len(text)
    end = text.find("\n", at_least)
    return len(text) if end < 0 else end
