"""Snapshots for undo and redo: items written back exactly, or erased for good."""

import sqlite3

import pytest
from library_testing import fts_integrity_check, kinds

from lyricpad.core.anchoring import anchor_for_lines, anchors_for_quote
from lyricpad.core.errors import InvalidValue, LyricpadError

# ------------------------------------------------- snapshots for undo and redo


def test_an_annotation_snapshot_comes_back_exactly_after_a_purge(empty_library):
    lib = empty_library
    song = lib.songs.add("S", lyrics="a line\nthe chorus\nb line\nthe chorus")
    made = lib.annotations.add(
        song.id,
        anchors_for_quote(song.lyrics, "the chorus", None),
        lens_id=lib.lenses.resolve("Imagery").id,
        note="a *note* about otters",
        tags=["echo", "Two Words"],
    )
    lib.snapshots.purge_annotation(made.id)
    assert lib.annotations.for_song(song.id, include_deleted=True) == []
    assert lib.db.execute("SELECT count(*) FROM fragments").fetchone()[0] == 0
    assert lib.search.find("otters") == []

    lib.snapshots.restore_annotation(made)
    assert lib.annotations.get(made.id) == made  # same id, times, fragments, tags, lens
    assert kinds(lib, "otters") == {"note"}
    fts_integrity_check(lib)


def test_an_annotation_snapshot_overwrites_later_changes(empty_library):
    lib = empty_library
    song = lib.songs.add("S", lyrics="one\ntwo")
    made = lib.annotations.add(song.id, [anchor_for_lines(song.lyrics, 1, 1)], tags=["a"])
    lib.annotations.set_note(made.id, "later")
    lib.annotations.set_tags(made.id, ["b", "c"])
    lib.annotations.set_deleted(made.id)
    lib.snapshots.restore_annotation(made)
    assert lib.annotations.get(made.id) == made
    fts_integrity_check(lib)


@pytest.mark.parametrize(
    "purge,error",
    [
        ("purge_annotation", "AnnotationNotFound"),
        ("purge_song", "SongNotFound"),
        ("purge_article", "ArticleNotFound"),
    ],
)
def test_purging_something_missing_is_refused(empty_library, purge, error):
    with pytest.raises(LyricpadError) as raised:
        getattr(empty_library.snapshots, purge)("missing")
    assert type(raised.value).__name__ == error and "missing" in str(raised.value)


def test_songs_go_to_the_trash_and_come_back(empty_library):
    lib = empty_library
    song = lib.songs.add("S", lyrics="one\ntwo")
    lib.annotations.add(song.id, [anchor_for_lines(song.lyrics, 1, 1)])
    trashed = lib.songs.set_deleted(song.id)
    assert trashed.deleted and lib.songs.all() == []
    assert len(lib.annotations.for_song(song.id)) == 1  # kept with the song
    assert not lib.songs.set_deleted(song.id, False).deleted
    assert [s.id for s in lib.songs.all()] == [song.id]


def test_a_song_snapshot_comes_back_with_its_annotations(empty_library):
    lib = empty_library
    song = lib.songs.add("S", artist="A", lyrics="first\nsecond", lyrics_format="lrc", line_times=[[5], None])
    note = lib.annotations.add(song.id, anchors_for_quote(song.lyrics, "second", 1))
    lib.songs.update(song.id, title="T", lyrics="first\nmoved second")
    assert lib.annotations.get(note.id).first.start != note.first.start  # followed its word
    lib.snapshots.restore_song(song, [note])
    assert lib.songs.get(song.id) == song
    assert lib.annotations.get(note.id) == note
    fts_integrity_check(lib)


def test_purging_a_song_erases_it_and_its_snapshot_brings_it_back(empty_library):
    lib = empty_library
    song = lib.songs.add("Quokka Song", lyrics="one\ntwo")
    lib.snapshots.purge_song(song.id)
    assert lib.songs.all(include_deleted=True) == [] and lib.search.find("quokka") == []
    lib.snapshots.restore_song(song)
    assert lib.songs.get(song.id) == song and kinds(lib, "quokka") == {"song"}


def test_articles_trash_purge_and_snapshot(empty_library):
    lib = empty_library
    song = lib.songs.add("S", lyrics="x")
    article = lib.articles.add(song.id, "A", "alpha beta gamma")
    note = lib.annotations.add(
        song.id, anchors_for_quote(article.body, "gamma", 1), target="article", article_id=article.id
    )
    assert lib.articles.set_deleted(article.id).deleted and lib.articles.for_song(song.id) == []
    assert not lib.articles.set_deleted(article.id, False).deleted
    lib.articles.update(article.id, body="gamma first")
    lib.snapshots.restore_article(article, [note])
    assert lib.articles.get(article.id) == article and lib.annotations.get(note.id) == note
    lib.snapshots.purge_article(article.id)
    assert lib.articles.for_song(song.id, include_deleted=True) == []
    assert lib.annotations.for_song(song.id, include_deleted=True) == []  # they went with it
    lib.snapshots.restore_article(article)
    assert lib.articles.get(article.id) == article
    fts_integrity_check(lib)


def test_a_deleted_lens_comes_back_with_its_id_and_annotations(empty_library):
    lib = empty_library
    song = lib.songs.add("S", lyrics="one\ntwo")
    lens = lib.lenses.resolve("Story")
    kept = lib.annotations.add(song.id, [anchor_for_lines(song.lyrics, 1, 1)], lens_id=lens.id)
    trashed = lib.annotations.add(song.id, [anchor_for_lines(song.lyrics, 2, 2)], lens_id=lens.id)
    lib.annotations.set_deleted(trashed.id)
    assert {a.id for a in lib.annotations.with_lens(lens.id)} == {kept.id, trashed.id}
    order = lib.lenses.all()
    lib.lenses.delete(lens.id)
    assert lib.annotations.with_lens(lens.id) == []

    assert lib.lenses.restore(lens, [kept.id, trashed.id, "gone"]) == lens
    assert lib.lenses.all() == order
    assert lib.annotations.get(kept.id).lens == lens and lib.annotations.get(trashed.id).lens == lens


def test_restoring_a_lens_refuses_a_name_taken_meanwhile(empty_library):
    lib = empty_library
    lens = lib.lenses.resolve("Story")
    lib.lenses.delete(lens.id)
    lib.lenses.add("STORY", "#000000")
    with pytest.raises(InvalidValue, match="already a lens named"):
        lib.lenses.restore(lens)
    assert "Story" not in [lens.name for lens in lib.lenses.all()]


def test_restoring_a_lens_overwrites_its_name_and_colour(empty_library):
    lib = empty_library
    lens = lib.lenses.resolve("Story")
    lib.lenses.update(lens.id, name="Plot", colour="#000000")
    assert lib.lenses.restore(lens) == lens


def test_lens_positions_are_set_exactly(empty_library):
    lib = empty_library
    before = {lens.id: lens.position for lens in lib.lenses.all()}
    first = lib.lenses.all()[0]
    lib.lenses.delete(lib.lenses.all()[1].id)  # leaves a gap in the positions
    gapped = {lens.id: lens.position for lens in lib.lenses.all()}
    lib.lenses.move(first.id, 3)
    lib.lenses.set_positions(gapped)
    assert {lens.id: lens.position for lens in lib.lenses.all()} == gapped
    assert set(gapped) < set(before)
    with pytest.raises(LyricpadError, match="no lens"):
        lib.lenses.set_positions({first.id: 5, "missing": 0})
    assert {lens.id: lens.position for lens in lib.lenses.all()} == gapped  # one transaction


def test_loading_more_annotations_than_sqlite_takes_values_in_one_statement(empty_library):
    # SQLite caps the values one statement takes (32,766 by default); reading annotations must not
    # depend on it. A low cap stands in for a library with a huge number of annotations.
    lib = empty_library
    lyrics = "\n".join(f"line {i}" for i in range(1, 151))
    song = lib.songs.add("Many", lyrics=lyrics)
    lens = lib.lenses.all()[0]
    with lib.write():
        for i in range(1, 151):
            lib.annotations.add(song.id, [anchor_for_lines(lyrics, i, i)], lens_id=lens.id, tags=["b", "a"])
    lib.db.conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 100)
    loaded = lib.annotations.for_song(song.id)
    assert len(loaded) == 150 and all(a.tags == ("a", "b") and a.lens == lens for a in loaded)
    assert [a.first.line_start for a in loaded] == list(range(1, 151))
    assert len(lib.annotations.with_lens(lens.id)) == 150
