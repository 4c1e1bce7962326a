"""The session: the one open library of a window, read by the widgets, changed through undoable commands."""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from lyricpad.app.commands import (
    AnnotationCommand,
    ArticleCommand,
    CommandContext,
    LensCommand,
    LensOrderCommand,
    NoteCommand,
    SongCommand,
    StateCommand,
    changed_annotations,
)
from lyricpad.app.unsaved import Draft, Pending, unsaved_markdown
from lyricpad.core.anchoring import Anchor
from lyricpad.core.backup import BACKUP_INTERVAL_SECONDS, make_backup, restore_backup
from lyricpad.core.check import CheckReport
from lyricpad.core.errors import LensNotFound, LibraryUnavailable, LyricpadError, SearchIndexDamaged
from lyricpad.core.models import Annotation, Article, Lens, Song
from lyricpad.core.paths import library_path
from lyricpad.core.repair import RepairReport, mend_search_index, repair_library
from lyricpad.core.store import Library
from lyricpad.core.text import fold, normalise_text

RETRY_SECONDS = 5
"""A change the library could not take (a full disk, a lock held too long) is tried again this often."""

WATCH_MS = 1500
"""How often the window looks for changes other processes made to the library."""


class Session(QObject):
    """Owns an open `Library` and its undo history, and knows which song the window shows.

    Widgets read through the session and never touch the store or SQL themselves. Every
    change goes through one of the mutation methods below, which pushes one undoable
    command onto `undo_stack`; after each change, and after each undo and redo, the
    session emits the fact signals that say what changed. A change the library refuses
    emits `write_failed` and leaves the library and the stack as they were.
    """

    current_song_changed = Signal(str)
    """The song shown changed; carries its id ("" when the library has no song to show)."""
    songs_changed = Signal()
    """The song list changed: a song was added, trashed, restored, renamed or its metadata edited."""
    song_changed = Signal(str)
    """One song's fields or lyrics changed; carries its id."""
    articles_changed = Signal(str)
    """An article of the song (id given) was added, edited, trashed or brought back."""
    annotations_changed = Signal(str, list)
    """Annotations of the song (id given) were created, changed, trashed, restored or erased: their ids."""
    lenses_changed = Signal()
    """A lens was added, renamed, recoloured, moved or deleted."""
    write_failed = Signal(str)
    """A change, undo or redo was refused or failed; carries a message for the user."""
    notice = Signal(str)
    """Something to tell that may come while the user types (a failed automatic backup...): shown
    without taking the keyboard."""
    change_kept = Signal(str)
    """A change could not be saved and is kept (for another try, or for a copy); carries why.

    Said while the user may be typing: shown without taking the keyboard (unlike write_failed)."""
    unsaved_changed = Signal(int)
    """How many changes wait to be saved again (the disk was full, the library locked...); 0: all saved."""
    changed_elsewhere = Signal()
    """Another program changed the library; the undo history was cleared (it described the old state)."""
    backup_made = Signal(str)
    """An automatic backup was written; carries its path."""
    library_repaired = Signal(str)
    """lyricpad mended the library by itself (a damaged search index was rebuilt); carries what it did."""

    def __init__(
        self,
        library: Library,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ):
        """*clock* gives the time of note edits in seconds (tests pass a fake one)."""
        super().__init__(parent)
        self._library = library
        self._current_song_id = ""
        self._clock = clock
        self._last_lens_id: str | None = None
        self._burst: NoteCommand | None = None  # the note edit later edits may still merge into
        self._pushing = False
        self._queued: list[Pending] = []
        self.undo_stack = QUndoStack(self)
        self._context = CommandContext(library, self)
        # Changes the library could not take for now (LibraryUnavailable): kept, retried in order.
        self._unsaved: list[Pending] = []
        # Text the user typed that the library refused for good (the highlight was deleted
        # elsewhere...): never retried, never dropped either: the window offers a copy on quit.
        self._lost: list[Pending] = []
        self._repaired_once = False
        self._repair_backup: Path | None = None
        self._busy = False  # a change is being made (see _attempt)
        self._retrying = False
        self._retry_timer = QTimer(self)
        self._retry_timer.setInterval(RETRY_SECONDS * 1000)
        self._retry_timer.timeout.connect(self.retry_unsaved)
        # Other processes (the CLI, another tool) may change the library: look every so often.
        self._data_version = self._read_data_version()
        self._watch_timer = QTimer(self)
        self._watch_timer.setInterval(WATCH_MS)
        self._watch_timer.timeout.connect(self.check_outside_changes)
        if library.path is not None:
            self._watch_timer.start()
        self._changed_since_backup = False
        self._quit_backup_tried = False
        self._last_backup = clock()

    @classmethod
    def open(cls, library_option: str | os.PathLike | None = None, parent: QObject | None = None) -> Session:
        """Open the library named by --library (else $LYRICPAD_LIBRARY, else the default).

        Raises a `LyricpadError` with a readable message when the library cannot be used.
        """
        return cls(Library.open(library_path(library_option)), parent)

    @property
    def library(self) -> Library:
        """The open library, for readers that need more than the session offers (exports).

        Changes go through the session's methods, never through this.
        """
        return self._library

    @property
    def library_path(self) -> Path | None:
        """The library file, or None for an in-memory library."""
        return self._library.path

    # ------------------------------------------------------------------ reading

    def songs(self) -> list[Song]:
        """Every song not in the trash, sorted by title then artist."""
        return self._library.songs()

    def trashed_songs(self) -> list[Song]:
        """The songs in the trash, sorted by title then artist."""
        return [s for s in self._library.songs(include_deleted=True) if s.deleted]

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

    def trashed_annotations(self, song_id: str) -> list[Annotation]:
        """The song's annotations in the trash, in text order."""
        return [a for a in self._library.annotations(song_id, include_deleted=True) if a.deleted]

    def annotation(self, annotation_id: str) -> Annotation:
        """One annotation, in the trash or not (raises AnnotationNotFound)."""
        return self._library.annotation(annotation_id)

    def tags(self) -> list[str]:
        """Every tag in the library, sorted."""
        return self._library.tags()

    def lenses(self) -> list[Lens]:
        return self._library.lenses()

    @property
    def last_lens_id(self) -> str | None:
        """The lens last used to create or re-lens an annotation (for Ctrl+H); None if none, or deleted."""
        if self._last_lens_id is None:
            return None
        try:
            self._library.lens(self._last_lens_id)
        except LensNotFound:
            return None
        return self._last_lens_id

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

    # ------------------------------------------------------------ the history

    def _change(
        self,
        text: str,
        make: Callable[[], StateCommand | None],
        *,
        draft: Callable[[], Draft] | None = None,
        key: tuple[str, str] | None = None,
    ) -> StateCommand | None:
        """Make the change *text* through *make* (store writes, then the command that undoes them); push it.

        *make* returns None when there is nothing to change. When the library refuses,
        `write_failed` says why and the stack is left as it was: the change is made
        before the command is pushed, so a refused change never reaches the stack.
        A change the library cannot take *for now* is kept and retried; a change that
        carries words the user typed (*draft*: a note, lyrics, an article) is never
        dropped: refused for good, it is kept for a copy (see `lost_count`) until a later
        change of the same item (*key*) is saved.
        Returns the command pushed, or None. (A note edit merged into its burst is
        deleted by the stack: use nothing of it but its Python attributes.)
        """
        pending = Pending(text, make, draft, key=key)
        if self._pushing or self._busy:
            # Asked from a slot of the change being pushed (a widget saving what was typed
            # when told the song went away), or from an event loop a message box runs while
            # a change is being made: made right after it, so the history keeps the order
            # the user caused them in and an older text never overwrites a newer one.
            self._queued.append(pending)
            return None
        if self._unsaved:  # keep the order: this waits behind what is waiting already
            self._keep_unsaved(pending, None)
            return None
        try:
            command = self._attempt(make)
        except LibraryUnavailable as exc:  # for now: a full disk, a locked or unwritable library
            self._keep_unsaved(pending, exc)
            return None
        except LyricpadError as exc:
            self._refused(pending, exc)
            return None
        self._saved(pending)
        if command is not None:
            self._push(command)
            self._after_write()
        self._run_queued()
        return command

    def _saved(self, pending: Pending) -> None:
        """A change was saved: words kept from an earlier, refused change of the same item are out of date."""
        if pending.key is not None and any(lost.key == pending.key for lost in self._lost):
            self._lost = [lost for lost in self._lost if lost.key != pending.key]
            self.unsaved_changed.emit(self.unsaved_count)

    def _run_queued(self) -> None:
        while self._queued and not (self._pushing or self._busy):
            pending = self._queued.pop(0)
            self._change(pending.text, pending.make, draft=pending.draft, key=pending.key)

    def _attempt(self, make: Callable[[], StateCommand | None]) -> StateCommand | None:
        """*make*, once more after mending the search index when that is what made it fail.

        Nothing here waits on the user (a message is told afterwards, from the event loop),
        and changes asked for meanwhile wait in `_queued`: one change is made at a time.
        """
        self._busy = True
        try:
            try:
                return make()
            except SearchIndexDamaged as exc:
                try:
                    self._repair_search_index(exc)
                except LyricpadError as failed:  # kept, as the change itself, for another try
                    raise SearchIndexDamaged(f"{exc}; rebuilding it failed: {failed}", exc.tables) from failed
                return make()
        finally:
            self._busy = False

    def _repair_search_index(self, exc: SearchIndexDamaged, *, a_change_failed: bool = True) -> None:
        """Rebuild damaged full-text indexes from the tables (one backup first, per session); say so once."""
        if self._library.read_only:
            raise exc
        # One backup of the library as it was: retries every few seconds must not make one each.
        backup = self._repair_backup = mend_search_index(
            self._library, exc.tables, backup=self._repair_backup
        )
        if not self._repaired_once:
            self._repaired_once = True
            where = f" A backup of the library as it was is in {backup}." if backup else ""
            what = (
                "so your change could not be saved. lyricpad rebuilt it from your songs, articles and "
                "notes, and saved your change."
                if a_change_failed
                else "which would have stopped changes from being saved. lyricpad rebuilt it from your "
                "songs, articles and notes."
            )
            # Told from the event loop, once the change is made: a message box must not run an
            # event loop in the middle of it.
            message = f"The library's search index was damaged, {what}{where}"
            QTimer.singleShot(0, self, lambda: self.library_repaired.emit(message))

    def mend_search_index(self) -> bool:
        """Look at the full-text indexes (FTS5's own check: ~25 ms for 10,000 notes) and rebuild a
        damaged one now, a backup first, telling the user once; True when one was rebuilt."""
        if self._library.read_only:
            return False
        try:
            damaged = self._library.search_index_problems()
            if damaged:
                self._repair_search_index(
                    SearchIndexDamaged("the search index is damaged", sorted(damaged)), a_change_failed=False
                )
        except LyricpadError as exc:
            self.write_failed.emit(f"The library's search index is damaged and could not be rebuilt: {exc}")
            return False
        return bool(damaged)

    def _refused(self, pending: Pending, exc: LyricpadError, *, later: bool = False) -> None:
        """*pending* can never be saved; *later*: found on another try, maybe while the user types."""
        if pending.draft is None:
            (self.notice if later else self.write_failed).emit(f"“{pending.text}” was not saved: {exc}")
            return
        pending.reason = _reason(exc)
        self._lost.append(pending)
        self.unsaved_changed.emit(self.unsaved_count)
        self.change_kept.emit(
            f"“{pending.text}” could not be saved: {pending.reason}. What you typed is kept in this window: "
            "when you quit, lyricpad offers to save a copy of it as Markdown."
        )

    # -------------------------------------------------------- unsaved changes

    @property
    def unsaved_count(self) -> int:
        """Changes not in the library: waiting for another try, or kept after a refusal."""
        return len(self._unsaved) + len(self._lost)

    @property
    def retryable_count(self) -> int:
        """Changes waiting to be tried again (the library could not take them for now)."""
        return len(self._unsaved)

    @property
    def lost_count(self) -> int:
        """Typed changes the library refused for good, kept only for a copy."""
        return len(self._lost)

    def _keep_unsaved(self, pending: Pending, exc: Exception | None) -> None:
        if exc is not None:
            pending.reason = _reason(exc)
        last = len(self._unsaved) - 1
        same = last if pending.key and self._unsaved and self._unsaved[last].key == pending.key else None
        if same is not None:
            # Newer words of the item waiting last (typing went on): they take its place, so that
            # one change is saved, with the newest text, and the editor is never shown an older
            # text once the library can be written again. (Not past a later change: a highlight
            # made on the older text must be saved before the text changes under it.)
            pending.reason = pending.reason or self._unsaved[same].reason
            self._unsaved[same] = pending
            return
        self._unsaved.append(pending)
        self._retry_timer.start()
        self.unsaved_changed.emit(self.unsaved_count)
        if exc is not None:
            self.change_kept.emit(
                f"“{pending.text}” is not saved yet: {pending.reason}. It is kept in the window and saved as soon as "
                f"the library can be written (lyricpad tries again every {RETRY_SECONDS} seconds)."
            )

    def retry_unsaved(self) -> bool:
        """Try again to save the changes kept from failed saves, in order; True when none waits any more.

        (Words kept from changes refused for good, `lost_count`, are not retried: they can
        never be saved, and they keep nothing else from being done.)
        """
        if self._retrying or self._busy:
            return False  # already at it, further down this call stack (a message box's event loop)
        self._retrying = True
        self._retry_timer.stop()
        try:
            while self._unsaved:
                pending = self._unsaved[0]
                try:
                    command = self._attempt(pending.make)
                except LibraryUnavailable as exc:
                    pending.reason = _reason(exc)
                    self._retry_timer.start()
                    return False  # still failing: the timer tries again
                except LyricpadError as exc:  # no longer possible (the item went meanwhile...)
                    self._unsaved.pop(0)
                    self._refused(pending, exc, later=True)
                else:
                    self._unsaved.pop(0)
                    self._saved(pending)
                    if command is not None:
                        self._push(command)
                        self._after_write()
                self.unsaved_changed.emit(self.unsaved_count)
        finally:
            self._retrying = False
        self._run_queued()
        return not self._unsaved

    def discard_unsaved(self) -> None:
        """Forget the changes not saved: the user chose to quit without them (or saved a copy of them)."""
        self._unsaved.clear()
        self._lost.clear()
        self._retry_timer.stop()
        self.unsaved_changed.emit(0)

    def last_unsaved_reason(self) -> str:
        """Why the oldest change waiting was not saved (the last error), for the question on quitting."""
        return next((p.reason for p in self._unsaved if p.reason), "")

    def unsaved_descriptions(self) -> list[str]:
        """One line per change not saved, oldest first: what it is, about what, and why it failed."""
        lines = []
        for pending in [*self._unsaved, *self._lost]:
            draft = pending.describe()
            line = f"{pending.text} ({draft.heading})" if draft else pending.text
            lines.append(f"{line}: {pending.reason}" if pending.reason else line)
        return lines

    def unsaved_markdown(self) -> str:
        """What is not saved, as Markdown: the words typed in each change (the newest), then the others."""
        name = str(self._library.path) if self._library.path else "an in-memory library"
        return unsaved_markdown([*self._lost, *self._unsaved], name)

    def save_unsaved_copy(self, path: str | os.PathLike) -> Path:
        """Write `unsaved_markdown()` to *path* (atomically); raises a LyricpadError when it cannot."""
        from lyricpad.core.export.files import write_atomic

        return write_atomic(path, self.unsaved_markdown())

    # ------------------------------------------------- other processes, backups

    def _read_data_version(self) -> int | None:
        try:
            return self._library.data_version()
        except LyricpadError:
            return None

    def check_outside_changes(self) -> bool:
        """Announce changes another process committed since the last look; True if there were some."""
        version = self._read_data_version()
        if version is None or version == self._data_version:
            return False
        self._data_version = version
        self._changed_since_backup = True
        if self.undo_stack.count():
            # Undo writes back whole saved states: after another program's change it would
            # silently undo that change too. The history goes; what others did stays.
            self._burst = None
            self.undo_stack.clear()
            self.changed_elsewhere.emit()
        self.songs_changed.emit()
        self.lenses_changed.emit()
        song_id = self._current_song_id
        if song_id:
            try:
                self._library.song(song_id)
            except LyricpadError:  # erased elsewhere
                self.select_song("")
                return True
            self.song_changed.emit(song_id)
            self.articles_changed.emit(song_id)
            ids = [a.id for a in self._library.annotations(song_id, include_deleted=True)]
            self.annotations_changed.emit(song_id, ids)
        return True

    def _after_write(self) -> None:
        # (Our own commits leave PRAGMA data_version as it is: nothing to read here.)
        self._changed_since_backup = True
        if self._clock() - self._last_backup >= BACKUP_INTERVAL_SECONDS:
            self.backup("auto")

    def backup(self, reason: str = "auto") -> Path | None:
        """Make an automatic backup now (file libraries only); None when there is nothing to back up."""
        if self._library.path is None or self._library.read_only:
            return None
        try:
            path = make_backup(self._library, reason=reason)
        except LyricpadError as exc:
            message = f"The {'automatic ' if reason == 'auto' else ''}backup failed: {exc}"
            if reason == "auto":
                # Made while the user types: said without taking the keyboard, and tried again
                # only after the usual interval, not at every pause.
                self._last_backup = self._clock()
                self.notice.emit(message)
            else:
                self.write_failed.emit(message)
            return None
        self._last_backup = self._clock()
        self._changed_since_backup = False
        self.backup_made.emit(str(path))
        return path

    def back_up_on_quit(self) -> None:
        """The backup made when the window closes (once: when it fails, the window has said so already)."""
        if self._changed_since_backup and not self._quit_backup_tried:
            self._quit_backup_tried = True
            self.backup("quit")

    def restore_backup(self, backup: Path) -> Path | None:
        """Replace the library's content with *backup* (the current state is backed up first).

        The undo history is cleared: it describes a library that is no longer there. Returns
        the backup of the state before, or None when the restore was refused (write_failed says why).
        """
        if not self.retry_unsaved():
            self.write_failed.emit(
                f"The backup was not restored: {_plural_changes(self.retryable_count)} still wait to be saved; "
                "restore once they are saved (or quit without them)."
            )
            return None
        try:
            safety = restore_backup(self._library, backup)
        except LyricpadError as exc:
            self.write_failed.emit(f"The backup was not restored: {exc}")
            return None
        self._burst = None
        self.undo_stack.clear()
        self._data_version = None  # announce everything, as for a change made elsewhere
        self.check_outside_changes()
        return safety

    def repair_library(self, report: CheckReport) -> RepairReport | None:
        """Repair what *report* found (File > Check Library): a backup first, then one transaction.

        Like a restore, it waits for no unsaved change and clears the undo history (it described
        the library before the repair), then announces that everything may have changed. The
        check after the repair is left to the caller, off the GUI thread. Returns what was done,
        or None when the repair was refused or failed (write_failed says why).
        """
        if not self.retry_unsaved():
            self.write_failed.emit(
                f"The library was not repaired: {_plural_changes(self.retryable_count)} still wait to be saved; "
                "repair once they are saved (or quit without them)."
            )
            return None
        try:
            repaired = repair_library(self._library, report, check_after=False)
        except LyricpadError as exc:
            self.write_failed.emit(f"The library was not repaired: {exc}")
            return None
        self._burst = None
        self.undo_stack.clear()
        self._data_version = None  # announce everything, as for a change made elsewhere
        self.check_outside_changes()
        return repaired

    @property
    def read_only(self) -> str | None:
        """Why the library is open read-only (written by a newer lyricpad), or None."""
        return self._library.read_only

    def _push(self, command: StateCommand) -> None:
        burst = self._burst
        self._pushing = True
        try:
            self.undo_stack.push(command)
        finally:
            self._pushing = False
        if not (isinstance(command, NoteCommand) and not shiboken6.isValid(command)):
            # Anything but a note edit merged into its burst ends the burst.
            if burst is not None and shiboken6.isValid(burst):
                burst.open = False
            self._burst = command if isinstance(command, NoteCommand) else None
        self._run_queued()

    def end_note_burst(self) -> None:
        """The next note edit starts a new undo step (call when the note editor loses focus)."""
        if self._burst is not None and shiboken6.isValid(self._burst):
            self._burst.open = False
        self._burst = None

    # ------------------------------------------------------------- annotations

    def create_annotation(
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

        def make() -> StateCommand:
            made = lib.add_annotation(
                song_id,
                fragments,
                target=target,
                article_id=article_id,
                lens_id=lens_id,
                note=note,
                tags=tags,
            )
            return AnnotationCommand(self._context, "Highlight", None, made)

        command = self._change("Highlight", make)
        if command is None:
            return None
        if lens_id is not None:
            self._last_lens_id = lens_id
        return command.annotation_id

    def _annotation_change(self, annotation_id: str, text: str, write: Callable[[Annotation], bool]) -> None:
        """Push an AnnotationCommand for *write*, which changes the annotation and says whether it did."""
        lib = self._library

        def make() -> StateCommand | None:
            before = lib.annotation(annotation_id)
            if not write(before):
                return None
            return AnnotationCommand(self._context, text, before, lib.annotation(annotation_id))

        self._change(text, make)

    def delete_annotation(self, annotation_id: str) -> None:
        """Move an annotation to the trash."""

        def write(before: Annotation) -> bool:
            if before.deleted:
                return False
            self._library.set_deleted(annotation_id, True)
            return True

        self._annotation_change(annotation_id, "Delete Highlight", write)

    def restore_annotation(self, annotation_id: str) -> None:
        """Bring an annotation back from the trash."""

        def write(before: Annotation) -> bool:
            if not before.deleted:
                return False
            self._library.set_deleted(annotation_id, False)
            return True

        self._annotation_change(annotation_id, "Restore Highlight", write)

    def accept_proposal(self, annotation_id: str) -> None:
        """Anchor a needs_review annotation at the place proposed for it."""

        def write(before: Annotation) -> bool:
            self._library.accept_proposal(annotation_id)
            return True

        self._annotation_change(annotation_id, "Accept Proposed Place", write)

    def move_annotation(self, annotation_id: str, fragments: Sequence[Anchor]) -> None:
        """Put an annotation on other text (chosen by the user) of the text it belongs to; it is anchored."""

        def write(before: Annotation) -> bool:
            if before.status == "anchored" and tuple(fragments) == before.fragments:
                return False
            self._library.move_annotation(annotation_id, fragments)
            return True

        self._annotation_change(annotation_id, "Move Highlight", write)

    def set_annotation_lens(self, annotation_id: str, lens_id: str | None) -> None:
        """Give an annotation another lens (None: no lens)."""

        def write(before: Annotation) -> bool:
            if (before.lens.id if before.lens else None) == lens_id:
                return False
            self._library.set_lens(annotation_id, lens_id)
            if lens_id is not None:
                self._last_lens_id = lens_id
            return True

        self._annotation_change(annotation_id, "Change Lens", write)

    def set_annotation_tags(self, annotation_id: str, tags: Iterable[str]) -> None:
        """Replace an annotation's tags."""
        tags = list(tags)

        def write(before: Annotation) -> bool:
            # Tags are one per name whatever its case; the same set again changes nothing.
            if {fold(Library.clean_tag(t)) for t in tags} == {fold(t) for t in before.tags}:
                return False
            self._library.set_tags(annotation_id, tags)
            return True

        self._annotation_change(annotation_id, "Edit Tags", write)

    def edit_note(self, annotation_id: str, text: str) -> None:
        """Save an annotation's note now; edits in one typing burst are one undo step.

        Edits of the same note merge until `end_note_burst()`, until another command is
        pushed, or until more than NOTE_BURST_SECONDS pass between two edits.
        """
        lib = self._library

        def make() -> StateCommand | None:
            before = lib.annotation(annotation_id)
            if normalise_text(text) == before.note:
                return None
            after = lib.set_note(annotation_id, text)
            return NoteCommand(self._context, before, after, self._clock())

        def draft() -> Draft:
            try:
                annotation = lib.annotation(annotation_id)
                song = lib.song(annotation.song_id).display_name
                heading = f"Note on “{one_line_quote(annotation.quote)}” ({song})"
            except LyricpadError:
                heading = f"Note of the highlight {annotation_id[:8]}"
            return Draft(("note", annotation_id), heading, text)

        self._change("Edit Note", make, draft=draft, key=("note", annotation_id))

    # ------------------------------------------------------------------- songs

    def add_song(self, title: str, **fields) -> str | None:
        """Create a song; returns its id (None if refused)."""

        def make() -> StateCommand:
            return SongCommand(self._context, "New Song", None, self._library.add_song(title, **fields))

        command = self._change("New Song", make)
        return command.song_id if command else None

    def update_song(self, song_id: str, **fields) -> None:
        """Rename a song, edit its metadata or its lyrics; annotations whose text moved need review."""
        lib = self._library
        if set(fields) == {"title"}:
            text = "Rename Song"
        elif "lyrics" in fields:
            text = "Edit Lyrics"
        else:
            text = "Edit Song Details"

        def make() -> StateCommand | None:
            before = lib.song(song_id)
            annotations = lib.annotations(song_id, include_deleted=True) if "lyrics" in fields else []
            after = lib.update_song(song_id, **fields)
            moved_before, moved_after = changed_annotations(
                annotations, lib.annotations(song_id, include_deleted=True) if annotations else []
            )
            if not moved_before and _same_but_time(before, after):
                # Nothing but the time changed: put the time back too, and add no undo step.
                lib.restore_song_snapshot(before)
                return None
            return SongCommand(self._context, text, before, after, moved_before, moved_after)

        draft = None
        if "lyrics" in fields:

            def draft() -> Draft:
                return Draft(
                    ("lyrics", song_id), f"Lyrics of {self._name_of_song(song_id)}", fields["lyrics"], "text"
                )

        self._change(text, make, draft=draft, key=("lyrics", song_id) if draft else None)

    def delete_song(self, song_id: str) -> None:
        """Move a song to the trash; its articles and annotations stay with it."""
        self._song_trash(song_id, True, "Delete Song")

    def restore_song(self, song_id: str) -> None:
        """Bring a song back from the trash."""
        self._song_trash(song_id, False, "Restore Song")

    def _song_trash(self, song_id: str, deleted: bool, text: str) -> None:
        lib = self._library

        def make() -> StateCommand | None:
            before = lib.song(song_id)
            if before.deleted == deleted:
                return None
            return SongCommand(self._context, text, before, lib.set_song_deleted(song_id, deleted))

        self._change(text, make)

    # ---------------------------------------------------------------- articles

    def add_article(self, song_id: str, title: str = "", body: str = "", **fields) -> str | None:
        """Start an article of the song, after its other articles; returns its id (None if refused).

        *fields*: author, source, published (as Library.add_article takes them).
        """

        def make() -> StateCommand:
            made = self._library.add_article(song_id, title, body, **fields)
            return ArticleCommand(self._context, "New Article", None, made)

        command = self._change("New Article", make)
        return command.article_id if command else None

    def update_article(self, article_id: str, **fields) -> None:
        """Edit an article's title, author, source or body; annotations whose text moved need review."""
        lib = self._library
        text = "Rename Article" if set(fields) == {"title"} else "Edit Article"

        def make() -> StateCommand | None:
            before = lib.article(article_id)
            annotations = self._article_annotations(before) if "body" in fields else []
            after = lib.update_article(article_id, **fields)
            moved_before, moved_after = changed_annotations(
                annotations, self._article_annotations(after) if annotations else []
            )
            if not moved_before and _same_but_time(before, after):
                lib.restore_article_snapshot(before)
                return None
            return ArticleCommand(self._context, text, before, after, moved_before, moved_after)

        def draft() -> Draft:
            try:
                article = lib.article(article_id)
                where = f"article “{article.title or 'untitled'}” of {self._name_of_song(article.song_id)}"
            except LyricpadError:
                where = f"article {article_id[:8]}"
            if "body" in fields:
                return Draft(("article", article_id), f"The {where}", fields["body"])
            return Draft(("article-title", article_id), f"Title of the {where}", fields.get("title", ""))

        typed = "body" in fields or "title" in fields
        key = ("article", article_id) if "body" in fields else ("article-title", article_id)
        self._change(text, make, draft=draft if typed else None, key=key if typed else None)

    def delete_article(self, article_id: str) -> None:
        """Move an article to the trash; its annotations stay with it."""
        lib = self._library

        def make() -> StateCommand | None:
            before = lib.article(article_id)
            if before.deleted:
                return None
            after = lib.set_article_deleted(article_id, True)
            shown = [a.id for a in self._article_annotations(before)]
            return ArticleCommand(self._context, "Delete Article", before, after, shown_annotation_ids=shown)

        self._change("Delete Article", make)

    def _article_annotations(self, article: Article) -> list[Annotation]:
        return [
            a
            for a in self._library.annotations(article.song_id, include_deleted=True)
            if a.article_id == article.id
        ]

    # ------------------------------------------------------------------ lenses

    def add_lens(self, name: str, colour: str) -> str | None:
        """A new lens, last in the order; returns its id (None if refused)."""

        def make() -> StateCommand:
            return LensCommand(self._context, "New Lens", None, self._library.add_lens(name, colour))

        command = self._change("New Lens", make)
        return command.lens_id if command else None

    def update_lens(self, lens_id: str, *, name: str | None = None, colour: str | None = None) -> None:
        """Rename or recolour a lens."""
        lib = self._library
        if colour is None:
            text = "Rename Lens"
        elif name is None:
            text = "Recolour Lens"
        else:
            text = "Edit Lens"

        def make() -> StateCommand | None:
            before = lib.lens(lens_id)
            after = lib.update_lens(lens_id, name=name, colour=colour)
            return None if after == before else LensCommand(self._context, text, before, after)

        self._change(text, make)

    def move_lens(self, lens_id: str, position: int) -> None:
        """Put a lens at 0-based *position* in the order (keys 1-9 follow the order)."""
        lib = self._library

        def make() -> StateCommand | None:
            before = {lens.id: lens.position for lens in lib.lenses()}
            after = {lens.id: lens.position for lens in lib.move_lens(lens_id, position)}
            return None if after == before else LensOrderCommand(self._context, before, after)

        self._change("Move Lens", make)

    def delete_lens(self, lens_id: str) -> None:
        """Delete a lens; its annotations stay, without a lens (undo gives it back to them)."""
        lib = self._library

        def make() -> StateCommand:
            before = lib.lens(lens_id)
            attached = [(a.id, a.song_id) for a in lib.annotations_with_lens(lens_id)]
            lib.delete_lens(lens_id)
            return LensCommand(self._context, "Delete Lens", before, None, attached)

        self._change("Delete Lens", make)

    # ------------------------------------------------------------------- close

    def close(self) -> None:
        """Back up what changed, drop the history and close the library; do not use the session afterwards.

        Changes still unsaved are tried once more; callers that can ask the user should do so
        first (see `unsaved_count`).
        """
        self._watch_timer.stop()
        self._retry_timer.stop()
        self.retry_unsaved()
        self.back_up_on_quit()
        self._burst = None
        self.undo_stack.clear()
        self._library.close()

    def _name_of_song(self, song_id: str) -> str:
        try:
            return self._library.song(song_id).display_name
        except LyricpadError:
            return f"the song {song_id[:8]}"


def _reason(exc: Exception) -> str:
    """Why a change was not saved, for a message that goes on to say it is kept (the library's own
    "nothing was changed" would read as if the user's words were gone)."""
    return str(exc).removesuffix("; nothing was changed").removesuffix(", nothing was changed")


def one_line_quote(quote: str, width: int = 60) -> str:
    text = " / ".join(line.strip() for line in quote.splitlines() if line.strip())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _plural_changes(count: int) -> str:
    return "1 change" if count == 1 else f"{count} changes"


def _same_but_time(before: Song | Article, after: Song | Article) -> bool:
    """Whether two readings of an item differ in nothing but the time of the last change."""
    return dataclasses.replace(after, updated=before.updated) == before
