"""The song list model keeps songs tied in every sort key in the order they were added, as the library lists them."""

import dataclasses

import pytest

from lyricpad.app.session import Session
from lyricpad.app.song_list_model import SORT_ORDERS, SongListModel
from lyricpad.core.store import Library

STAMP = "2024-03-01T12:00:00.000+00:00"
# Ids sorting against the order of adding: a tie broken on the id would reverse them.
IDS = [
    "ffffffff-0000-4000-8000-000000000001",
    "88888888-0000-4000-8000-000000000002",
    "00000000-0000-4000-8000-000000000003",
]


@pytest.fixture
def session(qapp, tmp_path):
    library = Library.open(tmp_path / "ties.sqlite", seed_demo=False)
    for item_id in IDS:
        song = library.songs.add("Twin", artist="Same", item_id=item_id)
        library.snapshots.restore_song(dataclasses.replace(song, created=STAMP, updated=STAMP))
    library.songs.add("Another", artist="Other")
    session = Session(library)
    yield session
    session.close()


def rows(model):
    return [model.song_at(row).id for row in range(model.rowCount())]


@pytest.mark.parametrize("order", list(SORT_ORDERS))
@pytest.mark.parametrize("edited", IDS)
def test_an_edited_song_stays_among_its_twins_in_the_order_added(session, order, edited):
    model = SongListModel(session, order=order)
    assert [song_id for song_id in rows(model) if song_id in IDS] == IDS
    # A change that keeps every sort key ("updated" aside): the song is placed again by the model itself.
    session.song_edits.update(edited, album="Twins")
    if order == "updated":  # newest first: the edited song goes to the top, its twins keep their order
        expected = [edited, *(i for i in IDS if i != edited)]
    else:
        expected = IDS
    model.refresh_song(edited)
    assert [song_id for song_id in rows(model) if song_id in IDS] == expected
    assert rows(model) == [s.id for s in session.song_listing(order)]
