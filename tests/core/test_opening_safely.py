"""Opening a file changes nothing that is not ours to change, and never unlocks the library (issue 12).

A foreign, newer or damaged file with a hot -wal or -journal beside it is looked at read-only
first: not a byte of the file, its -wal, -shm or -journal changes. And a process that holds
the library keeps SQLite's locks on it whatever else it opens.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from library_testing import put_an_index_out_of_step

from lyricpad.core import livefiles
from lyricpad.core.errors import LibraryUnavailable, NotALibrary
from lyricpad.core.probe import page_problems
from lyricpad.core.schema import SCHEMA_VERSION
from lyricpad.core.store import Library

SIDES = ("", "-wal", "-shm", "-journal")


def fingerprint(path: Path) -> dict[str, str]:
    """The hash of the file and of each SQLite file beside it (what exists), and the folder's names."""
    found = {}
    for suffix in SIDES:
        side = Path(f"{path}{suffix}")
        if side.exists():
            found[suffix] = hashlib.sha256(side.read_bytes()).hexdigest()
    found["names"] = ",".join(sorted(p.name for p in path.parent.iterdir()))
    return found


def crash_while_writing(path: Path, sql: list[str], *, wal: bool) -> None:
    """Run *sql* in another process that dies before closing: a hot -wal (committed) or -journal (not)."""
    code = f"""
import os, sqlite3
conn = sqlite3.connect({str(path)!r}, isolation_level=None)
if {wal!r}:
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    for statement in {sql!r}:
        conn.execute(statement)
else:
    conn.execute("PRAGMA cache_size = 2")  # pages spill into the file before the commit
    conn.execute("BEGIN")
    for statement in {sql!r}:
        conn.execute(statement)
os._exit(0)
"""
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


FILL = "INSERT INTO t SELECT randomblob(900) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 600) SELECT i FROM n)"


def foreign_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute(FILL)
    conn.commit()
    conn.close()


def damage_songs_table(path: Path) -> None:
    """Overwrite the b-tree header of the songs table's root page (no connection is open)."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'songs'").fetchone()[0]
    conn.close()
    with open(path, "r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\xff" * 12)


@pytest.mark.parametrize("wal", [True, False], ids=["hot-wal", "hot-journal"])
def test_a_foreign_database_left_by_a_crash_is_refused_untouched(tmp_path, wal):
    path = tmp_path / "other-app.sqlite"
    foreign_database(path)
    crash_while_writing(path, ["UPDATE t SET x = randomblob(900)"] if not wal else [FILL], wal=wal)
    assert Path(f"{path}{'-wal' if wal else '-journal'}").stat().st_size > 0
    before = fingerprint(path)
    with pytest.raises(NotALibrary, match="not a lyricpad library"):
        Library.open(path)
    assert fingerprint(path) == before


def newer_library(path: Path) -> None:
    Library.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()


def test_a_newer_library_with_a_hot_wal_is_read_with_its_changes_and_left_untouched(tmp_path):
    path = tmp_path / "newer.sqlite"
    newer_library(path)
    crash_while_writing(
        path, ["INSERT INTO meta (key, value) VALUES ('written', 'by a newer lyricpad')"], wal=True
    )
    before = fingerprint(path)
    library = Library.open(path)
    assert "newer lyricpad" in library.read_only
    assert library.meta("written") == "by a newer lyricpad"  # the -wal's change is seen
    library.close()
    assert fingerprint(path) == before  # not recovered, not checkpointed, no -shm rewritten


def test_a_newer_library_with_a_hot_journal_is_refused_untouched(tmp_path):
    path = tmp_path / "newer.sqlite"
    newer_library(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")  # a library of that newer lyricpad in rollback mode
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    crash_while_writing(path, [FILL], wal=False)
    before = fingerprint(path)
    with pytest.raises(LibraryUnavailable, match="unfinished change"):
        Library.open(path)
    assert fingerprint(path) == before


def test_a_damaged_library_with_a_hot_wal_is_refused_untouched(tmp_path):
    path = tmp_path / "library.sqlite"
    Library.open(path).close()
    damage_songs_table(path)
    crash_while_writing(path, ["INSERT INTO meta (key, value) VALUES ('x', 'y')"], wal=True)
    before = fingerprint(path)
    with pytest.raises(NotALibrary, match="damaged"):
        Library.open(path)
    assert fingerprint(path) == before


def test_a_damaged_library_in_rollback_mode_is_refused_before_any_pragma_writes(tmp_path):
    path = tmp_path / "library.sqlite"
    Library.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")  # as a backup is, or a library copied from one
    conn.close()
    damage_songs_table(path)
    before = fingerprint(path)
    with pytest.raises(NotALibrary, match="damaged"):
        Library.open(path)
    assert fingerprint(path) == before  # journal_mode = WAL was never written
    crash_while_writing(path, ["INSERT INTO meta (key, value) VALUES ('x', 'y')"], wal=False)
    before = fingerprint(path)
    with pytest.raises(NotALibrary, match="damaged"):
        Library.open(path)
    assert fingerprint(path) == before  # nor was the -journal rolled back


def test_our_own_library_left_by_a_crash_is_recovered(tmp_path):
    path = tmp_path / "library.sqlite"
    Library.open(path).close()
    crash_while_writing(
        path, ["INSERT INTO meta (key, value) VALUES ('committed', 'before the crash')"], wal=True
    )
    with Library.open(path) as library:
        assert library.meta("committed") == "before the crash"


def test_newer_sqlite_s_full_text_lines_are_not_page_damage():
    found = [
        "*** in database main ***",
        'fts5: corruption found reading blob 10 from table "fragments_fts"',
        "malformed inverted index for FTS5 table main.notes_fts",
        "row 3 missing from index sqlite_autoindex_songs_fts_idx_1",
        "Tree 7 page 7 cell 0: invalid page number 99",
    ]
    assert page_problems(found) == ["Tree 7 page 7 cell 0: invalid page number 99"]
    assert page_problems(["ok"]) == []


# ------------------------------------------------------------------ the locks


def other_process_opens_and_closes(path: Path) -> None:
    """What `lyricpad songs` does to the file: open, read, close (the last one out checkpoints)."""
    code = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('SELECT count(*) FROM songs').fetchone(); c.close()"
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, timeout=60)


def other_process_reads_meta(path: Path, key: str) -> str | None:
    code = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); r = c.execute('SELECT value FROM meta WHERE key = ?', [sys.argv[2]]).fetchone(); print(r[0] if r else '')"
    out = subprocess.run(
        [sys.executable, "-c", code, str(path), key], check=True, timeout=60, capture_output=True, text=True
    )
    return out.stdout.strip() or None


def deleted_descriptors() -> list[str]:
    """Files this process still has open although they were deleted (a -wal removed under it)."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.endswith(" (deleted)") and "sqlite" in target:
            found.append(target)
    return found


def _open_a_reader_and_close_both(path: Path) -> None:
    with Library.open(path) as library:
        library.reader().close()


OPENINGS = {
    "a second Library": lambda path: Library.open(path, seed_demo=False).close(),
    "a reader": lambda path: _open_a_reader_and_close_both(path),
    "is_sqlite_file": lambda path: livefiles.is_sqlite_file(path),
    "refuse_sqlite_target": lambda path: pytest.raises(
        livefiles.PathRefused, livefiles.refuse_sqlite_target, path
    ),
    "read_head of the -wal": lambda path: pytest.raises(
        livefiles.PathRefused, livefiles.read_head, Path(f"{path}-wal")
    ),
}


@pytest.mark.parametrize("opening", sorted(OPENINGS))
def test_opening_the_held_library_again_keeps_its_locks(library_path, opening):
    holder = Library.open(library_path)
    holder.set_meta("first", "1")
    wal = Path(f"{library_path}-wal")
    inode = wal.stat().st_ino
    OPENINGS[opening](library_path)
    other_process_opens_and_closes(library_path)
    assert wal.exists() and wal.stat().st_ino == inode, "another process deleted the -wal under the holder"
    holder.set_meta("second", "2")
    assert other_process_reads_meta(library_path, "second") == "2"  # the holder's write is in the file
    assert deleted_descriptors() == []
    holder.close()


def test_a_plain_open_would_have_unlocked_it(library_path):
    """The failure this guards against, shown for real: why nothing may open() the library."""
    holder = Library.open(library_path)
    holder.set_meta("first", "1")
    with open(library_path, "rb") as fh:  # what the old header check did
        fh.read(16)
    other_process_opens_and_closes(library_path)
    assert not Path(f"{library_path}-wal").exists()  # deleted while the holder has it open
    holder.close()


def test_the_registry_follows_opening_and_closing(library_path):
    assert livefiles.held_by_process(library_path) is None
    library = Library.open(library_path)
    assert livefiles.held_by_process(library_path) == library_path
    assert livefiles.held_by_process(f"{library_path}-wal") == library_path
    link = library_path.with_name("hard-link.sqlite")
    os.link(library_path, link)
    assert livefiles.held_by_process(link) == library_path  # another name of the same file
    reader = library.reader()
    library.close()
    assert livefiles.held_by_process(library_path) == library_path  # the reader still has it
    reader.close()
    assert livefiles.held_by_process(library_path) is None


def test_a_newer_library_opened_twice_in_one_process_is_read_only_both_times(tmp_path):
    path = tmp_path / "newer.sqlite"
    newer_library(path)
    first = Library.open(path)
    second = Library.open(path)  # held already: looked at again, never opened for writing
    assert first.read_only and second.read_only
    second.close()
    first.close()


def test_sqlite_s_own_file_of_another_database_is_refused_as_a_library(tmp_path):
    path = tmp_path / "library.sqlite"
    other = Library.open(path)
    other.set_meta("x", "1")
    wal = Path(f"{path}-wal")
    before = wal.stat().st_ino, wal.stat().st_size
    with pytest.raises(LibraryUnavailable, match="SQLite's own files"):
        Library.open(wal)
    assert (wal.stat().st_ino, wal.stat().st_size) == before
    other.close()


def test_a_library_opened_through_a_link_is_known_by_the_files_beside_its_target(tmp_path):
    real = tmp_path / "real" / "library.sqlite"
    Library.open(real).close()
    link = tmp_path / "link.sqlite"
    link.symlink_to(real)
    library = Library.open(link)
    library.set_meta("x", "1")
    shm = Path(f"{real}-shm")
    assert shm.exists() and not Path(f"{link}-shm").exists()  # SQLite keeps them beside the target
    assert livefiles.held_by_process(shm) is not None
    with pytest.raises(livefiles.PathRefused):
        livefiles.read_head(shm)
    locks = [line for line in Path("/proc/locks").read_text().splitlines() if f" {os.getpid()} " in line]
    other_process_opens_and_closes(link)
    assert Path(f"{real}-wal").exists()
    assert [
        line for line in Path("/proc/locks").read_text().splitlines() if f" {os.getpid()} " in line
    ] == locks
    library.close()


def test_a_backup_or_a_copy_opened_as_a_library_becomes_a_library_of_its_own(tmp_path):
    from lyricpad.core.backup import BackupFailed, make_backup

    library = Library.open(tmp_path / "library.sqlite")
    backup = make_backup(library, tmp_path / "backup.sqlite")
    copy = tmp_path / "opened-backup.sqlite"
    copy.write_bytes(backup.read_bytes())
    with Library.open(copy) as opened:
        opened.set_meta("work", "done in the copy")
        assert opened.library_id != library.library_id
    with pytest.raises(BackupFailed, match="no mark|another library"):
        make_backup(library, copy)  # it is a library now, with work in it: never written over
    with Library.open(copy) as opened:
        assert opened.meta("work") == "done in the copy"
    assert make_backup(library, backup) == backup  # a real backup of this library still may be
    library.close()


def test_an_index_out_of_step_with_its_table_is_damage_refused_before_any_write(tmp_path):
    """Opening a library that needs no writing does not read it whole (issue 18), but the first
    write of the process checks it whole: a damaged library is never written to. Reading it still
    works; a copy of it, which opening would write to (its own id), is refused as it opens."""
    from lyricpad.core.check import check_pages
    from lyricpad.core.errors import LibraryDamaged

    path = tmp_path / "library.sqlite"
    Library.open(path).close()
    put_an_index_out_of_step(path)  # an index no longer matching its table
    before = fingerprint(path)
    with Library.open(path) as library:
        assert library.songs.all()  # reading goes on
        for write in range(2):  # every write, not only the first
            with pytest.raises(LibraryDamaged, match="not saved.*damaged.*annotations_song"):
                library.set_meta("x", str(write))
        reader = library.reader()
        try:
            assert "annotations_song" in check_pages(reader)
        finally:
            reader.close()
    assert fingerprint(path) == before
    copy = tmp_path / "copy" / "library.sqlite"
    copy.parent.mkdir()
    copy.write_bytes(path.read_bytes())
    before = fingerprint(copy)
    with pytest.raises(NotALibrary, match="damaged.*annotations_song"):
        Library.open(copy)
    assert fingerprint(copy) == before


def test_a_write_command_on_a_library_with_an_index_out_of_step_changes_nothing(tmp_path, cli):
    path = tmp_path / "library.sqlite"
    Library.open(path).close()
    put_an_index_out_of_step(path)
    before = fingerprint(path)
    code, out, err = cli("annotate", "Lanterns on the Water", "--lines", "1", "--note", "hello", library=path)
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "not saved" in err and "damaged" in err and "annotations_song" in err
    assert fingerprint(path) == before
    code, out, _err = cli("songs", library=path)  # reading needs no whole check, and works
    assert code == 0 and "Lanterns on the Water" in out
    assert fingerprint(path) == before


def test_a_library_another_process_is_creating_is_looked_at_again(tmp_path, monkeypatch):
    """A lock-free look may meet a file half-made by another process: it is looked at again, and
    only what is seen every time is believed (damage, or a file that cannot be read)."""
    from lyricpad.core import probe as probe_module

    path = tmp_path / "library.sqlite"
    Library.open(path).close()
    real, looks = probe_module._look, []

    def torn_twice(*args):
        looks.append(1)
        if len(looks) <= 2:
            raise probe_module._Retry(LibraryUnavailable("unable to open database file"))
        return real(*args)

    monkeypatch.setattr(probe_module, "_look", torn_twice)
    monkeypatch.setattr(probe_module, "RETRY_SECONDS", 0.001)
    assert probe_module.probe(path).version == SCHEMA_VERSION and len(looks) == 3
    looks.clear()

    def torn_always(*args):
        looks.append(1)
        raise probe_module._Retry(LibraryUnavailable("unable to open database file"))

    monkeypatch.setattr(probe_module, "_look", torn_always)
    with pytest.raises(LibraryUnavailable, match="unable to open"):
        probe_module.probe(path)
    assert len(looks) == probe_module.ATTEMPTS


# ------------------------------------------------------------------ an empty file (issue 14)


def test_an_empty_file_is_refused_not_made_a_library(tmp_path):
    from lyricpad.core.errors import ForeignDatabase

    path = tmp_path / "thesis.txt"
    path.write_bytes(b"")
    before = fingerprint(path)
    with pytest.raises(ForeignDatabase, match=f"{path} is an empty file, not a lyricpad library"):
        Library.open(path)
    assert fingerprint(path) == before and path.read_bytes() == b""


def test_an_empty_file_lyricpad_just_made_opens(tmp_path, monkeypatch):
    """A new library left empty by a failure right after it was made is opened again by this process."""
    from lyricpad.core.store import library as library_module

    path = tmp_path / "new.sqlite"

    def fail(self):
        raise OSError("disk full")

    with monkeypatch.context() as patched:
        patched.setattr(library_module.Library, "_configure", fail)
        with pytest.raises(OSError):
            Library.open(path)
    assert path.exists() and path.stat().st_size == 0
    with Library.open(path) as lib:
        assert len(lib.songs.all()) == 1
