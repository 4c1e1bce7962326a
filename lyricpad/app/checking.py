"""Checking the library off the GUI thread (see `LibraryWorker`): progress, Cancel, one message on failure."""

from __future__ import annotations

from lyricpad.app.worker import LibraryWorker
from lyricpad.core import check


class LibraryChecker(LibraryWorker):
    """Checks the session's library on a worker thread, one check at a time.

    progressed(done, total): steps done; finished(CheckReport, or None when cancelled);
    failed(message). Cancel also interrupts SQLite: PRAGMA integrity_check of a big library
    takes a while.
    """

    what = "the check"

    def start(self) -> None:
        """Check the library now; `finished` or `failed` tells how it went."""
        self.run_job(check.check_library)
