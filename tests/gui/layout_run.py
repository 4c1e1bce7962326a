"""One run of lyricpad's main window on a screen of a given size, for the restart tests of test_layout_restart.py.

Run as `python layout_run.py ACTION LIBRARY [SHOT.png]` with QT_QPA_PLATFORM set to an offscreen screen
of the size wanted and the settings folders (XDG_CONFIG_HOME...) shared between runs: it opens the
window as `lyricpad --library LIBRARY` does, does ACTION with real mouse events, saves a screenshot
to SHOT.png, closes the window (which saves its layout as quitting does) and prints what it saw as JSON.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from gui_testing import wrapped_lines  # this folder is on the path of a script run from it
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from lyricpad.app.session import Session
from lyricpad.app.settings import Settings
from lyricpad.app.translations import install_translators
from lyricpad.gui.launch import initial_song
from lyricpad.gui.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


def drag(window: MainWindow, start: QPoint, end: QPoint) -> None:
    """A mouse drag on the window (on a dock's edge, say), in steps as a hand moves."""
    handle = window.windowHandle()
    QTest.mousePress(handle, LEFT, NONE, start)
    steps = 8
    for step in range(1, steps + 1):
        QTest.mouseMove(handle, start + (end - start) * step / steps)
    QTest.mouseRelease(handle, LEFT, NONE, end)
    QTest.qWait(50)


def dock_edge(window: MainWindow) -> QPoint:
    """The middle of the handle between the centre and the Annotations dock."""
    centre = window.centralWidget().geometry()
    return QPoint((centre.right() + window.annotations_dock.x()) // 2, centre.center().y())


def sidebar_edge(window: MainWindow) -> QPoint:
    """The middle of the handle between the Library sidebar and the centre."""
    centre = window.centralWidget().geometry()
    return QPoint((window.library_dock.geometry().right() + centre.left()) // 2, centre.center().y())


def article_text_width(window: MainWindow) -> int:
    """How wide the article's text is on screen (its pane less the frame, margins and scroll bar)."""
    browser = window.article_pane.browser
    return browser.viewport().width() - round(2 * browser.document().documentMargin())


def press(window: MainWindow, keys: str) -> None:
    """Keys as a user presses them on the window (a shortcut, say "Ctrl+Shift+L")."""
    sequence = QKeySequence(keys)[0]
    QTest.keyClick(window.windowHandle(), sequence.key(), sequence.keyboardModifiers())
    QTest.qWait(100)


def seen(window: MainWindow) -> dict:
    sidebar = window.sidebar
    toolbar = sidebar.toolbar
    return {
        "window": [window.width(), window.height()],
        "panes": window.splitter.sizes(),
        "lyrics_wrapped": wrapped_lines(window.lyrics_pane),
        "article_text": article_text_width(window),
        "article_shown": window.article_pane.stack.currentWidget() is window.article_pane.browser,
        "sidebar_shown": not window.library_dock.isHidden(),
        "sidebar": window.library_dock.width(),
        "sidebar_minimum": sidebar.minimumWidth(),
        "toolbar_all_shown": all(
            toolbar.widgetForAction(action).isVisible()
            for action in toolbar.actions()
            if not action.isSeparator()
        ),
        "annotations": window.annotations_dock.width(),
        "list_height": window.annotations_dock.height(),
        "note_height": window.note_dock.height(),
        "message": window.statusBar().currentMessage(),
    }


def main(action: str, library: str, shot: str = "") -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translators(app, "en")
    session = Session.open(Path(library))
    settings = Settings()
    window = MainWindow(session, settings)
    session.select_song(initial_song(session, None, settings))
    window.show()
    QTest.qWaitForWindowExposed(window)
    QTest.qWait(100)
    report = {"opened": seen(window)}
    for step in action.split("+"):  # "song:Title+library": the steps one after the other
        if step == "library":
            press(window, "Ctrl+Shift+L")  # View > Library, as the reviewer pressed it
            report.setdefault("steps", []).append(seen(window))
        elif step.startswith("song:"):
            window.sidebar.song_requested.emit(next(s.id for s in session.songs() if s.title == step[5:]))
            QTest.qWait(50)
        elif step == "squeeze-lyrics":
            # The splitter's handle dragged left: the lyrics narrower than their lines, both panes above 280.
            handle = window.splitter.handle(1)
            start = handle.mapTo(window, handle.rect().center())
            drag(window, start, start - QPoint(window.splitter.sizes()[0] - 300, 0))
        elif step == "study":
            press(window, "Ctrl+Shift+U")  # View > Study View
            state = window.study_view.state
            while state.view is None or state.is_busy():
                QTest.qWait(50)
            QTest.qWait(100)
    if action in ("drag", "shrink", "old-sidebar") and window.library_dock.isHidden():
        window.library_dock.toggleViewAction().trigger()  # View > Library
        QTest.qWait(50)
    if action == "drag":
        # The reviewer's drag: the Annotations dock's edge far to the left.
        start = dock_edge(window)
        drag(window, start, QPoint(200, start.y()))
    elif action == "shrink":
        start = sidebar_edge(window)
        drag(window, start, QPoint(20, start.y()))  # as narrow as it goes
        size = window.size()
        window.resize(500, 350)
        QTest.qWait(50)
        window.resize(size)
        QTest.qWait(50)
    elif action == "short":
        # The window made 350 px high, then as high as before.
        size = window.size()
        window.resize(size.width(), 350)
        QTest.qWait(50)
        window.resize(size)
        QTest.qWait(50)
    elif action == "old-sidebar":
        # What an older lyricpad saved: a sidebar squeezed to 82 px.
        window.sidebar.setMinimumWidth(0)
        window.resizeDocks([window.library_dock], [82], Qt.Orientation.Horizontal)
        QTest.qWait(50)
    report["done"] = seen(window)
    if shot:
        window.grab().save(shot, "PNG")
    window.close()
    session.close()
    app.processEvents()
    print(json.dumps(report))


if __name__ == "__main__":
    main(*sys.argv[1:])
