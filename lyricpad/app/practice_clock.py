"""The practice clock: the time a student plays, pauses and seeks, by itself or following a local audio file.

The clock runs on a time source (`time.monotonic` unless given one: tests pass their own) and
announces its position on every tick while it plays. With Qt's multimedia module installed
(`pip install lyricpad[audio]`: PySide6-Addons) it can load an audio file and follow the
player instead, which also gives a playback speed; without it, audio is simply not offered.
"""

from __future__ import annotations

import importlib.util
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QTimer, QUrl, Signal

from lyricpad.core.practice import LoopRange

TICK_MS = 40
"""How often a playing clock announces its position: smooth enough for a line to light up on time."""

SPEEDS = (0.5, 0.6, 0.75, 0.9, 1.0)
"""Playback speeds offered with audio (slower only: a student slows down to learn a passage)."""

AUDIO_FILTER = QT_TRANSLATE_NOOP(
    "PracticeClock", "Audio files (*.mp3 *.ogg *.oga *.opus *.flac *.wav *.m4a *.aac);;All files (*)"
)
"""The file dialog's filter for audio, in English: translate it (context "PracticeClock") where shown."""


_audio_works: bool | None = None  # what making a player answered (asked once, with an application)


def audio_installed() -> bool:
    """True when Qt's multimedia module (PySide6-Addons) is installed; nothing is imported or made."""
    try:
        return importlib.util.find_spec("PySide6.QtMultimedia") is not None
    except (ImportError, ValueError):
        return False


def audio_available() -> bool:
    """True when Qt's multimedia module is installed (PySide6-Addons) and makes a player.

    With a Qt application running, a player and its output are made once and thrown away: a
    module that imports but whose backend is broken says no here rather than when the student
    picks a file. Before there is an application, only the module's presence can be told.
    """
    global _audio_works
    if _audio_works is not None:
        return _audio_works
    if not audio_installed():
        return False
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is None:
        return True  # nothing can be made yet: asked again once the window runs
    try:
        from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

        player = QMediaPlayer()
        output = QAudioOutput()
        player.setAudioOutput(output)
        works = bool(player.isAvailable())
        player.setAudioOutput(None)
        del player, output
    except Exception:  # noqa: BLE001  (any failure of an optional backend: audio is not offered)
        works = False
    _audio_works = works
    return works


class AudioPlayer(QObject):
    """A local audio file played through QtMultimedia; made only when `audio_available()`."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer  # the optional module

        self._player = QMediaPlayer(self)
        self._output = QAudioOutput(self)
        self._player.setAudioOutput(self._output)
        self.path = ""

    def load(self, path: str | Path) -> None:
        self.path = str(path)
        self._player.setSource(QUrl.fromLocalFile(self.path))

    def play(self) -> None:
        self._player.play()

    def pause(self) -> None:
        self._player.pause()

    def position(self) -> int:
        return int(self._player.position())

    def seek(self, ms: int) -> None:
        self._player.setPosition(int(ms))

    def set_speed(self, speed: float) -> None:
        self._player.setPlaybackRate(float(speed))

    def speed(self) -> float:
        return float(self._player.playbackRate())


class PracticeClock(QObject):
    """Milliseconds into the song: started, paused, sought and looped by the student.

    *now* is the time source in seconds (monotonic); `tick()` is what the timer calls, and what
    a test calls after moving its own time source on.
    """

    position_changed = Signal(int)
    """The clock moved (a tick while playing, a seek, a loop wrapping): milliseconds."""

    playing_changed = Signal(bool)
    """The clock started (True) or stopped (False)."""

    audio_changed = Signal(str)
    """An audio file was loaded (its path) or dropped ("")."""

    def __init__(self, parent: QObject | None = None, *, now: Callable[[], float] | None = None):
        super().__init__(parent)
        self._now = now or time.monotonic
        self._origin_ms = 0  # the position when the clock last started, sought or paused
        self._started_at = 0.0  # the time source's reading when the clock last started
        self._playing = False
        self._loop: LoopRange | None = None
        self._last_announced: int | None = None
        self._audio: AudioPlayer | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)

    # ------------------------------------------------------------------ state

    def set_time_source(self, now: Callable[[], float]) -> None:
        """Read the time from *now* (seconds, monotonic) from here on; the position stays where it is."""
        self._origin_ms = self.position()
        self._now = now
        self._started_at = now()

    def is_playing(self) -> bool:
        return self._playing

    def position(self) -> int:
        """Where the clock is, in milliseconds."""
        if self._audio is not None:
            return self._audio.position()
        if self._playing:
            return self._origin_ms + max(round((self._now() - self._started_at) * 1000), 0)
        return self._origin_ms

    @property
    def loop(self) -> LoopRange | None:
        return self._loop

    def set_loop(self, loop: LoopRange | None) -> None:
        """Loop over *loop* from now on (None: no loop); a clock outside it goes to its start."""
        self._loop = loop
        if loop is not None and not loop.start_ms <= self.position() < loop.end_ms:
            self.seek(loop.start_ms)

    # --------------------------------------------------------------- controls

    def play(self) -> None:
        if self._playing:
            return
        self._origin_ms = self.position()
        self._started_at = self._now()
        self._playing = True
        if self._audio is not None:
            self._audio.play()
        self._timer.start()
        self.playing_changed.emit(True)

    def pause(self) -> None:
        if not self._playing:
            return
        self._origin_ms = self.position()
        self._playing = False
        if self._audio is not None:
            self._audio.pause()
        self._timer.stop()
        self.playing_changed.emit(False)
        self._announce(self._origin_ms)

    def toggle(self) -> None:
        """Play when paused, pause when playing (the practice bar's Space)."""
        if self._playing:
            self.pause()
        else:
            self.play()

    def seek(self, ms: int) -> None:
        """Go to *ms* (never below 0), playing on if the clock was playing."""
        ms = max(int(ms), 0)
        self._origin_ms = ms
        self._started_at = self._now()
        if self._audio is not None:
            self._audio.seek(ms)
        self._announce(ms, force=True)

    def restart(self) -> None:
        """Back to the start: of the loop when there is one, else of the song."""
        self.seek(self._loop.start_ms if self._loop is not None else 0)

    def stop(self) -> None:
        """Pause and go back to 0 (the practice mode was left)."""
        self.pause()
        self._loop = None
        self.seek(0)

    def tick(self) -> None:
        """Announce the position; a clock that ran past its loop's end goes back to the loop's start."""
        position = self.position()
        if self._loop is not None and position >= self._loop.end_ms:
            self.seek(self._loop.start_ms)
            return
        self._announce(position)

    def _announce(self, ms: int, *, force: bool = False) -> None:
        if force or ms != self._last_announced:
            self._last_announced = ms
            self.position_changed.emit(ms)

    # ------------------------------------------------------------------ audio

    def has_audio(self) -> bool:
        return self._audio is not None

    def audio_path(self) -> str:
        return self._audio.path if self._audio is not None else ""

    def load_audio(self, path: str | Path, player: AudioPlayer | None = None) -> None:
        """Follow the audio file at *path* from now on (only where `audio_available()`)."""
        self.pause()
        if self._audio is None:
            self._audio = player or AudioPlayer(self)
        self._audio.load(path)
        self._audio.seek(self._origin_ms)
        self.audio_changed.emit(self._audio.path)

    def drop_audio(self) -> None:
        """Go back to the clock alone, at the position the audio was at."""
        if self._audio is None:
            return
        self.pause()
        position = self._audio.position()
        self._audio.deleteLater()
        self._audio = None
        self._origin_ms = position
        self.audio_changed.emit("")

    def speed(self) -> float:
        """The playback speed: 1.0 without audio (the clock alone runs at the song's speed)."""
        return self._audio.speed() if self._audio is not None else 1.0

    def set_speed(self, speed: float) -> None:
        """Play the audio at *speed* (1.0 normal); the clock alone has no speed but 1.0."""
        if self._audio is not None:
            self._audio.set_speed(speed)
