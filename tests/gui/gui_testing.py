"""Helpers shared by the widget tests."""

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication


def drop(target, paths=(), text=None):
    """Drag *paths* (or *text*) onto *target* and drop them, as Qt delivers it; whether the drop was taken."""
    mime = QMimeData()
    if paths:
        mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    if text is not None:
        mime.setText(text)
    point = target.rect().center()
    enter = QDragEnterEvent(
        point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, enter)
    event = QDropEvent(
        QPointF(point),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, event)
    return enter.isAccepted() and event.isAccepted()


def backspace_inside(qtbot, editor, words: str, after: int) -> None:
    """Put the cursor *after* characters into *words* and press Backspace, as a user typing would."""
    cursor = editor.document().find(words)
    assert not cursor.isNull(), words
    cursor.setPosition(cursor.selectionStart() + after)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
