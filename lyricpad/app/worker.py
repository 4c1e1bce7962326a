"""Long reads of the library off the GUI thread: one job at a time, with progress, Cancel and one message on failure.

Export and Check Library both run through `LibraryWorker`. The job reads through a connection
of its own (an SQLite connection belongs to the thread that opened it), opened with
`Library.reader()`: through SQLite, never a second `Library.open`, so the process keeps its
locks on the file. An in-memory library has only one connection: its job runs on the calling
thread instead (its signals still arrive through the event loop). A worker whose jobs do not read
the library (`reads_library = False`) opens no connection and always runs them on its thread.
"""

from __future__ import annotations

import sqlite3
import threading
import weakref
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

from lyricpad.app.session import Session
from lyricpad.core.errors import InvalidValue, LyricpadError
from lyricpad.core.store import Library

Progress = Callable[[int, int], None]
"""What a job calls as it goes: (steps done, of this many); raises `Cancelled` once cancelled."""

Job = Callable[[Library | None, Progress], object]
"""The work: reads *library* (the worker's own connection; None when the worker does not read
the library) and returns the result to report."""


class Cancelled(Exception):
    """Raised from the progress callback to stop a job between two steps."""


CANCEL_CHECK_STEPS = 10_000
"""SQLite looks whether the job was cancelled every this many of its own steps (a long query stops too)."""


class _Signals(QObject):
    """Emitted from the worker thread; queued to the LibraryWorker, which lives on the GUI thread."""

    progressed = Signal(int, int, int)  # job, done, total
    finished = Signal(int, object)  # job, result
    failed = Signal(int, str)  # job, message


class _Task(QRunnable):
    def __init__(self, number: int, worker: LibraryWorker, job: Job, on_cancel, stop: threading.Event):
        super().__init__()
        self.setAutoDelete(False)  # the worker keeps it until it reports
        self._number = number
        self._library = worker.session.library
        self._signals = worker._signals
        self._failure = QCoreApplication.translate(
            "LibraryWorker", worker.failure
        )  # translated on the GUI thread
        self._job = job
        self._on_cancel = on_cancel
        self._stop = stop
        self._done = (0, 0)
        self._reads = worker.reads_library
        self.here = self._reads and worker.session.library_path is None

    def _progress(self, done: int, total: int) -> None:
        self._done = (done, total)
        self._signals.progressed.emit(self._number, done, total)
        if self._stop.is_set():
            raise Cancelled

    def run(self) -> None:
        reader = None
        try:
            if not self._reads:
                result = self._job(None, self._progress)
            elif self.here:
                result = self._job(self._library, self._progress)
            else:
                reader = self._library.reader()
                reader.db.conn.set_progress_handler(self._stop.is_set, CANCEL_CHECK_STEPS)
                result = self._job(reader, self._progress)
        except Exception as exc:  # noqa: BLE001  (one clear message, never a traceback)
            if isinstance(exc, Cancelled) or (
                self._stop.is_set() and isinstance(exc, sqlite3.Error | LyricpadError)
            ):
                self._signals.finished.emit(self._number, self._on_cancel(*self._done))
            elif isinstance(exc, LyricpadError):
                self._signals.failed.emit(self._number, str(exc))
            else:
                self._signals.failed.emit(self._number, self._failure.format(reason=exc))
        else:
            self._signals.finished.emit(self._number, result)
        finally:
            if reader is not None:
                reader.close()


_WORKERS: weakref.WeakSet[LibraryWorker] = weakref.WeakSet()
"""Every LibraryWorker alive: each has a thread pool of its own, which the process must not leave at work."""


_AT_WORK: set[LibraryWorker] = set()
"""Workers whose pool runs a task: held here so that Python's garbage collector never destroys one
mid-task. A QThreadPool destroyed from a Python deallocation waits for its thread while holding the
GIL, which that thread needs to finish: the process would hang (or crash) with no Python frame to stop."""


def any_at_work() -> bool:
    """Whether a thread of some LibraryWorker's pool is still running a job (see `process.end_process`)."""
    for worker in list(_WORKERS):
        try:
            if worker._pool.activeThreadCount() > 0:
                return True
        except RuntimeError:  # its Qt object is deleted already, its pool with it (it waited for its task)
            continue
    return False


class LibraryWorker(QObject):
    """Runs one job at a time on a worker thread; its signals arrive on the GUI thread."""

    progressed = Signal(int, int)
    """Steps done, of this many (0 of 0: the length is not known)."""
    finished = Signal(object)
    """The job ended: its result, or what *on_cancel* made of a cancelled one."""
    failed = Signal(str)
    """The job stopped on an error: one message for the user."""

    what = "the work"
    """How a programming error names the job ("the export is already running"; never shown in the window)."""
    failure = QT_TRANSLATE_NOOP("LibraryWorker", "the work failed: {reason}")
    """How a failure is told, in English: translated (context "LibraryWorker") when it happens."""

    reads_library = True
    """Whether the jobs read the library: False runs them on the worker's thread with no connection
    (None for *library*), an in-memory library's too (the study view computes from values it was given)."""

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        # Created before the signals: children go in creation order, and the pool waits for its task.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.progressed.connect(self._on_task_progressed)
        self._signals.finished.connect(self._on_task_finished)
        self._signals.failed.connect(self._on_task_failed)
        self._number = 0
        self._stop = threading.Event()
        self._tasks: dict[int, _Task] = {}
        self._running = False
        _WORKERS.add(self)

    def run_job(self, job: Job, on_cancel: Callable[[int, int], object] = lambda done, total: None) -> None:
        """Start *job*; `finished` or `failed` tells how it went (refused while another one runs)."""
        if self._running:
            raise InvalidValue(f"{self.what} is already running")
        self._number += 1
        self._stop = threading.Event()
        self._running = True
        task = _Task(self._number, self, job, on_cancel, self._stop)
        if task.here:
            task.run()
            return
        self._tasks[self._number] = task
        _AT_WORK.add(self)
        self._pool.start(task)

    def cancel(self) -> None:
        """Stop the job at its next step (SQLite's own steps included); `finished` reports it."""
        self._stop.set()

    def is_running(self) -> bool:
        return self._running

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker is idle (for closing and tests); True when it is."""
        return self._pool.waitForDone(msecs)

    @Slot(int, int, int)
    def _on_task_progressed(self, number: int, done: int, total: int) -> None:
        if number == self._number and self._running:
            self.progressed.emit(done, total)

    def _task_reported(self, number: int) -> None:
        """A task sent its last signal: let go of it once its thread is out of it (a moment, the GIL released).

        Never before: the task's Qt object is Python's, and freeing it while the pool's thread is
        still returning from its run() would free what that thread is about to read.
        """
        others = [n for n in self._tasks if n != number]
        if not others:
            self._pool.waitForDone(2000)
        if self._pool.activeThreadCount() == 0:
            self._tasks.clear()
            _AT_WORK.discard(self)

    @Slot(int, object)
    def _on_task_finished(self, number: int, result) -> None:
        self._task_reported(number)
        if number == self._number and self._running:
            self._running = False
            self.finished.emit(result)

    @Slot(int, str)
    def _on_task_failed(self, number: int, message: str) -> None:
        self._task_reported(number)
        if number == self._number and self._running:
            self._running = False
            self.failed.emit(message)
