"""Practice with a local audio file (only where Qt's multimedia module is installed: `lyricpad[audio]`).

The clock follows the player, at full speed and slowed down. Qt's FFmpeg backend plays to a null
sink when the machine has no audio device, so this runs on a headless machine too.
"""

import math
import struct
import wave

import pytest
from PySide6.QtCore import QEventLoop, QTimer

from lyricpad.app.practice_clock import PracticeClock, audio_available

pytestmark = pytest.mark.skipif(
    not audio_available(), reason="Qt's multimedia module is not installed (pip install 'lyricpad[audio]')"
)


def a_tone(path, seconds: int = 4) -> None:
    """A 440 Hz tone of *seconds*, written here."""
    rate = 8000
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(
            b"".join(
                struct.pack("<h", int(8000 * math.sin(i / rate * 2 * math.pi * 440)))
                for i in range(rate * seconds)
            )
        )


def run_for(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def test_the_clock_follows_the_audio_and_its_speed(qapp, tmp_path):
    path = tmp_path / "tone.wav"
    a_tone(path)
    clock = PracticeClock()
    clock.load_audio(path)
    run_for(300)  # the file is opened
    clock.play()
    run_for(800)
    clock.tick()
    full = clock.position()
    clock.pause()
    assert 400 <= full <= 1500  # about the time that passed: the player's, not a timer's

    clock.seek(0)
    clock.set_speed(0.5)
    clock.play()
    run_for(800)
    clock.tick()
    slow = clock.position()
    clock.pause()
    assert 150 <= slow <= 0.75 * full  # half speed: the song's time moves at about half the pace
    clock.drop_audio()
    assert not clock.has_audio()
