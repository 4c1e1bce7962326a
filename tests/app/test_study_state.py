"""Issue 19: the study view of the current song, computed off the GUI thread, following lyrics and corrections."""

from __future__ import annotations

import threading

import pytest

from lyricpad.app import study_state
from lyricpad.app.current_song import CurrentSong
from lyricpad.app.session import Session
from lyricpad.app.study_state import StudyState
from lyricpad.core.store import Library

LYRICS = "[Verse]\nthe night is long\nwe sing along\n\n[Chorus]\nlight the way\nevery day"


@pytest.fixture
def session(tmp_path):
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as library:
        song = library.songs.add("Study", lyrics=LYRICS)
    session = Session.open(path)
    session.select_song(song.id)
    yield session
    session.close()


@pytest.fixture
def parts(session):
    current = CurrentSong(session)
    corrections = session.correction_edits
    state = StudyState(session, current, corrections)
    return current, corrections, state


def computed(qtbot, state):
    qtbot.waitUntil(lambda: state.view is not None and not state.is_busy(), timeout=20_000)
    return state.view


def test_nothing_is_computed_while_off(qtbot, parts):
    _current, _corrections, state = parts
    assert state.view is None and not state.is_busy()
    state.set_enabled(True)
    view = computed(qtbot, state)
    assert [line.kind for line in view.lines][:2] == ["header", "lyric"]
    state.set_enabled(False)
    assert state.view is None


def test_computed_on_a_worker_thread(qtbot, parts, monkeypatch):
    _current, _corrections, state = parts
    threads = []
    real = study_state._compute

    def watched(request):
        threads.append(threading.current_thread())
        return real(request)

    monkeypatch.setattr(study_state, "_compute", watched)
    with qtbot.waitSignal(
        state.study_changed, timeout=20_000, check_params_cb=lambda: state.view is not None
    ):
        state.set_enabled(True)
    computed(qtbot, state)
    assert threads and all(t is not threading.main_thread() for t in threads)


def test_follows_lyrics_edits_and_corrections_with_undo(qtbot, session, parts):
    current, corrections, state = parts
    state.set_enabled(True)
    view = computed(qtbot, state)
    syllables = view.lines[1].syllables
    assert corrections.set(current.song_id, 2, "syllables", "9")
    qtbot.waitUntil(lambda: state.view.lines[1].syllables == 9 and not state.is_busy())
    assert state.computed.lines[1].syllables == syllables  # the tooltip's "computed" value
    assert session.undo_stack.undoText() == "Correct Syllables"
    assert not corrections.set(current.song_id, 2, "syllables", "9")  # the same again: no step
    session.undo_stack.undo()
    qtbot.waitUntil(lambda: state.view.lines[1].syllables == syllables and not state.is_busy())
    session.undo_stack.redo()
    qtbot.waitUntil(lambda: state.view.lines[1].syllables == 9 and not state.is_busy())
    session.song_edits.update(current.song_id, lyrics="new first line\n" + LYRICS)
    # The correction followed its line (now line 3), and the view was computed again.
    qtbot.waitUntil(lambda: len(state.view.lines) == 8 and not state.is_busy())
    assert state.view.lines[2].syllables == 9 and "syllables" in state.view.lines[2].corrected


def test_only_the_newest_request_is_shown(qtbot, session, parts):
    current, _corrections, state = parts
    state.set_enabled(True)
    # Three changes before the first result arrives: the view ends on the last lyrics.
    for n in range(3):
        session.song_edits.update(current.song_id, lyrics=f"line {n}\n" + LYRICS)
    qtbot.waitUntil(lambda: not state.is_busy() and state.view is not None, timeout=20_000)
    qtbot.waitUntil(lambda: state.view.lines[0].text == "line 2", timeout=20_000)


def test_no_song_no_view(qtbot, session, parts):
    _current, _corrections, state = parts
    state.set_enabled(True)
    computed(qtbot, state)
    session.select_song("")
    assert state.view is None
