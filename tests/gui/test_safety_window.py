"""The window's side of never losing a note (issue 7): unsaved changes shown and kept, outside changes
shown, backups, a newer library read-only."""

from __future__ import annotations

import sqlite3

from library_testing import digests
from PySide6.QtGui import QCloseEvent

from lyricpad.core.anchoring import anchor_for_lines
from lyricpad.core.schema import SCHEMA_VERSION
from lyricpad.core.store import Library
from lyricpad.gui.backup_dialog import BackupDialog
from lyricpad.gui.main_window import MainWindow


def fill_the_disk(window: MainWindow) -> None:
    db = window.session._library.db
    db.execute(f"PRAGMA max_page_count = {db.execute('PRAGMA page_count').fetchone()[0]}")


def test_a_failed_save_is_shown_kept_and_saved_later(window, demo_path, dialogs, monkeypatch):
    song = window.session.songs()[0]
    fill_the_disk(window)
    window.lyrics_pane.setFocus()
    window.edit_lyrics_action.trigger()
    window.lyrics_pane.setPlainText(song.lyrics + "\n" + "a long new line of lyrics\n" * 3000)
    window.flush_edits()
    assert window.unsaved_label.isVisible() and "1 change not saved" in window.unsaved_label.text()
    assert "not saved yet" in window.notice_bar.text() and dialogs == []  # told without a modal box
    assert "a long new line" in window.lyrics_pane.toPlainText()  # still in the window
    # Quitting now asks; keeping the window open keeps the change.
    monkeypatch.setattr(MainWindow, "ask_unsaved_on_quit", lambda self: "cancel")
    event = QCloseEvent()
    window.closeEvent(event)
    assert not event.isAccepted()
    window.session._library.db.execute("PRAGMA max_page_count = 1073741823")
    assert window.session.safekeeping.retry_unsaved()
    assert not window.unsaved_label.isVisible()
    with Library.open(demo_path) as other:
        assert "a long new line" in other.songs.get(song.id).lyrics


def test_changes_from_another_process_appear_without_a_restart(window, demo_path, qtbot):
    song = window.session.songs()[0]
    with Library.open(demo_path) as other:
        other.songs.add("Imported from the command line")
        other.annotations.add(song.id, [anchor_for_lines(song.lyrics, 4, 4)], note="from the CLI")
    qtbot.waitUntil(
        lambda: (
            "Imported from the command line"
            in [window.sidebar.model.song_at(row).title for row in range(window.sidebar.model.rowCount())]
        ),
        timeout=5000,
    )
    qtbot.waitUntil(lambda: len(window.current_song.annotations()) == 7, timeout=5000)


def test_file_backups_opens_the_dialog(window, qtbot):
    dialog = window.open_backup_dialog()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, BackupDialog) and dialog.isVisible()
    assert window.backups_action in window.menuBar().actions()[0].menu().actions()


def test_a_newer_library_opens_read_only(open_window, demo_path, dialogs):
    conn = sqlite3.connect(demo_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = digests([demo_path])  # read by another process: this one holds the library
    window = open_window(demo_path)
    assert window.read_only_label.isVisible() and "(read-only)" in window.windowTitle()
    song = window.session.songs()[0]
    window.session.song_edits.update(song.id, title="Changed")
    assert any("newer lyricpad" in text for _, text in dialogs)
    window.close()
    assert digests([demo_path]) == before


def test_the_song_header_says_when_the_lyrics_are_being_edited(window):
    details = window.song_header.subtitle()
    window.edit_lyrics_action.trigger()
    assert window.song_header.subtitle().startswith("Editing the lyrics")
    window.edit_lyrics_action.trigger()
    assert window.song_header.subtitle() == details


def test_switching_songs_while_editing_the_lyrics_ends_the_editing_everywhere(window):
    other = window.session.song_edits.add("Second Song", artist="Someone", lyrics="one line\n")
    window.session.select_song(window.session.songs()[0].id)
    window.edit_lyrics_action.trigger()
    assert window.song_header.subtitle().startswith("Editing the lyrics")
    window.session.select_song(other)
    assert not window.lyrics_pane.is_editing()
    assert window.song_header.subtitle() == "Someone"
    assert not window.edit_lyrics_action.isChecked()
