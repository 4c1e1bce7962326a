"""When to save what is being typed: after a pause, or at most SAVE_MAX_WAIT_MS into a burst (Autosave's clock)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal

SAVE_MAX_WAIT_MS = 2000
"""The longest an edit waits to be saved while typing goes on without a pause.

Continuous typing is saved at least this often, so a crash (or kill -9) mid-sentence loses at
most the last two seconds of it, unless the user chose another wait (see `SavePace`)."""


class SavePace(QObject):
    """The pause and the maximum wait the user chose in Settings, followed live by every SaveTimer.

    *pause_ms* None leaves each editor its own pause; a SaveTimer made with an explicit
    *max_wait_ms* keeps it whatever is chosen here.
    """

    changed = Signal()
    """The pace was changed: idle timers take it at once, one waiting for a pause at its next burst."""

    def __init__(self) -> None:
        super().__init__()
        self.pause_ms: int | None = None
        self.max_wait_ms = SAVE_MAX_WAIT_MS

    def set_pace(self, pause_ms: int | None, max_wait_ms: int) -> None:
        if (pause_ms, max_wait_ms) != (self.pause_ms, self.max_wait_ms):
            self.pause_ms, self.max_wait_ms = pause_ms, max_wait_ms
            self.changed.emit()


_pace: SavePace | None = None


def save_pace() -> SavePace:
    """The one SavePace of this process (made when first asked for)."""
    global _pace
    if _pace is None:
        _pace = SavePace()
    return _pace


class SaveTimer(QObject):
    """When to save what is being typed: once typing pauses, or once the oldest unsaved edit is too old.

    An editor calls ``changed()`` on every edit and saves on ``timeout``. That comes *pause_ms*
    after the last change (each change restarts that wait), or *max_wait_ms* after the first
    change of a burst (later changes do not restart that one), whichever is first; then the next
    change starts a new burst. ``flush()`` saves a waiting edit at once (focus loss, switching,
    closing); ``is_pending()`` says whether an edit is waiting.
    """

    timeout = Signal()
    """Save now: an edit has waited long enough (not emitted by ``stop()``; emitted by ``flush()``)."""

    def __init__(self, pause_ms: int, max_wait_ms: int | None = None, parent: QObject | None = None):
        """*pause_ms* is the editor's own pause; the one chosen in Settings (`save_pace`) wins over it."""
        super().__init__(parent)
        self._own_pause_ms = pause_ms
        self._own_max_wait_ms = max_wait_ms
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.timeout.connect(self._on_timer_timeout)
        self._max_wait = QTimer(self)
        self._max_wait.setSingleShot(True)
        # Precise: a coarse timer may fire up to 5% late, and this one is a promise to the user.
        self._max_wait.setTimerType(Qt.TimerType.PreciseTimer)
        self._max_wait.timeout.connect(self._on_timer_timeout)
        save_pace().changed.connect(self._on_pace_changed)
        self._take_pace()

    @property
    def pause_ms(self) -> int:
        """How long typing must pause before the edit is saved."""
        return self._pause.interval()

    @property
    def max_wait_ms(self) -> int:
        """The longest the first edit of a burst waits, however long typing goes on."""
        return self._max_wait.interval()

    def changed(self) -> None:
        """An edit was made: the save waits for a pause, but no longer than the burst's maximum wait."""
        if not self._max_wait.isActive():
            self._take_pace()
            self._max_wait.start()
        self._pause.start()

    def is_pending(self) -> bool:
        """Whether an edit is waiting to be saved (changed since the last timeout, flush or stop)."""
        return self._pause.isActive()

    def due_in_ms(self) -> int:
        """Milliseconds until ``timeout`` is emitted, or -1 when no edit is waiting."""
        if not self.is_pending():
            return -1
        return min(self._pause.remainingTime(), self._max_wait.remainingTime())

    def burst_age_ms(self) -> int:
        """How long ago the waiting burst began (its first change), or -1 when no edit is waiting."""
        if not self.is_pending():
            return -1
        return self._max_wait.interval() - self._max_wait.remainingTime()

    def stop(self) -> None:
        """Forget a waiting edit without saving it (the editor shows other text now)."""
        self._pause.stop()
        self._max_wait.stop()

    def flush(self) -> bool:
        """Emit ``timeout`` now if an edit is waiting; whether one was."""
        if not self.is_pending():
            return False
        self._fire()
        return True

    def _fire(self) -> None:
        # Both stop first: what the save triggers (a refresh of the editor) sees nothing pending.
        self.stop()
        self.timeout.emit()

    def _on_timer_timeout(self) -> None:
        self._fire()

    def _on_pace_changed(self) -> None:
        # A waiting edit keeps its deadlines (setInterval would restart a running QTimer): the
        # new pace is taken when the next burst begins.
        if not self._max_wait.isActive():
            self._take_pace()

    def _take_pace(self) -> None:
        pace = save_pace()
        self._pause.setInterval(self._own_pause_ms if pace.pause_ms is None else pace.pause_ms)
        self._max_wait.setInterval(
            pace.max_wait_ms if self._own_max_wait_ms is None else self._own_max_wait_ms
        )
