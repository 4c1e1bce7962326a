"""Importing files off the GUI thread: each file read by a worker, the result handed back, then added through the session.

`FileImporter.read` reads a batch of files with `read_import` on a worker thread, one file at a
time, and reports each file (read or refused) on the GUI thread; `cancel` stops it between files.
`add_song` and `add_article` then create what was read through the session, each change one
undoable step. No widgets here: the window asks its questions around these calls.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

from lyricpad.app.session import Session
from lyricpad.core.errors import ImportRefused

if TYPE_CHECKING:  # the importers (and lxml) load with the first file read, not with the window
    from lyricpad.core.furniture import Furniture
    from lyricpad.core.importers import ImportedText


@dataclass(frozen=True)
class ImportRequest:
    """One file to read: its path, the kind wanted (None: by its suffix) and an encoding (None: detect)."""

    path: str
    kind: str | None = None
    encoding: str | None = None

    @property
    def name(self) -> str:
        return Path(self.path).name or self.path


def read_import(path: str, **options) -> ImportedText:
    """`lyricpad.core.importers.read_import`: the importers (and lxml) load with the first file read."""
    from lyricpad.core.importers import read_import as read

    return read(path, **options)


def read_request(request: ImportRequest) -> ImportedText:
    """Read *request*'s file; raises `ImportRefused` with a message naming the file for anything it cannot take."""
    try:
        return read_import(request.path, kind=request.kind, encoding=request.encoding)
    except ImportRefused:
        raise
    except Exception as exc:  # noqa: BLE001  (a parser's own error is still one clear refusal)
        message = QCoreApplication.translate("FileImporter", "“{file}” cannot be imported: {reason}")
        raise ImportRefused(message.format(file=request.name, reason=exc)) from exc


class _TaskSignals(QObject):
    """Emitted from the worker thread; queued to the importer, which lives on the GUI thread."""

    started = Signal(int, int)  # batch, index
    read = Signal(int, int, object)  # batch, index, ImportedText
    refused = Signal(int, int, str)  # batch, index, message
    finished = Signal(int, bool)  # batch, cancelled


class _ReadTask(QRunnable):
    def __init__(
        self, batch: int, requests: list[ImportRequest], signals: _TaskSignals, stop: threading.Event
    ):
        super().__init__()
        self.setAutoDelete(False)  # the importer keeps it until it reports finished
        self._batch = batch
        self._requests = requests
        self._signals = signals
        self._stop = stop

    def run(self) -> None:
        cancelled = False
        for index, request in enumerate(self._requests):
            if self._stop.is_set():
                cancelled = True
                break
            self._signals.started.emit(self._batch, index)
            try:
                imported = read_request(request)
            except ImportRefused as exc:
                self._signals.refused.emit(self._batch, index, str(exc))
            else:
                self._signals.read.emit(self._batch, index, imported)
        self._signals.finished.emit(self._batch, cancelled or self._stop.is_set())


class FileImporter(QObject):
    """Reads files for import on a worker thread and adds what was read to the library through the session.

    One batch runs at a time; `read` while one runs cancels it (its late reports are dropped).
    The signals arrive on the GUI thread, in file order: `file_started`, then `file_read` or
    `file_refused` for each file, then `finished`.
    """

    started = Signal(int)
    """A batch of this many files started."""
    file_started = Signal(int, str)
    """The file at this index of the batch (named by the second argument) is being read."""
    file_read = Signal(int, object)
    """The file at this index was read: an `ImportedText`."""
    file_refused = Signal(int, str)
    """The file at this index was refused: a message naming it, for the user."""
    finished = Signal(bool)
    """The batch ended; True when it was cancelled before every file was read."""

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self._session = session
        # Created before the signals: children go in creation order, and the pool waits for its task.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _TaskSignals(self)
        self._signals.started.connect(self._on_task_started)
        self._signals.read.connect(self._on_task_read)
        self._signals.refused.connect(self._on_task_refused)
        self._signals.finished.connect(self._on_task_finished)
        self._batch = 0
        self._requests: list[ImportRequest] = []
        self._stop = threading.Event()
        self._tasks: dict[int, _ReadTask] = {}
        self._running = False

    # ------------------------------------------------------------------ reading

    def read(self, requests: list[ImportRequest]) -> None:
        """Start reading *requests* on the worker thread (cancelling a batch still running)."""
        if self._running:
            self.cancel()
        self._batch += 1
        self._requests = list(requests)
        self._stop = threading.Event()
        self._running = True
        task = _ReadTask(self._batch, self._requests, self._signals, self._stop)
        self._tasks[self._batch] = task
        self.started.emit(len(self._requests))
        self._pool.start(task)

    def cancel(self) -> None:
        """Stop after the file being read; nothing more of this batch is reported but `finished(True)`."""
        if not self._running:
            return
        self._stop.set()
        self._running = False
        self.finished.emit(True)

    def is_running(self) -> bool:
        return self._running

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker is idle (for shutdown and tests); True when it is."""
        return self._pool.waitForDone(msecs)

    def request(self, index: int) -> ImportRequest:
        """The request at *index* of the current batch."""
        return self._requests[index]

    @Slot(int, int)
    def _on_task_started(self, batch: int, index: int) -> None:
        if batch == self._batch and self._running:
            self.file_started.emit(index, self._requests[index].name)

    @Slot(int, int, object)
    def _on_task_read(self, batch: int, index: int, imported: ImportedText) -> None:
        if batch == self._batch and self._running:
            self.file_read.emit(index, imported)

    @Slot(int, int, str)
    def _on_task_refused(self, batch: int, index: int, message: str) -> None:
        if batch == self._batch and self._running:
            self.file_refused.emit(index, message)

    @Slot(int, bool)
    def _on_task_finished(self, batch: int, cancelled: bool) -> None:
        self._tasks.pop(batch, None)
        if batch == self._batch and self._running:
            self._running = False
            self.finished.emit(cancelled)

    # ----------------------------------------------------------------- creating

    def add_song(
        self, imported: ImportedText, title: str, artist: str = "", album: str | None = None
    ) -> str | None:
        """A new song of *imported* lyrics (LRC times and tags kept), one undo step; its id, or None if refused."""
        fields = {
            "artist": artist,
            "album": imported.album if album is None else album,
            "lyrics": imported.text,
            "lyrics_format": imported.lyrics_format,
            "line_times": imported.line_times,
            "lrc_tags": imported.lrc_tags or None,
            "word_times": imported.word_times,
        }
        if imported.source:
            fields["source_file"] = imported.source
        return self._session.song_edits.add(title, **fields)

    def add_article(
        self,
        song_id: str,
        imported: ImportedText,
        title: str,
        author: str = "",
        remove: list[Furniture] | None = None,
    ) -> str | None:
        """A new article of *imported* text; its id, or None if refused.

        The article is made with the text as read (one undo step); the furniture lines in
        *remove* are then taken out as a second step, so that one undo gives the whole text back.
        """
        article_id = self._session.article_edits.add(
            song_id,
            title,
            imported.article_body,
            author=author,
            source=imported.article_source,
            published=imported.date,
        )
        if article_id and remove:
            cleaned = imported.without_furniture(list(remove)).article_body
            if cleaned != imported.article_body:
                self._session.article_edits.update(article_id, body=cleaned)
        return article_id


def local_paths(paths: list[str | os.PathLike]) -> list[str]:
    """*paths* as strings, without duplicates, in order."""
    seen: dict[str, None] = {}
    for path in paths:
        seen.setdefault(os.fspath(path), None)
    return list(seen)
