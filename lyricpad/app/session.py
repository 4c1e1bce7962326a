"""The session: the one open library of a window, read by the widgets, changed through undoable commands."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from lyricpad.app.commands import CommandContext, NoteCommand, StateCommand
from lyricpad.app.edits.annotations import AnnotationEdits
from lyricpad.app.edits.lenses import LensEdits
from lyricpad.app.edits.links import LinkEdits
from lyricpad.app.edits.songs import ArticleEdits, SongEdits
from lyricpad.app.library_care import LibraryCare
from lyricpad.app.practice_edits import TimingEdits
from lyricpad.app.safekeeping import Safekeeping
from lyricpad.app.study_commands import StudyCorrections
from lyricpad.app.translation_edits import TranslationEdits
from lyricpad.core.models import Annotation, Article, Lens, QuoteLink, Song, SongSummary
from lyricpad.core.paths import library_path
from lyricpad.core.store import Library


class Session(QObject):
    """Owns an open `Library` and its undo history, and knows which song the window shows.

    Widgets read through the session and never touch the store or SQL themselves. Every
    change goes through the session's edits, one group per entity (`annotation_edits`,
    `song_edits`, `article_edits`, `lens_edits`, `link_edits`, and for the study tools
    `correction_edits`, `translation_edits`, `timing_edits`), which push one undoable command onto
    `undo_stack` and share one `CommandContext` (an undo that fails stops them all writing); after each change, and after each undo and redo, the session emits the
    fact signals that say what changed. A change the library refuses emits `write_failed`
    and leaves the library and the stack as they were. `safekeeping` makes each change and
    keeps those the library could not take; `library_care` watches for other programs'
    changes, makes backups, restores and repairs.
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
    links_changed = Signal(str)
    """Quote links of the song (id given) were made or removed by the user (or that was undone).

    Links also change with the lyrics and the articles: song_changed and articles_changed say so."""
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
        """*clock* gives the time of note edits and backups in seconds (tests pass a fake one)."""
        super().__init__(parent)
        self._library = library
        self._current_song_id = ""
        self._burst: NoteCommand | None = None  # the note edit later edits may still merge into
        self._pushing = False
        self.undo_stack = QUndoStack(self)
        self.library_care = LibraryCare(self, clock)
        self.safekeeping = Safekeeping(self, self.library_care)
        context = CommandContext(library, self)
        self.annotation_edits = AnnotationEdits(self, context, clock)
        self.song_edits = SongEdits(self, context)
        self.article_edits = ArticleEdits(self, context)
        self.lens_edits = LensEdits(self, context)
        self.link_edits = LinkEdits(self, context)
        self.correction_edits = StudyCorrections(self, context)
        """The study view's corrections (its `corrections_changed` says which song's changed)."""
        self.translation_edits = TranslationEdits(self, context)
        """Songs' translations (its `translation_changed` says which song's changed)."""
        self.timing_edits = TimingEdits(self, context)
        """Line times set while practising (tag and next), and the times notes are about."""
        self._song_count: int | None = None  # counted again after each change of the song list
        self.songs_changed.connect(self._forget_song_count)

    @classmethod
    def open(cls, library_option: str | os.PathLike | None = None, parent: QObject | None = None) -> Session:
        """Open the library named by --library (else $LYRICPAD_LIBRARY, else the default).

        Raises a `LyricpadError` with a readable message when the library cannot be used.
        """
        return cls(Library.open(library_path(library_option)), parent)

    @property
    def library(self) -> Library:
        """The open library, for readers that need more than the session offers (exports).

        Changes go through the session's edits, never through this.
        """
        return self._library

    @property
    def library_path(self) -> Path | None:
        """The library file, or None for an in-memory library."""
        return self._library.path

    @property
    def read_only(self) -> str | None:
        """Why the library is open read-only (written by a newer lyricpad), or None."""
        return self._library.read_only

    # ------------------------------------------------------------------ reading

    def songs(self) -> list[Song]:
        """Every song not in the trash, sorted by title then artist."""
        return self._library.songs.all()

    def song_listing(self, order: str = "title") -> list[SongSummary]:
        """The songs not in the trash, without their lyrics, sorted by the library in *order*
        (see `lyricpad.core.store.songs.SONG_ORDERS`): what the song list shows."""
        return self._library.songs.listing(order)

    def song_summary(self, song_id: str) -> SongSummary | None:
        """One song as `song_listing` gives it (None when it is gone or in the trash)."""
        return self._library.songs.summary(song_id)

    def first_song_id(self) -> str:
        """The first song in title order, not in the trash ("" when there is none)."""
        return self._library.songs.first_id()

    def song_count(self) -> int:
        """How many songs are not in the trash: counted by the library (nothing read) when the song
        list last changed (`songs_changed`), not at every edit of an annotation."""
        if self._song_count is None:
            self._song_count = self._library.songs.count()
        return self._song_count

    def _forget_song_count(self) -> None:
        self._song_count = None

    def trashed_songs(self) -> list[Song]:
        """The songs in the trash, sorted by title then artist."""
        return [s for s in self._library.songs.all(include_deleted=True) if s.deleted]

    def song(self, song_id: str) -> Song:
        return self._library.songs.get(song_id)

    def resolve_song(self, ref: str) -> Song:
        """The song named by an id, an id prefix or an exact title (raises SongNotFound)."""
        return self._library.songs.resolve(ref)

    def articles(self, song_id: str) -> list[Article]:
        return self._library.articles.for_song(song_id)

    def annotations(self, song_id: str) -> list[Annotation]:
        """The song's annotations in text order: lyrics first, then each article."""
        return self._library.annotations.for_song(song_id)

    def trashed_annotations(self, song_id: str) -> list[Annotation]:
        """The song's annotations in the trash, in text order."""
        return self.annotations_and_trash(song_id)[1]

    def annotations_and_trash(self, song_id: str) -> tuple[list[Annotation], list[Annotation]]:
        """The song's annotations and those in its trash, each in text order, read at once."""
        live: list[Annotation] = []
        trashed: list[Annotation] = []
        for annotation in self._library.annotations.for_song(song_id, include_deleted=True):
            (trashed if annotation.deleted else live).append(annotation)
        return live, trashed

    def annotation(self, annotation_id: str) -> Annotation:
        """One annotation, in the trash or not (raises AnnotationNotFound)."""
        return self._library.annotations.get(annotation_id)

    def links(self, song_id: str) -> list[QuoteLink]:
        """The quote links of the song's articles, in article then text order (orphaned ones left out)."""
        return self._library.links.for_song(song_id)

    def tags(self) -> list[str]:
        """Every tag in the library, sorted."""
        return self._library.tags.all()

    def lenses(self) -> list[Lens]:
        return self._library.lenses.all()

    # ------------------------------------------------------------ current song

    @property
    def current_song_id(self) -> str:
        return self._current_song_id

    def select_song(self, song_id: str) -> None:
        """Show *song_id* (raises SongNotFound for an unknown id); a no-op when already shown."""
        if song_id:
            self._library.songs.get(song_id)
        if song_id == self._current_song_id:
            return
        self._current_song_id = song_id
        self.current_song_changed.emit(song_id)

    # ------------------------------------------------------------ the history

    @property
    def pushing(self) -> bool:
        """A command is being pushed: changes asked for now (from its signals' slots) must wait."""
        return self._pushing

    def push(self, command: StateCommand) -> None:
        """Put a change already made on the undo stack (for `safekeeping`, which made it)."""
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
        self.safekeeping.run_queued()

    def end_note_burst(self) -> None:
        """The next note edit starts a new undo step (call when the note editor loses focus)."""
        if self._burst is not None and shiboken6.isValid(self._burst):
            self._burst.open = False
        self._burst = None

    def clear_history(self) -> None:
        """Drop the undo history: it no longer describes the library (changed elsewhere, restored, repaired)."""
        self._burst = None
        self.undo_stack.clear()

    # ------------------------------------------------------------------- close

    def close(self) -> None:
        """Back up what changed, drop the history and close the library; do not use the session afterwards.

        Changes still unsaved are tried once more; callers that can ask the user should do so
        first (see `safekeeping.unsaved_count`).
        """
        self.library_care.stop_watching()
        self.safekeeping.stop_retrying()
        self.safekeeping.retry_unsaved()
        self.library_care.back_up_on_quit()
        self.clear_history()
        self._library.close()
