"""Checking the library off the GUI thread: a worker with its own read-only connection, progress and cancel."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from lyricpad.app.session import Session
from lyricpad.core import check
from lyricpad.core.errors import InvalidValue, LyricpadError


class CheckCancelled(Exception):
    """Raised from the progress callback to stop a check."""


class _TaskSignals(QObject):
    """Emitted from the worker thread; queued to the checker, which lives on the GUI thread."""

    progressed = Signal(int, int, int)  # job, done, total
    finished = Signal(int, object)  # job, CheckReport (None: cancelled)
    failed = Signal(int, str)  # job, message


class _CheckTask(QRunnable):
    def __init__(
        self, job: int, session: Session, signals: _TaskSignals, stop: threading.Event, *, here: bool
    ):
        super().__init__()
        self.setAutoDelete(False)  # the checker keeps it until it reports
        self._job = job
        self._library = session.library
        self._signals = signals
        self._stop = stop
        self._here = here

    def _progress(self, done: int, total: int) -> None:
        self._signals.progressed.emit(self._job, done, total)
        if self._stop.is_set():
            raise CheckCancelled

    def run(self) -> None:
        try:
            report = self._check()
        except Exception as exc:  # noqa: BLE001  (one clear message, never a traceback)
            if self._stop.is_set():  # cancelled: between steps, or SQLite interrupted
                self._signals.finished.emit(self._job, None)
            elif isinstance(exc, LyricpadError):
                self._signals.failed.emit(self._job, str(exc))
            else:
                self._signals.failed.emit(self._job, f"the check failed: {exc}")
        else:
            self._signals.finished.emit(self._job, report)

    def _check(self) -> check.CheckReport:
        if self._here:  # an in-memory library has one connection only: checked where it lives
            return check.check_library(self._library, self._progress)
        # A read-only connection of this thread, through SQLite: never a second Library.open.
        reader = self._library.reader()
        try:
            # Cancel interrupts SQLite too: PRAGMA integrity_check of a big library takes a while.
            reader.db.conn.set_progress_handler(self._stop.is_set, 10_000)
            return check.check_library(reader, self._progress)
        finally:
            reader.close()


class LibraryChecker(QObject):
    """Checks the session's library on a worker thread, one check at a time; signals arrive on the GUI thread."""

    progressed = Signal(int, int)
    """Steps done, of this many (0 of 0: starting)."""
    finished = Signal(object)
    """The check ended: a `CheckReport`, or None when it was cancelled."""
    failed = Signal(str)
    """The check stopped on an error: one message for the user."""

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self._session = session
        # Created before the signals: children go in creation order, and the pool waits for its task.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _TaskSignals(self)
        self._signals.progressed.connect(self._on_task_progressed)
        self._signals.finished.connect(self._on_task_finished)
        self._signals.failed.connect(self._on_task_failed)
        self._job = 0
        self._stop = threading.Event()
        self._tasks: dict[int, _CheckTask] = {}
        self._running = False

    def start(self) -> None:
        """Check the library now; `finished` or `failed` tells how it went."""
        if self._running:
            raise InvalidValue("a check is already running")
        self._job += 1
        self._stop = threading.Event()
        self._running = True
        here = self._session.library_path is None
        task = _CheckTask(self._job, self._session, self._signals, self._stop, here=here)
        if here:
            task.run()  # queued signals still arrive through the event loop
            return
        self._tasks[self._job] = task
        self._pool.start(task)

    def cancel(self) -> None:
        """Stop the check at its next step; `finished` then carries None."""
        self._stop.set()

    def is_running(self) -> bool:
        return self._running

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker is idle (for closing and tests); True when it is."""
        return self._pool.waitForDone(msecs)

    @Slot(int, int, int)
    def _on_task_progressed(self, job: int, done: int, total: int) -> None:
        if job == self._job and self._running:
            self.progressed.emit(done, total)

    @Slot(int, object)
    def _on_task_finished(self, job: int, report) -> None:
        self._tasks.pop(job, None)
        if job == self._job and self._running:
            self._running = False
            self.finished.emit(report)

    @Slot(int, str)
    def _on_task_failed(self, job: int, message: str) -> None:
        self._tasks.pop(job, None)
        if job == self._job and self._running:
            self._running = False
            self.failed.emit(message)
