"""A library of 10,000 songs: the window lists them in order, and an annotation edit never reads the song list."""

import re

import pytest
from helpers.big_library import build_big_library
from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from lyricpad.core.store import Library
from lyricpad.core.text import sort_key

# A statement that reads songs in bulk: any SELECT from songs but one row by id, or a count.
_WHOLESALE = re.compile(r"\bFROM songs\b(?!\s+WHERE id = )", re.IGNORECASE)


@pytest.fixture(scope="module")
def big_path(tmp_path_factory):
    return build_big_library(tmp_path_factory.mktemp("big") / "big.sqlite", songs=10_000, annotations=20_000)


@pytest.fixture
def big_window(open_window, big_path, tmp_path):
    copy = tmp_path / "big.sqlite"
    with Library.open(big_path) as library:
        library.db.execute("VACUUM INTO ?", [str(copy)])
    return open_window(copy)


def title_order(songs):
    return [
        s.id for s in sorted(songs, key=lambda s: (sort_key(s.title), sort_key(s.artist), s.created, s.id))
    ]


def test_the_sidebar_lists_ten_thousand_songs_in_order(big_window):
    session = big_window.session
    sidebar = big_window.sidebar
    assert sidebar.visible_song_ids() == title_order(session.library.songs.all())
    sidebar.set_sort_order("artist")
    artist = [
        s.id
        for s in sorted(
            session.library.songs.all(),
            key=lambda s: (not s.artist, sort_key(s.artist), sort_key(s.title), s.created, s.id),
        )
    ]
    assert sidebar.visible_song_ids() == artist


def test_an_annotation_edit_reads_no_song_list(big_window, qtbot):
    session = big_window.session
    song_id = session.current_song_id
    annotation = session.annotations(song_id)[0]
    lenses = session.lenses()
    statements = []
    session.library.db.conn.set_trace_callback(statements.append)
    try:
        session.annotation_edits.set_lens(annotation.id, lenses[-1].id)
        session.annotation_edits.edit_note(annotation.id, "a new note")
        session.undo_stack.undo()
        qtbot.wait(10)
    finally:
        session.library.db.conn.set_trace_callback(None)
    assert session.annotation(annotation.id).lens.id == lenses[-1].id
    bulk = [s for s in statements if _WHOLESALE.search(s) and not re.search(r"count\(\*\)", s, re.IGNORECASE)]
    assert bulk == []
    assert not any("FROM songs" in s for s in statements)  # the status bar's count too is not asked again


def test_the_status_bar_counts_songs_as_they_come_and_go(big_window):
    session = big_window.session
    label = big_window._counts_label
    assert label.text().startswith("10000 songs  │  this song: 0 articles, 2 annotations")
    song_id = session.song_edits.add("One more")
    assert label.text().startswith("10001 songs")
    session.song_edits.delete(song_id)
    session.song_edits.delete(session.song_listing()[0].id)
    assert label.text().startswith("9999 songs")
    session.undo_stack.undo()
    assert label.text().startswith("10000 songs")


def test_a_renamed_song_moves_to_its_place(big_window, qtbot):
    session = big_window.session
    sidebar = big_window.sidebar
    song_id = sidebar.visible_song_ids()[5000]
    session.song_edits.update(song_id, title="Aaaa first of all")
    assert sidebar.visible_song_ids()[0] == song_id
    assert sidebar.visible_song_ids() == title_order(session.library.songs.all())
    assert sidebar.selected_song_id() == session.current_song_id  # the open song stays selected


def test_the_open_song_is_scrolled_into_sight_once_its_rows_are_laid_out(big_window, qtbot):
    sidebar = big_window.sidebar
    view = sidebar.list_view
    big_window.library_dock.show()
    last = sidebar.visible_song_ids()[-1]
    big_window.session.select_song(last)
    qtbot.waitUntil(
        lambda: view.viewport().rect().intersects(view.visualRect(view.currentIndex())), timeout=20_000
    )
    assert view.currentIndex().data(Qt.ItemDataRole.UserRole + 1) == last


@pytest.mark.parametrize(
    "text",
    [
        "Short",
        "Éclair — Zoë",
        "A title long enough to wrap onto a second line in a narrow song list — Artist",
        "日本語 — 歌",
    ],
)
def test_rows_are_as_high_as_qt_would_make_them(big_window, text):
    view = big_window.sidebar.list_view
    delegate = big_window.sidebar.title_delegate
    model = QStringListModel([text])  # kept: an index outlives no model
    index = model.index(0, 0)
    for width in (0, 120, 200, 400):
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.rect.setWidth(width)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        option.widget = view
        exact = QStyledItemDelegate.sizeHint(delegate, option, index)
        assert delegate.sizeHint(option, index).height() == exact.height(), width


def test_the_song_list_is_read_once_at_start_in_the_saved_order(open_window, big_path, tmp_path, monkeypatch):
    from lyricpad.app.session import Session
    from lyricpad.app.settings import Settings

    Settings().set_sort_order("artist")
    reads = []
    real = Session.song_listing

    def listing(session, order="title"):
        reads.append(order)
        return real(session, order)

    monkeypatch.setattr(Session, "song_listing", listing)
    copy = tmp_path / "big.sqlite"
    with Library.open(big_path) as library:
        library.db.execute("VACUUM INTO ?", [str(copy)])
    window = open_window(copy)
    assert reads == ["artist"]
    assert window.sidebar.sort_order() == "artist"
    assert window.sidebar.visible_song_ids() == [s.id for s in window.session.song_listing("artist")]
