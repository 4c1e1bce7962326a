"""The song list model follows the session row by row; its proxy sorts and filters like people expect."""

import dataclasses
import time

import pytest
from PySide6.QtCore import Qt

from lyricpad.app.session import Session
from lyricpad.app.song_list_model import SONG_ID_ROLE, SORT_ORDERS, SongFilterProxyModel, SongListModel
from lyricpad.core.demo import DEMO_ARTIST, DEMO_TITLE
from lyricpad.core.store import Library
from lyricpad.core.store.common import now


@pytest.fixture
def session(qapp, tmp_path):
    library = Library.open(tmp_path / "l.sqlite")  # seeds the demo song
    songs = [
        library.songs.resolve(DEMO_TITLE),
        library.songs.add("paper Boats", artist="Wren Alder", album="Harbour Songs"),
        library.songs.add("Éclair", artist="Zoë Marchand", album="Nocturnes", year=2019),
        library.songs.add("Zebra Crossing"),
    ]
    # The demo first, then the others in order, a day apart (within one millisecond they would tie).
    for day, song in enumerate(songs, start=1):
        stamp = f"2024-01-{day:02d}T12:00:00.000+00:00"
        library.snapshots.restore_song(dataclasses.replace(song, created=stamp, updated=stamp))
    session = Session(library)
    yield session
    session.close()


@pytest.fixture
def model(session):
    return SongListModel(session)


@pytest.fixture
def proxy(model):
    proxy = SongFilterProxyModel()
    proxy.setSourceModel(model)
    return proxy


def song_id(session, title):
    return session.resolve_song(title).id


def titles(proxy):
    return [proxy.index(row, 0).data(Qt.ItemDataRole.EditRole) for row in range(proxy.rowCount())]


class Spy:
    """Counts the structure signals of a model."""

    NAMES = ("modelReset", "layoutChanged", "rowsInserted", "rowsRemoved", "dataChanged")

    def __init__(self, model):
        self.seen = {name: [] for name in self.NAMES}
        for name in self.NAMES:
            getattr(model, name).connect(lambda *args, name=name: self.seen[name].append(args))

    def count(self, name):
        return len(self.seen[name])


def test_rows_show_title_and_artist_and_carry_the_id(session, model):
    demo = session.resolve_song(DEMO_TITLE)
    index = model.index(model.row_of(demo.id), 0)
    assert index.data() == f"{DEMO_TITLE} — {DEMO_ARTIST}"
    assert index.data(Qt.ItemDataRole.EditRole) == DEMO_TITLE
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == index.data()
    assert index.data(SONG_ID_ROLE) == demo.id
    assert index.flags() & Qt.ItemFlag.ItemIsEditable
    eclair = model.index(model.row_of(song_id(session, "Éclair")), 0)
    assert eclair.data(Qt.ItemDataRole.ToolTipRole) == "Éclair — Zoë Marchand\nNocturnes (2019)"
    zebra = model.index(model.row_of(song_id(session, "Zebra Crossing")), 0)
    assert zebra.data() == "Zebra Crossing"
    assert model.row_of("no-such-id") == -1


def test_set_data_writes_nothing(session, model):
    index = model.index(0, 0)
    before = session.songs()
    assert not model.setData(index, "Renamed", Qt.ItemDataRole.EditRole)
    assert session.songs() == before


def test_sync_inserts_and_removes_rows_without_a_reset(session, model):
    spy = Spy(model)
    new_id = session.song_edits.add("Night Ferry", artist="Wren Alder")
    model.sync()
    assert model.row_of(new_id) == 2  # in title order, as the library lists the songs
    assert [model.song_at(r).id for r in range(5)] == [s.id for s in session.song_listing()]
    assert spy.count("rowsInserted") == 1
    session.song_edits.delete(song_id(session, "Zebra Crossing"))
    model.sync()
    assert model.rowCount() == 4
    assert spy.count("rowsRemoved") == 1
    assert spy.count("modelReset") == 0
    assert {model.song_at(r).id for r in range(4)} == {s.id for s in session.songs()}


def test_one_changed_song_is_one_data_change(session, model):
    spy = Spy(model)
    paper = song_id(session, "paper Boats")
    session.song_edits.update(paper, artist="Wren Alder & the Tide")
    model.refresh_song(paper)
    model.sync()  # what songs_changed then asks for: nothing more is different
    assert spy.count("dataChanged") == 1
    (top_left, bottom_right, roles) = spy.seen["dataChanged"][0]
    assert top_left.row() == bottom_right.row() == model.row_of(paper)
    assert roles == []  # every role: the proxy sorts and filters the row again
    assert model.index(model.row_of(paper), 0).data() == "paper Boats — Wren Alder & the Tide"
    assert spy.count("modelReset") == spy.count("rowsInserted") == spy.count("rowsRemoved") == 0


def test_refresh_song_follows_a_song_into_and_out_of_the_trash(session, model):
    paper = song_id(session, "paper Boats")
    session.song_edits.delete(paper)
    model.refresh_song(paper)
    assert model.row_of(paper) == -1
    model.refresh_song(paper)  # still trashed: nothing to do
    session.undo_stack.undo()
    model.refresh_song(paper)
    assert model.row_of(paper) >= 0
    model.refresh_song("no-such-id")
    assert model.rowCount() == 4


def test_title_order_ignores_case_and_accents(proxy):
    assert titles(proxy) == ["Éclair", DEMO_TITLE, "paper Boats", "Zebra Crossing"]


def test_artist_order_puts_songs_without_an_artist_last(proxy):
    proxy.set_sort_order("artist")
    assert titles(proxy) == [DEMO_TITLE, "paper Boats", "Éclair", "Zebra Crossing"]


def test_recent_orders_put_the_newest_first(session, model, proxy):
    proxy.set_sort_order("created")
    assert titles(proxy) == ["Zebra Crossing", "Éclair", "paper Boats", DEMO_TITLE]
    proxy.set_sort_order("updated")
    demo = song_id(session, DEMO_TITLE)
    session.song_edits.update(demo, album="Lantern Songs")
    model.refresh_song(demo)
    assert titles(proxy)[0] == DEMO_TITLE  # re-sorted as the data changed


def test_unknown_sort_order_is_refused(proxy):
    with pytest.raises(ValueError):
        proxy.set_sort_order("colour")
    assert proxy.sort_order() == "title"
    assert set(SORT_ORDERS) == {"title", "artist", "updated", "created"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ["Éclair", DEMO_TITLE, "paper Boats", "Zebra Crossing"]),
        ("eclair", ["Éclair"]),
        ("ÉCLAIR", ["Éclair"]),
        ("zoe", ["Éclair"]),  # artist
        ("nocturnes", ["Éclair"]),  # album
        ("harbour", ["paper Boats"]),
        ("wren paper", ["paper Boats"]),  # every word, anywhere
        ("wren zebra", []),
        ("  boats  ", ["paper Boats"]),
        ("o", [DEMO_TITLE]),  # the start of a word ("on"), as the library search reads it
        ("boa", ["paper Boats"]),
        ('"paper boats"', ["paper Boats"]),  # a phrase
        ('"boats paper"', []),
        ('"', ["Éclair", DEMO_TITLE, "paper Boats", "Zebra Crossing"]),  # nothing searchable: every song
    ],
)
def test_filter_matches_title_artist_and_album_without_case_or_accents(proxy, text, expected):
    proxy.set_filter_text(text)
    assert titles(proxy) == expected
    assert proxy.filter_text() == text


def test_refresh_song_moves_a_song_to_its_new_place_in_one_layout_change(session, model):
    spy = Spy(model)
    paper = song_id(session, "paper Boats")
    session.song_edits.update(paper, title="Aardvark")
    model.refresh_song(paper)
    assert model.row_of(paper) == 0
    assert [model.song_at(r).id for r in range(4)] == [s.id for s in session.song_listing()]
    assert spy.count("layoutChanged") == 1 and spy.count("dataChanged") == 1
    assert spy.count("modelReset") == spy.count("rowsInserted") == spy.count("rowsRemoved") == 0
    model.set_order("updated")
    zebra = song_id(session, "Zebra Crossing")
    edited = session.song(paper).updated
    while now() == edited:  # stamps are milliseconds: in the same one, the title would order the two
        time.sleep(0.001)
    session.song_edits.update(zebra, album="Crossings")
    model.refresh_song(zebra)
    assert [model.song_at(r).id for r in range(4)] == [s.id for s in session.song_listing("updated")]
    assert model.row_of(zebra) == 0
