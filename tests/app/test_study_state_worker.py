"""Issue 19 review: the study view's worker opens no connection, runs off the GUI thread for an in-memory
library too, and a newer request survives a failed one; a correction's redo keeps its id."""

from __future__ import annotations

import threading

import pytest

from lyricpad.app import study_state
from lyricpad.app.current_song import CurrentSong
from lyricpad.app.session import Session
from lyricpad.app.study_state import StudyState
from lyricpad.core.store import Library

LYRICS = "[Verse]\nthe night is long\nwe sing along"


def _state(session: Session) -> tuple[CurrentSong, StudyState]:
    current = CurrentSong(session)
    return current, StudyState(session, current, session.correction_edits)


@pytest.fixture
def memory_session():
    session = Session(Library.open(None, seed_demo=False))
    song_id = session.song_edits.add("Study", lyrics=LYRICS)
    session.select_song(song_id)
    yield session
    session.close()


@pytest.fixture
def file_session(tmp_path):
    session = Session(Library.open(tmp_path / "lib.sqlite", seed_demo=False))
    song_id = session.song_edits.add("Study", lyrics=LYRICS)
    session.select_song(song_id)
    yield session
    session.close()


def test_an_in_memory_library_is_studied_off_the_gui_thread(qtbot, memory_session, monkeypatch):
    threads = []
    real = study_state._compute
    monkeypatch.setattr(
        study_state, "_compute", lambda r: threads.append(threading.current_thread()) or real(r)
    )
    _current, state = _state(memory_session)
    state.set_enabled(True)
    qtbot.waitUntil(lambda: state.view is not None and not state.is_busy(), timeout=20_000)
    assert threads and threading.main_thread() not in threads


def test_the_study_job_opens_no_reader_connection(qtbot, file_session, monkeypatch):
    def refused(_library):
        raise AssertionError("the study view needs no connection of its own")

    monkeypatch.setattr(Library, "reader", refused)
    _current, state = _state(file_session)
    state.set_enabled(True)
    qtbot.waitUntil(
        lambda: (state.view is not None or bool(state.error)) and not state.is_busy(), timeout=20_000
    )
    assert state.error == "" and state.view.lines[1].text == "the night is long"


def test_a_newer_request_is_computed_after_a_failed_one(qtbot, file_session, monkeypatch):
    release = threading.Event()
    real = study_state._compute

    def failing(request):
        if "boom" in request.lyrics:
            release.wait(10)
            raise ValueError("no sound for boom")
        return real(request)

    monkeypatch.setattr(study_state, "_compute", failing)
    current, state = _state(file_session)
    file_session.song_edits.update(current.song_id, lyrics="boom\n" + LYRICS)
    state.set_enabled(True)
    qtbot.waitUntil(state.is_busy, timeout=5_000)
    file_session.song_edits.update(current.song_id, lyrics="calm\n" + LYRICS)  # waits for the failing one
    release.set()
    qtbot.waitUntil(lambda: state.view is not None and not state.is_busy(), timeout=20_000)
    assert state.view.lines[0].text == "calm" and state.error == ""


def test_redo_of_a_correction_keeps_its_id_and_created_time(file_session):
    song_id = file_session.library.songs.all()[0].id
    assert file_session.correction_edits.set(song_id, 2, "syllables", "9")
    (first,) = file_session.library.corrections.stored(song_id)
    file_session.undo_stack.undo()
    assert file_session.library.corrections.stored(song_id) == []
    file_session.undo_stack.redo()
    (again,) = file_session.library.corrections.stored(song_id)
    assert (again.id, again.created, again.value) == (first.id, first.created, "9")
    assert file_session.correction_edits.set(song_id, 2, "syllables", "7")
    file_session.undo_stack.undo()
    (back,) = file_session.library.corrections.stored(song_id)
    assert (back.id, back.created, back.value) == (first.id, first.created, "9")
