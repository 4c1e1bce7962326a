"""A search hit in a song's translation opens the song with View > Translation on and the words selected there."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from lyricpad.core.demo import DEMO_TITLE
from lyricpad.core.store import Library
from lyricpad.gui.library_search_panel import HIT_ROLE, hit_label

LYRICS = "[Verse]\nThe ferry bell\nis ringing\n\n[Chorus]\nbrass and salt"
GERMAN = ["[Strophe]", "Die Fährglocke", "läutet, läutet", "", "[Refrain]", "Messing und Salz"]


@pytest.fixture
def library_path(demo_path):
    with Library.open(demo_path) as lib:
        song = lib.songs.add("Ferry Bell", artist="Ada Quay", lyrics=LYRICS)
        lib.translations.set(song.id, GERMAN, language="de")
    return demo_path


@pytest.fixture
def win(open_window, library_path):
    return open_window(library_path, DEMO_TITLE)


def search_for(qtbot, win, words: str):
    win.lyrics_pane.setFocus()
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(win.lyrics_pane, Qt.Key.Key_F, ctrl_shift)
    panel = win.menus.search.panel
    qtbot.keyClicks(panel.query_edit, words)
    qtbot.waitUntil(lambda: not panel._timer.isActive() and not panel.is_searching())
    return panel


def test_enter_on_a_translation_hit_shows_the_translation_with_the_words_selected(qtbot, win):
    view = win.translation_view
    assert not view.is_shown()
    panel = search_for(qtbot, win, "lautet")  # accents folded: "läutet"
    (hit,) = [panel.results.item(i).data(HIT_ROLE) for i in range(panel.results.count())]
    assert (hit["kind"], hit["line"]) == ("translation", 3)
    assert hit_label(hit) == "Ferry Bell — Ada Quay · translation (German)"
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert win.session.library.songs.get(win.session.current_song_id).title == "Ferry Bell"
    assert view.is_shown() and view.pane.isVisible()
    cursor = view.pane.textCursor()
    assert cursor.selectedText() == "läutet"
    assert view.pane.document().findBlock(cursor.selectionStart()).blockNumber() + 1 == 3
    assert view.pane.flashing_lines() == [(3, 3)]
    assert not win.lyrics_pane.textCursor().hasSelection()


def test_a_hit_further_down_selects_its_words_there(qtbot, win):
    panel = search_for(qtbot, win, "messing")
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)
    QApplication.processEvents()
    pane = win.translation_view.pane
    assert pane.textCursor().selectedText() == "Messing"
    assert pane.document().findBlock(pane.textCursor().selectionStart()).blockNumber() + 1 == 6


def test_find_in_the_song_steps_into_the_translation_when_it_is_shown(qtbot, open_window, library_path):
    window = open_window(library_path, "Ferry Bell")
    window.translation_view.set_shown(True)
    qtbot.waitUntil(window.translation_view.pane.isVisible)
    window.lyrics_pane.setFocus()
    qtbot.keyClick(window.lyrics_pane, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # Ctrl+F
    bar = window.menus.search.find_bar
    bar.edit.setText("läutet")  # as typed (QTest cannot type "ä")
    pane = window.translation_view.pane
    assert pane.textCursor().selectedText() == "läutet"  # the first of two, in the translation
    assert (pane.textCursor().blockNumber(), pane.textCursor().positionInBlock()) == (2, 6)
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)  # the next one, further along the line
    assert pane.textCursor().selectedText() == "läutet" and pane.textCursor().positionInBlock() == 14
    assert bar.count_label.text() == "2 of 2"
