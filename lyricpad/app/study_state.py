"""The study view of the song shown, computed off the GUI thread and computed again when its lyrics or corrections change.

The pronunciation dictionary is loaded once, lazily, by the first computation (on the worker's
thread); later computations take milliseconds. Only the newest request counts: a result for
lyrics or corrections that changed meanwhile is dropped and the newest is computed.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal

from lyricpad.app.worker import LibraryWorker
from lyricpad.core.study import Correction, StudyView, song_study_language

if TYPE_CHECKING:
    from lyricpad.app.current_song import CurrentSong
    from lyricpad.app.session import Session
    from lyricpad.app.study_commands import StudyCorrections
    from lyricpad.core.store import Library

LOADING_MESSAGE = QT_TRANSLATE_NOOP("StudyState", "Loading the pronunciation dictionary…")
"""What the window says while the dictionary loads, in English: translate it (context "StudyState") where shown."""


@dataclass(frozen=True)
class _Request:
    song_id: str
    lyrics: str
    language: str
    corrections: tuple[Correction, ...]


@dataclass(frozen=True)
class _Result:
    request: _Request
    view: StudyView
    computed: StudyView  # without the corrections: what each corrected value was computed as
    seconds: float  # study() alone, the dictionary loaded
    hint: str  # what the view should say beside its values (study_hints.view_hint), or ""


def _compute(request: _Request) -> _Result:
    from lyricpad.core import prosody
    from lyricpad.core.study import corrected_view, study
    from lyricpad.core.study_hints import view_hint

    prosody.ensure_loaded()  # once per process: the first call reads the dictionary
    started = time.perf_counter()
    computed = study(request.lyrics, language=request.language)
    view = computed
    if request.corrections:  # computed once more only when a correction moves a section boundary
        view = corrected_view(computed, request.corrections) or study(
            request.lyrics, language=request.language, corrections=request.corrections
        )
    seconds = time.perf_counter() - started
    return _Result(request, view, computed, seconds, view_hint(view))


class StudyWorker(LibraryWorker):
    what = "the study view"
    failure = QT_TRANSLATE_NOOP("LibraryWorker", "The study view failed: {reason}")
    reads_library = False  # study() reads the request alone: no connection, and a thread even in memory


class StudyState(QObject):
    """What the study view shows for the current song; computed only while the view is on (`set_enabled`)."""

    study_changed = Signal()
    """The view of the current song changed (computed, cleared, or its dictionary started or ended loading)."""

    def __init__(
        self,
        session: Session,
        current: CurrentSong,
        corrections: StudyCorrections,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._session = session
        self._current = current
        self._enabled = False
        self.view: StudyView | None = None
        """The study view of the current song, corrections applied (None: off, no song, or not computed yet)."""
        self.computed: StudyView | None = None
        """The same view without the corrections: the computed value behind each corrected one."""
        self.loading = False
        """The dictionary is being loaded (the first computation of the process is running)."""
        self.error = ""
        """Why the last computation failed ("" when it did not)."""
        self.seconds = 0.0
        """How long the last study() took, the dictionary loaded (for the status line and benchmarks)."""
        self.hint = ""
        """What the view says beside its values (study_hints.view_hint), computed with it off the GUI thread."""
        self._worker = StudyWorker(session, self)
        self._worker.finished.connect(self._on_worker_finished)
        self._worker.failed.connect(self._on_worker_failed)
        self.view_song_id = ""
        """The song the view is of."""
        self._wanted: _Request | None = None  # the newest request not yet answered
        self._last: _Request | None = None  # the request the view answers
        self._running: _Request | None = None  # the request the worker computes
        current.switched.connect(self._on_current_song_changed)
        current.song_changed.connect(self._on_current_song_changed)
        corrections.corrections_changed.connect(self._on_corrections_changed)

    @property
    def enabled(self) -> bool:
        return self._enabled

    @property
    def view_lyrics(self) -> str | None:
        """The lyrics `view` was computed from (None: no view); while they differ from the song's, the
        view's line numbers and spans are of the lyrics before an edit."""
        return self._last.lyrics if self.view is not None and self._last is not None else None

    def set_enabled(self, enabled: bool) -> None:
        """Turn computing on (the view of the current song follows) or off (the view is dropped)."""
        if enabled == self._enabled:
            return
        self._enabled = enabled
        self.refresh()

    def is_busy(self) -> bool:
        """A computation is running (tests wait for this to end)."""
        return self._worker.is_running()

    def wait(self, msecs: int = 10_000) -> bool:
        return self._worker.wait(msecs)

    def refresh(self) -> None:
        """Compute the view of the current song again (its lyrics or corrections changed)."""
        song = self._current.song
        if not self._enabled or song is None:
            self._wanted = None
            changed = self.view is not None or self.loading
            self.view = self.computed = None
            self.loading = False
            if changed:
                self.study_changed.emit()
            return
        corrections = tuple(self._session.library.corrections.for_song(song.id))  # the anchored ones
        request = _Request(song.id, song.lyrics, song_study_language(song.language), corrections)
        if self.view is not None and self._wanted is None and self._last == request:
            return  # nothing it depends on changed (the song's title did)
        self._wanted = request
        if self.view is not None and self.view_song_id != song.id:
            self.view = self.computed = None  # another song's view is not shown meanwhile
            self.study_changed.emit()
        self._start()

    def _start(self) -> None:
        if self._worker.is_running() or self._wanted is None:
            return  # started again when the running one reports
        from lyricpad.core import prosody

        request = self._running = self._wanted
        if not prosody.is_loaded() and not self.loading:
            self.loading = True
            self.study_changed.emit()

        def job(_library: Library | None, _progress) -> _Result:
            return _compute(request)

        self._worker.run_job(job)

    def _on_worker_finished(self, result: _Result | None) -> None:
        was_loading, self.loading = self.loading, False
        if result is None or result.request != self._wanted:
            if was_loading:
                self.study_changed.emit()
            self._start()  # the lyrics or corrections changed while it ran
            return
        self._wanted = None
        self._last = result.request
        self.view_song_id = result.request.song_id
        self.view, self.computed, self.seconds = result.view, result.computed, result.seconds
        self.hint = result.hint
        self.error = ""
        self.study_changed.emit()

    def _on_worker_failed(self, message: str) -> None:
        self.loading = False
        if self._wanted is not None and self._wanted != self._running:
            self._start()  # the lyrics changed while the failed one ran: the newer request may well work
            return
        self._wanted = None
        self.error = message
        self.view = self.computed = None
        self.study_changed.emit()

    def _on_current_song_changed(self, _song_id: str) -> None:
        self.refresh()

    def _on_corrections_changed(self, song_id: str) -> None:
        if song_id == self._current.song_id:
            self.refresh()
