"""The process lyricpad runs in: what Qt does at every import, and ending without the interpreter's teardown.

Both are for a process that is lyricpad's own (`lyricpad ...`, `python -m lyricpad`): `main.main()`
uses them only when it was given no arguments, never when a test or a program calls it.
"""

from __future__ import annotations

import os
import sys
import threading


def end_process(code: int) -> None:
    """End the process with *code* now, skipping the interpreter's teardown, when that is safe.

    Teardown frees every module and Qt object one by one (tens of milliseconds after the window)
    and does nothing the user needs, once: no library is open any more (every command and the
    window close theirs before returning; closing the last connection checkpoints the -wal),
    output is flushed, settings are written, no other thread is at work (Python's, Qt's global
    pool, or the pool of a `LibraryWorker`: an export, a check) and the clipboard holds nothing of
    ours (Qt hands that to the desktop at teardown). When any of that is not so, this returns and
    Python ends as it always has.
    """
    if any(t.is_alive() and not t.daemon for t in threading.enumerate() if t is not threading.main_thread()):
        return  # a thread still at work would be cut off
    livefiles = sys.modules.get("lyricpad.core.livefiles")
    if livefiles is not None and livefiles.holding():
        return  # a library still open: Python's teardown closes its connection
    worker = sys.modules.get("lyricpad.app.worker")
    if worker is not None and worker.any_at_work():
        return  # a worker's job still running (its pool is not Qt's global one)
    if "PySide6.QtCore" in sys.modules and not _qt_done():
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed or broken stream: Python reports it, as it always has
        return
    os._exit(code)


def _qt_done() -> bool:
    """Qt has nothing left to do at teardown: settings written, no pool thread busy, no clipboard of ours."""
    from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool

    app = QCoreApplication.instance()
    if app is not None:
        # QSettings writes its file on this event, or when it is deleted: write what is pending now.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.UpdateRequest.value)
        from PySide6.QtGui import QGuiApplication

        if isinstance(app, QGuiApplication):
            clipboard = QGuiApplication.clipboard()
            if clipboard.ownsClipboard() or clipboard.ownsSelection():
                return False
    return QThreadPool.globalInstance().activeThreadCount() == 0


def quicken_qt_imports() -> None:
    """Import Qt, and make its check of every module imported afterwards cheap.

    PySide6 (for its `__feature__` switches) asks of each module imported after Qt whether its
    source mentions "PySide6", reading it with `inspect.getsource`: for the window's 200 modules
    that is about 17 ms of the start. The same question is answered here by reading the file's
    bytes. If PySide6 no longer has that check (it is not public), nothing is changed.
    """
    import PySide6.QtCore  # noqa: F401  (it sets up the check this replaces)

    feature = sys.modules.get("shibokensupport.feature")
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if upstream is None or getattr(upstream, "quick", False):
        return

    def mod_uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return upstream(module)  # built in, compiled, or from a zip: as PySide6 does it
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return upstream(module)

    mod_uses_pyside.quick = True
    feature._mod_uses_pyside = mod_uses_pyside
