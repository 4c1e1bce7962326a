"""Undoable corrections of the study view: a syllable count, a stress pattern, a rhyme letter, a section boundary."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal

from lyricpad.app.commands import CommandContext, StateCommand
from lyricpad.core.errors import InvalidValue
from lyricpad.core.models import StoredCorrection
from lyricpad.core.study import CORRECTABLE

if TYPE_CHECKING:
    from lyricpad.app.session import Session

_CORRECT_TEXTS = {
    "syllables": QT_TRANSLATE_NOOP("StudyCorrections", "Correct Syllables"),
    "stress": QT_TRANSLATE_NOOP("StudyCorrections", "Correct Stress"),
    "rhyme": QT_TRANSLATE_NOOP("StudyCorrections", "Correct Rhyme Letter"),
    "section": QT_TRANSLATE_NOOP("StudyCorrections", "Correct Section Boundary"),
}
_RESET_TEXTS = {
    "syllables": QT_TRANSLATE_NOOP("StudyCorrections", "Reset Syllables"),
    "stress": QT_TRANSLATE_NOOP("StudyCorrections", "Reset Stress"),
    "rhyme": QT_TRANSLATE_NOOP("StudyCorrections", "Reset Rhyme Letter"),
    "section": QT_TRANSLATE_NOOP("StudyCorrections", "Reset Section Boundary"),
}
"""How the undo history names the correction and the reset of each field (English: translated when pushed)."""


class CorrectionCommand(StateCommand):
    """Set or remove one correction (song, line, field); a state is the correction as stored (its id
    and created time kept through undo and redo), None when there is none."""

    def __init__(
        self,
        context: CommandContext,
        corrections: StudyCorrections,
        text: str,
        key: tuple[str, int, str],
        before: StoredCorrection | None,
        after: StoredCorrection | None,
    ):
        super().__init__(context, text)
        self._corrections = corrections
        self.song_id, self.line, self.field = key
        self.before = before
        self.after = after

    def write_before(self) -> None:
        self._write_state(self.before)

    def write_after(self) -> None:
        self._write_state(self.after)

    def _write_state(self, item: StoredCorrection | None) -> None:
        store = self.library.corrections
        if item is None:
            store.remove(self.song_id, self.line, self.field)
            return
        with self.library.write():
            fresh = store.set(self.song_id, self.line, self.field, item.value)  # refused if the line went
            if fresh.id != item.id:  # the same correction again: its id and first time, as before the undo
                store.delete(fresh.id)
                store.put(dataclasses.replace(fresh, id=item.id, created=item.created))

    def announce(self) -> None:
        self._corrections.corrections_changed.emit(self.song_id)


class StudyCorrections(QObject):
    """`session.correction_edits`: the user's corrections of the study view, each set or reset one step
    of the session's undo stack (sharing its `CommandContext`: a failed undo stops every edit's writes)."""

    corrections_changed = Signal(str)
    """The corrections of the song (id given) changed: set, removed, undone or redone."""

    def __init__(self, session: Session, context: CommandContext):
        super().__init__(session)
        self._session = session
        self._context = context

    def value(self, song_id: str, line: int, field: str) -> str | None:
        """The correction stored for *field* of 1-based *line* (None: the computed value stands)."""
        stored = self._stored(song_id, line, field)
        return stored.value if stored else None

    def _stored(self, song_id: str, line: int, field: str) -> StoredCorrection | None:
        for correction in self._session.library.corrections.stored(song_id, status="anchored"):
            if correction.line == line and correction.field == field:
                return correction
        return None

    def set(self, song_id: str, line: int, field: str, value: str) -> bool:
        """Correct *field* of 1-based *line* to *value*; True when the change was made (not refused, not the same)."""
        if field not in CORRECTABLE:
            message = self.tr("“{field}” cannot be corrected (only {fields})")
            raise InvalidValue(message.format(field=field, fields=", ".join(CORRECTABLE)))
        return self._change(self.tr(_CORRECT_TEXTS[field]), song_id, line, field, value)

    def remove(self, song_id: str, line: int, field: str) -> bool:
        """Back to the computed value of *field* on 1-based *line*; True when there was a correction to remove."""
        text = (
            self.tr(_RESET_TEXTS[field])
            if field in _RESET_TEXTS
            else self.tr("Reset {field}").format(field=field)
        )
        return self._change(text, song_id, line, field, None)

    def _change(self, text: str, song_id: str, line: int, field: str, value: str | None) -> bool:
        library = self._session.library

        def make() -> StateCommand | None:
            before = self._stored(song_id, line, field)
            if (before.value if before else None) == value:
                return None
            after = None
            if value is None:
                library.corrections.remove(song_id, line, field)
            else:
                after = library.corrections.set(song_id, line, field, value)
            return CorrectionCommand(self._context, self, text, (song_id, line, field), before, after)

        return self._session.safekeeping.change(text, make) is not None
