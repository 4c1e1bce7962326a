"""A LibraryWorker dropped by its owner while its job runs is not destroyed under the job.

Run in a child process: without the guard, Python's garbage collector destroys the worker's
QThreadPool, which waits for its thread while holding the GIL that thread needs (a hang), or
frees what the thread still uses (a crash); neither can be caught inside the test's own process.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

CHILD = textwrap.dedent(
    """
    import gc, os, sys, threading
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QCoreApplication, QTimer
    from lyricpad.app.session import Session
    from lyricpad.app.worker import LibraryWorker
    from lyricpad.core.store import Library

    app = QCoreApplication([])
    session = Session(Library.open(sys.argv[1]))
    started, release, reported = threading.Event(), threading.Event(), []

    def job(library, progress):
        started.set()
        release.wait(10)
        return len(library.songs.listing("title"))

    worker = LibraryWorker(session)
    worker.finished.connect(reported.append)
    worker.run_job(job)
    started.wait(10)
    del worker
    gc.collect()  # the owner let go while the job runs
    release.set()
    QTimer.singleShot(5000, app.quit)
    def poll():
        if reported:
            app.quit()
        else:
            QTimer.singleShot(10, poll)
    poll()
    app.exec()
    session.close()
    print("reported", reported)
    """
)


def test_a_worker_let_go_while_its_job_runs_still_reports_and_nothing_hangs(tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "library.sqlite")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "reported [1]" in done.stdout, (done.stdout, done.stderr[-2000:])
