"""FTS5's check of the search indexes on a private copy of the library (see `search_index_damage`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from lyricpad.core.store import Library
from lyricpad.core.store.connection import Connection

CANCEL_STEPS = 10_000  # SQLite's steps between two looks at whether the check was cancelled
BACKUP_STEP_PAGES = 4096  # the private copy's pages per step (16 MB at 4 KB): a cancel waits one step at most


def search_index_damage(library: Library, cancelled: Callable[[], bool] | None = None) -> dict[str, str]:
    """FTS5's check of each search index against its table, on a private temporary copy of the
    library: table -> what FTS5 says, for each index that does not match.

    FTS5 is asked with an INSERT: a read-only connection may not, and on the library itself it
    would hold the write lock for as long as it runs (seconds for 10,000 songs), making every
    other write wait. The copy is made with SQLite's backup API without the write lock, in steps
    (SQLite starts it again when another connection writes meanwhile, so it is one moment of the
    library). *cancelled*: polled between the copy's steps and while FTS5 checks, to interrupt it.
    """
    copy = sqlite3.connect("", isolation_level=None)  # "": a private temporary database

    def copied(_status, _remaining, _total) -> None:
        if cancelled is not None and cancelled():
            raise sqlite3.OperationalError("the copy was interrupted")

    try:
        library.db.conn.backup(copy, pages=BACKUP_STEP_PAGES, progress=copied)
        if cancelled is not None:
            copy.set_progress_handler(cancelled, CANCEL_STEPS)
        return Library(Connection(copy), None).search.problems()
    finally:
        copy.close()
