"""What a database is (its id, its version, how many tables) is read in one moment of it.

Processes opening a new library at once: one creates it while another looks. Read as three
statements, each its own snapshot, the looker could see the tables of the new library without
its id yet, and take it for another program's database (a flaky failure of
test_processes_opening_a_new_library_at_once_agree).
"""

from __future__ import annotations

import sqlite3

import pytest

from lyricpad.core import probe as probe_module
from lyricpad.core.errors import ForeignDatabase
from lyricpad.core.schema import APPLICATION_ID
from lyricpad.core.store import Library
from lyricpad.core.store.connection import Connection


def create_in_one_transaction(path) -> None:
    """What another process's first migration step does: tables and the id, in one transaction."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("CREATE TABLE songs (id TEXT PRIMARY KEY)")
    other.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    other.execute("COMMIT")
    other.close()


def test_the_identity_is_read_in_one_snapshot_while_another_process_creates_the_library(tmp_path):
    path = tmp_path / "library.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")  # as every library: readers never block a writer
    library = Library(Connection(conn), path)
    statements: list[str] = []

    def meanwhile(sql: str) -> None:
        statements.append(sql)
        if len(statements) == 2:  # the other process commits after this one's first read began
            create_in_one_transaction(path)

    conn.set_trace_callback(meanwhile)
    try:
        assert library._check_identity() is None  # a new, empty library: its own to make
    finally:
        conn.set_trace_callback(None)
        conn.close()
    with Library(Connection(sqlite3.connect(path, isolation_level=None)), path) as made:
        made_meanwhile = made.row("SELECT count(*) AS n FROM sqlite_master WHERE name = 'songs'")
        assert made_meanwhile["n"] == 1


def test_a_look_that_sees_tables_without_the_id_looks_again(tmp_path, monkeypatch):
    """A lock-free look at a library being created may see its tables before its id: looked at
    again, it is a library; another program's database (tables, no id) is still refused."""
    path = tmp_path / "library.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    waits: list[float] = []

    def then_created(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 1:
            conn = sqlite3.connect(path)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.commit()
            conn.close()

    monkeypatch.setattr(probe_module.time, "sleep", then_created)
    assert probe_module.probe(path, check_pages=False).application_id == APPLICATION_ID
    assert len(waits) == 1

    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    waits.clear()
    monkeypatch.setattr(probe_module.time, "sleep", waits.append)
    with pytest.raises(ForeignDatabase, match="not a lyricpad library"):
        probe_module.probe(other, check_pages=False)
    assert len(waits) == probe_module.ATTEMPTS - 1
