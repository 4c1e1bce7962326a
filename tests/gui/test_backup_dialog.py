"""File > Backups…: back up now, restore with confirmation (issue 7)."""

from __future__ import annotations

import pytest

from lyricpad.app.session import Session
from lyricpad.core.backup import list_backups
from lyricpad.core.store import Library
from lyricpad.gui.backup_dialog import BackupDialog


@pytest.fixture
def session(library_path):
    session = Session(Library.open(library_path))
    yield session
    session.close()


def test_back_up_now_lists_the_new_backup(qtbot, session):
    dialog = BackupDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 0 and not dialog.restore_button.isEnabled()
    dialog.backup_button.click()
    assert dialog.list.count() == 1 and dialog.restore_button.isEnabled()
    assert dialog.selected_backup() == list_backups(session.library_path)[0].path


def test_restore_asks_first_then_replaces_the_library_and_clears_undo(qtbot, session, monkeypatch):
    song = session.songs()[0]
    dialog = BackupDialog(session)
    qtbot.addWidget(dialog)
    dialog.backup_button.click()
    session.song_edits.update(song.id, title="Changed after the backup")
    assert session.undo_stack.count() == 1
    announced = []
    session.songs_changed.connect(lambda: announced.append("songs"))

    monkeypatch.setattr(BackupDialog, "confirm_restore", lambda self, backup: False)
    assert dialog.restore_selected() is None
    assert session.song(song.id).title == "Changed after the backup"

    monkeypatch.setattr(BackupDialog, "confirm_restore", lambda self, backup: True)
    safety = dialog.restore_selected()
    assert session.song(song.id).title == song.title
    assert session.undo_stack.count() == 0 and "songs" in announced
    with Library.open(safety) as before:
        assert before.songs.get(song.id).title == "Changed after the backup"
    assert dialog.list.count() == 2  # the backup of the state before is listed too
