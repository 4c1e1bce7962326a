"""File > Check Library…: checked off the GUI thread, the problems shown, Repair mends them (issue 12)."""

from __future__ import annotations

import threading
import time

import pytest
from library_testing import damage_note_and_anchor as damage
from PySide6.QtCore import Qt, QTimer

from lyricpad.app.session import Session
from lyricpad.core import check
from lyricpad.core.backup import list_backups
from lyricpad.core.demo import DEMO_TITLE
from lyricpad.core.store import Library
from lyricpad.gui.check_dialog import CheckDialog


@pytest.fixture
def damaged_path(library_path):
    with Library.open(library_path) as lib:
        damage(lib)
    return library_path


@pytest.fixture
def session(damaged_path):
    session = Session(Library.open(damaged_path))
    yield session
    session.close()


def open_dialog(qtbot, session) -> CheckDialog:
    dialog = CheckDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    return dialog


def test_the_dialog_shows_the_problems_and_repair_mends_them(qtbot, session):
    song = session.resolve_song(DEMO_TITLE)
    session.select_song(song.id)
    session.song_edits.update(song.id, album="An album")  # something to undo
    assert session.undo_stack.count() == 1
    announced = []
    session.annotations_changed.connect(lambda song_id, ids: announced.append(song_id))

    dialog = open_dialog(qtbot, session)
    text = dialog.report_view.toPlainText()
    assert "2 problems found" in dialog.status_label.text()
    assert "Search index out of step with the library: 1" in text
    assert "Highlights that are not on their words: 1" in text
    assert dialog.repair_button.isVisible() and dialog.repair_button.isEnabled()
    assert dialog.repair_button.isDefault() and not dialog.cancel_button.isVisible()

    dialog.repair_button.click()
    assert dialog.repair_result is not None
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.report.ok and not dialog.repair_button.isVisible()
    assert dialog.close_button.isDefault()
    text = dialog.report_view.toPlainText()
    assert "Backed up the library first" in text and "Checked again: No problems found" in text
    assert [b.reason for b in list_backups(session.library_path)] == ["repair"]
    assert [hit["kind"] for hit in session.library.search.find("zebra")] == ["note"]
    assert session.undo_stack.count() == 0 and song.id in announced


def test_enter_repairs_and_esc_closes(qtbot, session):
    dialog = open_dialog(qtbot, session)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.repair_result is not None
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.report.ok
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_check_runs_off_the_gui_thread_and_the_window_stays_responsive(qtbot, session, monkeypatch):
    real = check.check_library
    threads = []

    def slow_check(library, progress=None):
        # The thread's identity, not QThread.currentThread(): a Python wrapper of a pool's QThread
        # outlives the thread, and a widget made later at the same address is then handed out as
        # that stale 'QThread' wrapper (seen as "'QThread' object has no attribute ..." in later tests).
        threads.append(threading.get_ident())
        time.sleep(0.5)
        return real(library, progress)

    monkeypatch.setattr(check, "check_library", slow_check)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    dialog = open_dialog(qtbot, session)
    timer.stop()
    assert threads and threads[0] != threading.main_thread().ident
    assert len(ticks) >= 2  # the event loop ran while the worker checked
    assert not dialog.report.ok


def test_cancel_stops_a_running_check_and_closes(qtbot, session, monkeypatch):
    release = threading.Event()
    real = check.check_library

    def waiting_check(library, progress=None):
        def wait_then(done, total):
            release.wait(5)
            if progress is not None:
                progress(done, total)

        return real(library, wait_then)

    monkeypatch.setattr(check, "check_library", waiting_check)
    dialog = CheckDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.is_checking() and dialog.cancel_button.isVisible() and dialog.progress.isVisible()
    assert dialog.cancel_button.isDefault()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    release.set()
    qtbot.waitUntil(lambda: not dialog.is_checking(), timeout=10000)
    assert dialog.report is None and "cancelled" in dialog.status_label.text()


def test_a_repair_waits_for_unsaved_changes(qtbot, session):
    dialog = open_dialog(qtbot, session)
    song = session.songs()[0]
    session.library.db.execute("PRAGMA query_only = 1")  # the library cannot be written for now
    session.song_edits.update(song.id, title="Renamed while the disk was full")
    assert session.safekeeping.retryable_count == 1
    assert dialog.repair() is None
    assert "not repaired" in dialog.status_label.text() and dialog.repair_button.isEnabled()
    assert list_backups(session.library_path) == []
    session.library.db.execute("PRAGMA query_only = 0")
    assert dialog.repair() is not None  # once it is saved, the repair goes ahead
    assert session.song(song.id).title == "Renamed while the disk was full"


def test_file_check_library_comes_after_backups(qtbot, open_window, damaged_path, dialogs):
    window = open_window(damaged_path)
    actions = window.menuBar().actions()[0].menu().actions()
    assert actions[actions.index(window.backups_action) + 1] is window.check_action
    assert window.check_action.text() == "&Check Library…"
    dialog = window.open_check_dialog()
    assert dialog.isModal() and dialog.parent() is window
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert len(dialog.report.problems) == 2
    dialog.repair_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.report.ok and dialogs == []
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
