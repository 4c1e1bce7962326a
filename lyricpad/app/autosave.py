"""Save-while-typing, written once for every editor: when to save, what counts as saved, and what to show."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Signal

from lyricpad.app.save_timer import SaveTimer
from lyricpad.core.text import normalise_text


def same_stored_text(a: str, b: str) -> bool:
    """Texts compared as the library stores them (normalised line breaks and Unicode)."""
    return normalise_text(a) == normalise_text(b)


class Autosave(QObject):
    """Saves one editor's text while the user types, and says what to show when the data comes back.

    The editor tells it which item it holds (``switch``), each edit (``changed``) and when the
    stored text of that item arrives (``reload``); the controller calls *save(key, text)* after
    a pause in typing, at most SAVE_MAX_WAIT_MS into a burst of it, on ``flush()`` (switching
    item, leaving the editor, quitting) and when a ``watch``-ed widget loses the focus. It knows
    nothing of the store: *read_text* gives the text as it stands in the editor, and *same*
    says whether two texts are one as stored.

    The text last saved (or loaded) is remembered, so a text typed back as it was saves
    nothing. With *bursts_merge* (the saves of one burst are one undo step) a text saved earlier
    in the burst that comes back late never replaces newer words. A save that raises leaves the text unsaved and due again after a pause; a flush
    asked for while a save is being made waits for its own turn (no save runs inside another).
    """

    burst_ended = Signal()
    """A burst of saves is over (focus lost, another item shown): the next save starts a new undo
    step. Only emitted after at least one save."""

    def __init__(
        self,
        pause_ms: int,
        read_text: Callable[[], str],
        save: Callable[[str, str], None],
        *,
        max_wait_ms: int | None = None,
        same: Callable[[str, str], bool] = same_stored_text,
        bursts_merge: bool = False,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._read_text = read_text
        self._save = save
        self._same = same
        # When the saves of a burst merge into one undo step (notes), no undo can bring back a
        # text from inside the burst: such a text arriving is a late echo. Else it may be an undo.
        self._bursts_merge = bursts_merge
        self._key: str | None = None
        self._saved = ""  # the text last loaded or saved: the one the library holds, as far as we know
        self._burst: list[str] = []  # texts saved since the burst began, normalised (bursts_merge only)
        self._burst_saves = 0  # saves since the burst began
        self._failed = False  # the last save raised: what is typed is newer than anything stored
        self._saving = False
        self._timer = SaveTimer(pause_ms, max_wait_ms, self)
        self._timer.timeout.connect(self._on_timer_timeout)

    # ------------------------------------------------------------------ timing

    @property
    def pause_ms(self) -> int:
        """How long typing must pause before the text is saved."""
        return self._timer.pause_ms

    @property
    def max_wait_ms(self) -> int:
        """The longest the first edit of a burst waits, however long typing goes on."""
        return self._timer.max_wait_ms

    def is_pending(self) -> bool:
        """Whether an edit is waiting for its save."""
        return self._timer.is_pending()

    def due_in_ms(self) -> int:
        """Milliseconds until the waiting edit is saved, or -1 when none is waiting."""
        return self._timer.due_in_ms()

    def burst_age_ms(self) -> int:
        """How long ago the waiting burst of edits began, or -1 when none is waiting."""
        return self._timer.burst_age_ms()

    # ------------------------------------------------------------------- state

    @property
    def key(self) -> str | None:
        """The item whose text the editor holds (None: nothing to save)."""
        return self._key

    @property
    def saved_text(self) -> str:
        """The text last loaded or saved for the item."""
        return self._saved

    def has_unsaved(self) -> bool:
        """Whether the editor holds text that was not handed to *save* (or whose save failed)."""
        return self._key is not None and not self._same(self._read_text(), self._saved)

    # ------------------------------------------------------------------ events

    def switch(self, key: str | None, text: str) -> None:
        """The editor now holds item *key* with stored *text*; the item it held before is saved first.

        Call it before the editor shows *text*: the flush reads what the old item's editor held.
        """
        if key != self._key:
            self.flush()
            self.end_burst()
        self._timer.stop()
        self._key = key
        self._saved = text
        self._failed = False

    def keeps_held_text(self, text: str) -> bool:
        """Whether the editor should keep what it holds when the item's stored *text* arrives.

        It should when it holds *text* already, or words newer than *text*: an edit waiting
        for its save, a save that failed, or, when bursts merge, *text* only echoes a save made
        earlier in this burst. Changes nothing (see ``reload``).
        """
        if self._same(self._read_text(), text):
            return True
        echo = self._bursts_merge and normalise_text(text) in self._burst
        return self._timer.is_pending() or self._failed or echo

    def reload(self, text: str) -> bool:
        """The item's stored *text* arrived: whether the editor should show it (at once).

        Unless the editor keeps what it holds (``keeps_held_text``), *text* counts as saved from
        here on.
        """
        if self._same(self._read_text(), text):
            self._saved = text
            return False
        if self.keeps_held_text(text):
            return False
        self._saved = text
        return True

    def changed(self) -> None:
        """The text was edited: saved once typing pauses, or when the burst has waited too long."""
        if self._key is not None:
            self._timer.changed()

    def flush(self) -> bool:
        """Save now if the text differs from the one saved; whether a save was made."""
        self._timer.stop()
        if self._key is None or not self.has_unsaved():
            return False
        if self._saving:
            self._timer.changed()  # its own save comes once this one is over
            return False
        key, text, before = self._key, self._read_text(), self._saved
        # Counted as saved before the save runs: what it sets off (the data coming back, a
        # refresh of the editor) finds nothing left to save.
        self._saved = text
        self._burst_saves += 1
        if self._bursts_merge:  # only then is a late echo told from an undo (see keeps_held_text)
            self._burst.append(normalise_text(text))
        self._saving = True
        try:
            self._save(key, text)
        except BaseException:
            self._saved = before
            self._burst_saves -= 1
            if self._bursts_merge:
                self._burst.pop()
            self._failed = True
            self._timer.changed()  # tried again after a pause; the text stays as typed
            raise
        finally:
            self._saving = False
        self._failed = False
        return True

    def end_burst(self) -> None:
        """The burst of edits is over: the next save starts a new undo step."""
        if self._burst_saves:
            self._burst, self._burst_saves = [], 0
            self.burst_ended.emit()

    def close(self) -> None:
        """The editor holds no item any more: what it held is saved first."""
        self.switch(None, "")

    def watch(self, widget: QObject) -> None:
        """Save and end the burst when *widget* loses the focus (the user went elsewhere)."""
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.flush()
            self.end_burst()
        return super().eventFilter(watched, event)

    def _on_timer_timeout(self) -> None:
        self.flush()
