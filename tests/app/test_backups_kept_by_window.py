"""The number of backups kept chosen in Settings > Saving reaches the library, so the backups made
outside the window's own (a repair, the command line) keep it too."""

from __future__ import annotations

import sqlite3
import time

import pytest

from lyricpad.app.session import Session
from lyricpad.core.backup import BACKUPS_KEPT_KEY, KEEP_RECENT, backups_kept, list_backups, make_backup
from lyricpad.core.schema import SCHEMA_VERSION
from lyricpad.core.store import Library

KEPT = 10


@pytest.fixture
def session(library_path):
    session = Session(Library.open(library_path), clock=lambda: 0.0)
    yield session
    session.close()


def test_the_chosen_number_is_kept_by_a_repair_backup_made_after(session, library_path):
    session.library_care.set_backup_policy(600, KEPT)
    for _ in range(8):
        assert session.library_care.backup("auto") is not None
        time.sleep(0.002)  # backups are named to the millisecond
    make_backup(session.library, reason="repair")  # as File > Check Library's repair makes it
    assert len(list_backups(library_path)) == 9


def test_the_chosen_number_is_read_by_the_command_line(session, library_path, cli):
    session.library_care.set_backup_policy(600, KEPT)
    with Library.open(library_path) as other:
        assert backups_kept(other) == KEPT
    for _ in range(8):
        assert session.library_care.backup("auto") is not None
        time.sleep(0.002)
    assert cli("backup")[0] == 0  # `lyricpad backup`, into the backups folder: it rotates them
    assert len(list_backups(library_path)) == 9


def test_a_new_window_starts_from_the_librarys_number(session, library_path):
    session.library_care.set_backup_policy(600, KEPT)
    again = Session(Library.open(library_path), clock=lambda: 0.0)
    try:
        assert again.library_care.backups_kept == KEPT
    finally:
        again.close()


def test_a_read_only_library_is_not_written(library_path):
    Library.open(library_path).close()
    conn = sqlite3.connect(library_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    session = Session(Library.open(library_path))
    try:
        assert session.read_only
        session.library_care.set_backup_policy(600, KEPT)  # no error: the window keeps it for itself
        assert session.library_care.backups_kept == KEPT
        assert session.library.meta(BACKUPS_KEPT_KEY) is None
    finally:
        session.close()


def test_the_default_number_writes_nothing(session):
    session.library_care.set_backup_policy(600, KEEP_RECENT)
    assert session.library.meta(BACKUPS_KEPT_KEY) is None
