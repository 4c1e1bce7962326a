"""The library file: schema, pragmas, migrations, transactions, refusals, damaged pages."""

import hashlib
import random
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from lyricpad.core.demo import DEMO_TITLE
from lyricpad.core.errors import InvalidValue, LibraryTooNew, LibraryUnavailable, NotALibrary
from lyricpad.core.schema import APPLICATION_ID, DEFAULT_LENSES, SCHEMA_VERSION
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


def test_migrations_from_an_empty_file_lyricpad_made(tmp_path, monkeypatch):
    from lyricpad.core.store import opening

    path = tmp_path / "empty.sqlite"
    path.write_bytes(b"")  # a zero-byte file is a new database to SQLite
    monkeypatch.setattr(opening, "_MADE_HERE", {opening.file_key(path)})  # as if lyricpad made it
    with Library.open(path, seed_demo=False) as lib:
        assert lib.schema_version == SCHEMA_VERSION
        assert lib.songs.all() == []


def test_reopening_applies_nothing_twice(library_path):
    Library.open(library_path).close()
    with Library.open(library_path) as lib:
        assert len(list(lib.db["_sqlite_migrations"].rows)) == SCHEMA_VERSION
        assert len(lib.songs.all()) == 1
        assert [lens.name for lens in lib.lenses.all()] == [name for name, _ in DEFAULT_LENSES]


@pytest.mark.parametrize("fixture", sorted((DATA / "libraries").glob("v*.sqlite")), ids=lambda p: p.name)
def test_saved_libraries_of_every_schema_version_open_and_upgrade(fixture, tmp_path):
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    with Library.open(path) as lib:
        assert lib.schema_version == SCHEMA_VERSION
        (song,) = lib.songs.all()
        assert song.title == DEMO_TITLE
        assert len(lib.annotations.for_song(song.id)) == 6
        assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_saved_v2_library_keeps_its_proposed_places_and_lrc_tags(tmp_path):
    path = tmp_path / "v2.sqlite"
    shutil.copyfile(DATA / "libraries" / "v2.sqlite", path)
    with Library.open(path) as lib:
        (song,) = lib.songs.all()
        (review,) = [a for a in lib.annotations.for_song(song.id) if a.status == "needs_review"]
        proposal = review.first.proposal
        assert review.quote.startswith("The harbour lights")
        assert song.lyrics[proposal.start : proposal.end].startswith("The harbor lights")
        assert song.lrc_tags["x-unknown"] == "kept"
        assert lib.annotations.accept_proposal(review.id).first.quote.startswith("The harbor lights")


def test_there_is_a_saved_library_of_the_current_version():
    assert (DATA / "libraries" / f"v{SCHEMA_VERSION}.sqlite").is_file()


def test_processes_opening_a_new_library_at_once_agree(library_path):
    library_path.parent.mkdir()
    code = (
        "import sys; from lyricpad.core.store import Library\n"
        "lib = Library.open(sys.argv[1]); print(len(lib.songs.all())); lib.close()\n"
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
        assert len(lib.songs.all()) == 1  # seeded once, not once per process
        assert len(list(lib.db["_sqlite_migrations"].rows)) == SCHEMA_VERSION


def test_ids_are_uuids(library):
    song = library.songs.all()[0]
    for item_id in [
        song.id,
        *(a.id for a in library.annotations.for_song(song.id)),
        *(lens.id for lens in library.lenses.all()),
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
        (song,) = lib.songs.all()  # reading works
        assert len(lib.annotations.for_song(song.id)) == 6
        for write in (
            lambda: lib.songs.add("New"),
            lambda: lib.songs.update(song.id, lyrics="changed"),
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
        (song,) = lib.songs.all()
        assert song.title == DEMO_TITLE
        assert len(lib.articles.for_song(song.id)) == 1
        annotations = lib.annotations.for_song(song.id)
        assert len({a.lens.name for a in annotations}) >= 4
        assert {a.target for a in annotations} == {"lyrics", "article"}
        assert any(len(a.fragments) > 1 for a in annotations)  # the chorus, every occurrence
        with lib.write():
            lib.db.execute("DELETE FROM songs")
    with Library.open(library_path) as lib:
        assert lib.songs.all() == []  # deleting the demo is respected


def test_demo_annotations_point_at_their_quotes(library):
    song = library.songs.all()[0]
    for annotation in library.annotations.for_song(song.id):
        text = library.annotations.target_text(song.id, annotation.target, annotation.article_id)
        for fragment in annotation.fragments:
            assert text[fragment.start : fragment.end] == fragment.quote


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
    song = lib.songs.add("S", lyrics="x")
    with pytest.raises(InvalidValue, match="refused"):
        with lib.write():
            lib.db.execute("UPDATE songs SET title = 'new' WHERE id = ?", [song.id])
            lib.db.execute("UPDATE songs SET lyrics_format = 'midi' WHERE id = ?", [song.id])
    assert not lib.db.conn.in_transaction
    assert lib.songs.get(song.id).title == "S"


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
            lib.songs.all()
    assert sha256(damaged) == before


@pytest.mark.parametrize("fixture", sorted((DATA / "libraries").glob("v*.sqlite")), ids=lambda p: p.name)
def test_saved_libraries_upgrade_to_the_study_tables(fixture, tmp_path):
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    with Library.open(path) as lib:
        (song,) = lib.songs.all()
        made = lib.corrections.set(song.id, 2, "syllables", 9)  # the new tables and columns are there
        lib.translations.set(song.id, ["x"] * len(song.lyrics.split("\n")), language="fr")
        lib.songs.update(song.id, lyrics="New first line\n" + song.lyrics)
        assert lib.corrections.get(made.id).line == 3
        assert lib.translations.get(song.id).lines[:2] == ["", "x"]


def test_a_saved_v4_library_keeps_its_study_data(tmp_path):
    from lyricpad.core.study import Correction

    path = tmp_path / "v4.sqlite"
    shutil.copyfile(DATA / "libraries" / "v4.sqlite", path)
    with Library.open(path) as lib:
        (song,) = lib.songs.all()
        assert song.language == "en"
        assert lib.corrections.for_song(song.id) == [
            Correction(2, "syllables", "10"),
            Correction(4, "rhyme", "A"),
            Correction(29, "section", "Bridge"),
        ]
        translation = lib.translations.get(song.id)
        assert translation.language == "de" and translation.lines[1] == "Zeile 2"
        assert len(translation.lines) == len(song.lyrics.split("\n"))
        assert [a.time_ms for a in lib.annotations.for_song(song.id) if a.time_ms] == [12340]
