"""Safekeeping: the session's changes made one at a time, in order, and never lost when the library cannot take them."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from lyricpad.app.commands import StateCommand
from lyricpad.app.unsaved import Draft, Pending, unsaved_markdown
from lyricpad.core.errors import LibraryUnavailable, LyricpadError, SearchIndexDamaged

if TYPE_CHECKING:
    from lyricpad.app.library_care import LibraryCare
    from lyricpad.app.session import Session

RETRY_SECONDS = 5
"""A change the library could not take (a full disk, a lock held too long) is tried again this often."""


class Safekeeping(QObject):
    """Makes every change of the session (`change`), and keeps those the library did not take.

    A change the library cannot take *for now* waits, in order, and is tried again every
    RETRY_SECONDS; a change that carries words the user typed is never dropped: refused
    for good, its words are kept for a copy. What happens is told through the session's
    signals (`unsaved_changed`, `change_kept`, `write_failed`, `notice`).
    """

    def __init__(self, session: Session, care: LibraryCare):
        super().__init__(session)
        self._session = session
        self._library = session.library
        self._care = care
        self._queued: list[Pending] = []
        # Changes the library could not take for now (LibraryUnavailable): kept, retried in order.
        self._unsaved: list[Pending] = []
        # Text the user typed that the library refused for good (the highlight was deleted
        # elsewhere...): never retried, never dropped either: the window offers a copy on quit.
        self._lost: list[Pending] = []
        self._busy = False  # a change is being made (see _attempt)
        self._retrying = False
        self._retry_timer = QTimer(self)
        self._retry_timer.setInterval(RETRY_SECONDS * 1000)
        self._retry_timer.timeout.connect(self.retry_unsaved)

    # ------------------------------------------------------------ making a change

    def change(
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
        if self._session.pushing or self._busy:
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
            self._session.push(command)
            self._care.after_write()
        self.run_queued()
        return command

    def _saved(self, pending: Pending) -> None:
        """A change was saved: words kept from an earlier, refused change of the same item are out of date."""
        if pending.key is not None and any(lost.key == pending.key for lost in self._lost):
            self._lost = [lost for lost in self._lost if lost.key != pending.key]
            self._session.unsaved_changed.emit(self.unsaved_count)

    def run_queued(self) -> None:
        """Make the changes asked for while another was being made or pushed, in order."""
        while self._queued and not (self._session.pushing or self._busy):
            pending = self._queued.pop(0)
            self.change(pending.text, pending.make, draft=pending.draft, key=pending.key)

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
                    self._care.repair_search_index(exc)
                except LyricpadError as failed:  # kept, as the change itself, for another try
                    message = self.tr("{problem}; rebuilding it failed: {reason}").format(
                        problem=exc, reason=failed
                    )
                    raise SearchIndexDamaged(message, exc.tables) from failed
                return make()
        finally:
            self._busy = False

    def _refused(self, pending: Pending, exc: LyricpadError, *, later: bool = False) -> None:
        """*pending* can never be saved; *later*: found on another try, maybe while the user types."""
        session = self._session
        if pending.draft is None:
            message = self.tr("“{change}” was not saved: {reason}").format(change=pending.text, reason=exc)
            (session.notice if later else session.write_failed).emit(message)
            return
        pending.reason = _reason(exc)
        self._lost.append(pending)
        session.unsaved_changed.emit(self.unsaved_count)
        message = self.tr(
            "“{change}” could not be saved: {reason}. What you typed is kept in this window: "
            "when you quit, lyricpad offers to save a copy of it as Markdown."
        )
        session.change_kept.emit(message.format(change=pending.text, reason=pending.reason))

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
        self._session.unsaved_changed.emit(self.unsaved_count)
        if exc is not None:
            message = self.tr(
                "“{change}” is not saved yet: {reason}. It is kept in the window and saved as soon as "
                "the library can be written (lyricpad tries again every %n second(s)).",
                "",
                RETRY_SECONDS,
            )
            self._session.change_kept.emit(message.format(change=pending.text, reason=pending.reason))

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
                        self._session.push(command)
                        self._care.after_write()
                self._session.unsaved_changed.emit(self.unsaved_count)
        finally:
            self._retrying = False
        self.run_queued()
        return not self._unsaved

    def stop_retrying(self) -> None:
        """No more tries on the timer (the session closes; it tries once more itself)."""
        self._retry_timer.stop()

    def discard_unsaved(self) -> None:
        """Forget the changes not saved: the user chose to quit without them (or saved a copy of them)."""
        self._unsaved.clear()
        self._lost.clear()
        self._retry_timer.stop()
        self._session.unsaved_changed.emit(0)

    def last_unsaved_reason(self) -> str:
        """Why the oldest change waiting was not saved (the last error), for the question on quitting."""
        return next((p.reason for p in self._unsaved if p.reason), "")

    def unsaved_descriptions(self) -> list[str]:
        """One line per change not saved, oldest first: what it is, about what, and why it failed."""
        lines = []
        for pending in [*self._unsaved, *self._lost]:
            draft = pending.describe()
            if draft and pending.reason:
                line = self.tr("{change} ({about}): {reason}")
            elif draft:
                line = self.tr("{change} ({about})")
            elif pending.reason:
                line = self.tr("{change}: {reason}")
            else:
                line = "{change}"
            about = draft.heading if draft else ""
            lines.append(line.format(change=pending.text, about=about, reason=pending.reason))
        return lines

    def unsaved_markdown(self) -> str:
        """What is not saved, as Markdown: the words typed in each change (the newest), then the others."""
        name = str(self._library.path) if self._library.path else self.tr("an in-memory library")
        return unsaved_markdown([*self._lost, *self._unsaved], name)

    def save_unsaved_copy(self, path: str | os.PathLike) -> Path:
        """Write `unsaved_markdown()` to *path* (atomically); raises a LyricpadError when it cannot."""
        from lyricpad.core.export.files import write_atomic

        return write_atomic(path, self.unsaved_markdown())


def _reason(exc: Exception) -> str:
    """Why a change was not saved, for a message that goes on to say it is kept (the library's own
    "nothing was changed" would read as if the user's words were gone)."""
    return str(exc).removesuffix("; nothing was changed").removesuffix(", nothing was changed")
