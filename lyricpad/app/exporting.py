"""Exporting off the GUI thread: the export options, the text of a one-file export, and a worker writing files.

`ExportOptions` is what File > Export asks (what, which format, how Markdown is laid out); it is
remembered between runs. `export_text` builds the text of a one-file export. `LibraryExporter`
writes an export (one file, or one Markdown file per song plus an index in a folder) on a worker
thread with its own connection to the library, reports progress on the GUI thread and can be
cancelled between songs. No widgets here: the window asks its questions around these calls.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings

from lyricpad.app.option_settings import remember_folder, remembered_folder, store_fields, stored_fields
from lyricpad.app.settings import open_qsettings
from lyricpad.app.worker import LibraryWorker
from lyricpad.core.errors import InvalidValue
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


@dataclass(frozen=True)
class ExportOptions:
    """What to export and how; the Markdown options are ignored by the JSON formats."""

    scope: str = "song"
    format: str = "markdown"
    profile: str = "blog"
    group_by: str = "pane"
    full_lyrics: bool = False
    footnotes: bool = False
    ids: bool = False
    study: bool = False  # scheme letters and syllable counts: the full lyrics, each line with its marks

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

    @property
    def ids_apply(self) -> bool:
        """Annotation ids are an option of the blog profile (an Obsidian note always has block ids)."""
        return self.format == "markdown" and self.profile == "blog"

    def markdown_options(self) -> dict:
        """Keyword arguments for export_markdown and export_library_markdown."""
        return {
            "profile": self.profile,
            "group_by": self.group_by,
            "full_lyrics": self.full_lyrics,
            "footnotes": self.footnotes and self.footnotes_apply,
            "ids": self.ids and self.ids_apply,
            "study": self.study,
        }

    @classmethod
    def load(cls, settings: QSettings | None = None) -> ExportOptions:
        """The options used last time (defaults for anything missing or not understood)."""
        settings = settings if settings is not None else open_qsettings()
        try:
            return cls(**stored_fields(cls, SETTINGS_GROUP, settings))
        except InvalidValue:
            return cls()

    def save(self, settings: QSettings | None = None) -> None:
        """Remember these options for the next export."""
        store_fields(self, SETTINGS_GROUP, settings if settings is not None else open_qsettings())


def last_folder(settings: QSettings | None = None) -> str:
    """The folder of the last export, or ""."""
    return remembered_folder(SETTINGS_GROUP, settings if settings is not None else open_qsettings())


def set_last_folder(folder: str | Path, settings: QSettings | None = None) -> None:
    remember_folder(SETTINGS_GROUP, folder, settings if settings is not None else open_qsettings())


def export_text(library, options: ExportOptions, song_ids: Sequence[str] | None) -> str:
    """The text of a one-file export of *song_ids* (None: every song), as it is written to the file."""
    if options.format == "json":
        return dumps_json(export_json(library))
    if options.format == "w3c":
        return dumps_json(export_w3c(library, None if song_ids is None else list(song_ids)))
    ids = [s.id for s in library.songs.all()] if song_ids is None else list(song_ids)
    if not ids:
        raise InvalidValue(
            QCoreApplication.translate("LibraryExporter", "the library has no songs to export")
        )
    return export_markdown(library, ids[0] if len(ids) == 1 else ids, **options.markdown_options())


PREVIEW_SONGS = 25
"""Above this many songs, the preview of a whole-library export shows one song only (it stays quick)."""


class _SomeSongs:
    """A library's songs, of which `all()` gives only some (everything else is the library's own)."""

    def __init__(self, songs, song_ids: Sequence[str]):
        self._songs = songs
        self._ids = list(song_ids)

    def all(self, *, include_deleted: bool = False) -> list[Song]:
        songs = [self._songs.get(song_id) for song_id in self._ids]
        return songs if include_deleted else [s for s in songs if not s.deleted]

    def __getattr__(self, name: str):
        return getattr(self._songs, name)


class _SongsView:
    """A library seen with only some of its songs, so a preview of a whole-library format stays small."""

    def __init__(self, library, song_ids: Sequence[str]):
        self._library = library
        self.songs = _SomeSongs(library.songs, song_ids)

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
        ids = [song_id] if song_id else [s.id for s in library.songs.all()[:1]]
        if not ids:
            raise InvalidValue(
                QCoreApplication.translate("LibraryExporter", "the library has no songs to export")
            )
        return Preview(export_text(library, options, ids), True, ids[0])
    if not options.whole_library:
        if not song_id:
            raise InvalidValue(QCoreApplication.translate("LibraryExporter", "no song is open"))
        return Preview(export_text(library, options, [song_id]))
    if song_id and len(library.songs.all()) > PREVIEW_SONGS:
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


class LibraryExporter(LibraryWorker):
    """Writes exports on a worker thread (see `LibraryWorker`); one at a time."""

    what = "the export"
    failure = QT_TRANSLATE_NOOP("LibraryWorker", "the export failed: {reason}")

    # progressed(done, total): songs done, of this many (0 of 0: a one-file export, its length unknown).
    # finished(ExportResult): cancelled or complete. failed(message): files written before it are complete.

    def start(
        self, target: str | Path, options: ExportOptions, song_ids: Sequence[str] | None = None
    ) -> None:
        """Export *song_ids* (None: every song) as *options* say to *target*: a folder or a file."""
        target = Path(target)
        ids = None if song_ids is None else list(song_ids)
        done = {"steps": (0, 0)}

        def job(library, progress) -> ExportResult:
            def counted(step: int, total: int) -> None:
                done["steps"] = (step, total)
                progress(step, total)

            with library.snapshot():  # the export is one moment of the library
                written = run_export(library, target, options, ids, counted)
            return ExportResult(written, False, *done["steps"])

        self.run_job(job, lambda step, total: ExportResult([], True, step, total))


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
