"""Helpers shared by the widget tests."""

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from lyricpad.core.anchoring import anchor_for_lines
from lyricpad.core.models import Annotation, Lens
from lyricpad.gui.window_layout import NARROW_WIDTH

SOUND = Lens("lens-sound", "Sound", "#3b8ede", 1)


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


def lines_annotation(text: str, first: int, last: int, annotation_id: str) -> Annotation:
    """An anchored SOUND annotation on lines *first*..*last* (1-based) of the lyrics *text*."""
    return Annotation(
        id=annotation_id,
        song_id="song-1",
        target="lyrics",
        article_id=None,
        lens=SOUND,
        note="",
        status="anchored",
        fragments=(anchor_for_lines(text, first, last),),
    )


def settle(qtbot, window, width, height):
    """The window as a first run on a screen of this size lays it out (the offscreen screen is 800 px wide)."""
    window.library_dock.setVisible(width >= NARROW_WIDTH)
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width)
    qtbot.wait(20)
    window.window_layout.split_panes()
    qtbot.wait(50)
