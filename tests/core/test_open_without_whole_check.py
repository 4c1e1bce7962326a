"""Opening a library does not read it whole (issue 18); damage is still found, and changes nothing.

The whole-file check (PRAGMA integrity_check) runs before opening only when opening would write
to the file; otherwise it runs with backups, on `lyricpad check` and in the window's background.
A command that meets a damaged page fails with one message and writes nothing.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from library_testing import damage_in_place

from lyricpad.core.store import Library

WHOLE_CHECKS = ("integrity_check", "quick_check")


@pytest.fixture
def statements(monkeypatch):
    """Every SQL statement run by any connection made during the test (SQLite's trace callback)."""
    seen: list[str] = []
    real_connect = sqlite3.connect

    def traced(*args, **kwargs):
        conn = real_connect(*args, **kwargs)
        conn.set_trace_callback(seen.append)
        return conn

    monkeypatch.setattr(sqlite3, "connect", traced)
    return seen


def whole_checks(statements: list[str]) -> list[str]:
    return [s for s in statements if any(check in s.lower() for check in WHOLE_CHECKS)]


def a_library(path: Path, songs: int = 300) -> None:
    with Library.open(path) as lib, lib.write():
        lib.db.conn.executemany(
            "INSERT INTO songs (id, title, artist, lyrics, created, updated) VALUES (?, ?, '', ?, '', '')",
            [(f"id-{i}", f"Song {i}", "a line of words\n" * 50) for i in range(songs)],
        )


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_opening_a_library_that_needs_no_writing_does_not_read_it_whole(library_path, statements):
    a_library(library_path)
    statements.clear()
    with Library.open(library_path) as lib:
        assert len(lib.songs.all()) == 301
    assert statements and whole_checks(statements) == []


def test_opening_that_would_write_checks_it_whole_first(library_path, tmp_path, statements):
    a_library(library_path)
    copy = tmp_path / "copy.sqlite"  # a copy gets an id of its own as it opens: a write
    copy.write_bytes(library_path.read_bytes())
    statements.clear()
    Library.open(copy).close()
    assert len(whole_checks(statements)) == 1


def test_the_check_of_the_cli_reads_it_whole(cli, library_path, statements):
    a_library(library_path)
    statements.clear()
    code, out, _err = cli("check")
    assert code == 0 and "No problems found" in out
    assert len(whole_checks(statements)) == 1


@pytest.mark.parametrize("command", [("songs",), ("songs", "--json"), ("show", "Song 1")])
def test_a_command_meeting_a_damaged_page_fails_with_one_message_and_changes_nothing(
    cli, library_path, command
):
    a_library(library_path)
    damage_in_place(library_path)
    before = sha256(library_path)
    code, out, err = cli(*command)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("lyricpad: error: ")
    assert f"{library_path} is damaged" in err and "lyricpad check" in err
    assert sha256(library_path) == before
    code, out, err = cli("check")  # the check names it, and says what to do
    assert code == 1 and "is damaged" in out and "salvage" in out
    assert sha256(library_path) == before


def test_a_write_meeting_a_damaged_page_fails_with_one_message_and_changes_nothing(cli, library_path):
    a_library(library_path)
    damage_in_place(library_path, "annotations")
    before = sha256(library_path)
    code, out, err = cli("annotate", "Song 1", "--lines", "1", "--note", "a note")
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "the change was not saved" in err and "damaged" in err and "lyricpad check" in err
    assert sha256(library_path) == before


def test_opening_a_library_another_process_has_open_does_not_read_it_whole(library_path, statements):
    """`lyricpad songs` while the window is open: the -wal holds the window's changes, but it is live
    (not left by a crash), so opening writes nothing: no whole check. Once that process has
    crashed, the same -wal would be recovered: then it is checked first."""
    import subprocess
    import sys

    a_library(library_path, 20)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, os\n"
            "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "c.execute('PRAGMA wal_autocheckpoint = 0')\n"
            "c.execute(\"INSERT INTO meta (key, value) VALUES ('held', 'yes')\")\n"
            "print('ready', flush=True)\n"
            "sys.stdin.readline()\n"
            "os._exit(0)\n",
            str(library_path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        assert Path(f"{library_path}-wal").stat().st_size > 0
        statements.clear()
        with Library.open(library_path) as lib:
            assert lib.meta("held") == "yes"
        assert whole_checks(statements) == []
    finally:
        holder.communicate("\n", timeout=30)
    assert Path(f"{library_path}-wal").stat().st_size > 0  # left by a crash now
    statements.clear()
    with Library.open(library_path) as lib:
        assert lib.meta("held") == "yes"
    assert len(whole_checks(statements)) == 1
