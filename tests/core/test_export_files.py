"""Atomic writing of exported files: UTF-8 without BOM, LF, an old file left intact, never over an SQLite file."""

import os
import sqlite3
import stat
import subprocess
import sys

import pytest
from library_testing import digests

from lyricpad.core.export import ExportFailed, write_atomic
from lyricpad.core.export.files import safe_file_stem
from lyricpad.core.store import Library


def test_writes_utf8_without_bom_and_lf(tmp_path):
    path = write_atomic(tmp_path / "sub" / "a.md", "é\r\nline\rend\n🎸\n")
    assert path.read_bytes() == "é\nline\nend\n🎸\n".encode()
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_replaces_an_existing_file_and_keeps_its_permissions(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("old")
    path.chmod(0o640)
    write_atomic(path, "new")
    assert path.read_text() == "new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_new_file_follows_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        path = write_atomic(tmp_path / "a.md", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch, failing):
    path = tmp_path / "notes.md"
    path.write_text("old notes")

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, fail)
    with pytest.raises(ExportFailed, match="No space left on device.*old file is unchanged"):
        write_atomic(path, "new notes")
    monkeypatch.undo()
    assert path.read_text() == "old notes"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.md"]


def test_a_folder_that_cannot_be_created_is_reported(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportFailed, match="cannot write"):
        write_atomic(blocker / "a.md", "x")


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("Lanterns on the Water", "Lanterns on the Water"),
        ('a/b\\c:d*e?f"g<h>i|j#k^l[m]n%o', "a b c d e f g h i j k l m n o"),
        ("CON", "CON_"),
        ("nul.txt", "nul.txt_"),
        ("  ..  ", "untitled"),
        ("x" * 300, "x" * 120),
        ("line\nbreak\x00", "line break"),
    ],
)
def test_safe_file_stem(name, stem):
    assert safe_file_stem(name) == stem


# ------------------------------------------------------------ never over an SQLite file


def titles_seen_by_another_process(path) -> list[str]:
    """The song titles another process reads from the library at *path*, through sqlite3."""
    script = (
        "import sqlite3, sys\n"
        "conn = sqlite3.connect(sys.argv[1])\n"
        "print('\\n'.join(t for (t,) in conn.execute('SELECT title FROM songs')))\n"
        "conn.close()"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=60, check=True
    )
    return result.stdout.splitlines()


def another_database(path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.commit()
    conn.close()


HELD = {
    "the open library": "library.sqlite",
    "its -wal": "library.sqlite-wal",
    "its -shm": "library.sqlite-shm",
    "its -wal by another spelling": "../libraries/library.sqlite-wal",
}
CLOSED = {
    "a closed library": "library.sqlite",
    "the -wal of a closed library": "library.sqlite-wal",
    "the -shm of a closed library": "library.sqlite-shm",
    "the -journal of a closed library": "library.sqlite-journal",
}


@pytest.mark.parametrize("case", [*HELD, *CLOSED, "another database", "a file with a -journal beside it"])
def test_never_writes_over_an_sqlite_file(library_path, case):
    library = Library.open(library_path)
    folder = library_path.parent
    try:
        if case not in HELD:
            library.close()
        if case == "another database":
            target = folder / "notes.md"  # the name does not matter: its first bytes do
            another_database(target)
        elif case == "a file with a -journal beside it":
            target = folder / "draft.md"
            target.write_text("a draft\n")
            (folder / "draft.md-journal").write_bytes(b"\0" * 512)
        else:
            target = folder / {**HELD, **CLOSED}[case]
        names = sorted(os.listdir(folder))
        files = [folder / name for name in names]
        before = digests(files)
        changed = folder.stat().st_mtime_ns

        with pytest.raises(ExportFailed) as refused:
            write_atomic(target, "# notes\n")

        message = str(refused.value)
        assert "\n" not in message and target.name in message
        # Nothing was created, not even for a moment (a temporary file would change the folder's time).
        assert sorted(os.listdir(folder)) == names and folder.stat().st_mtime_ns == changed
        assert digests(files) == before
        if case in HELD:
            # SQLite's locks are intact: another process reading (and closing) does not take the
            # -wal away, and it sees what is written after the attempt.
            assert "Lanterns on the Water" in titles_seen_by_another_process(library_path)
            assert (folder / "library.sqlite-wal").exists()
            library.songs.add("Written after the attempt", lyrics="a line")
            assert "Written after the attempt" in titles_seen_by_another_process(library_path)
            assert (folder / "library.sqlite-wal").exists()
    finally:
        library.close()
