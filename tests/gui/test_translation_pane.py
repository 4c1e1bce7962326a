"""The translation in the window: View > Translation beside the lyrics, import, paste, edit, remove, highlight."""

import pytest
from gui_testing import settle, study_computed
from library_testing import without_chord_lines
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from lyricpad.app.annotation_model import TRANSLATION_GROUP
from lyricpad.core.store import Library
from lyricpad.gui.lyrics_editing import document_text
from lyricpad.gui.translation_view import ARTICLE_HIDDEN, NO_TRANSLATION_TIP
from lyricpad.gui.window_layout import TRANSLATION_LEAST


def german(lyrics: str) -> list[str]:
    """A translation of *lyrics* line by line: headers and blank lines kept in their places."""
    lines = []
    for number, line in enumerate(lyrics.split("\n"), 1):
        if not line.strip():
            lines.append("")
        elif line.startswith("["):
            lines.append(line.replace("Verse", "Strophe").replace("Chorus", "Refrain"))
        else:
            lines.append(f"Zeile {number}: die Lichter im Hafen")
    return lines


@pytest.fixture
def translated_path(demo_path):
    with Library.open(demo_path) as lib:
        song = without_chord_lines(lib, lib.songs.all()[0])
        lib.translations.set(song.id, german(song.lyrics), language="de")
    return demo_path


def stored(window):
    return window.session.library.translations.get(window.current_song.song_id)


def test_view_translation_is_disabled_with_a_tip_when_the_song_has_none(window):
    view = window.translation_view
    assert not view.show_action.isEnabled()
    assert view.show_action.toolTip() == NO_TRANSLATION_TIP
    assert view.import_action.isEnabled() and view.paste_action.isEnabled()
    assert not view.remove_action.isEnabled()
    view.set_shown(True)
    assert not view.pane.isVisible()


def test_the_translation_shows_beside_the_lyrics_line_by_line(qtbot, open_window, translated_path):
    window = open_window(translated_path)
    view = window.translation_view
    assert view.show_action.isEnabled()
    view.show_action.trigger()
    qtbot.waitUntil(view.pane.isVisible)
    assert document_text(view.pane.document()) == stored(window).text
    assert view.pane.font() == window.lyrics_pane.font()
    assert view.pane.lineWrapMode() == view.pane.LineWrapMode.NoWrap
    # Scrolling the lyrics scrolls the translation to the same first line, and back.
    window.resize(1280, 400)
    qtbot.wait(50)
    window.lyrics_pane.verticalScrollBar().setValue(10)
    qtbot.waitUntil(
        lambda: (
            view.pane.firstVisibleBlock().blockNumber()
            == window.lyrics_pane.firstVisibleBlock().blockNumber()
        )
    )
    assert view.pane.firstVisibleBlock().blockNumber() > 0
    view.pane.verticalScrollBar().setValue(3)
    assert window.lyrics_pane.firstVisibleBlock().blockNumber() == 3


def test_highlighting_on_the_translation_makes_a_translation_note(qtbot, open_window, translated_path):
    window = open_window(translated_path)
    view = window.translation_view
    view.set_shown(True)
    qtbot.waitUntil(view.pane.isVisible)
    view.pane.setFocus()
    qtbot.waitUntil(view.pane.hasFocus)
    view.pane.select_lines(2, 2)
    qtbot.keyClick(view.pane, Qt.Key.Key_1)
    notes = [a for a in window.session.annotations(window.current_song.song_id) if a.target == "translation"]
    assert len(notes) == 1 and notes[0].quote == stored(window).lines[1]
    assert [h.annotation.id for h in view.pane.highlights] == [notes[0].id]
    assert not any(h.annotation.id == notes[0].id for h in window.lyrics_pane.highlights)
    # The annotations panel lists it under "Translation".
    model = window.annotations_panel.model
    assert model.group_key_of(notes[0].id) == TRANSLATION_GROUP
    assert model.group_index(TRANSLATION_GROUP).data().startswith("Translation")


def test_edit_mode_saves_typed_lines_and_undo_takes_them_back(qtbot, open_window, translated_path):
    window = open_window(translated_path)
    view = window.translation_view
    view.set_shown(True)
    before = stored(window).text
    view.edit_action.trigger()
    assert view.pane.is_editing()
    cursor = view.pane.textCursor()
    cursor.setPosition(view.pane.document().findBlockByNumber(1).position())
    view.pane.setTextCursor(cursor)
    qtbot.keyClicks(view.pane, "Hier ")
    qtbot.keyClick(view.pane, Qt.Key.Key_Return)  # to the next line, not a new one
    qtbot.keyClicks(view.pane, "Dort ")
    qtbot.keyClick(view.pane, Qt.Key.Key_Home)
    qtbot.keyClick(view.pane, Qt.Key.Key_Backspace)  # at a line's start: joins nothing
    window.flush_edits()
    assert stored(window).lines[1].startswith("Hier Zeile 2")
    assert stored(window).lines[2].startswith("Dort Zeile 3")
    assert len(stored(window).lines) == len(before.split("\n"))
    view.edit_action.trigger()
    window.undo_action.trigger()
    assert stored(window).text == before
    qtbot.waitUntil(lambda: document_text(view.pane.document()) == before)


def test_import_paste_refusal_and_remove(qtbot, window, dialogs, tmp_path, monkeypatch):
    view = window.translation_view
    song = window.current_song.song
    path = tmp_path / "de.txt"
    path.write_text("\n".join(german(song.lyrics)), encoding="utf-8")
    monkeypatch.setattr(view, "ask_file", lambda: str(path))
    view.import_action.trigger()
    assert stored(window).lines == german(song.lyrics)
    assert view.show_action.isChecked() and view.pane.isVisible()
    # A file that cannot be aligned is refused in one message, and nothing changes.
    monkeypatch.setattr(view, "ask_replace", lambda: True)
    QGuiApplication.clipboard().setText("one line\n\nand another\n\nthird\n\nfourth")
    view.paste_action.trigger()
    assert dialogs and dialogs[-1][0] == "warning" and "not stored" in dialogs[-1][1].lower()
    assert stored(window).lines == german(song.lyrics)
    view.remove_action.trigger()
    assert stored(window) is None and not view.pane.isVisible()
    assert not view.show_action.isEnabled()
    window.undo_action.trigger()
    assert stored(window).lines == german(song.lyrics)
    qtbot.waitUntil(view.pane.isVisible)


def test_at_1024_the_lyrics_keep_their_width_and_the_article_makes_room(
    qtbot, open_window, translated_path, shots
):
    window = open_window(translated_path)
    settle(qtbot, window, 1024, 700)
    width = window.lyrics_pane.width()
    wrapped = window.window_layout.lyrics_wrap()
    window.translation_view.set_shown(True)
    qtbot.waitUntil(window.translation_view.pane.isVisible)
    qtbot.wait(50)
    assert window.lyrics_pane.width() == width
    assert window.window_layout.lyrics_wrap() == wrapped
    view = window.translation_view
    if view.article_hidden():
        assert window.statusBar().currentMessage().startswith(ARTICLE_HIDDEN[:30])
    shots(window, "19-translation-1024x700")
    view.set_shown(False)
    assert not window.article_pane.isHidden()


def test_screenshot_at_1280(qtbot, open_window, translated_path, shots):
    window = open_window(translated_path)
    settle(qtbot, window, 1280, 800)
    window.translation_view.set_shown(True)
    qtbot.waitUntil(window.translation_view.pane.isVisible)
    qtbot.wait(50)
    pane = window.translation_view.pane
    assert pane.width() >= 280 and pane.horizontalScrollBar().maximum() == 0  # its lines whole
    shots(window, "19-translation-1280x800")


def test_beside_the_study_view_the_lyrics_take_their_lines_width_and_the_translation_the_rest(
    qtbot, open_window, translated_path, shots
):
    # The final trial's case: the lyrics pane kept ~130 px empty while the translation beside it was cut.
    window = open_window(translated_path)
    settle(qtbot, window, 1024, 700)
    window.study_view.set_shown(True)
    study_computed(qtbot, window)
    window.translation_view.set_shown(True)
    qtbot.waitUntil(window.translation_view.pane.isVisible)
    qtbot.wait(100)
    lyrics = window.lyrics_pane
    metrics = lyrics.fontMetrics()
    longest = max(metrics.horizontalAdvance(line) for line in lyrics.toPlainText().split("\n"))
    spare = lyrics.viewport().width() - round(2 * lyrics.document().documentMargin()) - longest
    assert 0 <= spare <= 3 * metrics.averageCharWidth()  # the lines whole, and no room kept empty
    shots(window, "19-translation-beside-study-1024x700")
    assert window.translation_view.pane.width() >= TRANSLATION_LEAST  # and the translation the rest


def test_crowded_at_1024_the_lyrics_come_first_and_the_translation_keeps_its_least(
    qtbot, open_window, demo_path
):
    # The demo has a chord line (shown unwrapped): beside the library, the study view and the
    # annotations, its lines need more than the centre has. The lyrics take all but the translation's least.
    with Library.open(demo_path) as lib:
        (song,) = lib.songs.all()
        lib.translations.set(song.id, german(song.lyrics), language="de")
    window = open_window(demo_path)
    settle(qtbot, window, 1024, 700)
    window.library_dock.toggleViewAction().trigger()
    window.study_view.set_shown(True)
    study_computed(qtbot, window)
    window.translation_view.set_shown(True)
    qtbot.waitUntil(window.translation_view.pane.isVisible)
    qtbot.wait(100)
    lyrics, side = window.splitter.sizes()
    assert TRANSLATION_LEAST <= side <= TRANSLATION_LEAST + 2 and lyrics > side  # a handle's rounding
