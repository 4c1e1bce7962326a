"""The session's undoable changes, one module per entity: annotations, songs and articles, lenses."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from lyricpad.app.commands import CommandContext, StateCommand
from lyricpad.app.unsaved import Draft
from lyricpad.core.errors import LyricpadError

if TYPE_CHECKING:
    from lyricpad.app.session import Session


class Edits:
    """The changes of one entity. Each reads the state before, writes through the store, and hands
    the command that undoes it to the session's safekeeping, which makes it and pushes it."""

    def __init__(self, session: Session, context: CommandContext):
        self._session = session
        self._context = context
        self._library = context.library

    def _change(
        self,
        text: str,
        make: Callable[[], StateCommand | None],
        *,
        draft: Callable[[], Draft] | None = None,
        key: tuple[str, str] | None = None,
    ) -> StateCommand | None:
        return self._session.safekeeping.change(text, make, draft=draft, key=key)

    def _name_of_song(self, song_id: str) -> str:
        """The song's name, for the heading of words kept unsaved (its id when it cannot be read)."""
        try:
            return self._library.songs.get(song_id).display_name
        except LyricpadError:
            return QCoreApplication.translate("Edits", "the song {id}").format(id=song_id[:8])
