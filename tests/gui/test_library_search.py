"""The window's searches with real keys: Ctrl+Shift+F over the library, Ctrl+F in the song, F3 and Shift+F3."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from lyricpad.core.anchoring import anchors_for_quote
from lyricpad.core.demo import DEMO_TITLE
from lyricpad.core.store import Library

OTHER_LYRICS = "the ferry bell is ringing\nbrass and salt and the ferry"


@pytest.fixture
def library_path(demo_path):
    """The demo song and one more, whose words the demo does not have (ferry, quokka)."""
    with Library.open(demo_path) as lib:
        song = lib.songs.add("Ferry Bell", artist="Ada Quay", lyrics=OTHER_LYRICS)
        lib.annotations.add(
            song.id, anchors_for_quote(OTHER_LYRICS, "brass and salt", 1), note="the quokka line"
        )
    return demo_path


@pytest.fixture
def win(open_window, library_path):
    return open_window(library_path, DEMO_TITLE)


def press(qtbot, widget, key, modifiers=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(widget, key, modifiers)
    QApplication.processEvents()


def search_for(qtbot, win, words: str):
    """Ctrl+Shift+F in the window, then *words* typed and the search run (Enter is the test's next step)."""
    win.lyrics_pane.setFocus()
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    press(qtbot, win.lyrics_pane, Qt.Key.Key_F, ctrl_shift)
    panel = win.menus.search.panel
    assert panel is not None and panel.query_edit.hasFocus()
    qtbot.keyClicks(panel.query_edit, words)
    return searched(qtbot, panel)


def searched(qtbot, panel):
    """Wait for the search typed to run (after the pause in typing) and its first page to be shown."""
    qtbot.waitUntil(lambda: not panel._timer.isActive() and not panel.is_searching())
    return panel


def current_title(win):
    return win.session.library.songs.get(win.session.current_song_id).title


def test_enter_opens_the_song_at_the_hit_and_flashes_it(qtbot, win):
    panel = search_for(qtbot, win, "ferry")
    hits = [panel.results.item(i).data(Qt.ItemDataRole.UserRole + 1) for i in range(panel.results.count())]
    assert [h["where"] for h in hits] == ["lyrics"]  # the song; the title weighs more than the lyrics
    press(qtbot, panel.query_edit, Qt.Key.Key_Return)
    assert current_title(win) == "Ferry Bell"
    assert win.lyrics_pane.textCursor().selectedText() == "ferry"
    assert win.lyrics_pane.flashing_lines() == [(1, 1)]


def test_a_note_hit_selects_its_annotation_and_f3_goes_on(qtbot, win):
    panel = search_for(qtbot, win, "quokka")
    press(qtbot, panel.query_edit, Qt.Key.Key_Return)
    (hit,) = [panel.results.item(i).data(Qt.ItemDataRole.UserRole + 1) for i in range(panel.results.count())]
    assert hit["kind"] == "note" and win.selected_annotation_id == hit["annotation_id"]
    assert current_title(win) == "Ferry Bell"

    panel = search_for(qtbot, win, "")
    panel.query_edit.clear()
    qtbot.keyClicks(panel.query_edit, "lantern")
    searched(qtbot, panel)
    count = panel.results.count()
    assert count >= 3
    press(qtbot, panel.query_edit, Qt.Key.Key_Down)
    assert panel.results.hasFocus() and panel.results.currentRow() == 0
    press(qtbot, panel.results, Qt.Key.Key_Return)
    first = panel.current_hit()
    press(qtbot, panel.results, Qt.Key.Key_F3)
    assert panel.results.currentRow() == 1 and panel.current_hit() != first
    press(qtbot, panel.results, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert panel.results.currentRow() == 0 and panel.current_hit() == first
    assert current_title(win) == DEMO_TITLE


def test_an_article_hit_opens_the_article_at_the_words(qtbot, win):
    panel = search_for(qtbot, win, '"somebody reads"')
    hits = [panel.results.item(i).data(Qt.ItemDataRole.UserRole + 1) for i in range(panel.results.count())]
    row = next(i for i, h in enumerate(hits) if h["kind"] == "article")
    panel.results.setCurrentRow(row)
    panel.results.setFocus()
    press(qtbot, panel.results, Qt.Key.Key_Return)
    browser = win.article_pane.browser
    assert win.article_pane.current_article_id == hits[row]["article_id"]
    assert browser.textCursor().selectedText().lower() == "somebody reads"
    assert browser.flash_span == (browser.textCursor().selectionStart(), browser.textCursor().selectionEnd())


@pytest.mark.parametrize("typed", ['"', "a*", "NEAR(", "-", "🏮", "col:x", " ".join(["w"] * 40 + ["x"] * 10)])
def test_anything_typed_is_searched_without_an_error(qtbot, win, typed):
    panel = search_for(qtbot, win, "")
    panel.query_edit.setText(typed)  # set, not typed: QTest cannot type characters beyond 16 bits
    press(qtbot, panel.query_edit, Qt.Key.Key_Return)
    searched(qtbot, panel)
    assert "Cannot" not in panel.status_label.text()


def test_long_input_says_what_was_left_out(qtbot, win):
    panel = search_for(qtbot, win, "")
    panel.query_edit.setText("lantern " + " ".join(f"w{i}" for i in range(60)))
    panel.run()
    searched(qtbot, panel)
    assert "first 32 words" in panel.status_label.text()


def test_filters_narrow_the_list(qtbot, win):
    panel = search_for(qtbot, win, "lantern")
    everything = panel.results.count()
    panel.pane_box.setCurrentIndex(panel.pane_box.findData("article"))
    searched(qtbot, panel)
    kinds = {
        panel.results.item(i).data(Qt.ItemDataRole.UserRole + 1)["kind"] for i in range(panel.results.count())
    }
    assert kinds <= {"article", "note", "quote", "tag"} and panel.results.count() < everything
    panel.pane_box.setCurrentIndex(0)
    searched(qtbot, panel)
    panel.lens_box.setCurrentIndex(panel.lens_box.findText("Question"))
    searched(qtbot, panel)
    assert panel.results.count() == 0 and panel.status_label.text() == "Nothing found."


def test_ctrl_f_finds_in_the_song_and_enter_goes_on(qtbot, win):
    win.lyrics_pane.setFocus()
    press(qtbot, win.lyrics_pane, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = win.menus.search.find_bar
    assert bar.isVisible() and bar.edit.hasFocus()
    qtbot.keyClicks(bar.edit, "harbour")
    lyrics = win.lyrics_pane.toPlainText()
    total = lyrics.lower().count("harbour") + win.article_pane.browser.toPlainText().lower().count("harbour")
    assert bar.count_label.text() == f"1 of {total}"
    assert win.lyrics_pane.textCursor().selectedText().lower() == "harbour"
    first = win.lyrics_pane.textCursor().selectionStart()
    press(qtbot, bar.edit, Qt.Key.Key_Return)
    assert bar.count_label.text() == f"2 of {total}"
    press(qtbot, bar.edit, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert (
        bar.count_label.text() == f"1 of {total}" and win.lyrics_pane.textCursor().selectionStart() == first
    )
    press(qtbot, bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_filter_annotations_keeps_a_shortcut(qtbot, win):
    win.lyrics_pane.setFocus()
    ctrl_alt = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    press(qtbot, win.lyrics_pane, Qt.Key.Key_F, ctrl_alt)
    assert win.annotations_panel.text_filter.hasFocus()


def test_ctrl_f_in_the_annotations_panel_still_filters_it(qtbot, win):
    win.annotations_panel.view.setFocus()
    qtbot.waitUntil(win.annotations_panel.view.hasFocus)
    press(qtbot, win.annotations_panel.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert win.annotations_panel.text_filter.hasFocus()
    assert win.menus.search.find_bar is None  # no find bar: the panel's own Ctrl+F took it


def test_a_hit_in_a_song_that_went_to_the_trash_says_so(qtbot, win):
    panel = search_for(qtbot, win, "ferry")
    song_id = win.session.resolve_song("Ferry Bell").id
    with win.session.library.write():
        win.session.library.db.execute("DELETE FROM songs WHERE id = ?", [song_id])
    press(qtbot, panel.query_edit, Qt.Key.Key_Return)
    assert "Cannot open that hit" in win.statusBar().currentMessage()
    assert current_title(win) == DEMO_TITLE


def test_a_hit_deep_in_long_lyrics_is_shown_while_they_load(qtbot, open_window, library_path):
    lyrics = "\n".join(f"line {n} of the long song" for n in range(1, 5001)).replace(
        "line 4999 of", "line 4999 zanzibar of"
    )
    with Library.open(library_path) as lib:
        lib.songs.add("Long Song", lyrics=lyrics)
    win = open_window(library_path, DEMO_TITLE)
    panel = search_for(qtbot, win, "zanzibar")
    press(qtbot, panel.query_edit, Qt.Key.Key_Return)
    assert current_title(win) == "Long Song"
    assert win.lyrics_pane.textCursor().selectedText() == "zanzibar"
    assert win.lyrics_pane.flashing_lines() == [(4999, 4999)]
