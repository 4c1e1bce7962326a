"""annotations.add(time_ms=...): a note made about a moment of the song keeps it; a bad time is refused."""

import pytest

from lyricpad.core.anchoring import anchor_for_lines
from lyricpad.core.errors import InvalidValue


def test_a_note_is_made_with_its_time(library):
    (song,) = library.songs.all()
    made = library.annotations.add(
        song.id, [anchor_for_lines(song.lyrics, 2, 2)], note="drums", time_ms=83_450
    )
    assert made.time_ms == 83_450 and library.annotations.get(made.id).time_ms == 83_450
    plain = library.annotations.add(song.id, [anchor_for_lines(song.lyrics, 3, 3)])
    assert plain.time_ms is None


@pytest.mark.parametrize("bad", [-1, True, 1.5, "1:23"])
def test_a_time_that_is_not_milliseconds_is_refused_and_nothing_is_made(library, bad):
    (song,) = library.songs.all()
    before = len(library.annotations.for_song(song.id))
    with pytest.raises(InvalidValue):
        library.annotations.add(song.id, [anchor_for_lines(song.lyrics, 2, 2)], time_ms=bad)
    assert len(library.annotations.for_song(song.id)) == before
