"""Quote links kept right: printed ids always found, hand links kept in place, undo exact, trashed songs left alone."""

import dataclasses

import pytest
from test_store_links import BODY, LYRICS, files, span

from lyricpad.core.errors import InvalidValue
from lyricpad.core.store import Library


@pytest.fixture
def lib(tmp_path):
    library = Library.open(tmp_path / "links.sqlite", seed_demo=False)
    yield library
    library.close()


@pytest.fixture
def song(lib):
    return lib.songs.add("Biscuit Tin", artist="The Drifting Gulls", lyrics=LYRICS)


@pytest.fixture
def article(lib, song):
    return lib.articles.add(song.id, "Review", BODY)


# ------------------------------------------------- stored when made, found by id


def test_links_are_stored_when_the_article_is_added(lib, song):
    changes = lib.db.conn.total_changes
    made = lib.articles.add(song.id, "Review", BODY)
    assert lib.db.conn.total_changes > changes
    stored = lib.db.execute("SELECT count(*) FROM quote_links WHERE article_id = ?", [made.id]).fetchone()[0]
    assert stored == 2
    reader = lib.reader()
    try:
        assert reader.links.for_song(song.id) == lib.links.for_song(song.id)
    finally:
        reader.close()


def test_adding_an_article_is_never_refused_for_its_links(lib, song, monkeypatch):
    from lyricpad.core.store import link_computing

    def broken(*args, **kwargs):
        raise RuntimeError("detection failed")

    monkeypatch.setattr(link_computing, "detect_links", broken)
    made = lib.articles.add(song.id, "Review", BODY)
    assert lib.articles.get(made.id).body == BODY
    monkeypatch.undo()
    assert len(lib.links.for_song(song.id)) == 2  # computed when next read


def test_an_id_of_links_computed_but_not_stored_is_found(lib, song, article):
    with lib.write():  # stale links: the body written by another route than the store
        lib.db.execute(
            "UPDATE articles SET body = ? WHERE id = ?", ['It quotes "rain on the sill" only.', article.id]
        )
    lib.links.keep_computed = False  # as a reading command lists them: computed, not stored
    (listed,) = lib.links.for_song(song.id)
    lib.links.keep_computed = True
    assert lib.links.resolve(listed.id[:6]) == listed
    assert lib.links.get(listed.id) == listed
    reader = lib.reader()
    try:
        with lib.write():
            lib.db.execute("DELETE FROM quote_link_texts")
            lib.db.execute("DELETE FROM quote_links")
        assert reader.links.resolve(listed.id[:6]) == listed  # read-only: computed in memory
    finally:
        reader.close()


# ------------------------------------------------------ a hand link keeps its place

CHORUS = """Lanterns on the water
We drew the moon and watched it fall
Chalk marks on the playground wall
Rain came down and took them all

Paper boats along the gutter stream
We drew the moon and watched it fall
Chalk marks on the playground wall
Rain came down and took them all"""


@pytest.fixture
def chorus(lib):
    song = lib.songs.add("Chalk", lyrics=CHORUS)
    article = lib.articles.add(song.id, "Notes", "Near the end the rain takes everything away.")
    return song, article


def test_an_edited_line_of_a_hand_link_keeps_the_link_on_its_own_lines(lib, chorus):
    song, article = chorus
    made = lib.links.link(article.id, *span(article.body, "the rain takes everything away"), 3, 4)
    lyrics = CHORUS.replace(
        "We drew the moon and watched it fall\nChalk marks on the playground wall\nRain",
        "We drew the moon\nMoon chalk fall the\nRain",
        1,
    )
    lib.songs.update(song.id, lyrics=lyrics)
    link = lib.links.get(made.id)
    assert link.status == "anchored" and link.places == ((3, 4),)  # never the other chorus's 7-8


def test_a_hand_link_whose_old_texts_are_unknown_is_found_only_exactly(lib, chorus):
    song, article = chorus
    made = lib.links.link(article.id, *span(article.body, "the rain takes everything away"), 4, 4)
    with lib.write():  # the texts the links were computed on lost, and the first chorus edited
        lib.db.execute("DELETE FROM quote_link_texts")
        lib.db.execute(
            "UPDATE songs SET lyrics = ? WHERE id = ?",
            [
                CHORUS.replace("Rain came down and took them all", "Rain came down on the garden wall", 1),
                song.id,
            ],
        )
    link = lib.links.get(made.id)
    assert link.status == "orphaned"  # not moved to line 8: the same words, other surroundings


def test_a_deleted_line_orphans_its_hand_link_and_its_return_brings_it_back(lib, chorus):
    song, article = chorus
    made = lib.links.link(article.id, *span(article.body, "the rain takes everything away"), 1, 1)
    lib.songs.update(song.id, lyrics=CHORUS.replace("Lanterns on the water\n", ""))
    assert lib.links.get(made.id).status == "orphaned"
    lib.songs.update(song.id, lyrics=CHORUS)
    link = lib.links.get(made.id)
    assert link.status == "anchored" and link.places == ((1, 1),)


def test_a_hand_link_on_changed_article_words_is_not_kept_on_other_words(lib, chorus):
    song, article = chorus
    made = lib.links.link(article.id, *span(article.body, "the rain takes everything away"), 4, 4)
    lib.articles.update(article.id, body="Near the end a brass band plays in the square.")
    assert lib.links.get(made.id).status == "orphaned"


# ------------------------------------------------------------ undo of text edits


def test_a_text_restored_by_undo_brings_its_decisions_back_exactly(lib, chorus):
    song, article = chorus
    made = lib.links.link(article.id, *span(article.body, "the rain takes everything away"), 3, 4)
    saved = lib.links.song_decisions(song.id)
    edited = lib.songs.update(song.id, lyrics=CHORUS.replace("Rain came down and took them all\n\n", "\n", 1))
    assert lib.links.get(made.id).places == ((3, 3),)  # its second line deleted
    lib.snapshots.restore_song(dataclasses.replace(edited, lyrics=CHORUS), link_decisions=saved)
    assert lib.links.get(made.id).places == ((3, 4),)


def test_a_text_restored_without_decisions_brings_links_up_to_date_at_once(lib, song, article):
    lib.snapshots.restore_article(dataclasses.replace(article, body="Nothing quoted now."))
    fresh_rows = lib.db.execute(
        "SELECT count(*) FROM quote_links WHERE article_id = ?", [article.id]
    ).fetchone()
    assert fresh_rows[0] == 0  # recomputed in the restore's own transaction, not on reading


def test_undoing_a_link_edit_leaves_decisions_made_meanwhile_alone(lib, song, article):
    detected = lib.links.for_song(song.id)[0]
    before = lib.links.decisions(article.id)
    lib.links.link(article.id, *span(BODY, "the bridge"), 7, 7)
    after = lib.links.decisions(article.id)
    lib.links.unlink(detected.id)  # another window or `lyricpad unlink`, meanwhile
    lib.links.change_decisions(article.id, after, before)  # undo of the link
    assert [(d.kind, d.quote) for d in lib.links.decisions(article.id)] == [("unlink", detected.quote)]
    lib.links.change_decisions(article.id, before, after)  # redo
    assert sorted(d.kind for d in lib.links.decisions(article.id)) == ["link", "unlink"]


# ------------------------------------------------------------------ trashed songs


def test_links_of_a_trashed_song_cannot_be_changed(lib, song, article):
    detected = lib.links.for_song(song.id)[0]
    made = lib.links.link(article.id, *span(BODY, "the bridge"), 7, 7)
    shown = lib.links.for_song(song.id)
    lib.songs.set_deleted(song.id)
    before = files(lib)
    for change in (
        lambda: lib.links.link(article.id, *span(BODY, "A last word"), 7, 7),
        lambda: lib.links.unlink(made.id),
        lambda: lib.links.unlink(detected.id),
    ):
        with pytest.raises(InvalidValue, match="is in the trash; restore it"):
            change()
    assert files(lib) == before
    # As a trashed song's annotations: kept, read by id (the command line names no trashed song).
    assert lib.links.for_song(song.id) == shown
