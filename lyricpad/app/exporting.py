"""Exporting off the GUI thread: the export options, the text of a one-file export, and a worker writing files.

`ExportOptions` is what File > Export asks (what, which format, how Markdown is laid out); it is
remembered between runs. `export_text` builds the text of a one-file export. `LibraryExporter`
writes an export (one file, or one Markdown file per song plus an index in a folder) on a worker
thread with its own connection to the library, reports progress on the GUI thread and can be
cancelled between songs. No widgets here: the window asks its questions around these calls.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QSettings, QThreadPool, Signal, Slot

from lyricpad.app.session import Session
from lyricpad.app.settings import open_qsettings
from lyricpad.core.errors import InvalidValue, LyricpadError
from lyricpad.core.export import (
    GROUPS,
    PROFILES,
    dumps_json,
    export_json,
    export_library_markdown,
    export_markdown,
    export_w3c,
    write_atomic,
)
from lyricpad.core.export.files import safe_file_stem
from lyricpad.core.export.markdown import INDEX_NAME, song_file_name
from lyricpad.core.models import Song

SCOPES = ("song", "all")
"""What is exported: the current song, or every song of the library (not in the trash)."""
FORMATS = ("markdown", "json", "w3c")
"""Markdown (blog or Obsidian), lyricpad JSON (the whole library, for backup and merging), W3C Web Annotations."""
SETTINGS_GROUP = "export"


def _as_bool(value, default: bool) -> bool:
    # INI files give booleans back as the strings "true" and "false".
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.strip().lower() in {"true", "1", "yes"}
    return default


@dataclass(frozen=True)
class ExportOptions:
    """What to export and how; the Markdown options are ignored by the JSON formats."""

    scope: str = "song"
    format: str = "markdown"
    profile: str = "blog"
    group_by: str = "pane"
    full_lyrics: bool = False
    footnotes: bool = False

    def __post_init__(self) -> None:
        for name, value, allowed in (
            ("scope", self.scope, SCOPES),
            ("format", self.format, FORMATS),
            ("profile", self.profile, PROFILES),
            ("group_by", self.group_by, GROUPS),
        ):
            if value not in allowed:
                raise InvalidValue(f"unknown export {name} {value!r}; choose one of {', '.join(allowed)}")

    @property
    def whole_library(self) -> bool:
        """True when every song is exported (JSON always holds the whole library)."""
        return self.scope == "all" or self.format == "json"

    @property
    def to_folder(self) -> bool:
        """True when the export is a folder of files (Markdown of every song) rather than one file."""
        return self.format == "markdown" and self.whole_library

    @property
    def footnotes_apply(self) -> bool:
        """Footnotes exist in the blog profile of Markdown only."""
        return self.format == "markdown" and self.profile == "blog"

    def markdown_options(self) -> dict:
        """Keyword arguments for export_markdown and export_library_markdown."""
        return {
            "profile": self.profile,
            "group_by": self.group_by,
            "full_lyrics": self.full_lyrics,
            "footnotes": self.footnotes and self.footnotes_apply,
        }

    @classmethod
    def load(cls, settings: QSettings | None = None) -> ExportOptions:
        """The options used last time (defaults for anything missing or not understood)."""
        settings = settings if settings is not None else open_qsettings()
        default = cls()
        values = {}
        for name, value in asdict(default).items():
            stored = settings.value(f"{SETTINGS_GROUP}/{name}", value)
            values[name] = _as_bool(stored, value) if isinstance(value, bool) else str(stored)
        try:
            return cls(**values)
        except InvalidValue:
            return default

    def save(self, settings: QSettings | None = None) -> None:
        """Remember these options for the next export."""
        settings = settings if settings is not None else open_qsettings()
        for name, value in asdict(self).items():
            settings.setValue(f"{SETTINGS_GROUP}/{name}", value)


def last_folder(settings: QSettings | None = None) -> str:
    """The folder of the last export, or ""."""
    settings = settings if settings is not None else open_qsettings()
    value = settings.value(f"{SETTINGS_GROUP}/folder", "")
    return value if isinstance(value, str) else ""


def set_last_folder(folder: str | Path, settings: QSettings | None = None) -> None:
    settings = settings if settings is not None else open_qsettings()
    settings.setValue(f"{SETTINGS_GROUP}/folder", str(folder))


def export_text(library, options: ExportOptions, song_ids: Sequence[str] | None) -> str:
    """The text of a one-file export of *song_ids* (None: every song), as it is written to the file."""
    if options.format == "json":
        return dumps_json(export_json(library))
    if options.format == "w3c":
        return dumps_json(export_w3c(library, None if song_ids is None else list(song_ids)))
    ids = [s.id for s in library.songs()] if song_ids is None else list(song_ids)
    if not ids:
        raise InvalidValue("the library has no songs to export")
    return export_markdown(library, ids[0] if len(ids) == 1 else ids, **options.markdown_options())


PREVIEW_SONGS = 25
"""Above this many songs, the preview of a whole-library export shows one song only (it stays quick)."""


class _SongsView:
    """A library seen with only some of its songs, so a preview of a whole-library format stays small."""

    def __init__(self, library, song_ids: Sequence[str]):
        self._library = library
        self._ids = list(song_ids)

    def songs(self, *, include_deleted: bool = False) -> list[Song]:
        songs = [self._library.song(song_id) for song_id in self._ids]
        return songs if include_deleted else [s for s in songs if not s.deleted]

    def __getattr__(self, name: str):
        return getattr(self._library, name)


@dataclass(frozen=True)
class Preview:
    """The text shown before an export; *partial* when it holds only *song_id*'s part of what is written."""

    text: str
    partial: bool = False
    song_id: str | None = None


def preview_export(library, options: ExportOptions, song_id: str | None) -> Preview:
    """What the export will write, or for a folder or a big library, the part of it about *song_id*.

    A folder export previews the file of *song_id* (else of the first song). Raises InvalidValue
    when there is nothing to show (no song).
    """
    if options.to_folder:
        ids = [song_id] if song_id else [s.id for s in library.songs()[:1]]
        if not ids:
            raise InvalidValue("the library has no songs to export")
        return Preview(export_text(library, options, ids), True, ids[0])
    if not options.whole_library:
        if not song_id:
            raise InvalidValue("no song is open")
        return Preview(export_text(library, options, [song_id]))
    if song_id and len(library.songs()) > PREVIEW_SONGS:
        if options.format == "json":
            return Preview(export_text(_SongsView(library, [song_id]), options, None), True, song_id)
        return Preview(export_text(library, options, [song_id]), True, song_id)
    return Preview(export_text(library, options, None))


def suggested_file_name(options: ExportOptions, song: Song | None) -> str:
    """A file name for a one-file export: the song's name, or one naming the library."""
    if options.format == "json":
        return "lyricpad library.json"
    if options.format == "w3c":
        stem = safe_file_stem(f"{song.title} - {song.artist}" if song.artist else song.title) if song else ""
        return (
            f"{stem} (W3C annotations).json"
            if stem and not options.whole_library
            else "lyricpad annotations (W3C).json"
        )
    if song is None or options.whole_library:
        return "lyricpad songs.md"
    return song_file_name(song, set())


class ExportCancelled(Exception):
    """Raised from the progress callback to stop an export between two songs."""


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote (paths, songs first), and whether it was cancelled before the end."""

    written: list[Path]
    cancelled: bool = False
    done: int = 0
    total: int = 0


def run_export(
    library,
    target: Path,
    options: ExportOptions,
    song_ids: Sequence[str] | None,
    progress: Callable[[int, int], object] | None = None,
) -> list[Path]:
    """Write the export described by *options* to *target* (a folder for `options.to_folder`, else a file)."""
    if options.to_folder:
        return export_library_markdown(
            library,
            target,
            song_ids=None if song_ids is None else list(song_ids),
            progress=progress,
            **options.markdown_options(),
        )
    return [write_atomic(target, export_text(library, options, song_ids))]


class _TaskSignals(QObject):
    """Emitted from the worker thread; queued to the exporter, which lives on the GUI thread."""

    progressed = Signal(int, int, int)  # job, done, total
    finished = Signal(int, object)  # job, ExportResult
    failed = Signal(int, str)  # job, message


class _ExportTask(QRunnable):
    def __init__(self, job: int, run: Callable[[Callable[[int, int], None]], list[Path]], signals, stop):
        super().__init__()
        self.setAutoDelete(False)  # the exporter keeps it until it reports
        self._job = job
        self._run = run
        self._signals = signals
        self._stop = stop
        self._done = (0, 0)

    def _progress(self, done: int, total: int) -> None:
        self._done = (done, total)
        self._signals.progressed.emit(self._job, done, total)
        if self._stop.is_set():
            raise ExportCancelled

    def run(self) -> None:
        try:
            written = self._run(self._progress)
        except ExportCancelled:
            done, total = self._done
            self._signals.finished.emit(self._job, ExportResult([], True, done, total))
        except LyricpadError as exc:
            self._signals.failed.emit(self._job, str(exc))
        except Exception as exc:  # noqa: BLE001  (one clear message, never a traceback)
            self._signals.failed.emit(self._job, f"the export failed: {exc}")
        else:
            done, total = self._done
            self._signals.finished.emit(self._job, ExportResult(written, False, done, total))


class LibraryExporter(QObject):
    """Writes exports on a worker thread; one at a time. Signals arrive on the GUI thread.

    The worker reads through a read-only connection of its own (an SQLite connection belongs
    to the thread that opened it), opened by `Library.reader`; an in-memory library has only
    one connection, so it is exported on the calling thread instead.
    """

    progressed = Signal(int, int)
    """Songs done, of this many (0 of 0: a one-file export, its length unknown)."""
    finished = Signal(object)
    """The export ended: an `ExportResult` (cancelled or complete)."""
    failed = Signal(str)
    """The export stopped on an error: one message for the user. Files written before it are complete."""

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
        self._tasks: dict[int, _ExportTask] = {}
        self._running = False

    def start(
        self, target: str | Path, options: ExportOptions, song_ids: Sequence[str] | None = None
    ) -> None:
        """Export *song_ids* (None: every song) as *options* say to *target*: a folder or a file."""
        if self._running:
            raise InvalidValue("an export is already running")
        library = self._session.library
        target = Path(target)
        ids = None if song_ids is None else list(song_ids)
        self._job += 1
        self._stop = threading.Event()
        self._running = True
        path = library.path
        if path is None:
            task = _ExportTask(
                self._job,
                lambda progress: run_export(library, target, options, ids, progress),
                self._signals,
                self._stop,
            )
            task.run()  # queued signals still arrive through the event loop
            return

        def run(progress: Callable[[int, int], None]) -> list[Path]:
            # A read-only connection of this thread, through SQLite: never a second Library.open
            # (see Library.reader). One read transaction: the export is one consistent moment.
            reader = library.reader()
            try:
                with reader.snapshot():
                    return run_export(reader, target, options, ids, progress)
            finally:
                reader.close()

        task = _ExportTask(self._job, run, self._signals, self._stop)
        self._tasks[self._job] = task
        self._pool.start(task)

    def cancel(self) -> None:
        """Stop after the song being written; the files written so far stay complete."""
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
    def _on_task_finished(self, job: int, result: ExportResult) -> None:
        self._tasks.pop(job, None)
        if job == self._job and self._running:
            self._running = False
            self.finished.emit(result)

    @Slot(int, str)
    def _on_task_failed(self, job: int, message: str) -> None:
        self._tasks.pop(job, None)
        if job == self._job and self._running:
            self._running = False
            self.failed.emit(message)


__all__ = [
    "FORMATS",
    "INDEX_NAME",
    "SCOPES",
    "PREVIEW_SONGS",
    "ExportOptions",
    "ExportResult",
    "LibraryExporter",
    "Preview",
    "export_text",
    "last_folder",
    "preview_export",
    "run_export",
    "set_last_folder",
    "suggested_file_name",
]
