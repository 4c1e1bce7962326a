"""Undoable changes of a song's translation: store (import, paste, typed edits) and remove, notes on it included."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from lyricpad.app.commands import CommandContext, StateCommand, changed_annotations
from lyricpad.app.unsaved import Draft
from lyricpad.core.errors import LyricpadError

if TYPE_CHECKING:
    from lyricpad.app.session import Session
    from lyricpad.core.models import Annotation, Translation

EDIT_KEY = "translation"
"""The session's key for typed edits of a translation: a burst of typing is one undo step."""


class TranslationCommand(StateCommand):
    """A song's translation before and after (None: it had none), with the notes on it that moved."""

    def __init__(
        self,
        context: CommandContext,
        edits: TranslationEdits,
        text: str,
        song_id: str,
        states: tuple[Translation | None, Translation | None],
        notes: tuple[list[Annotation], list[Annotation]],
    ):
        super().__init__(context, text)
        self._edits = edits
        self.song_id = song_id
        self.before, self.after = states
        self.notes_before, self.notes_after = notes

    def write_before(self) -> None:
        self._write_state(self.before, self.notes_before)

    def write_after(self) -> None:
        self._write_state(self.after, self.notes_after)

    def _write_state(self, translation: Translation | None, notes: list[Annotation]) -> None:
        library = self.library
        with library.write():  # the translation and its notes in one transaction
            library.translations.restore(self.song_id, translation)
            for annotation in notes:
                library.snapshots.restore_annotation(annotation)

    def announce(self) -> None:
        self._edits.translation_changed.emit(self.song_id)
        ids = list(dict.fromkeys(a.id for a in [*self.notes_before, *self.notes_after]))
        if ids:
            self.session.annotations_changed.emit(self.song_id, ids)


class TranslationEdits(QObject):
    """`session.translation_edits`: changes of songs' translations, each one step of the session's undo
    stack (sharing its `CommandContext`: a failed undo stops every edit's writes)."""

    translation_changed = Signal(str)
    """The song's translation (id given) was stored, edited, removed, undone or redone."""

    def __init__(self, session: Session, context: CommandContext):
        super().__init__(session)
        self._session = session
        self._context = context

    def get(self, song_id: str) -> Translation | None:
        """The song's translation as stored (None: it has none)."""
        return self._session.library.translations.get(song_id) if song_id else None

    def store(self, song_id: str, lines: list[str], language: str | None = None, text: str = "") -> bool:
        """Store *lines* as the song's translation (one per lyric line); *language* None keeps the one
        stored; *text* names the undo step ("": Import Translation). True when stored; a refusal is
        reported by the session (and nothing changes)."""
        return self._change(text or self.tr("Import Translation"), song_id, lines, language)

    def edit(self, song_id: str, text: str) -> bool:
        """Typed edits of the translation (its whole text): the lines must stay one per lyric line.
        Refused, the words typed are kept for a copy, as typed lyrics are."""

        def draft() -> Draft:
            heading = self.tr("Translation of {song}").format(song=self._name_of_song(song_id))
            return Draft((EDIT_KEY, song_id), heading, text, "text")

        return self._change(self.tr("Edit Translation"), song_id, text.split("\n"), None, draft=draft)

    def _name_of_song(self, song_id: str) -> str:
        try:
            return self._session.library.songs.get(song_id).display_name
        except LyricpadError:
            return self.tr("the song {id}").format(id=song_id[:8])

    def remove(self, song_id: str) -> bool:
        """Remove the song's translation (its notes are kept, orphaned, until an undo brings it back)."""
        return self._change(self.tr("Remove Translation"), song_id, None, None)

    def _change(
        self,
        text: str,
        song_id: str,
        lines: list[str] | None,
        language: str | None,
        *,
        draft: Callable[[], Draft] | None = None,
    ) -> bool:
        library = self._session.library

        def notes() -> list[Annotation]:
            return library.annotations.where("a.song_id = ? AND a.target = 'translation'", [song_id])

        def make() -> StateCommand | None:
            before = library.translations.get(song_id)
            if lines is None and before is None:
                return None
            kept = before.language if before is not None else ""
            if (
                before is not None
                and lines is not None
                and before.lines == lines
                and language in (None, kept)
            ):
                return None
            notes_before = notes()
            if lines is None:
                library.translations.remove(song_id)
            else:
                library.translations.set(song_id, lines, language=kept if language is None else language)
            moved_before, moved_after = changed_annotations(notes_before, notes())
            return TranslationCommand(
                self._context,
                self,
                text,
                song_id,
                (before, library.translations.get(song_id)),
                (moved_before, moved_after),
            )

        key = (EDIT_KEY, song_id) if draft else None
        return self._session.safekeeping.change(text, make, draft=draft, key=key) is not None
