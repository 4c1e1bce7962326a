"""Songs equal in every sort key are listed in the order they were added (as lyricpad always listed them),
and lyric lines are counted by SQLite as `LineIndex` counts them, a NUL included."""

import dataclasses
import json

import pytest

from lyricpad.core.store import Library
from lyricpad.core.store.songs import SONG_ORDERS
from lyricpad.core.text import LineIndex

STAMP = "2024-03-01T12:00:00.000+00:00"
# Ids sorting against the order of adding, so an order that fell back on the id would show.
IDS = ["ffffffff-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"]


def add_twins(lib: Library) -> list[str]:
    """Two songs with the same title, artist and creation time, added in the order of `IDS`."""
    for item_id in IDS:
        song = lib.songs.add("Twin", artist="Same", item_id=item_id, lyrics=f"lyrics of {item_id[:4]}")
        lib.snapshots.restore_song(dataclasses.replace(song, created=STAMP, updated=STAMP))
    return IDS


@pytest.mark.parametrize("order", list(SONG_ORDERS))
def test_tied_songs_are_listed_in_the_order_they_were_added(empty_library, order):
    add_twins(empty_library)
    assert [s.id for s in empty_library.songs.listing(order)] == IDS
    assert [s.id for s in empty_library.songs.listing(order, line_counts=True)] == IDS


def test_every_song_of_all_is_in_the_order_added_when_tied(empty_library):
    add_twins(empty_library)
    assert [s.id for s in empty_library.songs.all()] == IDS


def test_songs_json_lists_tied_songs_in_the_order_added(library_path, cli):
    with Library.open(library_path, seed_demo=False) as lib:
        add_twins(lib)
    code, out, err = cli("songs", "--json")
    assert code == 0, err
    songs = json.loads(out)
    assert [s["id"] for s in songs] == IDS
    assert "n" not in songs[0]  # the row number is the library's own, not part of the song


@pytest.mark.parametrize(
    "lyrics", ["a\x00b\nc", "\x00", "a\n\x00\n", "é\x00ü\n\nx", "\x00\n\x00", "plain\ntext", "", "one"]
)
def test_line_counts_in_sql_agree_with_line_index_even_with_a_nul(empty_library, lyrics):
    song = empty_library.songs.add("Nul", lyrics=lyrics)
    stored = empty_library.songs.get(song.id).lyrics
    assert stored == lyrics  # the store keeps a NUL in lyrics (so the count must survive it)
    (listed,) = empty_library.songs.listing(line_counts=True)
    assert listed.line_count == (LineIndex(stored).line_count if stored else 0)
    assert listed.to_json() == song.to_json() | {"updated": listed.updated}
