"""Stored quote links: detected links kept up to date with the texts, and the user's decisions that survive them."""

import dataclasses
import shutil
import sqlite3
from pathlib import Path

import pytest
from library_testing import digests

from lyricpad.core.check import check_library
from lyricpad.core.errors import (
    ArticleNotFound,
    InvalidAnchor,
    InvalidValue,
    LibraryTooNew,
    LinkNotFound,
)
from lyricpad.core.markdown import rendered_text
from lyricpad.core.models import QuoteLink
from lyricpad.core.quotations import Difference
from lyricpad.core.schema import SCHEMA_VERSION
from lyricpad.core.store import Library
from lyricpad.core.store.links import detected_link_id

DATA = Path(__file__).parent.parent / "data"

# Written for these tests.
LYRICS = """Salt on the window, rain on the sill
The ferry is late and the harbour is still
I kept your letters in a biscuit tin
And every one of them let the weather in

Salt on the window, rain on the sill
Nobody waits at the top of the hill"""

BODY = """# On the record

The opening line, "salt on the window, rain on the sill", comes back as a refrain.

Her producer told me "we recorded it in one afternoon in a cold kitchen".

Then the letters.

*I kept your letters in a biscuit tin.*

A last word on the bridge, which nobody remembers.

It closes on nobody waits at the top of the road, or near enough."""


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


def span(article_body: str, words: str) -> tuple[int, int]:
    text = rendered_text(article_body)
    start = text.index(words)
    return start, start + len(words)


def by_quote(links: list[QuoteLink]) -> dict[str, QuoteLink]:
    return {link.quote: link for link in links}


def files(lib: Library) -> dict:
    return digests([lib.path, f"{lib.path}-wal"])


# ------------------------------------------------------------------- detected


def test_detected_links_are_stored_with_every_place_they_quote(lib, song, article):
    links = lib.links.for_song(song.id)
    assert [link.quote for link in links] == [
        "salt on the window, rain on the sill",
        "I kept your letters in a biscuit tin.",
    ]
    refrain, letters = links
    assert refrain.places == ((1, 1), (6, 6)) and refrain.lines == (1, 6)
    assert letters.lines == (3,)
    assert {link.origin for link in links} == {"detected"}
    text = rendered_text(article.body)
    assert all(text[link.start : link.end] == link.quote for link in links)
    assert refrain.id == detected_link_id(article.id, refrain.quote, 0)
    stored = lib.db.execute("SELECT count(*) FROM quote_links WHERE origin = 'detected'").fetchone()[0]
    assert stored == 2


def test_the_producers_words_are_never_linked(lib, song, article):
    assert not [link for link in lib.links.for_song(song.id) if "afternoon" in link.quote]


def test_an_up_to_date_song_is_not_computed_again(lib, song, article):
    lib.links.for_song(song.id)
    changes = lib.db.conn.total_changes
    assert lib.links.for_song(song.id) == lib.links.for_song(song.id)
    assert lib.db.conn.total_changes == changes  # only digests compared: nothing written


def test_recomputing_keeps_the_ids_and_follows_the_text(lib, song, article):
    before = by_quote(lib.links.for_song(song.id))
    lib.articles.update(article.id, body="A new first paragraph.\n\n" + BODY)
    after = by_quote(lib.links.for_song(song.id))
    assert {q: link.id for q, link in after.items()} == {q: link.id for q, link in before.items()}
    shift = len(rendered_text("A new first paragraph.\n\n" + BODY)) - len(rendered_text(BODY))
    assert [link.start for link in after.values()] == [link.start + shift for link in before.values()]


def test_an_edit_of_the_lyrics_updates_the_lines(lib, song, article):
    lib.songs.update(song.id, lyrics="A new opening line\n" + LYRICS)
    links = by_quote(lib.links.for_song(song.id))
    assert links["salt on the window, rain on the sill"].lines == (2, 7)
    assert links["I kept your letters in a biscuit tin."].lines == (4,)


def test_a_text_changed_without_update_is_noticed(lib, song, article):
    """Undo snapshots, merges and imports write rows directly: the digests see it."""
    lib.links.for_song(song.id)
    lib.snapshots.restore_song(dataclasses.replace(song, lyrics="Only this line"))
    assert lib.links.for_song(song.id) == []


def test_trashed_articles_have_no_links_shown(lib, song, article):
    lib.articles.set_deleted(article.id)
    assert lib.links.for_song(song.id) == []
    assert lib.links.for_song(song.id, article.id) == []
    lib.articles.set_deleted(article.id, False)
    assert len(lib.links.for_song(song.id)) == 2


def test_a_read_only_connection_computes_in_memory(lib, song, article):
    with lib.write():  # stale links: written by another route than the store
        lib.db.execute("DELETE FROM quote_link_texts")
        lib.db.execute("DELETE FROM quote_links")
    reader = lib.reader()
    try:
        links = reader.links.for_song(song.id)
    finally:
        reader.close()
    assert len(links) == 2
    assert lib.db.execute("SELECT count(*) FROM quote_link_texts").fetchone()[0] == 0
    assert links == lib.links.for_song(song.id)


def test_a_song_without_lyrics_has_no_links(lib):
    song = lib.songs.add("Empty")
    lib.articles.add(song.id, "About", 'It sings "nothing at all here".')
    assert lib.links.for_song(song.id) == []


# -------------------------------------------------------------- user decisions


def test_unlink_of_a_detected_link_survives_recomputation(lib, song, article):
    refrain = lib.links.for_song(song.id)[0]
    decision = lib.links.unlink(refrain.id)
    assert decision != refrain.id
    assert [link.quote for link in lib.links.for_song(song.id)] == ["I kept your letters in a biscuit tin."]
    lib.articles.update(article.id, body="Preface.\n\n" + BODY)
    lib.songs.update(song.id, lyrics=LYRICS + "\nOne more line at the end")
    assert [link.quote for link in lib.links.for_song(song.id)] == ["I kept your letters in a biscuit tin."]
    with pytest.raises(LinkNotFound, match="no quotation link"):
        lib.links.get(refrain.id)


def test_a_user_link_is_made_and_replaces_the_detected_one_on_its_span(lib, song, article):
    refrain = lib.links.for_song(song.id)[0]
    made = lib.links.link(article.id, refrain.start, refrain.end, 6, 6)
    assert made.origin == "user" and made.places == ((6, 6),) and made.quote == refrain.quote
    assert made.score == 1.0 and not made.misquoted and made.status == "anchored"
    links = lib.links.for_song(song.id)
    assert [(link.quote, link.origin) for link in links] == [
        (refrain.quote, "user"),
        ("I kept your letters in a biscuit tin.", "detected"),
    ]
    assert (
        lib.links.get(made.id)
        == made
        == lib.links.resolve(made.id[:6], song.id)
        == lib.links.resolve(made.id)
    )


def test_a_user_link_of_a_misquotation_says_so(lib, song, article):
    start, end = span(BODY, "nobody waits at the top of the road")
    made = lib.links.link(article.id, start, end, 7, 7)
    assert made.misquoted and made.score < 1.0
    assert made.differences == (Difference("road", "hill"),)
    assert made.to_json()["differences"] == [d.to_json() for d in made.differences]


def test_user_links_survive_edits_elsewhere_in_both_texts(lib, song, article):
    start, end = span(BODY, "the bridge")
    made = lib.links.link(article.id, start, end, 7, 7)
    lib.articles.update(article.id, body=BODY.replace("# On the record", "# On the record, again"))
    lib.songs.update(song.id, lyrics="Intro line\n" + LYRICS)
    link = lib.links.get(made.id)
    assert link.quote == "the bridge" and link.places == ((8, 8),) and link.status == "anchored"
    assert link.start == start + len(", again")


def test_user_links_follow_moved_words(lib, song, article):
    start, end = span(BODY, "the bridge")
    made = lib.links.link(article.id, start, end, 3, 3)
    lines = LYRICS.split("\n")
    moved = [lines[0], *lines[4:], *lines[1:4]]  # the verse sung last, its lines together
    lib.songs.update(song.id, lyrics="\n".join(moved))
    assert lib.links.get(made.id).places == ((6, 6),)  # its words, in their context
    body = "A new first paragraph.\n\n" + BODY.replace(
        "A last word on the bridge", "A last word on the bridge, twice,"
    )
    lib.articles.update(article.id, body=body)
    link = lib.links.get(made.id)
    assert link.quote == "the bridge" and rendered_text(body)[link.start : link.end] == "the bridge"


def test_a_user_link_whose_line_left_its_context_is_orphaned_not_guessed(lib, song, article):
    start, end = span(BODY, "the bridge")
    made = lib.links.link(article.id, start, end, 7, 7)
    lines = LYRICS.split("\n")
    lib.songs.update(song.id, lyrics="\n".join([lines[6], *lines[:6]]))  # the last line sung first, alone
    assert lib.links.get(made.id).status == "orphaned"


def test_a_user_link_is_orphaned_when_its_words_go_and_comes_back_with_them(lib, song, article):
    made = lib.links.link(article.id, *span(BODY, "the bridge"), 7, 7)
    without = LYRICS.replace("\nNobody waits at the top of the hill", "")
    lib.songs.update(song.id, lyrics=without)
    assert made.id not in [link.id for link in lib.links.for_song(song.id)]
    (orphan,) = [link for link in lib.links.for_song(song.id, include_orphaned=True) if link.origin == "user"]
    assert orphan.id == made.id and orphan.status == "orphaned"
    lib.songs.update(song.id, lyrics=LYRICS)
    assert lib.links.get(made.id) == made


def test_a_user_link_whose_article_words_go_is_kept_orphaned(lib, song, article):
    made = lib.links.link(article.id, *span(BODY, "the bridge"), 7, 7)
    lib.articles.update(
        article.id, body=BODY.replace("A last word on the bridge, which nobody remembers.", "")
    )
    assert lib.links.get(made.id).status == "orphaned"
    lib.articles.update(article.id, body=BODY)
    assert lib.links.get(made.id) == made


def test_decisions_survive_the_trash(lib, song, article):
    made = lib.links.link(article.id, *span(BODY, "the bridge"), 7, 7)
    lib.articles.set_deleted(article.id)
    lib.songs.update(song.id, lyrics="Intro line\n" + LYRICS)  # edited while the article is away
    lib.articles.set_deleted(article.id, False)
    assert lib.links.get(made.id).places == ((8, 8),)


def test_unlinking_a_user_link_erases_it(lib, song, article):
    made = lib.links.link(article.id, *span(BODY, "the bridge"), 7, 7)
    assert lib.links.unlink(made.id) == made.id
    with pytest.raises(LinkNotFound):
        lib.links.get(made.id)
    assert lib.db.execute("SELECT count(*) FROM quote_links WHERE origin = 'user'").fetchone()[0] == 0


def test_decisions_written_back_restore_exactly(lib, song, article):
    before_links = lib.links.for_song(song.id)
    before = lib.links.decisions(article.id)
    lib.links.unlink(before_links[1].id)
    lib.links.link(article.id, *span(BODY, "the bridge"), 7, 7)
    after = lib.links.decisions(article.id)
    after_links = lib.links.for_song(song.id)
    lib.links.restore_decisions(article.id, before)
    assert lib.links.for_song(song.id) == before_links
    lib.links.restore_decisions(article.id, after)
    assert lib.links.for_song(song.id) == after_links


def test_erasing_an_article_erases_its_links(lib, song, article):
    lib.links.link(article.id, *span(BODY, "the bridge"), 7, 7)
    lib.snapshots.purge_article(article.id)
    assert lib.db.execute("SELECT count(*) FROM quote_links").fetchone()[0] == 0
    assert lib.db.execute("SELECT count(*) FROM quote_link_texts").fetchone()[0] == 0


def test_check_finds_nothing_wrong_with_links(lib, song, article):
    lib.links.link(article.id, *span(BODY, "the bridge"), 7, 7)
    lib.links.unlink(lib.links.for_song(song.id)[0].id)
    assert check_library(lib).ok


# ---------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    ("args", "error", "message"),
    [
        ((-1, 5, 1, 1), InvalidAnchor, r"span -1-5 is not a stretch of the article's text \(0-\d+\)"),
        ((5, 5, 1, 1), InvalidAnchor, "span 5-5 is not a stretch"),
        ((9, 4, 1, 1), InvalidAnchor, "span 9-4 is not a stretch"),
        ((0, 10**6, 1, 1), InvalidAnchor, "span 0-1000000 is not a stretch"),
        (("0", 4, 1, 1), InvalidAnchor, "is not a stretch"),
        ((0, 4, 0, 1), InvalidAnchor, r"lines 0-1 do not exist: the lyrics have lines 1-7"),
        ((0, 4, 3, 2), InvalidAnchor, "lines 3-2 do not exist"),
        ((0, 4, 7, 9), InvalidAnchor, "lines 7-9 do not exist"),
        ((0, 4, 5, 5), InvalidAnchor, "line 5 is blank; there is nothing to link to"),
    ],
)
def test_bad_links_are_refused_and_change_nothing(lib, song, article, args, error, message):
    lib.links.for_song(song.id)
    before = files(lib)
    with pytest.raises(error, match=message):
        lib.links.link(article.id, *args)
    assert files(lib) == before


def test_a_blank_span_is_refused(lib, song, article):
    text = rendered_text(BODY)
    start = text.index("\n")
    before = files(lib)
    with pytest.raises(InvalidAnchor, match="blank; there is nothing to link"):
        lib.links.link(article.id, start, start + 1, 1, 1)
    assert files(lib) == before


def test_the_same_link_twice_is_refused(lib, song, article):
    lib.links.link(article.id, *span(BODY, "the bridge"), 7, 7)
    before = files(lib)
    with pytest.raises(InvalidValue, match="“the bridge” is already linked to line 7; nothing was changed"):
        lib.links.link(article.id, *span(BODY, "the bridge"), 7, 7)
    assert files(lib) == before


def test_a_new_link_on_the_same_span_replaces_the_users_earlier_one(lib, song, article):
    first = lib.links.link(article.id, *span(BODY, "the bridge"), 7, 7)
    second = lib.links.link(article.id, *span(BODY, "the bridge"), 2, 2)
    assert [link.id for link in lib.links.for_song(song.id) if link.origin == "user"] == [second.id]
    with pytest.raises(LinkNotFound):
        lib.links.get(first.id)


def test_links_on_a_song_without_lyrics_or_a_trashed_article_are_refused(lib, song, article):
    empty = lib.songs.add("No words yet")
    other = lib.articles.add(empty.id, "Notes", "Some words to link")
    with pytest.raises(InvalidAnchor, match="the song has no lyrics"):
        lib.links.link(other.id, 0, 4, 1, 1)
    lib.articles.set_deleted(article.id)
    with pytest.raises(InvalidValue, match="the article is in the trash"):
        lib.links.link(article.id, 0, 4, 1, 1)


@pytest.mark.parametrize("ref", ["", "  ", "abc", "0000", "00000000-0000-0000-0000-000000000000"])
def test_unknown_links_are_refused(lib, song, article, ref):
    lib.links.for_song(song.id)
    before = files(lib)
    with pytest.raises(LinkNotFound, match="quotation link"):
        lib.links.unlink(ref)
    with pytest.raises(LinkNotFound, match="quotation link"):
        lib.links.resolve(ref)
    with pytest.raises(LinkNotFound, match="quotation link"):
        lib.links.get(ref)
    assert files(lib) == before


def test_unknown_articles_are_refused(lib, song, article):
    with pytest.raises(ArticleNotFound):
        lib.links.link("no-such-article", 0, 4, 1, 1)
    other = lib.songs.add("Another")
    with pytest.raises(ArticleNotFound, match="not an article of this song"):
        lib.links.for_song(other.id, article.id)


def test_a_library_of_a_newer_lyricpad_refuses_link_edits(tmp_path, song, article, lib):
    path = lib.path
    refrain = lib.links.for_song(song.id)[0]
    lib.close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with Library.open(path) as newer:
        assert newer.read_only
        assert newer.links.for_song(song.id)[0] == refrain  # read as stored
        with pytest.raises(LibraryTooNew, match="nothing was changed"):
            newer.links.unlink(refrain.id)


# ----------------------------------------------------------------- upgrades


@pytest.mark.parametrize("fixture", sorted((DATA / "libraries").glob("v*.sqlite")), ids=lambda p: p.name)
def test_saved_libraries_upgrade_to_quote_links(fixture, tmp_path):
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    with Library.open(path) as lib:
        assert lib.schema_version == SCHEMA_VERSION
        (song,) = lib.songs.all()
        assert len(lib.annotations.for_song(song.id)) == 6  # their data kept
        links = lib.links.for_song(song.id)
        assert "If the dark is only distance" in {link.quote for link in links}
        assert check_library(lib).ok


def test_the_saved_current_library_keeps_its_decisions(tmp_path):
    path = tmp_path / "v3.sqlite"
    shutil.copyfile(DATA / "libraries" / "v3.sqlite", path)
    with Library.open(path) as lib:
        (song,) = lib.songs.all()
        links = lib.links.for_song(song.id, include_orphaned=True)
        user = [link for link in links if link.origin == "user"]
        assert [(link.quote, link.lines) for link in user] == [("folding up their wings", (2,))]
        assert "then the distance is a road" not in {link.quote for link in links}  # unlinked by the user


def test_a_library_another_program_keeps_locked_still_shows_links(lib, song, article):
    """Busy (or a full disk): links are computed in memory and stored another time."""
    with lib.write():  # stale links: written by another route than the store
        lib.db.execute("DELETE FROM quote_link_texts")
        lib.db.execute("DELETE FROM quote_links")
    lib.db.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(lib.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        links = lib.links.for_song(song.id)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert [link.quote for link in links] == [
        "salt on the window, rain on the sill",
        "I kept your letters in a biscuit tin.",
    ]
    assert lib.db.execute("SELECT count(*) FROM quote_link_texts").fetchone()[0] == 0
    assert lib.links.for_song(song.id) == links
    assert lib.db.execute("SELECT count(*) FROM quote_link_texts").fetchone()[0] == 1


def test_a_link_to_a_repeated_line_keeps_its_own_occurrence_when_everything_around_it_changes(lib):
    """The diff of the old lyrics and the new says where the line went: its context no longer can."""
    lyrics = (
        "Morning comes in through the kitchen door\nHold the line and never let it go\n"
        "Paper birds are folded on the floor\nHold the line and never let it go\n"
        "Evening settles slowly on the shore"
    )
    song = lib.songs.add("Lines", lyrics=lyrics)
    body = "Some words about the second time it says hold on."
    article = lib.articles.add(song.id, "About", body)
    made = lib.links.link(article.id, *span(body, "hold on"), 4, 4)
    rewritten = (
        "Completely different opening line here\nHold the line and never let it go\n"
        "A brand new line replacing the birds\nHold the line and never let it go\n"
        "A wholly rewritten final line instead"
    )
    lib.songs.update(song.id, lyrics=rewritten)
    assert lib.links.get(made.id).places == ((4, 4),)
    lib.snapshots.restore_song(song)  # as an undo writes it back: no update() to follow
    assert lib.links.get(made.id) == made


def test_salvage_keeps_the_users_decisions(tmp_path, lib, song, article):
    from lyricpad.core.salvage import salvage

    made = lib.links.link(article.id, *span(BODY, "the bridge"), 7, 7)
    refrain = lib.links.for_song(song.id)[0]
    lib.links.unlink(refrain.id)
    links = lib.links.for_song(song.id, include_orphaned=True)
    path = lib.path
    lib.close()
    report = salvage(path, tmp_path / "salvaged.sqlite")
    assert report.unreadable == {}
    with Library.open(tmp_path / "salvaged.sqlite") as salvaged:
        assert salvaged.links.for_song(song.id, include_orphaned=True) == links
        assert salvaged.links.get(made.id).places == ((7, 7),)


def test_salvage_of_an_older_library_finds_nothing_unreadable(tmp_path):
    from lyricpad.core.salvage import salvage

    old = tmp_path / "v2.sqlite"
    shutil.copyfile(DATA / "libraries" / "v2.sqlite", old)
    assert salvage(old, tmp_path / "new.sqlite").unreadable == {}


def test_edits_recompute_the_links_in_their_own_transaction(lib, song, article):
    lib.links.link(article.id, *span(BODY, "the bridge"), 7, 7)
    body = "A preface.\n\n" + BODY
    lib.articles.update(article.id, body=body)
    lib.songs.update(song.id, lyrics="Intro line\n" + LYRICS)
    (texts,) = lib.rows("SELECT lyrics, rendered FROM quote_link_texts")
    assert texts == {"lyrics": "Intro line\n" + LYRICS, "rendered": rendered_text(body)}
    (places,) = lib.db.execute("SELECT places FROM quote_links WHERE origin = 'user'").fetchone()
    assert places == "[[8, 8]]"  # followed by the edit itself, before anything read the links
