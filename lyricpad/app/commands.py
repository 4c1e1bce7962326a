"""Undoable commands: each change the window makes is one step of the session's QUndoStack.

Every command keeps the state of what it changed from before and after the change,
read from the library. Undo writes back the "before" state, redo the "after" state, each
in one transaction of the store. Writing back saved states, rather than replaying the
change or its inverse, keeps any sequence of undo and redo exact: ids, creation times,
fragments, tags and needs_review marks come back as they were, so the library always
equals what the stack's index says.

The session makes the change itself, through the store's checked methods, before it
pushes the command: a refused change never reaches the stack. The first `redo()`, which
`QUndoStack.push()` calls, therefore writes nothing; it only announces the change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QUndoCommand

from lyricpad.core.errors import LyricpadError
from lyricpad.core.models import Annotation, Article, Lens, Song, StudyData

if TYPE_CHECKING:
    from lyricpad.app.session import Session
    from lyricpad.core.store import Library
    from lyricpad.core.store.links import LinkDecision

    SongDecisions = dict[str, tuple[LinkDecision, ...]]

NOTE_BURST_SECONDS = 3.0
"""Note edits of one annotation less than this far apart merge into one undo step."""

NOTE_COMMAND_ID = 1001
"""QUndoCommand.id() of note edits: QUndoStack offers only commands with equal ids to mergeWith()."""

_LIST_FIELDS = ("title", "artist", "album", "year", "language", "deleted")
"""Song fields the song list shows or filters by: a change to one of them changes the list."""


@dataclass
class CommandContext:
    """What commands work with: the library, and the session that owns their stack and announces facts."""

    library: Library
    session: Session
    broken: bool = False
    """Set when an undo or redo failed: the history no longer matches the library and is being cleared."""

    def history_failed(self, message: str) -> None:
        """Report a failed undo or redo (*message*: the whole sentence for the user) and drop the history,
        which no longer matches the library.

        The stack is cleared once control is back in the event loop: the command whose
        undo() failed is still running inside QUndoStack.undo(), which uses it afterwards.
        Until then every command refuses to write.
        """
        self.broken = True
        self.session.write_failed.emit(message)
        QTimer.singleShot(0, self.session.undo_stack, self._clear_history)

    def _clear_history(self) -> None:
        self.session.undo_stack.clear()
        self.broken = False


class StateCommand(QUndoCommand):
    """A change saved as two states; subclasses say how to write a state back and what to announce."""

    def __init__(self, context: CommandContext, text: str):
        super().__init__(text)
        self._context = context
        self._done_by_session = True  # the first redo() only announces

    @property
    def library(self) -> Library:
        return self._context.library

    @property
    def session(self) -> Session:
        return self._context.session

    def redo(self) -> None:
        if self._done_by_session:
            self._done_by_session = False
        elif not self._write(self.write_after, undo=False):
            return
        self.announce()

    def undo(self) -> None:
        if self._write(self.write_before, undo=True):
            self.announce()

    def _write(self, write: Callable[[], None], *, undo: bool) -> bool:
        if self._context.broken:
            return False
        try:
            write()
        except LyricpadError as exc:
            if undo:
                message = QCoreApplication.translate(
                    "StateCommand",
                    "Could not undo “{action}”: {reason}. "
                    "The undo history was cleared because it no longer matches the library.",
                )
            else:
                message = QCoreApplication.translate(
                    "StateCommand",
                    "Could not redo “{action}”: {reason}. "
                    "The undo history was cleared because it no longer matches the library.",
                )
            self._context.history_failed(message.format(action=self.text(), reason=exc))
            return False
        return True

    def write_before(self) -> None:
        raise NotImplementedError

    def write_after(self) -> None:
        raise NotImplementedError

    def announce(self) -> None:
        """Emit the session's fact signals for what this command changed."""
        raise NotImplementedError


# ---------------------------------------------------------------- annotations


class AnnotationCommand(StateCommand):
    """Create, trash, restore, re-lens or re-tag one annotation (None: the annotation does not exist)."""

    def __init__(
        self, context: CommandContext, text: str, before: Annotation | None, after: Annotation | None
    ):
        super().__init__(context, text)
        self.before = before
        self.after = after
        some = after or before
        self.annotation_id = some.id
        self.song_id = some.song_id

    def write_before(self) -> None:
        self._write_state(self.before)

    def write_after(self) -> None:
        self._write_state(self.after)

    def _write_state(self, state: Annotation | None) -> None:
        if state is None:
            self.library.snapshots.purge_annotation(self.annotation_id)
        else:
            self.library.snapshots.restore_annotation(state)

    def announce(self) -> None:
        self.session.annotations_changed.emit(self.song_id, [self.annotation_id])


class NoteCommand(AnnotationCommand):
    """An edit of one annotation's note; a typing burst merges into one step.

    A burst goes on while edits of the same annotation come less than NOTE_BURST_SECONDS
    apart, and ends when the session closes it (`open = False`): on end_note_burst(), when
    any other command is pushed, or when this one is undone.
    """

    def __init__(self, context: CommandContext, before: Annotation, after: Annotation, edited_at: float):
        super().__init__(context, QCoreApplication.translate("NoteCommand", "Edit Note"), before, after)
        self.edited_at = edited_at
        self.open = True

    def id(self) -> int:
        return NOTE_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            self.open
            and isinstance(other, NoteCommand)
            and other.annotation_id == self.annotation_id
            and other.edited_at - self.edited_at <= NOTE_BURST_SECONDS
        ):
            self.open = False  # something else now follows this burst: it cannot go on
            return False
        self.after = other.after
        self.edited_at = other.edited_at
        return True

    def undo(self) -> None:
        self.open = False
        super().undo()


# ---------------------------------------------------------------------- songs


def changed_annotations(
    before: Sequence[Annotation], after: Sequence[Annotation]
) -> tuple[list[Annotation], list[Annotation]]:
    """The snapshots, before and after, of annotations that differ between two readings.

    An edit of a song's lyrics or an article's body marks moved annotations needs_review;
    only those need saving with the command.
    """
    old = {a.id: a for a in before}
    new = {a.id: a for a in after}
    ids = [i for i in new if i in old and old[i] != new[i]]
    return [old[i] for i in ids], [new[i] for i in ids]


class SongCommand(StateCommand):
    """Create, edit, trash or restore a song (None: the song does not exist)."""

    def __init__(
        self,
        context: CommandContext,
        text: str,
        before: Song | None,
        after: Song | None,
        annotations_before: Iterable[Annotation] = (),
        annotations_after: Iterable[Annotation] = (),
        links_before: SongDecisions | None = None,
        links_after: SongDecisions | None = None,
        study_before: StudyData | None = None,
        study_after: StudyData | None = None,
    ):
        """*links_before*, *links_after*: the user's link decisions around an edit of the lyrics
        (`links.song_decisions`), put back exactly where they were with the lyrics; likewise
        *study_before*, *study_after* (`snapshots.study_data`): study corrections and translation."""
        super().__init__(context, text)
        self.before = before
        self.after = after
        self.song_id = (after or before).id
        self.current = after  # the state the library holds, as of the last write
        self.annotations_before = list(annotations_before)
        self.annotations_after = list(annotations_after)
        self.links_before = links_before
        self.links_after = links_after
        self.study_before = study_before
        self.study_after = study_after

    def write_before(self) -> None:
        self._write_state(self.before, self.annotations_before, self.links_before, self.study_before)

    def write_after(self) -> None:
        self._write_state(self.after, self.annotations_after, self.links_after, self.study_after)

    def _write_state(
        self,
        state: Song | None,
        annotations: list[Annotation],
        links: SongDecisions | None,
        study: StudyData | None,
    ) -> None:
        if state is None:
            self.library.snapshots.purge_song(self.song_id)
        else:
            self.library.snapshots.restore_song(state, annotations, links, study)
        self.current = state

    def announce(self) -> None:
        before, after = self.before, self.after
        if before is None or after is None:  # created or erased
            if self.current is None and self.session.current_song_id == self.song_id:
                self.session.select_song("")  # the song shown no longer exists
            self.session.songs_changed.emit()
            if self.current is not None:
                self.session.song_changed.emit(self.song_id)
            return
        if any(getattr(before, name) != getattr(after, name) for name in _LIST_FIELDS):
            self.session.songs_changed.emit()
        self.session.song_changed.emit(self.song_id)
        if self.annotations_after:
            self.session.annotations_changed.emit(self.song_id, [a.id for a in self.annotations_after])


# ------------------------------------------------------------------- articles


class ArticleCommand(StateCommand):
    """Create, edit or trash an article (None: the article does not exist)."""

    def __init__(
        self,
        context: CommandContext,
        text: str,
        before: Article | None,
        after: Article | None,
        annotations_before: Iterable[Annotation] = (),
        annotations_after: Iterable[Annotation] = (),
        shown_annotation_ids: Iterable[str] = (),
        links_before: SongDecisions | None = None,
        links_after: SongDecisions | None = None,
    ):
        """*shown_annotation_ids*: the article's annotations, which appear or disappear with it.
        *links_before*, *links_after*: its link decisions around an edit of the body, as SongCommand's."""
        super().__init__(context, text)
        self.before = before
        self.after = after
        some = after or before
        self.article_id = some.id
        self.song_id = some.song_id
        self.annotations_before = list(annotations_before)
        self.annotations_after = list(annotations_after)
        self.shown_annotation_ids = list(shown_annotation_ids)
        self.links_before = links_before
        self.links_after = links_after

    def write_before(self) -> None:
        self._write_state(self.before, self.annotations_before, self.links_before)

    def write_after(self) -> None:
        self._write_state(self.after, self.annotations_after, self.links_after)

    def _write_state(
        self, state: Article | None, annotations: list[Annotation], links: SongDecisions | None
    ) -> None:
        if state is None:
            self.library.snapshots.purge_article(self.article_id)
        else:
            self.library.snapshots.restore_article(state, annotations, links)

    def announce(self) -> None:
        self.session.articles_changed.emit(self.song_id)
        ids = list(dict.fromkeys([*self.shown_annotation_ids, *(a.id for a in self.annotations_after)]))
        if ids:
            self.session.annotations_changed.emit(self.song_id, ids)


# ---------------------------------------------------------------- quote links


class LinkCommand(StateCommand):
    """Link or unlink a quotation: the user's decisions about one article, saved before and after.

    Undo and redo change only the decisions that differ between the two (the one made, the one
    removed or replaced): decisions made meanwhile elsewhere (a terminal's `lyricpad unlink`)
    are not this command's to erase.
    """

    def __init__(
        self,
        context: CommandContext,
        text: str,
        song_id: str,
        article_id: str,
        before: tuple[LinkDecision, ...],
        after: tuple[LinkDecision, ...],
        link_id: str = "",
    ):
        """*link_id*: the link made (or removed), for the caller."""
        super().__init__(context, text)
        self.song_id = song_id
        self.article_id = article_id
        self.before = before
        self.after = after
        self.link_id = link_id

    def write_before(self) -> None:
        self.library.links.change_decisions(self.article_id, self.after, self.before)

    def write_after(self) -> None:
        self.library.links.change_decisions(self.article_id, self.before, self.after)

    def announce(self) -> None:
        self.session.links_changed.emit(self.song_id)


# --------------------------------------------------------------------- lenses


class LensCommand(StateCommand):
    """Create, rename, recolour or delete a lens (None: the lens does not exist)."""

    def __init__(
        self,
        context: CommandContext,
        text: str,
        before: Lens | None,
        after: Lens | None,
        attached: Iterable[tuple[str, str]] = (),
    ):
        """*attached*: (annotation id, song id) of the annotations that had a deleted lens."""
        super().__init__(context, text)
        self.before = before
        self.after = after
        self.lens_id = (after or before).id
        self.attached = list(attached)

    def write_before(self) -> None:
        self._write_state(self.before)

    def write_after(self) -> None:
        self._write_state(self.after)

    def _write_state(self, state: Lens | None) -> None:
        if state is None:
            self.library.lenses.delete(self.lens_id)
        else:
            # Bringing back a deleted lens puts it back on its annotations as well.
            self.library.lenses.restore(state, [annotation_id for annotation_id, _ in self.attached])

    def announce(self) -> None:
        self.session.lenses_changed.emit()
        by_song: dict[str, list[str]] = {}
        for annotation_id, song_id in self.attached:
            by_song.setdefault(song_id, []).append(annotation_id)
        for song_id, ids in by_song.items():
            self.session.annotations_changed.emit(song_id, ids)


class LensOrderCommand(StateCommand):
    """Move a lens in the order; the positions of every lens are saved, gaps included."""

    def __init__(self, context: CommandContext, before: dict[str, int], after: dict[str, int]):
        super().__init__(context, QCoreApplication.translate("LensOrderCommand", "Move Lens"))
        self.before = before
        self.after = after

    def write_before(self) -> None:
        self.library.lenses.set_positions(self.before)

    def write_after(self) -> None:
        self.library.lenses.set_positions(self.after)

    def announce(self) -> None:
        self.session.lenses_changed.emit()
