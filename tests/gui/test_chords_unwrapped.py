"""Final trial A: a song with chord lines keeps each chord over its word however narrow the lyrics pane is."""

from __future__ import annotations

from gui_testing import settle
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from lyricpad.core.store import Library

PLAIN = "A line of ordinary lyrics that is long enough to wrap in a narrow pane, and then some more\nshort"


def x_of(pane, line: int, column: int) -> tuple[int, int]:
    """(x, y) where *column* of 1-based *line* is drawn in the pane."""
    cursor = QTextCursor(pane.document().findBlockByNumber(line - 1))
    cursor.movePosition(QTextCursor.MoveOperation.Right, n=column)
    rect = pane.cursorRect(cursor)
    return rect.left(), rect.top()


def test_chord_lines_never_wrap_in_a_narrow_pane(qtbot, open_window, demo_path, shots):
    window = open_window(demo_path)  # the demo: line 15 is "G   D   Em" over line 16
    settle(qtbot, window, 1024, 700)
    window.splitter.setSizes([260, sum(window.splitter.sizes()) - 260])  # narrower than line 16
    qtbot.wait(30)
    pane = window.lyrics_pane
    lines = window.current_song.song.lyrics.split("\n")
    chords, words = lines[14], lines[15]
    assert "Em" in chords and pane.fontMetrics().horizontalAdvance(words) > pane.viewport().width()
    assert pane.lineWrapMode() == QPlainTextEdit.LineWrapMode.NoWrap
    for number in (15, 16):
        assert pane.document().findBlockByNumber(number - 1).layout().lineCount() == 1
    column = chords.index("Em")
    (chord_x, chord_y), (word_x, word_y) = x_of(pane, 15, column), x_of(pane, 16, column)
    assert chord_x == word_x and word_y > chord_y  # "Em" over the letter it was typed over
    assert pane.horizontalScrollBar().maximum() > 0  # the rest of the line is a scroll away
    shots(window, "trial-A-chords-unwrapped-1024x700")


def test_lyrics_without_chords_still_wrap(qtbot, open_window, demo_path):
    with Library.open(demo_path) as library:
        song_id = library.songs.add("Plain", lyrics=PLAIN).id
    window = open_window(demo_path, song_id)
    settle(qtbot, window, 1024, 700)
    window.splitter.setSizes([260, sum(window.splitter.sizes()) - 260])
    qtbot.wait(30)
    pane = window.lyrics_pane
    assert pane.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
    assert pane.document().findBlockByNumber(0).layout().lineCount() > 1


def test_a_sheet_of_single_chords_is_a_chord_sheet_too(qtbot, open_window, demo_path):
    # One chord a line ("Am", "N.C.") is a chord line for the lexer and the study view: the pane agrees.
    lyrics = "Am\nA line of ordinary lyrics that is long enough to wrap in a narrow pane, and more\nN.C."
    with Library.open(demo_path) as library:
        song_id = library.songs.add("Single chords", lyrics=lyrics).id
    window = open_window(demo_path, song_id)
    settle(qtbot, window, 1024, 700)
    assert window.lyrics_pane.lineWrapMode() == QPlainTextEdit.LineWrapMode.NoWrap
