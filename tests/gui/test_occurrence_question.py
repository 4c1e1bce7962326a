"""The This/Every Occurrence question says what it asks, and closing it loses nothing: the selection stays, the status bar says so."""

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from lyricpad.core.store import Library
from lyricpad.gui.main_window import MainWindow
from lyricpad.gui.window_highlighting import NOT_HIGHLIGHTED, question_title

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier
LANTERN = "So light a lantern"


def stored_ids(path) -> set[str]:
    with Library.open(path) as library:
        (song,) = library.songs.all()
        return {a.id for a in library.annotations.for_song(song.id)}


def point_at(editor, position: int) -> QPoint:
    cursor = QTextCursor(editor.document())
    cursor.setPosition(position)
    rect = editor.cursorRect(cursor)
    return QPoint(rect.left() + 1, rect.center().y())


def drag_over_lantern(pane) -> None:
    """Select the first "So light a lantern" of the lyrics with a real drag (it occurs 3 times)."""
    cursor = pane.document().find(LANTERN)
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    first, last = point_at(pane, start), point_at(pane, end)
    QTest.mousePress(pane.viewport(), LEFT, NONE, first)
    QTest.mouseMove(pane.viewport(), last)
    QTest.mouseRelease(pane.viewport(), LEFT, NONE, last)
    assert pane.textCursor().selectedText() == LANTERN


@pytest.mark.parametrize(
    ("quote", "count", "title"),
    [
        (LANTERN, 3, "“So light a lantern” occurs 3 times: highlight…"),
        ("a" * 60, 2, "“" + "a" * 47 + "…” occurs 2 times: highlight…"),
        (
            "(carry what we never said)\nEvery shore",
            2,
            "“(carry what we never said)…” occurs 2 times: highlight…",
        ),
    ],
)
def test_question_title(quote, count, title):
    assert question_title(quote, count) == title


def test_the_menu_opens_with_a_title_row_saying_what_is_asked(window, monkeypatch):
    seen = []

    def popup(window_, menu, point):
        seen.append([(a.text(), a.isSeparator(), a.isEnabled()) for a in menu.actions()])
        return menu.defaultAction()

    monkeypatch.setattr(MainWindow, "popup_menu", popup)
    drag_over_lantern(window.lyrics_pane)
    QTest.keyClick(window.lyrics_pane, Qt.Key.Key_1)
    (actions,) = seen
    title, this, every = actions
    assert title[:2] == ("“So light a lantern” occurs 3 times: highlight…", True)  # a heading, not a choice
    assert [this[0], every[0]] == ["&This Occurrence", "&Every Occurrence (3)"]


def open_then(qtbot, act):
    """Once the real occurrence menu shows, call act(menu) (from the event loop the menu runs).

    Returns the list the texts of the menu's actions are added to once it shows.
    """
    done = []

    def check():
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(20, check)
            return
        done.append([a.text() for a in menu.actions()])
        act(menu)  # it must close the menu whatever happens: the test waits in its exec()

    QTimer.singleShot(20, check)
    return done


@pytest.mark.real_menus
def test_esc_highlights_nothing_keeps_the_selection_and_says_so(window, demo_path, qtbot, shots):
    window.resize(1024, 700)
    before = stored_ids(demo_path)
    pane = window.lyrics_pane
    drag_over_lantern(pane)

    def look_then_escape(menu):
        shots(menu, "17-H3-occurrence-question-menu")
        qtbot.keyClick(menu, Qt.Key.Key_Escape)  # first: a failed assert here would leave the menu open

    shown = open_then(qtbot, look_then_escape)
    qtbot.keyClick(pane, Qt.Key.Key_1)
    assert shown and QApplication.activePopupWidget() is None
    assert shown[0][0] == "“So light a lantern” occurs 3 times: highlight…"
    assert stored_ids(demo_path) == before
    assert pane.textCursor().selectedText() == LANTERN
    assert window.statusBar().currentMessage() == NOT_HIGHLIGHTED
    shots(window, "17-H3-occurrence-cancelled-1024x700")


@pytest.mark.real_menus
def test_a_click_elsewhere_closes_the_question_and_only_that(window, demo_path, qtbot, shots):
    window.resize(1280, 800)
    before = stored_ids(demo_path)
    pane = window.lyrics_pane
    drag_over_lantern(pane)
    elsewhere = point_at(pane, pane.document().find("the gulls").selectionStart())

    def click_elsewhere(menu):
        target = menu.mapFromGlobal(pane.viewport().mapToGlobal(elsewhere))
        assert not menu.rect().contains(target)
        QTest.mouseClick(menu, LEFT, NONE, target)  # outside the menu: Qt closes it

    shown = open_then(qtbot, click_elsewhere)
    qtbot.keyClick(pane, Qt.Key.Key_1)
    assert shown and QApplication.activePopupWidget() is None
    QApplication.processEvents()
    assert stored_ids(demo_path) == before
    assert pane.textCursor().selectedText() == LANTERN
    assert window.statusBar().currentMessage() == NOT_HIGHLIGHTED
    shots(window, "17-H3-occurrence-cancelled-1280x800")


@pytest.mark.real_menus
def test_every_occurrence_from_the_real_menu_then_the_selection_goes(window, demo_path, qtbot):
    before = stored_ids(demo_path)
    pane = window.lyrics_pane
    drag_over_lantern(pane)

    def take_every(menu):
        qtbot.keyClick(menu, Qt.Key.Key_E)  # the mnemonic of Every Occurrence

    open_then(qtbot, take_every)
    qtbot.keyClick(pane, Qt.Key.Key_1)
    (made,) = stored_ids(demo_path) - before
    assert len(window.current_song.annotation(made).fragments) == 3
    assert not pane.textCursor().hasSelection()


@pytest.mark.real_menus
def test_the_closed_question_notice_goes_once_the_text_is_highlighted(window, demo_path, qtbot):
    before = stored_ids(demo_path)
    pane = window.lyrics_pane
    drag_over_lantern(pane)
    open_then(qtbot, lambda menu: qtbot.keyClick(menu, Qt.Key.Key_Escape))
    qtbot.keyClick(pane, Qt.Key.Key_1)
    assert window.statusBar().currentMessage() == NOT_HIGHLIGHTED
    # Asked again, answered with Enter (This Occurrence): highlighted, the notice is no longer true.
    open_then(qtbot, lambda menu: qtbot.keyClick(menu, Qt.Key.Key_Return))
    qtbot.keyClick(pane, Qt.Key.Key_1)
    assert QApplication.activePopupWidget() is None
    assert len(stored_ids(demo_path)) == len(before) + 1
    assert window.current_song.current().quote == LANTERN
    assert window.statusBar().currentMessage() != NOT_HIGHLIGHTED


@pytest.mark.real_menus
def test_the_closed_question_notice_goes_when_the_selection_is_let_go(window, qtbot):
    pane = window.lyrics_pane
    drag_over_lantern(pane)
    open_then(qtbot, lambda menu: qtbot.keyClick(menu, Qt.Key.Key_Escape))
    qtbot.keyClick(pane, Qt.Key.Key_1)
    assert window.statusBar().currentMessage() == NOT_HIGHLIGHTED
    view = window.annotations_panel.view  # a click into the list: the lyrics let their selection go
    QTest.mouseClick(view.viewport(), LEFT, NONE, view.visualRect(view.model().index(0, 0)).center())
    qtbot.waitUntil(lambda: not pane.textCursor().hasSelection())
    assert window.statusBar().currentMessage() == ""
