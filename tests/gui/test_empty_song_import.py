"""Issue 17 follow-ups: the empty song's Import File… fills that song, the place tooltip wraps and is capped,
letting go of a selection keeps the scroll position, and messages say the real Undo shortcut."""

from __future__ import annotations

import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QTextCursor, QTextDocument
from PySide6.QtTest import QTest

from lyricpad.core.anchoring import anchor_for_range, find_occurrences
from lyricpad.core.store import Library
from lyricpad.gui.note_places import TOOLTIP_PLACES, TOOLTIP_WIDTH
from lyricpad.gui.window_highlighting import NOT_HIGHLIGHTED, clear_selection

SIZES = [(1024, 700), (1280, 800)]
CTRL = Qt.KeyboardModifier.ControlModifier
LRC = "[ti:Paper Boats]\n[00:05.00]Fold the paper, fold it twice,\n[00:12.00][01:40.20]send the little boat away\n"


@pytest.fixture
def empty_window(open_window, demo_path):
    with Library.open(demo_path) as library:
        song = library.songs.add("Blank Page", artist="Wren Alder")
    window = open_window(demo_path, "Blank Page")
    window.song_id = song.id
    return window


def stored(path, song_id):
    with Library.open(path) as library:
        return library.songs.get(song_id)


def click(qtbot, widget):
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())
    qtbot.wait(10)


def choose(monkeypatch, window, path):
    """The file dialog answered with *path* (a test never shows a modal dialog)."""
    monkeypatch.setattr(window.files, "ask_lyrics_file", lambda: str(path))


# ---------------------------------------------------------------- Import File… in an empty song


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_import_file_fills_this_song_with_the_lrc_times_as_one_undo_step(
    qtbot, empty_window, demo_path, tmp_path, monkeypatch, shots, width, height
):
    window = empty_window
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width)
    lrc = tmp_path / "paper boats.lrc"
    lrc.write_text(LRC, encoding="utf-8")
    choose(monkeypatch, window, lrc)
    songs, steps = len(window.session.songs()), window.session.undo_stack.count()

    click(qtbot, window.empty_song_hint.import_button)
    qtbot.waitUntil(lambda: stored(demo_path, window.song_id).lyrics != "")
    song = stored(demo_path, window.song_id)
    assert song.lyrics == "Fold the paper, fold it twice,\nsend the little boat away"  # no blank line 3
    assert song.lyrics_format == "lrc"
    assert song.line_times == [[5000], [12000, 100200]]  # both times of the line sung twice
    assert len(window.session.songs()) == songs  # this song, not a second one
    assert window.session.undo_stack.count() == steps + 1
    assert window.current_song.song_id == window.song_id
    qtbot.waitUntil(lambda: window.lyrics_pane.blockCount() == 2)
    assert not window.empty_song_hint.isVisible()
    assert "Imported 2 lines of lyrics from “paper boats.lrc”." in window.statusBar().currentMessage()
    shots(window, f"17-F6-imported-into-empty-song-{width}x{height}")

    window.undo_action.trigger()
    assert stored(demo_path, window.song_id).lyrics == ""
    qtbot.waitUntil(window.empty_song_hint.isVisible)


def test_import_file_detects_the_encoding_and_takes_the_final_newline_off(
    qtbot, empty_window, demo_path, tmp_path, monkeypatch
):
    window = empty_window
    text = tmp_path / "café.txt"
    text.write_bytes("Un café au bord de l’eau\nOù la barque s’en va\n".encode("cp1252"))
    choose(monkeypatch, window, text)
    click(qtbot, window.empty_song_hint.import_button)
    qtbot.waitUntil(lambda: stored(demo_path, window.song_id).lyrics != "")
    assert stored(demo_path, window.song_id).lyrics == "Un café au bord de l’eau\nOù la barque s’en va"


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        ("boat.txt", b"\x00\x01\x02PNG\x00\xff\xfe\x00" * 40, "is not a text file"),
        ("empty.lrc", b"", "is empty"),
        ("tags.lrc", b"[ti:Only Tags]\n[ar:Nobody]\n", "holds LRC tags but no lyrics"),
    ],
)
def test_a_bad_file_gets_one_message_and_changes_nothing(
    qtbot, empty_window, demo_path, tmp_path, monkeypatch, dialogs, name, data, said
):
    window = empty_window
    bad = tmp_path / name
    bad.write_bytes(data)
    choose(monkeypatch, window, bad)
    steps = window.session.undo_stack.count()
    click(qtbot, window.empty_song_hint.import_button)
    qtbot.waitUntil(lambda: said in window.statusBar().currentMessage())
    assert name in window.statusBar().currentMessage()
    assert stored(demo_path, window.song_id).lyrics == ""
    assert window.session.undo_stack.count() == steps
    assert window.empty_song_hint.isVisible() and dialogs == []


def test_cancelling_the_file_dialog_changes_nothing(qtbot, empty_window, demo_path, monkeypatch):
    window = empty_window
    monkeypatch.setattr(window.files, "ask_lyrics_file", lambda: "")
    steps = window.session.undo_stack.count()
    click(qtbot, window.empty_song_hint.import_button)
    qtbot.wait(50)
    assert stored(demo_path, window.song_id).lyrics == ""
    assert window.session.undo_stack.count() == steps


# ---------------------------------------------------------------- the place tooltip


def test_the_place_tooltip_of_a_thousand_places_wraps_and_is_capped(qtbot, open_window, demo_path):
    lyrics = "\n".join("An invented echo" if n % 2 else f"Invented filler {n}" for n in range(1, 2001))
    with Library.open(demo_path) as library:
        song = library.songs.add("Echoes", artist="Wren Alder", lyrics=lyrics)
    window = open_window(demo_path, "Echoes")
    window.resize(1024, 700)
    places = [anchor_for_range(lyrics, p, p + 16) for p in find_occurrences(lyrics, "An invented echo")]
    assert len(places) == 1000
    made = window.session.annotation_edits.create(song.id, places)
    window.select_annotation(made)
    label = window.note_editor.place_label
    qtbot.waitUntil(lambda: "1,000 places" in label.toolTip())
    tip = label.toolTip()
    assert QtGui.Qt.mightBeRichText(tip)  # so Qt wraps it
    document = QTextDocument()
    document.setHtml(tip)
    shown = document.toPlainText().strip()
    assert shown.startswith("Lyrics · lines 1, 3, 5,") and shown.endswith("… 1999 (1,000 places)")
    assert shown.count(",") <= TOOLTIP_PLACES + 2
    # Drawn as Qt draws a tooltip: wrapped at its width, many lines, never wider than the screen.
    document.setDefaultFont(QGuiApplication.font())
    document.adjustSize()
    assert document.size().width() <= TOOLTIP_WIDTH + 30
    assert document.size().height() > 10 * label.fontMetrics().height()


def test_a_short_place_label_has_no_tooltip(window):
    made = window.session.annotation_edits.create(
        window.current_song.song_id, [anchor_for_range(window.lyrics_pane.toPlainText(), 0, 5)]
    )
    window.select_annotation(made)
    assert window.note_editor.place_label.toolTip() == ""


# ---------------------------------------------------------------- letting go of a selection


def test_letting_go_of_a_selection_keeps_where_the_user_scrolled(qtbot, open_window, demo_path):
    lyrics = "\n".join(f"Invented line {n} of a long song" for n in range(1, 301))
    with Library.open(demo_path) as library:
        library.songs.add("Long Song", artist="Wren Alder", lyrics=lyrics)
    window = open_window(demo_path, "Long Song")
    window.resize(1024, 700)
    pane = window.lyrics_pane
    cursor = pane.textCursor()
    cursor.setPosition(0)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfWord, QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    bar = pane.verticalScrollBar()
    assert bar.value() == 0
    qtbot.wait(20)
    bar.setValue(bar.maximum())  # the user scrolls down, far from the selection
    far = bar.value()
    assert far > 0
    clear_selection(pane)
    assert not pane.textCursor().hasSelection()
    assert bar.value() == far
    # And through the window: a click in the annotations list lets the selection go, the pane stays.
    cursor.setPosition(0)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfWord, QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    pane.setFocus()
    bar.setValue(far)
    view = window.annotations_panel.view
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.viewport().rect().center())
    qtbot.wait(20)
    assert bar.value() == far


# ---------------------------------------------------------------- messages


def test_the_unanswered_question_is_said_in_one_sentence():
    assert NOT_HIGHLIGHTED.count(".") == 1 and NOT_HIGHLIGHTED.endswith(".")


def test_pasting_lyrics_names_the_undo_shortcut_of_this_window(qtbot, empty_window):
    window = empty_window
    window.undo_action.setShortcut(QKeySequence("Alt+Backspace"))  # a user's own key
    QGuiApplication.clipboard().setText("An invented pasted line")
    click(qtbot, window.empty_song_hint.paste_button)
    keys = QKeySequence("Alt+Backspace").toString(QKeySequence.SequenceFormat.NativeText)
    assert window.statusBar().currentMessage() == f"Pasted the lyrics. {keys} undoes it."


def test_a_file_read_after_another_song_was_opened_changes_nothing(
    qtbot, empty_window, demo_path, tmp_path, monkeypatch
):
    window = empty_window
    lyrics = tmp_path / "late.txt"
    lyrics.write_text("Invented late line\n", encoding="utf-8")
    choose(monkeypatch, window, lyrics)
    window.files.import_lyrics_into_song()  # the file is being read off the GUI thread...
    window.session.select_song(next(s.id for s in window.session.songs() if s.id != window.song_id))
    qtbot.waitUntil(lambda: "was not imported" in window.statusBar().currentMessage())
    assert "Another song is open now" in window.statusBar().currentMessage()
    assert stored(demo_path, window.song_id).lyrics == ""
