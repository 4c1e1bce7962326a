"""Reads never wait for a whole check, but nothing is written to a library file before one (issue 18).

Opening a settled library reads no page it does not need; the first write of the process checks
the file whole (once), unless a check made through the same gate (the window's background
check, on a worker's connection) found it sound already. A check that failed or was cancelled
decides nothing.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path

import pytest
from library_testing import damage_search_index, put_an_index_out_of_step

from lyricpad.core.check import check_pages
from lyricpad.core.errors import LibraryDamaged, LibraryUnavailable
from lyricpad.core.search_index_check import search_index_damage
from lyricpad.core.store import Library


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def whole_checks(statements: list[str]) -> list[str]:
    return [s for s in statements if "integrity_check" in s.lower() or "quick_check" in s.lower()]


@pytest.fixture
def settled(library_path) -> Path:
    Library.open(library_path).close()
    return library_path


def test_the_first_write_checks_the_file_whole_once_and_reads_never_do(settled):
    with Library.open(settled) as library:
        seen: list[str] = []
        library.db.conn.set_trace_callback(seen.append)
        library.songs.all()
        assert whole_checks(seen) == []
        library.set_meta("first", "1")
        library.set_meta("second", "2")
        assert len(whole_checks(seen)) == 1
        assert library.meta("second") == "2"


def test_a_damaged_file_refuses_every_write_and_is_left_as_it_was(settled):
    put_an_index_out_of_step(settled)
    before = sha256(settled)
    with Library.open(settled) as library:
        assert library.songs.all()
        for _ in range(2):
            with pytest.raises(
                LibraryDamaged, match="not saved.*is damaged.*annotations_song.*lyricpad check"
            ):
                with library.write():
                    library.db.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
    assert sha256(settled) == before


def test_a_sound_check_on_a_worker_s_connection_opens_the_gate(settled):
    with Library.open(settled) as library:
        reader = library.reader()
        try:
            assert library.gate.check(lambda: check_pages(reader)) == ""
        finally:
            reader.close()
        seen: list[str] = []
        library.db.conn.set_trace_callback(seen.append)
        library.set_meta("x", "1")
        assert whole_checks(seen) == []


def test_a_check_that_was_interrupted_decides_nothing(settled):
    """As a cancelled or failed background check: SQLite stopped it, so the first write checks itself."""
    put_an_index_out_of_step(settled)
    before = sha256(settled)
    with Library.open(settled) as library:
        reader = library.reader()
        try:
            reader.db.conn.set_progress_handler(lambda: 1, 1)  # interrupted at its first step
            with pytest.raises(LibraryUnavailable, match="interrupted"):
                library.gate.check(lambda: check_pages(reader))
        finally:
            reader.close()
        assert library.gate.damage is None
        with pytest.raises(LibraryDamaged, match="annotations_song"):
            library.set_meta("x", "1")
    assert sha256(settled) == before


def test_a_write_during_a_running_check_uses_what_that_check_finds(settled):
    put_an_index_out_of_step(settled)
    before = sha256(settled)
    with Library.open(settled) as library:
        started, release = threading.Event(), threading.Event()

        def background() -> None:
            reader = library.reader()
            try:

                def check() -> str:
                    started.set()
                    release.wait(30)
                    return check_pages(reader)

                library.gate.check(check)
            finally:
                reader.close()

        worker = threading.Thread(target=background)
        worker.start()
        assert started.wait(30)
        seen: list[str] = []
        library.db.conn.set_trace_callback(seen.append)
        threading.Timer(0.05, release.set).start()  # the write below waits for the check either way
        with pytest.raises(LibraryDamaged, match="annotations_song"):
            library.set_meta("x", "1")
        worker.join(30)
        assert whole_checks(seen) == []  # the check was the worker's
    assert sha256(settled) == before


def test_a_new_library_and_one_checked_as_it_opened_are_not_checked_again(library_path, tmp_path):
    with Library.open(library_path) as library:
        assert library.gate.open  # made by this process
    copy = tmp_path / "copy.sqlite"  # opening a copy writes (its own id): checked whole as it opens
    copy.write_bytes(library_path.read_bytes())
    with Library.open(copy) as library:
        assert library.gate.open


def test_the_search_index_check_needs_no_write_lock(settled):
    """FTS5's check runs on a private copy: through a read-only connection, while another
    connection holds the library's write lock, it still finds a damaged index."""
    with Library.open(settled) as library:
        damage_search_index(library, "annotations")
        other = sqlite3.connect(settled, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # the write lock, held by someone else
        reader = library.reader()
        try:
            assert list(search_index_damage(reader)) == ["annotations"]
        finally:
            reader.close()
            other.execute("ROLLBACK")
            other.close()


def test_the_library_check_opens_the_gate_so_a_repair_does_not_check_again(settled):
    from lyricpad.core.check import check_library

    with Library.open(settled) as library:
        damage_search_index(library, "annotations")
        seen: list[str] = []
        library.db.conn.set_trace_callback(seen.append)
        report = check_library(library)
        assert not report.ok and not report.pages_damaged
        library.search.rebuild(["annotations"])
        assert len(whole_checks(seen)) == 1  # the check's, none for the rebuild
