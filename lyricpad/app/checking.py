"""Checking the library off the GUI thread (see `LibraryWorker`): progress, Cancel, one message on failure."""

from __future__ import annotations

import threading

from PySide6.QtCore import QT_TRANSLATE_NOOP

from lyricpad.app.worker import Cancelled, LibraryWorker
from lyricpad.core import check, search_index_check


class LibraryChecker(LibraryWorker):
    """Checks the session's library on a worker thread, one check at a time.

    progressed(done, total): steps done; finished(CheckReport, or None when cancelled);
    failed(message). Cancel also interrupts SQLite: PRAGMA integrity_check of a big library
    takes a while.
    """

    what = "the check"
    failure = QT_TRANSLATE_NOOP("LibraryWorker", "the check failed: {reason}")

    def start(self) -> None:
        """Check the library now; `finished` or `failed` tells how it went."""
        self.run_job(check.check_library)


class PageChecker(LibraryWorker):
    """SQLite's check of every page and index of the session's library, on a worker thread with a
    read-only connection of its own: what opening the library no longer waits for (issue 18).

    It runs through the library's write gate (`write_gate`): a sound result lets the session's
    writes go ahead without checking again, and a write made meanwhile waits for it. A check that
    fails or is cancelled decides nothing: the first write then checks the file itself.

    finished(the damage in one sentence, "" when the pages are sound, None when cancelled);
    failed(message).
    """

    what = "the check of the library's pages"
    failure = QT_TRANSLATE_NOOP("LibraryWorker", "the check of the library's pages failed: {reason}")

    def start(self) -> None:
        self.run_job(lambda library, _progress: library.gate.check(lambda: check.check_pages(library)))


class IndexChecker(LibraryWorker):
    """FTS5's check of the search indexes against their tables, on a worker thread, on a private copy
    of the library (`search_index_check.search_index_damage`): ~2.5 s for 10,000 songs of lyrics, which the
    window used to spend on its GUI thread as it started. FTS5 asks it as a write: on the library
    itself it would hold the write lock that long, and every save (of this window, of another
    process) would wait for it.

    finished(the damaged indexes: table -> what FTS5 says, or None when cancelled); failed(message).
    """

    what = "the check of the search index"
    failure = QT_TRANSLATE_NOOP("LibraryWorker", "the check of the search index failed: {reason}")

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self._cancelled = threading.Event()

    def start(self) -> None:
        self._cancelled = cancelled = threading.Event()

        def job(library, _progress):
            problems = search_index_check.search_index_damage(library, cancelled.is_set)
            if cancelled.is_set():  # SQLite was interrupted: what it said is no finding
                raise Cancelled
            return problems

        self.run_job(job)

    def cancel(self) -> None:
        self._cancelled.set()
        super().cancel()
