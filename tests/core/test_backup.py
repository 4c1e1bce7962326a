"""Backups (issue 7): made with SQLite's backup API, checked, rotated, listed, restored."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from lyricpad.core import backup as backup_module
from lyricpad.core.anchoring import anchor_for_lines
from lyricpad.core.backup import (
    KEEP_DAILY,
    KEEP_RECENT,
    BackupFailed,
    BackupInfo,
    backups_folder,
    backups_to_keep,
    check_backup,
    list_backups,
    make_backup,
    restore_backup,
    rotate,
)
from lyricpad.core.errors import NotALibrary
from lyricpad.core.schema import SCHEMA_VERSION
from lyricpad.core.store import Library

DATA = Path(__file__).parent.parent / "data"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def library(library_path):
    lib = Library.open(library_path)
    yield lib
    lib.close()


def test_a_backup_holds_committed_changes_still_in_the_wal(library, tmp_path):
    song = library.songs.add("Only in the WAL", lyrics="one\ntwo")
    assert Path(f"{library.path}-wal").stat().st_size > 0  # not checkpointed into the main file yet
    path = make_backup(library, tmp_path / "copy.sqlite")
    assert check_backup(path) == SCHEMA_VERSION
    assert not Path(f"{path}-wal").exists()  # a single self-contained file
    with Library.open(path) as copy:
        assert copy.songs.get(song.id).title == "Only in the WAL"


def test_automatic_backups_go_to_the_backups_folder_and_are_listed_newest_first(library):
    first = make_backup(library, reason="auto")
    library.songs.add("Between")
    second = make_backup(library, reason="quit")
    assert first.parent == second.parent == backups_folder(library.path)
    found = list_backups(library.path)
    assert [b.path for b in found] == [second, first]
    assert [b.reason for b in found] == ["quit", "auto"]
    assert not list(first.parent.glob(".*partial"))


def test_a_backup_that_fails_its_check_is_not_kept(library, tmp_path, monkeypatch):
    # The copy is real; its check is made to report a problem, as a damaged library would.
    monkeypatch.setattr(backup_module, "_integrity", lambda conn: "row 3 missing from index")
    target = tmp_path / "copy.sqlite"
    with pytest.raises(BackupFailed, match="did not pass its check"):
        make_backup(library, target)
    assert not target.exists() and not list(tmp_path.glob(".*partial"))


def test_a_backup_to_a_folder_that_cannot_be_made_is_one_clear_error(library, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(BackupFailed, match="could not back up"):
        make_backup(library, blocker / "sub" / "copy.sqlite")
    with pytest.raises(BackupFailed, match="cannot overwrite the library"):
        make_backup(library, library.path)


def test_rotation_keeps_the_newest_few_one_per_recent_day_and_migrations():
    now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    made = []
    for hours in range(0, 24 * 40, 5):  # a backup every 5 hours for 40 days
        made.append(BackupInfo(Path(f"b{hours}"), now - timedelta(hours=hours), "auto"))
    made.append(BackupInfo(Path("migration-old"), now - timedelta(days=300), "migration"))
    made.sort(key=lambda b: b.created, reverse=True)
    keep = backups_to_keep(made, now)
    assert {b.path for b in made[:KEEP_RECENT]} <= keep
    assert Path("migration-old") in keep
    days = {b.created.date() for b in made if b.path in keep and b.reason == "auto"}
    assert len(days) == KEEP_DAILY  # one for each of the recent days, none older
    assert min(days) == (now - timedelta(days=KEEP_DAILY - 1)).date()
    assert len(keep) <= KEEP_RECENT + KEEP_DAILY + 1


def test_rotation_over_many_cycles_deletes_only_this_librarys_backups(library, monkeypatch):
    folder = backups_folder(library.path)
    folder.mkdir()
    stranger = folder / "notes.txt"
    stranger.write_text("mine")
    other = folder / "other-20200101-000000-000-auto.sqlite"
    other.write_text("another library's backup")
    for cycle in range(12):
        library.songs.add(f"Song {cycle}")
        make_backup(library, reason="auto")
    found = list_backups(library.path)
    assert len(found) == KEEP_RECENT  # all made today: the newest few
    assert stranger.exists() and other.exists()
    for backup in found:
        assert check_backup(backup.path) == SCHEMA_VERSION
    assert rotate(library.path) == []


def test_restore_brings_back_the_backup_and_saves_the_current_state_first(library):
    song = library.songs.all()[0]
    good = make_backup(library, reason="manual")
    library.annotations.add(song.id, [anchor_for_lines(song.lyrics, 4, 4)], note="after the backup")
    library.songs.update(song.id, title="Renamed later")
    safety = restore_backup(library, good)
    assert library.songs.get(song.id).title == song.title
    assert len(library.annotations.for_song(song.id)) == 6
    assert library.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert library.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with Library.open(safety) as before_restore:  # nothing lost: the undone state is kept
        assert before_restore.songs.get(song.id).title == "Renamed later"
    library.songs.add("Writes still work")


def test_restore_from_another_process_view(library, library_path):
    good = make_backup(library, reason="manual")
    library.songs.add("Later")
    restore_backup(library, good)
    with Library.open(library_path) as other:
        assert "Later" not in [s.title for s in other.songs.all()]


def test_restoring_an_older_schema_backup_upgrades_it(library, tmp_path):
    old = tmp_path / "v1.sqlite"
    shutil.copyfile(DATA / "libraries" / "v1.sqlite", old)
    before = sha256(old)
    restore_backup(library, old)
    assert library.schema_version == SCHEMA_VERSION
    assert sha256(old) == before  # the backup itself is never changed


@pytest.mark.parametrize(
    "content, message",
    [
        (b"not a database at all\n" * 10, "not an SQLite database"),
        (b"SQLite format 3\x00" + bytes(200), "damaged"),
    ],
)
def test_restore_refuses_a_bad_backup_and_changes_nothing(library, tmp_path, content, message):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(content)
    songs = library.songs.all()
    with pytest.raises(NotALibrary, match=message):
        restore_backup(library, bad)
    assert library.songs.all() == songs
    assert list_backups(library.path) == []  # refused before even the safety backup


def test_restore_refuses_a_newer_backup(library, tmp_path):
    newer = make_backup(library, tmp_path / "newer.sqlite")
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(BackupFailed, match="newer lyricpad"):
        restore_backup(library, newer)


def test_a_migration_is_preceded_by_a_backup_of_the_old_library(tmp_path):
    path = tmp_path / "library.sqlite"
    shutil.copyfile(DATA / "libraries" / "v1.sqlite", path)
    with Library.open(path) as lib:
        assert lib.schema_version == SCHEMA_VERSION
    (found,) = list_backups(path)
    assert found.reason == "migration"
    assert check_backup(found.path) == 1  # the library as it was before the upgrade


def test_a_new_library_makes_no_migration_backup(library_path):
    Library.open(library_path).close()
    assert list_backups(library_path) == []


def test_backups_made_by_hand_and_before_a_restore_are_never_rotated(library):
    manual = make_backup(library, reason="manual")
    before_restore = make_backup(library, reason="restore")
    for _ in range(KEEP_RECENT + 3):
        make_backup(library, reason="auto")
    assert manual.exists() and before_restore.exists()


def test_a_backup_never_overwrites_a_file_that_is_not_a_backup_or_sqlites_own(library, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes")
    with pytest.raises(BackupFailed, match="not a lyricpad backup"):
        make_backup(library, notes)
    assert notes.read_text() == "my notes"
    with pytest.raises(BackupFailed, match="belongs to SQLite"):
        make_backup(library, Path(f"{library.path}-wal"))
    older = make_backup(library, tmp_path / "copy.sqlite")
    assert make_backup(library, older) == older  # an older backup may be replaced


def test_a_library_with_its_wal_beside_it_is_not_restored_from(library, tmp_path):
    other = tmp_path / "other.sqlite"
    live = Library.open(other)
    live.songs.add("Only in the WAL")
    try:
        with pytest.raises(BackupFailed, match="-wal lies beside"):
            restore_backup(library, other)
    finally:
        live.close()


def test_each_library_has_its_own_id_and_its_backups_carry_it(library, tmp_path):
    from lyricpad.core.backup import backup_of

    other = Library.open(tmp_path / "other.sqlite")
    assert library.library_id and other.library_id and library.library_id != other.library_id
    made = make_backup(library, tmp_path / "mine.sqlite")
    assert backup_of(made) == library.library_id
    with Library.open(library.path) as again:
        assert again.library_id == library.library_id  # kept, not made anew at each opening
    other.close()


@pytest.mark.parametrize(
    "kind", ["another library", "another library's backup", "an unmarked backup", "a library in use"]
)
def test_backup_o_writes_over_nothing_but_a_backup_of_this_library(library, tmp_path, kind):
    other_path = tmp_path / "other.sqlite"
    target = tmp_path / "target.sqlite"
    with Library.open(other_path) as other:
        if kind == "another library":
            other.db.execute(f"VACUUM INTO '{target}'")
        elif kind == "another library's backup":
            make_backup(other, target)
        elif kind == "an unmarked backup":  # as lyricpad made them before they were marked
            make_backup(library, target)
            conn = sqlite3.connect(target)
            conn.execute("DELETE FROM meta WHERE key = 'backup_of'")
            conn.commit()
            conn.close()
    holder = None
    if kind == "a library in use":
        make_backup(library, target)
        holder = sqlite3.connect(target)  # another program has it open in WAL mode
        holder.execute("PRAGMA journal_mode = WAL")
        holder.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
        holder.commit()
    before = sha256(target)
    try:
        with pytest.raises(BackupFailed, match="nothing was overwritten|choose another name") as refused:
            make_backup(library, target)
        assert "\n" not in str(refused.value)
        assert sha256(target) == before
    finally:
        if holder is not None:
            holder.close()


def test_a_restored_library_is_no_longer_marked_as_a_backup(library, tmp_path):
    from lyricpad.core.backup import BACKUP_OF_KEY

    made = make_backup(library, tmp_path / "mine.sqlite")
    restore_backup(library, made)
    assert library.meta(BACKUP_OF_KEY) is None
    again = make_backup(library, made)  # still a backup of this library: may be replaced
    assert again == made


def test_a_moved_library_is_the_same_library_and_opening_it_writes_nothing(tmp_path):
    first = tmp_path / "first" / "library.sqlite"
    with Library.open(first) as library:
        own_id = library.library_id
        weekly = make_backup(library, first.parent / "weekly.sqlite")
    Library.open(first).close()
    before = sha256(first)
    Library.open(first).close()
    assert sha256(first) == before  # an unchanged library is not written by opening it
    alias = tmp_path / "alias.sqlite"  # the same file by another name (as a bind mount gives)
    alias.hardlink_to(first)
    for path in (alias, first, alias):
        Library.open(path).close()
        assert sha256(first) == before  # nor by opening it by another name
    moved = tmp_path / "moved"
    first.parent.rename(moved)
    with Library.open(moved / "library.sqlite") as library:
        assert library.library_id == own_id  # the same file, found elsewhere
        assert make_backup(library, moved / weekly.name) == moved / weekly.name  # still its backup


def test_a_library_restored_after_damage_is_still_the_same_library(tmp_path):
    from lyricpad.core.salvage import restore_into

    path = tmp_path / "library.sqlite"
    with Library.open(path) as library:
        own_id = library.library_id
        weekly = make_backup(library, tmp_path / "weekly.sqlite")
    path.rename(tmp_path / "set-aside.sqlite")  # as the damaged-library dialog does
    restore_into(path, weekly)
    with Library.open(path) as library:
        assert library.library_id == own_id
        assert make_backup(library, weekly) == weekly
