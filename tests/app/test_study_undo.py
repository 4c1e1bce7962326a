"""Undo of a lyrics edit through the session puts the song's study corrections and translation back exactly."""

import pytest

from lyricpad.app.session import Session
from lyricpad.core.store import Library
from lyricpad.core.study import Correction

# Written for these tests.
LYRICS = "Salt on the window\nbread on the sill\nwe kept the kettle\nwarm on the hill"
TRANSLATION = ["Salz am Fenster", "Brot auf dem Sims", "wir hielten den Kessel", "warm auf dem Hügel"]


@pytest.fixture
def session(tmp_path):
    session = Session(Library.open(tmp_path / "library.sqlite", seed_demo=False))
    yield session
    session.close()


@pytest.fixture
def song_id(session):
    song_id = session.song_edits.add("Salt", lyrics=LYRICS)
    lib = session.library
    lib.corrections.set(song_id, 3, "syllables", "6")
    lib.translations.set(song_id, TRANSLATION, language="de")
    session.undo_stack.clear()
    return song_id


def test_undo_of_deleting_a_line_brings_back_its_correction_and_translation(session, song_id):
    lib = session.library
    session.song_edits.update(song_id, lyrics="Salt on the window\nbread on the sill\nwarm on the hill")
    assert lib.corrections.for_song(song_id) == []  # the corrected line is gone
    assert lib.translations.get(song_id).lines == [
        "Salz am Fenster",
        "Brot auf dem Sims",
        "warm auf dem Hügel",
    ]

    session.undo_stack.undo()

    assert lib.songs.get(song_id).lyrics == LYRICS
    assert lib.corrections.for_song(song_id) == [Correction(3, "syllables", "6")]
    assert lib.translations.get(song_id).lines == TRANSLATION  # the deleted line's translation, not a blank

    session.undo_stack.redo()
    assert lib.corrections.for_song(song_id) == []
    assert len(lib.translations.get(song_id).lines) == 3


def test_undo_of_inserting_lines_above_moves_the_correction_back(session, song_id):
    lib = session.library
    session.song_edits.update(song_id, lyrics="[Verse 1]\n" + LYRICS)
    assert lib.corrections.for_song(song_id) == [Correction(4, "syllables", "6")]
    assert lib.translations.get(song_id).lines == [""] + TRANSLATION

    session.undo_stack.undo()
    assert lib.corrections.for_song(song_id) == [Correction(3, "syllables", "6")]
    assert lib.translations.get(song_id).lines == TRANSLATION
