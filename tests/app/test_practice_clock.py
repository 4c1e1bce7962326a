"""The practice clock on a time source the test moves: start, pause, seek, loop; audio only where installed."""

import importlib.util

import pytest

from lyricpad.app.practice_clock import PracticeClock, audio_available
from lyricpad.core.practice import LoopRange

NO_AUDIO = "PySide6-Addons (QtMultimedia) is not installed: lyricpad[audio]"


class FakeTime:
    """A monotonic time source in seconds that moves only when the test says so."""

    def __init__(self):
        self.seconds = 100.0

    def __call__(self) -> float:
        return self.seconds

    def advance(self, ms: int) -> None:
        self.seconds += ms / 1000


@pytest.fixture
def time_source():
    return FakeTime()


@pytest.fixture
def clock(qapp, time_source):
    clock = PracticeClock(now=time_source)
    yield clock
    clock.pause()


def test_a_clock_stands_still_until_started(clock, time_source):
    time_source.advance(5000)
    assert clock.position() == 0
    assert not clock.is_playing()


def test_started_it_follows_the_time_source_and_pausing_holds_it(clock, time_source):
    seen: list[int] = []
    clock.position_changed.connect(seen.append)
    states: list[bool] = []
    clock.playing_changed.connect(states.append)
    clock.play()
    time_source.advance(1500)
    clock.tick()
    assert clock.position() == 1500
    clock.pause()
    time_source.advance(4000)
    clock.tick()
    assert clock.position() == 1500
    clock.play()
    time_source.advance(250)
    assert clock.position() == 1750
    assert seen == [1500]  # a tick announces; a pause at the same place does not again
    assert states == [True, False, True]


def test_seeking_while_playing_plays_on_from_there(clock, time_source):
    clock.play()
    time_source.advance(1000)
    clock.seek(30_000)
    time_source.advance(500)
    assert clock.position() == 30_500
    clock.seek(-40)
    assert clock.position() == 0


def test_toggle_plays_and_pauses(clock):
    clock.toggle()
    assert clock.is_playing()
    clock.toggle()
    assert not clock.is_playing()


def test_a_loop_wraps_on_the_tick_past_its_end(clock, time_source):
    seen: list[int] = []
    clock.position_changed.connect(seen.append)
    clock.set_loop(LoopRange(2000, 5000, 1, 2))
    assert clock.position() == 2000  # outside the loop: taken to its start
    clock.play()
    time_source.advance(2900)
    clock.tick()
    assert clock.position() == 4900
    time_source.advance(200)
    clock.tick()
    assert clock.position() == 2000
    time_source.advance(100)
    assert clock.position() == 2100
    assert seen == [2000, 4900, 2000]


def test_restart_goes_to_the_loop_start_or_the_song_start(clock, time_source):
    clock.seek(7000)
    clock.restart()
    assert clock.position() == 0
    clock.set_loop(LoopRange(2000, 5000, 1, 2))
    clock.seek(3000)
    clock.restart()
    assert clock.position() == 2000


def test_the_timer_ticks_while_playing(clock, time_source, qtbot):
    clock.play()
    time_source.advance(800)
    with qtbot.waitSignal(clock.position_changed, timeout=2000) as signal:
        pass
    assert signal.args == [800]


def test_without_audio_the_clock_has_no_speed_but_one(clock):
    clock.set_speed(0.5)
    assert clock.speed() == 1.0
    assert not clock.has_audio() and clock.audio_path() == ""


def test_audio_available_says_whether_qt_multimedia_is_installed():
    assert audio_available() == (importlib.util.find_spec("PySide6.QtMultimedia") is not None)


@pytest.mark.skipif(not audio_available(), reason=NO_AUDIO)
def test_with_audio_the_clock_follows_the_player_and_has_a_speed(clock, tmp_path):
    import struct
    import wave

    path = tmp_path / "tone.wav"
    with wave.open(str(path), "wb") as out:  # a second of silence, made here
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(struct.pack("<h", 0) * 8000)
    clock.load_audio(path)
    assert clock.has_audio() and clock.audio_path() == str(path)
    clock.set_speed(0.5)
    assert clock.speed() == 0.5
    clock.drop_audio()
    assert not clock.has_audio()
