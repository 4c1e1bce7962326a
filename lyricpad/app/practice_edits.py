"""Undoable changes the practice mode makes: a song's line times (tag and next), a note's time."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication

from lyricpad.app.commands import AnnotationCommand, SongCommand, StateCommand
from lyricpad.app.edits import Edits


class TimingEdits(Edits):
    """`session.timing_edits`: times set while practising, each one step of the session's undo stack."""

    def set_line_times(self, song_id: str, line_times: list, word_times: list | None) -> None:
        """Give the song *line_times* (one entry per line); a plain-lyrics song becomes an LRC one."""
        lib = self._library
        text = QCoreApplication.translate("TimingEdits", "Set Line Times")

        def make() -> StateCommand | None:
            before = lib.songs.get(song_id)
            if before.line_times == line_times and before.lyrics_format == "lrc":
                return None
            after = lib.songs.update(
                song_id, line_times=line_times, word_times=word_times, lyrics_format="lrc"
            )
            return SongCommand(self._context, text, before, after)

        self._change(text, make)

    def set_note_time(self, annotation_id: str, time_ms: int | None) -> None:
        """Say the note is about the moment *time_ms* of the song (None: about no moment)."""
        lib = self._library
        if time_ms is not None:
            text = QCoreApplication.translate("TimingEdits", "Set Note Time")
        else:
            text = QCoreApplication.translate("TimingEdits", "Clear Note Time")

        def make() -> StateCommand | None:
            before = lib.annotations.get(annotation_id)
            if before.time_ms == time_ms:
                return None
            lib.snapshots.restore_annotation(dataclasses.replace(before, time_ms=time_ms))
            return AnnotationCommand(self._context, text, before, lib.annotations.get(annotation_id))

        self._change(text, make)
