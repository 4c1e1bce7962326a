"""Helpers shared by the widget tests."""

import os
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QTranslator, QUrl
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


class MarkingTranslator(QTranslator):
    """Stands in for another language: every text Qt is asked for comes back marked by *mark* (by default
    "[context] text"), and each request is kept in ``asked`` as (context, source, count)."""

    def __init__(self, mark=lambda context, source: f"[{context}] {source}"):
        super().__init__()
        self._mark = mark
        self.asked: list[tuple[str, str, int]] = []

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002 (Qt's signature)
        self.asked.append((context, source, n))
        return self._mark(context, source)

    def isEmpty(self) -> bool:
        return False


def run_window_until_shown(qtbot, qapp, monkeypatch, argv: list[str], check) -> tuple[int, list]:
    """Run `lyricpad ARGV` in this process; once its window is up, call check(window) and close it.

    Returns the exit code and what check returned. The real start makes and shows the window; only
    its main loop is this function's (a test's process must not leave Qt's main loop, or every later
    event loop of the session would end at once).
    """
    from lyricpad.gui.main_window import MainWindow
    from lyricpad.main import main

    seen = []

    def main_loop() -> int:
        windows = []

        def shown() -> bool:
            windows[:] = [
                w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
            ]
            return bool(windows)

        qtbot.waitUntil(shown, timeout=20_000)
        qtbot.wait(50)  # what the window does once shown (a link opened in the loop) is done
        try:
            seen.append(check(windows[0]))
        finally:
            windows[0].close()
            windows[0].deleteLater()
        return 0

    monkeypatch.setattr(qapp, "exec", main_loop)
    code = main(argv)
    assert seen, "the window never showed"
    return code, seen
