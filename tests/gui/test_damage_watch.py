"""The window checks the whole library in the background after its first paint (issue 18).

Opening no longer reads every page; the window's background check does, on a connection of its
own. Damage it finds makes the library read-only at once, and offers the same ways out as at
start; a way out chosen closes the window, is taken once the library is closed, and leaves a
usable library with the damaged file kept aside, byte for byte.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from library_testing import damage_in_place

from lyricpad.app.session import Session
from lyricpad.app.settings import Settings
from lyricpad.core.backup import make_backup
from lyricpad.core.store import Library
from lyricpad.gui.damage_watch import DamageWatch, recover_chosen
from lyricpad.gui.damaged_dialog import NEW, DamagedLibraryDialog
from lyricpad.gui.launch import initial_song
from lyricpad.gui.main_window import MainWindow


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def damaged(library_path):
    """A library with a backup, whose quote-links table is then damaged where opening never reads."""
    with Library.open(library_path) as lib:
        make_backup(lib, reason="auto")
    damage_in_place(library_path, "quote_link_texts")
    return library_path


@pytest.fixture
def open_watched(qtbot):
    """Open the window with its background check, as `lyricpad --library PATH` does."""
    sessions = []

    def open_(path):
        session = Session.open(path)
        sessions.append(session)
        window = MainWindow(session, Settings())
        qtbot.addWidget(window)
        session.select_song(initial_song(session, None, Settings()))
        watch = DamageWatch(window)
        window.show()
        qtbot.waitUntil(lambda: watch.checked or bool(watch.damage), timeout=15000)
        return window, watch

    yield open_
    for session in sessions:
        session.close()


def test_a_sound_library_is_checked_after_the_first_paint_and_stays_writable(
    qtbot, open_watched, library_path, dialogs, monkeypatch
):
    monkeypatch.setattr(DamagedLibraryDialog, "exec", lambda dialog: pytest.fail("damage reported"))
    Library.open(library_path).close()
    window, watch = open_watched(library_path)
    assert watch.checked and watch.damage == "" and not window.session.read_only


def test_damage_found_in_the_background_stops_writes_and_offers_the_ways_out(
    qtbot, open_watched, damaged, dialogs, monkeypatch
):
    offered = []

    def keep_reading(dialog):
        offered.append((dialog.path, dialog.backup_combo.count(), dialog.windowTitle()))
        return DamagedLibraryDialog.DialogCode.Rejected

    monkeypatch.setattr(DamagedLibraryDialog, "exec", keep_reading)
    before = sha256(damaged)
    window, watch = open_watched(damaged)
    assert "is damaged" in watch.damage and str(damaged) in watch.damage
    assert offered == [(damaged, 1, "lyricpad — the library is damaged")]
    session = window.session
    assert session.read_only and window.read_only_label.isVisible()
    refused = []
    session.write_failed.connect(refused.append)
    song = session.songs()[0]
    session.song_edits.update(song.id, title="Retitled")  # refused: nothing is written any more
    assert refused and "damaged" in refused[-1]
    assert session.song(song.id).title == song.title
    assert watch.recovery is None and window.isVisible()  # kept open, read-only
    session.close()
    assert sha256(damaged) == before


def test_a_way_out_chosen_closes_the_window_and_is_taken_once_the_library_is_closed(
    qtbot, open_watched, damaged, dialogs, monkeypatch
):
    monkeypatch.setattr(DamagedLibraryDialog, "exec", lambda dialog: DamagedLibraryDialog.DialogCode.Accepted)
    monkeypatch.setattr(DamagedLibraryDialog, "choice", lambda dialog: NEW)
    before = sha256(damaged)
    window, watch = open_watched(damaged)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert watch.recovery[0] == NEW  # the choice is carried out once the library is closed, below
    window.session.close()
    assert recover_chosen(damaged, watch) is True
    (aside,) = damaged.parent.glob("library-damaged-*.sqlite")
    assert sha256(aside) == before  # kept, byte for byte
    with Library.open(damaged) as lib:
        assert len(lib.songs.all()) == 1  # a new library: the demo song
    assert any("new library" in text for _, text in dialogs)


def test_the_search_index_is_checked_off_the_gui_thread_and_a_damaged_one_is_mended(
    qtbot, library_path, dialogs
):
    from library_testing import damage_search_index

    with Library.open(library_path) as lib:
        damage_search_index(lib, "annotations")
        assert lib.search.problems()
    session = Session.open(library_path)
    try:
        on_the_gui_thread: list[str] = []
        session.library.db.conn.set_trace_callback(on_the_gui_thread.append)
        told = []
        session.library_repaired.connect(told.append)
        window = MainWindow(session, Settings())
        qtbot.addWidget(window)
        session.select_song(initial_song(session, None, Settings()))
        watch = DamageWatch(window)
        window.show()
        qtbot.waitUntil(lambda: watch.index_checked, timeout=15000)
        qtbot.waitUntil(lambda: bool(told), timeout=15000)
        assert "search index was damaged" in told[0]
        checks = [s for s in on_the_gui_thread if "integrity-check" in s or "integrity_check" in s]
        assert checks == []  # the checks ran on the worker's connections
        assert session.library.search.problems() == {}  # rebuilt (the rebuild itself is on the GUI thread)
    finally:
        session.close()


def test_the_background_check_s_sound_result_lets_saves_go_without_checking_again(
    qtbot, open_watched, library_path, dialogs
):
    Library.open(library_path).close()
    window, watch = open_watched(library_path)
    assert watch.damage == "" and window.session.library.gate.open
    on_the_gui_thread: list[str] = []
    window.session.library.db.conn.set_trace_callback(on_the_gui_thread.append)
    song = window.session.songs()[0]
    window.session.song_edits.update(song.id, title="Retitled")
    assert window.session.song(song.id).title == "Retitled"
    assert not [s for s in on_the_gui_thread if "integrity_check" in s]


def test_a_save_before_the_background_check_checks_the_file_itself(qtbot, damaged, dialogs):
    """Never a write into a file not checked: a change made before the window's check has run
    (or after it failed or was cancelled) waits for a check of its own, and a damaged file refuses it."""
    before = sha256(damaged)
    session = Session.open(damaged)
    try:
        kept = []
        session.change_kept.connect(kept.append)
        song = session.songs()[0]
        session.song_edits.update(song.id, title="Retitled")  # kept in the window, not written
        assert kept and "not saved" in kept[-1] and f"{damaged} is damaged" in kept[-1]
        assert session.song(song.id).title == song.title
    finally:
        session.close()
    assert sha256(damaged) == before
