"""kill -9 while a note is being typed without a pause: the library keeps all but the last two seconds of it."""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from lyricpad.app.save_timer import SAVE_MAX_WAIT_MS
from lyricpad.core.store import Library

TYPIST = Path(__file__).with_name("note_typist.py")
TYPING_SECONDS = 5.0
MAY_LOSE_SECONDS = SAVE_MAX_WAIT_MS / 1000 + 0.5
"""The maximum wait, and room for a busy event loop (a key, a save) to make the save late."""


def read_ticks(lines) -> list[dict]:
    """The typist's progress lines; a line cut short by the kill is left out."""
    ticks = []
    for line in lines:
        if not line.endswith("\n"):
            break
        ticks.append(json.loads(line))
    return ticks


@pytest.mark.timeout(60)
def test_kill_9_while_typing_a_note_loses_at_most_the_last_two_seconds(tmp_path):
    path = tmp_path / "library.sqlite"
    Library.open(path).close()  # the demo song, as a first run makes it
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with (tmp_path / "typist.err").open("w") as errors:
        typist = subprocess.Popen(
            [sys.executable, str(TYPIST), str(path)],
            stdout=subprocess.PIPE,
            stderr=errors,
            env=env,
            text=True,
        )
        try:
            header = typist.stdout.readline()
            assert header, f"the typist quit: {(tmp_path / 'typist.err').read_text()}"
            started = json.loads(header)
            ticks = []
            for line in typist.stdout:
                ticks.extend(read_ticks([line]))
                if ticks and ticks[-1]["t"] - ticks[0]["t"] >= TYPING_SECONDS:
                    break
            typist.send_signal(signal.SIGKILL)
            ticks.extend(read_ticks(typist.stdout.readlines()))  # what it printed before it died
            assert typist.wait(timeout=10) == -signal.SIGKILL
        finally:
            if typist.poll() is None:
                typist.kill()
                typist.wait()
            typist.stdout.close()

    assert started["annotation"] and started["note"] == ""
    last = ticks[-1]
    assert last["t"] - ticks[0]["t"] >= TYPING_SECONDS, "the typist died before it was killed"
    with Library.open(path) as library:
        saved = library.annotations.get(started["annotation"]).note
    # What the editor held MAY_LOSE_SECONDS before the kill (by the typist's own clock) was saved:
    # the note on disk is at least that, and no more than what was typed.
    held_then = [tick["note"] for tick in ticks if tick["t"] <= last["t"] - MAY_LOSE_SECONDS]
    assert held_then, "typed for less than MAY_LOSE_SECONDS"
    assert last["note"].startswith(saved), (saved, last["note"])
    assert saved.startswith(held_then[-1]), (
        f"saved {len(saved)} of {len(last['note'])} characters typed; "
        f"{len(held_then[-1])} were typed {MAY_LOSE_SECONDS} s before the kill"
    )
