"""The library file: schema, pragmas, migrations, FTS kept in sync, transactions, refusals."""

import hashlib
import random
import shutil
import sqlite3
import subprocess
import sys
import uuid
from dataclasses import replace
from pathlib import Path

import pytest

from lyricpad.core.anchoring import anchor_for_lines, anchors_for_quote
from lyricpad.core.demo import DEMO_TITLE
from lyricpad.core.errors import (
    AmbiguousReference,
    InvalidValue,
    LibraryTooNew,
    LibraryUnavailable,
    LyricpadError,
    NotALibrary,
    SongNotFound,
)
from lyricpad.core.schema import APPLICATION_ID, DEFAULT_LENSES, SCHEMA_VERSION, default_lens_id
from lyricpad.core.store import Library

DATA = Path(__file__).parent.parent / "data"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pragma(lib: Library, name: str):
    return lib.db.execute(f"PRAGMA {name}").fetchone()[0]


# ------------------------------------------------------------------- opening


def test_new_library_creates_folder_and_file(library_path):
    assert not library_path.parent.exists()
    with Library.open(library_path) as lib:
        assert library_path.is_file()
        assert lib.schema_version == SCHEMA_VERSION


def test_pragmas_on_open(library):
    assert pragma(library, "journal_mode") == "wal"
    assert pragma(library, "foreign_keys") == 1
    assert pragma(library, "synchronous") == 2  # FULL
    assert pragma(library, "busy_timeout") >= 1000
    assert pragma(library, "application_id") == APPLICATION_ID
    assert pragma(library, "user_version") == SCHEMA_VERSION


def test_schema_tables(library):
    tables = set(library.db.table_names())
    assert {
        "songs",
        "articles",
        "annotations",
        "fragments",
        "lenses",
        "tags",
        "annotation_tags",
        "meta",
    } <= tables
    assert {"songs_fts", "articles_fts", "annotations_fts", "fragments_fts"} <= tables
    applied = [m["name"] for m in library.db["_sqlite_migrations"].rows]
    assert len(applied) == SCHEMA_VERSION


def test_migrations_from_an_empty_file(tmp_path):
    path = tmp_path / "empty.sqlite"
    path.write_bytes(b"")  # a zero-byte file is a new database to SQLite
    with Library.open(path, seed_demo=False) as lib:
        assert lib.schema_version == SCHEMA_VERSION
        assert lib.songs() == []


def test_reopening_applies_nothing_twice(library_path):
    Library.open(library_path).close()
    with Library.open(library_path) as lib:
        assert len(list(lib.db["_sqlite_migrations"].rows)) == SCHEMA_VERSION
        assert len(lib.songs()) == 1
        assert [lens.name for lens in lib.lenses()] == [name for name, _ in DEFAULT_LENSES]


@pytest.mark.parametrize("fixture", sorted((DATA / "libraries").glob("v*.sqlite")), ids=lambda p: p.name)
def test_saved_libraries_of_every_schema_version_open_and_upgrade(fixture, tmp_path):
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    with Library.open(path) as lib:
        assert lib.schema_version == SCHEMA_VERSION
        (song,) = lib.songs()
        assert song.title == DEMO_TITLE
        assert len(lib.annotations(song.id)) == 6
        assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_saved_v2_library_keeps_its_proposed_places_and_lrc_tags(tmp_path):
    path = tmp_path / "v2.sqlite"
    shutil.copyfile(DATA / "libraries" / "v2.sqlite", path)
    with Library.open(path) as lib:
        (song,) = lib.songs()
        (review,) = [a for a in lib.annotations(song.id) if a.status == "needs_review"]
        proposal = review.first.proposal
        assert review.quote.startswith("The harbour lights")
        assert song.lyrics[proposal.start : proposal.end].startswith("The harbor lights")
        assert song.lrc_tags["x-unknown"] == "kept"
        assert lib.accept_proposal(review.id).first.quote.startswith("The harbor lights")


def test_there_is_a_saved_library_of_the_current_version():
    assert (DATA / "libraries" / f"v{SCHEMA_VERSION}.sqlite").is_file()


def test_processes_opening_a_new_library_at_once_agree(library_path):
    library_path.parent.mkdir()
    code = (
        "import sys; from lyricpad.core.store import Library\n"
        "lib = Library.open(sys.argv[1]); print(len(lib.songs())); lib.close()\n"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(library_path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    results = [p.communicate(timeout=60) for p in procs]
    assert [p.returncode for p in procs] == [0] * 4, results
    with Library.open(library_path) as lib:
        assert len(lib.songs()) == 1  # seeded once, not once per process
        assert len(list(lib.db["_sqlite_migrations"].rows)) == SCHEMA_VERSION


def test_ids_are_uuids(library):
    song = library.songs()[0]
    for item_id in [
        song.id,
        *(a.id for a in library.annotations(song.id)),
        *(lens.id for lens in library.lenses()),
    ]:
        assert str(uuid.UUID(item_id)) == item_id


# ------------------------------------------------------------ refusing files


def _refuses_unchanged(path: Path, error: type, match: str):
    before = sha256(path)
    with pytest.raises(error, match=match):
        Library.open(path)
    assert sha256(path) == before
    assert not Path(f"{path}-wal").exists() and not Path(f"{path}-journal").exists()


@pytest.mark.parametrize(
    "content",
    [
        b"Just some notes about a song\n" * 20,
        random.Random(1).randbytes(8192),
        b"SQLite format 2\x00" + b"\x00" * 200,
        b"SQLite format 3\x00" + random.Random(2).randbytes(8176),
    ],
    ids=["text", "random-bytes", "wrong-magic", "sqlite-magic-then-garbage"],
)
def test_file_that_is_not_a_database_is_refused_unchanged(tmp_path, content):
    path = tmp_path / "library.sqlite"
    path.write_bytes(content)
    _refuses_unchanged(path, NotALibrary, "is not a lyricpad library")


def test_other_sqlite_database_is_refused_unchanged(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (n INTEGER)")
    conn.commit()
    conn.close()
    _refuses_unchanged(path, NotALibrary, "SQLite database, but not a lyricpad library")


def test_truncated_library_is_refused_unchanged(library_path, tmp_path):
    Library.open(library_path).close()
    damaged = tmp_path / "truncated.sqlite"
    damaged.write_bytes(library_path.read_bytes()[:3000])
    _refuses_unchanged(damaged, NotALibrary, "damaged")


def test_newer_library_opens_read_only_and_unchanged(library_path):
    Library.open(library_path).close()
    conn = sqlite3.connect(library_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = sha256(library_path)
    with Library.open(library_path) as lib:
        assert "newer lyricpad" in lib.read_only and "read-only" in lib.read_only
        (song,) = lib.songs()  # reading works
        assert len(lib.annotations(song.id)) == 6
        for write in (
            lambda: lib.add_song("New"),
            lambda: lib.update_song(song.id, lyrics="changed"),
            lambda: lib.set_meta("k", "v"),
        ):
            with pytest.raises(LibraryTooNew, match="nothing was changed.*newer lyricpad"):
                write()
    assert sha256(library_path) == before


@pytest.mark.parametrize(
    "unwritable,message", [("file", "is read-only"), ("folder", "folder .* is read-only")]
)
def test_read_only_library_is_refused_unchanged(library_path, monkeypatch, unwritable, message):
    # As root, permissions do not stop writes; os.access stands in for a read-only medium.
    import os

    Library.open(library_path).close()
    blocked = library_path if unwritable == "file" else library_path.parent
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == blocked else real_access(p, mode))
    _refuses_unchanged(library_path, LibraryUnavailable, message)


def test_folder_in_place_of_the_file_is_refused(tmp_path):
    with pytest.raises(LibraryUnavailable, match="is a folder"):
        Library.open(tmp_path)


def test_folder_that_cannot_be_created_is_refused(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(LibraryUnavailable, match="cannot create the folder"):
        Library.open(blocker / "sub" / "library.sqlite")


# ---------------------------------------------------------------- demo seed


def test_demo_is_seeded_once(library_path):
    with Library.open(library_path) as lib:
        (song,) = lib.songs()
        assert song.title == DEMO_TITLE
        assert len(lib.articles(song.id)) == 1
        annotations = lib.annotations(song.id)
        assert len({a.lens.name for a in annotations}) >= 4
        assert {a.target for a in annotations} == {"lyrics", "article"}
        assert any(len(a.fragments) > 1 for a in annotations)  # the chorus, every occurrence
        with lib.write():
            lib.db.execute("DELETE FROM songs")
    with Library.open(library_path) as lib:
        assert lib.songs() == []  # deleting the demo is respected


def test_demo_annotations_point_at_their_quotes(library):
    song = library.songs()[0]
    for annotation in library.annotations(song.id):
        text = library.target_text(song.id, annotation.target, annotation.article_id)
        for fragment in annotation.fragments:
            assert text[fragment.start : fragment.end] == fragment.quote


# ------------------------------------------------------------ songs & text


def test_text_is_normalised_on_the_way_in(empty_library):
    song = empty_library.add_song("  Cafe\u0301  ", artist="A\tB", lyrics="\ufeffone\r\ntwo\rthree\u2028four")
    assert song.title == "Caf\u00e9"
    assert song.artist == "A B"
    assert song.lyrics == "one\ntwo\nthree\nfour"


@pytest.mark.parametrize(
    "fields", [{"title": "   "}, {"title": "x", "year": "1999"}, {"title": "x", "colour": 1}]
)
def test_bad_song_fields_are_refused(empty_library, fields):
    with pytest.raises(InvalidValue):
        empty_library.add_song(**fields)
    assert empty_library.songs() == []


def test_resolve_song(empty_library):
    one = empty_library.add_song("Same", artist="A")
    two = empty_library.add_song("Same", artist="B")
    other = empty_library.add_song("Other Song")
    assert empty_library.resolve_song(one.id) == one
    assert empty_library.resolve_song(other.id[:8]) == other
    assert empty_library.resolve_song("other song") == other
    with pytest.raises(AmbiguousReference, match="matches 2 songs"):
        empty_library.resolve_song("Same")
    with pytest.raises(SongNotFound):
        empty_library.resolve_song(two.id[:2])  # too short to be a prefix
    with pytest.raises(SongNotFound):
        empty_library.resolve_song("nothing like it")


def test_resolve_prefix_is_not_a_like_pattern(empty_library):
    empty_library.add_song("Song")
    with pytest.raises(SongNotFound):
        empty_library.resolve_song("%%%%")
    with pytest.raises(SongNotFound):
        empty_library.resolve_song("____")


# -------------------------------------------------------------- annotations


def test_annotation_round_trip(empty_library):
    lib = empty_library
    song = lib.add_song("S", lyrics="a line\nthe chorus\nb line\nthe chorus")
    lens = lib.resolve_lens("imagery")
    made = lib.add_annotation(
        song.id,
        anchors_for_quote(song.lyrics, "the chorus", None),
        lens_id=lens.id,
        note="*n*",
        tags=["#Echo", "echo", "two words"],
    )
    again = lib.annotation(made.id)
    assert again == made
    assert [f.line_start for f in again.fragments] == [2, 4]
    assert again.tags == ("Echo", "two-words")  # one tag, whatever its case; spaces become '-'
    assert again.lens == lens and again.status == "anchored" and again.note == "*n*"


def test_annotations_come_in_text_order(empty_library):
    lib = empty_library
    song = lib.add_song("S", lyrics="one\ntwo\nthree")
    article = lib.add_article(song.id, "A", "alpha beta")
    late = lib.add_annotation(song.id, [anchor_for_lines(song.lyrics, 3, 3)])
    in_article = lib.add_annotation(
        song.id, anchors_for_quote(article.body, "alpha", 1), target="article", article_id=article.id
    )
    early = lib.add_annotation(song.id, [anchor_for_lines(song.lyrics, 1, 1)])
    assert [a.id for a in lib.annotations(song.id)] == [early.id, late.id, in_article.id]


def test_annotation_must_match_its_text(empty_library):
    lib = empty_library
    song = lib.add_song("S", lyrics="one\ntwo")
    other = lib.add_song("T", lyrics="xxx\nyyy")
    with pytest.raises(InvalidValue, match="is not at"):
        lib.add_annotation(song.id, [anchor_for_lines(other.lyrics, 1, 1)])
    with pytest.raises(InvalidValue, match="article"):
        lib.add_annotation(song.id, [anchor_for_lines(song.lyrics, 1, 1)], target="article")
    assert lib.annotations(song.id) == []


def test_note_lens_tags_and_trash(empty_library):
    lib = empty_library
    song = lib.add_song("S", lyrics="one\ntwo")
    note = lib.add_annotation(song.id, [anchor_for_lines(song.lyrics, 1, 1)])
    lib.set_note(note.id, "changed\r\n")
    lib.set_lens(note.id, lib.resolve_lens("Question").id)
    lib.set_tags(note.id, ["b", "a"])
    changed = lib.annotation(note.id)
    assert (changed.note, changed.lens.name, changed.tags) == ("changed\n", "Question", ("a", "b"))
    lib.set_deleted(note.id)
    assert lib.annotations(song.id) == []
    assert lib.annotations(song.id, include_deleted=True)[0].deleted
    lib.set_deleted(note.id, False)
    assert lib.annotations(song.id)[0].id == note.id


def test_deleting_a_song_cascades(empty_library):
    lib = empty_library
    song = lib.add_song("S", lyrics="one\ntwo")
    article = lib.add_article(song.id, "A", "body text")
    lib.add_annotation(song.id, [anchor_for_lines(song.lyrics, 1, 1)], tags=["t"])
    lib.add_annotation(
        song.id, anchors_for_quote(article.body, "body", 1), target="article", article_id=article.id
    )
    with lib.write():
        lib.db.execute("DELETE FROM songs WHERE id = ?", [song.id])
    for table in ("articles", "annotations", "fragments", "annotation_tags"):
        assert lib.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


# --------------------------------------------------------------------- FTS


def fts_integrity_check(lib: Library) -> None:
    """FTS5 compares each index with its content table and raises if they differ."""
    for table in ("songs", "articles", "annotations", "fragments"):
        lib.db.execute(f"INSERT INTO {table}_fts({table}_fts, rank) VALUES ('integrity-check', 1)")


def kinds(lib: Library, query: str) -> set:
    return {hit["kind"] for hit in lib.search(query)}


def test_fts_follows_insert_update_delete(empty_library):
    lib = empty_library
    song = lib.add_song("Zebra Song", lyrics="a marigold line\nanother line")
    assert kinds(lib, "marigold") == {"song"}
    article = lib.add_article(song.id, "Essay", "the porcupine paragraph")
    annotation = lib.add_annotation(
        song.id, anchors_for_quote(song.lyrics, "marigold", 1), note="think of quokkas"
    )
    assert kinds(lib, "porcupine") == {"article"}
    assert kinds(lib, "quokkas") == {"note"}
    assert kinds(lib, "marigold") == {"song", "quote"}
    fts_integrity_check(lib)

    lib.update_song(song.id, lyrics="a tulip line\nanother line")
    lib.update_article(article.id, body="the hedgehog paragraph")
    lib.set_note(annotation.id, "think of wombats")
    assert kinds(lib, "tulip") == {"song"}
    assert kinds(lib, "marigold") == {"quote"}  # the quote keeps its text until re-anchoring
    assert kinds(lib, "porcupine") == set() and kinds(lib, "hedgehog") == {"article"}
    assert kinds(lib, "quokkas") == set() and kinds(lib, "wombats") == {"note"}
    fts_integrity_check(lib)

    with lib.write():
        lib.db.execute("DELETE FROM songs WHERE id = ?", [song.id])
    for word in ("tulip", "hedgehog", "wombats", "marigold", "zebra"):
        assert lib.search(word) == []
    fts_integrity_check(lib)


def test_search_ignores_deleted_annotations_and_fts_syntax(empty_library):
    lib = empty_library
    song = lib.add_song("S", lyrics="one\ntwo")
    note = lib.add_annotation(song.id, [anchor_for_lines(song.lyrics, 1, 1)], note="gooseberry")
    lib.set_deleted(note.id)
    assert lib.search("gooseberry") == []
    for query in ('"', "AND OR NOT", "a*", "col:x", "(", "NEAR("):
        lib.search(query)  # no FTS syntax error reaches the user
    assert lib.search("   ") == []


def test_search_across_diacritics(empty_library):
    lib = empty_library
    lib.add_song("S", lyrics="le café noir")
    assert kinds(lib, "cafe") == {"song"}


# ------------------------------------------------------------- transactions


def test_failed_write_rolls_back_and_leaves_no_transaction(empty_library):
    lib = empty_library
    with pytest.raises(RuntimeError):
        with lib.write():
            lib.db.execute("INSERT INTO meta (key, value) VALUES ('k', 'v')")
            raise RuntimeError("boom")
    assert not lib.db.conn.in_transaction
    assert lib.meta("k") is None


def test_constraint_violation_is_a_readable_error_and_changes_nothing(empty_library):
    lib = empty_library
    song = lib.add_song("S", lyrics="x")
    with pytest.raises(InvalidValue, match="refused"):
        with lib.write():
            lib.db.execute("UPDATE songs SET title = 'new' WHERE id = ?", [song.id])
            lib.db.execute("UPDATE songs SET lyrics_format = 'midi' WHERE id = ?", [song.id])
    assert not lib.db.conn.in_transaction
    assert lib.song(song.id).title == "S"


def test_nested_writes_are_savepoints(empty_library):
    lib = empty_library
    with lib.write():
        lib.set_meta("outer", "1")
        with pytest.raises(RuntimeError):
            with lib.write():
                lib.db.execute("INSERT INTO meta (key, value) VALUES ('inner', '2')")
                raise RuntimeError
    assert lib.meta("outer") == "1" and lib.meta("inner") is None
    assert not lib.db.conn.in_transaction


def test_busy_library_is_a_readable_error(library_path):
    with Library.open(library_path) as lib, Library.open(library_path) as other:
        other.db.execute("PRAGMA busy_timeout = 50")
        lib.db.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(LibraryUnavailable, match="busy"):
                other.set_meta("k", "v")
            assert not other.db.conn.in_transaction
        finally:
            lib.db.execute("ROLLBACK")
        other.set_meta("k", "v")
        assert lib.meta("k") == "v"


# ------------------------------------------------------------------- lenses


def test_default_lenses_have_the_same_ids_in_every_library(tmp_path):
    with (
        Library.open(tmp_path / "a.sqlite", seed_demo=False) as a,
        Library.open(tmp_path / "b.sqlite", seed_demo=False) as b,
    ):
        assert [lens.id for lens in a.lenses()] == [lens.id for lens in b.lenses()]
        assert a.lenses()[0].id == default_lens_id("theme")


def test_lenses_are_user_editable(empty_library):
    lib = empty_library
    song = lib.add_song("S", lyrics="one\ntwo")
    mood = lib.add_lens("Mood", "#A1B2C3")
    assert (mood.colour, mood.position) == ("#a1b2c3", len(DEFAULT_LENSES))
    note = lib.add_annotation(song.id, [anchor_for_lines(song.lyrics, 1, 1)], lens_id=mood.id)

    lib.update_lens(mood.id, name="Feeling", colour="#000000")
    assert lib.annotation(note.id).lens.name == "Feeling"
    assert lib.annotation(note.id).lens.colour == "#000000"

    order = lib.move_lens(mood.id, 0)
    assert order[0].id == mood.id and [lens.position for lens in order] == list(range(len(order)))

    lib.delete_lens(mood.id)
    assert lib.annotation(note.id).lens is None  # the annotation stays, without a lens


@pytest.mark.parametrize(
    "action,message",
    [
        (lambda lib: lib.add_lens("Mood", "red"), "#rrggbb"),
        (lambda lib: lib.add_lens("theme", "#ffffff"), "already a lens named 'theme'"),
        (lambda lib: lib.add_lens("  ", "#ffffff"), "needs a name"),
        (lambda lib: lib.update_lens(lib.lenses()[0].id, name="Imagery"), "already a lens named"),
        (lambda lib: lib.move_lens(lib.lenses()[0].id, 99), "outside"),
    ],
)
def test_bad_lens_changes_are_refused(empty_library, action, message):
    before = empty_library.lenses()
    with pytest.raises(InvalidValue, match=message):
        action(empty_library)
    assert empty_library.lenses() == before


# -------------------------------------------------------------- validation


@pytest.mark.parametrize(
    "fields",
    [
        {"year": True},
        {"year": 0},
        {"line_times": {1}},
        {"line_times": [[-5]]},
        {"line_times": [["1"]]},
        {"lyrics_format": "midi"},
    ],
)
def test_bad_song_values_are_refused(empty_library, fields):
    with pytest.raises(InvalidValue):
        empty_library.add_song("S", **fields)
    assert empty_library.songs() == []


def test_line_times_round_trip(empty_library):
    song = empty_library.add_song(
        "S", lyrics="a\nb\nc", lyrics_format="lrc", line_times=[[1000, 61000], None, [125500]]
    )
    assert empty_library.song(song.id).line_times == [[1000, 61000], None, [125500]]


def test_changes_to_a_missing_annotation_name_it(empty_library):
    from lyricpad.core.errors import AnnotationNotFound

    for action in (
        lambda: empty_library.set_tags("missing", ["x"]),
        lambda: empty_library.set_note("missing", "x"),
        lambda: empty_library.set_lens("missing", None),
        lambda: empty_library.set_deleted("missing"),
    ):
        with pytest.raises(AnnotationNotFound, match="missing"):
            action()


# --------------------------------------------- editing text under annotations


def test_editing_lyrics_moves_annotations_with_their_words(empty_library):
    lib = empty_library
    song = lib.add_song("S", lyrics="first line\nsecond line\nthird line")
    before = lib.add_annotation(song.id, anchors_for_quote(song.lyrics, "first", 1))
    after = lib.add_annotation(song.id, anchors_for_quote(song.lyrics, "third", 1), note="kept")
    lib.update_song(song.id, lyrics="first line\nsecond, longer line\nthird line")
    unmoved = lib.annotation(before.id)
    assert (unmoved.first.start, unmoved.status) == (before.first.start, "anchored")
    assert unmoved.first.suffix != before.first.suffix  # its context is kept current
    moved = lib.annotation(after.id)
    new_lyrics = lib.song(song.id).lyrics
    assert moved.status == "anchored" and moved.note == "kept"
    assert new_lyrics[moved.first.start : moved.first.end] == "third"
    assert moved.first.start == after.first.start + len(", longer")
    assert moved.first.prefix.endswith("longer line\n")


def test_editing_the_words_of_an_annotation_marks_it_for_review(empty_library):
    lib = empty_library
    song = lib.add_song("S", lyrics="the harbour lights\nthe silent boats")
    lights = lib.add_annotation(song.id, anchors_for_quote(song.lyrics, "harbour lights", 1), note="n")
    boats = lib.add_annotation(song.id, anchors_for_quote(song.lyrics, "silent boats", 1))
    lib.update_song(song.id, lyrics="the harbor lights\nthe silent boats")
    review = lib.annotation(lights.id)
    assert review.status == "needs_review"  # never silently pointing at other words
    assert (review.quote, review.note) == ("harbour lights", "n")
    proposal = review.first.proposal
    assert lib.song(song.id).lyrics[proposal.start : proposal.end] == "harbor lights"
    assert review.fragments == (replace(lights.first, proposal=proposal),)  # the rest as it was
    assert lib.annotation(boats.id).status == "anchored"
    assert lib.annotation(boats.id).first.start == boats.first.start - 1


def test_every_fragment_must_survive_for_an_annotation_to_follow(empty_library):
    lib = empty_library
    song = lib.add_song("S", lyrics="la la\nchorus\nla la\nchorus")
    both = lib.add_annotation(song.id, anchors_for_quote(song.lyrics, "chorus", None))
    lib.update_song(song.id, lyrics="la la\nchorus\nla la\nchoruses gone")
    assert lib.annotation(both.id).status == "anchored"  # "chorus" still stands at the second place
    lib.update_song(song.id, lyrics="la la\nchorus\nla la\nrefrain")
    assert lib.annotation(both.id).status == "needs_review"


def test_editing_an_article_moves_its_annotations(empty_library):
    lib = empty_library
    song = lib.add_song("S", lyrics="x")
    article = lib.add_article(song.id, "A", "alpha beta gamma")
    note = lib.add_annotation(
        song.id, anchors_for_quote(article.body, "gamma", 1), target="article", article_id=article.id
    )
    lib.update_article(article.id, title="New title")
    assert lib.annotation(note.id) == note
    lib.update_article(article.id, body="# Heading\n\nalpha *beta* gamma")
    moved = lib.annotation(note.id)
    assert moved.status == "anchored" and moved.first.line_start == 2  # over the rendered text
    lib.update_article(article.id, body="delta comes first now")
    assert lib.annotation(note.id).status == "orphaned"  # "gamma" is gone; the note is kept


# ------------------------------------------------------------ search & FTS


def test_fts_follows_direct_deletes_and_fragment_rewrites(empty_library):
    lib = empty_library
    song = lib.add_song("S", lyrics="velvet thunder\nquiet rain")
    article = lib.add_article(song.id, "A", "an essay on kumquats")
    note = lib.add_annotation(song.id, anchors_for_quote(song.lyrics, "velvet", 1), note="about narwhals")
    with lib.write():
        lib._write_fragments(note.id, anchors_for_quote(song.lyrics, "quiet rain", 1))
    assert kinds(lib, "velvet") == {"song"} and kinds(lib, "rain") == {"song", "quote"}
    with lib.write():
        lib.db.execute("DELETE FROM annotations WHERE id = ?", [note.id])
        lib.db.execute("DELETE FROM articles WHERE id = ?", [article.id])
    assert lib.search("narwhals") == [] and lib.search("kumquats") == []
    assert kinds(lib, "rain") == {"song"}
    fts_integrity_check(lib)


def test_search_leaves_out_songs_in_the_trash(empty_library):
    lib = empty_library
    song = lib.add_song("S", lyrics="a jacaranda tree")
    article = lib.add_article(song.id, "A", "jacaranda essay")
    lib.add_annotation(song.id, anchors_for_quote(song.lyrics, "jacaranda", 1), note="jacaranda note")
    assert kinds(lib, "jacaranda") == {"song", "article", "note", "quote"}
    with lib.write():
        lib.db.execute("UPDATE songs SET deleted = 1 WHERE id = ?", [song.id])
    assert lib.search("jacaranda") == []
    assert article.id  # the article itself is untouched


# ------------------------------------------------------------ damaged pages


def test_a_damaged_page_is_a_readable_error(library_path, tmp_path):
    Library.open(library_path).close()
    conn = sqlite3.connect(library_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'songs'").fetchone()[0]
    conn.close()
    data = bytearray(library_path.read_bytes())
    data[(root - 1) * page_size : root * page_size] = random.Random(3).randbytes(page_size)
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(bytes(data))
    before = sha256(damaged)
    with pytest.raises(NotALibrary, match="damaged"):
        with Library.open(damaged) as lib:
            lib.songs()
    assert sha256(damaged) == before


# ------------------------------------------------- snapshots for undo and redo


def test_an_annotation_snapshot_comes_back_exactly_after_a_purge(empty_library):
    lib = empty_library
    song = lib.add_song("S", lyrics="a line\nthe chorus\nb line\nthe chorus")
    made = lib.add_annotation(
        song.id,
        anchors_for_quote(song.lyrics, "the chorus", None),
        lens_id=lib.resolve_lens("Imagery").id,
        note="a *note* about otters",
        tags=["echo", "Two Words"],
    )
    lib.purge_annotation(made.id)
    assert lib.annotations(song.id, include_deleted=True) == []
    assert lib.db.execute("SELECT count(*) FROM fragments").fetchone()[0] == 0
    assert lib.search("otters") == []

    lib.restore_annotation_snapshot(made)
    assert lib.annotation(made.id) == made  # same id, times, fragments, tags, lens
    assert kinds(lib, "otters") == {"note"}
    fts_integrity_check(lib)


def test_an_annotation_snapshot_overwrites_later_changes(empty_library):
    lib = empty_library
    song = lib.add_song("S", lyrics="one\ntwo")
    made = lib.add_annotation(song.id, [anchor_for_lines(song.lyrics, 1, 1)], tags=["a"])
    lib.set_note(made.id, "later")
    lib.set_tags(made.id, ["b", "c"])
    lib.set_deleted(made.id)
    lib.restore_annotation_snapshot(made)
    assert lib.annotation(made.id) == made
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
        getattr(empty_library, purge)("missing")
    assert type(raised.value).__name__ == error and "missing" in str(raised.value)


def test_songs_go_to_the_trash_and_come_back(empty_library):
    lib = empty_library
    song = lib.add_song("S", lyrics="one\ntwo")
    lib.add_annotation(song.id, [anchor_for_lines(song.lyrics, 1, 1)])
    trashed = lib.set_song_deleted(song.id)
    assert trashed.deleted and lib.songs() == []
    assert len(lib.annotations(song.id)) == 1  # kept with the song
    assert not lib.set_song_deleted(song.id, False).deleted
    assert [s.id for s in lib.songs()] == [song.id]


def test_a_song_snapshot_comes_back_with_its_annotations(empty_library):
    lib = empty_library
    song = lib.add_song("S", artist="A", lyrics="first\nsecond", lyrics_format="lrc", line_times=[[5], None])
    note = lib.add_annotation(song.id, anchors_for_quote(song.lyrics, "second", 1))
    lib.update_song(song.id, title="T", lyrics="first\nmoved second")
    assert lib.annotation(note.id).first.start != note.first.start  # followed its word
    lib.restore_song_snapshot(song, [note])
    assert lib.song(song.id) == song
    assert lib.annotation(note.id) == note
    fts_integrity_check(lib)


def test_purging_a_song_erases_it_and_its_snapshot_brings_it_back(empty_library):
    lib = empty_library
    song = lib.add_song("Quokka Song", lyrics="one\ntwo")
    lib.purge_song(song.id)
    assert lib.songs(include_deleted=True) == [] and lib.search("quokka") == []
    lib.restore_song_snapshot(song)
    assert lib.song(song.id) == song and kinds(lib, "quokka") == {"song"}


def test_articles_trash_purge_and_snapshot(empty_library):
    lib = empty_library
    song = lib.add_song("S", lyrics="x")
    article = lib.add_article(song.id, "A", "alpha beta gamma")
    note = lib.add_annotation(
        song.id, anchors_for_quote(article.body, "gamma", 1), target="article", article_id=article.id
    )
    assert lib.set_article_deleted(article.id).deleted and lib.articles(song.id) == []
    assert not lib.set_article_deleted(article.id, False).deleted
    lib.update_article(article.id, body="gamma first")
    lib.restore_article_snapshot(article, [note])
    assert lib.article(article.id) == article and lib.annotation(note.id) == note
    lib.purge_article(article.id)
    assert lib.articles(song.id, include_deleted=True) == []
    assert lib.annotations(song.id, include_deleted=True) == []  # they went with it
    lib.restore_article_snapshot(article)
    assert lib.article(article.id) == article
    fts_integrity_check(lib)


def test_a_deleted_lens_comes_back_with_its_id_and_annotations(empty_library):
    lib = empty_library
    song = lib.add_song("S", lyrics="one\ntwo")
    lens = lib.resolve_lens("Story")
    kept = lib.add_annotation(song.id, [anchor_for_lines(song.lyrics, 1, 1)], lens_id=lens.id)
    trashed = lib.add_annotation(song.id, [anchor_for_lines(song.lyrics, 2, 2)], lens_id=lens.id)
    lib.set_deleted(trashed.id)
    assert {a.id for a in lib.annotations_with_lens(lens.id)} == {kept.id, trashed.id}
    order = lib.lenses()
    lib.delete_lens(lens.id)
    assert lib.annotations_with_lens(lens.id) == []

    assert lib.restore_lens(lens, [kept.id, trashed.id, "gone"]) == lens
    assert lib.lenses() == order
    assert lib.annotation(kept.id).lens == lens and lib.annotation(trashed.id).lens == lens


def test_restoring_a_lens_refuses_a_name_taken_meanwhile(empty_library):
    lib = empty_library
    lens = lib.resolve_lens("Story")
    lib.delete_lens(lens.id)
    lib.add_lens("STORY", "#000000")
    with pytest.raises(InvalidValue, match="already a lens named"):
        lib.restore_lens(lens)
    assert "Story" not in [lens.name for lens in lib.lenses()]


def test_restoring_a_lens_overwrites_its_name_and_colour(empty_library):
    lib = empty_library
    lens = lib.resolve_lens("Story")
    lib.update_lens(lens.id, name="Plot", colour="#000000")
    assert lib.restore_lens(lens) == lens


def test_lens_positions_are_set_exactly(empty_library):
    lib = empty_library
    before = {lens.id: lens.position for lens in lib.lenses()}
    first = lib.lenses()[0]
    lib.delete_lens(lib.lenses()[1].id)  # leaves a gap in the positions
    gapped = {lens.id: lens.position for lens in lib.lenses()}
    lib.move_lens(first.id, 3)
    lib.set_lens_positions(gapped)
    assert {lens.id: lens.position for lens in lib.lenses()} == gapped
    assert set(gapped) < set(before)
    with pytest.raises(LyricpadError, match="no lens"):
        lib.set_lens_positions({first.id: 5, "missing": 0})
    assert {lens.id: lens.position for lens in lib.lenses()} == gapped  # one transaction


def test_loading_more_annotations_than_sqlite_takes_values_in_one_statement(empty_library):
    # SQLite caps the values one statement takes (32,766 by default); reading annotations must not
    # depend on it. A low cap stands in for a library with a huge number of annotations.
    lib = empty_library
    lyrics = "\n".join(f"line {i}" for i in range(1, 151))
    song = lib.add_song("Many", lyrics=lyrics)
    lens = lib.lenses()[0]
    with lib.write():
        for i in range(1, 151):
            lib.add_annotation(song.id, [anchor_for_lines(lyrics, i, i)], lens_id=lens.id, tags=["b", "a"])
    lib.db.conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 100)
    loaded = lib.annotations(song.id)
    assert len(loaded) == 150 and all(a.tags == ("a", "b") and a.lens == lens for a in loaded)
    assert [a.first.line_start for a in loaded] == list(range(1, 151))
    assert len(lib.annotations_with_lens(lens.id)) == 150
