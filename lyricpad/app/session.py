"""The session: the one open library of a window, read by the widgets, with the current song."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from lyricpad.core.models import Annotation, Article, Lens, Song
from lyricpad.core.paths import library_path
from lyricpad.core.store import Library


class Session(QObject):
    """Owns an open `Library` and knows which song the window shows.

    Widgets read through the session and never touch the store or SQL themselves.
    """

    current_song_changed = Signal(str)
    """The song shown changed; carries its id ("" when the library has no song to show)."""

    def __init__(self, library: Library, parent: QObject | None = None):
        super().__init__(parent)
        self._library = library
        self._current_song_id = ""

    @classmethod
    def open(cls, library_option: str | os.PathLike | None = None, parent: QObject | None = None) -> Session:
        """Open the library named by --library (else $LYRICPAD_LIBRARY, else the default).

        Raises a `LyricpadError` with a readable message when the library cannot be used.
        """
        return cls(Library.open(library_path(library_option)), parent)

    @property
    def library_path(self) -> Path | None:
        """The library file, or None for an in-memory library."""
        return self._library.path

    # ------------------------------------------------------------------ reading

    def songs(self) -> list[Song]:
        """Every song not in the trash, sorted by title then artist."""
        return self._library.songs()

    def song(self, song_id: str) -> Song:
        return self._library.song(song_id)

    def resolve_song(self, ref: str) -> Song:
        """The song named by an id, an id prefix or an exact title (raises SongNotFound)."""
        return self._library.resolve_song(ref)

    def articles(self, song_id: str) -> list[Article]:
        return self._library.articles(song_id)

    def annotations(self, song_id: str) -> list[Annotation]:
        """The song's annotations in text order: lyrics first, then each article."""
        return self._library.annotations(song_id)

    def lenses(self) -> list[Lens]:
        return self._library.lenses()

    # ------------------------------------------------------------ current song

    @property
    def current_song_id(self) -> str:
        return self._current_song_id

    def select_song(self, song_id: str) -> None:
        """Show *song_id* (raises SongNotFound for an unknown id); a no-op when already shown."""
        if song_id:
            self._library.song(song_id)
        if song_id == self._current_song_id:
            return
        self._current_song_id = song_id
        self.current_song_changed.emit(song_id)

    def close(self) -> None:
        """Close the library; the session must not be used afterwards."""
        self._library.close()
