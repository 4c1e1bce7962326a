"""Undoable changes of annotations: highlight, trash and restore, move, lens, tags and note."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from lyricpad.app.commands import AnnotationCommand, CommandContext, NoteCommand, StateCommand
from lyricpad.app.edits import Edits
from lyricpad.app.unsaved import Draft
from lyricpad.core.anchoring import Anchor
from lyricpad.core.errors import LensNotFound, LyricpadError
from lyricpad.core.models import Annotation
from lyricpad.core.text import fold, normalise_text

if TYPE_CHECKING:
    from lyricpad.app.session import Session


class AnnotationEdits(Edits):
    """`session.annotation_edits`: every change of an annotation is one undo step (a typing burst of a note, one)."""

    def __init__(
        self, session: Session, context: CommandContext, clock: Callable[[], float] = time.monotonic
    ):
        """*clock* gives the time of note edits in seconds (tests pass a fake one)."""
        super().__init__(session, context)
        self._clock = clock
        self._last_lens_id: str | None = None

    @property
    def last_lens_id(self) -> str | None:
        """The lens last used to create or re-lens an annotation (for Ctrl+H); None if none, or deleted."""
        if self._last_lens_id is None:
            return None
        try:
            self._library.lenses.get(self._last_lens_id)
        except LensNotFound:
            return None
        return self._last_lens_id

    def create(
        self,
        song_id: str,
        fragments: Sequence[Anchor],
        *,
        target: str = "lyrics",
        article_id: str | None = None,
        lens_id: str | None = None,
        note: str = "",
        tags: Iterable[str] = (),
    ) -> str | None:
        """Highlight *fragments* of the song's lyrics or one article; returns the new id (None if refused)."""
        lib = self._library
        text = QCoreApplication.translate("AnnotationEdits", "Highlight")

        def make() -> StateCommand:
            made = lib.annotations.add(
                song_id,
                fragments,
                target=target,
                article_id=article_id,
                lens_id=lens_id,
                note=note,
                tags=tags,
            )
            return AnnotationCommand(self._context, text, None, made)

        command = self._change(text, make)
        if command is None:
            return None
        if lens_id is not None:
            self._last_lens_id = lens_id
        return command.annotation_id

    def _annotation_change(self, annotation_id: str, text: str, write: Callable[[Annotation], bool]) -> None:
        """Push an AnnotationCommand for *write*, which changes the annotation and says whether it did."""
        lib = self._library

        def make() -> StateCommand | None:
            before = lib.annotations.get(annotation_id)
            if not write(before):
                return None
            return AnnotationCommand(self._context, text, before, lib.annotations.get(annotation_id))

        self._change(text, make)

    def delete(self, annotation_id: str) -> None:
        """Move an annotation to the trash."""

        def write(before: Annotation) -> bool:
            if before.deleted:
                return False
            self._library.annotations.set_deleted(annotation_id, True)
            return True

        self._annotation_change(
            annotation_id, QCoreApplication.translate("AnnotationEdits", "Delete Highlight"), write
        )

    def restore(self, annotation_id: str) -> None:
        """Bring an annotation back from the trash."""

        def write(before: Annotation) -> bool:
            if not before.deleted:
                return False
            self._library.annotations.set_deleted(annotation_id, False)
            return True

        self._annotation_change(
            annotation_id, QCoreApplication.translate("AnnotationEdits", "Restore Highlight"), write
        )

    def accept_proposal(self, annotation_id: str) -> None:
        """Anchor a needs_review annotation at the place proposed for it."""

        def write(before: Annotation) -> bool:
            self._library.annotations.accept_proposal(annotation_id)
            return True

        self._annotation_change(
            annotation_id, QCoreApplication.translate("AnnotationEdits", "Accept Proposed Place"), write
        )

    def move(self, annotation_id: str, fragments: Sequence[Anchor]) -> None:
        """Put an annotation on other text (chosen by the user) of the text it belongs to; it is anchored."""

        def write(before: Annotation) -> bool:
            if before.status == "anchored" and tuple(fragments) == before.fragments:
                return False
            self._library.annotations.move(annotation_id, fragments)
            return True

        self._annotation_change(
            annotation_id, QCoreApplication.translate("AnnotationEdits", "Move Highlight"), write
        )

    def set_lens(self, annotation_id: str, lens_id: str | None) -> None:
        """Give an annotation another lens (None: no lens)."""

        def write(before: Annotation) -> bool:
            if (before.lens.id if before.lens else None) == lens_id:
                return False
            self._library.annotations.set_lens(annotation_id, lens_id)
            if lens_id is not None:
                self._last_lens_id = lens_id
            return True

        self._annotation_change(
            annotation_id, QCoreApplication.translate("AnnotationEdits", "Change Lens"), write
        )

    def set_tags(self, annotation_id: str, tags: Iterable[str]) -> None:
        """Replace an annotation's tags."""
        tags = list(tags)

        def write(before: Annotation) -> bool:
            # Tags are one per name whatever its case; the same set again changes nothing.
            if {fold(self._library.tags.clean(t)) for t in tags} == {fold(t) for t in before.tags}:
                return False
            self._library.annotations.set_tags(annotation_id, tags)
            return True

        self._annotation_change(
            annotation_id, QCoreApplication.translate("AnnotationEdits", "Edit Tags"), write
        )

    def edit_note(self, annotation_id: str, text: str) -> None:
        """Save an annotation's note now; edits in one typing burst are one undo step.

        Edits of the same note merge until `session.end_note_burst()`, until another command
        is pushed, or until more than NOTE_BURST_SECONDS pass between two edits.
        """
        lib = self._library

        def make() -> StateCommand | None:
            before = lib.annotations.get(annotation_id)
            if normalise_text(text) == before.note:
                return None
            after = lib.annotations.set_note(annotation_id, text)
            return NoteCommand(self._context, before, after, self._clock())

        def draft() -> Draft:
            try:
                annotation = lib.annotations.get(annotation_id)
                song = lib.songs.get(annotation.song_id).display_name
                heading = QCoreApplication.translate("AnnotationEdits", "Note on “{quote}” ({song})").format(
                    quote=one_line_quote(annotation.quote), song=song
                )
            except LyricpadError:
                heading = QCoreApplication.translate("AnnotationEdits", "Note of the highlight {id}").format(
                    id=annotation_id[:8]
                )
            return Draft(("note", annotation_id), heading, text)

        self._change(
            QCoreApplication.translate("AnnotationEdits", "Edit Note"),
            make,
            draft=draft,
            key=("note", annotation_id),
        )


def one_line_quote(quote: str, width: int = 60) -> str:
    text = " / ".join(line.strip() for line in quote.splitlines() if line.strip())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
