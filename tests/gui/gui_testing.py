"""Helpers shared by the widget tests."""

import os
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from lyricpad.core.anchoring import anchor_for_lines
from lyricpad.core.models import Annotation, Lens
from lyricpad.gui.window_layout import NARROW_WIDTH

SHOTS_FOLDER = (
    Path(os.environ.get("LYRICPAD_TEST_OUTPUT") or Path(__file__).parents[2] / "test-output") / "screenshots"
)
"""Where tests leave screenshots of the window for a person to look at (not compared by any test): the
`shots` fixture and the layout runs on screens of their own."""

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


def study_computed(qtbot, window, settle_ms: int = 0):
    """The study view of the song shown, once computed; then *settle_ms* for the window to draw it."""
    state = window.study_view.state
    qtbot.waitUntil(lambda: state.view is not None and not state.is_busy(), timeout=20_000)
    if settle_ms:
        qtbot.wait(settle_ms)
    return state.view


def wrapped_lines(pane) -> list[int]:
    """The 1-based lines of *pane* not shown whole: taking more than one row on screen or, in a pane that
    does not wrap (lyrics with chord lines), wider than the pane (the rest a horizontal scroll away)."""
    document = pane.document()
    blocks = [document.findBlockByNumber(n) for n in range(document.blockCount())]
    room = pane.viewport().width() - 2 * document.documentMargin()

    def cut(block) -> bool:
        layout = block.layout()
        return layout.lineCount() > 1 or (
            layout.lineCount() == 1 and layout.lineAt(0).naturalTextWidth() > room
        )

    return [block.blockNumber() + 1 for block in blocks if cut(block)]
