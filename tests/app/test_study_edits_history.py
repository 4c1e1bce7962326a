"""Issue 19: the study tools' edits (corrections, translations, line times) belong to the session and share
its undo history's state: when an undo fails, none of them writes until the history is cleared."""

from __future__ import annotations

import pytest

from lyricpad.app.session import Session
from lyricpad.core.anchoring import anchor_for_lines
from lyricpad.core.store import Library

LYRICS = "first light\nsecond wind\nthird time\nfourth wall"


@pytest.fixture
def path(tmp_path):
    return tmp_path / "lib.sqlite"


@pytest.fixture
def song_id(path):
    with Library.open(path, seed_demo=False) as library:
        return library.songs.add("Study", lyrics=LYRICS).id


@pytest.fixture
def session(path, song_id):
    session = Session(Library.open(path, seed_demo=False))
    yield session
    session.close()


@pytest.fixture
def other(path, song_id):
    """Another program's connection to the same library."""
    library = Library.open(path, seed_demo=False)
    yield library
    library.close()


@pytest.fixture
def failures(session):
    messages: list[str] = []
    session.write_failed.connect(messages.append)
    return messages


def highlight(session, song_id) -> str:
    return session.annotation_edits.create(song_id, [anchor_for_lines(LYRICS, 1, 1)])


# Each study edit: (make the change, read what it changed from another connection).
STUDY_EDITS = {
    "correction": (
        lambda s, song: s.correction_edits.set(song, 2, "syllables", "5"),
        lambda lib, song: [(c.line, c.field, c.value) for c in lib.corrections.for_song(song)],
    ),
    "translation": (
        lambda s, song: s.translation_edits.store(song, ["eins", "zwei", "drei", "vier"], "de"),
        lambda lib, song: lib.translations.get(song) and lib.translations.get(song).lines,
    ),
    "line times": (
        lambda s, song: s.timing_edits.set_line_times(song, [[1000], [2000], [3000], [4000]], None),
        lambda lib, song: lib.songs.get(song).line_times,
    ),
}


def test_the_study_edits_are_the_session_s_own(session):
    context = session.annotation_edits._context
    for edits in (session.correction_edits, session.translation_edits, session.timing_edits):
        assert edits._context is context
    assert session.correction_edits.parent() is session and session.translation_edits.parent() is session


@pytest.mark.parametrize("kind", STUDY_EDITS)
def test_after_a_failed_undo_a_study_edit_s_undo_writes_nothing(
    session, song_id, other, failures, qtbot, kind
):
    change, read = STUDY_EDITS[kind]
    before = read(other, song_id)
    change(session, song_id)
    after = read(other, song_id)
    assert after != before
    annotation_id = highlight(session, song_id)
    other.snapshots.purge_annotation(annotation_id)  # another program erased it meanwhile

    stack = session.undo_stack
    stack.undo()  # the highlight's undo fails: the history no longer matches the library
    assert len(failures) == 1 and "cleared" in failures[0]
    stack.undo()  # the study edit's undo, before the history is cleared: nothing is written
    assert read(other, song_id) == after
    qtbot.waitUntil(lambda: stack.count() == 0)
    assert read(other, song_id) == after and len(failures) == 1
    change_again = highlight(session, song_id)  # the session goes on working
    assert change_again and stack.count() == 1


def test_a_correction_s_failed_undo_stops_the_other_edits_writing(session, song_id, other, failures, qtbot):
    annotation_id = highlight(session, song_id)
    session.correction_edits.set(song_id, 4, "syllables", "2")
    session.correction_edits.set(song_id, 4, "syllables", "3")
    other.songs.update(song_id, lyrics="first light\nsecond wind")  # another program cut line 4

    stack = session.undo_stack
    stack.undo()  # back to "2" on line 4: the song has no line 4 any more
    assert len(failures) == 1 and "no line 4" in failures[0] and "cleared" in failures[0]
    stack.undo()
    stack.undo()  # the highlight's undo: the history is broken, it must not erase the highlight
    assert other.annotations.get(annotation_id).deleted is False
    qtbot.waitUntil(lambda: stack.count() == 0)
    assert not other.annotations.get(annotation_id).deleted
