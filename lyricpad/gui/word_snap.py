"""Snapping a mouse selection in a reading pane to whole words when the button is released (Alt keeps it exact)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QClipboard, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QPlainTextEdit, QTextEdit

from lyricpad.app.positions import Utf16Map
from lyricpad.core.word_snap import snap_to_words

SNAP_TIP = QT_TRANSLATE_NOOP(
    "word_snap", "A mouse selection takes whole words; hold Alt while dragging to keep the exact characters."
)
"""Shown translated: `QCoreApplication.translate("word_snap", SNAP_TIP)`."""


def snap_editor_selection(editor: QPlainTextEdit | QTextEdit) -> bool:
    """Snap *editor*'s selection to whole words, keeping which end the cursor is at; whether it changed."""
    cursor = editor.textCursor()
    if not cursor.hasSelection():
        return False
    document = editor.document()
    top = document.findBlock(cursor.selectionStart())
    bottom = document.findBlock(cursor.selectionEnd())
    # Only the blocks the selection touches: a word never runs over a block's end.
    offset = top.position()
    blocks = []
    block = top
    while block.isValid():
        blocks.append(block.text())
        if block == bottom:
            break
        block = block.next()
    text = "\n".join(blocks)
    units = Utf16Map(text)
    # Qt counts UTF-16 units: an end inside a surrogate pair takes the whole character.
    start = units.to_code_point(cursor.selectionStart() - offset)
    end = units.to_code_point(cursor.selectionEnd() - offset)
    if units.to_utf16(end) < cursor.selectionEnd() - offset:
        end += 1
    new_start, new_end = snap_to_words(text, start, end)
    if (new_start, new_end) == (start, end):
        return False
    new_start, new_end = units.to_utf16(new_start) + offset, units.to_utf16(new_end) + offset
    forward = cursor.position() >= cursor.anchor()
    snapped = QTextCursor(document)
    snapped.setPosition(new_start if forward else new_end)
    snapped.setPosition(new_end if forward else new_start, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(snapped)
    clipboard = QApplication.clipboard()
    if clipboard.supportsSelection():  # X11's middle-click paste gets what is selected now
        clipboard.setText(snapped.selectedText().replace("\u2029", "\n"), QClipboard.Mode.Selection)
    return True


class WordSnap(QObject):
    """Watches an editor's viewport: a left-button drag that selected text is snapped to words on release.

    Holding Alt (at the press or the release) keeps the exact characters; a click, a double-
    or triple-click, the keyboard and an editor open for typing are left alone. The editor
    handles the release first.
    """

    def __init__(self, editor: QPlainTextEdit | QTextEdit):
        super().__init__(editor)
        self._editor = editor
        self._press: QPoint | None = None
        self._exact = False
        editor.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            left = event.button() == Qt.MouseButton.LeftButton
            self._press = event.position().toPoint() if left else None
            self._exact = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        elif kind == QEvent.Type.MouseButtonDblClick:
            self._press = None  # a word (or a line) chosen by clicks is already what the user wants
        elif kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            press, self._press = self._press, None
            if press is None or event.button() != Qt.MouseButton.LeftButton:
                return False
            moved = (event.position().toPoint() - press).manhattanLength() >= QApplication.startDragDistance()
            exact = self._exact or bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
            # An editor being typed in (the lyrics in Edit mode) selects exactly what is dragged.
            if not moved or exact or not self._editor.isReadOnly():
                return False
            # The editor takes the release first (it ends the drag there), then the selection is snapped.
            editor: QAbstractScrollArea = self._editor
            editor.viewportEvent(event)
            snap_editor_selection(self._editor)
            return True
        return False
