"""A damaged library: set aside only when asked, salvaged row by row, or replaced by a backup (issue 7)."""

from __future__ import annotations

import contextlib
import hashlib
import random
import sqlite3
from pathlib import Path

import pytest

from lyricpad.core.anchoring import anchor_for_lines
from lyricpad.core.backup import make_backup
from lyricpad.core.errors import LibraryUnavailable, NotALibrary
from lyricpad.core.salvage import restore_into, salvage, set_aside
from lyricpad.core.store import Library


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_library(path: Path, songs: int = 60) -> None:
    with Library.open(path) as lib:
        for i in range(songs):
            song = lib.songs.add(f"Song {i:03d}", lyrics=f"line one of {i}\nline two of {i}\n" * 30)
            lib.annotations.add(song.id, [anchor_for_lines(song.lyrics, 2, 2)], note=f"note {i}", tags=["t"])
        lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def damage_a_page(path: Path, page: int) -> None:
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big") or 65536
    data[(page - 1) * size + 8 : page * size] = random.Random(page).randbytes(size - 8)
    path.write_bytes(bytes(data))


def test_salvage_recovers_what_can_be_read_and_leaves_the_damaged_file_alone(tmp_path):
    good = tmp_path / "good.sqlite"
    make_library(good)
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(good.read_bytes())
    with contextlib.closing(
        sqlite3.connect(good)
    ) as conn:  # a page in the middle of the songs table's leaves
        leaves = [
            page
            for (page,) in conn.execute(
                "SELECT pageno FROM dbstat WHERE name = 'songs' AND pagetype = 'leaf' ORDER BY pageno"
            )
        ]
    damage_a_page(damaged, leaves[len(leaves) // 2])
    with pytest.raises(NotALibrary, match="damaged"):
        Library.open(damaged)
    before = sha256(damaged)
    report = salvage(damaged, tmp_path / "salvaged.sqlite")
    assert sha256(damaged) == before
    with Library.open(tmp_path / "salvaged.sqlite") as lib:
        songs = lib.songs.all()
        assert 30 <= len(songs) <= 61  # most of them; never invented ones
        titles = {s.title for s in songs}
        assert titles <= {f"Song {i:03d}" for i in range(60)} | {"Lanterns on the Water"}
        for song in songs:
            for annotation in lib.annotations.for_song(song.id):
                assert annotation.fragments  # no annotation without its text
        assert lib.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert "Recovered" in report.summary()


def test_salvage_of_an_undamaged_file_copies_everything(tmp_path):
    good = tmp_path / "good.sqlite"
    make_library(good, songs=5)
    report = salvage(good, tmp_path / "copy.sqlite")
    assert report.unreadable == {} and report.dropped == {}
    with Library.open(good) as a, Library.open(tmp_path / "copy.sqlite") as b:
        assert [s.id for s in a.songs.all()] == [s.id for s in b.songs.all()]
        for song in a.songs.all():
            assert a.annotations.for_song(song.id) == b.annotations.for_song(song.id)
        assert a.search.find("two") == b.search.find("two")  # the full-text index follows


@pytest.mark.parametrize("content", [b"just text\n" * 100, random.Random(3).randbytes(5000)])
def test_nothing_to_salvage_is_one_clear_error(tmp_path, content):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(content)
    with pytest.raises(NotALibrary, match="nothing can be salvaged"):
        salvage(bad, tmp_path / "new.sqlite")
    assert not (tmp_path / "new.sqlite").exists()


def test_set_aside_renames_only_the_library_and_never_sqlites_files(tmp_path):
    path = tmp_path / "library.sqlite"
    path.write_bytes(b"garbage" * 100)
    aside = set_aside(path)
    assert not path.exists() and aside.read_bytes() == b"garbage" * 100
    assert aside.name.startswith("library-damaged-") and aside.suffix == ".sqlite"
    path.write_bytes(b"garbage again")
    Path(f"{path}-wal").write_bytes(b"wal")
    with pytest.raises(LibraryUnavailable, match="never moves SQLite's own files"):
        set_aside(path)
    assert path.exists() and Path(f"{path}-wal").read_bytes() == b"wal"


def test_restore_into_the_place_of_a_damaged_library(tmp_path):
    path = tmp_path / "library.sqlite"
    make_library(path, songs=3)
    with Library.open(path) as lib:
        backup = make_backup(lib, tmp_path / "backup.sqlite")
    path.write_bytes(b"now it is damaged" * 50)
    set_aside(path)
    restore_into(path, backup)
    with Library.open(path) as lib:
        assert len(lib.songs.all()) == 4
        assert lib.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with pytest.raises(LibraryUnavailable, match="exists"):
        restore_into(path, backup)


def test_an_older_damaged_library_salvages_into_the_current_schema(tmp_path):
    import shutil

    old = tmp_path / "v1.sqlite"
    shutil.copyfile(Path(__file__).parent.parent / "data" / "libraries" / "v1.sqlite", old)
    salvage(old, tmp_path / "new.sqlite")
    with Library.open(tmp_path / "new.sqlite") as lib:
        (song,) = lib.songs.all()
        assert len(lib.annotations.for_song(song.id)) == 6
        conn = sqlite3.connect(tmp_path / "new.sqlite")
        assert conn.execute("PRAGMA user_version").fetchone()[0] == lib.schema_version
        conn.close()
